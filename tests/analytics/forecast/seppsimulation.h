// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Simulated data for the forecasting tests: a SEPP with known parameters, drawn with Vigie's
// seeded generator (rng.h) and its offspring simulator (pointprocess.h).

#include "analytics/grid.h"
#include "analytics/pointprocess.h"
#include "analytics/rng.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace vigie::testsupport {

/// Known SEPP parameters over [0, side] x [0, side] metres and [0, days) days.
struct SeppTruth
{
    double side = 10000; ///< metres
    double days = 365;
    double mu = 8;      ///< background events per day over the square
    double theta = 0.4; ///< branching ratio
    double omega = 0.5; ///< per day (mean delay 1/omega)
    double sigma = 100; ///< metres, per axis
    /// Share of the background drawn around `hotspots` Gaussian centres (sd hotspotSd) instead
    /// of uniformly: 0 gives the homogeneous Poisson background of the recovery tests.
    double clusteredShare = 0;
    int hotspots = 20;
    double hotspotSd = 300;
};

struct SimulatedEvents
{
    std::vector<double> x, y, t;
    std::size_t backgroundCount = 0;
    analytics::PointSet set() const { return {x, y, {}, t}; }
};

/// Background Poisson(mu * days) events, then every generation of offspring (no limit on
/// generations, none after `days`; offspring may fall outside the square). Sorted by time.
inline SimulatedEvents simulateSepp(const SeppTruth &truth, std::uint64_t seed)
{
    using namespace analytics;
    Rng rng = Rng::stream(seed, 1);
    std::vector<std::array<double, 2>> centres;
    for (int h = 0; h < truth.hotspots; ++h)
        centres.push_back({rng.uniform(0.1 * truth.side, 0.9 * truth.side),
                           rng.uniform(0.1 * truth.side, 0.9 * truth.side)});
    std::vector<SpaceTimeEvent> events;
    const std::int64_t background = rng.poisson(truth.mu * truth.days);
    for (std::int64_t i = 0; i < background; ++i) {
        double x, y;
        if (rng.uniform() < truth.clusteredShare) {
            const auto &c = centres[rng.below(centres.size())];
            do {
                x = rng.normal(c[0], truth.hotspotSd);
                y = rng.normal(c[1], truth.hotspotSd);
            } while (x < 0 || y < 0 || x >= truth.side || y >= truth.side);
        } else {
            x = rng.uniform(0, truth.side);
            y = rng.uniform(0, truth.side);
        }
        events.push_back({x, y, rng.uniform(0, truth.days), 0, 0});
    }
    NearRepeatParams np;
    np.branchingRatio = truth.theta;
    np.meanDelayDays = 1.0 / truth.omega;
    np.sigmaMetres = truth.sigma;
    np.horizonDays = truth.days;
    np.maxGeneration = 1000;
    addNearRepeatOffspring(events, [&](int) { return np; }, rng, {});
    std::stable_sort(events.begin(), events.end(),
                     [](const SpaceTimeEvent &a, const SpaceTimeEvent &b) { return a.t < b.t; });
    SimulatedEvents out;
    out.backgroundCount = std::size_t(background);
    for (const auto &e : events) {
        out.x.push_back(e.x);
        out.y.push_back(e.y);
        out.t.push_back(e.t);
    }
    return out;
}

/// The grid of the square with cells of `cellSize` metres.
inline analytics::GridSpec squareGrid(const SeppTruth &truth, double cellSize)
{
    analytics::GridSpec g;
    g.xMin = 0;
    g.yMin = 0;
    g.cellSize = cellSize;
    g.cols = int(std::ceil(truth.side / cellSize));
    g.rows = g.cols;
    return g;
}

} // namespace vigie::testsupport
