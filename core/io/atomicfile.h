// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"

#include <QString>

namespace vigie::core {

/**
 * A file that appears at its final path complete, or not at all. The writer (SQLite, GDAL, a
 * QFile) writes to temporaryPath(), a fresh name in the same directory; commit() flushes it to
 * disk and renames it over the final path (the rename is atomic on one filesystem), then flushes
 * the directory. Until then the final path is untouched; an AtomicFile destroyed without a
 * commit (an error, an exception, a cancel) removes the temporary file and its SQLite and GDAL
 * side files. A process killed while writing leaves only a "*.part-XXXXXX" file, never a
 * half-written file under the final name.
 */
class AtomicFile
{
public:
    enum class Replace { Never, Existing };

    explicit AtomicFile(const QString &finalPath);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    const QString &finalPath() const { return m_final; }
    const QString &temporaryPath() const { return m_temporary; }

    /// Moves the finished temporary file to the final path. Replace::Never fails, leaving both
    /// files as they are, when the final path exists (also when it appeared meanwhile).
    Result<void> commit(Replace replace);
    /// Removes the temporary file now (the destructor does it too).
    void discard();
    bool committed() const { return m_committed; }

private:
    QString m_final;
    QString m_temporary;
    bool m_committed = false;
};

} // namespace vigie::core
