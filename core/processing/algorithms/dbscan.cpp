// SPDX-License-Identifier: GPL-3.0-or-later
// DBSCAN density-based clusters (scikit-learn DBSCAN; QGIS "DBSCAN clustering").
#include "../algorithm.h"
#include "clusters.h"

namespace vigie::core::processing::algorithms {

using P = ParameterDefinition;

namespace {

class DbscanAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("dbscan"); }
    QString title() const override { return vigie::core::AnalysisRunner::tr("Clusters (DBSCAN)"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Groups incidents that have at least a given number of others within a radius: dense "
            "clusters of any shape, and the incidents in no cluster (noise).");
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
        return {P::number(QStringLiteral("eps"), vigie::core::AnalysisRunner::tr("Radius"), 100.0,
                          1, 20000, QStringLiteral("m"))
                    .withHelp(vigie::core::AnalysisRunner::tr("Neighbourhood radius in metres.")),
                P::integer(QStringLiteral("minPoints"),
                           vigie::core::AnalysisRunner::tr("Minimum incidents"), 10, 1, 100000)
                    .withHelp(
                        vigie::core::AnalysisRunner::tr("Incidents within the radius (the incident "
                                                        "itself included) for a core point.")),
                P::boolean(QStringLiteral("borderAsNoise"),
                           vigie::core::AnalysisRunner::tr("Border points as noise"), false)
                    .withHelp(vigie::core::AnalysisRunner::tr(
                        "DBSCAN*: border points are left out of the clusters."))
                    .advanced()};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        runClusters(ctx, values, false);
    }
};

} // namespace

std::unique_ptr<Algorithm> dbscanAlgorithm()
{
    return std::make_unique<DbscanAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
