// SPDX-License-Identifier: GPL-3.0-or-later
// The store's metadata, its clock and its catalogue of layers and analysis runs.
#include "../argtext.h"
#include "statement.h"
#include "store.h"
#include "storeinternal.h"

#include "analytics/feedback.h"
#include "io/inputfile.h"
#include "rtreeloader.h"
#include "schematemplates.h"
#include "sqlitesecurity.h"
#include "wkb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

#include <sqlite3.h>
// sqlite3.h first: spatialite.h uses its types.
#include <spatialite.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <unistd.h>

namespace vigie::core {

using namespace storedetail;

// --- meta & clock ----------------------------------------------------------------------------

QString Store::meta(const QString &key) const
{
    try {
        Stmt s(m_db, QStringLiteral("SELECT value FROM vigie_meta WHERE key = ?"));
        s.bind(1, key);
        return s.step() ? s.text(0) : QString();
    } catch (const Exception &) {
        return {};
    }
}

void Store::setMeta(const QString &key, const QString &value)
{
    requireWritable();
    Stmt s(m_db, QStringLiteral("INSERT OR REPLACE INTO vigie_meta (key, value) VALUES (?, ?)"));
    s.bind(1, key);
    s.bind(2, value);
    s.step();
}

void Store::setClock(const QString &iso)
{
    if (!iso.isEmpty() && parseIsoUtc(iso) == LayerSnapshot::kNoTime)
        throw Exception(ErrorCode::InvalidInput,
                        StoreTr::tr("\"%1\" is not a UTC time (YYYY-MM-DDTHH:MM:SSZ).").arg(iso));
    if (iso.isEmpty()) {
        exec(QStringLiteral("DELETE FROM vigie_meta WHERE key = 'deterministic_clock'"));
        m_clock.clear();
        return;
    }
    m_clock = toIsoUtc(iso);
    setMeta(QStringLiteral("deterministic_clock"), m_clock);
}

void Store::addAnalysisRecord(const AnalysisRecord &record)
{
    Stmt st(m_db, QStringLiteral("INSERT INTO vigie_analyses (id, kind, title, input_layer, "
                                 "parameters, summary, result_layer, created_at) VALUES (?, ?, "
                                 "?, ?, ?, ?, ?, ?)"));
    st.bind(1, record.id);
    st.bind(2, record.kind);
    st.bind(3, record.title);
    st.bind(4, record.inputLayer);
    st.bind(5, QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(record.parameters))
                                     .toJson(QJsonDocument::Compact)));
    st.bind(6, QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(record.summary))
                                     .toJson(QJsonDocument::Compact)));
    st.bind(7, record.resultLayer.isEmpty() ? QString() : record.resultLayer);
    st.bind(8, now());
    st.step();
}

std::vector<Store::AnalysisRecord> Store::analysisRecords() const
{
    std::vector<AnalysisRecord> out;
    Stmt st(m_db,
            QStringLiteral("SELECT id, kind, title, input_layer, result_layer, parameters, "
                           "summary, created_at FROM vigie_analyses ORDER BY created_at, id"));
    while (st.step()) {
        AnalysisRecord r;
        r.id = st.text(0);
        r.kind = st.text(1);
        r.title = st.text(2);
        r.inputLayer = st.text(3);
        r.resultLayer = st.text(4);
        r.parameters = QJsonDocument::fromJson(st.text(5).toUtf8()).object().toVariantMap();
        r.summary = QJsonDocument::fromJson(st.text(6).toUtf8()).object().toVariantMap();
        r.createdAt = st.text(7);
        out.push_back(std::move(r));
    }
    return out;
}

bool Store::hasAnalysisRecord(const QString &id) const
{
    Stmt st(m_db, QStringLiteral("SELECT 1 FROM vigie_analyses WHERE id = ?"));
    st.bind(1, id);
    return st.step();
}

void Store::removeAnalysisRecord(const QString &id)
{
    requireWritable();
    Stmt st(m_db, QStringLiteral("DELETE FROM vigie_analyses WHERE id = ?"));
    st.bind(1, id);
    st.step();
}

std::unordered_map<std::int64_t, double> Store::numbersByFid(const QString &layerId,
                                                             const QString &field) const
{
    const auto m = layer(layerId);
    if (!m || !m->field(field))
        throw Exception(ErrorCode::InvalidInput,
                        StoreTr::tr("The layer \"%1\" has no field \"%2\".").arg(layerId, field));
    std::unordered_map<std::int64_t, double> out;
    Stmt st(m_db, QStringLiteral("SELECT fid, %1 FROM %2").arg(q(field), q(layerId)));
    while (st.step())
        out[st.int64(0)] = st.real(1);
    return out;
}

std::unordered_map<std::int64_t, QString> Store::textsByFid(const QString &layerId,
                                                            const QString &field) const
{
    const auto m = layer(layerId);
    if (!m || !m->field(field))
        throw Exception(ErrorCode::InvalidInput,
                        StoreTr::tr("The layer \"%1\" has no field \"%2\".").arg(layerId, field));
    std::unordered_map<std::int64_t, QString> out;
    Stmt st(m_db, QStringLiteral("SELECT fid, %1 FROM %2").arg(q(field), q(layerId)));
    while (st.step())
        out[st.int64(0)] = st.text(1);
    return out;
}

QString Store::now() const
{
    return m_clock.isEmpty() ? currentUtc() : m_clock;
}

Result<void> Store::normaliseForDeterminism()
{
    return captureErrors([&] {
        if (m_clock.isEmpty())
            throw Exception(
                ErrorCode::Internal,
                StoreTr::tr("normaliseForDeterminism() needs a fixed clock (setClock())."));
        if (m_txDepth > 0)
            throw Exception(
                ErrorCode::Internal,
                StoreTr::tr("normaliseForDeterminism() cannot run inside a transaction."));
        // SpatiaLite keeps milliseconds in its own timestamps.
        const QString ms = m_clock.left(19) + QStringLiteral(".000Z");
        Savepoint sp(*this);
        auto update = [&](const QString &sql, const QString &value) {
            Stmt s(m_db, sql);
            s.bind(1, value);
            s.step();
        };
        update(QStringLiteral("UPDATE spatialite_history SET timestamp = ?"), ms);
        update(QStringLiteral("UPDATE geometry_columns_time SET last_insert = ?1, "
                              "last_update = ?1, last_delete = ?1"),
               ms);
        update(QStringLiteral("UPDATE sql_statements_log SET time_start = ?1, time_end = ?1"), ms);
        update(QStringLiteral("UPDATE vigie_meta SET value = ? WHERE key = 'created_at'"), m_clock);
        update(QStringLiteral("UPDATE vigie_layers SET created_at = ?1, updated_at = ?1"), m_clock);
        sp.release();
        exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        exec(QStringLiteral("VACUUM"));
        exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    });
}

// --- catalogue -------------------------------------------------------------------------------

std::vector<LayerManifest> Store::layers() const
{
    std::vector<LayerManifest> out;
    Stmt s(m_db, QStringLiteral("SELECT id, manifest FROM vigie_layers ORDER BY rowid"));
    while (s.step()) {
        const QString origin = StoreTr::tr("layer \"%1\" of %2").arg(s.text(0), m_path);
        auto m = LayerManifest::fromJson(s.text(1).toUtf8(), origin);
        if (!m)
            throw Exception(ErrorCode::Damaged, m.error().message);
        out.push_back(std::move(*m));
    }
    return out;
}

bool Store::hasLayer(const QString &id) const
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM vigie_layers WHERE id = ?"));
    s.bind(1, id);
    return s.step();
}

std::optional<LayerManifest> Store::layer(const QString &id) const
{
    Stmt s(m_db, QStringLiteral("SELECT manifest FROM vigie_layers WHERE id = ?"));
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    auto m = LayerManifest::fromJson(s.text(0).toUtf8(),
                                     StoreTr::tr("layer \"%1\" of %2").arg(id, m_path));
    if (!m)
        throw Exception(ErrorCode::Damaged, m.error().message);
    return std::move(*m);
}

Result<void> Store::addLayer(const LayerManifest &manifest, const QString &source)
{
    return captureErrors([&] {
        requireWritable();
        // Re-validate: the manifest may have been built in code.
        const QByteArray json = QJsonDocument(manifest.toJson()).toJson(QJsonDocument::Compact);
        auto checked = LayerManifest::fromJson(json, manifest.origin.isEmpty() ? manifest.id
                                                                               : manifest.origin);
        checked.orThrow();
        if (hasLayer(manifest.id))
            throw Exception(ErrorCode::InvalidInput,
                            StoreTr::tr("The workspace %1 already has a layer \"%2\".")
                                .arg(m_path, manifest.id));
        {
            Stmt exists(m_db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE lower(name) = "
                                             "lower(?) OR lower(name) LIKE lower(?)"));
            exists.bind(1, manifest.id);
            exists.bind(2, QStringLiteral("idx_%1_geom%").arg(manifest.id));
            for (const QString &t : rasterTileTables(manifest.id)) {
                Stmt taken(m_db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE lower(name) "
                                                "= lower(?)"));
                taken.bind(1, t);
                if (taken.step())
                    throw Exception(ErrorCode::InvalidInput,
                                    StoreTr::tr("The layer id \"%1\" is reserved or already "
                                                "used by a table of %2.")
                                        .arg(manifest.id, m_path));
            }
            if (exists.step() || manifest.id.startsWith(QLatin1String("vigie_")) ||
                manifest.id.startsWith(QLatin1String("sqlite_")))
                throw Exception(ErrorCode::InvalidInput,
                                StoreTr::tr("The layer id \"%1\" is reserved or already used by a "
                                            "table of %2.")
                                    .arg(manifest.id, m_path));
        }
        const int version = schemaVersion();
        if (manifest.geometryType == GeometryType::Raster && version < 3)
            throw Exception(
                ErrorCode::InvalidInput,
                StoreTr::tr("The workspace %1 is too old for raster layers.").arg(m_path));
        Savepoint sp(*this);
        if (manifest.geometryType != GeometryType::Raster)
            createFeatureTable(manifest, version);
        Stmt ins(m_db, QStringLiteral(
                           "INSERT INTO vigie_layers (id, title_fr, title_en, geometry_type, "
                           "time_field, source, schema_version, manifest, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QString ts = now();
        ins.bind(1, manifest.id);
        ins.bind(2, manifest.title.fr);
        ins.bind(3, manifest.title.en);
        ins.bind(4, geometryTypeName(manifest.geometryType));
        ins.bind(5, manifest.timeField.isEmpty() ? QString() : manifest.timeField);
        ins.bind(6, source);
        ins.bind(7, std::int64_t(manifest.schemaVersion));
        ins.bind(8, QString::fromUtf8(json));
        ins.bind(9, ts);
        ins.bind(10, ts);
        ins.step();
        if (version >= 5)
            writeQgisStyle(manifest, {});
        sp.release();
    });
}

void Store::dropSpatialTable(const QString &table, const QString &column)
{
    {
        Stmt dis(m_db, QStringLiteral("SELECT DisableSpatialIndex(?, ?)"));
        dis.bind(1, table);
        dis.bind(2, column);
        dis.step();
    }
    exec(QStringLiteral("DROP TABLE IF EXISTS %1")
             .arg(q(QStringLiteral("idx_%1_%2").arg(table, column))));
    {
        Stmt disc(m_db, QStringLiteral("SELECT DiscardGeometryColumn(?, ?)"));
        disc.bind(1, table);
        disc.bind(2, column);
        disc.step();
    }
    for (const char *t : {"geometry_columns_statistics", "geometry_columns_field_infos",
                          "geometry_columns_time", "geometry_columns_auth"}) {
        Stmt del(
            m_db,
            QStringLiteral("DELETE FROM %1 WHERE f_table_name = lower(?)").arg(QLatin1String(t)));
        del.bind(1, table);
        del.step();
    }
    exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(q(table)));
}

Result<void> Store::removeLayer(const QString &id)
{
    return captureErrors([&] {
        if (!hasLayer(id))
            throw Exception(ErrorCode::UnknownLayer,
                            StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, id));
        Savepoint sp(*this);
        if (isRasterLayer(id)) {
            for (const char *table : {"vigie_rasters", "vigie_layers"}) {
                Stmt del(m_db,
                         QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                             .arg(QLatin1String(table),
                                  QLatin1String(std::strcmp(table, "vigie_rasters") == 0 ? "layer"
                                                                                         : "id")));
                del.bind(1, id);
                del.step();
            }
            const QStringList tiles = rasterTileTables(id);
            dropSpatialTable(tiles[0], QStringLiteral("geometry"));
            exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(q(tiles[1])));
            sp.release();
            return;
        }
        dropSpatialTable(id, QStringLiteral("geom"));
        {
            Stmt del(m_db, QStringLiteral("DELETE FROM vigie_layers WHERE id = ?"));
            del.bind(1, id);
            del.step();
        }
        if (schemaVersion() >= 2) {
            Stmt del(m_db, QStringLiteral("DELETE FROM vigie_series WHERE layer = ?"));
            del.bind(1, id);
            del.step();
        }
        if (schemaVersion() >= 5) { // every style of the table, QGIS users' too: they drew it
            Stmt del(m_db, QStringLiteral("DELETE FROM layer_styles WHERE f_table_name = ?"));
            del.bind(1, id);
            del.step();
        }
        sp.release();
    });
}

bool Store::isRasterLayer(const QString &id) const
{
    Stmt s(m_db, QStringLiteral("SELECT geometry_type FROM vigie_layers WHERE id = ?"));
    s.bind(1, id);
    return s.step() && s.text(0) == geometryTypeName(GeometryType::Raster);
}

void Store::writeRaster(const QString &layerId, const analytics::Raster &raster)
{
    requireWritable();
    if (!isRasterLayer(layerId))
        throw Exception(
            ErrorCode::UnknownLayer,
            StoreTr::tr("The workspace %1 has no raster layer \"%2\".").arg(m_path, layerId));
    const analytics::GridSpec &g = raster.grid;
    if (g.cols <= 0 || g.rows <= 0 || !(g.cellSize > 0) || raster.values.size() != g.cellCount())
        throw Exception(
            ErrorCode::InvalidInput,
            StoreTr::tr("The grid of raster layer \"%1\" is inconsistent.").arg(layerId));
    QByteArray raw(qsizetype(g.cellCount() * sizeof(float)), Qt::Uninitialized);
    auto *f = reinterpret_cast<float *>(raw.data());
    for (std::size_t i = 0; i < g.cellCount(); ++i)
        f[i] = float(raster.values[i]); // x86 and ARM are little-endian: stored as is
    Stmt ins(m_db, QStringLiteral("INSERT OR REPLACE INTO vigie_rasters (layer, x_min, y_min, "
                                  "cell_size, cols, rows, data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    ins.bind(1, layerId);
    ins.bind(2, g.xMin);
    ins.bind(3, g.yMin);
    ins.bind(4, g.cellSize);
    ins.bind(5, std::int64_t(g.cols));
    ins.bind(6, std::int64_t(g.rows));
    ins.bindBlob(7, qCompress(raw, 3));
    ins.step();
    if (schemaVersion() >= 6) // and as GDAL reads rasters (docs/store.md)
        writeRasterTiles(layerId, raster);
}

std::shared_ptr<const analytics::Raster> Store::readRaster(const QString &layerId) const
{
    Stmt s(m_db, QStringLiteral("SELECT x_min, y_min, cell_size, cols, rows, data FROM "
                                "vigie_rasters WHERE layer = ?"));
    s.bind(1, layerId);
    if (!s.step())
        return {};
    auto r = std::make_shared<analytics::Raster>();
    r->grid.xMin = s.real(0);
    r->grid.yMin = s.real(1);
    r->grid.cellSize = s.real(2);
    r->grid.cols = int(s.int64(3));
    r->grid.rows = int(s.int64(4));
    const QByteArray raw = qUncompress(s.blob(5));
    if (r->grid.cols <= 0 || r->grid.rows <= 0 ||
        std::size_t(raw.size()) != r->grid.cellCount() * sizeof(float))
        throw Exception(
            ErrorCode::Damaged,
            StoreTr::tr("The grid of raster layer \"%1\" in %2 is damaged.").arg(layerId, m_path));
    const auto *f = reinterpret_cast<const float *>(raw.constData());
    r->values.assign(f, f + r->grid.cellCount());
    return r;
}

std::int64_t Store::featureCount(const QString &layerId) const
{
    if (!hasLayer(layerId))
        return 0;
    if (isRasterLayer(layerId))
        return 0;
    Stmt s(m_db, QStringLiteral("SELECT count(*) FROM %1").arg(q(layerId)));
    return s.step() ? s.int64(0) : 0;
}

QRectF Store::extent(const QString &layerId) const
{
    if (!hasLayer(layerId))
        return {};
    if (isRasterLayer(layerId)) {
        Stmt s(m_db, QStringLiteral("SELECT x_min, y_min, x_min + cols * cell_size, "
                                    "y_min + rows * cell_size FROM vigie_rasters WHERE layer = ?"));
        s.bind(1, layerId);
        return s.step() ? QRectF(QPointF(s.real(0), s.real(1)), QPointF(s.real(2), s.real(3)))
                        : QRectF();
    }
    // The R*Tree holds float bounds rounded outwards: a cheap, slightly generous extent.
    try {
        Stmt s(m_db, QStringLiteral("SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM %1")
                         .arg(q(QStringLiteral("idx_%1_geom").arg(layerId))));
        if (s.step() && !s.isNull(0))
            return QRectF(QPointF(s.real(0), s.real(1)), QPointF(s.real(2), s.real(3)));
        return {};
    } catch (const Exception &) {
        Stmt s(m_db, QStringLiteral("SELECT min(MbrMinX(geom)), min(MbrMinY(geom)), "
                                    "max(MbrMaxX(geom)), max(MbrMaxY(geom)) FROM %1")
                         .arg(q(layerId)));
        if (s.step() && !s.isNull(0))
            return QRectF(QPointF(s.real(0), s.real(1)), QPointF(s.real(2), s.real(3)));
        return {};
    }
}

} // namespace vigie::core
