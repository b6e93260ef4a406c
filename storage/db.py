"""Opening the register's SQLite database: where it lives, connection settings, migrations.

One file, WAL mode (readers never block the writer), foreign keys on, a busy timeout so a
second process waits instead of failing, and write transactions that take the write lock at
their start (BEGIN IMMEDIATE), so two writers queue up instead of deadlocking.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlite_utils

from storage.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 15_000
ENV_VAR = "ZIFFER_DB"


class StorageError(Exception):
    """A database that cannot be opened or used; the message is for the user."""


def default_db_path() -> Path:
    """The register in the user's data folder (e.g. ~/.local/share/Ziffer, %LOCALAPPDATA%\\Ziffer)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Ziffer", appauthor=False)) / "ziffer.db"


def resolve_db_path(arg: str | os.PathLike[str] | None = None) -> Path:
    """--db PATH first, then the ZIFFER_DB variable, then the data folder."""
    if arg:
        return Path(arg)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return default_db_path()


def connect(path: str | os.PathLike[str]) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at `path`."""
    path = Path(path)
    try:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed data
        db = sqlite_utils.Database(conn)
        migrate(db, path)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path}: the database cannot be opened ({exc}).") from exc
    except OSError as exc:
        raise StorageError(f"{path}: the database folder cannot be created ({exc.strerror or exc}).") from exc
    return db


def migrate(db: sqlite_utils.Database, path: Path | None = None, *, stop_before: str | None = None) -> None:
    """Apply pending migrations; a copy of the file is taken first, so an upgrade can be undone."""
    pending = MIGRATIONS.pending(db)
    if not pending:
        return
    if path is not None and str(path) != ":memory:" and MIGRATIONS.applied(db):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.before-{pending[0].name}-{stamp}")
        with contextlib.closing(sqlite3.connect(str(backup))) as target:
            db.conn.backup(target)
    MIGRATIONS.apply(db, stop_before=stop_before)


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: all of it or nothing. Nested calls become savepoints."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:  # another program holds the register longer than the busy timeout
        raise StorageError(f"the register cannot be written ({exc}).") from exc
    try:
        yield db
    except sqlite3.OperationalError as exc:  # locked, disk full, read-only: one sentence for the user
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise StorageError(f"the register cannot be written ({exc}).") from exc
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise StorageError(f"the register cannot be written ({exc}).") from exc
