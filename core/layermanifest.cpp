// SPDX-License-Identifier: GPL-3.0-or-later
#include "layermanifest.h"
#include "argtext.h"

#include "printable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace vigie::core {

namespace {

/// Translation context of this file's messages (lupdate reads the macro).
struct ManifestTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::LayerManifest)
};

[[noreturn]] void fail(const QString &origin, const QString &key, const QString &what)
{
    throw Exception(ErrorCode::InvalidInput,
                    ManifestTr::tr("Layer manifest %1, key \"%2\": %3").arg(origin, key, what));
}

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return re.match(s).hasMatch();
}

bool isColor(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"));
    return re.match(s).hasMatch();
}

/// Reads manifests strictly: each accessor checks the JSON type and names the key on error.
class Reader
{
public:
    explicit Reader(QString origin) : m_origin(std::move(origin)) {}

    QString string(const QJsonObject &o, const QString &key, const QString &path, bool required,
                   const QString &def = {}) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(m_origin, path, ManifestTr::tr("missing"));
            return def;
        }
        if (!v.isString())
            fail(m_origin, path, ManifestTr::tr("must be a string"));
        return v.toString();
    }

    double number(const QJsonObject &o, const QString &key, const QString &path, double def) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isDouble())
            fail(m_origin, path, ManifestTr::tr("must be a number"));
        return v.toDouble();
    }

    QString color(const QJsonObject &o, const QString &key, const QString &path,
                  const QString &def) const
    {
        const QString c = string(o, key, path, false, def);
        if (!isColor(c))
            fail(m_origin, path,
                 ManifestTr::tr("\"%1\" is not a colour (#rrggbb or #rrggbbaa)").arg(c));
        return c;
    }

    LocalizedText text(const QJsonObject &o, const QString &key, const QString &path,
                       bool required) const
    {
        const QJsonValue v = o.value(key);
        LocalizedText t;
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(m_origin, path, ManifestTr::tr("missing"));
            return t;
        }
        if (v.isString()) { // a single text serves both languages
            t.fr = t.en = v.toString();
            return t;
        }
        if (!v.isObject())
            fail(m_origin, path, ManifestTr::tr("must be an object {\"fr\": ..., \"en\": ...}"));
        const QJsonObject to = v.toObject();
        t.fr = string(to, QStringLiteral("fr"), path + QStringLiteral(".fr"), false);
        t.en = string(to, QStringLiteral("en"), path + QStringLiteral(".en"), false);
        if (required && t.fr.isEmpty() && t.en.isEmpty())
            fail(m_origin, path, ManifestTr::tr("needs a French or English text"));
        return t;
    }

    const QString &origin() const { return m_origin; }

private:
    QString m_origin;
};

QJsonObject textToJson(const LocalizedText &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("fr"), t.fr);
    o.insert(QStringLiteral("en"), t.en);
    return o;
}

/// The manifest's format version, identity, geometry, hub collection and special fields.
LayerManifest readHeader(const QJsonObject &o, const Reader &r)
{
    const QString &origin = r.origin();
    const QJsonValue version = o.value(QStringLiteral("vigieLayer"));
    if (version.isUndefined())
        fail(origin, QStringLiteral("vigieLayer"),
             ManifestTr::tr("missing (the manifest format version)"));
    if (!version.isDouble() || version.toDouble() != kManifestFormatVersion)
        fail(origin, QStringLiteral("vigieLayer"),
             ManifestTr::tr("format version %1 is not supported (this Vigie reads version %2)")
                 .arg(version.toVariant().toString(), argText(kManifestFormatVersion)));

    LayerManifest m;
    m.origin = origin;
    m.id = r.string(o, QStringLiteral("id"), QStringLiteral("id"), true);
    if (!isIdentifier(m.id))
        fail(origin, QStringLiteral("id"),
             ManifestTr::tr("\"%1\" is not a valid id ([a-z][a-z0-9_]*)").arg(m.id));
    m.title = r.text(o, QStringLiteral("title"), QStringLiteral("title"), true);
    m.description = r.text(o, QStringLiteral("description"), QStringLiteral("description"), false);

    const QString geom =
        r.string(o, QStringLiteral("geometryType"), QStringLiteral("geometryType"), true);
    const auto gt = geometryTypeFromName(geom);
    if (!gt)
        fail(origin, QStringLiteral("geometryType"),
             ManifestTr::tr("\"%1\" is not one of Point, Line, Polygon, Raster").arg(geom));
    m.geometryType = *gt;
    m.hubCollection =
        r.string(o, QStringLiteral("hubCollection"), QStringLiteral("hubCollection"), false, m.id);
    if (!m.hubCollection.isEmpty() && !isHubCollectionName(m.hubCollection)) // "": not on the hub
        fail(origin, QStringLiteral("hubCollection"),
             ManifestTr::tr("\"%1\" is not a collection name (letters, digits, \"_\", \"-\" and "
                            "\".\", at most 128 characters)")
                 .arg(printableText(m.hubCollection, 130)));
    m.timeField = r.string(o, QStringLiteral("timeField"), QStringLiteral("timeField"), false);
    m.endTimeField =
        r.string(o, QStringLiteral("endTimeField"), QStringLiteral("endTimeField"), false);
    m.categoryField =
        r.string(o, QStringLiteral("categoryField"), QStringLiteral("categoryField"), false);
    m.labelField = r.string(o, QStringLiteral("labelField"), QStringLiteral("labelField"), false);

    const QJsonValue sv = o.value(QStringLiteral("schemaVersion"));
    if (!sv.isUndefined()) {
        if (!sv.isDouble() || sv.toDouble() < 1 || sv.toDouble() != sv.toInt())
            fail(origin, QStringLiteral("schemaVersion"),
                 ManifestTr::tr("must be a positive integer"));
        m.schemaVersion = sv.toInt();
    }
    return m;
}

/// One entry of "fields"; `names` holds the names already declared.
FieldDef readField(const QJsonObject &fo, const QString &path, const Reader &r,
                   QSet<QString> &names)
{
    const QString &origin = r.origin();
    FieldDef f;
    f.name = r.string(fo, QStringLiteral("name"), path + QStringLiteral(".name"), true);
    if (f.name.startsWith(QLatin1Char('_')))
        fail(origin, path + QStringLiteral(".name"),
             ManifestTr::tr("\"%1\": names starting with '_' are reserved").arg(f.name));
    if (!isIdentifier(f.name))
        fail(origin, path + QStringLiteral(".name"),
             ManifestTr::tr("\"%1\" is not a valid field name ([a-z][a-z0-9_]*)").arg(f.name));
    if (f.name == QLatin1String("fid") || f.name == QLatin1String("geom"))
        fail(origin, path + QStringLiteral(".name"),
             ManifestTr::tr("\"%1\" is a reserved column name").arg(f.name));
    if (names.contains(f.name))
        fail(origin, path + QStringLiteral(".name"),
             ManifestTr::tr("duplicate field \"%1\"").arg(f.name));
    names.insert(f.name);
    const QString type = r.string(fo, QStringLiteral("type"), path + QStringLiteral(".type"), true);
    const auto ft = fieldTypeFromName(type);
    if (!ft)
        fail(origin, path + QStringLiteral(".type"),
             ManifestTr::tr("\"%1\" is not one of string, integer, real, datetime, boolean")
                 .arg(type));
    f.type = *ft;
    f.label = r.text(fo, QStringLiteral("label"), path + QStringLiteral(".label"), false);
    const QString personal =
        r.string(fo, QStringLiteral("personal"), path + QStringLiteral(".personal"), false);
    if (personal.isEmpty())
        f.personal = PersonalData::None;
    else if (personal == QLatin1String("pseudonymise")) {
        f.personal = PersonalData::Pseudonymise;
        if (f.type != FieldType::String) // a pseudonym is text
            fail(origin, path + QStringLiteral(".personal"),
                 ManifestTr::tr("only a string field can be pseudonymised"));
    } else if (personal == QLatin1String("drop"))
        f.personal = PersonalData::Drop;
    else
        fail(origin, path + QStringLiteral(".personal"),
             ManifestTr::tr("\"%1\" is not one of pseudonymise, drop").arg(personal));
    return f;
}

/// The special fields name declared fields of the right type.
void checkFieldRefs(const LayerManifest &m)
{
    const QString &origin = m.origin;
    auto checkFieldRef = [&](const QString &key, const QString &value,
                             std::optional<FieldType> wanted) {
        if (value.isEmpty())
            return;
        const FieldDef *f = m.field(value);
        if (!f)
            fail(origin, key, ManifestTr::tr("\"%1\" is not a declared field").arg(value));
        if (wanted && f->type != *wanted)
            fail(origin, key,
                 ManifestTr::tr("field \"%1\" must be of type %2")
                     .arg(value, fieldTypeName(*wanted)));
    };
    checkFieldRef(QStringLiteral("timeField"), m.timeField, FieldType::DateTime);
    checkFieldRef(QStringLiteral("endTimeField"), m.endTimeField, FieldType::DateTime);
    checkFieldRef(QStringLiteral("categoryField"), m.categoryField, std::nullopt);
    checkFieldRef(QStringLiteral("labelField"), m.labelField, std::nullopt);
}

void readCategories(const QJsonValue &cv, const Reader &r, LayerManifest &m)
{
    const QString &origin = r.origin();
    if (!cv.isArray())
        fail(origin, QStringLiteral("categories"), ManifestTr::tr("must be an array"));
    if (m.categoryField.isEmpty())
        fail(origin, QStringLiteral("categories"), ManifestTr::tr("given without a categoryField"));
    const QJsonArray ca = cv.toArray();
    if (ca.size() > 32000)
        fail(origin, QStringLiteral("categories"), ManifestTr::tr("too many categories"));
    QSet<QString> values;
    for (qsizetype i = 0; i < ca.size(); ++i) {
        const QString path = QStringLiteral("categories[%1]").arg(i);
        if (!ca.at(i).isObject())
            fail(origin, path, ManifestTr::tr("must be an object"));
        const QJsonObject co = ca.at(i).toObject();
        CategoryDef c;
        const QJsonValue val = co.value(QStringLiteral("value"));
        if (val.isDouble())
            c.value = val.toVariant().toString();
        else
            c.value = r.string(co, QStringLiteral("value"), path + QStringLiteral(".value"), true);
        if (values.contains(c.value))
            fail(origin, path + QStringLiteral(".value"),
                 ManifestTr::tr("duplicate category \"%1\"").arg(c.value));
        values.insert(c.value);
        c.label = r.text(co, QStringLiteral("label"), path + QStringLiteral(".label"), false);
        if (c.label.fr.isEmpty() && c.label.en.isEmpty())
            c.label.fr = c.label.en = c.value;
        c.color = r.color(co, QStringLiteral("color"), path + QStringLiteral(".color"),
                          QStringLiteral("#888888"));
        m.categories.push_back(std::move(c));
    }
}

/// The colour ramp of a graduated symbology: [value, "#colour"] stops by increasing value.
void readRamp(const QJsonValue &rv, const QString &rampKey, const Reader &r, Symbology &s)
{
    const QString &origin = r.origin();
    if (!rv.isArray())
        fail(origin, rampKey, ManifestTr::tr("must be an array of [value, \"#colour\"]"));
    const QJsonArray ra = rv.toArray();
    for (qsizetype i = 0; i < ra.size(); ++i) {
        const QString path = rampKey + QStringLiteral("[%1]").arg(i);
        const QJsonArray stop = ra.at(i).toArray();
        if (!ra.at(i).isArray() || stop.size() != 2 || !stop.at(0).isDouble() ||
            !stop.at(1).isString())
            fail(origin, path, ManifestTr::tr("must be [value, \"#colour\"]"));
        ColorStop cs{stop.at(0).toDouble(), stop.at(1).toString()};
        if (!isColor(cs.color))
            fail(origin, path,
                 ManifestTr::tr("\"%1\" is not a colour (#rrggbb or #rrggbbaa)").arg(cs.color));
        if (!s.ramp.empty() && cs.value < s.ramp.back().value)
            fail(origin, path, ManifestTr::tr("ramp values must be increasing"));
        s.ramp.push_back(cs);
    }
}

void readSymbology(const QJsonObject &so, const Reader &r, LayerManifest &m)
{
    const QString &origin = r.origin();
    Symbology &s = m.symbology;
    const Symbology d;
    auto key = [](const char *k) { return QStringLiteral("symbology.") + QLatin1String(k); };
    s.fill = r.color(so, QStringLiteral("fill"), key("fill"), d.fill);
    s.stroke = r.color(so, QStringLiteral("stroke"), key("stroke"), d.stroke);
    s.strokeWidth = r.number(so, QStringLiteral("strokeWidth"), key("strokeWidth"), d.strokeWidth);
    s.size = r.number(so, QStringLiteral("size"), key("size"), d.size);
    s.marker = r.string(so, QStringLiteral("marker"), key("marker"), false, d.marker);
    static const QStringList markers{QStringLiteral("circle"), QStringLiteral("square"),
                                     QStringLiteral("triangle"), QStringLiteral("diamond"),
                                     QStringLiteral("star")};
    if (!markers.contains(s.marker))
        fail(origin, key("marker"),
             ManifestTr::tr("\"%1\" is not one of circle, square, triangle, diamond, star")
                 .arg(s.marker));
    s.labelSize = r.number(so, QStringLiteral("labelSize"), key("labelSize"), d.labelSize);
    s.labelColor = r.color(so, QStringLiteral("labelColor"), key("labelColor"), d.labelColor);
    s.graduatedField = r.string(so, QStringLiteral("graduatedField"), key("graduatedField"), false);
    s.fovDirectionField =
        r.string(so, QStringLiteral("fovDirectionField"), key("fovDirectionField"), false);
    s.fovAngleField = r.string(so, QStringLiteral("fovAngleField"), key("fovAngleField"), false);
    s.fovRangeField = r.string(so, QStringLiteral("fovRangeField"), key("fovRangeField"), false);
    s.fovFill = r.color(so, QStringLiteral("fovFill"), key("fovFill"), d.fovFill);
    const double z = r.number(so, QStringLiteral("zOrder"), key("zOrder"), d.zOrder);
    // Range first: converting 1e90 to int is undefined (found by tests/fuzz/fuzz_manifest).
    if (!(z >= -1000000 && z <= 1000000) || z != std::trunc(z))
        fail(origin, key("zOrder"),
             ManifestTr::tr("must be an integer between -1000000 and 1000000"));
    s.zOrder = static_cast<int>(z);
    for (const auto &[k, v] : {std::pair{key("graduatedField"), s.graduatedField},
                               std::pair{key("fovDirectionField"), s.fovDirectionField},
                               std::pair{key("fovAngleField"), s.fovAngleField},
                               std::pair{key("fovRangeField"), s.fovRangeField}}) {
        if (v.isEmpty())
            continue;
        const FieldDef *f = m.field(v);
        if (!f)
            fail(origin, k, ManifestTr::tr("\"%1\" is not a declared field").arg(v));
        if (f->type != FieldType::Integer && f->type != FieldType::Real)
            fail(origin, k, ManifestTr::tr("field \"%1\" must be numeric").arg(v));
    }
    const QJsonValue rv = so.value(QStringLiteral("ramp"));
    if (!rv.isUndefined() && !rv.isNull())
        readRamp(rv, key("ramp"), r, s);
}

LayerManifest parse(const QByteArray &json, const QString &origin)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError)
        throw Exception(ErrorCode::InvalidInput,
                        ManifestTr::tr("Layer manifest %1: invalid JSON at offset %2: %3")
                            .arg(origin, argText(perr.offset), perr.errorString()));
    if (!doc.isObject())
        throw Exception(
            ErrorCode::InvalidInput,
            ManifestTr::tr("Layer manifest %1: the document must be a JSON object").arg(origin));
    const QJsonObject o = doc.object();
    const Reader r(origin);
    LayerManifest m = readHeader(o, r);

    const QJsonValue fv = o.value(QStringLiteral("fields"));
    if (!fv.isArray())
        fail(origin, QStringLiteral("fields"), ManifestTr::tr("missing or not an array"));
    QSet<QString> names;
    const QJsonArray fa = fv.toArray();
    for (qsizetype i = 0; i < fa.size(); ++i) {
        const QString path = QStringLiteral("fields[%1]").arg(i);
        if (!fa.at(i).isObject())
            fail(origin, path, ManifestTr::tr("must be an object"));
        const QJsonObject fo = fa.at(i).toObject();
        m.fields.push_back(readField(fo, path, r, names));
    }
    checkFieldRefs(m);

    const QJsonValue cv = o.value(QStringLiteral("categories"));
    if (!cv.isUndefined() && !cv.isNull())
        readCategories(cv, r, m);
    const QJsonValue symv = o.value(QStringLiteral("symbology"));
    if (!symv.isUndefined() && !symv.isNull()) {
        if (!symv.isObject())
            fail(origin, QStringLiteral("symbology"), ManifestTr::tr("must be an object"));
        readSymbology(symv.toObject(), r, m);
    }
    return m;
}

} // namespace

QString geometryTypeName(GeometryType type)
{
    switch (type) {
    case GeometryType::Point:
        return QStringLiteral("Point");
    case GeometryType::Line:
        return QStringLiteral("Line");
    case GeometryType::Polygon:
        return QStringLiteral("Polygon");
    case GeometryType::Raster:
        return QStringLiteral("Raster");
    }
    return {};
}

std::optional<GeometryType> geometryTypeFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("point"))
        return GeometryType::Point;
    if (n == QLatin1String("line") || n == QLatin1String("linestring"))
        return GeometryType::Line;
    if (n == QLatin1String("polygon"))
        return GeometryType::Polygon;
    if (n == QLatin1String("raster"))
        return GeometryType::Raster;
    return std::nullopt;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Integer:
        return QStringLiteral("integer");
    case FieldType::Real:
        return QStringLiteral("real");
    case FieldType::DateTime:
        return QStringLiteral("datetime");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    }
    return {};
}

std::optional<FieldType> fieldTypeFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("string"))
        return FieldType::String;
    if (n == QLatin1String("integer"))
        return FieldType::Integer;
    if (n == QLatin1String("real"))
        return FieldType::Real;
    if (n == QLatin1String("datetime"))
        return FieldType::DateTime;
    if (n == QLatin1String("boolean"))
        return FieldType::Boolean;
    return std::nullopt;
}

const FieldDef *LayerManifest::field(const QString &name) const
{
    for (const FieldDef &f : fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

int LayerManifest::categoryIndex(const QString &value) const
{
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (categories[i].value == value)
            return static_cast<int>(i);
    return -1;
}

Result<LayerManifest> LayerManifest::fromJson(const QByteArray &json, const QString &origin)
{
    return captureErrors([&] { return parse(json, origin); });
}

QJsonObject LayerManifest::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("vigieLayer"), kManifestFormatVersion);
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("title"), textToJson(title));
    if (!description.fr.isEmpty() || !description.en.isEmpty())
        o.insert(QStringLiteral("description"), textToJson(description));
    o.insert(QStringLiteral("geometryType"), geometryTypeName(geometryType));
    o.insert(QStringLiteral("hubCollection"), hubCollection);
    if (!timeField.isEmpty())
        o.insert(QStringLiteral("timeField"), timeField);
    if (!endTimeField.isEmpty())
        o.insert(QStringLiteral("endTimeField"), endTimeField);
    if (!categoryField.isEmpty())
        o.insert(QStringLiteral("categoryField"), categoryField);
    o.insert(QStringLiteral("labelField"), labelField);
    o.insert(QStringLiteral("schemaVersion"), schemaVersion);
    QJsonArray fa;
    for (const FieldDef &f : fields) {
        QJsonObject fo;
        fo.insert(QStringLiteral("name"), f.name);
        fo.insert(QStringLiteral("type"), fieldTypeName(f.type));
        fo.insert(QStringLiteral("label"), textToJson(f.label));
        if (f.personal == PersonalData::Pseudonymise)
            fo.insert(QStringLiteral("personal"), QStringLiteral("pseudonymise"));
        else if (f.personal == PersonalData::Drop)
            fo.insert(QStringLiteral("personal"), QStringLiteral("drop"));
        fa.append(fo);
    }
    o.insert(QStringLiteral("fields"), fa);
    if (!categories.empty()) {
        QJsonArray ca;
        for (const CategoryDef &c : categories) {
            QJsonObject co;
            co.insert(QStringLiteral("value"), c.value);
            co.insert(QStringLiteral("label"), textToJson(c.label));
            co.insert(QStringLiteral("color"), c.color);
            ca.append(co);
        }
        o.insert(QStringLiteral("categories"), ca);
    }
    const Symbology &s = symbology;
    QJsonObject so;
    so.insert(QStringLiteral("fill"), s.fill);
    so.insert(QStringLiteral("stroke"), s.stroke);
    so.insert(QStringLiteral("strokeWidth"), s.strokeWidth);
    so.insert(QStringLiteral("size"), s.size);
    so.insert(QStringLiteral("marker"), s.marker);
    so.insert(QStringLiteral("labelSize"), s.labelSize);
    so.insert(QStringLiteral("labelColor"), s.labelColor);
    if (!s.graduatedField.isEmpty())
        so.insert(QStringLiteral("graduatedField"), s.graduatedField);
    if (!s.ramp.empty()) {
        QJsonArray ra;
        for (const ColorStop &cs : s.ramp)
            ra.append(QJsonArray{cs.value, cs.color});
        so.insert(QStringLiteral("ramp"), ra);
    }
    if (!s.fovDirectionField.isEmpty())
        so.insert(QStringLiteral("fovDirectionField"), s.fovDirectionField);
    if (!s.fovAngleField.isEmpty())
        so.insert(QStringLiteral("fovAngleField"), s.fovAngleField);
    if (!s.fovRangeField.isEmpty())
        so.insert(QStringLiteral("fovRangeField"), s.fovRangeField);
    so.insert(QStringLiteral("fovFill"), s.fovFill);
    so.insert(QStringLiteral("zOrder"), s.zOrder);
    o.insert(QStringLiteral("symbology"), so);
    return o;
}

bool isHubCollectionName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    return re.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

} // namespace vigie::core
