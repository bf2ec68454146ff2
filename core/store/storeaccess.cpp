// SPDX-License-Identifier: GPL-3.0-or-later
// The store's writing of features in bulk (Store::Inserter) and its reading (snapshots,
// attributes, series, rasters): store.cpp holds its lifetime, schema, catalogue and
// transactions.
#include "../argtext.h"
#include "statement.h"
#include "store.h"

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

#include "storeinternal.h"

namespace vigie::core {

using namespace storedetail;

// --- inserter --------------------------------------------------------------------------------

Store::Inserter::Inserter(Store &store, const QString &layerId) : m_store(&store)
{
    store.requireWritable();
    auto m = store.layer(layerId);
    if (!m)
        throw Exception(
            ErrorCode::UnknownLayer,
            StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(store.m_path, layerId));
    m_manifest = std::move(*m);
    m_hasSyncedAt = store.schemaVersion() >= 2;
    if (!m_manifest.categoryField.isEmpty() && !m_manifest.categories.empty()) {
        for (std::size_t i = 0; i < m_manifest.fields.size(); ++i)
            if (m_manifest.fields[i].name == m_manifest.categoryField &&
                m_manifest.fields[i].type == FieldType::String)
                m_categoryIndex = int(i);
        for (const CategoryDef &c : m_manifest.categories)
            m_categories.insert(c.value);
    }
    if (store.m_txDepth > 0) {
        store.beginBulk(layerId);
        m_bulk = true;
    }
    m_syncedAt = store.now();
    m_syncedAtUtf8 = m_syncedAt.toUtf8();
    QStringList cols, params;
    for (const FieldDef &f : m_manifest.fields) {
        cols << q(f.name);
        params << QStringLiteral("?");
    }
    cols << QStringLiteral("_source") << QStringLiteral("_hub_id")
         << QStringLiteral("_hub_updated_at");
    params << QStringLiteral("?") << QStringLiteral("?") << QStringLiteral("?");
    if (m_hasSyncedAt) {
        cols << QStringLiteral("_synced_at");
        params << QStringLiteral("?");
    }
    cols << QStringLiteral("geom");
    params << (m_manifest.geometryType == GeometryType::Point
                   ? QStringLiteral("GeomFromWKB(?, 2154)")
                   : QStringLiteral("CastToMulti(GeomFromWKB(?, 2154))"));
    const QByteArray sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(q(layerId), cols.join(QLatin1Char(',')), params.join(QLatin1Char(',')))
            .toUtf8();
    const int rc = sqlite3_prepare_v3(store.m_db, sql.constData(), int(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw sqlError(store.m_db, rc, QString::fromUtf8(sql));
}

Store::Inserter::~Inserter()
{
    sqlite3_finalize(m_stmt);
    if (m_bulk)
        m_store->endBulk(m_manifest.id);
}

std::int64_t Store::Inserter::add(const FeatureRecord &record)
{
    ++m_index;
    auto bad = [&](const QString &why) {
        return Exception(ErrorCode::InvalidInput,
                         StoreTr::tr("Layer \"%1\", feature %2: %3")
                             .arg(m_manifest.id, QString::number(m_index), why));
    };
    if (record.values.size() != qsizetype(m_manifest.fields.size()))
        throw bad(StoreTr::tr("%1 values given for %2 fields")
                      .arg(argText(record.values.size()), argText(m_manifest.fields.size())));
    // Geometry first: the cheapest and the most common error.
    const auto type = detail::wkbTypeCode(record.wkb.data(), record.wkb.size());
    if (!type)
        throw bad(StoreTr::tr("no geometry"));
    if (!detail::wkbFitsLayer(*type, m_manifest.geometryType))
        throw bad(StoreTr::tr("a geometry of WKB type %1 does not fit a %2 layer")
                      .arg(argText(*type), argText(geometryTypeName(m_manifest.geometryType))));
    QRectF bounds;
    if (*type == 1 && record.wkb.size() == 21 && record.wkb[0] == 1) {
        double x, y;
        std::memcpy(&x, record.wkb.data() + 5, 8);
        std::memcpy(&y, record.wkb.data() + 13, 8);
        bounds = QRectF(x, y, 0.0, 0.0);
        if (!std::isfinite(x) || !std::isfinite(y))
            throw bad(
                StoreTr::tr("invalid geometry (%1)").arg(QStringLiteral("non-finite coordinate")));
    } else {
        if (*type == 1 && record.wkb.size() != 21)
            throw bad(StoreTr::tr("malformed point geometry"));
        Geometry g;
        const std::string why = detail::parseWkb(record.wkb.data(), record.wkb.size(), g);
        if (!why.empty())
            throw bad(StoreTr::tr("invalid geometry (%1)").arg(QString::fromStdString(why)));
        bounds = g.bounds;
    }
    // Every write path ends here: no coordinate the renderer or the analytics cannot handle.
    if (!(std::abs(bounds.left()) <= kCoordinateLimit &&
          std::abs(bounds.right()) <= kCoordinateLimit &&
          std::abs(bounds.top()) <= kCoordinateLimit &&
          std::abs(bounds.bottom()) <= kCoordinateLimit))
        throw bad(StoreTr::tr("coordinates (%1, %2) are not Lambert-93 metres (beyond %3 km)")
                      .arg(QString::number(bounds.left(), 'g', 6),
                           QString::number(bounds.top(), 'g', 6),
                           QString::number(kCoordinateLimit / 1000.0, 'f', 0)));

    sqlite3_reset(m_stmt);
    int col = 1;
    for (std::size_t i = 0; i < m_manifest.fields.size(); ++i, ++col) {
        const FieldDef &f = m_manifest.fields[i];
        const QVariant &v = record.values.at(qsizetype(i));
        if (!v.isValid() || v.isNull()) {
            sqlite3_bind_null(m_stmt, col);
            continue;
        }
        switch (f.type) {
        case FieldType::String: {
            const QString text = v.toString();
            if (text.contains(QChar(0)))
                throw bad(StoreTr::tr("field \"%1\" holds a NUL character").arg(f.name));
            if (int(i) == m_categoryIndex && !m_categories.contains(text)) {
                QStringList known = m_categories.values();
                known.sort();
                throw bad(StoreTr::tr("\"%1\" is not one of the categories of the layer (%2); "
                                      "map it to one of them or add it to the layer")
                              .arg(text.left(100), known.join(QStringLiteral(", ")).left(300)));
            }
            const QByteArray b = text.toUtf8();
            sqlite3_bind_text(m_stmt, col, b.constData(), int(b.size()), SQLITE_TRANSIENT);
            break;
        }
        case FieldType::Integer: {
            const std::optional<qint64> n = strictInteger(v);
            if (!n)
                throw bad(StoreTr::tr("field \"%1\": \"%2\" is not an integer (no value is "
                                      "rounded)")
                              .arg(f.name, v.toString()));
            sqlite3_bind_int64(m_stmt, col, *n);
            break;
        }
        case FieldType::Real: {
            bool ok = false;
            const double d = v.toDouble(&ok);
            if (!ok || !std::isfinite(d))
                throw bad(
                    StoreTr::tr("field \"%1\": \"%2\" is not a number").arg(f.name, v.toString()));
            sqlite3_bind_double(m_stmt, col, d);
            break;
        }
        case FieldType::DateTime: {
            const QString iso = toIsoUtc(v);
            if (iso.isEmpty()) {
                if (v.toString().trimmed().isEmpty()) {
                    sqlite3_bind_null(m_stmt, col);
                    break;
                }
                throw bad(StoreTr::tr("field \"%1\": \"%2\" is not a date and time")
                              .arg(f.name, v.toString()));
            }
            const QByteArray b = iso.toLatin1();
            sqlite3_bind_text(m_stmt, col, b.constData(), int(b.size()), SQLITE_TRANSIENT);
            break;
        }
        case FieldType::Boolean: {
            int b = -1;
            if (v.typeId() == QMetaType::Bool)
                b = v.toBool() ? 1 : 0;
            else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
                b = v.toLongLong() != 0 ? 1 : 0;
            else {
                const QString s = v.toString().trimmed().toLower();
                if (s.isEmpty()) {
                    sqlite3_bind_null(m_stmt, col);
                    break;
                }
                static const QStringList yes{QStringLiteral("true"), QStringLiteral("1"),
                                             QStringLiteral("yes"),  QStringLiteral("oui"),
                                             QStringLiteral("t"),    QStringLiteral("y")};
                static const QStringList no{QStringLiteral("false"), QStringLiteral("0"),
                                            QStringLiteral("no"),    QStringLiteral("non"),
                                            QStringLiteral("f"),     QStringLiteral("n")};
                if (yes.contains(s))
                    b = 1;
                else if (no.contains(s))
                    b = 0;
                else
                    throw bad(StoreTr::tr("field \"%1\": \"%2\" is not a boolean")
                                  .arg(f.name, v.toString()));
            }
            sqlite3_bind_int(m_stmt, col, b);
            break;
        }
        }
    }
    auto bindText = [&](const QString &s) {
        if (s.isEmpty()) {
            sqlite3_bind_null(m_stmt, col++);
            return;
        }
        const QByteArray b = s.toUtf8();
        sqlite3_bind_text(m_stmt, col++, b.constData(), int(b.size()), SQLITE_TRANSIENT);
    };
    if (record.source != QLatin1String(m_source))
        m_source = record.source.toUtf8();
    if (m_source.isEmpty())
        sqlite3_bind_null(m_stmt, col++);
    else
        sqlite3_bind_text(m_stmt, col++, m_source.constData(), int(m_source.size()), SQLITE_STATIC);
    bindText(record.hubId);
    bindText(record.hubUpdatedAt.isEmpty() ? QString() : toIsoUtc(record.hubUpdatedAt));
    if (m_hasSyncedAt)
        sqlite3_bind_text(m_stmt, col++, m_syncedAtUtf8.constData(), int(m_syncedAtUtf8.size()),
                          SQLITE_STATIC);
    sqlite3_bind_blob(m_stmt, col, record.wkb.data(), int(record.wkb.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_DONE) {
        const QString msg = sqlMessage(m_store->m_db);
        sqlite3_reset(m_stmt);
        const int primary = rc & 0xff;
        if (primary == SQLITE_CONSTRAINT)
            throw bad(StoreTr::tr("refused by the workspace: %1").arg(msg));
        throw Exception(primary == SQLITE_FULL || primary == SQLITE_IOERR ? ErrorCode::Io
                                                                          : ErrorCode::Internal,
                        StoreTr::tr("Layer \"%1\", feature %2: %3")
                            .arg(m_manifest.id, argText(m_index), argText(msg)));
    }
    sqlite3_reset(m_stmt);
    return sqlite3_last_insert_rowid(m_store->m_db);
}

void Store::addSeriesValue(const QString &layerId, std::int64_t fid, const QString &isoTime,
                           double value)
{
    requireWritable();
    const QString iso = toIsoUtc(isoTime);
    if (iso.isEmpty())
        throw Exception(ErrorCode::InvalidInput,
                        StoreTr::tr("Layer \"%1\", feature %2: \"%3\" is not a date and time.")
                            .arg(layerId, argText(fid), argText(isoTime)));
    Stmt s(m_db, QStringLiteral("INSERT OR REPLACE INTO vigie_series (layer, fid, t, value) "
                                "VALUES (?, ?, ?, ?)"));
    s.bind(1, layerId);
    s.bind(2, fid);
    s.bind(3, iso);
    s.bind(4, value);
    s.step();
}

// --- reading ---------------------------------------------------------------------------------

Result<LayerSnapshotPtr> Store::loadSnapshot(const QString &layerId,
                                             analytics::Feedback *feedback) const
{
    try {
        return captureErrors([&]() -> LayerSnapshotPtr {
            auto manifest = layer(layerId);
            if (!manifest)
                throw Exception(
                    ErrorCode::UnknownLayer,
                    StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, layerId));
            auto snap = std::make_shared<LayerSnapshot>();
            snap->manifest = std::move(*manifest);
            const LayerManifest &m = snap->manifest;
            if (m.geometryType == GeometryType::Raster) {
                snap->raster = readRaster(m.id);
                if (!snap->raster)
                    throw Exception(ErrorCode::Damaged,
                                    StoreTr::tr("The raster layer \"%1\" of %2 has no grid.")
                                        .arg(m.id, m_path));
                const analytics::GridSpec &g = snap->raster->grid;
                snap->extent = QRectF(QPointF(g.xMin, g.yMin), QPointF(g.xMax(), g.yMax()));
                return snap;
            }
            const bool isPoint = m.geometryType == GeometryType::Point;

            std::int64_t total = 0;
            {
                Stmt c(m_db, QStringLiteral("SELECT count(*) FROM %1").arg(q(m.id)));
                total = c.step() ? c.int64(0) : 0;
            }
            QStringList cols{QStringLiteral("fid"),
                             isPoint ? QStringLiteral("geom") : QStringLiteral("AsBinary(geom)")};
            int timeCol = -1, endCol = -1, catCol = -1, labelCol = -1;
            auto addCol = [&](const QString &name) {
                cols << q(name);
                return int(cols.size() - 1);
            };
            if (!m.timeField.isEmpty())
                timeCol = addCol(m.timeField);
            if (!m.endTimeField.isEmpty())
                endCol = addCol(m.endTimeField);
            if (!m.categoryField.isEmpty())
                catCol = addCol(m.categoryField);
            if (!m.labelField.isEmpty())
                labelCol = addCol(m.labelField);
            std::vector<std::pair<int, std::vector<double> *>> numberCols;
            for (const QString &f : {m.symbology.graduatedField, m.symbology.fovDirectionField,
                                     m.symbology.fovAngleField, m.symbology.fovRangeField}) {
                if (f.isEmpty() || snap->numbers.contains(f) || !m.field(f))
                    continue;
                snap->numbers.insert(f, {});
            }
            for (auto it = snap->numbers.begin(); it != snap->numbers.end(); ++it) {
                it->reserve(std::size_t(total));
                numberCols.emplace_back(addCol(it.key()), &it.value());
            }
            // Category values as UTF-8, compared on raw bytes (no QString per row).
            std::vector<QByteArray> catValues;
            for (const CategoryDef &c : m.categories)
                catValues.push_back(c.value.toUtf8());

            const std::size_t n = std::size_t(total);
            snap->fids.reserve(n);
            if (isPoint) {
                snap->x.reserve(n);
                snap->y.reserve(n);
            } else {
                snap->geometries.reserve(n);
            }
            if (timeCol >= 0)
                snap->time.reserve(n);
            if (endCol >= 0)
                snap->endTime.reserve(n);
            if (catCol >= 0)
                snap->category.reserve(n);
            if (labelCol >= 0)
                snap->labels.reserve(n);

            double minX = std::numeric_limits<double>::infinity(), minY = minX;
            double maxX = -minX, maxY = -minX;
            std::int64_t minT = std::numeric_limits<std::int64_t>::max();
            std::int64_t maxT = std::numeric_limits<std::int64_t>::min();
            auto timeOf = [](sqlite3_stmt *st, int c) {
                const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, c));
                return t ? detail::parseIsoBytes(t, std::size_t(sqlite3_column_bytes(st, c)))
                         : LayerSnapshot::kNoTime;
            };

            Stmt s(m_db, QStringLiteral("SELECT %1 FROM %2 ORDER BY fid")
                             .arg(cols.join(QLatin1Char(',')), q(m.id)));
            sqlite3_stmt *st = s.get();
            std::int64_t row = 0;
            const std::int64_t step = 32768;
            if (feedback)
                feedback->setProgress(0.0);
            while (s.step()) {
                if (++row % step == 0 && feedback) {
                    if (feedback->isCanceled())
                        throw analytics::Canceled{};
                    feedback->setProgress(total > 0 ? 100.0 * double(row) / double(total) : 0.0);
                }
                const std::int64_t fid = sqlite3_column_int64(st, 0);
                const auto *blob = static_cast<const unsigned char *>(sqlite3_column_blob(st, 1));
                const int size = sqlite3_column_bytes(st, 1);
                if (isPoint) {
                    // SpatiaLite BLOB-Geometry of a point: 60 bytes, class 1, x/y at offset 43.
                    if (!blob || size != 60 || blob[0] != 0x00 || blob[38] != 0x7C ||
                        blob[59] != 0xFE)
                        continue; // a row without geometry is not drawable: skipped
                    const bool little = blob[1] == 0x01;
                    unsigned char b[16];
                    std::memcpy(b, blob + 43, 16);
                    if (little != (std::endian::native == std::endian::little))
                        for (int k = 0; k < 2; ++k)
                            for (int i = 0; i < 4; ++i)
                                std::swap(b[k * 8 + i], b[k * 8 + 7 - i]);
                    double x, y;
                    std::memcpy(&x, b, 8);
                    std::memcpy(&y, b + 8, 8);
                    snap->x.push_back(x);
                    snap->y.push_back(y);
                    minX = std::min(minX, x);
                    maxX = std::max(maxX, x);
                    minY = std::min(minY, y);
                    maxY = std::max(maxY, y);
                } else {
                    if (!blob)
                        continue;
                    Geometry g;
                    const std::string why = detail::parseWkb(blob, std::size_t(size), g);
                    if (!why.empty())
                        throw Exception(
                            ErrorCode::Damaged,
                            StoreTr::tr("Layer \"%1\" of %2, feature %3: unreadable geometry "
                                        "(%4).")
                                .arg(m.id, m_path, argText(fid), QString::fromStdString(why)));
                    minX = std::min(minX, g.bounds.left());
                    maxX = std::max(maxX, g.bounds.right());
                    minY = std::min(minY, g.bounds.top());
                    maxY = std::max(maxY, g.bounds.bottom());
                    snap->geometries.push_back(std::move(g));
                }
                snap->fids.push_back(fid);
                if (timeCol >= 0) {
                    const std::int64_t t = timeOf(st, timeCol);
                    snap->time.push_back(t);
                    if (t != LayerSnapshot::kNoTime) {
                        minT = std::min(minT, t);
                        maxT = std::max(maxT, t);
                    }
                }
                if (endCol >= 0) {
                    const std::int64_t t = timeOf(st, endCol);
                    snap->endTime.push_back(t);
                    if (t != LayerSnapshot::kNoTime)
                        maxT = std::max(maxT, t);
                }
                if (catCol >= 0) {
                    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, catCol));
                    std::int16_t idx = -1;
                    if (t) {
                        const int len = sqlite3_column_bytes(st, catCol);
                        for (std::size_t c = 0; c < catValues.size(); ++c) {
                            if (catValues[c].size() == len &&
                                std::memcmp(catValues[c].constData(), t, std::size_t(len)) == 0) {
                                idx = std::int16_t(c);
                                break;
                            }
                        }
                    }
                    snap->category.push_back(idx);
                }
                if (labelCol >= 0) {
                    const auto *t =
                        reinterpret_cast<const char *>(sqlite3_column_text(st, labelCol));
                    snap->labels.push_back(
                        t ? QString::fromUtf8(t, sqlite3_column_bytes(st, labelCol)) : QString());
                }
                for (auto &[c, vec] : numberCols)
                    vec->push_back(sqlite3_column_type(st, c) == SQLITE_NULL
                                       ? std::numeric_limits<double>::quiet_NaN()
                                       : sqlite3_column_double(st, c));
            }
            if (!snap->fids.empty() && std::isfinite(minX))
                snap->extent = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
            if (minT <= maxT) {
                snap->minTime = minT;
                snap->maxTime = maxT;
            }
            if (feedback)
                feedback->setProgress(100.0);
            return snap;
        });
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled,
                     StoreTr::tr("Loading layer \"%1\" was canceled.").arg(layerId)};
    }
}

Result<QVariantMap> Store::attributes(const QString &layerId, std::int64_t fid) const
{
    return captureErrors([&] {
        auto m = layer(layerId);
        if (!m)
            throw Exception(
                ErrorCode::UnknownLayer,
                StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, layerId));
        QStringList cols{QStringLiteral("fid")};
        for (const FieldDef &f : m->fields)
            cols << q(f.name);
        cols << QStringLiteral("_source") << QStringLiteral("_hub_id")
             << QStringLiteral("_hub_updated_at");
        const bool v2 = schemaVersion() >= 2;
        if (v2)
            cols << QStringLiteral("_synced_at");
        Stmt s(m_db, QStringLiteral("SELECT %1 FROM %2 WHERE fid = ?")
                         .arg(cols.join(QLatin1Char(',')), q(layerId)));
        s.bind(1, fid);
        if (!s.step())
            throw Exception(
                ErrorCode::InvalidInput,
                StoreTr::tr("Layer \"%1\" has no feature %2.").arg(layerId, argText(fid)));
        QVariantMap out;
        out.insert(QStringLiteral("fid"), QVariant::fromValue<qint64>(s.int64(0)));
        int c = 1;
        for (const FieldDef &f : m->fields) {
            QVariant v;
            if (!s.isNull(c)) {
                switch (f.type) {
                case FieldType::String:
                case FieldType::DateTime:
                    v = s.text(c);
                    break;
                case FieldType::Integer:
                    v = QVariant::fromValue<qint64>(s.int64(c));
                    break;
                case FieldType::Real:
                    v = s.real(c);
                    break;
                case FieldType::Boolean:
                    v = s.int64(c) != 0;
                    break;
                }
            }
            out.insert(f.name, v);
            ++c;
        }
        for (const char *p : {"_source", "_hub_id", "_hub_updated_at", "_synced_at"}) {
            if (!v2 && std::strcmp(p, "_synced_at") == 0)
                break;
            out.insert(QLatin1String(p), s.isNull(c) ? QVariant() : QVariant(s.text(c)));
            ++c;
        }
        return out;
    });
}

Result<CheckReport> Store::check() const
{
    return captureErrors([&] {
        CheckReport report;
        {
            Stmt s(m_db, QStringLiteral("PRAGMA integrity_check"));
            while (s.step()) {
                const QString line = s.text(0);
                if (line != QLatin1String("ok") && report.problems.size() < 20)
                    report.problems << line;
            }
        }
        if (!report.problems.isEmpty())
            return report; // the rest reads the damaged pages again: stop here
        const detail::SchemaAudit audit = detail::auditSchema(m_db, schemaVersion());
        for (const QString &t : audit.unknownTriggers)
            report.problems << StoreTr::tr("trigger \"%1\" was not written by Vigie or SpatiaLite "
                                           "(it would run on every change)")
                                   .arg(t);
        for (const QString &d : audit.unsafeDefinitions)
            report.problems << StoreTr::tr("\"%1\" holds code that Vigie and SpatiaLite do not "
                                           "write (a CHECK, a DEFAULT expression, a generated "
                                           "column or an index on an expression)")
                                   .arg(d);
        for (const detail::SchemaObject &o : audit.regenerate)
            report.problems << StoreTr::tr("the SQL object \"%1\" is missing or differs from "
                                           "what Vigie writes")
                                   .arg(o.name);
        for (const QString &o : audit.unknownOthers)
            report.notes << StoreTr::tr("the SQL object \"%1\" was not created by Vigie "
                                        "(harmless)")
                                .arg(o);
        // Spatial indexes: the tree itself, and one entry per geometry.
        Stmt g(m_db, QStringLiteral("SELECT f_table_name, f_geometry_column FROM "
                                    "geometry_columns WHERE spatial_index_enabled = 1"));
        while (g.step()) {
            const QString table = g.text(0), column = g.text(1);
            const QString index = QStringLiteral("idx_%1_%2").arg(table, column);
            Stmt c(m_db, QStringLiteral("SELECT rtreecheck(?)"));
            c.bind(1, index);
            if (c.step() && c.text(0) != QLatin1String("ok"))
                report.problems << StoreTr::tr("the spatial index of \"%1\" is damaged: %2")
                                       .arg(table, c.text(0).left(200));
            Stmt n(m_db, QStringLiteral("SELECT (SELECT count(*) FROM %1), (SELECT count(*) FROM "
                                        "%2 WHERE %3 IS NOT NULL)")
                             .arg(q(index), q(table), q(column)));
            if (n.step() && n.int64(0) != n.int64(1))
                report.problems << StoreTr::tr("the spatial index of \"%1\" has %2 entries for %3 "
                                               "geometries")
                                       .arg(table, QString::number(n.int64(0)),
                                            QString::number(n.int64(1)));
        }
        // Manifests and raster grids.
        try {
            for (const LayerManifest &m : layers()) {
                if (m.geometryType != GeometryType::Raster)
                    continue;
                try {
                    if (!readRaster(m.id))
                        report.problems
                            << StoreTr::tr("the raster layer \"%1\" has no grid").arg(m.id);
                } catch (const Exception &e) {
                    report.problems << e.error().message;
                }
            }
        } catch (const Exception &e) {
            report.problems << e.error().message;
        }
        return report;
    });
}

Result<void> Store::checkIntegrity() const
{
    auto report = check();
    if (!report)
        return report.error();
    if (!report->sound())
        return Error{ErrorCode::Damaged,
                     StoreTr::tr("The workspace %1 is damaged: %2")
                         .arg(m_path, report->problems.mid(0, 5).join(QStringLiteral("; ")))};
    return {};
}

Result<void> Store::saveCopy(const QString &path) const
{
    return captureErrors([&] {
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
            throw Exception(
                ErrorCode::Io,
                StoreTr::tr("Cannot copy the workspace to %1: the file already exists.").arg(path));
        const QString temporary = path + QStringLiteral(".part");
        QFile::remove(temporary);
        const QByteArray file = QFile::encodeName(temporary);
        {
            const detail::AllowAttach allow(m_db, file);
            Stmt s(m_db, QStringLiteral("VACUUM INTO ?"));
            sqlite3_bind_text(s.get(), 1, file.constData(), int(file.size()), SQLITE_TRANSIENT);
            try {
                s.step();
            } catch (const Exception &) {
                QFile::remove(temporary);
                throw;
            }
        }
        if (!QFile::rename(temporary, path)) {
            QFile::remove(temporary);
            throw Exception(ErrorCode::Io,
                            StoreTr::tr("Cannot copy the workspace to %1.").arg(path));
        }
    });
}

Result<CheckReport> Store::repair()
{
    return captureErrors([&] {
        requireWritable();
        const auto before = check();
        before.orThrow();
        CheckReport report;
        m_audit = std::make_unique<detail::SchemaAudit>(detail::auditSchema(m_db, schemaVersion()));
        for (const detail::SchemaObject &o : m_audit->regenerate)
            report.repaired << StoreTr::tr("SQL object \"%1\" recreated").arg(o.name);
        for (const QString &t : m_audit->unknownTriggers)
            report.repaired << StoreTr::tr("trigger \"%1\" removed").arg(t);
        repairSchema(true);
        // Spatial indexes that are damaged or incomplete are rebuilt from the geometries.
        Stmt g(m_db, QStringLiteral("SELECT f_table_name, f_geometry_column FROM "
                                    "geometry_columns WHERE spatial_index_enabled = 1"));
        std::vector<std::pair<QString, QString>> indexes;
        while (g.step())
            indexes.emplace_back(g.text(0), g.text(1));
        for (const auto &[table, column] : indexes) {
            const QString index = QStringLiteral("idx_%1_%2").arg(table, column);
            bool ok = true;
            {
                Stmt c(m_db, QStringLiteral("SELECT rtreecheck(?)"));
                c.bind(1, index);
                ok = c.step() && c.text(0) == QLatin1String("ok");
                Stmt n(m_db, QStringLiteral("SELECT (SELECT count(*) FROM %1), (SELECT count(*) "
                                            "FROM %2 WHERE %3 IS NOT NULL)")
                                 .arg(q(index), q(table), q(column)));
                ok = ok && n.step() && n.int64(0) == n.int64(1);
            }
            if (ok)
                continue;
            Savepoint sp(*this);
            detail::bulkLoadRTree(m_db, table, column, index);
            sp.release();
            report.repaired << StoreTr::tr("spatial index of \"%1\" rebuilt").arg(table);
        }
        const auto after = check();
        after.orThrow();
        report.problems = after->problems;
        report.notes = after->notes;
        return report;
    });
}

} // namespace vigie::core
