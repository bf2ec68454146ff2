// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layersnapshot.h"

#include <QPointF>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace vigie::render {

/**
 * The row of `snapshot` under `mapPoint` (Lambert-93), for identify-on-click:
 * - points: the nearest point within `toleranceMapUnits`;
 * - lines: the nearest line whose distance is within the tolerance;
 * - polygons: the polygon containing the point (the upper one, i.e. the last row, when several).
 * Only features visible in the time window [timeFrom, timeTo] (kNoTime = open) are considered.
 */
std::optional<std::size_t> identifyRow(const core::LayerSnapshot &snapshot, QPointF mapPoint,
                                       double toleranceMapUnits, std::int64_t timeFrom,
                                       std::int64_t timeTo);

/// Distance from `p` to the segment [a, b].
double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b);

/// The value of a raster layer's cell under a map point; nothing outside the grid or on no-data.
std::optional<double> rasterValueAt(const core::LayerSnapshot &s, QPointF mapPoint);

} // namespace vigie::render
