// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "core/calendar.h"

#include "core/processing/parameter.h"

#include "core/printable.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTimeZone>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace vigie::cli {

namespace {

std::atomic<analytics::Feedback *> g_feedback{nullptr};

extern "C" void onInterrupt(int)
{
    if (auto *f = g_feedback.load())
        f->cancel(); // async-signal-safe: an atomic store
}

} // namespace

CliContext::CliContext() : m_out(stdout), m_err(stderr)
{
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    auto lastDecile = std::make_shared<int>(-1);
    m_feedback = std::make_unique<analytics::Feedback>(
        [this, tty, lastDecile](double percent, const std::string &step) {
            const int p = static_cast<int>(percent);
            if (tty) {
                const int filled = p / 5;
                m_err << "\r[" << QString(filled, QLatin1Char('#'))
                      << QString(20 - filled, QLatin1Char('.')) << "] " << QString::number(p)
                      << "% " << QString::fromStdString(step).left(50).leftJustified(50)
                      << (p >= 100 ? "\n" : "");
                m_err.flush();
            } else if (!step.empty() && p / 10 != *lastDecile) {
                *lastDecile = p / 10;
                m_err << QString::number(p) << "% " << QString::fromStdString(step) << "\n";
                m_err.flush();
            }
        });
    g_feedback.store(m_feedback.get());
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

int CliContext::fail(const core::Error &error)
{
    // Messages can hold text from files and servers: nothing reaches the terminal as a control.
    m_err << "\n" << tr("error: %1").arg(core::printableText(error.message)) << "\n";
    m_err.flush();
    return error.code == core::ErrorCode::Canceled ? ExitCanceled : ExitFailure;
}

int CliContext::usageError(const QString &message)
{
    m_err << tr("error: %1").arg(core::printableText(message)) << "\n";
    m_err.flush();
    return ExitUsage;
}

bool parseArguments(QCommandLineParser &parser, const QStringList &args, CliContext &ctx,
                    int &exitCode)
{
    if (!parser.parse(args)) {
        exitCode = ctx.usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out() << parser.helpText();
        exitCode = ExitOk;
        return false;
    }
    return true;
}

bool parseWithHelp(QCommandLineParser &parser, const QStringList &args, CliContext &ctx,
                   int &exitCode)
{
    parser.addHelpOption();
    return parseArguments(parser, args, ctx, exitCode);
}

QString optionName(const QString &parameter)
{
    return core::processing::kebabCase(parameter); // the algorithms' options are spelled so too
}

std::optional<std::int64_t> parseWhen(const QString &text, bool endOfDay)
{
    return core::parsePeriodBound(text, endOfDay); // one rule for every command
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

} // namespace

void addPeriodOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("from"),
         tr("Start of the period: a day (YYYY-MM-DD, Paris time) or a date-time (Z for UTC)."),
         tr("WHEN")});
    parser.addOption(
        {QStringLiteral("to"),
         tr("End of the period: a day, included whole, or a date-time (Paris time, Z for UTC)."),
         tr("WHEN")});
}

int readPeriodOptions(CliContext &ctx, const QCommandLineParser &parser, std::int64_t &from,
                      std::int64_t &to)
{
    for (const bool end : {false, true}) {
        const QString name = end ? QStringLiteral("to") : QStringLiteral("from");
        if (!parser.isSet(name))
            continue;
        const auto t = parseWhen(parser.value(name), end);
        if (!t)
            return ctx.usageError(tr("--%1 is not an ISO date: %2").arg(name, parser.value(name)));
        (end ? to : from) = *t;
    }
    return ExitOk;
}

} // namespace vigie::cli
