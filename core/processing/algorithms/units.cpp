// SPDX-License-Identifier: GPL-3.0-or-later
#include "units.h"

#include "../../argtext.h"
#include "../../store/store.h"
#include "analytics/feedback.h"
#include "analytics/hotspot.h"

#include <cmath>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;

ParameterDefinitions unitParameters(bool withWeights)
{
    using P = ParameterDefinition;
    ParameterDefinitions out{
        P::choice(QStringLiteral("grid"), vigie::core::AnalysisRunner::tr("Units"),
                  {{QStringLiteral("square"), vigie::core::AnalysisRunner::tr("square cells")},
                   {QStringLiteral("hex"), vigie::core::AnalysisRunner::tr("hexagons")},
                   {QStringLiteral("quartiers"), vigie::core::AnalysisRunner::tr("quartiers")},
                   {QStringLiteral("arrondissements"),
                    vigie::core::AnalysisRunner::tr("arrondissements")}},
                  QStringLiteral("square"))
            .withHelp(vigie::core::AnalysisRunner::tr(
                "Units analysed: square cells, hexagons, or the quartiers or arrondissements.")),
        P::number(QStringLiteral("cellSize"), vigie::core::AnalysisRunner::tr("Cell size"), 250.0,
                  10, 5000, QStringLiteral("m"))
            .withHelp(vigie::core::AnalysisRunner::tr(
                "Size of a cell in metres (square side, or distance between hexagon centres)."))};
    if (!withWeights)
        return out;
    out.push_back(
        P::choice(
            QStringLiteral("weights"), vigie::core::AnalysisRunner::tr("Neighbours"),
            {{QStringLiteral("distance"), vigie::core::AnalysisRunner::tr("within a distance")},
             {QStringLiteral("knn"), vigie::core::AnalysisRunner::tr("k nearest")},
             {QStringLiteral("queen"), vigie::core::AnalysisRunner::tr("queen contiguity")},
             {QStringLiteral("rook"), vigie::core::AnalysisRunner::tr("rook contiguity")}},
            QString())
            .automaticChoice(vigie::core::AnalysisRunner::tr("automatic"))
            .withHelp(vigie::core::AnalysisRunner::tr(
                "Neighbours: within a distance, the k nearest, or sharing a border (queen: a "
                "corner is enough; rook: an edge). Empty: queen for areas, distance for cells.")));
    out.push_back(P::number(QStringLiteral("distance"),
                            vigie::core::AnalysisRunner::tr("Distance band"), 0.0, 0, 50000,
                            QStringLiteral("m"))
                      .withHelp(vigie::core::AnalysisRunner::tr(
                          "Distance band in metres; 0 chooses it from the data (first peak of "
                          "spatial autocorrelation, as ArcGIS's optimised hot spot analysis).")));
    out.push_back(P::integer(QStringLiteral("k"), vigie::core::AnalysisRunner::tr("Neighbours (k)"),
                             8, 1, 100)
                      .withHelp(vigie::core::AnalysisRunner::tr(
                          "Number of nearest neighbours (knn weights)."))
                      .advanced());
    out.push_back(
        P::choice(
            QStringLiteral("value"), vigie::core::AnalysisRunner::tr("Value analysed"),
            {{QStringLiteral("count"), vigie::core::AnalysisRunner::tr("number of incidents")},
             {QStringLiteral("rate"),
              vigie::core::AnalysisRunner::tr("rate per 1,000 inhabitants")}},
            QStringLiteral("count"))
            .withHelp(vigie::core::AnalysisRunner::tr(
                "For areas: the number of incidents, or the rate per 1,000 inhabitants.")));
    return out;
}

UnitsSpec UnitsSpec::from(const ParameterValues &values, bool withWeights)
{
    UnitsSpec s;
    s.grid = values.choice(QStringLiteral("grid"));
    s.cellSize = values.number(QStringLiteral("cellSize"));
    if (withWeights) {
        s.weights = values.choice(QStringLiteral("weights"));
        s.distance = values.number(QStringLiteral("distance"));
        s.k = int(values.integer(QStringLiteral("k")));
        s.rate = values.choice(QStringLiteral("value")) == QLatin1String("rate");
    }
    return s;
}

ParameterDefinition kernelParameter(const QString &defaultKernel, const QString &help)
{
    return ParameterDefinition::choice(
               QStringLiteral("kernel"), vigie::core::AnalysisRunner::tr("Kernel"),
               {{QStringLiteral("quartic"), vigie::core::AnalysisRunner::tr("quartic (biweight)")},
                {QStringLiteral("epanechnikov"), vigie::core::AnalysisRunner::tr("Epanechnikov")},
                {QStringLiteral("triangular"), vigie::core::AnalysisRunner::tr("triangular")},
                {QStringLiteral("uniform"), vigie::core::AnalysisRunner::tr("uniform")},
                {QStringLiteral("gaussian"), vigie::core::AnalysisRunner::tr("Gaussian")}},
               defaultKernel)
        .withHelp(help);
}

namespace {

/// Square cells of the study area's grid (cells with incidents always kept), with their
/// contiguity when queen or rook weights are asked for.
void squareUnits(Units &u, const Selection &sel, const UnitsSpec &spec, bool queen)
{
    const QString &weights = spec.weights;
    const double cs = spec.cellSize;
    const GridSpec g = GridSpec::covering(sel.bounds.left(), sel.bounds.top(), sel.bounds.right(),
                                          sel.bounds.bottom(), cs);
    if (g.cellCount() > 4'000'000)
        invalidParameter(
            QStringLiteral("cellSize"),
            vigie::core::AnalysisRunner::tr("too small for this area (more than 4 million cells)"));
    std::vector<std::uint8_t> mask = sel.window.empty()
                                         ? std::vector<std::uint8_t>(g.cellCount(), 1)
                                         : rasterizeMask(sel.window, g);
    std::vector<double> counts(g.cellCount(), 0.0);
    for (std::size_t i = 0; i < sel.x.size(); ++i) {
        const int c = g.colOf(sel.x[i]), r = g.rowOf(sel.y[i]);
        if (c >= 0 && r >= 0) {
            counts[g.index(c, r)] += sel.weightOf(i);
            mask[g.index(c, r)] = 1; // a cell with incidents is always analysed
        }
    }
    std::vector<std::int64_t> unitOfCell(g.cellCount(), -1);
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            const std::size_t k = g.index(c, r);
            if (!mask[k])
                continue;
            unitOfCell[k] = std::int64_t(u.value.size());
            u.shapes.push_back({gridCellSquare(g, c, r)});
            u.cx.push_back(g.centreX(c));
            u.cy.push_back(g.centreY(r));
            u.value.push_back(counts[k]);
        }
    if (weights == QLatin1String("queen") || weights == QLatin1String("rook")) {
        const analytics::SpatialWeights all =
            analytics::gridContiguityWeights(g.cols, g.rows, queen, false, mask);
        // Renumber cells -> units (the weights are indexed by cell).
        analytics::SpatialWeights w;
        for (std::size_t k = 0; k < g.cellCount(); ++k) {
            if (unitOfCell[k] < 0)
                continue;
            for (std::size_t j = all.offsets[k]; j < all.offsets[k + 1]; ++j) {
                const std::int64_t to = unitOfCell[std::size_t(all.indices[j])];
                if (to >= 0) {
                    w.indices.push_back(std::int32_t(to));
                    w.weights.push_back(all.weights[j]);
                }
            }
            w.offsets.push_back(w.indices.size());
        }
        u.contiguity = std::move(w);
        u.hasContiguity = true;
    }
}

/// Hexagons over the study area (those with incidents or whose centre is inside).
void hexUnits(Units &u, const Selection &sel, const UnitsSpec &spec)
{
    const double spacing = spec.cellSize;
    const analytics::HexGrid h = analytics::hexGrid(
        sel.bounds.left(), sel.bounds.top(), sel.bounds.right(), sel.bounds.bottom(), spacing);
    std::vector<double> counts(h.size(), 0.0);
    std::vector<std::uint8_t> keep(h.size(), 0);
    for (std::size_t i = 0; i < sel.x.size(); ++i) {
        const std::int64_t k = h.indexOf(sel.x[i], sel.y[i]);
        if (k >= 0) {
            counts[std::size_t(k)] += sel.weightOf(i);
            keep[std::size_t(k)] = 1;
        }
    }
    for (std::size_t k = 0; k < h.size(); ++k) {
        if (keep[k] || sel.window.empty())
            continue;
        for (const Geometry *gm : sel.window)
            if (contains(*gm, QPointF(h.x[k], h.y[k]))) {
                keep[k] = 1;
                break;
            }
    }
    for (std::size_t k = 0; k < h.size(); ++k) {
        if (!keep[k])
            continue;
        Path ring;
        for (const auto &[vx, vy] : h.vertices(k))
            ring.push_back(QPointF(vx, vy));
        if (!ring.empty())
            ring.push_back(ring.front());
        u.shapes.push_back({PolygonRings{ring}});
        u.cx.push_back(h.x[k]);
        u.cy.push_back(h.y[k]);
        u.value.push_back(counts[k]);
    }
}

/// The polygons of an area layer (quartiers, arrondissements), by count or rate.
void areaUnits(Units &u, Store &store, const Selection &sel, const UnitsSpec &spec, bool queen,
               analytics::Feedback *feedback)
{
    const QString &grid = spec.grid;
    const QString &weights = spec.weights;
    // Areas of a polygon layer: quartiers, arrondissements or any polygon layer.
    auto areas = store.loadSnapshot(grid, feedback);
    areas.orThrow();
    const LayerSnapshot &a = **areas;
    if (a.manifest.geometryType != GeometryType::Polygon)
        invalidParameter(QStringLiteral("grid"), vigie::core::AnalysisRunner::tr(
                                                     "\"%1\" is not square, hex or a polygon layer")
                                                     .arg(grid));
    const bool rate = spec.rate;
    std::vector<double> population(a.size(), 0.0);
    if (rate) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            auto r = store.attributes(grid, a.fids[i]);
            population[i] = r ? r->value(QStringLiteral("population")).toDouble() : 0.0;
        }
    }
    std::vector<double> counts(a.size(), 0.0);
    for (std::size_t i = 0; i < sel.x.size(); ++i) {
        if (i % 65536 == 65535)
            analytics::throwIfCanceled(feedback);
        const QPointF pt(sel.x[i], sel.y[i]);
        for (std::size_t k = 0; k < a.size(); ++k)
            if (a.geometries[k].bounds.contains(pt) && contains(a.geometries[k], pt)) {
                counts[k] += sel.weightOf(i);
                break;
            }
    }
    std::vector<analytics::PolygonRings> rings;
    for (std::size_t k = 0; k < a.size(); ++k) {
        const Geometry &g = a.geometries[k];
        u.shapes.push_back(g.polygons);
        u.cx.push_back(g.bounds.center().x());
        u.cy.push_back(g.bounds.center().y());
        u.value.push_back(rate ? (population[k] > 0 ? 1000.0 * counts[k] / population[k] : 0.0)
                               : counts[k]);
        u.label.push_back(k < a.labels.size() ? a.labels[k] : QString());
        // Largest polygon's rings for contiguity.
        analytics::PolygonRings pr;
        for (const PolygonRings &poly : g.polygons)
            for (const Path &ring : poly) {
                std::vector<std::pair<double, double>> r;
                for (const QPointF &q : ring)
                    r.emplace_back(q.x(), q.y());
                pr.push_back(std::move(r));
            }
        rings.push_back(std::move(pr));
    }
    if (weights != QLatin1String("distance") && weights != QLatin1String("knn")) {
        u.contiguity = analytics::polygonContiguityWeights(rings, queen, 0.5, false);
        u.hasContiguity = true;
    }
}

} // namespace

Units buildUnits(Store &store, const Selection &sel, const UnitsSpec &spec, bool queenDefault,
                 analytics::Feedback *feedback)
{
    Units u;
    const QString &weights = spec.weights;
    const bool queen = weights.isEmpty() ? queenDefault : weights != QLatin1String("rook");
    u.kind = spec.grid;
    if (spec.grid == QLatin1String("square"))
        squareUnits(u, sel, spec, queen);
    else if (spec.grid == QLatin1String("hex"))
        hexUnits(u, sel, spec);
    else
        areaUnits(u, store, sel, spec, queen, feedback);
    if (u.value.size() < 3)
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr("Too few cells or areas (%1) to analyse.")
                            .arg(u.value.size()));
    return u;
}

/// "square cells", "hexagons" or the area layer's id, for summaries.
QString unitKindLabel(const QString &kind)
{
    if (kind == QLatin1String("square"))
        return vigie::core::AnalysisRunner::tr("square cells");
    if (kind == QLatin1String("hex"))
        return vigie::core::AnalysisRunner::tr("hexagons");
    return kind;
}

analytics::SpatialWeights unitWeights(const Units &u, const UnitsSpec &spec, bool includeSelf,
                                      QVariantMap &used, analytics::Feedback *feedback)
{
    QString kind = spec.weights;
    if (kind.isEmpty())
        kind = u.hasContiguity ? QStringLiteral("queen") : QStringLiteral("distance");
    used.insert(QStringLiteral("weights"), kind);
    if ((kind == QLatin1String("queen") || kind == QLatin1String("rook")) && u.hasContiguity)
        return includeSelf ? analytics::withSelf(u.contiguity) : u.contiguity;
    if (kind == QLatin1String("knn")) {
        const int k = spec.k;
        if (k < 1 || std::size_t(k) >= u.value.size())
            invalidParameter(
                QStringLiteral("k"),
                vigie::core::AnalysisRunner::tr("must be between 1 and the number of units - 1"));
        used.insert(QStringLiteral("k"), k);
        return analytics::knnWeights(u.cx, u.cy, k, includeSelf);
    }
    if (kind != QLatin1String("distance"))
        invalidParameter(
            QStringLiteral("weights"),
            vigie::core::AnalysisRunner::tr("\"%1\" is not distance, knn, queen or rook")
                .arg(kind));
    double d = spec.distance;
    if (d < 0)
        invalidParameter(QStringLiteral("distance"),
                         vigie::core::AnalysisRunner::tr("must not be negative"));
    if (d == 0.0) {
        if (feedback)
            feedback->setProgress(
                10, vigie::core::AnalysisRunner::tr("Choosing the analysis scale").toStdString());
        d = analytics::optimisedHotSpotDistance(u.cx, u.cy, u.value, feedback);
        used.insert(QStringLiteral("distanceRule"), QStringLiteral("optimised"));
    }
    used.insert(QStringLiteral("distance"), d);
    return analytics::distanceBandWeights(u.cx, u.cy, d, includeSelf);
}

/// Adds a polygon layer of units with a class category and numeric fields, fills it.
void writeUnitsLayer(AlgorithmContext &context, LayerManifest m, const Units &u,
                     const QString &classField, const std::vector<QString> &classes,
                     const std::vector<std::pair<FieldDef, std::vector<double>>> &numbers)
{
    Store &store = context.store();
    const QString source = context.source();
    m.fields.push_back(
        field("unit", FieldType::Integer, {QStringLiteral("Unité"), QStringLiteral("Unit")}));
    if (!u.label.empty()) {
        m.fields.push_back(
            field("nom", FieldType::String, {QStringLiteral("Nom"), QStringLiteral("Name")}));
        m.labelField = QStringLiteral("nom");
    }
    m.fields.push_back(
        field("valeur", FieldType::Real,
              {QStringLiteral("Valeur analysée"), QStringLiteral("Value analysed")}));
    for (const auto &[f, values] : numbers)
        m.fields.push_back(f);
    m.fields.push_back(field(classField.toUtf8().constData(), FieldType::String,
                             {QStringLiteral("Classe"), QStringLiteral("Class")}));
    m.categoryField = classField;
    m.symbology.fill = QStringLiteral("#00000000");
    m.symbology.stroke = u.label.empty() ? QStringLiteral("#00000000") : QStringLiteral("#ffffff");
    m.symbology.strokeWidth = 0.2;
    m.symbology.labelSize = 7.0;
    context.addVectorLayer(m);
    Store::Inserter ins(store, m.id);
    for (std::size_t i = 0; i < u.value.size(); ++i) {
        FeatureRecord rec;
        rec.wkb = multiPolygonToWkb(u.shapes[i]);
        rec.source = source;
        rec.values << QVariant::fromValue<qlonglong>(qlonglong(i));
        if (!u.label.empty())
            rec.values << u.label[i];
        rec.values << u.value[i];
        for (const auto &[f, values] : numbers)
            rec.values << (std::isfinite(values[i]) ? QVariant(values[i]) : QVariant());
        rec.values << classes[i];
        ins.add(rec);
    }
}

QVariantMap countClasses(const std::vector<QString> &classes)
{
    QVariantMap counts;
    for (const QString &c : classes)
        counts[c] = counts.value(c).toInt() + 1;
    return counts;
}

} // namespace vigie::core::processing::algorithms
