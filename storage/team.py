"""What the register knows of the team register on a PostgreSQL server without talking to it: how
its address is shown, its two errors, and its full text (tsvectors and tsqueries built here, in
SQLite's words). The connection itself is storage/postgres.py, imported only when a server register
is opened: psycopg takes 100 ms to import, which a command on a register file need not pay.

Full text: SQLite's FTS5 tokenizer (unicode61, umlauts kept) is reproduced in Python
(`search_tokens`) and the server gets a ready `tsvector` and `tsquery` (never `to_tsvector`, whose
word splitting depends on the server's locale: under the C locale "Förderung" falls apart into "f"
and "rderung"). So the two registers find exactly the same words, with the same umlaut spellings and
prefixes; only the ranking formula differs (PostgreSQL's ts_rank, weighted like SQLite's bm25).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from storage.db import StorageError

CONNECT_TIMEOUT_S = 5
NOTIFY_CHANNEL = "ziffer_events"
IMPORT_LOCK = 0x5A1FFE5  # imports one at a time, as on SQLite: a print arriving twice is stored once
_TOKEN = re.compile(r"[^\W_]+")  # FTS5 unicode61: runs of letters and digits, everything else separates
_MAX_POSITIONS = 255  # PostgreSQL keeps at most 256 positions per word and positions up to 16383
_MAX_POSITION = 16383
_MAX_LEXEME_BYTES = 2046


def display(url: str) -> str:
    """The address as the officer may see it: no password."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    if parts.port:
        host += f":{parts.port}"
    user = f"{unquote(parts.username)}@" if parts.username else ""
    return f"postgresql://{user}{host}{parts.path}"


class ServerUnavailable(StorageError):
    """The server cannot be reached (network gone, server restarting) or refused the login; the
    message is one German sentence. Nothing was written; the window keeps the officer's text and
    tries again."""


class NotPermitted(StorageError):
    """The server's grants refuse this to the signed-in role (a reader saving, an officer deleting)."""


# -- full text ---------------------------------------------------------------------------------------


def search_tokens(text: str) -> list[str]:
    """The words of a text as SQLite's FTS5 tokenizer (unicode61, diacritics kept) cuts them."""
    return _TOKEN.findall(text.lower())


def tsvector_text(columns: Sequence[tuple[str | None, str]]) -> str:
    """A tsvector in PostgreSQL's input syntax for texts with their weights (A, B, C or D), positions
    counted across the columns: built here, so the server's locale plays no part."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for text, weight in columns:
        for token in search_tokens(text or ""):
            pos += 1
            if len(token.encode()) > _MAX_LEXEME_BYTES:
                continue
            seen = positions.setdefault(token, [])
            if len(seen) < _MAX_POSITIONS:
                seen.append(f"{min(pos, _MAX_POSITION)}{'' if weight == 'D' else weight}")
    return " ".join(f"'{token}':{','.join(p)}" for token, p in positions.items())


# The weights of each index's columns (A–D) and of the ranks: ts_rank takes {D, C, B, A}. They follow
# the bm25 weights of the SQLite register: title 8 : body 1 : print numbers 20; question 3 : answer 1.
FTS_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "prints_fts": (("title", "A"), ("body", "D"), ("numbers", "B")),
    "points_fts": (("question", "A"), ("answer", "D")),
    "material_fts": (("title", "A"), ("body", "D")),
    "passages_fts": (("text", "D"),),
}
RANK_WEIGHTS = {
    "prints_fts": "{0.05, 0, 1.0, 0.4}",
    "points_fts": "{0.333, 0, 0, 1.0}",
    "material_fts": "{0.125, 0, 0, 1.0}",
    "passages_fts": "{1.0, 0, 0, 0}",
}


def rank(table: str) -> str:
    """An SQL expression ranking rows of `table` against the tsquery in the next `?`; lower is better,
    as with SQLite's bm25."""
    return f"-ts_rank('{RANK_WEIGHTS[table]}', {table}.tsv, ?::tsquery, 1)"


def match(table: str) -> str:
    """The SQL condition that a row of `table` matches the tsquery in the next `?`."""
    return f"{table}.tsv @@ ?::tsquery"


def insert_fts(db: Any, table: str, rowid: int, values: dict[str, str]) -> None:
    """One row of a full-text index: the texts (for snippets) and their tsvector."""
    cols = [c for c, _ in FTS_COLUMNS[table]]
    tsv = tsvector_text([(values.get(c), w) for c, w in FTS_COLUMNS[table]])
    db.execute(
        f"INSERT INTO {table} (rowid, {', '.join(cols)}, tsv) VALUES (?, {', '.join('?' for _ in cols)}, ?::tsvector)",
        [rowid, *(values.get(c) or "" for c in cols), tsv],
    )
