"""Keeping the full-text indexes in step with the tables (called inside the writing transaction).

In a register file (SQLite) the indexes hold no text of their own (migration m012): FTS5 reads each
row's text from a view over the tables (`prints_search_text`, `points_search_text`,
`material_search_text`, and `material_passages` itself). To remove a row from such an index, FTS5
reads the row's text there and takes its words out; so a row is taken out of the index *before* any
of its text changes (title, number, points, reasoning, answer items and which points they answer,
citations) and put in again after, from the same view — what was indexed is always what the view
shows. Every change of indexed text in storage/register.py goes `unindex_print` → change →
`index_print`.

On the team register (PostgreSQL) each index row is a table row with the texts and their tsvector,
built here in Python from the same parts (`_print_texts`), and removed by its rowid.
"""

from __future__ import annotations

from typing import Any

from core.search_query import number_token


def _server(db: Any) -> bool:
    return bool(getattr(db, "server", False))


def _print_texts(db: Any, print_id: int) -> tuple[dict[str, str], list[tuple[int, dict[str, str]]]] | None:
    """What the indexes hold of a print, put together as the views of m012 do: title, body and
    numbers; each point (by id) with the answers to it. None for an unknown print."""
    row = db.execute("SELECT title, reasoning, number FROM prints WHERE id = ?", [print_id]).fetchone()
    if row is None:
        return None
    title, reasoning, number = row
    points = db.execute(
        "SELECT id, label, text FROM points WHERE print_id = ? ORDER BY position", [print_id]
    ).fetchall()
    answers: dict[str, list[str]] = {}
    item_texts = []
    for item_id, text in db.execute(
        "SELECT id, text FROM answer_items WHERE print_id = ? ORDER BY position", [print_id]
    ).fetchall():
        item_texts.append(text)
        for (label,) in db.execute("SELECT label FROM answer_item_points WHERE item_id = ?", [item_id]).fetchall():
            answers.setdefault(label, []).append(text)
    cited = [
        n
        for (n,) in db.execute(
            "SELECT DISTINCT target_number FROM citations WHERE print_id = ? AND target_number IS NOT NULL", [print_id]
        ).fetchall()
    ]
    numbers = " ".join(number_token(n) for n in ([number] if number else []) + cited)
    body = "\n\n".join([*(p[2] for p in points), *([reasoning] if reasoning else []), *item_texts])
    return (
        {"title": title or "", "body": body, "numbers": numbers},
        [(pid, {"question": text, "answer": "\n\n".join(answers.get(label, []))}) for pid, label, text in points],
    )


def unindex_print(db: Any, print_id: int) -> None:
    """Take a print and its points out of the indexes: before any of its indexed text changes (in a
    file, FTS5 reads the words to remove from the stored text as it is now)."""
    db.execute("DELETE FROM prints_fts WHERE rowid = ?", [print_id])
    db.execute("DELETE FROM points_fts WHERE rowid IN (SELECT id FROM points WHERE print_id = ?)", [print_id])


def index_print(db: Any, print_id: int) -> None:
    """Index a print as stored (not in the index yet, or taken out by unindex_print): title, points,
    reasoning and answers; numbers; each point with its answer."""
    if not _server(db):
        db.execute(
            "INSERT INTO prints_fts (rowid, title, body, numbers) "
            "SELECT id, title, body, numbers FROM prints_search_text WHERE id = ?",
            [print_id],
        )
        db.execute(
            "INSERT INTO points_fts (rowid, question, answer) "
            "SELECT id, question, answer FROM points_search_text WHERE print_id = ?",
            [print_id],
        )
        return
    from storage import team

    texts = _print_texts(db, print_id)
    if texts is None:
        return
    print_values, points = texts
    team.insert_fts(db, "prints_fts", print_id, print_values)
    for point_id, values in points:
        team.insert_fts(db, "points_fts", point_id, values)


def index_material(db: Any, material_id: int) -> None:
    """Index a new material document and its passages (material is stored once and never changed)."""
    if not _server(db):
        db.execute(
            "INSERT INTO material_fts (rowid, title, body) "
            "SELECT id, title, body FROM material_search_text WHERE id = ?",
            [material_id],
        )
        db.execute(
            "INSERT INTO passages_fts (rowid, text) SELECT id, text FROM material_passages WHERE material_id = ?",
            [material_id],
        )
        return
    from storage import team

    row = db.execute("SELECT title, text FROM material WHERE id = ?", [material_id]).fetchone()
    if row is None:
        return
    team.insert_fts(db, "material_fts", material_id, {"title": row[0], "body": row[1]})
    for passage_id, text in db.execute(
        "SELECT id, text FROM material_passages WHERE material_id = ? ORDER BY position", [material_id]
    ).fetchall():
        team.insert_fts(db, "passages_fts", passage_id, {"text": text})


def reindex_all(db: Any) -> None:
    """Rebuild every index from the tables (a copied register, or a repair)."""
    tables = ("prints_fts", "points_fts", "material_fts", "passages_fts")
    if not _server(db):
        for table in tables:
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
        return
    for table in tables:
        db.execute(f"DELETE FROM {table}")
    for (print_id,) in db.execute("SELECT id FROM prints").fetchall():
        index_print(db, print_id)
    for (material_id,) in db.execute("SELECT id FROM material").fetchall():
        index_material(db, material_id)
