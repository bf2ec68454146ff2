// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Raster results as GDAL reads them from a workspace (schema 6): the grid cut into tiles, each a
// small DEFLATE-compressed TIFF, as GDAL's Rasterlite driver reads them from SQLite tables.

#include "../analytics/grid.h"

#include <QByteArray>

#include <vector>

namespace vigie::core::detail {

struct RasterTile
{
    int col = 0, row = 0;      ///< first cell of the tile in the grid (row 0 at the top)
    int width = 0, height = 0; ///< cells
    QByteArray tiff;           ///< one Float32 band, no-data NaN, DEFLATE with predictor 3
};

/// The grid in tiles of at most `size` × `size` cells, left to right then top to bottom.
/// Throws core::Exception when GDAL cannot encode one.
std::vector<RasterTile> encodeRasterTiles(const analytics::Raster &raster, int size = 256);

} // namespace vigie::core::detail
