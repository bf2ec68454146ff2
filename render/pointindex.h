// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layersnapshot.h"

#include <QRectF>

#include <cstdint>
#include <memory>
#include <vector>

namespace vigie::render {

/**
 * A bucket grid over the points of a snapshot, with the coordinates, times and categories copied
 * in bucket order (row-major), so that drawing a view touches only the buckets it overlaps and
 * reads memory sequentially. Built once per snapshot (snapshots are immutable) and cached.
 */
class PointIndex
{
public:
    explicit PointIndex(const core::LayerSnapshot &snapshot);

    /// The cached index of `snapshot` (built on first use; dropped when the snapshot dies).
    static std::shared_ptr<const PointIndex> of(const core::LayerSnapshotPtr &snapshot);

    /// Calls f(begin, end) for each contiguous range of sorted positions whose buckets overlap
    /// `area` (map units).
    template <typename F> void forRanges(const QRectF &area, F &&f) const
    {
        if (m_start.empty() || m_cols == 0)
            return;
        const int bx0 = bucketX(area.left()), bx1 = bucketX(area.right());
        const int by0 = bucketY(area.top()), by1 = bucketY(area.bottom());
        for (int by = by0; by <= by1; ++by) {
            const std::size_t b0 = std::size_t(by) * m_cols + bx0;
            const std::size_t b1 = std::size_t(by) * m_cols + bx1 + 1;
            if (m_start[b0] < m_start[b1])
                f(m_start[b0], m_start[b1]);
        }
    }

    std::vector<std::uint32_t> row; ///< original row of each sorted position
    std::vector<double> x;          ///< sorted copies
    std::vector<double> y;
    std::vector<std::int64_t> time;     ///< empty when the snapshot has none
    std::vector<std::int64_t> endTime;  ///< empty when the snapshot has none
    std::vector<std::int16_t> category; ///< empty when the snapshot has none

private:
    int bucketX(double v) const;
    int bucketY(double v) const;

    int m_cols = 0;
    int m_rows = 0;
    double m_x0 = 0.0, m_y0 = 0.0, m_kx = 0.0, m_ky = 0.0;
    std::vector<std::uint32_t> m_start; ///< first sorted position of each bucket, + end
};

} // namespace vigie::render
