// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskstatus.h"

#include "task/task.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigie::gui {

using core::Task;

namespace {

QToolButton *cancelButton(QWidget *parent, Task *task)
{
    auto *b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(QStyle::SP_DialogCancelButton));
    b->setAutoRaise(true);
    b->setToolTip(TaskStatus::tr("Cancel"));
    QObject::connect(b, &QToolButton::clicked, task, [task, b] {
        task->cancel(); // returns at once; the row goes when the work has stopped
        b->setEnabled(false);
    });
    return b;
}

} // namespace

TaskStatus::TaskStatus(core::TaskManager *manager, QWidget *parent)
    : QWidget(parent), m_manager(manager)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setMaximumWidth(320);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelTask"));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_cancel->setAutoRaise(true);
    m_more = new QToolButton(this);
    m_more->setObjectName(QStringLiteral("taskList"));
    m_more->setAutoRaise(true);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_more);

    m_list = new QFrame(this, Qt::Popup);
    m_list->setObjectName(QStringLiteral("taskListPopup"));
    m_list->setFrameShape(QFrame::StyledPanel);
    m_listLayout = new QVBoxLayout(m_list);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (Task *t = latest()) {
            t->cancel();
            m_label->setText(tr("Canceling: %1").arg(t->description()));
        }
    });
    connect(m_more, &QToolButton::clicked, this, &TaskStatus::showList);
    connect(manager, &core::TaskManager::taskStarted, this, [this](Task *t) {
        connect(t, &Task::progressChanged, this, &TaskStatus::refresh);
        refresh();
        if (m_list->isVisible())
            rebuildList();
    });
    connect(manager, &core::TaskManager::taskFinished, this, [this] {
        refresh();
        if (m_list->isVisible())
            rebuildList();
    });
    m_cancel->setToolTip(tr("Cancel"));
    refresh();
}

Task *TaskStatus::latest() const
{
    const QList<Task *> tasks = m_manager->activeTasks();
    return tasks.isEmpty() ? nullptr : tasks.last();
}

void TaskStatus::refresh()
{
    const Task *t = latest();
    setVisible(t != nullptr);
    if (!t)
        return;
    const QString step = t->step();
    m_label->setText(t->isCancelRequested() ? tr("Canceling: %1").arg(t->description())
                                            : t->description());
    m_label->setToolTip(step);
    m_progress->setValue(int(t->progress()));
    m_cancel->setEnabled(!t->isCancelRequested());
    const int n = m_manager->activeCount();
    m_more->setVisible(n > 1);
    m_more->setText(tr("%n task(s)", nullptr, n));
    m_more->setToolTip(tr("Show the running tasks"));
}

void TaskStatus::showList()
{
    rebuildList();
    m_list->adjustSize();
    const QPoint below = m_more->mapToGlobal(QPoint(m_more->width(), 0));
    m_list->move(below - QPoint(m_list->width(), m_list->height()));
    m_list->show();
}

void TaskStatus::rebuildList()
{
    while (QLayoutItem *item = m_listLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (Task *t : m_manager->activeTasks()) {
        auto *row = new QWidget(m_list);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(t->description(), row);
        auto *bar = new QProgressBar(row);
        bar->setRange(0, 100);
        bar->setValue(int(t->progress()));
        bar->setMaximumWidth(160);
        connect(t, &Task::progressChanged, bar, [bar](double p) { bar->setValue(int(p)); });
        h->addWidget(label, 1);
        h->addWidget(bar);
        h->addWidget(cancelButton(row, t));
        m_listLayout->addWidget(row);
    }
    if (m_manager->activeCount() == 0)
        m_list->hide();
    else
        m_list->adjustSize();
}

void TaskStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_cancel->setToolTip(tr("Cancel"));
        refresh();
    }
    QWidget::changeEvent(event);
}

void showProgress(core::Task *task, QProgressBar *bar, QLabel *step)
{
    QObject::connect(task, &Task::progressChanged, bar,
                     [bar, step](double percent, const QString &text) {
                         bar->setValue(int(percent));
                         if (!text.isEmpty() && step)
                             step->setText(text);
                     });
}

} // namespace vigie::gui
