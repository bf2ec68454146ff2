// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vigie::core {

namespace {
/// Translation context of this file's messages (lupdate reads the macro).
struct AtomicFileTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::AtomicFile)
};

/// fsync of a file or directory by name; false with errno set on failure.
bool syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return ok;
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

AtomicFile::AtomicFile(const QString &finalPath) : m_final(QFileInfo(finalPath).absoluteFilePath())
{
    const QFileInfo info(m_final);
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    do {
        QString suffix;
        for (int i = 0; i < 6; ++i)
            suffix += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(36)]);
        m_temporary = info.absolutePath() + QLatin1Char('/') + info.fileName() +
                      QStringLiteral(".part-") + suffix;
    } while (QFileInfo::exists(m_temporary) || QFileInfo(m_temporary).isSymLink());
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        discard();
}

void AtomicFile::discard()
{
    for (const char *side : {"", "-journal", "-wal", "-shm", ".aux.xml"})
        QFile::remove(m_temporary + QLatin1String(side));
}

Result<void> AtomicFile::commit(Replace replace)
{
    if (m_committed)
        return {};
    const QByteArray from = QFile::encodeName(m_temporary);
    const QByteArray to = QFile::encodeName(m_final);
    if (!syncPath(m_temporary, false))
        return Error{ErrorCode::Io,
                     AtomicFileTr::tr("Cannot write %1: %2").arg(m_final, systemError(errno))};
    int rc = 0;
    if (replace == Replace::Existing) {
        rc = std::rename(from.constData(), to.constData());
    } else {
        // No-clobber and atomic: renameat2(RENAME_NOREPLACE) where the filesystem has it, else
        // a hard link (which fails if the name exists) then unlinking the temporary name.
        rc = ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            rc = ::link(from.constData(), to.constData());
            if (rc == 0)
                ::unlink(from.constData());
        }
    }
    if (rc != 0) {
        const int error = errno;
        if (error == EEXIST)
            return Error{
                ErrorCode::Io,
                AtomicFileTr::tr("Cannot write %1: the file already exists.").arg(m_final)};
        return Error{ErrorCode::Io,
                     AtomicFileTr::tr("Cannot write %1: %2").arg(m_final, systemError(error))};
    }
    m_committed = true;
    syncPath(QFileInfo(m_final).absolutePath(), true); // durability of the name; best effort
    return {};
}

} // namespace vigie::core
