// SPDX-License-Identifier: GPL-3.0-or-later
// Layer manifests come from plugin folders anyone can fill: any bytes give a manifest or an
// error, and an accepted manifest survives its own round trip.
#include "core/layermanifest.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using vigie::core::LayerManifest;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto manifest = LayerManifest::fromJson(bytes, QStringLiteral("fuzz.json"));
    if (!manifest.ok())
        return 0;
    const QByteArray again = QJsonDocument(manifest->toJson()).toJson();
    auto reread = LayerManifest::fromJson(again, QStringLiteral("fuzz-again.json"));
    if (!reread.ok() || QJsonDocument(reread->toJson()).toJson() != again)
        std::abort(); // an accepted manifest must read back as itself
    return 0;
}
