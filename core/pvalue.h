// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

#include <cmath>

namespace vigie::core {

/// A p-value as statistics reports write it: "< 0.001" below one in a thousand (never "0.00"),
/// otherwise three decimals ("0.012"), in `locale`'s digits. Empty for NaN.
inline QString pValueNumber(double p, const QLocale &locale = QLocale::c())
{
    if (!std::isfinite(p))
        return {};
    if (p < 0.001)
        return QStringLiteral("< ") + locale.toString(0.001, 'f', 3);
    return locale.toString(std::min(p, 1.0), 'f', 3);
}

/// "p < 0.001" or "p = 0.012".
inline QString pValueText(double p, const QLocale &locale = QLocale::c())
{
    const QString n = pValueNumber(p, locale);
    if (n.isEmpty())
        return QStringLiteral("p = –");
    return n.startsWith(QLatin1Char('<')) ? QStringLiteral("p ") + n : QStringLiteral("p = ") + n;
}

/// The fields of result layers that hold p-values ("p", "p_sim", "trend_p").
inline bool isPValueField(const QString &name)
{
    return name == QLatin1String("p") || name.startsWith(QLatin1String("p_")) ||
           name.endsWith(QLatin1String("_p"));
}

} // namespace vigie::core
