// SPDX-License-Identifier: GPL-3.0-or-later
// Patrol allocation for a shift: N units placed by two strategies (optimised coverage of the
// forecast risk, shared by sector, the riskiest cells, or given positions), compared on the same
// simulated incidents: risk covered and response times, on the road network where there is one.
#include "analytics/patrol.h"
#include "../../argtext.h"
#include "../../cityzone.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "scenariosupport.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;
using Positions = std::vector<std::pair<double, double>>;

namespace {

Positions parsePositions(const QString &text, const QString &name)
{
    Positions out;
    for (const QString &pair : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList xy = pair.split(u',');
        bool okX = false, okY = false;
        const double x = xy.value(0).trimmed().toDouble(&okX);
        const double y = xy.value(1).trimmed().toDouble(&okY);
        if (xy.size() != 2 || !okX || !okY)
            invalidParameter(name, vigie::core::ScenarioRunner::tr(
                                       "\"%1\" is not \"x,y\" in metres (Lambert-93)")
                                       .arg(pair.trimmed()));
        out.emplace_back(x, y);
    }
    return out;
}

Positions hotspotPositions(const Raster &risk, int units)
{
    Positions out;
    std::vector<std::size_t> cells(risk.values.size());
    std::iota(cells.begin(), cells.end(), 0);
    auto value = [&](std::size_t i) {
        return std::isfinite(risk.values[i]) ? risk.values[i] : -1.0;
    };
    std::stable_sort(cells.begin(), cells.end(),
                     [&](std::size_t a, std::size_t b) { return value(a) > value(b); });
    const auto cols = std::size_t(risk.grid.cols);
    for (int k = 0; k < units && std::size_t(k) < cells.size(); ++k)
        out.emplace_back(risk.grid.centreX(int(cells[std::size_t(k)] % cols)),
                         risk.grid.centreY(int(cells[std::size_t(k)] / cols)));
    return out;
}

Positions optimisedPositions(const Raster &risk, int units, double radius, analytics::Feedback *fb)
{
    analytics::AllocationParams ap;
    ap.units = units;
    ap.coverageRadius = radius;
    const analytics::Allocation a = analytics::allocatePatrols(risk, ap, fb);
    Positions out;
    for (std::size_t i = 0; i < a.x.size(); ++i)
        out.emplace_back(a.x[i], a.y[i]);
    return out;
}

/// Units shared by sector risk, each sector's units placed within it.
Positions sectorPositions(const Raster &risk, int units, double radius,
                          const std::vector<std::vector<std::uint8_t>> &sectorMasks,
                          analytics::Feedback *fb)
{
    std::vector<double> sectorRisk(sectorMasks.size(), 0.0);
    for (std::size_t s = 0; s < sectorMasks.size(); ++s)
        for (std::size_t i = 0; i < risk.values.size(); ++i)
            if (sectorMasks[s][i] && std::isfinite(risk.values[i]))
                sectorRisk[s] += risk.values[i];
    const analytics::SectorAllocation sa = analytics::allocateToSectors(sectorRisk, units, 0.5);
    Positions out;
    for (std::size_t s = 0; s < sectorMasks.size(); ++s) {
        if (sa.units[s] <= 0)
            continue;
        Raster part = risk;
        for (std::size_t i = 0; i < part.values.size(); ++i)
            if (!sectorMasks[s][i])
                part.values[i] = 0.0;
        const Positions p = optimisedPositions(part, sa.units[s], radius, fb);
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

/// The traffic layer's segments as a road network, when there is one.
std::optional<analytics::RoadGraph> roadGraph(Store &store, analytics::Feedback *fb)
{
    if (!store.hasLayer(QStringLiteral("traffic")))
        return std::nullopt;
    auto t = store.loadSnapshot(QStringLiteral("traffic"), fb);
    if (!t || (*t)->manifest.geometryType != GeometryType::Line)
        return std::nullopt;
    std::vector<analytics::RoadPolyline> lines;
    for (const Geometry &geom : (*t)->geometries)
        for (const Path &path : geom.paths) {
            analytics::RoadPolyline l;
            for (const QPointF &p : path) {
                l.x.push_back(p.x());
                l.y.push_back(p.y());
            }
            if (l.x.size() >= 2)
                lines.push_back(std::move(l));
        }
    if (lines.empty())
        return std::nullopt;
    return analytics::roadGraphFromPolylines(lines, 5.0);
}

class PatrolRun
{
public:
    PatrolRun(AlgorithmContext &ctx, const ParameterValues &values) : m_ctx(ctx), m_v(values) {}

    void go()
    {
        m_units = int(m_v.integer(QStringLiteral("units")));
        m_radius = m_v.number(QStringLiteral("radius"));
        m_shift = m_v.choice(QStringLiteral("shift"));
        const int startHour = m_shift == QLatin1String("morning")     ? 6
                              : m_shift == QLatin1String("afternoon") ? 14
                                                                      : 22;
        forecastShift(startHour);
        m_ctx.progress(40, vigie::core::ScenarioRunner::tr("Allocating the units"));
        const QString sa = m_v.choice(QStringLiteral("strategyA"));
        const QString sb = m_v.choice(QStringLiteral("strategyB"));
        if (sa == QLatin1String("sectors") || sb == QLatin1String("sectors"))
            loadSectors();
        m_a = allocate(sa, QStringLiteral("positionsA"));
        m_b = allocate(sb, QStringLiteral("positionsB"));
        simulate();
        m_ctx.progress(90, vigie::core::ScenarioRunner::tr("Writing the allocation"));
        writeLayers(strategyNamed(sa), strategyNamed(sb));
        report(strategyNamed(sa), strategyNamed(sb));
    }

private:
    /// The shift's risk: the model trained on the incidents of the same hours of the day.
    void forecastShift(int startHour)
    {
        const auto [dataMin, dataMax] = dataRange(m_ctx, m_ctx.selectionRequest().layer);
        m_date = m_v.has(QStringLiteral("date"))
                     ? m_v.date(QStringLiteral("date"))
                     : QDateTime::fromSecsSinceEpoch(nextMidnight(dataMax), cityTimeZone()).date();
        const std::int64_t shiftStart =
            QDateTime(m_date, QTime(startHour, 0), cityTimeZone()).toSecsSinceEpoch();
        m_forecast = forecastSetup(m_v);
        analytics::ForecastParams &fp = m_forecast.params;
        const std::int64_t from = shiftStart - std::int64_t(fp.trainingDays * 86400.0);
        const Selection all =
            m_ctx.selectPoints(m_ctx.selectionRequest(), std::max(dataMin, from), shiftStart - 1);
        std::vector<double> sx, sy, st;
        for (std::size_t i = 0; i < all.x.size(); ++i) {
            const int h = QDateTime::fromSecsSinceEpoch(all.t0 + std::int64_t(all.t[i] * 86400.0),
                                                        cityTimeZone())
                              .time()
                              .hour();
            if ((h - startHour + 24) % 24 < 8) {
                sx.push_back(all.x[i]);
                sy.push_back(all.y[i]);
                st.push_back(all.t[i]);
            }
        }
        if (sx.size() < 2)
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::ScenarioRunner::tr(
                                "Too few incidents in this shift's hours to forecast its risk."));
        m_trainingCount = sx.size();
        m_grid = gridOver(all, m_v.number(QStringLiteral("cellSize")));
        m_mask = windowMask(all, m_grid);
        fp.grid = m_grid;
        fp.originDay = double(shiftStart - all.t0) / 86400.0;
        fp.horizonDays = 1.0; // one day's worth of this shift's incidents = the shift
        m_ctx.progress(10, vigie::core::ScenarioRunner::tr("Forecasting the shift's risk"));
        const analytics::ForecastResult fr =
            analytics::forecast({sx, sy, {}, st}, m_forecast.model, fp, m_ctx.feedback());
        m_risk = fr.expected;
        for (std::size_t i = 0; i < m_risk.values.size(); ++i)
            if (!m_mask[i])
                m_risk.values[i] = 0.0;
    }

    /// Sectors: the quartiers (or arrondissements) of the study area.
    void loadSectors()
    {
        Store &store = m_ctx.store();
        const QString layer = store.hasLayer(QStringLiteral("quartiers"))
                                  ? QStringLiteral("quartiers")
                                  : QStringLiteral("arrondissements");
        auto q = store.loadSnapshot(layer, m_ctx.feedback());
        q.orThrow();
        for (const Geometry &geom : (*q)->geometries)
            m_sectorMasks.push_back(rasterizeMask({&geom}, m_grid));
    }

    Positions allocate(const QString &strategy, const QString &positionsName)
    {
        if (strategy == QLatin1String("positions")) {
            const Positions out = parsePositions(m_v.text(positionsName), positionsName);
            if (out.empty())
                invalidParameter(positionsName, vigie::core::ScenarioRunner::tr(
                                                    "give the units' positions as \"x,y;x,y\""));
            return out;
        }
        if (strategy == QLatin1String("optimise"))
            return optimisedPositions(m_risk, m_units, m_radius, m_ctx.feedback());
        if (strategy == QLatin1String("hotspots"))
            return hotspotPositions(m_risk, m_units);
        return sectorPositions(m_risk, m_units, m_radius, m_sectorMasks, m_ctx.feedback());
    }

    void simulate()
    {
        if (m_v.boolean(QStringLiteral("roads")))
            m_graph = roadGraph(m_ctx.store(), m_ctx.feedback());
        analytics::ResponseParams &rp = m_response;
        rp.incidents = int(m_v.integer(QStringLiteral("incidents")));
        rp.speed = m_v.number(QStringLiteral("speedKmh")) / 3.6;
        rp.offNetworkSpeed = rp.speed * 0.6; // local streets, to and from the main roads
        rp.dispatchDelay = m_v.number(QStringLiteral("dispatchSeconds"));
        rp.targetTime = m_v.number(QStringLiteral("targetMinutes")) * 60.0;
        rp.seed = std::uint64_t(m_v.integer(QStringLiteral("seed")));
        rp.graph = m_graph ? &*m_graph : nullptr;
        if (m_graph)
            for (double &v : m_graph->speedMps)
                if (v <= 0)
                    v = std::max(rp.speed, 50.0 / 3.6);
        m_ctx.progress(55, vigie::core::ScenarioRunner::tr("Simulating response times"));
        std::vector<double> ax, ay, bx, by;
        for (const auto &[x, y] : m_a) {
            ax.push_back(x);
            ay.push_back(y);
        }
        for (const auto &[x, y] : m_b) {
            bx.push_back(x);
            by.push_back(y);
        }
        m_comparison =
            analytics::compareAllocations(m_risk, ax, ay, bx, by, rp, m_radius, m_ctx.feedback());
    }

    Bilingual shiftName() const
    {
        if (m_shift == QLatin1String("morning"))
            return {QStringLiteral("matin (6 h–14 h)"), QStringLiteral("morning (6–14)")};
        if (m_shift == QLatin1String("afternoon"))
            return {QStringLiteral("après-midi (14 h–22 h)"), QStringLiteral("afternoon (14–22)")};
        return {QStringLiteral("nuit (22 h–6 h)"), QStringLiteral("night (22–6)")};
    }

    void writeUnits(const StrategyName &nameA, const StrategyName &nameB)
    {
        const Bilingual shift = shiftName();
        LayerManifest um = scenarioManifest(
            m_ctx, {}, GeometryType::Point,
            {QStringLiteral("Patrouilles — %1 unités, %2, %3")
                 .arg(argText(m_units), m_date.toString(QStringLiteral("dd/MM/yyyy")), shift.fr),
             QStringLiteral("Patrols — %1 units, %2, %3")
                 .arg(argText(m_units), m_date.toString(Qt::ISODate), shift.en)});
        um.fields = {
            field("unite", FieldType::String, {QStringLiteral("Unité"), QStringLiteral("Unit")}),
            field("allocation", FieldType::String,
                  {QStringLiteral("Allocation"), QStringLiteral("Allocation")}),
            field("risque_couvert", FieldType::Real,
                  {QStringLiteral("Risque couvert (incidents attendus)"),
                   QStringLiteral("Risk covered (expected incidents)")})};
        um.categoryField = QStringLiteral("allocation");
        um.labelField = QStringLiteral("unite");
        um.categories = {
            category("A",
                     {QStringLiteral("Allocation A : %1").arg(QString::fromUtf8(nameA.fr)),
                      QStringLiteral("Allocation A: %1").arg(QLatin1String(nameA.en))},
                     "#1f4e9c"),
            category("B",
                     {QStringLiteral("Allocation B : %1").arg(QString::fromUtf8(nameB.fr)),
                      QStringLiteral("Allocation B: %1").arg(QLatin1String(nameB.en))},
                     "#e8590c")};
        um.symbology.marker = QStringLiteral("diamond");
        um.symbology.size = 3.6;
        um.symbology.stroke = QStringLiteral("#ffffff");
        um.symbology.strokeWidth = 0.35;
        um.symbology.labelSize = 7;
        um.symbology.zOrder = 60;
        m_ctx.addVectorLayer(um);
        Store::Inserter ins(m_ctx.store(), um.id);
        auto add = [&](const Positions &pos, const QString &key, const analytics::Allocation &cov) {
            for (std::size_t i = 0; i < pos.size(); ++i) {
                FeatureRecord rec;
                rec.wkb = pointToWkb(pos[i].first, pos[i].second);
                rec.source = m_ctx.source();
                rec.values << QStringLiteral("%1%2").arg(key, argText(i + 1)) << key
                           << (i < cov.marginalRisk.size() ? QVariant(cov.marginalRisk[i])
                                                           : QVariant());
                ins.add(rec);
            }
        };
        add(m_a, QStringLiteral("A"), m_comparison.coverageA);
        add(m_b, QStringLiteral("B"), m_comparison.coverageB);
    }

    void writeLayers(const StrategyName &nameA, const StrategyName &nameB)
    {
        writeUnits(nameA, nameB);
        // Shown per km² (a shift's expected count per cell is a small number that reads badly).
        Raster shown = m_risk;
        for (std::size_t i = 0; i < shown.values.size(); ++i)
            shown.values[i] =
                m_mask[i] ? shown.values[i] * 1e6 / m_grid.cellArea() : Raster::noData();
        const Bilingual shift = shiftName();
        LayerManifest rm =
            scenarioManifest(m_ctx, QStringLiteral("risque"), GeometryType::Raster,
                             {QStringLiteral("Patrouilles — risque prévu, %1, %2")
                                  .arg(m_date.toString(QStringLiteral("dd/MM/yyyy")), shift.fr),
                              QStringLiteral("Patrols — forecast risk, %1, %2")
                                  .arg(m_date.toString(Qt::ISODate), shift.en)});
        rm.description = {QStringLiteral("Incidents attendus par km² pendant la vacation"),
                          QStringLiteral("Expected incidents per km² during the shift")};
        rm.symbology.ramp = riskRamp(shown);
        rm.symbology.zOrder = 25;
        m_ctx.addRasterLayer(rm, shown);
    }

    void compareRows()
    {
        const analytics::AllocationComparison &c = m_comparison;
        auto row = [&](const QString &label, const QString &a, const QString &b, const QString &d) {
            m_ctx.line(QStringLiteral("%1 %2 | %3 | %4")
                           .arg(label.leftJustified(28), a.rightJustified(9), b.rightJustified(9),
                                d.rightJustified(10)));
        };
        row(QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("B − A"));
        row(vigie::core::ScenarioRunner::tr("Risk covered (%1 m)").arg(m_radius),
            pct(c.coverageA.coveredShare), pct(c.coverageB.coveredShare),
            vigie::core::ScenarioRunner::tr("%1 pts").arg(fmt(100 * c.coveredShareDifference)));
        row(vigie::core::ScenarioRunner::tr("Mean response (min)"), fmt(c.a.mean / 60.0),
            fmt(c.b.mean / 60.0), fmt(c.meanDifference / 60.0));
        row(vigie::core::ScenarioRunner::tr("Median response (min)"), fmt(c.a.median / 60.0),
            fmt(c.b.median / 60.0), fmt(c.medianDifference / 60.0));
        row(vigie::core::ScenarioRunner::tr("90th percentile (min)"), fmt(c.a.p90 / 60.0),
            fmt(c.b.p90 / 60.0), fmt(c.p90Difference / 60.0));
        row(vigie::core::ScenarioRunner::tr("Within %1 min")
                .arg(fmt(m_response.targetTime / 60.0, 0)),
            pct(c.a.shareWithinTarget), pct(c.b.shareWithinTarget),
            vigie::core::ScenarioRunner::tr("%1 pts").arg(
                fmt(100 * c.shareWithinTargetDifference)));
    }

    void report(const StrategyName &nameA, const StrategyName &nameB)
    {
        const analytics::AllocationComparison &c = m_comparison;
        const analytics::ResponseParams &rp = m_response;
        const QString when =
            dayText(QDateTime(m_date, QTime(12, 0), cityTimeZone()).toSecsSinceEpoch());
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "Shift: %1 %2; %3 units; forecast: %4 trained on %5 incidents of "
                       "these hours")
                       .arg(when, m_shift, argText(m_units), argText(modelTitle(m_forecast.model)),
                            argText(m_trainingCount)));
        m_ctx.line(
            vigie::core::ScenarioRunner::tr("Travel: %1; %2 simulated incidents; seed %3")
                .arg(argText(m_graph ? vigie::core::ScenarioRunner::tr(
                                           "on the road network (%1 nodes) and local "
                                           "streets")
                                           .arg(m_graph->nodeX.size())
                                     : vigie::core::ScenarioRunner::tr("straight line at %1 km/h")
                                           .arg(fmt(rp.speed * 3.6, 0))),
                     argText(rp.incidents), argText(rp.seed)));
        m_ctx.line(QString());
        m_ctx.line(vigie::core::ScenarioRunner::tr("A: %1; B: %2")
                       .arg(vigie::core::ScenarioRunner::tr(nameA.en),
                            vigie::core::ScenarioRunner::tr(nameB.en)));
        compareRows();
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "B responds sooner than A for %1 of the simulated incidents.")
                       .arg(pct(c.shareBFaster)));
        auto stats = [](const analytics::ResponseStats &s, const analytics::Allocation &cov) {
            return QVariantMap{{QStringLiteral("mean"), s.mean},
                               {QStringLiteral("median"), s.median},
                               {QStringLiteral("p90"), s.p90},
                               {QStringLiteral("shareWithinTarget"), s.shareWithinTarget},
                               {QStringLiteral("coveredShare"), cov.coveredShare}};
        };
        m_ctx.figure(QStringLiteral("a"), stats(c.a, c.coverageA));
        m_ctx.figure(QStringLiteral("b"), stats(c.b, c.coverageB));
        m_ctx.figure(QStringLiteral("shareBFaster"), c.shareBFaster);
        m_ctx.figure(QStringLiteral("units"), m_units);
        m_ctx.figure(QStringLiteral("roadNetwork"), bool(m_graph));
        m_ctx.used(QStringLiteral("date"), m_date.toString(Qt::ISODate));
    }

    AlgorithmContext &m_ctx;
    const ParameterValues &m_v;
    int m_units = 0;
    double m_radius = 0;
    QString m_shift;
    QDate m_date;
    ForecastSetup m_forecast;
    std::size_t m_trainingCount = 0;
    GridSpec m_grid;
    std::vector<std::uint8_t> m_mask;
    Raster m_risk;
    std::vector<std::vector<std::uint8_t>> m_sectorMasks;
    Positions m_a, m_b;
    std::optional<analytics::RoadGraph> m_graph;
    analytics::ResponseParams m_response;
    analytics::AllocationComparison m_comparison;
};

class PatrolAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("patrol"); }
    QString title() const override { return vigie::core::ScenarioRunner::tr("Patrol allocation"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Scenario; }
    QString explanation() const override
    {
        return vigie::core::ScenarioRunner::tr(
            "Places N units for a shift by two strategies and compares them on the same "
            "simulated incidents: share of the forecast risk covered and response "
            "times, on the road network where the workspace has one.");
    }
    bool usesPointSelection() const override { return false; }
    OutputHints outputHints() const override
    {
        OutputHints h;
        h.hideLayers = {QStringLiteral("cameras"), QStringLiteral("events")};
        h.zoomToResult = true;
        return h;
    }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p{
            P::integer(QStringLiteral("units"), vigie::core::ScenarioRunner::tr("Units"), 6, 1, 500)
                .withHelp(vigie::core::ScenarioRunner::tr("Number of units on patrol.")),
            P::date(QStringLiteral("date"), vigie::core::ScenarioRunner::tr("Day"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Day of the shift (ISO date); empty: the day after the last "
                    "incident.")),
            P::choice(
                QStringLiteral("shift"), vigie::core::ScenarioRunner::tr("Shift"),
                {{QStringLiteral("morning"), vigie::core::ScenarioRunner::tr("morning (6–14 h)")},
                 {QStringLiteral("afternoon"),
                  vigie::core::ScenarioRunner::tr("afternoon (14–22 h)")},
                 {QStringLiteral("night"), vigie::core::ScenarioRunner::tr("night (22–6 h)")}},
                QStringLiteral("night"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Shift: morning (6–14 h), afternoon (14–22 h) or night (22–6 h).")),
            strategyParameter(QStringLiteral("strategyA"),
                              vigie::core::ScenarioRunner::tr("Allocation A"),
                              QStringLiteral("optimise"),
                              vigie::core::ScenarioRunner::tr(
                                  "Allocation A: optimised coverage of the forecast risk, "
                                  "units shared by sector, the riskiest cells, or given "
                                  "positions.")),
            strategyParameter(QStringLiteral("strategyB"),
                              vigie::core::ScenarioRunner::tr("Allocation B"),
                              QStringLiteral("hotspots"),
                              vigie::core::ScenarioRunner::tr(
                                  "Allocation B, compared with A on the same simulated "
                                  "incidents.")),
            P::text(QStringLiteral("positionsA"), vigie::core::ScenarioRunner::tr("Positions A"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Positions of allocation A when it is \"positions\": x,y;x,y "
                    "(Lambert-93).")),
            P::text(QStringLiteral("positionsB"), vigie::core::ScenarioRunner::tr("Positions B"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Positions of allocation B when it is \"positions\".")),
            P::number(QStringLiteral("radius"), vigie::core::ScenarioRunner::tr("Coverage radius"),
                      500, 50, 10000, QStringLiteral("m"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "A unit covers the risk within this distance (metres).")),
            P::boolean(QStringLiteral("roads"), vigie::core::ScenarioRunner::tr("Road network"),
                       true)
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Travel on the road network of the traffic layer where "
                    "present.")),
            P::integer(QStringLiteral("incidents"),
                       vigie::core::ScenarioRunner::tr("Simulated incidents"), 10000, 100, 1000000)
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Incidents simulated from the forecast (Monte Carlo)."))
                .advanced(),
            P::number(QStringLiteral("speedKmh"), vigie::core::ScenarioRunner::tr("Speed"), 30, 1,
                      200, QStringLiteral("km/h"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Travel speed in km/h (straight line; the road network is "
                    "driven at 50 km/h at least)."))
                .advanced(),
            P::number(QStringLiteral("dispatchSeconds"),
                      vigie::core::ScenarioRunner::tr("Dispatch delay"), 60, 0, 3600,
                      QStringLiteral("s"))
                .withHelp(vigie::core::ScenarioRunner::tr("Seconds from the call to departure."))
                .advanced(),
            P::number(QStringLiteral("targetMinutes"),
                      vigie::core::ScenarioRunner::tr("Target time"), 10, 1, 240,
                      QStringLiteral("min"))
                .withHelp(vigie::core::ScenarioRunner::tr("Target response time in minutes."))
                .advanced(),
            cellSizeParameter(
                250, 50, 2000,
                vigie::core::ScenarioRunner::tr("Cell size of the risk grid in metres."))
                .advanced()};
        for (ParameterDefinition &d : forecastModelParameters(QStringLiteral("prospective-kde")))
            p.push_back(std::move(d.advanced()));
        p.push_back(seedParameter());
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        PatrolRun(ctx, values).go();
    }
};

} // namespace

std::unique_ptr<Algorithm> patrolAlgorithm()
{
    return std::make_unique<PatrolAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
