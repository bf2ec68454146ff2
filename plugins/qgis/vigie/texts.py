# SPDX-License-Identifier: GPL-3.0-or-later
"""The plugin's own texts, French first, in the language of QGIS's interface (the algorithms'
titles, parameters and help come from Vigie itself, in the same language)."""

TEXTS = {
    "provider": ("Vigie", "Vigie"),
    "analysis": ("Analyses", "Analyses"),
    "forecast": ("Prévisions", "Forecasts"),
    "input": ("Points analysés", "Points analysed"),
    "time_field": ("Champ de date et heure", "Date and time field"),
    "end_field": ("Champ de fin (faits connus entre deux dates)",
                  "End field (records known between two times)"),
    "category_field": ("Champ de catégorie", "Category field"),
    "categories": ("Catégories retenues (séparées par des virgules)",
                   "Categories kept (comma-separated)"),
    "from": ("Début de la période", "Start of the period"),
    "to": ("Fin de la période", "End of the period"),
    "weight": ("Champ de pondération", "Weight field"),
    "span_rule": ("Faits connus entre deux dates", "Records known between two times"),
    "span_start": ("comptés à leur début", "counted by their start"),
    "span_overlap": ("comptés s’ils chevauchent la période", "counted when they overlap the period"),
    "span_aoristic": ("répartis sur leur durée (aoristique)", "spread over their span (aoristic)"),
    "study_area": ("Zone d’étude (polygones ; par défaut l’emprise des points)",
                   "Study area (polygons; default: the points' extent)"),
    "units": ("Unités de restitution (polygones)", "Reporting units (polygons)"),
    "output": ("Résultat", "Result"),
    "summary": ("Résumé (JSON)", "Summary (JSON)"),
    "no_cli": ("vigie-cli est introuvable : installez Vigie, ou indiquez son chemin dans "
               "la variable VIGIE_CLI.",
               "vigie-cli was not found: install Vigie, or give its path in VIGIE_CLI."),
    "canceled": ("Annulé.", "Canceled."),
    "no_points": ("La couche ne contient aucun point utilisable.",
                  "The layer holds no usable point."),
    "skipped": ("{} entités sans point valide ignorées.",
                "{} features without a valid point skipped."),
    "step_input": ("Préparation des points…", "Preparing the points…"),
    "step_run": ("Calcul par Vigie…", "Vigie computing…"),
    "step_output": ("Écriture du résultat…", "Writing the result…"),
}


def text(key):
    from .cli import language
    fr, en = TEXTS[key]
    return en if language() == "en" else fr
