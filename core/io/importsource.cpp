// SPDX-License-Identifier: GPL-3.0-or-later
// The importer's source side: opening the file, its CRS and area of use, the layer made
// from it, the binding of its fields, and each feature's geometry.
#include "importjob.h"

#include "analytics/feedback.h"
#include "argtext.h"
#include "crs/crs.h"
#include "gdalerrorscope.h"
#include "gdalinput.h"
#include "layerregistry.h"
#include "privacy/pseudonymiser.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

namespace vigie::core::detail {

using detail::DatasetPtr;

/// A name usable as a layer id or field name: [a-z][a-z0-9_]*, never starting with '_'.
QString sanitiseName(const QString &raw, const QString &fallback)
{
    QString s = raw.normalized(QString::NormalizationForm_KD).toLower();
    QString out;
    for (QChar c : s) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
        else if (c.category() == QChar::Mark_NonSpacing)
            continue; // accents stripped: "é" -> "e"
        else if (!out.endsWith(QLatin1Char('_')))
            out += QLatin1Char('_');
    }
    while (out.startsWith(QLatin1Char('_')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('_')))
        out.chop(1);
    if (out.isEmpty())
        out = fallback;
    if (out.at(0).isDigit())
        out.prepend(fallback.left(1) + QLatin1Char('_'));
    return out;
}

std::optional<GeometryType> layerTypeOf(OGRwkbGeometryType t)
{
    switch (wkbFlatten(t)) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryType::Point;
    case wkbLineString:
    case wkbMultiLineString:
        return GeometryType::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
        return GeometryType::Polygon;
    default:
        return std::nullopt;
    }
}

QVariant readValue(OGRFeature &f, const FieldBinding &b)
{
    if (b.source < 0 || b.drop || !f.IsFieldSetAndNotNull(b.source))
        return {};
    switch (b.type) {
    case FieldType::Integer:
        if (b.sourceType == OFTInteger || b.sourceType == OFTInteger64)
            return QVariant::fromValue<qlonglong>(f.GetFieldAsInteger64(b.source));
        if (b.sourceType == OFTReal)
            return f.GetFieldAsDouble(b.source);
        break;
    case FieldType::Real:
        if (b.sourceType == OFTInteger || b.sourceType == OFTInteger64 || b.sourceType == OFTReal)
            return f.GetFieldAsDouble(b.source);
        break;
    case FieldType::Boolean:
        if (b.sourceType == OFTInteger || b.sourceType == OFTInteger64)
            return f.GetFieldAsInteger64(b.source) != 0;
        break;
    case FieldType::DateTime:
        if (b.sourceType == OFTDate || b.sourceType == OFTDateTime) {
            int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
            float sec = 0;
            if (!f.GetFieldAsDateTime(b.source, &y, &mo, &d, &h, &mi, &sec, &tz))
                return {};
            const int s = int(sec);
            if (tz <= 1 || tz == 100) { // unknown, local (taken as UTC) or UTC: no conversion
                char buf[32];
                const int len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y,
                                              mo, d, h, mi, s);
                return QString::fromLatin1(buf, len);
            }
            // GDAL: 100 + n means UTC + n * 15 minutes.
            QDateTime dt(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
            dt = dt.addSecs(-qint64(tz - 100) * 15 * 60);
            return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
        }
        break;
    case FieldType::String:
        break;
    }
    return QString::fromUtf8(f.GetFieldAsString(b.source));
}

void ImportJob::openDataset()
{
    const auto optionsFor = [this](const detail::TextFileInfo &info) {
        CPLStringList openOptions;
        if (!info.csv)
            return openOptions;
        if (const auto xy = detail::chooseCoordinateColumns(m_path, info.csvHeader,
                                                            m_options.xField, m_options.yField)) {
            openOptions.AddNameValue("X_POSSIBLE_NAMES", xy->x.toUtf8().constData());
            openOptions.AddNameValue("Y_POSSIBLE_NAMES", xy->y.toUtf8().constData());
            // Coordinates a source key names stay readable as columns.
            const QStringList keyParts = m_options.mapping.fields.value(mappingtarget::sourceKey)
                                             .split(QLatin1Char('+'), Qt::SkipEmptyParts);
            const bool keyed = std::any_of(keyParts.begin(), keyParts.end(), [&](QString k) {
                k = k.trimmed();
                return k.compare(xy->x, Qt::CaseInsensitive) == 0 ||
                       k.compare(xy->y, Qt::CaseInsensitive) == 0;
            });
            openOptions.AddNameValue("KEEP_GEOM_COLUMNS", keyed || m_previewing ? "YES" : "NO");
            m_previewGeometry = xy->x + QStringLiteral(", ") + xy->y;
            static const QStringList lons{QStringLiteral("longitude"), QStringLiteral("lon"),
                                          QStringLiteral("lng"), QStringLiteral("long")};
            static const QStringList lats{QStringLiteral("latitude"), QStringLiteral("lat")};
            m_degreeColumns = lons.contains(xy->x.toLower()) && lats.contains(xy->y.toLower());
        }
        if (!m_options.mapping.isEmpty()) // dates read from the text as written
            openOptions.AddNameValue("KEEP_SOURCE_COLUMNS", "YES");
        openOptions.AddNameValue("AUTODETECT_TYPE", "YES");
        openOptions.AddNameValue("EMPTY_STRING_AS_NULL", "YES");
        return openOptions;
    };
    m_ds = detail::openLocalVector(m_path, optionsFor, m_errors);
    readShortNames();
}

void ImportJob::readShortNames()
{
    // Vigie's Shapefile exports list the names they cut in "<name>.fields.csv": read as plain
    // text, names only (letters, digits, underscores), at most 64 KiB.
    const QFileInfo info(m_path);
    if (info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0)
        return;
    QFile f(info.path() + QLatin1Char('/') + info.completeBaseName() +
            QStringLiteral(".fields.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    static const QRegularExpression row(
        QStringLiteral("^\"?([A-Za-z0-9_]{1,10})\"?,\"?([A-Za-z0-9_]{1,63})\"?(,|$)"));
    const QStringList lines = QString::fromUtf8(f.read(64 * 1024)).split(QLatin1Char('\n'));
    for (const QString &line : lines.mid(1))
        if (const auto m = row.match(line.trimmed()); m.hasMatch())
            m_shortNames.insert(m.captured(2), m.captured(1));
}

void ImportJob::chooseLayer()
{
    if (m_ds->GetLayerCount() == 0)
        fail(ErrorCode::InvalidInput, ImporterTr::tr("%1 contains no vector layer.").arg(m_path));
    if (m_options.sourceLayer.isEmpty()) {
        m_layer = m_ds->GetLayer(0);
    } else {
        m_layer = m_ds->GetLayerByName(m_options.sourceLayer.toUtf8().constData());
        if (!m_layer) {
            QStringList names;
            for (int i = 0; i < m_ds->GetLayerCount(); ++i)
                names << QString::fromUtf8(m_ds->GetLayer(i)->GetName());
            fail(ErrorCode::InvalidInput,
                 ImporterTr::tr("%1 has no layer \"%2\" (it has: %3).")
                     .arg(m_path, m_options.sourceLayer, names.join(QStringLiteral(", "))));
        }
    }
}

void ImportJob::prepareTransform()
{
    m_target.importFromEPSG(kStoreEpsg);
    m_target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!m_options.sourceCrs.isEmpty()) {
        // Never a file or a URL: a CRS given by the user is a code, WKT or PROJ string.
        if (m_sourceSrs.SetFromUserInput(
                m_options.sourceCrs.toUtf8().constData(),
                OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) != OGRERR_NONE)
            fail(ErrorCode::Crs,
                 ImporterTr::tr("Unknown coordinate reference system \"%1\" for %2.")
                     .arg(m_options.sourceCrs, m_path));
    } else if (const OGRSpatialReference *srs = m_layer->GetSpatialRef();
               m_errors.failureCount() > 0) {
        // An unknown or unreachable CRS: GDAL says so, then goes on with none or with WGS 84.
        fail(ErrorCode::Crs, ImporterTr::tr("The coordinate reference system of %1 is unknown: %2")
                                 .arg(m_path, m_errors.summary()));
    } else if (srs) {
        m_sourceSrs = *srs;
    } else if (m_degreeColumns) {
        // Columns named longitude and latitude are degrees (WGS 84), as Vigie's exports and
        // most open-data CSVs write them; values outside the area of use are still refused.
        m_sourceSrs.importFromEPSG(4326);
    } else {
        fail(ErrorCode::Crs,
             ImporterTr::tr(
                 "%1 does not say in which coordinate reference system its coordinates are. "
                 "Give it, for example --crs EPSG:4326 for longitude/latitude in degrees.")
                 .arg(m_path));
    }
    m_sourceSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    prepareAreaOfUse();
    if (m_sourceSrs.IsSame(&m_target))
        return;
    m_ct.reset(OGRCreateCoordinateTransformation(&m_sourceSrs, &m_target));
    if (!m_ct)
        fail(ErrorCode::Crs,
             ImporterTr::tr("Cannot transform the coordinates of %1 to Lambert-93: %2")
                 .arg(m_path, m_errors.summary()));
}

void ImportJob::prepareAreaOfUse()
{
    double west = 0, south = 0, east = 0, north = 0;
    const char *name = nullptr;
    if (!m_sourceSrs.GetAreaOfUse(&west, &south, &east, &north, &name)) {
        if (m_sourceSrs.IsGeographic()) // degrees, wherever they come from
            m_area = OGREnvelope{};
        if (m_area) {
            m_area->MinX = -180.0;
            m_area->MaxX = 180.0;
            m_area->MinY = -90.0;
            m_area->MaxY = 90.0;
        }
        return;
    }
    if (west > east)
        return; // across the antimeridian: only the store's own limit applies
    m_areaName = QString::fromUtf8(name ? name : "");
    if (m_areaName.endsWith(QLatin1Char('.')))
        m_areaName.chop(1);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toSource(
        OGRCreateCoordinateTransformation(&wgs84, &m_sourceSrs));
    if (!toSource)
        return;
    // A margin for data just across the edge (a CRS's area is drawn around land).
    const double margin = std::max(0.5, 0.1 * std::max(east - west, north - south));
    const double w = std::max(-180.0, west - margin), e = std::min(180.0, east + margin);
    const double s = south <= -80 ? south : std::max(-90.0, south - margin);
    const double n = north >= 80 ? north : std::min(90.0, north + margin);
    OGREnvelope env;
    if (toSource->TransformBounds(w, s, e, n, &env.MinX, &env.MinY, &env.MaxX, &env.MaxY, 21) ||
        toSource->TransformBounds(west, south, east, north, &env.MinX, &env.MinY, &env.MaxX,
                                  &env.MaxY, 21)) {
        if (std::isfinite(env.MinX) && std::isfinite(env.MinY) && std::isfinite(env.MaxX) &&
            std::isfinite(env.MaxY))
            m_area = env;
    }
    m_errors.clear(); // a failed first try is not the file's fault
}

int ImportJob::categoryIndex(const LayerManifest &m) const
{
    if (m.categoryField.isEmpty() || m.categories.empty())
        return -1;
    for (std::size_t i = 0; i < m.fields.size(); ++i)
        if (m.fields[i].name == m.categoryField)
            return int(i);
    return -1;
}

LayerManifest ImportJob::deriveManifest()
{
    const QFileInfo info(m_path);
    LayerManifest m;
    m.id = m_options.newLayerId.isEmpty()
               ? sanitiseName(info.completeBaseName(), QStringLiteral("layer"))
               : m_options.newLayerId;
    m.title.fr = m.title.en = info.completeBaseName();
    m.description.fr = m.description.en = info.fileName();
    m.hubCollection = m.id;
    m.origin = m_path;
    std::optional<GeometryType> gt = layerTypeOf(m_layer->GetGeomType());
    if (!gt) {
        // Mixed or unknown in the header (GeoJSON, CSV): take the first geometry.
        m_layer->ResetReading();
        while (OGRFeature *raw = m_layer->GetNextFeature()) {
            FeaturePtr f(raw, &OGRFeature::DestroyFeature);
            if (const OGRGeometry *g = f->GetGeometryRef(); g && !g->IsEmpty()) {
                gt = layerTypeOf(g->getGeometryType());
                break;
            }
        }
        m_layer->ResetReading();
        if (!gt)
            fail(ErrorCode::InvalidInput,
                 ImporterTr::tr("%1: no point, line or polygon geometry found.").arg(m_path));
    }
    m.geometryType = *gt;
    OGRFeatureDefn *defn = m_layer->GetLayerDefn();
    QSet<QString> used;
    m_derivedSources.clear();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (m_mapped && m_mapped->consumedColumns().contains(i))
            continue; // read into a role field (a date, the category, the key)
        OGRFieldDefn *fd = defn->GetFieldDefn(i);
        FieldDef f;
        const QString raw = QString::fromUtf8(fd->GetNameRef());
        QString name = sanitiseName(raw, QStringLiteral("field"));
        if (name == QLatin1String("fid") || name == QLatin1String("geom"))
            name += QLatin1String("_1");
        QString unique = name;
        for (int n = 2; used.contains(unique); ++n)
            unique = name + QStringLiteral("_%1").arg(n);
        used.insert(unique);
        f.name = unique;
        f.label.fr = f.label.en = raw;
        switch (fd->GetType()) {
        case OFTInteger:
            f.type = fd->GetSubType() == OFSTBoolean ? FieldType::Boolean : FieldType::Integer;
            break;
        case OFTInteger64:
            f.type = FieldType::Integer;
            break;
        case OFTReal:
            f.type = FieldType::Real;
            break;
        case OFTDate:
        case OFTDateTime:
            f.type = FieldType::DateTime;
            break;
        default:
            f.type = FieldType::String;
            break;
        }
        if (f.type == FieldType::DateTime && m.timeField.isEmpty())
            m.timeField = f.name;
        m.fields.push_back(std::move(f));
        m_derivedSources.push_back(i);
    }
    if (m_mapped && !m_mapped->isEmpty()) {
        const std::size_t before = m.fields.size();
        m_mapped->addRoleFields(m);
        // Role fields come first and read no column of their own.
        m_derivedSources.insert(m_derivedSources.begin(), m.fields.size() - before, -1);
    }
    return m;
}

void ImportJob::bindFields(const LayerManifest &m, bool fromFile)
{
    OGRFeatureDefn *defn = m_layer->GetLayerDefn();
    QHash<QString, int> sourceByName;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const QString raw = QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
        sourceByName.insert(raw.toLower(), i);
    }
    QSet<int> used;
    m_bindings.clear();
    m_boundManifest = m;
    for (std::size_t k = 0; k < m_boundManifest.fields.size(); ++k) {
        const FieldDef &f = m_boundManifest.fields[k];
        FieldBinding b;
        b.type = f.type;
        b.drop = f.personal == PersonalData::Drop;
        if (f.personal == PersonalData::Pseudonymise) {
            b.pseudonymise = &f;
            if (!m_pseudonymiser) { // the key is read (or made) before any row is written
                auto loaded = Pseudonymiser::forWorkspace(*m_store);
                if (!loaded)
                    fail(loaded.error().code, loaded.error().message);
                m_pseudonymiser = std::move(loaded.value());
            }
        }
        const int mapped = m_mapped ? m_mapped->plainColumn(f.name) : -1;
        if (fromFile) {
            b.source = m_derivedSources[k]; // derived from the file, in order
        } else if (mapped >= 0) {
            b.source = mapped;
        } else if (filledByMapping(m, f.name)) {
            b.source = -1; // filled by MappedFields::fill()
        } else {
            b.source = sourceByName.value(f.name, -1);
            if (b.source < 0 && m_shortNames.contains(f.name)) // cut by a Shapefile
                b.source = sourceByName.value(m_shortNames.value(f.name).toLower(), -1);
            if (b.source < 0) // the file may use a name that sanitises to ours
                for (int i = 0; i < defn->GetFieldCount() && b.source < 0; ++i)
                    if (!used.contains(i) &&
                        sanitiseName(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()),
                                     QStringLiteral("field")) == f.name)
                        b.source = i;
        }
        if (b.source >= 0) {
            used.insert(b.source);
            b.sourceType = defn->GetFieldDefn(b.source)->GetType();
        }
        m_bindings.push_back(b);
    }
    m_unknownFields.clear();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (!used.contains(i) && !(m_mapped && m_mapped->consumedColumns().contains(i)))
            m_unknownFields << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
}

bool ImportJob::filledByMapping(const LayerManifest &m, const QString &field) const
{
    if (!m_mapped)
        return false;
    using namespace mappingtarget;
    const auto &f = m_options.mapping.fields;
    return (f.contains(occurredAt) &&
            (field == m.timeField || field == m.endTimeField || field == timePrecision)) ||
           (f.contains(category) && field == m.categoryField) ||
           (f.contains(sourceKey) && field == sourceKey);
}

QString ImportJob::invalidReason(const OGRGeometry &g)
{
    // GEOS's reason through SpatiaLite (OGR's C++ API only says valid or not).
    std::vector<unsigned char> wkb(g.WkbSize());
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    try {
        return m_store->invalidReason(wkb.data(), wkb.size());
    } catch (const Exception &) {
        return {}; // the generic "invalid" message is given instead
    }
}

QString ImportJob::prepareGeometry(OGRFeature &f, std::vector<unsigned char> &wkb)
{
    OGRGeometry *g = f.GetGeometryRef();
    if (!g)
        return ImporterTr::tr("it has no geometry (empty coordinates?)");
    if (g->IsEmpty())
        return ImporterTr::tr("its geometry is empty");
    if (g->getCoordinateDimension() != 2 || g->IsMeasured())
        g->flattenTo2D();
    OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (type == wkbMultiPoint && m_geomType == GeometryType::Point) {
        auto *mp = g->toMultiPoint();
        if (mp->getNumGeometries() != 1)
            return ImporterTr::tr("a multi-point of %1 points does not fit a point layer")
                .arg(QString::number(mp->getNumGeometries()));
        f.SetGeometry(mp->getGeometryRef(0));
        g = f.GetGeometryRef();
        type = wkbPoint;
    }
    const auto fits = layerTypeOf(type);
    const bool multiPoint = type == wkbMultiPoint;
    if (!fits || *fits != m_geomType || multiPoint)
        return ImporterTr::tr("a %1 does not fit a %2 layer")
            .arg(QString::fromUtf8(OGRGeometryTypeToName(type)), geometryTypeName(m_geomType));
    if (type == wkbPoint) {
        const auto *p = g->toPoint();
        if (!std::isfinite(p->getX()) || !std::isfinite(p->getY()))
            return ImporterTr::tr("its coordinates are not numbers");
    } else if (!g->IsValid()) {
        const QString reason = invalidReason(*g);
        return reason.isEmpty() ? ImporterTr::tr("its geometry is invalid")
                                : ImporterTr::tr("its geometry is invalid: %1").arg(reason);
    }
    if (m_area) {
        OGREnvelope env;
        g->getEnvelope(&env);
        if (!m_area->Contains(env)) {
            const QString where =
                m_areaName.isEmpty() ? QString() : ImporterTr::tr(" (%1)").arg(m_areaName);
            return ImporterTr::tr(
                       "its coordinates (%1, %2) are outside the area where %3 is used%4: "
                       "are they in another coordinate reference system? Give the "
                       "right one (--crs).")
                .arg(QString::number(env.MinX, 'g', 8), QString::number(env.MinY, 'g', 8),
                     QString::fromUtf8(m_sourceSrs.GetName() ? m_sourceSrs.GetName() : "?"), where);
        }
    }
    if (m_ct && g->transform(m_ct.get()) != OGRERR_NONE)
        return ImporterTr::tr("its coordinates cannot be transformed to Lambert-93");
    wkb.resize(std::size_t(g->WkbSize()));
    g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return {};
}

SourcePreview ImportJob::preview(int maxRows)
{
    m_previewing = true;
    openDataset();
    chooseLayer();
    SourcePreview p;
    OGRFeatureDefn *defn = m_layer->GetLayerDefn();
    // The text as written: GDAL's CSV reader keeps it in "<column>_original" for the columns it
    // recognised as dates, times or numbers.
    QHash<int, int> original;
    std::vector<int> shown;
    QStringList names;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    for (int i = 0; i < names.size(); ++i) {
        if (names[i].endsWith(QLatin1String("_original")) && names.contains(names[i].chopped(9))) {
            original.insert(int(names.indexOf(names[i].chopped(9))), i);
            continue;
        }
        shown.push_back(i);
        p.columns << names[i];
    }
    m_layer->ResetReading();
    while (p.rows.size() < maxRows) {
        FeaturePtr f(m_layer->GetNextFeature(), &OGRFeature::DestroyFeature);
        if (!f)
            break;
        QStringList row;
        for (int i : shown) {
            const int c = original.value(i, i);
            row << (f->IsFieldSetAndNotNull(c) ? QString::fromUtf8(f->GetFieldAsString(c))
                                               : QString());
        }
        p.rows << row;
    }
    p.featureCount = m_layer->GetFeatureCount(FALSE);
    if (m_previewGeometry.isEmpty() && m_layer->GetGeomType() != wkbNone)
        m_previewGeometry = QString::fromUtf8(OGRGeometryTypeToName(m_layer->GetGeomType()));
    p.geometryColumns = m_previewGeometry;
    return p;
}

} // namespace vigie::core::detail
