// SPDX-License-Identifier: GPL-3.0-or-later
// The Sync panel driven offscreen against the real hub: Start, progress, the table of the last
// sync per layer, "what changed"; saves a screenshot (VIGIE_TEST_OUTPUT/sync-panel.png).
#include "hubfixture.h"
#include "syncpanel.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigie;

class TestSyncPanel : public QObject
{
    Q_OBJECT

private slots:
    void syncFromThePanel()
    {
        QTemporaryDir tmp;
        const QString demo = hubtest::demoStore(tmp.path());
        QVERIFY(!demo.isEmpty());
        hubtest::Hub hub(tmp.filePath(QStringLiteral("hub")));
        const QStringList layers{QStringLiteral("quartiers"), QStringLiteral("incidents")};
        QString error = hub.build(demo, layers);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = hub.start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));

        gui::SyncPanel panel;
        panel.resize(560, 760);
        panel.setStorePath(tmp.filePath(QStringLiteral("panel.vigie")));
        panel.findChild<QLineEdit *>(QStringLiteral("hubUrl"))->setText(hub.url());
        auto *list = panel.findChild<QListWidget *>(QStringLiteral("layers"));
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(
                layers.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                              : Qt::Unchecked);
        panel.show();
        QSignalSpy done(&panel, &gui::SyncPanel::syncFinished);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("start")), Qt::LeftButton);
        QVERIFY(panel.isRunning() || done.count() == 1);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.front().front().toBool(), true);
        auto *table = panel.findChild<QTableWidget *>();
        QCOMPARE(table->rowCount(), 2);
        const QString changes = panel.findChild<QPlainTextEdit *>()->toPlainText();
        qInfo().noquote() << "what changed:" << changes;
        QVERIFY(changes.contains(QLatin1String("incidents")));

        const QString out = qEnvironmentVariable("VIGIE_TEST_OUTPUT", tmp.path());
        QDir().mkpath(out);
        QVERIFY(panel.grab().save(out + QStringLiteral("/sync-panel.png")));
        qInfo().noquote() << "screenshot:" << out + QStringLiteral("/sync-panel.png");
    }
};

QTEST_MAIN(TestSyncPanel)
#include "test_sync_panel.moc"
