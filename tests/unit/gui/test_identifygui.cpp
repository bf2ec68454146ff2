// SPDX-License-Identifier: GPL-3.0-or-later
// Identify on stacked layers and on a raster: a click on an incident lists the incident, the
// KDE cell, the quartier and the arrondissement under it, topmost layer first; coded values
// (the incident's quartier code) show by name; each hit is marked on the map in turn; Clear
// and Escape remove the result and its mark.

#include "guitestsupport.h"
#include "identifypanel.h"
#include "layerpanel.h"
#include "mapcanvas.h"

#include "core/analysis/analysis.h"
#include "core/pvalue.h"
#include "core/store/store.h"
#include "render/identify.h"

#include <QComboBox>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace vigie;

namespace {

const gui::LayerState *findLayer(gui::MainWindow &w, const QString &id)
{
    for (const auto &l : w.layerPanel()->layers())
        if (l.manifest.id == id)
            return &l;
    return nullptr;
}

} // namespace

class TestIdentifyGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stackedLayersAndRaster();
    void clearRemovesTheMark();
    void pValues();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_kde;
    QPointF m_point;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestIdentifyGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
    guitest::makeFrenchDemo(m_store, 0.05);
    if (QTest::currentTestFailed())
        return;
    {
        auto store = core::Store::open(m_store);
        QVERIFY(store.ok());
        core::AnalysisRequest r;
        r.kind = core::AnalysisKind::Kde;
        r.parameters = {{QStringLiteral("bandwidth"), 400}, {QStringLiteral("cellSize"), 200}};
        auto out = core::AnalysisRunner::run(**store, r);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
        m_kde = out->resultLayer;
    }
    guitest::openWindow(m_window, m_store);
}

void TestIdentifyGui::stackedLayersAndRaster()
{
    auto &w = *m_window;
    w.layerPanel()->setLayerVisible(m_kde, true);
    w.layerPanel()->setLayerOpacity(m_kde, 0.6);
    for (const char *id : {"cameras", "events", "traffic"})
        w.layerPanel()->setLayerVisible(QString::fromLatin1(id), false);
    const gui::LayerState *incidents = findLayer(w, QStringLiteral("incidents"));
    const gui::LayerState *quartiers = findLayer(w, QStringLiteral("quartiers"));
    const gui::LayerState *kde = findLayer(w, m_kde);
    QVERIFY(incidents && incidents->data && quartiers && quartiers->data && kde && kde->data);

    // An incident in a quartier, where the density is positive.
    std::optional<std::size_t> area;
    for (std::size_t i = 0; i < incidents->data->size() && !area; ++i) {
        const QPointF p(incidents->data->x[i], incidents->data->y[i]);
        const auto value = render::rasterValueAt(*kde->data, p);
        area = render::identifyRow(*quartiers->data, p, 0.1, core::LayerSnapshot::kNoTime,
                                   core::LayerSnapshot::kNoTime);
        if (!value || *value <= 0)
            area.reset();
        m_point = p;
    }
    QVERIFY(area);
    const QString quartierName = quartiers->data->labels[*area];
    QString quartierCode;
    {
        auto store = core::Store::open(m_store, true);
        QVERIFY(store.ok());
        quartierCode = store.value()
                           ->textsByFid(QStringLiteral("quartiers"), QStringLiteral("code_qua"))
                           .at(quartiers->data->fids[*area]);
    }
    QVERIFY(!quartierCode.isEmpty());

    QSignalSpy rendered(w.mapCanvas(), &gui::MapCanvas::renderFinished);
    w.mapCanvas()->zoomToRect(QRectF(m_point - QPointF(800, 600), QSizeF(1600, 1200)));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() > 0 && !w.mapCanvas()->isRendering(), 15000);
    w.identifyAt(m_point, 2.0);
    gui::IdentifyPanel *panel = w.identifyPanel();
    const QStringList hits = panel->hitTitles();
    QVERIFY2(hits.size() == 4, qPrintable(hits.join(QLatin1Char('|'))));
    // Topmost first, as the layer panel lists them: the result, the incident, the areas.
    QStringList expectedLayers;
    for (const auto &l : w.layerPanel()->layers())
        if (l.visible)
            expectedLayers << l.title(w.language());
    for (int i = 0; i < hits.size(); ++i)
        QVERIFY2(hits[i].startsWith(expectedLayers[i]), qPrintable(hits[i]));
    QVERIFY(panel->findChild<QComboBox *>(QStringLiteral("identifyHits"))->isVisible());

    // The raster cell's value.
    QCOMPARE(panel->currentHit(), 0);
    QVERIFY2(panel->lines().size() == 1 &&
                 panel->lines()[0].startsWith(QStringLiteral("Valeur de la cellule: ")),
             qPrintable(panel->lines().join(QLatin1Char('|'))));
    QVERIFY(w.mapCanvas()->hasHighlight());

    // The incident: its quartier by name, with the code.
    panel->findChild<QComboBox *>(QStringLiteral("identifyHits"))->setCurrentIndex(1);
    QCOMPARE(panel->currentHit(), 1);
    const QString expected = QStringLiteral("Quartier: %1 (%2)").arg(quartierName, quartierCode);
    QVERIFY2(panel->lines().contains(expected), qPrintable(expected + QStringLiteral(" not in ") +
                                                           panel->lines().join(QLatin1Char('|'))));
    // The quartier itself, a hidden-under polygon before.
    panel->setCurrentHit(3);
    QVERIFY2(panel->title().contains(quartierName), qPrintable(panel->title()));
    QVERIFY(w.grab().save(guitest::screenshotPath(QStringLiteral("identify-stacked.png"))));
}

void TestIdentifyGui::clearRemovesTheMark()
{
    auto &w = *m_window;
    gui::IdentifyPanel *panel = w.identifyPanel();
    QVERIFY(w.mapCanvas()->hasHighlight());
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("identifyClear")),
                      Qt::LeftButton);
    QVERIFY(!w.mapCanvas()->hasHighlight());
    QCOMPARE(panel->hitCount(), 0);
    QVERIFY(panel->lines().isEmpty());

    // Escape on the map does the same.
    w.identifyAt(m_point, 2.0);
    QVERIFY(w.mapCanvas()->hasHighlight());
    w.mapCanvas()->setFocus();
    QTest::keyClick(w.mapCanvas(), Qt::Key_Escape);
    QVERIFY(!w.mapCanvas()->hasHighlight());

    // A click on nothing says so and marks nothing.
    w.identifyAt(QPointF(700000, 6600000), 2.0);
    QCOMPARE(panel->title(), QStringLiteral("Aucun objet à cet endroit."));
    QVERIFY(!w.mapCanvas()->hasHighlight());
}

void TestIdentifyGui::pValues()
{
    // Never "0.00": below one in a thousand a p-value reads "< 0.001", as reports write it.
    QCOMPARE(core::pValueNumber(0.00004), QStringLiteral("< 0.001"));
    QCOMPARE(core::pValueText(0.00004), QStringLiteral("p < 0.001"));
    QCOMPARE(core::pValueText(0.0123), QStringLiteral("p = 0.012"));
    QCOMPARE(core::pValueNumber(0.5, QLocale(QLocale::French)), QStringLiteral("0,500"));
    QCOMPARE(core::pValueNumber(std::nan("")), QString());
    // In the identify panel, a result's p field in the French UI.
    core::LayerManifest m;
    m.id = QStringLiteral("gistar_1");
    m.title = {QStringLiteral("Points chauds"), QStringLiteral("Hot spots")};
    core::FieldDef z{QStringLiteral("z"), core::FieldType::Real, {QStringLiteral("Score z"), {}}};
    core::FieldDef p{QStringLiteral("p"), core::FieldType::Real, {QStringLiteral("Valeur p"), {}}};
    m.fields = {z, p};
    QLocale::setDefault(QLocale(QLocale::French));
    m_window->identifyPanel()->showFeature(
        m, {{QStringLiteral("z"), 4.21}, {QStringLiteral("p"), 0.0000255}}, QStringLiteral("fr"));
    QLocale::setDefault(QLocale::c());
    const QStringList lines = m_window->identifyPanel()->lines();
    QVERIFY2(lines.contains(QStringLiteral("Valeur p: < 0,001")),
             qPrintable(lines.join(QLatin1Char('|'))));
    QVERIFY2(lines.contains(QStringLiteral("Score z: 4,21")),
             qPrintable(lines.join(QLatin1Char('|'))));
}

void TestIdentifyGui::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestIdentifyGui)
#include "test_identifygui.moc"
