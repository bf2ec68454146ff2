// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRectF>
#include <QSize>
#include <QString>

#include <cstdint>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

/**
 * A base map drawn under the data: tiles from a server (XYZ: an URL with {z}, {x}, {y}, as
 * OpenStreetMap and the IGN Géoplateforme's WMTS in its "PM" tile matrix set serve them), or
 * a tiles file on disk (MBTiles, GeoPackage tiles) for offline work.
 *
 * Tiles are read, cached and reprojected to Lambert-93 by GDAL (the WMS driver's TMS mode and
 * its disk cache; the MBTiles and GPKG drivers; gdalwarp). Nothing here draws: renderBaseMap()
 * gives RGBA pixels that render/ paints.
 */
struct BaseMapSource
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::BaseMapSource)

public:
    enum class Kind { Tiles, File };

    QString id;    ///< "osm", "plan-ign", "custom-…", "file-…"; names the tile cache
    QString title; ///< as the menu shows it
    Kind kind = Kind::Tiles;
    QString url;         ///< Tiles: http(s) template with {z}, {x} and {y}
    QString path;        ///< File: the MBTiles or GeoPackage file
    QString attribution; ///< "© OpenStreetMap contributors": on the map and in reports
    int maxZoom = 19;

    bool isValid() const
    {
        return !id.isEmpty() && (kind == Kind::File ? !path.isEmpty() : !url.isEmpty());
    }
    QJsonObject toJson() const;
    static BaseMapSource fromJson(const QJsonObject &o);

    /// OpenStreetMap and "Plan IGN" (IGN Géoplateforme WMTS), with their attributions.
    static std::vector<BaseMapSource> builtIn();
    /// A tile server the user adds: the URL must be http(s) and hold {z}, {x} and {y}.
    static Result<BaseMapSource> fromUrl(const QString &title, const QString &url,
                                         const QString &attribution);
    /// A tiles file the user chooses; GDAL must open it as a raster of tiles in Web Mercator.
    static Result<BaseMapSource> fromFile(const QString &path);
};

/// Pixels of a base map, RGBA 8 bits per channel, not premultiplied, rows top down.
struct BaseMapImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    QRectF extent;        ///< Lambert-93, as requested
    bool offline = false; ///< the server did not answer: tiles from the cache only
    QString problem;      ///< why the server did not answer (for the quiet notice)
};

/// Where tiles seen once are kept, by source (QStandardPaths' cache location, "tiles/<id>").
QString tileCacheDir(const BaseMapSource &source);

/**
 * Draws `source` over `extent` (Lambert-93 metres, y up) into `size` pixels, reprojected with
 * bilinear resampling at the zoom level that suits the pixel size. A server that does not
 * answer (refused, timed out, an HTTP error) is not an error: the tiles already in the cache
 * are used and `offline` says so; after such a failure the server is not asked again for
 * 30 s. An error: an unreadable file, a broken URL, the work canceled.
 */
Result<BaseMapImage> renderBaseMap(const BaseMapSource &source, const QRectF &extent,
                                   const QSize &size,
                                   const analytics::Feedback *feedback = nullptr);

/// The WMS driver description GDAL opens for a tile server (exposed for tests).
QString tileServiceXml(const BaseMapSource &source, const QString &cacheDir, bool offline);

} // namespace vigie::core
