// SPDX-License-Identifier: GPL-3.0-or-later
// MapSettings maths and the symbology / decoration helpers.
#include "testscene.h"

#include "render/decorations.h"
#include "render/mapsettings.h"
#include "render/symbolstyle.h"

#include <QPainter>
#include <QTest>

using namespace vigie;
using namespace vigie::render;

class TestMapSettings : public QObject
{
    Q_OBJECT

private slots:
    void visibleExtentKeepsAspect()
    {
        MapSettings s;
        s.extent = QRectF(1000, 2000, 1000, 1000); // square extent
        s.outputSize = QSize(800, 400);            // wide output
        const QRectF v = s.visibleExtent();
        QCOMPARE(v.center(), s.extent.center());
        QCOMPARE(v.height(), 1000.0); // the limiting axis is kept
        QCOMPARE(v.width(), 2000.0);  // the other one widens
        QCOMPARE(s.mapUnitsPerPixel(), 2.5);

        s.outputSize = QSize(200, 400); // tall output: the width limits
        QCOMPARE(s.visibleExtent().width(), 1000.0);
        QCOMPARE(s.visibleExtent().height(), 2000.0);
        QCOMPARE(s.mapUnitsPerPixel(), 5.0);
    }

    void scaleDenominator()
    {
        MapSettings s;
        s.extent = QRectF(0, 0, 960, 600); // 1 m per pixel on 960 x 600
        s.outputSize = QSize(960, 600);
        s.dpi = 96.0;
        // 1 px = 1/96 inch = 0.0254/96 m on screen, showing 1 m: 1 : 96 / 0.0254.
        QVERIFY(qFuzzyCompare(s.scaleDenominator(), 96.0 / 0.0254));
        QVERIFY(std::abs(s.scaleDenominator() - 3779.5276) < 1e-3);
        // Same extent printed at 300 dpi on the same pixels: a larger denominator.
        s.dpi = 300.0;
        QVERIFY(std::abs(s.scaleDenominator() - 11811.0236) < 1e-3);
        // A 10 km wide city view on 1280 px at 96 dpi: about 1 : 29 528.
        s.dpi = 96.0;
        s.extent = QRectF(885000, 6240000, 10000, 6250);
        s.outputSize = QSize(1280, 800);
        QVERIFY(std::abs(s.scaleDenominator() - 29527.56) < 0.01);
    }

    void mapToPixel()
    {
        MapSettings s;
        s.extent = QRectF(890000, 6245000, 5000, 3750);
        s.outputSize = QSize(640, 480);
        const QTransform t = s.mapToPixel();
        const QRectF v = s.visibleExtent();
        auto near = [](QPointF a, QPointF b) { return QLineF(a, b).length() < 1e-6; };
        QVERIFY(near(t.map(QPointF(v.left(), v.bottom())), QPointF(0, 0)));   // north-west
        QVERIFY(near(t.map(QPointF(v.right(), v.top())), QPointF(640, 480))); // south-east
        QVERIFY(near(t.map(v.center()), QPointF(320, 240)));
        // y grows downwards: a point further north is higher on screen.
        QVERIFY(t.map(QPointF(892000, 6248000)).y() < t.map(QPointF(892000, 6246000)).y());
    }

    void degenerateSettings()
    {
        MapSettings s;
        s.extent = QRectF();
        QCOMPARE(s.mapUnitsPerPixel(), 0.0);
        QVERIFY(s.mapToPixel().isIdentity());
    }

    void colours()
    {
        QCOMPARE(colorFromString(QStringLiteral("#1f78b433")), QColor(0x1f, 0x78, 0xb4, 0x33));
        QCOMPARE(colorFromString(QStringLiteral("#e6550d")), QColor(0xe6, 0x55, 0x0d));
        QVERIFY(!colorFromString(QStringLiteral("red")).isValid());
        QVERIFY(!colorFromString(QStringLiteral("#12345")).isValid());
    }

    void ramp()
    {
        const std::vector<core::ColorStop> ramp{{0, QStringLiteral("#000000")},
                                                {100, QStringLiteral("#ff0000")},
                                                {300, QStringLiteral("#ffffff")}};
        QCOMPARE(rampColor(ramp, -5).rgb(), qRgb(0, 0, 0));         // clamped below
        QCOMPARE(rampColor(ramp, 100).rgb(), qRgb(255, 0, 0));      // on a stop
        QCOMPARE(rampColor(ramp, 1000).rgb(), qRgb(255, 255, 255)); // clamped above
        const QColor mid = rampColor(ramp, 200); // half way between stops 2 and 3
        QCOMPARE(mid.red(), 255);
        QVERIFY(std::abs(mid.green() - 128) <= 1);
        QVERIFY(std::abs(rampColor(ramp, 25).red() - 64) <= 1);
        QVERIFY(!rampColor({}, 3).isValid());
    }

    void labelPointInsideConcavePolygon()
    {
        // A "U": its centroid falls in the notch, outside the polygon.
        const core::Path u{{0, 0},    {300, 0},   {300, 300}, {200, 300}, {200, 60},
                           {100, 60}, {100, 300}, {0, 300},   {0, 0}};
        const core::PolygonRings poly{u};
        const QPointF p = polygonLabelPoint(poly);
        QVERIFY(core::contains(poly, p));
        // A square: the centroid.
        const core::PolygonRings square{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}};
        QCOMPARE(polygonLabelPoint(square), QPointF(5, 5));
        // A square with a hole in the middle: not in the hole.
        const core::PolygonRings donut{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
                                       {{3, 3}, {7, 3}, {7, 7}, {3, 7}, {3, 3}}};
        QVERIFY(core::contains(donut, polygonLabelPoint(donut)));
    }

    void timeFilter()
    {
        core::LayerSnapshot s;
        s.manifest.timeField = QStringLiteral("starts_at");
        s.manifest.endTimeField = QStringLiteral("ends_at");
        const auto none = core::LayerSnapshot::kNoTime;
        s.fids = {1, 2, 3, 4};
        s.time = {100, 100, none, 500};
        s.endTime = {200, none, none, 600};
        QVERIFY(timeVisible(s, 0, 150, 160));     // inside the period
        QVERIFY(!timeVisible(s, 0, 201, 300));    // after its end
        QVERIFY(timeVisible(s, 1, 10000, 20000)); // open-ended: still going on
        QVERIFY(timeVisible(s, 2, 0, 1));         // no time: always
        QVERIFY(!timeVisible(s, 3, 0, 499));
        QVERIFY(timeVisible(s, 3, 600, none)); // inclusive bound, open end
        // Without an end-time field, the period is the instant.
        s.manifest.endTimeField.clear();
        QVERIFY(!timeVisible(s, 1, 10000, 20000));
    }

    void scaleBarLengths()
    {
        QCOMPARE(niceScaleLength(730.0), 500.0);
        QCOMPARE(niceScaleLength(1999.0), 1000.0);
        QCOMPARE(niceScaleLength(2000.0), 2000.0);
        QCOMPARE(niceScaleLength(0.37), 0.2);
        QCOMPARE(niceScaleLength(0.0), 0.0);
        QVERIFY(formatDistance(500).contains(QStringLiteral("500")));
        QVERIFY(formatDistance(2000).contains(QStringLiteral("2")));
        QVERIFY(formatDistance(2000).contains(QStringLiteral("km")));
    }

    void decorationsDraw()
    {
        MapSettings s = test::controlScene();
        QImage image(s.outputSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        const QRectF bar = drawScaleBar(p, s, QRectF(10, 440, 200, 30));
        QVERIFY(bar.width() > 40 && bar.width() <= 216);
        const QRectF full = drawLegend(p, s, QPointF(0, 0), QStringLiteral("en"), false);
        QVERIFY(full.height() > 100);
        // Hiding categories and layers shrinks the legend.
        s.layers[3].categoryVisible = {true, false, false, false, false, false};
        const QRectF fewer = drawLegend(p, s, QPointF(0, 0), QStringLiteral("en"), false);
        QVERIFY(fewer.height() < full.height());
        for (MapLayer &l : s.layers)
            l.visible = false;
        QVERIFY(drawLegend(p, s, QPointF(0, 0), QStringLiteral("en")).isEmpty());
        p.end();
        // Something dark was drawn in the scale bar area.
        bool dark = false;
        for (int x = 10; x < 210 && !dark; ++x)
            for (int y = 440; y < 470 && !dark; ++y)
                dark = qGray(image.pixel(x, y)) < 60;
        QVERIFY(dark);
    }
};

QTEST_MAIN(TestMapSettings)
#include "test_mapsettings.moc"
