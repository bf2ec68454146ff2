// SPDX-License-Identifier: GPL-3.0-or-later
#include "testscene.h"

#include "render/identify.h"

#include <QTest>

using namespace vigie;
using namespace vigie::render;

namespace {
constexpr auto kNone = core::LayerSnapshot::kNoTime;
}

class TestIdentify : public QObject
{
    Q_OBJECT

private slots:
    void nearestPoint()
    {
        auto s = test::emptySnapshot(QStringLiteral("incidents"));
        s->fids = {1, 2, 3};
        s->x = {100, 110, 300};
        s->y = {100, 100, 300};
        s->time = {1000, 2000, 3000};
        s->category = {0, 1, 2};
        QCOMPARE(identifyRow(*s, QPointF(103, 101), 10, kNone, kNone),
                 std::optional<std::size_t>(0));
        QCOMPARE(identifyRow(*s, QPointF(107, 99), 10, kNone, kNone),
                 std::optional<std::size_t>(1));
        // Out of tolerance.
        QVERIFY(!identifyRow(*s, QPointF(200, 200), 10, kNone, kNone));
        QVERIFY(!identifyRow(*s, QPointF(300, 312), 10, kNone, kNone));
        QCOMPARE(identifyRow(*s, QPointF(300, 309), 10, kNone, kNone),
                 std::optional<std::size_t>(2));
        // Time filter: row 0 hidden, so the click near it finds row 1 (still within tolerance).
        QCOMPARE(identifyRow(*s, QPointF(103, 101), 10, 1500, kNone),
                 std::optional<std::size_t>(1));
        QVERIFY(!identifyRow(*s, QPointF(103, 101), 10, 2500, kNone));
    }

    void line()
    {
        auto s = test::emptySnapshot(QStringLiteral("traffic"));
        auto add = [&](core::Path p) {
            core::Geometry g;
            g.paths.push_back(p);
            double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
            for (const QPointF &q : p) {
                x0 = std::min(x0, q.x()), x1 = std::max(x1, q.x());
                y0 = std::min(y0, q.y()), y1 = std::max(y1, q.y());
            }
            g.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
            s->geometries.push_back(g);
            s->fids.push_back(std::int64_t(s->fids.size() + 1));
        };
        add({{0, 0}, {100, 0}, {100, 100}});
        add({{0, 20}, {50, 20}});
        QCOMPARE(identifyRow(*s, QPointF(95, 50), 8, kNone, kNone), std::optional<std::size_t>(0));
        QCOMPARE(identifyRow(*s, QPointF(25, 14), 8, kNone, kNone), std::optional<std::size_t>(1));
        QCOMPARE(identifyRow(*s, QPointF(25, 6), 8, kNone, kNone), std::optional<std::size_t>(0));
        QVERIFY(!identifyRow(*s, QPointF(60, 60), 8, kNone, kNone));
        QCOMPARE(distanceToSegment(QPointF(5, 5), QPointF(0, 0), QPointF(10, 0)), 5.0);
        QCOMPARE(distanceToSegment(QPointF(13, 4), QPointF(0, 0), QPointF(10, 0)), 5.0);
    }

    void polygon()
    {
        auto s = test::emptySnapshot(QStringLiteral("quartiers"));
        test::addPolygon(*s,
                         {{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}},
                          {{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}}},
                         QStringLiteral("A"));
        test::addPolygon(*s, {{{100, 0}, {200, 0}, {200, 100}, {100, 100}, {100, 0}}},
                         QStringLiteral("B"));
        QCOMPARE(identifyRow(*s, QPointF(20, 20), 0, kNone, kNone), std::optional<std::size_t>(0));
        QCOMPARE(identifyRow(*s, QPointF(150, 20), 0, kNone, kNone), std::optional<std::size_t>(1));
        QVERIFY(!identifyRow(*s, QPointF(50, 50), 0, kNone, kNone)); // in the hole
        QVERIFY(!identifyRow(*s, QPointF(250, 50), 0, kNone, kNone));
    }
};

QTEST_MAIN(TestIdentify)
#include "test_identify.moc"
