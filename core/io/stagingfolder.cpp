// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagingfolder.h"

#include "../result.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>

namespace vigie::core::detail {

namespace {

struct ExporterTr // the messages keep the exporter's translation context
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::Exporter)
};

[[noreturn]] void fail(ErrorCode code, const QString &message)
{
    throw Exception(code, message);
}

} // namespace

StagingFolder::StagingFolder(const QString &finalPath) : m_final(QFileInfo(finalPath))
{
    if (!m_final.absoluteDir().exists())
        fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1: the folder %2 does not exist.")
                                .arg(finalPath, m_final.absolutePath()));
    m_dir = std::make_unique<QTemporaryDir>(m_final.absolutePath() +
                                            QStringLiteral("/.vigie-export-XXXXXX"));
    if (!m_dir->isValid())
        fail(ErrorCode::Io, ExporterTr::tr("Cannot write in %1: %2")
                                .arg(m_final.absolutePath(), m_dir->errorString()));
}

QStringList StagingFolder::commit(bool overwrite)
{
    const QDir staged(m_dir->path());
    QStringList names = staged.entryList(QDir::Files | QDir::Hidden);
    names.removeAll(m_final.fileName());
    names.append(m_final.fileName());
    const QDir target = m_final.absoluteDir();
    for (const QString &n : names)
        if (QFileInfo::exists(target.filePath(n)) && !overwrite)
            fail(ErrorCode::Io, ExporterTr::tr("%1 exists already: choose another name, or "
                                               "replace it.")
                                    .arg(target.filePath(n)));
    QStringList out;
    for (const QString &n : names) {
        const QString to = target.filePath(n);
        if (QFileInfo::exists(to))
            QFile::remove(to);
        if (!QFile::rename(staged.filePath(n), to))
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1.").arg(to));
        out.prepend(to);
    }
    // The main file first, then its side files in name order.
    std::sort(out.begin() + 1, out.end());
    return out;
}

} // namespace vigie::core::detail
