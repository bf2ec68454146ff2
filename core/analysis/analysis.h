// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layersnapshot.h"
#include "../result.h"
#include "analytics/grid.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

class Store;

/// The analyses Vigie runs on a point layer (incidents by default).
enum class AnalysisKind {
    Kde,              ///< kernel density heatmap (raster layer)
    RelativeRisk,     ///< risk-adjusted (dual) KDE: incidents over a denominator (raster)
    GiStar,           ///< Getis-Ord Gi* hot and cold spots (polygon layer of cells or areas)
    LocalMoran,       ///< Local Moran's I clusters and outliers (polygon layer)
    Dbscan,           ///< density-based clusters (point layer)
    StDbscan,         ///< space-time density-based clusters (point layer)
    NearestNeighbour, ///< Clark–Evans nearest-neighbour index (figures only)
    EmergingHotSpots, ///< space-time cube, Gi* per step, Mann-Kendall trend (polygon layer)
    AnalysisScale,    ///< incremental spatial autocorrelation: the distance to analyse at
};

QString analysisKindKey(AnalysisKind kind); ///< "kde", "gistar", ... (stable, used by the CLI)
std::optional<AnalysisKind> analysisKindFromKey(const QString &key);
QString analysisKindTitle(AnalysisKind kind); ///< translated
std::vector<AnalysisKind> allAnalysisKinds();

/// Which features of a point layer an analysis uses.
/// How a record known only between two times (occurred_at to occurred_to) meets a period:
/// counted when its start is in the period (the default: a point in time as recorded), when any
/// part of its span overlaps the period, or weighted by the share of its span inside the period
/// (aoristic weighting, Ratcliffe 2002). Records without an end are points in time.
enum class SpanRule { Start, Overlap, Aoristic };
QString spanRuleKey(SpanRule rule); ///< "start", "overlap", "aoristic"
std::optional<SpanRule> spanRuleFromKey(const QString &key);

struct AnalysisSelection
{
    QString layer = QStringLiteral("incidents");
    std::int64_t from = LayerSnapshot::kNoTime; ///< seconds since 1970 UTC, inclusive
    std::int64_t to = LayerSnapshot::kNoTime;   ///< inclusive
    QStringList categories;                     ///< values of the category field; empty = all
    QString areaLayer;                          ///< polygon layer restricting the area (optional)
    QStringList areas;   ///< area names or codes (label, code_*, num_* fields) in areaLayer
    QString weightField; ///< numeric field weighting points (KDE), empty = 1 each
    SpanRule spanRule = SpanRule::Start;
};

/**
 * One run: the kind, the selection and its parameters by name, as the kind's algorithm declares
 * them (docs/algorithms.en.md): e.g. kde: kernel, bandwidth, rule, cellSize, edgeCorrection.
 */
struct AnalysisRequest
{
    AnalysisKind kind = AnalysisKind::Kde;
    AnalysisSelection selection;
    QVariantMap parameters;
    QString title;       ///< optional; a title is made from the kind and the period
    QString geoTiffPath; ///< raster results are also written there (GDAL GeoTIFF) when set
};

/// What a run produced; the same is kept in the store's vigie_analyses table.
struct AnalysisOutcome
{
    QString id;                 ///< analysis id (also the result layer id when there is a layer)
    QString resultLayer;        ///< empty when the analysis gives figures only
    QStringList layers;         ///< every result layer, resultLayer first (scenarios make several)
    std::size_t inputCount = 0; ///< points analysed
    QVariantMap parameters;     ///< as used (defaults and chosen bandwidth / distance filled in)
    QVariantMap summary;        ///< key figures (counts per class, bandwidth, z-scores …)
    QString summaryText;        ///< the summary as translated lines for the user
};

/// Parameter description of the scenarios (dialogs, `vigie-cli scenario KIND --help`); the
/// analyses declare theirs as core/processing ParameterDefinitions.
struct ParameterInfo
{
    QString name;
    QVariant defaultValue;
    QStringList choices;                 ///< allowed values for a choice, empty otherwise
    QString help;                        ///< translated explanation
    double minimum = 0.0, maximum = 0.0; ///< numeric range when maximum > minimum
};

/**
 * Runs an analysis on a store and keeps its result in it, in one transaction: a result layer
 * (raster, polygons or points, with a legend) and a row of vigie_analyses with the parameters.
 * Cancellable through feedback; on error or cancel the store is unchanged.
 */
class AnalysisRunner
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::AnalysisRunner)

public:
    static Result<AnalysisOutcome> run(Store &store, const AnalysisRequest &request,
                                       analytics::Feedback *feedback = nullptr);
};

/// An analysis kept in a store.
struct StoredAnalysis
{
    QString id;
    QString kind;
    QString title;
    QString inputLayer;
    QString resultLayer;
    QStringList layers; ///< every result layer, resultLayer first
    QVariantMap parameters;
    QVariantMap summary;
    QString createdAt;
};
std::vector<StoredAnalysis> storedAnalyses(const Store &store); // throws Exception

/// Workspace metadata naming the study area and the reporting units of a workspace made for
/// any area (`vigie-cli new --boundaries`): layer ids.
inline const QString kStudyAreaMetaKey = QStringLiteral("study_area");
inline const QString kUnitsMetaKey = QStringLiteral("units");
/// The layer the workspace names under `metaKey`, else `fallback`, when the workspace has it;
/// empty when it has neither.
QString workspaceLayer(const Store &store, const QString &metaKey, const QString &fallback);

/// The layers removing `layerId` removes: the layer itself, and when it is a result of a stored
/// analysis or scenario, every result layer of that run (they are read together). Throws.
QStringList layersRemovedWith(const Store &store, const QString &layerId);
/// Removes layersRemovedWith(layerId) and the runs they came from, in one transaction: the
/// workspace then has neither the layers nor the record (the report no longer offers it).
/// Returns the layers removed; on error nothing is removed.
Result<QStringList> removeLayerAndResults(Store &store, const QString &layerId);

/// Writes a grid as a GeoTIFF in Lambert-93 (float32, NaN as no-data) with GDAL.
Result<void> writeGeoTiff(const analytics::Raster &raster, const QString &path);

/// Rasterises polygons onto a grid (1 where the cell centre is inside), even-odd per polygon.
std::vector<std::uint8_t> rasterizeMask(const std::vector<const Geometry *> &geometries,
                                        const analytics::GridSpec &grid);

} // namespace vigie::core
