// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pointindex.h"

#include <algorithm>
#include <cmath>
#include <mutex>

namespace vigie::render {

namespace {
/// About this many points per bucket, at most kMaxSide buckets a side.
constexpr double kPointsPerBucket = 64.0;
constexpr int kMaxSide = 512;
} // namespace

PointIndex::PointIndex(const core::LayerSnapshot &s)
{
    const std::size_t n = std::min({s.size(), s.x.size(), s.y.size()});
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]))
            continue;
        x0 = std::min(x0, s.x[i]);
        x1 = std::max(x1, s.x[i]);
        y0 = std::min(y0, s.y[i]);
        y1 = std::max(y1, s.y[i]);
    }
    if (!(x0 <= x1))
        return;
    const int side = std::clamp(int(std::sqrt(double(n) / kPointsPerBucket)), 1, kMaxSide);
    m_cols = m_rows = side;
    m_x0 = x0;
    m_y0 = y0;
    m_kx = x1 > x0 ? side / (x1 - x0) : 0.0;
    m_ky = y1 > y0 ? side / (y1 - y0) : 0.0;

    // Counting sort of the rows by bucket (row-major, south row first).
    std::vector<std::uint32_t> bucketOf(n, UINT32_MAX);
    m_start.assign(std::size_t(side) * side + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]))
            continue;
        const std::uint32_t b = std::uint32_t(bucketY(s.y[i]) * side + bucketX(s.x[i]));
        bucketOf[i] = b;
        ++m_start[b + 1];
    }
    for (std::size_t b = 1; b < m_start.size(); ++b)
        m_start[b] += m_start[b - 1];
    const std::size_t total = m_start.back();
    row.resize(total);
    std::vector<std::uint32_t> next(m_start.begin(), m_start.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        if (bucketOf[i] != UINT32_MAX)
            row[next[bucketOf[i]]++] = std::uint32_t(i);

    x.resize(total);
    y.resize(total);
    for (std::size_t k = 0; k < total; ++k) {
        x[k] = s.x[row[k]];
        y[k] = s.y[row[k]];
    }
    if (s.time.size() >= n) {
        time.resize(total);
        for (std::size_t k = 0; k < total; ++k)
            time[k] = s.time[row[k]];
    }
    if (s.endTime.size() >= n) {
        endTime.resize(total);
        for (std::size_t k = 0; k < total; ++k)
            endTime[k] = s.endTime[row[k]];
    }
    if (s.category.size() >= n) {
        category.resize(total);
        for (std::size_t k = 0; k < total; ++k)
            category[k] = s.category[row[k]];
    }
}

namespace {
/// A bucket number from a scaled coordinate, compared as a double before any conversion: NaN,
/// infinities and values beyond int's range (a query box from a garbled extent) stay in range.
int clampBucket(double b, int count)
{
    if (!(b > 0.0)) // also NaN
        return 0;
    if (b >= double(count - 1))
        return count - 1;
    return int(b);
}
} // namespace

int PointIndex::bucketX(double v) const
{
    return clampBucket((v - m_x0) * m_kx, m_cols);
}

int PointIndex::bucketY(double v) const
{
    return clampBucket((v - m_y0) * m_ky, m_rows);
}

std::shared_ptr<const PointIndex> PointIndex::of(const core::LayerSnapshotPtr &snapshot)
{
    if (!snapshot)
        return {};
    struct Entry
    {
        std::weak_ptr<const core::LayerSnapshot> owner;
        std::shared_ptr<const PointIndex> index;
    };
    static std::mutex mutex;
    static std::vector<Entry> cache;
    std::lock_guard<std::mutex> lock(mutex);
    std::erase_if(cache, [](const Entry &e) { return e.owner.expired(); });
    for (const Entry &e : cache) {
        if (!e.owner.owner_before(snapshot) && !snapshot.owner_before(e.owner))
            return e.index;
    }
    auto index = std::make_shared<const PointIndex>(*snapshot);
    cache.push_back({snapshot, index});
    return index;
}

} // namespace vigie::render
