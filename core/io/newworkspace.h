// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"

#include <QString>
#include <QStringList>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

struct NewWorkspaceOptions
{
    QString boundaries; ///< polygon file of the study area (any vector format GDAL reads)
    QString units;      ///< polygon file of the reporting units (districts, beats), optional
    QString crs;        ///< the files' CRS when they do not say it
};

struct NewWorkspaceReport
{
    qint64 boundaryFeatures = 0;
    qint64 unitFeatures = 0;
    QStringList warnings;
};

/**
 * Makes an empty workspace for any area: its study area (layer "study_area") and reporting
 * units (layer "units") read from the user's boundary files and named in the workspace's
 * metadata, so that analyses use them instead of Marseille's. The file appears only once it
 * is complete: on any error nothing is left at `path`. Refuses an existing `path`.
 */
Result<NewWorkspaceReport> createWorkspace(const QString &path, const NewWorkspaceOptions &options,
                                           analytics::Feedback *feedback = nullptr);

} // namespace vigie::core
