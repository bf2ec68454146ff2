// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputfile.h"

#include "../result.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace vigie::core {

namespace {
struct InputFileTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::InputFile)
};

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}
} // namespace

void requireReadableFile(const QString &path, InputKind kind)
{
    const bool ws = kind == InputKind::Workspace;
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            throw Exception(ErrorCode::Io,
                            ws ? InputFileTr::tr("The workspace %1 does not exist.").arg(path)
                               : InputFileTr::tr("The file %1 does not exist.").arg(path));
        throw Exception(
            ErrorCode::Io,
            ws ? InputFileTr::tr("The workspace %1 cannot be read: %2").arg(path, systemError(err))
               : InputFileTr::tr("The file %1 cannot be read: %2").arg(path, systemError(err)));
    }
    if (S_ISDIR(st.st_mode))
        throw Exception(ErrorCode::Io,
                        ws ? InputFileTr::tr("%1 is a folder, not a workspace file.").arg(path)
                           : InputFileTr::tr("%1 is a folder, not a file.").arg(path));
    if (!S_ISREG(st.st_mode))
        throw Exception(
            ErrorCode::Io,
            InputFileTr::tr("%1 is not a regular file (a pipe, a socket or a device).").arg(path));
    if (::access(native.constData(), R_OK) != 0) {
        const int err = errno;
        throw Exception(
            ErrorCode::Io,
            ws ? InputFileTr::tr("The workspace %1 cannot be read: %2").arg(path, systemError(err))
               : InputFileTr::tr("The file %1 cannot be read: %2").arg(path, systemError(err)));
    }
}

} // namespace vigie::core
