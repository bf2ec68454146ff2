// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/analytics/feedback.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstdint>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace vigie::core::processing {
class Algorithm;
}

namespace vigie::cli {

/// Exit codes of vigie-cli (documented in docs/cli.md).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitCanceled = 130 };

/// Shared services of the CLI commands: output streams, progress on stderr, Ctrl+C.
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::CliContext)

public:
    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// A Feedback that prints progress on stderr and is canceled by SIGINT/SIGTERM.
    analytics::Feedback &feedback() { return *m_feedback; }

    /// Prints "error: <message>" and returns the exit code matching the error.
    int fail(const core::Error &error);
    int usageError(const QString &message);

private:
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<analytics::Feedback> m_feedback;
};

/// A period bound typed on the command line, read by core::parsePeriodBound(): a date is a
/// Paris day (its whole day as an end), a date-time without offset Paris time, "Z" UTC.
std::optional<std::int64_t> parseWhen(const QString &text, bool endOfDay);

/// --from and --to, as every command that takes a period declares them.
void addPeriodOptions(QCommandLineParser &parser);
/// Reads --from and --to with parseWhen() into `from` and `to` (the last second of --to's day;
/// an option not given leaves its bound as it was). ExitOk, or the usage error's code.
int readPeriodOptions(CliContext &ctx, const QCommandLineParser &parser, std::int64_t &from,
                      std::int64_t &to);

/// Parses a command's arguments (the caller has added --help). False when the command must
/// stop: after printing the help (exitCode ExitOk) or a usage error (exitCode from usageError).
bool parseArguments(QCommandLineParser &parser, const QStringList &args, CliContext &ctx,
                    int &exitCode);
/// The same after adding --help.
bool parseWithHelp(QCommandLineParser &parser, const QStringList &args, CliContext &ctx,
                   int &exitCode);

/// The option of a named parameter: "cellSize" -> "cell-size" (analyze, forecast, scenario).
QString optionName(const QString &parameter);

using CommandFunction = int (*)(CliContext &, const QStringList &args);

int runDemo(CliContext &ctx, const QStringList &args);
int runImport(CliContext &ctx, const QStringList &args); // importcommand.cpp
int runNew(CliContext &ctx, const QStringList &args);    // importcommand.cpp
int runInfo(CliContext &ctx, const QStringList &args);
int runLayers(CliContext &ctx, const QStringList &args);
int runRender(CliContext &ctx, const QStringList &args);
int runExport(CliContext &ctx, const QStringList &args);
int runCheck(CliContext &ctx, const QStringList &args);
int runAnalyze(CliContext &ctx, const QStringList &args);
int runSync(CliContext &ctx, const QStringList &args);     // synccommand.cpp
int runReport(CliContext &ctx, const QStringList &args);   // reportcommand.cpp
int runForecast(CliContext &ctx, const QStringList &args); // scenariocommand.cpp
int runScenario(CliContext &ctx, const QStringList &args); // scenariocommand.cpp
int runKey(CliContext &ctx, const QStringList &args);
int runRun(CliContext &ctx, const QStringList &args); // runcommand.cpp
/// Runs one algorithm with options generated from its parameters (run ALG, analyze KIND).
int runAlgorithm(CliContext &ctx, const core::processing::Algorithm &algorithm,
                 const QStringList &args);

} // namespace vigie::cli
