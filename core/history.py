"""The event log made readable: one German line per change, and word diffs of answer texts."""

from __future__ import annotations

import difflib
import re
from typing import Any

from core.wording import step_name

_FIELDS = {
    "created": "angelegt",
    "status": "Status",
    "number": "Drucksachennummer",
    "title": "Titel",
    "submitted": "Datum der Drucksache",
    "received": "Eingang",
    "due_date": "Frist",
    "original_due": "ursprüngliche Frist",
    "lead_officer": "Bearbeiter/in",
    "lead_unit": "Referat",
    "ministry": "Ministerium",
    "answer_date": "Datum der Antwort",
    "answer_file_number": "Aktenzeichen",
    "answer_consent": "Mitzeichnung",
    "answer_signatory": "Unterzeichnung",
    "answer_office": "Amtsbezeichnung",
    "answer items": "Gliederung der Antwort",
    "extension_requested": "Fristverlängerung beantragt",
    "extension_granted": "Fristverlängerung gewährt",
    "extension_reason": "Grund der Fristverlängerung",
    "sent_on": "versandt am",
    "material linked": "Material verknüpft",
    "material unlinked": "Verknüpfung mit Material gelöst",
    "points": "Ziffern",
}


def field_name(field: str) -> str:
    """The German name of a logged field ("answer:3" → "Antwort 3")."""
    if m := re.fullmatch(r"answer:(\d+)", field):
        return f"Antwort {m.group(1)}"
    if m := re.fullmatch(r"contribution:(.+?)( received)?", field):
        return f"Zulieferung zu Ziffer {m.group(1)}" + (" eingegangen" if m.group(2) else "")
    if m := re.fullmatch(r"internal:(.+)", field):
        return f"interne Frist „{step_name(m.group(1))}“"
    return _FIELDS.get(field, field)


def is_text_change(event: dict[str, Any]) -> bool:
    """Changes whose old and new text are worth a diff (answer texts, titles)."""
    return bool(re.fullmatch(r"answer:\d+|title|reasoning", event["field"])) and bool(event["old"] or event["new"])


def describe(event: dict[str, Any]) -> str:
    """One line for the history list: when, who, what."""
    when = (event["at"] or "")[:16].replace("T", " ")
    name = field_name(event["field"])
    if event["field"] == "created":
        what = f"angelegt ({event['new']})" if event["new"] else "angelegt"
    elif is_text_change(event):
        what = f"{name} geändert" if event["old"] else f"{name} eingetragen"
        if not event["new"]:
            what = f"{name} entfernt"
    elif event["old"] in (None, "", "[]"):
        what = f"{name}: {short(event['new'])}"
    else:
        what = f"{name}: {short(event['old'])} → {short(event['new'])}"
    return f"{when} · {event['who']} · {what}"


def short(value: Any, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def word_diff(old: str | None, new: str | None) -> list[tuple[str, str]]:
    """The change from old to new as (op, text) runs, op being "=", "-" or "+", word by word."""
    a = re.findall(r"\s+|[^\s]+", old or "")
    b = re.findall(r"\s+|[^\s]+", new or "")
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("-", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("+", "".join(b[j1:j2])))
    return out
