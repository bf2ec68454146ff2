// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli report: a CLSPD report (PDF map atlas with key figures) from a report template.
#include "clicontext.h"

#include "core/argtext.h"
#include "core/report/reportfigures.h"
#include "core/report/reporttables.h"

#include "core/i18n.h"
#include "core/report/reporttemplate.h"
#include "core/store/store.h"
#include "render/report/reportpdf.h"

#include <QCommandLineParser>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

} // namespace

int runReport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes a report (PDF map atlas with key figures per area) from a report template."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("template"),
                      tr("Report template: a built-in id (%1) or a JSON file.")
                          .arg(core::ReportTemplate::builtInIds().join(QStringLiteral(", "))),
                      tr("T")});
    parser.addOption(
        {QStringLiteral("period"),
         tr("Period in local days: 2025-01..2025-03 (months) or 2025-01-01..2025-01-31."),
         tr("PERIOD")});
    parser.addOption({QStringLiteral("areas"),
                      tr("Areas by key, name or number, comma-separated, or \"all\" (default: the "
                         "template's)."),
                      tr("LIST")});
    parser.addOption({QStringLiteral("out"), tr("PDF file to write."), tr("FILE")});
    parser.addOption({QStringLiteral("tables"),
                      tr("Also, or instead, write the report's counts as a table (.csv or .xlsx), "
                         "small counts suppressed as in the report."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("overwrite"), tr("Replace the table if it exists.")});
    parser.addOption({QStringLiteral("lang"), tr("Language of the report: fr or en."), tr("LANG"),
                      QStringLiteral("fr")});
    parser.addOption({QStringLiteral("paper"),
                      tr("Paper size: a4 or a3 (default: the template's)."), tr("SIZE")});
    parser.addOption({QStringLiteral("orientation"),
                      tr("portrait or landscape (default: the template's)."), tr("ORIENTATION")});
    parser.addOption({QStringLiteral("min-count"),
                      tr("Counts below this are printed \"< N\" (default: the template's, 5)."),
                      tr("N")});
    parser.addOption({QStringLiteral("author"), tr("Author printed on the cover."), tr("NAME")});
    parser.addOption({QStringLiteral("analysis"),
                      tr("Analysis drawn on the maps: an analysis id or kind (default: the "
                         "template's; \"none\" for none)."),
                      tr("ID")});
    parser.addHelpOption();
    if (int code = ExitOk; !parseArguments(parser, args, ctx, code))
        return code;
    for (const char *required : {"store", "template", "period"})
        if (!parser.isSet(QString::fromLatin1(required)))
            return ctx.usageError(tr("--store, --template and --period are required"));
    if (!parser.isSet(QStringLiteral("out")) && !parser.isSet(QStringLiteral("tables")))
        return ctx.usageError(tr("--out FILE.pdf or --tables FILE.csv|.xlsx is required"));

    core::ReportRequest request;
    auto reportTemplate = core::ReportTemplate::load(parser.value(QStringLiteral("template")));
    if (!reportTemplate)
        return ctx.fail(reportTemplate.error());
    request.reportTemplate = *reportTemplate;
    auto period = core::ReportPeriod::parse(parser.value(QStringLiteral("period")));
    if (!period)
        return ctx.fail(period.error());
    request.period = *period;
    if (parser.isSet(QStringLiteral("areas")))
        request.areas =
            parser.value(QStringLiteral("areas")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    request.language = parser.value(QStringLiteral("lang"));
    if (request.language != QLatin1String("fr") && request.language != QLatin1String("en"))
        return ctx.usageError(tr("--lang must be fr or en"));
    request.paper = parser.value(QStringLiteral("paper")).toLower();
    if (!request.paper.isEmpty() && request.paper != QLatin1String("a4") &&
        request.paper != QLatin1String("a3"))
        return ctx.usageError(tr("--paper must be a4 or a3"));
    request.orientation = parser.value(QStringLiteral("orientation")).toLower();
    if (!request.orientation.isEmpty() && request.orientation != QLatin1String("portrait") &&
        request.orientation != QLatin1String("landscape"))
        return ctx.usageError(tr("--orientation must be portrait or landscape"));
    if (parser.isSet(QStringLiteral("min-count"))) {
        bool ok = false;
        request.minCount = parser.value(QStringLiteral("min-count")).toInt(&ok);
        if (!ok || request.minCount < 1 || request.minCount > 1000)
            return ctx.usageError(tr("--min-count must be an integer from 1 to 1000"));
    }
    request.author = parser.value(QStringLiteral("author"));
    if (parser.isSet(QStringLiteral("analysis"))) {
        request.analysis = parser.value(QStringLiteral("analysis"));
        if (request.analysis == QLatin1String("none")) {
            request.analysis.clear();
            request.reportTemplate.analysis.clear();
        }
    }

    auto store = core::Store::open(parser.value(QStringLiteral("store")), /*readOnly=*/true);
    if (!store)
        return ctx.fail(store.error());
    if (parser.isSet(QStringLiteral("tables"))) {
        const QString tables = parser.value(QStringLiteral("tables"));
        auto data = core::computeReportData(**store, request, &ctx.feedback());
        if (!data)
            return ctx.fail(data.error());
        auto rows =
            core::writeReportTable(*data, tables, parser.isSet(QStringLiteral("overwrite")));
        if (!rows)
            return ctx.fail(rows.error());
        ctx.out() << tr("Table of %1 rows written to %2 (counts under %3 suppressed)")
                         .arg(argText(*rows), tables, argText(data->request.minCount))
                  << "\n";
    }
    if (!parser.isSet(QStringLiteral("out")))
        return ExitOk;
    const QString out = parser.value(QStringLiteral("out"));
    auto outcome = render::exportReport(**store, request, out, &ctx.feedback());
    if (!outcome)
        return ctx.fail(outcome.error());
    for (const QString &note : outcome->notes)
        ctx.err() << note << "\n";
    ctx.out() << tr("Report written to %1 (%2 pages, %3 s)")
                     .arg(out, argText(outcome->pages),
                          argText(outcome->milliseconds / 1000.0, 0, 'f', 1))
              << "\n";
    return ExitOk;
}

} // namespace vigie::cli
