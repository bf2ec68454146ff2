# SPDX-License-Identifier: GPL-3.0-or-later
# Runs Vigie's algorithms from QGIS Processing's Python API (Debian's QGIS 3.22, headless) with
# the plugin loaded as QGIS loads it, on a point layer and a study area given as files, and
# prints one JSON object per algorithm: what QGIS got (outputs loaded as QGIS layers: validity,
# counts, raster size), the progress values it saw. Then cancels a run once it is under way.
# Usage: qgis_processing.py PLUGIN_PARENT POINTS.gpkg AREA.gpkg OUTDIR
import json
import os
import sys
import time

from qgis.core import (QgsApplication, QgsProcessingException, QgsProcessingFeedback,
                       QgsRasterLayer, QgsVectorLayer)

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
sys.path.insert(0, "/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing  # noqa: E402
import processing  # noqa: E402

Processing.initialize()
plugins, points, area, outdir = sys.argv[1:5]
sys.path.insert(0, plugins)
import vigie  # noqa: E402  (the plugin folder, as QGIS imports it)

plugin = vigie.classFactory(None)
plugin.initProcessing()


class Recorder(QgsProcessingFeedback):
    def __init__(self, cancel_at=None):
        super().__init__()
        self.values, self.cancel_at = [], cancel_at
        self.progressChanged.connect(self.seen)

    def seen(self, value):
        self.values.append(value)
        if self.cancel_at is not None and value >= self.cancel_at:
            self.cancel()


def loaded(path):
    if path.endswith(".tif"):
        layer = QgsRasterLayer(path, "r")
        return {"valid": layer.isValid(), "width": layer.width(), "height": layer.height()}
    layer = QgsVectorLayer(path, "v", "ogr")
    return {"valid": layer.isValid(), "count": layer.featureCount(),
            "fields": layer.fields().names()}


common = {"INPUT": points, "TIME_FIELD": "occurred_at", "CATEGORY_FIELD": "category",
          "STUDY_AREA": area}
runs = {
    "moran": {},
    "emerging": {"cellSize": 1000},
    "stdbscan": {"FROM": "2025-01-01T00:00:00", "TO": "2025-12-31T23:59:59"},
    "forecast": {"period": 2},
    "forecast_evaluation": {},
    "kde": {"CATEGORIES": "violences"},
}
for algorithm, extra in runs.items():
    parameters = dict(common, **extra)
    if algorithm not in ("forecast_evaluation",):
        parameters["OUTPUT"] = os.path.join(outdir, algorithm + (
            ".tif" if algorithm in ("kde", "forecast") else ".gpkg"))
    feedback = Recorder()
    report = {"algorithm": algorithm}
    try:
        result = processing.run("vigie:" + algorithm, parameters, feedback=feedback)
        report["summary"] = json.loads(result["SUMMARY"])
        if "OUTPUT" in result:
            report["output"] = loaded(result["OUTPUT"])
    except QgsProcessingException as e:
        report["error"] = str(e)
    report["progress"] = sorted(set(round(v) for v in feedback.values))
    print(json.dumps(report), flush=True)

# Cancel a forecast once Vigie is computing (past the 15 % the points' copy takes).
target = os.path.join(outdir, "canceled.tif")
feedback = Recorder(cancel_at=16)
start = time.monotonic()
report = {"algorithm": "cancel"}
try:
    processing.run("vigie:forecast", dict(common, OUTPUT=target, trainingDays=3650),
                   feedback=feedback)
    report["error"] = None
except QgsProcessingException as e:
    report["error"] = str(e)
report["seconds"] = time.monotonic() - start
report["outputExists"] = os.path.exists(target)
print(json.dumps(report), flush=True)
plugin.unload()
app.exitQgis()
