// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapcanvas.h"

#include "basemaplayer.h"

#include "core/analytics/feedback.h"
#include "render/basemapdraw.h"
#include "render/decorations.h"
#include "render/maprenderer.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <exception>

namespace vigie::gui {

namespace {

constexpr double kMetresPerInch = 0.0254;
constexpr double kScreenDpi = 96.0;
constexpr double kMinMupp = 0.05;   // about 1:190
constexpr double kMaxMupp = 2000.0; // about 1:7 500 000

CanvasRenderResult renderInBackground(const render::MapSettings &settings,
                                      std::shared_ptr<analytics::Feedback> feedback, quint64 serial)
{
    CanvasRenderResult result;
    result.serial = serial;
    result.extent = QRectF(); // filled by the caller from its own view
    for (const auto &layer : settings.layers)
        if (layer.data)
            ++result.layersWithData;
    try {
        QImage image(settings.outputSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(settings.baseMapBelow ? QColor(Qt::transparent) : settings.background);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setRenderHint(QPainter::TextAntialiasing, true);
            const render::RenderStats stats =
                render::MapRenderer::render(settings, painter, feedback.get());
            result.layersDrawn = stats.layersDrawn;
            result.featuresDrawn = stats.featuresDrawn;
            result.pointsAggregated = stats.pointsAggregated;
            result.milliseconds = stats.milliseconds;
            result.canceled = stats.canceled;
        }
        result.image = std::move(image);
    } catch (const analytics::Canceled &) {
        result.canceled = true;
    } catch (const std::exception &) {
        result.failed = true;
    } catch (...) {
        result.failed = true;
    }
    if (feedback->isCanceled())
        result.canceled = true;
    return result;
}

} // namespace

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent, true);
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &MapCanvas::startRender);
    connect(&m_watcher, &QFutureWatcher<CanvasRenderResult>::finished, this,
            &MapCanvas::renderDone);
    m_baseMap = new BaseMapLayer(this);
    connect(m_baseMap, &BaseMapLayer::frameReady, this, qOverload<>(&QWidget::update));
    connect(m_baseMap, &BaseMapLayer::notice, this, &MapCanvas::baseMapNotice);
    updateCursor();
}

void MapCanvas::setBaseMap(std::optional<core::BaseMapSource> source)
{
    const bool had = m_baseMap->source().has_value();
    m_baseMap->setSource(std::move(source));
    m_base.baseMapBelow = m_baseMap->source().has_value();
    if (had || m_base.baseMapBelow)
        scheduleRender(0);
}

MapCanvas::~MapCanvas()
{
    m_debounce.stop();
    if (m_feedback)
        m_feedback->cancel();
    m_watcher.waitForFinished();
}

void MapCanvas::setLayers(std::vector<render::MapLayer> layers)
{
    m_base.layers = std::move(layers);
    scheduleRender(0);
}

void MapCanvas::setTimeRange(std::int64_t from, std::int64_t to)
{
    if (from == m_base.timeFrom && to == m_base.timeTo)
        return;
    m_base.timeFrom = from;
    m_base.timeTo = to;
    scheduleRender(0);
}

void MapCanvas::setLanguage(const QString &language)
{
    if (language == m_base.language)
        return;
    m_base.language = language;
    scheduleRender(0);
}

void MapCanvas::setHighlight(const core::Geometry &geometry)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const auto &polygon : geometry.polygons)
        for (const auto &ring : polygon)
            if (!ring.empty())
                path.addPolygon(QPolygonF(QList<QPointF>(ring.begin(), ring.end())));
    for (const auto &line : geometry.paths) {
        if (line.empty())
            continue;
        path.moveTo(line.front());
        for (std::size_t i = 1; i < line.size(); ++i)
            path.lineTo(line[i]);
    }
    m_highlightPath = path;
    m_highlightPoint.reset();
    if (path.isEmpty())
        m_highlightPoint = geometry.point;
    m_hasHighlight = true;
    update();
}

void MapCanvas::setHighlight(const QPointF &point)
{
    m_highlightPath = QPainterPath();
    m_highlightPoint = point;
    m_hasHighlight = true;
    update();
}

void MapCanvas::clearHighlight()
{
    m_hasHighlight = false;
    m_highlightPath = QPainterPath();
    m_highlightPoint.reset();
    update();
}

void MapCanvas::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void MapCanvas::setTool(Tool tool)
{
    m_tool = tool;
    m_rubber = false;
    updateCursor();
    update();
}

void MapCanvas::setPickMode(bool on)
{
    if (m_pickMode == on)
        return;
    m_pickMode = on;
    m_rubber = false;
    updateCursor();
}

void MapCanvas::updateCursor()
{
    if (m_pickMode) {
        setCursor(m_panning ? Qt::ClosedHandCursor : Qt::CrossCursor);
        return;
    }
    switch (m_tool) {
    case Tool::Pan:
        setCursor(m_panning ? Qt::ClosedHandCursor : Qt::OpenHandCursor);
        break;
    case Tool::ZoomBox:
        setCursor(Qt::CrossCursor);
        break;
    case Tool::Identify:
        setCursor(Qt::WhatsThisCursor);
        break;
    }
}

void MapCanvas::setView(const QPointF &center, double mapUnitsPerPixel)
{
    if (!std::isfinite(center.x()) || !std::isfinite(center.y()) ||
        !std::isfinite(mapUnitsPerPixel) || mapUnitsPerPixel <= 0)
        return;
    m_center = center;
    m_mupp = std::clamp(mapUnitsPerPixel, kMinMupp, kMaxMupp);
    viewChanged();
    scheduleRender(0);
}

void MapCanvas::zoomToRect(const QRectF &mapRect)
{
    if (!mapRect.isValid() && !(mapRect.width() == 0 && mapRect.height() == 0))
        return;
    const double w = std::max(1, width());
    const double h = std::max(1, height());
    double mupp = std::max(mapRect.width() / w, mapRect.height() / h) * 1.05;
    if (mupp <= 0)
        mupp = 1.0; // a single point: about 1:3 800
    setView(mapRect.center(), mupp);
}

void MapCanvas::showExtent(const QRectF &extent)
{
    if (!extent.isValid())
        return;
    const double w = std::max(1, width());
    const double h = std::max(1, height());
    setView(extent.center(), std::max(extent.width() / w, extent.height() / h));
}

void MapCanvas::zoomBy(double factor, const QPointF &pixel)
{
    const QPointF anchor = toMap(pixel);
    const double newMupp = std::clamp(m_mupp * factor, kMinMupp, kMaxMupp);
    const double f = newMupp / m_mupp;
    m_center = anchor + (m_center - anchor) * f;
    m_mupp = newMupp;
    viewChanged();
    scheduleRender(120);
}

void MapCanvas::zoomBy(double factor)
{
    zoomBy(factor, QPointF(width() / 2.0, height() / 2.0));
}

QRectF MapCanvas::visibleExtent() const
{
    const double w = width() * m_mupp;
    const double h = height() * m_mupp;
    return QRectF(m_center.x() - w / 2.0, m_center.y() - h / 2.0, w, h);
}

double MapCanvas::scaleDenominator() const
{
    return m_mupp * kScreenDpi / kMetresPerInch;
}

QPointF MapCanvas::toMap(const QPointF &pixel) const
{
    return QPointF(m_center.x() + (pixel.x() - width() / 2.0) * m_mupp,
                   m_center.y() - (pixel.y() - height() / 2.0) * m_mupp);
}

QPointF MapCanvas::toPixel(const QPointF &mapPoint) const
{
    return QPointF((mapPoint.x() - m_center.x()) / m_mupp + width() / 2.0,
                   (m_center.y() - mapPoint.y()) / m_mupp + height() / 2.0);
}

render::MapSettings MapCanvas::settings() const
{
    render::MapSettings s = m_base;
    s.outputSize = QSize(std::max(1, width()), std::max(1, height()));
    s.extent = visibleExtent();
    s.dpi = kScreenDpi;
    return s;
}

bool MapCanvas::isRendering() const
{
    return m_watcher.isRunning() || m_debounce.isActive();
}

void MapCanvas::refresh()
{
    scheduleRender(0);
}

void MapCanvas::viewChanged()
{
    const double scale = scaleDenominator();
    if (std::abs(scale - m_lastScale) > 1e-6) {
        m_lastScale = scale;
        emit scaleChanged(scale);
    }
    emit extentChanged();
    update();
}

void MapCanvas::scheduleRender(int delayMs)
{
    ++m_changeSerial;
    // An in-flight render for an outdated view is stopped; a new one starts once it returns.
    if (m_watcher.isRunning() && m_feedback)
        m_feedback->cancel();
    m_debounce.start(delayMs);
}

void MapCanvas::startRender()
{
    if (m_watcher.isRunning()) {
        if (m_feedback)
            m_feedback->cancel();
        m_restartAfterCancel = true;
        return;
    }
    if (width() <= 0 || height() <= 0)
        return;
    const render::MapSettings s = settings();
    m_baseMap->request(s.extent, s.outputSize);
    auto feedback = std::make_shared<analytics::Feedback>();
    m_feedback = feedback;
    const quint64 serial = m_changeSerial;
    const QRectF extent = s.extent;
    m_watcher.setFuture(QtConcurrent::run([s, feedback, serial, extent]() {
        CanvasRenderResult r = renderInBackground(s, feedback, serial);
        r.extent = extent;
        return r;
    }));
}

void MapCanvas::renderDone()
{
    CanvasRenderResult result = m_watcher.result();
    const quint64 serial = result.serial;
    const bool canceled = result.canceled;
    if (!result.canceled && !result.failed && !result.image.isNull()) {
        m_image = result.image;
        m_imageExtent = result.extent;
        result.image = QImage(); // keep one copy only
        m_last = std::move(result);
        ++m_renderCount;
        update();
        emit renderFinished();
    }
    // A failed render is not retried for the same view (it would fail again).
    const bool outdated = canceled || serial != m_changeSerial || m_restartAfterCancel;
    m_restartAfterCancel = false;
    if (outdated && !m_debounce.isActive())
        startRender();
}

void MapCanvas::setSelection(std::vector<QPointF> points, const QPainterPath &areas)
{
    m_selectionPoints = std::move(points);
    m_selectionAreas = areas;
    update();
}

void MapCanvas::drawSelection(QPainter &p) const
{
    const QColor ink(0xff, 0xd6, 0x00);
    if (!m_selectionAreas.isEmpty()) {
        const QTransform t(1.0 / m_mupp, 0, 0, -1.0 / m_mupp, width() / 2.0 - m_center.x() / m_mupp,
                           height() / 2.0 + m_center.y() / m_mupp);
        p.setBrush(QColor(0xff, 0xd6, 0x00, 60));
        p.setPen(QPen(ink, 2.0));
        p.drawPath(t.map(m_selectionAreas));
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x20, 0x20, 0x20), 3.2));
    const QRectF area = QRectF(rect()).adjusted(-8, -8, 8, 8);
    std::vector<QPointF> shown;
    shown.reserve(std::min<std::size_t>(m_selectionPoints.size(), 20000));
    for (const QPointF &m : m_selectionPoints) {
        const QPointF c = toPixel(m);
        if (area.contains(c) && shown.size() < 20000)
            shown.push_back(c);
    }
    for (const QPointF &c : shown)
        p.drawEllipse(c, 5.5, 5.5);
    p.setPen(QPen(ink, 2.0));
    for (const QPointF &c : shown)
        p.drawEllipse(c, 5.5, 5.5);
}

void MapCanvas::setCaption(const QString &text)
{
    if (text == m_caption)
        return;
    m_caption = text;
    update();
}

void MapCanvas::drawCaption(QPainter &p) const
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    p.setFont(f);
    const QFontMetrics fm(f);
    const int w = fm.horizontalAdvance(m_caption) + 24;
    const QRect box((width() - w) / 2, 10, w, fm.height() + 12);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRoundedRect(box, 6, 6);
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.drawText(box, Qt::AlignCenter, m_caption);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_base.background);
    const BaseMapFrame &base = m_baseMap->frame();
    if (m_baseMap->source() && !base.image.isNull()) {
        const QRectF target(toPixel(base.extent.bottomLeft()), toPixel(base.extent.topRight()));
        p.setRenderHint(QPainter::SmoothPixmapTransform, !m_panning);
        p.drawImage(target.normalized(), base.image);
    }
    if (!m_image.isNull()) {
        const QRectF target(toPixel(m_imageExtent.bottomLeft()), toPixel(m_imageExtent.topRight()));
        p.setRenderHint(QPainter::SmoothPixmapTransform, !m_panning);
        p.drawImage(target.normalized(), m_image);
    }
    if (m_base.layers.empty() && !m_placeholder.isEmpty()) {
        p.setPen(QColor(0x60, 0x60, 0x60));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        p.setFont(f);
        p.drawText(rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
    }

    const render::MapSettings s = settings();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (!m_selectionPoints.empty() || !m_selectionAreas.isEmpty())
        drawSelection(p);
    if (!m_caption.isEmpty())
        drawCaption(p);
    if (m_baseMap->source())
        render::drawAttribution(p, QRectF(rect()).adjusted(0, 0, -2, -2),
                                m_baseMap->source()->attribution);
    if (m_hasHighlight) {
        const QColor halo(255, 255, 255, 200);
        const QColor ink(0x00, 0xb4, 0xd8);
        if (!m_highlightPath.isEmpty()) {
            const QTransform t(1.0 / m_mupp, 0, 0, -1.0 / m_mupp,
                               width() / 2.0 - m_center.x() / m_mupp,
                               height() / 2.0 + m_center.y() / m_mupp);
            const QPainterPath path = t.map(m_highlightPath);
            p.setBrush(QColor(0x00, 0xb4, 0xd8, 45));
            p.setPen(QPen(halo, 5.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(path);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(ink, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(path);
        } else if (m_highlightPoint) {
            const QPointF c = toPixel(*m_highlightPoint);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(halo, 5.0));
            p.drawEllipse(c, 9, 9);
            p.setPen(QPen(ink, 2.5));
            p.drawEllipse(c, 9, 9);
        }
    }
    try {
        render::drawScaleBar(p, s, QRectF(14, height() - 46, 230, 34));
        render::drawNorthArrow(p, QRectF(width() - 54, 14, 38, 56));
    } catch (...) {
        // decorations are cosmetic: never let them break painting
    }

    if (m_rubber) {
        const QRectF r = QRectF(m_pressPos, m_rubberEnd).normalized();
        p.setPen(QPen(QColor(0x1f, 0x5f, 0xa8), 1.0, Qt::DashLine));
        p.setBrush(QColor(0x1f, 0x5f, 0xa8, 40));
        p.drawRect(r);
    }
    p.end();

    if (!m_image.isNull() && m_paintedCount < m_renderCount) {
        m_paintedCount = m_renderCount;
        emit mapPainted();
    }
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    viewChanged();
    scheduleRender(60);
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
    m_lastPos = event->position();
    m_moved = false;
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (m_tool == Tool::Pan || m_pickMode))) {
        m_panning = true;
        updateCursor();
    } else if (event->button() == Qt::LeftButton && m_tool == Tool::ZoomBox) {
        m_rubber = true;
        m_rubberEnd = m_pressPos;
    }
    event->accept();
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    emit cursorMoved(toMap(pos));
    if ((pos - m_pressPos).manhattanLength() > 3)
        m_moved = true;
    if (m_panning) {
        const QPointF delta = pos - m_lastPos;
        m_center += QPointF(-delta.x() * m_mupp, delta.y() * m_mupp);
        m_lastPos = pos;
        update();
    } else if (m_rubber) {
        m_rubberEnd = pos;
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_panning) {
        m_panning = false;
        updateCursor();
        if (m_moved) {
            viewChanged();
            scheduleRender(0);
        } else if (m_pickMode && event->button() == Qt::LeftButton) {
            emit pointPicked(toMap(pos), 6.0 * m_mupp);
        }
        return;
    }
    if (m_rubber) {
        m_rubber = false;
        const QRectF r = QRectF(m_pressPos, pos).normalized();
        if (r.width() > 4 && r.height() > 4) {
            const QRectF mapRect = QRectF(toMap(r.topLeft()), toMap(r.bottomRight())).normalized();
            zoomToRect(mapRect);
        } else {
            zoomBy(0.5, pos);
        }
        update();
        return;
    }
    if (event->button() == Qt::LeftButton && m_tool == Tool::Identify && !m_moved) {
        emit identifyRequested(toMap(pos), 6.0 * m_mupp);
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_tool == Tool::Pan && !m_pickMode)
        zoomBy(0.5, event->position());
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    zoomBy(std::pow(1.25, -steps), event->position());
    event->accept();
}

void MapCanvas::leaveEvent(QEvent *)
{
    // keep the last coordinates displayed; nothing to do
}

} // namespace vigie::gui
