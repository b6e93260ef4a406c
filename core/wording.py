"""The German names of domain values, for everything a user reads.

The register, print-json and the command line's options keep short English keys ("kleine_anfrage",
"cosigning", "answer:2", "imported"); the command line, the CSV, XLSX and iCalendar exports and the
window show what this module makes of them ("Kleine Anfrage", "Mitzeichnung", "Antwort 2",
"importiert"). The window passes them through tr() for its English translation.
"""

from __future__ import annotations

from core.model import KIND_NAMES

# internal deadlines of an inquiry (core.tracking.plan), in the order they fall
STEP_NAMES = {"contribution": "Zulieferung", "cosigning": "Mitzeichnung", "signature": "Zeichnung"}

# the outcome of importing one file (core.services)
IMPORT_STATUS_NAMES = {
    "imported": "importiert",
    "updated": "aktualisiert",
    "unchanged": "unverändert",
    "failed": "fehlgeschlagen",
}

# what an imported file became
WHAT_NAMES = {"print": "Drucksache", "material": "Material"}

# the dates of a print as print-json names them
DATE_NAMES = {"submitted": "eingereicht", "received": "eingegangen", "published": "ausgegeben"}


def kind_name(kind: str | None) -> str:
    """ "kleine_anfrage" → "Kleine Anfrage"; an unknown kind stays as it is."""
    return KIND_NAMES.get(kind or "other", kind or "")


def step_name(step: str) -> str:
    """ "cosigning" → "Mitzeichnung"."""
    return STEP_NAMES.get(step, step)


def step_key(name: str) -> str | None:
    """The step a user typed, by key or by its German name ("Mitzeichnung", "mitzeichnung",
    "cosigning" → "cosigning"); None for anything else."""
    wanted = name.strip().casefold()
    for key, german in STEP_NAMES.items():
        if wanted in (key, german.casefold()):
            return key
    return None


def import_status_name(status: str) -> str:
    """ "imported" → "importiert"."""
    return IMPORT_STATUS_NAMES.get(status, status)


def what_name(what: str) -> str:
    """ "print" → "Drucksache", "material" → "Material"."""
    return WHAT_NAMES.get(what, what)


def where_name(where: str) -> str:
    """Where in a print a citation stands: "answer:2" → "Antwort 2", "point:3" → "Ziffer 3",
    "reasoning" → "Begründung", anything else → "Text"."""
    kind, _, rest = where.partition(":")
    if kind == "answer" and rest:
        return f"Antwort {rest}"
    if kind == "point" and rest:
        return f"Ziffer {rest}"
    if kind == "reasoning":
        return "Begründung"
    return "Text"


def where_phrase(where: str) -> str:
    """The same as a phrase: "in Antwort 2", "in Ziffer 3", "in der Begründung", "im Text"."""
    name = where_name(where)
    if name == "Begründung":
        return "in der Begründung"
    if name == "Text":
        return "im Text"
    return f"in {name}"


def points_phrase(labels: list[str]) -> str:
    """ "Ziffer 5", "Ziffern 3 und 4", "Ziffern 1, 2 und 3"."""
    if len(labels) == 1:
        return f"Ziffer {labels[0]}"
    return f"Ziffern {', '.join(labels[:-1])} und {labels[-1]}"


def counts_line(counts: dict[str, int]) -> str:
    """ "2 importiert, 0 aktualisiert, 0 unverändert, 1 fehlgeschlagen" from counts per status."""
    return ", ".join(f"{counts.get(status, 0)} {name}" for status, name in IMPORT_STATUS_NAMES.items())


# the parser's notes on a print (print-json "warnings" keeps them in English, core.report reads them)
_WARNINGS = (
    (r"no numbered points or questions found", "keine nummerierten Ziffern oder Fragen gefunden"),
    (
        r"point (\S+) is quoted differently in the answer than in the inquiry",
        r"Ziffer \1 wird in der Antwort anders zitiert als in der Anfrage",
    ),
    (r"points jump from (\S+) to (\S+)", r"die Ziffern springen von \1 auf \2"),
    (r"a point number occurs twice in the inquiry", "eine Ziffer kommt in der Anfrage zweimal vor"),
    (
        r"answer (\d+) names point (\S+), which the print does not have",
        r"Antwort \1 nennt Ziffer \2, die es in der Drucksache nicht gibt",
    ),
    (r"point (\S+) is answered twice \(answers (\d+) and (\d+)\)", r"Ziffer \1 wird zweimal beantwortet"),
    (r"answer (\d+) \(to (.*)\) is empty", r"die Antwort zu Ziffer \2 ist leer"),
    (r"no answer for point (\S+)", r"Ziffer \1 hat keine Antwort"),
    (r"the answer has no point-by-point items", "die Antwort ist nicht nach Ziffern gegliedert"),
)


def warning_name(warning: str) -> str:
    """A parser note in German ("no answer for point 3" → "Ziffer 3 hat keine Antwort")."""
    import re

    for pattern, german in _WARNINGS:
        m = re.fullmatch(pattern, warning)
        if m:
            return m.expand(german)
    return warning
