// SPDX-License-Identifier: GPL-3.0-or-later
// Layer › Export… as an analyst uses it (issue 14): on the demo incidents with a month's period
// and one category hidden, "the features the map shows" go to GeoJSON and GDAL reads back
// exactly those; the attribute table's selection goes to a GeoPackage; a file in a folder that
// does not exist fails inside the dialog, which stays open with what was entered. Screenshots:
// the dialog in French, and the failure shown in it.
#include "guitestsupport.h"

#include "attributetable.h"
#include "exportdialog.h"
#include "layerpanel.h"
#include "timefilter.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace vigie;

namespace {

GIntBig featureCount(const QString &path)
{
    GDALAllRegister();
    GDALDataset *ds =
        GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                          nullptr, nullptr, nullptr);
    if (!ds)
        return -1;
    const GIntBig n = ds->GetLayer(0)->GetFeatureCount();
    GDALClose(ds);
    return n;
}

qint64 paris(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), QTimeZone(QByteArrayLiteral("Europe/Paris")))
        .toSecsSinceEpoch();
}

} // namespace

class TestExportGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<gui::MainWindow> m_window;

    QPointer<gui::ExportDialog> openDialog()
    {
        m_window->exportDialog(QStringLiteral("incidents"));
        QPointer<gui::ExportDialog> dialog = m_window->findChild<gui::ExportDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            qWarning("the export dialog was not exposed");
        return dialog;
    }

    static void press(gui::ExportDialog *dialog)
    {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("demo.vigie"));
        guitest::makeFrenchDemo(path, 0.1);
        guitest::openWindow(m_window, path);
    }

    void shownFeatures()
    {
        // January 2025, without the first category.
        m_window->timeFilter()->setWindow(paris(QDate(2025, 1, 1)), paris(QDate(2025, 2, 1)) - 1);
        m_window->layerPanel()->setCategoryVisible(QStringLiteral("incidents"), 0, false);
        const gui::LayerState *state = nullptr;
        for (const gui::LayerState &l : m_window->layerPanel()->layers())
            if (l.manifest.id == QLatin1String("incidents"))
                state = &l;
        QVERIFY(state && state->data);
        const auto &s = *state->data;
        qint64 expected = 0;
        for (std::size_t i = 0; i < s.size(); ++i)
            expected += s.time[i] >= paris(QDate(2025, 1, 1)) &&
                        s.time[i] < paris(QDate(2025, 2, 1)) && s.category[i] != 0;
        QVERIFY(expected > 50);

        QPointer<gui::ExportDialog> dialog = openDialog();
        QVERIFY(dialog);
        const QString out = m_dir.filePath(QStringLiteral("janvier.geojson"));
        dialog->setFilePath(out);
        dialog->setWhich(gui::ExportDialog::Which::Shown);
        QVERIFY(
            dialog->grab().save(guitest::screenshotPath(QStringLiteral("export-dialog-fr.png"))));
        QVERIFY(dialog->width() <= 1280 && dialog->height() <= 800);
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        press(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(ended.first().first().toBool(), true);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(featureCount(out), GIntBig(expected));
        qInfo() << expected << "features shown, exported and read back by GDAL";
    }

    void selection()
    {
        QVERIFY(m_window->openAttributeTable(QStringLiteral("incidents")));
        gui::AttributeTable *table = m_window->attributeTable();
        QTRY_VERIFY(table->model()->rowCount() > 3);
        // Three rows selected, as with Ctrl+click.
        QItemSelection rows;
        for (int r : {0, 2, 3})
            rows.select(table->model()->index(r, 0), table->model()->index(r, 0));
        table->view()->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        const auto chosen = table->selectedFids();
        QCOMPARE(chosen.size(), std::size_t(3));
        QPointer<gui::ExportDialog> dialog = openDialog();
        QVERIFY(dialog);
        const QString out = m_dir.filePath(QStringLiteral("selection.gpkg"));
        dialog->setFilePath(out);
        dialog->setWhich(gui::ExportDialog::Which::Selected);
        QCOMPARE(dialog->request().query.fids, chosen);
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        press(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(featureCount(out), GIntBig(chosen.size()));
    }

    void failureKeepsTheDialog()
    {
        QPointer<gui::ExportDialog> dialog = openDialog();
        QVERIFY(dialog);
        const QString out = m_dir.filePath(QStringLiteral("absent/x.gpkg"));
        dialog->setFilePath(out);
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        press(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->failureText().isEmpty(), 30000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->filePath(), out);
        QVERIFY2(dialog->failureText().contains(QStringLiteral("n’existe pas")),
                 qPrintable(dialog->failureText()));
        QVERIFY(dialog->grab().save(
            guitest::screenshotPath(QStringLiteral("export-dialog-failed-fr.png"))));
        dialog->reject();
    }

    /// File › Export as a QGIS project…: the file dialog, then a .qgz QGIS reads (its content is
    /// tested by test_qgis_project).
    void qgisProject()
    {
        const QString out = m_dir.filePath(QStringLiteral("carte.qgz"));
        QTimer::singleShot(0, this, [out] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->selectFile(out);
            QMetaObject::invokeMethod(dialog, "accept"); // a protected slot
        });
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        m_window->exportQgisProjectDialog();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(ended.first().first().toBool(), true);
        QVERIFY(QFileInfo(out).size() > 1000);
        QFile zip(out);
        QVERIFY(zip.open(QIODevice::ReadOnly));
        QCOMPARE(zip.read(2), QByteArray("PK"));
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("Projet QGIS")), qPrintable(message));
        qInfo().noquote() << message;
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestExportGui)
#include "test_exportgui.moc"
