// SPDX-License-Identifier: GPL-3.0-or-later
// Forecast of the risk per cell for the next shift, day or week (SEPP, prospective KDE or last
// period's counts), with the priority cells of the riskiest 1, 2 and 5 % of the area.
#include "../../argtext.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "analytics/feedback.h"
#include "scenariosupport.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;

namespace {

/// The priority cells: the riskiest 1, 2 and 5 % of the study area, as polygons for briefings.
void writePriorityCells(AlgorithmContext &ctx, const Raster &r,
                        const std::vector<std::uint8_t> &mask, const Bilingual &title)
{
    std::vector<std::size_t> cells;
    for (std::size_t i = 0; i < r.values.size(); ++i)
        if (mask[i] && std::isfinite(r.values[i]))
            cells.push_back(i);
    std::stable_sort(cells.begin(), cells.end(),
                     [&](std::size_t a, std::size_t b) { return r.values[a] > r.values[b]; });
    auto top = [&](double share) {
        return std::max<std::size_t>(1, std::size_t(std::lround(share * double(cells.size()))));
    };
    const std::size_t n1 = top(0.01), n2 = top(0.02), n5 = top(0.05);
    LayerManifest pm = scenarioManifest(ctx, QStringLiteral("priorites"), GeometryType::Polygon,
                                        {title.fr + QStringLiteral(" — mailles prioritaires"),
                                         title.en + QStringLiteral(" — priority cells")});
    pm.fields = {
        field("rang", FieldType::Integer, {QStringLiteral("Rang"), QStringLiteral("Rank")}),
        field("attendus", FieldType::Real,
              {QStringLiteral("Incidents attendus"), QStringLiteral("Expected incidents")}),
        field("classe", FieldType::String, {QStringLiteral("Classe"), QStringLiteral("Class")})};
    pm.categoryField = QStringLiteral("classe");
    pm.categories = {
        category("top1", {QStringLiteral("1 % le plus à risque"), QStringLiteral("Riskiest 1 %")},
                 "#bd002660"),
        category("top2", {QStringLiteral("1 à 2 %"), QStringLiteral("1 to 2 %")}, "#f03b2040"),
        category("top5", {QStringLiteral("2 à 5 %"), QStringLiteral("2 to 5 %")}, "#fd8d3c30")};
    pm.symbology.stroke = QStringLiteral("#7a0019");
    pm.symbology.strokeWidth = 0.25;
    pm.symbology.zOrder = 30;
    ctx.addVectorLayer(pm);
    Store::Inserter ins(ctx.store(), pm.id);
    double sum1 = 0, sum5 = 0, total = 0;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        total += r.values[cells[k]];
        if (k < n1)
            sum1 += r.values[cells[k]];
        if (k < n5)
            sum5 += r.values[cells[k]];
        if (k >= n5)
            continue;
        FeatureRecord rec;
        rec.wkb = multiPolygonToWkb({cellRing(r.grid, cells[k])});
        rec.source = ctx.source();
        rec.values << qlonglong(k + 1) << r.values[cells[k]]
                   << QString(k < n1   ? QStringLiteral("top1")
                              : k < n2 ? QStringLiteral("top2")
                                       : QStringLiteral("top5"));
        ins.add(rec);
    }
    ctx.figure(QStringLiteral("expectedTotal"), total);
    ctx.figure(QStringLiteral("shareTop1"), total > 0 ? sum1 / total : 0.0);
    ctx.figure(QStringLiteral("shareTop5"), total > 0 ? sum5 / total : 0.0);
    ctx.figure(QStringLiteral("cells"), qlonglong(cells.size()));
    ctx.line(vigie::core::ScenarioRunner::tr(
                 "Expected incidents in the study area: %1 (%2 cells of %3 m)")
                 .arg(argText(fmt(total)), argText(cells.size()), argText(r.grid.cellSize)));
    ctx.line(vigie::core::ScenarioRunner::tr(
                 "The riskiest 1 % of the area holds %1 of the expected incidents, the "
                 "riskiest 5 % %2")
                 .arg(pct(total > 0 ? sum1 / total : 0), pct(total > 0 ? sum5 / total : 0)));
}

/// The forecast raster (no data outside the study area), then the priority cells.
void writeForecastLayers(AlgorithmContext &ctx, const Raster &expected,
                         const std::vector<std::uint8_t> &mask, const Bilingual &title)
{
    const Raster r = outsideAsNoData(expected, mask);
    LayerManifest m = scenarioManifest(ctx, {}, GeometryType::Raster, title);
    m.description = {QStringLiteral("Incidents attendus par maille de %1 m").arg(r.grid.cellSize),
                     QStringLiteral("Expected incidents per %1 m cell").arg(r.grid.cellSize)};
    m.symbology.ramp = riskRamp(r);
    m.symbology.zOrder = 25;
    ctx.addRasterLayer(m, r);
    writePriorityCells(ctx, r, mask, title);
}

void reportModel(AlgorithmContext &ctx, const analytics::ForecastResult &r)
{
    if (!r.sepp)
        return;
    const analytics::SeppModel &sm = *r.sepp;
    ctx.figure(QStringLiteral("theta"), sm.theta);
    ctx.figure(QStringLiteral("omega"), sm.omega);
    ctx.figure(QStringLiteral("sigma"), sm.sigma);
    ctx.figure(QStringLiteral("mu"), sm.mu);
    ctx.line(vigie::core::ScenarioRunner::tr(
                 "SEPP: background %1 incidents/day; each incident triggers %2 more on average "
                 "(branching ratio), after %3 days on average, within about %4 m")
                 .arg(fmt(sm.mu), fmt(sm.theta, 3), fmt(1.0 / sm.omega, 1), fmt(sm.sigma, 0)));
    if (!sm.converged)
        ctx.line(vigie::core::ScenarioRunner::tr(
                     "Note: the EM stopped after %1 iterations without converging.")
                     .arg(sm.iterations));
}

class ForecastAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("forecast"); }
    QString title() const override { return vigie::core::ScenarioRunner::tr("Forecast"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Forecast; }
    QString explanation() const override
    {
        return vigie::core::ScenarioRunner::tr(
            "Maps the expected incidents per cell for the next shift, day or week, "
            "learnt from the history (self-exciting process, prospective KDE or the "
            "last period), with the priority cells of the riskiest 1 to 5 % of the "
            "area.");
    }
    bool usesPointSelection() const override { return false; }
    bool makesRaster() const override { return true; } // the expected counts; --geotiff
    OutputHints outputHints() const override
    {
        OutputHints h;
        h.hideLayers = {QStringLiteral("cameras"), QStringLiteral("events")};
        h.zoomToResult = true;
        return h;
    }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p = forecastModelParameters(QStringLiteral("sepp"));
        p.insert(p.begin() + 1,
                 periodParameter(vigie::core::ScenarioRunner::tr(
                     "Period forecast: the next shift (8 hours), day, week or calendar month.")));
        p.insert(p.begin() + 2,
                 P::dateTime(QStringLiteral("origin"), vigie::core::ScenarioRunner::tr("From"))
                     .optional()
                     .withHelp(vigie::core::ScenarioRunner::tr(
                         "Start of the period (ISO date-time, local time); empty: "
                         "midnight after the last incident (a month: the 1st after it).")));
        p.insert(p.begin() + 3, cellSizeParameter(250, 50, 2000,
                                                  vigie::core::ScenarioRunner::tr(
                                                      "Cell size of the risk grid in metres.")));
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        ForecastSetup f = forecastSetup(values);
        const PeriodName &period = periodNamed(values.choice(QStringLiteral("period")));
        f.params.horizonDays = analytics::periodDays(period.period);
        const double cs = values.number(QStringLiteral("cellSize"));
        const auto [dataMin, dataMax] = dataRange(ctx, ctx.selectionRequest().layer);
        const bool monthly = period.period == analytics::ForecastPeriod::Month;
        const std::int64_t origin =
            values.has(QStringLiteral("origin"))
                ? values.dateTime(QStringLiteral("origin")).toSecsSinceEpoch()
                : (monthly ? nextMonthStart(dataMax) : nextMidnight(dataMax));
        if (monthly) { // the month's own length, and the one before for the last-period model
            f.params.horizonDays = double(addMonths(origin, 1) - origin) / 86400.0;
            f.params.previousPeriodDays = double(origin - addMonths(origin, -1)) / 86400.0;
        }
        const std::int64_t from = origin - std::int64_t(f.params.trainingDays * 86400.0);
        Selection s = ctx.selectPoints(ctx.selectionRequest(), std::max(dataMin, from), origin - 1);
        const GridSpec g = gridOver(s, cs);
        const std::vector<std::uint8_t> mask = windowMask(s, g);
        f.params.grid = g;
        f.params.originDay = double(origin - s.t0) / 86400.0;
        ctx.progress(10,
                     vigie::core::ScenarioRunner::tr("Fitting the %1").arg(modelTitle(f.model)));
        analytics::Feedback *outer = ctx.feedback();
        analytics::Feedback *subPtr = nullptr;
        analytics::Feedback sub([outer, &subPtr](double pct, const std::string &step) {
            if (!outer)
                return;
            outer->setProgress(10 + 0.8 * pct, step);
            if (outer->isCanceled() && subPtr)
                subPtr->cancel();
        });
        subPtr = &sub;
        ctx.throwIfCanceled();
        analytics::ForecastResult r = analytics::forecast(s.points(), f.model, f.params, &sub);
        ctx.progress(92, vigie::core::ScenarioRunner::tr("Writing the risk map"));
        const Bilingual mt = modelTitles(f.model);
        const QString start = localTime(origin, QStringLiteral("dd/MM/yyyy HH:mm"));
        writeForecastLayers(ctx, r.expected, mask,
                            {QStringLiteral("Prévision — %1, %2 dès le %3")
                                 .arg(mt.fr, QString::fromUtf8(period.fr), start),
                             QStringLiteral("Forecast — %1, %2 from %3")
                                 .arg(mt.en, QLatin1String(period.en), start)});
        ctx.firstLine(vigie::core::ScenarioRunner::tr(
                          "Model: %1; period: %2 from %3; trained on %n incident(s)", nullptr,
                          int(r.trainingEvents))
                          .arg(modelTitle(f.model), vigie::core::ScenarioRunner::tr(period.report),
                               dayText(origin, true)));
        const QString originText =
            QDateTime::fromSecsSinceEpoch(origin, QTimeZone::utc()).toString(Qt::ISODate);
        ctx.figure(QStringLiteral("model"),
                   QString::fromStdString(analytics::forecastModelName(f.model)));
        ctx.figure(QStringLiteral("period"), QLatin1String(period.key));
        ctx.figure(QStringLiteral("origin"), originText);
        ctx.figure(QStringLiteral("trainingEvents"), qlonglong(r.trainingEvents));
        reportModel(ctx, r);
        ctx.used(QStringLiteral("origin"), originText);
        ctx.used(QStringLiteral("cellSize"), cs);
    }
};

} // namespace

std::unique_ptr<Algorithm> forecastAlgorithm()
{
    return std::make_unique<ForecastAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
