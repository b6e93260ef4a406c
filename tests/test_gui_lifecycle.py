"""Quitting is safe at any moment: the real app, started as `python main.py --db DB`, is closed during an
import, during the start-up backup and right after start, and must exit with status 0 every time; a
view's timers and late callbacks never reach a register that was closed under it.

The quit tests run the real process ZIFFER_CLOSE_RUNS times per case (default 3). To run them 20 times:

    ZIFFER_CLOSE_RUNS=20 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q tests/test_gui_lifecycle.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import QT_PLATFORM, ROOT

from storage.db import _file_state, checked_marker
from storage.register import Register

sys.path.insert(0, str(ROOT / "bench"))

RUNS = int(os.environ.get("ZIFFER_CLOSE_RUNS", "3"))
IMPORT_FILES = 600  # an officer's import of a session's prints; the crash showed from about 600
BACKUP_PRINTS = 5000  # a register whose start-up backup takes long enough to close the window during it


def _run_app(tmp: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """tests/closer.py in a process of its own, with settings of its own; the app's stdout and stderr."""
    config = tmp / "config"
    config.mkdir(exist_ok=True)
    env = os.environ | {"QT_QPA_PLATFORM": QT_PLATFORM, "XDG_CONFIG_HOME": str(config), "HOME": str(tmp)}
    return subprocess.run(
        [sys.executable, str(ROOT / "tests" / "closer.py"), str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def _assert_clean_exit(run: subprocess.CompletedProcess[str], doing: str) -> None:
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stdout}\n{run.stderr[-3000:]}"
    assert f"closing {doing}" in run.stdout, run.stdout + run.stderr[-3000:]
    for sign in ("Fatal Python error", "Signal source has been deleted", "Traceback", "closed database"):
        assert sign not in run.stderr, run.stderr[-3000:]


@pytest.fixture(scope="module")
def prints(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 synthetic prints as text files, as `bench/synthetic.py --write DIR --count 600` writes them."""
    from synthetic import generate, write_text_prints

    folder = tmp_path_factory.mktemp("prints")
    write_text_prints(folder, generate(IMPORT_FILES))
    return folder


@pytest.fixture(scope="module")
def big_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register of 5,000 synthetic prints, built as bench/bench_register.py builds its registers, with the
    due dates an import computes (about 1,000 open inquiries fill the deadlines view)."""
    from bench_register import build

    from core.tracking import fill_due_dates

    path = tmp_path_factory.mktemp("big") / "register.db"
    with Register.open(path) as register:
        build(register, BACKUP_PRINTS, seed=1)
        with register.transaction():
            fill_due_dates(register, "t")
        register.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="exit statuses of an aborted process are POSIX here")
def test_close_right_after_start_exits_0(tmp_path: Path, big_register: Path) -> None:
    """Closing the window at once, or within the first 0.3 s, over a register of thousands of prints: exit 0."""
    for k in range(RUNS):
        db = tmp_path / f"start{k}.db"
        shutil.copy(big_register, db)
        run = _run_app(tmp_path, db, "start", str((k * 150) % 300))
        _assert_clean_exit(run, "right after start")


@pytest.mark.skipif(sys.platform == "win32", reason="exit statuses of an aborted process are POSIX here")
def test_close_during_the_start_up_backup_exits_0(tmp_path: Path, big_register: Path) -> None:
    """Closing while the start-up backup copies 5,000 prints waits for the copy, which is whole, and exits 0."""
    for k in range(RUNS):
        folder = tmp_path / f"backup{k}"
        folder.mkdir()
        db = folder / "register.db"
        shutil.copy(big_register, db)
        run = _run_app(tmp_path, db, "backup")
        _assert_clean_exit(run, "while the backup runs")
        copies = list((folder / "backups").glob("register-*.db"))
        assert len(copies) == 1
        with Register.open(copies[0]) as copy:
            assert copy.count_prints() == BACKUP_PRINTS


@pytest.mark.skipif(sys.platform == "win32", reason="exit statuses of an aborted process are POSIX here")
def test_close_after_similar_answers_on_two_cores_exits_0(tmp_path: Path, big_register: Path) -> None:
    """Closing the window after "similar" ranked on the second reader's thread ends that thread and its
    connection with the register: exit 0, and the file is left as it was noted intact (the log folded into
    it before the note, so the next start does not check the whole file again)."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the second reader needs a second core")
    db = tmp_path / "similar.db"
    shutil.copy(big_register, db)
    run = _run_app(tmp_path, db, "similar")
    _assert_clean_exit(run, "after similar answers")
    assert "similar ranked on two cores" in run.stdout, run.stdout + run.stderr[-3000:]
    noted = json.loads(checked_marker(db).read_text(encoding="utf-8"))
    assert not Path(f"{db}-wal").exists() and noted == _file_state(db)  # the next open need not check it


@pytest.mark.skipif(sys.platform == "win32", reason="exit statuses of an aborted process are POSIX here")
def test_close_during_an_import_asks_finishes_the_batch_and_exits_0(tmp_path: Path, prints: Path) -> None:
    """Closing during an import of 600 files asks whether to stop it; the register then holds whole batches
    of 50, passes the integrity check, and the process exits 0."""
    from gui.importer import BATCH

    for k in range(RUNS):
        db = tmp_path / f"import{k}.db"
        run = _run_app(tmp_path, db, "import", str(prints))
        _assert_clean_exit(run, "during the import")
        assert "asked to stop the import" in run.stdout
        with Register.open(db) as register:
            stored = register.count_prints()
            assert register.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert 0 < stored < IMPORT_FILES and stored % BATCH == 0, stored


@pytest.mark.skipif(sys.platform == "win32", reason="exit statuses of an aborted process are POSIX here")
def test_many_qt_calls_leave_none_alive(tmp_path: Path) -> None:
    """A long session's worth of Qt calls that return nothing (and signals emitted) does not use up the
    references of None and True: PySide6 6.12 on Python 3.11 drops one with each (see gui/__init__.py)."""
    code = (
        "import gui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "class S(QObject):\n"
        "    s = Signal(int)\n"
        "app = QApplication([])\n"
        "label, s = QLabel(), S()\n"
        "for k in range(100000):\n"
        "    label.setText('x')\n"
        "    s.s.emit(k)\n"
        "print('done')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"QT_QPA_PLATFORM": QT_PLATFORM},
    )
    assert run.returncode == 0 and "done" in run.stdout, run.stderr[-2000:]


# -- views and the lifetime of their register (in this process) -------------------------------------


@pytest.fixture
def reg(tmp_path: Path):
    from core.services import import_files

    demo = ROOT / "resources" / "demo"
    r = Register.open(tmp_path / "r.db")
    import_files(r, [demo / "prints"], who="t")
    import_files(r, [demo / "material"], force_material=True, who="t")
    yield r
    r.close()


def test_library_search_timer_after_the_register_closed(qtbot, reg: Register) -> None:
    """A search typed just before the register closes: the library's timer fires and reads nothing."""
    from gui.library_view import LibraryView

    view = LibraryView(reg)
    qtbot.addWidget(view)
    view.search.setText("Hochwasser")  # starts the 250 ms timer
    reg.close()
    qtbot.wait(400)  # an exception in the timer's slot fails the test (pytest-qt)
    assert not view.usable()


def test_register_view_search_timer_after_the_register_closed(qtbot, reg: Register) -> None:
    """The register view's search timer firing after the register closed reads nothing."""
    from gui.register_view import RegisterView

    view = RegisterView(reg)
    qtbot.addWidget(view)
    view.show()
    view.search.setText("Förder*")
    reg.close()
    qtbot.wait(400)
    view.table.viewport().repaint()  # asks the model for more rows
    view.model.fetchMore(view.model.index(-1, -1))


def test_library_import_reports_after_the_register_closed(qtbot, reg: Register, tmp_path: Path) -> None:
    """An import of material that ends after its register closed changes nothing in the view."""
    from gui.library_view import LibraryView

    view = LibraryView(reg)
    qtbot.addWidget(view)
    note = tmp_path / "Vermerk.txt"
    note.write_text("Vermerk zum Breitbandausbau.\n\nDer Ausbau kommt voran.", encoding="utf-8")
    titles = view.titles()
    view.import_material([note])
    reg.close()
    assert view.jobs.wait(20000)
    qtbot.wait(100)  # the queued report arrives, finds the register closed
    assert view.titles() == titles


def test_deadline_reminder_after_the_register_closed(qtbot, reg: Register) -> None:
    """The reminder's timer firing after the register closed reminds of nothing and raises nothing."""
    from gui.deadlines_view import DeadlineReminder

    reminder = DeadlineReminder(reg)
    reg.close()
    assert reminder.check() == []
    reminder.stop()


def test_window_close_asks_before_stopping_an_import(qtbot, tmp_path: Path) -> None:
    """Closing the window during an import asks; "no" keeps the window and the import, "yes" stops the
    import after its batch, and every background job has ended when the window is closed."""
    from synthetic import generate, write_text_prints

    from gui.importer import BATCH
    from gui.main_window import MainWindow

    folder = tmp_path / "prints"
    folder.mkdir()
    write_text_prints(folder, generate(3 * BATCH))
    window = MainWindow(Register.open(tmp_path / "r.db"), start_services=False)
    qtbot.addWidget(window)
    window.show()
    answers = [False, True]
    asked = []

    def answer() -> bool:
        asked.append(True)
        return answers.pop(0)

    window.confirm_stop_import = answer
    window.start_import([folder])
    assert window.importer is not None and window.importer.running
    assert not window.close() and window.isVisible() and window.importer.running
    assert window.close() and len(asked) == 2
    assert window.closed and window.settled and not window.importer.running
    with Register.open(tmp_path / "r.db") as register:
        assert register.count_prints() % BATCH == 0
    window.register.close()
