// SPDX-License-Identifier: GPL-3.0-or-later
// Time in the workbench: calendar presets on fixed clocks, typed dates in French and ISO, Play
// steps aligned on days, Mondays and the 1st with the window written on the map, and an import
// that leaves the user's period alone.

#include "guitestsupport.h"

#include "core/calendar.h"
#include "core/cityzone.h"
#include "datefield.h"
#include "mapcanvas.h"
#include "parameterform.h"
#include "timefilter.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie;
using core::CalendarPreset;
using core::DayPeriod;

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

std::int64_t cityTime(const QDate &day, int h, int m, int s)
{
    return QDateTime(day, QTime(h, m, s), core::cityTimeZone()).toSecsSinceEpoch();
}

/// Types `text` into a date field as a user does (select all, type, Return).
void typeInto(gui::DateField &field, const QString &text)
{
    QLineEdit *edit = field.lineEdit();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestPeriods : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void presetsOnFixedClocks_data();
    void presetsOnFixedClocks();
    void matchingPreset();
    void daysOnTheCityClock();
    void stepsAlignOnCalendar();
    void typedDates_data();
    void typedDates();
    void typedDateTimes();
    void dateFieldTypingFrench();
    void dateFieldTypingEnglish();
    void dateFieldErrorKeepsValue();
    void parameterFormDates();
    void timeFilterWholeDays();
    void timeFilterPlaysOnMondays();
    void mainWindowPlaysAndImportKeepsPeriod();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestPeriods::initTestCase()
{
    QVERIFY(m_dir.isValid());
    guitest::makeFrenchDemo(m_dir.filePath(QStringLiteral("demo.vigie")), 0.05);
}

void TestPeriods::presetsOnFixedClocks_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("preset");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    const auto row = [](const char *name, QDate today, CalendarPreset p, QDate a, QDate b) {
        QTest::newRow(name) << today << static_cast<int>(p) << a << b;
    };
    const QDate nov15 = d(2025, 11, 15);
    row("this month", nov15, CalendarPreset::ThisMonth, d(2025, 11, 1), nov15);
    row("last month", nov15, CalendarPreset::LastMonth, d(2025, 10, 1), d(2025, 10, 31));
    row("last quarter", nov15, CalendarPreset::LastQuarter, d(2025, 7, 1), d(2025, 9, 30));
    row("same month last year", nov15, CalendarPreset::SameMonthLastYear, d(2024, 11, 1),
        d(2024, 11, 30));
    row("last 12 months", nov15, CalendarPreset::Last12Months, d(2024, 11, 1), d(2025, 10, 31));
    // Across a new year, a leap February, the first day of a quarter.
    row("january: last month", d(2026, 1, 10), CalendarPreset::LastMonth, d(2025, 12, 1),
        d(2025, 12, 31));
    row("january: last quarter", d(2026, 1, 10), CalendarPreset::LastQuarter, d(2025, 10, 1),
        d(2025, 12, 31));
    row("march: leap february", d(2024, 3, 31), CalendarPreset::LastMonth, d(2024, 2, 1),
        d(2024, 2, 29));
    row("april 1st: last quarter", d(2025, 4, 1), CalendarPreset::LastQuarter, d(2025, 1, 1),
        d(2025, 3, 31));
    row("this month on the 1st", d(2025, 4, 1), CalendarPreset::ThisMonth, d(2025, 4, 1),
        d(2025, 4, 1));
}

void TestPeriods::presetsOnFixedClocks()
{
    QFETCH(QDate, today);
    QFETCH(int, preset);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const DayPeriod p = core::presetPeriod(static_cast<CalendarPreset>(preset), today);
    QCOMPARE(p.first, first);
    QCOMPARE(p.last, last);
    QCOMPARE(p.fromSecs(), cityTime(first, 0, 0, 0));
    QCOMPARE(p.toSecs(), cityTime(last, 23, 59, 59));
}

void TestPeriods::matchingPreset()
{
    const QDate today = d(2025, 11, 15);
    QCOMPARE(core::matchingPreset({d(2025, 10, 1), d(2025, 10, 31)}, today),
             CalendarPreset::LastMonth);
    QCOMPARE(core::matchingPreset({d(2025, 10, 1), d(2025, 10, 30)}, today),
             CalendarPreset::Custom);
    QVERIFY(!core::presetPeriod(CalendarPreset::Whole, today).isValid());
}

void TestPeriods::daysOnTheCityClock()
{
    // 30 March 2025: Paris goes from 02:00 to 03:00, a 23-hour day; 26 October: 25 hours.
    QCOMPARE(core::dayEndSecs(d(2025, 3, 30)) + 1 - core::dayStartSecs(d(2025, 3, 30)),
             std::int64_t(23 * 3600));
    QCOMPARE(core::dayEndSecs(d(2025, 10, 26)) + 1 - core::dayStartSecs(d(2025, 10, 26)),
             std::int64_t(25 * 3600));
    // 23:30 UTC on 31 October is already 1 November in Marseille.
    const auto lateUtc = QDateTime(d(2025, 10, 31), QTime(23, 30), QTimeZone::utc());
    QCOMPARE(core::cityDay(lateUtc.toSecsSinceEpoch()), d(2025, 11, 1));
}

void TestPeriods::stepsAlignOnCalendar()
{
    const QDate thursday = d(2025, 11, 13);
    QCOMPARE(core::stepStart(thursday, core::CalendarStep::Day), thursday);
    QCOMPARE(core::stepStart(thursday, core::CalendarStep::Week), d(2025, 11, 10));
    QCOMPARE(core::stepStart(thursday, core::CalendarStep::Week).dayOfWeek(), int(Qt::Monday));
    QCOMPARE(core::stepLast(d(2025, 11, 10), core::CalendarStep::Week), d(2025, 11, 16));
    QCOMPARE(core::stepStart(thursday, core::CalendarStep::Month), d(2025, 11, 1));
    QCOMPARE(core::stepLast(d(2024, 2, 1), core::CalendarStep::Month), d(2024, 2, 29));
}

void TestPeriods::typedDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("french") << QStringLiteral("01/11/2025") << d(2025, 11, 1);
    QTest::newRow("french short") << QStringLiteral("1/6/2025") << d(2025, 6, 1);
    QTest::newRow("iso") << QStringLiteral("2025-06-01") << d(2025, 6, 1);
    QTest::newRow("iso padded") << QStringLiteral("  2025-6-1 ") << d(2025, 6, 1);
    QTest::newRow("dots") << QStringLiteral("05.11.2025") << d(2025, 11, 5);
    QTest::newRow("dashes") << QStringLiteral("05-11-2025") << d(2025, 11, 5);
    QTest::newRow("leap day") << QStringLiteral("29/02/2024") << d(2024, 2, 29);
    QTest::newRow("no such day") << QStringLiteral("29/02/2025") << QDate();
    QTest::newRow("31 april") << QStringLiteral("31/04/2025") << QDate();
    QTest::newRow("two-digit year") << QStringLiteral("01/11/25") << QDate();
    QTest::newRow("mixed separators") << QStringLiteral("01/11-2025") << QDate();
    QTest::newRow("words") << QStringLiteral("01 Nov 2025 00:00:00") << QDate();
    QTest::newRow("empty") << QString() << QDate();
}

void TestPeriods::typedDates()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    const auto parsed = core::parseTypedDate(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

void TestPeriods::typedDateTimes()
{
    const auto a = core::parseTypedDateTime(QStringLiteral("01/06/2025 21:00"));
    QVERIFY(a);
    QCOMPARE(a->toSecsSinceEpoch(), cityTime(d(2025, 6, 1), 21, 0, 0));
    const auto b = core::parseTypedDateTime(QStringLiteral("2025-06-01T21:05"));
    QVERIFY(b);
    QCOMPARE(b->toSecsSinceEpoch(), cityTime(d(2025, 6, 1), 21, 5, 0));
    const auto c = core::parseTypedDateTime(QStringLiteral("01/06/2025 à 08:30"));
    QVERIFY(c);
    QCOMPARE(c->toSecsSinceEpoch(), cityTime(d(2025, 6, 1), 8, 30, 0));
    const auto midnight = core::parseTypedDateTime(QStringLiteral("2025-06-01"));
    QVERIFY(midnight);
    QCOMPARE(midnight->toSecsSinceEpoch(), cityTime(d(2025, 6, 1), 0, 0, 0));
    QVERIFY(!core::parseTypedDateTime(QStringLiteral("01/06/2025 25:00")));
    QVERIFY(!core::parseTypedDateTime(QStringLiteral("01/06/2025 21h")));
}

void TestPeriods::dateFieldTypingFrench()
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    gui::DateField field;
    field.setDate(d(2023, 11, 20));
    field.show();
    QCOMPARE(field.lineEdit()->text(), QStringLiteral("20/11/2023"));
    QSignalSpy changed(&field, &gui::DateField::dateChanged);
    // The finding: "01 Nov 2025" typed in the old editor became 20 Nov 2023.
    typeInto(field, QStringLiteral("01/11/2025"));
    QCOMPARE(field.date(), d(2025, 11, 1));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(field.lineEdit()->text(), QStringLiteral("01/11/2025"));
    // ISO in the French interface too (the impact scenario's "2025-06-01").
    typeInto(field, QStringLiteral("2025-06-01"));
    QCOMPARE(field.date(), d(2025, 6, 1));
    QCOMPARE(field.lineEdit()->text(), QStringLiteral("01/06/2025"));

    gui::DateField when(gui::DateField::Mode::DateTime);
    typeInto(when, QStringLiteral("07/06/2025 21:00"));
    QCOMPARE(when.dateTime().toSecsSinceEpoch(), cityTime(d(2025, 6, 7), 21, 0, 0));
    QCOMPARE(when.lineEdit()->text(), QStringLiteral("07/06/2025 21:00"));
    // No odd seconds: a time given to the second is shown and kept to the minute.
    when.setDateTime(QDateTime(d(2025, 6, 7), QTime(23, 9, 16), core::cityTimeZone()));
    QCOMPARE(when.dateTime().time(), QTime(23, 9));
}

void TestPeriods::dateFieldTypingEnglish()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    gui::DateField field;
    field.setDate(d(2025, 11, 1));
    QCOMPARE(field.lineEdit()->text(), QStringLiteral("2025-11-01"));
    typeInto(field, QStringLiteral("05/11/2025"));
    QCOMPARE(field.date(), d(2025, 11, 5));
    QCOMPARE(field.lineEdit()->text(), QStringLiteral("2025-11-05"));
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
}

void TestPeriods::dateFieldErrorKeepsValue()
{
    gui::DateField field;
    field.setDateRange(d(2023, 1, 1), d(2025, 12, 31));
    field.setDate(d(2025, 3, 4));
    QSignalSpy changed(&field, &gui::DateField::dateChanged);
    typeInto(field, QStringLiteral("31/02/2025"));
    QVERIFY(field.hasError());
    QCOMPARE(field.date(), d(2025, 3, 4));
    QCOMPARE(changed.count(), 0);
    QVERIFY(field.lineEdit()->toolTip().contains(QStringLiteral("31/02/2025")));
    // The French tooltip: the catalogue is installed.
    QVERIFY2(field.lineEdit()->toolTip().contains(QStringLiteral("n’est pas une date")) ||
                 field.lineEdit()->toolTip().contains(QStringLiteral("n'est pas une date")),
             qPrintable(field.lineEdit()->toolTip()));
    // Typing fixes it; a date outside the range is brought back into it.
    typeInto(field, QStringLiteral("2030-01-01"));
    QVERIFY(!field.hasError());
    QCOMPARE(field.date(), d(2025, 12, 31));

    gui::DateField optional;
    optional.setEmptyText(QStringLiteral("automatique"));
    optional.clear();
    QVERIFY(!optional.date().isValid());
    typeInto(optional, QStringLiteral("02/01/2024"));
    QCOMPARE(optional.date(), d(2024, 1, 2));
    typeInto(optional, QString());
    QVERIFY(!optional.date().isValid());
    QVERIFY(!optional.hasError());
}

void TestPeriods::parameterFormDates()
{
    using core::processing::ParameterDefinition;
    core::processing::ParameterDefinitions defs;
    defs.push_back(ParameterDefinition::date(QStringLiteral("date"), QStringLiteral("Date"))
                       .withDefault(d(2025, 5, 1)));
    defs.push_back(ParameterDefinition::dateTime(QStringLiteral("start"), QStringLiteral("Start"))
                       .withDefault(QDateTime(d(2025, 6, 7), QTime(21, 0), core::cityTimeZone())));
    defs.push_back(
        ParameterDefinition::date(QStringLiteral("auto"), QStringLiteral("Auto")).optional());
    gui::ParameterForm form;
    form.setDefinitions(defs);
    auto *date = qobject_cast<gui::DateField *>(form.editor(QStringLiteral("date")));
    auto *start = qobject_cast<gui::DateField *>(form.editor(QStringLiteral("start")));
    QVERIFY(date && start);
    typeInto(*date, QStringLiteral("2025-06-01"));
    typeInto(*start, QStringLiteral("14/07/2025 22:30"));
    const QVariantMap values = form.values();
    QCOMPARE(values.value(QStringLiteral("date")).toDate(), d(2025, 6, 1));
    QCOMPARE(values.value(QStringLiteral("start")).toDateTime().toSecsSinceEpoch(),
             cityTime(d(2025, 7, 14), 22, 30, 0));
    // An optional date left blank is left out (the algorithm chooses).
    QVERIFY(!values.contains(QStringLiteral("auto")));
}

void TestPeriods::timeFilterWholeDays()
{
    gui::TimeFilter filter;
    filter.setToday(d(2025, 11, 15));
    // Incidents from 10:23:17 on 2 Jan 2023 to 22:44:40 on 14 Nov 2025.
    filter.setDataRange(cityTime(d(2023, 1, 2), 10, 23, 17), cityTime(d(2025, 11, 14), 22, 44, 40));
    QCOMPARE(filter.dataMin(), cityTime(d(2023, 1, 2), 0, 0, 0));
    QCOMPARE(filter.dataMax(), cityTime(d(2025, 11, 14), 23, 59, 59));
    QCOMPARE(filter.preset(), CalendarPreset::Whole);

    filter.applyPreset(CalendarPreset::LastMonth);
    QCOMPARE(filter.from(), cityTime(d(2025, 10, 1), 0, 0, 0));
    QCOMPARE(filter.to(), cityTime(d(2025, 10, 31), 23, 59, 59));
    auto *presets = filter.findChild<QComboBox *>();
    QVERIFY(presets);

    // Typing a day in "To" makes the period custom, and typing the month's last day back makes
    // it "last calendar month" again.
    auto fields = filter.findChildren<gui::DateField *>();
    QCOMPARE(fields.size(), 2);
    gui::DateField *toField = fields[1];
    typeInto(*toField, QStringLiteral("30/10/2025"));
    QCOMPARE(filter.to(), cityTime(d(2025, 10, 30), 23, 59, 59));
    QCOMPARE(filter.preset(), CalendarPreset::Custom);
    typeInto(*toField, QStringLiteral("2025-10-31"));
    QCOMPARE(filter.preset(), CalendarPreset::LastMonth);

    // New data (an import, a sync) keeps the user's days and the preset.
    filter.setDataRange(cityTime(d(2022, 6, 1), 8, 0, 0), cityTime(d(2025, 11, 14), 9, 0, 0));
    QCOMPARE(filter.from(), cityTime(d(2025, 10, 1), 0, 0, 0));
    QCOMPARE(filter.to(), cityTime(d(2025, 10, 31), 23, 59, 59));
    QCOMPARE(filter.preset(), CalendarPreset::LastMonth);
    QCOMPARE(presets->currentData().toInt(), static_cast<int>(CalendarPreset::LastMonth));
    // A new workspace (no range) forgets it.
    filter.setDataRange(core::LayerSnapshot::kNoTime, core::LayerSnapshot::kNoTime);
    filter.setDataRange(cityTime(d(2024, 1, 1), 8, 0, 0), cityTime(d(2024, 12, 31), 9, 0, 0));
    QCOMPARE(filter.preset(), CalendarPreset::Whole);
    QCOMPARE(filter.from(), filter.dataMin());

    // Data that ended before today: presets count back from its last day.
    filter.applyPreset(CalendarPreset::LastMonth);
    QCOMPARE(filter.from(), cityTime(d(2024, 11, 1), 0, 0, 0));
}

void TestPeriods::timeFilterPlaysOnMondays()
{
    gui::TimeFilter filter;
    filter.setToday(d(2025, 11, 15));
    filter.setDataRange(cityTime(d(2025, 1, 2), 10, 23, 17), cityTime(d(2025, 11, 14), 22, 44, 40));
    filter.setStep(gui::TimeFilter::Step::Week);
    // From a Thursday: the first window is that week, from its Monday (clamped to the data).
    filter.setWindow(cityTime(d(2025, 3, 13), 0, 0, 0), cityTime(d(2025, 11, 14), 23, 59, 59));
    filter.setPlaying(true);
    QCOMPARE(filter.from(), cityTime(d(2025, 3, 10), 0, 0, 0));
    QCOMPARE(filter.to(), cityTime(d(2025, 3, 16), 23, 59, 59));
    filter.stepAnimation();
    QCOMPARE(filter.from(), cityTime(d(2025, 3, 17), 0, 0, 0));
    QCOMPARE(core::cityDay(filter.from()).dayOfWeek(), int(Qt::Monday));
    // Across the change to summer time (30 March) the week still starts at midnight.
    filter.stepAnimation();
    filter.stepAnimation();
    QCOMPARE(filter.from(), cityTime(d(2025, 3, 31), 0, 0, 0));
    QCOMPARE(filter.windowText(), QStringLiteral("Du 31/03/2025 au 06/04/2025"));
    filter.setPlaying(false);

    filter.setStep(gui::TimeFilter::Step::Month);
    filter.setWindow(cityTime(d(2025, 2, 14), 0, 0, 0), cityTime(d(2025, 2, 20), 23, 59, 59));
    filter.setPlaying(true);
    QCOMPARE(filter.from(), cityTime(d(2025, 2, 1), 0, 0, 0));
    QCOMPARE(filter.to(), cityTime(d(2025, 2, 28), 23, 59, 59));
    filter.stepAnimation();
    QCOMPARE(filter.from(), cityTime(d(2025, 3, 1), 0, 0, 0));
    QCOMPARE(filter.to(), cityTime(d(2025, 3, 31), 23, 59, 59));
    // The first month is clamped to the data (from 2 January).
    filter.setPlaying(false);
    filter.setWindow(filter.dataMin(), cityTime(d(2025, 1, 20), 0, 0, 0));
    filter.setPlaying(true);
    QCOMPARE(filter.from(), filter.dataMin());
    QCOMPARE(filter.to(), cityTime(d(2025, 1, 31), 23, 59, 59));
    filter.setPlaying(false);
}

void TestPeriods::mainWindowPlaysAndImportKeepsPeriod()
{
    guitest::openWindow(m_window, m_dir.filePath(QStringLiteral("demo.vigie")));
    if (QTest::currentTestFailed())
        return;
    gui::MainWindow &w = *m_window;
    gui::TimeFilter *time = w.timeFilter();
    time->applyPreset(CalendarPreset::LastMonth);
    const auto from = time->from();
    const auto to = time->to();
    QVERIFY(from > time->dataMin());

    // An import (no dates in it) leaves the period and its preset as they were.
    const QString path = m_dir.filePath(QStringLiteral("points.geojson"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"nom": "Vieux-Port"},
  "geometry": {"type": "Point", "coordinates": [5.3698, 43.2951]}}]})");
    }
    QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
    core::ImportOptions options;
    options.newLayerId = QStringLiteral("points");
    w.importFile(path, options);
    QVERIFY(ended.wait(30000));
    QVERIFY2(ended.first().first().toBool(), qPrintable(w.lastError()));
    QCOMPARE(time->from(), from);
    QCOMPARE(time->to(), to);
    QCOMPARE(time->preset(), CalendarPreset::LastMonth);

    // Play by week: the map says which week it shows, and stops saying it at pause.
    w.zoomFull();
    time->setStep(gui::TimeFilter::Step::Week);
    time->setPlaying(true);
    QCOMPARE(core::cityDay(time->from()).dayOfWeek(), int(Qt::Monday));
    QCOMPARE(w.mapCanvas()->caption(), time->windowText());
    QVERIFY(w.mapCanvas()->caption().contains(QStringLiteral(" au ")));
    time->stepAnimation();
    QTRY_COMPARE(w.mapCanvas()->caption(), time->windowText());
    const int count = w.mapCanvas()->renderCount();
    QTRY_VERIFY_WITH_TIMEOUT(w.mapCanvas()->renderCount() > count, 10000);
    QVERIFY(w.grab().toImage().save(guitest::screenshotPath(QStringLiteral("periods-play.png"))));
    time->setPlaying(false);
    QVERIFY(w.mapCanvas()->caption().isEmpty());
}

void TestPeriods::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestPeriods)
#include "test_periods.moc"
