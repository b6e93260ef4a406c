"""PDF documents from a layout file: reportlab platypus driven by `templates/*.pdf.json`.

Nothing about the look of a Stellungnahme lives in this module: page size, margins, fonts,
paragraph styles, running header and footer, metadata, the draft watermark and the order of
the blocks all come from the layout file, so a ministry can copy one and adapt it. Every text
in it is a Jinja template rendered in the sandbox of core/sandbox.py (no files, undefined names
are errors, bounded values, loops, time and output per document, at most MAX_PAGES pages); the
result is escaped before it becomes reportlab paragraph markup, so neither the template nor the
document text can inject markup, run code or read files.

The layout file (JSON; keys starting with "_" are comments):

    {
      "format": "ziffer-pdf-layout", "version": 1,
      "page": {"size": "A4", "margins_mm": {"top": 32, "bottom": 27, "left": 22, "right": 22},
               "first_margins_mm": {...}},                  # optional: page 1 differs (letterhead)
      "fonts": {"Sans": {"normal": "Vera.ttf", "bold": "VeraBd.ttf",
                         "italic": "VeraIt.ttf", "bold_italic": "VeraBI.ttf"}},
      "styles": {"body": {"font": "Sans", "size": 9.5, "leading": 13, "align": "justify",
                          "space_after": 6, "hyphenation": "de_DE"},
                 "question": {"parent": "body", "italic": true, "keep_with_next": true}},
      "header": {"font": "Sans", "size": 8.5, "top_mm": 14, "line_mm": 5, "left_mm": 20, "right_mm": 20,
                 "rows": [{"left": "{{ print.parliament_name }}", "right": "Drucksache {{ print.number_spaced }}"},
                          {"left": "{{ print.term }}. Wahlperiode", "pages": "first"}]},
      "footer": {"size": 8.5, "bottom_mm": 8, "rows": [{"right": "{{ page }}"}]},
      "metadata": {"title": "…", "author": "{{ print.ministry }}", "subject": "…", "keywords": "…"},
      "watermark": {"text": "ENTWURF", "size": 96, "angle": 45, "gray": 0.5, "opacity": 0.18},
      "blocks": [
        {"style": "heading", "text": "{{ print.kind_name }}"},
        {"for": "item in answer.items", "blocks": [
          {"for": "q in item.questions", "blocks": [
            {"style": "question", "text": "{{ q.heading_label }} {{ q.text }}"}]},
          {"style": "answer_heading", "text": "{{ item.heading }}"},
          {"for": "para in item.paragraphs", "blocks": [{"style": "body", "text": "{{ para }}"}]}]},
        {"if": "answer.present", "blocks": [...], "else": [...]},
        {"spacer": 6}, {"page_break": true}, {"keep_together": [...]}
      ]
    }

Font files are TrueType (.ttf): a relative path is looked up in the layout file's folder (it
must stay inside it), a bare name that is not there in the fonts that ship with reportlab
(Bitstream Vera: Vera.ttf, VeraBd.ttf, VeraIt.ttf, VeraBI.ttf). Lengths of the page, header and
footer are in millimetres (`*_mm`), style sizes in points. Header and footer rows have "left",
"center" and "right" texts and apply to "all" pages (default), the "first" or the "rest"; they
see the context plus `page` and `pages`. A block text that renders empty is left out; a line
break in it becomes a line break in the PDF. `keep_with_next` keeps a paragraph on the page of
the next one and at least the first lines of that one (a question with its "Zu N.:" heading
and the answer's start), `keep_together` keeps its blocks on one page where they fit.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from core.errors import ZifferError

LAYOUT_FORMAT = "ziffer-pdf-layout"
MAX_LAYOUT_BYTES = 1024 * 1024
MAX_LOOP_ITEMS = 10_000
MAX_FLOWABLES = 50_000
MAX_DEPTH = 24
MAX_TEXT = 200_000  # characters of one rendered text
MAX_PAGES = 2_000  # a layout's loops cannot make reportlab set pages for minutes
MAX_META = 240  # characters of a metadata field (title, subject …): a viewer shows one line
MM = 72 / 25.4


class TemplateError(ZifferError):
    """A layout file or one of its texts that cannot be used; the message is one line for the user."""


# --- the sandbox ---------------------------------------------------------------------------------


def _env():  # type: ignore[no-untyped-def]
    """The shared sandbox of core/sandbox.py, strict (an unknown name is an error), for short texts."""
    from core.sandbox import environment

    return environment(strict=True, trim_blocks=True)


def _explain(exc: BaseException) -> str:
    """A one-line reason, in German with Jinja's own words in brackets."""
    from core.sandbox import explain

    return explain(exc)


class _Texts:
    """Compiles and renders the texts of one layout file, naming the file and the place on error."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cache: dict[str, Any] = {}
        self._exprs: dict[str, Any] = {}

    def error(self, where: str, problem: str) -> TemplateError:
        return TemplateError(f"PDF-Vorlage „{self.name}“, {where}: {problem}")

    def compile(self, source: str, where: str) -> Any:
        template = self._cache.get(source)
        if template is None:
            try:
                template = _env().from_string(source)
            except Exception as exc:
                raise self.error(where, _explain(exc)) from exc
            self._cache[source] = template
        return template

    def expression(self, source: str, where: str) -> Any:
        expr = self._exprs.get(source)
        if expr is None:
            try:
                expr = _env().compile_expression(source, undefined_to_none=False)
            except Exception as exc:
                raise self.error(where, _explain(exc)) from exc
            self._exprs[source] = expr
        return expr

    def render(self, source: str, scope: Mapping[str, Any], where: str) -> str:
        if "{" not in source:
            return source
        try:
            text = self.compile(source, where).render(scope)
        except TemplateError:
            raise
        except Exception as exc:
            raise self.error(where, _explain(exc)) from exc
        if len(text) > MAX_TEXT:
            raise self.error(where, f"der Text ist zu lang (more than {MAX_TEXT} characters)")
        return text

    def evaluate(self, source: str, scope: Mapping[str, Any], where: str) -> Any:
        from core.sandbox import evaluate

        try:
            return evaluate(self.expression(source, where), scope)
        except TemplateError:
            raise
        except Exception as exc:
            raise self.error(where, _explain(exc)) from exc


# --- loading and checking a layout ---------------------------------------------------------------

_PAGE_KEYS = {"size", "orientation", "margins_mm", "first_margins_mm"}
_MARGIN_KEYS = {"top", "bottom", "left", "right"}
_FACES = ("normal", "bold", "italic", "bold_italic")
_STYLE_KEYS = {
    "parent",
    "font",
    "bold",
    "italic",
    "size",
    "leading",
    "align",
    "space_before",
    "space_after",
    "first_line_indent",
    "left_indent",
    "right_indent",
    "keep_with_next",
    "hyphenation",
    "embedded_hyphenation",
    "uri_waste_reduce",
    "allow_widows",
    "allow_orphans",
    "color",
}
_ALIGN = {"left": 0, "center": 1, "centre": 1, "right": 2, "justify": 4}
_BAND_KEYS = {
    "font",
    "bold",
    "italic",
    "size",
    "color",
    "top_mm",
    "bottom_mm",
    "line_mm",
    "left_mm",
    "right_mm",
    "rows",
}
_ROW_KEYS = {"left", "center", "right", "pages", "font", "bold", "italic", "size", "y_mm"}
_META_KEYS = {"title", "author", "subject", "keywords", "creator", "lang"}
_WATERMARK_KEYS = {"text", "font", "bold", "italic", "size", "angle", "gray", "opacity"}
_TOP_KEYS = {
    "format",
    "version",
    "description",
    "page",
    "fonts",
    "default_font",
    "styles",
    "header",
    "footer",
    "metadata",
    "watermark",
    "blocks",
}
_FOR = re.compile(r"^\s*(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+in\s+(?P<expr>\S.*)$", re.DOTALL)
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class _PatternOnFirstUse:
    """reportlab's web-address pattern, compiled the first time it can match (see _import_platypus).

    reportlab asks it to `match` every word it hyphenates, so a compile on first use would still
    happen in nearly every export. The pattern's first group, which every match needs, ends in "://":
    a text without "://" cannot match, and is answered without compiling."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _COMPILE(*self._args)
        return self._compiled

    def match(self, string: Any, *args: Any) -> Any:
        if not args and isinstance(string, str) and "://" not in string:
            return None
        return self._pattern().match(string, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern(), name)


_COMPILE = re.compile
# reportlab.platypus.paragraph compiles, when it is imported, a pattern for web addresses (case-blind
# over U+00A1..U+FFFF) that it tries on every word it hyphenates but that only a word holding "://"
# can match: 30 ms of every cold PDF export, a tenth of it.
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


@functools.cache
def _import_platypus() -> None:
    """Import reportlab's platypus with its web-address pattern compiled on first use instead of at
    import. Only that one pattern of that one module is deferred; every other compile goes through as
    it is, and a reportlab whose pattern reads differently is imported as usual."""
    import sys

    if "reportlab.platypus.paragraph" in sys.modules:
        return

    def compile_(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__")
        if (
            caller == "reportlab.platypus.paragraph"
            and isinstance(pattern, str)
            and pattern.startswith(_URI_PATTERN_START)
        ):
            return _PatternOnFirstUse(pattern, flags)
        return _COMPILE(pattern, flags)

    re.compile = compile_  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401
    finally:
        re.compile = _COMPILE


def load_layout(path: str | Path) -> dict[str, Any]:
    """Read and check a layout file; raise TemplateError with a one-line reason if it is unusable.

    Every Jinja text is compiled here, so a syntax error is reported before anything is drawn."""
    _import_platypus()
    return _load(Path(path))[0]


def _load(path: Path) -> tuple[dict[str, Any], _Texts]:
    texts = _Texts(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_LAYOUT_BYTES:
            raise texts.error("Datei", f"zu groß ({size} Bytes; file too large)")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise TemplateError(f"PDF-Vorlage „{path.name}“ nicht gefunden (file not found: {path})") from exc
    except OSError as exc:
        raise TemplateError(f"PDF-Vorlage „{path.name}“ kann nicht gelesen werden ({exc.strerror or exc})") from exc
    try:
        layout = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise texts.error("Datei", "kein UTF-8-Text (not UTF-8)") from exc
    except json.JSONDecodeError as exc:
        raise texts.error(f"Zeile {exc.lineno}, Spalte {exc.colno}", f"kein gültiges JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise texts.error("Datei", "zu tief verschachtelt (nested too deeply)") from exc
    _check_layout(layout, texts)
    return layout, texts


def _keys(obj: Any, allowed: set[str], where: str, texts: _Texts) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise texts.error(where, "ein Objekt {…} erwartet (expected an object)")
    unknown = sorted(k for k in obj if k not in allowed and not k.startswith("_"))
    if unknown:
        allowed_list = ", ".join(sorted(allowed))
        raise texts.error(where, f"unbekannter Schlüssel „{unknown[0]}“ (unknown key; allowed: {allowed_list})")
    return obj


def _number(obj: Mapping[str, Any], key: str, where: str, texts: _Texts, low: float = 0, high: float = 1000) -> None:
    if key in obj:
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise texts.error(f"{where}.{key}", "eine Zahl erwartet (expected a number)")
        if not low <= value <= high:
            raise texts.error(f"{where}.{key}", f"muss zwischen {low} und {high} liegen (out of range)")


def _string(obj: Mapping[str, Any], key: str, where: str, texts: _Texts, template: bool = True) -> None:
    if key in obj:
        if not isinstance(obj[key], str):
            raise texts.error(f"{where}.{key}", "ein Text erwartet (expected a string)")
        if template:
            texts.compile(obj[key], f"{where}.{key}")


def _flag(obj: Mapping[str, Any], key: str, where: str, texts: _Texts) -> None:
    if key in obj and not isinstance(obj[key], bool):
        raise texts.error(f"{where}.{key}", "true oder false erwartet (expected a boolean)")


def _check_layout(layout: Any, texts: _Texts) -> None:
    _keys(layout, _TOP_KEYS, "Datei", texts)
    if layout.get("format") != LAYOUT_FORMAT:
        raise texts.error("format", f"muss „{LAYOUT_FORMAT}“ sein (not a Ziffer PDF layout)")
    if layout.get("version") != 1:
        raise texts.error("version", "nur Version 1 wird unterstützt (unsupported version)")
    page = _keys(layout.get("page", {}), _PAGE_KEYS, "page", texts)
    if str(page.get("size", "A4")).upper() not in _page_sizes():
        raise texts.error("page.size", f"unbekanntes Format (unknown size; use {', '.join(_page_sizes())})")
    if page.get("orientation", "portrait") not in ("portrait", "landscape"):
        raise texts.error("page.orientation", "portrait oder landscape")
    for key in ("margins_mm", "first_margins_mm"):
        if key in page:
            margins = _keys(page[key], _MARGIN_KEYS, f"page.{key}", texts)
            for side in _MARGIN_KEYS:
                _number(margins, side, f"page.{key}", texts, 0, 150)

    fonts = layout.get("fonts")
    if not isinstance(fonts, dict) or not fonts:
        raise texts.error("fonts", "mindestens eine Schrift angeben (at least one font family)")
    for family, faces in fonts.items():
        _keys(faces, set(_FACES), f"fonts.{family}", texts)
        if "normal" not in faces:
            raise texts.error(f"fonts.{family}", "„normal“ fehlt (the regular face is required)")
        for face in _FACES:
            _string(faces, face, f"fonts.{family}", texts, template=False)
    if "default_font" in layout and layout["default_font"] not in fonts:
        raise texts.error("default_font", "keine der Schriften unter fonts (not a font family of this file)")

    styles = layout.get("styles")
    if not isinstance(styles, dict) or not styles:
        raise texts.error("styles", "mindestens ein Absatzformat angeben (at least one style)")
    for name, style in styles.items():
        where = f"styles.{name}"
        _keys(style, _STYLE_KEYS, where, texts)
        if "parent" in style and style["parent"] not in styles:
            raise texts.error(f"{where}.parent", f"unbekanntes Format „{style['parent']}“ (unknown style)")
        if "font" in style and style["font"] not in fonts:
            raise texts.error(f"{where}.font", f"unbekannte Schrift „{style['font']}“ (unknown font family)")
        if "align" in style and style["align"] not in _ALIGN:
            raise texts.error(f"{where}.align", "left, center, right oder justify")
        for key in ("size", "leading"):
            _number(style, key, where, texts, 1, 500)
        for key in ("space_before", "space_after", "first_line_indent", "left_indent", "right_indent"):
            _number(style, key, where, texts, -500, 500)
        _number(style, "uri_waste_reduce", where, texts, 0, 1)
        for key in ("bold", "italic", "keep_with_next", "embedded_hyphenation", "allow_widows", "allow_orphans"):
            _flag(style, key, where, texts)
        if "hyphenation" in style and not (style["hyphenation"] is False or isinstance(style["hyphenation"], str)):
            raise texts.error(f"{where}.hyphenation", "eine Sprache wie „de_DE“ oder false (a language or false)")
        if "color" in style and not (isinstance(style["color"], str) and _COLOR.match(style["color"])):
            raise texts.error(f"{where}.color", "eine Farbe wie „#1A1A1A“ (expected #RRGGBB)")
    _style_chain_ok(styles, texts)

    for band in ("header", "footer"):
        if band in layout:
            _check_band(layout[band], band, fonts, texts)
    meta = _keys(layout.get("metadata", {}), _META_KEYS, "metadata", texts)
    for key in _META_KEYS:
        _string(meta, key, "metadata", texts)
    if "watermark" in layout:
        mark = _keys(layout["watermark"], _WATERMARK_KEYS, "watermark", texts)
        _string(mark, "text", "watermark", texts)
        if "font" in mark and mark["font"] not in fonts:
            raise texts.error("watermark.font", "unbekannte Schrift (unknown font family)")
        _number(mark, "size", "watermark", texts, 1, 500)
        _number(mark, "angle", "watermark", texts, -360, 360)
        _number(mark, "gray", "watermark", texts, 0, 1)
        _number(mark, "opacity", "watermark", texts, 0, 1)
    blocks = layout.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        raise texts.error("blocks", "eine Liste von Blöcken erwartet (expected a list of blocks)")
    _check_blocks(blocks, "blocks", styles, texts, 0)


def _style_chain_ok(styles: Mapping[str, Any], texts: _Texts) -> None:
    for name in styles:
        seen = [name]
        current = styles[name]
        while "parent" in current:
            parent = current["parent"]
            if parent in seen:
                raise texts.error(f"styles.{name}.parent", "Formate erben im Kreis (circular parents)")
            seen.append(parent)
            current = styles[parent]


def _check_band(band: Any, where: str, fonts: Mapping[str, Any], texts: _Texts) -> None:
    _keys(band, _BAND_KEYS, where, texts)
    for key in ("top_mm", "bottom_mm", "line_mm", "left_mm", "right_mm"):
        _number(band, key, where, texts, 0, 300)
    _number(band, "size", where, texts, 1, 200)
    if "color" in band and not (isinstance(band["color"], str) and _COLOR.match(band["color"])):
        raise texts.error(f"{where}.color", "eine Farbe wie „#1A1A1A“ (expected #RRGGBB)")
    if "font" in band and band["font"] not in fonts:
        raise texts.error(f"{where}.font", "unbekannte Schrift (unknown font family)")
    rows = band.get("rows", [])
    if not isinstance(rows, list):
        raise texts.error(f"{where}.rows", "eine Liste erwartet (expected a list)")
    for i, row in enumerate(rows):
        rw = f"{where}.rows[{i}]"
        _keys(row, _ROW_KEYS, rw, texts)
        for key in ("left", "center", "right"):
            _string(row, key, rw, texts)
        if row.get("pages", "all") not in ("all", "first", "rest"):
            raise texts.error(f"{rw}.pages", "all, first oder rest")
        if "font" in row and row["font"] not in fonts:
            raise texts.error(f"{rw}.font", "unbekannte Schrift (unknown font family)")
        _number(row, "size", rw, texts, 1, 200)
        _number(row, "y_mm", rw, texts, 0, 300)


def _check_blocks(blocks: Any, where: str, styles: Mapping[str, Any], texts: _Texts, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise texts.error(where, "zu tief verschachtelt (nested too deeply)")
    if not isinstance(blocks, list):
        raise texts.error(where, "eine Liste von Blöcken erwartet (expected a list)")
    for i, block in enumerate(blocks):
        bw = f"{where}[{i}]"
        if not isinstance(block, dict):
            raise texts.error(bw, "ein Objekt {…} erwartet (expected an object)")
        if "style" in block or "text" in block:
            _keys(block, {"style", "text", "keep_with_next"}, bw, texts)
            if block.get("style") not in styles:
                raise texts.error(f"{bw}.style", f"unbekanntes Format „{block.get('style')}“ (unknown style)")
            if not isinstance(block.get("text"), str):
                raise texts.error(f"{bw}.text", "ein Text erwartet (expected a string)")
            texts.compile(block["text"], f"{bw}.text")
            if isinstance(block.get("keep_with_next"), str):
                texts.expression(block["keep_with_next"], f"{bw}.keep_with_next")
            else:
                _flag(block, "keep_with_next", bw, texts)
        elif "for" in block:
            _keys(block, {"for", "blocks"}, bw, texts)
            m = _FOR.match(block["for"]) if isinstance(block["for"], str) else None
            if m is None:
                raise texts.error(f"{bw}.for", "erwartet „NAME in AUSDRUCK“ (expected 'name in expression')")
            texts.expression(m["expr"], f"{bw}.for")
            _check_blocks(block.get("blocks"), f"{bw}.blocks", styles, texts, depth + 1)
        elif "if" in block:
            _keys(block, {"if", "blocks", "else"}, bw, texts)
            if not isinstance(block["if"], str):
                raise texts.error(f"{bw}.if", "ein Ausdruck erwartet (expected an expression)")
            texts.expression(block["if"], f"{bw}.if")
            _check_blocks(block.get("blocks"), f"{bw}.blocks", styles, texts, depth + 1)
            if "else" in block:
                _check_blocks(block["else"], f"{bw}.else", styles, texts, depth + 1)
        elif "spacer" in block:
            _keys(block, {"spacer"}, bw, texts)
            _number(block, "spacer", bw, texts, 0, 300)
        elif "page_break" in block:
            _keys(block, {"page_break"}, bw, texts)
            _flag(block, "page_break", bw, texts)
        elif "keep_together" in block:
            _keys(block, {"keep_together"}, bw, texts)
            _check_blocks(block["keep_together"], f"{bw}.keep_together", styles, texts, depth + 1)
        else:
            raise texts.error(
                bw, "unbekannter Block (expected style+text, for, if, spacer, page_break or keep_together)"
            )


@functools.cache
def _page_sizes() -> dict[str, tuple[float, float]]:
    from reportlab.lib import pagesizes

    return {"A4": pagesizes.A4, "A5": pagesizes.A5, "A3": pagesizes.A3, "LETTER": pagesizes.LETTER}


# --- fonts -----------------------------------------------------------------------------------------


def _font_file(spec: str, folder: Path, texts: _Texts, where: str) -> Path:
    """A font path relative to the layout's folder (and inside it), else one of reportlab's fonts."""
    import reportlab

    rel = Path(spec)
    if rel.is_absolute() or spec.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", spec):
        raise texts.error(where, "Schriftdatei nur relativ zum Vorlagenordner angeben (relative paths only)")
    if rel.suffix.lower() != ".ttf":
        raise texts.error(where, "nur TrueType-Schriften (.ttf) können eingebettet werden (TrueType only)")
    base = folder.resolve()
    candidate = (base / rel).resolve()
    if not candidate.is_relative_to(base):
        raise texts.error(where, "die Schriftdatei liegt außerhalb des Vorlagenordners (outside the template folder)")
    if candidate.is_file():
        return candidate
    builtin = Path(reportlab.__file__).parent / "fonts" / rel.name
    if len(rel.parts) == 1 and builtin.is_file():
        return builtin
    raise texts.error(where, f"Schriftdatei „{spec}“ nicht gefunden (font file not found)")


@functools.cache
def _register_ttf(path: str) -> str:
    """Register a TrueType file once per process; returns its internal font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "Z" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:12] + "-" + re.sub(r"\W", "", Path(path).stem)[:24]
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def _register_fonts(layout: Mapping[str, Any], folder: Path, texts: _Texts) -> dict[str, dict[str, str]]:
    """family → face → registered name; missing faces fall back to the nearest one."""
    families: dict[str, dict[str, str]] = {}
    for family, faces in layout["fonts"].items():
        names: dict[str, str] = {}
        for face in _FACES:
            if face in faces:
                where = f"fonts.{family}.{face}"
                path = _font_file(faces[face], folder, texts, where)
                try:
                    names[face] = _register_ttf(str(path))
                except Exception as exc:
                    raise texts.error(where, f"keine lesbare TrueType-Schrift ({type(exc).__name__}: {exc})") from exc
        names.setdefault("bold_italic", names.get("bold") or names.get("italic") or names["normal"])
        names.setdefault("bold", names["normal"])
        names.setdefault("italic", names["normal"])
        families[family] = names
    return families


def _face(fonts: Mapping[str, Mapping[str, str]], family: str, bold: bool, italic: bool) -> str:
    key = "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "normal"
    return fonts[family][key]


# --- hyphenation -----------------------------------------------------------------------------------


@functools.cache
def _hyphenator(lang: str) -> Callable[[str], tuple[tuple[str, str], ...]]:
    """pyphen's break points, minus those that make a hyphen ambiguous for a reader (and for our
    own parser): never right before or after an existing hyphen unless a capital follows it
    ("Baden-|Württemberg"), never before a capital, never leaving a one-letter piece.

    The dictionary is loaded when the first word is hyphenated (core.hyphenation: from the user's
    cache folder, parsed once); an unknown language is a ValueError here already."""
    import pyphen

    if not pyphen.language_fallback(lang):
        raise ValueError(f"no hyphenation dictionary for {lang}")

    @functools.cache
    def dic() -> Any:
        from core.hyphenation import dictionary

        return dictionary(lang)

    @functools.lru_cache(maxsize=50_000)
    def pairs(word: str) -> tuple[tuple[str, str], ...]:
        out = []
        for head, tail in dic().iterate(word):
            if not head or not tail or tail[0] == "-":
                continue
            if head.endswith("-"):
                if tail[0].isupper() or tail[0].isdigit():
                    out.append((head, tail))
                continue
            head_piece = head.rsplit("-", 1)[-1]
            tail_piece = tail.split("-", 1)[0]
            if len(head_piece) >= 2 and len(tail_piece) >= 2 and head[-1].isalpha() and tail[0].islower():
                out.append((head, tail))
        return tuple(out)

    return pairs


# --- styles ----------------------------------------------------------------------------------------


def _styles(layout: Mapping[str, Any], fonts: Mapping[str, Mapping[str, str]], texts: _Texts) -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    raw = layout["styles"]
    default_family = layout.get("default_font") or next(iter(layout["fonts"]))

    def merged(name: str) -> dict[str, Any]:
        spec = dict(raw[name])
        parent = spec.pop("parent", None)
        return {**merged(parent), **spec} if parent else spec

    out = {}
    for name in raw:
        spec = merged(name)
        size = float(spec.get("size", 10))
        hyph = spec.get("hyphenation", False)
        try:
            hyphenator: Any = _hyphenator(hyph) if hyph else ""
        except Exception as exc:
            raise texts.error(f"styles.{name}.hyphenation", f"keine Silbentrennung für „{hyph}“ ({exc})") from exc
        out[name] = ParagraphStyle(
            name,
            fontName=_face(fonts, spec.get("font", default_family), spec.get("bold", False), spec.get("italic", False)),
            fontSize=size,
            leading=float(spec.get("leading", round(size * 1.3, 2))),
            alignment=_ALIGN[spec.get("align", "left")],
            spaceBefore=float(spec.get("space_before", 0)),
            spaceAfter=float(spec.get("space_after", 0)),
            firstLineIndent=float(spec.get("first_line_indent", 0)),
            leftIndent=float(spec.get("left_indent", 0)),
            rightIndent=float(spec.get("right_indent", 0)),
            keepWithNext=1 if spec.get("keep_with_next") else 0,
            hyphenationLang=hyphenator,
            embeddedHyphenation=1 if spec.get("embedded_hyphenation") else 0,
            uriWasteReduce=float(spec.get("uri_waste_reduce", 0.3 if hyph else 0)),
            allowWidows=1 if spec.get("allow_widows") else 0,
            allowOrphans=1 if spec.get("allow_orphans") else 0,
            textColor=HexColor(spec["color"]) if "color" in spec else HexColor("#000000"),
        )
    return out


# --- blocks → flowables --------------------------------------------------------------------------


def _escape(text: str) -> str:
    """&, < and > as entities (xml.sax.saxutils.escape, whose module imports urllib.request: 8 ms)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, line breaks kept, controls dropped."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "<br/>".join(_escape(line) for line in lines)


class _Builder:
    def __init__(self, styles: Mapping[str, Any], texts: _Texts) -> None:
        self.styles = styles
        self.texts = texts
        self.count = 0

    def blocks(self, blocks: Iterable[Mapping[str, Any]], scope: dict[str, Any], where: str) -> list[Any]:
        from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

        out: list[Any] = []
        for i, block in enumerate(blocks):
            bw = f"{where}[{i}]"
            if "style" in block:
                text = self.texts.render(block["text"], scope, f"{bw}.text")
                markup = _markup(text)
                if not markup:
                    continue
                para = Paragraph(markup, self.styles[block["style"]])
                if "keep_with_next" in block:
                    keep = block["keep_with_next"]
                    if isinstance(keep, str):
                        keep = self.texts.evaluate(keep, scope, f"{bw}.keep_with_next")
                    para.keepWithNext = 1 if keep else 0
                out.append(para)
            elif "for" in block:
                m = _FOR.match(block["for"])
                assert m is not None
                names = [n.strip() for n in m["names"].split(",")]
                items = self.texts.evaluate(m["expr"], scope, f"{bw}.for")
                try:
                    items = list(items)
                except TypeError as exc:
                    raise self.texts.error(f"{bw}.for", "der Ausdruck ist keine Liste (not iterable)") from exc
                if len(items) > MAX_LOOP_ITEMS:
                    raise self.texts.error(f"{bw}.for", f"mehr als {MAX_LOOP_ITEMS} Einträge (too many items)")
                for k, item in enumerate(items):
                    inner = dict(scope)
                    if len(names) == 1:
                        inner[names[0]] = item
                    else:
                        try:
                            values = list(item)
                        except TypeError:
                            values = []
                        if len(values) != len(names):
                            raise self.texts.error(f"{bw}.for", "Einträge passen nicht zu den Namen (cannot unpack)")
                        inner.update(zip(names, values, strict=True))
                    inner["loop"] = {
                        "index": k + 1,
                        "index0": k,
                        "first": k == 0,
                        "last": k == len(items) - 1,
                        "length": len(items),
                    }
                    out.extend(self.blocks(block["blocks"], inner, f"{bw}.blocks"))
            elif "if" in block:
                if self.texts.evaluate(block["if"], scope, f"{bw}.if"):
                    out.extend(self.blocks(block["blocks"], scope, f"{bw}.blocks"))
                elif "else" in block:
                    out.extend(self.blocks(block["else"], scope, f"{bw}.else"))
            elif "spacer" in block:
                out.append(Spacer(1, float(block["spacer"]) * MM))
            elif "page_break" in block:
                if block["page_break"]:
                    out.append(PageBreak())
            elif "keep_together" in block:
                inner_flow = self.blocks(block["keep_together"], scope, f"{bw}.keep_together")
                if inner_flow:
                    out.append(KeepTogether(inner_flow))
            self.count += 1
            if self.count + len(out) > MAX_FLOWABLES:
                raise self.texts.error(where, f"mehr als {MAX_FLOWABLES} Blöcke (too many blocks)")
        return out


@functools.cache
def _keep_with_next_class():  # type: ignore[no-untyped-def]
    from reportlab.platypus.doctemplate import FrameBreak, NullActionFlowable
    from reportlab.platypus.flowables import KeepTogether, _listWrapOn
    from reportlab.platypus.paragraph import Paragraph

    class KeepWithNext(KeepTogether):
        """Paragraphs marked keep_with_next and the flowable after them: the marked ones go to the
        next page unless the next one can start (with at least two lines) on this one. Unlike
        reportlab's KeepTogether the whole answer need not fit, only its beginning."""

        def split(self, aW: float, aH: float) -> list[Any]:
            content = list(self._content)
            for flowable in content:
                flowable.__dict__["keepWithNext"] = 0  # grouped once; not again when handed back
            frame = getattr(self, "_frame", None)
            if frame is None or getattr(frame, "_atTop", False) or self._starts_here(content, aW, aH):
                return [NullActionFlowable(), *content]
            if len(content) >= 2 and isinstance(content[0], Paragraph):
                # a long paragraph before (an answer before the signature) leaves its last two
                # lines to go along; a short one (a quoted question) goes along whole
                tail = self._tail_split(content[0], aW, aH)
                if tail:
                    return [NullActionFlowable(), tail[0], FrameBreak(), tail[1], *content[1:]]
            return [FrameBreak(), *content]

        @staticmethod
        def _tail_split(para: Any, aW: float, aH: float) -> list[Any] | None:
            para.wrap(aW, aH)
            lines = len(getattr(para.blPara, "lines", []))
            if lines < 5:
                return None
            leading = para.style.leading
            keep = min(lines - 2, int(aH // leading))
            if keep < 2:
                return None
            parts = para.split(aW, keep * leading + 0.01)
            if len(parts) != 2 or parts[0].wrap(aW, aH)[1] > aH:
                return None
            return parts

        def _starts_here(self, content: list[Any], aW: float, aH: float) -> bool:
            heads, body = content[:-1], content[-1]
            if not heads:
                heads, body = content, None
            _, used = _listWrapOn(heads, aW, self.canv)
            if body is None:
                return used <= aH
            if used > aH:
                # the paragraph before runs over the page anyway and takes its last lines along
                return len(heads) == 1 and isinstance(heads[0], Paragraph) and bool(heads[0].split(aW, aH))
            gap = max(heads[-1].getSpaceAfter(), body.getSpaceBefore())
            rest = aH - used - gap
            if rest <= 0:
                return False
            if isinstance(body, Paragraph):
                _, height = body.wrap(aW, rest)
                return height <= rest or bool(body.split(aW, rest))
            inner = getattr(body, "_content", [body])
            _, height = _listWrapOn(inner, aW, self.canv)
            return height <= rest

    return KeepWithNext


# --- page furniture ------------------------------------------------------------------------------


class _Furniture:
    """Header, footer and watermark, drawn on every page before its content."""

    def __init__(
        self,
        layout: Mapping[str, Any],
        fonts: Mapping[str, Mapping[str, str]],
        texts: _Texts,
        scope: Mapping[str, Any],
        pagesize: tuple[float, float],
    ) -> None:
        self.layout = layout
        self.fonts = fonts
        self.texts = texts
        self.scope = scope
        self.width, self.height = pagesize
        self.pages: int | None = None
        self.family = layout.get("default_font") or next(iter(layout["fonts"]))
        self.watermark = ""
        if scope.get("draft") and "watermark" in layout:
            self.watermark = " ".join(
                texts.render(layout["watermark"].get("text", "ENTWURF"), scope, "watermark.text").split()
            )

    def uses_page_count(self) -> bool:
        from jinja2 import meta

        for band in ("header", "footer"):
            for row in self.layout.get(band, {}).get("rows", []):
                for key in ("left", "center", "right"):
                    if key in row and "pages" in meta.find_undeclared_variables(_env().parse(row[key])):
                        return True
        return False

    def draw(self, canvas: Any, doc: Any) -> None:
        page = canvas.getPageNumber()
        if page > MAX_PAGES:
            raise self.texts.error("Seitenaufbau", f"abgebrochen, das Dokument hätte mehr als {MAX_PAGES} Seiten")
        canvas.saveState()
        scope = {**self.scope, "page": page, "pages": self.pages if self.pages is not None else page}
        for band in ("header", "footer"):
            if band in self.layout:
                self._draw_band(canvas, self.layout[band], band, page, scope)
        if self.watermark:  # after the running header, so that a text extraction still starts with it
            self._draw_watermark(canvas)
        canvas.restoreState()

    def _draw_band(self, canvas: Any, band: Mapping[str, Any], where: str, page: int, scope: Mapping[str, Any]) -> None:
        rows = [
            (i, row)
            for i, row in enumerate(band.get("rows", []))
            if row.get("pages", "all") == "all" or (row.get("pages") == "first") == (page == 1)
        ]
        line = float(band.get("line_mm", 5)) * MM
        left = float(band.get("left_mm", 20)) * MM
        right = self.width - float(band.get("right_mm", 20)) * MM
        for n, (i, row) in enumerate(rows):
            if "y_mm" in row:
                offset = float(row["y_mm"]) * MM
            elif where == "header":
                offset = float(band.get("top_mm", 14)) * MM + n * line
            else:
                offset = float(band.get("bottom_mm", 10)) * MM + (len(rows) - 1 - n) * line
            y = self.height - offset if where == "header" else offset
            family = row.get("font", band.get("font", self.family))
            bold = row.get("bold", band.get("bold", False))
            italic = row.get("italic", band.get("italic", False))
            canvas.setFont(_face(self.fonts, family, bold, italic), float(row.get("size", band.get("size", 8.5))))
            if "color" in band:
                from reportlab.lib.colors import HexColor

                canvas.setFillColor(HexColor(band["color"]))
            for key, draw_at in (("left", left), ("center", (left + right) / 2), ("right", right)):
                if key not in row:
                    continue
                text = " ".join(self.texts.render(row[key], scope, f"{where}.rows[{i}].{key}").split())
                if not text:
                    continue
                if key == "left":
                    canvas.drawString(draw_at, y, text)
                elif key == "center":
                    canvas.drawCentredString(draw_at, y, text)
                else:
                    canvas.drawRightString(draw_at, y, text)

    def _draw_watermark(self, canvas: Any) -> None:
        mark = self.layout["watermark"]
        size = float(mark.get("size", 96))
        family = mark.get("font", self.family)
        canvas.saveState()
        canvas.setFont(_face(self.fonts, family, mark.get("bold", True), mark.get("italic", False)), size)
        gray = float(mark.get("gray", 0.5))
        canvas.setFillColorRGB(gray, gray, gray)
        canvas.setFillAlpha(float(mark.get("opacity", 0.18)))
        canvas.translate(self.width / 2, self.height / 2)
        canvas.rotate(float(mark.get("angle", 45)))
        canvas.drawCentredString(0, -size / 3, self.watermark)
        canvas.restoreState()


# --- the document ----------------------------------------------------------------------------------


def preload(template_path: str | Path | None = None, lang: str = "de_DE") -> None:
    """Load what the first export would otherwise wait for: the hyphenation dictionary (pyphen's
    German one takes half a second to parse, 20 ms from core.hyphenation's cache) and the fonts of
    `template_path`. Call it from a worker thread at start-up; afterwards an export takes a few
    hundredths of a second."""
    _env()
    _hyphenator(lang)("Silbentrennung")
    if template_path is not None:
        template_path = Path(template_path)
        layout = load_layout(template_path)
        _register_fonts(layout, template_path.parent, _Texts(template_path.name))


def render_pdf(template_path: Path, ctx: dict[str, Any], out: io.BufferedIOBase | Path) -> None:
    """Render the layout file `template_path` with the context of core.drafts.context into `out`
    (a binary stream or a file path). Raises TemplateError for an unusable layout or text; the
    file at `out` is only written when the whole document rendered. Every text of the layout
    shares one budget of template time and output (core.sandbox)."""
    from core.sandbox import document_budget

    _import_platypus()
    with document_budget():
        _render_pdf(Path(template_path), ctx, out)


def _render_pdf(template_path: Path, ctx: dict[str, Any], out: io.BufferedIOBase | Path) -> None:
    from core.drafts import shorten

    layout, texts = _load(template_path)
    fonts = _register_fonts(layout, template_path.parent, texts)
    styles = _styles(layout, fonts, texts)
    scope = dict(ctx)

    page = layout.get("page", {})
    pagesize = _page_sizes()[str(page.get("size", "A4")).upper()]
    if page.get("orientation") == "landscape":
        pagesize = (max(pagesize), min(pagesize))
    furniture = _Furniture(layout, fonts, texts, scope, pagesize)
    meta = {
        key: shorten(texts.render(value, scope, f"metadata.{key}"), MAX_META)
        for key, value in layout.get("metadata", {}).items()
    }

    def build() -> tuple[bytes, int]:
        buffer = io.BytesIO()
        doc = _document(buffer, layout, pagesize, fonts, meta)
        story = _Builder(styles, texts).blocks(layout["blocks"], scope, "blocks")
        try:
            doc.build(story, furniture.draw)
        except TemplateError:
            raise
        except Exception as exc:  # reportlab's LayoutError and friends
            raise texts.error(
                "Seitenaufbau",
                f"das Dokument lässt sich nicht setzen ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})",
            ) from exc
        return buffer.getvalue(), doc.page

    data, pages = build()
    if furniture.uses_page_count():
        furniture.pages = pages
        data, _ = build()
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)


def _document(
    buffer: io.BytesIO,
    layout: Mapping[str, Any],
    pagesize: tuple[float, float],
    fonts: Mapping[str, Mapping[str, str]],
    meta: Mapping[str, str],
) -> Any:
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    page = layout.get("page", {})
    family = layout.get("default_font") or next(iter(layout["fonts"]))

    def frame(margins: Mapping[str, float], ident: str) -> Frame:
        m = {"top": 25.0, "bottom": 25.0, "left": 25.0, "right": 20.0, **margins}
        return Frame(
            m["left"] * MM,
            m["bottom"] * MM,
            pagesize[0] - (m["left"] + m["right"]) * MM,
            pagesize[1] - (m["top"] + m["bottom"]) * MM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=ident,
        )

    class Doc(BaseDocTemplate):
        def build(self, flowables: list[Any], on_page: Callable[[Any, Any], None]) -> None:  # type: ignore[override]
            margins = page.get("margins_mm", {})
            first = page.get("first_margins_mm")
            templates = [PageTemplate(id="rest", frames=[frame(margins, "body")], onPage=on_page)]
            if first:
                first_frame = frame({**margins, **first}, "first")
                templates.insert(0, PageTemplate(id="first", frames=[first_frame], onPage=on_page))
                flowables = [NextPageTemplate("rest"), *flowables]
            self.addPageTemplates(templates)
            BaseDocTemplate.build(self, flowables)

    return Doc(
        buffer,
        pagesize=pagesize,
        title=meta.get("title") or None,
        author=meta.get("author") or None,
        subject=meta.get("subject") or None,
        keywords=meta.get("keywords") or "",
        creator=meta.get("creator") or "Ziffer",
        lang=meta.get("lang") or "de-DE",
        initialFontName=fonts[family]["normal"],  # else reportlab puts an unembedded Helvetica on each page
        keepTogetherClass=_keep_with_next_class(),
        allowSplitting=1,
    )
