"""The history list: German lines for logged changes and word diffs of answer texts."""

from __future__ import annotations

from core.history import describe, field_name, is_text_change, word_diff


def test_field_names_in_german() -> None:
    """Logged field names read as German words."""
    assert field_name("answer:3") == "Antwort 3"
    assert field_name("contribution:2 received") == "Zulieferung zu Ziffer 2 eingegangen"
    assert field_name("lead_officer") == "Bearbeiter/in"


def test_describe_lines() -> None:
    """Each event becomes one line with time, person and change."""
    event = {"at": "2025-11-20T14:03:11", "who": "mueller", "field": "status"}
    event |= {"old": "zugewiesen", "new": "in Bearbeitung"}
    assert describe(event) == "2025-11-20 14:03 · mueller · Status: zugewiesen → in Bearbeitung"
    text = {"at": "2025-11-20T14:05:00", "who": "m", "field": "answer:2", "old": "Alt", "new": "Neu"}
    assert describe(text).endswith("Antwort 2 geändert") and is_text_change(text)


def test_word_diff_marks_changed_words_only() -> None:
    """Only the changed words are marked; joining the kept and new runs gives the new text."""
    old, new = "Die Landesregierung fördert drei Projekte.", "Die Landesregierung fördert vier Projekte."
    runs = word_diff(old, new)
    assert ("-", "drei") in runs and ("+", "vier") in runs
    assert "".join(t for op, t in runs if op != "-") == new
    assert "".join(t for op, t in runs if op != "+") == old
    assert word_diff(None, "neu") == [("+", "neu")]
