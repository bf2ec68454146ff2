// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rng.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace vigie::analytics {

/// A marked event in space (metres) and time (days from an origin).
struct SpaceTimeEvent
{
    double x = 0.0;
    double y = 0.0;
    double t = 0.0;
    int mark = 0;       ///< e.g. a category index; offspring inherit it
    int generation = 0; ///< 0 for background events, parent's + 1 for offspring
};

/// Self-exciting ("near-repeat") offspring: each event triggers Poisson(branchingRatio) more
/// events, delayed by an exponential time and displaced by an isotropic Gaussian.
struct NearRepeatParams
{
    double branchingRatio = 0.2; ///< mean number of direct offspring per event (< 1)
    double meanDelayDays = 2.0;  ///< mean of the exponential delay
    double sigmaMetres = 70.0;   ///< standard deviation of the displacement on each axis
    double horizonDays = 0.0;    ///< offspring at or after this time are dropped
    int maxGeneration = 4;       ///< offspring of this generation have no more offspring
    int maxAttempts = 20;        ///< tries to find an accepted location for one offspring
};

/**
 * Appends the offspring of every event of `events` (and their offspring, generation after
 * generation) to `events`. `accept(x, y)` tells whether a location is allowed (e.g. inside the
 * city); a rejected displacement is redrawn up to maxAttempts times, then that child is dropped.
 * Background events of each mark should be thinned by (1 - branchingRatio) beforehand to keep
 * the expected total. Returns the number of events added. Deterministic for a given rng state.
 */
std::size_t addNearRepeatOffspring(std::vector<SpaceTimeEvent> &events,
                                   const std::function<NearRepeatParams(int mark)> &params,
                                   Rng &rng, const std::function<bool(double, double)> &accept);

/// Draws an inhomogeneous Poisson count per bin given its expected value.
std::vector<std::int64_t> poissonCounts(std::span<const double> expected, Rng &rng);

/**
 * Knox count: number of unordered pairs closer than maxDistance in space AND maxDt in time.
 * Times in any unit consistent with maxDt. O(n log n + pairs in the time window).
 */
std::int64_t closePairCount(std::span<const double> x, std::span<const double> y,
                            std::span<const double> t, double maxDistance, double maxDt);

} // namespace vigie::analytics
