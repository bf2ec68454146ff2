// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Concentration of incidents over units (places or cells): the "80-20" figures of crime
// analysis (Weisburd's law of crime concentration, Eck's repeat locations). Pure C++.

#include <cstddef>
#include <span>
#include <vector>

namespace vigie::analytics {

struct ConcentrationResult
{
    std::size_t units = 0;    ///< units counted (the input's size)
    std::size_t nonEmpty = 0; ///< units with at least one incident
    double total = 0;         ///< incidents over all units
    /// Gini coefficient of the counts: 0 when every unit holds as many, (n-1)/n when one holds
    /// all. G = sum_i (2i - n - 1) x_(i) / (n sum x), x sorted increasingly, i from 1.
    double gini = 0;
    /// Units by decreasing count (ties by index): the ranking the curve and shares follow.
    std::vector<std::size_t> order;
    /// Share of the incidents held by the top `unitFractions[k]` of the units (partial units
    /// counted pro rata, so the curve is continuous).
    std::vector<double> incidentShareOfTop;
    /// Smallest share of units holding `incidentFractions[k]` of the incidents (pro rata).
    std::vector<double> unitShareHolding;
    /// The concentration curve at unit shares 0, 1/steps, …, 1: share of incidents held.
    std::vector<double> curve;
};

/**
 * Ranks the units by count and measures how the incidents concentrate. Counts must be finite
 * and >= 0 with a positive sum; fractions in [0, 1]. Throws std::invalid_argument otherwise.
 */
ConcentrationResult concentration(std::span<const double> counts,
                                  std::span<const double> unitFractions,
                                  std::span<const double> incidentFractions, int curveSteps = 20);

} // namespace vigie::analytics
