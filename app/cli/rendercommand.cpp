// SPDX-License-Identifier: GPL-3.0-or-later
// vigie-cli render: a map of a workspace to PNG, headless, with the same renderer as the GUI.
#include "clicontext.h"

#include "core/i18n.h"
#include "core/io/atomicfile.h"
#include "core/io/exporter.h"
#include "core/store/store.h"
#include "render/decorations.h"
#include "render/maprenderer.h"
#include "render/mapsettings.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

void addRenderOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        tr("Draws a map of a workspace to a PNG (with a world file), SVG or PDF file, headless."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("out"), tr("File to write: .png, .svg or .pdf."), tr("FILE")});
    parser.addOption({QStringLiteral("size"), tr("Image size in pixels."), tr("WxH"),
                      QStringLiteral("1600x1200")});
    parser.addOption({QStringLiteral("dpi"), tr("Resolution for symbol sizes."), tr("DPI"),
                      QStringLiteral("96")});
    parser.addOption({QStringLiteral("layers"),
                      tr("Comma-separated layer ids to draw (default: all, in their order)."),
                      tr("IDS")});
    parser.addOption(
        {QStringLiteral("extent"), tr("Extent in Lambert-93 metres."), tr("XMIN,YMIN,XMAX,YMAX")});
    parser.addOption(
        {QStringLiteral("zoom-layer"), tr("Zoom to the extent of this layer."), tr("ID")});
    addPeriodOptions(parser);
    parser.addOption(
        {QStringLiteral("lang"), tr("Language of labels and legend: fr or en."), tr("LANG")});
    parser.addOption({QStringLiteral("no-decorations"),
                      tr("Do not draw the legend, scale bar and north arrow.")});
    parser.addHelpOption();
}

/// Image size, resolution, language and period from the options; ExitOk or the usage error.
int readImageOptions(CliContext &ctx, const QCommandLineParser &parser,
                     render::MapSettings &settings)
{
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    settings.outputSize = QSize(size.value(0).toInt(), size.value(1).toInt());
    if (settings.outputSize.width() < 16 || settings.outputSize.height() < 16 ||
        settings.outputSize.width() > 20000 || settings.outputSize.height() > 20000)
        return ctx.usageError(tr("--size must be WxH with 16 to 20000 pixels a side"));
    settings.dpi = parser.value(QStringLiteral("dpi")).toDouble();
    if (settings.dpi < 24 || settings.dpi > 1200)
        return ctx.usageError(tr("--dpi must be between 24 and 1200"));
    settings.language = parser.isSet(QStringLiteral("lang")) ? parser.value(QStringLiteral("lang"))
                                                             : core::preferredLanguage();
    return readPeriodOptions(ctx, parser, settings.timeFrom, settings.timeTo);
}

/// The layers asked for (all by default), in drawing order; extent becomes their union.
int loadLayers(CliContext &ctx, const QCommandLineParser &parser, core::Store &store,
               render::MapSettings &settings, QRectF &extent)
{
    std::vector<core::LayerManifest> manifests = store.layers();
    std::stable_sort(manifests.begin(), manifests.end(), [](const auto &a, const auto &b) {
        return a.symbology.zOrder < b.symbology.zOrder;
    });
    QStringList wanted;
    if (parser.isSet(QStringLiteral("layers"))) {
        wanted = parser.value(QStringLiteral("layers")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : wanted) {
            if (!store.hasLayer(id))
                return ctx.fail(
                    {core::ErrorCode::UnknownLayer, tr("the workspace has no layer '%1'").arg(id)});
        }
    }
    for (const core::LayerManifest &m : manifests) {
        if (!wanted.isEmpty() && !wanted.contains(m.id))
            continue;
        auto snapshot = store.loadSnapshot(m.id, &ctx.feedback());
        if (!snapshot)
            return ctx.fail(snapshot.error());
        render::MapLayer layer;
        layer.data = *snapshot;
        settings.layers.push_back(layer);
        if (!(*snapshot)->extent.isNull())
            extent = extent.isNull() ? (*snapshot)->extent : extent.united((*snapshot)->extent);
    }
    return ExitOk;
}

/// --zoom-layer or --extent, when given, instead of the layers' extent.
int readExtentOptions(CliContext &ctx, const QCommandLineParser &parser, core::Store &store,
                      QRectF &extent)
{
    if (parser.isSet(QStringLiteral("zoom-layer"))) {
        const QString id = parser.value(QStringLiteral("zoom-layer"));
        if (!store.hasLayer(id))
            return ctx.fail(
                {core::ErrorCode::UnknownLayer, tr("the workspace has no layer '%1'").arg(id)});
        extent = store.extent(id);
    }
    if (parser.isSet(QStringLiteral("extent"))) {
        const QStringList v = parser.value(QStringLiteral("extent")).split(QLatin1Char(','));
        bool ok = v.size() == 4;
        double c[4] = {0, 0, 0, 0};
        for (int i = 0; ok && i < 4; ++i)
            c[i] = v[i].toDouble(&ok);
        if (!ok || c[2] <= c[0] || c[3] <= c[1])
            return ctx.usageError(tr("--extent must be XMIN,YMIN,XMAX,YMAX with XMIN < XMAX and "
                                     "YMIN < YMAX"));
        extent = QRectF(QPointF(c[0], c[1]), QPointF(c[2], c[3]));
    }
    return ExitOk;
}

/// Keeps the legend beside the map rather than over it: widens the extent to the left by the
/// legend's width (measured, not drawn).
void makeRoomForLegend(render::MapSettings &settings)
{
    QImage scratch(8, 8, QImage::Format_ARGB32_Premultiplied);
    QPainter measure(&scratch);
    const QRectF legend =
        render::drawLegend(measure, settings, QPointF(12, 12), settings.language, false);
    measure.end();
    const double mapPixels = settings.outputSize.width() - legend.right() - 12;
    if (mapPixels <= settings.outputSize.width() / 3.0)
        return;
    const QRectF visible = settings.visibleExtent();
    const double unitsPerPixel =
        std::max(visible.width() / mapPixels, visible.height() / settings.outputSize.height());
    const double left = legend.right() + 12;
    const double pixelCentreX = (left + settings.outputSize.width()) / 2.0;
    const QPointF c = visible.center();
    settings.extent = QRectF(c.x() - pixelCentreX * unitsPerPixel,
                             c.y() - settings.outputSize.height() / 2.0 * unitsPerPixel,
                             settings.outputSize.width() * unitsPerPixel,
                             settings.outputSize.height() * unitsPerPixel);
}

void drawDecorations(QPainter &painter, const render::MapSettings &settings)
{
    painter.setRenderHint(QPainter::Antialiasing);
    const double w = settings.outputSize.width();
    const double h = settings.outputSize.height();
    render::drawLegend(painter, settings, QPointF(12, 12), settings.language);
    render::drawScaleBar(painter, settings, QRectF(12, h - 48, std::min(260.0, w / 3), 36));
    render::drawNorthArrow(painter, QRectF(w - 52, 12, 40, 56));
}

enum class MapFormat { Png, Svg, Pdf };

std::optional<MapFormat> mapFormat(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return MapFormat::Png;
    if (suffix == QLatin1String("svg"))
        return MapFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return MapFormat::Pdf;
    return std::nullopt;
}

/// Draws the map (and its decorations) on a painter already set to the output's pixels.
void paintMap(QPainter &painter, const render::MapSettings &settings, bool decorations,
              render::RenderStats &stats)
{
    stats = render::MapRenderer::render(settings, painter);
    if (decorations)
        drawDecorations(painter, settings);
}

/// The map to `out` in its format, written whole or not at all (a kill or a full disk leaves
/// any earlier file as it was). A PNG gets a world file and its CRS beside it.
core::Result<QStringList> writeMap(const render::MapSettings &settings, bool decorations,
                                   const QString &out, MapFormat format, render::RenderStats &stats)
{
    core::AtomicFile file(out);
    const QString tmp = file.temporaryPath();
    const QSize size = settings.outputSize;
    switch (format) {
    case MapFormat::Png: {
        QImage image = render::MapRenderer::renderImage(settings, &stats);
        if (decorations) {
            QPainter painter(&image);
            drawDecorations(painter, settings);
        }
        if (!image.save(tmp, "PNG"))
            return core::Error{core::ErrorCode::Io, tr("cannot write %1").arg(out)};
        break;
    }
    case MapFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(tmp);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(settings.dpi));
        svg.setTitle(QStringLiteral("Vigie"));
        QPainter painter;
        if (!painter.begin(&svg))
            return core::Error{core::ErrorCode::Io, tr("cannot write %1").arg(out)};
        paintMap(painter, settings, decorations, stats);
        painter.end();
        break;
    }
    case MapFormat::Pdf: {
        QPdfWriter pdf(tmp);
        pdf.setCreator(QStringLiteral("Vigie"));
        pdf.setResolution(int(settings.dpi));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(
            QSizeF(size.width() * 25.4 / settings.dpi, size.height() * 25.4 / settings.dpi),
            QPageSize::Millimeter));
        QPainter painter;
        if (!painter.begin(&pdf))
            return core::Error{core::ErrorCode::Io, tr("cannot write %1").arg(out)};
        // The page may round to whole points: scale the map's pixels onto it.
        painter.scale(painter.device()->width() / double(size.width()),
                      painter.device()->height() / double(size.height()));
        paintMap(painter, settings, decorations, stats);
        painter.end();
        break;
    }
    }
    QStringList files{out};
    if (format == MapFormat::Png) {
        // Upper-left pixel's centre and the pixel size, in Lambert-93 metres.
        const QTransform toMap = settings.mapToPixel().inverted();
        const QPointF corner = toMap.map(QPointF(0.5, 0.5));
        const double unit = settings.mapUnitsPerPixel();
        auto side = core::writeGeoreference(out, corner.x(), corner.y(), unit, -unit);
        if (!side)
            return side.error();
        files << *side;
    }
    if (auto committed = file.commit(core::AtomicFile::Replace::Existing); !committed)
        return committed.error();
    return files;
}

} // namespace

int runRender(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    addRenderOptions(parser);
    if (int code = ExitOk; !parseArguments(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")) || !parser.isSet(QStringLiteral("out")))
        return ctx.usageError(tr("--store FILE and --out FILE are required"));
    const QString out = parser.value(QStringLiteral("out"));
    const auto format = mapFormat(out);
    if (!format)
        return ctx.usageError(
            tr("cannot write \"%1\": a map is written as .png (with a world file), .svg or .pdf")
                .arg(out));
    render::MapSettings settings;
    if (int code = readImageOptions(ctx, parser, settings); code != ExitOk)
        return code;

    auto store = core::Store::open(parser.value(QStringLiteral("store")), /*readOnly=*/true);
    if (!store)
        return ctx.fail(store.error());
    QRectF extent;
    if (int code = loadLayers(ctx, parser, **store, settings, extent); code != ExitOk)
        return code;
    if (int code = readExtentOptions(ctx, parser, **store, extent); code != ExitOk)
        return code;
    if (extent.isNull())
        return ctx.fail(
            {core::ErrorCode::InvalidInput, tr("nothing to draw: the layers are empty")});
    // A small margin so boundaries don't touch the frame, when the extent is the layers'; an
    // extent the user gave is drawn as given (the map then fits it, centred).
    settings.extent = parser.isSet(QStringLiteral("extent"))
                          ? extent
                          : extent.adjusted(-extent.width() * 0.03, -extent.height() * 0.03,
                                            extent.width() * 0.03, extent.height() * 0.03);
    const bool decorations = !parser.isSet(QStringLiteral("no-decorations"));
    if (decorations)
        makeRoomForLegend(settings);

    render::RenderStats stats;
    auto files = writeMap(settings, decorations, out, *format, stats);
    if (!files)
        return ctx.fail(files.error());
    ctx.out() << tr("Map written to %1 (%2 features drawn, %3 points aggregated, %4 ms)")
                     .arg(out, QString::number(stats.featuresDrawn),
                          QString::number(stats.pointsAggregated),
                          QString::number(stats.milliseconds, 'f', 1))
              << "\n";
    for (const QString &f : files->mid(1))
        ctx.out() << tr("  with %1").arg(f) << "\n";
    return ExitOk;
}

} // namespace vigie::cli
