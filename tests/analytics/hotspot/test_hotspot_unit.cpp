// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of spatial weights, Gi*, Local Moran's I, BH FDR: rules that follow from the
// definitions, invalid parameters and cancellation. Numbers against R live in
// test_hotspot_reference.

#include "analytics/hotspot.h"
#include "analytics/rng.h"
#include "analytics/weights.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <stdexcept>

using namespace vigie::analytics;

namespace {

std::vector<std::int32_t> row(const SpatialWeights &w, std::size_t i)
{
    return {w.indices.begin() + std::ptrdiff_t(w.offsets[i]),
            w.indices.begin() + std::ptrdiff_t(w.offsets[i + 1])};
}

void gridCentres(int cols, int rows, std::vector<double> &x, std::vector<double> &y)
{
    x.clear();
    y.clear();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            x.push_back(c);
            y.push_back(r);
        }
}

std::vector<PolygonRings> squares2x2()
{
    std::vector<PolygonRings> p;
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c)
            p.push_back({{{c, r}, {c + 1, r}, {c + 1, r + 1}, {c, r + 1}, {c, r}}});
    return p;
}

} // namespace

class TestHotspotUnit : public QObject
{
    Q_OBJECT
private slots:
    void distanceBandMatchesGridContiguity()
    {
        std::vector<double> x, y;
        gridCentres(7, 5, x, y);
        for (bool queen : {false, true})
            for (bool self : {false, true}) {
                const SpatialWeights band = distanceBandWeights(x, y, queen ? 1.5 : 1.0, self);
                const SpatialWeights grid = gridContiguityWeights(7, 5, queen, self);
                QCOMPARE(band.offsets, grid.offsets);
                QCOMPARE(band.indices, grid.indices);
                QCOMPARE(band.hasSelf, self);
            }
        // Interior cell (3, 2) = index 17: 8 queen neighbours.
        QCOMPARE(row(gridContiguityWeights(7, 5, true, false), 17),
                 (std::vector<std::int32_t>{9, 10, 11, 16, 18, 23, 24, 25}));
    }

    void gridMaskRemovesCells()
    {
        std::vector<std::uint8_t> mask(9, 1);
        mask[4] = 0; // centre of 3x3 absent
        const SpatialWeights w = gridContiguityWeights(3, 3, false, false, mask);
        QCOMPARE(w.neighbourCount(4), std::size_t(0));
        QCOMPARE(row(w, 1), (std::vector<std::int32_t>{0, 2}));
    }

    void knnFindsNearest()
    {
        const std::vector<double> x{0, 1, 3, 7, 15};
        const std::vector<double> y{0, 0, 0, 0, 0};
        const SpatialWeights w = knnWeights(x, y, 2, false);
        QCOMPARE(row(w, 0), (std::vector<std::int32_t>{1, 2}));
        QCOMPARE(row(w, 2), (std::vector<std::int32_t>{0, 1}));
        QCOMPARE(row(w, 4), (std::vector<std::int32_t>{2, 3}));
        const std::vector<double> d = kthNeighbourDistances(x, y, 1);
        QCOMPARE(d, (std::vector<double>{1, 1, 2, 4, 8}));
        // Brute force on random points.
        Rng rng(7);
        std::vector<double> rx(500), ry(500);
        for (std::size_t i = 0; i < rx.size(); ++i) {
            rx[i] = rng.uniform(0, 1000);
            ry[i] = rng.uniform(0, 300) * (i % 3 == 0 ? 0.1 : 1.0);
        }
        const SpatialWeights k5 = knnWeights(rx, ry, 5, true);
        for (std::size_t i = 0; i < rx.size(); i += 37) {
            std::vector<std::pair<double, std::int32_t>> all;
            for (std::size_t j = 0; j < rx.size(); ++j)
                if (j != i)
                    all.emplace_back(std::hypot(rx[j] - rx[i], ry[j] - ry[i]), std::int32_t(j));
            std::sort(all.begin(), all.end());
            std::vector<std::int32_t> expected{std::int32_t(i)};
            for (int k = 0; k < 5; ++k)
                expected.push_back(all[std::size_t(k)].second);
            std::sort(expected.begin(), expected.end());
            QCOMPARE(row(k5, i), expected);
        }
    }

    void hexGridHasSixNeighbours()
    {
        const HexGrid g = hexGrid(0, 0, 1000, 1000, 100);
        QVERIFY(g.size() > 50);
        const SpatialWeights w = hexContiguityWeights(g, false);
        const std::size_t interior = std::size_t(4) * std::size_t(g.cols) + 4;
        QCOMPARE(w.neighbourCount(interior), std::size_t(6));
        for (std::size_t i = 0; i < g.size(); ++i)
            QVERIFY(w.neighbourCount(i) <= 6);
        // Each centre lies in its own hexagon; a vertex-adjacent point stays inside.
        for (std::size_t i = 0; i < g.size(); i += 7)
            QCOMPARE(g.indexOf(g.x[i], g.y[i]), std::int64_t(i));
        const auto v = g.vertices(interior);
        QCOMPARE(v.size(), std::size_t(6));
        const double px = 0.9 * v[0].first + 0.1 * g.x[interior];
        const double py = 0.9 * v[0].second + 0.1 * g.y[interior];
        QCOMPARE(g.indexOf(px, py), std::int64_t(interior));
        QCOMPARE(g.indexOf(-1000, -1000), std::int64_t(-1));
    }

    void polygonQueenAndRook()
    {
        const auto squares = squares2x2();
        const SpatialWeights queen = polygonContiguityWeights(squares, true, 1e-9, false);
        const SpatialWeights rook = polygonContiguityWeights(squares, false, 1e-9, false);
        QCOMPARE(row(queen, 0), (std::vector<std::int32_t>{1, 2, 3}));
        QCOMPARE(row(rook, 0), (std::vector<std::int32_t>{1, 2}));
        QCOMPARE(row(rook, 3), (std::vector<std::int32_t>{1, 2}));
        // Within the snap tolerance but not exactly equal.
        auto moved = squares;
        moved[3][0].front().first += 1e-7; // the corner (1, 1), opening and closing the ring
        moved[3][0].back().first += 1e-7;
        QCOMPARE(row(polygonContiguityWeights(moved, true, 1e-6, false), 0),
                 (std::vector<std::int32_t>{1, 2, 3}));
        QCOMPARE(row(polygonContiguityWeights(moved, true, 1e-9, false), 0),
                 (std::vector<std::int32_t>{1, 2}));
        const SpatialWeights self = polygonContiguityWeights(squares, false, 0.0, true);
        QCOMPARE(row(self, 0), (std::vector<std::int32_t>{0, 1, 2}));
    }

    void rowStandardisation()
    {
        const SpatialWeights w = rowStandardised(gridContiguityWeights(4, 4, true, false));
        for (std::size_t i = 0; i < w.size(); ++i)
            QVERIFY(std::abs(w.rowSum(i) - 1.0) < 1e-15);
        const SpatialWeights s = withSelf(gridContiguityWeights(4, 4, true, false));
        QCOMPARE(s.indices, gridContiguityWeights(4, 4, true, true).indices);
        QCOMPARE(withoutSelf(s).indices, gridContiguityWeights(4, 4, true, false).indices);
    }

    void benjaminiHochbergByHand()
    {
        // m = 3 valid values: sorted 0.01, 0.03, 0.04 -> 3*0.01 = 0.03; min(1.5*0.03, 0.04) = 0.04;
        // 0.04.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> q = benjaminiHochberg(std::vector<double>{0.04, 0.01, nan, 0.03});
        QCOMPARE(q.size(), std::size_t(4));
        QVERIFY(std::abs(q[0] - 0.04) < 1e-15);
        QVERIFY(std::abs(q[1] - 0.03) < 1e-15);
        QVERIFY(std::isnan(q[2]));
        QVERIFY(std::abs(q[3] - 0.04) < 1e-15);
        // Equal spacing: every q equals the largest p; capped at 1.
        const std::vector<double> e =
            benjaminiHochberg(std::vector<double>{0.05, 0.01, 0.03, 0.02, 0.04});
        for (double v : e)
            QVERIFY(std::abs(v - 0.05) < 1e-15);
        QCOMPARE(benjaminiHochberg(std::vector<double>{0.9, 0.95})[0], 0.95);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 benjaminiHochberg(std::vector<double>{1.5}));
    }

    void confidenceClasses()
    {
        QCOMPARE(confidenceClass(3.0, 0.005), 3);
        QCOMPARE(confidenceClass(-2.0, 0.04), -2);
        QCOMPARE(confidenceClass(1.7, 0.09), 1);
        QCOMPARE(confidenceClass(1.0, 0.3), 0);
        QCOMPARE(confidenceClass(std::numeric_limits<double>::quiet_NaN(), 0.001), 0);
        QVERIFY(std::abs(twoSidedNormalP(1.959963984540054) - 0.05) < 1e-12);
    }

    void giStarFindsTheBlock()
    {
        // 15 x 15 grid of 1s with a 3 x 3 block of 10s in the middle.
        std::vector<double> v(225, 1.0);
        for (int r = 6; r <= 8; ++r)
            for (int c = 6; c <= 8; ++c)
                v[std::size_t(r * 15 + c)] = 10.0;
        v[0] = 0.0; // corner low
        const SpatialWeights w = gridContiguityWeights(15, 15, true, true);
        const GiStarResult g = getisOrdGiStar(v, w, false);
        const std::size_t centre = 7 * 15 + 7;
        QCOMPARE(g.confidenceClass[centre], 3);
        QVERIFY(g.z[centre] > 5.0);
        // Symmetric around the centre.
        QVERIFY(std::abs(g.z[centre - 1] - g.z[centre + 1]) < 1e-12);
        QVERIFY(std::abs(g.z[centre - 15] - g.z[centre + 15]) < 1e-12);
        QCOMPARE(g.confidenceClass[120], 0);
        // With FDR the class can only lose significance.
        const GiStarResult f = getisOrdGiStar(v, w, true);
        for (std::size_t i = 0; i < v.size(); ++i)
            QVERIFY(std::abs(f.confidenceClass[i]) <= std::abs(g.confidenceClass[i]));
        // Constant values: undefined z, no class.
        const GiStarResult c = getisOrdGiStar(std::vector<double>(225, 2.0), w, false);
        QVERIFY(std::isnan(c.z[centre]));
        QCOMPARE(c.confidenceClass[centre], 0);
    }

    void localMoranClustersAndSeeds()
    {
        std::vector<double> v(400);
        Rng rng(3);
        for (int r = 0; r < 20; ++r)
            for (int c = 0; c < 20; ++c)
                v[std::size_t(r * 20 + c)] =
                    rng.normal() + (c < 5 && r < 5 ? 6.0 : 0.0) - (c >= 15 && r >= 15 ? 6.0 : 0.0);
        const SpatialWeights w = rowStandardised(gridContiguityWeights(20, 20, true, false));
        const LocalMoranResult a = localMoran(v, w, 199, 42, 0.05, false);
        const LocalMoranResult b = localMoran(v, w, 199, 42, 0.05, false);
        QCOMPARE(a.pPermutation, b.pPermutation);
        QCOMPARE(a.cluster[2 * 20 + 2], int(HighHigh));
        QCOMPARE(a.cluster[17 * 20 + 17], int(LowLow));
        for (double p : a.pPermutation)
            QVERIFY(p >= 1.0 / 200.0 && p <= 0.5 + 1e-12);
        // Analytic moments do not depend on the permutations.
        const LocalMoranResult c = localMoran(v, w, 0, 1, 0.05, false);
        QCOMPARE(c.I, a.I);
        QVERIFY(c.pPermutation.empty());
        // Sum of I_i = n * global I for row-standardised weights: (n / S0) sum z lz / sum z^2, S0 =
        // n.
        double sumI = 0.0;
        for (double i : a.I)
            sumI += i;
        const GlobalMoran g = globalMoran(v, w);
        QVERIFY(std::abs(sumI / 400.0 - g.I) < 1e-12);
        QVERIFY(g.z > 5.0);
    }

    void incrementalAutocorrelationFindsScale()
    {
        std::vector<double> x, y;
        gridCentres(30, 30, x, y);
        std::vector<double> v(900);
        Rng rng(11);
        for (std::size_t i = 0; i < v.size(); ++i) {
            // Blobs of radius about 3 cells.
            const double bx = std::fmod(x[i], 10.0) - 5.0, by = std::fmod(y[i], 10.0) - 5.0;
            v[i] = std::exp(-(bx * bx + by * by) / 8.0) * 10.0 + rng.normal() * 0.5;
        }
        const IncrementalAutocorrelation isa =
            incrementalSpatialAutocorrelation(x, y, v, 1.0, 0.5, 12, nullptr);
        QCOMPARE(isa.distances.size(), std::size_t(12));
        QCOMPARE(isa.distances[2], 2.0);
        for (double z : isa.z)
            QVERIFY(std::isfinite(z));
        const double d = optimisedHotSpotDistance(x, y, v);
        QVERIFY(d >= 1.0 && d < 20.0);
    }

    void invalidParameters()
    {
        const std::vector<double> x{0, 1, 2}, y{0, 0, 0}, shortY{0, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, distanceBandWeights(x, y, -1.0, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, distanceBandWeights(x, shortY, 1.0, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knnWeights(x, y, 3, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, knnWeights(x, y, 0, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gridContiguityWeights(0, 3, true, false));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            gridContiguityWeights(2, 2, true, false, std::vector<std::uint8_t>(3, 1)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hexGrid(0, 0, 10, 10, 0.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 polygonContiguityWeights({}, true, -1.0, false));
        const SpatialWeights w = gridContiguityWeights(3, 3, true, false);
        const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, getisOrdGiStar(x, w, false));
        std::vector<double> withNaN = v;
        withNaN[3] = std::numeric_limits<double>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, getisOrdGiStar(withNaN, w, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, localMoran(v, w, -1, 0, 0.05, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, localMoran(v, w, 99, 0, 1.5, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 localMoran(v, withSelf(w), 99, 0, 0.05, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 localMoran(std::vector<double>(9, 1.0), w, 99, 0, 0.05, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 incrementalSpatialAutocorrelation(x, y, x, 1.0, 1.0, 0, nullptr));
        SpatialWeights broken = w;
        broken.indices[0] = 99;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, getisOrdGiStar(v, broken, false));
    }

    void cancellation()
    {
        Feedback feedback;
        feedback.cancel();
        const SpatialWeights w = gridContiguityWeights(10, 10, true, false);
        std::vector<double> v(100);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = double(i % 7);
        QVERIFY_THROWS_EXCEPTION(Canceled, getisOrdGiStar(v, withSelf(w), false, &feedback));
        QVERIFY_THROWS_EXCEPTION(Canceled, localMoran(v, w, 99, 1, 0.05, false, &feedback));
        std::vector<double> x, y;
        gridCentres(10, 10, x, y);
        QVERIFY_THROWS_EXCEPTION(Canceled,
                                 incrementalSpatialAutocorrelation(x, y, v, 1, 1, 5, &feedback));
        // Progress reaches 100 when not canceled.
        double last = -1.0;
        Feedback watching([&](double percent, const std::string &) { last = percent; });
        getisOrdGiStar(v, withSelf(w), false, &watching);
        QCOMPARE(last, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestHotspotUnit)
#include "test_hotspot_unit.moc"
