// SPDX-License-Identifier: GPL-3.0-or-later
// Personal data at ingest: fields marked "drop" are never stored, fields marked "pseudonymise"
// are stored as keyed pseudonyms (same value, same pseudonym; another key, another pseudonym),
// the key lives outside the workspace, and the clear values are found nowhere in the store files.

#include "core/io/importer.h"
#include "core/layermanifest.h"
#include "core/privacy/pseudonymiser.h"
#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie::core;

namespace {

const char *kManifest = R"({
  "vigieLayer": 1, "id": "signalements", "title": {"fr": "Signalements", "en": "Reports"},
  "geometryType": "Point", "categoryField": "motif",
  "fields": [
    {"name": "motif", "type": "string"},
    {"name": "plaque", "type": "string", "personal": "pseudonymise"},
    {"name": "telephone", "type": "string", "personal": "drop"}
  ]
})";

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keyFile = m_dir.filePath(QStringLiteral("keys/pseudonym.key"));
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", m_keyFile.toUtf8());
    }

    void pseudonymsAreKeyedAndStable()
    {
        FieldDef plate;
        plate.name = QStringLiteral("plaque");
        plate.personal = PersonalData::Pseudonymise;
        const Pseudonymiser a = Pseudonymiser::withKey(QByteArray(32, 'a'));
        const Pseudonymiser b = Pseudonymiser::withKey(QByteArray(32, 'b'));
        const QString p = a.protect(plate, QStringLiteral("AB-123-CD")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^P-[0-9a-f]{16}$")).match(p).hasMatch(),
                 qPrintable(p));
        QCOMPARE(a.protect(plate, QStringLiteral(" ab-123-cd ")).toString(), p); // case, spaces
        QVERIFY(a.protect(plate, QStringLiteral("AB-123-CE")).toString() != p);
        QVERIFY(b.protect(plate, QStringLiteral("AB-123-CD")).toString() != p); // another key
        FieldDef other = plate;
        other.name = QStringLiteral("autre");
        QVERIFY(a.protect(other, QStringLiteral("AB-123-CD")).toString() != p); // another field
        QVERIFY(a.protect(plate, QVariant()).isNull());
        FieldDef phone;
        phone.name = QStringLiteral("telephone");
        phone.personal = PersonalData::Drop;
        QVERIFY(a.protect(phone, QStringLiteral("0491000000")).isNull());
        FieldDef plain;
        plain.name = QStringLiteral("motif");
        QCOMPARE(a.protect(plain, QStringLiteral("vol")).toString(), QStringLiteral("vol"));
    }

    void theKeyIsMadeOnceOutsideTheWorkspace()
    {
        QVERIFY(!QFile::exists(m_keyFile));
        // A key named by VIGIE_PSEUDONYM_KEY_FILE must exist: a mistyped name is an error, never
        // a new key (issue 16, finding 10).
        auto missing = Pseudonymiser::load();
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(QLatin1String("does not exist")) &&
                     missing.error().message.contains(m_keyFile),
                 qPrintable(missing.error().message));
        QVERIFY(!QFile::exists(m_keyFile));
        QVERIFY(Pseudonymiser::createKey(m_keyFile).ok());
        QVERIFY(!Pseudonymiser::createKey(m_keyFile).ok()); // never replaced
        QVERIFY(QDir(QFileInfo(m_keyFile).absolutePath())
                    .entryList(QDir::Files | QDir::Hidden)
                    .size() == 1); // no temporary left beside it
        auto first = Pseudonymiser::load();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(QFile(m_keyFile).size(), 32);
        QCOMPARE(QFile(m_keyFile).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        auto second = Pseudonymiser::load();
        QVERIFY(second.ok());
        QCOMPARE(second->pseudonym(QStringLiteral("plaque"), QStringLiteral("X")),
                 first->pseudonym(QStringLiteral("plaque"), QStringLiteral("X")));
        // A damaged key is refused with a message naming the file, never replaced.
        const QString shortKey = m_dir.filePath(QStringLiteral("short.key"));
        writeFile(shortKey, "abc");
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", shortKey.toUtf8());
        auto bad = Pseudonymiser::load();
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(shortKey));
        QCOMPARE(readAll(shortKey), QByteArray("abc"));
        // A key others can read is refused until its permissions are fixed.
        const QString openKey = m_dir.filePath(QStringLiteral("open.key"));
        writeFile(openKey, QByteArray(32, 'k'));
        QFile::setPermissions(openKey, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadGroup | QFileDevice::ReadOther);
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", openKey.toUtf8());
        auto exposed = Pseudonymiser::load();
        QVERIFY(!exposed.ok());
        QVERIFY2(exposed.error().message.contains(QLatin1String("chmod 600")),
                 qPrintable(exposed.error().message));
        QFile::setPermissions(openKey, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(Pseudonymiser::load().ok());
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", m_keyFile.toUtf8());
        // A manifest cannot pseudonymise a number.
        auto wrong =
            LayerManifest::fromJson(QByteArray(kManifest).replace(R"("plaque", "type": "string")",
                                                                  R"("plaque", "type": "integer")"),
                                    QStringLiteral("test"));
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(QStringLiteral("personal")));
    }

    void spellingsOfOneIdentifierAgree_data()
    {
        QTest::addColumn<QStringList>("spellings");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("French mobile")
            << QStringList{"06 12 34 56 78", "0612345678",        "06.12.34.56.78",
                           "06-12-34-56-78", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
                           "0033612345678",  " +33612345678 "}
            << "+33612345678";
        QTest::newRow("foreign number")
            << QStringList{"+49 30 1234567", "0049 30 1234567"} << "+49301234567";
        QTest::newRow("e-mail") << QStringList{"Jean.Dupont@Example.FR", " jean.dupont@example.fr"}
                                << "jean.dupont@example.fr";
        QTest::newRow("plate") << QStringList{"AB-123-CD", "ab 123 cd", "AB123CD", " ab-123-cd "}
                               << "AB123CD";
        QTest::newRow("name") << QStringList{"Jean  Dupont", " JEAN DUPONT"} << "jean dupont";
        // Not a telephone number: left as text.
        QTest::newRow("short number") << QStringList{"12 34"} << "12 34";
    }

    void spellingsOfOneIdentifierAgree()
    {
        QFETCH(QStringList, spellings);
        QFETCH(QString, normalised);
        const Pseudonymiser key = Pseudonymiser::withKey(QByteArray(32, 'z'));
        for (const QString &s : spellings) {
            QCOMPARE(Pseudonymiser::normalise(s), normalised);
            QCOMPARE(key.pseudonym(QStringLiteral("f"), s),
                     key.pseudonym(QStringLiteral("f"), normalised));
        }
    }

    void theWorkspaceKnowsItsKey()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyed.vigie"));
        auto store = Store::create(path);
        QVERIFY(store.ok());
        auto first = Pseudonymiser::forWorkspace(**store);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE((*store)->meta(QStringLiteral("pseudonym_key_id")), first->keyId());
        QVERIFY(!first->keyId().isEmpty());

        // Another key: refused, and the workspace keeps its id.
        const QString other = m_dir.filePath(QStringLiteral("other.key"));
        QVERIFY(Pseudonymiser::createKey(other).ok());
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", other.toUtf8());
        auto wrong = Pseudonymiser::forWorkspace(**store);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message.contains(first->keyId()), qPrintable(wrong.error().message));
        QCOMPARE((*store)->meta(QStringLiteral("pseudonym_key_id")), first->keyId());

        // The key lost: an error with instructions, and no new key is made.
        const QString gone = m_dir.filePath(QStringLiteral("gone/pseudonym.key"));
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", gone.toUtf8());
        auto lost = Pseudonymiser::forWorkspace(**store);
        QVERIFY(!lost.ok());
        QVERIFY2(lost.error().message.contains(QLatin1String("Restore that key")),
                 qPrintable(lost.error().message));
        QVERIFY(!QFileInfo::exists(gone));

        // The import refuses too, before writing anything.
        auto manifest = LayerManifest::fromJson(kManifest, QStringLiteral("test"));
        QVERIFY(manifest.ok());
        QVERIFY((*store)->addLayer(*manifest, QStringLiteral("test")).ok());
        const QString geojson = m_dir.filePath(QStringLiteral("one.geojson"));
        writeFile(geojson, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"motif": "rodeo", "plaque": "AA-111-AA", "telephone": null},
  "geometry": {"type": "Point", "coordinates": [5.3698, 43.2965]}}]})");
        ImportOptions o;
        o.layerId = QStringLiteral("signalements");
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", other.toUtf8());
        auto refused = Importer::importFile(**store, geojson, o);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(first->keyId()),
                 qPrintable(refused.error().message));
        QCOMPARE((*store)->featureCount(QStringLiteral("signalements")), 0);
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", m_keyFile.toUtf8());
        auto accepted = Importer::importFile(**store, geojson, o);
        QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().message));
    }

    void importStoresPseudonymsAndNoClearValue()
    {
        const QString path = m_dir.filePath(QStringLiteral("w.vigie"));
        auto store = Store::create(path);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        auto manifest = LayerManifest::fromJson(kManifest, QStringLiteral("test"));
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        QVERIFY((*store)->addLayer(*manifest, QStringLiteral("test")).ok());
        const QString geojson = m_dir.filePath(QStringLiteral("signalements.geojson"));
        writeFile(geojson, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"motif": "stationnement", "plaque": "GH-404-ZZ", "telephone": "0611223344"},
  "geometry": {"type": "Point", "coordinates": [5.3698, 43.2965]}},
 {"type": "Feature", "properties": {"motif": "rodeo", "plaque": "gh-404-zz", "telephone": "0611223344"},
  "geometry": {"type": "Point", "coordinates": [5.3712, 43.2971]}},
 {"type": "Feature", "properties": {"motif": "rodeo", "plaque": "KL-777-QQ", "telephone": null},
  "geometry": {"type": "Point", "coordinates": [5.3725, 43.2980]}}]})");
        ImportOptions o;
        o.layerId = QStringLiteral("signalements");
        auto r = Importer::importFile(**store, geojson, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->features, 3);
        auto snap = (*store)->loadSnapshot(QStringLiteral("signalements"));
        QVERIFY(snap.ok());
        const Pseudonymiser key = *Pseudonymiser::load();
        QStringList plates;
        for (std::size_t i = 0; i < (*snap)->size(); ++i) {
            auto a = (*store)->attributes(QStringLiteral("signalements"), (*snap)->fids[i]);
            QVERIFY(a.ok());
            QVERIFY(a->value(QStringLiteral("telephone")).isNull());
            plates << a->value(QStringLiteral("plaque")).toString();
        }
        plates.sort();
        QStringList expected{key.pseudonym(QStringLiteral("plaque"), QStringLiteral("GH-404-ZZ")),
                             key.pseudonym(QStringLiteral("plaque"), QStringLiteral("GH-404-ZZ")),
                             key.pseudonym(QStringLiteral("plaque"), QStringLiteral("KL-777-QQ"))};
        expected.sort();
        QCOMPARE(plates, expected); // the same vehicle twice is still the same vehicle
        store->reset();
        // Nothing clear on disk: the workspace and its WAL.
        for (const QString &file : {path, path + QStringLiteral("-wal")}) {
            const QByteArray bytes = readAll(file);
            for (const char *secret : {"GH-404-ZZ", "gh-404-zz", "KL-777-QQ", "0611223344"})
                QVERIFY2(!bytes.contains(secret),
                         qPrintable(file + QStringLiteral(": ") + QLatin1String(secret)));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_keyFile;
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "test_privacy.moc"
