// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Comparison and printing helpers for the clustering reference tests. Test-only code.

#include "analytics/cluster.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace vigie::testsupport::clustercompare {

/// "k clusters, m noise, c core, largest [..], first labels [..]".
inline QString summary(const std::vector<int> &label,
                       const std::vector<std::uint8_t> *core = nullptr)
{
    int clusters = 0;
    std::size_t noise = 0;
    for (int l : label) {
        clusters = std::max(clusters, l + 1);
        noise += l < 0;
    }
    std::vector<std::size_t> sizes(std::size_t(clusters), 0);
    for (int l : label)
        if (l >= 0)
            ++sizes[std::size_t(l)];
    std::sort(sizes.rbegin(), sizes.rend());
    QStringList largest, first;
    for (std::size_t i = 0; i < std::min<std::size_t>(5, sizes.size()); ++i)
        largest << QString::number(sizes[i]);
    for (std::size_t i = 0; i < std::min<std::size_t>(12, label.size()); ++i)
        first << QString::number(label[i]);
    QString s = QStringLiteral("%1 clusters, %2 noise").arg(clusters).arg(noise);
    if (core)
        s += QStringLiteral(", %1 core").arg(std::count(core->begin(), core->end(), 1));
    return s + QStringLiteral(", largest [%1], first labels [%2]")
                   .arg(largest.join(u' '), first.join(u' '));
}

/// Number of points whose labels differ, and a description of the first few.
inline std::size_t countDifferences(const std::vector<int> &ours, const std::vector<int> &theirs,
                                    QString *detail)
{
    std::size_t differ = 0;
    QStringList first;
    for (std::size_t i = 0; i < std::min(ours.size(), theirs.size()); ++i) {
        if (ours[i] == theirs[i])
            continue;
        if (++differ <= 5)
            first
                << QStringLiteral("#%1: Vigie %2, reference %3").arg(i).arg(ours[i]).arg(theirs[i]);
    }
    if (ours.size() != theirs.size())
        differ = std::max(ours.size(), theirs.size());
    if (detail)
        *detail = first.join(QStringLiteral("; "));
    return differ;
}

} // namespace vigie::testsupport::clustercompare
