"""The team register on a real PostgreSQL server (tests/pg.py starts it): what only a server has —
logins and grants, an unreachable server, its migrations — and that a register moves to it and back
whole. The behaviour both databases share is tested on both by the `register_location` fixture
(test_register, test_versions, test_tracking, test_answers, test_draft_citations)."""

from __future__ import annotations

from pathlib import Path

import pg
import psycopg
import pytest
from conftest import FIXTURES

import main
from core import answers
from core.demo import fill_demo
from core.model import AnswerItem
from core.search_query import parse_query
from core.services import IMPORTED, import_file, import_files
from storage.copy import CopyError, copy_register
from storage.db import NewerRegister, StorageError
from storage.migrations import PG_MIGRATIONS, PG_SCHEMA
from storage.register import Register
from storage.team import NotPermitted, ServerUnavailable, search_tokens, tsvector_text

pytestmark = pytest.mark.postgresql


@pytest.fixture
def motion(pg_url: str):  # type: ignore[no-untyped-def]
    """The team register with our motion 17/8530 and a draft answer to each point."""
    with Register.open(pg_url) as reg:
        pid = import_file(reg, FIXTURES / "bw_antrag_unanswered.txt", who="t").id
        assert pid is not None
        with reg.transaction():
            reg.save_answer_items(pid, answers.draft_items(reg.get_print(pid).doc.points), "t")
            reg.set_answer_text(pid, 0, "Der Entwurf der Referentin.", "t")
    return pg_url, pid


def test_a_readers_save_is_refused_in_german_and_nothing_changes(motion) -> None:  # type: ignore[no-untyped-def]
    url, pid = motion
    reader_url = pg.login_as(url, "leser", "ziffer_reader")
    with Register.open(url) as owner:
        before = (owner.answer_items(pid), owner.answer_versions(pid), owner.counts())
    with Register.open(reader_url) as reader:
        assert reader.identity == "leser"
        assert reader.get_print(pid).doc.answer.items[0].text == "Der Entwurf der Referentin."  # reading works
        with pytest.raises(NotPermitted) as refused, reader.transaction():
            reader.set_answer_text(pid, 0, "Vom Leser geändert.", "leser", version=reader.answer_versions(pid)[0])
        with pytest.raises(NotPermitted), reader.transaction():
            reader.update_metadata(pid, {"title": "Anderer Titel"}, "leser")
    assert str(refused.value) == (
        "Ihre Anmeldung am Team-Register darf das nicht ändern (die Rechte vergibt die Verwaltung des Servers); "
        "es wurde nichts gespeichert."
    )
    with Register.open(url) as owner:
        assert (owner.answer_items(pid), owner.answer_versions(pid), owner.counts()) == before


def test_an_officer_edits_but_deletes_nothing_a_clerk_may(motion) -> None:  # type: ignore[no-untyped-def]
    """The grants of storage/roles.sql: an officer saves answers and imports, but cannot delete a print
    or rewrite the history; a clerk can delete."""
    url, pid = motion
    officer_url = pg.login_as(url, "anna", "ziffer_officer")
    with Register.open(officer_url) as officer:
        with officer.transaction():
            officer.set_answer_text(pid, 1, "Von Anna.", "anna", version=officer.answer_versions(pid)[1])
        assert import_file(officer, FIXTURES / "bw_kleine_anfrage.txt").status == IMPORTED
        assert officer.events("print", pid)[-1]["who"] == "anna"
    with psycopg.connect(officer_url, autocommit=True) as conn:
        for sql in ("DELETE FROM prints", "UPDATE events SET who = 'jemand'", "DELETE FROM events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)  # type: ignore[arg-type]
    clerk_url = pg.login_as(url, "clara", "ziffer_clerk")
    with psycopg.connect(clerk_url, autocommit=True) as conn:
        conn.execute("DELETE FROM files")
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (0,)


def test_an_unreachable_server_and_a_refused_login_in_one_german_sentence(pg_url: str) -> None:
    with pytest.raises(ServerUnavailable, match="ist nicht erreichbar"):
        Register.open("postgresql://ziffer@127.0.0.1:1/ziffer")
    with pytest.raises(ServerUnavailable, match="gibt es keine Datenbank „gibtsnicht“"):
        Register.open(pg.url("gibtsnicht"))
    pg.create_role(pg_url, "mira", password="richtig")
    with pytest.raises(ServerUnavailable, match="hat die Anmeldung abgelehnt") as refused:
        Register.open(pg.url(pg_url.split("/")[-1].split("?")[0], "mira", "falsch"))
    assert "falsch" not in str(refused.value)  # the password is never shown


def test_the_server_goes_away_and_comes_back(motion) -> None:  # type: ignore[no-untyped-def]
    """Stopped between two saves: the save fails with ServerUnavailable and writes nothing; after the
    restart the same register object connects anew and the save goes through."""
    url, pid = motion
    with Register.open(url) as reg:
        version = reg.answer_versions(pid)[0]
        pg.stop_server()
        try:
            with pytest.raises(ServerUnavailable, match="nicht erreichbar"), reg.transaction():
                reg.set_answer_text(pid, 0, "Während der Störung getippt.", "t", version=version)
        finally:
            pg.start_server()
        with reg.transaction():
            reg.set_answer_text(pid, 0, "Während der Störung getippt.", "t", version=version)
    with Register.open(url) as again:
        assert again.answer_items(pid)[0].text == "Während der Störung getippt."


def test_migrations_run_once_and_a_newer_schema_is_refused(pg_url: str) -> None:
    Register.open(pg_url).close()
    Register.open(pg_url).close()  # nothing left to do: no error, no second schema
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM ziffer_migrations").fetchone() == (len(PG_MIGRATIONS),)
        conn.execute("INSERT INTO ziffer_migrations VALUES ('p999_future', now()::text)")
        conn.execute("UPDATE ziffer_info SET value = '9.0' WHERE key = 'schema_by'")
    with pytest.raises(NewerRegister, match=r"Ziffer 9\.0"):
        Register.open(pg_url)


def test_p002_keeps_the_order_in_which_an_item_names_its_points(pg_url: str) -> None:
    """A team register as p001 made it kept that order in the rowid column; p002 writes it into the
    position column (as m013 does in a file) and drops the rowid."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(PG_SCHEMA)
        conn.execute("CREATE TABLE ziffer_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        conn.execute("INSERT INTO ziffer_migrations VALUES ('p001_register', now()::text)")
        pid = conn.execute(
            "INSERT INTO prints (number, created_at, updated_at) VALUES ('17/1', 'x', 'x') RETURNING id"
        ).fetchone()[0]
        first, second = (
            conn.execute(
                "INSERT INTO answer_items (print_id, position, text, updated_at) VALUES (%s, %s, %s, 'x') RETURNING id",
                [pid, position, text],
            ).fetchone()[0]
            for position, text in ((0, "Zu 3 und 1."), (1, "Zu 2."))
        )
        for item, label in ((first, "3"), (second, "2"), (first, "1")):
            conn.execute("INSERT INTO answer_item_points (item_id, label) VALUES (%s, %s)", [item, label])
    with Register.open(pg_url) as reg:
        assert reg.answer_items(pid) == [AnswerItem(["3", "1"], "Zu 3 und 1."), AnswerItem(["2"], "Zu 2.")]
        columns = [r[0] for r in reg.db.execute("SELECT * FROM answer_item_points LIMIT 0").description]
        assert columns == ["item_id", "label", "position"]


def test_full_text_finds_the_same_prints_on_both(tmp_path: Path, pg_url: str) -> None:
    """The same prints, the same queries (umlaut spellings, prefixes, print numbers, several words):
    the same hits on SQLite and on the server (the order may differ: bm25 against ts_rank)."""
    files = sorted(FIXTURES.glob("*.txt"))
    queries = [
        "Förder*",
        "Foerderung",
        "Förderung",
        "Forderung",
        "Strasse",
        "Landesstraßen",
        "Schule Lehrkräfte",
        "Breitband*",
        "17/8530",
        "Drs. 17 / 9075",
        "Ganztag* Rechtsanspruch",
        "Hochwasser",
    ]
    found = {}
    for location in (tmp_path / "r.db", pg_url):
        with Register.open(location) as reg:
            import_files(reg, files, who="t")
            found[str(location)] = [
                sorted((h.kind, h.number or "", h.title) for h in reg.search(parse_query(q), limit=200))
                for q in queries
            ]
    file_hits, server_hits = found.values()
    assert file_hits == server_hits
    assert sum(map(len, file_hits)) > 20  # the queries do find something


def test_tsvectors_take_sqlites_words() -> None:
    """The server's index words are FTS5's (unicode61): letters and digits, lower case, umlauts kept."""
    assert search_tokens("Förder-Programm (Drs. 17/9075) für §§ Straßen_bau") == [
        "förder",
        "programm",
        "drs",
        "17",
        "9075",
        "für",
        "straßen",
        "bau",
    ]
    assert tsvector_text([("Förderung", "A"), ("Förderung und Schule", "D")]) == "'förderung':1A,2 'und':3 'schule':4"


def test_copy_to_the_server_and_back_keeps_every_print(tmp_path: Path, pg_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    """The 18-print demo register copied to the team register and back to a file: `show --json` gives
    the same for every print in all three, the counts agree, and a second copy is refused."""
    demo, back = tmp_path / "demo.db", tmp_path / "zurueck.db"
    with Register.open(demo) as reg:
        fill_demo(reg)
        numbers = [r["number"] for r in reg.list_prints(limit=100)]
        counts = reg.counts()
    assert len(numbers) == 18
    assert main.main(["--db", str(demo), "copy", "--to", pg_url]) == 0
    assert main.main(["--db", pg_url, "copy", "--to", str(back)]) == 0
    capsys.readouterr()
    for number in numbers:
        shown = []
        for db in (str(demo), pg_url, str(back)):
            assert main.main(["--db", db, "show", number, "--json"]) == 0
            shown.append(capsys.readouterr().out)
        assert shown[0] == shown[1] == shown[2], number
    with Register.open(pg_url) as server, Register.open(back) as copy:
        assert server.counts() == copy.counts() == counts
        with pytest.raises(CopyError, match="ist nicht leer"):
            copy_register(copy, server)
        # the server's counters go on after the copied ids
        highest = max(r["id"] for r in server.list_prints(limit=100))
        assert (import_file(server, FIXTURES / "bw_kleine_anfrage.txt").id or 0) > highest


def test_a_failed_statement_is_a_storage_error_and_rolls_back(pg_url: str) -> None:
    with Register.open(pg_url) as reg:
        with pytest.raises(StorageError), reg.transaction():
            reg.log("print", 1, "x", None, None, "t")
            reg.db.execute("SELECT no_such_column FROM prints")
        assert reg.counts()["events"] == 0


def test_a_connection_lost_inside_a_transaction_commits_nothing(motion) -> None:  # type: ignore[no-untyped-def]
    """The connection is cut between two statements of one save: the rest is not written on a new
    connection (that would store half a save); the whole save fails and nothing of it is stored."""
    url, pid = motion
    with Register.open(url) as reg:
        events = reg.counts()["events"]
        backend = reg.db.execute("SELECT pg_backend_pid()").fetchone()[0]
        with pytest.raises(ServerUnavailable), reg.transaction():
            reg.log("print", pid, "answer:1", "alt", "neu", "t")
            with psycopg.connect(pg.server().uri, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [backend])
            reg.log("print", pid, "answer:2", "alt", "neu", "t")
        assert reg.counts()["events"] == events  # a new connection, and nothing of the save in it


def test_the_readme_gives_the_roles_the_tests_use() -> None:
    """The README shows storage/roles.sql as it is: the SQL an administrator copies is the SQL tested."""
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert pg.ROLES_SQL.read_text(encoding="utf-8").rstrip() in readme


def test_the_command_line_on_a_server_nobody_answers(capsys) -> None:  # type: ignore[no-untyped-def]
    """One German sentence, status 2, the password never shown; `restore` points to the server's own backups."""
    address = "postgresql://anna:geheim@127.0.0.1:1/ziffer"
    assert main.main(["--db", address, "list"]) == 2
    err = capsys.readouterr().err
    assert "ist nicht erreichbar" in err and "geheim" not in err and "Traceback" not in err
    assert main.main(["--db", address, "restore"]) == 2
    err = capsys.readouterr().err
    assert "pg_restore" in err and "geheim" not in err
