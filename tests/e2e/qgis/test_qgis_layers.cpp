// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace opened in QGIS (issue 14): every vector layer of the demo workspace, of a layer
// imported into it and of an analysis result loads in QGIS 3.22 (Debian's Python bindings,
// headless, out of process) through both the "ogr" and the "spatialite" providers with the true
// feature count, the extent Vigie computes (to a metre) and EPSG:2154. The SpatiaLite provider
// is asked again in a later QGIS session, after the OGR provider wrote its own statistics:
// that used to show 0 features and an empty extent. Date-time fields are DateTime in both, also
// in a workspace of the previous schema once Vigie has upgraded it.
#include "../cli/clirun.h"

#include "core/layerregistry.h"
#include "core/store/store.h"
#include "core/store/wkb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // Debian's, which sees python3-qgis

struct Seen
{
    bool valid = false;
    qint64 count = -1;
    double extent[4] = {0, 0, 0, 0};
    QString crs;
    QHash<QString, int> fieldTypes; ///< QVariant type of each field as QGIS reads it
};

/// What QGIS sees of `layers` through `providers` ("ogr", "spatialite" or both, in order).
QHash<QString, Seen> askQgis(const QString &workspace, const QString &providers,
                             const QStringList &layers)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(kPython, QStringList{QStringLiteral(VIGIE_TEST_SOURCE_DIR "/qgis_layers.py"), workspace,
                                 providers} +
                         layers);
    QHash<QString, Seen> seen;
    if (!p.waitForFinished(180000) || p.exitCode() != 0) {
        qWarning().noquote() << "QGIS failed:" << p.readAllStandardError();
        return seen;
    }
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;
        Seen s;
        s.valid = o.value(QStringLiteral("valid")).toBool();
        s.count = o.value(QStringLiteral("count")).toInteger();
        for (int k = 0; k < 4; ++k)
            s.extent[k] = o.value(QStringLiteral("extent")).toArray().at(k).toDouble();
        s.crs = o.value(QStringLiteral("crs")).toString();
        const QJsonObject fields = o.value(QStringLiteral("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            s.fieldTypes.insert(it.key(), it.value().toArray().at(1).toInt());
        seen.insert(o.value(QStringLiteral("provider")).toString() + QLatin1Char('/') +
                        o.value(QStringLiteral("layer")).toString(),
                    s);
    }
    return seen;
}

int runCli(const QStringList &args)
{
    const vigie::test::CliRun r = vigie::test::runCli(args);
    if (r.exitCode != 0)
        qWarning().noquote() << r.err;
    return r.exitCode;
}

} // namespace

class TestQgisLayers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

    /// Compares what QGIS saw with the workspace, layer by layer.
    void compare(const QHash<QString, Seen> &seen, const QString &provider,
                 const QStringList &layers)
    {
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store);
        for (const QString &id : layers) {
            const QString key = provider + QLatin1Char('/') + id;
            QVERIFY2(seen.contains(key), qPrintable(key + QStringLiteral(" not reported")));
            const Seen s = seen.value(key);
            QVERIFY2(s.valid, qPrintable(key));
            QCOMPARE(s.crs, QStringLiteral("EPSG:2154"));
            QCOMPARE(s.count, (*store)->featureCount(id));
            // Date-time fields are date-times in QGIS (QVariant::DateTime is 16), for its
            // temporal controller and its filters.
            const auto manifest = (*store)->layer(id);
            QVERIFY(manifest);
            for (const vigie::core::FieldDef &f : manifest->fields)
                if (f.type == vigie::core::FieldType::DateTime)
                    QVERIFY2(s.fieldTypes.value(f.name) == 16,
                             qPrintable(QStringLiteral("%1: %2 is type %3")
                                            .arg(key, f.name)
                                            .arg(s.fieldTypes.value(f.name))));
            auto snap = (*store)->loadSnapshot(id);
            QVERIFY(snap);
            const QRectF e = (*snap)->extent;
            const double truth[4] = {e.left(), e.top(), e.right(), e.bottom()};
            for (int k = 0; k < 4; ++k)
                QVERIFY2(std::abs(s.extent[k] - truth[k]) < 1.0,
                         qPrintable(QStringLiteral("%1: extent %2 is %3, Vigie says %4")
                                        .arg(key)
                                        .arg(k)
                                        .arg(s.extent[k], 0, 'f', 2)
                                        .arg(truth[k], 0, 'f', 2)));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(kPython), "Debian's /usr/bin/python3 is missing");
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_store,
                         QStringLiteral("--scale"), QStringLiteral("0.2")}),
                 0);
    }

    void demoLayers()
    {
        const QStringList layers = {QStringLiteral("arrondissements"), QStringLiteral("quartiers"),
                                    QStringLiteral("incidents"),       QStringLiteral("cameras"),
                                    QStringLiteral("events"),          QStringLiteral("traffic")};
        // The SpatiaLite provider first, on statistics only Vigie wrote.
        compare(askQgis(m_store, QStringLiteral("spatialite"), layers),
                QStringLiteral("spatialite"), layers);
        // Then OGR (which may write its own), then SpatiaLite again in a later session.
        compare(askQgis(m_store, QStringLiteral("ogr"), layers), QStringLiteral("ogr"), layers);
        compare(askQgis(m_store, QStringLiteral("spatialite"), layers),
                QStringLiteral("spatialite"), layers);
    }

    /// A workspace of schema 3 (date-times declared TEXT), upgraded when Vigie opens it.
    void upgradedWorkspace()
    {
        const QString old = m_dir.filePath(QStringLiteral("schema3.vigie"));
        {
            auto created = vigie::core::Store::createAtVersion(old, 3);
            QVERIFY(created);
            auto &store = **created;
            const vigie::core::LayerManifest *cameras =
                vigie::core::LayerRegistry::instance().find(QStringLiteral("cameras"));
            QVERIFY(cameras);
            QVERIFY(store.addLayer(*cameras, QStringLiteral("test")).ok());
            vigie::core::Store::Transaction tx(store);
            vigie::core::Store::Inserter in(store, QStringLiteral("cameras"));
            for (int i = 0; i < 3; ++i) {
                vigie::core::FeatureRecord r;
                r.wkb = vigie::core::pointToWkb(892000.0 + i * 100, 6247000.0);
                for (const auto &f : cameras->fields)
                    r.values << (f.type == vigie::core::FieldType::DateTime
                                     ? QVariant(QStringLiteral("2024-0%1-01T08:00:00Z").arg(i + 1))
                                     : QVariant());
                in.add(r);
            }
            tx.commit();
        }
        auto upgraded = vigie::core::Store::open(old); // writable: upgraded to this schema
        QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message));
        QCOMPARE((*upgraded)->schemaVersion(), int(vigie::core::Store::kSchemaVersion));
        QVERIFY((*upgraded)->check().value().sound());
        upgraded->reset();
        const QString keep = m_store;
        m_store = old;
        compare(askQgis(old, QStringLiteral("ogr,spatialite"), {QStringLiteral("cameras")}),
                QStringLiteral("ogr"), {QStringLiteral("cameras")});
        m_store = keep;
    }

    /// After an import into a layer and an analysis: the counts and extents follow.
    void afterImportAndAnalysis()
    {
        const QString csv = m_dir.filePath(QStringLiteral("far.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Two incidents east of the city: the layer's extent grows.
        f.write("occurred_at,category,longitude,latitude\n"
                "2025-03-01T10:00:00Z,nuisances,5.62,43.30\n2025-03-02T11:00:00Z,nuisances,5.63,43."
                "31\n");
        f.close();
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--store"), m_store,
                         QStringLiteral("--layer"), QStringLiteral("incidents"), csv}),
                 0);
        QCOMPARE(
            runCli({QStringLiteral("analyze"), QStringLiteral("gistar"), QStringLiteral("--store"),
                    m_store, QStringLiteral("--from"), QStringLiteral("2025-01-01"),
                    QStringLiteral("--to"), QStringLiteral("2025-03-31")}),
            0);
        QString result;
        {
            auto store = vigie::core::Store::open(m_store, true);
            QVERIFY(store);
            for (const auto &run : (*store)->analysisRecords())
                if (run.kind == QLatin1String("gistar"))
                    result = run.resultLayer;
        }
        QVERIFY(!result.isEmpty());
        const QStringList layers = {QStringLiteral("incidents"), result};
        const auto seen = askQgis(m_store, QStringLiteral("spatialite,ogr"), layers);
        compare(seen, QStringLiteral("spatialite"), layers);
        compare(seen, QStringLiteral("ogr"), layers);
    }

    /// Raster results open in QGIS straight from the workspace (GDAL's Rasterlite tables).
    void rastersOpenInQgis()
    {
        for (const QString &alg : {QStringLiteral("kde"), QStringLiteral("forecast")})
            QCOMPARE(runCli({QStringLiteral("run"), alg, QStringLiteral("--store"), m_store}), 0);
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store);
        for (const auto &m : (*store)->layers()) {
            if (m.geometryType != vigie::core::GeometryType::Raster)
                continue;
            const auto grid = (*store)->readRaster(m.id);
            QVERIFY(grid);
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("GDAL_PAM_ENABLED"), QStringLiteral("NO"));
            p.setProcessEnvironment(env);
            p.start(kPython, {QStringLiteral("-c"),
                              QStringLiteral(
                                  "import sys, json\n"
                                  "from qgis.core import QgsApplication, QgsRasterLayer, "
                                  "QgsRasterBandStats\n"
                                  "QgsApplication.setPrefixPath('/usr', True)\n"
                                  "app = QgsApplication([], False); app.initQgis()\n"
                                  "l = QgsRasterLayer(sys.argv[1], 'r', 'gdal')\n"
                                  "s = l.dataProvider().bandStatistics(1, QgsRasterBandStats.All)\n"
                                  "e = l.extent()\n"
                                  "print(json.dumps([l.isValid(), l.width(), l.height(), "
                                  "l.crs().authid(), e.xMinimum(), e.yMaximum(), s.minimumValue, "
                                  "s.maximumValue]), flush=True)\n"
                                  "del l\n" // before exitQgis, or QGIS 3.22 crashes on the way out
                                  "app.exitQgis()\n"),
                              QStringLiteral("RASTERLITE:%1,table=%2").arg(m_store, m.id)});
            QVERIFY(p.waitForFinished(120000) && p.exitCode() == 0);
            const QJsonArray a =
                QJsonDocument::fromJson(p.readAllStandardOutput().trimmed().split('\n').last())
                    .array();
            QVERIFY2(a.at(0).toBool(), qPrintable(m.id));
            QCOMPARE(a.at(1).toInt(), grid->grid.cols);
            QCOMPARE(a.at(2).toInt(), grid->grid.rows);
            QCOMPARE(a.at(3).toString(), QStringLiteral("EPSG:2154"));
            QCOMPARE(a.at(4).toDouble(), grid->grid.xMin);
            QCOMPARE(a.at(5).toDouble(), grid->grid.yMax());
            double lo = 1e300, hi = -1e300;
            for (double v : grid->values)
                if (!std::isnan(v)) {
                    lo = std::min(lo, double(float(v)));
                    hi = std::max(hi, double(float(v)));
                }
            QCOMPARE(a.at(6).toDouble(), lo);
            QCOMPARE(a.at(7).toDouble(), hi);
            qInfo("%s: %d x %d cells, %g to %g, read by QGIS from the workspace", qPrintable(m.id),
                  grid->grid.cols, grid->grid.rows, lo, hi);
        }
    }
};

QTEST_GUILESS_MAIN(TestQgisLayers)
#include "test_qgis_layers.moc"
