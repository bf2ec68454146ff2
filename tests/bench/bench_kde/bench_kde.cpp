// SPDX-License-Identifier: GPL-3.0-or-later
// KDE benchmark: Vigie's kernelDensity against QGIS's heatmap (qgis:heatmapkerneldensityestimation,
// same quartic radius and pixel size) and spatstat's density.ppp (Gaussian, sigma 100 m, dimyx
// matching the grid), on the same synthetic clustered points over Marseille (Lambert-93,
// x 887000-911000, y 6238000-6260000), 10 m grid. Prints figures and ratios; not a test.
//
// usage: bench_kde [n ...] [--qgis-timeout s] [--r-timeout s] [--no-qgis] [--no-r]
#include "analytics/kde.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <chrono>
#include <cstdio>
#include <random>
#include <sys/resource.h>
#include <thread>

using namespace vigie::analytics;

namespace {

constexpr double kX0 = 887000, kX1 = 911000, kY0 = 6238000, kY1 = 6260000;

/// Clustered points: 20 % uniform, 80 % around 300 Gaussian hot spots of 50-400 m.
void makePoints(std::size_t n, std::vector<double> &x, std::vector<double> &y)
{
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> u(0, 1);
    std::normal_distribution<double> g(0, 1);
    std::vector<std::array<double, 3>> spots(300);
    for (auto &s : spots)
        s = {kX0 + 1000 + 22000 * u(rng), kY0 + 1000 + 20000 * u(rng), 50 + 350 * u(rng)};
    x.clear();
    y.clear();
    while (x.size() < n) {
        double px, py;
        if (u(rng) < 0.2) {
            px = kX0 + (kX1 - kX0) * u(rng);
            py = kY0 + (kY1 - kY0) * u(rng);
        } else {
            const auto &s = spots[std::size_t(u(rng) * spots.size()) % spots.size()];
            px = s[0] + s[2] * g(rng);
            py = s[1] + s[2] * g(rng);
        }
        if (px < kX0 || px > kX1 || py < kY0 || py > kY1)
            continue;
        x.push_back(px);
        y.push_back(py);
    }
}

bool writeGpkg(const QString &path, const std::vector<double> &x, const std::vector<double> &y)
{
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 2154);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "points", srs, wkbPoint, nullptr);
    OSRRelease(srs);
    GDALDatasetStartTransaction(ds, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGRGeometryH gm = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(gm, 0, x[i], y[i]);
        OGR_F_SetGeometryDirectly(f, gm);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            std::fprintf(stderr, "cannot write point %zu\n", i);
        OGR_F_Destroy(f);
    }
    GDALDatasetCommitTransaction(ds);
    GDALClose(ds);
    return true;
}

bool writeCsv(const QString &path, const std::vector<double> &x, const std::vector<double> &y)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QTextStream s(&f);
    s << "x,y\n";
    for (std::size_t i = 0; i < x.size(); ++i)
        s << QString::number(x[i], 'f', 3) << ',' << QString::number(y[i], 'f', 3) << '\n';
    return true;
}

/// CPU seconds (user + system) of this process, or of its waited-for children.
double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec * 1e-6 + u.ru_stime.tv_sec +
           u.ru_stime.tv_usec * 1e-6;
}

struct Run
{
    double cpu = 0;
    bool ok = false;
    bool timedOut = false;
    double seconds = 0;
    QString out;
};

Run runProgram(const QString &program, const QStringList &args, int timeoutSec)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutSec * 1000)) {
        p.kill();
        p.waitForFinished(5000);
        r.timedOut = true;
        r.seconds = t.elapsed() / 1000.0;
        return r;
    }
    r.seconds = t.elapsed() / 1000.0;
    r.cpu = cpuSeconds(RUSAGE_CHILDREN) - cpu0;
    r.out = QString::fromLocal8Bit(p.readAll());
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return r;
}

struct Timing
{
    double wall = 0, cpu = 0;
};

Timing timeVigie(const PointSet &ps, const GridSpec &g, Kernel k, double h, KdeMethod m,
                 std::string *method)
{
    KdeParams p;
    p.kernel = k;
    p.bandwidth = h;
    p.method = m;
    Timing best{1e300, 1e300};
    for (int rep = 0; rep < 3; ++rep) {
        const double c0 = cpuSeconds(RUSAGE_SELF);
        const auto t0 = std::chrono::steady_clock::now();
        const KdeResult r = kernelDensity(ps, g, p);
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best.wall = std::min(best.wall, s);
        best.cpu = std::min(best.cpu, cpuSeconds(RUSAGE_SELF) - c0);
        *method = r.method;
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<std::size_t> sizes;
    int qgisTimeout = 600, rTimeout = 300;
    bool doQgis = true, doR = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--qgis-timeout") && i + 1 < args.size())
            qgisTimeout = args[++i].toInt();
        else if (args[i] == QLatin1String("--r-timeout") && i + 1 < args.size())
            rTimeout = args[++i].toInt();
        else if (args[i] == QLatin1String("--no-qgis"))
            doQgis = false;
        else if (args[i] == QLatin1String("--no-r"))
            doR = false;
        else
            sizes.push_back(args[i].toULongLong());
    }
    if (sizes.empty())
        sizes = {100000, 1000000};
    GDALAllRegister();
    QTemporaryDir dir;

    GridSpec grid;
    grid.xMin = kX0;
    grid.yMin = kY0;
    grid.cellSize = 10;
    grid.cols = int((kX1 - kX0) / 10);
    grid.rows = int((kY1 - kY0) / 10);
    std::printf(
        "KDE benchmark: 10 m grid %d x %d = %.2f M cells over Marseille; %u hardware threads\n",
        grid.cols, grid.rows, grid.cellCount() / 1e6, std::thread::hardware_concurrency());

    for (std::size_t n : sizes) {
        std::vector<double> x, y;
        makePoints(n, x, y);
        const PointSet ps{x, y, {}, {}};
        std::printf("\n== %zu points ==\n", n);
        std::string m1, m2, m3, m4;
        const Timing tq = timeVigie(ps, grid, Kernel::Quartic, 200, KdeMethod::Auto, &m1);
        const Timing tqb = timeVigie(ps, grid, Kernel::Quartic, 200, KdeMethod::Binned, &m2);
        const Timing tg = timeVigie(ps, grid, Kernel::Gaussian, 100, KdeMethod::Auto, &m3);
        const double vq = tq.wall, vg = tg.wall;
        std::printf("Vigie quartic h=200 m (Auto -> %s): %.3f s wall, %.3f s CPU\n", m1.c_str(),
                    tq.wall, tq.cpu);
        std::printf("Vigie quartic h=200 m (Binned -> %s): %.3f s wall, %.3f s CPU\n", m2.c_str(),
                    tqb.wall, tqb.cpu);
        std::printf("Vigie Gaussian sigma=100 m (Auto -> %s): %.3f s wall, %.3f s CPU\n",
                    m3.c_str(), tg.wall, tg.cpu);
        (void)m4;

        if (doR) {
            const QString csv = dir.filePath(QStringLiteral("pts_%1.csv").arg(n));
            writeCsv(csv, x, y);
            const QString script = dir.filePath(QStringLiteral("bench_%1.R").arg(n));
            QFile f(script);
            f.open(QIODevice::WriteOnly);
            f.write(
                QStringLiteral("suppressMessages(library(spatstat))\n"
                               "p <- read.csv('%1')\n"
                               "X <- ppp(p$x, p$y, window = owin(c(%2, %3), c(%4, %5)))\n"
                               "t <- system.time(d <- density(X, sigma = 100, dimyx = c(%6, %7), "
                               "edge = FALSE))\n"
                               "cat('SPATSTAT_SECONDS', t[['elapsed']], 'CPU', t[['user.self']] + "
                               "t[['sys.self']], '\\n')\n"
                               "t2 <- system.time(d2 <- density(X, sigma = 100/sqrt(8)*sqrt(8), "
                               "kernel = 'quartic', dimyx = c(%6, %7), edge = FALSE))\n"
                               "cat('SPATSTAT_QUARTIC_SECONDS', t2[['elapsed']], 'CPU', "
                               "t2[['user.self']] + t2[['sys.self']], '\\n')\n")
                    .arg(csv)
                    .arg(kX0, 0, 'f', 0)
                    .arg(kX1, 0, 'f', 0)
                    .arg(kY0, 0, 'f', 0)
                    .arg(kY1, 0, 'f', 0)
                    .arg(grid.rows)
                    .arg(grid.cols)
                    .toUtf8());
            f.close();
            const Run r = runProgram(QStringLiteral("Rscript"),
                                     {QStringLiteral("--vanilla"), script}, rTimeout);
            const auto m =
                QRegularExpression(QStringLiteral("SPATSTAT_SECONDS ([0-9.]+) CPU ([0-9.]+)"))
                    .match(r.out);
            const auto mq = QRegularExpression(
                                QStringLiteral("SPATSTAT_QUARTIC_SECONDS ([0-9.]+) CPU ([0-9.]+)"))
                                .match(r.out);
            if (m.hasMatch()) {
                const double s = m.captured(1).toDouble(), sc = m.captured(2).toDouble();
                std::printf(
                    "spatstat density.ppp Gaussian sigma=100 m: %.3f s wall, %.3f s CPU (density() "
                    "only;"
                    " Rscript total %.1f s) -> Vigie Gaussian %.1fx faster (wall), %.1fx (CPU)\n",
                    s, sc, r.seconds, s / vg, sc / tg.cpu);
                if (mq.hasMatch()) {
                    const double sq = mq.captured(1).toDouble(), sqc = mq.captured(2).toDouble();
                    std::printf("spatstat density.ppp quartic sigma=100 m (radius 283 m): %.3f s "
                                "wall, %.3f s CPU"
                                " -> Vigie quartic %.1fx faster (wall), %.1fx (CPU)\n",
                                sq, sqc, sq / vq, sqc / tq.cpu);
                }
            } else if (r.timedOut) {
                std::printf("spatstat: > %d s (timed out)\n", rTimeout);
            } else {
                std::printf("spatstat failed: %s\n", qPrintable(r.out.right(400)));
            }
        }
        if (doQgis) {
            const QString gpkg = dir.filePath(QStringLiteral("pts_%1.gpkg").arg(n));
            writeGpkg(gpkg, x, y);
            const QString out = dir.filePath(QStringLiteral("heat_%1.tif").arg(n));
            const Run r = runProgram(
                QStringLiteral("/usr/bin/qgis_process.bin"),
                {QStringLiteral("run"), QStringLiteral("qgis:heatmapkerneldensityestimation"),
                 QStringLiteral("--INPUT=") + gpkg, QStringLiteral("--RADIUS=200"),
                 QStringLiteral("--PIXEL_SIZE=10"), QStringLiteral("--KERNEL=0"),
                 QStringLiteral("--OUTPUT_VALUE=0"), QStringLiteral("--OUTPUT=") + out},
                qgisTimeout);
            if (r.ok)
                std::printf(
                    "QGIS heatmap quartic radius 200 m, pixel 10 m: %.3f s wall, %.3f s CPU (whole"
                    " qgis_process run) -> Vigie %.1fx faster (wall), %.1fx (CPU)\n",
                    r.seconds, r.cpu, r.seconds / vq, r.cpu / tq.cpu);
            else if (r.timedOut)
                std::printf("QGIS heatmap: > %d s (timed out) -> Vigie > %.0fx faster\n",
                            qgisTimeout, qgisTimeout / vq);
            else
                std::printf("QGIS heatmap failed: %s\n", qPrintable(r.out.right(400)));
        }
        std::fflush(stdout);
    }
    return 0;
}
