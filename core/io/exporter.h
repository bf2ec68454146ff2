// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Layers out of a workspace, in the formats the GIS ecosystem reads (issue 14): vector layers
// to GeoPackage, GeoJSON, FlatGeobuf, CSV, Shapefile, XLSX and ODS; raster results to a
// cloud-optimised GeoTIFF. The format comes from the file's extension.

#include "../result.h"
#include "../store/store.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

enum class ExportFormat { GeoPackage, GeoJson, FlatGeobuf, Csv, Shapefile, Xlsx, Ods, GeoTiff };

/// The format an output path names by its extension (any case); nullopt for any other.
std::optional<ExportFormat> exportFormatForPath(const QString &path);
/// The extensions exportLayer() writes, for messages and file dialogs ("gpkg", "geojson", …).
QStringList exportExtensions(bool raster);

struct ExportRequest
{
    QString layerId;
    QString path;           ///< the format from its extension
    FeatureQuery query;     ///< vector layers: which features (all by default)
    bool overwrite = false; ///< replace an existing file (else an existing file is an error)
};

struct ExportSummary
{
    std::int64_t features = 0; ///< vector layers: features written
    QStringList files;         ///< every file written, the main one first
    QStringList notes;         ///< translated remarks (names cut, coordinates in degrees, …)
};

/**
 * Writes one layer. Vector formats: GeoPackage, FlatGeobuf and Shapefile keep Lambert-93;
 * GeoJSON (RFC 7946), CSV, XLSX and ODS are in longitude/latitude (WGS 84), points as longitude
 * and latitude columns and other geometries as WKT in the tables. Dates and times are DateTime
 * fields where the format has them (text "YYYY-MM-DDTHH:MM:SSZ" in CSV and Shapefile). Shapefile
 * names longer than 10 characters are cut, uniquely, and listed in a "<name>.fields.csv" beside
 * it. Raster layers go to GeoTIFF only (cloud-optimised, DEFLATE, Float32, no-data NaN, band
 * statistics). Files appear complete or not at all: everything is written in a temporary folder
 * beside the output and moved into place at the end. Cancellable.
 */
Result<ExportSummary> exportLayer(const Store &store, const ExportRequest &request,
                                  analytics::Feedback *feedback = nullptr);

/**
 * Georeferences an image GDAL and QGIS then place on the map: a world file beside it
 * ("map.pgw" for "map.png": the pixel size and the centre of the upper-left pixel, in
 * Lambert-93 metres) and "<image>.aux.xml" naming its CRS (EPSG:2154). Returns both paths.
 */
Result<QStringList> writeGeoreference(const QString &imagePath, double upperLeftX,
                                      double upperLeftY, double pixelWidth, double pixelHeight);

} // namespace vigie::core
