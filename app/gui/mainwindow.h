// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/io/importer.h"
#include "core/io/newworkspace.h"
#include "core/layermanifest.h"
#include "core/layersnapshot.h"
#include "core/project/projectstate.h"

#include "core/analysis/analysis.h"
#include "core/processing/algorithm.h"
#include "core/scenario/scenario.h"
#include "exportdialog.h"
#include "resultview.h"
#include "storehandle.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QPlainTextEdit;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolBar;
class QToolButton;

namespace vigie::analytics {
class Feedback;
}
namespace vigie::core {
class PlaceIndex;
struct Place;
class Store;
class Task;
class TaskManager;
} // namespace vigie::core

namespace vigie::gui {

class AttributeTable;
class BaseMapMenu;
class PlaceSearchBox;
class IdentifyPanel;
class LayerPanel;
struct LayerState;
class MapCanvas;
class ScenarioPanel;
class SyncPanel;
class TaskStatus;
class TimeFilter;

/**
 * Vigie's main window: the map canvas in the middle, the layer panel (with the legend) on the
 * left, the identify panel on the right, the period filter at the bottom; menus, a map toolbar
 * and a status bar with coordinates, scale and the progress of background work.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a workspace and loads its layers in the background. On error the message is shown
    /// (a message box when interactive) and the current workspace stays open.
    bool openWorkspace(const QString &path);
    QString workspacePath() const { return m_path; }
    /// The last error message shown (translated), empty if none.
    QString lastError() const { return m_lastError; }

    /// Interactive (default): errors in message boxes. Off for tests and batch screenshots.
    void setInteractive(bool interactive);

    bool isLoading() const { return m_loading; }
    bool isBusy() const;
    /// Layers loaded so far / in the workspace.
    int loadedLayerCount() const { return m_loadedLayers; }
    int layerCount() const { return m_layerCount; }

    /// "fr", "en" or "auto": stored and applied at once.
    void setLanguageSetting(const QString &setting);
    QString language() const { return m_language; }

    LayerPanel *layerPanel() const { return m_layers; }
    MapCanvas *mapCanvas() const { return m_canvas; }
    BaseMapMenu *baseMapMenu() const { return m_baseMapMenu; }
    TimeFilter *timeFilter() const { return m_time; }
    IdentifyPanel *identifyPanel() const { return m_identify; }
    SyncPanel *syncPanel() const { return m_syncPanel; }

    /// Full extent: the study area (the workspace's own areas: arrondissements, quartiers),
    /// or every layer when it has none.
    void zoomFull();
    /// Every layer's extent, imported data far away included.
    void zoomAllLayers();
    /// Removes a layer from the workspace (with the other layers and the record of the
    /// analysis it came from), after asking when interactive. False when refused or failed.
    bool removeLayer(const QString &layerId);
    /// Gives a layer the user's own name (kept in the workspace's map state).
    void renameLayer(const QString &layerId, const QString &title);

    /// The map state as it would be saved now.
    core::ProjectState projectState() const;
    /// Writes the map state in the workspace now (also done a moment after each change and on
    /// close). False on a read-only or busy workspace.
    bool saveProject();
    /// Saves the current view (extent, period, visible layers) under a name (replacing one of
    /// the same name); shows a named view; deletes one.
    bool saveView(const QString &name);
    bool applyView(const QString &name);
    bool deleteView(const QString &name);
    QStringList viewNames() const;
    void zoomToLayer(const QString &layerId);
    /// Identifies every visible feature (and raster cell) at a map point, topmost layer first,
    /// lists them in the identify panel and marks the first on the map.
    void identifyAt(const QPointF &mapPoint, double toleranceMapUnits);
    /// Removes the identify result and its mark.
    void clearIdentify();
    /// The workspace's places for the search box, built when first asked after the layers'
    /// data changed; null without a workspace.
    const core::PlaceIndex *placeIndex();
    /// Shows a place found by the search: zoomed to it, marked, named in the status bar.
    void goToPlace(const core::Place &place);
    PlaceSearchBox *placeSearch() const { return m_search; }
    /// Opens the layer's attribute table in its dock (the layer's data must be loaded).
    bool openAttributeTable(const QString &layerId);
    AttributeTable *attributeTable() const { return m_table; }
    /// Zooms to the features selected in the attribute table.
    void zoomToTableSelection();
    /// Imports a file in the background, then reloads the layer and zooms to it.
    /// Imports in the background; `done` (optional) hears whether it worked, else a failure is
    /// shown in a message box.
    /// A workspace at `path`: empty, or with the study area and units of `options` (made in
    /// the background, then opened).
    void createWorkspace(const QString &path, const core::NewWorkspaceOptions &options);
    void importFile(const QString &path, const core::ImportOptions &options,
                    std::function<void(bool, const QString &)> done = {});
    /// Layer › Export…: the export dialog on a layer (the current one when `layerId` is empty).
    void exportDialog(const QString &layerId);
    /// File › Export as a QGIS project…: the workspace as the map shows it, in a .qgz.
    void exportQgisProjectDialog();
    /// What the map shows of a layer (period, visible categories) and the table's selection.
    ShownFeatures shownFeatures(const QString &layerId) const;
    /// Exports in the background; `done` hears whether it worked and the message.
    void exportLayer(const core::ExportRequest &request,
                     std::function<void(bool, const QString &)> done = {});
    /// Creates a demo workspace in the background, then opens it.
    void createDemoWorkspace(const QString &path);
    /// Runs an analysis in the background; its result layer is added to the map with its
    /// legend and its summary shown in the Analysis results panel. Emits taskEnded().
    void runAnalysis(const core::AnalysisRequest &request);
    /// Runs any algorithm of the processing registry the same way.
    void runAlgorithm(const core::processing::AlgorithmRun &run);
    /// Opens the analysis dialog on an algorithm (Analysis menu).
    void analysisDialog(const QString &algorithm);
    QString lastAnalysisSummary() const { return m_lastAnalysisSummary; }

    /// Shows the Scenarios panel on a scenario's page (Scenarios menu).
    void showScenarios(core::ScenarioKind kind);
    ScenarioPanel *scenarioPanel() const { return m_scenarioPanel; }
    /// Runs a scenario in the background (the panel shows its progress and report); all its
    /// layers are added to the map, shown, the main one current; earlier analysis and scenario
    /// results are hidden. Emits taskEnded().
    void runScenario(const core::ScenarioRequest &request);
    /// Adds result layers (main first) to the map and shows them as the algorithm's output
    /// hints say (resultView): earlier results and cluttering layers hidden, zoomed to them.
    void showResults(const core::processing::OutputHints &hints, const MadeLayers &made,
                     const QString &inputLayer);
    /// Every background task of the application (the status bar lists them).
    core::TaskManager *taskManager() const { return m_tasks; }
    /// Evaluates the forecast models on past periods in the background; the table goes to the
    /// Scenarios panel's report. Writes nothing to the workspace. Emits taskEnded().
    void evaluateForecast(const core::AnalysisSelection &selection, const QVariantMap &parameters);
    QString lastScenarioSummary() const { return m_lastScenarioSummary; }

    static QString displayName(const QString &path);

signals:
    void layerLoaded(const QString &layerId);
    /// Every layer of the workspace is loaded.
    void workspaceLoaded();
    /// The first map image showing data was painted.
    void firstMapPainted();
    /// A map including every layer of the workspace was painted (once per workspace).
    void fullMapPainted();
    /// A background task (import, demo) ended; ok = it succeeded.
    void taskEnded(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void retranslateUi();
    void updateTitle();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void showError(const QString &title, const QString &message);

    void adoptStore(std::unique_ptr<core::Store> store, const QString &path);
    void startLoading(const QStringList &layerIds);
    void snapshotLoaded(quint64 generation, const QString &layerId, core::LayerSnapshotPtr snapshot,
                        const QString &error);
    void loadingFinished(quint64 generation, bool canceled);
    void refreshCatalogue();
    /// Gives the Scenarios panel what it offers to pick (venues, cameras, areas, history).
    void updateScenarioWorkspace();
    /// The scenario task ended or was superseded: the panel leaves its running state.
    void endScenarioTask();
    void layersChanged();
    void timeRangeChanged(std::int64_t from, std::int64_t to);
    void updateDataTimeRange();
    void canvasPainted();
    void updateCoordinates(const QPointF &mapPoint);
    void updateScale(double denominator);
    void renderFinished();
    // map state (mainwindowproject.cpp)
    void scheduleProjectSave();
    /// Applies the saved state to the layers of a workspace being opened.
    void restoreLayerStates(std::vector<LayerState> &states) const;
    void restorePeriod(const core::ProjectPeriod &period);
    void createViewActions();
    void connectProject();
    void updateViewsMenu();
    void saveViewDialog();
    void renameLayerDialog(const QString &layerId);
    /// The result layers of the workspace's stored analyses (caller holds the store's mutex).
    static QSet<QString> resultLayerIds(const core::Store &store);

    using Work = std::function<void(analytics::Feedback &)>;
    using Done = std::function<void(const core::Task &)>;
    /// Runs work as a task of the task manager (progress and cancel in the status bar); the work
    /// throws on failure. `done` runs on the GUI thread with the ended task, unless another
    /// window task superseded it. Starting one asks the previous one to stop, without waiting.
    void runTask(const QString &label, Work work, Done done);
    /// Asks the window's current task to stop; returns at once.
    void cancelTask();
    void setProgress(quint64 task, double percent);

    /// What a run made, loaded in the worker.
    struct RunOutcome
    {
        core::AnalysisOutcome result;
        MadeLayers snapshots; ///< main layer first
    };
    void algorithmFinished(const core::processing::Algorithm &algorithm,
                           const core::processing::AlgorithmRun &request, const core::Task &task,
                           const RunOutcome &outcome);

    void newWorkspace();
    void newDemoWorkspace();
    void openWorkspaceDialog();
    void importDialog();
    void about();
    void showGuide();
    void showShortcuts();

    // state
    std::shared_ptr<StoreHandle> m_store;
    QString m_path;
    QString m_language;
    QString m_lastError;
    bool m_interactive = true;
    BaseMapMenu *m_baseMapMenu = nullptr;
    PlaceSearchBox *m_search = nullptr;
    AttributeTable *m_table = nullptr;
    QDockWidget *m_tableDock = nullptr;
    void updateAttributeTable();
    void showTableSelection(const std::vector<std::int64_t> &fids);
    /// What each hit of the identify panel marks on the map.
    struct HitMark
    {
        QString layer;
        std::size_t row = 0;
        QPointF point; ///< rasters: the cell clicked
        bool raster = false;
    };
    std::vector<HitMark> m_hitMarks;
    void markHit(int index);
    /// Names of the coded values of `field` (a code of an area layer's features, e.g. a
    /// quartier's code_qua), read once per workspace; empty when no area layer has the field.
    const QHash<QString, QString> &codeNames(const QString &layerId, const QString &field);
    QHash<QString, QHash<QString, QString>> m_codeNames;
    quint64 m_codeNamesGeneration = 0;
    core::ProjectState m_project; ///< as read on open; its views are kept up to date
    std::optional<core::ProjectPeriod> m_pendingPeriod; ///< applied once the data are loaded
    bool m_restoring = false;
    bool m_projectSaveFailed = false;
    QString m_projectNotice; ///< why the saved state was not used, said once loaded
    QTimer *m_projectTimer = nullptr;
    QMenu *m_viewsMenu = nullptr;
    QAction *m_zoomAllAction = nullptr;
    std::unique_ptr<core::PlaceIndex> m_placeIndex;
    QString m_placeIndexKey; ///< the snapshots the index was built from
    bool m_loading = false;
    int m_loadedLayers = 0;
    int m_layerCount = 0;
    quint64 m_generation = 0;
    bool m_firstPainted = false;
    bool m_fullPainted = false;
    std::optional<core::CoordinateTransform> m_toWgs84;

    // background task
    quint64 m_taskSerial = 0;
    quint64 m_runningTask = 0;
    core::TaskManager *m_tasks = nullptr;
    QPointer<core::Task> m_task; ///< the window's current task

    // widgets
    MapCanvas *m_canvas = nullptr;
    LayerPanel *m_layers = nullptr;
    TimeFilter *m_time = nullptr;
    IdentifyPanel *m_identify = nullptr;
    QDockWidget *m_layersDock = nullptr;
    QDockWidget *m_timeDock = nullptr;
    QDockWidget *m_identifyDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_drawnLabel = nullptr;
    QLabel *m_coordsLabel = nullptr;
    QLabel *m_scaleLabel = nullptr;
    TaskStatus *m_taskStatus = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_analysisMenu = nullptr;
    std::vector<std::pair<QString, QAction *>> m_analysisActions; ///< algorithm id, action
    QDockWidget *m_resultsDock = nullptr;
    QDockWidget *m_syncDock = nullptr;
    SyncPanel *m_syncPanel = nullptr;
    QPlainTextEdit *m_results = nullptr;
    QString m_lastAnalysisSummary;
    QMenu *m_scenarioMenu = nullptr;
    std::vector<std::pair<core::ScenarioKind, QAction *>> m_scenarioActions;
    QDockWidget *m_scenarioDock = nullptr;
    ScenarioPanel *m_scenarioPanel = nullptr;
    quint64 m_scenarioTask = 0; ///< serial of the running scenario task, 0 if none
    QString m_lastScenarioSummary;

    QAction *m_newAction = nullptr;
    QAction *m_newDemoAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportLayerAction = nullptr;
    QAction *m_exportQgisAction = nullptr;
    QAction *m_exportReportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_zoomFullAction = nullptr;
    QAction *m_zoomLayerAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_panAction = nullptr;
    QAction *m_zoomBoxAction = nullptr;
    QAction *m_identifyAction = nullptr;
    QActionGroup *m_toolGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_langFrAction = nullptr;
    QAction *m_langEnAction = nullptr;
    QAction *m_langAutoAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_guideAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
};

} // namespace vigie::gui
