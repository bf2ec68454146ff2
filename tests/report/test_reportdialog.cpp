// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export report…: the dialog fills itself from the template and the workspace, builds a
// live preview on a worker thread, and can cancel it.
#include "reportdialog.h"

#include "core/demo/demogenerator.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#if __has_include(<QPdfView>)
#include <QPdfDocument>
#include <QPdfView>
#define HAVE_PREVIEW 1
#endif

using namespace vigie;

class TestReportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        core::DemoOptions options;
        options.incidentScale = 0.2;
        QVERIFY(core::createDemoStore(m_store, options).ok());
    }

    void previewAndCancel()
    {
        gui::ReportDialog dialog(m_store, QStringLiteral("fr"));
        dialog.show();
        auto *areas = dialog.findChild<QListWidget *>(QStringLiteral("reportAreas"));
        QVERIFY(areas);
        QCOMPARE(areas->count(), 16); // the arrondissements of the first template, all checked
        QCOMPARE(dialog.request().areas.size(), 16);
        QVERIFY(dialog.request().period.wholeMonths);
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("reportStatus"));
        QVERIFY(status);
        // Keep the preview short: two areas.
        for (int i = 2; i < areas->count(); ++i)
            areas->item(i)->setCheckState(Qt::Unchecked);
        QTRY_VERIFY_WITH_TIMEOUT(
            status->text().startsWith(gui::ReportDialog::tr("Preview: %n page(s).", nullptr, 4)),
            60000);
#ifdef HAVE_PREVIEW
        auto *view = dialog.findChild<QPdfView *>(QStringLiteral("reportPreview"));
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->document()->pageCount(), 4, 10000);
        QTest::qWait(2500); // pages are rasterised asynchronously
        dialog.grab().save(QDir(qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath()))
                               .filePath(QStringLiteral("reportdialog.png")));
#endif
        // Cancel a running preview: all areas, then Cancel as soon as the work starts.
        for (int i = 0; i < areas->count(); ++i)
            areas->item(i)->setCheckState(Qt::Checked);
        auto *cancel = dialog.findChild<QPushButton *>(QString(), Qt::FindChildrenRecursively);
        Q_UNUSED(cancel);
        QPushButton *cancelButton = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == gui::ReportDialog::tr("Cancel"))
                cancelButton = b;
        QVERIFY(cancelButton);
        QTRY_VERIFY_WITH_TIMEOUT(cancelButton->isEnabled(), 10000);
        cancelButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(!cancelButton->isEnabled(), 30000);
        QVERIFY2(status->text() == gui::ReportDialog::tr("Canceled.") ||
                     status->text().startsWith(
                         gui::ReportDialog::tr("Preview: %n page(s).", nullptr, 18)),
                 qPrintable(status->text()));
    }
};

QTEST_MAIN(TestReportDialog)
#include "test_reportdialog.moc"
