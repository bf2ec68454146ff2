// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace exported as a QGIS project (issue 14): `vigie-cli export --qgis` writes a .qgz that
// QGIS 3.22 (Debian's Python bindings, headless, out of process) reads with every layer valid,
// in EPSG:2154, in Vigie's drawing order, shown, hidden and named as in Vigie's layer panel, the
// results in an "Analyses" group with their parameters in the layer metadata, the vector
// layers styled and with temporal properties on their time fields, the KDE raster with Vigie's
// ramp; QGIS's render of the project is compared with Vigie's render of the same layers and view.
#include "../cli/clirun.h"

#include "core/project/projectstate.h"
#include "core/store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // Debian's, which sees python3-qgis
const QString kExtent = QStringLiteral("889000,6240000,897000,6246000");

vigie::test::CliRun cli(const QStringList &args)
{
    const vigie::test::CliRun r = vigie::test::runCli(args, QStringLiteral("fr"));
    if (r.exitCode != 0)
        qWarning().noquote() << r.err;
    return r;
}

} // namespace

class TestQgisProject : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store, m_out;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--out"), m_store,
                      QStringLiteral("--scale"), QStringLiteral("0.05")})
                     .exitCode,
                 0);
        for (const QString &alg : {QStringLiteral("gistar"), QStringLiteral("kde")})
            QCOMPARE(cli({QStringLiteral("run"), alg, QStringLiteral("--store"), m_store}).exitCode,
                     0);
        const QString shots = qEnvironmentVariable("VIGIE_TEST_OUTPUT");
        m_out = shots.isEmpty() ? m_dir.path() : shots + QStringLiteral("/qgis-project");
        QVERIFY(QDir().mkpath(m_out));
        // The layer panel as an analyst left it: cameras hidden, incidents renamed and
        // drawn under the density, the traffic above the arrondissements.
        auto store = vigie::core::Store::open(m_store);
        QVERIFY(store);
        vigie::core::ProjectState state;
        for (const char *id : {"events", "cameras", "kde_1", "incidents", "traffic",
                               "arrondissements", "gistar_1", "quartiers"}) {
            vigie::core::ProjectLayer l;
            l.id = QString::fromLatin1(id);
            l.visible = l.id != QLatin1String("cameras") && l.id != QLatin1String("gistar_1");
            if (l.id == QLatin1String("incidents"))
                l.title = QStringLiteral("Faits de l’année");
            state.layers.push_back(l);
        }
        QVERIFY(vigie::core::ProjectState::save(**store, state).ok());
    }

    void refusals()
    {
        const QString bad = m_dir.filePath(QStringLiteral("projet.txt"));
        QVERIFY(cli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                     QStringLiteral("--qgis"), bad})
                    .exitCode != 0);
        QVERIFY(!QFileInfo::exists(bad));
    }

    void projectOpensInQgis()
    {
        const QString project = m_out + QStringLiteral("/projet.qgz");
        QFile::remove(project);
        QDir(m_out + QStringLiteral("/projet_rasters")).removeRecursively(); // an earlier run's
        const auto written = cli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                                  QStringLiteral("--qgis"), project});
        QCOMPARE(written.exitCode, 0);
        QVERIFY(QFileInfo::exists(m_out + QStringLiteral("/projet_rasters/kde_1.tif")));
        // Written again only when asked to.
        QVERIFY(cli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                     QStringLiteral("--qgis"), project})
                    .exitCode != 0);

        const QString qgisPng = m_out + QStringLiteral("/qgis-project.png");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(kPython, {QStringLiteral(VIGIE_TEST_SOURCE_DIR "/qgis_project.py"), project,
                          qgisPng, QStringLiteral("800"), QStringLiteral("600"), kExtent});
        QVERIFY(p.waitForFinished(180000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().right(2000).constData());
        QList<QJsonObject> layers;
        QJsonObject head;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(QStringLiteral("read")))
                head = o;
            else if (o.contains(QStringLiteral("id")))
                layers << o;
        }
        QVERIFY(head[QStringLiteral("read")].toBool());
        QCOMPARE(head[QStringLiteral("crs")].toString(), QStringLiteral("EPSG:2154"));

        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store);
        QCOMPARE(layers.size(), qsizetype((*store)->layers().size()));
        // Vigie's order: the panel's first, then the layers it does not list.
        const QStringList panel = {QStringLiteral("events"),   QStringLiteral("cameras"),
                                   QStringLiteral("kde_1"),    QStringLiteral("incidents"),
                                   QStringLiteral("traffic"),  QStringLiteral("arrondissements"),
                                   QStringLiteral("gistar_1"), QStringLiteral("quartiers")};
        QStringList visibleInOrder;
        for (int i = 0; i < layers.size(); ++i) {
            const QJsonObject &l = layers[i];
            const QString id = l[QStringLiteral("id")].toString().chopped(6); // "_vigie"
            const auto m = (*store)->layer(id);
            QVERIFY2(m, qPrintable(id));
            QVERIFY2(l[QStringLiteral("valid")].toBool(), qPrintable(id));
            QCOMPARE(l[QStringLiteral("crs")].toString(), QStringLiteral("EPSG:2154"));
            if (i < panel.size())
                QCOMPARE(id, panel[i]);
            const bool result =
                id.startsWith(QLatin1String("kde_")) || id.startsWith(QLatin1String("gistar_"));
            QCOMPARE(l[QStringLiteral("group")].toString(),
                     result ? QStringLiteral("Analyses") : QString());
            if (l[QStringLiteral("visible")].toBool())
                visibleInOrder << id;
            if (result) {
                const QJsonObject run =
                    QJsonDocument::fromJson(l[QStringLiteral("analysis")].toString().toUtf8())
                        .object();
                QCOMPARE(run[QStringLiteral("id")].toString(), id);
                QVERIFY(
                    l[QStringLiteral("abstract")].toString().contains(QStringLiteral("cellSize")));
            }
            if (m->geometryType == vigie::core::GeometryType::Raster) {
                QCOMPARE(l[QStringLiteral("renderer")].toString(),
                         QStringLiteral("singlebandpseudocolor"));
                QCOMPARE(l[QStringLiteral("items")].toInt(), int(m->symbology.ramp.size()) + 1);
                QCOMPARE(l[QStringLiteral("firstAlpha")].toInt(), 0);
                const auto grid = (*store)->readRaster(id);
                QCOMPARE(l[QStringLiteral("width")].toInt(), grid->grid.cols);
                QCOMPARE(l[QStringLiteral("height")].toInt(), grid->grid.rows);
                continue;
            }
            QCOMPARE(qint64(l[QStringLiteral("count")].toInteger()), (*store)->featureCount(id));
            const QJsonArray t = l[QStringLiteral("temporal")].toArray();
            QCOMPARE(t.at(0).toBool(), !m->timeField.isEmpty());
            if (!m->timeField.isEmpty())
                QCOMPARE(t.at(2).toString(), m->timeField);
        }
        QCOMPARE(layers[3][QStringLiteral("name")].toString(), QStringLiteral("Faits de l’année"));
        QVERIFY(!visibleInOrder.contains(QStringLiteral("cameras")));
        QVERIFY(visibleInOrder.contains(QStringLiteral("kde_1")));

        // QGIS draws the project as Vigie draws the same layers.
        const QString vigiePng = m_out + QStringLiteral("/vigie-project.png");
        QCOMPARE(cli({QStringLiteral("render"), QStringLiteral("--store"), m_store,
                      QStringLiteral("--out"), vigiePng, QStringLiteral("--size"),
                      QStringLiteral("800x600"), QStringLiteral("--extent"), kExtent,
                      QStringLiteral("--no-decorations"), QStringLiteral("--layers"),
                      visibleInOrder.join(u',')})
                     .exitCode,
                 0);
        QProcess cmp;
        cmp.start(kPython, {QStringLiteral(VIGIE_TEST_SOURCE_DIR "/image_difference.py"), qgisPng,
                            vigiePng});
        QVERIFY(cmp.waitForFinished(60000) && cmp.exitCode() == 0);
        const double difference = cmp.readAllStandardOutput().trimmed().toDouble();
        qInfo("QGIS's render of the project against Vigie's: %.2f (mean absolute difference of "
              "80x60 block means, 0-255)",
              difference);
        QVERIFY(difference > 0.0);
        QVERIFY2(difference < 8.0, "QGIS does not draw the project as Vigie does");
    }
};

QTEST_GUILESS_MAIN(TestQgisProject)
#include "test_qgis_project.moc"
