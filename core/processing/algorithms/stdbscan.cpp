// SPDX-License-Identifier: GPL-3.0-or-later
// ST-DBSCAN space-time clusters (Birant and Kut 2007; QGIS "ST-DBSCAN clustering").
#include "../algorithm.h"
#include "clusters.h"

namespace vigie::core::processing::algorithms {

using P = ParameterDefinition;

namespace {

class StDbscanAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("stdbscan"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Space-time clusters (ST-DBSCAN)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Groups incidents close in space and in time: series of incidents (a burglary spree, a "
            "week of thefts around a station) rather than places.");
    }
    OutputHints outputHints() const override
    {
        OutputHints h;
        h.hideLayers = {QStringLiteral("incidents")};
        h.hiddenCategories = {QStringLiteral("bruit")};
        return h;
    }

    ParameterDefinitions parameters() const override
    {
        return {
            P::number(QStringLiteral("eps"), vigie::core::AnalysisRunner::tr("Radius"), 150.0, 1,
                      20000, QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr("Neighbourhood radius in metres.")),
            P::number(QStringLiteral("epsDays"), vigie::core::AnalysisRunner::tr("Time window"),
                      7.0, 0.01, 3650, vigie::core::AnalysisRunner::tr("days"))
                .withHelp(vigie::core::AnalysisRunner::tr("Time window in days.")),
            P::integer(QStringLiteral("minPoints"),
                       vigie::core::AnalysisRunner::tr("Minimum incidents"), 8, 1, 100000)
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Incidents within the radius and window (itself included) for a core point.")),
            P::boolean(QStringLiteral("borderAsNoise"),
                       vigie::core::AnalysisRunner::tr("Border points as noise"), false)
                .withHelp(
                    vigie::core::AnalysisRunner::tr("Border points are left out of the clusters."))
                .advanced()};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        runClusters(ctx, values, true);
    }
};

} // namespace

std::unique_ptr<Algorithm> stDbscanAlgorithm()
{
    return std::make_unique<StDbscanAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
