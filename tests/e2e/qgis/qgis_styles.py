# SPDX-License-Identifier: GPL-3.0-or-later
# Opens the layers of a Vigie workspace in QGIS (Debian's 3.22 Python bindings, headless) as a
# QGIS user would, through the "ogr" and "spatialite" providers, and prints what their default
# style (the workspace's layer_styles) gives, one JSON object per line. Then draws the layers
# with those styles, and without, and compares both images with Vigie's render of the same view.
# Usage: qgis_styles.py WORKSPACE OUTDIR XMIN,YMIN,XMAX,YMAX VIGIE_PNG LAYER... (topmost first)
import json
import os
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDataSourceUri,
                       QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QImage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from image_difference import difference  # noqa: E402

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
path, outdir, extent, vigie_png, names = (sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4],
                                          sys.argv[5:])


def open_layer(provider, name, styled=True):
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = styled
    if provider == "ogr":
        return QgsVectorLayer(f"{path}|layername={name}", name, "ogr", options)
    uri = QgsDataSourceUri()
    uri.setDatabase(path)
    uri.setDataSource("", name, "geom")
    return QgsVectorLayer(uri.uri(), name, "spatialite", options)


def main_colour(symbol):
    """The colour Vigie gives the feature: the marker's or fill's colour, the line's."""
    layer = symbol.symbolLayer(symbol.symbolLayerCount() - 1)
    if layer.layerType() == "SimpleFill" and layer.brushStyle() == Qt.NoBrush:
        return "none"
    return layer.color().name(QColor.HexArgb)


def describe(provider, name):
    layer = open_layer(provider, name)
    renderer = layer.renderer()
    info = {"provider": provider, "layer": name, "valid": layer.isValid(),
            "renderer": renderer.type(), "opacity": layer.opacity(),
            "aliases": {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}}
    if renderer.type() == "categorizedSymbol":
        info["field"] = renderer.classAttribute()
        info["categories"] = [[c.value(), c.label(), main_colour(c.symbol()), c.renderState(),
                               [c.symbol().symbolLayer(k).layerType()
                                for k in range(c.symbol().symbolLayerCount())]]
                              for c in renderer.categories()]
    else:
        info["colour"] = main_colour(renderer.symbol())
    info["labels"] = layer.labelsEnabled()
    if layer.labelsEnabled():
        s = layer.labeling().settings()
        info["label"] = [s.fieldName, s.format().font().family(), s.format().size()]
    # QGIS 3.22 applies a database style's temporal settings when the style is loaded (Layer
    # Properties > Style > Load, or loadDefaultStyle), not when the layer is first added.
    layer.loadDefaultStyle()
    t = layer.temporalProperties()
    info["temporal"] = [t.isActive(), int(t.mode()), t.startField(), t.endField()]
    related, _, style_names, _, _ = layer.listStylesInDatabase()
    info["styles"] = style_names[:related]
    print(json.dumps(info), flush=True)


def render(out, styled):
    layers = [open_layer("ogr", n, styled) for n in names]
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    reference = QImage(vigie_png)
    settings.setOutputSize(QSize(reference.width(), reference.height()))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setExtent(QgsRectangle(*[float(v) for v in extent.split(",")]))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(out)


for provider in ("ogr", "spatialite"):
    for name in names:
        describe(provider, name)
styled, plain = os.path.join(outdir, "qgis-styled.png"), os.path.join(outdir, "qgis-unstyled.png")
render(styled, True)
render(plain, False)
print(json.dumps({"render": styled, "difference": difference(styled, vigie_png),
                  "unstyledDifference": difference(plain, vigie_png)}), flush=True)
app.exitQgis()
