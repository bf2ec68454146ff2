// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"
#include "kde.h"
#include "sepp.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::analytics {

/**
 * Crime forecasting on a grid and its rolling-origin evaluation (issue 6, part 1).
 * Conventions: coordinates in metres (projected CRS), times in days from any origin; a forecast
 * covers [originDay, originDay + horizonDays) and uses only events strictly before originDay.
 * Every forecast is a Raster of expected event counts per cell for that period.
 */

/// The forecasting models.
enum class ForecastModel {
    Sepp,           ///< self-exciting point process fitted by EM (sepp.h)
    ProspectiveKde, ///< kernel density of past events weighted by recency
    LastPeriod,     ///< counts per cell in the previous period of the same length
};

/// Short stable name: "sepp", "prospective-kde", "last-period".
std::string forecastModelName(ForecastModel model);
/// Inverse of forecastModelName (also accepts "kde" and "last"); nullopt when unknown.
std::optional<ForecastModel> parseForecastModel(std::string_view name);

/// Usual forecast periods.
enum class ForecastPeriod { Shift, Day, Week, Month };
/// Length in days: Shift = 8 h = 1/3, Day = 1, Week = 7, Month = 30.436875 (the mean Gregorian
/// month: a calendar month's own length is given by the caller, see EvaluationParams).
double periodDays(ForecastPeriod period);

/// Recency-weighted ("prospective") KDE: weight 2^(-(originDay - t) / halfLifeDays).
struct ProspectiveKdeParams
{
    Kernel kernel = Kernel::Gaussian;
    double bandwidth = 200.0;    ///< metres (radius for compact kernels, sd for the Gaussian)
    double halfLifeDays = 14.0;  ///< age at which an event's weight is halved; > 0
    bool edgeCorrection = false; ///< uniform edge correction over the grid extent
};

/// Common inputs of forecast().
struct ForecastParams
{
    GridSpec grid;          ///< output grid
    double originDay = 0;   ///< start of the forecast period (days)
    double horizonDays = 7; ///< length of the forecast period (> 0); see periodDays()
    /// LastPeriod: length of the previous period, [originDay - it, originDay); 0 = horizonDays
    /// (calendar months differ: the previous month of a March is 28 or 29 days).
    double previousPeriodDays = 0;
    /// Events in [originDay - trainingDays, originDay) are used; +infinity uses all the past.
    double trainingDays = 365;
    /// SEPP settings; grid, startDay and endDay are set by forecast() (grid, training window).
    SeppParams sepp;
    ProspectiveKdeParams kde;
};

/// Result of one forecast.
struct ForecastResult
{
    ForecastModel model = ForecastModel::Sepp;
    /// Expected number of events per cell during the period (the risk map; rank cells by it).
    Raster expected;
    std::size_t trainingEvents = 0; ///< events inside the training window
    /// For ForecastModel::Sepp: the fitted model (parameters, background, convergence).
    std::optional<SeppModel> sepp;
};

/**
 * Risk per cell for the next period by one model. Throws std::invalid_argument on bad parameters
 * (or, for the SEPP, fewer than 2 training events), Canceled when `feedback` asks to stop.
 *  - Sepp: fitSepp() on the training window, then seppExpectedCounts(originDay, horizonDays).
 *  - ProspectiveKde: recency-weighted kernel density; scaled so that its total is the recency-
 *    weighted event rate (sum w_i / integral of the weight over the window) times horizonDays.
 *  - LastPeriod: event counts per cell in [originDay - horizonDays, originDay).
 */
ForecastResult forecast(const PointSet &events, ForecastModel model, const ForecastParams &params,
                        Feedback *feedback = nullptr);

/// Prospective KDE baseline on its own (see forecast()); expected counts per cell.
Raster prospectiveKdeForecast(const PointSet &events, const GridSpec &grid, double originDay,
                              double horizonDays, double trainingDays,
                              const ProspectiveKdeParams &params, Feedback *feedback = nullptr);

/// Number of events per cell of `grid` with fromDay <= t < toDay (events outside are skipped).
std::vector<double> countPerCell(const PointSet &events, const GridSpec &grid, double fromDay,
                                 double toDay);

/// Scores of a ranking of cells at one share of the area.
struct HitMetrics
{
    double areaFraction = 0; ///< requested share of the study area
    std::size_t cells = 0;   ///< cells flagged: max(1, round(areaFraction * window cells))
    double hits = 0;         ///< events in the flagged cells (expected value when ties are cut)
    double events = 0;       ///< events in the study area (N)
    double bestHits = 0;     ///< most events any `cells` cells hold (n*)
    double hitRate = 0;      ///< hits / N
    double pai = 0;          ///< Predictive Accuracy Index (hits / N) / (cells / window cells)
    double pei = 0;          ///< Prediction Efficiency Index hits / bestHits
};

/**
 * Hit rate, PAI and PEI of ranking the cells by `risk` (highest first) against observed counts per
 * cell, for each share of the area. Only cells of `window` (non-zero; all cells when empty) count,
 * for the area A and for the events N. NaN risk ranks last. Ties at the cut are broken at random
 * in expectation (a tied group contributes its hits pro rata), so a constant risk gives PAI = 1.
 * With N = 0 hitRate, pai and pei are NaN. Throws std::invalid_argument on sizes that differ,
 * an empty window or fractions outside (0, 1].
 */
std::vector<HitMetrics> hitMetrics(std::span<const double> risk, std::span<const double> observed,
                                   std::span<const double> areaFractions,
                                   std::span<const std::uint8_t> window = {});

/// Rolling-origin evaluation: for k = 0..periods-1, origin = firstOriginDay + k * horizonDays;
/// fit on [origin - trainingDays, origin), predict [origin, origin + horizonDays), score.
struct EvaluationParams
{
    ForecastParams forecast; ///< grid, horizonDays, trainingDays, sepp, kde (originDay ignored)
    double firstOriginDay = 0;
    int periods = 4;
    /// Held-out periods of their own lengths (calendar months): period k is [boundaries[k],
    /// boundaries[k + 1]), increasing; when given (at least 2), firstOriginDay, periods and
    /// forecast.horizonDays are not used, and LastPeriod looks at the period before (for the
    /// first one: forecast.previousPeriodDays, the month before it).
    std::vector<double> boundaries;
    std::vector<ForecastModel> models{ForecastModel::Sepp, ForecastModel::ProspectiveKde,
                                      ForecastModel::LastPeriod};
    std::vector<double> areaFractions{0.01, 0.02, 0.05};
    /// Study area on forecast.grid (non-zero = inside, row-major); empty = the whole grid.
    std::vector<std::uint8_t> window;
};

/// Scores of one model on one held-out period.
struct PeriodScore
{
    ForecastModel model = ForecastModel::Sepp;
    double originDay = 0;
    std::size_t trainingEvents = 0;
    std::vector<HitMetrics> metrics; ///< one per area fraction
    /// SEPP only (NaN otherwise): fitted theta, omega (per day), sigma (metres).
    double theta = std::numeric_limits<double>::quiet_NaN();
    double omega = std::numeric_limits<double>::quiet_NaN();
    double sigma = std::numeric_limits<double>::quiet_NaN();
};

/// Mean over the scored periods (periods with events in the study area) for one model.
struct ModelSummary
{
    ForecastModel model = ForecastModel::Sepp;
    int periodsScored = 0;
    std::vector<double> meanHitRate, meanPai, meanPei; ///< one per area fraction
};

/// What evaluateForecasts() returns; printable with formatEvaluationTable().
struct EvaluationTable
{
    std::vector<double> areaFractions;
    double horizonDays = 0;
    std::size_t windowCells = 0;
    std::vector<double> testEvents;    ///< events in the study area, per period
    std::vector<PeriodScore> scores;   ///< per period, per model (period-major)
    std::vector<ModelSummary> summary; ///< per model, in EvaluationParams::models order
};

/**
 * Runs the rolling-origin evaluation (progress over periods x models; cancellable). A model that
 * cannot be fitted on a period (e.g. fewer than 2 training events) is skipped for that period.
 * Throws std::invalid_argument on bad parameters, Canceled on cancellation.
 */
EvaluationTable evaluateForecasts(const PointSet &events, const EvaluationParams &params,
                                  Feedback *feedback = nullptr);

/// Plain-text table of the summary (one row per model: hit rate, PAI, PEI at each fraction),
/// followed by the number of periods, for `vigie-cli forecast --evaluate`.
std::string formatEvaluationTable(const EvaluationTable &table);

} // namespace vigie::analytics
