// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental, resumable pull of OGC API - Features collections into the store (docs/hub.md).
#include "hubpage.h"
#include "../argtext.h"
#include "syncengine.h"

#include "../crs/crs.h"
#include "../layerregistry.h"
#include "../printable.h"
#include "../privacy/pseudonymiser.h"
#include "../store/statement.h"
#include "../store/store.h"
#include "../store/wkb.h"
#include "analytics/feedback.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vigie::core::sync {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::core::sync", text);
}

// --- hub times -------------------------------------------------------------------------------

/// Normalises a hub datetime to "yyyy-MM-ddTHH:mm:ss.zzzZ" (UTC). Lexicographic order of the
/// result is time order. Strict ISO 8601: yyyy-MM-dd, "T" (or one space), HH:mm:ss, an optional
/// fraction of 1 to 9 digits, then "Z", "±HH:MM" or nothing (UTC, as the hub contract says:
/// QGIS Server 3.22 writes no zone). Every field is range-checked (no 9999-99-99T99:99:99).
/// Empty when the text is anything else.
QString normaliseHubTime(const QString &text)
{
    const qsizetype n = text.size();
    auto digits = [&](qsizetype at, int count, int &value) {
        if (at + count > n)
            return false;
        value = 0;
        for (int i = 0; i < count; ++i) {
            const char16_t c = text.at(at + i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            value = value * 10 + int(c - u'0');
        }
        return true;
    };
    auto is = [&](qsizetype at, char16_t c) { return at < n && text.at(at).unicode() == c; };
    int y, mo, d, h, mi, sec;
    if (!digits(0, 4, y) || !is(4, u'-') || !digits(5, 2, mo) || !is(7, u'-') || !digits(8, 2, d) ||
        !(is(10, u'T') || is(10, u' ')) || !digits(11, 2, h) || !is(13, u':') ||
        !digits(14, 2, mi) || !is(16, u':') || !digits(17, 2, sec))
        return {};
    qsizetype at = 19;
    int ms = 0;
    if (is(at, u'.')) {
        qsizetype k = at + 1;
        int frac = 0, kept = 0;
        while (k < n && text.at(k).isDigit() && text.at(k).unicode() < 128 && k - at <= 9) {
            if (kept < 3) {
                frac = frac * 10 + int(text.at(k).unicode() - u'0');
                ++kept;
            }
            ++k;
        }
        if (k == at + 1 || (k < n && text.at(k).isDigit()))
            return {};
        while (kept < 3) {
            frac *= 10;
            ++kept;
        }
        ms = frac;
        at = k;
    }
    int offsetSeconds = 0;
    if (is(at, u'Z')) {
        ++at;
    } else if (is(at, u'+') || is(at, u'-')) {
        int oh, om;
        if (!digits(at + 1, 2, oh) || !is(at + 3, u':') || !digits(at + 4, 2, om) || oh > 18 ||
            om > 59)
            return {};
        offsetSeconds = (oh * 3600 + om * 60) * (is(at, u'-') ? -1 : 1);
        at += 6;
    }
    if (at != n)
        return {};
    const QDate date(y, mo, d);
    const QTime time(h, mi, sec, ms);
    if (!QDate::isValid(y, mo, d) || !QTime::isValid(h, mi, sec, ms) || !date.isValid())
        return {};
    const QDateTime dt(date, time, QTimeZone(offsetSeconds));
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

/// Identifies EPSG:2154 exactly, in the forms OGC API servers use (not "contains 2154").
bool isLambert93Uri(QString uri)
{
    uri = uri.trimmed();
    if (uri.startsWith(QLatin1Char('<')) && uri.endsWith(QLatin1Char('>')))
        uri = uri.mid(1, uri.size() - 2).trimmed();
    // The OGC form names a version of the EPSG dataset: 0 (any) or e.g. 9.6.1 (QGIS Server).
    static const QRegularExpression ogc(
        QStringLiteral("^https?://www\\.opengis\\.net/def/crs/EPSG/[0-9]+(\\.[0-9]+)*/2154$"));
    static const QRegularExpression urn(
        QStringLiteral("^urn:ogc:def:crs:EPSG:([0-9]+(\\.[0-9]+)*)?:2154$"));
    return uri == QLatin1String("EPSG:2154") || ogc.match(uri).hasMatch() ||
           urn.match(uri).hasMatch();
}

/// "yyyy-MM-ddTHH:mm:ssZ", the form the store keeps.
QString toStoreTime(const QString &normalised)
{
    return normalised.isEmpty() ? QString() : normalised.left(19) + QLatin1Char('Z');
}

// --- GeoJSON geometry to WKB -----------------------------------------------------------------

class WkbWriter
{
public:
    explicit WkbWriter(const CoordinateTransform *transform) : m_transform(transform) {}
    WkbBuffer buffer; ///< the store's WKB writer
    double minX = HUGE_VAL, minY = HUGE_VAL, maxX = -HUGE_VAL, maxY = -HUGE_VAL;

    /// Returns an English reason on failure, empty on success.
    QString write(const QJsonObject &geometry)
    {
        const QString type = geometry.value(QLatin1String("type")).toString();
        const QJsonArray c = geometry.value(QLatin1String("coordinates")).toArray();
        if (type == QLatin1String("Point"))
            return point(c);
        if (type == QLatin1String("LineString"))
            return line(c);
        if (type == QLatin1String("Polygon"))
            return polygon(c);
        if (type == QLatin1String("MultiPoint"))
            return multi(c, 4, &WkbWriter::point);
        if (type == QLatin1String("MultiLineString"))
            return multi(c, 5, &WkbWriter::line);
        if (type == QLatin1String("MultiPolygon"))
            return multi(c, 6, &WkbWriter::polygon);
        return QStringLiteral("unsupported geometry type \"%1\"").arg(type);
    }

private:
    const CoordinateTransform *m_transform;
    void header(std::uint32_t type) { buffer.header(type); }
    void u32(std::uint32_t n) { buffer.count(n); }
    QString xy(const QJsonValue &v)
    {
        const QJsonArray a = v.toArray();
        if (a.size() < 2 || !a.at(0).isDouble() || !a.at(1).isDouble())
            return QStringLiteral("a position is not [x, y]");
        double x = a.at(0).toDouble(), y = a.at(1).toDouble();
        if (m_transform && !m_transform->transform(x, y))
            return QStringLiteral("cannot transform (%1, %2) to EPSG:2154")
                .arg(argText(x), argText(y));
        if (!std::isfinite(x) || !std::isfinite(y))
            return QStringLiteral("non-finite coordinate");
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        minY = std::min(minY, y);
        maxY = std::max(maxY, y);
        buffer.xy(x, y);
        return {};
    }
    QString point(const QJsonArray &c)
    {
        header(1);
        return xy(c);
    }
    QString points(const QJsonArray &c, int minimum)
    {
        if (c.size() < minimum)
            return QStringLiteral("too few positions");
        u32(std::uint32_t(c.size()));
        for (const QJsonValue &p : c)
            if (QString e = xy(p); !e.isEmpty())
                return e;
        return {};
    }
    QString line(const QJsonArray &c)
    {
        header(2);
        return points(c, 2);
    }
    QString polygon(const QJsonArray &c)
    {
        header(3);
        if (c.isEmpty())
            return QStringLiteral("empty polygon");
        u32(std::uint32_t(c.size()));
        for (const QJsonValue &ring : c)
            if (QString e = points(ring.toArray(), 4); !e.isEmpty())
                return e;
        return {};
    }
    QString multi(const QJsonArray &c, std::uint32_t type,
                  QString (WkbWriter::*part)(const QJsonArray &))
    {
        header(type);
        if (c.isEmpty())
            return QStringLiteral("empty geometry");
        u32(std::uint32_t(c.size()));
        for (const QJsonValue &p : c)
            if (QString e = (this->*part)(p.toArray()); !e.isEmpty())
                return e;
        return {};
    }
};

// --- one feature of a page -------------------------------------------------------------------

/// A JSON value as it appeared, for messages: strings quoted, at most 60 characters.
QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + printableText(v.toString(), 60) + QLatin1Char('"');
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    const QJsonDocument doc =
        v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return printableText(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)), 60);
}

namespace {

/**
 * Reads one page of a hub collection into features for a layer, checking what the hub
 * contract promises (the schema, ISO 8601 times not in the future, Lambert-93 coordinates):
 * a page that breaks it is refused whole.
 */
class PageParser
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::sync::PageParser)

public:
    PageParser(const HubResponse &response, const LayerContext &layer)
        : m_response(response), m_layer(layer), m_fields(layer.manifest.fields)
    {
    }

    Page parse() const
    {
        if (!m_response.contentCrs.isEmpty() && !m_layer.crsUri.isEmpty() &&
            !isLambert93Uri(QString::fromUtf8(m_response.contentCrs)))
            throw Exception(ErrorCode::Crs,
                            tr("The hub answered in CRS %1 instead of EPSG:2154 for collection "
                               "\"%2\"; nothing of this page was applied.")
                                .arg(printableText(QString::fromUtf8(m_response.contentCrs), 120),
                                     m_layer.collection));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(m_response.body, &error);
        if (error.error != QJsonParseError::NoError)
            throw bad(tr("malformed or truncated GeoJSON (%1 at byte %2 of %3)")
                          .arg(error.errorString(), argText(error.offset),
                               argText(m_response.body.size())));
        const QJsonObject root = doc.object();
        if (root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection") ||
            !root.value(QLatin1String("features")).isArray())
            throw bad(tr("not a GeoJSON FeatureCollection"));
        Page page;
        page.timeStamp = normaliseHubTime(root.value(QLatin1String("timeStamp")).toString());
        page.numberMatched = root.value(QLatin1String("numberMatched")).toInteger(-1);
        const QJsonArray features = root.value(QLatin1String("features")).toArray();
        page.features.reserve(std::size_t(features.size()));
        for (const QJsonValue &value : features)
            page.features.push_back(feature(value.toObject()));
        return page;
    }

private:
    Exception bad(const QString &why) const
    {
        return Exception(ErrorCode::InvalidInput,
                         tr("The hub sent an invalid page for collection \"%1\" (%2): %3")
                             .arg(m_layer.collection, m_response.url, why));
    }

    HubFeature feature(const QJsonObject &f) const
    {
        const QJsonObject props = f.value(QLatin1String("properties")).toObject();
        HubFeature out;
        out.id = props.value(kId).toVariant().toString();
        if (out.id.isEmpty())
            throw bad(tr("a feature has no \"id\" property"));
        checkSchema(props);
        readTimes(props, out);
        out.values.reserve(qsizetype(m_fields.size()));
        for (std::size_t i = 0; i < m_fields.size(); ++i)
            out.values.append(value(props.value(m_fields[i].name), i, out));
        readGeometry(f.value(QLatin1String("geometry")), out);
        return out;
    }

    /// Exactly id, updated_at, deleted_at and the manifest's fields (QGIS Server adds "fid",
    /// ignored).
    void checkSchema(const QJsonObject &props) const
    {
        const LayerManifest &m = m_layer.manifest;
        for (const QString &key : {kUpdated, kDeleted})
            if (!props.contains(key))
                throw Exception(ErrorCode::InvalidInput,
                                tr("Schema change on the hub: collection \"%1\" no longer has the "
                                   "field \"%2\" required by the hub contract.")
                                    .arg(m_layer.collection, key));
        for (const FieldDef &field : m_fields)
            if (!props.contains(field.name))
                throw Exception(
                    ErrorCode::InvalidInput,
                    tr("Schema change on the hub: collection \"%1\" no longer has the "
                       "field \"%2\" of layer \"%3\" (schema version %4). Update the "
                       "layer manifest before syncing again.")
                        .arg(m_layer.collection, field.name, m.id, argText(m.schemaVersion)));
        const qsizetype present = props.size() - (props.contains(kFid) ? 1 : 0);
        if (present == qsizetype(m_fields.size()) + 3)
            return;
        QString extra;
        for (auto it = props.begin(); it != props.end() && extra.isEmpty(); ++it)
            if (it.key() != kId && it.key() != kUpdated && it.key() != kDeleted &&
                it.key() != kFid && !m.field(it.key()))
                extra = it.key();
        throw Exception(ErrorCode::InvalidInput,
                        tr("Schema change on the hub: collection \"%1\" has a new field \"%2\" "
                           "that layer \"%3\" (schema version %4) does not declare. Update the "
                           "layer manifest before syncing again.")
                            .arg(m_layer.collection, extra, m.id, argText(m.schemaVersion)));
    }

    void readTimes(const QJsonObject &props, HubFeature &out) const
    {
        const QJsonValue updated = props.value(kUpdated);
        out.updatedAt = updated.isString() ? normaliseHubTime(updated.toString()) : QString();
        if (out.updatedAt.isEmpty())
            throw bad(tr("feature \"%1\": updated_at %2 is not an ISO 8601 date and time")
                          .arg(out.id, jsonText(updated)));
        // Never trusted to be "now or before": one feature stamped 2099 would move the
        // high-water mark past every later change.
        if (!m_layer.notAfter.isEmpty() && out.updatedAt > m_layer.notAfter)
            throw bad(tr("feature \"%1\" is stamped %2, in the future (this computer's clock "
                         "says %3): the hub's clock or data is wrong. Nothing of this page was "
                         "applied.")
                          .arg(out.id, toStoreTime(out.updatedAt), m_layer.now));
        const QJsonValue deleted = props.value(kDeleted);
        if (deleted.isNull() || deleted.isUndefined())
            out.deleted = false;
        else if (deleted.isString() && !normaliseHubTime(deleted.toString()).isEmpty())
            out.deleted = true;
        else
            throw bad(tr("feature \"%1\": deleted_at %2 is neither null nor an ISO 8601 date "
                         "and time")
                          .arg(out.id, jsonText(deleted)));
    }

    /// The value of field i as the store takes it; sets the feature's time from its time field.
    QVariant value(const QJsonValue &v, std::size_t i, HubFeature &out) const
    {
        const FieldDef &field = m_fields[i];
        if (field.personal != PersonalData::None)
            // Personal data: dropped, or its pseudonym (the clear value is never kept).
            return field.personal == PersonalData::Drop || !m_layer.pseudonymiser
                       ? QVariant()
                       : m_layer.pseudonymiser->protect(field, v.toVariant());
        if (v.isNull() || v.isUndefined())
            return {};
        switch (field.type) {
        case FieldType::DateTime: {
            const QString t = normaliseHubTime(v.toString());
            if (t.isEmpty())
                throw bad(tr("feature \"%1\": \"%2\" is not a date and time")
                              .arg(out.id, v.toVariant().toString()));
            if (int(i) == m_layer.timeIndex)
                out.time = t;
            return toStoreTime(t);
        }
        case FieldType::Integer:
            return v.isDouble() ? QVariant(v.toInteger()) : v.toVariant();
        case FieldType::Real:
        case FieldType::Boolean:
        case FieldType::String:
            break;
        }
        return v.toVariant();
    }

    void readGeometry(const QJsonValue &geometry, HubFeature &out) const
    {
        if (!geometry.isObject()) {
            if (!out.deleted)
                throw bad(tr("feature \"%1\" has no geometry").arg(out.id));
            return;
        }
        WkbWriter writer(m_layer.fromCrs84 ? &*m_layer.fromCrs84 : nullptr);
        if (QString why = writer.write(geometry.toObject()); !why.isEmpty())
            throw bad(tr("feature \"%1\": %2").arg(out.id, why));
        if (writer.minX < kMinX || writer.maxX > kMaxX || writer.minY < kMinY ||
            writer.maxY > kMaxY)
            throw Exception(ErrorCode::Crs,
                            tr("Feature \"%1\" of collection \"%2\" has coordinates (%3, %4) "
                               "outside Lambert-93 (EPSG:2154): the hub answered in another "
                               "CRS. Nothing of this page was applied.")
                                .arg(out.id, m_layer.collection, argText(writer.minX, 0, 'f', 3),
                                     argText(writer.minY, 0, 'f', 3)));
        out.envelope = QRectF(QPointF(writer.minX, writer.minY), QPointF(writer.maxX, writer.maxY));
        out.wkb = std::move(writer.buffer.bytes());
        if (m_layer.manifest.geometryType == GeometryType::Point && out.wkb.size() != 21 &&
            !out.deleted)
            throw bad(tr("feature \"%1\" is not a point").arg(out.id));
    }

    const QString kId = QStringLiteral("id"), kUpdated = QStringLiteral("updated_at"),
                  kDeleted = QStringLiteral("deleted_at"), kFid = QStringLiteral("fid");
    const HubResponse &m_response;
    const LayerContext &m_layer;
    const std::vector<FieldDef> &m_fields;
};

} // namespace

Page parsePage(const HubResponse &response, const LayerContext &layer)
{
    return PageParser(response, layer).parse();
}

} // namespace vigie::core::sync
