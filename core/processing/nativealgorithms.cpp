// SPDX-License-Identifier: GPL-3.0-or-later
// The algorithms built into Vigie, one line each, in menu order. An algorithm is one file under
// algorithms/ defining its factory; adding one is that file, its line here and its test.
#include "algorithm.h"

// X(factory): std::unique_ptr<Algorithm> factory(), defined in algorithms/<name>.cpp.
#define VIGIE_NATIVE_ALGORITHMS(X)                                                                 \
    X(kdeAlgorithm)                                                                                \
    X(relativeRiskAlgorithm)                                                                       \
    X(giStarAlgorithm)                                                                             \
    X(localMoranAlgorithm)                                                                         \
    X(emergingAlgorithm)                                                                           \
    X(dbscanAlgorithm)                                                                             \
    X(stDbscanAlgorithm)                                                                           \
    X(nearestNeighbourAlgorithm)                                                                   \
    X(analysisScaleAlgorithm)                                                                      \
    X(repeatLocationAlgorithm)                                                                     \
    X(forecastAlgorithm)                                                                           \
    X(forecastEvaluationAlgorithm)                                                                 \
    X(eventAlgorithm)                                                                              \
    X(patrolAlgorithm)                                                                             \
    X(camerasAlgorithm)                                                                            \
    X(impactAlgorithm)

namespace vigie::core::processing {

namespace algorithms {
#define VIGIE_DECLARE_ALGORITHM(factory) std::unique_ptr<Algorithm> factory();
VIGIE_NATIVE_ALGORITHMS(VIGIE_DECLARE_ALGORITHM)
#undef VIGIE_DECLARE_ALGORITHM
} // namespace algorithms

void addNativeAlgorithms(AlgorithmRegistry &registry)
{
#define VIGIE_ADD_ALGORITHM(factory) registry.add(algorithms::factory());
    VIGIE_NATIVE_ALGORITHMS(VIGIE_ADD_ALGORITHM)
#undef VIGIE_ADD_ALGORITHM
}

} // namespace vigie::core::processing
