// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vigie::analytics {

/**
 * A camera's field of view as a circular sector (no occlusion). `directionDeg` is a bearing:
 * degrees clockwise from north (0 = north, 90 = east), as in the cameras layer. `fovDeg` is the
 * full opening angle (>= 360 = all around), `rangeM` the radius in metres.
 */
struct Camera
{
    double x = 0;
    double y = 0;
    double directionDeg = 0;
    double fovDeg = 90;
    double rangeM = 50;
};

/// True when (x, y) lies in the camera's sector (distance <= range, and the bearing within
/// fov/2 of the direction, boundaries included). The camera's own position is seen.
bool cameraSees(const Camera &camera, double x, double y);

/// Number of cameras seeing the centre of each cell (grid.cellCount() values, row-major, row 0
/// at the top). Throws std::invalid_argument for a camera with a negative range or fov.
std::vector<std::uint16_t> coverageCount(const GridSpec &grid, std::span<const Camera> cameras);

/// 1 where at least one camera sees the cell centre.
std::vector<std::uint8_t> coverageMask(const GridSpec &grid, std::span<const Camera> cameras);

/// Share of a risk surface that a coverage mask covers. Hotspot cells are the cells whose risk is
/// at least the `hotspotQuantile` quantile of the positive, non-NaN risks (0.9 = the top 10 %).
/// NaN and negative risks count as 0.
struct CoverageSummary
{
    double totalRisk = 0;
    double coveredRisk = 0;
    double riskShare = 0; ///< coveredRisk / totalRisk (0 when totalRisk is 0)
    std::size_t coveredCells = 0;
    std::size_t hotspotCells = 0;
    std::size_t coveredHotspotCells = 0;
    double hotspotRisk = 0;
    double coveredHotspotRisk = 0;
    double hotspotShare = 0;     ///< coveredHotspotRisk / hotspotRisk
    double hotspotThreshold = 0; ///< the risk value at the quantile
};

CoverageSummary riskCoverage(const Raster &risk, std::span<const std::uint8_t> covered,
                             double hotspotQuantile = 0.9);

/// An edit of a camera list for a what-if: add `camera`, move camera `index` to `camera`
/// (replace all its parameters), or remove camera `index`.
struct CameraEdit
{
    enum class Kind { Add, Move, Remove };
    Kind kind = Kind::Add;
    std::size_t index = 0; ///< into the list as it is before any edit (Move, Remove)
    Camera camera;         ///< Add, Move
};

/// The list after the edits. Indices refer to the original list; throws std::invalid_argument for
/// an index out of range or a camera edited twice.
std::vector<Camera> applyCameraEdits(std::span<const Camera> cameras,
                                     std::span<const CameraEdit> edits);

/// Before and after a what-if, with the cells gained and lost.
struct CoverageComparison
{
    CoverageSummary before;
    CoverageSummary after;
    double riskShareChange = 0;      ///< after.riskShare - before.riskShare
    double hotspotShareChange = 0;   ///< after.hotspotShare - before.hotspotShare
    std::size_t cellsGained = 0;     ///< covered after, not before
    std::size_t cellsLost = 0;       ///< covered before, not after
    std::vector<std::int8_t> change; ///< per cell: +1 gained, -1 lost, 0 unchanged
};

CoverageComparison compareCoverage(const Raster &risk, std::span<const Camera> before,
                                   std::span<const Camera> after, double hotspotQuantile = 0.9);

/// What the cameras see of a disc around a venue: cameras seeing at least one cell centre of the
/// disc, the covered share of its cells, and the gaps (disc cells no camera sees) for the map.
struct VenueView
{
    std::vector<std::size_t> cameras; ///< indices of the cameras seeing part of the disc
    std::size_t discCells = 0;        ///< cells whose centre lies within the radius
    std::size_t coveredCells = 0;
    double coveredShare = 0;        ///< coveredCells / discCells
    std::vector<std::uint8_t> gaps; ///< grid.cellCount() values: 1 = in the disc and not seen
};

VenueView venueView(const GridSpec &grid, std::span<const Camera> cameras, double x, double y,
                    double radiusM);

/// Greedy placement of new cameras maximising the risk newly covered.
struct PlacementParams
{
    int count = 5;      ///< cameras to place
    double fovDeg = 90; ///< of each new camera
    double rangeM = 80;
    int directions = 8; ///< directions tried per site, evenly spaced from north
    /// Candidate sites: these positions if non-empty, else the centres of the
    /// `maxCandidateSites` riskiest cells.
    std::vector<double> siteX, siteY;
    int maxCandidateSites = 400;
    bool hotspotsOnly = false; ///< maximise hotspot risk only
    double hotspotQuantile = 0.9;
};

struct PlacementResult
{
    std::vector<Camera> cameras;      ///< chosen, in order of choice
    std::vector<double> marginalRisk; ///< risk newly covered by each, in order
    CoverageSummary before;           ///< existing cameras only
    CoverageSummary after;            ///< existing + chosen
};

/**
 * Greedy maximum-coverage placement: at each step, the candidate (site, direction) that adds the
 * most not-yet-covered risk (ties: first site, then first direction). Greedy is within 1 - 1/e
 * of the best placement (submodular coverage). Stops early when no candidate adds risk.
 */
PlacementResult suggestCameras(const Raster &risk, std::span<const Camera> existing,
                               const PlacementParams &params, Feedback *feedback = nullptr);

} // namespace vigie::analytics
