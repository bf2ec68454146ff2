// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"
#include "../argtext.h"
#include "statement.h"
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
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <sqlite3.h>
// sqlite3.h first: spatialite.h uses its types.
#include <spatialite.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unistd.h>

namespace vigie::core {

using namespace storedetail;

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
    if (access != Access::ReadOnly) {
        detail::setSqlAccess(m_db, detail::SqlAccess::Normal);
        // Every row written, by whichever code path: the tables whose statistics the commit
        // then brings up to date (refreshStatistics()).
        sqlite3_update_hook(
            m_db,
            [](void *self, int, const char *database, const char *table, sqlite3_int64) {
                auto &changed = static_cast<Store *>(self)->m_changedTables;
                if (std::strcmp(database, "main") != 0)
                    return;
                // A few tables per transaction (a layer, its R*Tree's): a short list.
                if (std::find(changed.begin(), changed.end(), table) == changed.end())
                    changed.emplace_back(table);
            },
            this);
    }
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
            if (version < kReadableFromSchema)
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
            else if (v == 3)
                migrateTo4();
            else if (v == 4)
                migrateTo5();
            else if (v == 5)
                migrateTo6();
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
        cols << QStringLiteral("%1 %2").arg(q(f.name), f.type == FieldType::DateTime && version < 4
                                                           ? QStringLiteral("TEXT")
                                                           : sqlType(f.type));
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
        if (m_outermost)
            m_store->m_changedTables.clear();
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
    if (m_outermost)
        m_store->refreshStatistics();
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

} // namespace vigie::core
