// SPDX-License-Identifier: GPL-3.0-or-later
// The demo city: quartiers as Voronoi cells of their real seeds clipped to the outline, the
// arrondissements as their unions, the population, the persistent hotspots, local time.
#include "demomodel.h"

#include "../argtext.h"
#include "../result.h"
#include "demoreference.h"
#include "io/gdalerrorscope.h"
#include "marseilledata.h"

#include <QCoreApplication>

#include <cmath>
#include <map>
#include <numeric>

namespace vigie::core::demo {

using detail::GdalErrorScope;

namespace {

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

} // namespace

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

} // namespace vigie::core::demo
