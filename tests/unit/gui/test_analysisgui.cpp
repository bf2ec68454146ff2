// SPDX-License-Identifier: GPL-3.0-or-later
// The Analysis menu of the main window, offscreen on a small demo workspace: each analysis is set
// up through its dialog (defaults), runs in the background, and its result layer appears on the
// map with its legend; a long analysis can be canceled. Screenshots go to VIGIE_TEST_OUTPUT.

#include "analysisdialog.h"
#include "guitestsupport.h"
#include "layerpanel.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "parameterform.h"
#include "timefilter.h"

#include "core/demo/demogenerator.h"
#include "core/i18n.h"

#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace vigie;

namespace {

const gui::LayerState *findLayer(const gui::MainWindow &w, const QString &id)
{
    for (const auto &l : w.layerPanel()->layers())
        if (l.manifest.id == id)
            return &l;
    return nullptr;
}

bool waitForRender(gui::MapCanvas *canvas, int previousCount, int timeoutMs = 20000)
{
    return QTest::qWaitFor(
        [&] { return canvas->renderCount() > previousCount && !canvas->isRendering(); }, timeoutMs);
}

} // namespace

class TestAnalysisGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        guitest::makeFrenchDemo(m_store, 0.1);
        if (QTest::currentTestFailed())
            return;
        guitest::showWindow(m_window, QSize(1400, 860));
        if (QTest::currentTestFailed())
            return;
        guitest::openAndWaitForMap(*m_window, m_store);
    }

    void menuListsEveryAnalysisInFrench()
    {
        auto *menu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("analysisMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->title(), QStringLiteral("A&nalyse"));
        QStringList texts;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                texts << a->text();
        // Every analysis of the registry, the built-in kinds and those added since (repeat
        // locations).
        QCOMPARE(texts.size(), int(core::processing::AlgorithmRegistry::instance()
                                       .algorithms(core::processing::AlgorithmGroup::Analysis)
                                       .size()));
        QVERIFY(texts.size() > int(core::allAnalysisKinds().size()));
        QVERIFY2(texts.contains(QStringLiteral("Lieux répétés (concentration)…")),
                 qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Points chauds (Getis-Ord Gi*)…")),
                 qPrintable(texts.join(u'|')));
    }

    void runsEachAnalysisFromItsDialog_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("hasLayer");
        QTest::addColumn<QString>("screenshot");
        QTest::newRow("kde") << int(core::AnalysisKind::Kde) << true
                             << QStringLiteral("analysis_kde.png");
        QTest::newRow("risk") << int(core::AnalysisKind::RelativeRisk) << true << QString();
        QTest::newRow("gistar") << int(core::AnalysisKind::GiStar) << true
                                << QStringLiteral("analysis_gistar.png");
        QTest::newRow("moran") << int(core::AnalysisKind::LocalMoran) << true
                               << QStringLiteral("analysis_moran.png");
        QTest::newRow("emerging") << int(core::AnalysisKind::EmergingHotSpots) << true
                                  << QStringLiteral("analysis_emerging.png");
        QTest::newRow("dbscan") << int(core::AnalysisKind::Dbscan) << true
                                << QStringLiteral("analysis_dbscan.png");
        QTest::newRow("stdbscan") << int(core::AnalysisKind::StDbscan) << true << QString();
        QTest::newRow("nni") << int(core::AnalysisKind::NearestNeighbour) << false << QString();
        QTest::newRow("scale") << int(core::AnalysisKind::AnalysisScale) << false << QString();
    }

    void runsEachAnalysisFromItsDialog()
    {
        QFETCH(int, kind);
        QFETCH(bool, hasLayer);
        QFETCH(QString, screenshot);
        auto &w = *m_window;
        // The whole period of the data (the dialog starts from the period filter).
        w.timeFilter()->setWindow(w.timeFilter()->dataMin(), w.timeFilter()->dataMax());
        std::vector<core::LayerManifest> manifests;
        for (const auto &l : w.layerPanel()->layers())
            manifests.push_back(l.manifest);
        const auto k = core::AnalysisKind(kind);
        gui::AnalysisDialog dialog(k, manifests, w.timeFilter()->from(), w.timeFilter()->to(),
                                   QStringLiteral("fr"), &w);
        QCOMPARE(dialog.kind(), k);
        core::AnalysisRequest request = dialog.request();
        QCOMPARE(request.selection.layer, QStringLiteral("incidents"));
        QVERIFY(request.selection.categories.isEmpty()); // all ticked
        if (k == core::AnalysisKind::LocalMoran)
            request.parameters.insert(QStringLiteral("permutations"), 199);
        const int layersBefore = w.layerCount();
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        const int rendersBefore = w.mapCanvas()->renderCount();
        w.runAnalysis(request);
        QVERIFY(ended.wait(120000));
        QVERIFY2(ended.takeFirst().at(0).toBool(), qPrintable(w.lastError()));
        QVERIFY(w.lastAnalysisSummary().contains(core::analysisKindTitle(k)));
        auto *results = w.findChild<QPlainTextEdit *>(QStringLiteral("analysisResults"));
        QVERIFY(results && results->isVisible());
        QCOMPARE(results->toPlainText(), w.lastAnalysisSummary());
        QCOMPARE(w.layerCount(), layersBefore + (hasLayer ? 1 : 0));
        if (!hasLayer)
            return;
        const QString id = w.layerPanel()->currentLayerId();
        QVERIFY(id.startsWith(core::analysisKindKey(k) + u'_'));
        const gui::LayerState *l = findLayer(w, id);
        QVERIFY(l && l->visible && l->data);
        QVERIFY(l->manifest.title.fr.contains(QStringLiteral("incidents")));
        if (screenshot.isEmpty())
            return;
        // The map is redrawn with the new layer (a fresh render after the task ended).
        gui::MapCanvas *canvas = w.mapCanvas();
        QVERIFY(waitForRender(canvas, rendersBefore));
        QTest::qWait(150);
        QVERIFY(!canvas->isRendering());
        if (canvas->lastRender().featuresDrawn == 0)
            w.grab().save(QDir::temp().filePath(QStringLiteral("failed_") + screenshot));
        QVERIFY(canvas->lastRender().featuresDrawn > 0);
        const QImage image = w.grab().toImage();
        const QImage map = canvas->grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < map.height(); y += 5)
            for (int x = 0; x < map.width(); x += 5)
                colours.insert(map.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        const QString outDir = qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath());
        QDir().mkpath(outDir);
        QVERIFY(image.save(QDir(outDir).filePath(screenshot)));
    }

    /// Each algorithm's form is generated from its declarations: one editor per parameter,
    /// showing its default, and the values it gives validate as the command line's do.
    void formsAreGeneratedFromDeclarations()
    {
        auto &w = *m_window;
        std::vector<core::LayerManifest> manifests;
        for (const auto &l : w.layerPanel()->layers())
            manifests.push_back(l.manifest);
        const QString outDir = qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath());
        QDir().mkpath(outDir);
        for (const auto *a : core::processing::AlgorithmRegistry::instance().algorithms(
                 core::processing::AlgorithmGroup::Analysis)) {
            gui::AnalysisDialog dialog(a->id(), manifests, w.timeFilter()->from(),
                                       w.timeFilter()->to(), QStringLiteral("fr"), &w);
            QCOMPARE(dialog.algorithm(), a->id());
            for (const auto &d : a->parameters())
                QVERIFY2(dialog.form()->editor(d.name()), qPrintable(a->id() + u'.' + d.name()));
            const auto checked =
                core::processing::validate(a->parameters(), dialog.run().parameters);
            QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
            for (const auto &d : a->parameters())
                QCOMPARE(core::processing::ParameterDefinition::valueText(
                             checked->map().value(d.name())),
                         core::processing::ParameterDefinition::valueText(
                             d.check(d.defaultValue()).value()));
            if (a->id() == QLatin1String("repeat_location") || a->id() == QLatin1String("moran")) {
                dialog.show();
                if (auto *adv = dialog.findChild<QGroupBox *>(QStringLiteral("advancedParameters")))
                    adv->setChecked(true);
                QTest::qWait(100);
                QVERIFY(dialog.width() <= 1280 && dialog.height() <= 800);
                QVERIFY(dialog.grab().save(
                    QDir(outDir).filePath(QStringLiteral("dialog_%1.png").arg(a->id()))));
            }
        }
    }

    /// A value the command line refuses is refused by the dialog with the same message.
    void badValueSameMessageAsTheCli()
    {
        auto &w = *m_window;
        std::vector<core::LayerManifest> manifests;
        for (const auto &l : w.layerPanel()->layers())
            manifests.push_back(l.manifest);
        gui::AnalysisDialog dialog(QStringLiteral("risk"), manifests, w.timeFilter()->from(),
                                   w.timeFilter()->to(), QStringLiteral("fr"), &w);
        auto *denominator =
            qobject_cast<QLineEdit *>(dialog.form()->editor(QStringLiteral("denominator")));
        QVERIFY(denominator);
        auto *rule = qobject_cast<QComboBox *>(dialog.form()->editor(QStringLiteral("kernel")));
        QVERIFY(rule);
        rule->addItem(QStringLiteral("cubic"), QStringLiteral("cubic")); // not a declared kernel
        rule->setCurrentIndex(rule->count() - 1);
        dialog.checkAndAccept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        const auto expected =
            core::processing::validate(core::processing::AlgorithmRegistry::instance()
                                           .find(QStringLiteral("risk"))
                                           ->parameters(),
                                       {{QStringLiteral("kernel"), QStringLiteral("cubic")}});
        QVERIFY(!expected.ok());
        QCOMPARE(dialog.lastError(), expected.error().message);
        QVERIFY(dialog.lastError().contains(QStringLiteral("« Noyau » (kernel)")));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("parameterError"));
        QVERIFY(error && !error->isHidden());
    }

    /// The analysis added as one file and one registry line runs from the menu's dialog.
    void repeatLocationRunsFromItsDialog()
    {
        auto &w = *m_window;
        w.timeFilter()->setWindow(w.timeFilter()->dataMin(), w.timeFilter()->dataMax());
        std::vector<core::LayerManifest> manifests;
        for (const auto &l : w.layerPanel()->layers())
            manifests.push_back(l.manifest);
        gui::AnalysisDialog dialog(QStringLiteral("repeat_location"), manifests,
                                   w.timeFilter()->from(), w.timeFilter()->to(),
                                   QStringLiteral("fr"), &w);
        const int layersBefore = w.layerCount();
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        w.runAlgorithm(dialog.run());
        QVERIFY(ended.wait(120000));
        QVERIFY2(ended.takeFirst().at(0).toBool(), qPrintable(w.lastError()));
        QCOMPARE(w.layerCount(), layersBefore + 1);
        QVERIFY(w.layerPanel()->currentLayerId().startsWith(QStringLiteral("repeat_location_")));
        QVERIFY2(w.lastAnalysisSummary().contains(QStringLiteral("Gini")),
                 qPrintable(w.lastAnalysisSummary()));
        const QString outDir = qEnvironmentVariable("VIGIE_TEST_OUTPUT", QDir::tempPath());
        QTest::qWait(500);
        QVERIFY(
            w.grab().save(QDir(outDir).filePath(QStringLiteral("analysis_repeat_location.png"))));
    }

    void longAnalysisCanBeCanceled()
    {
        auto &w = *m_window;
        core::AnalysisRequest request;
        request.kind = core::AnalysisKind::LocalMoran;
        request.parameters = {{QStringLiteral("grid"), QStringLiteral("square")},
                              {QStringLiteral("cellSize"), 60},
                              {QStringLiteral("permutations"), 99999}};
        const int layersBefore = w.layerCount();
        QSignalSpy ended(&w, &gui::MainWindow::taskEnded);
        w.runAnalysis(request);
        auto *cancel = w.findChild<QToolButton *>(QStringLiteral("cancelTask"));
        QVERIFY(cancel);
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 5000);
        QTest::qWait(300);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended.takeFirst().at(0).toBool(), false);
        QCOMPARE(w.layerCount(), layersBefore);
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<gui::MainWindow> m_window;
};

QTEST_MAIN(TestAnalysisGui)
#include "test_analysisgui.moc"
