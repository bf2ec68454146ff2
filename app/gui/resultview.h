// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layerpanel.h"
#include "processing/algorithm.h"

#include <QRectF>
#include <QStringList>

#include <utility>
#include <vector>

namespace vigie::gui {

/// The layers an algorithm made, its main layer first.
using MadeLayers = std::vector<std::pair<QString, core::LayerSnapshotPtr>>;

/**
 * How the map shows new results, from the algorithm's output hints (the same rules for every
 * algorithm, so a plugin's results are shown like the built-in ones).
 */
struct ResultView
{
    QStringList hide; ///< visible layers to switch off: earlier results, the input, the hints'
    QRectF focus;     ///< the part of the map the results are about (null: nothing to frame)
};

/// Which layers to hide and what to frame. The analysed points are hidden when the main result
/// is a surface or areas; earlier results (ids starting with an algorithm's id and "_") too.
ResultView resultView(const core::processing::OutputHints &hints,
                      const std::vector<LayerState> &layers, const MadeLayers &made,
                      const QString &inputLayer);

/// The extent to zoom to so `focus` reads in a view showing `view`; null when the view already
/// shows it well (most of it seen and not a speck).
QRectF zoomFor(const QRectF &focus, const QRectF &view);

} // namespace vigie::gui
