// SPDX-License-Identifier: GPL-3.0-or-later
// bench_cluster [--sets 100k,1M,1Mtiled] [--no-qgis] [--no-sklearn] [--qgis-timeout 300]
//               [--sklearn-memory-gb 8]
//
// DBSCAN (eps 100 m, minPoints 10) on 100 k and 1 M points: Vigie against scikit-learn's
// DBSCAN (algorithm="auto", n_jobs=1 and n_jobs=2, fit only) and QGIS's native:dbscanclustering
// (qgis_process wall time, with its start-up measured separately); then ST-DBSCAN (100 m, 7 days,
// min 10) on 100 k points against native:stdbscanclustering. Same points for every tool, and the
// labels are compared as well. A program that prints figures, not a ctest test.
//
// Points: the demo city's incidents (Lambert-93), resampled with replacement and jittered by a
// Gaussian of 30 m (and 1 day in time), deterministic. Sets: "100k" and "1M" in the city (1 M
// there means ~1000 neighbours within 100 m per point: scikit-learn materialises every
// neighbourhood, ~8 GB, so it runs under an address-space cap and may fail); "1Mtiled" is ten
// copies of a 100 k set side by side (50 km apart): 1 M points at the density of the 100 k set.
#include "analytics/cluster.h"
#include "clusterio.h"
#include "referencesupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <unordered_map>

using namespace vigie;
using namespace vigie::testsupport;

namespace {

Points resample(const Points &base, std::size_t n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, base.size() - 1);
    std::normal_distribution<double> metres(0, 30), days(0, 1);
    Points p;
    p.crs = base.crs;
    p.x.resize(n);
    p.y.resize(n);
    p.t.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = pick(rng);
        p.x[k] = base.x[i] + metres(rng);
        p.y[k] = base.y[i] + metres(rng);
        p.t[k] = base.t[i] + days(rng);
    }
    p.t = clusterio::roundTimes(p.t);
    return p;
}

/// Mean number of points within eps of a point (itself included): the size of the
/// neighbourhoods scikit-learn materialises (8 bytes each), which bounds its memory.
double meanNeighbours(const Points &p, double eps)
{
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells;
    auto key = [&](double x, double y) {
        return (std::int64_t(std::floor(x / eps)) << 32) ^ std::int64_t(std::floor(y / eps));
    };
    for (std::size_t i = 0; i < p.size(); ++i)
        cells[key(p.x[i], p.y[i])].push_back(i);
    double total = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                const auto it = cells.find(key(p.x[i] + dx * eps, p.y[i] + dy * eps));
                if (it == cells.end())
                    continue;
                for (std::size_t j : it->second) {
                    const double ddx = p.x[i] - p.x[j], ddy = p.y[i] - p.y[j];
                    total += ddx * ddx + ddy * ddy <= eps * eps;
                }
            }
    return total / double(p.size());
}

/// Median wall time of `runs` calls, and the last result.
template <typename F> double medianSeconds(int runs, F &&f, analytics::ClusterResult &last)
{
    std::vector<double> s;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        last = f();
        s.push_back(t.nsecsElapsed() / 1e9);
    }
    std::sort(s.begin(), s.end());
    return s[s.size() / 2];
}

struct SklearnTimes
{
    double jobs1 = -1, jobs2 = -1;
    std::vector<int> label;
};

SklearnTimes runSklearn(const QString &dir, const Points &p, double eps, int minSamples,
                        int memoryGb)
{
    SklearnTimes out;
    const QString in = dir + QStringLiteral("/points.csv");
    const QString labels = dir + QStringLiteral("/sklearn.csv");
    writeCsv(in, {QStringLiteral("x"), QStringLiteral("y")}, {p.x, p.y});
    const QString script = QStringLiteral(R"(
import time, numpy as np, sklearn
from sklearn.cluster import DBSCAN
d = np.loadtxt("%1", delimiter=",", skiprows=1)
for jobs in (1, 2):
    t0 = time.perf_counter()
    db = DBSCAN(eps=%2, min_samples=%3, algorithm="auto", n_jobs=jobs).fit(d)
    print("fit n_jobs=%d: %.3f s" % (jobs, time.perf_counter() - t0), flush=True)
    if jobs == 1:
        np.savetxt("%4", db.labels_, fmt="%d", header="label", comments="")
        del db
print("scikit-learn", sklearn.__version__)
)")
                               .arg(in)
                               .arg(eps)
                               .arg(minSamples)
                               .arg(labels);
    // Debian's python3 under an address-space cap, so a dense set cannot exhaust the machine.
    const QString scriptPath = dir + QStringLiteral("/sklearn_bench.py");
    QFile file(scriptPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return out;
    file.write(script.toUtf8());
    file.close();
    const ToolRun run = runTool(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("ulimit -v %1 && exec /usr/bin/python3 \"$0\"").arg(qint64(memoryGb) << 20),
         scriptPath},
        3600);
    std::printf("%s", qPrintable(run.stdOut));
    if (run.exitCode != 0) {
        std::printf("scikit-learn failed after %.1f s (exit %d, address space capped at %d GB): "
                    "%s\n",
                    run.seconds, run.exitCode, memoryGb,
                    qPrintable(run.stdErr.trimmed().section(u'\n', -1)));
        return out;
    }
    const QRegularExpression re(QStringLiteral("fit n_jobs=(\\d): ([0-9.]+) s"));
    auto it = re.globalMatch(run.stdOut);
    while (it.hasNext()) {
        const auto m = it.next();
        (m.captured(1) == QLatin1String("1") ? out.jobs1 : out.jobs2) = m.captured(2).toDouble();
    }
    const auto cols = readCsv(labels);
    if (!cols.empty())
        for (double v : cols[0])
            out.label.push_back(int(v));
    return out;
}

QString ratio(double peer, double vigie)
{
    if (peer < 0)
        return QStringLiteral("n/a");
    return QStringLiteral("%1x").arg(peer / vigie, 0, 'f', 1);
}

QString same(const std::vector<int> &a, const std::vector<int> &b)
{
    if (b.empty())
        return QStringLiteral("not compared");
    return a == b ? QStringLiteral("labels identical") : QStringLiteral("LABELS DIFFER");
}

struct Options
{
    bool qgis = true, sklearn = true;
    int qgisTimeout = 300;
    int sklearnMemoryGb = 8;
    double qgisStartup = -1;
};

void benchDbscan(const QString &name, const Points &p, const QString &dir, const Options &o)
{
    const double eps = 100;
    const int minPoints = 10;
    const std::size_t n = p.size();
    std::printf("\n-- %s: %zu points, %.0f neighbours within %.0f m on average --\n",
                qPrintable(name), n, meanNeighbours(p, eps), eps);
    analytics::ClusterResult r;
    const double vigie = medianSeconds(
        3,
        [&] {
            return analytics::dbscan(p.pointSet(), {eps, minPoints, false});
        },
        r);
    std::printf("Vigie dbscan: %.3f s (median of 3), %d clusters, %zu noise\n", vigie,
                r.clusterCount, std::size_t(std::count(r.label.begin(), r.label.end(), -1)));
    std::fflush(stdout);
    if (o.sklearn) {
        const SklearnTimes sk = runSklearn(dir, p, eps, minPoints, o.sklearnMemoryGb);
        if (sk.jobs1 > 0)
            std::printf("scikit-learn fit n_jobs=1: %.3f s -> Vigie %s faster; n_jobs=2: %.3f s -> "
                        "%s; %s\n",
                        sk.jobs1, qPrintable(ratio(sk.jobs1, vigie)), sk.jobs2,
                        qPrintable(ratio(sk.jobs2, vigie)), qPrintable(same(r.label, sk.label)));
        std::fflush(stdout);
    }
    if (o.qgis) {
        const QString in = dir + QStringLiteral("/in.gpkg");
        const QString out = dir + QStringLiteral("/out.gpkg");
        QElapsedTimer w;
        w.start();
        clusterio::writePointsGpkg(in, p.x, p.y, {}, 2154);
        std::printf("(GeoPackage for QGIS written in %.1f s, not counted)\n", w.elapsed() / 1e3);
        const auto q =
            clusterio::runQgisClustering(in, out, n, eps, minPoints, false, -1, o.qgisTimeout);
        if (q.timedOut) {
            std::printf("QGIS native:dbscanclustering: > %d s (timeout) -> Vigie > %.0fx faster\n",
                        o.qgisTimeout, o.qgisTimeout / vigie);
        } else if (!q.error.isEmpty()) {
            std::printf("QGIS failed: %s\n", qPrintable(q.error));
        } else {
            std::printf("QGIS native:dbscanclustering: %.2f s wall (%.2f s without start-up) -> "
                        "Vigie %s faster (%s without start-up); %s\n",
                        q.seconds, q.seconds - o.qgisStartup, qPrintable(ratio(q.seconds, vigie)),
                        qPrintable(ratio(q.seconds - o.qgisStartup, vigie)),
                        qPrintable(same(r.label, q.label)));
        }
        QFile::remove(in);
        QFile::remove(out);
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList sets{QStringLiteral("100k"), QStringLiteral("1M"), QStringLiteral("1Mtiled")};
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--sets") && i + 1 < args.size())
            sets = args[++i].split(u',');
        else if (args[i] == QLatin1String("--no-qgis"))
            o.qgis = false;
        else if (args[i] == QLatin1String("--no-sklearn"))
            o.sklearn = false;
        else if (args[i] == QLatin1String("--qgis-timeout") && i + 1 < args.size())
            o.qgisTimeout = args[++i].toInt();
        else if (args[i] == QLatin1String("--sklearn-memory-gb") && i + 1 < args.size())
            o.sklearnMemoryGb = args[++i].toInt();
    }
    const double eps = 100;
    const int minPoints = 10;
    const Points base = demoIncidents();
    if (base.size() < 1000) {
        std::fprintf(stderr, "cannot load the demo incidents\n");
        return 1;
    }
    QTemporaryDir dir;
    std::printf("Points: %zu demo incidents resampled and jittered (30 m, 1 day)\n", base.size());

    if (o.qgis) {
        // QGIS's fixed cost: the same algorithm on 100 points.
        const Points tiny = resample(base, 100, 1);
        const QString in = dir.filePath(QStringLiteral("tiny.gpkg"));
        clusterio::writePointsGpkg(in, tiny.x, tiny.y, {}, 2154);
        const auto q = clusterio::runQgisClustering(
            in, dir.filePath(QStringLiteral("tiny-out.gpkg")), tiny.size(), eps, minPoints, false);
        o.qgisStartup = q.error.isEmpty() ? q.seconds : -1;
        std::printf("QGIS qgis_process start-up and I/O on 100 points: %.2f s\n", o.qgisStartup);
    }

    std::printf("\n== DBSCAN eps %.0f m, minPoints %d ==\n", eps, minPoints);
    for (const QString &set : sets) {
        if (set == QLatin1String("100k")) {
            benchDbscan(QStringLiteral("100 k in the city"), resample(base, 100000, 4242),
                        dir.path(), o);
        } else if (set == QLatin1String("1M")) {
            benchDbscan(QStringLiteral("1 M in the city"), resample(base, 1000000, 4242),
                        dir.path(), o);
        } else if (set == QLatin1String("1Mtiled")) {
            Points tiled;
            for (int copy = 0; copy < 10; ++copy) {
                const Points part = resample(base, 100000, 5000 + copy);
                for (std::size_t i = 0; i < part.size(); ++i) {
                    tiled.x.push_back(part.x[i] + 50000.0 * copy);
                    tiled.y.push_back(part.y[i]);
                }
            }
            benchDbscan(QStringLiteral("1 M as ten tiled 100 k cities"), tiled, dir.path(), o);
        }
    }

    std::printf("\n== ST-DBSCAN eps %.0f m, 7 days, minPoints %d, 100000 points ==\n", eps,
                minPoints);
    {
        const Points p = resample(base, 100000, 4243);
        analytics::ClusterResult r;
        const double vigie = medianSeconds(
            3,
            [&] {
                return analytics::stDbscan(p.pointSet(), {eps, 7.0, minPoints, false});
            },
            r);
        std::printf("Vigie stDbscan: %.3f s (median of 3), %d clusters\n", vigie, r.clusterCount);
        if (o.qgis) {
            const QString in = dir.filePath(QStringLiteral("st.gpkg"));
            const QString out = dir.filePath(QStringLiteral("st-out.gpkg"));
            clusterio::writePointsGpkg(in, p.x, p.y, p.t, 2154);
            const auto q = clusterio::runQgisClustering(in, out, p.size(), eps, minPoints, false,
                                                        7.0 * 86400000.0, o.qgisTimeout);
            if (q.timedOut)
                std::printf(
                    "QGIS native:stdbscanclustering: > %d s (timeout) -> Vigie > %.0fx faster\n",
                    o.qgisTimeout, o.qgisTimeout / vigie);
            else if (!q.error.isEmpty())
                std::printf("QGIS failed: %s\n", qPrintable(q.error));
            else
                std::printf("QGIS native:stdbscanclustering: %.2f s wall (%.2f s without start-up) "
                            "-> Vigie %s faster (%s without start-up); %s\n",
                            q.seconds, q.seconds - o.qgisStartup,
                            qPrintable(ratio(q.seconds, vigie)),
                            qPrintable(ratio(q.seconds - o.qgisStartup, vigie)),
                            qPrintable(same(r.label, q.label)));
        }
    }
    return 0;
}
