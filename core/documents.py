"""Reading the text of a document: .txt (UTF-8 or Windows-1252), .docx and .pdf.

The result is raw text: pages separated by form feeds, paragraphs by blank lines where the
format tells us (DOCX paragraphs, vertical gaps in a PDF). Cleaning page furniture and
hyphenation is `core.cleanup`'s job, so a .txt someone extracted from a PDF gets the same
treatment as the PDF itself.
"""

from __future__ import annotations

import codecs
import io
import re
import threading
import unicodedata
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

# control characters no print means (form feed and line breaks are kept: they are pages and lines)
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # and terminal colours

_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # the cheap test first: one a text rarely has
# _CONTROL_CHAR's characters as bytes (all below U+00A0, so Latin-1 keeps them: see _has_control)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
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
    text, controls = _CONTROL.subn("", text) if _has_control(text) else (text, 0)
    if controls:  # a title with an escape sequence broke the XLSX export and the terminal's `list`
        import logging  # here: logging costs every read 3-5 ms to import, and this is rare

        logging.getLogger(__name__).info("%s: %d control characters left out", path, controls)
    if not text.strip():
        raise DocumentError(f"{path}: contains no text.")
    return Document(path=path, text=text, source=kind, pages=pages, styled=styled)


def _has_control(text: str) -> bool:
    """Does the text hold one of _CONTROL_CHAR's characters? Asked of its Latin-1 bytes (what Latin-1
    cannot encode is left out: no control character), which bytes.translate() drops several times
    faster than `re` looks for them character by character (tests/test_documents.py compares them)."""
    raw = text.encode("latin-1", errors="ignore")
    return len(raw.translate(None, _CONTROL_BYTES)) != len(raw)


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
    import zipfile  # here, not at the top: with lzma and bz2 it costs a PDF's or a text's reading 5 ms

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
    import zipfile

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


# PDFium is not thread-safe: whatever calls it (this reader, the export dialog's preview) holds
# this lock, since the app reads imports on a worker thread while the preview may be drawing.
PDFIUM_LOCK = threading.RLock()


def _read_pdf(path: Path, data: bytes) -> tuple[str, int, frozenset[str]]:
    """The text layer of every page, with paragraph breaks recovered from vertical gaps, and the
    lines set in another type than the body text.

    Read with PDFium (the library pypdfium2 ships, bound in core.pdfium), five to eight times faster
    than pypdf was (which re-read every font's character map for every page): the text comes in the
    content stream's order as pypdf's did, except that pieces set one after the other on one baseline
    (a running head's left and right part) make one line, left to right, and a hyphen that ends a
    line stays a hyphen (pypdf put a space before some). Neither pypdf nor PIL nor pypdfium2's own
    Python API is imported to read a PDF."""
    from core.pdfium import ERR_FORMAT, ERR_PASSWORD, ERR_SECURITY, PdfiumError, library

    with PDFIUM_LOCK:
        lib = library()
        pdf = lib.FPDF_LoadMemDocument64(data, len(data), None)  # `data` outlives the document
        if lib.FPDF_GetPageCount(pdf) < 1:  # as pypdfium2 tells a document it cannot open
            code = lib.FPDF_GetLastError()
            if pdf:
                lib.FPDF_CloseDocument(pdf)
            if code == ERR_PASSWORD:
                raise DocumentError(f"{path}: the PDF is password-protected.")
            if code == ERR_SECURITY:
                raise DocumentError(f"{path}: the PDF is encrypted and cannot be opened.")
            reason = "format error" if code == ERR_FORMAT else PdfiumError.__name__
            raise DocumentError(f"{path}: a damaged PDF file ({reason}).")
        try:
            read = [_pdf_page(lib, pdf, index) for index in range(lib.FPDF_GetPageCount(pdf))]
        except PdfiumError as exc:  # a page that cannot be loaded
            raise DocumentError(f"{path}: a damaged PDF file ({type(exc).__name__}).") from exc
        except Exception as exc:  # the user needs one sentence, not a traceback
            raise DocumentError(f"{path}: the PDF cannot be read ({type(exc).__name__}).") from exc
        finally:
            lib.FPDF_CloseDocument(pdf)
    pages = [text for text, _ in read]
    if not any(p.strip() for p in pages):
        raise DocumentError(f"{path}: the PDF has no text layer (a scan?); text recognition is not supported.")
    # the styled lines normalised as the text will be, in one call (no line holds a line break)
    styled = normalise_characters("\n".join(_styled_lines([lines for _, lines in read])))
    keys = frozenset(line_key(t) for t in styled.split("\n")) if styled else frozenset()
    return "\f".join(pages), len(pages), keys


_Style = tuple[float, bool, bool]  # font size (times the text matrix's scale), bold, italic
_Lines = tuple[list[_Style], list[str]]  # a page's lines: the style and the text of each


# PDFium's text breaks a line with CR LF; a line that ends in a hyphen it joins to the next one and
# marks the hyphen U+FFFE (the cleanup decides about hyphens, so the line break is put back)
_PDFIUM_BREAK = re.compile("\r\n|[\r\n\ufffe]")


def _pdf_page(lib, pdf, index: int) -> tuple[str, _Lines]:  # type: ignore[no-untyped-def]
    from core.pdfium import PdfiumError

    page = lib.FPDF_LoadPage(pdf, index)
    if not page:
        raise PdfiumError("Failed to load page.")
    try:
        textpage = lib.FPDFText_LoadPage(page)
        if not textpage:
            raise PdfiumError("Failed to load text page.")
        try:
            return _page_lines(lib, textpage)
        finally:
            lib.FPDFText_ClosePage(textpage)
    finally:
        lib.FPDF_ClosePage(page)


def _page_text(lib, textpage) -> str:  # type: ignore[no-untyped-def]
    """The text of a page as pypdfium2's get_text_range() gives it: from the first character to the
    last that PDFium puts into the text (it leaves out some), decoded from UTF-16."""
    import ctypes

    first, last = 0, lib.FPDFText_CountChars(textpage) - 1
    text_index = lib.FPDFText_GetTextIndexFromCharIndex
    while True:
        if first > last:
            return ""
        start = text_index(textpage, first)
        if start == -1:
            first += 1
            continue
        end = text_index(textpage, last)
        if end == -1:
            last -= 1
            continue
        break
    size = end + 2 - start  # with the closing NUL
    buffer = (ctypes.c_ushort * size)()
    written = lib.FPDFText_GetText(textpage, first, last - first + 1, buffer)
    assert size >= written, f"Buffer too small: {size} vs {written}"
    return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")


def _page_lines(lib, textpage) -> tuple[str, _Lines]:  # type: ignore[no-untyped-def]
    """One page's text, with a blank line where the gap to the previous line is wider than
    usual, and its lines with their type.

    The type of a line is its first glyph's: its font's name and size, and the matrix of its
    text object (whose origin is also the line's height on the page); three calls into PDFium
    a line, not one a character."""
    import ctypes

    from core.pdfium import Matrix

    text = _page_text(lib, textpage)
    matrix, name = Matrix(), ctypes.create_string_buffer(256)
    # every argument but a character's index converted once, not per call (core.pdfium.Library.line_functions)
    page, matrix_at, name_at = ctypes.c_void_p.from_param(textpage), ctypes.byref(matrix), ctypes.byref(name)
    size_of_name = ctypes.c_ulong.from_param(len(name))
    fields = memoryview(matrix).cast("B").cast("f")  # the matrix's six floats, read without ctypes
    get_size, get_matrix, get_font = lib.line_functions
    # a text index is a character index unless PDFium left characters out of the text (rare)
    direct = len(text) == lib.FPDFText_CountChars(textpage)
    known: dict[tuple[float, bytes], _Style] = {}
    ys: list[float] = []
    sizes: list[float] = []
    styles: list[_Style] = []
    texts: list[str] = []
    for first, part in _text_lines(text):
        char = first if direct else _char_index(lib, textpage, text, first)
        size = get_size(page, char) or 10.0
        y, scale = (fields[5], abs(fields[3]) or 1.0) if get_matrix(page, char, matrix_at) else (0.0, 1.0)
        font = name.value if get_font(page, char, name_at, size_of_name, None) else b""
        size *= scale
        style = known.get((size, font))
        if style is None:
            low = font.lower()
            style = known[size, font] = (
                round(size, 1),
                b"bold" in low or b"black" in low,
                b"italic" in low or b"oblique" in low,
            )
        ys.append(y)
        sizes.append(size)
        styles.append(style)
        texts.append(part)
    if not texts:
        return "", ([], [])
    # the line spacing: a low quantile of the gaps, since paragraph gaps are the wider ones
    gaps = [ya - yb for ya, yb, size in zip(ys, ys[1:], sizes, strict=False) if 0 < ya - yb < 3 * size]
    usual = sorted(gaps)[len(gaps) // 4] if gaps else None
    lines = [t.rstrip() for t in texts]
    out = [lines[0]]
    for i in range(1, len(lines)):
        gap = ys[i - 1] - ys[i]
        if (
            usual is None
            or gap <= 0
            or (gap > max(usual * 1.3, usual + 2.0) and gap > sizes[i] * 0.9)
            # a sentence ends and the type changes: a question set in its own type begins or ends
            or (styles[i - 1] != styles[i] and lines[i - 1].endswith(_SENTENCE_END))
        ):
            out.append("")
        out.append(lines[i])
    return "\n".join(out), (styles, texts)


def _text_lines(text: str) -> list[tuple[int, str]]:
    """The lines of PDFium's text that are not blank, each with the position of its first
    character that is not a blank."""
    lines = []
    pos = 0
    for segment in text.split("\r\n"):
        if "\r" in segment or "\n" in segment:  # rare: split it further
            start = 0
            for m in _PDFIUM_BREAK.finditer(segment + "\n"):  # the "\n" ends the last piece
                part = segment[start : m.start()]
                stripped = part.lstrip()
                if stripped:
                    hyphen = "-" if m.group() == "\ufffe" else ""
                    lines.append((pos + start + len(part) - len(stripped), part + hyphen))
                start = m.end()
        elif "\ufffe" in segment:  # lines joined at a hyphen
            pieces = segment.split("\ufffe")
            at = pos
            for k, part in enumerate(pieces):
                stripped = part.lstrip()
                if stripped:
                    lines.append((at + len(part) - len(stripped), part + "-" if k < len(pieces) - 1 else part))
                at += len(part) + 1
        else:
            stripped = segment.lstrip()
            if stripped:
                lines.append((pos + len(segment) - len(stripped), segment))
        pos += len(segment) + 2
    return lines


def _char_index(lib, textpage, text: str, position: int) -> int:  # type: ignore[no-untyped-def]
    """The character index of a position in the page's text (which counts UTF-16 code units)."""
    units = position + sum(1 for c in text[:position] if ord(c) > 0xFFFF)
    return max(lib.FPDFText_GetCharIndexFromTextIndex(textpage, units), 0)


_SENTENCE_END = (".", "?", "!", ":", ")")


def _styled_lines(pages: list[_Lines]) -> list[str]:
    """The lines set apart from the body text: smaller type, or bold or italic where the body
    is not. The body's style is the one with the most characters."""
    weight: dict[_Style, int] = {}
    for styles, texts in pages:
        for style, text in zip(styles, texts, strict=True):
            weight[style] = weight.get(style, 0) + len(text)
    if not weight:
        return []
    size, bold, italic = max(weight, key=lambda k: weight[k])
    # decided once per style, not per line; a print in one type has no line to look at again
    apart = {
        style for style in weight if style[0] < size * 0.93 or (style[1] and not bold) or (style[2] and not italic)
    }
    if not apart:
        return []
    return [text for styles, texts in pages for style, text in zip(styles, texts, strict=True) if style in apart]
