// SPDX-License-Identifier: GPL-3.0-or-later
#include "wkb.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace vigie::core::detail {

namespace {

class WkbReader
{
public:
    WkbReader(const unsigned char *data, std::size_t size) : m_p(data), m_end(data + size) {}

    bool atEnd() const { return m_p == m_end; }

    bool byteOrder(bool &little)
    {
        if (m_p >= m_end)
            return false;
        const unsigned char b = *m_p++;
        if (b > 1)
            return false;
        little = b == 1;
        return true;
    }

    bool u32(bool little, std::uint32_t &v)
    {
        if (m_end - m_p < 4)
            return false;
        unsigned char b[4];
        std::memcpy(b, m_p, 4);
        m_p += 4;
        v = little ? (std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 |
                      std::uint32_t(b[3]) << 24)
                   : (std::uint32_t(b[3]) | std::uint32_t(b[2]) << 8 | std::uint32_t(b[1]) << 16 |
                      std::uint32_t(b[0]) << 24);
        return true;
    }

    bool f64(bool little, double &v)
    {
        if (m_end - m_p < 8)
            return false;
        unsigned char b[8];
        std::memcpy(b, m_p, 8);
        m_p += 8;
        const bool hostLittle = std::endian::native == std::endian::little;
        if (little != hostLittle)
            for (int i = 0; i < 4; ++i)
                std::swap(b[i], b[7 - i]);
        std::memcpy(&v, b, 8);
        return true;
    }

    std::size_t remaining() const { return static_cast<std::size_t>(m_end - m_p); }

private:
    const unsigned char *m_p;
    const unsigned char *m_end;
};

struct Bounds
{
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();
    void add(double x, double y)
    {
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        minY = std::min(minY, y);
        maxY = std::max(maxY, y);
    }
};

std::string readPath(WkbReader &r, bool little, Path &path, Bounds &b, std::uint32_t minPoints)
{
    std::uint32_t n = 0;
    if (!r.u32(little, n))
        return "truncated WKB";
    if (n < minPoints)
        return "too few points";
    if (std::size_t(n) * 16 > r.remaining())
        return "truncated WKB";
    path.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        double x = 0, y = 0;
        r.f64(little, x);
        r.f64(little, y);
        if (!std::isfinite(x) || !std::isfinite(y))
            return "non-finite coordinate";
        path[i] = QPointF(x, y);
        b.add(x, y);
    }
    return {};
}

std::string readPolygon(WkbReader &r, bool little, PolygonRings &poly, Bounds &b)
{
    std::uint32_t rings = 0;
    if (!r.u32(little, rings))
        return "truncated WKB";
    if (rings == 0)
        return "empty polygon";
    if (std::size_t(rings) * 4 > r.remaining())
        return "truncated WKB";
    poly.resize(rings);
    for (std::uint32_t i = 0; i < rings; ++i)
        if (auto e = readPath(r, little, poly[i], b, 4); !e.empty())
            return e;
    return {};
}

std::string readGeometry(WkbReader &r, Geometry &g, Bounds &b, int depth)
{
    bool little = true;
    std::uint32_t type = 0;
    if (!r.byteOrder(little) || !r.u32(little, type))
        return "truncated WKB";
    switch (type) {
    case 1: {
        double x = 0, y = 0;
        if (!r.f64(little, x) || !r.f64(little, y))
            return "truncated WKB";
        if (!std::isfinite(x) || !std::isfinite(y))
            return "empty or non-finite point";
        g.point = QPointF(x, y);
        b.add(x, y);
        return {};
    }
    case 2: {
        Path p;
        if (auto e = readPath(r, little, p, b, 2); !e.empty())
            return e;
        g.paths.push_back(std::move(p));
        return {};
    }
    case 3: {
        PolygonRings poly;
        if (auto e = readPolygon(r, little, poly, b); !e.empty())
            return e;
        g.polygons.push_back(std::move(poly));
        return {};
    }
    case 4:
    case 5:
    case 6: {
        if (depth > 0)
            return "nested collection";
        std::uint32_t n = 0;
        if (!r.u32(little, n))
            return "truncated WKB";
        if (n == 0)
            return "empty geometry";
        if (std::size_t(n) * 9 > r.remaining())
            return "truncated WKB";
        for (std::uint32_t i = 0; i < n; ++i) {
            // Each part carries its own header; check it is of the matching simple type.
            Geometry part;
            if (auto e = readGeometry(r, part, b, depth + 1); !e.empty())
                return e;
            const bool ok = (type == 4 && part.paths.empty() && part.polygons.empty()) ||
                            (type == 5 && part.paths.size() == 1) ||
                            (type == 6 && part.polygons.size() == 1);
            if (!ok)
                return "wrong part type in a multi-geometry";
            if (type == 4)
                g.point = part.point; // a multipoint keeps its last point (points are single)
            for (auto &p : part.paths)
                g.paths.push_back(std::move(p));
            for (auto &p : part.polygons)
                g.polygons.push_back(std::move(p));
        }
        return {};
    }
    default:
        return "unsupported WKB type " + std::to_string(type) + " (only 2D geometries)";
    }
}

} // namespace

std::optional<std::uint32_t> wkbTypeCode(const unsigned char *data, std::size_t size)
{
    WkbReader r(data, size);
    bool little = true;
    std::uint32_t type = 0;
    if (!r.byteOrder(little) || !r.u32(little, type))
        return std::nullopt;
    return type;
}

bool wkbFitsLayer(std::uint32_t typeCode, GeometryType layerType)
{
    switch (layerType) {
    case GeometryType::Point:
        return typeCode == 1;
    case GeometryType::Line:
        return typeCode == 2 || typeCode == 5;
    case GeometryType::Polygon:
        return typeCode == 3 || typeCode == 6;
    case GeometryType::Raster:
        return false;
    }
    return false;
}

std::string parseWkb(const unsigned char *data, std::size_t size, Geometry &out)
{
    WkbReader r(data, size);
    Bounds b;
    out = Geometry{};
    if (auto e = readGeometry(r, out, b, 0); !e.empty())
        return e;
    if (!r.atEnd())
        return "trailing bytes after the WKB geometry";
    out.bounds = QRectF(QPointF(b.minX, b.minY), QPointF(b.maxX, b.maxY));
    return {};
}

} // namespace vigie::core::detail

namespace vigie::core {

void WkbBuffer::header(std::uint32_t typeCode)
{
    m_bytes.push_back(1); // little-endian
    count(typeCode);
}

void WkbBuffer::count(std::uint32_t n)
{
    for (int i = 0; i < 4; ++i)
        m_bytes.push_back(static_cast<unsigned char>((n >> (8 * i)) & 0xff));
}

void WkbBuffer::xy(double x, double y)
{
    for (double v : {x, y}) {
        const auto bits = std::bit_cast<std::uint64_t>(v);
        for (int i = 0; i < 8; ++i)
            m_bytes.push_back(static_cast<unsigned char>((bits >> (8 * i)) & 0xff));
    }
}

namespace {

void putPoints(WkbBuffer &b, const Path &points, bool close)
{
    const bool closed = !points.empty() && points.front() == points.back();
    const bool add = close && !closed && !points.empty();
    b.count(std::uint32_t(points.size() + (add ? 1 : 0)));
    for (const QPointF &p : points)
        b.xy(p.x(), p.y());
    if (add)
        b.xy(points.front().x(), points.front().y());
}

} // namespace

std::vector<unsigned char> pointToWkb(double x, double y)
{
    WkbBuffer b;
    b.header(std::uint32_t(detail::WkbType::Point));
    b.xy(x, y);
    return std::move(b.bytes());
}

std::vector<unsigned char> lineStringToWkb(const Path &points)
{
    WkbBuffer b;
    b.header(std::uint32_t(detail::WkbType::LineString));
    putPoints(b, points, false);
    return std::move(b.bytes());
}

std::vector<unsigned char> multiPolygonToWkb(const std::vector<PolygonRings> &polygons)
{
    WkbBuffer b;
    b.header(std::uint32_t(detail::WkbType::MultiPolygon));
    b.count(std::uint32_t(polygons.size()));
    for (const PolygonRings &poly : polygons) {
        b.header(std::uint32_t(detail::WkbType::Polygon));
        b.count(std::uint32_t(poly.size()));
        for (const Path &ring : poly)
            putPoints(b, ring, true);
    }
    return std::move(b.bytes());
}

} // namespace vigie::core
