// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/grid.h"
#include "geometry.h"
#include "layermanifest.h"

#include <QHash>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace vigie::core {

/**
 * A read-only, in-memory copy of what a layer needs to be drawn and filtered fast: structure
 * of arrays indexed by row. Built by Store::loadSnapshot(); shared between the GUI, the
 * renderer and the analyses (never modified after loading, so it may be read from any thread).
 *
 * Times are seconds since 1970-01-01 UTC; kNoTime where the feature has none.
 */
struct LayerSnapshot
{
    static constexpr std::int64_t kNoTime = INT64_MIN;

    LayerManifest manifest;
    std::vector<std::int64_t> fids;
    /// Point layers: x/y in Lambert-93 metres (x[i], y[i]). Empty for other geometry types.
    std::vector<double> x;
    std::vector<double> y;
    /// Line / polygon layers: one geometry per row. Empty for point layers.
    std::vector<Geometry> geometries;
    std::vector<std::int64_t> time;     ///< empty when the layer has no time field
    std::vector<std::int64_t> endTime;  ///< empty when the layer has no end time field
    std::vector<std::int16_t> category; ///< index into manifest.categories, -1 if none/unknown
    std::vector<QString> labels;        ///< empty when the layer has no label field
    /// Numeric fields needed by the symbology (graduated field, field-of-view fields).
    QHash<QString, std::vector<double>> numbers;
    /// Raster layers only: the grid of values (NaN = no data), row 0 at the top.
    std::shared_ptr<const analytics::Raster> raster;
    QRectF extent;
    std::int64_t minTime = kNoTime;
    std::int64_t maxTime = kNoTime;

    std::size_t size() const { return fids.size(); }
    bool isPoint() const { return manifest.geometryType == GeometryType::Point; }
    bool isRaster() const { return manifest.geometryType == GeometryType::Raster; }
};

using LayerSnapshotPtr = std::shared_ptr<const LayerSnapshot>;

} // namespace vigie::core
