// SPDX-License-Identifier: GPL-3.0-or-later
// The demo workspace: a synthetic but plausible Marseille (see docs/demo.md). Everything random
// comes from vigie::analytics::Rng streams derived from DemoOptions::seed, so the same options
// give the same file, byte for byte.
#include "demogenerator.h"
#include "demomodel.h"

#include "io/atomicfile.h"

#include "../analytics/feedback.h"
#include "../layerregistry.h"
#include "../store/store.h"
#include "../store/wkb.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

namespace vigie::core {

namespace demo {

void progress(analytics::Feedback *feedback, double percent, const char *step)
{
    analytics::throwIfCanceled(feedback);
    if (feedback)
        feedback->setProgress(percent, QCoreApplication::translate(kContext, step).toStdString());
}

} // namespace demo

namespace {

using namespace demo;

std::vector<unsigned char> wkbOf(const OGRGeometry &geometry)
{
    std::vector<unsigned char> wkb(std::size_t(geometry.WkbSize()));
    geometry.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return wkb;
}

/// A traffic segment's line as the store's WKB.
std::vector<unsigned char> lineWkb(const std::vector<Pt> &pts)
{
    Path path;
    path.reserve(pts.size());
    for (const Pt &p : pts)
        path.emplace_back(p.x, p.y);
    return lineStringToWkb(path);
}

/// Values in the manifest's field order from a name -> value map.
QVariantList valuesFor(const LayerManifest &manifest, const QVariantMap &byName)
{
    QVariantList values;
    for (const FieldDef &f : manifest.fields)
        values.push_back(byName.value(f.name));
    return values;
}

FeatureRecord record(std::vector<unsigned char> wkb, const LayerManifest &manifest,
                     const QVariantMap &values)
{
    FeatureRecord r;
    r.wkb = std::move(wkb);
    r.values = valuesFor(manifest, values);
    r.source = QStringLiteral("demo");
    return r;
}

const LayerManifest &manifestOf(const char *id)
{
    const LayerManifest *m = LayerRegistry::instance().find(QLatin1String(id));
    if (!m)
        throw Exception(ErrorCode::UnknownLayer,
                        QCoreApplication::translate("vigie::core::DemoGenerator",
                                                    "The built-in layer \"%1\" is missing.")
                            .arg(QLatin1String(id)));
    return *m;
}

QString ordinalLabel(int n)
{
    return n == 1 ? QStringLiteral("1er") : QStringLiteral("%1e").arg(n);
}

void check(const Result<void> &r)
{
    r.orThrow();
}

void writeBoundaries(Store &store, const City &city, DemoSummary &summary)
{
    Store::Transaction tx(store);
    const LayerManifest &am = manifestOf("arrondissements");
    Store::Inserter arr(store, am.id);
    for (const auto &a : city.arrondissements) {
        arr.add(record(wkbOf(*a.geometry), am,
                       {{QStringLiteral("code_insee"), QString::number(13200 + a.number)},
                        {QStringLiteral("num_arr"), a.number},
                        {QStringLiteral("nom"),
                         QStringLiteral("Marseille %1 Arrondissement").arg(ordinalLabel(a.number))},
                        {QStringLiteral("libelle"), ordinalLabel(a.number)},
                        {QStringLiteral("population"), qint64(a.population)},
                        {QStringLiteral("area_km2"), std::round(a.areaKm2 * 1000.0) / 1000.0}}));
        ++summary.arrondissements;
    }
    const LayerManifest &qm = manifestOf("quartiers");
    Store::Inserter qua(store, qm.id);
    for (const auto &q : city.quartiers) {
        qua.add(record(wkbOf(*q.geometry), qm,
                       {{QStringLiteral("code_qua"), q.code},
                        {QStringLiteral("nom"), q.name},
                        {QStringLiteral("code_insee"), QString::number(13200 + q.arrondissement)},
                        {QStringLiteral("num_arr"), q.arrondissement},
                        {QStringLiteral("population"), qint64(q.population)},
                        {QStringLiteral("area_km2"), std::round(q.areaKm2 * 1000.0) / 1000.0}}));
        ++summary.quartiers;
    }
    tx.commit();
}

void writeIncidents(Store &store, const City &city, const std::vector<Incident> &incidents,
                    analytics::Feedback *feedback, DemoSummary &summary)
{
    static const std::array<const char *, 3> reporters = {"Police municipale", "CSU",
                                                          "Main courante"};
    Store::Transaction tx(store);
    const LayerManifest &im = manifestOf("incidents");
    Store::Inserter ins(store, im.id);
    std::size_t done = 0;
    for (const auto &inc : incidents) {
        if (++done % 4096 == 0)
            progress(feedback, 35.0 + 50.0 * double(done) / double(incidents.size()),
                     QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Writing incidents"));
        FeatureRecord r;
        r.wkb = pointToWkb(inc.x, inc.y);
        r.source = QStringLiteral("demo");
        for (const FieldDef &f : im.fields) {
            if (f.name == QLatin1String("occurred_at"))
                r.values.push_back(inc.at);
            else if (f.name == QLatin1String("category"))
                r.values.push_back(QString::fromLatin1(kCategoryValue[std::size_t(inc.category)]));
            else if (f.name == QLatin1String("severity"))
                r.values.push_back(inc.severity);
            else if (f.name == QLatin1String("code_qua"))
                r.values.push_back(city.quartiers[std::size_t(inc.quartier)].code);
            else if (f.name == QLatin1String("reported_by"))
                r.values.push_back(QString::fromLatin1(reporters[std::size_t(inc.reporter)]));
            else
                r.values.push_back(QVariant());
        }
        ins.add(r);
        ++summary.incidents;
    }
    tx.commit();
}

void writeCamerasEventsTraffic(Store &store, const std::vector<Camera> &cameras,
                               const std::vector<DemoEvent> &events,
                               const std::vector<Segment> &roads, const DemoOptions &options,
                               DemoSummary &summary)
{
    Store::Transaction tx(store);
    const LayerManifest &cm = manifestOf("cameras");
    Store::Inserter cams(store, cm.id);
    int n = 0;
    for (const auto &c : cameras) {
        cams.add(record(pointToWkb(c.at.x, c.at.y), cm,
                        {{QStringLiteral("camera_id"),
                          QStringLiteral("CAM-%1").arg(++n, 4, 10, QLatin1Char('0'))},
                         {QStringLiteral("kind"), c.kind},
                         {QStringLiteral("direction"), c.direction},
                         {QStringLiteral("fov"), c.fov},
                         {QStringLiteral("range_m"), c.range},
                         {QStringLiteral("status"),
                          c.maintenance ? QStringLiteral("maintenance") : QStringLiteral("active")},
                         {QStringLiteral("installed_at"), c.installed},
                         {QStringLiteral("removed_at"),
                          c.removed.isValid() ? QVariant(c.removed) : QVariant()}}));
        ++summary.cameras;
    }
    const LayerManifest &em = manifestOf("events");
    Store::Inserter evs(store, em.id);
    for (const auto &e : events) {
        evs.add(record(pointToWkb(e.at.x, e.at.y), em,
                       {{QStringLiteral("name"), e.name},
                        {QStringLiteral("kind"), e.kind},
                        {QStringLiteral("venue"), e.venue},
                        {QStringLiteral("starts_at"), e.start},
                        {QStringLiteral("ends_at"), e.end},
                        {QStringLiteral("attendance"), qint64(e.attendance)}}));
        ++summary.events;
    }
    const LayerManifest &tm = manifestOf("traffic");
    Store::Inserter tra(store, tm.id);
    for (const auto &s : roads) {
        const std::int64_t fid = tra.add(record(lineWkb(s.points), tm,
                                                {{QStringLiteral("segment_id"), s.id},
                                                 {QStringLiteral("name"), s.name},
                                                 {QStringLiteral("road_class"), s.roadClass},
                                                 {QStringLiteral("flow"), s.flow}}));
        std::size_t k = 0;
        for (int d = 27; d >= 0; --d) {
            const QDate day = options.lastDay.addDays(-d);
            for (int h = 0; h < 24; ++h, ++k)
                store.addSeriesValue(tm.id, fid, toIsoUtc(localToUtc(day, h)), s.series[k]);
        }
        ++summary.trafficSegments;
    }
    tx.commit();
}

DemoSummary writeStore(Store &store, const DemoOptions &options, analytics::Feedback *feedback)
{
    DemoSummary summary;
    City city;
    progress(feedback, 1.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Building the quartiers"));
    buildGeometry(city);
    assignPopulation(city, options.seed);
    progress(feedback, 8.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Laying out the road network"));
    std::vector<Segment> roads = buildTraffic(city, options.seed);
    computeSeries(roads, options);
    progress(feedback, 10.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Planning public events"));
    const std::vector<DemoEvent> events = buildEvents(options);
    progress(feedback, 12.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Simulating incidents"));
    const std::vector<Incident> incidents =
        simulateIncidents(city, roads, events, options, feedback);
    progress(feedback, 30.0, QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Placing cameras"));
    const std::vector<Camera> cameras = buildCameras(city, roads, options);

    progress(feedback, 32.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Writing the workspace"));
    store.setClock(options.lastDay.toString(Qt::ISODate) + QStringLiteral("T23:59:59Z"));
    // A bulk load: a larger page cache for this connection only (not stored in the file) keeps
    // SQLite from spilling the big incident transaction to disk page by page.
    store.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    const char *layerIds[] = {"arrondissements", "quartiers", "incidents",
                              "cameras",         "events",    "traffic"};
    for (const char *id : layerIds)
        check(store.addLayer(manifestOf(id), QStringLiteral("demo")));
    store.setMeta(QStringLiteral("created_by"), QStringLiteral("vigie-cli demo"));
    store.setMeta(QStringLiteral("demo_seed"), QString::number(options.seed));
    store.setMeta(QStringLiteral("demo_period"), options.firstDay.toString(Qt::ISODate) +
                                                     QLatin1Char('/') +
                                                     options.lastDay.toString(Qt::ISODate));
    store.setMeta(QStringLiteral("demo_incident_scale"),
                  QString::number(options.incidentScale, 'g', 17));

    writeBoundaries(store, city, summary);
    writeIncidents(store, city, incidents, feedback, summary);
    progress(
        feedback, 86.0,
        QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Writing cameras, events and traffic"));
    writeCamerasEventsTraffic(store, cameras, events, roads, options, summary);
    progress(feedback, 95.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Finishing the workspace"));
    check(store.normaliseForDeterminism());
    // The demo's data carry the fixed date; what the analyst does with them afterwards
    // (analyses, imports, the map state) is stamped with the real time.
    store.setClock(QString());
    return summary;
}

} // namespace

Result<DemoSummary> createDemoStore(const QString &path, const DemoOptions &options,
                                    analytics::Feedback *feedback)
{
    if (QFileInfo::exists(path))
        return Error{ErrorCode::Io,
                     QCoreApplication::translate(
                         "vigie::core::DemoGenerator",
                         "Cannot create the demo workspace %1: the file already exists.")
                         .arg(path)};
    if (!options.firstDay.isValid() || !options.lastDay.isValid() ||
        options.lastDay < options.firstDay || !(options.incidentScale >= 0.0))
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "vigie::core::DemoGenerator",
                         "Invalid demo options: the period or the incident scale is wrong.")};

    // Written under a temporary name and renamed when complete: a kill or an error never
    // leaves a half-made workspace under the name asked for (which `demo` would then refuse to
    // overwrite and the application would open).
    AtomicFile output(path);
    std::unique_ptr<Store> store;
    try {
        auto created = Store::create(output.temporaryPath());
        if (!created.ok())
            return Error{created.error().code,
                         QString(created.error().message).replace(output.temporaryPath(), path)};
        store = std::move(created.value());
        DemoSummary summary = writeStore(*store, options, feedback);
        store.reset();
        auto committed = output.commit(AtomicFile::Replace::Never);
        if (!committed)
            return committed.error();
        if (feedback)
            feedback->setProgress(100.0, QCoreApplication::translate("vigie::core::DemoGenerator",
                                                                     "Demo workspace ready")
                                             .toStdString());
        return summary;
    } catch (const analytics::Canceled &) {
        store.reset();
        return Error{ErrorCode::Canceled,
                     QCoreApplication::translate("vigie::core::DemoGenerator",
                                                 "Creation of the demo workspace %1 was canceled.")
                         .arg(path)};
    } catch (const Exception &e) {
        store.reset();
        return Error{
            e.error().code,
            QCoreApplication::translate("vigie::core::DemoGenerator",
                                        "Could not create the demo workspace %1: %2")
                .arg(path, QString(e.error().message).replace(output.temporaryPath(), path))};
    } catch (const std::exception &e) {
        store.reset();
        return Error{ErrorCode::Internal,
                     QCoreApplication::translate("vigie::core::DemoGenerator",
                                                 "Could not create the demo workspace %1: %2")
                         .arg(path, QString::fromLocal8Bit(e.what()))};
    }
}

} // namespace vigie::core
