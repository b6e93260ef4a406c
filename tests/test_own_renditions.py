"""The renditions a ministry meets — published print as PDF, motion as received as PDF and Word
file — made from a print we wrote (tests/ownprints.py); the real KI-Allianz ones are read in
tests/test_samples.py (group real_documents)."""

from __future__ import annotations

import json
from pathlib import Path

import ownprints as own
import pytest
from test_fixture_prints import check

from core.parser import parse_file


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _expected() -> dict:
    return json.loads(own.ANTRAG.with_name("bw_antrag_combined_answers.expected.json").read_text(encoding="utf-8"))


def test_published_pdf(tmp_path: Path) -> None:
    """The published print as PDF gives number, dates and the same points and answers as the text file."""
    d = parse_file(own.published_pdf(tmp_path)).to_dict()
    expected = _expected()
    del expected["received"]  # the text file has no receipt line, the PDF has (checked below)
    errors = check(expected, d)
    assert not errors, "\n".join(errors)
    assert d["number"] == own.NUMBER
    assert d["submitted"] == own.SUBMITTED.isoformat()
    assert d["received"] == own.RECEIVED.isoformat()
    assert d["published"] == own.PUBLISHED.isoformat()
    text = parse_file(own.ANTRAG).to_dict()
    assert [squash(p["text"]) for p in d["points"]] == [squash(p["text"]) for p in text["points"]]
    assert [squash(i["text"]) for i in d["answer"]["items"]] == [squash(i["text"]) for i in text["answer"]["items"]]


@pytest.mark.parametrize("make", [own.incoming_pdf, own.incoming_docx], ids=["pdf", "docx"])
def test_incoming_motion(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The motion as received (PDF and Word) has its points, originators, faction, Begründung and no answer."""
    d = parse_file(make(tmp_path)).to_dict()
    expected = _expected()
    for key in ("kind", "title", "originators", "factions", "ministry", "points", "reasoning"):
        errors = check({key: expected[key]}, d)
        assert not errors, "\n".join(errors)
    assert d["number"] == own.NUMBER
    assert d["submitted"] == own.SUBMITTED.isoformat()
    assert d["answer"] is None
    assert d["references"] == []
    assert d["warnings"] == []


def test_incoming_docx_header_comes_first(tmp_path: Path) -> None:
    """The Word file's page header (number, term, date) comes first in the text read."""
    from core.documents import read_document

    text = read_document(own.incoming_docx(tmp_path)).text
    assert text.startswith("Landtag von Baden-Württemberg\nDrucksache 17/8517\n17. Wahlperiode\n18.2.2025\n")
