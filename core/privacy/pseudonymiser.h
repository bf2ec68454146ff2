// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layermanifest.h"
#include "../result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace vigie::core {

/**
 * Personal data at ingest (GDPR): fields a layer manifest marks `"personal": "drop"` are never
 * stored, fields marked `"pseudonymise"` are replaced by a keyed pseudonym, "P-" followed by 16
 * hex digits of HMAC-SHA256(key, field name + value). The same value of the same field always
 * gives the same pseudonym under one key (counts, repeat victims and links still work), and
 * without the key the value cannot be found again by trying candidates (plates, names).
 *
 * The key is NOT in the workspace: a file of 32 random bytes, by default
 * `<config>/Ville de Marseille/Vigie/pseudonym.key` (created on first use, readable by its owner
 * only), or the file named by VIGIE_PSEUDONYM_KEY_FILE (a key shared by a team, so that their
 * workspaces agree on pseudonyms). Import and hub sync both apply it.
 */
class Pseudonymiser
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::Pseudonymiser)

public:
    /// The key of this user or deployment (created when missing). Error when it cannot be read
    /// or written, or is shorter than 16 bytes.
    static Result<Pseudonymiser> load();
    /// A pseudonymiser with a given key (tests, tools).
    static Pseudonymiser withKey(const QByteArray &key);
    /// Where load() reads the key.
    static QString keyPath();

    /// The pseudonym of a value of a field (null stays null; whitespace at the ends and case are
    /// ignored, so "AB-123-CD " and "ab-123-cd" agree).
    QString pseudonym(const QString &field, const QString &value) const;

    /// A field's value as stored: null for "drop", the pseudonym for "pseudonymise", unchanged
    /// otherwise.
    QVariant protect(const FieldDef &field, const QVariant &value) const;

private:
    QByteArray m_key;
};

} // namespace vigie::core
