// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli export: a layer or the result of a stored run to a standard file (issue 14).
#include "clicontext.h"

#include "core/argtext.h"
#include "core/io/exporter.h"
#include "core/io/qgisproject.h"
#include "core/project/projectstate.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

void addExportOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        tr("Writes a layer, or the result of a stored analysis, to a file other GIS software "
           "reads. The format comes from the extension: %1 for vector layers, %2 for rasters.")
            .arg(core::exportExtensions(false).join(QStringLiteral(", ")),
                 core::exportExtensions(true).join(QStringLiteral(", "))));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("layer"), tr("Layer to write."), tr("ID")});
    parser.addOption(
        {QStringLiteral("analysis"),
         tr("The result layer of a stored run: its id, or an algorithm id for its latest run."),
         tr("ID|KIND")});
    parser.addOption({QStringLiteral("out"), tr("File to write."), tr("FILE")});
    addPeriodOptions(parser);
    parser.addOption({QStringLiteral("categories"),
                      tr("Comma-separated category values to keep (default: all)."), tr("LIST")});
    parser.addOption({QStringLiteral("qgis"),
                      tr("Write the whole workspace as a QGIS project (.qgz or .qgs): its layers "
                         "in Vigie's order and styles, the results with their ramps and "
                         "parameters, rasters beside it."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("lang"), tr("Language of the project's names: fr or en."),
                      tr("LANG"), QStringLiteral("fr")});
    parser.addOption({QStringLiteral("overwrite"), tr("Replace the file if it exists.")});
    parser.addHelpOption();
}

/// The layer --analysis names: a run's id, or the latest run of an algorithm.
core::Result<QString> analysisLayer(const core::Store &store, const QString &which)
{
    return core::captureErrors([&] {
        const auto runs = store.analysisRecords();
        for (auto it = runs.rbegin(); it != runs.rend(); ++it)
            if ((it->id == which || it->kind == which) && !it->resultLayer.isEmpty() &&
                store.hasLayer(it->resultLayer))
                return it->resultLayer;
        throw core::Exception(core::ErrorCode::UnknownLayer,
                              tr("the workspace has no stored run '%1' with a result layer (see "
                                 "vigie-cli info)")
                                  .arg(which));
    });
}

/// Period and categories from the options; ExitOk or the usage error.
int readQuery(CliContext &ctx, const QCommandLineParser &parser, core::FeatureQuery &query)
{
    if (int code = readPeriodOptions(ctx, parser, query.from, query.to); code != ExitOk)
        return code;
    if (query.to != core::LayerSnapshot::kNoTime)
        ++query.to; // the query's end is exclusive: --to's last second is included
    if (parser.isSet(QStringLiteral("categories")))
        query.categories =
            parser.value(QStringLiteral("categories")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return ExitOk;
}

/// export --qgis: the workspace as a QGIS project.
int exportProject(CliContext &ctx, const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("qgis"));
    const QString language = parser.value(QStringLiteral("lang"));
    if (language != QLatin1String("fr") && language != QLatin1String("en"))
        return ctx.usageError(tr("--lang must be fr or en"));
    auto store = core::Store::open(parser.value(QStringLiteral("store")), /*readOnly=*/true);
    if (!store)
        return ctx.fail(store.error());
    auto state = core::ProjectState::load(**store);
    if (!state) // a damaged layer panel state: the default order, said so
        ctx.err() << tr("note: %1").arg(state.error().message) << "\n";
    QElapsedTimer timer;
    timer.start();
    auto summary =
        core::exportQgisProject(**store, state ? *state : core::ProjectState{}, path, language,
                                parser.isSet(QStringLiteral("overwrite")), &ctx.feedback());
    if (!summary)
        return ctx.fail(summary.error());
    ctx.out() << tr("QGIS project with %1 layers written to %2 in %3 s")
                     .arg(argText(summary->layers), path,
                          QString::number(std::max(1e-3, timer.elapsed() / 1000.0), 'f', 2))
              << "\n";
    for (const QString &f : summary->files.mid(1))
        ctx.out() << tr("  with %1").arg(f) << "\n";
    return ExitOk;
}

} // namespace

int runExport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    addExportOptions(parser);
    if (int code = ExitOk; !parseArguments(parser, args, ctx, code))
        return code;
    if (parser.isSet(QStringLiteral("qgis"))) {
        if (!parser.isSet(QStringLiteral("store")) || parser.isSet(QStringLiteral("out")) ||
            parser.isSet(QStringLiteral("layer")) || parser.isSet(QStringLiteral("analysis")))
            return ctx.usageError(tr("--qgis FILE takes --store FILE, not --out, --layer or "
                                     "--analysis"));
        return exportProject(ctx, parser);
    }
    const bool byLayer = parser.isSet(QStringLiteral("layer"));
    if (!parser.isSet(QStringLiteral("store")) || !parser.isSet(QStringLiteral("out")) ||
        byLayer == parser.isSet(QStringLiteral("analysis")))
        return ctx.usageError(tr("--store FILE, --out FILE and either --layer ID or --analysis "
                                 "ID|KIND are required"));
    core::ExportRequest request;
    request.path = parser.value(QStringLiteral("out"));
    request.overwrite = parser.isSet(QStringLiteral("overwrite"));
    if (!core::exportFormatForPath(request.path))
        return ctx.usageError(
            tr("cannot write \"%1\": the extension must be one of %2")
                .arg(request.path, (core::exportExtensions(false) + core::exportExtensions(true))
                                       .join(QStringLiteral(", "))));
    if (int code = readQuery(ctx, parser, request.query); code != ExitOk)
        return code;

    auto store = core::Store::open(parser.value(QStringLiteral("store")), /*readOnly=*/true);
    if (!store)
        return ctx.fail(store.error());
    if (byLayer) {
        request.layerId = parser.value(QStringLiteral("layer"));
    } else {
        auto layer = analysisLayer(**store, parser.value(QStringLiteral("analysis")));
        if (!layer)
            return ctx.fail(layer.error());
        request.layerId = *layer;
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = core::exportLayer(**store, request, &ctx.feedback());
    if (!summary)
        return ctx.fail(summary.error());
    const double seconds = std::max(1e-3, timer.elapsed() / 1000.0);
    if ((*store)->isRasterLayer(request.layerId))
        ctx.out() << tr("Raster layer '%1' written to %2 in %3 s")
                         .arg(request.layerId, request.path, QString::number(seconds, 'f', 2))
                  << "\n";
    else
        ctx.out() << tr("%1 features of layer '%2' written to %3 in %4 s")
                         .arg(argText(summary->features), request.layerId, request.path,
                              QString::number(seconds, 'f', 2))
                  << "\n";
    for (const QString &f : summary->files.mid(1))
        ctx.out() << tr("  with %1").arg(f) << "\n";
    for (const QString &n : summary->notes)
        ctx.out() << tr("note: %1").arg(n) << "\n";
    return ExitOk;
}

} // namespace vigie::cli
