// SPDX-License-Identifier: GPL-3.0-or-later
#include "geometry.h"
#include "layermanifest.h"
#include "layerregistry.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie::core;

class TestManifest : public QObject
{
    Q_OBJECT

private:
    static QByteArray minimal(const QString &extra = {}, const QString &fields = {})
    {
        const QString f = fields.isEmpty()
                              ? QStringLiteral(R"([{"name": "when", "type": "datetime"},
                                                   {"name": "kind", "type": "string"}])")
                              : fields;
        return QStringLiteral(R"({"vigieLayer": 1, "id": "test_layer",
                                  "title": {"fr": "Essai", "en": "Test"},
                                  "geometryType": "Point", "fields": %1 %2})")
            .arg(f, extra)
            .toUtf8();
    }

    static QString errorOf(const QByteArray &json)
    {
        auto r = LayerManifest::fromJson(json, QStringLiteral("broken.json"));
        if (r.ok())
            return {};
        return r.error().message;
    }

private slots:
    void builtinsParse()
    {
        const QStringList files =
            QDir(QStringLiteral(":/vigie/layers")).entryList({QStringLiteral("*.json")});
        QCOMPARE(files.size(), 6);
        for (const QString &name : files) {
            QFile f(QStringLiteral(":/vigie/layers/") + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto m = LayerManifest::fromJson(f.readAll(), name);
            QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
            QCOMPARE(m->id + QStringLiteral(".json"), name);
        }
        LayerRegistry reg;
        reg.loadBuiltins();
        QVERIFY(reg.problems().empty());
        QCOMPARE(reg.manifests().size(), std::size_t(6));
        const LayerManifest *inc = reg.find(QStringLiteral("incidents"));
        QVERIFY(inc);
        QCOMPARE(inc->geometryType, GeometryType::Point);
        QCOMPARE(inc->timeField, QStringLiteral("occurred_at"));
        QCOMPARE(inc->categories.size(), std::size_t(6));
        QCOMPARE(inc->categoryIndex(QStringLiteral("violences")), 1);
        QCOMPARE(inc->categoryIndex(QStringLiteral("nope")), -1);
        const LayerManifest *traffic = reg.find(QStringLiteral("traffic"));
        QVERIFY(traffic);
        QCOMPARE(traffic->geometryType, GeometryType::Line);
        QCOMPARE(traffic->symbology.ramp.size(), std::size_t(5));
        QCOMPARE(traffic->symbology.ramp[2].value, 900.0);
        QCOMPARE(traffic->symbology.ramp[2].color, QStringLiteral("#fee08b"));
        QVERIFY(traffic->labelField.isEmpty());
        const LayerManifest *cams = reg.find(QStringLiteral("cameras"));
        QCOMPARE(cams->symbology.fovRangeField, QStringLiteral("range_m"));
        QCOMPARE(cams->title.text(QStringLiteral("en")), QStringLiteral("CCTV cameras"));
        QCOMPARE(cams->title.text(QStringLiteral("fr")),
                 QStringLiteral("Caméras de vidéoprotection"));
    }

    void roundTrip()
    {
        LayerRegistry reg;
        reg.loadBuiltins();
        for (const LayerManifest &m : reg.manifests()) {
            const QByteArray json = QJsonDocument(m.toJson()).toJson();
            auto again = LayerManifest::fromJson(json, QStringLiteral("roundtrip"));
            QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
            QCOMPARE(QJsonDocument(again->toJson()), QJsonDocument(m.toJson()));
            QCOMPARE(again->fields.size(), m.fields.size());
            QCOMPARE(again->symbology.zOrder, m.symbology.zOrder);
        }
    }

    void personalField()
    {
        auto m =
            LayerManifest::fromJson(minimal({}, QStringLiteral(R"([{"name": "who", "type": "string",
                                            "personal": "pseudonymise"},
                                           {"name": "phone", "type": "string",
                                            "personal": "drop"}])")),
                                    QStringLiteral("p.json"));
        QVERIFY(m.ok());
        QCOMPARE(m->fields[0].personal, PersonalData::Pseudonymise);
        QCOMPARE(m->fields[1].personal, PersonalData::Drop);
        auto again =
            LayerManifest::fromJson(QJsonDocument(m->toJson()).toJson(), QStringLiteral("x"));
        QCOMPARE(again->fields[1].personal, PersonalData::Drop);
        QVERIFY(errorOf(minimal({}, QStringLiteral(R"([{"name": "who", "type": "string",
                                                         "personal": "hide"}])")))
                    .contains(QStringLiteral("personal")));
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::newRow("not json") << QByteArray("{\"vigieLayer\": 1,") << QStringLiteral("JSON");
        QTest::newRow("bad version") << minimal().replace("\"vigieLayer\": 1", "\"vigieLayer\": 2")
                                     << QStringLiteral("vigieLayer");
        QTest::newRow("no version")
            << minimal().replace("\"vigieLayer\": 1,", "") << QStringLiteral("vigieLayer");
        QTest::newRow("bad id") << minimal().replace("test_layer", "Test-Layer")
                                << QStringLiteral("\"id\"");
        QTest::newRow("duplicate field")
            << minimal({}, QStringLiteral(R"([{"name": "a", "type": "string"},
                                              {"name": "a", "type": "integer"}])"))
            << QStringLiteral("fields[1].name");
        QTest::newRow("reserved field")
            << minimal({}, QStringLiteral(R"([{"name": "_source", "type": "string"}])"))
            << QStringLiteral("fields[0].name");
        QTest::newRow("bad field type")
            << minimal({}, QStringLiteral(R"([{"name": "a", "type": "blob"}])"))
            << QStringLiteral("fields[0].type");
        QTest::newRow("unknown timeField")
            << minimal(QStringLiteral(", \"timeField\": \"nope\"")) << QStringLiteral("timeField");
        QTest::newRow("timeField not datetime")
            << minimal(QStringLiteral(", \"timeField\": \"kind\"")) << QStringLiteral("timeField");
        QTest::newRow("unknown labelField") << minimal(QStringLiteral(", \"labelField\": \"nope\""))
                                            << QStringLiteral("labelField");
        QTest::newRow("bad colour")
            << minimal(QStringLiteral(", \"symbology\": {\"fill\": \"red\"}"))
            << QStringLiteral("symbology.fill");
        QTest::newRow("bad category colour")
            << minimal(QStringLiteral(", \"categoryField\": \"kind\", \"categories\": "
                                      "[{\"value\": \"a\", \"color\": \"#12345\"}]"))
            << QStringLiteral("categories[0].color");
        QTest::newRow("bad ramp") << minimal(QStringLiteral(
                                         ", \"symbology\": {\"ramp\": [[0, \"#ffffff\"], [1]]}"))
                                  << QStringLiteral("symbology.ramp[1]");
        QTest::newRow("bad geometry")
            << minimal().replace("\"Point\"", "\"Circle\"") << QStringLiteral("geometryType");
        // Found by tests/fuzz/fuzz_manifest: 1e90 was converted to int (undefined behaviour).
        QTest::newRow("huge zOrder")
            << minimal(QStringLiteral(", \"symbology\": {\"zOrder\": 1.66667e90}"))
            << QStringLiteral("symbology.zOrder");
        QTest::newRow("fractional zOrder")
            << minimal(QStringLiteral(", \"symbology\": {\"zOrder\": 2.5}"))
            << QStringLiteral("symbology.zOrder");
        // The sync puts hubCollection in a URL path: only a collection name, never a path.
        for (const char *bad :
             {"../admin/delete?f=json", "a/b", "x?f=json", "..", "a b", "#x", "%2e%2e"})
            QTest::newRow(qPrintable(QStringLiteral("hubCollection %1").arg(QLatin1String(bad))))
                << minimal(QStringLiteral(", \"hubCollection\": \"%1\"").arg(QLatin1String(bad)))
                << QStringLiteral("hubCollection");
    }

    void broken()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        const QString message = errorOf(json);
        QVERIFY2(!message.isEmpty(), "a broken manifest was accepted");
        QVERIFY2(message.contains(QStringLiteral("broken.json")), qPrintable(message));
        QVERIFY2(message.contains(key), qPrintable(message));
    }

    void registryFolder()
    {
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &data) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(QStringLiteral("good.json"), minimal());
        write(QStringLiteral("dup.json"),
              minimal().replace("test_layer", "incidents")); // clashes with a built-in
        write(QStringLiteral("broken.json"),
              minimal().replace("\"vigieLayer\": 1", "\"vigieLayer\": 9"));
        LayerRegistry reg;
        reg.loadBuiltins();
        reg.loadFolder(dir.path());
        QCOMPARE(reg.manifests().size(), std::size_t(7));
        QVERIFY(reg.find(QStringLiteral("test_layer")));
        QCOMPARE(reg.find(QStringLiteral("incidents"))->origin.startsWith(QLatin1String(":/")),
                 true);
        QCOMPARE(reg.problems().size(), std::size_t(2));
        bool sawDup = false, sawVersion = false;
        for (const auto &p : reg.problems()) {
            sawDup |= p.origin.endsWith(QLatin1String("dup.json")) &&
                      p.message.contains(QLatin1String("incidents"));
            sawVersion |= p.origin.endsWith(QLatin1String("broken.json")) &&
                          p.message.contains(QLatin1String("vigieLayer"));
        }
        QVERIFY(sawDup);
        QVERIFY(sawVersion);
    }

    void pointInPolygon()
    {
        PolygonRings square{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}};
        QVERIFY(contains(square, QPointF(1, 1)));
        QVERIFY(!contains(square, QPointF(5, 5))); // in the hole
        QVERIFY(!contains(square, QPointF(11, 5)));
        Geometry g;
        g.polygons.push_back(square);
        g.polygons.push_back({{{20, 0}, {30, 0}, {25, 10}}});
        g.bounds = QRectF(QPointF(0, 0), QPointF(30, 10));
        QVERIFY(contains(g, QPointF(25, 2)));
        QVERIFY(!contains(g, QPointF(15, 2)));
        QVERIFY(!contains(g, QPointF(25, 12)));
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "test_manifest.moc"
