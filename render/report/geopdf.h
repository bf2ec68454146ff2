// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRectF>

#include <vector>

namespace vigie::render {

/// A map drawn on a PDF page: where on the page and what it shows.
struct GeoFrame
{
    int page = 0;    ///< 0-based page index
    QRectF pageRect; ///< the map frame in PDF points, origin at the top-left of the page
    QRectF extent;   ///< what the frame shows, Lambert-93 (EPSG:2154) metres
};

/**
 * Makes the map frames of a PDF written by QPdfWriter geospatial (GeoPDF, the ISO 32000-2 / Adobe
 * geospatial extension read by GDAL, QGIS and Acrobat): appends an incremental update giving
 * each page a viewport (/VP) with a /Measure /GEO dictionary (corner points in WGS 84
 * latitude/longitude, the projected CRS EPSG:2154 with its WKT). The original bytes are kept.
 * Throws core::Exception when the PDF cannot be parsed (not one written by QPdfWriter).
 */
QByteArray addGeospatialMetadata(const QByteArray &pdf, const std::vector<GeoFrame> &frames);

} // namespace vigie::render
