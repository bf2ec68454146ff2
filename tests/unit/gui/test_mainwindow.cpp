// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a small demo workspace, offscreen: loading, layer panel, redraws on layer
// and period changes, identify, language switch, error on a file that is not a workspace.

#include "guitestsupport.h"

#include "core/calendar.h"
#include "identifypanel.h"
#include "layerpanel.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "timefilter.h"

#include "core/demo/demogenerator.h"
#include "core/geometry.h"
#include "core/i18n.h"
#include "core/io/importer.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <optional>

using namespace vigie;

namespace {

const gui::LayerState *findLayer(const gui::MainWindow &w, const QString &id)
{
    for (const auto &l : w.layerPanel()->layers())
        if (l.manifest.id == id)
            return &l;
    return nullptr;
}

/// A point well inside the polygon of `row`: the grid point of its bounds farthest (in grid
/// steps) from the outside, so that pixel rounding cannot move a click out of it.
std::optional<QPointF> interiorPoint(const core::Geometry &g)
{
    const QRectF b = g.bounds;
    const int n = 40;
    std::vector<int> inside(n * n, 0);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const QPointF p(b.left() + (i + 0.5) * b.width() / n,
                            b.top() + (j + 0.5) * b.height() / n);
            inside[j * n + i] = core::contains(g, p) ? 1 : 0;
        }
    int best = -1;
    int bestDepth = 0;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            if (!inside[j * n + i])
                continue;
            int depth = 1;
            while (depth < n) {
                bool ok = true;
                for (int dj = -depth; dj <= depth && ok; ++dj)
                    for (int di = -depth; di <= depth && ok; ++di) {
                        const int x = i + di, y = j + dj;
                        ok = x >= 0 && y >= 0 && x < n && y < n && inside[y * n + x];
                    }
                if (!ok)
                    break;
                ++depth;
            }
            if (depth > bestDepth) {
                bestDepth = depth;
                best = j * n + i;
            }
        }
    if (best < 0)
        return std::nullopt;
    return QPointF(b.left() + (best % n + 0.5) * b.width() / n,
                   b.top() + (best / n + 0.5) * b.height() / n);
}

bool waitForRender(gui::MapCanvas *canvas, int previousCount, int timeoutMs = 20000)
{
    return QTest::qWaitFor(
        [&] { return canvas->renderCount() > previousCount && !canvas->isRendering(); }, timeoutMs);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsDemoWorkspace();
    void menusAreTranslated();
    void toggleLayerRedraws();
    void timeWindowChangesFeatures();
    void identifyShowsQuartier();
    void languageSwitchesLive();
    void refusesNonWorkspace();
    void screenshot();
    void importsGeoJson();
    void importErrorKeepsWorkspace();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("demo.sqlite"));
    guitest::makeFrenchDemo(m_store, 0.02);
    if (QTest::currentTestFailed())
        return;
    guitest::showWindow(m_window, QSize(1280, 800));
}

void TestMainWindow::loadsDemoWorkspace()
{
    auto &w = *m_window;
    QSignalSpy loaded(&w, &gui::MainWindow::workspaceLoaded);
    QSignalSpy full(&w, &gui::MainWindow::fullMapPainted);
    QVERIFY(w.openWorkspace(m_store));
    QCOMPARE(w.workspacePath(), m_store);
    QVERIFY(w.windowTitle().contains(QStringLiteral("demo.sqlite")));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("Vigie")));
    QVERIFY(loaded.wait(30000) || loaded.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(full.count(), 1, 30000);
    QCOMPARE(w.loadedLayerCount(), 6);

    // The six layers with their French titles, topmost (highest zOrder) first.
    const QStringList titles = w.layerPanel()->titles();
    QCOMPARE(titles.size(), 6);
    QCOMPARE(titles.first(), QStringLiteral("Événements publics"));
    QCOMPARE(titles.last(), QStringLiteral("Quartiers"));
    for (const char *t :
         {"Arrondissements", "Caméras de vidéoprotection", "Incidents", "Trafic routier"})
        QVERIFY2(titles.contains(QString::fromUtf8(t)), t);
    for (const auto &l : w.layerPanel()->layers()) {
        QVERIFY2(l.data, qPrintable(l.manifest.id));
        QVERIFY2(l.data->size() > 0, qPrintable(l.manifest.id));
    }
    // Categories are listed under the incidents layer, as a legend.
    QTreeWidget *tree = w.layerPanel()->tree();
    const int incidentsRow = titles.indexOf(QStringLiteral("Incidents"));
    QCOMPARE(tree->topLevelItem(incidentsRow)->childCount(), 6);
    // The legend counts the features of each category, as QGIS does: "label [n]".
    const QString violence = tree->topLevelItem(incidentsRow)->child(1)->text(0);
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^Violences aux personnes \\[[0-9\\x{00A0}\\x{202F}]+\\]$"))
                 .match(violence)
                 .hasMatch(),
             qPrintable(violence));

    const auto &r = w.mapCanvas()->lastRender();
    QCOMPARE(r.layersWithData, 6);
    QVERIFY(r.featuresDrawn > 0);
    // The map is centred on Marseille (Lambert-93).
    const QPointF c = w.mapCanvas()->center();
    QVERIFY(c.x() > 880000 && c.x() < 910000);
    QVERIFY(c.y() > 6230000 && c.y() < 6260000);
}

void TestMainWindow::menusAreTranslated()
{
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QStringList titles;
    for (QAction *m : menus)
        titles << m->text();
    QCOMPARE(titles, (QStringList{QStringLiteral("&Fichier"), QStringLiteral("&Affichage"),
                                  QStringLiteral("A&nalyse"), QStringLiteral("&Scénarios"),
                                  QStringLiteral("&Paramètres"), QStringLiteral("Aid&e")}));
    auto *file = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(file);
    QVERIFY(file->actions().size() >= 6);
}

void TestMainWindow::toggleLayerRedraws()
{
    auto &w = *m_window;
    gui::MapCanvas *canvas = w.mapCanvas();
    QVERIFY(waitForRender(canvas, canvas->renderCount() - 1));
    const std::size_t before = canvas->lastRender().featuresDrawn;
    const int count = canvas->renderCount();

    // Untick "Incidents" as a user would.
    QTreeWidget *tree = w.layerPanel()->tree();
    const int row = w.layerPanel()->titles().indexOf(QStringLiteral("Incidents"));
    tree->topLevelItem(row)->setCheckState(0, Qt::Unchecked);
    QVERIFY(!findLayer(w, QStringLiteral("incidents"))->visible);
    QVERIFY(waitForRender(canvas, count));
    const std::size_t without = canvas->lastRender().featuresDrawn;
    QVERIFY2(without < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(without)));

    const int count2 = canvas->renderCount();
    tree->topLevelItem(row)->setCheckState(0, Qt::Checked);
    QVERIFY(waitForRender(canvas, count2));
    QCOMPARE(canvas->lastRender().featuresDrawn, before);
}

void TestMainWindow::timeWindowChangesFeatures()
{
    auto &w = *m_window;
    gui::MapCanvas *canvas = w.mapCanvas();
    gui::TimeFilter *time = w.timeFilter();
    QVERIFY(time->dataMin() < time->dataMax());
    // Three years of demo incidents.
    QVERIFY(time->dataMax() - time->dataMin() > 2 * 365 * 86400LL);
    const std::size_t all = canvas->lastRender().featuresDrawn;

    const int count = canvas->renderCount();
    time->applyPreset(gui::TimeFilter::Preset::LastMonth);
    // The calendar month before the reference day: the 1st at midnight to the last second of
    // its last day, on the city's clock.
    const QDate first = core::cityDay(time->from());
    QCOMPARE(first.day(), 1);
    QCOMPARE(core::dayStartSecs(first), time->from());
    QCOMPARE(core::cityDay(time->to()), QDate(first.year(), first.month(), first.daysInMonth()));
    QCOMPARE(core::dayEndSecs(core::cityDay(time->to())), time->to());
    QVERIFY(first < QDate(time->referenceDay().year(), time->referenceDay().month(), 1));
    QVERIFY(waitForRender(canvas, count));
    const std::size_t month = canvas->lastRender().featuresDrawn;
    QVERIFY2(month < all, qPrintable(QStringLiteral("%1 -> %2").arg(all).arg(month)));
    QCOMPARE(canvas->settings().timeTo, time->to());
    QCOMPARE(canvas->settings().timeFrom, time->from());

    // An animation step moves the window forward; back to the whole period afterwards.
    time->setWindow(time->dataMin(), time->dataMin() + 7 * 86400LL);
    const auto from0 = time->from();
    time->stepAnimation();
    QVERIFY(time->from() > from0);
    const int count2 = canvas->renderCount();
    time->applyPreset(gui::TimeFilter::Preset::Whole);
    QVERIFY(waitForRender(canvas, count2));
    QCOMPARE(canvas->lastRender().featuresDrawn, all);
}

void TestMainWindow::identifyShowsQuartier()
{
    auto &w = *m_window;
    const gui::LayerState *quartiers = findLayer(w, QStringLiteral("quartiers"));
    QVERIFY(quartiers && quartiers->data);
    const auto &snap = *quartiers->data;
    QVERIFY(!snap.labels.empty());
    const std::size_t row = snap.size() / 2;
    const QString expected = snap.labels[row];
    QVERIFY(!expected.isEmpty());
    const auto inside = interiorPoint(snap.geometries[row]);
    QVERIFY(inside);

    // Only the quartiers shown, so that the click hits them (points and arrondissements are
    // above them otherwise).
    for (const auto &l : w.layerPanel()->layers())
        w.layerPanel()->setLayerVisible(l.manifest.id, l.manifest.id == QLatin1String("quartiers"));
    gui::MapCanvas *canvas = w.mapCanvas();
    canvas->zoomToRect(snap.geometries[row].bounds);
    QVERIFY(waitForRender(canvas, canvas->renderCount()));

    canvas->setTool(gui::MapCanvas::Tool::Identify);
    const QPoint pixel = canvas->toPixel(*inside).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, pixel);
    QTRY_VERIFY_WITH_TIMEOUT(w.identifyPanel()->title().contains(expected), 5000);
    QVERIFY(canvas->hasHighlight());
    const QStringList lines = w.identifyPanel()->lines();
    QVERIFY2(lines.contains(QStringLiteral("Nom: %1").arg(expected)),
             qPrintable(lines.join(QLatin1Char('|'))));
    // Field labels come from the manifest in French, integers are formatted for the locale.
    QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) {
        return l.startsWith(QStringLiteral("Population: "));
    }));

    // A click far outside the city finds nothing.
    canvas->setView(QPointF(700000, 6600000), 10.0);
    QVERIFY(waitForRender(canvas, canvas->renderCount()));
    QTest::mouseClick(canvas, Qt::LeftButton, {},
                      QPoint(canvas->width() / 2, canvas->height() / 2));
    QTRY_VERIFY(!w.identifyPanel()->title().contains(expected));
    QVERIFY(w.identifyPanel()->lines().isEmpty());
    QVERIFY(!canvas->hasHighlight());

    canvas->setTool(gui::MapCanvas::Tool::Pan);
    for (const auto &l : w.layerPanel()->layers())
        w.layerPanel()->setLayerVisible(l.manifest.id, true);
    w.zoomFull();
}

void TestMainWindow::languageSwitchesLive()
{
    auto &w = *m_window;
    auto *file = w.findChild<QMenu *>(QStringLiteral("fileMenu"));
    w.setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(w.language(), QStringLiteral("en"));
    QCOMPARE(file->title(), QStringLiteral("&File"));
    QVERIFY(w.layerPanel()->titles().contains(QStringLiteral("Quartiers (neighbourhoods)")));
    QVERIFY(w.layerPanel()->titles().contains(QStringLiteral("Road traffic")));
    QCOMPARE(w.mapCanvas()->settings().language, QStringLiteral("en"));

    w.setLanguageSetting(QStringLiteral("fr"));
    QCOMPARE(w.language(), QStringLiteral("fr"));
    QVERIFY(w.layerPanel()->titles().contains(QStringLiteral("Trafic routier")));
    QCOMPARE(w.mapCanvas()->settings().language, QStringLiteral("fr"));
}

void TestMainWindow::refusesNonWorkspace()
{
    auto &w = *m_window;
    const QString bogus = m_dir.filePath(QStringLiteral("notes.sqlite"));
    {
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("This is not a database, just some notes.\n");
    }
    QVERIFY(!w.openWorkspace(bogus));
    QVERIFY(!w.lastError().isEmpty());
    // The previous workspace stays open with its layers.
    QCOMPARE(w.workspacePath(), m_store);
    QCOMPARE(w.layerPanel()->layers().size(), std::size_t(6));
    QVERIFY(findLayer(w, QStringLiteral("incidents"))->data);
}

void TestMainWindow::screenshot()
{
    auto &w = *m_window;
    gui::MapCanvas *canvas = w.mapCanvas();
    w.zoomFull();
    w.timeFilter()->applyPreset(gui::TimeFilter::Preset::LastQuarter);
    // Show a quartier in the identify panel and coordinates in the status bar, like a user would.
    const gui::LayerState *quartiers = findLayer(w, QStringLiteral("quartiers"));
    QVERIFY(quartiers && quartiers->data && quartiers->data->size() > 0);
    const auto inside = interiorPoint(quartiers->data->geometries[0]);
    QVERIFY(inside);
    w.layerPanel()->setLayerVisible(QStringLiteral("arrondissements"), false);
    w.identifyAt(*inside, 1.0);
    QVERIFY(w.identifyPanel()->title().contains(quartiers->data->labels[0]));
    w.layerPanel()->setLayerVisible(QStringLiteral("arrondissements"), true);
    w.layerPanel()->setCurrentLayer(QStringLiteral("incidents"));
    QTest::mouseMove(canvas, canvas->toPixel(*inside).toPoint());
    QTest::qWait(120);
    QVERIFY(waitForRender(canvas, canvas->renderCount() - 1));
    QTest::qWait(100);
    const QImage image = w.grab().toImage();
    QCOMPARE(image.size(), w.size() * w.devicePixelRatio());
    // The map is not blank: many distinct colours in the canvas area.
    const QImage map = canvas->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < map.height(); y += 7)
        for (int x = 0; x < map.width(); x += 7)
            colours.insert(map.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));

    const QString outDir = qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(outDir);
    QVERIFY(image.save(QDir(outDir).filePath(QStringLiteral("mainwindow.png"))));
}

void TestMainWindow::importsGeoJson()
{
    auto &w = *m_window;
    const QString path = m_dir.filePath(QStringLiteral("signalements.geojson"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"nom": "Vieux-Port", "n": 3},
  "geometry": {"type": "Point", "coordinates": [5.3698, 43.2951]}},
 {"type": "Feature", "properties": {"nom": "Castellane", "n": 1},
  "geometry": {"type": "Point", "coordinates": [5.3838, 43.2858]}},
 {"type": "Feature", "properties": {"nom": "Joliette", "n": 2},
  "geometry": {"type": "Point", "coordinates": [5.3667, 43.3050]}}]})");
    }
    QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
    core::ImportOptions options;
    options.newLayerId = QStringLiteral("signalements");
    w.importFile(path, options);
    QVERIFY(ended.wait(30000));
    QVERIFY2(ended.first().first().toBool(), qPrintable(w.lastError()));
    QCOMPARE(w.layerPanel()->layers().size(), std::size_t(7));
    const gui::LayerState *layer = findLayer(w, QStringLiteral("signalements"));
    QVERIFY(layer && layer->data);
    QCOMPARE(layer->data->size(), std::size_t(3));
    QCOMPARE(w.layerPanel()->currentLayerId(), QStringLiteral("signalements"));
    // Zoomed to the three points, in Lambert-93 (the Vieux-Port is near 892 400, 6 247 200).
    const QRectF view = w.mapCanvas()->visibleExtent();
    QVERIFY(view.contains(layer->data->extent));
    QVERIFY(view.width() < 10000);
    QVERIFY(view.center().x() > 890000 && view.center().x() < 896000);
}

void TestMainWindow::importErrorKeepsWorkspace()
{
    auto &w = *m_window;
    const QString path = m_dir.filePath(QStringLiteral("tronque.geojson"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "features": [ {"type": "Feature", "prop)");
    }
    const std::size_t before = w.layerPanel()->layers().size();
    QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
    core::ImportOptions options;
    options.newLayerId = QStringLiteral("tronque");
    w.importFile(path, options);
    QVERIFY(ended.wait(30000));
    QVERIFY(!ended.first().first().toBool());
    QVERIFY2(w.lastError().contains(QStringLiteral("tronque.geojson")), qPrintable(w.lastError()));
    QCOMPARE(w.layerPanel()->layers().size(), before);
    QVERIFY(!findLayer(w, QStringLiteral("tronque")));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
