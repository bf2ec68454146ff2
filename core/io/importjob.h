// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the importer (importer.cpp, importsource.cpp): one import's state.

#include "importer.h"

#include "analytics/feedback.h"
#include "gdalerrorscope.h"
#include "gdalinput.h"
#include "privacy/pseudonymiser.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <vector>

namespace vigie::core::detail {

/// Translation context of the importer's messages (lupdate reads the macro).
struct ImporterTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Importer)
};

using FeaturePtr = std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)>;

/// A name usable as a layer id or field name: [a-z][a-z0-9_]*, never starting with '_'.
QString sanitiseName(const QString &raw, const QString &fallback);
std::optional<GeometryType> layerTypeOf(OGRwkbGeometryType t);

/// How one manifest field is filled from the source.
struct FieldBinding
{
    int source = -1; ///< OGR field index, -1: left NULL
    FieldType type = FieldType::String;
    OGRFieldType sourceType = OFTString;
    bool drop = false;                      ///< personal data marked "drop": never stored
    const FieldDef *pseudonymise = nullptr; ///< personal data stored as a keyed pseudonym
};
QVariant readValue(OGRFeature &f, const FieldBinding &b);

class ImportJob
{
public:
    /// `store` may be null for a preview only.
    ImportJob(Store *store, const QString &path, const ImportOptions &options,
              analytics::Feedback *feedback)
        : m_store(store), m_path(path), m_options(options), m_feedback(feedback)
    {
    }

    ImportReport run();
    SourcePreview preview(int maxRows);

private:
    [[noreturn]] void fail(ErrorCode code, const QString &message) const
    {
        throw Exception(code, message);
    }
    void openDataset();
    void readShortNames(); ///< a Shapefile's <name>.fields.csv, when there is one
    void chooseLayer();
    void prepareTransform();
    LayerManifest deriveManifest();
    void bindFields(const LayerManifest &m, bool fromFile);
    /// True for a field the mapping's roles fill (dates, precision, category, key).
    bool filledByMapping(const LayerManifest &m, const QString &field) const;
    /// Checks and converts a feature's geometry; empty string when fine, else the reason.
    QString prepareGeometry(OGRFeature &f, std::vector<unsigned char> &wkb);
    QString invalidReason(const OGRGeometry &g);
    void prepareAreaOfUse();
    /// The category field's index in the manifest, -1 when the layer has no categories.
    int categoryIndex(const LayerManifest &m) const;
    /// Where the features go: a layer of the workspace, a registered layer type to add, or a
    /// layer derived from the file.
    struct Target
    {
        LayerManifest manifest;
        bool addToStore = false;
        bool fromFile = false;
    };
    Target chooseTarget();
    /// The categories of a layer made from the file: the values found, most frequent first.
    void discoverCategories(LayerManifest &m, ImportReport &report);
    /// Writes one record: a new one, or over the one with its source key.
    void write(Store::Inserter &inserter, const FeatureRecord &record, ImportReport &report);
    /// Binds the file's fields to the layer's, refusing or reporting those left out.
    void checkFields(const LayerManifest &m, bool fromFile, ImportReport &report);
    void checkCategoryMap(const LayerManifest &m, int category) const;
    /// Reads every feature into the inserter: skips or refuses those that cannot be stored.
    void copyFeatures(Store::Inserter &inserter, int category, ImportReport &report);
    /// The record of a feature's values: read, pseudonymised where asked, categories mapped,
    /// the mapping's dates and key; an empty string, else why the feature cannot be used.
    QString readValues(OGRFeature &feature, int category, FeatureRecord &record);
    /// Refuses an import that stored nothing; the warnings of the skipped features and GDAL.
    void finishReport(ImportReport &report, const QStringList &skippedDetails) const;

    Store *m_store;
    QString m_path;
    ImportOptions m_options;
    bool m_previewing = false;            ///< a preview keeps the coordinate columns as columns
    QString m_previewGeometry;            ///< where the preview found the geometry
    QHash<QString, QString> m_shortNames; ///< Shapefile: field -> name as cut (<name>.fields.csv)
    bool m_degreeColumns = false;         ///< CSV coordinates named longitude/latitude (or lon/lat)
    analytics::Feedback *m_feedback;
    detail::GdalErrorScope m_errors;
    detail::NoNetworkScope m_noNetwork; ///< inside m_errors: refused requests are errors
    /// Where coordinates in the source CRS can be (its area of use, with a margin); empty when
    /// the CRS does not say.
    std::optional<OGREnvelope> m_area;
    QString m_areaName;
    DatasetPtr m_ds;
    OGRLayer *m_layer = nullptr;
    OGRSpatialReference m_target;
    OGRSpatialReference m_sourceSrs;
    std::unique_ptr<OGRCoordinateTransformation> m_ct;
    GeometryType m_geomType = GeometryType::Point;
    std::vector<FieldBinding> m_bindings;
    QStringList m_unknownFields;
    LayerManifest m_boundManifest;     ///< the manifest m_bindings point into
    std::vector<int> m_derivedSources; ///< a layer made from the file: its fields' columns
    std::optional<detail::MappedFields> m_mapped;
    QHash<QString, std::int64_t> m_keys;          ///< source key -> fid, in the target layer
    std::optional<Pseudonymiser> m_pseudonymiser; ///< loaded when a field is pseudonymised
};

} // namespace vigie::core::detail
