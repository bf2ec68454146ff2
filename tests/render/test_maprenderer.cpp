// SPDX-License-Identifier: GPL-3.0-or-later
// MapRenderer behaviour: time and category filters, culling, aggregation threshold, symbology,
// labels, opacity and cancellation, checked through RenderStats and pixels.
#include "testscene.h"

#include "core/analytics/feedback.h"
#include "render/maprenderer.h"
#include "render/symbolstyle.h"

#include <QPainter>
#include <QPicture>
#include <QTest>

#include <cmath>

using namespace vigie;
using namespace vigie::render;

namespace {

constexpr auto kNone = core::LayerSnapshot::kNoTime;

/// `n` incidents spread over [0, 1000] x [0, 1000] with category i % 6 and time 1000 * i.
std::shared_ptr<core::LayerSnapshot> incidents(int n)
{
    auto s = test::emptySnapshot(QStringLiteral("incidents"));
    test::Lcg rng(7);
    for (int i = 0; i < n; ++i) {
        s->fids.push_back(i + 1);
        s->x.push_back(rng.uniform() * 1000.0);
        s->y.push_back(rng.uniform() * 1000.0);
        s->category.push_back(std::int16_t(i % 6));
        s->time.push_back(1000LL * i);
    }
    test::finish(*s);
    return s;
}

MapSettings settingsFor(std::shared_ptr<core::LayerSnapshot> s, QRectF extent = {0, 0, 1000, 1000})
{
    MapSettings m;
    m.extent = extent;
    m.outputSize = QSize(200, 200);
    MapLayer l;
    l.data = std::move(s);
    m.layers.push_back(l);
    return m;
}

int colourDistance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

} // namespace

class TestMapRenderer : public QObject
{
    Q_OBJECT

private slots:
    void drawsAllWithoutFilters()
    {
        MapSettings m = settingsFor(incidents(600));
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.layersDrawn, 1);
        QCOMPARE(st.featuresDrawn, std::size_t(600));
        QCOMPARE(st.pointsAggregated, std::size_t(0));
        QVERIFY(!st.canceled);
        QVERIFY(st.milliseconds > 0.0);
    }

    void timeWindow()
    {
        MapSettings m = settingsFor(incidents(600));
        m.timeFrom = 100000; // rows 100..
        m.timeTo = 199999;   // ..199
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(100));
        m.timeFrom = kNone; // open start: rows 0..199
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(200));
    }

    void periodsAndMissingTimes()
    {
        auto s = test::emptySnapshot(QStringLiteral("events"));
        s->fids = {1, 2, 3, 4};
        s->x = {100, 300, 500, 700};
        s->y = {500, 500, 500, 500};
        s->category = {0, 1, 2, 3};
        s->time = {1000, 1000, 5000, kNone};
        s->endTime = {kNone, 2000, 6000, kNone}; // 1: open-ended, 2: over before the window
        s->labels = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                     QStringLiteral("d")};
        test::finish(*s);
        MapSettings m = settingsFor(s);
        m.timeFrom = 3000;
        m.timeTo = 4000;
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        // Row 0 (still going on) and row 3 (no time) are drawn; rows 1 and 2 are not.
        QCOMPARE(st.featuresDrawn, std::size_t(2));
    }

    void categoryFilter()
    {
        MapSettings m = settingsFor(incidents(600));
        m.layers[0].categoryVisible = {true, true, false, true, false, true};
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(400));
        m.layers[0].visible = false;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(0));
        QCOMPARE(st.layersDrawn, 0);
    }

    void viewportCulling()
    {
        auto s = incidents(600);
        std::size_t inside = 0;
        for (std::size_t i = 0; i < s->size(); ++i)
            inside += (s->x[i] <= 400 && s->y[i] <= 400) ? 1 : 0;
        // Zoom on the south-west corner; a margin of one marker around the view is allowed.
        MapSettings m = settingsFor(s, QRectF(0, 0, 400, 400));
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QVERIFY(st.featuresDrawn >= inside);
        QVERIFY(st.featuresDrawn <= inside + 20);
        QVERIFY(st.featuresDrawn < 200);
    }

    void garbledCoordinatesNeverCrash()
    {
        // Issue 16 finding 6: a point at (1e308, -1e308) made the extent overflow to infinity and
        // NaN reached the point index's int buckets (SEGV). The renderer must survive any
        // coordinate: huge, infinite or NaN, whether the view is the garbled extent or a normal
        // one.
        auto s = incidents(600);
        const double bad[][2] = {{1e308, -1e308}, {-1e308, 1e308}, {INFINITY, 0.0}, {NAN, NAN}};
        for (const auto &b : bad) {
            s->fids.push_back(std::int64_t(s->fids.size() + 1));
            s->x.push_back(b[0]);
            s->y.push_back(b[1]);
            s->category.push_back(0);
            s->time.push_back(0);
        }
        test::finish(*s);
        const QRectF wide(QPointF(-1e308, -1e308), QPointF(1e308, 1e308));
        const QRectF infinite(QPointF(-INFINITY, -INFINITY), QPointF(INFINITY, INFINITY));
        for (const QRectF &view : {s->extent, wide, infinite}) {
            MapSettings m = settingsFor(s, view);
            RenderStats st;
            const QImage img = MapRenderer::renderImage(m, &st);
            QCOMPARE(img.size(), QSize(200, 200)); // drawn, nothing crashed
        }
        // The normal view still shows the normal points and none of the garbled ones.
        MapSettings m = settingsFor(s);
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(600));

        // A view that is not a finite rectangle shows nothing rather than NaN pixels.
        MapSettings inf;
        inf.extent = infinite;
        inf.outputSize = QSize(200, 200);
        QVERIFY(!inf.visibleExtent().isValid());
        QCOMPARE(inf.mapUnitsPerPixel(), 0.0);
        QVERIFY(inf.mapToPixel().isIdentity());
    }

    void aggregationThreshold()
    {
        MapSettings m = settingsFor(incidents(1000));
        m.aggregateAbove = 999;
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.pointsAggregated, std::size_t(1000));
        QCOMPARE(st.featuresDrawn, std::size_t(0));
        m.aggregateAbove = 1000;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.pointsAggregated, std::size_t(0));
        QCOMPARE(st.featuresDrawn, std::size_t(1000));
        // The threshold applies to visible points: a time window brings markers back.
        m.aggregateAbove = 999;
        m.timeTo = 499999;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(500));
    }

    void aggregatedCellsTakeDominantColour()
    {
        // A dense cluster of 300 category-3 points and 100 category-0 points at the centre.
        auto s = test::emptySnapshot(QStringLiteral("incidents"));
        test::Lcg rng(3);
        for (int i = 0; i < 400; ++i) {
            s->fids.push_back(i + 1);
            s->x.push_back(500 + rng.normal() * 3);
            s->y.push_back(500 + rng.normal() * 3);
            s->category.push_back(i < 100 ? 0 : 3);
            s->time.push_back(kNone);
        }
        test::finish(*s);
        MapSettings m = settingsFor(s);
        m.aggregateAbove = 10;
        RenderStats st;
        const QImage img = MapRenderer::renderImage(m, &st);
        QCOMPARE(st.pointsAggregated, std::size_t(400));
        const QColor drugs = colorFromString(s->manifest.categories[3].color);
        // The busiest cell is drawn solid in the dominant colour.
        int best = 255;
        for (int y = 95; y < 105; ++y)
            for (int x = 95; x < 105; ++x)
                best = std::min(best, colourDistance(img.pixel(x, y), drugs.rgb()));
        QVERIFY2(best <= 6, qPrintable(QString::number(best)));
        // Far from the cluster: background.
        QCOMPARE(img.pixel(10, 10), m.background.rgb());
    }

    void markerColourAndShape()
    {
        auto s = test::emptySnapshot(QStringLiteral("incidents"));
        s->fids = {1, 2};
        s->x = {250, 750};
        s->y = {500, 500};
        s->category = {1, -1};
        s->time = {kNone, kNone};
        test::finish(*s);
        MapSettings m = settingsFor(s);
        const QImage img = MapRenderer::renderImage(m);
        const QColor violence = colorFromString(s->manifest.categories[1].color);
        QVERIFY(colourDistance(img.pixel(50, 100), violence.rgb()) <= 8);
        // Uncategorised: filled with the stroke colour (white), outlined.
        QVERIFY(colourDistance(img.pixel(150, 100), qRgb(255, 255, 255)) <= 8);
        int darkest = 255;
        for (int y = 96; y <= 104; ++y)
            for (int x = 146; x <= 154; ++x)
                darkest = std::min(darkest, qGray(img.pixel(x, y)));
        QVERIFY(darkest < 200);
        // Outside the marker: background.
        QCOMPARE(img.pixel(50, 110), m.background.rgb());
    }

    void graduatedLine()
    {
        auto s = test::emptySnapshot(QStringLiteral("traffic"));
        auto add = [&](double y, double flow) {
            core::Geometry g;
            g.paths.push_back({{100, y}, {900, y}});
            g.bounds = QRectF(100, y, 800, 0);
            s->geometries.push_back(g);
            s->fids.push_back(std::int64_t(s->fids.size() + 1));
            s->numbers[QStringLiteral("flow")].push_back(flow);
        };
        add(750, 400); // a stop: #a6d96a
        add(250, 650); // half way between #a6d96a and #fee08b
        test::finish(*s);
        MapSettings m = settingsFor(s);
        const QImage img = MapRenderer::renderImage(m);
        QVERIFY2(colourDistance(img.pixel(100, 50), qRgb(0xa6, 0xd9, 0x6a)) <= 6,
                 qPrintable(QColor(img.pixel(100, 50)).name()));
        const QRgb mid = qRgb((0xa6 + 0xfe) / 2, (0xd9 + 0xe0) / 2, (0x6a + 0x8b) / 2);
        QVERIFY(colourDistance(img.pixel(100, 150), mid) <= 6);
    }

    void cameraFieldOfView()
    {
        auto s = test::emptySnapshot(QStringLiteral("cameras"));
        s->fids = {1};
        s->x = {500};
        s->y = {500};
        s->category = {0};
        s->time = {kNone};
        s->endTime = {kNone};
        s->numbers[QStringLiteral("direction")] = {90.0}; // looking east
        s->numbers[QStringLiteral("fov")] = {60.0};
        s->numbers[QStringLiteral("range_m")] = {300.0};
        test::finish(*s);
        MapSettings m = settingsFor(s);
        const QImage img = MapRenderer::renderImage(m);
        const QRgb bg = m.background.rgb();
        QVERIFY(img.pixel(140, 100) != bg); // 200 m east: inside the wedge
        QCOMPARE(img.pixel(60, 100), bg);   // 200 m west: outside
        QCOMPARE(img.pixel(100, 60), bg);   // 200 m north: outside
        QCOMPARE(img.pixel(180, 100), bg);  // 400 m east: beyond the range
    }

    void polygonLabelsAndCollisions()
    {
        auto s = test::emptySnapshot(QStringLiteral("arrondissements"));
        test::addPolygon(*s, {{{100, 100}, {900, 100}, {900, 900}, {100, 900}, {100, 100}}},
                         QStringLiteral("Grand"));
        test::addPolygon(*s, {{{120, 120}, {880, 120}, {880, 880}, {120, 880}, {120, 120}}},
                         QStringLiteral("Dessus"));
        test::addPolygon(*s, {{{10, 10}, {14, 10}, {14, 14}, {10, 14}, {10, 10}}},
                         QStringLiteral("Minuscule"));
        test::finish(*s);
        MapSettings m = settingsFor(s);
        m.outputSize = QSize(400, 400);
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(3));
        // Both big labels compete for the centre: one is placed; the tiny polygon gets none.
        QCOMPARE(st.labelsDrawn, 1);
        m.layers[0].showLabels = false;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.labelsDrawn, 0);
    }

    void eventLabelsOnlyWhenZoomedIn()
    {
        auto s = test::emptySnapshot(QStringLiteral("events"));
        s->fids = {1};
        s->x = {500};
        s->y = {500};
        s->category = {0};
        s->time = {kNone};
        s->endTime = {kNone};
        s->labels = {QStringLiteral("Match")};
        test::finish(*s);
        MapSettings m = settingsFor(s); // 1 km on 200 px: 1:18 898
        m.outputSize = QSize(400, 400);
        RenderStats st;
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.labelsDrawn, 1);
        m.extent = QRectF(-20000, -20000, 40000, 40000); // 1:377 953
        MapRenderer::renderImage(m, &st);
        QCOMPARE(st.featuresDrawn, std::size_t(1));
        QCOMPARE(st.labelsDrawn, 0);
    }

    void layerOpacity()
    {
        auto s = test::emptySnapshot(QStringLiteral("quartiers"));
        s->manifest.symbology.fill = QStringLiteral("#000000");
        test::addPolygon(*s, {{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}}, QString());
        test::finish(*s);
        MapSettings m = settingsFor(s);
        m.background = Qt::white;
        m.layers[0].opacity = 0.5;
        const QImage img = MapRenderer::renderImage(m);
        QVERIFY(std::abs(qGray(img.pixel(100, 100)) - 128) <= 3);
        m.layers[0].opacity = 1.0;
        QCOMPARE(qGray(MapRenderer::renderImage(m).pixel(100, 100)), 0);
    }

    void cancellation()
    {
        MapSettings m = settingsFor(incidents(600));
        analytics::Feedback feedback;
        feedback.cancel();
        QImage img(m.outputSize, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        const RenderStats st = MapRenderer::render(m, p, &feedback);
        QVERIFY(st.canceled);
        QCOMPARE(st.layersDrawn, 0);
        QCOMPARE(st.featuresDrawn, std::size_t(0));
    }

    void vectorOutputMatchesRaster()
    {
        // Through a non-raster paint engine (here QPicture), markers are drawn as vectors.
        MapSettings m = settingsFor(incidents(50));
        QPicture picture;
        QPainter p(&picture);
        const RenderStats st = MapRenderer::render(m, p);
        p.end();
        QCOMPARE(st.featuresDrawn, std::size_t(50));
        QImage img(m.outputSize, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter q(&img);
        picture.play(&q);
        q.end();
        const QImage raster = MapRenderer::renderImage(m);
        int differing = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                differing += colourDistance(img.pixel(x, y), raster.pixel(x, y)) > 60 ? 1 : 0;
        QVERIFY2(differing < 300, qPrintable(QString::number(differing)));
    }
};

QTEST_MAIN(TestMapRenderer)
#include "test_maprenderer.moc"
