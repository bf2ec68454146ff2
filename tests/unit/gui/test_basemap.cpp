// SPDX-License-Identifier: GPL-3.0-or-later
// Base maps: tiles from a real HTTP tile server the test starts on 127.0.0.1 (Python's
// http.server over a tile pyramid the test writes), reprojected to Lambert-93 and checked
// against PROJ; the disk cache when the server is stopped; an MBTiles file GDAL writes; the
// canvas and the View menu of the main window, with a screenshot.

#include "basemaplayer.h"
#include "basemapmenu.h"
#include "guitestsupport.h"
#include "mapcanvas.h"

#include "core/basemap/basemap.h"
#include "core/crs/crs.h"
#include "render/basemapdraw.h"
#include "render/maprenderer.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <numbers>

using namespace vigie;

namespace {

constexpr double kHalf = 20037508.342789244;
// The box where tiles carry a colour gradient of their coordinates (around the Vieux-Port).
constexpr double kLon0 = 5.35, kLonSpan = 0.04, kLat0 = 43.28, kLatSpan = 0.03;
// The city's box, where tiles of zoom 0 to 13 exist.
constexpr double kCityLon0 = 5.2, kCityLon1 = 5.6, kCityLat0 = 43.15, kCityLat1 = 43.4;

int channel(double v)
{
    return std::clamp(int(std::lround(v * 255.0)), 0, 255);
}

/// The colour the tiles give a place: red for longitude and green for latitude across the box.
QRgb gradient(double lon, double lat, int z)
{
    return qRgba(channel((lon - kLon0) / kLonSpan), channel((lat - kLat0) / kLatSpan),
                 (z * 17) % 256, 255);
}

double tileLon(double x, int z)
{
    return x / std::ldexp(1.0, z) * 360.0 - 180.0;
}

double tileLat(double y, int z)
{
    const double n = std::numbers::pi * (1.0 - 2.0 * y / std::ldexp(1.0, z));
    return std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
}

int tileX(double lon, int z)
{
    return int(std::floor((lon + 180.0) / 360.0 * std::ldexp(1.0, z)));
}

int tileY(double lat, int z)
{
    const double r = lat * std::numbers::pi / 180.0;
    return int(
        std::floor((1.0 - std::asinh(std::tan(r)) / std::numbers::pi) / 2.0 * std::ldexp(1.0, z)));
}

/// One tile: the gradient at zoom 14 and more; a light map-like tile with its z/x/y below.
QImage makeTile(int z, int x, int y)
{
    QImage tile(256, 256, QImage::Format_ARGB32);
    if (z >= 14) {
        for (int j = 0; j < 256; ++j)
            for (int i = 0; i < 256; ++i)
                tile.setPixel(i, j,
                              gradient(tileLon(x + (i + 0.5) / 256.0, z),
                                       tileLat(y + (j + 0.5) / 256.0, z), z));
        return tile;
    }
    tile.fill(QColor(0xe8, 0xee, 0xe4));
    QPainter p(&tile);
    p.setPen(QPen(QColor(0x9a, 0xb0, 0xc8), 2));
    p.drawRect(1, 1, 254, 254);
    p.setPen(QColor(0x60, 0x70, 0x80));
    p.drawText(QRect(0, 0, 256, 256), Qt::AlignCenter,
               QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y));
    return tile;
}

/// Writes the pyramid: zoom 0-13 over the city, 14-16 over the gradient box.
int writePyramid(const QString &root)
{
    int count = 0;
    for (int z = 0; z <= 16; ++z) {
        const bool fine = z >= 14;
        const double lon0 = fine ? kLon0 : kCityLon0, lon1 = fine ? kLon0 + kLonSpan : kCityLon1;
        const double lat0 = fine ? kLat0 : kCityLat0, lat1 = fine ? kLat0 + kLatSpan : kCityLat1;
        for (int x = tileX(lon0, z); x <= tileX(lon1, z); ++x) {
            for (int y = tileY(lat1, z); y <= tileY(lat0, z); ++y) {
                const QString dir = QStringLiteral("%1/%2/%3").arg(root).arg(z).arg(x);
                QDir().mkpath(dir);
                if (!makeTile(z, x, y).save(QStringLiteral("%1/%2.png").arg(dir).arg(y)))
                    return -1;
                ++count;
            }
        }
    }
    return count;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// Python's http.server over a folder, on 127.0.0.1.
class TileServer
{
public:
    bool start(const QString &root)
    {
        m_port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral("-m"), QStringLiteral("http.server"),
                         QString::number(m_port), QStringLiteral("--bind"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("--directory"), root});
        if (!m_process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    ~TileServer() { stop(); }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(m_port);
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

/// Lambert-93 box around the Vieux-Port, inside the gradient box.
QRectF vieuxPort()
{
    return QRectF(QPointF(891400, 6246700), QSizeF(2000, 1500));
}

/// Checks the reprojection: at sample pixels, the colour must be the gradient at the place
/// PROJ finds for the pixel's centre. Returns the largest difference in levels.
int worstGradientError(const QImage &image, const QRectF &extent)
{
    auto toWgs =
        core::CoordinateTransform::create(QStringLiteral("EPSG:2154"), QStringLiteral("EPSG:4326"));
    if (!toWgs)
        return 999;
    int worst = 0;
    for (int sy = 1; sy < 10; ++sy) {
        for (int sx = 1; sx < 10; ++sx) {
            const int px = image.width() * sx / 10, py = image.height() * sy / 10;
            double x = extent.left() + (px + 0.5) * extent.width() / image.width();
            double y = extent.bottom() - (py + 0.5) * extent.height() / image.height();
            if (!toWgs->transform(x, y))
                return 999;
            const QRgb want = gradient(x, y, 0);
            const QRgb got = image.pixel(px, py);
            worst = std::max({worst, std::abs(qRed(got) - qRed(want)),
                              std::abs(qGreen(got) - qGreen(want)), 255 - qAlpha(got)});
        }
    }
    return worst;
}

QImage drawBase(const core::BaseMapSource &source, const QRectF &extent, const QSize &size,
                core::BaseMapImage *info = nullptr)
{
    auto image = core::renderBaseMap(source, extent, size);
    if (!image) {
        qWarning() << image.error().message;
        return {};
    }
    if (info)
        *info = *image;
    return render::baseMapToImage(*image);
}

/// An MBTiles file of the gradient box, written by GDAL from a Web Mercator raster.
bool writeMbtiles(const QString &path)
{
    GDALAllRegister();
    const double res = 2 * kHalf / (256 << 15); // zoom 15
    const double x0 = kLon0 / 180.0 * kHalf;
    const double x1 = (kLon0 + kLonSpan) / 180.0 * kHalf;
    auto mercY = [](double lat) {
        return std::asinh(std::tan(lat * std::numbers::pi / 180.0)) / std::numbers::pi * kHalf;
    };
    const double y0 = mercY(kLat0), y1 = mercY(kLat0 + kLatSpan);
    const int w = int((x1 - x0) / res), h = int((y1 - y0) / res);
    GDALDatasetH mem = GDALCreate(GDALGetDriverByName("MEM"), "", w, h, 4, GDT_Byte, nullptr);
    double gt[6] = {x0, res, 0, y1, 0, -res};
    GDALSetGeoTransform(mem, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 3857);
    GDALSetSpatialRef(mem, srs);
    OSRDestroySpatialReference(srs);
    std::vector<std::uint8_t> rgba(std::size_t(w) * h * 4);
    for (int j = 0; j < h; ++j) {
        for (int i = 0; i < w; ++i) {
            const double mx = x0 + (i + 0.5) * res, my = y1 - (j + 0.5) * res;
            const double lon = mx / kHalf * 180.0;
            const double lat =
                std::atan(std::sinh(my / kHalf * std::numbers::pi)) * 180.0 / std::numbers::pi;
            const QRgb c = gradient(lon, lat, 15);
            std::uint8_t *o = &rgba[(std::size_t(j) * w + i) * 4];
            o[0] = qRed(c), o[1] = qGreen(c), o[2] = qBlue(c), o[3] = 255;
        }
    }
    int bands[] = {1, 2, 3, 4};
    if (GDALDatasetRasterIO(mem, GF_Write, 0, 0, w, h, rgba.data(), w, h, GDT_Byte, 4, bands, 4,
                            4 * w, 1) != CE_None) {
        GDALClose(mem);
        return false;
    }
    GDALSetRasterColorInterpretation(GDALGetRasterBand(mem, 4), GCI_AlphaBand);
    const char *options[] = {"TILE_FORMAT=PNG", "NAME=Vieux-Port test", nullptr};
    GDALDatasetH out = GDALCreateCopy(GDALGetDriverByName("MBTiles"), path.toUtf8().constData(),
                                      mem, FALSE, const_cast<char **>(options), nullptr, nullptr);
    GDALClose(mem);
    if (!out)
        return false;
    GDALClose(out);
    return true;
}

} // namespace

class TestBaseMap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addressesAreChecked();
    void tilesReprojectedToLambert93();
    void offlineUsesTheCache();
    void mbtilesFile();
    void notATilesFile();
    void reportMapHasBaseMapAndAttribution();
    void canvasUnderTheIncidents();
    void cleanupTestCase();

private:
    core::BaseMapSource localSource(const QString &url) const;

    QTemporaryDir m_dir;
    QString m_tiles;
    TileServer m_server;
    std::unique_ptr<gui::MainWindow> m_window;
};

core::BaseMapSource TestBaseMap::localSource(const QString &url) const
{
    auto source = core::BaseMapSource::fromUrl(QStringLiteral("Tuiles de test"), url,
                                               QStringLiteral("© Tuiles de test"));
    if (!source)
        return {};
    source->maxZoom = 16;
    QDir(core::tileCacheDir(*source)).removeRecursively();
    return *source;
}

void TestBaseMap::initTestCase()
{
    QVERIFY(m_dir.isValid());
    guitest::makeFrenchDemo(m_dir.filePath(QStringLiteral("demo.vigie")), 0.05);
    m_tiles = m_dir.filePath(QStringLiteral("tiles"));
    const int written = writePyramid(m_tiles);
    QVERIFY2(written > 100, qPrintable(QString::number(written)));
    qInfo("tile pyramid: %d tiles", written);
    QVERIFY(m_server.start(m_tiles));
}

void TestBaseMap::addressesAreChecked()
{
    QVERIFY(!core::BaseMapSource::fromUrl({}, QStringLiteral("file:///etc/{z}/{x}/{y}"), {}));
    QVERIFY(!core::BaseMapSource::fromUrl({}, QStringLiteral("https://t.example/{z}/{x}.png"), {}));
    const auto missing =
        core::BaseMapSource::fromUrl({}, QStringLiteral("https://t.example/{z}/{x}.png"), {});
    QVERIFY(missing.error().message.contains(QStringLiteral("{y}")));
    const auto ok = core::BaseMapSource::fromUrl(
        {}, QStringLiteral("https://t.example/{z}/{x}/{y}.png?k=a&b=<c>"), {});
    QVERIFY(ok);
    QCOMPARE(ok->title, QStringLiteral("t.example"));
    // The address goes into GDAL's XML escaped, so it cannot add elements of its own.
    const QString xml = core::tileServiceXml(*ok, QStringLiteral("/tmp/c"), false);
    QVERIFY(xml.contains(QStringLiteral("k=a&amp;b=&lt;c&gt;")));
    QVERIFY(xml.contains(QStringLiteral("${z}/${x}/${y}")));
    // Percent escapes in an address stay as typed (the XML is filled in one pass).
    const auto escaped = core::BaseMapSource::fromUrl(
        {}, QStringLiteral("https://t.example/{z}/{x}/{y}.png?style=a%20b%2"), {});
    QVERIFY(escaped);
    QVERIFY(core::tileServiceXml(*escaped, QStringLiteral("/tmp/c"), false)
                .contains(QStringLiteral("style=a%20b%2</ServerUrl>")));
    // Built-in sources: OpenStreetMap and Plan IGN, with their credits.
    const auto built = core::BaseMapSource::builtIn();
    QCOMPARE(built.size(), std::size_t(2));
    QVERIFY(built[0].attribution.contains(QStringLiteral("OpenStreetMap")));
    QVERIFY(built[1].url.contains(QStringLiteral("TILEMATRIXSET=PM")));
    QVERIFY(built[1].attribution.contains(QStringLiteral("IGN")));
}

void TestBaseMap::tilesReprojectedToLambert93()
{
    const core::BaseMapSource source = localSource(m_server.url());
    QVERIFY(source.isValid());
    core::BaseMapImage info;
    const QImage image = drawBase(source, vieuxPort(), QSize(400, 300), &info);
    QVERIFY(!image.isNull());
    QVERIFY2(!info.offline, qPrintable(info.problem));
    // One level is 0.04° / 255 of longitude (≈ 12.6 m) or 0.03° / 255 of latitude (≈ 13 m).
    const int worst = worstGradientError(image, vieuxPort());
    qInfo("largest difference to PROJ: %d levels (about %d m)", worst, worst * 13);
    QVERIFY2(worst <= 2, qPrintable(QString::number(worst)));
    QVERIFY(image.save(guitest::screenshotPath(QStringLiteral("basemap-gradient.png"))));
    // The tiles are in the cache now.
    int cached = 0;
    QDirIterator it(core::tileCacheDir(source), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++cached;
    }
    QVERIFY2(cached > 0, "no tile in the cache");
}

void TestBaseMap::offlineUsesTheCache()
{
    TileServer server;
    QVERIFY(server.start(m_tiles));
    const core::BaseMapSource source = localSource(server.url());
    const QImage online = drawBase(source, vieuxPort(), QSize(400, 300));
    QVERIFY(!online.isNull());
    server.stop();

    // The same view comes from the disk cache: no server needed, the same pixels.
    core::BaseMapImage info;
    const QImage cached = drawBase(source, vieuxPort(), QSize(400, 300), &info);
    QVERIFY(!cached.isNull());
    QCOMPARE(cached, online);

    // A wider view needs tiles never fetched: the server is found offline, the cached part is
    // drawn and no error is raised.
    const QRectF wider = vieuxPort().adjusted(-1000, -750, 1000, 750);
    const QImage partly = drawBase(source, wider, QSize(800, 600), &info);
    QVERIFY(!partly.isNull());
    QVERIFY(info.offline);
    QVERIFY(!info.problem.isEmpty());
    qInfo("offline: %s", qPrintable(info.problem));
    QCOMPARE(qAlpha(partly.pixel(400, 300)), 255); // the Vieux-Port, cached
    // While offline, the next draw does not wait for the server again.
    QElapsedTimer timer;
    timer.start();
    (void)drawBase(source, wider, QSize(800, 600), &info);
    QVERIFY(info.offline);
    qInfo("offline redraw: %lld ms", timer.elapsed());

    // A place never seen: no tiles, no error, nothing drawn.
    core::BaseMapImage unseen;
    const QImage empty = drawBase(source, QRectF(QPointF(905000, 6240000), QSizeF(3000, 2000)),
                                  QSize(300, 200), &unseen);
    QVERIFY(unseen.offline);
    QVERIFY(!empty.isNull());
    QCOMPARE(qAlpha(empty.pixel(150, 100)), 0);
}

void TestBaseMap::mbtilesFile()
{
    const QString path = m_dir.filePath(QStringLiteral("vieux-port.mbtiles"));
    QVERIFY(writeMbtiles(path));
    const auto source = core::BaseMapSource::fromFile(path);
    QVERIFY2(source, qPrintable(source ? QString() : source.error().message));
    QCOMPARE(source->kind, core::BaseMapSource::Kind::File);
    QVERIFY(!source->attribution.isEmpty());
    core::BaseMapImage info;
    const QImage image = drawBase(*source, vieuxPort(), QSize(400, 300), &info);
    QVERIFY(!image.isNull());
    QVERIFY(!info.offline);
    const int worst = worstGradientError(image, vieuxPort());
    qInfo("MBTiles: largest difference to PROJ: %d levels", worst);
    QVERIFY2(worst <= 2, qPrintable(QString::number(worst)));
}

void TestBaseMap::notATilesFile()
{
    const QString path = m_dir.filePath(QStringLiteral("faux.mbtiles"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("SQLite format 3\0 but not really", 32);
    f.close();
    const auto source = core::BaseMapSource::fromFile(path);
    QVERIFY(!source);
    QVERIFY2(source.error().message.contains(QStringLiteral("faux.mbtiles")),
             qPrintable(source.error().message));
}

void TestBaseMap::reportMapHasBaseMapAndAttribution()
{
    // MapRenderer (reports, the CLI) draws the base map itself, then the credit.
    render::MapSettings s;
    s.extent = vieuxPort();
    s.outputSize = QSize(400, 300);
    s.baseMap = localSource(m_server.url());
    render::RenderStats stats;
    const QImage image = render::MapRenderer::renderImage(s, &stats);
    QVERIFY(stats.baseMapDrawn);
    QVERIFY2(!stats.baseMapOffline, qPrintable(stats.baseMapProblem));
    // Away from the credit, the gradient; in the bottom right corner, the credit's plate.
    const QRgb mid = image.pixel(200, 150);
    QVERIFY(qBlue(mid) != qBlue(s.background.rgb()) || qRed(mid) != qRed(s.background.rgb()));
    const QRgb corner = image.pixel(395, 295);
    QVERIFY2(qRed(corner) > 200 && qGreen(corner) > 200, qPrintable(QString::number(corner, 16)));
}

void TestBaseMap::canvasUnderTheIncidents()
{
    TileServer server;
    QVERIFY(server.start(m_tiles));
    guitest::openWindow(m_window, m_dir.filePath(QStringLiteral("demo.vigie")));
    if (QTest::currentTestFailed())
        return;
    gui::MainWindow &w = *m_window;
    gui::MapCanvas *canvas = w.mapCanvas();
    gui::BaseMapLayer *layer = canvas->baseMapLayer();
    const int frames = layer->frameCount();
    const core::BaseMapSource source = localSource(server.url());
    w.baseMapMenu()->choose(source);
    QTRY_VERIFY_WITH_TIMEOUT(layer->frameCount() > frames && !layer->isBusy(), 20000);
    QVERIFY(!layer->frame().offline);
    QVERIFY(!layer->frame().image.isNull());
    // Under the city the tiles are drawn (their light green), not the plain background.
    const QImage shot = canvas->grab().toImage();
    const QImage base = layer->frame().image;
    int tilePixels = 0;
    for (int y = 0; y < base.height(); y += 10)
        for (int x = 0; x < base.width(); x += 10)
            tilePixels += qAlpha(base.pixel(x, y)) == 255;
    QVERIFY2(tilePixels > 100, qPrintable(QString::number(tilePixels)));
    QVERIFY(shot.save(guitest::screenshotPath(QStringLiteral("basemap-canvas.png"))));
    QVERIFY(w.grab().toImage().save(guitest::screenshotPath(QStringLiteral("basemap-window.png"))));
    // The choice is saved: a new menu restores it.
    {
        gui::BaseMapMenu again;
        again.restore();
        QVERIFY(again.current());
        QCOMPARE(again.current()->id, source.id);
    }

    // The server stops: a quiet notice in the status bar, the tiles already seen, no dialog.
    server.stop();
    QSignalSpy notice(canvas, &gui::MapCanvas::baseMapNotice);
    canvas->zoomBy(3.0); // tiles never fetched
    QTRY_VERIFY_WITH_TIMEOUT(!notice.isEmpty() && !notice.last().first().toString().isEmpty(),
                             30000);
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("hors ligne")));
    QVERIFY(layer->frame().offline);
    QVERIFY(QApplication::activeModalWidget() == nullptr);

    // None: the plain background again.
    w.baseMapMenu()->choose(std::nullopt);
    QVERIFY(!layer->source());
    QVERIFY(!canvas->settings().hasBaseMap());
}

void TestBaseMap::cleanupTestCase()
{
    if (m_window)
        m_window->baseMapMenu()->choose(std::nullopt);
    m_window.reset();
    m_server.stop();
}

QTEST_MAIN(TestBaseMap)
#include "test_basemap.moc"
