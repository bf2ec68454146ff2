# SPDX-License-Identifier: GPL-3.0-or-later
# Opens a QGIS project written by `vigie-cli export --qgis` in QGIS (Debian's 3.22 Python
# bindings, headless) and prints, one JSON object per line, what QGIS made of each layer (valid,
# provider, visibility, group, renderer, temporal settings, metadata), then renders the visible
# layers in the project's drawing order over an extent to a PNG of a given size.
# Usage: qgis_project.py PROJECT.qgz OUT.png WIDTH HEIGHT XMIN,YMIN,XMAX,YMAX
import json
import sys

from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject,
                       QgsRasterLayer, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
path, out, width, height, extent = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), \
    [float(v) for v in sys.argv[5].split(",")]
project = QgsProject.instance()
print(json.dumps({"read": project.read(path), "crs": project.crs().authid(),
                  "title": project.title()}), flush=True)
root = project.layerTreeRoot()
order = root.customLayerOrder() if root.hasCustomLayerOrder() else root.layerOrder()
for rank, layer in enumerate(order):
    node = root.findLayer(layer.id())
    info = {"id": layer.id(), "name": layer.name(), "rank": rank, "valid": layer.isValid(),
            "provider": layer.providerType(), "visible": node.isVisible(),
            "group": node.parent().name() if node.parent() is not root else "",
            "abstract": layer.metadata().abstract(), "crs": layer.crs().authid(),
            "analysis": layer.customProperty("vigie/analysis", "")}
    if isinstance(layer, QgsVectorLayer):
        t = layer.temporalProperties()
        info.update({"renderer": layer.renderer().type(), "count": layer.featureCount(),
                     "temporal": [t.isActive(), int(t.mode()), t.startField(), t.endField()],
                     "labels": layer.labelsEnabled()})
    elif isinstance(layer, QgsRasterLayer):
        r = layer.renderer()
        items = r.shader().rasterShaderFunction().colorRampItemList() if r.type() == \
            "singlebandpseudocolor" else []
        info.update({"renderer": r.type(), "items": len(items), "width": layer.width(),
                     "height": layer.height(),
                     "firstAlpha": items[0].color.alpha() if items else -1})
    print(json.dumps(info), flush=True)
settings = QgsMapSettings()
settings.setLayers([l for l in order if root.findLayer(l.id()).isVisible()])
settings.setDestinationCrs(project.crs())
settings.setOutputSize(QSize(width, height))
settings.setOutputDpi(96)
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setExtent(QgsRectangle(*extent))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
job.renderedImage().save(out)
print(json.dumps({"render": out}), flush=True)
app.exitQgis()
