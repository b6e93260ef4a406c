"""Drafting an answer: items per point, combined and split, earlier answers quoted; drafts in the register."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from core.answers import (
    by_paragraph,
    combine,
    draft_items,
    item_for_point,
    missing_points,
    paragraphs,
    quoted,
    split,
    suggested_owners,
)
from core.model import AnswerItem, Point
from core.search_query import content_words
from core.services import import_file
from storage.register import Register

POINTS = [Point("1", "Wie viele?"), Point("2", "Seit wann?"), Point("3", "Warum?")]


def test_draft_has_one_empty_item_per_point() -> None:
    """A new draft answers every point once, in order, with no text."""
    items = draft_items(POINTS)
    assert [i.points for i in items] == [["1"], ["2"], ["3"]] and all(i.text == "" for i in items)
    assert item_for_point(items, "2") == 1 and item_for_point(items, "9") is None


def test_combine_and_split_round_trip() -> None:
    """ "Zu 2. und 3." keeps both texts; splitting gives each point its own item again, text on the first."""
    items = [AnswerItem(["1"], "A"), AnswerItem(["2"], "B"), AnswerItem(["3"], "C")]
    joined = combine(items, 1)
    assert [i.points for i in joined] == [["1"], ["2", "3"]] and joined[1].text == "B\n\nC"
    again = split(joined, 1)
    assert [i.points for i in again] == [["1"], ["2"], ["3"]] and [i.text for i in again] == ["A", "B\n\nC", ""]
    assert split(items, 0) == items
    with pytest.raises(IndexError):
        combine(items, 2)


def test_split_by_paragraph() -> None:
    """A combined answer is divided paragraph by paragraph: each paragraph to the point the officer names."""
    text = "Drei.\n\nAuch drei.\n \nVier."
    assert paragraphs(text) == ["Drei.", "Auch drei.", "Vier."]
    assert suggested_owners(3, 2) == [0, 0, 1] and suggested_owners(2, 2) == [0, 1] and suggested_owners(1, 3) == [0]
    texts = by_paragraph(text, [0, 0, 1], 2)
    assert texts == ["Drei.\n\nAuch drei.", "Vier."]
    items = split([AnswerItem(["1"], "A"), AnswerItem(["3", "4"], text)], 1, texts)
    assert [(i.points, i.text) for i in items] == [(["1"], "A"), (["3"], texts[0]), (["4"], "Vier.")]
    with pytest.raises(ValueError):
        by_paragraph(text, [0, 2, 1], 2)
    with pytest.raises(ValueError):
        split([AnswerItem(["3", "4"], text)], 0, ["x"])


def test_missing_points_after_a_point_was_added() -> None:
    """Points that no item covers get an empty item."""
    assert missing_points(POINTS, [AnswerItem(["1", "2"], "x")]) == [AnswerItem(["3"], "")]


def test_quoted_names_its_source() -> None:
    """A quoted earlier answer says which print, point and date it comes from."""
    text = quoted("  Die Landesregierung fördert …  ", "17/9075", "3", "2025-06-02")
    source = "[Übernommen aus Drucksache 17/9075, Antwort zu Ziffer 3 vom 2. Juni 2025:]"
    assert text == source + "\nDie Landesregierung fördert …"
    assert quoted("x", None, "1").startswith("[Übernommen aus einer früheren Antwort, Antwort zu Ziffer 1:]")


@pytest.fixture
def reg(register_location: Path | str):  # type: ignore[no-untyped-def]
    r = Register.open(register_location)
    yield r
    r.close()


def _motion(reg: Register) -> int:
    """An open BW motion without answer (from the fixtures)."""
    for path in sorted(FIXTURES.glob("*.txt")):
        result = import_file(reg, path, who="t")
        if result.what == "print":
            stored = reg.get_print(result.id)  # type: ignore[arg-type]
            if stored.doc.answer is None and len(stored.doc.points) >= 2:
                return stored.id
    pytest.skip("no open motion among the fixtures")


def test_draft_is_stored_but_not_an_answer(reg: Register) -> None:
    """A draft is kept as answer items, searchable, but not published and not offered as similar answer."""
    pid = _motion(reg)
    stored = reg.get_print(pid)
    items = draft_items(stored.doc.points)
    items[0].text = "Zirkonblau ist die Antwort der Landesregierung."
    with reg.transaction():
        reg.save_answer_items(pid, items, "t")
    again = reg.get_print(pid)
    assert again.doc.answer is not None and again.doc.answer.draft
    assert again.doc.answer.items[0].text.startswith("Zirkonblau") and again.edited == set(range(len(items)))
    assert again.status == stored.status
    assert [h.id for h in reg.search(_q("Zirkonblau"), include_material=False)] == [pid]
    assert reg.similar_points(content_words("Zirkonblau"), exclude_print_id=None) == []
    with reg.transaction():
        reg.set_answer_text(pid, 0, "Geändert.", "t")
    assert reg.get_print(pid).doc.answer.items[0].text == "Geändert."  # type: ignore[union-attr]
    assert any(e["field"] == "answer items" for e in reg.events("print", pid))


def test_reimport_of_the_motion_keeps_the_draft(reg: Register) -> None:
    """Importing the motion again neither loses the draft nor marks the inquiry published."""
    pid = _motion(reg)
    items = draft_items(reg.get_print(pid).doc.points)
    items[-1].text = "Entwurfstext"
    with reg.transaction():
        reg.save_answer_items(pid, items, "t")
    for path in sorted(FIXTURES.glob("*.txt")):
        import_file(reg, path, who="t")
    after = reg.get_print(pid)
    assert after.doc.answer is not None and after.doc.answer.items[-1].text == "Entwurfstext"
    assert after.status != "veröffentlicht"


def test_metadata_edits_are_logged_and_indexed(reg: Register) -> None:
    """Number, file number and consent can be corrected; the old values go to the log, search follows."""
    pid = _motion(reg)
    with reg.transaction():
        changed = reg.update_metadata(
            pid, {"number": "17/99999", "answer_file_number": "AZ-1", "answer_consent": ["Finanzministerium"]}, "t"
        )
    assert set(changed) == {"number", "answer_file_number", "answer_consent"}
    meta = reg.metadata(pid)
    assert meta["number"] == "17/99999" and meta["answer_consent"] == ["Finanzministerium"]
    assert reg.get_print(pid).doc.answer.file_number == "AZ-1"  # type: ignore[union-attr]
    assert reg.print_id("17/99999") == pid
    assert [h.id for h in reg.search(_q("17/99999"), include_material=False)] == [pid]
    assert {e["field"] for e in reg.events("print", pid)} >= {"number", "answer_file_number"}
    with pytest.raises(ValueError):
        reg.update_metadata(pid, {"status": "versandt"}, "t")


def _q(text: str):  # type: ignore[no-untyped-def]
    from core.search_query import parse_query

    return parse_query(text)
