// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gdalinput.h"

#include "analytics/grid.h"

namespace vigie::core::detail {

/// A raster as an in-memory GDAL dataset, ready for CreateCopy() to any raster format: one
/// Float32 band, Lambert-93, no-data NaN, row 0 at the top. Throws core::Exception.
DatasetPtr memoryRaster(const analytics::Raster &raster);

} // namespace vigie::core::detail
