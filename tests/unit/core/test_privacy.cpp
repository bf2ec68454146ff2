// SPDX-License-Identifier: GPL-3.0-or-later
// Personal data at ingest: fields marked "drop" are never stored, fields marked "pseudonymise"
// are stored as keyed pseudonyms (same value, same pseudonym; another key, another pseudonym),
// the key lives outside the workspace, and the clear values are found nowhere in the store files.

#include "core/io/importer.h"
#include "core/layermanifest.h"
#include "core/privacy/pseudonymiser.h"
#include "core/store/store.h"

#include <QFile>
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
        QVERIFY2(QRegularExpression(QStringLiteral("^P-[0-9a-f]{16}$")).match(p).hasMatch(), qPrintable(p));
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
        auto first = Pseudonymiser::load();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(QFile(m_keyFile).size(), 32);
        QCOMPARE(QFile(m_keyFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
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
        qputenv("VIGIE_PSEUDONYM_KEY_FILE", m_keyFile.toUtf8());
        // A manifest cannot pseudonymise a number.
        auto wrong = LayerManifest::fromJson(QByteArray(kManifest).replace(
                                                 R"("plaque", "type": "string")", R"("plaque", "type": "integer")"),
                                             QStringLiteral("test"));
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(QStringLiteral("personal")));
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
                QVERIFY2(!bytes.contains(secret), qPrintable(file + QStringLiteral(": ") + QLatin1String(secret)));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_keyFile;
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "test_privacy.moc"
