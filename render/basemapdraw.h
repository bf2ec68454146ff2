// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/basemap/basemap.h"

#include <QImage>
#include <QRectF>
#include <QString>

class QPainter;

namespace vigie::analytics {
class Feedback;
}

namespace vigie::render {

struct MapSettings;

/// The pixels of a base map as an image (ARGB32 premultiplied, as the painters want it).
QImage baseMapToImage(const core::BaseMapImage &image);

/// What drawing a base map gave: drawn, from the cache only, or why not.
struct BaseMapOutcome
{
    bool drawn = false;
    bool offline = false;
    QString problem; ///< empty when the server answered
};

/// Draws settings.baseMap over the whole output (settings.outputSize pixels of the painter).
/// Never throws for a server that does not answer: the outcome says what happened.
BaseMapOutcome drawBaseMap(QPainter &painter, const MapSettings &settings,
                           const analytics::Feedback *feedback);

/// Writes a base map's attribution in the bottom right corner of `area`, small, on a light
/// plate, as web maps do.
void drawAttribution(QPainter &painter, const QRectF &area, const QString &text);

} // namespace vigie::render
