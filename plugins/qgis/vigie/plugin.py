# SPDX-License-Identifier: GPL-3.0-or-later
"""The plugin: registers the Vigie Processing provider (in QGIS and in qgis_process)."""
from qgis.core import QgsApplication

from .provider import VigieProvider


class VigiePlugin:
    def __init__(self, iface=None):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        if self.provider is None:
            self.provider = VigieProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
