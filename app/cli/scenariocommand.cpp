// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli forecast and vigie-cli scenario KIND: aliases of `vigie-cli run` for the scenarios,
// the forecast and its evaluation (--evaluate), keeping the old spellings (--param NAME=VALUE,
// --cell, --add/--move/--remove) so existing scripts keep working; `scenario list`.
#include "clicontext.h"

#include "core/processing/algorithm.h"
#include "core/scenario/scenario.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <initializer_list>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
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

/// An option of the old command line: "--name value" or "--name=value" at args[i] (i moves past
/// it). False when args[i] is not that option.
bool takeOption(const QStringList &args, qsizetype &i, const QString &name, QString &value,
                bool hasValue = true)
{
    const QString &a = args.at(i);
    const QString flag = QStringLiteral("--") + name;
    if (a == flag) {
        if (hasValue)
            value = i + 1 < args.size() ? args.at(++i) : QString();
        return true;
    }
    if (hasValue && a.startsWith(flag + u'=')) {
        value = a.mid(flag.size() + 1);
        return true;
    }
    return false;
}

/// The first of `names` that args[i] is (with its value), or an empty string.
QString takeAnyOf(const QStringList &args, qsizetype &i, std::initializer_list<const char *> names,
                  QString &value)
{
    for (const char *name : names)
        if (takeOption(args, i, QLatin1String(name), value))
            return QLatin1String(name);
    return {};
}

/// --periods, --end or --models: options of the forecast evaluation only.
QString evaluationOnly(const QStringList &args, qsizetype &i, QString &value)
{
    return takeAnyOf(args, i, {"periods", "end", "models"}, value);
}

/// --add, --move, --remove or --edits of the cameras scenario.
QString cameraEdit(const QStringList &args, qsizetype &i, QString &value)
{
    return takeAnyOf(args, i, {"add", "move", "remove", "edits"}, value);
}

/// The old spellings of `scenario KIND` and `forecast`, rewritten as `run` options:
/// --param NAME=VALUE becomes --option-name VALUE, --cell --cell-size, the cameras' --add,
/// --move and --remove one --edits list; `forecast --evaluate` runs forecast_evaluation, its
/// --model becoming --models. Returns the algorithm's id, or an empty string after a usage error
/// (its code in `code`).
QString rewriteLegacyOptions(CliContext &ctx, const QString &algorithm, bool forecastCommand,
                             QStringList &args, int &code)
{
    const auto fail = [&](const QString &message) {
        code = ctx.usageError(message);
        return QString();
    };
    QString id = algorithm;
    if (forecastCommand && args.contains(QLatin1String("--evaluate")))
        id = QStringLiteral("forecast_evaluation");
    const bool evaluate = id != algorithm;
    const core::processing::Algorithm *a = core::processing::AlgorithmRegistry::instance().find(id);
    if (!a)
        return fail(tr("unknown algorithm: %1").arg(id));
    const core::processing::ParameterDefinitions params = a->parameters();
    QStringList out{args.value(0)}, edits;
    for (qsizetype i = 1; i < args.size(); ++i) {
        QString value;
        if (takeOption(args, i, QStringLiteral("param"), value)) {
            const qsizetype eq = value.indexOf(u'=');
            if (eq <= 0)
                return fail(tr("--param expects NAME=VALUE: %1").arg(value));
            const QString name = value.left(eq).trimmed();
            QStringList known;
            const core::processing::ParameterDefinition *found = nullptr;
            for (const auto &d : params) {
                known << d.name();
                if (d.name() == name || d.optionName() == name)
                    found = &d;
            }
            if (!found)
                return fail(tr("unknown parameter: %1 (known: %2)")
                                .arg(name, known.join(QStringLiteral(", "))));
            out << QStringLiteral("--") + found->optionName() << value.mid(eq + 1).trimmed();
        } else if (id == QLatin1String("forecast") || evaluate) {
            if (takeOption(args, i, QStringLiteral("cell"), value))
                out << QStringLiteral("--cell-size") << value;
            else if (takeOption(args, i, QStringLiteral("evaluate"), value, false))
                continue;
            else if (evaluate && takeOption(args, i, QStringLiteral("model"), value))
                out << QStringLiteral("--models") << value; // scores that model alone
            else if (evaluate && takeOption(args, i, QStringLiteral("origin"), value))
                return fail(tr("--origin does not apply to --evaluate (use --end)"));
            else if (QString needs = evaluationOnly(args, i, value);
                     !needs.isEmpty() && forecastCommand && !evaluate)
                return fail(tr("--%1 needs --evaluate").arg(needs));
            else if (!needs.isEmpty())
                out << QStringLiteral("--") + needs << value;
            else
                out << args.at(i);
        } else if (QString edit; id == QLatin1String("cameras") &&
                                 !(edit = cameraEdit(args, i, value)).isEmpty()) {
            if (edit == QLatin1String("edits")) {
                edits << value;
            } else if (edit == QLatin1String("add")) {
                const QString geometry = cameraGeometry(value);
                if (geometry.isEmpty())
                    return fail(
                        tr("--add expects x,y,direction,fov,range (five numbers): %1").arg(value));
                edits << QStringLiteral("add:") + geometry;
            } else if (edit == QLatin1String("move")) {
                const qsizetype colon = value.lastIndexOf(u':');
                const QString geometry =
                    colon > 0 ? cameraGeometry(value.mid(colon + 1)) : QString();
                if (geometry.isEmpty())
                    return fail(tr("--move expects ID:x,y,direction,fov,range: %1").arg(value));
                edits << QStringLiteral("move:") + value.left(colon).trimmed() + u':' + geometry;
            } else {
                if (value.trimmed().isEmpty())
                    return fail(tr("--remove expects a camera id"));
                edits << QStringLiteral("remove:") + value.trimmed();
            }
        } else {
            out << args.at(i);
        }
    }
    if (!edits.isEmpty())
        out << QStringLiteral("--edits") << edits.join(u';');
    args = out;
    return id;
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

/// `scenario KIND` and `forecast`: aliases of `run` (same options, checks and output).
int runKind(CliContext &ctx, core::ScenarioKind kind, QStringList args, bool forecastCommand)
{
    int code = ExitOk;
    const QString id =
        rewriteLegacyOptions(ctx, core::scenarioKindKey(kind), forecastCommand, args, code);
    if (id.isEmpty())
        return code;
    code = runAlgorithm(ctx, *core::processing::AlgorithmRegistry::instance().find(id), args);
    if (forecastCommand && id == QLatin1String("forecast") &&
        (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))))
        ctx.out() << "\n"
                  << tr("With --evaluate: scores the models on held-out periods instead (hit "
                        "rate, PAI and PEI), writing nothing; its options: vigie-cli run "
                        "forecast_evaluation --help.")
                  << "\n";
    return code;
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
