// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/report/reportfigures.h"
#include "core/report/reporttemplate.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

class QIODevice;

namespace vigie::analytics {
class Feedback;
}
namespace vigie::core {
class Store;
}

namespace vigie::render {

/// What a report export produced.
struct ReportOutcome
{
    QString path; ///< the PDF written (empty when written to a device)
    int pages = 0;
    double milliseconds = 0.0; ///< figures + pages
    QStringList notes;         ///< remarks for the user (e.g. no analysis found)
};

/**
 * Draws the report described by `data` as a multi-page vector PDF on `device` (QPdfWriter, fonts
 * embedded): cover, city overview (map and table of the areas), then one page per area with its
 * map (boundaries, incidents of the period, analysis layer, legend, scale bar, north arrow,
 * sources), key-figures table, weekly trend chart and hour x weekday chart. Every count below
 * data.request.minCount is printed "< n". Texts in data.request.language ("fr" or "en").
 * Cancellable through `feedback` (then returns ErrorCode::Canceled).
 */
core::Result<ReportOutcome> renderReportPdf(const core::Store &store, const core::ReportData &data,
                                            QIODevice *device,
                                            analytics::Feedback *feedback = nullptr);

/**
 * The whole export, used by `vigie-cli report` and the GUI: checks the request, computes the
 * figures, then writes the PDF to `path` atomically (nothing is left at `path` on an error or a
 * cancel; an existing file is replaced only on success).
 */
core::Result<ReportOutcome> exportReport(const core::Store &store,
                                         const core::ReportRequest &request, const QString &path,
                                         analytics::Feedback *feedback = nullptr);

/// Same, into memory (the GUI's live preview).
core::Result<ReportOutcome> exportReport(const core::Store &store,
                                         const core::ReportRequest &request, QIODevice *device,
                                         analytics::Feedback *feedback = nullptr);

} // namespace vigie::render
