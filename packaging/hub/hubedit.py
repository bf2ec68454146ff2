#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Edits a hub GeoPackage the way the hub's owners would, stamping updated_at (UTC, ms):

  hubedit.py HUB.gpkg LAYER add N          copies N live features under new ids, moved 10 m
  hubedit.py HUB.gpkg LAYER change N       changes a field and moves the geometry 1 m (N features)
  hubedit.py HUB.gpkg LAYER bulk-change N  the same, all N stamped with one updated_at (a bulk
                                           update in one statement)
  hubedit.py HUB.gpkg LAYER delete N       tombstones N live features (deleted_at set, row and
                                           last geometry kept)
  hubedit.py HUB.gpkg LAYER add-field NAME / drop-field NAME   schema changes
Features are picked deterministically (by fid). Prints what it did.
"""
import datetime
import sys

from osgeo import ogr

ogr.UseExceptions()


# Fields holding a value of a closed list (the layers' categories): an edit picks another
# field, as the hub's owners would, since clients refuse values outside the list.
CLOSED_LISTS = ("category", "status", "kind")


def stamp(feature, index, when):
    feature.SetField(index, when.year, when.month, when.day, when.hour, when.minute,
                     when.second + when.microsecond // 1000 / 1000.0, 100)


def live_fids(layer):
    layer.SetAttributeFilter("deleted_at IS NULL")
    fids = [f.GetFID() for f in layer]
    layer.SetAttributeFilter(None)
    return fids


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    path, name, op, arg = sys.argv[1:]
    source = ogr.Open(path, update=1)
    layer = source.GetLayerByName(name)
    if layer is None:
        sys.exit("hubedit: no layer %s" % name)
    defn = layer.GetLayerDefn()
    # Every change gets its own updated_at, in milliseconds, after every earlier one: the
    # hub contract asks for distinct, increasing stamps (clients page on them).
    now = datetime.datetime.utcnow()
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    result = source.ExecuteSQL('SELECT max(updated_at) FROM "%s"' % name)
    latest = result.GetNextFeature().GetField(0) if result else None
    source.ReleaseResultSet(result)
    if latest:
        latest = datetime.datetime.fromisoformat(latest.replace("Z", "").replace("/", "-").split("+")[0])
        now = max(now, latest + datetime.timedelta(milliseconds=1))
    i_updated = defn.GetFieldIndex("updated_at")
    i_deleted = defn.GetFieldIndex("deleted_at")
    if op in ("add", "change", "bulk-change", "delete"):
        count = int(arg)
        fids = live_fids(layer)
        source.StartTransaction()
        if op == "add":
            picked = fids[-count:]
            for k, fid in enumerate(picked):
                f = layer.GetFeature(fid)
                f.SetFID(-1)
                f.SetField("id", "%s-new-%s-%d" % (name, now.strftime("%H%M%S%f"), k))
                moved = shifted(f.GetGeometryRef(), 10.0)
                f.SetGeometry(moved)
                stamp(f, i_updated, now + datetime.timedelta(milliseconds=k))
                layer.CreateFeature(f)
        elif op in ("change", "bulk-change"):
            picked = fids[:count]
            for k, fid in enumerate(picked):
                f = layer.GetFeature(fid)
                changed = False
                for i in range(defn.GetFieldCount()):
                    fd = defn.GetFieldDefn(i)
                    if fd.GetName() in ("id", "updated_at", "deleted_at") or fd.GetName() in CLOSED_LISTS:
                        continue
                    if fd.GetType() in (ogr.OFTInteger, ogr.OFTInteger64) and not f.IsFieldNull(i):
                        f.SetField(i, f.GetFieldAsInteger64(i) + 1)
                        changed = True
                        break
                    if fd.GetType() == ogr.OFTString and not f.IsFieldNull(i):
                        f.SetField(i, f.GetFieldAsString(i) + " (rev)")
                        changed = True
                        break
                f.SetGeometry(shifted(f.GetGeometryRef(), 1.0))
                stamp(f, i_updated, now if op == "bulk-change" else now + datetime.timedelta(milliseconds=k))
                layer.SetFeature(f)
        else:
            picked = fids[len(fids) // 3:len(fids) // 3 + count]
            for k, fid in enumerate(picked):
                f = layer.GetFeature(fid)
                when = now + datetime.timedelta(milliseconds=k)
                stamp(f, i_updated, when)
                stamp(f, i_deleted, when)
                layer.SetFeature(f)
        source.CommitTransaction()
        print("hubedit: %s %s: %d features" % (name, op, len(picked)))
    elif op == "add-field":
        layer.CreateField(ogr.FieldDefn(arg, ogr.OFTString))
        print("hubedit: %s: field %s added" % (name, arg))
    elif op == "drop-field":
        layer.DeleteField(defn.GetFieldIndex(arg))
        print("hubedit: %s: field %s dropped" % (name, arg))
    else:
        sys.exit(__doc__)
    source = None


def shifted(geometry, d):
    g = geometry.Clone()
    count = g.GetGeometryCount()
    if count == 0:
        for p in range(g.GetPointCount()):
            g.SetPoint_2D(p, g.GetX(p) + d, g.GetY(p) + d)
        return g
    for i in range(count):
        part = g.GetGeometryRef(i)
        moved = shifted(part, d)
        for p in range(part.GetPointCount()):
            part.SetPoint_2D(p, moved.GetX(p), moved.GetY(p))
        if part.GetGeometryCount():
            for j in range(part.GetGeometryCount()):
                ring = part.GetGeometryRef(j)
                for p in range(ring.GetPointCount()):
                    ring.SetPoint_2D(p, ring.GetX(p) + d, ring.GetY(p) + d)
    return g


if __name__ == "__main__":
    main()
