// SPDX-License-Identifier: GPL-3.0-or-later
#include "aoristic.h"

#include <algorithm>
#include <cmath>

namespace vigie::analytics {

namespace {

/// Floor division, for instants before 1970 too.
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

/// The local weekday (0 = Monday) and hour of a local time in seconds since 1970.
std::pair<int, int> weekHour(std::int64_t localSecs)
{
    const std::int64_t days = floorDiv(localSecs, 86400);
    // 1 January 1970 was a Thursday (weekday 3).
    const int weekday = int(((days % 7) + 7 + 3) % 7);
    const int hour = int(floorDiv(localSecs - days * 86400, 3600));
    return {weekday, hour};
}

} // namespace

void addAoristic(HourOfWeek &profile, std::int64_t start, std::int64_t end, const UtcOffset &offset,
                 double weight, double maxSpanDays)
{
    if (end <= start) {
        const auto [d, h] = weekHour(start + offset(start));
        profile[std::size_t(d)][std::size_t(h)] += weight;
        return;
    }
    const double length = double(end - start);
    if (length > maxSpanDays * 86400.0) {
        for (auto &day : profile)
            for (double &v : day)
                v += weight / 168.0;
        return;
    }
    for (std::int64_t t = start; t < end;) {
        const std::int64_t local = t + offset(t);
        // The next local hour boundary (any offset, whole hours or not).
        const std::int64_t next = t + (3600 - (local - floorDiv(local, 3600) * 3600));
        const std::int64_t stop = std::min(next, end);
        const auto [d, h] = weekHour(local);
        profile[std::size_t(d)][std::size_t(h)] += weight * double(stop - t) / length;
        t = stop;
    }
}

} // namespace vigie::analytics
