// SPDX-License-Identifier: GPL-3.0-or-later
// Forecast benchmark: rolling-origin evaluation (evaluateForecasts) of the SEPP, the prospective
// (recency-weighted) KDE and last period's counts, printing hit rate, PAI and PEI at 1, 2 and 5 %
// of the study area, with the wall time of each evaluation:
//  (a) the demo incidents (Lambert-93, t in days since 2023-01-01): 12 held-out weeks and 6
//      held-out 30-day months at the end of the data, 200 m cells, 365-day training window;
//  (b) the Essex police.uk crimes of January-April 2018 (EPSG:27700; months only, t = month * 30):
//      held-out months 2, 3, 4, trained on all earlier months, 500 m cells; the SEPP spreads
//      times uniformly over their month (timeResolutionDays = 30).
// The study area is the set of cells holding at least one event of the whole data set.
//
// usage: bench_forecast [--no-demo] [--no-essex] [--sepp-bandwidth metres (0 = Scott's rule)]
#include "referencesupport.h"

#include "analytics/forecast.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace vigie::analytics;
using vigie::testsupport::Points;

namespace {

GridSpec gridFor(const Points &p, double cellSize)
{
    const auto [x0, x1] = std::minmax_element(p.x.begin(), p.x.end());
    const auto [y0, y1] = std::minmax_element(p.y.begin(), p.y.end());
    return GridSpec::covering(*x0, *y0, *x1, *y1, cellSize, cellSize);
}

std::vector<std::uint8_t> activeCells(const Points &p, const GridSpec &g)
{
    std::vector<std::uint8_t> w(g.cellCount(), 0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        const int c = g.colOf(p.x[i]), r = g.rowOf(p.y[i]);
        if (c >= 0 && r >= 0)
            w[g.index(c, r)] = 1;
    }
    return w;
}

void run(const char *title, const Points &p, EvaluationParams ep)
{
    QElapsedTimer timer;
    timer.start();
    const EvaluationTable table = evaluateForecasts(p.pointSet(), ep);
    const double seconds = timer.elapsed() / 1000.0;
    const std::string training = ep.forecast.trainingDays > 1e8
                                     ? std::string("all earlier")
                                     : std::to_string(int(ep.forecast.trainingDays));
    std::printf("\n== %s: %zu events, grid %dx%d of %g m, training %s days, SEPP background "
                "bandwidth %s, %.1f s ==\n%s",
                title, p.size(), ep.forecast.grid.cols, ep.forecast.grid.rows,
                ep.forecast.grid.cellSize, training.c_str(),
                ep.forecast.sepp.backgroundBandwidth > 0
                    ? (std::to_string(int(ep.forecast.sepp.backgroundBandwidth)) + " m").c_str()
                    : "auto",
                seconds, formatEvaluationTable(table).c_str());
    double th = 0, om = 0, si = 0;
    int n = 0;
    for (const PeriodScore &s : table.scores)
        if (s.model == ForecastModel::Sepp) {
            th += s.theta;
            om += s.omega;
            si += s.sigma;
            ++n;
        }
    if (n > 0)
        std::printf("SEPP fitted (mean over periods): theta %.3f, omega %.3f /day, sigma %.0f m\n",
                    th / n, om / n, si / n);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int bwAt = args.indexOf("--sepp-bandwidth");
    const double seppBandwidth =
        bwAt > 0 && bwAt + 1 < args.size() ? args[bwAt + 1].toDouble() : 0.0;

    if (!args.contains("--no-demo")) {
        const Points demo = vigie::testsupport::demoIncidents();
        if (demo.size() == 0) {
            std::fprintf(stderr, "demo incidents unavailable\n");
            return 1;
        }
        const double tMax = *std::max_element(demo.t.begin(), demo.t.end());
        EvaluationParams ep;
        ep.forecast.grid = gridFor(demo, 200);
        ep.window = activeCells(demo, ep.forecast.grid);
        ep.forecast.trainingDays = 365;
        ep.forecast.kde.bandwidth = 200;
        ep.forecast.kde.halfLifeDays = 14;
        ep.forecast.sepp.backgroundBandwidth = seppBandwidth;
        ep.forecast.horizonDays = 7;
        ep.periods = 12;
        ep.firstOriginDay = std::floor(tMax) - 12 * 7;
        run("demo incidents, 12 held-out weeks", demo, ep);
        ep.forecast.horizonDays = 30;
        ep.forecast.kde.halfLifeDays = 30;
        ep.periods = 6;
        ep.firstOriginDay = std::floor(tMax) - 6 * 30;
        run("demo incidents, 6 held-out 30-day months", demo, ep);
    }
    if (!args.contains("--no-essex")) {
        const Points essex = vigie::testsupport::essexCrimes(4);
        if (essex.size() == 0) {
            std::fprintf(stderr, "Essex crimes unavailable\n");
            return 1;
        }
        EvaluationParams ep;
        ep.forecast.grid = gridFor(essex, 500);
        ep.window = activeCells(essex, ep.forecast.grid);
        ep.forecast.trainingDays = 1e9; // every earlier month
        ep.forecast.horizonDays = 30;
        ep.forecast.kde.bandwidth = 500;
        ep.forecast.kde.halfLifeDays = 30;
        ep.forecast.sepp.timeResolutionDays = 30;
        ep.forecast.sepp.backgroundBandwidth = seppBandwidth;
        ep.periods = 3;
        ep.firstOriginDay = 30;
        run("Essex police.uk crimes 2018, held-out months 2-4", essex, ep);
    }
    return 0;
}
