"""Citations typed into a draft answer count like those of a published answer: found when the draft is
saved, kept current as the text changes, removed when it no longer cites; seen by `refs` and the export
checks (real register files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from core import answers
from core.export import checks, cited_in_register
from core.model import Answer, AnswerItem, Point, PrintDoc, Reference
from core.services import import_file
from storage.register import Register


@pytest.fixture
def register(register_location: Path | str):  # type: ignore[no-untyped-def]
    reg = Register.open(register_location)
    yield reg
    reg.close()


def _draft(register: Register) -> int:
    """The unanswered motion 17/8530 with an empty draft, one item per point."""
    pid = import_file(register, FIXTURES / "bw_antrag_unanswered.txt", who="t").id
    assert pid is not None
    with register.transaction():
        register.save_answer_items(pid, answers.draft_items(register.get_print(pid).doc.points), "t")
    return pid


def _answer_citations(register: Register, pid: int) -> list[tuple[str, str | None, list[str]]]:
    return [(c["in"], c["number"], c["points"]) for c in register.citations_from(pid) if c["in"].startswith("answer")]


def test_a_citation_typed_into_a_draft_is_found_and_follows_the_text(register: Register) -> None:
    """Found when saved, changed with the text, gone when the text no longer cites; backlinks too."""
    pid = _draft(register)
    with register.transaction():
        register.set_answer_text(pid, 1, "Wie in Drucksache 17/9075 zu Ziffer 3 ausgeführt, …", "t")
    assert _answer_citations(register, pid) == [("answer:2", "17/9075", ["3"])]
    assert [(c["number"], c["in"]) for c in register.citations_to("17/9075")] == [("17/8530", "answer:2")]
    with register.transaction():
        register.set_answer_text(pid, 1, "Siehe Drs. 17/9101.", "t")
    assert _answer_citations(register, pid) == [("answer:2", "17/9101", [])]
    assert register.citations_to("17/9075") == []
    with register.transaction():
        register.set_answer_text(pid, 1, "Keine Angaben.", "t")
    assert _answer_citations(register, pid) == []
    # the motion's own citations (in its reasoning) are untouched throughout
    assert {c["number"] for c in register.citations_from(pid)} == {"17/7154", "20/8850"}


def test_draft_citations_move_with_combined_and_split_items(register: Register) -> None:
    """Combining and splitting renumber the items: each citation stays with its text."""
    pid = _draft(register)
    with register.transaction():
        register.set_answer_text(pid, 3, "Vgl. Drucksache 17/9075.", "t")
    items = register.answer_items(pid)
    with register.transaction():
        register.save_answer_items(pid, answers.combine(items, 2), "t")  # "Zu 3. und 4."
    assert _answer_citations(register, pid) == [("answer:3", "17/9075", [])]
    with register.transaction():
        register.save_answer_items(
            pid, answers.split(register.answer_items(pid), 2, ["", "Vgl. Drucksache 17/9075."]), "t"
        )
    assert _answer_citations(register, pid) == [("answer:4", "17/9075", [])]


def test_a_footnote_citation_stays_when_its_answer_is_edited(register: Register) -> None:
    """A citation an imported answer holds only in a footnote is not lost when the officer edits that answer."""
    doc = PrintDoc(
        parliament="BW",
        number="17/1",
        kind="motion",
        title="T",
        points=[Point("1", "Frage eins?"), Point("2", "Frage zwei?")],
        answer=Answer(items=[AnswerItem(["1"], "Eins.¹"), AnswerItem(["2"], "Zwei.")], draft=False),
        references=[Reference("17/500", [], "answer:1")],  # from the footnote "¹ Drs. 17/500"
    )
    with register.transaction():
        pid = register.add_print(doc, fingerprint=None, status="eingegangen", who="t")
        register.set_answer_text(pid, 0, "Eins, wie in Drucksache 17/600.¹", "t")
    assert _answer_citations(register, pid) == [("answer:1", "17/600", []), ("answer:1", "17/500", [])]
    with register.transaction():
        register.save_answer_items(pid, answers.combine(register.answer_items(pid), 0), "t")
    assert {c[1] for c in _answer_citations(register, pid)} == {"17/600", "17/500"}


def test_refs_and_export_checks_see_a_draft_citation(register: Register, tmp_path: Path) -> None:
    """`refs` lists the draft's citation both ways; the export checks name the cited print not in the register."""
    pid = _draft(register)
    with register.transaction():
        register.set_answer_text(pid, 1, "Wie in Drucksache 17/9075 dargestellt.", "t")
    doc = register.get_print(pid).doc
    in_register = cited_in_register(doc, lambda n: register.print_id(n) is not None)
    assert "Die zitierte Drucksache 17/9075 ist nicht im Register." in checks(doc, in_register)
    db = str(register.location)  # the command line, on a file or on the team register
    register.close()

    def refs(number: str) -> dict:  # type: ignore[type-arg]
        r = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "refs", number, "--db", db, "--json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    assert ("17/9075", "answer:2") in {(c["number"], c["in"]) for c in refs("17/8530")["cites"]}
    assert [(c["number"], c["in"]) for c in refs("17/9075")["cited_by"]] == [("17/8530", "answer:2")]
