// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace vigie::core {

/// A ring or a line: a sequence of Lambert-93 coordinates (metres).
using Path = std::vector<QPointF>;

/// A polygon: exterior ring first, then holes.
using PolygonRings = std::vector<Path>;

/**
 * A feature geometry held in memory for drawing and simple tests. Points use `point`;
 * lines use `paths` (one per part); polygons use `polygons` (one per part).
 */
struct Geometry
{
    QPointF point;
    std::vector<Path> paths;
    std::vector<PolygonRings> polygons;
    QRectF bounds; ///< bounding box (for points, a null-size rect at the point)
};

/// Ray-casting point-in-polygon (exterior minus holes).
bool contains(const PolygonRings &polygon, const QPointF &p);
bool contains(const Geometry &g, const QPointF &p);

} // namespace vigie::core
