// SPDX-License-Identifier: GPL-3.0-or-later
// What the scenario and forecast algorithms share: their parameters (forecast model, period,
// patrol strategy), the data they read besides the incidents (cameras, named areas, the data's
// time range), their result layers' manifests, and the report's number and date formats.
#pragma once

#include "../../analysis/analysisutil.h"
#include "../../store/store.h"
#include "../algorithm.h"
#include "analytics/coverage.h"
#include "analytics/forecast.h"

#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

namespace vigie::core::processing::algorithms {

// --- dates and numbers in reports ------------------------------------------------------------

/// Seconds UTC as local time in Marseille, in a QDateTime format.
QString localTime(std::int64_t secs, const QString &format);
/// A local date (and time) for reports: dd/MM/yyyy in French, ISO otherwise.
QString dayText(std::int64_t secs, bool withTime = false);
/// A number in the user's locale with `decimals` decimals.
QString fmt(double v, int decimals = 1);
/// A share as a percentage in the user's locale ("–" when not finite).
QString pct(double share, int decimals = 1);
/// Midnight (Paris) after the instant `secs`.
std::int64_t nextMidnight(std::int64_t secs);
/// Midnight (Paris) starting a day, in seconds UTC.
std::int64_t startOfDay(const QDate &day);
/// Midnight (Paris) starting the month after the one holding the instant `secs`.
std::int64_t nextMonthStart(std::int64_t secs);
/// The instant `secs` moved by `months` calendar months, Paris time.
std::int64_t addMonths(std::int64_t secs, int months);

// --- shared parameters -----------------------------------------------------------------------

/// The forecast periods: parameter value, model period, names in layer titles and the report.
struct PeriodName
{
    const char *key;
    analytics::ForecastPeriod period;
    const char *fr, *en, *report;
};
ParameterDefinition periodParameter(const QString &help);
const PeriodName &periodNamed(const QString &key);

/// The patrol allocation strategies: value, names in layer titles (French; English, the
/// translation source, for English titles and the report).
struct StrategyName
{
    const char *key;
    const char *fr, *en;
};
ParameterDefinition strategyParameter(const QString &name, const QString &label,
                                      const QString &defaultValue, const QString &help);
const StrategyName &strategyNamed(const QString &key);

/// model, trainingDays, bandwidth, halfLifeDays, triggerDistance, triggerDays.
ParameterDefinitions forecastModelParameters(const QString &defaultModel);
ParameterDefinition cellSizeParameter(double defaultValue, double minimum, double maximum,
                                      const QString &help);
ParameterDefinition seedParameter();

/// The model and its settings from forecastModelParameters() (grid, origin and horizon are the
/// caller's).
struct ForecastSetup
{
    analytics::ForecastModel model = analytics::ForecastModel::Sepp;
    analytics::ForecastParams params;
};
ForecastSetup forecastSetup(const ParameterValues &values);
QString modelTitle(analytics::ForecastModel m); ///< translated, for reports
detail::Bilingual modelTitles(analytics::ForecastModel m);

// --- data --------------------------------------------------------------------------------------

/// Time range of a layer's features (seconds UTC); throws when it has no dates.
std::pair<std::int64_t, std::int64_t> dataRange(AlgorithmContext &ctx, const QString &layer);
/// A grid over the selection's study area; throws (naming cellSize) beyond 20 million cells.
analytics::GridSpec gridOver(const detail::Selection &s, double cellSize);
/// The study area's cells (all of them without a study area).
std::vector<std::uint8_t> windowMask(const detail::Selection &s, const analytics::GridSpec &g);

/// Active cameras of the workspace at an instant, with their ids.
struct CameraSet
{
    std::vector<analytics::Camera> cameras;
    QStringList ids;
};
CameraSet loadCameras(Store &store, std::int64_t at, analytics::Feedback *fb);

/// Polygons of a polygon layer named by the user (label or code fields, any case); throws
/// naming `parameterName` for a name that matches nothing.
std::vector<std::pair<QString, const Geometry *>> namedAreas(Store &store, const LayerSnapshot &a,
                                                             const QString &layerId,
                                                             const QStringList &names,
                                                             const QString &parameterName);

// --- results -----------------------------------------------------------------------------------

/// Manifest of a scenario layer `ctx.layerId(suffix)`, origin "scenario:<layer id>".
LayerManifest scenarioManifest(const AlgorithmContext &ctx, const QString &suffix,
                               GeometryType type, const detail::Bilingual &title);
/// A camera point layer drawn with its fields of view.
LayerManifest cameraManifest(const AlgorithmContext &ctx, const QString &suffix,
                             const detail::Bilingual &title);
FeatureRecord cameraRecord(const analytics::Camera &c, const QString &id, const QString &state,
                           const QString &source);
/// One grid cell as a polygon, its ring starting at the lower-left corner.
PolygonRings cellRing(const analytics::GridSpec &g, std::size_t cell);
/// Copy of `r` with no data outside the mask.
analytics::Raster outsideAsNoData(analytics::Raster r, const std::vector<std::uint8_t> &mask);
/// Ramp of expected counts per cell (forecasts): priority cells stand out in red.
std::vector<ColorStop> riskRamp(const analytics::Raster &r);

} // namespace vigie::core::processing::algorithms
