// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace vigie::analytics {

/**
 * A regular grid in a projected CRS (metres, Lambert-93 in Vigie). Cells are square. Values laid
 * out on it are row-major with row 0 at the TOP (north), as GDAL rasters are: cell (col, row)
 * covers [xMin + col*cs, xMin + (col+1)*cs] x [yMax - (row+1)*cs, yMax - row*cs].
 */
struct GridSpec
{
    double xMin = 0.0;
    double yMin = 0.0;
    double cellSize = 1.0;
    int cols = 0;
    int rows = 0;

    double xMax() const { return xMin + cols * cellSize; }
    double yMax() const { return yMin + rows * cellSize; }
    std::size_t cellCount() const { return std::size_t(cols) * std::size_t(rows); }
    std::size_t index(int col, int row) const
    {
        return std::size_t(row) * std::size_t(cols) + std::size_t(col);
    }
    double centreX(int col) const { return xMin + (col + 0.5) * cellSize; }
    double centreY(int row) const { return yMax() - (row + 0.5) * cellSize; }
    /// Column / row containing a point, or -1 when outside.
    int colOf(double x) const
    {
        const double c = std::floor((x - xMin) / cellSize);
        return (c >= 0 && c < cols) ? int(c) : -1;
    }
    int rowOf(double y) const
    {
        const double r = std::floor((yMax() - y) / cellSize);
        return (r >= 0 && r < rows) ? int(r) : -1;
    }
    double cellArea() const { return cellSize * cellSize; }

    /// The smallest grid of `cellSize` whose extent covers [x0,x1]x[y0,y1] plus `margin` on each
    /// side, snapped so that xMin, yMin are multiples of cellSize (stable cells across runs and
    /// areas).
    static GridSpec covering(double x0, double y0, double x1, double y1, double cellSize,
                             double margin = 0.0)
    {
        GridSpec g;
        g.cellSize = cellSize;
        g.xMin = std::floor((x0 - margin) / cellSize) * cellSize;
        g.yMin = std::floor((y0 - margin) / cellSize) * cellSize;
        g.cols = std::max(1, int(std::ceil((x1 + margin - g.xMin) / cellSize)));
        g.rows = std::max(1, int(std::ceil((y1 + margin - g.yMin) / cellSize)));
        return g;
    }
};

/// Values on a grid; NaN marks "no data" (outside the study window).
struct Raster
{
    GridSpec grid;
    std::vector<double> values; ///< grid.cellCount() values, row-major, row 0 at the top

    double at(int col, int row) const { return values[grid.index(col, row)]; }
    static constexpr double noData() { return std::numeric_limits<double>::quiet_NaN(); }
};

/**
 * Points in metres with optional weights (empty span = every weight is 1) and optional times
 * (days since any origin; empty when not needed). Spans do not own their data.
 */
struct PointSet
{
    std::span<const double> x;
    std::span<const double> y;
    std::span<const double> weight; ///< empty or x.size() values
    std::span<const double> t;      ///< empty or x.size() values

    std::size_t size() const { return x.size(); }
    double weightOf(std::size_t i) const { return weight.empty() ? 1.0 : weight[i]; }
};

} // namespace vigie::analytics
