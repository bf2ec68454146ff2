// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/mapsettings.h"

#include <QPointF>
#include <QRectF>
#include <QString>

class QPainter;

namespace vigie::render {

/// The longest "round" length (1, 2 or 5 times a power of ten, in metres) not above `maxMetres`.
double niceScaleLength(double maxMetres);

/// "500 m", "2 km": a scale bar length as shown (translated).
QString formatDistance(double metres);

/**
 * Draws a scale bar for `settings` inside `where` (pixels): a bar of a round length, at most the
 * width of `where`, in two black and white halves, labelled "0" and the length. Sizes scale with
 * settings.dpi. Returns the rectangle actually used.
 */
QRectF drawScaleBar(QPainter &painter, const MapSettings &settings, QRectF where);

/// Draws a north arrow with an "N" centred in `where` (maps are in Lambert-93: north is up).
void drawNorthArrow(QPainter &painter, QRectF where);

/**
 * Draws the legend of the visible layers (top layer first) with its top-left corner at `topLeft`:
 * each layer's title and symbol, its visible categories with their colour, and graduated ramps
 * with their stop values. Texts in `language` ("fr" or "en"). Returns the rectangle drawn
 * (empty when nothing is visible). With `draw` false, only measures.
 */
QRectF drawLegend(QPainter &painter, const MapSettings &settings, QPointF topLeft,
                  const QString &language, bool draw = true);

} // namespace vigie::render
