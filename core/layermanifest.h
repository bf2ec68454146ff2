// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigie::core {

/// The version of the layer manifest format this build reads (key "vigieLayer" in the JSON).
inline constexpr int kManifestFormatVersion = 1;

/// Raster layers hold a grid of values (analysis results such as KDE heatmaps): they have no
/// feature table; the grid is kept in the store's vigie_rasters table.
enum class GeometryType { Point, Line, Polygon, Raster };
enum class FieldType { String, Integer, Real, DateTime, Boolean };

QString geometryTypeName(GeometryType type);
std::optional<GeometryType> geometryTypeFromName(const QString &name);
QString fieldTypeName(FieldType type);
std::optional<FieldType> fieldTypeFromName(const QString &name);

/// A text in French and English; text() picks by language code ("fr", "en"), French by default.
struct LocalizedText
{
    QString fr;
    QString en;
    QString text(const QString &language) const
    {
        return (language.startsWith(QLatin1String("en")) && !en.isEmpty()) || fr.isEmpty() ? en
                                                                                           : fr;
    }
};

/// How a field holding personal data is protected at ingest (GDPR).
enum class PersonalData { None, Pseudonymise, Drop };

struct FieldDef
{
    QString name; ///< column name, [a-z_][a-z0-9_]*
    FieldType type = FieldType::String;
    LocalizedText label;
    PersonalData personal = PersonalData::None;
};

struct CategoryDef
{
    QString value; ///< value stored in the category field
    LocalizedText label;
    QString color; ///< "#rrggbb" or "#rrggbbaa"
};

/// A colour stop of a graduated ramp on a numeric field (e.g. traffic flow).
struct ColorStop
{
    double value = 0.0;
    QString color;
};

/// Default symbology. Sizes in millimetres on paper / screen (at 96 dpi), colours "#rrggbb[aa]".
struct Symbology
{
    QString fill = QStringLiteral("#00000000");
    QString stroke = QStringLiteral("#333333");
    double strokeWidth = 0.3;
    double size = 1.6;                         ///< marker diameter for points
    QString marker = QStringLiteral("circle"); ///< circle, square, triangle, diamond, star
    double labelSize = 8.0;                    ///< points
    QString labelColor = QStringLiteral("#222222");
    QString graduatedField; ///< numeric field coloured by ramp (lines, points)
    std::vector<ColorStop> ramp;
    /// Field-of-view wedge for directional points (cameras): fields in degrees / metres.
    QString fovDirectionField;
    QString fovAngleField;
    QString fovRangeField;
    QString fovFill = QStringLiteral("#1f78b433");
    int zOrder = 0; ///< default drawing order: higher on top
};

/**
 * A layer described as data: the same JSON format for built-in layers and third-party layer
 * plugins. See docs/layer-manifest.md for the format.
 */
struct LayerManifest
{
    QString id; ///< [a-z][a-z0-9_]*, also the feature table name
    LocalizedText title;
    LocalizedText description;
    GeometryType geometryType = GeometryType::Point;
    QString hubCollection; ///< collection name on the data hub (defaults to id); a name,
                           ///< never a path or query: see isHubCollectionName()
    QString timeField;     ///< datetime field used by time filters (optional)
    QString endTimeField;  ///< end of the feature's period (events), optional
    QString categoryField; ///< field whose values are listed in categories (optional)
    QString labelField;    ///< field drawn as label (optional)
    std::vector<FieldDef> fields;
    std::vector<CategoryDef> categories;
    Symbology symbology;
    int schemaVersion = 1; ///< version of this layer's field list
    QString origin;        ///< where the manifest was read from (file, resource, store)

    const FieldDef *field(const QString &name) const;
    int categoryIndex(const QString &value) const; ///< -1 when unknown

    /// Parses and validates a manifest; errors name the origin and the offending key.
    static Result<LayerManifest> fromJson(const QByteArray &json, const QString &origin);
    QJsonObject toJson() const;
};

/// True for a name an OGC API collection can have in a URL path segment as is:
/// [A-Za-z0-9_][A-Za-z0-9_.-]*, at most 128 characters (no "/", "?", "%", "..").
bool isHubCollectionName(const QString &name);

} // namespace vigie::core
