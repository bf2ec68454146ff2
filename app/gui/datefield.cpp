// SPDX-License-Identifier: GPL-3.0-or-later
#include "datefield.h"
#include "icons.h"

#include "core/calendar.h"
#include "core/cityzone.h"

#include <QCalendarWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

namespace vigie::gui {

namespace {

QString uiLanguage()
{
    return QLocale().language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
}

} // namespace

DateField::DateField(Mode mode, QWidget *parent) : QWidget(parent), m_mode(mode)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("dateText"));
    m_button = new QToolButton(this);
    m_button->setObjectName(QStringLiteral("calendarButton"));
    m_button->setIcon(toolIcon(IconKind::Calendar));
    m_button->setAutoRaise(true);
    row->addWidget(m_edit, 1);
    row->addWidget(m_button);
    setFocusProxy(m_edit);
    // Wide enough for "dd/mm/yyyy hh:mm" in the default font, no wider.
    const int chars = mode == Mode::Date ? 11 : 17;
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * chars + 12);

    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::commitText);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        if (m_error)
            setError(false);
    });
    connect(m_button, &QToolButton::clicked, this, &DateField::showCalendar);
    m_value = QDateTime(QDate::currentDate(), QTime(0, 0), core::cityTimeZone());
    showValue();
    setError(false);
}

QString DateField::format() const
{
    return m_mode == Mode::Date ? core::dateFormat(uiLanguage())
                                : core::dateTimeFormat(uiLanguage());
}

QString DateField::hint() const
{
    return m_mode == Mode::Date
               ? tr("Type a date as dd/mm/yyyy or yyyy-mm-dd, or pick it in the calendar.")
               : tr("Type a date as dd/mm/yyyy or yyyy-mm-dd, then a time as hh:mm, or pick the "
                    "day in the calendar.");
}

void DateField::setDate(const QDate &date)
{
    if (!date.isValid()) {
        clear();
        return;
    }
    const QTime time = m_value.isValid() && m_mode == Mode::DateTime ? m_value.time() : QTime(0, 0);
    setValue(QDateTime(date, time, core::cityTimeZone()), true);
}

void DateField::setDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid()) {
        clear();
        return;
    }
    QDateTime city = dateTime.toTimeZone(core::cityTimeZone());
    if (m_mode == Mode::Date)
        city = QDateTime(city.date(), QTime(0, 0), core::cityTimeZone());
    else
        city = QDateTime(city.date(), QTime(city.time().hour(), city.time().minute()),
                         core::cityTimeZone());
    setValue(city, true);
}

void DateField::setDateRange(const QDate &min, const QDate &max)
{
    m_min = min;
    m_max = max;
    if (m_value.isValid())
        setValue(m_value, true);
}

void DateField::setEmptyText(const QString &text)
{
    m_allowEmpty = true;
    m_edit->setPlaceholderText(text);
}

void DateField::clear()
{
    if (!m_allowEmpty)
        return;
    setValue(QDateTime(), true);
}

void DateField::setValue(QDateTime value, bool notify)
{
    if (value.isValid()) {
        if (m_min.isValid() && value.date() < m_min)
            value = QDateTime(m_min, m_mode == Mode::Date ? QTime(0, 0) : value.time(),
                              core::cityTimeZone());
        if (m_max.isValid() && value.date() > m_max)
            value = QDateTime(m_max, m_mode == Mode::Date ? QTime(0, 0) : value.time(),
                              core::cityTimeZone());
    }
    const bool changed = value != m_value || value.isValid() != m_value.isValid();
    m_value = value;
    showValue();
    setError(false);
    if (changed && notify) {
        emit dateChanged(m_value.date());
        emit dateTimeChanged(m_value);
    }
}

void DateField::showValue()
{
    const QString text = m_value.isValid() ? m_value.toString(format()) : QString();
    if (m_edit->text() != text)
        m_edit->setText(text);
}

void DateField::commitText()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty() && m_allowEmpty) {
        setValue(QDateTime(), true);
        return;
    }
    std::optional<QDateTime> typed;
    if (m_mode == Mode::DateTime) {
        typed = core::parseTypedDateTime(text);
    } else if (const auto day = core::parseTypedDate(text)) {
        typed = QDateTime(*day, QTime(0, 0), core::cityTimeZone());
    }
    if (!typed) {
        setError(true);
        return;
    }
    setValue(*typed, true);
}

void DateField::setError(bool error)
{
    m_error = error;
    m_edit->setStyleSheet(error ? QStringLiteral("QLineEdit { border: 1px solid #c62828; "
                                                 "background: #fdecea; }")
                                : QString());
    m_edit->setToolTip(error ? tr("“%1” is not a date. %2").arg(m_edit->text(), hint()) : hint());
}

void DateField::showCalendar()
{
    QMenu menu(this);
    auto *calendar = new QCalendarWidget(&menu);
    calendar->setObjectName(QStringLiteral("calendar"));
    calendar->setFirstDayOfWeek(Qt::Monday);
    calendar->setGridVisible(true);
    if (m_min.isValid())
        calendar->setMinimumDate(m_min);
    if (m_max.isValid())
        calendar->setMaximumDate(m_max);
    calendar->setSelectedDate(m_value.isValid() ? m_value.date() : QDate::currentDate());
    auto *action = new QWidgetAction(&menu);
    action->setDefaultWidget(calendar);
    menu.addAction(action);
    connect(calendar, &QCalendarWidget::clicked, &menu, [this, &menu](const QDate &day) {
        setDate(day);
        menu.close();
    });
    menu.exec(mapToGlobal(QPoint(0, height())));
}

void DateField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        showValue();
        setError(m_error);
    }
    QWidget::changeEvent(event);
}

} // namespace vigie::gui
