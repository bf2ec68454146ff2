// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../basemap/basemap.h"

#include "../layermanifest.h"
#include "../result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace vigie::core {

class Store;

/// The version of the report template format this build reads (key "vigieReport").
inline constexpr int kReportFormatVersion = 1;

/**
 * A period of whole local days (Europe/Paris, the city's time), both ends inclusive.
 * Month periods ("2025-01..2025-03") compare with the same number of months before and the same
 * months one year earlier; day periods with the same number of days.
 */
struct ReportPeriod
{
    QDate first;
    QDate last;
    bool wholeMonths = false;

    /// "2025-01..2025-03", "2025-01", "2025-01-01..2025-01-31" or "2025-01-15". Errors name the
    /// text.
    static Result<ReportPeriod> parse(const QString &text);
    int days() const { return int(first.daysTo(last)) + 1; }
    ReportPeriod previous() const;       ///< the period of the same length just before
    ReportPeriod sameLastYear() const;   ///< the same dates one year earlier
    std::int64_t fromUtc() const;        ///< first local midnight, seconds since 1970 UTC
    std::int64_t toUtcExclusive() const; ///< local midnight after `last`, seconds since 1970 UTC
    QString fromIso() const;             ///< fromUtc() as stored ("YYYY-MM-DDTHH:MM:SSZ")
    QString toIsoExclusive() const;
    /// "janvier à mars 2025" / "January to March 2025", "du 01/01/2025 au 15/01/2025".
    QString label(const QString &language) const;
    /// The machine form accepted by parse().
    QString text() const;
};

/**
 * A report template: what a report shows, as a JSON file a user can edit and share
 * (docs/reports.md). Areas are features of `areaLayer`; points of `pointLayer` belong to an area
 * through attribute keys (pointAreaField, optionally through a `via` layer such as quartiers ->
 * arrondissement), never through geometry, so figures equal a plain SQL count.
 */
struct ReportTemplate
{
    QString id;
    LocalizedText title;
    LocalizedText subtitle;
    LocalizedText classification; ///< banner on every page, e.g. "Diffusion restreinte"
    LocalizedText sources;        ///< printed under every map
    QString areaLayer;            ///< polygon layer of the areas (arrondissements, quartiers)
    QString areaKeyField;         ///< field identifying an area (code_insee, code_qua)
    QString areaLabelField;       ///< field naming an area (nom)
    QString populationField;      ///< inhabitants of an area (rates per 1,000), may be empty
    QString pointLayer = QStringLiteral("incidents");
    QString pointAreaField;    ///< field of a point giving its area (or its via key)
    QString viaLayer;          ///< optional: layer mapping pointAreaField to the area key
    QString viaKeyField;       ///< field of viaLayer matching pointAreaField
    QString viaAreaField;      ///< field of viaLayer holding the area key
    QStringList contextLayers; ///< layers drawn under the points on maps (bottom first)
    /// "" = none; an analysis kind ("kde", "gistar", ...) = the latest stored analysis of that
    /// kind (skipped with a note when there is none, unless analysisRequired); else an analysis id.
    QString analysis;
    bool analysisRequired = false;
    QStringList defaultAreas;                         ///< "all" or area keys/names
    int minCount = 5;                                 ///< small-count suppression threshold
    QString paper = QStringLiteral("a4");             ///< a4 or a3
    QString orientation = QStringLiteral("portrait"); ///< portrait or landscape
    QString origin;                                   ///< file or resource read

    /// Parses and checks the format (not the store); errors name the origin and the key.
    static Result<ReportTemplate> fromJson(const QByteArray &json, const QString &origin);
    /// A built-in template id ("bilan_mensuel_clspd", "diagnostic_quartier") or a JSON file path.
    static Result<ReportTemplate> load(const QString &idOrPath);
    /// Ids of the built-in templates (compiled in under :/vigie/reports).
    static QStringList builtInIds();
};

/// What one report is asked to show.
struct ReportRequest
{
    ReportTemplate reportTemplate;
    ReportPeriod period;
    QStringList areas; ///< keys, names or numbers; empty = the template's defaultAreas
    QString language = QStringLiteral("fr");
    int minCount = -1; ///< -1 = the template's
    QString author;
    QString paper;       ///< empty = the template's
    QString orientation; ///< empty = the template's
    QString analysis;    ///< empty = the template's
    QDate producedOn;    ///< empty = today
    /// Drawn under every map, credited in the source line; none: plain maps.
    std::optional<BaseMapSource> baseMap;
};

/// Translated messages of the report module.
class ReportMessages
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::ReportMessages)
};

} // namespace vigie::core
