// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace vigie::core {

/// How precisely a record says when it happened: a police.uk record knows its month, a
/// daybook entry its minute. Stored with the feature (field time_precision) by its name.
enum class TimePrecision { Second, Minute, Hour, Day, Month, Year, Span };

/// "second", "minute", "hour", "day", "month", "year", "span" (a start and an end given).
QString timePrecisionName(TimePrecision precision);

/// Order of the parts of a date written with slashes or dots ("03/12/2026").
enum class DateOrder {
    Auto,         ///< decided from the values (detectDateOrder), day first when undecided
    DayMonthYear, ///< 03/12/2026 = 3 December (France, the United Kingdom)
    MonthDayYear, ///< 12/03/2026 = 3 December (the United States)
};

/// "auto", "dmy", "mdy".
QString dateOrderName(DateOrder order);
std::optional<DateOrder> dateOrderFromName(const QString &name);

/// When a record happened: [from, to) in UTC, and how precise that is. A minute-precise time
/// gives a span of a minute, a month a span of the month in the source's time zone.
struct TimeSpan
{
    QDateTime from; ///< UTC
    QDateTime to;   ///< UTC, exclusive
    TimePrecision precision = TimePrecision::Second;
};

/**
 * Reads the dates and times of a records export, in any of the forms such exports use:
 *  - ISO 8601: 2026-12-03, 2026-12-03T14:05, 2026-12-03 14:05:09, with Z or +01:00 when the
 *    offset is known (otherwise the time is local to `zone`); 2018-05 (a month); 2018 (a year);
 *  - dates with slashes, dots or dashes in `order`: 03/12/2026, 3.12.26, 03-12-2026 14:05;
 *  - GDAL's own rendering of a date it recognised: 2026/12/03 14:05:00;
 *  - Excel serial days (45994, 45994.5868): days since 1899-12-30, local to `zone`;
 *  - and a separate time column: 14:05, 14:05:09, 14h05, 9h.
 * Local times are converted with `zone` (Europe/Paris by default), daylight saving included.
 */
class DateReader
{
public:
    explicit DateReader(DateOrder order = DateOrder::DayMonthYear,
                        QTimeZone zone = QTimeZone("Europe/Paris"));

    /// The span of a date (and optional separate time); nullopt when either cannot be read.
    std::optional<TimeSpan> read(const QString &date, const QString &time = QString()) const;
    /// A time of day alone ("14:05", "14h05"); nullopt when it is not one.
    static std::optional<QTime> readTime(const QString &text, TimePrecision *precision = nullptr);

    DateOrder order() const { return m_order; }
    const QTimeZone &zone() const { return m_zone; }

private:
    std::optional<TimeSpan> readIso(const QString &text) const;
    std::optional<TimeSpan> readNumeric(const QString &text) const;
    std::optional<TimeSpan> readExcel(const QString &text) const;
    TimeSpan localSpan(const QDate &date, std::optional<QTime> time, TimePrecision precision) const;

    DateOrder m_order;
    QTimeZone m_zone;
};

/// The order of slash dates from sample values: day first when a first part is above 12,
/// month first when a second part is; nullopt when the samples do not tell (or disagree).
std::optional<DateOrder> detectDateOrder(const QStringList &samples);

} // namespace vigie::core
