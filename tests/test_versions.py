"""No lost update: answer items and corrected facts carry versions; a save resting on an older one is
refused with what is stored, who changed it and when. Two registers open on one SQLite file stand for
two windows (or two PCs)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pg
import pytest
from conftest import FIXTURES

from core import answers, tracking
from core.services import import_file
from storage.db import StorageError, VersionConflict
from storage.register import Register
from storage.watch import open_feed


@pytest.fixture
def two(register_location: Path | str):
    """Two registers on one file (or one server database), with the motion 17/… and a draft of empty answers."""
    first = Register.open(register_location)
    result = import_file(first, FIXTURES / "bw_antrag_unanswered.txt", who="t")
    assert result.id is not None
    with first.transaction():
        first.save_answer_items(result.id, answers.draft_items(first.get_print(result.id).doc.points), "t")
    # on the server the second window is another person, logged in as herself: the history names her
    second = Register.open(
        pg.login_as(register_location, "beate", "ziffer_clerk") if first.server else register_location
    )
    yield first, second, result.id
    second.close()
    first.close()


def test_a_stale_answer_save_is_refused_with_the_stored_text_who_and_when(two) -> None:
    """The bug of #12: window 2 appends " ZWEI.", window 1 (on the old version) appends " EINS." — refused."""
    first, second, pid = two
    seen = first.get_print(pid).item_versions[0]  # both windows show version `seen`
    with second.transaction():
        second.set_answer_text(pid, 0, "Antwort. ZWEI.", "beate", version=seen)
    with pytest.raises(VersionConflict) as caught, first.transaction():
        first.set_answer_text(pid, 0, "Antwort. EINS.", "anton", version=seen)
    conflict = caught.value
    assert (conflict.what, conflict.stored, conflict.who) == ("answer:1", "Antwort. ZWEI.", "beate")
    assert conflict.version > seen and conflict.expected == seen
    assert conflict.at and conflict.at.startswith(str(date.today().year))
    assert isinstance(conflict, StorageError)  # a caller not ready for conflicts still does not overwrite
    assert first.answer_items(pid)[0].text == "Antwort. ZWEI."


def test_a_current_version_is_accepted_and_gets_a_new_one(two) -> None:
    """A save naming the stored version is written and returns the item's next version."""
    first, second, pid = two
    seen = second.get_print(pid).item_versions[1]
    with first.transaction():
        new = first.set_answer_text(pid, 1, "Zwei.", "anton", version=seen)
    assert new > seen and second.answer_versions(pid)[1] == new
    with second.transaction():
        newer = second.set_answer_text(pid, 1, "Zwei, ergänzt.", "beate", version=new)
    assert newer > new and first.answer_items(pid)[1].text == "Zwei, ergänzt."
    with first.transaction():  # the very text stored: nothing to refuse, the stored version is returned
        assert first.set_answer_text(pid, 1, "Zwei, ergänzt.", "anton", version=seen) == newer


def test_edits_of_different_items_do_not_conflict(two) -> None:
    """Two officers answering different points of one print both keep their text."""
    first, second, pid = two
    versions = first.answer_versions(pid)
    with first.transaction():
        first.set_answer_text(pid, 0, "Eins.", "anton", version=versions[0])
    with second.transaction():
        second.set_answer_text(pid, 2, "Drei.", "beate", version=versions[2])
    assert [i.text for i in first.answer_items(pid)][:3] == ["Eins.", "", "Drei."]


def test_a_rewritten_division_never_repeats_a_version(two) -> None:
    """Combining answers writes the items anew; their versions are new ones, so a window holding the
    old item's version cannot slip its stale text in afterwards."""
    first, second, pid = two
    old = first.answer_versions(pid)
    items = second.answer_items(pid)
    with second.transaction():
        second.save_answer_items(pid, answers.combine(items, 0), "beate", versions=old)
    assert min(second.answer_versions(pid)) > max(old)
    with pytest.raises(VersionConflict), first.transaction():
        first.set_answer_text(pid, 0, "Eins (alt).", "anton", version=old[0])


def test_a_division_resting_on_old_versions_is_refused(two) -> None:
    """Combining or splitting on a stale view of the answer is refused; the stored division stays."""
    first, second, pid = two
    old = first.answer_versions(pid)
    with second.transaction():
        second.set_answer_text(pid, 1, "Zwei.", "beate", version=old[1])
    stale = first.answer_items(pid)
    stale[1].text = ""
    with pytest.raises(VersionConflict) as caught, first.transaction():
        first.save_answer_items(pid, answers.combine(stale, 0), "anton", versions=old)
    assert caught.value.what == "answer items"
    assert [i.text for i in first.answer_items(pid)][1] == "Zwei."


def test_a_stale_fact_is_refused_a_current_one_accepted(two) -> None:
    """Corrected facts carry versions of their own: a stale title is refused (stored title, who, when);
    a different fact corrected meanwhile is no conflict."""
    first, second, pid = two
    _values, seen = first.facts(pid)
    with second.transaction():
        second.update_metadata(pid, {"title": "Titel von Beate"}, "beate", versions={"title": seen["title"]})
    with first.transaction():  # another fact: accepted
        first.update_metadata(
            pid, {"answer_file_number": "AZ 1"}, "anton", versions={"answer_file_number": seen["answer_file_number"]}
        )
    with pytest.raises(VersionConflict) as caught, first.transaction():
        first.update_metadata(pid, {"title": "Titel von Anton"}, "anton", versions={"title": seen["title"]})
    conflict = caught.value
    assert (conflict.what, conflict.stored, conflict.who) == ("title", "Titel von Beate", "beate")
    values, now = second.facts(pid)
    assert values["title"] == "Titel von Beate" and values["answer_file_number"] == "AZ 1"
    assert now["title"] == seen["title"] + 1 and now["answer_file_number"] == seen["answer_file_number"] + 1


def test_workflow_facts_carry_versions(two) -> None:
    """The received date, lead officer and unit (entered in *Angaben*) are versioned too, through the
    tracking services that also compute the deadline."""
    first, second, pid = two
    _values, seen = first.facts(pid)
    with second.transaction():
        tracking.set_received(second, pid, date(2025, 11, 3), "beate", versions={"received": seen["received"]})
        tracking.assign(second, pid, "beate", officer="Beate B.", versions={"lead_officer": seen["lead_officer"]})
    for write in (
        lambda: tracking.set_received(first, pid, date(2025, 11, 4), "anton", versions={"received": seen["received"]}),
        lambda: tracking.assign(first, pid, "anton", unit="Ref. 2", officer="Anton A.", versions=seen),
    ):
        with pytest.raises(VersionConflict), first.transaction():
            write()
    values, _ = first.facts(pid)
    assert (values["received"], values["lead_officer"], values["lead_unit"]) == ("2025-11-03", "Beate B.", None)


def test_the_change_feed_reports_other_sessions_only(two) -> None:
    """Another register's save shows in the feed with who and when; the own register's does not."""
    first, second, pid = two
    feed = open_feed(first.location, first.session)
    try:
        assert feed.poll() == []
        with first.transaction():
            first.set_answer_text(pid, 0, "Eigene Änderung.", "anton")
        assert feed.poll() == []
        with second.transaction():
            second.set_answer_text(pid, 0, "Fremde Änderung.", "beate")
        changes = feed.poll()
        deadline = time.monotonic() + 2  # the server's notification travels on its own: within 2 s
        while not changes and time.monotonic() < deadline:
            time.sleep(0.02)
            changes = feed.poll()
        assert [(c.entity, c.entity_id, c.field, c.who) for c in changes] == [("print", pid, "answer:1", "beate")]
        assert feed.poll() == []
    finally:
        feed.close()


def test_polling_costs_microseconds_while_nothing_changes(two) -> None:
    """The watcher asks every second; a poll with no change must cost next to nothing."""
    first, _second, _pid = two
    feed = open_feed(first.location, first.session)
    try:
        n = 2000
        start = time.perf_counter()
        for _ in range(n):
            feed.poll()
        per_poll = (time.perf_counter() - start) / n
    finally:
        feed.close()
    assert per_poll < 0.001, f"{per_poll * 1e6:.0f} µs per poll"


def test_a_conflict_over_an_imported_answer_item_gives_the_time_it_was_stored(register_location: Path | str) -> None:
    """An answer item stored with its print keeps no time of its own (m013): a save on a wrong version
    of it is refused with the print's time of creation, when the item was stored."""
    with Register.open(register_location) as reg:
        result = import_file(reg, FIXTURES / "bw_kleine_anfrage.txt", who="t")
        assert result.id is not None
        pid = result.id
        assert reg.answer_items(pid)
        stored = reg.db.execute("SELECT updated_at FROM answer_items WHERE print_id = ?", [pid]).fetchall()
        assert stored and all(at == "" for (at,) in stored)
        created = reg.db.execute("SELECT created_at FROM prints WHERE id = ?", [pid]).fetchone()[0]
        seen = reg.get_print(pid).item_versions[0]
        with pytest.raises(VersionConflict) as caught, reg.transaction():
            reg.set_answer_text(pid, 0, "Neu.", "anton", version=seen + 1)
        assert caught.value.at == created and caught.value.who is None
