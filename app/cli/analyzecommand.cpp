// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli analyze KIND: runs an analysis of core/analysis on a workspace and keeps its result.
#include "clicontext.h"
#include "core/argtext.h"

#include "core/analysis/analysis.h"
#include "core/processing/algorithm.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

void printKinds(CliContext &ctx)
{
    ctx.out() << tr("Usage: vigie-cli analyze KIND --store FILE [OPTIONS]   (KIND --help for its "
                    "options)")
              << "\n"
              << tr("       vigie-cli analyze list --store FILE") << "\n\n"
              << tr("Kinds:") << "\n";
    for (core::AnalysisKind k : core::allAnalysisKinds())
        ctx.out() << "  " << core::analysisKindKey(k).leftJustified(10) << " "
                  << core::analysisKindTitle(k) << "\n";
}

int listAnalyses(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    if (!parser.parse(args))
        return ctx.usageError(parser.errorText());
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    auto store = core::Store::open(parser.value(QStringLiteral("store")), true);
    if (!store)
        return ctx.fail(store.error());
    try {
        for (const core::StoredAnalysis &a : core::storedAnalyses(**store)) {
            ctx.out() << a.id << "\t" << a.kind << "\t" << a.createdAt << "\t"
                      << (a.resultLayer.isEmpty() ? QStringLiteral("-") : a.resultLayer) << "\t"
                      << a.title << "\n";
        }
    } catch (const core::Exception &e) {
        return ctx.fail(e.error());
    }
    return ExitOk;
}

} // namespace

int runAnalyze(CliContext &ctx, const QStringList &args)
{
    // args[0] is the program; args[1] the kind (or an option when missing).
    const QString kindKey = args.size() > 1 ? args.at(1) : QString();
    if (kindKey.isEmpty() || kindKey == QLatin1String("--help") || kindKey == QLatin1String("-h")) {
        printKinds(ctx);
        return kindKey.isEmpty() ? ExitUsage : ExitOk;
    }
    QStringList rest = args;
    rest.removeAt(1);
    if (kindKey == QLatin1String("list"))
        return listAnalyses(ctx, rest);
    const auto kind = core::analysisKindFromKey(kindKey);
    if (!kind) {
        printKinds(ctx);
        return ctx.usageError(tr("unknown analysis kind: %1").arg(kindKey));
    }

    // An alias of `run KIND`: the options, checks and output are the algorithm's.
    const auto *algorithm =
        core::processing::AlgorithmRegistry::instance().find(core::analysisKindKey(*kind));
    if (!algorithm)
        return ctx.usageError(tr("unknown analysis kind: %1").arg(kindKey));
    return runAlgorithm(ctx, *algorithm, rest);
}

} // namespace vigie::cli
