// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"
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

ImportJob::Target ImportJob::chooseTarget()
{
    Target t;
    if (m_options.layerId.isEmpty()) {
        t.manifest = deriveManifest();
        if (m_store->hasLayer(t.manifest.id))
            fail(ErrorCode::InvalidInput,
                 ImporterTr::tr(
                     "The workspace already has a layer \"%1\": choose it as the target layer "
                     "to add to it, or give another name.")
                     .arg(t.manifest.id));
        t.addToStore = true;
        t.fromFile = true;
        return t;
    }
    if (auto inStore = m_store->layer(m_options.layerId)) {
        t.manifest = std::move(*inStore);
    } else if (!m_options.mapping.isEmpty()) {
        m_options.newLayerId = m_options.layerId; // made from the file and its mapping
        t.manifest = deriveManifest();
        t.addToStore = true;
        t.fromFile = true;
    } else if (const LayerManifest *reg = LayerRegistry::instance().find(m_options.layerId)) {
        t.manifest = *reg;
        t.addToStore = true;
    } else {
        fail(ErrorCode::UnknownLayer,
             ImporterTr::tr("Unknown layer \"%1\": it is neither in the workspace nor a known "
                            "layer type.")
                 .arg(m_options.layerId));
    }
    return t;
}

void ImportJob::checkFields(const LayerManifest &m, bool fromFile, ImportReport &report)
{
    bindFields(m, fromFile);
    if (!m_unknownFields.isEmpty()) {
        if (!m_options.dropUnknownFields && m_options.mapping.isEmpty())
            fail(
                ErrorCode::InvalidInput,
                ImporterTr::tr("%1 has fields that layer \"%2\" does not know: %3. Rename them, or "
                               "choose to leave them out.")
                    .arg(m_path, m.id, m_unknownFields.join(QStringLiteral(", "))));
        report.warnings << ImporterTr::tr("Fields left out: %1.")
                               .arg(m_unknownFields.join(QStringLiteral(", ")));
    }
    QStringList missing;
    for (std::size_t k = 0; k < m_bindings.size(); ++k)
        if (m_bindings[k].source < 0 && !filledByMapping(m, m.fields[k].name))
            missing << m.fields[k].name;
    if (!missing.isEmpty())
        report.warnings << ImporterTr::tr("Fields absent from %1, left empty: %2.")
                               .arg(m_path, missing.join(QStringLiteral(", ")));
}

void ImportJob::checkCategoryMap(const LayerManifest &m, int category) const
{
    for (auto it = m_options.categoryMap.cbegin(); it != m_options.categoryMap.cend(); ++it)
        if (category < 0 ||
            std::none_of(m.categories.begin(), m.categories.end(),
                         [&](const CategoryDef &c) { return c.value == it.value(); }))
            fail(ErrorCode::InvalidInput,
                 ImporterTr::tr("Cannot map \"%1\" to \"%2\": layer \"%3\" has no such category.")
                     .arg(it.key(), it.value(), m.id));
}

QString ImportJob::readValues(OGRFeature &feature, int category, FeatureRecord &record)
{
    for (std::size_t k = 0; k < m_bindings.size(); ++k) {
        const FieldBinding &b = m_bindings[k];
        record.values[qsizetype(k)] =
            b.pseudonymise ? m_pseudonymiser->protect(*b.pseudonymise, readValue(feature, b))
                           : readValue(feature, b);
    }
    if (category >= 0 && !m_options.categoryMap.isEmpty()) {
        QVariant &v = record.values[qsizetype(category)];
        const auto mapped = m_options.categoryMap.constFind(v.toString());
        if (v.isValid() && mapped != m_options.categoryMap.cend())
            v = mapped.value();
    }
    if (!m_mapped)
        return {};
    if (QString why = m_mapped->fill(feature, record.values); !why.isEmpty())
        return why;
    if (m_mapped->hasKey())
        record.values[qsizetype(m_mapped->keyField())] = m_mapped->sourceKey(feature);
    return {};
}

void ImportJob::write(Store::Inserter &inserter, const FeatureRecord &record, ImportReport &report)
{
    if (!m_mapped || !m_mapped->hasKey()) {
        inserter.add(record);
        ++report.inserted;
        return;
    }
    const QString key = record.values.at(qsizetype(m_mapped->keyField())).toString();
    if (const auto it = m_keys.constFind(key); it != m_keys.cend()) {
        ++(inserter.replace(it.value(), record) ? report.updated : report.unchanged);
        return;
    }
    m_keys.insert(key, inserter.add(record));
    ++report.inserted;
}

void ImportJob::discoverCategories(LayerManifest &m, ImportReport &report)
{
    if (!m_mapped || m_mapped->categoryColumn() < 0)
        return;
    QHash<QString, qint64> counts;
    m_layer->ResetReading();
    while (OGRFeature *raw = m_layer->GetNextFeature()) {
        FeaturePtr f(raw, &OGRFeature::DestroyFeature);
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) // skipped or refused below: not counted
            continue;
        if (const QString c = m_mapped->categoryOf(*f); !c.isEmpty())
            ++counts[c];
    }
    m_layer->ResetReading();
    QStringList values = counts.keys();
    std::sort(values.begin(), values.end(), [&](const QString &a, const QString &b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
    });
    if (values.size() > 32000)
        fail(ErrorCode::InvalidInput,
             ImporterTr::tr("%1: %2 different categories; is the category column right?")
                 .arg(m_path, argText(values.size())));
    for (int i = 0; i < values.size(); ++i) {
        m.categories.push_back(
            {values[i], {values[i], values[i]}, detail::generatedCategoryColor(i)});
        report.categories << QStringLiteral("%1 (%2)").arg(values[i], argText(counts[values[i]]));
    }
}

void ImportJob::copyFeatures(Store::Inserter &inserter, int category, ImportReport &report)
{
    FeatureRecord record;
    record.source = QStringLiteral("import:%1").arg(QFileInfo(m_path).fileName());
    record.values.resize(qsizetype(m_bindings.size()));
    const qint64 expected = m_layer->GetFeatureCount(FALSE);
    m_layer->ResetReading();
    m_errors.clear();
    qint64 index = 0;
    QStringList skippedDetails;
    for (;;) {
        OGRFeature *raw = m_layer->GetNextFeature();
        if (m_errors.failureCount() > 0) {
            OGRFeature::DestroyFeature(raw);
            fail(ErrorCode::InvalidInput, ImporterTr::tr("%1 cannot be read past feature %2: %3")
                                              .arg(m_path, QString::number(index),
                                                   m_errors.errors().join(QStringLiteral("; "))));
        }
        if (!raw)
            break;
        FeaturePtr feature(raw, &OGRFeature::DestroyFeature);
        ++index;
        if (index % 8192 == 0 && m_feedback) {
            if (m_feedback->isCanceled())
                throw analytics::Canceled{};
            if (expected > 0)
                m_feedback->setProgress(std::min(99.0, 100.0 * double(index) / double(expected)));
        }
        auto where = [&](const QString &why) {
            return ImporterTr::tr("%1, feature %2 (FID %3): %4")
                .arg(m_path, QString::number(index), QString::number(feature->GetFID()), why);
        };
        QString why = prepareGeometry(*feature, record.wkb);
        if (why.isEmpty())
            why = readValues(*feature, category, record);
        if (!why.isEmpty()) { // no usable geometry or date
            if (!m_options.skipInvalid)
                fail(ErrorCode::InvalidInput, where(why));
            ++report.skipped;
            if (skippedDetails.size() < 10)
                skippedDetails << where(why);
            continue;
        }
        try {
            write(inserter, record, report);
        } catch (const Exception &e) {
            fail(e.error().code, where(e.error().message));
        }
        ++report.features;
    }
    finishReport(report, skippedDetails);
}

void ImportJob::finishReport(ImportReport &report, const QStringList &skippedDetails) const
{
    if (report.features == 0)
        fail(ErrorCode::InvalidInput, report.skipped > 0
                                          ? ImporterTr::tr("%1 has no usable feature (%2 skipped).")
                                                .arg(m_path, QString::number(report.skipped))
                                          : ImporterTr::tr("%1 contains no features.").arg(m_path));
    if (report.skipped > 0) {
        report.warnings << ImporterTr::tr("%1 features without a usable geometry or date were "
                                          "skipped; the first ones:")
                               .arg(QString::number(report.skipped));
        report.warnings << skippedDetails;
    }
    for (const QString &w : m_errors.warnings())
        report.warnings << ImporterTr::tr("GDAL: %1").arg(w);
}

ImportReport ImportJob::run()
{
    FieldMapping &mapping = m_options.mapping;
    if (!mapping.isEmpty()) { // the mapping's geometry columns and CRS, unless options say
        if (m_options.xField.isEmpty() && m_options.yField.isEmpty()) {
            m_options.xField = mapping.fields.value(mappingtarget::x);
            m_options.yField = mapping.fields.value(mappingtarget::y);
        }
        if (m_options.sourceCrs.isEmpty())
            m_options.sourceCrs = mapping.crs;
        mapping.crs = m_options.sourceCrs; // kept with the mapping saved below
    }
    openDataset();
    chooseLayer();
    prepareTransform();

    ImportReport report;
    if (!m_options.mapping.isEmpty()) {
        for (auto it = m_options.categoryMap.cbegin(); it != m_options.categoryMap.cend(); ++it)
            m_options.mapping.categories.insert(it.key(), it.value());
        m_options.categoryMap.clear(); // applied by the mapping
        m_mapped.emplace(m_options.mapping, m_layer->GetLayerDefn(), m_path);
        m_mapped->detectDateOrder(*m_layer, report.warnings);
    }
    Target target = chooseTarget();
    if (target.fromFile)
        discoverCategories(target.manifest, report);
    const LayerManifest &manifest = target.manifest;
    m_geomType = manifest.geometryType;
    checkFields(manifest, target.fromFile, report);
    if (m_mapped) {
        m_mapped->bind(manifest, report.warnings);
        if (m_mapped->hasKey() && !target.addToStore) {
            auto keys = m_store->featuresByKey(manifest.id, mappingtarget::sourceKey);
            if (!keys)
                fail(keys.error().code, keys.error().message);
            m_keys = std::move(*keys);
        }
    }
    const int category = categoryIndex(manifest);

    Store::Transaction tx(*m_store);
    if (target.addToStore) {
        auto added = m_store->addLayer(manifest, QStringLiteral("import:%1").arg(m_path));
        if (!added)
            fail(added.error().code, added.error().message);
        report.layerCreated = true;
    }
    report.layerId = manifest.id;
    Store::Inserter inserter(*m_store, manifest.id);
    checkCategoryMap(manifest, category);
    if (m_feedback)
        m_feedback->setProgress(0.0);
    copyFeatures(inserter, category, report);
    if (m_feedback && m_feedback->isCanceled())
        throw analytics::Canceled{};
    report.mapping = m_options.mapping;
    if (!m_options.mapping.isEmpty()) // next month's file imports in one step
        m_store->setMeta(
            savedMappingKey(manifest.id),
            QString::fromUtf8(
                QJsonDocument(m_options.mapping.toJson()).toJson(QJsonDocument::Compact)));
    tx.commit();
    if (m_feedback)
        m_feedback->setProgress(100.0);
    return report;
}

} // namespace vigie::core::detail

namespace vigie::core {

using detail::ImporterTr;
using detail::ImportJob;

Result<ImportReport> Importer::importFile(Store &store, const QString &path,
                                          const ImportOptions &options,
                                          analytics::Feedback *feedback)
{
    try {
        return captureErrors([&] {
            ImportJob job(&store, path, options, feedback);
            return job.run();
        });
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled,
                     ImporterTr::tr("The import of %1 was canceled.").arg(path)};
    }
}

Result<SourcePreview> Importer::preview(const QString &path, const ImportOptions &options,
                                        int maxRows)
{
    return captureErrors([&] {
        ImportJob job(nullptr, path, options, nullptr);
        return job.preview(std::clamp(maxRows, 0, 1000));
    });
}

} // namespace vigie::core
