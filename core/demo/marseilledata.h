// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>
#include <vector>

namespace vigie::core::demo {

/// A quartier of Marseille: official code and name, its arrondissement (1..16), a point inside
/// it in Lambert-93 and its real area in km², used to seed the synthetic demo geometry.
struct QuartierSeed
{
    const char *code;
    const char *name; ///< UTF-8
    int arrondissement;
    double x;
    double y;
    double areaKm2;
};

const std::vector<QuartierSeed> &quartierSeeds();
/// Simplified mainland outline of the commune (Lambert-93, closed ring, first point repeated).
const std::vector<std::pair<double, double>> &cityOutline();

} // namespace vigie::core::demo
