// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeparse.h"

#include <QRegularExpression>

#include <cmath>
#include <utility>

namespace vigie::core {

QString timePrecisionName(TimePrecision precision)
{
    switch (precision) {
    case TimePrecision::Second:
        return QStringLiteral("second");
    case TimePrecision::Minute:
        return QStringLiteral("minute");
    case TimePrecision::Hour:
        return QStringLiteral("hour");
    case TimePrecision::Day:
        return QStringLiteral("day");
    case TimePrecision::Month:
        return QStringLiteral("month");
    case TimePrecision::Year:
        return QStringLiteral("year");
    case TimePrecision::Span:
        return QStringLiteral("span");
    }
    return {};
}

QString dateOrderName(DateOrder order)
{
    switch (order) {
    case DateOrder::Auto:
        return QStringLiteral("auto");
    case DateOrder::DayMonthYear:
        return QStringLiteral("dmy");
    case DateOrder::MonthDayYear:
        return QStringLiteral("mdy");
    }
    return {};
}

std::optional<DateOrder> dateOrderFromName(const QString &name)
{
    for (DateOrder o : {DateOrder::Auto, DateOrder::DayMonthYear, DateOrder::MonthDayYear})
        if (name.compare(dateOrderName(o), Qt::CaseInsensitive) == 0)
            return o;
    return std::nullopt;
}

DateReader::DateReader(DateOrder order, QTimeZone zone)
    : m_order(order == DateOrder::Auto ? DateOrder::DayMonthYear : order), m_zone(std::move(zone))
{
    if (!m_zone.isValid())
        m_zone = QTimeZone("Europe/Paris");
}

namespace {

/// Hours, minutes, seconds of a time of day: "14:05", "14:05:09", "14:05:09.250", "14h05", "9h".
const QRegularExpression &timePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{1,2})(?:[:h](\\d{2})?(?::(\\d{2})(?:[.,]\\d+)?)?)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

std::optional<QTime> timeFromMatch(const QRegularExpressionMatch &m, TimePrecision *precision)
{
    const int h = m.captured(1).toInt();
    const bool hasMinutes = !m.captured(2).isEmpty();
    const bool hasSeconds = !m.captured(3).isEmpty();
    const int mi = hasMinutes ? m.captured(2).toInt() : 0;
    const int s = hasSeconds ? m.captured(3).toInt() : 0;
    if (hasSeconds && !hasMinutes)
        return std::nullopt;
    const QTime t(h, mi, s);
    if (!t.isValid())
        return std::nullopt;
    if (precision)
        *precision = hasSeconds   ? TimePrecision::Second
                     : hasMinutes ? TimePrecision::Minute
                                  : TimePrecision::Hour;
    return t;
}

int fullYear(const QString &digits)
{
    const int y = digits.toInt();
    return digits.size() == 2 ? 2000 + y : y; // records exports of this century
}

} // namespace

std::optional<QTime> DateReader::readTime(const QString &text, TimePrecision *precision)
{
    const auto m = timePattern().match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return timeFromMatch(m, precision);
}

TimeSpan DateReader::localSpan(const QDate &date, std::optional<QTime> time,
                               TimePrecision precision) const
{
    TimeSpan span;
    span.precision = precision;
    const QDateTime start(date, time.value_or(QTime(0, 0)), m_zone);
    span.from = start.toUTC();
    switch (precision) {
    case TimePrecision::Second:
        span.to = span.from.addSecs(1);
        break;
    case TimePrecision::Minute:
        span.to = span.from.addSecs(60);
        break;
    case TimePrecision::Hour:
        span.to = span.from.addSecs(3600);
        break;
    case TimePrecision::Day:
    case TimePrecision::Span:
        span.to = QDateTime(date.addDays(1), QTime(0, 0), m_zone).toUTC();
        break;
    case TimePrecision::Month:
        span.to = QDateTime(date.addMonths(1), QTime(0, 0), m_zone).toUTC();
        break;
    case TimePrecision::Year:
        span.to = QDateTime(date.addYears(1), QTime(0, 0), m_zone).toUTC();
        break;
    }
    return span;
}

std::optional<TimeSpan> DateReader::readIso(const QString &text) const
{
    // Year first, with dashes (ISO) or slashes (GDAL's rendering); T or space before the time.
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})(?:([-/])(\\d{1,2})(?:\\2(\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})"
        "(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int y = m.captured(1).toInt();
    if (m.captured(3).isEmpty()) {
        if (y < 1800 || y > 2200) // a number that is not a year
            return std::nullopt;
        return localSpan(QDate(y, 1, 1), std::nullopt, TimePrecision::Year);
    }
    const int mo = m.captured(3).toInt();
    if (m.captured(4).isEmpty()) {
        const QDate first(y, mo, 1);
        if (!first.isValid())
            return std::nullopt;
        return localSpan(first, std::nullopt, TimePrecision::Month);
    }
    const QDate date(y, mo, m.captured(4).toInt());
    if (!date.isValid())
        return std::nullopt;
    if (m.captured(5).isEmpty())
        return localSpan(date, std::nullopt, TimePrecision::Day);
    const bool hasSeconds = !m.captured(7).isEmpty();
    const QTime time(m.captured(5).toInt(), m.captured(6).toInt(),
                     hasSeconds ? m.captured(7).toInt() : 0);
    if (!time.isValid())
        return std::nullopt;
    const TimePrecision precision = hasSeconds ? TimePrecision::Second : TimePrecision::Minute;
    const QString offset = m.captured(8);
    if (offset.isEmpty())
        return localSpan(date, time, precision);
    int seconds = 0;
    if (offset != QLatin1String("Z")) {
        const QString digits = offset.mid(1).remove(QLatin1Char(':'));
        seconds = digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60;
        if (offset.startsWith(QLatin1Char('-')))
            seconds = -seconds;
    }
    TimeSpan span;
    span.precision = precision;
    span.from = QDateTime(date, time, QTimeZone::utc()).addSecs(-seconds);
    span.to = span.from.addSecs(hasSeconds ? 1 : 60);
    return span;
}

std::optional<TimeSpan> DateReader::readNumeric(const QString &text) const
{
    // Day and month in the reader's order, then the year; a time may follow.
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:[T ]+(?:à\\s*)?(\\S+))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    int d = m.captured(1).toInt(), mo = m.captured(3).toInt();
    if (m_order == DateOrder::MonthDayYear)
        std::swap(d, mo);
    const QDate date(fullYear(m.captured(4)), mo, d);
    if (!date.isValid())
        return std::nullopt;
    if (m.captured(5).isEmpty())
        return localSpan(date, std::nullopt, TimePrecision::Day);
    TimePrecision precision = TimePrecision::Minute;
    const auto time = readTime(m.captured(5), &precision);
    if (!time)
        return std::nullopt;
    return localSpan(date, time, precision);
}

std::optional<TimeSpan> DateReader::readExcel(const QString &text) const
{
    // Serial days since 1899-12-30 (Excel's 1900 system, its leap-year bug included), five
    // digits: 1927 to 2173.
    static const QRegularExpression re(QStringLiteral("^(\\d{5})(?:[.,](\\d+))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date = QDate(1899, 12, 30).addDays(m.captured(1).toLongLong());
    if (m.captured(2).isEmpty())
        return localSpan(date, std::nullopt, TimePrecision::Day);
    const double fraction = (QStringLiteral("0.") + m.captured(2)).toDouble();
    const int seconds = int(std::lround(fraction * 86400.0));
    if (seconds >= 86400)
        return localSpan(date.addDays(1), QTime(0, 0), TimePrecision::Minute);
    const QTime time = QTime(0, 0).addSecs(seconds);
    return localSpan(date, time,
                     time.second() == 0 ? TimePrecision::Minute : TimePrecision::Second);
}

std::optional<TimeSpan> DateReader::read(const QString &date, const QString &time) const
{
    const QString d = date.trimmed();
    if (d.isEmpty())
        return std::nullopt;
    std::optional<TimeSpan> span = readIso(d);
    if (!span)
        span = readNumeric(d);
    if (!span)
        span = readExcel(d);
    if (!span)
        return std::nullopt;
    const QString t = time.trimmed();
    if (t.isEmpty())
        return span;
    // A separate time column completes a date given to the day.
    TimePrecision precision = TimePrecision::Minute;
    const auto tod = readTime(t, &precision);
    if (!tod || span->precision != TimePrecision::Day)
        return std::nullopt;
    const QDate local = span->from.toTimeZone(m_zone).date();
    return localSpan(local, tod, precision);
}

std::optional<DateOrder> detectDateOrder(const QStringList &samples)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-]\\d"));
    bool dayFirst = false, monthFirst = false;
    for (const QString &s : samples) {
        const auto m = re.match(s);
        if (!m.hasMatch())
            continue;
        if (m.captured(1).toInt() > 12)
            dayFirst = true;
        if (m.captured(2).toInt() > 12)
            monthFirst = true;
    }
    if (dayFirst == monthFirst)
        return std::nullopt;
    return dayFirst ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
}

} // namespace vigie::core
