// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/basemap/basemap.h"
#include "core/layersnapshot.h"

#include <QColor>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QTransform>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigie::render {

/// One layer as drawn: its data and how the user set it in the layer panel.
struct MapLayer
{
    core::LayerSnapshotPtr data;
    bool visible = true;
    double opacity = 1.0;              ///< 0..1
    std::vector<bool> categoryVisible; ///< per manifest category; empty = all visible
    bool showLabels = true;
};

/**
 * Everything needed to draw one map image, as a value: the canvas, the CLI and the report
 * pages fill one and hand it to MapRenderer. Coordinates are Lambert-93 metres.
 */
struct MapSettings
{
    QRectF extent;                ///< requested extent; widened to the output's aspect ratio
    QSize outputSize{800, 600};   ///< pixels
    double dpi = 96.0;            ///< for mm-based symbol sizes
    std::vector<MapLayer> layers; ///< drawing order: first is at the bottom
    std::int64_t timeFrom = core::LayerSnapshot::kNoTime; ///< inclusive, kNoTime = open
    std::int64_t timeTo = core::LayerSnapshot::kNoTime;   ///< inclusive, kNoTime = open
    QString language = QStringLiteral("fr");
    QColor background = QColor(0xfb, 0xfb, 0xf8);
    /// Above this many visible points in a layer, points are aggregated into a density grid.
    std::size_t aggregateAbove = 50000;
    /// A base map drawn under the layers by MapRenderer (reports, the CLI: tiles are fetched
    /// while drawing); its attribution is written in the bottom right corner.
    std::optional<core::BaseMapSource> baseMap;
    /// A base map is drawn under this image by someone else (the canvas, which fetches tiles
    /// apart from the data): the background is left transparent.
    bool baseMapBelow = false;

    /// A base map shows under the layers: plain polygon fills (the quartiers' paper colour)
    /// are then light, so that the streets show through.
    bool hasBaseMap() const { return baseMap.has_value() || baseMapBelow; }

    /// The extent actually shown (aspect-corrected, centred on extent).
    QRectF visibleExtent() const;
    /// Map units (m) per pixel.
    double mapUnitsPerPixel() const;
    /// Scale denominator (1:N) at dpi.
    double scaleDenominator() const;
    /// Map (Lambert-93) -> pixel transform (y down).
    QTransform mapToPixel() const;
};

} // namespace vigie::render
