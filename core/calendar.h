// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

namespace vigie::core {

/// A span of whole days, both ends included, on the city's clock (cityTimeZone()).
struct DayPeriod
{
    QDate first;
    QDate last;

    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
    /// Seconds since 1970 UTC of the first day's midnight.
    std::int64_t fromSecs() const;
    /// The last second of the last day (the next midnight minus one second).
    std::int64_t toSecs() const;
    bool operator==(const DayPeriod &) const = default;
};

/// Calendar presets, as a CLSPD monthly meeting counts them: whole calendar months and quarters,
/// never a rolling 30 days.
enum class CalendarPreset {
    Whole,             ///< the whole range of the data
    ThisMonth,         ///< the 1st of the reference month to the reference day
    LastMonth,         ///< the previous calendar month, 1st to last day
    LastQuarter,       ///< the previous calendar quarter (Jan–Mar, Apr–Jun, …)
    SameMonthLastYear, ///< the reference month one year earlier
    Last12Months,      ///< the twelve whole months before the reference month
    Custom             ///< dates chosen by the user
};

/// The period of `preset` for a reference day (today, or the last day of the data when the data
/// ends earlier). Whole and Custom give an invalid period: they depend on the data or the user.
DayPeriod presetPeriod(CalendarPreset preset, const QDate &reference);

/// The preset whose period is exactly `period` for `reference`, or Custom.
CalendarPreset matchingPreset(const DayPeriod &period, const QDate &reference);

/// A stable name for a preset ("whole", "this-month", "last-month", "last-quarter",
/// "same-month-last-year", "last-12-months", "custom"), as saved in workspaces.
QString calendarPresetKey(CalendarPreset preset);
/// The preset of a key; nullopt for anything else.
std::optional<CalendarPreset> calendarPresetFromKey(const QString &key);

/// Animation steps, aligned as calendars are: days, weeks from Monday, months from the 1st.
enum class CalendarStep { Day, Week, Month };

/// The first day of the step containing `day` (the day itself, its Monday, its 1st).
QDate stepStart(const QDate &day, CalendarStep step);
/// The last day of the step that starts on `start`.
QDate stepLast(const QDate &start, CalendarStep step);

/// The city's day of an instant, and the instants of a day's first and last second.
QDate cityDay(std::int64_t secs);
QDate cityToday();
std::int64_t dayStartSecs(const QDate &day);
std::int64_t dayEndSecs(const QDate &day);

/// Reads a date typed by a user: ISO 8601 ("2025-06-01") in every language, and day first
/// ("01/06/2025", "1/6/2025", "01.06.2025", "01-06-2025") as written in France. Two-digit years
/// are refused (an ambiguous century is worse than an error). Leading and trailing blanks are
/// ignored. nullopt when the text is not a real date.
std::optional<QDate> parseTypedDate(const QString &text);

/// Reads a date and time: a date as parseTypedDate() reads it, then optionally "HH:mm" or
/// "HH:mm:ss" after a blank, "T" or " à "; a missing time is midnight. The time is on the city's
/// clock. nullopt when the text is not a real date-time.
std::optional<QDateTime> parseTypedDateTime(const QString &text);

/// Reads a bound of a period given on a command line or in a file, with one rule for every
/// option: a date ("2025-06-01") is a day on the city's clock, from its midnight, or as an end
/// (`endOfDay`) to its last second, so the day is included whole; a date and time without an
/// offset ("2025-06-01T18:00") is on the city's clock; "Z" or an offset ("+02:00") is taken as
/// given. Seconds since 1970 UTC; nullopt when the text is none of these.
std::optional<std::int64_t> parsePeriodBound(const QString &text, bool endOfDay);

/// How a date is written for `language`: "dd/MM/yyyy" in French, ISO "yyyy-MM-dd" otherwise.
QString dateFormat(const QString &language);
/// The same with the time to the minute (no seconds).
QString dateTimeFormat(const QString &language);

} // namespace vigie::core
