// SPDX-License-Identifier: GPL-3.0-or-later
// Patrol allocation (greedy maximal covering, lazy evaluation checked against a plain greedy) and
// Monte Carlo response times: determinism for a seed, a better allocation responds sooner,
// invariants, Dijkstra on a hand-made network.

#include "analytics/patrol.h"
#include "analytics/rng.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace vigie::analytics;

namespace {

/// 40 x 40 cells of 100 m, background 0.1, two clusters: A around (1000, 3000) weight 5, B around
/// (3000, 1000) weight 3 (Gaussian bumps of sd 300 m).
Raster twoClusters()
{
    Raster r;
    r.grid = GridSpec{0, 0, 100, 40, 40};
    r.values.resize(r.grid.cellCount());
    for (int row = 0; row < 40; ++row)
        for (int c = 0; c < 40; ++c) {
            const double x = r.grid.centreX(c), y = r.grid.centreY(row);
            auto bump = [&](double cx, double cy) {
                return std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 300.0 * 300.0));
            };
            r.values[r.grid.index(c, row)] = 0.1 + 5 * bump(1000, 3000) + 3 * bump(3000, 1000);
        }
    return r;
}

/// Plain greedy (no lazy evaluation) for comparison.
std::vector<double> plainGreedyCovered(const Raster &risk, double radius, int units)
{
    const GridSpec &g = risk.grid;
    std::vector<std::uint8_t> covered(g.cellCount(), 0);
    std::vector<double> gains;
    for (int u = 0; u < units; ++u) {
        double best = -1;
        std::size_t bestSite = 0;
        for (std::size_t s = 0; s < g.cellCount(); ++s) {
            if (!(risk.values[s] > 0))
                continue;
            const double sx = g.centreX(int(s % g.cols)), sy = g.centreY(int(s / g.cols));
            double gain = 0;
            for (std::size_t k = 0; k < g.cellCount(); ++k) {
                const double dx = g.centreX(int(k % g.cols)) - sx,
                             dy = g.centreY(int(k / g.cols)) - sy;
                if (!covered[k] && dx * dx + dy * dy <= radius * radius)
                    gain += risk.values[k];
            }
            if (gain > best) {
                best = gain;
                bestSite = s;
            }
        }
        const double sx = g.centreX(int(bestSite % g.cols)), sy = g.centreY(int(bestSite / g.cols));
        for (std::size_t k = 0; k < g.cellCount(); ++k) {
            const double dx = g.centreX(int(k % g.cols)) - sx, dy = g.centreY(int(k / g.cols)) - sy;
            if (dx * dx + dy * dy <= radius * radius)
                covered[k] = 1;
        }
        gains.push_back(best);
    }
    return gains;
}

} // namespace

class TestPatrol : public QObject
{
    Q_OBJECT
private slots:
    void greedyPutsUnitsOnClusters()
    {
        const Raster risk = twoClusters();
        AllocationParams p;
        p.units = 2;
        p.coverageRadius = 600;
        const Allocation a = allocatePatrols(risk, p);
        QCOMPARE(a.x.size(), std::size_t(2));
        QVERIFY(std::hypot(a.x[0] - 1000, a.y[0] - 3000) < 100); // A first (heavier)
        QVERIFY(std::hypot(a.x[1] - 3000, a.y[1] - 1000) < 100);
        QVERIFY(a.marginalRisk[0] >= a.marginalRisk[1]);
        QVERIFY(a.coveredShare > 0 && a.coveredShare < 1);
        const Allocation e = evaluateAllocation(risk, a.x, a.y, p.coverageRadius);
        QVERIFY(std::fabs(e.coveredRisk - a.coveredRisk) < 1e-9 * a.coveredRisk);
        // Given sites: only these are used.
        AllocationParams q = p;
        q.siteX = {0, 1000, 2500};
        q.siteY = {0, 2900, 1000};
        const Allocation b = allocatePatrols(risk, q);
        QCOMPARE(b.site[0], std::size_t(1));
        QCOMPARE(b.site[1], std::size_t(2));
    }

    void lazyEqualsPlainGreedy()
    {
        Raster risk;
        risk.grid = GridSpec{0, 0, 50, 16, 16};
        Rng rng(11);
        for (std::size_t k = 0; k < risk.grid.cellCount(); ++k)
            risk.values.push_back(rng.bernoulli(0.7) ? rng.exponential(1.0) : 0.0);
        AllocationParams p;
        p.units = 6;
        p.coverageRadius = 120;
        const Allocation a = allocatePatrols(risk, p);
        const auto gains = plainGreedyCovered(risk, p.coverageRadius, p.units);
        for (int u = 0; u < p.units; ++u)
            QVERIFY(std::fabs(a.marginalRisk[std::size_t(u)] - gains[std::size_t(u)]) < 1e-9);
    }

    void moreUnitsThanRisk()
    {
        Raster risk;
        risk.grid = GridSpec{0, 0, 100, 5, 5};
        risk.values.assign(25, 0.0);
        risk.values[12] = 1.0;
        AllocationParams p;
        p.units = 3;
        p.coverageRadius = 100;
        const Allocation a = allocatePatrols(risk, p);
        QCOMPARE(a.x.size(), std::size_t(3)); // exactly `units`, reusing the only site
        QCOMPARE(a.coveredShare, 1.0);
        QCOMPARE(a.marginalRisk[1], 0.0);
        p.units = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, allocatePatrols(risk, p));
    }

    void monteCarloDeterministicAndInvariants()
    {
        const Raster risk = twoClusters();
        const std::vector<double> ux{1000, 3000}, uy{3000, 1000};
        ResponseParams p;
        p.incidents = 20000;
        p.seed = 5;
        const auto a = simulateResponse(risk, ux, uy, p);
        const auto b = simulateResponse(risk, ux, uy, p);
        QCOMPARE(a.times, b.times);
        QCOMPARE(a.mean, b.mean);
        QVERIFY(a.median <= a.p90 && a.p90 <= a.max);
        QVERIFY(a.mean >= p.dispatchDelay);
        QVERIFY(a.shareWithinTarget >= 0 && a.shareWithinTarget <= 1);
        p.seed = 6;
        const auto c = simulateResponse(risk, ux, uy, p);
        QVERIFY(c.times != a.times);
        QVERIFY(std::fabs(c.mean - a.mean) < 0.03 * a.mean); // Monte Carlo error of 20 000 draws
        qInfo(
            "two units on the clusters: mean %.1f s, median %.1f s, p90 %.1f s, within 600 s %.3f",
            a.mean, a.median, a.p90, a.shareWithinTarget);
    }

    void singleCellAnalytic()
    {
        // All risk in the cell [900,1000]x[0,100] (col 9, row 9 of a 10x10 grid of 100 m);
        // one unit at (0, 50): times in [delay + 900/v, delay + hypot(1000, 50)/v].
        Raster risk;
        risk.grid = GridSpec{0, 0, 100, 10, 10};
        risk.values.assign(100, 0.0);
        risk.values[risk.grid.index(9, 9)] = 1.0;
        ResponseParams p;
        p.incidents = 2000;
        p.speed = 10;
        p.dispatchDelay = 30;
        const auto s = simulateResponse(risk, std::vector<double>{0}, std::vector<double>{50}, p);
        for (double t : s.times)
            QVERIFY(t >= 30 + 90 - 1e-9 && t <= 30 + std::hypot(1000.0, 50.0) / 10 + 1e-9);
        // Mean of x over the cell is 950: mean time close to 30 + 95.
        QVERIFY(std::fabs(s.mean - 125.0) < 1.0);
    }

    void betterAllocationRespondsSooner()
    {
        const Raster risk = twoClusters();
        AllocationParams ap;
        ap.units = 2;
        ap.coverageRadius = 600;
        const Allocation greedy = allocatePatrols(risk, ap);
        const std::vector<double> cx{50, 150}, cy{50, 50}; // both in the south-west corner
        ResponseParams p;
        p.incidents = 10000;
        p.seed = 3;
        const auto cmp = compareAllocations(risk, cx, cy, greedy.x, greedy.y, p, ap.coverageRadius);
        qInfo("corner vs greedy: mean %.1f -> %.1f s, p90 %.1f -> %.1f s, within target %.3f -> "
              "%.3f, "
              "covered share %.3f -> %.3f, B faster for %.3f",
              cmp.a.mean, cmp.b.mean, cmp.a.p90, cmp.b.p90, cmp.a.shareWithinTarget,
              cmp.b.shareWithinTarget, cmp.coverageA.coveredShare, cmp.coverageB.coveredShare,
              cmp.shareBFaster);
        QVERIFY(cmp.meanDifference < 0);
        QVERIFY(cmp.p90Difference < 0);
        QVERIFY(cmp.shareWithinTargetDifference > 0);
        QVERIFY(cmp.coveredShareDifference > 0);
        QVERIFY(cmp.shareBFaster > 0.5);
        // Adding a unit never slows any incident (same draws).
        const std::vector<double> x3{greedy.x[0], greedy.x[1], 2000},
            y3{greedy.y[0], greedy.y[1], 2000};
        const auto more =
            compareAllocations(risk, greedy.x, greedy.y, x3, y3, p, ap.coverageRadius);
        for (std::size_t i = 0; i < more.a.times.size(); ++i)
            QVERIFY(more.b.times[i] <= more.a.times[i]);
    }

    void networkTravel()
    {
        // Path 0 - 1 - 2 along y = 0 (1000 m each) and a slow shortcut 0 - 2 (1500 m at 2 m/s).
        RoadGraph g;
        g.nodeX = {0, 1000, 2000};
        g.nodeY = {0, 0, 0};
        g.from = {0, 1, 0};
        g.to = {1, 2, 2};
        g.lengthM = {1000, 1000, 1500};
        g.speedMps = {10, 20, 2};
        const auto t = networkTravelTimes(g, 0, 10);
        QCOMPARE(t[0], 0.0);
        QCOMPARE(t[1], 100.0);
        QCOMPARE(t[2], 150.0);
        // Risk in one cell around node 2; the unit at node 0. Network: 150 s + egress.
        Raster risk;
        risk.grid = GridSpec{-100, -100, 200, 12, 2};
        risk.values.assign(risk.grid.cellCount(), 0.0);
        risk.values[risk.grid.index(10, 1)] = 1.0; // [1900, 2100] x [-100, 100]
        ResponseParams p;
        p.incidents = 500;
        p.dispatchDelay = 0;
        p.graph = &g;
        p.offNetworkSpeed = 5; // egress <= 141 m / 5 m/s; walking straight (2000 m) is slower
        const auto s = simulateResponse(risk, std::vector<double>{0}, std::vector<double>{0}, p);
        QVERIFY(s.mean > 150 && s.mean < 150 + std::hypot(100.0, 100.0) / 5);
        QVERIFY(s.max <= 150 + std::hypot(100.0, 100.0) / 5 + 1e-9);
        p.graph = nullptr;
        p.speed = 10;
        const auto line = simulateResponse(risk, std::vector<double>{0}, std::vector<double>{0}, p);
        QVERIFY(line.mean > 190 && line.mean < 212);
        RoadGraph bad = g;
        bad.to[0] = 7;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, networkTravelTimes(bad, 0, 10));
    }

    void sectorAllocation()
    {
        // p = 0.5: gains 10*0.5=5 (A), then A 2.5 vs B 4*0.5=2 -> A, then A 1.25 vs B 2 -> B,
        // then A 1.25 vs B 1 vs C 1*0.5 -> A.
        const std::vector<double> risk{10, 4, 1};
        const SectorAllocation a = allocateToSectors(risk, 4, 0.5);
        QCOMPARE(a.units, (std::vector<int>{3, 1, 0}));
        QCOMPARE(a.covered[0], 10 * (1 - 0.125));
        QCOMPARE(a.covered[1], 2.0);
        QCOMPARE(a.coveredRisk, 8.75 + 2.0);
        QCOMPARE(a.totalRisk, 15.0);
        // Optimal: no other split of 4 units covers more (exhaustive check).
        double best = 0;
        for (int i = 0; i <= 4; ++i)
            for (int j = 0; i + j <= 4; ++j) {
                const int k = 4 - i - j;
                best = std::max(best, 10 * (1 - std::pow(0.5, i)) + 4 * (1 - std::pow(0.5, j)) +
                                          (1 - std::pow(0.5, k)));
            }
        QVERIFY(std::fabs(best - a.coveredRisk) < 1e-12);
        // p = 1: one unit covers a whole sector; units go to the riskiest sectors in order.
        const SectorAllocation b = allocateToSectors(risk, 2, 1.0);
        QCOMPARE(b.units, (std::vector<int>{1, 1, 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, allocateToSectors(risk, 2, 0.0));
    }

    void graphFromPolylines()
    {
        // Two roads meeting at (1000, 0) (the second starts 0.4 m away: snapped), and a third road
        // starting at the middle vertex (500, 0) of the first.
        const std::vector<RoadPolyline> roads{{{0, 500, 1000}, {0, 0, 0}, 10},
                                              {{1000.4, 1000, 1000}, {0, 500, 1000}, 20},
                                              {{500, 500}, {0, -800}, 0}};
        const RoadGraph g = roadGraphFromPolylines(roads, 1.0);
        QCOMPARE(g.nodeX.size(), std::size_t(6)); // (0|500|1000, 0), (1000, 500|1000), (500, -800)
        QCOMPARE(g.from.size(), std::size_t(5));
        const auto t = networkTravelTimes(g, 0, 5);
        QCOMPARE(t[2], 100.0);               // (1000, 0) along road 1 at 10 m/s
        QCOMPARE(t[4], 100.0 + 1000.0 / 20); // (1000, 1000) via road 2
        QCOMPARE(t[5], 50.0 + 800.0 / 5);    // (500, -800) via the crossing vertex, default speed
        const std::vector<RoadPolyline> bad{{{0, 1}, {0}, 0}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, roadGraphFromPolylines(bad, 1.0));
    }

    void cancellation()
    {
        const Raster risk = twoClusters();
        Feedback fb;
        fb.cancel();
        ResponseParams p;
        QVERIFY_THROWS_EXCEPTION(Canceled, simulateResponse(risk, std::vector<double>{0},
                                                            std::vector<double>{0}, p, &fb));
        AllocationParams ap;
        QVERIFY_THROWS_EXCEPTION(Canceled, allocatePatrols(risk, ap, &fb));
    }
};

QTEST_GUILESS_MAIN(TestPatrol)
#include "test_patrol.moc"
