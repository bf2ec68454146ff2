// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/symbolstyle.h"

#include "render/mapsettings.h"

#include <QPaintDevice>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigie::render {

QColor colorFromString(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() == 9 && t.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint rgba = t.mid(1).toUInt(&ok, 16);
        if (!ok)
            return {};
        return QColor(int((rgba >> 24) & 0xff), int((rgba >> 16) & 0xff), int((rgba >> 8) & 0xff),
                      int(rgba & 0xff));
    }
    if (t.size() == 7 && t.startsWith(QLatin1Char('#')))
        return QColor::fromString(t);
    return {};
}

QColor rampColor(const std::vector<core::ColorStop> &ramp, double value)
{
    if (ramp.empty())
        return {};
    if (std::isnan(value) || value <= ramp.front().value)
        return colorFromString(ramp.front().color);
    for (std::size_t i = 1; i < ramp.size(); ++i) {
        const core::ColorStop &a = ramp[i - 1];
        const core::ColorStop &b = ramp[i];
        if (value <= b.value) {
            const double span = b.value - a.value;
            const double t = span > 0.0 ? (value - a.value) / span : 1.0;
            const QColor ca = colorFromString(a.color);
            const QColor cb = colorFromString(b.color);
            auto mix = [t](double u, double v) { return u + (v - u) * t; };
            return QColor::fromRgbF(
                float(mix(ca.redF(), cb.redF())), float(mix(ca.greenF(), cb.greenF())),
                float(mix(ca.blueF(), cb.blueF())), float(mix(ca.alphaF(), cb.alphaF())));
        }
    }
    return colorFromString(ramp.back().color);
}

QFont mapFont(double points, double dpi, const QPaintDevice *device, bool bold)
{
    QFont font(QString::fromLatin1(kMapFontFamily));
    const double deviceDpi = device ? std::max(1, device->logicalDpiY()) : 72.0;
    font.setPointSizeF(std::max(1.0, points * dpi / deviceDpi));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(
        QFont::StyleStrategy(QFont::PreferAntialias | QFont::NoSubpixelAntialias));
    return font;
}

bool timeVisible(const core::LayerSnapshot &s, std::size_t row, std::int64_t from, std::int64_t to)
{
    constexpr std::int64_t kNoTime = core::LayerSnapshot::kNoTime;
    if (s.time.size() <= row)
        return true;
    const std::int64_t start = s.time[row];
    if (start == kNoTime)
        return true;
    std::int64_t end = start;
    if (!s.manifest.endTimeField.isEmpty() && row < s.endTime.size()) {
        end = s.endTime[row];
        if (end == kNoTime)
            end = INT64_MAX; // still going on
        else if (end < start)
            end = start;
    }
    if (to != kNoTime && start > to)
        return false;
    if (from != kNoTime && end < from)
        return false;
    return true;
}

bool categoryVisible(const MapLayer &layer, int category)
{
    if (category < 0 || std::size_t(category) >= layer.categoryVisible.size())
        return true;
    return layer.categoryVisible[std::size_t(category)];
}

QPainterPath markerPath(const QString &shape, double size)
{
    const double r = size / 2.0;
    QPainterPath path;
    if (shape == QLatin1String("square")) {
        path.addRect(QRectF(-r, -r, size, size));
    } else if (shape == QLatin1String("triangle")) {
        // Equilateral, pointing up, centred on its bounding box.
        const double h = size * std::sqrt(3.0) / 2.0;
        path.moveTo(0.0, -h / 2.0);
        path.lineTo(r, h / 2.0);
        path.lineTo(-r, h / 2.0);
        path.closeSubpath();
    } else if (shape == QLatin1String("diamond")) {
        path.moveTo(0.0, -r);
        path.lineTo(r * 0.8, 0.0);
        path.lineTo(0.0, r);
        path.lineTo(-r * 0.8, 0.0);
        path.closeSubpath();
    } else if (shape == QLatin1String("star")) {
        const double inner = r * 0.45;
        for (int i = 0; i < 10; ++i) {
            const double a = -std::numbers::pi / 2.0 + i * std::numbers::pi / 5.0;
            const double rr = (i % 2 == 0) ? r : inner;
            const QPointF p(rr * std::cos(a), rr * std::sin(a));
            if (i == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        path.closeSubpath();
    } else {
        path.addEllipse(QPointF(0.0, 0.0), r, r);
    }
    return path;
}

namespace {

double ringSignedArea(const core::Path &ring)
{
    double a = 0.0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const QPointF &p = ring[i];
        const QPointF &q = ring[(i + 1) % n];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return a / 2.0;
}

} // namespace

QPointF polygonLabelPoint(const core::PolygonRings &polygon)
{
    if (polygon.empty() || polygon.front().size() < 3)
        return {};
    const core::Path &outer = polygon.front();
    // Centroid of the exterior ring (shoelace).
    const double area = ringSignedArea(outer);
    QRectF box;
    {
        double x0 = outer.front().x(), x1 = x0, y0 = outer.front().y(), y1 = y0;
        for (const QPointF &p : outer) {
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
        box = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    }
    if (std::abs(area) > 0.0) {
        double cx = 0.0, cy = 0.0;
        for (std::size_t i = 0, n = outer.size(); i < n; ++i) {
            const QPointF &p = outer[i];
            const QPointF &q = outer[(i + 1) % n];
            const double f = p.x() * q.y() - q.x() * p.y();
            cx += (p.x() + q.x()) * f;
            cy += (p.y() + q.y()) * f;
        }
        const QPointF c(cx / (6.0 * area), cy / (6.0 * area));
        if (core::contains(polygon, c))
            return c;
    }
    // Scan horizontal lines; keep the widest span inside the polygon (even-odd over all rings).
    QPointF best;
    double bestWidth = -1.0;
    static constexpr double kLevels[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9};
    for (double level : kLevels) {
        const double y = box.top() + box.height() * level;
        std::vector<double> xs;
        for (const core::Path &ring : polygon) {
            for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
                const QPointF &p = ring[i];
                const QPointF &q = ring[(i + 1) % n];
                if ((p.y() <= y) == (q.y() <= y))
                    continue;
                xs.push_back(p.x() + (y - p.y()) * (q.x() - p.x()) / (q.y() - p.y()));
            }
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double w = xs[i + 1] - xs[i];
            if (w > bestWidth) {
                bestWidth = w;
                best = QPointF((xs[i] + xs[i + 1]) / 2.0, y);
            }
        }
        // A span covering a good share of the box is central enough: stop early.
        if (bestWidth >= box.width() * 0.5)
            break;
    }
    return bestWidth > 0.0 ? best : box.center();
}

QColor pointFillColor(const core::LayerManifest &manifest, int category)
{
    if (category >= 0 && std::size_t(category) < manifest.categories.size()) {
        const QColor c = colorFromString(manifest.categories[std::size_t(category)].color);
        if (c.isValid())
            return c;
    }
    const QColor stroke = colorFromString(manifest.symbology.stroke);
    return stroke.isValid() ? stroke : QColor(0x33, 0x33, 0x33);
}

} // namespace vigie::render
