"""The register: every print, its points and answers, citations, material and the event log.

The only module that speaks SQL to the register's tables; the services in `core.services`
use it through the methods below and know nothing of SQL.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from core.model import Answer, AnswerItem, Point, PrintDoc, Reference
from core.search_query import Query, highlight
from storage import team
from storage.db import (
    SecondReader,
    StorageError,
    VersionConflict,
    connect,
    is_server,
    log_error,
    remember_checked,
    resolve_db_path,
    write_transaction,
)
from storage.index import index_material, index_print, unindex_print
from storage.migrations import STORED_WITH_PRINT, VERSIONED_FACTS

SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"  # hit markers in snippets; the CLI and GUI render them
PREFIX_WORDS = 64  # a prefix with more words than this is searched as a prefix (see _prefixes_spelled_out)
RANK_LIMIT = 5000  # above this many matching prints, search orders by recency instead of bm25
# what the register's list shows of a print (list_prints and prints_by_id)
LIST_COLUMNS = (
    "p.id, p.parliament, p.number, p.kind, p.title, p.status, p.due_date, p.submitted, p.received, "
    "p.answered, p.ministry, p.factions, p.originators, p.lead_officer, p.lead_unit, "
    "(SELECT COUNT(*) FROM points WHERE print_id = p.id) AS points"
)
COMMON_SHARE = 0.05  # "similar" leaves out words used by more than this share of all points
WORD_COUNTS_FROM = 1_000  # words used by more points than this are counted at import, not per "similar" (SQLite)
BOUND_SPARE = 1.02  # "similar": what is added to the most a word can add to a score (see _ranked_among_rarest)
SIMILAR_CANDIDATES = 8_000  # points: "similar" scores those that share its rarest words, about this many
SPLIT_RANKING_FROM = 4_000  # points: "similar" ranks a part with more candidates in two halves at once
SERVER_STATS_FROM = 20_000  # points: from here on the server's statistics tell the common words


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    """Rows as dicts keyed by the selected columns' names."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@dataclass
class StoredPrint:
    """A print as the register holds it, with what only the register knows."""

    id: int
    doc: PrintDoc
    status: str
    due_date: str | None
    edited: set[int] = field(default_factory=set)  # positions of answer items an officer has edited
    created_at: str = ""
    updated_at: str = ""
    item_versions: list[int] = field(default_factory=list)  # each answer item's version, read with its text


@dataclass
class SearchFilters:
    parliament: str | None = None
    term: int | None = None
    kind: str | None = None
    status: str | None = None
    ministry: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    statuses: tuple[str, ...] | None = None  # any of these (e.g. the open ones)
    unit: str | None = None  # lead unit, exact
    officer: str | None = None  # lead officer, part of the name
    due_from: str | None = None
    due_to: str | None = None


@dataclass
class SearchHit:
    kind: str  # "print" or "material"
    id: int
    number: str | None
    title: str
    snippet: str
    score: float
    print_kind: str | None = None
    answered: bool = False


@dataclass
class SimilarPoint:
    print_id: int
    number: str | None
    title: str
    label: str
    question: str
    answer: str
    score: float
    answer_date: str | None


@dataclass
class Passage:
    material_id: int
    title: str
    text: str
    score: float


class Register:
    """One open register: a SQLite file, or the team register on a PostgreSQL server.

    `location` is what opens it again (a Path, or the server's `postgresql://` address: background
    jobs open their own connection with it); `path` is the file (None on a server); `server` says
    which. The SQL below is written for both; where they differ (full text, a few expressions),
    `self.server` chooses."""

    def __init__(self, db: Any, location: Path | str) -> None:
        self.db = db
        self.location = location
        self.server = is_server(location)
        self.path: Path | None = None if self.server else Path(location)
        # written into every event: a window tells its own changes from those of another window,
        # even one of the same officer on the same PC
        self.session = uuid.uuid4().hex[:16]
        # on the server the history names the signed-in role: each person connects as themselves
        self.identity: str | None = None
        self._stats: tuple[float, tuple[int, dict[str, float]] | None] | None = None  # see _common_words
        self._df: tuple[float, dict[str, tuple[int, int]]] | None = None  # see _document_counts
        self._word_counts: dict[str, int] | None = None  # see count_words
        self._reader: SecondReader | None = None  # see _second_reader
        self._reader_failed = False
        if self.server:
            self.identity = str(self.db.execute("SELECT session_user").fetchone()[0])

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Register:
        """Open the register at `path` (or --db / ZIFFER_DB / the data folder), migrating it. A
        `postgresql://` address opens the team register on that server."""
        resolved = resolve_db_path(path)
        if isinstance(resolved, str):
            from storage import postgres  # psycopg only for a server register (100 ms to import)

            return cls(postgres.connect(resolved), resolved)
        return cls(connect(resolved), resolved)

    @property
    def name(self) -> str:
        """A short name for the window's title: the file's, or the database's and its server."""
        if self.path is not None:
            return self.path.name
        return team.display(str(self.location)).split("://", 1)[1]

    @property
    def display(self) -> str:
        """The full location as the officer may see it (a server's address without the password)."""
        return str(self.path) if self.path is not None else team.display(str(self.location))

    def close(self) -> None:
        if self._reader is not None:  # before the file is noted as intact: its close can change the file
            self._reader.close()
            self._reader = None
        self.db.close()
        if self.path is not None:
            remember_checked(self.path)  # after closing: the last close folds the write-ahead log into the file

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is written together or not at all."""
        if self.server:
            with self.db.transaction():
                yield
            return
        with write_transaction(self.db):
            yield

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state of the register, whatever others write meanwhile
        (a copy of the whole register reads many tables). Inside a transaction already open they are
        in that one."""
        if self._in_transaction:
            yield
            return
        if self.server:
            self.db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        else:
            self.db.execute("BEGIN")  # deferred: the first read fixes the snapshot, no write lock
        try:
            yield
        finally:
            if self._in_transaction:  # an error can have ended it already: then there is nothing to end
                self.db.execute("ROLLBACK")

    @property
    def _in_transaction(self) -> bool:
        return bool(self.db.in_transaction if self.server else self.db.conn.in_transaction)

    def lock_imports(self) -> None:
        """Inside a transaction: imports one at a time. SQLite's write lock already does this; on the
        server, two PCs importing the same print would otherwise both find it new and store it twice."""
        if self.server:
            self.db.execute("SELECT pg_advisory_xact_lock(?)", [team.IMPORT_LOCK])

    def lock_print(self, print_id: int) -> None:
        """Inside a transaction: this print is ours until the commit, before anything of it is read.
        SQLite's write lock already holds the whole register; on the server another PC's save of the
        same print waits here, so what is read (and logged as the old value) is what is overwritten."""
        if self.server:
            self.db.execute("SELECT id FROM prints WHERE id = ? FOR UPDATE", [print_id])

    def _many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if self.server:
            self.db.executemany(sql, rows)
        else:
            self.db.conn.executemany(sql, rows)

    def _by(self, who: str) -> str:
        return self.identity or who

    # -- files ------------------------------------------------------------------------------

    def file_known(self, sha256: str) -> tuple[str, int] | None:
        """("print", id) or ("material", id) when this exact file was imported before."""
        row = self.db.execute("SELECT print_id, material_id FROM files WHERE sha256 = ?", [sha256]).fetchone()
        if row is None:
            return None
        if row[0] is not None:
            return ("print", row[0])
        if row[1] is not None:
            return ("material", row[1])
        return None

    def record_file(
        self, sha256: str, name: str, size: int, *, print_id: int | None = None, material_id: int | None = None
    ) -> None:
        self.db.execute(
            "INSERT INTO files (sha256, name, size, print_id, material_id, imported_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (sha256) DO UPDATE SET name = excluded.name, size = excluded.size, "
            "print_id = excluded.print_id, material_id = excluded.material_id, imported_at = excluded.imported_at",
            [sha256, name, size, print_id, material_id, _now()],
        )

    # -- prints -----------------------------------------------------------------------------

    def find_print(self, number: str | None, parliament: str | None, fingerprint: str | None) -> int | None:
        """The stored print with this number (same or unknown parliament), else with this fingerprint."""
        if number:
            rows = self.db.execute(
                "SELECT id, parliament FROM prints WHERE number = ? ORDER BY id", [number]
            ).fetchall()
            for pid, parl in rows:
                if parl is None or parliament is None or parl == parliament:
                    return int(pid)
        if fingerprint:
            row = self.db.execute(
                "SELECT id FROM prints WHERE fingerprint = ? AND (number IS NULL OR ? IS NULL OR number = ?) "
                "ORDER BY id LIMIT 1",
                [fingerprint, number, number],
            ).fetchone()
            if row:
                return int(row[0])
        return None

    def print_id(self, number: str) -> int | None:
        row = self.db.execute("SELECT id FROM prints WHERE number = ? ORDER BY id LIMIT 1", [number]).fetchone()
        return int(row[0]) if row else None

    def get_print(self, print_id: int) -> StoredPrint:
        row = self.db.execute("SELECT * FROM prints WHERE id = ?", [print_id]).fetchone()
        if row is None:
            raise KeyError(print_id)
        r = dict(zip([c[0] for c in self.db.execute("SELECT * FROM prints LIMIT 0").description], row, strict=True))
        doc = PrintDoc(
            parliament=r["parliament"],
            number=r["number"],
            kind=r["kind"],
            title=r["title"],
            submitted=_date(r["submitted"]),
            received=_date(r["received"]),
            published=_date(r["published"]),
            originators=json.loads(r["originators"]),
            signers=json.loads(r["signers"]),
            factions=json.loads(r["factions"]),
            ministry=r["ministry"],
            reasoning=r["reasoning"],
            warnings=json.loads(r["warnings"]),
        )
        doc.points = [
            Point(label, text)
            for label, text in self.db.execute(
                "SELECT label, text FROM points WHERE print_id = ? ORDER BY position", [print_id]
            ).fetchall()
        ]
        items, edited, versions = self._answer_items(print_id)
        metadata = (r["answer_date"], r["answer_file_number"], r["answer_signatory"], r["answer_office"])
        consent = json.loads(r["answer_consent"])
        if r["answered"] or items or consent or any(metadata):
            doc.answer = Answer(
                date=_date(r["answer_date"]),
                file_number=r["answer_file_number"],
                consent=consent,
                signatory=r["answer_signatory"],
                office=r["answer_office"],
                items=items,
                draft=not r["answered"],
            )
        doc.references = self._stored_references(print_id)
        return StoredPrint(
            print_id, doc, r["status"], r["due_date"], edited, r["created_at"], r["updated_at"], versions
        )

    def _print_row(self, doc: PrintDoc, fingerprint: str | None, status: str) -> dict[str, Any]:
        a = doc.answer
        term = None
        if doc.number and re.match(r"^\d{1,2}/", doc.number):
            term = int(doc.number.split("/")[0])
        return {
            "parliament": doc.parliament,
            "number": doc.number,
            "term": term,
            "kind": doc.kind,
            "title": doc.title,
            "submitted": _iso(doc.submitted),
            "received": _iso(doc.received),
            "published": _iso(doc.published),
            "originators": json.dumps(doc.originators, ensure_ascii=False),
            "signers": json.dumps(doc.signers, ensure_ascii=False),
            "factions": json.dumps(doc.factions, ensure_ascii=False),
            "ministry": doc.ministry,
            "reasoning": doc.reasoning,
            "answered": 1 if a is not None and not a.draft else 0,  # drafts are not answers yet
            "answer_date": _iso(a.date) if a else None,
            "answer_file_number": a.file_number if a else None,
            "answer_consent": json.dumps(a.consent if a else [], ensure_ascii=False),
            "answer_signatory": a.signatory if a else None,
            "answer_office": a.office if a else None,
            "status": status,
            "fingerprint": fingerprint,
            "warnings": json.dumps(doc.warnings, ensure_ascii=False),
        }

    def add_print(self, doc: PrintDoc, *, fingerprint: str | None, status: str, who: str) -> int:
        """Store a new print with everything in it; returns its id."""
        now = _now()
        row = self._print_row(doc, fingerprint, status) | {"created_at": now, "updated_at": now}
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.db.execute(f"INSERT INTO prints ({cols}) VALUES ({marks}) RETURNING id", list(row.values()))
        print_id = int(cur.fetchone()[0])
        self._write_children(print_id, doc, edited=set(), at=STORED_WITH_PRINT)  # the time is the print's
        index_print(self.db, print_id)
        self.log("print", print_id, "created", None, doc.number or doc.title, who)
        return print_id

    def replace_print(
        self,
        print_id: int,
        doc: PrintDoc,
        *,
        fingerprint: str | None,
        status: str,
        edited: set[int],
        changes: list[tuple[str, Any, Any]],
        who: str,
    ) -> None:
        """Overwrite a stored print with a merged one, logging every change (old and new value)."""
        unindex_print(self.db, print_id)
        row = self._print_row(doc, fingerprint, status) | {"updated_at": _now()}
        # a fact the import changes gets a new version: a window holding the old one cannot overwrite it
        bumps = [
            f"{c}_version = CASE WHEN {c} IS NOT DISTINCT FROM ? THEN {c}_version ELSE {c}_version + 1 END"
            for c in row
            if c in VERSIONED_FACTS
        ]
        sets = ", ".join([*bumps, *(f"{c} = ?" for c in row)])
        args = [v for c, v in row.items() if c in VERSIONED_FACTS] + list(row.values())
        self.db.execute(f"UPDATE prints SET {sets} WHERE id = ?", [*args, print_id])
        for table in ("points", "answer_items", "citations"):
            self.db.execute(f"DELETE FROM {table} WHERE print_id = ?", [print_id])
        self._write_children(print_id, doc, edited)
        index_print(self.db, print_id)
        for field_name, old, new in changes:
            self.log("print", print_id, field_name, old, new, who)

    def _write_children(self, print_id: int, doc: PrintDoc, edited: set[int], at: str | None = None) -> None:
        self._many(
            "INSERT INTO points (print_id, position, label, text) VALUES (?, ?, ?, ?)",
            [(print_id, i, p.label, p.text) for i, p in enumerate(doc.points)],
        )
        if doc.answer is not None:
            self._write_children_answer(print_id, doc.answer.items, edited, at=at)
        self._many(
            "INSERT INTO citations (print_id, position, source, target_number, target_parliament, target_points) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (print_id, i, r.where, r.number, r.parliament, json.dumps(r.points))
                for i, r in enumerate(doc.references)
            ],
        )

    def _write_children_answer(
        self, print_id: int, items: list[AnswerItem], edited: set[int], who: str | None = None, at: str | None = None
    ) -> None:
        now = _now() if at is None else at
        version = self._next_answer_version(print_id)
        for i, item in enumerate(items):
            item_id = self.db.execute(
                "INSERT INTO answer_items (print_id, position, text, edited, updated_at, updated_by, version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [print_id, i, item.text, 1 if i in edited else 0, now, who and self._by(who), version],
            ).fetchone()[0]
            self._many(
                "INSERT INTO answer_item_points (item_id, label, position) VALUES (?, ?, ?)",
                [(item_id, label, k) for k, label in enumerate(dict.fromkeys(item.points))],
            )

    def _next_answer_version(self, print_id: int) -> int:
        """The next version for an item of this print's answer. The counter only grows, also when the
        answer's items are written anew (combined, split, imported), so no version comes twice; and
        it is a write to the print's row, which on PostgreSQL also queues every writer of the answer."""
        self.db.execute(
            "UPDATE prints SET answer_seq = answer_seq + 1, updated_at = ? WHERE id = ?", [_now(), print_id]
        )
        row = self.db.execute("SELECT answer_seq FROM prints WHERE id = ?", [print_id]).fetchone()
        if row is None:
            raise KeyError(print_id)
        return int(row[0])

    def set_answer_text(self, print_id: int, position: int, text: str, who: str, *, version: int | None = None) -> int:
        """An officer's edit of one answer item; the old text goes to the event log. Returns the item's
        version now stored (unchanged when the text is).

        `version` is the version the edit rests on: if the stored item has another, the save is refused
        with VersionConflict (carrying the stored text, who and when) and nothing is written. Without it
        the text is written whatever is stored (the command line, in one transaction of its own)."""
        self.lock_print(print_id)
        row = self.db.execute(
            "SELECT text, version FROM answer_items WHERE print_id = ? AND position = ?", [print_id, position]
        ).fetchone()
        if row is None:
            raise KeyError((print_id, position))
        if row[0] == text:
            return int(row[1])  # the same text, whatever version the caller saw: nothing is lost
        new_version = self._next_answer_version(print_id)
        unindex_print(self.db, print_id)  # before the text changes: the index reads what it removes there
        # the check: one conditional UPDATE, its row count decides (the same on SQLite and PostgreSQL)
        check, args = ("", []) if version is None else (" AND version = ?", [version])
        cur = self.db.execute(
            "UPDATE answer_items SET text = ?, edited = 1, updated_at = ?, updated_by = ?, version = ? "
            f"WHERE print_id = ? AND position = ?{check}",
            [text, _now(), self._by(who), new_version, print_id, position, *args],
        )
        if cur.rowcount != 1:
            index_print(self.db, print_id)  # nothing changed: the print goes back into the index as it was
            raise self._answer_conflict(print_id, position, version)
        old_items = [
            AnswerItem(i.points, row[0] if k == position else i.text) for k, i in enumerate(self.answer_items(print_id))
        ]
        new_items = [AnswerItem(i.points, text if k == position else i.text) for k, i in enumerate(old_items)]
        self._cite_answer(print_id, old_items, new_items)
        index_print(self.db, print_id)
        self.log("print", print_id, f"answer:{position + 1}", row[0], text, who)
        return new_version

    def _answer_conflict(self, print_id: int, position: int, expected: Any) -> VersionConflict:
        row = self.db.execute(
            "SELECT a.text, a.version, a.updated_by, COALESCE(NULLIF(a.updated_at, ?), p.created_at) "
            "FROM answer_items a JOIN prints p ON p.id = a.print_id WHERE a.print_id = ? AND a.position = ?",
            [STORED_WITH_PRINT, print_id, position],
        ).fetchone()
        if row is None:
            raise KeyError((print_id, position))
        who, at = row[2], row[3]
        if who is None:  # written before versions were kept (m011): the event log knows
            who, at = self._last_change(print_id, f"answer:{position + 1}", at)
        return VersionConflict(print_id, f"answer:{position + 1}", row[0], int(row[1]), who, at, expected)

    def _last_change(self, print_id: int, field_name: str, at: str | None = None) -> tuple[str | None, str | None]:
        """Who made the last logged change to a field of a print, and when."""
        row = self.db.execute(
            "SELECT who, at FROM events WHERE entity = 'print' AND entity_id = ? AND field = ? "
            "ORDER BY id DESC LIMIT 1",
            [print_id, field_name],
        ).fetchone()
        return (row[0], row[1]) if row else (None, at)

    def _answer_items(self, print_id: int) -> tuple[list[AnswerItem], set[int], list[int]]:
        """The answer's items in order, the positions an officer has edited, and each item's version
        (read in the same statement as its text, so the two always belong together)."""
        items, edited, versions = [], set(), []
        for item_id, position, text, was_edited, version in self.db.execute(
            "SELECT id, position, text, edited, version FROM answer_items WHERE print_id = ? ORDER BY position",
            [print_id],
        ).fetchall():
            labels = [
                lb
                for (lb,) in self.db.execute(
                    "SELECT label FROM answer_item_points WHERE item_id = ? ORDER BY position", [item_id]
                ).fetchall()
            ]
            items.append(AnswerItem(labels, text))
            versions.append(int(version))
            if was_edited:
                edited.add(position)
        return items, edited, versions

    def answer_items(self, print_id: int) -> list[AnswerItem]:
        """Only the answer's items (the editor's saves need no more of the print)."""
        return self._answer_items(print_id)[0]

    def answer_versions(self, print_id: int) -> list[int]:
        """The version of each answer item, in order."""
        return [
            int(v)
            for (v,) in self.db.execute(
                "SELECT version FROM answer_items WHERE print_id = ? ORDER BY position", [print_id]
            ).fetchall()
        ]

    def save_answer_items(
        self, print_id: int, items: list[AnswerItem], who: str, *, versions: list[int] | None = None
    ) -> list[int]:
        """Replace the answer's items as a whole (a new draft, or answers combined or split); returns
        the new items' versions.

        Every item counts as the officer's text; the old division and texts go to the event log.
        `versions` are the stored items' versions the new division rests on (an empty list: there was
        no answer yet); when the stored ones differ, VersionConflict ("answer items") and nothing is
        written. The comparison follows the write to the print's row, which queues other writers."""
        self.lock_print(print_id)
        old_items = self.answer_items(print_id)
        if [(i.points, i.text) for i in old_items] == [(i.points, i.text) for i in items]:
            return self.answer_versions(print_id)
        self.db.execute("UPDATE prints SET updated_at = ? WHERE id = ?", [_now(), print_id])  # the row lock first
        stored_versions = self.answer_versions(print_id)
        if versions is not None and versions != stored_versions:
            who_was, at = self._last_change(print_id, "answer items")
            newest = max(stored_versions, default=0)
            raise VersionConflict(print_id, "answer items", old_items, newest, who_was, at, versions)
        unindex_print(self.db, print_id)  # before the citations and items change
        self._cite_answer(print_id, old_items, items)
        self.db.execute("DELETE FROM answer_items WHERE print_id = ?", [print_id])
        self._write_children_answer(print_id, items, edited=set(range(len(items))), who=who)
        index_print(self.db, print_id)

        def shape(its: list[AnswerItem]) -> str:
            return "; ".join(", ".join(i.points) for i in its)

        self.log("print", print_id, "answer items", shape(old_items) or None, shape(items), who)
        for k, item in enumerate(old_items):
            if item.text.strip() and item.text not in {i.text for i in items}:
                self.log("print", print_id, f"answer:{k + 1}", item.text, None, who)
        return self.answer_versions(print_id)

    def _stored_references(self, print_id: int) -> list[Reference]:
        """A print's citations as stored, in order."""
        return [
            Reference(number, json.loads(points), source, parliament)
            for source, number, parliament, points in self.db.execute(
                "SELECT source, target_number, target_parliament, target_points FROM citations "
                "WHERE print_id = ? ORDER BY position",
                [print_id],
            ).fetchall()
        ]

    def _cite_answer(self, print_id: int, old_items: list[AnswerItem], new_items: list[AnswerItem]) -> None:
        """Citations follow an answer's text as the officer writes it, a draft's as a published one's:
        those of a changed item are found anew. A citation its text does not hold (a footnote's, placed
        at its marker on import) stays, with the item now answering the old item's first point."""
        from core.references import references_in  # its patterns cost the window's start 10 ms; saves need it

        number, parliament = self.db.execute(
            "SELECT number, parliament FROM prints WHERE id = ?", [print_id]
        ).fetchone()
        stored = self._stored_references(print_id)
        of_item = {k: [r for r in stored if r.where == f"answer:{k}"] for k in range(1, len(old_items) + 1)}
        kept: set[int] = set()
        carried: dict[str, list[Reference]] = {}  # first point of a changed item → its footnote citations
        for k, old in enumerate(old_items, 1):
            if k <= len(new_items) and new_items[k - 1] == old:
                kept.add(k)
                continue
            extra = list(of_item[k])
            for r in references_in(old.text, f"answer:{k}", number, parliament):
                if r in extra:
                    extra.remove(r)
            if extra and old.points:
                carried.setdefault(old.points[0], []).extend(extra)
        answer_refs: list[Reference] = []
        for k, item in enumerate(new_items, 1):
            where = f"answer:{k}"
            if k in kept:
                answer_refs += of_item[k]
                continue
            answer_refs += references_in(item.text, where, number, parliament)
            answer_refs += [replace(r, where=where) for label in item.points for r in carried.pop(label, [])]
        refs = [r for r in stored if not r.where.startswith("answer:")] + answer_refs
        if refs == stored:
            return
        self.db.execute("DELETE FROM citations WHERE print_id = ?", [print_id])
        self._many(
            "INSERT INTO citations (print_id, position, source, target_number, target_parliament, target_points) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(print_id, i, r.where, r.number, r.parliament, json.dumps(r.points)) for i, r in enumerate(refs)],
        )

    METADATA_FIELDS = (
        "number",
        "title",
        "submitted",
        "ministry",
        "answer_date",
        "answer_file_number",
        "answer_consent",
        "answer_signatory",
        "answer_office",
    )

    def metadata(self, print_id: int) -> dict[str, Any]:
        """The editable facts of a print (dates as ISO text, consent as a list)."""
        rows = _dicts(self.db.execute(f"SELECT {', '.join(self.METADATA_FIELDS)} FROM prints WHERE id = ?", [print_id]))
        if not rows:
            raise KeyError(print_id)
        out = rows[0]
        out["answer_consent"] = json.loads(out["answer_consent"] or "[]")
        return out

    def facts(self, print_id: int) -> tuple[dict[str, Any], dict[str, int]]:
        """The facts an officer corrects (consent as a list) and their versions, read in one statement."""
        cols = ", ".join([*VERSIONED_FACTS, *(f"{f}_version" for f in VERSIONED_FACTS)])
        row = self.db.execute(f"SELECT {cols} FROM prints WHERE id = ?", [print_id]).fetchone()
        if row is None:
            raise KeyError(print_id)
        n = len(VERSIONED_FACTS)
        values = dict(zip(VERSIONED_FACTS, row[:n], strict=True))
        values["answer_consent"] = json.loads(values["answer_consent"] or "[]")
        return values, {f: int(v) for f, v in zip(VERSIONED_FACTS, row[n:], strict=True)}

    def _write_fields(self, print_id: int, stored: dict[str, Any], versions: dict[str, int] | None) -> None:
        """One UPDATE of the print's row: the values, a new version for each versioned fact among them,
        and, for the facts in `versions`, the check that their stored versions are those (its row count
        decides; refused with VersionConflict, nothing written)."""
        sets = [f"{k} = ?" for k in stored] + [f"{k}_version = {k}_version + 1" for k in stored if k in VERSIONED_FACTS]
        checks = {k: v for k, v in (versions or {}).items() if k in VERSIONED_FACTS}
        where = "".join(f" AND {k}_version = ?" for k in checks)
        cur = self.db.execute(
            f"UPDATE prints SET {', '.join(sets)}, updated_at = ? WHERE id = ?{where}",
            [*stored.values(), _now(), print_id, *checks.values()],
        )
        if cur.rowcount == 1:
            return
        values, now = self.facts(print_id)
        for k, expected in checks.items():
            if now[k] != expected:
                who, at = self._last_change(print_id, k)
                raise VersionConflict(print_id, k, values[k], now[k], who, at, expected)
        raise KeyError(print_id)

    def update_metadata(
        self, print_id: int, values: dict[str, Any], who: str, *, versions: dict[str, int] | None = None
    ) -> list[str]:
        """An officer's correction of a print's facts (number, dates, file number, consent, signatory);
        each change is logged with its old value. Returns the fields that changed.

        `versions` names the version each corrected fact rests on (see facts()); a fact stored since
        in another version refuses the whole correction with VersionConflict."""
        unknown = set(values) - set(self.METADATA_FIELDS)
        if unknown:
            raise ValueError(f"not an editable field: {sorted(unknown)}")
        self.lock_print(print_id)
        current = self.metadata(print_id)
        changed = [k for k, v in values.items() if current[k] != v]
        if not changed:
            return []
        stored = {k: json.dumps(values[k], ensure_ascii=False) if k == "answer_consent" else values[k] for k in changed}
        if "number" in stored:
            number = stored["number"]
            stored["term"] = int(number.split("/")[0]) if number and re.match(r"^\d{1,2}/", number) else None
        indexed = "number" in stored or "title" in stored  # the facts the search index holds
        if indexed:
            unindex_print(self.db, print_id)  # before the row changes: the index reads what it removes there
        try:
            self._write_fields(print_id, stored, versions)
        except (VersionConflict, KeyError):
            if indexed:  # refused, nothing written: back into the index as it was
                index_print(self.db, print_id)
            raise
        if indexed:
            index_print(self.db, print_id)
        for k in changed:
            self.log("print", print_id, k, current[k], values[k], who)
        return changed

    # -- workflow and deadlines -----------------------------------------------------------

    def workflow(self, print_id: int) -> dict[str, Any]:
        """Status, dates, people and extension of one print."""
        rows = _dicts(
            self.db.execute(
                "SELECT status, received, received_source, submitted, due_date, original_due, lead_officer, lead_unit, "
                "extension_requested, extension_granted, extension_reason, sent_on, answer_date, parliament, kind "
                "FROM prints WHERE id = ?",
                [print_id],
            )
        )
        if not rows:
            raise KeyError(print_id)
        out = rows[0]
        out["contributions"] = self.contributions(print_id)
        out["internal"] = dict(
            self.db.execute(
                "SELECT step, due FROM internal_deadlines WHERE print_id = ? ORDER BY step", [print_id]
            ).fetchall()
        )
        return out

    def update_print_fields(
        self, print_id: int, values: dict[str, Any], who: str, *, versions: dict[str, int] | None = None
    ) -> list[str]:
        """Set workflow fields of a print, logging each change with old and new value; returns what changed.
        `versions` as for update_metadata (received, lead officer and unit are versioned facts)."""
        allowed = {
            "status",
            "received",
            "received_source",
            "due_date",
            "original_due",
            "lead_officer",
            "lead_unit",
            "extension_requested",
            "extension_granted",
            "extension_reason",
            "sent_on",
        }
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"not a workflow field: {sorted(unknown)}")
        self.lock_print(print_id)
        current = self.workflow(print_id)
        changed = [k for k, v in values.items() if current[k] != v]
        if not changed:
            return []
        self._write_fields(print_id, {k: values[k] for k in changed}, versions)
        for k in changed:
            self.log("print", print_id, k, current[k], values[k], who)
        return changed

    def contributions(self, print_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT label, unit, due, received_on FROM contributions WHERE print_id = ? ORDER BY rowid", [print_id]
        ).fetchall()
        return [{"point": r[0], "unit": r[1], "due": r[2], "received_on": r[3]} for r in rows]

    def set_contribution(self, print_id: int, label: str, unit: str, due: str | None, who: str) -> None:
        self.lock_print(print_id)
        old = next((c for c in self.contributions(print_id) if c["point"] == label), None)
        self.db.execute(
            "INSERT INTO contributions (print_id, label, unit, due) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (print_id, label) DO UPDATE SET unit = excluded.unit, due = excluded.due",
            [print_id, label, unit, due],
        )
        self.log(
            "print",
            print_id,
            f"contribution:{label}",
            old and f"{old['unit']} {old['due'] or ''}".strip(),
            f"{unit} {due or ''}".strip(),
            who,
        )

    def mark_contribution_received(self, print_id: int, label: str, on: str, who: str) -> bool:
        cur = self.db.execute(
            "UPDATE contributions SET received_on = ? WHERE print_id = ? AND label = ? AND received_on IS NULL",
            [on, print_id, label],
        )
        if cur.rowcount:
            self.log("print", print_id, f"contribution:{label} received", None, on, who)
        return bool(cur.rowcount)

    def set_internal_deadline(self, print_id: int, step: str, due: str, who: str) -> None:
        self.db.execute(
            "INSERT INTO internal_deadlines (print_id, step, due) VALUES (?, ?, ?) "
            "ON CONFLICT (print_id, step) DO UPDATE SET due = excluded.due",
            [print_id, step, due],
        )
        self.log("print", print_id, f"internal:{step}", None, due, who)

    def deadline_rows(self, statuses: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        """Every print with a due date (only those in `statuses`, if given), with what a clerk needs to see."""
        where, args = "p.due_date IS NOT NULL", list(statuses or ())
        if statuses:
            where += f" AND p.status IN ({', '.join('?' for _ in statuses)})"
        return _dicts(
            self.db.execute(
                "SELECT p.id, p.parliament, p.number, p.kind, p.title, p.status, p.due_date, p.original_due, "
                "p.lead_officer, p.lead_unit, p.ministry, p.received, p.sent_on, p.answer_date, "
                "p.extension_requested, p.extension_granted "
                f"FROM prints p WHERE {where} ORDER BY {self._nulls_low('p.due_date, p.number')}",
                args,
            )
        )

    def prints_needing_due_date(self) -> list[tuple[int, str | None, str | None, str | None, str | None]]:
        """(id, parliament, kind, received, submitted) of prints without a due date."""
        return [
            tuple(r)
            for r in self.db.execute(  # type: ignore[misc]
                "SELECT id, parliament, kind, received, submitted FROM prints WHERE due_date IS NULL"
            ).fetchall()
        ]

    # -- event log --------------------------------------------------------------------------

    def log(self, entity: str, entity_id: int, field_name: str, old: Any, new: Any, who: str) -> None:
        def text(v: Any) -> str | None:
            if v is None or isinstance(v, str):
                return v
            return json.dumps(v, ensure_ascii=False, default=str)

        self.db.execute(
            "INSERT INTO events (at, who, entity, entity_id, field, old, new, session) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [_now(), self._by(who), entity, entity_id, field_name, text(old), text(new), self.session],
        )

    def events(self, entity: str, entity_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT at, who, field, old, new FROM events WHERE entity = ? AND entity_id = ? ORDER BY id",
            [entity, entity_id],
        ).fetchall()
        return [dict(zip(("at", "who", "field", "old", "new"), r, strict=True)) for r in rows]

    # -- material ---------------------------------------------------------------------------

    def add_material(self, title: str, text: str, passages: list[str], source_name: str, who: str) -> int:
        cur = self.db.execute(
            "INSERT INTO material (title, text, source_name, created_at) VALUES (?, ?, ?, ?) RETURNING id",
            [title, text, source_name, _now()],
        )
        material_id = int(cur.fetchone()[0])
        self._many(
            "INSERT INTO material_passages (material_id, position, text) VALUES (?, ?, ?)",
            [(material_id, i, p) for i, p in enumerate(passages)],
        )
        index_material(self.db, material_id)
        self.log("material", material_id, "created", None, title, who)
        return material_id

    def link_material(self, material_id: int, print_id: int, who: str) -> bool:
        cur = self.db.execute(
            "INSERT INTO material_links (material_id, print_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [material_id, print_id],
        )
        if cur.rowcount:
            self.log("print", print_id, "material linked", None, material_id, who)
        return bool(cur.rowcount)

    def material_for(self, print_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT m.id, m.title, m.source_name FROM material m JOIN material_links l ON l.material_id = m.id "
            "WHERE l.print_id = ? ORDER BY m.id",
            [print_id],
        ).fetchall()
        return [{"id": r[0], "title": r[1], "source": r[2]} for r in rows]

    def get_material(self, material_id: int) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT id, title, text, source_name FROM material WHERE id = ?", [material_id]
        ).fetchone()
        if row is None:
            raise KeyError(material_id)
        return {"id": row[0], "title": row[1], "text": row[2], "source": row[3]}

    def list_material(self, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
        """The library, newest first, with how many inquiries each text is linked to."""
        rows = self.db.execute(
            "SELECT m.id, m.title, m.source_name, m.created_at, "
            "(SELECT count(*) FROM material_links l WHERE l.material_id = m.id) "
            "FROM material m ORDER BY m.id DESC LIMIT ? OFFSET ?",
            [limit, offset],
        ).fetchall()
        return [{"id": r[0], "title": r[1], "source": r[2], "created_at": r[3], "links": r[4]} for r in rows]

    def search_material(self, query: Query, limit: int = 200, snippet_words: int = 18) -> list[SearchHit]:
        """The library's texts matching the query, best first, with a snippet around the hit."""
        words_only = Query(words=query.words)
        if words_only.empty:
            return []
        if self.server:  # the snippet from the stored text, as for prints
            tsq = words_only.tsquery()
            return [
                SearchHit(
                    "material",
                    mid,
                    None,
                    title,
                    highlight(text, words_only, words=snippet_words, open_mark=SNIPPET_OPEN, close_mark=SNIPPET_CLOSE),
                    score,
                )
                for mid, title, text, score in self.db.execute(
                    f"SELECT m.id, m.title, m.text, {team.rank('material_fts')} AS score FROM material_fts "
                    f"JOIN material m ON m.id = material_fts.rowid WHERE {team.match('material_fts')} "
                    "ORDER BY score LIMIT ?",
                    [tsq, tsq, limit],
                ).fetchall()
            ]
        return [
            SearchHit("material", mid, None, title, snippet, score)
            for mid, title, snippet, score in self.db.execute(
                f"SELECT m.id, m.title, "
                f"snippet(material_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', ' … ', {int(snippet_words)}), "
                "bm25(material_fts, 8.0, 1.0) AS score FROM material_fts JOIN material m ON m.id = material_fts.rowid "
                "WHERE material_fts MATCH ? ORDER BY score LIMIT ?",
                [words_only.match(), limit],
            )
        ]

    def count_material(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM material").fetchone()[0])

    def unlink_material(self, material_id: int, print_id: int, who: str) -> bool:
        cur = self.db.execute(
            "DELETE FROM material_links WHERE material_id = ? AND print_id = ?", [material_id, print_id]
        )
        if cur.rowcount:
            self.log("print", print_id, "material unlinked", material_id, None, who)
        return bool(cur.rowcount)

    def prints_for_material(self, material_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT p.id, p.number, p.title FROM prints p JOIN material_links l ON l.print_id = p.id "
            "WHERE l.material_id = ? ORDER BY p.id",
            [material_id],
        ).fetchall()
        return [{"id": r[0], "number": r[1], "title": r[2]} for r in rows]

    # -- search -----------------------------------------------------------------------------

    def search(
        self, query: Query, filters: SearchFilters | None = None, limit: int = 20, include_material: bool = True
    ) -> list[SearchHit]:
        """Full-text search, best first (bm25; title hits weigh more than body hits)."""
        if query.empty:
            return []
        filters = filters or SearchFilters()
        where, args = self._filter_sql(filters)
        match, cond = self._fts("prints_fts", query)
        hits: list[SearchHit] = []
        # Ranking costs time for every matching print; a word that thousands of prints use
        # ("Landesregierung") says little about relevance anyway: then the newest come first. The
        # newest matches' ids, up to one more than RANK_LIMIT, decide it, and are the answer when
        # there are that many: a common word or prefix (whose many words make the match itself the
        # costly part) is matched once.
        found, found_cond = self._fts("prints_fts", self._prefixes_spelled_out(query))  # the same prints
        newest = [
            r[0]
            for r in self.db.execute(
                f"SELECT rowid FROM prints_fts WHERE {found_cond} ORDER BY rowid DESC LIMIT ?", [found, RANK_LIMIT + 1]
            ).fetchall()
        ]
        columns = "p.id, p.number, p.title, p.kind, p.answered"
        score, score_args = self._rank("prints_fts", "8.0, 1.0, 20.0"), [match] if self.server else []
        top: list[Any] = []
        if len(newest) > RANK_LIMIT:
            among = "p.id = ANY(?)" if self.server else "p.id IN (SELECT value FROM json_each(?))"
            top = self.db.execute(
                f"SELECT {columns}, 0.0 AS score FROM prints p WHERE {among} {where} ORDER BY p.id DESC LIMIT ?",
                [newest if self.server else json.dumps(newest), *args, limit],
            ).fetchall()
            if len(top) < limit:  # the filters leave fewer among the newest: all matches, newest first
                top = self.db.execute(
                    f"SELECT {columns}, 0.0 AS score FROM prints_fts JOIN prints p ON p.id = prints_fts.rowid "
                    f"WHERE {found_cond} {where} ORDER BY prints_fts.rowid DESC LIMIT ?",
                    [found, *args, limit],
                ).fetchall()
        elif newest and not where:
            # ranked first, then the best `limit` joined to their prints: joining every match before
            # ranking read a print row for each (3,500 for "Landesstrassen" at 50,000 prints: 13 against 4 ms)
            top = self.db.execute(
                f"SELECT {columns}, f.score FROM (SELECT rowid, {score} AS score FROM prints_fts "
                f"WHERE {cond} ORDER BY score LIMIT ?) AS f JOIN prints p ON p.id = f.rowid ORDER BY f.score",
                [*score_args, match, limit],
            ).fetchall()
        elif newest:
            top = self.db.execute(
                f"SELECT {columns}, {score} AS score FROM prints_fts JOIN prints p ON p.id = prints_fts.rowid "
                f"WHERE {cond} {where} ORDER BY score LIMIT ?",
                [*score_args, match, *args, limit],
            ).fetchall()
        if top:
            # snippets from the stored text: FTS5's snippet() would match the query again per row
            marks = ", ".join("?" for _ in top)
            bodies = dict(
                self.db.execute(
                    f"SELECT rowid, body FROM prints_fts WHERE rowid IN ({marks})", [t[0] for t in top]
                ).fetchall()
            )
            for pid, number, title, kind, answered, sc in top:
                snippet = highlight(bodies.get(pid, ""), query, open_mark=SNIPPET_OPEN, close_mark=SNIPPET_CLOSE)
                hits.append(SearchHit("print", pid, number, title or "", snippet, sc, kind, bool(answered)))
        filtered = any(v is not None for v in vars(filters).values())
        if include_material and not filtered and query.words:
            hits.extend(self.search_material(query, limit, snippet_words=14))
            hits.sort(key=lambda h: h.score)
        return hits[:limit]

    def _prefixes_spelled_out(self, query: Query) -> Query:
        """The query with each prefix spelled out as the words of the prints' index that begin with
        it (up to PREFIX_WORDS), to find the matching prints, not to rank them. SQLite merges all
        of a prefix's lists of prints before it returns the first ("Förder*": six words in 145,000
        places, 13-18 ms at 50,000 prints); an OR of the words walks the lists only as far as asked
        (2 ms, and 5 ms to look the words up). The same prints match. bm25 would weigh the words one
        by one, so ranking keeps the prefix. The server's index has no such cost: left as it is."""
        if self.server or not any(prefix for _, prefix in query.words):
            return query
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.prints_words USING fts5vocab(main, prints_fts, 'row')")
        words = []
        for variants, prefix in query.words:
            spelled: list[str] = []
            for v in variants if prefix else []:
                found = [
                    r[0]
                    for r in self.db.execute(
                        "SELECT term FROM temp.prints_words WHERE term >= ? AND term < ? LIMIT ?",
                        [v, v + "\U0010ffff", PREFIX_WORDS + 1],
                    ).fetchall()
                ]
                if len(found) > PREFIX_WORDS:
                    spelled = []
                    break
                spelled.extend(found)
            # no word with the prefix: the prefix itself matches nothing at no cost
            words.append((list(dict.fromkeys(spelled)), False) if spelled else (variants, prefix))
        return Query(words=words, numbers=query.numbers)

    def _filter_sql(self, f: SearchFilters) -> tuple[str, list[Any]]:
        clauses, args = [], []
        like = "ILIKE" if self.server else "LIKE"  # SQLite's LIKE ignores case (ASCII), PostgreSQL's does not
        for col, value in (
            ("p.parliament", f.parliament),
            ("p.term", f.term),
            ("p.kind", f.kind),
            ("p.status", f.status),
        ):
            if value is not None:
                clauses.append(f"{col} = ?")
                args.append(value)
        if f.ministry:
            clauses.append(f"p.ministry {like} ?")
            args.append(f"%{f.ministry}%")
        if f.date_from:
            clauses.append("COALESCE(p.submitted, p.received, p.answer_date) >= ?")
            args.append(f.date_from)
        if f.date_to:
            clauses.append("COALESCE(p.submitted, p.received, p.answer_date) <= ?")
            args.append(f.date_to)
        if f.statuses is not None:
            clauses.append(f"p.status IN ({', '.join('?' for _ in f.statuses) or 'NULL'})")
            args.extend(f.statuses)
        if f.unit:
            clauses.append("p.lead_unit = ?")
            args.append(f.unit)
        if f.officer:
            clauses.append(f"p.lead_officer {like} ?")
            args.append(f"%{f.officer}%")
        if f.due_from:
            clauses.append("p.due_date >= ?")
            args.append(f.due_from)
        if f.due_to:
            clauses.append("p.due_date <= ?")
            args.append(f.due_to)
        return ("AND " + " AND ".join(clauses)) if clauses else "", args

    # -- citations --------------------------------------------------------------------------

    def citations_from(self, print_id: int) -> list[dict[str, Any]]:
        """Outgoing citations, each with the cited print's id and title when it is in the register."""
        rows = self.db.execute(
            "SELECT c.source, c.target_number, c.target_parliament, c.target_points, t.id, t.title "
            "FROM citations c LEFT JOIN prints t ON t.number = c.target_number "
            "WHERE c.print_id = ? ORDER BY c.position",
            [print_id],
        ).fetchall()
        return [
            {
                "in": r[0],
                "number": r[1],
                "parliament": r[2],
                "points": json.loads(r[3]),
                "target_id": r[4],
                "target_title": r[5],
                "resolved": r[1] is None or r[4] is not None,
            }
            for r in rows
        ]

    def citations_to(self, number: str) -> list[dict[str, Any]]:
        """Backlinks: every citation of `number` in another print."""
        rows = self.db.execute(
            "SELECT p.id, p.number, p.title, c.source, c.target_points FROM citations c "
            "JOIN prints p ON p.id = c.print_id WHERE c.target_number = ? ORDER BY p.number, c.position",
            [number],
        ).fetchall()
        return [{"print_id": r[0], "number": r[1], "title": r[2], "in": r[3], "points": json.loads(r[4])} for r in rows]

    # -- similar ----------------------------------------------------------------------------

    def similar_points(self, query: Query, *, exclude_print_id: int | None, limit: int = 5) -> list[SimilarPoint]:
        """Points of other prints that have an answer, most similar question first (bm25 over the
        point's wording, the question weighing three times the answer). Words used by more than
        5 % of all points are left out: they match half the register and tell nothing apart.

        bm25 costs about a microsecond for every point it scores, so in a large register only the
        points that share one of the rarest words are candidates (see `_rarest_words`), each
        scored with all the words. On SQLite only those that can still be one of the `limit`
        answers are scored at all (see `_ranked_among_rarest`, also used without a bound): the
        same answers as filtering the best `ranked_limit` of all candidates."""
        query = self._without_common_words(query)
        if query.empty:
            return []
        ranked_limit = max(100, limit * 20)  # the best points before the filters below
        rarest = self._rarest_words(query)
        # with no bound (all the words' points are candidates) ranked in the same parts, the words
        # taken as rare: the same points and scores, as one OR query gives them (a prefix has no count
        # to bound its points by, and a point using only a print number is a candidate too)
        plain = len(query.words) > 1 and not query.numbers and not any(pre for _, pre in query.words)
        if not self.server and (rarest is not None or plain):
            rows: dict[int, tuple[Any, ...] | None] = {}  # point id -> the row to offer, None if it has none
            # a second core ranks half of a large part, but not beside a transaction already open: the
            # reader would not see that transaction's writes
            reader = None if self._in_transaction else self._second_reader()

            def offered(best: list[tuple[int, float]]) -> tuple[list[int], float]:
                """The points among `best` (best first) that have an answer to offer, at most `limit`, and
                the score a point must now beat to change them. The answers are read a few at a time,
                best first: in a large register each is a read from disk (1-9 ms for 100)."""
                kept: list[int] = []
                for start in range(0, len(best), 2 * limit):
                    chunk = [i for i, _ in best[start : start + 2 * limit]]
                    unread = [i for i in chunk if i not in rows]
                    if unread:
                        rows.update(dict.fromkeys(unread))
                        for row in self.db.execute(
                            "SELECT pt.print_id, p.number, p.title, pt.label, pt.text, a.answer, pt.id, p.answer_date "
                            "FROM points pt JOIN prints p ON p.id = pt.print_id JOIN points_fts a ON a.rowid = pt.id "
                            f"WHERE pt.id IN ({','.join('?' * len(unread))}) AND p.answered = 1 "
                            "AND pt.print_id IS DISTINCT FROM ? AND a.answer != ''",
                            [*unread, exclude_print_id],
                        ):
                            rows[row[6]] = row
                    for n, i in enumerate(chunk):
                        if rows[i] is not None:
                            kept.append(i)
                            if len(kept) == limit:
                                return kept, -best[start + n][1]
                return kept, (-best[-1][1] if len(best) == ranked_limit else 0.0)

            # in one snapshot: the parts see one state of the register, and bm25 costs less in one (FTS5
            # looks up each ranked point's length with a statement of its own, two thirds of the ranking
            # query's instructions under callgrind, and running and resetting it costs less inside a
            # transaction: bm25 over 6,400 points 4.4 against 5.0 ms; similar's p95 6 % less at 5,500 and
            # at 50,500 prints). Only on SQLite: the server's would cost two round trips.
            with self.snapshot():
                scores = self._ranked_among_rarest(
                    query, rarest or query, ranked_limit, lambda best: offered(best)[1], reader
                )
                kept, _ = offered(list(scores.items()))  # best first
            return [SimilarPoint(*r[:6], scores[r[6]], r[7]) for r in (rows[i] for i in kept) if r is not None]
        match, cond = self._fts("points_fts", query, any_word=True)
        score_args = [match] if self.server else []
        among, among_args = "", []
        if rarest is not None:  # the server: a filter on the ranked rows
            rare_match, rare_cond = self._fts("points_fts", rarest, any_word=True)
            among, among_args = f" AND rowid IN (SELECT rowid FROM points_fts WHERE {rare_cond})", [rare_match]
        # SQLite: CROSS JOIN keeps the ranked candidates first in the plan (a plain JOIN let it build the
        # whole candidate list twice over: 42 against 19 ms at 50,000 prints, the same rows)
        join = "JOIN" if self.server else "CROSS JOIN"
        # the answers are read only for the ranked candidates (in a file the index reads them from the
        # tables, which costs more than the ranking itself for every match of a common word)
        rows = self.db.execute(
            "SELECT pt.print_id, p.number, p.title, pt.label, pt.text, a.answer, f.score, p.answer_date "
            f"FROM (SELECT rowid, {self._rank('points_fts', '3.0, 1.0')} AS score FROM points_fts "
            f"      WHERE {cond}{among} ORDER BY score, rowid LIMIT ?) AS f "
            f"{join} points pt ON pt.id = f.rowid {join} prints p ON p.id = pt.print_id "
            f"{join} points_fts a ON a.rowid = f.rowid "
            "WHERE p.answered = 1 AND pt.print_id IS DISTINCT FROM ? AND a.answer != '' "
            "ORDER BY f.score, f.rowid LIMIT ?",
            [*score_args, match, *among_args, ranked_limit, exclude_print_id, limit],
        ).fetchall()
        return [SimilarPoint(*r) for r in rows]

    def _ranked_among_rarest(
        self,
        query: Query,
        rarest: Query,
        limit: int,
        to_beat: Callable[[list[tuple[int, float]]], float] | None = None,
        reader: SecondReader | None = None,
    ) -> dict[int, float]:
        """SQLite: the `limit` best points (id → bm25 score) among those using a word of `rarest`, each
        scored with all of `query`'s words, while bm25 scores only the points that can still matter.

        bm25 sums one term per word, so a point's score comes whole from any MATCH naming every word
        it uses, once each (naming fewer gives it less; the best score of a point is kept). A word
        adds at most (k1 + 1) = 2.2 times its idf, so a point can only matter if that bound, summed
        over its words, beats the score it must beat: the `limit`-th best so far, or what `to_beat`
        makes of the best so far (similar_points: the last of the answers it needs, which is higher,
        as the best points include the print's own and unanswered ones). Ranked in parts, each
        taking its best `limit` points:
          - the rare words AND the other words (bm25 gets every word; FTS5 walks the rare words'
            lists and jumps through the others');
          - each rare word AND any rare word after it, when their bounds together can beat it: a
            point using two rare words or more and none of the others is scored whole in the part
            of the first of them;
          - the rare words alone whose bound can (points using one rare word and nothing else).
        The same points and scores as ranking every point with a rare word by all the words (the
        sum taken in another order, so a score may differ in its last bit): the bound only leaves
        out points that cannot rank, without walking and looking up every match of the other words.
        The idf is taken from the counts "similar" has (`_points_using`), with BOUND_SPARE added: a
        count only falls when a replaced print or an edited answer no longer uses the word.

        With a `reader` (see `_second_reader`), a part whose words' points number SPLIT_RANKING_FROM or
        more is ranked in two halves at once, the points up to the middle id here and the others on
        the reader's thread: bm25 takes its idf and average length from the whole index in each half,
        so the best `limit` of the two halves' best are the part's best, with the same scores."""
        rare = rarest.words
        others = Query(words=[w for w in query.words if w not in rare], numbers=query.numbers)
        total, df = self._points_using([v for variants, _ in rare for v in variants])

        def at_most(variants: list[str]) -> float:
            return (
                2.2 * BOUND_SPARE * sum(math.log((total - df[v] + 0.5) / (df[v] + 0.5)) for v in variants if df.get(v))
            )

        def points_of(variants: list[str]) -> int:
            return sum(df.get(v, 0) for v in variants)

        # (MATCH, the most it adds, how many points use it)
        rare_words = [(Query(words=[w]).match(), at_most(w[0]), points_of(w[0])) for w in rare]
        best: dict[int, float] = {}

        def ranked() -> list[tuple[int, float]]:
            return sorted(best.items(), key=lambda x: (x[1], x[0]))[:limit]

        def beat() -> float:
            kept = ranked()
            if to_beat is not None:
                return to_beat(kept)
            return -kept[-1][1] if len(kept) == limit else 0.0

        def rank(match: str, candidates: int) -> None:
            sql = (
                "SELECT rowid, bm25(points_fts, 3.0, 1.0) AS score FROM points_fts WHERE points_fts MATCH ? {}"
                "ORDER BY score, rowid LIMIT ?"
            )
            if reader is None or candidates < SPLIT_RANKING_FROM or self._reader_failed:
                rows = self.db.execute(sql.format(""), [match, limit]).fetchall()
            else:
                middle = total // 2
                upper = reader.fetch(sql.format("AND rowid > ? "), [match, middle, limit])
                rows = self.db.execute(sql.format("AND rowid <= ? "), [match, middle, limit]).fetchall()
                try:
                    rows += upper.result()
                except sqlite3.Error as exc:  # the reader cannot read: this connection reads both halves from now on
                    self._reader_failed = True
                    log_error(
                        reader.path,
                        f"Der zweite Lesezugriff für ähnliche Antworten ist gescheitert ({exc}); "
                        "sie werden bis zum Schließen des Registers ohne ihn gesucht.",
                    )
                    rows += self.db.execute(sql.format("AND rowid > ? "), [match, middle, limit]).fetchall()
            for rowid, score in rows:
                if rowid not in best or score < best[rowid]:
                    best[rowid] = score

        def any_of(words: list[tuple[str, float, int]]) -> str:
            return " OR ".join(m for m, _, _ in words)

        def used(words: list[tuple[str, float, int]]) -> int:
            return sum(n for _, _, n in words)

        if not others.empty:
            rank(f"({any_of(rare_words)}) AND ({others.match(any_word=True)})", used(rare_words))
        for i in range(len(rare_words) - 1):
            if sum(b for _, b, _ in rare_words[i:]) > beat():
                rank(f"{rare_words[i][0]} AND ({any_of(rare_words[i + 1 :])})", rare_words[i][2])
        level = beat()
        alone = [w for w in rare_words if w[1] > level]
        if alone:
            rank(any_of(alone), used(alone))
        return dict(ranked())

    def _second_reader(self) -> SecondReader | None:
        """The register file's second reader, for "similar" to rank a large part on two cores at once
        (see SecondReader): only for a file, and only on a machine with a second core. At 50,500
        prints similar's p95 over 200 points was 6.3-7.8 ms against 8.1-9.1 without it in most runs
        (README, "Speed" and "Similar answers")."""
        if self.server or self.path is None or str(self.path) == ":memory:" or (os.cpu_count() or 1) < 2:
            return None
        if self._reader is None:
            self._reader = SecondReader(self.path)
        return self._reader

    def _points_using(self, terms: list[str]) -> tuple[int, dict[str, int]]:
        """The number of points, and how many use each word (counted up to the common share)."""
        total = self._points_total()
        return total, self._document_counts(terms, cap=int(total * COMMON_SHARE) + 1)

    def _points_total(self) -> int:
        """The number of points "similar" counts with: the highest id, one index lookup (never fewer
        than there are, which keeps the bounds of _ranked_among_rarest on the safe side)."""
        return int(self.db.execute("SELECT max(id) FROM points").fetchone()[0] or 0)

    def _without_common_words(self, query: Query) -> Query:
        terms = [v for variants, prefix in query.words if not prefix for v in variants]
        if not terms:
            return query
        total, df = self._points_using(terms)
        if total < 200:  # a small register: every word still tells something
            return query
        scored = [
            (max((df.get(v, 0) for v in variants), default=0), variants, prefix) for variants, prefix in query.words
        ]
        kept = [(variants, prefix) for n, variants, prefix in scored if prefix or n <= total * COMMON_SHARE]
        if len(kept) < 3:  # keep the three rarest words at least
            kept = [(variants, prefix) for _, variants, prefix in sorted(scored, key=lambda x: x[0])[:3]]
        return Query(words=kept, numbers=query.numbers)

    def _rarest_words(self, query: Query) -> Query | None:
        """The rarest of the query's words that together match about SIMILAR_CANDIDATES points, or
        None when all of them do: only points sharing one of these are scored for "similar".

        A point that has none of them can only share the more common words, whose share of a
        score is bounded by their rarity (bm25 gives a word at most 2.2 × its idf), so it rarely
        makes the top: of the exact best five for three draws of 50 random points, all came back
        at 5,000 prints and 608 of 614 at 50,000 (`bench/bench_search.py --seed N` prints this
        recall). A word no point uses (a word of the title: points are indexed without it) narrows
        nothing, so it does not end the choice."""
        if any(prefix for _, prefix in query.words):
            return None  # a prefix has no count of its own
        _, df = self._points_using([v for variants, _ in query.words for v in variants])
        counted = sorted((sum(df.get(v, 0) for v in variants), i) for i, (variants, _) in enumerate(query.words))
        if sum(n for n, _ in counted) <= SIMILAR_CANDIDATES:
            return None
        chosen, matched = set(), 0
        for n, i in counted:
            if matched and matched + n > SIMILAR_CANDIDATES:  # words no point uses narrow nothing
                break
            chosen.add(i)
            matched += n
        if len(chosen) == len(query.words):
            return None  # one word matching more than that: every point using it is scored
        return Query(words=[w for i, w in enumerate(query.words) if i in chosen])

    def similar_passages(self, query: Query, limit: int = 3) -> list[Passage]:
        if query.empty:
            return []
        match, cond = self._fts("passages_fts", query, any_word=True)
        rows = self.db.execute(
            f"SELECT mp.material_id, m.title, mp.text, {self._rank('passages_fts', '')} AS score FROM passages_fts "
            "JOIN material_passages mp ON mp.id = passages_fts.rowid JOIN material m ON m.id = mp.material_id "
            f"WHERE {cond} ORDER BY score LIMIT ?",
            [*([match] if self.server else []), match, limit],
        ).fetchall()
        return [Passage(*r) for r in rows]

    # -- what full text and a few expressions look like on each database ----------------------

    def _fts(self, table: str, query: Query, *, any_word: bool = False) -> tuple[str, str]:
        """The query for `table`'s full-text index and the condition taking it as its one `?`: an FTS5
        MATCH expression on SQLite, a tsquery on the server (the same words, spellings and prefixes)."""
        if self.server:
            return query.tsquery(any_word=any_word), team.match(table)
        return query.match(any_word=any_word), f"{table} MATCH ?"

    def _rank(self, table: str, weights: str) -> str:
        """The rank of a matching row, lower is better: bm25 with these column weights on SQLite; on
        the server ts_rank with the same proportions (storage.team.RANK_WEIGHTS), taking the
        tsquery as one more `?` before the condition's."""
        if self.server:
            return team.rank(table)
        return f"bm25({table}{', ' + weights if weights else ''})"

    def _document_counts(self, terms: list[str], cap: int) -> dict[str, int]:
        """How many points use each word, counted through the index and stopped at `cap` (beyond it
        a word is common, and only how rare the rare ones are matters): 0.3-1.8 ms a word at 50,000
        prints on SQLite, where its fts5vocab table read a common word's whole list of points (up
        to 14 ms). The same words come back with every point: kept for ten minutes, as a count a
        little off only moves a word across a line later. The common words' counts are at hand without
        the index: on SQLite those the last import counted (`count_words`); on a large server register
        the server's own statistics (one catalog row instead of thousands of index rows). A word they
        do not list is counted through the index: they list only the most common, and taking the
        others as used by no point made "similar" score every point of every word."""
        now = time.monotonic()
        if self._df is None or now - self._df[0] > 600:
            self._df = (now, {})
            self._word_counts = None if self.server else self._stored_word_counts()
        known = self._df[1]  # word -> (points counted, the cap it was counted up to)
        stored = self._word_counts or {}
        limit = " LIMIT ?"
        if self.server and cap > SERVER_STATS_FROM * COMMON_SHARE:
            common = self._common_words()
            if common is not None:
                rows, shares = common
                stored = {t: int(shares[t] * rows) for t in terms if t in shares}
                # the statistics list every word more than a few hundredths of the points use, so a word
                # they do not list is rare: counted without a LIMIT, the server answers from the index
                # alone (its pages all-visible after autovacuum): 0.9 against 4.9 ms for 500 points
                limit = ""

        def counted(term: str) -> bool:
            n, upto = known.get(term, (0, -1))
            return upto >= cap or n < upto  # a count below its cap is exact

        for term in [t for t in dict.fromkeys(terms) if not counted(t)]:
            if term in stored:  # a common word: counted by the last import or by the server's statistics
                known[term] = (min(stored[term], cap), cap)  # as if counted through the index
                continue
            match, cond = self._fts("points_fts", Query(words=[([term], False)]))
            args = [match, cap] if limit else [match]
            n = self.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM points_fts WHERE {cond}{limit}) s", args)
            known[term] = (min(int(n.fetchone()[0]), cap), cap)
        return {t: known[t][0] for t in terms}

    def count_words(self, *, force: bool = False) -> bool:
        """SQLite: store how many points use each word that more than WORD_COUNTS_FROM use, from the
        index's vocabulary, so that "similar" need not count them through the index (up to 5 % of
        all points, 1.6 ms a common word at 50,000 prints, paid the first time each word comes up).
        An import calls it; it counts again only once the register has grown by a tenth since (a
        count a little off only moves a word across a line later). Reading the whole vocabulary
        takes about 0.7 s at 50,000 prints. A small register is not counted: there counting a word
        through the index stops early. True if it counted."""
        if self.server:
            return False  # the server keeps statistics of its own (see _common_words)
        total = self._points_total()
        if total * COMMON_SHARE <= WORD_COUNTS_FROM:
            return False
        counted = self._word_counts_row()
        if counted is not None and not force and total < counted[0] * 1.1:
            return False
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.points_words USING fts5vocab(main, points_fts, 'row')")
        words = self.db.execute("SELECT term, doc FROM temp.points_words WHERE doc > ?", [WORD_COUNTS_FROM]).fetchall()
        value = json.dumps({"points": total, "words": dict(words)}, ensure_ascii=False, separators=(",", ":"))
        try:
            with self.transaction():
                self.db.execute(
                    "INSERT OR REPLACE INTO ziffer_info (key, value) VALUES ('point_word_counts', ?)", [value]
                )
        except StorageError:  # busy or read-only: the counts only make "similar" quicker; the next import tries
            return False
        self._df = None
        return True

    def _stored_word_counts(self) -> dict[str, int] | None:
        """The word counts of the last import (see count_words), or None when there are none or the
        register has since grown by a quarter."""
        counted = self._word_counts_row()
        if counted is None:
            return None
        return counted[1] if self._points_total() <= counted[0] * 1.25 else None

    def _word_counts_row(self) -> tuple[int, dict[str, int]] | None:
        """The stored word counts: the number of points then, and the counts; None when there are none
        or they cannot be read (the next import counts anew)."""
        row = self.db.execute("SELECT value FROM ziffer_info WHERE key = 'point_word_counts'").fetchone()
        try:
            stored = json.loads(row[0]) if row is not None else None
            if stored is None:
                return None
            points, words = int(stored["points"]), stored["words"]
            if not isinstance(words, dict) or not all(isinstance(n, int) for n in words.values()):
                return None
            return points, words
        except (ValueError, TypeError, KeyError):
            return None

    def _nulls_low(self, order: str) -> str:
        """An ORDER BY list with NULL sorted as the lowest value, as SQLite sorts it."""
        if not self.server:
            return order
        terms = [t.strip() for t in re.split(r",(?![^()]*\))", order)]  # commas outside parentheses
        return ", ".join(t + (" NULLS LAST" if t.endswith(" DESC") else " NULLS FIRST") for t in terms)

    def _common_words(self) -> tuple[int, dict[str, float]] | None:
        """The server's own statistics of the points' words (ANALYZE, which autovacuum runs): the
        most common ones with the share of points using each, and the number of points. Counting a
        common word through the index reads thousands of rows (35 ms each at 50,000 prints); these
        are one catalog row. None before the first ANALYZE. Kept for ten minutes."""
        now = time.monotonic()
        if self._stats is not None and now - self._stats[0] < 600:
            return self._stats[1]
        row = self.db.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples::bigint "
            "FROM pg_stats s JOIN pg_class c ON c.oid = 'points_fts'::regclass "
            "WHERE s.schemaname = current_schema() AND s.tablename = 'points_fts' AND s.attname = 'tsv'"
        ).fetchone()
        found = None
        if row is not None and row[0] is not None and row[2] and row[2] > 0:
            found = (int(row[2]), dict(zip(row[0], row[1], strict=False)))
        self._stats = (now, found)
        return found

    def _number_in_term(self) -> str:
        """The running number of a print number ("17/9075" → 9075), for sorting."""
        if self.server:
            return "COALESCE(substring(p.number from '/([0-9]+)')::bigint, 0)"
        return "CAST(substr(p.number, instr(p.number, '/') + 1) AS INTEGER)"

    # -- browsing ---------------------------------------------------------------------------

    def list_prints(
        self,
        filters: SearchFilters | None = None,
        sort: str = "due",
        limit: int = 100,
        offset: int = 0,
        descending: bool = False,
    ) -> list[dict[str, Any]]:
        """Prints with their key facts; sorted by due date (open ones first), date or number."""
        where, args = self._filter_sql(filters or SearchFilters())
        # the column sorted by (reversed when descending), then what keeps the order stable
        first, rest = {
            "due": (
                ["p.status IN ('versandt', 'veröffentlicht')", "p.due_date IS NULL", "p.due_date"],
                "COALESCE(p.received, p.submitted) DESC, p.id DESC",
            ),
            "date": (["COALESCE(p.received, p.submitted, p.answer_date)"], "p.id DESC"),
            "number": (
                ["p.parliament", "p.term", self._number_in_term()],
                "p.id",
            ),
            "kind": (["p.kind"], "p.id DESC"),
            "title": (["lower(p.title)"], "p.id DESC"),  # SQLite lowers ASCII only, as NOCASE did
            "ministry": (["p.ministry IS NULL", "p.ministry"], "p.id DESC"),
            "status": (["p.status"], "p.due_date IS NULL, p.due_date, p.id DESC"),
            "officer": (["p.lead_officer IS NULL", "p.lead_officer"], "p.due_date IS NULL, p.due_date, p.id DESC"),
        }.get(sort, (["p.id"], "p.id"))
        default_descending = sort in ("date", "number")  # newest first unless asked otherwise
        direction = "DESC" if descending != default_descending else "ASC"
        # SQLite puts NULL before every value, PostgreSQL after: the server is told SQLite's order
        nulls = (" NULLS FIRST" if direction == "ASC" else " NULLS LAST") if self.server else ""
        order = ", ".join(f"{term} {direction}{nulls}" for term in first) + ", " + self._nulls_low(rest)
        return _dicts(
            self.db.execute(
                f"SELECT {LIST_COLUMNS} FROM prints p WHERE 1 = 1 {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*args, limit, offset],
            )
        )

    def prints_by_id(self, ids: list[int]) -> list[dict[str, Any]]:
        """The list rows (as list_prints gives them) of these prints, in the given order."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = _dicts(
            self.db.execute(
                f"SELECT {LIST_COLUMNS} FROM prints p WHERE p.id IN ({marks})",
                list(ids),
            )
        )
        by_id = {r["id"]: r for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def facets(self) -> dict[str, list[Any]]:
        """The values the register's filters can offer: parliaments, terms, units and officers in use."""
        out: dict[str, list[Any]] = {}
        columns = {"parliament": "parliament", "term": "term", "unit": "lead_unit", "officer": "lead_officer"}
        for name, col in columns.items():
            out[name] = [
                r[0] for r in self.db.execute(f"SELECT DISTINCT {col} FROM prints WHERE {col} IS NOT NULL ORDER BY 1")
            ]
        return out

    def count_prints(self, filters: SearchFilters | None = None) -> int:
        where, args = self._filter_sql(filters or SearchFilters())
        return int(self.db.execute(f"SELECT count(*) FROM prints p WHERE 1 = 1 {where}", args).fetchone()[0])

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("prints", "points", "answer_items", "citations", "material", "events", "files"):
            out[table] = int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        return out
