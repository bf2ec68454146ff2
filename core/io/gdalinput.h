// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gdalerrorscope.h"

#include <QString>
#include <QStringList>

#include <cpl_string.h>
#include <gdal_priv.h>

#include <memory>

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

/**
 * Opens a local vector file for reading, only with allowedVectorDrivers(), inside the caller's
 * NoNetworkScope. Refuses URLs, GDAL virtual paths (/vsicurl/, /vsizip/, ...) and connection
 * strings; checks the file with requireReadableFile() and, for text formats, checkTextFile().
 * Any GDAL failure raised while opening is an error (GDAL goes on after an unknown or
 * unreachable CRS and would take the coordinates as WGS 84): the message gives GDAL's first
 * error, the one that says what is wrong. Throws core::Exception.
 */
DatasetPtr openLocalVector(const QString &path, const CPLStringList &openOptions,
                           GdalErrorScope &errors);

/**
 * Checks what GDAL would read silently wrong in a text file: a NUL byte (GDAL cuts the value
 * there) anywhere, a "\u0000" escape in JSON text, and, for CSV, a record whose quotes or
 * field count do not match the header (an unbalanced quote swallows the following lines).
 * Errors name the line. Throws core::Exception (ErrorCode::InvalidInput).
 */
void checkTextFile(const QString &path);

} // namespace vigie::core::detail
