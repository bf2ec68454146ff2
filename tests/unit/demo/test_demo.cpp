// SPDX-License-Identifier: GPL-3.0-or-later
// The demo workspace: determinism, geometry (tiling, names, nesting), population, incidents
// (inside their quartier, in the period, temporal patterns, near-repeat, crowd effect), cameras,
// events and traffic series. The stores are read back through GDAL's SQLite driver, independently
// of the generator's own code.
#include "analytics/feedback.h"
#include "analytics/pointprocess.h"
#include "analytics/rng.h"
#include "demo/demogenerator.h"
#include "demo/demoreference.h"
#include "demo/marseilledata.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>

using namespace vigie;

namespace {

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

struct Poly
{
    std::unique_ptr<OGRGeometry> geometry;
    QString name;
    QString code;
    int arrondissement = 0;
    qint64 population = 0;
};

struct Incident
{
    double x, y;
    QDateTime at;
    QString category;
    QString codeQua;
    int severity;
    QString reportedBy;
};

struct EventRow
{
    double x, y;
    QString kind, venue;
    QDateTime start, end;
    qint64 attendance;
};

/// Local hour in Marseille (summer time approximated by months April..October, which is
/// enough for the hourly patterns tested here).
int localHour(const QDateTime &utc)
{
    const int offset = (utc.date().month() >= 4 && utc.date().month() <= 10) ? 2 : 1;
    return utc.addSecs(offset * 3600).time().hour();
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deterministic();
    void refusesExistingFile();
    void cancelRemovesFile();
    void boundaries();
    void tiling();
    void nesting();
    void population();
    void incidentsInsideTheirQuartier();
    void incidentsInPeriod();
    void temporalPatterns();
    void nearRepeat();
    void eventsRaiseIncidents();
    void camerasEventsTraffic();
    void readsBackThroughStore();
    void laterWorkHasTheRealTime();

private:
    GDALDataset *open(const QString &path);
    void loadA();

    QTemporaryDir m_dir;
    QString m_a, m_b, m_c;
    core::DemoOptions m_options;
    core::DemoSummary m_summaryA;
    std::vector<Poly> m_quartiers;
    std::vector<Poly> m_arrondissements;
    std::vector<Incident> m_incidents;
    std::vector<EventRow> m_events;
};

GDALDataset *TestDemo::open(const QString &path)
{
    const char *drivers[] = {"SQLite", nullptr};
    return GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                             nullptr, nullptr);
}

void TestDemo::initTestCase()
{
    GDALAllRegister();
    QVERIFY(m_dir.isValid());
    m_a = m_dir.filePath(QStringLiteral("a.vigie"));
    m_b = m_dir.filePath(QStringLiteral("b.vigie"));
    m_c = m_dir.filePath(QStringLiteral("c.vigie"));
    m_options.incidentScale = 0.05;

    QElapsedTimer timer;
    timer.start();
    double lastProgress = -1.0;
    bool monotonic = true;
    analytics::Feedback feedback([&](double p, const std::string &) {
        monotonic = monotonic && p >= lastProgress;
        lastProgress = p;
    });
    auto a = core::createDemoStore(m_a, m_options, &feedback);
    QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
    qInfo("demo store at scale %.2f: %lld ms, %lld bytes, %lld incidents", m_options.incidentScale,
          static_cast<long long>(timer.elapsed()), static_cast<long long>(QFileInfo(m_a).size()),
          static_cast<long long>(a->incidents));
    QVERIFY(monotonic);
    QCOMPARE(lastProgress, 100.0);
    m_summaryA = *a;
    auto b = core::createDemoStore(m_b, m_options);
    QVERIFY2(b.ok(), b.ok() ? "" : qPrintable(b.error().message));
    core::DemoOptions other = m_options;
    other.seed = 4242;
    auto c = core::createDemoStore(m_c, other);
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
    loadA();
}

void TestDemo::loadA()
{
    std::unique_ptr<GDALDataset> ds(open(m_a));
    QVERIFY(ds);
    for (const char *name : {"quartiers", "arrondissements"}) {
        OGRLayer *layer = ds->GetLayerByName(name);
        QVERIFY2(layer, name);
        const bool isQuartier = QByteArray(name) == "quartiers";
        for (auto &f : *layer) {
            Poly p;
            p.geometry.reset(f->GetGeometryRef()->clone());
            p.name = QString::fromUtf8(f->GetFieldAsString(isQuartier ? "nom" : "libelle"));
            p.code = QString::fromUtf8(f->GetFieldAsString(isQuartier ? "code_qua" : "code_insee"));
            p.arrondissement = f->GetFieldAsInteger("num_arr");
            p.population = f->GetFieldAsInteger64("population");
            (isQuartier ? m_quartiers : m_arrondissements).push_back(std::move(p));
        }
    }
    OGRLayer *inc = ds->GetLayerByName("incidents");
    QVERIFY(inc);
    for (auto &f : *inc) {
        const OGRPoint *p = f->GetGeometryRef()->toPoint();
        m_incidents.push_back(
            {p->getX(), p->getY(),
             QDateTime::fromString(QString::fromUtf8(f->GetFieldAsString("occurred_at")),
                                   Qt::ISODate),
             QString::fromUtf8(f->GetFieldAsString("category")),
             QString::fromUtf8(f->GetFieldAsString("code_qua")), f->GetFieldAsInteger("severity"),
             QString::fromUtf8(f->GetFieldAsString("reported_by"))});
    }
    OGRLayer *ev = ds->GetLayerByName("events");
    QVERIFY(ev);
    for (auto &f : *ev) {
        const OGRPoint *p = f->GetGeometryRef()->toPoint();
        m_events.push_back(
            {p->getX(), p->getY(), QString::fromUtf8(f->GetFieldAsString("kind")),
             QString::fromUtf8(f->GetFieldAsString("venue")),
             QDateTime::fromString(QString::fromUtf8(f->GetFieldAsString("starts_at")),
                                   Qt::ISODate),
             QDateTime::fromString(QString::fromUtf8(f->GetFieldAsString("ends_at")), Qt::ISODate),
             f->GetFieldAsInteger64("attendance")});
    }
    QCOMPARE(qint64(m_incidents.size()), m_summaryA.incidents);
}

void TestDemo::deterministic()
{
    const QByteArray a = sha256(m_a);
    QVERIFY(!a.isEmpty());
    QCOMPARE(sha256(m_b), a);
    QVERIFY(sha256(m_c) != a);
}

void TestDemo::refusesExistingFile()
{
    const QByteArray before = sha256(m_a);
    auto r = core::createDemoStore(m_a, m_options);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(m_a));
    QCOMPARE(sha256(m_a), before);
}

void TestDemo::cancelRemovesFile()
{
    const QString path = m_dir.filePath(QStringLiteral("canceled.vigie"));
    analytics::Feedback *self = nullptr;
    analytics::Feedback feedback([&](double p, const std::string &) {
        if (p >= 30.0 && self)
            self->cancel(); // cancel while the store is being written
    });
    self = &feedback;
    auto r = core::createDemoStore(path, m_options, &feedback);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, core::ErrorCode::Canceled);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
}

void TestDemo::boundaries()
{
    QCOMPARE(int(m_quartiers.size()), 111);
    QCOMPARE(int(m_arrondissements.size()), 16);
    QCOMPARE(m_summaryA.quartiers, 111);
    QCOMPARE(m_summaryA.arrondissements, 16);
    QSet<QString> names;
    for (const auto &q : m_quartiers) {
        names.insert(q.name);
        QVERIFY2(q.geometry->IsValid(), qPrintable(q.name));
        QVERIFY2(q.geometry->toMultiPolygon()->get_Area() > 1e4, qPrintable(q.name));
        QCOMPARE(q.code.left(5), QString::number(13200 + q.arrondissement));
    }
    QCOMPARE(names.size(), 111);
    for (const char *n : {"Belsunce", "Les Îles", "Saint-Mauront", "La Valentine", "Noailles"})
        QVERIFY2(names.contains(QString::fromUtf8(n)), n);
    // Every official name of the reference list is there.
    for (const auto &seed : core::demo::quartierSeeds())
        QVERIFY2(names.contains(QString::fromUtf8(seed.name)), seed.name);

    QSet<QString> labels;
    for (const auto &a : m_arrondissements) {
        QVERIFY2(a.geometry->IsValid(), qPrintable(a.name));
        QCOMPARE(a.code, QString::number(13200 + a.arrondissement));
        labels.insert(a.name);
    }
    QVERIFY(labels.contains(QStringLiteral("1er")));
    QVERIFY(labels.contains(QStringLiteral("16e")));
}

void TestDemo::tiling()
{
    for (const auto *set : {&m_quartiers, &m_arrondissements}) {
        for (std::size_t i = 0; i < set->size(); ++i) {
            for (std::size_t j = i + 1; j < set->size(); ++j) {
                const OGRGeometry *gi = (*set)[i].geometry.get();
                const OGRGeometry *gj = (*set)[j].geometry.get();
                OGREnvelope ei, ej;
                gi->getEnvelope(&ei);
                gj->getEnvelope(&ej);
                if (!ei.Intersects(ej))
                    continue;
                std::unique_ptr<OGRGeometry> inter(gi->Intersection(gj));
                double area = 0.0;
                if (inter && OGR_GT_IsSurface(wkbFlatten(inter->getGeometryType())))
                    area = inter->toSurface()->get_Area();
                else if (inter && wkbFlatten(inter->getGeometryType()) == wkbMultiPolygon)
                    area = inter->toMultiPolygon()->get_Area();
                else if (inter && wkbFlatten(inter->getGeometryType()) == wkbGeometryCollection)
                    area = inter->toGeometryCollection()->get_Area();
                QVERIFY2(area < 1.0,
                         qPrintable((*set)[i].name + QLatin1Char('/') + (*set)[j].name));
            }
        }
    }

    // The union of the quartiers is the city: mainland outline plus the islands.
    OGRPolygon mainland;
    OGRLinearRing ring;
    for (const auto &[x, y] : core::demo::cityOutline())
        ring.addPoint(x, y);
    ring.closeRings();
    mainland.addRing(&ring);
    double cityArea = mainland.get_Area();
    for (const auto &pts : core::demo::islandRings()) {
        OGRLinearRing r;
        for (const auto &[x, y] : pts)
            r.addPoint(x, y);
        r.closeRings();
        cityArea += r.get_Area();
    }
    OGRMultiPolygon all;
    for (const auto &q : m_quartiers)
        for (const OGRPolygon *p : *q.geometry->toMultiPolygon())
            all.addGeometry(p);
    std::unique_ptr<OGRGeometry> merged(all.UnionCascaded());
    QVERIFY(merged);
    const double unionArea =
        merged->toMultiPolygon() ? OGRMultiPolygon(*merged->toMultiPolygon()).get_Area() : 0.0;
    QVERIFY2(std::abs(unionArea - cityArea) / cityArea < 0.001,
             qPrintable(QStringLiteral("%1 vs %2").arg(unionArea).arg(cityArea)));
    // And the arrondissements cover the same area.
    double arrArea = 0.0;
    for (const auto &a : m_arrondissements)
        arrArea += a.geometry->toMultiPolygon()->get_Area();
    QVERIFY(std::abs(arrArea - cityArea) / cityArea < 0.001);
}

void TestDemo::nesting()
{
    for (const auto &q : m_quartiers) {
        const double qArea = q.geometry->toMultiPolygon()->get_Area();
        int containing = 0;
        int touching = 0;
        int number = 0;
        for (const auto &a : m_arrondissements) {
            std::unique_ptr<OGRGeometry> inter(q.geometry->Intersection(a.geometry.get()));
            std::unique_ptr<OGRGeometry> polys(
                inter ? OGRGeometryFactory::forceToMultiPolygon(inter->clone()) : nullptr);
            const double area = polys && wkbFlatten(polys->getGeometryType()) == wkbMultiPolygon
                                    ? polys->toMultiPolygon()->get_Area()
                                    : 0.0;
            if (area > 1.0)
                ++touching;
            if (area > 0.999 * qArea) {
                ++containing;
                number = a.arrondissement;
            }
        }
        QVERIFY2(containing == 1 && touching == 1, qPrintable(q.name));
        QCOMPARE(number, q.arrondissement);
    }
}

void TestDemo::population()
{
    std::map<int, qint64> byArr;
    qint64 total = 0;
    for (const auto &q : m_quartiers) {
        QVERIFY2(q.population > 0, qPrintable(q.name));
        byArr[q.arrondissement] += q.population;
        total += q.population;
    }
    QCOMPARE(total, qint64(core::demo::totalPopulation()));
    QVERIFY(total > 850000 && total < 890000);
    qint64 arrTotal = 0;
    for (const auto &a : m_arrondissements) {
        QCOMPARE(a.population, qint64(core::demo::arrondissementPopulation(a.arrondissement)));
        QCOMPARE(byArr[a.arrondissement], a.population);
        arrTotal += a.population;
    }
    QCOMPARE(arrTotal, total);
}

void TestDemo::incidentsInsideTheirQuartier()
{
    // 45 000 a year at scale 1, three years, plus near-repeats and crowd incidents.
    const double expected = 45000.0 * 3.0 * m_options.incidentScale;
    QVERIFY2(m_incidents.size() > 0.85 * expected && m_incidents.size() < 1.25 * expected,
             qPrintable(QString::number(m_incidents.size())));
    std::map<QString, const OGRGeometry *> byCode;
    for (const auto &q : m_quartiers)
        byCode[q.code] = q.geometry.get();
    const QSet<QString> categories = {
        QStringLiteral("atteintes_biens"), QStringLiteral("violences"),
        QStringLiteral("nuisances"),       QStringLiteral("stupefiants"),
        QStringLiteral("accidents"),       QStringLiteral("incivilites")};
    const QSet<QString> reporters = {QStringLiteral("Police municipale"), QStringLiteral("CSU"),
                                     QStringLiteral("Main courante")};
    QSet<QString> seenCategories;
    int outside = 0;
    for (const auto &inc : m_incidents) {
        QVERIFY(categories.contains(inc.category));
        seenCategories.insert(inc.category);
        QVERIFY(reporters.contains(inc.reportedBy));
        QVERIFY(inc.severity >= 1 && inc.severity <= 3);
        const auto it = byCode.find(inc.codeQua);
        QVERIFY2(it != byCode.end(), qPrintable(inc.codeQua));
        OGRPoint p(inc.x, inc.y);
        if (!p.Within(it->second))
            ++outside;
    }
    QCOMPARE(outside, 0);
    QCOMPARE(seenCategories.size(), categories.size());
}

void TestDemo::incidentsInPeriod()
{
    // Days are local days in Marseille (UTC+1 or +2).
    const QDateTime from = QDateTime(m_options.firstDay, QTime(0, 0), Qt::UTC).addSecs(-7200);
    const QDateTime to = QDateTime(m_options.lastDay.addDays(1), QTime(0, 0), Qt::UTC);
    QDateTime first = to, last = from;
    for (const auto &inc : m_incidents) {
        QVERIFY(inc.at.isValid());
        QVERIFY2(inc.at >= from && inc.at < to, qPrintable(inc.at.toString(Qt::ISODate)));
        first = std::min(first, inc.at);
        last = std::max(last, inc.at);
    }
    // The whole period is used.
    QVERIFY(first.daysTo(QDateTime(m_options.firstDay, QTime(0, 0), Qt::UTC)) < 3);
    QVERIFY(last.daysTo(to) < 3);
}

void TestDemo::temporalPatterns()
{
    std::map<QString, std::array<int, 24>> hours;
    std::map<QString, std::array<int, 13>> months;
    for (const auto &inc : m_incidents) {
        hours[inc.category][std::size_t(localHour(inc.at))]++;
        months[inc.category][std::size_t(inc.at.date().month())]++;
    }
    const auto sumHours = [&](const QString &c, std::initializer_list<int> hs) {
        int s = 0;
        for (int h : hs)
            s += hours[c][std::size_t(h)];
        return s;
    };
    // Nuisances at night (22h-4h, 6 hours) far more than late morning (10h-14h, 4 hours).
    const QString nuisances = QStringLiteral("nuisances");
    QVERIFY(sumHours(nuisances, {22, 23, 0, 1, 2, 3}) / 6.0 >
            2.0 * sumHours(nuisances, {10, 11, 12, 13}) / 4.0);
    // Accidents peak at rush hours.
    const QString accidents = QStringLiteral("accidents");
    const auto &acc = hours[accidents];
    const auto peak = std::max_element(acc.begin(), acc.end()) - acc.begin();
    QVERIFY2(peak == 7 || peak == 8 || peak == 17 || peak == 18 || peak == 19,
             qPrintable(QString::number(peak)));
    QVERIFY(sumHours(accidents, {8, 17, 18}) / 3.0 > 1.5 * sumHours(accidents, {11, 14, 15}) / 3.0);
    QVERIFY(sumHours(accidents, {8, 17, 18}) / 3.0 > 4.0 * sumHours(accidents, {1, 2, 3}) / 3.0);
    // Property crime in the afternoon and evening rather than at dawn.
    const QString biens = QStringLiteral("atteintes_biens");
    QVERIFY(sumHours(biens, {15, 16, 17, 18, 19}) > 3 * sumHours(biens, {2, 3, 4, 5, 6}));
    // Summer peak of nuisances.
    const auto &m = months[nuisances];
    QVERIFY(m[6] + m[7] + m[8] > 1.4 * (m[12] + m[1] + m[2]));
}

void TestDemo::nearRepeat()
{
    std::vector<double> x, y, t;
    const QDateTime origin(m_options.firstDay, QTime(0, 0), Qt::UTC);
    for (const auto &inc : m_incidents) {
        x.push_back(inc.x);
        y.push_back(inc.y);
        t.push_back(double(origin.secsTo(inc.at)) / 86400.0);
    }
    const auto observed = analytics::closePairCount(x, y, t, 200.0, 7.0);
    // The same places with their times shuffled: what space alone would give.
    analytics::Rng rng(99);
    double shuffledMean = 0.0;
    const int rounds = 5;
    for (int r = 0; r < rounds; ++r) {
        std::vector<double> ts = t;
        for (std::size_t i = ts.size(); i > 1; --i)
            std::swap(ts[i - 1], ts[std::size_t(rng.below(i))]);
        shuffledMean += double(analytics::closePairCount(x, y, ts, 200.0, 7.0)) / rounds;
    }
    qInfo("close pairs (200 m, 7 days): observed %lld, shuffled times %.1f",
          static_cast<long long>(observed), shuffledMean);
    QVERIFY(double(observed) > 1.3 * shuffledMean + 10.0);
}

void TestDemo::eventsRaiseIncidents()
{
    // Incidents within 500 m of the venue while a football match is on (with an hour either
    // side), against what the same place gives over the same number of hours on average.
    std::vector<const EventRow *> matches;
    for (const auto &e : m_events)
        if (e.kind == QLatin1String("football"))
            matches.push_back(&e);
    QVERIFY(matches.size() > 40);
    const double vx = matches.front()->x, vy = matches.front()->y;
    double windowHours = 0.0;
    int during = 0;
    int near = 0;
    for (const auto &inc : m_incidents) {
        if (std::hypot(inc.x - vx, inc.y - vy) > 500.0)
            continue;
        ++near;
        for (const EventRow *e : matches) {
            if (inc.at >= e->start.addSecs(-3600) && inc.at <= e->end.addSecs(3600)) {
                ++during;
                break;
            }
        }
    }
    for (const EventRow *e : matches)
        windowHours += double(e->start.secsTo(e->end) + 7200) / 3600.0;
    const double periodHours = 24.0 * (m_options.firstDay.daysTo(m_options.lastDay) + 1);
    const double expected = double(near - during) * windowHours / periodHours;
    qInfo("incidents near the Vélodrome during matches: %d (%.1f expected without matches)", during,
          expected);
    QVERIFY(double(during) > 3.0 * expected + 5.0);
}

void TestDemo::camerasEventsTraffic()
{
    QCOMPARE(m_summaryA.cameras, 350);
    QVERIFY(m_summaryA.events >= 200 && m_summaryA.events <= 320);
    QVERIFY(m_summaryA.trafficSegments >= 120 && m_summaryA.trafficSegments <= 180);
    QCOMPARE(int(m_events.size()), m_summaryA.events);

    // Football at the Vélodrome, in quartier Saint-Giniez (8e), with big crowds.
    const OGRGeometry *saintGiniez = nullptr;
    for (const auto &q : m_quartiers)
        if (q.name == QLatin1String("Saint-Giniez"))
            saintGiniez = q.geometry.get();
    QVERIFY(saintGiniez);
    QSet<QString> kinds;
    for (const auto &e : m_events) {
        kinds.insert(e.kind);
        QVERIFY(e.end > e.start);
        QVERIFY(e.start.date() >= m_options.firstDay.addDays(-1));
        QVERIFY(e.start.date() <= m_options.lastDay);
        if (e.kind == QLatin1String("football")) {
            QCOMPARE(e.venue, QStringLiteral("Orange Vélodrome"));
            QVERIFY(e.attendance >= 40000 && e.attendance <= 65000);
            OGRPoint p(e.x, e.y);
            QVERIFY(p.Within(saintGiniez));
        }
    }
    for (const char *k : {"football", "concert", "marche", "manifestation", "festival"})
        QVERIFY2(kinds.contains(QLatin1String(k)), k);

    std::unique_ptr<GDALDataset> ds(open(m_a));
    QVERIFY(ds);
    OGRLayer *cams = ds->GetLayerByName("cameras");
    QVERIFY(cams);
    int maintenance = 0, installedDuring = 0, n = 0;
    for (auto &f : *cams) {
        ++n;
        const double dir = f->GetFieldAsDouble("direction");
        const double fov = f->GetFieldAsDouble("fov");
        const double range = f->GetFieldAsDouble("range_m");
        QVERIFY(dir >= 0.0 && dir < 360.0);
        QVERIFY(fov >= 40.0 && fov <= 110.0);
        QVERIFY(range >= 40.0 && range <= 120.0);
        maintenance += QByteArray(f->GetFieldAsString("status")) == "maintenance";
        const QDateTime installed = QDateTime::fromString(
            QString::fromUtf8(f->GetFieldAsString("installed_at")), Qt::ISODate);
        QVERIFY(installed.isValid());
        installedDuring += installed.date() >= m_options.firstDay;
        const OGRPoint *p = f->GetGeometryRef()->toPoint();
        bool inCity = false;
        for (const auto &q : m_quartiers)
            inCity = inCity || p->Within(q.geometry.get());
        QVERIFY(inCity);
    }
    QCOMPARE(n, 350);
    QVERIFY(maintenance > 0 && maintenance < 50);
    QVERIFY(installedDuring > 30 && installedDuring < 200);

    // Hourly counts over the last four weeks, one series per segment.
    OGRLayer *series = ds->ExecuteSQL(
        "SELECT COUNT(*), COUNT(DISTINCT fid), MIN(value), AVG(value) FROM vigie_series "
        "WHERE layer = 'traffic'",
        nullptr, nullptr);
    QVERIFY(series);
    std::unique_ptr<OGRFeature> row(series->GetNextFeature());
    QVERIFY(row);
    QCOMPARE(row->GetFieldAsInteger64(0), qint64(m_summaryA.trafficSegments) * 28 * 24);
    QCOMPARE(row->GetFieldAsInteger64(1), qint64(m_summaryA.trafficSegments));
    QVERIFY(row->GetFieldAsDouble(2) >= 0.0);
    QVERIFY(row->GetFieldAsDouble(3) > 300.0 && row->GetFieldAsDouble(3) < 3000.0);
    row.reset();
    ds->ReleaseResultSet(series);

    OGRLayer *meta = ds->ExecuteSQL("SELECT * FROM vigie_meta", nullptr, nullptr);
    QVERIFY(meta);
    QMap<QString, QString> values;
    for (auto &f : *meta)
        values[QString::fromUtf8(f->GetFieldAsString(0))] =
            QString::fromUtf8(f->GetFieldAsString(1));
    ds->ReleaseResultSet(meta);
    QCOMPARE(values.value(QStringLiteral("demo_seed")), QString::number(m_options.seed));
    QCOMPARE(values.value(QStringLiteral("created_by")), QStringLiteral("vigie-cli demo"));
}

void TestDemo::readsBackThroughStore()
{
    auto opened = core::Store::open(m_a, true);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    core::Store &store = **opened;
    QVERIFY(store.checkIntegrity().ok());
    QCOMPARE(store.meta(QStringLiteral("demo_seed")), QString::number(m_options.seed));
    QCOMPARE(store.featureCount(QStringLiteral("quartiers")), std::int64_t(111));
    QCOMPARE(store.featureCount(QStringLiteral("arrondissements")), std::int64_t(16));
    QCOMPARE(store.featureCount(QStringLiteral("incidents")), std::int64_t(m_summaryA.incidents));
    QCOMPARE(store.featureCount(QStringLiteral("cameras")), std::int64_t(m_summaryA.cameras));
    QCOMPARE(store.featureCount(QStringLiteral("events")), std::int64_t(m_summaryA.events));
    QCOMPARE(store.featureCount(QStringLiteral("traffic")),
             std::int64_t(m_summaryA.trafficSegments));
    auto snapshot = store.loadSnapshot(QStringLiteral("incidents"));
    QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : qPrintable(snapshot.error().message));
    const auto &snap = **snapshot;
    QCOMPARE(qint64(snap.size()), m_summaryA.incidents);
    const qint64 from = QDateTime(m_options.firstDay, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 to =
        QDateTime(m_options.lastDay.addDays(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QVERIFY(snap.minTime >= from - 7200 && snap.maxTime < to);
    // Every category of the manifest is recognised.
    for (auto c : snap.category)
        QVERIFY(c >= 0 && c < 6);
}

void TestDemo::laterWorkHasTheRealTime()
{
    // The demo's features keep the demo's fixed date, but what is done on the workspace later is
    // stamped with the wall clock (a result made today does not say 31/12/2025 23:59:59).
    auto store = core::Store::open(m_a, true);
    QVERIFY(store.ok());
    QVERIFY((*store)->meta(QStringLiteral("deterministic_clock")).isEmpty());
    const QDateTime now = QDateTime::fromString((*store)->now(), Qt::ISODate);
    QVERIFY2(std::abs(now.secsTo(QDateTime::currentDateTimeUtc())) < 120,
             qPrintable((*store)->now()));
    QCOMPARE((*store)
                 ->attributes(QStringLiteral("incidents"), 1)
                 ->value(QStringLiteral("_synced_at"))
                 .toString(),
             m_options.lastDay.toString(Qt::ISODate) + QStringLiteral("T23:59:59Z"));
}

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
