// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace vigie::analytics {

/**
 * Parameters of the self-exciting point process (SEPP) fitted by fitSepp(), after Mohler et al.
 * (2011, JASA, "Self-exciting point process modeling of crime"), parametric version:
 *
 *   lambda(x, y, t) = mu * b(x, y) + sum_{t_j < t} theta * omega * exp(-omega (t - t_j))
 *                                   * exp(-d_j^2 / (2 sigma^2)) / (2 pi sigma^2)
 *
 * with mu the background rate (events per day over the grid, constant in time), b a spatial
 * density on the grid (per square metre, integrating to 1 over the grid), theta the branching
 * ratio (mean number of direct offspring per event), omega the decay rate (per day) and sigma the
 * per-axis standard deviation (metres) of the isotropic Gaussian displacement. Distances in
 * metres, times in days.
 */
struct SeppParams
{
    /// Grid of the background (and of the forecasts). Events outside it are ignored.
    GridSpec grid;
    /// Observation window [startDay, endDay] in days. NaN: the first / last event time.
    double startDay = std::numeric_limits<double>::quiet_NaN();
    double endDay = std::numeric_limits<double>::quiet_NaN();

    /// Only pairs closer than this in space and time may be parent and offspring (metres, days).
    /// Keep them several sigma and several 1/omega wide: the M-step ignores the truncation of
    /// omega and sigma (theta's is corrected).
    double maxTriggerDistance = 1500.0;
    double maxTriggerDays = 60.0;

    /// Standard deviation (metres) of the Gaussian smoothing of the background weights on the
    /// grid. 0: Scott's rule on the events (sd * n^(-1/6)), at least one cell.
    double backgroundBandwidth = 0.0;

    /// Starting values of the EM.
    double initialTheta = 0.2;
    double initialOmega = 0.2;   ///< per day
    double initialSigma = 200.0; ///< metres

    /// Lower bound of sigma (metres): locations snapped to the same point (e.g. police.uk's
    /// anonymised points) would otherwise shrink sigma towards 0.
    double minSigma = 10.0;

    int maxIterations = 200;
    /// Stops when theta, omega and sigma change by less than this (relative) in one iteration.
    double tolerance = 1e-5;

    /// Times recorded at a coarse resolution (e.g. 1 for dates only, 30 for months) are spread
    /// uniformly over [t, t + timeResolutionDays) with a generator seeded by `seed` (ties would
    /// otherwise make parents and offspring indistinguishable). 0: times are used as given.
    double timeResolutionDays = 0.0;
    std::uint64_t seed = 1;
};

/// Throws std::invalid_argument (naming the field) when `params` are unusable; fitSepp() calls it.
void validateSeppParams(const SeppParams &params);

/// A fitted SEPP; self-contained (keeps the events needed to forecast).
struct SeppModel
{
    GridSpec grid;
    double mu = 0; ///< background events per day over the whole grid
    /// Background spatial density per square metre on the grid (row-major, row 0 at the top);
    /// sum(background) * grid.cellArea() == 1.
    std::vector<double> background;
    double theta = 0;                ///< branching ratio
    double omega = 0;                ///< temporal decay, per day (mean delay 1/omega days)
    double sigma = 0;                ///< spatial sd, metres
    double backgroundBandwidth = 0;  ///< the smoothing sd used (metres)
    double startDay = 0, endDay = 0; ///< observation window used
    double maxTriggerDistance = 0, maxTriggerDays = 0;

    /// Events used (inside the grid and window), times after any spreading, sorted by time.
    std::vector<double> x, y, t;
    /// Probability that each event (same order) is a background event, from the last E-step.
    std::vector<double> backgroundProbability;

    int iterations = 0;
    bool converged = false;
    double logLikelihood = 0;      ///< at the final parameters
    std::size_t ignoredEvents = 0; ///< outside the grid or the window
    std::size_t pairCount = 0;     ///< candidate parent-offspring pairs
};

/**
 * Fits the SEPP by expectation–maximisation: the E-step gives each event the probability of
 * being background or triggered by each earlier event within maxTriggerDistance and
 * maxTriggerDays (pairs found by bucketing events in cells and in time); the M-step sets
 *   theta = sum p_ij / sum_j (1 - exp(-omega min(maxTriggerDays, endDay - t_j))) (1 - exp(-R^2/2
 * sigma^2)), omega = sum p_ij / sum p_ij (t_i - t_j), sigma^2 = sum p_ij d_ij^2 / (2 sum p_ij), mu
 * = sum p_ii / (endDay - startDay), and the background density is the Gaussian smoothing on the
 * grid of the background probabilities, edge-corrected for the grid window; in the E-step each
 * event sees the background without its own contribution (leave-one-out, avoids the self-excitation
 * of the background). Deterministic for a given seed. Throws std::invalid_argument on bad
 * parameters (or fewer than 2 events) and Canceled when `feedback` asks to stop.
 */
SeppModel fitSepp(const PointSet &events, const SeppParams &params, Feedback *feedback = nullptr);

/**
 * Expected number of events in each cell of model.grid during [fromDay, fromDay + durationDays):
 * the background mu b cellArea durationDays plus, for every fitted event, its first-generation
 * offspring falling in the cell during that period (Gaussian integrated exactly over the cell).
 * fromDay is normally model.endDay. Offspring of offspring born inside the period are not counted.
 */
Raster seppExpectedCounts(const SeppModel &model, double fromDay, double durationDays);

/// Intensity (events per square metre per day) of the fitted model at (x, y, t), t >= endDay
/// or inside the window (counts the events strictly before t).
double seppIntensity(const SeppModel &model, double x, double y, double t);

} // namespace vigie::analytics
