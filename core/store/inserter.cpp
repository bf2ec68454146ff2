// SPDX-License-Identifier: GPL-3.0-or-later
// The store's writing of features (Store::Inserter): added in bulk, or replaced by a source
// key when an import is run again.
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

#include <bit>
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
    sqlite3_finalize(m_update);
    if (m_bulk)
        m_store->endBulk(m_manifest.id);
}

namespace {

/// What is wrong with a feature's geometry for a layer of this type; empty when it fits.
QString geometryProblem(const std::vector<unsigned char> &wkb, GeometryType layerType)
{
    // Geometry first: the cheapest and the most common error.
    const auto type = detail::wkbTypeCode(wkb.data(), wkb.size());
    if (!type)
        return StoreTr::tr("no geometry");
    if (!detail::wkbFitsLayer(*type, layerType))
        return StoreTr::tr("a geometry of WKB type %1 does not fit a %2 layer")
            .arg(argText(*type), argText(geometryTypeName(layerType)));
    QRectF bounds;
    if (*type == 1 && wkb.size() == 21 && wkb[0] == 1) {
        double x, y;
        std::memcpy(&x, wkb.data() + 5, 8);
        std::memcpy(&y, wkb.data() + 13, 8);
        if (!std::isfinite(x) || !std::isfinite(y))
            return StoreTr::tr("invalid geometry (%1)")
                .arg(QStringLiteral("non-finite coordinate"));
        bounds = QRectF(x, y, 0.0, 0.0);
    } else {
        if (*type == 1 && wkb.size() != 21)
            return StoreTr::tr("malformed point geometry");
        Geometry g;
        const std::string why = detail::parseWkb(wkb.data(), wkb.size(), g);
        if (!why.empty())
            return StoreTr::tr("invalid geometry (%1)").arg(QString::fromStdString(why));
        bounds = g.bounds;
    }
    // Every write path ends here: no coordinate the renderer or the analytics cannot handle.
    if (!(std::abs(bounds.left()) <= Store::kCoordinateLimit &&
          std::abs(bounds.right()) <= Store::kCoordinateLimit &&
          std::abs(bounds.top()) <= Store::kCoordinateLimit &&
          std::abs(bounds.bottom()) <= Store::kCoordinateLimit))
        return StoreTr::tr("coordinates (%1, %2) are not Lambert-93 metres (beyond %3 km)")
            .arg(QString::number(bounds.left(), 'g', 6), QString::number(bounds.top(), 'g', 6),
                 QString::number(Store::kCoordinateLimit / 1000.0, 'f', 0));
    return {};
}

/// A boolean written as the analysts' files write them (true/1/yes/oui/t/y and their
/// opposites, any case); nullopt when the text is none of them.
std::optional<int> booleanValue(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? 1 : 0;
    if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
        return v.toLongLong() != 0 ? 1 : 0;
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("yes"),
                                 QStringLiteral("oui"),  QStringLiteral("t"), QStringLiteral("y")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("no"),
                                QStringLiteral("non"),   QStringLiteral("f"), QStringLiteral("n")};
    const QString s = v.toString().trimmed().toLower();
    if (yes.contains(s))
        return 1;
    if (no.contains(s))
        return 0;
    return std::nullopt;
}

void bindUtf8(sqlite3_stmt *st, int col, const QByteArray &b)
{
    sqlite3_bind_text(st, col, b.constData(), int(b.size()), SQLITE_TRANSIENT);
}

/// Binds a non-null field value at col, converted to the field's type without rounding (a
/// string of the category field must be one of `categories`, when given); returns what is
/// wrong with it (nothing bound) or an empty string.
QString bindField(sqlite3_stmt *st, int col, const FieldDef &f, const QVariant &v,
                  const QSet<QString> *categories)
{
    // A blank date or boolean cell is no value, not a wrong one (looked at only for those two
    // types: this runs for every value of every feature written).
    auto blank = [&v] { return v.toString().trimmed().isEmpty(); };
    switch (f.type) {
    case FieldType::String: {
        const QString text = v.toString();
        if (text.contains(QChar(0)))
            return StoreTr::tr("field \"%1\" holds a NUL character").arg(f.name);
        if (categories && !categories->contains(text)) {
            QStringList known = categories->values();
            known.sort();
            return StoreTr::tr("\"%1\" is not one of the categories of the layer (%2); map it to "
                               "one of them or add it to the layer")
                .arg(text.left(100), known.join(QStringLiteral(", ")).left(300));
        }
        bindUtf8(st, col, text.toUtf8());
        return {};
    }
    case FieldType::Integer: {
        const std::optional<qint64> n = strictInteger(v);
        if (!n)
            return StoreTr::tr("field \"%1\": \"%2\" is not an integer (no value is rounded)")
                .arg(f.name, v.toString());
        sqlite3_bind_int64(st, col, *n);
        return {};
    }
    case FieldType::Real: {
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return StoreTr::tr("field \"%1\": \"%2\" is not a number").arg(f.name, v.toString());
        sqlite3_bind_double(st, col, d);
        return {};
    }
    case FieldType::DateTime: {
        const QString iso = toIsoUtc(v);
        if (!iso.isEmpty())
            bindUtf8(st, col, iso.toLatin1());
        else if (blank())
            sqlite3_bind_null(st, col);
        else
            return StoreTr::tr("field \"%1\": \"%2\" is not a date and time")
                .arg(f.name, v.toString());
        return {};
    }
    case FieldType::Boolean: {
        if (blank()) {
            sqlite3_bind_null(st, col);
            return {};
        }
        const std::optional<int> b = booleanValue(v);
        if (!b)
            return StoreTr::tr("field \"%1\": \"%2\" is not a boolean").arg(f.name, v.toString());
        sqlite3_bind_int(st, col, *b);
        return {};
    }
    }
    return {};
}

} // namespace

Exception Store::Inserter::badFeature(const QString &why) const
{
    return Exception(
        ErrorCode::InvalidInput,
        StoreTr::tr("Layer \"%1\", feature %2: %3").arg(m_manifest.id, argText(m_index), why));
}

void Store::Inserter::bindValues(sqlite3_stmt *st, const FeatureRecord &record)
{
    if (record.values.size() != qsizetype(m_manifest.fields.size()))
        throw badFeature(
            StoreTr::tr("%1 values given for %2 fields")
                .arg(argText(record.values.size()), argText(m_manifest.fields.size())));
    if (const QString why = geometryProblem(record.wkb, m_manifest.geometryType); !why.isEmpty())
        throw badFeature(why);
    int col = 1;
    for (std::size_t i = 0; i < m_manifest.fields.size(); ++i, ++col) {
        const QVariant &v = record.values.at(qsizetype(i));
        if (!v.isValid() || v.isNull()) {
            sqlite3_bind_null(st, col);
            continue;
        }
        const QSet<QString> *categories = int(i) == m_categoryIndex ? &m_categories : nullptr;
        if (const QString why = bindField(st, col, m_manifest.fields[i], v, categories);
            !why.isEmpty())
            throw badFeature(why);
    }
    if (record.source != QLatin1String(m_source))
        m_source = record.source.toUtf8();
}

void Store::Inserter::stepWrite(sqlite3_stmt *st)
{
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return;
    }
    const QString msg = sqlMessage(m_store->m_db);
    sqlite3_reset(st);
    const int primary = rc & 0xff;
    if (primary == SQLITE_CONSTRAINT)
        throw badFeature(StoreTr::tr("refused by the workspace: %1").arg(msg));
    throw Exception(primary == SQLITE_FULL || primary == SQLITE_IOERR ? ErrorCode::Io
                                                                      : ErrorCode::Internal,
                    StoreTr::tr("Layer \"%1\", feature %2: %3")
                        .arg(m_manifest.id, argText(m_index), argText(msg)));
}

std::int64_t Store::Inserter::add(const FeatureRecord &record)
{
    ++m_index;
    sqlite3_reset(m_stmt);
    bindValues(m_stmt, record);
    // Provenance: source, hub id, hub time, time of writing.
    int col = int(m_manifest.fields.size()) + 1;
    auto bindText = [&](const QString &s) {
        if (s.isEmpty())
            sqlite3_bind_null(m_stmt, col++);
        else
            bindUtf8(m_stmt, col++, s.toUtf8());
    };
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
    stepWrite(m_stmt);
    return sqlite3_last_insert_rowid(m_store->m_db);
}

bool Store::Inserter::replace(std::int64_t fid, const FeatureRecord &record)
{
    ++m_index;
    const int n = int(m_manifest.fields.size());
    const int pSource = n + 1, pSynced = n + 2, pWkb = n + 3, pFid = n + 4;
    if (!m_update) {
        const QString geom = m_manifest.geometryType == GeometryType::Point
                                 ? QStringLiteral("GeomFromWKB(?%1, 2154)").arg(pWkb)
                                 : QStringLiteral("CastToMulti(GeomFromWKB(?%1, 2154))").arg(pWkb);
        // Written only when something differs, so that changes() tells an update from a row
        // seen again.
        QStringList sets, same;
        for (int i = 0; i < n; ++i) {
            const QString col = q(m_manifest.fields[std::size_t(i)].name);
            sets << QStringLiteral("%1 = ?%2").arg(col, argText(i + 1));
            same << QStringLiteral("%1 IS ?%2").arg(col, argText(i + 1));
        }
        sets << QStringLiteral("_source = ?%1").arg(pSource)
             << QStringLiteral("geom = %1").arg(geom);
        if (m_hasSyncedAt)
            sets << QStringLiteral("_synced_at = ?%1").arg(pSynced);
        same << QStringLiteral("AsBinary(geom) IS AsBinary(%1)").arg(geom);
        const QByteArray sql = QStringLiteral("UPDATE %1 SET %2 WHERE fid = ?%3 AND NOT (%4)")
                                   .arg(q(m_manifest.id), sets.join(QStringLiteral(", ")),
                                        argText(pFid), same.join(QStringLiteral(" AND ")))
                                   .toUtf8();
        const int rc = sqlite3_prepare_v3(m_store->m_db, sql.constData(), int(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &m_update, nullptr);
        if (rc != SQLITE_OK)
            throw sqlError(m_store->m_db, rc, QString::fromUtf8(sql));
    }
    sqlite3_reset(m_update);
    sqlite3_clear_bindings(m_update);
    bindValues(m_update, record);
    if (m_source.isEmpty())
        sqlite3_bind_null(m_update, pSource);
    else
        sqlite3_bind_text(m_update, pSource, m_source.constData(), int(m_source.size()),
                          SQLITE_STATIC);
    if (m_hasSyncedAt)
        sqlite3_bind_text(m_update, pSynced, m_syncedAtUtf8.constData(), int(m_syncedAtUtf8.size()),
                          SQLITE_STATIC);
    sqlite3_bind_blob(m_update, pWkb, record.wkb.data(), int(record.wkb.size()), SQLITE_STATIC);
    sqlite3_bind_int64(m_update, pFid, fid);
    stepWrite(m_update);
    return sqlite3_changes(m_store->m_db) > 0;
}

} // namespace vigie::core
