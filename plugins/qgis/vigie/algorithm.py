# SPDX-License-Identifier: GPL-3.0-or-later
"""One QGIS Processing algorithm per Vigie algorithm.

The parameters are Vigie's (names, labels, help, defaults, ranges, choices, advanced flags, from
`vigie-cli run --list --json`); the plugin adds only what a QGIS layer needs to become Vigie's
selection: the point layer and its date, end, category and weight fields, the period, the
categories, the study area and the reporting units. A run copies the points (reprojected to
Lambert-93) into a scratch Vigie workspace made for the study area, runs the algorithm there with
vigie-cli, and exports its results as files QGIS loads: the same engine and the same numbers as
in Vigie.
"""
import json
import os
import shutil
import tempfile

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature,
                       QgsField, QgsFields, QgsGeometry, QgsProcessing, QgsProcessingAlgorithm,
                       QgsProcessingContext, QgsProcessingException,
                       QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterDateTime, QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterString,
                       QgsProcessingParameterVectorDestination, QgsProcessingUtils,
                       QgsRectangle, QgsVectorFileWriter, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from . import cli
from .texts import text

LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")
# Vigie parameter types a QGIS form can give without a Vigie workspace.
SUPPORTED = {"number", "integer", "boolean", "choice", "date", "date-time", "text", "period",
             "field"}
SPAN_RULES = ["start", "overlap", "aoristic"]


def offered(definition):
    """Analyses and forecasts whose required parameters need no workspace of Vigie's own
    (scenarios read its cameras and events layers, they stay in Vigie)."""
    if definition.get("group") not in ("analysis", "forecast"):
        return False
    return all(p["type"] in SUPPORTED or p.get("optional")
               for p in definition.get("parameters", []))


def _label(p):
    unit = p.get("unit", "")
    if unit == "d" and cli.language() == "fr":
        unit = "j"
    return f"{p['label']} ({unit})" if unit else p["label"]


def _qgis_parameter(p):
    """The QGIS parameter for one of Vigie's definitions, or None when it has no form here."""
    kind, name, label = p["type"], p["name"], _label(p)
    optional = bool(p.get("optional"))
    default = p.get("default")
    if kind in ("number", "integer"):
        q = QgsProcessingParameterNumber(
            name, label, QgsProcessingParameterNumber.Double if kind == "number"
            else QgsProcessingParameterNumber.Integer, default, optional,
            p.get("minimum", -1.7e308), p.get("maximum", 1.7e308))
    elif kind == "boolean":
        q = QgsProcessingParameterBoolean(name, label, bool(default), optional)
    elif kind == "choice":
        values = [c["value"] for c in p["choices"]]
        q = QgsProcessingParameterEnum(name, label, [c["label"] for c in p["choices"]], False,
                                       values.index(default) if default in values else None,
                                       optional)
    elif kind in ("date", "date-time"):
        q = QgsProcessingParameterDateTime(
            name, label, QgsProcessingParameterDateTime.Date if kind == "date"
            else QgsProcessingParameterDateTime.DateTime, None, True)
    elif kind in ("text", "period"):
        q = QgsProcessingParameterString(name, label, default or None, False, optional)
    elif kind == "field":
        q = QgsProcessingParameterField(
            name, label, None, "INPUT", QgsProcessingParameterField.Numeric if p.get("numeric")
            else QgsProcessingParameterField.Any, False, optional)
    else:
        return None
    if p.get("help"):
        q.setHelp(p["help"])
    if p.get("advanced"):
        q.setFlags(q.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return q


class VigieAlgorithm(QgsProcessingAlgorithm):
    def __init__(self, definition, cli_path):
        super().__init__()
        self._d = definition
        self._cli = cli_path

    def createInstance(self):  # noqa: N802 (QGIS's names)
        return VigieAlgorithm(self._d, self._cli)

    def name(self):
        return self._d["id"]

    def displayName(self):  # noqa: N802
        return self._d["title"]

    def group(self):
        return text(self._d["group"])

    def groupId(self):  # noqa: N802
        return self._d["group"]

    def shortHelpString(self):  # noqa: N802
        return self._d.get("explanation", "")

    def _raster(self):
        return bool(self._d.get("raster"))

    def _keeps(self):
        return bool(self._d.get("keepsResults", True))

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource("INPUT", text("input"),
                                                [QgsProcessing.TypeVectorPoint]))
        add(QgsProcessingParameterField("TIME_FIELD", text("time_field"), None, "INPUT",
                                        QgsProcessingParameterField.Any, False, True))
        add(QgsProcessingParameterField("END_FIELD", text("end_field"), None, "INPUT",
                                        QgsProcessingParameterField.Any, False, True))
        add(QgsProcessingParameterField("CATEGORY_FIELD", text("category_field"), None, "INPUT",
                                        QgsProcessingParameterField.Any, False, True))
        add(QgsProcessingParameterString("CATEGORIES", text("categories"), None, False, True))
        add(QgsProcessingParameterDateTime("FROM", text("from"), optional=True))
        add(QgsProcessingParameterDateTime("TO", text("to"), optional=True))
        add(QgsProcessingParameterField("WEIGHT", text("weight"), None, "INPUT",
                                        QgsProcessingParameterField.Numeric, False, True))
        add(QgsProcessingParameterFeatureSource("STUDY_AREA", text("study_area"),
                                                [QgsProcessing.TypeVectorPolygon], None, True))
        add(QgsProcessingParameterFeatureSource("UNITS", text("units"),
                                                [QgsProcessing.TypeVectorPolygon], None, True))
        span = QgsProcessingParameterEnum("SPAN_RULE", text("span_rule"),
                                          [text("span_" + r) for r in SPAN_RULES], False, 0)
        span.setFlags(span.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        add(span)
        for p in self._d.get("parameters", []):
            q = _qgis_parameter(p)
            if q is not None:
                add(q)
        if self._keeps() and self._raster():
            add(QgsProcessingParameterRasterDestination("OUTPUT", text("output")))
        elif self._keeps():
            add(QgsProcessingParameterVectorDestination("OUTPUT", text("output")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", text("summary")))

    # --- the run ---------------------------------------------------------------------------

    def _write_points(self, parameters, context, feedback, path):
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        names = source.fields().names()
        columns = []  # (column written, index in the source, QVariant type)
        for key, column, kind in (("TIME_FIELD", "occurred_at", None),
                                  ("END_FIELD", "occurred_to", None),
                                  ("CATEGORY_FIELD", "category", QVariant.String),
                                  ("WEIGHT", "weight", QVariant.Double)):
            field = self.parameterAsString(parameters, key, context)
            if field:
                index = names.index(field)
                if kind is None:  # dates stay dates; text is read by Vigie's date parser
                    source_type = source.fields().at(index).type()
                    kind = (QVariant.DateTime if source_type in (QVariant.DateTime, QVariant.Date)
                            else QVariant.String)
                columns.append((column, index, kind))
        fields = QgsFields()
        for column, _, kind in columns:
            fields.append(QgsField(column, kind))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "points"
        writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Point, LAMBERT93,
                                            context.transformContext(), options)
        if writer.hasError():
            raise QgsProcessingException(writer.errorMessage())
        transform = QgsCoordinateTransform(source.sourceCrs(), LAMBERT93,
                                           context.transformContext())
        total = max(1, source.featureCount())
        written = skipped = 0
        extent = QgsRectangle()
        extent.setMinimal()
        for i, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                raise QgsProcessingException(text("canceled"))
            geometry = feature.geometry()
            parts = [] if geometry.isNull() or geometry.isEmpty() else \
                [QgsGeometry(p.clone()) for p in geometry.constParts()]
            if not parts:
                skipped += 1
                continue
            values = [feature.attribute(index) for _, index, _ in columns]
            for part in parts:
                part.transform(transform)
                out = QgsFeature(fields)
                out.setGeometry(part)
                out.setAttributes(values)
                writer.addFeature(out)
                extent.combineExtentWith(part.boundingBox())
                written += 1
            feedback.setProgress(8.0 * i / total)
        del writer
        if skipped:
            feedback.pushWarning(text("skipped").format(skipped))
        if written == 0:
            raise QgsProcessingException(text("no_points"))
        return [c for c, _, _ in columns], extent

    def _write_polygons(self, parameters, key, context, path, extent=None):
        """The polygons of `key` (or `extent`, a metre wider, when not given), in Lambert-93."""
        source = self.parameterAsSource(parameters, key, context)
        if source is None and extent is None:
            return False
        fields = QgsFields()
        fields.append(QgsField("name", QVariant.String))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = key.lower()
        writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.MultiPolygon, LAMBERT93,
                                            context.transformContext(), options)
        if writer.hasError():
            raise QgsProcessingException(writer.errorMessage())
        if source is None:
            box = QgsRectangle(extent)
            box.grow(1.0)
            geometries = [(QgsGeometry.fromRect(box), "")]
        else:
            transform = QgsCoordinateTransform(source.sourceCrs(), LAMBERT93,
                                               context.transformContext())
            names = source.fields().names()
            label = next((n for n in names if n.lower() in ("nom", "name", "libelle", "label")),
                         None)
            geometries = []
            for feature in source.getFeatures():
                g = QgsGeometry(feature.geometry())
                if g.isNull() or g.isEmpty():
                    continue
                g.transform(transform)
                geometries.append((g, str(feature[label]) if label else ""))
        for geometry, name in geometries:
            geometry.convertToMultiType()
            out = QgsFeature(fields)
            out.setGeometry(geometry)
            out.setAttributes([name])
            writer.addFeature(out)
        del writer
        return True

    def _own_arguments(self, parameters, context):
        args = []
        for p in self._d.get("parameters", []):
            name, kind = p["name"], p["type"]
            if kind not in SUPPORTED or parameters.get(name) is None:
                continue
            if kind == "number":
                value = repr(self.parameterAsDouble(parameters, name, context))
            elif kind == "integer":
                value = str(self.parameterAsInt(parameters, name, context))
            elif kind == "boolean":
                value = "yes" if self.parameterAsBoolean(parameters, name, context) else "no"
            elif kind == "choice":
                value = p["choices"][self.parameterAsEnum(parameters, name, context)]["value"]
            elif kind in ("date", "date-time"):
                when = self.parameterAsDateTime(parameters, name, context)
                if not when or not when.isValid():
                    continue
                value = when.date().toString("yyyy-MM-dd") if kind == "date" else \
                    when.toString("yyyy-MM-ddTHH:mm:ss")
            elif kind == "field":
                continue  # fields of the input other than the selection's are not copied
            else:
                value = self.parameterAsString(parameters, name, context)
            if value != "":
                args += [p["option"], value]
        return args

    def _selection_arguments(self, parameters, context, columns):
        args = ["--layer", "points"]
        for key, option in (("FROM", "--from"), ("TO", "--to")):
            when = self.parameterAsDateTime(parameters, key, context)
            if parameters.get(key) is not None and when and when.isValid():
                args += [option, when.toString("yyyy-MM-ddTHH:mm:ss")]  # Paris time
        categories = self.parameterAsString(parameters, "CATEGORIES", context)
        if categories:
            args += ["--categories", categories]
        if "weight" in columns:
            args += ["--weight", "weight"]
        rule = SPAN_RULES[self.parameterAsEnum(parameters, "SPAN_RULE", context)]
        if rule != "start":
            args += ["--span-rule", rule]
        return args

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        scratch = tempfile.mkdtemp(prefix="vigie-", dir=QgsProcessingUtils.tempFolder())
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context) \
            if self._keeps() else None
        existed = bool(output) and os.path.exists(output)
        try:
            return self._run(parameters, context, feedback, scratch, output)
        except QgsProcessingException:
            # Vigie writes its files whole or not at all; a run that failed or was cancelled
            # after Vigie finished writing leaves no output either.
            if output and not existed and os.path.exists(output):
                os.remove(output)
            raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _run(self, parameters, context, feedback, scratch, output):
        feedback.setProgressText(text("step_input"))
        points = os.path.join(scratch, "points.gpkg")
        columns, extent = self._write_points(parameters, context, feedback, points)
        area, units = os.path.join(scratch, "area.gpkg"), os.path.join(scratch, "units.gpkg")
        self._write_polygons(parameters, "STUDY_AREA", context, area, extent)
        workspace = os.path.join(scratch, "analysis.vigie")
        new = ["new", "--out", workspace, "--boundaries", area]
        if self._write_polygons(parameters, "UNITS", context, units):
            new += ["--units", units]
        cli.run(self._cli, new, feedback, 8, 10)
        imported = ["import", "--store", workspace, "--new-layer", "points"]
        for column in columns:
            target = "category" if column == "category" else column
            if column != "weight":
                imported += ["--map", f"{target}={column}"]
        cli.run(self._cli, imported + [points], feedback, 10, 15)

        feedback.setProgressText(text("step_run"))
        run = ["run", self._d["id"], "--store", workspace, "--json"]
        run += self._selection_arguments(parameters, context, columns)
        run += self._own_arguments(parameters, context)
        if output and self._raster():
            run += ["--geotiff", output]
        outcome = json.loads(cli.run(self._cli, run, feedback, 15, 92))
        if feedback.isCanceled():
            raise QgsProcessingException(text("canceled"))
        summary = outcome.get("summary", outcome)
        feedback.pushInfo(json.dumps(summary, ensure_ascii=False, indent=1))
        results = {"SUMMARY": json.dumps(summary, ensure_ascii=False)}
        if not self._keeps():
            return results

        feedback.setProgressText(text("step_output"))
        main = outcome.get("resultLayer") or outcome["id"]
        if not self._raster():
            cli.run(self._cli, ["export", "--store", workspace, "--layer", main, "--out", output],
                    feedback, 92, 96)
        results["OUTPUT"] = output
        # The run's other layers (a forecast's priority cells…) load in the project too.
        for layer in outcome.get("layers", []):
            if layer == main:
                continue
            raster = layer in outcome.get("rasterLayers", [])
            extra = QgsProcessingUtils.generateTempFilename(layer + (".tif" if raster
                                                                     else ".gpkg"))
            cli.run(self._cli, ["export", "--store", workspace, "--layer", layer, "--out", extra],
                    feedback, 96, 99)
            context.addLayerToLoadOnCompletion(
                extra, QgsProcessingContext.LayerDetails(layer, context.project(), layer))
        return results
