// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"

#include <cstdint>
#include <span>
#include <string>

namespace vigie::analytics {

/**
 * Radially symmetric 2D kernels, each normalised to integrate to 1 over the plane.
 * For the compact kernels the bandwidth h is the radius of the support; for the Gaussian it is
 * the standard deviation sigma on each axis. With r = distance / h:
 *  - Quartic (biweight):  3/(pi h^2) (1 - r^2)^2          per-axis sd = h/sqrt(8)
 *  - Epanechnikov:        2/(pi h^2) (1 - r^2)            per-axis sd = h/sqrt(6)
 *  - Triangular (cone):   3/(pi h^2) (1 - r)              per-axis sd = h*sqrt(3/20)
 *  - Uniform (disc):      1/(pi h^2)                      per-axis sd = h/2
 *  - Gaussian:            1/(2 pi h^2) exp(-r^2/2)        per-axis sd = h
 * (spatstat's `sigma` is the per-axis sd for every kernel; see docs/analytics-kde.md.)
 */
enum class Kernel { Quartic, Epanechnikov, Triangular, Uniform, Gaussian };

/// How the bandwidth is chosen (see bandwidth.h for the definitions).
enum class BandwidthRule { Fixed, Silverman, Scott, ArcGis, CvDiggle, CvLikelihood };

/// Direct: exact sum over points at every cell centre within the kernel support. For Quartic,
///   Epanechnikov and Uniform it is computed by an exact row sweep (the kernel is a polynomial
///   along a row: O(points x support rows + cells)); for Triangular and Gaussian point by point.
/// Binned: linear binning of the points on the lattice of cell centres, then FFT convolution
///   (approximate: see docs/analytics-kde.md for the measured error).
/// Auto: Direct for the polynomial kernels; otherwise the cheaper of the two by a cost model.
enum class KdeMethod { Auto, Direct, Binned };

/// Parameters of kernelDensity(). Distances in the units of the points (metres in Vigie).
struct KdeParams
{
    Kernel kernel = Kernel::Quartic;
    /// Support radius for compact kernels, standard deviation for the Gaussian. Must be > 0 when
    /// rule == Fixed; otherwise it is ignored and chosen by the rule (the cross-validation rules
    /// take the grid extent as the study window).
    double bandwidth = 0;
    BandwidthRule rule = BandwidthRule::Fixed;
    KdeMethod method = KdeMethod::Auto;
    /// Uniform (Diggle/Jones) edge correction: divide the estimate at each cell by the mass of the
    /// kernel centred there that lies inside the window. The window is `window`, or the whole grid
    /// extent when `window` is empty.
    bool edgeCorrection = false;
    /// Optional study-area mask on the output grid (grid.cellCount() values, row-major, row 0 at
    /// the top; non-zero = inside). Cells outside get NaN. Points are NOT filtered by the mask.
    std::span<const std::uint8_t> window;
    /// Output multiplier: with metre coordinates, 1e6 gives events per km², 1 events per m².
    double scale = 1e6;
};

struct KdeResult
{
    Raster density;       ///< scale * sum_i w_i K(|c - x_i|) at each cell centre c
    double bandwidth = 0; ///< the bandwidth used (radius or Gaussian sigma)
    Kernel kernel = Kernel::Quartic;
    double totalWeight = 0; ///< sum of the weights of all points
    std::string method;     ///< "direct", "direct-sweep" or "binned-fft"
};

/**
 * Kernel density (intensity) estimate on `grid`: at each cell centre c,
 * scale * sum_i w_i K(|c - x_i|) (divided by the edge-correction factor when asked), so that its
 * integral over the plane is about scale * total weight (events per km² with the default scale).
 * Throws std::invalid_argument on bad parameters and Canceled when `feedback` asks to stop.
 * Uses up to std::thread::hardware_concurrency() threads.
 */
KdeResult kernelDensity(const PointSet &points, const GridSpec &grid, const KdeParams &params,
                        Feedback *feedback = nullptr);

/// The normalised kernel value (per square unit) at `distance` for `bandwidth` (see Kernel).
double kernelValue(Kernel k, double distance, double bandwidth);

/// Per-axis standard deviation of the kernel with the given bandwidth.
double kernelStandardDeviation(Kernel k, double bandwidth);

/// The bandwidth (radius or sigma) giving the kernel the per-axis standard deviation `sd`
/// (spatstat's `sigma` -> Vigie bandwidth).
double bandwidthForStandardDeviation(Kernel k, double sd);

/// Distance beyond which the kernel is taken as 0: h for compact kernels, 8 sigma for the
/// Gaussian (relative tail below 1.3e-14, as spatstat's default half-width).
double kernelSupportRadius(Kernel k, double bandwidth);

/// Risk-adjusted (dual) KDE as sparr::risk: ratio of the case density to the control (or
/// denominator) density, each normalised to integrate to 1 over the window.
struct RelativeRiskParams
{
    KdeParams cases;
    KdeParams controls;
    bool logRisk = true; ///< natural log of the ratio (sparr's default)
};

struct RelativeRiskResult
{
    Raster risk;           ///< (log) f/g; NaN outside the window or where g == 0
    Raster caseDensity;    ///< case intensity (scale as in cases.scale)
    Raster controlDensity; ///< control intensity (scale as in controls.scale)
};

/**
 * f = case intensity / its integral over the window, g likewise for controls (the window is the
 * cases' mask, or the grid); risk = f/g or log(f/g). Controls may be a denominator surface given
 * as weighted points (e.g. population at centroids).
 */
RelativeRiskResult relativeRisk(const PointSet &cases, const PointSet &controls,
                                const GridSpec &grid, const RelativeRiskParams &p,
                                Feedback *feedback = nullptr);

} // namespace vigie::analytics
