// SPDX-License-Identifier: GPL-3.0-or-later
// Forecasting without references: hit rate / PAI / PEI on hand-made rankings, per-cell counts,
// last-period and prospective-KDE baselines, SEPP expected counts and intensity on a hand-built
// model, a small SEPP fit (determinism, progress), the rolling evaluation table, cancellation and
// invalid parameters.
#include "analytics/forecast.h"
#include "analytics/sepp.h"
#include "seppsimulation.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace vigie::analytics;
using vigie::testsupport::SeppTruth;
using vigie::testsupport::simulateSepp;
using vigie::testsupport::squareGrid;

namespace {

GridSpec smallGrid(int cols, int rows, double cell = 100)
{
    GridSpec g;
    g.xMin = 0;
    g.yMin = 0;
    g.cellSize = cell;
    g.cols = cols;
    g.rows = rows;
    return g;
}

double sum(const std::vector<double> &v)
{
    double s = 0;
    for (double a : v)
        s += a;
    return s;
}

template <typename F> void expectInvalid(F &&f, const char *fragment)
{
    try {
        f();
        QFAIL(qPrintable(QStringLiteral("no std::invalid_argument for %1").arg(fragment)));
    } catch (const std::invalid_argument &e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
}

} // namespace

class TestForecastUnit : public QObject
{
    Q_OBJECT

private slots:
    void metricsHandMade()
    {
        // 10 cells; risk ranks cells 0..9 in order; observed 4,0,3,1,0,0,2,0,0,0 (N = 10).
        const std::vector<double> risk{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        const std::vector<double> obs{4, 0, 3, 1, 0, 0, 2, 0, 0, 0};
        const std::vector<double> fractions{0.1, 0.2, 0.3, 1.0};
        const auto m = hitMetrics(risk, obs, fractions);
        QCOMPARE(m.size(), std::size_t(4));
        // 10 %: 1 cell, 4 hits; hit rate 0.4; PAI 0.4 / 0.1 = 4; best single cell 4 -> PEI 1.
        QCOMPARE(m[0].cells, std::size_t(1));
        QCOMPARE(m[0].hits, 4.0);
        QCOMPARE(m[0].events, 10.0);
        QCOMPARE(m[0].hitRate, 0.4);
        QCOMPARE(m[0].pai, 4.0);
        QCOMPARE(m[0].pei, 1.0);
        // 20 %: cells 0,1 -> 4 hits; best two cells 4 + 3 = 7; PAI 0.4/0.2 = 2; PEI 4/7.
        QCOMPARE(m[1].hits, 4.0);
        QCOMPARE(m[1].pai, 2.0);
        QCOMPARE(m[1].bestHits, 7.0);
        QVERIFY(std::abs(m[1].pei - 4.0 / 7.0) < 1e-15);
        // 30 %: cells 0..2 -> 7 hits; best 4+3+2 = 9.
        QCOMPARE(m[2].hits, 7.0);
        QVERIFY(std::abs(m[2].pai - 0.7 / 0.3) < 1e-12);
        QVERIFY(std::abs(m[2].pei - 7.0 / 9.0) < 1e-15);
        // 100 %: everything; PAI 1, PEI 1.
        QCOMPARE(m[3].hitRate, 1.0);
        QCOMPARE(m[3].pai, 1.0);
        QCOMPARE(m[3].pei, 1.0);
    }

    void metricsTiesAndWindow()
    {
        // Constant risk: every cut is inside one tied group -> expected hits pro rata, PAI = 1.
        const std::vector<double> flat(20, 1.0);
        std::vector<double> obs(20, 0.0);
        obs[3] = 5;
        obs[7] = 1;
        const std::vector<double> fractions{0.05, 0.25, 0.5};
        for (const HitMetrics &h : hitMetrics(flat, obs, fractions)) {
            QVERIFY(std::abs(h.pai - 1.0) < 1e-12);
            QVERIFY(std::abs(h.hitRate - h.areaFraction) < 1e-12);
        }
        // Tie at the cut: risk 3, 2, 2, 2, 1 ... with observed 0, 3, 0, 0 -> top 2 cells = cell 0
        // plus 1/3 of the tied group's 3 hits = 1 hit expected.
        const std::vector<double> risk{3, 2, 2, 2, 1, 0, 0, 0, 0, 0};
        const std::vector<double> obs2{0, 3, 0, 0, 1, 0, 0, 0, 0, 0};
        const std::vector<double> f2{0.2};
        const auto m = hitMetrics(risk, obs2, f2);
        QVERIFY(std::abs(m[0].hits - 1.0) < 1e-12);
        // Window: cells outside count neither in A nor in N; NaN risk ranks last.
        const std::vector<double> risk3{5, 4, std::nan(""), 2};
        const std::vector<double> obs3{1, 0, 3, 100};
        const std::vector<std::uint8_t> window{1, 1, 1, 0};
        const std::vector<double> f3{0.34};
        const auto w = hitMetrics(risk3, obs3, f3, window);
        QCOMPARE(w[0].cells, std::size_t(1));
        QCOMPARE(w[0].events, 4.0);
        QCOMPARE(w[0].hits, 1.0);
        QCOMPARE(w[0].bestHits, 3.0);
        QVERIFY(std::abs(w[0].pai - 0.25 * 3) < 1e-12);
        // No event: NaN.
        const std::vector<double> none(4, 0.0);
        QVERIFY(std::isnan(hitMetrics(risk3, none, f3)[0].pai));
    }

    void countsAndLastPeriod()
    {
        const GridSpec g = smallGrid(3, 2);
        const std::vector<double> x{50, 50, 250, 150, 150, 999}, y{150, 150, 50, 50, 50, 50};
        const std::vector<double> t{0.0, 6.99, 7.0, 13.5, 14.0, 10};
        const PointSet ps{x, y, {}, t};
        const auto c = countPerCell(ps, g, 0, 7);
        QCOMPARE(sum(c), 2.0);
        QCOMPARE(c[g.index(0, 0)], 2.0); // row 0 is the top (y in [100, 200])
        ForecastParams fp;
        fp.grid = g;
        fp.originDay = 14;
        fp.horizonDays = 7;
        const ForecastResult r = forecast(ps, ForecastModel::LastPeriod, fp);
        // [7, 14): the event at 7.0 in cell (2, 1) and 13.5 in (1, 1); 999 is outside; 14 excluded.
        QCOMPARE(sum(r.expected.values), 2.0);
        QCOMPARE(r.expected.values[g.index(2, 1)], 1.0);
        QCOMPARE(r.expected.values[g.index(1, 1)], 1.0);
    }

    void prospectiveKde()
    {
        // Two far-apart events, ages 0+ and one half-life: weights 1 and 1/2.
        const GridSpec g = smallGrid(40, 20, 50);
        const std::vector<double> x{500, 1500}, y{500, 500}, t{99.999, 86};
        const PointSet ps{x, y, {}, t};
        ProspectiveKdeParams kp;
        kp.bandwidth = 60;
        kp.halfLifeDays = 14;
        const double horizon = 7;
        const Raster r = prospectiveKdeForecast(ps, g, 100, horizon, 1e9, kp);
        double left = 0, right = 0;
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col)
                (col < 20 ? left : right) += r.at(col, row);
        const double w1 = std::exp2(-0.001 / 14), w2 = 0.5;
        QVERIFY2(std::abs(left / right - w1 / w2) < 1e-6,
                 qPrintable(QString::number(left / right)));
        // Total = weighted rate * horizon, the weight integrating to halfLife / ln 2 over the past.
        const double expectedTotal = (w1 + w2) / (14 / std::numbers::ln2) * horizon;
        QVERIFY(std::abs((left + right) - expectedTotal) < 1e-9);
        // The peak is at the newer event's cell.
        QVERIFY(r.at(10, 9) > r.at(30, 9));
        // Events at or after the origin, or older than the training window, are ignored.
        const Raster r2 = prospectiveKdeForecast(ps, g, 90, horizon, 5, kp);
        // Window [85, 90): only the event of day 86 (age 4 days).
        const double rate2 =
            std::exp2(-4.0 / 14) / (14 / std::numbers::ln2 * (1 - std::exp2(-5.0 / 14)));
        QVERIFY(std::abs(sum(r2.values) - rate2 * horizon) < 1e-9);
        QVERIFY(r2.at(10, 9) < 1e-12);
    }

    void seppExpectedCountsHandBuilt()
    {
        SeppModel m;
        m.grid = smallGrid(10, 10);
        m.background.assign(100, 1.0 / (100 * m.grid.cellArea())); // uniform density
        m.mu = 2;
        m.theta = 0.5;
        m.omega = 1;
        m.sigma = 1; // tiny: the offspring stay in the parent's cell
        m.maxTriggerDays = 60;
        m.x = {450};
        m.y = {550};
        m.t = {0};
        m.endDay = 0;
        const Raster r = seppExpectedCounts(m, 0, 1);
        const double trig = 0.5 * (1 - std::exp(-1.0));
        QVERIFY(std::abs(sum(r.values) - (2.0 + trig)) < 1e-9);
        QVERIFY(std::abs(r.at(4, 4) - (0.02 + trig)) < 1e-9);
        QVERIFY(std::abs(r.at(0, 0) - 0.02) < 1e-12);
        // Later period [2, 9): decay exp(-2) - exp(-9).
        const Raster r2 = seppExpectedCounts(m, 2, 7);
        QVERIFY(std::abs(r2.at(4, 4) - (2.0 * 7 / 100 + 0.5 * (std::exp(-2.0) - std::exp(-9.0)))) <
                1e-9);
        // Intensity at the parent's location one day later.
        const double lambda = seppIntensity(m, 450, 550, 1);
        const double expected =
            2.0 / (100 * m.grid.cellArea()) + 0.5 * std::exp(-1.0) / (2 * std::numbers::pi);
        QVERIFY(std::abs(lambda / expected - 1) < 1e-12);
        expectInvalid([&] { seppExpectedCounts(m, 0, 0); }, "durationDays");
    }

    void seppFitSmall()
    {
        SeppTruth truth;
        truth.side = 5000;
        truth.days = 200;
        truth.mu = 4;
        const auto sim = simulateSepp(truth, 11);
        SeppParams p;
        p.grid = squareGrid(truth, 250);
        p.startDay = 0;
        p.endDay = truth.days;
        std::vector<double> progress;
        Feedback fb([&](double percent, const std::string &) { progress.push_back(percent); });
        const SeppModel a = fitSepp(sim.set(), p, &fb);
        QVERIFY(a.converged);
        QVERIFY(a.theta > 0.2 && a.theta < 0.6);
        QVERIFY(a.omega > 0.25 && a.omega < 1);
        QVERIFY(a.sigma > 60 && a.sigma < 150);
        QCOMPARE(a.x.size() + a.ignoredEvents, sim.x.size());
        QVERIFY(!progress.empty() && progress.back() == 100.0);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        double bgSum = 0;
        for (double b : a.background)
            bgSum += b * p.grid.cellArea();
        QVERIFY(std::abs(bgSum - 1) < 1e-9);
        // Deterministic, including the spreading of coarse times with the seed.
        p.timeResolutionDays = 1;
        p.seed = 5;
        const SeppModel b1 = fitSepp(sim.set(), p);
        const SeppModel b2 = fitSepp(sim.set(), p);
        QCOMPARE(b1.theta, b2.theta);
        QCOMPARE(b1.sigma, b2.sigma);
        QCOMPARE(b1.t, b2.t);
        p.seed = 6;
        QVERIFY(fitSepp(sim.set(), p).t != b1.t);
        // The forecast through forecast(): expected counts, total about mu*horizon + triggering.
        ForecastParams fp;
        fp.grid = p.grid;
        fp.originDay = truth.days;
        fp.horizonDays = 1;
        const ForecastResult fr = forecast(sim.set(), ForecastModel::Sepp, fp);
        QVERIFY(fr.sepp.has_value());
        QVERIFY(sum(fr.expected.values) > fr.sepp->mu * 0.999);
    }

    void evaluationTable()
    {
        SeppTruth truth;
        truth.side = 5000;
        truth.days = 120;
        truth.mu = 4;
        truth.clusteredShare = 0.5;
        const auto sim = simulateSepp(truth, 3);
        EvaluationParams ep;
        ep.forecast.grid = squareGrid(truth, 250);
        ep.forecast.horizonDays = 7;
        ep.forecast.trainingDays = 90;
        ep.firstOriginDay = 92;
        ep.periods = 3;
        const EvaluationTable t = evaluateForecasts(sim.set(), ep);
        QCOMPARE(t.scores.size(), std::size_t(9));
        QCOMPARE(t.summary.size(), std::size_t(3));
        QCOMPARE(t.windowCells, std::size_t(400));
        QCOMPARE(t.testEvents.size(), std::size_t(3));
        for (const ModelSummary &m : t.summary) {
            QCOMPARE(m.periodsScored, 3);
            QCOMPARE(m.meanPai.size(), std::size_t(3));
            for (std::size_t f = 0; f < 3; ++f) {
                QVERIFY(m.meanPei[f] >= 0 && m.meanPei[f] <= 1 + 1e-12);
                QVERIFY(std::abs(m.meanPai[f] -
                                 m.meanHitRate[f] / (std::round(t.areaFractions[f] * 400) / 400)) <
                        1e-9);
            }
        }
        const std::string text = formatEvaluationTable(t);
        qInfo().noquote() << QString::fromStdString(text);
        QVERIFY(text.find("sepp") != std::string::npos);
        QVERIFY(text.find("prospective-kde") != std::string::npos);
        QVERIFY(text.find("last-period") != std::string::npos);
        QVERIFY(text.find("PAI@1") != std::string::npos);
    }

    void names()
    {
        for (ForecastModel m :
             {ForecastModel::Sepp, ForecastModel::ProspectiveKde, ForecastModel::LastPeriod})
            QCOMPARE(parseForecastModel(forecastModelName(m)), std::optional<ForecastModel>(m));
        QVERIFY(!parseForecastModel("nope"));
        QCOMPARE(periodDays(ForecastPeriod::Shift), 1.0 / 3.0);
        QCOMPARE(periodDays(ForecastPeriod::Week), 7.0);
    }

    void cancellation()
    {
        SeppTruth truth;
        truth.side = 5000;
        truth.days = 100;
        truth.mu = 4;
        const auto sim = simulateSepp(truth, 2);
        SeppParams p;
        p.grid = squareGrid(truth, 250);
        Feedback already;
        already.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, fitSepp(sim.set(), p, &already));
        // Cancelled from the progress callback during the EM.
        Feedback *self = nullptr;
        int calls = 0;
        Feedback during([&](double, const std::string &) {
            if (++calls == 3)
                self->cancel();
        });
        self = &during;
        QVERIFY_THROWS_EXCEPTION(Canceled, fitSepp(sim.set(), p, &during));
        // The evaluation forwards the cancellation into the nested fits.
        EvaluationParams ep;
        ep.forecast.grid = p.grid;
        ep.firstOriginDay = 70;
        ep.periods = 3;
        Feedback *self2 = nullptr;
        int calls2 = 0;
        Feedback evalFb([&](double, const std::string &) {
            if (++calls2 == 4)
                self2->cancel();
        });
        self2 = &evalFb;
        QVERIFY_THROWS_EXCEPTION(Canceled, evaluateForecasts(sim.set(), ep, &evalFb));
    }

    void invalidParameters()
    {
        const std::vector<double> x{1, 2, 3}, y{1, 2, 3}, t{0, 1, 2};
        const PointSet ps{x, y, {}, t};
        const PointSet noTime{x, y, {}, {}};
        SeppParams good;
        good.grid = smallGrid(5, 5);
        const auto withSepp = [&](auto change, const char *fragment) {
            SeppParams p = good;
            change(p);
            expectInvalid([&] { fitSepp(ps, p); }, fragment);
        };
        withSepp([](SeppParams &p) { p.grid.cols = 0; }, "grid");
        withSepp([](SeppParams &p) { p.grid.cellSize = -1; }, "cellSize");
        withSepp([](SeppParams &p) { p.maxTriggerDistance = 0; }, "maxTriggerDistance");
        withSepp([](SeppParams &p) { p.maxTriggerDays = -1; }, "maxTriggerDays");
        withSepp([](SeppParams &p) { p.backgroundBandwidth = -1; }, "backgroundBandwidth");
        withSepp([](SeppParams &p) { p.initialTheta = 1; }, "initialTheta");
        withSepp([](SeppParams &p) { p.initialOmega = 0; }, "initialOmega");
        withSepp([](SeppParams &p) { p.initialSigma = std::nan(""); }, "initialSigma");
        withSepp([](SeppParams &p) { p.minSigma = 0; }, "minSigma");
        withSepp([](SeppParams &p) { p.maxIterations = 0; }, "maxIterations");
        withSepp([](SeppParams &p) { p.tolerance = 0; }, "tolerance");
        withSepp([](SeppParams &p) { p.timeResolutionDays = -1; }, "timeResolutionDays");
        withSepp(
            [](SeppParams &p) {
                p.startDay = 5;
                p.endDay = 5;
            },
            "time window");
        withSepp([](SeppParams &p) { p.grid.xMin = 1000; }, "fewer than 2 events");
        expectInvalid([&] { fitSepp(noTime, good); }, "time t");

        const std::vector<double> r{1, 2}, o{1, 2}, o3{1, 2, 3};
        const std::vector<double> bad{0.0}, fine{0.5};
        expectInvalid([&] { hitMetrics(r, o3, fine); }, "differ in size");
        expectInvalid([&] { hitMetrics(r, o, bad); }, "areaFractions");
        const std::vector<std::uint8_t> empty{0, 0};
        expectInvalid([&] { hitMetrics(r, o, fine, empty); }, "window");

        ForecastParams fp;
        fp.grid = smallGrid(5, 5);
        fp.horizonDays = 0;
        expectInvalid([&] { forecast(ps, ForecastModel::LastPeriod, fp); }, "horizonDays");
        fp.horizonDays = 7;
        fp.kde.halfLifeDays = 0;
        expectInvalid([&] { forecast(ps, ForecastModel::ProspectiveKde, fp); }, "halfLifeDays");
        fp.kde.halfLifeDays = 14;
        fp.kde.bandwidth = 0;
        expectInvalid([&] { forecast(ps, ForecastModel::ProspectiveKde, fp); }, "bandwidth");

        EvaluationParams ep;
        ep.forecast.grid = smallGrid(5, 5);
        ep.periods = 0;
        expectInvalid([&] { evaluateForecasts(ps, ep); }, "periods");
        ep.periods = 2;
        ep.areaFractions = {1.5};
        expectInvalid([&] { evaluateForecasts(ps, ep); }, "areaFractions");
        ep.areaFractions = {0.01};
        ep.window = {1, 0};
        expectInvalid([&] { evaluateForecasts(ps, ep); }, "window");
        ep.window.clear();
        ep.forecast.sepp.maxTriggerDays = 0;
        expectInvalid([&] { evaluateForecasts(ps, ep); }, "maxTriggerDays");
    }
};

QTEST_GUILESS_MAIN(TestForecastUnit)
#include "test_forecast_unit.moc"
