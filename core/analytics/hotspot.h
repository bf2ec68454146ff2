// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedback.h"
#include "weights.h"

#include <cstdint>
#include <span>
#include <vector>

namespace vigie::analytics {

/**
 * Benjamini–Hochberg adjusted p-values ("q-values"), as R's p.adjust(p, method = "BH"):
 * q_(i) = min over j >= i of (m / j) p_(j), capped at 1, for p sorted ascending. NaN p-values are
 * ignored (m counts the others) and give NaN. A unit is significant at FDR level alpha iff q <=
 * alpha.
 */
std::vector<double> benjaminiHochberg(std::span<const double> pValues);

/// Two-sided normal p-value 2 (1 - Phi(|z|)); NaN for NaN.
double twoSidedNormalP(double z);

/**
 * Hot / cold class with the ArcGIS convention: +3 / -3 when p <= 0.01 (99 % confidence), +-2 when
 * p <= 0.05, +-1 when p <= 0.10, 0 otherwise or when z or p is NaN; the sign is the sign of z.
 */
int confidenceClass(double z, double p);

struct GiStarResult
{
    std::vector<double> z; ///< standardised Gi* (or Gi) z-scores, as spdep::localG
    std::vector<double> p; ///< two-sided normal p-values
    std::vector<double> q; ///< Benjamini–Hochberg q-values of p
    /// -3..3 (see confidenceClass); from q when fdr was asked, from p otherwise.
    std::vector<int> confidenceClass;
};

/**
 * Getis–Ord local statistic, standardised as spdep::localG: Gi* (unit i counts in its own
 * neighbourhood) when w.hasSelf, Gi otherwise. Any weights (binary "B" as ArcGIS, or row
 * standardised). Units whose variance is zero (no neighbours; or a neighbourhood that is the
 * whole study area) get NaN z and p and class 0. Throws std::invalid_argument for fewer than 3
 * values, a size mismatch or non-finite values; Canceled when feedback asks to stop.
 */
GiStarResult getisOrdGiStar(std::span<const double> values, const SpatialWeights &w, bool fdr,
                            Feedback *feedback = nullptr);

/// LISA cluster codes of LocalMoranResult::cluster.
enum LisaCluster : int { NotSignificant = 0, HighHigh = 1, LowLow = 2, HighLow = 3, LowHigh = 4 };

struct LocalMoranOptions
{
    int permutations = 999; ///< conditional permutations per unit; 0 = analytic inference only
    std::uint64_t seed = 0; ///< the same seed gives the same pseudo p-values
    double alpha = 0.05;    ///< significance level of the clusters
    bool fdr = false;       ///< clusters from Benjamini–Hochberg q-values instead of p
    /// Moments of I_i: spdep::localmoran's default (conditional = TRUE, Sokal et al. 1998) or
    /// the total randomisation moments (conditional = FALSE). Both with mlvar = TRUE.
    bool conditionalMoments = true;
};

struct LocalMoranResult
{
    std::vector<double> I, expectedI, varianceI, z; ///< as spdep::localmoran Ii, E.Ii, Var.Ii, Z.Ii
    std::vector<double> pNormal;                    ///< two-sided normal p-value of z
    std::vector<double> pPermutation; ///< folded pseudo p-value (empty without permutations)
    std::vector<double> q;            ///< BH q-values of the p used for the clusters
    std::vector<double> lag;          ///< spatial lag of the centred values (sum_j w_ij z_j)
    std::vector<int> cluster;         ///< LisaCluster codes
};

/**
 * Local Moran's I_i = (z_i / m2) sum_j w_ij z_j, z = x - mean(x), m2 = sum z^2 / n, with the
 * moments of spdep::localmoran (see LocalMoranOptions). Weights must not include self.
 * Conditional permutation: for each unit, `permutations` draws of its neighbours' values taken
 * WITHOUT replacement among the n - 1 other units (each unit has its own random stream derived
 * from seed and its index); with k permuted statistics >= I_i, the folded pseudo p-value is
 * (min(k, permutations - k) + 1) / (permutations + 1), as pysal's p_sim and spdep's
 * "Pr(folded) Sim". A unit is significant when the pseudo p (or pNormal when permutations = 0),
 * or its q-value when fdr, is <= alpha; its cluster is then the quadrant of (z_i, lag_i), values
 * at the mean counting as low.
 */
LocalMoranResult localMoran(std::span<const double> values, const SpatialWeights &w,
                            const LocalMoranOptions &options, Feedback *feedback = nullptr);

/// Convenience overload with conditional moments.
LocalMoranResult localMoran(std::span<const double> values, const SpatialWeights &w,
                            int permutations, std::uint64_t seed, double alpha, bool fdr,
                            Feedback *feedback = nullptr);

struct GlobalMoran
{
    double I = 0.0, expected = 0.0, variance = 0.0, z = 0.0;
    double p = 1.0; ///< one-sided, upper tail (moran.test's default alternative "greater")
};

/**
 * Global Moran's I under randomisation, as spdep::moran.test(x, listw, randomisation = TRUE)
 * with its defaults (adjust.n: n counts the units that have neighbours). Self entries of w are
 * used as given.
 */
GlobalMoran globalMoran(std::span<const double> values, const SpatialWeights &w);

struct IncrementalAutocorrelation
{
    std::vector<double> distances; ///< distance band of each step
    std::vector<double> moranI;    ///< global Moran's I per step
    std::vector<double> z;         ///< its z-score (NaN when undefined)
    int firstPeak = -1;            ///< index of the first peak, -1 when none
    int maxPeak = -1;              ///< index of the peak with the highest z, -1 when none
};

/**
 * ArcGIS-like incremental spatial autocorrelation: global Moran's I (binary distance-band weights,
 * no self) at distances start + s * increment, s = 0..steps-1. startDistance <= 0 picks the
 * smallest distance at which every feature has a neighbour (largest nearest-neighbour distance);
 * increment <= 0 picks the mean nearest-neighbour distance. A peak is an interior step whose z is
 * larger than both neighbours' and >= 1.96.
 */
IncrementalAutocorrelation
incrementalSpatialAutocorrelation(std::span<const double> x, std::span<const double> y,
                                  std::span<const double> values, double startDistance,
                                  double increment, int steps, Feedback *feedback = nullptr);

/**
 * Scale for an optimised hot spot analysis: the distance of the first peak of
 * incrementalSpatialAutocorrelation with automatic start and increment and 10 steps; when there
 * is no peak, the mean distance to the k-th nearest neighbour with k = 5 % of the features,
 * clamped to [3, 30] (and below the number of features) — the fallback ArcGIS documents.
 */
double optimisedHotSpotDistance(std::span<const double> x, std::span<const double> y,
                                std::span<const double> values, Feedback *feedback = nullptr);

} // namespace vigie::analytics
