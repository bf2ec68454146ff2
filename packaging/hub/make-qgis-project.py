#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a QGIS 3.22 project (.qgs) that publishes every table of a hub GeoPackage through
QGIS Server (WFS and OGC API - Features), in EPSG:2154.

Usage: make-qgis-project.py --gpkg HUB.gpkg --out HUB.qgs [--title TITLE]
"""
import argparse
import os
import uuid
from xml.sax.saxutils import escape, quoteattr

from osgeo import ogr

ogr.UseExceptions()

GEOMETRY = {ogr.wkbPoint: ("Point", "Point"), ogr.wkbMultiPoint: ("Point", "MultiPoint"),
            ogr.wkbLineString: ("Line", "LineString"),
            ogr.wkbMultiLineString: ("Line", "MultiLineString"),
            ogr.wkbPolygon: ("Polygon", "Polygon"), ogr.wkbMultiPolygon: ("Polygon", "MultiPolygon")}

SRS = """<spatialrefsys>
 <wkt></wkt>
 <proj4>+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs</proj4>
 <srsid>145</srsid><srid>2154</srid><authid>EPSG:2154</authid>
 <description>RGF93 v1 / Lambert-93</description><projectionacronym>lcc</projectionacronym>
 <ellipsoidacronym>EPSG:7019</ellipsoidacronym><geographicflag>false</geographicflag>
</spatialrefsys>"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpkg", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--title", default="Vigie data hub")
    args = parser.parse_args()
    gpkg = os.path.abspath(args.gpkg)
    source = ogr.Open(gpkg)
    layers = []
    for i in range(source.GetLayerCount()):
        layer = source.GetLayerByIndex(i)
        kind, wkb = GEOMETRY.get(ogr.GT_Flatten(layer.GetGeomType()), ("Point", "Point"))
        layers.append((layer.GetName(), kind, wkb))
    source = None

    tree = []
    maps = []
    ids = []
    for name, kind, wkb in layers:
        layer_id = "%s_%s" % (name, uuid.uuid5(uuid.NAMESPACE_URL, gpkg + "|" + name).hex)
        ids.append(layer_id)
        datasource = "%s|layername=%s" % (gpkg, name)
        tree.append('  <layer-tree-layer id=%s name=%s source=%s providerKey="ogr" '
                    'checked="Qt::Checked" expanded="0"><customproperties/></layer-tree-layer>'
                    % (quoteattr(layer_id), quoteattr(name), quoteattr(datasource)))
        maps.append("""  <maplayer type="vector" geometry="%s" wkbType="%s" autoRefreshEnabled="0">
   <id>%s</id>
   <datasource>%s</datasource>
   <shortname>%s</shortname>
   <layername>%s</layername>
   <srs>%s</srs>
   <provider encoding="UTF-8">ogr</provider>
   <flags><Identifiable>1</Identifiable><Removable>1</Removable><Searchable>1</Searchable></flags>
  </maplayer>""" % (kind, wkb, escape(layer_id), escape(datasource), escape(name), escape(name),
                    SRS))

    values = "".join("<value>%s</value>" % escape(i) for i in ids)
    precision = "".join("<%s type=\"int\">3</%s>" % (i, i) for i in ids)
    project = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname=%s version="3.22.16-Bia\u0142owie\u017ca">
 <homePath path=""/>
 <title>%s</title>
 <projectCrs>%s</projectCrs>
 <layer-tree-group><customproperties/>
%s
 </layer-tree-group>
 <projectlayers>
%s
 </projectlayers>
 <properties>
  <WMSServiceCapabilities type="bool">true</WMSServiceCapabilities>
  <WMSServiceTitle type="QString">%s</WMSServiceTitle>
  <WFSLayers type="QStringList">%s</WFSLayers>
  <WFSLayersPrecision>%s</WFSLayersPrecision>
  <WFSUrl type="QString"></WFSUrl>
  <WMSCrsList type="QStringList"><value>EPSG:2154</value><value>EPSG:4326</value></WMSCrsList>
 </properties>
</qgis>
""" % (quoteattr(args.title), escape(args.title), SRS, "\n".join(tree), "\n".join(maps),
       escape(args.title), values, precision)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(project)


if __name__ == "__main__":
    main()
