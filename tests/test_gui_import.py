"""Import in the background from a drop, the watched inbox on the GUI thread, settings and restore."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import ROOT

from storage.register import Register

DEMO = ROOT / "resources" / "demo" / "prints"


def _mime(paths: list[Path]):
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths] + [QUrl("https://example.org/x.pdf")])
    return mime


def test_drop_imports_in_the_background_with_a_summary(qtbot, tmp_path: Path) -> None:
    """A dropped folder and a broken file: progress arrives, 18 prints are imported, the failure is named in German;
    a second drop meanwhile waits and follows."""
    from gui.importer import Importer, accepts, paths_from_mime, summary_text

    bad = tmp_path / "kaputt.pdf"
    bad.write_bytes(os.urandom(2000))
    mime = _mime([DEMO, bad])
    assert accepts(mime) and paths_from_mime(mime) == [DEMO, bad]
    db = tmp_path / "r.db"
    Register.open(db).close()
    importer = Importer(db)
    progress, summaries = [], []
    importer.progress.connect(lambda done, total, name: progress.append((done, total)))
    importer.finished.connect(summaries.append)
    assert importer.start(paths_from_mime(mime))
    assert not importer.start([DEMO])  # waits for the first
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=60000)
    first, second = summaries
    assert first.count("imported") == 18 and first.count("failed") == 1
    assert progress[0] == (1, 19) and (19, 19) in progress  # every file of the first drop counted
    text = summary_text(first)
    assert text.startswith("18 Dateien importiert, 1 Fehler.")
    assert "kaputt.pdf: keine PDF-Datei" in text
    assert second.count("unchanged") == 18
    with Register.open(db) as reg:
        assert reg.count_prints() == 18


def test_inbox_results_arrive_on_the_gui_thread(qtbot, tmp_path: Path) -> None:
    """A print copied into the watched folder is imported; the result is handled on the GUI thread."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from gui.inbox_adapter import InboxAdapter

    db = tmp_path / "r.db"
    Register.open(db).close()
    adapter = InboxAdapter(db)
    threads, lines = [], []
    adapter.result.connect(lambda r: threads.append(QThread.currentThread() is QApplication.instance().thread()))
    adapter.imported.connect(lines.append)
    folder = tmp_path / "eingang"
    adapter.start(folder, settle_seconds=0.2, poll_seconds=0.3)
    try:
        source = sorted(DEMO.glob("*.txt"))[0]
        shutil.copy(source, folder / source.name)
        # two slots, each its own queued call: the window's line may arrive before the thread is noted
        qtbot.waitUntil(lambda: bool(lines) and bool(threads), timeout=40000)
    finally:
        adapter.stop()
    assert all(threads), lines
    assert "importiert" in lines[0] and source.name in lines[0], lines
    assert (folder / "archiv" / source.name).exists()
    with Register.open(db) as reg:
        assert reg.count_prints() == 1


def test_settings_store_inbox_and_language(qtbot, tmp_path: Path) -> None:
    """apply() keeps the inbox folder, whether it is watched, the language and the number of backups."""
    from gui import settings
    from gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(tmp_path / "r.db")
    qtbot.addWidget(dialog)
    dialog.inbox_folder.setText(str(tmp_path / "eingang"))
    dialog.inbox_enabled.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.keep.setValue(12)
    with qtbot.waitSignal(dialog.inbox_changed) as blocker:
        dialog.apply()
    assert blocker.args == [str(tmp_path / "eingang"), True]
    assert settings.get(settings.INBOX_FOLDER) == str(tmp_path / "eingang") and settings.get(settings.INBOX_ENABLED)
    assert settings.get(settings.LANGUAGE) == "en" and settings.get(settings.BACKUPS_KEPT) == 12


def test_restore_from_the_settings(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing a backup and confirming puts the register back to that state; the window shows it."""
    from PySide6.QtWidgets import QMessageBox

    from core.services import import_files
    from gui.main_window import MainWindow
    from storage.backup import backup

    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        import_files(reg, [DEMO], who="t")
    backup(db)
    window = MainWindow(Register.open(db), today=date(2025, 11, 20), start_services=False)
    qtbot.addWidget(window)
    with window.register.transaction():
        window.register.db.execute("DELETE FROM prints")
    window.register_view.refresh()
    assert window.register_view.model.rowCount() == 0
    dialog = window.show_settings()
    qtbot.addWidget(dialog)
    dialog.backups.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.ask_restore()
    assert window.register.count_prints() == 18 and window.register_view.model.rowCount() == 18
    assert "vorige Stand" in window.statusBar().currentMessage()
    window.close()
    window.register.close()
