// SPDX-License-Identifier: GPL-3.0-or-later
// analytics::addAoristic on spans whose weights are worked out by hand: a burglary known only
// between Friday 18:00 and Monday 08:00 (62 hours), a span over the change to summer time, a
// point in time, half hours, and a span too long to say anything of the hour.
#include "analytics/aoristic.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace vigie::analytics;

namespace {

// Instants worked out by hand (seconds since 1970 UTC).
constexpr std::int64_t kFri6March2026_17Z = 1772816400; // Friday 6 March 2026 17:00 UTC
constexpr std::int64_t kSummerTime2026 = 1774746000;    // 29 March 2026 01:00 UTC

/// Paris: UTC+1, UTC+2 from 29 March 2026 01:00 UTC (02:00 local became 03:00).
int paris(std::int64_t t)
{
    return t >= kSummerTime2026 ? 7200 : 3600;
}

double total(const HourOfWeek &p)
{
    double s = 0;
    for (const auto &d : p)
        s = std::accumulate(d.begin(), d.end(), s);
    return s;
}

double day(const HourOfWeek &p, int d)
{
    return std::accumulate(p[std::size_t(d)].begin(), p[std::size_t(d)].end(), 0.0);
}

} // namespace

class TestAoristic : public QObject
{
    Q_OBJECT

private slots:
    void weekend()
    {
        // Friday 18:00 to Monday 08:00 in Paris (UTC+1): 6 + 24 + 24 + 8 = 62 hours.
        HourOfWeek p{};
        addAoristic(p, kFri6March2026_17Z, kFri6March2026_17Z + 62 * 3600, paris);
        QVERIFY(std::abs(total(p) - 1.0) < 1e-12);
        QVERIFY(std::abs(day(p, 4) - 6.0 / 62) < 1e-12);  // Friday
        QVERIFY(std::abs(day(p, 5) - 24.0 / 62) < 1e-12); // Saturday
        QVERIFY(std::abs(day(p, 6) - 24.0 / 62) < 1e-12); // Sunday
        QVERIFY(std::abs(day(p, 0) - 8.0 / 62) < 1e-12);  // Monday
        QCOMPARE(p[4][17], 0.0);
        QVERIFY(std::abs(p[4][18] - 1.0 / 62) < 1e-12);
        QVERIFY(std::abs(p[0][7] - 1.0 / 62) < 1e-12);
        QCOMPARE(p[0][8], 0.0);
        QCOMPARE(day(p, 1) + day(p, 2) + day(p, 3), 0.0);
    }

    void changeToSummerTime()
    {
        // Saturday 28 March 23:00 to Sunday 29 March 04:00 local: 00h, 01h, then 03h (02:00 is
        // skipped): four hours of UTC, so a quarter on each of 23h, 00h, 01h and 03h.
        HourOfWeek p{};
        const std::int64_t start = kSummerTime2026 - 3 * 3600; // 28 March 22:00 UTC
        addAoristic(p, start, start + 4 * 3600, paris);
        QVERIFY(std::abs(p[5][23] - 0.25) < 1e-12);
        QVERIFY(std::abs(p[6][0] - 0.25) < 1e-12);
        QVERIFY(std::abs(p[6][1] - 0.25) < 1e-12);
        QCOMPARE(p[6][2], 0.0);
        QVERIFY(std::abs(p[6][3] - 0.25) < 1e-12);
    }

    void pointsAndHalfHours()
    {
        HourOfWeek p{};
        addAoristic(p, kFri6March2026_17Z + 1800, kFri6March2026_17Z + 1800, paris, 2.0);
        QCOMPARE(p[4][18], 2.0); // a point in time: its hour, whole
        HourOfWeek h{};
        // 18:30 to 19:30: half on 18h, half on 19h.
        addAoristic(h, kFri6March2026_17Z + 1800, kFri6March2026_17Z + 5400, paris);
        QVERIFY(std::abs(h[4][18] - 0.5) < 1e-12);
        QVERIFY(std::abs(h[4][19] - 0.5) < 1e-12);
    }

    void tooLongToTell()
    {
        HourOfWeek p{};
        addAoristic(p, kFri6March2026_17Z, kFri6March2026_17Z + 400LL * 86400, paris, 1.0, 366);
        QVERIFY(std::abs(p[2][11] - 1.0 / 168) < 1e-15);
        QVERIFY(std::abs(total(p) - 1.0) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestAoristic)
#include "test_aoristic.moc"
