// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"

#include <QPointF>
#include <QString>

#include <memory>

namespace vigie::core {

inline constexpr int kStoreEpsg = 2154; ///< RGF93 / Lambert-93: the store's CRS

/**
 * A coordinate operation between two CRS with PROJ, axis order normalised to x/east first
 * (longitude first for geographic CRS). Not thread-safe: one per thread.
 */
class CoordinateTransform
{
public:
    /// source/target: "EPSG:4326", WKT, PROJJSON or a PROJ string.
    static Result<CoordinateTransform> create(const QString &source, const QString &target);
    CoordinateTransform(CoordinateTransform &&) noexcept;
    CoordinateTransform &operator=(CoordinateTransform &&) noexcept;
    ~CoordinateTransform();

    /// Transforms in place; returns false (and leaves the point) on failure.
    bool transform(double &x, double &y) const;
    bool inverse(double &x, double &y) const;
    QPointF transform(const QPointF &p) const;

private:
    CoordinateTransform() = default;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigie::core
