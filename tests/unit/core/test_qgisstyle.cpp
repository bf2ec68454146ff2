// SPDX-License-Identifier: GPL-3.0-or-later
// QGIS styles written into workspaces (issue 14): the QML is well-formed XML whatever a
// manifest's texts hold; layer_styles holds Vigie's two rows per vector layer (one per QGIS
// provider) and none for rasters; a QGIS user's own style survives Vigie rewriting its rows and
// goes with its layer; workspaces of schema 4 get the table and the styles when upgraded.
#include "core/layerregistry.h"
#include "core/qgisstyle.h"
#include "core/store/store.h"

#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <sqlite3.h>

namespace {

using vigie::core::LayerManifest;
using vigie::core::Store;

/// Rows of layer_styles for `table`, as "owner|schema" (schema "NULL" or "''").
QStringList styleRows(const QString &path, const QString &table)
{
    sqlite3 *db = nullptr;
    QStringList rows;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db,
                               "SELECT coalesce(owner, 'NULL'), quote(f_table_schema) FROM "
                               "layer_styles WHERE f_table_name = ? ORDER BY id",
                               -1, &st, nullptr) == SQLITE_OK) {
            const QByteArray t = table.toUtf8();
            sqlite3_bind_text(st, 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
            while (sqlite3_step(st) == SQLITE_ROW)
                rows << QString::fromUtf8(
                            reinterpret_cast<const char *>(sqlite3_column_text(st, 0))) +
                            u'|' +
                            QString::fromUtf8(
                                reinterpret_cast<const char *>(sqlite3_column_text(st, 1)));
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    return rows;
}

const LayerManifest &builtIn(const char *id)
{
    return *vigie::core::LayerRegistry::instance().find(QString::fromLatin1(id));
}

} // namespace

class TestQgisStyle : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void qmlIsWellFormedWithHostileTexts()
    {
        LayerManifest m = builtIn("incidents");
        m.categories.front().label.fr = QStringLiteral("]]></label><script>x</script> & \"'");
        m.fields.front().label.fr = QStringLiteral("<alias name=\"x\"/>");
        const auto qml = vigie::core::qgisStyleQml(m, QStringLiteral("fr"));
        QVERIFY(qml);
        QXmlStreamReader r(*qml);
        QStringList labels;
        int scripts = 0;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement() && r.name() == QLatin1String("category"))
                labels << r.attributes().value(QStringLiteral("label")).toString();
            if (r.isStartElement() && r.name() == QLatin1String("script"))
                ++scripts;
        }
        QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
        QCOMPARE(scripts, 0);
        QCOMPARE(labels.first(), m.categories.front().label.fr); // kept, as text
        QCOMPARE(labels.last(), QStringLiteral("Autres"));
        const auto en = vigie::core::qgisStyleQml(m, QStringLiteral("en"));
        QVERIFY(en->contains(QStringLiteral("label=\"Other\"")));
        QVERIFY(en->contains(m.categories.back().label.en.toHtmlEscaped()));
    }

    void rastersHaveNoStyle()
    {
        LayerManifest m = builtIn("incidents");
        m.geometryType = vigie::core::GeometryType::Raster;
        QVERIFY(!vigie::core::qgisStyleQml(m, QStringLiteral("fr")));
        QCOMPARE(vigie::core::qgisColor(QStringLiteral("#11223380")),
                 QStringLiteral("17,34,51,128"));
        QCOMPARE(vigie::core::qgisColor(QStringLiteral("#112233")), QStringLiteral("17,34,51,255"));
        QVERIFY(vigie::core::qgisColor(QStringLiteral("red")).isEmpty());
    }

    void rowsFollowTheLayers()
    {
        const QString path = m_dir.filePath(QStringLiteral("styles.vigie"));
        {
            auto created = Store::create(path);
            QVERIFY(created);
            Store &store = **created;
            QVERIFY(store.addLayer(builtIn("incidents"), QStringLiteral("test")).ok());
            QVERIFY(store.addLayer(builtIn("quartiers"), QStringLiteral("test")).ok());
            // One row for each of QGIS's providers.
            QCOMPARE(styleRows(path, QStringLiteral("incidents")),
                     QStringList({QStringLiteral("vigie|NULL"), QStringLiteral("vigie|''")}));
            // A QGIS user saves a style of their own into the workspace.
            store.exec(QStringLiteral("INSERT INTO layer_styles (f_table_name, f_geometry_column, "
                                      "styleName, styleQML, useAsDefault) VALUES ('incidents', "
                                      "'geom', 'Mon style', '<qgis/>', 0)"));
            QVERIFY(store.writeQgisStyles({}).ok());
            QCOMPARE(styleRows(path, QStringLiteral("incidents")).size(), 3);
            QVERIFY(
                styleRows(path, QStringLiteral("incidents")).contains(QStringLiteral("NULL|NULL")));
            // Removing a layer removes every style of its table.
            QVERIFY(store.removeLayer(QStringLiteral("incidents")).ok());
            QVERIFY(styleRows(path, QStringLiteral("incidents")).isEmpty());
            QCOMPARE(styleRows(path, QStringLiteral("quartiers")).size(), 2);
            QVERIFY(store.check().value().sound());
        }
    }

    void upgradeFromSchema4()
    {
        const QString path = m_dir.filePath(QStringLiteral("schema4.vigie"));
        {
            auto created = Store::createAtVersion(path, 4);
            QVERIFY(created);
            QVERIFY((*created)->addLayer(builtIn("cameras"), QStringLiteral("test")).ok());
        }
        {
            auto readOnly = Store::open(path, true); // read as is, not upgraded
            QVERIFY(readOnly);
            QCOMPARE((*readOnly)->schemaVersion(), 4);
        }
        auto upgraded = Store::open(path);
        QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message));
        QCOMPARE((*upgraded)->schemaVersion(), int(Store::kSchemaVersion));
        QCOMPARE(styleRows(path, QStringLiteral("cameras")).size(), 2);
        QVERIFY((*upgraded)->check().value().sound());
    }
};

QTEST_GUILESS_MAIN(TestQgisStyle)
#include "test_qgisstyle.moc"
