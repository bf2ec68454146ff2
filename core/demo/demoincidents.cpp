// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's incidents: a background per category, near repeats and crowds around events.
#include "demomodel.h"

#include "../analytics/feedback.h"
#include "../analytics/pointprocess.h"

#include <cmath>
#include <numbers>

namespace vigie::core::demo {

namespace {

/// Samples locations for one category: a mixture of quartiers (by population), hotspots and
/// road segments (by flow).
class LocationSampler
{
public:
    LocationSampler(const City &city, const std::vector<Hotspot> &spots,
                    const std::vector<Segment> &roads, int category, bool summer)
        : m_city(city), m_spots(spots), m_roads(roads)
    {
        const CategoryModel &m = categoryModels()[std::size_t(category)];
        const double quartierShare = 1.0 - m.hotspotShare - m.roadShare;
        std::vector<double> weights;
        double popSum = 0.0;
        for (const auto &q : city.quartiers)
            popSum += double(q.population) * quartierFactor(q, category);
        for (const auto &q : city.quartiers) {
            weights.push_back(quartierShare * double(q.population) * quartierFactor(q, category) /
                              popSum);
            m_kinds.push_back(0);
        }
        double spotSum = 0.0;
        for (const auto &s : spots)
            spotSum += spotWeight(s, category, summer);
        for (const auto &s : spots) {
            weights.push_back(
                spotSum > 0 ? m.hotspotShare * spotWeight(s, category, summer) / spotSum : 0.0);
            m_kinds.push_back(1);
        }
        double roadSum = 0.0;
        for (const auto &r : roads)
            roadSum += r.baseFlow * r.length;
        for (const auto &r : roads) {
            weights.push_back(roadSum > 0 ? m.roadShare * r.baseFlow * r.length / roadSum : 0.0);
            m_kinds.push_back(2);
        }
        m_sampler = DiscreteSampler(weights);
    }

    /// A point inside the city and its quartier index.
    std::pair<Pt, int> sample(Rng &rng) const
    {
        for (;;) {
            const std::size_t c = m_sampler(rng);
            const std::size_t nq = m_city.quartiers.size();
            if (m_kinds[c] == 0)
                return inQuartier(c, rng);
            if (m_kinds[c] == 1) {
                const Hotspot &s = m_spots[c - nq];
                for (int attempt = 0; attempt < 30; ++attempt) {
                    const Pt p{rng.normal(s.centre.x, s.sigma), rng.normal(s.centre.y, s.sigma)};
                    const int q = m_city.index.find(p.x, p.y);
                    if (q >= 0)
                        return {p, q};
                }
                continue;
            }
            const Segment &r = m_roads[c - nq - m_spots.size()];
            for (int attempt = 0; attempt < 30; ++attempt) {
                double dx = 0.0, dy = 0.0;
                const Pt on = pointAlong(r.points, rng.uniform(0.0, r.length), &dx, &dy);
                const double off = rng.normal(0.0, 12.0);
                const Pt p{on.x - dy * off, on.y + dx * off};
                const int q = m_city.index.find(p.x, p.y);
                if (q >= 0)
                    return {p, q};
            }
        }
    }

    std::pair<Pt, int> inQuartier(std::size_t qi, Rng &rng) const
    {
        const Quartier &quartier = m_city.quartiers[qi];
        const Box &b = quartier.area.box;
        // Most of a quartier's life is around its centre (the seed); the rest is spread out.
        const bool centred = rng.bernoulli(0.6);
        const double sigma = 350.0 * std::sqrt(quartier.areaKm2);
        for (;;) {
            const Pt p =
                centred ? Pt{rng.normal(quartier.seed.x, sigma), rng.normal(quartier.seed.y, sigma)}
                        : Pt{rng.uniform(b.minX, b.maxX), rng.uniform(b.minY, b.maxY)};
            if (!quartier.area.contains(p.x, p.y))
                continue;
            const int q = m_city.index.find(p.x, p.y);
            if (q >= 0)
                return {p, q};
        }
    }

private:
    static double quartierFactor(const Quartier &q, int category)
    {
        const int a = q.arrondissement;
        const bool north = a == 3 || (a >= 13 && a <= 16);
        const bool centre = a == 1 || a == 2 || a == 6;
        switch (category) {
        case Stupefiants:
            return north ? 2.2 : (centre ? 1.0 : 0.4);
        case AtteintesBiens:
            return centre ? 1.6 : 1.0;
        case Nuisances:
            return centre ? 1.8 : (a == 5 || a == 7 ? 1.3 : 1.0);
        case Violences:
            return centre ? 1.5 : (north ? 1.2 : 1.0);
        case Incivilites:
            return north ? 1.3 : 1.0;
        default:
            return 1.0;
        }
    }
    static double spotWeight(const Hotspot &s, int category, bool summer)
    {
        const double w = s.weight[std::size_t(category)];
        return s.summer ? w * (summer ? 2.5 : 0.25) : w;
    }

    const City &m_city;
    const std::vector<Hotspot> &m_spots;
    const std::vector<Segment> &m_roads;
    std::vector<int> m_kinds;
    DiscreteSampler m_sampler;
};

double hourWeight(const CategoryModel &m, int hour, bool weekend)
{
    double w = m.hours[std::size_t(hour)];
    if (weekend && hour <= 5)
        w *= m.weekendNight;
    if (weekend && ((hour >= 7 && hour <= 9) || (hour >= 17 && hour <= 19)))
        w *= m.weekendRush;
    return w;
}

/// Draws a local time of day (hours, fractional) from the category profile.
double sampleHour(const CategoryModel &m, bool weekend, Rng &rng)
{
    double total = 0.0;
    for (int h = 0; h < 24; ++h)
        total += hourWeight(m, h, weekend);
    double u = rng.uniform() * total;
    int hour = 23;
    for (int h = 0; h < 24; ++h) {
        u -= hourWeight(m, h, weekend);
        if (u < 0.0) {
            hour = h;
            break;
        }
    }
    return hour + rng.uniform();
}

std::size_t drawIndex(const std::array<double, 3> &w, Rng &rng)
{
    const double u = rng.uniform() * (w[0] + w[1] + w[2]);
    return u < w[0] ? 0 : (u < w[0] + w[1] ? 1 : 2);
}

/// The background incidents of every category, day by day (rng: the incidents' stream).
std::vector<analytics::SpaceTimeEvent> backgroundEvents(const City &city,
                                                        const std::vector<Segment> &roads,
                                                        const DemoOptions &options, Rng &rng,
                                                        analytics::Feedback *feedback)
{
    const auto spots = hotspots(city);
    const auto &models = categoryModels();
    const qint64 days = options.firstDay.daysTo(options.lastDay) + 1;

    std::vector<LocationSampler> samplers[2];
    for (int summer = 0; summer < 2; ++summer)
        for (int c = 0; c < NCat; ++c)
            samplers[summer].emplace_back(city, spots, roads, c, summer == 1);

    // Background events, day by day.
    std::vector<analytics::SpaceTimeEvent> background;
    for (qint64 d = 0; d < days; ++d) {
        if (d % 64 == 0)
            analytics::throwIfCanceled(feedback);
        const QDate day = options.firstDay.addDays(d);
        const bool weekend = isWeekend(day);
        const bool summer = day.month() >= 6 && day.month() <= 8;
        const double progressOfPeriod = days > 1 ? double(d) / double(days - 1) : 0.0;
        for (int c = 0; c < NCat; ++c) {
            const CategoryModel &m = models[std::size_t(c)];
            double weekdayMean = 0.0;
            for (double w : m.weekday)
                weekdayMean += w / 7.0;
            const double season =
                1.0 + m.seasonAmplitude * std::cos(2.0 * std::numbers::pi *
                                                   (day.dayOfYear() - m.seasonPeakDay) / 365.25);
            const double trend = 1.0 + m.trendOverPeriod * (progressOfPeriod - 0.5);
            const double lambda = options.incidentScale * m.perYear / 365.25 * (1.0 - m.branching) *
                                  season * trend * m.weekday[std::size_t(day.dayOfWeek() - 1)] /
                                  weekdayMean;
            const std::int64_t n = rng.poisson(lambda);
            for (std::int64_t k = 0; k < n; ++k) {
                const auto [p, q] = samplers[summer ? 1 : 0][std::size_t(c)].sample(rng);
                background.push_back(
                    {p.x, p.y, double(d) + sampleHour(m, weekend, rng) / 24.0, c, 0});
            }
        }
    }
    return background;
}

/// Adds the near repeats to the background and dates every incident in local time.
std::vector<Incident> withNearRepeats(std::vector<analytics::SpaceTimeEvent> background,
                                      const City &city, const DemoOptions &options)
{
    const auto &models = categoryModels();
    const qint64 days = options.firstDay.daysTo(options.lastDay) + 1;
    // Near-repeat offspring (same category, within about 200 m and a few days).
    Rng offspringRng = Rng::stream(options.seed, StreamOffspring);
    const auto params = [&](int mark) {
        analytics::NearRepeatParams p;
        p.branchingRatio = models[std::size_t(mark)].branching;
        p.meanDelayDays = 2.5;
        p.sigmaMetres = 60.0;
        p.horizonDays = double(days);
        p.maxGeneration = 4;
        return p;
    };
    analytics::addNearRepeatOffspring(background, params, offspringRng, [&](double x, double y) {
        return city.index.find(x, y) >= 0;
    });

    std::vector<Incident> incidents;
    incidents.reserve(background.size() + 1000);
    for (const auto &e : background) {
        Incident inc;
        inc.x = e.x;
        inc.y = e.y;
        inc.category = e.mark;
        inc.quartier = city.index.find(e.x, e.y);
        const auto dayIndex = static_cast<qint64>(std::floor(e.t));
        const QDate day = options.firstDay.addDays(dayIndex);
        double hour = (e.t - double(dayIndex)) * 24.0;
        if (e.generation > 0) // repeats follow the category's daily rhythm too
            hour = sampleHour(models[std::size_t(e.mark)], isWeekend(day), offspringRng);
        inc.at = localToUtc(day, hour);
        incidents.push_back(inc);
    }
    return incidents;
}

/// Crowds: a few more incidents around a venue while an event takes place.
void addCrowdIncidents(std::vector<Incident> &incidents, const std::vector<DemoEvent> &events,
                       const City &city, const DemoOptions &options)
{
    Rng crowdRng = Rng::stream(options.seed, StreamEventIncidents);
    const std::array<double, 3> crowdCats = {0.3, 0.25, 0.45}; // biens, violences, nuisances
    for (const DemoEvent &ev : events) {
        const double hours = double(ev.start.secsTo(ev.end)) / 3600.0;
        const double activeHours = std::min(hours, 10.0 * std::ceil(hours / 24.0));
        const double lambda =
            options.incidentScale * double(ev.attendance) * 0.0003 * (activeHours / 3.0);
        const std::int64_t n = crowdRng.poisson(
            std::min(lambda, 60.0 * options.incidentScale * std::ceil(hours / 24.0)));
        for (std::int64_t k = 0; k < n; ++k) {
            Pt p;
            int q = -1;
            for (int attempt = 0; attempt < 30 && q < 0; ++attempt) {
                p = {crowdRng.normal(ev.at.x, 220.0), crowdRng.normal(ev.at.y, 220.0)};
                q = city.index.find(p.x, p.y);
            }
            if (q < 0)
                continue;
            const std::size_t c = drawIndex(crowdCats, crowdRng);
            Incident inc;
            inc.x = p.x;
            inc.y = p.y;
            inc.quartier = q;
            inc.category = c == 0 ? AtteintesBiens : (c == 1 ? Violences : Nuisances);
            // From an hour before to an hour after, within the evening of multi-day events.
            const qint64 span = ev.start.secsTo(ev.end) + 7200;
            QDateTime at = ev.start.addSecs(-3600 + qint64(crowdRng.uniform() * double(span)));
            if (hours > 24.0) {
                const QDateTime dayStart = ev.start.addDays(ev.start.daysTo(at));
                at = dayStart.addSecs(qint64(crowdRng.uniform(-1.0, 10.0) * 3600.0));
            }
            inc.at = at;
            const QDate day = at.date();
            if (day < options.firstDay || day > options.lastDay)
                continue;
            incidents.push_back(inc);
        }
    }
}

} // namespace

std::vector<Incident> simulateIncidents(const City &city, const std::vector<Segment> &roads,
                                        const std::vector<DemoEvent> &events,
                                        const DemoOptions &options, analytics::Feedback *feedback)
{
    // The draws keep their order: the incidents' stream for the background, then (after the
    // near repeats' and the crowds' own streams) for severity and reporter.
    Rng rng = Rng::stream(options.seed, StreamIncidents);
    const auto &models = categoryModels();
    std::vector<analytics::SpaceTimeEvent> background =
        backgroundEvents(city, roads, options, rng, feedback);
    progress(feedback, 25.0,
             QT_TRANSLATE_NOOP("vigie::core::DemoGenerator", "Simulating near-repeat incidents"));
    std::vector<Incident> incidents = withNearRepeats(std::move(background), city, options);
    addCrowdIncidents(incidents, events, city, options);

    for (auto &inc : incidents) {
        const CategoryModel &m = models[std::size_t(inc.category)];
        inc.severity = int(drawIndex(m.severity, rng)) + 1;
        inc.reporter = int(drawIndex(m.reporter, rng));
    }
    // A stable, total order: time, then position.
    std::sort(incidents.begin(), incidents.end(), [](const Incident &a, const Incident &b) {
        const qint64 ta = a.at.toSecsSinceEpoch();
        const qint64 tb = b.at.toSecsSinceEpoch();
        return std::tie(ta, a.x, a.y, a.category) < std::tie(tb, b.x, b.y, b.category);
    });
    return incidents;
}

} // namespace vigie::core::demo
