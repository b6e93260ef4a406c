"""The search index over the stored text (migration m012, issue 13): in a register file the FTS5 indexes
keep no copy of the text but read it from the tables through views, so every change of indexed text
must take the old words out before the text changes. These tests make each kind of change and check
that the index followed it: FTS5's own integrity check (which compares the index with the text the
views give), old words find nothing, new words find the print. An upgraded register finds exactly
what it found before."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from conftest import FIXTURES, ROOT

from core.demo import fill_demo
from core.model import Answer, AnswerItem, Point, PrintDoc
from core.search_query import parse_query
from core.services import import_files, similar
from storage import migrations
from storage.copy import copy_register
from storage.db import VersionConflict, migrate
from storage.index import _print_texts
from storage.register import Register

FTS = ("prints_fts", "points_fts", "material_fts", "passages_fts")
# the tables a register of prints and material fills (m012 changes none of them)
TABLES = (
    "prints", "points", "answer_items", "answer_item_points", "citations", "material", "material_passages",
    "events", "files",
)  # fmt: skip
WHO = "test"


@pytest.fixture
def register(register_location: Path | str):  # type: ignore[no-untyped-def]
    reg = Register.open(register_location)
    yield reg
    reg.close()


def intact(register: Register) -> bool:
    """FTS5's integrity check of every index against the text the views give (a register file; the
    server's index rows carry their own text and tsvector, nothing to compare)."""
    if not register.server:
        for table in FTS:
            register.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    return True


def prints_found(register: Register, text: str) -> list[int]:
    return [h.id for h in register.search(parse_query(text), limit=100, include_material=False)]


def points_found(register: Register, text: str) -> list[int]:
    """Ids of the points whose question or answer has the word (the index "similar" ranks)."""
    match, cond = register._fts("points_fts", parse_query(text))
    return sorted(r[0] for r in register.db.execute(f"SELECT rowid FROM points_fts WHERE {cond}", [match]))


def point_ids(register: Register, print_id: int) -> list[int]:
    return [r[0] for r in register.db.execute("SELECT id FROM points WHERE print_id = ? ORDER BY id", [print_id])]


def answered_print(register: Register) -> int:
    """A demo print with at least three answer items."""
    for row in register.list_prints(limit=100):
        if len(register.answer_items(row["id"])) >= 3:
            return int(row["id"])
    raise AssertionError("no demo print with three answer items")


def test_index_follows_every_change_of_indexed_text(register: Register) -> None:
    fill_demo(register)
    assert intact(register)
    pid = answered_print(register)
    number = register.metadata(pid)["number"]
    assert pid in prints_found(register, number)

    # an answer item rewritten, with a citation (the print's numbers change with it)
    with register.transaction():
        register.set_answer_text(pid, 0, "Die Quokkazählung ergab siehe Drucksache 17/4711 wenig.", WHO)
    assert intact(register)
    assert pid in prints_found(register, "Quokkazählung") and pid in prints_found(register, "17/4711")
    assert set(points_found(register, "Quokkazählung")) & set(point_ids(register, pid))
    with register.transaction():
        register.set_answer_text(pid, 0, "Die Wombatzählung ergab wenig.", WHO)
    assert intact(register)
    assert prints_found(register, "Quokkazählung") == [] and points_found(register, "Quokkazählung") == []
    assert pid not in prints_found(register, "17/4711")
    assert pid in prints_found(register, "Wombatzählung")

    # a save resting on an old version is refused, also outside a transaction: the index stays as it was
    with pytest.raises(VersionConflict):
        register.set_answer_text(pid, 0, "Die Koalazählung.", WHO, version=0)
    assert intact(register)
    assert pid in prints_found(register, "Wombatzählung") and prints_found(register, "Koalazählung") == []

    # the answer redivided: the first two items answered together, in new words
    items = register.answer_items(pid)
    merged = AnswerItem(items[0].points + items[1].points, "Die Gnuzählung, siehe Drucksache 17/4712, für beides.")
    with register.transaction():
        register.save_answer_items(pid, [merged, *items[2:]], WHO)
    assert intact(register)
    assert prints_found(register, "Wombatzählung") == [] and points_found(register, "Wombatzählung") == []
    assert pid in prints_found(register, "Gnuzählung") and pid in prints_found(register, "17/4712")
    assert len(set(points_found(register, "Gnuzählung")) & set(point_ids(register, pid))) == len(merged.points)
    with pytest.raises(VersionConflict):
        register.save_answer_items(pid, items, WHO, versions=[0])
    assert intact(register) and pid in prints_found(register, "Gnuzählung")

    # the title and the number corrected; a refused correction changes nothing
    versions = register.facts(pid)[1]
    with register.transaction():
        register.update_metadata(pid, {"title": "Kakaposchutz im Land", "number": "18/9999"}, WHO)
    assert intact(register)
    assert pid in prints_found(register, "Kakaposchutz") and pid in prints_found(register, "18/9999")
    assert pid not in prints_found(register, number)
    with pytest.raises(VersionConflict):
        register.update_metadata(pid, {"title": "Takahezählung"}, WHO, versions={"title": versions["title"]})
    assert intact(register) and prints_found(register, "Takahezählung") == []
    with register.transaction():
        register.update_metadata(pid, {"ministry": "Ministerium für Kakapos"}, WHO)  # not indexed
    assert intact(register) and pid in prints_found(register, "Kakaposchutz")

    # a new rendition merged over the print: points and reasoning change, items are written anew
    stored = register.get_print(pid)
    doc = stored.doc
    doc.points = [Point(p.label, f"{p.text} Tuataraschutz") for p in doc.points[:-1]]
    doc.reasoning = "Die Begründung spricht vom Kiwischutz."
    with register.transaction():
        register.replace_print(pid, doc, fingerprint=None, status=stored.status, edited=set(), changes=[], who=WHO)
    assert intact(register)
    assert pid in prints_found(register, "Tuataraschutz") and pid in prints_found(register, "Kiwischutz")
    assert len(points_found(register, "Tuataraschutz")) == len(doc.points)

    # material, and the imports of the fixture prints (new prints, and renditions of stored ones)
    import_files(register, sorted(FIXTURES.glob("*.txt")), who=WHO)
    import_files(register, [ROOT / "resources" / "demo" / "prints"], who=WHO)  # known files: nothing changes
    assert intact(register)


def test_a_copied_register_has_an_intact_index_and_the_same_results(tmp_path: Path) -> None:
    with Register.open(tmp_path / "a.db") as source, Register.open(tmp_path / "b.db") as target:
        fill_demo(source)
        copy_register(source, target)
        assert intact(target)
        assert snapshot(source) == snapshot(target)


def odd_prints() -> list[PrintDoc]:
    """Prints at the edges of what the views put together: no title, number or points, empty texts,
    an empty reasoning, items answering two points, none, or a point no other item answers."""
    items = [
        AnswerItem(["1", "2"], "Zu 1 und 2."),
        AnswerItem([], "Vorbemerkung."),
        AnswerItem(["3"], ""),
        AnswerItem(["4", "2"], "Zu 4 und 2, in dieser Reihenfolge."),
    ]
    return [
        PrintDoc(),
        PrintDoc(title="Nur ein Titel", number="17/1", reasoning=""),
        PrintDoc(number="17/2", points=[Point("1", "")], reasoning=None, answer=Answer(items=[AnswerItem(["1"], "")])),
        PrintDoc(
            title="Drei Punkte",
            number="17/3",
            points=[Point("1", "Erstens?"), Point("2", "Zweitens?"), Point("3", "Drittens?"), Point("4", "Viertens?")],
            reasoning="Weil.",
            answer=Answer(items=items),
        ),
    ]


def test_views_give_the_text_as_indexed_before(tmp_path: Path) -> None:
    """The views (m012) put each print's text together exactly as the index was filled before it (and as
    the server's index rows are still filled: storage.index._print_texts), so words, positions and
    column sizes, and with them bm25 and the snippets, are unchanged."""
    with Register.open(tmp_path / "r.db") as register:
        fill_demo(register)
        import_files(register, sorted(FIXTURES.glob("*.txt")), who=WHO)
        with register.transaction():
            for doc in odd_prints():
                register.add_print(doc, fingerprint=None, status="eingegangen", who=WHO)
        assert intact(register)
        ids = [r[0] for r in register.db.execute("SELECT id FROM prints ORDER BY id")]
        assert len(ids) > 40
        for pid in ids:
            texts = _print_texts(register.db, pid)
            assert texts is not None
            values, points = texts
            row = register.db.execute(
                "SELECT title, body, numbers FROM prints_search_text WHERE id = ?", [pid]
            ).fetchone()
            assert dict(zip(("title", "body", "numbers"), row, strict=True)) == values
            assert [
                (r[0], {"question": r[1], "answer": r[2]})
                for r in register.db.execute(
                    "SELECT id, question, answer FROM points_search_text WHERE print_id = ? ORDER BY id", [pid]
                )
            ] == sorted(points)


def snapshot(register: Register) -> dict[str, Any]:
    """Search results in full (ids, order, snippets, scores) for words of every demo print, prefixes and
    numbers, the material's hits and passages, and the similar answers to every point."""
    words = [
        "Radwege", "Landesstraßen", "Foerderung", "Förder*", "Lehrkräfte", "Hochwasser", "Starkregen", "KI",
        "Breitband", "Gigabit*", "Nahversorgung", "Dorfläden", "Meisterprämie", "Tourismus", "Schwarzwald",
        "Unterrichtsversorgung", "Grundschulen", "Landesregierung", "Maßnahmen", "wie viele", "Radnetz Lücken",
        "Quereinstieg", "Assistent*", "Regierungspräsidien", "Kommunen", "Millionen Euro",
    ]  # fmt: skip
    numbers = [r[0] for r in register.db.execute("SELECT number FROM prints WHERE number IS NOT NULL ORDER BY id")]
    out: dict[str, Any] = {"search": [], "material": [], "similar": []}
    for text in words + numbers:
        found = register.search(parse_query(text), limit=50)
        out["search"].append([text, [(h.kind, h.id, h.snippet, h.score) for h in found]])
    for text in words:
        q = parse_query(text)
        out["material"].append(
            [
                [(h.id, h.snippet, h.score) for h in register.search_material(q)],
                [(p.material_id, p.text, p.score) for p in register.similar_passages(q, limit=5)],
            ]
        )
    for (pid,) in register.db.execute("SELECT id FROM prints ORDER BY id").fetchall():
        for sp in similar(register, pid):
            out["similar"].append(
                [pid, sp.label, [(s.print_id, s.label, s.answer, s.score) for s in sp.points], sp.passages]
            )
    return out


def copy_rows(conn: sqlite3.Connection, table: str) -> None:
    """The rows of a table of the attached register `now` into the older register's table: its columns,
    and the points an answer item names in their order (before m013 the order of their rowids)."""
    cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))
    order = " ORDER BY item_id, position" if table == "answer_item_points" else ""
    conn.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM now.{table}{order}")


def present_register(path: Path) -> dict[str, Any]:
    """A register as the present Ziffer builds it (demo, fixtures, odd prints, an edited answer item);
    returns its search snapshot."""
    with Register.open(path) as now:
        fill_demo(now)
        import_files(now, sorted(FIXTURES.glob("*.txt")), who=WHO)
        with now.transaction():
            for doc in odd_prints():
                now.add_print(doc, fingerprint=None, status="eingegangen", who=WHO)
        pid = answered_print(now)
        with now.transaction():
            now.set_answer_text(pid, 1, "Neu gefasst, mit Verweis auf Drucksache 17/8964.", WHO)
        return snapshot(now)


def older_register(path: Path, now: Path, stop_before: str) -> sqlite3.Connection:
    """The rows of the register `now` in a register file an older Ziffer made (migrated up to
    `stop_before`, with SQLite's default layout), its indexes filled as that Ziffer filled them."""
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    migrate(db, path, stop_before=stop_before)
    conn.execute(f"ATTACH DATABASE '{now}' AS now")
    with db.atomic():
        for table in TABLES:
            copy_rows(conn, table)
        # an older Ziffer gave each answer item a time of its own, also one stored with its print
        conn.execute(
            "UPDATE main.answer_items SET updated_at = "
            "(SELECT created_at FROM main.prints p WHERE p.id = answer_items.print_id) WHERE updated_at = ''"
        )
        if db["prints_fts_content"].exists():
            migrations._fill_m002_indexes(db)
        else:
            for table in FTS:
                conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    conn.execute("DETACH DATABASE now")
    # the present Ziffer reads the order in which an answer item names its points from the column m013
    # adds; reading the older register as it is, a temporary view gives it that column (the rowid order)
    conn.execute(
        "CREATE TEMP VIEW answer_item_points AS SELECT item_id, label, "
        "row_number() OVER (PARTITION BY item_id ORDER BY rowid) - 1 AS position FROM main.answer_item_points"
    )
    return conn


def has_table(db: Any, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def held(db: Any) -> int:
    """The bytes a register file holds in its tables and indexes, whatever its page size."""
    return int(db.execute("SELECT sum(payload) FROM dbstat").fetchone()[0])


def test_upgrade_keeps_every_search_result(tmp_path: Path) -> None:
    """A register as the Ziffer before m012 left it (its indexes filled with their own copy of the text)
    finds, ranks and cuts snippets exactly as before after the upgrade; the upgrade is kept as a copy
    and the file shrinks."""
    expected = present_register(tmp_path / "now.db")
    # the same rows in a register at m011, indexed as m002 filled indexes
    old = tmp_path / "old.db"
    conn = older_register(old, tmp_path / "now.db", "m012_index_over_stored_text")
    db = sqlite_utils.Database(conn)
    assert db["prints_fts_content"].exists()
    before = snapshot(Register(db, old))  # the register as it is, not migrated
    assert before["search"] and before == expected
    held_before = held(db)
    conn.close()

    with Register.open(old) as upgraded:
        assert not has_table(upgraded.db, "prints_fts_content") and not has_table(upgraded.db, "points_fts_content")
        assert intact(upgraded)
        assert snapshot(upgraded) == before
        assert upgraded.db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the freed pages given back
        # what the file holds (its size here is mostly the pages m013's larger layout gives each of the
        # sixty tables and indexes of this small register)
        assert held(upgraded.db) < held_before * 0.8
    assert len(list(tmp_path.glob("old.db.before-m012_index_over_stored_text-*"))) == 1


def test_smaller_register_upgrade_keeps_answers_and_results(tmp_path: Path) -> None:
    """m013 on a register file as m012 left it: the points each answer item names, in their order, the
    search results and similar answers stay exactly the same; the table of those points has no rowid
    any more, an item's time is kept only where it is not its print's, the unused vocabulary table is
    gone, and the file is rewritten with 8 KiB pages and
    gives freed pages back at every commit (as a new register file is made); it holds less."""
    expected = present_register(tmp_path / "now.db")
    with Register.open(tmp_path / "now.db") as now:
        ids = [r[0] for r in now.db.execute("SELECT id FROM prints ORDER BY id")]
        answers = {pid: now.answer_items(pid) for pid in ids}
        assert any(item.points == ["4", "2"] for items in answers.values() for item in items)
        assert now.db.execute("PRAGMA page_size").fetchone()[0] == 8192  # a new register's layout
        assert now.db.execute("PRAGMA auto_vacuum").fetchone()[0] == 1
    old = tmp_path / "old.db"
    conn = older_register(old, tmp_path / "now.db", "m013_smaller_register")
    db = sqlite_utils.Database(conn)
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert db["points_vocab"].exists()
    before = snapshot(Register(db, old))
    assert before["search"] and before == expected
    assert {pid: Register(db, old).answer_items(pid) for pid in ids} == answers
    held_before = held(db)
    times = conn.execute("SELECT id, updated_at FROM answer_items ORDER BY id").fetchall()
    assert all(at for _, at in times)
    conn.close()

    with Register.open(old) as upgraded:
        assert upgraded.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0  # not left locked
        assert intact(upgraded)
        # an item's time, where it is its print's, is kept only there
        assert upgraded.db.execute("SELECT count(*) FROM answer_items WHERE updated_at = ''").fetchone()[0] > 50
        assert (
            upgraded.db.execute(
                "SELECT a.id, COALESCE(NULLIF(a.updated_at, ''), p.created_at) FROM answer_items a "
                "JOIN prints p ON p.id = a.print_id ORDER BY a.id"
            ).fetchall()
            == times
        )
        assert snapshot(upgraded) == before
        assert {pid: upgraded.answer_items(pid) for pid in ids} == answers
        assert not has_table(upgraded.db, "points_vocab")
        sql = upgraded.db.execute("SELECT sql FROM sqlite_master WHERE name = 'answer_item_points'").fetchone()[0]
        assert "WITHOUT ROWID" in sql
        assert upgraded.db.execute("PRAGMA page_size").fetchone()[0] == 8192
        assert upgraded.db.execute("PRAGMA auto_vacuum").fetchone()[0] == 1
        assert upgraded.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert upgraded.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert held(upgraded.db) < held_before
        pid = ids[0]
        with upgraded.transaction():  # a register that goes on working: an answer redivided
            upgraded.save_answer_items(pid, [AnswerItem(["2", "1"], "Zu 2 und 1.")], WHO)
        assert upgraded.answer_items(pid) == [AnswerItem(["2", "1"], "Zu 2 und 1.")]
        assert intact(upgraded)
    assert len(list(tmp_path.glob("old.db.before-m013_smaller_register-*"))) == 1
