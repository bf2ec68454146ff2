// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the place search (the toolbar's search box and where it leads).

#include "mainwindow.h"

#include "layerpanel.h"
#include "mapcanvas.h"
#include "placesearchbox.h"

#include "core/search/placesearch.h"
#include "core/store/store.h"

#include <QStatusBar>

#include <mutex>

namespace vigie::gui {

namespace {

/// Metres per pixel that show a point place at about 1:4 000 on a 96 dpi screen.
constexpr double kPlaceMupp = 4000.0 * 0.0254 / 96.0;

} // namespace

const core::PlaceIndex *MainWindow::placeIndex()
{
    if (!m_store)
        return nullptr;
    std::vector<core::LayerSnapshotPtr> snapshots;
    QString key;
    for (const LayerState &l : m_layers->layers()) {
        if (!l.data)
            continue;
        snapshots.push_back(l.data);
        key += QString::number(quintptr(l.data.get()), 16) + QLatin1Char(';');
    }
    if (m_placeIndex && key == m_placeIndexKey)
        return m_placeIndex.get();
    std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
    if (!lock.owns_lock()) {
        statusBar()->showMessage(tr("The workspace is busy; try again in a moment."), 4000);
        return m_placeIndex.get(); // the last one, if any
    }
    try {
        m_placeIndex = std::make_unique<core::PlaceIndex>(
            core::PlaceIndex::build(*m_store->store, snapshots, m_language));
        m_placeIndexKey = key;
    } catch (const core::Exception &e) {
        statusBar()->showMessage(e.error().message, 8000);
        return nullptr;
    }
    return m_placeIndex.get();
}

void MainWindow::goToPlace(const core::Place &place)
{
    if (place.bounds.isValid() && place.bounds.width() > 1.0 && place.bounds.height() > 1.0) {
        const double margin = std::max(place.bounds.width(), place.bounds.height()) * 0.15;
        m_canvas->zoomToRect(place.bounds.adjusted(-margin, -margin, margin, margin));
    } else {
        m_canvas->setView(place.point, kPlaceMupp);
    }
    // The area's outline, or a ring on the point.
    bool outlined = false;
    for (const LayerState &l : m_layers->layers()) {
        if (l.manifest.id != place.layerId || !l.data)
            continue;
        for (std::size_t row = 0; row < l.data->size() && row < l.data->geometries.size(); ++row) {
            if (l.data->fids[row] == place.fid && !l.data->geometries[row].polygons.empty()) {
                m_canvas->setHighlight(l.data->geometries[row]);
                outlined = true;
            }
        }
    }
    if (!outlined)
        m_canvas->setHighlight(place.point);
    statusBar()->showMessage(tr("%1 (%2)").arg(place.text, place.detail), 8000);
}

} // namespace vigie::gui
