// SPDX-License-Identifier: GPL-3.0-or-later
// Clark–Evans nearest-neighbour index (ArcGIS "Average Nearest Neighbor"; R spatstat clarkevans).
#include "../../argtext.h"
#include "../algorithm.h"
#include "analytics/cluster.h"
#include "core/pvalue.h"

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;

namespace {

class NearestNeighbourAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("nni"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Nearest-neighbour index");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Compares the mean distance from each incident to its nearest neighbour with what a "
            "random spread over the study area would give: below 1 the incidents cluster, above 1 "
            "they are dispersed.");
    }
    OutputHints outputHints() const override
    {
        OutputHints hints;
        hints.showResult = false; // a table of figures, not a layer to look at
        return hints;
    }

    ParameterDefinitions parameters() const override { return {}; }

    void run(AlgorithmContext &ctx, const ParameterValues &) const override
    {
        const Selection &sel = ctx.selection();
        ctx.progress(10, vigie::core::AnalysisRunner::tr("Measuring nearest-neighbour distances"));
        const analytics::NearestNeighbourIndex r =
            analytics::nearestNeighbourIndex(sel.x, sel.y, sel.areaM2);
        ctx.figure(QStringLiteral("observedMean"), r.observedMean);
        ctx.figure(QStringLiteral("expectedMean"), r.expectedMean);
        ctx.figure(QStringLiteral("ratio"), r.ratio);
        ctx.figure(QStringLiteral("z"), r.z);
        ctx.figure(QStringLiteral("p"), r.p);
        ctx.figure(QStringLiteral("areaKm2"), sel.areaM2 / 1e6);
        ctx.line(vigie::core::AnalysisRunner::tr(
                     "Observed mean distance: %1 m; expected if random: %2 m")
                     .arg(argText(r.observedMean, 0, 'f', 1), argText(r.expectedMean, 0, 'f', 1)));
        ctx.line(
            vigie::core::AnalysisRunner::tr("Nearest-neighbour index: %1 (z = %2, %3): %4")
                .arg(argText(r.ratio, 0, 'f', 3), argText(r.z, 0, 'f', 2), pValueText(r.p),
                     argText(r.p < 0.05
                                 ? (r.ratio < 1 ? vigie::core::AnalysisRunner::tr("clustered")
                                                : vigie::core::AnalysisRunner::tr("dispersed"))
                                 : vigie::core::AnalysisRunner::tr("not different from random"))));
        ctx.line(
            vigie::core::AnalysisRunner::tr("Study area: %1 km²").arg(sel.areaM2 / 1e6, 0, 'f', 1));
    }
};

} // namespace

std::unique_ptr<Algorithm> nearestNeighbourAlgorithm()
{
    return std::make_unique<NearestNeighbourAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
