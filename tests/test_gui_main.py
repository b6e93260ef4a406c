"""The whole window as the officer uses it: drop a published print, answer its last point, close and reopen;
follow a citation; export a PDF from the dialog; filter by "überfällig"; menus, about, first start.

The print is ours (17/8517, tests/ownprints.py) and, in the group real_documents, the KI-Allianz print."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import ownprints as own
from conftest import ROOT, sample, type_into

from core.services import import_file, import_files
from storage.register import Register

KI = "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
DEMO = ROOT / "resources" / "demo" / "prints"
TODAY = date(2025, 11, 20)
SOURCES = ["own", pytest.param("real", marks=pytest.mark.real_documents)]
# the published print with its Stellungnahme: number, the last point, the number of answers, the print
# cited in answer 2 and a file of that cited print
PRINTS = {
    "own": (own.NUMBER, "5", 2, own.CITED),
    "real": ("17/9321", "8", 8, "17/9075"),
}


def _published(source: str, folder: Path) -> Path:
    """Ours (17/8517, a PDF made from a fixture by tests/ownprints.py) or the real KI-Allianz print."""
    return own.published_pdf(folder) if source == "own" else sample(KI)


def _cited(source: str, folder: Path) -> Path:
    return own.cited_print(folder) if source == "own" else ROOT / "tests" / "fixtures" / "gui" / "bw_antrag_17_9075.txt"


def _window(qtbot, db: Path):
    from gui.main_window import MainWindow

    window = MainWindow(Register.open(db), today=TODAY, start_services=False)
    qtbot.addWidget(window)
    window.show()
    return window


def _close(window) -> None:
    window.close()
    window.register.close()


def _drop(window, paths: list[Path]) -> None:
    """The path a drop takes: the files as URLs in a mime payload, read by the window's drop handler."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


@pytest.mark.parametrize("source", SOURCES)
def test_drop_answer_last_point_close_and_reopen(qtbot, tmp_path: Path, source: str) -> None:
    """The published print (ours, or the KI-Allianz one) dropped on the window is imported in the background;
    an answer typed for its last point is there after closing and reopening the app, in the same open tab."""
    number, last, _, _ = PRINTS[source]
    ki = _published(source, tmp_path)
    db = tmp_path / "r.db"
    window = _window(qtbot, db)
    _drop(window, [ki])
    qtbot.waitUntil(lambda: window.register.print_id(number) is not None, timeout=30000)
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 1, timeout=5000)
    pid = window.register.print_id(number)
    view = window.open_print(pid)
    assert view is not None and window.tabs.currentWidget() is view
    assert view.select_point(last)
    view.editor.selectAll()
    type_into(qtbot, view.editor, "Der Förderbescheid für die KI-Allianz ergeht im ersten Quartal 2026.")
    qtbot.wait(50)
    _close(window)

    again = _window(qtbot, db)
    reopened = again.inquiries.get(pid)
    assert reopened is not None, "the inquiry tab comes back after a restart"
    reopened.select_point(last)
    assert reopened.editor.toPlainText() == "Der Förderbescheid für die KI-Allianz ergeht im ersten Quartal 2026."
    _close(again)


@pytest.mark.parametrize("source", SOURCES)
def test_follow_citation_in_answer_2(qtbot, tmp_path: Path, source: str) -> None:
    """A click on the citation in answer 2 (of 17/6120 in ours, of 17/9075 in the KI-Allianz print) opens that
    print in its own tab."""
    _, _, _, number = PRINTS[source]
    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        ki = import_file(reg, _published(source, tmp_path), who="t").id
        cited = import_file(reg, _cited(source, tmp_path), who="t").id
    window = _window(qtbot, db)
    view = window.open_print(ki)
    assert view.follow_citation(number, "Antwort 2")
    assert window.tabs.currentWidget() is window.inquiries[cited]
    assert window.tabs.tabText(window.tabs.currentIndex()) == number
    _close(window)


@pytest.mark.parametrize("source", SOURCES)
def test_export_pdf_from_the_dialog(qtbot, tmp_path: Path, source: str) -> None:
    """Ctrl+E on an inquiry opens the export dialog; it writes a PDF that reads back with the print's number."""
    from pypdf import PdfReader

    from core.parser import parse_file

    number, _, answers, _ = PRINTS[source]
    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        ki = import_file(reg, _published(source, tmp_path), who="t").id
    window = _window(qtbot, db)
    window.open_print(ki)
    dialog = window.export_print(ki)
    qtbot.addWidget(dialog)
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.set_format("pdf")
    path = dialog.export_now()
    assert path is not None and path.suffix == ".pdf" and path.parent == out
    assert len(PdfReader(path).pages) >= 2
    back = parse_file(path)  # the file is a print again: same number, same answers
    assert back.number == number and back.answer is not None and len(back.answer.items) == answers
    dialog.close()
    _close(window)


def test_filter_register_by_ueberfaellig(qtbot, tmp_path: Path) -> None:
    """The "überfällig" filter shows exactly the open inquiries whose due date has passed."""
    from core.workflow import OPEN

    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        import_files(reg, [DEMO], who="t")
        rows = reg.list_prints(limit=1000)
        expected = {
            r["number"] for r in rows if r["status"] in OPEN and r["due_date"] and r["due_date"] < TODAY.isoformat()
        }
    assert expected, "the demo has overdue inquiries on that day"
    window = _window(qtbot, db)
    window.show_overdue()
    model = window.register_view.model
    shown = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert shown == expected
    assert window.register_view.status.currentText() == "überfällig"
    assert "von 18 Drucksachen" in window.statusBar().currentMessage()
    window.register_view.set_status_filter(None)
    assert model.rowCount() == 18
    _close(window)


def test_filters_and_sorting(qtbot, tmp_path: Path) -> None:
    """Kind and due-range filters narrow the table; a header click sorts in the register."""
    from PySide6.QtCore import Qt

    from gui.register_model import COL_TITLE

    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        import_files(reg, [DEMO], who="t")
    window = _window(qtbot, db)
    view = window.register_view
    view.kind.setCurrentIndex(view.kind.findData("kleine_anfrage"))
    model = view.model
    kinds = {model.data(model.index(r, 1)) for r in range(model.rowCount())}
    assert kinds == {"Kleine Anfrage"}
    view.reset_filters()
    view.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    titles = [model.data(model.index(r, COL_TITLE)) for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    view.due_from.setText((TODAY + timedelta(days=1)).strftime("%d.%m.%Y"))
    view.apply()
    assert all(
        model.data(model.index(r, 7)) and int(model.data(model.index(r, 8)) or 0) >= 1 for r in range(model.rowCount())
    )
    _close(window)


def test_search_marks_hits(qtbot, tmp_path: Path) -> None:
    """A search shows its hits with the matched words marked in the title."""
    from gui.register_model import COL_TITLE, HighlightRole

    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        import_files(reg, [DEMO], who="t")
    window = _window(qtbot, db)
    window.focus_search()
    type_into(qtbot, window.register_view.search, "Radweg*")
    model = window.register_view.model
    qtbot.waitUntil(lambda: 0 < model.rowCount() < 18, timeout=3000)
    marked = model.data(model.index(0, COL_TITLE), HighlightRole)
    assert "background" in marked and "Radweg" in marked
    _close(window)


def test_menus_shortcuts_and_about(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The menus carry the usual shortcuts; the title names the database; About names the version."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMessageBox

    window = _window(qtbot, tmp_path / "mein-register.db")
    assert window.windowTitle() == "Ziffer — mein-register.db"
    shortcuts = {
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in window.findChildren(type(window.save_action))
    }
    assert {"Ctrl+F", "Ctrl+S", "Ctrl+E", "Ctrl+N", "Ctrl+Q", "Ctrl+Z"} <= shortcuts
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert shown and "Ziffer 0.1.0" in shown[0]
    _close(window)


def test_first_start_offers_three_ways_in(qtbot, tmp_path: Path) -> None:
    """An empty register offers import, a watched folder and the demo register; the demo fills its own file."""
    window = _window(qtbot, tmp_path / "leer.db")
    view = window.register_view
    assert view.empty.isVisibleTo(window) and not view.table.isVisibleTo(window)
    labels = {b.text() for b in (view.import_button, view.watch_button, view.demo_button)}
    assert labels == {"Dateien importieren …", "Einen Ordner beobachten …", "Demo-Register öffnen"}
    _close(window)


def test_open_demo_register(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo register opens in a file of its own, filled with the demo prints; the title says so."""
    import gui.main_window as mw

    monkeypatch.setattr(mw, "default_db_path", lambda: tmp_path / "data" / "ziffer.db")
    (tmp_path / "data").mkdir()
    window = _window(qtbot, tmp_path / "leer.db")
    assert window.open_demo()
    assert window.windowTitle() == "Ziffer — ziffer-demo.db"
    assert window.register.count_prints() == 18
    assert window.register_view.model.rowCount() == 18
    _close(window)


def test_new_inquiry_from_pasted_text(qtbot, tmp_path: Path) -> None:
    """Ctrl+N: a pasted print is imported like a file and opened."""
    from gui.main_window import NewInquiryDialog

    window = _window(qtbot, tmp_path / "r.db")
    dialog = NewInquiryDialog(window)
    dialog.text.setPlainText(
        (ROOT / "tests" / "fixtures" / "gui" / "bw_antrag_17_9075.txt").read_text(encoding="utf-8")
    )
    folder = tmp_path / "paste"
    folder.mkdir()
    path = dialog.write_file(folder)
    assert path is not None
    window.start_import([path], open_after=True)
    qtbot.waitUntil(lambda: window.current_inquiry() is not None, timeout=30000)
    assert window.current_inquiry().doc.number == "17/9075"
    _close(window)


def test_open_tabs_are_kept_per_register(qtbot, tmp_path: Path) -> None:
    """Each register reopens its own inquiry tabs, by print number: the demo opens none of the own register's
    (row ids mean other prints there), and the own register's tab is back after a visit to the demo."""
    from core.demo import fill_demo

    own, demo = tmp_path / "own.db", tmp_path / "demo.db"
    with Register.open(own) as reg:
        import_file(reg, ROOT / "tests" / "fixtures" / "prints" / "bw_antrag_unanswered.txt", who="t")
        import_file(reg, ROOT / "tests" / "fixtures" / "gui" / "bw_antrag_17_9075.txt", who="t")
        mine = reg.print_id("17/9075")
    with Register.open(demo) as reg:
        fill_demo(reg, TODAY)
        assert reg.print_id("17/9075") is None and reg.get_print(mine) is not None  # the id is another print there
    window = _window(qtbot, own)
    window.open_print(mine)
    _close(window)

    window = _window(qtbot, demo)
    assert window.inquiries == {}
    theirs = window.register.list_prints(limit=1)[0]
    window.open_print(theirs["id"])
    assert window.switch_database(own)
    assert [view.doc.number for view in window.inquiries.values()] == ["17/9075"]
    assert window.switch_database(demo)
    assert [view.doc.number for view in window.inquiries.values()] == [theirs["number"]]
    _close(window)
    window = _window(qtbot, own)
    assert [view.doc.number for view in window.inquiries.values()] == ["17/9075"]
    _close(window)
