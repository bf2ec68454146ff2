// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace opens styled in QGIS (issue 14): every vector layer of the demo workspace, through
// both of QGIS 3.22's providers ("ogr" and "spatialite", Debian's Python bindings, headless, out
// of process), gets the renderer its manifest describes (categories with their values, French
// labels and colours, single symbols with the fill or stroke), its labels, French field aliases
// and the temporal settings of its time fields, from the layer_styles table Vigie writes. What
// the user changed in Vigie (a category unticked, an opacity, a name) reaches QGIS after the
// project is saved. QGIS's render of the styled layers is compared with Vigie's own render of
// the same view (loosely: 80 × 60 block means), and is much closer than QGIS's unstyled render.
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
const QStringList kLayers = {QStringLiteral("events"),    QStringLiteral("cameras"),
                             QStringLiteral("incidents"), QStringLiteral("arrondissements"),
                             QStringLiteral("traffic"),   QStringLiteral("quartiers")};

/// "#ffrrggbb" as QColor::name(HexArgb) gives it, from a manifest colour "#rrggbb[aa]".
QString argb(const QString &manifestColor)
{
    if (manifestColor.size() == 9)
        return u'#' + manifestColor.mid(7, 2).toLower() + manifestColor.mid(1, 6).toLower();
    return QStringLiteral("#ff") + manifestColor.mid(1).toLower();
}

struct QgisRun
{
    QHash<QString, QJsonObject> layers; ///< "provider/layer"
    QJsonObject render;
};

QgisRun askQgis(const QString &workspace, const QString &outDir, const QString &vigiePng)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(kPython, QStringList{QStringLiteral(VIGIE_TEST_SOURCE_DIR "/qgis_styles.py"), workspace,
                                 outDir, kExtent, vigiePng} +
                         kLayers);
    QgisRun run;
    if (!p.waitForFinished(240000) || p.exitCode() != 0) {
        qWarning().noquote() << "QGIS failed:" << p.readAllStandardError();
        return run;
    }
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QStringLiteral("render")))
            run.render = o;
        else if (!o.isEmpty())
            run.layers.insert(o.value(QStringLiteral("provider")).toString() + u'/' +
                                  o.value(QStringLiteral("layer")).toString(),
                              o);
    }
    return run;
}

} // namespace

class TestQgisStyles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;
    QString m_out;

    /// The renderer QGIS built from the style against the manifest it came from.
    void compareRenderer(const QJsonObject &seen, const vigie::core::LayerManifest &m,
                         const QString &key)
    {
        using vigie::core::GeometryType;
        if (m.categories.empty()) {
            QCOMPARE(seen.value(QStringLiteral("renderer")).toString(),
                     QStringLiteral("singleSymbol"));
            const QString colour = seen.value(QStringLiteral("colour")).toString();
            if (m.geometryType == GeometryType::Polygon)
                QCOMPARE(colour, m.symbology.fill.endsWith(QLatin1String("00")) &&
                                         m.symbology.fill.size() == 9
                                     ? QStringLiteral("none")
                                     : argb(m.symbology.fill));
            else
                QCOMPARE(colour, argb(m.symbology.stroke));
            return;
        }
        QCOMPARE(seen.value(QStringLiteral("renderer")).toString(),
                 QStringLiteral("categorizedSymbol"));
        QCOMPARE(seen.value(QStringLiteral("field")).toString(), m.categoryField);
        const QJsonArray cats = seen.value(QStringLiteral("categories")).toArray();
        QCOMPARE(cats.size(), qsizetype(m.categories.size() + 1)); // + "all other values"
        for (std::size_t i = 0; i < m.categories.size(); ++i) {
            const QJsonArray c = cats.at(qsizetype(i)).toArray();
            const auto &def = m.categories[i];
            QVERIFY2(c.at(0).toString() == def.value, qPrintable(key));
            QCOMPARE(c.at(1).toString(), def.label.fr);
            QCOMPARE(c.at(2).toString(), argb(def.color));
        }
        QCOMPARE(cats.last().toArray().at(0).toString(), QString());
        QCOMPARE(cats.last().toArray().at(1).toString(), QStringLiteral("Autres"));
        // Cameras draw their field of view under the marker, as in Vigie.
        const QJsonArray kinds = cats.first().toArray().at(4).toArray();
        QCOMPARE(kinds.first().toString(), m.symbology.fovDirectionField.isEmpty()
                                               ? QStringLiteral("SimpleMarker")
                                               : QStringLiteral("GeometryGenerator"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(kPython), "Debian's /usr/bin/python3 is missing");
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        QCOMPARE(vigie::test::runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_store,
                                      QStringLiteral("--scale"), QStringLiteral("0.05")})
                     .exitCode,
                 0);
        const QString shots = qEnvironmentVariable("VIGIE_TEST_OUTPUT");
        m_out = shots.isEmpty() ? m_dir.path() : shots + QStringLiteral("/qgis-styles");
        QVERIFY(QDir().mkpath(m_out));
    }

    void demoWorkspaceOpensStyled()
    {
        const QString vigiePng = m_out + QStringLiteral("/vigie.png");
        const auto r = vigie::test::runCli(
            {QStringLiteral("render"), QStringLiteral("--store"), m_store, QStringLiteral("--out"),
             vigiePng, QStringLiteral("--size"), QStringLiteral("800x600"),
             QStringLiteral("--extent"), kExtent, QStringLiteral("--no-decorations")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QgisRun run = askQgis(m_store, m_out, vigiePng);
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store);
        for (const QString &provider : {QStringLiteral("ogr"), QStringLiteral("spatialite")}) {
            for (const QString &id : kLayers) {
                const QString key = provider + u'/' + id;
                QVERIFY2(run.layers.contains(key), qPrintable(key + QStringLiteral(" missing")));
                const QJsonObject seen = run.layers.value(key);
                const auto m = (*store)->layer(id);
                QVERIFY(m);
                QVERIFY(seen.value(QStringLiteral("valid")).toBool());
                compareRenderer(seen, *m, key);
                const QJsonObject aliases = seen.value(QStringLiteral("aliases")).toObject();
                for (const auto &f : m->fields)
                    QCOMPARE(aliases.value(f.name).toString(), f.label.fr);
                const QJsonArray t = seen.value(QStringLiteral("temporal")).toArray();
                QCOMPARE(t.at(0).toBool(), !m->timeField.isEmpty());
                if (!m->timeField.isEmpty()) {
                    QCOMPARE(t.at(1).toInt(), m->endTimeField.isEmpty() ? 1 : 2);
                    QCOMPARE(t.at(2).toString(), m->timeField);
                    QCOMPARE(t.at(3).toString(), m->endTimeField);
                }
                QCOMPARE(seen.value(QStringLiteral("labels")).toBool(), !m->labelField.isEmpty());
                if (!m->labelField.isEmpty()) {
                    const QJsonArray l = seen.value(QStringLiteral("label")).toArray();
                    QCOMPARE(l.at(0).toString(), m->labelField);
                    QCOMPARE(l.at(1).toString(), QStringLiteral("DejaVu Sans"));
                    QCOMPARE(l.at(2).toDouble(), m->symbology.labelSize);
                }
                QCOMPARE(seen.value(QStringLiteral("styles")).toArray().first().toString(),
                         m->title.fr);
            }
        }
        const double styled = run.render.value(QStringLiteral("difference")).toDouble(-1);
        const double plain = run.render.value(QStringLiteral("unstyledDifference")).toDouble(-1);
        qInfo("QGIS's render %s against Vigie's %s: %.1f styled, %.1f unstyled (mean absolute "
              "difference of 80x60 block means, 0-255)",
              qPrintable(run.render.value(QStringLiteral("render")).toString()),
              qPrintable(vigiePng), styled, plain);
        QVERIFY(styled >= 0.0 && plain >= 0.0);
        QVERIFY2(styled < 8.0, "QGIS does not draw the workspace as Vigie does");
        QVERIFY2(plain > 2.5 * styled, "the comparison does not tell a styled map from another");
    }

    /// The user's changes in the layer panel travel with the project into QGIS's styles.
    void userChangesReachQgis()
    {
        {
            auto store = vigie::core::Store::open(m_store);
            QVERIFY(store);
            vigie::core::ProjectState state;
            vigie::core::ProjectLayer incidents;
            incidents.id = QStringLiteral("incidents");
            incidents.opacity = 0.6;
            incidents.hiddenCategories = {QStringLiteral("violences")};
            incidents.title = QStringLiteral("Faits du mois « test »");
            state.layers.push_back(incidents);
            QVERIFY(vigie::core::ProjectState::save(**store, state).ok());
        }
        const QgisRun run = askQgis(m_store, m_out, m_out + QStringLiteral("/vigie.png"));
        for (const QString &provider : {QStringLiteral("ogr"), QStringLiteral("spatialite")}) {
            const QJsonObject seen = run.layers.value(provider + QStringLiteral("/incidents"));
            QCOMPARE(seen.value(QStringLiteral("opacity")).toDouble(), 0.6);
            for (const QJsonValue &v : seen.value(QStringLiteral("categories")).toArray()) {
                const QJsonArray c = v.toArray();
                QCOMPARE(c.at(3).toBool(), c.at(0).toString() != QLatin1String("violences"));
            }
            QCOMPARE(seen.value(QStringLiteral("styles")).toArray().first().toString(),
                     QStringLiteral("Faits du mois « test »"));
            // Layers the project does not mention keep the manifest's look.
            QCOMPARE(run.layers.value(provider + QStringLiteral("/cameras"))
                         .value(QStringLiteral("opacity"))
                         .toDouble(),
                     1.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestQgisStyles)
#include "test_qgis_styles.moc"
