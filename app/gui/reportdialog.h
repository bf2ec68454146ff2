// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/report/reporttemplate.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

#include <memory>

class QBuffer;
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

namespace vigie::analytics {
class Feedback;
}

namespace vigie::gui {

/**
 * File → Export report…: a report template, a period of months, the areas and the options
 * (language, paper, orientation, small-count threshold, author), with a live preview of the PDF
 * (Qt PDF) rebuilt shortly after each change. The preview and the export run on a worker thread
 * that opens the workspace read-only; both show progress and can be canceled.
 */
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `storePath`: the open workspace; `language`: "fr" or "en" (the report's default language).
    ReportDialog(const QString &storePath, const QString &language, QWidget *parent = nullptr);
    ~ReportDialog() override;

    /// The request as currently set (the template may be invalid: see lastError()).
    core::ReportRequest request() const;
    QString lastError() const { return m_error; }

private:
    struct Outcome
    {
        bool ok = false;
        bool canceled = false;
        QString message;
        QByteArray pdf; ///< preview bytes
        int pages = 0;
    };

    void templateChanged();
    void schedulePreview();
    void startPreview();
    void exportReport();
    void cancelWork();
    void workFinished();
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
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    QWidget *m_preview = nullptr;  ///< QPdfView when Qt PDF is available, else a label
    QObject *m_document = nullptr; ///< QPdfDocument
    QTimer *m_debounce = nullptr;

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<analytics::Feedback> m_feedback;
    bool m_running = false;
    bool m_runningPreview = false;
    bool m_previewPending = false;
    std::unique_ptr<QBuffer> m_previewBuffer;
    QByteArray m_previewBytes;
};

} // namespace vigie::gui
