// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../analysis/analysis.h"
#include "../result.h"
#include "analytics/forecast.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

class Store;

/**
 * Planning and prediction on a store (issue 6): the five scenarios of the Scenarios panel and of
 * `vigie-cli forecast` / `vigie-cli scenario`. The computations are in core/analytics (forecast,
 * eventscenario, patrol, coverage, impact); this module selects the data in the store, runs them
 * and keeps the results as layers of the store, listed in vigie_analyses like the analyses (so
 * the map, the results panel and reports use them). Parameters are named values, described by
 * scenarioParameters() and docs/scenarios.md.
 */
enum class ScenarioKind {
    Forecast, ///< risk per cell for the next shift, day or week (raster layer)
    Event,    ///< extra incidents around a planned event, risk map, cameras and gaps, staffing
    Patrol,   ///< allocation of N units for a shift, response times, A/B comparison
    Cameras,  ///< camera what-if: add / move / remove / suggest, risk covered before and after
    Impact,   ///< impact of an action: difference in differences and displacement (WDQ)
};

QString scenarioKindKey(ScenarioKind kind); ///< "forecast", "event", "patrol", "cameras", "impact"
std::optional<ScenarioKind> scenarioKindFromKey(const QString &key);
QString scenarioKindTitle(ScenarioKind kind); ///< translated
std::vector<ScenarioKind> allScenarioKinds();

/// Parameters of a scenario for dialogs and `vigie-cli scenario KIND --help`.
std::vector<ParameterInfo> scenarioParameters(ScenarioKind kind);

/**
 * One run. `selection` chooses the incidents (layer, categories; from/to bound the history used,
 * default: everything before the forecast origin / the action window). Its areas restrict the
 * forecast, patrol and camera scenarios to those areas; the impact scenario names its action
 * area with the parameters actionAreas / actionAreaLayer instead (its controls lie outside).
 *
 * Parameters (defaults in scenarioParameters()):
 *  - forecast: model (sepp | prospective-kde | last-period), period (shift | day | week),
 *    origin (ISO date-time; default: midnight after the last incident), cellSize, trainingDays,
 *    bandwidth, halfLifeDays.
 *  - event: venue (a venue or event name of the events layer) or x and y (Lambert-93), start
 *    (ISO date-time), durationHours, attendance, type (events layer category), radius,
 *    riskRadius, cellSize, hoursBefore, hoursAfter, unitsPerIncident, replicates, confidence,
 *    seed.
 *  - patrol: units, date (ISO date), shift (morning 6–14 | afternoon 14–22 | night 22–6),
 *    model, cellSize, radius, strategyA, strategyB (optimise | sectors | hotspots | positions),
 *    positionsA, positionsB ("x,y;x,y;…" for positions), incidents (simulated), speedKmh,
 *    dispatchSeconds, targetMinutes, roads (use the traffic layer as the road network), seed.
 *  - cameras: edits ("add:x,y,dir,fov,range;move:ID:x,y,dir,fov,range;remove:ID"), suggest
 *    (number of cameras to place), suggestRange, suggestFov, cellSize, bandwidth,
 *    hotspotQuantile.
 *  - impact: actionDate (ISO), actionAreas (names, comma-separated), actionAreaLayer
 *    (default quartiers), action (cameras | patrol | other, for the title), preDays, postDays,
 *    periodDays, cellSize, controls (matched | all), matchedControls, buffer (metres),
 *    confidence, replicates, seed.
 */
struct ScenarioRequest
{
    ScenarioKind kind = ScenarioKind::Forecast;
    AnalysisSelection selection;
    QVariantMap parameters;
    QString title; ///< optional
};

/**
 * Runs a scenario and keeps its layers in the store in one transaction; cancellable through
 * feedback (the store is then unchanged). Deterministic for a seed. AnalysisOutcome::layers
 * lists every layer made, the main one (shown first on the map) first; summaryText is the
 * translated report (tables of hours, sectors, side-by-side comparisons); summary holds the
 * figures by name for tests, reports and the CLI's --json.
 */
class ScenarioRunner
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::ScenarioRunner)

public:
    static Result<AnalysisOutcome> run(Store &store, const ScenarioRequest &request,
                                       analytics::Feedback *feedback = nullptr);
};

} // namespace vigie::core
