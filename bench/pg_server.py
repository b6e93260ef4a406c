"""A PostgreSQL server for the benchmarks: the one given with --pg, or one started in a temp folder.

    with pg_admin_url(args.pg, folder) as admin:        # admin URL of a server
        url = fresh_database(admin, "ziffer_bench")     # an empty database on it, its URL

Without --pg the `pgserver` package (in the venv) starts PostgreSQL 16 in `folder` with its default
settings (fsync on), reached over a Unix socket in that folder (keep its path short: a socket path
has a limit of about 100 bytes), and stops it at the end. With --pg URL the benchmarks use that server; its role must be
allowed to create databases (the benchmark databases are dropped and created anew).
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg


@contextlib.contextmanager
def pg_admin_url(given: str | None, folder: Path) -> Iterator[str]:
    """The admin URL of the given server, or of one started in `folder` for as long as the block runs."""
    if given:
        yield given
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns on import when XDG_RUNTIME_DIR is unset
        import pgserver  # only when a server is started here

    data = folder / "pgdata"
    data.parent.mkdir(parents=True, exist_ok=True)
    with pgserver.get_server(data, cleanup_mode="stop") as srv:
        yield srv.get_uri()


def database_url(admin: str, name: str) -> str:
    """`admin` with the database name swapped for `name`."""
    parts = urlsplit(admin)
    return urlunsplit(parts._replace(path=f"/{name}"))


def fresh_database(admin: str, name: str) -> str:
    """Drop and create the database `name` on the server; returns its URL."""
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return database_url(admin, name)


def drop_database(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def server_version(url: str) -> str:
    with psycopg.connect(url, autocommit=True) as conn:
        return str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
