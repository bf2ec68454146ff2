// SPDX-License-Identifier: GPL-3.0-or-later
// Impact of an action (cameras, patrols…) in an area: difference in differences against matched
// control cells or the rest of the city, with the displacement to a buffer around the area
// (weighted displacement quotient).
#include "analytics/impact.h"
#include "../../argtext.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "core/pvalue.h"
#include "scenariosupport.h"

#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using P = ParameterDefinition;

namespace {

class ImpactRun
{
public:
    ImpactRun(AlgorithmContext &ctx, const ParameterValues &values) : m_ctx(ctx), m_v(values) {}

    void go()
    {
        m_action = startOfDay(m_v.date(QStringLiteral("actionDate")));
        windows();
        AnalysisSelection sel = m_ctx.selectionRequest();
        sel.areas.clear();
        sel.areaLayer.clear();
        m_sel = m_ctx.selectPoints(sel, m_action - std::int64_t(m_preDays * 86400.0),
                                   m_action + std::int64_t(m_postDays * 86400.0) - 1);
        areas();
        estimate();
        m_ctx.progress(85, vigie::core::ScenarioRunner::tr("Writing the areas compared"));
        writeAreas();
        report();
    }

private:
    /// Whole periods inside the data, before and after the action.
    void windows()
    {
        m_preDays = m_wantedPre = m_v.number(QStringLiteral("preDays"));
        m_postDays = m_wantedPost = m_v.number(QStringLiteral("postDays"));
        m_periodDays = m_v.number(QStringLiteral("periodDays"));
        const auto [dataMin, dataMax] = dataRange(m_ctx, m_ctx.selectionRequest().layer);
        const double availPost = double(dataMax - m_action) / 86400.0;
        const double availPre = double(m_action - dataMin) / 86400.0;
        if (availPost < m_periodDays || availPre < m_periodDays)
            invalidParameter(QStringLiteral("actionDate"),
                             vigie::core::ScenarioRunner::tr(
                                 "needs at least one period (%1 days) of data before and after it")
                                 .arg(m_periodDays));
        m_postDays = std::min(m_postDays, std::floor(availPost / m_periodDays) * m_periodDays);
        m_preDays = std::min(m_preDays, std::floor(availPre / m_periodDays) * m_periodDays);
        m_postDays = std::floor(m_postDays / m_periodDays) * m_periodDays;
        m_preDays = std::floor(m_preDays / m_periodDays) * m_periodDays;
    }

    /// The action area's cells, its buffer ring and the control cells on the grid.
    void areas()
    {
        Store &store = m_ctx.store();
        const QString areaLayer = m_v.text(QStringLiteral("actionAreaLayer"));
        auto areaSnap = store.loadSnapshot(areaLayer, m_ctx.feedback());
        areaSnap.orThrow();
        m_areaLayer = *areaSnap;
        const auto named =
            namedAreas(store, *m_areaLayer, areaLayer, m_v.list(QStringLiteral("actionAreas")),
                       QStringLiteral("actionAreas"));
        for (const auto &[label, geom] : named) {
            m_shapes.push_back(geom);
            m_areaLabels << label;
        }
        m_grid = gridOver(m_sel, m_v.number(QStringLiteral("cellSize")));
        const std::vector<std::uint8_t> city = windowMask(m_sel, m_grid);
        m_treated = rasterizeMask(m_shapes, m_grid);
        std::size_t treatedCells = 0;
        for (std::size_t i = 0; i < m_treated.size(); ++i) {
            m_treated[i] = m_treated[i] && city[i];
            treatedCells += m_treated[i];
        }
        if (treatedCells == 0)
            invalidParameter(QStringLiteral("cellSize"),
                             vigie::core::ScenarioRunner::tr(
                                 "no cell centre falls in the action area: take smaller cells"));
        const double bufferM = m_v.number(QStringLiteral("buffer"));
        m_buffer = bufferM > 0 ? analytics::bufferRingMask(m_grid, m_treated, bufferM)
                               : std::vector<std::uint8_t>(m_grid.cellCount(), 0);
        for (std::size_t i = 0; i < m_buffer.size(); ++i)
            m_buffer[i] = m_buffer[i] && city[i];
        // Controls: the city's cells outside the area and its buffer (cells at sea hold no
        // incidents and would never match, so no extra mask is needed).
        m_control.assign(m_grid.cellCount(), 0);
        for (std::size_t i = 0; i < m_control.size(); ++i)
            m_control[i] = city[i] && !m_treated[i] && !m_buffer[i];
    }

    void estimate()
    {
        analytics::ImpactParams &ip = m_params;
        ip.actionTime = double(m_action - m_sel.t0) / 86400.0;
        ip.preDays = m_preDays;
        ip.postDays = m_postDays;
        ip.periodDays = m_periodDays;
        ip.matchedControls = int(m_v.integer(QStringLiteral("matchedControls")));
        ip.controls = m_v.choice(QStringLiteral("controls")) == QLatin1String("all")
                          ? analytics::ControlSelection::Given
                          : analytics::ControlSelection::Matched;
        ip.bufferDistance = m_v.number(QStringLiteral("buffer"));
        ip.confidence = m_v.number(QStringLiteral("confidence"));
        ip.bootstrapReplicates = int(m_v.integer(QStringLiteral("replicates")));
        ip.seed = std::uint64_t(m_v.integer(QStringLiteral("seed")));
        analytics::ImpactAreas ia;
        ia.grid = m_grid;
        ia.treated = m_treated;
        ia.buffer = m_buffer;
        ia.control = m_control;
        m_ctx.progress(20, vigie::core::ScenarioRunner::tr(
                               "Estimating the effect (difference in differences)"));
        m_result = analytics::estimateImpact(m_sel.points(), ia, ip, m_ctx.feedback());
    }

    void writeAreas()
    {
        const analytics::ImpactResult &r = m_result;
        const QString when = localTime(m_action, QStringLiteral("dd/MM/yyyy"));
        const QString areaText = m_areaLabels.join(QStringLiteral(", "));
        LayerManifest m = scenarioManifest(
            m_ctx, {}, GeometryType::Polygon,
            {QStringLiteral("Impact — %1, action du %2").arg(areaText, when),
             QStringLiteral("Impact — %1, action of %2")
                 .arg(areaText, localTime(m_action, QStringLiteral("yyyy-MM-dd")))});
        m.fields = {
            field("role", FieldType::String, {QStringLiteral("Rôle"), QStringLiteral("Role")}),
            field("nom", FieldType::String, {QStringLiteral("Nom"), QStringLiteral("Name")}),
            field("avant", FieldType::Real,
                  {QStringLiteral("Incidents avant"), QStringLiteral("Incidents before")}),
            field("apres", FieldType::Real,
                  {QStringLiteral("Incidents après"), QStringLiteral("Incidents after")})};
        m.categoryField = QStringLiteral("role");
        m.labelField = QStringLiteral("nom");
        m.categories = {
            category("action", {QStringLiteral("Zone de l'action"), QStringLiteral("Action area")},
                     "#6a51a3a0"),
            category("tampon",
                     {QStringLiteral("Zone tampon (déplacement)"),
                      QStringLiteral("Buffer (displacement)")},
                     "#fdae6b90"),
            category("temoin", {QStringLiteral("Mailles témoins"), QStringLiteral("Control cells")},
                     "#74c47680")};
        m.symbology.stroke = QStringLiteral("#3f007d");
        m.symbology.strokeWidth = 0.3;
        m.symbology.labelSize = 7.5;
        m.symbology.zOrder = 20;
        m_ctx.addVectorLayer(m);
        Store::Inserter ins(m_ctx.store(), m.id);
        auto add = [&](const std::vector<PolygonRings> &parts, const QString &role,
                       const QString &name, const QVariant &before, const QVariant &after) {
            FeatureRecord rec;
            rec.wkb = multiPolygonToWkb(parts);
            rec.source = m_ctx.source();
            rec.values << role << name << before << after;
            ins.add(rec);
        };
        std::vector<PolygonRings> parts;
        for (const Geometry *geom : m_shapes)
            parts.insert(parts.end(), geom->polygons.begin(), geom->polygons.end());
        add(parts, QStringLiteral("action"), areaText, r.treatedBefore, r.treatedAfter);
        std::vector<PolygonRings> bufferCells;
        for (std::size_t i = 0; i < r.bufferMask.size(); ++i)
            if (r.bufferMask[i])
                bufferCells.push_back(cellRing(m_grid, i));
        if (!bufferCells.empty())
            add(bufferCells, QStringLiteral("tampon"), QString(), r.bufferBefore, r.bufferAfter);
        if (m_params.controls == analytics::ControlSelection::Matched)
            for (std::size_t c : r.controlCells)
                add({cellRing(m_grid, c)}, QStringLiteral("temoin"), QString(), QVariant(),
                    QVariant());
    }

    void reportCounts()
    {
        const analytics::ImpactResult &r = m_result;
        m_ctx.line(vigie::core::ScenarioRunner::tr("                  Before     After"));
        auto row = [&](const QString &label, double before, double after) {
            m_ctx.line(QStringLiteral("%1 %2 %3")
                           .arg(label.leftJustified(16), fmt(before, 0).rightJustified(9),
                                fmt(after, 0).rightJustified(9)));
        };
        row(vigie::core::ScenarioRunner::tr("Action area"), r.treatedBefore, r.treatedAfter);
        row(vigie::core::ScenarioRunner::tr("Buffer"), r.bufferBefore, r.bufferAfter);
        row(vigie::core::ScenarioRunner::tr("Controls"), r.controlBefore, r.controlAfter);
        m_ctx.line(QString());
    }

    void reportEffect()
    {
        const analytics::DidEstimate &d = m_result.did;
        const double confidence = m_params.confidence;
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "Effect (difference in differences): %1 (%2 % interval %3 to %4), %5")
                       .arg(argText(pct(d.effect)), argText(int(std::lround(100 * confidence))),
                            pct(d.effectLow), pct(d.effectHigh), pValueText(d.pValue)));
        if (std::isfinite(d.bootLow))
            m_ctx.line(vigie::core::ScenarioRunner::tr("Period bootstrap interval: %1 to %2")
                           .arg(pct(std::expm1(d.bootLow)), pct(std::expm1(d.bootHigh))));
        m_ctx.line(d.pValue < 1 - confidence
                       ? (d.effect < 0 ? vigie::core::ScenarioRunner::tr(
                                             "Incidents fell in the area more than in the "
                                             "controls: the action is associated with a "
                                             "significant reduction.")
                                       : vigie::core::ScenarioRunner::tr(
                                             "Incidents rose in the area more than in the "
                                             "controls."))
                       : vigie::core::ScenarioRunner::tr(
                             "No significant difference from the controls at this confidence "
                             "level."));
        const auto &trend = m_result.preTrend;
        m_ctx.line(trend.parallel ? vigie::core::ScenarioRunner::tr(
                                        "Pre-trends: parallel (%1), the comparison is credible.")
                                        .arg(pValueText(trend.pValue))
                                  : vigie::core::ScenarioRunner::tr(
                                        "Warning: the trends before the action differ (%1): read "
                                        "the effect with caution.")
                                        .arg(pValueText(trend.pValue)));
        const analytics::Wdq &w = m_result.wdq;
        if (std::isfinite(w.wdq) && w.successMeasure >= 0) {
            m_ctx.line(vigie::core::ScenarioRunner::tr(
                "Displacement not assessed: the area did not improve relative to "
                "the controls (the weighted displacement quotient needs a "
                "success)."));
        } else if (std::isfinite(w.wdq)) {
            m_ctx.line(vigie::core::ScenarioRunner::tr("Weighted displacement quotient: %1 — %2")
                           .arg(argText(fmt(w.wdq, 2)),
                                argText(w.wdq > 0 ? vigie::core::ScenarioRunner::tr(
                                                        "diffusion of benefits to the buffer")
                                                  : vigie::core::ScenarioRunner::tr(
                                                        "displacement to the buffer"))));
            m_ctx.line(vigie::core::ScenarioRunner::tr(
                           "Incidents avoided: %1 in the area, %2 in the buffer, %3 in total")
                           .arg(fmt(w.treatedReduction), fmt(w.bufferReduction), fmt(w.netEffect)));
        }
    }

    void report()
    {
        const analytics::ImpactResult &r = m_result;
        const QString areaText = m_areaLabels.join(QStringLiteral(", "));
        const bool all = m_v.choice(QStringLiteral("controls")) == QLatin1String("all");
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "Action (%1) in %2 on %3; %4 days before and %5 after, in periods of "
                       "%6 days")
                       .arg(m_v.choice(QStringLiteral("action")), areaText, dayText(m_action),
                            argText(m_preDays), argText(m_postDays), argText(m_periodDays)));
        if (m_preDays < m_wantedPre || m_postDays < m_wantedPost)
            m_ctx.line(vigie::core::ScenarioRunner::tr(
                           "Note: the windows were shortened to the data available (asked %1 "
                           "and %2 days).")
                           .arg(argText(m_wantedPre), argText(m_wantedPost)));
        m_ctx.line(vigie::core::ScenarioRunner::tr("Controls: %1")
                       .arg(all ? vigie::core::ScenarioRunner::tr(
                                      "every other cell of the city (outside the buffer)")
                                : vigie::core::ScenarioRunner::tr(
                                      "the %n cell(s) whose trend before best matches the area",
                                      nullptr, int(r.controlCells.size()))));
        m_ctx.line(QString());
        reportCounts();
        reportEffect();
        QVariantList series;
        for (std::size_t k = 0; k < r.periodStart.size(); ++k)
            series << QVariantMap{{QStringLiteral("start"),
                                   localTime(m_sel.t0 + std::int64_t(r.periodStart[k] * 86400.0),
                                             QStringLiteral("yyyy-MM-dd"))},
                                  {QStringLiteral("treated"), r.treatedSeries[k]},
                                  {QStringLiteral("control"), r.controlSeries[k]}};
        const analytics::DidEstimate &d = r.did;
        m_ctx.figure(QStringLiteral("effect"), d.effect);
        m_ctx.figure(QStringLiteral("effectLow"), d.effectLow);
        m_ctx.figure(QStringLiteral("effectHigh"), d.effectHigh);
        m_ctx.figure(QStringLiteral("pValue"), d.pValue);
        m_ctx.figure(QStringLiteral("treatedBefore"), r.treatedBefore);
        m_ctx.figure(QStringLiteral("treatedAfter"), r.treatedAfter);
        m_ctx.figure(QStringLiteral("parallelTrends"), r.preTrend.parallel);
        if (std::isfinite(r.wdq.wdq))
            m_ctx.figure(QStringLiteral("wdq"), r.wdq.wdq);
        m_ctx.figure(QStringLiteral("series"), series);
        m_ctx.used(QStringLiteral("preDays"), m_preDays);
        m_ctx.used(QStringLiteral("postDays"), m_postDays);
    }

    AlgorithmContext &m_ctx;
    const ParameterValues &m_v;
    std::int64_t m_action = 0;
    double m_preDays = 0, m_postDays = 0, m_wantedPre = 0, m_wantedPost = 0, m_periodDays = 0;
    Selection m_sel;
    LayerSnapshotPtr m_areaLayer;
    std::vector<const Geometry *> m_shapes;
    QStringList m_areaLabels;
    GridSpec m_grid;
    std::vector<std::uint8_t> m_treated, m_buffer, m_control;
    analytics::ImpactParams m_params;
    analytics::ImpactResult m_result;
};

class ImpactAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("impact"); }
    QString title() const override
    {
        return vigie::core::ScenarioRunner::tr("Impact of an action");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Scenario; }
    QString explanation() const override
    {
        return vigie::core::ScenarioRunner::tr(
            "Measures the effect of an action started on a date in an area: incidents "
            "before and after against control cells (difference in differences), and "
            "whether they moved to the surroundings (weighted displacement quotient).");
    }
    bool usesPointSelection() const override { return false; }
    OutputHints outputHints() const override
    {
        OutputHints h;
        h.zoomToResult = true;
        h.focusCategories = {QStringLiteral("action"), QStringLiteral("tampon")};
        return h;
    }

    ParameterDefinitions parameters() const override
    {
        return {
            P::date(QStringLiteral("actionDate"), vigie::core::ScenarioRunner::tr("Action date"))
                .withHelp(vigie::core::ScenarioRunner::tr("Date the action started (ISO date).")),
            P::layer(QStringLiteral("actionAreaLayer"),
                     vigie::core::ScenarioRunner::tr("Areas layer"), GeometryType::Polygon,
                     QStringLiteral("quartiers"))
                .withHelp(
                    vigie::core::ScenarioRunner::tr("Polygon layer the areas are taken from.")),
            P::areas(QStringLiteral("actionAreas"), vigie::core::ScenarioRunner::tr("Action areas"),
                     QStringLiteral("actionAreaLayer"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Areas of the action: names or codes, separated by commas.")),
            P::choice(QStringLiteral("action"), vigie::core::ScenarioRunner::tr("Kind of action"),
                      {{QStringLiteral("cameras"), vigie::core::ScenarioRunner::tr("cameras")},
                       {QStringLiteral("patrol"), vigie::core::ScenarioRunner::tr("patrols")},
                       {QStringLiteral("other"), vigie::core::ScenarioRunner::tr("other")}},
                      QStringLiteral("other"))
                .withHelp(vigie::core::ScenarioRunner::tr("Kind of action (for the record).")),
            P::number(QStringLiteral("preDays"), vigie::core::ScenarioRunner::tr("Days before"),
                      364, 28, 3650, QStringLiteral("d"))
                .withHelp(vigie::core::ScenarioRunner::tr("Days before the action compared.")),
            P::number(QStringLiteral("postDays"), vigie::core::ScenarioRunner::tr("Days after"),
                      364, 28, 3650, QStringLiteral("d"))
                .withHelp(vigie::core::ScenarioRunner::tr("Days after the action compared.")),
            P::number(QStringLiteral("periodDays"),
                      vigie::core::ScenarioRunner::tr("Period length"), 28, 1, 365,
                      QStringLiteral("d"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Length of the periods of the count series in days."))
                .advanced(),
            cellSizeParameter(
                250, 50, 2000,
                vigie::core::ScenarioRunner::tr("Cell size of the risk grid in metres."))
                .advanced(),
            P::choice(
                QStringLiteral("controls"), vigie::core::ScenarioRunner::tr("Controls"),
                {{QStringLiteral("matched"), vigie::core::ScenarioRunner::tr("matched cells")},
                 {QStringLiteral("all"), vigie::core::ScenarioRunner::tr("every other cell")}},
                QStringLiteral("matched"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Comparison areas: the cells whose trend before best matches, "
                    "or every other cell.")),
            P::integer(QStringLiteral("matchedControls"),
                       vigie::core::ScenarioRunner::tr("Matched controls"), 20, 2, 10000)
                .withHelp(vigie::core::ScenarioRunner::tr("Number of matched control cells."))
                .advanced(),
            P::number(QStringLiteral("buffer"), vigie::core::ScenarioRunner::tr("Buffer"), 500, 0,
                      10000, QStringLiteral("m"))
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Width of the buffer around the area where displacement is "
                    "measured (metres; 0: none).")),
            P::number(QStringLiteral("confidence"), vigie::core::ScenarioRunner::tr("Confidence"),
                      0.95, 0.5, 0.999)
                .withHelp(vigie::core::ScenarioRunner::tr("Confidence level of the interval."))
                .advanced(),
            P::integer(QStringLiteral("replicates"), vigie::core::ScenarioRunner::tr("Replicates"),
                       999, 0, 99999)
                .withHelp(
                    vigie::core::ScenarioRunner::tr("Bootstrap replicates over periods (0: none)."))
                .advanced(),
            seedParameter()};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        ImpactRun(ctx, values).go();
    }
};

} // namespace

std::unique_ptr<Algorithm> impactAlgorithm()
{
    return std::make_unique<ImpactAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
