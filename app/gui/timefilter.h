// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/calendar.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

#include <cstdint>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QToolButton;

namespace vigie::gui {

class DateField;

/**
 * The period filter, in whole days on the city's clock: the data's days, "From" / "To" date
 * fields (typed or picked) with sliders, calendar presets (this month, last calendar month,
 * last quarter, same month last year, last 12 months) and an animation that steps a window of
 * a day, a week (from Monday) or a month (from the 1st) across the period.
 *
 * Presets count back from the reference day: today, or the last day of the data when the data
 * ends earlier (a workspace synced last spring still opens on its last month). A new data range
 * (an import, a sync) keeps the window the user chose; only a new workspace resets it.
 * Times are seconds since 1970 UTC, `to` being the last second of the last day; every change
 * emits rangeChanged() once, debounced by about 50 ms.
 */
class TimeFilter : public QWidget
{
    Q_OBJECT

public:
    using Preset = core::CalendarPreset;
    using Step = core::CalendarStep;

    explicit TimeFilter(QWidget *parent = nullptr);

    /// The range of the data, widened to whole days; min > max (or kNoTime) disables the
    /// filter and forgets the user's window (a new workspace).
    void setDataRange(std::int64_t minTime, std::int64_t maxTime);
    /// The day presets count back from (tests fix it); invalid: today.
    void setToday(const QDate &today) { m_today = today; }
    QDate referenceDay() const;
    std::int64_t dataMin() const { return m_min; }
    std::int64_t dataMax() const { return m_max; }

    /// Sets the window (clamped to the data range).
    void setWindow(std::int64_t from, std::int64_t to);
    void applyPreset(Preset preset);
    Preset preset() const { return m_preset; }
    void setStep(Step step);
    Step step() const;
    std::int64_t from() const { return m_from; }
    std::int64_t to() const { return m_to; }
    /// The window in words ("3 Nov 2025 – 9 Nov 2025"), as the map shows it while playing.
    QString windowText() const;

    void setPlaying(bool playing);
    bool isPlaying() const { return m_playTimer.isActive(); }
    /// One animation step (also used by tests).
    void stepAnimation();

signals:
    void rangeChanged(std::int64_t from, std::int64_t to);
    void playingChanged(bool playing);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void syncWidgets();
    void editorsChanged();
    void slidersChanged();
    void changedByUser();
    void fillPresets();
    void showPreset();
    /// The window of one animation step starting in the day of `from`, clamped to the data.
    std::pair<std::int64_t, std::int64_t> stepWindow(std::int64_t from) const;

    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    std::int64_t m_from = 0;
    std::int64_t m_to = 0;
    bool m_syncing = false;
    bool m_userWindow = false; ///< the window is the user's (not the whole range)
    Preset m_preset = Preset::Whole;
    QDate m_today;

    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    DateField *m_fromEdit = nullptr;
    DateField *m_toEdit = nullptr;
    QSlider *m_fromSlider = nullptr;
    QSlider *m_toSlider = nullptr;
    QLabel *m_presetLabel = nullptr;
    QComboBox *m_presets = nullptr;
    QToolButton *m_play = nullptr;
    QLabel *m_stepLabel = nullptr;
    QComboBox *m_step = nullptr;
    QLabel *m_speedLabel = nullptr;
    QComboBox *m_speed = nullptr;
    QLabel *m_summary = nullptr;

    QTimer m_debounce;
    QTimer m_playTimer;
};

} // namespace vigie::gui
