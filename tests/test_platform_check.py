"""Before Qt starts: a German sentence instead of Qt's abort when no window can be opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.platform_check import platform_problem

ROOT = Path(__file__).resolve().parent.parent


def test_missing_library_is_named_with_its_package() -> None:
    libraries = {"libc.so.6": "libc6", "libziffer-gibt-es-nicht.so.7": "libziffer-test7"}
    problem = platform_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "linux", libraries)
    assert problem is not None
    assert "sudo apt install libziffer-test7" in problem
    assert "libc6" not in problem  # present libraries are not asked for
    assert problem.startswith("Ziffer kann kein Fenster öffnen")


def test_no_graphical_session() -> None:
    problem = platform_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", {"libc.so.6": "libc6"})
    assert problem is not None and "DISPLAY" in problem and "--help" in problem


@pytest.mark.parametrize(
    ("env", "system"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # the tests' own platform
        ({"QT_QPA_PLATFORM": "wayland"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_other_platforms_are_left_to_qt(env: dict[str, str], system: str) -> None:
    assert platform_problem(env, system, {"libziffer-gibt-es-nicht.so.7": "x"}) is None


@pytest.mark.skipif(sys.platform != "linux", reason="the X11 platform plugin is Linux's")
def test_the_window_command_says_why_instead_of_aborting(tmp_path: Path) -> None:
    """`python main.py` where Qt's X11 plugin cannot start (no display; on a minimal system also
    libraries missing) ends with exit status 1 and one German line, not Qt's abort (134)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "r.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith("ziffer: Ziffer kann kein Fenster öffnen")
    assert "Aborted" not in r.stderr and "Traceback" not in r.stderr
