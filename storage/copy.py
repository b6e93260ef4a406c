"""Copying a whole register to another one: a file to the team register on the server, or back.

Everything the register holds goes over as it is — prints with their ids, answers with their
versions, the history with its names and times, material, deadlines, contributions, the files
already imported — in one transaction on the target, which must be empty. The full-text indexes
are built anew on the target (their form differs between SQLite and PostgreSQL). Afterwards the rows
of every table are counted on both sides; a difference undoes the whole copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.db import StorageError
from storage.index import reindex_all
from storage.register import Register

# In an order that satisfies the foreign keys; each with the column that keeps its rows' order.
TABLES: tuple[tuple[str, str], ...] = (
    ("prints", "id"),
    ("points", "id"),
    ("answer_items", "id"),
    ("answer_item_points", "item_id, position"),
    ("citations", "id"),
    ("material", "id"),
    ("material_passages", "id"),
    ("material_links", "material_id, print_id"),
    ("units", "id"),
    ("people", "id"),
    ("events", "id"),
    ("files", "sha256"),
    ("contributions", "rowid"),
    ("internal_deadlines", "print_id, step"),
)
# the server's identity columns (the ids, and the order-keeping rowid), whose counters must go on after
# the copied values
_IDENTITIES = tuple((table, order) for table, order in TABLES if order in ("id", "rowid"))
_CHUNK = 1000


class CopyError(StorageError):
    """A copy that cannot be made or did not come out whole; the target is left as it was."""


@dataclass
class CopyReport:
    counts: dict[str, tuple[int, int]]  # table → (rows in the source, rows in the target)


def _columns(register: Register, table: str) -> list[str]:
    cur = register.db.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cur.description]


def _count(register: Register, table: str) -> int:
    return int(register.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def copy_register(source: Register, target: Register) -> CopyReport:
    """Copy every row of `source` into the empty `target`; raises CopyError (German) when the target
    is not empty or the counts differ afterwards, leaving the target unchanged."""
    filled = [t for t, _ in TABLES if _count(target, t)]
    if filled:
        raise CopyError(
            f"Das Ziel-Register {target.display} ist nicht leer (es enthält schon {', '.join(filled)}); "
            "kopiert wird nur in ein leeres Register."
        )
    counts: dict[str, tuple[int, int]] = {}
    with source.snapshot(), target.transaction():
        for table, order in TABLES:
            # columns both sides know; the order-keeping `rowid` the target makes itself, in order
            wanted = [c for c in _columns(target, table) if c != "rowid"]
            cols = [c for c in _columns(source, table) if c in wanted]
            select = f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"
            insert = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            cursor = source.db.execute(select)
            while True:
                rows: list[Any] = cursor.fetchmany(_CHUNK)
                if not rows:
                    break
                target._many(insert, [tuple(r) for r in rows])
        if target.server:
            for table, column in _IDENTITIES:
                target.db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                    f"COALESCE((SELECT max({column}) FROM {table}), 0) + 1, false)"
                )
        reindex_all(target.db)
        if target.server:
            target.db.execute("ANALYZE")  # the planner's and similar's statistics, at once
        for table, _ in TABLES:
            counts[table] = (_count(source, table), _count(target, table))
        wrong = {t: c for t, c in counts.items() if c[0] != c[1]}
        if wrong:
            detail = ", ".join(f"{t}: {a} → {b}" for t, (a, b) in wrong.items())
            raise CopyError(f"Die Kopie ist nicht vollständig ({detail}); das Ziel-Register bleibt unverändert.")
    return CopyReport(counts)
