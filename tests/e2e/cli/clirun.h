// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// vigie-cli run as a user runs it, from the end-to-end tests: exit code, standard output and
// error, in the language asked for.
#include <QDebug>
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vigie::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &args, const QString &language = QStringLiteral("en"),
                     int timeoutMs = 180000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIE_LANGUAGE"), language);
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(VIGIE_CLI), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timeout");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    qInfo().noquote() << "vigie-cli" << args.join(u' ') << "->" << r.exitCode << "in"
                      << timer.elapsed() / 1000.0 << "s";
    return r;
}

} // namespace vigie::test
