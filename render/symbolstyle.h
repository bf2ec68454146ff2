// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/layermanifest.h"
#include "core/layersnapshot.h"

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

class QPaintDevice;

namespace vigie::render {

struct MapLayer;

/// The font used for every map text (labels, legend, scale bar): DejaVu Sans, so that maps look
/// the same on every machine.
inline constexpr const char *kMapFontFamily = "DejaVu Sans";

/// Parses a manifest colour, "#rrggbb" or "#rrggbbaa" (alpha last, unlike QColor's "#aarrggbb").
/// Returns an invalid QColor for anything else.
QColor colorFromString(const QString &text);

/// Colour of `value` on a graduated ramp: linear interpolation between the two surrounding stops
/// (in RGBA), clamped to the first / last stop. Invalid QColor when the ramp is empty.
QColor rampColor(const std::vector<core::ColorStop> &ramp, double value);

/// Millimetres on the output to pixels at `dpi`.
inline double mmToPixels(double mm, double dpi)
{
    return mm * dpi / 25.4;
}

/// A font of `points` size that gives the right pixel size for a map drawn at `dpi` on `device`
/// (whose own resolution may differ: a PDF page, a high-dpi screen).
QFont mapFont(double points, double dpi, const QPaintDevice *device, bool bold = false);

/// Time filter: is the feature's period [time, endTime] overlapping [from, to]? Features without
/// a time are always shown; with an end-time field, a missing end means "still going on";
/// kNoTime bounds are open.
bool timeVisible(const core::LayerSnapshot &snapshot, std::size_t row, std::int64_t from,
                 std::int64_t to);

/// Category filter of the layer panel (uncategorised features are always shown).
bool categoryVisible(const MapLayer &layer, int category);

/// A marker outline centred on (0, 0) whose bounding box is `size` pixels wide. Known shapes:
/// circle, square, triangle, diamond, star (anything else draws a circle).
QPainterPath markerPath(const QString &shape, double size);

/// A point inside `polygon` to anchor its label: the centroid of the exterior ring when it lies
/// inside the polygon (holes excluded), otherwise the middle of the widest inside span found by
/// scanning horizontal lines across the polygon. Null QPointF for a degenerate polygon.
QPointF polygonLabelPoint(const core::PolygonRings &polygon);

/// Fill colour of a point of category `category` (the stroke colour when uncategorised).
QColor pointFillColor(const core::LayerManifest &manifest, int category);

} // namespace vigie::render
