// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../algorithm.h"

namespace vigie::core::processing::algorithms {

/// Runs DBSCAN (or ST-DBSCAN with `spaceTime`) on the selection and writes the point layer of
/// clusters, the ten largest coloured; the parameters are eps, minPoints, borderAsNoise (and
/// epsDays).
void runClusters(AlgorithmContext &ctx, const ParameterValues &values, bool spaceTime);

} // namespace vigie::core::processing::algorithms
