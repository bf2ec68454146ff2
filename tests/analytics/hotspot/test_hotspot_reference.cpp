// SPDX-License-Identifier: GPL-3.0-or-later
// Gi*, Local Moran's I, global Moran's I, BH and the neighbour lists against R spdep 1.2-7
// (localG, localmoran, localmoran_perm, moran.test, p.adjust, dnearneigh, knearneigh, poly2nb),
// computed at test time on the demo incidents, the real Essex crimes and the Marseille quartiers.

#include "referencesupport.h"

#include "analytics/hotspot.h"
#include "analytics/weights.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

using namespace vigie::analytics;
using namespace vigie::testsupport;

namespace {

/// Counts of points per cell of a square grid covering them, with the cell centres.
struct CellCounts
{
    GridSpec grid;
    std::vector<double> x, y, v;
};

CellCounts countOnGrid(const Points &p, double cellSize)
{
    CellCounts c;
    const auto [xmin, xmax] = std::minmax_element(p.x.begin(), p.x.end());
    const auto [ymin, ymax] = std::minmax_element(p.y.begin(), p.y.end());
    c.grid = GridSpec::covering(*xmin, *ymin, *xmax, *ymax, cellSize);
    c.v.assign(c.grid.cellCount(), 0.0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        const int col = c.grid.colOf(p.x[i]), row = c.grid.rowOf(p.y[i]);
        if (col >= 0 && row >= 0)
            c.v[c.grid.index(col, row)] += 1.0;
    }
    for (int r = 0; r < c.grid.rows; ++r)
        for (int col = 0; col < c.grid.cols; ++col) {
            c.x.push_back(c.grid.centreX(col));
            c.y.push_back(c.grid.centreY(r));
        }
    return c;
}

QString rPreamble()
{
    return QStringLiteral(
        "suppressPackageStartupMessages(library(spdep))\n"
        "out <- function(df, path) { df[] <- lapply(df, function(c) sprintf('%.17g', c));\n"
        "  write.csv(df, path, row.names = FALSE, quote = FALSE) }\n"
        "pairs <- function(nb) { i <- rep(seq_along(nb), card(nb)); j <- unlist(nb); j <- j[j > "
        "0];\n"
        "  data.frame(i = i, j = j) }\n");
}

bool runRScript(const QString &script, ToolRun *runOut = nullptr)
{
    if (!haveProgram(QStringLiteral("Rscript"))) {
        qWarning("Rscript is missing: install r-base-core and r-cran-spdep "
                 "(packaging/install-deps.sh --tests)");
        return false;
    }
    const ToolRun run = runR(rPreamble() + script, 240);
    if (runOut)
        *runOut = run;
    if (run.exitCode != 0) {
        qWarning("R failed (exit %d): %s", run.exitCode, qPrintable(run.stdErr.right(2000)));
        return false;
    }
    if (!run.stdOut.trimmed().isEmpty())
        qInfo().noquote() << "R says:" << run.stdOut.trimmed().left(3000);
    return true;
}

/// Largest |ours - ref| / max(1, |ref|) (NaN must match NaN); prints the reference's first values.
double compare(const char *what, const std::vector<double> &ours, const std::vector<double> &ref,
               bool relative = true)
{
    if (ours.size() != ref.size()) {
        qWarning("%s: %zu values here, %zu in the reference", what, ours.size(), ref.size());
        return INFINITY;
    }
    double worst = 0.0, refMin = INFINITY, refMax = -INFINITY;
    std::size_t nans = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        if (std::isnan(ref[i]) || std::isnan(ours[i])) {
            if (std::isnan(ref[i]) != std::isnan(ours[i]))
                return INFINITY;
            ++nans;
            continue;
        }
        refMin = std::min(refMin, ref[i]);
        refMax = std::max(refMax, ref[i]);
        const double scale = relative ? std::max(1.0, std::abs(ref[i])) : 1.0;
        worst = std::max(worst, std::abs(ours[i] - ref[i]) / scale);
    }
    QString first;
    for (std::size_t i = 0; i < std::min<std::size_t>(6, ref.size()); ++i)
        first += QString::number(ref[i], 'g', 10) + u' ';
    qInfo("  %-28s R: n=%zu first [%s] min %.6g max %.6g NaN %zu | max diff %.3g", what, ref.size(),
          qPrintable(first.trimmed()), refMin, refMax, nans, worst);
    return worst;
}

/// Neighbour pairs (1-based, self excluded) as R's nb lists.
std::set<std::pair<int, int>> pairsOf(const SpatialWeights &w)
{
    std::set<std::pair<int, int>> s;
    for (std::size_t i = 0; i < w.size(); ++i)
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
            if (std::size_t(w.indices[k]) != i)
                s.emplace(int(i) + 1, w.indices[k] + 1);
    return s;
}

std::set<std::pair<int, int>> pairsOf(const std::vector<std::vector<double>> &csv)
{
    std::set<std::pair<int, int>> s;
    if (csv.size() >= 2)
        for (std::size_t r = 0; r < csv[0].size(); ++r)
            s.emplace(int(csv[0][r]), int(csv[1][r]));
    return s;
}

/// The quartiers as read by GDAL (lon/lat as stored), in file order.
struct Quartiers
{
    std::vector<PolygonRings> rings;
    std::vector<std::unique_ptr<OGRGeometry>> lambert93; ///< the same polygons in EPSG:2154
    QString path;
};

Quartiers readQuartiers()
{
    Quartiers q;
    q.path = QStringLiteral(VIGIE_SHARED_DATA "/marseille_quartiers/quartiers-marseille.geojson");
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(q.path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 nullptr, nullptr, nullptr);
    if (!ds)
        return q;
    auto *dataset = GDALDataset::FromHandle(ds);
    OGRLayer *layer = dataset->GetLayer(0);
    OGRSpatialReference wgs, l93;
    wgs.SetWellKnownGeogCS("WGS84");
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    l93.importFromEPSG(2154);
    l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toL93(
        OGRCreateCoordinateTransformation(&wgs, &l93));
    layer->ResetReading();
    while (OGRFeature *f = layer->GetNextFeature()) {
        PolygonRings polygon;
        const OGRGeometry *g = f->GetGeometryRef();
        auto addPolygon = [&](const OGRPolygon *p) {
            for (int r = 0; r < p->getNumInteriorRings() + 1; ++r) {
                const OGRLinearRing *ring =
                    r == 0 ? p->getExteriorRing() : p->getInteriorRing(r - 1);
                std::vector<std::pair<double, double>> v;
                for (int k = 0; k < ring->getNumPoints(); ++k)
                    v.emplace_back(ring->getX(k), ring->getY(k));
                polygon.push_back(std::move(v));
            }
        };
        if (wkbFlatten(g->getGeometryType()) == wkbPolygon) {
            addPolygon(g->toPolygon());
        } else {
            for (const OGRPolygon *p : *g->toMultiPolygon())
                addPolygon(p);
        }
        q.rings.push_back(std::move(polygon));
        std::unique_ptr<OGRGeometry> projected(g->clone());
        projected->transform(toL93.get());
        q.lambert93.push_back(std::move(projected));
        OGRFeature::DestroyFeature(f);
    }
    GDALClose(ds);
    return q;
}

} // namespace

class TestHotspotReference : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file(const QString &name) const { return m_dir.filePath(name); }

    /// Gi* (distance band, self) and Gi (no self) plus BH and moran.test on counts per cell.
    void giStarOnGrid(const CellCounts &c, double band, const char *label)
    {
        QVERIFY(writeCsv(file(QStringLiteral("cells.csv")), {"x", "y", "v"}, {c.x, c.y, c.v}));
        const QString script =
            QStringLiteral("d <- read.csv('%1'); xy <- cbind(d$x, d$y)\n"
                           "nb <- dnearneigh(xy, 0, %2)\n"
                           "nbs <- include.self(nb)\n"
                           "gs <- localG(d$v, nb2listw(nbs, style = 'B'))\n"
                           "g <- localG(d$v, nb2listw(nb, style = 'B', zero.policy = TRUE), "
                           "zero.policy = TRUE)\n"
                           "p <- 2 * pnorm(-abs(as.numeric(gs)))\n"
                           "mt <- moran.test(d$v, nb2listw(nb, style = 'B', zero.policy = TRUE), "
                           "zero.policy = TRUE)\n"
                           "mw <- moran.test(d$v, nb2listw(nb, style = 'W', zero.policy = TRUE), "
                           "zero.policy = TRUE)\n"
                           "out(data.frame(gstar = as.numeric(gs), gi = as.numeric(g), p = p, q = "
                           "p.adjust(p, 'BH')), '%3')\n"
                           "out(data.frame(I = c(mt$estimate, mw$estimate)[c(1, 4)], E = "
                           "c(mt$estimate[2], mw$estimate[2]),\n"
                           "  V = c(mt$estimate[3], mw$estimate[3]), z = c(mt$statistic, "
                           "mw$statistic), p = c(mt$p.value, mw$p.value)), '%4')\n"
                           "out(pairs(nb), '%5')\n"
                           "cat('cells', nrow(d), 'links', sum(card(nb)), 'moran.test I', "
                           "mt$estimate[1], 'z', mt$statistic, '\\n')\n")
                .arg(file("cells.csv"))
                .arg(band, 0, 'g', 17)
                .arg(file("gi.csv"), file("moran.csv"), file("nb.csv"));
        QVERIFY2(runRScript(script), "R spdep must run (install r-cran-spdep)");
        const auto ref = readCsv(file("gi.csv"));
        const auto moranRef = readCsv(file("moran.csv"));
        QCOMPARE(ref.size(), std::size_t(4));
        qInfo("%s: %zu cells of %g m, band %g m", label, c.v.size(), c.grid.cellSize, band);

        const SpatialWeights band0 = distanceBandWeights(c.x, c.y, band, false);
        QVERIFY2(pairsOf(band0) == pairsOf(readCsv(file("nb.csv"))), "dnearneigh lists differ");
        const SpatialWeights bandSelf = distanceBandWeights(c.x, c.y, band, true);
        const GiStarResult gs = getisOrdGiStar(c.v, bandSelf, false);
        const GiStarResult g = getisOrdGiStar(c.v, band0, false);
        QVERIFY(compare("localG Gi* z (include.self)", gs.z, ref[0], false) < 1e-9);
        QVERIFY(compare("localG Gi z", g.z, ref[1], false) < 1e-9);
        QVERIFY(compare("Gi* p (2 pnorm(-|z|))", gs.p, ref[2], false) < 1e-12);
        QVERIFY(compare("p.adjust BH", gs.q, ref[3], false) < 1e-12);

        const GlobalMoran mb = globalMoran(c.v, band0);
        const GlobalMoran mw = globalMoran(c.v, rowStandardised(band0));
        QCOMPARE(moranRef.size(), std::size_t(5));
        const char *names[] = {"moran.test I", "moran.test E(I)", "moran.test Var(I)",
                               "moran.test z", "moran.test p"};
        const double ours[2][5] = {{mb.I, mb.expected, mb.variance, mb.z, mb.p},
                                   {mw.I, mw.expected, mw.variance, mw.z, mw.p}};
        for (int k = 0; k < 5; ++k)
            QVERIFY(compare(names[k], {ours[0][k], ours[1][k]}, moranRef[std::size_t(k)]) < 1e-9);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void giStarDemoGrid()
    {
        const Points p = demoIncidents();
        QVERIFY(p.size() > 1000);
        giStarOnGrid(countOnGrid(p, 500.0), 800.0, "demo incidents");
    }

    void giStarDemoHexGrid()
    {
        // Hexagons 500 m apart; contiguity = the 6 hexagons around (hexContiguityWeights is a
        // distance band of 1.01 spacing, which R reproduces with dnearneigh).
        const Points p = demoIncidents();
        QVERIFY(p.size() > 1000);
        const auto [xmin, xmax] = std::minmax_element(p.x.begin(), p.x.end());
        const auto [ymin, ymax] = std::minmax_element(p.y.begin(), p.y.end());
        const HexGrid hex = hexGrid(*xmin - 500, *ymin - 500, *xmax + 500, *ymax + 500, 500.0);
        CellCounts c;
        c.grid.cellSize = hex.spacing;
        c.x = hex.x;
        c.y = hex.y;
        c.v.assign(hex.size(), 0.0);
        std::size_t outside = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const std::int64_t h = hex.indexOf(p.x[i], p.y[i]);
            if (h < 0)
                ++outside;
            else
                c.v[std::size_t(h)] += 1.0;
        }
        QCOMPARE(outside, std::size_t(0));
        const SpatialWeights w = hexContiguityWeights(hex, true);
        QCOMPARE(w.indices, distanceBandWeights(hex.x, hex.y, 1.01 * hex.spacing, true).indices);
        giStarOnGrid(c, 1.01 * hex.spacing, "demo incidents on hexagons");
    }

    void giStarEssexGrid()
    {
        const Points p = essexCrimes(1);
        QVERIFY(p.size() > 1000);
        giStarOnGrid(countOnGrid(p, 2000.0), 3200.0, "Essex crimes, January 2018");
    }

    void knnMatchesKnearneigh()
    {
        const Points p = demoIncidents().every(10);
        QVERIFY(p.size() > 1000);
        QVERIFY(writeCsv(file("pts.csv"), {"x", "y", "t"}, {p.x, p.y, p.t}));
        const QString script =
            QStringLiteral("d <- read.csv('%1')\n"
                           "nb <- knn2nb(knearneigh(cbind(d$x, d$y), k = 6))\n"
                           "g <- localG(d$t, nb2listw(include.self(nb), style = 'B'))\n"
                           "out(pairs(nb), '%2'); out(data.frame(z = as.numeric(g)), '%3')\n")
                .arg(file("pts.csv"), file("knn.csv"), file("knng.csv"));
        QVERIFY2(runRScript(script), "R spdep must run");
        const auto refPairs = pairsOf(readCsv(file("knn.csv")));
        const SpatialWeights w = knnWeights(p.x, p.y, 6, false);
        const auto ours = pairsOf(w);
        // Rows may differ only where the 6th and 7th nearest distances tie.
        std::set<int> differing;
        for (const auto &pr : ours)
            if (!refPairs.count(pr))
                differing.insert(pr.first);
        for (const auto &pr : refPairs)
            if (!ours.count(pr))
                differing.insert(pr.first);
        const std::vector<double> d6 = kthNeighbourDistances(p.x, p.y, 6);
        const std::vector<double> d7 = kthNeighbourDistances(p.x, p.y, 7);
        for (int i : differing)
            QVERIFY2(std::abs(d6[std::size_t(i - 1)] - d7[std::size_t(i - 1)]) < 1e-6,
                     qPrintable(QStringLiteral("knn row %1 differs without a tie").arg(i)));
        qInfo("knearneigh k=6 on %zu demo points: %zu links in R, %zu rows differ (all at ties)",
              p.size(), refPairs.size(), differing.size());
        if (differing.empty())
            QVERIFY(compare("localG Gi* z, knn 6", getisOrdGiStar(p.t, withSelf(w), false).z,
                            readCsv(file("knng.csv"))[0], false) < 1e-9);
    }

    void localMoranDemoGrid()
    {
        const CellCounts c = countOnGrid(demoIncidents(), 1000.0);
        QVERIFY(writeCsv(file("lm.csv"), {"x", "y", "v"}, {c.x, c.y, c.v}));
        const QString script =
            QStringLiteral(
                "d <- read.csv('%1')\n"
                "lw <- nb2listw(dnearneigh(cbind(d$x, d$y), 0, 1500), style = 'W')\n"
                "a <- localmoran(d$v, lw)\n"
                "b <- localmoran(d$v, lw, conditional = FALSE)\n"
                "t0 <- proc.time()[3]\n"
                "pm <- localmoran_perm(d$v, lw, nsim = 999, iseed = 1)\n"
                "cat('localmoran_perm seconds', proc.time()[3] - t0, '\\n')\n"
                "out(data.frame(Ii = a[, 1], E = a[, 2], V = a[, 3], Z = a[, 4], P = a[, 5],\n"
                "  E0 = b[, 2], V0 = b[, 3], Z0 = b[, 4], folded = pm[, 7]), '%2')\n")
                .arg(file("lm.csv"), file("lmout.csv"));
        QVERIFY2(runRScript(script), "R spdep must run");
        const auto ref = readCsv(file("lmout.csv"));
        QCOMPARE(ref.size(), std::size_t(9));
        const SpatialWeights w = rowStandardised(distanceBandWeights(c.x, c.y, 1500.0, false));
        qInfo("Local Moran on %zu demo cells of 1 km, queen (band 1.5 km), style W", c.v.size());
        const LocalMoranResult a = localMoran(c.v, w, 999, 2024, 0.05, false);
        QVERIFY(compare("localmoran Ii", a.I, ref[0]) < 1e-9);
        QVERIFY(compare("localmoran E.Ii (conditional)", a.expectedI, ref[1]) < 1e-9);
        QVERIFY(compare("localmoran Var.Ii (conditional)", a.varianceI, ref[2]) < 1e-9);
        QVERIFY(compare("localmoran Z.Ii (conditional)", a.z, ref[3]) < 1e-9);
        QVERIFY(compare("localmoran Pr(z != E(Ii))", a.pNormal, ref[4], false) < 1e-12);
        LocalMoranOptions total;
        total.permutations = 0;
        total.conditionalMoments = false;
        const LocalMoranResult b = localMoran(c.v, w, total);
        QVERIFY(compare("localmoran E.Ii (total)", b.expectedI, ref[5]) < 1e-9);
        QVERIFY(compare("localmoran Var.Ii (total)", b.varianceI, ref[6]) < 1e-9);
        QVERIFY(compare("localmoran Z.Ii (total)", b.z, ref[7]) < 1e-9);
        // Permutations: different RNGs, and spdep 1.2-7 draws with replacement where we draw
        // without; the pseudo p-values must agree loosely.
        compare("localmoran_perm Pr(folded) Sim", a.pPermutation, ref[8], false);
        std::size_t same = 0, significantRef = 0;
        double meanAbs = 0.0;
        for (std::size_t i = 0; i < c.v.size(); ++i) {
            same += (a.pPermutation[i] <= 0.05) == (ref[8][i] <= 0.05);
            significantRef += ref[8][i] <= 0.05;
            meanAbs += std::abs(a.pPermutation[i] - ref[8][i]);
        }
        const double agreement = double(same) / double(c.v.size());
        qInfo("  pseudo p <= 0.05: R %zu units; same decision for %.2f %% of units; mean |dp| %.4f",
              significantRef, 100.0 * agreement, meanAbs / double(c.v.size()));
        QVERIFY(agreement > 0.95);
    }

    void quartiersContiguityAndGiStar()
    {
        const Quartiers q = readQuartiers();
        QCOMPARE(q.rings.size(), std::size_t(111));
        // Demo incidents per quartier (point in polygon in Lambert-93).
        const Points p = demoIncidents();
        std::vector<double> counts(q.rings.size(), 0.0);
        std::vector<OGREnvelope> env(q.rings.size());
        for (std::size_t k = 0; k < env.size(); ++k)
            q.lambert93[k]->getEnvelope(&env[k]);
        for (std::size_t i = 0; i < p.size(); ++i) {
            OGRPoint pt(p.x[i], p.y[i]);
            for (std::size_t k = 0; k < env.size(); ++k)
                if (p.x[i] >= env[k].MinX && p.x[i] <= env[k].MaxX && p.y[i] >= env[k].MinY &&
                    p.y[i] <= env[k].MaxY && q.lambert93[k]->Contains(&pt)) {
                    counts[k] += 1.0;
                    break;
                }
        }
        QVERIFY(writeCsv(file("counts.csv"), {"v"}, {counts}));
        const QString script =
            QStringLiteral(
                "q <- sf::st_read('%1', quiet = TRUE)\n"
                "sf::st_crs(q) <- NA  # planar coordinates, as Vigie reads them\n"
                "v <- read.csv('%2')$v\n"
                "snap <- sqrt(.Machine$double.eps)\n"
                "nq <- poly2nb(q, queen = TRUE, snap = snap); nr <- poly2nb(q, queen = FALSE, snap "
                "= snap)\n"
                "out(pairs(nq), '%3'); out(pairs(nr), '%4')\n"
                "g <- localG(v, nb2listw(include.self(nq), style = 'B'))\n"
                "lm <- localmoran(v, nb2listw(nq, style = 'W', zero.policy = TRUE), zero.policy = "
                "TRUE)\n"
                "out(data.frame(g = as.numeric(g), Ii = lm[, 1], Z = lm[, 4]), '%5')\n"
                "cat('poly2nb queen links', sum(card(nq)), 'rook links', sum(card(nr)),\n"
                "    'no neighbour', sum(card(nq) == 0), '\\n')\n")
                .arg(q.path, file("counts.csv"), file("queen.csv"), file("rook.csv"),
                     file("qg.csv"));
        QVERIFY2(runRScript(script), "R spdep and sf must run");
        const double snap = std::sqrt(2.220446049250313e-16);
        const SpatialWeights queen = polygonContiguityWeights(q.rings, true, snap, false);
        const SpatialWeights rook = polygonContiguityWeights(q.rings, false, snap, false);
        const auto refQueen = pairsOf(readCsv(file("queen.csv")));
        const auto refRook = pairsOf(readCsv(file("rook.csv")));
        qInfo("poly2nb: queen %zu links (Vigie %zu), rook %zu links (Vigie %zu)", refQueen.size(),
              pairsOf(queen).size(), refRook.size(), pairsOf(rook).size());
        QVERIFY2(pairsOf(queen) == refQueen, "queen contiguity differs from poly2nb");
        QVERIFY2(pairsOf(rook) == refRook, "rook contiguity differs from poly2nb");
        const auto ref = readCsv(file("qg.csv"));
        QVERIFY(compare("localG Gi* z, quartiers", getisOrdGiStar(counts, withSelf(queen), false).z,
                        ref[0], false) < 1e-9);
        const LocalMoranResult lm = localMoran(counts, rowStandardised(queen), 0, 0, 0.05, false);
        QVERIFY(compare("localmoran Ii, quartiers", lm.I, ref[1]) < 1e-9);
        QVERIFY(compare("localmoran Z.Ii, quartiers", lm.z, ref[2]) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestHotspotReference)
#include "test_hotspot_reference.moc"
