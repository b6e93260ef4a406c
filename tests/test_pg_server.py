"""The PostgreSQL helpers of tests/pg.py on the real server they start: fresh databases are empty and
apart, roles get only what is granted and log in by password, and a stopped server comes back with
its data under the same URLs."""

from __future__ import annotations

from pathlib import Path

import pg
import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

pytestmark = pytest.mark.postgresql


def test_a_fresh_database_is_empty_and_writable(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        assert tables.fetchone() == (0,)
        conn.execute("CREATE TABLE note (text text)")
        conn.execute("INSERT INTO note VALUES ('Ä „quoted“')")
        assert conn.execute("SELECT text FROM note").fetchall() == [("Ä „quoted“",)]


def test_two_fresh_databases_are_separate(pg_url: str) -> None:
    other = pg.fresh_database("other")
    try:
        with psycopg.connect(pg_url) as first, psycopg.connect(other) as second:
            first.execute("CREATE TABLE only_here (n int)")
            first.commit()
            assert first.execute("SELECT current_database()").fetchone() != (
                second.execute("SELECT current_database()").fetchone()
            )
            with pytest.raises(psycopg.errors.UndefinedTable):
                second.execute("SELECT * FROM only_here")
    finally:
        pg.drop_database(other)


def test_a_read_only_role_can_read_but_not_insert(pg_url: str) -> None:
    reader_url = pg.create_role(pg_url, "reader")
    with psycopg.connect(pg_url) as admin:
        admin.execute("CREATE TABLE motion (number text)")
        admin.execute("INSERT INTO motion VALUES ('17/8530')")
        admin.execute("GRANT SELECT ON motion TO reader")
    with psycopg.connect(reader_url) as reader:
        assert reader.execute("SELECT current_user, number FROM motion").fetchall() == [("reader", "17/8530")]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            reader.execute("INSERT INTO motion VALUES ('17/1')")


def test_roles_log_in_by_password_and_a_wrong_one_is_refused(pg_url: str) -> None:
    good = pg.create_role(pg_url, "clerk", password="geh/eim:ä")
    with psycopg.connect(good) as conn:
        assert conn.execute("SELECT system_user").fetchone() == ("scram-sha-256:clerk",)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg.url(conninfo_to_dict(pg_url)["dbname"], "clerk", "wrong"))
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(pg.create_role(pg_url, "clerk", login=False))


def test_the_server_stops_and_starts_again_with_its_data(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE answer (text text)")
        conn.execute("INSERT INTO answer VALUES ('before the outage')")
    open_conn = psycopg.connect(pg_url)
    try:
        pg.stop_server()
        with pytest.raises(psycopg.OperationalError):
            open_conn.execute("SELECT 1")
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(pg_url)
    finally:
        open_conn.close()
        pg.start_server()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT text FROM answer").fetchall() == [("before the outage",)]


def test_the_server_lives_in_its_own_folder_with_a_short_socket_path() -> None:
    found = pg.server()
    assert (found.data / "PG_VERSION").read_text().strip() == "16"
    socket = Path(found.handle.get_postmaster_info().socket_path)
    assert socket.is_socket() and len(str(socket)) < 100


def test_register_location_is_a_file_or_a_url(register_location: Path | str) -> None:
    if isinstance(register_location, Path):
        assert register_location.name == "register.db" and not register_location.exists()
    else:
        with psycopg.connect(register_location) as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("postgres",)
