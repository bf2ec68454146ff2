// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli new (a workspace for any area) and import (a file, with its field mapping).
#include "clicontext.h"
#include "core/argtext.h"

#include "core/io/atomicfile.h"
#include "core/io/importer.h"
#include "core/io/newworkspace.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

void printReport(CliContext &ctx, const core::ImportReport &report, const QString &input,
                 double seconds)
{
    for (const QString &w : report.warnings)
        ctx.err() << tr("warning: %1").arg(w) << "\n";
    ctx.out() << tr("Imported %1 features from %2 into layer '%3' in %4 s (%5 features/s)")
                     .arg(QString::number(report.features), input, report.layerId,
                          QString::number(seconds, 'f', 2),
                          QString::number(qRound64(report.features / seconds)))
              << "\n";
    if (report.mapping.fields.contains(core::mappingtarget::sourceKey))
        ctx.out() << tr("  %1 new, %2 updated, %3 unchanged (by source key)")
                         .arg(argText(report.inserted), argText(report.updated),
                              argText(report.unchanged))
                  << "\n";
    if (!report.categories.isEmpty())
        ctx.out() << tr("  categories of the new layer: %1")
                         .arg(report.categories.join(QStringLiteral(", ")))
                  << "\n";
}

/// The field mapping of the import: a mapping file, --map options over it, else the one the
/// workspace kept from the last import into the layer. ExitOk, or the usage error's code.
int readMapping(const QCommandLineParser &parser, const core::Store &store,
                core::ImportOptions &options, CliContext &ctx)
{
    core::FieldMapping &m = options.mapping;
    if (parser.isSet(QStringLiteral("mapping-file"))) {
        const QString path = parser.value(QStringLiteral("mapping-file"));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return ctx.usageError(tr("cannot read the mapping file %1").arg(path));
        auto read = core::FieldMapping::fromJson(f.read(1024 * 1024 + 1), path);
        if (!read)
            return ctx.fail(read.error());
        m = *read;
    }
    for (const QString &a : parser.values(QStringLiteral("map")))
        if (!m.addAssignment(a))
            return ctx.usageError(tr("--map expects FIELD=COLUMN, not \"%1\"").arg(a));
    if (m.isEmpty() && !options.layerId.isEmpty() &&
        parser.values(QStringLiteral("map")).isEmpty()) {
        if (auto saved = core::savedMapping(store, options.layerId)) {
            m = *saved;
            ctx.err() << tr("note: the field mapping of the last import into '%1' is used")
                             .arg(options.layerId)
                      << "\n";
        }
    }
    if (parser.isSet(QStringLiteral("date-order"))) {
        const auto order = core::dateOrderFromName(parser.value(QStringLiteral("date-order")));
        if (!order)
            return ctx.usageError(tr("--date-order must be auto, dmy or mdy"));
        m.dateOrder = *order;
    }
    if (parser.isSet(QStringLiteral("time-zone"))) {
        const QString zone = parser.value(QStringLiteral("time-zone"));
        if (!QTimeZone(zone.toUtf8()).isValid())
            return ctx.usageError(tr("unknown time zone \"%1\"").arg(zone));
        m.timeZone = zone;
    }
    return ExitOk;
}

core::Result<void> writeMapping(const QString &path, const core::FieldMapping &mapping)
{
    core::AtomicFile out(path);
    QFile f(out.temporaryPath());
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(mapping.toJson()).toJson()) < 0 ||
        !f.flush())
        return core::Error{core::ErrorCode::Io, tr("Cannot write %1.").arg(path)};
    f.close();
    return out.commit(core::AtomicFile::Replace::Existing);
}

} // namespace

int runNew(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Makes an empty workspace for any area: its study area and reporting units come from "
           "your boundary files. Analyses then use that study area."));
    parser.addOption(
        {QStringLiteral("out"), tr("Workspace file to create (must not exist)."), tr("FILE")});
    parser.addOption({QStringLiteral("boundaries"),
                      tr("Polygons of the study area (any vector format GDAL reads)."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("units"),
                      tr("Polygons of the reporting units (districts, beats), optional."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("crs"),
                      tr("CRS of the boundary files when they do not say, e.g. EPSG:4326."),
                      tr("CRS")});
    int code = ExitOk;
    if (!parseWithHelp(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("out")) || !parser.isSet(QStringLiteral("boundaries")))
        return ctx.usageError(tr("--out FILE and --boundaries FILE are required"));
    core::NewWorkspaceOptions options;
    options.boundaries = parser.value(QStringLiteral("boundaries"));
    options.units = parser.value(QStringLiteral("units"));
    options.crs = parser.value(QStringLiteral("crs"));
    const QString out = parser.value(QStringLiteral("out"));
    auto made = core::createWorkspace(out, options, &ctx.feedback());
    if (!made)
        return ctx.fail(made.error());
    for (const QString &w : made->warnings)
        ctx.err() << tr("warning: %1").arg(w) << "\n";
    ctx.out() << tr("Workspace written to %1: study area of %2 polygon(s), %3 reporting unit(s)")
                     .arg(out, argText(made->boundaryFeatures), argText(made->unitFeatures))
              << "\n";
    return ExitOk;
}

int runImport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Imports a vector file that GDAL reads into a layer of a workspace, reprojected to "
           "Lambert-93. All or nothing: on any error the workspace is left unchanged."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("layer"),
                      tr("Target layer id (a layer of the workspace or a known layer type). "
                         "Without it, a new layer is created from the file."),
                      tr("ID")});
    parser.addOption({QStringLiteral("new-layer"),
                      tr("Id of the new layer (default: from the "
                         "file name)."),
                      tr("ID")});
    parser.addOption({QStringLiteral("crs"),
                      tr("CRS of the input when the file has none or a wrong one, e.g. EPSG:4326."),
                      tr("CRS")});
    parser.addOption({QStringLiteral("source-layer"),
                      tr("Layer to read in a multi-layer file (GeoPackage)."), tr("NAME")});
    parser.addOption({QStringLiteral("x-field"),
                      tr("CSV column holding the x coordinate or longitude (default: x, lon, lng, "
                         "long or longitude, else the one column starting with X)."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("y-field"),
                      tr("CSV column holding the y coordinate or latitude (default: y, lat or "
                         "latitude, else the one column starting with Y)."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("drop-unknown-fields"),
                      tr("Ignore fields of the file that the target layer does not declare.")});
    parser.addOption({QStringLiteral("skip-invalid"),
                      tr("Skip features without a valid geometry or date instead of stopping "
                         "(they are counted, the first ones listed).")});
    parser.addOption({QStringLiteral("map-category"),
                      tr("Store the file's category FROM as the layer's category TO (repeat for "
                         "each); any other value outside the layer's categories stops the "
                         "import."),
                      tr("FROM=TO")});
    parser.addOption({QStringLiteral("map"),
                      tr("Fill FIELD from the file's COLUMN (repeat for each). FIELD is a field of "
                         "the layer or occurred_at (date, or date and time), occurred_time (a "
                         "separate time column), occurred_to and occurred_to_time (the end of a "
                         "span), category, source_key (a column, or columns joined by +, naming "
                         "a record: importing it again replaces it), x and y (coordinate "
                         "columns)."),
                      tr("FIELD=COLUMN")});
    parser.addOption({QStringLiteral("mapping-file"),
                      tr("Read the field mapping from a file written by --save-mapping; --map "
                         "options given too override it."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("save-mapping"),
                      tr("Write the mapping used to FILE, for the next files of this source."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("date-order"),
                      tr("How to read dates like 03/12/2026: dmy (3 December), mdy (12 March) or "
                         "auto (decided from the values, day first when they do not tell)."),
                      tr("ORDER")});
    parser.addOption({QStringLiteral("time-zone"),
                      tr("Time zone of the file's local dates and times (default Europe/Paris)."),
                      tr("ZONE")});
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("Vector file to import."));
    int code = ExitOk;
    if (!parseWithHelp(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    if (parser.positionalArguments().size() != 1)
        return ctx.usageError(tr("exactly one INPUT file is expected"));

    const QString storePath = parser.value(QStringLiteral("store"));
    const bool created = !QFileInfo::exists(storePath);
    auto store = created ? core::Store::create(storePath) : core::Store::open(storePath);
    if (!store)
        return ctx.fail(store.error());
    // A workspace made for this import is not left behind when the import fails.
    auto discard = [&] {
        if (!created)
            return;
        store->reset();
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(storePath + QLatin1String(suffix));
    };

    core::ImportOptions options;
    options.layerId = parser.value(QStringLiteral("layer"));
    options.newLayerId = parser.value(QStringLiteral("new-layer"));
    options.sourceCrs = parser.value(QStringLiteral("crs"));
    options.sourceLayer = parser.value(QStringLiteral("source-layer"));
    options.xField = parser.value(QStringLiteral("x-field"));
    options.yField = parser.value(QStringLiteral("y-field"));
    options.dropUnknownFields = parser.isSet(QStringLiteral("drop-unknown-fields"));
    options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    for (const QString &pair : parser.values(QStringLiteral("map-category"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == pair.size() - 1)
            return ctx.usageError(tr("--map-category expects FROM=TO, not \"%1\"").arg(pair));
        options.categoryMap.insert(pair.left(eq), pair.mid(eq + 1));
    }
    if (const int bad = readMapping(parser, **store, options, ctx); bad != ExitOk) {
        discard();
        return bad;
    }

    QElapsedTimer timer;
    timer.start();
    const QString input = parser.positionalArguments().constFirst();
    auto report = core::Importer::importFile(**store, input, options, &ctx.feedback());
    if (!report) {
        discard();
        return ctx.fail(report.error());
    }
    printReport(ctx, *report, input, std::max(timer.elapsed(), qint64(1)) / 1000.0);
    if (parser.isSet(QStringLiteral("save-mapping"))) {
        if (auto saved =
                writeMapping(parser.value(QStringLiteral("save-mapping")), report->mapping);
            !saved.ok())
            return ctx.fail(saved.error());
    }
    return ExitOk;
}

} // namespace vigie::cli
