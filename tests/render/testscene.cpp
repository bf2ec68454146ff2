// SPDX-License-Identifier: GPL-3.0-or-later
#include "testscene.h"

#include "render/decorations.h"

#include <QFile>
#include <QPainter>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigie::render::test {

double Lcg::normal()
{
    const double u1 = std::max(uniform(), 1e-12);
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

core::LayerManifest builtinManifest(const QString &id)
{
    QFile f(QStringLiteral(":/vigie/layers/%1.json").arg(id));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("built-in manifest %s is missing", qPrintable(id));
    auto m = core::LayerManifest::fromJson(f.readAll(), f.fileName());
    if (!m.ok())
        qFatal("built-in manifest %s does not parse: %s", qPrintable(id),
               qPrintable(m.error().message));
    return m.value();
}

std::shared_ptr<core::LayerSnapshot> emptySnapshot(const QString &id)
{
    auto s = std::make_shared<core::LayerSnapshot>();
    s->manifest = builtinManifest(id);
    return s;
}

void finish(core::LayerSnapshot &s)
{
    QRectF extent;
    if (!s.x.empty()) {
        const auto [x0, x1] = std::minmax_element(s.x.begin(), s.x.end());
        const auto [y0, y1] = std::minmax_element(s.y.begin(), s.y.end());
        extent = QRectF(QPointF(*x0, *y0), QPointF(*x1, *y1));
    }
    for (const core::Geometry &g : s.geometries)
        extent = extent.isNull() ? g.bounds : extent.united(g.bounds);
    s.extent = extent;
    s.minTime = s.maxTime = core::LayerSnapshot::kNoTime;
    for (std::int64_t t : s.time) {
        if (t == core::LayerSnapshot::kNoTime)
            continue;
        s.minTime = s.minTime == core::LayerSnapshot::kNoTime ? t : std::min(s.minTime, t);
        s.maxTime = s.maxTime == core::LayerSnapshot::kNoTime ? t : std::max(s.maxTime, t);
    }
}

namespace {

QRectF boundsOf(const std::vector<core::Path> &paths)
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const core::Path &p : paths)
        for (const QPointF &q : p) {
            x0 = std::min(x0, q.x());
            x1 = std::max(x1, q.x());
            y0 = std::min(y0, q.y());
            y1 = std::max(y1, q.y());
        }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

void addLine(core::LayerSnapshot &s, const core::Path &path, double flow)
{
    core::Geometry g;
    g.paths.push_back(path);
    g.bounds = boundsOf(g.paths);
    s.fids.push_back(std::int64_t(s.fids.size() + 1));
    s.geometries.push_back(std::move(g));
    s.numbers[QStringLiteral("flow")].push_back(flow);
}

void addPoint(core::LayerSnapshot &s, double x, double y, int category, std::int64_t time)
{
    s.fids.push_back(std::int64_t(s.fids.size() + 1));
    s.x.push_back(x);
    s.y.push_back(y);
    s.category.push_back(std::int16_t(category));
    if (!s.manifest.timeField.isEmpty())
        s.time.push_back(time);
}

} // namespace

void addPolygon(core::LayerSnapshot &s, const core::PolygonRings &rings, const QString &label)
{
    core::Geometry g;
    g.polygons.push_back(rings);
    g.bounds = boundsOf(rings);
    s.fids.push_back(std::int64_t(s.fids.size() + 1));
    s.geometries.push_back(std::move(g));
    s.labels.push_back(label);
}

MapSettings controlScene()
{
    constexpr std::int64_t k2024 = 1704067200; // 2024-01-01T00:00:00Z
    constexpr std::int64_t kDay = 86400;
    Lcg rng(20241123);

    // A 7 x 5 grid of nodes, interior nodes jittered: cells made of 3 x 3 nodes tile exactly.
    constexpr int nx = 7, ny = 5;
    QPointF nodes[nx][ny];
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j < ny; ++j) {
            double x = 889600.0 + i * 5800.0 / (nx - 1);
            double y = 6244700.0 + j * 4400.0 / (ny - 1);
            if (i > 0 && i < nx - 1 && j > 0 && j < ny - 1) {
                x += (rng.uniform() - 0.5) * 500.0;
                y += (rng.uniform() - 0.5) * 400.0;
            }
            nodes[i][j] = QPointF(x, y);
        }
    auto block = [&](int i0, int i1, int j0, int j1) {
        core::Path ring;
        for (int i = i0; i < i1; ++i)
            ring.push_back(nodes[i][j0]);
        for (int j = j0; j < j1; ++j)
            ring.push_back(nodes[i1][j]);
        for (int i = i1; i > i0; --i)
            ring.push_back(nodes[i][j1]);
        for (int j = j1; j > j0; --j)
            ring.push_back(nodes[i0][j]);
        ring.push_back(ring.front());
        return core::PolygonRings{ring};
    };

    auto quartiers = emptySnapshot(QStringLiteral("quartiers"));
    const char *names[2][3] = {{"Saint-Victor", "Opéra", "Noailles"},
                               {"La Joliette", "Le Panier", "Belsunce"}};
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 3; ++c)
            addPolygon(*quartiers, block(2 * c, 2 * c + 2, 2 * r, 2 * r + 2),
                       QString::fromUtf8(names[r][c]));
    finish(*quartiers);

    auto arrondissements = emptySnapshot(QStringLiteral("arrondissements"));
    addPolygon(*arrondissements, block(0, 2, 0, 4), QStringLiteral("2e"));
    addPolygon(*arrondissements, block(2, 6, 0, 4), QStringLiteral("1er"));
    finish(*arrondissements);

    auto traffic = emptySnapshot(QStringLiteral("traffic"));
    addLine(*traffic, {{889800, 6245300}, {890900, 6245800}, {891800, 6246350}}, 2200);
    addLine(*traffic, {{891800, 6246350}, {892900, 6247000}, {893700, 6247600}}, 1300);
    addLine(*traffic, {{893700, 6247600}, {894500, 6248100}, {895200, 6248500}}, 600);
    addLine(*traffic, {{889900, 6247500}, {891200, 6247380}, {892300, 6247420}}, 250);
    addLine(*traffic, {{892300, 6247420}, {893600, 6247300}, {894300, 6247250}}, 900);
    addLine(*traffic, {{894300, 6247250}, {895100, 6247200}}, 1700);
    addLine(*traffic, {{893000, 6248800}, {893050, 6247900}, {892950, 6247000}}, 450);
    addLine(*traffic, {{892950, 6247000}, {893100, 6246000}, {893000, 6245000}}, 120);
    finish(*traffic);

    auto incidents = emptySnapshot(QStringLiteral("incidents"));
    struct Cluster
    {
        double x, y, sd;
        double weights[6];
    };
    const Cluster clusters[] = {
        {892300, 6246900, 260, {0.45, 0.30, 0.10, 0.05, 0.05, 0.05}},
        {893000, 6248050, 330, {0.10, 0.10, 0.10, 0.55, 0.05, 0.10}},
        {891000, 6246000, 300, {0.10, 0.05, 0.30, 0.05, 0.40, 0.10}},
    };
    auto pick = [&rng](const double *w) {
        double u = rng.uniform();
        for (int k = 0; k < 6; ++k) {
            if (u < w[k])
                return k;
            u -= w[k];
        }
        return 5;
    };
    for (int i = 0; i < 2000; ++i) {
        const double u = rng.uniform();
        double x, y;
        int cat;
        if (u < 0.75) {
            const Cluster &c = clusters[std::min(2, int(u / 0.25))];
            x = c.x + rng.normal() * c.sd;
            y = c.y + rng.normal() * c.sd;
            cat = pick(c.weights);
        } else {
            x = 890000 + rng.uniform() * 5000;
            y = 6245000 + rng.uniform() * 3750;
            cat = int(rng.uniform() * 6);
        }
        addPoint(*incidents, x, y, cat, k2024 + std::int64_t(rng.uniform() * 365 * kDay));
    }
    finish(*incidents);

    auto cameras = emptySnapshot(QStringLiteral("cameras"));
    addPoint(*cameras, 892550, 6247150, 0, k2024 - 400 * kDay);
    addPoint(*cameras, 891750, 6245850, 1, k2024 - 200 * kDay);
    cameras->endTime = {core::LayerSnapshot::kNoTime, core::LayerSnapshot::kNoTime};
    cameras->numbers[QStringLiteral("direction")] = {45.0, 200.0};
    cameras->numbers[QStringLiteral("fov")] = {60.0, 90.0};
    cameras->numbers[QStringLiteral("range_m")] = {260.0, 190.0};
    finish(*cameras);

    auto events = emptySnapshot(QStringLiteral("events"));
    addPoint(*events, 893600, 6245750, 2, k2024 + 100 * kDay);
    addPoint(*events, 891250, 6247300, 1, k2024 + 150 * kDay);
    events->endTime = {k2024 + 100 * kDay + 6 * 3600, k2024 + 150 * kDay + 4 * 3600};
    events->labels = {QString::fromUtf8("Marché de Noailles"), QStringLiteral("Concert au J4")};
    finish(*events);

    MapSettings settings;
    settings.extent = QRectF(890000, 6245000, 5000, 3750);
    settings.outputSize = QSize(640, 480);
    settings.dpi = 96.0;
    settings.language = QStringLiteral("fr");
    auto layer = [](std::shared_ptr<core::LayerSnapshot> s) {
        MapLayer l;
        l.data = std::move(s);
        return l;
    };
    settings.layers.push_back(layer(quartiers));
    settings.layers.push_back(layer(traffic));
    settings.layers.push_back(layer(arrondissements));
    settings.layers.push_back(layer(incidents));
    settings.layers.back().opacity = 0.9;
    settings.layers.push_back(layer(cameras));
    MapLayer ev = layer(events);
    ev.categoryVisible = {false, true, true, false, false, false};
    settings.layers.push_back(ev);
    return settings;
}

void drawDecorations(QImage &image, const MapSettings &settings)
{
    QPainter p(&image);
    const int w = settings.outputSize.width();
    const int h = settings.outputSize.height();
    drawNorthArrow(p, QRectF(10, 10, 36, 46));
    drawScaleBar(p, settings, QRectF(12, h - 34, 170, 26));
    const QRectF legend = drawLegend(p, settings, QPointF(0, 0), settings.language, false);
    drawLegend(p, settings, QPointF(w - legend.width() - 8, 8), settings.language);
}

} // namespace vigie::render::test
