// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotspot.h"

#include "rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace vigie::analytics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkValues(std::span<const double> values, const SpatialWeights &w, const char *function,
                 std::size_t minimum)
{
    if (values.size() != w.size())
        throw std::invalid_argument(std::string(function) +
                                    ": values and weights must have the same number of units");
    if (values.size() < minimum)
        throw std::invalid_argument(std::string(function) + ": at least " +
                                    std::to_string(minimum) + " units are needed");
    for (double v : values)
        if (!std::isfinite(v))
            throw std::invalid_argument(std::string(function) + ": values must be finite");
    w.validate();
}

void progress(Feedback *feedback, std::size_t done, std::size_t total, const char *step)
{
    if (feedback && total > 0)
        feedback->setProgress(100.0 * double(done) / double(total), step);
}

double mean(std::span<const double> v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s / double(v.size());
}

} // namespace

std::vector<double> benjaminiHochberg(std::span<const double> pValues)
{
    std::vector<std::size_t> order;
    order.reserve(pValues.size());
    for (std::size_t i = 0; i < pValues.size(); ++i) {
        if (std::isnan(pValues[i]))
            continue;
        if (pValues[i] < 0.0 || pValues[i] > 1.0)
            throw std::invalid_argument("benjaminiHochberg: p-values must lie in [0, 1]");
        order.push_back(i);
    }
    std::vector<double> q(pValues.size(), kNaN);
    const std::size_t m = order.size();
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return pValues[a] < pValues[b]; });
    double running = 1.0;
    for (std::size_t r = m; r-- > 0;) {
        const std::size_t i = order[r];
        running = std::min(running, double(m) / double(r + 1) * pValues[i]);
        q[i] = running;
    }
    return q;
}

double twoSidedNormalP(double z)
{
    if (std::isnan(z))
        return kNaN;
    return std::erfc(std::abs(z) / std::sqrt(2.0));
}

int confidenceClass(double z, double p)
{
    if (std::isnan(z) || std::isnan(p) || z == 0.0)
        return 0;
    const int level = p <= 0.01 ? 3 : (p <= 0.05 ? 2 : (p <= 0.10 ? 1 : 0));
    return z > 0.0 ? level : -level;
}

GiStarResult getisOrdGiStar(std::span<const double> values, const SpatialWeights &w, bool fdr,
                            Feedback *feedback)
{
    checkValues(values, w, "getisOrdGiStar", 3);
    const std::size_t n = values.size();
    const double dn = double(n);
    const double xbar = mean(values);
    double sum = 0.0, sumSq = 0.0, centredSq = 0.0;
    for (double v : values) {
        sum += v;
        sumSq += v * v;
        centredSq += (v - xbar) * (v - xbar);
    }
    const double s2Star = centredSq / dn; // Gi*: variance of all values (divisor n)
    GiStarResult r;
    r.z.resize(n);
    r.p.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if ((i & 4095u) == 0) {
            throwIfCanceled(feedback);
            progress(feedback, i, n, "Gi*");
        }
        double lag = 0.0, wSum = 0.0, wSq = 0.0;
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
            const double wk = w.weights[k];
            lag += wk * values[std::size_t(w.indices[k])];
            wSum += wk;
            wSq += wk * wk;
        }
        double expected, variance;
        if (w.hasSelf) {
            expected = wSum * xbar;
            variance = s2Star * (dn * wSq - wSum * wSum) / (dn - 1.0);
        } else {
            // Gi: mean and variance of the n - 1 other values.
            const double xi = values[i];
            const double meanOthers = (sum - xi) / (dn - 1.0);
            const double varOthers = (sumSq - xi * xi) / (dn - 1.0) - meanOthers * meanOthers;
            expected = wSum * meanOthers;
            variance = varOthers * ((dn - 1.0) * wSq - wSum * wSum) / (dn - 2.0);
        }
        const double z = variance > 0.0 ? (lag - expected) / std::sqrt(variance) : kNaN;
        r.z[i] = z;
        r.p[i] = twoSidedNormalP(z);
    }
    r.q = benjaminiHochberg(r.p);
    r.confidenceClass.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        r.confidenceClass[i] = confidenceClass(r.z[i], fdr ? r.q[i] : r.p[i]);
    progress(feedback, n, n, "Gi*");
    return r;
}

LocalMoranResult localMoran(std::span<const double> values, const SpatialWeights &w,
                            int permutations, std::uint64_t seed, double alpha, bool fdr,
                            Feedback *feedback)
{
    LocalMoranOptions o;
    o.permutations = permutations;
    o.seed = seed;
    o.alpha = alpha;
    o.fdr = fdr;
    return localMoran(values, w, o, feedback);
}

namespace {

/// Deviations from the mean with the second moment (divisor n, spdep's mlvar = TRUE) and the
/// kurtosis b2 = m4 / m2².
struct Centred
{
    std::vector<double> z;
    double m2 = 0.0;
    double b2 = 0.0;
};

Centred centre(std::span<const double> values)
{
    const std::size_t n = values.size();
    const double dn = double(n);
    const double xbar = mean(values);
    Centred c;
    c.z.resize(n);
    double m4 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        c.z[i] = values[i] - xbar;
        c.m2 += c.z[i] * c.z[i];
        m4 += c.z[i] * c.z[i] * c.z[i] * c.z[i];
    }
    c.m2 /= dn;
    m4 /= dn;
    if (!(c.m2 > 0.0))
        throw std::invalid_argument("localMoran: the values must not all be equal");
    c.b2 = m4 / (c.m2 * c.m2);
    return c;
}

/// Ii, its expectation and variance under randomisation (total or conditional), z and the
/// normal p-value of every unit.
void localStatistics(const Centred &c, const SpatialWeights &w, bool conditionalMoments,
                     LocalMoranResult &r)
{
    const std::vector<double> &z = c.z;
    const double m2 = c.m2, b2 = c.b2;
    const std::size_t n = z.size();
    const double dn = double(n);
    for (auto *v : {&r.I, &r.expectedI, &r.varianceI, &r.z, &r.pNormal, &r.lag})
        v->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        double lag = 0.0, wSum = 0.0, wSq = 0.0;
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
            const double wk = w.weights[k];
            lag += wk * z[std::size_t(w.indices[k])];
            wSum += wk;
            wSq += wk * wk;
        }
        r.lag[i] = lag;
        r.I[i] = (z[i] / m2) * lag;
        if (conditionalMoments) {
            r.expectedI[i] = -(z[i] * z[i] * wSum) / ((dn - 1.0) * m2);
            const double zm = z[i] / m2;
            r.varianceI[i] = zm * zm * (dn / (dn - 2.0)) * (wSq - wSum * wSum / (dn - 1.0)) *
                             (m2 - z[i] * z[i] / (dn - 1.0));
        } else {
            r.expectedI[i] = -wSum / (dn - 1.0);
            const double a = (dn - b2) / (dn - 1.0);
            const double b = (2.0 * b2 - dn) / ((dn - 1.0) * (dn - 2.0));
            r.varianceI[i] = a * wSq + b * (wSum * wSum - wSq) - r.expectedI[i] * r.expectedI[i];
        }
        r.z[i] =
            r.varianceI[i] > 0.0 ? (r.I[i] - r.expectedI[i]) / std::sqrt(r.varianceI[i]) : kNaN;
        r.pNormal[i] = twoSidedNormalP(r.z[i]);
    }
}

/**
 * Draws count distinct units other than i into drawn (conditional permutation): a partial
 * Fisher–Yates over pool (the other units) when the neighbourhood is dense, else rejection of
 * repeats, cheap when few neighbours are drawn among many units.
 */
void drawOthers(Rng &rng, std::size_t i, std::size_t n, std::size_t count, bool dense,
                std::vector<std::int32_t> &pool, std::vector<std::int32_t> &drawn)
{
    if (dense) {
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t pick = k + std::size_t(rng.below(n - 1 - k));
            std::swap(pool[k], pool[pick]);
            drawn[k] = pool[k];
        }
        return;
    }
    for (std::size_t k = 0; k < count; ++k) {
        std::int32_t j;
        bool repeat;
        do {
            j = std::int32_t(rng.below(n - 1));
            if (std::size_t(j) >= i)
                ++j; // skip unit i itself
            repeat = std::find(drawn.begin(), drawn.begin() + std::ptrdiff_t(k), j) !=
                     drawn.begin() + std::ptrdiff_t(k);
        } while (repeat);
        drawn[k] = j;
    }
}

/// The folded permutation p-value of every unit with neighbours (one random stream per unit,
/// so results do not depend on the order units are visited in).
void permutationPValues(const Centred &c, const SpatialWeights &w, const LocalMoranOptions &options,
                        Feedback *feedback, LocalMoranResult &r)
{
    const std::vector<double> &z = c.z;
    const std::size_t n = z.size();
    const int nPerm = options.permutations;
    r.pPermutation.assign(n, kNaN);
    std::vector<std::int32_t> drawn;
    std::vector<std::int32_t> pool; // only for neighbourhoods larger than half the units
    for (std::size_t i = 0; i < n; ++i) {
        if ((i & 255u) == 0) {
            throwIfCanceled(feedback);
            progress(feedback, i, n, "Local Moran permutations");
        }
        const std::size_t begin = w.offsets[i], count = w.offsets[i + 1] - begin;
        if (count == 0)
            continue;
        if (count > n - 1)
            throw std::invalid_argument("localMoran: a unit has more neighbours than other units");
        Rng rng = Rng::stream(options.seed, i);
        const double scale = z[i] / c.m2;
        const double observed = r.I[i];
        int atLeast = 0;
        drawn.resize(count);
        const bool dense = count * 2 > n - 1;
        if (dense) {
            pool.resize(n - 1);
            for (std::size_t j = 0, o = 0; j < n; ++j)
                if (j != i)
                    pool[o++] = std::int32_t(j);
        }
        for (int perm = 0; perm < nPerm; ++perm) {
            drawOthers(rng, i, n, count, dense, pool, drawn);
            double lag = 0.0;
            for (std::size_t k = 0; k < count; ++k)
                lag += w.weights[begin + k] * z[std::size_t(drawn[k])];
            if (scale * lag >= observed)
                ++atLeast;
        }
        const int folded = std::min(atLeast, nPerm - atLeast);
        r.pPermutation[i] = double(folded + 1) / double(nPerm + 1);
    }
}

} // namespace

LocalMoranResult localMoran(std::span<const double> values, const SpatialWeights &w,
                            const LocalMoranOptions &options, Feedback *feedback)
{
    checkValues(values, w, "localMoran", 3);
    if (w.hasSelf)
        throw std::invalid_argument("localMoran: the weights must not include self");
    if (options.permutations < 0 || options.permutations > 99999)
        throw std::invalid_argument("localMoran: permutations must be in [0, 99999]");
    if (!(options.alpha > 0.0 && options.alpha < 1.0))
        throw std::invalid_argument("localMoran: alpha must be in (0, 1)");
    const std::size_t n = values.size();
    const Centred c = centre(values);
    LocalMoranResult r;
    localStatistics(c, w, options.conditionalMoments, r);
    if (options.permutations > 0)
        permutationPValues(c, w, options, feedback, r);

    const std::vector<double> &pUsed = options.permutations > 0 ? r.pPermutation : r.pNormal;
    r.q = benjaminiHochberg(pUsed);
    r.cluster.assign(n, NotSignificant);
    for (std::size_t i = 0; i < n; ++i) {
        const double p = options.fdr ? r.q[i] : pUsed[i];
        if (std::isnan(p) || p > options.alpha || w.neighbourCount(i) == 0)
            continue;
        const bool high = c.z[i] > 0.0, highLag = r.lag[i] > 0.0;
        r.cluster[i] = high ? (highLag ? HighHigh : HighLow) : (highLag ? LowHigh : LowLow);
    }
    progress(feedback, n, n, "Local Moran");
    return r;
}

GlobalMoran globalMoran(std::span<const double> values, const SpatialWeights &w)
{
    checkValues(values, w, "globalMoran", 4);
    const std::size_t n = values.size();
    const double xbar = mean(values);
    std::vector<double> z(n);
    double zz = 0.0, z4 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        z[i] = values[i] - xbar;
        zz += z[i] * z[i];
        z4 += z[i] * z[i] * z[i] * z[i];
    }
    GlobalMoran g;
    if (!(zz > 0.0)) {
        g.I = g.expected = g.variance = g.z = g.p = kNaN;
        return g;
    }
    // Transpose, to find w_ji and the column sums.
    std::vector<std::size_t> tOffsets(n + 1, 0);
    for (std::int32_t j : w.indices)
        ++tOffsets[std::size_t(j) + 1];
    std::partial_sum(tOffsets.begin(), tOffsets.end(), tOffsets.begin());
    std::vector<std::int32_t> tIndices(w.indices.size());
    std::vector<double> tWeights(w.indices.size());
    {
        std::vector<std::size_t> fill(tOffsets.begin(), tOffsets.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
                const std::size_t pos = fill[std::size_t(w.indices[k])]++;
                tIndices[pos] = std::int32_t(i);
                tWeights[pos] = w.weights[k];
            }
    }
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, cross = 0.0;
    std::size_t withNeighbours = 0;
    std::vector<std::pair<std::int32_t, double>> row;
    for (std::size_t i = 0; i < n; ++i) {
        double rowSum = 0.0, colSum = 0.0, lag = 0.0;
        row.clear();
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
            rowSum += w.weights[k];
            lag += w.weights[k] * z[std::size_t(w.indices[k])];
            s1 += w.weights[k] * w.weights[k];
            row.emplace_back(w.indices[k], w.weights[k]);
        }
        std::sort(row.begin(), row.end());
        // Column i of w (transposed row, sorted by construction): sum_j w_ij w_ji.
        for (std::size_t k = tOffsets[i]; k < tOffsets[i + 1]; ++k) {
            colSum += tWeights[k];
            auto it = std::lower_bound(row.begin(), row.end(),
                                       std::pair<std::int32_t, double>{
                                           tIndices[k], -std::numeric_limits<double>::infinity()});
            if (it != row.end() && it->first == tIndices[k])
                s1 += it->second * tWeights[k];
        }
        if (w.offsets[i + 1] > w.offsets[i])
            ++withNeighbours;
        s0 += rowSum;
        s2 += (rowSum + colSum) * (rowSum + colSum);
        cross += z[i] * lag;
    }
    const double nn = double(withNeighbours); // spdep's adjust.n
    if (withNeighbours < 4 || !(s0 != 0.0)) {
        g.I = g.expected = g.variance = g.z = g.p = kNaN;
        return g;
    }
    const double k = double(n) * z4 / (zz * zz);
    g.I = (nn / s0) * cross / zz;
    g.expected = -1.0 / (nn - 1.0);
    const double s02 = s0 * s0;
    double v = nn * (s1 * (nn * nn - 3.0 * nn + 3.0) - nn * s2 + 3.0 * s02);
    v -= k * (s1 * (nn * nn - nn) - 2.0 * nn * s2 + 6.0 * s02);
    v /= (nn - 1.0) * (nn - 2.0) * (nn - 3.0) * s02;
    v -= g.expected * g.expected;
    g.variance = v;
    g.z = v > 0.0 ? (g.I - g.expected) / std::sqrt(v) : kNaN;
    g.p = std::isnan(g.z) ? kNaN : 0.5 * std::erfc(g.z / std::sqrt(2.0));
    return g;
}

IncrementalAutocorrelation incrementalSpatialAutocorrelation(std::span<const double> x,
                                                             std::span<const double> y,
                                                             std::span<const double> values,
                                                             double startDistance, double increment,
                                                             int steps, Feedback *feedback)
{
    if (x.size() != values.size() || y.size() != values.size())
        throw std::invalid_argument(
            "incrementalSpatialAutocorrelation: x, y and values must have the same size");
    if (values.size() < 4)
        throw std::invalid_argument(
            "incrementalSpatialAutocorrelation: at least 4 features are needed");
    if (steps < 1 || steps > 1000)
        throw std::invalid_argument(
            "incrementalSpatialAutocorrelation: steps must be in [1, 1000]");
    if (!std::isfinite(startDistance) || !std::isfinite(increment))
        throw std::invalid_argument("incrementalSpatialAutocorrelation: distances must be finite");
    if (startDistance <= 0.0 || increment <= 0.0) {
        const std::vector<double> nn = kthNeighbourDistances(x, y, 1);
        if (startDistance <= 0.0)
            startDistance = *std::max_element(nn.begin(), nn.end());
        if (increment <= 0.0)
            increment = std::accumulate(nn.begin(), nn.end(), 0.0) / double(nn.size());
        if (!(startDistance > 0.0) || !(increment > 0.0))
            throw std::invalid_argument(
                "incrementalSpatialAutocorrelation: features are coincident; give the distances");
    }
    IncrementalAutocorrelation r;
    for (int s = 0; s < steps; ++s) {
        throwIfCanceled(feedback);
        progress(feedback, std::size_t(s), std::size_t(steps),
                 "Incremental spatial autocorrelation");
        const double d = startDistance + s * increment;
        const GlobalMoran g = globalMoran(values, distanceBandWeights(x, y, d, false));
        r.distances.push_back(d);
        r.moranI.push_back(g.I);
        r.z.push_back(g.z);
    }
    for (int s = 1; s + 1 < steps; ++s) {
        const double zs = r.z[std::size_t(s)];
        if (zs >= 1.96 && zs > r.z[std::size_t(s - 1)] && zs > r.z[std::size_t(s + 1)]) {
            if (r.firstPeak < 0)
                r.firstPeak = s;
            if (r.maxPeak < 0 || zs > r.z[std::size_t(r.maxPeak)])
                r.maxPeak = s;
        }
    }
    progress(feedback, 1, 1, "Incremental spatial autocorrelation");
    return r;
}

double optimisedHotSpotDistance(std::span<const double> x, std::span<const double> y,
                                std::span<const double> values, Feedback *feedback)
{
    const IncrementalAutocorrelation isa =
        incrementalSpatialAutocorrelation(x, y, values, 0.0, 0.0, 10, feedback);
    if (isa.firstPeak >= 0)
        return isa.distances[std::size_t(isa.firstPeak)];
    const int n = int(x.size());
    const int k = std::min(std::clamp(int(std::lround(0.05 * n)), 3, 30), n - 1);
    const std::vector<double> d = kthNeighbourDistances(x, y, k);
    return std::accumulate(d.begin(), d.end(), 0.0) / double(d.size());
}

} // namespace vigie::analytics
