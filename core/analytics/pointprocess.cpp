// SPDX-License-Identifier: GPL-3.0-or-later
#include "pointprocess.h"

#include <algorithm>
#include <numeric>

namespace vigie::analytics {

std::size_t addNearRepeatOffspring(std::vector<SpaceTimeEvent> &events,
                                   const std::function<NearRepeatParams(int mark)> &params,
                                   Rng &rng, const std::function<bool(double, double)> &accept)
{
    const std::size_t initial = events.size();
    // Breadth-first over generations: events appended while iterating are processed later.
    for (std::size_t i = 0; i < events.size(); ++i) {
        const SpaceTimeEvent parent = events[i]; // copy: push_back may reallocate
        const NearRepeatParams p = params(parent.mark);
        if (parent.generation >= p.maxGeneration || !(p.branchingRatio > 0.0))
            continue;
        const std::int64_t children = rng.poisson(p.branchingRatio);
        for (std::int64_t c = 0; c < children; ++c) {
            const double t = parent.t + rng.exponential(p.meanDelayDays);
            bool placed = false;
            double x = 0.0;
            double y = 0.0;
            for (int attempt = 0; attempt < p.maxAttempts && !placed; ++attempt) {
                x = parent.x + rng.normal(0.0, p.sigmaMetres);
                y = parent.y + rng.normal(0.0, p.sigmaMetres);
                placed = !accept || accept(x, y);
            }
            if (!placed || t >= p.horizonDays)
                continue;
            events.push_back({x, y, t, parent.mark, parent.generation + 1});
        }
    }
    return events.size() - initial;
}

std::vector<std::int64_t> poissonCounts(std::span<const double> expected, Rng &rng)
{
    std::vector<std::int64_t> counts;
    counts.reserve(expected.size());
    for (double lambda : expected)
        counts.push_back(rng.poisson(lambda));
    return counts;
}

std::int64_t closePairCount(std::span<const double> x, std::span<const double> y,
                            std::span<const double> t, double maxDistance, double maxDt)
{
    const std::size_t n = std::min({x.size(), y.size(), t.size()});
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return t[a] < t[b]; });
    const double d2 = maxDistance * maxDistance;
    std::int64_t pairs = 0;
    for (std::size_t a = 0; a < n; ++a) {
        const std::size_t i = order[a];
        for (std::size_t b = a + 1; b < n; ++b) {
            const std::size_t j = order[b];
            if (t[j] - t[i] > maxDt)
                break;
            const double dx = x[i] - x[j];
            const double dy = y[i] - y[j];
            if (dx * dx + dy * dy <= d2)
                ++pairs;
        }
    }
    return pairs;
}

} // namespace vigie::analytics
