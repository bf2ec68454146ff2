// SPDX-License-Identifier: GPL-3.0-or-later
// Raster results GDAL reads straight from a workspace (issue 14, schema 6): a raster layer's
// grid is also kept as GDAL's Rasterlite tables, so `gdalinfo RASTERLITE:ws.vigie,table=ID` and
// QGIS's GDAL provider open it with the right size, origin, cell size, values (no-data NaN
// included) and statistics; writing again replaces the tiles; removing the layer removes them;
// a workspace of schema 5 gets them when upgraded. The cost of the second copy is measured.
#include "core/store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <sqlite3.h>

#include <cmath>
#include <limits>

namespace {

using vigie::core::LayerManifest;
using vigie::core::Store;

LayerManifest rasterManifest(const QString &id)
{
    LayerManifest m;
    m.id = id;
    m.title = {QStringLiteral("Grille d’essai"), QStringLiteral("Test grid")};
    m.geometryType = vigie::core::GeometryType::Raster;
    m.symbology.ramp = {{0.0, QStringLiteral("#ffffff00")}, {10.0, QStringLiteral("#b2182b")}};
    return m;
}

/// A grid with a pattern, negative values and no-data cells, of cols × rows cells of 25 m.
vigie::analytics::Raster grid(int cols, int rows, double shift)
{
    vigie::analytics::Raster r;
    r.grid.xMin = 890012.5;
    r.grid.yMin = 6240037.5;
    r.grid.cellSize = 25.0;
    r.grid.cols = cols;
    r.grid.rows = rows;
    r.values.resize(r.grid.cellCount());
    for (int row = 0; row < rows; ++row)
        for (int col = 0; col < cols; ++col)
            r.values[r.grid.index(col, row)] =
                (col + row) % 97 == 0 ? std::numeric_limits<double>::quiet_NaN()
                                      : std::sin(col * 0.05) * 7.0 + row * 0.01 + shift;
    return r;
}

struct Opened
{
    GDALDataset *ds = nullptr;
    explicit Opened(const QString &path, const QString &table)
    {
        const QByteArray name =
            (QStringLiteral("RASTERLITE:") + path + QStringLiteral(",table=") + table).toUtf8();
        ds = GDALDataset::Open(name.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    }
    ~Opened()
    {
        if (ds)
            GDALClose(ds);
    }
};

/// Compares what GDAL reads with the grid, cell by cell (as float32), and its statistics.
void compareWithGdal(const QString &path, const QString &table, const vigie::analytics::Raster &r)
{
    Opened o(path, table);
    QVERIFY2(o.ds, CPLGetLastErrorMsg());
    QCOMPARE(o.ds->GetRasterXSize(), r.grid.cols);
    QCOMPARE(o.ds->GetRasterYSize(), r.grid.rows);
    double t[6];
    QCOMPARE(o.ds->GetGeoTransform(t), CE_None);
    QCOMPARE(t[0], r.grid.xMin);
    QCOMPARE(t[3], r.grid.yMax());
    QCOMPARE(t[1], r.grid.cellSize);
    QCOMPARE(t[5], -r.grid.cellSize);
    QVERIFY(QString::fromUtf8(o.ds->GetProjectionRef()).contains(QStringLiteral("2154")));
    std::vector<float> cells(r.grid.cellCount());
    GDALRasterBand *band = o.ds->GetRasterBand(1);
    QCOMPARE(band->RasterIO(GF_Read, 0, 0, r.grid.cols, r.grid.rows, cells.data(), r.grid.cols,
                            r.grid.rows, GDT_Float32, 0, 0),
             CE_None);
    double lo = 1e300, hi = -1e300, sum = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const float want = float(r.values[i]);
        if (std::isnan(want)) {
            QVERIFY2(std::isnan(cells[i]), qPrintable(QString::number(i)));
            continue;
        }
        QCOMPARE(cells[i], want);
        lo = std::min(lo, double(want));
        hi = std::max(hi, double(want));
        sum += want;
        ++n;
    }
    double smin = 0, smax = 0, smean = 0, sdev = 0;
    QCOMPARE(band->ComputeStatistics(FALSE, &smin, &smax, &smean, &sdev, nullptr, nullptr),
             CE_None);
    QCOMPARE(smin, lo);
    QCOMPARE(smax, hi);
    QVERIFY(std::abs(smean - sum / double(n)) < 1e-9 * std::max(1.0, std::abs(smean)));
}

/// One number from a query on the file.
double scalar(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    double v = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_double(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

bool hasTable(const QString &path, const char *name)
{
    sqlite3 *db = nullptr;
    bool found = false;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1, &st,
                               nullptr) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
            found = sqlite3_step(st) == SQLITE_ROW;
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return found;
}

} // namespace

class TestRasterStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        GDALAllRegister();
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO"); // statistics not written beside the file
    }

    void gdalReadsTheGrid()
    {
        const QString path = m_dir.filePath(QStringLiteral("grids.vigie"));
        const auto first = grid(600, 300, 0.0); // 3 × 2 tiles, the last ones partial
        {
            auto created = Store::create(path);
            QVERIFY(created);
            Store &store = **created;
            QVERIFY(
                store.addLayer(rasterManifest(QStringLiteral("grille")), QStringLiteral("t")).ok());
            Store::Transaction tx(store);
            store.writeRaster(QStringLiteral("grille"), first);
            tx.commit();
        }
        compareWithGdal(path, QStringLiteral("grille"), first);
        // Written again (a run replaced): the new grid, not a mix.
        const auto second = grid(260, 520, 3.0);
        {
            auto store = Store::open(path);
            QVERIFY(store);
            Store::Transaction tx(**store);
            (*store)->writeRaster(QStringLiteral("grille"), second);
            tx.commit();
            QVERIFY((*store)->check().value().sound());
        }
        compareWithGdal(path, QStringLiteral("grille"), second);
        // A vector layer may not take the tables' names.
        {
            auto store = Store::open(path);
            LayerManifest clash = rasterManifest(QStringLiteral("grille_metadata"));
            clash.geometryType = vigie::core::GeometryType::Point;
            QVERIFY(!(*store)->addLayer(clash, QStringLiteral("t")).ok());
            QVERIFY((*store)->removeLayer(QStringLiteral("grille")).ok());
            QVERIFY((*store)->check().value().sound());
        }
        QVERIFY(!hasTable(path, "grille_metadata"));
        QVERIFY(!hasTable(path, "grille_rasters"));
        QVERIFY(!hasTable(path, "idx_grille_metadata_geometry"));
        QVERIFY(!Opened(path, QStringLiteral("grille")).ds);
    }

    void upgradeFromSchema5()
    {
        const QString path = m_dir.filePath(QStringLiteral("schema5.vigie"));
        const auto g = grid(300, 280, 1.0);
        {
            auto created = Store::createAtVersion(path, 5);
            QVERIFY(created);
            QVERIFY((*created)
                        ->addLayer(rasterManifest(QStringLiteral("kde_1")), QStringLiteral("t"))
                        .ok());
            Store::Transaction tx(**created);
            (*created)->writeRaster(QStringLiteral("kde_1"), g);
            tx.commit();
        }
        QVERIFY(!hasTable(path, "kde_1_rasters")); // schema 5 kept only Vigie's own copy
        {
            auto upgraded = Store::open(path);
            QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message));
            QCOMPARE((*upgraded)->schemaVersion(), int(Store::kSchemaVersion));
            QVERIFY((*upgraded)->check().value().sound());
        }
        compareWithGdal(path, QStringLiteral("kde_1"), g);
    }

    /// What the second copy costs, on a KDE at 10 m over the city (2 100 × 2 140 cells).
    void cost()
    {
        const QString path = m_dir.filePath(QStringLiteral("cost.vigie"));
        auto created = Store::create(path);
        QVERIFY(created);
        Store &store = **created;
        QVERIFY(
            store.addLayer(rasterManifest(QStringLiteral("kde_10m")), QStringLiteral("t")).ok());
        const auto g = grid(2100, 2140, 0.0);
        const auto before = QFileInfo(path).size();
        QElapsedTimer timer;
        timer.start();
        {
            Store::Transaction tx(store);
            store.writeRaster(QStringLiteral("kde_10m"), g);
            tx.commit();
        }
        const double seconds = timer.elapsed() / 1000.0;
        store.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const auto after = QFileInfo(path).size();
        const double own = scalar(path, "SELECT length(data) FROM vigie_rasters");
        const double tiles = scalar(path, "SELECT sum(length(raster)) FROM kde_10m_rasters");
        qInfo("a 2100 x 2140 grid (%.1f MB as float32) written in %.2f s: Vigie's copy %.1f MB, "
              "GDAL's %0.f tiles %.1f MB; the workspace grew by %.1f MB",
              g.values.size() * 4 / 1e6, seconds, own / 1e6,
              scalar(path, "SELECT count(*) FROM kde_10m_rasters"), tiles / 1e6,
              (after - before) / 1e6);
        QVERIFY(own > 0 && tiles > 0);
        QVERIFY(after > before);
    }
};

QTEST_GUILESS_MAIN(TestRasterStore)
#include "test_rasterstore.moc"
