// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// core/store's own helpers, shared by its source files (store.cpp, storeaccess.cpp): messages,
// the SQLite error conversion, identifier quoting, savepoints, ISO time parsing. Not for other
// modules.

#include "statement.h"
#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <sqlite3.h>

#include <cstdint>
#include <optional>

namespace vigie::core {

namespace storedetail {

/// Translation context of this file's messages (lupdate reads the macro).
struct StoreTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Store)
};

inline QString sqlMessage(sqlite3 *db)
{
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
}

inline QString fileOf(sqlite3 *db)
{
    const char *f = db ? sqlite3_db_filename(db, "main") : nullptr;
    return f && *f ? QString::fromUtf8(f) : QStringLiteral("(memory)");
}

/// Milliseconds a statement waits for another program's write to finish (VIGIE_BUSY_TIMEOUT_MS
/// overrides, for tests).
inline int busyTimeoutMs()
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue("VIGIE_BUSY_TIMEOUT_MS", &ok);
    return ok && v >= 0 ? v : 15000;
}

/// The exception for a failed SQLite call: the file named, the kind of failure as ErrorCode.
inline Exception sqlError(sqlite3 *db, int rc, const QString &context = QString())
{
    const int primary = rc & 0xff;
    const QString file = fileOf(db);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return Exception(ErrorCode::Busy,
                         StoreTr::tr("The workspace %1 is busy: another program is writing to it "
                                     "(waited %2 s). Try again when it has finished.")
                             .arg(file, QString::number(busyTimeoutMs() / 1000.0)));
    const ErrorCode code = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
                               ? ErrorCode::Damaged
                               : (primary == SQLITE_FULL || primary == SQLITE_IOERR ||
                                          primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN
                                      ? ErrorCode::Io
                                      : ErrorCode::Internal);
    QString message = sqlMessage(db);
    if (primary == SQLITE_FULL)
        message = StoreTr::tr("the disk is full");
    return Exception(code, context.isEmpty()
                               ? StoreTr::tr("Database error in %1: %2").arg(file, message)
                               : StoreTr::tr("Database error in %1: %2 (in %3)")
                                     .arg(file, message, context.left(300)));
}

/// Quotes an SQL identifier.
inline QString q(const QString &identifier)
{
    QString s = identifier;
    s.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// The two tables GDAL's Rasterlite driver reads for a raster layer (schema 6): tile
/// footprints, then tiles.
inline QStringList rasterTileTables(const QString &layerId)
{
    return {layerId + QStringLiteral("_metadata"), layerId + QStringLiteral("_rasters")};
}

using Stmt = Statement;

/// A savepoint for internal multi-statement changes; joins an open transaction.
class Savepoint
{
public:
    /// Outside a transaction it starts one with BEGIN IMMEDIATE: the write lock is taken (or
    /// waited for) first, so a concurrent writer makes it wait instead of failing half-way.
    explicit Savepoint(Store &store) : m_store(store)
    {
        m_store.requireWritable();
        m_topLevel = sqlite3_get_autocommit(m_store.handle()) != 0;
        m_store.exec(m_topLevel ? QStringLiteral("BEGIN IMMEDIATE")
                                : QStringLiteral("SAVEPOINT vigie_internal"));
    }
    ~Savepoint()
    {
        if (m_done)
            return;
        if (m_topLevel) {
            sqlite3_exec(m_store.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        } else {
            sqlite3_exec(m_store.handle(), "ROLLBACK TO vigie_internal", nullptr, nullptr, nullptr);
            sqlite3_exec(m_store.handle(), "RELEASE vigie_internal", nullptr, nullptr, nullptr);
        }
    }
    void release()
    {
        m_store.exec(m_topLevel ? QStringLiteral("COMMIT")
                                : QStringLiteral("RELEASE vigie_internal"));
        m_done = true;
    }

private:
    Store &m_store;
    bool m_topLevel = false;
    bool m_done = false;
};

/// A field's value from a statement's column, typed as the field is (null when NULL).
inline QVariant fieldValue(const Stmt &s, int column, FieldType type)
{
    if (s.isNull(column))
        return {};
    switch (type) {
    case FieldType::String:
    case FieldType::DateTime:
        return s.text(column);
    case FieldType::Integer:
        return QVariant::fromValue<qint64>(s.int64(column));
    case FieldType::Real:
        return s.real(column);
    case FieldType::Boolean:
        return s.int64(column) != 0;
    }
    return {};
}

inline QString sqlType(FieldType t)
{
    switch (t) {
    case FieldType::String:
        return QStringLiteral("TEXT");
    case FieldType::Integer:
        return QStringLiteral("INTEGER");
    case FieldType::Real:
        return QStringLiteral("REAL");
    case FieldType::DateTime: // NUMERIC affinity: ISO 8601 text stays text
        return QStringLiteral("DATETIME");
    case FieldType::Boolean:
        return QStringLiteral("INTEGER");
    }
    return QStringLiteral("TEXT");
}

inline const char *spatialiteType(GeometryType t)
{
    switch (t) {
    case GeometryType::Point:
        return "POINT";
    case GeometryType::Line:
        return "MULTILINESTRING";
    case GeometryType::Polygon:
        return "MULTIPOLYGON";
    case GeometryType::Raster:
        break;
    }
    return "POINT";
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const unsigned c = static_cast<unsigned char>(s[i]) - '0';
        if (c > 9)
            return -1;
        v = v * 10 + int(c);
    }
    return v;
}

/// Fixed-position parser of "YYYY-MM-DD[THH:MM:SS[Z]]" (the store's own format).
inline std::int64_t parseIso(const char *s, std::size_t n)
{
    if (!s || n < 10 || s[4] != '-' || s[7] != '-')
        return LayerSnapshot::kNoTime;
    const int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return LayerSnapshot::kNoTime;
    int h = 0, mi = 0, sec = 0;
    if (n >= 19) {
        if ((s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
            return LayerSnapshot::kNoTime;
        h = digits(s + 11, 2);
        mi = digits(s + 14, 2);
        sec = digits(s + 17, 2);
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
            return LayerSnapshot::kNoTime;
    } else if (n != 10) {
        return LayerSnapshot::kNoTime;
    }
    return daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + sec;
}

/// An integer value, never rounded: integral numbers and text of an integer ("3", "3.0"); no
/// value for 2.5, "2,5", "abc" or numbers beyond 64 bits.
inline std::optional<qint64> strictInteger(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
        return v.toLongLong();
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return qint64(v.toULongLong());
    case QMetaType::ULongLong:
        if (v.toULongLong() > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(v.toULongLong());
    case QMetaType::Bool:
        return v.toBool() ? 1 : 0;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > 9.0e18)
            return std::nullopt;
        return qint64(d);
    }
    default: {
        const QString t = v.toString().trimmed();
        bool ok = false;
        const qint64 n = t.toLongLong(&ok);
        if (ok)
            return n;
        const double d = t.toDouble(&ok); // C locale: "3.0" yes, "3,0" no
        if (ok && std::isfinite(d) && d == std::floor(d) && std::abs(d) <= 9.0e18)
            return qint64(d);
        return std::nullopt;
    }
    }
}

inline QString currentUtc()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace storedetail

namespace detail {
/// Parses the store's datetime text (loadSnapshot reads raw column bytes).
std::int64_t parseIsoBytes(const char *s, std::size_t n);
} // namespace detail

} // namespace vigie::core
