// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../geometry.h"
#include "../layermanifest.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::core {

// WKB writers (ISO, little-endian, 2D): the geometries every module hands to the store, which
// reads them back with detail::parseWkb().

/// Writes WKB piece by piece (for geometries read from elsewhere, e.g. GeoJSON): a geometry's
/// header, the counts of its parts, rings or points, and its coordinates, in WKB order.
class WkbBuffer
{
public:
    void header(std::uint32_t typeCode); ///< byte order (little-endian) and type (WkbType)
    void count(std::uint32_t n);
    void xy(double x, double y);
    std::vector<unsigned char> &bytes() { return m_bytes; }

private:
    std::vector<unsigned char> m_bytes;
};

std::vector<unsigned char> pointToWkb(double x, double y);
std::vector<unsigned char> lineStringToWkb(const Path &points);
/// Rings that do not end at their first point are closed.
std::vector<unsigned char> multiPolygonToWkb(const std::vector<PolygonRings> &polygons);

} // namespace vigie::core

namespace vigie::core::detail {

/// ISO WKB geometry type codes (2D only).
enum class WkbType : std::uint32_t {
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
};

/// The type code of a WKB buffer (without checking the rest); nullopt when too short.
std::optional<std::uint32_t> wkbTypeCode(const unsigned char *data, std::size_t size);

/// Whether a 2D WKB type fits a layer geometry type (Point; (Multi)LineString;
/// (Multi)Polygon).
bool wkbFitsLayer(std::uint32_t typeCode, GeometryType layerType);

/**
 * Parses a 2D WKB (either byte order) into a Geometry with bounds. Returns an empty string on
 * success, otherwise an English technical reason (the caller wraps it in a translated message).
 * Non-finite coordinates and empty geometries are refused.
 */
std::string parseWkb(const unsigned char *data, std::size_t size, Geometry &out);

} // namespace vigie::core::detail
