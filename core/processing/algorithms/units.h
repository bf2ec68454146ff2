// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the hot spot algorithms share (gistar, moran, scale, emerging): the units analysed
// (square cells, hexagons or areas) with their counts and weights, the parameters that declare
// them, and the polygon result layer they write.

#include "../algorithm.h"
#include "analytics/kde.h"
#include "analytics/weights.h"

#include <QString>
#include <QVariantMap>

#include <utility>
#include <vector>

namespace vigie::core::processing::algorithms {

/// A polygon unit of a hotspot analysis: a grid cell, a hexagon or an area.
struct Units
{
    std::vector<std::vector<PolygonRings>> shapes;
    std::vector<double> cx, cy;           ///< centres (for distance weights)
    std::vector<double> value;            ///< counts (or rates)
    std::vector<QString> label;           ///< area names (empty for cells)
    QString kind;                         ///< "square", "hex" or the area layer id
    analytics::SpatialWeights contiguity; ///< for "queen"/"rook" on areas and grids
    bool hasContiguity = false;
};

/// The units and neighbours asked for (from the parameters declared by unitParameters()).
struct UnitsSpec
{
    QString grid = QStringLiteral("square"); ///< square, hex, or a polygon layer id
    double cellSize = 250.0;
    QString weights;       ///< empty: queen for areas, distance for cells
    double distance = 0.0; ///< 0: chosen from the data
    int k = 8;
    bool rate = false; ///< areas: incidents per 1,000 inhabitants
    /// Reads grid and cellSize, and weights, distance, k and value when declared.
    static UnitsSpec from(const ParameterValues &values, bool withWeights);
};

/// grid and cellSize; with `withWeights` also weights, distance, k and value.
ParameterDefinitions unitParameters(bool withWeights);

Units buildUnits(Store &store, const detail::Selection &sel, const UnitsSpec &spec,
                 bool queenDefault, analytics::Feedback *feedback);
/// "square cells", "hexagons" or the area layer's id, for summaries.
QString unitKindLabel(const QString &kind);
/// The weights asked for; `used` receives the weights kind and the distance or k chosen.
analytics::SpatialWeights unitWeights(const Units &u, const UnitsSpec &spec, bool includeSelf,
                                      QVariantMap &used, analytics::Feedback *feedback);
/// Adds a polygon layer of units with a class category and numeric fields, fills it.
void writeUnitsLayer(AlgorithmContext &context, LayerManifest m, const Units &u,
                     const QString &classField, const std::vector<QString> &classes,
                     const std::vector<std::pair<FieldDef, std::vector<double>>> &numbers);
QVariantMap countClasses(const std::vector<QString> &classes);

/// The kernel choice (quartic, epanechnikov, …) of the density algorithms.
ParameterDefinition kernelParameter(const QString &defaultKernel, const QString &help);

} // namespace vigie::core::processing::algorithms
