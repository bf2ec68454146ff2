// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <stdexcept>
#include <utility>
#include <variant>

namespace vigie::core {

/// What went wrong, for the user: a code for programs and a translated message for people.
enum class ErrorCode {
    Io,           ///< file missing, unreadable, disk full
    NotAStore,    ///< the file is not a Vigie workspace
    Damaged,      ///< a Vigie workspace whose content is inconsistent or corrupt
    TooNew,       ///< written by a newer Vigie than this one
    InvalidInput, ///< malformed file, invalid geometry, unexpected field
    Crs,          ///< missing, unknown or impossible coordinate reference system
    UnknownLayer, ///< a layer id not in the catalogue / registry
    Canceled,     ///< the user stopped the work
    Busy,         ///< another program holds the workspace (it is writing to it)
    Internal,     ///< a bug: should never reach the user
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; ///< translated, names the file / feature / layer concerned
};

/// Exception used inside core; converted to Result at public boundaries.
class Exception : public std::runtime_error
{
public:
    Exception(ErrorCode code, const QString &message)
        : std::runtime_error(message.toStdString()), m_error{code, message}
    {
    }
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

/// A value or an Error, returned across public boundaries (store, import, CLI, plugins).
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<T>(m_data); }
    const T &value() const { return std::get<T>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_data); }

    /// Inside core, where errors travel as Exception: throws the error, if any.
    void orThrow() const
    {
        if (!ok())
            throw Exception(error().code, error().message);
    }
    /// Inside core: the value, or the error thrown.
    T &valueOrThrow() &
    {
        if (!ok())
            throw Exception(error().code, error().message);
        return value();
    }
    T valueOrThrow() &&
    {
        if (!ok())
            throw Exception(error().code, error().message);
        return std::move(value());
    }

private:
    std::variant<T, Error> m_data;
};

/// Result for operations without a value.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    /// Inside core: throws the error as an Exception, if any.
    void orThrow() const
    {
        if (m_error)
            throw Exception(m_error->code, m_error->message);
    }

private:
    std::optional<Error> m_error;
};

/// Runs f(), turning a core::Exception into an Error result (the boundary conversion).
template <typename F> auto captureErrors(F &&f) -> Result<decltype(f())>
{
    try {
        if constexpr (std::is_void_v<decltype(f())>) {
            f();
            return {};
        } else {
            return f();
        }
    } catch (const Exception &e) {
        return e.error();
    }
}

} // namespace vigie::core
