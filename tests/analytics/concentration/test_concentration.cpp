// SPDX-License-Identifier: GPL-3.0-or-later
// analytics::concentration on counts whose Gini and shares are known by hand, and the
// repeat_location algorithm run on the demo workspace through the processing runner, checked
// against R computed at test time from the raw incident coordinates. No Gini package is in
// Debian 12 (ineq, DescTools and reldist are not packaged), so R computes it from its
// definition as the mean absolute difference over twice the mean (Gini 1912), a formula
// independent of Vigie's rank formula; the shares and the curve use R's sort, cumsum and approx.
#include "analytics/concentration.h"
#include "processing/algorithm.h"
#include "referencesupport.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

using namespace vigie;
using namespace vigie::core;

namespace {

std::vector<double> column(Store &store, const QString &sql)
{
    std::vector<double> out;
    sqlite3_stmt *st = nullptr;
    const QByteArray b = sql.toUtf8();
    if (sqlite3_prepare_v2(store.handle(), b.constData(), -1, &st, nullptr) != SQLITE_OK)
        return out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.push_back(sqlite3_column_double(st, 0));
    sqlite3_finalize(st);
    return out;
}

constexpr double kTolerance = 1e-12; // relative; both sides sum the same integers in doubles

} // namespace

class TestConcentration : public QObject
{
    Q_OBJECT

private slots:
    void knownByHand()
    {
        const double fr[] = {0.25, 0.5};
        const double inc[] = {0.5};
        // Equal counts: no concentration.
        const std::vector<double> equal{3, 3, 3, 3};
        auto r = analytics::concentration(equal, fr, inc, 4);
        QCOMPARE(r.gini, 0.0);
        QCOMPARE(r.incidentShareOfTop[0], 0.25);
        QCOMPARE(r.unitShareHolding[0], 0.5);
        // One unit holds all: G = (n - 1) / n.
        const std::vector<double> one{0, 0, 9, 0};
        r = analytics::concentration(one, fr, inc, 4);
        QCOMPARE(r.gini, 0.75);
        QCOMPARE(r.incidentShareOfTop[0], 1.0);
        QCOMPARE(r.unitShareHolding[0], 0.125); // half of the top unit
        QCOMPARE(r.order[0], std::size_t(2));
        // 1, 2, 3, 4: sum |xi - xj| = 20 over ordered pairs, / (2 n^2 mean) = 20 / 80.
        const std::vector<double> ramp{1, 2, 3, 4};
        r = analytics::concentration(ramp, fr, inc, 4);
        QVERIFY(std::abs(r.gini - 0.25) < 1e-15);
        QCOMPARE(r.incidentShareOfTop[0], 0.4); // the 4 of 10
        QCOMPARE(r.incidentShareOfTop[1], 0.7);
        QCOMPARE(r.curve, (std::vector<double>{0, 0.4, 0.7, 0.9, 1.0}));
        // Bad input is refused.
        const std::vector<double> none{0, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, analytics::concentration(none, fr, inc));
        const std::vector<double> negative{1, -1};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 analytics::concentration(negative, fr, inc));
    }

    void algorithmAgainstR_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("size");
        QTest::newRow("places-25m") << QStringLiteral("place") << 25.0;
        QTest::newRow("cells-100m") << QStringLiteral("cell") << 100.0;
    }

    void algorithmAgainstR()
    {
        QFETCH(QString, unit);
        QFETCH(double, size);
        if (!testsupport::haveProgram(QStringLiteral("Rscript")))
            QSKIP("Rscript is not installed (packaging/install-deps.sh --tests installs it)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.vigie"));
        QVERIFY(QFile::copy(testsupport::demoStorePath(), path));
        auto store = Store::open(path);
        QVERIFY(store.ok());

        processing::AlgorithmRun run;
        run.algorithm = QStringLiteral("repeat_location");
        run.parameters = {{QStringLiteral("unit"), unit},
                          {unit == QLatin1String("place") ? QStringLiteral("tolerance")
                                                          : QStringLiteral("cellSize"),
                           size}};
        auto out = processing::ProcessingRunner::run(**store, run);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
        qInfo("%s", qPrintable(out->summaryText));
        const QVariantMap &s = out->summary;

        // The layer holds every incident once: its counts sum to the points analysed.
        const std::vector<double> layerCounts = column(
            **store,
            QStringLiteral("SELECT incidents FROM \"%1\" ORDER BY rang").arg(out->resultLayer));
        double sum = 0;
        for (double c : layerCounts)
            sum += c;
        QCOMPARE(sum, double(out->inputCount));
        QVERIFY(std::is_sorted(layerCounts.rbegin(), layerCounts.rend()));

        // R: for places from the raw coordinates (its own grouping), for cells from the counts.
        const testsupport::Points points = testsupport::demoIncidents();
        QCOMPARE(points.size(), out->inputCount);
        const QString in = dir.filePath(QStringLiteral("in.csv"));
        const QString res = dir.filePath(QStringLiteral("r.csv"));
        if (unit == QLatin1String("place"))
            QVERIFY(testsupport::writeCsv(in, {QStringLiteral("x"), QStringLiteral("y")},
                                          {points.x, points.y}));
        else
            QVERIFY(testsupport::writeCsv(in, {QStringLiteral("count")}, {layerCounts}));
        const QString script = QStringLiteral(R"(
d <- read.csv("%1")
if ("%3" == "place") {
  counts <- as.vector(table(paste(round(d$x / %4), round(d$y / %4))))
} else {
  counts <- d$count
}
n <- length(counts); total <- sum(counts)
# Gini as the mean absolute difference over twice the mean, over the distinct counts.
f <- table(counts); v <- as.numeric(names(f)); w <- as.numeric(f)
gini <- sum(outer(w, w) * abs(outer(v, v, "-"))) / (2 * n^2 * (total / n))
cum <- c(0, cumsum(sort(counts, decreasing = TRUE)))
held <- function(p) approx(0:n, cum, xout = p * n)$y / total
units <- function(q) approx(cum, 0:n, xout = q * total, ties = "ordered")$y / n
out <- data.frame(n = n, total = total, gini = gini, top1 = held(0.01), top5 = held(0.05),
                  top10 = held(0.10), top20 = held(0.20), for50 = units(0.5), for80 = units(0.8),
                  repeatShare = sum(counts[counts >= 2]) / total, repeatUnits = sum(counts >= 2),
                  curve10 = held(0.5))
write.csv(out, "%2", row.names = FALSE)
)")
                                   .arg(in, res, unit, QString::number(size));
        const testsupport::ToolRun r = testsupport::runR(script);
        QVERIFY2(r.exitCode == 0, qPrintable(r.stdErr));
        QStringList header;
        const auto cols = testsupport::readCsv(res, &header);
        QVERIFY(!cols.empty());
        const auto ref = [&](const char *name) {
            const qsizetype i = header.indexOf(QString::fromLatin1(name));
            return i >= 0 ? cols[std::size_t(i)][0] : std::nan("");
        };
        QCOMPARE(s.value(QStringLiteral("units")).toDouble(), ref("n"));
        QCOMPARE(s.value(QStringLiteral("incidents")).toDouble(), ref("total"));
        QCOMPARE(s.value(QStringLiteral("repeatUnits")).toDouble(), ref("repeatUnits"));
        const std::pair<const char *, const char *> pairs[] = {
            {"gini", "gini"},        {"shareTop1", "top1"},         {"shareTop5", "top5"},
            {"shareTop10", "top10"}, {"shareTop20", "top20"},       {"unitsFor50", "for50"},
            {"unitsFor80", "for80"}, {"repeatShare", "repeatShare"}};
        for (const auto &[ours, theirs] : pairs) {
            const double a = s.value(QLatin1String(ours)).toDouble(), b = ref(theirs);
            qInfo("%-12s Vigie %.15f  R %.15f  diff %.2e", ours, a, b, std::abs(a - b));
            QVERIFY2(std::abs(a - b) <= kTolerance * std::max(1.0, std::abs(b)), ours);
        }
        const QVariantList curve = s.value(QStringLiteral("curve")).toList();
        QCOMPARE(curve.size(), 21);
        QVERIFY(std::abs(curve[10].toDouble() - ref("curve10")) <= kTolerance);
    }
};

QTEST_GUILESS_MAIN(TestConcentration)
#include "test_concentration.moc"
