// SPDX-License-Identifier: GPL-3.0-or-later
// The Scenarios panel of the main window, offscreen on a small demo workspace: the Scenarios menu
// opens the panel on each scenario; each of the five scenarios is set up through its page
// (combos, spin boxes, map clicks for cameras, a ticked quartier), runs in the background, and
// its layers appear on the map while its report fills the panel. A forecast can be canceled
// with the workspace left unchanged. Screenshots go to VIGIE_TEST_OUTPUT/scenario_<kind>.png.

#include "datefield.h"
#include "guitestsupport.h"
#include "layerpanel.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "scenariopanel.h"
#include "timefilter.h"

#include "core/demo/demogenerator.h"
#include "core/i18n.h"
#include "core/scenario/scenario.h"
#include "core/store/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QHash>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

using namespace vigie;
using core::ScenarioKind;

namespace {

const gui::LayerState *findLayer(const gui::MainWindow &w, const QString &id)
{
    for (const auto &l : w.layerPanel()->layers())
        if (l.manifest.id == id)
            return &l;
    return nullptr;
}

/// The analyses and scenarios kept in the workspace, read through a second connection.
std::vector<core::StoredAnalysis> storedRuns(const QString &path)
{
    auto store = core::Store::open(path, true);
    if (!store.ok())
        return {};
    return core::storedAnalyses(*store.value());
}

template <typename T> T *editor(gui::ScenarioPanel *panel, ScenarioKind kind, const char *name)
{
    return qobject_cast<T *>(panel->parameterEditor(kind, QString::fromLatin1(name)));
}

bool selectData(QComboBox *combo, const QString &data)
{
    const int i = combo ? combo->findData(data) : -1;
    if (i >= 0)
        combo->setCurrentIndex(i);
    return i >= 0;
}

} // namespace

class TestScenarioGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_clock.start();
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        guitest::makeFrenchDemo(m_store, 0.1);
        if (QTest::currentTestFailed())
            return;
        guitest::showWindow(m_window, QSize(1500, 940));
        if (QTest::currentTestFailed())
            return;
        guitest::openAndWaitForMap(*m_window, m_store);
        if (QTest::currentTestFailed())
            return;
        m_window->timeFilter()->setWindow(m_window->timeFilter()->dataMin(),
                                          m_window->timeFilter()->dataMax());
        qInfo("workspace ready after %lld ms", m_clock.elapsed());
    }

    void menuOpensThePanelOnEachScenario()
    {
        auto &w = *m_window;
        auto *menu = w.menuBar()->findChild<QMenu *>(QStringLiteral("scenarioMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->title(),
                 QCoreApplication::translate("vigie::gui::MainWindow", "&Scenarios"));
        QStringList texts;
        for (QAction *a : menu->actions())
            texts << a->text();
        QCOMPARE(texts.size(), int(core::allScenarioKinds().size()));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("scenarioDock"));
        QVERIFY(dock);
        gui::ScenarioPanel *panel = w.scenarioPanel();
        for (ScenarioKind kind : core::allScenarioKinds()) {
            auto *action = menu->findChild<QAction *>(QStringLiteral("scenario_") +
                                                      core::scenarioKindKey(kind));
            if (!action) // actions belong to the menu or the window depending on Qt
                action = w.findChild<QAction *>(QStringLiteral("scenario_") +
                                                core::scenarioKindKey(kind));
            QVERIFY(action);
            QVERIFY(action->text().startsWith(core::scenarioKindTitle(kind)));
            action->trigger();
            QVERIFY(dock->isVisible());
            QCOMPARE(panel->currentKind(), kind);
        }
        // View lists the panel too.
        auto *view = w.menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
        QVERIFY(view && view->actions().contains(dock->toggleViewAction()));
        // The pickers are filled from the workspace.
        auto *venue = editor<QComboBox>(panel, ScenarioKind::Event, "venue");
        QVERIFY(venue && venue->count() > 1);
        QVERIFY2(venue->currentText().contains(QStringLiteral("Vélodrome")),
                 qPrintable(venue->currentText()));
        auto *type = editor<QComboBox>(panel, ScenarioKind::Event, "type");
        QVERIFY(type && type->findData(QStringLiteral("football")) > 0);
        QCOMPARE(type->itemText(type->findData(QStringLiteral("football"))),
                 QStringLiteral("Match de football"));
        auto *areas = editor<QListWidget>(panel, ScenarioKind::Impact, "actionAreas");
        QVERIFY(areas && areas->count() > 100);
        QVERIFY(editor<QComboBox>(panel, ScenarioKind::Forecast, "model"));
        QVERIFY(editor<QSpinBox>(panel, ScenarioKind::Patrol, "units"));
        QVERIFY(!editor<QComboBox>(panel, ScenarioKind::Forecast, "model")->toolTip().isEmpty());
    }

    void forecast()
    {
        gui::ScenarioPanel *panel = open(ScenarioKind::Forecast);
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Forecast, "model"),
                           QStringLiteral("sepp")));
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Forecast, "period"),
                           QStringLiteral("week")));
        const core::ScenarioRequest r = panel->request();
        QCOMPARE(r.parameters.value(QStringLiteral("model")).toString(), QStringLiteral("sepp"));
        QVERIFY(!r.parameters.contains(QStringLiteral("origin"))); // automatic
        const QVariantMap summary = runAndCheck(ScenarioKind::Forecast, {QStringLiteral("SEPP")});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(summary.value(QStringLiteral("model")).toString(), QStringLiteral("sepp"));
        QCOMPARE(summary.value(QStringLiteral("period")).toString(), QStringLiteral("week"));
        QVERIFY(summary.value(QStringLiteral("expectedTotal")).toDouble() > 1.0);
        QVERIFY(summary.value(QStringLiteral("shareTop5")).toDouble() > 0.05); // clustered risk
        QVERIFY(containsNumber(m_lastText,
                               summary.value(QStringLiteral("trainingEvents")).toLongLong()));
    }

    void event()
    {
        gui::ScenarioPanel *panel = open(ScenarioKind::Event);
        auto *venue = editor<QComboBox>(panel, ScenarioKind::Event, "venue");
        // A place picked on the map instead of a venue gives x / y.
        gui::MapCanvas *canvas = m_window->mapCanvas();
        auto *pickPlace = panel->findChild<QPushButton *>(QStringLiteral("pickEventPlace"));
        QVERIFY(pickPlace);
        QTest::mouseClick(pickPlace, Qt::LeftButton);
        QVERIFY(canvas->isPickMode());
        const QPoint pixel(canvas->width() / 2, canvas->height() / 2);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, pixel);
        QVERIFY(!canvas->isPickMode());
        const core::ScenarioRequest picked = panel->request();
        QVERIFY(!picked.parameters.contains(QStringLiteral("venue")));
        QVERIFY(std::abs(picked.parameters.value(QStringLiteral("x")).toDouble() -
                         canvas->toMap(pixel).x()) < 1.0);
        QVERIFY(std::abs(picked.parameters.value(QStringLiteral("y")).toDouble() -
                         canvas->toMap(pixel).y()) < 1.0);
        const int velodrome = venue->findText(QStringLiteral("Vélodrome"), Qt::MatchContains);
        QVERIFY(velodrome >= 0);
        venue->setCurrentIndex(velodrome);
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Event, "type"),
                           QStringLiteral("football")));
        auto *attendance = editor<QDoubleSpinBox>(panel, ScenarioKind::Event, "attendance");
        QVERIFY(attendance);
        attendance->setValue(60000);
        const core::ScenarioRequest r = panel->request();
        QCOMPARE(r.parameters.value(QStringLiteral("venue")).toString(),
                 venue->itemText(velodrome));
        QCOMPARE(r.parameters.value(QStringLiteral("attendance")).toDouble(), 60000.0);
        QVERIFY(r.parameters.value(QStringLiteral("start"))
                    .toString()
                    .endsWith(QStringLiteral("T21:00:00")));
        QVERIFY(!r.parameters.contains(QStringLiteral("x")));
        const QVariantMap summary = runAndCheck(ScenarioKind::Event, {QStringLiteral("Vélodrome")});
        if (QTest::currentTestFailed())
            return;
        QVERIFY(summary.value(QStringLiteral("eventsUsed")).toLongLong() > 0);
        QVERIFY(summary.value(QStringLiteral("totalExtra")).toDouble() > 0.0);
        QVERIFY(summary.value(QStringLiteral("totalLow")).toDouble() <=
                summary.value(QStringLiteral("totalExtra")).toDouble());
        QVERIFY(!summary.value(QStringLiteral("hours")).toList().isEmpty());
        QVERIFY(
            containsNumber(m_lastText, summary.value(QStringLiteral("eventsUsed")).toLongLong()));
        QVERIFY(containsNumber(m_lastText, 60000));
    }

    void patrol()
    {
        gui::ScenarioPanel *panel = open(ScenarioKind::Patrol);
        editor<QSpinBox>(panel, ScenarioKind::Patrol, "units")->setValue(6);
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Patrol, "shift"),
                           QStringLiteral("night")));
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Patrol, "strategyA"),
                           QStringLiteral("optimise")));
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Patrol, "strategyB"),
                           QStringLiteral("hotspots")));
        auto *date = editor<gui::DateField>(panel, ScenarioKind::Patrol, "date");
        QVERIFY(date && date->date().isValid());
        const core::ScenarioRequest r = panel->request();
        QCOMPARE(r.parameters.value(QStringLiteral("units")).toInt(), 6);
        QCOMPARE(r.parameters.value(QStringLiteral("date")).toString(),
                 date->date().toString(Qt::ISODate));
        const QVariantMap summary = runAndCheck(ScenarioKind::Patrol, {});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(summary.value(QStringLiteral("units")).toInt(), 6);
        const QVariantMap a = summary.value(QStringLiteral("a")).toMap();
        const QVariantMap b = summary.value(QStringLiteral("b")).toMap();
        QVERIFY(a.value(QStringLiteral("mean")).toDouble() > 0.0 &&
                b.value(QStringLiteral("mean")).toDouble() > 0.0);
        QVERIFY(a.value(QStringLiteral("coveredShare")).toDouble() > 0.0);
        QVERIFY(containsNumber(m_lastText, 6));
    }

    void cameras()
    {
        auto &w = *m_window;
        gui::ScenarioPanel *panel = open(ScenarioKind::Cameras);
        gui::MapCanvas *canvas = w.mapCanvas();
        const gui::LayerState *cams = findLayer(w, QStringLiteral("cameras"));
        const gui::LayerState *incidents = findLayer(w, QStringLiteral("incidents"));
        QVERIFY(cams && cams->data && cams->data->size() > 0 && incidents && incidents->data);
        // The densest 100 m square of incidents: the new cameras go there.
        QHash<qint64, int> counts;
        const QRectF extent = incidents->data->extent;
        auto cellOf = [&](double x, double y) {
            return qint64(std::floor((x - extent.left()) / 100.0)) * 100000 +
                   qint64(std::floor((y - extent.top()) / 100.0));
        };
        qint64 densest = 0;
        for (std::size_t i = 0; i < incidents->data->size(); ++i) {
            const qint64 c = cellOf(incidents->data->x[i], incidents->data->y[i]);
            if (++counts[c] > counts.value(densest))
                densest = c;
        }
        const QPointF centre(extent.left() + (densest / 100000) * 100.0 + 50.0,
                             extent.top() + (densest % 100000) * 100.0 + 50.0);
        canvas->setView(centre, 2.0);
        const QPointF sites[] = {centre + QPointF(-20, -40), centre + QPointF(25, 30)};
        auto *add = panel->findChild<QPushButton *>(QStringLiteral("addCameraAtClick"));
        QVERIFY(add);
        for (const QPointF &site : sites) {
            QTest::mouseClick(add, Qt::LeftButton);
            QVERIFY(canvas->isPickMode());
            QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->toPixel(site).toPoint());
            QVERIFY(!canvas->isPickMode());
        }
        QCOMPARE(panel->cameraEditCount(), 2);
        // An existing camera in service, far from the hot spot (it sees little risk).
        const int maintenance = cams->manifest.categoryIndex(QStringLiteral("maintenance"));
        std::ptrdiff_t target = -1;
        double best = -1.0;
        for (std::size_t i = 0; i < cams->data->size(); ++i) {
            if (cams->data->category[i] == maintenance ||
                (!cams->data->endTime.empty() &&
                 cams->data->endTime[i] != core::LayerSnapshot::kNoTime))
                continue;
            const double d =
                std::hypot(cams->data->x[i] - centre.x(), cams->data->y[i] - centre.y());
            if (d > best) {
                best = d;
                target = std::ptrdiff_t(i);
            }
        }
        QVERIFY(target >= 0);
        const QPointF camera(cams->data->x[std::size_t(target)],
                             cams->data->y[std::size_t(target)]);
        canvas->setView(camera, 2.0);
        auto *remove = panel->findChild<QPushButton *>(QStringLiteral("removeCameraAtClick"));
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->toPixel(camera).toPoint());
        QCOMPARE(panel->cameraEditCount(), 3);
        const QString edits = panel->cameraEdits();
        const QStringList parts = edits.split(u';');
        QCOMPARE(parts.size(), 3);
        QVERIFY2(parts[0].startsWith(QStringLiteral("add:")) &&
                     parts[1].startsWith(QStringLiteral("add:")),
                 qPrintable(edits));
        QVERIFY2(parts[2].startsWith(QStringLiteral("remove:CAM-")), qPrintable(edits));
        QCOMPARE(parts[0].split(u',').size(), 5);
        // Back to the whole city for the screenshot.
        w.zoomFull();
        const QVariantMap summary = runAndCheck(ScenarioKind::Cameras, {});
        if (QTest::currentTestFailed())
            return;
        const qint64 before = summary.value(QStringLiteral("camerasBefore")).toLongLong();
        QVERIFY(before > 0);
        QCOMPARE(summary.value(QStringLiteral("camerasAfter")).toLongLong(), before + 1); // +2 −1
        QVERIFY(summary.value(QStringLiteral("cellsGained")).toLongLong() > 0);
        // Two cameras at the densest spot see more risk than the one removed elsewhere.
        QVERIFY(summary.value(QStringLiteral("riskShareAfter")).toDouble() >
                summary.value(QStringLiteral("riskShareBefore")).toDouble());
        QVERIFY(containsNumber(m_lastText, before));
        QVERIFY(containsNumber(m_lastText, before + 1));
    }

    void impact()
    {
        gui::ScenarioPanel *panel = open(ScenarioKind::Impact);
        auto *date = editor<gui::DateField>(panel, ScenarioKind::Impact, "actionDate");
        QVERIFY(date);
        // One year before the end of the data (also the panel's default).
        const QDate last =
            QDateTime::fromSecsSinceEpoch(m_window->timeFilter()->dataMax(), QTimeZone::utc())
                .date();
        // Typed in ISO, as the finding did ("2025-06-01" became 2024-06-01 in the old editor).
        date->lineEdit()->selectAll();
        QTest::keyClick(date->lineEdit(), Qt::Key_Backspace);
        QTest::keyClicks(date->lineEdit(), last.addYears(-1).toString(Qt::ISODate));
        QTest::keyClick(date->lineEdit(), Qt::Key_Return);
        QCOMPARE(date->date(), last.addYears(-1));
        auto *areas = editor<QListWidget>(panel, ScenarioKind::Impact, "actionAreas");
        const auto found = areas->findItems(QStringLiteral("Belsunce"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        found.first()->setCheckState(Qt::Checked);
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Impact, "action"),
                           QStringLiteral("cameras")));
        const core::ScenarioRequest r = panel->request();
        QCOMPARE(r.parameters.value(QStringLiteral("actionAreas")).toString(),
                 QStringLiteral("Belsunce"));
        QCOMPARE(r.parameters.value(QStringLiteral("actionDate")).toString(),
                 last.addYears(-1).toString(Qt::ISODate));
        const QVariantMap summary = runAndCheck(ScenarioKind::Impact, {QStringLiteral("Belsunce")});
        if (QTest::currentTestFailed())
            return;
        QVERIFY(summary.value(QStringLiteral("treatedBefore")).toDouble() > 0.0);
        QVERIFY(summary.contains(QStringLiteral("effect")));
        const double effect = summary.value(QStringLiteral("effect")).toDouble();
        QVERIFY(summary.value(QStringLiteral("effectLow")).toDouble() <= effect);
        QVERIFY(summary.value(QStringLiteral("effectHigh")).toDouble() >= effect);
    }

    void errorsAreReportedInThePanel()
    {
        // The impact of an action needs an area: the core's message is shown, nothing is kept.
        auto &w = *m_window;
        gui::ScenarioPanel *panel = open(ScenarioKind::Impact);
        auto *areas = editor<QListWidget>(panel, ScenarioKind::Impact, "actionAreas");
        for (int i = 0; i < areas->count(); ++i)
            areas->item(i)->setCheckState(Qt::Unchecked);
        const std::size_t runsBefore = storedRuns(m_store).size();
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("runScenario")),
                          Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended.takeFirst().at(0).toBool(), false);
        QVERIFY(!w.lastError().isEmpty());
        QVERIFY2(panel->resultText().contains(w.lastError()), qPrintable(panel->resultText()));
        QCOMPARE(storedRuns(m_store).size(), runsBefore);
        QVERIFY(!panel->isRunning());
    }

    void forecastCanBeCanceled()
    {
        auto &w = *m_window;
        gui::ScenarioPanel *panel = open(ScenarioKind::Forecast);
        // A long run: SEPP on fine cells over the whole history.
        QVERIFY(selectData(editor<QComboBox>(panel, ScenarioKind::Forecast, "model"),
                           QStringLiteral("sepp")));
        editor<QDoubleSpinBox>(panel, ScenarioKind::Forecast, "cellSize")->setValue(50);
        editor<QDoubleSpinBox>(panel, ScenarioKind::Forecast, "trainingDays")->setValue(3650);
        const std::size_t runsBefore = storedRuns(m_store).size();
        const int layersBefore = w.layerCount();
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        auto *run = panel->findChild<QPushButton *>(QStringLiteral("runScenario"));
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("cancelScenario"));
        QVERIFY(run && cancel);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(panel->isRunning());
        QVERIFY(cancel->isEnabled() && !run->isEnabled());
        QTest::qWait(100);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended.takeFirst().at(0).toBool(), false);
        QVERIFY(!panel->isRunning());
        QVERIFY(run->isEnabled());
        QCOMPARE(w.layerCount(), layersBefore);
        QCOMPARE(storedRuns(m_store).size(), runsBefore);
        const QString canceled =
            QCoreApplication::translate("vigie::gui::MainWindow",
                                        "%1: canceled; the workspace is unchanged.")
                .arg(core::scenarioKindTitle(ScenarioKind::Forecast));
        QCOMPARE(panel->resultText(), canceled);
    }

    void evaluatesTheForecastModels()
    {
        auto &w = *m_window;
        gui::ScenarioPanel *panel = open(ScenarioKind::Forecast);
        editor<QDoubleSpinBox>(panel, ScenarioKind::Forecast, "cellSize")->setValue(250);
        editor<QDoubleSpinBox>(panel, ScenarioKind::Forecast, "trainingDays")->setValue(365);
        auto *periods = panel->findChild<QSpinBox *>(QStringLiteral("evaluationPeriods"));
        QVERIFY(periods);
        periods->setValue(2);
        const std::size_t runsBefore = storedRuns(m_store).size();
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("evaluateModels")),
                          Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QVERIFY2(ended.takeFirst().at(0).toBool(), qPrintable(w.lastError()));
        qInfo().noquote() << panel->resultText();
        QVERIFY(panel->resultText().contains(QStringLiteral("PAI")));
        QCOMPARE(storedRuns(m_store).size(), runsBefore);
    }

    void reopenedResultsStartHidden()
    {
        // The map state is kept in the workspace: opened again, every layer of a kept scenario
        // is shown as the user left it.
        auto &w = *m_window;
        QHash<QString, bool> left;
        for (const auto &l : w.layerPanel()->layers())
            left.insert(l.manifest.id, l.visible);
        QVERIFY(w.saveProject());
        QSignalSpy loaded(&w, &gui::MainWindow::workspaceLoaded);
        QVERIFY(w.openWorkspace(m_store));
        QVERIFY(loaded.wait(30000));
        for (const auto &l : w.layerPanel()->layers())
            QVERIFY2(left.value(l.manifest.id, !l.visible) == l.visible, qPrintable(l.manifest.id));

        // Without a saved map state (a copy of the workspace with it removed), every result
        // layer is listed but hidden on open.
        const QString copy = m_store + QStringLiteral("-nostate.sqlite");
        {
            auto store = core::Store::open(m_store, true);
            QVERIFY(store.ok());
            QVERIFY(store.value()->saveCopy(copy).ok());
            auto copied = core::Store::open(copy);
            QVERIFY(copied.ok());
            copied.value()->setMeta(QStringLiteral("project"), QString());
        }
        QVERIFY(w.openWorkspace(copy));
        QVERIFY(loaded.wait(30000));
        int checked = 0;
        for (const core::StoredAnalysis &a : storedRuns(m_store))
            for (const QString &id : a.layers) {
                const gui::LayerState *l = findLayer(w, id);
                QVERIFY2(l, qPrintable(id));
                QVERIFY2(!l->visible, qPrintable(id));
                QVERIFY2(l->isResult, qPrintable(id));
                ++checked;
            }
        QVERIFY(checked >= 5);
        // They are listed under the "Analysis results" group.
        QVERIFY(w.layerPanel()->resultsGroupItem());
        QCOMPARE(w.layerPanel()->resultsGroupItem()->childCount(), checked);
        qInfo("whole test: %lld ms", m_clock.elapsed());
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    gui::ScenarioPanel *open(ScenarioKind kind)
    {
        m_window->showScenarios(kind);
        return m_window->scenarioPanel();
    }

    /// Runs the panel's current scenario with its Run button and checks what it produced.
    QVariantMap runAndCheck(ScenarioKind kind, const QStringList &expectedWords)
    {
        QVariantMap summary;
        runScenario(kind, expectedWords, summary);
        return summary;
    }

    /// An integer as the report may write it: plain, or grouped by the locale (60 000).
    static bool containsNumber(const QString &text, qint64 n)
    {
        return text.contains(QString::number(n)) || text.contains(QLocale().toString(n)) ||
               text.contains(QLocale().toString(n).replace(QChar(0x202F), QChar(0xA0))) ||
               text.contains(QLocale().toString(n).replace(QChar(0x202F), u' '));
    }

    void runScenario(ScenarioKind kind, const QStringList &expectedWords, QVariantMap &summary)
    {
        auto &w = *m_window;
        gui::ScenarioPanel *panel = w.scenarioPanel();
        QCOMPARE(panel->currentKind(), kind);
        QSet<QString> before;
        for (const core::StoredAnalysis &a : storedRuns(m_store))
            before.insert(a.id);
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        gui::MapCanvas *canvas = w.mapCanvas();
        const int rendersBefore = canvas->renderCount();
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("runScenario")),
                          Qt::LeftButton);
        QVERIFY(ended.wait(120000));
        const bool ok = ended.takeFirst().at(0).toBool();
        qInfo("%s: %lld ms", qPrintable(core::scenarioKindKey(kind)), timer.elapsed());
        QVERIFY2(ok, qPrintable(w.lastError()));
        const QString text = panel->resultText();
        m_lastText = text;
        qInfo().noquote() << text;
        QVERIFY(text.startsWith(core::scenarioKindTitle(kind)));
        QVERIFY(text.size() > core::scenarioKindTitle(kind).size() + 40);
        QCOMPARE(text, w.lastScenarioSummary());
        for (const QString &word : expectedWords)
            QVERIFY2(text.contains(word), qPrintable(word));
        // The run is kept in the workspace with its layers, all on the map and visible.
        std::vector<core::StoredAnalysis> added;
        for (const core::StoredAnalysis &a : storedRuns(m_store))
            if (!before.contains(a.id))
                added.push_back(a);
        QCOMPARE(added.size(), std::size_t(1));
        const core::StoredAnalysis &kept = added.front();
        summary = kept.summary;
        QCOMPARE(kept.kind, core::scenarioKindKey(kind));
        QVERIFY(!kept.layers.isEmpty());
        for (const QString &id : kept.layers) {
            QVERIFY2(id.startsWith(core::scenarioKindKey(kind) + u'_'), qPrintable(id));
            const gui::LayerState *l = findLayer(w, id);
            QVERIFY2(l && l->visible && l->data, qPrintable(id));
        }
        QCOMPARE(w.layerPanel()->currentLayerId(), kept.layers.first());
        // Earlier results are hidden.
        for (const auto &l : w.layerPanel()->layers())
            if (!kept.layers.contains(l.manifest.id))
                for (ScenarioKind k : core::allScenarioKinds())
                    QVERIFY2(
                        !(l.manifest.id.startsWith(core::scenarioKindKey(k) + u'_') && l.visible),
                        qPrintable(l.manifest.id));
        // The map is redrawn with the new layers; screenshot of the window.
        QVERIFY(QTest::qWaitFor(
            [&] { return canvas->renderCount() > rendersBefore && !canvas->isRendering(); },
            20000));
        QTest::qWait(150);
        QVERIFY(QTest::qWaitFor([&] { return !canvas->isRendering(); }, 20000));
        QVERIFY(canvas->lastRender().featuresDrawn > 0);
        const QString outDir = qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath());
        QDir().mkpath(outDir);
        QVERIFY(w.grab().save(QDir(outDir).filePath(
            QStringLiteral("scenario_%1.png").arg(core::scenarioKindKey(kind)))));
    }

    QElapsedTimer m_clock;
    QString m_lastText;
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<gui::MainWindow> m_window;
};

QTEST_MAIN(TestScenarioGui)
#include "test_scenariogui.moc"
