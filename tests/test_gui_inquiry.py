"""The inquiry view: the answer editor saves as the officer types, undo, combining and splitting,
corrected facts, workflow steps, citations, similar answers and the history (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import ownprints as own
from conftest import FIXTURES, ROOT, sample, type_into

from core.services import import_file, import_files
from storage.register import Register

GUI_FIXTURES = ROOT / "tests" / "fixtures" / "gui"
KI = "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"


@pytest.fixture
def reg(tmp_path: Path):
    r = Register.open(tmp_path / "r.db")
    yield r
    r.close()


def _view(qtbot, reg: Register, print_id: int):
    from gui.inquiry_view import InquiryView

    view = InquiryView(reg, print_id, today=date(2025, 11, 20))
    qtbot.addWidget(view)
    return view


def _open_motion(reg: Register) -> int:
    result = import_file(reg, FIXTURES / "bw_antrag_unanswered.txt", who="t")
    assert result.id is not None
    return result.id


def test_typing_into_an_open_motion_starts_a_draft_and_saves(qtbot, reg: Register) -> None:
    """The first keystroke gives the draft an item per point; the text is in the register after a short pause."""
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    assert view.select_point("2")
    type_into(qtbot, view.editor, "Im Jahr 2024 wurden 412 Anträge gestellt.")
    qtbot.waitUntil(lambda: not view.has_unsaved_text, timeout=3000)
    answer = reg.get_print(pid).doc.answer
    assert answer is not None and answer.draft
    assert [i.points for i in answer.items] == [["1"], ["2"], ["3"], ["4"]]
    assert answer.items[1].text == "Im Jahr 2024 wurden 412 Anträge gestellt."
    assert view.points.item(1).text().startswith("✓")
    assert reg.get_print(pid).status == "eingegangen"


def test_saving_while_typing_goes_on(qtbot, reg: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """Continuous typing is saved at least every MAX_UNSAVED_S, not only after a pause."""
    import gui.inquiry_view as iv

    monkeypatch.setattr(iv, "SAVE_DELAY_MS", 10_000)  # a pause never comes
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view._save_timer.setInterval(10_000)
    view.select_point("1")
    type_into(qtbot, view.editor, "A")
    qtbot.wait(int(iv.MAX_UNSAVED_S * 1000) + 100)
    type_into(qtbot, view.editor, "B")
    assert reg.get_print(pid).doc.answer.items[0].text == "AB"  # type: ignore[union-attr]


def test_undo_and_redo_of_typing_reach_the_register(qtbot, reg: Register) -> None:
    """Ctrl+Z takes the typed words back in the editor and in the register; redo brings them again."""
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.select_point("3")
    type_into(qtbot, view.editor, "Drei Monate.")
    view.save_now()
    assert view.undo_stack.canUndo()
    while view.undo_stack.canUndo():
        view.undo_stack.undo()
    assert view.editor.toPlainText() == ""
    stored = reg.get_print(pid).doc.answer
    assert stored is None or all(not i.text for i in stored.items)
    while view.undo_stack.canRedo():
        view.undo_stack.redo()
    assert view.editor.toPlainText() == "Drei Monate."
    assert reg.get_print(pid).doc.answer.items[2].text == "Drei Monate."  # type: ignore[union-attr]


def test_combine_split_and_undo(qtbot, reg: Register) -> None:
    """ "Zu 3. und 4." combines two answers with both texts; undo restores the division; split divides again."""
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.select_point("3")
    type_into(qtbot, view.editor, "Text drei.")
    view.select_point("4")
    type_into(qtbot, view.editor, "Text vier.")
    view.select_point("3")
    view.combine_current()
    items = reg.get_print(pid).doc.answer.items  # type: ignore[union-attr]
    assert [i.points for i in items] == [["1"], ["2"], ["3", "4"]]
    assert items[2].text == "Text drei.\n\nText vier."
    assert "Zu 3. und 4." in view.answer_heading.text()
    view.undo_stack.undo()
    assert [i.points for i in reg.get_print(pid).doc.answer.items] == [["1"], ["2"], ["3"], ["4"]]  # type: ignore[union-attr]
    view.undo_stack.redo()
    view.select_point("4")
    view.split_current()
    items = reg.get_print(pid).doc.answer.items  # type: ignore[union-attr]
    assert [i.points for i in items] == [["1"], ["2"], ["3"], ["4"]]
    assert [items[2].text, items[3].text] == ["Text drei.", "Text vier."]


def _combined_3_and_4(qtbot, reg: Register):  # type: ignore[no-untyped-def]
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.select_point("3")
    type_into(qtbot, view.editor, "Text drei.")
    view.select_point("4")
    type_into(qtbot, view.editor, "Text vier.")
    view.select_point("3")
    view.combine_button.click()
    return pid, view


def test_split_gives_each_point_its_text_back(qtbot, reg: Register) -> None:
    """ "Antwort aufteilen" after combining 3 and 4 gives 3 and 4 their own texts again, whichever point is shown."""
    pid, view = _combined_3_and_4(qtbot, reg)
    view.select_point("4")
    view.split_button.click()
    items = reg.get_print(pid).doc.answer.items  # type: ignore[union-attr]
    assert [(i.points, i.text) for i in items[2:]] == [(["3"], "Text drei."), (["4"], "Text vier.")]
    assert view.editor.toPlainText() == "Text vier."
    view.select_point("3")
    assert view.editor.toPlainText() == "Text drei."


def test_split_of_an_edited_answer_by_paragraph(qtbot, reg: Register) -> None:
    """A combined answer edited since is split as the officer assigns its paragraphs to the points."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.inquiry_view import SplitDialog

    pid, view = _combined_3_and_4(qtbot, reg)
    view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    type_into(qtbot, view.editor, "Noch zu vier.")
    view.save_now()
    seen = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SplitDialog)
        seen.append([box.currentIndex() for box in dialog.choices])  # the suggestion
        dialog.choices[1].setCurrentIndex(0)  # "Text vier." belongs to 3 after all
        dialog.accept()

    QTimer.singleShot(0, choose)
    assert view.split_current()
    assert seen == [[0, 0, 1]]
    items = reg.get_print(pid).doc.answer.items  # type: ignore[union-attr]
    assert [(i.points, i.text) for i in items[2:]] == [
        (["3"], "Text drei.\n\nText vier."),
        (["4"], "Noch zu vier."),
    ]
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    view.undo_stack.undo()
    assert not view.split_current()  # cancelled: the answer stays combined
    assert [i.points for i in reg.get_print(pid).doc.answer.items][2] == ["3", "4"]  # type: ignore[union-attr]


def test_ctrl_z_in_the_unit_field_undoes(qtbot, reg: Register, tmp_path: Path) -> None:
    """Ctrl+Z with the cursor in the "Referat" field (nothing typed there) undoes the last step, as in the editor."""
    from PySide6.QtCore import Qt

    from gui.main_window import MainWindow

    pid = _open_motion(reg)
    window = MainWindow(reg, today=date(2025, 11, 20), start_services=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.open_print(pid)
    view.select_point("3")
    view.editor.setFocus()
    type_into(qtbot, view.editor, "Drei Monate.")
    view.save_now()
    view.contribution_unit.setFocus()
    qtbot.keyClick(view.contribution_unit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.toPlainText() == ""
    assert not reg.get_print(pid).doc.answer.items[2].text  # type: ignore[union-attr]
    view.editor.setFocus()
    qtbot.keyClick(view.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.toPlainText() == "Drei Monate."
    qtbot.keyClick(view.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.toPlainText() == ""
    view.contribution_unit.setFocus()
    type_into(qtbot, view.contribution_unit, "Ref 12")
    qtbot.keyClick(view.contribution_unit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.contribution_unit.text() == ""  # typing in the field is the field's own to undo
    window.close()


def test_facts_are_corrected_with_undo(qtbot, reg: Register) -> None:
    """File number, consent and receipt are edited in the form; a wrong date is refused; undo reverts."""
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.set_fact("answer_file_number", "IM5-0141.5/12")
    view.set_fact("answer_consent", "Ministerium für Finanzen, Staatsministerium")
    view.set_fact("received", "21.2.2025")
    meta = reg.metadata(pid)
    assert meta["answer_file_number"] == "IM5-0141.5/12"
    assert meta["answer_consent"] == ["Ministerium für Finanzen", "Staatsministerium"]
    assert reg.workflow(pid)["received"] == "2025-02-21" and reg.workflow(pid)["due_date"]
    messages = []
    view.status_message.connect(messages.append)
    view.set_fact("answer_date", "31.02.2025")
    assert reg.metadata(pid)["answer_date"] is None and "kein Datum" in messages[-1]
    view.undo_stack.undo()  # the receipt
    view.undo_stack.undo()  # the consent
    assert reg.metadata(pid)["answer_consent"] == []
    view.set_fact("lead_officer", "Frau Beispiel")
    assert reg.workflow(pid)["status"] == "zugewiesen"


def test_workflow_step_and_refusal(qtbot, reg: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """The status menu offers the next steps; a jump is refused in one German sentence."""
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    assert [a.text() for a in view.status_menu.actions()] == ["→ zugewiesen"]
    assert view.change_status("zugewiesen")
    assert "zugewiesen" in view.status_button.text()
    assert not view.change_status("versandt")
    assert warnings and "nächster Schritt" in warnings[0]


@pytest.mark.parametrize("source", ["own", pytest.param("real", marks=pytest.mark.real_documents)])
def test_follow_the_citation_in_answer_2(qtbot, reg: Register, tmp_path: Path, source: str) -> None:
    """The print cited in answer 2 (17/6120 by our 17/8517, 17/9075 by the KI-Allianz print 17/9321) is
    "not in the register" until imported; then it opens, and shows the citing print as a backlink."""
    if source == "own":
        motion, number, cited, cited_file = own.published_pdf(tmp_path), own.NUMBER, own.CITED, own.cited_print
    else:
        motion, number, cited = sample(KI), "17/9321", "17/9075"

        def cited_file(_: Path) -> Path:
            return GUI_FIXTURES / "bw_antrag_17_9075.txt"

    ki = import_file(reg, motion, who="t").id
    assert ki is not None
    view = _view(qtbot, reg, ki)
    lines = view.citation_items()
    assert any(f"{cited} (Antwort 2)" in line and "nicht im Register" in line for line in lines)
    messages = []
    view.status_message.connect(messages.append)
    assert not view.follow_citation(cited, "Antwort 2")
    assert "nicht im Register" in messages[-1]
    target = import_file(reg, cited_file(tmp_path), who="t").id
    with qtbot.waitSignal(view.open_print) as blocker:
        assert view.follow_citation(cited, "Antwort 2")
    assert blocker.args == [target]
    backlinks = _view(qtbot, reg, target).citation_items()  # type: ignore[arg-type]
    assert any(line.startswith(f"← Drucksache {number}") for line in backlinks)


def test_similar_answer_is_inserted_as_a_quote(qtbot, reg: Register) -> None:
    """Similar earlier answers are listed for the point; one click inserts one, quoted with its source."""
    import_files(reg, [ROOT / "resources" / "demo" / "prints"], who="t")
    open_ids = [r["id"] for r in reg.list_prints(limit=100) if r["status"] != "veröffentlicht" and r["points"]]
    view = None
    for pid in open_ids:
        view = _view(qtbot, reg, pid)
        view.side.setCurrentIndex(1)
        for row in range(view.points.count()):
            view.points.setCurrentRow(row)
            view._load_similar()
            if view.similar_list.currentItem() and view.insert_button.isEnabled():
                break
        if view.insert_button.isEnabled():
            break
    assert view is not None and view.insert_button.isEnabled(), "the demo register offers a similar answer"
    assert view.insert_similar()
    qtbot.waitUntil(lambda: not view.has_unsaved_text, timeout=3000)
    text = view.editor.toPlainText()
    assert text.startswith("[Übernommen aus Drucksache ") or text.startswith("[Aus dem Material")
    assert reg.get_print(view.print_id).doc.answer.items[view._current].text == text  # type: ignore[union-attr, index]


def test_history_shows_a_diff_of_the_answer(qtbot, reg: Register) -> None:
    """The history lists the change of an answer; selecting it shows removed and added words."""
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.select_point("1")
    type_into(qtbot, view.editor, "Rund 40 Prozent.")
    view.save_now()
    view.editor.selectAll()
    type_into(qtbot, view.editor, "Rund 45 Prozent.")
    view.save_now()
    view.side.setCurrentIndex(3)
    texts = [view.history.item(r).text() for r in range(view.history.count())]
    row = next(k for k, t in enumerate(texts) if "Antwort 1 geändert" in t)
    view.history.setCurrentRow(row)
    diff = view.diff.toHtml()
    assert "line-through" in diff and "45" in view.diff.toPlainText()


def test_extension_requested_and_granted(qtbot, reg: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Fristverlängerung needs a later date and a reason; once granted, its date is the deadline."""
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.set_fact("received", "21.2.2025")
    due = reg.workflow(pid)["due_date"]
    view.extension_until.setText("30.04.2025")
    assert not view.request_extension() and "Begründung" in warnings[-1]
    view.extension_reason.setText("Zulieferung des Finanzministeriums steht aus")
    assert view.request_extension()
    assert reg.workflow(pid)["extension_requested"] == "2025-04-30" and view.extension_grant.isEnabled()
    assert view.grant_extension()
    wf = reg.workflow(pid)
    assert wf["due_date"] == "2025-04-30" and wf["original_due"] == due
    assert "verlängert" in view.due_label.text()


def test_internal_deadline_set_by_hand(qtbot, reg: Register) -> None:
    """Internal deadlines are planned back from the due date; one set by hand replaces the planned one."""
    from core import tracking

    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.set_fact("received", "21.2.2025")
    assert view.plan_edits, "a due date gives internal deadlines"
    step = next(iter(view.plan_edits))
    assert view.set_internal_deadline(step, "03.03.2025")
    assert tracking.plan(reg, pid)[step].isoformat() == "2025-03-03"
    assert view.plan_edits[step].text() == "3.3.2025"
    assert not view.set_internal_deadline(step, "kein Datum")


def test_locked_register_keeps_the_text_and_saves_later(qtbot, reg: Register) -> None:
    """When another program holds the register, the text stays in the editor, the officer is told in German,
    and the save succeeds once the register is free again."""
    import sqlite3

    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    reg.db.conn.execute("PRAGMA busy_timeout = 100")
    messages = []
    view.status_message.connect(messages.append)
    view.select_point("1")
    other = sqlite3.connect(reg.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_into(qtbot, view.editor, "Gesperrt getippt.")
        assert not view.save_now()
        assert view.save_label.text() == "Nicht gespeichert!" and view.has_unsaved_text
        assert "anderen Programm" in messages[-1]
        assert view.editor.toPlainText() == "Gesperrt getippt."
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: not view.has_unsaved_text, timeout=6000)
    assert reg.get_print(pid).doc.answer.items[0].text == "Gesperrt getippt."  # type: ignore[union-attr]


def test_combining_is_offered_once_the_draft_begins(qtbot, reg: Register) -> None:
    """The first keystroke of a draft makes "combine with the next answer" available."""
    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.select_point("1")
    assert not view.combine_button.isEnabled()
    type_into(qtbot, view.editor, "x")
    assert view.combine_button.isEnabled() and not view.split_button.isEnabled()


def test_a_citation_typed_into_the_draft_appears_under_verweise(qtbot, reg: Register) -> None:
    """ "… in Drucksache 17/9075 …" typed into answer 2 is listed under Verweise once saved, and goes with the text."""
    from PySide6.QtCore import Qt

    pid = _open_motion(reg)
    view = _view(qtbot, reg, pid)
    view.select_point("2")
    type_into(qtbot, view.editor, "Wie in Drucksache 17/9075 dargestellt.")
    qtbot.waitUntil(lambda: not view.has_unsaved_text, timeout=3000)
    assert "→ Drucksache 17/9075 (Antwort 2) — nicht im Register" in view.citation_items()
    target = import_file(reg, GUI_FIXTURES / "bw_antrag_17_9075.txt", who="t").id
    assert any(
        line.startswith("← Drucksache 17/8530 verweist hierauf (Antwort 2)")
        for line in _view(qtbot, reg, target).citation_items()
    )  # type: ignore[arg-type]
    view.editor.selectAll()
    qtbot.keyClick(view.editor, Qt.Key.Key_Delete)
    view.save_now()
    assert not any("17/9075" in line for line in view.citation_items())


def test_contribution_after_the_deadline_asks_first(qtbot, reg: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """A contribution due after the answer's deadline is entered only once the officer confirms the warning."""
    from PySide6.QtWidgets import QMessageBox

    from core import tracking

    pid = _open_motion(reg)
    with reg.transaction():
        tracking.set_received(reg, pid, date(2025, 8, 8), "t")  # due 29.8.2025
    view = _view(qtbot, reg, pid)
    view.select_point("2")
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    view.contribution_unit.setText("Referat 12")
    view.contribution_due.setText("5.9.2025")
    assert not view.set_contribution()
    assert "Zulieferung zu Ziffer 2 wäre am 05.09.2025 fällig, nach der Frist der Antwort (29.08.2025)" in asked[0]
    assert reg.contributions(pid) == []
    answer = QMessageBox.StandardButton.Yes
    assert view.set_contribution()
    assert [(c["point"], c["due"]) for c in reg.contributions(pid)] == [("2", "2025-09-05")]
    assert "nach der Frist" in view.contribution_state.text()
    view.select_point("3")
    view.contribution_unit.setText("Referat 13")
    view.contribution_due.setText("20.8.2025")
    assert view.set_contribution() and len(asked) == 2  # within the deadline: no question
