// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/maprenderer.h"

#include "core/analytics/feedback.h"
#include "render/basemapdraw.h"
#include "render/pointindex.h"
#include "render/symbolstyle.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <numeric>

namespace vigie::render {

namespace {

/// Point layers with a label field (events) are labelled only when zoomed in beyond 1:N.
constexpr double kPointLabelMaxScale = 40000.0;
/// Over a base map, plain polygon fills keep this share of their opacity.
constexpr double kFillOverBaseMap = 0.2;
/// Polygons are labelled when their screen box can hold this share of the label.
constexpr double kLabelFitWidth = 0.8;
constexpr double kLabelFitHeight = 1.3;
/// Size of a density cell at 96 dpi (pixels); scaled with dpi.
constexpr double kCellPixelsAt96 = 4.0;
/// Steps between grey (mixed or thin evidence) and the full category colour of a density cell.
constexpr int kClarityLevels = 8;
/// Cancellation is polled every this many rows inside a layer.
constexpr std::size_t kBatch = 65536;

struct Canceled
{
};

/// The map -> pixel mapping as plain numbers (faster than QTransform in the point loops).
struct Viewport
{
    double left = 0.0;
    double top = 0.0; ///< northern edge (map y)
    double k = 1.0;   ///< pixels per map unit
    int width = 0;
    int height = 0;
    QRectF extent;

    QPointF toPixel(const QPointF &p) const { return {(p.x() - left) * k, (top - p.y()) * k}; }
    double px(double x) const { return (x - left) * k; }
    double py(double y) const { return (top - y) * k; }
};

/// A label waiting for placement: anchor in pixels, placed later over all layers.
struct LabelCandidate
{
    QString text;
    QPointF anchor;      ///< pixels
    bool centred = true; ///< polygons: centred; points: to the right of the marker
    double offset = 0.0; ///< points: horizontal gap from the anchor (pixels)
    double points = 8.0;
    QColor color;
    double priority = 0.0; ///< larger first, within a layer
    int layerOrder = 0;    ///< larger (upper layers) first
};

/// Bounding boxes overlap, degenerate boxes (horizontal / vertical lines, points) included.
inline bool overlaps(const QRectF &a, const QRectF &b)
{
    return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() &&
           b.top() <= a.bottom();
}

/// Premultiplied source-over of one ARGB32 pixel.
inline std::uint32_t blendOver(std::uint32_t src, std::uint32_t dst)
{
    const std::uint32_t inv = 255u - (src >> 24);
    if (inv == 0)
        return src;
    if (inv == 255)
        return dst;
    std::uint32_t rb = (dst & 0x00ff00ffu) * inv;
    rb = ((rb + ((rb >> 8) & 0x00ff00ffu) + 0x00800080u) >> 8) & 0x00ff00ffu;
    std::uint32_t ag = ((dst >> 8) & 0x00ff00ffu) * inv;
    ag = (ag + ((ag >> 8) & 0x00ff00ffu) + 0x00800080u) & 0xff00ff00u;
    return src + rb + ag;
}

inline std::uint32_t premultiplied(const QColor &c, double alpha = 1.0)
{
    const int a = std::clamp(int(std::lround(c.alpha() * alpha)), 0, 255);
    auto ch = [a](int v) { return std::uint32_t((v * a + 127) / 255); };
    return (std::uint32_t(a) << 24) | (ch(c.red()) << 16) | (ch(c.green()) << 8) | ch(c.blue());
}

/// A scratch ARGB32 premultiplied image for one layer, with the box of what was drawn.
class LayerCanvas
{
public:
    explicit LayerCanvas(QSize size) : m_image(size, QImage::Format_ARGB32_Premultiplied) {}
    QImage &image() { return m_image; }
    void clear()
    {
        if (!m_dirty.isEmpty()) {
            const int w = m_image.width();
            for (int y = m_dirty.top(); y <= m_dirty.bottom(); ++y) {
                auto *line = reinterpret_cast<std::uint32_t *>(m_image.scanLine(y));
                std::fill(line + std::max(0, m_dirty.left()),
                          line + std::min(w, m_dirty.right() + 1), 0u);
            }
        }
        m_dirty = QRect();
    }
    void clearAll()
    {
        m_image.fill(Qt::transparent);
        m_dirty = QRect();
    }
    void markDirty(const QRect &r) { m_dirty |= r.intersected(m_image.rect()); }
    void markAllDirty() { m_dirty = m_image.rect(); }
    QRect dirty() const { return m_dirty; }

    /// Blends `sprite` with its top-left at (x, y).
    void stamp(const QImage &sprite, int x, int y)
    {
        const int w = m_image.width();
        const int h = m_image.height();
        const int sw = sprite.width();
        const int sh = sprite.height();
        const int x0 = std::max(0, x), x1 = std::min(w, x + sw);
        const int y0 = std::max(0, y), y1 = std::min(h, y + sh);
        if (x0 >= x1 || y0 >= y1)
            return;
        for (int yy = y0; yy < y1; ++yy) {
            auto *dst = reinterpret_cast<std::uint32_t *>(m_image.scanLine(yy));
            const auto *src = reinterpret_cast<const std::uint32_t *>(sprite.constScanLine(yy - y));
            for (int xx = x0; xx < x1; ++xx)
                dst[xx] = blendOver(src[xx - x], dst[xx]);
        }
        m_dirty |= QRect(x0, y0, x1 - x0, y1 - y0);
    }

    /// Blends a solid square of premultiplied colour `c`.
    void fillSquare(int x, int y, int side, std::uint32_t c)
    {
        const int w = m_image.width();
        const int h = m_image.height();
        const int x0 = std::max(0, x), x1 = std::min(w, x + side);
        const int y0 = std::max(0, y), y1 = std::min(h, y + side);
        for (int yy = y0; yy < y1; ++yy) {
            auto *dst = reinterpret_cast<std::uint32_t *>(m_image.scanLine(yy));
            for (int xx = x0; xx < x1; ++xx)
                dst[xx] = blendOver(c, dst[xx]);
        }
        if (x0 < x1 && y0 < y1)
            m_dirty |= QRect(x0, y0, x1 - x0, y1 - y0);
    }

private:
    QImage m_image;
    QRect m_dirty;
};

/// Pre-rendered marker of one colour, stamped at each point.
struct Sprite
{
    QImage image;
    double half = 0.0; ///< offset from the top-left to the marker centre
};

Sprite makeSprite(const QPainterPath &marker, const QColor &fill, const QColor &outline,
                  double outlineWidth)
{
    const QRectF box =
        marker.boundingRect().adjusted(-outlineWidth, -outlineWidth, outlineWidth, outlineWidth);
    const int side = int(std::ceil(std::max(box.width(), box.height()))) + 2;
    Sprite s;
    s.image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
    s.image.fill(Qt::transparent);
    s.half = side / 2.0;
    QPainter p(&s.image);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(s.half, s.half);
    p.setBrush(fill);
    if (outlineWidth > 0.0 && outline.alpha() > 0)
        p.setPen(QPen(outline, outlineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    else
        p.setPen(Qt::NoPen);
    p.drawPath(marker);
    return s;
}

/// Map path -> pixel polyline, dropping vertices closer than `minStep` pixels to the previous.
QPolygonF toPixels(const core::Path &path, const Viewport &vp, double minStep)
{
    QPolygonF out;
    out.reserve(int(path.size()));
    const double min2 = minStep * minStep;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const QPointF p = vp.toPixel(path[i]);
        if (!out.isEmpty() && i + 1 < path.size()) {
            const QPointF d = p - out.back();
            if (d.x() * d.x() + d.y() * d.y() < min2)
                continue;
        }
        out.append(p);
    }
    return out;
}

class Renderer
{
public:
    Renderer(const MapSettings &settings, QPainter &painter, const analytics::Feedback *feedback)
        : m_settings(settings), m_painter(painter), m_feedback(feedback)
    {
        const QRectF v = settings.visibleExtent();
        const double mupp = settings.mapUnitsPerPixel();
        m_vp.left = v.left();
        m_vp.top = v.bottom();
        m_vp.k = mupp > 0.0 ? 1.0 / mupp : 1.0;
        m_vp.width = settings.outputSize.width();
        m_vp.height = settings.outputSize.height();
        m_vp.extent = v;
        m_raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
        m_scale = settings.scaleDenominator();
    }

    RenderStats run()
    {
        QElapsedTimer timer;
        timer.start();
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.setRenderHint(QPainter::TextAntialiasing, true);
        if (!m_settings.baseMapBelow)
            m_painter.fillRect(QRectF(QPointF(0, 0), QSizeF(m_settings.outputSize)),
                               m_settings.background);
        if (m_settings.baseMap) {
            const BaseMapOutcome base = drawBaseMap(m_painter, m_settings, m_feedback);
            m_stats.baseMapDrawn = base.drawn;
            m_stats.baseMapOffline = base.offline;
            m_stats.baseMapProblem = base.problem;
        }
        if (m_vp.width > 0 && m_vp.height > 0 && m_vp.extent.isValid()) {
            try {
                for (std::size_t i = 0; i < m_settings.layers.size(); ++i) {
                    checkCanceled();
                    const MapLayer &layer = m_settings.layers[i];
                    if (!layer.visible || !layer.data || layer.opacity <= 0.0)
                        continue;
                    drawLayer(layer, int(i));
                    ++m_stats.layersDrawn;
                }
                checkCanceled();
                placeLabels();
            } catch (const Canceled &) {
                m_stats.canceled = true;
            }
        }
        if (m_settings.baseMap && m_stats.baseMapDrawn)
            drawAttribution(m_painter, QRectF(QPointF(0, 0), QSizeF(m_settings.outputSize)),
                            m_settings.baseMap->attribution);
        m_painter.restore();
        m_stats.milliseconds = double(timer.nsecsElapsed()) / 1.0e6;
        return m_stats;
    }

private:
    void checkCanceled() const
    {
        if (m_feedback && m_feedback->isCanceled())
            throw Canceled{};
    }

    LayerCanvas &canvas()
    {
        if (!m_canvas) {
            // Reused between frames of the same size on this thread (the GUI redraws often):
            // saves allocating and clearing 4 MB per frame. Cleared through its dirty box.
            thread_local std::unique_ptr<LayerCanvas> cache;
            if (!cache || cache->image().size() != m_settings.outputSize) {
                cache = std::make_unique<LayerCanvas>(m_settings.outputSize);
                cache->clearAll();
            }
            cache->clear();
            m_canvas = cache.get();
        }
        return *m_canvas;
    }

    /// Draws the layer canvas onto the map with the layer opacity, then clears it.
    void compose(double opacity)
    {
        LayerCanvas &c = canvas();
        const QRect r = c.dirty();
        if (!r.isEmpty()) {
            m_painter.save();
            m_painter.setOpacity(std::clamp(opacity, 0.0, 1.0));
            m_painter.drawImage(r.topLeft(), c.image(), r);
            m_painter.restore();
        }
        c.clear();
    }

    void drawLayer(const MapLayer &layer, int order)
    {
        const core::LayerSnapshot &s = *layer.data;
        switch (s.manifest.geometryType) {
        case core::GeometryType::Point:
            drawPoints(layer, order);
            break;
        case core::GeometryType::Line:
        case core::GeometryType::Polygon:
            drawShapes(layer, order);
            break;
        case core::GeometryType::Raster:
            drawRaster(layer);
            break;
        }
    }

    // --- Rasters (analysis grids) -----------------------------------------------------------

    /// Samples the grid at each output pixel centre (nearest cell) and colours it by the layer's
    /// ramp; below the first stop and no-data are transparent, so the base map shows through.
    void drawRaster(const MapLayer &layer)
    {
        const core::LayerSnapshot &s = *layer.data;
        if (!s.raster || s.manifest.symbology.ramp.empty())
            return;
        const analytics::Raster &r = *s.raster;
        const analytics::GridSpec &g = r.grid;
        const QSize size = m_settings.outputSize;
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        const std::vector<core::ColorStop> &ramp = s.manifest.symbology.ramp;
        const double lowest = ramp.front().value;
        // Colour lookup table over the ramp's range: 1024 steps are finer than the eye.
        constexpr int kSteps = 1024;
        const double highest = ramp.back().value;
        const double span = highest > lowest ? highest - lowest : 1.0;
        std::vector<QRgb> lut(kSteps + 1);
        for (int i = 0; i <= kSteps; ++i)
            lut[std::size_t(i)] = qPremultiply(rampColor(ramp, lowest + span * i / kSteps).rgba());
        const double k = m_vp.k;
        std::vector<int> colOf(std::size_t(size.width()));
        for (int px = 0; px < size.width(); ++px)
            colOf[std::size_t(px)] = g.colOf(m_vp.left + (px + 0.5) / k);
        std::size_t drawn = 0;
        for (int py = 0; py < size.height(); ++py) {
            if (py % 64 == 63)
                checkCanceled();
            const int row = g.rowOf(m_vp.top - (py + 0.5) / k);
            if (row < 0)
                continue;
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(py));
            const double *values = r.values.data() + g.index(0, row);
            for (int px = 0; px < size.width(); ++px) {
                const int col = colOf[std::size_t(px)];
                if (col < 0)
                    continue;
                const double v = values[col];
                if (!(v >= lowest)) // NaN or below the first stop
                    continue;
                const int step = v >= highest ? kSteps : int((v - lowest) / span * kSteps);
                line[px] = lut[std::size_t(step)];
                ++drawn;
            }
        }
        m_painter.save();
        m_painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
        m_painter.drawImage(QPointF(0, 0), image);
        m_painter.restore();
        if (drawn)
            ++m_stats.featuresDrawn;
    }

    // --- Lines and polygons ---------------------------------------------------------------

    void drawShapes(const MapLayer &layer, int order)
    {
        const core::LayerSnapshot &s = *layer.data;
        const bool offscreen = m_raster && layer.opacity < 1.0;
        std::unique_ptr<QPainter> own;
        QPainter *p = &m_painter;
        if (offscreen) {
            own = std::make_unique<QPainter>(&canvas().image());
            own->setRenderHint(QPainter::Antialiasing, true);
            p = own.get();
        } else {
            m_painter.save();
            m_painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
        }

        if (s.manifest.geometryType == core::GeometryType::Polygon)
            drawPolygons(layer, *p, order);
        else
            drawLines(layer, *p);

        if (offscreen) {
            own->end();
            canvas().markAllDirty();
            compose(layer.opacity);
        } else {
            m_painter.restore();
        }
    }

    bool featureVisible(const MapLayer &layer, std::size_t row) const
    {
        const core::LayerSnapshot &s = *layer.data;
        if (row < s.category.size() && !categoryVisible(layer, s.category[row]))
            return false;
        return timeVisible(s, row, m_settings.timeFrom, m_settings.timeTo);
    }

    void drawPolygons(const MapLayer &layer, QPainter &p, int order)
    {
        const core::LayerSnapshot &s = *layer.data;
        const core::Symbology &sym = s.manifest.symbology;
        const QColor fill = colorFromString(sym.fill);
        const QColor stroke = colorFromString(sym.stroke);
        const double strokePx = mmToPixels(sym.strokeWidth, m_settings.dpi);
        p.setPen(
            stroke.isValid() && stroke.alpha() > 0 && strokePx > 0.0
                ? QPen(stroke, std::max(0.5, strokePx), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin)
                : QPen(Qt::NoPen));
        const bool byCategory = !s.manifest.categories.empty() && s.category.size() >= s.size();
        QColor plainFill = fill;
        if (m_settings.hasBaseMap() && plainFill.isValid())
            plainFill.setAlphaF(plainFill.alphaF() * kFillOverBaseMap);
        p.setBrush(plainFill.isValid() && plainFill.alpha() > 0 ? QBrush(plainFill)
                                                                : QBrush(Qt::NoBrush));

        const bool labels = layer.showLabels && !s.labels.empty();
        const double labelPt = sym.labelSize;
        QFontMetricsF fm(mapFont(labelPt, m_settings.dpi, m_painter.device()));
        const QColor labelColor = colorFromString(sym.labelColor);
        const std::size_t n = std::min(s.size(), s.geometries.size());
        for (std::size_t row = 0; row < n; ++row) {
            if (row % kBatch == kBatch - 1)
                checkCanceled();
            const core::Geometry &g = s.geometries[row];
            if (!g.bounds.isNull() && !overlaps(g.bounds, m_vp.extent))
                continue;
            if (!featureVisible(layer, row))
                continue;
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            const core::PolygonRings *largest = nullptr;
            double largestArea = -1.0;
            for (const core::PolygonRings &poly : g.polygons) {
                for (const core::Path &ring : poly) {
                    const QPolygonF px = toPixels(ring, m_vp, 0.4);
                    if (px.size() < 3)
                        continue;
                    path.addPolygon(px);
                    path.closeSubpath();
                }
                if (!poly.empty()) {
                    const QRectF b =
                        QPolygonF(QList<QPointF>(poly.front().begin(), poly.front().end()))
                            .boundingRect();
                    const double a = b.width() * b.height();
                    if (a > largestArea) {
                        largestArea = a;
                        largest = &poly;
                    }
                }
            }
            if (path.isEmpty())
                continue;
            if (byCategory) {
                // Category-coloured polygons (analysis classes): the class colour fills the shape.
                const int c = s.category[row];
                const QColor cf = c >= 0 && std::size_t(c) < s.manifest.categories.size()
                                      ? colorFromString(s.manifest.categories[std::size_t(c)].color)
                                      : QColor();
                p.setBrush(cf.isValid() && cf.alpha() > 0 ? QBrush(cf) : QBrush(Qt::NoBrush));
            }
            p.drawPath(path);
            ++m_stats.featuresDrawn;

            if (labels && largest && row < s.labels.size() && !s.labels[row].isEmpty()) {
                const QString &text = s.labels[row];
                const QRectF screen = path.boundingRect();
                const double tw = fm.horizontalAdvance(text);
                const double th = fm.height();
                if (screen.width() < tw * kLabelFitWidth || screen.height() < th * kLabelFitHeight)
                    continue;
                const QPointF anchor = polygonLabelPoint(*largest);
                if (anchor.isNull())
                    continue;
                m_labels.push_back({text, m_vp.toPixel(anchor), true, 0.0, labelPt, labelColor,
                                    screen.width() * screen.height(), order});
            }
        }
    }

    void drawLines(const MapLayer &layer, QPainter &p)
    {
        const core::LayerSnapshot &s = *layer.data;
        const core::Symbology &sym = s.manifest.symbology;
        const QColor stroke = colorFromString(sym.stroke);
        const double widthPx = std::max(0.5, mmToPixels(sym.strokeWidth, m_settings.dpi));
        const std::vector<double> *values = nullptr;
        if (!sym.graduatedField.isEmpty() && !sym.ramp.empty()) {
            const auto it = s.numbers.constFind(sym.graduatedField);
            if (it != s.numbers.constEnd() && it->size() >= s.size())
                values = &*it;
        }
        const std::size_t n = std::min(s.size(), s.geometries.size());
        std::vector<std::size_t> rows;
        rows.reserve(n);
        for (std::size_t row = 0; row < n; ++row) {
            const core::Geometry &g = s.geometries[row];
            if (!g.bounds.isNull() && !overlaps(g.bounds, m_vp.extent))
                continue;
            if (featureVisible(layer, row))
                rows.push_back(row);
        }
        if (values) // the busiest segments on top
            std::stable_sort(rows.begin(), rows.end(), [values](std::size_t a, std::size_t b) {
                return (*values)[a] < (*values)[b];
            });

        std::vector<std::vector<QPolygonF>> pixels(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i % kBatch == kBatch - 1)
                checkCanceled();
            for (const core::Path &part : s.geometries[rows[i]].paths) {
                QPolygonF px = toPixels(part, m_vp, 0.4);
                if (px.size() >= 2)
                    pixels[i].push_back(std::move(px));
            }
        }
        p.setBrush(Qt::NoBrush);
        if (values) {
            // A light casing keeps coloured lines readable over any polygon fill.
            QColor casing = m_settings.background;
            casing.setAlpha(200);
            p.setPen(QPen(casing, widthPx + std::max(1.0, widthPx * 0.6), Qt::SolidLine,
                          Qt::RoundCap, Qt::RoundJoin));
            for (const auto &parts : pixels)
                for (const QPolygonF &px : parts)
                    p.drawPolyline(px);
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (pixels[i].empty())
                continue;
            QColor c = values ? rampColor(sym.ramp, (*values)[rows[i]]) : stroke;
            if (!c.isValid())
                c = QColor(0x66, 0x66, 0x66);
            p.setPen(QPen(c, widthPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            for (const QPolygonF &px : pixels[i])
                p.drawPolyline(px);
            ++m_stats.featuresDrawn;
        }
    }

    // --- Points ----------------------------------------------------------------------------

    void drawPoints(const MapLayer &layer, int order)
    {
        const core::LayerSnapshot &s = *layer.data;
        const core::Symbology &sym = s.manifest.symbology;
        const double markerPx = std::max(1.0, mmToPixels(sym.size, m_settings.dpi));
        const std::size_t n = std::min({s.size(), s.x.size(), s.y.size()});

        // Cull to the view (with a marker margin) and filter by time and category.
        const double margin = markerPx / m_vp.k;
        const double x0 = m_vp.extent.left() - margin, x1 = m_vp.extent.right() + margin;
        const double y0 = m_vp.extent.top() - margin, y1 = m_vp.extent.bottom() + margin;
        const bool hasTime =
            s.time.size() >= n && (m_settings.timeFrom != core::LayerSnapshot::kNoTime ||
                                   m_settings.timeTo != core::LayerSnapshot::kNoTime);
        const bool hasCategoryFilter =
            !layer.categoryVisible.empty() && s.category.size() >= n &&
            std::find(layer.categoryVisible.begin(), layer.categoryVisible.end(), false) !=
                layer.categoryVisible.end();
        // One pass: filter, keep the rows while they may still be drawn as markers, and bin
        // every visible point into the density grid in case there are too many.
        DensityGrid grid = makeGrid(s.manifest);
        const std::size_t keep = m_settings.aggregateAbove;
        std::vector<std::uint32_t> rows;
        rows.reserve(std::min<std::size_t>(n, keep + 1));
        const std::shared_ptr<const PointIndex> index = PointIndex::of(layer.data);
        const PointIndex &idx = *index;
        const double *xs = idx.x.data();
        const double *ys = idx.y.data();
        const std::int64_t *times = hasTime && !idx.time.empty() ? idx.time.data() : nullptr;
        const std::int64_t *ends =
            times && !s.manifest.endTimeField.isEmpty() && !idx.endTime.empty() ? idx.endTime.data()
                                                                                : nullptr;
        const std::int64_t from = m_settings.timeFrom; // kNoTime is INT64_MIN: open already
        const std::int64_t to =
            m_settings.timeTo == core::LayerSnapshot::kNoTime ? INT64_MAX : m_settings.timeTo;
        const std::int16_t *cats = idx.category.empty() ? nullptr : idx.category.data();
        const double kc = m_vp.k / grid.cell;
        const double left = m_vp.left, top = m_vp.top;
        const int nSlots = grid.nSlots;
        std::uint32_t *counts = grid.counts.data();
        std::size_t visible = 0;
        auto scan = [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k) {
                const double x = xs[k], y = ys[k];
                if (x < x0 || x > x1 || y < y0 || y > y1)
                    continue;
                const int cat = cats ? cats[k] : -1;
                if (hasCategoryFilter && !categoryVisible(layer, cat))
                    continue;
                if (times) {
                    const std::int64_t t = times[k];
                    if (t != core::LayerSnapshot::kNoTime) {
                        std::int64_t e = t;
                        if (ends) {
                            e = ends[k];
                            e = e == core::LayerSnapshot::kNoTime ? INT64_MAX : std::max(e, t);
                        }
                        if (t > to || e < from)
                            continue;
                    }
                }
                if (++visible <= keep + 1)
                    rows.push_back(idx.row[k]);
                const double fx = (x - left) * kc;
                const double fy = (top - y) * kc;
                if (fx < 0.0 || fy < 0.0 || fx >= grid.gw || fy >= grid.gh)
                    continue; // in the marker margin, outside the view
                int slot = cat + 1;
                if (slot < 0 || slot >= nSlots)
                    slot = 0;
                ++counts[(std::size_t(fy) * grid.gw + std::size_t(fx)) * nSlots + slot];
                ++grid.counted;
            }
        };
        idx.forRanges(QRectF(QPointF(x0, y0), QPointF(x1, y1)), [&](std::size_t b, std::size_t e) {
            for (std::size_t base = b; base < e; base += kBatch) {
                checkCanceled();
                scan(base, std::min(e, base + kBatch));
            }
        });
        // Markers overlap in row order, whatever the bucket order.
        if (visible <= keep)
            std::sort(rows.begin(), rows.end());
        if (visible == 0)
            return;

        if (visible > keep) {
            drawGrid(s.manifest, grid);
            compose(layer.opacity);
            return;
        }

        const bool hasFov = !sym.fovDirectionField.isEmpty() && !sym.fovAngleField.isEmpty() &&
                            !sym.fovRangeField.isEmpty();
        if (m_raster) {
            if (hasFov) {
                QPainter p(&canvas().image());
                p.setRenderHint(QPainter::Antialiasing, true);
                drawFieldsOfView(s, rows, p);
                p.end();
                canvas().markAllDirty();
            }
            stampMarkers(layer, rows, markerPx);
            compose(layer.opacity);
        } else {
            m_painter.save();
            m_painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
            if (hasFov)
                drawFieldsOfView(s, rows, m_painter);
            drawVectorMarkers(layer, rows, markerPx);
            m_painter.restore();
        }
        m_stats.featuresDrawn += rows.size();
        collectPointLabels(layer, rows, markerPx, order);
    }

    QColor outlineFor(const core::LayerManifest &m, int category) const
    {
        QColor outline = colorFromString(m.symbology.stroke);
        const QColor fill = pointFillColor(m, category);
        // Uncategorised points are filled with the stroke colour: outline them darker instead.
        if (!outline.isValid() || outline.rgba() == fill.rgba())
            outline = fill.lightness() > 160 ? QColor(0x44, 0x44, 0x44) : fill.darker(160);
        return outline;
    }

    std::vector<Sprite> sprites(const core::LayerManifest &m, double markerPx) const
    {
        // Index 0 is "no category", then one per manifest category.
        const QPainterPath shape = markerPath(m.symbology.marker, markerPx);
        const double outlinePx = std::max(0.6, mmToPixels(m.symbology.strokeWidth, m_settings.dpi));
        std::vector<Sprite> out;
        out.reserve(m.categories.size() + 1);
        for (int c = -1; c < int(m.categories.size()); ++c)
            out.push_back(makeSprite(shape, pointFillColor(m, c), outlineFor(m, c), outlinePx));
        return out;
    }

    void stampMarkers(const MapLayer &layer, const std::vector<std::uint32_t> &rows,
                      double markerPx)
    {
        const core::LayerSnapshot &s = *layer.data;
        const std::vector<Sprite> sp = sprites(s.manifest, markerPx);
        LayerCanvas &c = canvas();
        const bool hasCategory = s.category.size() >= s.size();
        for (std::size_t k = 0; k < rows.size(); ++k) {
            if (k % kBatch == kBatch - 1)
                checkCanceled();
            const std::uint32_t i = rows[k];
            int cat = hasCategory ? s.category[i] : -1;
            if (cat < -1 || cat >= int(s.manifest.categories.size()))
                cat = -1;
            const Sprite &sprite = sp[std::size_t(cat + 1)];
            const double px = m_vp.px(s.x[i]) - sprite.half;
            const double py = m_vp.py(s.y[i]) - sprite.half;
            c.stamp(sprite.image, int(std::floor(px + 0.5)), int(std::floor(py + 0.5)));
        }
    }

    void drawVectorMarkers(const MapLayer &layer, const std::vector<std::uint32_t> &rows,
                           double markerPx)
    {
        const core::LayerSnapshot &s = *layer.data;
        const QPainterPath shape = markerPath(s.manifest.symbology.marker, markerPx);
        const double outlinePx =
            std::max(0.6, mmToPixels(s.manifest.symbology.strokeWidth, m_settings.dpi));
        const bool hasCategory = s.category.size() >= s.size();
        for (std::uint32_t i : rows) {
            const int cat = hasCategory ? s.category[i] : -1;
            m_painter.setBrush(pointFillColor(s.manifest, cat));
            m_painter.setPen(QPen(outlineFor(s.manifest, cat), outlinePx));
            m_painter.drawPath(shape.translated(m_vp.px(s.x[i]), m_vp.py(s.y[i])));
        }
    }

    void drawFieldsOfView(const core::LayerSnapshot &s, const std::vector<std::uint32_t> &rows,
                          QPainter &p)
    {
        const core::Symbology &sym = s.manifest.symbology;
        const auto dir = s.numbers.constFind(sym.fovDirectionField);
        const auto ang = s.numbers.constFind(sym.fovAngleField);
        const auto rng = s.numbers.constFind(sym.fovRangeField);
        if (dir == s.numbers.constEnd() || ang == s.numbers.constEnd() ||
            rng == s.numbers.constEnd())
            return;
        QColor fill = colorFromString(sym.fovFill);
        if (!fill.isValid())
            fill = QColor(0x1f, 0x78, 0xb4, 0x33);
        QColor edge = fill;
        edge.setAlpha(std::min(255, fill.alpha() * 2 + 40));
        p.setBrush(fill);
        p.setPen(QPen(edge, 0.8));
        for (std::uint32_t i : rows) {
            if (i >= dir->size() || i >= ang->size() || i >= rng->size())
                continue;
            const double direction = (*dir)[i];
            const double angle = std::clamp((*ang)[i], 0.0, 360.0);
            const double range = (*rng)[i] * m_vp.k;
            if (!(range > 0.5) || std::isnan(direction) || !(angle > 0.0))
                continue;
            const QPointF c(m_vp.px(s.x[i]), m_vp.py(s.y[i]));
            const QRectF box(c.x() - range, c.y() - range, 2 * range, 2 * range);
            // Bearing clockwise from north -> Qt angle counter-clockwise from 3 o'clock.
            const double centre = 90.0 - direction;
            const double start = centre - angle / 2.0;
            if (angle >= 360.0)
                p.drawEllipse(box);
            else
                p.drawPie(box, int(std::lround(start * 16.0)), int(std::lround(angle * 16.0)));
        }
    }

    void collectPointLabels(const MapLayer &layer, const std::vector<std::uint32_t> &rows,
                            double markerPx, int order)
    {
        const core::LayerSnapshot &s = *layer.data;
        if (!layer.showLabels || s.labels.empty() || m_scale > kPointLabelMaxScale)
            return;
        const core::Symbology &sym = s.manifest.symbology;
        const QColor color = colorFromString(sym.labelColor);
        for (std::uint32_t i : rows) {
            if (i >= s.labels.size() || s.labels[i].isEmpty())
                continue;
            m_labels.push_back({s.labels[i], QPointF(m_vp.px(s.x[i]), m_vp.py(s.y[i])), false,
                                markerPx / 2.0 + 3.0, sym.labelSize, color, -double(i), order});
        }
    }

    /// Counts of points per screen cell and category (slot 0: uncategorised).
    struct DensityGrid
    {
        int cell = 5;
        int gw = 0;
        int gh = 0;
        int nSlots = 1;
        std::vector<std::uint32_t> counts;
        std::size_t counted = 0;
    };

    DensityGrid makeGrid(const core::LayerManifest &m) const
    {
        DensityGrid g;
        g.cell = std::max(2, int(std::lround(kCellPixelsAt96 * m_settings.dpi / 96.0)));
        g.gw = (m_vp.width + g.cell - 1) / g.cell;
        g.gh = (m_vp.height + g.cell - 1) / g.cell;
        g.nSlots = int(std::min<std::size_t>(m.categories.size(), 63)) + 1;
        g.counts.assign(std::size_t(g.gw) * g.gh * g.nSlots, 0);
        return g;
    }

    /// Density grid: see docs/rendering.md for the choice of encoding.
    void drawGrid(const core::LayerManifest &m, const DensityGrid &grid)
    {
        const int cell = grid.cell, gw = grid.gw, gh = grid.gh, nSlots = grid.nSlots;
        const std::vector<std::uint32_t> &counts = grid.counts;
        m_stats.pointsAggregated += grid.counted;

        // Per cell: total, dominant category and how clearly it dominates; the busiest cell.
        const std::size_t cells = std::size_t(gw) * gh;
        std::vector<std::uint32_t> total(cells, 0);
        std::vector<std::uint8_t> dominant(cells, 0);
        std::vector<std::uint8_t> clarity(cells, 0);
        std::uint32_t maxCount = 0;
        for (std::size_t c = 0; c < cells; ++c) {
            const std::uint32_t *cs = &counts[c * nSlots];
            std::uint32_t sum = 0, best = 0;
            int bestSlot = 0;
            for (int k2 = 0; k2 < nSlots; ++k2) {
                sum += cs[k2];
                if (cs[k2] > best) {
                    best = cs[k2];
                    bestSlot = k2;
                }
            }
            total[c] = sum;
            if (sum == 0)
                continue;
            dominant[c] = std::uint8_t(bestSlot);
            // Colour only where the evidence is there: a clear majority (share) of enough points
            // (a lone point is a weak hint, a mixed cell is no hint at all).
            const double share = double(best) / sum;
            const double evidence = double(sum) / (double(sum) + 2.0);
            const double c01 = std::clamp((share - 0.25) / 0.35, 0.0, 1.0) * evidence;
            clarity[c] = std::uint8_t(std::lround(c01 * (kClarityLevels - 1)));
            maxCount = std::max(maxCount, sum);
        }
        if (maxCount == 0)
            return;

        // Colour table per (category, clarity, density level): integer work in the cell loop.
        // Density (count on a log scale, 1 at the 99th percentile of non-empty cells so that a
        // few extreme cells do not wash out the rest) drives the opacity; clarity mixes the
        // category colour with a neutral grey.
        const QColor neutral(0x80, 0x80, 0x86);
        constexpr int kLevels = 32;
        std::uint32_t norm = maxCount;
        {
            std::vector<std::uint32_t> nonEmpty;
            nonEmpty.reserve(cells);
            for (std::uint32_t t : total)
                if (t > 0)
                    nonEmpty.push_back(t);
            const std::size_t k99 = std::min(nonEmpty.size() - 1, nonEmpty.size() * 99 / 100);
            std::nth_element(nonEmpty.begin(), nonEmpty.begin() + std::ptrdiff_t(k99),
                             nonEmpty.end());
            norm = std::max<std::uint32_t>(nonEmpty[k99], 4);
        }
        const double logMax = std::log1p(double(norm));
        std::vector<std::uint32_t> table(std::size_t(nSlots) * kClarityLevels * kLevels);
        for (int slot = 0; slot < nSlots; ++slot) {
            const QColor base = pointFillColor(m, slot - 1);
            for (int cl = 0; cl < kClarityLevels; ++cl) {
                const double f = double(cl) / (kClarityLevels - 1);
                const QColor mixed = QColor::fromRgbF(
                    float(neutral.redF() + (base.redF() - neutral.redF()) * f),
                    float(neutral.greenF() + (base.greenF() - neutral.greenF()) * f),
                    float(neutral.blueF() + (base.blueF() - neutral.blueF()) * f));
                for (int level = 0; level < kLevels; ++level) {
                    const double t = double(level) / (kLevels - 1);
                    const double alpha = 0.12 + 0.88 * t;
                    table[(std::size_t(slot) * kClarityLevels + cl) * kLevels + level] =
                        premultiplied(mixed, alpha);
                }
            }
        }
        std::vector<int> levelOf(std::min<std::uint32_t>(maxCount, 4096) + 1);
        for (std::size_t c = 0; c < levelOf.size(); ++c)
            levelOf[c] = std::clamp(
                int(std::lround(std::log1p(double(c)) / logMax * (kLevels - 1))), 0, kLevels - 1);
        LayerCanvas &canvasRef = canvas();
        for (int cy = 0; cy < gh; ++cy) {
            for (int cx = 0; cx < gw; ++cx) {
                const std::size_t c = std::size_t(cy) * gw + cx;
                const std::uint32_t n = total[c];
                if (n == 0)
                    continue;
                const int level = n < levelOf.size()
                                      ? levelOf[n]
                                      : std::clamp(int(std::lround(std::log1p(double(n)) / logMax *
                                                                   (kLevels - 1))),
                                                   0, kLevels - 1);
                canvasRef.fillSquare(
                    cx * cell, cy * cell, cell,
                    table[(std::size_t(dominant[c]) * kClarityLevels + clarity[c]) * kLevels +
                          level]);
            }
        }
    }

    // --- Labels ----------------------------------------------------------------------------

    void placeLabels()
    {
        if (m_labels.empty())
            return;
        std::stable_sort(m_labels.begin(), m_labels.end(),
                         [](const LabelCandidate &a, const LabelCandidate &b) {
                             if (a.layerOrder != b.layerOrder)
                                 return a.layerOrder > b.layerOrder;
                             return a.priority > b.priority;
                         });
        std::vector<QRectF> placed;
        const QRectF view(QPointF(0, 0), QSizeF(m_settings.outputSize));
        const double halo = std::max(1.0, mmToPixels(0.4, m_settings.dpi));
        QColor haloColor = m_settings.background;
        haloColor.setAlpha(255);
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        // Fonts and metrics by size (a handful per map).
        std::vector<std::pair<double, std::pair<QFont, QFontMetricsF>>> fonts;
        auto fontFor = [&](double points) -> const std::pair<QFont, QFontMetricsF> & {
            for (const auto &f : fonts)
                if (f.first == points)
                    return f.second;
            const QFont font = mapFont(points, m_settings.dpi, m_painter.device());
            fonts.push_back({points, {font, QFontMetricsF(font)}});
            return fonts.back().second;
        };
        // The halo: the text drawn around itself on a ring of offsets (text stays text in PDF and
        // uses the glyph cache; stroking text outlines would cost ~50 times more).
        const QPaintEngine *engine = m_painter.paintEngine();
        const bool vectorOutput =
            engine && (engine->type() == QPaintEngine::Pdf || engine->type() == QPaintEngine::SVG ||
                       engine->type() == QPaintEngine::Picture);
        constexpr int kHaloSteps = 12;
        QPointF haloOffsets[kHaloSteps];
        for (int i = 0; i < kHaloSteps; ++i) {
            const double a = 2.0 * std::numbers::pi * i / kHaloSteps;
            haloOffsets[i] = QPointF(halo * std::cos(a), halo * std::sin(a));
        }
        for (const LabelCandidate &l : m_labels) {
            const auto &[font, fm] = fontFor(l.points);
            const double w = fm.horizontalAdvance(l.text);
            const double h = fm.ascent() + fm.descent();
            const double dy = (fm.ascent() - fm.descent()) / 2.0;
            const QPointF baseline = l.centred
                                         ? QPointF(l.anchor.x() - w / 2.0, l.anchor.y() + dy)
                                         : QPointF(l.anchor.x() + l.offset, l.anchor.y() + dy);
            const QRectF box(baseline.x() - halo, baseline.y() - fm.ascent() - halo, w + 2 * halo,
                             h + 2 * halo);
            if (!view.contains(box))
                continue;
            if (std::any_of(placed.begin(), placed.end(),
                            [&box](const QRectF &r) { return r.intersects(box); }))
                continue;
            placed.push_back(box);
            m_painter.setFont(font);
            if (vectorOutput) {
                // PDF: the halo is the glyphs' outline stroked, so that the text is written once
                // (copying or searching a label in the PDF finds it once).
                QPainterPath outline;
                outline.addText(baseline, font, l.text);
                m_painter.strokePath(outline, QPen(haloColor, 2.0 * halo, Qt::SolidLine,
                                                   Qt::RoundCap, Qt::RoundJoin));
            } else {
                m_painter.setPen(haloColor);
                for (const QPointF &o : haloOffsets)
                    m_painter.drawText(baseline + o, l.text);
            }
            m_painter.setPen(l.color.isValid() ? l.color : QColor(0x22, 0x22, 0x22));
            m_painter.drawText(baseline, l.text);
            ++m_stats.labelsDrawn;
        }
        m_painter.restore();
    }

    const MapSettings &m_settings;
    QPainter &m_painter;
    const analytics::Feedback *m_feedback;
    Viewport m_vp;
    bool m_raster = false;
    double m_scale = 0.0;
    LayerCanvas *m_canvas = nullptr;
    std::vector<LabelCandidate> m_labels;
    RenderStats m_stats;
};

} // namespace

RenderStats MapRenderer::render(const MapSettings &settings, QPainter &painter,
                                const analytics::Feedback *feedback)
{
    Renderer renderer(settings, painter, feedback);
    return renderer.run();
}

QImage MapRenderer::renderImage(const MapSettings &settings, RenderStats *stats)
{
    QImage image(settings.outputSize.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    const int dpm = int(std::lround(settings.dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    image.fill(settings.background);
    QPainter painter(&image);
    const RenderStats s = render(settings, painter, nullptr);
    painter.end();
    if (stats)
        *stats = s;
    return image;
}

} // namespace vigie::render
