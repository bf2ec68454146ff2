// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo's tables (docs/demo.md): how often and when each category of incident happens, the
// places where they concentrate, and the traffic axes. Data only: the generator
// (demogenerator.cpp) reads them.

#include <array>
#include <vector>

namespace vigie::core::demo {

/// Incident categories, in the order of the incidents layer's categories.
constexpr int kCategories = 6;

struct CategoryModel
{
    double perYear;                ///< incidents per year at scale 1
    double branching;              ///< near-repeat branching ratio
    double seasonAmplitude;        ///< relative amplitude of the yearly cycle
    int seasonPeakDay;             ///< day of year of the peak
    double trendOverPeriod;        ///< relative change from start to end of the period
    std::array<double, 7> weekday; ///< Monday..Sunday
    std::array<double, 24> hours;  ///< local hour profile (weekdays)
    double weekendNight;           ///< multiplier of 0h-5h on Saturdays and Sundays
    double weekendRush;            ///< multiplier of 7h-9h and 17h-19h on Saturdays and Sundays
    double hotspotShare;           ///< share of background events drawn around hotspots
    double roadShare;              ///< share of background events drawn along roads
    std::array<double, 3> severity;
    std::array<double, 3> reporter; ///< Police municipale, CSU, Main courante
};

/// One model per category: atteintes aux biens, violences, nuisances, stupéfiants, accidents,
/// incivilités.
const std::array<CategoryModel, kCategories> &categoryModels();

/// A persistent hotspot at a place (Lambert-93).
struct HotspotPlace
{
    double x, y;
    double sigma; ///< metres
    std::array<double, kCategories> weight;
    bool summer; ///< only really active from June to August (beaches)
};
const std::vector<HotspotPlace> &hotspotPlaces();

/// A persistent hotspot around a quartier's seed point, by the quartier's code.
struct HotspotQuartier
{
    const char *code;
    double sigma; ///< metres
    std::array<double, kCategories> weight;
};
const std::vector<HotspotQuartier> &hotspotQuartiers();

/// A point of a traffic axis (Lambert-93).
struct Waypoint
{
    double x, y;
};

struct Axis
{
    const char *name;
    const char *roadClass;
    double flowMin, flowMax;
    std::vector<Waypoint> waypoints;
};

/// The main traffic axes of the city, from north to south and west to east.
const std::vector<Axis> &axes();

} // namespace vigie::core::demo
