// SPDX-License-Identifier: GPL-3.0-or-later
#include "qgisstyle.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <algorithm>

namespace vigie::core {

namespace {

struct Rgba
{
    int r = 0, g = 0, b = 0, a = 0;
    bool operator==(const Rgba &) const = default;
};

std::optional<Rgba> parseColor(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"));
    if (!re.match(text).hasMatch())
        return std::nullopt;
    const uint v = text.mid(1).toUInt(nullptr, 16);
    if (text.size() == 7)
        return Rgba{int(v >> 16 & 255), int(v >> 8 & 255), int(v & 255), 255};
    return Rgba{int(v >> 24 & 255), int(v >> 16 & 255), int(v >> 8 & 255), int(v & 255)};
}

QString rgbaText(const Rgba &c)
{
    return QString::number(c.r) + u',' + QString::number(c.g) + u',' + QString::number(c.b) + u',' +
           QString::number(c.a);
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

// Widths the renderer never draws thinner than (pixels at 96 dpi), in millimetres.
constexpr double kMinLineMm = 0.5 * 25.4 / 96.0;
constexpr double kMinOutlineMm = 0.6 * 25.4 / 96.0;
constexpr double kHaloMm = 0.4;
constexpr double kPointLabelMaxScale = 40000.0; // as the renderer: point labels from 1:40 000
constexpr Rgba kDefaultStroke{0x33, 0x33, 0x33, 255};

/// The outline the renderer gives a marker filled with `fill` (render/maprenderer.cpp): the
/// layer's stroke, or a darker shade when the stroke is the fill itself (uncategorised points).
Rgba markerOutline(const LayerManifest &m, const Rgba &fill)
{
    const auto stroke = parseColor(m.symbology.stroke);
    if (stroke && !(*stroke == fill))
        return *stroke;
    const int hi = std::max({fill.r, fill.g, fill.b});
    const int lo = std::min({fill.r, fill.g, fill.b});
    if ((hi + lo) / 2 > 160)
        return Rgba{0x44, 0x44, 0x44, 255};
    // QColor::darker(160) divides the HSV value by 1.6, keeping hue and saturation: every
    // channel scales by the same factor.
    auto dark = [](int c) { return int(c / 1.6 + 0.5); };
    return Rgba{dark(fill.r), dark(fill.g), dark(fill.b), fill.a};
}

Rgba categoryColor(const LayerManifest &m, int category)
{
    if (category >= 0 && std::size_t(category) < m.categories.size())
        if (const auto c = parseColor(m.categories[std::size_t(category)].color))
            return *c;
    return parseColor(m.symbology.stroke).value_or(kDefaultStroke);
}

class QmlWriter
{
public:
    QmlWriter(QXmlStreamWriter &writer, const LayerManifest &manifest, const QString &language,
              const QgisStyleOptions &options)
        : m(manifest), lang(language), opt(options), w(writer)
    {
    }

    void body()
    {
        renderer();
        if (!m.labelField.isEmpty())
            labeling();
        temporal();
        aliases();
        w.writeTextElement(QStringLiteral("layerOpacity"),
                           number(std::clamp(opt.opacity, 0.0, 1.0)));
        const QString preview = !m.labelField.isEmpty() ? m.labelField : m.categoryField;
        w.writeTextElement(QStringLiteral("previewExpression"),
                           preview.isEmpty() ? QString() : u'"' + preview + u'"');
        w.writeTextElement(QStringLiteral("layerGeometryType"),
                           m.geometryType == GeometryType::Point  ? QStringLiteral("0")
                           : m.geometryType == GeometryType::Line ? QStringLiteral("1")
                                                                  : QStringLiteral("2"));
    }

private:
    void option(const QString &name, const QString &value)
    {
        w.writeEmptyElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("QString"));
        w.writeAttribute(QStringLiteral("name"), name);
        w.writeAttribute(QStringLiteral("value"), value);
    }
    void options(std::initializer_list<std::pair<const char *, QString>> values)
    {
        w.writeStartElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
        for (const auto &[name, value] : values)
            option(QString::fromLatin1(name), value);
        w.writeEndElement();
    }
    /// One data-defined property of a symbol layer, from an expression.
    void dataDefined(const QString &property, const QString &expression)
    {
        w.writeStartElement(QStringLiteral("data_defined_properties"));
        w.writeStartElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
        option(QStringLiteral("name"), QString());
        w.writeStartElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("properties"));
        w.writeStartElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
        w.writeAttribute(QStringLiteral("name"), property);
        w.writeEmptyElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("bool"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("active"));
        w.writeAttribute(QStringLiteral("value"), QStringLiteral("true"));
        option(QStringLiteral("expression"), expression);
        w.writeEmptyElement(QStringLiteral("Option"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("int"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("type"));
        w.writeAttribute(QStringLiteral("value"), QStringLiteral("3"));
        w.writeEndElement();
        w.writeEndElement();
        option(QStringLiteral("type"), QStringLiteral("collection"));
        w.writeEndElement();
        w.writeEndElement();
    }
    void startSymbol(const QString &type, const QString &name)
    {
        w.writeStartElement(QStringLiteral("symbol"));
        w.writeAttribute(QStringLiteral("type"), type);
        w.writeAttribute(QStringLiteral("name"), name);
        w.writeAttribute(QStringLiteral("alpha"), QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    }
    void startLayer(const QString &cls)
    {
        w.writeStartElement(QStringLiteral("layer"));
        w.writeAttribute(QStringLiteral("class"), cls);
        w.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    }

    void fieldOfView()
    {
        const Symbology &s = m.symbology;
        const Rgba fill = parseColor(s.fovFill).value_or(Rgba{0x1f, 0x78, 0xb4, 0x33});
        const Rgba edge{fill.r, fill.g, fill.b, std::min(255, fill.a * 2 + 40)};
        startLayer(QStringLiteral("GeometryGenerator"));
        // wedge_buffer(centre, azimuth clockwise from north, width, radius): the renderer's
        // bearing, angle and range in metres (Lambert-93 units).
        options(
            {{"SymbolType", QStringLiteral("Fill")},
             {"geometryModifier", QStringLiteral("wedge_buffer($geometry, \"%1\", \"%2\", "
                                                 "\"%3\")")
                                      .arg(s.fovDirectionField, s.fovAngleField, s.fovRangeField)},
             {"units", QStringLiteral("MapUnit")}});
        startSymbol(QStringLiteral("fill"), QStringLiteral("@0@0"));
        startLayer(QStringLiteral("SimpleFill"));
        options({{"color", rgbaText(fill)},
                 {"style", QStringLiteral("solid")},
                 {"outline_color", rgbaText(edge)},
                 {"outline_style", QStringLiteral("solid")},
                 {"outline_width", number(0.8 * 25.4 / 96.0)},
                 {"outline_width_unit", QStringLiteral("MM")}});
        w.writeEndElement(); // layer
        w.writeEndElement(); // symbol
        w.writeEndElement(); // layer
    }

    void markerSymbol(const QString &name, int category)
    {
        const Symbology &s = m.symbology;
        const Rgba fill = categoryColor(m, category);
        startSymbol(QStringLiteral("marker"), name);
        if (!s.fovDirectionField.isEmpty() && !s.fovAngleField.isEmpty() &&
            !s.fovRangeField.isEmpty())
            fieldOfView();
        static const QStringList shapes = {QStringLiteral("circle"), QStringLiteral("square"),
                                           QStringLiteral("triangle"), QStringLiteral("diamond"),
                                           QStringLiteral("star")};
        startLayer(QStringLiteral("SimpleMarker"));
        options({{"name", shapes.contains(s.marker) ? s.marker : QStringLiteral("circle")},
                 {"color", rgbaText(fill)},
                 {"outline_color", rgbaText(markerOutline(m, fill))},
                 {"outline_style", QStringLiteral("solid")},
                 {"outline_width", number(std::max(s.strokeWidth, kMinOutlineMm))},
                 {"outline_width_unit", QStringLiteral("MM")},
                 {"size", number(s.size)},
                 {"size_unit", QStringLiteral("MM")},
                 {"scale_method", QStringLiteral("diameter")},
                 {"joinstyle", QStringLiteral("miter")}});
        w.writeEndElement();
        w.writeEndElement();
    }

    /// The graduated colour as the renderer computes it: linear between the ramp's stops,
    /// clamped to the first and last.
    QString rampExpression() const
    {
        const Symbology &s = m.symbology;
        std::vector<ColorStop> stops = s.ramp;
        std::stable_sort(stops.begin(), stops.end(),
                         [](const ColorStop &a, const ColorStop &b) { return a.value < b.value; });
        const double lo = stops.front().value;
        const double hi = stops.back().value;
        if (!(hi > lo))
            return u'\'' + rgbaText(parseColor(stops.front().color).value_or(kDefaultStroke)) +
                   u'\'';
        QStringList pairs;
        for (const ColorStop &stop : stops)
            pairs << u'\'' + number((stop.value - lo) / (hi - lo)) + u'\''
                  << u'\'' + rgbaText(parseColor(stop.color).value_or(kDefaultStroke)) + u'\'';
        return QStringLiteral("ramp_color(create_ramp(map(%1)), scale_linear(\"%2\", %3, %4, 0, "
                              "1))")
            .arg(pairs.join(QStringLiteral(", ")), s.graduatedField, number(lo), number(hi));
    }

    void lineSymbol(const QString &name, int category)
    {
        const Symbology &s = m.symbology;
        const bool graduated = !s.graduatedField.isEmpty() && !s.ramp.empty();
        const Rgba color = category >= 0 ? categoryColor(m, category)
                                         : parseColor(s.stroke).value_or(kDefaultStroke);
        startSymbol(QStringLiteral("line"), name);
        startLayer(QStringLiteral("SimpleLine"));
        options({{"line_color", rgbaText(color)},
                 {"line_style", QStringLiteral("solid")},
                 {"line_width", number(std::max(s.strokeWidth, kMinLineMm))},
                 {"line_width_unit", QStringLiteral("MM")},
                 {"capstyle", QStringLiteral("round")},
                 {"joinstyle", QStringLiteral("round")}});
        if (graduated)
            dataDefined(QStringLiteral("outlineColor"), rampExpression());
        w.writeEndElement();
        w.writeEndElement();
    }

    void fillSymbol(const QString &name, int category)
    {
        const Symbology &s = m.symbology;
        // Category-coloured polygons (analysis classes) are filled with the class colour, the
        // uncategorised ones not at all; other polygons with the layer's fill.
        std::optional<Rgba> fill;
        if (m.categories.empty())
            fill = parseColor(s.fill);
        else if (category >= 0 && std::size_t(category) < m.categories.size())
            fill = parseColor(m.categories[std::size_t(category)].color);
        const auto stroke = parseColor(s.stroke);
        const bool hasFill = fill && fill->a > 0;
        const bool hasStroke = stroke && stroke->a > 0 && s.strokeWidth > 0.0;
        startSymbol(QStringLiteral("fill"), name);
        startLayer(QStringLiteral("SimpleFill"));
        options({{"color", rgbaText(fill.value_or(Rgba{}))},
                 {"style", hasFill ? QStringLiteral("solid") : QStringLiteral("no")},
                 {"outline_color", rgbaText(stroke.value_or(Rgba{}))},
                 {"outline_style", hasStroke ? QStringLiteral("solid") : QStringLiteral("no")},
                 {"outline_width", number(std::max(s.strokeWidth, kMinLineMm))},
                 {"outline_width_unit", QStringLiteral("MM")},
                 {"joinstyle", QStringLiteral("round")}});
        w.writeEndElement();
        w.writeEndElement();
    }

    void symbol(const QString &name, int category)
    {
        if (m.geometryType == GeometryType::Point)
            markerSymbol(name, category);
        else if (m.geometryType == GeometryType::Line)
            lineSymbol(name, category);
        else
            fillSymbol(name, category);
    }

    void startRenderer(const QString &type)
    {
        w.writeStartElement(QStringLiteral("renderer-v2"));
        w.writeAttribute(QStringLiteral("type"), type);
        const bool orderBy =
            m.geometryType == GeometryType::Line && !m.symbology.graduatedField.isEmpty();
        w.writeAttribute(QStringLiteral("enableorderby"),
                         orderBy ? QStringLiteral("1") : QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("referencescale"), QStringLiteral("-1"));
        if (orderBy) { // the busiest segments on top, as the renderer draws them
            w.writeStartElement(QStringLiteral("orderby"));
            w.writeStartElement(QStringLiteral("orderByClause"));
            w.writeAttribute(QStringLiteral("asc"), QStringLiteral("1"));
            w.writeAttribute(QStringLiteral("nullsFirst"), QStringLiteral("1"));
            w.writeCharacters(u'"' + m.symbology.graduatedField + u'"');
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    void renderer()
    {
        if (m.categoryField.isEmpty() || m.categories.empty()) {
            startRenderer(QStringLiteral("singleSymbol"));
            w.writeStartElement(QStringLiteral("symbols"));
            symbol(QStringLiteral("0"), -1);
            w.writeEndElement();
            w.writeEndElement();
            return;
        }
        startRenderer(QStringLiteral("categorizedSymbol"));
        w.writeAttribute(QStringLiteral("attr"), m.categoryField);
        const int n = int(m.categories.size());
        w.writeStartElement(QStringLiteral("categories"));
        for (int i = 0; i <= n; ++i) {
            // The last one, with an empty value, is QGIS's "all other values": the renderer's
            // look for features of no listed category.
            const CategoryDef *c = i < n ? &m.categories[std::size_t(i)] : nullptr;
            w.writeEmptyElement(QStringLiteral("category"));
            w.writeAttribute(QStringLiteral("value"), c ? c->value : QString());
            w.writeAttribute(QStringLiteral("symbol"), QString::number(i));
            w.writeAttribute(QStringLiteral("label"), c ? c->label.text(lang) : otherLabel());
            const bool hidden = c && opt.hiddenCategories.contains(c->value);
            w.writeAttribute(QStringLiteral("render"),
                             hidden ? QStringLiteral("false") : QStringLiteral("true"));
        }
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("symbols"));
        for (int i = 0; i <= n; ++i)
            symbol(QString::number(i), i < n ? i : -1);
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("source-symbol"));
        symbol(QStringLiteral("0"), -1);
        w.writeEndElement();
        w.writeEndElement();
    }

    QString otherLabel() const
    {
        return lang.startsWith(QLatin1String("en")) ? QStringLiteral("Other")
                                                    : QStringLiteral("Autres");
    }

    void labeling()
    {
        const Symbology &s = m.symbology;
        w.writeStartElement(QStringLiteral("labeling"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("simple"));
        w.writeStartElement(QStringLiteral("settings"));
        w.writeAttribute(QStringLiteral("calloutType"), QStringLiteral("simple"));
        w.writeStartElement(QStringLiteral("text-style"));
        w.writeAttribute(QStringLiteral("fieldName"), m.labelField);
        w.writeAttribute(QStringLiteral("isExpression"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("fontFamily"), QStringLiteral("DejaVu Sans"));
        w.writeAttribute(QStringLiteral("fontSize"), number(s.labelSize));
        w.writeAttribute(QStringLiteral("fontSizeUnit"), QStringLiteral("Point"));
        w.writeAttribute(QStringLiteral("textColor"),
                         rgbaText(parseColor(s.labelColor).value_or(Rgba{0x22, 0x22, 0x22, 255})));
        w.writeAttribute(QStringLiteral("textOpacity"), QStringLiteral("1"));
        w.writeEmptyElement(QStringLiteral("text-buffer"));
        w.writeAttribute(QStringLiteral("bufferDraw"), QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("bufferSize"), number(kHaloMm));
        w.writeAttribute(QStringLiteral("bufferSizeUnits"), QStringLiteral("MM"));
        w.writeAttribute(QStringLiteral("bufferColor"), QStringLiteral("255,255,255,255"));
        w.writeAttribute(QStringLiteral("bufferOpacity"), QStringLiteral("1"));
        w.writeEndElement(); // text-style
        const bool point = m.geometryType == GeometryType::Point;
        w.writeEmptyElement(QStringLiteral("placement"));
        // Points: around the marker; polygons: over their centroid; lines: along them.
        w.writeAttribute(QStringLiteral("placement"), point ? QStringLiteral("0")
                                                      : m.geometryType == GeometryType::Line
                                                          ? QStringLiteral("2")
                                                          : QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("dist"), point ? number(0.8) : QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("distUnits"), QStringLiteral("MM"));
        w.writeEmptyElement(QStringLiteral("rendering"));
        // Legacy names: scaleMax is the most zoomed-out scale at which labels still show.
        w.writeAttribute(QStringLiteral("scaleVisibility"),
                         point ? QStringLiteral("1") : QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("scaleMin"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("scaleMax"),
                         point ? number(kPointLabelMaxScale) : QStringLiteral("0"));
        // Vigie places labels among themselves only: a layer's features are no obstacle (QGIS's
        // default makes every polygon of one layer block the labels of the other).
        w.writeAttribute(QStringLiteral("obstacle"), QStringLiteral("0"));
        w.writeEndElement(); // settings
        w.writeEndElement(); // labeling
    }

    void temporal()
    {
        w.writeStartElement(QStringLiteral("temporal"));
        const bool hasTime = !m.timeField.isEmpty();
        const bool hasEnd = hasTime && !m.endTimeField.isEmpty();
        w.writeAttribute(QStringLiteral("enabled"),
                         hasTime ? QStringLiteral("1") : QStringLiteral("0"));
        // 1: an instant from a field; 2: start and end from fields.
        w.writeAttribute(QStringLiteral("mode"), hasEnd    ? QStringLiteral("2")
                                                 : hasTime ? QStringLiteral("1")
                                                           : QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("startField"), m.timeField);
        w.writeAttribute(QStringLiteral("endField"), hasEnd ? m.endTimeField : QString());
        w.writeAttribute(QStringLiteral("accumulate"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("limitMode"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("durationUnit"), QStringLiteral("min"));
        w.writeAttribute(QStringLiteral("fixedDuration"), QStringLiteral("0"));
        w.writeStartElement(QStringLiteral("fixedRange"));
        w.writeTextElement(QStringLiteral("start"), QString());
        w.writeTextElement(QStringLiteral("end"), QString());
        w.writeEndElement();
        w.writeEndElement();
    }

    void aliases()
    {
        w.writeStartElement(QStringLiteral("aliases"));
        for (const FieldDef &f : m.fields) {
            const QString alias = f.label.text(lang);
            if (alias.isEmpty())
                continue;
            w.writeEmptyElement(QStringLiteral("alias"));
            w.writeAttribute(QStringLiteral("field"), f.name);
            w.writeAttribute(QStringLiteral("name"), alias);
        }
        w.writeEndElement();
    }

    const LayerManifest &m;
    QString lang;
    QgisStyleOptions opt;
    QXmlStreamWriter &w;
};

} // namespace

QString qgisColor(const QString &manifestColor)
{
    const auto c = parseColor(manifestColor);
    return c ? rgbaText(*c) : QString();
}

std::optional<QString> qgisStyleQml(const LayerManifest &manifest, const QString &language,
                                    const QgisStyleOptions &options)
{
    if (manifest.geometryType == GeometryType::Raster)
        return std::nullopt;
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(1);
    w.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    w.writeStartElement(QStringLiteral("qgis"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0"));
    w.writeAttribute(QStringLiteral("styleCategories"),
                     QStringLiteral("Symbology|Labeling|Fields|Rendering|Temporal"));
    w.writeAttribute(QStringLiteral("labelsEnabled"),
                     qgisLabelsEnabled(manifest) ? QStringLiteral("1") : QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("hasScaleBasedVisibilityFlag"), QStringLiteral("0"));
    writeQgisStyleElements(w, manifest, language, options);
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

void writeQgisStyleElements(QXmlStreamWriter &writer, const LayerManifest &manifest,
                            const QString &language, const QgisStyleOptions &options)
{
    if (manifest.geometryType != GeometryType::Raster)
        QmlWriter(writer, manifest, language, options).body();
}

bool qgisLabelsEnabled(const LayerManifest &manifest)
{
    return manifest.geometryType != GeometryType::Raster && !manifest.labelField.isEmpty();
}

} // namespace vigie::core
