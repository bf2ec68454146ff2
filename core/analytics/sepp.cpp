// SPDX-License-Identifier: GPL-3.0-or-later
#include "sepp.h"

#include "rng.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace vigie::analytics {

namespace {

void require(bool ok, const char *message)
{
    if (!ok)
        throw std::invalid_argument(message);
}

/// A candidate parent j of an event (its index, the time lag in days and squared distance in m²).
struct Pair
{
    std::uint32_t parent;
    float dt;
    float d2;
};

/// Standard normal CDF.
double phi(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

/**
 * Separable Gaussian smoothing of masses on a grid, with the uniform edge correction of the grid
 * window: D = (K * H) / (K * 1). The discrete 1-D kernel is exp(-(m cs)^2 / 2h^2), |m| <= 4h/cs,
 * normalised to sum 1, so the self weight of a mass on its own cell is kernel[0]^2.
 */
class GridSmoother
{
public:
    GridSmoother(const GridSpec &grid, double bandwidth) : m_grid(grid)
    {
        const int half = std::max(0, int(std::ceil(4.0 * bandwidth / grid.cellSize)));
        m_kernel.resize(std::size_t(half) + 1);
        double sum = 0;
        for (int m = 0; m <= half; ++m) {
            const double u = m * grid.cellSize / bandwidth;
            m_kernel[std::size_t(m)] = std::exp(-0.5 * u * u);
            sum += (m == 0 ? 1.0 : 2.0) * m_kernel[std::size_t(m)];
        }
        for (double &k : m_kernel)
            k /= sum;
        m_edgeX.assign(std::size_t(grid.cols), 0.0);
        m_edgeY.assign(std::size_t(grid.rows), 0.0);
        const std::vector<double> onesX(m_edgeX.size(), 1.0), onesY(m_edgeY.size(), 1.0);
        convolve1d(onesX.data(), m_edgeX.size(), 1, m_edgeX.data());
        convolve1d(onesY.data(), m_edgeY.size(), 1, m_edgeY.data());
    }

    double selfWeight() const { return m_kernel[0] * m_kernel[0]; }
    double edge(std::size_t cell) const
    {
        return m_edgeX[cell % std::size_t(m_grid.cols)] * m_edgeY[cell / std::size_t(m_grid.cols)];
    }

    /// Smoothed (not edge-corrected) masses; `out` is resized to mass.size().
    void smooth(const std::vector<double> &mass, std::vector<double> &out) const
    {
        const auto cols = std::size_t(m_grid.cols), rows = std::size_t(m_grid.rows);
        m_tmp.assign(mass.size(), 0.0);
        out.assign(mass.size(), 0.0);
        for (std::size_t r = 0; r < rows; ++r)
            convolve1d(mass.data() + r * cols, cols, 1, m_tmp.data() + r * cols);
        for (std::size_t c = 0; c < cols; ++c)
            convolve1d(m_tmp.data() + c, rows, cols, out.data() + c);
    }

private:
    /// out[i*stride] += sum_j in[j*stride] k(|i - j|) for i, j in [0, n); out must be zeroed.
    void convolve1d(const double *in, std::size_t n, std::size_t stride, double *out) const
    {
        const auto half = std::ptrdiff_t(m_kernel.size()) - 1;
        const auto count = std::ptrdiff_t(n);
        for (std::ptrdiff_t i = 0; i < count; ++i) {
            const double v = in[std::size_t(i) * stride];
            if (v == 0.0)
                continue;
            const std::ptrdiff_t lo = std::max<std::ptrdiff_t>(0, i - half);
            const std::ptrdiff_t hi = std::min<std::ptrdiff_t>(count - 1, i + half);
            for (std::ptrdiff_t j = lo; j <= hi; ++j)
                out[std::size_t(j) * stride] += v * m_kernel[std::size_t(std::abs(j - i))];
        }
    }

    GridSpec m_grid;
    std::vector<double> m_kernel; ///< m = 0..half
    std::vector<double> m_edgeX, m_edgeY;
    mutable std::vector<double> m_tmp;
};

} // namespace

void validateSeppParams(const SeppParams &p)
{
    require(p.grid.cols > 0 && p.grid.rows > 0, "SeppParams.grid: cols and rows must be positive");
    require(std::isfinite(p.grid.cellSize) && p.grid.cellSize > 0,
            "SeppParams.grid.cellSize must be positive");
    require(std::isfinite(p.grid.xMin) && std::isfinite(p.grid.yMin),
            "SeppParams.grid: xMin and yMin must be finite");
    require(std::isfinite(p.maxTriggerDistance) && p.maxTriggerDistance > 0,
            "SeppParams.maxTriggerDistance must be positive (metres)");
    require(std::isfinite(p.maxTriggerDays) && p.maxTriggerDays > 0,
            "SeppParams.maxTriggerDays must be positive (days)");
    require(std::isfinite(p.backgroundBandwidth) && p.backgroundBandwidth >= 0,
            "SeppParams.backgroundBandwidth must be >= 0 (metres; 0 = automatic)");
    require(std::isfinite(p.initialTheta) && p.initialTheta > 0 && p.initialTheta < 1,
            "SeppParams.initialTheta must be in (0, 1)");
    require(std::isfinite(p.initialOmega) && p.initialOmega > 0,
            "SeppParams.initialOmega must be positive (per day)");
    require(std::isfinite(p.initialSigma) && p.initialSigma > 0,
            "SeppParams.initialSigma must be positive (metres)");
    require(std::isfinite(p.minSigma) && p.minSigma > 0,
            "SeppParams.minSigma must be positive (metres)");
    require(p.maxIterations >= 1, "SeppParams.maxIterations must be at least 1");
    require(std::isfinite(p.tolerance) && p.tolerance > 0, "SeppParams.tolerance must be positive");
    require(std::isfinite(p.timeResolutionDays) && p.timeResolutionDays >= 0,
            "SeppParams.timeResolutionDays must be >= 0");
    require(!std::isinf(p.startDay) && !std::isinf(p.endDay),
            "SeppParams.startDay and endDay must be finite or NaN");
}

namespace {

/// The events inside the grid and the time window, in time order, into m (x, y, t, window,
/// ignoredEvents); returns each kept event's cell.
std::vector<std::size_t> prepareEvents(const PointSet &events, const SeppParams &p, SeppModel &m)
{
    // Times, spread over their resolution when asked.
    const std::size_t nIn = events.size();
    std::vector<double> times(events.t.begin(), events.t.end());
    if (p.timeResolutionDays > 0) {
        Rng rng = Rng::stream(p.seed, 0x5E99);
        for (double &t : times)
            t += rng.uniform(0.0, p.timeResolutionDays);
    }
    double t0 = p.startDay, t1 = p.endDay;
    if (std::isnan(t0) || std::isnan(t1)) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double t : times)
            if (std::isfinite(t)) {
                lo = std::min(lo, t);
                hi = std::max(hi, t);
            }
        if (std::isnan(t0))
            t0 = lo;
        if (std::isnan(t1))
            t1 = hi;
    }

    m.grid = p.grid;
    m.startDay = t0;
    m.endDay = t1;
    m.maxTriggerDistance = p.maxTriggerDistance;
    m.maxTriggerDays = p.maxTriggerDays;

    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < nIn; ++i) {
        const double x = events.x[i], y = events.y[i], t = times[i];
        if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(t) || t < t0 || t > t1 ||
            p.grid.colOf(x) < 0 || p.grid.rowOf(y) < 0)
            continue;
        kept.push_back(i);
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
    m.ignoredEvents = nIn - kept.size();
    const std::size_t n = kept.size();
    require(n >= 2, "fitSepp: fewer than 2 events inside the grid and the time window");
    require(t1 > t0, "fitSepp: the time window is empty (endDay must be after startDay)");
    require(n < std::size_t(std::numeric_limits<std::uint32_t>::max()), "fitSepp: too many events");
    m.x.resize(n);
    m.y.resize(n);
    m.t.resize(n);
    std::vector<std::size_t> cellOf(n);
    for (std::size_t k = 0; k < n; ++k) {
        m.x[k] = events.x[kept[k]];
        m.y[k] = events.y[kept[k]];
        m.t[k] = times[kept[k]];
        cellOf[k] = p.grid.index(p.grid.colOf(m.x[k]), p.grid.rowOf(m.y[k]));
    }
    return cellOf;
}

/// Background bandwidth: Scott's rule, at least one cell, unless given.
double backgroundBandwidth(const SeppModel &m, const SeppParams &p)
{
    const std::size_t n = m.x.size();
    double h = p.backgroundBandwidth;
    if (h == 0) {
        const auto meanVar = [n](const std::vector<double> &v) {
            const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(n);
            double s = 0;
            for (double a : v)
                s += (a - mean) * (a - mean);
            return s / double(n - 1);
        };
        const double sd = std::sqrt(0.5 * (meanVar(m.x) + meanVar(m.y)));
        h = std::max(p.grid.cellSize, sd * std::pow(double(n), -1.0 / 6.0));
    }
    return h;
}

/// For each event i, its candidate parents: pairs[start[i]] .. pairs[start[i + 1]].
struct PairList
{
    std::vector<Pair> pairs;
    std::vector<std::size_t> start;
};

// Candidate parent-offspring pairs: spatial buckets of side R, each holding indices in time
// order; for event i scan the 3x3 buckets around it for t_i - maxTriggerDays <= t_j < t_i.
PairList findPairs(const SeppModel &m, const SeppParams &p, Feedback *feedback)
{
    const std::size_t n = m.x.size();
    const double R = p.maxTriggerDistance, R2 = R * R;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> buckets;
    const auto bucketKey = [&](std::int64_t bx, std::int64_t by) {
        return (bx << 32) ^ (by & 0xffffffff);
    };
    std::vector<std::int64_t> bxOf(n), byOf(n);
    for (std::size_t k = 0; k < n; ++k) {
        bxOf[k] = std::int64_t(std::floor((m.x[k] - p.grid.xMin) / R));
        byOf[k] = std::int64_t(std::floor((m.y[k] - p.grid.yMin) / R));
        buckets[bucketKey(bxOf[k], byOf[k])].push_back(std::uint32_t(k));
    }
    PairList list;
    std::vector<std::size_t> &pairStart = list.start;
    std::vector<Pair> &pairs = list.pairs;
    pairStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if ((i & 4095) == 0) {
            throwIfCanceled(feedback);
            if (feedback)
                feedback->setProgress(5.0 * double(i) / double(n), "SEPP: finding pairs");
        }
        pairStart[i] = pairs.size();
        const double ti = m.t[i];
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = buckets.find(bucketKey(bxOf[i] + dx, byOf[i] + dy));
                if (it == buckets.end())
                    continue;
                const auto &b = it->second;
                auto first =
                    std::lower_bound(b.begin(), b.end(), ti - p.maxTriggerDays,
                                     [&](std::uint32_t j, double v) { return m.t[j] < v; });
                for (; first != b.end(); ++first) {
                    const std::uint32_t j = *first;
                    if (!(m.t[j] < ti))
                        break;
                    const double ddx = m.x[i] - m.x[j], ddy = m.y[i] - m.y[j];
                    const double d2 = ddx * ddx + ddy * ddy;
                    if (d2 <= R2)
                        pairs.push_back({j, float(ti - m.t[j]), float(d2)});
                }
            }
    }
    pairStart[n] = pairs.size();
    return list;
}

/// The EM fit of the model's parameters (Mohler et al. 2011, with the background smoothed on
/// the grid): the state the E and M steps share.
class SeppEm
{
public:
    SeppEm(const SeppModel &m, const SeppParams &p, std::vector<std::size_t> cellOf, PairList pairs)
        : m_p(p), n(m.x.size()), T(m.endDay - m.startDay), cellOf(std::move(cellOf)),
          pairs(std::move(pairs.pairs)), pairStart(std::move(pairs.start)),
          smoother(p.grid, m.backgroundBandwidth), remaining(n),
          pBackground(n, 1.0 - p.initialTheta), theta(p.initialTheta), omega(p.initialOmega),
          sigma(p.initialSigma), mu(double(n) * (1.0 - theta) / T), cellArea(p.grid.cellArea()),
          // Floor of the leave-one-out background density: 1e-6 of the uniform density (an
          // event alone in a wide empty area would otherwise have a zero background).
          densityFloor(1e-6 / (cellArea * double(p.grid.cellCount()))),
          selfWeight(smoother.selfWeight()), R2(p.maxTriggerDistance * p.maxTriggerDistance)
    {
        // Time each event has left to trigger inside the window (for theta's compensator).
        for (std::size_t j = 0; j < n; ++j)
            remaining[j] = std::min(p.maxTriggerDays, m.endDay - m.t[j]);
        updateBackground();
    }

    /// Iterates until the parameters settle or maxIterations; then the final E-step.
    void run(Feedback *feedback)
    {
        const SeppParams &p = m_p;
        while (iter < p.maxIterations && !converged) {
            throwIfCanceled(feedback);
            if (feedback)
                feedback->setProgress(5.0 + 90.0 * double(iter) / double(p.maxIterations),
                                      "SEPP: EM iteration " + std::to_string(iter + 1));
            const Sums s = eStep(true);
            ++iter;
            const double oldTheta = theta, oldOmega = omega, oldSigma = sigma;
            if (s.p > 1e-12 * double(n) && s.pdt > 0) {
                omega = s.p / s.pdt;
                sigma = std::max(p.minSigma, std::sqrt(s.pd2 / (2.0 * s.p)));
                theta = std::min(s.p / compensator(), 0.999);
            } else {
                theta = 0; // no triggering left: the model is a Poisson process
            }
            double backgroundSum = 0;
            for (double q : pBackground)
                backgroundSum += q;
            mu = backgroundSum / T;
            updateBackground();
            const auto rel = [](double a, double b) {
                return std::abs(a - b) / std::max(std::abs(b), 1e-300);
            };
            converged = theta == 0 ||
                        (rel(theta, oldTheta) < p.tolerance && rel(omega, oldOmega) < p.tolerance &&
                         rel(sigma, oldSigma) < p.tolerance);
        }
        throwIfCanceled(feedback);
        finalStep();
    }

    void store(SeppModel &m) const
    {
        m.mu = mu;
        m.theta = theta;
        m.omega = omega;
        m.sigma = sigma;
        m.iterations = iter;
        m.converged = converged;
        m.logLikelihood = logLik;
        m.backgroundProbability = pBackground;
        m.background.resize(smoothed.size());
        for (std::size_t c = 0; c < smoothed.size(); ++c)
            m.background[c] = smoothed[c] / (smoothedTotal * cellArea);
    }

private:
    struct Sums
    {
        double p = 0, pdt = 0, pd2 = 0, logLik = 0;
    };

    /// Background from weights: D = smooth(H) / edge, normalised; the event sees D without
    /// itself.
    void updateBackground()
    {
        std::vector<double> mass(m_p.grid.cellCount(), 0.0);
        for (std::size_t k = 0; k < n; ++k)
            mass[cellOf[k]] += pBackground[k];
        smoother.smooth(mass, smoothed);
        smoothedTotal = 0;
        for (std::size_t c = 0; c < smoothed.size(); ++c) {
            smoothed[c] /= smoother.edge(c);
            smoothedTotal += smoothed[c];
        }
    }

    Sums eStep(bool storeBackground)
    {
        Sums s;
        const double norm = theta * omega / (2.0 * std::numbers::pi * sigma * sigma);
        const double inv2s2 = 1.0 / (2.0 * sigma * sigma);
        const double scaleB = mu / (smoothedTotal * cellArea);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t c = cellOf[i];
            const double ownD = pBackground[i] * selfWeight / smoother.edge(c);
            const double bg =
                std::max(scaleB * std::max(smoothed[c] - ownD, 0.0), mu * densityFloor);
            double trig = 0;
            for (std::size_t k = pairStart[i]; k < pairStart[i + 1]; ++k)
                trig += norm * std::exp(-omega * pairs[k].dt - pairs[k].d2 * inv2s2);
            const double lambda = bg + trig;
            s.logLik += std::log(lambda);
            if (trig > 0) {
                for (std::size_t k = pairStart[i]; k < pairStart[i + 1]; ++k) {
                    const double q =
                        norm * std::exp(-omega * pairs[k].dt - pairs[k].d2 * inv2s2) / lambda;
                    s.p += q;
                    s.pdt += q * pairs[k].dt;
                    s.pd2 += q * pairs[k].d2;
                }
            }
            if (storeBackground)
                pBackground[i] = bg / lambda;
        }
        return s;
    }

    double compensator() const
    {
        const double spatial = 1.0 - std::exp(-R2 / (2.0 * sigma * sigma));
        double c = 0;
        for (std::size_t j = 0; j < n; ++j)
            c += 1.0 - std::exp(-omega * remaining[j]);
        return c * spatial;
    }

    /// Final E-step at the returned parameters: background probabilities and log-likelihood.
    void finalStep()
    {
        logLik = 0;
        if (theta > 0) {
            logLik = eStep(true).logLik;
            logLik -= mu * T + theta * compensator();
        } else {
            std::fill(pBackground.begin(), pBackground.end(), 1.0);
            mu = double(n) / T;
            updateBackground();
            const Sums s = eStep(false);
            logLik = s.logLik - mu * T;
        }
    }

    const SeppParams &m_p;
    const std::size_t n;
    const double T;
    const std::vector<std::size_t> cellOf;
    const std::vector<Pair> pairs;
    const std::vector<std::size_t> pairStart;
    const GridSmoother smoother;
    std::vector<double> remaining;
    std::vector<double> pBackground;
    std::vector<double> smoothed;
    double smoothedTotal = 0;
    double theta, omega, sigma, mu;
    const double cellArea, densityFloor, selfWeight, R2;
    int iter = 0;
    bool converged = false;
    double logLik = 0;
};

} // namespace

SeppModel fitSepp(const PointSet &events, const SeppParams &p, Feedback *feedback)
{
    validateSeppParams(p);
    require(events.y.size() == events.size(), "fitSepp: events.x and events.y differ in size");
    require(events.t.size() == events.size(),
            "fitSepp: events need a time t (days) for each point");

    throwIfCanceled(feedback);
    if (feedback)
        feedback->setProgress(0, "SEPP: preparing events");
    SeppModel m;
    std::vector<std::size_t> cellOf = prepareEvents(events, p, m);
    m.backgroundBandwidth = backgroundBandwidth(m, p);
    PairList pairs = findPairs(m, p, feedback);
    m.pairCount = pairs.pairs.size();
    SeppEm em(m, p, std::move(cellOf), std::move(pairs));
    em.run(feedback);
    em.store(m);
    if (feedback)
        feedback->setProgress(100, "SEPP: done");
    return m;
}

Raster seppExpectedCounts(const SeppModel &model, double fromDay, double durationDays)
{
    require(std::isfinite(fromDay), "seppExpectedCounts: fromDay must be finite");
    require(std::isfinite(durationDays) && durationDays > 0,
            "seppExpectedCounts: durationDays must be positive");
    const GridSpec &g = model.grid;
    require(model.background.size() == g.cellCount(),
            "seppExpectedCounts: the model has no background");
    Raster out;
    out.grid = g;
    out.values.resize(g.cellCount());
    const double cellArea = g.cellArea();
    for (std::size_t c = 0; c < out.values.size(); ++c)
        out.values[c] = model.mu * model.background[c] * cellArea * durationDays;
    if (!(model.theta > 0))
        return out;

    const double to = fromDay + durationDays;
    const double reach = 5.0 * model.sigma;
    std::vector<double> px, py;
    for (std::size_t j = 0; j < model.t.size(); ++j) {
        const double tj = model.t[j];
        const double a = std::max(fromDay, tj);
        const double b = std::min(to, tj + model.maxTriggerDays);
        if (!(b > a))
            continue;
        const double w =
            model.theta * (std::exp(-model.omega * (a - tj)) - std::exp(-model.omega * (b - tj)));
        if (w < 1e-12)
            continue;
        const int c0 = std::max(0, int(std::floor((model.x[j] - reach - g.xMin) / g.cellSize)));
        const int c1 =
            std::min(g.cols - 1, int(std::floor((model.x[j] + reach - g.xMin) / g.cellSize)));
        const int r0 = std::max(0, int(std::floor((g.yMax() - model.y[j] - reach) / g.cellSize)));
        const int r1 =
            std::min(g.rows - 1, int(std::floor((g.yMax() - model.y[j] + reach) / g.cellSize)));
        if (c0 > c1 || r0 > r1)
            continue;
        px.resize(std::size_t(c1 - c0 + 1));
        py.resize(std::size_t(r1 - r0 + 1));
        for (int c = c0; c <= c1; ++c) {
            const double left = g.xMin + c * g.cellSize;
            px[std::size_t(c - c0)] = phi((left + g.cellSize - model.x[j]) / model.sigma) -
                                      phi((left - model.x[j]) / model.sigma);
        }
        for (int r = r0; r <= r1; ++r) {
            const double top = g.yMax() - r * g.cellSize;
            py[std::size_t(r - r0)] = phi((top - model.y[j]) / model.sigma) -
                                      phi((top - g.cellSize - model.y[j]) / model.sigma);
        }
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                out.values[g.index(c, r)] += w * px[std::size_t(c - c0)] * py[std::size_t(r - r0)];
    }
    return out;
}

double seppIntensity(const SeppModel &model, double x, double y, double t)
{
    const GridSpec &g = model.grid;
    const int col = g.colOf(x), row = g.rowOf(y);
    double value = (col >= 0 && row >= 0 && model.background.size() == g.cellCount())
                       ? model.mu * model.background[g.index(col, row)]
                       : 0.0;
    if (!(model.theta > 0))
        return value;
    const double norm =
        model.theta * model.omega / (2.0 * std::numbers::pi * model.sigma * model.sigma);
    for (std::size_t j = 0; j < model.t.size() && model.t[j] < t; ++j) {
        const double dt = t - model.t[j];
        if (dt > model.maxTriggerDays)
            continue;
        const double dx = x - model.x[j], dy = y - model.y[j];
        value += norm * std::exp(-model.omega * dt -
                                 (dx * dx + dy * dy) / (2.0 * model.sigma * model.sigma));
    }
    return value;
}

} // namespace vigie::analytics
