#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the reference hub database (a GeoPackage) from a Vigie workspace.

Every layer of the workspace becomes a table named after its hub collection with, first,
    id          TEXT      stable feature id on the hub ("<collection>-<n>")
    updated_at  DATETIME  last change (UTC); the FIRST datetime column, so that QGIS Server's
                          OGC API `datetime` parameter filters on it
    deleted_at  DATETIME  set on a tombstone (the row and its last geometry stay on the hub)
then the layer's manifest fields, and the geometry in EPSG:2154 (Lambert-93).

Usage: build-hub.py --store WORKSPACE.vigie --out HUB.gpkg [--layers a,b] [--updated-at ISO]
Run with Debian's /usr/bin/python3 (python3-gdal).
"""
import argparse
import datetime
import json
import os
import sqlite3
import sys

from osgeo import ogr, osr

ogr.UseExceptions()

FIELD_TYPES = {"string": ogr.OFTString, "integer": ogr.OFTInteger64, "real": ogr.OFTReal,
               "datetime": ogr.OFTDateTime, "boolean": ogr.OFTInteger}
GEOM_TYPES = {"Point": ogr.wkbPoint, "Line": ogr.wkbMultiLineString,
              "Polygon": ogr.wkbMultiPolygon}


def parse_iso(text):
    if not text:
        return None
    # ISO 8601 as Vigie stores it, or GDAL's rendering of a DateTime field ("2025/01/01
    # 10:00:00+00") since workspaces declare date-times DATETIME.
    text = text.strip().replace(" ", "T").replace("/", "-")
    if text.endswith("Z"):
        text = text[:-1]
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return value


def set_datetime(feature, index, value):
    feature.SetField(index, value.year, value.month, value.day, value.hour, value.minute,
                     float(value.second), 100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="Vigie workspace (SpatiaLite)")
    parser.add_argument("--out", required=True, help="GeoPackage to create")
    parser.add_argument("--layers", default="", help="comma-separated layer ids (default all)")
    parser.add_argument("--updated-at", default="",
                        help="updated_at of layers without a time field (default: now, UTC)")
    args = parser.parse_args()
    if os.path.exists(args.out):
        sys.exit("build-hub: %s exists" % args.out)

    with sqlite3.connect("file:%s?mode=ro" % args.store, uri=True) as db:
        manifests = [json.loads(row[0]) for row in
                     db.execute("SELECT manifest FROM vigie_layers ORDER BY id")]
    wanted = [x for x in args.layers.split(",") if x]
    if wanted:
        manifests = [m for m in manifests if m["id"] in wanted]
    default_updated = parse_iso(args.updated_at) if args.updated_at else \
        datetime.datetime.utcnow().replace(microsecond=0)

    source = ogr.Open(args.store)
    driver = ogr.GetDriverByName("GPKG")
    out = driver.CreateDataSource(args.out)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    for manifest in manifests:
        collection = manifest.get("hubCollection") or manifest["id"]
        src = source.GetLayerByName(manifest["id"])
        if src is None:
            sys.exit("build-hub: the workspace has no table %s" % manifest["id"])
        dst = out.CreateLayer(collection, srs, GEOM_TYPES[manifest["geometryType"]],
                              ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"])
        dst.CreateField(ogr.FieldDefn("id", ogr.OFTString))
        dst.CreateField(ogr.FieldDefn("updated_at", ogr.OFTDateTime))
        dst.CreateField(ogr.FieldDefn("deleted_at", ogr.OFTDateTime))
        fields = manifest["fields"]
        for field in fields:
            dst.CreateField(ogr.FieldDefn(field["name"], FIELD_TYPES[field["type"]]))
        defn = dst.GetLayerDefn()
        index = {f["name"]: defn.GetFieldIndex(f["name"]) for f in fields}
        time_field = manifest.get("timeField", "")
        count = 0
        dst.StartTransaction()
        for feature in src:
            out_feature = ogr.Feature(defn)
            count += 1
            out_feature.SetField(0, "%s-%d" % (collection, feature.GetFID()))
            updated = None
            if time_field:
                updated = parse_iso(feature.GetFieldAsString(time_field))
                if updated is not None:
                    updated += datetime.timedelta(hours=2)
            set_datetime(out_feature, 1, updated or default_updated)
            for field in fields:
                name = field["name"]
                if feature.IsFieldNull(name):
                    continue
                if field["type"] == "datetime":
                    value = parse_iso(feature.GetFieldAsString(name))
                    if value is not None:
                        set_datetime(out_feature, index[name], value)
                elif field["type"] in ("integer", "boolean"):
                    out_feature.SetField(index[name], feature.GetFieldAsInteger64(name))
                elif field["type"] == "real":
                    out_feature.SetField(index[name], feature.GetFieldAsDouble(name))
                else:
                    out_feature.SetField(index[name], feature.GetFieldAsString(name))
            geometry = feature.GetGeometryRef()
            if geometry is not None:
                geometry = geometry.Clone()
                if manifest["geometryType"] == "Line":
                    geometry = ogr.ForceToMultiLineString(geometry)
                elif manifest["geometryType"] == "Polygon":
                    geometry = ogr.ForceToMultiPolygon(geometry)
                out_feature.SetGeometry(geometry)
            dst.CreateFeature(out_feature)
            if count % 100000 == 0:
                dst.CommitTransaction()
                dst.StartTransaction()
        dst.CommitTransaction()
        print("build-hub: %s: %d features" % (collection, count))
    out = None


if __name__ == "__main__":
    main()
