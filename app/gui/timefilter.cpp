// SPDX-License-Identifier: GPL-3.0-or-later
#include "timefilter.h"

#include "core/layersnapshot.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>

#include <algorithm>

namespace vigie::gui {

namespace {

constexpr std::int64_t kDay = 86400;

QDateTime toDateTime(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime();
}

std::int64_t addMonths(std::int64_t secs, int months)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc())
        .addMonths(months)
        .toSecsSinceEpoch();
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
    m_fromEdit = new QDateTimeEdit(this);
    m_toEdit = new QDateTimeEdit(this);
    for (QDateTimeEdit *e : {m_fromEdit, m_toEdit}) {
        e->setCalendarPopup(true);
        e->setTimeSpec(Qt::LocalTime);
    }
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

    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, this, &TimeFilter::editorsChanged);
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, this, &TimeFilter::editorsChanged);
    connect(m_fromSlider, &QSlider::valueChanged, this, &TimeFilter::slidersChanged);
    connect(m_toSlider, &QSlider::valueChanged, this, &TimeFilter::slidersChanged);
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        applyPreset(static_cast<Preset>(m_presets->itemData(index).toInt()));
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

    const int preset = m_presets->currentIndex();
    m_presets->clear();
    m_presets->addItem(tr("Whole period"), static_cast<int>(Preset::All));
    m_presets->addItem(tr("Last month"), static_cast<int>(Preset::LastMonth));
    m_presets->addItem(tr("Last 3 months"), static_cast<int>(Preset::LastThreeMonths));
    m_presets->addItem(tr("Last 12 months"), static_cast<int>(Preset::LastYear));
    m_presets->setCurrentIndex(std::max(0, preset));

    const int step = m_step->currentIndex();
    m_step->clear();
    m_step->addItem(tr("Week by week"), static_cast<int>(Step::Week));
    m_step->addItem(tr("Month by month"), static_cast<int>(Step::Month));
    m_step->setCurrentIndex(std::max(0, step));
    m_step->setToolTip(tr("Animation step"));

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

void TimeFilter::setDataRange(std::int64_t minTime, std::int64_t maxTime)
{
    setPlaying(false);
    const bool valid = minTime != core::LayerSnapshot::kNoTime &&
                       maxTime != core::LayerSnapshot::kNoTime && minTime <= maxTime;
    if (valid) {
        m_min = minTime;
        m_max = maxTime;
    } else {
        const auto now = QDateTime::currentSecsSinceEpoch();
        m_min = now - 365 * kDay;
        m_max = now;
    }
    m_from = m_min;
    m_to = m_max;
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_fromEdit, m_toEdit, m_fromSlider, m_toSlider, m_presets, m_play, m_step, m_speed})
        w->setEnabled(valid);
    syncWidgets();
    m_debounce.start();
}

void TimeFilter::setWindow(std::int64_t from, std::int64_t to)
{
    from = std::clamp(from, m_min, m_max);
    to = std::clamp(to, m_min, m_max);
    if (to < from)
        std::swap(from, to);
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    syncWidgets();
    m_debounce.start();
}

void TimeFilter::applyPreset(Preset preset)
{
    switch (preset) {
    case Preset::All:
        setWindow(m_min, m_max);
        break;
    case Preset::LastMonth:
        setWindow(addMonths(m_max, -1), m_max);
        break;
    case Preset::LastThreeMonths:
        setWindow(addMonths(m_max, -3), m_max);
        break;
    case Preset::LastYear:
        setWindow(addMonths(m_max, -12), m_max);
        break;
    }
    const int index = m_presets->findData(static_cast<int>(preset));
    if (index >= 0)
        m_presets->setCurrentIndex(index);
}

void TimeFilter::syncWidgets()
{
    if (!m_fromEdit)
        return;
    m_syncing = true;
    const QDateTime min = toDateTime(m_min);
    const QDateTime max = toDateTime(m_max);
    for (QDateTimeEdit *e : {m_fromEdit, m_toEdit}) {
        e->setDateTimeRange(min, max);
        e->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    m_fromEdit->setDateTime(toDateTime(m_from));
    m_toEdit->setDateTime(toDateTime(m_to));
    const int days = static_cast<int>((m_max - m_min + kDay - 1) / kDay);
    for (QSlider *s : {m_fromSlider, m_toSlider}) {
        s->setRange(0, std::max(0, days));
        s->setPageStep(30);
    }
    m_fromSlider->setValue(static_cast<int>((m_from - m_min) / kDay));
    m_toSlider->setValue(static_cast<int>((m_to - m_min + kDay - 1) / kDay));
    const QLocale locale;
    const qint64 spanDays = std::max<qint64>(1, (m_to - m_from + kDay - 1) / kDay);
    m_summary->setText(tr("%1 to %2 (%n day(s))", nullptr, static_cast<int>(spanDays))
                           .arg(locale.toString(toDateTime(m_from).date(), QLocale::ShortFormat),
                                locale.toString(toDateTime(m_to).date(), QLocale::ShortFormat)));
    m_syncing = false;
}

void TimeFilter::editorsChanged()
{
    if (m_syncing)
        return;
    std::int64_t from = m_fromEdit->dateTime().toSecsSinceEpoch();
    std::int64_t to = m_toEdit->dateTime().toSecsSinceEpoch();
    if (to < from)
        to = from;
    m_from = std::clamp(from, m_min, m_max);
    m_to = std::clamp(to, m_min, m_max);
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
    m_from = std::clamp(m_min + a * kDay, m_min, m_max);
    m_to = std::clamp(m_min + b * kDay, m_min, m_max);
    if (b == m_toSlider->maximum())
        m_to = m_max;
    syncWidgets();
    changedByUser();
}

void TimeFilter::changedByUser()
{
    m_debounce.start();
}

std::int64_t TimeFilter::stepEnd(std::int64_t from) const
{
    const auto step = static_cast<Step>(m_step->currentData().toInt());
    return step == Step::Week ? from + 7 * kDay : addMonths(from, 1);
}

void TimeFilter::setPlaying(bool playing)
{
    if (playing == m_playTimer.isActive())
        return;
    if (playing) {
        // Start with one window at the beginning of the period, or where the window already is.
        std::int64_t start = m_from;
        if (stepEnd(start) >= m_max)
            start = m_min;
        m_playTimer.start(m_speed->currentData().toInt());
        setWindow(start, std::min(m_max, stepEnd(start) - 1));
    } else {
        m_playTimer.stop();
    }
    if (m_play->isChecked() != playing) {
        const QSignalBlocker block(m_play);
        m_play->setChecked(playing);
    }
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void TimeFilter::stepAnimation()
{
    const std::int64_t start = m_to + 1;
    if (start >= m_max) {
        setPlaying(false);
        return;
    }
    setWindow(start, std::min(m_max, stepEnd(start) - 1));
}

} // namespace vigie::gui
