"""Shared test helpers: where the fixtures and the shared real documents are.

The real documents (``../shared/samples``: the KI-Allianz motion and its answer, background
material; ``../shared/corpus``: Niedersachsen answer prints) are not part of the project. The
tests that read them carry the marker ``real_documents``; ``pytest -m real_documents`` runs just
them. When the folders are not beside the project, the whole group is skipped with one reason and
the run says so once at the end. Every other behaviour those tests cover is also tested on prints
we wrote ourselves (``tests/fixtures``, ``tests/ownprints.py``), so nothing else skips.

``ZIFFER_SHARED=/path/to/shared`` points the tests at another shared folder (a worktree that has
none beside it, or ``ZIFFER_SHARED=/nonexistent`` to see a run without the real documents).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # GUI tests run without a screen
# the platform of the run, also for the app started as a process of its own: `QT_QPA_PLATFORM=xcb`
# under xvfb-run runs every window of the suite on the X display
QT_PLATFORM = os.environ["QT_QPA_PLATFORM"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "prints"
SHARED = Path(os.environ.get("ZIFFER_SHARED") or ROOT.parent / "shared")
SAMPLES = SHARED / "samples"
CORPUS = SHARED / "corpus"
REAL_DOCUMENTS = "real_documents"
MISSING = [p for p in (SAMPLES, CORPUS) if not p.is_dir()]
SKIP_REASON = (
    f"real documents: {' and '.join(_p.as_posix() for _p in MISSING)} not there "
    f"(the group {REAL_DOCUMENTS} needs ../shared beside the project, or ZIFFER_SHARED)"
)
_skipped: list[str] = []
_current: list[pytest.Item] = []

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without ../shared the group real_documents is skipped, all for one reason. A test on the PostgreSQL
    server (fixture pg_url) is marked postgresql, so `pytest -m postgresql` runs them all."""
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if MISSING and item.get_closest_marker(REAL_DOCUMENTS):
            item.add_marker(skip)
        if "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgresql)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _current[:] = [item]  # before any fixture: sample() checks the marker of the test it serves


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    skipped = report.skipped and report.when == "setup" and isinstance(report.longrepr, tuple)
    if skipped and report.longrepr[2] == f"Skipped: {SKIP_REASON}":
        _skipped.append(report.nodeid)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if _skipped:
        shown = "../shared" if "ZIFFER_SHARED" not in os.environ else SHARED.as_posix()
        folders = " and ".join(f"{shown}/{p.name}" for p in MISSING)
        terminalreporter.write_line(
            f"real documents: {folders} not beside the project — "
            f"{len(_skipped)} tests of the group {REAL_DOCUMENTS} skipped"
        )


def sample(name: str) -> Path:
    """A file of ../shared/samples, for a test marked real_documents (the marker is what skips it
    when the samples are absent; an unmarked test asking for one fails)."""
    if _current and not _current[0].get_closest_marker(REAL_DOCUMENTS):
        raise AssertionError(f"{_current[0].nodeid} reads ../shared/samples/{name}: mark it {REAL_DOCUMENTS}")
    path = SAMPLES / name
    if not path.exists():
        raise AssertionError(f"{path} is missing from the shared samples")
    return path


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test gets an empty settings folder, never the user's real one."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        return
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database on the tests' PostgreSQL server (tests/pg.py), as a URL; dropped after."""
    import pg

    url = pg.fresh_database(request.node.name)
    yield url
    pg.start_server()  # a test that stopped the server and failed before starting it again
    pg.drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def register_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's register lives, once per kind: a SQLite file (a Path) and a PostgreSQL database (a URL)."""
    if request.param == "sqlite":
        return tmp_path / "register.db"
    return request.getfixturevalue("pg_url")


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` key by key like a user; characters beyond ASCII ("ä", "„") as key events with their
    text, since QTest.keyClicks only knows ASCII keys."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
