// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end sync against a real QGIS Server hub: first pull, hub edits (insert, update,
// tombstone), incremental pull, store == hub; area and time window; bearer and basic auth with
// credentials that never reach the store.
#include "hubfixture.h"

#include "core/store/store.h"
#include "core/sync/syncengine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <ogrsf_frmts.h>

#include <memory>

using namespace vigie;
using namespace vigie::hubtest;

class TestHubSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<Hub> m_hub;
    const QStringList m_layers{QStringLiteral("incidents"), QStringLiteral("quartiers"),
                               QStringLiteral("traffic")};

    core::sync::SyncOptions options(const QString &url) const
    {
        core::sync::SyncOptions o;
        o.hubUrl = QUrl(url);
        o.layers = m_layers;
        o.pageSize = 700;
        o.stallTimeoutMs = 20000;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString demo = demoStore(m_tmp.path());
        QVERIFY(!demo.isEmpty());
        m_hub = std::make_unique<Hub>(m_tmp.filePath(QStringLiteral("hub")));
        QString error = m_hub->build(demo, m_layers);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_hub->start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        qInfo().noquote() << "hub:" << m_hub->url();
    }

    void bulkUpdateAcrossAPageBoundary()
    {
        // A bulk update stamps 300 features with one updated_at; 450 inserts come first, so the
        // page of 700 ends inside the group, which the hub orders differently on each request.
        auto store = core::Store::create(m_tmp.filePath(QStringLiteral("bulk.vigie")));
        QVERIFY(store);
        core::sync::SyncOptions o = options(m_hub->url());
        o.layers = {QStringLiteral("incidents")};
        auto first = core::sync::syncFromHub(**store, o);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QVERIFY(
            m_hub->edit(QStringLiteral("incidents"), QStringLiteral("add"), QStringLiteral("450"))
                .isEmpty());
        QVERIFY(m_hub
                    ->edit(QStringLiteral("incidents"), QStringLiteral("bulk-change"),
                           QStringLiteral("300"))
                    .isEmpty());
        QVERIFY(m_hub->publish().isEmpty());
        auto second = core::sync::syncFromHub(**store, o);
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        const auto &l = second->layers[0];
        qInfo().noquote() << "bulk update:" << l.inserted << "inserted," << l.updated
                          << "updated in" << l.batches << "batches";
        QCOMPARE(l.inserted, 450);
        QCOMPARE(l.updated, 300);
        QVERIFY(l.batches >= 2);
        const QString diff = compareWithHub(**store, m_hub->gpkg(), QStringLiteral("incidents"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // A group larger than a page cannot be paged through: a clear error, nothing lost.
        QVERIFY(m_hub
                    ->edit(QStringLiteral("incidents"), QStringLiteral("bulk-change"),
                           QStringLiteral("300"))
                    .isEmpty());
        QVERIFY(m_hub->publish().isEmpty());
        o.pageSize = 250;
        auto third = core::sync::syncFromHub(**store, o);
        QVERIFY(!third);
        QVERIFY2(third.error().message.contains(QStringLiteral("larger page size")),
                 qPrintable(third.error().message));
        o.pageSize = 700;
        auto fourth = core::sync::syncFromHub(**store, o);
        QVERIFY2(fourth, fourth ? "" : qPrintable(fourth.error().message));
        QCOMPARE(fourth->layers[0].updated, 300);
        const QString after = compareWithHub(**store, m_hub->gpkg(), QStringLiteral("incidents"));
        QVERIFY2(after.isEmpty(), qPrintable(after));
    }

    void cleanupTestCase() { m_hub.reset(); }

    void endToEnd()
    {
        auto store = core::Store::create(m_tmp.filePath(QStringLiteral("e2e.vigie")));
        QVERIFY(store);
        auto first = core::sync::syncFromHub(**store, options(m_hub->url()));
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        for (const auto &l : first->layers) {
            qInfo().noquote() << l.layer << "first pull:" << l.inserted << "inserted in"
                              << l.batches << "batches," << l.seconds << "s";
            QVERIFY(l.firstPull);
            QCOMPARE(l.updated + l.deleted, 0);
            const QString diff = compareWithHub(**store, m_hub->gpkg(), l.layer);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }

        // The hub changes: inserts, updates (more than a page), tombstones, on three layers.
        for (const auto &[layer, op, n] : std::vector<std::tuple<QString, QString, QString>>{
                 {QStringLiteral("incidents"), QStringLiteral("add"), QStringLiteral("150")},
                 {QStringLiteral("incidents"), QStringLiteral("change"), QStringLiteral("900")},
                 {QStringLiteral("incidents"), QStringLiteral("delete"), QStringLiteral("120")},
                 {QStringLiteral("quartiers"), QStringLiteral("change"), QStringLiteral("5")},
                 {QStringLiteral("traffic"), QStringLiteral("delete"), QStringLiteral("3")},
                 {QStringLiteral("traffic"), QStringLiteral("add"), QStringLiteral("2")}}) {
            const QString error = m_hub->edit(layer, op, n);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        // The hub reloads after its data changed (QGIS Server caches feature counts).
        QVERIFY(m_hub->publish().isEmpty());
        auto second = core::sync::syncFromHub(**store, options(m_hub->url()));
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        for (const auto &l : second->layers) {
            qInfo().noquote() << l.layer << "incremental:" << l.inserted << "inserted," << l.updated
                              << "updated," << l.deleted << "deleted," << l.unchanged
                              << "unchanged," << l.batches << "batches";
            QVERIFY(!l.firstPull);
            const QString diff = compareWithHub(**store, m_hub->gpkg(), l.layer);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(second->layers[0].inserted, 150);
        QCOMPARE(second->layers[0].updated, 900);
        QCOMPARE(second->layers[0].deleted, 120);
        QCOMPARE(second->layers[1].updated, 5);
        QCOMPARE(second->layers[2].deleted, 3);
        QCOMPARE(second->layers[2].inserted, 2);

        // Nothing changed: nothing applied.
        auto third = core::sync::syncFromHub(**store, options(m_hub->url()));
        QVERIFY(third);
        for (const auto &l : third->layers)
            QCOMPARE(l.inserted + l.updated + l.deleted, 0);

        // The log has one row per layer and run, the state one row per layer.
        const auto log = core::sync::syncLog(**store);
        QCOMPARE(int(log.size()), 9);
        for (const auto &e : log)
            QCOMPARE(e.status, QStringLiteral("ok"));
        const auto states = core::sync::syncStates(**store);
        QCOMPARE(int(states.size()), 3);
        for (const auto &s : states) {
            QCOMPARE(s.lastStatus, QStringLiteral("ok"));
            QCOMPARE(s.features, (**store).featureCount(s.layer));
        }
    }

    void areaAndTimeWindow()
    {
        const QRectF area(QPointF(890000, 6240000), QPointF(898000, 6250000));
        const QDateTime since(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
        auto store = core::Store::create(m_tmp.filePath(QStringLiteral("area.vigie")));
        QVERIFY(store);
        auto o = options(m_hub->url());
        o.layers = {QStringLiteral("incidents")};
        o.bbox = area;
        o.since = since;
        auto first = core::sync::syncFromHub(**store, o);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));

        auto expected = [&] {
            GDALAllRegister();
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(m_hub->gpkg().toUtf8().constData(),
                                                              GDAL_OF_VECTOR | GDAL_OF_READONLY));
            OGRLayer *l = ds->GetLayerByName("incidents");
            l->SetSpatialFilterRect(area.left(), area.top(), area.right(), area.bottom());
            l->SetAttributeFilter("deleted_at IS NULL AND occurred_at >= '2025-01-01T00:00:00'");
            return l->GetFeatureCount(TRUE);
        };
        qInfo() << "area + window: store" << (**store).featureCount(QStringLiteral("incidents"))
                << "hub (GDAL filter)" << expected();
        QVERIFY((**store).featureCount(QStringLiteral("incidents")) > 50);
        QCOMPARE((**store).featureCount(QStringLiteral("incidents")), qint64(expected()));

        // Later pulls keep the same filter; changing it needs a reset.
        QVERIFY(
            m_hub->edit(QStringLiteral("incidents"), QStringLiteral("add"), QStringLiteral("40"))
                .isEmpty());
        QVERIFY(
            m_hub->edit(QStringLiteral("incidents"), QStringLiteral("delete"), QStringLiteral("30"))
                .isEmpty());
        QVERIFY(m_hub->publish().isEmpty());
        o.bbox.reset();
        o.since = QDateTime();
        auto second = core::sync::syncFromHub(**store, o);
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        QCOMPARE((**store).featureCount(QStringLiteral("incidents")), qint64(expected()));
        o.bbox = QRectF(0, 0, 10, 10);
        auto refused = core::sync::syncFromHub(**store, o);
        QVERIFY(!refused);
        qInfo().noquote() << "expected refusal:" << refused.error().message;
    }

    void authentication_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("bearer") << QStringLiteral("bearer");
        QTest::newRow("basic") << QStringLiteral("basic");
    }

    void authentication()
    {
        QFETCH(QString, scheme);
        const QString secret = QStringLiteral("s3cr3t-%1-Zq81").arg(scheme);
        const QString proxy = m_hub->startProxy(
            QStringLiteral("none"), 0,
            {scheme == QLatin1String("bearer") ? QStringLiteral("--token")
                                               : QStringLiteral("--basic"),
             scheme == QLatin1String("bearer") ? secret : QStringLiteral("analyst:") + secret});
        QVERIFY(!proxy.isEmpty());
        const QString path = m_tmp.filePath(QStringLiteral("auth-%1.vigie").arg(scheme));
        QByteArray output;
        {
            auto store = core::Store::create(path);
            QVERIFY(store);
            auto o = options(proxy);
            o.layers = {QStringLiteral("quartiers")};
            auto denied = core::sync::syncFromHub(**store, o);
            QVERIFY(!denied);
            qInfo().noquote() << "without credentials:" << denied.error().message;
            QVERIFY(denied.error().message.contains(QLatin1String("401")));
            if (scheme == QLatin1String("bearer")) {
                o.credentials.bearerToken = secret;
            } else {
                o.credentials.user = QStringLiteral("analyst");
                o.credentials.password = secret;
            }
            auto ok = core::sync::syncFromHub(**store, o);
            QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
            QVERIFY(compareWithHub(**store, m_hub->gpkg(), QStringLiteral("quartiers")).isEmpty());
            for (const auto &e : core::sync::syncLog(**store))
                output += (e.hub + e.message).toUtf8();
            for (const auto &l : ok->layers)
                output += (l.message + ok->hub).toUtf8();
        }
        m_hub->stopProxy();
        // The secret is nowhere: not in the workspace file (nor its WAL), the log or the report.
        for (const QString &file : {path, path + QStringLiteral("-wal")}) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(file));
        }
        QVERIFY(!output.contains(secret.toUtf8()));
        QVERIFY(!output.contains(QByteArray("analyst:")));
    }

    /// The same hub database as WFS 2.0 with MapServer under lighttpd (HTTP basic required):
    /// GDAL's WFS driver pages through it and pushes an updated_at filter down.
    void mapServerWfs()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("mapserver"));
        QDir().mkpath(dir);
        QFile users(dir + QStringLiteral("/users"));
        QVERIFY(users.open(QIODevice::WriteOnly));
        users.write("analyst:wfs-Secret-7\n");
        users.close();
        struct Stop
        {
            QString dir;
            ~Stop()
            {
                run(QStringLiteral("/bin/sh"),
                    {QStringLiteral(VIGIE_SOURCE_DIR "/packaging/hub/mapserver-hub.sh"),
                     QStringLiteral("stop"), QStringLiteral("--dir"), dir});
            }
        } stop{dir};
        QString url;
        QCOMPARE(run(QStringLiteral("/bin/sh"),
                     {QStringLiteral(VIGIE_SOURCE_DIR "/packaging/hub/mapserver-hub.sh"),
                      QStringLiteral("start"), QStringLiteral("--gpkg"), m_hub->gpkg(),
                      QStringLiteral("--dir"), dir, QStringLiteral("--users"), users.fileName()},
                     &url),
                 0);
        url = url.trimmed().split(QLatin1Char('\n')).last();
        const QStringList paging{QStringLiteral("--config"),
                                 QStringLiteral("OGR_WFS_PAGING_ALLOWED"),
                                 QStringLiteral("ON"),
                                 QStringLiteral("--config"),
                                 QStringLiteral("OGR_WFS_PAGE_SIZE"),
                                 QStringLiteral("1000")};
        QString out;
        QVERIFY(run(QStringLiteral("ogrinfo"),
                    QStringList{QStringLiteral("-ro"), QStringLiteral("-so"),
                                QStringLiteral("WFS:") + url, QStringLiteral("incidents")} +
                        paging,
                    &out) != 0); // 401 without credentials
        const QStringList auth{QStringLiteral("--config"), QStringLiteral("GDAL_HTTP_USERPWD"),
                               QStringLiteral("analyst:wfs-Secret-7")};
        QCOMPARE(run(QStringLiteral("ogrinfo"),
                     QStringList{QStringLiteral("-ro"), QStringLiteral("-q"),
                                 QStringLiteral("WFS:") + url, QStringLiteral("incidents"),
                                 QStringLiteral("-where"),
                                 QStringLiteral("updated_at > '2026-01-01T00:00:00'")} +
                         paging + auth,
                     &out),
                 0);
        const int changed = int(out.count(QStringLiteral("OGRFeature(")));
        GDALAllRegister();
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(m_hub->gpkg().toUtf8().constData(),
                                                          GDAL_OF_VECTOR | GDAL_OF_READONLY));
        OGRLayer *l = ds->GetLayerByName("incidents");
        l->SetAttributeFilter("updated_at > '2026-01-01T00:00:00'");
        qInfo() << "WFS 2.0 features changed in 2026:" << changed
                << "GeoPackage:" << l->GetFeatureCount(TRUE);
        QVERIFY(changed > 0);
        QCOMPARE(qint64(changed), qint64(l->GetFeatureCount(TRUE)));
    }
};

QTEST_GUILESS_MAIN(TestHubSync)
#include "test_hub_sync.moc"
