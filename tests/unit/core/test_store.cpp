// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/feedback.h"
#include "layerregistry.h"
#include "store/store.h"
#include "testutil.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <QTest>
#include <cmath>
#include <optional>

#include <sqlite3.h>

using namespace vigie::core;
using vigie::test::fileChecksum;
using vigie::test::pointWkb;
using vigie::test::polygonWkb;

namespace {

const LayerManifest &builtin(const char *id)
{
    static LayerRegistry reg = [] {
        LayerRegistry r;
        r.loadBuiltins();
        return r;
    }();
    const LayerManifest *m = reg.find(QString::fromLatin1(id));
    Q_ASSERT(m);
    return *m;
}

/// Runs one SQL statement on a file through SQLite directly (not through Store).
QString rawQuery(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt *st = nullptr;
    QString out;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
        out = t ? QString::fromUtf8(t) : QString();
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

FeatureRecord incident(double x, double y, const QString &when, const QString &category, int sev)
{
    FeatureRecord r;
    r.wkb = pointWkb(x, y);
    r.values = {when, category.isNull() ? QVariant() : QVariant(category), sev,
                QStringLiteral("201"), QStringLiteral("PM")};
    r.source = QStringLiteral("test");
    return r;
}

void fillIncidents(Store &store, int n)
{
    QVERIFY(store.addLayer(builtin("incidents"), QStringLiteral("test")).ok());
    Store::Transaction tx(store);
    Store::Inserter ins(store, QStringLiteral("incidents"));
    static const QStringList cats{QStringLiteral("violences"), QStringLiteral("accidents"),
                                  QString()}; // no category
    for (int i = 0; i < n; ++i) {
        const QString when = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc())
                                 .addSecs(qint64(i) * 3600)
                                 .toString(Qt::ISODate);
        ins.add(incident(890000 + i, 6245000 + 2 * i, when, cats[i % 3], 1 + i % 3));
    }
    tx.commit();
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void createAndReadBack()
    {
        const QString file = path("a.vigie");
        {
            auto store = Store::create(file);
            QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
            QCOMPARE((*store)->schemaVersion(), Store::kSchemaVersion);
            fillIncidents(**store, 10);
            QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), 10);
            QVERIFY(!Store::create(file).ok()); // exists
        }
        QCOMPARE(rawQuery(file, QStringLiteral("PRAGMA application_id")).toLongLong(),
                 qint64(Store::kApplicationId));
        QCOMPARE(rawQuery(file, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        auto store = Store::open(file);
        QVERIFY(store.ok());
        Store &s = **store;
        QVERIFY(s.hasLayer(QStringLiteral("incidents")));
        QCOMPARE(s.layers().size(), std::size_t(1));
        QCOMPARE(s.layer(QStringLiteral("incidents"))->categories.size(), std::size_t(6));
        QCOMPARE(s.featureCount(QStringLiteral("incidents")), 10);
        const QRectF ext = s.extent(QStringLiteral("incidents"));
        QVERIFY(qAbs(ext.left() - 890000) < 1.0 && qAbs(ext.right() - 890009) < 1.0);
        QVERIFY(qAbs(ext.top() - 6245000) < 1.0 && qAbs(ext.bottom() - 6245018) < 1.0);

        auto snap = s.loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap.ok());
        const LayerSnapshot &sn = **snap;
        QCOMPARE(sn.size(), std::size_t(10));
        QCOMPARE(sn.x[3], 890003.0);
        QCOMPARE(sn.y[3], 6245006.0);
        QCOMPARE(sn.time[0],
                 QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
        QCOMPARE(sn.time[5] - sn.time[0], 5 * 3600);
        QCOMPARE(sn.minTime, sn.time[0]);
        QCOMPARE(sn.maxTime, sn.time[9]);
        QCOMPARE(sn.category[0], std::int16_t(1)); // violences
        QCOMPARE(sn.category[1], std::int16_t(4)); // accidents
        QCOMPARE(sn.category[2], std::int16_t(-1));
        QCOMPARE(sn.extent, QRectF(QPointF(890000, 6245000), QPointF(890009, 6245018)));

        auto attrs = s.attributes(QStringLiteral("incidents"), sn.fids[1]);
        QVERIFY(attrs.ok());
        QCOMPARE(attrs->value(QStringLiteral("category")).toString(), QStringLiteral("accidents"));
        QCOMPARE(attrs->value(QStringLiteral("severity")).toInt(), 2);
        QCOMPARE(attrs->value(QStringLiteral("occurred_at")).toString(),
                 QStringLiteral("2024-01-01T01:00:00Z"));
        QCOMPARE(attrs->value(QStringLiteral("_source")).toString(), QStringLiteral("test"));
        QVERIFY(attrs->contains(QStringLiteral("_synced_at")));
        QVERIFY(!s.attributes(QStringLiteral("incidents"), 999).ok());
        QVERIFY(s.checkIntegrity().ok());
    }

    void transactionsRollBack()
    {
        auto store = Store::create(path("tx.vigie"));
        QVERIFY(store.ok());
        Store &s = **store;
        {
            Store::Transaction tx(s);
            QVERIFY(s.addLayer(builtin("incidents"), QStringLiteral("test")).ok());
            Store::Inserter ins(s, QStringLiteral("incidents"));
            ins.add(incident(1, 2, QStringLiteral("2024-01-01T00:00:00Z"),
                             QStringLiteral("violences"), 1));
            // no commit
        }
        QVERIFY(!s.hasLayer(QStringLiteral("incidents")));
        QVERIFY(s.layers().empty());
        // The same layer can be added afterwards: nothing was left behind.
        QVERIFY(s.addLayer(builtin("incidents"), QStringLiteral("test")).ok());
        QVERIFY(!s.addLayer(builtin("incidents"), QStringLiteral("test")).ok()); // duplicate
        QCOMPARE(s.featureCount(QStringLiteral("incidents")), 0);
    }

    /// The analysis catalogue is the store's: records round-trip, roll back with their
    /// transaction, and a numeric field is read by feature id (unknown names refused).
    void analysisCatalogue()
    {
        auto store = Store::create(path("catalogue.vigie"));
        QVERIFY(store.ok());
        Store &s = **store;
        fillIncidents(s, 5);
        Store::AnalysisRecord r;
        r.id = QStringLiteral("kde_1");
        r.kind = QStringLiteral("kde");
        r.title = QStringLiteral("Densité");
        r.inputLayer = QStringLiteral("incidents");
        r.parameters = {{QStringLiteral("bandwidth"), 300.0},
                        {QStringLiteral("rule"), QStringLiteral("fixed")}};
        r.summary = {{QStringLiteral("cells"), 12}};
        {
            Store::Transaction tx(s);
            s.addAnalysisRecord(r);
            // no commit: the record goes with the transaction
        }
        QVERIFY(!s.hasAnalysisRecord(QStringLiteral("kde_1")));
        {
            Store::Transaction tx(s);
            s.addAnalysisRecord(r);
            tx.commit();
        }
        QVERIFY(s.hasAnalysisRecord(QStringLiteral("kde_1")));
        const auto all = s.analysisRecords();
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(all[0].title, r.title);
        QCOMPARE(all[0].resultLayer, QString());
        QCOMPARE(all[0].parameters.value(QStringLiteral("bandwidth")).toDouble(), 300.0);
        QCOMPARE(all[0].summary.value(QStringLiteral("cells")).toInt(), 12);
        QVERIFY(!all[0].createdAt.isEmpty());
        QVERIFY_THROWS_EXCEPTION(Exception, s.addAnalysisRecord(r)); // the id is taken

        const auto severity =
            s.numbersByFid(QStringLiteral("incidents"), QStringLiteral("severity"));
        QCOMPARE(severity.size(), std::size_t(5));
        QCOMPARE(severity.at(2), 2.0);
        QVERIFY_THROWS_EXCEPTION(
            Exception, s.numbersByFid(QStringLiteral("incidents"), QStringLiteral("nope\"; DROP")));
        QVERIFY_THROWS_EXCEPTION(
            Exception, s.numbersByFid(QStringLiteral("nothing"), QStringLiteral("severity")));
    }

    void inserterRefusesBadInput()
    {
        auto store = Store::create(path("bad.vigie"));
        QVERIFY(store.ok());
        Store &s = **store;
        QVERIFY(s.addLayer(builtin("incidents"), QStringLiteral("test")).ok());
        Store::Transaction tx(s);
        Store::Inserter ins(s, QStringLiteral("incidents"));
        ins.add(
            incident(1, 2, QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("violences"), 1));
        FeatureRecord poly = incident(1, 2, {}, {}, 1);
        poly.wkb = polygonWkb({{0, 0}, {1, 0}, {1, 1}, {0, 0}});
        try {
            ins.add(poly);
            QFAIL("a polygon went into a point layer");
        } catch (const Exception &e) {
            QCOMPARE(e.error().code, ErrorCode::InvalidInput);
            QVERIFY(e.error().message.contains(QStringLiteral("incidents")));
            QVERIFY2(e.error().message.contains(QStringLiteral("2")),
                     qPrintable(e.error().message));
        }
        FeatureRecord badInt = incident(1, 2, {}, {}, 1);
        badInt.values[2] = QStringLiteral("high");
        QVERIFY_THROWS_EXCEPTION(Exception, ins.add(badInt));
        FeatureRecord badDate = incident(1, 2, QStringLiteral("yesterday"), {}, 1);
        QVERIFY_THROWS_EXCEPTION(Exception, ins.add(badDate));
        FeatureRecord truncated = incident(1, 2, {}, {}, 1);
        truncated.wkb.resize(12);
        QVERIFY_THROWS_EXCEPTION(Exception, ins.add(truncated));
        tx.commit();
        QCOMPARE(s.featureCount(QStringLiteral("incidents")), 1);
    }

    void polygonsAndSeries()
    {
        auto store = Store::create(path("poly.vigie"));
        QVERIFY(store.ok());
        Store &s = **store;
        QVERIFY(s.addLayer(builtin("quartiers"), QStringLiteral("test")).ok());
        QVERIFY(s.addLayer(builtin("traffic"), QStringLiteral("test")).ok());
        {
            Store::Transaction tx(s);
            Store::Inserter ins(s, QStringLiteral("quartiers"));
            FeatureRecord r;
            r.wkb = polygonWkb({{0, 0}, {100, 0}, {100, 50}, {0, 50}, {0, 0}});
            r.values = {QStringLiteral("Q1"),
                        QStringLiteral("Belsunce"),
                        QStringLiteral("13201"),
                        1,
                        9000,
                        0.5};
            const auto fid = ins.add(r);
            s.addSeriesValue(QStringLiteral("traffic"), 7, QStringLiteral("2024-01-01T08:00:00Z"),
                             12.5);
            tx.commit();
            auto snap = s.loadSnapshot(QStringLiteral("quartiers"));
            QVERIFY(snap.ok());
            QCOMPARE((*snap)->geometries.size(), std::size_t(1));
            const Geometry &g = (*snap)->geometries[0];
            QCOMPARE(g.polygons.size(), std::size_t(1)); // stored as MULTIPOLYGON
            QCOMPARE(g.bounds, QRectF(0, 0, 100, 50));
            QVERIFY(contains(g, QPointF(50, 25)));
            QCOMPARE((*snap)->labels[0], QStringLiteral("Belsunce"));
            QCOMPARE((*snap)->fids[0], fid);
        }
        QCOMPARE(rawQuery(s.path(), QStringLiteral("SELECT value FROM vigie_series")).toDouble(),
                 12.5);
        QVERIFY(s.removeLayer(QStringLiteral("quartiers")).ok());
        QVERIFY(!s.hasLayer(QStringLiteral("quartiers")));
        QCOMPARE(rawQuery(s.path(), QStringLiteral("SELECT count(*) FROM geometry_columns WHERE "
                                                   "f_table_name = 'quartiers'")),
                 QStringLiteral("0"));
        QVERIFY(s.addLayer(builtin("quartiers"), QStringLiteral("again")).ok());
        QVERIFY(s.checkIntegrity().ok());
    }

    void migrateFromVersion1()
    {
        const QString file = path("v1.vigie");
        {
            auto store = Store::createAtVersion(file, 1);
            QVERIFY(store.ok());
            QCOMPARE((*store)->schemaVersion(), 1);
            fillIncidents(**store, 5);
        }
        QCOMPARE(
            rawQuery(file, QStringLiteral("SELECT count(*) FROM pragma_table_info('incidents') "
                                          "WHERE name = '_synced_at'")),
            QStringLiteral("0"));
        QVERIFY(rawQuery(file, QStringLiteral("SELECT name FROM sqlite_master WHERE name = "
                                              "'vigie_series'"))
                    .isEmpty());
        QCOMPARE(Store::open(file, true).error().code, ErrorCode::Io); // read-only never migrates
        auto store = Store::open(file);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), 5);
        auto attrs = (*store)->attributes(QStringLiteral("incidents"), 3);
        QVERIFY(attrs.ok());
        QVERIFY(attrs->contains(QStringLiteral("_synced_at")));
        QCOMPARE(attrs->value(QStringLiteral("severity")).toInt(), 3);
        QCOMPARE(rawQuery(file, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                               "('vigie_series', 'vigie_idx_incidents_time', "
                                               "'vigie_idx_incidents_hub', 'vigie_sync_state', "
                                               "'vigie_sync_log', 'vigie_analyses')")),
                 QStringLiteral("6"));
        // New rows get a _synced_at.
        {
            Store::Transaction tx(**store);
            Store::Inserter ins(**store, QStringLiteral("incidents"));
            const auto fid = ins.add(incident(5, 5, QStringLiteral("2024-02-01T00:00:00Z"),
                                              QStringLiteral("violences"), 1));
            tx.commit();
            QVERIFY(!(*store)
                         ->attributes(QStringLiteral("incidents"), fid)
                         ->value(QStringLiteral("_synced_at"))
                         .toString()
                         .isEmpty());
        }
    }

    void refusals()
    {
        // Each refused file must be left byte-identical.
        auto expectRefused = [](const QString &file, ErrorCode code, bool readOnly) {
            const QByteArray before = fileChecksum(file);
            auto r = Store::open(file, readOnly);
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().code), int(code));
            QVERIFY2(r.error().message.contains(file), qPrintable(r.error().message));
            QCOMPARE(fileChecksum(file), before);
        };
        QCOMPARE(Store::open(path("missing.vigie")).error().code, ErrorCode::Io);

        const QString text = path("notes.txt");
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("Hello, this is not a database.\n").repeated(200));
        }
        expectRefused(text, ErrorCode::NotAStore, false);

        const QString foreign = path("foreign.sqlite");
        {
            sqlite3 *db = nullptr;
            sqlite3_open(QFile::encodeName(foreign).constData(), &db);
            sqlite3_exec(db, "CREATE TABLE t(a); INSERT INTO t VALUES (1);", nullptr, nullptr,
                         nullptr);
            sqlite3_close(db);
        }
        expectRefused(foreign, ErrorCode::NotAStore, false);
        expectRefused(foreign, ErrorCode::NotAStore, true);

        const QString newer = path("newer.vigie");
        {
            auto s = Store::create(newer);
            QVERIFY(s.ok());
        }
        rawQuery(newer, QStringLiteral("PRAGMA user_version = 99"));
        expectRefused(newer, ErrorCode::TooNew, false);

        const QString damaged = path("damaged.vigie");
        {
            auto s = Store::create(damaged);
            QVERIFY(s.ok());
            fillIncidents(**s, 2000);
        }
        {
            QFile f(damaged);
            QVERIFY(f.resize(f.size() / 2));
        }
        expectRefused(damaged, ErrorCode::Damaged, false);

        const QString noTable = path("notable.vigie");
        {
            auto s = Store::create(noTable);
            QVERIFY(s.ok());
            fillIncidents(**s, 3);
        }
        rawQuery(noTable, QStringLiteral("DROP TABLE incidents"));
        expectRefused(noTable, ErrorCode::Damaged, false);
    }

    void cancelSnapshot()
    {
        auto store = Store::create(path("cancel.vigie"));
        QVERIFY(store.ok());
        fillIncidents(**store, 70000);
        vigie::analytics::Feedback fb;
        fb.cancel();
        auto r = (*store)->loadSnapshot(QStringLiteral("incidents"), &fb);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Canceled);
        double last = -1;
        vigie::analytics::Feedback progress([&](double p, const std::string &) { last = p; });
        auto ok = (*store)->loadSnapshot(QStringLiteral("incidents"), &progress);
        QVERIFY(ok.ok());
        QCOMPARE((*ok)->size(), std::size_t(70000));
        QCOMPARE(last, 100.0);
    }

    void deterministicBytes()
    {
        auto build = [&](const QString &file) {
            auto s = Store::create(file);
            QVERIFY(s.ok());
            (*s)->setClock(QStringLiteral("2024-06-01T12:00:00Z"));
            fillIncidents(**s, 300);
            QVERIFY(s->get()->addLayer(builtin("quartiers"), QStringLiteral("demo")).ok());
            QCOMPARE((*s)->now(), QStringLiteral("2024-06-01T12:00:00Z"));
            QVERIFY((*s)->normaliseForDeterminism().ok());
        };
        build(path("det1.vigie"));
        QTest::qWait(1100); // let the wall clock move on
        build(path("det2.vigie"));
        QCOMPARE(fileChecksum(path("det1.vigie")), fileChecksum(path("det2.vigie")));
        QVERIFY(!QFile::exists(path("det1.vigie-wal")));
        auto reopened = Store::open(path("det1.vigie"), true);
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->now(), QStringLiteral("2024-06-01T12:00:00Z"));
        QCOMPARE((*reopened)
                     ->attributes(QStringLiteral("incidents"), 1)
                     ->value(QStringLiteral("_synced_at"))
                     .toString(),
                 QStringLiteral("2024-06-01T12:00:00Z"));
    }

    void spatialIndexStaysConsistent()
    {
        // Bulk path (empty index, packed directly), then the incremental bulk path, then
        // SpatiaLite's own triggers outside a transaction, then deletions.
        const QString file = path("rtree.vigie");
        auto store = Store::create(file);
        QVERIFY(store.ok());
        Store &s = **store;
        QVERIFY(s.addLayer(builtin("incidents"), QStringLiteral("test")).ok());
        auto addPoints = [&](int n, int seed, bool inTransaction) {
            std::optional<Store::Transaction> tx;
            if (inTransaction)
                tx.emplace(s);
            Store::Inserter ins(s, QStringLiteral("incidents"));
            for (int i = 0; i < n; ++i) {
                const double x = 881000 + std::fmod(i * 7919.0 + seed * 104729.0, 25000.0);
                const double y = 6233000 + std::fmod(i * 6271.0 + seed * 1299709.0, 25000.0);
                ins.add(incident(x, y, QStringLiteral("2024-01-01T00:00:00Z"),
                                 QStringLiteral("violences"), 1));
            }
            if (tx)
                tx->commit();
        };
        addPoints(5000, 1, true);
        addPoints(300, 2, true);
        addPoints(20, 3, false);
        s.exec(QStringLiteral("DELETE FROM incidents WHERE fid % 17 = 0"));
        QCOMPARE(rawQuery(file, QStringLiteral("SELECT rtreecheck('idx_incidents_geom')")),
                 QStringLiteral("ok"));
        QCOMPARE(
            rawQuery(file, QStringLiteral("SELECT count(*) FROM idx_incidents_geom")).toLongLong(),
            s.featureCount(QStringLiteral("incidents")));
        // A window query through the index finds exactly the points inside.
        const QString viaIndex = rawQuery(
            file, QStringLiteral("SELECT count(*) FROM idx_incidents_geom WHERE xmin >= 890000 "
                                 "AND xmax <= 895000 AND ymin >= 6240000 AND ymax <= 6246000"));
        auto snap = s.loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap.ok());
        int brute = 0;
        for (std::size_t i = 0; i < (*snap)->size(); ++i)
            brute += (*snap)->x[i] >= 890000 && (*snap)->x[i] <= 895000 &&
                     (*snap)->y[i] >= 6240000 && (*snap)->y[i] <= 6246000;
        QVERIFY(brute > 100);
        QCOMPARE(viaIndex.toInt(), brute);
        // The triggers are back: the next plain insert is indexed.
        QCOMPARE(rawQuery(file, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                               "'trigger' AND name IN ('gii_incidents_geom', "
                                               "'tmi_incidents_geom')")),
                 QStringLiteral("2"));
        QCOMPARE(rawQuery(file, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                               "'vigie_idx_incidents_time'")),
                 QStringLiteral("1"));
        QVERIFY(s.checkIntegrity().ok());
    }

    void isoTimes()
    {
        QCOMPARE(parseIsoUtc(QStringLiteral("1970-01-01T00:00:00Z")), 0);
        QCOMPARE(
            parseIsoUtc(QStringLiteral("2024-02-29T23:59:59Z")),
            QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), QTimeZone::utc()).toSecsSinceEpoch());
        QCOMPARE(parseIsoUtc(QStringLiteral("1969-12-31T23:00:00Z")), -3600);
        QCOMPARE(parseIsoUtc(QStringLiteral("2024-13-01T00:00:00Z")), LayerSnapshot::kNoTime);
        QCOMPARE(parseIsoUtc(QStringLiteral("garbage")), LayerSnapshot::kNoTime);
        QCOMPARE(toIsoUtc(QStringLiteral("2024-05-01T14:30:00+02:00")),
                 QStringLiteral("2024-05-01T12:30:00Z"));
        QCOMPARE(toIsoUtc(QStringLiteral("2024/05/01 14:30:00+02")),
                 QStringLiteral("2024-05-01T12:30:00Z"));
        QCOMPARE(toIsoUtc(QStringLiteral("2024-05-01 14:30:00")),
                 QStringLiteral("2024-05-01T14:30:00Z"));
        QCOMPARE(toIsoUtc(QDate(2024, 5, 1)), QStringLiteral("2024-05-01T00:00:00Z"));
        QCOMPARE(toIsoUtc(QStringLiteral("soon")), QString());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
