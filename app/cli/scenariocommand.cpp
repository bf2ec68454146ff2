// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli forecast and vigie-cli scenario KIND: the planning and prediction scenarios of
// core/scenario (issue 6) on a workspace, and the rolling-origin evaluation of the forecasts.
#include "clicontext.h"
#include "core/argtext.h"

#include "core/analysis/analysis.h"
#include "core/processing/algorithm.h"
#include "core/scenario/scenario.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <map>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

/// Parameters whose value is an ISO date or date-time (checked before the store is opened).
bool isDateParameter(const QString &name)
{
    static const QStringList dates = {QStringLiteral("origin"), QStringLiteral("start"),
                                      QStringLiteral("date"), QStringLiteral("actionDate"),
                                      QStringLiteral("end")};
    return dates.contains(name);
}

QStringList nonEmptyChoices(const core::ParameterInfo &p)
{
    return p.choices.filter(QRegularExpression(QStringLiteral(".+")));
}

/// Checks one value against its description: choices, numeric range, ISO dates. Returns a
/// message naming the parameter, or an empty string when the value is acceptable.
QString checkValue(const core::ParameterInfo &p, const QString &value)
{
    const QStringList choices = nonEmptyChoices(p);
    if (!choices.isEmpty()) {
        if (value.isEmpty() && p.choices.contains(QString()))
            return {};
        if (!choices.contains(value))
            return tr("invalid value for %1: %2 (one of: %3)")
                .arg(p.name, value, choices.join(QStringLiteral(", ")));
        return {};
    }
    if (isDateParameter(p.name)) {
        if (!value.isEmpty() && !parseWhen(value, false))
            return tr("invalid value for %1: %2 is not an ISO date").arg(p.name, value);
        return {};
    }
    const auto type = p.defaultValue.typeId();
    const bool numeric = p.maximum > p.minimum || type == QMetaType::Int ||
                         type == QMetaType::Double || type == QMetaType::LongLong ||
                         type == QMetaType::UInt || type == QMetaType::ULongLong;
    if (!numeric)
        return {};
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return tr("invalid value for %1: %2 is not a number").arg(p.name, value);
    if (p.maximum > p.minimum && (v < p.minimum || v > p.maximum))
        return tr("invalid value for %1: %2 is outside [%3, %4]")
            .arg(p.name, value, QString::number(p.minimum, 'g', 12),
                 QString::number(p.maximum, 'g', 12));
    return {};
}

/// One line of help for a parameter: its explanation, choices, range and default.
QString parameterHelp(const core::ParameterInfo &p)
{
    QString help = p.help;
    const QStringList choices = nonEmptyChoices(p);
    if (!choices.isEmpty())
        help += QLatin1Char(' ') + tr("One of: %1.").arg(choices.join(QStringLiteral(", ")));
    if (p.maximum > p.minimum)
        help += QLatin1Char(' ') +
                tr("Range: %1 to %2.")
                    .arg(QString::number(p.minimum, 'g', 12), QString::number(p.maximum, 'g', 12));
    if (!p.defaultValue.isNull() && !p.defaultValue.toString().isEmpty())
        help += QLatin1Char(' ') + tr("Default: %1.").arg(p.defaultValue.toString());
    return help;
}

/// The options shared by every scenario and the forecast command.
const QStringList &fixedOptions()
{
    static const QStringList names = {
        QStringLiteral("store"),  QStringLiteral("layer"),      QStringLiteral("from"),
        QStringLiteral("to"),     QStringLiteral("categories"), QStringLiteral("area-layer"),
        QStringLiteral("areas"),  QStringLiteral("param"),      QStringLiteral("title"),
        QStringLiteral("json"),   QStringLiteral("help"),       QStringLiteral("h"),
        QStringLiteral("cell"),   QStringLiteral("add"),        QStringLiteral("move"),
        QStringLiteral("remove"), QStringLiteral("evaluate"),   QStringLiteral("periods"),
        QStringLiteral("models")};
    return names;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("layer"), tr("Point layer of the incidents."), tr("ID"),
                      QStringLiteral("incidents")});
    parser.addOption({QStringLiteral("from"),
                      tr("Start of the history used (ISO date or date-time, UTC)."), tr("WHEN")});
    parser.addOption({QStringLiteral("to"),
                      tr("End of the history used (ISO date or date-time, UTC)."), tr("WHEN")});
    parser.addOption({QStringLiteral("categories"),
                      tr("Categories kept, comma-separated (default: all)."), tr("LIST")});
    parser.addOption({QStringLiteral("area-layer"),
                      tr("Polygon layer of --areas (default: quartiers)."), tr("ID")});
    parser.addOption({QStringLiteral("areas"),
                      tr("Areas the scenario is restricted to, by name or code, comma-separated."),
                      tr("LIST")});
    parser.addOption({QStringLiteral("param"),
                      tr("A parameter of the scenario by its name (repeatable), e.g. "
                         "--param cellSize=150."),
                      tr("NAME=VALUE")});
    parser.addOption({QStringLiteral("title"), tr("Title of the scenario run."), tr("TEXT")});
    parser.addOption({QStringLiteral("json"), tr("Print the outcome as JSON.")});
}

/// Adds one option per parameter (--cell-size for cellSize) unless a fixed option has the name.
void addParameterOptions(QCommandLineParser &parser, const std::vector<core::ParameterInfo> &params)
{
    for (const core::ParameterInfo &p : params) {
        const QString name = optionName(p.name);
        if (fixedOptions().contains(name))
            continue;
        parser.addOption({name, parameterHelp(p), tr("VALUE")});
    }
}

const core::ParameterInfo *findParameter(const std::vector<core::ParameterInfo> &params,
                                         const QString &name)
{
    for (const core::ParameterInfo &p : params)
        if (p.name == name)
            return &p;
    return nullptr;
}

/// Reads the per-parameter options of `optionParams` and --param NAME=VALUE (NAME in `allowed`)
/// into `out`, then checks every value. Returns an error message for the user, empty when all
/// is well.
QString collectParameters(const QCommandLineParser &parser,
                          const std::vector<core::ParameterInfo> &optionParams,
                          const std::vector<core::ParameterInfo> &allowed, QVariantMap &out)
{
    for (const core::ParameterInfo &p : optionParams) {
        const QString name = optionName(p.name);
        if (!fixedOptions().contains(name) && parser.isSet(name))
            out.insert(p.name, parser.value(name));
    }
    for (const QString &item : parser.values(QStringLiteral("param"))) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0)
            return tr("--param expects NAME=VALUE: %1").arg(item);
        const QString name = item.left(eq).trimmed();
        if (!findParameter(allowed, name)) {
            QStringList known;
            for (const core::ParameterInfo &p : allowed)
                known << p.name;
            return tr("unknown parameter: %1 (known: %2)")
                .arg(name, known.join(QStringLiteral(", ")));
        }
        out.insert(name, item.mid(eq + 1).trimmed());
    }
    for (auto it = out.cbegin(); it != out.cend(); ++it) {
        if (it.key() == QLatin1String("models")) {
            for (const QString &m : it.value().toString().split(u',', Qt::SkipEmptyParts))
                if (!analytics::parseForecastModel(m.trimmed().toStdString()))
                    return tr("invalid value for models: unknown model %1").arg(m.trimmed());
            continue;
        }
        if (const core::ParameterInfo *p = findParameter(allowed, it.key())) {
            const QString problem = checkValue(*p, it.value().toString());
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

/// Reads the selection options; returns an error message, empty when all is well.
QString readSelection(const QCommandLineParser &parser, core::AnalysisSelection &selection)
{
    selection.layer = parser.value(QStringLiteral("layer"));
    if (parser.isSet(QStringLiteral("from"))) {
        auto t = parseWhen(parser.value(QStringLiteral("from")), false);
        if (!t)
            return tr("--from is not an ISO date: %1").arg(parser.value(QStringLiteral("from")));
        selection.from = *t;
    }
    if (parser.isSet(QStringLiteral("to"))) {
        auto t = parseWhen(parser.value(QStringLiteral("to")), true);
        if (!t)
            return tr("--to is not an ISO date: %1").arg(parser.value(QStringLiteral("to")));
        selection.to = *t;
    }
    if (selection.from != core::LayerSnapshot::kNoTime &&
        selection.to != core::LayerSnapshot::kNoTime && selection.to < selection.from)
        return tr("--to is before --from");
    selection.categories =
        parser.value(QStringLiteral("categories")).split(u',', Qt::SkipEmptyParts);
    selection.areas = parser.value(QStringLiteral("areas")).split(u',', Qt::SkipEmptyParts);
    selection.areaLayer = parser.value(QStringLiteral("area-layer"));
    if (!selection.areas.isEmpty() && selection.areaLayer.isEmpty())
        selection.areaLayer = QStringLiteral("quartiers");
    return {};
}

/// "x,y,dir,fov,range": five numbers; returns the normalised text or an empty string.
QString cameraGeometry(const QString &text)
{
    const QStringList parts = text.split(u',');
    if (parts.size() != 5)
        return {};
    QStringList numbers;
    for (const QString &part : parts) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v))
            return {};
        numbers << QString::number(v, 'g', 12);
    }
    return numbers.join(u',');
}

/// The camera edits of --add / --move / --remove as the "edits" parameter of the cameras
/// scenario, appended to any edits given with --param. Returns an error message or empty.
QString collectCameraEdits(const QCommandLineParser &parser, QVariantMap &parameters)
{
    QStringList edits;
    const QString given = parameters.value(QStringLiteral("edits")).toString();
    if (!given.isEmpty())
        edits << given;
    for (const QString &add : parser.values(QStringLiteral("add"))) {
        const QString geometry = cameraGeometry(add);
        if (geometry.isEmpty())
            return tr("--add expects x,y,direction,fov,range (five numbers): %1").arg(add);
        edits << QStringLiteral("add:") + geometry;
    }
    for (const QString &move : parser.values(QStringLiteral("move"))) {
        const qsizetype colon = move.lastIndexOf(u':');
        const QString geometry = colon > 0 ? cameraGeometry(move.mid(colon + 1)) : QString();
        if (geometry.isEmpty())
            return tr("--move expects ID:x,y,direction,fov,range: %1").arg(move);
        edits << QStringLiteral("move:") + move.left(colon).trimmed() + u':' + geometry;
    }
    for (const QString &remove : parser.values(QStringLiteral("remove"))) {
        if (remove.trimmed().isEmpty())
            return tr("--remove expects a camera id");
        edits << QStringLiteral("remove:") + remove.trimmed();
    }
    if (!edits.isEmpty())
        parameters.insert(QStringLiteral("edits"), edits.join(u';'));
    return {};
}

void printKinds(QTextStream &stream)
{
    stream << tr("Usage: vigie-cli scenario KIND --store FILE [OPTIONS]   (KIND --help for its "
                 "parameters)")
           << "\n"
           << tr("       vigie-cli scenario list --store FILE") << "\n\n"
           << tr("Kinds:") << "\n";
    for (core::ScenarioKind k : core::allScenarioKinds())
        stream << "  " << core::scenarioKindKey(k).leftJustified(10) << " "
               << core::scenarioKindTitle(k) << "\n";
}

int listScenarios(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the scenario runs kept in a workspace."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("json"), tr("Print the list as JSON.")});
    if (int code = ExitOk; !parseArguments(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    auto store = core::Store::open(parser.value(QStringLiteral("store")), true);
    if (!store)
        return ctx.fail(store.error());
    QJsonArray list;
    try {
        for (const core::StoredAnalysis &a : core::storedAnalyses(**store)) {
            if (!core::scenarioKindFromKey(a.kind)) // an analysis
                continue;
            if (parser.isSet(QStringLiteral("json"))) {
                QJsonObject o;
                o.insert(QStringLiteral("id"), a.id);
                o.insert(QStringLiteral("kind"), a.kind);
                o.insert(QStringLiteral("title"), a.title);
                o.insert(QStringLiteral("createdAt"), a.createdAt);
                o.insert(QStringLiteral("layers"), QJsonArray::fromStringList(a.layers));
                o.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(a.parameters));
                o.insert(QStringLiteral("summary"), QJsonObject::fromVariantMap(a.summary));
                list.append(o);
                continue;
            }
            ctx.out() << a.id << "\t" << a.kind << "\t" << a.createdAt << "\t"
                      << (a.layers.isEmpty() ? QStringLiteral("-")
                                             : a.layers.join(QStringLiteral(",")))
                      << "\t" << a.title << "\n";
        }
    } catch (const core::Exception &e) {
        return ctx.fail(e.error());
    }
    if (parser.isSet(QStringLiteral("json")))
        ctx.out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return ExitOk;
}

/// Prints what a run made: its report (or JSON) and the layers kept in the workspace.
void printOutcome(CliContext &ctx, core::ScenarioKind kind, const core::AnalysisOutcome &outcome,
                  double seconds, bool json)
{
    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), outcome.id);
        o.insert(QStringLiteral("kind"), core::scenarioKindKey(kind));
        o.insert(QStringLiteral("resultLayer"), outcome.resultLayer);
        o.insert(QStringLiteral("layers"), QJsonArray::fromStringList(outcome.layers));
        o.insert(QStringLiteral("features"), qint64(outcome.inputCount));
        o.insert(QStringLiteral("seconds"), seconds);
        o.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(outcome.parameters));
        o.insert(QStringLiteral("summary"), QJsonObject::fromVariantMap(outcome.summary));
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return;
    }
    ctx.out() << core::scenarioKindTitle(kind) << "\n"
              << tr("%1 incidents used, in %2 s")
                     .arg(argText(outcome.inputCount), argText(seconds, 0, 'f', 2))
              << "\n\n"
              << outcome.summaryText;
    if (!outcome.summaryText.endsWith(u'\n'))
        ctx.out() << "\n";
    ctx.out() << "\n";
    if (outcome.layers.isEmpty() && outcome.resultLayer.isEmpty()) {
        ctx.out() << tr("Kept in the workspace as scenario run %1").arg(outcome.id) << "\n";
        return;
    }
    const QStringList layers =
        outcome.layers.isEmpty() ? QStringList{outcome.resultLayer} : outcome.layers;
    ctx.out() << tr("Layers kept in the workspace:") << "\n";
    for (const QString &layer : layers)
        ctx.out() << "  " << layer << "\n";
}

/// Parameters that `forecast --evaluate` accepts besides the forecast ones.
std::vector<core::ParameterInfo> evaluationParameters()
{
    std::vector<core::ParameterInfo> params;
    for (const core::ParameterInfo &p : core::scenarioParameters(core::ScenarioKind::Forecast))
        if (p.name != QLatin1String("origin") && p.name != QLatin1String("model"))
            params.push_back(p);
    core::ParameterInfo periods;
    periods.name = QStringLiteral("periods");
    periods.defaultValue = 12;
    periods.minimum = 1;
    periods.maximum = 520;
    params.push_back(periods);
    core::ParameterInfo end;
    end.name = QStringLiteral("end");
    params.push_back(end);
    core::ParameterInfo models;
    models.name = QStringLiteral("models");
    params.push_back(models);
    return params;
}

/// scenarioParameters(), plus the venue position x, y of the event scenario (accepted by
/// ScenarioRunner instead of a venue name) when the list does not describe it.
std::vector<core::ParameterInfo> scenarioParametersWithPosition(core::ScenarioKind kind)
{
    std::vector<core::ParameterInfo> params = core::scenarioParameters(kind);
    if (kind != core::ScenarioKind::Event || findParameter(params, QStringLiteral("x")))
        return params;
    core::ParameterInfo x;
    x.name = QStringLiteral("x");
    x.defaultValue = QVariant(QMetaType(QMetaType::Double));
    x.help = tr("Position of the venue instead of its name: x in Lambert-93 metres (with y).");
    params.push_back(x);
    core::ParameterInfo y = x;
    y.name = QStringLiteral("y");
    y.help = tr("Position of the venue instead of its name: y in Lambert-93 metres (with x).");
    params.push_back(y);
    return params;
}

/// The common body of `vigie-cli scenario KIND` and `vigie-cli forecast`.
int runKind(CliContext &ctx, core::ScenarioKind kind, const QStringList &args, bool forecastCommand)
{
    const std::vector<core::ParameterInfo> params = scenarioParametersWithPosition(kind);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        forecastCommand
            ? tr("Forecasts the risk per cell for the next shift, day or week and keeps it as a "
                 "raster layer; with --evaluate, scores the forecast models on held-out periods "
                 "(hit rate, PAI and PEI at 1, 2 and 5 % of the area) without writing anything.")
            : core::scenarioKindTitle(kind));
    addCommonOptions(parser);
    addParameterOptions(parser, params);
    switch (kind) {
    case core::ScenarioKind::Forecast:
        parser.addOption(
            {QStringLiteral("cell"), tr("Cell size in metres (same as --cell-size)."), tr("M")});
        if (forecastCommand) {
            parser.addOption({QStringLiteral("evaluate"),
                              tr("Score the models on held-out periods instead of forecasting.")});
            parser.addOption({QStringLiteral("periods"),
                              tr("With --evaluate: number of held-out periods (default 12)."),
                              tr("N")});
            parser.addOption({QStringLiteral("end"),
                              tr("With --evaluate: end of the last held-out period (ISO date; "
                                 "default: the day after the last incident)."),
                              tr("WHEN")});
            parser.addOption({QStringLiteral("models"),
                              tr("With --evaluate: models compared, comma-separated (default: "
                                 "sepp, prospective-kde, last-period)."),
                              tr("LIST")});
        }
        break;
    case core::ScenarioKind::Cameras:
        parser.addOption({QStringLiteral("add"),
                          tr("Add a camera at x,y (Lambert-93 m) facing dir (degrees clockwise "
                             "from north) with a field of view fov (degrees) and a range "
                             "(m): x,y,dir,fov,range. Repeatable."),
                          tr("GEOMETRY")});
        parser.addOption({QStringLiteral("move"),
                          tr("Move or re-aim a camera of the cameras layer: "
                             "ID:x,y,dir,fov,range. Repeatable."),
                          tr("ID:GEOMETRY")});
        parser.addOption({QStringLiteral("remove"),
                          tr("Remove a camera of the cameras layer by its id. Repeatable."),
                          tr("ID")});
        break;
    default:
        break;
    }
    if (!parser.parse(args))
        return ctx.usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out() << parser.helpText();
        if (!params.empty()) {
            ctx.out() << "\n"
                      << tr("Parameters (--param NAME=VALUE or the option above), defaults and "
                            "allowed values:")
                      << "\n";
            for (const core::ParameterInfo &p : params) {
                const QString value =
                    p.defaultValue.isNull() ? QString() : p.defaultValue.toString();
                QString allowed = nonEmptyChoices(p).join(u'|');
                if (allowed.isEmpty() && p.maximum > p.minimum)
                    allowed = QStringLiteral("%1 … %2").arg(QString::number(p.minimum, 'g', 12),
                                                            QString::number(p.maximum, 'g', 12));
                ctx.out() << "  " << p.name.leftJustified(17) << " "
                          << (value.isEmpty() ? QStringLiteral("-") : value).leftJustified(16)
                          << " " << allowed << "\n";
            }
        }
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(
            tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));

    core::AnalysisSelection selection;
    if (QString problem = readSelection(parser, selection); !problem.isEmpty())
        return ctx.usageError(problem);
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool evaluate = forecastCommand && parser.isSet(QStringLiteral("evaluate"));

    if (forecastCommand && !evaluate) {
        for (const char *option : {"periods", "end", "models"})
            if (parser.isSet(QLatin1String(option)))
                return ctx.usageError(tr("--%1 needs --evaluate").arg(QLatin1String(option)));
    }

    QVariantMap parameters;
    if (evaluate) {
        if (parser.isSet(QStringLiteral("origin")))
            return ctx.usageError(tr("--origin does not apply to --evaluate (use --end)"));
        // --model X with --evaluate scores that model alone.
        if (parser.isSet(QStringLiteral("model")))
            parameters.insert(QStringLiteral("models"), parser.value(QStringLiteral("model")));
        for (const char *option : {"periods", "end", "models"})
            if (parser.isSet(QLatin1String(option)))
                parameters.insert(QLatin1String(option), parser.value(QLatin1String(option)));
    }
    const std::vector<core::ParameterInfo> allowed = evaluate ? evaluationParameters() : params;
    if (QString problem =
            collectParameters(parser, evaluate ? allowed : params, allowed, parameters);
        !problem.isEmpty())
        return ctx.usageError(problem);
    if (kind == core::ScenarioKind::Forecast && parser.isSet(QStringLiteral("cell"))) {
        const core::ParameterInfo *cell = findParameter(params, QStringLiteral("cellSize"));
        const QString value = parser.value(QStringLiteral("cell"));
        if (cell) {
            const QString problem = checkValue(*cell, value);
            if (!problem.isEmpty())
                return ctx.usageError(problem);
        }
        parameters.insert(QStringLiteral("cellSize"), value);
    }
    if (kind == core::ScenarioKind::Cameras) {
        if (QString problem = collectCameraEdits(parser, parameters); !problem.isEmpty())
            return ctx.usageError(problem);
    }

    auto store = core::Store::open(parser.value(QStringLiteral("store")), evaluate);
    if (!store)
        return ctx.fail(store.error());
    QElapsedTimer timer;
    timer.start();

    if (evaluate) {
        core::processing::AlgorithmRun run;
        run.algorithm = QStringLiteral("forecast_evaluation");
        run.selection = selection;
        run.parameters = parameters;
        auto evaluation = core::processing::ProcessingRunner::run(**store, run, &ctx.feedback());
        if (!evaluation)
            return ctx.fail(evaluation.error());
        if (json) {
            QJsonObject o = QJsonObject::fromVariantMap(evaluation->summary);
            o.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(parameters));
            o.insert(QStringLiteral("seconds"), timer.elapsed() / 1000.0);
            ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        ctx.out() << tr("Forecast models on held-out periods (in %1 s)")
                         .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                  << "\n\n"
                  << evaluation->summaryText;
        if (!evaluation->summaryText.endsWith(u'\n'))
            ctx.out() << "\n";
        return ExitOk;
    }

    core::ScenarioRequest request;
    request.kind = kind;
    request.selection = selection;
    request.parameters = parameters;
    request.title = parser.value(QStringLiteral("title"));
    auto outcome = core::ScenarioRunner::run(**store, request, &ctx.feedback());
    if (!outcome)
        return ctx.fail(outcome.error());
    printOutcome(ctx, kind, *outcome, timer.elapsed() / 1000.0, json);
    return ExitOk;
}

} // namespace

int runForecast(CliContext &ctx, const QStringList &args)
{
    return runKind(ctx, core::ScenarioKind::Forecast, args, true);
}

int runScenario(CliContext &ctx, const QStringList &args)
{
    // args[0] is the program; args[1] the kind (or an option when missing).
    const QString kindKey = args.size() > 1 ? args.at(1) : QString();
    if (kindKey.isEmpty() || kindKey == QLatin1String("--help") || kindKey == QLatin1String("-h")) {
        printKinds(ctx.out());
        return kindKey.isEmpty() ? ExitUsage : ExitOk;
    }
    QStringList rest = args;
    rest.removeAt(1);
    if (kindKey == QLatin1String("list"))
        return listScenarios(ctx, rest);
    const auto kind = core::scenarioKindFromKey(kindKey);
    if (!kind) {
        printKinds(ctx.err());
        return ctx.usageError(tr("unknown scenario kind: %1").arg(kindKey));
    }
    return runKind(ctx, *kind, rest, false);
}

} // namespace vigie::cli
