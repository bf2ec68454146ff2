// SPDX-License-Identifier: GPL-3.0-or-later
// Rolling-origin evaluation of the forecast models on held-out periods of the incidents: hit
// rate, PAI and PEI at 1, 2 and 5 % of the area, per period and on average. Writes nothing.
#include "../../argtext.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "scenariosupport.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cmath>
#include <map>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using P = ParameterDefinition;

namespace {

QVariant number(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

QVariantList numbers(const std::vector<double> &values)
{
    QVariantList a;
    for (double v : values)
        a << number(v);
    return a;
}

QString modelName(analytics::ForecastModel model)
{
    return QString::fromStdString(analytics::forecastModelName(model));
}

/// The scores of one held-out period and model, by name.
QVariantMap periodScore(const analytics::PeriodScore &s)
{
    QVariantMap m;
    m.insert(QStringLiteral("model"), modelName(s.model));
    m.insert(QStringLiteral("trainingEvents"), qlonglong(s.trainingEvents));
    std::vector<double> hit, pai, pei;
    for (const analytics::HitMetrics &h : s.metrics) {
        hit.push_back(h.hitRate);
        pai.push_back(h.pai);
        pei.push_back(h.pei);
    }
    m.insert(QStringLiteral("hitRate"), numbers(hit));
    m.insert(QStringLiteral("pai"), numbers(pai));
    m.insert(QStringLiteral("pei"), numbers(pei));
    if (s.model == analytics::ForecastModel::Sepp) {
        m.insert(QStringLiteral("theta"), number(s.theta));
        m.insert(QStringLiteral("omega"), number(s.omega));
        m.insert(QStringLiteral("sigma"), number(s.sigma));
    }
    return m;
}

/// The table as figures: the averages per model, and the scores per held-out period.
void tableFigures(AlgorithmContext &ctx, const analytics::EvaluationTable &t)
{
    ctx.figure(QStringLiteral("areaFractions"), numbers(t.areaFractions));
    ctx.figure(QStringLiteral("horizonDays"), t.horizonDays);
    ctx.figure(QStringLiteral("windowCells"), qlonglong(t.windowCells));
    QVariantList models;
    for (const analytics::ModelSummary &s : t.summary)
        models << QVariantMap{{QStringLiteral("model"), modelName(s.model)},
                              {QStringLiteral("periodsScored"), s.periodsScored},
                              {QStringLiteral("hitRate"), numbers(s.meanHitRate)},
                              {QStringLiteral("pai"), numbers(s.meanPai)},
                              {QStringLiteral("pei"), numbers(s.meanPei)}};
    ctx.figure(QStringLiteral("models"), models);
    // Scores are period-major; a model that could not be fitted on a period is absent from it,
    // so they are grouped by origin, given by index and days after the first held-out period.
    std::map<double, QVariantList> byOrigin;
    for (const analytics::PeriodScore &s : t.scores)
        byOrigin[s.originDay] << periodScore(s);
    QVariantList periods;
    const double firstOrigin = byOrigin.empty() ? 0.0 : byOrigin.begin()->first;
    for (const auto &[originDay, scores] : byOrigin) {
        const double offset = originDay - firstOrigin;
        const auto index =
            t.horizonDays > 0 ? std::size_t(std::llround(offset / t.horizonDays)) : std::size_t(0);
        QVariantMap p{{QStringLiteral("index"), qlonglong(index)},
                      {QStringLiteral("offsetDays"), offset},
                      {QStringLiteral("scores"), scores}};
        if (index < t.testEvents.size())
            p.insert(QStringLiteral("events"), number(t.testEvents[index]));
        periods << p;
    }
    ctx.figure(QStringLiteral("periods"), periods);
}

/// The table, translated.
void tableText(AlgorithmContext &ctx, const analytics::EvaluationTable &t, int periods,
               double horizon, std::int64_t firstOrigin, double cellSize, double trainingDays)
{
    ctx.line(vigie::core::ScenarioRunner::tr(
                 "Rolling evaluation: %1 held-out period(s) of %2 day(s) from %3, cells of %4 "
                 "m (%5 in the study area), trained on the previous %6 days")
                 .arg(argText(periods), argText(horizon, 0, 'g', 3),
                      argText(localTime(firstOrigin, QStringLiteral("yyyy-MM-dd"))),
                      argText(cellSize), argText(t.windowCells), argText(trainingDays)));
    double events = 0;
    for (double e : t.testEvents)
        events += e;
    ctx.line(vigie::core::ScenarioRunner::tr("Incidents in the held-out periods: %1")
                 .arg(events, 0, 'f', 0));
    ctx.line(QString());
    QString head = vigie::core::ScenarioRunner::tr("Model").leftJustified(18);
    const QStringList measures{vigie::core::ScenarioRunner::tr("Hit rate"), QStringLiteral("PAI"),
                               QStringLiteral("PEI")};
    for (const QString &m : measures)
        for (double f : t.areaFractions)
            head += QStringLiteral("%1").arg(
                QStringLiteral("%1 %2%").arg(m, argText(100 * f, 0, 'g', 3)), 14);
    ctx.line(head);
    for (const analytics::ModelSummary &m : t.summary) {
        QString row = modelName(m.model).leftJustified(18);
        for (const std::vector<double> *v : {&m.meanHitRate, &m.meanPai, &m.meanPei})
            for (std::size_t k = 0; k < v->size(); ++k)
                row += QStringLiteral("%1").arg(
                    QString::number((*v)[k], 'f', v == &m.meanPai ? 2 : 3), 14);
        ctx.line(row + QStringLiteral("   (%1)").arg(vigie::core::ScenarioRunner::tr(
                           "%n period(s)", nullptr, m.periodsScored)));
    }
}

class ForecastEvaluationAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("forecast_evaluation"); }
    QString title() const override
    {
        return vigie::core::ScenarioRunner::tr("Forecast evaluation");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Forecast; }
    QString explanation() const override
    {
        return vigie::core::ScenarioRunner::tr(
            "Scores the forecast models on held-out periods of the incidents (each "
            "forecast learnt only from what came before): hit rate, PAI and PEI at 1, 2 "
            "and 5 % of the area. Writes nothing to the workspace.");
    }
    bool usesPointSelection() const override { return false; }
    bool keepsResults() const override { return false; }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p{
            P::text(QStringLiteral("models"), vigie::core::ScenarioRunner::tr("Models"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Models compared, comma-separated: sepp, prospective-kde, "
                    "last-period (empty: all three).")),
            periodParameter(vigie::core::ScenarioRunner::tr(
                "Length of each held-out period: a shift (8 hours), a day, "
                "a week or a calendar month.")),
            P::integer(QStringLiteral("periods"),
                       vigie::core::ScenarioRunner::tr("Held-out periods"), 12, 1, 520)
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Number of held-out periods, the last ending at the end.")),
            P::dateTime(QStringLiteral("end"), vigie::core::ScenarioRunner::tr("End"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "End of the last held-out period (ISO date); empty: the day "
                    "after the last incident.")),
            cellSizeParameter(
                250, 50, 2000,
                vigie::core::ScenarioRunner::tr("Cell size of the risk grid in metres."))};
        for (ParameterDefinition &d : forecastModelParameters(QStringLiteral("sepp")))
            if (d.name() != QLatin1String("model"))
                p.push_back(std::move(d));
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const analytics::ForecastPeriod period =
            periodNamed(values.choice(QStringLiteral("period"))).period;
        const bool monthly = period == analytics::ForecastPeriod::Month;
        const double horizon = analytics::periodDays(period);
        const int periods = int(values.integer(QStringLiteral("periods")));
        const double cs = values.number(QStringLiteral("cellSize"));
        const ForecastSetup f = forecastSetup(values);
        const double trainingDays = f.params.trainingDays;
        const QString layer = ctx.selectionRequest().layer;
        const auto [dataMin, dataMax] = dataRange(ctx, layer);
        const std::int64_t end = values.has(QStringLiteral("end"))
                                     ? values.dateTime(QStringLiteral("end")).toSecsSinceEpoch()
                                     : (monthly ? nextMonthStart(dataMax) : nextMidnight(dataMax));
        const std::int64_t firstOrigin =
            monthly ? addMonths(end, -periods)
                    : end - std::int64_t(std::llround(periods * horizon * 86400.0));
        const AnalysisSelection &request = ctx.selectionRequest();
        const std::int64_t from =
            request.from != LayerSnapshot::kNoTime
                ? request.from
                : std::max(dataMin, firstOrigin - std::int64_t(trainingDays * 86400.0));
        if (firstOrigin <= from)
            invalidParameter(QStringLiteral("periods"),
                             vigie::core::ScenarioRunner::tr(
                                 "the held-out periods leave no history to learn from"));
        const Selection s = ctx.selectPoints(request, from, end - 1);
        analytics::EvaluationParams ep;
        ep.forecast.trainingDays = f.params.trainingDays;
        ep.forecast.kde.bandwidth = f.params.kde.bandwidth;
        ep.forecast.kde.halfLifeDays = f.params.kde.halfLifeDays;
        ep.forecast.sepp = f.params.sepp;
        ep.forecast.grid = GridSpec::covering(s.bounds.left(), s.bounds.top(), s.bounds.right(),
                                              s.bounds.bottom(), cs);
        ep.window = s.window.empty() ? std::vector<std::uint8_t>()
                                     : rasterizeMask(s.window, ep.forecast.grid);
        ep.forecast.horizonDays = horizon;
        ep.firstOriginDay = double(firstOrigin - s.t0) / 86400.0;
        ep.periods = periods;
        if (monthly) { // calendar months, each of its own length
            for (int k = 0; k <= periods; ++k)
                ep.boundaries.push_back(double(addMonths(firstOrigin, k) - s.t0) / 86400.0);
            ep.forecast.previousPeriodDays =
                double(firstOrigin - addMonths(firstOrigin, -1)) / 86400.0;
        }
        QStringList models;
        for (const QString &m :
             values.text(QStringLiteral("models"))
                 .split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts))
            if (!m.trimmed().isEmpty())
                models << m.trimmed();
        if (!models.isEmpty())
            ep.models.clear();
        for (const QString &m : models) {
            const auto fm = analytics::parseForecastModel(m.toLower().toStdString());
            if (!fm)
                invalidParameter(QStringLiteral("models"),
                                 vigie::core::ScenarioRunner::tr(
                                     "\"%1\" is not sepp, prospective-kde or last-period")
                                     .arg(m));
            ep.models.push_back(*fm);
        }
        const analytics::EvaluationTable table =
            analytics::evaluateForecasts(s.points(), ep, ctx.feedback());
        tableText(ctx, table, periods, monthly ? table.horizonDays : horizon, firstOrigin, cs,
                  trainingDays);
        tableFigures(ctx, table);
    }
};

} // namespace

std::unique_ptr<Algorithm> forecastEvaluationAlgorithm()
{
    return std::make_unique<ForecastEvaluationAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
