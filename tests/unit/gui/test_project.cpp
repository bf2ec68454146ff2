// SPDX-License-Identifier: GPL-3.0-or-later
// Projects and views: the map state (layer order, visibility, opacity, categories, names, view,
// period) kept in the workspace and restored after a restart; named saved views; full extent on
// the study area; layers reordered by drag and drop, renamed, removed with their analysis
// record; a damaged saved state read as the default map, never trusted.

#include "guitestsupport.h"
#include "layerpanel.h"
#include "mapcanvas.h"
#include "timefilter.h"

#include "core/analysis/analysis.h"
#include "core/calendar.h"
#include "core/project/projectstate.h"
#include "core/store/store.h"

#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>
#include <limits>

using namespace vigie;

namespace {

const gui::LayerState *findLayer(gui::MainWindow &w, const QString &id)
{
    for (const auto &l : w.layerPanel()->layers())
        if (l.manifest.id == id)
            return &l;
    return nullptr;
}

QStringList order(gui::MainWindow &w)
{
    QStringList ids;
    for (const auto &l : w.layerPanel()->layers())
        ids << l.manifest.id;
    return ids;
}

bool near(const QRectF &a, const QRectF &b, double tolerance)
{
    return std::abs(a.left() - b.left()) < tolerance && std::abs(a.top() - b.top()) < tolerance &&
           std::abs(a.right() - b.right()) < tolerance &&
           std::abs(a.bottom() - b.bottom()) < tolerance;
}

} // namespace

class TestProject : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostileStateIsNotTrusted();
    void stateSurvivesRestart();
    void savedViews();
    void dragAndDropReorders();
    void fullExtentIsTheStudyArea();
    void removeResultRemovesItsRecord();
    void damagedStateOpensTheDefaultMap();
    void cleanupTestCase();

private:
    void restart();

    QTemporaryDir m_dir;
    QString m_store;
    QString m_kde;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestProject::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
    guitest::makeFrenchDemo(m_store, 0.05);
    if (QTest::currentTestFailed())
        return;
    {
        // One analysis kept in the workspace: a result layer and its record.
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

void TestProject::restart()
{
    m_window->close(); // saves the map state, as quitting does
    m_window.reset();
    guitest::openWindow(m_window, m_store);
}

void TestProject::hostileStateIsNotTrusted()
{
    using core::ProjectState;
    // Not JSON, not ours, too new, too large: errors, never a half-read state.
    QVERIFY(!ProjectState::fromJson("{\"format\": \"vigie-project\", \"layers\": [").ok());
    QVERIFY(!ProjectState::fromJson("{\"format\": \"qgis\", \"version\": 1}").ok());
    const auto tooNew = ProjectState::fromJson("{\"format\": \"vigie-project\", \"version\": 99}");
    QVERIFY(!tooNew.ok());
    QCOMPARE(tooNew.error().code, core::ErrorCode::TooNew);
    QByteArray huge = "{\"format\": \"vigie-project\", \"views\": [\"";
    huge += QByteArray(ProjectState::kMaxBytes, 'x');
    huge += "\"]}";
    QVERIFY(!ProjectState::fromJson(huge).ok());

    // Values out of range are clamped or dropped; duplicates and wrong types ignored.
    const QByteArray odd = R"({"format": "vigie-project", "version": 1,
        "layers": [{"id": "incidents", "opacity": 7, "visible": false,
                    "hiddenCategories": ["vol", 3], "title": "  Mes\n incidents  "},
                   {"id": "incidents", "opacity": 0.2}, {"id": 12}, {"opacity": 0.5}],
        "extent": [1e300, 0, 1, 1],
        "period": {"preset": "custom", "from": 1700000000, "to": 1600000000},
        "views": [{"name": "Centre", "extent": [890000, 6240000, 895000, 6250000],
                   "period": {"preset": "last-month"}, "visibleLayers": ["incidents"]},
                  {"name": "centre", "extent": [0, 0, 10, 10]},
                  {"name": "Sans étendue"},
                  {"name": "", "extent": [0, 0, 10, 10]}]})";
    const auto state = ProjectState::fromJson(odd);
    QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().message));
    QCOMPARE(state->layers.size(), std::size_t(1));
    QCOMPARE(state->layers[0].opacity, 1.0);
    QCOMPARE(state->layers[0].visible, false);
    QCOMPARE(state->layers[0].hiddenCategories, QStringList{QStringLiteral("vol")});
    QCOMPARE(state->layers[0].title, QStringLiteral("Mes incidents"));
    QVERIFY(state->extent.isNull());
    QCOMPARE(state->period.preset, QStringLiteral("whole")); // from after to: not a period
    QCOMPARE(state->views.size(), std::size_t(1));
    QCOMPARE(state->views[0].name, QStringLiteral("Centre"));
    QCOMPARE(state->views[0].period.preset, QStringLiteral("last-month"));

    // And what is written reads back the same.
    const auto again = ProjectState::fromJson(state->toJson());
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), state->toJson());
}

void TestProject::stateSurvivesRestart()
{
    auto &w = *m_window;
    gui::LayerPanel *panel = w.layerPanel();
    QVERIFY(findLayer(w, m_kde) && findLayer(w, m_kde)->isResult);
    QVERIFY(!findLayer(w, m_kde)->visible); // results start hidden in a workspace never set up

    // As an analyst sets up the map for the month's meeting.
    panel->setLayerVisible(QStringLiteral("cameras"), false);
    panel->setLayerVisible(m_kde, true);
    panel->setLayerOpacity(QStringLiteral("quartiers"), 0.4);
    panel->setCategoryVisible(QStringLiteral("incidents"), 0, false);
    w.renameLayer(QStringLiteral("incidents"), QStringLiteral("Faits constatés"));
    QVERIFY(panel->moveLayerTo(QStringLiteral("traffic"), QStringLiteral("events"), true));
    const QStringList before = order(w);
    QCOMPARE(before.indexOf(QStringLiteral("traffic")) + 1,
             before.indexOf(QStringLiteral("events")));
    const QRectF view(892000, 6244000, 4000, 3000); // the centre, Lambert-93
    w.mapCanvas()->zoomToRect(view);
    w.timeFilter()->applyPreset(core::CalendarPreset::LastQuarter);
    const QRectF shown = w.mapCanvas()->visibleExtent();
    const std::int64_t from = w.timeFilter()->from();
    const std::int64_t to = w.timeFilter()->to();

    // Saved a moment after the change, without asking.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto store = core::Store::open(m_store, true);
            return store.ok() && !store.value()->meta(QStringLiteral("project")).isEmpty();
        }(),
        10000);

    restart();
    auto &r = *m_window;
    QCOMPARE(order(r), before);
    QVERIFY(!findLayer(r, QStringLiteral("cameras"))->visible);
    QVERIFY(findLayer(r, m_kde)->visible);
    QCOMPARE(findLayer(r, QStringLiteral("quartiers"))->opacity, 0.4);
    QVERIFY(!findLayer(r, QStringLiteral("incidents"))->categoryVisible.at(0));
    QVERIFY(findLayer(r, QStringLiteral("incidents"))->categoryVisible.at(1));
    QVERIFY(r.layerPanel()->titles().contains(QStringLiteral("Faits constatés")));
    QVERIFY2(
        near(r.mapCanvas()->visibleExtent(), shown, 1.0),
        qPrintable(
            QStringLiteral("%1 %2").arg(r.mapCanvas()->visibleExtent().left()).arg(shown.left())));
    QTRY_COMPARE(r.timeFilter()->preset(), core::CalendarPreset::LastQuarter);
    QCOMPARE(r.timeFilter()->from(), from);
    QCOMPARE(r.timeFilter()->to(), to);
    QVERIFY(r.mapCanvas()->grab().save(
        guitest::screenshotPath(QStringLiteral("project-restored.png"))));
}

void TestProject::savedViews()
{
    auto &w = *m_window;
    // "Vieux-Port, last month, incidents only".
    w.mapCanvas()->zoomToRect(QRectF(891500, 6246500, 2000, 1500));
    w.timeFilter()->applyPreset(core::CalendarPreset::LastMonth);
    for (const auto &l : w.layerPanel()->layers())
        w.layerPanel()->setLayerVisible(l.manifest.id,
                                        l.manifest.id == QLatin1String("incidents") ||
                                            l.manifest.id == QLatin1String("quartiers"));
    const QRectF portExtent = w.mapCanvas()->visibleExtent();
    QVERIFY(w.saveView(QStringLiteral("Vieux-Port, mois dernier")));

    // Elsewhere, another period, every layer.
    w.zoomFull();
    w.timeFilter()->applyPreset(core::CalendarPreset::Whole);
    for (const auto &l : w.layerPanel()->layers())
        w.layerPanel()->setLayerVisible(l.manifest.id, true);
    QVERIFY(!near(w.mapCanvas()->visibleExtent(), portExtent, 10.0));

    QVERIFY(w.applyView(QStringLiteral("vieux-port, MOIS DERNIER")));
    QVERIFY(near(w.mapCanvas()->visibleExtent(), portExtent, 1.0));
    QCOMPARE(w.timeFilter()->preset(), core::CalendarPreset::LastMonth);
    QVERIFY(findLayer(w, QStringLiteral("incidents"))->visible);
    QVERIFY(!findLayer(w, QStringLiteral("cameras"))->visible);

    // The menu lists it; it survives a restart; it can be deleted.
    restart();
    QCOMPARE(m_window->viewNames(), QStringList{QStringLiteral("Vieux-Port, mois dernier")});
    QVERIFY(m_window->applyView(QStringLiteral("Vieux-Port, mois dernier")));
    QVERIFY(near(m_window->mapCanvas()->visibleExtent(), portExtent, 1.0));
    QVERIFY(m_window->deleteView(QStringLiteral("Vieux-Port, mois dernier")));
    QVERIFY(m_window->viewNames().isEmpty());
    QVERIFY(!m_window->applyView(QStringLiteral("Vieux-Port, mois dernier")));
    for (const auto &l : m_window->layerPanel()->layers())
        m_window->layerPanel()->setLayerVisible(l.manifest.id, true);
}

void TestProject::dragAndDropReorders()
{
    auto &w = *m_window;
    QTreeWidget *tree = w.layerPanel()->tree();
    QTreeWidgetItem *dragged = w.layerPanel()->itemOf(QStringLiteral("quartiers"));
    QTreeWidgetItem *target = w.layerPanel()->itemOf(QStringLiteral("cameras"));
    QVERIFY(dragged && target);
    tree->scrollToItem(target);
    tree->setCurrentItem(dragged);
    // A real drop on the upper half of the cameras' row: the quartiers go just above them.
    const QRect rect = tree->visualItemRect(target);
    const QPoint at(rect.center().x(), rect.top() + 2);
    std::unique_ptr<QMimeData> mime(tree->model()->mimeData({tree->indexFromItem(dragged)}));
    QDragEnterEvent enter(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &enter);
    QDragMoveEvent move(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &move);
    QDropEvent drop(QPointF(at), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &drop);
    QTRY_COMPARE(order(w).indexOf(QStringLiteral("quartiers")) + 1,
                 order(w).indexOf(QStringLiteral("cameras")));
    // The categories stayed with their layer.
    QCOMPARE(
        w.layerPanel()->itemOf(QStringLiteral("incidents"))->childCount(),
        static_cast<int>(findLayer(w, QStringLiteral("incidents"))->manifest.categories.size()));
    // A data layer cannot go into the results group.
    QVERIFY(!w.layerPanel()->moveLayerTo(QStringLiteral("cameras"), m_kde, true));
    QCOMPARE(order(w).first(), m_kde);
    // The map draws in the new order (bottom first).
    const auto drawn = w.layerPanel()->mapLayers();
    QStringList drawnIds;
    for (const auto &l : drawn)
        drawnIds.prepend(l.data->manifest.id);
    QCOMPARE(drawnIds, order(w));
}

void TestProject::fullExtentIsTheStudyArea()
{
    auto &w = *m_window;
    // Data of another city (Lille), imported by the analyst.
    const QString path = m_dir.filePath(QStringLiteral("lille.geojson"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"nom": "Grand-Place"},
             "geometry": {"type": "Point", "coordinates": [3.0635, 50.6372]}},
            {"type": "Feature", "properties": {"nom": "Gare Lille-Flandres"},
             "geometry": {"type": "Point", "coordinates": [3.0707, 50.6365]}}]})");
    }
    QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
    core::ImportOptions options;
    options.newLayerId = QStringLiteral("lille");
    w.importFile(path, options);
    QVERIFY(ended.wait(60000));
    QVERIFY2(ended.first().first().toBool(), qPrintable(w.lastError()));

    const gui::LayerState *arr = findLayer(w, QStringLiteral("arrondissements"));
    QVERIFY(arr && arr->data);
    w.zoomFull();
    QRectF shown = w.mapCanvas()->visibleExtent();
    QVERIFY(shown.contains(arr->data->extent.center()));
    QVERIFY(shown.width() < 3 * std::max(arr->data->extent.width(), arr->data->extent.height()));
    QTRY_VERIFY(findLayer(w, QStringLiteral("lille")) &&
                findLayer(w, QStringLiteral("lille"))->data);
    const QRectF lille = findLayer(w, QStringLiteral("lille"))->data->extent;
    QVERIFY(!shown.intersects(lille.adjusted(-1, -1, 1, 1)));
    w.zoomAllLayers();
    shown = w.mapCanvas()->visibleExtent();
    QVERIFY(shown.contains(lille.center()) && shown.contains(arr->data->extent.center()));
    w.zoomFull();
}

void TestProject::removeResultRemovesItsRecord()
{
    auto &w = *m_window;
    QVERIFY(w.layerPanel()->resultsGroupItem());
    QVERIFY(w.layerPanel()->resultsGroupItem()->text(0).startsWith(
        QStringLiteral("Résultats d’analyse")));
    QVERIFY(w.removeLayer(m_kde));
    QVERIFY(!findLayer(w, m_kde));
    QVERIFY(!w.layerPanel()->resultsGroupItem()); // no results left, no group
    QVERIFY(w.removeLayer(QStringLiteral("lille")));
    QVERIFY(!findLayer(w, QStringLiteral("lille")));
    QVERIFY(!w.removeLayer(QStringLiteral("no_such_layer")));
    {
        auto store = core::Store::open(m_store, true);
        QVERIFY(store.ok());
        QVERIFY(!store.value()->hasLayer(m_kde));
        QVERIFY(!store.value()->hasLayer(QStringLiteral("lille")));
        for (const core::StoredAnalysis &a : core::storedAnalyses(**store))
            QVERIFY2(!a.layers.contains(m_kde), qPrintable(a.id));
        QVERIFY(store.value()->hasLayer(QStringLiteral("incidents")));
    }
    // After a restart the removed layers stay removed, the rest of the state is kept.
    restart();
    QVERIFY(!findLayer(*m_window, m_kde));
    QVERIFY(m_window->layerPanel()->titles().contains(QStringLiteral("Faits constatés")));
}

void TestProject::damagedStateOpensTheDefaultMap()
{
    // A copy of the workspace whose saved state was damaged by hand.
    const QString copy = m_dir.filePath(QStringLiteral("damaged.vigie"));
    {
        auto store = core::Store::open(m_store, true);
        QVERIFY(store.ok());
        QVERIFY(store.value()->saveCopy(copy).ok());
        auto damaged = core::Store::open(copy);
        QVERIFY(damaged.ok());
        damaged.value()->setMeta(QStringLiteral("project"),
                                 QStringLiteral("{\"format\": \"vigie-project\", \"layers\": [{"));
    }
    auto &w = *m_window;
    guitest::openAndWaitForMap(w, copy);
    QCOMPARE(w.workspacePath(), copy);
    QVERIFY2(w.statusBar()->currentMessage().contains(
                 QStringLiteral("la carte par défaut est affichée")),
             qPrintable(w.statusBar()->currentMessage()));
    // The default map: every data layer shown, the manifests' names.
    for (const auto &l : w.layerPanel()->layers())
        QVERIFY2(l.visible && l.userTitle.isEmpty(), qPrintable(l.manifest.id));
}

void TestProject::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestProject)
#include "test_project.moc"
