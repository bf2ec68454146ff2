// SPDX-License-Identifier: GPL-3.0-or-later
#include "geometry.h"

namespace vigie::core {

namespace {

/// Even-odd ray casting towards +x.
bool inRing(const Path &ring, const QPointF &p)
{
    bool inside = false;
    const std::size_t n = ring.size();
    if (n < 3)
        return false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const QPointF &a = ring[i];
        const QPointF &b = ring[j];
        if ((a.y() > p.y()) != (b.y() > p.y())) {
            const double xCross = (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x();
            if (p.x() < xCross)
                inside = !inside;
        }
    }
    return inside;
}

} // namespace

bool contains(const PolygonRings &polygon, const QPointF &p)
{
    if (polygon.empty() || !inRing(polygon.front(), p))
        return false;
    for (std::size_t i = 1; i < polygon.size(); ++i)
        if (inRing(polygon[i], p))
            return false;
    return true;
}

bool contains(const Geometry &g, const QPointF &p)
{
    if (!g.bounds.isNull() && !g.bounds.isEmpty()) {
        if (p.x() < g.bounds.left() || p.x() > g.bounds.right() || p.y() < g.bounds.top() ||
            p.y() > g.bounds.bottom())
            return false;
    }
    for (const PolygonRings &poly : g.polygons)
        if (contains(poly, p))
            return true;
    return false;
}

} // namespace vigie::core
