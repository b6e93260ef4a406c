"""Opening the register's SQLite database: where it lives, connection settings, migrations.

One file, WAL mode (readers never block the writer), foreign keys on, a busy timeout so a
second process waits instead of failing, and write transactions that take the write lock at
their start (BEGIN IMMEDIATE), so two writers queue up instead of deadlocking.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.migrations import MIGRATION_SET, known_migrations, sqlite_utils_migrations

if TYPE_CHECKING:
    import concurrent.futures

BUSY_TIMEOUT_MS = 15_000
ENV_VAR = "ZIFFER_DB"


class StorageError(Exception):
    """A database that cannot be opened or used; the message is for the user."""


class DamagedRegister(StorageError):
    """A register SQLite finds damaged: opened nowhere for writing, so the damage does not spread and a
    backup can replace it. The message is German, for the officer."""

    def __init__(self, path: str | os.PathLike[str], detail: str) -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(
            f"Das Register {self.path} ist beschädigt ({detail}) und wird nicht geöffnet, "
            "damit nichts hineingeschrieben wird."
        )


class NewerRegister(StorageError):
    """A register a newer Ziffer has changed: this one would not know its new parts and must not write
    to it. The message is German and names the version that made it."""

    def __init__(self, path: str | os.PathLike[str], made_by: str | None) -> None:
        from core import VERSION

        self.path = _location(path)
        self.made_by = made_by
        by = f"Ziffer {made_by}" if made_by else "einer neueren Ziffer-Version"
        need = f"Ziffer {made_by} oder neuer" if made_by else "der neueren Version"
        super().__init__(
            f"Das Register {self.path} wurde mit {by} angelegt oder erweitert, diese Version ist Ziffer "
            f"{VERSION}; damit nichts verloren geht, öffnen Sie es bitte mit {need}."
        )


class VersionConflict(StorageError):
    """A save refused because it rests on an older version than the one stored: someone else (another
    window, another PC) changed the text or fact in between. Carries what is stored, so the window can
    put it beside the officer's own and let the officer choose; nothing was written.

    `what` is "answer:N" (the N-th answer item), "answer items" (the answer's division) or the name of
    a fact ("title", "received", ...); `stored` is the stored text or value, `version` its version,
    `who` and `at` (ISO time, UTC) the last change to it as far as the register knows."""

    def __init__(
        self, print_id: int, what: str, stored: Any, version: int, who: str | None, at: str | None, expected: Any
    ) -> None:
        self.print_id, self.what, self.stored, self.version = print_id, what, stored, version
        self.who, self.at, self.expected = who, at, expected
        super().__init__(
            f"{what} of print {print_id} was changed by {who or 'someone else'} meanwhile "
            f"(version {version}, the save was based on {expected}); nothing was overwritten."
        )


class SqliteDatabase:
    """The connection to a register file, with the calls the register makes of it: `execute`, `atomic`
    and `close` (storage.postgres.PgDatabase has the same for the team register). sqlite-utils'
    Database has them too, but importing it costs every command 45-70 ms (with click, dateutil and
    pluggy): it is imported only to migrate (`migrate`). The connection is in autocommit mode
    (isolation_level=None): a statement outside `write_transaction` is its own transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[SqliteDatabase]:
        """A savepoint inside the open transaction (write_transaction's nested calls)."""
        self.conn.execute("SAVEPOINT ziffer_atomic")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:  # an error can have ended the whole transaction already
                self.conn.execute("ROLLBACK TO SAVEPOINT ziffer_atomic")
                self.conn.execute("RELEASE SAVEPOINT ziffer_atomic")
            raise
        self.conn.execute("RELEASE SAVEPOINT ziffer_atomic")

    def close(self) -> None:
        self.conn.close()


class SecondReader:
    """A second, read-only connection to a register file, working on a thread of its own, so that one
    long read can run in two halves on two cores at once: SQLite runs a connection's statement on one
    core, and Python lets other threads run while SQLite steps. Opened on first use by `Register`, and
    closed with it, before the file is noted as intact (`remember_checked`): whichever connection
    closes last folds the write-ahead log into the file.

    Each read is its own read transaction, begun when the read is handed over: it sees the register as
    committed then, which is the state the caller's own snapshot sees unless another window or process
    commits in between (then the newer one)."""

    def __init__(self, path: Path) -> None:
        import concurrent.futures

        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._thread = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="ziffer-reader")
        self._used = False  # the thread starts with the first read

    def fetch(self, sql: str, parameters: list[Any]) -> concurrent.futures.Future[list[tuple[Any, ...]]]:
        """Run `sql` on the reader's thread; the future's result is all its rows."""
        self._used = True
        return self._thread.submit(self._fetch, sql, parameters)

    def _fetch(self, sql: str, parameters: list[Any]) -> list[tuple[Any, ...]]:
        if self._conn is None:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._conn = conn
        self._conn.execute("BEGIN")  # FTS5's bm25 looks up each point's length faster inside one
        try:
            return self._conn.execute(sql, parameters).fetchall()
        finally:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection on its thread, and end the thread (after a read still running)."""

        def close_connection() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        if self._used:
            with contextlib.suppress(RuntimeError):  # closed before: the thread is gone already
                self._thread.submit(close_connection).result()
        self._thread.shutdown(wait=True)


def is_server(location: object) -> bool:
    """A `postgresql://` address (the team register) rather than a register file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def _location(location: str | os.PathLike[str]) -> Path | str:
    return location if is_server(location) else Path(location)  # type: ignore[return-value]


def default_db_path() -> Path:
    """The register in the user's data folder (e.g. ~/.local/share/Ziffer, %LOCALAPPDATA%\\Ziffer)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Ziffer", appauthor=False)) / "ziffer.db"


def resolve_db_path(arg: str | os.PathLike[str] | None = None) -> Path | str:
    """--db PATH (or postgresql://...) first, then the ZIFFER_DB variable, then the data folder. A
    file is a Path, the team register's address stays a str."""
    if arg:
        return _location(arg)
    if os.environ.get(ENV_VAR):
        return _location(os.environ[ENV_VAR])
    return default_db_path()


def connect(path: str | os.PathLike[str]) -> SqliteDatabase:
    """Open (creating if needed), check and migrate the database at `path`.

    Raises DamagedRegister for a file SQLite finds damaged and NewerRegister for one whose schema a
    newer Ziffer made; both are logged in the error log beside the register and neither file is
    written to."""
    path = Path(path)
    memory = str(path) == ":memory:"
    state = None if memory else _file_state(path)
    conn = None
    try:
        if not memory:
            path.parent.mkdir(parents=True, exist_ok=True)
            check_header(path)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # SQLite's default page cache is 2 MB: in a register of hundreds of MB every print looked up
        # for a search or a similar answer was read from the file again (a search joining 3,500 hits
        # to their prints: 13 against 8 ms at 50,000 prints). The cache grows only as pages are read.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        db = SqliteDatabase(conn)
        if not memory:
            _check_version(db, path)  # before the first write: WAL mode below already writes the header
            if _check_due(path, state):
                _quick_check(conn, path)
            with _checked_lock:
                _checked[path.resolve()] = _checked.get(path.resolve(), 0) + 1
            _lay_out_new_file(conn)  # before WAL mode, which fixes the page size
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed data
        migrate(db, path)
    except (DamagedRegister, NewerRegister) as exc:
        if conn is not None:
            conn.close()
        log_error(path, str(exc))
        raise
    except sqlite3.OperationalError as exc:  # locked, unreadable, no such folder: the file may well be fine
        if conn is not None:
            conn.close()
        raise StorageError(f"{path}: the database cannot be opened ({exc}).") from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        if conn is not None:
            conn.close()
        damaged = DamagedRegister(path, str(exc))
        log_error(path, str(damaged))
        raise damaged from exc
    except OSError as exc:
        raise StorageError(f"{path}: the database folder cannot be created ({exc.strerror or exc}).") from exc
    return db


# -- checks at open ---------------------------------------------------------------------------------
#
CACHE_KIB = 64 * 1024  # the page cache of one connection to the register, at most

# PRAGMA quick_check reads the whole file: 70-100 ms for 5,000 prints (81 MB) but 0.7-1.0 s for 50,000
# (817 MB) with a warm cache, more from a cold disk (bench/bench_open.py) - longer than the whole start
# of the window (0.6 s), and every background job of the window opens the register again. So the check
# runs only when the file is not as Ziffer left it: each close of a register checked in this process
# notes the file's size and time beside it (`checked_marker`), and an open finding the file so skips
# the check; while a connection to it is open in this process (the window's, while background jobs
# open their own), it is not checked again. Damage from outside (a sync tool, a copy broken off, a crash
# mid-write) changes size or time and is caught at the next open; what every open does - the header,
# the schema, the versions - costs well under a millisecond.

_checked: dict[Path, int] = {}  # registers found intact: their connections open in this process
_checked_lock = threading.Lock()  # background jobs open and close their own connections


def checked_marker(path: Path) -> Path:
    """The file beside the register noting the state in which Ziffer last closed it intact."""
    return path.with_name(path.name + "-geprüft")


def _file_state(path: Path) -> list[list[int] | None]:
    """Size and modification time of the register and its write-ahead log."""
    state: list[list[int] | None] = []
    for part in (path, Path(f"{path}-wal")):
        try:
            st = part.stat()
        except OSError:
            state.append(None)
        else:
            state.append([st.st_size, st.st_mtime_ns])
    return state


def _check_due(path: Path, state: list[list[int] | None] | None) -> bool:
    if path.resolve() in _checked or state is None or state[0] is None or state[0][0] == 0:
        return False  # open and checked in this process, or a new file
    try:
        return bool(json.loads(checked_marker(path).read_text(encoding="utf-8")) != state)
    except (OSError, ValueError):
        return True


def remember_checked(path: Path) -> None:
    """One connection to the register is closed; after the last, note its present state as intact."""
    path = Path(path)
    key = path.resolve() if str(path) != ":memory:" else None
    with _checked_lock:
        if key not in _checked:
            return
        _checked[key] -= 1
        if _checked[key] > 0:
            return
        del _checked[key]
    with contextlib.suppress(OSError):
        checked_marker(path).write_text(json.dumps(_file_state(path)), encoding="utf-8")


def check_header(path: Path) -> None:
    """The first bytes of a register are SQLite's; anything else is damage (an empty file is a new one)."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return
    if head and head != b"SQLite format 3\x00":
        raise DamagedRegister(path, "file is not a database")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        raise DamagedRegister(path, str(rows[0][0]))


def _applied(db: SqliteDatabase) -> list[str]:
    """The migrations applied to the register, in order, from sqlite-utils' table of them."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'").fetchone():
        return []
    rows = db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET])
    return [name for (name,) in rows]


def _check_version(db: SqliteDatabase, path: Path) -> None:
    """Refuse a register whose schema is newer than this Ziffer knows (user_version or a migration
    it has never heard of): writing to it could lose or garble what the newer version stores."""
    known = known_migrations()
    level = db.execute("PRAGMA user_version").fetchone()[0]
    # reading the schema: a damaged first page fails here
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    unknown = [name for name in _applied(db) if name not in known]
    if level <= len(known) and not unknown:
        return
    made_by = None
    if "ziffer_info" in tables:
        row = db.execute("SELECT value FROM ziffer_info WHERE key = 'schema_by'").fetchone()
        made_by = row[0] if row else None
    raise NewerRegister(path, made_by)


def _note_schema(db: SqliteDatabase) -> None:
    """After migrating: the schema level and the version that wrote it, for _check_version of an older Ziffer."""
    from core import VERSION

    level = len(known_migrations())
    if db.execute("PRAGMA user_version").fetchone()[0] == level:
        return
    with write_transaction(db):
        db.execute("INSERT OR REPLACE INTO ziffer_info (key, value) VALUES ('schema_by', ?)", [VERSION])
        db.execute(f"PRAGMA user_version = {level}")


# -- the error log ----------------------------------------------------------------------------------


def error_log_path(db_path: str | os.PathLike[str]) -> Path:
    """ziffer-fehler.log beside the register (README, "Where data lives"); for the team register on a
    server, in the officer's data folder."""
    if is_server(db_path):
        return default_db_path().parent / "ziffer-fehler.log"
    return Path(db_path).parent / "ziffer-fehler.log"


def log_error(db_path: str | os.PathLike[str], text: str) -> bool:
    """Append one dated entry to the error log; a log that cannot be written is no reason to fail
    (False then)."""
    try:
        log = error_log_path(db_path)
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return False
    return True


def upgrade_pending(location: str | os.PathLike[str]) -> bool:
    """Whether opening this register file will convert it to this Ziffer's schema first (a large
    register takes a while, once: m012 rebuilds 50,000 prints' search index in about 20 s), so the
    window can say so instead of seeming to hang. Read from the file's header (its schema cookie and
    user_version, SQLite's file format) without opening it as a database: a connection, even a
    read-only one, leaves a write-ahead log behind, and the file would no longer be the one whose
    check was remembered (storage.db._check_due). False when unsure."""
    if is_server(location) or str(location) == ":memory:":
        return False
    try:
        with open(location, "rb") as f:
            head = f.read(100)
    except OSError:
        return False
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        return False
    schema_cookie = int.from_bytes(head[40:44], "big")  # 0: no table was ever made
    user_version = int.from_bytes(head[60:64], "big")
    return schema_cookie > 0 and user_version < len(known_migrations())


def migrate(db: Any, path: Path | None = None, *, stop_before: str | None = None) -> None:
    """Apply pending migrations; a copy of the file is taken first, so an upgrade can be undone.
    `db` is a SqliteDatabase or sqlite-utils' Database (tests build old registers with it)."""
    db = SqliteDatabase(db.conn)
    before = _applied(db)
    pending = [name for name in known_migrations() if name not in before]
    if not pending:
        return
    existing = bool(before)  # a register with data, not a new file
    if path is not None and str(path) != ":memory:" and existing:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.before-{pending[0]}-{stamp}")
        with contextlib.closing(sqlite3.connect(str(backup))) as target:
            db.conn.backup(target)
    import sqlite_utils

    # execute_plugins=False: no scan of the installed packages for sqlite-utils plugins, which could
    # change the connection and cost 25 ms
    sqlite_utils_migrations().apply(sqlite_utils.Database(db.conn, execute_plugins=False), stop_before=stop_before)
    if stop_before is None:
        _note_schema(db)
    applied = set(_applied(db))
    if existing and any(name in SHRINKING_MIGRATIONS and name in applied for name in pending):
        _shrink(db)


# Migrations after which an existing register file holds much less than before (m012: the search index
# no longer keeps a copy of the text, nearly half of the file; m013: smaller tables, and the file's
# layout below): the freed pages are given back once.
SHRINKING_MIGRATIONS = ("m012_index_over_stored_text", "m013_smaller_register")

# The layout of a register file (issue 13: bytes per print). 8 KiB pages: rows of a few hundred bytes
# (answer items, prints) and the search index's 4 KB blocks leave less of each page unused than in 4 KiB
# ones (-0.7 % of the file). auto_vacuum FULL: the pages a commit frees (the search index merges its
# segments as it grows, freeing up to 1 % of the file at a time) are given back to the file system at
# that commit instead of staying in the file until something else is stored there.
PAGE_SIZE = 8192


def _lay_out_new_file(conn: sqlite3.Connection) -> None:
    """A new register file gets the layout above; SQLite fixes both when the first table is made."""
    if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA auto_vacuum = FULL")


def _shrink(db: SqliteDatabase) -> None:
    """Give the pages an upgrade freed back to the file system, once, and give the file the layout of a
    new one (VACUUM rewrites the file: 2.7 s for 50,000 prints, after the 14 s m012 takes to rebuild their
    index). The page size can change only outside WAL mode, so the file leaves it for the VACUUM. Skipped
    when another program keeps the register busy: SQLite then reuses the free pages for what is stored
    next, and the file stays as large, and as it is laid out, as it was until then."""
    with contextlib.suppress(sqlite3.OperationalError):
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        try:
            if db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete":
                db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            db.execute("PRAGMA auto_vacuum = FULL")
            db.execute("VACUUM")
        finally:
            db.execute(f"PRAGMA journal_mode = {mode}")
            # after an upgrade, SQLite keeps a read open past the change of journal mode until a statement
            # reads the file, and refuses a checkpoint until then ("database table is locked")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()


@contextlib.contextmanager
def write_transaction(db: Any) -> Iterator[Any]:
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
