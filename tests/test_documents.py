"""Reading .txt, .docx and .pdf files, and refusing what cannot be read with one clear sentence."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, sample
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfmaker import make_pdf
from pypdf import PdfWriter

from core.documents import read_document
from core.errors import DocumentError

GERMAN = "Über die Förderung größerer Straßenbäume – „Stadtgrün“ § 5"


def test_utf8_text(tmp_path: Path) -> None:
    """UTF-8 text keeps umlauts, ß, dashes and typographic quotes."""
    p = tmp_path / "a.txt"
    p.write_text(GERMAN, encoding="utf-8")
    assert read_document(p).text == GERMAN


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    """A BOM is dropped and Windows line ends become plain newlines."""
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf" + b"Zeile 1\r\nZeile 2")
    assert read_document(p).text == "Zeile 1\nZeile 2"


def test_windows_1252_text(tmp_path: Path) -> None:
    """Windows-1252 text (as old Word exports write it) is detected and decoded, „quotes“ included."""
    p = tmp_path / "a.txt"
    p.write_bytes(GERMAN.encode("cp1252"))
    assert read_document(p).text == GERMAN


def test_utf16_text(tmp_path: Path) -> None:
    """UTF-16 with a byte-order mark is read."""
    p = tmp_path / "a.txt"
    p.write_bytes(GERMAN.encode("utf-16"))
    assert read_document(p).text == GERMAN


def test_decomposed_umlauts_are_composed(tmp_path: Path) -> None:
    """Umlauts written as base letter + combining mark (common in PDF text) become one character."""
    p = tmp_path / "a.txt"
    p.write_text("Fo\u0308rderung", encoding="utf-8")
    assert read_document(p).text == "Förderung"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "no text"),
        (bytes(range(256)) * 10, "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".doc"),
        (b"{\\rtf1\\ansi hallo}", "RTF"),
    ],
)
def test_unreadable_text_files(tmp_path: Path, content: bytes, message: str) -> None:
    """Empty, binary, old Word and RTF files are refused with a reason."""
    p = tmp_path / "input.txt"
    p.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        read_document(p)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    """A missing file and a folder give clear errors."""
    with pytest.raises(DocumentError, match="not found"):
        read_document(tmp_path / "nope.pdf")
    with pytest.raises(DocumentError, match="folder"):
        read_document(tmp_path)


def test_pdf_with_paragraph_gaps(tmp_path: Path) -> None:
    """A PDF's text layer is read page by page, with blank lines where the gaps between lines are wide."""
    p = make_pdf(tmp_path / "a.pdf", [["Erste Zeile", "zweite Zeile", "", "Neuer Absatz"], ["Seite zwei"]])
    doc = read_document(p)
    assert doc.source == "pdf" and doc.pages == 2
    first, second = doc.text.split("\f")
    assert "Erste Zeile\nzweite Zeile\n\nNeuer Absatz" in first
    assert "Seite zwei" in second


def test_reading_a_pdf_imports_neither_pypdf_nor_pil(tmp_path: Path) -> None:
    """PDF text comes through PDFium alone: pypdf (pure Python, 5-8x slower, now only a test tool),
    Pillow (60 ms to import) and pypdfium2's Python API (30-40 ms to import; core.pdfium binds the
    few functions needed) stay out of a parse, in a fresh interpreter."""
    import subprocess
    import sys

    from conftest import ROOT

    p = make_pdf(tmp_path / "a.pdf", [["Erste Zeile", "", "Neuer Absatz"]])
    code = (
        "import sys; from core.documents import read_document; "
        f"doc = read_document({str(p)!r}); assert 'Neuer Absatz' in doc.text; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pypdf', 'PIL', 'pypdfium2', 'pypdfium2_raw')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("first", ["reader", "pypdfium2"])
def test_reader_and_pypdfium2_share_one_pdfium(tmp_path: Path, first: str) -> None:
    """The reader binds the library file pypdfium2 ships (core.pdfium), and the export preview draws
    with pypdfium2's own API in the same process: whichever comes first, both work on one PDFium,
    initialised once, before and after each other, and the process ends cleanly."""
    import subprocess
    import sys

    from conftest import ROOT

    p = make_pdf(tmp_path / "a.pdf", [["Erste Zeile", "", "Neuer Absatz"], ["Seite zwei"]])
    code = f"""
import os, sys
from core.documents import read_document
from core import pdfium as binding

def read():
    doc = read_document({str(p)!r})
    assert "Neuer Absatz" in doc.text and doc.pages == 2, doc.text

def draw():
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument({str(p)!r})
    bitmap = pdf[0].render(scale=0.5)
    assert bitmap.width > 0
    assert "Erste Zeile" in pdf[0].get_textpage().get_text_range()
    pdf.close()

if {first!r} == "reader":
    read(); assert "pypdfium2" not in sys.modules; draw()
else:
    draw(); read()
read(); draw()
import pypdfium2_raw.bindings
assert os.path.samefile(binding.library().path, pypdfium2_raw.bindings._libs["pdfium"]._name)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok" and not out.stderr.strip()


def test_pdfium_initialised_once(tmp_path: Path) -> None:
    """PDFium is initialised by whoever comes first, the reader or pypdfium2's import; PDFium itself
    returns at once from a second initialisation (the import of pypdfium2 after a read), so a
    document the reader has open meanwhile stays readable."""
    import subprocess
    import sys

    from conftest import ROOT

    p = make_pdf(tmp_path / "a.pdf", [["Zu 1.:", "Die Antwort."]])
    code = f"""
from core.documents import PDFIUM_LOCK, _page_lines
from core.pdfium import library
lib = library()
data = open({str(p)!r}, "rb").read()
with PDFIUM_LOCK:
    pdf = lib.FPDF_LoadMemDocument64(data, len(data), None)
    page = lib.FPDF_LoadPage(pdf, 0)
    import pypdfium2  # initialises again: PDFium ignores it
    textpage = lib.FPDFText_LoadPage(page)
    text, _ = _page_lines(lib, textpage)
    assert "Die Antwort." in text, text
    lib.FPDFText_ClosePage(textpage); lib.FPDF_ClosePage(page); lib.FPDF_CloseDocument(pdf)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_pdfium_library_file_is_pypdfium2s() -> None:
    """core.pdfium finds the library in pypdfium2_raw's folder without importing pypdfium2."""
    import os

    import pypdfium2_raw

    from core.pdfium import library_file

    found = library_file()
    assert found is not None
    assert os.path.dirname(found) == os.path.realpath(os.path.dirname(pypdfium2_raw.__file__))


def test_preview_and_import_share_pdfium_lock(tmp_path: Path) -> None:
    """PDFium is not thread-safe: the preview's rendering waits while an import holds the lock."""
    import threading

    pytest.importorskip("PySide6")
    from core.documents import PDFIUM_LOCK
    from gui.pdf_preview import render_pages

    p = make_pdf(tmp_path / "a.pdf", [["Hallo Welt"]])
    done = threading.Event()
    with PDFIUM_LOCK:
        worker = threading.Thread(target=lambda: (render_pages(p, 200), done.set()))
        worker.start()
        assert not done.wait(0.3)  # held off while the lock is taken
    worker.join(10)
    assert done.is_set()


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    """Content decides, not the extension: a PDF saved as .txt is still read as PDF."""
    p = make_pdf(tmp_path / "a.pdf", [["Hallo Welt"]])
    q = tmp_path / "a.txt"
    q.write_bytes(p.read_bytes())
    assert read_document(q).source == "pdf"


def test_truncated_pdf(tmp_path: Path) -> None:
    """A PDF cut off in the middle is reported as damaged (or read as far as it goes), never a traceback."""
    whole = make_pdf(tmp_path / "a.pdf", [["Hallo Welt"] * 40] * 3).read_bytes()
    for cut in (10, 200, len(whole) // 2, len(whole) - 30):
        p = tmp_path / f"cut{cut}.pdf"
        p.write_bytes(whole[:cut])
        try:
            doc = read_document(p)
        except DocumentError as exc:
            assert str(exc).startswith(str(p))
        else:
            assert doc.text.strip()


def test_not_a_pdf(tmp_path: Path) -> None:
    """A .pdf file that is something else is refused."""
    p = tmp_path / "a.pdf"
    p.write_text("Das ist kein PDF", encoding="utf-8")
    with pytest.raises(DocumentError, match="not a PDF"):
        read_document(p)


def test_password_protected_pdf(tmp_path: Path) -> None:
    """A PDF that needs a password says so."""
    src = make_pdf(tmp_path / "a.pdf", [["Geheim"]])
    writer = PdfWriter(clone_from=src)
    writer.encrypt(user_password="geheim", owner_password="owner", algorithm="AES-128")
    p = tmp_path / "locked.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError, match="password"):
        read_document(p)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    """A scanned PDF (no text layer) is refused with that reason."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    p = tmp_path / "scan.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError, match="no text layer"):
        read_document(p)


def test_docx_paragraphs_header_and_tables(tmp_path: Path) -> None:
    """A Word file gives its page header, paragraphs and table cells in document order."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Landtag von Baden-Württemberg\tDrucksache 17/1234"
    d.add_paragraph("Kleine Anfrage")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1. Wie viele Radwege gibt es?"
    table.cell(0, 1).text = "Es gibt 120 Radwege."
    table.cell(1, 0).text = "2. Wie lang sind sie?"
    table.cell(1, 1).text = "Zusammen 800 km."
    d.add_paragraph("Nach der Tabelle")
    p = tmp_path / "a.docx"
    d.save(str(p))
    text = read_document(p).text
    order = [
        "Landtag von Baden-Württemberg",
        "Drucksache 17/1234",
        "Kleine Anfrage",
        "1. Wie viele Radwege",
        "Es gibt 120 Radwege.",
        "2. Wie lang",
        "Zusammen 800 km.",
        "Nach der Tabelle",
    ]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_damaged_docx(tmp_path: Path) -> None:
    """A .docx that is not a Word package, or a package without a document, is refused."""
    p = tmp_path / "a.docx"
    p.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(DocumentError):
        read_document(p)
    q = tmp_path / "b.docx"
    with zipfile.ZipFile(q, "w") as z:
        z.writestr("hello.txt", "no word here")
    with pytest.raises(DocumentError):
        read_document(q)
    r = tmp_path / "c.docx"
    r.write_text("plain text", encoding="utf-8")
    with pytest.raises(DocumentError, match="not a Word file"):
        read_document(r)


@pytest.mark.real_documents
def test_sample_docx_header() -> None:
    """The sample Word file's page header (number, term, date) comes first."""
    text = read_document(sample("eingang-ki-allianz-antrag.docx")).text
    assert text.startswith("Landtag von Baden-Württemberg\nDrucksache 17/9321")


# --- hostile bytes ------------------------------------------------------------------------------


def _read_or_refuse(path: Path) -> None:
    try:
        doc = read_document(path)
    except DocumentError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert isinstance(doc.text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_pdf_is_read_or_refused(tmp_path: Path, data: st.DataObject) -> None:
    """A PDF with random bytes overwritten is read or refused with a DocumentError, nothing else."""
    base = make_pdf(tmp_path / "base.pdf", [["Zu 1.:", "Antwort mit Umlauten: äöü ß"]] * 3).read_bytes()
    raw = bytearray(base)
    for _ in range(data.draw(st.integers(1, 20))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    p = tmp_path / "mutated.pdf"
    p.write_bytes(bytes(raw))
    _read_or_refuse(p)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".pdf", ".docx", ".bin"]))
def test_random_bytes_are_read_or_refused(tmp_path: Path, payload: bytes, suffix: str) -> None:
    """Random bytes under any extension are read as text or refused with a DocumentError."""
    p = tmp_path / f"random{suffix}"
    p.write_bytes(payload)
    _read_or_refuse(p)


def test_pdf_encrypted_without_user_password_is_read(tmp_path: Path) -> None:
    """A PDF encrypted only to restrict printing or copying (empty user password) opens normally."""
    src = make_pdf(tmp_path / "a.pdf", [["Zu 1.:", "Die Antwort."]])
    writer = PdfWriter(clone_from=src)
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    p = tmp_path / "restricted.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    assert "Die Antwort." in read_document(p).text


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "a.txt"),
        (bytes(range(256)) * 4, "a.bin"),
        (b"%PDF-1.4 kaputt", "a.pdf"),
        (b"plain", "a.docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "a.doc"),
        (b"{\\rtf1 x}", "a.rtf"),
    ],
)
def test_reasons_in_german(tmp_path: Path, content: bytes, name: str) -> None:
    """Every reason the reader gives has a German wording for the app and the inbox's notes."""
    from core.errors import in_german

    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(p)
    reason = str(info.value).removeprefix(f"{p}: ")
    german = in_german(reason)
    assert german != reason
    assert not any(word in german for word in (" the ", " file ", " is ", " not "))


def test_control_characters_are_left_out_at_import(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A title with an escape sequence or a bell character (pasted from a terminal, a broken export)
    is stored without them, and the import says so in the log; pages and lines stay."""
    import logging

    from core.services import import_file
    from storage.register import Register

    text = (FIXTURES / "bw_kleine_anfrage.txt").read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if "Radwege" in line)
    dirty = text.replace(title_line, "\x1b[31m" + title_line + "\x07\x7f", 1)
    path = tmp_path / "dirty.txt"
    path.write_text(dirty, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="core.documents"):
        doc = read_document(path)
    assert not any(ch in doc.text for ch in "\x1b\x07\x7f") and "[31m" not in doc.text
    assert doc.text.count("\n") == text.count("\n") and doc.text.count("\f") == text.count("\f")
    assert "3 control characters left out" in caplog.text
    reg = Register.open(tmp_path / "r.db")
    try:
        stored = reg.get_print(import_file(reg, path, who="t").id).doc
    finally:
        reg.close()
    assert stored.title == title_line.strip()


def test_control_characters_found_as_the_pattern_finds_them() -> None:
    """_has_control, which asks a text's Latin-1 bytes, finds a control character exactly where
    _CONTROL_CHAR does: for every single character, the fixtures and random strings."""
    import random
    import sys

    from conftest import FIXTURES

    from core.documents import _CONTROL_CHAR, _has_control

    for c in map(chr, range(sys.maxunicode + 1)):
        assert _has_control(f"a{c}–") == (_CONTROL_CHAR.search(c) is not None), hex(ord(c))
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    rnd = random.Random(18)
    pieces = [
        "a",
        "ä",
        "\n",
        "\f",
        "\t",
        "\r",
        "\x00",
        "\x1b",
        "\x7f",
        "\x85",
        "\x9f",
        "\xa0",
        "–",
        "„",
        "\ud800",
        "😀",
    ]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        assert _has_control(text) == (_CONTROL_CHAR.search(text) is not None), repr(text)
