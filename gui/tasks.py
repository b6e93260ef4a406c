"""Run work off the GUI thread, then call back on it.

SQLite connections belong to one thread, so background work that touches the register
opens its own connection (`Register.open(path)`) for the duration of the job. Results,
progress and errors come back as queued signals, so callbacks run on the GUI thread."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from storage.register import Register

Progress = Callable[[int, int, str], None]  # done, total, what is happening


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work(lambda done, total, text="": self.signals.progress.emit(done, total, text))
        except Exception as exc:  # reported on the GUI thread as one sentence
            exc.__ziffer_trace__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_running: set[_Signals] = set()  # keeps the signal objects alive until their job reports


def run_in_background(
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Progress | None = None,
) -> None:
    """Run `work(progress)` on Qt's thread pool; exactly one of on_done/on_error runs afterwards on the GUI thread."""
    signals = _Signals()
    _running.add(signals)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(signals)
        callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_error, exc))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Job(work, signals))


def with_register(db_path: Path, work: Callable[[Register, Progress], Any]) -> Callable[[Progress], Any]:
    """Wrap `work(register, progress)` so it runs on its own connection to the register at `db_path`."""

    def run(progress: Progress) -> Any:
        register = Register.open(db_path)
        try:
            return work(register, progress)
        finally:
            register.close()

    return run


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Wait until every background job has finished (tests, closing the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
