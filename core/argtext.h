// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QLatin1String>
#include <QString>
#include <QStringView>

#include <type_traits>

namespace vigie {

/**
 * Messages take all their arguments in one QString::arg(a, b, …) call. Arguments substituted one
 * .arg() at a time are scanned again by the next .arg(): a file name, a layer title or a value
 * holding "%1" would garble the message. tests/unit/i18n/test_sourcerules.cpp refuses the
 * chained form anywhere in the sources; argText() gives a number as the one-argument .arg()
 * would have written it, so numbers join strings in the single call:
 *
 *     tr("%1: %2 features in %3 s").arg(path, argText(count), argText(seconds, 0, 'f', 1))
 */
inline QString argText(const QString &s)
{
    return s;
}
inline QString argText(QStringView s)
{
    return s.toString();
}
inline QString argText(QLatin1String s)
{
    return QString(s);
}
inline QString argText(const char *s)
{
    return QString::fromUtf8(s);
}
inline QString argText(QChar c)
{
    return QString(c);
}
template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                           !std::is_same_v<T, char>,
                                       int> = 0>
QString argText(T value, int fieldWidth = 0, int base = 10, QChar fill = QLatin1Char(' '))
{
    return QStringLiteral("%1").arg(value, fieldWidth, base, fill);
}
template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
QString argText(T value, int fieldWidth = 0, char format = 'g', int precision = -1,
                QChar fill = QLatin1Char(' '))
{
    return QStringLiteral("%1").arg(double(value), fieldWidth, format, precision, fill);
}

} // namespace vigie
