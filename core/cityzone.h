// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimeZone>

namespace vigie::core {

/// Marseille's clock (Europe/Paris): date-times typed without an offset, local days and hours
/// are read on it. UTC when the system has no time zone data.
inline const QTimeZone &cityTimeZone()
{
    static const QTimeZone zone = [] {
        const QTimeZone paris(QByteArrayLiteral("Europe/Paris"));
        return paris.isValid() ? paris : QTimeZone::utc();
    }();
    return zone;
}

} // namespace vigie::core
