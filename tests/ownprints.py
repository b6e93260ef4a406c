"""Our own stand-ins for the real KI-Allianz documents of ../shared/samples.

The real samples are one BW motion in the renditions a ministry meets: the text, the published
print as PDF (Antrag with Stellungnahme), and the motion as received as PDF and as Word file.
This module makes the same family from a print we wrote ourselves,
``tests/fixtures/prints/bw_antrag_combined_answers.txt`` (Drucksache 17/8517, five points
answered as "Zu 1. bis 3.:" and "Zu 4. und 5.:", citing 17/3318 and 17/6120 (Ziffer 3)):

- ``ANTRAG``: the text file itself;
- ``published_pdf``: the print as published, with "Eingegangen: … / Ausgegeben: …" on page 1
  and the running header on every page;
- ``incoming_pdf`` / ``incoming_docx``: the motion as received (no Stellungnahme yet), the
  Word file with its number, term and date in the page header;
- ``cited_print``: Drucksache 17/6120, the print cited in answer 2, so citations can resolve.

All values the tests check against are the constants below, read by hand from the fixture.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import FIXTURES
from pdfmaker import make_pdf, wrap

ANTRAG = FIXTURES / "bw_antrag_combined_answers.txt"
NUMBER = "17/8517"
TITLE = "Studienplätze für das Lehramt Grundschule"
MINISTRY = "Ministerium für Wissenschaft, Forschung und Kunst"
SUBMITTED = date(2025, 2, 18)
RECEIVED = date(2025, 2, 19)
PUBLISHED = date(2025, 3, 20)
ANSWER_DATE = date(2025, 3, 11)
FILE_NUMBER = "MWK41-7431.3/29/1"
SIGNATORY = "Schöttle"
OFFICE = "Ministerin für Wissenschaft, Forschung und Kunst"
POINTS = ["1", "2", "3", "4", "5"]
ITEMS = [["1", "2", "3"], ["4", "5"]]
CITED = "17/6120"  # cited in answer 2 with its Ziffer 3
CITED_TITLE = "Kosten zusätzlicher Studienplätze im Lehramt"

_HEAD = ["Landtag von Baden-Württemberg", f"Drucksache {NUMBER.replace('/', ' / ')}"]


def _body() -> str:
    """The fixture without its two header lines (the renditions set their own)."""
    lines = ANTRAG.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("Landtag von Baden-Württemberg") and lines[1].startswith("17. Wahlperiode")
    return "\n".join(lines[2:]).strip("\n")


def _motion_only() -> str:
    """The motion as received: everything before the Stellungnahme."""
    body = _body()
    cut = body.index("\nStellungnahme\n\nMit Schreiben")
    return body[:cut].rstrip("\n")


def _pdf(path: Path, first_page: list[str], body: str) -> Path:
    lines: list[str] = [*first_page, ""]
    for raw in body.split("\n"):
        lines.extend(wrap(raw.strip(), width=88) if raw.strip() else [""])
    pages = [lines[i : i + 44] for i in range(0, len(lines), 44)]
    return make_pdf(path, pages, header=_HEAD)


def published_pdf(folder: Path, name: str = "drucksache-17-8517.pdf") -> Path:
    """The print as published: Antrag and Stellungnahme, received and published dates on page 1."""
    first = [
        f"17. Wahlperiode {_d(SUBMITTED)}",
        f"Eingegangen: {_d(RECEIVED)} / Ausgegeben: {_d(PUBLISHED)}",
    ]
    return _pdf(folder / name, first, _body())


def incoming_pdf(folder: Path, name: str = "eingang-17-8517.pdf") -> Path:
    """The motion as received, as PDF: no Stellungnahme, the receipt date on page 1."""
    first = [f"17. Wahlperiode {_d(SUBMITTED)}", f"Eingegangen: {_d(RECEIVED)}"]
    return _pdf(folder / name, first, _motion_only())


def incoming_docx(folder: Path, name: str = "eingang-17-8517.docx") -> Path:
    """The motion as received, as a Word file: number, term and date in the page header, one
    paragraph per line of the text."""
    import docx

    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = _HEAD[0]
    for line in (f"Drucksache {NUMBER}", "17. Wahlperiode", _d(SUBMITTED)):
        header.add_paragraph(line)
    for block in _motion_only().split("\n\n"):
        for line in block.split("\n"):
            document.add_paragraph(line)
    path = folder / name
    document.save(str(path))
    return path


def cited_print(folder: Path) -> Path:
    """Drucksache 17/6120, the print answer 2 cites, as a text file."""
    path = folder / "drucksache-17-6120.txt"
    path.write_text(
        f"""Landtag von Baden-Württemberg\tDrucksache 17 / 6120
17. Wahlperiode\t9.1.2024

Antrag

der Abg. Jonas Beispiel u. a. SPD

und

Stellungnahme

des Ministeriums für Wissenschaft, Forschung und Kunst

{CITED_TITLE}

Antrag

Der Landtag wolle beschließen,
die Landesregierung zu ersuchen
zu berichten,

1. wie viele Studienplätze im Lehramt es gibt;

2. wie viele davon auf das Lehramt Grundschule entfallen;

3. welche Kosten ein zusätzlicher Studienplatz verursacht.

9.1.2024

Beispiel u. a. SPD

Stellungnahme

Mit Schreiben vom 30. Januar 2024 Nr. MWK41-7431.3/12 nimmt das Ministerium für Wissenschaft, Forschung und Kunst
zu dem Antrag wie folgt Stellung:

1. wie viele Studienplätze im Lehramt es gibt;

Zu 1.:

Es gibt rund 11 000 Studienplätze in den Lehramtsstudiengängen.

2. wie viele davon auf das Lehramt Grundschule entfallen;

Zu 2.:

Auf das Lehramt Grundschule entfallen rund 2 300 Plätze.

3. welche Kosten ein zusätzlicher Studienplatz verursacht.

Zu 3.:

Ein zusätzlicher Studienplatz kostet jährlich rund 9 000 Euro.

Schöttle

Ministerin für Wissenschaft, Forschung und Kunst
""",
        encoding="utf-8",
    )
    return path


def _d(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"
