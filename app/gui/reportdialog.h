// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/report/reporttemplate.h"

#include <QDialog>
#include <QPointer>
#include <QString>

#include <memory>

class QBuffer;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QWidget;

namespace vigie::core {
class Task;
class TaskManager;
} // namespace vigie::core

namespace vigie::gui {

/**
 * File → Export report…: a report template, a period of months, the areas and the options
 * (language, paper, orientation, small-count threshold, author), with a live preview of the PDF
 * (Qt PDF) rebuilt shortly after each change. The preview and the export run as tasks of the
 * task manager (they open the workspace read-only); both show progress and can be canceled.
 */
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `storePath`: the open workspace; `language`: "fr" or "en" (the report's default language).
    /// `tasks`: where the preview and the export run (the window's; the dialog's own if null).
    ReportDialog(const QString &storePath, const QString &language,
                 core::TaskManager *tasks = nullptr, QWidget *parent = nullptr);
    ~ReportDialog() override;

    /// The request as currently set (the template may be invalid: see lastError()).
    core::ReportRequest request() const;
    QString lastError() const { return m_error; }
    /// The map window's base map, offered under the report's maps (ticked); none: plain maps.
    void setBaseMap(const std::optional<core::BaseMapSource> &source);

private:
    struct Outcome
    {
        QString message; ///< the report's notes
        QByteArray pdf;  ///< preview bytes
        int pages = 0;
    };

    /// The choices (template, period, areas, language, paper, small counts, author).
    QWidget *buildForm();
    QWidget *buildPreview();
    /// Status, progress, Cancel, Export and Close.
    QLayout *buildButtons();
    void connectChoices();
    void templateChanged();
    void schedulePreview();
    void startPreview();
    void exportReport();
    void cancelWork();
    void workFinished(const core::Task &task, const Outcome &outcome);
    void setBusy(bool busy, const QString &what);
    void start(bool preview, const QString &path);

    QString m_storePath;
    QString m_language;
    core::ReportTemplate m_template;
    QString m_error;

    QComboBox *m_templates = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QListWidget *m_areas = nullptr;
    QComboBox *m_reportLanguage = nullptr;
    QComboBox *m_paper = nullptr;
    QComboBox *m_orientation = nullptr;
    QSpinBox *m_minCount = nullptr;
    QLineEdit *m_author = nullptr;
    QCheckBox *m_useBaseMap = nullptr;
    std::optional<core::BaseMapSource> m_baseMap;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    QWidget *m_preview = nullptr;  ///< QPdfView when Qt PDF is available, else a label
    QObject *m_document = nullptr; ///< QPdfDocument
    QTimer *m_debounce = nullptr;

    core::TaskManager *m_tasks = nullptr;
    QPointer<core::Task> m_task;
    bool m_running = false;
    bool m_runningPreview = false;
    bool m_previewPending = false;
    std::unique_ptr<QBuffer> m_previewBuffer;
    QByteArray m_previewBytes;
};

} // namespace vigie::gui
