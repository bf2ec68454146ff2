// SPDX-License-Identifier: GPL-3.0-or-later
// The importer on any bytes, as a GeoJSON, CSV, GML or KML file (chosen from the first byte
// that is not blank, as a user's file would be named): each import is all or nothing, so after
// a refused file the store holds exactly what it held before, and nothing crashes.
#include "core/io/importer.h"
#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<vigie::core::Store> store;
    qint64 runs = 0;
};

Fixture &fixture()
{
    static Fixture *f = [] {
        auto *fx = new Fixture;
        auto created = vigie::core::Store::create(fx->dir.filePath(QStringLiteral("fuzz.vigie")));
        if (!created.ok())
            std::abort();
        fx->store = std::move(*created);
        return fx;
    }();
    return *f;
}

QString extensionFor(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '{' || c == '[')
            return QStringLiteral("geojson");
        if (c == '<')
            return bytes.contains("<kml") ? QStringLiteral("kml") : QStringLiteral("gml");
        break;
    }
    return QStringLiteral("csv");
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vigie::core;
    Fixture &f = fixture();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = f.dir.filePath(QStringLiteral("input.") + extensionFor(bytes));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(bytes);
    }
    const std::size_t before = f.store->layers().size();
    ImportOptions options;
    options.newLayerId = QStringLiteral("fuzz_%1").arg(++f.runs);
    if (path.endsWith(QLatin1String(".csv")))
        options.sourceCrs = QStringLiteral("EPSG:4326");
    auto imported = Importer::importFile(*f.store, path, options);
    if (imported.ok()) {
        // Keep the store small: the layer just made goes again.
        if (!f.store->removeLayer(imported->layerId).ok())
            std::abort();
    } else if (f.store->layers().size() != before) {
        std::abort(); // a refused import left a layer behind
    }
    QFile::remove(path);
    return 0;
}
