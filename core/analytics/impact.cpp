// SPDX-License-Identifier: GPL-3.0-or-later
#include "impact.h"

#include "rng.h"

#include <Eigen/Dense>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace vigie::analytics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double normalQuantile(double p)
{
    return boost::math::quantile(boost::math::normal(), p);
}

double twoSidedP(double z)
{
    if (!std::isfinite(z))
        return kNaN;
    return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z)));
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return kNaN;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

double logRatio(double ta, double tb, double ca, double cb)
{
    if (!(ta > 0 && tb > 0 && ca > 0 && cb > 0))
        return kNaN;
    return std::log((ta / tb) / (ca / cb));
}

/// Ordinary least-squares slope of log(y + 0.5) on 0..n-1.
double logSlope(const double *y, int n)
{
    double mx = 0.5 * (n - 1), my = 0, sxy = 0, sxx = 0;
    for (int i = 0; i < n; ++i)
        my += std::log(y[i] + 0.5);
    my /= n;
    for (int i = 0; i < n; ++i) {
        sxy += (i - mx) * (std::log(y[i] + 0.5) - my);
        sxx += (i - mx) * (i - mx);
    }
    return sxx > 0 ? sxy / sxx : 0.0;
}

/// Panel of counts: units x periods, row-major.
struct Panel
{
    int units = 0;
    int periods = 0;
    std::vector<double> y;
    double at(int u, int p) const { return y[std::size_t(u) * periods + p]; }
};

/// Design for unit FE + period FE + extra columns given per observation.
std::vector<double> twoWayDesign(int units, int periods, int extra,
                                 const std::function<void(int u, int p, double *row)> &fillExtra)
{
    const int cols = 1 + (units - 1) + (periods - 1) + extra;
    std::vector<double> X(std::size_t(units) * periods * cols, 0.0);
    for (int u = 0; u < units; ++u)
        for (int p = 0; p < periods; ++p) {
            double *row = &X[(std::size_t(u) * periods + p) * cols];
            row[0] = 1.0;
            if (u > 0)
                row[u] = 1.0;
            if (p > 0)
                row[units - 1 + p] = 1.0;
            fillExtra(u, p, row + 1 + (units - 1) + (periods - 1));
        }
    return X;
}

} // namespace

bool pointInRing(const PolygonRing &ring, double x, double y)
{
    const std::size_t n = std::min(ring.x.size(), ring.y.size());
    bool inside = false;
    for (std::size_t i = 0, j = n ? n - 1 : 0; i < n; j = i++) {
        const double xi = ring.x[i], yi = ring.y[i], xj = ring.x[j], yj = ring.y[j];
        if ((yi > y) != (yj > y)) {
            const double xCross = xi + (y - yi) * (xj - xi) / (yj - yi);
            if (x < xCross)
                inside = !inside;
        }
    }
    return inside;
}

std::vector<std::uint8_t> ringMask(const GridSpec &grid, const PolygonRing &ring)
{
    if (ring.x.size() != ring.y.size() || ring.x.size() < 3)
        throw std::invalid_argument("ringMask: ring needs at least 3 vertices with as many x as y");
    std::vector<std::uint8_t> mask(grid.cellCount(), 0);
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c)
            mask[grid.index(c, r)] = pointInRing(ring, grid.centreX(c), grid.centreY(r)) ? 1 : 0;
    return mask;
}

std::vector<std::uint8_t> bufferRingMask(const GridSpec &grid, std::span<const std::uint8_t> area,
                                         double distance)
{
    if (area.size() != grid.cellCount())
        throw std::invalid_argument("bufferRingMask: area must have grid.cellCount() values");
    if (!(distance >= 0))
        throw std::invalid_argument("bufferRingMask: distance must be >= 0");
    std::vector<std::uint8_t> out(grid.cellCount(), 0);
    const int reach = int(std::floor(distance / grid.cellSize + 1e-9));
    const double d2 = distance * distance + 1e-9 * grid.cellSize * grid.cellSize;
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.cols; ++c) {
            if (!area[grid.index(c, r)])
                continue;
            for (int dr = -reach; dr <= reach; ++dr)
                for (int dc = -reach; dc <= reach; ++dc) {
                    const int rr = r + dr, cc = c + dc;
                    if (rr < 0 || cc < 0 || rr >= grid.rows || cc >= grid.cols)
                        continue;
                    const double dx = dc * grid.cellSize, dy = dr * grid.cellSize;
                    if (dx * dx + dy * dy <= d2 && !area[grid.index(cc, rr)])
                        out[grid.index(cc, rr)] = 1;
                }
        }
    return out;
}

Wdq weightedDisplacementQuotient(double rB, double rA, double bB, double bA, double cB, double cA)
{
    if (!(cB > 0) || !(cA > 0))
        throw std::invalid_argument(
            "weightedDisplacementQuotient: control counts cB and cA must be > 0");
    Wdq w;
    w.rB = rB, w.rA = rA, w.bB = bB, w.bA = bA, w.cB = cB, w.cA = cA;
    w.successMeasure = rA / cA - rB / cB;
    w.displacementMeasure = bA / cA - bB / cB;
    w.wdq = w.successMeasure != 0 ? w.displacementMeasure / w.successMeasure : kNaN;
    w.expectedTreatedAfter = rB * cA / cB;
    w.expectedBufferAfter = bB * cA / cB;
    w.treatedReduction = w.expectedTreatedAfter - rA;
    w.bufferReduction = w.expectedBufferAfter - bA;
    w.netEffect = w.treatedReduction + w.bufferReduction;
    return w;
}

PoissonFit fitPoisson(const std::vector<double> &Xrow, int p, const std::vector<double> &yv)
{
    const int n = int(yv.size());
    if (p <= 0 || Xrow.size() != std::size_t(n) * std::size_t(p))
        throw std::invalid_argument("fitPoisson: X must have y.size() * p values");
    Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> X(
        Xrow.data(), n, p);
    Eigen::Map<const Eigen::VectorXd> y(yv.data(), n);
    Eigen::VectorXd mu = (y.array() + 0.1).matrix();
    Eigen::VectorXd eta = mu.array().log().matrix();
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(p);
    PoissonFit fit;
    double devOld = std::numeric_limits<double>::infinity();
    Eigen::MatrixXd XtWX;
    for (int it = 0; it < 100; ++it) {
        const Eigen::VectorXd z = eta + ((y - mu).array() / mu.array()).matrix();
        const Eigen::MatrixXd XW = X.transpose() * mu.asDiagonal();
        XtWX = XW * X;
        Eigen::LDLT<Eigen::MatrixXd> ldlt(XtWX);
        if (ldlt.info() != Eigen::Success || ldlt.rcond() < 1e-13)
            throw std::invalid_argument("fitPoisson: design matrix is rank deficient");
        beta = ldlt.solve(XW * z);
        eta = X * beta;
        eta = eta.cwiseMin(50.0);
        mu = eta.array().exp().matrix();
        double dev = 0;
        for (int i = 0; i < n; ++i)
            dev += 2.0 * ((y[i] > 0 ? y[i] * std::log(y[i] / mu[i]) : 0.0) - (y[i] - mu[i]));
        if (std::fabs(dev - devOld) < 1e-10 * (std::fabs(dev) + 0.1)) {
            fit.converged = true;
            break;
        }
        devOld = dev;
    }
    XtWX = X.transpose() * mu.asDiagonal() * X;
    const Eigen::MatrixXd cov = XtWX.ldlt().solve(Eigen::MatrixXd::Identity(p, p));
    fit.beta.assign(beta.data(), beta.data() + p);
    fit.se.resize(std::size_t(p));
    for (int j = 0; j < p; ++j)
        fit.se[std::size_t(j)] = std::sqrt(std::max(0.0, cov(j, j)));
    for (int i = 0; i < n; ++i)
        fit.pearsonChi2 += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
    fit.dfResidual = n - p;
    return fit;
}

namespace {

void checkImpactInput(const PointSet &points, const ImpactAreas &areas, const ImpactParams &params)
{
    const std::size_t cells = areas.grid.cellCount();
    if (cells == 0)
        throw std::invalid_argument("estimateImpact: areas.grid is empty");
    if (areas.treated.size() != cells)
        throw std::invalid_argument(
            "estimateImpact: areas.treated must have grid.cellCount() values");
    if (!areas.buffer.empty() && areas.buffer.size() != cells)
        throw std::invalid_argument(
            "estimateImpact: areas.buffer must be empty or have grid.cellCount() values");
    if (params.controls == ControlSelection::Given && areas.control.size() != cells)
        throw std::invalid_argument("estimateImpact: areas.control must have grid.cellCount() "
                                    "values with ControlSelection::Given");
    if (points.t.size() != points.size())
        throw std::invalid_argument("estimateImpact: points need times (t)");
    if (!(params.preDays > 0) || !(params.postDays > 0) || !(params.periodDays > 0))
        throw std::invalid_argument("estimateImpact: preDays, postDays and periodDays must be > 0");
    if (!(params.confidence > 0 && params.confidence < 1))
        throw std::invalid_argument("estimateImpact: confidence must be in (0, 1)");
    if (params.controls == ControlSelection::Matched && params.matchedControls < 1)
        throw std::invalid_argument("estimateImpact: matchedControls must be >= 1");
    if (params.bootstrapReplicates < 0)
        throw std::invalid_argument("estimateImpact: bootstrapReplicates must be >= 0");
}

/// The before and after windows cut into periods of about periodDays.
struct PeriodLayout
{
    int pre, post, P;
    double preLen, postLen, t0;

    explicit PeriodLayout(const ImpactParams &params)
        : pre(std::max(1, int(std::lround(params.preDays / params.periodDays)))),
          post(std::max(1, int(std::lround(params.postDays / params.periodDays)))), P(pre + post),
          preLen(params.preDays / pre), postLen(params.postDays / post),
          t0(params.actionTime - params.preDays)
    {
    }
};

/// Counts per cell and period (cell-major: cellCounts[cell * P + period]).
std::vector<double> countPerCellPeriod(const PointSet &points, const GridSpec &g,
                                       const ImpactParams &params, const PeriodLayout &l,
                                       Feedback *feedback)
{
    const int pre = l.pre, post = l.post, P = l.P;
    const double preLen = l.preLen, postLen = l.postLen, t0 = l.t0;
    const std::size_t cells = g.cellCount();
    std::vector<double> cellCounts(cells * std::size_t(P), 0.0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if ((i & 0xFFFF) == 0)
            throwIfCanceled(feedback);
        const double t = points.t[i];
        int period;
        if (t >= t0 && t < params.actionTime)
            period = std::min(pre - 1, int((t - t0) / preLen));
        else if (t >= params.actionTime && t < params.actionTime + params.postDays)
            period = pre + std::min(post - 1, int((t - params.actionTime) / postLen));
        else
            continue;
        const int c = g.colOf(points.x[i]), r = g.rowOf(points.y[i]);
        if (c < 0 || r < 0)
            continue;
        cellCounts[g.index(c, r) * P + period] += points.weightOf(i);
    }
    return cellCounts;
}

/// The control units: the matched cells one by one, or the given or outside cells as one unit.
/// Fills res.controlCells.
std::vector<std::vector<double>> chooseControls(const ImpactAreas &areas,
                                                const ImpactParams &params, const PeriodLayout &l,
                                                const std::vector<double> &cellCounts,
                                                const std::vector<double> &treated,
                                                std::size_t treatedCells, ImpactResult &res)
{
    const int pre = l.pre, P = l.P;
    const std::size_t cells = areas.grid.cellCount();
    std::vector<std::vector<double>> controlUnits;
    auto outside = [&](std::size_t k) { return !areas.treated[k] && !res.bufferMask[k]; };
    if (params.controls == ControlSelection::Matched) {
        const double treatedLevel = std::accumulate(treated.begin(), treated.begin() + pre, 0.0) /
                                    (double(pre) * double(treatedCells));
        const double treatedTrend = logSlope(treated.data(), pre);
        std::vector<std::pair<double, std::size_t>> scored;
        for (std::size_t k = 0; k < cells; ++k) {
            if (!outside(k))
                continue;
            const double *s = &cellCounts[k * P];
            const double preTotal = std::accumulate(s, s + pre, 0.0);
            const double postTotal = std::accumulate(s + pre, s + P, 0.0);
            if (!(preTotal > 0) || !(postTotal > 0))
                continue;
            const double level = preTotal / pre;
            const double distance = std::fabs(std::log(level / std::max(treatedLevel, 1e-12))) +
                                    std::fabs(logSlope(s, pre) - treatedTrend) * pre;
            scored.emplace_back(distance, k);
        }
        std::sort(scored.begin(), scored.end());
        scored.resize(std::min<std::size_t>(scored.size(), std::size_t(params.matchedControls)));
        for (const auto &[d, k] : scored) {
            res.controlCells.push_back(k);
            controlUnits.emplace_back(cellCounts.begin() + std::ptrdiff_t(k * P),
                                      cellCounts.begin() + std::ptrdiff_t((k + 1) * P));
        }
        std::sort(res.controlCells.begin(), res.controlCells.end());
    } else {
        std::vector<double> agg(std::size_t(P), 0.0);
        for (std::size_t k = 0; k < cells; ++k) {
            const bool member = params.controls == ControlSelection::Given
                                    ? (areas.control[k] && !areas.treated[k])
                                    : outside(k);
            if (!member)
                continue;
            res.controlCells.push_back(k);
            for (int p = 0; p < P; ++p)
                agg[p] += cellCounts[k * P + p];
        }
        controlUnits.push_back(std::move(agg));
    }
    return controlUnits;
}

/// Quasi-Poisson DiD with unit and period fixed effects, over the periods in `keep`.
void fitDid(const Panel &panel, const std::vector<int> &keep, int pre, double zq, DidEstimate &did)
{
    if (std::isfinite(did.simpleDelta) && keep.size() >= 2) {
        const int K = int(keep.size());
        std::vector<double> y;
        for (int u = 0; u < panel.units; ++u)
            for (int p : keep)
                y.push_back(panel.at(u, p));
        const auto X = twoWayDesign(panel.units, K, 1, [&](int u, int pk, double *row) {
            row[0] = (u == 0 && keep[std::size_t(pk)] >= pre) ? 1.0 : 0.0;
        });
        const int cols = 1 + (panel.units - 1) + (K - 1) + 1;
        const PoissonFit fit = fitPoisson(X, cols, y);
        did.dispersion = fit.dfResidual > 0 ? fit.pearsonChi2 / fit.dfResidual : 1.0;
        did.delta = fit.beta.back();
        did.se = fit.se.back() * std::sqrt(std::max(1.0, did.dispersion));
        did.low = did.delta - zq * did.se;
        did.high = did.delta + zq * did.se;
        did.pValue = twoSidedP(did.delta / did.se);
    } else {
        did.delta = did.se = did.low = did.high = did.pValue = kNaN;
    }
}

/// Pre-trend check on the before window: a treated-unit slope in the same model.
void checkPreTrend(const Panel &panel, const std::vector<int> &keep, int pre, ImpactResult &res)
{
    PreTrendCheck &pt = res.preTrend;
    std::vector<int> preKeep;
    for (int p : keep)
        if (p < pre)
            preKeep.push_back(p);
    if (preKeep.size() >= 3 && res.treatedBefore > 0 && res.controlBefore > 0) {
        const int K = int(preKeep.size());
        const double mid = 0.5 * (pre - 1);
        std::vector<double> y;
        for (int u = 0; u < panel.units; ++u)
            for (int p : preKeep)
                y.push_back(panel.at(u, p));
        const auto X = twoWayDesign(panel.units, K, 1, [&](int u, int pk, double *row) {
            row[0] = u == 0 ? double(preKeep[std::size_t(pk)]) - mid : 0.0;
        });
        const PoissonFit fit = fitPoisson(X, 1 + (panel.units - 1) + (K - 1) + 1, y);
        const double phi = fit.dfResidual > 0 ? fit.pearsonChi2 / fit.dfResidual : 1.0;
        pt.slope = fit.beta.back();
        pt.se = fit.se.back() * std::sqrt(std::max(1.0, phi));
        pt.pValue = twoSidedP(pt.slope / pt.se);
        pt.parallel = !(pt.pValue < 0.05);
    } else {
        pt.slope = pt.se = pt.pValue = kNaN;
    }
}

/// Period bootstrap: resample before periods and after periods with replacement.
void bootstrapDid(const ImpactParams &params, const PeriodLayout &l,
                  const std::vector<double> &treated, ImpactResult &res, Feedback *feedback)
{
    const int pre = l.pre, post = l.post;
    DidEstimate &did = res.did;
    did.bootLow = did.bootHigh = kNaN;
    if (params.bootstrapReplicates > 0 && std::isfinite(did.simpleDelta)) {
        std::vector<double> stats;
        stats.reserve(std::size_t(params.bootstrapReplicates));
        for (int b = 0; b < params.bootstrapReplicates; ++b) {
            if ((b & 63) == 0) {
                throwIfCanceled(feedback);
                if (feedback)
                    feedback->setProgress(50 + 50.0 * b / params.bootstrapReplicates, "bootstrap");
            }
            Rng rng = Rng::stream(params.seed, std::uint64_t(b));
            double tb = 0, ta = 0, cb = 0, ca = 0;
            for (int i = 0; i < pre; ++i) {
                const auto p = std::size_t(rng.below(std::uint64_t(pre)));
                tb += treated[p];
                cb += res.controlSeries[p];
            }
            for (int i = 0; i < post; ++i) {
                const auto p = std::size_t(pre) + std::size_t(rng.below(std::uint64_t(post)));
                ta += treated[p];
                ca += res.controlSeries[p];
            }
            const double s = logRatio(ta, tb, ca, cb);
            if (std::isfinite(s))
                stats.push_back(s);
        }
        const double alpha = 1.0 - params.confidence;
        did.bootLow = percentile(stats, alpha / 2.0);
        did.bootHigh = percentile(stats, 1.0 - alpha / 2.0);
    }
}

void computeWdq(ImpactResult &res, bool hasBuffer)
{
    if (hasBuffer && res.controlBefore > 0 && res.controlAfter > 0) {
        res.wdq =
            weightedDisplacementQuotient(res.treatedBefore, res.treatedAfter, res.bufferBefore,
                                         res.bufferAfter, res.controlBefore, res.controlAfter);
    } else {
        Wdq &w = res.wdq;
        w.rB = res.treatedBefore, w.rA = res.treatedAfter, w.bB = res.bufferBefore,
        w.bA = res.bufferAfter;
        w.cB = res.controlBefore, w.cA = res.controlAfter;
        w.successMeasure = w.displacementMeasure = w.wdq = kNaN;
        w.expectedTreatedAfter = w.expectedBufferAfter = w.treatedReduction = w.bufferReduction =
            w.netEffect = kNaN;
    }
}

} // namespace

ImpactResult estimateImpact(const PointSet &points, const ImpactAreas &areas,
                            const ImpactParams &params, Feedback *feedback)
{
    checkImpactInput(points, areas, params);
    const GridSpec &g = areas.grid;
    const std::size_t cells = g.cellCount();
    ImpactResult res;
    const PeriodLayout layout(params);
    const int pre = layout.pre, post = layout.post, P = layout.P;
    res.prePeriods = pre;
    res.postPeriods = post;
    for (int p = 0; p < pre; ++p)
        res.periodStart.push_back(layout.t0 + p * layout.preLen);
    for (int p = 0; p < post; ++p)
        res.periodStart.push_back(params.actionTime + p * layout.postLen);

    const std::vector<double> cellCounts = countPerCellPeriod(points, g, params, layout, feedback);
    if (feedback)
        feedback->setProgress(20, "counts");
    res.bufferMask =
        areas.buffer.empty()
            ? (params.bufferDistance > 0 ? bufferRingMask(g, areas.treated, params.bufferDistance)
                                         : std::vector<std::uint8_t>(cells, 0))
            : std::vector<std::uint8_t>(areas.buffer.begin(), areas.buffer.end());

    std::vector<double> treated(std::size_t(P), 0.0), buffer(std::size_t(P), 0.0);
    std::size_t treatedCells = 0;
    bool hasBuffer = false;
    for (std::size_t k = 0; k < cells; ++k) {
        if (areas.treated[k]) {
            ++treatedCells;
            for (int p = 0; p < P; ++p)
                treated[p] += cellCounts[k * P + p];
        } else if (res.bufferMask[k]) {
            hasBuffer = true;
            for (int p = 0; p < P; ++p)
                buffer[p] += cellCounts[k * P + p];
        }
    }
    if (treatedCells == 0)
        throw std::invalid_argument("estimateImpact: areas.treated contains no cell");

    const std::vector<std::vector<double>> controlUnits =
        chooseControls(areas, params, layout, cellCounts, treated, treatedCells, res);
    res.controlSeries.assign(std::size_t(P), 0.0);
    for (const auto &u : controlUnits)
        for (int p = 0; p < P; ++p)
            res.controlSeries[p] += u[p];
    res.treatedSeries = treated;

    auto sumRange = [](const std::vector<double> &v, int a, int b) {
        return std::accumulate(v.begin() + a, v.begin() + b, 0.0);
    };
    res.treatedBefore = sumRange(treated, 0, pre);
    res.treatedAfter = sumRange(treated, pre, P);
    res.controlBefore = sumRange(res.controlSeries, 0, pre);
    res.controlAfter = sumRange(res.controlSeries, pre, P);
    res.bufferBefore = sumRange(buffer, 0, pre);
    res.bufferAfter = sumRange(buffer, pre, P);

    DidEstimate &did = res.did;
    did.simpleDelta =
        logRatio(res.treatedAfter, res.treatedBefore, res.controlAfter, res.controlBefore);
    const double zq = normalQuantile(0.5 + params.confidence / 2.0);

    // Quasi-Poisson DiD with unit and period fixed effects.
    Panel panel;
    panel.units = 1 + int(controlUnits.size());
    panel.periods = P;
    panel.y = treated;
    for (const auto &u : controlUnits)
        panel.y.insert(panel.y.end(), u.begin(), u.end());
    // Periods without any count make their fixed effect infinite: drop them from the fit.
    std::vector<int> keep;
    for (int p = 0; p < P; ++p) {
        double s = 0;
        for (int u = 0; u < panel.units; ++u)
            s += panel.at(u, p);
        if (s > 0)
            keep.push_back(p);
    }
    fitDid(panel, keep, pre, zq, did);
    did.effect = std::expm1(did.delta);
    did.effectLow = std::expm1(did.low);
    did.effectHigh = std::expm1(did.high);
    if (feedback)
        feedback->setProgress(50, "model");

    checkPreTrend(panel, keep, pre, res);
    bootstrapDid(params, layout, treated, res, feedback);
    computeWdq(res, hasBuffer);
    if (feedback)
        feedback->setProgress(100, "done");
    return res;
}

} // namespace vigie::analytics
