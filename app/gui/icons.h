// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace vigie::gui {

enum class IconKind {
    Pan,
    ZoomBox,
    ZoomIn,
    ZoomOut,
    Identify,
    FullExtent,
    ZoomLayer,
    Import,
    Open,
    New,
    Calendar
};

/// Small vector icons for the map toolbar, drawn at run time (no image files to ship).
QIcon toolIcon(IconKind kind);

} // namespace vigie::gui
