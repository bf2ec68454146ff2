// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the analysis and scenario runners (core/analysis, core/scenario): reading
// parameters, selecting the analysed points, and writing result layers and catalogue rows.
// Internal to vigie::core; not a public API.

#include "../geometry.h"
#include "../layermanifest.h"
#include "../layersnapshot.h"
#include "../store/wkb.h"
#include "analysis.h"
#include "analytics/grid.h"
#include "analytics/kde.h"

#include <QJsonObject>
#include <QRectF>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <vector>

namespace vigie::core {

class Store;

namespace detail {

double param(const QVariantMap &p, const char *name, double fallback);
/// Lower-cased text value, or `fallback` when absent or empty.
QString paramText(const QVariantMap &p, const char *name, const QString &fallback);
bool paramBool(const QVariantMap &p, const char *name, bool fallback);
/// Throws Exception(InvalidInput) "Invalid parameter "name": why".
[[noreturn]] void invalidParameter(const QString &name, const QString &why);
/// A number in (0, maximum], else invalidParameter().
double positive(const QVariantMap &p, const char *name, double fallback, double maximum = 1e9);

/// The square of a grid's cell (col, row), from its top-left corner, clockwise.
PolygonRings gridCellSquare(const analytics::GridSpec &g, int col, int row);
double geometryArea(const Geometry &g);
/// dd/MM/yyyy in French, ISO otherwise (UTC).
QString isoDay(std::int64_t secs, const QString &language);

/// The points an analysis uses, with their study area (see select()).
struct Selection
{
    LayerSnapshotPtr source;              ///< the point layer
    LayerSnapshotPtr areaLayer;           ///< polygons of the study area (may be null)
    std::vector<const Geometry *> window; ///< study-area polygons (empty: bounding box)
    std::vector<std::size_t> rows;        ///< selected rows of source
    std::vector<double> x, y, t, w;       ///< t in days since `t0`
    std::int64_t t0 = 0;                  ///< seconds UTC of t == 0
    std::int64_t from = 0, to = 0;        ///< period actually covered (seconds UTC)
    QRectF bounds;                        ///< of the window
    double areaM2 = 0.0;                  ///< of the window
    QString studyArea;                    ///< the layer of the window, empty for none
    std::size_t outside = 0; ///< rows matching the period and categories, outside the window

    analytics::PointSet points() const { return {x, y, w, t}; }
    /// The weight of point i (1 when the points are not weighted).
    double weightOf(std::size_t i) const { return w.empty() ? 1.0 : w[i]; }
};

/// Label and code fields by which areas are named.
QStringList areaKeys(const LayerManifest &m);
/// Loads and filters the points of a selection; throws Exception with a clear message.
Selection select(Store &store, const AnalysisSelection &sel, analytics::Feedback *feedback);

struct Bilingual
{
    QString fr, en;
};

/// A fresh id "<key>_<n>" used by no layer and no analysis.
QString freshId(const Store &store, const QString &key);
FieldDef field(const char *name, FieldType type, const Bilingual &label);
CategoryDef category(const char *value, const Bilingual &label, const char *color);
/// Manifest titled "<kind> — <input>, <from>–<to>" with origin "analysis:<id>".
LayerManifest baseManifest(const QString &id, GeometryType type, const Bilingual &kindTitle,
                           const Selection &sel, const QString &inputTitleFr,
                           const QString &inputTitleEn);
/// Yellow-to-brown ramp up to the 99.5th percentile of the positive values.
std::vector<ColorStop> densityRamp(const analytics::Raster &r);
analytics::Kernel kernelFrom(const QString &name);

/// Inserts the catalogue row of a run in vigie_analyses (inside the caller's transaction): the
/// outcome's parameters with the selection used ("selection": layer, period actually covered
/// when known, categories, areas, weight field, features analysed), its summary with "text"
/// (summaryText) and "layers" (every result layer, the main one first). Returns the parameters
/// as stored.
QVariantMap recordAnalysis(Store &store, const AnalysisOutcome &outcome, const QString &kindKey,
                           const QString &title, const AnalysisSelection &selection,
                           std::int64_t from, std::int64_t to);

} // namespace detail
} // namespace vigie::core
