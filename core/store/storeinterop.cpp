// SPDX-License-Identifier: GPL-3.0-or-later
// What GDAL and QGIS read of a workspace besides the rows: date-time columns declared as such
// (schema 4, with the upgrade of older files), SpatiaLite's layer statistics, kept right after
// every write, each layer's style in QGIS's layer_styles table (schema 5) and raster results in
// tables GDAL's Rasterlite driver reads (schema 6) (docs/store.md).
#include "../argtext.h"
#include "../qgisstyle.h"
#include "rastertiles.h"
#include "schematemplates.h"
#include "statement.h"
#include "store.h"

#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "storeinternal.h"

namespace vigie::core {

using namespace storedetail;

// --- schema 4: date-times -------------------------------------------------------------------

void Store::migrateTo4()
{
    // Date-time fields declared DATETIME (they were TEXT), so that GDAL and QGIS read them as
    // date-times. SQLite cannot change a column's type: each table with such fields is copied
    // into one declared anew, rows and fids as they were (the R*Tree, keyed by fid, stays
    // valid), then its indexes and SpatiaLite's triggers are made again from this build's
    // templates (never from SQL read in the file).
    for (const LayerManifest &m : layers()) {
        if (m.geometryType == GeometryType::Raster ||
            std::none_of(m.fields.begin(), m.fields.end(),
                         [](const FieldDef &f) { return f.type == FieldType::DateTime; }))
            continue;
        rebuildFeatureTable(m);
    }
}

void Store::rebuildFeatureTable(const LayerManifest &m)
{
    const QString table = q(m.id);
    const QString copy = q(QStringLiteral("vigie_rebuild_%1").arg(m.id));
    // The columns as they are, in order, with the types this build declares.
    QStringList columns, names;
    {
        Stmt info(m_db, QStringLiteral("SELECT name, type FROM pragma_table_info(?)"));
        info.bind(1, m.id);
        while (info.step()) {
            const QString name = info.text(0);
            QString type = info.text(1);
            if (const FieldDef *f = m.field(name))
                type = sqlType(f->type);
            else if (name == QLatin1String("fid"))
                type = QStringLiteral("INTEGER PRIMARY KEY");
            else if (!QRegularExpression(QStringLiteral("^[A-Za-z]+$")).match(type).hasMatch())
                type.clear(); // a type we did not write: no type (kept values as they are)
            names << q(name);
            columns << (type.isEmpty() ? q(name) : q(name) + QLatin1Char(' ') + type);
        }
    }
    // Triggers and indexes go with the old table; they are made again below.
    std::vector<std::pair<QString, QString>> objects;
    {
        Stmt own(m_db, QStringLiteral("SELECT type, name FROM sqlite_master WHERE tbl_name = ? "
                                      "AND type IN ('trigger', 'index') AND sql IS NOT NULL"));
        own.bind(1, m.id);
        while (own.step())
            objects.emplace_back(own.text(0), own.text(1));
    }
    for (const auto &[type, name] : objects)
        exec(QStringLiteral("DROP %1 %2")
                 .arg(type == QLatin1String("trigger") ? QStringLiteral("TRIGGER")
                                                       : QStringLiteral("INDEX"),
                      q(name)));
    exec(QStringLiteral("CREATE TABLE %1 (%2)").arg(copy, columns.join(QStringLiteral(", "))));
    const QString list = names.join(QLatin1Char(','));
    exec(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3").arg(copy, list, table));
    exec(QStringLiteral("DROP TABLE %1").arg(table));
    exec(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(copy, table));
    Stmt g(m_db, QStringLiteral("SELECT geometry_type, coord_dimension, spatial_index_enabled "
                                "FROM geometry_columns WHERE f_table_name = lower(?) AND "
                                "f_geometry_column = 'geom'"));
    g.bind(1, m.id);
    if (g.step())
        for (const detail::SchemaObject &o : detail::geometryTriggers(
                 m.id, QStringLiteral("geom"), int(g.int64(0)), int(g.int64(1)), int(g.int64(2))))
            detail::execTemplate(m_db, o.sql);
    if (!m.timeField.isEmpty() && m.field(m.timeField))
        detail::execTemplate(m_db, detail::timeIndexSql(m));
    detail::execTemplate(m_db, detail::hubIndexSql(m));
}

// --- layer statistics ------------------------------------------------------------------------

namespace {

/// The extent of a layer from its R*Tree's root node (float32 boxes, rounded outwards): O(1).
std::optional<std::array<double, 4>> rtreeRootExtent(sqlite3 *db, const QString &layerId)
{
    Stmt root(db, QStringLiteral("SELECT data FROM %1 WHERE nodeno = 1")
                      .arg(q(QStringLiteral("idx_%1_geom_node").arg(layerId))));
    if (!root.step())
        return std::nullopt;
    const QByteArray node = root.blob(0);
    const auto *b = reinterpret_cast<const unsigned char *>(node.constData());
    if (node.size() < 4)
        return std::nullopt;
    const int cells = (b[2] << 8) | b[3];
    if (cells == 0 || node.size() < 4 + cells * 24)
        return std::nullopt;
    const auto readFloat = [](const unsigned char *p) {
        const std::uint32_t bits = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) |
                                   (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return double(f);
    };
    std::array<double, 4> e{1e300, 1e300, -1e300, -1e300};
    for (int c = 0; c < cells; ++c) {
        const unsigned char *cell = b + 4 + c * 24 + 8; // after the rowid: minX maxX minY maxY
        e[0] = std::min(e[0], readFloat(cell));
        e[2] = std::max(e[2], readFloat(cell + 4));
        e[1] = std::min(e[1], readFloat(cell + 8));
        e[3] = std::max(e[3], readFloat(cell + 12));
    }
    return e;
}

} // namespace

void Store::refreshStatistics()
{
    if (m_changedTables.empty())
        return;
    std::vector<std::string> tables;
    tables.swap(m_changedTables);
    // Exact extents by a scan up to this many features; beyond, the R*Tree's root (outward to
    // float precision, under a metre), so that a commit stays quick on a decade of incidents.
    constexpr std::int64_t kExactUpTo = 200000;
    for (const std::string &table : tables) {
        const QString id = QString::fromStdString(table);
        const auto m = layer(id);
        if (!m || m->geometryType == GeometryType::Raster)
            continue; // R*Tree shadow tables, Vigie's own tables
        Stmt count(m_db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(q(id)));
        const std::int64_t n = count.step() ? count.int64(0) : 0;
        std::optional<std::array<double, 4>> extent;
        if (n > kExactUpTo) {
            extent = rtreeRootExtent(m_db, id);
        } else if (n > 0) {
            Stmt e(m_db, QStringLiteral("SELECT MIN(MbrMinX(geom)), MIN(MbrMinY(geom)), "
                                        "MAX(MbrMaxX(geom)), MAX(MbrMaxY(geom)) FROM %1")
                             .arg(q(id)));
            if (e.step() && !e.isNull(0))
                extent = std::array<double, 4>{e.real(0), e.real(1), e.real(2), e.real(3)};
        }
        Stmt up(m_db, QStringLiteral("UPDATE geometry_columns_statistics SET last_verified = ?, "
                                     "row_count = ?, extent_min_x = ?, extent_min_y = ?, "
                                     "extent_max_x = ?, extent_max_y = ? WHERE f_table_name = "
                                     "lower(?) AND f_geometry_column = 'geom'"));
        up.bind(1, now());
        up.bind(2, n);
        for (int k = 0; k < 4; ++k) {
            if (extent)
                up.bind(3 + k, (*extent)[std::size_t(k)]);
            else
                up.bindNull(3 + k);
        }
        up.bind(7, id);
        up.step();
    }
    m_changedTables.clear(); // the statistics' own row
}

// --- schema 5: QGIS styles ------------------------------------------------------------------

void Store::migrateTo5()
{
    // The table as QGIS's SpatiaLite provider creates it, so that both of QGIS's providers
    // (spatialite and ogr) load a layer's default style from it.
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY "
                        "AUTOINCREMENT, f_table_catalog varchar(256), f_table_schema "
                        "varchar(256), f_table_name varchar(256), f_geometry_column "
                        "varchar(256), styleName text, styleQML text, styleSLD text, "
                        "useAsDefault boolean, description text, owner varchar(30), ui text, "
                        "update_time timestamp DEFAULT CURRENT_TIMESTAMP)"));
    for (const LayerManifest &m : layers())
        writeQgisStyle(m, {});
}

void Store::writeQgisStyle(const LayerManifest &manifest, const QgisStyleOptions &options)
{
    const QString language = QStringLiteral("fr");
    const std::optional<QString> qml = qgisStyleQml(manifest, language, options);
    Savepoint sp(*this);
    {
        Stmt del(m_db, QStringLiteral("DELETE FROM layer_styles WHERE f_table_name = ? AND "
                                      "owner = ?"));
        del.bind(1, manifest.id);
        del.bind(2, QString::fromLatin1(kQgisStyleOwner));
        del.step();
    }
    if (qml) {
        // QGIS takes the default style with the latest update_time, written as SQLite's
        // CURRENT_TIMESTAMP writes it (as QGIS does) so that the two compare.
        QString time = now().left(19);
        time.replace(u'T', u' ');
        const QString title =
            options.title.isEmpty() ? manifest.title.text(language) : options.title;
        // Two rows: QGIS 3.22's spatialite provider finds a table's styles by f_table_schema
        // IS NULL, its ogr provider by f_table_schema = '' (both tried, docs/store.md).
        for (const bool ogr : {false, true}) {
            Stmt ins(m_db, QStringLiteral("INSERT INTO layer_styles (f_table_catalog, "
                                          "f_table_schema, f_table_name, f_geometry_column, "
                                          "styleName, styleQML, styleSLD, useAsDefault, "
                                          "description, owner, update_time) VALUES (?1, ?1, ?, "
                                          "'geom', ?, ?, '', 1, ?, ?, ?)"));
            if (ogr)
                ins.bind(1, QStringLiteral(""));
            else
                ins.bindNull(1);
            ins.bind(2, manifest.id);
            ins.bind(3, title);
            ins.bind(4, *qml);
            ins.bind(5, manifest.description.text(language));
            ins.bind(6, QString::fromLatin1(kQgisStyleOwner));
            ins.bind(7, time);
            ins.step();
        }
    }
    sp.release();
}

Result<void> Store::writeQgisStyles(const QHash<QString, QgisStyleOptions> &options)
{
    return captureErrors([&] {
        requireWritable();
        if (schemaVersion() < 5) // a file made at an older schema for tests: no table
            return;
        Savepoint sp(*this);
        for (const LayerManifest &m : layers())
            writeQgisStyle(m, options.value(m.id));
        sp.release();
    });
}

// --- schema 6: rasters GDAL reads --------------------------------------------------------

void Store::migrateTo6()
{
    for (const LayerManifest &m : layers())
        if (m.geometryType == GeometryType::Raster)
            if (const auto grid = readRaster(m.id))
                writeRasterTiles(m.id, *grid);
}

void Store::writeRasterTiles(const QString &layerId, const analytics::Raster &raster)
{
    // GDAL's Rasterlite layout (gdalinfo RASTERLITE:workspace.vigie,table=<layer>): tile
    // footprints in <layer>_metadata (a SpatiaLite polygon column with its spatial index, which
    // GDAL queries), the tiles themselves in <layer>_rasters under the same id.
    const QStringList tables = rasterTileTables(layerId);
    const std::vector<detail::RasterTile> tiles = detail::encodeRasterTiles(raster);
    Savepoint sp(*this);
    Stmt exists(m_db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                     "name = ?"));
    exists.bind(1, tables[0]);
    if (exists.step()) {
        for (const QString &t : tables)
            exec(QStringLiteral("DELETE FROM %1").arg(q(t)));
    } else {
        exec(QStringLiteral("CREATE TABLE %1 (id INTEGER NOT NULL PRIMARY KEY, source_name TEXT "
                            "NOT NULL, tile_id INTEGER NOT NULL, width INTEGER NOT NULL, height "
                            "INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE "
                            "NOT NULL)")
                 .arg(q(tables[0])));
        Stmt add(m_db, QStringLiteral("SELECT AddGeometryColumn(?, 'geometry', 2154, 'POLYGON', "
                                      "'XY')"));
        add.bind(1, tables[0]);
        add.step();
        Stmt idx(m_db, QStringLiteral("SELECT CreateSpatialIndex(?, 'geometry')"));
        idx.bind(1, tables[0]);
        idx.step();
        exec(QStringLiteral("CREATE TABLE %1 (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                            "raster BLOB NOT NULL)")
                 .arg(q(tables[1])));
    }
    Stmt blob(m_db, QStringLiteral("INSERT INTO %1 (raster) VALUES (?)").arg(q(tables[1])));
    Stmt meta(m_db, QStringLiteral("INSERT INTO %1 (id, source_name, tile_id, width, height, "
                                   "pixel_x_size, pixel_y_size, geometry) VALUES (?, ?, ?, ?, ?, "
                                   "?, ?, BuildMbr(?, ?, ?, ?, 2154))")
                        .arg(q(tables[0])));
    const analytics::GridSpec &g = raster.grid;
    std::int64_t tileId = 0;
    for (const detail::RasterTile &t : tiles) {
        blob.reset();
        blob.bindBlob(1, t.tiff);
        blob.step();
        meta.reset();
        meta.bind(1, lastInsertId());
        meta.bind(2, layerId);
        meta.bind(3, tileId++);
        meta.bind(4, std::int64_t(t.width));
        meta.bind(5, std::int64_t(t.height));
        meta.bind(6, g.cellSize);
        meta.bind(7, g.cellSize);
        meta.bind(8, g.xMin + t.col * g.cellSize);
        meta.bind(9, g.yMax() - (t.row + t.height) * g.cellSize);
        meta.bind(10, g.xMin + (t.col + t.width) * g.cellSize);
        meta.bind(11, g.yMax() - t.row * g.cellSize);
        meta.step();
    }
    sp.release();
}

} // namespace vigie::core
