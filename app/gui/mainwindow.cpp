// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "basemapmenu.h"
#include "helpdialogs.h"
#include "placesearchbox.h"

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
#include <QScrollArea>
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

QString resolveLanguage(const QString &setting)
{
    if (setting == QLatin1String("fr") || setting == QLatin1String("en"))
        return setting;
    return QLocale::system().language() == QLocale::French ? QStringLiteral("fr")
                                                           : QStringLiteral("en");
}

/// The docks' arrangement: a state saved by a build with another arrangement is not restored
/// (2: the right column is one set of tabs).
constexpr int kDockLayout = 2;

/// A dock's content that scrolls when the dock is smaller than it, rather than making the
/// window taller than the screen.
QWidget *scrollable(QWidget *content)
{
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    return scroll;
}

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
    connectProject();

    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::updateCoordinates);
    connect(m_canvas, &MapCanvas::scaleChanged, this, &MainWindow::updateScale);
    connect(m_canvas, &MapCanvas::renderFinished, this, &MainWindow::renderFinished);
    connect(m_canvas, &MapCanvas::mapPainted, this, &MainWindow::canvasPainted);
    connect(m_canvas, &MapCanvas::identifyRequested, this, &MainWindow::identifyAt);
    connect(m_layers, &LayerPanel::changed, this, &MainWindow::layersChanged);
    connect(m_layers, &LayerPanel::zoomToLayerRequested, this, &MainWindow::zoomToLayer);
    connect(m_layers, &LayerPanel::attributeTableRequested, this, &MainWindow::openAttributeTable);
    connect(m_layers, &LayerPanel::exportRequested, this, &MainWindow::exportDialog);
    connect(m_time, &TimeFilter::rangeChanged, this, &MainWindow::timeRangeChanged);
    connect(m_time, &TimeFilter::playingChanged, this, [this](bool playing) {
        m_canvas->setCaption(playing ? m_time->windowText() : QString());
    });
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
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kDockLayout);
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

    m_exportLayerAction = new QAction(this);
    m_exportLayerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportLayerAction, &QAction::triggered, this, [this] { exportDialog({}); });
    m_exportQgisAction = new QAction(this);
    connect(m_exportQgisAction, &QAction::triggered, this, &MainWindow::exportQgisProjectDialog);

    m_exportReportAction = new QAction(this);
    m_exportReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_exportReportAction, &QAction::triggered, this, [this] {
        if (!m_store) {
            showError(tr("Export report"), tr("Open a workspace first."));
            return;
        }
        ReportDialog dialog(m_path, m_language, m_tasks, this);
        dialog.setBaseMap(m_baseMapMenu->current());
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

    m_guideAction = new QAction(this);
    m_guideAction->setObjectName(QStringLiteral("userGuide"));
    m_guideAction->setShortcut(QKeySequence::HelpContents);
    connect(m_guideAction, &QAction::triggered, this, &MainWindow::showGuide);
    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("keyboardShortcuts"));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::setInteractive(bool interactive)
{
    m_interactive = interactive;
    if (m_baseMapMenu)
        m_baseMapMenu->setInteractive(interactive);
}

void MainWindow::createMenus()
{
    createViewActions();
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_newDemoAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addAction(m_exportLayerAction);
    m_fileMenu->addAction(m_exportQgisAction);
    m_fileMenu->addAction(m_exportReportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_zoomFullAction);
    m_viewMenu->addAction(m_zoomAllAction);
    m_viewMenu->addAction(m_zoomLayerAction);
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_panAction);
    m_viewMenu->addAction(m_zoomBoxAction);
    m_viewMenu->addAction(m_identifyAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_viewsMenu);
    m_baseMapMenu = new BaseMapMenu(this);
    m_viewMenu->addMenu(m_baseMapMenu);
    connect(m_baseMapMenu, &BaseMapMenu::chosen, m_canvas, &MapCanvas::setBaseMap);
    connect(m_canvas, &MapCanvas::baseMapNotice, this, [this](const QString &text) {
        if (!text.isEmpty())
            statusBar()->showMessage(text, 15000);
    });
    m_baseMapMenu->restore();

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
    m_helpMenu->addAction(m_guideAction);
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addSeparator();
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
    m_toolBar->addSeparator();
    m_search = new PlaceSearchBox(m_toolBar);
    m_search->setIndexProvider([this] { return placeIndex(); });
    connect(m_search, &PlaceSearchBox::placeChosen, this, &MainWindow::goToPlace);
    connect(m_search, &PlaceSearchBox::nothingFound, this, [this](const QString &text) {
        statusBar()->showMessage(tr("No place named “%1” in this workspace.").arg(text), 6000);
    });
    m_toolBar->addWidget(m_search);
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
    tabifyDockWidget(m_identifyDock, m_resultsDock); // the right column is one set of tabs
    m_resultsDock->hide();

    // Sync with the municipal data hub: tabbed with the identify panel. The panel works on its
    // own connection to the workspace; when it has pulled changes the workspace is reopened so
    // the map shows them.
    m_syncPanel = new SyncPanel(m_tasks, this);
    m_syncDock = new QDockWidget(this);
    m_syncDock->setObjectName(QStringLiteral("syncDock"));
    m_syncDock->setWidget(scrollable(m_syncPanel));
    addDockWidget(Qt::RightDockWidgetArea, m_syncDock);
    tabifyDockWidget(m_identifyDock, m_syncDock);
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
    m_drawnLabel = new QLabel(this);
    m_coordsLabel = new QLabel(this);
    m_scaleLabel = new QLabel(this);
    m_taskStatus = new TaskStatus(m_tasks, this);
    m_coordsLabel->setMinimumWidth(330);
    m_scaleLabel->setMinimumWidth(110);
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
    m_newAction->setToolTip(tr("Create a workspace, empty or for the area of your boundary files"));
    m_newDemoAction->setText(tr("New &demo workspace…"));
    m_newDemoAction->setToolTip(tr("Create a workspace filled with synthetic Marseille data"));
    m_openAction->setText(tr("&Open workspace…"));
    m_openAction->setToolTip(tr("Open a workspace (.sqlite)"));
    m_importAction->setText(tr("&Import…"));
    m_exportLayerAction->setText(tr("&Export layer…"));
    m_exportLayerAction->setToolTip(
        tr("Write the current layer to GeoPackage, GeoJSON, CSV, Shapefile, a spreadsheet or "
           "GeoTIFF"));
    m_exportQgisAction->setText(tr("Export as a &QGIS project…"));
    m_exportQgisAction->setToolTip(
        tr("Write a QGIS project that opens this workspace as the map shows it: layers, order, "
           "styles, results"));
    m_exportReportAction->setText(tr("Export &report…"));
    m_importAction->setToolTip(tr("Import a GeoPackage, GeoJSON, CSV or Shapefile into a layer"));
    m_quitAction->setText(tr("&Quit"));
    m_zoomFullAction->setText(tr("&Full extent"));
    m_zoomFullAction->setToolTip(tr("Show the study area (the city's arrondissements and "
                                    "quartiers)"));
    m_zoomAllAction->setText(tr("Extent of &all layers"));
    m_zoomAllAction->setToolTip(tr("Show every layer, imported data far away included"));
    m_viewsMenu->setTitle(tr("&Saved views"));
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
    m_guideAction->setText(tr("&User guide"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));

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
    saveProject();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kDockLayout));
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

void MainWindow::showGuide()
{
    auto *dialog = new HelpDialog(m_language, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show(); // beside the map, not in its way
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
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
