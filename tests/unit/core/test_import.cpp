// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/feedback.h"
#include "io/importer.h"
#include "store/store.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <cmath>

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

/// A real HTTP server on 127.0.0.1 that answers every GET with a GeoJSON point and prints
/// each request it receives: the hostile-input tests count them (there must be none).
class RequestCounter
{
public:
    RequestCounter()
    {
        static const char *script = R"(
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        print("REQ", self.path, flush=True)
        body = b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[5.37,43.3]}}]}'
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_HEAD = do_GET
    def log_message(self, *a): pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
)";
        m_proc.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), QString::fromLatin1(script)});
        if (m_proc.waitForReadyRead(10000))
            m_port = m_proc.readLine().trimmed().toInt();
    }
    ~RequestCounter()
    {
        m_proc.kill();
        m_proc.waitForFinished();
    }
    QString url(const char *path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2")
            .arg(QString::number(m_port), QLatin1String(path));
    }
    int port() const { return m_port; }
    /// Requests received so far (after a round trip of its own, so none is still in flight).
    int requests()
    {
        m_proc.waitForReadyRead(300);
        m_log += m_proc.readAllStandardOutput();
        return int(m_log.count("REQ "));
    }

private:
    QProcess m_proc;
    QByteArray m_log;
    int m_port = 0;
};

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

        // No CRS: a CSV says nothing about its coordinates, unless its columns are named
        // longitude and latitude (degrees); x/y columns need --crs.
        const QString xy = tmp("xy.csv");
        {
            QFile f(xy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x,y,name\n892000,6247000,a\n");
        }
        expectFailure(xy, {}, ErrorCode::Crs, {xy, QStringLiteral("EPSG:4326")});
        // Metres in columns named longitude/latitude are outside WGS 84's range: refused.
        const QString metres = tmp("metres.csv");
        {
            QFile f(metres);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("longitude,latitude,name\n892000,6247000,a\n");
        }
        {
            const QString before = storeState(*m_store);
            auto refused = Importer::importFile(*m_store, metres, {});
            QVERIFY(!refused.ok());
            qInfo() << "metres as degrees:" << refused.error().message;
            QCOMPARE(storeState(*m_store), before);
        }
        ImportOptions degrees;
        degrees.newLayerId = QStringLiteral("essex_degrees");
        degrees.skipInvalid = true;
        auto inDegrees = Importer::importFile(*m_store, file, degrees);
        QVERIFY2(inDegrees.ok(),
                 qPrintable(inDegrees.ok() ? QString() : inDegrees.error().message));
        QCOMPARE(inDegrees->features, rows - empty);
        QVERIFY(m_store->removeLayer(QStringLiteral("essex_degrees")).ok());

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

    /// Vigie picks a CSV's coordinate columns itself: GDAL's own search crashed when two columns
    /// matched its patterns (tests/fuzz/fuzz_import) and dropped a lone y column silently.
    void csvCoordinateColumns()
    {
        ImportOptions o;
        o.sourceCrs = QStringLiteral("EPSG:4326");

        // "x" is preferred to "xb": xb stays a field; "Y_L93"-style prefixes are not needed.
        const QString preferred = tmp("preferred.csv");
        writeFile(preferred, "id,x,xb,y,yb,cat\n1,5.37,7,43.30,8,vol\n2,5.38,9,43.31,10,vol\n");
        o.newLayerId = QStringLiteral("preferred");
        auto r = Importer::importFile(*m_store, preferred, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->features, 2);
        auto m = m_store->layer(QStringLiteral("preferred"));
        QVERIFY(m->field(QStringLiteral("xb")) && m->field(QStringLiteral("yb")));
        QVERIFY(!m->field(QStringLiteral("x")) && !m->field(QStringLiteral("y")));
        auto snap = m_store->loadSnapshot(QStringLiteral("preferred"));
        QVERIFY(snap.ok());
        // 5.37 E, 43.30 N is in Marseille: Lambert-93 x about 892 km, y about 6 247 km.
        QVERIFY2(std::abs((*snap)->x[0] - 892000) < 3000 &&
                     std::abs((*snap)->y[0] - 6247000) < 3000,
                 qPrintable(QString::number((*snap)->x[0])));

        // The crash the fuzzer found: two columns starting with "y", no x. Now a clear error.
        const QString twoY = tmp("twoy.csv");
        writeFile(twoY, "id,y,y\xf7\xff\xff\xff,categorie,date\n2,5.3698,43.965,vol,2025-01-03\n");
        expectFailure(twoY, o, ErrorCode::InvalidInput, {twoY, QStringLiteral("\"y\"")});

        // Several candidates and none preferred: the error lists them; naming them works.
        const QString ambiguous = tmp("ambiguous.csv");
        writeFile(ambiguous, "id,X_L93,X_WGS84,Y_L93,Y_WGS84\n1,892000,5.37,6247000,43.30\n");
        expectFailure(ambiguous, o, ErrorCode::InvalidInput,
                      {ambiguous, QStringLiteral("X_L93, X_WGS84"), QStringLiteral("--x-field")});
        ImportOptions named = o;
        named.newLayerId = QStringLiteral("ambiguous");
        named.xField = QStringLiteral("x_wgs84"); // any case
        named.yField = QStringLiteral("Y_WGS84");
        r = Importer::importFile(*m_store, ambiguous, named);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        m = m_store->layer(QStringLiteral("ambiguous"));
        QVERIFY(m->field(QStringLiteral("x_l93")) && !m->field(QStringLiteral("x_wgs84")));

        // A named column that is not there.
        named.xField = QStringLiteral("easting");
        expectFailure(ambiguous, named, ErrorCode::InvalidInput,
                      {QStringLiteral("\"easting\""), QStringLiteral("X_L93")});

        // A lone latitude column is an error, not a column dropped without a word.
        const QString lone = tmp("lone.csv");
        writeFile(lone, "id,lat,cat\n1,43.30,vol\n");
        expectFailure(lone, o, ErrorCode::InvalidInput, {lone, QStringLiteral("\"lat\"")});
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

    void noNetworkFromFiles()
    {
        // Finding 3: reading a file never makes the workstation send a request.
        RequestCounter server;
        QVERIFY(server.port() > 0);
        QByteArray point = R"({"type": "Feature", "properties": {"category": "violences"},
                               "geometry": {"type": "Point", "coordinates": [5.37, 43.30]}})";
        const QString linked = tmp("linked_crs.geojson");
        writeFile(linked, R"({"type": "FeatureCollection", "crs": {"type": "link", "properties":
                              {"href": ")" +
                              server.url("/crs.wkt").toUtf8() + R"(", "type": "ogcwkt"}},
                              "features": [)" +
                              point + "]}");
        const QString before = storeState(*m_store);
        auto r = Importer::importFile(*m_store, linked);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(linked), qPrintable(r.error().message));
        QCOMPARE(storeState(*m_store), before);

        const QString vrt = tmp("remote.vrt");
        writeFile(vrt, "<OGRVRTDataSource><OGRVRTLayer name=\"remote\"><SrcDataSource>/vsicurl/" +
                           server.url("/remote.geojson").toUtf8() +
                           "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
        expectFailure(vrt, {}, ErrorCode::InvalidInput, {vrt, QStringLiteral("GeoPackage")});
        expectFailure(QStringLiteral("/vsicurl/") + server.url("/remote.geojson"), {},
                      ErrorCode::InvalidInput, {QStringLiteral("not a local file")});
        expectFailure(server.url("/remote.geojson"), {}, ErrorCode::InvalidInput,
                      {QStringLiteral("not a local file")});
        expectFailure(QStringLiteral("WFS:") + server.url("/wfs"), {}, ErrorCode::InvalidInput,
                      {QStringLiteral("not a local file")});
        ImportOptions urlCrs;
        urlCrs.sourceCrs = server.url("/crs.prj");
        const QString plain = tmp("plain.geojson");
        writeFile(plain, R"({"type": "FeatureCollection", "features": [)" + point + "]}");
        expectFailure(plain, urlCrs, ErrorCode::Crs, {server.url("/crs.prj")});
        QCOMPARE(server.requests(), 0);

        // The server does answer: the zero above is not a dead server.
        QProcess curl;
        curl.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral("-c"),
                    QStringLiteral("import urllib.request; urllib.request.urlopen('%1').read()")
                        .arg(server.url("/probe"))});
        QVERIFY(curl.waitForFinished(10000));
        QCOMPARE(curl.exitCode(), 0);
        QCOMPARE(server.requests(), 1);
    }

    void crsIsNeverGuessed()
    {
        // Finding 9: an unknown CRS is an error, not WGS 84; lon/lat declared as Lambert-93 is
        // refused (outside the CRS's area of use) instead of landing at (5 m, 43 m).
        const QByteArray features = R"("features": [{"type": "Feature", "properties": {},
            "geometry": {"type": "Point", "coordinates": [5.37, 43.30]}}]})";
        const QString unknown = tmp("unknown_crs.geojson");
        writeFile(unknown, R"({"type": "FeatureCollection", "crs": {"type": "name", "properties":
                               {"name": "urn:ogc:def:crs:EPSG::999999"}}, )" +
                               features);
        expectFailure(unknown, {}, ErrorCode::InvalidInput,
                      {unknown, QStringLiteral("crs not found")});
        const QString lonlat = tmp("lonlat_as_l93.geojson");
        writeFile(lonlat, R"({"type": "FeatureCollection", "crs": {"type": "name", "properties":
                              {"name": "urn:ogc:def:crs:EPSG::2154"}}, )" +
                              features);
        expectFailure(lonlat, {}, ErrorCode::InvalidInput,
                      {lonlat, QStringLiteral("feature 1"), QStringLiteral("RGF93"),
                       QStringLiteral("--crs")});
        // Finding 6: a point at (1e308, -1e308) is refused with a message, never stored.
        const QString huge = tmp("huge.geojson");
        writeFile(huge, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "properties": {}, "geometry": {"type": "Point", "coordinates": [1e308, -1e308]}}]})");
        expectFailure(huge, {}, ErrorCode::InvalidInput, {huge, QStringLiteral("1e+308")});
        ImportOptions l93;
        l93.sourceCrs = QStringLiteral("EPSG:2154");
        expectFailure(huge, l93, ErrorCode::InvalidInput, {huge, QStringLiteral("outside")});
        QVERIFY(!m_store->hasLayer(QStringLiteral("huge")));
    }

    void textIsReadAsWritten()
    {
        // Finding 9: an unbalanced CSV quote, a NUL byte, a \u0000 escape: errors with the line.
        const QString quote = tmp("quote.csv");
        writeFile(quote, "name,lon,lat\nok,5.37,43.30\n\"open,5.38,43.31\nnext,5.39,43.32\n"
                         "last,5.40,43.33\n");
        expectFailure(quote, {}, ErrorCode::InvalidInput, {quote, QStringLiteral("line 3")});
        const QString fields = tmp("fields.csv");
        writeFile(fields, "name,lon,lat\nok,5.37,43.30\nextra,5.38,43.31,9\n");
        expectFailure(fields, {}, ErrorCode::InvalidInput, {fields, QStringLiteral("line 3")});
        // Found by tests/fuzz/fuzz_import: a column named twice crashed GDAL's CSV reader
        // (SEGV in GetNextFeature); it is refused before GDAL reads the file.
        const QString twice = tmp("twice.csv");
        writeFile(twice, "id,y,Y ,categorie\n1,5.3698,43.2965,vol\n2,5.3712,43.2971,vol\n");
        expectFailure(twice, {}, ErrorCode::InvalidInput,
                      {twice, QStringLiteral("line 1"), QStringLiteral("\"Y\" appears twice")});
        const QString nul = tmp("nul.csv");
        writeFile(nul, QByteArray("name,lon,lat\nab\0cd,5.37,43.30\n", 30));
        expectFailure(nul, {}, ErrorCode::InvalidInput,
                      {nul, QStringLiteral("line 2"), QStringLiteral("NUL")});
        const QString escaped = tmp("escaped_nul.geojson");
        writeFile(escaped, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "properties": {"name": "ab\u0000cd"}, "geometry": {"type": "Point", "coordinates": [5.37, 43.3]}}]})");
        expectFailure(escaped, {}, ErrorCode::InvalidInput, {escaped, QStringLiteral("line 2")});
        // A quoted field over two lines is legal CSV; a backslash before "u0000" is no escape.
        const QString multi = tmp("multiline.csv");
        writeFile(multi,
                  "name,lon,lat\n\"two\nlines\",5.37,43.30\n\"say \"\"hi\"\"\",5.38,43.31\n");
        ImportOptions wgs;
        wgs.sourceCrs = QStringLiteral("EPSG:4326");
        auto ok = Importer::importFile(*m_store, multi, wgs);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(ok->features, 2);
        const QString literal = tmp("literal_backslash.geojson");
        writeFile(literal, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "properties": {"name": "C:\\u0000"}, "geometry": {"type": "Point", "coordinates": [5.37, 43.3]}}]})");
        auto lit = Importer::importFile(*m_store, literal);
        QVERIFY2(lit.ok(), qPrintable(lit.ok() ? QString() : lit.error().message));
        auto snap = m_store->loadSnapshot(lit->layerId);
        QVERIFY(snap.ok());
        QCOMPARE(m_store->attributes(lit->layerId, (*snap)->fids[0])
                     ->value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("C:\\u0000"));
    }

    void valuesAreNeverAltered()
    {
        // Finding 9: 2.5 into an integer field is refused, not rounded to 3; a category outside
        // the layer's list is refused, or mapped explicitly.
        auto incidents = [&](const char *name, const QByteArray &severity,
                             const QByteArray &category) {
            const QString file = m_dir.filePath(QString::fromLatin1(name));
            writeFile(file, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
                "properties": {"occurred_at": "2025-03-01T10:00:00Z", "category": ")" +
                                category + R"(", "severity": )" + severity +
                                R"(, "code_qua": "201", "reported_by": "PM"},
                "geometry": {"type": "Point", "coordinates": [5.37, 43.30]}}]})");
            return file;
        };
        ImportOptions inc;
        inc.layerId = QStringLiteral("incidents");
        const QString half = incidents("half.geojson", "2.5", "violences");
        expectFailure(half, inc, ErrorCode::InvalidInput,
                      {half, QStringLiteral("2.5"), QStringLiteral("severity")});
        const QString script = incidents("script.geojson", "2", "<script>alert(1)</script>");
        expectFailure(script, inc, ErrorCode::InvalidInput,
                      {script, QStringLiteral("<script>"), QStringLiteral("violences")});
        ImportOptions badMap = inc;
        badMap.categoryMap.insert(QStringLiteral("vol"), QStringLiteral("no_such_category"));
        expectFailure(script, badMap, ErrorCode::InvalidInput,
                      {QStringLiteral("no_such_category")});
        ImportOptions mapped = inc;
        mapped.categoryMap.insert(QStringLiteral("vol"), QStringLiteral("atteintes_biens"));
        const QString vol = incidents("vol.geojson", "3.0", "vol");
        const qint64 before = m_store->featureCount(QStringLiteral("incidents"));
        auto r = Importer::importFile(*m_store, vol, mapped);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(m_store->featureCount(QStringLiteral("incidents")), before + 1);
        auto snap = m_store->loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap.ok());
        const auto attrs = *m_store->attributes(QStringLiteral("incidents"), (*snap)->fids.back());
        QCOMPARE(attrs.value(QStringLiteral("category")).toString(),
                 QStringLiteral("atteintes_biens"));
        QCOMPARE(attrs.value(QStringLiteral("severity")).toLongLong(), 3);
    }

    void messagesKeepFileNames()
    {
        // Finding 9: a file name holding "%1" is printed as it is; folders and FIFOs say so.
        const QString odd = tmp("rapport %1 %2 100%.geojson");
        expectFailure(odd, {}, ErrorCode::Io, {QStringLiteral("rapport %1 %2 100%.geojson")});
        writeFile(odd, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "properties": {}, "geometry": {"type": "LineString", "coordinates": [[5.37, 43.3], [5.38, 43.3]]}}]})");
        ImportOptions inc;
        inc.layerId = QStringLiteral("incidents");
        expectFailure(odd, inc, ErrorCode::InvalidInput,
                      {QStringLiteral("rapport %1 %2 100%.geojson, feature 1")});
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.geojson")));
        expectFailure(tmp("folder.geojson"), {}, ErrorCode::Io, {QStringLiteral("folder")});
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
