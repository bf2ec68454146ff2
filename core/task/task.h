// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/feedback.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThreadPool;

namespace vigie::core {

class TaskManager;

/**
 * One piece of long work run off the GUI thread: algorithms, sync, import, demo creation,
 * reports. It has a description, a progress with the current step, and an outcome; it can be
 * canceled at any time without waiting (the work stops at its next check of the feedback).
 *
 * The work reports failure by throwing: a core::Exception or any std::exception becomes the
 * task's error message, analytics::Canceled (or a cancel requested before the work returned)
 * makes it Canceled. Nothing is swallowed: an exception of an unknown type still fails the task
 * with a message. Signals are delivered in the thread the task lives in (the GUI thread).
 */
class Task : public QObject
{
    Q_OBJECT

public:
    enum class Status { Queued, Running, Finished, Canceled, Failed };
    Q_ENUM(Status)
    using Work = std::function<void(analytics::Feedback &)>;

    Task(QString description, Work work, QObject *parent = nullptr);
    ~Task() override;

    QString description() const { return m_description; }
    Status status() const { return m_status; }
    bool isActive() const { return m_status == Status::Queued || m_status == Status::Running; }
    double progress() const { return m_progress; } ///< 0–100
    QString step() const { return m_step; }        ///< the current step, translated
    QString errorMessage() const { return m_error; }
    /// Requests the work to stop and returns at once (never waits for the worker thread).
    void cancel();
    bool isCancelRequested() const { return m_feedback->isCanceled(); }

    /// Runs the work in the calling thread (the task manager calls it in a worker thread).
    void run();

signals:
    void progressChanged(double percent, const QString &step);
    /// Once, when the work has ended (Finished, Canceled or Failed).
    void finished(vigie::core::Task::Status status);

private:
    friend class TaskManager;
    void deliver(Status status, const QString &error);

    QString m_description;
    Work m_work;
    std::shared_ptr<analytics::Feedback> m_feedback;
    Status m_status = Status::Queued;
    double m_progress = 0;
    QString m_step;
    QString m_error;
};

/**
 * Runs tasks in its own thread pool (so they never starve the map's rendering) and lists the
 * active ones, for the status bar. Tasks are owned by the manager and deleted after their
 * finished() signal has been delivered.
 */
class TaskManager : public QObject
{
    Q_OBJECT

public:
    explicit TaskManager(QObject *parent = nullptr);
    /// Cancels what still runs and waits for it (the application is closing).
    ~TaskManager() override;

    /// Starts the work; the returned task is valid until its finished() has been delivered.
    Task *start(const QString &description, Task::Work work);
    QList<Task *> activeTasks() const { return m_active; }
    int activeCount() const { return int(m_active.size()); }
    /// Requests every active task to stop; returns at once.
    void cancelAll();
    /// Waits for the worker threads (for shutdown and tests); false on timeout.
    bool waitForDone(int msecs = -1);

signals:
    void taskStarted(vigie::core::Task *task);
    void taskFinished(vigie::core::Task *task);
    void activeCountChanged(int count);

private:
    std::unique_ptr<QThreadPool> m_pool;
    QList<Task *> m_active;
};

} // namespace vigie::core
