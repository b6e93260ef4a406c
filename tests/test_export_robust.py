"""Exports that used to fail (issue 11): a very long title, a damaged template for one format,
a folder that does not exist, control characters in titles; the signers as the print lists them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import sample
from pypdf import PdfReader

import main as cli
from core import export as ex
from core.model import Answer, AnswerItem, Point, PrintDoc

LONG_TITLE = "Sehr langer Titel " + "über Förderprogramme " * 1000  # about 20 KB


def _doc(title: str = "Kurzer Titel") -> PrintDoc:
    return PrintDoc(
        parliament="BW",
        number="17/4711",
        kind="antrag",
        title=title,
        originators=["Alexander Salomon"],
        factions=["GRÜNE"],
        ministry="Ministerium für Wirtschaft, Arbeit und Tourismus",
        points=[Point("1", "ob die Landesregierung plant;")],
        answer=Answer(items=[AnswerItem(["1"], "Ja.")], signatory="Hoffmeister-Kraut"),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A register holding one print with a 20 KB title."""
    from storage.register import Register

    path = str(tmp_path / "r.db")
    with Register.open(path) as register, register.transaction():
        register.add_print(_doc(LONG_TITLE), fingerprint=None, status="eingegangen", who="t")
    return path


# --- item 9: a title over 255 characters ---------------------------------------------------------------


def test_long_title_exports_both_formats(tmp_path: Path) -> None:
    """The DOCX core properties hold a shortened title; the document's text keeps the whole one."""
    results, errors = ex.export_formats(_doc(LONG_TITLE), ["docx", "pdf"], tmp_path)
    assert errors == []
    word = next(r.path for r in results if r.path.suffix == ".docx")
    document = docx.Document(str(word))
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.startswith("Antrag 17/4711: Sehr langer Titel")
    assert any(p.text.strip() == LONG_TITLE.strip() for p in document.paragraphs)
    pdf = next(r.path for r in results if r.path.suffix == ".pdf")
    assert len(PdfReader(str(pdf)).metadata.title) <= 255


def test_one_format_failing_leaves_the_other(tmp_path: Path) -> None:
    """A damaged Word template stops the DOCX only; the PDF is written and the message is short."""
    user = tmp_path / "vorlagen"
    user.mkdir()
    (user / "stellungnahme.docx").write_bytes(b"PK\x03\x04 kaputt")
    out = tmp_path / "out"
    out.mkdir()
    results, errors = ex.export_formats(_doc(LONG_TITLE), ["docx", "pdf"], out, user_dir=user)
    assert [r.path.suffix for r in results] == [".pdf"]
    assert len(errors) == 1 and errors[0].startswith("DOCX: Word-Vorlage „stellungnahme.docx“")
    assert sorted(p.name for p in out.iterdir()) == ["17-4711_Stellungnahme.pdf"]


def test_cli_long_title_writes_both_files(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export` of a print with a 20 KB title writes DOCX and PDF; nothing prints the title whole."""
    out = tmp_path / "out"
    out.mkdir()
    assert cli.main(["export", "17/4711", "--out", str(out), "--db", db]) == 0
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["17-4711_Stellungnahme.docx", "17-4711_Stellungnahme.pdf"]
    assert len(captured.err) < 2000


def test_error_messages_stay_short(tmp_path: Path) -> None:
    """A message about a template never carries a huge text, even when the template error quotes one."""
    document = docx.Document()
    document.add_paragraph("{{ print.title|safe }}")  # unescaped: broken XML quoting the title
    user = tmp_path / "vorlagen"
    user.mkdir()
    document.save(str(user / "stellungnahme.docx"))
    with pytest.raises(ex.ExportError) as info:
        ex.export(_doc("<" + LONG_TITLE), "docx", tmp_path, user_dir=user)
    assert len(str(info.value)) <= ex.MAX_MESSAGE and "\n" not in str(info.value)


# --- item 19: a folder that does not exist -----------------------------------------------------------


def test_cli_creates_a_missing_folder(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --out NEW/FOLDER` creates the folder, says so, and writes both files into it."""
    out = tmp_path / "Dokumente" / "Entwürfe"
    assert cli.main(["export", "17/4711", "--out", str(out), "--db", db]) == 0
    assert f"Ordner angelegt: {out}" in capsys.readouterr().err
    assert len(list(out.iterdir())) == 2


def test_cli_folder_that_cannot_be_made(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder below a file cannot be created: one German line, exit status 2, no traceback."""
    (tmp_path / "datei").write_text("x")
    assert cli.main(["export", "17/4711", "--out", str(tmp_path / "datei" / "neu"), "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ziffer: Der Ordner ") and "kann nicht angelegt werden" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_default_folder_exists(tmp_path: Path) -> None:
    """The dialog's default is the first folder that exists: the remembered one, Documents, else home."""
    missing = tmp_path / "Documents"
    assert ex.existing_folder(None, missing, tmp_path) == tmp_path
    assert ex.existing_folder("", missing) == Path.home()
    missing.mkdir()
    assert ex.existing_folder(str(tmp_path / "weg"), missing) == missing


# --- item 11: the signers ----------------------------------------------------------------------------

SIGNERS = "Salomon, Seimer, Häusler, Hentschel, Herken, Höh, Niemann, Tok GRÜNE"


@pytest.mark.real_documents
@pytest.mark.parametrize(
    "name", ["antrag-stellungnahme-ki-allianz-bw.txt", "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"]
)
def test_signers_as_the_print_lists_them(tmp_path: Path, name: str) -> None:
    """The KI-Allianz print is signed by eight members; PDF and DOCX print all eight, as the print does."""
    from core.parser import parse_file

    doc = parse_file(sample(name))
    assert doc.signers == ["Salomon", "Seimer", "Häusler", "Hentschel", "Herken", "Höh", "Niemann", "Tok"]
    results, errors = ex.export_formats(doc, ["docx", "pdf"], tmp_path)
    assert errors == []
    for r in results:
        if r.path.suffix == ".docx":
            text = "\n".join(p.text for p in docx.Document(str(r.path)).paragraphs)
        else:
            text = "\n".join(page.extract_text() for page in PdfReader(str(r.path)).pages)
        assert SIGNERS in " ".join(text.split()), r.path.name


def test_signers_kept_in_the_register(tmp_path: Path) -> None:
    """A print imported into the register keeps all its signers: the Stellungnahme exported from the
    register lists the six names under the motion, not "Albrecht u. a.". Our own fixture."""
    from conftest import FIXTURES

    from core.services import import_file
    from storage.register import Register

    reg = Register.open(tmp_path / "r.db")
    try:
        pid = import_file(reg, FIXTURES / "bw_antrag_roman_sections.txt", who="t").id
        doc = reg.get_print(pid).doc
    finally:
        reg.close()
    assert doc.signers == ["Albrecht", "Kerner", "Dr. Ostertag", "Haller", "Schwendemann", "Vogt"]
    result = ex.export(doc, "docx", tmp_path)
    text = " ".join(" ".join(p.text for p in docx.Document(str(result.path)).paragraphs).split())
    assert "Albrecht, Kerner, Dr. Ostertag, Haller, Schwendemann, Vogt CDU" in text


def test_signers_without_a_signers_line() -> None:
    """Without the line under the motion the names of the head stand there, with "u. a." for a motion, in
    both formats alike."""
    from core.drafts import context

    ctx = context(_doc())
    assert ctx["print"]["signers_line"] == "Salomon u. a. GRÜNE"


# --- item 12: the DOCX as the print ------------------------------------------------------------------


def test_docx_opener_on_three_lines(tmp_path: Path) -> None:
    """The motion's opener stands on three lines in one paragraph, as printed, before the points and
    again before the answers; the draft mark is not in the text."""
    result = ex.export(_doc(), "docx", tmp_path, draft=True)
    texts = [p.text for p in docx.Document(str(result.path)).paragraphs]
    opener = "Der Landtag wolle beschließen,\ndie Landesregierung zu ersuchen\nzu berichten,"
    assert texts.count(opener) == 2
    assert not any("ENTWURF" in t for t in texts)


# --- item 10: control characters in titles -----------------------------------------------------------

NASTY = "Radwege\x1b[31m im \x07Land\x0b und\tStadt\x00"


def _rows() -> list:
    from datetime import date

    from core.tracking import DeadlineRow

    return [
        DeadlineRow(
            f"17/{k}",
            NASTY,
            "antrag",
            "eingegangen",
            date(2025, 9, k),
            k,
            "später",
            "Frau\x1bKlein",
            "KM\x013",
            "Ministerium",
            None,
            k,
        )
        for k in range(1, 4)
    ]


def test_deadline_exports_without_control_characters(tmp_path: Path) -> None:
    """XLSX (which refused the whole file), CSV and iCalendar carry the title without control characters."""
    from icalendar import Calendar
    from openpyxl import load_workbook

    from core import tracking

    rows = _rows()
    tracking.to_xlsx(rows, tmp_path / "f.xlsx")
    values = list(load_workbook(tmp_path / "f.xlsx").active.iter_rows(values_only=True))
    assert [v[1] for v in values[1:]] == ["Radwege[31m im Land und Stadt"] * 3
    assert values[1][7] == "FrauKlein" and values[1][8] == "KM3"
    assert "\x1b" not in tracking.to_csv(rows) and "\x07" not in tracking.to_csv(rows)
    summaries = [str(e["summary"]) for e in Calendar.from_ical(tracking.to_ical(rows)).walk("VEVENT")]
    assert summaries and all("\x1b" not in s and "\x07" not in s for s in summaries)


def test_docx_and_pdf_without_control_characters(tmp_path: Path) -> None:
    """The Stellungnahme's title and metadata hold no control characters either."""
    results, errors = ex.export_formats(_doc(NASTY), ["docx", "pdf"], tmp_path)
    assert errors == []
    word = docx.Document(str(next(r.path for r in results if r.path.suffix == ".docx")))
    assert "\x1b" not in word.core_properties.title
    pdf = PdfReader(str(next(r.path for r in results if r.path.suffix == ".pdf")))
    assert "\x1b" not in pdf.metadata.title and "\x07" not in pdf.metadata.title


def test_list_prints_no_escape_sequences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`list` shows the title without the escape sequence a terminal would run."""
    from storage.register import Register

    path = str(tmp_path / "r.db")
    with Register.open(path) as register, register.transaction():
        register.add_print(_doc(NASTY), fingerprint=None, status="eingegangen", who="t")
    assert cli.main(["list", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "Radwege[31m im Land und Stadt" in out
    assert not any(ch in out for ch in "\x1b\x07\x0b\x00\t")


# --- item 12: the XLSX prints on one page's width ------------------------------------------------------


def test_xlsx_print_setup(tmp_path: Path) -> None:
    """Landscape A4, fit to the page's width (any number of pages down), the header row on every page."""
    from openpyxl import load_workbook

    from core import tracking

    tracking.to_xlsx(_rows(), tmp_path / "f.xlsx")
    ws = load_workbook(tmp_path / "f.xlsx").active
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"
