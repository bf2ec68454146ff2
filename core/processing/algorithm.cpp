// SPDX-License-Identifier: GPL-3.0-or-later
#include "algorithm.h"

#include "../argtext.h"
#include "../io/atomicfile.h"
#include "../scenario/scenario.h"
#include "../store/store.h"
#include "analytics/feedback.h"

#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <stdexcept>

namespace vigie::core::processing {

void addNativeAlgorithms(AlgorithmRegistry &registry); // nativealgorithms.cpp

QString algorithmGroupKey(AlgorithmGroup group)
{
    switch (group) {
    case AlgorithmGroup::Analysis:
        return QStringLiteral("analysis");
    case AlgorithmGroup::Scenario:
        return QStringLiteral("scenario");
    case AlgorithmGroup::Forecast:
        return QStringLiteral("forecast");
    }
    return {};
}

QString algorithmGroupTitle(AlgorithmGroup group)
{
    switch (group) {
    case AlgorithmGroup::Analysis:
        return AlgorithmContext::tr("Analyses");
    case AlgorithmGroup::Scenario:
        return AlgorithmContext::tr("Scenarios");
    case AlgorithmGroup::Forecast:
        return AlgorithmContext::tr("Forecasts");
    }
    return {};
}

// --- context -----------------------------------------------------------------------------------

AlgorithmContext::AlgorithmContext(Store &store, const Algorithm &algorithm,
                                   const AnalysisSelection &request, detail::Selection selection,
                                   AnalysisOutcome &outcome, analytics::Feedback *feedback,
                                   QString geoTiffPath)
    : m_store(store), m_algorithm(algorithm), m_request(request), m_recorded(request),
      m_selection(std::move(selection)), m_outcome(outcome), m_feedback(feedback),
      m_geoTiffPath(std::move(geoTiffPath))
{
    m_recordedFrom = m_selection.from;
    m_recordedTo = m_selection.to;
    if (m_selection.source) {
        const LayerManifest &in = m_selection.source->manifest;
        m_inputFr = in.title.fr.isEmpty() ? in.title.en : in.title.fr;
        m_inputEn = in.title.en.isEmpty() ? in.title.fr : in.title.en;
    }
}

AlgorithmContext::~AlgorithmContext() = default;

detail::Selection AlgorithmContext::selectPoints(AnalysisSelection request,
                                                 std::int64_t defaultFrom, std::int64_t defaultTo)
{
    if (request.from == LayerSnapshot::kNoTime)
        request.from = defaultFrom;
    if (request.to == LayerSnapshot::kNoTime)
        request.to = defaultTo;
    detail::Selection s = detail::select(m_store, request, m_feedback);
    m_outcome.inputCount = s.x.size();
    m_recorded = request;
    m_recordedFrom = request.from;
    m_recordedTo = request.to;
    return s;
}

void AlgorithmContext::progress(double percent, const QString &step)
{
    analytics::throwIfCanceled(m_feedback);
    if (m_feedback)
        m_feedback->setProgress(percent, step.toStdString());
}

void AlgorithmContext::throwIfCanceled() const
{
    analytics::throwIfCanceled(m_feedback);
}

LayerManifest AlgorithmContext::resultManifest(GeometryType type,
                                               const detail::Bilingual &kindTitle) const
{
    return detail::baseManifest(m_outcome.id, type, kindTitle, m_selection, m_inputFr, m_inputEn);
}

QString AlgorithmContext::source() const
{
    // The prefix tells which part of Vigie made a feature (kept as before the framework).
    return (m_algorithm.group() == AlgorithmGroup::Analysis ? QStringLiteral("analysis:")
                                                            : QStringLiteral("scenario:")) +
           m_outcome.id;
}

QString AlgorithmContext::layerId(const QString &suffix) const
{
    return suffix.isEmpty() ? m_outcome.id : m_outcome.id + QLatin1Char('_') + suffix;
}

void AlgorithmContext::addVectorLayer(const LayerManifest &manifest)
{
    auto added = m_store.addLayer(manifest, source());
    added.orThrow();
    if (m_outcome.resultLayer.isEmpty())
        m_outcome.resultLayer = manifest.id;
    m_outcome.layers << manifest.id;
}

void AlgorithmContext::addRasterLayer(const LayerManifest &manifest,
                                      const analytics::Raster &raster)
{
    const bool main = m_outcome.resultLayer.isEmpty();
    addVectorLayer(manifest);
    m_store.writeRaster(manifest.id, raster);
    if (main && !m_geoTiffPath.isEmpty()) {
        m_geoTiff = std::make_unique<AtomicFile>(m_geoTiffPath);
        auto w = writeGeoTiff(raster, m_geoTiff->temporaryPath());
        if (!w)
            throw Exception(
                w.error().code,
                QString(w.error().message).replace(m_geoTiff->temporaryPath(), m_geoTiffPath));
    }
}

void AlgorithmContext::figure(const QString &key, const QVariant &value)
{
    m_outcome.summary.insert(key, value);
}

void AlgorithmContext::used(const QString &key, const QVariant &value)
{
    m_outcome.parameters.insert(key, value);
}

// --- registry ----------------------------------------------------------------------------------

AlgorithmRegistry::AlgorithmRegistry() = default;

AlgorithmRegistry &AlgorithmRegistry::instance()
{
    static AlgorithmRegistry *registry = [] {
        auto *r = new AlgorithmRegistry;
        addNativeAlgorithms(*r);
        return r;
    }();
    return *registry;
}

bool AlgorithmRegistry::add(std::unique_ptr<Algorithm> algorithm)
{
    // The id names the run's layers and records: lower-case letters, digits and underscores.
    static const QRegularExpression validId(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    if (!algorithm || !validId.match(algorithm->id()).hasMatch() || find(algorithm->id()))
        return false;
    m_algorithms.push_back(std::move(algorithm));
    return true;
}

const Algorithm *AlgorithmRegistry::find(const QString &id) const
{
    for (const auto &a : m_algorithms)
        if (a->id() == id)
            return a.get();
    return nullptr;
}

std::vector<const Algorithm *> AlgorithmRegistry::algorithms() const
{
    std::vector<const Algorithm *> out;
    for (const auto &a : m_algorithms)
        out.push_back(a.get());
    return out;
}

std::vector<const Algorithm *> AlgorithmRegistry::algorithms(AlgorithmGroup group) const
{
    std::vector<const Algorithm *> out;
    for (const auto &a : m_algorithms)
        if (a->group() == group)
            out.push_back(a.get());
    return out;
}

// --- runner ------------------------------------------------------------------------------------

AlgorithmRun AlgorithmRun::from(const AnalysisRequest &request)
{
    AlgorithmRun run;
    run.algorithm = analysisKindKey(request.kind);
    run.selection = request.selection;
    run.parameters = request.parameters;
    run.title = request.title;
    run.geoTiffPath = request.geoTiffPath;
    return run;
}

namespace {

/// The values as the catalogue keeps them: numbers and yes/no as such, the rest as text.
QVariantMap recordable(const ParameterValues &values)
{
    QVariantMap out;
    for (auto it = values.map().begin(); it != values.map().end(); ++it) {
        const int t = it.value().typeId();
        if (t == QMetaType::Double || t == QMetaType::LongLong || t == QMetaType::Bool ||
            t == QMetaType::QString)
            out.insert(it.key(), it.value());
        else if (it.value().isValid())
            out.insert(it.key(), ParameterDefinition::valueText(it.value()));
    }
    return out;
}

/// The study area in the outcome's summary (kept with the run) and, when points fell outside it,
/// a line saying how many were left out. Empty line otherwise.
QString describeStudyArea(const detail::Selection &s, AnalysisOutcome &out)
{
    if (s.studyArea.isEmpty())
        return {};
    out.summary.insert(QStringLiteral("studyArea"), s.studyArea);
    out.summary.insert(QStringLiteral("outsideStudyArea"), qint64(s.outside));
    if (s.outside == 0)
        return {};
    return QLatin1Char('\n') +
           ProcessingRunner::tr("%n feature(s) of the period outside the study area (layer "
                                "\"%1\") left out.",
                                nullptr, int(std::min<std::size_t>(s.outside, INT_MAX)))
               .arg(s.studyArea);
}

} // namespace

AnalysisOutcome ProcessingRunner::runChecked(Store &store, const Algorithm &algorithm,
                                             const AlgorithmRun &run, analytics::Feedback *feedback)
{
    auto values = validate(algorithm.parameters(), run.parameters, &store);
    values.orThrow();
    if (!run.geoTiffPath.isEmpty() && !algorithm.makesRaster())
        throw Exception(ErrorCode::InvalidInput,
                        ProcessingRunner::tr("%1 makes no raster: there is nothing to write as a "
                                             "GeoTIFF.")
                            .arg(algorithm.title()));
    analytics::throwIfCanceled(feedback);
    if (feedback)
        feedback->setProgress(1, ProcessingRunner::tr("Selecting the features").toStdString());
    detail::Selection selection;
    if (algorithm.usesPointSelection())
        selection = detail::select(store, run.selection, feedback);
    AnalysisOutcome out;
    out.inputCount = selection.x.size();
    out.parameters = recordable(*values);
    const QString studyAreaLine = describeStudyArea(selection, out);
    if (!algorithm.keepsResults()) { // a report only: nothing is written, no transaction
        AlgorithmContext context(store, algorithm, run.selection, std::move(selection), out,
                                 feedback, {});
        algorithm.run(context, *values);
        context.throwIfCanceled();
        out.summaryText = context.m_lines.join(u'\n') + studyAreaLine;
        return out;
    }
    out.id = detail::freshId(store, algorithm.id());

    AlgorithmContext context(store, algorithm, run.selection, std::move(selection), out, feedback,
                             run.geoTiffPath);
    Store::Transaction tx(store);
    algorithm.run(context, *values);
    context.throwIfCanceled();
    out.summaryText = context.m_lines.join(u'\n') + studyAreaLine;
    out.parameters = detail::recordAnalysis(
        store, out, algorithm.id(), run.title.isEmpty() ? algorithm.title() : run.title,
        context.m_recorded, context.m_recordedFrom, context.m_recordedTo);
    tx.commit();
    // The GeoTIFF appears under its name only once the run is committed (a kill or an error
    // before leaves no truncated raster that GDAL would open without complaint).
    if (context.m_geoTiff) {
        auto moved = context.m_geoTiff->commit(AtomicFile::Replace::Existing);
        if (!moved)
            throw Exception(moved.error().code,
                            ProcessingRunner::tr("The analysis was saved in the workspace, but its "
                                                 "GeoTIFF was not: %1")
                                .arg(moved.error().message));
        out.summaryText +=
            QLatin1Char('\n') + ProcessingRunner::tr("GeoTIFF written: %1").arg(run.geoTiffPath);
    }
    if (feedback)
        feedback->setProgress(100, ProcessingRunner::tr("Done").toStdString());
    return out;
}

Result<AnalysisOutcome> ProcessingRunner::run(Store &store, const AlgorithmRun &run,
                                              analytics::Feedback *feedback)
{
    const Algorithm *algorithm = AlgorithmRegistry::instance().find(run.algorithm);
    if (!algorithm) {
        QStringList ids;
        for (const Algorithm *a : AlgorithmRegistry::instance().algorithms())
            ids << a->id();
        return Error{ErrorCode::InvalidInput,
                     tr("Unknown algorithm \"%1\"; the algorithms are: %2.")
                         .arg(run.algorithm, ids.join(QLatin1String(", ")))};
    }
    // The one place where a run's failures become a Result.
    try {
        return runChecked(store, *algorithm, run, feedback);
    } catch (const Exception &e) {
        return e.error();
    } catch (const analytics::Canceled &) {
        if (algorithm->group() != AlgorithmGroup::Analysis)
            return Error{ErrorCode::Canceled,
                         vigie::core::ScenarioRunner::tr(
                             "The scenario was canceled; the workspace is unchanged.")};
        return Error{ErrorCode::Canceled,
                     tr("The analysis was canceled; the workspace is unchanged.")};
    } catch (const std::invalid_argument &e) {
        return Error{ErrorCode::InvalidInput,
                     tr("Invalid analysis parameters: %1").arg(QString::fromUtf8(e.what()))};
    } catch (const std::bad_alloc &) {
        return Error{ErrorCode::Internal, tr("Not enough memory for this analysis: try larger "
                                             "cells or a smaller area.")};
    } catch (const std::exception &e) {
        return Error{ErrorCode::Internal,
                     tr("%1 failed: %2").arg(algorithm->title(), QString::fromUtf8(e.what()))};
    }
}

} // namespace vigie::core::processing
