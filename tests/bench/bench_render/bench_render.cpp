// SPDX-License-Identifier: GPL-3.0-or-later
// Frame times of MapRenderer at 1280 x 800 on a one-million-point incidents layer (clustered,
// 6 categories, three years of timestamps) over 80 labelled polygons. Prints the median of 20
// frames per case. Run: QT_QPA_PLATFORM=offscreen ./bench_render [points]
// (BENCH_NOLABELS=1 leaves the polygon labels out, to see their share of the frame.)
#include "render/maprenderer.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

using namespace vigie;
using namespace vigie::render;

namespace {

class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    double uniform()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(m_state >> 11) / double(1ULL << 53);
    }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-12);
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * uniform());
    }

private:
    std::uint64_t m_state;
};

core::LayerManifest manifest(const char *id)
{
    QFile f(QStringLiteral(":/vigie/layers/%1.json").arg(QLatin1String(id)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing manifest %s", id);
    auto m = core::LayerManifest::fromJson(f.readAll(), f.fileName());
    if (!m.ok())
        qFatal("bad manifest %s", id);
    return m.value();
}

constexpr double kX0 = 885000, kY0 = 6235000, kSize = 20000; // a 20 km square
constexpr std::int64_t kStart = 1640995200;                  // 2022-01-01
constexpr std::int64_t kYears3 = 3 * 365 * 86400LL;

core::LayerSnapshotPtr makePoints(std::size_t n)
{
    auto s = std::make_shared<core::LayerSnapshot>();
    s->manifest = manifest("incidents");
    Lcg rng(42);
    struct Cluster
    {
        double x, y, sd;
        int mainCategory;
    };
    std::vector<Cluster> clusters;
    for (int i = 0; i < 40; ++i)
        clusters.push_back({kX0 + 2000 + rng.uniform() * (kSize - 4000),
                            kY0 + 2000 + rng.uniform() * (kSize - 4000), 100 + rng.uniform() * 700,
                            int(rng.uniform() * 6)});
    s->fids.reserve(n);
    s->x.reserve(n);
    s->y.reserve(n);
    s->time.reserve(n);
    s->category.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        double x, y;
        int cat = int(rng.uniform() * 6);
        if (rng.uniform() < 0.8) {
            const Cluster &c = clusters[std::size_t(rng.uniform() * clusters.size())];
            x = c.x + rng.normal() * c.sd;
            y = c.y + rng.normal() * c.sd;
            if (rng.uniform() < 0.5)
                cat = c.mainCategory;
        } else {
            x = kX0 + rng.uniform() * kSize;
            y = kY0 + rng.uniform() * kSize;
        }
        s->fids.push_back(std::int64_t(i + 1));
        s->x.push_back(x);
        s->y.push_back(y);
        s->category.push_back(std::int16_t(cat));
        s->time.push_back(kStart + std::int64_t(rng.uniform() * double(kYears3)));
    }
    s->extent = QRectF(kX0, kY0, kSize, kSize);
    s->minTime = kStart;
    s->maxTime = kStart + kYears3;
    return s;
}

core::LayerSnapshotPtr makePolygons()
{
    auto s = std::make_shared<core::LayerSnapshot>();
    s->manifest = manifest("quartiers");
    const int nx = 10, ny = 8;
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j < ny; ++j) {
            const double w = kSize / nx, h = kSize / ny;
            const double x = kX0 + i * w, y = kY0 + j * h;
            core::Path ring;
            for (int k = 0; k <= 40; ++k) { // 40 vertices a side, like real boundaries
                const double t = k / 40.0;
                ring.push_back({x + w * t, y + std::sin(t * 9.0 + i) * 40.0});
            }
            for (int k = 1; k <= 40; ++k)
                ring.push_back({x + w + std::sin(k * 0.7) * 30.0, y + h * k / 40.0});
            for (int k = 1; k <= 40; ++k)
                ring.push_back({x + w - w * k / 40.0, y + h});
            for (int k = 1; k <= 40; ++k)
                ring.push_back({x, y + h - h * k / 40.0});
            core::Geometry g;
            g.polygons.push_back({ring});
            g.bounds = QRectF(x - 50, y - 50, w + 100, h + 100);
            s->geometries.push_back(std::move(g));
            s->fids.push_back(std::int64_t(s->fids.size() + 1));
            s->labels.push_back(QStringLiteral("Quartier %1").arg(s->fids.size()));
        }
    s->extent = QRectF(kX0, kY0, kSize, kSize);
    return s;
}

struct Result
{
    double median;
    RenderStats last;
};

Result measure(const MapSettings &settings, QImage &image, int frames)
{
    std::vector<double> ms;
    RenderStats st;
    for (int i = 0; i < frames + 2; ++i) { // two warm-up frames
        QPainter p(&image);
        st = MapRenderer::render(settings, p);
        p.end();
        if (i >= 2)
            ms.push_back(st.milliseconds);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], st};
}

void print(const char *name, const Result &r)
{
    std::printf("%-44s %8.2f ms  (markers %zu, aggregated %zu, labels %d)\n", name, r.median,
                r.last.featuresDrawn, r.last.pointsAggregated, r.last.labelsDrawn);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a benchmark needs no screen
    QGuiApplication app(argc, argv);
    const std::size_t n = argc > 1 ? std::size_t(std::atoll(argv[1])) : 1000000;
    std::printf("bench_render: %zu points, 80 polygons, 1280 x 800\n", n);
    MapSettings settings;
    settings.outputSize = QSize(1280, 800);
    MapLayer polygons;
    polygons.data = makePolygons();
    polygons.showLabels = qEnvironmentVariableIsEmpty("BENCH_NOLABELS");
    MapLayer points;
    points.data = makePoints(n);
    settings.layers = {polygons, points};
    QImage image(settings.outputSize, QImage::Format_ARGB32_Premultiplied);
    const int frames = 20;

    settings.extent = QRectF(kX0, kY0, kSize, kSize);
    {
        QPainter p(&image); // the first frame also builds the snapshot's point index
        const RenderStats first = MapRenderer::render(settings, p);
        std::printf("%-44s %8.2f ms\n", "first frame (builds the point index)", first.milliseconds);
    }
    const Result full = measure(settings, image, frames);
    print("full extent (aggregated)", full);
    image.save(QDir::temp().filePath(QStringLiteral("bench_render_full.png")));

    // A 2 km view on a busy spot (the densest point cluster's neighbourhood).
    settings.extent = QRectF(points.data->x[0] - 1000, points.data->y[0] - 625, 2000, 1250);
    const Result zoom = measure(settings, image, frames);
    print("2 km zoom (individual markers)", zoom);
    image.save(QDir::temp().filePath(QStringLiteral("bench_render_zoom.png")));

    settings.extent = QRectF(kX0, kY0, kSize, kSize);
    settings.timeFrom = kStart + 400 * 86400LL;
    settings.timeTo = settings.timeFrom + 30 * 86400LL - 1;
    const Result month = measure(settings, image, frames);
    print("full extent, one-month time filter", month);
    image.save(QDir::temp().filePath(QStringLiteral("bench_render_month.png")));
    settings.timeFrom = settings.timeTo = core::LayerSnapshot::kNoTime;

    // Pan: a 5 km view sliding east 250 m per frame across the city.
    std::vector<double> pan;
    RenderStats st;
    for (int i = 0; i < 40; ++i) {
        settings.extent = QRectF(kX0 + 2000 + i * 250.0, kY0 + 7000, 5000, 3125);
        QPainter p(&image);
        st = MapRenderer::render(settings, p);
        p.end();
        pan.push_back(st.milliseconds);
    }
    double mean = 0.0;
    for (double v : pan)
        mean += v;
    mean /= double(pan.size());
    std::printf("%-44s %8.2f ms  (max %.2f ms; last: markers %zu, aggregated %zu)\n",
                "pan sequence, 5 km view, 40 frames (mean)", mean,
                *std::max_element(pan.begin(), pan.end()), st.featuresDrawn, st.pointsAggregated);
    return 0;
}
