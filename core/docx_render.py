"""Render a Word template (templates/*.docx, or a ministry's copy of one) with a draft's context.

docxtpl fills the Jinja tags of the template ({{ print.title }}, {%p for item in answer.items %} …)
with the plain context of core.drafts.context. Templates may come from users, so they run in
the sandbox of core/sandbox.py (shared with the PDF layouts): no Python internals, no changes to
the context, no files, and bounded values, loops, time and output per document. Every value is
XML-escaped (autoescape), so "<", "&" and quotes in the text of a print come out literally and
never break the document; control characters that XML cannot hold are dropped. Whatever goes
wrong with a template — missing, damaged, a Jinja error, a forbidden access, a limit — raises
TemplateError with a one-line German message naming the template.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError

from core.drafts import shorten
from core.sandbox import document_budget, environment, explain

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_PROPERTY = 240  # python-docx refuses core properties over 255 characters


class TemplateError(Exception):
    """A template that cannot be rendered: missing, damaged, wrong Jinja, forbidden by the sandbox or over a limit."""


def sandbox(*, autoescape: bool = True) -> Any:
    """The Jinja environment Word templates run in (autoescape for XML; off for plain-text fields)."""
    return environment(autoescape=autoescape)


def _clean(value: Any) -> Any:
    """A copy of the context with strings XML can hold: no control characters, line breaks as "\\n"."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _template_class():
    """docxtpl's DocxTemplate, checking the XML it renders and leaving the core properties to us."""
    from docxtpl import DocxTemplate
    from lxml import etree

    class _Template(DocxTemplate):
        def fix_tables(self, xml):
            # docxtpl parses the body with recover=True, which would hide broken XML
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            try:
                etree.fromstring(xml.encode("utf-8"), parser)
            except etree.XMLSyntaxError as exc:
                raise TemplateError(f"die Vorlage erzeugt fehlerhaftes Word-XML ({shorten(str(exc), 160)})") from exc
            return super().fix_tables(xml)

        def render_properties(self, context, jinja_env=None):
            pass  # rendered without XML escaping in render_docx

    return _Template


def _problem(exc: BaseException) -> str:
    """One German clause that says what is wrong with a template (never the whole of a long text)."""
    if isinstance(exc, TemplateError):
        return str(exc)
    if isinstance(exc, TemplateSyntaxError):
        near = " ".join(t.strip() for t in getattr(exc, "docx_context", []) or [] if t.strip())
        where = f" in der Nähe von „{shorten(near, 80)}“" if near else ""
        return f"Syntaxfehler{where} (syntax error: {shorten(exc.message or '', 160)})"
    return explain(exc)


def render_docx(template_path: Path, ctx: dict, out: Path | io.BytesIO) -> None:
    """Render TEMPLATE_PATH with CTX (core.drafts.context) into OUT (a file path or a BytesIO).

    Sets the document's title ("Antrag 17/9321: …"), author (the ministry) and subject (the
    template's subject property, rendered, e.g. "Stellungnahme des Ministeriums für …"), each
    shortened to what Word's core properties hold (the text of the document is never shortened).
    Raises TemplateError for every problem of the template; OUT is written only on success.
    All texts of the document (body, headers, footers, properties) share one budget of time and
    output (core.sandbox).
    """
    template_path = Path(template_path)
    name = template_path.name
    if not template_path.is_file():
        raise TemplateError(f"Word-Vorlage „{name}“ nicht gefunden ({shorten(str(template_path), 200)})")
    values = _clean(ctx)
    tpl = _template_class()(str(template_path))
    try:
        tpl.init_docx()
    except Exception as exc:  # zipfile, python-docx and lxml raise a zoo of types on damaged files
        raise TemplateError(f"Word-Vorlage „{name}“: keine lesbare Word-Datei ({type(exc).__name__})") from exc
    try:
        with document_budget():
            subject_src = tpl.docx.core_properties.subject or ""
            tpl.render(values, jinja_env=sandbox(autoescape=True))
            subject = sandbox(autoescape=False).from_string(subject_src).render(values).strip()
        _set_properties(tpl.docx.core_properties, values, subject)
        buffer = io.BytesIO()
        tpl.save(buffer)
    except Exception as exc:
        message = " ".join(_problem(exc).split())
        raise TemplateError(f"Word-Vorlage „{name}“: {message}") from exc
    data = buffer.getvalue()
    if isinstance(out, io.BytesIO):
        out.write(data)
    else:
        Path(out).write_bytes(data)


def _set_properties(props: Any, ctx: dict, subject: str) -> None:
    doc = ctx.get("print") if isinstance(ctx.get("print"), dict) else {}
    kind, number, title = doc.get("kind_name", ""), doc.get("number", ""), doc.get("title", "")
    head = " ".join(x for x in (kind, number) if x)
    props.title = shorten(f"{head}: {title}" if head and title else head or title, MAX_PROPERTY)
    props.author = shorten(doc.get("ministry", "") or "Ziffer", MAX_PROPERTY)
    subject = subject or " ".join(x for x in (doc.get("answer_name", ""), doc.get("ministry_genitive", "")) if x)
    props.subject = shorten(subject, MAX_PROPERTY)
    props.last_modified_by = "Ziffer"
    props.language = "de-DE"
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = now
    props.revision = 1
