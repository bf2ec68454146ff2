// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../analysis/analysis.h"
#include "../analysis/analysisutil.h"
#include "parameter.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {
class AtomicFile;
}

namespace vigie::core::processing {

/// How the map shows an algorithm's results once it has run.
struct OutputHints
{
    bool showResult = true; ///< the result layers are switched on
    /// The map zooms to the results (or their focus) when they are local or mostly out of view.
    bool zoomToResult = false;
    QStringList hideLayers; ///< input layers switched off so the result reads (e.g. incidents)
    /// Categories of point results that start hidden (the noise of the clusters).
    QStringList hiddenCategories;
    /// The zoom frames the main result's features of these categories only (an action's area
    /// and its buffer, not the control cells over the city)…
    QStringList focusCategories;
    /// …or those of every other category (the cameras changed, not the unchanged ones).
    bool focusOnOtherCategories = false;
    double minimumFocusSize = 0; ///< metres: the zoom shows at least this much around the focus
};

/// Where an algorithm appears: the Analyses menu, the Scenarios panel, the Forecast page.
enum class AlgorithmGroup { Analysis, Scenario, Forecast };
QString algorithmGroupKey(AlgorithmGroup group);   ///< "analysis", "scenario", "forecast"
QString algorithmGroupTitle(AlgorithmGroup group); ///< translated

class AlgorithmContext;

/**
 * An analysis, a scenario or a forecast, declared once: its id (the command-line name), its
 * translated title, group and explanation, its parameters, and how to show what it makes. A
 * thin adapter: run() reads the checked values and calls core/analytics, writing its results
 * through the context (never SQL). Registered in AlgorithmRegistry; plugins add theirs there
 * the same way.
 */
class Algorithm
{
public:
    virtual ~Algorithm() = default;

    virtual QString id() const = 0;    ///< "kde", "gistar", … (stable; CLI and records)
    virtual QString title() const = 0; ///< translated
    virtual AlgorithmGroup group() const = 0;
    virtual QString explanation() const = 0; ///< translated: what it does, when to use it
    virtual ParameterDefinitions parameters() const = 0;
    virtual OutputHints outputHints() const { return {}; }
    /// True when the algorithm analyses the selection's points (the runner selects them first).
    virtual bool usesPointSelection() const { return true; }
    /// True when the main result is a raster (it may then be written as a GeoTIFF too).
    virtual bool makesRaster() const { return false; }
    /// False for an algorithm that only reports (the forecast evaluation): the runner then
    /// writes nothing to the workspace, neither layers nor a catalogue record.
    virtual bool keepsResults() const { return true; }

    /// Computes and writes the results; throws core::Exception (or analytics::Canceled).
    virtual void run(AlgorithmContext &context, const ParameterValues &values) const = 0;
};

/**
 * What a running algorithm sees: the store (read), the selected points, progress and
 * cancellation, and the output writer: result layers (vector, raster), report lines, figures
 * and the parameters as actually used. Made by the runner only.
 */
class AlgorithmContext
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::processing::AlgorithmContext)

public:
    Store &store() { return m_store; }
    const detail::Selection &selection() const { return m_selection; }
    /// The selection as asked for (layer, period, categories, areas), before it was applied.
    const AnalysisSelection &selectionRequest() const { return m_request; }
    analytics::Feedback *feedback() const { return m_feedback; }
    const QString &resultId() const { return m_outcome.id; } ///< id of the run and main layer

    /**
     * For algorithms that choose their own period (scenarios, forecasts): selects the
     * request's points, the period defaulting to [defaultFrom, defaultTo] (seconds UTC) where
     * the request sets none; the run is recorded with that selection.
     */
    detail::Selection selectPoints(AnalysisSelection request, std::int64_t defaultFrom,
                                   std::int64_t defaultTo);

    /// Progress in percent with the step's translated name; throws Canceled when asked to.
    void progress(double percent, const QString &step);
    void throwIfCanceled() const;

    /// A manifest for a result layer named after the run, the input and the period.
    LayerManifest resultManifest(GeometryType type, const detail::Bilingual &kindTitle) const;
    /// "analysis:<id>" (analyses) or "scenario:<id>" (scenarios and forecasts): the source of
    /// every feature a run writes.
    QString source() const;
    /// The id of a further result layer: "<run id>_<suffix>" (the run id when empty).
    QString layerId(const QString &suffix) const;
    /// Adds a raster result layer (the first one added is the main result); also written to the
    /// run's GeoTIFF when one was asked for.
    void addRasterLayer(const LayerManifest &manifest, const analytics::Raster &raster);
    /// Adds an empty vector result layer; fill it with a Store::Inserter on its id.
    void addVectorLayer(const LayerManifest &manifest);

    void line(const QString &text) { m_lines << text; }            ///< a line of the report
    void firstLine(const QString &text) { m_lines.prepend(text); } ///< heads the report
    void figure(const QString &key, const QVariant &value);        ///< a summary figure
    void used(const QString &key, const QVariant &value);          ///< a parameter as actually used

private:
    friend class ProcessingRunner;
    AlgorithmContext(Store &store, const Algorithm &algorithm, const AnalysisSelection &request,
                     detail::Selection selection, AnalysisOutcome &outcome,
                     analytics::Feedback *feedback, QString geoTiffPath);
    ~AlgorithmContext();

    Store &m_store;
    const Algorithm &m_algorithm;
    AnalysisSelection m_request;
    AnalysisSelection m_recorded; ///< the selection the catalogue keeps
    std::int64_t m_recordedFrom = 0, m_recordedTo = 0;
    detail::Selection m_selection;
    AnalysisOutcome &m_outcome;
    analytics::Feedback *m_feedback;
    QString m_geoTiffPath;
    std::unique_ptr<AtomicFile> m_geoTiff; ///< written before the commit, named after it
    QStringList m_lines;
    QString m_inputFr, m_inputEn;
};

/**
 * Every algorithm Vigie knows, by id: the built-in ones (core/processing/nativealgorithms.cpp,
 * one line each) and those plugins add. Menus, `vigie-cli run --list` and the reference page
 * list them in registration order.
 */
class AlgorithmRegistry
{
public:
    static AlgorithmRegistry &instance();

    /// Adds an algorithm; false (and nothing added) when its id is taken or is not lower-case
    /// letters, digits and underscores (it names layers).
    bool add(std::unique_ptr<Algorithm> algorithm);
    const Algorithm *find(const QString &id) const;
    std::vector<const Algorithm *> algorithms() const;
    std::vector<const Algorithm *> algorithms(AlgorithmGroup group) const;

private:
    AlgorithmRegistry();
    std::vector<std::unique_ptr<Algorithm>> m_algorithms;
};

/// One run of an algorithm: which one, on which points, with which raw parameter values.
struct AlgorithmRun
{
    QString algorithm; ///< registry id
    AnalysisSelection selection;
    QVariantMap parameters; ///< raw: text from the command line or typed values from a form
    QString title;          ///< optional; default: the algorithm's title
    QString geoTiffPath;    ///< raster results are also written there when set

    /// The run of a built-in analysis kind (AnalysisRunner's request).
    static AlgorithmRun from(const AnalysisRequest &request);
};

/**
 * Runs any algorithm, the one way: checks the parameters, selects the points, runs it in one
 * transaction, records it in the workspace's analysis catalogue, commits, and turns every
 * failure into a Result at this one boundary (a cancel or an error leaves the store unchanged).
 */
class ProcessingRunner
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::processing::ProcessingRunner)

public:
    static Result<AnalysisOutcome> run(Store &store, const AlgorithmRun &run,
                                       analytics::Feedback *feedback = nullptr);

private:
    static AnalysisOutcome runChecked(Store &store, const Algorithm &algorithm,
                                      const AlgorithmRun &run, analytics::Feedback *feedback);
};

} // namespace vigie::core::processing
