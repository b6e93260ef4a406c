"""Noticing what other windows (or other PCs) changed in the register.

SQLite: a connection of its own asks `PRAGMA data_version`, which changes when any *other* connection
commits (a few microseconds, no file read while nothing changed). Only then are the new events read:
every change the register makes is logged in `events` with the session that made it, so the changes
of this window's own register (its session) are told apart from everyone else's, with who and when.

PostgreSQL (the team register): the connection LISTENs on the channel a trigger on `events`
notifies with every new event (storage/migrations.py, PG_SCHEMA); a poll takes the notifications
that arrived, without a round trip to the server while there are none, and then reads the new
events the same way.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.db import BUSY_TIMEOUT_MS


@dataclass(frozen=True)
class Change:
    """One logged change by another session."""

    entity: str  # "print" or "material"
    entity_id: int
    field: str
    who: str
    at: str  # ISO time, UTC


class ChangeFeed:
    """The changes other sessions made since the last poll. Open it beside the register it watches;
    `session` is that register's (its own changes are not reported)."""

    def __init__(self, path: str | os.PathLike[str], session: str) -> None:
        self.path = Path(path)
        self.session = session
        # never writes; autocommit, so each statement sees the newest committed state and holds no lock
        self._conn = sqlite3.connect(
            f"{self.path.resolve().as_uri()}?mode=rw",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        self._version = self._data_version()
        self._last_event = self._conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def poll(self) -> list[Change]:
        """Changes by other sessions since the last call; [] at once when nobody has committed."""
        try:
            version = self._data_version()
            if version == self._version:
                return []
            rows = self._conn.execute(
                "SELECT id, entity, entity_id, field, who, at, session FROM events WHERE id > ? ORDER BY id",
                [self._last_event],
            ).fetchall()
        except sqlite3.Error:  # busy or gone for a moment: asked again at the next poll
            return []
        self._version = version
        if rows:
            self._last_event = rows[-1][0]
        return [Change(r[1], int(r[2]), r[3], r[4], r[5]) for r in rows if r[6] != self.session]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()


class ServerChangeFeed:
    """The same for the team register on a PostgreSQL server, by LISTEN/NOTIFY. A connection lost
    (server restart, network) is made anew at a later poll; events missed meanwhile are read then,
    since the reading goes by event id."""

    def __init__(self, url: str, session: str) -> None:
        import psycopg

        from storage import team

        self.url = url
        self.session = session
        self._psycopg = psycopg
        self._conn: psycopg.Connection[Any] | None = None
        self._connect()
        self._last_event = 0
        if self._conn is not None:
            self._last_event = self._conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        self._channel = team.NOTIFY_CHANNEL

    def _connect(self) -> None:
        from storage import team

        try:
            self._conn = self._psycopg.connect(
                self.url, autocommit=True, connect_timeout=team.CONNECT_TIMEOUT_S, application_name="Ziffer"
            )
            self._conn.execute(f"LISTEN {team.NOTIFY_CHANNEL}")
        except self._psycopg.Error:
            self._conn = None

    def poll(self) -> list[Change]:
        """Changes by other sessions since the last call; [] at once when no notification came."""
        psycopg = self._psycopg
        try:
            if self._conn is None or self._conn.broken or self._conn.closed:
                self._connect()
                if self._conn is None:
                    return []
                notified = True  # whatever happened while the connection was gone
            else:
                notified = any(True for _ in self._conn.notifies(timeout=0))
            if not notified:
                return []
            rows = self._conn.execute(
                "SELECT id, entity, entity_id, field, who, at, session FROM events WHERE id > %s ORDER BY id",
                [self._last_event],
            ).fetchall()
        except psycopg.Error:  # the server went away: tried again at the next poll
            return []
        if rows:
            self._last_event = rows[-1][0]
        return [Change(r[1], int(r[2]), r[3], r[4], r[5]) for r in rows if r[6] != self.session]

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(self._psycopg.Error):
                self._conn.close()


def open_feed(location: str | os.PathLike[str], session: str) -> ChangeFeed | ServerChangeFeed:
    """The change feed for a register file or for the team register's address."""
    from storage.db import is_server

    if is_server(location):
        return ServerChangeFeed(str(location), session)
    return ChangeFeed(location, session)
