// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vigie::core {

/// What a checked path is for the user, so that messages are whole sentences in each language.
enum class InputKind {
    Workspace, ///< a Vigie workspace
    File,      ///< a data file, manifest, template or key
};

/**
 * Checks that path names a regular file this process can read, before anything opens it (a FIFO
 * would block the open; a folder or a device is never a data file). Throws core::Exception
 * (ErrorCode::Io) with a translated message saying which it is: missing, a folder, not a regular
 * file (FIFO, socket, device) or unreadable.
 */
void requireReadableFile(const QString &path, InputKind kind = InputKind::File);

} // namespace vigie::core
