"""Officers and readers of a team register on the tests' PostgreSQL server (tests/pg.py): each person
signs in as a role of their own, with the rights a ministry's administrators would grant. And the
check for the storage gaps the window's tests on the server wait for."""

from __future__ import annotations

import pg
import psycopg
from psycopg import sql


def _grant(db_url: str, role: str, tables: str, sequences: str | None) -> None:
    statements = [f"GRANT {tables} ON ALL TABLES IN SCHEMA public TO {{}}"]
    if sequences:
        statements.append(f"GRANT {sequences} ON ALL SEQUENCES IN SCHEMA public TO {{}}")
    with psycopg.connect(db_url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(sql.SQL(statement).format(sql.Identifier(role)))


def officer(db_url: str, role: str) -> str:
    """The URL of `role`, who may read and write the register of `db_url` (its schema made already)."""
    url = pg.create_role(db_url, role)
    _grant(db_url, role, "SELECT, INSERT, UPDATE, DELETE", "USAGE, SELECT")
    return url


def reader(db_url: str, role: str) -> str:
    """The URL of `role`, who may only read the register of `db_url` (GRANT SELECT)."""
    url = pg.create_role(db_url, role)
    _grant(db_url, role, "SELECT", None)
    return url


def xfail_on_storage_gaps(db_url: str, *, reconnect: bool = False) -> None:
    """Mark the running test as an expected failure while the team register's storage has a gap the
    window needs closed (reported to storage's owner; the test runs for real once it is fixed): the
    register list's default order (`list_prints(sort="due")`) fails on the server; and, with
    `reconnect`, a connection the server dropped is never made anew (`PgDatabase.in_transaction` is
    true for a broken connection, whose transaction status is UNKNOWN, so `_ready` does not reconnect)."""
    import pytest

    from storage.db import StorageError
    from storage.register import Register

    gaps = []
    with Register.open(db_url) as register:
        try:
            register.list_prints(sort="due", limit=1)
        except psycopg.Error:
            gaps.append("list_prints(sort='due') fails on PostgreSQL (_nulls_low splits COALESCE at its comma)")
        if reconnect:
            register.db.conn.close()  # as a server restart leaves it: closed under the register
            try:
                register.count_prints()
            except StorageError:
                gaps.append("a dropped connection is not made anew (PgDatabase.in_transaction true when broken)")
    if gaps:
        pytest.xfail("storage gap: " + "; ".join(gaps))
