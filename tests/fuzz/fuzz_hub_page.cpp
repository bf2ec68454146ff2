// SPDX-License-Identifier: GPL-3.0-or-later
// A page of GeoJSON as the hub sends it, read with the sync's own checks, for the incidents
// layer (points, a time field, a closed list of categories) and the quartiers layer (polygons),
// in Lambert-93 and in CRS84: any bytes give features or an error.
#include "core/layerregistry.h"
#include "core/sync/syncengine.h"

#include <cstdint>
#include <cstdlib>

namespace {
const vigie::core::LayerManifest *manifest(const char *id)
{
    static const vigie::core::LayerRegistry registry = [] {
        vigie::core::LayerRegistry r;
        r.loadBuiltins();
        return r;
    }();
    const vigie::core::LayerManifest *m = registry.find(QString::fromLatin1(id));
    if (!m)
        std::abort();
    return m;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    // The first byte chooses the layer and the CRS; the rest is the page.
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const bool polygons = data[0] & 1;
    const QByteArray crs = (data[0] & 2)
                               ? QByteArray()
                               : QByteArrayLiteral("<http://www.opengis.net/def/crs/EPSG/0/2154>");
    auto parsed =
        vigie::core::sync::parseHubPage(body, *manifest(polygons ? "quartiers" : "incidents"), crs);
    (void)parsed;
    return 0;
}
