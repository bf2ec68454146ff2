// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Aoristic weighting (Ratcliffe 2002, "Aoristic signatures and the spatio-temporal analysis of
// high volume crime patterns"): a record known only between two times (a burglary found on
// Monday morning, left on Friday evening) is spread over the hours it may have happened in, in
// proportion to the time in each, so that hour-of-day and weekday profiles do not pile every
// such record on the hour it was found. Pure C++.

#include <array>
#include <cstdint>
#include <functional>

namespace vigie::analytics {

/// One week of local hours: [weekday 0 = Monday .. 6][hour 0 .. 23].
using HourOfWeek = std::array<std::array<double, 24>, 7>;

/// The local clock: the offset from UTC, in seconds, at a UTC instant (daylight saving
/// included).
using UtcOffset = std::function<int(std::int64_t utcSecs)>;

/**
 * Adds `weight` to `profile`, spread over the local hours of [start, end) (seconds since 1970
 * UTC) in proportion to the seconds of the span in each. A record without a span (end <= start)
 * adds its whole weight to the hour of `start`. Spans longer than `maxSpanDays` (a record
 * known only to within years says nothing of the hour) are spread evenly over the week.
 */
void addAoristic(HourOfWeek &profile, std::int64_t start, std::int64_t end, const UtcOffset &offset,
                 double weight = 1.0, double maxSpanDays = 366.0);

} // namespace vigie::analytics
