// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencesupport.h"

#include "core/crs/crs.h"
#include "core/demo/demogenerator.h"
#include "core/store/store.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTextStream>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

namespace vigie::testsupport {

namespace {

Points selectIf(const Points &p, const std::function<bool(std::size_t)> &keep)
{
    Points out;
    out.crs = p.crs;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!keep(i))
            continue;
        out.x.push_back(p.x[i]);
        out.y.push_back(p.y[i]);
        if (!p.t.empty())
            out.t.push_back(p.t[i]);
        if (!p.category.empty())
            out.category.push_back(p.category[i]);
    }
    return out;
}

/// Splits one CSV line, honouring double quotes ("" inside quotes is a quote).
QStringList splitCsvLine(const QString &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

} // namespace

Points Points::every(std::size_t k) const
{
    k = std::max<std::size_t>(1, k);
    return selectIf(*this, [k](std::size_t i) { return i % k == 0; });
}

Points Points::first(std::size_t n) const
{
    return selectIf(*this, [n](std::size_t i) { return i < n; });
}

Points Points::within(double x0, double y0, double x1, double y1) const
{
    return selectIf(
        *this, [&](std::size_t i) { return x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1; });
}

QString demoStorePath()
{
    const QString dir = QStringLiteral(VIGIE_TEST_CACHE_DIR);
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/demo-s13013-x025.vigie");
    if (QFileInfo::exists(path))
        return path;
    // Several tests may ask at once (ctest -j): build under a unique name, then rename; the
    // loser of the race just removes its copy.
    const QString tmp =
        dir +
        QStringLiteral("/demo-%1.tmp").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    core::DemoOptions options;
    options.seed = 13013;
    options.incidentScale = 0.25;
    const auto made = core::createDemoStore(tmp, options);
    if (!made) {
        std::fprintf(stderr, "referencesupport: cannot create the demo store: %s\n",
                     qPrintable(made.error().message));
        QFile::remove(tmp);
        return {};
    }
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(tmp + suffix);
    if (!QFile::rename(tmp, path))
        QFile::remove(tmp);
    return path;
}

Points demoIncidents()
{
    Points out;
    out.crs = QStringLiteral("EPSG:2154");
    const QString path = demoStorePath();
    if (path.isEmpty())
        return out;
    auto store = core::Store::open(path, true);
    if (!store) {
        std::fprintf(stderr, "referencesupport: %s\n", qPrintable(store.error().message));
        return out;
    }
    auto snap = (*store)->loadSnapshot(QStringLiteral("incidents"));
    if (!snap) {
        std::fprintf(stderr, "referencesupport: %s\n", qPrintable(snap.error().message));
        return out;
    }
    const core::LayerSnapshot &s = **snap;
    const std::int64_t origin = QDateTime(QDate(2022, 12, 31), QTime(23, 0), QTimeZone::utc())
                                    .toSecsSinceEpoch(); // 2023-01-01 00:00 in Marseille
    out.x = s.x;
    out.y = s.y;
    out.t.reserve(s.size());
    out.category.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        out.t.push_back(s.time.empty() ? 0.0 : double(s.time[i] - origin) / 86400.0);
        const int c = s.category.empty() ? -1 : s.category[i];
        out.category.push_back(c >= 0 && c < int(s.manifest.categories.size())
                                   ? s.manifest.categories[c].value.toStdString()
                                   : std::string());
    }
    return out;
}

Points essexCrimes(int months)
{
    Points out;
    out.crs = QStringLiteral("EPSG:27700");
    auto transform = core::CoordinateTransform::create(QStringLiteral("EPSG:4326"),
                                                       QStringLiteral("EPSG:27700"));
    if (!transform) {
        std::fprintf(stderr, "referencesupport: %s\n", qPrintable(transform.error().message));
        return out;
    }
    for (int m = 1; m <= std::clamp(months, 1, 4); ++m) {
        const QString path =
            QStringLiteral(VIGIE_SHARED_DATA "/crime_policeuk_essex_2018/2018-%1-essex-street.csv")
                .arg(m, 2, 10, QLatin1Char('0'));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            std::fprintf(stderr, "referencesupport: cannot read %s\n", qPrintable(path));
            return {};
        }
        QTextStream in(&file);
        const QStringList header = splitCsvLine(in.readLine());
        const int lon = header.indexOf(QStringLiteral("longitude"));
        const int lat = header.indexOf(QStringLiteral("latitude"));
        const int type = header.indexOf(QStringLiteral("crime_type"));
        if (lon < 0 || lat < 0 || type < 0) {
            std::fprintf(stderr, "referencesupport: unexpected header in %s\n", qPrintable(path));
            return {};
        }
        while (!in.atEnd()) {
            const QStringList cells = splitCsvLine(in.readLine());
            if (cells.size() <= std::max({lon, lat, type}))
                continue;
            bool okx = false, oky = false;
            double x = cells[lon].toDouble(&okx);
            double y = cells[lat].toDouble(&oky);
            if (!okx || !oky || !transform->transform(x, y))
                continue;
            if (x < 500000 || x > 640000 || y < 160000 || y > 260000)
                continue;
            out.x.push_back(x);
            out.y.push_back(y);
            out.t.push_back((m - 1) * 30.0);
            out.category.push_back(cells[type].toStdString());
        }
    }
    return out;
}

bool haveProgram(const QString &program)
{
    if (QFileInfo(program).isAbsolute())
        return QFileInfo(program).isExecutable();
    return !QStandardPaths::findExecutable(program).isEmpty();
}

ToolRun runTool(const QString &program, const QStringList &args, int timeoutSec,
                const QStringList &extraEnvironment)
{
    ToolRun run;
    std::fprintf(stdout, "reference> %s %s\n", qPrintable(program), qPrintable(args.join(u' ')));
    std::fflush(stdout);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnvironment) {
        const int eq = kv.indexOf(u'=');
        if (eq > 0)
            env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForStarted(30000)) {
        run.stdErr = process.errorString();
        return run;
    }
    run.started = true;
    if (!process.waitForFinished(timeoutSec * 1000)) {
        run.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    run.seconds = timer.nsecsElapsed() / 1e9;
    run.stdOut = QString::fromUtf8(process.readAllStandardOutput());
    run.stdErr = QString::fromUtf8(process.readAllStandardError());
    if (!run.timedOut && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    if (run.exitCode != 0)
        std::fprintf(stdout, "reference> exit %d%s; stderr:\n%s\n", run.exitCode,
                     run.timedOut ? " (timed out)" : "", qPrintable(run.stdErr.right(4000)));
    return run;
}

namespace {
ToolRun runScript(const QString &program, const QStringList &preArgs, const QString &suffix,
                  const QString &script, int timeoutSec)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/vigie-ref-XXXXXX") + suffix);
    file.setAutoRemove(true);
    if (!file.open()) {
        ToolRun run;
        run.stdErr = QStringLiteral("cannot write a temporary script");
        return run;
    }
    file.write(script.toUtf8());
    file.flush();
    return runTool(program, preArgs + QStringList{file.fileName()}, timeoutSec);
}
} // namespace

ToolRun runR(const QString &script, int timeoutSec)
{
    return runScript(QStringLiteral("Rscript"), {QStringLiteral("--vanilla")}, QStringLiteral(".R"),
                     script, timeoutSec);
}

ToolRun runPython(const QString &script, int timeoutSec)
{
    return runScript(QStringLiteral("/usr/bin/python3"), {}, QStringLiteral(".py"), script,
                     timeoutSec);
}

ToolRun runQgisProcess(const QString &algorithm, const QStringList &parameters, int timeoutSec)
{
    QStringList args{QStringLiteral("run"), algorithm};
    args += parameters;
    return runTool(QStringLiteral("/usr/bin/qgis_process.bin"), args, timeoutSec,
                   {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
}

bool writeCsv(const QString &path, const QStringList &header,
              const std::vector<std::vector<double>> &columns)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray text = header.join(u',').toUtf8() + '\n';
    const std::size_t n = columns.empty() ? 0 : columns.front().size();
    char buf[64];
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c)
                text += ',';
            std::snprintf(buf, sizeof buf, "%.17g", columns[c][r]);
            text += buf;
        }
        text += '\n';
    }
    return file.write(text) == text.size();
}

std::vector<std::vector<double>> readCsv(const QString &path, QStringList *header)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "referencesupport: cannot read %s\n", qPrintable(path));
        return {};
    }
    QTextStream in(&file);
    QStringList names = splitCsvLine(in.readLine());
    for (QString &n : names)
        n = n.trimmed();
    if (header)
        *header = names;
    std::vector<std::vector<double>> columns(names.size());
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = splitCsvLine(line);
        for (int c = 0; c < names.size(); ++c) {
            bool ok = false;
            const double v = c < cells.size() ? cells[c].trimmed().toDouble(&ok) : 0.0;
            columns[c].push_back(ok ? v : std::numeric_limits<double>::quiet_NaN());
        }
    }
    return columns;
}

} // namespace vigie::testsupport
