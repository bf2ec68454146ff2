// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitesecurity.h"

#include "../result.h"

#include <QCoreApplication>

#include <sqlite3.h>
// sqlite3.h first: spatialite.h uses its types.
#include <spatialite.h>

#include <cstring>
#include <strings.h>

namespace vigie::core::detail {

namespace {

struct SecurityTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Store)
};

// --- the authorizer ----------------------------------------------------------------------------

/// Functions that read or write files, reach URLs, load code or run SQL given as text. None of
/// them is used by Vigie; SpatiaLite registers some of them, and more when the environment sets
/// SPATIALITE_SECURITY=relaxed.
constexpr const char *kRefusedFunctions[] = {
    "load_extension", "readfile",     "writefile",  "edit",        "fts3_tokenizer",
    "blobtofile",     "blobfromfile", "xb_loadxml", "xb_storexml", "proj_setdatabasepath",
};
/// Refused by prefix: SpatiaLite's importers and exporters, its stored procedures and variables
/// (SQL kept as text and executed), and the readers of zipped shapefiles.
constexpr const char *kRefusedPrefixes[] = {"import",     "export",  "sqlproc_", "storedproc_",
                                            "storedvar_", "zipfile", "rl2_"};

/// PRAGMAs that only read, allowed while a file is identified.
constexpr const char *kReadPragmas[] = {
    "user_version",    "application_id", "page_size",    "page_count",
    "freelist_count",  "schema_version", "encoding",     "table_info",
    "table_xinfo",     "index_list",     "index_info",   "index_xinfo",
    "integrity_check", "quick_check",    "journal_mode", "data_version",
};

bool inList(const char *name, const char *const *list, std::size_t n, bool prefix)
{
    if (!name)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        if (prefix ? strncasecmp(name, list[i], std::strlen(list[i])) == 0
                   : strcasecmp(name, list[i]) == 0)
            return true;
    }
    return false;
}

/// Functions the code of a trigger or a view may call on a writable connection: those of
/// SpatiaLite's own triggers and views (schematemplates.cpp compares them with the file), and a
/// few plain built-ins. This stands in for trusted_schema OFF, which SpatiaLite's spatial-index
/// triggers cannot run under (SQLite 3.40's R*Tree module is not marked innocuous).
constexpr const char *kSchemaFunctions[] = {
    "lower",      "upper",    "like",      "glob",   "strftime", "geometryconstraints",
    "rtreealign", "coalesce", "ifnull",    "length", "substr",   "abs",
    "typeof",     "datetime", "julianday", "date",   "time",
};

int authorizeNormal(void *allowedAttach, int action, const char *a1, const char *a2, const char *,
                    const char *triggerOrView)
{
    switch (action) {
    case SQLITE_ATTACH:
        // Only a private temporary database (VACUUM attaches one named ""), or the one file
        // an AllowAttach scope names (VACUUM INTO): never a file named by SQL of the workspace.
        if (a1 && *a1 == '\0')
            return SQLITE_OK;
        if (allowedAttach && a1 &&
            *static_cast<const QByteArray *>(allowedAttach) == QByteArray(a1))
            return SQLITE_OK;
        return SQLITE_DENY;
    case SQLITE_DETACH:
        return a1 && std::strcmp(a1, "vacuum_db") == 0 ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_FUNCTION:
        if (triggerOrView && !inList(a2, kSchemaFunctions, std::size(kSchemaFunctions), false))
            return SQLITE_DENY;
        return isRefusedFunction(a2) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_PRAGMA:
        // The schema is never trusted, and never made writable.
        if (a2 && (strcasecmp(a1, "trusted_schema") == 0 || strcasecmp(a1, "writable_schema") == 0))
            return SQLITE_DENY;
        return SQLITE_OK;
    default:
        return SQLITE_OK;
    }
}

int authorizeIdentify(void *, int action, const char *a1, const char *a2, const char *,
                      const char *triggerOrView)
{
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_TRANSACTION: // BEGIN / COMMIT of a read transaction
        return SQLITE_OK;
    case SQLITE_FUNCTION:
        if (triggerOrView && !inList(a2, kSchemaFunctions, std::size(kSchemaFunctions), false))
            return SQLITE_DENY;
        return isRefusedFunction(a2) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_PRAGMA: {
        if (!inList(a1, kReadPragmas, std::size(kReadPragmas), false))
            return SQLITE_DENY;
        // journal_mode = X would change the file; only the query is allowed.
        if (a2 && strcasecmp(a1, "journal_mode") == 0)
            return SQLITE_DENY;
        return SQLITE_OK;
    }
    default:
        return SQLITE_DENY;
    }
}

[[noreturn]] void fail(sqlite3 *db, const QString &path, const char *what)
{
    throw Exception(ErrorCode::Internal,
                    SecurityTr::tr("Cannot prepare the connection to %1 (%2): %3")
                        .arg(path, QString::fromLatin1(what),
                             QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory")));
}

} // namespace

bool isRefusedFunction(const char *name)
{
    return inList(name, kRefusedFunctions, std::size(kRefusedFunctions), false) ||
           inList(name, kRefusedPrefixes, std::size(kRefusedPrefixes), true);
}

ShadowTableWrites::ShadowTableWrites(sqlite3 *db) : m_db(db)
{
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
}

ShadowTableWrites::~ShadowTableWrites()
{
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
}

AllowAttach::AllowAttach(sqlite3 *db, const QByteArray &file) : m_db(db), m_file(file)
{
    sqlite3_set_authorizer(m_db, authorizeNormal, &m_file);
}

AllowAttach::~AllowAttach()
{
    sqlite3_set_authorizer(m_db, authorizeNormal, nullptr);
}

void setSqlAccess(sqlite3 *db, SqlAccess access)
{
    sqlite3_set_authorizer(db, access == SqlAccess::Identify ? authorizeIdentify : authorizeNormal,
                           nullptr);
}

void hardenConnection(sqlite3 *db, const QString &path, void **spatialiteCache, bool trustedSchema)
{
    int value = -1;
    if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &value) != SQLITE_OK || value != 1)
        fail(db, path, "defensive");
    if (sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, trustedSchema ? 1 : 0, &value) !=
            SQLITE_OK ||
        value != (trustedSchema ? 1 : 0))
        fail(db, path, "trusted_schema");
    if (sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &value) != SQLITE_OK ||
        value != 0)
        fail(db, path, "load_extension");
    // SpatiaLite registers its file importers and exporters only when this is "relaxed".
    qunsetenv("SPATIALITE_SECURITY");
    *spatialiteCache = spatialite_alloc_connection();
    spatialite_init_ex(db, *spatialiteCache, 0);
    setSqlAccess(db, SqlAccess::Identify);
}

} // namespace vigie::core::detail
