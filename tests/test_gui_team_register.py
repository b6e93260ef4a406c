"""The window on the team register (a PostgreSQL database of the tests' own server, tests/pg.py): the
title and the settings name the server, backups are left to it, the inbox feeds it; the settings test
a connection and open the team register; the server going away while an officer types loses nothing
and never freezes the window; a reader who may not write is told so and nothing changes
(pytest-qt, offscreen, real windows)."""

from __future__ import annotations

import shutil
import threading
import time
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import pg
import psycopg
from conftest import FIXTURES, ROOT, type_into

from core import answers
from core.services import import_file
from storage.register import Register

MOTION = FIXTURES / "bw_antrag_unanswered.txt"
TODAY = date(2025, 11, 20)


def _register_with_motion(url: str, first_answer: str | None = "Antwort.") -> int:
    """The motion in the register at `url` (schema made by the admin), its first answer set."""
    with Register.open(url) as setup:
        pid = import_file(setup, MOTION, who="t").id
        assert pid is not None
        if first_answer is not None:
            items = answers.draft_items(setup.get_print(pid).doc.points)
            items[0].text = first_answer
            with setup.transaction():
                setup.save_answer_items(pid, items, "t")
    return pid


def _stored_answer(url: str, pid: int) -> str:
    with Register.open(url) as fresh:
        return fresh.answer_items(pid)[0].text


@pytest.fixture
def window_on(qtbot):
    """Opens main windows on a register and closes them (and their registers) after the test."""
    from gui.main_window import MainWindow

    made = []

    def open_window(location: Path | str):  # type: ignore[no-untyped-def]
        window = MainWindow(Register.open(location), today=TODAY, start_services=False)
        made.append(window)
        return window

    yield open_window
    pg.start_server()  # a test that failed with the server stopped
    for window in made:
        window.shutdown(ask=False)
        window.close()
        window.register.close()
        window.deleteLater()


def _type_at_end(qtbot, view, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextCursor

    view.editor.setFocus()
    view.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, view.editor, text)


# -- the window on the server ---------------------------------------------------------------------------


def _password(url: str) -> str:
    return url.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]


def test_the_window_names_the_server_and_leaves_backups_to_it(qtbot, pg_url: str, window_on, monkeypatch) -> None:
    """Title and About name the server's database (never a password); no backup is made at start; the
    settings say backups are the server's job (pg_dump, pg_restore by its administrators)."""
    from PySide6.QtWidgets import QMessageBox

    from storage import backup

    _register_with_motion(pg_url)
    url = pg.login_as(pg_url, "anton", "ziffer_officer")
    window = window_on(url)
    assert window.windowTitle() == f"Ziffer — {window.register.name}"
    assert window.register.name.startswith("anton@") and _password(url) not in window.windowTitle()
    copies = []
    monkeypatch.setattr(backup, "backup_on_start", lambda *a, **k: copies.append(a))
    window.backup_now()
    window.jobs.wait()
    assert copies == []
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.show_about()
    assert "Team-Register: postgresql://anton@" in shown[0] and _password(url) not in shown[0]

    dialog = window.show_settings()
    qtbot.addWidget(dialog)
    assert dialog.backups is None and dialog.keep is None
    note = dialog.server_backup_note.text()
    assert "pg_dump -Fc" in note and "pg_restore" in note and "Verwaltung des Servers" in note
    assert "anton@" in note and _password(url) not in note  # the password left out of the example
    dialog.reject()


def test_open_inquiries_come_back_by_the_servers_address(qtbot, pg_url: str, window_on) -> None:
    """The inquiry tabs open in the team register are remembered under its address (no password) and
    reopen in the next window."""
    from gui import settings

    pid = _register_with_motion(pg_url)
    url = pg.login_as(pg_url, "anton", "ziffer_officer")
    window = window_on(url)
    view = window.open_print(pid)
    assert view is not None and view.doc.number
    assert settings.open_inquiries(url) == [view.doc.number]
    again = window_on(pg.login_as(pg_url, "anton", "ziffer_officer"))  # the same address again, a new password
    assert pid in again.inquiries


def test_the_inbox_feeds_the_team_register(qtbot, pg_url: str, window_on, tmp_path: Path) -> None:
    """A print dropped into the watched folder lands in the team register and in the window's list."""
    url = pg.login_as(pg_url, "anton", "ziffer_officer")
    window = window_on(url)
    folder = tmp_path / "eingang"
    window.start_inbox(folder)
    source = sorted((ROOT / "resources" / "demo" / "prints").glob("*.txt"))[0]
    shutil.copy(source, folder / source.name)
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 1, timeout=30000)
    with Register.open(pg_url) as fresh:
        assert fresh.count_prints() == 1
    window.stop_inbox()


# -- the settings' team register ----------------------------------------------------------------------------


@pytest.fixture
def settings_dialog(qtbot, tmp_path: Path):
    from gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(tmp_path / "r.db")
    qtbot.addWidget(dialog)
    return dialog


def _test_connection(qtbot, dialog, address: str) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    dialog.team_address.setText(address)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15000)
    return dialog.team_result.text()


def test_the_connection_test_counts_the_prints(qtbot, pg_url: str, settings_dialog) -> None:
    """„Verbindung testen“ on a real team register says it is fine and how many prints it holds."""
    _register_with_motion(pg_url)
    url = pg.login_as(pg_url, "anton", "ziffer_officer")
    started = time.monotonic()
    settings_dialog.team_address.setText(url)
    settings_dialog.test_connection()
    assert time.monotonic() - started < 0.5  # in the background: the dialog answers meanwhile
    assert settings_dialog.team_result.text() == "Verbindung wird geprüft …"
    qtbot.waitUntil(lambda: settings_dialog.test_button.isEnabled(), timeout=15000)
    assert settings_dialog.team_result.text() == "Verbindung in Ordnung: 1 Drucksache"


def test_the_connection_test_names_what_is_wrong(qtbot, pg_url: str, settings_dialog) -> None:
    """A database that does not exist, a port nobody listens on, a wrong password and no address at all
    are each one German sentence."""
    assert "keine Datenbank „gibt_es_nicht“" in _test_connection(qtbot, settings_dialog, pg.url("gibt_es_nicht"))
    text = _test_connection(qtbot, settings_dialog, "postgresql://anton@127.0.0.1:9/ziffer")
    assert "postgresql://anton@127.0.0.1:9/ziffer" in text and "nicht erreichbar" in text
    pg.login_as(pg_url, "anton", "ziffer_officer")
    db = pg_url.split("?")[0].rsplit("/", 1)[1]
    text = _test_connection(qtbot, settings_dialog, pg.url(db, "anton", "falsch"))
    assert "hat die Anmeldung abgelehnt" in text and "falsch" not in text
    assert _test_connection(qtbot, settings_dialog, "ziffer.db").startswith("Bitte eine Adresse der Form postgresql://")


def test_the_settings_open_the_team_register_in_the_window(qtbot, pg_url: str, window_on, tmp_path) -> None:
    """From a register file, „Im Fenster öffnen“ switches the window to the team register; the address
    is kept for next time without its password."""
    from PySide6.QtCore import Qt

    from gui import settings

    _register_with_motion(pg_url)
    url = pg.login_as(pg_url, "anton", "ziffer_officer")
    window = window_on(tmp_path / "eigenes.db")
    dialog = window.show_settings()
    dialog.team_address.setText(url)
    qtbot.mouseClick(dialog.open_team_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.register.server, timeout=15000)
    assert window.register.location == url and window.register_view.model.rowCount() == 1
    assert window.register.name in window.windowTitle()
    kept = settings.get(settings.TEAM_REGISTER)
    assert kept.startswith("postgresql://anton@") and _password(url) not in kept


def test_a_team_register_that_cannot_be_reached_is_not_opened(qtbot, window_on, tmp_path, monkeypatch) -> None:
    """Opening an address nobody answers at says so; the register open before stays open."""
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    window = window_on(tmp_path / "eigenes.db")
    window.open_team_register("postgresql://anton@127.0.0.1:9/ziffer")
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert "nicht erreichbar" in told[0]
    assert window.register.path == tmp_path / "eigenes.db"


# -- the server away while an officer types ----------------------------------------------------------------


def test_the_server_going_away_while_typing_loses_nothing(qtbot, pg_url: str, window_on, monkeypatch) -> None:
    """The server stops while the officer types: the save fails, a banner says so in one sentence, the
    text stays in the editor and typing goes on without a pause; once the server is back the text is
    stored within seconds, all of it, and the banner goes."""
    pid = _register_with_motion(pg_url)
    window = window_on(pg.login_as(pg_url, "anton", "ziffer_officer"))
    view = window.open_print(pid)
    view.select_point("1")
    _type_at_end(qtbot, view, " Vor dem Ausfall.")
    assert view.save_now()

    pg.stop_server()
    _type_at_end(qtbot, view, " Waehrend des Ausfalls.")
    qtbot.waitUntil(lambda: view.server_banner.isVisibleTo(view), timeout=3000)
    assert view.server_banner_label.text() == (
        "Der Server des Team-Registers ist nicht erreichbar – Ihr Text bleibt hier und wird gespeichert, "
        "sobald er wieder erreichbar ist."
    )
    assert "postgresql://anton@" in view.server_banner.toolTip()  # which server, without a password
    assert view.has_unsaved_text and view.waiting_for_server
    # while it is away, nothing tries to connect on the GUI thread (a host that does not answer would
    # hold each try for the connect timeout): the check for the server and the change watcher run
    # in the background
    tries = []
    connect = psycopg.connect

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        tries.append(threading.current_thread() is threading.main_thread())
        return connect(*args, **kwargs)

    monkeypatch.setattr(psycopg, "connect", counting)
    started = time.monotonic()
    _type_at_end(qtbot, view, " Und weiter.")
    qtbot.wait(3000)  # a check for the server, and the window's change watcher, run meanwhile
    assert time.monotonic() - started < 4.0  # typing never waited for the server
    assert tries and not any(tries), tries
    monkeypatch.undo()
    view.reload()  # e.g. after an import: must not put the stored text over the own
    view.select_point("2")
    view.select_point("1")
    expected = "Antwort. Vor dem Ausfall. Waehrend des Ausfalls. Und weiter."
    assert view.editor.toPlainText() == expected
    for other in (window.register_view, window.deadlines_view, window.library_view):
        window.statusBar().clearMessage()
        other.refresh()  # says so in the status bar, no traceback
        assert "nicht erreichbar" in window.statusBar().currentMessage(), other

    pg.start_server()
    qtbot.waitUntil(lambda: not view.has_unsaved_text, timeout=10000)
    assert not view.server_banner.isVisibleTo(view) and not view.waiting_for_server
    assert "wieder erreichbar" in window.statusBar().currentMessage()
    assert _stored_answer(pg_url, pid) == expected
    assert view.editor.toPlainText() == expected
    _type_at_end(qtbot, view, " Danach.")  # and the window's own connection works again
    assert view.save_now() and _stored_answer(pg_url, pid) == expected + " Danach."


def test_closing_while_the_server_is_away_asks_first(qtbot, pg_url: str, window_on, monkeypatch) -> None:
    """Closing the window with text the server could not take asks before anything is thrown away."""
    from PySide6.QtWidgets import QMessageBox

    pid = _register_with_motion(pg_url)
    window = window_on(pg.login_as(pg_url, "anton", "ziffer_officer"))
    view = window.open_print(pid)
    view.select_point("1")
    pg.stop_server()
    _type_at_end(qtbot, view, " Offen.")
    qtbot.waitUntil(lambda: view.waiting_for_server, timeout=3000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert not window.shutdown()
    assert asked == ["Nicht alle Antworten konnten gespeichert werden. Ziffer trotzdem beenden?"]
    assert view.editor.toPlainText().endswith(" Offen.")
    pg.start_server()
    qtbot.waitUntil(lambda: not view.has_unsaved_text, timeout=10000)
    assert _stored_answer(pg_url, pid) == "Antwort. Offen."


# -- a reader -------------------------------------------------------------------------------------------


def test_a_reader_is_told_and_the_stored_answer_stays(qtbot, pg_url: str, window_on) -> None:
    """A role that may only read opens the register and types: the save is refused in one German
    sentence, the typed text stays in the editor, and the stored answer is unchanged."""
    pid = _register_with_motion(pg_url)
    window = window_on(pg.login_as(pg_url, "leser", "ziffer_reader"))
    assert window.register_view.model.rowCount() == 1  # reading works
    view = window.open_print(pid)
    view.select_point("1")
    _type_at_end(qtbot, view, " Vom Leser.")
    qtbot.waitUntil(lambda: view.server_banner.isVisibleTo(view), timeout=3000)
    assert "darf das nicht ändern" in view.server_banner_label.text()
    assert view.editor.toPlainText() == "Antwort. Vom Leser." and view.has_unsaved_text
    assert view.save_label.text() == "Nicht gespeichert!"
    assert _stored_answer(pg_url, pid) == "Antwort."
    assert not view.waiting_for_server  # not tried again and again: the rights do not come back by themselves


# -- starting on the team register ---------------------------------------------------------------------


def test_the_app_starts_on_the_team_register_or_says_why_not(qtbot, pg_url: str, monkeypatch) -> None:
    """--db postgresql://… opens the team register; a server nobody answers at is one sentence and no
    window (there is no file to restore from a backup)."""
    from gui import app

    refused = []
    monkeypatch.setattr(app, "_refuse", refused.append)
    register, note = app.open_at_start(pg_url)
    assert register is not None and register.server and note == ""
    register.close()
    assert app.open_at_start("postgresql://anton@127.0.0.1:9/ziffer") == (None, "")
    assert refused[0].startswith("Das Register kann nicht geöffnet werden: Der Server des Team-Registers")
