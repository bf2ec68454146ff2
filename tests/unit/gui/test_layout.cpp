// SPDX-License-Identifier: GPL-3.0-or-later
// Layout and language at 1280x800: with every dock open the window keeps its size and the
// period sliders stay usable; every dialog (each analysis, import, report, help, shortcuts)
// fits the screen in French and in English and cuts none of its labels; the Help menu holds
// the user guide (offline, in the interface's language), the keyboard shortcuts and About.

#include "analysisdialog.h"
#include "exportdialog.h"
#include "guitestsupport.h"
#include "helpdialogs.h"
#include "importdialog.h"
#include "layerpanel.h"
#include "newworkspacedialog.h"
#include "reportdialog.h"
#include "timefilter.h"

#include "core/processing/algorithm.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace vigie;

namespace {

const QSize kScreen(1280, 800);

/// Labels shown narrower than their text need (cut, not wrapped), as "name: text" lines.
QStringList cutLabels(const QWidget *root)
{
    QStringList out;
    for (const QLabel *l : root->findChildren<QLabel *>()) {
        if (!l->isVisible() || l->wordWrap() || l->text().isEmpty() || !l->pixmap().isNull())
            continue;
        if (l->width() + 1 < l->minimumSizeHint().width())
            out << QStringLiteral("%1 (%2 < %3 px)")
                       .arg(l->text())
                       .arg(l->width())
                       .arg(l->minimumSizeHint().width());
    }
    return out;
}

/// The dialog shown and laid out: within the screen, nothing cut.
void checkDialog(QDialog &dialog, const QString &name, const QString &language)
{
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::qWait(20);
    const QSize size = dialog.frameGeometry().size();
    QVERIFY2(size.width() <= kScreen.width() && size.height() <= kScreen.height() - 40,
             qPrintable(QStringLiteral("%1 (%2): %3x%4")
                            .arg(name, language)
                            .arg(size.width())
                            .arg(size.height())));
    const QStringList cut = cutLabels(&dialog);
    QVERIFY2(cut.isEmpty(), qPrintable(name + QStringLiteral(" (") + language +
                                       QStringLiteral("): ") + cut.join(QStringLiteral(" | "))));
    dialog.close();
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void docksFit_data();
    void docksFit();
    void dialogsFit_data();
    void dialogsFit();
    void helpMenu();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestLayout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
    guitest::makeFrenchDemo(m_store, 0.03);
    if (QTest::currentTestFailed())
        return;
    guitest::openWindow(m_window, m_store, kScreen);
}

void TestLayout::docksFit_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestLayout::docksFit()
{
    QFETCH(QString, language);
    auto &w = *m_window;
    w.setLanguageSetting(language);
    w.resize(kScreen);
    for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
        dock->show();
        dock->raise();
        QTest::qWait(10);
    }
    QTest::qWait(100);
    QVERIFY2(w.size() == kScreen,
             qPrintable(QStringLiteral("%1x%2").arg(w.width()).arg(w.height())));
    const QSize minimum = w.minimumSizeHint();
    QVERIFY2(minimum.width() <= kScreen.width() && minimum.height() <= kScreen.height(),
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    // The period's sliders stay sliders, not handles.
    for (const QSlider *s : w.timeFilter()->findChildren<QSlider *>())
        QVERIFY2(s->width() >= 100, qPrintable(QString::number(s->width())));
    // Nothing cut in the docks that show.
    for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
        if (!dock->isVisible() || !dock->widget() || !dock->widget()->isVisible())
            continue;
        const QStringList cut = cutLabels(dock->widget());
        QVERIFY2(cut.isEmpty(), qPrintable(dock->objectName() + QStringLiteral(": ") +
                                           cut.join(QLatin1String(" | "))));
    }
    QVERIFY(w.grab().save(
        guitest::screenshotPath(QStringLiteral("layout-docks-%1.png").arg(language))));
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        if (dock->objectName() != QLatin1String("layersDock") &&
            dock->objectName() != QLatin1String("timeDock"))
            dock->hide();
}

void TestLayout::dialogsFit_data()
{
    docksFit_data();
}

void TestLayout::dialogsFit()
{
    QFETCH(QString, language);
    auto &w = *m_window;
    w.setLanguageSetting(language);
    std::vector<core::LayerManifest> manifests;
    for (const auto &l : w.layerPanel()->layers())
        manifests.push_back(l.manifest);
    int dialogs = 0;
    for (const core::processing::Algorithm *a :
         core::processing::AlgorithmRegistry::instance().algorithms(
             core::processing::AlgorithmGroup::Analysis)) {
        gui::AnalysisDialog dialog(a->id(), manifests, w.timeFilter()->from(), w.timeFilter()->to(),
                                   language, &w);
        checkDialog(dialog, a->id(), language);
        ++dialogs;
    }
    QVERIFY(dialogs >= 8);
    {
        // With a records export loaded: the preview and the proposed mapping fill it.
        gui::ImportDialog dialog(manifests, language, {}, &w);
        dialog.setFilePath(QStringLiteral(VIGIE_SHARED_DATA
                                          "/crime_policeuk_essex_2018/2018-01-essex-street.csv"));
        QVERIFY(dialog.previewRows() > 0);
        checkDialog(dialog, QStringLiteral("import"), language);
    }
    {
        gui::NewWorkspaceDialog dialog(&w);
        checkDialog(dialog, QStringLiteral("new-workspace"), language);
    }
    {
        gui::ExportDialog dialog(manifests.front(), manifests.front().title.text(language),
                                 w.shownFeatures(manifests.front().id),
                                 QStringLiteral("/tmp/export.gpkg"), &w);
        checkDialog(dialog, QStringLiteral("export"), language);
    }
    {
        gui::ReportDialog dialog(w.workspacePath(), language, w.taskManager(), &w);
        checkDialog(dialog, QStringLiteral("report"), language);
    }
    {
        gui::HelpDialog dialog(language, &w);
        checkDialog(dialog, QStringLiteral("help"), language);
    }
    {
        gui::ShortcutsDialog dialog(w.menuBar(), &w);
        checkDialog(dialog, QStringLiteral("shortcuts"), language);
    }
}

void TestLayout::helpMenu()
{
    auto &w = *m_window;
    w.setLanguageSetting(QStringLiteral("fr"));
    auto *help = w.findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QStringList items;
    for (QAction *a : help->actions())
        if (!a->isSeparator())
            items << a->text().remove(QLatin1Char('&'));
    QCOMPARE(items, (QStringList{QStringLiteral("Guide de l’utilisateur"),
                                 QStringLiteral("Raccourcis clavier"),
                                 QStringLiteral("À propos de Vigie")}));

    // F1 opens the guide, in French, its sections listed; offline (compiled in).
    auto *guideAction = w.findChild<QAction *>(QStringLiteral("userGuide"));
    QVERIFY(guideAction);
    QCOMPARE(guideAction->shortcut(), QKeySequence(Qt::Key_F1));
    guideAction->trigger();
    gui::HelpDialog *guide = nullptr;
    QTRY_VERIFY((guide = w.findChild<gui::HelpDialog *>()) && guide->isVisible());
    QVERIFY2(guide->sections().contains(QStringLiteral("Démarrer")),
             qPrintable(guide->sections().join(QLatin1Char('|'))));
    QVERIFY(guide->sections().contains(QStringLiteral("Importer des données")));
    QVERIFY(!guide->browser()->toPlainText().contains(QStringLiteral("Getting started")));
    guide->showSection(
        static_cast<int>(guide->sections().indexOf(QStringLiteral("Importer des données"))));
    QVERIFY(guide->grab().save(guitest::screenshotPath(QStringLiteral("layout-help-fr.png"))));
    guide->close();
    QTRY_VERIFY(!w.findChild<gui::HelpDialog *>());

    // In English, the English part.
    const QString english = gui::HelpDialog::guideSection(QStringLiteral("en"));
    QVERIFY(english.contains(QStringLiteral("### Getting started")));
    QVERIFY(!english.contains(QStringLiteral("### Démarrer")));

    // The shortcuts come from the menus themselves.
    gui::ShortcutsDialog shortcuts(w.menuBar(), &w);
    const QStringList rows = shortcuts.rows();
    QVERIFY2(rows.contains(QStringLiteral("Aide › Guide de l’utilisateur\tF1")),
             qPrintable(rows.join(QLatin1Char('|'))));
    QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QString &r) {
        return r.startsWith(QStringLiteral("Affichage › Étendue complète\t"));
    }));
}

void TestLayout::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
