"""What a document template sees: the print, its points and its answer as plain values.

Templates (DOCX for Word, PDF layouts) are rendered in a sandbox and only get this context:
strings, numbers, lists and dicts — no objects with methods. The same context serves the
Stellungnahme, the Antwort, the request to a contributing unit (Zulieferung) and the request
for more time (Fristverlängerung).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core.model import KIND_NAMES, PrintDoc

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
PARLIAMENT_NAMES = {
    "BW": "Landtag von Baden-Württemberg",
    "BY": "Bayerischer Landtag",
    "BE": "Abgeordnetenhaus Berlin",
    "BB": "Landtag Brandenburg",
    "HB": "Bremische Bürgerschaft",
    "HH": "Hamburgische Bürgerschaft",
    "HE": "Hessischer Landtag",
    "MV": "Landtag Mecklenburg-Vorpommern",
    "NI": "Niedersächsischer Landtag",
    "NW": "Landtag Nordrhein-Westfalen",
    "RP": "Landtag Rheinland-Pfalz",
    "SL": "Landtag des Saarlandes",
    "SN": "Sächsischer Landtag",
    "ST": "Landtag von Sachsen-Anhalt",
    "SH": "Schleswig-Holsteinischer Landtag",
    "TH": "Thüringer Landtag",
    "BT": "Deutscher Bundestag",
}


def long_date(d: date | None) -> str:
    """ "1. September 2025", as the prints write dates in running text."""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}" if d else ""


def short_date(d: date | None) -> str:
    """ "8.8.2025", as the prints write dates under the motion."""
    return f"{d.day}.{d.month}.{d.year}" if d else ""


def heading_label(labels: list[str]) -> str:
    """ "Zu 1.:", "Zu 3. und 4.:", "Zu 1. bis 3.:", "Zu I. 1.:", "Zu 2 a):" — the answer headings of BW prints."""

    def one(label: str) -> str:
        m = re.fullmatch(r"(?:(?P<r>[IVX]+)\.?)?(?P<n>\d+)?(?P<s>[a-z]?)", label)
        if not m:
            return label
        parts = []
        if m["r"]:
            parts.append(f"{m['r']}.")
        if m["n"]:
            parts.append(f"{m['n']}{' ' + m['s'] + ')' if m['s'] else '.'}")
        elif m["s"]:
            parts.append(f"{m['s']})")
        return " ".join(parts)

    if not labels:
        return "Vorbemerkung:"
    nums = [int(x) for x in labels if x.isdigit()]
    if len(labels) > 2 and len(nums) == len(labels) and nums == list(range(nums[0], nums[0] + len(nums))):
        return f"Zu {one(labels[0])} bis {one(labels[-1])}:"
    if len(labels) == 1:
        return f"Zu {one(labels[0])}:"
    return f"Zu {', '.join(one(x) for x in labels[:-1])} und {one(labels[-1])}:"


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a stored text, each on one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def _genitive(ministry: str | None) -> str:
    if not ministry:
        return ""
    name = re.sub(r"\bMinisterium\b", "Ministeriums", ministry, count=1)
    name = re.sub(r"^(\w+)isches ", r"\1ischen ", name)
    if name.startswith(("Staatskanzlei", "Senatsverwaltung", "Landesregierung", "Bundesregierung")):
        return f"der {name}"
    return f"des {name}"


_ADJECTIVE = re.compile(r"^(\w+)isches ")


def _dative_list(names: list[str]) -> str:
    def dative(name: str) -> str:
        article = "der" if name.startswith(("Staatskanzlei", "Senatsverwaltung", "Landesregierung")) else "dem"
        return article + " " + _ADJECTIVE.sub(r"\1ischen ", name)

    items = [dative(n) for n in names]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


def office_for(ministry: str | None) -> str:
    """The signatory's office line under the name: "Ministerin für Wirtschaft, …" by default."""
    if ministry and ministry.startswith("Ministerium "):
        return "Minister/in " + ministry.removeprefix("Ministerium ")
    return ministry or ""


def context(
    doc: PrintDoc,
    *,
    draft: bool = False,
    office: str | None = None,
    today: date | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The template context of one print (see templates/README.md for every key)."""
    kind = doc.kind
    answer = doc.answer
    originators = doc.originators or []
    factions = " ".join(doc.factions)
    names = ", ".join(originators[:-1]) + " und " + originators[-1] if len(originators) > 1 else "".join(originators)
    is_motion = kind == "antrag"
    if originators:
        who = ("der Abg. " if len(originators) > 1 else "des Abg. ") + names + (" u. a." if is_motion else "")
        originators_line = f"{who} {factions}".strip()
    else:
        originators_line = f"der Fraktion {factions}".strip() if factions else ""
    if doc.signers:  # the line under the motion, all names as the print lists them
        signers_line = f"{', '.join(doc.signers)} {factions}".strip()
    elif originators:  # the head's names only: the others are "u. a."
        surnames = ", ".join(name.split()[-1] for name in originators)
        signers_line = f"{surnames}{' u. a.' if is_motion else ''} {factions}".strip()
    else:
        signers_line = ""
    opener = (
        "Der Landtag wolle beschließen, die Landesregierung zu ersuchen zu berichten,"
        if is_motion
        else "Wir fragen die Landesregierung:"
        if kind == "grosse_anfrage"
        else "Ich frage die Landesregierung:"
    )
    # the print sets the motion's opener on three lines
    opener_lines = re.split(r"(?<=beschließen,) |(?<=zu ersuchen) ", opener)
    points = [
        {
            "label": p.label,
            "heading_label": heading_label([p.label]).removeprefix("Zu ").rstrip(":"),
            "text": " ".join(p.text.split()),
            "paragraphs": paragraphs(p.text),
        }
        for p in doc.points
    ]
    by_label = {p["label"]: p for p in points}
    items = []
    if answer is not None:
        for item in answer.items:
            items.append(
                {
                    "labels": list(item.points),
                    "heading": heading_label(item.points),
                    "questions": [by_label[lb] for lb in item.points if lb in by_label],
                    "paragraphs": paragraphs(item.text),
                    "preface": not item.points,
                }
            )
    answer_date = answer.date if answer else None
    consent = list(answer.consent) if answer else []
    verb = "nimmt" if is_motion else "beantwortet"
    if answer is not None:
        opening = (
            f"Mit Schreiben vom {long_date(answer_date) or '…'} Nr. {answer.file_number or '…'} {verb} das "
            f"{doc.ministry or 'Ministerium …'}"
        )
        if consent:
            opening += f" im Einvernehmen mit {_dative_list(consent)}"
        opening += (
            " zu dem Antrag wie folgt Stellung:" if is_motion else f" die {KIND_NAMES.get(kind, 'Anfrage')} wie folgt:"
        )
    else:
        opening = ""
    ctx: dict[str, Any] = {
        "print": {
            "parliament": doc.parliament or "",
            "parliament_name": PARLIAMENT_NAMES.get(doc.parliament or "", "Landtag"),
            "number": doc.number or "",
            "number_spaced": (doc.number or "").replace("/", " / "),
            "term": (doc.number or "").split("/")[0] if doc.number else "",
            "kind": kind,
            "kind_name": KIND_NAMES.get(kind, "Drucksache"),
            "answer_name": "Stellungnahme" if is_motion else "Antwort",
            "title": doc.title or "",
            "date": short_date(doc.submitted),
            "date_long": long_date(doc.submitted),
            "received": short_date(doc.received),
            "originators": originators,
            "originators_line": originators_line,
            "factions": doc.factions,
            "ministry": doc.ministry or "",
            "ministry_genitive": _genitive(doc.ministry),
            "opener": opener,
            "opener_lines": opener_lines,
            "signers": list(doc.signers),
            "signers_line": signers_line,
            "reasoning": paragraphs(doc.reasoning),
        },
        "points": points,
        "answer": {
            "present": answer is not None,
            "date": short_date(answer_date),
            "date_long": long_date(answer_date),
            "file_number": answer.file_number if answer and answer.file_number else "",
            "consent": consent,
            "consent_phrase": f"im Einvernehmen mit {_dative_list(consent)}" if consent else "",
            "opening": opening,
            "signatory": answer.signatory if answer and answer.signatory else "",
            "office": office or (answer.office if answer and answer.office else office_for(doc.ministry)),
            "items": items,
        },
        "draft": draft,
        "today": long_date(today or date.today()),
    }
    if extra:
        ctx.update(extra)
    return _without_controls(ctx)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _without_controls(value: Any) -> Any:
    """The context without control characters (a title from a PDF's text layer may carry them):
    Word's XML cannot hold them, and PDF metadata would show them as boxes."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):
        return {k: _without_controls(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_controls(v) for v in value]
    return value


def shorten(text: str | None, limit: int) -> str:
    """`text` on one line and at most `limit` characters, cut at a word with "…": for metadata
    fields and messages, which must not carry a 20 KB title (the document's text is never cut)."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"
