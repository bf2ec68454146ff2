// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli analyze KIND: runs an analysis of core/analysis on a workspace and keeps its result.
#include "clicontext.h"
#include "core/argtext.h"

#include "core/analysis/analysis.h"
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
    ctx.out() << tr("Usage: vigie-cli analyze KIND --store FILE [OPTIONS]   (KIND --help for its options)")
              << "\n" << tr("       vigie-cli analyze list --store FILE") << "\n\n"
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

    QCommandLineParser parser;
    parser.setApplicationDescription(core::analysisKindTitle(*kind));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("layer"), tr("Point layer analysed."), tr("ID"),
                      QStringLiteral("incidents")});
    parser.addOption({QStringLiteral("from"), tr("Start of the period (ISO date or date-time, UTC)."), tr("WHEN")});
    parser.addOption({QStringLiteral("to"), tr("End of the period (ISO date or date-time, UTC)."), tr("WHEN")});
    parser.addOption({QStringLiteral("categories"), tr("Categories kept, comma-separated (default: all)."), tr("LIST")});
    parser.addOption({QStringLiteral("area-layer"), tr("Polygon layer of the study areas (default: quartiers when --areas is given, else the whole city)."), tr("ID")});
    parser.addOption({QStringLiteral("areas"), tr("Areas kept, by name or code, comma-separated."), tr("LIST")});
    parser.addOption({QStringLiteral("weight"), tr("Numeric field weighting each point (e.g. severity)."), tr("FIELD")});
    parser.addOption({QStringLiteral("geotiff"), tr("Also write a raster result to this GeoTIFF file."), tr("FILE")});
    parser.addOption({QStringLiteral("title"), tr("Title of the analysis."), tr("TEXT")});
    parser.addOption({QStringLiteral("json"), tr("Print the outcome as JSON.")});
    const std::vector<core::ParameterInfo> params = core::analysisParameters(*kind);
    for (const core::ParameterInfo &p : params) {
        QString help = p.help;
        if (!p.choices.isEmpty())
            help += QLatin1Char(' ') + tr("One of: %1.").arg(p.choices.filter(QRegularExpression(QStringLiteral(".+"))).join(QStringLiteral(", ")));
        if (p.defaultValue.isValid() && !p.defaultValue.toString().isEmpty())
            help += QLatin1Char(' ') + tr("Default: %1.").arg(p.defaultValue.toString());
        parser.addOption({optionName(p.name), help, tr("VALUE")});
    }
    if (int code = ExitOk; !parseArguments(parser, rest, ctx, code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));

    core::AnalysisRequest request;
    request.kind = *kind;
    request.selection.layer = parser.value(QStringLiteral("layer"));
    if (parser.isSet(QStringLiteral("from"))) {
        auto t = parseWhen(parser.value(QStringLiteral("from")), false);
        if (!t)
            return ctx.usageError(tr("--from is not an ISO date: %1").arg(parser.value(QStringLiteral("from"))));
        request.selection.from = *t;
    }
    if (parser.isSet(QStringLiteral("to"))) {
        auto t = parseWhen(parser.value(QStringLiteral("to")), true);
        if (!t)
            return ctx.usageError(tr("--to is not an ISO date: %1").arg(parser.value(QStringLiteral("to"))));
        request.selection.to = *t;
    }
    if (request.selection.from != core::LayerSnapshot::kNoTime &&
        request.selection.to != core::LayerSnapshot::kNoTime &&
        request.selection.to < request.selection.from)
        return ctx.usageError(tr("--to is before --from"));
    request.selection.categories =
        parser.value(QStringLiteral("categories")).split(u',', Qt::SkipEmptyParts);
    request.selection.areaLayer = parser.value(QStringLiteral("area-layer"));
    request.selection.areas = parser.value(QStringLiteral("areas")).split(u',', Qt::SkipEmptyParts);
    request.selection.weightField = parser.value(QStringLiteral("weight"));
    request.geoTiffPath = parser.value(QStringLiteral("geotiff"));
    request.title = parser.value(QStringLiteral("title"));
    for (const core::ParameterInfo &p : params)
        if (parser.isSet(optionName(p.name)))
            request.parameters.insert(p.name, parser.value(optionName(p.name)));

    auto store = core::Store::open(parser.value(QStringLiteral("store")));
    if (!store)
        return ctx.fail(store.error());
    QElapsedTimer timer;
    timer.start();
    auto outcome = core::AnalysisRunner::run(**store, request, &ctx.feedback());
    if (!outcome)
        return ctx.fail(outcome.error());
    const double seconds = timer.elapsed() / 1000.0;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), outcome->id);
        o.insert(QStringLiteral("kind"), core::analysisKindKey(*kind));
        o.insert(QStringLiteral("resultLayer"), outcome->resultLayer);
        o.insert(QStringLiteral("features"), qint64(outcome->inputCount));
        o.insert(QStringLiteral("seconds"), seconds);
        o.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(outcome->parameters));
        o.insert(QStringLiteral("summary"), QJsonObject::fromVariantMap(outcome->summary));
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out() << core::analysisKindTitle(*kind) << "\n"
              << tr("%1 features analysed in %2 s")
                     .arg(argText(outcome->inputCount), argText(seconds, 0, 'f', 2))
              << "\n"
              << outcome->summaryText << "\n";
    if (!outcome->resultLayer.isEmpty())
        ctx.out() << tr("Result layer: %1").arg(outcome->resultLayer) << "\n";
    else
        ctx.out() << tr("Kept in the workspace as analysis %1").arg(outcome->id) << "\n";
    return ExitOk;
}

} // namespace vigie::cli
