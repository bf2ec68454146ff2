// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendar.h"

#include "cityzone.h"

#include <QRegularExpression>
#include <QTime>

namespace vigie::core {

std::int64_t DayPeriod::fromSecs() const
{
    return dayStartSecs(first);
}

std::int64_t DayPeriod::toSecs() const
{
    return dayEndSecs(last);
}

QDate cityDay(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, cityTimeZone()).date();
}

QDate cityToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(cityTimeZone()).date();
}

std::int64_t dayStartSecs(const QDate &day)
{
    // Midnight exists every day in Europe/Paris (the clocks change at 02:00 and 03:00).
    return QDateTime(day, QTime(0, 0), cityTimeZone()).toSecsSinceEpoch();
}

std::int64_t dayEndSecs(const QDate &day)
{
    return dayStartSecs(day.addDays(1)) - 1;
}

namespace {

QDate firstOfMonth(const QDate &d)
{
    return QDate(d.year(), d.month(), 1);
}

QDate lastOfMonth(const QDate &d)
{
    return QDate(d.year(), d.month(), d.daysInMonth());
}

} // namespace

DayPeriod presetPeriod(CalendarPreset preset, const QDate &reference)
{
    if (!reference.isValid())
        return {};
    const QDate month = firstOfMonth(reference);
    switch (preset) {
    case CalendarPreset::ThisMonth:
        return {month, reference};
    case CalendarPreset::LastMonth: {
        const QDate previous = month.addMonths(-1);
        return {previous, lastOfMonth(previous)};
    }
    case CalendarPreset::LastQuarter: {
        const int quarterMonth = (reference.month() - 1) / 3 * 3 + 1;
        const QDate quarter = QDate(reference.year(), quarterMonth, 1).addMonths(-3);
        return {quarter, lastOfMonth(quarter.addMonths(2))};
    }
    case CalendarPreset::SameMonthLastYear: {
        const QDate then = month.addYears(-1);
        return {then, lastOfMonth(then)};
    }
    case CalendarPreset::Last12Months:
        return {month.addMonths(-12), month.addDays(-1)};
    case CalendarPreset::Whole:
    case CalendarPreset::Custom:
        break;
    }
    return {};
}

namespace {
constexpr std::pair<CalendarPreset, const char *> kPresetKeys[] = {
    {CalendarPreset::Whole, "whole"},
    {CalendarPreset::ThisMonth, "this-month"},
    {CalendarPreset::LastMonth, "last-month"},
    {CalendarPreset::LastQuarter, "last-quarter"},
    {CalendarPreset::SameMonthLastYear, "same-month-last-year"},
    {CalendarPreset::Last12Months, "last-12-months"},
    {CalendarPreset::Custom, "custom"},
};
} // namespace

QString calendarPresetKey(CalendarPreset preset)
{
    for (const auto &[p, key] : kPresetKeys)
        if (p == preset)
            return QString::fromLatin1(key);
    return QStringLiteral("custom");
}

std::optional<CalendarPreset> calendarPresetFromKey(const QString &key)
{
    for (const auto &[p, name] : kPresetKeys)
        if (key == QLatin1String(name))
            return p;
    return std::nullopt;
}

CalendarPreset matchingPreset(const DayPeriod &period, const QDate &reference)
{
    for (CalendarPreset p :
         {CalendarPreset::ThisMonth, CalendarPreset::LastMonth, CalendarPreset::LastQuarter,
          CalendarPreset::SameMonthLastYear, CalendarPreset::Last12Months}) {
        if (presetPeriod(p, reference) == period)
            return p;
    }
    return CalendarPreset::Custom;
}

QDate stepStart(const QDate &day, CalendarStep step)
{
    switch (step) {
    case CalendarStep::Day:
        return day;
    case CalendarStep::Week:
        return day.addDays(1 - day.dayOfWeek());
    case CalendarStep::Month:
        return firstOfMonth(day);
    }
    return day;
}

QDate stepLast(const QDate &start, CalendarStep step)
{
    switch (step) {
    case CalendarStep::Day:
        return start;
    case CalendarStep::Week:
        return start.addDays(6);
    case CalendarStep::Month:
        return lastOfMonth(start);
    }
    return start;
}

std::optional<QDate> parseTypedDate(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)"));
    static const QRegularExpression dayFirst(
        QStringLiteral(R"(^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$)"));
    const QString t = text.trimmed();
    QDate d;
    if (const auto m = iso.match(t); m.hasMatch())
        d = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    else if (const auto m2 = dayFirst.match(t); m2.hasMatch())
        d = QDate(m2.captured(4).toInt(), m2.captured(3).toInt(), m2.captured(1).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QDateTime> parseTypedDateTime(const QString &text)
{
    static const QRegularExpression split(
        QStringLiteral(R"(^(\S+?)(?:(?:\s+à\s+|\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?$)"));
    const auto m = split.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const auto day = parseTypedDate(m.captured(1));
    if (!day)
        return std::nullopt;
    QTime time(0, 0);
    if (m.hasCaptured(2)) {
        time = QTime(m.captured(2).toInt(), m.captured(3).toInt(),
                     m.hasCaptured(4) ? m.captured(4).toInt() : 0);
        if (!time.isValid())
            return std::nullopt;
    }
    return QDateTime(*day, time, cityTimeZone());
}

QString dateFormat(const QString &language)
{
    return language == QLatin1String("fr") ? QStringLiteral("dd/MM/yyyy")
                                           : QStringLiteral("yyyy-MM-dd");
}

QString dateTimeFormat(const QString &language)
{
    return dateFormat(language) + QStringLiteral(" HH:mm");
}

std::optional<std::int64_t> parsePeriodBound(const QString &text, bool endOfDay)
{
    const QString t = text.trimmed();
    static const QRegularExpression day(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (day.match(t).hasMatch()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        return endOfDay ? dayEndSecs(d) : dayStartSecs(d);
    }
    static const QRegularExpression dateTime(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
                       "(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (!dateTime.match(t).hasMatch())
        return std::nullopt;
    QString iso = t;
    iso.replace(QLatin1Char(' '), QLatin1Char('T'));
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime) // no offset: the city's clock
        dt = QDateTime(dt.date(), dt.time(), cityTimeZone());
    return dt.toSecsSinceEpoch();
}

} // namespace vigie::core
