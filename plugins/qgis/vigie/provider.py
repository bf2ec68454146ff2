# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Vigie" Processing provider: one QGIS algorithm per Vigie algorithm, built from the
definitions vigie-cli gives (`vigie-cli run --list --json`), never declared again here."""
import os

from qgis.core import QgsMessageLog, QgsProcessingProvider, Qgis
from qgis.PyQt.QtGui import QIcon

from . import cli
from .algorithm import VigieAlgorithm, offered
from .texts import text


class VigieProvider(QgsProcessingProvider):
    def id(self):
        return "vigie"

    def name(self):
        return text("provider")

    def longName(self):  # noqa: N802 (QGIS's name)
        return "Vigie"

    def icon(self):
        return QIcon(os.path.join(os.path.dirname(__file__), "icon.svg"))

    def supportedOutputVectorLayerExtensions(self):  # noqa: N802
        return ["gpkg", "geojson", "fgb", "shp", "csv"]

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802
        return ["tif"]

    def loadAlgorithms(self):  # noqa: N802
        path = cli.find_cli()
        if not path:
            QgsMessageLog.logMessage(text("no_cli"), "Vigie", Qgis.Warning)
            return
        try:
            definitions = cli.describe(path)
        except Exception as e:  # a broken install must not break QGIS
            QgsMessageLog.logMessage(f"vigie-cli: {e}", "Vigie", Qgis.Warning)
            return
        for definition in definitions:
            if offered(definition):
                self.addAlgorithm(VigieAlgorithm(definition, path))
