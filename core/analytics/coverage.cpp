// SPDX-License-Identifier: GPL-3.0-or-later
#include "coverage.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace vigie::analytics {

namespace {

constexpr double kDegPerRad = 57.29577951308232;

void validate(const Camera &c, const char *who)
{
    if (!(c.rangeM >= 0) || !(c.fovDeg >= 0) || !std::isfinite(c.x) || !std::isfinite(c.y) ||
        !std::isfinite(c.directionDeg))
        throw std::invalid_argument(
            std::string(who) +
            ": camera needs finite x, y, direction and rangeM >= 0, fovDeg >= 0");
}

/// Cells (indices) whose centre the camera sees.
std::vector<std::uint32_t> cellsSeen(const GridSpec &g, const Camera &cam)
{
    std::vector<std::uint32_t> out;
    const int c0 = std::max(0, int(std::floor((cam.x - cam.rangeM - g.xMin) / g.cellSize)));
    const int c1 =
        std::min(g.cols - 1, int(std::floor((cam.x + cam.rangeM - g.xMin) / g.cellSize)));
    const int r0 = std::max(0, int(std::floor((g.yMax() - cam.y - cam.rangeM) / g.cellSize)));
    const int r1 =
        std::min(g.rows - 1, int(std::floor((g.yMax() - cam.y + cam.rangeM) / g.cellSize)));
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            if (cameraSees(cam, g.centreX(c), g.centreY(r)))
                out.push_back(std::uint32_t(g.index(c, r)));
    return out;
}

double cleanRisk(double v)
{
    return (std::isfinite(v) && v > 0) ? v : 0.0;
}

double hotspotThreshold(const Raster &risk, double q)
{
    std::vector<double> v;
    for (double r : risk.values)
        if (cleanRisk(r) > 0)
            v.push_back(r);
    if (v.empty())
        return std::numeric_limits<double>::infinity();
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

void checkRisk(const Raster &risk, const char *who)
{
    if (risk.values.size() != risk.grid.cellCount() || risk.grid.cellCount() == 0)
        throw std::invalid_argument(std::string(who) + ": risk must have grid.cellCount() values");
}

} // namespace

bool cameraSees(const Camera &cam, double x, double y)
{
    const double dx = x - cam.x, dy = y - cam.y;
    const double d2 = dx * dx + dy * dy;
    if (d2 > cam.rangeM * cam.rangeM)
        return false;
    if (cam.fovDeg >= 360.0 || d2 == 0.0)
        return true;
    const double bearing = std::atan2(dx, dy) * kDegPerRad; // clockwise from north
    const double diff =
        std::fmod(std::fmod(bearing - cam.directionDeg, 360.0) + 540.0, 360.0) - 180.0;
    return std::fabs(diff) <= cam.fovDeg / 2.0 + 1e-9;
}

std::vector<std::uint16_t> coverageCount(const GridSpec &grid, std::span<const Camera> cameras)
{
    std::vector<std::uint16_t> count(grid.cellCount(), 0);
    for (const Camera &cam : cameras) {
        validate(cam, "coverageCount");
        for (auto k : cellsSeen(grid, cam))
            if (count[k] < 0xFFFF)
                ++count[k];
    }
    return count;
}

std::vector<std::uint8_t> coverageMask(const GridSpec &grid, std::span<const Camera> cameras)
{
    const auto count = coverageCount(grid, cameras);
    std::vector<std::uint8_t> mask(count.size());
    for (std::size_t k = 0; k < count.size(); ++k)
        mask[k] = count[k] > 0;
    return mask;
}

CoverageSummary riskCoverage(const Raster &risk, std::span<const std::uint8_t> covered,
                             double hotspotQuantile)
{
    checkRisk(risk, "riskCoverage");
    if (covered.size() != risk.values.size())
        throw std::invalid_argument("riskCoverage: covered must have grid.cellCount() values");
    if (!(hotspotQuantile >= 0 && hotspotQuantile <= 1))
        throw std::invalid_argument("riskCoverage: hotspotQuantile must be in [0, 1]");
    CoverageSummary s;
    s.hotspotThreshold = hotspotThreshold(risk, hotspotQuantile);
    for (std::size_t k = 0; k < covered.size(); ++k) {
        const double r = cleanRisk(risk.values[k]);
        const bool hot = r > 0 && r >= s.hotspotThreshold;
        s.totalRisk += r;
        if (hot) {
            ++s.hotspotCells;
            s.hotspotRisk += r;
        }
        if (covered[k]) {
            ++s.coveredCells;
            s.coveredRisk += r;
            if (hot) {
                ++s.coveredHotspotCells;
                s.coveredHotspotRisk += r;
            }
        }
    }
    s.riskShare = s.totalRisk > 0 ? s.coveredRisk / s.totalRisk : 0.0;
    s.hotspotShare = s.hotspotRisk > 0 ? s.coveredHotspotRisk / s.hotspotRisk : 0.0;
    return s;
}

std::vector<Camera> applyCameraEdits(std::span<const Camera> cameras,
                                     std::span<const CameraEdit> edits)
{
    std::vector<Camera> kept(cameras.begin(), cameras.end());
    std::vector<int> state(cameras.size(), 0); // 0 untouched, 1 moved, 2 removed
    std::vector<Camera> added;
    for (const CameraEdit &e : edits) {
        if (e.kind == CameraEdit::Kind::Add) {
            validate(e.camera, "applyCameraEdits");
            added.push_back(e.camera);
            continue;
        }
        if (e.index >= cameras.size())
            throw std::invalid_argument("applyCameraEdits: edit index out of range");
        if (state[e.index] != 0)
            throw std::invalid_argument("applyCameraEdits: camera edited twice");
        if (e.kind == CameraEdit::Kind::Move) {
            validate(e.camera, "applyCameraEdits");
            kept[e.index] = e.camera;
            state[e.index] = 1;
        } else {
            state[e.index] = 2;
        }
    }
    std::vector<Camera> out;
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (state[i] != 2)
            out.push_back(kept[i]);
    out.insert(out.end(), added.begin(), added.end());
    return out;
}

CoverageComparison compareCoverage(const Raster &risk, std::span<const Camera> before,
                                   std::span<const Camera> after, double hotspotQuantile)
{
    checkRisk(risk, "compareCoverage");
    const auto mb = coverageMask(risk.grid, before);
    const auto ma = coverageMask(risk.grid, after);
    CoverageComparison c;
    c.before = riskCoverage(risk, mb, hotspotQuantile);
    c.after = riskCoverage(risk, ma, hotspotQuantile);
    c.riskShareChange = c.after.riskShare - c.before.riskShare;
    c.hotspotShareChange = c.after.hotspotShare - c.before.hotspotShare;
    c.change.assign(mb.size(), 0);
    for (std::size_t k = 0; k < mb.size(); ++k) {
        if (ma[k] && !mb[k]) {
            c.change[k] = 1;
            ++c.cellsGained;
        } else if (mb[k] && !ma[k]) {
            c.change[k] = -1;
            ++c.cellsLost;
        }
    }
    return c;
}

VenueView venueView(const GridSpec &grid, std::span<const Camera> cameras, double x, double y,
                    double radiusM)
{
    if (!(radiusM >= 0))
        throw std::invalid_argument("venueView: radiusM must be >= 0");
    VenueView v;
    std::vector<std::uint8_t> inDisc(grid.cellCount(), 0);
    const Camera disc{x, y, 0, 360, radiusM};
    for (auto k : cellsSeen(grid, disc)) {
        inDisc[k] = 1;
        ++v.discCells;
    }
    std::vector<std::uint8_t> seen(grid.cellCount(), 0);
    for (std::size_t i = 0; i < cameras.size(); ++i) {
        validate(cameras[i], "venueView");
        bool any = false;
        for (auto k : cellsSeen(grid, cameras[i]))
            if (inDisc[k]) {
                seen[k] = 1;
                any = true;
            }
        if (any)
            v.cameras.push_back(i);
    }
    v.gaps.assign(grid.cellCount(), 0);
    for (std::size_t k = 0; k < inDisc.size(); ++k) {
        if (!inDisc[k])
            continue;
        if (seen[k])
            ++v.coveredCells;
        else
            v.gaps[k] = 1;
    }
    v.coveredShare = v.discCells ? double(v.coveredCells) / double(v.discCells) : 0.0;
    return v;
}

PlacementResult suggestCameras(const Raster &risk, std::span<const Camera> existing,
                               const PlacementParams &params, Feedback *feedback)
{
    checkRisk(risk, "suggestCameras");
    if (params.count < 0)
        throw std::invalid_argument("suggestCameras: count must be >= 0");
    if (params.directions < 1)
        throw std::invalid_argument("suggestCameras: directions must be >= 1");
    if (!(params.rangeM > 0) || !(params.fovDeg > 0))
        throw std::invalid_argument("suggestCameras: rangeM and fovDeg must be > 0");
    if (params.siteX.size() != params.siteY.size())
        throw std::invalid_argument("suggestCameras: siteX and siteY must have the same size");
    if (!(params.hotspotQuantile >= 0 && params.hotspotQuantile <= 1))
        throw std::invalid_argument("suggestCameras: hotspotQuantile must be in [0, 1]");
    const GridSpec &g = risk.grid;

    // Weight of each cell in the objective.
    const double threshold = hotspotThreshold(risk, params.hotspotQuantile);
    std::vector<double> weight(risk.values.size());
    for (std::size_t k = 0; k < weight.size(); ++k) {
        const double r = cleanRisk(risk.values[k]);
        weight[k] = (params.hotspotsOnly && !(r >= threshold)) ? 0.0 : r;
    }

    // Candidate sites.
    std::vector<double> sx = params.siteX, sy = params.siteY;
    if (sx.empty()) {
        std::vector<std::size_t> order(weight.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
        for (std::size_t i = 0; i < order.size() && int(sx.size()) < params.maxCandidateSites;
             ++i) {
            if (!(weight[order[i]] > 0))
                break;
            sx.push_back(g.centreX(int(order[i] % std::size_t(g.cols))));
            sy.push_back(g.centreY(int(order[i] / std::size_t(g.cols))));
        }
    }

    std::vector<Camera> candidates;
    std::vector<std::vector<std::uint32_t>> seen;
    for (std::size_t s = 0; s < sx.size(); ++s) {
        if (s % 64 == 0)
            throwIfCanceled(feedback);
        for (int d = 0; d < params.directions; ++d) {
            Camera cam{sx[s], sy[s], 360.0 * d / params.directions, params.fovDeg, params.rangeM};
            candidates.push_back(cam);
            seen.push_back(cellsSeen(g, cam));
        }
    }

    std::vector<std::uint8_t> covered = coverageMask(g, existing);
    PlacementResult res;
    res.before = riskCoverage(risk, covered, params.hotspotQuantile);
    for (int step = 0; step < params.count; ++step) {
        throwIfCanceled(feedback);
        if (feedback)
            feedback->setProgress(100.0 * step / std::max(1, params.count), "placement");
        double best = 0;
        std::size_t bestIndex = candidates.size();
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            double gain = 0;
            for (auto k : seen[i])
                if (!covered[k])
                    gain += weight[k];
            if (gain > best) {
                best = gain;
                bestIndex = i;
            }
        }
        if (bestIndex == candidates.size())
            break;
        for (auto k : seen[bestIndex])
            covered[k] = 1;
        res.cameras.push_back(candidates[bestIndex]);
        res.marginalRisk.push_back(best);
    }
    res.after = riskCoverage(risk, covered, params.hotspotQuantile);
    if (feedback)
        feedback->setProgress(100, "placement");
    return res;
}

} // namespace vigie::analytics
