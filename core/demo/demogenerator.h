// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../result.h"

#include <QDate>
#include <QString>

#include <cstdint>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

struct DemoOptions
{
    std::uint64_t seed = 13013;
    QDate firstDay = QDate(2023, 1, 1); ///< three years of incidents by default
    QDate lastDay = QDate(2025, 12, 31);
    double incidentScale = 1.0; ///< multiplies incident volume (tests use less)
};

struct DemoSummary
{
    int arrondissements = 0;
    int quartiers = 0;
    qint64 incidents = 0;
    int cameras = 0;
    int events = 0;
    int trafficSegments = 0;
};

/**
 * Writes a deterministic demo workspace shaped like Marseille: the 16 arrondissements and the
 * 111 quartiers with their real names (synthetic geometry tiling the city), population per
 * quartier, three years of incidents with temporal and spatial patterns, CCTV cameras, public
 * events and traffic segments with hourly counts. Same options -> byte-identical file.
 * Fails if `path` exists.
 */
Result<DemoSummary> createDemoStore(const QString &path, const DemoOptions &options = {},
                                    analytics::Feedback *feedback = nullptr);

} // namespace vigie::core
