// SPDX-License-Identifier: GPL-3.0-or-later
#include "pseudonymiser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace vigie::core {

QString Pseudonymiser::keyPath()
{
    const QString env = qEnvironmentVariable("VIGIE_PSEUDONYM_KEY_FILE");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("Ville de Marseille/Vigie/pseudonym.key"));
}

Result<Pseudonymiser> Pseudonymiser::load()
{
    const QString path = keyPath();
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, tr("Cannot read the pseudonymisation key %1: %2").arg(path, file.errorString())};
        const QByteArray key = file.readAll();
        if (key.size() < 16)
            return Error{ErrorCode::InvalidInput,
                         tr("The pseudonymisation key %1 is too short (%2 bytes, at least 16).").arg(path).arg(key.size())};
        return withKey(key);
    }
    // First use: 32 random bytes, readable by the owner only, written before anything is imported.
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{ErrorCode::Io, tr("Cannot create the folder of the pseudonymisation key %1.").arg(path)};
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    if (!file.open(QIODevice::NewOnly | QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot create the pseudonymisation key %1: %2").arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(key) != key.size() || !file.flush())
        return Error{ErrorCode::Io, tr("Cannot write the pseudonymisation key %1: %2").arg(path, file.errorString())};
    return withKey(key);
}

Pseudonymiser Pseudonymiser::withKey(const QByteArray &key)
{
    Pseudonymiser p;
    p.m_key = key;
    return p;
}

QString Pseudonymiser::pseudonym(const QString &field, const QString &value) const
{
    const QByteArray message = field.toUtf8() + '\x1f' + value.trimmed().toLower().toUtf8();
    const QByteArray mac = QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256);
    return QStringLiteral("P-") + QString::fromLatin1(mac.left(8).toHex());
}

QVariant Pseudonymiser::protect(const FieldDef &field, const QVariant &value) const
{
    switch (field.personal) {
    case PersonalData::None:
        return value;
    case PersonalData::Drop:
        return {};
    case PersonalData::Pseudonymise:
        if (value.isNull() || !value.isValid() || value.toString().trimmed().isEmpty())
            return {};
        return pseudonym(field.name, value.toString());
    }
    return value;
}

} // namespace vigie::core
