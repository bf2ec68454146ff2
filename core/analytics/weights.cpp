// SPDX-License-Identifier: GPL-3.0-or-later
#include "weights.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace vigie::analytics {

namespace {

void checkCoordinates(std::span<const double> x, std::span<const double> y, const char *function)
{
    if (x.size() != y.size())
        throw std::invalid_argument(std::string(function) + ": x and y must have the same size");
    if (x.size() > std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw std::invalid_argument(std::string(function) + ": too many points");
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw std::invalid_argument(std::string(function) + ": x and y must be finite");
}

/// Points sorted into square buckets (counting sort): bucket b holds items[start[b]..start[b+1]).
struct Buckets
{
    double x0 = 0.0, y0 = 0.0, cell = 1.0;
    int nx = 1, ny = 1;
    std::vector<std::size_t> start;
    std::vector<std::int32_t> items;

    int colOf(double x) const { return std::clamp(int(std::floor((x - x0) / cell)), 0, nx - 1); }
    int rowOf(double y) const { return std::clamp(int(std::floor((y - y0) / cell)), 0, ny - 1); }

    Buckets(std::span<const double> x, std::span<const double> y, double wantedCell)
    {
        const std::size_t n = x.size();
        double x1 = 0.0, y1 = 0.0;
        if (n > 0) {
            const auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
            const auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
            x0 = *xmin, x1 = *xmax, y0 = *ymin, y1 = *ymax;
        }
        const double extent = std::max({x1 - x0, y1 - y0, 1e-300});
        // Never more than about 4 buckets per point (memory), never a zero-sized bucket.
        const double minCell = extent / std::max(1.0, std::sqrt(4.0 * double(n) + 1.0));
        cell = std::max({wantedCell, minCell, extent * 1e-12});
        nx = std::max(1, int(std::floor((x1 - x0) / cell)) + 1);
        ny = std::max(1, int(std::floor((y1 - y0) / cell)) + 1);
        start.assign(std::size_t(nx) * std::size_t(ny) + 1, 0);
        std::vector<std::size_t> bucketOf(n);
        for (std::size_t i = 0; i < n; ++i) {
            bucketOf[i] = std::size_t(rowOf(y[i])) * std::size_t(nx) + std::size_t(colOf(x[i]));
            ++start[bucketOf[i] + 1];
        }
        std::partial_sum(start.begin(), start.end(), start.begin());
        items.resize(n);
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n; ++i) // ascending i: items of a bucket stay sorted
            items[fill[bucketOf[i]]++] = std::int32_t(i);
    }
};

void sortRow(SpatialWeights &w, std::size_t begin)
{
    const std::size_t end = w.indices.size();
    std::sort(w.indices.begin() + std::ptrdiff_t(begin), w.indices.begin() + std::ptrdiff_t(end));
}

} // namespace

double SpatialWeights::rowSum(std::size_t i) const
{
    double s = 0.0;
    for (std::size_t k = offsets[i]; k < offsets[i + 1]; ++k)
        s += weights[k];
    return s;
}

void SpatialWeights::validate() const
{
    if (offsets.empty() || offsets.front() != 0)
        throw std::invalid_argument("SpatialWeights: offsets must start with 0");
    if (offsets.back() != indices.size() || indices.size() != weights.size())
        throw std::invalid_argument("SpatialWeights: offsets, indices and weights disagree");
    const std::size_t n = size();
    for (std::size_t i = 0; i < n; ++i) {
        if (offsets[i + 1] < offsets[i])
            throw std::invalid_argument("SpatialWeights: offsets must not decrease");
        for (std::size_t k = offsets[i]; k < offsets[i + 1]; ++k)
            if (indices[k] < 0 || std::size_t(indices[k]) >= n)
                throw std::invalid_argument("SpatialWeights: neighbour index out of range");
    }
}

SpatialWeights distanceBandWeights(std::span<const double> x, std::span<const double> y,
                                   double threshold, bool includeSelf)
{
    checkCoordinates(x, y, "distanceBandWeights");
    if (!(threshold >= 0.0) || !std::isfinite(threshold))
        throw std::invalid_argument(
            "distanceBandWeights: threshold must be a finite distance >= 0");
    const std::size_t n = x.size();
    SpatialWeights w;
    w.hasSelf = includeSelf;
    w.offsets.assign(1, 0);
    if (n == 0)
        return w;
    const Buckets b(x, y, threshold);
    const int reach = std::max(1, int(std::ceil(threshold / b.cell)));
    const double t2 = threshold * threshold;
    // Calls visit(j) for every neighbour j of i (any order).
    const auto forEachNeighbour = [&](std::size_t i, auto &&visit) {
        const int c = b.colOf(x[i]), r = b.rowOf(y[i]);
        const double xi = x[i], yi = y[i];
        for (int rr = std::max(0, r - reach); rr <= std::min(b.ny - 1, r + reach); ++rr) {
            const std::size_t rowStart = std::size_t(rr) * std::size_t(b.nx);
            const std::size_t first = b.start[rowStart + std::size_t(std::max(0, c - reach))];
            const std::size_t last =
                b.start[rowStart + std::size_t(std::min(b.nx - 1, c + reach)) + 1];
            for (std::size_t k = first; k < last; ++k) {
                const std::int32_t j = b.items[k];
                const double dx = x[std::size_t(j)] - xi, dy = y[std::size_t(j)] - yi;
                if (std::size_t(j) == i ? includeSelf : (dx * dx + dy * dy <= t2))
                    visit(j);
            }
        }
    };
    // Two passes (count, then fill) so that the result is allocated once: on virtual machines the
    // page faults of a growing vector cost more than the second distance test.
    w.offsets.resize(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t count = 0;
        forEachNeighbour(i, [&](std::int32_t) { ++count; });
        w.offsets[i + 1] = w.offsets[i] + count;
    }
    w.indices.resize(w.offsets[n]);
    for (std::size_t i = 0; i < n; ++i) {
        std::int32_t *out = w.indices.data() + w.offsets[i];
        forEachNeighbour(i, [&](std::int32_t j) { *out++ = j; });
        std::sort(w.indices.data() + w.offsets[i], out);
    }
    w.weights.assign(w.indices.size(), 1.0);
    return w;
}

namespace {

/// The k nearest other points of every point, each list sorted by (distance, index).
std::vector<std::vector<std::pair<double, std::int32_t>>>
nearestNeighbours(std::span<const double> x, std::span<const double> y, int k)
{
    const std::size_t n = x.size();
    // Buckets holding about k points on average.
    const auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
    const auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
    const double area = std::max((*xmax - *xmin) * (*ymax - *ymin), 0.0);
    const Buckets b(x, y, std::sqrt(area * double(k) / double(std::max<std::size_t>(n, 1))));
    std::vector<std::vector<std::pair<double, std::int32_t>>> result(n);
    std::vector<std::pair<double, std::int32_t>> heap;
    for (std::size_t i = 0; i < n; ++i) {
        heap.clear();
        const int c = b.colOf(x[i]), r = b.rowOf(y[i]);
        const int maxRing = std::max(b.nx, b.ny);
        for (int ring = 0; ring <= maxRing; ++ring) {
            for (int rr = r - ring; rr <= r + ring; ++rr) {
                if (rr < 0 || rr >= b.ny)
                    continue;
                const bool edgeRow = (rr == r - ring || rr == r + ring);
                for (int cc = c - ring; cc <= c + ring; cc += (edgeRow ? 1 : 2 * ring)) {
                    if (cc >= 0 && cc < b.nx) {
                        const std::size_t bucket =
                            std::size_t(rr) * std::size_t(b.nx) + std::size_t(cc);
                        for (std::size_t q = b.start[bucket]; q < b.start[bucket + 1]; ++q) {
                            const std::int32_t j = b.items[q];
                            if (std::size_t(j) == i)
                                continue;
                            const double dx = x[std::size_t(j)] - x[i],
                                         dy = y[std::size_t(j)] - y[i];
                            const std::pair<double, std::int32_t> cand{dx * dx + dy * dy, j};
                            if (int(heap.size()) < k) {
                                heap.push_back(cand);
                                std::push_heap(heap.begin(), heap.end());
                            } else if (cand < heap.front()) {
                                std::pop_heap(heap.begin(), heap.end());
                                heap.back() = cand;
                                std::push_heap(heap.begin(), heap.end());
                            }
                        }
                    }
                    if (ring == 0)
                        break;
                }
            }
            // Points of later rings are at least ring * cell away.
            if (int(heap.size()) == k) {
                const double bound = double(ring) * b.cell;
                if (heap.front().first < bound * bound)
                    break;
            }
        }
        std::sort_heap(heap.begin(), heap.end());
        result[i] = heap;
    }
    return result;
}

} // namespace

SpatialWeights knnWeights(std::span<const double> x, std::span<const double> y, int k,
                          bool includeSelf)
{
    checkCoordinates(x, y, "knnWeights");
    if (k < 1 || std::size_t(k) >= x.size())
        throw std::invalid_argument(
            "knnWeights: k must be >= 1 and smaller than the number of points");
    const auto nn = nearestNeighbours(x, y, k);
    SpatialWeights w;
    w.hasSelf = includeSelf;
    w.offsets.assign(1, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::size_t rowBegin = w.indices.size();
        for (const auto &[d2, j] : nn[i])
            w.indices.push_back(j);
        if (includeSelf)
            w.indices.push_back(std::int32_t(i));
        sortRow(w, rowBegin);
        w.offsets.push_back(w.indices.size());
    }
    w.weights.assign(w.indices.size(), 1.0);
    return w;
}

std::vector<double> kthNeighbourDistances(std::span<const double> x, std::span<const double> y,
                                          int k)
{
    checkCoordinates(x, y, "kthNeighbourDistances");
    if (k < 1 || std::size_t(k) >= x.size())
        throw std::invalid_argument(
            "kthNeighbourDistances: k must be >= 1 and smaller than the number of points");
    const auto nn = nearestNeighbours(x, y, k);
    std::vector<double> d(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        d[i] = std::sqrt(nn[i].back().first);
    return d;
}

SpatialWeights gridContiguityWeights(int cols, int rows, bool queen, bool includeSelf,
                                     std::span<const std::uint8_t> mask)
{
    if (cols < 1 || rows < 1)
        throw std::invalid_argument("gridContiguityWeights: cols and rows must be >= 1");
    const std::size_t n = std::size_t(cols) * std::size_t(rows);
    if (n > std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw std::invalid_argument("gridContiguityWeights: too many cells");
    if (!mask.empty() && mask.size() != n)
        throw std::invalid_argument(
            "gridContiguityWeights: mask must be empty or have cols*rows values");
    const auto present = [&](int c, int r) {
        return c >= 0 && r >= 0 && c < cols && r < rows &&
               (mask.empty() || mask[std::size_t(r) * std::size_t(cols) + std::size_t(c)] != 0);
    };
    SpatialWeights w;
    w.hasSelf = includeSelf;
    w.offsets.assign(1, 0);
    w.offsets.reserve(n + 1);
    w.indices.reserve(n * (queen ? 9 : 5));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (present(c, r)) {
                // Visited in row-major order, so the row comes out sorted.
                for (int dr = -1; dr <= 1; ++dr)
                    for (int dc = -1; dc <= 1; ++dc) {
                        const bool self = (dr == 0 && dc == 0);
                        if (self ? !includeSelf : (!queen && dr != 0 && dc != 0))
                            continue;
                        if (present(c + dc, r + dr))
                            w.indices.push_back(std::int32_t((r + dr) * cols + (c + dc)));
                    }
            }
            w.offsets.push_back(w.indices.size());
        }
    }
    w.weights.assign(w.indices.size(), 1.0);
    return w;
}

double HexGrid::rowHeight() const
{
    return spacing * std::sqrt(3.0) / 2.0;
}
double HexGrid::circumradius() const
{
    return spacing / std::sqrt(3.0);
}

std::int64_t HexGrid::indexOf(double px, double py) const
{
    if (cols < 1 || rows < 1 || !std::isfinite(px) || !std::isfinite(py))
        return -1;
    const double h = rowHeight();
    const int r0 = int(std::floor((py - yMin) / h + 0.5));
    std::int64_t best = -1;
    double bestD2 = std::numeric_limits<double>::infinity();
    for (int r = r0 - 1; r <= r0 + 1; ++r) {
        if (r < 0 || r >= rows)
            continue;
        const double shift = (r % 2 == 1) ? spacing / 2.0 : 0.0;
        const int c0 = int(std::floor((px - xMin - shift) / spacing + 0.5));
        for (int c = c0 - 1; c <= c0 + 1; ++c) {
            if (c < 0 || c >= cols)
                continue;
            const std::size_t i = std::size_t(r) * std::size_t(cols) + std::size_t(c);
            const double dx = px - x[i], dy = py - y[i];
            const double d2 = dx * dx + dy * dy;
            if (d2 < bestD2)
                bestD2 = d2, best = std::int64_t(i);
        }
    }
    if (best < 0)
        return -1;
    // Inside the (pointy-top) hexagon of the nearest centre?
    const double a = spacing / 2.0 * (1.0 + 1e-12);
    const double dx = std::abs(px - x[std::size_t(best)]), dy = std::abs(py - y[std::size_t(best)]);
    if (dx <= a && 0.5 * dx + (std::sqrt(3.0) / 2.0) * dy <= a)
        return best;
    return -1;
}

std::vector<std::pair<double, double>> HexGrid::vertices(std::size_t i) const
{
    std::vector<std::pair<double, double>> v;
    const double radius = circumradius();
    for (int k = 0; k < 6; ++k) {
        const double angle = (30.0 + 60.0 * k) * 3.14159265358979323846 / 180.0;
        v.emplace_back(x[i] + radius * std::cos(angle), y[i] + radius * std::sin(angle));
    }
    return v;
}

HexGrid hexGrid(double x0, double y0, double x1, double y1, double spacing)
{
    if (!(spacing > 0.0) || !std::isfinite(spacing))
        throw std::invalid_argument("hexGrid: spacing must be a positive distance");
    if (!(x1 >= x0) || !(y1 >= y0) || !std::isfinite(x0) || !std::isfinite(x1) ||
        !std::isfinite(y0) || !std::isfinite(y1))
        throw std::invalid_argument(
            "hexGrid: the extent must be finite with x1 >= x0 and y1 >= y0");
    HexGrid g;
    g.xMin = x0;
    g.yMin = y0;
    g.spacing = spacing;
    g.cols = int(std::floor((x1 - x0) / spacing)) + 1;
    g.rows = int(std::floor((y1 - y0) / g.rowHeight())) + 1;
    if (double(g.cols) * double(g.rows) > double(std::numeric_limits<std::int32_t>::max()))
        throw std::invalid_argument("hexGrid: too many hexagons for this spacing");
    g.x.reserve(std::size_t(g.cols) * std::size_t(g.rows));
    g.y.reserve(g.x.capacity());
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            g.x.push_back(x0 + c * spacing + ((r % 2 == 1) ? spacing / 2.0 : 0.0));
            g.y.push_back(y0 + r * g.rowHeight());
        }
    return g;
}

SpatialWeights hexContiguityWeights(const HexGrid &grid, bool includeSelf)
{
    // Adjacent centres are `spacing` apart, the next ring sqrt(3) * spacing.
    return distanceBandWeights(grid.x, grid.y, grid.spacing * 1.01, includeSelf);
}

SpatialWeights polygonContiguityWeights(const std::vector<PolygonRings> &polygons, bool queen,
                                        double snapTolerance, bool includeSelf)
{
    if (!(snapTolerance >= 0.0) || !std::isfinite(snapTolerance))
        throw std::invalid_argument("polygonContiguityWeights: snapTolerance must be >= 0");
    if (polygons.size() > std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw std::invalid_argument("polygonContiguityWeights: too many polygons");
    // Every vertex once (the closing vertex of a ring is dropped).
    std::vector<double> vx, vy;
    std::vector<std::int32_t> owner;
    for (std::size_t p = 0; p < polygons.size(); ++p)
        for (const auto &ring : polygons[p]) {
            std::size_t count = ring.size();
            if (count > 1 && ring.front() == ring.back())
                --count;
            for (std::size_t k = 0; k < count; ++k) {
                if (!std::isfinite(ring[k].first) || !std::isfinite(ring[k].second))
                    throw std::invalid_argument(
                        "polygonContiguityWeights: vertices must be finite");
                vx.push_back(ring[k].first);
                vy.push_back(ring[k].second);
                owner.push_back(std::int32_t(p));
            }
        }
    const std::size_t nv = vx.size();
    double extent = 0.0;
    for (std::size_t k = 0; k < nv; ++k)
        extent = std::max({extent, std::abs(vx[k]), std::abs(vy[k])});
    const double cell = std::max(snapTolerance, std::max(extent, 1.0) * 1e-12);
    struct Key
    {
        std::int64_t cx, cy;
        std::int32_t vertex;
        bool operator<(const Key &o) const
        {
            return cx != o.cx ? cx < o.cx : (cy != o.cy ? cy < o.cy : vertex < o.vertex);
        }
    };
    std::vector<Key> keys(nv);
    for (std::size_t k = 0; k < nv; ++k)
        keys[k] = {std::int64_t(std::floor(vx[k] / cell)), std::int64_t(std::floor(vy[k] / cell)),
                   std::int32_t(k)};
    std::sort(keys.begin(), keys.end());
    // Number of matching vertex pairs per polygon pair (p < q).
    std::unordered_map<std::uint64_t, int> pairs;
    for (std::size_t k = 0; k < nv; ++k) {
        const std::int64_t cx = std::int64_t(std::floor(vx[k] / cell));
        const std::int64_t cy = std::int64_t(std::floor(vy[k] / cell));
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                auto it = std::lower_bound(
                    keys.begin(), keys.end(),
                    Key{cx + dx, cy + dy, std::numeric_limits<std::int32_t>::min()});
                for (; it != keys.end() && it->cx == cx + dx && it->cy == cy + dy; ++it) {
                    const std::size_t m = std::size_t(it->vertex);
                    if (owner[m] <= owner[k])
                        continue;
                    const double ddx = vx[m] - vx[k], ddy = vy[m] - vy[k];
                    if (std::abs(ddx) > snapTolerance || std::abs(ddy) > snapTolerance)
                        continue;
                    if (std::hypot(ddx, ddy) <= snapTolerance)
                        ++pairs[(std::uint64_t(std::uint32_t(owner[k])) << 32) |
                                std::uint32_t(owner[m])];
                }
            }
    }
    const int needed = queen ? 1 : 2;
    std::vector<std::vector<std::int32_t>> rows(polygons.size());
    for (const auto &[key, count] : pairs) {
        if (count < needed)
            continue;
        const auto p = std::int32_t(key >> 32), q = std::int32_t(key & 0xffffffffu);
        rows[std::size_t(p)].push_back(q);
        rows[std::size_t(q)].push_back(p);
    }
    SpatialWeights w;
    w.hasSelf = includeSelf;
    w.offsets.assign(1, 0);
    for (std::size_t p = 0; p < rows.size(); ++p) {
        if (includeSelf)
            rows[p].push_back(std::int32_t(p));
        std::sort(rows[p].begin(), rows[p].end());
        w.indices.insert(w.indices.end(), rows[p].begin(), rows[p].end());
        w.offsets.push_back(w.indices.size());
    }
    w.weights.assign(w.indices.size(), 1.0);
    return w;
}

SpatialWeights rowStandardised(const SpatialWeights &w)
{
    SpatialWeights out = w;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const double s = w.rowSum(i);
        if (s != 0.0)
            for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
                out.weights[k] = w.weights[k] / s;
    }
    return out;
}

SpatialWeights withSelf(const SpatialWeights &w)
{
    SpatialWeights out;
    out.hasSelf = true;
    out.offsets.assign(1, 0);
    for (std::size_t i = 0; i < w.size(); ++i) {
        bool placed = false;
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
            const auto j = w.indices[k];
            if (!placed && std::size_t(j) >= i) {
                placed = true;
                if (std::size_t(j) != i) {
                    out.indices.push_back(std::int32_t(i));
                    out.weights.push_back(1.0);
                }
            }
            out.indices.push_back(j);
            out.weights.push_back(w.weights[k]);
        }
        if (!placed) {
            out.indices.push_back(std::int32_t(i));
            out.weights.push_back(1.0);
        }
        out.offsets.push_back(out.indices.size());
    }
    return out;
}

SpatialWeights withoutSelf(const SpatialWeights &w)
{
    SpatialWeights out;
    out.hasSelf = false;
    out.offsets.assign(1, 0);
    for (std::size_t i = 0; i < w.size(); ++i) {
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
            if (std::size_t(w.indices[k]) != i) {
                out.indices.push_back(w.indices[k]);
                out.weights.push_back(w.weights[k]);
            }
        out.offsets.push_back(out.indices.size());
    }
    return out;
}

} // namespace vigie::analytics
