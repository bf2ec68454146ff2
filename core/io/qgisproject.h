// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A workspace as a QGIS project (issue 14): `vigie-cli export --qgis FILE.qgz` and
// File › Export QGIS project… in the GUI.

#include "../result.h"

#include <QString>
#include <QStringList>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

class Store;
struct ProjectState;

struct QgisProjectSummary
{
    int layers = 0;    ///< map layers in the project
    QStringList files; ///< the project, then the rasters written beside it
};

/**
 * Writes a QGIS 3 project (.qgz, or plain .qgs) that opens the workspace as Vigie shows it: the
 * layers in Vigie's drawing order, shown or hidden as in the layer panel, named as there, the
 * analysis results in an "Analyses" group (the latest run's shown), each vector layer with the
 * style Vigie writes in layer_styles (and the project's temporal settings on its time fields),
 * raster results as cloud-optimised GeoTIFFs in "<project>_rasters/" beside the project with
 * Vigie's colour ramp (below its first stop transparent, as Vigie draws them), each result's
 * title, parameters and figures in its layer metadata, and the view Vigie last showed. Paths are
 * relative, so the project, its rasters and the workspace can move together. Texts in
 * `language` ("fr" or "en"). The files appear complete or not at all; an existing project is
 * replaced only when `overwrite`. Cancellable.
 */
Result<QgisProjectSummary> exportQgisProject(const Store &store, const ProjectState &state,
                                             const QString &path, const QString &language,
                                             bool overwrite,
                                             analytics::Feedback *feedback = nullptr);

} // namespace vigie::core
