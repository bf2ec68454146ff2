// SPDX-License-Identifier: GPL-3.0-or-later
#include "forecast.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace vigie::analytics {

namespace {

void require(bool ok, const std::string &message)
{
    if (!ok)
        throw std::invalid_argument(message);
}

void validateGrid(const GridSpec &g, const char *who)
{
    require(g.cols > 0 && g.rows > 0, std::string(who) + ": grid cols and rows must be positive");
    require(std::isfinite(g.cellSize) && g.cellSize > 0,
            std::string(who) + ": grid cellSize must be positive");
}

void validateEvents(const PointSet &events, const char *who)
{
    require(events.y.size() == events.size(), std::string(who) + ": x and y differ in size");
    require(events.t.size() == events.size(),
            std::string(who) + ": events need a time t (days) for each point");
}

/// Owned copy of the events with fromDay <= t < toDay.
struct EventSubset
{
    std::vector<double> x, y, t;
    PointSet set() const { return {x, y, {}, t}; }
};

EventSubset subset(const PointSet &events, double fromDay, double toDay)
{
    EventSubset s;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const double t = events.t[i];
        if (t >= fromDay && t < toDay) {
            s.x.push_back(events.x[i]);
            s.y.push_back(events.y[i]);
            s.t.push_back(t);
        }
    }
    return s;
}

/// Forwards the progress of nested work to `outer`, mapped to [base, base + span] percent, and
/// stops the nested work when `outer` is cancelled.
class NestedFeedback
{
public:
    NestedFeedback(Feedback *outer, double base, double span)
        : m_inner([outer, base, span](double percent, const std::string &step) {
              if (outer->isCanceled())
                  throw Canceled{};
              outer->setProgress(base + span * percent / 100.0, step);
          }),
          m_outer(outer)
    {
    }
    Feedback *get() { return m_outer ? &m_inner : nullptr; }

private:
    Feedback m_inner;
    Feedback *m_outer;
};

} // namespace

std::string forecastModelName(ForecastModel model)
{
    switch (model) {
    case ForecastModel::Sepp:
        return "sepp";
    case ForecastModel::ProspectiveKde:
        return "prospective-kde";
    case ForecastModel::LastPeriod:
        return "last-period";
    }
    return "unknown";
}

std::optional<ForecastModel> parseForecastModel(std::string_view name)
{
    if (name == "sepp")
        return ForecastModel::Sepp;
    if (name == "prospective-kde" || name == "kde")
        return ForecastModel::ProspectiveKde;
    if (name == "last-period" || name == "last")
        return ForecastModel::LastPeriod;
    return std::nullopt;
}

double periodDays(ForecastPeriod period)
{
    switch (period) {
    case ForecastPeriod::Shift:
        return 8.0 / 24.0;
    case ForecastPeriod::Day:
        return 1.0;
    case ForecastPeriod::Week:
        return 7.0;
    case ForecastPeriod::Month:
        return 365.2425 / 12.0;
    }
    return 1.0;
}

std::vector<double> countPerCell(const PointSet &events, const GridSpec &grid, double fromDay,
                                 double toDay)
{
    validateGrid(grid, "countPerCell");
    validateEvents(events, "countPerCell");
    std::vector<double> counts(grid.cellCount(), 0.0);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const double t = events.t[i];
        if (!(t >= fromDay && t < toDay))
            continue;
        const int c = grid.colOf(events.x[i]), r = grid.rowOf(events.y[i]);
        if (c >= 0 && r >= 0)
            counts[grid.index(c, r)] += 1.0;
    }
    return counts;
}

Raster prospectiveKdeForecast(const PointSet &events, const GridSpec &grid, double originDay,
                              double horizonDays, double trainingDays,
                              const ProspectiveKdeParams &p, Feedback *feedback)
{
    validateGrid(grid, "prospectiveKdeForecast");
    validateEvents(events, "prospectiveKdeForecast");
    require(std::isfinite(originDay), "prospectiveKdeForecast: originDay must be finite");
    require(std::isfinite(horizonDays) && horizonDays > 0,
            "prospectiveKdeForecast: horizonDays must be positive");
    require(trainingDays > 0, "prospectiveKdeForecast: trainingDays must be positive");
    require(std::isfinite(p.halfLifeDays) && p.halfLifeDays > 0,
            "ProspectiveKdeParams.halfLifeDays must be positive (days)");
    require(std::isfinite(p.bandwidth) && p.bandwidth > 0,
            "ProspectiveKdeParams.bandwidth must be positive (metres)");

    EventSubset past = subset(events, originDay - trainingDays, originDay);
    std::vector<double> w(past.t.size());
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = std::exp2(-(originDay - past.t[i]) / p.halfLifeDays);

    Raster out;
    out.grid = grid;
    out.values.assign(grid.cellCount(), 0.0);
    if (w.empty())
        return out;
    KdeParams kp;
    kp.kernel = p.kernel;
    kp.bandwidth = p.bandwidth;
    kp.rule = BandwidthRule::Fixed;
    kp.edgeCorrection = p.edgeCorrection;
    kp.scale = 1.0;
    const KdeResult kde = kernelDensity(PointSet{past.x, past.y, w, {}}, grid, kp, feedback);
    double mass = 0;
    for (double v : kde.density.values)
        if (std::isfinite(v))
            mass += v;
    if (!(mass > 0))
        return out;
    // Recency-weighted rate: sum of weights over the integral of the weight on the window.
    const double weightIntegral =
        p.halfLifeDays / std::log(2.0) *
        (std::isfinite(trainingDays) ? 1.0 - std::exp2(-trainingDays / p.halfLifeDays) : 1.0);
    const double total = std::accumulate(w.begin(), w.end(), 0.0) / weightIntegral * horizonDays;
    for (std::size_t c = 0; c < out.values.size(); ++c) {
        const double v = kde.density.values[c];
        out.values[c] = std::isfinite(v) ? v / mass * total : 0.0;
    }
    return out;
}

ForecastResult forecast(const PointSet &events, ForecastModel model, const ForecastParams &p,
                        Feedback *feedback)
{
    validateGrid(p.grid, "forecast");
    validateEvents(events, "forecast");
    require(std::isfinite(p.originDay), "ForecastParams.originDay must be finite");
    require(std::isfinite(p.horizonDays) && p.horizonDays > 0,
            "ForecastParams.horizonDays must be positive");
    require(p.trainingDays > 0, "ForecastParams.trainingDays must be positive (or infinity)");
    throwIfCanceled(feedback);

    ForecastResult result;
    result.model = model;
    const double from = p.originDay - p.trainingDays;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events.t[i] >= from && events.t[i] < p.originDay)
            ++result.trainingEvents;

    switch (model) {
    case ForecastModel::LastPeriod: {
        result.expected.grid = p.grid;
        const double previous = p.previousPeriodDays > 0 ? p.previousPeriodDays : p.horizonDays;
        result.expected.values = countPerCell(events, p.grid, p.originDay - previous, p.originDay);
        break;
    }
    case ForecastModel::ProspectiveKde:
        result.expected = prospectiveKdeForecast(events, p.grid, p.originDay, p.horizonDays,
                                                 p.trainingDays, p.kde, feedback);
        break;
    case ForecastModel::Sepp: {
        EventSubset past = subset(events, from, p.originDay);
        SeppParams sp = p.sepp;
        sp.grid = p.grid;
        // The window starts at the training start, or at the first event when the data start later
        // (an empty stretch before the data would lower the background rate).
        double first = p.originDay;
        for (double t : past.t)
            first = std::min(first, t);
        sp.startDay = std::max(from, first);
        sp.endDay = p.originDay;
        SeppModel m = fitSepp(past.set(), sp, feedback);
        result.expected = seppExpectedCounts(m, p.originDay, p.horizonDays);
        result.sepp = std::move(m);
        break;
    }
    }
    return result;
}

std::vector<HitMetrics> hitMetrics(std::span<const double> risk, std::span<const double> observed,
                                   std::span<const double> areaFractions,
                                   std::span<const std::uint8_t> window)
{
    require(risk.size() == observed.size(), "hitMetrics: risk and observed differ in size");
    require(window.empty() || window.size() == risk.size(),
            "hitMetrics: window and risk differ in size");
    for (double f : areaFractions)
        require(std::isfinite(f) && f > 0 && f <= 1, "hitMetrics: areaFractions must be in (0, 1]");
    std::vector<std::size_t> cells;
    for (std::size_t c = 0; c < risk.size(); ++c)
        if (window.empty() || window[c] != 0)
            cells.push_back(c);
    require(!cells.empty(), "hitMetrics: the study window has no cell");
    const auto key = [&](std::size_t c) {
        return std::isnan(risk[c]) ? -std::numeric_limits<double>::infinity() : risk[c];
    };
    std::stable_sort(cells.begin(), cells.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) > key(b); });

    const std::size_t A = cells.size();
    double N = 0;
    std::vector<double> best;
    best.reserve(A);
    for (std::size_t c : cells) {
        N += observed[c];
        best.push_back(observed[c]);
    }
    std::sort(best.begin(), best.end(), std::greater<>());

    std::vector<HitMetrics> out;
    for (double f : areaFractions) {
        HitMetrics h;
        h.areaFraction = f;
        h.cells = std::clamp<std::size_t>(std::size_t(std::llround(f * double(A))), 1, A);
        h.events = N;
        // Walk the groups of equal risk; the group straddling the cut counts pro rata.
        std::size_t start = 0;
        double hits = 0;
        while (start < h.cells) {
            std::size_t end = start + 1;
            double groupHits = observed[cells[start]];
            while (end < A && key(cells[end]) == key(cells[start])) {
                groupHits += observed[cells[end]];
                ++end;
            }
            if (end <= h.cells)
                hits += groupHits;
            else
                hits += groupHits * double(h.cells - start) / double(end - start);
            start = end;
        }
        h.hits = hits;
        h.bestHits = std::accumulate(best.begin(), best.begin() + std::ptrdiff_t(h.cells), 0.0);
        if (N > 0) {
            h.hitRate = hits / N;
            h.pai = h.hitRate / (double(h.cells) / double(A));
            h.pei = h.bestHits > 0 ? hits / h.bestHits : std::numeric_limits<double>::quiet_NaN();
        } else {
            h.hitRate = h.pai = h.pei = std::numeric_limits<double>::quiet_NaN();
        }
        out.push_back(h);
    }
    return out;
}

namespace {

/// Checks the parameters of an evaluation; throws std::invalid_argument.
void validateEvaluation(const EvaluationParams &p)
{
    const ForecastParams &fp = p.forecast;
    if (!p.boundaries.empty()) {
        require(p.boundaries.size() >= 2, "EvaluationParams.boundaries needs at least 2 values");
        for (std::size_t k = 0; k < p.boundaries.size(); ++k)
            require(std::isfinite(p.boundaries[k]) &&
                        (k == 0 || p.boundaries[k] > p.boundaries[k - 1]),
                    "EvaluationParams.boundaries must be finite and increasing");
    } else {
        require(p.periods >= 1, "EvaluationParams.periods must be at least 1");
        require(std::isfinite(p.firstOriginDay), "EvaluationParams.firstOriginDay must be finite");
        require(std::isfinite(fp.horizonDays) && fp.horizonDays > 0,
                "EvaluationParams.forecast.horizonDays must be positive");
    }
    require(!p.models.empty(), "EvaluationParams.models must not be empty");
    require(!p.areaFractions.empty(), "EvaluationParams.areaFractions must not be empty");
    for (double f : p.areaFractions)
        require(std::isfinite(f) && f > 0 && f <= 1,
                "EvaluationParams.areaFractions must be in (0, 1]");
    require(p.window.empty() || p.window.size() == fp.grid.cellCount(),
            "EvaluationParams.window must be empty or have one value per grid cell");

    if (std::find(p.models.begin(), p.models.end(), ForecastModel::Sepp) != p.models.end()) {
        SeppParams sp = fp.sepp; // so that only data problems are skipped below
        sp.grid = fp.grid;
        validateSeppParams(sp);
    }
}

/// The mean scores of each model over the periods it could be scored on (with incidents).
void summarise(const std::vector<ForecastModel> &models, std::size_t nf, EvaluationTable &table)
{
    for (ForecastModel model : models) {
        ModelSummary m;
        m.model = model;
        m.meanHitRate.assign(nf, 0.0);
        m.meanPai.assign(nf, 0.0);
        m.meanPei.assign(nf, 0.0);
        for (const PeriodScore &s : table.scores) {
            if (s.model != model || !(s.metrics.front().events > 0))
                continue;
            ++m.periodsScored;
            for (std::size_t f = 0; f < nf; ++f) {
                m.meanHitRate[f] += s.metrics[f].hitRate;
                m.meanPai[f] += s.metrics[f].pai;
                m.meanPei[f] += s.metrics[f].pei;
            }
        }
        for (std::size_t f = 0; f < nf; ++f) {
            const double d = m.periodsScored > 0 ? double(m.periodsScored)
                                                 : std::numeric_limits<double>::quiet_NaN();
            m.meanHitRate[f] /= d;
            m.meanPai[f] /= d;
            m.meanPei[f] /= d;
        }
        table.summary.push_back(std::move(m));
    }
}

} // namespace

EvaluationTable evaluateForecasts(const PointSet &events, const EvaluationParams &p,
                                  Feedback *feedback)
{
    const ForecastParams &fp = p.forecast;
    validateGrid(fp.grid, "evaluateForecasts");
    validateEvents(events, "evaluateForecasts");
    const bool calendar = !p.boundaries.empty();
    validateEvaluation(p);
    const int periods = calendar ? int(p.boundaries.size()) - 1 : p.periods;
    // Period k: [origin(k), origin(k) + length(k)).
    auto origin = [&](int k) {
        return calendar ? p.boundaries[std::size_t(k)] : p.firstOriginDay + k * fp.horizonDays;
    };
    auto length = [&](int k) {
        return calendar ? p.boundaries[std::size_t(k) + 1] - p.boundaries[std::size_t(k)]
                        : fp.horizonDays;
    };
    EvaluationTable table;
    table.areaFractions = p.areaFractions;
    table.horizonDays =
        calendar ? (p.boundaries.back() - p.boundaries.front()) / periods : fp.horizonDays;
    table.windowCells = p.window.empty()
                            ? fp.grid.cellCount()
                            : std::size_t(std::count_if(p.window.begin(), p.window.end(),
                                                        [](std::uint8_t v) { return v != 0; }));
    require(table.windowCells > 0, "EvaluationParams.window has no cell inside");

    const std::size_t steps = std::size_t(periods) * p.models.size();
    std::size_t step = 0;
    for (int k = 0; k < periods; ++k) {
        const double start = origin(k), days = length(k);
        const std::vector<double> observed = countPerCell(events, fp.grid, start, start + days);
        double n = 0;
        for (std::size_t c = 0; c < observed.size(); ++c)
            if (p.window.empty() || p.window[c] != 0)
                n += observed[c];
        table.testEvents.push_back(n);
        for (ForecastModel model : p.models) {
            throwIfCanceled(feedback);
            const double base = 100.0 * double(step) / double(steps);
            if (feedback)
                feedback->setProgress(base, "Forecast evaluation: " + forecastModelName(model) +
                                                ", period " + std::to_string(k + 1) + "/" +
                                                std::to_string(periods));
            ForecastParams one = fp;
            one.originDay = start;
            one.horizonDays = days;
            // Calendar periods: the last period is the one before, of its own length.
            if (calendar)
                one.previousPeriodDays = k > 0                       ? length(k - 1)
                                         : fp.previousPeriodDays > 0 ? fp.previousPeriodDays
                                                                     : days;
            NestedFeedback nested(feedback, base, 100.0 / double(steps));
            std::optional<ForecastResult> r;
            try {
                r = forecast(events, model, one, nested.get());
            } catch (const std::invalid_argument &) {
                // Too few training events for this model on this period: skipped (parameters
                // were validated above, so this only comes from the data).
                if (model != ForecastModel::Sepp)
                    throw;
            }
            ++step;
            if (!r)
                continue;
            PeriodScore s;
            s.model = model;
            s.originDay = start;
            s.trainingEvents = r->trainingEvents;
            s.metrics = hitMetrics(r->expected.values, observed, p.areaFractions, p.window);
            if (r->sepp) {
                s.theta = r->sepp->theta;
                s.omega = r->sepp->omega;
                s.sigma = r->sepp->sigma;
            }
            table.scores.push_back(std::move(s));
        }
    }

    summarise(p.models, p.areaFractions.size(), table);
    if (feedback)
        feedback->setProgress(100, "Forecast evaluation: done");
    return table;
}

std::string formatEvaluationTable(const EvaluationTable &table)
{
    std::string out;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "Rolling-origin evaluation: %zu periods of %g days, study area %zu cells\n",
                  table.testEvents.size(), table.horizonDays, table.windowCells);
    out += buf;
    std::snprintf(buf, sizeof buf, "%-16s %7s", "model", "periods");
    out += buf;
    for (double f : table.areaFractions) {
        const double pct = 100.0 * f;
        std::snprintf(buf, sizeof buf, "  hit@%-4g PAI@%-4g PEI@%-4g", pct, pct, pct);
        out += buf;
    }
    out += "\n";
    for (const ModelSummary &m : table.summary) {
        std::snprintf(buf, sizeof buf, "%-16s %7d", forecastModelName(m.model).c_str(),
                      m.periodsScored);
        out += buf;
        for (std::size_t f = 0; f < table.areaFractions.size(); ++f) {
            std::snprintf(buf, sizeof buf, "  %7.1f%% %8.2f %8.2f", 100.0 * m.meanHitRate[f],
                          m.meanPai[f], m.meanPei[f]);
            out += buf;
        }
        out += "\n";
    }
    double total = 0;
    for (double n : table.testEvents)
        total += n;
    std::snprintf(
        buf, sizeof buf,
        "(means over periods; %g held-out events; hit = share of events in the top cells)\n",
        total);
    out += buf;
    return out;
}

} // namespace vigie::analytics
