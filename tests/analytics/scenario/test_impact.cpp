// SPDX-License-Identifier: GPL-3.0-or-later
// Impact of an action: the difference-in-differences estimator recovers an effect planted in
// seeded Poisson data, its interval covers 0 under no effect, the pre-trend check flags a planted
// differential trend, and the WDQ matches a hand computation.

#include "analytics/impact.h"
#include "analytics/rng.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace vigie::analytics;

namespace {

struct Sim
{
    GridSpec grid;
    std::vector<double> x, y, t;
    std::vector<std::uint8_t> treated;
    PointSet points() const { return {x, y, {}, t}; }
};

/// 20 x 20 cells of 100 m; treated = the 4 x 4 block of columns/rows 8..11. 12 periods of 28 days
/// before day 336 and 12 after. Cell rates ~ U(3, 8) per period, common period multipliers in
/// [0.8, 1.2], treated cells multiplied by `effect` after the action and by
/// exp(preTrend * (p - 5.5)) before it.
Sim simulate(std::uint64_t seed, double effect, double preTrend = 0.0, double bufferEffect = 1.0)
{
    Sim s;
    s.grid = GridSpec{0, 0, 100, 20, 20};
    s.treated.assign(s.grid.cellCount(), 0);
    Rng rng(seed);
    std::vector<double> rate(s.grid.cellCount()), mult(24);
    for (auto &r : rate)
        r = rng.uniform(3, 8);
    for (auto &m : mult)
        m = rng.uniform(0.8, 1.2);
    for (int r = 0; r < 20; ++r)
        for (int c = 0; c < 20; ++c) {
            const bool isTreated = r >= 8 && r <= 11 && c >= 8 && c <= 11;
            const bool isBuffer = !isTreated && r >= 6 && r <= 13 && c >= 6 && c <= 13;
            s.treated[s.grid.index(c, r)] = isTreated;
            for (int p = 0; p < 24; ++p) {
                double lambda = rate[s.grid.index(c, r)] * mult[std::size_t(p)];
                if (isTreated && p >= 12)
                    lambda *= effect;
                if (isTreated && p < 12)
                    lambda *= std::exp(preTrend * (p - 5.5));
                if (isBuffer && p >= 12)
                    lambda *= bufferEffect;
                const auto n = rng.poisson(lambda);
                for (std::int64_t i = 0; i < n; ++i) {
                    s.x.push_back(s.grid.xMin + (c + rng.uniform()) * 100);
                    s.y.push_back(s.grid.yMax() - (r + rng.uniform()) * 100);
                    s.t.push_back(28.0 * (p + rng.uniform()));
                }
            }
        }
    return s;
}

ImpactParams defaultParams(ControlSelection sel)
{
    ImpactParams p;
    p.actionTime = 336;
    p.preDays = 336;
    p.postDays = 336;
    p.periodDays = 28;
    p.controls = sel;
    p.bufferDistance = 290; // the 2-cell ring with its corners (2 x 2 cells diagonal = 283 m)
    p.bootstrapReplicates = 199;
    p.seed = 7;
    return p;
}

} // namespace

class TestImpact : public QObject
{
    Q_OBJECT
private slots:
    void wdqByHand()
    {
        // R: 100 -> 60, buffer 50 -> 60, control 200 -> 200.
        const Wdq w = weightedDisplacementQuotient(100, 60, 50, 60, 200, 200);
        QCOMPARE(w.successMeasure, 60.0 / 200 - 100.0 / 200);     // -0.2
        QCOMPARE(w.displacementMeasure, 60.0 / 200 - 50.0 / 200); // +0.05
        QVERIFY(std::fabs(w.wdq - (-0.25)) < 1e-12); // displacement, a quarter of the gain
        QCOMPARE(w.expectedTreatedAfter, 100.0);
        QCOMPARE(w.treatedReduction, 40.0);
        QCOMPARE(w.bufferReduction, -10.0);
        QCOMPARE(w.netEffect, 30.0);
        // Diffusion of benefits: the buffer falls too; control doubles.
        const Wdq d = weightedDisplacementQuotient(100, 100, 50, 40, 100, 200);
        QVERIFY(std::fabs(d.successMeasure - (0.5 - 1.0)) < 1e-12);
        QVERIFY(std::fabs(d.displacementMeasure - (0.2 - 0.5)) < 1e-12);
        QVERIFY(std::fabs(d.wdq - 0.6) < 1e-12);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 weightedDisplacementQuotient(1, 1, 1, 1, 0, 1));
    }

    void masks()
    {
        const GridSpec g{0, 0, 10, 10, 10};
        PolygonRing square{{20, 50, 50, 20}, {20, 20, 50, 50}};
        const auto m = ringMask(g, square);
        int inside = 0;
        for (auto v : m)
            inside += v;
        QCOMPARE(inside, 9); // centres 25, 35, 45 on each axis
        QVERIFY(m[g.index(2, g.rowOf(25))]);
        QVERIFY(!m[g.index(5, g.rowOf(25))]);
        const auto b = bufferRingMask(g, m, 10);
        int ring = 0;
        for (std::size_t k = 0; k < b.size(); ++k) {
            ring += b[k];
            QVERIFY(!(b[k] && m[k]));
        }
        QCOMPARE(ring, 12); // rook neighbours only at exactly one cell
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ringMask(g, PolygonRing{{0, 1}, {0, 1}}));
    }

    void poissonFitTwoByTwo()
    {
        // Saturated 2x2: the interaction equals the log ratio of ratios, se^2 = sum 1/y.
        const std::vector<double> y{100, 60, 200, 200};
        const std::vector<double> X{1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0};
        const PoissonFit f = fitPoisson(X, 4, y);
        QVERIFY(f.converged);
        QVERIFY(std::fabs(f.beta[3] - std::log(0.6)) < 1e-8);
        QVERIFY(std::fabs(f.se[3] - std::sqrt(1.0 / 100 + 1.0 / 60 + 1.0 / 200 + 1.0 / 200)) <
                1e-8);
    }

    void recoversPlantedEffect_data()
    {
        QTest::addColumn<int>("selection");
        QTest::newRow("matched") << int(ControlSelection::Matched);
        QTest::newRow("all-other") << int(ControlSelection::AllOther);
    }
    void recoversPlantedEffect()
    {
        // -25 % planted. Per seed: |effect + 0.25| < 0.12 (about 3 standard errors); over 20 seeds:
        // the Wald interval covers log(0.75) in >= 17, and the mean estimated effect is within 0.03
        // of -0.25.
        QFETCH(int, selection);
        const double truth = std::log(0.75);
        int covered = 0, bootCovered = 0;
        double sumEffect = 0, sumSe = 0;
        const int seeds = 20;
        for (int s = 0; s < seeds; ++s) {
            const Sim sim = simulate(1000 + s, 0.75);
            const auto res = estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}},
                                            defaultParams(ControlSelection(selection)));
            QVERIFY(std::fabs(res.did.effect - (-0.25)) < 0.12);
            covered += (res.did.low <= truth && truth <= res.did.high);
            bootCovered += (res.did.bootLow <= truth && truth <= res.did.bootHigh);
            sumEffect += res.did.effect;
            sumSe += res.did.se;
            if (s == 0)
                qInfo("seed 1000: delta %.4f se %.4f [%.4f, %.4f] boot [%.4f, %.4f] effect %.3f "
                      "dispersion %.2f "
                      "T %g->%g C %g->%g controls %zu",
                      res.did.delta, res.did.se, res.did.low, res.did.high, res.did.bootLow,
                      res.did.bootHigh, res.did.effect, res.did.dispersion, res.treatedBefore,
                      res.treatedAfter, res.controlBefore, res.controlAfter,
                      res.controlCells.size());
        }
        qInfo("planted -25 %%: mean effect %.4f, mean se %.4f, Wald coverage %d/%d, bootstrap "
              "coverage %d/%d",
              sumEffect / seeds, sumSe / seeds, covered, seeds, bootCovered, seeds);
        QVERIFY(covered >= 17);
        QVERIFY(std::fabs(sumEffect / seeds + 0.25) < 0.03);
    }

    void nullEffectCoversZero()
    {
        // No effect: the 95 % Wald interval covers 0 in >= 90 % of 50 seeds.
        int covered = 0;
        const int seeds = 50;
        for (int s = 0; s < seeds; ++s) {
            const Sim sim = simulate(5000 + s, 1.0);
            auto p = defaultParams(ControlSelection::Matched);
            p.bootstrapReplicates = 0;
            const auto res = estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}}, p);
            covered += (res.did.low <= 0 && 0 <= res.did.high);
        }
        qInfo("null effect: interval covers 0 in %d/%d seeds", covered, seeds);
        QVERIFY(covered >= 45);
    }

    void preTrendCheck()
    {
        int flagged = 0, flaggedNull = 0;
        for (int s = 0; s < 10; ++s) {
            auto p = defaultParams(ControlSelection::AllOther);
            p.bootstrapReplicates = 0;
            const Sim trend = simulate(300 + s, 1.0, 0.06); // +6 %/period before the action
            const Sim flat = simulate(300 + s, 1.0, 0.0);
            const auto a = estimateImpact(trend.points(), {trend.grid, trend.treated, {}, {}}, p);
            const auto b = estimateImpact(flat.points(), {flat.grid, flat.treated, {}, {}}, p);
            flagged += !a.preTrend.parallel;
            flaggedNull += !b.preTrend.parallel;
            QVERIFY(std::fabs(a.preTrend.slope - 0.06) < 0.03);
        }
        qInfo("pre-trend flagged: %d/10 with a planted trend, %d/10 without", flagged, flaggedNull);
        QVERIFY(flagged >= 9);
        QVERIFY(flaggedNull <= 2);
    }

    void displacementInBuffer()
    {
        // Treated -25 %, buffer +20 %: WDQ negative (displacement); with buffer -10 %: positive.
        auto p = defaultParams(ControlSelection::AllOther);
        p.bootstrapReplicates = 0;
        const Sim disp = simulate(42, 0.75, 0.0, 1.2);
        const auto a = estimateImpact(disp.points(), {disp.grid, disp.treated, {}, {}}, p);
        qInfo("displacement: WDQ %.3f SM %.3f DM %.3f net %.1f", a.wdq.wdq, a.wdq.successMeasure,
              a.wdq.displacementMeasure, a.wdq.netEffect);
        QVERIFY(a.wdq.successMeasure < 0);
        QVERIFY(a.wdq.wdq < -0.3);
        QVERIFY(a.wdq.bufferReduction < 0);
        const Sim diff = simulate(42, 0.75, 0.0, 0.9);
        const auto b = estimateImpact(diff.points(), {diff.grid, diff.treated, {}, {}}, p);
        qInfo("diffusion: WDQ %.3f", b.wdq.wdq);
        QVERIFY(b.wdq.wdq > 0.1);
        // The buffer is the 2-cell ring: 8x8 - 4x4 cells.
        int ring = 0;
        for (auto v : a.bufferMask)
            ring += v;
        QCOMPARE(ring, 48);
    }

    void givenControlsFromPolygons()
    {
        // Treated block and a control strip given as polygons (cells whose centre is inside).
        const Sim sim = simulate(77, 0.75);
        const PolygonRing block{{800, 1200, 1200, 800}, {800, 800, 1200, 1200}};
        const PolygonRing strip{{0, 500, 500, 0}, {0, 0, 2000, 2000}};
        const auto treated = ringMask(sim.grid, block);
        QCOMPARE(treated, sim.treated);
        const auto control = ringMask(sim.grid, strip);
        auto p = defaultParams(ControlSelection::Given);
        const auto res = estimateImpact(sim.points(), {sim.grid, treated, control, {}}, p);
        QCOMPARE(res.controlCells.size(), std::size_t(100)); // 5 columns x 20 rows
        qInfo("given controls: effect %.3f [%.3f, %.3f]", res.did.effect, res.did.effectLow,
              res.did.effectHigh);
        QVERIFY(std::fabs(res.did.effect + 0.25) < 0.12);
        QVERIFY(res.did.effectLow < -0.25 && -0.25 < res.did.effectHigh);
    }

    void deterministicAndValidated()
    {
        const Sim sim = simulate(9, 0.75);
        const auto p = defaultParams(ControlSelection::Matched);
        const auto a = estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}}, p);
        const auto b = estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}}, p);
        QCOMPARE(a.did.bootLow, b.did.bootLow);
        QCOMPARE(a.did.delta, b.did.delta);
        QCOMPARE(a.controlCells, b.controlCells);
        QCOMPARE(int(a.controlCells.size()), p.matchedControls);
        auto bad = p;
        bad.periodDays = 0;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}}, bad));
        auto given = p;
        given.controls = ControlSelection::Given;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}}, given));
        Feedback fb;
        fb.cancel();
        QVERIFY_THROWS_EXCEPTION(
            Canceled, estimateImpact(sim.points(), {sim.grid, sim.treated, {}, {}}, p, &fb));
    }
};

QTEST_GUILESS_MAIN(TestImpact)
#include "test_impact.moc"
