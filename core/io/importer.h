// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"
#include "fieldmapping.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

class Store;

struct ImportOptions
{
    /// Target layer. Empty: a new layer named after the file (or newLayerId), its manifest
    /// derived from the file's fields. A known id (built-in or plugin manifest, or a layer
    /// already in the store): fields are matched by name to the manifest.
    QString layerId;
    QString newLayerId;             ///< id for a new layer (default: from the file name)
    QString sourceCrs;              ///< override or supply the CRS ("EPSG:4326", WKT, PROJ string)
    bool dropUnknownFields = false; ///< when importing into a manifest layer
    QString sourceLayer; ///< layer inside a multi-layer file (GeoPackage); default: first
    /// A CSV's coordinate columns (any case). Empty: x, lon, lng, long or longitude and y, lat
    /// or latitude, else the one column starting with "X" (and "Y"); see
    /// detail::chooseCoordinateColumns().
    QString xField;
    QString yField;
    /// Features without a usable geometry (empty coordinates in a CSV, NULL, empty or invalid
    /// geometry, wrong type) stop the import by default. When true they are skipped and
    /// counted in ImportReport::skipped, with a warning.
    bool skipInvalid = false;
    /// Values of the source's category field replaced before checking ("vol" -> "atteintes_biens"):
    /// a value that is not one of the layer's categories is refused, never stored as is.
    QHash<QString, QString> categoryMap;
    /// Which columns fill which fields, how dates are read, the source key (fieldmapping.h).
    /// With a mapping, a layer absent from the workspace is made from the file under
    /// `layerId` (its categories those found in the data), and the columns an existing layer
    /// does not know are left out and listed instead of refused.
    FieldMapping mapping;
};

struct ImportReport
{
    QString layerId;
    qint64 features = 0;
    qint64 skipped = 0;        ///< features left out (only with ImportOptions::skipInvalid)
    qint64 inserted = 0;       ///< features added
    qint64 updated = 0;        ///< features of the same source key replaced (they differed)
    qint64 unchanged = 0;      ///< features of the same source key found as they were
    QStringList categories;    ///< categories made for a new layer: "value (count)"
    bool layerCreated = false; ///< a new layer was added to the store
    QStringList warnings;      ///< translated
    FieldMapping mapping;      ///< the mapping applied (with its CRS), as the workspace keeps it
};

/// The first rows of a source as text, for a preview before importing (the import dialog).
struct SourcePreview
{
    QStringList columns;      ///< as the file names them, coordinate columns included
    QList<QStringList> rows;  ///< the values as written (dates as in the file)
    qint64 featureCount = -1; ///< all the features, -1 when the format cannot tell cheaply
    QString geometryColumns;  ///< "X, Y" or the geometry's kind, for the dialog's summary
};

/**
 * Loads any vector file GDAL reads (GeoPackage, GeoJSON, CSV with coordinates, Shapefile, ...)
 * into a store layer, reprojected to Lambert-93. All or nothing: one transaction; an invalid
 * geometry, a missing or unknown CRS, an unexpected field, an empty or truncated file gives an
 * error naming the file and the feature, and the store is left as it was.
 */
class Importer
{
public:
    static Result<ImportReport> importFile(Store &store, const QString &path,
                                           const ImportOptions &options = {},
                                           analytics::Feedback *feedback = nullptr);
    /// The columns and first `maxRows` rows of `path` (the same file checks as importFile);
    /// options: sourceLayer, xField and yField.
    static Result<SourcePreview> preview(const QString &path, const ImportOptions &options = {},
                                         int maxRows = 20);
};

} // namespace vigie::core
