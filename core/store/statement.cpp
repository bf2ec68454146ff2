// SPDX-License-Identifier: GPL-3.0-or-later
#include "statement.h"

#include "store.h"

#include <sqlite3.h>

namespace vigie::core {

Statement::Statement(const Store &store, const QString &sql) : Statement(store.handle(), sql)
{
}

Statement::Statement(sqlite3 *db, const QString &sql) : m_db(db)
{
    const QByteArray s = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(db, s.constData(), int(s.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw detail::sqlError(db, rc, sql);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw detail::sqlError(m_db, rc);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isReadOnly() const
{
    return sqlite3_stmt_readonly(m_stmt) != 0;
}

void Statement::bind(int i, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_stmt, i);
        return;
    }
    const QByteArray b = text.toUtf8();
    sqlite3_bind_text(m_stmt, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int i, std::int64_t v)
{
    sqlite3_bind_int64(m_stmt, i, v);
}

void Statement::bind(int i, double v)
{
    sqlite3_bind_double(m_stmt, i, v);
}

void Statement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
}

void Statement::bindBlob(int i, const QByteArray &bytes)
{
    sqlite3_bind_blob(m_stmt, i, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

void Statement::bindBlob(int i, const void *data, std::size_t size)
{
    sqlite3_bind_blob(m_stmt, i, data, int(size), SQLITE_TRANSIENT);
}

QString Statement::text(int column) const
{
    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return t ? QString::fromUtf8(t, sqlite3_column_bytes(m_stmt, column)) : QString();
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray Statement::blob(int column) const
{
    const auto *d = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(d, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace vigie::core
