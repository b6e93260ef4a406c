"""Run work off the GUI thread, then call back on it.

SQLite connections belong to one thread, so background work that touches the register
opens its own connection (`Register.open(register.location)`: a file or the team register's
address) for the duration of the job. Results, progress and errors come back as queued signals,
so callbacks run on the GUI thread.

A window or view that starts jobs owns a `Jobs`: its callbacks run only while the owner is open,
and `Jobs.shutdown()` waits for the running jobs before the register they write to is closed —
a worker must never outlive the objects it reports to, nor the app."""

from __future__ import annotations

import functools
import os
import sqlite3
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.errors import in_german
from storage.db import StorageError
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
    *,
    pool: QThreadPool | None = None,
    alive: Callable[[], bool] | None = None,
) -> None:
    """Run `work(progress)` on Qt's thread pool (or `pool`); exactly one of on_done/on_error runs afterwards
    on the GUI thread — unless `alive()` says by then that nobody is left to tell."""
    signals = _Signals()
    _running.add(signals)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(signals)
        if alive is None or alive():
            callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_error, exc))
    if on_progress is not None:
        report = on_progress

        def progress(done: int, total: int, text: str) -> None:
            if alive is None or alive():
                report(done, total, text)

        signals.progress.connect(progress)
    (pool or QThreadPool.globalInstance()).start(_Job(work, signals))


class Jobs(QObject):
    """The background jobs of one owner (a window, a view, the importer) on a pool of their own, so
    that closing the owner waits for its jobs only, and nothing they report arrives after it closed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.closed = False

    def run(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Progress | None = None,
    ) -> None:
        """Like `run_in_background`; after `shutdown()` the job does not start."""
        if not self.closed:
            run_in_background(work, on_done, on_error, on_progress, pool=self.pool, alive=lambda: not self.closed)

    def wait(self, timeout_ms: int = 60000) -> bool:
        """Wait for the running jobs (before the register they use is closed or replaced)."""
        return self.pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Drop whatever the jobs still report and wait for them; False if one still runs after `timeout_ms`."""
        self.closed = True
        return self.pool.waitForDone(timeout_ms)


def register_open(register: Register) -> bool:
    """Whether the register's connection is still open: a timer or a late callback of a view must
    not touch a register that was closed under it (switching registers, quitting, a test's teardown)."""
    if register.server:
        # closed by Ziffer, not lost: a connection the server dropped is made anew at the next statement
        conn = register.db.conn
        return not conn.closed or conn.broken
    try:
        register.db.conn.total_changes  # noqa: B018 - any use of a closed connection raises
    except sqlite3.ProgrammingError:
        return False
    return True


def with_register(
    location: str | os.PathLike[str], work: Callable[[Register, Progress], Any]
) -> Callable[[Progress], Any]:
    """Wrap `work(register, progress)` so it runs on its own connection to the register at `location`
    (a file, or the team register's `postgresql://` address: `Register.location`)."""

    def run(progress: Progress) -> Any:
        register = Register.open(location)
        try:
            return work(register, progress)
        finally:
            register.close()

    return run


F = TypeVar("F", bound=Callable[..., Any])


def reports_storage_errors(report: str = "status_message", default: Any = None) -> Callable[[F], F]:
    """For a view's method that uses the register on the GUI thread (a refresh, a timer's check, a
    button's small write): a register that cannot be used just now (the team register's server
    unreachable, a grant refusing the write) is one German sentence through `self.<report>` (a signal
    or a method), never a traceback; the method returns `default` then and the view keeps showing what
    it showed. (PySide passes a signal's arguments on
    to the wrapper: connect a signal with arguments the method does not take through a lambda.)"""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except StorageError as exc:
                target = getattr(self, report)
                (target.emit if hasattr(target, "emit") else target)(in_german(str(exc)))
                return default

        return wrapper  # type: ignore[return-value]

    return decorate


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Wait until every background job has finished (tests, closing the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
