// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/syncengine.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vigie::core {
class Task;
class TaskManager;
} // namespace vigie::core

namespace vigie::gui {

class DateField;

/**
 * The Sync panel: pulls layers from the data hub into the open workspace (core/sync).
 * Hub URL, layers, area and time window of a first pull, credentials (kept in memory for the
 * session only: never in the workspace, the settings, the log or any message), Start / Cancel,
 * progress, the last sync of every layer and what the last run changed.
 *
 * The sync runs as a task of the task manager, on its own connection to the workspace file;
 * syncFinished() tells the main window to reload its layers.
 */
class SyncPanel : public QWidget
{
    Q_OBJECT

public:
    /// `tasks`: where the sync runs (the window's; the panel's own if null).
    explicit SyncPanel(core::TaskManager *tasks = nullptr, QWidget *parent = nullptr);
    ~SyncPanel() override;

    /// The workspace file to sync into (empty: none open; Start is then disabled).
    void setStorePath(const QString &path);
    bool isRunning() const;

public slots:
    void start();
    void cancel();
    /// Re-reads the last sync per layer from the workspace.
    void refresh();

signals:
    /// A run ended (ok = every layer synced). The workspace file may have changed.
    void syncFinished(bool ok);

private:
    void finished(const core::Task &task, const core::sync::SyncReport &report);
    void setRunning(bool running);

    QString m_storePath;
    QLineEdit *m_url = nullptr;
    QListWidget *m_layers = nullptr;
    QCheckBox *m_useBbox = nullptr;
    QLineEdit *m_bbox = nullptr;
    QCheckBox *m_useSince = nullptr;
    DateField *m_since = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_reset = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_state = nullptr;
    QPlainTextEdit *m_changes = nullptr;
    core::TaskManager *m_tasks = nullptr;
    QPointer<core::Task> m_task;
};

} // namespace vigie::gui
