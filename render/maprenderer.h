// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/mapsettings.h"

#include <QImage>
#include <QString>

#include <cstddef>

class QPainter;

namespace vigie::analytics {
class Feedback;
}

namespace vigie::render {

/// What one call to MapRenderer drew, for the status bar, the benchmarks and the tests.
struct RenderStats
{
    int layersDrawn = 0;              ///< visible layers with data that were drawn
    std::size_t featuresDrawn = 0;    ///< polygons, lines and individual markers drawn
    std::size_t pointsAggregated = 0; ///< points counted into density cells instead of markers
    double milliseconds = 0.0;        ///< wall-clock time of the call
    int labelsDrawn = 0;              ///< labels placed (after collision avoidance)
    bool canceled = false;            ///< stopped early through the Feedback
    bool baseMapDrawn = false;        ///< settings.baseMap was drawn (perhaps from the cache only)
    bool baseMapOffline = false;      ///< its server did not answer: cached tiles only
    QString baseMapProblem;           ///< why it was not drawn, or why it is offline
};

/**
 * Draws a map described by MapSettings with QPainter, headless (QImage, PDF page, printer).
 * The painter is used in pixel coordinates of settings.outputSize: a caller drawing onto a
 * larger device (a report page) scales the painter beforehand.
 *
 * Layers are drawn in settings.layers order (first at the bottom) with their opacity, then the
 * labels of all layers on top, placed from the top layer down and never overlapping. Point layers
 * with more than settings.aggregateAbove visible points are drawn as a density grid; see
 * docs/rendering.md.
 */
class MapRenderer
{
public:
    /// Draws into `painter`; checks `feedback` for cancellation between layers and batches.
    static RenderStats render(const MapSettings &settings, QPainter &painter,
                              const analytics::Feedback *feedback = nullptr);
    /// Renders into a new ARGB32 premultiplied image of settings.outputSize at settings.dpi.
    static QImage renderImage(const MapSettings &settings, RenderStats *stats = nullptr);
};

} // namespace vigie::render
