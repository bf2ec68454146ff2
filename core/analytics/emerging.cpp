// SPDX-License-Identifier: GPL-3.0-or-later
#include "emerging.h"

#include "hotspot.h"
#include "weights.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace vigie::analytics {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

MannKendall mannKendall(std::span<const double> series)
{
    std::vector<double> x;
    x.reserve(series.size());
    for (double v : series)
        if (!std::isnan(v))
            x.push_back(v);
    MannKendall r;
    const std::size_t n = x.size();
    if (n < 3)
        return r;
    double s = 0.0;
    for (std::size_t i = 0; i + 1 < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            s += (x[j] > x[i]) - (x[j] < x[i]);
    // Tie groups.
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    double tieTerm = 0.0, tiedPairs = 0.0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && sorted[j] == sorted[i])
            ++j;
        const double t = double(j - i);
        tieTerm += t * (t - 1.0) * (2.0 * t + 5.0);
        tiedPairs += t * (t - 1.0) / 2.0;
        i = j;
    }
    const double dn = double(n);
    r.s = s;
    r.varianceS = (dn * (dn - 1.0) * (2.0 * dn + 5.0) - tieTerm) / 18.0;
    const double pairs = dn * (dn - 1.0) / 2.0;
    const double denominator = std::sqrt((pairs - tiedPairs) * pairs);
    r.tau = denominator > 0.0 ? s / denominator : 0.0;
    if (r.varianceS > 0.0 && s != 0.0) {
        r.z = (s > 0.0 ? s - 1.0 : s + 1.0) / std::sqrt(r.varianceS);
        r.p = std::erfc(std::abs(r.z) / std::sqrt(2.0));
    }
    return r;
}

SpaceTimeCube buildCube(const PointSet &points, const GridSpec &grid, double t0, double stepDays,
                        int steps, std::span<const std::uint8_t> mask)
{
    if (grid.cols < 1 || grid.rows < 1 || !(grid.cellSize > 0.0))
        throw std::invalid_argument("buildCube: the grid must have cells of positive size");
    if (!(stepDays > 0.0) || !std::isfinite(stepDays))
        throw std::invalid_argument("buildCube: stepDays must be positive");
    if (steps < 1)
        throw std::invalid_argument("buildCube: steps must be >= 1");
    if (!std::isfinite(t0))
        throw std::invalid_argument("buildCube: t0 must be finite");
    if (points.t.size() != points.size() || points.y.size() != points.size())
        throw std::invalid_argument("buildCube: points need x, y and t of the same size");
    if (!points.weight.empty() && points.weight.size() != points.size())
        throw std::invalid_argument("buildCube: point weights must be empty or one per point");
    if (!mask.empty() && mask.size() != grid.cellCount())
        throw std::invalid_argument("buildCube: mask must be empty or have one value per cell");
    const std::size_t cells = grid.cellCount();
    if (double(cells) * double(steps) > 2e9)
        throw std::invalid_argument("buildCube: the cube is too large");
    SpaceTimeCube cube;
    cube.grid = grid;
    cube.steps = steps;
    cube.t0 = t0;
    cube.stepDays = stepDays;
    cube.values.assign(cells * std::size_t(steps), 0.0);
    cube.mask.assign(mask.begin(), mask.end());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double rel = (points.t[i] - t0) / stepDays;
        if (!(rel >= 0.0) || !(rel < double(steps)))
            continue;
        const int step = std::min(int(std::floor(rel)), steps - 1);
        const int col = grid.colOf(points.x[i]), row = grid.rowOf(points.y[i]);
        if (col < 0 || row < 0)
            continue;
        cube.values[std::size_t(step) * cells + grid.index(col, row)] += points.weightOf(i);
    }
    return cube;
}

const char *categoryKey(EmergingCategory category)
{
    switch (category) {
    case EmergingCategory::None:
        return "none";
    case EmergingCategory::New:
        return "new_hot";
    case EmergingCategory::Consecutive:
        return "consecutive_hot";
    case EmergingCategory::Intensifying:
        return "intensifying_hot";
    case EmergingCategory::Persistent:
        return "persistent_hot";
    case EmergingCategory::Diminishing:
        return "diminishing_hot";
    case EmergingCategory::Sporadic:
        return "sporadic_hot";
    case EmergingCategory::Oscillating:
        return "oscillating_hot";
    case EmergingCategory::Historical:
        return "historical_hot";
    case EmergingCategory::NewCold:
        return "new_cold";
    case EmergingCategory::ConsecutiveCold:
        return "consecutive_cold";
    case EmergingCategory::IntensifyingCold:
        return "intensifying_cold";
    case EmergingCategory::PersistentCold:
        return "persistent_cold";
    case EmergingCategory::DiminishingCold:
        return "diminishing_cold";
    case EmergingCategory::SporadicCold:
        return "sporadic_cold";
    case EmergingCategory::OscillatingCold:
        return "oscillating_cold";
    case EmergingCategory::HistoricalCold:
        return "historical_cold";
    }
    return "none";
}

namespace {

/// Hot-side rules; `sign` = +1 classifies hot spots, -1 cold spots (states and trend mirrored).
/// Returns the offset 1..8 of the category in the enum's hot (or cold) block, 0 for none.
int classifySide(std::span<const int> states, double trendZ, bool trendSignificant, int sign)
{
    const std::size_t n = states.size();
    std::size_t hot = 0, opposite = 0;
    for (int s : states) {
        hot += (s == sign);
        opposite += (s == -sign);
    }
    const bool mostly = double(hot) >= 0.9 * double(n);
    const bool finalHot = states[n - 1] == sign;
    if (!finalHot)
        return mostly ? 8 /* historical */ : 0;
    if (mostly) {
        const double z = trendZ * sign; // the intensity of this kind of spot grows when > 0
        if (trendSignificant && z > 0.0)
            return 3; // intensifying
        if (trendSignificant && z < 0.0)
            return 5; // diminishing
        return 4;     // persistent
    }
    if (opposite > 0)
        return 7; // oscillating
    if (hot == 1)
        return 1; // new
    std::size_t run = 0;
    while (run < n && states[n - 1 - run] == sign)
        ++run;
    if (run == hot)
        return 2; // consecutive: every hot bin is in the final run (which has >= 2 bins)
    return 6;     // sporadic
}

} // namespace

EmergingCategory classifyEmerging(std::span<const int> states, double trendZ, double trendP,
                                  double alpha)
{
    if (states.empty())
        return EmergingCategory::None;
    const bool significant = !std::isnan(trendP) && trendP <= alpha;
    const int last = states.back();
    // The final step decides the side; with a neutral final step, a historical hot spot wins over
    // a historical cold spot (both cannot hold: they need 90 % of the steps each).
    int hot = classifySide(states, trendZ, significant, +1);
    if (last >= 0 && hot > 0)
        return EmergingCategory(hot);
    int cold = classifySide(states, trendZ, significant, -1);
    if (cold > 0)
        return EmergingCategory(8 + cold);
    return EmergingCategory::None;
}

EmergingResult emergingHotSpots(const SpaceTimeCube &cube, double neighbourDistance,
                                int neighbourSteps, bool fdr, Feedback *feedback)
{
    EmergingOptions o;
    o.neighbourDistance = neighbourDistance;
    o.neighbourSteps = neighbourSteps;
    o.fdr = fdr;
    return emergingHotSpots(cube, o, feedback);
}

namespace {

void checkCube(const SpaceTimeCube &cube, const EmergingOptions &options)
{
    const std::size_t cells = cube.grid.cellCount();
    if (cube.steps < 2)
        throw std::invalid_argument("emergingHotSpots: the cube needs at least 2 time steps");
    if (cube.values.size() != cells * std::size_t(cube.steps))
        throw std::invalid_argument(
            "emergingHotSpots: cube values must have cells * steps entries");
    if (!cube.mask.empty() && cube.mask.size() != cells)
        throw std::invalid_argument(
            "emergingHotSpots: cube mask must be empty or one value per cell");
    if (!(options.neighbourDistance >= 0.0) || !std::isfinite(options.neighbourDistance))
        throw std::invalid_argument("emergingHotSpots: neighbourDistance must be >= 0 metres");
    if (options.neighbourSteps < 0 || options.neighbourSteps >= cube.steps)
        throw std::invalid_argument("emergingHotSpots: neighbourSteps must be in [0, steps - 1]");
    if (!(options.alpha > 0.0 && options.alpha < 1.0))
        throw std::invalid_argument("emergingHotSpots: alpha must be in (0, 1)");
    for (double v : cube.values)
        if (!std::isfinite(v))
            throw std::invalid_argument("emergingHotSpots: cube values must be finite");
}

/// The grid cells analysed: those of the mask, else those with a count at some step; marks
/// them in r.analysed.
std::vector<std::size_t> analysedCells(const SpaceTimeCube &cube, EmergingResult &r)
{
    const std::size_t cells = cube.grid.cellCount();
    r.analysed.assign(cells, 0);
    std::vector<std::size_t> analysed;
    for (std::size_t c = 0; c < cells; ++c) {
        bool use;
        if (!cube.mask.empty()) {
            use = cube.mask[c] != 0;
        } else {
            use = false;
            for (int s = 0; s < cube.steps && !use; ++s)
                use = cube.at(s, c) != 0.0;
        }
        if (use) {
            r.analysed[c] = 1;
            analysed.push_back(c);
        }
    }
    return analysed;
}

/// Distance-band neighbours (self included: Gi*) between the analysed cells' centres.
SpatialWeights cellWeights(const SpaceTimeCube &cube, const std::vector<std::size_t> &analysed,
                           double distance)
{
    const std::size_t m = analysed.size();
    std::vector<double> cx(m), cy(m);
    for (std::size_t i = 0; i < m; ++i) {
        const int col = int(analysed[i] % std::size_t(cube.grid.cols));
        const int row = int(analysed[i] / std::size_t(cube.grid.cols));
        cx[i] = cube.grid.centreX(col);
        cy[i] = cube.grid.centreY(row);
    }
    return distanceBandWeights(cx, cy, distance, true);
}

/**
 * The space-time Gi* z-score and p-value of every analysed bin: neighbours in space within
 * the distance band, in time over the neighbourSteps previous steps; mean and variance over
 * every analysed bin of the cube (the "entire cube" global window).
 */
void spaceTimeGi(const SpaceTimeCube &cube, const std::vector<std::size_t> &analysed,
                 const SpatialWeights &w, int neighbourSteps, Feedback *feedback, EmergingResult &r)
{
    const std::size_t m = analysed.size(), cells = cube.grid.cellCount();
    const int steps = cube.steps;
    const double bins = double(m) * double(steps);
    double sum = 0.0;
    for (int s = 0; s < steps; ++s)
        for (std::size_t i = 0; i < m; ++i)
            sum += cube.at(s, analysed[i]);
    const double xbar = sum / bins;
    double centredSq = 0.0;
    for (int s = 0; s < steps; ++s)
        for (std::size_t i = 0; i < m; ++i) {
            const double d = cube.at(s, analysed[i]) - xbar;
            centredSq += d * d;
        }
    const double s2 = centredSq / bins;

    // Spatial lag of every step, then sums over the time window.
    std::vector<double> spatialLag(m * std::size_t(steps));
    for (int s = 0; s < steps; ++s) {
        throwIfCanceled(feedback);
        if (feedback)
            feedback->setProgress(60.0 * s / steps, "Space-time Gi*");
        for (std::size_t i = 0; i < m; ++i) {
            double lag = 0.0;
            for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
                lag += cube.at(s, analysed[std::size_t(w.indices[k])]);
            spatialLag[std::size_t(s) * m + i] = lag;
        }
    }
    r.giZ.assign(cells * std::size_t(steps), kNaN);
    r.giP.assign(cells * std::size_t(steps), kNaN);
    for (int s = 0; s < steps; ++s) {
        const int first = std::max(0, s - neighbourSteps);
        const double windowSteps = double(s - first + 1);
        for (std::size_t i = 0; i < m; ++i) {
            double lag = 0.0;
            for (int t = first; t <= s; ++t)
                lag += spatialLag[std::size_t(t) * m + i];
            const double wSum = double(w.neighbourCount(i)) * windowSteps; // binary: wSq = wSum
            const double variance = s2 * (bins * wSum - wSum * wSum) / (bins - 1.0);
            const double z = variance > 0.0 ? (lag - wSum * xbar) / std::sqrt(variance) : kNaN;
            const std::size_t bin = std::size_t(s) * cells + analysed[i];
            r.giZ[bin] = z;
            r.giP[bin] = twoSidedNormalP(z);
        }
    }
}

/// Each analysed cell's Mann–Kendall trend of its Gi* z-scores and its category from the
/// significant hot and cold steps.
void classifyCells(const SpaceTimeCube &cube, const std::vector<std::size_t> &analysed,
                   const std::vector<double> &pUsed, double alpha, Feedback *feedback,
                   EmergingResult &r)
{
    const std::size_t m = analysed.size(), cells = cube.grid.cellCount();
    const int steps = cube.steps;
    r.category.assign(cells, EmergingCategory::None);
    r.trendZ.assign(cells, kNaN);
    r.trendP.assign(cells, kNaN);
    std::vector<double> series(static_cast<std::size_t>(steps));
    std::vector<int> states(static_cast<std::size_t>(steps));
    for (std::size_t i = 0; i < m; ++i) {
        if ((i & 1023u) == 0) {
            throwIfCanceled(feedback);
            if (feedback)
                feedback->setProgress(60.0 + 40.0 * double(i) / double(m), "Emerging hot spots");
        }
        const std::size_t c = analysed[i];
        for (int s = 0; s < steps; ++s) {
            const std::size_t bin = std::size_t(s) * cells + c;
            series[std::size_t(s)] = r.giZ[bin];
            const bool significant = !std::isnan(pUsed[bin]) && pUsed[bin] <= alpha;
            states[std::size_t(s)] = significant ? (r.giZ[bin] > 0.0 ? 1 : -1) : 0;
        }
        const MannKendall mk = mannKendall(series);
        r.trendZ[c] = mk.z;
        r.trendP[c] = mk.p;
        r.category[c] = classifyEmerging(states, mk.z, mk.p, alpha);
    }
}

} // namespace

EmergingResult emergingHotSpots(const SpaceTimeCube &cube, const EmergingOptions &options,
                                Feedback *feedback)
{
    checkCube(cube, options);
    EmergingResult r;
    const std::vector<std::size_t> analysed = analysedCells(cube, r);
    if (analysed.size() < 2 || double(analysed.size()) * double(cube.steps) < 3)
        throw std::invalid_argument("emergingHotSpots: fewer than 2 locations to analyse");
    const SpatialWeights w = cellWeights(cube, analysed, options.neighbourDistance);
    throwIfCanceled(feedback);
    spaceTimeGi(cube, analysed, w, options.neighbourSteps, feedback, r);
    throwIfCanceled(feedback);
    const std::vector<double> q = benjaminiHochberg(r.giP); // NaN bins are ignored
    const std::vector<double> &pUsed = options.fdr ? q : r.giP;
    r.giClass.assign(r.giZ.size(), 0);
    for (std::size_t b = 0; b < r.giZ.size(); ++b)
        r.giClass[b] = confidenceClass(r.giZ[b], pUsed[b]);
    classifyCells(cube, analysed, pUsed, options.alpha, feedback, r);
    if (feedback)
        feedback->setProgress(100.0, "Emerging hot spots");
    return r;
}

} // namespace vigie::analytics
