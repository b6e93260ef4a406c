"""Keeping the full-text indexes in step with the tables (called inside the writing transaction)."""

from __future__ import annotations

import sqlite_utils

from core.search_query import number_token


def _add(db: sqlite_utils.Database, table: str, rowid: int, values: dict[str, str]) -> None:
    """One row of a full-text index; on the team register with its tsvector (storage.team)."""
    if getattr(db, "server", False):
        from storage import team

        team.insert_fts(db, table, rowid, values)
        return
    db.execute(
        f"INSERT INTO {table} (rowid, {', '.join(values)}) VALUES (?, {', '.join('?' for _ in values)})",
        [rowid, *values.values()],
    )


def unindex_print(db: sqlite_utils.Database, print_id: int) -> None:
    """Remove a print and its points from the indexes (before its rows change)."""
    db.execute("DELETE FROM prints_fts WHERE rowid = ?", [print_id])
    db.execute("DELETE FROM points_fts WHERE rowid IN (SELECT id FROM points WHERE print_id = ?)", [print_id])


def index_print(db: sqlite_utils.Database, print_id: int) -> None:
    """Index a print as stored: title, points, reasoning and answers; numbers; each point with its answer."""
    row = db.execute("SELECT title, reasoning, number FROM prints WHERE id = ?", [print_id]).fetchone()
    if row is None:
        return
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
    _add(db, "prints_fts", print_id, {"title": title or "", "body": body, "numbers": numbers})
    for point_id, label, text in points:
        _add(db, "points_fts", point_id, {"question": text, "answer": "\n\n".join(answers.get(label, []))})


def index_material(db: sqlite_utils.Database, material_id: int) -> None:
    """(Re)index one material document and its passages."""
    db.execute("DELETE FROM material_fts WHERE rowid = ?", [material_id])
    db.execute(
        "DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM material_passages WHERE material_id = ?)",
        [material_id],
    )
    row = db.execute("SELECT title, text FROM material WHERE id = ?", [material_id]).fetchone()
    if row is None:
        return
    _add(db, "material_fts", material_id, {"title": row[0], "body": row[1]})
    for passage_id, text in db.execute(
        "SELECT id, text FROM material_passages WHERE material_id = ? ORDER BY position", [material_id]
    ).fetchall():
        _add(db, "passages_fts", passage_id, {"text": text})


def reindex_all(db: sqlite_utils.Database) -> None:
    """Rebuild every index from the tables (a migration, or a repair)."""
    for table in ("prints_fts", "points_fts", "material_fts", "passages_fts"):
        db.execute(f"DELETE FROM {table}")
    for (print_id,) in db.execute("SELECT id FROM prints").fetchall():
        index_print(db, print_id)
    for (material_id,) in db.execute("SELECT id FROM material").fetchall():
        index_material(db, material_id)
