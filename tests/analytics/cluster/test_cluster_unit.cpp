// SPDX-License-Identifier: GPL-3.0-or-later
// DBSCAN, ST-DBSCAN and the nearest-neighbour index on small hand-made sets, against a textbook
// O(n^2) DBSCAN written here (scikit-learn's processing order), plus parameters and cancellation.
#include "analytics/cluster.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <random>
#include <stdexcept>

using namespace vigie::analytics;

namespace {

struct Cloud
{
    std::vector<double> x, y, t;
    PointSet set() const { return {x, y, {}, t}; }
    void add(double px, double py, double pt = 0)
    {
        x.push_back(px);
        y.push_back(py);
        t.push_back(pt);
    }
};

/// Textbook DBSCAN with scikit-learn's order: clusters grown depth-first from the lowest-index
/// unlabelled core point; a border point keeps the first cluster that reaches it.
ClusterResult bruteForce(const Cloud &c, double eps, int minPoints, double epsTime = -1,
                         bool borderAsNoise = false)
{
    const std::size_t n = c.x.size();
    std::vector<std::vector<std::size_t>> nb(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            const double dx = c.x[i] - c.x[j], dy = c.y[i] - c.y[j];
            if (dx * dx + dy * dy <= eps * eps &&
                (epsTime < 0 || std::abs(c.t[i] - c.t[j]) <= epsTime))
                nb[i].push_back(j);
        }
    ClusterResult r;
    r.label.assign(n, -1);
    r.core.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        r.core[i] = nb[i].size() >= std::size_t(minPoints);
    for (std::size_t i = 0; i < n; ++i) {
        if (r.label[i] != -1 || !r.core[i])
            continue;
        std::vector<std::size_t> stack{i};
        while (!stack.empty()) {
            const std::size_t k = stack.back();
            stack.pop_back();
            if (r.label[k] != -1)
                continue;
            r.label[k] = r.clusterCount;
            if (r.core[k])
                for (std::size_t j : nb[k])
                    if (r.label[j] == -1)
                        stack.push_back(j);
        }
        ++r.clusterCount;
    }
    if (borderAsNoise)
        for (std::size_t i = 0; i < n; ++i)
            if (!r.core[i])
                r.label[i] = -1;
    return r;
}

/// Random blobs, uniform noise and coordinates snapped to a 5 m grid: many duplicates and many
/// pairs exactly eps apart.
Cloud randomCloud(unsigned seed, std::size_t n)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> uniform(0, 2000);
    std::normal_distribution<double> normal(0, 40);
    std::uniform_int_distribution<int> day(0, 40);
    Cloud c;
    std::vector<std::pair<double, double>> centres;
    for (int k = 0; k < 8; ++k)
        centres.emplace_back(uniform(rng), uniform(rng));
    for (std::size_t i = 0; i < n; ++i) {
        double x, y;
        if (i % 4 == 0) {
            x = uniform(rng);
            y = uniform(rng);
        } else {
            const auto &[cx, cy] = centres[i % centres.size()];
            x = cx + normal(rng);
            y = cy + normal(rng);
        }
        c.add(std::round(x / 5) * 5, std::round(y / 5) * 5, day(rng));
    }
    return c;
}

} // namespace

class TestClusterUnit : public QObject
{
    Q_OBJECT

private slots:
    void twoBlobsAndNoise()
    {
        Cloud c;
        c.add(5000, 5000); // isolated noise first in input order
        for (int i = 0; i < 10; ++i)
            c.add(1000 + i % 3, 0 + i / 3); // blob B appears first -> cluster 0
        for (int i = 0; i < 10; ++i)
            c.add(i % 4, i / 4); // blob A -> cluster 1
        c.add(-3000, 0);
        const ClusterResult r = dbscan(c.set(), {10, 5, false});
        QCOMPARE(r.clusterCount, 2);
        QCOMPARE(r.label[0], -1);
        QCOMPARE(r.label[1], 0);
        QCOMPARE(r.label[11], 1);
        QCOMPARE(r.label.back(), -1);
        QCOMPARE(r.sizes, (std::vector<std::size_t>{10, 10}));
        for (int i = 1; i <= 20; ++i)
            QVERIFY(r.core[i]);
        QVERIFY(!r.core[0] && !r.core.back());
    }

    void chainWithExactEpsSpacing()
    {
        // Points 10 m apart: a neighbour at exactly eps counts (<=), as in scikit-learn and QGIS.
        Cloud c;
        for (int i = 0; i < 20; ++i)
            c.add(100.0 + 10.0 * i, 7.0);
        const ClusterResult r = dbscan(c.set(), {10.0, 3, false});
        QCOMPARE(r.clusterCount, 1);
        QCOMPARE(r.sizes[0], std::size_t(20));
        QVERIFY(!r.core.front() && !r.core.back()); // ends have 2 neighbours: border points
        for (int i = 1; i < 19; ++i)
            QVERIFY(r.core[i]);
        const ClusterResult star = dbscan(c.set(), {10.0, 3, true});
        QCOMPARE(star.label.front(), -1);
        QCOMPARE(star.label.back(), -1);
        QCOMPARE(star.sizes[0], std::size_t(18));
        const ClusterResult tooShort = dbscan(c.set(), {9.999, 3, false});
        QCOMPARE(tooShort.clusterCount, 0);
    }

    void duplicatesCount()
    {
        Cloud c;
        for (int i = 0; i < 5; ++i)
            c.add(10, 10);
        for (int i = 0; i < 4; ++i)
            c.add(500, 500);
        const ClusterResult r = dbscan(c.set(), {1, 5, false});
        QCOMPARE(r.clusterCount, 1);
        for (int i = 0; i < 5; ++i)
            QVERIFY(r.label[i] == 0 && r.core[i]);
        for (int i = 5; i < 9; ++i)
            QVERIFY(r.label[i] == -1 && !r.core[i]);
        // minPoints 1: every point is core, coincident points form one cluster.
        QCOMPARE(dbscan(c.set(), {1, 1, false}).clusterCount, 2);
    }

    void manyDuplicatesAreFast()
    {
        // Essex-like data snapped to a few street centres: 300 000 points on 300 sites.
        Cloud c;
        for (int i = 0; i < 300000; ++i)
            c.add(100.0 * (i % 300), 0.0);
        QElapsedTimer timer;
        timer.start();
        const ClusterResult r = dbscan(c.set(), {100, 10, false});
        qInfo("300 000 points on 300 sites: %lld ms", (long long)timer.elapsed());
        QCOMPARE(r.clusterCount, 1);
        QVERIFY(timer.elapsed() < 5000);
    }

    void borderGoesToFirstCluster()
    {
        // Border point b at (0,0) is within eps of a core of cluster L (left) and of R (right).
        auto make = [](bool rightFirst) {
            Cloud c;
            c.add(0, 0); // b, first in input order
            auto left = [&] {
                for (int i = 0; i < 4; ++i)
                    c.add(-10 - i * 0.1, 0);
            };
            auto right = [&] {
                for (int i = 0; i < 4; ++i)
                    c.add(10 + i * 0.1, 0);
            };
            if (rightFirst) {
                right();
                left();
            } else {
                left();
                right();
            }
            return c;
        };
        for (bool rightFirst : {false, true}) {
            const Cloud c = make(rightFirst);
            const ClusterResult r = dbscan(c.set(), {10, 4, false});
            QCOMPARE(r.clusterCount, 2);
            QVERIFY(!r.core[0]);     // b has 3 neighbours: itself, one left core, one right core
            QCOMPARE(r.label[0], 0); // the cluster of the first core point in input order
            QCOMPARE(r.label[1], 0);
            QCOMPARE(r.label[5], 1);
            QCOMPARE(r.sizes, (std::vector<std::size_t>{5, 4}));
            const ClusterResult star = dbscan(c.set(), {10, 4, true});
            QCOMPARE(star.label[0], -1);
            QCOMPARE(star.sizes, (std::vector<std::size_t>{4, 4}));
            QCOMPARE(star.core, r.core);
            const ClusterResult brute = bruteForce(c, 10, 4);
            QCOMPARE(r.label, brute.label);
        }
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<double>("eps");
        QTest::addColumn<int>("minPoints");
        QTest::addColumn<bool>("star");
        QTest::newRow("eps 25, min 5") << 1u << 25.0 << 5 << false;
        QTest::newRow("eps 10, min 3") << 2u << 10.0 << 3 << false;
        QTest::newRow("eps 50, min 12") << 3u << 50.0 << 12 << false;
        QTest::newRow("eps 5, min 2") << 4u << 5.0 << 2 << false;
        QTest::newRow("eps 25, min 6, DBSCAN*") << 5u << 25.0 << 6 << true;
        QTest::newRow("eps 15, min 1") << 6u << 15.0 << 1 << false;
    }

    void matchesBruteForce()
    {
        QFETCH(unsigned, seed);
        QFETCH(double, eps);
        QFETCH(int, minPoints);
        QFETCH(bool, star);
        const Cloud c = randomCloud(seed, 3000);
        const ClusterResult r = dbscan(c.set(), {eps, minPoints, star});
        const ClusterResult b = bruteForce(c, eps, minPoints, -1, star);
        QCOMPARE(r.core, b.core);
        QCOMPARE(r.label, b.label);
        QCOMPARE(r.clusterCount, b.clusterCount);
        qInfo("%d clusters", r.clusterCount);

        const ClusterResult st = stDbscan(c.set(), {eps, 3.0, minPoints, star});
        const ClusterResult stb = bruteForce(c, eps, minPoints, 3.0, star);
        QCOMPARE(st.core, stb.core);
        QCOMPARE(st.label, stb.label);
    }

    void stDbscanSeparatesInTime()
    {
        // Same place, two bursts a month apart.
        Cloud c;
        for (int i = 0; i < 10; ++i)
            c.add(i, 0, 0.1 * i);
        for (int i = 0; i < 10; ++i)
            c.add(i, 0, 30 + 0.1 * i);
        QCOMPARE(dbscan(c.set(), {20, 5, false}).clusterCount, 1);
        const ClusterResult st = stDbscan(c.set(), {20, 7, 5, false});
        QCOMPARE(st.clusterCount, 2);
        QCOMPARE(st.label[0], 0);
        QCOMPARE(st.label[19], 1);
        QCOMPARE(stDbscan(c.set(), {20, 30, 5, false}).clusterCount, 1);
        // Time window inclusive: 29.1 days between the last of burst 1 and the first of burst 2.
        QCOMPARE(stDbscan(c.set(), {20, 29.0, 1, false}).clusterCount, 2);
    }

    void invalidParameters()
    {
        Cloud c;
        c.add(0, 0);
        c.add(1, 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(c.set(), {0, 5, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(c.set(), {-1, 5, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(c.set(), {NAN, 5, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(c.set(), {INFINITY, 5, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(c.set(), {10, 0, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stDbscan(c.set(), {10, 0, 5, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stDbscan(c.set(), {10, -1, 5, false}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stDbscan(c.set(), {10, 1, 0, false}));
        PointSet noTime{c.x, c.y, {}, {}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stDbscan(noTime, {10, 1, 2, false}));
        PointSet mismatched{c.x, std::span<const double>(c.y).first(1), {}, {}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(mismatched, {10, 2, false}));
        Cloud bad = c;
        bad.add(NAN, 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan(bad.set(), {10, 2, false}));
        try {
            dbscan(c.set(), {10, 0, false});
        } catch (const std::invalid_argument &e) {
            QVERIFY(std::string(e.what()).find("minPoints") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            nearestNeighbourIndex(std::span(c.x).first(1), std::span(c.y).first(1), 1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nearestNeighbourIndex(c.x, c.y, 0.0));
        // Empty input is fine.
        const ClusterResult empty = dbscan(PointSet{}, {10, 2, false});
        QCOMPARE(empty.clusterCount, 0);
        QVERIFY(empty.label.empty());
    }

    void cancellationAndProgress()
    {
        const Cloud c = randomCloud(7, 200000);
        Feedback canceled;
        canceled.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, dbscan(c.set(), {25, 5, false}, &canceled));
        QVERIFY_THROWS_EXCEPTION(Canceled, stDbscan(c.set(), {25, 3, 5, false}, &canceled));

        // Cancel from the progress callback once past 30 %.
        Feedback *self = nullptr;
        Feedback midway([&self](double percent, const std::string &) {
            if (percent > 30 && self)
                self->cancel();
        });
        self = &midway;
        QVERIFY_THROWS_EXCEPTION(Canceled, dbscan(c.set(), {25, 5, false}, &midway));

        double last = -1;
        bool monotonic = true;
        Feedback progress([&](double percent, const std::string &) {
            monotonic = monotonic && percent >= last;
            last = percent;
        });
        dbscan(c.set(), {25, 5, false}, &progress);
        QVERIFY(monotonic);
        QCOMPARE(last, 100.0);
    }

    void nearestNeighbourIndexByHand()
    {
        // Unit square corners in an area of 1: observed 1, expected 0.5/sqrt(4) = 0.25.
        const std::vector<double> x{0, 1, 0, 1}, y{0, 0, 1, 1};
        const NearestNeighbourIndex r = nearestNeighbourIndex(x, y, 1.0);
        QCOMPARE(r.n, std::size_t(4));
        QCOMPARE(r.observedMean, 1.0);
        QCOMPARE(r.expectedMean, 0.25);
        QCOMPARE(r.ratio, 4.0);
        const double se = 0.26136 / std::sqrt(16.0);
        QVERIFY(std::abs(r.z - 0.75 / se) < 1e-12);
        QVERIFY(r.p < 1e-20);
        QCOMPARE(boundingBoxArea(x, y), 1.0);
        // Coincident points: distance 0.
        const std::vector<double> dx{5, 5, 5}, dy{2, 2, 2};
        QCOMPARE(nearestNeighbourIndex(dx, dy, 10.0).observedMean, 0.0);
    }

    void nearestNeighbourIndexMatchesBruteForce()
    {
        for (unsigned seed : {11u, 12u}) {
            const Cloud c = randomCloud(seed, 2500);
            double sum = 0;
            for (std::size_t i = 0; i < c.x.size(); ++i) {
                double best = INFINITY;
                for (std::size_t j = 0; j < c.x.size(); ++j)
                    if (j != i)
                        best = std::min(best, std::hypot(c.x[i] - c.x[j], c.y[i] - c.y[j]));
                sum += best;
            }
            const double area = boundingBoxArea(c.x, c.y);
            const NearestNeighbourIndex r = nearestNeighbourIndex(c.x, c.y, area);
            QVERIFY(std::abs(r.observedMean - sum / c.x.size()) < 1e-9 * r.observedMean);
        }
        // A very elongated set (all on a line) stays fast and exact.
        std::vector<double> x, y;
        for (int i = 0; i < 100000; ++i) {
            x.push_back(i * 2.0);
            y.push_back(i % 2 ? 1e-9 : 0.0);
        }
        const NearestNeighbourIndex line = nearestNeighbourIndex(x, y, 1e6);
        QVERIFY(std::abs(line.observedMean - 2.0) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestClusterUnit)
#include "test_cluster_unit.moc"
