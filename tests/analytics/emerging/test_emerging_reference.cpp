// SPDX-License-Identifier: GPL-3.0-or-later
// Emerging hot spots against R: the space-time Gi* against spdep::localG on a space-time
// neighbour list that R builds itself (dnearneigh between cells x the time window), and the
// Mann-Kendall trend of each cell against R's cor.test(method = "kendall", exact = FALSE,
// continuity = TRUE) plus S and Var(S) computed by R from the classical formula (the Kendall
// package is not in Debian).

#include "referencesupport.h"

#include "analytics/emerging.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace vigie::analytics;
using namespace vigie::testsupport;

namespace {

double maxDiff(const std::vector<double> &a, const std::vector<double> &b, const char *what)
{
    if (a.size() != b.size()) {
        qWarning("%s: %zu values here, %zu in R", what, a.size(), b.size());
        return INFINITY;
    }
    double worst = 0.0;
    QString first;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i])) {
            qWarning("%s: value %zu is %g here and %g in R", what, i, a[i], b[i]);
            return INFINITY;
        }
        if (!std::isnan(a[i]))
            worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(1.0, std::abs(b[i])));
        if (i < 6)
            first += QString::number(b[i], 'g', 10) + u' ';
    }
    const auto [mn, mx] = std::minmax_element(b.begin(), b.end());
    qInfo("  %-34s R: n=%zu first [%s] min %.6g max %.6g | max diff %.3g", what, b.size(),
          qPrintable(first.trimmed()), *mn, *mx, worst);
    return worst;
}

} // namespace

class TestEmergingReference : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void spaceTimeGiStarAndTrendOnDemo()
    {
        QVERIFY(m_dir.isValid());
        if (!haveProgram(QStringLiteral("Rscript")))
            QFAIL("Rscript is missing: install r-base-core and r-cran-spdep "
                  "(packaging/install-deps.sh --tests)");
        const Points p = demoIncidents();
        QVERIFY(p.size() > 1000);
        const auto [xmin, xmax] = std::minmax_element(p.x.begin(), p.x.end());
        const auto [ymin, ymax] = std::minmax_element(p.y.begin(), p.y.end());
        const GridSpec grid = GridSpec::covering(*xmin, *ymin, *xmax, *ymax, 1000.0);
        const int steps = 12; // quarters of 2023-2025
        const SpaceTimeCube cube = buildCube(p.pointSet(), grid, 0.0, 365.25 * 3 / steps, steps);
        const double distance = 1500.0; // queen neighbourhood of 1 km cells
        const int window = 1;
        const EmergingResult r = emergingHotSpots(cube, distance, window, false);

        // Analysed cells, their centres and their series, location-major for R.
        std::vector<double> cx, cy, value;
        std::vector<std::size_t> cells;
        for (std::size_t c = 0; c < grid.cellCount(); ++c)
            if (r.analysed[c]) {
                cells.push_back(c);
                cx.push_back(grid.centreX(int(c % std::size_t(grid.cols))));
                cy.push_back(grid.centreY(int(c / std::size_t(grid.cols))));
            }
        const std::size_t m = cells.size();
        std::vector<double> stepOf, locOf;
        std::vector<double> ourZ, ourTrendZ, ourTrendP;
        for (int s = 0; s < steps; ++s)
            for (std::size_t i = 0; i < m; ++i) {
                value.push_back(cube.at(s, cells[i]));
                ourZ.push_back(r.giZ[std::size_t(s) * grid.cellCount() + cells[i]]);
            }
        for (std::size_t i = 0; i < m; ++i) {
            ourTrendZ.push_back(r.trendZ[cells[i]]);
            ourTrendP.push_back(r.trendP[cells[i]]);
        }
        QVERIFY(writeCsv(m_dir.filePath("loc.csv"), {"x", "y"}, {cx, cy}));
        QVERIFY(writeCsv(m_dir.filePath("bins.csv"), {"v", "gz"}, {value, ourZ}));
        const QString script = QStringLiteral(R"R(
suppressPackageStartupMessages(library(spdep))
loc <- read.csv('%1'); bins <- read.csv('%2'); m <- nrow(loc); steps <- %3; w <- %4
sp <- include.self(dnearneigh(cbind(loc$x, loc$y), 0, %5))
# bin b = s * m + i (s from 0): neighbours are the spatial neighbours in steps s - w .. s
st <- vector('list', m * steps)
for (s in 0:(steps - 1)) for (i in 1:m) {
  window <- max(0, s - w):s
  st[[s * m + i]] <- sort(as.integer(c(outer(sp[[i]], window * m, '+'))))
}
class(st) <- 'nb'; attr(st, 'self.included') <- TRUE; attr(st, 'region.id') <- as.character(seq_along(st))
g <- as.numeric(localG(bins$v, nb2listw(st, style = 'B')))
# Mann-Kendall on each location's series of Gi* z-scores (ours, so that only the test differs)
gz <- matrix(bins$gz, nrow = m)
mk <- t(sapply(1:m, function(i) {
  x <- gz[i, ]; n <- length(x)
  S <- sum(sapply(1:(n - 1), function(a) sum(sign(x[(a + 1):n] - x[a]))))
  tt <- table(x); V <- (n * (n - 1) * (2 * n + 5) - sum(tt * (tt - 1) * (2 * tt + 5))) / 18
  ct <- suppressWarnings(cor.test(x, seq_len(n), method = 'kendall', exact = FALSE, continuity = TRUE))
  c(S, V, ct$statistic, ct$p.value, ct$estimate)
}))
df <- data.frame(g = g)
write.csv(data.frame(lapply(df, function(c) sprintf('%.17g', c))), '%6', row.names = FALSE, quote = FALSE)
mkd <- data.frame(S = mk[, 1], V = mk[, 2], z = mk[, 3], p = mk[, 4], tau = mk[, 5])
write.csv(data.frame(lapply(mkd, function(c) sprintf('%.17g', c))), '%7', row.names = FALSE, quote = FALSE)
cat('locations', m, 'bins', length(st), 'links', sum(card(st)), '\n')
)R")
                                   .arg(m_dir.filePath("loc.csv"), m_dir.filePath("bins.csv"))
                                   .arg(steps)
                                   .arg(window)
                                   .arg(distance, 0, 'g', 17)
                                   .arg(m_dir.filePath("g.csv"), m_dir.filePath("mk.csv"));
        const ToolRun run = runR(script, 240);
        QVERIFY2(run.exitCode == 0,
                 qPrintable(QStringLiteral("R failed: ") + run.stdErr.right(2000)));
        qInfo().noquote() << "R says:" << run.stdOut.trimmed();
        const auto g = readCsv(m_dir.filePath("g.csv"));
        const auto mk = readCsv(m_dir.filePath("mk.csv"));
        QCOMPARE(g.size(), std::size_t(1));
        QCOMPARE(mk.size(), std::size_t(5));
        qInfo("Demo incidents, %zu analysed 1 km cells x %d quarters, band %g m, window %d", m,
              steps, distance, window);
        QVERIFY(maxDiff(ourZ, g[0], "localG space-time Gi* z") < 1e-9);

        std::vector<double> s, v, tau;
        for (std::size_t i = 0; i < m; ++i) {
            std::vector<double> series;
            for (int st = 0; st < steps; ++st)
                series.push_back(ourZ[std::size_t(st) * m + i]);
            const MannKendall k = mannKendall(series);
            s.push_back(k.s);
            v.push_back(k.varianceS);
            tau.push_back(k.tau);
        }
        QVERIFY(maxDiff(s, mk[0], "Mann-Kendall S (formula in R)") < 1e-12);
        QVERIFY(maxDiff(v, mk[1], "Mann-Kendall Var(S) (formula in R)") < 1e-12);
        QVERIFY(maxDiff(ourTrendZ, mk[2], "cor.test kendall z") < 1e-9);
        QVERIFY(maxDiff(ourTrendP, mk[3], "cor.test kendall p") < 1e-9);
        QVERIFY(maxDiff(tau, mk[4], "cor.test kendall tau") < 1e-9);

        // The categories found (printed for the record).
        std::map<std::string, int> tally;
        for (std::size_t c : cells)
            ++tally[categoryKey(r.category[c])];
        QString summary;
        for (const auto &[k, n] : tally)
            summary += QStringLiteral("%1=%2 ").arg(QString::fromStdString(k)).arg(n);
        qInfo("  categories: %s", qPrintable(summary));
    }
};

QTEST_GUILESS_MAIN(TestEmergingReference)
#include "test_emerging_reference.moc"
