// SPDX-License-Identifier: GPL-3.0-or-later
// Reference figures of the demo city that are not in marseilledata.cpp: populations (plausible
// round figures, not official counts) and synthetic island shapes.
#include "demoreference.h"

#include <array>
#include <cmath>

namespace vigie::core::demo {

namespace {
constexpr std::array<std::int64_t, 16> kPopulation = {
    41250, 24180, 50320, 48790, 45870, 42960, 35140, 79230,
    73980, 56870, 57940, 62150, 91870, 62030, 78910, 15990,
};

/// A blob along an axis from a to b, with half-widths (metres) given at evenly spaced stations.
std::vector<std::pair<double, double>> islandAlong(double ax, double ay, double bx, double by,
                                                   const std::vector<double> &halfWidths)
{
    const double dx = bx - ax;
    const double dy = by - ay;
    const double len = std::sqrt(dx * dx + dy * dy);
    const double ux = dx / len;
    const double uy = dy / len;
    const double nx = uy; // right-hand normal
    const double ny = -ux;
    const std::size_t n = halfWidths.size();
    std::vector<std::pair<double, double>> ring;
    // Right side from a to b, then left side back from b to a: counter-clockwise is not needed
    // (consumers normalise orientation), but the ring must not self-intersect.
    for (std::size_t i = 0; i < n; ++i) {
        const double s = len * double(i) / double(n - 1);
        ring.emplace_back(std::round(ax + ux * s + nx * halfWidths[i]),
                          std::round(ay + uy * s + ny * halfWidths[i]));
    }
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = n - 1 - k;
        const double s = len * double(i) / double(n - 1);
        const double w = halfWidths[i] * (i % 2 ? 0.8 : 1.1);
        ring.emplace_back(std::round(ax + ux * s - nx * w), std::round(ay + uy * s - ny * w));
    }
    ring.push_back(ring.front());
    return ring;
}
} // namespace

std::int64_t arrondissementPopulation(int number)
{
    if (number < 1 || number > 16)
        return 0;
    return kPopulation[std::size_t(number - 1)];
}

std::int64_t totalPopulation()
{
    std::int64_t sum = 0;
    for (auto p : kPopulation)
        sum += p;
    return sum;
}

const std::vector<std::vector<std::pair<double, double>>> &islandRings()
{
    static const std::vector<std::vector<std::pair<double, double>>> rings = {
        // Pomègues and Ratonneau joined by the Berry dyke (about 1.8 km²).
        islandAlong(
            887650.0, 6243850.0, 885950.0, 6246250.0,
            {60.0, 260.0, 400.0, 430.0, 330.0, 140.0, 120.0, 300.0, 450.0, 420.0, 280.0, 60.0}),
        // Château d'If (a few hectares).
        islandAlong(888760.0, 6245010.0, 888910.0, 6245160.0, {20.0, 70.0, 80.0, 60.0, 15.0}),
    };
    return rings;
}

} // namespace vigie::core::demo
