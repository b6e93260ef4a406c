"""DOCX output: the Word templates of templates/ rendered with a draft's context (core/docx_render.py).

The Stellungnahme tests run on two prints: ours (Drucksache 17/8517, the published PDF made from
tests/fixtures/prints/bw_antrag_combined_answers.txt by tests/ownprints.py, five points answered
in two combined items) and the real KI-Allianz print 17/9321 (eight points; group real_documents)."""

from __future__ import annotations

import copy
import importlib.util
import io
import time
import zipfile
from pathlib import Path

import docx
import ownprints as own
import pytest
from conftest import FIXTURES, ROOT, sample

from core.docx_render import TemplateError, render_docx
from core.drafts import context
from core.parser import parse_file

TEMPLATES = ROOT / "templates"
KI_ALLIANZ = "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
REQUEST = {
    "unit": "Referat 36 – Digitalisierung",
    "due_long": "15. September 2025",
    "officer": "Dr. Erika Muster",
    "phone": "0711 123-4567",
    "email": "erika.muster@wm.bwl.de",
    "original_due_long": "29. August 2025",
    "requested_due_long": "12. September 2025",
    "reason": "Die Abstimmung mit dem Staatsministerium und dem Ministerium für Finanzen dauert an.",
}


# --- helpers --------------------------------------------------------------------------------------------


# What each print's Stellungnahme must show, read by hand from the print.
EXPECT = {
    own.NUMBER: {
        "header_number": "Drucksache 17 / 8517",
        "headings": ["Zu 1. bis 3.:", "Zu 4. und 5.:"],
        "file_number": "MWK41-7431.3/29/1",
        "letter": "Mit Schreiben vom 11. März 2025",
        "signature": ["Schöttle", "Ministerin für Wissenschaft, Forschung und Kunst"],
        "quote": "„Land – Schule – Zukunft“",
        "words": ["Studienanfängerinnen", "Pädagogischen Hochschulen", "Maßnahmen", "Fahrtkostenzuschüssen"],
        "title": "Antrag 17/8517: Studienplätze für das Lehramt Grundschule",
        "author": "Ministerium für Wissenschaft, Forschung und Kunst",
        "subject": "Stellungnahme des Ministeriums für Wissenschaft, Forschung und Kunst",
        "skeleton": "Mit Schreiben vom … Nr. … nimmt das Ministerium für Wissenschaft",
    },
    "17/9321": {
        "header_number": "Drucksache 17 / 9321",
        "headings": [f"Zu {n}.:" for n in range(1, 9)],
        "file_number": "WM36-43-99/161",
        "letter": "Mit Schreiben vom 1. September 2025",
        "signature": ["Hoffmeister-Kraut", "Ministerin für Wirtschaft, Arbeit und Tourismus"],
        "quote": "„Mehrere Standorte – ein Konzept“",
        "words": ["Baden-Württembergs", "Künstlicher Intelligenz", "Maßnahmen"],
        "title": "Antrag 17/9321: Strategische Weiterentwicklung der KI-Allianz",
        "author": "Ministerium für Wirtschaft, Arbeit und Tourismus",
        "subject": "Stellungnahme des Ministeriums für Wirtschaft, Arbeit und Tourismus",
        "skeleton": "Mit Schreiben vom … Nr. … nimmt das Ministerium für Wirtschaft",
    },
}


@pytest.fixture(scope="module", params=["own", pytest.param("real", marks=pytest.mark.real_documents)])
def motion(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An Antrag with Stellungnahme: ours (17/8517, from a PDF made of a fixture) or the real KI-Allianz
    print (17/9321, parsed from the shared PDF)."""
    if request.param == "own":
        return parse_file(own.published_pdf(tmp_path_factory.mktemp("own")))
    return parse_file(sample(KI_ALLIANZ))


def _expect(doc) -> dict:  # type: ignore[no-untyped-def]
    return EXPECT[doc.number]


def _render(template: str, ctx: dict) -> docx.document.Document:
    buffer = io.BytesIO()
    render_docx(TEMPLATES / f"{template}.docx", ctx, buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def _paras(document) -> list:
    return [p for p in document.paragraphs if p.text.strip()]


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        for hf in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            parts.extend(p.text for p in hf.paragraphs)
    return "\n".join(parts)


def _header_text(document) -> str:
    section = document.sections[0]
    return "\n".join(p.text for hf in (section.header, section.first_page_header) for p in hf.paragraphs)


def _start(text: str, words: int = 5) -> str:
    return " ".join(text.split()[:words])


def _builder():
    spec = importlib.util.spec_from_file_location("build_docx_templates", TEMPLATES / "build_docx_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _hostile(tmp_path: Path, text: str, name: str = "hostile.docx") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    path = tmp_path / name
    document.save(str(path))
    return path


# --- the Stellungnahme of our print and of the KI-Allianz sample ---------------------------------------


def test_title_and_running_header(motion) -> None:
    """The print title stands in style Title, the header carries the parliament and "Drucksache 17 / 9321"."""
    document = _render("stellungnahme", context(motion))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == [motion.title]
    header = _header_text(document)
    assert _expect(motion)["header_number"] in header
    assert "Landtag von Baden-Württemberg" in header
    assert "17. Wahlperiode" in header  # page 1 only
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml  # page number field


def test_all_questions_quoted_in_italic_style_frage(motion) -> None:
    """All points (8 of the KI-Allianz print) are quoted in style "Frage" (italic), each with its label, in order."""
    document = _render("stellungnahme", context(motion))
    questions = [p for p in document.paragraphs if p.style.name == "Frage"]
    assert len(questions) == len(motion.points) >= 5
    for point, para in zip(motion.points, questions, strict=True):
        assert para.text.startswith(f"{point.label}. {_start(point.text)}")
        assert para.style.font.italic is True
    assert document.styles["Frage"].font.italic is True


def test_answer_headings_in_order_with_their_answers(motion) -> None:
    """ "Zu 1.:" … "Zu 8.:" ("Zu 1. bis 3.:", "Zu 4. und 5.:" in ours) come in order in style Zu-Überschrift,
    each followed by its answer in style Antwort."""
    document = _render("stellungnahme", context(motion))
    paras = _paras(document)
    headings = [(i, p) for i, p in enumerate(paras) if p.style.name == "Zu-Überschrift"]
    assert [p.text for _, p in headings] == _expect(motion)["headings"]
    for (i, _), item in zip(headings, motion.answer.items, strict=True):
        following = paras[i + 1]
        assert following.style.name == "Antwort"
        assert following.text.startswith(_start(item.text))
    style = document.styles["Zu-Überschrift"]
    assert style.font.bold is True and style.paragraph_format.keep_with_next is True


def test_file_number_date_signature_and_typography(motion) -> None:
    """File number, answer date, signatory and office are there; umlauts, „quotes“ and dashes come out intact."""
    e = _expect(motion)
    document = _render("stellungnahme", context(motion))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Nr. {e['file_number']}" in text
    assert e["letter"] in text
    signature = [p.text for p in document.paragraphs if p.style.name == "Signature"]
    assert signature == e["signature"]
    assert e["quote"] in text
    assert all(word in text for word in e["words"])
    assert "Ã" not in text and "�" not in text  # no mojibake


def test_core_properties(motion) -> None:
    """Title, author and subject of the document are set from the print."""
    e = _expect(motion)
    props = _render("stellungnahme", context(motion)).core_properties
    assert props.title == e["title"]
    assert props.author == e["author"]
    assert props.subject == e["subject"]
    assert props.language == "de-DE"


@pytest.mark.parametrize("template", ["stellungnahme", "antwort", "zulieferung", "fristverlaengerung"])
def test_draft_marking_only_for_drafts(motion, template: str) -> None:
    """ "ENTWURF" stands once on every page when draft=True — in the running header, page 1 included, and
    not again in the text (page 1 showed it twice) — and nowhere otherwise."""
    final = _render(template, context(motion, extra={"request": REQUEST}))
    assert "ENTWURF" not in _all_text(final)
    draft = _render(template, context(motion, draft=True, extra={"request": REQUEST}))
    assert not any("ENTWURF" in p.text for p in draft.paragraphs)
    section = draft.sections[0]
    headers = [section.header] + ([section.first_page_header] if section.different_first_page_header_footer else [])
    for header in headers:
        assert [p.text for p in header.paragraphs].count("ENTWURF") == 1


def test_markup_and_ampersand_come_out_literally(motion) -> None:
    """ "<b>", "&" and quotes in a point's text are written as text, never as XML."""
    ctx = context(motion)
    nasty = 'welche <b>Ziele</b> & "Maßnahmen" <w:p> &amp; erreicht wurden;'
    ctx["points"][0]["text"] = nasty
    ctx["answer"]["items"][0]["questions"][0]["text"] = nasty
    ctx["print"]["title"] = "KI & <Allianz>"
    document = _render("stellungnahme", ctx)
    texts = [p.text for p in document.paragraphs]
    assert f"1. {nasty}" in texts  # in the motion (style Punkt) …
    assert next(p.text for p in document.paragraphs if p.style.name == "Frage") == f"1. {nasty}"  # … and quoted
    assert "KI & <Allianz>" in texts
    assert document.core_properties.title.endswith("KI & <Allianz>")


def test_control_characters_are_dropped(motion) -> None:
    """Characters XML cannot hold (a stray form feed, BEL, NUL) do not break the document."""
    ctx = context(motion)
    ctx["answer"]["items"][0]["paragraphs"] = ["Erster\x00 Satz\x07 mit\x0c Steuerzeichen."]
    document = _render("stellungnahme", ctx)
    assert "Erster Satz mit Steuerzeichen." in [p.text for p in document.paragraphs]


def test_context_is_not_changed(motion) -> None:
    """Rendering leaves the caller's context as it was (the PDF renderer may use it next)."""
    ctx = context(motion)
    before = copy.deepcopy(ctx)
    _render("stellungnahme", ctx)
    assert ctx == before


def test_round_trip_through_the_parser(motion, tmp_path: Path) -> None:
    """The exported DOCX, read back by Ziffer's parser, gives the same points and answer items."""
    out = tmp_path / "17-9321_Stellungnahme.docx"
    render_docx(TEMPLATES / "stellungnahme.docx", context(motion), out)
    back = parse_file(out)
    assert back.number == motion.number and back.number in EXPECT and back.kind == "antrag"
    assert back.title == motion.title
    assert [(p.label, p.text) for p in back.points] == [(p.label, p.text) for p in motion.points]
    assert [(i.points, i.text) for i in back.answer.items] == [(i.points, i.text) for i in motion.answer.items]
    assert back.answer.file_number == _expect(motion)["file_number"]
    assert back.answer.signatory == _expect(motion)["signature"][0]
    assert back.answer.consent == motion.answer.consent


def test_render_time_of_the_8_point_stellungnahme(motion) -> None:
    """Rendering the 8-point Stellungnahme (or our 5-point one) takes well under a second."""
    ctx = context(motion)
    best = min(_timed(ctx) for _ in range(3))
    print(f"\nDOCX render of the {len(motion.points)}-point Stellungnahme: {best * 1000:.0f} ms")
    assert best < 0.5


def _timed(ctx: dict) -> float:
    start = time.perf_counter()
    render_docx(TEMPLATES / "stellungnahme.docx", ctx, io.BytesIO())
    return time.perf_counter() - start


# --- the Antwort, the letters ---------------------------------------------------------------------------


def test_antwort_with_combined_heading(tmp_path: Path) -> None:
    """A Kleine Anfrage's Antwort quotes questions 3 and 4 before "Zu 3. und 4.:" and reads back the same."""
    doc = parse_file(FIXTURES / "bw_kleine_anfrage.txt")
    out = tmp_path / "antwort.docx"
    render_docx(TEMPLATES / "antwort.docx", context(doc), out)
    document = docx.Document(str(out))
    paras = _paras(document)
    headings = [p.text for p in paras if p.style.name == "Zu-Überschrift"]
    assert headings == ["Zu 1.:", "Zu 2.:", "Zu 3. und 4.:", "Zu 5.:"]
    i = next(i for i, p in enumerate(paras) if p.text == "Zu 3. und 4.:")
    assert [p.style.name for p in paras[i - 2 : i]] == ["Frage", "Frage"]
    assert paras[i - 2].text.startswith("3. Welche Sanierungsmaßnahmen")
    assert paras[i - 1].text.startswith("4. Mit welchen Kosten")
    assert [p.text for p in paras[i + 1 : i + 3]] == doc.answer.items[2].text.split("\n\n")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "beantwortet das Ministerium für Verkehr die Kleine Anfrage wie folgt:" in text
    assert "Der Landtag wolle beschließen" not in text
    assert "Drucksache" not in _header_text(document)  # the fixture has no number: no empty "Drucksache"
    back = parse_file(out)
    assert [(p.label, p.text) for p in back.points] == [(p.label, p.text) for p in doc.points]
    assert [(i.points, i.text) for i in back.answer.items] == [(i.points, i.text) for i in doc.answer.items]


def test_skeleton_without_answer(motion) -> None:
    """Without an answer the Stellungnahme is a skeleton: every point quoted, its "Zu N.:" and a blank to fill."""
    doc = copy.deepcopy(motion)
    doc.answer = None
    document = _render("stellungnahme", context(doc, draft=True))
    paras = _paras(document)
    assert [p.text for p in paras if p.style.name == "Zu-Überschrift"] == [f"Zu {p.label}.:" for p in doc.points]
    assert sum(p.style.name == "Frage" for p in paras) == len(doc.points) >= 5
    assert any(p.text.startswith(_expect(motion)["skeleton"]) for p in paras)


def test_zulieferung(motion) -> None:
    """The request to a unit quotes its points, names the internal deadline and the officer's contact."""
    ctx = context(motion, extra={"request": {**REQUEST, "points": context(motion)["points"][2:4]}})
    document = _render("zulieferung", ctx)
    text = "\n".join(p.text for p in document.paragraphs)
    questions = [p.text for p in document.paragraphs if p.style.name == "Frage"]
    assert [q.split(" ", 1)[0] for q in questions] == ["3.", "4."]
    assert questions[0].startswith(f"3. {_start(motion.points[2].text)}")
    assert "An: Referat 36 – Digitalisierung" in text
    assert "bis spätestens 15. September 2025:" in text
    assert "Tel. 0711 123-4567" in text and "erika.muster@wm.bwl.de" in text
    assert f"Drucksache {motion.number}" in text and f"„{motion.title}“" in text
    assert document.core_properties.subject == f"Bitte um Zulieferung zu Drucksache {motion.number}"


def test_fristverlaengerung(motion) -> None:
    """The letter to the Landtag names the print, the original and the requested date and the reason."""
    document = _render("fristverlaengerung", context(motion, extra={"request": {**REQUEST, "points": []}}))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Landtag von Baden-Württemberg" in text
    assert f"Drucksache {motion.number}" in text and motion.number in EXPECT
    assert "bis zum 29. August 2025 fällig" in text
    assert "bis zum 12. September 2025 zu verlängern" in text
    assert REQUEST["reason"] in text
    assert f"Az.: {_expect(motion)['file_number']}" in text
    assert document.core_properties.subject == f"Bitte um Fristverlängerung zu Drucksache {motion.number}"


def test_letter_without_request_names_the_missing_key(motion) -> None:
    """A letter template rendered without its "request" fails with a clear TemplateError."""
    expected = r"^Word-Vorlage „zulieferung\.docx“: unbekannter Name .*'request' is undefined"
    with pytest.raises(TemplateError, match=expected):
        _render("zulieferung", context(motion))


# --- templates: styles, sandbox, damage ----------------------------------------------------------------


@pytest.mark.parametrize("template", ["stellungnahme", "antwort", "zulieferung", "fristverlaengerung"])
def test_templates_use_word_styles_on_a4(template: str) -> None:
    """Every template defines the named Word styles, Arial, A4 and German as document language."""
    document = docx.Document(str(TEMPLATES / f"{template}.docx"))
    names = {s.name for s in document.styles}
    assert {"Title", "Heading 2", "Frage", "Zu-Überschrift", "Antwort", "Signature", "Entwurf"} <= names
    assert document.styles["Normal"].font.name == "Arial"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert 'w:val="de-DE"' in document.styles.element.xml


def test_committed_templates_match_the_builder(tmp_path: Path) -> None:
    """templates/*.docx are what templates/build_docx_templates.py makes (rebuild and commit after a change)."""
    for built in _builder().build_all(tmp_path):
        committed = TEMPLATES / built.name
        with zipfile.ZipFile(built) as new, zipfile.ZipFile(committed) as old:
            assert sorted(new.namelist()) == sorted(old.namelist()), built.name
            for part in new.namelist():
                assert new.read(part) == old.read(part), f"{built.name}: {part} differs; run the builder"


HOSTILE = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{{ points.append(1) }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{% extends '/etc/passwd' %}",
    "{{ 'x' * 100000000 }}",
    "{{ 2 ** 100000 }}",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_templates_fail(tmp_path: Path, text: str) -> None:
    """A template reaching for Python internals, files or huge values fails with a one-line TemplateError."""
    path = _hostile(tmp_path, text)
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as info:
        render_docx(path, {"points": [], "print": {}, "draft": False}, out)
    message = str(info.value)
    assert message.startswith("Word-Vorlage „hostile.docx“: ")
    assert any(word in message for word in ("Sandbox", "Dateien", "abgebrochen", "unbekannter Name"))
    assert "\n" not in message
    assert not out.exists()  # nothing written on failure


def test_hostile_header_and_properties(tmp_path: Path) -> None:
    """The sandbox also covers the page header and the document properties."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "{{ ''.__class__.__mro__ }}"
    document.save(str(tmp_path / "header.docx"))
    with pytest.raises(TemplateError, match=r"^Word-Vorlage „header\.docx“: unerlaubter Zugriff"):
        render_docx(tmp_path / "header.docx", {}, io.BytesIO())
    document = docx.Document()
    document.core_properties.subject = "{{ cycler.__init__.__globals__ }}"
    document.save(str(tmp_path / "props.docx"))
    with pytest.raises(TemplateError, match=r"^Word-Vorlage „props\.docx“: unerlaubter Zugriff"):
        render_docx(tmp_path / "props.docx", {}, io.BytesIO())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04 this is no zip", r"^Word-Vorlage „damaged\.docx“: keine lesbare Word-Datei"),
        (b"", r"^Word-Vorlage „damaged\.docx“: keine lesbare Word-Datei"),
        (None, r"^Word-Vorlage „damaged\.docx“ nicht gefunden"),
    ],
)
def test_damaged_or_missing_template(tmp_path: Path, content: bytes | None, expected: str) -> None:
    """A damaged, empty or missing template file gives a TemplateError naming it."""
    path = tmp_path / "damaged.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateError, match=expected):
        render_docx(path, {}, io.BytesIO())


def test_syntax_error_names_the_place(tmp_path: Path) -> None:
    """A Jinja syntax error says so, with the text around it, in one line."""
    path = _hostile(tmp_path, "Zu {{ item.heading }", name="broken.docx")
    expected = r"^Word-Vorlage „broken\.docx“: Syntaxfehler in der Nähe von „.*item\.heading"
    with pytest.raises(TemplateError, match=expected):
        render_docx(path, {}, io.BytesIO())


def test_raw_xml_from_a_template_is_refused(tmp_path: Path) -> None:
    """A template that pushes unescaped text into the XML ("|safe") fails instead of writing a broken file."""
    path = _hostile(tmp_path, "{{ print.title|safe }}", name="safe.docx")
    with pytest.raises(TemplateError, match=r"^Word-Vorlage „safe\.docx“: die Vorlage erzeugt fehlerhaftes Word-XML"):
        render_docx(path, {"print": {"title": "A & B <"}}, io.BytesIO())


def test_missing_keys_render_empty(tmp_path: Path) -> None:
    """A key the context lacks renders as nothing, so a ministry's extra placeholder does not stop an export."""
    path = _hostile(tmp_path, "[{{ print.no_such_key }}]", name="extra.docx")
    out = io.BytesIO()
    render_docx(path, {"print": {}}, out)
    assert docx.Document(io.BytesIO(out.getvalue())).paragraphs[0].text == "[]"
