// SPDX-License-Identifier: GPL-3.0-or-later
// Getis-Ord Gi* hot and cold spots (ArcGIS "Hot Spot Analysis"; R spdep localG).
#include "../../argtext.h"
#include "../algorithm.h"
#include "analytics/hotspot.h"
#include "units.h"

#include <algorithm>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using P = ParameterDefinition;

namespace {

class GiStarAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("gistar"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Hot spots (Getis-Ord Gi*)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Counts incidents per cell or area and finds where high (hot spots) or low counts "
            "(cold spots) cluster more than chance explains, at 90, 95 and 99 % confidence.");
    }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p = unitParameters(true);
        p.push_back(P::boolean(QStringLiteral("fdr"),
                               vigie::core::AnalysisRunner::tr("FDR correction"), true)
                        .withHelp(vigie::core::AnalysisRunner::tr(
                            "Benjamini–Hochberg false discovery rate correction: fewer false hot "
                            "spots when many units are tested.")));
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        ctx.progress(5, vigie::core::AnalysisRunner::tr("Counting incidents per unit"));
        const UnitsSpec spec = UnitsSpec::from(values, true);
        Units u = buildUnits(ctx.store(), sel, spec, true, ctx.feedback());
        const bool fdr = values.boolean(QStringLiteral("fdr"));
        QVariantMap used;
        analytics::SpatialWeights w = unitWeights(u, spec, true, used, ctx.feedback());
        ctx.progress(40, vigie::core::AnalysisRunner::tr("Computing Gi* z-scores"));
        analytics::GiStarResult r = analytics::getisOrdGiStar(u.value, w, fdr, ctx.feedback());
        static const char *keys[] = {"froid_99", "froid_95", "froid_90", "ns",
                                     "chaud_90", "chaud_95", "chaud_99"};
        std::vector<QString> classes;
        for (int c : r.confidenceClass)
            classes.push_back(QLatin1String(keys[std::clamp(c, -3, 3) + 3]));
        LayerManifest m =
            ctx.resultManifest(GeometryType::Polygon, {QStringLiteral("Points chauds (Gi*)"),
                                                       QStringLiteral("Hot spots (Gi*)")});
        m.categories = {
            category("chaud_99",
                     {QStringLiteral("Point chaud, confiance 99 %"),
                      QStringLiteral("Hot spot, 99% confidence")},
                     "#b2182bd0"),
            category("chaud_95",
                     {QStringLiteral("Point chaud, confiance 95 %"),
                      QStringLiteral("Hot spot, 95% confidence")},
                     "#ef8a62c8"),
            category("chaud_90",
                     {QStringLiteral("Point chaud, confiance 90 %"),
                      QStringLiteral("Hot spot, 90% confidence")},
                     "#fddbc7c0"),
            category("ns", {QStringLiteral("Non significatif"), QStringLiteral("Not significant")},
                     "#00000000"),
            category("froid_90",
                     {QStringLiteral("Point froid, confiance 90 %"),
                      QStringLiteral("Cold spot, 90% confidence")},
                     "#d1e5f0c0"),
            category("froid_95",
                     {QStringLiteral("Point froid, confiance 95 %"),
                      QStringLiteral("Cold spot, 95% confidence")},
                     "#67a9cfc8"),
            category("froid_99",
                     {QStringLiteral("Point froid, confiance 99 %"),
                      QStringLiteral("Cold spot, 99% confidence")},
                     "#2166acd0")};
        writeUnitsLayer(
            ctx, m, u, QStringLiteral("classe"), classes,
            {{field("z", FieldType::Real,
                    {QStringLiteral("Score z (Gi*)"), QStringLiteral("z-score (Gi*)")}),
              r.z},
             {field("p", FieldType::Real, {QStringLiteral("Valeur p"), QStringLiteral("p-value")}),
              r.p},
             {field("q", FieldType::Real,
                    {QStringLiteral("Valeur q (FDR)"), QStringLiteral("q-value (FDR)")}),
              r.q}});
        for (auto it = used.begin(); it != used.end(); ++it)
            ctx.used(it.key(), it.value());
        ctx.used(QStringLiteral("fdr"), fdr);
        const QVariantMap counts = countClasses(classes);
        ctx.figure(QStringLiteral("units"), qlonglong(u.value.size()));
        ctx.figure(QStringLiteral("classes"), counts);
        int hot = 0, cold = 0;
        for (int c : r.confidenceClass)
            (c > 0 ? hot : (c < 0 ? cold : hot)) += c != 0;
        ctx.line(vigie::core::AnalysisRunner::tr("%1 units (%2); weights: %3%4; FDR correction: %5")
                     .arg(argText(u.value.size()), argText(unitKindLabel(u.kind)),
                          used.value(QStringLiteral("weights")).toString(),
                          argText(used.contains(QStringLiteral("distance"))
                                      ? vigie::core::AnalysisRunner::tr(", distance %1 m")
                                            .arg(used.value(QStringLiteral("distance")).toDouble(),
                                                 0, 'f', 0)
                                      : QString()),
                          argText(fdr ? vigie::core::AnalysisRunner::tr("yes")
                                      : vigie::core::AnalysisRunner::tr("no"))));
        ctx.line(vigie::core::AnalysisRunner::tr("Hot spots: %1; cold spots: %2")
                     .arg(argText(hot), argText(cold)));
        ctx.figure(QStringLiteral("hot"), hot);
        ctx.figure(QStringLiteral("cold"), cold);
    }
};

} // namespace

std::unique_ptr<Algorithm> giStarAlgorithm()
{
    return std::make_unique<GiStarAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
