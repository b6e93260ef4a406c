"""Reading the text of a document: .txt (UTF-8 or Windows-1252), .docx and .pdf.

The result is raw text: pages separated by form feeds, paragraphs by blank lines where the
format tells us (DOCX paragraphs, vertical gaps in a PDF). Cleaning page furniture and
hyphenation is `core.cleanup`'s job, so a .txt someone extracted from a PDF gets the same
treatment as the PDF itself.
"""

from __future__ import annotations

import codecs
import io
import itertools
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from core.errors import DocumentError

MAX_BYTES = 200 * 1024 * 1024  # a print is a few MB at most; this guards against a wrong file
# A DOCX is a zip: what it unpacks to is checked before python-docx (which unpacks and parses every
# XML part in memory) sees it, so a small file cannot demand gigabytes (a "zip bomb").
DOCX_MAX_XML = 64 * 1024 * 1024  # all XML parts unpacked; a 500-page Word print has a few MB
DOCX_MAX_UNPACKED = MAX_BYTES  # everything unpacked, pictures included
DOCX_MAX_RATIO = 100  # real XML deflates 5 to 20 times; repeated bytes 1,000 times
DOCX_MAX_MEMBERS = 10_000

log = logging.getLogger(__name__)

# control characters no print means (form feed and line breaks are kept: they are pages and lines)
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # and terminal colours

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


@dataclass
class Document:
    """The text of one file and where it came from."""

    path: Path
    text: str
    source: str  # "txt", "docx" or "pdf"
    pages: int  # pages in a PDF; form-feed pages in a text; 1 for DOCX (Word paginates itself)
    # lines a PDF sets apart from its body text by type (smaller, bold or italic), by line_key:
    # the Bundestag prints the reprinted questions in smaller type, several Landtage in bold
    styled: frozenset[str] = frozenset()


def line_key(text: str) -> str:
    """What identifies a line of a PDF in the cleaned paragraph that starts with it."""
    return " ".join(text.split())[:_KEY_LENGTH].rstrip("-")


_KEY_LENGTH = 25


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read a .txt, .docx or .pdf file (or its bytes, already read); raise DocumentError with a
    one-sentence reason otherwise."""
    path = Path(path)
    if data is not None:
        if not data:
            raise DocumentError(f"{path}: the file is empty.")
        return _from_bytes(path, data)
    try:
        if not path.exists():
            raise DocumentError(f"{path}: file not found.")
        if path.is_dir():
            raise DocumentError(f"{path}: is a folder, not a file.")
        size = path.stat().st_size
        if size == 0:
            raise DocumentError(f"{path}: the file is empty.")
        if size > MAX_BYTES:
            raise DocumentError(f"{path}: the file is {size // 2**20} MB, too large for a print.")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    return _from_bytes(path, data)


def _from_bytes(path: Path, data: bytes) -> Document:
    kind = _sniff(path, data)
    styled: frozenset[str] = frozenset()
    if kind == "pdf":
        text, pages, styled = _read_pdf(path, data)
    elif kind == "docx":
        text, pages = _read_docx(path, data), 1
    else:
        text = _decode_text(path, data)
        pages = text.count("\f") + 1
    text = normalise_characters(text)
    text, controls = _CONTROL.subn("", text)
    if controls:  # a title with an escape sequence broke the XLSX export and the terminal's `list`
        log.info("%s: %d control characters left out", path, controls)
    if not text.strip():
        raise DocumentError(f"{path}: contains no text.")
    return Document(path=path, text=text, source=kind, pages=pages, styled=styled)


def normalise_characters(text: str) -> str:
    """Unicode NFC, Unix newlines, no soft hyphens, no ligatures, plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if any(c in text for c in "ﬀﬁﬂﬃﬄﬅﬆ"):  # translate() is slow on long non-ASCII text
        text = text.translate(_LIGATURES)
    return unicodedata.normalize("NFC", text)


def _sniff(path: Path, data: bytes) -> str:
    """Decide by content first (a PDF named .txt is still a PDF), then by extension."""
    suffix = path.suffix.lower()
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        if suffix in (".odt", ".xlsx", ".pptx", ".zip"):
            raise DocumentError(f"{path}: {suffix} files are not supported; save it as .docx, .pdf or .txt.")
        return "docx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentError(f"{path}: an old Word (.doc) file; please save it as .docx or .pdf.")
    if suffix == ".pdf":
        raise DocumentError(f"{path}: not a PDF file (it does not start with %PDF); it may be damaged.")
    if suffix == ".docx":
        raise DocumentError(f"{path}: not a Word file (no DOCX package); it may be damaged.")
    if data[:5] == b"{\\rtf":
        raise DocumentError(f"{path}: RTF files are not supported; save it as .docx, .pdf or .txt.")
    return "txt"


def _decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{path}: damaged UTF-16 text.") from exc
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise DocumentError(f"{path}: a binary file, not text, PDF or Word.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Windows-1252 leaves five bytes undefined; Latin-1 maps them rather than failing.
    return data.decode("cp1252", errors="ziffer-latin1")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("ziffer-latin1", _latin1_fallback)


# --- DOCX -----------------------------------------------------------------------------------


def _check_docx_package(path: Path, data: bytes) -> None:
    """Refuse a package that unpacks to far more than a print (a zip bomb) before anything is unpacked.

    The sizes checked are the ones the zip's directory declares; they bind, since zipfile stops
    reading a member at its declared size (a member that holds more fails its checksum or comes out
    cut, which python-docx reports as damaged)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(f"{path}: a damaged Word file ({type(exc).__name__}).") from exc
    if len(members) > DOCX_MAX_MEMBERS:
        raise DocumentError(f"{path}: the Word file unpacks to too much for a print ({len(members)} parts).")
    xml = total = 0
    for member in members:
        size = member.file_size
        total += size
        if member.filename.lower().endswith((".xml", ".rels")):
            xml += size
        ratio = size / max(member.compress_size, 1)
        if size > 2**20 and ratio > DOCX_MAX_RATIO:
            raise DocumentError(
                f"{path}: the Word file unpacks to too much for a print "
                f"({member.filename} is {ratio:.0f} times its packed size)."
            )
    if xml > DOCX_MAX_XML or total > DOCX_MAX_UNPACKED:
        raise DocumentError(f"{path}: the Word file unpacks to too much for a print ({max(xml, total) // 2**20} MB).")


def _read_docx(path: Path, data: bytes) -> str:
    """Header of the first section, then body paragraphs and table cells in document order."""
    _check_docx_package(path, data)
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{path}: a damaged Word file ({type(exc).__name__}).") from exc
    except Exception as exc:  # lxml and python-docx raise a zoo of types on broken XML
        raise DocumentError(f"{path}: the Word file cannot be read ({type(exc).__name__}).") from exc

    blocks: list[str] = []
    try:
        if document.sections:
            header = document.sections[0].header
            if not header.is_linked_to_previous or header.paragraphs:
                for para in header.paragraphs:
                    blocks.extend(line for line in para.text.replace("\t", "\n").split("\n") if line.strip())
                for table in header.tables:
                    for row in table.rows:
                        for cell in row.cells:
                            blocks.extend(p.text for p in cell.paragraphs if p.text.strip())
        if blocks:
            blocks = ["\n".join(blocks)]  # the page header as one block at the page top
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                blocks.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        blocks.extend(p.text for p in cell.paragraphs)
    except Exception as exc:  # broken XML inside a valid package
        raise DocumentError(f"{path}: the Word file cannot be read ({type(exc).__name__}).") from exc
    return "\n\n".join(b.replace("\v", "\n") for b in blocks)


# --- PDF ------------------------------------------------------------------------------------


def _read_pdf(path: Path, data: bytes) -> tuple[str, int, frozenset[str]]:
    """The text layer of every page, with paragraph breaks recovered from vertical gaps, and the
    lines set in another type than the body text."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged-but-readable PDFs chatter
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise DocumentError(f"{path}: the PDF is encrypted and cannot be opened.") from exc
            if not ok:
                raise DocumentError(f"{path}: the PDF is password-protected.")
        read = [_pdf_page_lines(page) for page in reader.pages]
    except DocumentError:
        raise
    except FileNotDecryptedError as exc:
        raise DocumentError(f"{path}: the PDF is password-protected.") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise DocumentError(f"{path}: a damaged PDF file ({type(exc).__name__}).") from exc
    except RecursionError as exc:
        raise DocumentError(f"{path}: a damaged PDF file (nested too deeply).") from exc
    except Exception as exc:  # pypdf's failure modes are many; the user needs one sentence
        raise DocumentError(f"{path}: the PDF cannot be read ({type(exc).__name__}).") from exc
    pages = [text for text, _ in read]
    if not any(p.strip() for p in pages):
        raise DocumentError(f"{path}: the PDF has no text layer (a scan?); text recognition is not supported.")
    styled = _styled_lines([line for _, lines in read for line in lines])
    return "\f".join(pages), len(pages), frozenset(line_key(normalise_characters(t)) for t in styled)


@dataclass
class _Line:
    y: float | None  # of the first glyph run
    size: float = 0.0  # font size times the text matrix's scale
    font: str = ""  # the first glyph run's font name ("Helvetica-Bold")
    text: str = ""


def _pdf_page_lines(page) -> tuple[str, list[_Line]]:  # type: ignore[no-untyped-def]
    """One page's text, with a blank line where the gap to the previous line is wider than
    usual, and its lines with their type."""
    lines: list[_Line] = [_Line(None)]

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        parts = text.split("\n")
        for i, part in enumerate(parts):
            current = lines[-1]
            if part.strip() and current.y is None:
                current.y, current.size, current.font = y, (size or 10.0) * scale, _font_name(font)
            current.text += part
            if i < len(parts) - 1:
                lines.append(_Line(None))

    plain = page.extract_text(visitor_text=visit)
    found = [ln for ln in lines if ln.text.strip()]
    ys = [ln.y for ln in found if ln.y is not None]
    if not found or len(ys) < len(found):
        return plain or "", []
    gaps = [ya - yb for (ya, yb), a in zip(itertools.pairwise(ys), found, strict=False) if 0 < ya - yb < 3 * a.size]
    # the line spacing: a low quantile of the gaps, since paragraph gaps are the wider ones
    usual = sorted(gaps)[len(gaps) // 4] if gaps else None
    out: list[str] = []
    for i, ln in enumerate(found):
        if i:
            gap = ys[i - 1] - ys[i]
            wide = usual is None or gap <= 0 or (gap > max(usual * 1.3, usual + 2.0) and gap > ln.size * 0.9)
            # a sentence ends and the type changes: a question set in its own type begins or ends
            retyped = _style(found[i - 1]) != _style(ln) and found[i - 1].text.rstrip().endswith(_SENTENCE_END)
            if wide or retyped:
                out.append("")
        out.append(ln.text.rstrip())
    return "\n".join(out), found


_SENTENCE_END = (".", "?", "!", ":", ")")


def _font_name(font: object) -> str:
    try:
        return str(font.get("/BaseFont", "")) if font is not None else ""  # type: ignore[attr-defined]
    except Exception:  # a damaged font dictionary: no type to tell
        return ""


def _style(line: _Line) -> tuple[float, bool, bool]:
    name = line.font.lower()
    return round(line.size, 1), "bold" in name or "black" in name, "italic" in name or "oblique" in name


def _styled_lines(lines: list[_Line]) -> list[str]:
    """The lines set apart from the body text: smaller type, or bold or italic where the body
    is not. The body's style is the one with the most characters."""
    weight: dict[tuple[float, bool, bool], int] = {}
    for ln in lines:
        style = _style(ln)
        weight[style] = weight.get(style, 0) + len(ln.text)
    if not weight:
        return []
    size, bold, italic = max(weight, key=lambda k: weight[k])
    apart = []
    for ln in lines:
        s, b, i = _style(ln)
        if s < size * 0.93 or (b and not bold) or (i and not italic):
            apart.append(ln.text)
    return apart
