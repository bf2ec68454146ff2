// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layermanifest.h"
#include "../result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace vigie::core {

class Store;

/**
 * Personal data at ingest (GDPR): fields a layer manifest marks `"personal": "drop"` are never
 * stored, fields marked `"pseudonymise"` are replaced by a keyed pseudonym, "P-" followed by 16
 * hex digits of HMAC-SHA256(key, field name + normalised value). The same value of the same field
 * always gives the same pseudonym under one key (counts, repeat victims and links still work), and
 * without the key the value cannot be found again by trying candidates (plates, names).
 *
 * Values are normalised first, so that spellings of one identifier agree: ends trimmed and inner
 * blanks collapsed; e-mail addresses lower-cased; telephone numbers written as E.164 (French
 * national numbers "06 12 34 56 78", "06.12.34.56.78", "0033 6 …" all become "+33612345678");
 * French registration plates upper-cased without separators ("ab-123-cd", "AB 123 CD"); any other
 * text lower-cased.
 *
 * The key is NOT in the workspace: a file of 32 random bytes, by default
 * `<config>/Ville de Marseille/Vigie/pseudonym.key` (created on first use, owner-only), or the file
 * named by VIGIE_PSEUDONYM_KEY_FILE (a key shared by a team, so that their workspaces agree on
 * pseudonyms), which must exist: a mistyped name is an error, never a new key. The workspace keeps
 * the key's id (a hash that reveals nothing of the key), so a workspace pseudonymised under one
 * key refuses to go on under another, or when its key is missing, instead of giving the same
 * people new pseudonyms.
 */
class Pseudonymiser
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::Pseudonymiser)

public:
    /// The key of this user or deployment (the default key is created when missing). Error when
    /// it cannot be read, is readable by others, is shorter than 16 bytes, or is named by
    /// VIGIE_PSEUDONYM_KEY_FILE and missing.
    static Result<Pseudonymiser> load();
    /// The key for new personal data of this workspace: load(), then checked against the key id
    /// the workspace recorded (or recorded now, the first time; the store must be writable).
    /// A workspace with a recorded id never gets a new key made for it.
    static Result<Pseudonymiser> forWorkspace(Store &store);
    /// A pseudonymiser with a given key (tests, tools).
    static Pseudonymiser withKey(const QByteArray &key);
    /// Where load() reads the key.
    static QString keyPath();
    /// Writes a new random key to path, owner-only from its first byte and atomically (never a
    /// partial key file, never over an existing file). Gives the new key's id.
    static Result<QString> createKey(const QString &path);

    /// The key's id: 16 hex digits of a hash of the key (not enough to find the key).
    QString keyId() const;

    /// The pseudonym of a value of a field (null stays null; see normalise()).
    QString pseudonym(const QString &field, const QString &value) const;
    /// The form a value is pseudonymised in (see the class comment).
    static QString normalise(const QString &value);

    /// A field's value as stored: null for "drop", the pseudonym for "pseudonymise", unchanged
    /// otherwise.
    QVariant protect(const FieldDef &field, const QVariant &value) const;

private:
    QByteArray m_key;
};

} // namespace vigie::core
