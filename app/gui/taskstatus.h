// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class QFrame;
class QVBoxLayout;

namespace vigie::core {
class Task;
class TaskManager;
} // namespace vigie::core

namespace vigie::gui {

/**
 * The status bar's view of the task manager: the latest task's description and progress with a
 * cancel button, and a button listing every running task (each with its progress and its own
 * cancel button) when more than one runs. Hidden when nothing runs.
 */
class TaskStatus : public QWidget
{
    Q_OBJECT

public:
    explicit TaskStatus(core::TaskManager *manager, QWidget *parent = nullptr);

    /// The list of running tasks (a popup), for tests and screenshots.
    QFrame *taskList() const { return m_list; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void showList();
    void rebuildList();
    core::Task *latest() const;

    core::TaskManager *m_manager;
    QLabel *m_label;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QToolButton *m_more;
    QFrame *m_list;
    QVBoxLayout *m_listLayout;
};

/// Shows a task's progress in a bar and its current step in a label (a dialog's own view of
/// the task it started; the status bar shows it too).
void showProgress(core::Task *task, QProgressBar *bar, QLabel *step);

} // namespace vigie::gui
