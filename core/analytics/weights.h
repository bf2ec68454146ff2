// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace vigie::analytics {

/**
 * Sparse spatial weights in compressed-row (CSR) form. Row i's neighbours are
 * indices[offsets[i] .. offsets[i+1]) with the matching weights; every constructor here returns
 * rows sorted by ascending neighbour index (as spdep's nb lists). `hasSelf` tells that every unit
 * is listed among its own neighbours (spdep's include.self(): Gi* rather than Gi).
 */
struct SpatialWeights
{
    std::vector<std::size_t> offsets{0};
    std::vector<std::int32_t> indices;
    std::vector<double> weights;
    bool hasSelf = false;

    std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::size_t neighbourCount(std::size_t i) const { return offsets[i + 1] - offsets[i]; }
    std::size_t nonZeroCount() const { return indices.size(); }
    /// Sum of the weights of row i.
    double rowSum(std::size_t i) const;
    /// Throws std::invalid_argument when offsets / indices / weights are inconsistent.
    void validate() const;
};

/**
 * Binary distance-band weights: j is a neighbour of i when 0 <= |p_i - p_j| <= threshold (metres,
 * or the unit of x/y), as spdep::dnearneigh(x, 0, threshold). Coincident distinct points are
 * neighbours. With includeSelf, i is added to its own row (spdep::include.self). Bucketed on a
 * grid of cell `threshold`: O(n k) for k neighbours per point.
 */
SpatialWeights distanceBandWeights(std::span<const double> x, std::span<const double> y,
                                   double threshold, bool includeSelf);

/**
 * Binary k-nearest-neighbour weights (asymmetric), as spdep::knn2nb(knearneigh(x, k)). Ties at the
 * k-th distance are broken by the smaller index. Needs k < number of points.
 */
SpatialWeights knnWeights(std::span<const double> x, std::span<const double> y, int k,
                          bool includeSelf);

/// Distance from each point to its k-th nearest other point (k >= 1).
std::vector<double> kthNeighbourDistances(std::span<const double> x, std::span<const double> y,
                                          int k);

/**
 * Binary contiguity of the cells of a cols x rows row-major grid (GridSpec layout). Rook: the 4
 * edge neighbours; queen: the 8 cells around. A non-empty mask (cols*rows values) marks absent
 * cells with 0: they keep their index but have no neighbours and are nobody's neighbour.
 */
SpatialWeights gridContiguityWeights(int cols, int rows, bool queen, bool includeSelf,
                                     std::span<const std::uint8_t> mask = {});

/**
 * A hexagonal tessellation with pointy-top hexagons in offset rows: `spacing` is the distance
 * between the centres of adjacent hexagons (twice the apothem); odd rows are shifted by
 * spacing/2. Centres are listed row by row from the south-west corner.
 */
struct HexGrid
{
    double xMin = 0.0;
    double yMin = 0.0;
    double spacing = 1.0;
    int cols = 0;
    int rows = 0;
    std::vector<double> x; ///< centre of each hexagon
    std::vector<double> y;

    std::size_t size() const { return x.size(); }
    double rowHeight() const;    ///< spacing * sqrt(3) / 2
    double circumradius() const; ///< spacing / sqrt(3): centre to vertex
    /// Index of the hexagon containing (px, py), or -1 outside the tessellation.
    std::int64_t indexOf(double px, double py) const;
    /// The 6 vertices of hexagon i, counter-clockwise.
    std::vector<std::pair<double, double>> vertices(std::size_t i) const;
};

/// The hexagons whose centres fall in [x0,x1]x[y0,y1] (at least one row and column).
HexGrid hexGrid(double x0, double y0, double x1, double y1, double spacing);

/// Contiguity of a hexagonal grid (the 6 hexagons sharing an edge), via a distance band.
SpatialWeights hexContiguityWeights(const HexGrid &grid, bool includeSelf);

/// Polygon -> rings -> vertices (x, y). Rings may be closed (last == first) or not.
using PolygonRings = std::vector<std::vector<std::pair<double, double>>>;

/**
 * Contiguity of polygons as spdep::poly2nb: two polygons are queen neighbours when at least one
 * vertex of one lies within snapTolerance of a vertex of the other, rook neighbours when at least
 * two such vertex pairs exist (spdep's rook criterion; shared edges give two shared vertices).
 * A multipolygon is one entry with several outer rings. Bounding boxes expanded by the tolerance
 * prune the pairs; vertices are matched through a hash grid.
 */
SpatialWeights polygonContiguityWeights(const std::vector<PolygonRings> &polygons, bool queen,
                                        double snapTolerance, bool includeSelf);

/// Row-standardised copy (spdep style "W"): each non-empty row sums to 1.
SpatialWeights rowStandardised(const SpatialWeights &w);

/// Same structure with the self entries added (or kept); weight 1 for added self entries.
SpatialWeights withSelf(const SpatialWeights &w);
/// Same structure without self entries.
SpatialWeights withoutSelf(const SpatialWeights &w);

} // namespace vigie::analytics
