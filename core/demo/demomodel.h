// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo generator's model of the city, shared by its parts: the quartiers and their
// population (democity.cpp), the road network and its counts (demotraffic.cpp), the public events
// (demoevents.cpp), the incidents (demoincidents.cpp), the cameras (democameras.cpp) and the
// writing of the workspace (demogenerator.cpp). Internal to core/demo.

#include "demogenerator.h"
#include "demotables.h"

#include "../analytics/rng.h"

#include <QDateTime>
#include <QString>

#include <ogr_geometry.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace vigie::core::demo {

using analytics::DiscreteSampler;
using analytics::Rng;

/// Translation context of the demo's messages.
inline constexpr const char *kContext = "vigie::core::DemoGenerator";

/// Reports a step (translated in kContext) and throws analytics::Canceled if asked to stop.
void progress(analytics::Feedback *feedback, double percent, const char *step);

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

/// Builds the 111 quartiers (Voronoi cells of their seeds clipped to the city) and the 16
/// arrondissements (their unions).
void buildGeometry(City &city);
/// Population: the arrondissement figure split among its quartiers.
void assignPopulation(City &city, std::uint64_t seed);

// --- time ----------------------------------------------------------------------------------------

/// Europe/Paris local time to UTC (hourOfDay may be fractional).
QDateTime localToUtc(const QDate &date, double hourOfDay);

inline bool isWeekend(const QDate &d)
{
    return d.dayOfWeek() >= 6;
}

// --- incident model ----------------------------------------------------------------------------

enum Category { AtteintesBiens, Violences, Nuisances, Stupefiants, Accidents, Incivilites, NCat };
static_assert(NCat == kCategories);

inline constexpr std::array<const char *, NCat> kCategoryValue = {
    "atteintes_biens", "violences", "nuisances", "stupefiants", "accidents", "incivilites"};

struct Hotspot
{
    Pt centre;
    double sigma;
    std::array<double, NCat> weight;
    bool summer; ///< only really active from June to August (beaches)
};

/// Persistent hotspots: a few explicit places (Lambert-93) and a few quartiers by code.
std::vector<Hotspot> hotspots(const City &city);

// --- traffic -------------------------------------------------------------------------------------

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

/// The point at distance `at` along a polyline, and the unit direction there if asked.
Pt pointAlong(const std::vector<Pt> &pts, double at, double *dirX = nullptr,
              double *dirY = nullptr);
/// The traffic axes cut to the city, in pieces of about 560 m.
std::vector<Segment> buildTraffic(const City &city, std::uint64_t seed);
/// Four weeks of hourly counts per segment, ending on the period's last day.
void computeSeries(std::vector<Segment> &segments, const DemoOptions &options);

// --- events --------------------------------------------------------------------------------------

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

/// The public events of the period, by start time.
std::vector<DemoEvent> buildEvents(const DemoOptions &options);

// --- incidents -----------------------------------------------------------------------------------

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

/// Background incidents, their near repeats and crowd incidents around events, by time.
std::vector<Incident> simulateIncidents(const City &city, const std::vector<Segment> &roads,
                                        const std::vector<DemoEvent> &events,
                                        const DemoOptions &options, analytics::Feedback *feedback);

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

/// 350 cameras around hotspots, in the centre and along roads, by installation time.
std::vector<Camera> buildCameras(const City &city, const std::vector<Segment> &roads,
                                 const DemoOptions &options);

} // namespace vigie::core::demo
