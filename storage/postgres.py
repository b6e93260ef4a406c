"""The team register on a PostgreSQL server: the connection, its schema, and what PostgreSQL does
differently from SQLite.

One `Register` serves both databases (storage/register.py): its SQL is written in the part both
understand (`?` marks, `ON CONFLICT`, `RETURNING`, `IS [NOT] DISTINCT FROM`), and what differs —
full-text search, a few expressions — is chosen by `Register.server`. `PgDatabase` below offers the
few calls the register makes of sqlite-utils' `Database` (execute, executemany, a transaction), so
the rest of the register does not know which one it talks to. What the register needs of the
server without a connection (full text, the errors, how an address is shown) is storage/team.py.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from storage.db import StorageError
from storage.team import CONNECT_TIMEOUT_S, NotPermitted, ServerUnavailable, display


def _unavailable(url: str, exc: BaseException) -> ServerUnavailable:
    text = str(exc)
    where = display(url)
    if re.search(
        r"password authentication failed|no password supplied|authentication failed|role .* does not exist", text
    ):
        return ServerUnavailable(
            f"Der Server des Team-Registers {where} hat die Anmeldung abgelehnt: Benutzername oder Passwort "
            "stimmen nicht."
        )
    m = re.search(r'database "([^"]+)" does not exist', text)
    if m:
        return ServerUnavailable(f"Auf dem Server {where} gibt es keine Datenbank „{m.group(1)}“.")
    if "permission denied for database" in text or "not permitted to log in" in text:
        return ServerUnavailable(f"Der Server {where} lässt diese Anmeldung nicht an das Team-Register.")
    return ServerUnavailable(
        f"Der Server des Team-Registers {where} ist nicht erreichbar (Netzwerk oder Server); "
        "bitte später erneut versuchen oder die IT fragen."
    )


@functools.lru_cache(maxsize=1024)
def _pg_sql(sql: str) -> str:
    """SQLite's `?` marks as psycopg's `%s` (a literal % doubled first). The register's SQL has no
    question marks or percent signs inside its string literals."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgDatabase:
    """A connection to the team register, in autocommit like the SQLite one: each statement stands
    alone unless `transaction()` groups them. A connection that broke (server restart, network) is
    made anew before the next statement outside a transaction."""

    server = True

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn = self._connect()
        self._open_transaction = False  # set by transaction(): no new connection may continue it

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            conn = psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="Ziffer",
                # a connection the network dropped silently is noticed within seconds, not when the
                # operating system gives up on it (a window waiting on it would stand still)
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=3,
                keepalives_count=3,
                tcp_user_timeout=15_000,
                # values bound here, not by the server: "? IS NULL" needs no declared type, as in SQLite
                cursor_factory=psycopg.ClientCursor,
            )
        except psycopg.Error as exc:
            raise _unavailable(self.url, exc) from exc
        return conn

    @property
    def in_transaction(self) -> bool:
        status = psycopg.pq.TransactionStatus
        return self.conn.info.transaction_status in (status.INTRANS, status.INERROR, status.ACTIVE)

    def _ready(self) -> None:
        """A lost connection (its transaction is lost with it) is replaced by a new one."""
        if self.conn.closed or self.conn.broken:
            if self._open_transaction:  # its first statements died with the old connection
                raise _unavailable(self.url, psycopg.OperationalError("the connection is lost"))
            with contextlib.suppress(psycopg.Error):
                self.conn.close()
            self.conn = self._connect()

    @contextlib.contextmanager
    def _in_german(self) -> Iterator[None]:
        """The server's failures as the register's: a refused grant (NotPermitted), a lock given up
        (StorageError), the connection gone or refused (ServerUnavailable); one place for all calls."""
        try:
            yield
        except pg_errors.InsufficientPrivilege as exc:
            raise NotPermitted(
                "Ihre Anmeldung am Team-Register darf das nicht ändern (die Rechte vergibt die Verwaltung des "
                "Servers); es wurde nichts gespeichert."
            ) from exc
        except (pg_errors.DeadlockDetected, pg_errors.LockNotAvailable, pg_errors.QueryCanceled) as exc:
            raise StorageError(f"the register cannot be written ({exc}).") from exc
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:  # InterfaceError: closed under us
            raise _unavailable(self.url, exc) from exc

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        self._ready()
        with self._in_german():
            cursor = self.conn.execute(_pg_sql(sql), list(params) if params else None)  # type: ignore[arg-type]
        return cursor

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        self._ready()
        with self._in_german(), self.conn.cursor() as cur:
            cur.executemany(_pg_sql(sql), rows)  # type: ignore[arg-type]

    def script(self, sql: str) -> None:
        """DDL and other statements without parameters, as they are."""
        with self._in_german():
            self.conn.execute(sql)  # type: ignore[arg-type]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint inside the open transaction."""
        with self.conn.transaction():
            yield

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: all of it or nothing. Nested calls become savepoints. Any failure rolls
        back; a connection lost on the way is reported as ServerUnavailable."""
        if self.in_transaction:
            with self.atomic():
                yield
            return
        self.execute("BEGIN")
        self._open_transaction = True
        try:
            yield
        except BaseException as exc:
            self._open_transaction = False
            if not self.conn.broken and self.in_transaction:
                with contextlib.suppress(psycopg.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, psycopg.Error):  # the server's words for a failed write: one sentence
                raise StorageError(f"the register cannot be written ({exc}).") from exc
            raise
        else:
            self._open_transaction = False
            try:
                with self._in_german():
                    self.conn.execute("COMMIT")
            except StorageError:
                if not self.conn.broken and self.in_transaction:
                    with contextlib.suppress(psycopg.Error):
                        self.conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()


# -- opening and migrating ---------------------------------------------------------------------------

_MIGRATION_LOCK = 0x5A1FFE4  # an advisory lock: two first openers do not both create the schema


def connect(url: str) -> PgDatabase:
    """Connect to the team register at `url` and bring its schema up to date. Raises
    ServerUnavailable (German, one sentence) when the server cannot be reached or refuses the login,
    NewerRegister for a schema a newer Ziffer made."""
    db = PgDatabase(url)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def _applied(db: PgDatabase) -> list[str] | None:
    if db.execute("SELECT to_regclass('ziffer_migrations')").fetchone()[0] is None:
        return None
    return [r[0] for r in db.execute("SELECT name FROM ziffer_migrations ORDER BY applied_at, name").fetchall()]


def migrate(db: PgDatabase) -> None:
    """Apply the pending server migrations, each in one transaction with its bookkeeping row. Reading
    what is applied needs no rights beyond reading, so a reader's Ziffer opens an up-to-date register."""
    from core import VERSION
    from storage.db import NewerRegister
    from storage.migrations import PG_MIGRATIONS

    known = [name for name, _ in PG_MIGRATIONS]
    applied = _applied(db)
    if applied is not None:
        if any(name not in known for name in applied):
            made_by = db.execute("SELECT value FROM ziffer_info WHERE key = 'schema_by'").fetchone()
            raise NewerRegister(display(db.url), made_by[0] if made_by else None)
        if len(applied) == len(known):
            return
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(?)", [_MIGRATION_LOCK])
        db.script("CREATE TABLE IF NOT EXISTS ziffer_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = set(_applied(db) or [])
        for name, sql in PG_MIGRATIONS:
            if name in done:
                continue
            with db.atomic():
                db.script(sql)
                db.execute("INSERT INTO ziffer_migrations (name, applied_at) VALUES (?, now()::text)", [name])
        db.execute(
            "INSERT INTO ziffer_info (key, value) VALUES ('schema_by', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [VERSION],
        )
