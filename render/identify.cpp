// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/identify.h"

#include "render/symbolstyle.h"

#include <cmath>
#include <limits>

namespace vigie::render {

namespace {
/// `p` within `margin` of the box (degenerate boxes included).
bool nearBox(const QRectF &b, const QPointF &p, double margin)
{
    return p.x() >= b.left() - margin && p.x() <= b.right() + margin && p.y() >= b.top() - margin &&
           p.y() <= b.bottom() + margin;
}
} // namespace

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0)
        t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0);
    return std::hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
}

std::optional<std::size_t> identifyRow(const core::LayerSnapshot &s, QPointF mapPoint,
                                       double tolerance, std::int64_t timeFrom, std::int64_t timeTo)
{
    tolerance = std::max(0.0, tolerance);
    std::optional<std::size_t> best;
    double bestDistance = std::numeric_limits<double>::infinity();
    const std::size_t n = s.size();

    switch (s.manifest.geometryType) {
    case core::GeometryType::Point: {
        const std::size_t m = std::min({n, s.x.size(), s.y.size()});
        const double tol2 = tolerance * tolerance;
        for (std::size_t i = 0; i < m; ++i) {
            const double dx = s.x[i] - mapPoint.x();
            const double dy = s.y[i] - mapPoint.y();
            if (std::abs(dx) > tolerance || std::abs(dy) > tolerance)
                continue;
            const double d2 = dx * dx + dy * dy;
            // Ties go to the later row, drawn on top.
            if (d2 <= tol2 && d2 <= bestDistance && timeVisible(s, i, timeFrom, timeTo)) {
                bestDistance = d2;
                best = i;
            }
        }
        break;
    }
    case core::GeometryType::Line: {
        const std::size_t m = std::min(n, s.geometries.size());
        for (std::size_t i = 0; i < m; ++i) {
            const core::Geometry &g = s.geometries[i];
            if (!g.bounds.isNull() && !nearBox(g.bounds, mapPoint, tolerance))
                continue;
            if (!timeVisible(s, i, timeFrom, timeTo))
                continue;
            for (const core::Path &path : g.paths) {
                for (std::size_t k = 1; k < path.size(); ++k) {
                    const double d = distanceToSegment(mapPoint, path[k - 1], path[k]);
                    if (d <= tolerance && d <= bestDistance) {
                        bestDistance = d;
                        best = i;
                    }
                }
            }
        }
        break;
    }
    case core::GeometryType::Polygon: {
        const std::size_t m = std::min(n, s.geometries.size());
        for (std::size_t i = m; i-- > 0;) {
            const core::Geometry &g = s.geometries[i];
            if (!g.bounds.isNull() && !nearBox(g.bounds, mapPoint, 0.0))
                continue;
            if (timeVisible(s, i, timeFrom, timeTo) && core::contains(g, mapPoint))
                return i;
        }
        break;
    }
    case core::GeometryType::Raster:
        break; // grids have no rows: the panel asks rasterValueAt() instead
    }
    return best;
}

std::optional<double> rasterValueAt(const core::LayerSnapshot &s, QPointF mapPoint)
{
    if (!s.raster)
        return std::nullopt;
    const analytics::GridSpec &g = s.raster->grid;
    const int col = g.colOf(mapPoint.x());
    const int row = g.rowOf(mapPoint.y());
    if (col < 0 || row < 0)
        return std::nullopt;
    const double v = s.raster->at(col, row);
    if (std::isnan(v))
        return std::nullopt;
    return v;
}

} // namespace vigie::render
