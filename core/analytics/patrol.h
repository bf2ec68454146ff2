// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vigie::analytics {

/// Parameters of allocatePatrols().
struct AllocationParams
{
    int units = 5;               ///< number of units to place
    double coverageRadius = 500; ///< metres: a unit covers the cells whose centre is this close
    /// Candidate positions: these sites if non-empty (e.g. sector centroids, stations), else the
    /// centre of every cell with positive risk.
    std::vector<double> siteX, siteY;
};

/// Units placed by allocatePatrols().
struct Allocation
{
    std::vector<double> x, y; ///< unit positions (metres), in order of choice
    std::vector<std::size_t>
        site; ///< index into the candidate sites (or cell index when the sites were cells)
    std::vector<double> marginalRisk; ///< risk newly covered by each unit
    double coveredRisk = 0;           ///< risk of the cells within coverageRadius of some unit
    double totalRisk = 0;
    double coveredShare = 0; ///< coveredRisk / totalRisk
};

/**
 * Maximal covering location by greedy choice: each unit goes to the candidate site that adds the
 * most risk not yet covered (ties: lowest site index). Risk is per cell (NaN and negatives = 0).
 * Lazy evaluation (CELF) keeps it fast: gains only shrink as units are placed. If no site adds
 * risk before all units are placed, the remaining units go to the unused sites with the most risk
 * within the radius (covered or not; used sites again once all are used), so that exactly `units`
 * are returned.
 */
Allocation allocatePatrols(const Raster &risk, const AllocationParams &params,
                           Feedback *feedback = nullptr);

/// Units per sector (a sector = any area with a risk: quartier, patrol beat).
struct SectorAllocation
{
    std::vector<int> units;      ///< per sector
    std::vector<double> covered; ///< risk covered per sector: risk * (1 - (1 - p)^units)
    double coveredRisk = 0;
    double totalRisk = 0;
    double coveredShare = 0;
};

/**
 * Allocates `units` to sectors when each unit in a sector covers a share `perUnitShare` (p, in
 * (0, 1]) of the risk not yet covered there: covered_s = risk_s (1 - (1 - p)^k_s). The objective
 * is separable and concave in k_s, so giving each unit in turn to the sector with the largest
 * marginal gain risk_s p (1 - p)^k_s is optimal (ties: lowest sector index). Negative or NaN risk
 * counts as 0.
 */
SectorAllocation allocateToSectors(std::span<const double> sectorRisk, int units,
                                   double perUnitShare);

/// Covered risk and share of `risk` for arbitrary unit positions (same rule as allocatePatrols).
Allocation evaluateAllocation(const Raster &risk, std::span<const double> x,
                              std::span<const double> y, double coverageRadius);

/**
 * An optional road network for travel: nodes (metres), undirected edges with a length in metres
 * and a speed in m/s (<= 0: use ResponseParams::speed). Units and incidents are joined to their
 * nearest node in a straight line at ResponseParams::offNetworkSpeed.
 */
struct RoadGraph
{
    std::vector<double> nodeX, nodeY;
    std::vector<int> from, to;
    std::vector<double> lengthM;
    std::vector<double> speedMps;
};

/// A road as a polyline (metres) with an optional speed (m/s, <= 0 = the default speed).
struct RoadPolyline
{
    std::vector<double> x, y;
    double speedMps = 0;
};

/// Builds a RoadGraph from polylines: every vertex becomes a node, merged with an existing node
/// closer than `snapTolerance` metres (so that roads sharing an end or a crossing vertex connect);
/// consecutive vertices give edges of their straight-line length. Throws std::invalid_argument for
/// mismatched x/y or a negative tolerance.
RoadGraph roadGraphFromPolylines(std::span<const RoadPolyline> lines, double snapTolerance = 1.0);

struct ResponseParams
{
    int incidents = 10000;              ///< simulated incidents, drawn from the risk surface
    double speed = 30.0 / 3.6;          ///< m/s in a straight line (30 km/h)
    double offNetworkSpeed = 5.0 / 3.6; ///< m/s to and from the network (walking/slow driving)
    double dispatchDelay = 60;          ///< seconds added to every response
    double targetTime = 600;            ///< seconds: share of responses within it
    std::uint64_t seed = 1;
    const RoadGraph *graph = nullptr; ///< travel on the network when set
};

/// Distribution of simulated response times (seconds): the nearest unit (least travel time)
/// responds; units are always available.
struct ResponseStats
{
    std::size_t incidents = 0;
    double mean = 0;
    double median = 0;
    double p90 = 0;
    double max = 0;
    double shareWithinTarget = 0;
    std::vector<double> times; ///< per simulated incident, in draw order
};

/**
 * Monte Carlo of response times: incidents are drawn in cells with probability proportional to
 * risk, uniformly within the cell (seeded, one Rng::stream per block of 4096 incidents), and the
 * response time is dispatchDelay + travel time of the quickest unit. Deterministic for a seed.
 */
ResponseStats simulateResponse(const Raster &risk, std::span<const double> unitX,
                               std::span<const double> unitY, const ResponseParams &params,
                               Feedback *feedback = nullptr);

/// Two allocations on the same simulated incidents (common random numbers). Differences are B - A.
struct AllocationComparison
{
    ResponseStats a, b;
    Allocation coverageA, coverageB; ///< covered risk within `coverageRadius`
    double meanDifference = 0;
    double medianDifference = 0;
    double p90Difference = 0;
    double shareWithinTargetDifference = 0;
    double coveredShareDifference = 0;
    double shareBFaster = 0; ///< share of incidents where B responds strictly sooner
};

AllocationComparison compareAllocations(const Raster &risk, std::span<const double> ax,
                                        std::span<const double> ay, std::span<const double> bx,
                                        std::span<const double> by, const ResponseParams &params,
                                        double coverageRadius, Feedback *feedback = nullptr);

/// Shortest travel times (seconds) on `graph` from `source` node to every node (Dijkstra);
/// +infinity where unreachable. `defaultSpeed` (m/s) replaces non-positive edge speeds.
std::vector<double> networkTravelTimes(const RoadGraph &graph, int source, double defaultSpeed);

} // namespace vigie::analytics
