// SPDX-License-Identifier: GPL-3.0-or-later
#include "concentration.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace vigie::analytics {

namespace {

/// Incidents held by the top `units` units (fractional units pro rata), given the cumulative
/// counts by rank: cumulative[k] = incidents of the top k units.
double heldByTop(const std::vector<double> &cumulative, double units)
{
    const std::size_t n = cumulative.size() - 1;
    if (units <= 0)
        return 0.0;
    if (units >= double(n))
        return cumulative[n];
    const auto k = std::size_t(std::floor(units));
    return cumulative[k] + (units - double(k)) * (cumulative[k + 1] - cumulative[k]);
}

} // namespace

ConcentrationResult concentration(std::span<const double> counts,
                                  std::span<const double> unitFractions,
                                  std::span<const double> incidentFractions, int curveSteps)
{
    ConcentrationResult r;
    r.units = counts.size();
    for (double c : counts) {
        if (!std::isfinite(c) || c < 0)
            throw std::invalid_argument("concentration: counts must be finite and >= 0");
        r.total += c;
        r.nonEmpty += c > 0;
    }
    if (!(r.total > 0))
        throw std::invalid_argument("concentration: no incident to measure");
    if (curveSteps < 1)
        throw std::invalid_argument("concentration: curveSteps must be >= 1");
    for (auto f : {unitFractions, incidentFractions})
        for (double v : f)
            if (!(v >= 0 && v <= 1))
                throw std::invalid_argument("concentration: fractions must lie in [0, 1]");

    const std::size_t n = counts.size();
    r.order.resize(n);
    std::iota(r.order.begin(), r.order.end(), std::size_t(0));
    std::stable_sort(r.order.begin(), r.order.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    std::vector<double> cumulative(n + 1, 0.0);
    for (std::size_t k = 0; k < n; ++k)
        cumulative[k + 1] = cumulative[k] + counts[r.order[k]];

    // Gini over the increasing order: rank i (1-based) of the k-th largest is n - k.
    double weighted = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        const double i = double(n - k);
        weighted += (2.0 * i - double(n) - 1.0) * counts[r.order[k]];
    }
    r.gini = weighted / (double(n) * r.total);

    for (double f : unitFractions)
        r.incidentShareOfTop.push_back(heldByTop(cumulative, f * double(n)) / r.total);
    for (double f : incidentFractions) {
        const double target = f * r.total;
        // First rank whose cumulative count reaches the target, then the fraction of that unit.
        const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), target);
        const auto k = std::size_t(it - cumulative.begin());
        double units = double(k);
        if (k > 0 && cumulative[k] > cumulative[k - 1])
            units =
                double(k - 1) + (target - cumulative[k - 1]) / (cumulative[k] - cumulative[k - 1]);
        r.unitShareHolding.push_back(units / double(n));
    }
    for (int s = 0; s <= curveSteps; ++s)
        r.curve.push_back(heldByTop(cumulative, double(n) * s / curveSteps) / r.total);
    return r;
}

} // namespace vigie::analytics
