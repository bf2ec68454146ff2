// SPDX-License-Identifier: GPL-3.0-or-later
#include "patrol.h"

#include "rng.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <stdexcept>
#include <string>

namespace vigie::analytics {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double cleanRisk(double v)
{
    return (std::isfinite(v) && v > 0) ? v : 0.0;
}

void checkRisk(const Raster &risk, const char *who)
{
    if (risk.grid.cellCount() == 0 || risk.values.size() != risk.grid.cellCount())
        throw std::invalid_argument(std::string(who) + ": risk must have grid.cellCount() values");
}

/// Calls fn(cellIndex) for every cell whose centre lies within `radius` of (x, y).
template <typename Fn>
void forEachCellWithin(const GridSpec &g, double x, double y, double radius, Fn &&fn)
{
    const int c0 = std::max(0, int(std::floor((x - radius - g.xMin) / g.cellSize)));
    const int c1 = std::min(g.cols - 1, int(std::floor((x + radius - g.xMin) / g.cellSize)));
    const int r0 = std::max(0, int(std::floor((g.yMax() - y - radius) / g.cellSize)));
    const int r1 = std::min(g.rows - 1, int(std::floor((g.yMax() - y + radius) / g.cellSize)));
    const double r2 = radius * radius;
    for (int r = r0; r <= r1; ++r) {
        const double dy = g.centreY(r) - y;
        for (int c = c0; c <= c1; ++c) {
            const double dx = g.centreX(c) - x;
            if (dx * dx + dy * dy <= r2)
                fn(g.index(c, r));
        }
    }
}

double percentileSorted(const std::vector<double> &v, double q)
{
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

void checkUnits(std::span<const double> x, std::span<const double> y, const char *who)
{
    if (x.size() != y.size() || x.empty())
        throw std::invalid_argument(std::string(who) +
                                    ": unit x and y must be non-empty and of the same size");
}

/// Travel-time oracle from a fixed set of units.
class TravelTimes
{
public:
    TravelTimes(std::span<const double> ux, std::span<const double> uy, const ResponseParams &p)
        : m_ux(ux), m_uy(uy), m_p(p)
    {
        if (!p.graph)
            return;
        const RoadGraph &g = *p.graph;
        for (std::size_t u = 0; u < ux.size(); ++u) {
            const int node = nearestNode(ux[u], uy[u]);
            m_unitAccess.push_back(std::hypot(ux[u] - g.nodeX[node], uy[u] - g.nodeY[node]) /
                                   p.offNetworkSpeed);
            m_fromUnit.push_back(networkTravelTimes(g, node, p.speed));
        }
    }

    /// Seconds for the quickest unit to reach (x, y).
    double quickest(double x, double y) const
    {
        double best = kInf;
        if (!m_p.graph) {
            for (std::size_t u = 0; u < m_ux.size(); ++u)
                best = std::min(best, std::hypot(x - m_ux[u], y - m_uy[u]) / m_p.speed);
            return best;
        }
        const RoadGraph &g = *m_p.graph;
        const int node = nearestNode(x, y);
        const double egress =
            std::hypot(x - g.nodeX[node], y - g.nodeY[node]) / m_p.offNetworkSpeed;
        for (std::size_t u = 0; u < m_ux.size(); ++u) {
            const double direct = std::hypot(x - m_ux[u], y - m_uy[u]) / m_p.offNetworkSpeed;
            best = std::min(
                {best, direct, m_unitAccess[u] + m_fromUnit[u][std::size_t(node)] + egress});
        }
        return best;
    }

private:
    int nearestNode(double x, double y) const
    {
        const RoadGraph &g = *m_p.graph;
        int best = 0;
        double bd = kInf;
        for (std::size_t i = 0; i < g.nodeX.size(); ++i) {
            const double d =
                (g.nodeX[i] - x) * (g.nodeX[i] - x) + (g.nodeY[i] - y) * (g.nodeY[i] - y);
            if (d < bd) {
                bd = d;
                best = int(i);
            }
        }
        return best;
    }

    std::span<const double> m_ux, m_uy;
    const ResponseParams &m_p;
    std::vector<double> m_unitAccess;
    std::vector<std::vector<double>> m_fromUnit;
};

void checkGraph(const RoadGraph &g)
{
    const std::size_t e = g.from.size();
    if (g.nodeX.empty() || g.nodeX.size() != g.nodeY.size())
        throw std::invalid_argument(
            "RoadGraph: nodeX and nodeY must be non-empty and of the same size");
    if (g.to.size() != e || g.lengthM.size() != e ||
        (!g.speedMps.empty() && g.speedMps.size() != e))
        throw std::invalid_argument(
            "RoadGraph: from, to, lengthM (and speedMps if given) must have the same size");
    for (std::size_t i = 0; i < e; ++i) {
        if (g.from[i] < 0 || g.to[i] < 0 || std::size_t(g.from[i]) >= g.nodeX.size() ||
            std::size_t(g.to[i]) >= g.nodeX.size())
            throw std::invalid_argument("RoadGraph: edge node index out of range");
        if (!(g.lengthM[i] >= 0))
            throw std::invalid_argument("RoadGraph: lengthM must be >= 0");
    }
}

} // namespace

RoadGraph roadGraphFromPolylines(std::span<const RoadPolyline> lines, double snapTolerance)
{
    if (!(snapTolerance >= 0))
        throw std::invalid_argument("roadGraphFromPolylines: snapTolerance must be >= 0");
    RoadGraph g;
    const double cell = snapTolerance > 0 ? snapTolerance : 1.0;
    std::map<std::pair<long long, long long>, std::vector<int>> buckets;
    auto nodeFor = [&](double x, double y) {
        const long long cx = std::llround(std::floor(x / cell)),
                        cy = std::llround(std::floor(y / cell));
        int best = -1;
        double bestD = kInf;
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                const auto it = buckets.find({cx + dx, cy + dy});
                if (it == buckets.end())
                    continue;
                for (int n : it->second) {
                    const double d =
                        std::hypot(g.nodeX[std::size_t(n)] - x, g.nodeY[std::size_t(n)] - y);
                    if (d <= snapTolerance && d < bestD) {
                        bestD = d;
                        best = n;
                    }
                }
            }
        if (best >= 0)
            return best;
        g.nodeX.push_back(x);
        g.nodeY.push_back(y);
        const int id = int(g.nodeX.size()) - 1;
        buckets[{cx, cy}].push_back(id);
        return id;
    };
    for (const RoadPolyline &line : lines) {
        if (line.x.size() != line.y.size())
            throw std::invalid_argument(
                "roadGraphFromPolylines: a polyline has different numbers of x and y");
        int previous = -1;
        for (std::size_t i = 0; i < line.x.size(); ++i) {
            const int node = nodeFor(line.x[i], line.y[i]);
            if (previous >= 0 && node != previous) {
                g.from.push_back(previous);
                g.to.push_back(node);
                g.lengthM.push_back(
                    std::hypot(g.nodeX[std::size_t(node)] - g.nodeX[std::size_t(previous)],
                               g.nodeY[std::size_t(node)] - g.nodeY[std::size_t(previous)]));
                g.speedMps.push_back(line.speedMps);
            }
            previous = node;
        }
    }
    return g;
}

std::vector<double> networkTravelTimes(const RoadGraph &g, int source, double defaultSpeed)
{
    checkGraph(g);
    if (source < 0 || std::size_t(source) >= g.nodeX.size())
        throw std::invalid_argument("networkTravelTimes: source out of range");
    if (!(defaultSpeed > 0))
        throw std::invalid_argument("networkTravelTimes: defaultSpeed must be > 0");
    const std::size_t n = g.nodeX.size();
    // Adjacency (undirected).
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t i = 0; i < g.from.size(); ++i) {
        ++start[std::size_t(g.from[i]) + 1];
        ++start[std::size_t(g.to[i]) + 1];
    }
    for (std::size_t i = 0; i < n; ++i)
        start[i + 1] += start[i];
    std::vector<std::pair<int, double>> adj(start[n]);
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < g.from.size(); ++i) {
        const double sp = (!g.speedMps.empty() && g.speedMps[i] > 0) ? g.speedMps[i] : defaultSpeed;
        const double t = g.lengthM[i] / sp;
        adj[fill[std::size_t(g.from[i])]++] = {g.to[i], t};
        adj[fill[std::size_t(g.to[i])]++] = {g.from[i], t};
    }
    std::vector<double> dist(n, kInf);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> pq;
    dist[std::size_t(source)] = 0;
    pq.push({0.0, source});
    while (!pq.empty()) {
        const auto [d, v] = pq.top();
        pq.pop();
        if (d > dist[std::size_t(v)])
            continue;
        for (std::size_t k = start[std::size_t(v)]; k < start[std::size_t(v) + 1]; ++k) {
            const auto [w, t] = adj[k];
            if (d + t < dist[std::size_t(w)]) {
                dist[std::size_t(w)] = d + t;
                pq.push({d + t, w});
            }
        }
    }
    return dist;
}

Allocation evaluateAllocation(const Raster &risk, std::span<const double> x,
                              std::span<const double> y, double coverageRadius)
{
    checkRisk(risk, "evaluateAllocation");
    if (x.size() != y.size())
        throw std::invalid_argument("evaluateAllocation: x and y must have the same size");
    if (!(coverageRadius >= 0))
        throw std::invalid_argument("evaluateAllocation: coverageRadius must be >= 0");
    Allocation a;
    a.x.assign(x.begin(), x.end());
    a.y.assign(y.begin(), y.end());
    std::vector<std::uint8_t> covered(risk.values.size(), 0);
    for (std::size_t u = 0; u < x.size(); ++u) {
        double gain = 0;
        forEachCellWithin(risk.grid, x[u], y[u], coverageRadius, [&](std::size_t k) {
            if (!covered[k]) {
                covered[k] = 1;
                gain += cleanRisk(risk.values[k]);
            }
        });
        a.marginalRisk.push_back(gain);
        a.site.push_back(u);
        a.coveredRisk += gain;
    }
    for (double v : risk.values)
        a.totalRisk += cleanRisk(v);
    a.coveredShare = a.totalRisk > 0 ? a.coveredRisk / a.totalRisk : 0.0;
    return a;
}

Allocation allocatePatrols(const Raster &risk, const AllocationParams &params, Feedback *feedback)
{
    checkRisk(risk, "allocatePatrols");
    if (params.units < 1)
        throw std::invalid_argument("allocatePatrols: units must be >= 1");
    if (!(params.coverageRadius >= 0))
        throw std::invalid_argument("allocatePatrols: coverageRadius must be >= 0");
    if (params.siteX.size() != params.siteY.size())
        throw std::invalid_argument("allocatePatrols: siteX and siteY must have the same size");
    const GridSpec &g = risk.grid;
    std::vector<double> sx = params.siteX, sy = params.siteY;
    std::vector<std::size_t> siteId;
    if (sx.empty()) {
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c)
                if (cleanRisk(risk.at(c, r)) > 0) {
                    sx.push_back(g.centreX(c));
                    sy.push_back(g.centreY(r));
                    siteId.push_back(g.index(c, r));
                }
        if (sx.empty())
            throw std::invalid_argument(
                "allocatePatrols: risk has no positive cell and no sites were given");
    } else {
        for (std::size_t i = 0; i < sx.size(); ++i)
            siteId.push_back(i);
    }
    const std::size_t S = sx.size();
    std::vector<std::uint8_t> covered(risk.values.size(), 0);
    auto gainOf = [&](std::size_t s) {
        double gain = 0;
        forEachCellWithin(g, sx[s], sy[s], params.coverageRadius, [&](std::size_t k) {
            if (!covered[k])
                gain += cleanRisk(risk.values[k]);
        });
        return gain;
    };

    // CELF lazy greedy: heap of (upper bound of the gain, site); larger gain first, then lower
    // site.
    struct Entry
    {
        double gain;
        std::size_t site;
        bool operator<(const Entry &o) const
        {
            return gain < o.gain || (gain == o.gain && site > o.site);
        }
    };
    std::vector<Entry> initial(S);
    for (std::size_t s = 0; s < S; ++s) {
        if (s % 1024 == 0)
            throwIfCanceled(feedback);
        initial[s] = {gainOf(s), s};
    }
    const std::vector<Entry> totalAround = initial; // risk within the radius of each site
    std::priority_queue<Entry> heap(initial.begin(), initial.end());
    std::vector<std::uint8_t> used(S, 0);
    Allocation a;
    auto place = [&](std::size_t s, double gain) {
        used[s] = 1;
        forEachCellWithin(g, sx[s], sy[s], params.coverageRadius,
                          [&](std::size_t k) { covered[k] = 1; });
        a.x.push_back(sx[s]);
        a.y.push_back(sy[s]);
        a.site.push_back(siteId[s]);
        a.marginalRisk.push_back(gain);
        a.coveredRisk += gain;
    };
    while (int(a.x.size()) < params.units && !heap.empty()) {
        throwIfCanceled(feedback);
        const Entry top = heap.top();
        heap.pop();
        const double gain = gainOf(top.site);
        const Entry fresh{gain, top.site};
        if (heap.empty() || !(fresh < heap.top())) {
            if (!(gain > 0))
                break;
            place(top.site, gain);
            if (feedback)
                feedback->setProgress(100.0 * double(a.x.size()) / params.units, "allocation");
        } else {
            heap.push(fresh);
        }
    }
    // Fallback when no site adds risk: unused sites with most risk around them, then any.
    if (int(a.x.size()) < params.units) {
        std::vector<Entry> order = totalAround;
        std::sort(order.begin(), order.end(), [](const Entry &p, const Entry &q) { return q < p; });
        while (int(a.x.size()) < params.units) {
            bool placed = false;
            for (const Entry &e : order)
                if (!used[e.site] && int(a.x.size()) < params.units) {
                    place(e.site, gainOf(e.site));
                    placed = true;
                }
            if (!placed)
                std::fill(used.begin(), used.end(), 0);
        }
    }
    for (double v : risk.values)
        a.totalRisk += cleanRisk(v);
    a.coveredShare = a.totalRisk > 0 ? a.coveredRisk / a.totalRisk : 0.0;
    if (feedback)
        feedback->setProgress(100, "allocation");
    return a;
}

SectorAllocation allocateToSectors(std::span<const double> sectorRisk, int units,
                                   double perUnitShare)
{
    if (units < 0)
        throw std::invalid_argument("allocateToSectors: units must be >= 0");
    if (!(perUnitShare > 0 && perUnitShare <= 1))
        throw std::invalid_argument("allocateToSectors: perUnitShare must be in (0, 1]");
    if (sectorRisk.empty())
        throw std::invalid_argument("allocateToSectors: sectorRisk is empty");
    SectorAllocation a;
    const std::size_t S = sectorRisk.size();
    a.units.assign(S, 0);
    a.covered.assign(S, 0.0);
    std::vector<double> remaining(S);
    for (std::size_t s = 0; s < S; ++s) {
        remaining[s] = cleanRisk(sectorRisk[s]);
        a.totalRisk += remaining[s];
    }
    for (int u = 0; u < units; ++u) {
        std::size_t best = 0;
        for (std::size_t s = 1; s < S; ++s)
            if (remaining[s] > remaining[best])
                best = s;
        const double gain = remaining[best] * perUnitShare;
        ++a.units[best];
        a.covered[best] += gain;
        remaining[best] -= gain;
        a.coveredRisk += gain;
    }
    a.coveredShare = a.totalRisk > 0 ? a.coveredRisk / a.totalRisk : 0.0;
    return a;
}

ResponseStats simulateResponse(const Raster &risk, std::span<const double> unitX,
                               std::span<const double> unitY, const ResponseParams &params,
                               Feedback *feedback)
{
    checkRisk(risk, "simulateResponse");
    checkUnits(unitX, unitY, "simulateResponse");
    if (params.incidents < 1)
        throw std::invalid_argument("simulateResponse: incidents must be >= 1");
    if (!(params.speed > 0) || !(params.offNetworkSpeed > 0))
        throw std::invalid_argument("simulateResponse: speed and offNetworkSpeed must be > 0");
    if (!(params.dispatchDelay >= 0) || !(params.targetTime >= 0))
        throw std::invalid_argument("simulateResponse: dispatchDelay and targetTime must be >= 0");
    if (params.graph)
        checkGraph(*params.graph);
    std::vector<double> weights(risk.values.size());
    for (std::size_t k = 0; k < weights.size(); ++k)
        weights[k] = cleanRisk(risk.values[k]);
    const DiscreteSampler sampler(weights); // throws when every risk is 0
    const TravelTimes travel(unitX, unitY, params);
    const GridSpec &g = risk.grid;
    constexpr int kBlock = 4096;
    ResponseStats st;
    st.times.resize(std::size_t(params.incidents));
    for (int b0 = 0; b0 < params.incidents; b0 += kBlock) {
        throwIfCanceled(feedback);
        if (feedback)
            feedback->setProgress(100.0 * b0 / params.incidents, "response");
        Rng rng = Rng::stream(params.seed, std::uint64_t(b0 / kBlock));
        for (int i = b0; i < std::min(params.incidents, b0 + kBlock); ++i) {
            const std::size_t k = sampler(rng);
            const int c = int(k % std::size_t(g.cols)), r = int(k / std::size_t(g.cols));
            const double x = g.xMin + (c + rng.uniform()) * g.cellSize;
            const double y = g.yMax() - (r + rng.uniform()) * g.cellSize;
            st.times[std::size_t(i)] = params.dispatchDelay + travel.quickest(x, y);
        }
    }
    st.incidents = st.times.size();
    std::vector<double> sorted = st.times;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    std::size_t within = 0;
    for (double t : sorted) {
        sum += t;
        within += t <= params.targetTime;
    }
    st.mean = sum / double(sorted.size());
    st.median = percentileSorted(sorted, 0.5);
    st.p90 = percentileSorted(sorted, 0.9);
    st.max = sorted.back();
    st.shareWithinTarget = double(within) / double(sorted.size());
    if (feedback)
        feedback->setProgress(100, "response");
    return st;
}

AllocationComparison compareAllocations(const Raster &risk, std::span<const double> ax,
                                        std::span<const double> ay, std::span<const double> bx,
                                        std::span<const double> by, const ResponseParams &params,
                                        double coverageRadius, Feedback *feedback)
{
    AllocationComparison c;
    c.a = simulateResponse(risk, ax, ay, params, feedback);
    c.b = simulateResponse(risk, bx, by, params, feedback);
    c.coverageA = evaluateAllocation(risk, ax, ay, coverageRadius);
    c.coverageB = evaluateAllocation(risk, bx, by, coverageRadius);
    c.meanDifference = c.b.mean - c.a.mean;
    c.medianDifference = c.b.median - c.a.median;
    c.p90Difference = c.b.p90 - c.a.p90;
    c.shareWithinTargetDifference = c.b.shareWithinTarget - c.a.shareWithinTarget;
    c.coveredShareDifference = c.coverageB.coveredShare - c.coverageA.coveredShare;
    std::size_t faster = 0;
    for (std::size_t i = 0; i < c.a.times.size(); ++i)
        faster += c.b.times[i] < c.a.times[i];
    c.shareBFaster = double(faster) / double(c.a.times.size());
    return c;
}

} // namespace vigie::analytics
