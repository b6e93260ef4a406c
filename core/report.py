"""The corpus report: is a parsed print structurally whole? (`main.py parse DIR --report`)

A print is whole when its question labels are numbered without gaps (per Roman section; a
sub-label such as "5a" may follow "4" or "5"), every label is answered by exactly one answer
item (a leading item with no labels, the "Vorbemerkung", is allowed) and the parser raised no
structural warning. The same rule as ../shared/check/corpus.py, so that the two agree.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^(?:([IVX]+)\.)?(\d+)([a-z]?)$")
# Warnings about the structure; others (a quoted question worded differently …) are notes.
_STRUCTURAL = re.compile(r"points jump|no answer for point|answered twice|which the print does not have|occurs twice")


def structural_problems(doc: dict) -> list[str]:
    """What keeps a parsed print (print-json dict) from being whole; empty when it is."""
    labels = [p.get("label") for p in doc.get("points") or []]
    if not labels:
        return ["no points"]
    out: list[str] = []
    last: dict[str, int] = {}
    for label in labels:
        m = _LABEL.match((label or "").strip().rstrip("."))
        if not m:
            out.append(f"label {label!r} not understood")
            continue
        section, n, sub = m.group(1) or "", int(m.group(2)), m.group(3)
        prev = last.get(section, 0)
        if not (n == prev + 1 or (sub and n in (prev, prev + 1))):
            out.append(f"{label} follows {prev or 'the start'}")
        last[section] = n
    items = (doc.get("answer") or {}).get("items") or []
    covered = [lab for item in items for lab in item.get("points") or []]
    out.extend(f"{label} answered {covered.count(label)}x" for label in labels if covered.count(label) != 1)
    out.extend(w for w in doc.get("warnings") or [] if _STRUCTURAL.search(w) and w not in out)
    return out


def report_line(name: str, doc: dict) -> str:
    """One document of the report: labels, answer grouping, problems."""
    labels = " ".join(p["label"] for p in doc.get("points") or []) or "—"
    items = (doc.get("answer") or {}).get("items") or []
    grouping = " ".join("[" + ",".join(it.get("points") or []) + "]" for it in items) or "—"
    problems = structural_problems(doc)
    notes = [w for w in doc.get("warnings") or [] if w not in problems]
    lines = [f"{'ok  ' if not problems else 'FAIL'} {name}  {doc.get('number') or '?'} {doc.get('kind')}"]
    lines.append(f"       points: {labels}")
    lines.append(f"       answers: {grouping}")
    lines.extend(f"       problem: {p}" for p in problems)
    lines.extend(f"       note: {w}" for w in notes)
    return "\n".join(lines)
