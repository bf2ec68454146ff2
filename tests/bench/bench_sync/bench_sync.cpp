// SPDX-License-Identifier: GPL-3.0-or-later
// bench_sync [--incidents N] [--page-size P] [--dir DIR]
// Builds a demo workspace of about N incidents, publishes it as a hub (packaging/hub), starts
// QGIS Server, then times: Vigie's first sync; ogr2ogr copying the same collection through
// GDAL's OAPIF driver (same page size); 1 % of the incidents changed on the hub and Vigie's
// incremental sync. Prints features/s and the ratios. The server is always stopped.
#include "core/demo/demogenerator.h"
#include "core/store/store.h"
#include "core/sync/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace vigie;

namespace {

int run(const QString &program, const QStringList &args, QString *out = nullptr)
{
    std::printf("$ %s %s\n", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
    std::fflush(stdout);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(-1);
    const QString text = QString::fromUtf8(p.readAll());
    if (out)
        *out = text;
    if (p.exitCode() != 0)
        std::printf("%s\n", qPrintable(text));
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

const QString kHub = QStringLiteral(VIGIE_SOURCE_DIR "/packaging/hub/");

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const double target =
        option(QStringLiteral("--incidents"), QStringLiteral("1000000")).toDouble();
    const int pageSize = option(QStringLiteral("--page-size"), QStringLiteral("10000")).toInt();
    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--dir"), tmp.path());
    QDir().mkpath(dir);

    // About 139,600 incidents at scale 1.
    core::DemoOptions demo;
    demo.incidentScale = target / 139577.0;
    const QString storePath = dir + QStringLiteral("/demo.vigie");
    QFile::remove(storePath);
    QElapsedTimer t;
    t.start();
    auto made = core::createDemoStore(storePath, demo);
    if (!made) {
        std::printf("demo: %s\n", qPrintable(made.error().message));
        return 1;
    }
    std::printf("demo workspace: %lld incidents in %.1f s\n", (long long)made->incidents,
                t.elapsed() / 1000.0);
    const QString gpkg = dir + QStringLiteral("/hub.gpkg");
    QFile::remove(gpkg);
    t.restart();
    if (run(QStringLiteral("/usr/bin/python3"),
            {kHub + QStringLiteral("build-hub.py"), QStringLiteral("--store"), storePath,
             QStringLiteral("--out"), gpkg, QStringLiteral("--layers"),
             QStringLiteral("incidents")}) != 0 ||
        run(QStringLiteral("/usr/bin/python3"),
            {kHub + QStringLiteral("make-qgis-project.py"), QStringLiteral("--gpkg"), gpkg,
             QStringLiteral("--out"), dir + QStringLiteral("/hub.qgs")}) != 0)
        return 1;
    std::printf("hub database built in %.1f s\n", t.elapsed() / 1000.0);
    QString url;
    const QString serverDir = dir + QStringLiteral("/server");
    if (run(QStringLiteral("/bin/sh"),
            {kHub + QStringLiteral("qgis-hub.sh"), QStringLiteral("start"),
             QStringLiteral("--project"), dir + QStringLiteral("/hub.qgs"), QStringLiteral("--dir"),
             serverDir},
            &url) != 0)
        return 1;
    url = url.trimmed().split(QLatin1Char('\n')).last();
    std::printf("hub: %s\n", qPrintable(url));
    int code = 0;
    {
        // 1. Vigie first pull.
        const QString syncedPath = dir + QStringLiteral("/synced.vigie");
        QFile::remove(syncedPath);
        auto store = core::Store::create(syncedPath);
        core::sync::SyncOptions o;
        o.hubUrl = QUrl(url);
        o.layers = {QStringLiteral("incidents")};
        o.pageSize = pageSize;
        o.stallTimeoutMs = 600000;
        t.restart();
        auto first = core::sync::syncFromHub(**store, o);
        const double vigieSeconds = t.elapsed() / 1000.0;
        if (!first) {
            std::printf("vigie sync failed: %s\n", qPrintable(first.error().message));
            code = 1;
        } else {
            const auto n = first->layers.front().inserted;
            std::printf("Vigie first sync: %lld features in %.2f s = %.0f features/s\n",
                        (long long)n, vigieSeconds, n / vigieSeconds);
            // 2. ogr2ogr, same server, same page size.
            const QString copy = dir + QStringLiteral("/ogr2ogr.gpkg");
            QFile::remove(copy);
            t.restart();
            run(QStringLiteral("ogr2ogr"),
                {QStringLiteral("-f"), QStringLiteral("GPKG"), copy, QStringLiteral("OAPIF:") + url,
                 QStringLiteral("incidents"), QStringLiteral("-oo"),
                 QStringLiteral("PAGE_SIZE=%1").arg(pageSize)});
            const double ogrSeconds = t.elapsed() / 1000.0;
            QString info;
            run(QStringLiteral("ogrinfo"),
                {QStringLiteral("-so"), QStringLiteral("-ro"), copy, QStringLiteral("incidents")},
                &info);
            const QString countLine =
                info.section(QStringLiteral("Feature Count: "), 1).section(QLatin1Char('\n'), 0, 0);
            std::printf("ogr2ogr (OAPIF driver): %s features in %.2f s = %.0f features/s\n",
                        qPrintable(countLine), ogrSeconds, countLine.toDouble() / ogrSeconds);
            std::printf("ratio Vigie / ogr2ogr time: %.2f (speed-up %.2fx)\n",
                        vigieSeconds / ogrSeconds, ogrSeconds / vigieSeconds);
            // 3. 1 % changes on the hub, incremental sync.
            const QString changes = QString::number(qMax<qint64>(1, n / 100));
            run(QStringLiteral("/usr/bin/python3"),
                {kHub + QStringLiteral("hubedit.py"), gpkg, QStringLiteral("incidents"),
                 QStringLiteral("change"), changes});
            t.restart();
            auto second = core::sync::syncFromHub(**store, o);
            const double incSeconds = t.elapsed() / 1000.0;
            if (!second) {
                std::printf("incremental sync failed: %s\n", qPrintable(second.error().message));
                code = 1;
            } else {
                const auto &l = second->layers.front();
                std::printf("Vigie incremental sync of %s changes: %lld updated in %.2f s; "
                            "ratio to the first sync %.3f\n",
                            qPrintable(changes), (long long)l.updated, incSeconds,
                            incSeconds / vigieSeconds);
            }
        }
    }
    run(QStringLiteral("/bin/sh"), {kHub + QStringLiteral("qgis-hub.sh"), QStringLiteral("stop"),
                                    QStringLiteral("--dir"), serverDir});
    return code;
}
