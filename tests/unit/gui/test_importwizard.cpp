// SPDX-License-Identifier: GPL-3.0-or-later
// File › Import… as an analyst uses it on a records export (issue 13): police.uk months for
// Essex (../shared/data) in a workspace made from test boundaries. The dialog previews the
// file and proposes the mapping from the column names; a failed import keeps the dialog open
// with everything entered and says why; the import then succeeds with the rows without
// coordinates skipped, the categories found become the layer's; the next month's file gets the
// mapping of the last import into the layer. Screenshots: the dialog (preview and mapping), the
// failure shown in it, the map of the imported layer.
#include "guitestsupport.h"

#include "core/io/newworkspace.h"
#include "importdialog.h"
#include "layerpanel.h"
#include "newworkspacedialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextStream>

using namespace vigie;

namespace {

QString essex(int month)
{
    return QStringLiteral(VIGIE_SHARED_DATA "/crime_policeuk_essex_2018/2018-%1-essex-street.csv")
        .arg(month, 2, 10, QLatin1Char('0'));
}

/// Rows of a police.uk file with coordinates (longitude is the 5th column; no field before
/// it is quoted in these files).
int locatedRows(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    QTextStream in(&f);
    in.readLine();
    int n = 0;
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(QLatin1Char(','));
        if (cells.size() > 5 && !cells[4].trimmed().isEmpty())
            ++n;
    }
    return n;
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<gui::MainWindow> m_window;

    gui::ImportDialog *openImportDialog()
    {
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_I)) {
                a->trigger();
                break;
            }
        auto *dialog = m_window->findChild<gui::ImportDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            qWarning("the import dialog was not exposed");
        return dialog;
    }

    const gui::LayerState *layerOf(const QString &id) const
    {
        for (const gui::LayerState &l : m_window->layerPanel()->layers())
            if (l.manifest.id == id)
                return &l;
        return nullptr;
    }

    static void pressImport(gui::ImportDialog *dialog)
    {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("Ville de Marseille"));
        QCoreApplication::setApplicationName(QStringLiteral("Vigie-test"));
        QCOMPARE(core::installTranslations(core::preferredLanguage()), QStringLiteral("fr"));
        const QString area = m_dir.filePath(QStringLiteral("essex.geojson"));
        QFile f(area);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                "\"properties\":{\"name\":\"Essex\"},\"geometry\":{\"type\":\"Polygon\","
                "\"coordinates\":[[[0,51.45],[1.3,51.45],[1.3,52.1],[0,52.1],[0,51.45]]]}}]}");
        f.close();
        // File › New workspace… with the boundaries of the area.
        guitest::showWindow(m_window, QSize(1280, 800));
        gui::NewWorkspaceDialog dialog(m_window.get());
        const QString path = m_dir.filePath(QStringLiteral("essex.vigie"));
        dialog.setWorkspacePath(path);
        dialog.setBoundaries(area);
        QSignalSpy full(m_window.get(), &gui::MainWindow::fullMapPainted);
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        m_window->createWorkspace(dialog.workspacePath(), dialog.options());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(ended.first().first().toBool(), true);
        QCOMPARE(m_window->workspacePath(), path);
        QTRY_VERIFY_WITH_TIMEOUT(full.count() >= 1, 30000);
        QVERIFY(layerOf(QStringLiteral("study_area")));
    }

    void firstMonth()
    {
        QPointer<gui::ImportDialog> dialog = openImportDialog();
        QVERIFY(dialog);
        dialog->setFilePath(essex(1));
        // The preview: the file's 12 columns (coordinates included), its first 20 rows.
        QCOMPARE(dialog->previewColumns(), 12);
        QCOMPARE(dialog->previewRows(), 20);
        // The mapping proposed from the names.
        QCOMPARE(dialog->roleColumn(core::mappingtarget::occurredAt), QStringLiteral("month"));
        QCOMPARE(dialog->roleColumn(core::mappingtarget::category), QStringLiteral("crime_type"));
        QCOMPARE(dialog->roleColumn(core::mappingtarget::sourceKey), QStringLiteral("crime_id"));
        QCOMPARE(dialog->roleColumn(core::mappingtarget::occurredTime), QString());
        dialog->setNewLayerId(QStringLiteral("incidents"));
        dialog->setTimeZone(QStringLiteral("Europe/London"));
        QVERIFY(
            dialog->grab().save(guitest::screenshotPath(QStringLiteral("import-wizard-fr.png"))));

        // Two rows have no coordinates: refused whole; the dialog stays, with what was entered.
        pressImport(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->failureText().isEmpty(), 30000);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->failureText().contains(QStringLiteral("14785")),
                 qPrintable(dialog->failureText()));
        QCOMPARE(dialog->filePath(), essex(1));
        QCOMPARE(dialog->roleColumn(core::mappingtarget::category), QStringLiteral("crime_type"));
        QCOMPARE(dialog->timeZone(), QStringLiteral("Europe/London"));
        QVERIFY(!layerOf(QStringLiteral("incidents")));
        QVERIFY(dialog->grab().save(
            guitest::screenshotPath(QStringLiteral("import-wizard-failed-fr.png"))));

        dialog->setSkipInvalid(true);
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        pressImport(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(ended.first().first().toBool(), true);
        QTRY_VERIFY(!dialog); // closed (and deleted) once imported
        const gui::LayerState *layer = layerOf(QStringLiteral("incidents"));
        QVERIFY(layer);
        QVERIFY(layer->data);
        QCOMPARE(int(layer->data->size()), locatedRows(essex(1)));
        QCOMPARE(int(layer->manifest.categories.size()), 14);
        QCOMPARE(layer->manifest.timeField, QStringLiteral("occurred_at"));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(
            guitest::screenshotPath(QStringLiteral("import-wizard-essex-map-fr.png"))));
    }

    void nextMonthInOneStep()
    {
        QPointer<gui::ImportDialog> dialog = openImportDialog();
        QVERIFY(dialog);
        dialog->setFilePath(essex(2));
        dialog->setTargetLayer(QStringLiteral("incidents"));
        // The mapping of the last import into the layer, its time zone and CRS included.
        QCOMPARE(dialog->roleColumn(core::mappingtarget::occurredAt), QStringLiteral("month"));
        QCOMPARE(dialog->roleColumn(core::mappingtarget::sourceKey), QStringLiteral("crime_id"));
        QCOMPARE(dialog->timeZone(), QStringLiteral("Europe/London"));
        QCOMPARE(dialog->options().sourceCrs, QStringLiteral("EPSG:4326"));
        dialog->setSkipInvalid(true);
        QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
        pressImport(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(ended.first().first().toBool(), true);
        QTRY_VERIFY(!dialog);
        const gui::LayerState *layer = layerOf(QStringLiteral("incidents"));
        QVERIFY(layer && layer->data);
        QCOMPARE(int(layer->data->size()), locatedRows(essex(1)) + locatedRows(essex(2)));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestImportWizard)
#include "test_importwizard.moc"
