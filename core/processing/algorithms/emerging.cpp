// SPDX-License-Identifier: GPL-3.0-or-later
// Emerging hot spot analysis (ArcGIS "Emerging Hot Spot Analysis"): Gi* per time step and
// Mann-Kendall trends.
#include "analytics/emerging.h"
#include "../../argtext.h"
#include "../../i18n.h"
#include "../algorithm.h"
#include "units.h"

#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using P = ParameterDefinition;

namespace {

/// The categories of the emerging hot spot analysis, as ArcGIS names them.
struct Cat
{
    analytics::EmergingCategory c;
    const char *fr;
    const char *en;
    const char *color;
};
using EC = analytics::EmergingCategory;
const Cat cats[] = {
    {EC::New, "Nouveau point chaud", "New hot spot", "#67000dd8"},
    {EC::Consecutive, "Point chaud consécutif", "Consecutive hot spot", "#a50f15d0"},
    {EC::Intensifying, "Point chaud qui s'intensifie", "Intensifying hot spot", "#cb181dd0"},
    {EC::Persistent, "Point chaud persistant", "Persistent hot spot", "#ef3b2cc8"},
    {EC::Diminishing, "Point chaud qui diminue", "Diminishing hot spot", "#fb6a4ac0"},
    {EC::Sporadic, "Point chaud sporadique", "Sporadic hot spot", "#fc9272b8"},
    {EC::Oscillating, "Point chaud oscillant", "Oscillating hot spot", "#fcbba1b8"},
    {EC::Historical, "Ancien point chaud", "Historical hot spot", "#fee0d2b8"},
    {EC::NewCold, "Nouveau point froid", "New cold spot", "#08306bd8"},
    {EC::ConsecutiveCold, "Point froid consécutif", "Consecutive cold spot", "#08519cd0"},
    {EC::IntensifyingCold, "Point froid qui s'intensifie", "Intensifying cold spot", "#2171b5d0"},
    {EC::PersistentCold, "Point froid persistant", "Persistent cold spot", "#4292c6c8"},
    {EC::DiminishingCold, "Point froid qui diminue", "Diminishing cold spot", "#6baed6c0"},
    {EC::SporadicCold, "Point froid sporadique", "Sporadic cold spot", "#9ecae1b8"},
    {EC::OscillatingCold, "Point froid oscillant", "Oscillating cold spot", "#c6dbefb8"},
    {EC::HistoricalCold, "Ancien point froid", "Historical cold spot", "#deebf7b8"}};

class EmergingAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("emerging"); }
    QString title() const override { return vigie::core::AnalysisRunner::tr("Emerging hot spots"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Builds a space-time cube of incident counts, finds hot and cold spots at each time "
            "step and classifies each cell by its history: new, intensifying, persistent, "
            "diminishing, sporadic, oscillating or historical.");
    }

    ParameterDefinitions parameters() const override
    {
        return {
            P::number(QStringLiteral("cellSize"), vigie::core::AnalysisRunner::tr("Cell size"),
                      500.0, 50, 5000, QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr("Side of the cube's cells in metres.")),
            P::number(QStringLiteral("stepDays"), vigie::core::AnalysisRunner::tr("Time step"),
                      28.0, 1, 366, vigie::core::AnalysisRunner::tr("days"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Length of a time step in days (at least 10 steps in the period).")),
            P::number(QStringLiteral("neighbourDistance"),
                      vigie::core::AnalysisRunner::tr("Neighbourhood distance"), 0.0, 0, 50000,
                      QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Neighbourhood distance in metres; 0: 1.5 cells, which reaches the 8 "
                    "surrounding cells.")),
            P::integer(QStringLiteral("neighbourSteps"),
                       vigie::core::AnalysisRunner::tr("Neighbourhood steps"), 1, 0, 12)
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Previous time steps included in each bin's neighbourhood."))
                .advanced(),
            P::boolean(QStringLiteral("fdr"), vigie::core::AnalysisRunner::tr("FDR correction"),
                       true)
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Benjamini–Hochberg correction of each bin's significance."))};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        if (sel.t.empty())
            throw Exception(
                ErrorCode::InvalidInput,
                vigie::core::AnalysisRunner::tr("Emerging hot spots need a layer with times."));
        const double cs = values.number(QStringLiteral("cellSize"));
        const double stepDays = values.number(QStringLiteral("stepDays"));
        const double span = double(sel.to - sel.from) / 86400.0;
        const int steps = int(std::ceil((span + 1e-9) / stepDays));
        if (steps < 10)
            invalidParameter(
                QStringLiteral("stepDays"),
                vigie::core::AnalysisRunner::tr("the period holds %1 steps; at least 10 are needed")
                    .arg(steps));
        const GridSpec g = GridSpec::covering(sel.bounds.left(), sel.bounds.top(),
                                              sel.bounds.right(), sel.bounds.bottom(), cs);
        std::vector<std::uint8_t> mask = sel.window.empty()
                                             ? std::vector<std::uint8_t>(g.cellCount(), 1)
                                             : rasterizeMask(sel.window, g);
        ctx.progress(10, vigie::core::AnalysisRunner::tr("Building the space-time cube"));
        analytics::SpaceTimeCube cube =
            analytics::buildCube(sel.points(), g, 0.0, stepDays, steps, mask);
        analytics::EmergingOptions o;
        o.neighbourDistance = values.number(QStringLiteral("neighbourDistance")) > 0
                                  ? values.number(QStringLiteral("neighbourDistance"))
                                  : 1.5 * cs;
        o.neighbourSteps = int(values.integer(QStringLiteral("neighbourSteps")));
        o.fdr = values.boolean(QStringLiteral("fdr"));
        ctx.progress(25, vigie::core::AnalysisRunner::tr("Gi* per time step and trends"));
        analytics::EmergingResult r = analytics::emergingHotSpots(cube, o, ctx.feedback());
        Units u;
        u.kind = QStringLiteral("square");
        std::vector<QString> classes;
        std::vector<double> tz, tp;
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col) {
                const std::size_t k = g.index(col, row);
                if (!r.analysed[k])
                    continue;
                u.shapes.push_back({gridCellSquare(g, col, row)});
                double total = 0.0;
                for (int s = 0; s < steps; ++s)
                    total += cube.at(s, k);
                u.value.push_back(total);
                const analytics::EmergingCategory c = r.category[k];
                classes.push_back(c == analytics::EmergingCategory::None
                                      ? QStringLiteral("none")
                                      : QLatin1String(analytics::categoryKey(c)));
                tz.push_back(r.trendZ[k]);
                tp.push_back(r.trendP[k]);
            }
        if (u.value.empty())
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("No cell to analyse."));
        LayerManifest m =
            ctx.resultManifest(GeometryType::Polygon, {QStringLiteral("Points chauds émergents"),
                                                       QStringLiteral("Emerging hot spots")});
        for (const Cat &c : cats) {
            CategoryDef d;
            d.value = QLatin1String(analytics::categoryKey(c.c));
            d.label = {QString::fromUtf8(c.fr), QString::fromUtf8(c.en)};
            d.color = QLatin1String(c.color);
            m.categories.push_back(d);
        }
        m.categories.push_back(category(
            "none",
            {QStringLiteral("Aucune tendance détectée"), QStringLiteral("No pattern detected")},
            "#00000000"));
        writeUnitsLayer(
            ctx, m, u, QStringLiteral("tendance"), classes,
            {{field("trend_z", FieldType::Real,
                    {QStringLiteral("Tendance (z de Mann-Kendall)"),
                     QStringLiteral("Trend (Mann-Kendall z)")}),
              tz},
             {field("trend_p", FieldType::Real,
                    {QStringLiteral("Tendance (valeur p)"), QStringLiteral("Trend (p-value)")}),
              tp}});
        const QVariantMap counts = countClasses(classes);
        ctx.figure(QStringLiteral("cells"), qlonglong(u.value.size()));
        ctx.figure(QStringLiteral("steps"), steps);
        ctx.figure(QStringLiteral("classes"), counts);
        ctx.used(QStringLiteral("neighbourDistance"), o.neighbourDistance);
        ctx.line(vigie::core::AnalysisRunner::tr("%1 cells of %2 m, %3 steps of %4 days")
                     .arg(argText(u.value.size()), argText(cs), argText(steps), argText(stepDays)));
        QStringList parts;
        const bool french = preferredLanguage().startsWith(QLatin1String("fr"));
        for (const Cat &c : cats) {
            const int n = counts.value(QLatin1String(analytics::categoryKey(c.c))).toInt();
            if (n > 0)
                parts << QStringLiteral("%1 : %2").arg(QString::fromUtf8(french ? c.fr : c.en),
                                                       argText(n));
        }
        ctx.line(parts.isEmpty() ? vigie::core::AnalysisRunner::tr("No emerging pattern detected.")
                                 : parts.join(QStringLiteral("; ")));
    }
};

} // namespace

std::unique_ptr<Algorithm> emergingAlgorithm()
{
    return std::make_unique<EmergingAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
