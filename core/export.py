"""Exporting an answer (Stellungnahme, Antwort) or a letter around it as DOCX or PDF.

Templates live in templates/ and may be overridden by a file of the same name in the user's
template folder (shown by `main.py export --help`). File names come from the print number and
the document kind, never contain a path separator, never leave the chosen folder and never
overwrite a file: "17-9321_Stellungnahme.pdf", then "17-9321_Stellungnahme (2).pdf".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from core.drafts import context, long_date, shorten
from core.errors import os_error_german, os_reason_german
from core.model import PrintDoc
from core.wording import points_phrase

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FORMATS = ("docx", "pdf")
TEMPLATES = {
    "stellungnahme": "Stellungnahme",
    "antwort": "Antwort",
    "zulieferung": "Zulieferung",
    "fristverlaengerung": "Fristverlaengerung",
}


MAX_MESSAGE = 400  # characters of an error message: never a whole 20 KB title


class ExportError(Exception):
    """An export that cannot be made; the message is for the user (German, one line)."""


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)


def user_templates_dir() -> Path:
    """Where a ministry's own templates override the built-in ones of the same name."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Ziffer", appauthor=False)) / "templates"


def template_file(name: str, fmt: str, user_dir: Path | None = None) -> Path:
    """The template to use: the user's copy if there is one, else the built-in one."""
    if fmt not in FORMATS:
        raise ExportError(f"Das Format {shorten(fmt, 40)!r} gibt es nicht, bitte docx oder pdf wählen.")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,60}", name):
        raise ExportError(f"{shorten(name, 60)!r} ist kein Vorlagenname.")
    filename = f"{name}.docx" if fmt == "docx" else f"{name}.pdf.json"
    for folder in (user_dir if user_dir is not None else user_templates_dir(), BUILTIN_TEMPLATES):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    raise ExportError(f"Es gibt keine {fmt.upper()}-Vorlage {name!r} (gesucht: {filename}).")


def default_template(doc: PrintDoc) -> str:
    return "stellungnahme" if doc.kind == "antrag" else "antwort"


def cited_in_register(doc: PrintDoc, known: Callable[[str], bool]) -> set[str]:
    """The print numbers the document cites that the register holds (checks() warns about the others)."""
    return {r.number for r in doc.references if r.number and known(r.number)}


def checks(doc: PrintDoc, in_register: set[str] | None = None) -> list[str]:
    """What to look at before the answer goes out (German, for the officer); export works regardless."""
    out: list[str] = []
    answer = doc.answer
    if answer is None or not answer.items:
        out.append("Es gibt noch keine Antwort.")
        return out
    seen: dict[str, int] = {}
    for k, item in enumerate(answer.items, 1):
        if item.points and not item.text.strip():
            out.append(f"Zu {points_phrase(item.points)} fehlt die Antwort.")
        for label in item.points:
            if label in seen:
                out.append(f"Ziffer {label} wird zweimal beantwortet.")
            seen.setdefault(label, k)
    for p in doc.points:
        if p.label not in seen and not any(s.startswith(p.label) and s[len(p.label) :].isalpha() for s in seen):
            out.append(f"Ziffer {p.label} hat keine Antwort.")
    if in_register is not None:
        for number in dict.fromkeys(r.number for r in doc.references if r.number):
            if number not in in_register:
                out.append(f"Die zitierte Drucksache {number} ist nicht im Register.")
    if not answer.file_number:
        out.append("Das Aktenzeichen (Nr.) fehlt.")
    if not answer.signatory:
        out.append("Die Unterzeichnerin oder der Unterzeichner fehlt.")
    if not answer.date:
        out.append("Das Datum des Schreibens fehlt.")
    return out


def safe_filename(number: str | None, label: str, fmt: str) -> str:
    """ "17/9321" + "Stellungnahme" → "17-9321_Stellungnahme.pdf"; nothing that could leave a folder."""
    stem = (number or "ohne-Nummer").replace("/", "-").replace("\\", "-")
    stem = re.sub(r"[^0-9A-Za-zÄÖÜäöüß._-]+", "-", f"{stem}_{label}").strip(".-_") or "Ziffer"
    return f"{stem[:120]}.{fmt}"


def free_path(folder: Path, filename: str) -> Path:
    """A path in `folder` that does not exist yet (never a silent overwrite), always inside `folder`."""
    folder = folder.resolve()
    stem, dot, ext = filename.rpartition(".")
    candidate = folder / filename
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({n}){dot}{ext}"
        n += 1
    if candidate.resolve().parent != folder:
        raise ExportError(f"{filename!r} läge außerhalb des Ordners {folder}.")
    return candidate


def render(template: Path, fmt: str, ctx: dict[str, Any], out: Path) -> None:
    """Render one template to `out`, atomically: a failed render leaves no half-written file."""
    tmp = out.with_name(f".{out.name}.part")
    try:
        if fmt == "pdf":
            from core.pdf_render import TemplateError as PdfTemplateError
            from core.pdf_render import render_pdf

            try:
                render_pdf(template, ctx, tmp)
            except PdfTemplateError as exc:
                raise ExportError(shorten(str(exc), MAX_MESSAGE)) from exc
        else:
            from core.docx_render import TemplateError as DocxTemplateError
            from core.docx_render import render_docx

            try:
                render_docx(template, ctx, tmp)
            except DocxTemplateError as exc:
                raise ExportError(shorten(str(exc), MAX_MESSAGE)) from exc
        if out.exists():  # appeared meanwhile: never overwrite
            raise ExportError(f"{out} gibt es schon.")
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()


def export(
    doc: PrintDoc,
    fmt: str,
    out_dir: Path,
    *,
    template: str | None = None,
    draft: bool = False,
    in_register: set[str] | None = None,
    request: dict[str, Any] | None = None,
    user_dir: Path | None = None,
    today: date | None = None,
) -> ExportResult:
    """Export one print's answer (or a letter about it) into `out_dir`; returns the file and the warnings."""
    name = template or default_template(doc)
    path_of_template = template_file(name, fmt, user_dir)
    warnings = checks(doc, in_register) if name in ("stellungnahme", "antwort") else []
    ctx = context(doc, draft=draft, today=today, extra={"request": request or {}})
    if not out_dir.is_dir():
        raise ExportError(f"Den Ordner {out_dir} gibt es nicht.")
    label = TEMPLATES.get(name, name.capitalize())
    if draft:
        label += "_Entwurf"
    out = free_path(out_dir, safe_filename(doc.number, label, fmt))
    render(path_of_template, fmt, ctx, out)
    return ExportResult(out, warnings)


def ensure_folder(folder: Path) -> bool:
    """Create `folder` (and its parents) if it is missing; True when it was created. A fresh account
    has no ~/Documents, and an export should not fail only for that."""
    if folder.is_dir():
        return False
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise ExportError(
            f"Der Ordner {shorten(str(folder), 200)} kann nicht angelegt werden ({os_reason_german(exc)}); "
            "bitte einen anderen Ordner wählen."
        ) from exc
    return True


def existing_folder(*candidates: str | Path | None) -> Path:
    """The first candidate that is an existing folder, else the home folder: what a dialog offers
    by default (a remembered folder may have been removed, ~/Documents may not exist)."""
    for candidate in candidates:
        if candidate and Path(candidate).expanduser().is_dir():
            return Path(candidate).expanduser()
    return Path.home()


def export_formats(
    doc: PrintDoc, formats: list[str], out_dir: Path, **options: Any
) -> tuple[list[ExportResult], list[str]]:
    """Export each format on its own: one that fails (a damaged Word template) does not stop the
    other. Returns the files written and one German message per format that failed."""
    results: list[ExportResult] = []
    errors: list[str] = []
    for fmt in formats:
        try:
            results.append(export(doc, fmt, out_dir, **options))
        except ExportError as exc:
            errors.append(f"{fmt.upper()}: {shorten(str(exc), MAX_MESSAGE)}")
        except OSError as exc:
            errors.append(f"{fmt.upper()}: {os_error_german(exc) or 'Die Datei kann nicht geschrieben werden.'}")
    return results, errors


def request_for_unit(
    doc: PrintDoc,
    contributions: list[dict[str, Any]],
    unit: str,
    *,
    officer: str = "",
    phone: str = "",
    email: str = "",
) -> dict[str, Any]:
    """The Zulieferung request of one unit: the points it is asked for and its internal deadline."""
    mine = [c for c in contributions if c["unit"] == unit]
    if not mine:
        raise ExportError(
            f"Das Referat {shorten(unit, 60)!r} soll zu dieser Drucksache nichts zuliefern (siehe `contribute`)."
        )
    labels = [c["point"] for c in mine]
    dues = sorted(c["due"] for c in mine if c["due"])
    ctx_points = context(doc)["points"]
    return {
        "unit": unit,
        "points": [p for p in ctx_points if p["label"] in labels],
        "due_long": long_date(date.fromisoformat(dues[0])) if dues else "",
        "officer": officer,
        "phone": phone,
        "email": email,
    }


def request_for_extension(workflow: dict[str, Any]) -> dict[str, Any]:
    """The Fristverlängerung letter's facts: the original and the requested date and the reason."""
    if not workflow.get("extension_requested"):
        raise ExportError("Es ist noch keine Fristverlängerung beantragt (siehe `extension --until … --reason …`).")
    original = workflow.get("original_due") or workflow.get("due_date")
    return {
        "original_due_long": long_date(date.fromisoformat(original)) if original else "",
        "requested_due_long": long_date(date.fromisoformat(workflow["extension_requested"])),
        "reason": workflow.get("extension_reason") or "",
    }
