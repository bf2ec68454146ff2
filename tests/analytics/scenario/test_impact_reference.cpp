// SPDX-License-Identifier: GPL-3.0-or-later
// Reference test of the difference-in-differences model: Vigie's quasi-Poisson fit with unit and
// period fixed effects against R's glm(family = quasipoisson) on the same panel, built from the
// demo city's incidents around its busiest area (action at day 547 = 2024-07-01), and the
// pre-trend model likewise.

#include "analytics/impact.h"
#include "referencesupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vigie::analytics;
using namespace vigie::testsupport;

class TestImpactReference : public QObject
{
    Q_OBJECT
private slots:
    void didAgainstRGlm()
    {
        if (!haveProgram(QStringLiteral("Rscript")))
            QFAIL("Rscript is missing: install r-base-core (packaging/install-deps.sh --tests)");
        const Points demo = demoIncidents();
        QVERIFY2(demo.size() > 1000, "demo incidents are needed");
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (std::size_t i = 0; i < demo.size(); ++i) {
            x0 = std::min(x0, demo.x[i]), x1 = std::max(x1, demo.x[i]);
            y0 = std::min(y0, demo.y[i]), y1 = std::max(y1, demo.y[i]);
        }
        const GridSpec grid = GridSpec::covering(x0, y0, x1, y1, 250.0);
        // Busiest cell; treated = the 3 x 3 block around it.
        std::vector<int> count(grid.cellCount(), 0);
        for (std::size_t i = 0; i < demo.size(); ++i)
            ++count[grid.index(grid.colOf(demo.x[i]), grid.rowOf(demo.y[i]))];
        const auto busiest =
            std::size_t(std::max_element(count.begin(), count.end()) - count.begin());
        const int bc = int(busiest % std::size_t(grid.cols)),
                  br = int(busiest / std::size_t(grid.cols));
        std::vector<std::uint8_t> treated(grid.cellCount(), 0);
        for (int r = std::max(0, br - 1); r <= std::min(grid.rows - 1, br + 1); ++r)
            for (int c = std::max(0, bc - 1); c <= std::min(grid.cols - 1, bc + 1); ++c)
                treated[grid.index(c, r)] = 1;

        for (const auto selection : {ControlSelection::AllOther, ControlSelection::Given}) {
            std::vector<std::uint8_t> control(grid.cellCount(), 0);
            if (selection == ControlSelection::Given) // a ring 1 to 3 km away
                for (int r = 0; r < grid.rows; ++r)
                    for (int c = 0; c < grid.cols; ++c) {
                        const double d = std::hypot(grid.centreX(c) - grid.centreX(bc),
                                                    grid.centreY(r) - grid.centreY(br));
                        control[grid.index(c, r)] = d > 1000 && d <= 3000;
                    }
            ImpactParams p;
            p.actionTime = 547;
            p.preDays = 364;
            p.postDays = 364;
            p.periodDays = 28;
            p.controls = selection;
            p.bufferDistance = 500;
            p.bootstrapReplicates = 0;
            const auto res = estimateImpact(demo.pointSet(), {grid, treated, control, {}}, p);
            const int P = res.prePeriods + res.postPeriods;
            std::vector<double> unit, period, y, post;
            for (int u = 0; u < 2; ++u)
                for (int k = 0; k < P; ++k) {
                    unit.push_back(u);
                    period.push_back(k);
                    y.push_back(u == 0 ? res.treatedSeries[std::size_t(k)]
                                       : res.controlSeries[std::size_t(k)]);
                    post.push_back(k >= res.prePeriods);
                }
            QTemporaryDir dir;
            const QString csv = dir.filePath(QStringLiteral("panel.csv"));
            QVERIFY(writeCsv(csv, {"unit", "period", "y", "post"}, {unit, period, y, post}));
            const QString script = QStringLiteral(R"(
d <- read.csv("%1")
d$D <- as.numeric(d$unit == 0 & d$post == 1)
m <- glm(y ~ factor(unit) + factor(period) + D, family = quasipoisson, data = d)
s <- summary(m)
pre <- d[d$post == 0, ]
pre$trend <- ifelse(pre$unit == 0, pre$period - mean(unique(pre$period)), 0)
m2 <- glm(y ~ factor(unit) + factor(period) + trend, family = quasipoisson, data = pre)
s2 <- summary(m2)
cat(sprintf("%.12g %.12g %.12g %.12g %.12g %.12g\n", coef(m)["D"], s$coefficients["D", 2], s$dispersion,
            coef(m2)["trend"], s2$coefficients["trend", 2], s2$dispersion))
)")
                                       .arg(csv);
            const ToolRun run = runR(script, 120);
            QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
            const QStringList v = run.stdOut.trimmed().split(QLatin1Char(' '));
            QCOMPARE(v.size(), 6);
            const double rDelta = v[0].toDouble(), rSe = v[1].toDouble(), rPhi = v[2].toDouble();
            const double rTrend = v[3].toDouble(), rTrendSe = v[4].toDouble(),
                         rPhi2 = v[5].toDouble();
            qInfo("%s: treated %g -> %g, control %g -> %g, %d + %d periods",
                  selection == ControlSelection::Given ? "given ring" : "all other cells",
                  res.treatedBefore, res.treatedAfter, res.controlBefore, res.controlAfter,
                  res.prePeriods, res.postPeriods);
            qInfo("  R glm quasipoisson: D %.6f se %.6f dispersion %.4f; pre-trend %.6f se %.6f "
                  "dispersion %.4f",
                  rDelta, rSe, rPhi, rTrend, rTrendSe, rPhi2);
            qInfo("  Vigie:              D %.6f se %.6f dispersion %.4f; pre-trend %.6f se %.6f; "
                  "effect %.3f [%.3f, %.3f]",
                  res.did.delta, res.did.se, res.did.dispersion, res.preTrend.slope,
                  res.preTrend.se, res.did.effect, res.did.effectLow, res.did.effectHigh);
            // Vigie uses sqrt(max(1, phi)) where R uses sqrt(phi). Tolerance 1e-4 relative: R's
            // IRLS stops at a relative deviance change of 1e-8, Vigie's at 1e-10.
            const double rSeVigie = rSe / std::sqrt(rPhi) * std::sqrt(std::max(1.0, rPhi));
            const double rTrendSeVigie =
                rTrendSe / std::sqrt(rPhi2) * std::sqrt(std::max(1.0, rPhi2));
            QVERIFY(std::fabs(res.did.delta - rDelta) < 1e-4 * std::fabs(rDelta) + 1e-7);
            QVERIFY(std::fabs(res.did.se - rSeVigie) < 1e-4 * rSeVigie);
            QVERIFY(std::fabs(res.did.dispersion - rPhi) < 1e-4 * rPhi);
            QVERIFY(std::fabs(res.preTrend.slope - rTrend) < 1e-4 * std::fabs(rTrend) + 1e-7);
            QVERIFY(std::fabs(res.preTrend.se - rTrendSeVigie) < 1e-4 * rTrendSeVigie);
            // WDQ components add up.
            QVERIFY(std::fabs(res.wdq.netEffect -
                              (res.wdq.treatedReduction + res.wdq.bufferReduction)) < 1e-9);
            qInfo("  WDQ %.3f (SM %.4f, DM %.4f), net effect %.1f incidents", res.wdq.wdq,
                  res.wdq.successMeasure, res.wdq.displacementMeasure, res.wdq.netEffect);
        }
    }
};

QTEST_GUILESS_MAIN(TestImpactReference)
#include "test_impact_reference.moc"
