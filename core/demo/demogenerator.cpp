// SPDX-License-Identifier: GPL-3.0-or-later
// The demo workspace: a synthetic but plausible Marseille (see docs/demo.md). Everything random
// comes from vigie::analytics::Rng streams derived from DemoOptions::seed, so the same options
// give the same file, byte for byte.
#include "demogenerator.h"
#include "../argtext.h"

#include "io/atomicfile.h"
#include "io/gdalerrorscope.h"

#include "../analytics/feedback.h"
#include "../analytics/pointprocess.h"
#include "../analytics/rng.h"
#include "../layerregistry.h"
#include "../store/store.h"
#include "../store/wkb.h"
#include "demoreference.h"
#include "demotables.h"
#include "marseilledata.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <cpl_error.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <numeric>

namespace vigie::core {

namespace {

using analytics::DiscreteSampler;
using analytics::Rng;

constexpr const char *kContext = "vigie::core::DemoGenerator";

void progress(analytics::Feedback *feedback, double percent, const char *step)
{
    analytics::throwIfCanceled(feedback);
    if (feedback)
        feedback->setProgress(percent, QCoreApplication::translate(kContext, step).toStdString());
}

// Independent random streams, one per part of the generation.
enum Stream : std::uint64_t {
    StreamPopulation = 1,
    StreamTraffic,
    StreamEvents,
    StreamIncidents,
    StreamOffspring,
    StreamCameras,
    StreamSeries,
    StreamEventIncidents,
};

using detail::GdalErrorScope;

// --- plain geometry ---------------------------------------------------------------------------

struct Pt
{
    double x = 0.0;
    double y = 0.0;
};

struct Box
{
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    void add(double x, double y)
    {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    bool contains(double x, double y) const
    {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
};

/// Polygons (exterior ring then holes) copied out of OGR for fast point-in-polygon tests.
struct Area
{
    std::vector<std::vector<std::vector<Pt>>> polygons;
    Box box;

    static bool inRing(const std::vector<Pt> &ring, double x, double y)
    {
        bool inside = false;
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Pt &a = ring[i];
            const Pt &b = ring[j];
            if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
        return inside;
    }
    bool contains(double x, double y) const
    {
        if (!box.contains(x, y))
            return false;
        for (const auto &polygon : polygons) {
            if (polygon.empty() || !inRing(polygon.front(), x, y))
                continue;
            bool inHole = false;
            for (std::size_t h = 1; h < polygon.size() && !inHole; ++h)
                inHole = inRing(polygon[h], x, y);
            if (!inHole)
                return true;
        }
        return false;
    }

    static Area fromOgr(const OGRMultiPolygon &multi)
    {
        Area area;
        for (const OGRPolygon *polygon : multi) {
            std::vector<std::vector<Pt>> rings;
            for (const OGRLinearRing *ring : *polygon) {
                std::vector<Pt> pts;
                pts.reserve(std::size_t(ring->getNumPoints()));
                for (const OGRPoint &p : *ring) {
                    pts.push_back({p.getX(), p.getY()});
                    area.box.add(p.getX(), p.getY());
                }
                rings.push_back(std::move(pts));
            }
            area.polygons.push_back(std::move(rings));
        }
        return area;
    }
};

OGRLinearRing makeRing(const std::vector<std::pair<double, double>> &pts)
{
    OGRLinearRing ring;
    for (const auto &[x, y] : pts)
        ring.addPoint(x, y);
    ring.closeRings();
    return ring;
}

/// Keeps the polygonal parts of any geometry as a MultiPolygon, dropping slivers and pin holes
/// below minArea (m²).
std::unique_ptr<OGRMultiPolygon> polygonsOf(const OGRGeometry *geometry, double minArea)
{
    auto out = std::make_unique<OGRMultiPolygon>();
    if (!geometry)
        return out;
    std::vector<const OGRGeometry *> stack{geometry};
    while (!stack.empty()) {
        const OGRGeometry *g = stack.back();
        stack.pop_back();
        const auto type = wkbFlatten(g->getGeometryType());
        if (type == wkbPolygon) {
            const auto *polygon = g->toPolygon();
            if (polygon->get_Area() < minArea)
                continue;
            OGRPolygon cleaned;
            OGRLinearRing exterior(*polygon->getExteriorRing());
            cleaned.addRing(&exterior);
            for (int h = 0; h < polygon->getNumInteriorRings(); ++h) {
                const OGRLinearRing *hole = polygon->getInteriorRing(h);
                if (hole->get_Area() >= minArea) {
                    OGRLinearRing copy(*hole);
                    cleaned.addRing(&copy);
                }
            }
            out->addGeometry(&cleaned);
        } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
            const auto *collection = g->toGeometryCollection();
            for (int i = collection->getNumGeometries() - 1; i >= 0; --i)
                stack.push_back(collection->getGeometryRef(i));
        }
    }
    // The stack reversed the order of collection members; restore a stable order.
    auto ordered = std::make_unique<OGRMultiPolygon>();
    std::vector<const OGRPolygon *> parts(out->begin(), out->end());
    std::stable_sort(parts.begin(), parts.end(), [](const OGRPolygon *a, const OGRPolygon *b) {
        OGREnvelope ea, eb;
        a->getEnvelope(&ea);
        b->getEnvelope(&eb);
        return std::tie(ea.MinX, ea.MinY) < std::tie(eb.MinX, eb.MinY);
    });
    for (const OGRPolygon *p : parts)
        ordered->addGeometry(p);
    return ordered;
}

std::vector<unsigned char> wkbOf(const OGRGeometry &geometry)
{
    std::vector<unsigned char> wkb(std::size_t(geometry.WkbSize()));
    geometry.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return wkb;
}

/// A traffic segment's line as the store's WKB.
std::vector<unsigned char> lineWkb(const std::vector<Pt> &pts)
{
    Path path;
    path.reserve(pts.size());
    for (const Pt &p : pts)
        path.emplace_back(p.x, p.y);
    return lineStringToWkb(path);
}

/// Convex polygon clipped to the half-plane a*x + b*y <= c (Sutherland-Hodgman, one edge).
std::vector<Pt> clipHalfPlane(const std::vector<Pt> &poly, double a, double b, double c)
{
    std::vector<Pt> out;
    const std::size_t n = poly.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Pt &p = poly[i];
        const Pt &q = poly[(i + 1) % n];
        const double fp = a * p.x + b * p.y - c;
        const double fq = a * q.x + b * q.y - c;
        if (fp <= 0.0)
            out.push_back(p);
        if ((fp < 0.0 && fq > 0.0) || (fp > 0.0 && fq < 0.0)) {
            const double s = fp / (fp - fq);
            out.push_back({p.x + s * (q.x - p.x), p.y + s * (q.y - p.y)});
        }
    }
    return out;
}

/// Makes vertices that are equal up to rounding noise exactly equal, so that neighbouring
/// Voronoi cells share their edges bit for bit and union without slivers.
class VertexSnapper
{
public:
    Pt snap(Pt p)
    {
        const auto kx = static_cast<std::int64_t>(std::floor(p.x));
        const auto ky = static_cast<std::int64_t>(std::floor(p.y));
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = m_cells.find({kx + dx, ky + dy});
                if (it == m_cells.end())
                    continue;
                for (const Pt &q : it->second) {
                    if (std::abs(q.x - p.x) < 1e-4 && std::abs(q.y - p.y) < 1e-4)
                        return q;
                }
            }
        }
        m_cells[{kx, ky}].push_back(p);
        return p;
    }

private:
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<Pt>> m_cells;
};

// --- the city -----------------------------------------------------------------------------------

struct Quartier
{
    QString code;
    QString name;
    int arrondissement = 0;
    Pt seed;
    std::unique_ptr<OGRMultiPolygon> geometry;
    Area area;
    double areaKm2 = 0.0;
    std::int64_t population = 0;
};

struct Arrondissement
{
    int number = 0;
    std::unique_ptr<OGRMultiPolygon> geometry;
    double areaKm2 = 0.0;
    std::int64_t population = 0;
};

/// Finds the quartier containing a point through a coarse grid of candidate lists.
class QuartierIndex
{
public:
    void build(const std::vector<Quartier> &quartiers, double cellSize)
    {
        m_quartiers = &quartiers;
        m_cell = cellSize;
        for (const auto &q : quartiers) {
            m_box.add(q.area.box.minX, q.area.box.minY);
            m_box.add(q.area.box.maxX, q.area.box.maxY);
        }
        m_nx = int(std::ceil((m_box.maxX - m_box.minX) / m_cell)) + 1;
        m_ny = int(std::ceil((m_box.maxY - m_box.minY) / m_cell)) + 1;
        m_cells.assign(std::size_t(m_nx) * std::size_t(m_ny), {});
        for (std::size_t i = 0; i < quartiers.size(); ++i) {
            const Box &b = quartiers[i].area.box;
            const int x0 = cellX(b.minX), x1 = cellX(b.maxX);
            const int y0 = cellY(b.minY), y1 = cellY(b.maxY);
            for (int cy = y0; cy <= y1; ++cy)
                for (int cx = x0; cx <= x1; ++cx)
                    m_cells[std::size_t(cy) * std::size_t(m_nx) + std::size_t(cx)].push_back(
                        int(i));
        }
    }
    int find(double x, double y) const
    {
        if (!m_box.contains(x, y))
            return -1;
        for (int i : m_cells[std::size_t(cellY(y)) * std::size_t(m_nx) + std::size_t(cellX(x))]) {
            if ((*m_quartiers)[std::size_t(i)].area.contains(x, y))
                return i;
        }
        return -1;
    }

private:
    int cellX(double x) const { return std::clamp(int((x - m_box.minX) / m_cell), 0, m_nx - 1); }
    int cellY(double y) const { return std::clamp(int((y - m_box.minY) / m_cell), 0, m_ny - 1); }
    const std::vector<Quartier> *m_quartiers = nullptr;
    Box m_box;
    double m_cell = 200.0;
    int m_nx = 0, m_ny = 0;
    std::vector<std::vector<int>> m_cells;
};

struct City
{
    std::vector<Quartier> quartiers;
    std::vector<Arrondissement> arrondissements;
    std::unique_ptr<OGRPolygon> mainland;
    QuartierIndex index;

    int quartierByCode(const char *code) const
    {
        for (std::size_t i = 0; i < quartiers.size(); ++i)
            if (quartiers[i].code == QLatin1String(code))
                return int(i);
        return -1;
    }
};

void buildGeometry(City &city)
{
    GdalErrorScope errors;
    const auto &seeds = demo::quartierSeeds();
    auto mainland = std::make_unique<OGRPolygon>();
    {
        OGRLinearRing ring = makeRing(demo::cityOutline());
        mainland->addRing(&ring);
    }
    OGREnvelope env;
    mainland->getEnvelope(&env);
    const double margin = 20000.0;
    const std::vector<Pt> bigBox = {{env.MinX - margin, env.MinY - margin},
                                    {env.MaxX + margin, env.MinY - margin},
                                    {env.MaxX + margin, env.MaxY + margin},
                                    {env.MinX - margin, env.MaxY + margin}};

    OGRMultiPolygon islands;
    for (const auto &pts : demo::islandRings()) {
        OGRPolygon island;
        OGRLinearRing ring = makeRing(pts);
        island.addRing(&ring);
        islands.addGeometry(&island);
    }

    VertexSnapper snapper;
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        const auto &s = seeds[i];
        // Voronoi cell of seed i: the big box cut by the bisector half-plane of every other seed.
        std::vector<Pt> cell = bigBox;
        for (std::size_t j = 0; j < seeds.size() && !cell.empty(); ++j) {
            if (j == i)
                continue;
            const double a = seeds[j].x - s.x;
            const double b = seeds[j].y - s.y;
            const double c = a * (seeds[j].x + s.x) / 2.0 + b * (seeds[j].y + s.y) / 2.0;
            cell = clipHalfPlane(cell, a, b, c);
        }
        OGRLinearRing ring;
        Pt previous{std::nan(""), std::nan("")};
        for (const Pt &p : cell) {
            const Pt q = snapper.snap(p);
            if (q.x == previous.x && q.y == previous.y)
                continue;
            ring.addPoint(q.x, q.y);
            previous = q;
        }
        ring.closeRings();
        OGRPolygon cellPolygon;
        cellPolygon.addRing(&ring);

        Quartier q;
        q.code = QString::fromUtf8(s.code);
        q.name = QString::fromUtf8(s.name);
        q.arrondissement = s.arrondissement;
        q.seed = {s.x, s.y};
        std::unique_ptr<OGRGeometry> clipped(cellPolygon.Intersection(mainland.get()));
        if (!clipped)
            throw Exception(ErrorCode::Internal,
                            QCoreApplication::translate("vigie::core::DemoGenerator",
                                                        "Could not clip the demo quartier %1: %2")
                                .arg(q.name, errors.lastError()));
        if (q.code == QLatin1String(demo::kIslandsQuartierCode)) {
            std::unique_ptr<OGRGeometry> withIslands(clipped->Union(&islands));
            if (withIslands)
                clipped = std::move(withIslands);
        }
        q.geometry = polygonsOf(clipped.get(), 1.0);
        if (q.geometry->IsEmpty())
            throw Exception(ErrorCode::Internal, QCoreApplication::translate(
                                                     "vigie::core::DemoGenerator",
                                                     "The demo quartier %1 has an empty geometry.")
                                                     .arg(q.name));
        if (!q.geometry->IsValid()) {
            std::unique_ptr<OGRGeometry> valid(q.geometry->MakeValid());
            q.geometry = polygonsOf(valid.get(), 1.0);
        }
        q.area = Area::fromOgr(*q.geometry);
        q.areaKm2 = q.geometry->get_Area() / 1e6;
        city.quartiers.push_back(std::move(q));
    }

    for (int n = 1; n <= 16; ++n) {
        OGRMultiPolygon parts;
        for (const auto &q : city.quartiers)
            if (q.arrondissement == n)
                for (const OGRPolygon *p : *q.geometry)
                    parts.addGeometry(p);
        std::unique_ptr<OGRGeometry> merged(parts.UnionCascaded());
        if (!merged)
            throw Exception(ErrorCode::Internal,
                            QCoreApplication::translate(
                                "vigie::core::DemoGenerator",
                                "Could not merge the quartiers of arrondissement %1: %2")
                                .arg(argText(n), argText(errors.lastError())));
        Arrondissement a;
        a.number = n;
        a.geometry = polygonsOf(merged.get(), 1.0);
        a.areaKm2 = a.geometry->get_Area() / 1e6;
        city.arrondissements.push_back(std::move(a));
    }
    city.mainland = std::move(mainland);
    city.index.build(city.quartiers, 250.0);
}

/// Population: the arrondissement figure split among its quartiers by a noisy weight growing
/// with area (largest-remainder rounding, so the sums are exact).
void assignPopulation(City &city, std::uint64_t seed)
{
    Rng rng = Rng::stream(seed, StreamPopulation);
    for (auto &a : city.arrondissements) {
        a.population = demo::arrondissementPopulation(a.number);
        std::vector<std::size_t> members;
        std::vector<double> weights;
        for (std::size_t i = 0; i < city.quartiers.size(); ++i) {
            if (city.quartiers[i].arrondissement != a.number)
                continue;
            members.push_back(i);
            // The islands are nearly empty (a few hundred inhabitants at Port-Frioul).
            const bool islands =
                city.quartiers[i].code == QLatin1String(demo::kIslandsQuartierCode);
            weights.push_back(std::sqrt(city.quartiers[i].areaKm2 + 0.05) * rng.uniform(0.7, 1.3) *
                              (islands ? 0.04 : 1.0));
        }
        const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
        std::vector<std::pair<double, std::size_t>> remainders;
        std::int64_t given = 0;
        for (std::size_t k = 0; k < members.size(); ++k) {
            const double exact = double(a.population) * weights[k] / sum;
            const auto whole = static_cast<std::int64_t>(std::floor(exact));
            city.quartiers[members[k]].population = whole;
            given += whole;
            remainders.emplace_back(exact - double(whole), k);
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto &l, const auto &r) { return l.first > r.first; });
        for (std::int64_t r = 0; r < a.population - given; ++r)
            ++city.quartiers[members[remainders[std::size_t(r) % remainders.size()].second]]
                  .population;
    }
}

// --- time ----------------------------------------------------------------------------------------

/// Last Sunday of a month.
QDate lastSunday(int year, int month)
{
    QDate d(year, month, QDate(year, month, 1).daysInMonth());
    return d.addDays(-(d.dayOfWeek() % 7));
}

/// Europe/Paris local time to UTC by the EU rule (summer time from the last Sunday of March to
/// the last Sunday of October, at 01:00 UTC), computed here so no time zone database is needed.
QDateTime localToUtc(const QDate &date, double hourOfDay)
{
    const qint64 seconds = qint64(std::floor(hourOfDay * 3600.0));
    const QDateTime local(date, QTime(0, 0), Qt::UTC);
    const QDateTime asUtc = local.addSecs(seconds);
    const int year = date.year();
    const QDateTime summerStart(lastSunday(year, 3), QTime(1, 0), Qt::UTC);
    const QDateTime summerEnd(lastSunday(year, 10), QTime(1, 0), Qt::UTC);
    const QDateTime summer = asUtc.addSecs(-7200);
    if (summer >= summerStart && summer < summerEnd)
        return summer;
    return asUtc.addSecs(-3600);
}

// --- incident model ----------------------------------------------------------------------------

enum Category { AtteintesBiens, Violences, Nuisances, Stupefiants, Accidents, Incivilites, NCat };
static_assert(NCat == demo::kCategories);

const std::array<const char *, NCat> kCategoryValue = {
    "atteintes_biens", "violences", "nuisances", "stupefiants", "accidents", "incivilites"};

using demo::CategoryModel;
using demo::categoryModels;

struct Hotspot
{
    Pt centre;
    double sigma;
    std::array<double, NCat> weight;
    bool summer; ///< only really active from June to August (beaches)
};

/// Persistent hotspots: a few explicit places (Lambert-93) and a few quartiers by code.
std::vector<Hotspot> hotspots(const City &city)
{
    std::vector<Hotspot> list;
    for (const demo::HotspotPlace &h : demo::hotspotPlaces())
        list.push_back({{h.x, h.y}, h.sigma, h.weight, h.summer});
    const auto &byCode = demo::hotspotQuartiers();
    for (const auto &b : byCode) {
        const int q = city.quartierByCode(b.code);
        if (q >= 0)
            list.push_back({city.quartiers[std::size_t(q)].seed, b.sigma, b.weight, false});
    }
    return list;
}

// --- traffic
// ---------------------------------------------------------------------------------------

using demo::axes;
using demo::Axis;

struct Segment
{
    QString id;
    QString name;
    QString roadClass;
    std::vector<Pt> points;
    double length = 0.0;
    double baseFlow = 0.0;
    double flow = 0.0;
    std::vector<double> series;
};

double polylineLength(const std::vector<Pt> &pts)
{
    double len = 0.0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        len += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    return len;
}

/// The part of a polyline between distances from and to along it.
std::vector<Pt> subLine(const std::vector<Pt> &pts, double from, double to)
{
    std::vector<Pt> out;
    double walked = 0.0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const Pt &a = pts[i - 1];
        const Pt &b = pts[i - 1 + 1];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const double s0 = walked, s1 = walked + len;
        walked = s1;
        if (s1 < from || s0 > to || len <= 0.0)
            continue;
        const double t0 = std::max(0.0, (from - s0) / len);
        const double t1 = std::min(1.0, (to - s0) / len);
        const Pt p0{a.x + t0 * (b.x - a.x), a.y + t0 * (b.y - a.y)};
        const Pt p1{a.x + t1 * (b.x - a.x), a.y + t1 * (b.y - a.y)};
        if (out.empty() || out.back().x != p0.x || out.back().y != p0.y)
            out.push_back(p0);
        out.push_back(p1);
    }
    return out;
}

Pt pointAlong(const std::vector<Pt> &pts, double at, double *dirX = nullptr, double *dirY = nullptr)
{
    double walked = 0.0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const Pt &a = pts[i - 1];
        const Pt &b = pts[i];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len > 0.0 && (walked + len >= at || i + 1 == pts.size())) {
            const double t = std::clamp((at - walked) / len, 0.0, 1.0);
            if (dirX && dirY) {
                *dirX = (b.x - a.x) / len;
                *dirY = (b.y - a.y) / len;
            }
            return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        }
        walked += len;
    }
    return pts.empty() ? Pt{} : pts.back();
}

std::vector<Segment> buildTraffic(const City &city, std::uint64_t seed)
{
    GdalErrorScope errors;
    Rng rng = Rng::stream(seed, StreamTraffic);
    std::vector<Segment> segments;
    const double pieceLength = 560.0;
    for (const Axis &axis : axes()) {
        OGRLineString line;
        for (const demo::Waypoint &p : axis.waypoints)
            line.addPoint(p.x, p.y);
        std::unique_ptr<OGRGeometry> inside(line.Intersection(city.mainland.get()));
        if (!inside)
            continue;
        std::vector<std::vector<Pt>> parts;
        std::vector<const OGRGeometry *> stack{inside.get()};
        while (!stack.empty()) {
            const OGRGeometry *g = stack.back();
            stack.pop_back();
            const auto type = wkbFlatten(g->getGeometryType());
            if (type == wkbLineString) {
                std::vector<Pt> pts;
                for (const OGRPoint &p : *g->toLineString())
                    pts.push_back({p.getX(), p.getY()});
                parts.push_back(std::move(pts));
            } else if (type == wkbMultiLineString || type == wkbGeometryCollection) {
                const auto *c = g->toGeometryCollection();
                for (int i = c->getNumGeometries() - 1; i >= 0; --i)
                    stack.push_back(c->getGeometryRef(i));
            }
        }
        const double axisFlow = rng.uniform(axis.flowMin, axis.flowMax);
        for (const auto &part : parts) {
            const double len = polylineLength(part);
            if (len < 120.0)
                continue;
            const int pieces = std::max(1, int(std::lround(len / pieceLength)));
            for (int k = 0; k < pieces; ++k) {
                Segment s;
                s.name = QString::fromUtf8(axis.name);
                s.roadClass = QString::fromLatin1(axis.roadClass);
                s.points = subLine(part, len * k / pieces, len * (k + 1) / pieces);
                s.length = polylineLength(s.points);
                s.baseFlow = axisFlow * rng.uniform(0.8, 1.2);
                if (s.points.size() >= 2)
                    segments.push_back(std::move(s));
            }
        }
    }
    for (std::size_t i = 0; i < segments.size(); ++i)
        segments[i].id = QStringLiteral("TR-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
    return segments;
}

/// Hourly traffic shape (mean about 1 over a week): two rush hours on weekdays, a broad midday
/// hump at weekends.
double trafficShape(int hour, bool weekend)
{
    static const std::array<double, 24> weekday = {0.18, 0.11, 0.08, 0.08, 0.12, 0.35, 0.95, 1.75,
                                                   2.05, 1.55, 1.15, 1.1,  1.2,  1.15, 1.15, 1.3,
                                                   1.6,  2.0,  2.1,  1.6,  1.05, 0.75, 0.5,  0.3};
    static const std::array<double, 24> weekendShape = {
        0.3,  0.22, 0.16, 0.12, 0.1,  0.15, 0.3,  0.5,  0.8, 1.05, 1.25, 1.35,
        1.35, 1.25, 1.2,  1.2,  1.25, 1.3,  1.25, 1.05, 0.8, 0.6,  0.48, 0.38};
    return weekend ? 0.85 * weekendShape[std::size_t(hour)] : weekday[std::size_t(hour)];
}

// --- events
// ------------------------------------------------------------------------------------------

struct Venue
{
    const char *name;
    Pt at;
};

// Places (Lambert-93, from their WGS 84 coordinates).
const Venue kVelodrome{"Orange Vélodrome", {894599.0, 6244132.0}};
const Venue kDome{"Le Dôme", {894709.0, 6248240.0}};
const Venue kChanot{"Parc Chanot", {893955.0, 6244191.0}};
const Venue kVieuxPort{"Vieux-Port", {892776.0, 6246891.0}};
const Venue kReformes{"Canebière - Réformés", {893615.0, 6247350.0}};
const Venue kNoailles{"Marché de Noailles", {893218.0, 6247060.0}};
const Venue kPrado{"Avenue du Prado", {893987.0, 6245804.0}};
const Venue kPlages{"Plages du Prado", {892851.0, 6243045.0}};
const Venue kDocks{"Dock des Suds", {892171.0, 6249475.0}};
const Venue kCoursJulien{"Cours Julien", {893512.0, 6246735.0}};
const Venue kBorely{"Parc Borély", {893488.0, 6242975.0}};
const Venue kFriche{"Friche la Belle de Mai", {894032.0, 6248620.0}};
const Venue kPharo{"Palais du Pharo", {891697.0, 6246592.0}};

struct DemoEvent
{
    QString name;
    QString kind;
    QString venue;
    Pt at;
    QDateTime start;
    QDateTime end;
    std::int64_t attendance = 0;
};

class EventBuilder
{
public:
    EventBuilder(const DemoOptions &options, Rng &rng) : m_options(options), m_rng(rng) {}

    void add(const QString &name, const char *kind, const Venue &venue, const QDate &day,
             double startHour, double hours, std::int64_t attendance)
    {
        if (!day.isValid() || day < m_options.firstDay || day > m_options.lastDay)
            return;
        DemoEvent e;
        e.name = name;
        e.kind = QString::fromLatin1(kind);
        e.venue = QString::fromUtf8(venue.name);
        e.at = venue.at;
        e.start = localToUtc(day, startHour);
        e.end = e.start.addSecs(qint64(hours * 3600.0));
        e.attendance = attendance;
        m_events.push_back(std::move(e));
    }
    /// A day of the given weekday (1 = Monday) within [from, from + spanDays).
    QDate randomDay(const QDate &from, int spanDays, int weekday = 0)
    {
        QDate d = from.addDays(m_rng.between(0, spanDays - 1));
        if (weekday > 0)
            d = d.addDays((weekday - d.dayOfWeek() + 7) % 7);
        return d;
    }
    std::vector<DemoEvent> take() { return std::move(m_events); }

private:
    const DemoOptions &m_options;
    Rng &m_rng;
    std::vector<DemoEvent> m_events;
};

std::vector<DemoEvent> buildEvents(const DemoOptions &options)
{
    Rng rng = Rng::stream(options.seed, StreamEvents);
    EventBuilder b(options, rng);
    static const std::vector<const char *> clubs = {
        "Paris SG", "Lyon",  "Monaco",      "Lille",    "Rennes",       "Nice",  "Lens",
        "Nantes",   "Reims", "Montpellier", "Toulouse", "Strasbourg",   "Brest", "Lorient",
        "Le Havre", "Metz",  "Auxerre",     "Angers",   "Saint-Étienne"};
    static const std::vector<const char *> european = {
        "Ajax",        "Benfica", "Brighton", "Villarreal",  "Shakhtar",
        "Galatasaray", "Porto",   "Atalanta", "Sporting CP", "Betis"};
    const auto kickoff = [&](QDate sunday, QString name, std::int64_t attendance) {
        const double r = rng.uniform();
        if (r < 0.25)
            b.add(name, "football", kVelodrome, sunday.addDays(-1), 21.0, 2.0, attendance);
        else if (r < 0.4)
            b.add(name, "football", kVelodrome, sunday.addDays(-2), 21.0, 2.0, attendance);
        else
            b.add(name, "football", kVelodrome, sunday, 20.75, 2.0, attendance);
    };

    for (int year = options.firstDay.year() - 1; year <= options.lastDay.year(); ++year) {
        // Football season year/year+1: a home league match about every other weekend.
        QDate sunday = QDate(year, 8, 10);
        sunday = sunday.addDays((7 - sunday.dayOfWeek()) % 7);
        std::vector<std::size_t> order(clubs.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[std::size_t(rng.below(i))]);
        for (std::size_t m = 0; m < order.size(); ++m) {
            const QString opponent = QString::fromUtf8(clubs[order[m]]);
            const std::int64_t attendance = opponent == QLatin1String("Paris SG")
                                                ? rng.between(62000, 65000)
                                                : rng.between(40000, 62000);
            kickoff(sunday, QStringLiteral("OM - %1").arg(opponent), attendance);
            sunday = sunday.addDays(rng.bernoulli(0.8) ? 14 : 21);
            if (sunday.month() == 12 && sunday.day() > 20)
                sunday = sunday.addDays(21);
        }
        // European nights: Thursdays from September to March.
        for (int k = 0; k < 4; ++k) {
            const QDate day = b.randomDay(QDate(year, 9, 15), 180, 4);
            if (day.month() >= 4 && day.month() <= 8)
                continue;
            b.add(QStringLiteral("OM - %1").arg(
                      QString::fromUtf8(european[std::size_t(rng.below(european.size()))])),
                  "football", kVelodrome, day, 21.0, 2.0, rng.between(45000, 64000));
        }

        // Concerts.
        for (int k = 0; k < 4; ++k)
            b.add(QStringLiteral("Concert au Vélodrome"), "concert", kVelodrome,
                  b.randomDay(QDate(year, 6, 1), 50, 6), 20.0, 3.5, rng.between(45000, 62000));
        for (int k = 0; k < 20; ++k)
            b.add(QStringLiteral("Concert au Dôme"), "concert", kDome,
                  b.randomDay(QDate(year, 1, 8), 340, rng.bernoulli(0.5) ? 5 : 6), 20.0, 3.0,
                  rng.between(3500, 8500));
        for (int k = 0; k < 5; ++k)
            b.add(QStringLiteral("Concert au Parc Chanot"), "concert", kChanot,
                  b.randomDay(QDate(year, 3, 1), 250, 6), 20.0, 4.0, rng.between(4000, 12000));

        // Markets (attendance per day).
        b.add(QStringLiteral("Foire aux santons"), "marche", kVieuxPort,
              QDate(year, 11, 16).addDays(rng.between(0, 6)), 10.0, 24.0 * 38 + 9.0,
              rng.between(6000, 10000));
        b.add(QStringLiteral("Marché de Noël du Vieux-Port"), "marche", kVieuxPort,
              QDate(year, 12, 1), 11.0, 24.0 * 22 + 9.0, rng.between(5000, 9000));
        for (int k = 0; k < 2; ++k) {
            b.add(QStringLiteral("Braderie de Noailles"), "marche", kNoailles,
                  b.randomDay(QDate(year, 3 + 5 * k, 1), 60, 6), 8.0, 10.0,
                  rng.between(3000, 7000));
            b.add(QStringLiteral("Vide-greniers du Prado"), "marche", kPrado,
                  b.randomDay(QDate(year, 4 + 5 * k, 1), 60, 7), 7.0, 11.0,
                  rng.between(4000, 9000));
        }
        for (int k = 0; k < 3; ++k)
            b.add(QStringLiteral("Marché nocturne du Prado"), "marche", kPrado,
                  b.randomDay(QDate(year, 6 + k, 1), 28, 5), 18.0, 6.0, rng.between(2000, 5000));
        b.add(QStringLiteral("Marché des créateurs du Cours Julien"), "marche", kCoursJulien,
              b.randomDay(QDate(year, 5, 1), 30, 6), 10.0, 9.0, rng.between(1500, 4000));

        // Demonstrations from the Vieux-Port up the Canebière.
        b.add(QStringLiteral("Défilé du 1er mai"), "manifestation", kVieuxPort, QDate(year, 5, 1),
              10.5, 3.5, rng.between(8000, 20000));
        for (int k = 0; k < 11; ++k) {
            const bool saturday = rng.bernoulli(0.4);
            b.add(QStringLiteral("Manifestation Vieux-Port - Canebière"), "manifestation",
                  rng.bernoulli(0.7) ? kVieuxPort : kReformes,
                  b.randomDay(QDate(year, 1, 10), 345, saturday ? 6 : (rng.bernoulli(0.5) ? 2 : 4)),
                  10.5, 3.5, rng.between(1500, 25000));
        }

        // Festivals and other sports.
        b.add(QStringLiteral("Fête de la musique"), "festival", kCoursJulien, QDate(year, 6, 21),
              18.0, 7.0, rng.between(20000, 35000));
        b.add(QStringLiteral("Feu d'artifice du 14 juillet"), "festival", kVieuxPort,
              QDate(year, 7, 14), 21.0, 3.0, rng.between(50000, 70000));
        b.add(QStringLiteral("Festival de Marseille"), "festival", kFriche,
              b.randomDay(QDate(year, 6, 15), 10, 5), 19.0, 24.0 * 14 + 5.0,
              rng.between(2000, 4000));
        b.add(QStringLiteral("Fiesta des Suds"), "festival", kDocks,
              b.randomDay(QDate(year, 10, 5), 14, 5), 19.0, 24.0 * 2 + 8.0,
              rng.between(6000, 10000));
        b.add(QStringLiteral("Marsatac"), "festival", kChanot,
              b.randomDay(QDate(year, 6, 10), 14, 5), 19.0, 24.0 * 2 + 7.0,
              rng.between(10000, 16000));
        b.add(QStringLiteral("Marche des fiertés"), "manifestation", kVieuxPort,
              b.randomDay(QDate(year, 7, 1), 10, 6), 14.0, 5.0, rng.between(8000, 15000));
        b.add(QStringLiteral("Foire internationale de Marseille"), "festival", kChanot,
              b.randomDay(QDate(year, 9, 20), 7, 5), 10.0, 24.0 * 10 + 9.0,
              rng.between(15000, 25000));
        b.add(QStringLiteral("Run in Marseille"), "sport", kVelodrome,
              b.randomDay(QDate(year, 3, 25), 21, 7), 8.0, 6.0, rng.between(8000, 12000));
        b.add(QStringLiteral("Mondial La Marseillaise à pétanque"), "sport", kBorely,
              b.randomDay(QDate(year, 7, 1), 5, 7), 9.0, 24.0 * 4 + 11.0,
              rng.between(10000, 20000));
        b.add(QStringLiteral("Marseille-Cassis"), "sport", kVelodrome,
              b.randomDay(QDate(year, 10, 20), 10, 7), 9.0, 4.0, rng.between(15000, 20000));
        b.add(QStringLiteral("Rencontres au Pharo"), "festival", kPharo,
              b.randomDay(QDate(year, 9, 1), 60, 4), 9.0, 24.0 * 2 + 9.0, rng.between(1000, 3000));
        b.add(QStringLiteral("Nuit des plages du Prado"), "festival", kPlages,
              b.randomDay(QDate(year, 7, 15), 30, 6), 19.0, 6.0, rng.between(8000, 15000));
    }
    std::vector<DemoEvent> events = b.take();
    std::stable_sort(events.begin(), events.end(),
                     [](const DemoEvent &a, const DemoEvent &c) { return a.start < c.start; });
    return events;
}

// --- incidents
// -------------------------------------------------------------------------------------

struct Incident
{
    double x = 0.0;
    double y = 0.0;
    QDateTime at;
    int category = 0;
    int quartier = -1;
    int severity = 1;
    int reporter = 0;
};

/// Samples locations for one category: a mixture of quartiers (by population), hotspots and
/// road segments (by flow).
class LocationSampler
{
public:
    LocationSampler(const City &city, const std::vector<Hotspot> &spots,
                    const std::vector<Segment> &roads, int category, bool summer)
        : m_city(city), m_spots(spots), m_roads(roads)
    {
        const CategoryModel &m = categoryModels()[std::size_t(category)];
        const double quartierShare = 1.0 - m.hotspotShare - m.roadShare;
        std::vector<double> weights;
        double popSum = 0.0;
        for (const auto &q : city.quartiers)
            popSum += double(q.population) * quartierFactor(q, category);
        for (const auto &q : city.quartiers) {
            weights.push_back(quartierShare * double(q.population) * quartierFactor(q, category) /
                              popSum);
            m_kinds.push_back(0);
        }
        double spotSum = 0.0;
        for (const auto &s : spots)
            spotSum += spotWeight(s, category, summer);
        for (const auto &s : spots) {
            weights.push_back(
                spotSum > 0 ? m.hotspotShare * spotWeight(s, category, summer) / spotSum : 0.0);
            m_kinds.push_back(1);
        }
        double roadSum = 0.0;
        for (const auto &r : roads)
            roadSum += r.baseFlow * r.length;
        for (const auto &r : roads) {
            weights.push_back(roadSum > 0 ? m.roadShare * r.baseFlow * r.length / roadSum : 0.0);
            m_kinds.push_back(2);
        }
        m_sampler = DiscreteSampler(weights);
    }

    /// A point inside the city and its quartier index.
    std::pair<Pt, int> sample(Rng &rng) const
    {
        for (;;) {
            const std::size_t c = m_sampler(rng);
            const std::size_t nq = m_city.quartiers.size();
            if (m_kinds[c] == 0)
                return inQuartier(c, rng);
            if (m_kinds[c] == 1) {
                const Hotspot &s = m_spots[c - nq];
                for (int attempt = 0; attempt < 30; ++attempt) {
                    const Pt p{rng.normal(s.centre.x, s.sigma), rng.normal(s.centre.y, s.sigma)};
                    const int q = m_city.index.find(p.x, p.y);
                    if (q >= 0)
                        return {p, q};
                }
                continue;
            }
            const Segment &r = m_roads[c - nq - m_spots.size()];
            for (int attempt = 0; attempt < 30; ++attempt) {
                double dx = 0.0, dy = 0.0;
                const Pt on = pointAlong(r.points, rng.uniform(0.0, r.length), &dx, &dy);
                const double off = rng.normal(0.0, 12.0);
                const Pt p{on.x - dy * off, on.y + dx * off};
                const int q = m_city.index.find(p.x, p.y);
                if (q >= 0)
                    return {p, q};
            }
        }
    }

    std::pair<Pt, int> inQuartier(std::size_t qi, Rng &rng) const
    {
        const Quartier &quartier = m_city.quartiers[qi];
        const Box &b = quartier.area.box;
        // Most of a quartier's life is around its centre (the seed); the rest is spread out.
        const bool centred = rng.bernoulli(0.6);
        const double sigma = 350.0 * std::sqrt(quartier.areaKm2);
        for (;;) {
            const Pt p =
                centred ? Pt{rng.normal(quartier.seed.x, sigma), rng.normal(quartier.seed.y, sigma)}
                        : Pt{rng.uniform(b.minX, b.maxX), rng.uniform(b.minY, b.maxY)};
            if (!quartier.area.contains(p.x, p.y))
                continue;
            const int q = m_city.index.find(p.x, p.y);
            if (q >= 0)
                return {p, q};
        }
    }

private:
    static double quartierFactor(const Quartier &q, int category)
    {
        const int a = q.arrondissement;
        const bool north = a == 3 || (a >= 13 && a <= 16);
        const bool centre = a == 1 || a == 2 || a == 6;
        switch (category) {
        case Stupefiants:
            return north ? 2.2 : (centre ? 1.0 : 0.4);
        case AtteintesBiens:
            return centre ? 1.6 : 1.0;
        case Nuisances:
            return centre ? 1.8 : (a == 5 || a == 7 ? 1.3 : 1.0);
        case Violences:
            return centre ? 1.5 : (north ? 1.2 : 1.0);
        case Incivilites:
            return north ? 1.3 : 1.0;
        default:
            return 1.0;
        }
    }
    static double spotWeight(const Hotspot &s, int category, bool summer)
    {
        const double w = s.weight[std::size_t(category)];
        return s.summer ? w * (summer ? 2.5 : 0.25) : w;
    }

    const City &m_city;
    const std::vector<Hotspot> &m_spots;
    const std::vector<Segment> &m_roads;
    std::vector<int> m_kinds;
    DiscreteSampler m_sampler;
};

double hourWeight(const CategoryModel &m, int hour, bool weekend)
{
    double w = m.hours[std::size_t(hour)];
    if (weekend && hour <= 5)
        w *= m.weekendNight;
    if (weekend && ((hour >= 7 && hour <= 9) || (hour >= 17 && hour <= 19)))
        w *= m.weekendRush;
    return w;
}

/// Draws a local time of day (hours, fractional) from the category profile.
double sampleHour(const CategoryModel &m, bool weekend, Rng &rng)
{
    double total = 0.0;
    for (int h = 0; h < 24; ++h)
        total += hourWeight(m, h, weekend);
    double u = rng.uniform() * total;
    int hour = 23;
    for (int h = 0; h < 24; ++h) {
        u -= hourWeight(m, h, weekend);
        if (u < 0.0) {
            hour = h;
            break;
        }
    }
    return hour + rng.uniform();
}

bool isWeekend(const QDate &d)
{
    return d.dayOfWeek() >= 6;
}

std::size_t drawIndex(const std::array<double, 3> &w, Rng &rng)
{
    const double u = rng.uniform() * (w[0] + w[1] + w[2]);
    return u < w[0] ? 0 : (u < w[0] + w[1] ? 1 : 2);
}

std::vector<Incident> simulateIncidents(const City &city, const std::vector<Segment> &roads,
                                        const std::vector<DemoEvent> &events,
                                        const DemoOptions &options, analytics::Feedback *feedback)
{
    Rng rng = Rng::stream(options.seed, StreamIncidents);
    const auto spots = hotspots(city);
    const auto &models = categoryModels();
    const qint64 days = options.firstDay.daysTo(options.lastDay) + 1;

    std::vector<LocationSampler> samplers[2];
    for (int summer = 0; summer < 2; ++summer)
        for (int c = 0; c < NCat; ++c)
            samplers[summer].emplace_back(city, spots, roads, c, summer == 1);

    // Background events, day by day.
    std::vector<analytics::SpaceTimeEvent> background;
    for (qint64 d = 0; d < days; ++d) {
        if (d % 64 == 0)
            analytics::throwIfCanceled(feedback);
        const QDate day = options.firstDay.addDays(d);
        const bool weekend = isWeekend(day);
        const bool summer = day.month() >= 6 && day.month() <= 8;
        const double progressOfPeriod = days > 1 ? double(d) / double(days - 1) : 0.0;
        for (int c = 0; c < NCat; ++c) {
            const CategoryModel &m = models[std::size_t(c)];
            double weekdayMean = 0.0;
            for (double w : m.weekday)
                weekdayMean += w / 7.0;
            const double season =
                1.0 + m.seasonAmplitude * std::cos(2.0 * std::numbers::pi *
                                                   (day.dayOfYear() - m.seasonPeakDay) / 365.25);
            const double trend = 1.0 + m.trendOverPeriod * (progressOfPeriod - 0.5);
            const double lambda = options.incidentScale * m.perYear / 365.25 * (1.0 - m.branching) *
                                  season * trend * m.weekday[std::size_t(day.dayOfWeek() - 1)] /
                                  weekdayMean;
            const std::int64_t n = rng.poisson(lambda);
            for (std::int64_t k = 0; k < n; ++k) {
                const auto [p, q] = samplers[summer ? 1 : 0][std::size_t(c)].sample(rng);
                background.push_back(
                    {p.x, p.y, double(d) + sampleHour(m, weekend, rng) / 24.0, c, 0});
            }
        }
    }
    progress(feedback, 25.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Simulating near-repeat incidents"));

    // Near-repeat offspring (same category, within about 200 m and a few days).
    Rng offspringRng = Rng::stream(options.seed, StreamOffspring);
    const auto params = [&](int mark) {
        analytics::NearRepeatParams p;
        p.branchingRatio = models[std::size_t(mark)].branching;
        p.meanDelayDays = 2.5;
        p.sigmaMetres = 60.0;
        p.horizonDays = double(days);
        p.maxGeneration = 4;
        return p;
    };
    analytics::addNearRepeatOffspring(background, params, offspringRng, [&](double x, double y) {
        return city.index.find(x, y) >= 0;
    });

    std::vector<Incident> incidents;
    incidents.reserve(background.size() + 1000);
    for (const auto &e : background) {
        Incident inc;
        inc.x = e.x;
        inc.y = e.y;
        inc.category = e.mark;
        inc.quartier = city.index.find(e.x, e.y);
        const auto dayIndex = static_cast<qint64>(std::floor(e.t));
        const QDate day = options.firstDay.addDays(dayIndex);
        double hour = (e.t - double(dayIndex)) * 24.0;
        if (e.generation > 0) // repeats follow the category's daily rhythm too
            hour = sampleHour(models[std::size_t(e.mark)], isWeekend(day), offspringRng);
        inc.at = localToUtc(day, hour);
        incidents.push_back(inc);
    }

    // Crowds: a few more incidents around a venue while an event takes place.
    Rng crowdRng = Rng::stream(options.seed, StreamEventIncidents);
    const std::array<double, 3> crowdCats = {0.3, 0.25, 0.45}; // biens, violences, nuisances
    for (const DemoEvent &ev : events) {
        const double hours = double(ev.start.secsTo(ev.end)) / 3600.0;
        const double activeHours = std::min(hours, 10.0 * std::ceil(hours / 24.0));
        const double lambda =
            options.incidentScale * double(ev.attendance) * 0.0003 * (activeHours / 3.0);
        const std::int64_t n = crowdRng.poisson(
            std::min(lambda, 60.0 * options.incidentScale * std::ceil(hours / 24.0)));
        for (std::int64_t k = 0; k < n; ++k) {
            Pt p;
            int q = -1;
            for (int attempt = 0; attempt < 30 && q < 0; ++attempt) {
                p = {crowdRng.normal(ev.at.x, 220.0), crowdRng.normal(ev.at.y, 220.0)};
                q = city.index.find(p.x, p.y);
            }
            if (q < 0)
                continue;
            const std::size_t c = drawIndex(crowdCats, crowdRng);
            Incident inc;
            inc.x = p.x;
            inc.y = p.y;
            inc.quartier = q;
            inc.category = c == 0 ? AtteintesBiens : (c == 1 ? Violences : Nuisances);
            // From an hour before to an hour after, within the evening of multi-day events.
            const qint64 span = ev.start.secsTo(ev.end) + 7200;
            QDateTime at = ev.start.addSecs(-3600 + qint64(crowdRng.uniform() * double(span)));
            if (hours > 24.0) {
                const QDateTime dayStart = ev.start.addDays(ev.start.daysTo(at));
                at = dayStart.addSecs(qint64(crowdRng.uniform(-1.0, 10.0) * 3600.0));
            }
            inc.at = at;
            const QDate day = at.date();
            if (day < options.firstDay || day > options.lastDay)
                continue;
            incidents.push_back(inc);
        }
    }

    for (auto &inc : incidents) {
        const CategoryModel &m = models[std::size_t(inc.category)];
        inc.severity = int(drawIndex(m.severity, rng)) + 1;
        inc.reporter = int(drawIndex(m.reporter, rng));
    }
    // A stable, total order: time, then position.
    std::sort(incidents.begin(), incidents.end(), [](const Incident &a, const Incident &b) {
        const qint64 ta = a.at.toSecsSinceEpoch();
        const qint64 tb = b.at.toSecsSinceEpoch();
        return std::tie(ta, a.x, a.y, a.category) < std::tie(tb, b.x, b.y, b.category);
    });
    return incidents;
}

// --- cameras -------------------------------------------------------------------------------------

struct Camera
{
    Pt at;
    QString kind;
    double direction = 0.0;
    double fov = 0.0;
    double range = 0.0;
    bool maintenance = false;
    QDateTime installed;
    QDateTime removed;
};

std::vector<Camera> buildCameras(const City &city, const std::vector<Segment> &roads,
                                 const DemoOptions &options)
{
    Rng rng = Rng::stream(options.seed, StreamCameras);
    const auto spots = hotspots(city);
    std::vector<double> spotWeights;
    for (const auto &s : spots)
        spotWeights.push_back(s.weight[0] + s.weight[1] + s.weight[2] + s.weight[3]);
    const DiscreteSampler spotSampler(spotWeights);
    std::vector<double> roadWeights;
    for (const auto &r : roads)
        roadWeights.push_back(r.length * (r.roadClass == QLatin1String("autoroute") ? 0.4 : 1.0));
    const DiscreteSampler roadSampler(roadWeights);
    std::vector<double> centreWeights;
    for (const auto &q : city.quartiers) {
        const int a = q.arrondissement;
        centreWeights.push_back(double(q.population) *
                                (a <= 3 || a == 6 ? 3.0 : (a <= 7 || a == 8 ? 1.0 : 0.25)));
    }
    const DiscreteSampler centreSampler(centreWeights);

    const int count = 350;
    const QDate oldest(2014, 1, 1);
    const qint64 before = oldest.daysTo(options.firstDay);
    const qint64 during = options.firstDay.daysTo(options.lastDay) + 1;
    std::vector<Camera> cameras;
    for (int i = 0; i < count; ++i) {
        Camera cam;
        const double r = rng.uniform();
        bool onRoad = false;
        int q = -1;
        while (q < 0) {
            if (r < 0.40) {
                const Hotspot &s = spots[spotSampler(rng)];
                cam.at = {rng.normal(s.centre.x, s.sigma * 1.2),
                          rng.normal(s.centre.y, s.sigma * 1.2)};
            } else if (r < 0.65) {
                const std::size_t qi = centreSampler(rng);
                const Box &b = city.quartiers[qi].area.box;
                cam.at = {rng.uniform(b.minX, b.maxX), rng.uniform(b.minY, b.maxY)};
            } else {
                const Segment &seg = roads[roadSampler(rng)];
                double dx = 0, dy = 0;
                const Pt on = pointAlong(seg.points, rng.uniform(0.0, seg.length), &dx, &dy);
                const double off = rng.bernoulli(0.5) ? 14.0 : -14.0;
                cam.at = {on.x - dy * off, on.y + dx * off};
                onRoad = true;
            }
            q = city.index.find(cam.at.x, cam.at.y);
        }
        const double k = rng.uniform();
        cam.kind = onRoad && k < 0.3 ? QStringLiteral("lecture de plaques")
                                     : (k < 0.65 ? QStringLiteral("fixe") : QStringLiteral("dôme"));
        cam.direction = double(rng.between(0, 359));
        cam.fov = double(rng.between(40, 110));
        cam.range = double(rng.between(40, 120));
        cam.maintenance = rng.bernoulli(0.05);
        const QDate installedDay = rng.bernoulli(0.72) && before > 0
                                       ? oldest.addDays(rng.between(0, before - 1))
                                       : options.firstDay.addDays(rng.between(0, during - 1));
        cam.installed = localToUtc(installedDay, 9.0 + rng.uniform(0.0, 7.0));
        if (rng.bernoulli(0.015)) {
            const QDate removedDay = options.firstDay.addDays(rng.between(0, during - 1));
            if (removedDay > installedDay)
                cam.removed = localToUtc(removedDay, 9.0 + rng.uniform(0.0, 7.0));
        }
        cameras.push_back(std::move(cam));
    }
    std::stable_sort(cameras.begin(), cameras.end(),
                     [](const Camera &a, const Camera &b) { return a.installed < b.installed; });
    return cameras;
}

void computeSeries(std::vector<Segment> &segments, const DemoOptions &options)
{
    Rng rng = Rng::stream(options.seed, StreamSeries);
    for (auto &s : segments) {
        s.series.clear();
        double sum = 0.0;
        for (int d = 27; d >= 0; --d) {
            const QDate day = options.lastDay.addDays(-d);
            const double dayFactor = rng.uniform(0.92, 1.08) * (day.dayOfWeek() == 5 ? 1.05 : 1.0);
            for (int h = 0; h < 24; ++h) {
                const double v = s.baseFlow * trafficShape(h, isWeekend(day)) * dayFactor *
                                 (1.0 + rng.normal(0.0, 0.06));
                const double count = std::max(0.0, std::round(v));
                s.series.push_back(count);
                sum += count;
            }
        }
        s.flow = std::round(10.0 * sum / double(s.series.size())) / 10.0;
    }
}

// --- writing -------------------------------------------------------------------------------------

/// Values in the manifest's field order from a name -> value map.
QVariantList valuesFor(const LayerManifest &manifest, const QVariantMap &byName)
{
    QVariantList values;
    for (const FieldDef &f : manifest.fields)
        values.push_back(byName.value(f.name));
    return values;
}

FeatureRecord record(std::vector<unsigned char> wkb, const LayerManifest &manifest,
                     const QVariantMap &values)
{
    FeatureRecord r;
    r.wkb = std::move(wkb);
    r.values = valuesFor(manifest, values);
    r.source = QStringLiteral("demo");
    return r;
}

const LayerManifest &manifestOf(const char *id)
{
    const LayerManifest *m = LayerRegistry::instance().find(QLatin1String(id));
    if (!m)
        throw Exception(ErrorCode::UnknownLayer,
                        QCoreApplication::translate("vigie::core::DemoGenerator",
                                                    "The built-in layer \"%1\" is missing.")
                            .arg(QLatin1String(id)));
    return *m;
}

QString ordinalLabel(int n)
{
    return n == 1 ? QStringLiteral("1er") : QStringLiteral("%1e").arg(n);
}

void check(const Result<void> &r)
{
    r.orThrow();
}

DemoSummary writeStore(Store &store, const DemoOptions &options, analytics::Feedback *feedback)
{
    DemoSummary summary;
    City city;
    progress(feedback, 1.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Building the quartiers"));
    buildGeometry(city);
    assignPopulation(city, options.seed);
    progress(feedback, 8.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Laying out the road network"));
    std::vector<Segment> roads = buildTraffic(city, options.seed);
    computeSeries(roads, options);
    progress(feedback, 10.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Planning public events"));
    const std::vector<DemoEvent> events = buildEvents(options);
    progress(feedback, 12.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Simulating incidents"));
    const std::vector<Incident> incidents =
        simulateIncidents(city, roads, events, options, feedback);
    progress(feedback, 30.0, QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Placing cameras"));
    const std::vector<Camera> cameras = buildCameras(city, roads, options);

    progress(feedback, 32.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Writing the workspace"));
    store.setClock(options.lastDay.toString(Qt::ISODate) + QStringLiteral("T23:59:59Z"));
    // A bulk load: a larger page cache for this connection only (not stored in the file) keeps
    // SQLite from spilling the big incident transaction to disk page by page.
    store.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    const char *layerIds[] = {"arrondissements", "quartiers", "incidents",
                              "cameras",         "events",    "traffic"};
    for (const char *id : layerIds)
        check(store.addLayer(manifestOf(id), QStringLiteral("demo")));
    store.setMeta(QStringLiteral("created_by"), QStringLiteral("vigie-cli demo"));
    store.setMeta(QStringLiteral("demo_seed"), QString::number(options.seed));
    store.setMeta(QStringLiteral("demo_period"), options.firstDay.toString(Qt::ISODate) +
                                                     QLatin1Char('/') +
                                                     options.lastDay.toString(Qt::ISODate));
    store.setMeta(QStringLiteral("demo_incident_scale"),
                  QString::number(options.incidentScale, 'g', 17));

    {
        Store::Transaction tx(store);
        const LayerManifest &am = manifestOf("arrondissements");
        Store::Inserter arr(store, am.id);
        for (const auto &a : city.arrondissements) {
            arr.add(
                record(wkbOf(*a.geometry), am,
                       {{QStringLiteral("code_insee"), QString::number(13200 + a.number)},
                        {QStringLiteral("num_arr"), a.number},
                        {QStringLiteral("nom"),
                         QStringLiteral("Marseille %1 Arrondissement").arg(ordinalLabel(a.number))},
                        {QStringLiteral("libelle"), ordinalLabel(a.number)},
                        {QStringLiteral("population"), qint64(a.population)},
                        {QStringLiteral("area_km2"), std::round(a.areaKm2 * 1000.0) / 1000.0}}));
            ++summary.arrondissements;
        }
        const LayerManifest &qm = manifestOf("quartiers");
        Store::Inserter qua(store, qm.id);
        for (const auto &q : city.quartiers) {
            qua.add(
                record(wkbOf(*q.geometry), qm,
                       {{QStringLiteral("code_qua"), q.code},
                        {QStringLiteral("nom"), q.name},
                        {QStringLiteral("code_insee"), QString::number(13200 + q.arrondissement)},
                        {QStringLiteral("num_arr"), q.arrondissement},
                        {QStringLiteral("population"), qint64(q.population)},
                        {QStringLiteral("area_km2"), std::round(q.areaKm2 * 1000.0) / 1000.0}}));
            ++summary.quartiers;
        }
        tx.commit();
    }

    {
        static const std::array<const char *, 3> reporters = {"Police municipale", "CSU",
                                                              "Main courante"};
        Store::Transaction tx(store);
        const LayerManifest &im = manifestOf("incidents");
        Store::Inserter ins(store, im.id);
        std::size_t done = 0;
        for (const auto &inc : incidents) {
            if (++done % 4096 == 0)
                progress(feedback, 35.0 + 50.0 * double(done) / double(incidents.size()),
                         QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Writing incidents"));
            FeatureRecord r;
            r.wkb = pointToWkb(inc.x, inc.y);
            r.source = QStringLiteral("demo");
            for (const FieldDef &f : im.fields) {
                if (f.name == QLatin1String("occurred_at"))
                    r.values.push_back(inc.at);
                else if (f.name == QLatin1String("category"))
                    r.values.push_back(
                        QString::fromLatin1(kCategoryValue[std::size_t(inc.category)]));
                else if (f.name == QLatin1String("severity"))
                    r.values.push_back(inc.severity);
                else if (f.name == QLatin1String("code_qua"))
                    r.values.push_back(city.quartiers[std::size_t(inc.quartier)].code);
                else if (f.name == QLatin1String("reported_by"))
                    r.values.push_back(QString::fromLatin1(reporters[std::size_t(inc.reporter)]));
                else
                    r.values.push_back(QVariant());
            }
            ins.add(r);
            ++summary.incidents;
        }
        tx.commit();
    }

    progress(
        feedback, 86.0,
        QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Writing cameras, events and traffic"));
    {
        Store::Transaction tx(store);
        const LayerManifest &cm = manifestOf("cameras");
        Store::Inserter cams(store, cm.id);
        int n = 0;
        for (const auto &c : cameras) {
            cams.add(
                record(pointToWkb(c.at.x, c.at.y), cm,
                       {{QStringLiteral("camera_id"),
                         QStringLiteral("CAM-%1").arg(++n, 4, 10, QLatin1Char('0'))},
                        {QStringLiteral("kind"), c.kind},
                        {QStringLiteral("direction"), c.direction},
                        {QStringLiteral("fov"), c.fov},
                        {QStringLiteral("range_m"), c.range},
                        {QStringLiteral("status"),
                         c.maintenance ? QStringLiteral("maintenance") : QStringLiteral("active")},
                        {QStringLiteral("installed_at"), c.installed},
                        {QStringLiteral("removed_at"),
                         c.removed.isValid() ? QVariant(c.removed) : QVariant()}}));
            ++summary.cameras;
        }
        const LayerManifest &em = manifestOf("events");
        Store::Inserter evs(store, em.id);
        for (const auto &e : events) {
            evs.add(record(pointToWkb(e.at.x, e.at.y), em,
                           {{QStringLiteral("name"), e.name},
                            {QStringLiteral("kind"), e.kind},
                            {QStringLiteral("venue"), e.venue},
                            {QStringLiteral("starts_at"), e.start},
                            {QStringLiteral("ends_at"), e.end},
                            {QStringLiteral("attendance"), qint64(e.attendance)}}));
            ++summary.events;
        }
        const LayerManifest &tm = manifestOf("traffic");
        Store::Inserter tra(store, tm.id);
        for (const auto &s : roads) {
            const std::int64_t fid = tra.add(record(lineWkb(s.points), tm,
                                                    {{QStringLiteral("segment_id"), s.id},
                                                     {QStringLiteral("name"), s.name},
                                                     {QStringLiteral("road_class"), s.roadClass},
                                                     {QStringLiteral("flow"), s.flow}}));
            std::size_t k = 0;
            for (int d = 27; d >= 0; --d) {
                const QDate day = options.lastDay.addDays(-d);
                for (int h = 0; h < 24; ++h, ++k)
                    store.addSeriesValue(tm.id, fid, toIsoUtc(localToUtc(day, h)), s.series[k]);
            }
            ++summary.trafficSegments;
        }
        tx.commit();
    }
    progress(feedback, 95.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Finishing the workspace"));
    check(store.normaliseForDeterminism());
    return summary;
}

} // namespace

Result<DemoSummary> createDemoStore(const QString &path, const DemoOptions &options,
                                    analytics::Feedback *feedback)
{
    if (QFileInfo::exists(path))
        return Error{ErrorCode::Io,
                     QCoreApplication::translate(
                         "vigie::core::DemoGenerator",
                         "Cannot create the demo workspace %1: the file already exists.")
                         .arg(path)};
    if (!options.firstDay.isValid() || !options.lastDay.isValid() ||
        options.lastDay < options.firstDay || !(options.incidentScale >= 0.0))
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "vigie::core::DemoGenerator",
                         "Invalid demo options: the period or the incident scale is wrong.")};

    // Written under a temporary name and renamed when complete: a kill or an error never
    // leaves a half-made workspace under the name asked for (which `demo` would then refuse to
    // overwrite and the application would open).
    AtomicFile output(path);
    std::unique_ptr<Store> store;
    try {
        auto created = Store::create(output.temporaryPath());
        if (!created.ok())
            return Error{created.error().code,
                         QString(created.error().message).replace(output.temporaryPath(), path)};
        store = std::move(created.value());
        DemoSummary summary = writeStore(*store, options, feedback);
        store.reset();
        auto committed = output.commit(AtomicFile::Replace::Never);
        if (!committed)
            return committed.error();
        if (feedback)
            feedback->setProgress(100.0, QCoreApplication::translate("vigie::core::DemoGenerator",
                                                                     "Demo workspace ready")
                                             .toStdString());
        return summary;
    } catch (const analytics::Canceled &) {
        store.reset();
        return Error{ErrorCode::Canceled,
                     QCoreApplication::translate("vigie::core::DemoGenerator",
                                                 "Creation of the demo workspace %1 was canceled.")
                         .arg(path)};
    } catch (const Exception &e) {
        store.reset();
        return Error{
            e.error().code,
            QCoreApplication::translate("vigie::core::DemoGenerator",
                                        "Could not create the demo workspace %1: %2")
                .arg(path, QString(e.error().message).replace(output.temporaryPath(), path))};
    } catch (const std::exception &e) {
        store.reset();
        return Error{ErrorCode::Internal,
                     QCoreApplication::translate("vigie::core::DemoGenerator",
                                                 "Could not create the demo workspace %1: %2")
                         .arg(path, QString::fromLocal8Bit(e.what()))};
    }
}

} // namespace vigie::core
