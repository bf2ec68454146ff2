// SPDX-License-Identifier: GPL-3.0-or-later
#include "qgisproject.h"

#include "../analytics/feedback.h"
#include "../argtext.h"
#include "../project/projectstate.h"
#include "../qgisstyle.h"
#include "../store/store.h"
#include "atomicfile.h"
#include "exporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamWriter>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <ogr_spatialref.h>

#include <algorithm>

namespace vigie::core {

namespace {

struct QgisProjectTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::QgisProject)
};

/// One map layer of the project, as planned from the workspace and the layer panel.
struct PlannedLayer
{
    LayerManifest manifest;
    QString name;
    bool visible = true;
    QgisStyleOptions style;
    const Store::AnalysisRecord *record = nullptr; ///< the run that made it, if any
    QString source;                                ///< QGIS datasource, relative
};

/// Lambert-93 as WKT2 (what QGIS reads first in a <spatialrefsys>), from PROJ's database.
QString lambert93Wkt()
{
    static const QString wkt = [] {
        OGRSpatialReference srs;
        QString text;
        char *out = nullptr;
        const char *options[] = {"FORMAT=WKT2_2019", nullptr};
        if (srs.importFromEPSG(2154) == OGRERR_NONE &&
            srs.exportToWkt(&out, options) == OGRERR_NONE)
            text = QString::fromUtf8(out);
        CPLFree(out);
        return text;
    }();
    return wkt;
}

QString qgisId(const QString &layerId)
{
    return layerId + QStringLiteral("_vigie");
}

/// Vigie's drawing order (topmost first): the layer panel's, then the others by their
/// manifest's z-order, as the panel sorts a workspace it has not seen.
std::vector<PlannedLayer> planLayers(const Store &store, const ProjectState &state,
                                     const std::vector<Store::AnalysisRecord> &records,
                                     const QString &language)
{
    std::vector<LayerManifest> manifests = store.layers();
    std::stable_sort(manifests.begin(), manifests.end(),
                     [](const LayerManifest &a, const LayerManifest &b) {
                         return a.symbology.zOrder > b.symbology.zOrder;
                     });
    std::vector<PlannedLayer> out;
    auto recordOf = [&records](const QString &id) -> const Store::AnalysisRecord * {
        for (const Store::AnalysisRecord &r : records)
            if (!r.resultLayer.isEmpty() &&
                (id == r.id || id == r.resultLayer || id.startsWith(r.id + u'_')))
                return &r;
        return nullptr;
    };
    const QString latest = records.empty() ? QString() : records.back().id;
    auto add = [&](const LayerManifest &m, const ProjectLayer *seen) {
        PlannedLayer p;
        p.manifest = m;
        p.record = recordOf(m.id);
        p.name = seen && !seen->title.isEmpty() ? seen->title : m.title.text(language);
        // Not in the panel yet: base layers show, of the results only the latest run's.
        p.visible = seen ? seen->visible : !p.record || p.record->id == latest;
        if (seen)
            p.style = QgisStyleOptions{seen->title, seen->opacity, seen->hiddenCategories};
        out.push_back(std::move(p));
    };
    for (const ProjectLayer &l : state.layers)
        for (const LayerManifest &m : manifests)
            if (m.id == l.id)
                add(m, &l);
    for (const LayerManifest &m : manifests)
        if (!state.layer(m.id))
            add(m, nullptr);
    return out;
}

class ProjectWriter
{
public:
    ProjectWriter(const QString &title, const QString &language, QByteArray *out)
        : m_title(title), m_language(language), w(out)
    {
        w.setAutoFormatting(true);
        w.setAutoFormattingIndent(1);
    }

    void write(const std::vector<PlannedLayer> &layers, const QRectF &view)
    {
        w.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
        w.writeStartElement(QStringLiteral("qgis"));
        w.writeAttribute(QStringLiteral("projectname"), m_title);
        w.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0-Białowieża"));
        w.writeEmptyElement(QStringLiteral("homePath"));
        w.writeAttribute(QStringLiteral("path"), QString());
        w.writeTextElement(QStringLiteral("title"), m_title);
        w.writeStartElement(QStringLiteral("projectCrs"));
        srs();
        w.writeEndElement();
        tree(layers);
        w.writeStartElement(QStringLiteral("projectlayers"));
        for (const PlannedLayer &l : layers)
            mapLayer(l);
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("layerorder"));
        for (const PlannedLayer &l : layers) {
            w.writeEmptyElement(QStringLiteral("layer"));
            w.writeAttribute(QStringLiteral("id"), qgisId(l.manifest.id));
        }
        w.writeEndElement();
        properties();
        if (!view.isNull())
            viewSettings(view);
        w.writeEndElement();
        w.writeEndDocument();
    }

private:
    void srs()
    {
        w.writeStartElement(QStringLiteral("spatialrefsys"));
        w.writeTextElement(QStringLiteral("wkt"), lambert93Wkt());
        w.writeTextElement(QStringLiteral("proj4"),
                           QStringLiteral("+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 "
                                          "+x_0=700000 +y_0=6600000 +ellps=GRS80 "
                                          "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs"));
        w.writeTextElement(QStringLiteral("authid"), QStringLiteral("EPSG:2154"));
        w.writeTextElement(QStringLiteral("srid"), QStringLiteral("2154"));
        w.writeTextElement(QStringLiteral("description"), QStringLiteral("RGF93 v1 / Lambert-93"));
        w.writeTextElement(QStringLiteral("projectionacronym"), QStringLiteral("lcc"));
        w.writeTextElement(QStringLiteral("ellipsoidacronym"), QStringLiteral("EPSG:7019"));
        w.writeTextElement(QStringLiteral("geographicflag"), QStringLiteral("false"));
        w.writeEndElement();
    }

    void treeLayer(const PlannedLayer &l)
    {
        w.writeStartElement(QStringLiteral("layer-tree-layer"));
        w.writeAttribute(QStringLiteral("id"), qgisId(l.manifest.id));
        w.writeAttribute(QStringLiteral("name"), l.name);
        w.writeAttribute(QStringLiteral("source"), l.source);
        w.writeAttribute(QStringLiteral("providerKey"),
                         l.manifest.geometryType == GeometryType::Raster ? QStringLiteral("gdal")
                                                                         : QStringLiteral("ogr"));
        w.writeAttribute(QStringLiteral("checked"), l.visible ? QStringLiteral("Qt::Checked")
                                                              : QStringLiteral("Qt::Unchecked"));
        w.writeAttribute(QStringLiteral("expanded"), QStringLiteral("1"));
        w.writeEndElement();
    }

    void tree(const std::vector<PlannedLayer> &layers)
    {
        w.writeStartElement(QStringLiteral("layer-tree-group"));
        const bool anyResult = std::any_of(layers.begin(), layers.end(),
                                           [](const PlannedLayer &l) { return l.record; });
        if (anyResult) {
            w.writeStartElement(QStringLiteral("layer-tree-group"));
            w.writeAttribute(QStringLiteral("name"), QStringLiteral("Analyses")); // fr and en
            w.writeAttribute(QStringLiteral("checked"), QStringLiteral("Qt::Checked"));
            w.writeAttribute(QStringLiteral("expanded"), QStringLiteral("1"));
            for (const PlannedLayer &l : layers)
                if (l.record)
                    treeLayer(l);
            w.writeEndElement();
        }
        for (const PlannedLayer &l : layers)
            if (!l.record)
                treeLayer(l);
        // Vigie's drawing order, whatever the groups: the first is drawn on top.
        w.writeStartElement(QStringLiteral("custom-order"));
        w.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
        for (const PlannedLayer &l : layers)
            w.writeTextElement(QStringLiteral("item"), qgisId(l.manifest.id));
        w.writeEndElement();
        w.writeEndElement();
    }

    void metadata(const PlannedLayer &l)
    {
        w.writeStartElement(QStringLiteral("resourceMetadata"));
        w.writeTextElement(QStringLiteral("identifier"), l.manifest.id);
        w.writeTextElement(QStringLiteral("language"), m_language.startsWith(QLatin1String("en"))
                                                           ? QStringLiteral("eng")
                                                           : QStringLiteral("fra"));
        w.writeTextElement(QStringLiteral("type"), QStringLiteral("dataset"));
        w.writeTextElement(QStringLiteral("title"), l.name);
        QString abstract = l.manifest.description.text(m_language);
        if (l.record) {
            // The run's parameters and figures, readable in Layer Properties › Metadata.
            const QString params =
                QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(l.record->parameters))
                                      .toJson(QJsonDocument::Indented));
            const QString figures =
                QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(l.record->summary))
                                      .toJson(QJsonDocument::Indented));
            abstract = QgisProjectTr::tr("%1 (%2, run %3 on %4).\n\nParameters:\n%5\nFigures:\n%6")
                           .arg(l.record->title, l.record->kind, l.record->id, l.record->createdAt,
                                params, figures);
        }
        w.writeTextElement(QStringLiteral("abstract"), abstract);
        w.writeStartElement(QStringLiteral("keywords"));
        w.writeAttribute(QStringLiteral("vocabulary"), QStringLiteral("vigie"));
        w.writeTextElement(QStringLiteral("keyword"),
                           l.record ? l.record->kind : QStringLiteral("layer"));
        w.writeEndElement();
        w.writeEndElement();
    }

    void rasterPipe(const PlannedLayer &l)
    {
        std::vector<ColorStop> ramp = l.manifest.symbology.ramp;
        std::stable_sort(ramp.begin(), ramp.end(),
                         [](const ColorStop &a, const ColorStop &b) { return a.value < b.value; });
        const double lo = ramp.empty() ? 0.0 : ramp.front().value;
        const double hi = ramp.empty() ? 1.0 : ramp.back().value;
        w.writeStartElement(QStringLiteral("pipe"));
        w.writeStartElement(QStringLiteral("rasterrenderer"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("singlebandpseudocolor"));
        w.writeAttribute(QStringLiteral("band"), QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("opacity"), QString::number(l.style.opacity));
        w.writeAttribute(QStringLiteral("alphaBand"), QStringLiteral("-1"));
        w.writeAttribute(QStringLiteral("classificationMin"), QString::number(lo, 'g', 17));
        w.writeAttribute(QStringLiteral("classificationMax"), QString::number(hi, 'g', 17));
        w.writeStartElement(QStringLiteral("minMaxOrigin"));
        w.writeTextElement(QStringLiteral("limits"), QStringLiteral("None"));
        w.writeTextElement(QStringLiteral("extent"), QStringLiteral("WholeRaster"));
        w.writeTextElement(QStringLiteral("statAccuracy"), QStringLiteral("Estimated"));
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("rastershader"));
        w.writeStartElement(QStringLiteral("colorrampshader"));
        w.writeAttribute(QStringLiteral("colorRampType"), QStringLiteral("INTERPOLATED"));
        w.writeAttribute(QStringLiteral("classificationMode"), QStringLiteral("1"));
        w.writeAttribute(QStringLiteral("clip"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("minimumValue"), QString::number(lo, 'g', 17));
        w.writeAttribute(QStringLiteral("maximumValue"), QString::number(hi, 'g', 17));
        // Vigie leaves cells below the first stop transparent: a clear item just below it (QGIS
        // gives values under the first item that item's colour); above the last, its colour.
        auto item = [this](double value, const QString &color, int alpha) {
            w.writeEmptyElement(QStringLiteral("item"));
            w.writeAttribute(QStringLiteral("value"), QString::number(value, 'g', 17));
            w.writeAttribute(QStringLiteral("label"), QString::number(value, 'g', 4));
            w.writeAttribute(QStringLiteral("color"), color);
            w.writeAttribute(QStringLiteral("alpha"), QString::number(alpha));
        };
        if (!ramp.empty())
            item(lo - std::max(1e-9, std::abs(lo) * 1e-9), QStringLiteral("#ffffff"), 0);
        for (const ColorStop &stop : ramp) {
            const QStringList rgba = qgisColor(stop.color).split(u',');
            if (rgba.size() != 4)
                continue;
            QString hex = QStringLiteral("#");
            for (int k = 0; k < 3; ++k)
                hex += QString::number(rgba[k].toInt(), 16).rightJustified(2, u'0');
            item(stop.value, hex, rgba[3].toInt());
        }
        w.writeEndElement(); // colorrampshader
        w.writeEndElement(); // rastershader
        w.writeEndElement(); // rasterrenderer
        w.writeEndElement(); // pipe
    }

    void mapLayer(const PlannedLayer &l)
    {
        const LayerManifest &m = l.manifest;
        const bool raster = m.geometryType == GeometryType::Raster;
        w.writeStartElement(QStringLiteral("maplayer"));
        w.writeAttribute(QStringLiteral("type"),
                         raster ? QStringLiteral("raster") : QStringLiteral("vector"));
        if (!raster) {
            w.writeAttribute(QStringLiteral("geometry"),
                             m.geometryType == GeometryType::Point  ? QStringLiteral("Point")
                             : m.geometryType == GeometryType::Line ? QStringLiteral("Line")
                                                                    : QStringLiteral("Polygon"));
            w.writeAttribute(QStringLiteral("labelsEnabled"),
                             qgisLabelsEnabled(m) ? QStringLiteral("1") : QStringLiteral("0"));
        }
        w.writeAttribute(QStringLiteral("hasScaleBasedVisibilityFlag"), QStringLiteral("0"));
        w.writeTextElement(QStringLiteral("id"), qgisId(m.id));
        w.writeTextElement(QStringLiteral("datasource"), l.source);
        w.writeTextElement(QStringLiteral("layername"), l.name);
        w.writeStartElement(QStringLiteral("srs"));
        srs();
        w.writeEndElement();
        metadata(l);
        w.writeStartElement(QStringLiteral("provider"));
        if (!raster)
            w.writeAttribute(QStringLiteral("encoding"), QStringLiteral("UTF-8"));
        w.writeCharacters(raster ? QStringLiteral("gdal") : QStringLiteral("ogr"));
        w.writeEndElement();
        if (raster)
            rasterPipe(l);
        else
            writeQgisStyleElements(w, m, m_language, l.style);
        if (l.record) { // the run, machine-readable, for scripts and plugins
            w.writeStartElement(QStringLiteral("customproperties"));
            w.writeStartElement(QStringLiteral("Option"));
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
            w.writeEmptyElement(QStringLiteral("Option"));
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("QString"));
            w.writeAttribute(QStringLiteral("name"), QStringLiteral("vigie/analysis"));
            QJsonObject run{
                {QStringLiteral("id"), l.record->id},
                {QStringLiteral("kind"), l.record->kind},
                {QStringLiteral("parameters"), QJsonObject::fromVariantMap(l.record->parameters)},
                {QStringLiteral("summary"), QJsonObject::fromVariantMap(l.record->summary)}};
            w.writeAttribute(QStringLiteral("value"),
                             QString::fromUtf8(QJsonDocument(run).toJson(QJsonDocument::Compact)));
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    void properties()
    {
        // Project properties are typed entries in groups: <Group><Entry type="…">value</…>.
        auto entry = [this](const QString &group, const QString &name, const QString &type,
                            const QString &value) {
            w.writeStartElement(group);
            w.writeStartElement(name);
            w.writeAttribute(QStringLiteral("type"), type);
            w.writeCharacters(value);
            w.writeEndElement();
            w.writeEndElement();
        };
        w.writeStartElement(QStringLiteral("properties"));
        entry(QStringLiteral("Paths"), QStringLiteral("Absolute"), QStringLiteral("bool"),
              QStringLiteral("false"));
        // Without it QGIS 3.22 reads the project as having no CRS (the old "on-the-fly" flag).
        entry(QStringLiteral("SpatialRefSys"), QStringLiteral("ProjectionsEnabled"),
              QStringLiteral("int"), QStringLiteral("1"));
        w.writeEndElement();
    }

    void viewSettings(const QRectF &view)
    {
        auto box = [this, &view](const QString &element) {
            w.writeStartElement(element);
            w.writeAttribute(QStringLiteral("xmin"), QString::number(view.left(), 'f', 3));
            w.writeAttribute(QStringLiteral("ymin"), QString::number(view.top(), 'f', 3));
            w.writeAttribute(QStringLiteral("xmax"), QString::number(view.right(), 'f', 3));
            w.writeAttribute(QStringLiteral("ymax"), QString::number(view.bottom(), 'f', 3));
            srs();
            w.writeEndElement();
        };
        w.writeStartElement(QStringLiteral("ProjectViewSettings"));
        w.writeAttribute(QStringLiteral("UseProjectScales"), QStringLiteral("0"));
        box(QStringLiteral("DefaultViewExtent"));
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("mapcanvas"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("theMapCanvas"));
        w.writeTextElement(QStringLiteral("units"), QStringLiteral("meters"));
        w.writeStartElement(QStringLiteral("extent"));
        w.writeTextElement(QStringLiteral("xmin"), QString::number(view.left(), 'f', 3));
        w.writeTextElement(QStringLiteral("ymin"), QString::number(view.top(), 'f', 3));
        w.writeTextElement(QStringLiteral("xmax"), QString::number(view.right(), 'f', 3));
        w.writeTextElement(QStringLiteral("ymax"), QString::number(view.bottom(), 'f', 3));
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("destinationsrs"));
        srs();
        w.writeEndElement();
        w.writeEndElement();
    }

    QString m_title;
    QString m_language;
    QXmlStreamWriter w;
};

/// Writes `bytes` as the one entry `name` of a new zip archive at `zipPath` (GDAL's /vsizip/).
Result<void> writeZip(const QString &zipPath, const QString &name, const QByteArray &bytes)
{
    const QByteArray target =
        (QStringLiteral("/vsizip/{") + zipPath + QStringLiteral("}/") + name).toUtf8();
    VSILFILE *f = VSIFOpenL(target.constData(), "wb");
    if (!f)
        return Error{ErrorCode::Io, QgisProjectTr::tr("Cannot write %1.").arg(zipPath)};
    const bool ok =
        VSIFWriteL(bytes.constData(), 1, std::size_t(bytes.size()), f) == std::size_t(bytes.size());
    const bool closed = VSIFCloseL(f) == 0;
    if (!ok || !closed)
        return Error{ErrorCode::Io, QgisProjectTr::tr("Cannot write %1.").arg(zipPath)};
    return {};
}

} // namespace

Result<QgisProjectSummary> exportQgisProject(const Store &store, const ProjectState &state,
                                             const QString &path, const QString &language,
                                             bool overwrite, analytics::Feedback *feedback)
{
    return captureErrors([&]() -> QgisProjectSummary {
        const QFileInfo info(path);
        const QString suffix = info.suffix().toLower();
        if (suffix != QLatin1String("qgz") && suffix != QLatin1String("qgs"))
            throw Exception(
                ErrorCode::InvalidInput,
                QgisProjectTr::tr("A QGIS project is a .qgz or .qgs file: %1.").arg(path));
        if (info.exists() && !overwrite)
            throw Exception(ErrorCode::InvalidInput,
                            QgisProjectTr::tr("%1 already exists.").arg(path));
        const QDir dir = info.absoluteDir();
        const QString rastersName = info.completeBaseName() + QStringLiteral("_rasters");
        const std::vector<Store::AnalysisRecord> records = store.analysisRecords();
        std::vector<PlannedLayer> layers = planLayers(store, state, records, language);
        const bool rasters = std::any_of(layers.begin(), layers.end(), [](const PlannedLayer &l) {
            return l.manifest.geometryType == GeometryType::Raster;
        });
        if (rasters && !overwrite && QFileInfo::exists(dir.filePath(rastersName)))
            throw Exception(ErrorCode::InvalidInput,
                            QgisProjectTr::tr("%1 already exists.").arg(dir.filePath(rastersName)));

        // Rasters first, into a fresh folder beside the project, swapped in at the end.
        QTemporaryDir staging(dir.filePath(rastersName + QStringLiteral(".part-XXXXXX")));
        if (!staging.isValid())
            throw Exception(ErrorCode::Io,
                            QgisProjectTr::tr("Cannot write in %1.").arg(dir.absolutePath()));
        const QString relativeStore =
            dir.relativeFilePath(QFileInfo(store.path()).absoluteFilePath());
        QgisProjectSummary summary;
        int done = 0;
        for (PlannedLayer &l : layers) {
            if (feedback)
                feedback->setProgress(90.0 * done++ /
                                          double(std::max<std::size_t>(1, layers.size())),
                                      l.name.toStdString());
            analytics::throwIfCanceled(feedback);
            if (l.manifest.geometryType != GeometryType::Raster) {
                l.source = QStringLiteral("./") + relativeStore + QStringLiteral("|layername=") +
                           l.manifest.id;
                continue;
            }
            ExportRequest request;
            request.layerId = l.manifest.id;
            request.path = staging.filePath(l.manifest.id + QStringLiteral(".tif"));
            exportLayer(store, request).orThrow(); // small grids: cancelled between layers
            l.source =
                QStringLiteral("./") + rastersName + u'/' + l.manifest.id + QStringLiteral(".tif");
            summary.files << dir.filePath(rastersName + u'/' + l.manifest.id +
                                          QStringLiteral(".tif"));
        }
        summary.layers = int(layers.size());

        QRectF view = state.extent;
        if (view.isNull())
            for (const PlannedLayer &l : layers)
                if (l.visible && l.manifest.geometryType == GeometryType::Polygon)
                    view = view.united(store.extent(l.manifest.id));
        QByteArray xml;
        ProjectWriter(QStringLiteral("Vigie — ") + info.completeBaseName(), language, &xml)
            .write(layers, view);

        AtomicFile file(info.absoluteFilePath());
        if (suffix == QLatin1String("qgz")) {
            writeZip(file.temporaryPath(), info.completeBaseName() + QStringLiteral(".qgs"), xml)
                .orThrow();
        } else {
            QFile f(file.temporaryPath());
            if (!f.open(QIODevice::WriteOnly) || f.write(xml) != xml.size() || !f.flush())
                throw Exception(ErrorCode::Io, QgisProjectTr::tr("Cannot write %1.").arg(path));
        }
        analytics::throwIfCanceled(feedback);
        const QString rastersDir = dir.filePath(rastersName);
        const bool anyRaster = !summary.files.isEmpty();
        if (QFileInfo::exists(rastersDir) && overwrite)
            QDir(rastersDir).removeRecursively();
        if (anyRaster && !QDir().rename(staging.path(), rastersDir))
            throw Exception(ErrorCode::Io, QgisProjectTr::tr("Cannot write %1.").arg(rastersDir));
        if (anyRaster) // a staging folder is private; the rasters are as readable as the project
            QFile::setPermissions(rastersDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                  QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                  QFileDevice::ExeOther);
        file.commit(overwrite ? AtomicFile::Replace::Existing : AtomicFile::Replace::Never)
            .orThrow();
        summary.files.prepend(info.absoluteFilePath());
        if (feedback)
            feedback->setProgress(100.0);
        return summary;
    });
}

} // namespace vigie::core
