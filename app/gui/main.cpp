// SPDX-License-Identifier: GPL-3.0-or-later
// vigie: the desktop GIS workstation.
//   vigie [WORKSPACE.sqlite]            open a workspace (default: the last one)
//   vigie --screenshot FILE [WORKSPACE] render the window once loaded, save a PNG, exit
//   vigie --bench-startup [WORKSPACE]   print start-up times and exit after the first full map

#include "mainwindow.h"
#include "mapcanvas.h"

#include "core/i18n.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

/// Milliseconds since the process started (Linux: from /proc; else since main()).
class StartClock
{
public:
    StartClock() { m_sinceMain.start(); }
    double elapsedMs() const
    {
#ifdef __linux__
        if (m_startTicks > 0) {
            timespec now{};
            if (clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
                const double nowMs = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
                const double startMs = 1000.0 * m_startTicks / sysconf(_SC_CLK_TCK);
                const double fromProc = nowMs - startMs;
                // /proc has 10 ms resolution: never report less than what main() measured.
                return std::max(fromProc, double(m_sinceMain.nsecsElapsed()) / 1e6);
            }
        }
#endif
        return m_sinceMain.nsecsElapsed() / 1e6;
    }
    void readProcessStart()
    {
#ifdef __linux__
        QFile stat(QStringLiteral("/proc/self/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            return;
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close < 0)
            return;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        // fields[0] is field 3 (state); starttime is field 22.
        if (fields.size() > 19)
            m_startTicks = fields.at(19).toLongLong();
#endif
    }

private:
    QElapsedTimer m_sinceMain;
    long long m_startTicks = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    StartClock clock;
    clock.readProcessStart();

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Ville de Marseille"));
    QApplication::setApplicationName(QStringLiteral("Vigie"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));
    vigie::core::installTranslations(vigie::core::preferredLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("vigie::gui::main", "Vigie, public-safety map workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "vigie::gui::main", "Save a picture of the window once the map is drawn, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption benchOption(
        QStringLiteral("bench-startup"),
        QCoreApplication::translate(
            "vigie::gui::main", "Print the start-up time to the first complete map, then quit."));
    parser.addOption(screenshotOption);
    parser.addOption(benchOption);
    parser.addPositionalArgument(
        QStringLiteral("workspace"),
        QCoreApplication::translate("vigie::gui::main", "Workspace file (.sqlite) to open."),
        QStringLiteral("[WORKSPACE.sqlite]"));
    parser.process(app);

    const bool bench = parser.isSet(benchOption);
    const QString screenshot = parser.value(screenshotOption);
    const bool batch = bench || !screenshot.isEmpty();

    vigie::gui::MainWindow window;
    window.setInteractive(!batch);
    if (batch)
        window.resize(1280, 800);

    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty() && !batch) {
        const QString last = QSettings().value(QStringLiteral("workspace/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            path = last;
    }

    QTextStream out(stdout);
    if (bench) {
        QObject::connect(&window, &vigie::gui::MainWindow::firstMapPainted, &window,
                         [&] { out << "first_map_ms=" << qRound(clock.elapsedMs()) << Qt::endl; });
        QObject::connect(&window, &vigie::gui::MainWindow::fullMapPainted, &window, [&] {
            out << "startup_ms=" << qRound(clock.elapsedMs()) << Qt::endl;
            QTimer::singleShot(0, &app, [] { QCoreApplication::exit(0); });
        });
    }
    if (!screenshot.isEmpty()) {
        auto save = [&window, screenshot] {
            // Let the status bar and docks settle, then grab.
            QTimer::singleShot(150, &window, [&window, screenshot] {
                const bool ok = window.grab().save(screenshot, "PNG");
                if (!ok)
                    std::fprintf(stderr, "vigie: cannot write %s\n", qPrintable(screenshot));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        QObject::connect(&window, &vigie::gui::MainWindow::fullMapPainted, &window, save);
        if (path.isEmpty())
            QTimer::singleShot(500, &window, save);
    }

    window.show();
    if (!path.isEmpty() && !window.openWorkspace(path) && batch) {
        std::fprintf(stderr, "vigie: %s\n", qPrintable(window.lastError()));
        return 2;
    }
    if (batch) {
        // Never hang a batch run.
        QTimer::singleShot(120000, &app, [] {
            std::fprintf(stderr, "vigie: timed out waiting for the map\n");
            QCoreApplication::exit(3);
        });
    }
    return app.exec();
}
