// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel density estimation against references computed at test time by programs written by
// others: R spatstat (density.ppp, bw.scott, bw.diggle, bw.ppl), R sparr (risk) and QGIS
// (qgis:heatmapkerneldensityestimation). Conventions and conversions: docs/analytics-kde.md.
//
// Points are snapped to cell centres of the common grid: spatstat and sparr assign each point
// to its pixel before the FFT and QGIS mirrors a point's y inside its pixel (it computes the
// kernel from the bottom edge but writes rows from the top), so only points at cell centres
// make the references' sums exact; Vigie itself needs no snapping.
#include "analytics/bandwidth.h"
#include "analytics/kde.h"
#include "referencesupport.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace vigie::analytics;
using namespace vigie::testsupport;

namespace {

/// Points moved to the centre of the grid cell that holds them (points outside are dropped).
Points snapToCentres(const Points &p, const GridSpec &g)
{
    Points out;
    out.crs = p.crs;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const int c = g.colOf(p.x[i]), r = g.rowOf(p.y[i]);
        if (c < 0 || r < 0)
            continue;
        out.x.push_back(g.centreX(c));
        out.y.push_back(g.centreY(r));
        out.t.push_back(p.t.empty() ? 0.0 : p.t[i]);
        out.category.push_back(p.category.empty() ? std::string() : p.category[i]);
    }
    return out;
}

/// Reads a CSV of x, y, value (cell centres) written by R into a raster on g (NaN elsewhere).
Raster rasterFromXyz(const QString &path, const GridSpec &g, int valueColumn = 2)
{
    Raster r{g, std::vector<double>(g.cellCount(), Raster::noData())};
    const auto cols = readCsv(path);
    if (cols.size() <= std::size_t(valueColumn))
        return r;
    for (std::size_t i = 0; i < cols[0].size(); ++i) {
        const int c = g.colOf(cols[0][i]), row = g.rowOf(cols[1][i]);
        if (c >= 0 && row >= 0)
            r.values[g.index(c, row)] = cols[valueColumn][i];
    }
    return r;
}

struct Comparison
{
    double maxRel = 0; ///< max relative difference on compared cells
    std::size_t compared = 0;
    std::size_t missing = 0; ///< cells compared where the reference is NaN
    std::size_t worst = 0;   ///< index of the cell with maxRel
    QString describe(const Raster &vigie, const Raster &ref) const
    {
        const int col = int(worst % vigie.grid.cols), row = int(worst / vigie.grid.cols);
        return QStringLiteral("worst cell col %1 row %2: Vigie %3, reference %4")
            .arg(col)
            .arg(row)
            .arg(vigie.values[worst], 0, 'g', 12)
            .arg(ref.values[worst], 0, 'g', 12);
    }
};

/// Relative difference on the cells where |reference| > floor * max|reference|.
Comparison compare(const Raster &vigie, const Raster &ref, double floor = 1e-6)
{
    Comparison c;
    double mx = 0;
    for (double v : ref.values)
        if (std::isfinite(v))
            mx = std::max(mx, std::abs(v));
    for (std::size_t k = 0; k < ref.values.size(); ++k) {
        const double rv = ref.values[k];
        if (!std::isfinite(rv)) {
            if (std::isfinite(vigie.values[k]) && std::abs(vigie.values[k]) > floor * mx)
                ++c.missing;
            continue;
        }
        if (std::abs(rv) <= floor * mx)
            continue;
        ++c.compared;
        const double rel = std::abs(vigie.values[k] - rv) / std::abs(rv);
        if (rel > c.maxRel) {
            c.maxRel = rel;
            c.worst = k;
        }
    }
    return c;
}

void printFirst(const char *what, const Raster &ref)
{
    QString s;
    int shown = 0;
    double mx = 0, sum = 0;
    for (double v : ref.values)
        if (std::isfinite(v)) {
            mx = std::max(mx, v);
            sum += v;
        }
    for (std::size_t k = 0; k < ref.values.size() && shown < 6; ++k)
        if (std::isfinite(ref.values[k]) && ref.values[k] > 1e-3 * mx) {
            s += QString::number(ref.values[k], 'g', 10) + QLatin1Char(' ');
            ++shown;
        }
    qInfo("%s: first values %s| max %.10g, sum %.10g", what, qPrintable(s), mx, sum);
}

const char *kWriteXyz = R"(
writeXyz <- function(im, path) {
  df <- as.data.frame(im)
  lines <- c("x,y,v", sprintf("%.17g,%.17g,%.17g", df$x, df$y, df$value))
  writeLines(lines, path)
}
)";

bool haveR()
{
    return haveProgram(QStringLiteral("Rscript"));
}

/// Sum of the kernel over the lattice of cell offsets, times the cell area: spatstat divides its
/// non-Gaussian kernels by this discrete mass.
double discreteKernelMass(Kernel k, double h, double cell)
{
    const int n = int(std::ceil(kernelSupportRadius(k, h) / cell)) + 1;
    double s = 0;
    for (int i = -n; i <= n; ++i)
        for (int j = -n; j <= n; ++j)
            s += kernelValue(k, std::hypot(i * cell, j * cell), h);
    return s * cell * cell;
}

} // namespace

class TestKdeReference : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!haveR())
            QFAIL("Rscript not found: install r-base-core and r-cran-spatstat "
                  "(packaging/install-deps.sh --tests)");
    }

    // spatstat density.ppp, Gaussian (no conversion) and quartic (sigma = sd; spatstat divides by
    // the discrete kernel mass), without and with the uniform edge correction.
    void spatstatDensity()
    {
        const Points demo = demoIncidents();
        QVERIFY(demo.size() > 10000);
        GridSpec g;
        g.xMin = 890000;
        g.yMin = 6240000;
        g.cellSize = 100;
        g.cols = 180;
        g.rows = 170;
        const Points pts = snapToCentres(demo.every(6), g);
        qInfo("%zu demo incidents on a %dx%d grid of %g m", pts.size(), g.cols, g.rows, g.cellSize);
        QVERIFY(pts.size() > 2000);
        QVERIFY(writeCsv(path("pts.csv"), {"x", "y"}, {pts.x, pts.y}));
        const QString script = QString::fromLatin1(kWriteXyz) + QStringLiteral(R"(
suppressMessages(library(spatstat))
p <- read.csv("%1")
W <- owin(c(%2, %3), c(%4, %5))
X <- ppp(p$x, p$y, window = W)
dg <- density(X, sigma = 300, dimyx = c(%6, %7), edge = FALSE)
writeXyz(dg * 1e6, "%8/gauss.csv")
dge <- density(X, sigma = 300, dimyx = c(%6, %7), edge = TRUE)
writeXyz(dge * 1e6, "%8/gauss_edge.csv")
dq <- density(X, sigma = 200, kernel = "quartic", dimyx = c(%6, %7), edge = FALSE)
writeXyz(dq * 1e6, "%8/quartic.csv")
de <- density(X, sigma = 200, kernel = "epanechnikov", dimyx = c(%6, %7), edge = TRUE)
writeXyz(de * 1e6, "%8/epan_edge.csv")
cat("spatstat", as.character(packageVersion("spatstat.explore")), "max gauss", max(dg), "\n")
)")
                                                                    .arg(path("pts.csv"))
                                                                    .arg(g.xMin, 0, 'f', 3)
                                                                    .arg(g.xMax(), 0, 'f', 3)
                                                                    .arg(g.yMin, 0, 'f', 3)
                                                                    .arg(g.yMax(), 0, 'f', 3)
                                                                    .arg(g.rows)
                                                                    .arg(g.cols)
                                                                    .arg(m_dir.path());
        const ToolRun run = runR(script, 120);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
        qInfo("%s", qPrintable(run.stdOut.trimmed()));

        struct Case
        {
            const char *file;
            Kernel kernel;
            double sigma;
            bool edge;
        };
        for (const Case &c : {Case{"gauss.csv", Kernel::Gaussian, 300, false},
                              Case{"gauss_edge.csv", Kernel::Gaussian, 300, true},
                              Case{"quartic.csv", Kernel::Quartic, 200, false},
                              Case{"epan_edge.csv", Kernel::Epanechnikov, 200, true}}) {
            const Raster ref = rasterFromXyz(path(QString::fromLatin1(c.file)), g);
            printFirst(c.file, ref);
            KdeParams p;
            p.kernel = c.kernel;
            p.bandwidth = bandwidthForStandardDeviation(c.kernel, c.sigma);
            p.edgeCorrection = c.edge;
            p.method = KdeMethod::Direct;
            KdeResult r = kernelDensity(pts.pointSet(), g, p);
            if (c.kernel != Kernel::Gaussian && !c.edge) {
                // spatstat's convention for non-Gaussian kernels (see docs/analytics-kde.md); with
                // the edge correction the divisor cancels out
                const double mass = discreteKernelMass(c.kernel, p.bandwidth, g.cellSize);
                qInfo("  discrete kernel mass (spatstat's divisor) %.10f", mass);
                for (double &v : r.density.values)
                    v /= mass;
            }
            const Comparison cmp = compare(r.density, ref);
            qInfo("  %s: %zu cells compared, max relative difference %.3g (method %s)", c.file,
                  cmp.compared, cmp.maxRel, r.method.c_str());
            QVERIFY(cmp.compared > 10000);
            QCOMPARE(cmp.missing, std::size_t(0));
            QVERIFY2(cmp.maxRel < 1e-6, qPrintable(cmp.describe(r.density, ref)));
            // Binned (Auto for the Gaussian on big inputs) through the same reference
            if (c.kernel == Kernel::Gaussian && !c.edge) {
                p.method = KdeMethod::Binned;
                const KdeResult b = kernelDensity(pts.pointSet(), g, p);
                const Comparison cb = compare(b.density, ref);
                qInfo("  binned-fft with points at cell centres: max relative difference %.3g",
                      cb.maxRel);
                QVERIFY(cb.maxRel < 1e-6); // binning is exact for points at cell centres
            }
        }
    }

    // bw.scott (isotropic), bw.diggle and bw.ppl on real Essex crimes in a rectangle.
    void spatstatBandwidths()
    {
        const Points all = essexCrimes(1).within(560000, 190000, 600000, 230000);
        QVERIFY(all.size() > 1000);
        const Points pts = all.every(std::max<std::size_t>(1, all.size() / 900));
        qInfo("%zu Essex crimes (January 2018) in a 40 km square", pts.size());
        QVERIFY(pts.size() <
                1000); // spatstat's Kest("good") uses the isotropic correction below 1000
        QVERIFY(writeCsv(path("essex.csv"), {"x", "y"}, {pts.x, pts.y}));
        const QString script = QStringLiteral(R"(
suppressMessages(library(spatstat))
p <- read.csv("%1")
X <- ppp(p$x, p$y, window = owin(c(560000, 600000), c(190000, 230000)))
s <- bw.scott(X, isotropic = TRUE)
d <- suppressWarnings(bw.diggle(X))
l <- suppressWarnings(bw.ppl(X))
writeLines(sprintf("%.17g", c(s, d, l)), "%2/bw.csv")
writeLines(sprintf("%.17g,%.17g", attr(l, "h"), attr(l, "cv")), "%2/ppl.csv")
cat("bw.scott", s, "bw.diggle", d, "bw.ppl", l, "\n")
)")
                                   .arg(path("essex.csv"), m_dir.path());
        const ToolRun run = runR(script, 180);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
        qInfo("%s", qPrintable(run.stdOut.trimmed()));
        QFile f(path("bw.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const double rScott = lines[0].toDouble(), rDiggle = lines[1].toDouble(),
                     rPpl = lines[2].toDouble();

        const PointSet ps = pts.pointSet();
        const double scott = selectBandwidth(ps, BandwidthRule::Scott, Kernel::Gaussian);
        qInfo("Scott: Vigie %.10g, spatstat %.10g", scott, rScott);
        QVERIFY(std::abs(scott / rScott - 1) < 1e-9);

        BandwidthOptions opt;
        opt.window = {560000, 190000, 600000, 230000};
        std::vector<double> ts, tc;
        opt.traceSigma = &ts;
        opt.traceCriterion = &tc;
        const double diggle =
            selectBandwidth(ps, BandwidthRule::CvDiggle, Kernel::Gaussian, nullptr, opt);
        qInfo("Diggle: Vigie %.10g, spatstat %.10g", diggle, rDiggle);
        // same grid of sigmas and same criterion: the same grid value is expected
        QVERIFY(std::abs(diggle / rDiggle - 1) < 1e-3);

        // bw.ppl: Vigie on spatstat's own sigma grid
        QFile pf(path("ppl.csv"));
        QVERIFY(pf.open(QIODevice::ReadOnly));
        std::vector<double> rs, rcv;
        for (const QString &line :
             QString::fromLatin1(pf.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            rs.push_back(line.section(QLatin1Char(','), 0, 0).toDouble());
            rcv.push_back(line.section(QLatin1Char(','), 1, 1).toDouble());
        }
        BandwidthOptions lo;
        lo.window = opt.window;
        lo.likelihoodSigmas = rs;
        std::vector<double> ls, lc;
        lo.traceSigma = &ls;
        lo.traceCriterion = &lc;
        const double ppl =
            selectBandwidth(ps, BandwidthRule::CvLikelihood, Kernel::Gaussian, nullptr, lo);
        double worst = 0;
        for (std::size_t i = 0; i < rs.size(); ++i) {
            qInfo("  bw.ppl sigma %.6g: spatstat cv %.8g, Vigie %.8g", rs[i], rcv[i], lc[i]);
            worst = std::max(worst, std::abs(lc[i] - rcv[i]) / std::abs(rcv[i]));
        }
        qInfo("Likelihood CV: Vigie %.10g, spatstat %.10g; max relative difference of the "
              "criterion %.3g",
              ppl, rPpl, worst);
        QVERIFY(std::abs(ppl / rPpl - 1) < 1e-9);
        QVERIFY(worst < 1e-2);
    }

    // bw.diggle with spatstat's other K-function corrections: translation (1000 <= n < 3000) and
    // border (n >= 3000), chosen by Kest(correction = "good") as Vigie does.
    void spatstatDiggleLargerPatterns()
    {
        const Points all = essexCrimes(2).within(560000, 190000, 600000, 230000);
        QVERIFY(all.size() > 4000);
        for (std::size_t n : {std::size_t(2000), std::size_t(4000)}) {
            Points pts = all.every(all.size() / n).first(n);
            // police.uk snaps crimes to street points (many duplicates, which drive the criterion
            // to its smallest sigma): a deterministic jitter of +-100 m spreads them
            for (std::size_t i = 0; i < pts.size(); ++i) {
                pts.x[i] += 200 * (std::fmod(i * 0.6180339887, 1.0) - 0.5);
                pts.y[i] += 200 * (std::fmod(i * 0.7548776662, 1.0) - 0.5);
            }
            QVERIFY(writeCsv(path("essex_d.csv"), {"x", "y"}, {pts.x, pts.y}));
            const QString script = QStringLiteral(R"(
suppressMessages(library(spatstat))
p <- read.csv("%1")
X <- ppp(p$x, p$y, window = owin(c(560000, 600000), c(190000, 230000)))
d <- suppressWarnings(bw.diggle(X))
cat(sprintf("%.17g", d), "\n")
)")
                                       .arg(path("essex_d.csv"));
            const ToolRun run = runR(script, 120);
            QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
            const double rDiggle = run.stdOut.trimmed().toDouble();
            BandwidthOptions opt;
            opt.window = {560000, 190000, 600000, 230000};
            const double diggle = selectBandwidth(pts.pointSet(), BandwidthRule::CvDiggle,
                                                  Kernel::Gaussian, nullptr, opt);
            qInfo("n = %zu: bw.diggle spatstat %.10g, Vigie %.10g", pts.size(), rDiggle, diggle);
            QVERIFY(std::abs(diggle / rDiggle - 1) < 1e-3);
        }
    }

    // sparr::risk with a fixed h0, log-risk, without and with edge correction.
    void sparrRisk()
    {
        const Points demo = demoIncidents();
        GridSpec g;
        g.xMin = 892000;
        g.yMin = 6242000;
        g.cellSize = 125;
        g.cols = g.rows = 128; // sparr's default resolution over a 16 km square
        Points cases, controls;
        const Points snapped = snapToCentres(demo.every(3), g);
        const std::string first = snapped.category.front();
        for (std::size_t i = 0; i < snapped.size(); ++i) {
            Points &dst = snapped.category[i] == first ? cases : controls;
            dst.x.push_back(snapped.x[i]);
            dst.y.push_back(snapped.y[i]);
        }
        qInfo("sparr: %zu cases (%s), %zu controls", cases.size(), first.c_str(), controls.size());
        QVERIFY(cases.size() > 200 && controls.size() > 1000);
        QVERIFY(writeCsv(path("cases.csv"), {"x", "y"}, {cases.x, cases.y}));
        QVERIFY(writeCsv(path("controls.csv"), {"x", "y"}, {controls.x, controls.y}));
        const QString script = QString::fromLatin1(kWriteXyz) +
                               QStringLiteral(R"(
suppressMessages(library(sparr))
W <- owin(c(%1, %2), c(%3, %4))
a <- read.csv("%5"); b <- read.csv("%6")
f <- ppp(a$x, a$y, window = W); g <- ppp(b$x, b$y, window = W)
r0 <- risk(f, g, h0 = 600, edge = "none", resolution = 128, verbose = FALSE)
writeXyz(r0$rr, "%7/rr_none.csv")
r1 <- risk(f, g, h0 = 600, edge = "uniform", resolution = 128, verbose = FALSE)
writeXyz(r1$rr, "%7/rr_uniform.csv")
cat("sparr", as.character(packageVersion("sparr")), "log-risk range", range(r0$rr, na.rm = TRUE), "\n")
)")
                                   .arg(g.xMin, 0, 'f', 3)
                                   .arg(g.xMax(), 0, 'f', 3)
                                   .arg(g.yMin, 0, 'f', 3)
                                   .arg(g.yMax(), 0, 'f', 3)
                                   .arg(path("cases.csv"), path("controls.csv"), m_dir.path());
        const ToolRun run = runR(script, 120);
        if (run.exitCode != 0 && run.stdErr.contains(QStringLiteral("sparr")))
            QFAIL("R package sparr missing: install r-cran-sparr");
        QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
        qInfo("%s", qPrintable(run.stdOut.trimmed()));
        for (bool edge : {false, true}) {
            const Raster ref = rasterFromXyz(path(edge ? "rr_uniform.csv" : "rr_none.csv"), g);
            printFirst(edge ? "sparr log-risk (uniform edge)" : "sparr log-risk (no edge)", ref);
            RelativeRiskParams rp;
            rp.cases.kernel = rp.controls.kernel = Kernel::Gaussian;
            rp.cases.bandwidth = rp.controls.bandwidth = 600;
            rp.cases.method = rp.controls.method = KdeMethod::Direct;
            rp.cases.edgeCorrection = rp.controls.edgeCorrection = edge;
            const PointSet cs = cases.pointSet(), ct = controls.pointSet();
            const RelativeRiskResult rr = relativeRisk(cs, ct, g, rp);
            // log-risk can be near 0: compare absolute differences, on the cells where both
            // densities exceed 1e-6 of their maximum (farther out, the log of a ratio of Gaussian
            // tails depends on the truncation at 8 sigma and on rounding)
            double fMax = 0, gMax = 0;
            for (std::size_t k = 0; k < ref.values.size(); ++k) {
                if (std::isfinite(rr.caseDensity.values[k]))
                    fMax = std::max(fMax, rr.caseDensity.values[k]);
                if (std::isfinite(rr.controlDensity.values[k]))
                    gMax = std::max(gMax, rr.controlDensity.values[k]);
            }
            double worst = 0;
            std::size_t n = 0;
            for (std::size_t k = 0; k < ref.values.size(); ++k)
                if (std::isfinite(ref.values[k]) && std::isfinite(rr.risk.values[k]) &&
                    rr.caseDensity.values[k] > 1e-6 * fMax &&
                    rr.controlDensity.values[k] > 1e-6 * gMax) {
                    worst = std::max(worst, std::abs(ref.values[k] - rr.risk.values[k]));
                    ++n;
                }
            qInfo("  edge %d: %zu cells, max |log-risk difference| %.3g", int(edge), n, worst);
            QVERIFY(n > 10000);
            QVERIFY(worst < 1e-6);
        }
    }

    // QGIS heatmap, quartic, raw output: QGIS raw = (1 - (d/h)^2)^2 = Vigie density * pi h^2 / 3.
    void qgisHeatmap()
    {
        const QString qgis = QStringLiteral("/usr/bin/qgis_process.bin");
        if (!haveProgram(qgis))
            QFAIL("qgis_process.bin not found: install the qgis package");
        // Lattice of 100 m cell centres; radius = 7.5 cells so QGIS's grid (extent - radius)
        // falls on the same lattice.
        const double cell = 100, radius = 750;
        GridSpec lattice;
        lattice.xMin = 500000;
        lattice.yMin = 150000;
        lattice.cellSize = cell;
        lattice.cols = 1400;
        lattice.rows = 1100;
        const Points essex = essexCrimes(1);
        const Points pts = snapToCentres(essex.every(4), lattice);
        qInfo("%zu Essex crimes snapped to 100 m cell centres", pts.size());
        // QGIS 3.22 loses the points on the top, bottom and left edges of its extent when the
        // radius exceeds a whole number of pixels (its pixel offset, an unsigned int, wraps below
        // 0): weight-0 sentinels one cell beyond the data's top-left and bottom-left corners take
        // those places. Vigie does not see them.
        double minX = pts.x[0], minY = pts.y[0], maxY = pts.y[0];
        for (std::size_t i = 0; i < pts.size(); ++i) {
            minX = std::min(minX, pts.x[i]);
            minY = std::min(minY, pts.y[i]);
            maxY = std::max(maxY, pts.y[i]);
        }
        // GeoPackage in EPSG:27700 with a weight field
        GDALAllRegister();
        GDALDriverH drv = GDALGetDriverByName("GPKG");
        const QByteArray gpkg = path("essex.gpkg").toUtf8();
        GDALDatasetH ds = GDALCreate(drv, gpkg.constData(), 0, 0, 0, GDT_Unknown, nullptr);
        QVERIFY(ds);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 27700);
        OGRLayerH layer = GDALDatasetCreateLayer(ds, "crimes", srs, wkbPoint, nullptr);
        OSRRelease(srs);
        OGRFieldDefnH fd = OGR_Fld_Create("w", OFTReal);
        OGR_L_CreateField(layer, fd, 1);
        OGR_Fld_Destroy(fd);
        GDALDatasetStartTransaction(ds, 0);
        auto addPoint = [&](double x, double y, double w) {
            OGRFeatureH feat = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            OGRGeometryH geom = OGR_G_CreateGeometry(wkbPoint);
            OGR_G_SetPoint_2D(geom, 0, x, y);
            OGR_F_SetGeometryDirectly(feat, geom);
            OGR_F_SetFieldDouble(feat, 0, w);
            QVERIFY(OGR_L_CreateFeature(layer, feat) == OGRERR_NONE);
            OGR_F_Destroy(feat);
        };
        for (std::size_t i = 0; i < pts.size(); ++i)
            addPoint(pts.x[i], pts.y[i], 1.0);
        addPoint(minX - cell, maxY + cell, 0.0);
        addPoint(minX - cell, minY - cell, 0.0);
        GDALDatasetCommitTransaction(ds);
        GDALClose(ds);

        const QString out = path("qgis_heatmap.tif");
        const ToolRun run = runQgisProcess(
            QStringLiteral("qgis:heatmapkerneldensityestimation"),
            {QStringLiteral("--INPUT=") + path("essex.gpkg"),
             QStringLiteral("--RADIUS=%1").arg(radius), QStringLiteral("--PIXEL_SIZE=%1").arg(cell),
             QStringLiteral("--KERNEL=0"), QStringLiteral("--OUTPUT_VALUE=0"),
             QStringLiteral("--WEIGHT_FIELD=w"), QStringLiteral("--OUTPUT=") + out},
            300);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr + run.stdOut));
        GDALDatasetH tif = GDALOpen(out.toUtf8().constData(), GA_ReadOnly);
        QVERIFY(tif);
        double gt[6];
        GDALGetGeoTransform(tif, gt);
        GridSpec g;
        g.cellSize = gt[1];
        g.cols = GDALGetRasterXSize(tif);
        g.rows = GDALGetRasterYSize(tif);
        g.xMin = gt[0];
        g.yMin = gt[3] - g.rows * g.cellSize;
        qInfo("QGIS raster: origin (%.3f, %.3f), %d x %d cells of %g", gt[0], gt[3], g.cols, g.rows,
              gt[1]);
        QCOMPARE(gt[1], cell);
        Raster ref{g, std::vector<double>(g.cellCount())};
        std::vector<float> buf(g.cellCount());
        QCOMPARE(GDALRasterIO(GDALGetRasterBand(tif, 1), GF_Read, 0, 0, g.cols, g.rows, buf.data(),
                              g.cols, g.rows, GDT_Float32, 0, 0),
                 CE_None);
        int hasNoData = 0;
        const double noData = GDALGetRasterNoDataValue(GDALGetRasterBand(tif, 1), &hasNoData);
        GDALClose(tif);
        for (std::size_t k = 0; k < buf.size(); ++k)
            ref.values[k] = (hasNoData && buf[k] == float(noData)) ? 0.0 : double(buf[k]);
        printFirst("QGIS raw quartic", ref);

        KdeParams p;
        p.kernel = Kernel::Quartic;
        p.bandwidth = radius;
        p.scale = std::numbers::pi * radius * radius / 3; // -> QGIS's raw (unnormalised) kernel
        const KdeResult r = kernelDensity(pts.pointSet(), g, p);
        const Comparison cmp = compare(r.density, ref, 1e-3);
        qInfo("  %zu cells compared, max relative difference %.3g (Vigie %s)", cmp.compared,
              cmp.maxRel, r.method.c_str());
        QVERIFY(cmp.compared > 10000);
        // QGIS accumulates in float32 (read, add, write per point): relative error up to about
        // (number of contributions) x 6e-8, hence 1e-5 on cells above 1e-3 of the maximum.
        QVERIFY2(cmp.maxRel < 1e-5, qPrintable(cmp.describe(r.density, ref)));
    }
};

QTEST_GUILESS_MAIN(TestKdeReference)
#include "test_kde_reference.moc"
