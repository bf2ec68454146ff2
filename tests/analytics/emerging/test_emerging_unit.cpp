// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of the emerging hot spot analysis: category rules on hand-built series and cubes
// whose answer follows from the definitions, Mann-Kendall by hand, invalid parameters,
// cancellation.

#include "analytics/emerging.h"
#include "analytics/rng.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace vigie::analytics;
using C = EmergingCategory;

namespace {

C classify(std::vector<int> states, double trendZ = 0.0, double trendP = 1.0)
{
    return classifyEmerging(states, trendZ, trendP, 0.05);
}

/// A 15 x 15 grid of 100 m cells, `steps` steps of Poisson(4) noise, plus `block(step)` added to
/// the 3 x 3 cells at the centre.
SpaceTimeCube noisyCube(int steps, const std::function<double(int)> &block, std::uint64_t seed)
{
    SpaceTimeCube cube;
    cube.grid.xMin = 0;
    cube.grid.yMin = 0;
    cube.grid.cellSize = 100;
    cube.grid.cols = 15;
    cube.grid.rows = 15;
    cube.steps = steps;
    cube.values.resize(cube.grid.cellCount() * std::size_t(steps));
    Rng rng(seed);
    for (int s = 0; s < steps; ++s)
        for (int r = 0; r < 15; ++r)
            for (int c = 0; c < 15; ++c) {
                double v = double(rng.poisson(4.0));
                if (r >= 6 && r <= 8 && c >= 6 && c <= 8)
                    v += block(s);
                cube.values[std::size_t(s) * cube.grid.cellCount() + cube.grid.index(c, r)] = v;
            }
    return cube;
}

const std::size_t kCentre = 7 * 15 + 7;

} // namespace

class TestEmergingUnit : public QObject
{
    Q_OBJECT
private slots:
    void mannKendallByHand()
    {
        // 1..5: S = 10, Var = 5*4*15/18, z = (10 - 1) / sqrt(Var), tau = 1.
        const MannKendall a = mannKendall(std::vector<double>{1, 2, 3, 4, 5});
        QCOMPARE(a.s, 10.0);
        QVERIFY(std::abs(a.varianceS - 300.0 / 18.0) < 1e-12);
        QVERIFY(std::abs(a.z - 9.0 / std::sqrt(300.0 / 18.0)) < 1e-12);
        QCOMPARE(a.tau, 1.0);
        // Ties: 1, 1, 2: S = 2, Var = (3*2*11 - 2*1*9) / 18, tau_b = 2 / sqrt(2 * 3).
        const MannKendall t = mannKendall(std::vector<double>{1, 1, 2});
        QCOMPARE(t.s, 2.0);
        QVERIFY(std::abs(t.varianceS - 48.0 / 18.0) < 1e-12);
        QVERIFY(std::abs(t.tau - 2.0 / std::sqrt(6.0)) < 1e-12);
        const MannKendall d = mannKendall(std::vector<double>{5, 4, 3, 2, 1, 0});
        QVERIFY(d.z < 0 && d.p < 0.05);
        const MannKendall flat = mannKendall(std::vector<double>{2, 2, 2, 2});
        QCOMPARE(flat.z, 0.0);
        QCOMPARE(flat.p, 1.0);
    }

    void categoryRules()
    {
        QCOMPARE(classify({0, 0, 0, 0, 0}), C::None);
        QCOMPARE(classify({0, 0, 0, 0, 1}), C::New);
        QCOMPARE(classify({0, 0, 1, 1, 1}), C::Consecutive);
        QCOMPARE(classify({1, 0, 0, 1, 1}), C::Sporadic); // hot before the final run
        QCOMPARE(classify({0, 1, 0, 1, 0, 1}), C::Sporadic);
        QCOMPARE(classify({0, 1, 0, 1, 0, 0}), C::None); // on and off but not hot at the end
        QCOMPARE(classify({-1, 0, 1, 0, 1}), C::Oscillating);
        QCOMPARE(classify({-1, 0, 0, 0, 1}), C::Oscillating); // a cold history wins over "new"
        const std::vector<int> allHot(10, 1);
        QCOMPARE(classify(allHot, 2.5, 0.01), C::Intensifying);
        QCOMPARE(classify(allHot, -2.5, 0.01), C::Diminishing);
        QCOMPARE(classify(allHot, 2.5, 0.2), C::Persistent);
        QCOMPARE(classify({0, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.3, 0.7), C::Persistent); // exactly 90 %
        QCOMPARE(classify({1, 1, 1, 1, 1, 1, 1, 1, 1, 0}), C::Historical);
        QCOMPARE(classify({1, 1, 1, 1, 1, 1, 1, 1, 0, 0}), C::None); // 80 %: not historical
        // Cold mirrors hot, with the trend mirrored.
        QCOMPARE(classify({0, 0, 0, 0, -1}), C::NewCold);
        QCOMPARE(classify({0, 0, -1, -1, -1}), C::ConsecutiveCold);
        const std::vector<int> allCold(10, -1);
        QCOMPARE(classify(allCold, -2.5, 0.01), C::IntensifyingCold);
        QCOMPARE(classify(allCold, 2.5, 0.01), C::DiminishingCold);
        QCOMPARE(classify(allCold, 0.1, 0.9), C::PersistentCold);
        QCOMPARE(classify({-1, 0, -1, 0, -1}), C::SporadicCold);
        QCOMPARE(classify({1, 0, 0, -1}), C::OscillatingCold);
        QCOMPARE(classify({-1, -1, -1, -1, -1, -1, -1, -1, -1, 0}), C::HistoricalCold);
        QCOMPARE(QString(categoryKey(C::New)), QString("new_hot"));
        QCOMPARE(QString(categoryKey(C::HistoricalCold)), QString("historical_cold"));
        QCOMPARE(QString(categoryKey(C::None)), QString("none"));
    }

    void buildCubeBinsPoints()
    {
        GridSpec g;
        g.cellSize = 10;
        g.cols = 3;
        g.rows = 2; // y in [0, 20], row 0 at the top
        const std::vector<double> x{5, 25, 25, 5, 100, 5};
        const std::vector<double> y{15, 5, 5, 15, 5, 15};
        const std::vector<double> t{0.5, 1.5, 1.9, 2.5, 0.5, 7.0};
        PointSet ps{x, y, {}, t};
        const SpaceTimeCube cube = buildCube(ps, g, 0.0, 1.0, 3);
        QCOMPARE(cube.values.size(), std::size_t(18));
        QCOMPARE(cube.at(0, g.index(0, 0)), 1.0);
        QCOMPARE(cube.at(1, g.index(2, 1)), 2.0);
        QCOMPARE(cube.at(2, g.index(0, 0)), 1.0);
        double total = 0;
        for (double v : cube.values)
            total += v;
        QCOMPARE(total, 4.0); // x = 100 outside the grid, t = 7 after the last step
        PointSet noTimes{x, y, {}, {}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, buildCube(noTimes, g, 0.0, 1.0, 3));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, buildCube(ps, g, 0.0, 0.0, 3));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, buildCube(ps, g, 0.0, 1.0, 0));
    }

    void cubeWithNewHotSpot()
    {
        const SpaceTimeCube cube = noisyCube(
            10, [](int s) { return s == 9 ? 30.0 : 0.0; }, 5);
        const EmergingResult r = emergingHotSpots(cube, 150.0, 0, false);
        QCOMPARE(QString(categoryKey(r.category[kCentre])), QString("new_hot"));
        QCOMPARE(r.giClass[9 * 225 + kCentre], 3);
    }

    void cubeWithConsecutiveHotSpot()
    {
        const SpaceTimeCube cube = noisyCube(
            10, [](int s) { return s >= 7 ? 30.0 : 0.0; }, 6);
        const EmergingResult r = emergingHotSpots(cube, 150.0, 1, false);
        QCOMPARE(QString(categoryKey(r.category[kCentre])), QString("consecutive_hot"));
    }

    void cubeWithIntensifyingAndPersistentHotSpots()
    {
        const SpaceTimeCube up = noisyCube(
            12, [](int s) { return 12.0 + 6.0 * s; }, 7);
        const EmergingResult a = emergingHotSpots(up, 150.0, 1, false);
        QCOMPARE(QString(categoryKey(a.category[kCentre])), QString("intensifying_hot"));
        QVERIFY(a.trendZ[kCentre] > 1.96);
        const SpaceTimeCube down = noisyCube(
            12, [](int s) { return 80.0 - 6.0 * s; }, 8);
        const EmergingResult d = emergingHotSpots(down, 150.0, 1, false);
        QCOMPARE(QString(categoryKey(d.category[kCentre])), QString("diminishing_hot"));
        const SpaceTimeCube flat = noisyCube(
            12, [](int) { return 40.0; }, 9);
        const EmergingResult p = emergingHotSpots(flat, 150.0, 1, true);
        QCOMPARE(QString(categoryKey(p.category[kCentre])), QString("persistent_hot"));
    }

    void cubeWithHistoricalHotSpot()
    {
        const SpaceTimeCube cube = noisyCube(
            10, [](int s) { return s < 9 ? 40.0 : 0.0; }, 10);
        const EmergingResult r = emergingHotSpots(cube, 150.0, 0, false);
        QCOMPARE(QString(categoryKey(r.category[kCentre])), QString("historical_hot"));
    }

    void maskAndUnusedCells()
    {
        SpaceTimeCube cube = noisyCube(
            4, [](int) { return 0.0; }, 11);
        cube.mask.assign(cube.grid.cellCount(), 1);
        cube.mask[0] = 0;
        const EmergingResult r = emergingHotSpots(cube, 150.0, 1, false);
        QCOMPARE(r.analysed[0], std::uint8_t(0));
        QVERIFY(std::isnan(r.giZ[0]));
        QCOMPARE(r.category[0], C::None);
        // Without a mask, cells that are always empty are not analysed.
        SpaceTimeCube sparse = noisyCube(
            4, [](int) { return 0.0; }, 12);
        for (int s = 0; s < 4; ++s)
            sparse.values[std::size_t(s) * 225 + 3] = 0.0;
        QCOMPARE(emergingHotSpots(sparse, 150.0, 1, false).analysed[3], std::uint8_t(0));
    }

    void invalidParametersAndCancellation()
    {
        const SpaceTimeCube cube = noisyCube(
            5, [](int) { return 0.0; }, 13);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, emergingHotSpots(cube, -1.0, 1, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, emergingHotSpots(cube, 150.0, 5, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, emergingHotSpots(cube, 150.0, -1, false));
        SpaceTimeCube one = cube;
        one.steps = 1;
        one.values.resize(225);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, emergingHotSpots(one, 150.0, 0, false));
        SpaceTimeCube wrong = cube;
        wrong.values.pop_back();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, emergingHotSpots(wrong, 150.0, 1, false));
        Feedback feedback;
        feedback.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, emergingHotSpots(cube, 150.0, 1, false, &feedback));
    }
};

QTEST_GUILESS_MAIN(TestEmergingUnit)
#include "test_emerging_unit.moc"
