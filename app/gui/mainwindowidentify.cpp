// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's identify tool: every visible feature and raster cell under the cursor,
// coded values shown by their names, the chosen hit marked on the map until cleared.
#include "mainwindow.h"

#include "attributetable.h"
#include "identifypanel.h"
#include "layerpanel.h"
#include "mapcanvas.h"

#include "core/store/store.h"
#include "render/identify.h"

#include <QDockWidget>
#include <QLocale>

namespace vigie::gui {

namespace {

/// More layers than this under one click are not listed (a result of the click, not a list).
constexpr std::size_t kMaxHits = 30;

} // namespace

const QHash<QString, QString> &MainWindow::codeNames(const QString &layerId, const QString &field)
{
    if (m_codeNamesGeneration != m_generation) {
        m_codeNames.clear();
        m_codeNamesGeneration = m_generation;
    }
    const QString key = layerId + QLatin1Char('|') + field;
    if (const auto it = m_codeNames.constFind(key); it != m_codeNames.cend())
        return *it;
    QHash<QString, QString> names;
    // An area layer (with names) whose features carry the same field: its codes name them.
    for (const LayerState &area : m_layers->layers()) {
        if (area.manifest.id == layerId || area.isResult || !area.data ||
            area.manifest.geometryType != core::GeometryType::Polygon ||
            area.manifest.labelField.isEmpty() || area.manifest.labelField == field ||
            !area.manifest.field(field) || area.data->labels.size() != area.data->fids.size())
            continue;
        try {
            const auto codes = m_store->store->textsByFid(area.manifest.id, field);
            for (std::size_t i = 0; i < area.data->fids.size(); ++i) {
                const auto c = codes.find(area.data->fids[i]);
                if (c != codes.end() && !c->second.isEmpty() && !area.data->labels[i].isEmpty())
                    names.insert(c->second, area.data->labels[i]);
            }
        } catch (const core::Exception &) {
            continue;
        }
        if (!names.isEmpty())
            break;
    }
    return *m_codeNames.insert(key, names);
}

void MainWindow::identifyAt(const QPointF &mapPoint, double toleranceMapUnits)
{
    try {
        if (!m_store)
            return;
        const render::MapSettings settings = m_canvas->settings();
        std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
        if (!lock.owns_lock()) {
            m_identify->showMessage(tr("The workspace is busy; try again in a moment."));
            return;
        }
        std::vector<IdentifyHit> hits;
        m_hitMarks.clear();
        for (const LayerState &l : m_layers->layers()) { // topmost first
            if (!l.visible || !l.data || hits.size() >= kMaxHits)
                continue;
            IdentifyHit hit;
            hit.manifest = l.manifest;
            hit.layerTitle = l.title(m_language);
            if (l.data->isRaster()) {
                hit.rasterValue = render::rasterValueAt(*l.data, mapPoint);
                if (!hit.rasterValue)
                    continue;
                hits.push_back(std::move(hit));
                m_hitMarks.push_back({l.manifest.id, 0, mapPoint, true});
                continue;
            }
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
            auto attributes = m_store->store->attributes(l.manifest.id, l.data->fids[*row]);
            if (!attributes.ok()) {
                m_identify->showMessage(attributes.error().message);
                return;
            }
            hit.attributes = std::move(attributes.value());
            for (const core::FieldDef &field : l.manifest.fields) {
                if (field.type != core::FieldType::String && field.type != core::FieldType::Integer)
                    continue;
                const QString value = hit.attributes.value(field.name).toString();
                if (value.isEmpty())
                    continue;
                const auto &names = codeNames(l.manifest.id, field.name);
                if (const auto it = names.constFind(value); it != names.cend())
                    hit.valueNames.insert(field.name, tr("%1 (%2)").arg(*it, value));
            }
            hits.push_back(std::move(hit));
            m_hitMarks.push_back({l.manifest.id, *row, mapPoint, false});
        }
        lock.unlock();
        if (hits.empty()) {
            clearIdentify();
            m_identify->showMessage(tr("No feature here."));
            return;
        }
        const HitMark first = m_hitMarks.front();
        m_identify->showHits(std::move(hits), m_language);
        markHit(0);
        if (!first.raster && m_table && m_table->layerId() == first.layer)
            for (const LayerState &l : m_layers->layers())
                if (l.manifest.id == first.layer && l.data && first.row < l.data->fids.size())
                    m_table->selectFid(l.data->fids[first.row]);
        m_identifyDock->show();
        m_identifyDock->raise();
    } catch (const std::exception &e) {
        m_identify->showMessage(QString::fromUtf8(e.what()));
    }
}

void MainWindow::markHit(int index)
{
    if (index < 0 || index >= static_cast<int>(m_hitMarks.size()))
        return;
    const HitMark &mark = m_hitMarks[index];
    if (mark.raster) {
        m_canvas->setHighlight(mark.point);
        return;
    }
    for (const LayerState &l : m_layers->layers()) {
        if (l.manifest.id != mark.layer || !l.data)
            continue;
        if (l.data->isPoint() && mark.row < l.data->x.size())
            m_canvas->setHighlight(QPointF(l.data->x[mark.row], l.data->y[mark.row]));
        else if (mark.row < l.data->geometries.size())
            m_canvas->setHighlight(l.data->geometries[mark.row]);
        return;
    }
}

void MainWindow::clearIdentify()
{
    m_hitMarks.clear();
    m_canvas->clearHighlight();
    m_identify->showNothing();
}

} // namespace vigie::gui
