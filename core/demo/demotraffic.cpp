// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's road network: the traffic axes cut to the city, and their hourly counts.
#include "demomodel.h"

#include "io/gdalerrorscope.h"

#include <cmath>

namespace vigie::core::demo {

using detail::GdalErrorScope;

namespace {

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

} // namespace

Pt pointAlong(const std::vector<Pt> &pts, double at, double *dirX, double *dirY)
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

} // namespace vigie::core::demo
