// SPDX-License-Identifier: GPL-3.0-or-later
// `vigie-cli sync` (runSync) against the real hub, in a child process so that its stdout and
// stderr can be checked: first and incremental pull, --status, and a bearer token given through
// VIGIE_HUB_TOKEN that appears in no output and not in the workspace.
#include "hubfixture.h"

#include "core/store/store.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigie;

class TestSyncCli : public QObject
{
    Q_OBJECT

private:
    /// Runs `vigie-cli sync ARGS` as a user would; returns the exit code, fills the output.
    int runChild(const QStringList &args, QString &output, const QString &token = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("VIGIE_HUB_TOKEN"));
        if (!token.isEmpty())
            env.insert(QStringLiteral("VIGIE_HUB_TOKEN"), token);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(VIGIE_CLI), QStringList{QStringLiteral("sync")} + args);
        p.waitForFinished(60000);
        output = QString::fromUtf8(p.readAll());
        qInfo().noquote() << "vigie-cli sync" << args.join(QLatin1Char(' ')) << "->" << p.exitCode()
                          << "\n"
                          << output.trimmed();
        return p.exitCode();
    }

private slots:
    /// French first: the hub's errors reach a French user in French (they once did not: the
    /// sync's messages were looked up under a context the catalogue did not have).
    void errorsInFrench()
    {
        QTemporaryDir tmp;
        QString out;
        const int code =
            runChild({QStringLiteral("--store"), tmp.filePath(QStringLiteral("s.vigie")),
                      QStringLiteral("--hub"), QStringLiteral("http://127.0.0.1:9/")},
                     out);
        QVERIFY(code != 0);
        QVERIFY2(out.contains(QStringLiteral("Impossible de lire")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("Cannot read")), qPrintable(out));
    }

    void syncCommand()
    {
        QTemporaryDir tmp;
        const QString demo = hubtest::demoStore(tmp.path());
        QVERIFY(!demo.isEmpty());
        hubtest::Hub hub(tmp.filePath(QStringLiteral("hub")));
        QString error = hub.build(demo, {QStringLiteral("incidents")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = hub.start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        const QString token = QStringLiteral("tok-9f8e7d6c-cli");
        const QString proxy =
            hub.startProxy(QStringLiteral("none"), 0, {QStringLiteral("--token"), token});
        QVERIFY(!proxy.isEmpty());
        const QString store = tmp.filePath(QStringLiteral("cli.vigie"));
        const QStringList base{QStringLiteral("--store"),     store,
                               QStringLiteral("--hub"),       proxy,
                               QStringLiteral("--layers"),    QStringLiteral("incidents"),
                               QStringLiteral("--page-size"), QStringLiteral("1000")};
        QString out, all;
        QCOMPARE(runChild(base, out), 1); // no token: refused
        QVERIFY(out.contains(QLatin1String("401")));
        all += out;
        // Every incident of the demo the hub was built from (the demo's count depends on the
        // compiler's floating point: read it, never assume it).
        qint64 expected = 0;
        {
            auto source = core::Store::open(demo, /*readOnly=*/true);
            QVERIFY(source.ok());
            expected = (*source)->featureCount(QStringLiteral("incidents"));
        }
        QVERIFY(expected > 1000);
        QCOMPARE(runChild(base, out, token), 0);
        QVERIFY2(out.contains(QStringLiteral("%1 ").arg(expected)), qPrintable(out));
        all += out;
        QVERIFY(
            hub.edit(QStringLiteral("incidents"), QStringLiteral("change"), QStringLiteral("10"))
                .isEmpty());
        QCOMPARE(runChild(base, out, token), 0);
        QVERIFY(out.contains(QLatin1String("10")));
        all += out;
        QCOMPARE(runChild({QStringLiteral("--store"), store, QStringLiteral("--status")}, out), 0);
        QVERIFY(out.contains(QLatin1String("incidents")));
        all += out;
        QCOMPARE(runChild({QStringLiteral("--store"), store, QStringLiteral("--hub"),
                           QStringLiteral("http://u:p@127.0.0.1:1/x")},
                          out),
                 2);
        QVERIFY(!all.contains(token));
        QFile f(store);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(token.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "test_sync_cli.moc"
