// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstdint>
#include <span>
#include <vector>

namespace vigie::analytics {

/// A simple polygon as one ring of vertices (metres); closing vertex optional.
struct PolygonRing
{
    std::vector<double> x;
    std::vector<double> y;
};

/// Even-odd point-in-polygon test.
bool pointInRing(const PolygonRing &ring, double x, double y);

/// Mask (grid.cellCount() values, row-major, row 0 at the top; 1 = inside) of the cells whose
/// centre lies inside `ring`.
std::vector<std::uint8_t> ringMask(const GridSpec &grid, const PolygonRing &ring);

/// Buffer ring around an area mask: cells NOT in `area` whose centre lies within `distance`
/// metres of the centre of some cell of `area`.
std::vector<std::uint8_t> bufferRingMask(const GridSpec &grid, std::span<const std::uint8_t> area,
                                         double distance);

/// How the comparison (control) units are chosen.
enum class ControlSelection {
    Given,    ///< ImpactAreas::control, aggregated into one control unit
    AllOther, ///< every cell outside the treated area and its buffer, aggregated into one unit
    Matched   ///< the `matchedControls` cells outside treated + buffer whose pre-period series best
              ///< match the treated one (log level per cell and log-linear trend), one unit each
};

/// Areas of an action, as masks on one grid (each grid.cellCount() values, 1 = member).
/// A point belongs to the area of the cell containing it.
struct ImpactAreas
{
    GridSpec grid;
    std::span<const std::uint8_t> treated;
    std::span<const std::uint8_t> control; ///< needed only with ControlSelection::Given
    std::span<const std::uint8_t> buffer;  ///< empty: bufferRingMask(treated, bufferDistance)
};

struct ImpactParams
{
    double actionTime = 0;  ///< days, same origin as the points' t
    double preDays = 364;   ///< before window [actionTime - preDays, actionTime)
    double postDays = 364;  ///< after window [actionTime, actionTime + postDays)
    double periodDays = 28; ///< length of the periods of the count series (divides each window)
    ControlSelection controls = ControlSelection::Matched;
    int matchedControls = 20;  ///< cells kept with ControlSelection::Matched
    double bufferDistance = 0; ///< metres; used when ImpactAreas::buffer is empty (0 = no buffer)
    double confidence = 0.95;
    int bootstrapReplicates = 999; ///< 0 = no bootstrap interval
    std::uint64_t seed = 1;
};

/// Difference in differences on the log scale: delta = log of the ratio of the treated area's
/// after/before rate ratio to the control's (see docs/analytics-scenarios.md).
struct DidEstimate
{
    double delta = 0;         ///< log rate ratio; exp(delta) - 1 is the relative effect
    double se = 0;            ///< quasi-Poisson standard error of delta
    double low = 0, high = 0; ///< analytic (Wald) interval on delta
    double pValue = 1;        ///< two-sided, normal
    double dispersion = 1;    ///< Pearson dispersion (>= 1 used in se)
    double effect = 0, effectLow = 0, effectHigh = 0; ///< exp(.) - 1 (e.g. -0.25 = 25 % fewer)
    double bootLow = 0,
           bootHigh = 0;    ///< period-bootstrap percentile interval on delta (NaN if off)
    double simpleDelta = 0; ///< log((TA/TB)/(CA/CB)) on aggregated counts, for reference
};

/// Pre-trend check: difference of log-linear trends (treated minus controls) per period, fitted
/// on the before window only with unit and period fixed effects.
struct PreTrendCheck
{
    double slope = 0; ///< per period, log scale
    double se = 0;
    double pValue = 1;
    bool parallel = true; ///< pValue >= 0.05
};

/// Weighted displacement quotient (Bowers & Johnson 2003). R = treated (response) area, B =
/// buffer, C = control; suffix B = before, A = after.
struct Wdq
{
    double rB = 0, rA = 0, bB = 0, bA = 0, cB = 0, cA = 0;
    double successMeasure = 0;      ///< rA/cA - rB/cB (negative = the treated area improved)
    double displacementMeasure = 0; ///< bA/cA - bB/cB (positive = displacement to the buffer)
    double wdq = 0; ///< displacement / success; > 0 diffusion of benefits, < 0 displacement; NaN if
                    ///< success is 0
    double expectedTreatedAfter = 0; ///< rB * cA / cB
    double expectedBufferAfter = 0;  ///< bB * cA / cB
    double treatedReduction = 0;     ///< expectedTreatedAfter - rA
    double bufferReduction = 0;      ///< expectedBufferAfter - bA (negative = displaced incidents)
    double netEffect = 0; ///< treatedReduction + bufferReduction (incidents prevented in total)
};

/// WDQ and its components from counts. Throws std::invalid_argument if cB or cA is not > 0.
Wdq weightedDisplacementQuotient(double rB, double rA, double bB, double bA, double cB, double cA);

struct ImpactResult
{
    double treatedBefore = 0, treatedAfter = 0;
    double controlBefore = 0, controlAfter = 0;
    double bufferBefore = 0, bufferAfter = 0;
    int prePeriods = 0, postPeriods = 0;
    std::vector<double> periodStart;   ///< days, start of each period (pre then post)
    std::vector<double> treatedSeries; ///< counts per period in the treated area
    std::vector<double> controlSeries; ///< counts per period in all control units together
    std::vector<std::size_t>
        controlCells; ///< cell indices of the control units (all cells for Given/AllOther)
    std::vector<std::uint8_t> bufferMask; ///< the buffer used
    DidEstimate did;
    PreTrendCheck preTrend;
    Wdq wdq; ///< NaN fields when there is no buffer or no control counts
};

/**
 * Impact of an action: before/after counts, quasi-Poisson difference in differences with unit and
 * period fixed effects, Wald and period-bootstrap intervals, a pre-trend check and the WDQ in the
 * buffer. Points need times (t). Throws std::invalid_argument on bad parameters (naming the
 * parameter) and Canceled when `feedback` asks to stop.
 */
ImpactResult estimateImpact(const PointSet &points, const ImpactAreas &areas,
                            const ImpactParams &params, Feedback *feedback = nullptr);

/// Result of a Poisson log-linear fit (IRLS). Exposed for tests.
struct PoissonFit
{
    std::vector<double> beta;
    std::vector<double> se; ///< model-based (dispersion 1)
    double pearsonChi2 = 0;
    int dfResidual = 0;
    bool converged = false;
};

/// Poisson GLM with log link: y ~ X (row-major, n x p). Throws if X is rank deficient.
PoissonFit fitPoisson(const std::vector<double> &X, int p, const std::vector<double> &y);

} // namespace vigie::analytics
