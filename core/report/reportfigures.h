// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../analysis/analysis.h"
#include "../layermanifest.h"
#include "../result.h"
#include "reporttemplate.h"

#include "analytics/aoristic.h"

#include <QDate>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

class Store;

/// Counts of one area. Per-category vectors follow the point layer's manifest categories, with
/// one more entry at the end for the total (uncategorised points included).
struct AreaFigures
{
    QString key;                  ///< value of the template's areaKeyField
    QString label;                ///< value of areaLabelField
    std::int64_t fid = 0;         ///< feature id in the area layer
    std::int64_t population = -1; ///< -1 when unknown
    std::vector<std::int64_t> current;
    std::vector<std::int64_t> previous;
    std::vector<std::int64_t> lastYear;
    std::vector<std::int64_t> weekly; ///< per week of the period (weeks start on Monday)
    /// [weekday 0 = Monday .. 6][hour 0..23], local time. A record known only between two
    /// times is spread over the hours of its span (aoristic weights, analytics/aoristic.h), so
    /// the cells are not whole numbers; they sum to the records of the period.
    analytics::HourOfWeek hourWeekday{};

    std::int64_t total() const { return current.empty() ? 0 : current.back(); }
};

/// Everything a report shows, computed from the store (validated request, figures, analysis).
struct ReportData
{
    ReportRequest request; ///< with defaults resolved (areas, minCount, paper, orientation)
    LayerManifest pointManifest;
    std::vector<AreaFigures> areas;         ///< in the order asked
    AreaFigures all;                        ///< sum of the selected areas
    std::vector<QDate> weekStarts;          ///< Monday of each week of `weekly`
    std::optional<StoredAnalysis> analysis; ///< the analysis drawn on maps, if any
    QStringList notes; ///< translated remarks (e.g. analysis not found, skipped)
};

/**
 * Checks a request against a store and computes the figures with SQL: counts by category per
 * area for the period, the previous period and the same period last year; the weekly series and
 * the hour x weekday matrix of the period (local time, Europe/Paris). Errors (translated) name
 * the unknown layer, field, analysis or area, or the empty period.
 */
Result<ReportData> computeReportData(const Store &store, const ReportRequest &request,
                                     analytics::Feedback *feedback = nullptr);

/// One area a template can report on: its key and its name.
struct ReportArea
{
    QString key;
    QString label;
};

/// The areas of the template's area layer in `store`, ordered by key (for pickers).
Result<std::vector<ReportArea>> listReportAreas(const Store &store,
                                                const ReportTemplate &reportTemplate);

/// The local day (Europe/Paris) of the latest point of the template's point layer (to offer a
/// default period); invalid when the layer is empty.
Result<QDate> latestReportDay(const Store &store, const ReportTemplate &reportTemplate);

/// True when `count` must not be published: 0 < count < minCount.
inline bool isSuppressed(std::int64_t count, int minCount)
{
    return count > 0 && count < minCount;
}

/// The count as printed: "< 5" when suppressed, else the number with French or English
/// thousands separators ("12 345" / "12,345").
QString formatCount(std::int64_t count, int minCount, const QString &language);

/// Change from `before` to `now` in percent ("+12 %", "−8 %"); "—" when either is suppressed or
/// `before` is 0.
QString formatChange(std::int64_t now, std::int64_t before, int minCount, const QString &language);

/// Rate per 1,000 inhabitants with one decimal; "—" when the count is suppressed or the
/// population unknown.
QString formatRate(std::int64_t count, std::int64_t population, int minCount,
                   const QString &language);

} // namespace vigie::core
