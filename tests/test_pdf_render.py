"""PDF output from the layout files in templates/: content, fonts, metadata, sandbox, round trip, page breaks.

The Stellungnahme and letter tests run on two prints: ours (Drucksache 17/8517, the published PDF
made from tests/fixtures/prints/bw_antrag_combined_answers.txt by tests/ownprints.py, five points
answered in two combined items) and the real KI-Allianz print 17/9321 (group real_documents)."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import time
from datetime import date
from pathlib import Path

import ownprints as own
import pytest
from conftest import FIXTURES, ROOT, sample
from pypdf import PdfReader

from core.cleanup import WEAK_FURNITURE, is_strong_furniture
from core.drafts import context
from core.model import Answer, AnswerItem, Point, PrintDoc
from core.parser import parse_file
from core.pdf_render import TemplateError, load_layout, render_pdf

TEMPLATES = ROOT / "templates"
STELLUNGNAHME = TEMPLATES / "stellungnahme.pdf.json"
KI_ALLIANZ = "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
LAYOUTS = ("stellungnahme", "antwort", "zulieferung", "fristverlaengerung")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _render(template: Path, ctx: dict) -> bytes:
    out = io.BytesIO()
    render_pdf(template, ctx, out)
    return out.getvalue()


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _text(data: bytes) -> str:
    return _squash(" ".join(_pages(data)))


def _body_lines(page_text: str) -> list[str]:
    """The lines of a page without its furniture (running header, page number, footer)."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return [ln for ln in lines if not (is_strong_furniture(ln) or any(p.search(ln) for p in WEAK_FURNITURE))]


def _request(points: list[dict]) -> dict:
    return {
        "request": {
            "unit": "Referat 36 – Digitalisierung & KI",
            "points": points,
            "due_long": "22. August 2025",
            "officer": "Dr. Erika Muster",
            "phone": "0711 123-4567",
            "email": "erika.muster@wm.example.de",
            "original_due_long": "29. August 2025",
            "requested_due_long": "12. September 2025",
            "reason": "Die Zahlen zur Finanzierung (Ziffer 8) liegen erst nach der Haushaltsaufstellung vor.",
        }
    }


# What each print's PDF must show, read by hand from the print.
EXPECT = {
    own.NUMBER: {
        "header_number": "Drucksache 17 / 8517",
        "headings": ["Zu 1. bis 3.:", "Zu 4. und 5.:"],
        "file_number": "MWK41-7431.3/29/1",
        "letter": "Mit Schreiben vom 11. März 2025",
        "answer_date": date(2025, 3, 11),
        "signature": "Schöttle Ministerin für Wissenschaft, Forschung und Kunst",
        "signatory": "Schöttle",
        "quote": "„Land – Schule – Zukunft“",
        "words": ("Württemberg", "Maßnahmen", "Studienanfängerinnen", "GRÜNE", "Gründe", "beschließen", "Plätze"),
        "title": "Stellungnahme zu Drucksache 17/8517: Studienplätze für das Lehramt Grundschule",
        "author": "Ministerium für Wissenschaft, Forschung und Kunst",
        "subject": "Antrag der Abg. Miriam Hohloch und Benedikt Sauter",
        "pages": 2,
        "unit_points": (1, 4),  # the points a Zulieferung asks for (indices)
    },
    "17/9321": {
        "header_number": "Drucksache 17 / 9321",
        "headings": [f"Zu {n}.:" for n in range(1, 9)],
        "file_number": "WM36-43-99/161",
        "letter": "Mit Schreiben vom 1. September 2025",
        "answer_date": date(2025, 9, 1),
        "signature": "Hoffmeister-Kraut Ministerin für Wirtschaft, Arbeit und Tourismus",
        "signatory": "Hoffmeister-Kraut",
        "quote": "„Mehrere Standorte – ein Konzept“",
        "words": (
            "Baden-Württemberg",
            "Maßnahmen",
            "Förderung",
            "GRÜNE",
            "ursprünglich",
            "beschließen",
            "Überschneidungen",
        ),
        "title": "Stellungnahme zu Drucksache 17/9321: Strategische Weiterentwicklung der KI-Allianz",
        "author": "Ministerium für Wirtschaft, Arbeit und Tourismus",
        "subject": "Antrag der Abg. Alexander Salomon und Peter Seimer",
        "pages": 3,
        "unit_points": (4, 7),
    },
}


@pytest.fixture(scope="module", params=["own", pytest.param("real", marks=pytest.mark.real_documents)])
def motion(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An Antrag with Stellungnahme: ours (17/8517, from a PDF made of a fixture) or the real KI-Allianz one."""
    if request.param == "own":
        return parse_file(own.published_pdf(tmp_path_factory.mktemp("own")))
    return parse_file(sample(KI_ALLIANZ))


def _expect(doc: PrintDoc) -> dict:
    return EXPECT[doc.number]


@pytest.fixture(scope="module")
def motion_pdf(motion) -> bytes:
    return _render(STELLUNGNAHME, context(motion))


def _hostile_layout(tmp_path: Path, **changes) -> Path:
    layout = json.loads(STELLUNGNAHME.read_text(encoding="utf-8"))
    layout.update(changes)
    path = tmp_path / "boese.pdf.json"
    path.write_text(json.dumps(layout, ensure_ascii=False), encoding="utf-8")
    return path


# --- the layout files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LAYOUTS)
def test_layout_files_load(name: str) -> None:
    """Every built-in layout file is valid and uses the built-in Vera fonts."""
    layout = load_layout(TEMPLATES / f"{name}.pdf.json")
    assert layout["page"]["size"] == "A4"
    assert layout["fonts"]["Sans"]["normal"] == "Vera.ttf"
    assert layout["watermark"]["text"] == "ENTWURF"


# --- the Stellungnahme of our print and of the KI-Allianz sample ---------------------------------------


def test_stellungnahme_contains_the_print(motion, motion_pdf: bytes) -> None:
    """Title, the questions, "Zu 1.:" … "Zu 8.:" (ours: "Zu 1. bis 3.:", "Zu 4. und 5.:") in order with their
    answers, file number, date, signature."""
    e = _expect(motion)
    text = _text(motion_pdf)
    assert motion.title in text
    assert e["header_number"] in text and "Landtag von Baden-Württemberg" in text
    for point in motion.points:
        start = " ".join(point.text.split()[:4])
        assert text.count(f"{point.label}. {start}") == 2, start  # in the Antrag and quoted in the Stellungnahme
    position = 0
    for item, heading in zip(motion.answer.items, e["headings"], strict=True):
        position = text.index(heading, position)
        first_words = " ".join(item.text.split()[:3])
        answer_at = text.index(first_words, position)
        assert answer_at - position < 40, heading  # the answer follows its heading
    assert re.findall(r"Zu \d\.(?: (?:und|bis) \d\.)?:", text) == e["headings"]
    assert f"Nr. {e['file_number']}" in text
    assert e["letter"] in text
    assert e["signature"] in text


def test_stellungnahme_umlauts_and_quotes(motion, motion_pdf: bytes) -> None:
    """German letters, typographic quotes and dashes come out as they went in."""
    text = _text(motion_pdf)
    for word in _expect(motion)["words"]:
        assert word in text
    assert _expect(motion)["quote"] in text
    assert "�" not in text


def test_fonts_are_embedded(motion_pdf: bytes) -> None:
    """Every font on every page is an embedded TrueType font (FontFile2); no base-14 Helvetica."""
    reader = PdfReader(io.BytesIO(motion_pdf))
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            for f in [d.get_object() for d in descendants] if descendants else [font]:
                seen.add(f["/BaseFont"])
                assert "/FontFile2" in f["/FontDescriptor"], f["/BaseFont"]
    assert any("Bold" in name for name in seen) and any("Oblique" in name for name in seen)


def test_metadata(motion, motion_pdf: bytes) -> None:
    """Title, author and subject of the PDF are filled from the print."""
    e = _expect(motion)
    meta = PdfReader(io.BytesIO(motion_pdf)).metadata
    assert meta.title == e["title"]
    assert meta.author == e["author"]
    assert meta.subject.startswith(e["subject"])


def test_round_trip_through_our_parser(motion, motion_pdf: bytes, tmp_path: Path) -> None:
    """Parsing the exported PDF gives back the same points, answers and head data as the source."""
    e = _expect(motion)
    path = tmp_path / "Stellungnahme.pdf"
    path.write_bytes(motion_pdf)
    back = parse_file(path)
    assert [(p.label, _squash(p.text)) for p in back.points] == [(p.label, _squash(p.text)) for p in motion.points]
    assert [(a.points, _squash(a.text)) for a in back.answer.items] == [
        (a.points, _squash(a.text)) for a in motion.answer.items
    ]
    assert back.number == motion.number and back.kind == "antrag" and back.parliament == "BW"
    assert back.title == motion.title
    assert back.answer.file_number == e["file_number"]
    assert back.answer.date == e["answer_date"]
    assert back.answer.signatory == e["signatory"]
    assert back.answer.consent == motion.answer.consent
    assert back.warnings == []


def test_draft_watermark(motion, motion_pdf: bytes) -> None:
    """ "ENTWURF" stands on every page of a draft and nowhere in the final version."""
    draft = _pages(_render(STELLUNGNAHME, context(motion, draft=True)))
    assert len(draft) >= _expect(motion)["pages"] and all("ENTWURF" in page for page in draft)
    assert not any("ENTWURF" in page for page in _pages(motion_pdf))


def test_render_time(motion) -> None:
    """The 8-point Stellungnahme (and our 5-point one) renders well under a second (after the first, which loads
    fonts and hyphenation)."""
    ctx = context(motion)
    _render(STELLUNGNAHME, ctx)
    start = time.perf_counter()
    for _ in range(3):
        _render(STELLUNGNAHME, ctx)
    elapsed = (time.perf_counter() - start) / 3
    print(f"\nStellungnahme {motion.number} ({len(motion.points)} points): {elapsed * 1000:.0f} ms per PDF")
    assert elapsed < 0.5


# --- the sandbox -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{{ ''.__class__.__mro__ }}", "Sandbox"),
        ("{{ cycler.__init__.__globals__ }}", "Sandbox"),
        ("{{ print.__class__ }}", "Sandbox"),
        ("{% import os %}", "Syntaxfehler"),
        ("{% import 'os' as os %}", "Dateien"),
        ("{% include '/etc/passwd' %}", "Dateien"),
        ("{% extends '/etc/passwd' %}", "Dateien"),
        ("{{ print.no_such_key }}", "unbekannter Name"),
        ("{{ 'x' * 10**9 }}", "abgebrochen"),
        ("{{ 'x'.center(10**9) }}", "abgebrochen"),
        ("{{ '{:>999999999}'.format(1) }}", "abgebrochen"),
    ],
)
def test_hostile_block_text(tmp_path: Path, text: str, reason: str) -> None:
    """A text that reaches for Python internals or files fails with a one-line error naming the file."""
    path = _hostile_layout(tmp_path, blocks=[{"style": "body", "text": text}])
    ctx = context(PrintDoc(parliament="BW", number="17/1", kind="antrag", title="T"))
    with pytest.raises(TemplateError) as err:
        render_pdf(path, ctx, io.BytesIO())
    message = str(err.value)
    assert "boese.pdf.json" in message and "blocks[0].text" in message and reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "changes",
    [
        {"blocks": [{"for": "x in ''.__class__.__mro__", "blocks": [{"style": "body", "text": "{{ x }}"}]}]},
        {"blocks": [{"if": "cycler.__init__.__globals__", "blocks": []}]},
        {"metadata": {"title": "{{ ''.__class__ }}"}},
        {"header": {"rows": [{"left": "{% include 'x' %}"}]}},
    ],
)
def test_hostile_expressions_elsewhere(tmp_path: Path, changes: dict) -> None:
    """Loops, conditions, metadata and header texts run in the same sandbox."""
    path = _hostile_layout(tmp_path, **changes)
    ctx = context(PrintDoc(parliament="BW", number="17/1", kind="antrag", title="T"))
    with pytest.raises(TemplateError, match=r"boese\.pdf\.json"):
        render_pdf(path, ctx, io.BytesIO())


def test_markup_in_the_text_comes_out_literally(tmp_path: Path) -> None:
    """Document text with "<b>", "&" or "<font>" is printed as it is, not read as paragraph markup."""
    title = "Zuschüsse <b>für</b> Kunst & Kultur <font size=40>groß</font> &amp; <br/> a<b"
    point = Point("1", "wie & ob <i>x</i>;")
    doc = PrintDoc(parliament="BW", number="17/2", kind="antrag", title=title, points=[point])
    text = _text(_render(STELLUNGNAHME, context(doc)))
    assert title in text
    assert "1. wie & ob <i>x</i>;" in text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{ not json", "kein gültiges JSON"),
        ('{"format": "ziffer-pdf-layout", "version": 2}', "Version"),
        ("[]", "Objekt"),
    ],
)
def test_broken_layout_file(tmp_path: Path, content: str, reason: str) -> None:
    """A broken layout file is reported in one line with the file name."""
    path = tmp_path / "kaputt.pdf.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TemplateError, match=reason) as err:
        load_layout(path)
    assert "kaputt.pdf.json" in str(err.value)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"blocks": [{"style": "no_such_style", "text": "x"}]}, "unbekanntes Format"),
        ({"blocks": [{"stlye": "body", "text": "x"}]}, "unbekannter"),
        ({"blocks": [{"for": "item answer.items", "blocks": []}]}, "NAME in AUSDRUCK"),
        ({"fonts": {"Sans": {"normal": "/etc/passwd.ttf"}}}, "relativ"),
        ({"fonts": {"Sans": {"normal": "../../fonts/Vera.ttf"}}}, "außerhalb"),
        ({"fonts": {"Sans": {"normal": "Fehlt.ttf"}}}, "nicht gefunden"),
        ({"styles": {"body": {"parent": "body"}}}, "im Kreis"),
    ],
)
def test_invalid_layout_content(tmp_path: Path, changes: dict, reason: str) -> None:
    """Unknown styles, misspelt keys, bad loops and font paths outside the folder are clear errors."""
    path = _hostile_layout(tmp_path, **changes)
    ctx = context(PrintDoc(parliament="BW", number="17/1", kind="antrag", title="T"))
    with pytest.raises(TemplateError, match=reason):
        render_pdf(path, ctx, io.BytesIO())


def test_missing_layout_file(tmp_path: Path) -> None:
    """A layout file that is not there is a TemplateError, not a traceback."""
    with pytest.raises(TemplateError, match="nicht gefunden"):
        load_layout(tmp_path / "weg.pdf.json")


def test_own_font_beside_the_template(tmp_path: Path) -> None:
    """A ministry's own TrueType font, named relative to its layout file, is embedded."""
    import reportlab

    (tmp_path / "fonts").mkdir()
    shutil.copy(Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf", tmp_path / "fonts" / "Hausschrift.ttf")
    path = _hostile_layout(tmp_path, fonts={"Sans": {"normal": "fonts/Hausschrift.ttf"}})
    data = _render(path, context(PrintDoc(parliament="BW", number="17/3", kind="antrag", title="Eigene Schrift")))
    names = {f.get_object()["/BaseFont"] for f in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values()}
    assert names == {"/AAAAAA+BitstreamVeraSans-Bold"}
    assert "Eigene Schrift" in _text(data)


# --- Antwort and the letters ------------------------------------------------------------------------------


def test_antwort_for_a_kleine_anfrage(tmp_path: Path) -> None:
    """The Antwort layout sets a Kleine Anfrage with its questions and answers, and reads back the same."""
    doc = parse_file(FIXTURES / "bw_kleine_anfrage.txt")
    data = _render(TEMPLATES / "antwort.pdf.json", context(doc))
    text = _text(data)
    assert text.index("Kleine Anfrage des Abg. Klaus Beispiel AfD und Antwort des Ministeriums für Verkehr") < 80
    assert "Ich frage die Landesregierung: 1. Wie viele Kilometer" in text
    assert "beantwortet das Ministerium für Verkehr die Kleine Anfrage wie folgt:" in text
    assert "4. Mit welchen Kosten rechnet die Landesregierung für diese Maßnahmen? Zu 3. und 4.: Für die Jahre" in text
    assert text.endswith("Lindauer Minister für Verkehr")
    path = tmp_path / "antwort.pdf"
    path.write_bytes(data)
    back = parse_file(path)
    assert back.kind == "kleine_anfrage"
    assert [(p.label, _squash(p.text)) for p in back.points] == [(p.label, _squash(p.text)) for p in doc.points]
    assert [(a.points, _squash(a.text)) for a in back.answer.items] == [
        (a.points, _squash(a.text)) for a in doc.answer.items
    ]


def test_zulieferung_letter(motion) -> None:
    """The request to a contributing unit names the unit, quotes its points, the deadline and the contact."""
    base = context(motion)
    first, second = _expect(motion)["unit_points"]
    ctx = context(motion, today=date(2025, 8, 12), extra=_request([base["points"][first], base["points"][second]]))
    data = _render(TEMPLATES / "zulieferung.pdf.json", ctx)
    text = _text(data)
    assert "Referat 36 – Digitalisierung & KI" in text
    assert "12. August 2025" in text
    assert f"Zulieferung zur Stellungnahme – Drucksache {motion.number}" in text and motion.number in EXPECT
    for index in (first, second):
        point = motion.points[index]
        assert f"{point.label}. {' '.join(point.text.split()[:4])}" in text
    assert f"1. {' '.join(motion.points[0].text.split()[:3])}" not in text
    assert "Frist für Ihre Zulieferung: 22. August 2025" in text
    assert "Dr. Erika Muster" in text and "0711 123-4567" in text and "erika.muster@wm.example.de" in text
    assert "Seite 1 von 1" in text
    assert PdfReader(io.BytesIO(data)).metadata.title.startswith(f"Zulieferung zu Drucksache {motion.number}")


def test_fristverlaengerung_letter(motion) -> None:
    """The request for more time names the print, the original and the requested date and the reason."""
    ctx = context(motion, today=date(2025, 8, 20), extra=_request([]), draft=True)
    text = _text(_render(TEMPLATES / "fristverlaengerung.pdf.json", ctx))
    assert "Landtag von Baden-Württemberg" in text
    assert f"„{motion.title}“ – Drucksache {motion.number}" in text and motion.number in EXPECT
    assert "bisherige Frist: 29. August 2025" in text and "erbetene Frist: 12. September 2025" in text
    assert "Die Zahlen zur Finanzierung (Ziffer 8) liegen erst nach der Haushaltsaufstellung vor." in text
    assert _expect(motion)["signatory"] in text and "ENTWURF" in text and "Seite 1 von 1" in text


def test_letter_without_request_is_a_clear_error(motion) -> None:
    """A letter layout rendered without its "request" keys names the missing key."""
    with pytest.raises(TemplateError, match="request"):
        render_pdf(TEMPLATES / "zulieferung.pdf.json", context(motion), io.BytesIO())


# --- page breaks ---------------------------------------------------------------------------------------------


_WORDS = (
    "Landesregierung Förderung Maßnahmen Wirtschaft Verwaltung Hochschulen Kommunen Digitalisierung Netzwerk "
    "Projekte Unternehmen Mittel Jahr bereitgestellt wurden und ob welche wie viele Regierungspräsidium"
).split()


def _synthetic(points: int = 40, seed: int = 0) -> PrintDoc:
    """A Stellungnahme of `points` points with answers of one to three paragraphs of varying length."""
    rng = random.Random(seed)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."

    items = []
    label = 1
    while label <= points:
        labels = [str(label)] if rng.random() < 0.85 or label == points else [str(label), str(label + 1)]
        paras = [
            " ".join(sentence(rng.randint(5, 25)) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 3))
        ]
        items.append(AnswerItem(labels, "\n\n".join(paras)))
        label += len(labels)
    return PrintDoc(
        parliament="BW",
        number="17/9999",
        kind="antrag",
        title="Synthetische Stellungnahme",
        submitted=date(2025, 1, 2),
        originators=["Erika Muster", "Max Beispiel"],
        factions=["SPD"],
        ministry="Ministerium für Finanzen",
        points=[
            Point(str(i), "welche " + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 60))) + ";")
            for i in range(1, points + 1)
        ],
        reasoning=sentence(40),
        answer=Answer(
            date=date(2025, 2, 3),
            file_number="FM1-0141.5/3",
            signatory="Muster",
            office="Minister für Finanzen",
            items=items,
        ),
    )


def test_no_widowed_answer_heading(tmp_path: Path) -> None:
    """In a 40-point Stellungnahme no page ends with a "Zu N.:" heading or begins with one (question kept along)."""
    doc = _synthetic()
    data = _render(STELLUNGNAHME, context(doc))
    pages = _pages(data)
    assert len(pages) >= 10
    for number, page in enumerate(pages, 1):
        lines = _body_lines(page)
        assert lines, f"page {number} is empty"
        assert not re.fullmatch(r"Zu .{1,40}:", lines[-1]), f"page {number} ends with {lines[-1]!r}"
        assert not re.fullmatch(r"Zu .{1,40}:", lines[0]), f"page {number} begins with {lines[0]!r}"
    assert _body_lines(pages[-1])[-2:] == ["Muster", "Minister für Finanzen"]
    assert _body_lines(pages[-1])[0] != "Muster"  # the signature is not alone on its page
    path = tmp_path / "synthetisch.pdf"
    path.write_bytes(data)
    back = parse_file(path)
    assert [(a.points, _squash(a.text)) for a in back.answer.items] == [
        (a.points, _squash(a.text)) for a in doc.answer.items
    ]


def test_without_keep_with_next_headings_would_be_widowed(tmp_path: Path) -> None:
    """The synthetic print is a real test: with keep_with_next switched off, some page ends with a heading."""
    layout = json.loads(STELLUNGNAHME.read_text(encoding="utf-8"))
    layout["styles"]["answer_heading"]["keep_with_next"] = False
    path = tmp_path / "ohne.pdf.json"
    path.write_text(json.dumps(layout, ensure_ascii=False), encoding="utf-8")
    pages = _pages(_render(path, context(_synthetic())))
    assert any(re.fullmatch(r"Zu .{1,40}:", _body_lines(page)[-1]) for page in pages)


def test_long_letter_has_page_count_and_running_header(tmp_path: Path) -> None:
    """A letter over several pages counts "Seite N von M", shows its running header from page 2 on and
    honours a different first-page margin."""
    doc = _synthetic(points=40)
    ctx = context(doc, extra=_request(context(doc)["points"]))
    layout = json.loads((TEMPLATES / "zulieferung.pdf.json").read_text(encoding="utf-8"))
    layout["page"]["first_margins_mm"] = {"top": 60}
    path = tmp_path / "brief.pdf.json"
    path.write_text(json.dumps(layout, ensure_ascii=False), encoding="utf-8")
    pages = _pages(_render(path, ctx))
    total = len(pages)
    assert total >= 3
    for number, page in enumerate(pages, 1):
        assert f"Seite {number} von {total}" in page
        assert ("Zulieferung zu Drucksache 17/9999" in page) == (number > 1)


def test_reportlab_web_address_pattern_is_compiled_on_first_use() -> None:
    """The one pattern of reportlab's paragraph module that costs 30 ms at import is compiled only
    when a text holding "://" is matched, and matches exactly as reportlab's own; re.compile is
    itself again."""
    import subprocess
    import sys

    code = """
import re
compile_ = re.compile
from core import pdf_render
pdf_render._import_platypus()
import reportlab.platypus.paragraph as p
assert re.compile is compile_
real = re.compile(*p.uri_pat._args)  # its text, without compiling it
for word in ["Förderprogramms", "no uri", "localhost", "www.landtag-bw.de", "a:/b", ""]:
    assert p.uri_pat.match(word) is None and real.match(word) is None, word
assert p.uri_pat._compiled is None, "compiled for a word that cannot be a web address"
for uri in ["https://www.landtag-bw.de/a/b", "ftp://x.y", "HTTP://X.DE", "http://10.0.0.1:8080/x?y=1", "x ://y"]:
    got, want = p.uri_pat.match(uri), real.match(uri)
    assert (got and got.groups()) == (want and want.groups()), uri
assert p.uri_pat._compiled is not None
print(type(p.uri_pat).__name__)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "_PatternOnFirstUse"
