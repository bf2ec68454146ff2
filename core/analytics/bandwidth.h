// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "grid.h"
#include "kde.h"

#include <vector>

namespace vigie::analytics {

/// An axis-aligned rectangular study window (same units as the points).
struct RectWindow
{
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    bool isEmpty() const { return !(xMax > xMin && yMax > yMin); }
    double area() const { return isEmpty() ? 0.0 : (xMax - xMin) * (yMax - yMin); }
};

/// Options of the data-driven bandwidth rules.
struct BandwidthOptions
{
    /// Study window for the cross-validation rules; empty = bounding box of the points.
    RectWindow window;
    /// CvDiggle: number of distances r of the K-function grid (spatstat's `nr`); candidate sigmas
    /// are r/2 for r up to half of rmax (spatstat's bw.diggle).
    int diggleGridSize = 512;
    /// CvDiggle: spatstat's `hmax`; the K-function is computed up to rmax = 4 hmax (0 = spatstat's
    /// rmax.rule("K"): min(sqrt(1000 / (pi lambda)), shorter side / 4)).
    double diggleHmax = 0;
    /// CvLikelihood: candidate sigmas; empty = 16 values geometrically spaced from the smallest
    /// positive nearest-neighbour distance to half the window diameter (spatstat's bw.ppl).
    std::vector<double> likelihoodSigmas;
    /// CvLikelihood: cell size of the pixel grid used for the integral term (0 = the window's
    /// longer side / 128, spatstat's default resolution).
    double likelihoodPixel = 0;
    /// Filled by selectBandwidth for the CV rules (candidate Gaussian sigmas and criterion
    /// values), for diagnostics and tests.
    std::vector<double> *traceSigma = nullptr;
    std::vector<double> *traceCriterion = nullptr;
};

/**
 * Bandwidth chosen by `rule` for `kernel`, returned in the kernel's own convention (support
 * radius for compact kernels, sigma for the Gaussian). The rules produce a Gaussian-equivalent
 * per-axis standard deviation s that is converted with bandwidthForStandardDeviation(kernel, s),
 * except ArcGis, whose result is the radius of the quartic kernel (converted to the same standard
 * deviation for other kernels). Definitions (n = total weight, sd_x, sd_y weighted sds):
 *  - Scott:     s = sqrt(sd_x sd_y) n^(-1/6)  (spatstat bw.scott(isotropic=TRUE))
 *  - Silverman: s = sqrt(a_x a_y) n^(-1/6), a = min(sd, IQR/1.349) per axis (bivariate normal
 *               reference with Silverman's robust scale; in 2D the normal-reference constant is 1)
 *  - ArcGis:    radius = 0.9 min(SD, sqrt(1/ln 2) Dm) n^(-0.2), SD = standard distance, Dm =
 *               (weighted) median distance to the (weighted) mean centre (ArcGIS Pro Kernel
 * Density)
 *  - CvDiggle:  spatstat bw.diggle: minimises the Berman-Diggle MSE criterion M(sigma) built from
 *               Ripley's K-function estimated in the rectangular window (isotropic correction
 *               for n < 1000, translation otherwise), on spatstat's grid of sigmas.
 *  - CvLikelihood: spatstat bw.ppl: maximises sum_i log lambda_{-i}(x_i) - integral_W lambda
 *               over the candidate sigmas (Gaussian kernel, uniform edge correction in the window).
 * Throws std::invalid_argument for rule == Fixed, fewer than 2 points or a degenerate pattern.
 */
double selectBandwidth(const PointSet &points, BandwidthRule rule, Kernel kernel,
                       Feedback *feedback = nullptr, const BandwidthOptions &options = {});

} // namespace vigie::analytics
