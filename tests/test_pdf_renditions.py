"""Every fixture set as a real PDF (running header, page numbers, hyphenated line ends, page
breaks anywhere) parses to the same structure as its text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES
from pdfmaker import make_pdf, wrap
from test_fixture_prints import check

from core.parser import parse_file

HEADERS = {
    "BW": "Landtag von Baden-Württemberg",
    "BE": "Abgeordnetenhaus Berlin",
    "SL": "Landtag des Saarlandes",
    "BT": "Deutscher Bundestag",
    "NI": "Niedersächsischer Landtag",
}
CASES = [
    p
    for p in sorted(FIXTURES.glob("*.expected.json"))
    if "\f" not in p.with_name(p.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8")
]


def _soft_hyphens(line: str) -> str:
    """Let the typesetter break long lower-case words in the middle, as German prints do."""

    def split(m: re.Match[str]) -> str:
        w = m.group(0)
        mid = len(w) // 2
        return w[:mid] + "\u00ad" + w[mid:]

    return re.sub(r"(?<![\w-])[A-ZÄÖÜa-zäöüß][a-zäöüß]{11,}(?![\w-])", split, line)


def render(text: str, path: Path, parliament: str, number: str) -> Path:
    lines: list[str] = []
    for raw in text.replace("\f", "\n").split("\n"):
        if not raw.strip():
            lines.append("")
        else:
            lines.extend(wrap(_soft_hyphens(raw.strip()), width=88))
    pages = [lines[i : i + 46] for i in range(0, len(lines), 46)]
    header = [HEADERS.get(parliament, "Landtag"), f"Drucksache {number.replace('/', ' / ')}"]
    return make_pdf(path, pages, header=header)


@pytest.mark.parametrize("expected_file", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_fixture_as_pdf(expected_file: Path, tmp_path: Path) -> None:
    """The PDF of a fixture gives the fixture's points, answers, references and metadata."""
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    text = expected_file.with_name(expected_file.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8")
    number = expected.get("number") or "17/9999"
    pdf = render(text, tmp_path / "print.pdf", expected.get("parliament") or "BW", number)
    got = parse_file(pdf).to_dict()
    expected["number"] = number
    for key in ("parliament", "received", "published"):
        expected.pop(key, None)  # the rendition's header carries these, not the fixture
    errors = check(expected, got)
    assert not errors, "\n".join(errors)
