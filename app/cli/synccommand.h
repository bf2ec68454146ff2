// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

namespace vigie::cli {

/// vigie-cli sync: pulls layers from an OGC API - Features hub into a workspace (docs/hub.md).
int runSync(CliContext &ctx, const QStringList &args);

} // namespace vigie::cli
