// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdalraster.h"

#include "../result.h"

#include <QCoreApplication>

#include <limits>
#include <vector>

namespace vigie::core::detail {

namespace {

struct GdalRasterTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::GdalRaster)
};

} // namespace

DatasetPtr memoryRaster(const analytics::Raster &raster)
{
    GDALAllRegister();
    GdalErrorScope errors;
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    const analytics::GridSpec &g = raster.grid;
    DatasetPtr ds(mem ? mem->Create("", g.cols, g.rows, 1, GDT_Float32, nullptr) : nullptr);
    if (!ds)
        throw Exception(
            ErrorCode::Internal,
            GdalRasterTr::tr("GDAL cannot hold a grid of %1 × %2 cells: %3")
                .arg(QString::number(g.cols), QString::number(g.rows), errors.summary()));
    double transform[6] = {g.xMin, g.cellSize, 0.0, g.yMax(), 0.0, -g.cellSize};
    ds->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(2154);
    ds->SetSpatialRef(&srs);
    GDALRasterBand *band = ds->GetRasterBand(1);
    band->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
    std::vector<float> values(raster.values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = float(raster.values[i]);
    if (band->RasterIO(GF_Write, 0, 0, g.cols, g.rows, values.data(), g.cols, g.rows, GDT_Float32,
                       0, 0) != CE_None)
        throw Exception(
            ErrorCode::Internal,
            GdalRasterTr::tr("GDAL cannot hold a grid of %1 × %2 cells: %3")
                .arg(QString::number(g.cols), QString::number(g.rows), errors.summary()));
    return ds;
}

} // namespace vigie::core::detail
