// SPDX-License-Identifier: GPL-3.0-or-later
// DBSCAN and ST-DBSCAN against scikit-learn (Debian's python3-sklearn), run at test time on the
// demo incidents and on real Essex crimes (snapped to street centres: many coincident points).
// Asserted: labels identical point by point (scikit-learn's labels_ use the same numbering as
// Vigie, so this is stronger than ARI = 1), core flags identical, hence noise identical.
#include "clustercompare.h"
#include "referencesupport.h"

#include "analytics/cluster.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie;
using namespace vigie::testsupport;

namespace {

struct Reference
{
    std::vector<int> label;
    std::vector<std::uint8_t> core;
};

/**
 * Runs scikit-learn on x, y (and t for ST-DBSCAN, epsTime > 0). For ST-DBSCAN the neighbourhood
 * graph is scikit-learn's radius_neighbors_graph (space) with pairs further apart than epsTime
 * in time dropped, clustered by DBSCAN(metric="precomputed").
 */
Reference runSklearn(const QString &dir, const Points &p, double eps, int minSamples,
                     double epsTime = 0)
{
    Reference ref;
    const QString in = dir + QStringLiteral("/points.csv");
    const QString out = dir + QStringLiteral("/sklearn.csv");
    if (!writeCsv(in, {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("t")},
                  {p.x, p.y, p.t}))
        return ref;
    const QString script = QStringLiteral(R"(
import sys, time
try:
    import numpy as np, scipy.sparse as sp, sklearn
    from sklearn.cluster import DBSCAN
    from sklearn.neighbors import radius_neighbors_graph
except ImportError as e:
    print("missing module:", e); sys.exit(3)
d = np.loadtxt("%1", delimiter=",", skiprows=1, ndmin=2)
eps, m, eps_t = %2, %3, %4
t0 = time.perf_counter()
if eps_t > 0:
    g = radius_neighbors_graph(d[:, :2], eps, mode="connectivity", include_self=True).tocoo()
    keep = np.abs(d[g.row, 2] - d[g.col, 2]) <= eps_t
    g = sp.csr_matrix((g.data[keep], (g.row[keep], g.col[keep])), shape=g.shape)
    db = DBSCAN(eps=1.0, min_samples=m, metric="precomputed").fit(g)
else:
    db = DBSCAN(eps=eps, min_samples=m, algorithm="auto", n_jobs=1).fit(d[:, :2])
elapsed = time.perf_counter() - t0
core = np.zeros(len(d), dtype=int); core[db.core_sample_indices_] = 1
np.savetxt("%5", np.column_stack([db.labels_, core]), delimiter=",", header="label,core",
           comments="", fmt="%d")
lab = db.labels_
sizes = sorted(np.bincount(lab[lab >= 0]).tolist(), reverse=True) if (lab >= 0).any() else []
print("scikit-learn %s DBSCAN(eps=%s, min_samples=%d%s): %d clusters, %d noise, %d core, "
      "largest %s, first labels %s, %.3f s" % (sklearn.__version__, eps, m,
      ", time window %s" % eps_t if eps_t > 0 else "", lab.max() + 1, (lab == -1).sum(),
      core.sum(), sizes[:5], lab[:12].tolist(), elapsed))
)")
                               .arg(in)
                               .arg(eps, 0, 'g', 17)
                               .arg(minSamples)
                               .arg(epsTime, 0, 'g', 17)
                               .arg(out);
    const ToolRun run = runPython(script, 300);
    qInfo().noquote() << run.stdOut.trimmed();
    if (run.exitCode != 0) {
        qWarning().noquote() << run.stdErr.right(2000);
        return ref;
    }
    QStringList header;
    const auto cols = readCsv(out, &header);
    if (cols.size() != 2 || cols[0].size() != p.size())
        return ref;
    for (std::size_t i = 0; i < p.size(); ++i) {
        ref.label.push_back(int(cols[0][i]));
        ref.core.push_back(std::uint8_t(cols[1][i]));
    }
    return ref;
}

} // namespace

class TestClusterSklearn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!haveProgram(QStringLiteral("/usr/bin/python3")))
            QFAIL("Debian's /usr/bin/python3 is missing: install python3-sklearn");
        const ToolRun check =
            runPython(QStringLiteral("import sklearn; print(sklearn.__version__)"), 60);
        if (check.exitCode != 0)
            QFAIL("scikit-learn is not importable by /usr/bin/python3: install python3-sklearn");
    }

    void dbscanMatches_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<double>("eps");
        QTest::addColumn<int>("minPoints");
        QTest::newRow("demo incidents, eps 100 m, min 10") << "demo" << 100.0 << 10;
        QTest::newRow("demo incidents, eps 50 m, min 4") << "demo" << 50.0 << 4;
        QTest::newRow("Essex Jan-Feb 2018, eps 100 m, min 10") << "essex2" << 100.0 << 10;
        QTest::newRow("Essex Jan-Apr 2018, eps 250 m, min 40") << "essex4" << 250.0 << 40;
        QTest::newRow("Essex Jan 2018, eps 30 m, min 3") << "essex1" << 30.0 << 3;
    }

    void dbscanMatches()
    {
        QFETCH(QString, data);
        QFETCH(double, eps);
        QFETCH(int, minPoints);
        const Points p = data == QLatin1String("demo")     ? demoIncidents()
                         : data == QLatin1String("essex1") ? essexCrimes(1)
                         : data == QLatin1String("essex2") ? essexCrimes(2)
                                                           : essexCrimes(4);
        QVERIFY2(p.size() > 1000, "input points could not be loaded");
        QTemporaryDir dir;
        const Reference ref = runSklearn(dir.path(), p, eps, minPoints);
        QVERIFY2(ref.label.size() == p.size(), "scikit-learn did not produce labels");

        QElapsedTimer timer;
        timer.start();
        const analytics::ClusterResult r = analytics::dbscan(p.pointSet(), {eps, minPoints, false});
        qInfo().noquote() << QStringLiteral("Vigie (%1 points): %2, %3 ms")
                                 .arg(p.size())
                                 .arg(clustercompare::summary(r.label, &r.core))
                                 .arg(timer.elapsed());
        QString detail;
        const std::size_t differ = clustercompare::countDifferences(r.label, ref.label, &detail);
        QVERIFY2(differ == 0,
                 qPrintable(QStringLiteral("%1 labels differ: %2").arg(differ).arg(detail)));
        QVERIFY2(r.core == ref.core, "core flags differ");
    }

    void stDbscanMatches_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<double>("eps");
        QTest::addColumn<double>("epsTime");
        QTest::addColumn<int>("minPoints");
        QTest::newRow("demo incidents, 150 m, 7 days, min 4") << "demo" << 150.0 << 7.0 << 4;
        QTest::newRow("Essex Jan-Apr, 100 m, 30 days, min 8") << "essex4" << 100.0 << 30.0 << 8;
    }

    void stDbscanMatches()
    {
        QFETCH(QString, data);
        QFETCH(double, eps);
        QFETCH(double, epsTime);
        QFETCH(int, minPoints);
        Points p = data == QLatin1String("demo") ? demoIncidents() : essexCrimes(4);
        QVERIFY2(p.size() > 1000, "input points could not be loaded");
        QTemporaryDir dir;
        const Reference ref = runSklearn(dir.path(), p, eps, minPoints, epsTime);
        QVERIFY2(ref.label.size() == p.size(), "scikit-learn did not produce labels");
        const analytics::ClusterResult r =
            analytics::stDbscan(p.pointSet(), {eps, epsTime, minPoints, false});
        qInfo().noquote()
            << QStringLiteral("Vigie: %1").arg(clustercompare::summary(r.label, &r.core));
        QString detail;
        const std::size_t differ = clustercompare::countDifferences(r.label, ref.label, &detail);
        QVERIFY2(differ == 0,
                 qPrintable(QStringLiteral("%1 labels differ: %2").arg(differ).arg(detail)));
        QVERIFY2(r.core == ref.core, "core flags differ");
    }
};

QTEST_GUILESS_MAIN(TestClusterSklearn)
#include "test_cluster_sklearn.moc"
