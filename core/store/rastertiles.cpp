// SPDX-License-Identifier: GPL-3.0-or-later
#include "rastertiles.h"

#include "../result.h"

#include <QCoreApplication>

#include <cpl_vsi.h>
#include <gdal_priv.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>

namespace vigie::core::detail {

namespace {

struct TileTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::Store)
};

struct Closer
{
    void operator()(GDALDataset *d) const { GDALClose(d); }
};

QByteArray encodeTile(const analytics::Raster &raster, int col, int row, int width, int height)
{
    static std::atomic<unsigned> serial{0};
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver *tiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!mem || !tiff)
        throw Exception(ErrorCode::Internal, TileTr::tr("GDAL has no MEM or GTiff driver."));
    std::unique_ptr<GDALDataset, Closer> ds(
        mem->Create("", width, height, 1, GDT_Float32, nullptr));
    if (!ds)
        throw Exception(ErrorCode::Internal, TileTr::tr("Cannot make a raster tile."));
    std::vector<float> cells(std::size_t(width) * std::size_t(height));
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c)
            cells[std::size_t(r) * std::size_t(width) + std::size_t(c)] =
                float(raster.values[raster.grid.index(col + c, row + r)]);
    GDALRasterBand *band = ds->GetRasterBand(1);
    band->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
    if (band->RasterIO(GF_Write, 0, 0, width, height, cells.data(), width, height, GDT_Float32, 0,
                       0) != CE_None)
        throw Exception(ErrorCode::Internal, TileTr::tr("Cannot make a raster tile."));
    const std::string name = "/vsimem/vigie-tile-" + std::to_string(serial++) + ".tif";
    const char *options[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", nullptr};
    std::unique_ptr<GDALDataset, Closer> out(tiff->CreateCopy(
        name.c_str(), ds.get(), FALSE, const_cast<char **>(options), nullptr, nullptr));
    if (!out) {
        VSIUnlink(name.c_str());
        throw Exception(ErrorCode::Internal, TileTr::tr("Cannot make a raster tile."));
    }
    out.reset(); // flushed and closed
    vsi_l_offset length = 0;
    GByte *bytes = VSIGetMemFileBuffer(name.c_str(), &length, FALSE);
    QByteArray tile(reinterpret_cast<const char *>(bytes), qsizetype(length));
    VSIUnlink(name.c_str());
    return tile;
}

} // namespace

std::vector<RasterTile> encodeRasterTiles(const analytics::Raster &raster, int size)
{
    GDALAllRegister();
    const analytics::GridSpec &g = raster.grid;
    std::vector<RasterTile> tiles;
    for (int row = 0; row < g.rows; row += size)
        for (int col = 0; col < g.cols; col += size) {
            RasterTile t;
            t.col = col;
            t.row = row;
            t.width = std::min(size, g.cols - col);
            t.height = std::min(size, g.rows - row);
            t.tiff = encodeTile(raster, col, row, t.width, t.height);
            tiles.push_back(std::move(t));
        }
    return tiles;
}

} // namespace vigie::core::detail
