// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inputs and a tool runner for the analytics tests that compare Vigie with references written by
// others (R, scikit-learn, QGIS). Test-only code: Qt is fine here.

#include "core/analytics/grid.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace vigie::testsupport {

/// Points with times and categories, owning their data (PointSet views them).
struct Points
{
    std::vector<double> x, y; ///< metres (Lambert-93 for the demo, British National Grid for Essex)
    std::vector<double> t;    ///< days (demo: since 2023-01-01 00:00 Marseille time, i.e.
                              ///< 2022-12-31T23:00Z; Essex: month index * 30)
    std::vector<std::string> category;
    QString crs; ///< "EPSG:2154" or "EPSG:27700"

    std::size_t size() const { return x.size(); }
    analytics::PointSet pointSet() const { return {x, y, {}, t}; }
    /// Every k-th point (k >= 1), in order: a deterministic subsample.
    Points every(std::size_t k) const;
    /// The first n points (or all).
    Points first(std::size_t n) const;
    /// Points inside [x0,x1]x[y0,y1].
    Points within(double x0, double y0, double x1, double y1) const;
};

/**
 * Incidents of a small deterministic demo city (seed 13013, incidents scaled by 0.25, 2023–2025:
 * about 35 000 points). The store is created once per build tree under test-cache/ and reused.
 * Fails the calling test (returns empty points and prints why) if the demo cannot be made.
 */
Points demoIncidents();
/// Path of that cached demo store (created on first use).
QString demoStorePath();

/**
 * Real police.uk crimes reported by Essex Police, January to `months` (1..4) of 2018, projected
 * from WGS 84 to EPSG:27700 (metres), restricted to the Essex area (E 500–640 km, N 160–260 km).
 * Rows without coordinates are skipped. t = month index * 30 days (the data has months only).
 */
Points essexCrimes(int months = 1);

struct ToolRun
{
    int exitCode = -1; ///< -1 when the program could not start or timed out
    QString stdOut;
    QString stdErr;
    double seconds = 0; ///< wall time
    bool started = false;
    bool timedOut = false;
};

/// Runs a program (no shell), prints the command line, waits up to timeoutSec.
ToolRun runTool(const QString &program, const QStringList &args, int timeoutSec = 300,
                const QStringList &extraEnvironment = {});
/// Runs an R script given as text with Rscript --vanilla; the script is written to a temp file.
ToolRun runR(const QString &script, int timeoutSec = 300);
/// Runs a Python script with Debian's /usr/bin/python3 (sees python3-sklearn, scipy).
ToolRun runPython(const QString &script, int timeoutSec = 300);
/// Runs `qgis_process.bin run ALG --PARAM=value ...` headless (QT_QPA_PLATFORM=offscreen).
ToolRun runQgisProcess(const QString &algorithm, const QStringList &parameters,
                       int timeoutSec = 600);
/// True when the program exists (absolute path, or found in PATH).
bool haveProgram(const QString &program);

/// Writes a CSV with a header line; every column has the same length; numbers with 17 digits.
bool writeCsv(const QString &path, const QStringList &header,
              const std::vector<std::vector<double>> &columns);
/// Reads a numeric CSV written by a reference (header line first); returns columns by name.
/// Non-numeric cells ("NA") become NaN. Empty result on error (message printed).
std::vector<std::vector<double>> readCsv(const QString &path, QStringList *header = nullptr);

} // namespace vigie::testsupport
