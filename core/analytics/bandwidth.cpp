// SPDX-License-Identifier: GPL-3.0-or-later
#include "bandwidth.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace vigie::analytics {

namespace {

constexpr double kPi = std::numbers::pi;

struct Moments
{
    double n = 0, mx = 0, my = 0, sx = 0, sy = 0;
};

/// Weighted means and standard deviations (frequency weights: denominator n - 1, as R's sd()).
Moments moments(const PointSet &p)
{
    Moments m;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double w = p.weightOf(i);
        m.n += w;
        m.mx += w * p.x[i];
        m.my += w * p.y[i];
    }
    m.mx /= m.n;
    m.my /= m.n;
    double vx = 0, vy = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double w = p.weightOf(i);
        vx += w * (p.x[i] - m.mx) * (p.x[i] - m.mx);
        vy += w * (p.y[i] - m.my) * (p.y[i] - m.my);
    }
    m.sx = std::sqrt(vx / (m.n - 1));
    m.sy = std::sqrt(vy / (m.n - 1));
    return m;
}

/// Quantile q of values: R's type 7 without weights, the weighted inverse CDF otherwise.
double quantile(std::vector<std::pair<double, double>> vw, double q, bool weighted)
{
    std::sort(vw.begin(), vw.end());
    if (!weighted) {
        const double h = (vw.size() - 1) * q;
        const std::size_t lo = std::size_t(std::floor(h));
        const std::size_t hi = std::min(vw.size() - 1, lo + 1);
        return vw[lo].first + (h - lo) * (vw[hi].first - vw[lo].first);
    }
    double total = 0;
    for (auto &e : vw)
        total += e.second;
    double acc = 0;
    for (auto &e : vw) {
        acc += e.second;
        if (acc >= q * total)
            return e.first;
    }
    return vw.back().first;
}

double axisQuantileRange(const PointSet &p, bool xAxis)
{
    std::vector<std::pair<double, double>> vw(p.size());
    for (std::size_t i = 0; i < p.size(); ++i)
        vw[i] = {xAxis ? p.x[i] : p.y[i], p.weightOf(i)};
    const bool weighted = !p.weight.empty();
    return quantile(vw, 0.75, weighted) - quantile(vw, 0.25, weighted);
}

/// Fraction of the circle of radius r centred at (x, y) that lies inside the rectangle
/// (Ripley's isotropic correction); the edge weight is its inverse.
double circleFractionInside(double x, double y, double r, const RectWindow &w)
{
    const double d[4] = {x - w.xMin, w.yMax - y, w.xMax - x,
                         y - w.yMin}; // left, top, right, bottom (cyclic)
    double alpha[4];
    for (int k = 0; k < 4; ++k)
        alpha[k] = d[k] < r ? std::acos(std::max(0.0, d[k]) / r) : 0.0;
    double outside = 0;
    for (int k = 0; k < 4; ++k)
        outside += 2 * alpha[k];
    // adjacent edges whose arcs overlap (corner inside the circle)
    for (int k = 0; k < 4; ++k) {
        const int l = (k + 1) % 4;
        if (d[k] < r && d[l] < r && d[k] * d[k] + d[l] * d[l] < r * r)
            outside -= alpha[k] + alpha[l] - kPi / 2;
    }
    return std::max(0.0, 1.0 - outside / (2 * kPi));
}

/// Calls fn(i, j, dx, dy, d) for each ordered pair i != j closer than rmax (grid bucketing).
template <typename Fn>
void forEachClosePair(const PointSet &p, double rmax, Feedback *feedback, Fn &&fn)
{
    double x0 = p.x[0], y0 = p.y[0];
    for (std::size_t i = 0; i < p.size(); ++i) {
        x0 = std::min(x0, p.x[i]);
        y0 = std::min(y0, p.y[i]);
    }
    std::unordered_map<long long, std::vector<std::size_t>> buckets;
    auto key = [](long long cx, long long cy) { return (cx << 32) ^ (cy & 0xffffffffLL); };
    for (std::size_t i = 0; i < p.size(); ++i)
        buckets[key((long long)std::floor((p.x[i] - x0) / rmax),
                    (long long)std::floor((p.y[i] - y0) / rmax))]
            .push_back(i);
    const double r2 = rmax * rmax;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if ((i & 1023) == 0)
            throwIfCanceled(feedback);
        const long long cx = (long long)std::floor((p.x[i] - x0) / rmax);
        const long long cy = (long long)std::floor((p.y[i] - y0) / rmax);
        for (long long a = cx - 1; a <= cx + 1; ++a)
            for (long long b = cy - 1; b <= cy + 1; ++b) {
                auto it = buckets.find(key(a, b));
                if (it == buckets.end())
                    continue;
                for (std::size_t j : it->second) {
                    if (j == i)
                        continue;
                    const double dx = p.x[j] - p.x[i], dy = p.y[j] - p.y[i];
                    const double dd = dx * dx + dy * dy;
                    if (dd <= r2)
                        fn(i, j, dx, dy, std::sqrt(dd));
                }
            }
    }
}

RectWindow windowOrBox(const PointSet &p, const RectWindow &w)
{
    if (!w.isEmpty())
        return w;
    RectWindow b{p.x[0], p.y[0], p.x[0], p.y[0]};
    for (std::size_t i = 0; i < p.size(); ++i) {
        b.xMin = std::min(b.xMin, p.x[i]);
        b.xMax = std::max(b.xMax, p.x[i]);
        b.yMin = std::min(b.yMin, p.y[i]);
        b.yMax = std::max(b.yMax, p.y[i]);
    }
    if (b.isEmpty())
        throw std::invalid_argument(
            "selectBandwidth: the points span no area; give options.window");
    return b;
}

/// spatstat's bw.diggle on a rectangular window; returns the Gaussian sigma.
double diggleSigma(const PointSet &p, const BandwidthOptions &opt, Feedback *feedback)
{
    const RectWindow W = windowOrBox(p, opt.window);
    const double n = double(p.size());
    const double area = W.area();
    const double lambda = n / area;
    const double shortSide = std::min(W.xMax - W.xMin, W.yMax - W.yMin);
    const double rmax = opt.diggleHmax > 0
                            ? 4 * opt.diggleHmax
                            : std::min(std::sqrt(1000.0 / (kPi * lambda)), shortSide / 4);
    const int nr = std::max(8, opt.diggleGridSize);
    const double step = rmax / (nr - 1);
    std::vector<double> r(nr);
    for (int k = 0; k < nr; ++k)
        r[k] = rmax * k / (nr - 1);

    // Ripley's K on r: isotropic correction (n < 1000), translation (n < 3000), border otherwise,
    // as spatstat's Kest(correction = "good").
    std::vector<double> hist(nr, 0.0);
    auto bin = [&](double d) {
        return std::min(nr - 1, std::max(0, int(std::ceil(d / step - 1e-12))));
    };
    std::vector<double> K(nr, 0.0);
    if (p.size() < 3000) {
        const bool isotropic = p.size() < 1000;
        const double a = W.xMax - W.xMin, b = W.yMax - W.yMin;
        forEachClosePair(p, rmax, feedback,
                         [&](std::size_t i, std::size_t, double dx, double dy, double d) {
                             double e;
                             if (isotropic) {
                                 const double f = circleFractionInside(p.x[i], p.y[i], d, W);
                                 e = std::min(100.0, f > 0 ? 1.0 / f : 100.0);
                             } else {
                                 e = area / ((a - std::abs(dx)) * (b - std::abs(dy)));
                             }
                             hist[bin(d)] += e;
                         });
        double acc = 0;
        for (int k = 0; k < nr; ++k) {
            acc += hist[k];
            K[k] = acc * area / (n * (n - 1));
        }
    } else {
        std::vector<double> border(p.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            border[i] =
                std::min({p.x[i] - W.xMin, W.xMax - p.x[i], p.y[i] - W.yMin, W.yMax - p.y[i]});
        // pairs (i, j) with d <= r counted when border(i) >= r: bin by d, then for each r count
        // pairs with d <= r <= border(i): accumulate per (bin(d), bin limit of border)
        std::vector<double> pairAt(nr, 0.0), pairStop(nr + 1, 0.0);
        forEachClosePair(
            p, rmax, feedback, [&](std::size_t i, std::size_t, double, double, double d) {
                const int kd = bin(d);
                const int kb =
                    std::min(nr - 1, int(std::floor(border[i] / step + 1e-12))); // r_k <= b_i
                if (kd <= kb) {
                    pairAt[kd] += 1;
                    pairStop[kb + 1] += 1;
                }
            });
        std::vector<double> pointsAt(nr + 1, 0.0);
        for (double bi : border) {
            if (bi < 0)
                continue;
            const int kb = std::min(nr - 1, int(std::floor(bi / step + 1e-12)));
            pointsAt[kb] += 1; // counted for all r_k <= b_i
        }
        std::vector<double> denom(nr, 0.0);
        double acc = 0;
        for (int k = nr - 1; k >= 0; --k) {
            acc += pointsAt[k];
            denom[k] = acc;
        }
        double active = 0;
        for (int k = 0; k < nr; ++k) {
            active += pairAt[k] - pairStop[k];
            K[k] = denom[k] > 0 ? active / (lambda * denom[k]) : 0.0;
        }
    }

    const int nrmax =
        int(std::count_if(r.begin(), r.end(), [&](double v) { return v <= r.back() / 2; }));
    double best = std::numeric_limits<double>::infinity();
    double bestSigma = r[1] / 2;
    for (int i = 1; i < nrmax; ++i) {
        const double twori = 2 * r[i];
        double integral = 0;
        for (int j = 0; j < nr - 1; ++j) {
            const double y = r[j] / twori;
            if (y >= 1.0)
                break;
            integral += (std::acos(y) - y * std::sqrt(1 - y * y)) * (K[j + 1] - K[j]);
        }
        const double J = 2 * r[i] * r[i] * integral;
        const double pir2 = kPi * r[i] * r[i];
        const double M = (1 / lambda - 2 * K[i]) / pir2 + J / (pir2 * pir2);
        if (opt.traceSigma)
            opt.traceSigma->push_back(r[i] / 2);
        if (opt.traceCriterion)
            opt.traceCriterion->push_back(M);
        if (M < best) {
            best = M;
            bestSigma = r[i] / 2;
        }
    }
    return bestSigma;
}

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// spatstat's bw.ppl (Gaussian kernel, uniform edge correction in the rectangle).
double likelihoodSigma(const PointSet &p, const BandwidthOptions &opt, Feedback *feedback)
{
    const RectWindow W = windowOrBox(p, opt.window);
    std::vector<double> sigmas = opt.likelihoodSigmas;
    if (sigmas.empty()) {
        double nnMin = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < p.size(); ++i)
            for (std::size_t j = i + 1; j < p.size(); ++j) {
                const double d = std::hypot(p.x[i] - p.x[j], p.y[i] - p.y[j]);
                if (d > 0)
                    nnMin = std::min(nnMin, d);
            }
        const double hi = std::hypot(W.xMax - W.xMin, W.yMax - W.yMin) / 2;
        const int ns = 16;
        for (int k = 0; k < ns; ++k)
            sigmas.push_back(nnMin * std::pow(hi / nnMin, double(k) / (ns - 1)));
    }
    const double longSide = std::max(W.xMax - W.xMin, W.yMax - W.yMin);
    const double pixel = opt.likelihoodPixel > 0 ? opt.likelihoodPixel : longSide / 128;
    GridSpec g;
    g.xMin = W.xMin;
    g.yMin = W.yMin;
    g.cellSize = pixel;
    g.cols = std::max(1, int(std::round((W.xMax - W.xMin) / pixel)));
    g.rows = std::max(1, int(std::round((W.yMax - W.yMin) / pixel)));

    double best = -std::numeric_limits<double>::infinity();
    double bestSigma = sigmas.front();
    for (double s : sigmas) {
        throwIfCanceled(feedback);
        // leave-one-out intensity at the data points, uniformly edge corrected
        double logSum = 0;
        const double inv2s2 = 1.0 / (2 * s * s), norm = 1.0 / (2 * kPi * s * s);
        for (std::size_t i = 0; i < p.size(); ++i) {
            double lam = 0;
            for (std::size_t j = 0; j < p.size(); ++j) {
                if (j == i)
                    continue;
                const double dx = p.x[i] - p.x[j], dy = p.y[i] - p.y[j];
                lam += p.weightOf(j) * norm * std::exp(-(dx * dx + dy * dy) * inv2s2);
            }
            const double edge =
                (normalCdf((W.xMax - p.x[i]) / s) - normalCdf((W.xMin - p.x[i]) / s)) *
                (normalCdf((W.yMax - p.y[i]) / s) - normalCdf((W.yMin - p.y[i]) / s));
            logSum += std::log(lam / edge);
        }
        KdeParams kp;
        kp.kernel = Kernel::Gaussian;
        kp.bandwidth = s;
        kp.edgeCorrection = true;
        kp.scale = 1.0;
        const KdeResult dens = kernelDensity(p, g, kp, nullptr);
        double integral = 0;
        for (double v : dens.density.values)
            integral += v;
        integral *= g.cellArea();
        const double cv = logSum - integral;
        if (opt.traceSigma)
            opt.traceSigma->push_back(s);
        if (opt.traceCriterion)
            opt.traceCriterion->push_back(cv);
        if (cv > best) {
            best = cv;
            bestSigma = s;
        }
    }
    return bestSigma;
}

} // namespace

double selectBandwidth(const PointSet &points, BandwidthRule rule, Kernel kernel,
                       Feedback *feedback, const BandwidthOptions &options)
{
    if (rule == BandwidthRule::Fixed)
        throw std::invalid_argument("selectBandwidth: rule must not be Fixed");
    if (points.size() < 2 || points.y.size() != points.x.size())
        throw std::invalid_argument(
            "selectBandwidth: points must hold at least 2 points with x and y");
    if (!points.weight.empty() && points.weight.size() != points.size())
        throw std::invalid_argument(
            "selectBandwidth: points.weight must be empty or as long as points.x");

    switch (rule) {
    case BandwidthRule::Scott: {
        const Moments m = moments(points);
        const double s = std::sqrt(m.sx * m.sy) * std::pow(m.n, -1.0 / 6.0);
        if (!(s > 0))
            throw std::invalid_argument("selectBandwidth: points have zero spread on an axis");
        return bandwidthForStandardDeviation(kernel, s);
    }
    case BandwidthRule::Silverman: {
        const Moments m = moments(points);
        double ax = std::min(m.sx, axisQuantileRange(points, true) / 1.349);
        double ay = std::min(m.sy, axisQuantileRange(points, false) / 1.349);
        if (!(ax > 0))
            ax = m.sx;
        if (!(ay > 0))
            ay = m.sy;
        const double s = std::sqrt(ax * ay) * std::pow(m.n, -1.0 / 6.0);
        if (!(s > 0))
            throw std::invalid_argument("selectBandwidth: points have zero spread on an axis");
        return bandwidthForStandardDeviation(kernel, s);
    }
    case BandwidthRule::ArcGis: {
        double n = 0, mx = 0, my = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double w = points.weightOf(i);
            n += w;
            mx += w * points.x[i];
            my += w * points.y[i];
        }
        mx /= n;
        my /= n;
        double ss = 0;
        std::vector<std::pair<double, double>> dist(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double w = points.weightOf(i);
            const double dx = points.x[i] - mx, dy = points.y[i] - my;
            ss += w * (dx * dx + dy * dy);
            dist[i] = {std::sqrt(dx * dx + dy * dy), w};
        }
        const double sd = std::sqrt(ss / n);
        const double dm = quantile(dist, 0.5, !points.weight.empty());
        const double radius =
            0.9 * std::min(sd, std::sqrt(1.0 / std::log(2.0)) * dm) * std::pow(n, -0.2);
        if (!(radius > 0))
            throw std::invalid_argument("selectBandwidth: points have no spread");
        return kernel == Kernel::Quartic
                   ? radius
                   : bandwidthForStandardDeviation(
                         kernel, kernelStandardDeviation(Kernel::Quartic, radius));
    }
    case BandwidthRule::CvDiggle:
        return bandwidthForStandardDeviation(kernel, diggleSigma(points, options, feedback));
    case BandwidthRule::CvLikelihood:
        return bandwidthForStandardDeviation(kernel, likelihoodSigma(points, options, feedback));
    case BandwidthRule::Fixed:
        break;
    }
    throw std::invalid_argument("selectBandwidth: unknown rule");
}

} // namespace vigie::analytics
