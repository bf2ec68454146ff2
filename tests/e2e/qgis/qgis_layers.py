# SPDX-License-Identifier: GPL-3.0-or-later
# Loads layers of a Vigie workspace in QGIS (Debian's 3.22 Python bindings, headless) through
# the "ogr" and "spatialite" providers and prints, one JSON object per line, what QGIS sees:
# validity, feature count, extent, CRS and field types. Usage: qgis_layers.py WORKSPACE
# PROVIDER[,PROVIDER] LAYER...
import json
import sys

from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
path, providers, layers = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
for provider in providers:
    for name in layers:
        if provider == "ogr":
            layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        else:
            uri = QgsDataSourceUri()
            uri.setDatabase(path)
            uri.setDataSource("", name, "geom")
            layer = QgsVectorLayer(uri.uri(), name, "spatialite")
        e = layer.extent()
        print(json.dumps({
            "provider": provider,
            "layer": name,
            "valid": layer.isValid(),
            "count": layer.featureCount(),
            "extent": [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()],
            "crs": layer.crs().authid(),
            "fields": {f.name(): [f.typeName(), int(f.type())] for f in layer.fields()},
        }), flush=True)
        del layer
app.exitQgis()
