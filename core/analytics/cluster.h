// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Density-based clustering of incidents (DBSCAN, ST-DBSCAN) and the Clark–Evans nearest-neighbour
// index. Semantics, border points, conversions to scikit-learn and QGIS:
// docs/analytics-clustering.md.

#include "feedback.h"
#include "grid.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vigie::analytics {

/// DBSCAN parameters. Distances in the units of the points (metres).
struct DbscanParams
{
    double eps = 100; ///< neighbourhood radius, > 0; a point at distance exactly eps is a neighbour
    int minPoints = 5; ///< >= 1; counts the point itself, as scikit-learn's min_samples and
                       ///< QGIS's "minimum cluster size"
    bool borderPointsAsNoise = false; ///< DBSCAN*: only core points belong to clusters
};

/**
 * Result of a clustering, one entry per input point.
 * label: -1 for noise, else 0..clusterCount-1. Clusters are numbered in the order of their first
 * core point in input order (the order in which scikit-learn and QGIS discover them), so labels are
 * identical to scikit-learn's DBSCAN labels_ and to QGIS's CLUSTER_ID - 1.
 * A border point (not core, within eps of a core point) belongs to the lowest-numbered cluster
 * among those of its core neighbours - the cluster that reaches it first in scikit-learn and QGIS.
 */
struct ClusterResult
{
    std::vector<int> label; ///< -1 noise, 0..clusterCount-1
    std::vector<std::uint8_t>
        core; ///< 1 when the point has >= minPoints neighbours (itself included)
    int clusterCount = 0;
    std::vector<std::size_t> sizes; ///< points per cluster (border points included unless DBSCAN*)
};

/**
 * DBSCAN (Ester et al. 1996) on points.x / points.y (weights and times ignored). Exact: neighbours
 * are points with dx*dx + dy*dy <= eps*eps. O(n log n) plus the pairs within eps, with grid
 * bucketing and coincident points merged. Throws std::invalid_argument on bad parameters or
 * non-finite coordinates, Canceled when feedback asks to stop.
 */
ClusterResult dbscan(const PointSet &points, const DbscanParams &p, Feedback *feedback = nullptr);

/// ST-DBSCAN parameters. Times in days (the unit of PointSet::t).
struct StDbscanParams
{
    double eps = 100;       ///< spatial radius (metres), > 0
    double epsTimeDays = 7; ///< time window, > 0: |t_i - t_j| <= epsTimeDays
    int minPoints = 5;      ///< >= 1, counts the point itself
    bool borderPointsAsNoise = false;
};

/**
 * ST-DBSCAN as QGIS's native:stdbscanclustering (Birant & Kut 2007 without their cluster-mean
 * condition): DBSCAN where two points are neighbours when within eps in space AND within
 * epsTimeDays in time. Uses points.t (required). Same labelling conventions as dbscan().
 */
ClusterResult stDbscan(const PointSet &points, const StDbscanParams &p,
                       Feedback *feedback = nullptr);

/**
 * Clark–Evans average nearest-neighbour statistics, as QGIS's native:nearestneighbouranalysis and
 * ArcGIS's Average Nearest Neighbor (no edge correction):
 *   observedMean = mean over points of the Euclidean distance to the nearest other point
 *                  (0 for coincident points),
 *   expectedMean = 0.5 / sqrt(n / area),   ratio = observedMean / expectedMean,
 *   SE = 0.26136 / sqrt(n^2 / area),       z = (observedMean - expectedMean) / SE,
 *   p = two-sided normal p-value of z = erfc(|z| / sqrt 2).
 * ratio < 1 means clustered, > 1 dispersed.
 */
struct NearestNeighbourIndex
{
    double observedMean = 0; ///< metres
    double expectedMean = 0; ///< metres
    double ratio = 0;
    double z = 0;
    double p = 1;
    std::size_t n = 0;
    double area = 0; ///< square metres, as given
};

/// Needs n >= 2 points and area > 0 (e.g. boundingBoxArea(x, y), which QGIS uses).
NearestNeighbourIndex nearestNeighbourIndex(std::span<const double> x, std::span<const double> y,
                                            double area);

/// Area of the bounding box of the points (width * height), the area QGIS and ArcGIS default to.
double boundingBoxArea(std::span<const double> x, std::span<const double> y);

} // namespace vigie::analytics
