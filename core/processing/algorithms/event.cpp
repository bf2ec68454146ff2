// SPDX-License-Identifier: GPL-3.0-or-later
// Security planning for a public event: the extra incidents expected hour by hour around the
// venue (past events at the venue against matched ordinary days, bootstrap interval), a map of
// the extra risk, what the cameras see of the site, and the reinforcement by sector.
#include "../../argtext.h"
#include "../../scenario/scenario.h"
#include "../../store/store.h"
#include "analytics/eventscenario.h"
#include "analytics/kde.h"
#include "scenariosupport.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;
using analytics::GridSpec;
using analytics::Raster;
using P = ParameterDefinition;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct EventRow
{
    double x, y;
    std::int64_t start, end;
    QString kind, venue, name;
    double attendance;
};

/// The dated events of the workspace with their venue, name and attendance.
std::vector<EventRow> loadEvents(Store &store, analytics::Feedback *fb)
{
    const QString layer = QStringLiteral("events");
    if (!store.hasLayer(layer))
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::ScenarioRunner::tr(
                            "The workspace has no events layer: the event scenario learns from "
                            "past events."));
    auto snap = store.loadSnapshot(layer, fb);
    snap.orThrow();
    const LayerSnapshot &s = **snap;
    const LayerManifest &m = s.manifest;
    using Texts = std::unordered_map<std::int64_t, QString>;
    const bool described = m.field(QStringLiteral("venue")) && m.field(QStringLiteral("name")) &&
                           m.field(QStringLiteral("attendance"));
    const Texts venues = described ? store.textsByFid(layer, QStringLiteral("venue")) : Texts();
    const Texts names = described ? store.textsByFid(layer, QStringLiteral("name")) : Texts();
    const auto attendance = described ? store.numbersByFid(layer, QStringLiteral("attendance"))
                                      : std::unordered_map<std::int64_t, double>();
    std::vector<EventRow> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.time.empty() || s.time[i] == LayerSnapshot::kNoTime)
            continue;
        EventRow e;
        e.x = s.x[i];
        e.y = s.y[i];
        e.start = s.time[i];
        e.end = !s.endTime.empty() && s.endTime[i] != LayerSnapshot::kNoTime ? s.endTime[i]
                                                                             : e.start + 3 * 3600;
        const int c = s.category.empty() ? -1 : s.category[i];
        e.kind = c >= 0 ? m.categories[std::size_t(c)].value : QString();
        const auto v = venues.find(s.fids[i]);
        if (v != venues.end()) {
            e.venue = v->second;
            e.name = names.at(s.fids[i]);
            e.attendance = attendance.at(s.fids[i]);
        } else {
            e.attendance = 0;
        }
        out.push_back(e);
    }
    return out;
}

class EventRun
{
public:
    EventRun(AlgorithmContext &ctx, const ParameterValues &values) : m_ctx(ctx), m_v(values) {}

    void go()
    {
        const std::vector<EventRow> events = loadEvents(m_ctx.store(), m_ctx.feedback());
        locateVenue(events);
        if (!m_v.has(QStringLiteral("start")))
            invalidParameter(QStringLiteral("start"),
                             vigie::core::ScenarioRunner::tr(
                                 "give the date and time of the event (2026-03-14T21:00)"));
        m_start = m_v.dateTime(QStringLiteral("start")).toSecsSinceEpoch();
        m_radius = m_v.number(QStringLiteral("radius"));
        m_riskRadius = m_v.number(QStringLiteral("riskRadius"));
        m_cellSize = m_v.number(QStringLiteral("cellSize"));
        selectNearby();
        findSectors();
        estimate(events);
        mapRisk();
        mapCameraView();
        writeSectors();
        report();
    }

private:
    /// The venue: a name from the events layer, or coordinates.
    void locateVenue(const std::vector<EventRow> &events)
    {
        m_vx = m_v.has(QStringLiteral("x")) ? m_v.number(QStringLiteral("x")) : kNaN;
        m_vy = m_v.has(QStringLiteral("y")) ? m_v.number(QStringLiteral("y")) : kNaN;
        m_venue = m_v.text(QStringLiteral("venue"));
        if (m_venue.isEmpty()) {
            if (!std::isfinite(m_vx) || !std::isfinite(m_vy))
                invalidParameter(QStringLiteral("venue"),
                                 vigie::core::ScenarioRunner::tr(
                                     "give a venue of the events layer, or x and y"));
            m_venue = vigie::core::ScenarioRunner::tr("%1, %2 (Lambert-93)")
                          .arg(QString::number(m_vx, 'f', 0), QString::number(m_vy, 'f', 0));
            return;
        }
        double sx = 0, sy = 0;
        int n = 0;
        for (const EventRow &e : events)
            if (e.venue.compare(m_venue, Qt::CaseInsensitive) == 0 ||
                e.name.compare(m_venue, Qt::CaseInsensitive) == 0) {
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
                                 .arg(m_venue, venues.mid(0, 12).join(QStringLiteral(", "))));
        }
        m_vx = sx / n;
        m_vy = sy / n;
    }

    /// Incidents before the event, near enough to matter (the risk map's disc).
    void selectNearby()
    {
        AnalysisSelection sel = m_ctx.selectionRequest();
        sel.areas.clear();
        sel.areaLayer.clear();
        const auto [dataMin, dataMax] = dataRange(m_ctx, sel.layer);
        m_sel = m_ctx.selectPoints(sel, dataMin, std::min(dataMax, m_start - 1));
        const double reach = std::max(m_riskRadius, m_radius) + 3 * 200.0;
        for (std::size_t i = 0; i < m_sel.x.size(); ++i)
            if (std::hypot(m_sel.x[i] - m_vx, m_sel.y[i] - m_vy) <= reach) {
                m_nx.push_back(m_sel.x[i]);
                m_ny.push_back(m_sel.y[i]);
                m_nt.push_back(m_sel.t[i]);
            }
    }

    /// Zones for the staffing by sector: the quartiers around the venue.
    void findSectors()
    {
        m_zone.assign(m_nx.size(), -1);
        Store &store = m_ctx.store();
        if (!store.hasLayer(QStringLiteral("quartiers")))
            return;
        auto q = store.loadSnapshot(QStringLiteral("quartiers"), m_ctx.feedback());
        if (!q)
            return;
        m_quartiers = *q;
        std::map<std::size_t, int> zoneOf;
        for (std::size_t i = 0; i < m_nx.size(); ++i) {
            if (std::hypot(m_nx[i] - m_vx, m_ny[i] - m_vy) > m_radius)
                continue;
            const QPointF p(m_nx[i], m_ny[i]);
            for (std::size_t k = 0; k < m_quartiers->size(); ++k) {
                const Geometry &g = m_quartiers->geometries[k];
                if (!g.bounds.contains(p) || !contains(g, p))
                    continue;
                auto [it, added] = zoneOf.emplace(k, int(m_zoneNames.size()));
                if (added) {
                    m_zoneNames.push_back(k < m_quartiers->labels.size() ? m_quartiers->labels[k]
                                                                         : QString::number(k));
                    m_zoneShapes.push_back(&g);
                }
                m_zone[i] = it->second;
                break;
            }
        }
    }

    void estimate(const std::vector<EventRow> &events)
    {
        for (const EventRow &e : events) {
            if (e.start >= m_start)
                continue;
            analytics::PastEvent p;
            p.x = e.x;
            p.y = e.y;
            p.start = double(e.start - m_sel.t0) / 86400.0;
            p.end = double(e.end - m_sel.t0) / 86400.0;
            p.type = e.kind.toStdString();
            p.attendance = e.attendance;
            m_past.push_back(p);
        }
        analytics::EventScenarioParams &ep = m_params;
        ep.radiusM = m_radius;
        ep.hourFrom = -int(m_v.integer(QStringLiteral("hoursBefore")));
        ep.hourTo = int(std::ceil(m_v.number(QStringLiteral("durationHours")))) +
                    int(m_v.integer(QStringLiteral("hoursAfter")));
        ep.type = m_v.choice(QStringLiteral("type")).toStdString();
        ep.venueX = m_vx;
        ep.venueY = m_vy;
        ep.targetAttendance = m_v.number(QStringLiteral("attendance"));
        ep.bootstrapReplicates = int(m_v.integer(QStringLiteral("replicates")));
        ep.confidence = m_v.number(QStringLiteral("confidence"));
        ep.seed = std::uint64_t(m_v.integer(QStringLiteral("seed")));
        ep.unitsPerIncident = m_v.number(QStringLiteral("unitsPerIncident"));
        ep.incidentZone = m_zone;
        ep.zoneCount = int(m_zoneNames.size());
        m_ctx.progress(20,
                       vigie::core::ScenarioRunner::tr("Comparing past events with ordinary days"));
        const analytics::PointSet pts{m_nx, m_ny, {}, m_nt};
        m_result = analytics::estimateEventScenario(pts, m_past, ep, m_ctx.feedback());
    }

    /// Density during the past events minus that on their control days, per event, scaled so
    /// that it sums to the expected extra incidents (attendance and hours included).
    void mapRisk()
    {
        m_ctx.progress(60,
                       vigie::core::ScenarioRunner::tr("Mapping the extra risk around the venue"));
        const double vx = m_vx, vy = m_vy, rr = m_riskRadius;
        const GridSpec g = GridSpec::covering(vx - rr, vy - rr, vx + rr, vy + rr, m_cellSize);
        std::vector<double> ex, ey, cx, cy;
        std::size_t controlWindows = 0;
        auto collect = [&](double a, double b, std::vector<double> &xs, std::vector<double> &ys) {
            for (std::size_t i = 0; i < m_nx.size(); ++i)
                if (m_nt[i] >= a && m_nt[i] < b) {
                    xs.push_back(m_nx[i]);
                    ys.push_back(m_ny[i]);
                }
        };
        for (std::size_t k : m_result.eventsUsed) {
            const analytics::PastEvent &e = m_past[k];
            const double a = e.start + m_params.hourFrom / 24.0;
            const double b = e.start + m_params.hourTo / 24.0;
            collect(a, b, ex, ey);
            for (int w = 1; w <= 4; ++w)
                for (int sign : {-1, 1}) {
                    const double shift = sign * 7.0 * w;
                    if (a + shift < 0 || b + shift > double(m_sel.to - m_sel.t0) / 86400.0)
                        continue;
                    ++controlWindows;
                    collect(a + shift, b + shift, cx, cy);
                }
        }
        analytics::KdeParams kp;
        kp.kernel = analytics::Kernel::Quartic;
        kp.bandwidth = m_v.number(QStringLiteral("bandwidth"));
        Raster risk{g, std::vector<double>(g.cellCount(), 0.0)};
        if (!ex.empty()) {
            const auto de = analytics::kernelDensity({ex, ey, {}, {}}, g, kp, m_ctx.feedback());
            const double ne = double(m_result.eventsUsed.size());
            for (std::size_t i = 0; i < risk.values.size(); ++i)
                risk.values[i] = de.density.values[i] / ne; // per km² per event
            if (!cx.empty() && controlWindows > 0) {
                const auto dc = analytics::kernelDensity({cx, cy, {}, {}}, g, kp, m_ctx.feedback());
                for (std::size_t i = 0; i < risk.values.size(); ++i)
                    risk.values[i] -= dc.density.values[i] / double(controlWindows);
            }
        }
        std::vector<std::uint8_t> disc(g.cellCount(), 0);
        double mass = 0;
        for (std::size_t i = 0; i < risk.values.size(); ++i) {
            const int col = int(i % std::size_t(g.cols)), row = int(i / std::size_t(g.cols));
            disc[i] = std::hypot(g.centreX(col) - vx, g.centreY(row) - vy) <= rr;
            if (disc[i] && risk.values[i] > 0)
                mass += risk.values[i] * g.cellArea() / 1e6;
        }
        const double total = m_result.totalExtra;
        const double scale = mass > 0 && total > 0 ? total / mass : 0.0;
        for (std::size_t i = 0; i < risk.values.size(); ++i)
            risk.values[i] =
                disc[i] && risk.values[i] * scale > 0 ? risk.values[i] * scale : Raster::noData();
        const QString when = localTime(m_start, QStringLiteral("dd/MM/yyyy HH:mm"));
        LayerManifest rm = scenarioManifest(
            m_ctx, {}, GeometryType::Raster,
            {QStringLiteral("Événement — risque supplémentaire, %1, %2").arg(m_venue, when),
             QStringLiteral("Event — extra risk, %1, %2").arg(m_venue, when)});
        rm.description = {
            QStringLiteral("Incidents supplémentaires attendus par km² pendant l'événement"),
            QStringLiteral("Extra incidents expected per km² during the event")};
        rm.symbology.ramp = riskRamp(risk);
        rm.symbology.zOrder = 25;
        m_ctx.addRasterLayer(rm, risk);
    }

    /// The site's cells seen and unseen, merged row by row into runs to keep the layer light.
    void writeViewCells(const LayerManifest &cm)
    {
        const GridSpec &vg = m_viewGrid;
        Store::Inserter ins(m_ctx.store(), cm.id);
        std::vector<PolygonRings> seen, gaps;
        auto inside = [&](int col, int row) {
            return std::hypot(vg.centreX(col) - m_vx, vg.centreY(row) - m_vy) <= m_radius;
        };
        for (int row = 0; row < vg.rows; ++row)
            for (int col = 0; col < vg.cols;) {
                if (!inside(col, row)) {
                    ++col;
                    continue;
                }
                const bool gap = m_view.gaps[vg.index(col, row)] != 0;
                int end = col + 1;
                while (end < vg.cols && inside(end, row) &&
                       (m_view.gaps[vg.index(end, row)] != 0) == gap)
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
            rec.wkb = multiPolygonToWkb(*parts);
            rec.source = m_ctx.source();
            rec.values << key;
            ins.add(rec);
        }
    }

    /// What the cameras see of the venue's surroundings.
    void mapCameraView()
    {
        m_ctx.progress(75,
                       vigie::core::ScenarioRunner::tr("Checking the cameras around the venue"));
        const CameraSet cams = loadCameras(m_ctx.store(), m_start, m_ctx.feedback());
        const double r = m_radius;
        m_viewGrid =
            GridSpec::covering(m_vx - r, m_vy - r, m_vx + r, m_vy + r, std::min(m_cellSize, 25.0));
        m_view = analytics::venueView(m_viewGrid, cams.cameras, m_vx, m_vy, r);
        LayerManifest cm =
            scenarioManifest(m_ctx, QStringLiteral("couverture"), GeometryType::Polygon,
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
        m_ctx.addVectorLayer(cm);
        writeViewCells(cm);
        LayerManifest cams2 =
            cameraManifest(m_ctx, QStringLiteral("cameras"),
                           {QStringLiteral("Événement — caméras qui voient le site"),
                            QStringLiteral("Event — cameras seeing the site")});
        cams2.categories = {
            category("voit_site", {QStringLiteral("Voit le site"), QStringLiteral("Sees the site")},
                     "#2f6fd1")};
        m_ctx.addVectorLayer(cams2);
        Store::Inserter ins(m_ctx.store(), cams2.id);
        for (std::size_t k : m_view.cameras)
            ins.add(cameraRecord(cams.cameras[k], cams.ids[int(k)], QStringLiteral("voit_site"),
                                 m_ctx.source()));
    }

    /// Sectors: the quartiers around the venue with their reinforcement at the peak hour.
    void writeSectors()
    {
        if (m_zoneNames.empty())
            return;
        LayerManifest zm =
            scenarioManifest(m_ctx, QStringLiteral("secteurs"), GeometryType::Polygon,
                             {QStringLiteral("Événement — renforts par secteur"),
                              QStringLiteral("Event — reinforcement by sector")});
        zm.fields = {
            field("secteur", FieldType::String,
                  {QStringLiteral("Secteur"), QStringLiteral("Sector")}),
            field("supplementaires", FieldType::Real,
                  {QStringLiteral("Incidents supplémentaires"), QStringLiteral("Extra incidents")}),
            field("pic_unites", FieldType::Integer,
                  {QStringLiteral("Unités à l'heure de pointe"),
                   QStringLiteral("Units at the peak hour")}),
            field("classe", FieldType::String,
                  {QStringLiteral("Renfort"), QStringLiteral("Reinforcement")})};
        zm.categoryField = QStringLiteral("classe");
        zm.labelField = QStringLiteral("secteur");
        zm.categories = {
            category("r0", {QStringLiteral("Pas de renfort"), QStringLiteral("No reinforcement")},
                     "#00000000"),
            category("r1", {QStringLiteral("1 unité"), QStringLiteral("1 unit")}, "#fdd49e50"),
            category("r2", {QStringLiteral("2 unités"), QStringLiteral("2 units")}, "#fc8d5970"),
            category("r3", {QStringLiteral("3 unités ou plus"), QStringLiteral("3 units or more")},
                     "#d7301f90")};
        zm.symbology.stroke = QStringLiteral("#7f2704");
        zm.symbology.strokeWidth = 0.35;
        zm.symbology.labelSize = 7;
        zm.symbology.zOrder = 20;
        m_ctx.addVectorLayer(zm);
        Store::Inserter ins(m_ctx.store(), zm.id);
        for (std::size_t z = 0; z < m_zoneNames.size(); ++z) {
            double total = 0;
            int peak = 0;
            for (const auto &h : m_result.zoneHours[z]) {
                total += h.extra;
                peak = std::max(peak, h.unitsHigh);
            }
            FeatureRecord rec;
            rec.wkb = multiPolygonToWkb(m_zoneShapes[z]->polygons);
            rec.source = m_ctx.source();
            rec.values << m_zoneNames[z] << total << peak
                       << QStringLiteral("r%1").arg(std::min(peak, 3));
            ins.add(rec);
        }
    }

    QVariantList reportHours()
    {
        m_ctx.line(
            vigie::core::ScenarioRunner::tr("Hour   Extra   Interval        Units (prudent)"));
        QVariantList hours;
        for (const auto &h : m_result.hours) {
            const QString clock =
                localTime(m_start + std::int64_t(h.hour) * 3600, QStringLiteral("HH:mm"));
            m_ctx.line(QStringLiteral("%1  %2   %3 – %4   %5 (%6)")
                           .arg(clock, fmt(h.extra, 2).rightJustified(6),
                                fmt(h.low, 2).rightJustified(6), fmt(h.high, 2).leftJustified(6),
                                argText(h.units), argText(h.unitsHigh)));
            hours << QVariantMap{
                {QStringLiteral("hour"), h.hour},          {QStringLiteral("clock"), clock},
                {QStringLiteral("extra"), h.extra},        {QStringLiteral("low"), h.low},
                {QStringLiteral("high"), h.high},          {QStringLiteral("units"), h.units},
                {QStringLiteral("unitsHigh"), h.unitsHigh}};
        }
        return hours;
    }

    QVariantList reportSectors()
    {
        QVariantList sectors;
        if (m_zoneNames.empty())
            return sectors;
        m_ctx.line(QString());
        m_ctx.line(
            vigie::core::ScenarioRunner::tr("Staffing by sector (prudent units per hour, from %1):")
                .arg(localTime(m_start + std::int64_t(m_params.hourFrom) * 3600,
                               QStringLiteral("HH:mm"))));
        for (std::size_t z = 0; z < m_zoneNames.size(); ++z) {
            QStringList units;
            QVariantList unitList;
            double total = 0;
            for (const auto &h : m_result.zoneHours[z]) {
                units << QString::number(h.unitsHigh);
                unitList << h.unitsHigh;
                total += h.extra;
            }
            m_ctx.line(QStringLiteral("  %1: %2  (%3)")
                           .arg(m_zoneNames[z].leftJustified(24), units.join(u' '),
                                vigie::core::ScenarioRunner::tr("%1 extra").arg(fmt(total, 2))));
            sectors << QVariantMap{{QStringLiteral("sector"), m_zoneNames[z]},
                                   {QStringLiteral("extra"), total},
                                   {QStringLiteral("units"), unitList}};
        }
        return sectors;
    }

    /// The report: by hour, then by sector; the figures by name.
    void report()
    {
        const analytics::EventScenarioResult &r = m_result;
        const double attendance = m_params.targetAttendance;
        const QString type = QString::fromStdString(m_params.type);
        m_ctx.line(vigie::core::ScenarioRunner::tr("Venue: %1; %2; attendance %3; type: %4")
                       .arg(m_venue, dayText(m_start, true),
                            attendance > 0 ? QLocale().toString(qlonglong(attendance))
                                           : vigie::core::ScenarioRunner::tr("as in past events"),
                            type.isEmpty() ? vigie::core::ScenarioRunner::tr("any") : type));
        m_ctx.line(
            vigie::core::ScenarioRunner::tr("Learnt from %n past event(s) at this venue", nullptr,
                                            int(r.eventsUsed.size())) +
            vigie::core::ScenarioRunner::tr(" (%1 matched ordinary days); incidents within %2 m")
                .arg(argText(
                         std::accumulate(r.controlsPerEvent.begin(), r.controlsPerEvent.end(), 0)),
                     argText(m_radius)));
        m_ctx.line(
            vigie::core::ScenarioRunner::tr("Extra incidents expected: %1 (%2 % interval %3 to %4)")
                .arg(argText(fmt(r.totalExtra)), argText(100.0 * m_params.confidence, 0, 'f', 0),
                     fmt(r.totalLow), fmt(r.totalHigh)));
        m_ctx.line(QString());
        const QVariantList hours = reportHours();
        const QVariantList sectors = reportSectors();
        const analytics::VenueView &view = m_view;
        m_ctx.line(QString());
        m_ctx.line(vigie::core::ScenarioRunner::tr(
                       "Cameras seeing the site (%1 m around the venue): %2; covered share %3; "
                       "blind spots: %4 cells of %5 m")
                       .arg(argText(m_radius), argText(view.cameras.size()),
                            argText(pct(view.coveredShare)),
                            argText(view.discCells - view.coveredCells),
                            argText(m_viewGrid.cellSize)));
        m_ctx.figure(QStringLiteral("venueX"), m_vx);
        m_ctx.figure(QStringLiteral("venueY"), m_vy);
        m_ctx.figure(QStringLiteral("eventsUsed"), qlonglong(r.eventsUsed.size()));
        m_ctx.figure(QStringLiteral("totalExtra"), r.totalExtra);
        m_ctx.figure(QStringLiteral("totalLow"), r.totalLow);
        m_ctx.figure(QStringLiteral("totalHigh"), r.totalHigh);
        m_ctx.figure(QStringLiteral("hours"), hours);
        m_ctx.figure(QStringLiteral("sectors"), sectors);
        m_ctx.figure(QStringLiteral("camerasSeeing"), qlonglong(view.cameras.size()));
        m_ctx.figure(QStringLiteral("coveredShare"), view.coveredShare);
        m_ctx.figure(QStringLiteral("blindCells"), qlonglong(view.discCells - view.coveredCells));
        m_ctx.used(QStringLiteral("x"), m_vx);
        m_ctx.used(QStringLiteral("y"), m_vy);
    }

    AlgorithmContext &m_ctx;
    const ParameterValues &m_v;
    double m_vx = kNaN, m_vy = kNaN;
    QString m_venue;
    std::int64_t m_start = 0;
    double m_radius = 0, m_riskRadius = 0, m_cellSize = 0;
    Selection m_sel;
    std::vector<double> m_nx, m_ny, m_nt; ///< incidents near the venue
    std::vector<int> m_zone;              ///< sector of each, -1 outside the sectors
    std::vector<QString> m_zoneNames;
    std::vector<const Geometry *> m_zoneShapes;
    LayerSnapshotPtr m_quartiers;
    std::vector<analytics::PastEvent> m_past;
    analytics::EventScenarioParams m_params;
    analytics::EventScenarioResult m_result;
    GridSpec m_viewGrid;
    analytics::VenueView m_view;
};

ParameterDefinitions eventTypeAndSize()
{
    return {
        P::choice(
            QStringLiteral("type"), vigie::core::ScenarioRunner::tr("Type of event"),
            {{QString(), vigie::core::ScenarioRunner::tr("every type")},
             {QStringLiteral("football"), vigie::core::ScenarioRunner::tr("football")},
             {QStringLiteral("concert"), vigie::core::ScenarioRunner::tr("concert")},
             {QStringLiteral("marche"), vigie::core::ScenarioRunner::tr("market")},
             {QStringLiteral("manifestation"), vigie::core::ScenarioRunner::tr("demonstration")},
             {QStringLiteral("festival"), vigie::core::ScenarioRunner::tr("festival")},
             {QStringLiteral("sport"), vigie::core::ScenarioRunner::tr("other sport")}},
            QString())
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Type of event: past events of this type only (empty: every type).")),
        P::number(QStringLiteral("durationHours"), vigie::core::ScenarioRunner::tr("Duration"), 3,
                  0.5, 72, QStringLiteral("h"))
            .withHelp(vigie::core::ScenarioRunner::tr("Duration of the event in hours.")),
        P::number(QStringLiteral("attendance"), vigie::core::ScenarioRunner::tr("Attendance"), 0, 0,
                  1e7)
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Expected attendance; 0: as in the past events (no scaling).")),
        P::number(QStringLiteral("radius"), vigie::core::ScenarioRunner::tr("Radius"), 500, 50,
                  5000, QStringLiteral("m"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Incidents counted within this distance of the venue (metres).")),
        P::number(QStringLiteral("riskRadius"), vigie::core::ScenarioRunner::tr("Risk map radius"),
                  1500, 100, 10000, QStringLiteral("m"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Radius of the risk map around the venue (metres).")),
        cellSizeParameter(50, 10, 500,
                          vigie::core::ScenarioRunner::tr("Cell size of the risk map in metres."))
            .advanced(),
        P::number(QStringLiteral("bandwidth"), vigie::core::ScenarioRunner::tr("Bandwidth"), 250,
                  20, 5000, QStringLiteral("m"))
            .withHelp(vigie::core::ScenarioRunner::tr(
                "Bandwidth of the risk map (quartic KDE) in metres."))
            .advanced()};
}

class EventAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("event"); }
    QString title() const override
    {
        return vigie::core::ScenarioRunner::tr("Event security planning");
    }
    AlgorithmGroup group() const override { return AlgorithmGroup::Scenario; }
    QString explanation() const override
    {
        return vigie::core::ScenarioRunner::tr(
            "Estimates the extra incidents hour by hour around a planned event from the "
            "past events at the venue, compared with ordinary days; maps the extra "
            "risk, the cameras' view of the site and the reinforcement by sector.");
    }
    bool usesPointSelection() const override { return false; }
    OutputHints outputHints() const override
    {
        OutputHints h;
        h.zoomToResult = true;
        return h;
    }

    ParameterDefinitions parameters() const override
    {
        ParameterDefinitions p{
            P::text(QStringLiteral("venue"), vigie::core::ScenarioRunner::tr("Venue"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Venue, as named in the events layer (e.g. Orange Vélodrome).")),
            P::number(QStringLiteral("x"), vigie::core::ScenarioRunner::tr("X (Lambert-93)"), 0,
                      -400000, 1600000, QStringLiteral("m"))
                .withDefault({})
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Position of the venue when it has no past events: x and y in "
                    "Lambert-93 metres."))
                .advanced(),
            P::number(QStringLiteral("y"), vigie::core::ScenarioRunner::tr("Y (Lambert-93)"), 0,
                      5900000, 7300000, QStringLiteral("m"))
                .withDefault({})
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Position of the venue: y in Lambert-93 metres."))
                .advanced(),
            P::dateTime(QStringLiteral("start"), vigie::core::ScenarioRunner::tr("Start"))
                .optional()
                .withHelp(vigie::core::ScenarioRunner::tr(
                    "Start of the event (ISO date-time, local time).")),
        };
        for (ParameterDefinition &d : eventTypeAndSize())
            p.push_back(std::move(d));
        p.push_back(
            P::integer(QStringLiteral("hoursBefore"),
                       vigie::core::ScenarioRunner::tr("Hours before"), 2, 0, 12,
                       QStringLiteral("h"))
                .withHelp(vigie::core::ScenarioRunner::tr("Hours before the start included."))
                .advanced());
        p.push_back(P::integer(QStringLiteral("hoursAfter"),
                               vigie::core::ScenarioRunner::tr("Hours after"), 2, 0, 12,
                               QStringLiteral("h"))
                        .withHelp(vigie::core::ScenarioRunner::tr("Hours after the end included."))
                        .advanced());
        p.push_back(P::number(QStringLiteral("unitsPerIncident"),
                              vigie::core::ScenarioRunner::tr("Units per incident"), 1, 0.01, 100)
                        .withHelp(vigie::core::ScenarioRunner::tr(
                            "Units per extra incident expected in an hour (staffing "
                            "rule)."))
                        .advanced());
        p.push_back(
            P::integer(QStringLiteral("replicates"), vigie::core::ScenarioRunner::tr("Replicates"),
                       999, 0, 99999)
                .withHelp(vigie::core::ScenarioRunner::tr("Bootstrap replicates of the interval."))
                .advanced());
        p.push_back(
            P::number(QStringLiteral("confidence"), vigie::core::ScenarioRunner::tr("Confidence"),
                      0.9, 0.5, 0.999)
                .withHelp(vigie::core::ScenarioRunner::tr("Confidence level of the interval."))
                .advanced());
        p.push_back(seedParameter());
        return p;
    }

    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        EventRun(ctx, values).go();
    }
};

} // namespace

std::unique_ptr<Algorithm> eventAlgorithm()
{
    return std::make_unique<EventAlgorithm>();
}

} // namespace vigie::core::processing::algorithms
