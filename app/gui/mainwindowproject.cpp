// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's map state, kept in the workspace as a QGIS project keeps it: the layers'
// order, visibility, opacity, categories and names, the view and the period, named saved views;
// full extent on the study area; removing and renaming layers.
#include "mainwindow.h"

#include "attributetable.h"
#include "identifypanel.h"
#include "layerpanel.h"
#include "mapcanvas.h"
#include "timefilter.h"

#include "core/analysis/analysis.h"
#include "core/calendar.h"
#include "core/layerregistry.h"
#include "core/store/store.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

namespace vigie::gui {

namespace {

/// A moment after the last change: moving the map writes once, not at every wheel step.
constexpr int kSaveDelayMs = 1500;

core::ProjectPeriod periodOf(const TimeFilter &time)
{
    core::ProjectPeriod p;
    p.preset = core::calendarPresetKey(time.preset());
    if (time.preset() == core::CalendarPreset::Custom) {
        p.from = time.from();
        p.to = time.to();
    }
    return p;
}

} // namespace

QSet<QString> MainWindow::resultLayerIds(const core::Store &store)
{
    QSet<QString> results;
    try {
        for (const core::StoredAnalysis &a : core::storedAnalyses(store)) {
            results.insert(a.resultLayer);
            for (const QString &layer : a.layers)
                results.insert(layer);
        }
    } catch (const core::Exception &) {
    }
    results.remove(QString());
    return results;
}

// --- the state ----------------------------------------------------------------------------------

core::ProjectState MainWindow::projectState() const
{
    core::ProjectState state;
    for (const LayerState &l : m_layers->layers()) {
        core::ProjectLayer p;
        p.id = l.manifest.id;
        p.visible = l.visible;
        p.opacity = l.opacity;
        p.title = l.userTitle;
        for (std::size_t c = 0; c < l.categoryVisible.size() && c < l.manifest.categories.size();
             ++c)
            if (!l.categoryVisible[c])
                p.hiddenCategories << l.manifest.categories[c].value;
        state.layers.push_back(std::move(p));
    }
    state.extent = m_canvas->visibleExtent();
    state.period = m_pendingPeriod ? *m_pendingPeriod : periodOf(*m_time);
    state.views = m_project.views;
    return state;
}

void MainWindow::restoreLayerStates(std::vector<LayerState> &states) const
{
    for (LayerState &s : states) {
        const core::ProjectLayer *p = m_project.layer(s.manifest.id);
        if (!p)
            continue;
        s.visible = p->visible;
        s.opacity = p->opacity;
        s.userTitle = p->title;
        s.categoryVisible.assign(s.manifest.categories.size(), true);
        for (std::size_t c = 0; c < s.manifest.categories.size(); ++c)
            s.categoryVisible[c] = !p->hiddenCategories.contains(s.manifest.categories[c].value);
    }
}

void MainWindow::restorePeriod(const core::ProjectPeriod &period)
{
    const auto preset = core::calendarPresetFromKey(period.preset);
    if (preset == core::CalendarPreset::Custom)
        m_time->setWindow(period.from, period.to);
    else
        m_time->applyPreset(preset.value_or(core::CalendarPreset::Whole));
}

void MainWindow::scheduleProjectSave()
{
    if (m_restoring || !m_store || m_store->store->isReadOnly())
        return;
    m_projectTimer->start(kSaveDelayMs);
}

bool MainWindow::saveProject()
{
    m_projectTimer->stop();
    if (!m_store || m_store->store->isReadOnly())
        return false;
    std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
    if (!lock.owns_lock()) {
        m_projectTimer->start(kSaveDelayMs); // a task is writing: later
        return false;
    }
    const auto saved = core::ProjectState::save(*m_store->store, projectState());
    if (!saved.ok()) {
        if (!m_projectSaveFailed) // said once, not at every move of the map
            statusBar()->showMessage(tr("The map state could not be saved in the workspace: %1")
                                         .arg(saved.error().message),
                                     10000);
        m_projectSaveFailed = true;
        return false;
    }
    m_projectSaveFailed = false;
    return true;
}

// --- saved views ----------------------------------------------------------------------------

QStringList MainWindow::viewNames() const
{
    QStringList out;
    for (const core::SavedView &v : m_project.views)
        out << v.name;
    return out;
}

bool MainWindow::saveView(const QString &name)
{
    const QString n = name.simplified();
    if (n.isEmpty() || !m_store)
        return false;
    core::SavedView view;
    view.name = n;
    view.extent = m_canvas->visibleExtent();
    view.period = periodOf(*m_time);
    for (const LayerState &l : m_layers->layers())
        if (l.visible)
            view.visibleLayers << l.manifest.id;
    if (const int i = m_project.viewIndex(n); i >= 0)
        m_project.views[i] = std::move(view);
    else if (static_cast<int>(m_project.views.size()) < core::ProjectState::kMaxViews)
        m_project.views.push_back(std::move(view));
    else
        return false;
    statusBar()->showMessage(tr("View \"%1\" saved.").arg(n), 5000);
    saveProject();
    return true;
}

bool MainWindow::applyView(const QString &name)
{
    const int i = m_project.viewIndex(name);
    if (i < 0)
        return false;
    const core::SavedView view = m_project.views[i];
    for (const LayerState &l : m_layers->layers())
        m_layers->setLayerVisible(l.manifest.id, view.visibleLayers.contains(l.manifest.id));
    restorePeriod(view.period);
    m_canvas->showExtent(view.extent);
    statusBar()->showMessage(tr("View \"%1\"").arg(view.name), 5000);
    return true;
}

bool MainWindow::deleteView(const QString &name)
{
    const int i = m_project.viewIndex(name);
    if (i < 0)
        return false;
    m_project.views.erase(m_project.views.begin() + i);
    saveProject();
    return true;
}

void MainWindow::createViewActions()
{
    m_zoomAllAction = new QAction(this);
    m_zoomAllAction->setObjectName(QStringLiteral("zoomAllLayers"));
    connect(m_zoomAllAction, &QAction::triggered, this, &MainWindow::zoomAllLayers);
    m_viewsMenu = new QMenu(this);
    m_viewsMenu->setObjectName(QStringLiteral("savedViewsMenu"));
    connect(m_viewsMenu, &QMenu::aboutToShow, this, &MainWindow::updateViewsMenu);
    m_projectTimer = new QTimer(this);
    m_projectTimer->setSingleShot(true);
    connect(m_projectTimer, &QTimer::timeout, this, &MainWindow::saveProject);
}

void MainWindow::connectProject()
{
    connect(m_layers, &LayerPanel::changed, this, &MainWindow::scheduleProjectSave);
    connect(m_canvas, &MapCanvas::extentChanged, this, &MainWindow::scheduleProjectSave);
    connect(m_time, &TimeFilter::rangeChanged, this, &MainWindow::scheduleProjectSave);
    connect(m_layers, &LayerPanel::renameRequested, this, &MainWindow::renameLayerDialog);
    connect(m_layers, &LayerPanel::removeRequested, this, &MainWindow::removeLayer);
    connect(m_identify, &IdentifyPanel::hitChanged, this, &MainWindow::markHit);
    connect(m_identify, &IdentifyPanel::clearRequested, this, &MainWindow::clearIdentify);
    // Escape on the map clears the identify mark, as in QGIS.
    auto *clear = new QAction(m_canvas);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_canvas->addAction(clear);
    connect(clear, &QAction::triggered, this, &MainWindow::clearIdentify);
}

void MainWindow::updateViewsMenu()
{
    m_viewsMenu->clear();
    QAction *save = m_viewsMenu->addAction(tr("Save the current view…"));
    save->setEnabled(static_cast<bool>(m_store));
    connect(save, &QAction::triggered, this, &MainWindow::saveViewDialog);
    if (m_project.views.empty())
        return;
    m_viewsMenu->addSeparator();
    for (const core::SavedView &v : m_project.views) {
        const QString name = v.name;
        QAction *a = m_viewsMenu->addAction(name);
        connect(a, &QAction::triggered, this, [this, name] { applyView(name); });
    }
    m_viewsMenu->addSeparator();
    QMenu *remove = m_viewsMenu->addMenu(tr("Delete a view"));
    for (const core::SavedView &v : m_project.views) {
        const QString name = v.name;
        QAction *a = remove->addAction(name);
        connect(a, &QAction::triggered, this, [this, name] { deleteView(name); });
    }
}

void MainWindow::saveViewDialog()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save the current view"), tr("Name of the view:"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok || name.simplified().isEmpty())
        return;
    if (m_project.viewIndex(name.simplified()) >= 0 &&
        QMessageBox::question(
            this, tr("Save the current view"),
            tr("A view named \"%1\" exists. Replace it?").arg(name.simplified())) !=
            QMessageBox::Yes)
        return;
    saveView(name);
}

// --- extents ----------------------------------------------------------------------------------

void MainWindow::zoomFull()
{
    // The study area: the city's own areas, never data imported from far away nor results.
    QRectF area;
    QRectF all;
    for (const LayerState &l : m_layers->layers()) {
        if (!l.data || l.data->size() == 0)
            continue;
        all = all.isNull() ? l.data->extent : all.united(l.data->extent);
        const core::LayerManifest *known = core::LayerRegistry::instance().find(l.manifest.id);
        if (!l.isResult && l.manifest.geometryType == core::GeometryType::Polygon && known &&
            known->origin.startsWith(QLatin1String(":/")))
            area = area.isNull() ? l.data->extent : area.united(l.data->extent);
    }
    const QRectF target = area.isNull() ? all : area;
    if (!target.isNull())
        m_canvas->zoomToRect(target);
}

void MainWindow::zoomAllLayers()
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

// --- layers -----------------------------------------------------------------------------------

void MainWindow::renameLayer(const QString &layerId, const QString &title)
{
    m_layers->renameLayer(layerId, title);
    if (m_table && m_table->layerId() == layerId)
        updateAttributeTable();
}

void MainWindow::renameLayerDialog(const QString &layerId)
{
    const auto &layers = m_layers->layers();
    const auto it = std::find_if(layers.begin(), layers.end(),
                                 [&](const LayerState &l) { return l.manifest.id == layerId; });
    if (it == layers.end())
        return;
    bool ok = false;
    const QString title =
        QInputDialog::getText(this, tr("Rename the layer"), tr("Name shown for the layer:"),
                              QLineEdit::Normal, it->title(m_language), &ok);
    if (ok && !title.simplified().isEmpty())
        renameLayer(layerId, title);
}

bool MainWindow::removeLayer(const QString &layerId)
{
    if (!m_store)
        return false;
    if (m_store->store->isReadOnly()) {
        showError(tr("Remove the layer"),
                  tr("The workspace is read-only (%1).").arg(m_store->store->readOnlyReason()));
        return false;
    }
    std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
    if (!lock.owns_lock()) {
        showError(tr("Remove the layer"), tr("The workspace is busy; try again in a moment."));
        return false;
    }
    QStringList ids;
    try {
        ids = core::layersRemovedWith(*m_store->store, layerId);
    } catch (const core::Exception &e) {
        showError(tr("Remove the layer"), e.error().message);
        return false;
    }
    if (m_interactive) {
        QStringList titles;
        for (const LayerState &l : m_layers->layers())
            if (ids.contains(l.manifest.id))
                titles << QStringLiteral("• ") + l.title(m_language);
        const QString text =
            ids.size() > 1
                ? tr("Remove these layers from the workspace? They are the results of one run, "
                     "removed together with its record.\n\n%1")
                      .arg(titles.join(QLatin1Char('\n')))
                : tr("Remove the layer \"%1\" from the workspace? Its features are deleted from "
                     "the file.")
                      .arg(titles.value(0).mid(2));
        lock.unlock(); // not held while the user reads
        if (QMessageBox::question(this, tr("Remove the layer"), text) != QMessageBox::Yes)
            return false;
        lock.lock();
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto removed = core::removeLayerAndResults(*m_store->store, layerId);
    QApplication::restoreOverrideCursor();
    lock.unlock();
    if (!removed.ok()) {
        showError(tr("Remove the layer"), removed.error().message);
        return false;
    }
    if (m_table && removed.value().contains(m_table->layerId()))
        m_tableDock->hide();
    m_layers->removeLayers(removed.value());
    m_layerCount = static_cast<int>(m_layers->layers().size());
    m_placeIndexKey.clear();
    statusBar()->showMessage(
        tr("%n layer(s) removed.", nullptr, static_cast<int>(removed.value().size())), 5000);
    saveProject();
    return true;
}

} // namespace vigie::gui
