// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel density heatmap (QGIS "Heatmap (Kernel Density Estimation)"; ArcGIS "Kernel Density").
#include "analytics/kde.h"
#include "../../argtext.h"
#include "../algorithm.h"
#include "analytics/bandwidth.h"
#include "units.h"

#include <algorithm>
#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;

namespace {

analytics::BandwidthRule ruleFrom(const QString &name)
{
    if (name == QLatin1String("silverman"))
        return analytics::BandwidthRule::Silverman;
    if (name == QLatin1String("scott"))
        return analytics::BandwidthRule::Scott;
    if (name == QLatin1String("arcgis"))
        return analytics::BandwidthRule::ArcGis;
    if (name == QLatin1String("diggle"))
        return analytics::BandwidthRule::CvDiggle;
    if (name == QLatin1String("likelihood"))
        return analytics::BandwidthRule::CvLikelihood;
    return analytics::BandwidthRule::Fixed;
}

class KdeAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("kde"); }
    QString title() const override
    {
        return vigie::core::AnalysisRunner::tr("Density heatmap (KDE)");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override
    {
        return vigie::core::AnalysisRunner::tr(
            "Estimates the density of incidents per km² on a grid: where they concentrate, "
            "smoothed over the bandwidth. The usual first map of a crime analysis.");
    }
    bool makesRaster() const override { return true; }

    ParameterDefinitions parameters() const override
    {
        return {
            kernelParameter(QStringLiteral("quartic"),
                            vigie::core::AnalysisRunner::tr(
                                "Shape of the kernel. Quartic (biweight) is the usual choice in "
                                "crime mapping; Gaussian has no bounded radius.")),
            P::choice(
                QStringLiteral("rule"), vigie::core::AnalysisRunner::tr("Bandwidth"),
                {{QStringLiteral("fixed"),
                  vigie::core::AnalysisRunner::tr("fixed (the value below)")},
                 {QStringLiteral("silverman"), vigie::core::AnalysisRunner::tr("Silverman's rule")},
                 {QStringLiteral("scott"), vigie::core::AnalysisRunner::tr("Scott's rule")},
                 {QStringLiteral("arcgis"), vigie::core::AnalysisRunner::tr("ArcGIS's default")},
                 {QStringLiteral("diggle"),
                  vigie::core::AnalysisRunner::tr("cross-validation (Diggle)")},
                 {QStringLiteral("likelihood"),
                  vigie::core::AnalysisRunner::tr("cross-validation (likelihood)")}},
                QStringLiteral("fixed"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "How the bandwidth is chosen: fixed (the value below), a rule of thumb "
                    "(Silverman, Scott, ArcGIS's default), or cross-validation (Diggle's MSE, "
                    "likelihood).")),
            P::number(QStringLiteral("bandwidth"), vigie::core::AnalysisRunner::tr("Search radius"),
                      300.0, 10, 20000, QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Search radius in metres (for the Gaussian: its standard deviation). 200 to "
                    "500 m suits street-level incidents.")),
            P::number(QStringLiteral("cellSize"), vigie::core::AnalysisRunner::tr("Cell size"),
                      50.0, 5, 2000, QStringLiteral("m"))
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Cell size of the heatmap in metres. Smaller is finer and slower.")),
            P::boolean(QStringLiteral("edgeCorrection"),
                       vigie::core::AnalysisRunner::tr("Edge correction"), false)
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Corrects the underestimate near the coast and city limits (density divided by "
                    "the kernel's share inside the area).")),
            P::boolean(QStringLiteral("perMonth"), vigie::core::AnalysisRunner::tr("Per month"),
                       false)
                .withHelp(vigie::core::AnalysisRunner::tr(
                    "Express the density per km² per month instead of per km² over the period."))};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        const Selection &sel = ctx.selection();
        analytics::KdeParams kp;
        kp.kernel = kernelFrom(values.choice(QStringLiteral("kernel")));
        kp.rule = ruleFrom(values.choice(QStringLiteral("rule")));
        kp.bandwidth = kp.rule == analytics::BandwidthRule::Fixed
                           ? values.number(QStringLiteral("bandwidth"))
                           : 0.0;
        kp.edgeCorrection = values.boolean(QStringLiteral("edgeCorrection"));
        const bool perMonth = values.boolean(QStringLiteral("perMonth"));
        const double cs = values.number(QStringLiteral("cellSize"));
        const GridSpec g = GridSpec::covering(sel.bounds.left(), sel.bounds.top(),
                                              sel.bounds.right(), sel.bounds.bottom(), cs);
        if (g.cellCount() > 40'000'000)
            invalidParameter(QStringLiteral("cellSize"),
                             vigie::core::AnalysisRunner::tr(
                                 "too small for this area (more than 40 million cells)"));
        std::vector<std::uint8_t> mask;
        if (!sel.window.empty()) {
            mask = rasterizeMask(sel.window, g);
            kp.window = mask;
        } else if (kp.edgeCorrection) {
            invalidParameter(QStringLiteral("edgeCorrection"),
                             vigie::core::AnalysisRunner::tr("needs a study area (an area layer)"));
        }
        if (kp.rule != analytics::BandwidthRule::Fixed) {
            ctx.progress(5, vigie::core::AnalysisRunner::tr("Choosing the bandwidth"));
            analytics::BandwidthOptions bo;
            bo.window = {sel.bounds.left(), sel.bounds.top(), sel.bounds.right(),
                         sel.bounds.bottom()};
            kp.bandwidth =
                analytics::selectBandwidth(sel.points(), kp.rule, kp.kernel, ctx.feedback(), bo);
            kp.rule = analytics::BandwidthRule::Fixed;
        }
        ctx.progress(15, vigie::core::AnalysisRunner::tr("Estimating the density"));
        analytics::KdeResult r = analytics::kernelDensity(sel.points(), g, kp, ctx.feedback());
        const double months = std::max(1.0, double(sel.to - sel.from) / 86400.0 / 30.4375);
        if (perMonth)
            for (double &v : r.density.values)
                v /= months;
        LayerManifest m =
            ctx.resultManifest(GeometryType::Raster,
                               {QStringLiteral("Densité (KDE)"), QStringLiteral("Density (KDE)")});
        m.description = perMonth ? LocalizedText{QStringLiteral("Incidents par km² et par mois"),
                                                 QStringLiteral("Incidents per km² per month")}
                                 : LocalizedText{QStringLiteral("Incidents par km²"),
                                                 QStringLiteral("Incidents per km²")};
        m.symbology.ramp = densityRamp(r.density);
        m.symbology.zOrder = 25;
        ctx.addRasterLayer(m, r.density);
        double maxV = 0.0;
        for (double v : r.density.values)
            if (std::isfinite(v))
                maxV = std::max(maxV, v);
        ctx.used(QStringLiteral("bandwidth"), r.bandwidth);
        ctx.used(QStringLiteral("cellSize"), cs);
        ctx.figure(QStringLiteral("bandwidth"), r.bandwidth);
        ctx.figure(QStringLiteral("method"), QString::fromStdString(r.method));
        ctx.figure(QStringLiteral("maximum"), maxV);
        ctx.figure(QStringLiteral("cells"), qlonglong(g.cellCount()));
        ctx.line(
            vigie::core::AnalysisRunner::tr("Bandwidth: %1 m; cells of %2 m (%3 × %4); method: %5")
                .arg(argText(r.bandwidth, 0, 'f', 1), argText(cs), argText(g.cols), argText(g.rows),
                     QString::fromStdString(r.method)));
        ctx.line(vigie::core::AnalysisRunner::tr("Highest density: %1 %2")
                     .arg(argText(maxV, 0, 'f', 1),
                          argText(perMonth ? vigie::core::AnalysisRunner::tr("incidents/km²/month")
                                           : vigie::core::AnalysisRunner::tr("incidents/km²"))));
    }
};

} // namespace

std::unique_ptr<Algorithm> kdeAlgorithm()
{
    return std::make_unique<KdeAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
