"""A tiny writer of text PDFs for tests: pages of lines in Helvetica, blank lines as gaps.

Real enough for the reader (a text layer with positions, WinAnsi umlauts, page furniture the
test puts in), small enough to need no PDF library beyond what the project already has.
"""

from __future__ import annotations

from pathlib import Path


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


Line = str | tuple[str, str]  # a line, or (line, "small" | "bold" | "italic")


def make_pdf(path: Path, pages: list[list[Line]], *, header: list[str] | None = None, font_size: float = 10) -> Path:
    """Write `pages` (each a list of lines; "" is a paragraph gap) as an A4 PDF.

    `header` lines are set at the top of every page, and the page number at the bottom, as a
    print's running header and footer would be. A line given as (text, style) is set in smaller
    type (the Bundestag's reprinted questions), in bold or in italics.
    """
    objects: list[bytes] = []

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    fonts = [
        add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name)
        for name in (b"Helvetica", b"Helvetica-Bold", b"Helvetica-Oblique")
    ]
    styles = {"": (b"/F1", font_size), "small": (b"/F1", font_size * 0.85), "bold": (b"/F2", font_size)}
    styles["italic"] = (b"/F3", font_size)
    pages_id_placeholder = len(objects) + 1
    add(b"")  # the Pages object, filled in below
    page_ids = []
    leading = font_size * 1.25
    for number, lines in enumerate(pages, 1):
        ops = [b"BT", b"/F1 %.1f Tf" % font_size]
        y = 800.0
        for h in header or []:
            ops.append(b"1 0 0 1 57 %.1f Tm (%s) Tj" % (y, _escape(h)))
            y -= leading
        y -= leading * 2
        for entry in lines:
            line, style = (entry, "") if isinstance(entry, str) else entry
            if line:
                name, size = styles[style]
                ops.append(b"%s %.1f Tf 1 0 0 1 57 %.1f Tm (%s) Tj" % (name, size, y, _escape(line)))
                y -= leading
            else:
                y -= leading * 0.8  # a paragraph gap, wider than the line spacing
        ops.append(b"/F1 %.1f Tf 1 0 0 1 290 30 Tm (%d) Tj" % (font_size, number))
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> >>"
                % (pages_id_placeholder, content, *fonts)
            )
        )
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[pages_id_placeholder - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id_placeholder)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def wrap(text: str, width: int = 90) -> list[str]:
    """Break a paragraph into lines of at most `width` characters, hyphenating long words like a
    typesetter would (only where the test asks for it with a soft hyphen \u00ad)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        parts = word.split("\u00ad")
        if current and len(current) + 1 + len(word.replace("\u00ad", "")) > width and len(parts) > 1:
            head = parts[0]
            if len(current) + 1 + len(head) + 1 <= width:
                lines.append(f"{current} {head}-")
                current = "".join(parts[1:])
                continue
        plain = word.replace("\u00ad", "")
        if current and len(current) + 1 + len(plain) > width:
            lines.append(current)
            current = plain
        else:
            current = f"{current} {plain}".strip()
    if current:
        lines.append(current)
    return lines
