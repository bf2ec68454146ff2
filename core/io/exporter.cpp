// SPDX-License-Identifier: GPL-3.0-or-later
// Layers out of a workspace with GDAL: exportLayer() (see exporter.h).
#include "exporter.h"
#include "stagingfolder.h"

#include "../argtext.h"
#include "analytics/feedback.h"
#include "gdalerrorscope.h"
#include "gdalraster.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

namespace vigie::core {

namespace {

struct ExporterTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::Exporter)
};

struct FormatInfo
{
    ExportFormat format;
    const char *extension;
    const char *driver;
    bool degrees; ///< written in WGS 84 longitude/latitude
    bool table;   ///< no geometry column: points as longitude/latitude, others as WKT
};

constexpr FormatInfo kFormats[] = {
    {ExportFormat::GeoPackage, "gpkg", "GPKG", false, false},
    {ExportFormat::GeoJson, "geojson", "GeoJSON", true, false},
    {ExportFormat::GeoJson, "json", "GeoJSON", true, false},
    {ExportFormat::FlatGeobuf, "fgb", "FlatGeobuf", false, false},
    {ExportFormat::Csv, "csv", "CSV", true, true},
    {ExportFormat::Shapefile, "shp", "ESRI Shapefile", false, false},
    {ExportFormat::Xlsx, "xlsx", "XLSX", true, true},
    {ExportFormat::Ods, "ods", "ODS", true, true},
    {ExportFormat::GeoTiff, "tif", "COG", false, false},
    {ExportFormat::GeoTiff, "tiff", "COG", false, false},
};

const FormatInfo *formatInfo(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const FormatInfo &f : kFormats)
        if (suffix == QLatin1String(f.extension))
            return &f;
    return nullptr;
}

[[noreturn]] void fail(ErrorCode code, const QString &message)
{
    throw Exception(code, message);
}

OGRwkbGeometryType ogrType(GeometryType t)
{
    switch (t) {
    case GeometryType::Point:
        return wkbPoint;
    case GeometryType::Line:
        return wkbMultiLineString;
    case GeometryType::Polygon:
        return wkbMultiPolygon;
    case GeometryType::Raster:
        break;
    }
    return wkbUnknown;
}

/// Shapefile names: at most 10 characters, unique; `renamed` lists the ones cut.
QStringList shapefileNames(const std::vector<FieldDef> &fields,
                           std::vector<std::pair<QString, QString>> &renamed)
{
    QStringList names;
    QSet<QString> used;
    for (const FieldDef &f : fields) {
        QString n = f.name.left(10);
        for (int k = 1; used.contains(n.toLower()); ++k) {
            const QString tail = QStringLiteral("_%1").arg(k);
            n = f.name.left(10 - tail.size()) + tail;
        }
        used.insert(n.toLower());
        if (n != f.name)
            renamed.emplace_back(n, f.name);
        names << n;
    }
    return names;
}

/// Writes the vector features of one layer into an OGR dataset.
class VectorWriter
{
public:
    VectorWriter(const Store &store, const ExportRequest &request, const FormatInfo &format,
                 const LayerManifest &manifest)
        : m_store(store), m_request(request), m_format(format), m_manifest(manifest)
    {
    }

    ExportSummary write(const QString &path, analytics::Feedback *feedback)
    {
        detail::GdalErrorScope errors;
        GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(m_format.driver);
        if (!driver)
            fail(ErrorCode::Internal,
                 ExporterTr::tr("GDAL has no %1 driver.").arg(QLatin1String(m_format.driver)));
        m_ds.reset(
            driver->Create(QFile::encodeName(path).constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!m_ds)
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
        createLayer(path, errors);
        ExportSummary summary;
        auto n = m_store.readFeatures(
            m_request.layerId, m_request.query,
            [&](const FeatureRow &row) {
                writeFeature(row, path, errors);
                return true;
            },
            feedback);
        if (!n)
            fail(n.error().code, n.error().message);
        summary.features = *n;
        if (m_transaction && m_ds->CommitTransaction() != OGRERR_NONE)
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
        m_ds.reset(); // flushes and closes
        if (errors.failureCount() > 0)
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
        if (!m_renamed.empty())
            summary.notes << writeFieldMap(path);
        if (m_format.degrees)
            summary.notes << ExporterTr::tr("Coordinates in longitude and latitude (WGS 84).");
        return summary;
    }

private:
    void createLayer(const QString &path, detail::GdalErrorScope &errors)
    {
        OGRSpatialReference store;
        store.importFromEPSG(2154);
        store.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference out = store;
        if (m_format.degrees) {
            out = OGRSpatialReference();
            out.importFromEPSG(4326);
            out.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            m_toDegrees.reset(OGRCreateCoordinateTransformation(&store, &out));
        }
        CPLStringList options;
        switch (m_format.format) {
        case ExportFormat::GeoJson:
            options.AddNameValue("RFC7946", "YES");
            break;
        case ExportFormat::Shapefile:
            options.AddNameValue("ENCODING", "UTF-8");
            break;
        case ExportFormat::GeoPackage:
            options.AddNameValue("IDENTIFIER", m_manifest.title.fr.toUtf8().constData());
            options.AddNameValue("DESCRIPTION", m_manifest.title.en.toUtf8().constData());
            break;
        case ExportFormat::FlatGeobuf:
            options.AddNameValue("SPATIAL_INDEX", "YES");
            break;
        default:
            break;
        }
        const bool point = m_manifest.geometryType == GeometryType::Point;
        m_layer = m_ds->CreateLayer(
            m_manifest.id.toUtf8().constData(), m_format.table ? nullptr : &out,
            m_format.table ? wkbNone : ogrType(m_manifest.geometryType), options.List());
        if (!m_layer)
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
        const bool shapefile = m_format.format == ExportFormat::Shapefile;
        const QStringList names =
            shapefile ? shapefileNames(m_manifest.fields, m_renamed) : QStringList();
        for (std::size_t i = 0; i < m_manifest.fields.size(); ++i) {
            const FieldDef &f = m_manifest.fields[i];
            OGRFieldType type = OFTString;
            switch (f.type) {
            case FieldType::Integer:
                type = OFTInteger64;
                break;
            case FieldType::Real:
                type = OFTReal;
                break;
            case FieldType::DateTime: // text where the format has no date-time
                type = shapefile || m_format.format == ExportFormat::Csv ? OFTString : OFTDateTime;
                break;
            case FieldType::Boolean:
                type = OFTInteger;
                break;
            case FieldType::String:
                break;
            }
            const QByteArray name = (shapefile ? names[int(i)] : f.name).toUtf8();
            OGRFieldDefn defn(name.constData(), type);
            if (f.type == FieldType::Boolean)
                defn.SetSubType(OFSTBoolean);
            if (m_layer->CreateField(&defn) != OGRERR_NONE)
                fail(ErrorCode::Io,
                     ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
        }
        if (m_format.table) {
            const auto add = [&](const char *name, OGRFieldType type) {
                OGRFieldDefn defn(name, type);
                if (m_layer->CreateField(&defn) != OGRERR_NONE)
                    fail(ErrorCode::Io,
                         ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
            };
            if (point) {
                add("longitude", OFTReal);
                add("latitude", OFTReal);
            } else {
                add("wkt", OFTString);
            }
        }
        // Large exports in one transaction where the format has them (GeoPackage).
        m_transaction = m_ds->StartTransaction() == OGRERR_NONE;
    }

    void writeFeature(const FeatureRow &row, const QString &path, detail::GdalErrorScope &errors)
    {
        OGRFeature feature(m_layer->GetLayerDefn());
        if (m_format.format != ExportFormat::Shapefile && m_format.format != ExportFormat::Csv &&
            !m_format.table)
            feature.SetFID(row.fid);
        for (int i = 0; i < row.values.size(); ++i) {
            const QVariant &v = row.values[i];
            if (v.isNull()) {
                feature.SetFieldNull(i);
                continue;
            }
            setValue(feature, i, m_manifest.fields[std::size_t(i)].type, v);
        }
        std::unique_ptr<OGRGeometry> geometry;
        if (!row.wkb.isEmpty()) {
            OGRGeometry *g = nullptr;
            if (OGRGeometryFactory::createFromWkb(row.wkb.constData(), nullptr, &g,
                                                  row.wkb.size()) == OGRERR_NONE)
                geometry.reset(g);
        }
        if (geometry && m_toDegrees)
            geometry->transform(m_toDegrees.get());
        if (geometry && m_manifest.geometryType != GeometryType::Point)
            geometry.reset(
                OGRGeometryFactory::forceTo(geometry.release(), ogrType(m_manifest.geometryType)));
        const int extra = int(row.values.size());
        if (m_format.table && geometry) {
            if (const auto *p = dynamic_cast<const OGRPoint *>(geometry.get())) {
                feature.SetField(extra, std::round(p->getX() * 1e7) / 1e7);
                feature.SetField(extra + 1, std::round(p->getY() * 1e7) / 1e7);
            } else {
                OGRWktOptions wktOptions;
                wktOptions.precision = 8;
                wktOptions.round = true;
                const std::string text = geometry->exportToWkt(wktOptions);
                feature.SetField(extra, text.c_str());
            }
        } else if (geometry) {
            feature.SetGeometryDirectly(geometry.release());
        }
        if (m_layer->CreateFeature(&feature) != OGRERR_NONE)
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write feature %1 to %2: %3")
                                    .arg(argText(row.fid), path, errors.summary()));
    }

    static void setValue(OGRFeature &feature, int i, FieldType type, const QVariant &v)
    {
        switch (type) {
        case FieldType::Integer:
            feature.SetField(i, GIntBig(v.toLongLong()));
            return;
        case FieldType::Real:
            feature.SetField(i, v.toDouble());
            return;
        case FieldType::Boolean:
            feature.SetField(i, v.toBool() ? 1 : 0);
            return;
        case FieldType::DateTime:
            if (feature.GetFieldDefnRef(i)->GetType() == OFTDateTime) {
                const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate).toUTC();
                if (t.isValid()) {
                    feature.SetField(i, t.date().year(), t.date().month(), t.date().day(),
                                     t.time().hour(), t.time().minute(), float(t.time().second()),
                                     100);
                    return;
                }
                feature.SetFieldNull(i);
                return;
            }
            break;
        case FieldType::String:
            break;
        }
        feature.SetField(i, v.toString().toUtf8().constData());
    }

    /// "<name>.fields.csv" beside a Shapefile whose names were cut: the names as written, the
    /// layer's names and their French and English labels.
    QString writeFieldMap(const QString &path)
    {
        const QString mapPath = QFileInfo(path).path() + QLatin1Char('/') +
                                QFileInfo(path).completeBaseName() + QStringLiteral(".fields.csv");
        QSaveFile file(mapPath);
        if (!file.open(QIODevice::WriteOnly))
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1.").arg(mapPath));
        const auto csv = [](QString s) {
            return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                   QLatin1Char('"');
        };
        QByteArray out("shapefile_field,field,label_fr,label_en\r\n");
        QStringList cut;
        for (const auto &[shortName, name] : m_renamed) {
            const FieldDef *f = m_manifest.field(name);
            out += (csv(shortName) + QLatin1Char(',') + csv(name) + QLatin1Char(',') +
                    csv(f ? f->label.fr : QString()) + QLatin1Char(',') +
                    csv(f ? f->label.en : QString()) + QStringLiteral("\r\n"))
                       .toUtf8();
            cut << QStringLiteral("%1 → %2").arg(name, shortName);
        }
        if (file.write(out) != out.size() || !file.commit())
            fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1.").arg(mapPath));
        return ExporterTr::tr("Shapefile names are at most 10 characters: %1 (listed in %2).")
            .arg(cut.join(QStringLiteral(", ")), QFileInfo(mapPath).fileName());
    }

    const Store &m_store;
    const ExportRequest &m_request;
    const FormatInfo &m_format;
    const LayerManifest &m_manifest;
    detail::DatasetPtr m_ds;
    OGRLayer *m_layer = nullptr;
    std::unique_ptr<OGRCoordinateTransformation> m_toDegrees;
    std::vector<std::pair<QString, QString>> m_renamed;
    bool m_transaction = false;
};

/// A raster layer as a cloud-optimised GeoTIFF with its statistics.
void writeRaster(const Store &store, const LayerManifest &manifest, const QString &path)
{
    const auto raster = store.readRaster(manifest.id);
    if (!raster)
        fail(ErrorCode::InvalidInput, ExporterTr::tr("Layer \"%1\" has no grid.").arg(manifest.id));
    GDALDriver *cog = GetGDALDriverManager()->GetDriverByName("COG");
    if (!cog)
        fail(ErrorCode::Internal, ExporterTr::tr("GDAL has no COG driver."));
    detail::DatasetPtr grid = detail::memoryRaster(*raster);
    detail::GdalErrorScope errors;
    GDALRasterBand *band = grid->GetRasterBand(1);
    band->SetDescription(manifest.title.fr.toUtf8().constData());
    double minimum = 0, maximum = 0, mean = 0, sd = 0;
    if (band->ComputeStatistics(FALSE, &minimum, &maximum, &mean, &sd, nullptr, nullptr) == CE_None)
        band->SetStatistics(minimum, maximum, mean, sd);
    grid->SetMetadataItem("TIFFTAG_DOCUMENTNAME", manifest.title.fr.toUtf8().constData());
    grid->SetMetadataItem("TIFFTAG_SOFTWARE", "Vigie");
    CPLStringList options;
    options.AddNameValue("COMPRESS", "DEFLATE");
    options.AddNameValue("STATISTICS", "YES");
    detail::DatasetPtr out(cog->CreateCopy(QFile::encodeName(path).constData(), grid.get(), FALSE,
                                           options.List(), nullptr, nullptr));
    if (!out || errors.failureCount() > 0)
        fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1: %2").arg(path, errors.summary()));
}

} // namespace

std::optional<ExportFormat> exportFormatForPath(const QString &path)
{
    if (const FormatInfo *f = formatInfo(path))
        return f->format;
    return std::nullopt;
}

QStringList exportExtensions(bool raster)
{
    QStringList out;
    for (const FormatInfo &f : kFormats)
        if ((f.format == ExportFormat::GeoTiff) == raster)
            out << QLatin1String(f.extension);
    return out;
}

Result<ExportSummary> exportLayer(const Store &store, const ExportRequest &request,
                                  analytics::Feedback *feedback)
{
    return captureErrors([&] {
        GDALAllRegister();
        const auto manifest = store.layer(request.layerId);
        if (!manifest)
            fail(ErrorCode::UnknownLayer,
                 ExporterTr::tr("The workspace has no layer \"%1\".").arg(request.layerId));
        const bool raster = manifest->geometryType == GeometryType::Raster;
        const FormatInfo *format = formatInfo(request.path);
        if (!format || (format->format == ExportFormat::GeoTiff) != raster)
            fail(ErrorCode::InvalidInput,
                 ExporterTr::tr("Cannot write %1: layer \"%2\" is %3 and can be written as %4.")
                     .arg(request.path, request.layerId,
                          raster ? ExporterTr::tr("a raster") : ExporterTr::tr("a vector layer"),
                          exportExtensions(raster).join(QStringLiteral(", "))));
        if (QFileInfo::exists(request.path) && !request.overwrite)
            fail(ErrorCode::Io, ExporterTr::tr("%1 exists already: choose another name, or "
                                               "replace it.")
                                    .arg(request.path));
        detail::StagingFolder staging(request.path);
        ExportSummary summary;
        if (raster) {
            writeRaster(store, *manifest, staging.stagedPath());
        } else {
            VectorWriter writer(store, request, *format, *manifest);
            summary = writer.write(staging.stagedPath(), feedback);
        }
        summary.files = staging.commit(request.overwrite);
        return summary;
    });
}

Result<QStringList> writeGeoreference(const QString &imagePath, double upperLeftX,
                                      double upperLeftY, double pixelWidth, double pixelHeight)
{
    return captureErrors([&] {
        const QFileInfo info(imagePath);
        const QString ext = info.suffix();
        const QString worldExt = ext.size() >= 2
                                     ? QString(ext.front()) + ext.back() + QLatin1Char('w')
                                     : QStringLiteral("wld");
        const QString world =
            info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + worldExt;
        const auto number = [](double v) { return QString::number(v, 'f', 6); };
        const QByteArray worldText =
            (QStringList{number(pixelWidth), number(0.0), number(0.0), number(pixelHeight),
                         number(upperLeftX), number(upperLeftY)}
                 .join(QStringLiteral("\r\n")) +
             QStringLiteral("\r\n"))
                .toLatin1();
        OGRSpatialReference srs;
        srs.importFromEPSG(2154);
        char *wkt = nullptr;
        srs.exportToWkt(&wkt);
        const QString escaped = QString::fromUtf8(wkt).toHtmlEscaped();
        CPLFree(wkt);
        const QByteArray aux =
            (QStringLiteral("<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">%1</SRS>\n"
                            "</PAMDataset>\n")
                 .arg(escaped))
                .toUtf8();
        const QString auxPath = imagePath + QStringLiteral(".aux.xml");
        for (const auto &[path, bytes] : {std::pair{world, worldText}, std::pair{auxPath, aux}}) {
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
                fail(ErrorCode::Io, ExporterTr::tr("Cannot write %1.").arg(path));
        }
        return QStringList{world, auxPath};
    });
}

} // namespace vigie::core
