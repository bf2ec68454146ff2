// SPDX-License-Identifier: GPL-3.0-or-later
#include "schematemplates.h"

#include "../result.h"
#include "sqlitesecurity.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <sqlite3.h>
// sqlite3.h first: spatialite.h uses its types.
#include <spatialite.h>

#include <map>
#include <mutex>
#include <tuple>

namespace vigie::core::detail {

namespace {

struct TemplatesTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Store)
};

QString quoted(const QString &identifier)
{
    QString s = identifier;
    s.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

[[noreturn]] void fail(sqlite3 *db, const QString &what)
{
    throw Exception(ErrorCode::Internal,
                    TemplatesTr::tr("Cannot build the schema templates (%1): %2")
                        .arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
}

/// A private in-memory SpatiaLite database where SpatiaLite writes its objects once, so that
/// their SQL is known from this build's code rather than read from a file.
class TemplateFactory
{
public:
    static TemplateFactory &instance()
    {
        static TemplateFactory f;
        return f;
    }

    std::map<QString, SchemaObject> metadataObjects()
    {
        std::lock_guard lock(m_mutex);
        return m_metadata;
    }

    std::vector<SchemaObject> geometryTriggers(int geometryType, int spatialIndex)
    {
        std::lock_guard lock(m_mutex);
        const auto key = std::make_pair(geometryType, spatialIndex);
        auto it = m_triggers.find(key);
        if (it != m_triggers.end())
            return it->second;
        const QString table =
            QStringLiteral("vigie_tpl_t%1").arg(m_next++, 4, 10, QLatin1Char('0'));
        static constexpr const char *kTypes[] = {
            "GEOMETRY",   "POINT",           "LINESTRING",   "POLYGON",
            "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"};
        static constexpr const char *kDims[] = {"XY", "XYZ", "XYM", "XYZM"};
        const int base = geometryType % 1000, dims = geometryType / 1000;
        std::vector<SchemaObject> out;
        if (geometryType < 0 || base > 7 || dims > 3) {
            m_triggers.emplace(key, out); // not a type SpatiaLite knows: no expected trigger
            return out;
        }
        exec(QStringLiteral("CREATE TABLE %1 (fid INTEGER PRIMARY KEY)").arg(quoted(table)));
        exec(QStringLiteral("SELECT AddGeometryColumn('%1', '%2', 2154, '%3', '%4')")
                 .arg(table, QLatin1String(kColumn), QLatin1String(kTypes[base]),
                      QLatin1String(kDims[dims])));
        if (spatialIndex == 1)
            exec(QStringLiteral("SELECT CreateSpatialIndex('%1', '%2')")
                     .arg(table, QLatin1String(kColumn)));
        else if (spatialIndex == 2)
            exec(QStringLiteral("SELECT CreateMbrCache('%1', '%2')")
                     .arg(table, QLatin1String(kColumn)));
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db,
                               "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                               "tbl_name = ? ORDER BY name",
                               -1, &st, nullptr) != SQLITE_OK)
            fail(m_db, QStringLiteral("triggers"));
        const QByteArray t = table.toUtf8();
        sqlite3_bind_text(st, 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
        while (sqlite3_step(st) == SQLITE_ROW) {
            SchemaObject o;
            o.type = QStringLiteral("trigger");
            o.name = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            o.sql = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 1)));
            o.name.replace(table, QLatin1String(kTablePlaceholder));
            o.sql.replace(table, QLatin1String(kTablePlaceholder));
            out.push_back(std::move(o));
        }
        sqlite3_finalize(st);
        m_triggers.emplace(key, out);
        return out;
    }

    static constexpr const char *kColumn = "vigie_tpl_column";
    static constexpr const char *kTablePlaceholder = "\x01table\x01";

private:
    TemplateFactory()
    {
        if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK)
            fail(m_db, QStringLiteral("open"));
        hardenConnection(m_db, QStringLiteral(":memory:"), &m_cache, true);
        setSqlAccess(m_db, SqlAccess::Normal);
        exec(QStringLiteral("SELECT InitSpatialMetadata(1, 'NONE')"));
        exec(QStringLiteral("SELECT InsertEpsgSrid(2154)"));
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db,
                               "SELECT type, name, sql FROM sqlite_master WHERE type IN "
                               "('trigger', 'view', 'index', 'table') AND sql IS NOT NULL",
                               -1, &st, nullptr) != SQLITE_OK)
            fail(m_db, QStringLiteral("metadata"));
        while (sqlite3_step(st) == SQLITE_ROW) {
            SchemaObject o;
            o.type = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            o.name = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 1)));
            o.sql = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 2)));
            m_metadata.emplace(o.name, o);
        }
        sqlite3_finalize(st);
    }
    ~TemplateFactory()
    {
        sqlite3_close_v2(m_db);
        spatialite_cleanup_ex(m_cache);
    }

    void exec(const QString &sql)
    {
        if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            fail(m_db, sql);
    }

    std::mutex m_mutex;
    sqlite3 *m_db = nullptr;
    void *m_cache = nullptr;
    int m_next = 1;
    std::map<QString, SchemaObject> m_metadata;
    std::map<std::pair<int, int>, std::vector<SchemaObject>> m_triggers;
};

/// Reads rows of a query; throws on error.
template <typename F> void forEachRow(sqlite3 *db, const char *sql, F &&f)
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        throw Exception(ErrorCode::Damaged,
                        TemplatesTr::tr("Cannot read the schema of %1: %2")
                            .arg(QString::fromUtf8(sqlite3_db_filename(db, "main")),
                                 QString::fromUtf8(sqlite3_errmsg(db))));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        f(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        throw Exception(ErrorCode::Damaged,
                        TemplatesTr::tr("Cannot read the schema of %1: %2")
                            .arg(QString::fromUtf8(sqlite3_db_filename(db, "main")),
                                 QString::fromUtf8(sqlite3_errstr(rc))));
}

QString text(sqlite3_stmt *st, int c)
{
    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, c));
    return t ? QString::fromUtf8(t, sqlite3_column_bytes(st, c)) : QString();
}

/// True when a CREATE TABLE statement holds expressions that SQLite evaluates on reads or
/// writes: CHECK constraints, DEFAULT (expression), generated columns. Quoted names and strings
/// are left out first, so a column named "check" does not count.
bool definitionHasCode(const QString &sql)
{
    QString bare;
    bare.reserve(sql.size());
    QChar quote;
    for (QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`'))
            quote = c;
        else if (c == QLatin1Char('['))
            quote = QLatin1Char(']');
        else
            bare += c;
    }
    static const QRegularExpression code(
        QStringLiteral("\\b(CHECK|GENERATED)\\b|\\bAS\\s*\\(|\\bDEFAULT\\s*\\("),
        QRegularExpression::CaseInsensitiveOption);
    return code.match(bare).hasMatch();
}

/// An index on an expression, or a partial index (its WHERE clause is evaluated on writes).
bool indexHasCode(sqlite3 *db, const QString &name, const QString &table)
{
    bool code = false;
    // Plain PRAGMA statements: the reading authorizer allows them (not their table forms).
    auto rows = [&](const QString &sql, auto &&f) {
        const QByteArray s = sql.toUtf8();
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, s.constData(), int(s.size()), &st, nullptr) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW)
                f(st);
        } else {
            code = true; // unreadable: not trusted
        }
        sqlite3_finalize(st);
    };
    rows(QStringLiteral("PRAGMA index_xinfo(%1)").arg(quoted(name)),
         [&](sqlite3_stmt *st) { code = code || sqlite3_column_int(st, 1) == -2; });
    rows(QStringLiteral("PRAGMA index_list(%1)").arg(quoted(table)), [&](sqlite3_stmt *st) {
        code = code || (text(st, 1) == name && sqlite3_column_int(st, 4) == 1);
    });
    return code;
}

} // namespace

QStringList SchemaAudit::untrustedObjects() const
{
    return unknownTriggers + unsafeDefinitions;
}

std::vector<SchemaObject> geometryTriggers(const QString &table, const QString &column,
                                           int geometryType, int coordDimension, int spatialIndex)
{
    Q_UNUSED(coordDimension) // the dimensions are part of SpatiaLite's geometry_type code
    std::vector<SchemaObject> out =
        TemplateFactory::instance().geometryTriggers(geometryType, spatialIndex);
    for (SchemaObject &o : out) {
        for (QString *s : {&o.name, &o.sql}) {
            s->replace(QLatin1String(TemplateFactory::kColumn), column);
            s->replace(QLatin1String(TemplateFactory::kTablePlaceholder), table);
        }
    }
    return out;
}

QString timeIndexSql(const LayerManifest &m)
{
    if (m.timeField.isEmpty())
        return {};
    return QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
        .arg(quoted(QStringLiteral("vigie_idx_%1_time").arg(m.id)), quoted(m.id),
             quoted(m.timeField));
}

QString hubIndexSql(const LayerManifest &m)
{
    return QStringLiteral("CREATE UNIQUE INDEX %1 ON %2 (_hub_id) WHERE _hub_id IS NOT NULL")
        .arg(quoted(QStringLiteral("vigie_idx_%1_hub").arg(m.id)), quoted(m.id));
}

SchemaAudit auditSchema(sqlite3 *db, int schemaVersion)
{
    std::map<QString, SchemaObject> expected = TemplateFactory::instance().metadataObjects();
    std::map<QString, SchemaObject> required; // must exist: recreated when missing
    forEachRow(db,
               "SELECT f_table_name, f_geometry_column, geometry_type, coord_dimension, "
               "spatial_index_enabled FROM geometry_columns",
               [&](sqlite3_stmt *st) {
                   for (SchemaObject &o :
                        geometryTriggers(text(st, 0), text(st, 1), sqlite3_column_int(st, 2),
                                         sqlite3_column_int(st, 3), sqlite3_column_int(st, 4)))
                       required.emplace(o.name, o);
               });
    if (schemaVersion >= 2) {
        forEachRow(db, "SELECT manifest FROM vigie_layers", [&](sqlite3_stmt *st) {
            auto m = LayerManifest::fromJson(text(st, 0).toUtf8(), QStringLiteral("vigie_layers"));
            if (!m)
                throw Exception(ErrorCode::Damaged, m.error().message);
            if (m->geometryType == GeometryType::Raster)
                return;
            SchemaObject hub{QStringLiteral("index"), QStringLiteral("vigie_idx_%1_hub").arg(m->id),
                             hubIndexSql(*m)};
            required.emplace(hub.name, hub);
            if (!m->timeField.isEmpty()) {
                SchemaObject time{QStringLiteral("index"),
                                  QStringLiteral("vigie_idx_%1_time").arg(m->id), timeIndexSql(*m)};
                required.emplace(time.name, time);
            }
        });
    }
    for (const auto &[name, o] : required)
        expected.insert_or_assign(name, o);

    SchemaAudit audit;
    std::map<QString, bool> present;
    forEachRow(db,
               "SELECT type, name, sql, tbl_name FROM sqlite_master WHERE type IN ('trigger', "
               "'view', 'index', 'table') AND sql IS NOT NULL ORDER BY name",
               [&](sqlite3_stmt *st) {
                   const QString type = text(st, 0), name = text(st, 1), sql = text(st, 2);
                   present[name] = true;
                   auto it = expected.find(name);
                   if (type == QLatin1String("table")) {
                       // SpatiaLite's tables as it writes them; any other table must hold no code.
                       const bool asTemplate = it != expected.end() && it->second.sql == sql;
                       if (!asTemplate && definitionHasCode(sql))
                           audit.unsafeDefinitions << name;
                   } else if (it != expected.end() && it->second.type == type) {
                       if (it->second.sql != sql)
                           audit.regenerate.push_back(it->second);
                   } else if (type == QLatin1String("trigger")) {
                       audit.unknownTriggers << name;
                   } else if (type == QLatin1String("index") &&
                              indexHasCode(db, name, text(st, 3))) {
                       audit.unsafeDefinitions << name;
                   } else {
                       audit.unknownOthers << name;
                   }
               });
    for (const auto &[name, o] : required)
        if (!present.count(name))
            audit.regenerate.push_back(o);
    return audit;
}

void execTemplate(sqlite3 *db, const QString &sql)
{
    const QByteArray s = sql.toUtf8();
    const char *tail = nullptr;
    sqlite3_stmt *st = nullptr;
    int rc = sqlite3_prepare_v2(db, s.constData(), int(s.size()), &st, &tail);
    if (rc == SQLITE_OK && tail && QByteArray(tail).trimmed().size() > 0) {
        sqlite3_finalize(st);
        throw Exception(ErrorCode::Internal,
                        TemplatesTr::tr("Refused to run SQL with more than one statement: %1")
                            .arg(sql.left(200)));
    }
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        }
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        throw Exception(
            (rc & 0xff) == SQLITE_BUSY ? ErrorCode::Busy : ErrorCode::Internal,
            TemplatesTr::tr("Database error in %1: %2 (in %3)")
                .arg(QString::fromUtf8(sqlite3_db_filename(db, "main")), message, sql.left(200)));
}

void repairSchema(sqlite3 *db, const SchemaAudit &audit, bool dropUnknownTriggers)
{
    for (const SchemaObject &o : audit.regenerate) {
        execTemplate(db,
                     QStringLiteral("DROP %1 IF EXISTS %2").arg(o.type.toUpper(), quoted(o.name)));
        execTemplate(db, o.sql);
    }
    if (dropUnknownTriggers)
        for (const QString &name : audit.unknownTriggers)
            execTemplate(db, QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(quoted(name)));
}

} // namespace vigie::core::detail
