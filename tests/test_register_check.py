"""The register is checked at open: a damaged file (40 KB overwritten in the middle) or one a newer
Ziffer made is written to nowhere; the command line refuses with one German sentence naming the way
out, the window offers the newest intact backup; the error goes to ziffer-fehler.log."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from conftest import ROOT

from core.services import import_files
from storage.backup import backup
from storage.register import Register

DEMO = ROOT / "resources" / "demo" / "prints"
NEW_PRINT = ROOT / "tests" / "fixtures" / "gui" / "bw_antrag_17_9075.txt"
T0 = datetime(2025, 11, 20, 8, 0, 0)


def _log(db: Path) -> str:
    """The app's error log: ziffer-fehler.log beside the register (README, "Where data lives")."""
    log = db.parent / "ziffer-fehler.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


def _register(path: Path) -> dict[str, int]:
    with Register.open(path) as reg:
        import_files(reg, [DEMO], who="t")
        reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return reg.counts()


def _damage(path: Path) -> bytes:
    """Overwrite 40 KB in the middle of the file, as a broken disk or sync tool would; returns the bytes."""
    data = bytearray(path.read_bytes())
    assert len(data) > 200_000
    middle = len(data) // 2 - 20_480
    data[middle : middle + 40_960] = random.Random(11).randbytes(40_960)
    path.write_bytes(bytes(data))
    return bytes(data)


def _newer(path: Path, version: str | None = "9.1") -> bytes:
    """What a newer Ziffer leaves behind: a higher schema level, a migration this one does not know,
    and (when given) its version."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA user_version = 42")
    con.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('ziffer', 'm042_future', 'x')"
    )
    con.execute("CREATE TABLE IF NOT EXISTS ziffer_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    if version:
        con.execute("INSERT OR REPLACE INTO ziffer_info (key, value) VALUES ('schema_by', ?)", [version])
    else:
        con.execute("DELETE FROM ziffer_info")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path.read_bytes()


def test_cli_refuses_a_damaged_register_and_restore_is_the_way_out(tmp_path: Path) -> None:
    """`import` into a damaged register writes nothing and says in German what to do (exit 2, no
    traceback, logged); `restore` puts the newest backup in place and keeps the damaged file beside it."""
    path = tmp_path / "r.db"
    counts = _register(path)
    assert backup(path, now=T0) is not None
    damaged = _damage(path)

    r = run("--db", str(path), "import", str(NEW_PRINT))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "ist beschädigt" in r.stderr and "restore" in r.stderr and str(path.parent / "backups") in r.stderr
    assert path.read_bytes() == damaged
    assert "ist beschädigt" in _log(path)

    r = run("--db", str(path), "restore")
    assert r.returncode == 0, r.stderr
    aside = list(tmp_path.glob("r-beschädigt-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert str(aside[0]) in r.stdout
    with Register.open(path) as reg:
        assert reg.counts() == counts
    assert run("--db", str(path), "import", str(NEW_PRINT)).returncode == 0


def test_cli_refuses_a_register_of_a_newer_ziffer(tmp_path: Path) -> None:
    """A register a newer Ziffer changed is not written: one German sentence naming that version."""
    path = tmp_path / "r.db"
    _register(path)
    before = _newer(path, "9.1")
    r = run("--db", str(path), "import", str(NEW_PRINT))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "Ziffer 9.1" in r.stderr and "neuer" in r.stderr
    assert path.read_bytes() == before
    assert "Ziffer 9.1" in _log(path)


def test_newer_schema_without_its_version_is_refused_too(tmp_path: Path) -> None:
    """Only a higher user_version, no version noted: still refused, naming 'a newer version'."""
    from storage.db import NewerRegister

    path = tmp_path / "r.db"
    _register(path)
    _newer(path, None)
    with pytest.raises(NewerRegister, match="einer neueren Ziffer-Version"):
        Register.open(path)


def test_register_notes_its_schema_level_and_version(tmp_path: Path) -> None:
    """A migrated register carries its schema level in user_version and the version that wrote it."""
    from core import VERSION
    from storage.migrations import known_migrations

    path = tmp_path / "r.db"
    with Register.open(path) as reg:
        assert reg.db.execute("PRAGMA user_version").fetchone()[0] == len(known_migrations())
        assert reg.db.execute("SELECT value FROM ziffer_info WHERE key = 'schema_by'").fetchone()[0] == VERSION


def test_damage_after_a_clean_close_is_found_at_the_next_open(tmp_path: Path) -> None:
    """Closing notes the file's state beside it; a file changed since is checked whole and refused."""
    from storage.db import DamagedRegister, checked_marker

    path = tmp_path / "r.db"
    _register(path)
    with Register.open(path):
        pass
    marker = checked_marker(path)
    assert json.loads(marker.read_text(encoding="utf-8"))[0][0] == path.stat().st_size
    _damage(path)
    with pytest.raises(DamagedRegister, match="ist beschädigt"):
        Register.open(path)


def _answer_modal(act) -> None:  # type: ignore[no-untyped-def]
    """Run `act(dialog)` on the modal dialog as soon as it shows (the open waits in its exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            act(dialog)

    QTimer.singleShot(0, poll)


def test_window_start_restores_the_newest_backup(qtbot, tmp_path: Path) -> None:
    """Started on a damaged register, the window offers the newest intact backup; after the restore it
    shows the register (sorting works), the damaged file lies beside it and the log says what happened."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import Qt

    from gui.app import open_at_start
    from gui.main_window import MainWindow
    from gui.register_model import COL_TITLE

    path = tmp_path / "r.db"
    counts = _register(path)
    backup(path, now=T0)
    damaged = _damage(path)
    shown: list[str] = []

    def restore(dialog) -> None:  # type: ignore[no-untyped-def]
        shown.append(dialog.message.text())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    _answer_modal(restore)
    register, note = open_at_start(str(path))
    assert register is not None
    assert "ist beschädigt" in shown[0] and "20.11.2025 08:00" in shown[0]
    aside = list(tmp_path.glob("r-beschädigt-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged and str(aside[0]) in note
    log = _log(path)
    assert "ist beschädigt" in log and "zurückgespielt" in log

    window = MainWindow(register, start_services=False)
    qtbot.addWidget(window)
    window.show()
    window.register_view.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert window.register_view.model.rowCount() == counts["prints"]
    window.close()
    window.register.close()


def test_window_start_without_a_backup_only_quits(qtbot, tmp_path: Path) -> None:
    """No intact backup: the dialog says so and offers only to quit; the damaged file stays untouched."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import Qt

    from gui.app import open_at_start

    path = tmp_path / "r.db"
    _register(path)
    damaged = _damage(path)
    shown: list[tuple[str, bool]] = []

    def quit_(dialog) -> None:  # type: ignore[no-untyped-def]
        shown.append((dialog.message.text(), dialog.restore_button is None))
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    _answer_modal(quit_)
    assert open_at_start(str(path)) == (None, "")
    assert "keine unbeschädigte Sicherung" in shown[0][0] and shown[0][1]
    assert path.read_bytes() == damaged


def test_window_start_refuses_a_register_of_a_newer_ziffer(qtbot, tmp_path: Path) -> None:
    """The window says which version made the register and does not open it."""
    pytest.importorskip("PySide6")
    from gui.app import open_at_start

    path = tmp_path / "r.db"
    _register(path)
    before = _newer(path, "9.1")
    shown: list[str] = []

    def read(box) -> None:  # type: ignore[no-untyped-def]
        shown.append(box.text())
        box.accept()

    _answer_modal(read)
    assert open_at_start(str(path)) == (None, "")
    assert "Ziffer 9.1" in shown[0] and "Traceback" not in shown[0]
    assert path.read_bytes() == before


def test_window_says_so_while_a_register_is_converted(qtbot, tmp_path: Path) -> None:
    """A register of an earlier version is converted on a worker thread while a window says what is
    happening (a large one takes a while, once); then it opens at this version's schema."""
    pytest.importorskip("PySide6")
    import sqlite3

    import sqlite_utils
    from PySide6.QtWidgets import QApplication

    from gui.app import open_at_start
    from storage.db import migrate, upgrade_pending

    path = tmp_path / "r.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(sqlite_utils.Database(conn), path, stop_before="m012_index_over_stored_text")
    conn.close()
    assert upgrade_pending(path)
    seen: list[tuple[str, str]] = []
    _answer_modal(lambda dialog: seen.append((type(dialog).__name__, dialog.labelText())))
    register, note = open_at_start(str(path))
    assert register is not None and note == ""
    assert seen and seen[0][0] == "QProgressDialog" and "umgestellt" in seen[0][1]
    assert QApplication.activeModalWidget() is None
    assert register.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'prints_search_text'").fetchone()[0]
    register.close()
    assert not upgrade_pending(path)
    assert not upgrade_pending(tmp_path / "missing.db") and not upgrade_pending("postgresql://a@b/c")


def test_command_line_says_so_while_a_register_is_converted(tmp_path: Path) -> None:
    """The command line tells in one German line that the register is converted, once."""
    import sqlite3
    import subprocess
    import sys

    import sqlite_utils

    from storage.db import migrate

    path = tmp_path / "r.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(sqlite_utils.Database(conn), path, stop_before="m012_index_over_stored_text")
    conn.close()
    root = Path(__file__).resolve().parent.parent
    first = subprocess.run(
        [sys.executable, "main.py", "--db", str(path), "list"], cwd=root, capture_output=True, text=True
    )
    again = subprocess.run(
        [sys.executable, "main.py", "--db", str(path), "list"], cwd=root, capture_output=True, text=True
    )
    assert first.returncode == 0 and "umgestellt" in first.stderr and "Traceback" not in first.stderr
    assert again.returncode == 0 and "umgestellt" not in again.stderr


def test_window_start_keeps_the_remembered_check(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A register closed cleanly is not read whole again at the next start (0.6 s at 50,000 prints):
    looking whether it needs converting leaves the file, and its write-ahead log, as they were."""
    pytest.importorskip("PySide6")
    import storage.db as storage_db
    from gui.app import open_at_start

    path = tmp_path / "r.db"
    _register(path)
    state = storage_db._file_state(path)
    assert not storage_db.upgrade_pending(path)
    assert storage_db._file_state(path) == state
    checked: list[Path] = []
    monkeypatch.setattr(storage_db, "_quick_check", lambda conn, p: checked.append(p))
    register, _note = open_at_start(str(path))
    assert register is not None and checked == []
    register.close()
