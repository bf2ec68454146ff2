// SPDX-License-Identifier: GPL-3.0-or-later
#include "newworkspace.h"

#include "analysis/analysis.h"
#include "atomicfile.h"
#include "importer.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace vigie::core {

namespace {

struct NewWorkspaceTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Importer)
};

/// Imports a polygon file as layer `id`; its feature count.
qint64 importBoundaries(Store &store, const QString &file, const QString &id,
                        const NewWorkspaceOptions &options, analytics::Feedback *feedback,
                        QStringList &warnings)
{
    ImportOptions io;
    io.newLayerId = id;
    io.sourceCrs = options.crs;
    auto report = Importer::importFile(store, file, io, feedback);
    report.orThrow();
    const auto m = store.layer(id);
    if (!m || m->geometryType != GeometryType::Polygon)
        throw Exception(ErrorCode::InvalidInput,
                        NewWorkspaceTr::tr("%1 holds no polygons: a study area or units file "
                                           "must be polygons (boundaries).")
                            .arg(file));
    warnings << report->warnings;
    return report->features;
}

} // namespace

Result<NewWorkspaceReport> createWorkspace(const QString &path, const NewWorkspaceOptions &options,
                                           analytics::Feedback *feedback)
{
    if (QFileInfo::exists(path))
        return Error{
            ErrorCode::InvalidInput,
            NewWorkspaceTr::tr("%1 already exists: a new workspace needs a new file.").arg(path)};
    if (options.boundaries.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     NewWorkspaceTr::tr("A new workspace needs the boundaries of its study area.")};
    // Built beside its final place, then renamed: a failure leaves nothing at `path`.
    AtomicFile file(path);
    NewWorkspaceReport report;
    auto made = captureErrors([&] {
        auto store = Store::create(file.temporaryPath());
        store.orThrow();
        Store &s = **store;
        report.boundaryFeatures = importBoundaries(s, options.boundaries, kStudyAreaMetaKey,
                                                   options, feedback, report.warnings);
        s.setMeta(kStudyAreaMetaKey, kStudyAreaMetaKey);
        if (!options.units.isEmpty()) {
            report.unitFeatures = importBoundaries(s, options.units, kUnitsMetaKey, options,
                                                   feedback, report.warnings);
            s.setMeta(kUnitsMetaKey, kUnitsMetaKey);
        }
    }); // the store is closed here: its WAL is in the file, which can move
    if (!made.ok())
        return made.error();
    if (auto committed = file.commit(AtomicFile::Replace::Never); !committed.ok())
        return committed.error();
    return report;
}

} // namespace vigie::core
