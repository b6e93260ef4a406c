"""Render a Word template (templates/*.docx, or a ministry's copy of one) with a draft's context.

docxtpl fills the Jinja tags of the template ({{ print.title }}, {%p for item in answer.items %} …)
with the plain context of core.drafts.context. Templates may come from users, so they run in
Jinja's sandbox (ImmutableSandboxedEnvironment): no attribute starting with "_", no Python
internals, no changes to the context, no loader (no include/import/extends of files), bounded
repetition and powers. A dotted name looks up a dict's key before its methods, so `answer.items`
is the list of answer items, not dict.items. Every value is XML-escaped (autoescape), so "<",
"&" and quotes in the text of a print come out literally and never break the document; control
characters that XML cannot hold are dropped. Whatever goes wrong with a template — missing, damaged, a Jinja error,
a forbidden access — raises TemplateError with a one-line message naming the template.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateSyntaxError, Undefined
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

MAX_REPEAT = 100_000  # longest string or list a template may make with "*"
MAX_EXPONENT = 100  # largest power a template may compute with "**"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TemplateError(Exception):
    """A template that cannot be rendered: missing, damaged, wrong Jinja, or forbidden by the sandbox."""


class _NoFiles(BaseLoader):
    """The sandbox's loader: a template cannot include, import or extend anything."""

    def get_source(self, environment, template):
        raise SecurityError(f"a template may not include, import or extend other files ({template!r})")


class _Undefined(Undefined):
    """A missing key renders as nothing; an access the sandbox forbids fails at once (not as empty text)."""

    __slots__ = ()

    def __init__(self, hint=None, obj=missing, name=None, exc=UndefinedError):
        if exc is SecurityError:
            raise SecurityError(hint or f"access to {name!r} is not allowed")
        super().__init__(hint, obj, name, exc)


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def getattr(self, obj, attribute):
        # the context is dicts: "answer.items" is the key "items", not the method dict.items
        if isinstance(obj, dict) and isinstance(attribute, str) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"the power {right} is too large for a template")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_REPEAT:
                    raise SecurityError("the repeated text is too long for a template")
        return super().call_binop(context, operator, left, right)


def sandbox(*, autoescape: bool = True) -> ImmutableSandboxedEnvironment:
    """The Jinja environment templates run in (autoescape for XML; off for plain-text fields)."""
    return _Sandbox(loader=_NoFiles(), undefined=_Undefined, autoescape=autoescape)


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
                raise TemplateError(f"the template produces broken Word XML ({exc})") from exc
            return super().fix_tables(xml)

        def render_properties(self, context, jinja_env=None):
            pass  # rendered without XML escaping in render_docx

    return _Template


def _problem(exc: BaseException) -> str:
    """One line that says what is wrong with a template."""
    if isinstance(exc, TemplateError):
        return str(exc)
    if isinstance(exc, SecurityError):
        return f"not allowed in a template: {exc}"
    if isinstance(exc, TemplateSyntaxError):
        near = " ".join(t.strip() for t in getattr(exc, "docx_context", []) or [] if t.strip())
        where = f" near „{near[:80]}“" if near else ""
        return f"Jinja syntax error: {exc.message}{where}"
    if isinstance(exc, UndefinedError):
        return f"a placeholder has no value: {exc}"
    message = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {message}"


def render_docx(template_path: Path, ctx: dict, out: Path | io.BytesIO) -> None:
    """Render TEMPLATE_PATH with CTX (core.drafts.context) into OUT (a file path or a BytesIO).

    Sets the document's title ("Antrag 17/9321: …"), author (the ministry) and subject (the
    template's subject property, rendered, e.g. "Stellungnahme des Ministeriums für …").
    Raises TemplateError for every problem of the template; OUT is written only on success.
    """
    template_path = Path(template_path)
    name = template_path.name
    if not template_path.is_file():
        raise TemplateError(f"{name}: template not found ({template_path})")
    values = _clean(ctx)
    tpl = _template_class()(str(template_path))
    try:
        tpl.init_docx()
    except Exception as exc:  # zipfile, python-docx and lxml raise a zoo of types on damaged files
        raise TemplateError(f"{name}: not a readable Word template ({type(exc).__name__})") from exc
    try:
        subject_src = tpl.docx.core_properties.subject or ""
        tpl.render(values, jinja_env=sandbox(autoescape=True))
        subject = sandbox(autoescape=False).from_string(subject_src).render(values).strip()
        _set_properties(tpl.docx.core_properties, values, subject)
        buffer = io.BytesIO()
        tpl.save(buffer)
    except Exception as exc:
        message = " ".join(_problem(exc).split())
        raise TemplateError(f"{name}: {message}") from exc
    data = buffer.getvalue()
    if isinstance(out, io.BytesIO):
        out.write(data)
    else:
        Path(out).write_bytes(data)


def _set_properties(props: Any, ctx: dict, subject: str) -> None:
    doc = ctx.get("print") if isinstance(ctx.get("print"), dict) else {}
    kind, number, title = doc.get("kind_name", ""), doc.get("number", ""), doc.get("title", "")
    head = " ".join(x for x in (kind, number) if x)
    props.title = f"{head}: {title}" if head and title else head or title
    props.author = doc.get("ministry", "") or "Ziffer"
    props.subject = subject or " ".join(x for x in (doc.get("answer_name", ""), doc.get("ministry_genitive", "")) if x)
    props.last_modified_by = "Ziffer"
    props.language = "de-DE"
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = now
    props.revision = 1
