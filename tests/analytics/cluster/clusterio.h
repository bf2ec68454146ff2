// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// GeoPackage input and output for running QGIS's clustering algorithms on the points Vigie
// clusters (shared by the QGIS reference test and the clustering benchmark). Test-only code.

#include "referencesupport.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace vigie::testsupport::clusterio {

/// Origin of the datetime field: t days after 2023-01-01 00:00 UTC.
inline QDateTime timeOrigin()
{
    return QDateTime(QDate(2023, 1, 1), QTime(0, 0), QTimeZone::utc());
}

/// Rounds times to 1/1024 day (84.375 s): such times and their differences are exact in double
/// and in whole milliseconds, so Vigie's |t_i - t_j| <= eps (days) and QGIS's integer
/// millisecond test agree even at ties.
inline std::vector<double> roundTimes(const std::vector<double> &t)
{
    std::vector<double> out(t.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        out[i] = std::round(t[i] * 1024.0) / 1024.0;
    return out;
}

/**
 * Writes points to a GeoPackage layer "points" (fid = input order + 1) with an integer field
 * "idx" (the input index) and, when t is not empty, a DateTime field "dt" = origin + t days
 * (millisecond precision). Returns false with a message on stderr on failure.
 */
inline bool writePointsGpkg(const QString &path, const std::vector<double> &x,
                            const std::vector<double> &y, const std::vector<double> &t, int epsg)
{
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver)
        return false;
    GDALDatasetH ds = GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(path));
        return false;
    }
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "points", srs, wkbPoint, nullptr);
    OSRDestroySpatialReference(srs);
    if (!layer) {
        GDALClose(ds);
        return false;
    }
    OGRFieldDefnH idx = OGR_Fld_Create("idx", OFTInteger);
    OGR_L_CreateField(layer, idx, TRUE);
    OGR_Fld_Destroy(idx);
    if (!t.empty()) {
        OGRFieldDefnH dt = OGR_Fld_Create("dt", OFTDateTime);
        OGR_L_CreateField(layer, dt, TRUE);
        OGR_Fld_Destroy(dt);
    }
    const QDateTime origin = timeOrigin();
    GDALDatasetStartTransaction(ds, FALSE);
    bool ok = true;
    for (std::size_t i = 0; i < x.size() && ok; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldInteger(f, 0, int(i));
        if (!t.empty()) {
            const QDateTime when = origin.addMSecs(std::llround(t[i] * 86400000.0));
            const QDate d = when.date();
            const QTime h = when.time();
            OGR_F_SetFieldDateTimeEx(f, 1, d.year(), d.month(), d.day(), h.hour(), h.minute(),
                                     float(h.second() + h.msec() / 1000.0), 100);
        }
        OGRGeometryH g = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(g, 0, x[i], y[i]);
        OGR_F_SetGeometryDirectly(f, g);
        ok = OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
        OGR_F_Destroy(f);
    }
    GDALDatasetCommitTransaction(ds);
    GDALClose(ds);
    return ok;
}

/**
 * Reads QGIS's clustering output: per input index ("idx"), CLUSTER_ID - 1, or -1 for NULL
 * (noise). Returns an empty vector on failure.
 */
inline std::vector<int> readClusterIds(const QString &path, std::size_t n,
                                       const char *field = "CLUSTER_ID")
{
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 nullptr, nullptr, nullptr);
    if (!ds) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return {};
    }
    std::vector<int> ids(n, -2);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int idxField = OGR_FD_GetFieldIndex(defn, "idx");
    const int clusterField = OGR_FD_GetFieldIndex(defn, field);
    if (idxField < 0 || clusterField < 0) {
        std::fprintf(stderr, "%s lacks the fields idx and %s\n", qPrintable(path), field);
        GDALClose(ds);
        return {};
    }
    std::size_t seen = 0;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        const int i = OGR_F_GetFieldAsInteger(f, idxField);
        if (i >= 0 && std::size_t(i) < n) {
            ids[std::size_t(i)] = OGR_F_IsFieldSetAndNotNull(f, clusterField)
                                      ? OGR_F_GetFieldAsInteger(f, clusterField) - 1
                                      : -1;
            ++seen;
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    if (seen != n) {
        std::fprintf(stderr, "%s has %zu of %zu points\n", qPrintable(path), seen, n);
        return {};
    }
    return ids;
}

/// QGIS's result for one clustering run: labels as Vigie numbers them (CLUSTER_ID - 1, -1 noise).
struct QgisClusters
{
    std::vector<int> label;
    int numClusters = -1; ///< NUM_CLUSTERS as QGIS reports it
    double seconds = 0;   ///< wall time of qgis_process, start-up included
    bool timedOut = false;
    QString error;
};

/**
 * Runs native:dbscanclustering (epsTimeMs < 0) or native:stdbscanclustering on a GeoPackage
 * written by writePointsGpkg. QGIS 3.22's qgis_process takes EPS2 (the time window) in
 * milliseconds, compared with <= to the difference of the datetimes in whole milliseconds.
 */
inline QgisClusters runQgisClustering(const QString &input, const QString &output, std::size_t n,
                                      double eps, int minSize, bool dbscanStar,
                                      double epsTimeMs = -1, int timeoutSec = 600)
{
    QgisClusters result;
    QStringList args{QStringLiteral("--INPUT=%1").arg(input),
                     QStringLiteral("--MIN_SIZE=%1").arg(minSize),
                     QStringLiteral("--EPS=%1").arg(eps, 0, 'g', 17),
                     QStringLiteral("--DBSCAN*=%1").arg(dbscanStar ? 1 : 0),
                     QStringLiteral("--FIELD_NAME=CLUSTER_ID"),
                     QStringLiteral("--OUTPUT=%1").arg(output)};
    if (epsTimeMs >= 0)
        args << QStringLiteral("--DATETIME_FIELD=dt")
             << QStringLiteral("--EPS2=%1").arg(epsTimeMs, 0, 'f', 0);
    const ToolRun run = runQgisProcess(epsTimeMs >= 0 ? QStringLiteral("native:stdbscanclustering")
                                                      : QStringLiteral("native:dbscanclustering"),
                                       args, timeoutSec);
    result.seconds = run.seconds;
    result.timedOut = run.timedOut;
    if (run.exitCode != 0) {
        result.error = run.timedOut
                           ? QStringLiteral("timed out")
                           : QStringLiteral("qgis_process failed: ") + run.stdErr.right(1500);
        return result;
    }
    for (const QString &line : run.stdOut.split(u'\n'))
        if (line.startsWith(QLatin1String("NUM_CLUSTERS:")))
            result.numClusters = line.section(u':', 1).trimmed().toInt();
    result.label = readClusterIds(output, n);
    if (result.label.size() != n)
        result.error = QStringLiteral("cannot read the QGIS output ") + output;
    return result;
}

} // namespace vigie::testsupport::clusterio
