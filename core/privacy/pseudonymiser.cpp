// SPDX-License-Identifier: GPL-3.0-or-later
#include "pseudonymiser.h"

#include "../io/atomicfile.h"
#include "../store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigie::core {

namespace {
constexpr char kEnv[] = "VIGIE_PSEUDONYM_KEY_FILE";
const QString kMetaKeyId = QStringLiteral("pseudonym_key_id");

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

QString Pseudonymiser::keyPath()
{
    const QString env = qEnvironmentVariable(kEnv);
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("Ville de Marseille/Vigie/pseudonym.key"));
}

Result<QString> Pseudonymiser::createKey(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return Error{ErrorCode::Io, tr("The pseudonymisation key %1 already exists: it is never "
                                       "replaced.")
                                        .arg(path)};
    if (!QDir().mkpath(info.absolutePath()))
        return Error{ErrorCode::Io,
                     tr("Cannot create the folder of the pseudonymisation key %1.").arg(path)};
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    // Owner-only from its creation (not chmod after writing), complete before it has its name.
    AtomicFile output(path);
    const int fd = ::open(QFile::encodeName(output.temporaryPath()).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return Error{
            ErrorCode::Io,
            tr("Cannot create the pseudonymisation key %1: %2").arg(path, systemError(errno))};
    const bool written = ::write(fd, key.constData(), std::size_t(key.size())) == key.size() &&
                         ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    const int error = errno;
    ::close(fd);
    if (!written)
        return Error{
            ErrorCode::Io,
            tr("Cannot write the pseudonymisation key %1: %2").arg(path, systemError(error))};
    auto committed = output.commit(AtomicFile::Replace::Never);
    if (!committed)
        return committed.error();
    return withKey(key).keyId();
}

Result<Pseudonymiser> Pseudonymiser::load()
{
    const QString path = keyPath();
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!qEnvironmentVariable(kEnv).isEmpty())
            return Error{ErrorCode::Io,
                         tr("The pseudonymisation key %1 named by VIGIE_PSEUDONYM_KEY_FILE does "
                            "not exist. Check the name (a new key would give the same people "
                            "other pseudonyms); to start a new shared key there, run: vigie-cli "
                            "key --create %1")
                             .arg(path)};
        // First use of this account: its own key, written before anything is imported.
        auto created = createKey(path);
        if (!created && !QFileInfo::exists(path)) // (another process may have made it first)
            return created.error();
    } else if (!info.isFile()) {
        return Error{ErrorCode::InvalidInput,
                     tr("The pseudonymisation key %1 is not a regular file.").arg(path)};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            ErrorCode::Io,
            tr("Cannot read the pseudonymisation key %1: %2").arg(path, file.errorString())};
    constexpr auto kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                             QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & kOthers)
        return Error{ErrorCode::InvalidInput,
                     tr("The pseudonymisation key %1 can be read or changed by other users of "
                        "this computer: make it readable by its owner only (chmod 600 %1), then "
                        "try again.")
                         .arg(path)};
    const QByteArray key = file.read(4096);
    if (key.size() < 16)
        return Error{ErrorCode::InvalidInput,
                     tr("The pseudonymisation key %1 is too short (%2 bytes, at least 16).")
                         .arg(path, QString::number(key.size()))};
    return withKey(key);
}

Result<Pseudonymiser> Pseudonymiser::forWorkspace(Store &store)
{
    const QString recorded = store.meta(kMetaKeyId);
    if (!recorded.isEmpty() && !QFileInfo::exists(keyPath()))
        return Error{ErrorCode::Io,
                     tr("The personal fields of workspace %1 were pseudonymised with the key "
                        "whose id is %2, and there is no key at %3. Restore that key file, or "
                        "name it with VIGIE_PSEUDONYM_KEY_FILE: a new key would give the same "
                        "people other pseudonyms.")
                         .arg(store.path(), recorded, keyPath())};
    auto loaded = load();
    if (!loaded)
        return loaded.error();
    const QString id = loaded->keyId();
    if (recorded.isEmpty()) {
        try {
            store.setMeta(kMetaKeyId, id);
        } catch (const Exception &e) {
            return e.error();
        }
    } else if (recorded != id) {
        return Error{ErrorCode::InvalidInput,
                     tr("The pseudonymisation key %1 (id %2) is not the key workspace %3 was "
                        "pseudonymised with (id %4): the same people would get other pseudonyms. "
                        "Use that workspace's key (VIGIE_PSEUDONYM_KEY_FILE names it).")
                         .arg(keyPath(), id, store.path(), recorded)};
    }
    return loaded;
}

Pseudonymiser Pseudonymiser::withKey(const QByteArray &key)
{
    Pseudonymiser p;
    p.m_key = key;
    return p;
}

QString Pseudonymiser::keyId() const
{
    const QByteArray hash = QCryptographicHash::hash(
        QByteArrayLiteral("vigie pseudonymisation key id\x1f") + m_key, QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.left(8).toHex());
}

QString Pseudonymiser::normalise(const QString &value)
{
    const QString s = value.simplified();
    static const QRegularExpression email(QStringLiteral("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$"));
    if (email.match(s).hasMatch())
        return s.toLower();
    // Telephone numbers: digits with the usual separators, maybe "+CC" or "00CC" in front, and
    // the French "(0)" after the country code.
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9][0-9 .()/-]{5,}$"));
    if (phone.match(s).hasMatch()) {
        QString digits;
        for (QChar c : s)
            if (c.isDigit())
                digits += c;
        bool international = s.startsWith(QLatin1Char('+'));
        if (!international && digits.startsWith(QLatin1String("00"))) {
            digits.remove(0, 2);
            international = true;
        }
        if (international) {
            if (digits.startsWith(QLatin1String("330")) && digits.size() == 12)
                digits.remove(2, 1); // +33 (0)6 12 34 56 78
            if (digits.size() >= 8 && digits.size() <= 15 && !digits.startsWith(QLatin1Char('0')))
                return QLatin1Char('+') + digits;
        } else if (digits.size() == 10 && digits.startsWith(QLatin1Char('0')) &&
                   digits.at(1) != QLatin1Char('0')) {
            return QStringLiteral("+33") + digits.mid(1); // French national number
        }
    }
    // French registration plates (SIV: AB-123-CD).
    static const QRegularExpression plate(
        QStringLiteral("^([A-Za-z]{2})[ -]?([0-9]{3})[ -]?([A-Za-z]{2})$"));
    if (const auto m = plate.match(s); m.hasMatch())
        return (m.captured(1) + m.captured(2) + m.captured(3)).toUpper();
    return s.toLower();
}

QString Pseudonymiser::pseudonym(const QString &field, const QString &value) const
{
    const QByteArray message = field.toUtf8() + '\x1f' + normalise(value).toUtf8();
    const QByteArray mac =
        QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256);
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
