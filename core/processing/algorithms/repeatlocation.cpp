// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat locations, the "80-20" tool of crime analysts (Eck, Clarke and Guerette 2007; Weisburd's
// law of crime concentration): which places or cells concentrate what share of the incidents,
// with the concentration curve and the Gini coefficient.
#include "../algorithm.h"

#include "../../argtext.h"
#include "../../store/store.h"
#include "analytics/concentration.h"
#include "analytics/feedback.h"

#include <cmath>
#include <map>
#include <utility>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using P = ParameterDefinition;

namespace {

QString percent(double share)
{
    return argText(100.0 * share, 0, 'f', 1);
}

/// The units of the run: their counts, and where each is (a place's point or a cell's square).
struct CountedUnits
{
    std::vector<double> count;
    std::vector<double> x, y;      ///< place: its position; cell: its centre
    analytics::GridSpec grid;      ///< cells: their grid (0 columns for places)
    std::vector<std::size_t> cell; ///< cells: each unit's cell on the grid
};

CountedUnits places(const Selection &sel, double tolerance)
{
    std::map<std::pair<long long, long long>, std::size_t> index;
    CountedUnits u;
    for (std::size_t i = 0; i < sel.x.size(); ++i) {
        const std::pair<long long, long long> key{std::llround(sel.x[i] / tolerance),
                                                  std::llround(sel.y[i] / tolerance)};
        auto [it, added] = index.emplace(key, u.count.size());
        if (added) {
            u.count.push_back(0.0);
            u.x.push_back(double(key.first) * tolerance);
            u.y.push_back(double(key.second) * tolerance);
        }
        u.count[it->second] += 1.0;
    }
    return u;
}

CountedUnits cells(const Selection &sel, double cs, bool includeEmpty)
{
    const analytics::GridSpec g = analytics::GridSpec::covering(
        sel.bounds.left(), sel.bounds.top(), sel.bounds.right(), sel.bounds.bottom(), cs);
    if (g.cellCount() > 20'000'000)
        invalidParameter(QStringLiteral("cellSize"),
                         vigie::core::AnalysisRunner::tr(
                             "too small for this area (more than 20 million cells)"));
    std::vector<double> counts(g.cellCount(), 0.0);
    for (std::size_t i = 0; i < sel.x.size(); ++i) {
        const int c = g.colOf(sel.x[i]), r = g.rowOf(sel.y[i]);
        if (c >= 0 && r >= 0)
            counts[g.index(c, r)] += 1.0;
    }
    std::vector<std::uint8_t> inside;
    if (includeEmpty)
        inside = sel.window.empty() ? std::vector<std::uint8_t>(g.cellCount(), 1)
                                    : rasterizeMask(sel.window, g);
    CountedUnits u;
    u.grid = g;
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            const std::size_t k = g.index(c, r);
            if (counts[k] > 0 || (includeEmpty && inside[k])) {
                u.count.push_back(counts[k]);
                u.x.push_back(g.centreX(c));
                u.y.push_back(g.centreY(r));
                u.cell.push_back(k);
            }
        }
    return u;
}

class RepeatLocationAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("repeat_location"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Repeat locations (concentration)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Counts incidents per place (same address) or per cell and ranks them: what "
            "share of the incidents the top 1, 5, 10 and 20% of places hold, the "
            "concentration curve and the Gini coefficient. Few places holding many "
            "incidents is where problem-oriented work pays.");
    }
    OutputHints outputHints() const override
    {
        OutputHints hints;
        hints.hideLayers = {QStringLiteral("incidents")};
        return hints;
    }

    ParameterDefinitions parameters() const override
    {
        return {
            P::choice(QStringLiteral("unit"), vigie::core::AnalysisRunner::tr("Unit"),
                      {{QStringLiteral("place"),
                        vigie::core::AnalysisRunner::tr("places (same location)")},
                       {QStringLiteral("cell"), vigie::core::AnalysisRunner::tr("square cells")}},
                      QStringLiteral("cell"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Places: incidents at the same position, within the tolerance "
                    "(geocoded addresses). Cells: a square grid over the study area.")),
            P::number(QStringLiteral("cellSize"), vigie::core::AnalysisRunner::tr("Cell size"),
                      100.0, 10, 5000, QStringLiteral("m"))
                .withHelp(
                    vigie::core::AnalysisRunner::tr("Side of the cells in metres (unit: cells).")),
            P::number(QStringLiteral("tolerance"), vigie::core::AnalysisRunner::tr("Tolerance"),
                      1.0, 0.01, 100, QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Positions closer than this are one place (unit: places)."))
                .advanced(),
            P::boolean(QStringLiteral("includeEmpty"),
                       vigie::core::AnalysisRunner::tr("Count empty cells"), false)
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Cells of the study area without incidents count as units (the "
                    "share of the area, rather than of the places with incidents)."))};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        const bool byCell = values.choice(QStringLiteral("unit")) == QLatin1String("cell");
        ctx.progress(10, vigie::core::AnalysisRunner::tr("Counting incidents per unit"));
        const CountedUnits u = byCell ? cells(sel, values.number(QStringLiteral("cellSize")),
                                              values.boolean(QStringLiteral("includeEmpty")))
                                      : places(sel, values.number(QStringLiteral("tolerance")));
        if (u.count.empty())
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("No incident to count."));
        static const double unitFractions[] = {0.01, 0.05, 0.10, 0.20};
        static const double incidentFractions[] = {0.5, 0.8};
        const analytics::ConcentrationResult r =
            analytics::concentration(u.count, unitFractions, incidentFractions, 20);
        ctx.progress(60, vigie::core::AnalysisRunner::tr("Writing the ranked units"));
        writeLayer(ctx, u, r, byCell);
        summarise(ctx, u, r, byCell);
    }

private:
    static void writeLayer(AlgorithmContext &ctx, const CountedUnits &u,
                           const analytics::ConcentrationResult &r, bool byCell)
    {
        LayerManifest m = ctx.resultManifest(byCell ? GeometryType::Polygon : GeometryType::Point,
                                             {QStringLiteral("Lieux répétés (concentration)"),
                                              QStringLiteral("Repeat locations (concentration)")});
        m.fields = {
            field("incidents", FieldType::Integer,
                  {QStringLiteral("Incidents"), QStringLiteral("Incidents")}),
            field("rang", FieldType::Integer, {QStringLiteral("Rang"), QStringLiteral("Rank")}),
            field("part_cumulee", FieldType::Real,
                  {QStringLiteral("Part cumulée des incidents (%)"),
                   QStringLiteral("Cumulative share of incidents (%)")}),
            field("classe", FieldType::String,
                  {QStringLiteral("Classe"), QStringLiteral("Class")})};
        m.categoryField = QStringLiteral("classe");
        m.categories = {
            category("top1",
                     {QStringLiteral("1 % des unités les plus touchées"),
                      QStringLiteral("Top 1% of units")},
                     "#67000dd8"),
            category("top5", {QStringLiteral("1 à 5 %"), QStringLiteral("1 to 5%")}, "#cb181dd0"),
            category("top20", {QStringLiteral("5 à 20 %"), QStringLiteral("5 to 20%")},
                     "#fc9272c0"),
            category("autres", {QStringLiteral("Autres unités"), QStringLiteral("Other units")},
                     "#fee0d240")};
        m.symbology.stroke = QStringLiteral("#ffffff");
        m.symbology.strokeWidth = 0.2;
        m.symbology.size = 2.0;
        m.symbology.zOrder = 30;
        ctx.addVectorLayer(m);
        Store::Inserter ins(ctx.store(), m.id);
        const double n = double(u.count.size());
        double cumulative = 0.0;
        for (std::size_t k = 0; k < r.order.size(); ++k) {
            const std::size_t i = r.order[k];
            if (u.count[i] <= 0)
                break; // empty cells count in the figures, not on the map
            if (k % 65536 == 65535)
                ctx.throwIfCanceled();
            cumulative += u.count[i];
            FeatureRecord rec;
            if (byCell) {
                const auto cols = std::size_t(u.grid.cols);
                rec.wkb = multiPolygonToWkb(
                    {gridCellSquare(u.grid, int(u.cell[i] % cols), int(u.cell[i] / cols))});
            } else {
                rec.wkb = pointToWkb(u.x[i], u.y[i]);
            }
            rec.source = ctx.source();
            const double rankShare = double(k + 1) / n;
            rec.values << QVariant::fromValue<qlonglong>(qlonglong(u.count[i]))
                       << QVariant::fromValue<qlonglong>(qlonglong(k + 1))
                       << 100.0 * cumulative / r.total
                       << QString::fromLatin1(rankShare <= 0.01   ? "top1"
                                              : rankShare <= 0.05 ? "top5"
                                              : rankShare <= 0.20 ? "top20"
                                                                  : "autres");
            ins.add(rec);
        }
    }

    static void summarise(AlgorithmContext &ctx, const CountedUnits &u,
                          const analytics::ConcentrationResult &r, bool byCell)
    {
        std::size_t repeatUnits = 0;
        double repeatIncidents = 0.0;
        QVariantMap distribution{{QStringLiteral("1"), 0},
                                 {QStringLiteral("2"), 0},
                                 {QStringLiteral("3-4"), 0},
                                 {QStringLiteral("5-9"), 0},
                                 {QStringLiteral("10+"), 0}};
        for (double c : u.count) {
            if (c >= 2) {
                ++repeatUnits;
                repeatIncidents += c;
            }
            const char *bin = c >= 10  ? "10+"
                              : c >= 5 ? "5-9"
                              : c >= 3 ? "3-4"
                              : c >= 2 ? "2"
                              : c >= 1 ? "1"
                                       : nullptr;
            if (bin)
                distribution[QLatin1String(bin)] =
                    distribution.value(QLatin1String(bin)).toInt() + 1;
        }
        QVariantList curve;
        for (double v : r.curve)
            curve << v;
        ctx.figure(QStringLiteral("units"), qlonglong(r.units));
        ctx.figure(QStringLiteral("unitsWithIncidents"), qlonglong(r.nonEmpty));
        ctx.figure(QStringLiteral("incidents"), r.total);
        ctx.figure(QStringLiteral("gini"), r.gini);
        ctx.figure(QStringLiteral("shareTop1"), r.incidentShareOfTop[0]);
        ctx.figure(QStringLiteral("shareTop5"), r.incidentShareOfTop[1]);
        ctx.figure(QStringLiteral("shareTop10"), r.incidentShareOfTop[2]);
        ctx.figure(QStringLiteral("shareTop20"), r.incidentShareOfTop[3]);
        ctx.figure(QStringLiteral("unitsFor50"), r.unitShareHolding[0]);
        ctx.figure(QStringLiteral("unitsFor80"), r.unitShareHolding[1]);
        ctx.figure(QStringLiteral("repeatUnits"), qlonglong(repeatUnits));
        ctx.figure(QStringLiteral("repeatShare"), repeatIncidents / r.total);
        ctx.figure(QStringLiteral("distribution"), distribution);
        ctx.figure(QStringLiteral("curve"), curve);
        ctx.line(vigie::core::AnalysisRunner::tr(
                     "%1 %3, %2 of them with incidents, for %4 incidents; Gini coefficient %5")
                     .arg(argText(r.units), argText(r.nonEmpty),
                          byCell ? vigie::core::AnalysisRunner::tr("cells")
                                 : vigie::core::AnalysisRunner::tr("places"),
                          argText(r.total, 0, 'f', 0), argText(r.gini, 0, 'f', 3)));
        ctx.line(vigie::core::AnalysisRunner::tr("The top 1% of units hold %1% of the incidents; "
                                                 "the top 5%: %2%; 10%: %3%; 20%: %4%")
                     .arg(percent(r.incidentShareOfTop[0]), percent(r.incidentShareOfTop[1]),
                          percent(r.incidentShareOfTop[2]), percent(r.incidentShareOfTop[3])));
        ctx.line(vigie::core::AnalysisRunner::tr(
                     "Half the incidents are in %1% of the units, 80% in %2%")
                     .arg(percent(r.unitShareHolding[0]), percent(r.unitShareHolding[1])));
        ctx.line(
            vigie::core::AnalysisRunner::tr(
                "Repeat locations: %1 units with 2 incidents or more hold %2% of the incidents")
                .arg(argText(repeatUnits), percent(repeatIncidents / r.total)));
    }
};

} // namespace

std::unique_ptr<Algorithm> repeatLocationAlgorithm()
{
    return std::make_unique<RepeatLocationAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
