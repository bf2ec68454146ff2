// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How Vigie opens an SQLite file it did not necessarily write (a workspace shared by a colleague,
// received by mail, found on a share): nothing in the file may make this process run code,
// touch another file or reach the network.

#include <QByteArray>
#include <QString>

struct sqlite3;

namespace vigie::core::detail {

/// What statements the authorizer lets through on a connection.
enum class SqlAccess {
    /// While a file is being identified: reading only (SELECT, read-only PRAGMAs, functions).
    Identify,
    /// Normal use: everything Vigie's own code does, never ATTACH/DETACH nor a function that
    /// reads or writes files, loads code or runs SQL text (kRefusedFunctions); trigger and view
    /// code may call only the few functions SpatiaLite's own triggers use.
    Normal,
};

/**
 * Hardens a freshly opened connection, before any statement reads the file's schema:
 * SQLITE_DBCONFIG_DEFENSIVE (no writable_schema, no writes to shadow tables), extension loading
 * off, the authorizer in Identify mode (setSqlAccess() changes it), then SpatiaLite loaded.
 *
 * trustedSchema false (reading connections) lets the triggers, views, indexes and CHECK
 * constraints of the file call innocuous functions only. Writable connections need it true:
 * SpatiaLite's spatial-index triggers use the R*Tree virtual table, which SQLite 3.40 does not
 * mark innocuous. They are opened only after Store has compared every trigger, index and table
 * definition with this build's templates (schematemplates.h), and the authorizer then limits
 * trigger and view code to the functions of SpatiaLite's own triggers. Throws core::Exception.
 */
void hardenConnection(sqlite3 *db, const QString &path, void **spatialiteCache, bool trustedSchema);

/// Changes the authorizer mode of a hardened connection.
void setSqlAccess(sqlite3 *db, SqlAccess access);

/**
 * Lets Vigie's own code write an R*Tree's shadow tables directly (the bulk loader) while it
 * lives: SQLITE_DBCONFIG_DEFENSIVE is off in that scope only. No SQL from the file runs there:
 * a writable store has no trigger Vigie did not write (Store::open()).
 */
class ShadowTableWrites
{
public:
    explicit ShadowTableWrites(sqlite3 *db);
    ~ShadowTableWrites();
    ShadowTableWrites(const ShadowTableWrites &) = delete;
    ShadowTableWrites &operator=(const ShadowTableWrites &) = delete;

private:
    sqlite3 *m_db;
};

/// Lets Vigie's own code attach exactly one file (VACUUM INTO a copy) while it lives, on a
/// connection in SqlAccess::Normal mode.
class AllowAttach
{
public:
    AllowAttach(sqlite3 *db, const QByteArray &file);
    ~AllowAttach();
    AllowAttach(const AllowAttach &) = delete;
    AllowAttach &operator=(const AllowAttach &) = delete;

private:
    sqlite3 *m_db;
    QByteArray m_file;
};

/// True for the names of functions no statement on a Vigie connection may call (case-insensitive).
bool isRefusedFunction(const char *name);

} // namespace vigie::core::detail
