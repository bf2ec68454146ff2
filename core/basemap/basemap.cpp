// SPDX-License-Identifier: GPL-3.0-or-later
#include "basemap.h"

#include "../analytics/feedback.h"
#include "../argtext.h"
#include "../io/gdalerrorscope.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QStandardPaths>
#include <QUrl>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <memory>

namespace vigie::core {

namespace {

/// Web Mercator's square (EPSG:3857 metres).
constexpr double kMercatorHalf = 20037508.342789244;

/// After a server failed, tiles come from the cache for this long before it is asked again.
constexpr qint64 kOfflineRetrySecs = 30;

QMutex &offlineMutex()
{
    static QMutex m;
    return m;
}

QHash<QString, qint64> &offlineUntil()
{
    static QHash<QString, qint64> h;
    return h;
}

bool recentlyOffline(const QString &id)
{
    const QMutexLocker lock(&offlineMutex());
    return offlineUntil().value(id, 0) > QDateTime::currentSecsSinceEpoch();
}

void markOffline(const QString &id, bool offline)
{
    const QMutexLocker lock(&offlineMutex());
    if (offline)
        offlineUntil().insert(id, QDateTime::currentSecsSinceEpoch() + kOfflineRetrySecs);
    else
        offlineUntil().remove(id);
}

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

int CPL_STDCALL warpProgress(double done, const char *, void *data)
{
    (void)done;
    const auto *feedback = static_cast<const analytics::Feedback *>(data);
    return feedback && feedback->isCanceled() ? FALSE : TRUE;
}

struct DatasetCloser
{
    void operator()(void *ds) const
    {
        if (ds)
            GDALClose(static_cast<GDALDatasetH>(ds));
    }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

Dataset openSource(const BaseMapSource &source, bool offline)
{
    if (source.kind == BaseMapSource::Kind::File) {
        const char *drivers[] = {"MBTiles", "GPKG", nullptr};
        return Dataset(GDALOpenEx(QFile::encodeName(source.path).constData(),
                                  GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    }
    const QByteArray xml = tileServiceXml(source, tileCacheDir(source), offline).toUtf8();
    const char *drivers[] = {"WMS", nullptr};
    return Dataset(
        GDALOpenEx(xml.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, nullptr, nullptr));
}

/// An empty RGBA image in Lambert-93 covering `extent` at `size`.
Dataset makeTarget(const QRectF &extent, const QSize &size)
{
    GDALDriverH mem = GDALGetDriverByName("MEM");
    Dataset dst(GDALCreate(mem, "", size.width(), size.height(), 4, GDT_Byte, nullptr));
    if (!dst)
        return dst;
    double transform[6] = {extent.left(), extent.width() / size.width(),   0.0, extent.bottom(),
                           0.0,           -extent.height() / size.height()};
    // QRectF with y up: bottom() is the larger y (top of the map).
    transform[3] = std::max(extent.top(), extent.bottom());
    GDALSetGeoTransform(dst.get(), transform);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 2154);
    GDALSetSpatialRef(dst.get(), srs);
    OSRDestroySpatialReference(srs);
    const GDALColorInterp interp[] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
    for (int b = 0; b < 4; ++b)
        GDALSetRasterColorInterpretation(GDALGetRasterBand(dst.get(), b + 1), interp[b]);
    return dst;
}

/// Warps `src` into `dst`; false with GDAL's errors in `errors` on failure.
bool warpInto(GDALDatasetH src, GDALDatasetH dst, const analytics::Feedback *feedback)
{
    const char *args[] = {"-r", "bilinear", "-dstalpha", "-wo", "SAMPLE_GRID=YES", nullptr};
    GDALWarpAppOptions *options = GDALWarpAppOptionsNew(const_cast<char **>(args), nullptr);
    GDALWarpAppOptionsSetProgress(options, warpProgress,
                                  const_cast<analytics::Feedback *>(feedback));
    int usageError = FALSE;
    GDALDatasetH sources[] = {src};
    GDALDatasetH out = GDALWarp(nullptr, dst, 1, sources, options, &usageError);
    GDALWarpAppOptionsFree(options);
    return out != nullptr && !usageError;
}

} // namespace

QJsonObject BaseMapSource::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("kind"),
                   kind == Kind::File ? QStringLiteral("file") : QStringLiteral("tiles")},
                  {QStringLiteral("attribution"), attribution},
                  {QStringLiteral("maxZoom"), maxZoom}};
    if (kind == Kind::File)
        o.insert(QStringLiteral("path"), path);
    else
        o.insert(QStringLiteral("url"), url);
    return o;
}

BaseMapSource BaseMapSource::fromJson(const QJsonObject &o)
{
    BaseMapSource s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.title = o.value(QStringLiteral("title")).toString();
    s.kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("file") ? Kind::File
                                                                                 : Kind::Tiles;
    s.url = o.value(QStringLiteral("url")).toString();
    s.path = o.value(QStringLiteral("path")).toString();
    s.attribution = o.value(QStringLiteral("attribution")).toString();
    s.maxZoom = std::clamp(o.value(QStringLiteral("maxZoom")).toInt(19), 0, 22);
    // Only what fromUrl() accepts is kept (the settings file may have been edited).
    if (s.kind == Kind::Tiles && !fromUrl(s.title, s.url, s.attribution))
        return {};
    return s;
}

std::vector<BaseMapSource> BaseMapSource::builtIn()
{
    BaseMapSource osm;
    osm.id = QStringLiteral("osm");
    osm.title = tr("OpenStreetMap");
    osm.url = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    osm.attribution = tr("© OpenStreetMap contributors");
    osm.maxZoom = 19;

    BaseMapSource ign;
    ign.id = QStringLiteral("plan-ign");
    ign.title = tr("Plan IGN (Géoplateforme)");
    ign.url =
        QStringLiteral("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                       "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM"
                       "&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}");
    ign.attribution = tr("© IGN – Plan IGN");
    ign.maxZoom = 19;
    return {osm, ign};
}

Result<BaseMapSource> BaseMapSource::fromUrl(const QString &title, const QString &url,
                                             const QString &attribution)
{
    const QString t = url.trimmed();
    const QUrl parsed(t);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        parsed.host().isEmpty())
        return Error{
            ErrorCode::InvalidInput,
            tr("“%1” is not a web address (it must start with http:// or https://).").arg(t)};
    for (const char *part : {"{z}", "{x}", "{y}"}) {
        if (!t.contains(QLatin1String(part)))
            return Error{ErrorCode::InvalidInput,
                         tr("The address of a tile server must hold {z}, {x} and {y}; %1 has no "
                            "%2.")
                             .arg(t, QLatin1String(part))};
    }
    BaseMapSource s;
    s.kind = Kind::Tiles;
    s.url = t;
    s.title = title.trimmed().isEmpty() ? parsed.host() : title.trimmed();
    s.attribution = attribution.trimmed();
    s.id = QStringLiteral("custom-") +
           QString::fromLatin1(
               QCryptographicHash::hash(t.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    return s;
}

Result<BaseMapSource> BaseMapSource::fromFile(const QString &path)
{
    return captureErrors([&] {
        GDALAllRegister();
        detail::GdalErrorScope errors;
        BaseMapSource s;
        s.kind = Kind::File;
        s.path = QFileInfo(path).absoluteFilePath();
        const Dataset ds = openSource(s, false);
        if (!ds)
            throw Exception(ErrorCode::InvalidInput,
                            tr("%1 is not a tiles file GDAL can read (MBTiles or GeoPackage "
                               "tiles): %2")
                                .arg(QDir::toNativeSeparators(path),
                                     errors.summary().isEmpty() ? tr("no raster tiles in it")
                                                                : errors.summary()));
        if (GDALGetRasterCount(ds.get()) < 3)
            throw Exception(
                ErrorCode::InvalidInput,
                tr("%1 holds no colour tiles (%2 band(s)).")
                    .arg(QDir::toNativeSeparators(path), argText(GDALGetRasterCount(ds.get()))));
        const QFileInfo info(s.path);
        const char *name = GDALGetMetadataItem(ds.get(), "NAME", nullptr);
        s.title = name && *name ? QString::fromUtf8(name) : info.completeBaseName();
        for (const char *key : {"ATTRIBUTION", "attribution"}) {
            if (const char *a = GDALGetMetadataItem(ds.get(), key, nullptr); a && *a) {
                s.attribution = QString::fromUtf8(a).left(200);
                break;
            }
        }
        if (s.attribution.isEmpty())
            s.attribution = info.fileName();
        s.id =
            QStringLiteral("file-") +
            QString::fromLatin1(QCryptographicHash::hash(s.path.toUtf8(), QCryptographicHash::Sha1)
                                    .toHex()
                                    .left(12));
        return s;
    });
}

QString tileCacheDir(const BaseMapSource &source)
{
    const QString root = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return QDir(root.isEmpty() ? QDir::tempPath() : root)
        .filePath(QStringLiteral("tiles/") + source.id);
}

QString tileServiceXml(const BaseMapSource &source, const QString &cacheDir, bool offline)
{
    QString url = source.url;
    url.replace(QLatin1String("{z}"), QLatin1String("${z}"))
        .replace(QLatin1String("{x}"), QLatin1String("${x}"))
        .replace(QLatin1String("{y}"), QLatin1String("${y}"));
    // The tiles' own pixels: 256 px tiles of Web Mercator from zoom 0, rows from the top.
    return QStringLiteral(
               "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>%1</ServerUrl></Service>"
               "<DataWindow><UpperLeftX>%2</UpperLeftX><UpperLeftY>%3</UpperLeftY>"
               "<LowerRightX>%3</LowerRightX><LowerRightY>%2</LowerRightY>"
               "<TileLevel>%4</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>"
               "<YOrigin>top</YOrigin></DataWindow>"
               "<Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX>"
               "<BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>"
               "<MaxConnections>4</MaxConnections><Timeout>8</Timeout>"
               "<UserAgent>Vigie/%5 (City of Marseille public-safety workstation)</UserAgent>"
               "<ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>"
               "<OfflineMode>%6</OfflineMode>"
               "<Cache><Path>%7</Path><Expires>2592000</Expires></Cache></GDAL_WMS>")
        .arg(xmlEscaped(url), argText(-kMercatorHalf, 0, 'f', 6), argText(kMercatorHalf, 0, 'f', 6),
             argText(source.maxZoom),
             xmlEscaped(QCoreApplication::applicationVersion().isEmpty()
                            ? QStringLiteral("1")
                            : QCoreApplication::applicationVersion()),
             offline ? QStringLiteral("true") : QStringLiteral("false"),
             xmlEscaped(QDir::toNativeSeparators(cacheDir)));
}

Result<BaseMapImage> renderBaseMap(const BaseMapSource &source, const QRectF &extent,
                                   const QSize &size, const analytics::Feedback *feedback)
{
    return captureErrors([&] {
        if (!source.isValid() || size.isEmpty() || !extent.isValid())
            throw Exception(ErrorCode::InvalidInput, BaseMapSource::tr("No base map to draw."));
        GDALAllRegister();
        BaseMapImage image;
        image.width = size.width();
        image.height = size.height();
        image.extent = extent;
        const bool tiles = source.kind == BaseMapSource::Kind::Tiles;
        if (tiles)
            QDir().mkpath(tileCacheDir(source));

        auto attempt = [&](bool offline, QString *problem) -> Dataset {
            detail::GdalErrorScope errors;
            Dataset src = openSource(source, offline);
            if (!src) {
                *problem = errors.summary();
                return {};
            }
            Dataset dst = makeTarget(extent, size);
            if (!dst)
                throw Exception(ErrorCode::Internal, errors.summary());
            const bool done = warpInto(src.get(), dst.get(), feedback);
            if (feedback && feedback->isCanceled())
                throw Exception(ErrorCode::Canceled,
                                BaseMapSource::tr("Drawing the base map was canceled."));
            if (!done || errors.failureCount() > 0) {
                *problem = errors.summary();
                return {};
            }
            return dst;
        };

        QString problem;
        Dataset dst;
        if (!tiles) {
            dst = attempt(false, &problem);
            if (!dst)
                throw Exception(ErrorCode::Io,
                                BaseMapSource::tr("Cannot draw the base map %1: %2")
                                    .arg(QDir::toNativeSeparators(source.path), problem));
        } else {
            // GDAL's messages name cache files and block numbers: the user gets the server.
            const QUrl address(source.url);
            const QString server =
                address.port() > 0
                    ? QStringLiteral("%1:%2").arg(address.host(), argText(address.port()))
                    : address.host();
            if (!recentlyOffline(source.id)) {
                QString detail;
                dst = attempt(false, &detail);
                markOffline(source.id, !dst);
            }
            problem = BaseMapSource::tr("the server %1 does not answer").arg(server);
            if (!dst) {
                QString cacheProblem;
                dst = attempt(true, &cacheProblem);
                image.offline = true;
                image.problem = problem;
                if (!dst)
                    throw Exception(
                        ErrorCode::Io,
                        BaseMapSource::tr("The base map %1 cannot be drawn: %2")
                            .arg(source.title, cacheProblem.isEmpty() ? problem : cacheProblem));
            }
        }
        image.rgba.resize(std::size_t(image.width) * std::size_t(image.height) * 4);
        int bands[] = {1, 2, 3, 4};
        if (GDALDatasetRasterIO(dst.get(), GF_Read, 0, 0, image.width, image.height,
                                image.rgba.data(), image.width, image.height, GDT_Byte, 4, bands, 4,
                                4 * image.width, 1) != CE_None)
            throw Exception(ErrorCode::Internal,
                            BaseMapSource::tr("Cannot read the base map's pixels."));
        return image;
    });
}

} // namespace vigie::core
