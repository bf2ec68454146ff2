// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace vigie::analytics {

namespace {

using Index = std::uint32_t;
constexpr Index kNone = std::numeric_limits<Index>::max();

// Cells are 1/1.5 of eps (and of the time window) on a side: two points of the same cell are then
// neighbours (diagonal 0.94 eps, with a wide margin for rounding), and every neighbour of a point
// lies within two cells of its own on each axis (two cells span 1.33 eps).
constexpr double kCellsPerEps = 1.5;
constexpr int kReach = 2;

struct CellKey
{
    std::int64_t cx = 0;
    std::int64_t cy = 0;
    std::int64_t ct = 0;
    bool operator==(const CellKey &) const = default;
    auto operator<=>(const CellKey &) const = default;
};

/// Open-addressing hash table from a column (cx, cy) to its first cell and cell count.
class ColumnTable
{
public:
    struct Column
    {
        std::int64_t cx, cy;
        Index firstCell = kNone;
        Index cellCount = 0;
    };

    explicit ColumnTable(std::size_t columns)
    {
        std::size_t capacity = 16;
        while (capacity < 2 * columns)
            capacity *= 2;
        m_slots.resize(capacity);
        m_mask = capacity - 1;
    }

    Column &insert(std::int64_t cx, std::int64_t cy)
    {
        std::size_t i = hash(cx, cy) & m_mask;
        while (m_slots[i].firstCell != kNone && (m_slots[i].cx != cx || m_slots[i].cy != cy))
            i = (i + 1) & m_mask;
        m_slots[i].cx = cx;
        m_slots[i].cy = cy;
        return m_slots[i];
    }

    const Column *find(std::int64_t cx, std::int64_t cy) const
    {
        std::size_t i = hash(cx, cy) & m_mask;
        while (m_slots[i].firstCell != kNone) {
            if (m_slots[i].cx == cx && m_slots[i].cy == cy)
                return &m_slots[i];
            i = (i + 1) & m_mask;
        }
        return nullptr;
    }

private:
    static std::size_t hash(std::int64_t cx, std::int64_t cy)
    {
        std::uint64_t h = std::uint64_t(cx) * 0x9E3779B97F4A7C15ull;
        h ^= std::uint64_t(cy) + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 29;
        return std::size_t(h);
    }

    std::vector<Column> m_slots;
    std::size_t m_mask = 0;
};

/// Reports progress as a fraction of stage [from, to] at most ~50 times per stage.
class Progress
{
public:
    explicit Progress(Feedback *feedback) : m_feedback(feedback) {}
    void stage(double from, double to, std::size_t total, const char *step)
    {
        m_from = from;
        m_to = to;
        m_total = std::max<std::size_t>(total, 1);
        m_every = std::max<std::size_t>(m_total / 50, 1024);
        m_step = step;
        if (m_feedback)
            m_feedback->setProgress(from, m_step);
    }
    /// Polls cancellation and updates progress every so often; call once per item.
    void tick(std::size_t done)
    {
        if (done % m_every != 0)
            return;
        throwIfCanceled(m_feedback);
        if (m_feedback)
            m_feedback->setProgress(m_from + (m_to - m_from) * double(done) / double(m_total),
                                    m_step);
    }

private:
    Feedback *m_feedback;
    double m_from = 0, m_to = 0;
    std::size_t m_total = 1, m_every = 1024;
    std::string m_step;
};

/**
 * Density clustering on "sites" (distinct coordinates; coincident points share neighbourhood,
 * core status and label) bucketed in a grid of cells, cells sorted by (cx, cy, ct).
 * Temporal = false: plain DBSCAN; true: the time axis is a third grid axis and a second test.
 */
template <bool Temporal> class DensityClustering
{
public:
    DensityClustering(const PointSet &points, double eps, double epsTime, int minPoints,
                      bool borderAsNoise, Feedback *feedback)
        : m_points(points), m_eps2(eps * eps), m_epsTime(epsTime), m_minPoints(minPoints),
          m_borderAsNoise(borderAsNoise), m_progress(feedback), m_feedback(feedback)
    {
        m_side = eps / kCellsPerEps;
        m_sideTime = Temporal ? epsTime / kCellsPerEps : 1.0;
    }

    ClusterResult run()
    {
        ClusterResult result;
        const std::size_t n = m_points.size();
        if (n == 0) {
            if (m_feedback)
                m_feedback->setProgress(100.0);
            return result;
        }
        buildSites();
        buildNeighbourCells();
        findCores();
        connectCores();
        labelSites();

        m_progress.stage(97, 100, n, "");
        result.label.resize(n);
        result.core.resize(n);
        result.clusterCount = m_clusterCount;
        result.sizes.assign(std::size_t(m_clusterCount), 0);
        for (std::size_t i = 0; i < n; ++i) {
            const Index s = m_pointSite[i];
            result.label[i] = m_siteLabel[s];
            result.core[i] = m_siteCore[s];
            if (m_siteLabel[s] >= 0)
                ++result.sizes[std::size_t(m_siteLabel[s])];
        }
        if (m_feedback)
            m_feedback->setProgress(100.0);
        return result;
    }

private:
    bool near(Index a, Index b) const
    {
        const double dx = m_x[a] - m_x[b];
        const double dy = m_y[a] - m_y[b];
        if (dx * dx + dy * dy > m_eps2)
            return false;
        if constexpr (Temporal)
            return std::abs(m_t[a] - m_t[b]) <= m_epsTime;
        return true;
    }

    std::span<const Index> neighbourCells(Index c) const
    {
        return {m_neighbours.data() + m_neighbourStart[c],
                m_neighbours.data() + m_neighbourStart[c + 1]};
    }

    Index find(Index s)
    {
        while (m_parent[s] != s) {
            m_parent[s] = m_parent[m_parent[s]];
            s = m_parent[s];
        }
        return s;
    }

    void unite(Index a, Index b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (a > b)
            std::swap(a, b);
        m_parent[b] = a;
    }

    /// Sorts points by cell then coordinates; merges coincident points into sites.
    void buildSites()
    {
        const std::size_t n = m_points.size();
        m_progress.stage(0, 10, n, "");
        double xMin = m_points.x[0], yMin = m_points.y[0];
        double xMax = xMin, yMax = yMin;
        double tMin = Temporal ? m_points.t[0] : 0.0, tMax = tMin;
        for (std::size_t i = 0; i < n; ++i) {
            xMin = std::min(xMin, m_points.x[i]);
            xMax = std::max(xMax, m_points.x[i]);
            yMin = std::min(yMin, m_points.y[i]);
            yMax = std::max(yMax, m_points.y[i]);
            if constexpr (Temporal) {
                tMin = std::min(tMin, m_points.t[i]);
                tMax = std::max(tMax, m_points.t[i]);
            }
        }
        // Cell numbers must stay exact integers; beyond ~1e12 cells per axis eps is meaningless.
        constexpr double kMaxCells = 1e12;
        if ((xMax - xMin) / m_side > kMaxCells || (yMax - yMin) / m_side > kMaxCells)
            throw std::invalid_argument("eps is too small for the extent of the points");
        if (Temporal && (tMax - tMin) / m_sideTime > kMaxCells)
            throw std::invalid_argument("epsTimeDays is too small for the time span of the points");

        std::vector<CellKey> cellOf(n);
        CellKey maxCell;
        for (std::size_t i = 0; i < n; ++i) {
            CellKey &k = cellOf[i];
            k.cx = std::int64_t(std::floor((m_points.x[i] - xMin) / m_side));
            k.cy = std::int64_t(std::floor((m_points.y[i] - yMin) / m_side));
            k.ct = Temporal ? std::int64_t(std::floor((m_points.t[i] - tMin) / m_sideTime)) : 0;
            maxCell.cx = std::max(maxCell.cx, k.cx);
            maxCell.cy = std::max(maxCell.cy, k.cy);
            maxCell.ct = std::max(maxCell.ct, k.ct);
            m_progress.tick(i);
        }

        // Points in cell order: by a packed 64-bit key when cell numbers fit (the usual case),
        // else by comparing keys.
        std::vector<Index> order(n);
        const int bits = Temporal ? 21 : 32;
        const std::int64_t limit = std::int64_t(1) << bits;
        if (maxCell.cx < limit && maxCell.cy < limit && maxCell.ct < limit) {
            std::vector<std::pair<std::uint64_t, Index>> keyed(n);
            for (std::size_t i = 0; i < n; ++i) {
                const CellKey &k = cellOf[i];
                const std::uint64_t key =
                    Temporal ? (std::uint64_t(k.cx) << 42) | (std::uint64_t(k.cy) << 21) |
                                   std::uint64_t(k.ct)
                             : (std::uint64_t(k.cx) << 32) | std::uint64_t(k.cy);
                keyed[i] = {key, Index(i)};
            }
            std::sort(keyed.begin(), keyed.end());
            for (std::size_t i = 0; i < n; ++i)
                order[i] = keyed[i].second;
        } else {
            for (std::size_t i = 0; i < n; ++i)
                order[i] = Index(i);
            std::sort(order.begin(), order.end(), [&](Index a, Index b) {
                return cellOf[a] != cellOf[b] ? cellOf[a] < cellOf[b] : a < b;
            });
        }
        throwIfCanceled(m_feedback);
        m_progress.stage(15, 25, n, "");

        // Within each cell, coincident points become adjacent; each run of them is one site.
        const auto sameSite = [&](Index a, Index b) {
            return m_points.x[a] == m_points.x[b] && m_points.y[a] == m_points.y[b] &&
                   (!Temporal || m_points.t[a] == m_points.t[b]);
        };
        m_pointSite.resize(n);
        m_x.reserve(n);
        m_y.reserve(n);
        if constexpr (Temporal)
            m_t.reserve(n);
        m_multiplicity.reserve(n);
        for (std::size_t begin = 0; begin < n;) {
            const CellKey cell = cellOf[order[begin]];
            std::size_t end = begin + 1;
            while (end < n && cellOf[order[end]] == cell)
                ++end;
            std::sort(order.begin() + begin, order.begin() + end, [&](Index a, Index b) {
                if (m_points.x[a] != m_points.x[b])
                    return m_points.x[a] < m_points.x[b];
                if (m_points.y[a] != m_points.y[b])
                    return m_points.y[a] < m_points.y[b];
                if (Temporal && m_points.t[a] != m_points.t[b])
                    return m_points.t[a] < m_points.t[b];
                return a < b;
            });
            m_cellKey.push_back(cell);
            m_cellStart.push_back(Index(m_x.size()));
            m_cellCount.push_back(end - begin);
            for (std::size_t k = begin; k < end; ++k) {
                const Index i = order[k];
                if (k == begin || !sameSite(i, order[k - 1])) {
                    m_x.push_back(m_points.x[i]);
                    m_y.push_back(m_points.y[i]);
                    if constexpr (Temporal)
                        m_t.push_back(m_points.t[i]);
                    m_multiplicity.push_back(0);
                }
                ++m_multiplicity.back();
                m_pointSite[i] = Index(m_x.size() - 1);
            }
            m_progress.tick(m_cellKey.size());
            begin = end;
        }
        m_cellStart.push_back(Index(m_x.size()));
    }

    /// For each cell, the non-empty cells within kReach on every axis (itself included), in
    /// increasing cell order.
    void buildNeighbourCells()
    {
        const std::size_t cells = m_cellKey.size();
        m_progress.stage(25, 35, cells, "");
        std::size_t columns = 0;
        for (std::size_t c = 0; c < cells; ++c)
            if (c == 0 || m_cellKey[c].cx != m_cellKey[c - 1].cx ||
                m_cellKey[c].cy != m_cellKey[c - 1].cy)
                ++columns;
        ColumnTable table(columns);
        for (std::size_t c = 0; c < cells; ++c) {
            ColumnTable::Column &col = table.insert(m_cellKey[c].cx, m_cellKey[c].cy);
            if (col.firstCell == kNone)
                col.firstCell = Index(c);
            ++col.cellCount;
        }
        m_neighbourStart.reserve(cells + 1);
        m_neighbourStart.push_back(0);
        for (std::size_t c = 0; c < cells; ++c) {
            const CellKey &key = m_cellKey[c];
            for (int dx = -kReach; dx <= kReach; ++dx) {
                for (int dy = -kReach; dy <= kReach; ++dy) {
                    const ColumnTable::Column *col = table.find(key.cx + dx, key.cy + dy);
                    if (!col)
                        continue;
                    Index first = col->firstCell;
                    const Index last = col->firstCell + col->cellCount;
                    if constexpr (Temporal) {
                        first = Index(std::lower_bound(m_cellKey.begin() + first,
                                                       m_cellKey.begin() + last, key.ct - kReach,
                                                       [](const CellKey &k, std::int64_t ct) {
                                                           return k.ct < ct;
                                                       }) -
                                      m_cellKey.begin());
                    }
                    for (Index d = first; d < last; ++d) {
                        if (Temporal && m_cellKey[d].ct > key.ct + kReach)
                            break;
                        m_neighbours.push_back(d);
                    }
                }
            }
            m_neighbourStart.push_back(Index(m_neighbours.size()));
            m_progress.tick(c);
        }
    }

    /// A site is core when the points within eps (itself and its duplicates included) number at
    /// least minPoints. A cell holding minPoints points makes all its sites core at once.
    void findCores()
    {
        const std::size_t cells = m_cellKey.size();
        m_progress.stage(35, 60, cells, "");
        m_siteCore.assign(m_x.size(), 0);
        const std::uint64_t minPoints = std::uint64_t(m_minPoints);
        for (Index c = 0; c < cells; ++c) {
            if (m_cellCount[c] >= minPoints) {
                std::fill(m_siteCore.begin() + m_cellStart[c],
                          m_siteCore.begin() + m_cellStart[c + 1], std::uint8_t(1));
            } else {
                for (Index s = m_cellStart[c]; s < m_cellStart[c + 1]; ++s) {
                    std::uint64_t count = 0;
                    for (Index d : neighbourCells(c)) {
                        for (Index u = m_cellStart[d]; u < m_cellStart[d + 1] && count < minPoints;
                             ++u)
                            if (near(s, u))
                                count += m_multiplicity[u];
                        if (count >= minPoints)
                            break;
                    }
                    m_siteCore[s] = count >= minPoints ? 1 : 0;
                }
            }
            m_progress.tick(c);
        }
    }

    /// Union-find over core sites: cores of one cell are all neighbours; cores of two nearby cells
    /// are joined as soon as one pair of them are neighbours.
    void connectCores()
    {
        const std::size_t cells = m_cellKey.size();
        m_progress.stage(60, 80, cells, "");
        m_parent.resize(m_x.size());
        for (Index s = 0; s < m_parent.size(); ++s)
            m_parent[s] = s;
        m_cellCore.assign(cells, kNone); // first core site of each cell
        for (Index c = 0; c < cells; ++c) {
            for (Index s = m_cellStart[c]; s < m_cellStart[c + 1]; ++s) {
                if (!m_siteCore[s])
                    continue;
                if (m_cellCore[c] == kNone)
                    m_cellCore[c] = s;
                else
                    unite(m_cellCore[c], s);
            }
        }
        for (Index c = 0; c < cells; ++c) {
            if (m_cellCore[c] == kNone)
                continue;
            for (Index d : neighbourCells(c)) {
                if (d <= c || m_cellCore[d] == kNone || find(m_cellCore[c]) == find(m_cellCore[d]))
                    continue;
                if (coresTouch(c, d))
                    unite(m_cellCore[c], m_cellCore[d]);
            }
            m_progress.tick(c);
        }
    }

    bool coresTouch(Index c, Index d) const
    {
        for (Index s = m_cellCore[c]; s < m_cellStart[c + 1]; ++s) {
            if (!m_siteCore[s])
                continue;
            for (Index u = m_cellCore[d]; u < m_cellStart[d + 1]; ++u)
                if (m_siteCore[u] && near(s, u))
                    return true;
        }
        return false;
    }

    /// Numbers clusters by their first core point in input order, then gives each border site
    /// the lowest cluster number among its core neighbours (or noise under DBSCAN*).
    void labelSites()
    {
        const std::size_t n = m_points.size();
        m_progress.stage(80, 85, n, "");
        std::vector<int> rootLabel(m_x.size(), -1);
        m_siteLabel.assign(m_x.size(), -1);
        for (std::size_t i = 0; i < n; ++i) {
            const Index s = m_pointSite[i];
            if (m_siteCore[s]) {
                const Index root = find(s);
                if (rootLabel[root] < 0)
                    rootLabel[root] = m_clusterCount++;
                m_siteLabel[s] = rootLabel[root];
            }
            m_progress.tick(i);
        }
        if (m_borderAsNoise)
            return;
        const std::size_t cells = m_cellKey.size();
        m_progress.stage(85, 97, cells, "");
        for (Index c = 0; c < cells; ++c) {
            for (Index s = m_cellStart[c]; s < m_cellStart[c + 1]; ++s) {
                if (m_siteCore[s])
                    continue;
                int best = std::numeric_limits<int>::max();
                for (Index d : neighbourCells(c)) {
                    if (m_cellCore[d] == kNone)
                        continue;
                    for (Index u = m_cellCore[d]; u < m_cellStart[d + 1]; ++u)
                        if (m_siteCore[u] && m_siteLabel[u] < best && near(s, u))
                            best = m_siteLabel[u];
                }
                if (best != std::numeric_limits<int>::max())
                    m_siteLabel[s] = best;
            }
            m_progress.tick(c);
        }
    }

    const PointSet &m_points;
    const double m_eps2;
    const double m_epsTime;
    const int m_minPoints;
    const bool m_borderAsNoise;
    Progress m_progress;
    Feedback *m_feedback;
    double m_side = 1, m_sideTime = 1;

    // Sites (distinct coordinates), ordered by cell.
    std::vector<double> m_x, m_y, m_t;
    std::vector<std::uint32_t> m_multiplicity;
    std::vector<Index> m_pointSite; // per input point
    std::vector<std::uint8_t> m_siteCore;
    std::vector<Index> m_parent;
    std::vector<int> m_siteLabel;
    int m_clusterCount = 0;

    // Cells, sorted by key; sites of cell c are [m_cellStart[c], m_cellStart[c + 1]).
    std::vector<CellKey> m_cellKey;
    std::vector<Index> m_cellStart;
    std::vector<std::uint64_t> m_cellCount; // points, duplicates included
    std::vector<Index> m_cellCore;
    std::vector<Index> m_neighbourStart, m_neighbours;
};

void checkCoordinates(const PointSet &points, bool needTime, const char *function)
{
    const std::size_t n = points.x.size();
    if (points.y.size() != n)
        throw std::invalid_argument(std::string(function) +
                                    ": points.x and points.y differ in size");
    if (needTime && points.t.size() != n)
        throw std::invalid_argument(std::string(function) +
                                    ": points.t must hold one time (days) per point");
    if (n >= std::size_t(kNone))
        throw std::invalid_argument(std::string(function) + ": too many points (limit 2^32 - 2)");
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(points.x[i]) || !std::isfinite(points.y[i]))
            throw std::invalid_argument(std::string(function) +
                                        ": points must have finite x and y (point " +
                                        std::to_string(i) + ")");
        if (needTime && !std::isfinite(points.t[i]))
            throw std::invalid_argument(std::string(function) +
                                        ": points.t must be finite (point " + std::to_string(i) +
                                        ")");
    }
}

/**
 * Implicit 2-d tree (median splits on alternating axes, no stored nodes) for nearest-other-point
 * queries; robust to strongly clustered points and to many coincident points.
 */
class NearestNeighbourTree
{
public:
    NearestNeighbourTree(std::span<const double> x, std::span<const double> y)
        : m_x(x), m_y(y), m_order(x.size())
    {
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = i;
        build(0, m_order.size(), 0);
    }

    /// Squared distance from point i to the nearest other point (0 when it has a duplicate).
    double nearestSquaredDistance(std::size_t i) const
    {
        double best = std::numeric_limits<double>::infinity();
        search(0, m_order.size(), 0, i, best);
        return best;
    }

private:
    static constexpr std::size_t kLeaf = 8;

    double coordinate(std::size_t point, int axis) const { return axis ? m_y[point] : m_x[point]; }

    void build(std::size_t lo, std::size_t hi, int axis)
    {
        if (hi - lo <= kLeaf)
            return;
        const std::size_t mid = lo + (hi - lo) / 2;
        std::nth_element(m_order.begin() + lo, m_order.begin() + mid, m_order.begin() + hi,
                         [&](std::size_t a, std::size_t b) {
                             return coordinate(a, axis) < coordinate(b, axis);
                         });
        build(lo, mid, 1 - axis);
        build(mid + 1, hi, 1 - axis);
    }

    void consider(std::size_t j, std::size_t query, double &best) const
    {
        if (j == query)
            return;
        const double dx = m_x[j] - m_x[query], dy = m_y[j] - m_y[query];
        best = std::min(best, dx * dx + dy * dy);
    }

    void search(std::size_t lo, std::size_t hi, int axis, std::size_t query, double &best) const
    {
        if (hi - lo <= kLeaf) {
            for (std::size_t k = lo; k < hi; ++k)
                consider(m_order[k], query, best);
            return;
        }
        const std::size_t mid = lo + (hi - lo) / 2;
        consider(m_order[mid], query, best);
        const double diff = coordinate(query, axis) - coordinate(m_order[mid], axis);
        const bool leftFirst = diff <= 0;
        for (int side = 0; side < 2 && best > 0; ++side) {
            const bool left = (side == 0) == leftFirst;
            if (side == 1 && diff * diff > best)
                break; // the far side is beyond the best distance found
            if (left)
                search(lo, mid, 1 - axis, query, best);
            else
                search(mid + 1, hi, 1 - axis, query, best);
        }
    }

    std::span<const double> m_x, m_y;
    std::vector<std::size_t> m_order;
};

void checkEpsAndMinPoints(double eps, int minPoints, const char *function)
{
    if (!(eps > 0) || !std::isfinite(eps))
        throw std::invalid_argument(std::string(function) +
                                    ": eps must be a finite distance greater than 0");
    if (minPoints < 1)
        throw std::invalid_argument(std::string(function) + ": minPoints must be at least 1");
}

} // namespace

ClusterResult dbscan(const PointSet &points, const DbscanParams &p, Feedback *feedback)
{
    checkEpsAndMinPoints(p.eps, p.minPoints, "dbscan");
    checkCoordinates(points, false, "dbscan");
    return DensityClustering<false>(points, p.eps, 0.0, p.minPoints, p.borderPointsAsNoise,
                                    feedback)
        .run();
}

ClusterResult stDbscan(const PointSet &points, const StDbscanParams &p, Feedback *feedback)
{
    checkEpsAndMinPoints(p.eps, p.minPoints, "stDbscan");
    if (!(p.epsTimeDays > 0) || !std::isfinite(p.epsTimeDays))
        throw std::invalid_argument(
            "stDbscan: epsTimeDays must be a finite duration greater than 0");
    checkCoordinates(points, true, "stDbscan");
    return DensityClustering<true>(points, p.eps, p.epsTimeDays, p.minPoints, p.borderPointsAsNoise,
                                   feedback)
        .run();
}

double boundingBoxArea(std::span<const double> x, std::span<const double> y)
{
    if (x.empty() || y.empty())
        return 0.0;
    const auto [x0, x1] = std::minmax_element(x.begin(), x.end());
    const auto [y0, y1] = std::minmax_element(y.begin(), y.end());
    return (*x1 - *x0) * (*y1 - *y0);
}

NearestNeighbourIndex nearestNeighbourIndex(std::span<const double> x, std::span<const double> y,
                                            double area)
{
    const std::size_t n = x.size();
    if (y.size() != n)
        throw std::invalid_argument("nearestNeighbourIndex: x and y differ in size");
    if (n < 2)
        throw std::invalid_argument("nearestNeighbourIndex: at least 2 points are needed");
    if (!(area > 0) || !std::isfinite(area))
        throw std::invalid_argument(
            "nearestNeighbourIndex: area must be finite and greater than 0");
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw std::invalid_argument(
                "nearestNeighbourIndex: coordinates must be finite (point " + std::to_string(i) +
                ")");

    const NearestNeighbourTree tree(x, y);
    double sumDistance = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        sumDistance += std::sqrt(tree.nearestSquaredDistance(i));

    NearestNeighbourIndex r;
    r.n = n;
    r.area = area;
    const double count = double(n);
    r.observedMean = sumDistance / count;
    r.expectedMean = 0.5 / std::sqrt(count / area);
    r.ratio = r.observedMean / r.expectedMean;
    const double standardError = 0.26136 / std::sqrt(count * count / area);
    r.z = (r.observedMean - r.expectedMean) / standardError;
    r.p = std::erfc(std::abs(r.z) / std::sqrt(2.0));
    return r;
}

} // namespace vigie::analytics
