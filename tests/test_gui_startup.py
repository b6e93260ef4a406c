"""The window's start: what it leaves for later still happens — the deadlines and the library when
their tab is opened, the backup, the reminders and the inbox after the first frame — and the start
reads the register's first page once and imports only what the first frame needs (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import QT_PLATFORM, ROOT

from core import tracking
from core.services import import_files
from storage.register import Register

DEMO = ROOT / "resources" / "demo"
TODAY = date(2025, 11, 20)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    with Register.open(path) as reg:
        import_files(reg, [DEMO / "prints"], who="t")
        import_files(reg, [DEMO / "material"], force_material=True, who="t")
    return path


def _window(qtbot, db: Path, **kwargs):  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    kwargs.setdefault("start_services", False)
    window = MainWindow(Register.open(db), today=TODAY, **kwargs)
    qtbot.addWidget(window)
    return window


def _close(window) -> None:  # type: ignore[no-untyped-def]
    window.close()
    window.register.close()


def test_deadlines_tab_is_made_when_opened_and_works(qtbot, db: Path) -> None:
    """The deadlines view is not made at start; opening its tab makes it with every open inquiry by its
    deadline, and a row opens its inquiry as before."""
    window = _window(qtbot, db)
    window.show()
    qtbot.waitExposed(window)
    assert window.deadlines_tab.made is None and window.library_tab.made is None
    window.show_deadlines_action.trigger()
    view = window.deadlines_tab.made
    assert view is not None and view.isVisible() and window.deadlines_view is view
    expected = [
        f"{name} ({len(rows)})" for name, rows in tracking.group(tracking.overview(window.register, TODAY)).items()
    ]
    assert view.group_titles() == expected and expected
    from gui.deadlines_view import IdRole

    row = view.model.index(0, 0, view.model.index(0, 0))
    view.tree.activated.emit(row)
    opened = window.current_inquiry()
    assert opened is not None and opened.print_id == row.data(IdRole)
    _close(window)


def test_library_tab_is_made_when_opened_and_finds_material(qtbot, db: Path) -> None:
    """The library is made when its tab is first shown; it lists the material, and Ctrl+F there
    searches the library."""
    window = _window(qtbot, db)
    window.show()
    window.tabs.setCurrentIndex(2)
    view = window.library_tab.made
    assert view is not None and window.library_view is view
    assert view.titles()
    window.find_action.trigger()
    assert view.search.hasFocus() or window.focusWidget() is view.search
    _close(window)


def test_a_view_made_later_shows_what_changed_meanwhile(qtbot, tmp_path: Path) -> None:
    """Prints imported while the deadlines tab was never opened are there when it is; once made, the
    view follows every change like the others."""
    db = tmp_path / "r.db"
    Register.open(db).close()
    window = _window(qtbot, db)
    window.show()
    import_files(window.register, [DEMO / "prints" / "15-radnetz-luecken-landesstrassen.txt"], who="t")
    window._after_data_change()  # what an import's end does
    assert window.deadlines_tab.made is None
    assert window.deadlines_view.rows  # made now, reading the register as it is
    before = len(window.deadlines_view.rows)
    import_files(window.register, [DEMO / "prints" / "16-unterrichtsversorgung-2025-26.txt"], who="t")
    window._after_data_change()
    assert len(window.deadlines_view.rows) == before + 1
    _close(window)


def test_services_start_after_the_first_frame(qtbot, db: Path, monkeypatch) -> None:
    """The backup, the deadline reminder and the inbox are not started while the window is built, but
    once it has painted its first frame: the backup is taken and the reminder runs."""
    from gui import main_window, settings

    monkeypatch.setattr(main_window, "SERVICES_LATEST_MS", 600_000)  # the first frame, not the time, starts them
    inbox = db.parent / "eingang"
    inbox.mkdir()
    settings.put(settings.INBOX_FOLDER, str(inbox))
    settings.put(settings.INBOX_ENABLED, True)
    window = _window(qtbot, db, start_services=True)
    assert not window.started() and window.reminder is None and window.inbox is None
    qtbot.wait(50)
    assert not window.started()  # not shown, not painted
    window.show()
    qtbot.waitUntil(window.started, timeout=5000)
    assert window.reminder is not None and window.inbox is not None
    assert window.jobs.wait(20000)
    qtbot.waitUntil(lambda: any((db.parent / "backups").glob("r-*.db")), timeout=5000)
    _close(window)


def test_services_start_without_a_frame_too(qtbot, db: Path) -> None:
    """A window that paints late (started minimized) starts its services all the same, a second on."""
    window = _window(qtbot, db, start_services=True)
    assert not window.started()
    qtbot.waitUntil(window.started, timeout=5000)
    assert window.reminder is not None
    assert window.jobs.wait(20000)
    _close(window)


def test_first_page_is_read_once_and_there_before_the_window_shows(qtbot, db: Path, monkeypatch) -> None:
    """Building the window reads the register's first page once (not again for the sort order nor a
    second refresh), and the table holds it before the window is first shown."""
    calls = []
    original = Register.list_prints

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs.get("sort"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Register, "list_prints", counting)
    window = _window(qtbot, db)
    assert calls == ["due"]
    assert window.register_view.model.rowCount() == 18
    assert "18 Drucksachen im Register" in window.statusBar().currentMessage()
    _close(window)


def test_start_imports_only_what_the_first_frame_needs(db: Path, tmp_path: Path) -> None:
    """A new process that shows the window has not imported the inquiry view, the deadlines, the
    library, the dialogs, the import service (parser, cleaning) or the inbox: they come when used."""
    later = [
        "core.services",
        "core.parser",
        "core.cleanup",
        "core.demo",
        "core.tracking",
        "gui.inquiry_view",
        "gui.deadlines_view",
        "gui.library_view",
        "gui.export_dialog",
        "gui.settings_dialog",
        "gui.inbox_adapter",
        "gui.new_inquiry_dialog",
        "gui.restore_dialog",
        "watchdog",
    ]
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from storage.register import Register
window = MainWindow(Register.open({str(db)!r}), start_services=False)
window.show()
app.processEvents()
assert window.register_view.model.rowCount() == 18
print(" ".join(sorted(m for m in {later!r} if m in sys.modules)))
window.close()
window.register.close()
"""
    env = os.environ | {"QT_QPA_PLATFORM": QT_PLATFORM, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == []
