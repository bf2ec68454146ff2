// SPDX-License-Identifier: GPL-3.0-or-later
// Risk-adjusted (dual) kernel density: incidents over a denominator (population or another layer).
#include "../../argtext.h"
#include "../../store/store.h"
#include "../algorithm.h"
#include "analytics/kde.h"
#include "units.h"

#include <algorithm>
#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;

namespace {

class RelativeRiskAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("risk"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Risk-adjusted density (dual KDE)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Divides the density of incidents by the density of what exposes to them (residents, "
            "or another point layer such as bars): where incidents are more frequent than the "
            "exposure explains.");
    }
    bool makesRaster() const override { return true; }

    ParameterDefinitions parameters() const override
    {
        return {
            P::text(QStringLiteral("denominator"), vigie::core::AnalysisRunner::tr("Denominator"),
                    QStringLiteral("population"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "What incidents are divided by: \"population\" (residents of each quartier) or "
                    "the id of another point layer.")),
            kernelParameter(QStringLiteral("gaussian"),
                            vigie::core::AnalysisRunner::tr("Kernel of both densities.")),
            P::number(QStringLiteral("bandwidth"),
                      vigie::core::AnalysisRunner::tr("Incident bandwidth"), 400.0, 10, 20000,
                      QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Bandwidth of the incident density in metres.")),
            P::number(QStringLiteral("controlBandwidth"),
                      vigie::core::AnalysisRunner::tr("Denominator bandwidth"), 0.0, 0, 20000,
                      QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr("Bandwidth of the denominator density in "
                                                          "metres; 0: the incidents' bandwidth.")),
            P::number(QStringLiteral("cellSize"), vigie::core::AnalysisRunner::tr("Cell size"),
                      100.0, 10, 2000, QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr("Cell size in metres.")),
            P::boolean(QStringLiteral("edgeCorrection"),
                       vigie::core::AnalysisRunner::tr("Edge correction"), true)
                .withHelp(vigie::core::AnalysisRunner::tr("Edge correction of both densities."))};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        const QString denominator = values.text(QStringLiteral("denominator"));
        std::vector<double> cx, cy, cw;
        if (denominator == QLatin1String("population")) {
            auto q = ctx.store().loadSnapshot(QStringLiteral("quartiers"), ctx.feedback());
            q.orThrow();
            // Population spread over each quartier on a 100 m lattice of points.
            for (std::size_t k = 0; k < (*q)->size(); ++k) {
                auto attrs = ctx.store().attributes(QStringLiteral("quartiers"), (*q)->fids[k]);
                const double pop =
                    attrs ? attrs->value(QStringLiteral("population")).toDouble() : 0.0;
                const Geometry &g = (*q)->geometries[k];
                std::vector<std::pair<double, double>> lattice;
                for (double x = std::floor(g.bounds.left() / 100) * 100 + 50; x < g.bounds.right();
                     x += 100)
                    for (double y = std::floor(g.bounds.top() / 100) * 100 + 50;
                         y < g.bounds.bottom(); y += 100)
                        if (contains(g, QPointF(x, y)))
                            lattice.emplace_back(x, y);
                if (lattice.empty())
                    lattice.emplace_back(g.bounds.center().x(), g.bounds.center().y());
                for (const auto &[x, y] : lattice) {
                    cx.push_back(x);
                    cy.push_back(y);
                    cw.push_back(pop / double(lattice.size()));
                }
            }
        } else {
            AnalysisSelection other = ctx.selectionRequest();
            other.layer = denominator;
            other.categories.clear();
            other.weightField.clear();
            Selection s = select(ctx.store(), other, ctx.feedback());
            cx = s.x;
            cy = s.y;
        }
        analytics::RelativeRiskParams rp;
        rp.cases.kernel = rp.controls.kernel = kernelFrom(values.choice(QStringLiteral("kernel")));
        rp.cases.bandwidth = values.number(QStringLiteral("bandwidth"));
        rp.controls.bandwidth = values.number(QStringLiteral("controlBandwidth")) > 0
                                    ? values.number(QStringLiteral("controlBandwidth"))
                                    : rp.cases.bandwidth;
        const double cs = values.number(QStringLiteral("cellSize"));
        const GridSpec g = GridSpec::covering(sel.bounds.left(), sel.bounds.top(),
                                              sel.bounds.right(), sel.bounds.bottom(), cs);
        std::vector<std::uint8_t> mask;
        if (!sel.window.empty()) {
            mask = rasterizeMask(sel.window, g);
            rp.cases.window = rp.controls.window = mask;
            rp.cases.edgeCorrection = rp.controls.edgeCorrection =
                values.boolean(QStringLiteral("edgeCorrection"));
        }
        rp.logRisk = true;
        ctx.progress(20, vigie::core::AnalysisRunner::tr("Estimating both densities"));
        const analytics::PointSet controls{cx, cy, cw, {}};
        analytics::RelativeRiskResult r =
            analytics::relativeRisk(sel.points(), controls, g, rp, ctx.feedback());
        // Where the denominator is nearly empty the ratio means nothing: no data there.
        double maxControl = 0.0;
        for (double v : r.controlDensity.values)
            if (std::isfinite(v))
                maxControl = std::max(maxControl, v);
        std::size_t elevated = 0;
        for (std::size_t i = 0; i < r.risk.values.size(); ++i) {
            const double c = r.controlDensity.values[i];
            if (!(c > 1e-3 * maxControl))
                r.risk.values[i] = Raster::noData();
            else if (r.risk.values[i] > std::log(2.0))
                ++elevated;
        }
        LayerManifest m =
            ctx.resultManifest(GeometryType::Raster,
                               {QStringLiteral("Risque relatif"), QStringLiteral("Relative risk")});
        m.description = {QStringLiteral("Log du risque relatif (incidents / dénominateur)"),
                         QStringLiteral("Log relative risk (incidents / denominator)")};
        m.symbology.ramp = {
            {-2.0, QStringLiteral("#2166acd0")},  {-1.0, QStringLiteral("#67a9cfa0")},
            {-0.25, QStringLiteral("#f7f7f700")}, {0.25, QStringLiteral("#f7f7f700")},
            {1.0, QStringLiteral("#ef8a62c0")},   {2.0, QStringLiteral("#b2182be0")}};
        m.symbology.zOrder = 25;
        ctx.addRasterLayer(m, r.risk);
        ctx.figure(QStringLiteral("denominator"), denominator);
        ctx.figure(QStringLiteral("cellsRiskAboveTwice"), qlonglong(elevated));
        ctx.line(vigie::core::AnalysisRunner::tr(
                     "Denominator: %1; bandwidths %2 m (incidents) and %3 m (denominator)")
                     .arg(argText(denominator), argText(rp.cases.bandwidth),
                          argText(rp.controls.bandwidth)));
        ctx.line(vigie::core::AnalysisRunner::tr("%n cells with a risk more than twice the city's",
                                                 nullptr, int(elevated)));
    }
};

} // namespace

std::unique_ptr<Algorithm> relativeRiskAlgorithm()
{
    return std::make_unique<RelativeRiskAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
