"""Tells the window what other windows (or other PCs) changed in the register, within a second.

A QTimer polls the register's change feed (storage.watch: `PRAGMA data_version` on a connection of
its own, or the notifications of the team register's server, then the new events) on the GUI
thread: a poll while nothing changed costs a few microseconds, so polling every second costs
nothing noticeable and needs no thread."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QTimer, Signal

from storage.register import Register
from storage.watch import Change, ChangeFeed, ServerChangeFeed, open_feed

POLL_MS = 1000  # the issue asks for changes shown within 2 s


class ChangeWatcher(QObject):
    """Emits `changed` with the changes other sessions made to the register since the last poll."""

    changed = Signal(list)  # list[storage.watch.Change]

    def __init__(self, register: Register, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed: ChangeFeed | ServerChangeFeed | None = None
        with contextlib.suppress(Exception):  # an in-memory register or an unreadable file: nobody else writes
            if str(register.location) != ":memory:":
                self.feed = open_feed(register.location, register.session)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        if self.feed is not None:
            self.timer.start()

    def poll(self) -> list[Change]:
        changes = self.feed.poll() if self.feed is not None else []
        if changes:
            self.changed.emit(changes)
        return changes

    def stop(self) -> None:
        """Stop polling and close the feed's connection (before the register closes)."""
        self.timer.stop()
        if self.feed is not None:
            self.feed.close()
            self.feed = None
