// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vigie::core::detail {

/**
 * The folder an export is written in before it appears: beside the output (so the final move
 * is a rename on one filesystem), removed with whatever it still holds. GDAL's writers take
 * the staged path with the output's own name (some choose by extension). Throws
 * core::Exception.
 */
class StagingFolder
{
public:
    explicit StagingFolder(const QString &finalPath);

    /// Where the writer puts the main file.
    QString stagedPath() const { return m_dir->filePath(m_final.fileName()); }

    /// Moves every staged file beside the output; the main one last, so that it appears only
    /// with its side files. Returns the final paths, the main one first.
    QStringList commit(bool overwrite);

private:
    QFileInfo m_final;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace vigie::core::detail
