// SPDX-License-Identifier: GPL-3.0-or-later
#include "printable.h"

#include <QByteArray>
#include <QUrl>

namespace vigie::core {

namespace {
bool unsafe(char32_t c)
{
    if (c == U'\n' || c == U'\t')
        return false;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    // Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
} // namespace

QString printableText(QStringView text, qsizetype maxLength)
{
    QString out;
    out.reserve(maxLength >= 0 ? std::min(text.size(), maxLength + 1) : text.size());
    qsizetype kept = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (maxLength >= 0 && kept >= maxLength) {
            out += QChar(0x2026);
            break;
        }
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate()) {
            out += QChar(QChar::ReplacementCharacter); // a lone half of a pair
        } else {
            out += unsafe(c.unicode()) ? QChar(QChar::ReplacementCharacter) : c;
        }
        ++kept;
    }
    return out;
}

QString redactSecrets(const QString &text, const QStringList &secrets)
{
    QString out = text;
    for (const QString &secret : secrets) {
        if (secret.size() < 4)
            continue;
        const QByteArray utf8 = secret.toUtf8();
        for (const QString &form :
             {secret, QString::fromLatin1(utf8.toBase64()),
              QString::fromLatin1(utf8.toBase64(QByteArray::Base64UrlEncoding)),
              QString::fromLatin1(QUrl::toPercentEncoding(secret))})
            out.replace(form, QStringLiteral("***"));
    }
    return out;
}

} // namespace vigie::core
