// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gdalerrorscope.h"

#include <QString>
#include <QStringList>

#include <cpl_string.h>
#include <gdal_priv.h>

#include <functional>
#include <memory>
#include <optional>

namespace vigie::core::detail {

struct DatasetCloser
{
    void operator()(GDALDataset *ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/**
 * While it lives, nothing GDAL or PROJ does on this thread reaches the network: CPLHTTPFetch
 * (linked CRSs, remote schemas, "http" CRS definitions) answers with an error without sending
 * anything, and /vsicurl/ sees no file. Every GDAL call made for a data file runs inside one.
 */
class NoNetworkScope
{
public:
    NoNetworkScope();
    ~NoNetworkScope();
    NoNetworkScope(const NoNetworkScope &) = delete;
    NoNetworkScope &operator=(const NoNetworkScope &) = delete;

private:
    QByteArray m_savedExtensions;
    bool m_hadExtensions = false;
};

/// The GDAL drivers a data file may be read with: local formats that never open another
/// dataset by name (no VRT, no GML schema download, no LIBKML network links, no SQLite
/// VirtualOGR, no WFS/OAPIF/PostgreSQL connection strings).
const QStringList &allowedVectorDrivers();

/// What checkTextFile() learnt of a text file while checking it.
struct TextFileInfo
{
    bool csv = false;
    QStringList csvHeader; ///< the CSV header's column names, trimmed, unique (case-insensitive)
};

/// Gives the driver's open options once the file has been checked (a CSV's coordinate columns
/// are chosen from its header).
using OpenOptionsFor = std::function<CPLStringList(const TextFileInfo &)>;

/**
 * Opens a local vector file for reading, only with allowedVectorDrivers(), inside the caller's
 * NoNetworkScope. Refuses URLs, GDAL virtual paths (/vsicurl/, /vsizip/, ...) and connection
 * strings; checks the file with requireReadableFile() and, for text formats, checkTextFile().
 * Any GDAL failure raised while opening is an error (GDAL goes on after an unknown or
 * unreachable CRS and would take the coordinates as WGS 84): the message gives GDAL's first
 * error, the one that says what is wrong. Throws core::Exception.
 */
DatasetPtr openLocalVector(const QString &path, const OpenOptionsFor &openOptions,
                           GdalErrorScope &errors);

/**
 * Checks what GDAL would read silently wrong in a text file: a NUL byte (GDAL cuts the value
 * there) anywhere, a "\u0000" escape in JSON text, and, for CSV, a record whose quotes or
 * field count do not match the header (an unbalanced quote swallows the following lines).
 * Errors name the line. Throws core::Exception (ErrorCode::InvalidInput).
 */
TextFileInfo checkTextFile(const QString &path);

/// A CSV's coordinate columns, as GDAL's X_POSSIBLE_NAMES and Y_POSSIBLE_NAMES will receive them.
struct CoordinateColumns
{
    QString x;
    QString y;
};

/**
 * Chooses a CSV's coordinate columns: the ones named (xField, yField) when given, else the
 * header's x, lon, lng, long or longitude and y, lat or latitude (in that order of preference,
 * any case), else the single column whose name starts with "X" (and "Y"). Vigie passes GDAL the
 * exact names: GDAL's own search crashes when two columns match its patterns (found by
 * tests/fuzz/fuzz_import) and drops a lone y column silently. Returns std::nullopt when the
 * header has neither an x nor a y column (a CSV holding WKT, or no geometry); throws
 * core::Exception (InvalidInput) when a named column is missing, when only one of the two is
 * found, or when several columns could be the coordinate and none is preferred.
 */
std::optional<CoordinateColumns> chooseCoordinateColumns(const QString &path,
                                                         const QStringList &header,
                                                         const QString &xField = {},
                                                         const QString &yField = {});

} // namespace vigie::core::detail
