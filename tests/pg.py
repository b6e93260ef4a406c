"""A real PostgreSQL server for the tests, started by the test process itself.

The team register runs on PostgreSQL, and no mock shows what a real server does (privileges, a
server that goes away mid-edit). ``pgserver`` (PyPI) ships the PostgreSQL 16 binaries, so CI needs
nothing but Python. Each test process starts its own server (~1 s), lazily on first use, in a fresh
folder (in memory where it can, see _folder), listening only on a Unix socket in that folder (no TCP
port to collide on, so parallel runs are independent); it is stopped and the folder removed at exit.

Logins: the superuser ``postgres`` is trusted (the helpers' admin connection needs no password);
every other role logs in with a password (scram-sha-256), so tests can check a wrong one is refused.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import secrets
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

# who may log in how (the server listens on its socket; the host lines are for Windows, where pgserver uses TCP)
PG_HBA = """\
local all postgres trust
local all all scram-sha-256
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""
# Speed only: these matter when the machine crashes, not when the server stops or is killed.
SETTINGS = {"fsync": "off", "full_page_writes": "off"}

_numbers = itertools.count(1)


@dataclass(frozen=True)
class Server:
    uri: str  # the superuser's URL of the database "postgres"
    data: Path  # the data folder (its Unix socket lies in it too)
    handle: Any  # the pgserver.PostgresServer


@functools.cache
def server() -> Server:
    """The test process's server, started on first call. Fails loudly (never skips) when it cannot start:
    the PostgreSQL tests must run in CI."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns on import when XDG_RUNTIME_DIR is unset
        import pgserver
    # short: the socket path (this folder + "/.s.PGSQL.5432") must stay under ~100 bytes
    data = Path(tempfile.mkdtemp(prefix="ziffer-pg-", dir=_folder()))
    try:
        # pgserver registers the stop at exit (atexit); "delete" removes the folder then too
        handle = pgserver.get_server(data, cleanup_mode="delete")
    except Exception as exc:
        log = data / "log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"
        raise RuntimeError(f"pgserver could not start PostgreSQL in {data}: {exc!r}\n{tail}") from exc
    found = Server(uri=handle.get_uri(), data=Path(handle.pgdata), handle=handle)
    (found.data / "pg_hba.conf").write_text(PG_HBA)
    with psycopg.connect(found.uri, autocommit=True) as conn:
        for name, value in SETTINGS.items():
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
    _stop(found)  # a restart, so both surely take effect (a reload is only signalled)
    found.handle.ensure_postgres_running()
    return found


def _folder() -> str:
    """Linux's /dev/shm (memory) when it has room, else the system temp dir: a new database is ~300 new
    files, made in ~15 ms in memory but in 50-200 ms on this machine's disk."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 2 * 2**30:
        return shm
    return tempfile.gettempdir()


def url(database: str, user: str = "postgres", password: str | None = None) -> str:
    """A ``postgresql://`` URL for `database` on the test server, as psycopg.connect takes it."""
    info = server().handle.get_postmaster_info()
    who = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    if info.socket_dir is not None:
        return f"postgresql://{who}@/{quote(database, safe='')}?host={quote(str(info.socket_dir))}"
    return f"postgresql://{who}@{info.hostname}:{info.port}/{quote(database, safe='')}"


def fresh_database(name_hint: str = "test") -> str:
    """A new, empty database and its superuser URL: one per test, so tests share the server but no data.
    A copy of template0's files (FILE_COPY: here twice as fast as copying it page by page through the WAL)."""
    slug = re.sub(r"[^a-z0-9]+", "_", name_hint.lower()).strip("_")[:40] or "test"
    name = f"{slug}_{next(_numbers)}"
    with psycopg.connect(server().uri, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 STRATEGY FILE_COPY").format(sql.Identifier(name)))
    return url(name)


def drop_database(db_url: str) -> None:
    """Drop the database of `db_url`, ending connections still open on it (a test's leftovers)."""
    name = conninfo_to_dict(db_url)["dbname"]
    with psycopg.connect(server().uri, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def create_role(db_url: str, role: str, password: str | None = None, login: bool = True) -> str:
    """Create `role` (or, as roles are cluster-wide, reset one an earlier test made) and return the URL
    to connect to the database of `db_url` as it. Without `password` a random one is set (non-superusers
    log in by password) and put in the URL. The role gets no privileges beyond PUBLIC's: grant them."""
    password = password or secrets.token_urlsafe(12)
    with psycopg.connect(server().uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
        conn.execute(
            sql.SQL("{} ROLE {} WITH {} PASSWORD {}").format(
                sql.SQL("ALTER" if exists else "CREATE"),
                sql.Identifier(role),
                sql.SQL("LOGIN" if login else "NOLOGIN"),
                sql.Literal(password),
            )
        )
    return url(conninfo_to_dict(db_url)["dbname"], role, password)


def stop_server() -> None:
    """Stop the server as an outage would: open connections are cut (fast shutdown), new ones refused."""
    _stop(server())


def start_server() -> None:
    """Start the server again on the same data folder and socket, so every URL works again (a no-op
    while it runs). It is pgserver's own start, so its clean-up at exit stops this new server process."""
    server().handle.ensure_postgres_running()


def _stop(found: Server) -> None:
    from pgserver import pg_ctl

    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=found.data, user=found.handle.system_user, timeout=30)


ROLES_SQL = Path(__file__).resolve().parent.parent / "storage" / "roles.sql"


def login_as(db_url: str, person: str, group: str) -> str:
    """The team register of `db_url` as the README sets it up: its tables made by a first open (as the
    owner), storage/roles.sql run, and `person` a login role in `group` (ziffer_reader, ziffer_officer
    or ziffer_clerk). Returns the URL `person` opens it with."""
    from storage.register import Register

    Register.open(db_url).close()
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(ROLES_SQL.read_text(encoding="utf-8"))  # type: ignore[arg-type]
    person_url = create_role(db_url, person)
    with psycopg.connect(server().uri, autocommit=True) as conn:
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(person)))
    return person_url
