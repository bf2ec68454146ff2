// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's algorithms: the analysis dialog, the Scenarios panel's runs and the
// forecast evaluation, run as tasks; their results shown as the output hints say.
#include "mainwindow.h"

#include "core/processing/algorithm.h"

#include "analysisdialog.h"
#include "icons.h"
#include "identifypanel.h"
#include "importdialog.h"
#include "layerpanel.h"
#include "mapcanvas.h"
#include "reportdialog.h"
#include "scenariopanel.h"
#include "syncpanel.h"
#include "taskstatus.h"
#include "timefilter.h"

#include "core/analytics/feedback.h"
#include "core/demo/demogenerator.h"
#include "core/i18n.h"
#include "core/layerregistry.h"
#include "core/store/store.h"
#include "core/task/task.h"
#include "render/identify.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <atomic>
#include <exception>

namespace vigie::gui {

void MainWindow::analysisDialog(const QString &algorithm)
{
    if (!m_store) {
        showError(tr("Analysis"), tr("Open a workspace first."));
        return;
    }
    std::vector<core::LayerManifest> manifests;
    for (const LayerState &l : m_layers->layers())
        manifests.push_back(l.manifest);
    AnalysisDialog dialog(algorithm, manifests, m_time->from(), m_time->to(), m_language, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    runAlgorithm(dialog.run());
}

void MainWindow::runAnalysis(const core::AnalysisRequest &request)
{
    runAlgorithm(core::processing::AlgorithmRun::from(request));
}

void MainWindow::runAlgorithm(const core::processing::AlgorithmRun &request)
{
    const auto *algorithm = core::processing::AlgorithmRegistry::instance().find(request.algorithm);
    const bool analysis =
        !algorithm || algorithm->group() == core::processing::AlgorithmGroup::Analysis;
    if (!m_store) {
        showError(analysis ? tr("Analysis") : tr("Scenarios"), tr("Open a workspace first."));
        return;
    }
    if (!algorithm) {
        showError(tr("Analysis failed"), tr("Unknown analysis: %1").arg(request.algorithm));
        return;
    }
    auto handle = m_store;
    const quint64 generation = m_generation;
    auto outcome = std::make_shared<RunOutcome>();
    const QString title = algorithm->title();
    if (!analysis)
        m_scenarioPanel->setResultText(tr("%1: running…").arg(title));
    runTask(
        analysis ? tr("Analysis: %1…").arg(title) : tr("Scenario: %1…").arg(title),
        [handle, request, outcome](analytics::Feedback &feedback) {
            std::lock_guard<std::mutex> lock(handle->mutex);
            auto run = core::processing::ProcessingRunner::run(*handle->store, request, &feedback);
            outcome->result = std::move(run).valueOrThrow();
            // The run has committed: loading what it made is not cancellable.
            for (const QString &id : outcome->result.layers)
                outcome->snapshots.emplace_back(id, handle->store->loadSnapshot(id).valueOrThrow());
        },
        [this, outcome, algorithm, request, generation, analysis](const core::Task &task) {
            if (!analysis)
                endScenarioTask();
            if (generation != m_generation)
                return; // another workspace was opened meanwhile
            algorithmFinished(*algorithm, request, task, *outcome);
        });
    if (!analysis) {
        m_scenarioTask = m_runningTask;
        m_scenarioPanel->setRunning(true);
    }
}

void MainWindow::algorithmFinished(const core::processing::Algorithm &algorithm,
                                   const core::processing::AlgorithmRun &request,
                                   const core::Task &task, const RunOutcome &outcome)
{
    const bool analysis = algorithm.group() == core::processing::AlgorithmGroup::Analysis;
    const QString title = algorithm.title();
    if (task.status() == core::Task::Status::Canceled) {
        // Canceled before its transaction committed: nothing was written.
        if (!analysis)
            m_scenarioPanel->setResultText(
                tr("%1: canceled; the workspace is unchanged.").arg(title));
        statusBar()->showMessage(analysis ? tr("Analysis canceled: the workspace is unchanged.")
                                          : tr("Scenario canceled: the workspace is unchanged."),
                                 5000);
        emit taskEnded(false);
        return;
    }
    if (task.status() == core::Task::Status::Failed) {
        if (!analysis)
            m_scenarioPanel->setResultText(tr("%1 failed: %2").arg(title, task.errorMessage()));
        showError(analysis ? tr("Analysis failed") : tr("Scenario failed"), task.errorMessage());
        emit taskEnded(false);
        return;
    }
    const core::AnalysisOutcome &r = outcome.result;
    if (analysis) {
        m_lastAnalysisSummary =
            QStringLiteral("%1\n%2\n%3")
                .arg(title, tr("%n feature(s) analysed", nullptr, int(r.inputCount)),
                     r.summaryText);
        m_results->setPlainText(m_lastAnalysisSummary);
        m_resultsDock->show();
    } else {
        m_lastScenarioSummary = QStringLiteral("%1\n\n%2").arg(title, r.summaryText);
        m_scenarioPanel->setResultText(m_lastScenarioSummary);
    }
    if (!outcome.snapshots.empty()) {
        refreshCatalogue();
        showResults(algorithm.outputHints(), outcome.snapshots, request.selection.layer);
    }
    statusBar()->showMessage(analysis ? tr("Analysis done: %1").arg(title)
                                      : tr("Scenario done: %1 (%n layer(s) added)", nullptr,
                                           int(outcome.snapshots.size()))
                                            .arg(title),
                             8000);
    emit taskEnded(true);
}

void MainWindow::showResults(const core::processing::OutputHints &hints, const MadeLayers &made,
                             const QString &inputLayer)
{
    if (made.empty())
        return;
    // The new results alone: earlier results are hidden, and the analysed points when the main
    // result is a surface or areas (one click in the layer panel brings them back).
    const ResultView view = resultView(hints, m_layers->layers(), made, inputLayer);
    for (const QString &id : view.hide)
        m_layers->setLayerVisible(id, false);
    for (const auto &[id, snapshot] : made) {
        m_layers->setSnapshot(id, snapshot);
        m_layers->setLayerVisible(id, hints.showResult || id != made.front().first);
        if (snapshot && snapshot->isPoint())
            for (const QString &category : hints.hiddenCategories)
                if (const int k = snapshot->manifest.categoryIndex(category); k >= 0)
                    m_layers->setCategoryVisible(id, k, false);
    }
    m_layers->setCurrentLayer(made.front().first);
    if (const QRectF zoom = zoomFor(view.focus, m_canvas->visibleExtent()); zoom.isValid())
        m_canvas->zoomToRect(zoom);
}

// --- scenarios ------------------------------------------------------------------------------

void MainWindow::showScenarios(core::ScenarioKind kind)
{
    m_scenarioPanel->setCurrentKind(kind);
    const bool opening = !m_scenarioDock->isVisible();
    m_scenarioDock->show();
    m_scenarioDock->raise();
    if (opening) // the forms and the report's tables need some width
        resizeDocks({m_scenarioDock}, {std::max(m_scenarioDock->width(), 480)}, Qt::Horizontal);
    if (!m_store)
        statusBar()->showMessage(tr("Open a workspace first."), 5000);
}

void MainWindow::updateScenarioWorkspace()
{
    ScenarioWorkspace w;
    core::LayerSnapshotPtr events;
    for (const LayerState &l : m_layers->layers()) {
        w.layers.push_back(l.manifest);
        const QString &id = l.manifest.id;
        if (id == QLatin1String("cameras"))
            w.cameras = l.data;
        else if (id == QLatin1String("events"))
            events = l.data;
        else if (id == QLatin1String("quartiers") || id == QLatin1String("arrondissements"))
            w.areaLayers[id] = l.data;
        else if (id == QLatin1String("incidents") && l.data) {
            w.dataMin = l.data->minTime;
            w.dataMax = l.data->maxTime;
        }
    }
    // Venues: the distinct `venue` values of the events (a few hundred features at most).
    if (m_store && events) {
        std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
        if (lock.owns_lock()) {
            QStringList venues;
            for (std::int64_t fid : events->fids) {
                auto a = m_store->store->attributes(events->manifest.id, fid);
                if (!a.ok())
                    break;
                const QString venue = a.value().value(QStringLiteral("venue")).toString().trimmed();
                if (!venue.isEmpty() && !venues.contains(venue))
                    venues << venue;
            }
            venues.sort(Qt::CaseInsensitive);
            w.venues = venues;
        }
    }
    m_scenarioPanel->setWorkspace(w, m_language);
    std::int64_t from = m_time->from();
    std::int64_t to = m_time->to();
    if (from <= m_time->dataMin())
        from = core::LayerSnapshot::kNoTime;
    if (to >= m_time->dataMax())
        to = core::LayerSnapshot::kNoTime;
    m_scenarioPanel->setHistory(from, to);
}

void MainWindow::endScenarioTask()
{
    if (m_scenarioTask == 0)
        return;
    m_scenarioTask = 0;
    m_scenarioPanel->setRunning(false);
}

void MainWindow::runScenario(const core::ScenarioRequest &request)
{
    core::processing::AlgorithmRun run;
    run.algorithm = core::scenarioKindKey(request.kind);
    run.selection = request.selection;
    run.parameters = request.parameters;
    run.title = request.title;
    runAlgorithm(run);
}

void MainWindow::evaluateForecast(const core::AnalysisSelection &selection,
                                  const QVariantMap &parameters)
{
    core::processing::AlgorithmRun run;
    run.algorithm = QStringLiteral("forecast_evaluation");
    run.selection = selection;
    run.parameters = parameters;
    runAlgorithm(run);
}

} // namespace vigie::gui
