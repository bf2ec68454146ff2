// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli sync: incremental, resumable pull from the data hub (core/sync, docs/hub.md).
#include "synccommand.h"

#include "core/printable.h"
#include "core/store/store.h"
#include "core/sync/syncengine.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTimeZone>

#include <algorithm>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

void printStatus(CliContext &ctx, const core::Store &store)
{
    ctx.out() << tr("Last sync per layer:") << "\n";
    for (const core::sync::LayerSyncState &s : core::sync::syncStates(store))
        ctx.out()
            << "  " << s.layer << "  " << s.lastStatus << "  " << s.lastSyncAt << "  "
            << tr("high-water %1").arg(s.highWater.isEmpty() ? QStringLiteral("-") : s.highWater)
            << "  " << tr("%1 features").arg(s.features) << "  " << s.hub << "\n";
    ctx.out() << tr("Sync log (newest first):") << "\n";
    for (const core::sync::SyncLogEntry &e : core::sync::syncLog(store, 20))
        ctx.out() << "  #" << e.id << "  " << e.startedAt << "  " << e.layer << "  " << e.status
                  << "  +" << e.inserted << " ~" << e.updated << " -" << e.deleted << "  "
                  << tr("%1 batches").arg(e.batches)
                  << (e.message.isEmpty() ? QString()
                                          : QStringLiteral("  ") + core::printableText(e.message))
                  << "\n";
}

void addSyncOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        tr("Pulls layers from the data hub (OGC API - Features) into a workspace. The first pull "
           "copies each collection (optionally restricted to an area and a time window); later "
           "pulls fetch only what changed since the last one, deletions included. Each page is "
           "applied in one transaction: an interrupted sync resumes where it stopped. "
           "Credentials are read from the environment (VIGIE_HUB_PASSWORD, VIGIE_HUB_TOKEN) or a "
           "file, and are never stored."));
    parser.addOption(
        {QStringLiteral("store"), tr("Workspace file (created if missing)."), tr("FILE")});
    parser.addOption({QStringLiteral("hub"),
                      tr("API root of the hub, e.g. "
                         "http://127.0.0.1:8090/wfs3."),
                      tr("URL")});
    parser.addOption({QStringLiteral("layers"),
                      tr("Comma-separated layer ids (default: the workspace's layers, or all "
                         "known layers for a new workspace)."),
                      tr("IDS")});
    parser.addOption({QStringLiteral("bbox"),
                      tr("Area of the first pull in Lambert-93 metres: xmin,ymin,xmax,ymax."),
                      tr("BBOX")});
    parser.addOption({QStringLiteral("since"),
                      tr("Time window of the first pull: only features whose time is at or "
                         "after this ISO 8601 date."),
                      tr("DATE")});
    parser.addOption({QStringLiteral("page-size"), tr("Features per request (1 to 10000)."),
                      tr("N"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("timeout"),
                      tr("Seconds one request may take at most (it also fails when nothing "
                         "arrives for this long, or for 30 s)."),
                      tr("S"), QStringLiteral("120")});
    parser.addOption({QStringLiteral("allow-plain-http"),
                      tr("Send the credentials over plain http to a hub that is not on this "
                         "computer (they travel unencrypted: only on a closed network).")});
    parser.addOption({QStringLiteral("user"),
                      tr("User for HTTP basic authentication; the password is read from "
                         "VIGIE_HUB_PASSWORD."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("token-file"),
                      tr("File holding a bearer token (default: VIGIE_HUB_TOKEN)."), tr("FILE")});
    parser.addOption(
        {QStringLiteral("reset"), tr("Forget the high-water marks and pull everything again.")});
    parser.addOption(
        {QStringLiteral("status"), tr("Only print the last sync per layer and the sync log.")});
    parser.addHelpOption();
}

/// What to pull: the layers, and the area and time window of a first pull.
int readFilterOptions(CliContext &ctx, const QCommandLineParser &parser,
                      core::sync::SyncOptions &options)
{
    if (parser.isSet(QStringLiteral("layers")))
        options.layers =
            parser.value(QStringLiteral("layers")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(QStringLiteral("bbox"))) {
        const QStringList p = parser.value(QStringLiteral("bbox")).split(QLatin1Char(','));
        bool ok = p.size() == 4;
        double v[4] = {0, 0, 0, 0};
        for (int i = 0; ok && i < 4; ++i)
            v[i] = p[i].toDouble(&ok);
        if (!ok || v[0] >= v[2] || v[1] >= v[3])
            return ctx.usageError(tr("--bbox must be xmin,ymin,xmax,ymax in metres"));
        options.bbox = QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3]));
    }
    if (parser.isSet(QStringLiteral("since"))) {
        const auto secs = parseWhen(parser.value(QStringLiteral("since")), false);
        if (!secs)
            return ctx.usageError(tr("--since must be an ISO 8601 date, e.g. 2025-01-01"));
        const QDateTime since = QDateTime::fromSecsSinceEpoch(*secs, QTimeZone::utc());
        options.since = since;
    }
    return ExitOk;
}

/// Page size, time-outs, plain http and reset.
int readRequestOptions(CliContext &ctx, const QCommandLineParser &parser,
                       core::sync::SyncOptions &options)
{
    bool ok = false;
    options.pageSize = parser.value(QStringLiteral("page-size")).toInt(&ok);
    if (!ok || options.pageSize < 1 || options.pageSize > 10000)
        return ctx.usageError(tr("--page-size must be between 1 and 10000"));
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0)
        return ctx.usageError(tr("--timeout must be a positive number of seconds"));
    options.requestTimeoutMs = int(std::min(timeout, 86400.0) * 1000);
    options.stallTimeoutMs = std::min(options.requestTimeoutMs, 30000);
    options.allowPlainHttpCredentials = parser.isSet(QStringLiteral("allow-plain-http"));
    options.reset = parser.isSet(QStringLiteral("reset"));

    return ExitOk;
}

/// The user (password from VIGIE_HUB_PASSWORD) or the bearer token (a file or VIGIE_HUB_TOKEN).
int readCredentials(CliContext &ctx, const QCommandLineParser &parser,
                    core::sync::SyncOptions &options)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (parser.isSet(QStringLiteral("user"))) {
        options.credentials.user = parser.value(QStringLiteral("user"));
        options.credentials.password = env.value(QStringLiteral("VIGIE_HUB_PASSWORD"));
    }
    if (parser.isSet(QStringLiteral("token-file"))) {
        QFile f(parser.value(QStringLiteral("token-file")));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.usageError(tr("cannot read the token file %1").arg(f.fileName()));
        options.credentials.bearerToken = QString::fromUtf8(f.readAll()).trimmed();
    } else if (env.contains(QStringLiteral("VIGIE_HUB_TOKEN"))) {
        options.credentials.bearerToken = env.value(QStringLiteral("VIGIE_HUB_TOKEN")).trimmed();
    }

    return ExitOk;
}

void printReport(CliContext &ctx, const core::sync::SyncReport &report)
{
    for (const core::sync::LayerSyncReport &l : report.layers) {
        ctx.out() << tr("%1: %2 pull, %3 inserted, %4 updated, %5 deleted, %6 unchanged, %7 "
                        "batches, %8 s (high-water %9)")
                         .arg(l.layer, l.firstPull ? tr("first") : tr("incremental"),
                              QString::number(l.inserted), QString::number(l.updated),
                              QString::number(l.deleted), QString::number(l.unchanged),
                              QString::number(l.batches), QString::number(l.seconds, 'f', 2),
                              l.highWater)
                  << "\n";
        ctx.out() << "  "
                  << (l.hubCount >= 0
                          ? tr("checked: the layer matches the hub's %1 features and deletions")
                                .arg(l.hubCount)
                          : tr("not checked by count (a filtered pull, or the hub gives no "
                               "count)"))
                  << "\n";
    }
}

} // namespace

int runSync(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    addSyncOptions(parser);
    if (int code = ExitOk; !parseArguments(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    const QString storePath = parser.value(QStringLiteral("store"));

    if (parser.isSet(QStringLiteral("status"))) {
        auto store = core::Store::open(storePath, true);
        if (!store)
            return ctx.fail(store.error());
        printStatus(ctx, **store);
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("hub")))
        return ctx.usageError(tr("--hub URL is required"));

    core::sync::SyncOptions options;
    options.hubUrl = QUrl(parser.value(QStringLiteral("hub")));
    if (!options.hubUrl.userInfo().isEmpty())
        return ctx.usageError(tr("--hub must not contain credentials; use --user with "
                                 "VIGIE_HUB_PASSWORD, or a token"));
    for (auto read : {readFilterOptions, readRequestOptions, readCredentials})
        if (int code = read(ctx, parser, options); code != ExitOk)
            return code;

    auto store = QFileInfo::exists(storePath) ? core::Store::open(storePath)
                                              : core::Store::create(storePath);
    if (!store)
        return ctx.fail(store.error());
    auto result = core::sync::syncFromHub(**store, options, &ctx.feedback());
    ctx.err() << "\n";
    if (!result)
        return ctx.fail(result.error());
    printReport(ctx, *result);
    return ExitOk;
}

} // namespace vigie::cli
