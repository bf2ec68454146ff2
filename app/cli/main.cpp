// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli: every analysis and data operation of Vigie, without the GUI.
#include "clicontext.h"

#include "core/i18n.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

struct Command
{
    const char *name;
    vigie::cli::CommandFunction run;
    bool needsGui; ///< fonts and painting (render): a QGuiApplication, offscreen if headless
    const char *summary;
};

const Command kCommands[] = {
    {"demo", vigie::cli::runDemo, false,
     QT_TRANSLATE_NOOP("vigie::cli", "create a demo workspace shaped like Marseille")},
    {"new", vigie::cli::runNew, false,
     QT_TRANSLATE_NOOP("vigie::cli",
                       "make an empty workspace for any area from its boundary files")},
    {"import", vigie::cli::runImport, false,
     QT_TRANSLATE_NOOP("vigie::cli",
                       "import a vector file (GeoPackage, GeoJSON, CSV, Shapefile…) into a layer")},
    {"info", vigie::cli::runInfo, false,
     QT_TRANSLATE_NOOP("vigie::cli", "describe a workspace: layers, counts, extents, periods")},
    {"layers", vigie::cli::runLayers, false,
     QT_TRANSLATE_NOOP("vigie::cli", "list the layer types known (built-in and plugins)")},
    {"export", vigie::cli::runExport, false,
     QT_TRANSLATE_NOOP("vigie::cli", "write a layer or a stored result to GeoPackage, GeoJSON, "
                                     "FlatGeobuf, CSV, Shapefile, XLSX, ODS or GeoTIFF")},
    {"render", vigie::cli::runRender, true,
     QT_TRANSLATE_NOOP("vigie::cli", "draw a map of a workspace to a PNG image")},
    {"sync", vigie::cli::runSync, false,
     QT_TRANSLATE_NOOP("vigie::cli",
                       "pull layers from the municipal data hub, incrementally and resumably")},
    {"run", vigie::cli::runRun, false,
     QT_TRANSLATE_NOOP("vigie::cli", "run any algorithm by its id, with options generated from its "
                                     "parameters (--list, ALG --help)")},
    {"analyze", vigie::cli::runAnalyze, false,
     QT_TRANSLATE_NOOP("vigie::cli",
                       "run an analysis (KDE, hot spots, clusters…) and keep its result")},
    {"report", vigie::cli::runReport, true,
     QT_TRANSLATE_NOOP("vigie::cli",
                       "write a CLSPD report: a PDF map atlas with key figures per area")},
    {"forecast", vigie::cli::runForecast, false,
     QT_TRANSLATE_NOOP("vigie::cli", "forecast the risk per cell for the next shift, day or week, "
                                     "or score the forecast models (--evaluate)")},
    {"scenario", vigie::cli::runScenario, false,
     QT_TRANSLATE_NOOP(
         "vigie::cli",
         "run a planning scenario: event, patrol, cameras what-if, impact of an action")},
    {"check", vigie::cli::runCheck, false,
     QT_TRANSLATE_NOOP("vigie::cli", "check the integrity of a workspace")},
    {"key", vigie::cli::runKey, false,
     QT_TRANSLATE_NOOP("vigie::cli",
                       "show the pseudonymisation key in use, or create one for a team")},
};

void printUsage(QTextStream &out)
{
    out << QCoreApplication::translate("vigie::cli", "Usage: vigie-cli COMMAND [OPTIONS]") << "\n\n"
        << QCoreApplication::translate("vigie::cli", "Commands:") << "\n";
    for (const Command &c : kCommands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(10) << " "
            << QCoreApplication::translate("vigie::cli", c.summary) << "\n";
    out << "\n"
        << QCoreApplication::translate(
               "vigie::cli", "Run 'vigie-cli COMMAND --help' for the options of a command.")
        << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    const Command *command = nullptr;
    if (argc >= 2) {
        for (const Command &c : kCommands) {
            if (std::strcmp(argv[1], c.name) == 0)
                command = &c;
        }
    }
    if (command && command->needsGui && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    std::unique_ptr<QCoreApplication> app;
    if (command && command->needsGui)
        app = std::make_unique<QGuiApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Ville de Marseille"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigie"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));
    vigie::core::installTranslations(vigie::core::preferredLanguage());

    vigie::cli::CliContext ctx;
    QStringList args = QCoreApplication::arguments();
    if (!command) {
        const QString first = args.value(1);
        if (first == QLatin1String("--version")) {
            ctx.out() << "vigie-cli " << QCoreApplication::applicationVersion() << "\n";
            return vigie::cli::ExitOk;
        }
        printUsage(first.isEmpty() || first == QLatin1String("--help") ||
                           first == QLatin1String("-h") || first == QLatin1String("help")
                       ? ctx.out()
                       : ctx.err());
        if (!first.isEmpty() && first != QLatin1String("--help") && first != QLatin1String("-h") &&
            first != QLatin1String("help")) {
            ctx.err() << QCoreApplication::translate("vigie::cli", "Unknown command: %1").arg(first)
                      << "\n";
            return vigie::cli::ExitUsage;
        }
        return vigie::cli::ExitOk;
    }
    args.removeAt(1); // the command name; args[0] stays the program name for QCommandLineParser
    return command->run(ctx, args);
}
