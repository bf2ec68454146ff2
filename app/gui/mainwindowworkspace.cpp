// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's workspace: opening one, loading its layers in the background, the
// catalogue and the time range, zooming and identifying; the File menu's actions (new, demo,
// open, recent, import).
#include "mainwindow.h"

#include "core/processing/algorithm.h"

#include "analysisdialog.h"
#include "attributetable.h"
#include "icons.h"
#include "identifypanel.h"
#include "importdialog.h"
#include "layerpanel.h"
#include "mapcanvas.h"
#include "newworkspacedialog.h"
#include "reportdialog.h"
#include "scenariopanel.h"
#include "syncpanel.h"
#include "taskstatus.h"
#include "timefilter.h"

#include "core/analytics/feedback.h"
#include "core/argtext.h"
#include "core/demo/demogenerator.h"
#include "core/i18n.h"
#include "core/io/fieldmapping.h"
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

namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("workspace/recent");
const QString kLastKey = QStringLiteral("workspace/last");

/// Loading order: polygons first so the map appears early, then lines, then points.
int loadRank(const core::LayerManifest &m)
{
    switch (m.geometryType) {
    case core::GeometryType::Raster:
        return 0;
    case core::GeometryType::Polygon:
        return 0;
    case core::GeometryType::Line:
        return 1;
    case core::GeometryType::Point:
        return 2;
    }
    return 3;
}

} // namespace

// --- workspace ------------------------------------------------------------------------------

bool MainWindow::openWorkspace(const QString &path)
{
    m_lastError.clear();
    try {
        auto result = core::Store::open(path);
        if (!result.ok()) {
            showError(tr("Cannot open the workspace"), result.error().message);
            return false;
        }
        adoptStore(std::move(result.value()), path);
        return true;
    } catch (const std::exception &e) {
        showError(tr("Cannot open the workspace"),
                  tr("%1: %2").arg(displayName(path), QString::fromUtf8(e.what())));
    } catch (...) {
        showError(tr("Cannot open the workspace"),
                  tr("%1: unexpected error").arg(displayName(path)));
    }
    return false;
}

void MainWindow::adoptStore(std::unique_ptr<core::Store> store, const QString &path)
{
    // Tasks on the previous workspace are asked to stop and keep its store alive until they
    // have; none of their results will be shown.
    if (m_store)
        saveProject(); // the map state of the workspace being left
    cancelTask();
    m_runningTask = 0;
    endScenarioTask();
    m_loading = false;
    auto handle = std::make_shared<StoreHandle>();
    handle->store = std::move(store);
    m_store = handle;
    m_path = path;
    m_syncPanel->setStorePath(path);
    ++m_generation;
    m_firstPainted = false;
    m_fullPainted = false;
    m_loadedLayers = 0;
    clearIdentify();
    m_scenarioPanel->startPick(ScenarioPanel::Pick::None);
    m_scenarioPanel->setResultText(QString());
    addRecent(path);
    updateTitle();

    std::vector<core::LayerManifest> manifests = m_store->store->layers();
    m_layerCount = static_cast<int>(manifests.size());
    // Results of earlier analyses are listed but start hidden: the map opens on the data,
    // unless the workspace keeps the user's map state.
    const QSet<QString> results = resultLayerIds(*m_store->store);
    m_restoring = true;
    m_projectSaveFailed = false;
    m_projectNotice.clear();
    m_pendingPeriod.reset();
    if (auto project = core::ProjectState::load(*m_store->store); project.ok()) {
        m_project = std::move(project.value());
    } else {
        m_project = core::ProjectState{};
        m_projectNotice =
            tr("The saved map state could not be read (%1); the default map is shown.")
                .arg(project.error().message);
        statusBar()->showMessage(m_projectNotice, 10000);
    }
    std::vector<LayerState> states;
    states.reserve(manifests.size());
    QRectF full;
    QRectF polygons;
    for (const auto &m : manifests) {
        LayerState s;
        s.manifest = m;
        s.isResult = results.contains(m.id);
        s.visible = !s.isResult;
        states.push_back(std::move(s));
        const QRectF e = m_store->store->extent(m.id);
        if (e.isValid() || (e.width() >= 0 && e.height() >= 0 && !e.isNull())) {
            full = full.isNull() ? e : full.united(e);
            if (m.geometryType == core::GeometryType::Polygon)
                polygons = polygons.isNull() ? e : polygons.united(e);
        }
    }
    restoreLayerStates(states);
    m_layers->setLanguage(m_language);
    m_layers->setLayers(std::move(states));
    if (!m_project.layers.empty()) {
        QStringList order;
        for (const core::ProjectLayer &l : m_project.layers)
            order << l.id;
        m_layers->applyOrder(order);
    }
    m_time->setDataRange(core::LayerSnapshot::kNoTime, core::LayerSnapshot::kNoTime);
    const QRectF start = polygons.isValid() ? polygons : full;
    if (m_project.extent.isValid())
        m_canvas->showExtent(m_project.extent);
    else if (start.isValid())
        m_canvas->zoomToRect(start);
    if (!m_project.isEmpty())
        m_pendingPeriod = m_project.period;
    m_restoring = false;

    std::sort(manifests.begin(), manifests.end(),
              [](const core::LayerManifest &a, const core::LayerManifest &b) {
                  return loadRank(a) < loadRank(b);
              });
    QStringList ids;
    for (const auto &m : manifests)
        ids << m.id;
    startLoading(ids);
}

void MainWindow::startLoading(const QStringList &layerIds)
{
    m_loading = true;
    const quint64 generation = m_generation;
    auto handle = m_store;
    QPointer<MainWindow> self(this);
    runTask(
        tr("Loading layers…"),
        [this, handle, layerIds, generation](analytics::Feedback &feedback) {
            const int n = std::max<int>(1, static_cast<int>(layerIds.size()));
            for (int i = 0; i < layerIds.size(); ++i) {
                if (feedback.isCanceled())
                    return;
                const QString id = layerIds.at(i);
                core::LayerSnapshotPtr snapshot;
                QString error;
                try {
                    std::lock_guard<std::mutex> lock(handle->mutex);
                    auto r = handle->store->loadSnapshot(id, &feedback);
                    if (r.ok())
                        snapshot = r.value();
                    else if (r.error().code != core::ErrorCode::Canceled)
                        error = r.error().message;
                } catch (const analytics::Canceled &) {
                    return;
                } catch (const std::exception &e) {
                    error = QString::fromUtf8(e.what());
                }
                if (feedback.isCanceled())
                    return;
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, id, snapshot, error] {
                        snapshotLoaded(generation, id, snapshot, error);
                    },
                    Qt::QueuedConnection);
                feedback.setProgress(100.0 * (i + 1) / n);
            }
        },
        [this, generation](const core::Task &task) {
            if (task.status() == core::Task::Status::Failed)
                showError(tr("Loading layers…"), task.errorMessage());
            loadingFinished(generation, task.status() != core::Task::Status::Finished);
        });
}

void MainWindow::snapshotLoaded(quint64 generation, const QString &layerId,
                                core::LayerSnapshotPtr snapshot, const QString &error)
{
    if (generation != m_generation)
        return;
    try {
        if (!error.isEmpty()) {
            m_lastError = error;
            statusBar()->showMessage(error, 10000);
            return;
        }
        ++m_loadedLayers;
        m_layers->setSnapshot(layerId, std::move(snapshot));
        emit layerLoaded(layerId);
    } catch (const std::exception &e) {
        statusBar()->showMessage(QString::fromUtf8(e.what()), 10000);
    }
}

void MainWindow::loadingFinished(quint64 generation, bool canceled)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    updateDataTimeRange();
    if (m_pendingPeriod) {
        const core::ProjectPeriod period = *m_pendingPeriod;
        m_pendingPeriod.reset();
        restorePeriod(period);
    }
    updateScenarioWorkspace();
    if (!canceled) {
        if (!m_projectNotice.isEmpty()) // said again: the loading messages hid it
            statusBar()->showMessage(m_projectNotice, 15000);
        else
            statusBar()->showMessage(
                tr("%n layer(s) loaded from %1", nullptr, m_loadedLayers).arg(displayName(m_path)),
                5000);
        emit workspaceLoaded();
    }
    m_canvas->refresh();
}

void MainWindow::refreshCatalogue()
{
    if (!m_store)
        return;
    std::vector<core::LayerManifest> manifests;
    QSet<QString> results;
    {
        std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
        if (!lock.owns_lock())
            return;
        manifests = m_store->store->layers();
        results = resultLayerIds(*m_store->store);
    }
    std::vector<LayerState> states;
    for (const auto &m : manifests) {
        LayerState s;
        s.manifest = m;
        s.isResult = results.contains(m.id);
        for (const LayerState &old : m_layers->layers())
            if (old.manifest.id == m.id) {
                s = old;
                s.manifest = m;
            }
        if (s.categoryVisible.size() != m.categories.size())
            s.categoryVisible.assign(m.categories.size(), true);
        states.push_back(std::move(s));
    }
    m_layerCount = static_cast<int>(states.size());
    QStringList order; // the user's order stays; new layers come on top
    for (const LayerState &l : m_layers->layers())
        order << l.manifest.id;
    m_layers->setLayers(std::move(states));
    m_layers->applyOrder(order);
}

void MainWindow::updateDataTimeRange()
{
    // The period is that of dated occurrences (incidents: a time, no end). Layers of periods
    // (cameras in service since 2014, events) only set it when there are no occurrences, or a
    // camera installed years ago would stretch the slider over empty years.
    bool haveOccurrences = false;
    for (const LayerState &l : m_layers->layers())
        haveOccurrences |= l.data && !l.manifest.timeField.isEmpty() &&
                           l.manifest.endTimeField.isEmpty() &&
                           l.data->minTime != core::LayerSnapshot::kNoTime;
    std::int64_t min = core::LayerSnapshot::kNoTime;
    std::int64_t max = core::LayerSnapshot::kNoTime;
    for (const LayerState &l : m_layers->layers()) {
        if (!l.data || l.manifest.timeField.isEmpty() ||
            (haveOccurrences && !l.manifest.endTimeField.isEmpty()))
            continue;
        if (l.data->minTime != core::LayerSnapshot::kNoTime &&
            (min == core::LayerSnapshot::kNoTime || l.data->minTime < min))
            min = l.data->minTime;
        if (l.data->maxTime != core::LayerSnapshot::kNoTime &&
            (max == core::LayerSnapshot::kNoTime || l.data->maxTime > max))
            max = l.data->maxTime;
    }
    m_time->setDataRange(min, max);
}

void MainWindow::layersChanged()
{
    m_canvas->setLayers(m_layers->mapLayers());
    updateAttributeTable();
}

void MainWindow::timeRangeChanged(std::int64_t from, std::int64_t to)
{
    // The whole data range is no filter at all (features without time stay visible).
    if (from <= m_time->dataMin())
        from = core::LayerSnapshot::kNoTime;
    if (to >= m_time->dataMax())
        to = core::LayerSnapshot::kNoTime;
    m_canvas->setTimeRange(from, to);
    if (m_time->isPlaying())
        m_canvas->setCaption(m_time->windowText());
    updateAttributeTable();
    m_scenarioPanel->setHistory(from, to);
}

void MainWindow::zoomToLayer(const QString &layerId)
{
    for (const LayerState &l : m_layers->layers()) {
        if (l.manifest.id != layerId)
            continue;
        if (l.data && l.data->size() > 0) {
            m_canvas->zoomToRect(l.data->extent);
        } else {
            statusBar()->showMessage(
                tr("The layer %1 has no features yet.").arg(l.manifest.title.text(m_language)),
                5000);
        }
        return;
    }
}

// --- file actions ---------------------------------------------------------------------------

void MainWindow::newWorkspace()
{
    NewWorkspaceDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    createWorkspace(dialog.workspacePath(), dialog.options());
}

void MainWindow::createWorkspace(const QString &path, const core::NewWorkspaceOptions &options)
{
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("New workspace"), tr("Cannot replace %1.").arg(displayName(path)));
        return;
    }
    if (options.boundaries.isEmpty()) { // an empty workspace
        auto result = core::Store::create(path);
        if (!result.ok()) {
            showError(tr("New workspace"), result.error().message);
            return;
        }
        adoptStore(std::move(result.value()), path);
        return;
    }
    // From the user's boundary files, in the background; nothing is left behind on failure.
    runTask(
        tr("Creating the workspace…"),
        [path, options](analytics::Feedback &feedback) {
            core::createWorkspace(path, options, &feedback).orThrow();
        },
        [this, path](const core::Task &task) {
            if (task.status() != core::Task::Status::Finished) {
                if (task.status() == core::Task::Status::Failed)
                    showError(tr("New workspace"), task.errorMessage());
                emit taskEnded(false);
                return;
            }
            emit taskEnded(openWorkspace(path));
        });
}

void MainWindow::newDemoWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New demo workspace"),
                                                      QStringLiteral("vigie-demo.sqlite"),
                                                      tr("Vigie workspaces (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("New demo workspace"), tr("Cannot replace %1.").arg(displayName(path)));
        return;
    }
    createDemoWorkspace(path);
}

void MainWindow::createDemoWorkspace(const QString &path)
{
    runTask(
        tr("Creating the demo workspace…"),
        [path](analytics::Feedback &feedback) {
            core::createDemoStore(path, core::DemoOptions{}, &feedback).orThrow();
        },
        [this, path](const core::Task &task) {
            if (task.status() == core::Task::Status::Canceled) {
                QFile::remove(path);
                statusBar()->showMessage(tr("Demo workspace creation canceled."), 5000);
                emit taskEnded(false);
                return;
            }
            if (task.status() == core::Task::Status::Failed) {
                showError(tr("New demo workspace"), task.errorMessage());
                emit taskEnded(false);
                return;
            }
            const bool ok = openWorkspace(path);
            emit taskEnded(ok);
        });
}

void MainWindow::openWorkspaceDialog()
{
    QSettings settings;
    const QString dir = QFileInfo(settings.value(kLastKey).toString()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a workspace"), dir,
        tr("Vigie workspaces (*.sqlite)") + QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    settings.setValue(kLastKey, abs);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(displayName(path));
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::importDialog()
{
    if (!m_store) {
        showError(tr("Import"), tr("Open or create a workspace first."));
        return;
    }
    // Target layers: the workspace's layers, then the known layer types not yet in it.
    std::vector<core::LayerManifest> targets;
    for (const LayerState &l : m_layers->layers())
        targets.push_back(l.manifest);
    for (const auto &m : core::LayerRegistry::instance().manifests()) {
        const bool present = std::any_of(targets.begin(), targets.end(),
                                         [&](const auto &t) { return t.id == m.id; });
        if (!present)
            targets.push_back(m);
    }
    // The mapping last used for each layer, when the workspace is free (not mid-task).
    QHash<QString, core::FieldMapping> saved;
    if (std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock); lock.owns_lock())
        for (const auto &t : targets)
            if (auto m = core::savedMapping(*m_store->store, t.id))
                saved.insert(t.id, *m);
    // The dialog stays open while the import runs and after a failure (nothing entered is
    // lost); it closes once the import succeeded.
    auto *dialog = new ImportDialog(targets, m_language, saved, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importRequested, this, [this, dialog] {
        dialog->setBusy(true);
        QPointer<ImportDialog> guard(dialog);
        importFile(dialog->filePath(), dialog->options(), [guard](bool ok, const QString &why) {
            if (!guard)
                return;
            if (ok)
                guard->accept();
            else
                guard->showFailure(why);
        });
    });
    dialog->open();
}

void MainWindow::importFile(const QString &path, const core::ImportOptions &options,
                            std::function<void(bool, const QString &)> done)
{
    if (!m_store)
        return;
    auto handle = m_store;
    const quint64 generation = m_generation;
    struct Outcome
    {
        core::ImportReport report;
        core::LayerSnapshotPtr snapshot;
    };
    auto outcome = std::make_shared<Outcome>();
    runTask(
        tr("Importing %1…").arg(displayName(path)),
        [handle, path, options, outcome](analytics::Feedback &feedback) {
            std::lock_guard<std::mutex> lock(handle->mutex);
            outcome->report =
                core::Importer::importFile(*handle->store, path, options, &feedback).valueOrThrow();
            outcome->snapshot = handle->store->loadSnapshot(outcome->report.layerId).valueOrThrow();
        },
        [this, path, outcome, generation, done](const core::Task &task) {
            if (generation != m_generation)
                return;
            if (task.status() == core::Task::Status::Canceled) {
                statusBar()->showMessage(tr("Import canceled: the workspace is unchanged."), 5000);
                if (done)
                    done(false, tr("Import canceled: the workspace is unchanged."));
                emit taskEnded(false);
                return;
            }
            if (task.status() == core::Task::Status::Failed) {
                if (done) // the dialog shows it, with what was entered
                    done(false, task.errorMessage());
                else
                    showError(tr("Import failed"), task.errorMessage());
                emit taskEnded(false);
                return;
            }
            refreshCatalogue();
            const QString id = outcome->report.layerId;
            m_layers->setSnapshot(id, outcome->snapshot);
            m_layers->setLayerVisible(id, true);
            m_layers->setCurrentLayer(id);
            updateDataTimeRange();
            zoomToLayer(id);
            QString message = tr("%n feature(s) imported from %1", nullptr,
                                 static_cast<int>(outcome->report.features))
                                  .arg(displayName(path));
            if (outcome->report.skipped > 0)
                message += QLatin1Char(' ') + tr("%n invalid feature(s) skipped.", nullptr,
                                                 static_cast<int>(outcome->report.skipped));
            if (!outcome->report.warnings.isEmpty())
                message += QLatin1Char(' ') + outcome->report.warnings.join(QLatin1Char(' '));
            if (outcome->report.updated + outcome->report.unchanged > 0)
                message +=
                    QLatin1Char(' ') + tr("%1 new, %2 updated, %3 unchanged (by record key).")
                                           .arg(argText(outcome->report.inserted),
                                                argText(outcome->report.updated),
                                                argText(outcome->report.unchanged));
            statusBar()->showMessage(message, 8000);
            if (done)
                done(true, {});
            emit taskEnded(true);
        });
}

} // namespace vigie::gui
