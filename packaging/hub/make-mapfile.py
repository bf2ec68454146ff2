#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a MapServer 8 mapfile publishing every table of a hub GeoPackage as WFS 2.0
(GML and GeoJSON output) in EPSG:2154, and the MapServer CONFIG file that maps the alias "hub"
to it.

Usage: make-mapfile.py --gpkg HUB.gpkg --map HUB.map --config mapserver.conf --url BASE_URL
(BASE_URL: http://127.0.0.1:PORT/cgi-bin/mapserv?map=hub, announced in the capabilities)
"""
import argparse
import os

from osgeo import ogr

ogr.UseExceptions()

TYPES = {ogr.wkbPoint: "POINT", ogr.wkbMultiPoint: "POINT", ogr.wkbLineString: "LINE",
         ogr.wkbMultiLineString: "LINE", ogr.wkbPolygon: "POLYGON",
         ogr.wkbMultiPolygon: "POLYGON"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpkg", required=True)
    parser.add_argument("--map", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--url", required=True)
    args = parser.parse_args()
    gpkg = os.path.abspath(args.gpkg)
    source = ogr.Open(gpkg)
    layers = []
    for i in range(source.GetLayerCount()):
        layer = source.GetLayerByIndex(i)
        defn = layer.GetLayerDefn()
        # Datetimes published as strings: with "auto" types MapServer writes them as
        # gml:TimeInstantType, which GDAL reads as a field "timePosition" (docs/hub.md).
        dates = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())
                 if defn.GetFieldDefn(k).GetType() in (ogr.OFTDateTime, ogr.OFTDate)]
        meta = "\n".join('      "gml_%s_type" "Character"' % d for d in dates)
        layers.append("""  LAYER
    NAME "%(name)s"
    TYPE %(type)s
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "%(gpkg)s"
    DATA "%(name)s"
    PROJECTION "init=epsg:2154" END
    TEMPLATE "void"
    METADATA
      "wfs_title" "%(name)s"
      "wfs_srs" "EPSG:2154 EPSG:4326"
      "wfs_enable_request" "*"
      "wfs_getfeature_formatlist" "geojson"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "gml_types" "auto"
%(meta)s
    END
  END""" % {"name": layer.GetName(), "type": TYPES.get(ogr.GT_Flatten(layer.GetGeomType()), "POINT"),
           "gpkg": gpkg, "meta": meta})
    source = None
    with open(args.map, "w", encoding="utf-8") as out:
        out.write("""MAP
  NAME "vigie_hub"
  EXTENT 100000 6000000 1300000 7200000
  UNITS METERS
  PROJECTION "init=epsg:2154" END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  WEB
    METADATA
      "wfs_title" "Vigie data hub"
      "wfs_onlineresource" "%s"
      "wfs_srs" "EPSG:2154 EPSG:4326"
      "wfs_enable_request" "*"
      "wfs_maxfeatures" "10000"
    END
  END
%s
END
""" % (args.url, "\n".join(layers)))
    with open(args.config, "w", encoding="utf-8") as out:
        out.write("""CONFIG
  ENV
    MS_ERRORFILE "stderr"
  END
  MAPS
    "hub" "%s"
  END
END
""" % os.path.abspath(args.map))


if __name__ == "__main__":
    main()
