"""Templates without limits (issue 11, item 4): hostile Word templates and PDF layouts stop fast and small.

Each hostile text ran for minutes (or forever) at gigabytes before the shared sandbox of
core/sandbox.py; now each stops within its limits with a German message naming the file."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from pathlib import Path

import docx
import pytest
from conftest import ROOT

from core import export as ex
from core import sandbox
from core.docx_render import TemplateError as DocxTemplateError
from core.docx_render import render_docx
from core.drafts import context
from core.model import Answer, AnswerItem, Point, PrintDoc
from core.pdf_render import TemplateError as PdfTemplateError
from core.pdf_render import preload, render_pdf

LOOP = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
HOSTILE = {
    "loops": LOOP,
    "center": "{{ 'x'|center(10**9) }}",
    "percent": "{{ '%0999999999d' % 1 }}",
    "replace": "{{ ('x'*100000)|replace('x','x'*100000) }}",
    "join": "{{ (['x'*100000]*100000)|join }}",
    "shared list": "{{ ['x'*100000]*100000 }}",
    "doubling": "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "macro": "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ d('x', 60) }}",
    "static": "{% for i in range(100000) %}{% for j in range(100000) %}" + "x" * 64 + "{% endfor %}{% endfor %}",
    "widths": "{{ '%99999d' * 1000 % ((1,)*1000) }}",
    "precision": "{{ '%.999999999f' % 1.0 }}",
    "format": "{{ '{:>999999999}'.format(1) }}",
    "indent": "{{ ('x\\n'*50000)|indent(100000) }}",
    "power": "{{ 2 ** 100000 }}",
    "sum": "{{ ([[1]*1000]*1000)|sum(start=[])|length }}",
}
REASONS = ("Sekunden", "Zeichen", "zu groß")


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """The time limit at half a second, so the endless loops do not take the suite's time."""
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)


def _ctx() -> dict:
    doc = PrintDoc(parliament="BW", number="17/1", kind="antrag", title="T", points=[Point("1", "ob;")])
    return context(doc)


def _word(tmp_path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    path = tmp_path / "boese.docx"
    document.save(str(path))
    return path


def _layout(tmp_path: Path, text: str) -> Path:
    layout = json.loads((ROOT / "templates" / "stellungnahme.pdf.json").read_text(encoding="utf-8"))
    layout["blocks"] = [{"style": "body", "text": text}]
    path = tmp_path / "boese.pdf.json"
    path.write_text(json.dumps(layout, ensure_ascii=False), encoding="utf-8")
    return path


def _stopped(render, path: Path) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    """The message, the seconds and the peak megabytes of a render that must fail."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises((DocxTemplateError, PdfTemplateError)) as info:
            render(path, _ctx(), io.BytesIO())
        return str(info.value), time.perf_counter() - start, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_word_template_stops(tmp_path: Path, quick: None, kind: str) -> None:
    """Every hostile Word template stops within a second and a few megabytes, naming the file and the limit."""
    message, seconds, peak = _stopped(render_docx, _word(tmp_path, HOSTILE[kind]))
    assert message.startswith("Word-Vorlage „boese.docx“: ")
    assert any(reason in message for reason in REASONS), message
    assert "\n" not in message and len(message) < 300
    assert seconds < 3 and peak < 60, (seconds, peak)


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_pdf_layout_stops(tmp_path: Path, quick: None, kind: str) -> None:
    """The same texts in a PDF layout stop the same way."""
    preload(ROOT / "templates" / "stellungnahme.pdf.json")  # dictionary and fonts: slow under tracemalloc
    message, seconds, peak = _stopped(render_pdf, _layout(tmp_path, HOSTILE[kind]))
    assert message.startswith("PDF-Vorlage „boese.pdf.json“, blocks[0].text: ")
    assert any(reason in message for reason in REASONS), message
    assert "\n" not in message and len(message) < 300
    assert seconds < 3 and peak < 60, (seconds, peak)


def test_endless_loop_stops_at_the_real_limit(tmp_path: Path) -> None:
    """With the limit as shipped, the nested loop stops after MAX_SECONDS, saying so in German."""
    message, seconds, _ = _stopped(render_docx, _word(tmp_path, LOOP))
    assert message == "Word-Vorlage „boese.docx“: abgebrochen, sie rechnet länger als 5 Sekunden"
    assert sandbox.MAX_SECONDS <= seconds < sandbox.MAX_SECONDS + 2


def test_time_is_counted_over_all_texts_of_a_layout(tmp_path: Path, quick: None) -> None:
    """Many texts that each stay under the limit add up: the document's budget is one."""
    layout = json.loads((ROOT / "templates" / "stellungnahme.pdf.json").read_text(encoding="utf-8"))
    slow = "{% for i in range(100000) %}{% endfor %}{{ k }}"
    layout["blocks"] = [{"for": "k in range(10000)", "blocks": [{"style": "body", "text": slow}]}]
    path = tmp_path / "langsam.pdf.json"
    path.write_text(json.dumps(layout), encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(PdfTemplateError, match="abgebrochen, sie rechnet länger als"):
        render_pdf(path, _ctx(), io.BytesIO())
    assert time.perf_counter() - start < 3


def test_output_is_counted_over_all_texts_of_a_layout(tmp_path: Path) -> None:
    """Ten thousand paragraphs of 100,000 characters each would be a billion; the budget stops them."""
    layout = json.loads((ROOT / "templates" / "stellungnahme.pdf.json").read_text(encoding="utf-8"))
    layout["blocks"] = [{"for": "k in range(10000)", "blocks": [{"style": "body", "text": "{{ 'x' * 100000 }}"}]}]
    path = tmp_path / "viel.pdf.json"
    path.write_text(json.dumps(layout), encoding="utf-8")
    with pytest.raises(PdfTemplateError, match=r"abgebrochen, sie erzeugt mehr als 20\.000\.000 Zeichen"):
        render_pdf(path, _ctx(), io.BytesIO())


def test_the_export_and_its_preview_stop_a_users_template(tmp_path: Path, quick: None) -> None:
    """A ministry's own template (the one the export dialog previews) stops as well; no file is left."""
    user = tmp_path / "vorlagen"
    user.mkdir()
    _layout(user, LOOP).rename(user / "stellungnahme.pdf.json")
    out = tmp_path / "out"
    out.mkdir()
    doc = PrintDoc(parliament="BW", number="17/1", kind="antrag", title="T")
    with pytest.raises(ex.ExportError, match=r"„stellungnahme\.pdf\.json“.*abgebrochen"):
        ex.export(doc, "pdf", out, user_dir=user)
    assert list(out.iterdir()) == []


def test_ordinary_templates_are_not_slowed(tmp_path: Path) -> None:
    """The checks cost little: a 300-point answer renders well within the limits in both formats."""
    points = [Point(str(k), f"welche Maßnahme {k} die Landesregierung plant;") for k in range(1, 301)]
    items = [AnswerItem([str(k)], "\n\n".join(["Die Landesregierung prüft das. " * 20] * 3)) for k in range(1, 301)]
    doc = PrintDoc(parliament="BW", number="17/2", kind="antrag", title="T", points=points, answer=Answer(items=items))
    ctx = context(doc)
    with sandbox.document_budget() as budget:
        render_docx(ROOT / "templates" / "stellungnahme.docx", ctx, io.BytesIO())
    assert budget.spent < 1 and budget.produced < sandbox.MAX_OUTPUT / 4, (budget.spent, budget.produced)
