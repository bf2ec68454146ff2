// SPDX-License-Identifier: GPL-3.0-or-later
#include "timefilter.h"

#include "datefield.h"

#include "core/cityzone.h"
#include "core/layersnapshot.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace vigie::gui {

namespace {

using core::cityDay;
using core::dayEndSecs;
using core::dayStartSecs;

/// Days from `a` to `b` on the city's calendar (23- and 25-hour days count as one).
int daysBetween(std::int64_t a, std::int64_t b)
{
    return static_cast<int>(cityDay(a).daysTo(cityDay(b)));
}

} // namespace

TimeFilter::TimeFilter(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(3);

    m_fromLabel = new QLabel(this);
    m_toLabel = new QLabel(this);
    m_fromEdit = new DateField(DateField::Mode::Date, this);
    m_toEdit = new DateField(DateField::Mode::Date, this);
    m_fromEdit->setObjectName(QStringLiteral("fromEdit"));
    m_toEdit->setObjectName(QStringLiteral("toEdit"));
    m_fromSlider = new QSlider(Qt::Horizontal, this);
    m_toSlider = new QSlider(Qt::Horizontal, this);
    m_presetLabel = new QLabel(this);
    m_presets = new QComboBox(this);
    m_play = new QToolButton(this);
    m_play->setCheckable(true);
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_stepLabel = new QLabel(this);
    m_step = new QComboBox(this);
    m_speedLabel = new QLabel(this);
    m_speed = new QComboBox(this);
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(QStringLiteral("color: #555;"));

    grid->addWidget(m_fromLabel, 0, 0);
    grid->addWidget(m_fromEdit, 0, 1);
    grid->addWidget(m_fromSlider, 0, 2);
    grid->addWidget(m_presetLabel, 0, 3);
    grid->addWidget(m_presets, 0, 4, 1, 3);
    grid->addWidget(m_toLabel, 1, 0);
    grid->addWidget(m_toEdit, 1, 1);
    grid->addWidget(m_toSlider, 1, 2);
    grid->addWidget(m_play, 1, 3);
    grid->addWidget(m_step, 1, 4);
    grid->addWidget(m_speedLabel, 1, 5);
    grid->addWidget(m_speed, 1, 6);
    grid->addWidget(m_summary, 2, 1, 1, 6);
    grid->setColumnStretch(2, 1);
    m_stepLabel->hide();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, [this] { emit rangeChanged(m_from, m_to); });
    connect(&m_playTimer, &QTimer::timeout, this, &TimeFilter::stepAnimation);

    connect(m_fromEdit, &DateField::dateChanged, this, &TimeFilter::editorsChanged);
    connect(m_toEdit, &DateField::dateChanged, this, &TimeFilter::editorsChanged);
    connect(m_fromSlider, &QSlider::valueChanged, this, &TimeFilter::slidersChanged);
    connect(m_toSlider, &QSlider::valueChanged, this, &TimeFilter::slidersChanged);
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        const auto preset = static_cast<Preset>(m_presets->itemData(index).toInt());
        if (preset != Preset::Custom)
            applyPreset(preset);
    });
    connect(m_play, &QToolButton::toggled, this, &TimeFilter::setPlaying);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_playTimer.isActive())
            m_playTimer.setInterval(m_speed->currentData().toInt());
    });

    retranslateUi();
    setDataRange(core::LayerSnapshot::kNoTime, core::LayerSnapshot::kNoTime);
}

void TimeFilter::retranslateUi()
{
    m_fromLabel->setText(tr("From"));
    m_toLabel->setText(tr("To"));
    m_presetLabel->setText(tr("Presets"));
    m_fromSlider->setToolTip(tr("Start of the period"));
    m_toSlider->setToolTip(tr("End of the period"));

    fillPresets();

    const int step = m_step->currentIndex();
    m_step->clear();
    m_step->addItem(tr("Day by day"), static_cast<int>(Step::Day));
    m_step->addItem(tr("By week"), static_cast<int>(Step::Week));
    m_step->addItem(tr("By month"), static_cast<int>(Step::Month));
    m_step->setCurrentIndex(step < 0 ? 1 : step);
    m_step->setToolTip(tr("Animation step: days, weeks from Monday, or months from the 1st"));

    const int speed = m_speed->currentIndex();
    m_speedLabel->setText(tr("Speed"));
    m_speed->clear();
    m_speed->addItem(tr("Slow"), 1500);
    m_speed->addItem(tr("Normal"), 700);
    m_speed->addItem(tr("Fast"), 250);
    m_speed->setCurrentIndex(speed < 0 ? 1 : speed);

    m_play->setText(m_play->isChecked() ? tr("Pause") : tr("Play"));
    m_play->setToolTip(tr("Animate a moving window over the period"));
    syncWidgets();
}

void TimeFilter::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TimeFilter::fillPresets()
{
    const QSignalBlocker block(m_presets);
    m_presets->clear();
    m_presets->addItem(tr("Whole period"), static_cast<int>(Preset::Whole));
    m_presets->addItem(tr("This month"), static_cast<int>(Preset::ThisMonth));
    m_presets->addItem(tr("Last calendar month"), static_cast<int>(Preset::LastMonth));
    m_presets->addItem(tr("Last quarter"), static_cast<int>(Preset::LastQuarter));
    m_presets->addItem(tr("Same month last year"), static_cast<int>(Preset::SameMonthLastYear));
    m_presets->addItem(tr("Last 12 months"), static_cast<int>(Preset::Last12Months));
    m_presets->addItem(tr("Custom dates"), static_cast<int>(Preset::Custom));
    m_presets->setToolTip(tr("Calendar periods counted back from today, or from the last day of "
                             "the data when it ends earlier"));
    showPreset();
}

void TimeFilter::showPreset()
{
    const int index = m_presets->findData(static_cast<int>(m_preset));
    const QSignalBlocker block(m_presets);
    m_presets->setCurrentIndex(std::max(0, index));
}

QDate TimeFilter::referenceDay() const
{
    const QDate today = m_today.isValid() ? m_today : core::cityToday();
    const QDate last = cityDay(m_max);
    return last < today ? last : today;
}

void TimeFilter::setDataRange(std::int64_t minTime, std::int64_t maxTime)
{
    setPlaying(false);
    const bool valid = minTime != core::LayerSnapshot::kNoTime &&
                       maxTime != core::LayerSnapshot::kNoTime && minTime <= maxTime;
    const bool keep = valid && m_userWindow;
    if (valid) {
        m_min = dayStartSecs(cityDay(minTime));
        m_max = dayEndSecs(cityDay(maxTime));
    } else {
        const QDate today = core::cityToday();
        m_min = dayStartSecs(today.addYears(-1));
        m_max = dayEndSecs(today);
        m_userWindow = false;
    }
    if (keep) {
        // An import or a sync: the user's days stay, even outside the new data.
        m_min = std::min(m_min, m_from);
        m_max = std::max(m_max, m_to);
        if (m_preset != Preset::Custom && core::presetPeriod(m_preset, referenceDay()) !=
                                              core::DayPeriod{cityDay(m_from), cityDay(m_to)})
            m_preset = Preset::Custom;
    } else {
        m_from = m_min;
        m_to = m_max;
        m_preset = Preset::Whole;
    }
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_fromEdit, m_toEdit, m_fromSlider, m_toSlider, m_presets, m_play, m_step, m_speed})
        w->setEnabled(valid);
    syncWidgets();
    showPreset();
    m_debounce.start();
}

void TimeFilter::setWindow(std::int64_t from, std::int64_t to)
{
    from = std::clamp(from, m_min, m_max);
    to = std::clamp(to, m_min, m_max);
    if (to < from)
        std::swap(from, to);
    m_userWindow = from != m_min || to != m_max;
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    syncWidgets();
    m_debounce.start();
}

void TimeFilter::applyPreset(Preset preset)
{
    if (preset == Preset::Whole) {
        setWindow(m_min, m_max);
    } else if (preset != Preset::Custom) {
        const core::DayPeriod period = core::presetPeriod(preset, referenceDay());
        setWindow(period.fromSecs(), period.toSecs());
    }
    m_preset = preset;
    showPreset();
}

void TimeFilter::setStep(Step step)
{
    m_step->setCurrentIndex(std::max(0, m_step->findData(static_cast<int>(step))));
}

TimeFilter::Step TimeFilter::step() const
{
    return static_cast<Step>(m_step->currentData().toInt());
}

QString TimeFilter::windowText() const
{
    // Written as the date fields write dates (dd/mm/yyyy in French, ISO in English).
    const QString format = core::dateFormat(
        QLocale().language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en"));
    const QDate first = cityDay(m_from);
    const QDate last = cityDay(m_to);
    if (first == last)
        return QLocale().toString(first, QLocale::LongFormat);
    return tr("From %1 to %2").arg(first.toString(format), last.toString(format));
}

void TimeFilter::syncWidgets()
{
    if (!m_fromEdit)
        return;
    m_syncing = true;
    const QDate first = cityDay(m_min);
    const QDate last = cityDay(m_max);
    for (DateField *e : {m_fromEdit, m_toEdit})
        e->setDateRange(first, last);
    m_fromEdit->setDate(cityDay(m_from));
    m_toEdit->setDate(cityDay(m_to));
    const int days = daysBetween(m_min, m_max);
    for (QSlider *s : {m_fromSlider, m_toSlider}) {
        s->setRange(0, std::max(0, days));
        s->setPageStep(30);
    }
    m_fromSlider->setValue(daysBetween(m_min, m_from));
    m_toSlider->setValue(daysBetween(m_min, m_to));
    const qint64 spanDays = cityDay(m_from).daysTo(cityDay(m_to)) + 1;
    m_summary->setText(tr("%1 (%n day(s))", nullptr, static_cast<int>(spanDays)).arg(windowText()));
    m_syncing = false;
}

void TimeFilter::editorsChanged()
{
    if (m_syncing)
        return;
    QDate first = m_fromEdit->date();
    QDate last = m_toEdit->date();
    if (!first.isValid() || !last.isValid())
        return;
    if (last < first) {
        if (sender() == m_fromEdit)
            last = first;
        else
            first = last;
    }
    m_from = std::clamp(dayStartSecs(first), m_min, m_max);
    m_to = std::clamp(dayEndSecs(last), m_min, m_max);
    m_userWindow = m_from != m_min || m_to != m_max;
    syncWidgets();
    changedByUser();
}

void TimeFilter::slidersChanged()
{
    if (m_syncing)
        return;
    int a = m_fromSlider->value();
    int b = m_toSlider->value();
    if (b < a) {
        if (sender() == m_fromSlider)
            b = a;
        else
            a = b;
    }
    const QDate first = cityDay(m_min);
    m_from = std::clamp(dayStartSecs(first.addDays(a)), m_min, m_max);
    m_to = std::clamp(dayEndSecs(first.addDays(b)), m_min, m_max);
    m_userWindow = m_from != m_min || m_to != m_max;
    syncWidgets();
    changedByUser();
}

void TimeFilter::changedByUser()
{
    const core::DayPeriod period{cityDay(m_from), cityDay(m_to)};
    m_preset = !m_userWindow ? Preset::Whole : core::matchingPreset(period, referenceDay());
    showPreset();
    m_debounce.start();
}

std::pair<std::int64_t, std::int64_t> TimeFilter::stepWindow(std::int64_t from) const
{
    const QDate start = core::stepStart(cityDay(from), step());
    const QDate last = core::stepLast(start, step());
    return {std::max(m_min, dayStartSecs(start)), std::min(m_max, dayEndSecs(last))};
}

void TimeFilter::setPlaying(bool playing)
{
    if (playing == m_playTimer.isActive())
        return;
    if (playing) {
        // One step where the window is, aligned on the calendar (the day, its Monday or its
        // 1st); from the beginning when the window already ends the data.
        auto window = stepWindow(m_from);
        if (window.second >= m_max)
            window = stepWindow(m_min);
        m_playTimer.start(m_speed->currentData().toInt());
        setWindow(window.first, window.second);
        m_preset = Preset::Custom;
        showPreset();
    } else {
        m_playTimer.stop();
    }
    if (m_play->isChecked() != playing) {
        const QSignalBlocker block(m_play);
        m_play->setChecked(playing);
    }
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    emit playingChanged(playing);
}

void TimeFilter::stepAnimation()
{
    const std::int64_t start = m_to + 1;
    if (start >= m_max) {
        setPlaying(false);
        return;
    }
    const auto window = stepWindow(start);
    setWindow(window.first, window.second);
    m_preset = Preset::Custom;
    showPreset();
}

} // namespace vigie::gui
