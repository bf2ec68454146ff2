// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layersnapshot.h"
#include "render/mapsettings.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace vigie::render::test {

/// Deterministic linear congruential generator (Knuth's MMIX constants): same numbers everywhere.
class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return m_state >> 11;
    }
    /// Uniform in [0, 1).
    double uniform() { return double(next()) / double(1ULL << 53); }
    /// Standard normal (Box-Muller).
    double normal();

private:
    std::uint64_t m_state;
};

/// A built-in manifest (":/vigie/layers/<id>.json"); fails the calling test when it cannot load.
core::LayerManifest builtinManifest(const QString &id);

/// An empty snapshot of a built-in layer, to be filled by the test.
std::shared_ptr<core::LayerSnapshot> emptySnapshot(const QString &id);

/// Recomputes extent, minTime and maxTime from the rows.
void finish(core::LayerSnapshot &s);

/// Adds a polygon row (one part, exterior ring, optional holes) with a label.
void addPolygon(core::LayerSnapshot &s, const core::PolygonRings &rings, const QString &label);

/// The control scene: six quartiers and two arrondissements of central Marseille (synthetic
/// geometry), 2000 incidents from a fixed LCG, count segments graduated by flow, two cameras with
/// their field of view and two events. Extent 5 km x 3.75 km, 640 x 480 px at 96 dpi.
MapSettings controlScene();

/// Draws the map decorations used by the control images: north arrow, scale bar and legend.
void drawDecorations(QImage &image, const MapSettings &settings);

} // namespace vigie::render::test
