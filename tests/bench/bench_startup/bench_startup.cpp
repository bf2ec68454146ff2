// SPDX-License-Identifier: GPL-3.0-or-later
// bench_startup [-n RUNS] [--store FILE] [--keep]
// Creates the default demo workspace once (or uses --store), then runs
// `vigie --bench-startup <store>` RUNS times (offscreen) and prints the median start-up time to
// the first map with data and to the first complete map.

#include "core/analytics/feedback.h"
#include "core/demo/demogenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_startup"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption({QStringLiteral("n"), QStringLiteral("runs")},
                                        QStringLiteral("Number of runs (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption storeOption(QStringLiteral("store"),
                                         QStringLiteral("Existing workspace to open."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption exeOption(QStringLiteral("vigie"),
                                       QStringLiteral("Path of the vigie executable."),
                                       QStringLiteral("FILE"), QStringLiteral(VIGIE_EXE));
    parser.addOptions({runsOption, storeOption, exeOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir tmp;
    QString store = parser.value(storeOption);
    if (store.isEmpty()) {
        store = tmp.filePath(QStringLiteral("demo.sqlite"));
        QElapsedTimer t;
        t.start();
        err << "creating the default demo workspace…" << Qt::endl;
        auto r = vigie::core::createDemoStore(store);
        if (!r.ok()) {
            err << "demo creation failed: " << r.error().message << Qt::endl;
            return 1;
        }
        out << "demo_incidents=" << r.value().incidents << " demo_ms=" << t.elapsed() << Qt::endl;
    }
    out << "store=" << store << " size_mb=" << QFileInfo(store).size() / 1048576.0 << Qt::endl;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A private settings folder: restored window layouts must not vary between runs.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp.filePath(QStringLiteral("config")));

    const QRegularExpression startupRe(QStringLiteral("startup_ms=(\\d+)"));
    const QRegularExpression firstRe(QStringLiteral("first_map_ms=(\\d+)"));
    std::vector<double> startup, first, wall;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(parser.value(exeOption), {QStringLiteral("--bench-startup"), store});
        if (!p.waitForFinished(180000) || p.exitCode() != 0) {
            err << "run " << i + 1 << " failed: " << p.readAllStandardError() << Qt::endl;
            return 1;
        }
        const double w = t.nsecsElapsed() / 1e6;
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        const auto s = startupRe.match(text);
        const auto f = firstRe.match(text);
        if (!s.hasMatch()) {
            err << "run " << i + 1 << ": no startup_ms in output: " << text << Qt::endl;
            return 1;
        }
        startup.push_back(s.captured(1).toDouble());
        if (f.hasMatch())
            first.push_back(f.captured(1).toDouble());
        wall.push_back(w);
        out << "run " << i + 1 << ": first_map_ms=" << (f.hasMatch() ? f.captured(1) : "-")
            << " startup_ms=" << s.captured(1) << " process_wall_ms=" << qRound(w) << Qt::endl;
    }
    out << "median_first_map_ms=" << median(first) << Qt::endl;
    out << "median_startup_ms=" << median(startup) << Qt::endl;
    out << "median_process_wall_ms=" << median(wall) << Qt::endl;
    return 0;
}
