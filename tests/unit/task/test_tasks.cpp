// SPDX-License-Identifier: GPL-3.0-or-later
// The task abstraction (core/task) as the GUI uses it: every outcome reaches the caller (an
// exception of any type becomes a message, none is swallowed), a cancel returns at once, and
// canceling any long task (an analysis, a scenario, an import, a demo creation, a report)
// leaves the workspace byte-identical. Prints how long the canceling thread was held and the
// longest stall of its event loop while the work stopped.
#include "core/demo/demogenerator.h"
#include "core/io/importer.h"
#include "core/processing/algorithm.h"
#include "core/report/reporttemplate.h"
#include "core/store/store.h"
#include "core/task/task.h"
#include "render/report/reportpdf.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <stdexcept>

using namespace vigie;
using core::Task;

namespace {

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

/// An algorithm that fails the way a bug would, to see the message reach the user.
class ThrowingAlgorithm final : public core::processing::Algorithm
{
public:
    QString id() const override { return QStringLiteral("test_throws"); }
    QString title() const override { return QStringLiteral("Throws"); }
    core::processing::AlgorithmGroup group() const override
    {
        return core::processing::AlgorithmGroup::Analysis;
    }
    QString explanation() const override { return QStringLiteral("Fails on purpose."); }
    core::processing::ParameterDefinitions parameters() const override { return {}; }
    void run(core::processing::AlgorithmContext &,
             const core::processing::ParameterValues &) const override
    {
        throw std::runtime_error("index 7 out of range");
    }
};

/// What a task ended with, read in its finished() (the task is deleted afterwards).
struct Ended
{
    Task::Status status = Task::Status::Queued;
    QString error;
    qint64 cancelNs = -1;      ///< how long cancel() held the calling thread
    qint64 stopMs = -1;        ///< from the cancel to finished()
    qint64 longestStallMs = 0; ///< of the calling thread's event loop meanwhile
};

/// Runs work as a task; cancels it from this thread once it reports `cancelAt` percent.
Ended runTask(core::TaskManager &tasks, Task::Work work, double cancelAt = -1)
{
    Ended e;
    QPointer<Task> task = tasks.start(QStringLiteral("test"), std::move(work));
    QElapsedTimer sinceCancel, tick;
    QTimer beat; // a GUI thread's heartbeat: the gaps between its ticks are stalls
    beat.setInterval(5);
    QObject::connect(&beat, &QTimer::timeout,
                     [&] { e.longestStallMs = std::max(e.longestStallMs, tick.restart()); });
    QObject::connect(task, &Task::progressChanged, [&, t = task.data()](double percent) {
        if (cancelAt < 0 || percent < cancelAt || e.cancelNs >= 0)
            return;
        QElapsedTimer c;
        c.start();
        t->cancel();
        e.cancelNs = c.nsecsElapsed();
        sinceCancel.start();
        tick.start();
        beat.start();
    });
    bool done = false;
    QObject::connect(task, &Task::finished, [&, t = task.data()](Task::Status s) {
        e.status = s;
        e.error = t->errorMessage();
        if (sinceCancel.isValid())
            e.stopMs = sinceCancel.elapsed();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 120000))
        e.error = QStringLiteral("the task did not end within 2 minutes");
    return e;
}

} // namespace

class TestTasks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.vigie"));
        core::DemoOptions options;
        options.incidentScale = 0.2;
        auto made = core::createDemoStore(m_base, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        QVERIFY(core::processing::AlgorithmRegistry::instance().add(
            std::make_unique<ThrowingAlgorithm>()));
    }

    /// Each way work can end reaches the caller: with its message when it failed.
    void outcomes()
    {
        core::TaskManager tasks;
        Ended e = runTask(tasks, [](analytics::Feedback &f) { f.setProgress(50); });
        QCOMPARE(e.status, Task::Status::Finished);

        e = runTask(tasks, [](analytics::Feedback &) {
            throw core::Exception(core::ErrorCode::Io, QStringLiteral("disque plein"));
        });
        QCOMPARE(e.status, Task::Status::Failed);
        QCOMPARE(e.error, QStringLiteral("disque plein"));

        e = runTask(tasks, [](analytics::Feedback &) { throw std::runtime_error("bad index"); });
        QCOMPARE(e.status, Task::Status::Failed);
        QCOMPARE(e.error, QStringLiteral("bad index"));

        e = runTask(tasks, [](analytics::Feedback &) { throw 42; });
        QCOMPARE(e.status, Task::Status::Failed);
        QVERIFY2(e.error.startsWith(QStringLiteral("test")), qPrintable(e.error));

        e = runTask(tasks, [](analytics::Feedback &) { throw analytics::Canceled{}; });
        QCOMPARE(e.status, Task::Status::Canceled);
        QCOMPARE(tasks.activeCount(), 0);
    }

    /// A task canceled before a worker took it never runs its work.
    void canceledBeforeItStarts()
    {
        core::TaskManager tasks;
        std::atomic<bool> ran{false};
        QPointer<Task> t =
            tasks.start(QStringLiteral("never"), [&](analytics::Feedback &) { ran = true; });
        t->cancel();
        QSignalSpy finished(t.data(), &Task::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().value<Task::Status>(), Task::Status::Canceled);
        QVERIFY(!ran);
    }

    /// An exception inside an algorithm reaches the user as the runner's message.
    void algorithmExceptionBecomesAMessage()
    {
        const QString path = copyOfBase(QStringLiteral("throws.vigie"));
        const QByteArray before = sha256(path);
        core::TaskManager tasks;
        const Ended e = runTask(tasks, [path](analytics::Feedback &f) {
            auto store = core::Store::open(path).valueOrThrow();
            core::processing::AlgorithmRun run;
            run.algorithm = QStringLiteral("test_throws");
            core::processing::ProcessingRunner::run(*store, run, &f).valueOrThrow();
        });
        QCOMPARE(e.status, Task::Status::Failed);
        QVERIFY2(e.error.contains(QStringLiteral("index 7 out of range")) &&
                     e.error.contains(QStringLiteral("Throws")),
                 qPrintable(e.error));
        QCOMPARE(sha256(path), before);
    }

    void cancelLeavesTheWorkspaceByteIdentical_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *k : {"analysis", "scenario", "import", "report", "demo"})
            QTest::newRow(k) << QString::fromLatin1(k);
    }

    /// Canceled while it runs, each long task leaves the workspace as it was, byte for byte;
    /// cancel() returns at once and the canceling thread's event loop never stalls long.
    void cancelLeavesTheWorkspaceByteIdentical()
    {
        QFETCH(QString, kind);
        const QString path = copyOfBase(kind + QStringLiteral(".vigie"));
        const QString out = m_dir.filePath(kind + QStringLiteral("-out"));
        const QByteArray before = sha256(path);
        core::TaskManager tasks;
        const Ended e =
            runTask(tasks, work(kind, path, out), kind == QLatin1String("demo") ? 30 : 1);
        qInfo("%s: cancel() held the thread %.3f ms; the work stopped %lld ms later; longest "
              "event-loop stall meanwhile %lld ms",
              qPrintable(kind), e.cancelNs / 1e6, e.stopMs, e.longestStallMs);
        QVERIFY2(e.cancelNs >= 0, "the work ended before it could be canceled");
        QCOMPARE(e.status, Task::Status::Canceled);
        QVERIFY2(e.cancelNs < 100'000'000, "cancel() held the GUI thread over 100 ms");
        QVERIFY2(e.longestStallMs < 100, "the event loop stalled over 100 ms");
        QCOMPARE(sha256(path), before);
        // (a read-only reader may leave an empty -wal beside it: nothing in it)
        const QFileInfo wal(path + QStringLiteral("-wal"));
        QVERIFY2(!wal.exists() || wal.size() == 0, "changes left in the -wal file");
        QVERIFY2(!QFileInfo::exists(out), "a canceled task left its output file");
    }

private:
    QString copyOfBase(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(m_base, path))
            qFatal("cannot copy the demo workspace");
        return path;
    }

    /// The long work of each kind, on the workspace at `path` (`out`: a file it would write).
    static Task::Work work(const QString &kind, const QString &path, const QString &out)
    {
        if (kind == QLatin1String("analysis"))
            return [path](analytics::Feedback &f) {
                auto store = core::Store::open(path).valueOrThrow();
                core::processing::AlgorithmRun run;
                run.algorithm = QStringLiteral("kde");
                run.parameters = {{QStringLiteral("cellSize"), 10},
                                  {QStringLiteral("bandwidth"), 800}};
                core::processing::ProcessingRunner::run(*store, run, &f).orThrow();
            };
        if (kind == QLatin1String("scenario"))
            return [path](analytics::Feedback &f) {
                auto store = core::Store::open(path).valueOrThrow();
                core::processing::AlgorithmRun run;
                run.algorithm = QStringLiteral("forecast");
                run.parameters = {{QStringLiteral("model"), QStringLiteral("sepp")},
                                  {QStringLiteral("cellSize"), 50},
                                  {QStringLiteral("trainingDays"), 3650}};
                core::processing::ProcessingRunner::run(*store, run, &f).orThrow();
            };
        if (kind == QLatin1String("import"))
            return [path](analytics::Feedback &f) {
                auto store = core::Store::open(path).valueOrThrow();
                core::ImportOptions o;
                o.sourceCrs = QStringLiteral("EPSG:4326");
                o.newLayerId = QStringLiteral("essex");
                o.skipInvalid = true;
                core::Importer::importFile(
                    *store,
                    QStringLiteral(VIGIE_SHARED_DATA
                                   "/crime_policeuk_essex_2018/2018-01-essex-street.csv"),
                    o, &f)
                    .orThrow();
            };
        if (kind == QLatin1String("report"))
            return [path, out](analytics::Feedback &f) {
                auto store = core::Store::open(path, /*readOnly=*/true).valueOrThrow();
                core::ReportRequest r;
                r.reportTemplate = core::ReportTemplate::load(QStringLiteral("bilan_mensuel_clspd"))
                                       .valueOrThrow();
                r.period =
                    core::ReportPeriod::parse(QStringLiteral("2024-01..2025-03")).valueOrThrow();
                render::exportReport(*store, r, out, &f).orThrow();
            };
        // A demo workspace: its file must not exist after a cancel.
        return [out](analytics::Feedback &f) {
            core::DemoOptions options;
            options.incidentScale = 0.2;
            core::createDemoStore(out, options, &f).orThrow();
        };
    }

    QTemporaryDir m_dir;
    QString m_base;
};

QTEST_MAIN(TestTasks)
#include "test_tasks.moc"
