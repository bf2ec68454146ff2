// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariosupport.h"

#include "../../argtext.h"
#include "../../cityzone.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "analytics/feedback.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
#include <limits>
#include <map>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;

// --- dates and numbers -------------------------------------------------------------------------

QString localTime(std::int64_t secs, const QString &format)
{
    return QDateTime::fromSecsSinceEpoch(secs, cityTimeZone()).toString(format);
}

QString dayText(std::int64_t secs, bool withTime)
{
    const bool fr = QLocale().language() == QLocale::French;
    QString f = fr ? QStringLiteral("dd/MM/yyyy") : QStringLiteral("yyyy-MM-dd");
    if (withTime)
        f += QStringLiteral(" HH:mm");
    return localTime(secs, f);
}

QString fmt(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString pct(double share, int decimals)
{
    return std::isfinite(share)
               ? QLocale().toString(100.0 * share, 'f', decimals) + QStringLiteral(" %")
               : QStringLiteral("–");
}

std::int64_t nextMidnight(std::int64_t secs)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(secs, cityTimeZone());
    return startOfDay(local.date().addDays(1));
}

std::int64_t startOfDay(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), cityTimeZone()).toSecsSinceEpoch();
}

std::int64_t nextMonthStart(std::int64_t secs)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(secs, cityTimeZone()).date();
    return startOfDay(QDate(d.year(), d.month(), 1).addMonths(1));
}

std::int64_t addMonths(std::int64_t secs, int months)
{
    return QDateTime::fromSecsSinceEpoch(secs, cityTimeZone()).addMonths(months).toSecsSinceEpoch();
}

// --- shared parameters -------------------------------------------------------------------------

namespace {

constexpr PeriodName kPeriods[] = {
    {"shift", analytics::ForecastPeriod::Shift, "prochaine vacation (8 h)", "next shift (8 h)",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next shift (8 h)")},
    {"day", analytics::ForecastPeriod::Day, "prochain jour", "next day",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next day")},
    {"week", analytics::ForecastPeriod::Week, "prochaine semaine", "next week",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next week")},
    {"month", analytics::ForecastPeriod::Month, "prochain mois", "next month",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next calendar month")}};

constexpr StrategyName kStrategies[] = {
    {"optimise", "couverture optimisée",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "optimised coverage")},
    {"sectors", "répartition par secteur",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "shared by sector")},
    {"hotspots", "mailles les plus à risque",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "riskiest cells")},
    {"positions", "positions données",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "given positions")}};

} // namespace

ParameterDefinition periodParameter(const QString &help)
{
    std::vector<ParameterChoice> choices;
    for (const PeriodName &n : kPeriods)
        choices.push_back({QLatin1String(n.key), vigie::core::ScenarioRunner::tr(n.report)});
    return P::choice(QStringLiteral("period"), vigie::core::ScenarioRunner::tr("Period"),
                     std::move(choices), QStringLiteral("week"))
        .withHelp(help);
}

const PeriodName &periodNamed(const QString &key)
{
    for (const PeriodName &n : kPeriods)
        if (key == QLatin1String(n.key))
            return n;
    return kPeriods[2]; // validated values only reach here
}

ParameterDefinition strategyParameter(const QString &name, const QString &label,
                                      const QString &defaultValue, const QString &help)
{
    std::vector<ParameterChoice> choices;
    for (const StrategyName &n : kStrategies)
        choices.push_back({QLatin1String(n.key), vigie::core::ScenarioRunner::tr(n.en)});
    return P::choice(name, label, std::move(choices), defaultValue).withHelp(help);
}

const StrategyName &strategyNamed(const QString &key)
{
    for (const StrategyName &n : kStrategies)
        if (key == QLatin1String(n.key))
            return n;
    return kStrategies[0];
}

ParameterDefinitions forecastModelParameters(const QString &defaultModel)
{
    return {
        P::choice(QStringLiteral("model"), vigie::core::ScenarioRunner::tr("Model"),
                  {{QStringLiteral("sepp"),
                    vigie::core::ScenarioRunner::tr("self-exciting point process (SEPP)")},
                   {QStringLiteral("prospective-kde"),
                    vigie::core::ScenarioRunner::tr("prospective KDE")},
                   {QStringLiteral("last-period"),
                    vigie::core::ScenarioRunner::tr("last period's counts")}},
                  defaultModel)
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Forecasting model: self-exciting point process (background plus near "
                "repeats, fitted by EM), prospective KDE (recent incidents weigh "
                "more) or last period's counts.")),
        P::number(QStringLiteral("trainingDays"), vigie::core::ScenarioRunner::tr("History"), 365,
                  7, 3650, QStringLiteral("d"))
            .withHelp(vigie::core::ScenarioRunner::tr("Days of history the model learns from.")),
        P::number(QStringLiteral("bandwidth"), vigie::core::ScenarioRunner::tr("Bandwidth"), 200,
                  20, 5000, QStringLiteral("m"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Prospective KDE: standard deviation of the Gaussian kernel in metres."))
            .advanced(),
        P::number(QStringLiteral("halfLifeDays"), vigie::core::ScenarioRunner::tr("Half-life"), 14,
                  1, 3650, QStringLiteral("d"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Prospective KDE: age in days at which an incident counts half."))
            .advanced(),
        P::number(QStringLiteral("triggerDistance"),
                  vigie::core::ScenarioRunner::tr("Trigger distance"), 600, 100, 5000,
                  QStringLiteral("m"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "SEPP: farthest distance at which an incident may trigger another (metres)."))
            .advanced(),
        P::number(QStringLiteral("triggerDays"), vigie::core::ScenarioRunner::tr("Trigger delay"),
                  30, 2, 365, QStringLiteral("d"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "SEPP: longest delay after which an incident may trigger another (days)."))
            .advanced()};
}

ParameterDefinition cellSizeParameter(double defaultValue, double minimum, double maximum,
                                      const QString &help)
{
    return P::number(QStringLiteral("cellSize"), vigie::core::ScenarioRunner::tr("Cell size"),
                     defaultValue, minimum, maximum, QStringLiteral("m"))
        .withHelp(help);
}

ParameterDefinition seedParameter()
{
    return P::integer(QStringLiteral("seed"), vigie::core::ScenarioRunner::tr("Seed"), 1, 0,
                      2000000000)
        .withHelp(vigie::core::ScenarioRunner::tr(
            "Seed of the simulation: the same seed gives the same result."))
        .advanced();
}

ForecastSetup forecastSetup(const ParameterValues &values)
{
    ForecastSetup f;
    // (the evaluation compares several models and declares no "model")
    if (values.map().contains(QStringLiteral("model")))
        f.model =
            *analytics::parseForecastModel(values.choice(QStringLiteral("model")).toStdString());
    f.params.trainingDays = values.number(QStringLiteral("trainingDays"));
    f.params.kde.bandwidth = values.number(QStringLiteral("bandwidth"));
    f.params.kde.halfLifeDays = values.number(QStringLiteral("halfLifeDays"));
    f.params.kde.kernel = analytics::Kernel::Gaussian;
    // Near repeats in the city reach a few hundred metres and a few weeks (fitted sigma is about
    // 100 m, 1/omega about 5 days): pairs beyond 600 m or 30 days only cost time.
    f.params.sepp.maxTriggerDistance = values.number(QStringLiteral("triggerDistance"));
    f.params.sepp.maxTriggerDays = values.number(QStringLiteral("triggerDays"));
    return f;
}

QString modelTitle(analytics::ForecastModel m)
{
    switch (m) {
    case analytics::ForecastModel::Sepp:
        return vigie::core::ScenarioRunner::tr("self-exciting point process (SEPP)");
    case analytics::ForecastModel::ProspectiveKde:
        return vigie::core::ScenarioRunner::tr("prospective KDE");
    case analytics::ForecastModel::LastPeriod:
        return vigie::core::ScenarioRunner::tr("last period's counts");
    }
    return {};
}

Bilingual modelTitles(analytics::ForecastModel m)
{
    switch (m) {
    case analytics::ForecastModel::Sepp:
        return {QStringLiteral("processus auto-excitant"), QStringLiteral("self-exciting process")};
    case analytics::ForecastModel::ProspectiveKde:
        return {QStringLiteral("KDE prospective"), QStringLiteral("prospective KDE")};
    case analytics::ForecastModel::LastPeriod:
        return {QStringLiteral("période précédente"), QStringLiteral("last period")};
    }
    return {};
}

// --- data ----------------------------------------------------------------------------------------

std::pair<std::int64_t, std::int64_t> dataRange(AlgorithmContext &ctx, const QString &layer)
{
    auto snap = ctx.store().loadSnapshot(layer, ctx.feedback());
    snap.orThrow();
    if ((*snap)->minTime == LayerSnapshot::kNoTime)
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::ScenarioRunner::tr(
                            "The layer \"%1\" has no dates: scenarios need dated incidents.")
                            .arg(layer));
    // The starts: a record known over a span (a month of police.uk data) is dated by its
    // start, as the period filters count it by default; the snapshot's range includes the ends.
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(),
                 hi = std::numeric_limits<std::int64_t>::min();
    for (std::int64_t t : (*snap)->time)
        if (t != LayerSnapshot::kNoTime) {
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
    return {lo, hi};
}

GridSpec gridOver(const Selection &s, double cellSize)
{
    const GridSpec g = GridSpec::covering(s.bounds.left(), s.bounds.top(), s.bounds.right(),
                                          s.bounds.bottom(), cellSize);
    if (g.cellCount() > 20'000'000)
        invalidParameter(QStringLiteral("cellSize"),
                         vigie::core::ScenarioRunner::tr(
                             "too small for this area (more than 20 million cells)"));
    return g;
}

std::vector<std::uint8_t> windowMask(const Selection &s, const GridSpec &g)
{
    if (s.window.empty())
        return std::vector<std::uint8_t>(g.cellCount(), 1);
    return rasterizeMask(s.window, g);
}

CameraSet loadCameras(Store &store, std::int64_t at, analytics::Feedback *fb)
{
    CameraSet out;
    const QString layer = QStringLiteral("cameras");
    if (!store.hasLayer(layer))
        return out;
    auto snap = store.loadSnapshot(layer, fb);
    snap.orThrow();
    const LayerSnapshot &s = **snap;
    const Symbology &sym = s.manifest.symbology;
    const auto dir = s.numbers.constFind(sym.fovDirectionField);
    const auto fov = s.numbers.constFind(sym.fovAngleField);
    const auto rng = s.numbers.constFind(sym.fovRangeField);
    if (dir == s.numbers.constEnd() || fov == s.numbers.constEnd() || rng == s.numbers.constEnd())
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::ScenarioRunner::tr(
                            "The cameras layer has no direction, field of view and range fields."));
    const QString idField = QStringLiteral("camera_id");
    const auto idByFid = s.manifest.field(idField) ? store.textsByFid(layer, idField)
                                                   : std::unordered_map<std::int64_t, QString>();
    const int maintenance = s.manifest.categoryIndex(QStringLiteral("maintenance"));
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (maintenance >= 0 && !s.category.empty() && s.category[i] == maintenance)
            continue; // a camera in maintenance sees nothing
        if (!s.time.empty() && s.time[i] != LayerSnapshot::kNoTime && s.time[i] > at)
            continue; // not installed yet
        if (!s.endTime.empty() && s.endTime[i] != LayerSnapshot::kNoTime && s.endTime[i] <= at)
            continue; // removed
        analytics::Camera c;
        c.x = s.x[i];
        c.y = s.y[i];
        c.directionDeg = (*dir)[i];
        c.fovDeg = (*fov)[i];
        c.rangeM = (*rng)[i];
        if (!std::isfinite(c.directionDeg) || !std::isfinite(c.fovDeg) || !std::isfinite(c.rangeM))
            continue;
        out.cameras.push_back(c);
        const auto it = idByFid.find(s.fids[i]);
        out.ids << (it == idByFid.end() || it->second.isEmpty()
                        ? QStringLiteral("#%1").arg(s.fids[i])
                        : it->second);
    }
    return out;
}

std::vector<std::pair<QString, const Geometry *>> namedAreas(Store &store, const LayerSnapshot &a,
                                                             const QString &layerId,
                                                             const QStringList &names,
                                                             const QString &parameterName)
{
    std::vector<std::pair<QString, const Geometry *>> out;
    const QStringList keys = areaKeys(a.manifest);
    for (const QString &wantedRaw : names) {
        const QString wanted = wantedRaw.trimmed().toLower();
        if (wanted.isEmpty())
            continue;
        bool found = false;
        for (std::size_t i = 0; i < a.size() && !found; ++i) {
            auto attrs = store.attributes(layerId, a.fids[i]);
            if (!attrs)
                continue;
            for (const QString &k : keys)
                if (attrs->value(k).toString().trimmed().toLower() == wanted) {
                    const QString label = !a.manifest.labelField.isEmpty()
                                              ? attrs->value(a.manifest.labelField).toString()
                                              : wantedRaw.trimmed();
                    out.emplace_back(label, &a.geometries[i]);
                    found = true;
                    break;
                }
        }
        if (!found)
            invalidParameter(parameterName,
                             vigie::core::ScenarioRunner::tr("no area \"%1\" in the layer \"%2\"")
                                 .arg(wantedRaw.trimmed(), layerId));
    }
    if (out.empty())
        invalidParameter(parameterName, vigie::core::ScenarioRunner::tr("name at least one area"));
    return out;
}

// --- results -------------------------------------------------------------------------------------

LayerManifest scenarioManifest(const AlgorithmContext &ctx, const QString &suffix,
                               GeometryType type, const Bilingual &title)
{
    LayerManifest m;
    m.id = ctx.layerId(suffix);
    m.geometryType = type;
    m.title = {title.fr, title.en};
    m.origin = QStringLiteral("scenario:%1").arg(m.id);
    m.symbology.zOrder = 15;
    return m;
}

LayerManifest cameraManifest(const AlgorithmContext &ctx, const QString &suffix,
                             const Bilingual &title)
{
    LayerManifest m = scenarioManifest(ctx, suffix, GeometryType::Point, title);
    m.fields = {
        field("camera_id", FieldType::String,
              {QStringLiteral("Identifiant"), QStringLiteral("Identifier")}),
        field("etat", FieldType::String, {QStringLiteral("Scénario"), QStringLiteral("Scenario")}),
        field("direction", FieldType::Real,
              {QStringLiteral("Orientation (°)"), QStringLiteral("Direction (°)")}),
        field("fov", FieldType::Real,
              {QStringLiteral("Angle de vision (°)"), QStringLiteral("Field of view (°)")}),
        field("range_m", FieldType::Real,
              {QStringLiteral("Portée (m)"), QStringLiteral("Range (m)")})};
    m.categoryField = QStringLiteral("etat");
    m.labelField = QStringLiteral("camera_id");
    m.symbology.marker = QStringLiteral("square");
    m.symbology.size = 2.4;
    m.symbology.stroke = QStringLiteral("#ffffff");
    m.symbology.strokeWidth = 0.2;
    m.symbology.labelSize = 6.5;
    m.symbology.fovDirectionField = QStringLiteral("direction");
    m.symbology.fovAngleField = QStringLiteral("fov");
    m.symbology.fovRangeField = QStringLiteral("range_m");
    m.symbology.fovFill = QStringLiteral("#2f6fd155");
    m.symbology.zOrder = 45;
    return m;
}

FeatureRecord cameraRecord(const analytics::Camera &c, const QString &id, const QString &state,
                           const QString &source)
{
    FeatureRecord r;
    r.wkb = pointToWkb(c.x, c.y);
    r.source = source;
    r.values << id << state << c.directionDeg << c.fovDeg << c.rangeM;
    return r;
}

PolygonRings cellRing(const GridSpec &g, std::size_t cell)
{
    const int col = int(cell % std::size_t(g.cols));
    const int row = int(cell / std::size_t(g.cols));
    const double x0 = g.xMin + col * g.cellSize, x1 = x0 + g.cellSize;
    const double y1 = g.yMax() - row * g.cellSize, y0 = y1 - g.cellSize;
    return {
        Path{QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1), QPointF(x0, y0)}};
}

Raster outsideAsNoData(Raster r, const std::vector<std::uint8_t> &mask)
{
    for (std::size_t i = 0; i < r.values.size(); ++i)
        if (!mask[i])
            r.values[i] = Raster::noData();
    return r;
}

std::vector<ColorStop> riskRamp(const Raster &r)
{
    std::vector<ColorStop> ramp = densityRamp(r);
    // Forecast risk: a cooler start so the priority cells stand out in red.
    static const char *colours[] = {"#ffffb200", "#fecc5cb0", "#fd8d3cc8", "#f03b20e0",
                                    "#bd0026f0"};
    for (std::size_t i = 0; i < ramp.size() && i < 5; ++i)
        ramp[i].color = QLatin1String(colours[i]);
    return ramp;
}

} // namespace vigie::core::processing::algorithms
