"""The demo register's documents (resources/demo/) read cleanly with the parser.

`python main.py demo` fills a database with these invented prints and background documents, so a
new user sees a living register at once. Each print must parse to the number in its header, to
the intended kind, with an answer exactly where one was written, with an answer item for every
point and without a single parser warning; each background document must stay "other" with no
points. The set as a whole must keep the citations that make "similar earlier answers" and the
reference links worth showing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.parser import parse_file

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"
PRINTS = DEMO / "prints"
MATERIAL = DEMO / "material"

# file -> (number, kind, answered?)
EXPECTED: dict[str, tuple[str, str, bool]] = {
    "01-radwege-landesstrassen.txt": ("16/6210", "antrag", True),
    "02-unterrichtsversorgung-grundschulen.txt": ("16/7845", "kleine_anfrage", True),
    "03-breitbandfoerderung-laendlicher-raum.txt": ("16/8812", "kleine_anfrage", True),
    "04-hochwasserschutz-starkregen.txt": ("17/1432", "antrag", True),
    "05-radwege-bedarfsplan-umsetzung.txt": ("17/2874", "kleine_anfrage", True),
    "06-massnahmen-lehrkraeftemangel.txt": ("17/4102", "antrag", True),
    "07-ki-landesverwaltung.txt": ("17/5230", "antrag", True),
    "08-grosse-anfrage-nahversorgung.txt": ("17/6288", "grosse_anfrage", True),
    "09-hochwasser-juni-2024.txt": ("17/7316", "kleine_anfrage", True),
    "10-meisterpraemie-handwerk.txt": ("17/7702", "antrag", True),
    "11-bt-gigabitfoerderung-bw.txt": ("20/13520", "kleine_anfrage", True),
    "12-be-quereinstieg-lehrkraefte.txt": ("19/21034", "schriftliche_anfrage", True),
    "13-tourismus-schwarzwald.txt": ("17/8340", "kleine_anfrage", True),
    "14-gigabitfoerderung-stand-2025.txt": ("17/8964", "antrag", True),
    "15-radnetz-luecken-landesstrassen.txt": ("17/9486", "antrag", False),
    "16-unterrichtsversorgung-2025-26.txt": ("17/9541", "kleine_anfrage", False),
    "17-ki-assistent-regierungspraesidien.txt": ("17/9612", "kleine_anfrage", False),
    "18-dorflaeden-nahversorgung.txt": ("17/9655", "antrag", False),
}
# every print is the Landtag of Baden-Württemberg's, except these
PARLIAMENT = {"11-bt-gigabitfoerderung-bw.txt": "BT", "12-be-quereinstieg-lehrkraefte.txt": "BE"}

MATERIAL_FILES = sorted(MATERIAL.glob("*.txt"))

# "Drucksache 17 / 9412", "Drucksache 20/13520", Berlin's "Drucksache 19 / 21 034"
HEADER_NUMBER = re.compile(r"Drucksache\s*(\d{1,2})\s*/\s*(\d{1,3}(?: \d{3})?\d*)")


def _header_number(path: Path) -> str:
    """The print number written in the first line of the file, normalised to "WP/NR"."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = HEADER_NUMBER.search(first)
    assert m, f"{path.name}: no print number in the header line {first!r}"
    return f"{m[1]}/{m[2].replace(' ', '')}"


def test_the_file_list_matches_the_table() -> None:
    on_disk = sorted(p.name for p in PRINTS.glob("*.txt"))
    assert on_disk == sorted(EXPECTED)
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.txt", name) for name in on_disk)
    assert 16 <= len(on_disk) <= 20
    assert 3 <= len(MATERIAL_FILES) <= 4


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_demo_print_reads_cleanly(name: str) -> None:
    path = PRINTS / name
    number, kind, answered = EXPECTED[name]
    doc = parse_file(path)

    assert doc.number is not None
    assert doc.number == _header_number(path) == number
    assert doc.kind == kind
    assert doc.parliament == PARLIAMENT.get(name, "BW")
    assert doc.title
    assert 3 <= len(doc.points) <= 8, [p.label for p in doc.points]
    assert (doc.answer is not None) == answered

    if answered:
        assert doc.answer is not None
        covered = {label for item in doc.answer.items for label in item.points}
        missing = [p.label for p in doc.points if p.label not in covered]
        assert not missing, f"points without an answer item: {missing}"
        assert all(item.text.strip() for item in doc.answer.items)
    else:
        # received and still open: the "Eingegangen" footer gives a date in autumn 2025
        assert doc.received is not None
        assert doc.received.year == 2025 and doc.received.month >= 10

    assert not [w for w in doc.warnings if "no answer for point" in w]
    assert doc.warnings == []


@pytest.mark.parametrize("path", MATERIAL_FILES, ids=lambda p: p.name)
def test_material_is_no_inquiry(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0].strip(), "the first line is the document's title"
    doc = parse_file(path)
    assert doc.kind == "other"
    assert doc.points == []
    assert doc.answer is None or doc.answer.items == []


def test_the_set_cites_itself() -> None:
    """At least 10 citations between prints, 3 of them naming points, and one that stays unresolved."""
    docs = {name: parse_file(PRINTS / name) for name in EXPECTED}
    own = {(PARLIAMENT.get(name, "BW"), number) for name, (number, _, _) in EXPECTED.items()}
    cited = [
        (ref, PARLIAMENT.get(name, "BW") if ref.parliament is None else ref.parliament)
        for name, doc in docs.items()
        for ref in doc.references
        if ref.number is not None
    ]
    assert len(cited) >= 10
    assert sum(1 for ref, _ in cited if ref.points) >= 3
    assert any((parliament, ref.number) not in own for ref, parliament in cited)
    assert sum(1 for ref, parliament in cited if (parliament, ref.number) in own) >= 10
