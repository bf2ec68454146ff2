// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental spatial autocorrelation (ArcGIS "Incremental Spatial Autocorrelation"): the distance
// to analyse at.
#include "../../argtext.h"
#include "../algorithm.h"
#include "analytics/hotspot.h"
#include "units.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using P = ParameterDefinition;

namespace {

class AnalysisScaleAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("scale"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Analysis scale (incremental spatial autocorrelation)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Computes global Moran's I at a series of distances; the first peak is the scale at "
            "which incidents cluster most, the distance band to give the hot spot analysis.");
    }
    OutputHints outputHints() const override
    {
        OutputHints hints;
        hints.showResult = false; // a table of figures, not a layer to look at
        return hints;
    }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p = unitParameters(false);
        p.push_back(
            P::number(QStringLiteral("startDistance"),
                      vigie::core::AnalysisRunner::tr("First distance"), 0.0, 0, 50000,
                      QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "First distance in metres; 0: the distance giving every unit a neighbour.")));
        p.push_back(P::number(QStringLiteral("increment"),
                              vigie::core::AnalysisRunner::tr("Increment"), 0.0, 0, 50000,
                              QStringLiteral("m"))
                        .withHelp(vigie::core::AnalysisRunner::tr(
                            "Increment in metres; 0: the mean nearest-neighbour distance.")));
        p.push_back(P::integer(QStringLiteral("steps"),
                               vigie::core::AnalysisRunner::tr("Distances"), 10, 2, 100)
                        .withHelp(vigie::core::AnalysisRunner::tr("Number of distances tested.")));
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        Units u =
            buildUnits(ctx.store(), sel, UnitsSpec::from(values, false), false, ctx.feedback());
        // Defaults as ArcGIS's incremental spatial autocorrelation: start where every unit has a
        // neighbour, step by the mean nearest-neighbour distance. Locational outliers (nearest
        // neighbour farther than the mean + 3 standard deviations, e.g. the islands) are left
        // out of that start distance, or they would push it to kilometres.
        const std::vector<double> d1 = analytics::kthNeighbourDistances(u.cx, u.cy, 1);
        const double mean = std::accumulate(d1.begin(), d1.end(), 0.0) / double(d1.size());
        double var = 0.0;
        for (double d : d1)
            var += (d - mean) * (d - mean);
        const double limit = mean + 3.0 * std::sqrt(var / double(d1.size()));
        double start = values.number(QStringLiteral("startDistance"));
        if (start <= 0) {
            start = 0.0;
            for (double d : d1)
                if (d <= limit)
                    start = std::max(start, d);
        }
        double inc = values.number(QStringLiteral("increment"));
        if (inc <= 0)
            inc = mean;
        const int steps = int(values.integer(QStringLiteral("steps")));
        if (steps < 2 || steps > 100)
            invalidParameter(QStringLiteral("steps"),
                             vigie::core::AnalysisRunner::tr("must be between 2 and 100"));
        ctx.progress(10, vigie::core::AnalysisRunner::tr("Global Moran's I at each distance"));
        const analytics::IncrementalAutocorrelation r =
            analytics::incrementalSpatialAutocorrelation(u.cx, u.cy, u.value, start, inc, steps,
                                                         ctx.feedback());
        QVariantList rows;
        for (std::size_t i = 0; i < r.distances.size(); ++i) {
            rows << QVariantMap{{QStringLiteral("distance"), r.distances[i]},
                                {QStringLiteral("moranI"), r.moranI[i]},
                                {QStringLiteral("z"), r.z[i]}};
            ctx.line(vigie::core::AnalysisRunner::tr("%1 m: I = %2, z = %3%4")
                         .arg(argText(r.distances[i], 0, 'f', 0), argText(r.moranI[i], 0, 'f', 4),
                              argText(r.z[i], 0, 'f', 2),
                              argText(int(i) == r.firstPeak
                                          ? vigie::core::AnalysisRunner::tr("  ← first peak")
                                          : (int(i) == r.maxPeak ? vigie::core::AnalysisRunner::tr(
                                                                       "  ← highest peak")
                                                                 : QString()))));
        }
        ctx.figure(QStringLiteral("steps"), rows);
        const int chosen = r.firstPeak >= 0 ? r.firstPeak : r.maxPeak;
        if (chosen >= 0) {
            ctx.figure(QStringLiteral("distance"), r.distances[std::size_t(chosen)]);
            ctx.line(vigie::core::AnalysisRunner::tr("Suggested distance band: %1 m")
                         .arg(r.distances[std::size_t(chosen)], 0, 'f', 0));
        } else {
            ctx.line(vigie::core::AnalysisRunner::tr(
                "No peak of spatial autocorrelation: try other distances."));
        }
    }
};

} // namespace

std::unique_ptr<Algorithm> analysisScaleAlgorithm()
{
    return std::make_unique<AnalysisScaleAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
