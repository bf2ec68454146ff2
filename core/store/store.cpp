// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"
#include "../argtext.h"
#include "statement.h"

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

namespace {

/// Translation context of this file's messages (lupdate reads the macro).
struct StoreTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Store)
};

QString sqlMessage(sqlite3 *db)
{
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
}

QString fileOf(sqlite3 *db)
{
    const char *f = db ? sqlite3_db_filename(db, "main") : nullptr;
    return f && *f ? QString::fromUtf8(f) : QStringLiteral("(memory)");
}

/// Milliseconds a statement waits for another program's write to finish (VIGIE_BUSY_TIMEOUT_MS
/// overrides, for tests).
int busyTimeoutMs()
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue("VIGIE_BUSY_TIMEOUT_MS", &ok);
    return ok && v >= 0 ? v : 15000;
}

/// The exception for a failed SQLite call: the file named, the kind of failure as ErrorCode.
Exception sqlError(sqlite3 *db, int rc, const QString &context = QString())
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
QString q(const QString &identifier)
{
    QString s = identifier;
    s.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
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

QString sqlType(FieldType t)
{
    switch (t) {
    case FieldType::String:
        return QStringLiteral("TEXT");
    case FieldType::Integer:
        return QStringLiteral("INTEGER");
    case FieldType::Real:
        return QStringLiteral("REAL");
    case FieldType::DateTime:
        return QStringLiteral("TEXT");
    case FieldType::Boolean:
        return QStringLiteral("INTEGER");
    }
    return QStringLiteral("TEXT");
}

const char *spatialiteType(GeometryType t)
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
std::int64_t parseIso(const char *s, std::size_t n)
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
std::optional<qint64> strictInteger(const QVariant &v)
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

QString currentUtc()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace

std::int64_t Store::changes() const
{
    return sqlite3_changes64(m_db);
}

std::int64_t Store::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

QString Store::invalidReason(const void *wkb, std::size_t size) const
{
    Stmt st(m_db, QStringLiteral("SELECT IsValidReason(GeomFromWKB(?))"));
    st.bindBlob(1, wkb, size);
    if (!st.step() || st.isNull(0))
        return {};
    const QString reason = st.text(0);
    return reason == QLatin1String("Valid Geometry") ? QString() : reason;
}

Exception detail::sqlError(sqlite3 *db, int rc, const QString &context)
{
    return vigie::core::sqlError(db, rc, context);
}

// --- free functions --------------------------------------------------------------------------

QString toIsoUtc(const QVariant &value)
{
    static const QString fmt = QStringLiteral("yyyy-MM-ddTHH:mm:ssZ");
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        return dt.isValid() ? dt.toUTC().toString(fmt) : QString();
    }
    case QMetaType::QDate: {
        const QDate d = value.toDate();
        return d.isValid() ? QDateTime(d, QTime(0, 0), QTimeZone::utc()).toString(fmt) : QString();
    }
    case QMetaType::QString:
    case QMetaType::QByteArray: {
        QString s = value.toString().trimmed();
        if (s.isEmpty())
            return {};
        const QByteArray b = s.toLatin1();
        if (b.size() == 20 && b.endsWith('Z') &&
            parseIso(b.constData(), 19) != LayerSnapshot::kNoTime)
            return s.replace(10, 1, QLatin1Char('T'));
        s.replace(QLatin1Char('/'), QLatin1Char('-'));
        if (s.size() > 10 && s.at(10) == QLatin1Char(' '))
            s[10] = QLatin1Char('T');
        // A bare "+HH" offset (GDAL style) becomes "+HH:00" for Qt.
        if (s.size() > 19 &&
            (s.at(s.size() - 3) == QLatin1Char('+') || s.at(s.size() - 3) == QLatin1Char('-')))
            s += QLatin1String(":00");
        QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDateTime::fromString(s, Qt::ISODate);
        if (!dt.isValid())
            return {};
        if (dt.timeSpec() == Qt::LocalTime) // no zone given: taken as UTC
            dt.setTimeZone(QTimeZone::utc());
        return dt.toUTC().toString(fmt);
    }
    default:
        return {};
    }
}

std::int64_t parseIsoUtc(const QString &iso)
{
    const int n = int(std::min<qsizetype>(iso.size(), 20));
    char buf[20];
    for (int i = 0; i < n; ++i) {
        const char16_t c = iso.at(i).unicode();
        buf[i] = c < 128 ? char(c) : '?';
    }
    std::size_t len = std::size_t(n);
    if (len == 20 && buf[19] == 'Z')
        len = 19;
    else if (len == 20)
        return LayerSnapshot::kNoTime;
    return parseIso(buf, len);
}

namespace detail {
/// Parses the store's datetime text (used by loadSnapshot on raw column bytes).
std::int64_t parseIsoBytes(const char *s, std::size_t n)
{
    if (n == 20 && s[19] == 'Z')
        n = 19;
    return parseIso(s, n);
}
} // namespace detail

// --- lifetime --------------------------------------------------------------------------------

Store::~Store()
{
    close();
}

void Store::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    if (m_spatialiteCache) {
        spatialite_cleanup_ex(m_spatialiteCache);
        m_spatialiteCache = nullptr;
    }
}

void Store::openConnection(Access access)
{
    close();
    // A URI, so that a read-only file system can be read without locks (immutable).
    QUrl url = QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath());
    if (access == Access::ReadOnly && m_immutable)
        url.setQuery(QStringLiteral("immutable=1"));
    const QByteArray uri = url.toEncoded();
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    flags |= access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (access == Access::Create)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(uri.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = sqlMessage(m_db);
        close();
        throw Exception(ErrorCode::Io, StoreTr::tr("Cannot open %1: %2").arg(m_path, msg));
    }
    sqlite3_extended_result_codes(m_db, 0);
    // Before anything reads the file's schema: defensive mode, untrusted schema, authorizer.
    detail::hardenConnection(m_db, m_path, &m_spatialiteCache,
                             /*trustedSchema=*/access != Access::ReadOnly);
    sqlite3_busy_timeout(m_db, busyTimeoutMs());
    // 64 MiB of page cache (256 MiB while a Transaction is open: bulk loads), sorts in memory.
    sqlite3_exec(m_db, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    sqlite3_exec(m_db, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
    if (access != Access::ReadOnly)
        detail::setSqlAccess(m_db, detail::SqlAccess::Normal);
}

void Store::exec(const QString &sql) const
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        throw sqlError(m_db, rc, sql);
}

int Store::schemaVersion() const
{
    Stmt s(m_db, QStringLiteral("PRAGMA user_version"));
    return s.step() ? int(s.int64(0)) : 0;
}

Result<std::unique_ptr<Store>> Store::create(const QString &path)
{
    return createImpl(path, kSchemaVersion);
}

Result<std::unique_ptr<Store>> Store::createAtVersion(const QString &path, int version)
{
    if (version < 1 || version > kSchemaVersion)
        return Error{
            ErrorCode::Internal,
            StoreTr::tr("Cannot create %1 at schema version %2.").arg(path, argText(version))};
    return createImpl(path, version);
}

Result<std::unique_ptr<Store>> Store::createImpl(const QString &path, int version)
{
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        return Error{
            ErrorCode::Io,
            StoreTr::tr("Cannot create the workspace %1: the file already exists.").arg(path)};
    std::unique_ptr<Store> store(new Store);
    store->m_path = path;
    store->m_verified = true; // made here, now
    auto result = captureErrors([&] {
        store->openConnection(Access::Create);
        store->exec(QStringLiteral("PRAGMA page_size = 4096"));
        store->migrate(0, version);
        store->exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        store->exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    });
    if (!result) {
        store->close();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        QFile::remove(path + QStringLiteral("-journal"));
        return result.error();
    }
    return store;
}

void Store::identify(bool checkDeep)
{
    auto notAStore = [&] {
        return Exception(ErrorCode::NotAStore,
                         StoreTr::tr("%1 is not a Vigie workspace.").arg(m_path));
    };
    auto damaged = [&](const QString &why) {
        return Exception(ErrorCode::Damaged,
                         StoreTr::tr("The workspace %1 is damaged: %2").arg(m_path, why));
    };

    // The header alone first: magic string, page size, page count against the file size.
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        throw Exception(ErrorCode::Io,
                        StoreTr::tr("Cannot read %1: %2").arg(m_path, f.errorString()));
    const QByteArray header = f.read(100);
    const qint64 fileSize = f.size();
    f.close();
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        throw notAStore();
    auto be32 = [&](int at) {
        const auto *p = reinterpret_cast<const unsigned char *>(header.constData() + at);
        return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
    };
    const quint32 appId = be32(68);
    if (appId != quint32(kApplicationId))
        throw notAStore();
    quint32 pageSize = quint32(quint8(header.at(16))) << 8 | quint8(header.at(17));
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = be32(28);
    const bool countValid = be32(24) == be32(92);
    if (countValid && pageCount > 0 && qint64(pageCount) * pageSize > fileSize &&
        !QFileInfo::exists(m_path + QStringLiteral("-wal")))
        throw damaged(StoreTr::tr("the file is shorter than its header says (truncated?)"));

    // Then SQLite itself.
    try {
        Stmt tables(m_db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name IN ('vigie_meta', 'vigie_layers', "
                                         "'geometry_columns', 'spatial_ref_sys')"));
        int found = 0;
        bool hasMeta = false;
        while (tables.step()) {
            ++found;
            if (tables.text(0) == QLatin1String("vigie_meta"))
                hasMeta = true;
        }
        if (!hasMeta)
            throw notAStore();
        if (found < 4)
            throw damaged(StoreTr::tr("catalogue tables are missing"));
        const int version = schemaVersion();
        if (version > kSchemaVersion)
            throw Exception(ErrorCode::TooNew,
                            StoreTr::tr("The workspace %1 was written by a newer version of Vigie "
                                        "(schema %2; this version reads up to %3). Update Vigie to "
                                        "open it.")
                                .arg(m_path, argText(version), argText(kSchemaVersion)));
        if (version < 1)
            throw damaged(StoreTr::tr("no schema version"));
        // Raster layers keep their grid in vigie_rasters (schema 3) instead of a feature table.
        Stmt layers(m_db, QStringLiteral("SELECT l.id, m.name, l.geometry_type FROM vigie_layers l "
                                         "LEFT JOIN sqlite_master m ON m.type = 'table' AND "
                                         "m.name = l.id"));
        QStringList ids;
        while (layers.step()) {
            if (layers.text(2) == geometryTypeName(GeometryType::Raster)) {
                if (version < 3)
                    throw damaged(
                        StoreTr::tr("the raster layer \"%1\" needs schema 3").arg(layers.text(0)));
                continue;
            }
            if (layers.isNull(1))
                throw damaged(
                    StoreTr::tr("the table of layer \"%1\" is missing").arg(layers.text(0)));
            ids << layers.text(0);
        }
        if (checkDeep) {
            // Touch the last page of each feature table: cheap, and finds most truncations.
            for (const QString &id : ids) {
                Stmt last(m_db, QStringLiteral("SELECT max(fid) FROM %1").arg(q(id)));
                last.step();
            }
        }
    } catch (const Exception &e) {
        if (e.error().code == ErrorCode::Damaged && !e.error().message.contains(m_path))
            throw damaged(e.error().message);
        throw;
    }
}

namespace {

/// Why this process cannot write the file (empty when it can): a read-only file, folder or file
/// system. The folder matters: SQLite writes its -wal and -shm files beside the workspace.
QString whyNotWritable(const QString &path)
{
    const QByteArray file = QFile::encodeName(path);
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (::access(file.constData(), W_OK) != 0) {
        if (errno == EROFS)
            return StoreTr::tr("it is on a read-only file system");
        return StoreTr::tr("the file is read-only for this user");
    }
    if (::access(dir.constData(), W_OK) != 0) {
        if (errno == EROFS)
            return StoreTr::tr("it is on a read-only file system");
        return StoreTr::tr("its folder is read-only for this user");
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QByteArray side = file + suffix;
        if (::access(side.constData(), F_OK) == 0 && ::access(side.constData(), W_OK) != 0)
            return StoreTr::tr("its %1 file is read-only for this user")
                .arg(QString::fromLatin1(suffix));
    }
    return {};
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(const QString &path, bool readOnly)
{
    return openImpl(path, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
}

Result<std::unique_ptr<Store>> Store::openForRepair(const QString &path)
{
    return openImpl(path, OpenMode::Repair);
}

Result<std::unique_ptr<Store>> Store::openImpl(const QString &path, OpenMode mode)
{
    const bool readOnly = mode == OpenMode::ReadOnly;
    std::unique_ptr<Store> store(new Store);
    store->m_path = path;
    auto identified = captureErrors([&] {
        requireReadableFile(path, InputKind::Workspace);
        const QString notWritable = whyNotWritable(path);
        // Without write access to the folder SQLite cannot make the -shm file a WAL reader
        // needs: read the file as immutable (nobody can change it there anyway). A -wal file
        // left by a writer would then be ignored, so that case is an error.
        const QFileInfo wal(path + QStringLiteral("-wal"));
        const bool folderWritable =
            ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) == 0;
        if (!folderWritable && !QFileInfo::exists(path + QStringLiteral("-shm"))) {
            if (wal.exists() && wal.size() > 0)
                throw Exception(ErrorCode::Io,
                                StoreTr::tr("The workspace %1 cannot be read where it is (%2) "
                                            "because changes are still in its -wal file: "
                                            "copy the workspace with its -wal file to a "
                                            "writable folder and open it there.")
                                    .arg(path, notWritable));
            store->m_immutable = true;
        }
        store->openConnection(Access::ReadOnly);
        store->identify(true);
        store->m_audit = std::make_unique<detail::SchemaAudit>(
            detail::auditSchema(store->m_db, store->schemaVersion()));
        if (readOnly)
            store->m_readOnlyReason = StoreTr::tr("it was opened for reading only");
        else if (!notWritable.isEmpty())
            store->m_readOnlyReason = notWritable;
        else if (!store->m_audit->trusted() && mode != OpenMode::Repair)
            store->m_readOnlyReason =
                StoreTr::tr("it holds SQL code that Vigie did not write (%1), which would run "
                            "when Vigie reads or changes it; it may have been tampered with "
                            "(\"vigie-cli check\" lists it, \"vigie-cli check --repair\" "
                            "removes unknown triggers)")
                    .arg(store->m_audit->untrustedObjects().join(QStringLiteral(", ")));
    });
    if (!identified)
        return identified.error();
    auto opened = captureErrors([&] {
        const int version = store->schemaVersion();
        if (!store->m_readOnlyReason.isEmpty()) {
            store->m_readOnly = true;
            detail::setSqlAccess(store->m_db, detail::SqlAccess::Normal);
            if (version < kSchemaVersion)
                throw Exception(
                    ErrorCode::Io,
                    StoreTr::tr("The workspace %1 uses an older format (schema %2) and must "
                                "be upgraded, which needs writing to it, but %3.")
                        .arg(path, QString::number(version), store->m_readOnlyReason));
        } else {
            store->openConnection(Access::ReadWrite);
            if (version < kSchemaVersion || store->m_audit->needsRepair()) {
                store->verify(); // never upgrade or repair a damaged file
                if (version < kSchemaVersion) {
                    store->migrate(version, kSchemaVersion);
                    store->m_audit = std::make_unique<detail::SchemaAudit>(
                        detail::auditSchema(store->m_db, store->schemaVersion()));
                }
                // Vigie's and SpatiaLite's own objects are always as this build writes them.
                store->repairSchema(false);
            }
            store->exec(QStringLiteral("PRAGMA journal_mode = WAL"));
            store->exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        }
        store->m_clock = store->meta(QStringLiteral("deterministic_clock"));
    });
    if (!opened)
        return opened.error();
    return store;
}

void Store::verify()
{
    if (m_verified)
        return;
    Stmt s(m_db, QStringLiteral("PRAGMA quick_check"));
    QStringList problems;
    while (s.step()) {
        const QString line = s.text(0);
        if (line != QLatin1String("ok") && problems.size() < 5)
            problems << line;
    }
    if (!problems.isEmpty()) {
        m_readOnly = true;
        m_readOnlyReason =
            StoreTr::tr("it is damaged (%1)").arg(problems.join(QStringLiteral("; ")));
        throw Exception(ErrorCode::Damaged,
                        StoreTr::tr("The workspace %1 is damaged and was not changed: %2. Open it "
                                    "read-only to save what can be read, or restore a backup.")
                            .arg(m_path, problems.join(QStringLiteral("; "))));
    }
    m_verified = true;
}

void Store::requireWritable()
{
    if (m_readOnly)
        throw Exception(
            ErrorCode::Io,
            StoreTr::tr("The workspace %1 cannot be changed: %2.").arg(m_path, m_readOnlyReason));
    verify();
}

void Store::repairSchema(bool dropUnknownTriggers)
{
    if (!m_audit || (!m_audit->needsRepair() && (!dropUnknownTriggers || m_audit->trusted())))
        return;
    Savepoint sp(*this);
    detail::repairSchema(m_db, *m_audit, dropUnknownTriggers);
    sp.release();
    m_audit = std::make_unique<detail::SchemaAudit>(detail::auditSchema(m_db, schemaVersion()));
}

// --- schema & migrations ---------------------------------------------------------------------

void Store::migrate(int from, int to)
{
    for (int v = from; v < to; ++v) {
        exec(QStringLiteral("BEGIN IMMEDIATE"));
        try {
            if (v == 0)
                migrateTo1();
            else if (v == 1)
                migrateTo2();
            else if (v == 2)
                migrateTo3();
            exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
            exec(QStringLiteral("COMMIT"));
        } catch (const Exception &e) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw Exception(e.error().code,
                            StoreTr::tr("Cannot upgrade the workspace %1 to schema %2: %3")
                                .arg(m_path, argText(v + 1), e.error().message));
        }
    }
}

void Store::migrateTo1()
{
    {
        Stmt init(m_db, QStringLiteral("SELECT InitSpatialMetadata(0)"));
        if (!init.step() || init.int64(0) != 1)
            throw Exception(ErrorCode::Internal,
                            StoreTr::tr("SpatiaLite could not initialise %1.").arg(m_path));
    }
    exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
    exec(QStringLiteral("CREATE TABLE vigie_meta (key TEXT PRIMARY KEY, value TEXT)"));
    exec(QStringLiteral(
        "CREATE TABLE vigie_layers (id TEXT PRIMARY KEY, title_fr TEXT, title_en TEXT, "
        "geometry_type TEXT NOT NULL, time_field TEXT, source TEXT, schema_version INTEGER, "
        "manifest TEXT NOT NULL, created_at TEXT, updated_at TEXT)"));
    setMeta(QStringLiteral("created_by"), QStringLiteral("Vigie"));
    setMeta(QStringLiteral("created_at"), now());
}

void Store::migrateTo2()
{
    exec(QStringLiteral("CREATE TABLE vigie_series (layer TEXT NOT NULL, fid INTEGER NOT NULL, "
                        "t TEXT NOT NULL, value REAL, PRIMARY KEY (layer, fid, t)) WITHOUT ROWID"));
    for (const LayerManifest &m : layers())
        upgradeFeatureTableTo2(m);
}

void Store::migrateTo3()
{
    // Incremental sync: one high-water mark per (hub, layer), and a log of every pull.
    exec(QStringLiteral("CREATE TABLE vigie_sync_state (hub TEXT NOT NULL, layer TEXT NOT NULL, "
                        "high_water TEXT, last_sync_at TEXT, last_status TEXT, features INTEGER, "
                        "extent TEXT, since TEXT, PRIMARY KEY (hub, layer))"));
    exec(QStringLiteral(
        "CREATE TABLE vigie_sync_log (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, "
        "finished_at TEXT, hub TEXT NOT NULL, layer TEXT NOT NULL, status TEXT NOT NULL, "
        "inserted INTEGER DEFAULT 0, updated INTEGER DEFAULT 0, deleted INTEGER DEFAULT 0, "
        "batches INTEGER DEFAULT 0, message TEXT)"));
    // Analyses: parameters and provenance of every result kept in the workspace, so that a
    // result can be reopened, redrawn and put in a report.
    exec(QStringLiteral(
        "CREATE TABLE vigie_analyses (id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT, "
        "input_layer TEXT, parameters TEXT NOT NULL, summary TEXT, result_layer TEXT, "
        "created_at TEXT NOT NULL)"));
    // Raster layers (KDE heatmaps): one grid per layer, float32 little-endian, zlib-compressed.
    exec(QStringLiteral("CREATE TABLE vigie_rasters (layer TEXT PRIMARY KEY, x_min REAL NOT NULL, "
                        "y_min REAL NOT NULL, cell_size REAL NOT NULL, cols INTEGER NOT NULL, "
                        "rows INTEGER NOT NULL, data BLOB NOT NULL)"));
}

void Store::upgradeFeatureTableTo2(const LayerManifest &m)
{
    exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN _synced_at TEXT").arg(q(m.id)));
    if (!m.timeField.isEmpty())
        detail::execTemplate(m_db, detail::timeIndexSql(m));
    detail::execTemplate(m_db, detail::hubIndexSql(m));
}

void Store::createFeatureTable(const LayerManifest &m, int version)
{
    QStringList cols{QStringLiteral("fid INTEGER PRIMARY KEY")};
    for (const FieldDef &f : m.fields)
        cols << QStringLiteral("%1 %2").arg(q(f.name), sqlType(f.type));
    cols << QStringLiteral("_source TEXT") << QStringLiteral("_hub_id TEXT")
         << QStringLiteral("_hub_updated_at TEXT");
    exec(QStringLiteral("CREATE TABLE %1 (%2)").arg(q(m.id), cols.join(QStringLiteral(", "))));
    {
        Stmt add(m_db, QStringLiteral("SELECT AddGeometryColumn(?, 'geom', %1, '%2', 'XY')")
                           .arg(argText(2154), QLatin1String(spatialiteType(m.geometryType))));
        add.bind(1, m.id);
        if (!add.step() || add.int64(0) != 1)
            throw Exception(
                ErrorCode::Internal,
                StoreTr::tr("SpatiaLite could not add the geometry column of layer \"%1\".")
                    .arg(m.id));
    }
    {
        Stmt idx(m_db, QStringLiteral("SELECT CreateSpatialIndex(?, 'geom')"));
        idx.bind(1, m.id);
        if (!idx.step() || idx.int64(0) != 1)
            throw Exception(ErrorCode::Internal,
                            StoreTr::tr("SpatiaLite could not index layer \"%1\".").arg(m.id));
    }
    if (version >= 2)
        upgradeFeatureTableTo2(m);
}

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
        sp.release();
    });
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
            sp.release();
            return;
        }
        {
            Stmt dis(m_db, QStringLiteral("SELECT DisableSpatialIndex(?, 'geom')"));
            dis.bind(1, id);
            dis.step();
        }
        exec(QStringLiteral("DROP TABLE IF EXISTS %1")
                 .arg(q(QStringLiteral("idx_%1_geom").arg(id))));
        {
            Stmt disc(m_db, QStringLiteral("SELECT DiscardGeometryColumn(?, 'geom')"));
            disc.bind(1, id);
            disc.step();
        }
        for (const char *table : {"geometry_columns_statistics", "geometry_columns_field_infos",
                                  "geometry_columns_time", "geometry_columns_auth"}) {
            Stmt del(m_db, QStringLiteral("DELETE FROM %1 WHERE f_table_name = lower(?)")
                               .arg(QLatin1String(table)));
            del.bind(1, id);
            del.step();
        }
        exec(QStringLiteral("DROP TABLE %1").arg(q(id)));
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

// --- transactions ----------------------------------------------------------------------------

Store::Transaction::Transaction(Store &store) : m_store(&store)
{
    store.requireWritable();
    // The outermost transaction takes the write lock first (BEGIN IMMEDIATE): a concurrent
    // writer makes it wait (busy timeout) rather than fail when its first write comes.
    m_outermost = store.m_txDepth == 0;
    store.exec(m_outermost ? QStringLiteral("BEGIN IMMEDIATE")
                           : QStringLiteral("SAVEPOINT vigie_tx"));
    if (store.m_txDepth++ == 0)
        sqlite3_exec(store.m_db, "PRAGMA cache_size = -262144", nullptr, nullptr, nullptr);
}

Store::Transaction::~Transaction()
{
    if (!m_done) {
        if (m_outermost) {
            sqlite3_exec(m_store->m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        } else {
            sqlite3_exec(m_store->m_db, "ROLLBACK TO vigie_tx", nullptr, nullptr, nullptr);
            sqlite3_exec(m_store->m_db, "RELEASE vigie_tx", nullptr, nullptr, nullptr);
        }
        // The rollback restored the triggers dropped for bulk loading in this transaction.
        const int depth = m_store->m_txDepth;
        std::erase_if(m_store->m_bulk, [depth](const BulkLayer &b) { return b.depth >= depth; });
        if (m_store->m_bulk.empty())
            m_store->m_bulkFailed = false;
        if (--m_store->m_txDepth == 0)
            sqlite3_exec(m_store->m_db, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    }
}

void Store::Transaction::commit()
{
    if (m_done)
        return;
    if (m_store->m_bulkFailed)
        throw Exception(
            ErrorCode::Internal,
            StoreTr::tr("The spatial index of %1 could not be completed; the changes are "
                        "not committed.")
                .arg(m_store->m_path));
    m_store->finishAllBulk();
    m_store->exec(m_outermost ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE vigie_tx"));
    m_done = true;
    if (--m_store->m_txDepth == 0)
        sqlite3_exec(m_store->m_db, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
}

void Store::beginBulk(const QString &layerId)
{
    for (BulkLayer &b : m_bulk) {
        if (b.layer == layerId) {
            ++b.users;
            return;
        }
    }
    BulkLayer b;
    b.layer = layerId;
    b.depth = m_txDepth;
    b.users = 1;
    // The triggers to restore come from this build's templates, never from the file: the
    // file's own text is not executed (it might not be what SpatiaLite wrote).
    const QString gii = QStringLiteral("gii_%1_geom").arg(layerId);
    const QString tmi = QStringLiteral("tmi_%1_geom").arg(layerId);
    auto present = [&](const QString &type, const QString &name) {
        Stmt s(m_db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?"));
        s.bind(1, type);
        s.bind(2, name);
        return s.step();
    };
    {
        Stmt g(m_db, QStringLiteral("SELECT geometry_type, coord_dimension, spatial_index_enabled "
                                    "FROM geometry_columns WHERE f_table_name = lower(?) AND "
                                    "f_geometry_column = 'geom'"));
        g.bind(1, layerId);
        if (!g.step())
            return; // not a geometry table: nothing to speed up
        for (const detail::SchemaObject &o :
             detail::geometryTriggers(layerId, QStringLiteral("geom"), int(g.int64(0)),
                                      int(g.int64(1)), int(g.int64(2)))) {
            if (o.name == gii && present(QStringLiteral("trigger"), gii))
                b.indexTriggerSql = o.sql.toUtf8();
            else if (o.name == tmi && present(QStringLiteral("trigger"), tmi))
                b.timeTriggerSql = o.sql.toUtf8();
        }
    }
    if (b.indexTriggerSql.isEmpty())
        return; // no spatial index trigger: nothing to speed up
    {
        Stmt s(m_db, QStringLiteral("SELECT coalesce(max(fid), 0) FROM %1").arg(q(layerId)));
        b.fromFid = s.step() ? s.int64(0) : 0;
    }
    {
        Stmt s(m_db, QStringLiteral("SELECT 1 FROM %1 LIMIT 1")
                         .arg(q(QStringLiteral("idx_%1_geom_rowid").arg(layerId))));
        b.indexWasEmpty = !s.step();
    }
    exec(QStringLiteral("DROP TRIGGER %1").arg(q(gii)));
    if (b.fromFid == 0) {
        // An empty table: building the time index once at the end (a sort) beats a million
        // random index insertions.
        const QString timeIndex = QStringLiteral("vigie_idx_%1_time").arg(layerId);
        if (present(QStringLiteral("index"), timeIndex))
            if (const auto m = layer(layerId))
                b.timeIndexSql = detail::timeIndexSql(*m).toUtf8();
        if (!b.timeIndexSql.isEmpty())
            exec(QStringLiteral("DROP INDEX %1").arg(q(timeIndex)));
    }
    if (!b.timeTriggerSql.isEmpty())
        exec(QStringLiteral("DROP TRIGGER %1").arg(q(tmi)));
    m_bulk.push_back(std::move(b));
}

void Store::finishBulk(BulkLayer &b)
{
    const QString index = QStringLiteral("idx_%1_geom").arg(b.layer);
    if (b.indexWasEmpty)
        detail::bulkLoadRTree(m_db, b.layer, QStringLiteral("geom"), index);
    else
        exec(QStringLiteral("INSERT OR REPLACE INTO %1 (pkid, xmin, xmax, ymin, ymax) SELECT fid, "
                            "MbrMinX(geom), MbrMaxX(geom), MbrMinY(geom), MbrMaxY(geom) FROM %2 "
                            "WHERE fid > %3 AND geom IS NOT NULL")
                 .arg(q(index), q(b.layer), argText(b.fromFid)));
    detail::execTemplate(m_db, QString::fromUtf8(b.indexTriggerSql));
    if (!b.timeIndexSql.isEmpty())
        detail::execTemplate(m_db, QString::fromUtf8(b.timeIndexSql));
    if (!b.timeTriggerSql.isEmpty()) {
        detail::execTemplate(m_db, QString::fromUtf8(b.timeTriggerSql));
        Stmt s(m_db, QStringLiteral("UPDATE geometry_columns_time SET last_insert = ? WHERE "
                                    "f_table_name = lower(?) AND f_geometry_column = 'geom'"));
        s.bind(1, m_clock.isEmpty() ? QDateTime::currentDateTimeUtc().toString(
                                          QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
                                    : m_clock.left(19) + QStringLiteral(".000Z"));
        s.bind(2, b.layer);
        s.step();
    }
}

void Store::endBulk(const QString &layerId)
{
    for (auto it = m_bulk.begin(); it != m_bulk.end(); ++it) {
        if (it->layer != layerId)
            continue;
        if (--it->users > 0)
            return;
        try {
            finishBulk(*it);
        } catch (const Exception &) {
            m_bulkFailed = true; // the commit will refuse; a rollback restores everything
        }
        m_bulk.erase(it);
        return;
    }
}

void Store::finishAllBulk()
{
    while (!m_bulk.empty()) {
        finishBulk(m_bulk.back());
        m_bulk.pop_back();
    }
}

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
