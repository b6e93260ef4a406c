"""The real KI-Allianz documents of ../shared/samples (group real_documents: skipped when they are not there).

The same renditions made from a print of our own are read in tests/test_own_renditions.py."""

from __future__ import annotations

import pytest
from conftest import sample

from core.parser import parse_file

pytestmark = pytest.mark.real_documents

POINT_STARTS = {
    "1": "welche der ursprünglich definierten Ziele",
    "4": "welche konkreten Maßnahmen",
    "8": "wie sich die bisherige und die geplante künftige Finanzierung",
}
ANSWER_STARTS = {
    "1": "Die KI-Allianz Baden-Württemberg versteht sich",
    "2": "Unter dem Dach und der Marke der KI-Allianz BW",
    "7": "Die Landesregierung fördert regionale Kompetenzen",
    "8": "Zur Finanzierung von Projekten",
}


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def check_motion(d: dict) -> None:
    assert d["kind"] == "antrag"
    assert d["title"] == "Strategische Weiterentwicklung der KI-Allianz"
    assert [p["label"] for p in d["points"]] == [str(i) for i in range(1, 9)]
    for label, start in POINT_STARTS.items():
        assert squash(d["points"][int(label) - 1]["text"]).startswith(start)
    assert squash(d["points"][7]["text"]).endswith("institutionelle Förderung vorgesehen ist.")
    assert d["ministry"] == "Ministerium für Wirtschaft, Arbeit und Tourismus"
    assert d["factions"] == ["GRÜNE"]
    assert d["originators"] == ["Alexander Salomon", "Peter Seimer"]
    assert squash(d["reasoning"]).startswith("Die KI-Allianz Baden-Württemberg ist eine Genossenschaft")
    assert squash(d["reasoning"]).endswith("nachhaltig zu sichern.")


def check_answer(d: dict) -> None:
    a = d["answer"]
    assert a["date"] == "2025-09-01"
    assert a["file_number"] == "WM36-43-99/161"
    assert a["consent"] == ["Staatsministerium", "Ministerium für Finanzen"]
    assert a["signatory"] == "Hoffmeister-Kraut"
    assert [i["points"] for i in a["items"]] == [[str(k)] for k in range(1, 9)]
    for label, start in ANSWER_STARTS.items():
        assert squash(a["items"][int(label) - 1]["text"]).startswith(start)
    for item, point in zip(a["items"], d["points"], strict=True):
        text = squash(item["text"])
        assert squash(point["text"])[:40] not in text, "the repeated question is not part of the answer"
        assert not text.startswith("Zu ") or text.startswith("Zur ")
        assert "Ministerin" not in text and "Landtag von Baden-Württemberg" not in text
    refs = [r for r in d["references"] if r["number"] == "17/9075"]
    assert [r["in"] for r in refs] == ["answer:2", "answer:6", "answer:7", "answer:8"]
    assert refs[0]["points"] == ["3", "4"]
    assert "Zu derzeitigen Projekten" in a["items"][6]["text"]


def test_text_sample() -> None:
    """The text rendition of Antrag + Stellungnahme gives the whole structure."""
    d = parse_file(sample("antrag-stellungnahme-ki-allianz-bw.txt")).to_dict()
    check_motion(d)
    check_answer(d)
    assert d["parliament"] == "BW"
    assert any("point 6 is quoted differently" in w for w in d["warnings"])


def test_published_pdf() -> None:
    """The published print as PDF gives number, dates and the same points and answers as the text file."""
    d = parse_file(sample("drucksache-ki-allianz-antrag-und-stellungnahme.pdf")).to_dict()
    check_motion(d)
    check_answer(d)
    assert d["number"] == "17/9321"
    assert d["submitted"] == "2025-08-08"
    assert d["received"] == "2025-08-08"
    assert d["published"] == "2025-09-10"
    text = parse_file(sample("antrag-stellungnahme-ki-allianz-bw.txt")).to_dict()
    assert [squash(p["text"]) for p in d["points"]] == [squash(p["text"]) for p in text["points"]]
    assert [squash(i["text"]) for i in d["answer"]["items"]] == [squash(i["text"]) for i in text["answer"]["items"]]


@pytest.mark.parametrize("name", ["eingang-ki-allianz-antrag.pdf", "eingang-ki-allianz-antrag.docx"])
def test_incoming_motion(name: str) -> None:
    """The motion as received (PDF and Word) has its 8 points, originators, faction and no answer."""
    d = parse_file(sample(name)).to_dict()
    check_motion(d)
    assert d["number"] == "17/9321"
    assert d["submitted"] == "2025-08-08"
    assert d["answer"] is None
    assert d["warnings"] == []


def test_background_material_is_not_an_inquiry() -> None:
    """A committee paper parses without error and is not taken for a motion with an answer."""
    d = parse_file(sample("vorlage-kreistag-ki-allianz.txt")).to_dict()
    assert d["kind"] == "other"
    assert d["answer"] is None
