// SPDX-License-Identifier: GPL-3.0-or-later
// WKB is read from workspaces (shared between analysts) and from files: any bytes give a
// geometry with finite bounds or a reason.
#include "core/store/wkb.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    vigie::core::Geometry g;
    const std::string why = vigie::core::detail::parseWkb(data, size, g);
    if (why.empty()) {
        const QRectF b = g.bounds;
        if (!std::isfinite(b.left()) || !std::isfinite(b.top()) || !std::isfinite(b.width()) ||
            !std::isfinite(b.height()))
            std::abort(); // accepted geometries have finite bounds
    }
    (void)vigie::core::detail::wkbTypeCode(data, size);
    return 0;
}
