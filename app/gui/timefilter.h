// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <cstdint>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSlider;
class QToolButton;

namespace vigie::gui {

/**
 * The period filter: the data's time range, "From" / "To" editors with sliders, presets and an
 * animation that steps a window (week or month) across the period. Times are seconds since
 * 1970 UTC; every change emits rangeChanged() once, debounced by about 50 ms.
 */
class TimeFilter : public QWidget
{
    Q_OBJECT

public:
    enum class Preset { All, LastMonth, LastThreeMonths, LastYear };
    enum class Step { Week, Month };

    explicit TimeFilter(QWidget *parent = nullptr);

    /// The range of the data; min > max (or kNoTime) disables the filter.
    void setDataRange(std::int64_t minTime, std::int64_t maxTime);
    std::int64_t dataMin() const { return m_min; }
    std::int64_t dataMax() const { return m_max; }

    /// Sets the window (clamped to the data range).
    void setWindow(std::int64_t from, std::int64_t to);
    void applyPreset(Preset preset);
    std::int64_t from() const { return m_from; }
    std::int64_t to() const { return m_to; }

    void setPlaying(bool playing);
    bool isPlaying() const { return m_playTimer.isActive(); }
    /// One animation step (also used by tests).
    void stepAnimation();

signals:
    void rangeChanged(std::int64_t from, std::int64_t to);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void syncWidgets();
    void editorsChanged();
    void slidersChanged();
    void changedByUser();
    std::int64_t stepEnd(std::int64_t from) const;

    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    std::int64_t m_from = 0;
    std::int64_t m_to = 0;
    bool m_syncing = false;

    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
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
