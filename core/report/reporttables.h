// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report's figures as a table other software reads (issue 14): `vigie-cli report --tables`.

#include "../result.h"

#include <QString>

namespace vigie::core {

struct ReportData;

/**
 * Writes the counts a report prints, as a table: one row per area (then the areas together)
 * and per category of the point layer (then all categories), with the period's count, the
 * previous period's, the change and the same period last year. The format comes from the
 * extension: .csv (UTF-8, comma) or .xlsx. Small counts are suppressed by the report's own rule
 * (isSuppressed(), the request's minCount): the cell reads "< 5" and the change "—", as in the
 * PDF; a suppressed count is never written as a number. Headers are in the request's language.
 * The file appears complete or not at all; an existing file is replaced only when `overwrite`.
 */
Result<int> writeReportTable(const ReportData &data, const QString &path, bool overwrite);

} // namespace vigie::core
