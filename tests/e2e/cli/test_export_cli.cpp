// SPDX-License-Identifier: GPL-3.0-or-later
// Open formats through vigie-cli export (issue 14): the demo incidents of January 2025 go to
// GeoPackage, GeoJSON, FlatGeobuf, CSV, Shapefile, XLSX and ODS; each file is read back with
// GDAL (feature count, CRS, DateTime fields, coordinates against the workspace's) and the
// vector ones re-import into a new workspace without any option, with the same dates and
// categories. A KDE result goes to a cloud-optimised GeoTIFF whose size, origin and statistics
// GDAL reads back. Wrong extensions, existing files and periods on undated layers are refused
// and leave nothing behind.
#include "clirun.h"

#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

using vigie::test::runCli;

namespace {

struct DatasetClose
{
    void operator()(GDALDataset *ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetClose>;

Dataset openVector(const QString &path)
{
    return Dataset(GDALDataset::Open(QFile::encodeName(path).constData(),
                                     GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

/// Seconds since 1970 of midnight, Paris time, on a day.
qint64 parisMidnight(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone(QByteArrayLiteral("Europe/Paris")))
        .toSecsSinceEpoch();
}

/// "occurred_at|category" of every feature of a workspace layer, sorted.
QStringList keysOfStore(const QString &path, const QString &layer, qint64 from, qint64 to)
{
    auto store = vigie::core::Store::open(path, true);
    if (!store)
        return {QStringLiteral("cannot open ") + path};
    auto snap = (*store)->loadSnapshot(layer);
    if (!snap)
        return {snap.error().message};
    const auto &s = **snap;
    QStringList keys;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.time[i] < from || s.time[i] >= to)
            continue;
        const auto c = s.category[i];
        keys << QStringLiteral("%1|%2").arg(
            QDateTime::fromSecsSinceEpoch(s.time[i], QTimeZone::utc()).toString(Qt::ISODate),
            c >= 0 ? s.manifest.categories[std::size_t(c)].value : QString());
    }
    keys.sort();
    return keys;
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;
    QStringList m_january; ///< the workspace's January 2025 incidents, as keysOfStore() writes
    qint64 m_from = 0, m_to = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        GDALAllRegister();
        QVERIFY(m_dir.isValid());
        m_store = path(QStringLiteral("demo.vigie"));
        auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_store,
                         QStringLiteral("--scale"), QStringLiteral("0.2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("analyze"), QStringLiteral("kde"), QStringLiteral("--store"),
                    m_store, QStringLiteral("--from"), QStringLiteral("2025-01-01"),
                    QStringLiteral("--to"), QStringLiteral("2025-03-31")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_from = parisMidnight(2025, 1, 1);
        m_to = parisMidnight(2025, 2, 1);
        m_january = keysOfStore(m_store, QStringLiteral("incidents"), m_from, m_to);
        QVERIFY(m_january.size() > 100);
        qInfo() << m_january.size() << "incidents in January 2025 (Paris time)";
    }

    void vectorFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("epsg");
        QTest::addColumn<bool>("dateTime"); // occurred_at is a DateTime field
        QTest::addColumn<bool>("table");    // coordinates as longitude/latitude columns
        QTest::addColumn<bool>("reimport");
        QTest::newRow("GeoPackage") << "inc.gpkg" << 2154 << true << false << true;
        QTest::newRow("GeoJSON") << "inc.geojson" << 4326 << true << false << true;
        QTest::newRow("FlatGeobuf") << "inc.fgb" << 2154 << true << false << true;
        QTest::newRow("CSV") << "inc.csv" << 0 << false << true << true;
        QTest::newRow("Shapefile") << "inc.shp" << 2154 << false << false << true;
        QTest::newRow("XLSX") << "inc.xlsx" << 0 << true << true << false;
        QTest::newRow("ODS") << "inc.ods" << 0 << true << true << false;
    }

    /// Read back with GDAL, then imported again without options.
    void vectorFormats()
    {
        QFETCH(QString, file);
        QFETCH(int, epsg);
        QFETCH(bool, dateTime);
        QFETCH(bool, table);
        QFETCH(bool, reimport);
        const QString out = path(file);
        const auto r =
            runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                    QStringLiteral("--layer"), QStringLiteral("incidents"),
                    QStringLiteral("--from"), QStringLiteral("2025-01-01"), QStringLiteral("--to"),
                    QStringLiteral("2025-01-31"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("%1 features").arg(m_january.size())),
                 qPrintable(r.out));

        Dataset ds = openVector(out);
        QVERIFY2(ds, qPrintable(out));
        OGRLayer *layer = ds->GetLayer(0);
        QCOMPARE(layer->GetFeatureCount(), GIntBig(m_january.size()));
        OGRFeatureDefn *defn = layer->GetLayerDefn();
        const int at = defn->GetFieldIndex("occurred_at") >= 0 ? defn->GetFieldIndex("occurred_at")
                                                               : defn->GetFieldIndex("occurred_a");
        QVERIFY(at >= 0);
        QCOMPARE(defn->GetFieldDefn(at)->GetType() == OFTDateTime, dateTime);
        if (epsg) {
            const OGRSpatialReference *srs = layer->GetSpatialRef();
            QVERIFY(srs);
            OGRSpatialReference expected;
            expected.importFromEPSG(epsg);
            if (epsg == 4326) // RFC 7946: WGS 84 longitude/latitude, named by no code
                QVERIFY2(srs->IsGeographic() && std::abs(srs->GetSemiMajor() - 6378137.0) < 1e-6 &&
                             std::abs(srs->GetInvFlattening() - 298.257223563) < 1e-9,
                         qPrintable(file));
            else
                QVERIFY2(srs->IsSame(&expected), qPrintable(file));
        }
        // Positions, back in Lambert-93, are the workspace's (to 2 cm): the first 50 features,
        // each against the nearest January incident (FlatGeobuf orders by its spatial index).
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store);
        auto snap = (*store)->loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap);
        const auto &s = **snap;
        OGRSpatialReference wgs, l93;
        wgs.importFromEPSG(4326);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        l93.importFromEPSG(2154);
        l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        layer->ResetReading();
        for (int k = 0; k < 50; ++k) {
            std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
            QVERIFY(f);
            OGRPoint p;
            if (table) {
                p = OGRPoint(f->GetFieldAsDouble("longitude"), f->GetFieldAsDouble("latitude"));
            } else {
                QVERIFY(f->GetGeometryRef());
                p = *f->GetGeometryRef()->toPoint();
            }
            if (table || epsg == 4326) {
                p.assignSpatialReference(&wgs);
                QCOMPARE(p.transformTo(&l93), OGRERR_NONE);
            }
            double nearest = 1e300;
            for (std::size_t i = 0; i < s.size(); ++i)
                if (s.time[i] >= m_from && s.time[i] < m_to)
                    nearest = std::min(nearest, std::hypot(p.getX() - s.x[i], p.getY() - s.y[i]));
            QVERIFY2(
                nearest < 0.02,
                qPrintable(QStringLiteral("%1: %2 m from any incident").arg(file).arg(nearest)));
        }
        ds.reset();

        if (!reimport)
            return;
        const QString boundaries = path(QStringLiteral("arrondissements.gpkg"));
        if (!QFileInfo::exists(boundaries))
            QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                             QStringLiteral("--layer"), QStringLiteral("arrondissements"),
                             QStringLiteral("--out"), boundaries})
                         .exitCode,
                     0);
        const QString again = path(file + QStringLiteral(".vigie"));
        QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("--out"), again,
                         QStringLiteral("--boundaries"), boundaries})
                     .exitCode,
                 0);
        const auto imported = runCli({QStringLiteral("import"), QStringLiteral("--store"), again,
                                      QStringLiteral("--layer"), QStringLiteral("incidents"), out});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(!imported.err.contains(QStringLiteral("warning")), qPrintable(imported.err));
        QCOMPARE(keysOfStore(again, QStringLiteral("incidents"), m_from, m_to), m_january);
    }

    /// Shapefile names over 10 characters are cut, and listed beside it.
    void shapefileFieldMap()
    {
        QFile map(path(QStringLiteral("inc.fields.csv")));
        QVERIFY2(map.open(QIODevice::ReadOnly), "no inc.fields.csv beside inc.shp");
        const QString text = QString::fromUtf8(map.readAll());
        QVERIFY2(text.startsWith(QStringLiteral("shapefile_field,field,label_fr,label_en")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\"occurred_a\",\"occurred_at\"")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\"reported_b\",\"reported_by\"")), qPrintable(text));
    }

    /// A polygon layer to CSV: WKT in degrees, one row per quartier.
    void polygonsAsWkt()
    {
        const QString out = path(QStringLiteral("quartiers.csv"));
        const auto r = runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                               QStringLiteral("--layer"), QStringLiteral("quartiers"),
                               QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        Dataset ds = openVector(out);
        QVERIFY(ds);
        OGRLayer *layer = ds->GetLayer(0);
        QCOMPARE(layer->GetFeatureCount(), GIntBig(111));
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        const QString wkt = QString::fromUtf8(f->GetFieldAsString("wkt"));
        QVERIFY2(wkt.startsWith(QStringLiteral("MULTIPOLYGON (((5.")), qPrintable(wkt.left(60)));
    }

    /// The KDE result as a cloud-optimised GeoTIFF: the stored grid, with statistics.
    void rasterResult()
    {
        const QString out = path(QStringLiteral("kde.tif"));
        const auto r = runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                               QStringLiteral("--analysis"), QStringLiteral("kde"),
                               QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store);
        QString layerId;
        for (const auto &run : (*store)->analysisRecords())
            if (run.kind == QLatin1String("kde"))
                layerId = run.resultLayer;
        const auto grid = (*store)->readRaster(layerId);
        QVERIFY(grid);
        Dataset ds(GDALDataset::Open(QFile::encodeName(out).constData(), GDAL_OF_RASTER));
        QVERIFY(ds);
        QCOMPARE(ds->GetRasterXSize(), grid->grid.cols);
        QCOMPARE(ds->GetRasterYSize(), grid->grid.rows);
        double t[6];
        QCOMPARE(ds->GetGeoTransform(t), CE_None);
        QCOMPARE(t[0], grid->grid.xMin);
        QCOMPARE(t[3], grid->grid.yMax());
        QCOMPARE(t[1], grid->grid.cellSize);
        QCOMPARE(QString::fromUtf8(ds->GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE")),
                 QStringLiteral("COG"));
        GDALRasterBand *band = ds->GetRasterBand(1);
        const char *stored = band->GetMetadataItem("STATISTICS_MAXIMUM");
        QVERIFY2(stored, "no statistics in the GeoTIFF");
        double maximum = -1;
        for (double v : grid->values)
            if (!std::isnan(v))
                maximum = std::max(maximum, v);
        QVERIFY2(std::abs(std::atof(stored) - maximum) <= 1e-5 * maximum,
                 qPrintable(QStringLiteral("%1 vs %2").arg(QLatin1String(stored)).arg(maximum)));
        int hasNoData = 0;
        QVERIFY(std::isnan(band->GetNoDataValue(&hasNoData)) && hasNoData);
    }

    /// The map by extension: a PNG GDAL places in Lambert-93 (world file and .aux.xml), vector
    /// SVG and PDF, and any other extension refused before drawing.
    void mapFormats()
    {
        const QStringList common = {QStringLiteral("render"),
                                    QStringLiteral("--store"),
                                    m_store,
                                    QStringLiteral("--size"),
                                    QStringLiteral("800x600"),
                                    QStringLiteral("--extent"),
                                    QStringLiteral("889000,6240000,899000,6250000"),
                                    QStringLiteral("--no-decorations")};
        const QString png = path(QStringLiteral("map.png"));
        auto r = runCli(common + QStringList{QStringLiteral("--out"), png});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("map.pgw"))));
        Dataset ds(GDALDataset::Open(QFile::encodeName(png).constData(), GDAL_OF_RASTER));
        QVERIFY(ds);
        double t[6];
        QCOMPARE(ds->GetGeoTransform(t), CE_None);
        // The 10 km asked for, exactly, over 600 px (the height limits it), centred on it.
        const double unit = 10000.0 / 600.0;
        QVERIFY2(std::abs(t[1] - unit) < 1e-6 && std::abs(t[5] + unit) < 1e-6,
                 qPrintable(QStringLiteral("pixel %1 x %2").arg(t[1]).arg(t[5])));
        QVERIFY(std::abs(t[0] + 400 * t[1] - 894000.0) < 1e-3);
        QVERIFY(std::abs(t[3] + 300 * t[5] - 6245000.0) < 1e-3);
        OGRSpatialReference l93;
        l93.importFromEPSG(2154);
        QVERIFY(ds->GetSpatialRef() && ds->GetSpatialRef()->IsSame(&l93));
        ds.reset();

        r = runCli(common + QStringList{QStringLiteral("--out"), path(QStringLiteral("map.svg"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile svg(path(QStringLiteral("map.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg") && svgText.contains("<path"));
        r = runCli(common + QStringList{QStringLiteral("--out"), path(QStringLiteral("map.pdf"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile pdf(path(QStringLiteral("map.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 10000);

        r = runCli(common + QStringList{QStringLiteral("--out"), path(QStringLiteral("map.tif"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral(".png")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("map.tif"))));
    }

    /// Refusals: each leaves the folder as it was.
    void refusals()
    {
        const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden);
        const QString kde = path(QStringLiteral("kde.gpkg"));
        auto r = runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                         QStringLiteral("--analysis"), QStringLiteral("kde"),
                         QStringLiteral("--out"), kde});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is a raster")), qPrintable(r.err));
        r = runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                    QStringLiteral("--layer"), QStringLiteral("incidents"), QStringLiteral("--out"),
                    path(QStringLiteral("inc.svg"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("gpkg, geojson")), qPrintable(r.err));
        const QByteArray old = [&] {
            QFile f(path(QStringLiteral("inc.csv")));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        r = runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                    QStringLiteral("--layer"), QStringLiteral("incidents"), QStringLiteral("--out"),
                    path(QStringLiteral("inc.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("exists already")), qPrintable(r.err));
        QFile same(path(QStringLiteral("inc.csv")));
        QVERIFY(same.open(QIODevice::ReadOnly));
        QCOMPARE(same.readAll(), old);
        r = runCli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                    QStringLiteral("--layer"), QStringLiteral("arrondissements"),
                    QStringLiteral("--from"), QStringLiteral("2025-01-01"), QStringLiteral("--out"),
                    path(QStringLiteral("arr.geojson"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has no dates")), qPrintable(r.err));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden), before);
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "test_export_cli.moc"
