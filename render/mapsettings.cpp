// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/mapsettings.h"

#include <algorithm>
#include <cmath>

namespace vigie::render {

namespace {
constexpr double kMetresPerInch = 0.0254;
}

QRectF MapSettings::visibleExtent() const
{
    const QRectF e = extent.normalized();
    // An extent from garbled data (infinite, NaN, overflowing) shows nothing rather than
    // letting NaN reach pixel arithmetic.
    if (!std::isfinite(e.left()) || !std::isfinite(e.top()) || !std::isfinite(e.width()) ||
        !std::isfinite(e.height()))
        return QRectF();
    if (e.isEmpty() || outputSize.width() <= 0 || outputSize.height() <= 0)
        return e;
    // Keep the whole requested extent in view: the larger ratio wins, the other axis widens.
    const double mupp = std::max(e.width() / outputSize.width(), e.height() / outputSize.height());
    const double w = mupp * outputSize.width();
    const double h = mupp * outputSize.height();
    const QPointF c = e.center();
    return QRectF(c.x() - w / 2.0, c.y() - h / 2.0, w, h);
}

double MapSettings::mapUnitsPerPixel() const
{
    if (outputSize.width() <= 0)
        return 0.0;
    return visibleExtent().width() / outputSize.width();
}

double MapSettings::scaleDenominator() const
{
    // One pixel is 1/dpi inch on the output; the map shows mapUnitsPerPixel metres in it.
    if (dpi <= 0.0)
        return 0.0;
    return mapUnitsPerPixel() * dpi / kMetresPerInch;
}

QTransform MapSettings::mapToPixel() const
{
    const QRectF v = visibleExtent();
    const double mupp = mapUnitsPerPixel();
    if (mupp <= 0.0)
        return QTransform();
    const double k = 1.0 / mupp;
    // QRectF keeps y growing with bottom(): in map terms bottom() is the northern edge.
    return QTransform(k, 0.0, 0.0, -k, -v.left() * k, v.bottom() * k);
}

} // namespace vigie::render
