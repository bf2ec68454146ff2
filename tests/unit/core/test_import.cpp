// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/feedback.h"
#include "io/importer.h"
#include "store/store.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace vigie::core;

namespace {

const QString kData = QStringLiteral(VIGIE_SHARED_DATA);

QString dataFile(const char *rel)
{
    return QDir(kData).filePath(QString::fromLatin1(rel));
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

/// Rows of a CSV whose `column` is empty, counted with an independent quote-aware parser.
std::pair<int, int> csvRowsAndEmpty(const QString &path, const QString &column)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {-1, -1};
    auto split = [](const QString &line) {
        QStringList out;
        QString cur;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('"')) {
                if (quoted && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    cur += c;
                    ++i;
                } else {
                    quoted = !quoted;
                }
            } else if (c == QLatin1Char(',') && !quoted) {
                out << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        out << cur;
        return out;
    };
    QTextStream in(&f);
    const int col = int(split(in.readLine()).indexOf(column));
    int rows = 0, empty = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.isEmpty())
            continue;
        ++rows;
        const QStringList cells = split(line);
        if (col >= cells.size() || cells.at(col).trimmed().isEmpty())
            ++empty;
    }
    return {rows, empty};
}

/// What the store looks like, to check that a failed import left nothing behind.
QString storeState(Store &store)
{
    QStringList parts;
    for (const LayerManifest &m : store.layers())
        parts << QStringLiteral("%1=%2").arg(m.id).arg(store.featureCount(m.id));
    return parts.join(QLatin1Char(','));
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    QString tmp(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    /// Imports a broken input; checks the error code, the message and an unchanged store.
    void expectFailure(const QString &file, const ImportOptions &options, ErrorCode code,
                       const QStringList &mentions)
    {
        const QString before = storeState(*m_store);
        auto r = Importer::importFile(*m_store, file, options);
        QVERIFY2(!r.ok(), qPrintable(file));
        QVERIFY2(r.error().code == code, qPrintable(r.error().message));
        for (const QString &m : mentions)
            QVERIFY2(r.error().message.contains(m), qPrintable(r.error().message));
        QCOMPARE(storeState(*m_store), before);
        QVERIFY(m_store->checkIntegrity().ok());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto s = Store::create(tmp("import.vigie"));
        QVERIFY(s.ok());
        m_store = std::move(*s);
        GDALAllRegister();
    }

    void geojsonQuartiers()
    {
        ImportOptions o;
        o.newLayerId = QStringLiteral("quartiers_file");
        auto r = Importer::importFile(
            *m_store, dataFile("marseille_quartiers/quartiers-marseille.geojson"), o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->features, 111);
        QVERIFY(r->layerCreated);
        QCOMPARE(m_store->featureCount(QStringLiteral("quartiers_file")), 111);
        auto m = m_store->layer(QStringLiteral("quartiers_file"));
        QVERIFY(m);
        QCOMPARE(m->geometryType, GeometryType::Polygon);
        QVERIFY(m->field(QStringLiteral("nom")));
        QVERIFY(m->field(QStringLiteral("nom_qua"))); // NOM_QUA sanitised
        QCOMPARE(m->field(QStringLiteral("num_qua"))->type, FieldType::Integer);

        auto snap = m_store->loadSnapshot(QStringLiteral("quartiers_file"));
        QVERIFY(snap.ok());
        // Belsunce (1st arrondissement) lies around (892966, 6247362) in Lambert-93.
        bool found = false;
        for (std::size_t i = 0; i < (*snap)->size(); ++i) {
            auto a = m_store->attributes(QStringLiteral("quartiers_file"), (*snap)->fids[i]);
            if (a->value(QStringLiteral("nom")).toString() != QLatin1String("Belsunce"))
                continue;
            found = true;
            const QPointF c = (*snap)->geometries[i].bounds.center();
            QVERIFY2(qAbs(c.x() - 892966) < 300 && qAbs(c.y() - 6247362) < 300,
                     qPrintable(QStringLiteral("%1 %2").arg(c.x()).arg(c.y())));
            QVERIFY(contains((*snap)->geometries[i], QPointF(892966, 6247362)));
            QVERIFY(a->value(QStringLiteral("_source"))
                        .toString()
                        .contains(QStringLiteral("quartiers-marseille.geojson")));
        }
        QVERIFY(found);
        const QRectF ext = m_store->extent(QStringLiteral("quartiers_file"));
        QVERIFY(ext.left() > 880000 && ext.right() < 910000);
        QVERIFY(ext.top() > 6225000 && ext.bottom() < 6260000);
    }

    void geopackageArrondissements()
    {
        ImportOptions o;
        o.sourceLayer = QStringLiteral("arrondissements");
        auto r = Importer::importFile(
            *m_store, dataFile("marseille_arrondissements/marseille-limites-lambert93.gpkg"), o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->features, 16);
        QCOMPARE(r->layerId, QStringLiteral("marseille_limites_lambert93"));
        // Already Lambert-93: the extent must match the file's (881252..905587, 6232998..6257715).
        const QRectF ext = m_store->extent(r->layerId);
        QVERIFY(qAbs(ext.left() - 881252.0) < 2 && qAbs(ext.right() - 905587.3) < 2);
        QVERIFY(qAbs(ext.top() - 6232998.4) < 2 && qAbs(ext.bottom() - 6257715.4) < 2);
        ImportOptions wrong;
        wrong.sourceLayer = QStringLiteral("nope");
        expectFailure(dataFile("marseille_arrondissements/marseille-limites-lambert93.gpkg"), wrong,
                      ErrorCode::InvalidInput,
                      {QStringLiteral("nope"), QStringLiteral("arrondissements")});
    }

    void csvEssex()
    {
        const QString file = dataFile("crime_policeuk_essex_2018/2018-01-essex-street.csv");
        const auto [rows, empty] = csvRowsAndEmpty(file, QStringLiteral("longitude"));
        QVERIFY(rows > 10000);
        QVERIFY(empty > 0);

        // No CRS: a CSV says nothing about its coordinates.
        expectFailure(file, {}, ErrorCode::Crs, {file, QStringLiteral("EPSG:4326")});

        // Empty coordinates are invalid input by default: the error names the row.
        ImportOptions o;
        o.sourceCrs = QStringLiteral("EPSG:4326");
        o.newLayerId = QStringLiteral("essex");
        expectFailure(file, o, ErrorCode::InvalidInput, {file, QStringLiteral("FID")});
        QVERIFY(!m_store->hasLayer(QStringLiteral("essex")));

        o.skipInvalid = true;
        auto r = Importer::importFile(*m_store, file, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->skipped, empty);
        QCOMPARE(r->features, rows - empty);
        QVERIFY(!r->warnings.isEmpty());
        QCOMPARE(m_store->featureCount(QStringLiteral("essex")), qint64(rows - empty));
        auto m = m_store->layer(QStringLiteral("essex"));
        QVERIFY(!m->field(QStringLiteral("longitude"))); // geometry columns not kept
        QVERIFY(m->field(QStringLiteral("crime_type")));
        // Essex (0.0..1.3 E, 51.4..52.1 N) is north of France in Lambert-93; a few crimes
        // are recorded elsewhere in England, so check the median point.
        auto snap = m_store->loadSnapshot(QStringLiteral("essex"));
        QVERIFY(snap.ok());
        std::vector<double> xs = (*snap)->x, ys = (*snap)->y;
        std::nth_element(xs.begin(), xs.begin() + xs.size() / 2, xs.end());
        std::nth_element(ys.begin(), ys.begin() + ys.size() / 2, ys.end());
        const double mx = xs[xs.size() / 2], my = ys[ys.size() / 2];
        QVERIFY2(mx > 470000 && mx < 620000 && my > 7140000 && my < 7240000,
                 qPrintable(QStringLiteral("%1 %2").arg(mx).arg(my)));
    }

    void shapefileIntoManifestLayer()
    {
        // Write incidents as a Shapefile in Lambert-93, import into the built-in layer.
        const QString shp = tmp("incidents_shp.shp");
        {
            GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
            QVERIFY(drv);
            std::unique_ptr<GDALDataset> ds(
                drv->Create(shp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
            QVERIFY(ds);
            OGRSpatialReference srs;
            srs.importFromEPSG(2154);
            OGRLayer *lyr = ds->CreateLayer("incidents_shp", &srs, wkbPoint, nullptr);
            OGRFieldDefn when("occurred_a", OFTString); // 10-character DBF names
            OGRFieldDefn cat("category", OFTString);
            OGRFieldDefn sev("severity", OFTInteger);
            QVERIFY(lyr->CreateField(&cat) == OGRERR_NONE);
            QVERIFY(lyr->CreateField(&sev) == OGRERR_NONE);
            for (int i = 0; i < 25; ++i) {
                OGRFeature f(lyr->GetLayerDefn());
                f.SetField("category", i % 2 ? "violences" : "stupefiants");
                f.SetField("severity", 1 + i % 3);
                OGRPoint p(893000 + 10 * i, 6247000 - 5 * i);
                f.SetGeometry(&p);
                QVERIFY(lyr->CreateFeature(&f) == OGRERR_NONE);
            }
        }
        ImportOptions o;
        o.layerId = QStringLiteral("incidents"); // built-in, not yet in the store
        auto r = Importer::importFile(*m_store, shp, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->features, 25);
        QVERIFY(r->layerCreated);
        auto snap = m_store->loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap.ok());
        QCOMPARE((*snap)->size(), std::size_t(25));
        QCOMPARE((*snap)->x[3], 893030.0);
        QCOMPARE((*snap)->y[3], 6246985.0);
        QCOMPARE((*snap)->category[1], std::int16_t(1)); // violences
        QCOMPARE((*snap)->category[0], std::int16_t(3)); // stupefiants
        auto a = m_store->attributes(QStringLiteral("incidents"), (*snap)->fids[2]);
        QCOMPARE(a->value(QStringLiteral("severity")).toInt(), 3);
        // Again, into the same layer: appended.
        auto again = Importer::importFile(*m_store, shp, o);
        QVERIFY(again.ok());
        QVERIFY(!again->layerCreated);
        QCOMPARE(m_store->featureCount(QStringLiteral("incidents")), 50);
    }

    void unexpectedField()
    {
        const QString file = tmp("extra.geojson");
        writeFile(file, R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"category": "violences", "weapon": "knife"},
             "geometry": {"type": "Point", "coordinates": [5.37, 43.30]}}]})");
        ImportOptions o;
        o.layerId = QStringLiteral("incidents");
        expectFailure(file, o, ErrorCode::InvalidInput, {QStringLiteral("weapon"), file});
        o.dropUnknownFields = true;
        const qint64 before = m_store->featureCount(QStringLiteral("incidents"));
        auto r = Importer::importFile(*m_store, file, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(m_store->featureCount(QStringLiteral("incidents")), before + 1);
        ImportOptions unknown;
        unknown.layerId = QStringLiteral("no_such_layer");
        expectFailure(file, unknown, ErrorCode::UnknownLayer, {QStringLiteral("no_such_layer")});
    }

    void brokenInputs()
    {
        // Truncated GeoJSON.
        QFile src(dataFile("marseille_quartiers/quartiers-marseille.geojson"));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray full = src.readAll();
        const QString truncated = tmp("truncated.geojson");
        writeFile(truncated, full.left(full.size() / 2));
        expectFailure(truncated, {}, ErrorCode::InvalidInput, {truncated});

        // A self-intersecting ("bow-tie") polygon as the 2nd feature.
        const QString bowtie = tmp("bowtie.geojson");
        writeFile(bowtie, R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "ok"}, "geometry": {"type": "Polygon",
             "coordinates": [[[5.37, 43.30], [5.38, 43.30], [5.38, 43.31], [5.37, 43.30]]]}},
            {"type": "Feature", "properties": {"name": "bad"}, "geometry": {"type": "Polygon",
             "coordinates": [[[5.37, 43.30], [5.38, 43.31], [5.38, 43.30], [5.37, 43.31],
                              [5.37, 43.30]]]}}]})");
        expectFailure(bowtie, {}, ErrorCode::InvalidInput,
                      {bowtie, QStringLiteral("feature 2"), QStringLiteral("Self-intersection")});
        QVERIFY(!m_store->hasLayer(QStringLiteral("bowtie")));
        ImportOptions skip;
        skip.skipInvalid = true;
        auto skipped = Importer::importFile(*m_store, bowtie, skip);
        QVERIFY(skipped.ok());
        QCOMPARE(skipped->features, 1);
        QCOMPARE(skipped->skipped, 1);

        // Empty files: zero bytes, and a collection without features.
        const QString zero = tmp("zero.geojson");
        writeFile(zero, {});
        expectFailure(zero, {}, ErrorCode::InvalidInput, {zero});
        const QString none = tmp("none.geojson");
        writeFile(none, R"({"type": "FeatureCollection", "features": []})");
        expectFailure(none, {}, ErrorCode::InvalidInput, {none});

        // A line into a point layer.
        const QString line = tmp("line.geojson");
        writeFile(line, R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"category": "violences"}, "geometry":
             {"type": "LineString", "coordinates": [[5.37, 43.30], [5.38, 43.31]]}}]})");
        ImportOptions inc;
        inc.layerId = QStringLiteral("incidents");
        expectFailure(line, inc, ErrorCode::InvalidInput, {line, QStringLiteral("feature 1")});

        // Missing file, unknown CRS.
        expectFailure(tmp("missing.geojson"), {}, ErrorCode::Io,
                      {QStringLiteral("missing.geojson")});
        ImportOptions badCrs;
        badCrs.sourceCrs = QStringLiteral("EPSG:0");
        expectFailure(bowtie, badCrs, ErrorCode::Crs, {QStringLiteral("EPSG:0")});
    }

    void cancel()
    {
        vigie::analytics::Feedback fb;
        fb.cancel();
        ImportOptions o;
        o.sourceCrs = QStringLiteral("EPSG:4326");
        o.newLayerId = QStringLiteral("essex_canceled");
        o.skipInvalid = true;
        const QString before = storeState(*m_store);
        auto r = Importer::importFile(
            *m_store, dataFile("crime_policeuk_essex_2018/2018-02-essex-street.csv"), o, &fb);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Canceled);
        QCOMPARE(storeState(*m_store), before);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
