// SPDX-License-Identifier: GPL-3.0-or-later
// bench_hotspot [cells...]   (default: 10000 100000)
// Gi* with binary distance-band weights including self, on counts per cell of a regular 100 m
// grid of demo-like clustered synthetic points. Times Vigie (distanceBandWeights + getisOrdGiStar,
// and Gi* alone; best of 5) and, in the same run on the same cells, R spdep
// (dnearneigh + include.self + nb2listw(style = "B"), and localG alone) timed inside R with
// system.time, so that R's start-up and CSV reading are not counted. Prints the ratios and checks
// that both give the same z-scores.
#include "analytics/hotspot.h"
#include "analytics/rng.h"
#include "analytics/weights.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace vigie::analytics;

namespace {

struct Cells
{
    std::vector<double> x, y, v;
};

/// A side x side grid of 100 m cells; counts of points drawn from 40 Gaussian hot spots
/// (sigma 150-600 m, as the demo city's) over a uniform background.
Cells makeCells(int side)
{
    const double cell = 100.0, extent = side * cell;
    Rng rng(20240611);
    const std::size_t points = std::size_t(side) * std::size_t(side) * 3;
    std::vector<double> cx(40), cy(40), sigma(40);
    for (int k = 0; k < 40; ++k) {
        cx[std::size_t(k)] = rng.uniform(0, extent);
        cy[std::size_t(k)] = rng.uniform(0, extent);
        sigma[std::size_t(k)] = rng.uniform(150, 600);
    }
    Cells c;
    c.v.assign(std::size_t(side) * std::size_t(side), 0.0);
    for (std::size_t i = 0; i < points; ++i) {
        double px, py;
        if (rng.bernoulli(0.4)) {
            px = rng.uniform(0, extent);
            py = rng.uniform(0, extent);
        } else {
            const std::size_t k = std::size_t(rng.below(40));
            px = rng.normal(cx[k], sigma[k]);
            py = rng.normal(cy[k], sigma[k]);
        }
        const int col = int(std::floor(px / cell)), row = int(std::floor(py / cell));
        if (col >= 0 && row >= 0 && col < side && row < side)
            c.v[std::size_t(row) * std::size_t(side) + std::size_t(col)] += 1.0;
    }
    for (int r = 0; r < side; ++r)
        for (int col = 0; col < side; ++col) {
            c.x.push_back((col + 0.5) * cell);
            c.y.push_back((r + 0.5) * cell);
        }
    return c;
}

bool writeCsv(const QString &path, const Cells &c)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QTextStream s(&f);
    s << "x,y,v\n";
    for (std::size_t i = 0; i < c.v.size(); ++i)
        s << QString::number(c.x[i], 'g', 17) << ',' << QString::number(c.y[i], 'g', 17) << ','
          << QString::number(c.v[i], 'g', 17) << '\n';
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(QString(argv[i]).toInt());
    if (sizes.empty())
        sizes = {10000, 100000};
    const double band = 250.0; // 21 cells with self: the 5 x 5 block without its corners
    QTemporaryDir dir;
    std::printf("Gi* (distance band %.0f m, binary, self included) on a regular 100 m grid\n",
                band);
    std::printf("%9s | %12s %12s | %12s %12s %12s | %7s %7s | %s\n", "cells", "Vigie w+Gi*",
                "Vigie Gi*", "R dnearneigh", "R listw", "R localG", "ratio", "Gi*", "max |dz|");
    for (int wanted : sizes) {
        const int side = std::max(3, int(std::lround(std::sqrt(double(wanted)))));
        const Cells c = makeCells(side);
        double best = 1e300, bestGi = 1e300;
        GiStarResult g;
        for (int rep = 0; rep < 5; ++rep) {
            QElapsedTimer t;
            t.start();
            const SpatialWeights w = distanceBandWeights(c.x, c.y, band, true);
            const qint64 afterWeights = t.nsecsElapsed();
            g = getisOrdGiStar(c.v, w, true);
            const qint64 total = t.nsecsElapsed();
            best = std::min(best, total * 1e-9);
            bestGi = std::min(bestGi, (total - afterWeights) * 1e-9);
        }
        const QString in = dir.filePath(QStringLiteral("cells%1.csv").arg(side));
        const QString outPath = dir.filePath(QStringLiteral("g%1.csv").arg(side));
        writeCsv(in, c);
        const QString script =
            QStringLiteral(
                "suppressPackageStartupMessages(library(spdep))\n"
                "d <- read.csv('%1'); xy <- cbind(d$x, d$y)\n"
                "t1 <- system.time(nb <- dnearneigh(xy, 0, %2))[['elapsed']]\n"
                "t2 <- system.time(lw <- nb2listw(include.self(nb), style = 'B'))[['elapsed']]\n"
                "t3 <- system.time(g <- localG(d$v, lw))[['elapsed']]\n"
                "write.csv(data.frame(z = sprintf('%.17g', as.numeric(g))), '%3', row.names = "
                "FALSE, quote = FALSE)\n"
                "cat(t1, t2, t3, '\\n')\n")
                .arg(in)
                .arg(band)
                .arg(outPath);
        const QString scriptPath = dir.filePath(QStringLiteral("bench%1.R").arg(side));
        {
            QFile f(scriptPath);
            f.open(QIODevice::WriteOnly);
            f.write(script.toUtf8());
        }
        QProcess r;
        r.start(QStringLiteral("Rscript"), {QStringLiteral("--vanilla"), scriptPath});
        if (!r.waitForFinished(1800 * 1000) || r.exitCode() != 0) {
            std::printf("%9zu | %12.4f %12.4f | R failed: %s\n", c.v.size(), best, bestGi,
                        r.readAllStandardError().right(500).constData());
            continue;
        }
        const QStringList times =
            QString::fromUtf8(r.readAllStandardOutput()).trimmed().split(u' ');
        const double rNb = times.value(0).toDouble(), rLw = times.value(1).toDouble(),
                     rG = times.value(2).toDouble();
        double worst = 0.0;
        QFile zf(outPath);
        if (zf.open(QIODevice::ReadOnly)) {
            zf.readLine();
            for (std::size_t i = 0; i < g.z.size() && !zf.atEnd(); ++i)
                worst =
                    std::max(worst, std::abs(QString(zf.readLine()).trimmed().toDouble() - g.z[i]));
        }
        std::printf(
            "%9zu | %10.4f s %10.4f s | %10.3f s %10.3f s %10.3f s | %6.0fx %6.0fx | %.2g\n",
            c.v.size(), best, bestGi, rNb, rLw, rG, (rNb + rLw + rG) / best,
            rG / std::max(bestGi, 1e-9), worst);
    }
    std::printf(
        "ratio = R (dnearneigh + nb2listw + localG) / Vigie (weights + Gi*); Gi* = localG / "
        "getisOrdGiStar alone. R times come from system.time inside R; Vigie: best of 5.\n");
    return 0;
}
