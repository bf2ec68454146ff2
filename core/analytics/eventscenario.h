// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace vigie::analytics {

/// A past (or planned) event: venue in metres, start and end in days (same origin as the incident
/// times), a type ("football", "concert", ...), an attendance (0 = unknown).
struct PastEvent
{
    double x = 0;
    double y = 0;
    double start = 0;
    double end = 0;
    std::string type;
    double attendance = 0;
};

struct EventScenarioParams
{
    double radiusM = 500; ///< incidents counted within this distance of the venue
    int hourFrom = -2;    ///< first hour bin relative to the start: [start + h h, start + (h+1) h)
    int hourTo = 6;       ///< one past the last hour bin
    std::string type;     ///< past events of this type only (empty = every type)
    /// Past events at this venue only (within venueMatchRadiusM); NaN = events at every venue.
    double venueX = std::numeric_limits<double>::quiet_NaN();
    double venueY = std::numeric_limits<double>::quiet_NaN();
    double venueMatchRadiusM = 250;
    /// Ordinary days: the same hours shifted by +-7, +-14, ... +-7*controlWeeks days (same weekday
    /// and time of day), dropped when any event within exclusionRadiusM of the venue overlaps them
    /// or when they fall outside the incidents' time range.
    int controlWeeks = 4;
    double exclusionRadiusM = 0; ///< 0 = 2 * radiusM
    /// > 0: scale each past event's extra incidents by targetAttendance / its attendance (events
    /// without an attendance are then skipped).
    double targetAttendance = 0;
    int bootstrapReplicates = 999; ///< events resampled with replacement
    double confidence = 0.9;
    std::uint64_t seed = 1;
    /// Staffing rule: units = expected extra incidents in the hour * unitsPerIncident, rounded to
    /// the nearest whole unit (halves up).
    double unitsPerIncident = 1.0;
    /// Optional areas (sectors, rings, cells) for a breakdown: one zone index per incident in
    /// [0, zoneCount) or -1 (none). Only incidents within radiusM of the venue are counted, so
    /// take radiusM large enough to hold the zones.
    std::span<const int> incidentZone;
    int zoneCount = 0;
};

/// Estimate for one hour bin relative to the event start.
struct EventHourEstimate
{
    int hour = 0;             ///< bin [start + hour, start + hour + 1) hours
    double eventMean = 0;     ///< mean count during the past events (unscaled)
    double baselineMean = 0;  ///< mean count on the matched ordinary days (unscaled)
    double extra = 0;         ///< mean extra incidents (scaled to targetAttendance when set)
    double low = 0, high = 0; ///< bootstrap percentile interval of `extra`
    int units = 0;            ///< staffing from `extra`
    int unitsHigh = 0;        ///< staffing from `high` (prudent)
};

struct EventScenarioResult
{
    std::vector<EventHourEstimate> hours;
    /// zoneCount lists of hour estimates (same bins as `hours`), when zones were given.
    std::vector<std::vector<EventHourEstimate>> zoneHours;
    double totalExtra = 0, totalLow = 0, totalHigh = 0; ///< over all hour bins
    std::vector<std::size_t> eventsUsed;                ///< indices into the events span
    std::vector<int> controlsPerEvent; ///< matched ordinary days kept, per used event
    std::size_t eventsSkipped = 0;     ///< matching events without any control day or attendance
    std::size_t controlsExcluded = 0;  ///< control days dropped because another event was near
};

/**
 * Extra incidents by hour around an event, from past similar events against matched ordinary days
 * (see docs/analytics-scenarios.md). Points need times (t, days). Deterministic for a seed.
 * Throws std::invalid_argument on bad parameters or when no past event can be used.
 */
EventScenarioResult estimateEventScenario(const PointSet &incidents,
                                          std::span<const PastEvent> events,
                                          const EventScenarioParams &params,
                                          Feedback *feedback = nullptr);

} // namespace vigie::analytics
