"""Shared test helpers: where the fixtures and the shared samples are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # GUI tests run without a screen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "prints"
SAMPLES = next(
    (p / "shared" / "samples" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "samples").is_dir()),
    ROOT.parent / "shared" / "samples",
)  # beside the project, or beside the folder of git worktrees (/work/wt/NAME)

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def sample(name: str) -> Path:
    """A file of ../shared/samples, or skip the test when the samples are not beside the project."""
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} is not available")
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
