// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::core {

class Store;

/**
 * A prepared SQL statement on a workspace: the one wrapper over SQLite's statements, for the
 * store and the modules that keep their own tables in it (sync, reports). Errors throw
 * core::Exception with the store's classification (busy, damaged, full or read-only disk, …)
 * and the file named. Modules outside core/store never see sqlite3 (a lint test checks it).
 */
class Statement
{
public:
    Statement(const Store &store, const QString &sql);
    /// (core/store only: on the store's own connection)
    Statement(sqlite3 *db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    /// Steps; true when a row is available, false when done; throws on error.
    bool step();
    /// Back to the start, bindings cleared (to run it again).
    void reset();
    /// True when the statement cannot change the workspace.
    bool isReadOnly() const;

    void bind(int i, const QString &text); ///< a null QString binds NULL
    void bind(int i, std::int64_t v);
    void bind(int i, double v);
    void bindNull(int i);
    void bindBlob(int i, const QByteArray &bytes);
    void bindBlob(int i, const void *data, std::size_t size); ///< copied

    QString text(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    sqlite3_stmt *get() const { return m_stmt; } ///< (core/store only)

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

namespace detail {
/// The exception for a failed SQLite call on `db` (defined with the store's messages).
Exception sqlError(sqlite3 *db, int rc, const QString &context = QString());
} // namespace detail

} // namespace vigie::core
