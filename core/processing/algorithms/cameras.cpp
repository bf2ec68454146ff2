// SPDX-License-Identifier: GPL-3.0-or-later
// Camera what-if: add, move or remove cameras, or have the best new sites suggested (greedy
// maximum coverage of the risk), and compare the incident risk covered before and after.
#include "../../argtext.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "analytics/kde.h"
#include "scenariosupport.h"

#include <array>
#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;

namespace {

analytics::Camera parseCamera(const QString &text, const QString &edit)
{
    const QStringList v = text.split(u',');
    std::array<double, 5> d{};
    bool ok = v.size() == 5;
    for (int i = 0; ok && i < 5; ++i)
        d[std::size_t(i)] = v[i].trimmed().toDouble(&ok);
    if (!ok || d[3] <= 0 || d[3] > 360 || d[4] <= 0 || d[4] > 1000)
        invalidParameter(QStringLiteral("edits"),
                         vigie::core::ScenarioRunner::tr(
                             "\"%1\": a camera is x,y,direction,fov,range (metres, degrees; "
                             "fov in (0, 360], range in (0, 1000])")
                             .arg(edit));
    return {d[0], d[1], d[2], d[3], d[4]};
}

/// The edits of the what-if, applied to the active cameras' states.
struct Edits
{
    std::vector<analytics::CameraEdit> edits;
    std::vector<QString> state; ///< per active camera: existante, deplacee, retiree
    std::vector<std::pair<analytics::Camera, QString>> added;
};

Edits parseEdits(const QString &text, const CameraSet &cams)
{
    Edits out;
    out.state.assign(cams.cameras.size(), QStringLiteral("existante"));
    int addCount = 0;
    auto indexOf = [&](const QString &id) {
        const int k = cams.ids.indexOf(id.trimmed());
        if (k < 0)
            invalidParameter(
                QStringLiteral("edits"),
                vigie::core::ScenarioRunner::tr("no active camera \"%1\"").arg(id.trimmed()));
        return std::size_t(k);
    };
    for (const QString &rawEdit : text.split(u';', Qt::SkipEmptyParts)) {
        const QString e = rawEdit.trimmed();
        if (e.isEmpty())
            continue;
        const int colon = e.indexOf(u':');
        const QString verb = e.left(colon).trimmed().toLower();
        const QString rest = colon < 0 ? QString() : e.mid(colon + 1);
        analytics::CameraEdit ce;
        if (verb == QLatin1String("add")) {
            ce.kind = analytics::CameraEdit::Kind::Add;
            ce.camera = parseCamera(rest, e);
            out.added.emplace_back(ce.camera, QStringLiteral("NOUV-%1").arg(++addCount));
        } else if (verb == QLatin1String("move")) {
            const int c2 = rest.indexOf(u':');
            ce.kind = analytics::CameraEdit::Kind::Move;
            ce.index = indexOf(rest.left(c2));
            ce.camera = parseCamera(rest.mid(c2 + 1), e);
            out.state[ce.index] = QStringLiteral("deplacee");
        } else if (verb == QLatin1String("remove")) {
            ce.kind = analytics::CameraEdit::Kind::Remove;
            ce.index = indexOf(rest);
            out.state[ce.index] = QStringLiteral("retiree");
        } else {
            invalidParameter(
                QStringLiteral("edits"),
                vigie::core::ScenarioRunner::tr("\"%1\": an edit is add:…, move:ID:… or remove:ID")
                    .arg(e));
        }
        out.edits.push_back(ce);
    }
    return out;
}

class CamerasRun
{
public:
    CamerasRun(AlgorithmContext &ctx, const ParameterValues &values) : m_ctx(ctx), m_v(values) {}

    void go()
    {
        m_cellSize = m_v.number(QStringLiteral("cellSize"));
        m_quantile = m_v.number(QStringLiteral("hotspotQuantile"));
        riskSurface();
        m_cams = loadCameras(m_ctx.store(), m_sel.to, m_ctx.feedback());
        m_edits = parseEdits(m_v.text(QStringLiteral("edits")), m_cams);
        const int suggest = int(m_v.integer(QStringLiteral("suggest")));
        if (m_edits.edits.empty() && suggest == 0)
            invalidParameter(QStringLiteral("edits"),
                             vigie::core::ScenarioRunner::tr(
                                 "add, move or remove a camera, or ask for suggested cameras"));
        m_after = analytics::applyCameraEdits(m_cams.cameras, m_edits.edits);
        if (suggest > 0) {
            m_ctx.progress(
                40, vigie::core::ScenarioRunner::tr("Looking for the best new camera sites"));
            analytics::PlacementParams pp;
            pp.count = suggest;
            pp.rangeM = m_v.number(QStringLiteral("suggestRange"));
            pp.fovDeg = m_v.number(QStringLiteral("suggestFov"));
            pp.hotspotQuantile = m_quantile;
            m_placement = analytics::suggestCameras(m_risk, m_after, pp, m_ctx.feedback());
            m_after.insert(m_after.end(), m_placement.cameras.begin(), m_placement.cameras.end());
        }
        m_ctx.progress(70, vigie::core::ScenarioRunner::tr("Comparing the coverage"));
        m_comparison = analytics::compareCoverage(m_risk, m_cams.cameras, m_after, m_quantile);
        writeCameras();
        writeRasters();
        report();
    }

private:
    /// Risk as expected incidents per cell over the last 12 months (quartic KDE).
    void riskSurface()
    {
        const auto [dataMin, dataMax] = dataRange(m_ctx, m_ctx.selectionRequest().layer);
        m_sel = m_ctx.selectPoints(m_ctx.selectionRequest(),
                                   std::max(dataMin, dataMax - std::int64_t(365) * 86400), dataMax);
        m_grid = gridOver(m_sel, m_cellSize);
        m_mask = windowMask(m_sel, m_grid);
        m_ctx.progress(10, vigie::core::ScenarioRunner::tr("Estimating the incident risk surface"));
        analytics::KdeParams kp;
        kp.kernel = analytics::Kernel::Quartic;
        kp.bandwidth = m_v.number(QStringLiteral("bandwidth"));
        kp.window = m_mask;
        m_risk = analytics::kernelDensity(m_sel.points(), m_grid, kp, m_ctx.feedback()).density;
        // Density per km² times the cell area.
        for (std::size_t i = 0; i < m_risk.values.size(); ++i)
            m_risk.values[i] = m_mask[i] && std::isfinite(m_risk.values[i])
                                   ? m_risk.values[i] * m_grid.cellArea() / 1e6
                                   : 0.0;
    }

    /// The cameras of the what-if with their state.
    void writeCameras()
    {
        LayerManifest cm = cameraManifest(
            m_ctx, {}, {QStringLiteral("Caméras — scénario"), QStringLiteral("Cameras — what-if")});
        cm.categories = {
            category("ajoutee", {QStringLiteral("Ajoutée"), QStringLiteral("Added")}, "#1a9850"),
            category("proposee",
                     {QStringLiteral("Proposée (meilleur site)"),
                      QStringLiteral("Suggested (best site)")},
                     "#7b3294"),
            category("deplacee", {QStringLiteral("Déplacée"), QStringLiteral("Moved")}, "#e08214"),
            category("retiree", {QStringLiteral("Retirée"), QStringLiteral("Removed")}, "#d7301f"),
            category("existante", {QStringLiteral("Inchangée"), QStringLiteral("Unchanged")},
                     "#7f8fa6")};
        m_ctx.addVectorLayer(cm);
        Store::Inserter ins(m_ctx.store(), cm.id);
        const QString source = m_ctx.source();
        for (std::size_t i = 0; i < m_cams.cameras.size(); ++i) {
            analytics::Camera c = m_cams.cameras[i];
            for (const auto &e : m_edits.edits)
                if (e.kind == analytics::CameraEdit::Kind::Move && e.index == i)
                    c = e.camera;
            FeatureRecord rec = cameraRecord(c, m_cams.ids[int(i)], m_edits.state[i], source);
            if (m_edits.state[i] == QLatin1String("retiree"))
                rec.values[4] = 0.0; // a removed camera sees nothing: no wedge
            ins.add(rec);
        }
        for (const auto &[c, id] : m_edits.added)
            ins.add(cameraRecord(c, id, QStringLiteral("ajoutee"), source));
        const auto &suggested = m_placement.cameras;
        for (std::size_t k = 0; k < suggested.size(); ++k)
            ins.add(cameraRecord(suggested[k], QStringLiteral("PROP-%1").arg(k + 1),
                                 QStringLiteral("proposee"), source));
    }

    /// The cells gained or lost, and the risk surface.
    void writeRasters()
    {
        const GridSpec &g = m_grid;
        Raster change{g, std::vector<double>(g.cellCount(), Raster::noData())};
        for (std::size_t i = 0; i < change.values.size(); ++i)
            if (m_comparison.change[i] != 0)
                change.values[i] = m_comparison.change[i] > 0 ? 1.0 : -1.0;
        LayerManifest chm =
            scenarioManifest(m_ctx, QStringLiteral("changement"), GeometryType::Raster,
                             {QStringLiteral("Caméras — zones gagnées et perdues"),
                              QStringLiteral("Cameras — areas gained and lost")});
        chm.description = {QStringLiteral("Vert : désormais vu ; rouge : plus vu"),
                           QStringLiteral("Green: now seen; red: no longer seen")};
        chm.symbology.ramp = {{-1.5, QStringLiteral("#d7301fd0")},
                              {-0.01, QStringLiteral("#d7301fd0")},
                              {0.01, QStringLiteral("#1a9850d0")},
                              {1.5, QStringLiteral("#1a9850d0")}};
        chm.symbology.zOrder = 26;
        m_ctx.addRasterLayer(chm, change);
        const Raster shownRisk = outsideAsNoData(m_risk, m_mask);
        LayerManifest rm =
            scenarioManifest(m_ctx, QStringLiteral("risque"), GeometryType::Raster,
                             {QStringLiteral("Caméras — risque (incidents sur 12 mois)"),
                              QStringLiteral("Cameras — risk (incidents over 12 months)")});
        rm.description = {QStringLiteral("Incidents par maille de %1 m (KDE)").arg(m_cellSize),
                          QStringLiteral("Incidents per %1 m cell (KDE)").arg(m_cellSize)};
        rm.symbology.ramp = densityRamp(shownRisk);
        rm.symbology.zOrder = 24;
        m_ctx.addRasterLayer(rm, shownRisk);
    }

    void report()
    {
        const analytics::CoverageComparison &cmp = m_comparison;
        const auto &suggested = m_placement.cameras;
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "Risk: incidents of %1 to %2 (%3), cells of %4 m; hot spots: the top %5 of "
                       "cells")
                       .arg(dayText(m_sel.from), dayText(m_sel.to), argText(m_sel.x.size()),
                            argText(m_cellSize), argText(pct(1.0 - m_quantile, 0))));
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "Cameras: %1 active before, %2 after (%3 edit(s), %4 suggested)")
                       .arg(argText(m_cams.cameras.size()), argText(m_after.size()),
                            argText(m_edits.edits.size()), argText(suggested.size())));
        m_ctx.line(QString());
        m_ctx.line(vigie::core::ScenarioRunner::tr(
            "                          Before     After    Change"));
        auto row = [&](const QString &label, double b, double a) {
            m_ctx.line(QStringLiteral("%1 %2 %3 %4")
                           .arg(label.leftJustified(24), pct(b).rightJustified(9),
                                pct(a).rightJustified(9),
                                (fmt(100 * (a - b), 2) + vigie::core::ScenarioRunner::tr(" pts"))
                                    .rightJustified(10)));
        };
        row(vigie::core::ScenarioRunner::tr("Risk covered"), cmp.before.riskShare,
            cmp.after.riskShare);
        row(vigie::core::ScenarioRunner::tr("Hot-spot risk covered"), cmp.before.hotspotShare,
            cmp.after.hotspotShare);
        m_ctx.line(
            vigie::core::ScenarioRunner::tr("Cells gained: %1; cells lost: %2 (cells of %3 m)")
                .arg(argText(cmp.cellsGained), argText(cmp.cellsLost), argText(m_cellSize)));
        for (std::size_t k = 0; k < suggested.size(); ++k)
            m_ctx.line(vigie::core::ScenarioRunner::tr(
                           "Suggested PROP-%1 at %2, %3 facing %4°: covers %5 more incidents")
                           .arg(argText(k + 1), QString::number(suggested[k].x, 'f', 0),
                                QString::number(suggested[k].y, 'f', 0),
                                fmt(suggested[k].directionDeg, 0),
                                fmt(m_placement.marginalRisk[k], 1)));
        m_ctx.figure(QStringLiteral("riskShareBefore"), cmp.before.riskShare);
        m_ctx.figure(QStringLiteral("riskShareAfter"), cmp.after.riskShare);
        m_ctx.figure(QStringLiteral("hotspotShareBefore"), cmp.before.hotspotShare);
        m_ctx.figure(QStringLiteral("hotspotShareAfter"), cmp.after.hotspotShare);
        m_ctx.figure(QStringLiteral("cellsGained"), qlonglong(cmp.cellsGained));
        m_ctx.figure(QStringLiteral("cellsLost"), qlonglong(cmp.cellsLost));
        m_ctx.figure(QStringLiteral("camerasBefore"), qlonglong(m_cams.cameras.size()));
        m_ctx.figure(QStringLiteral("camerasAfter"), qlonglong(m_after.size()));
    }

    AlgorithmContext &m_ctx;
    const ParameterValues &m_v;
    double m_cellSize = 0, m_quantile = 0;
    Selection m_sel;
    GridSpec m_grid;
    std::vector<std::uint8_t> m_mask;
    Raster m_risk;
    CameraSet m_cams;
    Edits m_edits;
    std::vector<analytics::Camera> m_after;
    analytics::PlacementResult m_placement;
    analytics::CoverageComparison m_comparison;
};

class CamerasAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("cameras"); }
    QString title() const override { return vigie::core::ScenarioRunner::tr("Camera what-if"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Scenario; }
    QString explanation() const override
    {
        return vigie::core::ScenarioRunner::tr(
            "Adds, moves or removes cameras, or suggests the best new sites, and "
            "compares the share of the incident risk the cameras see before and after.");
    }
    bool usesPointSelection() const override { return false; }
    OutputHints outputHints() const override
    {
        OutputHints h;
        h.hideLayers = {QStringLiteral("cameras")}; // the result draws every camera
        h.zoomToResult = true;
        h.focusCategories = {QStringLiteral("existante")};
        h.focusOnOtherCategories = true;
        h.minimumFocusSize = 800;
        return h;
    }

    ParameterDefinitions parameters() const override
    {
        return {P::cameraEdits(QStringLiteral("edits"), vigie::core::ScenarioRunner::tr("Changes"))
                    .optional()
                    .withHelp(vigie::core::ScenarioRunner::tr(
                        "Changes: add:x,y,direction,fov,range; "
                        "move:ID:x,y,direction,fov,range; remove:ID (separated by ;).")),
                P::integer(QStringLiteral("suggest"),
                           vigie::core::ScenarioRunner::tr("Suggested cameras"), 0, 0, 100)
                    .withHelp(vigie::core::ScenarioRunner::tr(
                        "Number of new cameras to place at the best sites (greedy "
                        "maximum coverage).")),
                P::number(QStringLiteral("suggestRange"),
                          vigie::core::ScenarioRunner::tr("Range of suggested cameras"), 80, 10,
                          1000, QStringLiteral("m"))
                    .withHelp(vigie::core::ScenarioRunner::tr(
                        "Range of the suggested cameras in metres.")),
                P::number(QStringLiteral("suggestFov"),
                          vigie::core::ScenarioRunner::tr("Field of view of suggested cameras"), 90,
                          10, 360, QStringLiteral("°"))
                    .withHelp(vigie::core::ScenarioRunner::tr(
                        "Field of view of the suggested cameras in degrees.")),
                cellSizeParameter(
                    50, 5, 500,
                    vigie::core::ScenarioRunner::tr("Cell size of the risk surface in metres."))
                    .advanced(),
                P::number(QStringLiteral("bandwidth"), vigie::core::ScenarioRunner::tr("Bandwidth"),
                          150, 20, 5000, QStringLiteral("m"))
                    .withHelp(vigie::core::ScenarioRunner::tr(
                        "Bandwidth of the risk surface (quartic KDE) in metres."))
                    .advanced(),
                P::number(QStringLiteral("hotspotQuantile"),
                          vigie::core::ScenarioRunner::tr("Hot-spot quantile"), 0.9, 0.5, 0.999)
                    .withHelp(vigie::core::ScenarioRunner::tr(
                        "Hot spots are the cells above this quantile of risk (0.9: the "
                        "top 10 %)."))
                    .advanced()};
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        CamerasRun(ctx, values).go();
    }
};

} // namespace

std::unique_ptr<Algorithm> camerasAlgorithm()
{
    return std::make_unique<CamerasAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
