// SPDX-License-Identifier: GPL-3.0-or-later
// Camera what-if: sector geometry on hand-made cases, coverage of a risk surface, edits
// (add / move / remove) and greedy placement.

#include "analytics/coverage.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace vigie::analytics;

namespace {

/// 10 x 10 cells of 10 m from (0, 0): centres at 5, 15, ..., 95.
GridSpec grid10()
{
    return GridSpec{0, 0, 10, 10, 10};
}

Raster uniformRisk(double v = 1.0)
{
    Raster r;
    r.grid = grid10();
    r.values.assign(r.grid.cellCount(), v);
    return r;
}

bool maskAt(const GridSpec &g, const std::vector<std::uint8_t> &m, double x, double y)
{
    return m[g.index(g.colOf(x), g.rowOf(y))] != 0;
}

} // namespace

class TestCoverage : public QObject
{
    Q_OBJECT
private slots:
    void sectorGeometry()
    {
        const Camera east{50, 50, 90, 90, 30};
        QVERIFY(cameraSees(east, 75, 55));  // east, bearing 79 deg
        QVERIFY(cameraSees(east, 75, 45));  // east, bearing 101 deg
        QVERIFY(cameraSees(east, 79, 50));  // on the axis, inside range
        QVERIFY(!cameraSees(east, 81, 50)); // beyond range
        QVERIFY(!cameraSees(east, 25, 50)); // west
        QVERIFY(!cameraSees(east, 55, 75)); // north (bearing 11 deg)
        QVERIFY(cameraSees(east, 60, 40));  // bearing exactly 135 = edge of the 90 deg fov
        QVERIFY(!cameraSees(east, 60, 39)); // just outside the edge
        // Direction wraps: north-facing with 90 deg sees bearings 315..45.
        const Camera north{50, 50, 0, 90, 30};
        QVERIFY(cameraSees(north, 45, 70));
        QVERIFY(cameraSees(north, 55, 70));
        QVERIFY(!cameraSees(north, 50, 30));
        const Camera all{50, 50, 0, 360, 10};
        QVERIFY(cameraSees(all, 50, 41));
        QVERIFY(!cameraSees(all, 50, 39));
    }

    void maskEastNotWest()
    {
        const GridSpec g = grid10();
        const std::vector<Camera> cams{{50, 50, 90, 90, 30}};
        const auto m = coverageMask(g, cams);
        int n = 0;
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c)
                if (m[g.index(c, r)]) {
                    ++n;
                    QVERIFY(g.centreX(c) > 50); // every covered centre is east of the camera
                    QVERIFY(cameraSees(cams[0], g.centreX(c), g.centreY(r)));
                }
        QVERIFY(maskAt(g, m, 75, 55));
        QVERIFY(!maskAt(g, m, 25, 55));
        // Centres with dx in {5, 15, 25}, |dy| <= dx and dx^2 + dy^2 <= 900:
        // dx=5: dy=+-5 (2); dx=15: dy=+-5,+-15 (4); dx=25: dy=+-5,+-15 (4) -> 10.
        QCOMPARE(n, 10);
        const auto count = coverageCount(g, std::vector<Camera>{cams[0], cams[0]});
        QCOMPARE(int(count[g.index(g.colOf(75), g.rowOf(55))]), 2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 coverageMask(g, std::vector<Camera>{{0, 0, 0, 90, -1}}));
    }

    void riskShares()
    {
        Raster risk = uniformRisk(1.0);
        risk.values[risk.grid.index(7, 4)] =
            91; // centre (75, 55): a hotspot, seen by the east camera
        risk.values[risk.grid.index(0, 0)] = Raster::noData();
        const std::vector<Camera> cams{{50, 50, 90, 90, 30}};
        const auto s = riskCoverage(risk, coverageMask(risk.grid, cams), 0.99);
        QCOMPARE(s.totalRisk, 98.0 + 91.0);
        QCOMPARE(s.coveredRisk, 9.0 + 91.0);
        QCOMPARE(s.coveredCells, std::size_t(10));
        QCOMPARE(s.hotspotCells, std::size_t(1));
        QCOMPARE(s.coveredHotspotCells, std::size_t(1));
        QCOMPARE(s.hotspotShare, 1.0);
        QVERIFY(std::fabs(s.riskShare - 100.0 / 189.0) < 1e-12);
    }

    void whatIfEdits()
    {
        Raster risk = uniformRisk(1.0);
        risk.values[risk.grid.index(7, 4)] = 91;
        const std::vector<Camera> cams{{50, 50, 90, 90, 30}, {10, 90, 135, 90, 20}};
        // Turn camera 0 to the west: loses the hotspot.
        const std::vector<CameraEdit> turn{
            {CameraEdit::Kind::Move, 0, Camera{50, 50, 270, 90, 30}}};
        const auto after = applyCameraEdits(cams, turn);
        QCOMPARE(after.size(), std::size_t(2));
        QCOMPARE(after[0].directionDeg, 270.0);
        const auto cmp = compareCoverage(risk, cams, after, 0.99);
        QCOMPARE(cmp.before.hotspotShare, 1.0);
        QCOMPARE(cmp.after.hotspotShare, 0.0);
        QCOMPARE(cmp.hotspotShareChange, -1.0);
        QCOMPARE(cmp.cellsGained, std::size_t(10)); // the mirror image of the east sector
        QCOMPARE(cmp.cellsLost, std::size_t(10));
        QCOMPARE(int(cmp.change[risk.grid.index(7, 4)]), -1);
        QCOMPARE(int(cmp.change[risk.grid.index(2, 4)]), 1);
        // Remove camera 1 and add one: order = kept originals, then additions.
        const std::vector<CameraEdit> edits{{CameraEdit::Kind::Remove, 1, {}},
                                            {CameraEdit::Kind::Add, 0, Camera{90, 10, 0, 60, 40}}};
        const auto e = applyCameraEdits(cams, edits);
        QCOMPARE(e.size(), std::size_t(2));
        QCOMPARE(e[1].x, 90.0);
        const auto cmp2 = compareCoverage(risk, cams, e);
        QVERIFY(cmp2.after.coveredRisk > cmp2.before.coveredRisk - 1e-9 || cmp2.cellsLost > 0);
        const std::vector<CameraEdit> twice{{CameraEdit::Kind::Remove, 1, {}},
                                            {CameraEdit::Kind::Move, 1, {}}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyCameraEdits(cams, twice));
        const std::vector<CameraEdit> out{{CameraEdit::Kind::Remove, 5, {}}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyCameraEdits(cams, out));
    }

    void venueCamerasAndGaps()
    {
        const GridSpec g = grid10();
        // Venue at (50, 50), radius 20 m: centres within 20 m = 12 cells (offsets +-5, +-15 with
        // dx^2 + dy^2 <= 400: 4 at (5,5), 8 at (5,15)/(15,5)).
        const std::vector<Camera> cams{
            {50, 50, 90, 90, 30}, {95, 95, 45, 90, 30}, {0, 50, 90, 20, 40}};
        const VenueView v = venueView(g, cams, 50, 50, 20);
        QCOMPARE(v.discCells, std::size_t(12));
        QCOMPARE(v.cameras, (std::vector<std::size_t>{0, 2})); // camera 1 looks away
        // Camera 0 sees (55, 45/55), (65, 45/55); camera 2 (20 deg, east, 40 m) sees (35, 45/55) at
        // 8.1 deg off its axis.
        QCOMPARE(v.coveredCells, std::size_t(6));
        QCOMPARE(v.coveredShare, 0.5);
        QVERIFY(v.gaps[g.index(g.colOf(45), g.rowOf(65))]);  // north of the venue: a gap
        QVERIFY(!v.gaps[g.index(g.colOf(65), g.rowOf(55))]); // seen
        QVERIFY(!v.gaps[g.index(g.colOf(95), g.rowOf(95))]); // outside the disc: not a gap
    }

    void greedyPlacement()
    {
        // Two clusters of risk: A (3 cells, risk 10 each) in the north-west corner, B (2 cells,
        // risk 8) in the south-east. One site in the middle; 4 directions.
        Raster risk = uniformRisk(0.0);
        const GridSpec &g = risk.grid;
        for (auto [x, y] : {std::pair{15.0, 85.0}, {25.0, 85.0}, {15.0, 75.0}})
            risk.values[g.index(g.colOf(x), g.rowOf(y))] = 10;
        for (auto [x, y] : {std::pair{85.0, 15.0}, {75.0, 15.0}})
            risk.values[g.index(g.colOf(x), g.rowOf(y))] = 8;
        PlacementParams p;
        p.count = 3;
        p.fovDeg = 90;
        p.rangeM = 60;
        p.directions = 8;
        p.siteX = {50};
        p.siteY = {50};
        const auto res = suggestCameras(risk, {}, p);
        QCOMPARE(res.cameras.size(), std::size_t(2)); // the third adds nothing: stops early
        QCOMPARE(res.cameras[0].directionDeg, 315.0); // towards A first (30 > 16)
        QCOMPARE(res.marginalRisk[0], 30.0);
        QCOMPARE(res.cameras[1].directionDeg, 135.0);
        QCOMPARE(res.marginalRisk[1], 16.0);
        QCOMPARE(res.after.riskShare, 1.0);
        QCOMPARE(res.before.riskShare, 0.0);
        // An existing camera already watching A: the first suggestion goes to B.
        const std::vector<Camera> existing{{50, 50, 315, 90, 60}};
        const auto res2 = suggestCameras(risk, existing, p);
        QCOMPARE(res2.cameras.size(), std::size_t(1));
        QCOMPARE(res2.cameras[0].directionDeg, 135.0);
        QVERIFY(std::fabs(res2.before.riskShare - 30.0 / 46.0) < 1e-12);
        // Default candidate sites (riskiest cells) also reach full coverage with 2 cameras.
        PlacementParams q = p;
        q.siteX.clear();
        q.siteY.clear();
        q.count = 2;
        const auto res3 = suggestCameras(risk, {}, q);
        QCOMPARE(res3.after.riskShare, 1.0);
        Feedback fb;
        fb.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, suggestCameras(risk, {}, p, &fb));
    }
};

QTEST_GUILESS_MAIN(TestCoverage)
#include "test_coverage.moc"
