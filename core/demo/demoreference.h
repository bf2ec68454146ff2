// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace vigie::core::demo {

/// Population given to arrondissement `number` (1..16) in the demo (plausible, rounded).
std::int64_t arrondissementPopulation(int number);
/// Sum over the 16 arrondissements (about 867 000).
std::int64_t totalPopulation();

/// Synthetic islands (Frioul archipelago and Château d'If) that belong to quartier "Les Îles"
/// (1320703), whose seed lies offshore. Closed rings in Lambert-93, first point repeated; the
/// demo city is the mainland outline (marseilledata.h) plus these islands.
const std::vector<std::vector<std::pair<double, double>>> &islandRings();

/// Code of the quartier that receives the islands.
inline constexpr const char *kIslandsQuartierCode = "1320703";

} // namespace vigie::core::demo
