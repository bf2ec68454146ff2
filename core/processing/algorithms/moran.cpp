// SPDX-License-Identifier: GPL-3.0-or-later
// Local Moran's I clusters and outliers (Anselin's LISA; R spdep localmoran_perm).
#include "../../argtext.h"
#include "../algorithm.h"
#include "analytics/hotspot.h"
#include "units.h"

#include <algorithm>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using P = ParameterDefinition;

namespace {

class LocalMoranAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("moran"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Clusters and outliers (Local Moran's I)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Finds units whose count resembles their neighbours' (High-High and Low-Low clusters) "
            "or differs from it (High-Low and Low-High outliers), with permutation p-values.");
    }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p = unitParameters(true);
        p.push_back(P::integer(QStringLiteral("permutations"),
                               vigie::core::AnalysisRunner::tr("Permutations"), 999, 0, 99999)
                        .withHelp(vigie::core::AnalysisRunner::tr(
                            "Conditional permutations for the pseudo p-values (999 is usual).")));
        p.push_back(P::integer(QStringLiteral("seed"), vigie::core::AnalysisRunner::tr("Seed"), 1,
                               0, 1000000000)
                        .withHelp(vigie::core::AnalysisRunner::tr(
                            "Seed of the permutations: the same seed gives the same result."))
                        .advanced());
        p.push_back(P::number(QStringLiteral("alpha"),
                              vigie::core::AnalysisRunner::tr("Significance level"), 0.05, 0.001,
                              0.2)
                        .withHelp(vigie::core::AnalysisRunner::tr("Significance level.")));
        p.push_back(P::boolean(QStringLiteral("fdr"),
                               vigie::core::AnalysisRunner::tr("FDR correction"), false)
                        .withHelp(vigie::core::AnalysisRunner::tr(
                            "Benjamini–Hochberg correction of the p-values.")));
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        ctx.progress(5, vigie::core::AnalysisRunner::tr("Counting incidents per unit"));
        const UnitsSpec spec = UnitsSpec::from(values, true);
        Units u = buildUnits(ctx.store(), sel, spec, true, ctx.feedback());
        QVariantMap used;
        analytics::SpatialWeights w =
            analytics::rowStandardised(unitWeights(u, spec, false, used, ctx.feedback()));
        analytics::LocalMoranOptions o;
        o.permutations = int(values.integer(QStringLiteral("permutations")));
        o.seed = std::uint64_t(values.integer(QStringLiteral("seed")));
        o.alpha = values.number(QStringLiteral("alpha"));
        o.fdr = values.boolean(QStringLiteral("fdr"));
        if (o.permutations < 0 || o.permutations > 99999)
            invalidParameter(QStringLiteral("permutations"),
                             vigie::core::AnalysisRunner::tr("must be between 0 and 99999"));
        if (!(o.alpha > 0 && o.alpha < 0.5))
            invalidParameter(QStringLiteral("alpha"),
                             vigie::core::AnalysisRunner::tr("must be between 0 and 0.5"));
        ctx.progress(
            30, vigie::core::AnalysisRunner::tr("Computing Local Moran's I with permutations"));
        analytics::LocalMoranResult r = analytics::localMoran(u.value, w, o, ctx.feedback());
        static const char *keys[] = {"ns", "hh", "ll", "hl", "lh"};
        std::vector<QString> classes;
        for (int c : r.cluster)
            classes.push_back(QLatin1String(keys[std::clamp(c, 0, 4)]));
        LayerManifest m = ctx.resultManifest(
            GeometryType::Polygon, {QStringLiteral("Agrégats et valeurs atypiques (Moran local)"),
                                    QStringLiteral("Clusters and outliers (Local Moran)")});
        m.categories = {
            category("hh",
                     {QStringLiteral("Élevé-Élevé (agrégat chaud)"),
                      QStringLiteral("High-High (hot cluster)")},
                     "#d7191cd0"),
            category("hl",
                     {QStringLiteral("Élevé-Faible (valeur atypique)"),
                      QStringLiteral("High-Low (outlier)")},
                     "#fdae61d0"),
            category("lh",
                     {QStringLiteral("Faible-Élevé (valeur atypique)"),
                      QStringLiteral("Low-High (outlier)")},
                     "#abd9e9d0"),
            category("ll",
                     {QStringLiteral("Faible-Faible (agrégat froid)"),
                      QStringLiteral("Low-Low (cold cluster)")},
                     "#2c7bb6d0"),
            category("ns", {QStringLiteral("Non significatif"), QStringLiteral("Not significant")},
                     "#00000000")};
        const std::vector<double> &pUsed = r.pPermutation.empty() ? r.pNormal : r.pPermutation;
        writeUnitsLayer(
            ctx, m, u, QStringLiteral("classe"), classes,
            {{field("i_local", FieldType::Real,
                    {QStringLiteral("I local"), QStringLiteral("Local I")}),
              r.I},
             {field("z", FieldType::Real, {QStringLiteral("Score z"), QStringLiteral("z-score")}),
              r.z},
             {field("p", FieldType::Real, {QStringLiteral("Valeur p"), QStringLiteral("p-value")}),
              pUsed}});
        for (auto it = used.begin(); it != used.end(); ++it)
            ctx.used(it.key(), it.value());
        const QVariantMap counts = countClasses(classes);
        ctx.figure(QStringLiteral("units"), qlonglong(u.value.size()));
        ctx.figure(QStringLiteral("classes"), counts);
        const analytics::GlobalMoran gm = analytics::globalMoran(u.value, w);
        ctx.figure(QStringLiteral("globalI"), gm.I);
        ctx.figure(QStringLiteral("globalZ"), gm.z);
        ctx.line(vigie::core::AnalysisRunner::tr(
                     "%1 units; %2 permutations (seed %3); global Moran's I = %4 (z = %5)")
                     .arg(argText(u.value.size()), argText(o.permutations), argText(o.seed),
                          argText(gm.I, 0, 'f', 4), argText(gm.z, 0, 'f', 2)));
        ctx.line(vigie::core::AnalysisRunner::tr(
                     "High-High: %1; Low-Low: %2; High-Low: %3; Low-High: %4")
                     .arg(argText(counts.value(QStringLiteral("hh")).toInt()),
                          argText(counts.value(QStringLiteral("ll")).toInt()),
                          argText(counts.value(QStringLiteral("hl")).toInt()),
                          argText(counts.value(QStringLiteral("lh")).toInt())));
    }
};

} // namespace

std::unique_ptr<Algorithm> localMoranAlgorithm()
{
    return std::make_unique<LocalMoranAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
