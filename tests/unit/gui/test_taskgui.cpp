// SPDX-License-Identifier: GPL-3.0-or-later
// The task manager in the main window's status bar, offscreen on a small demo workspace: two
// tasks run at once (a forecast and a report), the status bar lists both, each is canceled
// from it, and neither cancel holds the GUI thread: the click's time and the event loop's
// longest stall until the work has stopped are printed and must stay under 100 ms.
// Screenshots: VIGIE_TEST_OUTPUT/tasks-statusbar.png and tasks-list.png.

#include "guitestsupport.h"
#include "mainwindow.h"
#include "taskstatus.h"

#include "core/report/reporttemplate.h"
#include "core/store/store.h"
#include "core/task/task.h"
#include "render/report/reportpdf.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>

using namespace vigie;

namespace {

/// The longest gap between the ticks of a 5 ms timer of the GUI thread while it lives.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_tick.start();
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_tick.restart()); });
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_tick;
    qint64 m_longest = 0;
};

} // namespace

class TestTaskGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        guitest::makeFrenchDemo(m_store, 0.1);
        if (QTest::currentTestFailed())
            return;
        guitest::showWindow(m_window, QSize(1280, 800));
        if (QTest::currentTestFailed())
            return;
        guitest::openAndWaitForMap(*m_window, m_store);
    }

    void twoTasksListedAndCanceled()
    {
        auto &w = *m_window;
        core::TaskManager *tasks = w.taskManager();
        QVERIFY(tasks);
        QTRY_COMPARE_WITH_TIMEOUT(tasks->activeCount(), 0, 30000);
        auto *status = w.findChild<gui::TaskStatus *>();
        QVERIFY(status && !status->isVisible());

        // A long forecast, run from the window…
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        core::ScenarioRequest forecast;
        forecast.kind = core::ScenarioKind::Forecast;
        forecast.parameters = {{QStringLiteral("model"), QStringLiteral("sepp")},
                               {QStringLiteral("cellSize"), 50},
                               {QStringLiteral("trainingDays"), 3650}};
        w.runScenario(forecast);
        // …and a report written at the same time, as the report dialog does.
        const QString pdf = m_dir.filePath(QStringLiteral("rapport.pdf"));
        const QString store = m_store;
        QPointer<core::Task> report = tasks->start(
            QStringLiteral("Rapport : rapport.pdf"), [store, pdf](analytics::Feedback &f) {
                auto s = core::Store::open(store, true).valueOrThrow();
                core::ReportRequest r;
                r.reportTemplate = core::ReportTemplate::load(QStringLiteral("bilan_mensuel_clspd"))
                                       .valueOrThrow();
                r.period =
                    core::ReportPeriod::parse(QStringLiteral("2023-01..2025-03")).valueOrThrow();
                // Slowed down so that it is still running when the test cancels it; the
                // cancel is passed on to the report's own feedback.
                analytics::Feedback *inner = nullptr;
                analytics::Feedback slow([&](double p, const std::string &step) {
                    f.setProgress(p, step);
                    if (f.isCanceled())
                        inner->cancel();
                    QThread::msleep(50);
                });
                inner = &slow;
                render::exportReport(*s, r, pdf, &slow).orThrow();
            });
        QCOMPARE(tasks->activeCount(), 2);
        auto *more = status->findChild<QToolButton *>(QStringLiteral("taskList"));
        QVERIFY(more);
        QTRY_VERIFY_WITH_TIMEOUT(status->isVisible() && more->isVisible(), 5000);
        QCOMPARE(more->text(), QStringLiteral("2 tâches"));
        QTest::qWait(300);
        const QString out = qEnvironmentVariable("VIGIE_TEST_OUTPUT", m_dir.path());
        QDir().mkpath(out);
        QVERIFY(w.grab().save(out + QStringLiteral("/tasks-statusbar.png")));

        // The list of running tasks, each with its own cancel button.
        QTest::mouseClick(more, Qt::LeftButton);
        QFrame *list = status->taskList();
        QTRY_VERIFY_WITH_TIMEOUT(list->isVisible(), 5000);
        QList<QToolButton *> cancels = list->findChildren<QToolButton *>();
        QCOMPARE(cancels.size(), 2);
        QList<QLabel *> labels = list->findChildren<QLabel *>();
        QStringList names;
        for (QLabel *l : labels)
            names << l->text();
        qInfo().noquote() << "listed:" << names.join(QStringLiteral(" | "));
        QVERIFY(names.contains(QStringLiteral("Rapport : rapport.pdf")));
        QVERIFY(list->grab().save(out + QStringLiteral("/tasks-list.png")));
        qInfo().noquote() << "screenshots:" << out + QStringLiteral("/tasks-statusbar.png")
                          << out + QStringLiteral("/tasks-list.png");

        // Cancel the report from the list: the click returns at once, the loop keeps beating.
        {
            Heartbeat beat;
            QElapsedTimer click;
            click.start();
            QTest::mouseClick(cancels.at(1), Qt::LeftButton); // rows: window task, then report
            const qint64 clickMs = click.elapsed();
            QTRY_VERIFY_WITH_TIMEOUT(report.isNull(), 30000);
            qInfo("report canceled from the list: click %lld ms, stopped after %lld ms, longest "
                  "stall %lld ms",
                  clickMs, click.elapsed(), beat.longestMs());
            QVERIFY(clickMs < 100);
            QVERIFY(beat.longestMs() < 100);
        }
        QCOMPARE(tasks->activeCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!more->isVisible(), 5000);

        // Cancel the forecast with the status bar's button.
        auto *cancel = status->findChild<QToolButton *>(QStringLiteral("cancelTask"));
        QVERIFY(cancel && cancel->isVisible());
        {
            Heartbeat beat;
            QElapsedTimer click;
            click.start();
            QTest::mouseClick(cancel, Qt::LeftButton);
            const qint64 clickMs = click.elapsed();
            QVERIFY(ended.wait(60000));
            qInfo("forecast canceled from the status bar: click %lld ms, stopped after %lld ms, "
                  "longest stall %lld ms",
                  clickMs, click.elapsed(), beat.longestMs());
            QVERIFY(clickMs < 100);
            QVERIFY(beat.longestMs() < 100);
        }
        QCOMPARE(ended.takeFirst().at(0).toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(tasks->activeCount(), 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!status->isVisible(), 5000);
        QVERIFY(!QFileInfo::exists(pdf));
    }

    /// A failure inside a window task reaches the user as a message.
    void failureShown()
    {
        auto &w = *m_window;
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        core::ScenarioRequest impact;
        impact.kind = core::ScenarioKind::Impact;
        impact.parameters = {{QStringLiteral("actionDate"), QStringLiteral("2024-03-01")},
                             {QStringLiteral("actionAreas"), QStringLiteral("Nulle part")}};
        w.runScenario(impact);
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended.takeFirst().at(0).toBool(), false);
        qInfo().noquote() << "message:" << w.lastError();
        QVERIFY2(w.lastError().contains(QStringLiteral("Nulle part")), qPrintable(w.lastError()));
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<gui::MainWindow> m_window;
};

QTEST_MAIN(TestTaskGui)
#include "test_taskgui.moc"
