// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the attribute table dock and the selection it shares with the map.

#include "mainwindow.h"

#include "attributetable.h"
#include "layerpanel.h"
#include "mapcanvas.h"

#include <QDockWidget>
#include <QStatusBar>

#include <unordered_map>
#include <unordered_set>

namespace vigie::gui {

namespace {

const LayerState *findState(const std::vector<LayerState> &layers, const QString &id)
{
    for (const LayerState &l : layers)
        if (l.manifest.id == id)
            return &l;
    return nullptr;
}

} // namespace

bool MainWindow::openAttributeTable(const QString &layerId)
{
    const LayerState *layer = findState(m_layers->layers(), layerId);
    if (!layer || !layer->data || layer->data->isRaster() || !m_store) {
        statusBar()->showMessage(tr("This layer has no attribute table."), 5000);
        return false;
    }
    if (!m_table) {
        m_table = new AttributeTable(this);
        m_tableDock = new QDockWidget(this);
        m_tableDock->setObjectName(QStringLiteral("attributeTableDock"));
        m_tableDock->setWidget(m_table);
        m_tableDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                                 QDockWidget::DockWidgetFloatable);
        // A tab beside the period: side by side, both would be squeezed at 1280 × 800.
        addDockWidget(Qt::BottomDockWidgetArea, m_tableDock);
        if (m_timeDock && !m_timeDock->isFloating())
            tabifyDockWidget(m_timeDock, m_tableDock);
        connect(m_table, &AttributeTable::selectionChanged, this, &MainWindow::showTableSelection);
        connect(m_table, &AttributeTable::zoomToSelectionRequested, this,
                &MainWindow::zoomToTableSelection);
    }
    m_table->setLayer(m_store, layer->data, m_language);
    m_tableDock->setWindowTitle(
        tr("Attribute table — %1").arg(layer->manifest.title.text(m_language)));
    updateAttributeTable();
    m_tableDock->show();
    m_tableDock->raise();
    // Room for about eight rows; the map keeps the rest.
    if (!m_tableDock->isFloating())
        resizeDocks({m_tableDock}, {std::max(m_tableDock->height(), 250)}, Qt::Vertical);
    return true;
}

void MainWindow::updateAttributeTable()
{
    if (!m_table || m_table->layerId().isEmpty())
        return;
    const LayerState *layer = findState(m_layers->layers(), m_table->layerId());
    if (!layer || !layer->data) {
        m_table->setLayer(nullptr, nullptr, m_language);
        showTableSelection({});
        return;
    }
    if (layer->data.get() != &m_table->model()->snapshot())
        m_table->setLayer(m_store, layer->data, m_language); // reloaded (import, sync)
    const render::MapSettings s = m_canvas->settings();
    m_table->setFilter(s.timeFrom, s.timeTo, layer->categoryVisible);
}

void MainWindow::showTableSelection(const std::vector<std::int64_t> &fids)
{
    std::vector<QPointF> points;
    QPainterPath areas;
    areas.setFillRule(Qt::WindingFill);
    if (m_table && m_table->model() && !fids.empty()) {
        const core::LayerSnapshot &s = m_table->model()->snapshot();
        std::unordered_map<std::int64_t, std::size_t> rowOf;
        rowOf.reserve(s.size());
        for (std::size_t r = 0; r < s.size(); ++r)
            rowOf.emplace(s.fids[r], r);
        for (const std::int64_t fid : fids) {
            const auto it = rowOf.find(fid);
            if (it == rowOf.end())
                continue;
            const std::size_t r = it->second;
            if (s.isPoint() && r < s.x.size()) {
                points.emplace_back(s.x[r], s.y[r]);
            } else if (r < s.geometries.size()) {
                for (const auto &polygon : s.geometries[r].polygons)
                    for (const auto &ring : polygon)
                        areas.addPolygon(QPolygonF(QList<QPointF>(ring.begin(), ring.end())));
                for (const auto &line : s.geometries[r].paths)
                    if (!line.empty()) {
                        areas.moveTo(line.front());
                        for (std::size_t i = 1; i < line.size(); ++i)
                            areas.lineTo(line[i]);
                    }
            }
        }
    }
    m_canvas->setSelection(std::move(points), areas);
}

void MainWindow::zoomToTableSelection()
{
    if (!m_table || !m_table->model())
        return;
    const std::vector<std::int64_t> fids = m_table->selectedFids();
    const core::LayerSnapshot &s = m_table->model()->snapshot();
    const std::unordered_set<std::int64_t> wanted(fids.begin(), fids.end());
    // Points have empty boxes, which QRectF::united() ignores: the corners are kept by hand.
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool any = false;
    auto take = [&](double ax, double ay, double bx, double by) {
        x0 = any ? std::min(x0, ax) : ax;
        y0 = any ? std::min(y0, ay) : ay;
        x1 = any ? std::max(x1, bx) : bx;
        y1 = any ? std::max(y1, by) : by;
        any = true;
    };
    for (std::size_t r = 0; r < s.size(); ++r) {
        if (!wanted.count(s.fids[r]))
            continue;
        if (s.isPoint() && r < s.x.size()) {
            take(s.x[r], s.y[r], s.x[r], s.y[r]);
        } else if (r < s.geometries.size()) {
            const QRectF g = s.geometries[r].bounds.normalized();
            take(g.left(), g.top(), g.right(), g.bottom());
        }
    }
    if (!any) {
        statusBar()->showMessage(tr("Select rows in the table first."), 4000);
        return;
    }
    const QRectF box(QPointF(x0, y0), QPointF(x1, y1));
    const double margin = std::max({box.width(), box.height(), 200.0}) * 0.15;
    m_canvas->zoomToRect(box.adjusted(-margin, -margin, margin, margin));
}

} // namespace vigie::gui
