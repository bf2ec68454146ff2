// SPDX-License-Identifier: GPL-3.0-or-later
#include "task.h"

#include "../result.h"

#include <QMetaObject>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

namespace vigie::core {

Task::Task(QString description, Work work, QObject *parent)
    : QObject(parent), m_description(std::move(description)), m_work(std::move(work))
{
    // Progress arrives on the worker thread: forwarded to this object's thread, at most once per
    // whole percent or new step so a tight loop cannot flood the event queue.
    auto last = std::make_shared<std::atomic<int>>(-1);
    m_feedback = std::make_shared<analytics::Feedback>(
        [this, last](double percent, const std::string &step) {
            const int whole = int(std::clamp(percent, 0.0, 100.0));
            if (last->exchange(whole) == whole && step.empty())
                return;
            const QString text = QString::fromStdString(step);
            QMetaObject::invokeMethod(
                this,
                [this, percent, text] {
                    m_progress = std::clamp(percent, 0.0, 100.0);
                    if (!text.isEmpty())
                        m_step = text;
                    emit progressChanged(m_progress, m_step);
                },
                Qt::QueuedConnection);
        });
}

Task::~Task() = default;

void Task::cancel()
{
    m_feedback->cancel();
}

void Task::run()
{
    Status status = Status::Finished;
    QString error;
    try {
        if (m_feedback->isCanceled())
            throw analytics::Canceled{};
        m_work(*m_feedback);
    } catch (const analytics::Canceled &) {
        status = Status::Canceled;
    } catch (const Exception &e) {
        status = e.error().code == ErrorCode::Canceled ? Status::Canceled : Status::Failed;
        error = e.error().message;
    } catch (const std::exception &e) {
        status = Status::Failed;
        error = QString::fromUtf8(e.what());
    } catch (...) {
        status = Status::Failed;
        error = tr("%1: unexpected error").arg(m_description);
    }
    m_work = nullptr; // what the work captured is released here, off the GUI thread
    QMetaObject::invokeMethod(
        this, [this, status, error] { deliver(status, error); }, Qt::QueuedConnection);
}

void Task::deliver(Status status, const QString &error)
{
    m_status = status;
    m_error = error;
    if (status == Status::Finished)
        m_progress = 100;
    emit finished(status);
}

// --- TaskManager -----------------------------------------------------------------------------

TaskManager::TaskManager(QObject *parent) : QObject(parent), m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
}

TaskManager::~TaskManager()
{
    cancelAll();
    m_pool->waitForDone();
    qDeleteAll(m_active); // their queued finished() is dropped with them
}

Task *TaskManager::start(const QString &description, Task::Work work)
{
    auto *task = new Task(description, std::move(work), this);
    task->m_status = Task::Status::Running; // (queued in the pool at worst for a moment)
    m_active.append(task);
    connect(task, &Task::finished, this, [this, task] {
        m_active.removeOne(task);
        emit taskFinished(task);
        emit activeCountChanged(activeCount());
        task->deleteLater();
    });
    emit taskStarted(task);
    emit activeCountChanged(activeCount());
    m_pool->start([task] { task->run(); });
    return task;
}

void TaskManager::cancelAll()
{
    for (Task *t : std::as_const(m_active))
        t->cancel();
}

bool TaskManager::waitForDone(int msecs)
{
    return m_pool->waitForDone(msecs);
}

} // namespace vigie::core
