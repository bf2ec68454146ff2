// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportfigures.h"
#include "../cityzone.h"

#include "../analytics/feedback.h"
#include "../scenario/scenario.h"
#include "../store/store.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QTimeZone>

#include "../store/statement.h"

#include <algorithm>
#include <unordered_map>

namespace vigie::core {

namespace {

QString tr(const char *text)
{
    return ReportMessages::tr(text);
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') +
           QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

/// The report only reads: its statements on the workspace, refused if one could write.
class Query : public Statement
{
public:
    Query(const Store &store, const QString &sql) : Statement(store, sql)
    {
        if (!isReadOnly())
            throw Exception(ErrorCode::Internal,
                            ReportMessages::tr("report query failed: not read-only"));
    }
    bool next() { return step(); }
    std::int64_t integer(int column) const { return int64(column); }
};

struct AreaRow
{
    std::int64_t fid = 0;
    QString key;
    QString label;
    std::int64_t population = -1;
    QStringList otherValues; ///< every other field as text, for matching user input
};

Error unknownLayer(const ReportTemplate &t, const Store &store, const QString &key,
                   const QString &layer)
{
    return Error{ErrorCode::UnknownLayer,
                 tr("Report template %1, key \"%2\": the workspace %3 has no layer \"%4\"")
                     .arg(t.origin, key, store.path(), layer)};
}

Error unknownField(const ReportTemplate &t, const QString &key, const QString &layer,
                   const QString &field)
{
    return Error{ErrorCode::InvalidInput,
                 tr("Report template %1, key \"%2\": the layer \"%3\" has no field \"%4\"")
                     .arg(t.origin, key, layer, field)};
}

/// Converts times to the city's local time fast (the UTC offset is cached per hour).
class LocalClock
{
public:
    QDateTime local(std::int64_t utcSecs)
    {
        return QDateTime::fromSecsSinceEpoch(utcSecs + offset(utcSecs), Qt::UTC);
    }

    /// Seconds ahead of UTC at an instant.
    int offset(std::int64_t utcSecs)
    {
        const std::int64_t hour = utcSecs / 3600 - (utcSecs % 3600 < 0 ? 1 : 0);
        auto it = m_offsets.find(hour);
        if (it == m_offsets.end())
            it = m_offsets
                     .emplace(hour, m_zone.offsetFromUtc(
                                        QDateTime::fromSecsSinceEpoch(hour * 3600, Qt::UTC)))
                     .first;
        return it->second;
    }

private:
    QTimeZone m_zone = cityTimeZone();
    std::unordered_map<std::int64_t, int> m_offsets;
};

/// The request's unset parts from the template; a request that cannot be met fails here.
void applyDefaults(ReportRequest &r, const ReportTemplate &t)
{
    if (r.minCount < 0)
        r.minCount = t.minCount;
    if (r.minCount < 1)
        throw Exception(ErrorCode::InvalidInput,
                        tr("the small-count threshold must be at least 1"));
    if (r.paper.isEmpty())
        r.paper = t.paper;
    if (r.orientation.isEmpty())
        r.orientation = t.orientation;
    if (r.analysis.isEmpty())
        r.analysis = t.analysis;
    if (!r.producedOn.isValid())
        r.producedOn = QDate::currentDate();
    if (!r.period.first.isValid() || !r.period.last.isValid() || r.period.last < r.period.first)
        throw Exception(ErrorCode::InvalidInput, tr("the report period is empty"));
}

/// The layers and fields the template names, checked; returns the area layer's manifest.
LayerManifest checkLayers(const Store &store, const ReportTemplate &t, ReportData &data)
{
    // Layers and fields named by the template.
    auto requireLayer = [&](const QString &key, const QString &layer) {
        const auto manifest = store.layer(layer);
        if (!manifest)
            throw Exception(unknownLayer(t, store, key, layer).code,
                            unknownLayer(t, store, key, layer).message);
        return *manifest;
    };
    auto requireField = [&](const LayerManifest &m, const QString &key, const QString &field) {
        if (!field.isEmpty() && !m.field(field))
            throw Exception(ErrorCode::InvalidInput, unknownField(t, key, m.id, field).message);
    };
    const LayerManifest areaManifest = requireLayer(QStringLiteral("areas.layer"), t.areaLayer);
    requireField(areaManifest, QStringLiteral("areas.key"), t.areaKeyField);
    requireField(areaManifest, QStringLiteral("areas.label"), t.areaLabelField);
    requireField(areaManifest, QStringLiteral("areas.population"), t.populationField);
    if (areaManifest.geometryType != GeometryType::Polygon)
        throw Exception(ErrorCode::InvalidInput,
                        tr("Report template %1, key \"areas.layer\": \"%2\" is not a polygon layer")
                            .arg(t.origin, t.areaLayer));
    data.pointManifest = requireLayer(QStringLiteral("points.layer"), t.pointLayer);
    const LayerManifest &pm = data.pointManifest;
    requireField(pm, QStringLiteral("points.areaField"), t.pointAreaField);
    if (pm.timeField.isEmpty())
        throw Exception(ErrorCode::InvalidInput,
                        tr("Report template %1, key \"points.layer\": \"%2\" has no time field")
                            .arg(t.origin, t.pointLayer));
    if (!t.viaLayer.isEmpty()) {
        const LayerManifest via = requireLayer(QStringLiteral("points.via.layer"), t.viaLayer);
        requireField(via, QStringLiteral("points.via.key"), t.viaKeyField);
        requireField(via, QStringLiteral("points.via.areaField"), t.viaAreaField);
    }
    for (int i = 0; i < t.contextLayers.size(); ++i)
        requireLayer(QStringLiteral("contextLayers[%1]").arg(i), t.contextLayers[i]);
    return areaManifest;
}

/// The analysis drawn on maps: an id, or a kind naming the latest of its kind.
void findAnalysis(const Store &store, ReportData &data)
{
    const ReportRequest &r = data.request;
    const ReportTemplate &t = r.reportTemplate;
    if (!r.analysis.isEmpty()) {
        const std::vector<StoredAnalysis> analyses = storedAnalyses(store);
        // A kind of analysis or scenario ("kde", "forecast", ...) names the latest of its kind.
        const bool isKind = analysisKindFromKey(r.analysis).has_value() ||
                            scenarioKindFromKey(r.analysis).has_value();
        for (const StoredAnalysis &a : analyses) {
            if (a.resultLayer.isEmpty() || !store.hasLayer(a.resultLayer))
                continue;
            if (isKind ? a.kind == r.analysis &&
                             (!data.analysis || a.createdAt >= data.analysis->createdAt)
                       : a.id == r.analysis)
                data.analysis = a;
        }
        if (!data.analysis) {
            if (!isKind || t.analysisRequired)
                throw Exception(ErrorCode::UnknownLayer,
                                isKind ? tr("the workspace %1 holds no \"%2\" analysis with a map "
                                            "layer; run one first (vigie-cli analyze %2)")
                                             .arg(store.path(), r.analysis)
                                       : tr("the workspace %1 has no analysis \"%2\" (see "
                                            "vigie-cli info)")
                                             .arg(store.path(), r.analysis));
            data.notes << tr("No \"%1\" analysis in the workspace: maps show the incidents only.")
                              .arg(r.analysis);
        }
    }
}

std::vector<AreaRow> readAreas(const Store &store, const ReportTemplate &t,
                               const LayerManifest &areaManifest)
{
    std::vector<AreaRow> rows;
    QString sql =
        QStringLiteral("SELECT fid, CAST(%1 AS TEXT), CAST(%2 AS TEXT), %3")
            .arg(quoted(t.areaKeyField), quoted(t.areaLabelField),
                 t.populationField.isEmpty() ? QStringLiteral("NULL") : quoted(t.populationField));
    for (const FieldDef &f : areaManifest.fields)
        sql += QStringLiteral(", CAST(%1 AS TEXT)").arg(quoted(f.name));
    sql += QStringLiteral(" FROM %1 ORDER BY fid").arg(quoted(t.areaLayer));
    Query q(store, sql);
    while (q.next()) {
        AreaRow a;
        a.fid = q.integer(0);
        a.key = q.text(1);
        a.label = q.text(2);
        a.population = q.isNull(3) ? -1 : q.integer(3);
        for (int i = 0; i < int(areaManifest.fields.size()); ++i)
            a.otherValues << q.text(4 + i);
        rows.push_back(a);
    }
    return rows;
}

/// The requested areas by key, label or any field ("all": every area in key order).
std::vector<const AreaRow *> chooseAreas(const std::vector<AreaRow> &rows, const ReportRequest &r,
                                         const LayerManifest &areaManifest)
{
    const ReportTemplate &t = r.reportTemplate;
    QStringList wanted = r.areas.isEmpty() ? t.defaultAreas : r.areas;
    std::vector<const AreaRow *> chosen;
    if (wanted.size() == 1 &&
        wanted.first().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        // The natural order of the keys (13201 < 13202 ...).
        for (const AreaRow &a : rows)
            chosen.push_back(&a);
        std::stable_sort(chosen.begin(), chosen.end(),
                         [](const AreaRow *a, const AreaRow *b) { return a->key < b->key; });
    } else {
        for (const QString &raw : wanted) {
            const QString w = raw.trimmed();
            const AreaRow *found = nullptr;
            auto match = [&](auto &&value) {
                for (const AreaRow &a : rows)
                    if (value(a).compare(w, Qt::CaseInsensitive) == 0)
                        return &a;
                return static_cast<const AreaRow *>(nullptr);
            };
            found = match([](const AreaRow &a) { return a.key; });
            if (!found)
                found = match([](const AreaRow &a) { return a.label; });
            for (int i = 0; !found && i < int(areaManifest.fields.size()); ++i)
                found = match([i](const AreaRow &a) { return a.otherValues.value(i); });
            if (!found) {
                QStringList examples;
                for (std::size_t i = 0; i < rows.size() && i < 4; ++i)
                    examples << rows[i].key + QStringLiteral(" (") + rows[i].label +
                                    QLatin1Char(')');
                throw Exception(ErrorCode::InvalidInput,
                                tr("unknown area \"%1\" in the layer \"%2\"; give a key, a name "
                                   "or \"all\", e.g. %3")
                                    .arg(w, t.areaLayer, examples.join(QStringLiteral(", "))));
            }
            if (std::find(chosen.begin(), chosen.end(), found) == chosen.end())
                chosen.push_back(found);
        }
    }
    if (chosen.empty())
        throw Exception(ErrorCode::InvalidInput,
                        tr("the report has no area: the layer \"%1\" is empty").arg(t.areaLayer));
    return chosen;
}

/// The period must hold data: a period outside the workspace gives an error, not blank pages.
void checkPeriodHasData(const Store &store, const ReportRequest &r, const LayerManifest &pm)
{
    const ReportTemplate &t = r.reportTemplate;
    const QString timeField = quoted(pm.timeField);
    const QString pointTable = quoted(t.pointLayer);
    Query q(store, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 >= ?1 AND %2 < ?2")
                       .arg(pointTable, timeField));
    q.bind(1, r.period.fromIso());
    q.bind(2, r.period.toIsoExclusive());
    q.next();
    if (q.integer(0) == 0) {
        Query range(store,
                    QStringLiteral("SELECT MIN(%2), MAX(%2) FROM %1").arg(pointTable, timeField));
        range.next();
        throw Exception(
            ErrorCode::InvalidInput,
            tr("the period %1 is empty: the layer \"%2\" has no feature in it "
               "(it covers %3 to %4)")
                .arg(r.period.text(), t.pointLayer,
                     LocalClock().local(parseIsoUtc(range.text(0))).date().toString(Qt::ISODate),
                     LocalClock().local(parseIsoUtc(range.text(1))).date().toString(Qt::ISODate)));
    }
}

/// How points are joined to their area key (directly or through the "via" layer).
struct PointJoin
{
    QString areaExpr; ///< the area key of a point
    QString from;     ///< the FROM clause (p: the points)
    QString category; ///< the category of a point, or NULL
    QString timeField;

    PointJoin(const ReportTemplate &t, const LayerManifest &pm)
    {
        const QString pointTable = quoted(t.pointLayer);
        timeField = quoted(pm.timeField);
        areaExpr = t.viaLayer.isEmpty()
                       ? QStringLiteral("CAST(p.%1 AS TEXT)").arg(quoted(t.pointAreaField))
                       : QStringLiteral("CAST(v.%1 AS TEXT)").arg(quoted(t.viaAreaField));
        from = t.viaLayer.isEmpty()
                   ? QStringLiteral("%1 AS p").arg(pointTable)
                   : QStringLiteral("%1 AS p JOIN %2 AS v ON CAST(v.%3 AS TEXT) = CAST(p.%4 AS "
                                    "TEXT)")
                         .arg(pointTable, quoted(t.viaLayer), quoted(t.viaKeyField),
                              quoted(t.pointAreaField));
        category = pm.categoryField.isEmpty()
                       ? QStringLiteral("NULL")
                       : QStringLiteral("CAST(p.%1 AS TEXT)").arg(quoted(pm.categoryField));
        endTime = pm.endTimeField.isEmpty() || !pm.field(pm.endTimeField)
                      ? QStringLiteral("NULL")
                      : QStringLiteral("p.%1").arg(quoted(pm.endTimeField));
    }

    QString endTime; ///< the end of a record known between two times, or NULL
};

/// Counts per area and category in the period, the previous one and the same one a year before.
void countByArea(const Store &store, const PointJoin &join, const QHash<QString, int> &areaIndex,
                 ReportData &data, analytics::Feedback *feedback)
{
    const ReportRequest &r = data.request;
    const LayerManifest &pm = data.pointManifest;
    struct Span
    {
        ReportPeriod period;
        std::vector<std::int64_t> AreaFigures::*counts;
    };
    const Span spans[] = {{r.period, &AreaFigures::current},
                          {r.period.previous(), &AreaFigures::previous},
                          {r.period.sameLastYear(), &AreaFigures::lastYear}};
    int step = 0;
    for (const Span &span : spans) {
        analytics::throwIfCanceled(feedback);
        if (feedback)
            feedback->setProgress(10.0 * step++, tr("Counting incidents").toStdString());
        Query q(store,
                QStringLiteral("SELECT %1, %2, COUNT(*) FROM %3 WHERE p.%4 >= ?1 AND p.%4 < ?2 "
                               "GROUP BY 1, 2")
                    .arg(join.areaExpr, join.category, join.from, join.timeField));
        q.bind(1, span.period.fromIso());
        q.bind(2, span.period.toIsoExclusive());
        while (q.next()) {
            const auto it = areaIndex.constFind(q.text(0));
            if (it == areaIndex.constEnd())
                continue;
            std::vector<std::int64_t> &counts = data.areas[std::size_t(*it)].*span.counts;
            const int c = q.isNull(1) ? -1 : pm.categoryIndex(q.text(1));
            if (c >= 0)
                counts[std::size_t(c)] += q.integer(2);
            counts.back() += q.integer(2);
        }
    }
}

/// Weekly series and hour x weekday matrix, in local time.
void weeklyAndHourly(const Store &store, const PointJoin &join,
                     const QHash<QString, int> &areaIndex, ReportData &data,
                     analytics::Feedback *feedback)
{
    const ReportRequest &r = data.request;
    const QDate firstMonday = r.period.first.addDays(1 - r.period.first.dayOfWeek());
    for (QDate d = firstMonday; d <= r.period.last; d = d.addDays(7))
        data.weekStarts.push_back(d);
    for (AreaFigures &a : data.areas)
        a.weekly.assign(data.weekStarts.size(), 0);
    {
        if (feedback)
            feedback->setProgress(30.0, tr("Weekly and hourly series").toStdString());
        Query q(store, QStringLiteral("SELECT %1, p.%2, %4 FROM %3 WHERE p.%2 >= ?1 AND p.%2 < ?2")
                           .arg(join.areaExpr, join.timeField, join.from, join.endTime));
        q.bind(1, r.period.fromIso());
        q.bind(2, r.period.toIsoExclusive());
        LocalClock clock;
        std::int64_t n = 0;
        while (q.next()) {
            if ((++n & 0xffff) == 0)
                analytics::throwIfCanceled(feedback);
            const auto it = areaIndex.constFind(q.text(0));
            if (it == areaIndex.constEnd())
                continue;
            const std::int64_t secs = parseIsoUtc(q.text(1));
            if (secs == LayerSnapshot::kNoTime)
                continue;
            const QDateTime local = clock.local(secs);
            AreaFigures &a = data.areas[std::size_t(*it)];
            const std::int64_t week = firstMonday.daysTo(local.date()) / 7;
            if (week >= 0 && week < std::int64_t(a.weekly.size()))
                ++a.weekly[std::size_t(week)];
            // Spread over the hours of its span (a record with an end), else on its hour.
            const std::int64_t end = q.isNull(2) ? LayerSnapshot::kNoTime : parseIsoUtc(q.text(2));
            analytics::addAoristic(a.hourWeekday, secs, end == LayerSnapshot::kNoTime ? secs : end,
                                   [&clock](std::int64_t t) { return clock.offset(t); });
        }
    }
}

/// The sum of the selected areas.
void sumAreas(ReportData &data, int categories)
{
    AreaFigures &all = data.all;
    all.key = QStringLiteral("*");
    all.current.assign(std::size_t(categories + 1), 0);
    all.previous = all.lastYear = all.current;
    all.weekly.assign(data.weekStarts.size(), 0);
    all.population = 0;
    for (const AreaFigures &a : data.areas) {
        for (std::size_t c = 0; c < a.current.size(); ++c) {
            all.current[c] += a.current[c];
            all.previous[c] += a.previous[c];
            all.lastYear[c] += a.lastYear[c];
        }
        for (std::size_t w = 0; w < a.weekly.size(); ++w)
            all.weekly[w] += a.weekly[w];
        for (int d = 0; d < 7; ++d)
            for (int h = 0; h < 24; ++h)
                all.hourWeekday[std::size_t(d)][std::size_t(h)] +=
                    a.hourWeekday[std::size_t(d)][std::size_t(h)];
        if (all.population >= 0)
            all.population = a.population >= 0 ? all.population + a.population : -1;
    }
}

ReportData computeImpl(const Store &store, const ReportRequest &request,
                       analytics::Feedback *feedback)
{
    ReportData data;
    data.request = request;
    ReportRequest &r = data.request;
    const ReportTemplate &t = r.reportTemplate;
    applyDefaults(r, t);
    const LayerManifest areaManifest = checkLayers(store, t, data);
    const LayerManifest &pm = data.pointManifest;
    findAnalysis(store, data);
    analytics::throwIfCanceled(feedback);
    const std::vector<AreaRow> rows = readAreas(store, t, areaManifest);
    const std::vector<const AreaRow *> chosen = chooseAreas(rows, r, areaManifest);
    checkPeriodHasData(store, r, pm);

    const int categories = int(pm.categories.size());
    QHash<QString, int> areaIndex;
    data.areas.resize(chosen.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        AreaFigures &a = data.areas[i];
        a.key = chosen[i]->key;
        a.label = chosen[i]->label;
        a.fid = chosen[i]->fid;
        a.population = chosen[i]->population;
        a.current.assign(std::size_t(categories + 1), 0);
        a.previous = a.lastYear = a.current;
        areaIndex.insert(a.key, int(i));
    }

    const PointJoin join(t, pm);
    countByArea(store, join, areaIndex, data, feedback);
    weeklyAndHourly(store, join, areaIndex, data, feedback);
    sumAreas(data, categories);
    return data;
}

QLocale numberLocale(const QString &language)
{
    return language.startsWith(QLatin1String("en"))
               ? QLocale(QLocale::English, QLocale::UnitedKingdom)
               : QLocale(QLocale::French, QLocale::France);
}

} // namespace

Result<ReportData> computeReportData(const Store &store, const ReportRequest &request,
                                     analytics::Feedback *feedback)
{
    try {
        return computeImpl(store, request, feedback);
    } catch (const Exception &e) {
        return e.error();
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled, tr("the report was canceled")};
    }
}

Result<std::vector<ReportArea>> listReportAreas(const Store &store, const ReportTemplate &t)
{
    try {
        const auto manifest = store.layer(t.areaLayer);
        if (!manifest)
            return unknownLayer(t, store, QStringLiteral("areas.layer"), t.areaLayer);
        for (const QString &field : {t.areaKeyField, t.areaLabelField})
            if (!manifest->field(field))
                return unknownField(t, QStringLiteral("areas"), t.areaLayer, field);
        Query q(store,
                QStringLiteral("SELECT CAST(%1 AS TEXT), CAST(%2 AS TEXT) FROM %3 ORDER BY 1")
                    .arg(quoted(t.areaKeyField), quoted(t.areaLabelField), quoted(t.areaLayer)));
        std::vector<ReportArea> areas;
        while (q.next())
            areas.push_back({q.text(0), q.text(1)});
        return areas;
    } catch (const Exception &e) {
        return e.error();
    }
}

Result<QDate> latestReportDay(const Store &store, const ReportTemplate &t)
{
    try {
        const auto manifest = store.layer(t.pointLayer);
        if (!manifest)
            return unknownLayer(t, store, QStringLiteral("points.layer"), t.pointLayer);
        if (manifest->timeField.isEmpty())
            return QDate();
        Query q(store, QStringLiteral("SELECT MAX(%1) FROM %2")
                           .arg(quoted(manifest->timeField), quoted(t.pointLayer)));
        q.next();
        const std::int64_t secs = parseIsoUtc(q.text(0));
        if (secs == LayerSnapshot::kNoTime)
            return QDate();
        return LocalClock().local(secs).date();
    } catch (const Exception &e) {
        return e.error();
    }
}

QString formatCount(std::int64_t count, int minCount, const QString &language)
{
    if (isSuppressed(count, minCount))
        return QStringLiteral("< %1").arg(minCount);
    // French thousands separator: a narrow no-break space would not survive every PDF text
    // extractor; a plain no-break space is used.
    QString s = numberLocale(language).toString(qlonglong(count));
    s.replace(QChar(0x202f), QChar(0x00a0));
    return s;
}

QString formatChange(std::int64_t now, std::int64_t before, int minCount, const QString &language)
{
    if (isSuppressed(now, minCount) || isSuppressed(before, minCount) || before == 0)
        return QStringLiteral("—");
    const double pct = 100.0 * double(now - before) / double(before);
    const long rounded = std::lround(pct);
    const QString sign = rounded > 0   ? QStringLiteral("+")
                         : rounded < 0 ? QStringLiteral("−")
                                       : QString();
    return sign + QString::number(std::labs(rounded)) + QStringLiteral("\u00a0%");
}

QString formatRate(std::int64_t count, std::int64_t population, int minCount,
                   const QString &language)
{
    if (isSuppressed(count, minCount) || population <= 0)
        return QStringLiteral("—");
    return numberLocale(language).toString(1000.0 * double(count) / double(population), 'f', 1);
}

} // namespace vigie::core
