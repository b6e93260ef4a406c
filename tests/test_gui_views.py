"""The deadlines view, reminders, the library and the export dialog's edges (pytest-qt, offscreen)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import ROOT

from core import tracking
from core.services import import_files
from storage.register import Register

DEMO = ROOT / "resources" / "demo"
TODAY = date(2025, 11, 20)


@pytest.fixture
def reg(tmp_path: Path):
    r = Register.open(tmp_path / "r.db")
    import_files(r, [DEMO / "prints"], who="t")
    import_files(r, [DEMO / "material"], force_material=True, who="t")
    yield r
    r.close()


def test_deadlines_grouped_by_bucket_unit_and_officer(qtbot, reg: Register) -> None:
    """Buckets in order with their counts; grouping by unit and officer follows the assignments."""
    from gui.deadlines_view import DeadlinesView

    rows = tracking.overview(reg, TODAY)
    expected = [f"{name} ({len(group)})" for name, group in tracking.group(rows).items()]
    view = DeadlinesView(reg, today=TODAY)
    qtbot.addWidget(view)
    assert view.group_titles() == expected and expected[0].startswith("überfällig")
    first = rows[0].id
    with reg.transaction():
        tracking.assign(reg, first, "t", officer="Frau Adler", unit="Ref. 42")
    view.grouping.setCurrentIndex(view.grouping.findData("unit"))
    assert "Ref. 42 (1)" in view.group_titles()
    view.grouping.setCurrentIndex(view.grouping.findData("officer"))
    assert "Frau Adler (1)" in view.group_titles()


def test_deadline_row_opens_the_inquiry(qtbot, reg: Register) -> None:
    """Activating an inquiry's row asks to open it."""
    from gui.deadlines_view import DeadlinesView

    view = DeadlinesView(reg, today=TODAY)
    qtbot.addWidget(view)
    group = view.model.index(0, 0)
    row = view.model.index(0, 3, group)
    with qtbot.waitSignal(view.open_print) as blocker:
        view.tree.activated.emit(row)
    assert blocker.args == [tracking.group(tracking.overview(reg, TODAY))["überfällig"][0].id]


def test_deadline_exports_read_back(qtbot, reg: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """iCalendar, CSV and XLSX exports hold every open inquiry; a missing folder is one warning, no exception."""
    import icalendar
    import openpyxl
    from PySide6.QtWidgets import QMessageBox

    from gui.deadlines_view import DeadlinesView

    view = DeadlinesView(reg, today=TODAY)
    qtbot.addWidget(view)
    numbers = {r.number for r in tracking.overview(reg, TODAY)}
    assert view.export_to(tmp_path / "f.ics", "ics")
    cal = icalendar.Calendar.from_ical((tmp_path / "f.ics").read_bytes())
    summaries = " ".join(str(e.get("summary")) for e in cal.walk("VEVENT"))
    assert all(n in summaries for n in numbers)
    assert view.export_to(tmp_path / "f.csv", "csv")
    text = (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text), dialect=csv.Sniffer().sniff(text.splitlines()[0])))
    assert len(table) == len(numbers) + 1 and {row[0] for row in table[1:]} == numbers
    assert view.export_to(tmp_path / "f.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    assert {sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)} == numbers
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not view.export_to(tmp_path / "fehlt" / "f.csv", "csv")
    assert warned and "konnten nicht" in warned[0]
    assert not list(tmp_path.glob(".ziffer-*"))


def test_reminder_sentences_once_a_day(qtbot, reg: Register) -> None:
    """Inquiries falling due are reminded of once a day, in one German sentence."""
    from gui.deadlines_view import DeadlineReminder, reminder_text

    reminder = DeadlineReminder(reg)
    reminder.stop()
    with qtbot.waitSignal(reminder.reminder) as blocker:
        first = reminder.check(TODAY)
    assert len(first) > 1 and blocker.args[0].startswith(f"{len(first)} Anfragen sind fällig oder überfällig")
    assert reminder.check(TODAY) == []
    assert reminder.check(TODAY + timedelta(days=1))  # the next day again
    row = first[0]
    for left, words in ((0, "läuft heute ab"), (1, "läuft morgen ab"), (3, "in 3 Tagen"), (-4, "seit 4 Tagen")):
        row.days_left = left
        assert words in reminder_text([row])


def test_library_search_read_link_and_import(
    qtbot, reg: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library lists the material, finds a text by a word, links it to an inquiry, imports a new file."""
    from conftest import type_into
    from PySide6.QtWidgets import QMessageBox

    from gui.library_view import LibraryView

    view = LibraryView(reg)
    qtbot.addWidget(view)
    assert len(view.titles()) == reg.count_material() == 4
    type_into(qtbot, view.search, "Hochwasser*")
    qtbot.waitUntil(lambda: 0 < len(view.titles()) < 4, timeout=3000)
    view.list.setCurrentRow(0)
    material = view.selected_material()
    assert "Hochwasser" in view.text.toPlainText()
    number = reg.list_prints(limit=1)[0]["number"]
    assert view.attach(material, number)
    assert [m["id"] for m in reg.material_for(reg.print_id(number))] == [material]
    assert view.links.count() == 1
    with qtbot.waitSignal(view.open_print):
        view.links.itemActivated.emit(view.links.item(0))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not view.attach(material, "17/1")
    assert "17/1 ist nicht im Register" in warned[0]
    assert view.detach_selected() and reg.material_for(reg.print_id(number)) == []
    view.search.clear()
    note = tmp_path / "Vermerk Breitband.txt"
    note.write_text("Vermerk zum Breitbandausbau in Hohenlohe.\n\nDer Ausbau kommt voran.", encoding="utf-8")
    messages = []
    view.status_message.connect(messages.append)
    view.import_material([note])
    qtbot.waitUntil(lambda: reg.count_material() == 5 and len(view.titles()) == 5, timeout=10000)
    assert any("1 Dokument in die Bibliothek übernommen" in m for m in messages)


def test_export_dialog_warnings_and_missing_folder(
    qtbot, reg: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An open inquiry without answer shows the export's checks; a missing folder is offered to be created
    (no: nothing happens; yes: it is made and the file written); the default folder is one that exists."""
    from PySide6.QtWidgets import QMessageBox

    from core import export as ex
    from gui import settings
    from gui.export_dialog import ExportDialog

    open_id = next(r["id"] for r in reg.list_prints(limit=100) if r["status"] == "eingegangen")
    settings.put(settings.EXPORT_FOLDER, str(tmp_path / "gelöscht"))  # remembered, since removed
    dialog = ExportDialog(reg, open_id)
    assert Path(dialog.folder.text()).is_dir()
    qtbot.addWidget(dialog)
    expected = ex.checks(reg.get_print(open_id).doc, dialog.in_register)
    assert expected and dialog.warning_texts() == expected
    assert dialog.draft.isChecked()
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=20000)
    asked, answers = [], [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    missing = tmp_path / "fehlt" / "Entwürfe"
    dialog.folder.setText(str(missing))
    assert dialog.export_now() is None and not missing.exists()
    assert asked == [f"Den Ordner {missing} gibt es nicht. Soll er angelegt werden?"]
    made = dialog.export_now()
    assert made is not None and made.parent == missing and len(asked) == 2
    dialog.folder.setText(str(tmp_path))
    dialog.set_format("docx")
    path = dialog.export_now()
    assert path is not None and path.suffix == ".docx" and path.stat().st_size > 1000
    dialog.set_template("zulieferung")
    assert dialog.unit.isVisibleTo(dialog) and dialog.warning_texts() == ["Keine Hinweise."]
    dialog.reject()


def test_pdf_preview_of_a_damaged_file(qtbot, tmp_path: Path) -> None:
    """A file that is no PDF shows a sentence instead of pages."""
    from gui.pdf_preview import PdfPreview

    bad = tmp_path / "kaputt.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage \x00\x01")
    preview = PdfPreview()
    qtbot.addWidget(preview)
    assert not preview.load(bad)
    assert preview.page_count() == 0 and "kann nicht angezeigt werden" in preview.info.text()


def test_on_time_statistics(qtbot, reg: Register) -> None:
    """The punctuality table lists answered inquiries per ministry and unit as core.tracking counts them."""
    from gui.deadlines_view import DeadlinesView

    view = DeadlinesView(reg, today=TODAY)
    qtbot.addWidget(view)
    stats = tracking.on_time_stats(reg)
    rows = view.stats_rows()
    assert len(rows) == len(stats["ministry"]) + len(stats["unit"])
    ministries = {r[1]: r for r in rows if r[0] == "Ministerium"}
    for name, s in stats["ministry"].items():
        assert ministries[name][2:5] == [str(s["answered"]), str(s["on_time"]), str(s["late"])]
    from PySide6.QtWidgets import QTableWidget

    dialog = view.show_stats()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    assert table is not None and table.rowCount() == len(rows) and table.item(0, 1).text() == rows[0][1]
    assert stats["ministry"], "the demo has answered inquiries"
