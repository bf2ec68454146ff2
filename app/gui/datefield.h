// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace vigie::gui {

/**
 * The one date editor of the GUI: a line the user types into, and a calendar button.
 *
 * It reads what people type rather than editing digit sections: "01/11/2025" (day first, as in
 * France), "2025-11-01" (ISO, in every language), and in DateTime mode a time to the minute after
 * the date ("01/11/2025 21:00"). It shows dates as dd/mm/yyyy in French and ISO in English.
 * A text that is not a date turns the field red and says why, and keeps the last good value;
 * a date outside the range is brought back into it. With setEmptyText() the field may be left
 * blank (an "automatic" value): date() is then invalid. Date-times are on the city's clock.
 */
class DateField : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Date, DateTime };

    explicit DateField(Mode mode = Mode::Date, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    QDate date() const { return m_value.date(); }
    /// The value on the city's clock; invalid when blank.
    QDateTime dateTime() const { return m_value; }
    void setDate(const QDate &date);
    void setDateTime(const QDateTime &dateTime);
    /// Dates typed or picked are kept inside [min, max] (an invalid end is no bound).
    void setDateRange(const QDate &min, const QDate &max);
    /// Allows a blank field, shown with `text` as placeholder ("automatic").
    void setEmptyText(const QString &text);
    void clear();
    /// True when the text shown is not a date (the field is red).
    bool hasError() const { return m_error; }
    /// The line edit (for tests and focus chains).
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    /// The value changed, by typing, the calendar or a setter.
    void dateChanged(const QDate &date);
    void dateTimeChanged(const QDateTime &dateTime);

protected:
    void changeEvent(QEvent *event) override;

private:
    void commitText();
    void showCalendar();
    void setValue(QDateTime value, bool notify);
    void showValue();
    void setError(bool error);
    QString format() const;
    QString hint() const;

    Mode m_mode;
    QDateTime m_value;
    QDate m_min;
    QDate m_max;
    bool m_allowEmpty = false;
    bool m_error = false;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_button = nullptr;
};

} // namespace vigie::gui
