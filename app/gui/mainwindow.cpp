// SPDX-License-Identifier: GPL-3.0-or-later
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

QString resolveLanguage(const QString &setting)
{
    if (setting == QLatin1String("fr") || setting == QLatin1String("en"))
        return setting;
    return QLocale::system().language() == QLocale::French ? QStringLiteral("fr")
                                                           : QStringLiteral("en");
}

/// What a background analysis or scenario run hands back to the GUI thread.
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("VigieMainWindow"));
    m_language =
        QLocale().language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
    if (auto t = core::CoordinateTransform::create(QStringLiteral("EPSG:2154"),
                                                   QStringLiteral("EPSG:4326"));
        t.ok())
        m_toWgs84.emplace(std::move(t.value()));

    m_tasks = new core::TaskManager(this);
    m_canvas = new MapCanvas(this);
    m_canvas->setObjectName(QStringLiteral("mapCanvas"));
    m_canvas->setLanguage(m_language);
    setCentralWidget(m_canvas);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();

    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::updateCoordinates);
    connect(m_canvas, &MapCanvas::scaleChanged, this, &MainWindow::updateScale);
    connect(m_canvas, &MapCanvas::renderFinished, this, &MainWindow::renderFinished);
    connect(m_canvas, &MapCanvas::mapPainted, this, &MainWindow::canvasPainted);
    connect(m_canvas, &MapCanvas::identifyRequested, this, &MainWindow::identifyAt);
    connect(m_layers, &LayerPanel::changed, this, &MainWindow::layersChanged);
    connect(m_layers, &LayerPanel::zoomToLayerRequested, this, &MainWindow::zoomToLayer);
    connect(m_time, &TimeFilter::rangeChanged, this, &MainWindow::timeRangeChanged);
    connect(m_canvas, &MapCanvas::pointPicked, m_scenarioPanel, &ScenarioPanel::pointPicked);
    connect(m_scenarioPanel, &ScenarioPanel::pickModeChanged, m_canvas, &MapCanvas::setPickMode);
    connect(m_scenarioPanel, &ScenarioPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_scenarioPanel, &ScenarioPanel::runRequested, this,
            [this] { runScenario(m_scenarioPanel->request()); });
    connect(m_scenarioPanel, &ScenarioPanel::evaluateRequested, this, [this] {
        evaluateForecast(m_scenarioPanel->request(core::ScenarioKind::Forecast).selection,
                         m_scenarioPanel->evaluationParameters());
    });
    connect(m_scenarioPanel, &ScenarioPanel::cancelRequested, this, [this] {
        if (m_scenarioTask != 0)
            cancelTask();
    });
    m_scenarioPanel->setAttributeLookup([this](const QString &layer, std::int64_t fid) {
        QVariantMap values;
        if (!m_store)
            return values;
        std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
        if (!lock.owns_lock())
            return values;
        if (auto a = m_store->store->attributes(layer, fid); a.ok())
            values = a.value();
        return values;
    });

    retranslateUi();
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateScale(m_canvas->scaleDenominator());
}

MainWindow::~MainWindow()
{
    // The workers may still post to this window: they are stopped before it goes.
    m_tasks->cancelAll();
    m_tasks->waitForDone();
}

// --- construction ---------------------------------------------------------------------------

void MainWindow::createActions()
{
    m_newAction = new QAction(toolIcon(IconKind::New), QString(), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkspace);

    m_newDemoAction = new QAction(this);
    connect(m_newDemoAction, &QAction::triggered, this, &MainWindow::newDemoWorkspace);

    m_openAction = new QAction(toolIcon(IconKind::Open), QString(), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWorkspaceDialog);

    m_importAction = new QAction(toolIcon(IconKind::Import), QString(), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importDialog);

    m_exportReportAction = new QAction(this);
    m_exportReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_exportReportAction, &QAction::triggered, this, [this] {
        if (!m_store) {
            showError(tr("Export report"), tr("Open a workspace first."));
            return;
        }
        ReportDialog dialog(m_path, m_language, m_tasks, this);
        dialog.exec();
    });

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_zoomFullAction = new QAction(toolIcon(IconKind::FullExtent), QString(), this);
    m_zoomFullAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_zoomFullAction, &QAction::triggered, this, &MainWindow::zoomFull);

    m_zoomLayerAction = new QAction(toolIcon(IconKind::ZoomLayer), QString(), this);
    connect(m_zoomLayerAction, &QAction::triggered, this, [this] {
        const QString id = m_layers->currentLayerId();
        if (!id.isEmpty())
            zoomToLayer(id);
        else
            statusBar()->showMessage(tr("Select a layer in the layer panel first."), 4000);
    });

    m_zoomInAction = new QAction(toolIcon(IconKind::ZoomIn), QString(), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { m_canvas->zoomBy(0.5); });
    m_zoomOutAction = new QAction(toolIcon(IconKind::ZoomOut), QString(), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { m_canvas->zoomBy(2.0); });

    m_toolGroup = new QActionGroup(this);
    m_panAction = new QAction(toolIcon(IconKind::Pan), QString(), m_toolGroup);
    m_zoomBoxAction = new QAction(toolIcon(IconKind::ZoomBox), QString(), m_toolGroup);
    m_identifyAction = new QAction(toolIcon(IconKind::Identify), QString(), m_toolGroup);
    for (QAction *a : {m_panAction, m_zoomBoxAction, m_identifyAction})
        a->setCheckable(true);
    m_panAction->setChecked(true);
    m_panAction->setShortcut(QKeySequence(Qt::Key_P));
    m_zoomBoxAction->setShortcut(QKeySequence(Qt::Key_Z));
    m_identifyAction->setShortcut(QKeySequence(Qt::Key_I));
    connect(m_panAction, &QAction::triggered, this,
            [this] { m_canvas->setTool(MapCanvas::Tool::Pan); });
    connect(m_zoomBoxAction, &QAction::triggered, this,
            [this] { m_canvas->setTool(MapCanvas::Tool::ZoomBox); });
    connect(m_identifyAction, &QAction::triggered, this, [this] {
        m_canvas->setTool(MapCanvas::Tool::Identify);
        if (m_identifyDock)
            m_identifyDock->show();
    });

    m_languageGroup = new QActionGroup(this);
    m_langFrAction = new QAction(QStringLiteral("Français"), m_languageGroup);
    m_langEnAction = new QAction(QStringLiteral("English"), m_languageGroup);
    m_langAutoAction = new QAction(m_languageGroup);
    const QString setting = core::languageSetting();
    for (QAction *a : {m_langFrAction, m_langEnAction, m_langAutoAction})
        a->setCheckable(true);
    (setting == QLatin1String("fr")   ? m_langFrAction
     : setting == QLatin1String("en") ? m_langEnAction
                                      : m_langAutoAction)
        ->setChecked(true);
    connect(m_langFrAction, &QAction::triggered, this,
            [this] { setLanguageSetting(QStringLiteral("fr")); });
    connect(m_langEnAction, &QAction::triggered, this,
            [this] { setLanguageSetting(QStringLiteral("en")); });
    connect(m_langAutoAction, &QAction::triggered, this,
            [this] { setLanguageSetting(QStringLiteral("auto")); });

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_newDemoAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addAction(m_exportReportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_zoomFullAction);
    m_viewMenu->addAction(m_zoomLayerAction);
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_panAction);
    m_viewMenu->addAction(m_zoomBoxAction);
    m_viewMenu->addAction(m_identifyAction);
    m_viewMenu->addSeparator();

    m_analysisMenu = menuBar()->addMenu(QString());
    m_analysisMenu->setObjectName(QStringLiteral("analysisMenu"));
    // Every analysis of the processing registry, in its order (plugins' ones too).
    for (const core::processing::Algorithm *a :
         core::processing::AlgorithmRegistry::instance().algorithms(
             core::processing::AlgorithmGroup::Analysis)) {
        const QString id = a->id();
        auto *action = m_analysisMenu->addAction(QString());
        action->setObjectName(QStringLiteral("analysis_") + id);
        connect(action, &QAction::triggered, this, [this, id] { analysisDialog(id); });
        m_analysisActions.emplace_back(id, action);
    }

    m_scenarioMenu = menuBar()->addMenu(QString());
    m_scenarioMenu->setObjectName(QStringLiteral("scenarioMenu"));
    for (core::ScenarioKind kind : core::allScenarioKinds()) {
        auto *action = m_scenarioMenu->addAction(QString());
        action->setObjectName(QStringLiteral("scenario_") + core::scenarioKindKey(kind));
        connect(action, &QAction::triggered, this, [this, kind] { showScenarios(kind); });
        m_scenarioActions.emplace_back(kind, action);
    }

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageMenu->addAction(m_langFrAction);
    m_languageMenu->addAction(m_langEnAction);
    m_languageMenu->addSeparator();
    m_languageMenu->addAction(m_langAutoAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mapToolBar"));
    m_toolBar->setIconSize(QSize(24, 24));
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_importAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_panAction);
    m_toolBar->addAction(m_zoomBoxAction);
    m_toolBar->addAction(m_identifyAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_zoomInAction);
    m_toolBar->addAction(m_zoomOutAction);
    m_toolBar->addAction(m_zoomFullAction);
    m_toolBar->addAction(m_zoomLayerAction);
}

void MainWindow::createDocks()
{
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_layers = new LayerPanel(this);
    m_layersDock = new QDockWidget(this);
    m_layersDock->setObjectName(QStringLiteral("layersDock"));
    m_layersDock->setWidget(m_layers);
    m_layersDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_layersDock);

    m_identify = new IdentifyPanel(this);
    m_identifyDock = new QDockWidget(this);
    m_identifyDock->setObjectName(QStringLiteral("identifyDock"));
    m_identifyDock->setWidget(m_identify);
    addDockWidget(Qt::RightDockWidgetArea, m_identifyDock);

    m_time = new TimeFilter(this);
    m_timeDock = new QDockWidget(this);
    m_timeDock->setObjectName(QStringLiteral("timeDock"));
    m_timeDock->setWidget(m_time);
    m_timeDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, m_timeDock);

    resizeDocks({m_layersDock, m_identifyDock}, {270, 300}, Qt::Horizontal);

    m_results = new QPlainTextEdit(this);
    m_results->setReadOnly(true);
    m_results->setObjectName(QStringLiteral("analysisResults"));
    m_resultsDock = new QDockWidget(this);
    m_resultsDock->setObjectName(QStringLiteral("resultsDock"));
    m_resultsDock->setWidget(m_results);
    addDockWidget(Qt::RightDockWidgetArea, m_resultsDock);
    m_resultsDock->hide();

    // Sync with the municipal data hub: tabbed with the identify panel. The panel works on its
    // own connection to the workspace; when it has pulled changes the workspace is reopened so
    // the map shows them.
    m_syncPanel = new SyncPanel(m_tasks, this);
    m_syncDock = new QDockWidget(this);
    m_syncDock->setObjectName(QStringLiteral("syncDock"));
    m_syncDock->setWidget(m_syncPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_syncDock);
    m_syncDock->hide(); // View → Sync with the hub
    connect(m_syncPanel, &SyncPanel::syncFinished, this, [this](bool ok) {
        if (ok && !m_path.isEmpty())
            openWorkspace(m_path);
    });

    m_viewMenu->addAction(m_layersDock->toggleViewAction());
    m_viewMenu->addAction(m_identifyDock->toggleViewAction());
    m_viewMenu->addAction(m_timeDock->toggleViewAction());
    m_viewMenu->addAction(m_resultsDock->toggleViewAction());
    m_viewMenu->addAction(m_syncDock->toggleViewAction());

    // Scenarios (issue 6): tabbed with the identify panel, opened from the Scenarios menu.
    m_scenarioPanel = new ScenarioPanel(this);
    m_scenarioDock = new QDockWidget(this);
    m_scenarioDock->setObjectName(QStringLiteral("scenarioDock"));
    m_scenarioDock->setWidget(m_scenarioPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_scenarioDock);
    tabifyDockWidget(m_identifyDock, m_scenarioDock);
    m_scenarioDock->hide();
    m_viewMenu->addAction(m_scenarioDock->toggleViewAction());
    // A pick (camera, event place) ends when the panel is closed or another map tool is chosen.
    connect(m_scenarioDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && !m_scenarioDock->isVisible())
            m_scenarioPanel->startPick(ScenarioPanel::Pick::None);
    });
    connect(m_toolGroup, &QActionGroup::triggered, this,
            [this] { m_scenarioPanel->startPick(ScenarioPanel::Pick::None); });
}

void MainWindow::createStatusBar()
{
    m_messageLabel = new QLabel(this);
    m_drawnLabel = new QLabel(this);
    m_coordsLabel = new QLabel(this);
    m_scaleLabel = new QLabel(this);
    m_taskStatus = new TaskStatus(m_tasks, this);
    m_coordsLabel->setMinimumWidth(330);
    m_scaleLabel->setMinimumWidth(110);
    statusBar()->addWidget(m_messageLabel, 1);
    statusBar()->addPermanentWidget(m_taskStatus);
    statusBar()->addPermanentWidget(m_drawnLabel);
    statusBar()->addPermanentWidget(m_coordsLabel);
    statusBar()->addPermanentWidget(m_scaleLabel);
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("&Recent workspaces"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_analysisMenu->setTitle(tr("&Analysis"));
    for (const auto &[id, action] : m_analysisActions)
        if (const auto *a = core::processing::AlgorithmRegistry::instance().find(id))
            action->setText(a->title() + QStringLiteral("…"));
    if (m_resultsDock)
        m_resultsDock->setWindowTitle(tr("Analysis results"));
    if (m_syncDock)
        m_syncDock->setWindowTitle(tr("Sync with the hub"));
    m_scenarioMenu->setTitle(tr("&Scenarios"));
    for (const auto &[kind, action] : m_scenarioActions)
        action->setText(core::scenarioKindTitle(kind) + QStringLiteral("…"));
    if (m_scenarioDock)
        m_scenarioDock->setWindowTitle(tr("Scenarios"));

    m_newAction->setText(tr("&New workspace…"));
    m_newAction->setToolTip(tr("Create an empty workspace"));
    m_newDemoAction->setText(tr("New &demo workspace…"));
    m_newDemoAction->setToolTip(tr("Create a workspace filled with synthetic Marseille data"));
    m_openAction->setText(tr("&Open workspace…"));
    m_openAction->setToolTip(tr("Open a workspace (.sqlite)"));
    m_importAction->setText(tr("&Import…"));
    m_exportReportAction->setText(tr("Export &report…"));
    m_importAction->setToolTip(tr("Import a GeoPackage, GeoJSON, CSV or Shapefile into a layer"));
    m_quitAction->setText(tr("&Quit"));
    m_zoomFullAction->setText(tr("&Full extent"));
    m_zoomFullAction->setToolTip(tr("Show all the data"));
    m_zoomLayerAction->setText(tr("Zoom to &layer"));
    m_zoomLayerAction->setToolTip(tr("Zoom to the layer selected in the layer panel"));
    m_zoomInAction->setText(tr("Zoom &in"));
    m_zoomOutAction->setText(tr("Zoom &out"));
    m_panAction->setText(tr("&Pan"));
    m_panAction->setToolTip(tr("Pan the map (drag), zoom with the wheel"));
    m_zoomBoxAction->setText(tr("Zoom to &box"));
    m_zoomBoxAction->setToolTip(tr("Draw a rectangle to zoom in"));
    m_identifyAction->setText(tr("I&dentify"));
    m_identifyAction->setToolTip(tr("Click a feature to see its attributes"));
    m_langAutoAction->setText(tr("Automatic (system language)"));
    m_aboutAction->setText(tr("&About Vigie"));

    m_toolBar->setWindowTitle(tr("Map tools"));
    m_layersDock->setWindowTitle(tr("Layers"));
    m_identifyDock->setWindowTitle(tr("Identify"));
    m_timeDock->setWindowTitle(tr("Period"));
    m_canvas->setPlaceholderText(
        tr("No workspace open.\nUse File > Open workspace… or File > New demo workspace…"));
    updateScale(m_canvas->scaleDenominator());
    renderFinished();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_tasks->cancelAll(); // the destructor waits for them
    event->accept();
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_path.isEmpty() ? QStringLiteral("Vigie")
                                    : tr("Vigie — %1").arg(displayName(m_path)));
}

QString MainWindow::displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_interactive)
        QMessageBox::warning(this, title, message);
}

// --- language -------------------------------------------------------------------------------

void MainWindow::setLanguageSetting(const QString &setting)
{
    try {
        core::setLanguageSetting(setting);
        const QString language = resolveLanguage(setting);
        m_language = core::installTranslations(language);
        if (m_language != QLatin1String("fr"))
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        // Translators changed: Qt sends LanguageChange to every widget (retranslateUi).
        m_layers->setLanguage(m_language);
        m_canvas->setLanguage(m_language);
        updateScenarioWorkspace();
        QAction *check = setting == QLatin1String("fr")   ? m_langFrAction
                         : setting == QLatin1String("en") ? m_langEnAction
                                                          : m_langAutoAction;
        check->setChecked(true);
        retranslateUi();
    } catch (const std::exception &e) {
        showError(tr("Language"), QString::fromUtf8(e.what()));
    }
}

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
    m_identify->showNothing();
    m_canvas->clearHighlight();
    m_scenarioPanel->startPick(ScenarioPanel::Pick::None);
    m_scenarioPanel->setResultText(QString());
    addRecent(path);
    updateTitle();

    std::vector<core::LayerManifest> manifests = m_store->store->layers();
    m_layerCount = static_cast<int>(manifests.size());
    // Results of earlier analyses are listed but start hidden: the map opens on the data.
    QSet<QString> results;
    try {
        for (const core::StoredAnalysis &a : core::storedAnalyses(*m_store->store)) {
            results.insert(a.resultLayer);
            for (const QString &layer : a.layers)
                results.insert(layer);
        }
    } catch (const core::Exception &) {
    }
    std::vector<LayerState> states;
    states.reserve(manifests.size());
    QRectF full;
    QRectF polygons;
    for (const auto &m : manifests) {
        LayerState s;
        s.manifest = m;
        s.visible = !results.contains(m.id);
        states.push_back(std::move(s));
        const QRectF e = m_store->store->extent(m.id);
        if (e.isValid() || (e.width() >= 0 && e.height() >= 0 && !e.isNull())) {
            full = full.isNull() ? e : full.united(e);
            if (m.geometryType == core::GeometryType::Polygon)
                polygons = polygons.isNull() ? e : polygons.united(e);
        }
    }
    m_layers->setLanguage(m_language);
    m_layers->setLayers(std::move(states));
    m_time->setDataRange(core::LayerSnapshot::kNoTime, core::LayerSnapshot::kNoTime);
    const QRectF start = polygons.isValid() ? polygons : full;
    if (start.isValid())
        m_canvas->zoomToRect(start);

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
    updateScenarioWorkspace();
    if (!canceled) {
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
    {
        std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
        if (!lock.owns_lock())
            return;
        manifests = m_store->store->layers();
    }
    std::vector<LayerState> states;
    for (const auto &m : manifests) {
        LayerState s;
        s.manifest = m;
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
    m_layers->setLayers(std::move(states));
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
}

void MainWindow::timeRangeChanged(std::int64_t from, std::int64_t to)
{
    // The whole data range is no filter at all (features without time stay visible).
    if (from <= m_time->dataMin())
        from = core::LayerSnapshot::kNoTime;
    if (to >= m_time->dataMax())
        to = core::LayerSnapshot::kNoTime;
    m_canvas->setTimeRange(from, to);
    m_scenarioPanel->setHistory(from, to);
}

void MainWindow::zoomFull()
{
    QRectF full;
    for (const LayerState &l : m_layers->layers()) {
        if (!l.data || l.data->size() == 0)
            continue;
        full = full.isNull() ? l.data->extent : full.united(l.data->extent);
    }
    if (!full.isNull())
        m_canvas->zoomToRect(full);
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

void MainWindow::identifyAt(const QPointF &mapPoint, double toleranceMapUnits)
{
    try {
        if (!m_store)
            return;
        const render::MapSettings settings = m_canvas->settings();
        const auto &layers = m_layers->layers(); // topmost first
        for (const LayerState &l : layers) {
            if (!l.visible || !l.data)
                continue;
            const auto row = render::identifyRow(*l.data, mapPoint, toleranceMapUnits,
                                                 settings.timeFrom, settings.timeTo);
            if (!row)
                continue;
            if (!l.categoryVisible.empty() && !l.data->category.empty()) {
                const int c = l.data->category[*row];
                if (c >= 0 && c < static_cast<int>(l.categoryVisible.size()) &&
                    !l.categoryVisible[c])
                    continue;
            }
            const std::int64_t fid = l.data->fids[*row];
            std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
            if (!lock.owns_lock()) {
                m_identify->showMessage(tr("The workspace is busy; try again in a moment."));
                return;
            }
            auto attributes = m_store->store->attributes(l.manifest.id, fid);
            lock.unlock();
            if (!attributes.ok()) {
                m_identify->showMessage(attributes.error().message);
                return;
            }
            m_identify->showFeature(l.manifest, attributes.value(), m_language);
            if (l.data->isPoint())
                m_canvas->setHighlight(QPointF(l.data->x[*row], l.data->y[*row]));
            else if (*row < l.data->geometries.size())
                m_canvas->setHighlight(l.data->geometries[*row]);
            m_identifyDock->show();
            m_identifyDock->raise();
            return;
        }
        m_canvas->clearHighlight();
        m_identify->showMessage(tr("No feature here."));
    } catch (const std::exception &e) {
        m_identify->showMessage(QString::fromUtf8(e.what()));
    }
}

// --- background tasks -----------------------------------------------------------------------

bool MainWindow::isBusy() const
{
    return m_task && m_task->isActive();
}

void MainWindow::runTask(const QString &label, Work work, Done done)
{
    cancelTask(); // the previous one stops on its own; its `done` will not run
    endScenarioTask();
    const quint64 serial = ++m_taskSerial;
    m_runningTask = serial;
    core::Task *task = m_tasks->start(label, std::move(work));
    m_task = task;
    connect(task, &core::Task::progressChanged, this,
            [this, serial](double percent) { setProgress(serial, percent); });
    connect(task, &core::Task::finished, this, [this, task, serial, done = std::move(done)] {
        if (serial != m_runningTask)
            return; // superseded by another task
        m_runningTask = 0;
        try {
            done(*task);
        } catch (const std::exception &e) {
            showError(tr("Error"), QString::fromUtf8(e.what()));
        }
    });
}

void MainWindow::cancelTask()
{
    if (m_task)
        m_task->cancel();
}

void MainWindow::setProgress(quint64 task, double percent)
{
    if (task != m_runningTask)
        return;
    if (task == m_scenarioTask)
        m_scenarioPanel->setProgress(percent);
}

// --- file actions ---------------------------------------------------------------------------

void MainWindow::newWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New workspace"), QString(),
                                                      tr("Vigie workspaces (*.sqlite)"));
    if (path.isEmpty())
        return;
    try {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            showError(tr("New workspace"), tr("Cannot replace %1.").arg(displayName(path)));
            return;
        }
        auto result = core::Store::create(path);
        if (!result.ok()) {
            showError(tr("New workspace"), result.error().message);
            return;
        }
        adoptStore(std::move(result.value()), path);
    } catch (const std::exception &e) {
        showError(tr("New workspace"), QString::fromUtf8(e.what()));
    }
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
    ImportDialog dialog(targets, m_language, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    importFile(dialog.filePath(), dialog.options());
}

void MainWindow::importFile(const QString &path, const core::ImportOptions &options)
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
        [this, path, outcome, generation](const core::Task &task) {
            if (generation != m_generation)
                return;
            if (task.status() == core::Task::Status::Canceled) {
                statusBar()->showMessage(tr("Import canceled: the workspace is unchanged."), 5000);
                emit taskEnded(false);
                return;
            }
            if (task.status() == core::Task::Status::Failed) {
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
            statusBar()->showMessage(message, 8000);
            emit taskEnded(true);
        });
}

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

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Vigie"),
        tr("<h3>Vigie %1</h3><p>Map analysis workstation for public safety, City of Marseille."
           "</p><p>Workspace: %2</p><p>Licence: GPL 3.0 or later.</p>")
            .arg(QApplication::applicationVersion(),
                 m_path.isEmpty() ? tr("none") : m_path.toHtmlEscaped()));
}

// --- status bar -----------------------------------------------------------------------------

void MainWindow::updateCoordinates(const QPointF &p)
{
    const QLocale locale;
    QString text = tr("Lambert-93: %1, %2")
                       .arg(locale.toString(p.x(), 'f', 0), locale.toString(p.y(), 'f', 0));
    if (m_toWgs84) {
        double lon = p.x();
        double lat = p.y();
        if (m_toWgs84->transform(lon, lat))
            text += QStringLiteral("   ") +
                    tr("WGS 84: %1° N, %2° E")
                        .arg(locale.toString(lat, 'f', 5), locale.toString(lon, 'f', 5));
    }
    m_coordsLabel->setText(text);
}

void MainWindow::updateScale(double denominator)
{
    m_scaleLabel->setText(
        tr("Scale 1:%1").arg(QLocale().toString(static_cast<qint64>(std::llround(denominator)))));
}

void MainWindow::renderFinished()
{
    const auto &r = m_canvas->lastRender();
    if (m_canvas->renderCount() == 0) {
        m_drawnLabel->clear();
        return;
    }
    const QLocale locale;
    if (r.pointsAggregated > 0)
        m_drawnLabel->setText(tr("%1 features drawn, %2 points as density")
                                  .arg(locale.toString(static_cast<qint64>(r.featuresDrawn)),
                                       locale.toString(static_cast<qint64>(r.pointsAggregated))));
    else
        m_drawnLabel->setText(
            tr("%1 features drawn").arg(locale.toString(static_cast<qint64>(r.featuresDrawn))));
    m_drawnLabel->setToolTip(
        tr("Rendered in %1 ms").arg(QLocale().toString(r.milliseconds, 'f', 0)));
}

void MainWindow::canvasPainted()
{
    const auto &r = m_canvas->lastRender();
    if (!m_firstPainted && r.layersWithData > 0) {
        m_firstPainted = true;
        emit firstMapPainted();
    }
    if (!m_fullPainted && !m_loading && m_layerCount > 0 && r.layersWithData >= m_loadedLayers &&
        m_loadedLayers > 0 && m_canvas->lastRender().serial > 0) {
        m_fullPainted = true;
        emit fullMapPainted();
    }
}

} // namespace vigie::gui
