// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstdint>
#include <span>
#include <vector>

namespace vigie::analytics {

/**
 * Mann–Kendall trend test of a series against its order (time). S = sum_{i<j} sign(x_j - x_i);
 * Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18 over groups of t tied values; z with the
 * continuity correction (S -/+ 1) / sqrt(Var S), 0 when S = 0; p two-sided normal; tau is
 * Kendall's tau-b. Identical to R's cor.test(x, seq_along(x), method = "kendall", exact = FALSE,
 * continuity = TRUE).
 * NaN values are dropped. Needs at least 3 values (else z = 0, p = 1).
 */
struct MannKendall
{
    double s = 0.0, varianceS = 0.0, z = 0.0, p = 1.0, tau = 0.0;
};
MannKendall mannKendall(std::span<const double> series);

/**
 * Counts (or summed weights) of points per grid cell and time step:
 * values[step * grid.cellCount() + cell]. mask: empty, or one byte per cell, 0 = outside the study
 * area (such cells are never analysed).
 */
struct SpaceTimeCube
{
    GridSpec grid;
    int steps = 0;
    double t0 = 0.0;       ///< start of step 0 (days)
    double stepDays = 1.0; ///< length of a step (days)
    std::vector<double> values;
    std::vector<std::uint8_t> mask;

    double at(int step, std::size_t cell) const
    {
        return values[std::size_t(step) * grid.cellCount() + cell];
    }
};

/**
 * Aggregates points (t = time in days) into a cube: step s covers [t0 + s*stepDays,
 * t0 + (s+1)*stepDays). Points outside the grid or the time span are ignored; point weights are
 * summed when present. Throws std::invalid_argument when points have no times.
 */
SpaceTimeCube buildCube(const PointSet &points, const GridSpec &grid, double t0, double stepDays,
                        int steps, std::span<const std::uint8_t> mask = {});

/// Emerging hot / cold spot categories (ArcGIS Pro's Emerging Hot Spot Analysis, see docs).
enum class EmergingCategory {
    None,
    New,
    Consecutive,
    Intensifying,
    Persistent,
    Diminishing,
    Sporadic,
    Oscillating,
    Historical,
    NewCold,
    ConsecutiveCold,
    IntensifyingCold,
    PersistentCold,
    DiminishingCold,
    SporadicCold,
    OscillatingCold,
    HistoricalCold
};

/// Stable English key: "none", "new_hot", ..., "historical_cold".
const char *categoryKey(EmergingCategory category);

/**
 * The category of one location from its per-step states (+1 significant hot bin, -1 significant
 * cold bin, 0 not significant, oldest first) and the Mann–Kendall trend of its Gi* z-scores
 * (trend significant when trendP <= alpha). Rules in docs/analytics-hotspots.md.
 */
EmergingCategory classifyEmerging(std::span<const int> states, double trendZ, double trendP,
                                  double alpha = 0.05);

struct EmergingOptions
{
    double neighbourDistance = 0.0; ///< metres between cell centres (self always included)
    int neighbourSteps = 1;         ///< previous steps in the space-time neighbourhood (ArcGIS: 1)
    bool fdr = false;               ///< bins significant by BH q-value rather than p-value
    double alpha = 0.05;            ///< significance of the bins and of the trend
};

struct EmergingResult
{
    std::vector<std::uint8_t> analysed;     ///< per cell: 1 when analysed
    std::vector<EmergingCategory> category; ///< per cell (None for cells not analysed)
    std::vector<double> trendZ, trendP;     ///< per cell: Mann–Kendall of the cell's Gi* z-scores
    std::vector<double> giZ, giP; ///< per bin [step * cells + cell]; NaN when not analysed
    std::vector<int> giClass;     ///< per bin, -3..3 (ArcGIS confidence classes)
};

/**
 * Space-time Gi* and categories. Analysed cells: the mask's cells when the cube has a mask, else
 * the cells with a non-zero value in at least one step (as ArcGIS). Every analysed bin is a unit of
 * one Gi* over the whole cube (ArcGIS's "entire cube" global window); its neighbours are the bins
 * of the analysed cells whose centres are within neighbourDistance (itself included), in the same
 * step and the neighbourSteps previous ones. Binary weights.
 */
EmergingResult emergingHotSpots(const SpaceTimeCube &cube, const EmergingOptions &options,
                                Feedback *feedback = nullptr);
EmergingResult emergingHotSpots(const SpaceTimeCube &cube, double neighbourDistance,
                                int neighbourSteps, bool fdr, Feedback *feedback = nullptr);

} // namespace vigie::analytics
