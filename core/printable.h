// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace vigie::core {

/**
 * Text from outside (a hub's error body, a feature id, a layer name read from a file) made safe
 * to print on a terminal or keep in a log: control characters (C0 but line feed and tab, DEL, C1,
 * so no terminal escape sequence survives) and the bidirectional overrides that reorder what a
 * reader sees become U+FFFD; the result is cut at maxLength characters (-1: no limit) with "…".
 */
QString printableText(QStringView text, qsizetype maxLength = -1);

/// text with every occurrence of each secret (and of its Base64 and percent-encoded forms)
/// replaced by "***"; secrets shorter than 4 characters are ignored (they would mask ordinary
/// words). For messages that may echo a credential back (a hub reflecting its request).
QString redactSecrets(const QString &text, const QStringList &secrets);

} // namespace vigie::core
