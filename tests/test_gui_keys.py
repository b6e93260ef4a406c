"""Ctrl+Y redoes on every platform, as the README promises: Qt binds redo to the platform's keys, and
an X11 desktop's are Ctrl+Shift+Z only (found by running the suite under Xvfb with the xcb platform)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

from conftest import ROOT


def test_redo_keys_keep_the_platforms_and_add_ctrl_y(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from gui.keys import redo_keys

    keys = redo_keys()
    assert QKeySequence("Ctrl+Y") in keys
    assert set(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)) <= set(keys)
    assert len(keys) == len(set(keys))


@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs an X display (xvfb-run gives one)")
def test_ctrl_y_redoes_on_an_x_display() -> None:
    """The undo test of the inquiry view (Ctrl+Z in a field, Ctrl+Y in the editor) on the X display, in
    a process of its own: the platform is chosen once per process."""
    env = os.environ | {"QT_QPA_PLATFORM": "xcb"}
    test = "tests/test_gui_inquiry.py::test_ctrl_z_in_the_unit_field_undoes"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", test],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
