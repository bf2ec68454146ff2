// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile, degraded and shared workspaces (issue 16, findings 1 and 8): nothing read from a
// workspace runs as SQL, tampered schemas are found, read-only files and file systems are read,
// damaged stores are never written, a busy store waits and names the file.
#include "layerregistry.h"
#include "store/store.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vigie::core;
using vigie::test::fileChecksum;
using vigie::test::pointWkb;

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

FeatureRecord incident(double x, double y)
{
    FeatureRecord r;
    r.wkb = pointWkb(x, y);
    r.values = {QStringLiteral("2025-01-02T03:04:05Z"), QStringLiteral("violences"), 1,
                QStringLiteral("201"), QStringLiteral("PM")};
    r.source = QStringLiteral("test");
    return r;
}

/// Adds n incidents in one transaction (the bulk path that once replayed the file's trigger SQL).
Result<void> addIncidents(Store &s, int n, int seed)
{
    return captureErrors([&] {
        Store::Transaction tx(s);
        Store::Inserter ins(s, QStringLiteral("incidents"));
        for (int i = 0; i < n; ++i)
            ins.add(incident(890000 + (i * 37 + seed * 11) % 5000, 6245000 + (i * 53) % 5000));
        tx.commit();
    });
}

/// Runs SQL on a file with SQLite alone, as someone editing the file would (writable schema on).
QString tamper(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    char *err = nullptr;
    sqlite3_exec(db, "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    const QString message = rc == SQLITE_OK ? QString() : QString::fromUtf8(err ? err : "?");
    sqlite3_free(err);
    sqlite3_exec(db, "PRAGMA writable_schema = OFF", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return message;
}

qint64 count(const QString &path, const QString &table)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    qint64 n = -1;
    if (sqlite3_prepare_v2(db, QStringLiteral("SELECT count(*) FROM %1").arg(table).toUtf8(), -1,
                           &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

} // namespace

class TestStoreHardening : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clean; ///< a sound workspace with 200 incidents and 3 cameras, closed

    QString path(const QString &name) const { return m_dir.filePath(name); }
    /// A fresh copy of the clean workspace.
    QString copy(const QString &name)
    {
        const QString p = path(name);
        QFile::remove(p);
        if (!QFile::copy(m_clean, p))
            return {};
        QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner);
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clean = path(QStringLiteral("clean.vigie"));
        auto store = Store::create(m_clean);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QVERIFY((*store)->addLayer(builtin("incidents"), QStringLiteral("test")).ok());
        QVERIFY((*store)->addLayer(builtin("cameras"), QStringLiteral("test")).ok());
        QVERIFY(addIncidents(**store, 200, 1).ok());
        {
            Store::Transaction tx(**store);
            Store::Inserter ins(**store, QStringLiteral("cameras"));
            const LayerManifest &m = builtin("cameras");
            for (int i = 0; i < 3; ++i) {
                FeatureRecord r;
                r.wkb = pointWkb(891000 + i * 100, 6246000);
                r.values.resize(qsizetype(m.fields.size()));
                r.values[0] = QStringLiteral("CAM-%1").arg(i);
                ins.add(r);
            }
            tx.commit();
        }
        store->reset(); // closed: the WAL is checkpointed into the file
        QVERIFY(!QFileInfo::exists(m_clean + QStringLiteral("-wal")));
    }

    // Finding 1: the trigger SQL of the file once ran with sqlite3_exec after a bulk load.
    void tamperedTriggerTextNeverRuns()
    {
        const QString file = copy(QStringLiteral("attach.vigie"));
        const QString victim = path(QStringLiteral("victim.db"));
        QVERIFY(
            tamper(file, QStringLiteral("UPDATE sqlite_master SET sql = sql || '; ATTACH ''%1'' "
                                        "AS x; CREATE TABLE x.pwned (a);' WHERE name = "
                                        "'gii_incidents_geom'")
                             .arg(victim))
                .isEmpty());
        // Reading: check says what is wrong, and opening read-only changes nothing.
        {
            auto ro = Store::open(file, true);
            QVERIFY(ro.ok());
            auto report = (*ro)->check();
            QVERIFY(report.ok());
            QVERIFY2(!report->sound(), "a tampered trigger passed check");
            QVERIFY(report->problems.join(QLatin1Char('\n'))
                        .contains(QLatin1String("gii_incidents_geom")));
        }
        // Writing: the trigger is recreated from the template, the bulk path writes, and
        // nothing of the file's text ran.
        auto store = Store::open(file);
        QVERIFY(store.ok());
        QVERIFY(addIncidents(**store, 500, 2).ok());
        QVERIFY2(!QFileInfo::exists(victim), "SQL from the workspace file was executed");
        auto report = (*store)->check();
        QVERIFY(report.ok());
        QVERIFY2(report->sound(), qPrintable(report->problems.join(QLatin1Char('\n'))));
        QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), qint64(700));
        // ATTACH is refused on Vigie's connections whatever the SQL.
        bool refused = false;
        try {
            (*store)->exec(QStringLiteral("ATTACH '%1' AS y").arg(victim));
        } catch (const Exception &e) {
            refused = e.error().message.contains(QLatin1String("not authorized"));
        }
        QVERIFY(refused);
        QVERIFY(!QFileInfo::exists(victim));
    }

    void unknownTriggerMakesTheWorkspaceReadOnly()
    {
        const QString file = copy(QStringLiteral("trigger.vigie"));
        QVERIFY(tamper(file, QStringLiteral("CREATE TRIGGER wipe AFTER INSERT ON incidents BEGIN "
                                            "DELETE FROM cameras; END"))
                    .isEmpty());
        const QByteArray before = fileChecksum(file);
        {
            auto store = Store::open(file);
            QVERIFY(store.ok());
            QVERIFY((*store)->isReadOnly());
            QVERIFY((*store)->readOnlyReason().contains(QLatin1String("wipe")));
            // Reading works; a write is refused with the reason, and the trigger never ran.
            QCOMPARE((*store)->featureCount(QStringLiteral("cameras")), qint64(3));
            auto added = addIncidents(**store, 10, 3);
            QVERIFY(!added.ok());
            QVERIFY(added.error().message.contains(QLatin1String("wipe")));
            auto report = (*store)->check();
            QVERIFY(report.ok() && !report->sound());
        }
        QCOMPARE(fileChecksum(file), before);
        // check --repair removes it; then writes work and the cameras are still there.
        {
            auto store = Store::openForRepair(file);
            QVERIFY(store.ok());
            auto repaired = (*store)->repair();
            QVERIFY2(repaired.ok(),
                     qPrintable(repaired.ok() ? QString() : repaired.error().message));
            QVERIFY(repaired->sound());
            QVERIFY(repaired->repaired.join(QLatin1Char(' ')).contains(QLatin1String("wipe")));
        }
        auto store = Store::open(file);
        QVERIFY(store.ok());
        QVERIFY(!(*store)->isReadOnly());
        QVERIFY(addIncidents(**store, 10, 3).ok());
        QCOMPARE((*store)->featureCount(QStringLiteral("cameras")), qint64(3));
    }

    void codeInDefinitionsMakesTheWorkspaceReadOnly_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("object");
        QTest::newRow("check")
            << QStringLiteral(
                   "CREATE TABLE notes (a TEXT CHECK (length(load_extension('/tmp/x')) > 0))")
            << QStringLiteral("notes");
        QTest::newRow("generated")
            << QStringLiteral("CREATE TABLE notes2 (a TEXT, b TEXT AS (upper(a)))")
            << QStringLiteral("notes2");
        QTest::newRow("expression index")
            << QStringLiteral("CREATE INDEX evil_idx ON incidents (abs(severity))")
            << QStringLiteral("evil_idx");
        QTest::newRow("partial index")
            << QStringLiteral("CREATE INDEX part_idx ON incidents (severity) WHERE severity > 1")
            << QStringLiteral("part_idx");
    }

    void codeInDefinitionsMakesTheWorkspaceReadOnly()
    {
        QFETCH(QString, sql);
        QFETCH(QString, object);
        const QString file = copy(QStringLiteral("code.vigie"));
        QVERIFY(tamper(file, sql).isEmpty());
        auto store = Store::open(file);
        QVERIFY(store.ok());
        QVERIFY((*store)->isReadOnly());
        QVERIFY2((*store)->readOnlyReason().contains(object),
                 qPrintable((*store)->readOnlyReason()));
        auto report = (*store)->check();
        QVERIFY(report.ok() && !report->sound());
        // A plain index made by a QGIS user is harmless: noted, not refused.
        const QString plain = copy(QStringLiteral("plain.vigie"));
        QVERIFY(tamper(plain, QStringLiteral("CREATE INDEX by_category ON incidents (category)"))
                    .isEmpty());
        auto ok = Store::open(plain);
        QVERIFY(ok.ok() && !(*ok)->isReadOnly());
        auto notes = (*ok)->check();
        QVERIFY(notes.ok() && notes->sound());
        QVERIFY(notes->notes.join(QLatin1Char(' ')).contains(QLatin1String("by_category")));
    }

    void functionsRefusedInTriggers()
    {
        // A known trigger name whose body calls a function outside the allowed few: the body is
        // replaced on open; and if it were ever run, the authorizer would refuse it.
        const QString file = copy(QStringLiteral("fn.vigie"));
        QVERIFY(tamper(file,
                       QStringLiteral(
                           "UPDATE sqlite_master SET sql = 'CREATE TRIGGER \"gid_incidents_geom\" "
                           "AFTER DELETE ON \"incidents\" FOR EACH ROW BEGIN SELECT "
                           "ST_Buffer(OLD.geom, 1.0); END' WHERE name = 'gid_incidents_geom'"))
                    .isEmpty());
        auto store = Store::open(file);
        QVERIFY(store.ok() && !(*store)->isReadOnly());
        (*store)->exec(QStringLiteral("DELETE FROM incidents WHERE fid = 1"));
        auto report = (*store)->check();
        QVERIFY(report.ok());
        QVERIFY2(report->sound(), qPrintable(report->problems.join(QLatin1Char('\n'))));
        QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), qint64(199));
    }

    // Finding 8: read-only files and file systems.
    void readOnlyFolderIsRead()
    {
        const QString folder = path(QStringLiteral("rofolder"));
        QDir().mkpath(folder);
        const QString file = folder + QStringLiteral("/ws.vigie");
        QVERIFY(QFile::copy(m_clean, file));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
        if (::access(QFile::encodeName(folder).constData(), W_OK) == 0) {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("this user (root) can write a read-only folder");
        }
        auto store = Store::open(file);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QVERIFY((*store)->isReadOnly());
        QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), qint64(200));
    }

    void readOnlyFileSystemIsRead()
    {
        const QString mountPoint = path(QStringLiteral("rofs"));
        QDir().mkpath(mountPoint);
        const QByteArray mp = QFile::encodeName(mountPoint);
        if (::mount("tmpfs", mp.constData(), "tmpfs", 0, "size=16m") != 0)
            QSKIP("cannot mount a file system here (needs root, as in CI)");
        const QString file = mountPoint + QStringLiteral("/ws.vigie");
        QFile::copy(m_clean, file);
        const bool remounted =
            ::mount("tmpfs", mp.constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=16m") == 0;
        auto cleanup = qScopeGuard([&] { ::umount(mp.constData()); });
        QVERIFY(remounted);
        auto store = Store::open(file);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QVERIFY((*store)->isReadOnly());
        QVERIFY((*store)->readOnlyReason().contains(QLatin1String("read-only file system")));
        QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), qint64(200));
        auto snap = (*store)->loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap.ok());
        QCOMPARE(qint64((*snap)->size()), qint64(200));
        auto report = (*store)->check();
        QVERIFY(report.ok() && report->sound());
        auto added = addIncidents(**store, 1, 9);
        QVERIFY(!added.ok());
        QVERIFY(added.error().message.contains(file));
        QVERIFY(added.error().message.contains(QLatin1String("read-only file system")));
        store->reset();
    }

    // Finding 8: damaged stores are found and never written.
    void damagedStoreIsNeverWritten_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("zeroed table page") << QStringLiteral("zero-page");
        QTest::newRow("garbled index page") << QStringLiteral("garble-index");
        QTest::newRow("spatial index entry lost") << QStringLiteral("rtree");
        QTest::newRow("raster grid garbled") << QStringLiteral("raster");
        QTest::newRow("manifest garbled") << QStringLiteral("manifest");
    }

    void damagedStoreIsNeverWritten()
    {
        QFETCH(QString, damage);
        const QString file = copy(QStringLiteral("damaged.vigie"));
        if (damage == QLatin1String("raster")) {
            auto s = Store::open(file);
            LayerManifest m;
            m.id = QStringLiteral("kde");
            m.title.fr = m.title.en = QStringLiteral("KDE");
            m.geometryType = GeometryType::Raster;
            QVERIFY((*s)->addLayer(m, QStringLiteral("test")).ok());
            vigie::analytics::Raster r;
            r.grid = {890000, 6240000, 100, 4, 4};
            r.values.assign(16, 1.0);
            (*s)->writeRaster(QStringLiteral("kde"), r);
        }
        // Page numbers of the incidents table and of its time index.
        auto rootPage = [&](const QString &name) {
            sqlite3 *db = nullptr;
            sqlite3_open_v2(QFile::encodeName(file).constData(), &db, SQLITE_OPEN_READONLY,
                            nullptr);
            sqlite3_stmt *st = nullptr;
            sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = ?", -1, &st,
                               nullptr);
            const QByteArray n = name.toUtf8();
            sqlite3_bind_text(st, 1, n.constData(), -1, SQLITE_TRANSIENT);
            const int page = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
            sqlite3_finalize(st);
            sqlite3_close(db);
            return page;
        };
        auto overwritePage = [&](int page, bool zero) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(page > 1);
            f.seek(qint64(page - 1) * 4096 + (zero ? 0 : 8));
            QByteArray bytes(zero ? 4096 : 64, zero ? '\0' : '\x5a');
            f.write(bytes);
        };
        if (damage == QLatin1String("zero-page"))
            overwritePage(rootPage(QStringLiteral("incidents")), true);
        else if (damage == QLatin1String("garble-index"))
            overwritePage(rootPage(QStringLiteral("vigie_idx_incidents_time")), false);
        else if (damage == QLatin1String("rtree"))
            QVERIFY(
                tamper(file, QStringLiteral("DELETE FROM idx_incidents_geom_rowid WHERE rowid = 5"))
                    .isEmpty());
        else if (damage == QLatin1String("raster"))
            QVERIFY(tamper(file, QStringLiteral("UPDATE vigie_rasters SET data = zeroblob(40)"))
                        .isEmpty());
        else if (damage == QLatin1String("manifest"))
            QVERIFY(tamper(file, QStringLiteral("UPDATE vigie_layers SET manifest = '{\"id\": 3' "
                                                "WHERE id = 'cameras'"))
                        .isEmpty());
        const QByteArray before = fileChecksum(file);
        {
            auto ro = Store::open(file, true);
            if (ro.ok()) {
                auto report = (*ro)->check();
                QVERIFY2(!report.ok() || !report->sound(), "check called a damaged store sound");
            } else {
                QCOMPARE(ro.error().code, ErrorCode::Damaged);
            }
        }
        auto store = Store::open(file);
        if (store.ok() && damage != QLatin1String("rtree") && damage != QLatin1String("raster") &&
            damage != QLatin1String("manifest")) {
            // SQLite-level damage: the first write is refused and the store becomes read-only.
            auto added = addIncidents(**store, 5, 4);
            QVERIFY(!added.ok());
            QCOMPARE(added.error().code, ErrorCode::Damaged);
            QVERIFY(added.error().message.contains(file));
            QVERIFY((*store)->isReadOnly());
        }
        store = Result<std::unique_ptr<Store>>(Error{});
        QCOMPARE(fileChecksum(file), before);
    }

    void spatialIndexRepaired()
    {
        const QString file = copy(QStringLiteral("rtree.vigie"));
        QVERIFY(tamper(file, QStringLiteral("DELETE FROM idx_incidents_geom WHERE pkid < 20"))
                    .isEmpty());
        auto store = Store::open(file);
        QVERIFY(store.ok());
        auto report = (*store)->check();
        QVERIFY(report.ok() && !report->sound());
        auto repaired = (*store)->repair();
        QVERIFY(repaired.ok());
        QVERIFY2(repaired->sound(), qPrintable(repaired->problems.join(QLatin1Char('\n'))));
        QCOMPARE(count(file, QStringLiteral("idx_incidents_geom")), qint64(200));
    }

    // Finding 8: a second writer waits, then names the file.
    void busyStoreWaitsThenNamesTheFile()
    {
        const QString file = copy(QStringLiteral("busy.vigie"));
        {
            auto s = Store::open(file); // WAL mode, as Vigie leaves it
            QVERIFY(s.ok());
        }
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFileInfo::exists(python))
            QSKIP("Debian's python3 is needed to hold a lock from another process");
        auto holdLock = [&](double seconds) {
            auto *p = new QProcess(this);
            p->start(python,
                     {QStringLiteral("-c"),
                      QStringLiteral("import sqlite3, sys, time\n"
                                     "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                                     "c.execute('BEGIN IMMEDIATE')\n"
                                     "c.execute(\"INSERT INTO vigie_meta VALUES ('lock', 'x')\")\n"
                                     "print('locked', flush=True)\n"
                                     "time.sleep(float(sys.argv[2]))\n"
                                     "c.execute('ROLLBACK')\n"),
                      file, QString::number(seconds)});
            p->waitForReadyRead(10000);
            return p;
        };
        // Waits, then succeeds.
        {
            auto store = Store::open(file);
            QVERIFY(store.ok());
            QProcess *p = holdLock(1.5);
            QElapsedTimer timer;
            timer.start();
            auto added = addIncidents(**store, 10, 5);
            const qint64 waited = timer.elapsed();
            p->waitForFinished(10000);
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
            QVERIFY2(waited >= 1000, qPrintable(QString::number(waited)));
        }
        // Gives up after the busy timeout with a message that names the file.
        qputenv("VIGIE_BUSY_TIMEOUT_MS", "300");
        auto reset = qScopeGuard([] { qunsetenv("VIGIE_BUSY_TIMEOUT_MS"); });
        auto store = Store::open(file);
        QVERIFY(store.ok());
        QProcess *p = holdLock(3);
        auto added = addIncidents(**store, 10, 6);
        p->kill();
        p->waitForFinished();
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, ErrorCode::Busy);
        QVERIFY2(added.error().message.contains(file), qPrintable(added.error().message));
    }

    void saveCopyIsWholeOrNothing()
    {
        auto store = Store::open(m_clean, true);
        QVERIFY(store.ok());
        const QString target = path(QStringLiteral("copy.vigie"));
        QVERIFY((*store)->saveCopy(target).ok());
        QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
        auto copy = Store::open(target, true);
        QVERIFY(copy.ok());
        QCOMPARE((*copy)->featureCount(QStringLiteral("incidents")), qint64(200));
        QVERIFY(!(*store)->saveCopy(target).ok()); // never over an existing file
    }

    // Issue 16 findings 6 and 9: every write path refuses what it would otherwise alter or what
    // would crash a reader: coordinates no Lambert-93 point has (1e308 imported, then `render`
    // crashed), non-integers in integer fields (2.5 became 3), categories the layer does not have.
    void inserterRefusesWhatItWouldAlter_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1e308") << 1e308 << -1e308 << -1 << QVariant() << "not Lambert-93";
        QTest::newRow("degrees as metres, overflow") << 5.37 << 2e9 << -1 << QVariant() << "beyond";
        QTest::newRow("2.5 in an integer")
            << 891000.0 << 6246000.0 << 2 << QVariant(2.5) << "integer";
        QTest::newRow("\"2.7\" in an integer")
            << 891000.0 << 6246000.0 << 2 << QVariant(QStringLiteral("2.7")) << "integer";
        QTest::newRow("unknown category")
            << 891000.0 << 6246000.0 << 1 << QVariant(QStringLiteral("<script>x</script>"))
            << "categories";
        QTest::newRow("NUL in text")
            << 891000.0 << 6246000.0 << 3
            << QVariant(QStringLiteral("20") + QChar(0) + QStringLiteral("1")) << "NUL";
    }

    void inserterRefusesWhatItWouldAlter()
    {
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(int, field);
        QFETCH(QVariant, value);
        QFETCH(QString, expected);
        const QString p = copy(QStringLiteral("alter.vigie"));
        {
            auto store = Store::open(p);
            QVERIFY(store.ok());
            const auto r = captureErrors([&] {
                Store::Transaction tx(**store);
                Store::Inserter ins(**store, QStringLiteral("incidents"));
                ins.add(incident(891000, 6246000)); // a sound one first: rolled back with the rest
                FeatureRecord bad = incident(x, y);
                if (field >= 0)
                    bad.values[field] = value;
                ins.add(bad);
                tx.commit();
            });
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(expected, Qt::CaseInsensitive),
                     qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QLatin1String("feature 2")) ||
                         r.error().message.contains(QLatin1String("#2")),
                     qPrintable(r.error().message));
            QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), std::int64_t(200));
        }
        QCOMPARE(count(p, QStringLiteral("incidents")), qint64(200));
        // 3.0 is an integer written as a decimal: stored as 3, nothing refused.
        auto store = Store::open(p);
        QVERIFY(store.ok());
        const auto ok = captureErrors([&] {
            Store::Transaction tx(**store);
            Store::Inserter ins(**store, QStringLiteral("incidents"));
            FeatureRecord r = incident(891000, 6246000);
            r.values[2] = 3.0;
            ins.add(r);
            tx.commit();
        });
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE((*store)->featureCount(QStringLiteral("incidents")), std::int64_t(201));
    }

    // Directories and FIFOs are not "missing".
    void notAFileIsSaidSo()
    {
        auto dir = Store::open(m_dir.path());
        QVERIFY(!dir.ok());
        QVERIFY2(dir.error().message.contains(QLatin1String("folder")),
                 qPrintable(dir.error().message));
        const QString fifo = path(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        auto f = Store::open(fifo);
        QVERIFY(!f.ok());
        QVERIFY2(f.error().message.contains(QLatin1String("regular file")),
                 qPrintable(f.error().message));
        auto missing = Store::open(path(QStringLiteral("nope.vigie")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestStoreHardening)
#include "test_store_hardening.moc"
