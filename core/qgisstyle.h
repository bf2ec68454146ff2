// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layermanifest.h"

#include <QString>
#include <QStringList>

#include <optional>

class QXmlStreamWriter;

namespace vigie::core {

/// What the user changed of a layer's look in Vigie (the layer panel), carried into its QGIS
/// style: the name shown, the opacity and the categories unticked.
struct QgisStyleOptions
{
    QString title; ///< empty: the manifest's title
    double opacity = 1.0;
    QStringList hiddenCategories;
};

/// The name Vigie's style carries in a workspace's layer_styles table (column styleName's
/// prefix is not used to find it: rows are Vigie's by their owner column, kQgisStyleOwner).
inline constexpr const char *kQgisStyleOwner = "vigie";

/**
 * A QGIS 3 layer style (QML document) that draws a vector layer the way Vigie's renderer does:
 * the manifest's categories as a categorised renderer with their colours and labels (unticked
 * ones switched off), markers of the same shape and size in millimetres, fills and strokes, a
 * graduated field's colour ramp as the same linear interpolation (busiest on top), cameras'
 * fields of view as wedges, labels in DejaVu Sans with a halo, field aliases, and the temporal
 * properties of the time fields, so that QGIS's time controller filters as Vigie's period does.
 * Texts are in `language` ("fr" or "en"). Every text from the manifest is XML-escaped; the
 * document holds no expression built from data, only from field names the manifest validated.
 * Raster layers have no QML here (std::nullopt).
 */
std::optional<QString> qgisStyleQml(const LayerManifest &manifest, const QString &language,
                                    const QgisStyleOptions &options = {});

/// The elements of qgisStyleQml()'s document (renderer, labels, temporal settings, aliases,
/// opacity), written where a QGIS project's <maplayer> holds them. Nothing for a raster.
void writeQgisStyleElements(QXmlStreamWriter &writer, const LayerManifest &manifest,
                            const QString &language, const QgisStyleOptions &options = {});
/// The labelsEnabled attribute QGIS reads on the style's or the project layer's element.
bool qgisLabelsEnabled(const LayerManifest &manifest);

/// "r,g,b,a" as QGIS writes colours, from a manifest colour "#rrggbb" or "#rrggbbaa"; empty for
/// anything else.
QString qgisColor(const QString &manifestColor);

} // namespace vigie::core
