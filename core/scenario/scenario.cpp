// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"
#include "../argtext.h"
#include "../cityzone.h"

#include "../analysis/analysisutil.h"
#include "../store/store.h"
#include "analytics/coverage.h"
#include "analytics/eventscenario.h"
#include "analytics/feedback.h"
#include "analytics/forecast.h"
#include "analytics/impact.h"
#include "analytics/kde.h"
#include "analytics/patrol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>

namespace vigie::core {

using analytics::GridSpec;
using analytics::Raster;
using namespace detail;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Marseille's clock: date-times typed without an offset are local times there.
const QTimeZone &cityZone()
{
    return cityTimeZone();
}

/// An ISO date or date-time parameter in seconds UTC; nullopt when absent.
std::optional<std::int64_t> dateParam(const QVariantMap &p, const char *name)
{
    const QVariant v = p.value(QLatin1String(name));
    if (!v.isValid() || v.toString().trimmed().isEmpty())
        return std::nullopt;
    if (v.typeId() == QMetaType::QDateTime)
        return v.toDateTime().toSecsSinceEpoch();
    const QString s = v.toString().trimmed();
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            dt = QDateTime(d, QTime(0, 0), cityZone());
    } else if (dt.timeSpec() == Qt::LocalTime) {
        dt = QDateTime(dt.date(), dt.time(), cityZone());
    }
    if (!dt.isValid())
        invalidParameter(
            QLatin1String(name),
            vigie::core::ScenarioRunner::tr(
                "\"%1\" is not an ISO date (2025-06-14) or date-time (2025-06-14T21:00)")
                .arg(s));
    return dt.toSecsSinceEpoch();
}

QString localTime(std::int64_t secs, const QString &format)
{
    return QDateTime::fromSecsSinceEpoch(secs, cityZone()).toString(format);
}

/// A local date (and time) for the reports: dd/MM/yyyy in French, ISO otherwise.
QString dayText(std::int64_t secs, bool withTime = false)
{
    const bool fr = QLocale().language() == QLocale::French;
    QString f = fr ? QStringLiteral("dd/MM/yyyy") : QStringLiteral("yyyy-MM-dd");
    if (withTime)
        f += QStringLiteral(" HH:mm");
    return localTime(secs, f);
}

int intParam(const QVariantMap &p, const char *name, int fallback, int minimum, int maximum)
{
    const double v = param(p, name, fallback);
    if (!(v >= minimum && v <= maximum) || v != std::floor(v))
        invalidParameter(QLatin1String(name),
                         vigie::core::ScenarioRunner::tr("must be a whole number from %1 to %2")
                             .arg(argText(minimum), argText(maximum)));
    return int(v);
}

double rangeParam(const QVariantMap &p, const char *name, double fallback, double minimum,
                  double maximum)
{
    const double v = param(p, name, fallback);
    if (!(v >= minimum && v <= maximum))
        invalidParameter(QLatin1String(name),
                         vigie::core::ScenarioRunner::tr("must be a number from %1 to %2")
                             .arg(argText(minimum), argText(maximum)));
    return v;
}

QString choiceParam(const QVariantMap &p, const char *name, const QString &fallback,
                    const QStringList &choices)
{
    const QString v = paramText(p, name, fallback);
    if (!choices.contains(v))
        invalidParameter(QLatin1String(name),
                         vigie::core::ScenarioRunner::tr("\"%1\" is not one of: %2")
                             .arg(v, choices.join(QStringLiteral(", "))));
    return v;
}

QString fmt(double v, int decimals = 1)
{
    return QLocale().toString(v, 'f', decimals);
}

QString pct(double share, int decimals = 1)
{
    return std::isfinite(share)
               ? QLocale().toString(100.0 * share, 'f', decimals) + QStringLiteral(" %")
               : QStringLiteral("–");
}

PolygonRings cellPolygon(const GridSpec &g, std::size_t cell)
{
    const int col = int(cell % std::size_t(g.cols));
    const int row = int(cell / std::size_t(g.cols));
    const double x0 = g.xMin + col * g.cellSize, x1 = x0 + g.cellSize;
    const double y1 = g.yMax() - row * g.cellSize, y0 = y1 - g.cellSize;
    return {
        Path{QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1), QPointF(x0, y0)}};
}

/// The forecast periods: the parameter's value, the model's period, and its names in layer
/// titles (French, English) and in the report (translated).
struct PeriodName
{
    const char *key;
    analytics::ForecastPeriod period;
    const char *fr, *en, *report;
};
constexpr PeriodName kPeriods[] = {
    {"shift", analytics::ForecastPeriod::Shift, "prochaine vacation (8 h)", "next shift (8 h)",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next shift (8 h)")},
    {"day", analytics::ForecastPeriod::Day, "prochain jour", "next day",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next day")},
    {"week", analytics::ForecastPeriod::Week, "prochaine semaine", "next week",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "the next week")}};

/// The "period" parameter (shift, day or week; default week), checked.
const PeriodName &periodParam(const QVariantMap &p)
{
    QStringList keys;
    for (const PeriodName &n : kPeriods)
        keys << QLatin1String(n.key);
    const QString key = choiceParam(p, "period", QStringLiteral("week"), keys);
    return kPeriods[keys.indexOf(key)];
}

/// The patrol allocation strategies: the parameter's value and its names (French for layer
/// titles; English, the translation source, for the English titles and the report).
struct StrategyName
{
    const char *key;
    const char *fr, *en;
};
constexpr StrategyName kStrategies[] = {
    {"optimise", "couverture optimisée",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "optimised coverage")},
    {"sectors", "répartition par secteur",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "shared by sector")},
    {"hotspots", "mailles les plus à risque",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "riskiest cells")},
    {"positions", "positions données",
     QT_TRANSLATE_NOOP("vigie::core::ScenarioRunner", "given positions")}};

QStringList strategyKeys()
{
    QStringList keys;
    for (const StrategyName &n : kStrategies)
        keys << QLatin1String(n.key);
    return keys;
}

/// A strategy checked by choiceParam().
const StrategyName &strategyNamed(const QString &key)
{
    return kStrategies[strategyKeys().indexOf(key)];
}

/// Copy of `r` with no data outside the study area.
Raster outsideAsNoData(Raster r, const std::vector<std::uint8_t> &mask)
{
    for (std::size_t i = 0; i < r.values.size(); ++i)
        if (!mask[i])
            r.values[i] = Raster::noData();
    return r;
}

/// Manifest of a scenario result layer.
LayerManifest resultManifest(const QString &id, GeometryType type, const Bilingual &title)
{
    LayerManifest m;
    m.id = id;
    m.geometryType = type;
    m.title = {title.fr, title.en};
    m.origin = QStringLiteral("scenario:%1").arg(id);
    m.symbology.zOrder = 15;
    return m;
}

/// Active cameras of the store with their ids.
struct CameraSet
{
    std::vector<analytics::Camera> cameras;
    QStringList ids;
};

CameraSet loadCameras(Store &store, std::int64_t at, analytics::Feedback *fb)
{
    CameraSet out;
    if (!store.hasLayer(QStringLiteral("cameras")))
        return out;
    auto snap = store.loadSnapshot(QStringLiteral("cameras"), fb);
    if (!snap)
        throw Exception(snap.error().code, snap.error().message);
    const LayerSnapshot &s = **snap;
    const Symbology &sym = s.manifest.symbology;
    const auto dir = s.numbers.constFind(sym.fovDirectionField);
    const auto fov = s.numbers.constFind(sym.fovAngleField);
    const auto rng = s.numbers.constFind(sym.fovRangeField);
    if (dir == s.numbers.constEnd() || fov == s.numbers.constEnd() || rng == s.numbers.constEnd())
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::ScenarioRunner::tr(
                            "The cameras layer has no direction, field of view and range fields."));
    std::map<std::int64_t, QString> idByFid;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(store.handle(), "SELECT fid, camera_id FROM cameras", -1, &st,
                           nullptr) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
            idByFid[sqlite3_column_int64(st, 0)] = t ? QString::fromUtf8(t) : QString();
        }
    sqlite3_finalize(st);
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

/// Manifest of a camera point layer drawn with its fields of view.
LayerManifest cameraManifest(const QString &id, const Bilingual &title)
{
    LayerManifest m = resultManifest(id, GeometryType::Point, title);
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
    r.wkb = pointWkb(c.x, c.y);
    r.source = source;
    r.values << id << state << c.directionDeg << c.fovDeg << c.rangeM;
    return r;
}

/// Polygons of a polygon layer by name (label or code fields), for areas named by the user.
std::vector<std::pair<QString, const Geometry *>> namedAreas(Store &store, const LayerSnapshot &a,
                                                             const QString &layerId,
                                                             const QStringList &names,
                                                             const char *parameterName)
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
            invalidParameter(QLatin1String(parameterName),
                             vigie::core::ScenarioRunner::tr("no area \"%1\" in the layer \"%2\"")
                                 .arg(wantedRaw.trimmed(), layerId));
    }
    if (out.empty())
        invalidParameter(QLatin1String(parameterName),
                         vigie::core::ScenarioRunner::tr("name at least one area"));
    return out;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &s :
         text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts))
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    return out;
}

/// Ramp of expected counts per cell (forecasts).
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

// --- the runner ------------------------------------------------------------------------------

class Run
{
public:
    Run(Store &store, const ScenarioRequest &req, analytics::Feedback *fb)
        : m_store(store), m_req(req), m_p(req.parameters), m_fb(fb)
    {
    }

    AnalysisOutcome go()
    {
        progress(1, vigie::core::ScenarioRunner::tr("Reading the data"));
        m_out.id = freshId(m_store, scenarioKindKey(m_req.kind));
        m_out.parameters = m_p;
        for (const ParameterInfo &info : scenarioParameters(m_req.kind)) // as used: defaults too
            if (!m_out.parameters.contains(info.name) && !info.defaultValue.toString().isEmpty())
                m_out.parameters.insert(info.name, info.defaultValue);
        Store::Transaction tx(m_store);
        switch (m_req.kind) {
        case ScenarioKind::Forecast:
            forecastScenario();
            break;
        case ScenarioKind::Event:
            eventScenario();
            break;
        case ScenarioKind::Patrol:
            patrolScenario();
            break;
        case ScenarioKind::Cameras:
            cameraScenario();
            break;
        case ScenarioKind::Impact:
            impactScenario();
            break;
        }
        analytics::throwIfCanceled(m_fb);
        record();
        tx.commit();
        progress(100, vigie::core::ScenarioRunner::tr("Done"));
        return m_out;
    }

private:
    void progress(double pct, const QString &step)
    {
        analytics::throwIfCanceled(m_fb);
        if (m_fb)
            m_fb->setProgress(pct, step.toStdString());
    }

    void line(const QString &text) { m_lines << text; }
    QString source() const { return QStringLiteral("scenario:%1").arg(m_out.id); }
    QString layerId(const char *suffix) const
    {
        return suffix && *suffix ? QStringLiteral("%1_%2").arg(m_out.id, QLatin1String(suffix))
                                 : m_out.id;
    }

    void addLayer(const LayerManifest &m)
    {
        auto added = m_store.addLayer(m, source());
        if (!added)
            throw Exception(added.error().code, added.error().message);
        m_out.layers << m.id;
        if (m_out.resultLayer.isEmpty())
            m_out.resultLayer = m.id;
    }

    void addRaster(const LayerManifest &m, const Raster &r)
    {
        addLayer(m);
        m_store.writeRaster(m.id, r);
    }

    /// The incidents (selection) with the default period [from, to] filled in when unset.
    Selection selectIncidents(AnalysisSelection sel, std::int64_t defaultFrom,
                              std::int64_t defaultTo)
    {
        if (sel.from == LayerSnapshot::kNoTime)
            sel.from = defaultFrom;
        if (sel.to == LayerSnapshot::kNoTime)
            sel.to = defaultTo;
        Selection s = select(m_store, sel, m_fb);
        m_out.inputCount = s.x.size();
        m_selection = sel;
        return s;
    }

    /// Time range of the incident layer (seconds UTC).
    std::pair<std::int64_t, std::int64_t> dataRange(const QString &layer)
    {
        auto snap = m_store.loadSnapshot(layer, m_fb);
        if (!snap)
            throw Exception(snap.error().code, snap.error().message);
        if ((*snap)->minTime == LayerSnapshot::kNoTime)
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::ScenarioRunner::tr(
                                "The layer \"%1\" has no dates: scenarios need dated incidents.")
                                .arg(layer));
        return {(*snap)->minTime, (*snap)->maxTime};
    }

    static std::int64_t nextMidnight(std::int64_t secs)
    {
        const QDateTime local = QDateTime::fromSecsSinceEpoch(secs, cityZone());
        return QDateTime(local.date().addDays(1), QTime(0, 0), cityZone()).toSecsSinceEpoch();
    }

    GridSpec gridOver(const Selection &s, double cellSize) const
    {
        const GridSpec g = GridSpec::covering(s.bounds.left(), s.bounds.top(), s.bounds.right(),
                                              s.bounds.bottom(), cellSize);
        if (g.cellCount() > 20'000'000)
            invalidParameter(QStringLiteral("cellSize"),
                             vigie::core::ScenarioRunner::tr(
                                 "too small for this area (more than 20 million cells)"));
        return g;
    }

    std::vector<std::uint8_t> windowMask(const Selection &s, const GridSpec &g) const
    {
        if (s.window.empty())
            return std::vector<std::uint8_t>(g.cellCount(), 1);
        return rasterizeMask(s.window, g);
    }

    // --- forecast -----------------------------------------------------------------------------

    struct ForecastSetup
    {
        analytics::ForecastModel model = analytics::ForecastModel::Sepp;
        analytics::ForecastParams params;
        const PeriodName *period = nullptr;
    };

    ForecastSetup forecastSetup(const QString &defaultModel)
    {
        ForecastSetup f;
        const QString modelName = paramText(m_p, "model", defaultModel);
        const auto model = analytics::parseForecastModel(modelName.toStdString());
        if (!model)
            invalidParameter(QStringLiteral("model"),
                             vigie::core::ScenarioRunner::tr(
                                 "\"%1\" is not sepp, prospective-kde or last-period")
                                 .arg(modelName));
        f.model = *model;
        f.period = &periodParam(m_p);
        f.params.horizonDays = analytics::periodDays(f.period->period);
        f.params.trainingDays = rangeParam(m_p, "trainingDays", 365, 7, 3650);
        f.params.kde.bandwidth = positive(m_p, "bandwidth", 200, 5000);
        f.params.kde.halfLifeDays = positive(m_p, "halfLifeDays", 14, 3650);
        f.params.kde.kernel = analytics::Kernel::Gaussian;
        // Near repeats in the city reach a few hundred metres and a few weeks (fitted sigma is
        // about 100 m, 1/omega about 5 days): pairs beyond 600 m or 30 days only cost time.
        f.params.sepp.maxTriggerDistance = rangeParam(m_p, "triggerDistance", 600, 100, 5000);
        f.params.sepp.maxTriggerDays = rangeParam(m_p, "triggerDays", 30, 2, 365);
        return f;
    }

    static QString modelTitle(analytics::ForecastModel m)
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

    static Bilingual modelTitles(analytics::ForecastModel m)
    {
        switch (m) {
        case analytics::ForecastModel::Sepp:
            return {QStringLiteral("processus auto-excitant"),
                    QStringLiteral("self-exciting process")};
        case analytics::ForecastModel::ProspectiveKde:
            return {QStringLiteral("KDE prospective"), QStringLiteral("prospective KDE")};
        case analytics::ForecastModel::LastPeriod:
            return {QStringLiteral("période précédente"), QStringLiteral("last period")};
        }
        return {};
    }

    /// Writes a forecast raster (NaN outside the study area) and the priority cells layer.
    void writeForecastLayers(const Raster &expected, const std::vector<std::uint8_t> &mask,
                             const Bilingual &title)
    {
        const Raster r = outsideAsNoData(expected, mask);
        LayerManifest m = resultManifest(layerId(nullptr), GeometryType::Raster, title);
        m.description = {
            QStringLiteral("Incidents attendus par maille de %1 m").arg(r.grid.cellSize),
            QStringLiteral("Expected incidents per %1 m cell").arg(r.grid.cellSize)};
        m.symbology.ramp = riskRamp(r);
        m.symbology.zOrder = 25;
        addRaster(m, r);

        // Priority cells: the riskiest 1, 2 and 5 % of the study area, as polygons for briefings.
        std::vector<std::size_t> cells;
        for (std::size_t i = 0; i < r.values.size(); ++i)
            if (mask[i] && std::isfinite(r.values[i]))
                cells.push_back(i);
        std::stable_sort(cells.begin(), cells.end(),
                         [&](std::size_t a, std::size_t b) { return r.values[a] > r.values[b]; });
        const std::size_t n1 =
            std::max<std::size_t>(1, std::size_t(std::lround(0.01 * double(cells.size()))));
        const std::size_t n2 =
            std::max<std::size_t>(1, std::size_t(std::lround(0.02 * double(cells.size()))));
        const std::size_t n5 =
            std::max<std::size_t>(1, std::size_t(std::lround(0.05 * double(cells.size()))));
        LayerManifest pm = resultManifest(layerId("priorites"), GeometryType::Polygon,
                                          {title.fr + QStringLiteral(" — mailles prioritaires"),
                                           title.en + QStringLiteral(" — priority cells")});
        pm.fields = {
            field("rang", FieldType::Integer, {QStringLiteral("Rang"), QStringLiteral("Rank")}),
            field("attendus", FieldType::Real,
                  {QStringLiteral("Incidents attendus"), QStringLiteral("Expected incidents")}),
            field("classe", FieldType::String,
                  {QStringLiteral("Classe"), QStringLiteral("Class")})};
        pm.categoryField = QStringLiteral("classe");
        pm.categories = {
            category("top1",
                     {QStringLiteral("1 % le plus à risque"), QStringLiteral("Riskiest 1 %")},
                     "#bd002660"),
            category("top2", {QStringLiteral("1 à 2 %"), QStringLiteral("1 to 2 %")}, "#f03b2040"),
            category("top5", {QStringLiteral("2 à 5 %"), QStringLiteral("2 to 5 %")}, "#fd8d3c30")};
        pm.symbology.stroke = QStringLiteral("#7a0019");
        pm.symbology.strokeWidth = 0.25;
        pm.symbology.zOrder = 30;
        addLayer(pm);
        Store::Inserter ins(m_store, pm.id);
        double sum1 = 0, sum5 = 0, total = 0;
        for (std::size_t k = 0; k < cells.size(); ++k) {
            total += r.values[cells[k]];
            if (k < n1)
                sum1 += r.values[cells[k]];
            if (k < n5)
                sum5 += r.values[cells[k]];
            if (k >= n5)
                continue;
            FeatureRecord rec;
            rec.wkb = multiPolygonWkb({cellPolygon(r.grid, cells[k])});
            rec.source = source();
            rec.values << qlonglong(k + 1) << r.values[cells[k]]
                       << QString(k < n1   ? QStringLiteral("top1")
                                  : k < n2 ? QStringLiteral("top2")
                                           : QStringLiteral("top5"));
            ins.add(rec);
        }
        m_out.summary.insert(QStringLiteral("expectedTotal"), total);
        m_out.summary.insert(QStringLiteral("shareTop1"), total > 0 ? sum1 / total : 0.0);
        m_out.summary.insert(QStringLiteral("shareTop5"), total > 0 ? sum5 / total : 0.0);
        m_out.summary.insert(QStringLiteral("cells"), qlonglong(cells.size()));
        line(vigie::core::ScenarioRunner::tr(
                 "Expected incidents in the study area: %1 (%2 cells of %3 m)")
                 .arg(argText(fmt(total)), argText(cells.size()), argText(r.grid.cellSize)));
        line(vigie::core::ScenarioRunner::tr("The riskiest 1 % of the area holds %1 of the "
                                             "expected incidents, the riskiest 5 % %2")
                 .arg(pct(total > 0 ? sum1 / total : 0), pct(total > 0 ? sum5 / total : 0)));
    }

    void forecastScenario()
    {
        ForecastSetup f = forecastSetup(QStringLiteral("sepp"));
        const double cs = positive(m_p, "cellSize", 250, 2000);
        const auto [dataMin, dataMax] = dataRange(m_req.selection.layer);
        const std::int64_t origin = dateParam(m_p, "origin").value_or(nextMidnight(dataMax));
        const std::int64_t from = origin - std::int64_t(f.params.trainingDays * 86400.0);
        Selection s = selectIncidents(m_req.selection, std::max(dataMin, from), origin - 1);
        const GridSpec g = gridOver(s, cs);
        const std::vector<std::uint8_t> mask = windowMask(s, g);
        f.params.grid = g;
        f.params.originDay = double(origin - s.t0) / 86400.0;
        progress(10, vigie::core::ScenarioRunner::tr("Fitting the %1").arg(modelTitle(f.model)));
        analytics::Feedback *subPtr = nullptr;
        analytics::Feedback sub([this, &subPtr](double pct, const std::string &step) {
            if (!m_fb)
                return;
            m_fb->setProgress(10 + 0.8 * pct, step);
            if (m_fb->isCanceled() && subPtr)
                subPtr->cancel();
        });
        subPtr = &sub;
        analytics::throwIfCanceled(m_fb);
        analytics::ForecastResult r = analytics::forecast(s.points(), f.model, f.params, &sub);
        progress(92, vigie::core::ScenarioRunner::tr("Writing the risk map"));
        const Bilingual mt = modelTitles(f.model);
        const QString start = localTime(origin, QStringLiteral("dd/MM/yyyy HH:mm"));
        const QString startText = dayText(origin, true);
        writeForecastLayers(r.expected, mask,
                            {QStringLiteral("Prévision — %1, %2 dès le %3")
                                 .arg(mt.fr, QString::fromUtf8(f.period->fr), start),
                             QStringLiteral("Forecast — %1, %2 from %3")
                                 .arg(mt.en, QLatin1String(f.period->en), start)});
        m_lines.prepend(vigie::core::ScenarioRunner::tr(
                            "Model: %1; period: %2 from %3; trained on %n incident(s)", nullptr,
                            int(r.trainingEvents))
                            .arg(modelTitle(f.model),
                                 vigie::core::ScenarioRunner::tr(f.period->report), startText));
        m_out.summary.insert(QStringLiteral("model"),
                             QString::fromStdString(analytics::forecastModelName(f.model)));
        m_out.summary.insert(QStringLiteral("period"), QLatin1String(f.period->key));
        m_out.summary.insert(
            QStringLiteral("origin"),
            QDateTime::fromSecsSinceEpoch(origin, QTimeZone::utc()).toString(Qt::ISODate));
        m_out.summary.insert(QStringLiteral("trainingEvents"), qlonglong(r.trainingEvents));
        if (r.sepp) {
            const analytics::SeppModel &sm = *r.sepp;
            m_out.summary.insert(QStringLiteral("theta"), sm.theta);
            m_out.summary.insert(QStringLiteral("omega"), sm.omega);
            m_out.summary.insert(QStringLiteral("sigma"), sm.sigma);
            m_out.summary.insert(QStringLiteral("mu"), sm.mu);
            line(vigie::core::ScenarioRunner::tr(
                     "SEPP: background %1 incidents/day; each incident triggers %2 more on average "
                     "(branching ratio), after %3 days on average, within about %4 m")
                     .arg(fmt(sm.mu), fmt(sm.theta, 3), fmt(1.0 / sm.omega, 1), fmt(sm.sigma, 0)));
            if (!sm.converged)
                line(vigie::core::ScenarioRunner::tr(
                         "Note: the EM stopped after %1 iterations without converging.")
                         .arg(sm.iterations));
        }
        m_out.parameters.insert(
            QStringLiteral("origin"),
            QDateTime::fromSecsSinceEpoch(origin, QTimeZone::utc()).toString(Qt::ISODate));
        m_out.parameters.insert(QStringLiteral("cellSize"), cs);
    }

    // --- event ---------------------------------------------------------------------------------

    struct EventRow
    {
        double x, y;
        std::int64_t start, end;
        QString kind, venue, name;
        double attendance;
    };

    std::vector<EventRow> loadEvents()
    {
        if (!m_store.hasLayer(QStringLiteral("events")))
            throw Exception(
                ErrorCode::InvalidInput,
                vigie::core::ScenarioRunner::tr("The workspace has no events layer: the event "
                                                "scenario learns from past events."));
        auto snap = m_store.loadSnapshot(QStringLiteral("events"), m_fb);
        if (!snap)
            throw Exception(snap.error().code, snap.error().message);
        const LayerSnapshot &s = **snap;
        std::map<std::int64_t, std::tuple<QString, QString, double>> extra;
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_store.handle(), "SELECT fid, venue, name, attendance FROM events",
                               -1, &st, nullptr) == SQLITE_OK)
            while (sqlite3_step(st) == SQLITE_ROW) {
                auto text = [&](int i) {
                    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, i));
                    return t ? QString::fromUtf8(t) : QString();
                };
                extra[sqlite3_column_int64(st, 0)] = {text(1), text(2),
                                                      sqlite3_column_double(st, 3)};
            }
        sqlite3_finalize(st);
        std::vector<EventRow> out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s.time.empty() || s.time[i] == LayerSnapshot::kNoTime)
                continue;
            EventRow e;
            e.x = s.x[i];
            e.y = s.y[i];
            e.start = s.time[i];
            e.end = !s.endTime.empty() && s.endTime[i] != LayerSnapshot::kNoTime
                        ? s.endTime[i]
                        : e.start + 3 * 3600;
            const int c = s.category.empty() ? -1 : s.category[i];
            e.kind = c >= 0 ? s.manifest.categories[std::size_t(c)].value : QString();
            const auto it = extra.find(s.fids[i]);
            if (it != extra.end())
                std::tie(e.venue, e.name, e.attendance) = it->second;
            else
                e.attendance = 0;
            out.push_back(e);
        }
        return out;
    }

    void eventScenario()
    {
        const std::vector<EventRow> events = loadEvents();
        // The venue: a name from the events layer, or coordinates.
        double vx = param(m_p, "x", kNaN), vy = param(m_p, "y", kNaN);
        QString venueName = m_p.value(QStringLiteral("venue")).toString().trimmed();
        if (!venueName.isEmpty()) {
            double sx = 0, sy = 0;
            int n = 0;
            for (const EventRow &e : events)
                if (e.venue.compare(venueName, Qt::CaseInsensitive) == 0 ||
                    e.name.compare(venueName, Qt::CaseInsensitive) == 0) {
                    sx += e.x;
                    sy += e.y;
                    ++n;
                }
            if (n == 0) {
                QStringList venues;
                for (const EventRow &e : events)
                    if (!e.venue.isEmpty() && !venues.contains(e.venue))
                        venues << e.venue;
                venues.sort();
                invalidParameter(QStringLiteral("venue"),
                                 vigie::core::ScenarioRunner::tr(
                                     "no event at \"%1\" in the events layer (venues: %2)")
                                     .arg(venueName, venues.mid(0, 12).join(QStringLiteral(", "))));
            }
            vx = sx / n;
            vy = sy / n;
        } else if (!std::isfinite(vx) || !std::isfinite(vy)) {
            invalidParameter(
                QStringLiteral("venue"),
                vigie::core::ScenarioRunner::tr("give a venue of the events layer, or x and y"));
        } else {
            venueName = vigie::core::ScenarioRunner::tr("%1, %2 (Lambert-93)")
                            .arg(QString::number(vx, 'f', 0), QString::number(vy, 'f', 0));
        }
        const auto start = dateParam(m_p, "start");
        if (!start)
            invalidParameter(QStringLiteral("start"),
                             vigie::core::ScenarioRunner::tr(
                                 "give the date and time of the event (2026-03-14T21:00)"));
        const double duration = rangeParam(m_p, "durationHours", 3, 0.5, 72);
        const int before = intParam(m_p, "hoursBefore", 2, 0, 12);
        const int after = intParam(m_p, "hoursAfter", 2, 0, 12);
        const QString type = paramText(m_p, "type", QString());
        const double attendance = rangeParam(m_p, "attendance", 0, 0, 1e7);
        const double radius = rangeParam(m_p, "radius", 500, 50, 5000);
        const double riskRadius = rangeParam(m_p, "riskRadius", 1500, 100, 10000);
        const double cs = positive(m_p, "cellSize", 50, 500);

        // Incidents before the event, near enough to matter (the risk map's disc).
        AnalysisSelection sel = m_req.selection;
        sel.areas.clear();
        sel.areaLayer.clear();
        const auto [dataMin, dataMax] = dataRange(sel.layer);
        Selection s = selectIncidents(sel, dataMin, std::min(dataMax, *start - 1));
        const double reach = std::max(riskRadius, radius) + 3 * 200.0;
        std::vector<double> nx, ny, nt;
        for (std::size_t i = 0; i < s.x.size(); ++i)
            if (std::hypot(s.x[i] - vx, s.y[i] - vy) <= reach) {
                nx.push_back(s.x[i]);
                ny.push_back(s.y[i]);
                nt.push_back(s.t[i]);
            }
        // Zones for the staffing by sector: the quartiers around the venue.
        std::vector<int> zone(nx.size(), -1);
        std::vector<QString> zoneNames;
        std::vector<const Geometry *> zoneShapes;
        LayerSnapshotPtr quartiers;
        if (m_store.hasLayer(QStringLiteral("quartiers"))) {
            auto q = m_store.loadSnapshot(QStringLiteral("quartiers"), m_fb);
            if (q)
                quartiers = *q;
        }
        if (quartiers) {
            std::map<std::size_t, int> zoneOf;
            for (std::size_t i = 0; i < nx.size(); ++i) {
                if (std::hypot(nx[i] - vx, ny[i] - vy) > radius)
                    continue;
                for (std::size_t k = 0; k < quartiers->size(); ++k) {
                    const Geometry &g = quartiers->geometries[k];
                    if (!g.bounds.contains(QPointF(nx[i], ny[i])) ||
                        !contains(g, QPointF(nx[i], ny[i])))
                        continue;
                    auto [it, added] = zoneOf.emplace(k, int(zoneNames.size()));
                    if (added) {
                        zoneNames.push_back(k < quartiers->labels.size() ? quartiers->labels[k]
                                                                         : QString::number(k));
                        zoneShapes.push_back(&g);
                    }
                    zone[i] = it->second;
                    break;
                }
            }
        }

        std::vector<analytics::PastEvent> past;
        std::vector<const EventRow *> pastRows;
        for (const EventRow &e : events) {
            if (e.start >= *start)
                continue;
            analytics::PastEvent p;
            p.x = e.x;
            p.y = e.y;
            p.start = double(e.start - s.t0) / 86400.0;
            p.end = double(e.end - s.t0) / 86400.0;
            p.type = e.kind.toStdString();
            p.attendance = e.attendance;
            past.push_back(p);
            pastRows.push_back(&e);
        }
        analytics::EventScenarioParams ep;
        ep.radiusM = radius;
        ep.hourFrom = -before;
        ep.hourTo = int(std::ceil(duration)) + after;
        ep.type = type.toStdString();
        ep.venueX = vx;
        ep.venueY = vy;
        ep.targetAttendance = attendance;
        ep.bootstrapReplicates = intParam(m_p, "replicates", 999, 0, 99999);
        ep.confidence = rangeParam(m_p, "confidence", 0.9, 0.5, 0.999);
        ep.seed = std::uint64_t(intParam(m_p, "seed", 1, 0, 2000000000));
        ep.unitsPerIncident = rangeParam(m_p, "unitsPerIncident", 1, 0.01, 100);
        ep.incidentZone = zone;
        ep.zoneCount = int(zoneNames.size());
        progress(20, vigie::core::ScenarioRunner::tr("Comparing past events with ordinary days"));
        const analytics::PointSet pts{nx, ny, {}, nt};
        analytics::EventScenarioResult r = analytics::estimateEventScenario(pts, past, ep, m_fb);

        // Risk map: density during the past events minus that on their control days, per event.
        progress(60, vigie::core::ScenarioRunner::tr("Mapping the extra risk around the venue"));
        const GridSpec g = GridSpec::covering(vx - riskRadius, vy - riskRadius, vx + riskRadius,
                                              vy + riskRadius, cs);
        std::vector<double> ex, ey, cx, cy;
        std::size_t controlWindows = 0;
        for (std::size_t k : r.eventsUsed) {
            const analytics::PastEvent &e = past[k];
            const double a = e.start + ep.hourFrom / 24.0, b = e.start + ep.hourTo / 24.0;
            for (std::size_t i = 0; i < nx.size(); ++i)
                if (nt[i] >= a && nt[i] < b) {
                    ex.push_back(nx[i]);
                    ey.push_back(ny[i]);
                }
            for (int w = 1; w <= 4; ++w)
                for (int sign : {-1, 1}) {
                    const double shift = sign * 7.0 * w;
                    if (a + shift < 0 || b + shift > double(s.to - s.t0) / 86400.0)
                        continue;
                    ++controlWindows;
                    for (std::size_t i = 0; i < nx.size(); ++i)
                        if (nt[i] >= a + shift && nt[i] < b + shift) {
                            cx.push_back(nx[i]);
                            cy.push_back(ny[i]);
                        }
                }
        }
        analytics::KdeParams kp;
        kp.kernel = analytics::Kernel::Quartic;
        kp.bandwidth = rangeParam(m_p, "bandwidth", 250, 20, 5000);
        Raster risk{g, std::vector<double>(g.cellCount(), 0.0)};
        if (!ex.empty()) {
            const auto de = analytics::kernelDensity({ex, ey, {}, {}}, g, kp, m_fb).density;
            const double ne = double(r.eventsUsed.size());
            for (std::size_t i = 0; i < risk.values.size(); ++i)
                risk.values[i] = de.values[i] / ne; // per km² per event
            if (!cx.empty() && controlWindows > 0) {
                const auto dc = analytics::kernelDensity({cx, cy, {}, {}}, g, kp, m_fb).density;
                for (std::size_t i = 0; i < risk.values.size(); ++i)
                    risk.values[i] -= dc.values[i] / double(controlWindows);
            }
        }
        // Scaled so that it sums to the expected extra incidents (attendance and hours included).
        std::vector<std::uint8_t> disc(g.cellCount(), 0);
        double mass = 0;
        for (std::size_t i = 0; i < risk.values.size(); ++i) {
            const int col = int(i % std::size_t(g.cols)), row = int(i / std::size_t(g.cols));
            disc[i] = std::hypot(g.centreX(col) - vx, g.centreY(row) - vy) <= riskRadius;
            if (disc[i] && risk.values[i] > 0)
                mass += risk.values[i] * g.cellArea() / 1e6;
        }
        const double scale = mass > 0 && r.totalExtra > 0 ? r.totalExtra / mass : 0.0;
        for (std::size_t i = 0; i < risk.values.size(); ++i)
            risk.values[i] =
                disc[i] && risk.values[i] * scale > 0 ? risk.values[i] * scale : Raster::noData();
        const QString when = localTime(*start, QStringLiteral("dd/MM/yyyy HH:mm"));
        const QString whenText = dayText(*start, true);
        LayerManifest rm = resultManifest(
            layerId(nullptr), GeometryType::Raster,
            {QStringLiteral("Événement — risque supplémentaire, %1, %2").arg(venueName, when),
             QStringLiteral("Event — extra risk, %1, %2").arg(venueName, when)});
        rm.description = {
            QStringLiteral("Incidents supplémentaires attendus par km² pendant l'événement"),
            QStringLiteral("Extra incidents expected per km² during the event")};
        rm.symbology.ramp = riskRamp(risk);
        rm.symbology.zOrder = 25;
        addRaster(rm, risk);

        // What the cameras see of the venue's surroundings.
        progress(75, vigie::core::ScenarioRunner::tr("Checking the cameras around the venue"));
        const CameraSet cams = loadCameras(m_store, *start, m_fb);
        const GridSpec vg = GridSpec::covering(vx - radius, vy - radius, vx + radius, vy + radius,
                                               std::min(cs, 25.0));
        const analytics::VenueView view = analytics::venueView(vg, cams.cameras, vx, vy, radius);
        LayerManifest cm = resultManifest(layerId("couverture"), GeometryType::Polygon,
                                          {QStringLiteral("Événement — vidéoprotection du site"),
                                           QStringLiteral("Event — CCTV view of the site")});
        cm.fields = {
            field("vue", FieldType::String, {QStringLiteral("Vue"), QStringLiteral("View")})};
        cm.categoryField = QStringLiteral("vue");
        // Blues and greys: they must read over the risk map's yellow-to-red ramp.
        cm.categories = {
            category("vue",
                     {QStringLiteral("Vu par une caméra"), QStringLiteral("Seen by a camera")},
                     "#1b9e7780"),
            category("angle_mort", {QStringLiteral("Angle mort"), QStringLiteral("Blind spot")},
                     "#3f3f9f50")};
        cm.symbology.stroke = QStringLiteral("#00000000");
        cm.symbology.zOrder = 28;
        addLayer(cm);
        {
            // Merge cells row by row into runs to keep the layer light.
            Store::Inserter ins(m_store, cm.id);
            std::vector<PolygonRings> seen, gaps;
            for (int row = 0; row < vg.rows; ++row)
                for (int col = 0; col < vg.cols;) {
                    const std::size_t i = vg.index(col, row);
                    const bool in =
                        std::hypot(vg.centreX(col) - vx, vg.centreY(row) - vy) <= radius;
                    if (!in) {
                        ++col;
                        continue;
                    }
                    const bool gap = view.gaps[i] != 0;
                    int end = col + 1;
                    while (end < vg.cols &&
                           std::hypot(vg.centreX(end) - vx, vg.centreY(row) - vy) <= radius &&
                           (view.gaps[vg.index(end, row)] != 0) == gap)
                        ++end;
                    const double x0 = vg.xMin + col * vg.cellSize, x1 = vg.xMin + end * vg.cellSize;
                    const double y1 = vg.yMax() - row * vg.cellSize, y0 = y1 - vg.cellSize;
                    (gap ? gaps : seen)
                        .push_back({Path{QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1),
                                         QPointF(x0, y1), QPointF(x0, y0)}});
                    col = end;
                }
            for (const auto &[parts, key] : {std::pair{&seen, QStringLiteral("vue")},
                                             std::pair{&gaps, QStringLiteral("angle_mort")}}) {
                if (parts->empty())
                    continue;
                FeatureRecord rec;
                rec.wkb = multiPolygonWkb(*parts);
                rec.source = source();
                rec.values << key;
                ins.add(rec);
            }
        }
        LayerManifest cams2 = cameraManifest(
            layerId("cameras"), {QStringLiteral("Événement — caméras qui voient le site"),
                                 QStringLiteral("Event — cameras seeing the site")});
        cams2.categories = {
            category("voit_site", {QStringLiteral("Voit le site"), QStringLiteral("Sees the site")},
                     "#2f6fd1")};
        addLayer(cams2);
        {
            Store::Inserter ins(m_store, cams2.id);
            for (std::size_t k : view.cameras)
                ins.add(cameraRecord(cams.cameras[k], cams.ids[int(k)], QStringLiteral("voit_site"),
                                     source()));
        }

        // Sectors: the quartiers around the venue with their reinforcement at the peak hour.
        if (!zoneNames.empty()) {
            LayerManifest zm = resultManifest(layerId("secteurs"), GeometryType::Polygon,
                                              {QStringLiteral("Événement — renforts par secteur"),
                                               QStringLiteral("Event — reinforcement by sector")});
            zm.fields = {field("secteur", FieldType::String,
                               {QStringLiteral("Secteur"), QStringLiteral("Sector")}),
                         field("supplementaires", FieldType::Real,
                               {QStringLiteral("Incidents supplémentaires"),
                                QStringLiteral("Extra incidents")}),
                         field("pic_unites", FieldType::Integer,
                               {QStringLiteral("Unités à l'heure de pointe"),
                                QStringLiteral("Units at the peak hour")}),
                         field("classe", FieldType::String,
                               {QStringLiteral("Renfort"), QStringLiteral("Reinforcement")})};
            zm.categoryField = QStringLiteral("classe");
            zm.labelField = QStringLiteral("secteur");
            zm.categories = {
                category("r0",
                         {QStringLiteral("Pas de renfort"), QStringLiteral("No reinforcement")},
                         "#00000000"),
                category("r1", {QStringLiteral("1 unité"), QStringLiteral("1 unit")}, "#fdd49e50"),
                category("r2", {QStringLiteral("2 unités"), QStringLiteral("2 units")},
                         "#fc8d5970"),
                category("r3",
                         {QStringLiteral("3 unités ou plus"), QStringLiteral("3 units or more")},
                         "#d7301f90")};
            zm.symbology.stroke = QStringLiteral("#7f2704");
            zm.symbology.strokeWidth = 0.35;
            zm.symbology.labelSize = 7;
            zm.symbology.zOrder = 20;
            addLayer(zm);
            Store::Inserter ins(m_store, zm.id);
            for (std::size_t z = 0; z < zoneNames.size(); ++z) {
                double total = 0;
                int peak = 0;
                for (const auto &h : r.zoneHours[z]) {
                    total += h.extra;
                    peak = std::max(peak, h.unitsHigh);
                }
                FeatureRecord rec;
                rec.wkb = multiPolygonWkb(zoneShapes[z]->polygons);
                rec.source = source();
                rec.values << zoneNames[z] << total << peak
                           << QStringLiteral("r%1").arg(std::min(peak, 3));
                ins.add(rec);
            }
        }

        // The report: by hour, then by sector.
        const double perCent = 100.0 * ep.confidence;
        line(vigie::core::ScenarioRunner::tr("Venue: %1; %2; attendance %3; type: %4")
                 .arg(venueName, whenText,
                      attendance > 0 ? QLocale().toString(qlonglong(attendance))
                                     : vigie::core::ScenarioRunner::tr("as in past events"),
                      type.isEmpty() ? vigie::core::ScenarioRunner::tr("any") : type));
        line(vigie::core::ScenarioRunner::tr("Learnt from %n past event(s) at this venue", nullptr,
                                             int(r.eventsUsed.size())) +
             vigie::core::ScenarioRunner::tr(" (%1 matched ordinary days); incidents within %2 m")
                 .arg(argText(
                          std::accumulate(r.controlsPerEvent.begin(), r.controlsPerEvent.end(), 0)),
                      argText(radius)));
        line(
            vigie::core::ScenarioRunner::tr("Extra incidents expected: %1 (%2 % interval %3 to %4)")
                .arg(argText(fmt(r.totalExtra)), argText(perCent, 0, 'f', 0), fmt(r.totalLow),
                     fmt(r.totalHigh)));
        line(QString());
        line(vigie::core::ScenarioRunner::tr("Hour   Extra   Interval        Units (prudent)"));
        QVariantList hours;
        for (const auto &h : r.hours) {
            const QString clock =
                localTime(*start + std::int64_t(h.hour) * 3600, QStringLiteral("HH:mm"));
            line(QStringLiteral("%1  %2   %3 – %4   %5 (%6)")
                     .arg(clock, fmt(h.extra, 2).rightJustified(6), fmt(h.low, 2).rightJustified(6),
                          fmt(h.high, 2).leftJustified(6), argText(h.units), argText(h.unitsHigh)));
            hours << QVariantMap{
                {QStringLiteral("hour"), h.hour},          {QStringLiteral("clock"), clock},
                {QStringLiteral("extra"), h.extra},        {QStringLiteral("low"), h.low},
                {QStringLiteral("high"), h.high},          {QStringLiteral("units"), h.units},
                {QStringLiteral("unitsHigh"), h.unitsHigh}};
        }
        QVariantList sectors;
        if (!zoneNames.empty()) {
            line(QString());
            line(vigie::core::ScenarioRunner::tr(
                     "Staffing by sector (prudent units per hour, from %1):")
                     .arg(localTime(*start + std::int64_t(ep.hourFrom) * 3600,
                                    QStringLiteral("HH:mm"))));
            for (std::size_t z = 0; z < zoneNames.size(); ++z) {
                QStringList units;
                QVariantList unitList;
                double total = 0;
                for (const auto &h : r.zoneHours[z]) {
                    units << QString::number(h.unitsHigh);
                    unitList << h.unitsHigh;
                    total += h.extra;
                }
                line(QStringLiteral("  %1: %2  (%3)")
                         .arg(zoneNames[z].leftJustified(24), units.join(u' '),
                              vigie::core::ScenarioRunner::tr("%1 extra").arg(fmt(total, 2))));
                sectors << QVariantMap{{QStringLiteral("sector"), zoneNames[z]},
                                       {QStringLiteral("extra"), total},
                                       {QStringLiteral("units"), unitList}};
            }
        }
        line(QString());
        line(vigie::core::ScenarioRunner::tr("Cameras seeing the site (%1 m around the venue): %2; "
                                             "covered share %3; blind spots: %4 cells of %5 m")
                 .arg(argText(radius), argText(view.cameras.size()),
                      argText(pct(view.coveredShare)), argText(view.discCells - view.coveredCells),
                      argText(vg.cellSize)));
        m_out.summary.insert(QStringLiteral("venueX"), vx);
        m_out.summary.insert(QStringLiteral("venueY"), vy);
        m_out.summary.insert(QStringLiteral("eventsUsed"), qlonglong(r.eventsUsed.size()));
        m_out.summary.insert(QStringLiteral("totalExtra"), r.totalExtra);
        m_out.summary.insert(QStringLiteral("totalLow"), r.totalLow);
        m_out.summary.insert(QStringLiteral("totalHigh"), r.totalHigh);
        m_out.summary.insert(QStringLiteral("hours"), hours);
        m_out.summary.insert(QStringLiteral("sectors"), sectors);
        m_out.summary.insert(QStringLiteral("camerasSeeing"), qlonglong(view.cameras.size()));
        m_out.summary.insert(QStringLiteral("coveredShare"), view.coveredShare);
        m_out.summary.insert(QStringLiteral("blindCells"),
                             qlonglong(view.discCells - view.coveredCells));
        m_out.parameters.insert(QStringLiteral("x"), vx);
        m_out.parameters.insert(QStringLiteral("y"), vy);
    }

    // --- patrol --------------------------------------------------------------------------------

    static std::vector<std::pair<double, double>> parsePositions(const QString &text,
                                                                 const char *name)
    {
        std::vector<std::pair<double, double>> out;
        for (const QString &pair : text.split(u';', Qt::SkipEmptyParts)) {
            const QStringList xy = pair.split(u',');
            bool okX = false, okY = false;
            const double x = xy.value(0).trimmed().toDouble(&okX);
            const double y = xy.value(1).trimmed().toDouble(&okY);
            if (xy.size() != 2 || !okX || !okY)
                invalidParameter(
                    QLatin1String(name),
                    vigie::core::ScenarioRunner::tr("\"%1\" is not \"x,y\" in metres (Lambert-93)")
                        .arg(pair.trimmed()));
            out.emplace_back(x, y);
        }
        return out;
    }

    /// Unit positions by one strategy.
    std::vector<std::pair<double, double>>
    allocate(const QString &strategy, const char *positionsName, const Raster &risk, int units,
             double radius, const std::vector<std::vector<std::uint8_t>> &sectorMasks)
    {
        std::vector<std::pair<double, double>> out;
        if (strategy == QLatin1String("positions")) {
            out = parsePositions(m_p.value(QLatin1String(positionsName)).toString(), positionsName);
            if (out.empty())
                invalidParameter(
                    QLatin1String(positionsName),
                    vigie::core::ScenarioRunner::tr("give the units' positions as \"x,y;x,y\""));
            return out;
        }
        if (strategy == QLatin1String("optimise")) {
            analytics::AllocationParams ap;
            ap.units = units;
            ap.coverageRadius = radius;
            const analytics::Allocation a = analytics::allocatePatrols(risk, ap, m_fb);
            for (std::size_t i = 0; i < a.x.size(); ++i)
                out.emplace_back(a.x[i], a.y[i]);
            return out;
        }
        if (strategy == QLatin1String("hotspots")) {
            std::vector<std::size_t> cells(risk.values.size());
            std::iota(cells.begin(), cells.end(), 0);
            auto value = [&](std::size_t i) {
                return std::isfinite(risk.values[i]) ? risk.values[i] : -1.0;
            };
            std::stable_sort(cells.begin(), cells.end(),
                             [&](std::size_t a, std::size_t b) { return value(a) > value(b); });
            for (int k = 0; k < units && std::size_t(k) < cells.size(); ++k)
                out.emplace_back(
                    risk.grid.centreX(int(cells[std::size_t(k)] % std::size_t(risk.grid.cols))),
                    risk.grid.centreY(int(cells[std::size_t(k)] / std::size_t(risk.grid.cols))));
            return out;
        }
        // sectors: units shared by sector risk, each sector's units placed within it.
        std::vector<double> sectorRisk(sectorMasks.size(), 0.0);
        for (std::size_t s = 0; s < sectorMasks.size(); ++s)
            for (std::size_t i = 0; i < risk.values.size(); ++i)
                if (sectorMasks[s][i] && std::isfinite(risk.values[i]))
                    sectorRisk[s] += risk.values[i];
        const analytics::SectorAllocation sa = analytics::allocateToSectors(sectorRisk, units, 0.5);
        for (std::size_t s = 0; s < sectorMasks.size(); ++s) {
            if (sa.units[s] <= 0)
                continue;
            Raster part = risk;
            for (std::size_t i = 0; i < part.values.size(); ++i)
                if (!sectorMasks[s][i])
                    part.values[i] = 0.0;
            analytics::AllocationParams ap;
            ap.units = sa.units[s];
            ap.coverageRadius = radius;
            const analytics::Allocation a = analytics::allocatePatrols(part, ap, m_fb);
            for (std::size_t i = 0; i < a.x.size(); ++i)
                out.emplace_back(a.x[i], a.y[i]);
        }
        return out;
    }

    void patrolScenario()
    {
        const int units = intParam(m_p, "units", 6, 1, 500);
        const QString shift = choiceParam(
            m_p, "shift", QStringLiteral("night"),
            {QStringLiteral("morning"), QStringLiteral("afternoon"), QStringLiteral("night")});
        const int startHour = shift == QLatin1String("morning")     ? 6
                              : shift == QLatin1String("afternoon") ? 14
                                                                    : 22;
        const double cs = positive(m_p, "cellSize", 250, 2000);
        const double radius = rangeParam(m_p, "radius", 500, 50, 10000);
        const QString sa =
            choiceParam(m_p, "strategyA", QStringLiteral("optimise"), strategyKeys());
        const QString sb =
            choiceParam(m_p, "strategyB", QStringLiteral("hotspots"), strategyKeys());
        const StrategyName &nameA = strategyNamed(sa), &nameB = strategyNamed(sb);
        const auto [dataMin, dataMax] = dataRange(m_req.selection.layer);
        const std::int64_t day = dateParam(m_p, "date").value_or(nextMidnight(dataMax));
        const QDate date = QDateTime::fromSecsSinceEpoch(day, cityZone()).date();
        const std::int64_t shiftStart =
            QDateTime(date, QTime(startHour, 0), cityZone()).toSecsSinceEpoch();

        // Forecast for the shift: the model trained on the incidents of the same hours of the day.
        ForecastSetup f = forecastSetup(QStringLiteral("prospective-kde"));
        const std::int64_t from = shiftStart - std::int64_t(f.params.trainingDays * 86400.0);
        Selection all = selectIncidents(m_req.selection, std::max(dataMin, from), shiftStart - 1);
        std::vector<double> sx, sy, st;
        for (std::size_t i = 0; i < all.x.size(); ++i) {
            const int h =
                QDateTime::fromSecsSinceEpoch(all.t0 + std::int64_t(all.t[i] * 86400.0), cityZone())
                    .time()
                    .hour();
            const int rel = (h - startHour + 24) % 24;
            if (rel < 8) {
                sx.push_back(all.x[i]);
                sy.push_back(all.y[i]);
                st.push_back(all.t[i]);
            }
        }
        if (sx.size() < 2)
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::ScenarioRunner::tr(
                                "Too few incidents in this shift's hours to forecast its risk."));
        const GridSpec g = gridOver(all, cs);
        const std::vector<std::uint8_t> mask = windowMask(all, g);
        f.params.grid = g;
        f.params.originDay = double(shiftStart - all.t0) / 86400.0;
        f.params.horizonDays = 1.0; // one day's worth of this shift's incidents = the shift
        progress(10, vigie::core::ScenarioRunner::tr("Forecasting the shift's risk"));
        analytics::ForecastResult fr =
            analytics::forecast({sx, sy, {}, st}, f.model, f.params, m_fb);
        Raster risk = fr.expected;
        for (std::size_t i = 0; i < risk.values.size(); ++i)
            if (!mask[i])
                risk.values[i] = 0.0;

        // Sectors: the quartiers (or arrondissements) of the study area.
        std::vector<std::vector<std::uint8_t>> sectorMasks;
        if (sa == QLatin1String("sectors") || sb == QLatin1String("sectors")) {
            const QString layer = m_store.hasLayer(QStringLiteral("quartiers"))
                                      ? QStringLiteral("quartiers")
                                      : QStringLiteral("arrondissements");
            auto q = m_store.loadSnapshot(layer, m_fb);
            if (!q)
                throw Exception(q.error().code, q.error().message);
            for (const Geometry &geom : (*q)->geometries)
                sectorMasks.push_back(rasterizeMask({&geom}, g));
        }
        progress(40, vigie::core::ScenarioRunner::tr("Allocating the units"));
        const auto A = allocate(sa, "positionsA", risk, units, radius, sectorMasks);
        const auto B = allocate(sb, "positionsB", risk, units, radius, sectorMasks);

        // Roads: the traffic layer's segments as a network, when present.
        std::optional<analytics::RoadGraph> graph;
        const bool roads =
            paramBool(m_p, "roads", true) && m_store.hasLayer(QStringLiteral("traffic"));
        if (roads) {
            auto t = m_store.loadSnapshot(QStringLiteral("traffic"), m_fb);
            if (t && (*t)->manifest.geometryType == GeometryType::Line) {
                std::vector<analytics::RoadPolyline> lines;
                for (const Geometry &geom : (*t)->geometries)
                    for (const Path &path : geom.paths) {
                        analytics::RoadPolyline l;
                        for (const QPointF &p : path) {
                            l.x.push_back(p.x());
                            l.y.push_back(p.y());
                        }
                        if (l.x.size() >= 2)
                            lines.push_back(std::move(l));
                    }
                if (!lines.empty())
                    graph = analytics::roadGraphFromPolylines(lines, 5.0);
            }
        }
        analytics::ResponseParams rp;
        rp.incidents = intParam(m_p, "incidents", 10000, 100, 1000000);
        rp.speed = positive(m_p, "speedKmh", 30, 200) / 3.6;
        rp.offNetworkSpeed = rp.speed * 0.6; // local streets, to and from the main roads
        rp.dispatchDelay = rangeParam(m_p, "dispatchSeconds", 60, 0, 3600);
        rp.targetTime = positive(m_p, "targetMinutes", 10, 240) * 60.0;
        rp.seed = std::uint64_t(intParam(m_p, "seed", 1, 0, 2000000000));
        rp.graph = graph ? &*graph : nullptr;
        if (graph)
            for (double &v : graph->speedMps)
                if (v <= 0)
                    v = std::max(rp.speed, 50.0 / 3.6);
        progress(55, vigie::core::ScenarioRunner::tr("Simulating response times"));
        std::vector<double> ax, ay, bx, by;
        for (const auto &[x, y] : A) {
            ax.push_back(x);
            ay.push_back(y);
        }
        for (const auto &[x, y] : B) {
            bx.push_back(x);
            by.push_back(y);
        }
        const analytics::AllocationComparison c =
            analytics::compareAllocations(risk, ax, ay, bx, by, rp, radius, m_fb);

        progress(90, vigie::core::ScenarioRunner::tr("Writing the allocation"));
        const QString when = dayText(QDateTime(date, QTime(12, 0), cityZone()).toSecsSinceEpoch());
        const Bilingual shiftName =
            shift == QLatin1String("morning")
                ? Bilingual{QStringLiteral("matin (6 h–14 h)"), QStringLiteral("morning (6–14)")}
            : shift == QLatin1String("afternoon")
                ? Bilingual{QStringLiteral("après-midi (14 h–22 h)"),
                            QStringLiteral("afternoon (14–22)")}
                : Bilingual{QStringLiteral("nuit (22 h–6 h)"), QStringLiteral("night (22–6)")};
        LayerManifest um = resultManifest(
            layerId(nullptr), GeometryType::Point,
            {QStringLiteral("Patrouilles — %1 unités, %2, %3")
                 .arg(argText(units), date.toString(QStringLiteral("dd/MM/yyyy")), shiftName.fr),
             QStringLiteral("Patrols — %1 units, %2, %3")
                 .arg(argText(units), date.toString(Qt::ISODate), shiftName.en)});
        um.fields = {
            field("unite", FieldType::String, {QStringLiteral("Unité"), QStringLiteral("Unit")}),
            field("allocation", FieldType::String,
                  {QStringLiteral("Allocation"), QStringLiteral("Allocation")}),
            field("risque_couvert", FieldType::Real,
                  {QStringLiteral("Risque couvert (incidents attendus)"),
                   QStringLiteral("Risk covered (expected incidents)")})};
        um.categoryField = QStringLiteral("allocation");
        um.labelField = QStringLiteral("unite");
        um.categories = {
            category("A",
                     {QStringLiteral("Allocation A : %1").arg(QString::fromUtf8(nameA.fr)),
                      QStringLiteral("Allocation A: %1").arg(QLatin1String(nameA.en))},
                     "#1f4e9c"),
            category("B",
                     {QStringLiteral("Allocation B : %1").arg(QString::fromUtf8(nameB.fr)),
                      QStringLiteral("Allocation B: %1").arg(QLatin1String(nameB.en))},
                     "#e8590c")};
        um.symbology.marker = QStringLiteral("diamond");
        um.symbology.size = 3.6;
        um.symbology.stroke = QStringLiteral("#ffffff");
        um.symbology.strokeWidth = 0.35;
        um.symbology.labelSize = 7;
        um.symbology.zOrder = 60;
        addLayer(um);
        {
            Store::Inserter ins(m_store, um.id);
            auto add = [&](const std::vector<std::pair<double, double>> &pos, const QString &key,
                           const analytics::Allocation &cov) {
                for (std::size_t i = 0; i < pos.size(); ++i) {
                    FeatureRecord rec;
                    rec.wkb = pointWkb(pos[i].first, pos[i].second);
                    rec.source = source();
                    rec.values << QStringLiteral("%1%2").arg(key, argText(i + 1)) << key
                               << (i < cov.marginalRisk.size() ? QVariant(cov.marginalRisk[i])
                                                               : QVariant());
                    ins.add(rec);
                }
            };
            add(A, QStringLiteral("A"), c.coverageA);
            add(B, QStringLiteral("B"), c.coverageB);
        }
        // Shown per km² (a shift's expected count per cell is a small number that reads badly).
        Raster shown = risk;
        for (std::size_t i = 0; i < shown.values.size(); ++i)
            shown.values[i] = mask[i] ? shown.values[i] * 1e6 / g.cellArea() : Raster::noData();
        LayerManifest rm =
            resultManifest(layerId("risque"), GeometryType::Raster,
                           {QStringLiteral("Patrouilles — risque prévu, %1, %2")
                                .arg(date.toString(QStringLiteral("dd/MM/yyyy")), shiftName.fr),
                            QStringLiteral("Patrols — forecast risk, %1, %2")
                                .arg(date.toString(Qt::ISODate), shiftName.en)});
        rm.description = {QStringLiteral("Incidents attendus par km² pendant la vacation"),
                          QStringLiteral("Expected incidents per km² during the shift")};
        rm.symbology.ramp = riskRamp(shown);
        rm.symbology.zOrder = 25;
        addRaster(rm, shown);

        const QString target = fmt(rp.targetTime / 60.0, 0);
        line(vigie::core::ScenarioRunner::tr(
                 "Shift: %1 %2; %3 units; forecast: %4 trained on %5 incidents of these hours")
                 .arg(when, shift, argText(units), argText(modelTitle(f.model)),
                      argText(sx.size())));
        line(vigie::core::ScenarioRunner::tr("Travel: %1; %2 simulated incidents; seed %3")
                 .arg(argText(graph ? vigie::core::ScenarioRunner::tr(
                                          "on the road network (%1 nodes) and local streets")
                                          .arg(graph->nodeX.size())
                                    : vigie::core::ScenarioRunner::tr("straight line at %1 km/h")
                                          .arg(fmt(rp.speed * 3.6, 0))),
                      argText(rp.incidents), argText(rp.seed)));
        line(QString());
        line(vigie::core::ScenarioRunner::tr("A: %1; B: %2")
                 .arg(vigie::core::ScenarioRunner::tr(nameA.en),
                      vigie::core::ScenarioRunner::tr(nameB.en)));
        auto row = [&](const QString &label, const QString &a, const QString &b, const QString &d) {
            line(QStringLiteral("%1 %2 | %3 | %4")
                     .arg(label.leftJustified(28), a.rightJustified(9), b.rightJustified(9),
                          d.rightJustified(10)));
        };
        row(QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("B − A"));
        row(vigie::core::ScenarioRunner::tr("Risk covered (%1 m)").arg(radius),
            pct(c.coverageA.coveredShare), pct(c.coverageB.coveredShare),
            vigie::core::ScenarioRunner::tr("%1 pts").arg(fmt(100 * c.coveredShareDifference)));
        row(vigie::core::ScenarioRunner::tr("Mean response (min)"), fmt(c.a.mean / 60.0),
            fmt(c.b.mean / 60.0), fmt(c.meanDifference / 60.0));
        row(vigie::core::ScenarioRunner::tr("Median response (min)"), fmt(c.a.median / 60.0),
            fmt(c.b.median / 60.0), fmt(c.medianDifference / 60.0));
        row(vigie::core::ScenarioRunner::tr("90th percentile (min)"), fmt(c.a.p90 / 60.0),
            fmt(c.b.p90 / 60.0), fmt(c.p90Difference / 60.0));
        row(vigie::core::ScenarioRunner::tr("Within %1 min").arg(target),
            pct(c.a.shareWithinTarget), pct(c.b.shareWithinTarget),
            vigie::core::ScenarioRunner::tr("%1 pts").arg(
                fmt(100 * c.shareWithinTargetDifference)));
        line(vigie::core::ScenarioRunner::tr(
                 "B responds sooner than A for %1 of the simulated incidents.")
                 .arg(pct(c.shareBFaster)));
        auto stats = [](const analytics::ResponseStats &s, const analytics::Allocation &cov) {
            return QVariantMap{{QStringLiteral("mean"), s.mean},
                               {QStringLiteral("median"), s.median},
                               {QStringLiteral("p90"), s.p90},
                               {QStringLiteral("shareWithinTarget"), s.shareWithinTarget},
                               {QStringLiteral("coveredShare"), cov.coveredShare}};
        };
        m_out.summary.insert(QStringLiteral("a"), stats(c.a, c.coverageA));
        m_out.summary.insert(QStringLiteral("b"), stats(c.b, c.coverageB));
        m_out.summary.insert(QStringLiteral("shareBFaster"), c.shareBFaster);
        m_out.summary.insert(QStringLiteral("units"), units);
        m_out.summary.insert(QStringLiteral("roadNetwork"), bool(graph));
        m_out.parameters.insert(QStringLiteral("date"), date.toString(Qt::ISODate));
    }

    // --- cameras -------------------------------------------------------------------------------

    static analytics::Camera parseCamera(const QString &text, const QString &edit)
    {
        const QStringList v = text.split(u',');
        std::array<double, 5> d{};
        bool ok = v.size() == 5;
        for (int i = 0; ok && i < 5; ++i)
            d[std::size_t(i)] = v[i].trimmed().toDouble(&ok);
        if (!ok || d[3] <= 0 || d[3] > 360 || d[4] <= 0 || d[4] > 1000)
            invalidParameter(QStringLiteral("edits"),
                             vigie::core::ScenarioRunner::tr(
                                 "\"%1\": a camera is x,y,direction,fov,range (metres, degrees; "
                                 "fov in (0, 360], range in (0, 1000])")
                                 .arg(edit));
        return {d[0], d[1], d[2], d[3], d[4]};
    }

    void cameraScenario()
    {
        const double cs = positive(m_p, "cellSize", 50, 500);
        const double quantile = rangeParam(m_p, "hotspotQuantile", 0.9, 0.5, 0.999);
        const auto [dataMin, dataMax] = dataRange(m_req.selection.layer);
        Selection s = selectIncidents(
            m_req.selection, std::max(dataMin, dataMax - std::int64_t(365) * 86400), dataMax);
        const GridSpec g = gridOver(s, cs);
        const std::vector<std::uint8_t> mask = windowMask(s, g);
        progress(10, vigie::core::ScenarioRunner::tr("Estimating the incident risk surface"));
        analytics::KdeParams kp;
        kp.kernel = analytics::Kernel::Quartic;
        kp.bandwidth = positive(m_p, "bandwidth", 150, 5000);
        kp.window = mask;
        Raster risk = analytics::kernelDensity(s.points(), g, kp, m_fb).density;
        // Risk as expected incidents per cell over the period (density per km² x cell area).
        for (std::size_t i = 0; i < risk.values.size(); ++i)
            risk.values[i] = mask[i] && std::isfinite(risk.values[i])
                                 ? risk.values[i] * g.cellArea() / 1e6
                                 : 0.0;

        const CameraSet cams = loadCameras(m_store, s.to, m_fb);
        std::vector<analytics::CameraEdit> edits;
        std::vector<QString> state(cams.cameras.size(), QStringLiteral("existante"));
        std::vector<std::pair<analytics::Camera, QString>> added;
        const QString editText = m_p.value(QStringLiteral("edits")).toString();
        int addCount = 0;
        for (const QString &rawEdit : editText.split(u';', Qt::SkipEmptyParts)) {
            const QString e = rawEdit.trimmed();
            if (e.isEmpty())
                continue;
            const int colon = e.indexOf(u':');
            const QString verb = e.left(colon).trimmed().toLower();
            const QString rest = colon < 0 ? QString() : e.mid(colon + 1);
            auto indexOf = [&](const QString &id) {
                const int k = cams.ids.indexOf(id.trimmed());
                if (k < 0)
                    invalidParameter(QStringLiteral("edits"),
                                     vigie::core::ScenarioRunner::tr("no active camera \"%1\"")
                                         .arg(id.trimmed()));
                return std::size_t(k);
            };
            analytics::CameraEdit ce;
            if (verb == QLatin1String("add")) {
                ce.kind = analytics::CameraEdit::Kind::Add;
                ce.camera = parseCamera(rest, e);
                added.emplace_back(ce.camera, QStringLiteral("NOUV-%1").arg(++addCount));
            } else if (verb == QLatin1String("move")) {
                const int c2 = rest.indexOf(u':');
                ce.kind = analytics::CameraEdit::Kind::Move;
                ce.index = indexOf(rest.left(c2));
                ce.camera = parseCamera(rest.mid(c2 + 1), e);
                state[ce.index] = QStringLiteral("deplacee");
            } else if (verb == QLatin1String("remove")) {
                ce.kind = analytics::CameraEdit::Kind::Remove;
                ce.index = indexOf(rest);
                state[ce.index] = QStringLiteral("retiree");
            } else {
                invalidParameter(QStringLiteral("edits"),
                                 vigie::core::ScenarioRunner::tr(
                                     "\"%1\": an edit is add:…, move:ID:… or remove:ID")
                                     .arg(e));
            }
            edits.push_back(ce);
        }
        const int suggest = intParam(m_p, "suggest", 0, 0, 100);
        if (edits.empty() && suggest == 0)
            invalidParameter(QStringLiteral("edits"),
                             vigie::core::ScenarioRunner::tr(
                                 "add, move or remove a camera, or ask for suggested cameras"));
        std::vector<analytics::Camera> after = analytics::applyCameraEdits(cams.cameras, edits);
        std::vector<analytics::Camera> suggested;
        analytics::PlacementResult placement;
        if (suggest > 0) {
            progress(40, vigie::core::ScenarioRunner::tr("Looking for the best new camera sites"));
            analytics::PlacementParams pp;
            pp.count = suggest;
            pp.rangeM = rangeParam(m_p, "suggestRange", 80, 10, 1000);
            pp.fovDeg = rangeParam(m_p, "suggestFov", 90, 10, 360);
            pp.hotspotQuantile = quantile;
            placement = analytics::suggestCameras(risk, after, pp, m_fb);
            suggested = placement.cameras;
            after.insert(after.end(), suggested.begin(), suggested.end());
        }
        progress(70, vigie::core::ScenarioRunner::tr("Comparing the coverage"));
        const analytics::CoverageComparison cmp =
            analytics::compareCoverage(risk, cams.cameras, after, quantile);

        // Layers: the cameras of the what-if, and the cells gained or lost.
        LayerManifest cm = cameraManifest(layerId(nullptr), {QStringLiteral("Caméras — scénario"),
                                                             QStringLiteral("Cameras — what-if")});
        cm.categories = {
            category("ajoutee", {QStringLiteral("Ajoutée"), QStringLiteral("Added")}, "#1a9850"),
            category("proposee",
                     {QStringLiteral("Proposée (meilleur site)"),
                      QStringLiteral("Suggested (best site)")},
                     "#7b3294"),
            category("deplacee", {QStringLiteral("Déplacée"), QStringLiteral("Moved")}, "#e08214"),
            category("retiree", {QStringLiteral("Retirée"), QStringLiteral("Removed")}, "#d7301f"),
            category("existante", {QStringLiteral("Inchangée"), QStringLiteral("Unchanged")},
                     "#7f8fa6")};
        addLayer(cm);
        {
            Store::Inserter ins(m_store, cm.id);
            for (std::size_t i = 0; i < cams.cameras.size(); ++i) {
                analytics::Camera c = cams.cameras[i];
                for (const auto &e : edits)
                    if (e.kind == analytics::CameraEdit::Kind::Move && e.index == i)
                        c = e.camera;
                FeatureRecord rec = cameraRecord(c, cams.ids[int(i)], state[i], source());
                if (state[i] == QLatin1String("retiree"))
                    rec.values[4] = 0.0; // a removed camera sees nothing: no wedge
                ins.add(rec);
            }
            for (const auto &[c, id] : added)
                ins.add(cameraRecord(c, id, QStringLiteral("ajoutee"), source()));
            for (std::size_t k = 0; k < suggested.size(); ++k)
                ins.add(cameraRecord(suggested[k], QStringLiteral("PROP-%1").arg(k + 1),
                                     QStringLiteral("proposee"), source()));
        }
        Raster change{g, std::vector<double>(g.cellCount(), Raster::noData())};
        for (std::size_t i = 0; i < change.values.size(); ++i)
            if (cmp.change[i] != 0)
                change.values[i] = cmp.change[i] > 0 ? 1.0 : -1.0;
        LayerManifest chm = resultManifest(layerId("changement"), GeometryType::Raster,
                                           {QStringLiteral("Caméras — zones gagnées et perdues"),
                                            QStringLiteral("Cameras — areas gained and lost")});
        chm.description = {QStringLiteral("Vert : désormais vu ; rouge : plus vu"),
                           QStringLiteral("Green: now seen; red: no longer seen")};
        chm.symbology.ramp = {{-1.5, QStringLiteral("#d7301fd0")},
                              {-0.01, QStringLiteral("#d7301fd0")},
                              {0.01, QStringLiteral("#1a9850d0")},
                              {1.5, QStringLiteral("#1a9850d0")}};
        chm.symbology.zOrder = 26;
        addRaster(chm, change);
        const Raster shownRisk = outsideAsNoData(risk, mask);
        LayerManifest rm =
            resultManifest(layerId("risque"), GeometryType::Raster,
                           {QStringLiteral("Caméras — risque (incidents sur 12 mois)"),
                            QStringLiteral("Cameras — risk (incidents over 12 months)")});
        rm.description = {QStringLiteral("Incidents par maille de %1 m (KDE)").arg(cs),
                          QStringLiteral("Incidents per %1 m cell (KDE)").arg(cs)};
        rm.symbology.ramp = densityRamp(shownRisk);
        rm.symbology.zOrder = 24;
        addRaster(rm, shownRisk);

        line(vigie::core::ScenarioRunner::tr(
                 "Risk: incidents of %1 to %2 (%3), cells of %4 m; hot spots: the top %5 of cells")
                 .arg(dayText(s.from), dayText(s.to), argText(s.x.size()), argText(cs),
                      argText(pct(1.0 - quantile, 0))));
        line(vigie::core::ScenarioRunner::tr(
                 "Cameras: %1 active before, %2 after (%3 edit(s), %4 suggested)")
                 .arg(argText(cams.cameras.size()), argText(after.size()), argText(edits.size()),
                      argText(suggested.size())));
        line(QString());
        line(vigie::core::ScenarioRunner::tr(
            "                          Before     After    Change"));
        auto row = [&](const QString &label, double b, double a) {
            line(QStringLiteral("%1 %2 %3 %4")
                     .arg(label.leftJustified(24), pct(b).rightJustified(9),
                          pct(a).rightJustified(9),
                          (fmt(100 * (a - b), 2) + vigie::core::ScenarioRunner::tr(" pts"))
                              .rightJustified(10)));
        };
        row(vigie::core::ScenarioRunner::tr("Risk covered"), cmp.before.riskShare,
            cmp.after.riskShare);
        row(vigie::core::ScenarioRunner::tr("Hot-spot risk covered"), cmp.before.hotspotShare,
            cmp.after.hotspotShare);
        line(vigie::core::ScenarioRunner::tr("Cells gained: %1; cells lost: %2 (cells of %3 m)")
                 .arg(argText(cmp.cellsGained), argText(cmp.cellsLost), argText(cs)));
        for (std::size_t k = 0; k < suggested.size(); ++k)
            line(vigie::core::ScenarioRunner::tr(
                     "Suggested PROP-%1 at %2, %3 facing %4°: covers %5 more incidents")
                     .arg(argText(k + 1), QString::number(suggested[k].x, 'f', 0),
                          QString::number(suggested[k].y, 'f', 0),
                          fmt(suggested[k].directionDeg, 0), fmt(placement.marginalRisk[k], 1)));
        m_out.summary.insert(QStringLiteral("riskShareBefore"), cmp.before.riskShare);
        m_out.summary.insert(QStringLiteral("riskShareAfter"), cmp.after.riskShare);
        m_out.summary.insert(QStringLiteral("hotspotShareBefore"), cmp.before.hotspotShare);
        m_out.summary.insert(QStringLiteral("hotspotShareAfter"), cmp.after.hotspotShare);
        m_out.summary.insert(QStringLiteral("cellsGained"), qlonglong(cmp.cellsGained));
        m_out.summary.insert(QStringLiteral("cellsLost"), qlonglong(cmp.cellsLost));
        m_out.summary.insert(QStringLiteral("camerasBefore"), qlonglong(cams.cameras.size()));
        m_out.summary.insert(QStringLiteral("camerasAfter"), qlonglong(after.size()));
    }

    // --- impact --------------------------------------------------------------------------------

    void impactScenario()
    {
        const auto action = dateParam(m_p, "actionDate");
        if (!action)
            invalidParameter(
                QStringLiteral("actionDate"),
                vigie::core::ScenarioRunner::tr("give the date the action started (2024-06-01)"));
        const QStringList names = splitList(m_p.value(QStringLiteral("actionAreas")).toString());
        const QString areaLayer = m_p.value(QStringLiteral("actionAreaLayer")).toString().isEmpty()
                                      ? QStringLiteral("quartiers")
                                      : m_p.value(QStringLiteral("actionAreaLayer")).toString();
        const QString actionKind = choiceParam(
            m_p, "action", QStringLiteral("other"),
            {QStringLiteral("cameras"), QStringLiteral("patrol"), QStringLiteral("other")});
        double preDays = rangeParam(m_p, "preDays", 364, 28, 3650);
        double postDays = rangeParam(m_p, "postDays", 364, 28, 3650);
        const double periodDays = rangeParam(m_p, "periodDays", 28, 1, 365);
        const double cs = positive(m_p, "cellSize", 250, 2000);
        const auto [dataMin, dataMax] = dataRange(m_req.selection.layer);
        // Keep whole periods inside the data.
        const double availPost = double(dataMax - *action) / 86400.0;
        const double availPre = double(*action - dataMin) / 86400.0;
        if (availPost < periodDays || availPre < periodDays)
            invalidParameter(QStringLiteral("actionDate"),
                             vigie::core::ScenarioRunner::tr(
                                 "needs at least one period (%1 days) of data before and after it")
                                 .arg(periodDays));
        const double wantedPre = preDays, wantedPost = postDays;
        postDays = std::min(postDays, std::floor(availPost / periodDays) * periodDays);
        preDays = std::min(preDays, std::floor(availPre / periodDays) * periodDays);
        postDays = std::floor(postDays / periodDays) * periodDays;
        preDays = std::floor(preDays / periodDays) * periodDays;

        AnalysisSelection sel = m_req.selection;
        sel.areas.clear();
        sel.areaLayer.clear();
        Selection s = selectIncidents(sel, *action - std::int64_t(preDays * 86400.0),
                                      *action + std::int64_t(postDays * 86400.0) - 1);
        if (!m_store.hasLayer(areaLayer))
            invalidParameter(QStringLiteral("actionAreaLayer"),
                             vigie::core::ScenarioRunner::tr("no layer \"%1\"").arg(areaLayer));
        auto areaSnap = m_store.loadSnapshot(areaLayer, m_fb);
        if (!areaSnap)
            throw Exception(areaSnap.error().code, areaSnap.error().message);
        const auto areas = namedAreas(m_store, **areaSnap, areaLayer, names, "actionAreas");
        std::vector<const Geometry *> shapes;
        QStringList areaLabels;
        for (const auto &[label, geom] : areas) {
            shapes.push_back(geom);
            areaLabels << label;
        }
        const GridSpec g = gridOver(s, cs);
        const std::vector<std::uint8_t> city = windowMask(s, g);
        std::vector<std::uint8_t> treated = rasterizeMask(shapes, g);
        std::size_t treatedCells = 0;
        for (std::size_t i = 0; i < treated.size(); ++i) {
            treated[i] = treated[i] && city[i];
            treatedCells += treated[i];
        }
        if (treatedCells == 0)
            invalidParameter(QStringLiteral("cellSize"),
                             vigie::core::ScenarioRunner::tr(
                                 "no cell centre falls in the action area: take smaller cells"));
        const double bufferM = rangeParam(m_p, "buffer", 500, 0, 10000);
        std::vector<std::uint8_t> buffer = bufferM > 0
                                               ? analytics::bufferRingMask(g, treated, bufferM)
                                               : std::vector<std::uint8_t>(g.cellCount(), 0);
        for (std::size_t i = 0; i < buffer.size(); ++i)
            buffer[i] = buffer[i] && city[i];
        // Cells outside the city (sea) cannot be controls: they are marked as buffer-like
        // exclusions by giving the estimator a control mask when "all" is chosen.
        const QString controls = choiceParam(m_p, "controls", QStringLiteral("matched"),
                                             {QStringLiteral("matched"), QStringLiteral("all")});
        std::vector<std::uint8_t> control(g.cellCount(), 0);
        for (std::size_t i = 0; i < control.size(); ++i)
            control[i] = city[i] && !treated[i] && !buffer[i];
        analytics::ImpactParams ip;
        ip.actionTime = double(*action - s.t0) / 86400.0;
        ip.preDays = preDays;
        ip.postDays = postDays;
        ip.periodDays = periodDays;
        ip.matchedControls = intParam(m_p, "matchedControls", 20, 2, 10000);
        ip.controls = controls == QLatin1String("all") ? analytics::ControlSelection::Given
                                                       : analytics::ControlSelection::Matched;
        ip.bufferDistance = bufferM;
        ip.confidence = rangeParam(m_p, "confidence", 0.95, 0.5, 0.999);
        ip.bootstrapReplicates = intParam(m_p, "replicates", 999, 0, 99999);
        ip.seed = std::uint64_t(intParam(m_p, "seed", 1, 0, 2000000000));
        analytics::ImpactAreas ia;
        ia.grid = g;
        ia.treated = treated;
        ia.buffer = buffer;
        ia.control = control;
        // Matched controls are picked among the city's cells outside the area and its buffer:
        // cells at sea hold no incidents and would never match, so no extra mask is needed.
        progress(20, vigie::core::ScenarioRunner::tr(
                         "Estimating the effect (difference in differences)"));
        const analytics::ImpactResult r = analytics::estimateImpact(s.points(), ia, ip, m_fb);

        progress(85, vigie::core::ScenarioRunner::tr("Writing the areas compared"));
        const QString when = localTime(*action, QStringLiteral("dd/MM/yyyy"));
        const QString whenText = dayText(*action);
        const QString areaText = areaLabels.join(QStringLiteral(", "));
        LayerManifest m =
            resultManifest(layerId(nullptr), GeometryType::Polygon,
                           {QStringLiteral("Impact — %1, action du %2").arg(areaText, when),
                            QStringLiteral("Impact — %1, action of %2")
                                .arg(areaText, localTime(*action, QStringLiteral("yyyy-MM-dd")))});
        m.fields = {
            field("role", FieldType::String, {QStringLiteral("Rôle"), QStringLiteral("Role")}),
            field("nom", FieldType::String, {QStringLiteral("Nom"), QStringLiteral("Name")}),
            field("avant", FieldType::Real,
                  {QStringLiteral("Incidents avant"), QStringLiteral("Incidents before")}),
            field("apres", FieldType::Real,
                  {QStringLiteral("Incidents après"), QStringLiteral("Incidents after")})};
        m.categoryField = QStringLiteral("role");
        m.labelField = QStringLiteral("nom");
        m.categories = {
            category("action", {QStringLiteral("Zone de l'action"), QStringLiteral("Action area")},
                     "#6a51a3a0"),
            category("tampon",
                     {QStringLiteral("Zone tampon (déplacement)"),
                      QStringLiteral("Buffer (displacement)")},
                     "#fdae6b90"),
            category("temoin", {QStringLiteral("Mailles témoins"), QStringLiteral("Control cells")},
                     "#74c47680")};
        m.symbology.stroke = QStringLiteral("#3f007d");
        m.symbology.strokeWidth = 0.3;
        m.symbology.labelSize = 7.5;
        m.symbology.zOrder = 20;
        addLayer(m);
        {
            Store::Inserter ins(m_store, m.id);
            std::vector<PolygonRings> parts;
            for (const Geometry *geom : shapes)
                parts.insert(parts.end(), geom->polygons.begin(), geom->polygons.end());
            FeatureRecord rec;
            rec.wkb = multiPolygonWkb(parts);
            rec.source = source();
            rec.values << QStringLiteral("action") << areaText << r.treatedBefore << r.treatedAfter;
            ins.add(rec);
            std::vector<PolygonRings> bufferCells;
            for (std::size_t i = 0; i < r.bufferMask.size(); ++i)
                if (r.bufferMask[i])
                    bufferCells.push_back(cellPolygon(g, i));
            if (!bufferCells.empty()) {
                FeatureRecord b;
                b.wkb = multiPolygonWkb(bufferCells);
                b.source = source();
                b.values << QStringLiteral("tampon") << QString() << r.bufferBefore
                         << r.bufferAfter;
                ins.add(b);
            }
            if (ip.controls == analytics::ControlSelection::Matched) {
                for (std::size_t c : r.controlCells) {
                    FeatureRecord cr;
                    cr.wkb = multiPolygonWkb({cellPolygon(g, c)});
                    cr.source = source();
                    cr.values << QStringLiteral("temoin") << QString() << QVariant() << QVariant();
                    ins.add(cr);
                }
            }
        }

        const analytics::DidEstimate &d = r.did;
        const int conf = int(std::lround(100 * ip.confidence));
        line(vigie::core::ScenarioRunner::tr(
                 "Action (%1) in %2 on %3; %4 days before and %5 after, in periods of %6 days")
                 .arg(actionKind, areaText, whenText, argText(preDays), argText(postDays),
                      argText(periodDays)));
        if (preDays < wantedPre || postDays < wantedPost)
            line(vigie::core::ScenarioRunner::tr("Note: the windows were shortened to the data "
                                                 "available (asked %1 and %2 days).")
                     .arg(argText(wantedPre), argText(wantedPost)));
        line(vigie::core::ScenarioRunner::tr("Controls: %1")
                 .arg(controls == QLatin1String("all")
                          ? vigie::core::ScenarioRunner::tr(
                                "every other cell of the city (outside the buffer)")
                          : vigie::core::ScenarioRunner::tr(
                                "the %n cell(s) whose trend before best matches the area", nullptr,
                                int(r.controlCells.size()))));
        line(QString());
        line(vigie::core::ScenarioRunner::tr("                  Before     After"));
        line(QStringLiteral("%1 %2 %3")
                 .arg(vigie::core::ScenarioRunner::tr("Action area").leftJustified(16),
                      fmt(r.treatedBefore, 0).rightJustified(9),
                      fmt(r.treatedAfter, 0).rightJustified(9)));
        line(QStringLiteral("%1 %2 %3")
                 .arg(vigie::core::ScenarioRunner::tr("Buffer").leftJustified(16),
                      fmt(r.bufferBefore, 0).rightJustified(9),
                      fmt(r.bufferAfter, 0).rightJustified(9)));
        line(QStringLiteral("%1 %2 %3")
                 .arg(vigie::core::ScenarioRunner::tr("Controls").leftJustified(16),
                      fmt(r.controlBefore, 0).rightJustified(9),
                      fmt(r.controlAfter, 0).rightJustified(9)));
        line(QString());
        line(vigie::core::ScenarioRunner::tr(
                 "Effect (difference in differences): %1 (%2 % interval %3 to %4), p = %5")
                 .arg(argText(pct(d.effect)), argText(conf), pct(d.effectLow), pct(d.effectHigh),
                      argText(d.pValue, 0, 'g', 2)));
        if (std::isfinite(d.bootLow))
            line(vigie::core::ScenarioRunner::tr("Period bootstrap interval: %1 to %2")
                     .arg(pct(std::expm1(d.bootLow)), pct(std::expm1(d.bootHigh))));
        line(d.pValue < 1 - ip.confidence
                 ? (d.effect < 0 ? vigie::core::ScenarioRunner::tr(
                                       "Incidents fell in the area more than in the controls: the "
                                       "action is associated with a significant reduction.")
                                 : vigie::core::ScenarioRunner::tr(
                                       "Incidents rose in the area more than in the controls."))
                 : vigie::core::ScenarioRunner::tr(
                       "No significant difference from the controls at this confidence level."));
        line(r.preTrend.parallel
                 ? vigie::core::ScenarioRunner::tr(
                       "Pre-trends: parallel (p = %1), the comparison is credible.")
                       .arg(r.preTrend.pValue, 0, 'g', 2)
                 : vigie::core::ScenarioRunner::tr("Warning: the trends before the action differ "
                                                   "(p = %1): read the effect with caution.")
                       .arg(r.preTrend.pValue, 0, 'g', 2));
        const analytics::Wdq &w = r.wdq;
        if (std::isfinite(w.wdq) && w.successMeasure >= 0) {
            line(vigie::core::ScenarioRunner::tr(
                "Displacement not assessed: the area did not improve relative to the controls (the "
                "weighted displacement quotient needs a success)."));
        } else if (std::isfinite(w.wdq)) {
            line(vigie::core::ScenarioRunner::tr("Weighted displacement quotient: %1 — %2")
                     .arg(argText(fmt(w.wdq, 2)),
                          argText(w.wdq > 0 ? vigie::core::ScenarioRunner::tr(
                                                  "diffusion of benefits to the buffer")
                                            : vigie::core::ScenarioRunner::tr(
                                                  "displacement to the buffer"))));
            line(vigie::core::ScenarioRunner::tr(
                     "Incidents avoided: %1 in the area, %2 in the buffer, %3 in total")
                     .arg(fmt(w.treatedReduction), fmt(w.bufferReduction), fmt(w.netEffect)));
        }
        QVariantList series;
        for (std::size_t k = 0; k < r.periodStart.size(); ++k)
            series << QVariantMap{
                {QStringLiteral("start"), localTime(s.t0 + std::int64_t(r.periodStart[k] * 86400.0),
                                                    QStringLiteral("yyyy-MM-dd"))},
                {QStringLiteral("treated"), r.treatedSeries[k]},
                {QStringLiteral("control"), r.controlSeries[k]}};
        m_out.summary.insert(QStringLiteral("effect"), d.effect);
        m_out.summary.insert(QStringLiteral("effectLow"), d.effectLow);
        m_out.summary.insert(QStringLiteral("effectHigh"), d.effectHigh);
        m_out.summary.insert(QStringLiteral("pValue"), d.pValue);
        m_out.summary.insert(QStringLiteral("treatedBefore"), r.treatedBefore);
        m_out.summary.insert(QStringLiteral("treatedAfter"), r.treatedAfter);
        m_out.summary.insert(QStringLiteral("parallelTrends"), r.preTrend.parallel);
        if (std::isfinite(w.wdq))
            m_out.summary.insert(QStringLiteral("wdq"), w.wdq);
        m_out.summary.insert(QStringLiteral("series"), series);
        m_out.parameters.insert(QStringLiteral("preDays"), preDays);
        m_out.parameters.insert(QStringLiteral("postDays"), postDays);
    }

    void record()
    {
        m_out.summaryText = m_lines.join(u'\n');
        recordAnalysis(m_store, m_out, scenarioKindKey(m_req.kind),
                       m_req.title.isEmpty() ? scenarioKindTitle(m_req.kind) : m_req.title,
                       m_selection, m_selection.from, m_selection.to);
    }

    Store &m_store;
    const ScenarioRequest &m_req;
    const QVariantMap &m_p;
    analytics::Feedback *m_fb;
    AnalysisSelection m_selection;
    AnalysisOutcome m_out;
    QStringList m_lines;
};

} // namespace

// --- public API ------------------------------------------------------------------------------

QString scenarioKindKey(ScenarioKind kind)
{
    switch (kind) {
    case ScenarioKind::Forecast:
        return QStringLiteral("forecast");
    case ScenarioKind::Event:
        return QStringLiteral("event");
    case ScenarioKind::Patrol:
        return QStringLiteral("patrol");
    case ScenarioKind::Cameras:
        return QStringLiteral("cameras");
    case ScenarioKind::Impact:
        return QStringLiteral("impact");
    }
    return {};
}

std::vector<ScenarioKind> allScenarioKinds()
{
    return {ScenarioKind::Forecast, ScenarioKind::Event, ScenarioKind::Patrol,
            ScenarioKind::Cameras, ScenarioKind::Impact};
}

std::optional<ScenarioKind> scenarioKindFromKey(const QString &key)
{
    for (ScenarioKind k : allScenarioKinds())
        if (scenarioKindKey(k) == key.toLower())
            return k;
    return std::nullopt;
}

QString scenarioKindTitle(ScenarioKind kind)
{
    switch (kind) {
    case ScenarioKind::Forecast:
        return vigie::core::ScenarioRunner::tr("Forecast");
    case ScenarioKind::Event:
        return vigie::core::ScenarioRunner::tr("Event security planning");
    case ScenarioKind::Patrol:
        return vigie::core::ScenarioRunner::tr("Patrol allocation");
    case ScenarioKind::Cameras:
        return vigie::core::ScenarioRunner::tr("Camera what-if");
    case ScenarioKind::Impact:
        return vigie::core::ScenarioRunner::tr("Impact of an action");
    }
    return {};
}

std::vector<ParameterInfo> scenarioParameters(ScenarioKind kind)
{
    const ParameterInfo model{
        QStringLiteral("model"),
        QStringLiteral("sepp"),
        {QStringLiteral("sepp"), QStringLiteral("prospective-kde"), QStringLiteral("last-period")},
        vigie::core::ScenarioRunner::tr(
            "Forecasting model: self-exciting point process (background plus near repeats, fitted "
            "by EM), prospective KDE (recent incidents weigh more) or last period's counts.")};
    const ParameterInfo cell{
        QStringLiteral("cellSize"),
        250.0,
        {},
        vigie::core::ScenarioRunner::tr("Cell size of the risk grid in metres."),
        50,
        2000};
    const ParameterInfo training{
        QStringLiteral("trainingDays"),
        365.0,
        {},
        vigie::core::ScenarioRunner::tr("Days of history the model learns from."),
        7,
        3650};
    const ParameterInfo bandwidth{
        QStringLiteral("bandwidth"),
        200.0,
        {},
        vigie::core::ScenarioRunner::tr(
            "Prospective KDE: standard deviation of the Gaussian kernel in metres."),
        20,
        5000};
    const ParameterInfo halfLife{
        QStringLiteral("halfLifeDays"),
        14.0,
        {},
        vigie::core::ScenarioRunner::tr(
            "Prospective KDE: age in days at which an incident counts half."),
        1,
        3650};
    const ParameterInfo triggerDistance{
        QStringLiteral("triggerDistance"),
        600.0,
        {},
        ScenarioRunner::tr(
            "SEPP: farthest distance at which an incident may trigger another (metres)."),
        100,
        5000};
    const ParameterInfo triggerDays{
        QStringLiteral("triggerDays"),
        30.0,
        {},
        ScenarioRunner::tr(
            "SEPP: longest delay after which an incident may trigger another (days)."),
        2,
        365};
    const ParameterInfo seed{QStringLiteral("seed"),
                             1,
                             {},
                             vigie::core::ScenarioRunner::tr(
                                 "Seed of the simulation: the same seed gives the same result."),
                             0,
                             2e9};
    switch (kind) {
    case ScenarioKind::Forecast:
        return {model,
                {QStringLiteral("period"),
                 QStringLiteral("week"),
                 {QStringLiteral("shift"), QStringLiteral("day"), QStringLiteral("week")},
                 vigie::core::ScenarioRunner::tr(
                     "Period forecast: the next shift (8 hours), day or week.")},
                {QStringLiteral("origin"),
                 QString(),
                 {},
                 vigie::core::ScenarioRunner::tr("Start of the period (ISO date-time, local time); "
                                                 "empty: midnight after the last incident.")},
                cell,
                training,
                bandwidth,
                halfLife,
                triggerDistance,
                triggerDays};
    case ScenarioKind::Event:
        return {
            {QStringLiteral("venue"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr(
                 "Venue, as named in the events layer (e.g. Orange Vélodrome).")},
            {QStringLiteral("start"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr("Start of the event (ISO date-time, local time).")},
            {QStringLiteral("durationHours"),
             3.0,
             {},
             vigie::core::ScenarioRunner::tr("Duration of the event in hours."),
             0.5,
             72},
            {QStringLiteral("attendance"),
             0.0,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Expected attendance; 0: as in the past events (no scaling)."),
             0,
             1e7},
            {QStringLiteral("type"),
             QString(),
             {QString(), QStringLiteral("football"), QStringLiteral("concert"),
              QStringLiteral("marche"), QStringLiteral("manifestation"), QStringLiteral("festival"),
              QStringLiteral("sport")},
             vigie::core::ScenarioRunner::tr(
                 "Type of event: past events of this type only (empty: every type).")},
            {QStringLiteral("radius"),
             500.0,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Incidents counted within this distance of the venue (metres)."),
             50,
             5000},
            {QStringLiteral("riskRadius"),
             1500.0,
             {},
             vigie::core::ScenarioRunner::tr("Radius of the risk map around the venue (metres)."),
             100,
             10000},
            {QStringLiteral("cellSize"),
             50.0,
             {},
             vigie::core::ScenarioRunner::tr("Cell size of the risk map in metres."),
             10,
             500},
            {QStringLiteral("hoursBefore"),
             2,
             {},
             vigie::core::ScenarioRunner::tr("Hours before the start included."),
             0,
             12},
            {QStringLiteral("hoursAfter"),
             2,
             {},
             vigie::core::ScenarioRunner::tr("Hours after the end included."),
             0,
             12},
            {QStringLiteral("unitsPerIncident"),
             1.0,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Units per extra incident expected in an hour (staffing rule)."),
             0.01,
             100},
            {QStringLiteral("replicates"),
             999,
             {},
             vigie::core::ScenarioRunner::tr("Bootstrap replicates of the interval."),
             0,
             99999},
            {QStringLiteral("confidence"),
             0.9,
             {},
             vigie::core::ScenarioRunner::tr("Confidence level of the interval."),
             0.5,
             0.999},
            seed};
    case ScenarioKind::Patrol:
        return {
            {QStringLiteral("units"),
             6,
             {},
             vigie::core::ScenarioRunner::tr("Number of units on patrol."),
             1,
             500},
            {QStringLiteral("date"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr(
                 "Day of the shift (ISO date); empty: the day after the last incident.")},
            {QStringLiteral("shift"),
             QStringLiteral("night"),
             {QStringLiteral("morning"), QStringLiteral("afternoon"), QStringLiteral("night")},
             vigie::core::ScenarioRunner::tr(
                 "Shift: morning (6–14 h), afternoon (14–22 h) or night (22–6 h).")},
            {QStringLiteral("model"), QStringLiteral("prospective-kde"), model.choices, model.help},
            cell,
            {QStringLiteral("radius"),
             500.0,
             {},
             vigie::core::ScenarioRunner::tr(
                 "A unit covers the risk within this distance (metres)."),
             50,
             10000},
            {QStringLiteral("strategyA"),
             QStringLiteral("optimise"),
             {QStringLiteral("optimise"), QStringLiteral("sectors"), QStringLiteral("hotspots"),
              QStringLiteral("positions")},
             vigie::core::ScenarioRunner::tr(
                 "Allocation A: optimised coverage of the forecast risk, units shared by sector, "
                 "the riskiest cells, or given positions.")},
            {QStringLiteral("strategyB"),
             QStringLiteral("hotspots"),
             {QStringLiteral("optimise"), QStringLiteral("sectors"), QStringLiteral("hotspots"),
              QStringLiteral("positions")},
             vigie::core::ScenarioRunner::tr(
                 "Allocation B, compared with A on the same simulated incidents.")},
            {QStringLiteral("positionsA"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr(
                 "Positions of allocation A when it is \"positions\": x,y;x,y (Lambert-93).")},
            {QStringLiteral("positionsB"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr(
                 "Positions of allocation B when it is \"positions\".")},
            {QStringLiteral("incidents"),
             10000,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Incidents simulated from the forecast (Monte Carlo)."),
             100,
             1e6},
            {QStringLiteral("speedKmh"),
             30.0,
             {},
             vigie::core::ScenarioRunner::tr("Travel speed in km/h (straight line; the road "
                                             "network is driven at 50 km/h at least)."),
             1,
             200},
            {QStringLiteral("dispatchSeconds"),
             60.0,
             {},
             vigie::core::ScenarioRunner::tr("Seconds from the call to departure."),
             0,
             3600},
            {QStringLiteral("targetMinutes"),
             10.0,
             {},
             vigie::core::ScenarioRunner::tr("Target response time in minutes."),
             1,
             240},
            {QStringLiteral("roads"),
             true,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Travel on the road network of the traffic layer where present.")},
            seed};
    case ScenarioKind::Cameras:
        return {
            {QStringLiteral("edits"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr(
                 "Changes: add:x,y,direction,fov,range; move:ID:x,y,direction,fov,range; remove:ID "
                 "(separated by ;).")},
            {QStringLiteral("suggest"),
             0,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Number of new cameras to place at the best sites (greedy maximum coverage)."),
             0,
             100},
            {QStringLiteral("suggestRange"),
             80.0,
             {},
             vigie::core::ScenarioRunner::tr("Range of the suggested cameras in metres."),
             10,
             1000},
            {QStringLiteral("suggestFov"),
             90.0,
             {},
             vigie::core::ScenarioRunner::tr("Field of view of the suggested cameras in degrees."),
             10,
             360},
            {QStringLiteral("cellSize"),
             50.0,
             {},
             vigie::core::ScenarioRunner::tr("Cell size of the risk surface in metres."),
             5,
             500},
            {QStringLiteral("bandwidth"),
             150.0,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Bandwidth of the risk surface (quartic KDE) in metres."),
             20,
             5000},
            {QStringLiteral("hotspotQuantile"),
             0.9,
             {},
             vigie::core::ScenarioRunner::tr(
                 "Hot spots are the cells above this quantile of risk (0.9: the top 10 %)."),
             0.5,
             0.999}};
    case ScenarioKind::Impact:
        return {
            {QStringLiteral("actionDate"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr("Date the action started (ISO date).")},
            {QStringLiteral("actionAreas"),
             QString(),
             {},
             vigie::core::ScenarioRunner::tr(
                 "Areas of the action: names or codes, separated by commas.")},
            {QStringLiteral("actionAreaLayer"),
             QStringLiteral("quartiers"),
             {},
             vigie::core::ScenarioRunner::tr("Polygon layer the areas are taken from.")},
            {QStringLiteral("action"),
             QStringLiteral("other"),
             {QStringLiteral("cameras"), QStringLiteral("patrol"), QStringLiteral("other")},
             vigie::core::ScenarioRunner::tr("Kind of action (for the record).")},
            {QStringLiteral("preDays"),
             364.0,
             {},
             vigie::core::ScenarioRunner::tr("Days before the action compared."),
             28,
             3650},
            {QStringLiteral("postDays"),
             364.0,
             {},
             vigie::core::ScenarioRunner::tr("Days after the action compared."),
             28,
             3650},
            {QStringLiteral("periodDays"),
             28.0,
             {},
             vigie::core::ScenarioRunner::tr("Length of the periods of the count series in days."),
             1,
             365},
            cell,
            {QStringLiteral("controls"),
             QStringLiteral("matched"),
             {QStringLiteral("matched"), QStringLiteral("all")},
             vigie::core::ScenarioRunner::tr("Comparison areas: the cells whose trend before best "
                                             "matches, or every other cell.")},
            {QStringLiteral("matchedControls"),
             20,
             {},
             vigie::core::ScenarioRunner::tr("Number of matched control cells."),
             2,
             10000},
            {QStringLiteral("buffer"),
             500.0,
             {},
             vigie::core::ScenarioRunner::tr("Width of the buffer around the area where "
                                             "displacement is measured (metres; 0: none)."),
             0,
             10000},
            {QStringLiteral("confidence"),
             0.95,
             {},
             vigie::core::ScenarioRunner::tr("Confidence level of the interval."),
             0.5,
             0.999},
            {QStringLiteral("replicates"),
             999,
             {},
             vigie::core::ScenarioRunner::tr("Bootstrap replicates over periods (0: none)."),
             0,
             99999},
            seed};
    }
    return {};
}

Result<AnalysisOutcome> ScenarioRunner::run(Store &store, const ScenarioRequest &request,
                                            analytics::Feedback *feedback)
{
    try {
        return captureErrors([&] { return Run(store, request, feedback).go(); });
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled,
                     vigie::core::ScenarioRunner::tr(
                         "The scenario was canceled; the workspace is unchanged.")};
    } catch (const std::invalid_argument &e) {
        return Error{ErrorCode::InvalidInput,
                     vigie::core::ScenarioRunner::tr("Invalid scenario parameters: %1")
                         .arg(QString::fromUtf8(e.what()))};
    } catch (const std::bad_alloc &) {
        return Error{
            ErrorCode::Internal,
            vigie::core::ScenarioRunner::tr(
                "Not enough memory for this scenario: try larger cells or a smaller area.")};
    }
}

Result<ForecastEvaluation> evaluateForecastModels(Store &store, const AnalysisSelection &selection,
                                                  const QVariantMap &parameters,
                                                  analytics::Feedback *feedback)
{
    auto work = [&]() -> ForecastEvaluation {
        const QVariantMap &p = parameters;
        const double horizon = analytics::periodDays(periodParam(p).period);
        const int periods = intParam(p, "periods", 12, 1, 520);
        const double cs = positive(p, "cellSize", 250, 2000);
        const double trainingDays = rangeParam(p, "trainingDays", 365, 7, 3650);
        auto snap = store.loadSnapshot(selection.layer, feedback);
        if (!snap)
            throw Exception(snap.error().code, snap.error().message);
        if ((*snap)->maxTime == LayerSnapshot::kNoTime)
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::ScenarioRunner::tr("The layer \"%1\" has no dates.")
                                .arg(selection.layer));
        const std::int64_t end = dateParam(p, "end").value_or(
            QDateTime(QDateTime::fromSecsSinceEpoch((*snap)->maxTime, cityZone()).date().addDays(1),
                      QTime(0, 0), cityZone())
                .toSecsSinceEpoch());
        const std::int64_t firstOrigin =
            end - std::int64_t(std::llround(periods * horizon * 86400.0));
        AnalysisSelection sel = selection;
        if (sel.from == LayerSnapshot::kNoTime)
            sel.from =
                std::max((*snap)->minTime, firstOrigin - std::int64_t(trainingDays * 86400.0));
        if (sel.to == LayerSnapshot::kNoTime)
            sel.to = end - 1;
        if (firstOrigin <= sel.from)
            invalidParameter(QStringLiteral("periods"),
                             vigie::core::ScenarioRunner::tr(
                                 "the held-out periods leave no history to learn from"));
        const Selection s = select(store, sel, feedback);
        analytics::EvaluationParams ep;
        ep.forecast.grid = GridSpec::covering(s.bounds.left(), s.bounds.top(), s.bounds.right(),
                                              s.bounds.bottom(), cs);
        ep.window = s.window.empty() ? std::vector<std::uint8_t>()
                                     : rasterizeMask(s.window, ep.forecast.grid);
        ep.forecast.horizonDays = horizon;
        ep.forecast.trainingDays = trainingDays;
        ep.forecast.kde.bandwidth = positive(p, "bandwidth", 200, 5000);
        ep.forecast.kde.halfLifeDays = positive(p, "halfLifeDays", 14, 3650);
        ep.forecast.sepp.maxTriggerDistance = rangeParam(p, "triggerDistance", 600, 100, 5000);
        ep.forecast.sepp.maxTriggerDays = rangeParam(p, "triggerDays", 30, 2, 365);
        ep.firstOriginDay = double(firstOrigin - s.t0) / 86400.0;
        ep.periods = periods;
        const QStringList models = splitList(p.value(QStringLiteral("models")).toString());
        if (!models.isEmpty()) {
            ep.models.clear();
            for (const QString &m : models) {
                const auto fm = analytics::parseForecastModel(m.toLower().toStdString());
                if (!fm)
                    invalidParameter(QStringLiteral("models"),
                                     vigie::core::ScenarioRunner::tr(
                                         "\"%1\" is not sepp, prospective-kde or last-period")
                                         .arg(m));
                ep.models.push_back(*fm);
            }
        }
        ForecastEvaluation out;
        out.table = analytics::evaluateForecasts(s.points(), ep, feedback);
        // The table, translated.
        QStringList lines;
        lines << vigie::core::ScenarioRunner::tr(
                     "Rolling evaluation: %1 held-out period(s) of %2 day(s) from %3, cells of %4 "
                     "m (%5 in the study area), trained on the previous %6 days")
                     .arg(argText(periods), argText(horizon, 0, 'g', 3),
                          argText(localTime(firstOrigin, QStringLiteral("yyyy-MM-dd"))),
                          argText(cs), argText(out.table.windowCells), argText(trainingDays));
        double events = 0;
        for (double e : out.table.testEvents)
            events += e;
        lines << vigie::core::ScenarioRunner::tr("Incidents in the held-out periods: %1")
                     .arg(events, 0, 'f', 0);
        lines << QString();
        QString head = vigie::core::ScenarioRunner::tr("Model").leftJustified(18);
        const QStringList measures{vigie::core::ScenarioRunner::tr("Hit rate"),
                                   QStringLiteral("PAI"), QStringLiteral("PEI")};
        for (const QString &m : measures)
            for (double f : out.table.areaFractions)
                head += QStringLiteral("%1").arg(
                    QStringLiteral("%1 %2%").arg(m, argText(100 * f, 0, 'g', 3)), 14);
        lines << head;
        for (const analytics::ModelSummary &m : out.table.summary) {
            QString row =
                QString::fromStdString(analytics::forecastModelName(m.model)).leftJustified(18);
            for (const std::vector<double> *v : {&m.meanHitRate, &m.meanPai, &m.meanPei})
                for (std::size_t k = 0; k < v->size(); ++k)
                    row += QStringLiteral("%1").arg(
                        QString::number((*v)[k], 'f', v == &m.meanPai ? 2 : 3), 14);
            lines << row + QStringLiteral("   (%1)").arg(vigie::core::ScenarioRunner::tr(
                               "%n period(s)", nullptr, m.periodsScored));
        }
        out.text = lines.join(u'\n');
        return out;
    };
    try {
        return captureErrors(work);
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled,
                     vigie::core::ScenarioRunner::tr("The evaluation was canceled.")};
    } catch (const std::invalid_argument &e) {
        return Error{ErrorCode::InvalidInput,
                     vigie::core::ScenarioRunner::tr("Invalid evaluation parameters: %1")
                         .arg(QString::fromUtf8(e.what()))};
    }
}

} // namespace vigie::core
