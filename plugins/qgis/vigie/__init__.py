# SPDX-License-Identifier: GPL-3.0-or-later
"""Vigie's algorithms in QGIS Processing."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import VigiePlugin
    return VigiePlugin(iface)
