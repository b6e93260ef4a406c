"""Killing the app while typing loses at most the last second of typing (a real SIGKILL of a child)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import FIXTURES, QT_PLATFORM, ROOT

from core.services import import_file
from storage.register import Register

INTERVAL_MS = 40  # 25 keys a second, a fast typist


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_while_typing_loses_at_most_a_second(tmp_path: Path) -> None:
    """After SIGKILL mid-sentence, the register holds all but at most one second of the typed keys."""
    db = tmp_path / "r.db"
    with Register.open(db) as reg:
        pid = import_file(reg, FIXTURES / "bw_antrag_unanswered.txt", who="t").id
    env = os.environ | {"QT_QPA_PLATFORM": QT_PLATFORM}
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "typist.py"), str(db), str(pid), "2", str(INTERVAL_MS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    typed = 0
    started = None
    try:
        for line in child.stdout:
            if line.startswith("typed "):
                typed = int(line.split()[1])
                started = started or time.monotonic()
                if time.monotonic() - started > 3.0:
                    break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert typed > 30, child.stderr.read() if child.stderr else ""
    with Register.open(db) as reg:
        answer = reg.get_print(pid).doc.answer  # type: ignore[arg-type]
        assert answer is not None
        saved = len(answer.items[1].text)
        assert reg.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lost_seconds = (typed - saved) * INTERVAL_MS / 1000
    print(f"typed {typed} keys, saved {saved}, lost {lost_seconds:.2f} s of typing")
    assert typed - saved >= 0 and lost_seconds <= 1.0
