// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/store.h"

#include <memory>
#include <mutex>

namespace vigie::gui {

/// The open workspace, shared with background tasks; the mutex serialises its use.
struct StoreHandle
{
    std::unique_ptr<core::Store> store;
    std::mutex mutex;
};

} // namespace vigie::gui
