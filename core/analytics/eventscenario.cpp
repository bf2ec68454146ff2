// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventscenario.h"

#include "rng.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace vigie::analytics {

namespace {

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

int staffing(double extra, double ratio)
{
    const double u = std::max(0.0, extra) * ratio;
    return int(std::floor(u + 0.5)); // to the nearest unit: 0.03 expected incidents need none
}

} // namespace

namespace {

void checkEventScenarioParams(const PointSet &incidents, const EventScenarioParams &params)
{
    if (incidents.t.size() != incidents.size())
        throw std::invalid_argument("estimateEventScenario: incidents need times (t)");
    if (!(params.radiusM > 0))
        throw std::invalid_argument("estimateEventScenario: radiusM must be > 0");
    if (params.hourTo <= params.hourFrom)
        throw std::invalid_argument("estimateEventScenario: hourTo must be greater than hourFrom");
    if (params.controlWeeks < 1)
        throw std::invalid_argument("estimateEventScenario: controlWeeks must be >= 1");
    if (!(params.confidence > 0 && params.confidence < 1))
        throw std::invalid_argument("estimateEventScenario: confidence must be in (0, 1)");
    if (params.bootstrapReplicates < 0)
        throw std::invalid_argument("estimateEventScenario: bootstrapReplicates must be >= 0");
    if (!(params.unitsPerIncident >= 0))
        throw std::invalid_argument("estimateEventScenario: unitsPerIncident must be >= 0");
    if (!(params.exclusionRadiusM >= 0) || !(params.targetAttendance >= 0))
        throw std::invalid_argument(
            "estimateEventScenario: exclusionRadiusM and targetAttendance must be >= 0");
    if (std::isfinite(params.venueX) && std::isfinite(params.venueY) &&
        !(params.venueMatchRadiusM >= 0))
        throw std::invalid_argument("estimateEventScenario: venueMatchRadiusM must be >= 0");

    if (params.zoneCount < 0)
        throw std::invalid_argument("estimateEventScenario: zoneCount must be >= 0");
    if (params.zoneCount > 0 && params.incidentZone.size() != incidents.size())
        throw std::invalid_argument(
            "estimateEventScenario: incidentZone must have one value per incident");
}

/// What the past events and their control days gave: per used event its counts, its scale and
/// its control days (ids into controlCounts: control days are shared between events at the same
/// place and time of week, one id per distinct window).
struct EventSamples
{
    std::vector<std::vector<double>> extraPerEvent; // L values per used event (scaled)
    std::vector<std::vector<double>> eventCounts;
    std::vector<double> eventScale;
    std::vector<std::vector<std::size_t>> eventControls;
    std::vector<std::vector<double>> controlCounts;
    std::vector<double> eventSum, baseSum;
};

/// Counts of incidents around past events and on the same weekday and hours in the weeks around
/// them (the control days), hour by hour and zone by zone.
class EventStudy
{
public:
    EventStudy(const PointSet &incidents, std::span<const PastEvent> events,
               const EventScenarioParams &params)
        : H(params.hourTo - params.hourFrom), Z(params.zoneCount), L((1 + Z) * H),
          incidents(incidents), events(events), params(params),
          exclusion(params.exclusionRadiusM > 0 ? params.exclusionRadiusM : 2.0 * params.radiusM),
          r2(params.radiusM * params.radiusM)
    {
        // Incidents sorted by time.
        order.resize(incidents.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return incidents.t[a] < incidents.t[b]; });
        sortedT.resize(order.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            sortedT[i] = incidents.t[order[i]];
        tMin = sortedT.empty() ? 0.0 : sortedT.front();
        tMax = sortedT.empty() ? 0.0 : sortedT.back();
    }

    EventSamples collect(EventScenarioResult &res, Feedback *feedback) const
    {
        const bool byVenue = std::isfinite(params.venueX) && std::isfinite(params.venueY);
        EventSamples out;
        std::map<std::tuple<long long, long long, long long>, std::size_t> controlId;
        const auto Ls = static_cast<std::size_t>(L);
        out.eventSum.assign(Ls, 0.0);
        out.baseSum.assign(Ls, 0.0);
        std::vector<double> ev(Ls), ctl(Ls), base(Ls);
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (i % 64 == 0) {
                throwIfCanceled(feedback);
                if (feedback)
                    feedback->setProgress(60.0 * double(i) / double(events.size()), "events");
            }
            const PastEvent &e = events[i];
            if (!params.type.empty() && e.type != params.type)
                continue;
            if (byVenue &&
                std::hypot(e.x - params.venueX, e.y - params.venueY) > params.venueMatchRadiusM)
                continue;
            if (!windowInData(e.start))
                continue;
            double scale = 1.0;
            if (params.targetAttendance > 0) {
                if (!(e.attendance > 0)) {
                    ++res.eventsSkipped;
                    continue;
                }
                scale = params.targetAttendance / e.attendance;
            }
            int controls = 0;
            std::vector<std::size_t> myControls;
            std::fill(base.begin(), base.end(), 0.0);
            for (int k = -params.controlWeeks; k <= params.controlWeeks; ++k) {
                if (k == 0)
                    continue;
                const double start = e.start + 7.0 * k;
                if (!windowInData(start))
                    continue;
                if (eventNear(e.x, e.y, start)) {
                    ++res.controlsExcluded;
                    continue;
                }
                countWindow(e.x, e.y, start, ctl.data());
                const auto key = std::make_tuple(std::llround(start * 1440.0), std::llround(e.x),
                                                 std::llround(e.y));
                const auto [it, inserted] = controlId.try_emplace(key, out.controlCounts.size());
                if (inserted)
                    out.controlCounts.push_back(ctl);
                myControls.push_back(it->second);
                for (std::size_t j = 0; j < Ls; ++j)
                    base[j] += ctl[j];
                ++controls;
            }
            if (controls == 0) {
                ++res.eventsSkipped;
                continue;
            }
            countWindow(e.x, e.y, e.start, ev.data());
            std::vector<double> extra(Ls);
            for (std::size_t j = 0; j < Ls; ++j) {
                base[j] /= controls;
                extra[j] = scale * (ev[j] - base[j]);
                out.eventSum[j] += ev[j];
                out.baseSum[j] += base[j];
            }
            out.extraPerEvent.push_back(std::move(extra));
            out.eventCounts.push_back(ev);
            out.eventScale.push_back(scale);
            out.eventControls.push_back(std::move(myControls));
            res.eventsUsed.push_back(i);
            res.controlsPerEvent.push_back(controls);
        }
        return out;
    }

    const int H, Z,
        L; ///< hours, zones, slots (slot 0: every incident within the radius; 1 + z: zone z)

private:
    /// Hourly counts within the radius of (x, y) for the window starting at `start` (days).
    void countWindow(double x, double y, double start, double *out) const
    {
        std::fill(out, out + L, 0.0);
        const double a = start + params.hourFrom / 24.0, b = start + params.hourTo / 24.0;
        auto it = std::lower_bound(sortedT.begin(), sortedT.end(), a);
        for (auto i = std::size_t(it - sortedT.begin()); i < sortedT.size() && sortedT[i] < b;
             ++i) {
            const std::size_t k = order[i];
            const double dx = incidents.x[k] - x, dy = incidents.y[k] - y;
            if (dx * dx + dy * dy > r2)
                continue;
            const int bin = std::clamp(
                int(std::floor((sortedT[i] - start) * 24.0)) - params.hourFrom, 0, H - 1);
            out[bin] += incidents.weightOf(k);
            if (Z > 0) {
                const int z = params.incidentZone[k];
                if (z >= 0 && z < Z)
                    out[(1 + z) * H + bin] += incidents.weightOf(k);
            }
        }
    }

    bool windowInData(double start) const
    {
        return start + params.hourFrom / 24.0 >= tMin && start + params.hourTo / 24.0 <= tMax;
    }

    /// True when some event near (x, y) overlaps the window of a control day starting at `start`.
    bool eventNear(double x, double y, double start) const
    {
        const double a = start + params.hourFrom / 24.0, b = start + params.hourTo / 24.0;
        for (const PastEvent &e : events) {
            const double ea = e.start + params.hourFrom / 24.0;
            const double eb = std::max(e.end, e.start + params.hourTo / 24.0);
            if (ea < b && a < eb && std::hypot(e.x - x, e.y - y) <= exclusion)
                return true;
        }
        return false;
    }

    const PointSet &incidents;
    std::span<const PastEvent> events;
    const EventScenarioParams &params;
    const double exclusion, r2;
    std::vector<std::size_t> order; ///< incidents by time
    std::vector<double> sortedT;
    double tMin = 0, tMax = 0;
};

/// Two-level bootstrap: events with replacement, and (independently, shared by all events) the
/// distinct control days with replacement, so that the uncertainty of a baseline that several
/// events share is counted once for all of them. Fills perHour (L series) and totals.
void bootstrapEvents(const EventSamples &samples, const EventScenarioParams &params, int H,
                     std::size_t Ls, std::vector<std::vector<double>> &perHour,
                     std::vector<double> &totals, Feedback *feedback)
{
    const std::size_t n = samples.extraPerEvent.size();
    const auto &extraPerEvent = samples.extraPerEvent;
    const auto &eventCounts = samples.eventCounts;
    const auto &eventScale = samples.eventScale;
    const auto &eventControls = samples.eventControls;
    const auto &controlCounts = samples.controlCounts;
    const std::size_t D = controlCounts.size();
    std::vector<double> dayWeight(D);
    std::vector<double> mean(Ls), b(Ls);
    for (int rep = 0; rep < params.bootstrapReplicates; ++rep) {
        if (rep % 64 == 0) {
            throwIfCanceled(feedback);
            if (feedback)
                feedback->setProgress(60.0 + 40.0 * rep / params.bootstrapReplicates, "bootstrap");
        }
        Rng rng = Rng::stream(params.seed, std::uint64_t(rep));
        std::fill(dayWeight.begin(), dayWeight.end(), 0.0);
        for (std::size_t d = 0; d < D; ++d)
            dayWeight[std::size_t(rng.below(D))] += 1.0;
        std::fill(mean.begin(), mean.end(), 0.0);
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t e = std::size_t(rng.below(n));
            double wsum = 0;
            std::fill(b.begin(), b.end(), 0.0);
            for (std::size_t d : eventControls[e]) {
                wsum += dayWeight[d];
                for (std::size_t j = 0; j < Ls; ++j)
                    b[j] += dayWeight[d] * controlCounts[d][j];
            }
            for (std::size_t j = 0; j < Ls; ++j) {
                // No drawn control day for this event: keep its own baseline.
                const double bj = wsum > 0
                                      ? b[j] / wsum
                                      : eventCounts[e][j] - extraPerEvent[e][j] / eventScale[e];
                mean[j] += eventScale[e] * (eventCounts[e][j] - bj);
            }
        }
        double total = 0;
        for (std::size_t j = 0; j < Ls; ++j) {
            mean[j] /= double(n);
            perHour[j].push_back(mean[j]);
            if (j < std::size_t(H))
                total += mean[j];
        }
        totals.push_back(total);
    }
}

} // namespace

EventScenarioResult estimateEventScenario(const PointSet &incidents,
                                          std::span<const PastEvent> events,
                                          const EventScenarioParams &params, Feedback *feedback)
{
    checkEventScenarioParams(incidents, params);
    const EventStudy study(incidents, events, params);
    const int H = study.H, Z = study.Z;
    const auto Ls = static_cast<std::size_t>(study.L);
    EventScenarioResult res;
    const EventSamples samples = study.collect(res, feedback);
    const auto &extraPerEvent = samples.extraPerEvent;
    const auto &eventSum = samples.eventSum;
    const auto &baseSum = samples.baseSum;
    const std::size_t n = extraPerEvent.size();
    if (n == 0)
        throw std::invalid_argument(
            "estimateEventScenario: no past event matches the type, venue and data period "
            "with at least one ordinary control day");

    // Estimates per slot: slot 0 = res.hours, slot 1 + z = res.zoneHours[z].
    std::vector<EventHourEstimate> est(Ls);
    for (std::size_t j = 0; j < Ls; ++j) {
        EventHourEstimate &o = est[j];
        o.hour = params.hourFrom + int(j % std::size_t(H));
        o.eventMean = eventSum[j] / double(n);
        o.baselineMean = baseSum[j] / double(n);
        for (const auto &x : extraPerEvent)
            o.extra += x[j];
        o.extra /= double(n);
    }
    for (int h = 0; h < H; ++h)
        res.totalExtra += est[std::size_t(h)].extra;

    const double alpha = 1.0 - params.confidence;
    std::vector<std::vector<double>> perHour(Ls);
    std::vector<double> totals;
    bootstrapEvents(samples, params, H, Ls, perHour, totals, feedback);
    for (std::size_t j = 0; j < Ls; ++j) {
        EventHourEstimate &o = est[j];
        if (params.bootstrapReplicates > 0) {
            o.low = percentile(perHour[j], alpha / 2.0);
            o.high = percentile(perHour[j], 1.0 - alpha / 2.0);
        } else {
            o.low = o.high = std::numeric_limits<double>::quiet_NaN();
        }
        o.units = staffing(o.extra, params.unitsPerIncident);
        o.unitsHigh = std::isfinite(o.high) ? staffing(o.high, params.unitsPerIncident) : o.units;
    }
    res.hours.assign(est.begin(), est.begin() + H);
    for (int z = 0; z < Z; ++z)
        res.zoneHours.emplace_back(est.begin() + std::ptrdiff_t((1 + z) * H),
                                   est.begin() + std::ptrdiff_t((2 + z) * H));
    if (params.bootstrapReplicates > 0) {
        res.totalLow = percentile(totals, alpha / 2.0);
        res.totalHigh = percentile(totals, 1.0 - alpha / 2.0);
    } else {
        res.totalLow = res.totalHigh = std::numeric_limits<double>::quiet_NaN();
    }
    if (feedback)
        feedback->setProgress(100, "done");
    return res;
}

} // namespace vigie::analytics
