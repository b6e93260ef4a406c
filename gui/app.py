"""Starting the desktop app: one QApplication, the translation, the register, the main window."""

from __future__ import annotations

import contextlib
import sys
from typing import Any

from core.errors import in_german
from storage import backup
from storage.db import DamagedRegister, NewerRegister, StorageError, error_log_path, log_error, resolve_db_path
from storage.register import Register

_translators: list = []  # installed translators live as long as the app


def run(db_path: str | None = None) -> int:
    """Open the register (--db, ZIFFER_DB or the data folder) in Ziffer's window; returns the exit code."""
    from PySide6.QtWidgets import QApplication

    from gui import settings
    from gui.resources import app_icon, load_translator, qt_translator

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Ziffer")
    app.setOrganizationName("Ziffer")
    app.setWindowIcon(app_icon())
    language = settings.get(settings.LANGUAGE)
    _translators[:] = [t for t in (qt_translator(language), load_translator(language)) if t is not None]
    for translator in _translators:
        app.installTranslator(translator)
    register, note = open_at_start(db_path)
    if register is None:
        return 2

    from gui.main_window import MainWindow

    window = MainWindow(register)
    sys.excepthook = _report_unexpected(window, error_log_path(register.location))
    window.show()
    if note:
        window.show_message(note)
    try:
        return int(app.exec())
    finally:
        _shut_down(window)


def _shut_down(window) -> None:  # type: ignore[no-untyped-def]
    """After the event loop: every job finished (closing the window waited for them; an app.quit() from
    elsewhere did not), then the register closed, then the window deleted — while the QApplication
    still exists, so no Qt object outlives it into the interpreter's own teardown."""
    import gc
    import os

    import shiboken6

    window.shutdown(ask=False)
    sys.excepthook = sys.__excepthook__  # it holds the window
    window.register.close()  # every transaction of this connection is committed or rolled back here
    if not window.settled:
        # a background job is still writing after a minute; waiting for it at exit would hang the app
        # without a window. Its open transaction is rolled back by SQLite on the next open, the window's
        # own connection is closed above, so ending the process now loses nothing committed.
        sys.stderr.write("Ziffer: a background job did not finish; ending without waiting for it.\n")
        sys.stderr.flush()
        os._exit(0)
    shiboken6.delete(window)
    del window
    gc.collect()


def open_at_start(db_path: str | None = None) -> tuple[Register | None, str]:
    """The register for the window and a note for the status bar; None when it cannot be opened (the
    officer has been told why). A damaged register is not opened: the newest intact backup is offered
    in its place, since otherwise the window, and with it the restore in the settings, is out of reach.
    The team register on a server has no file to damage nor backups of its own: a server that cannot
    be reached or refuses the login is said in one sentence, like any register that cannot be opened."""
    from PySide6.QtCore import QCoreApplication

    location = resolve_db_path(db_path)
    try:
        return _open_showing_upgrade(location), ""
    except DamagedRegister as exc:  # logged by the open; only a file is found damaged
        path = exc.path
    except NewerRegister as exc:
        _refuse(str(exc))
        return None, ""
    except StorageError as exc:
        _refuse(
            QCoreApplication.translate("app", "Das Register kann nicht geöffnet werden: {reason}").format(
                reason=in_german(str(exc))
            )
        )
        return None, ""
    from PySide6.QtWidgets import QDialog

    from gui.restore_dialog import RestoreDialog

    newest = backup.newest_intact(path)
    dialog = RestoreDialog(path, newest)
    if dialog.exec() != QDialog.DialogCode.Accepted or newest is None:
        return None, ""
    try:
        aside = backup.replace_damaged(newest.path, path)
        register = Register.open(path)
    except StorageError as exc:
        log_error(path, str(exc))
        _refuse(
            QCoreApplication.translate("app", "Das Register kann nicht geöffnet werden: {reason}").format(
                reason=in_german(str(exc))
            )
        )
        return None, ""
    log_error(path, f"Sicherung {newest.path.name} zurückgespielt; die beschädigte Datei liegt unter {aside}.")
    note = QCoreApplication.translate(
        "app", "Sicherung vom {date} zurückgespielt; die beschädigte Datei liegt unter {aside}."
    ).format(date=newest.created.strftime("%d.%m.%Y %H:%M"), aside=aside)
    return register, note


def _open_showing_upgrade(location: str) -> Register:
    """Register.open, and while a register file is converted to this version's schema (once; about
    20 s for 50,000 prints) a window that says so: the conversion runs on a worker thread and the
    event loop keeps the screen alive. Whatever the open raises is raised here."""
    from storage.db import upgrade_pending

    if not upgrade_pending(location):
        return Register.open(location)
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    from gui.tasks import run_in_background

    dialog = QProgressDialog(
        QCoreApplication.translate(
            "app",
            "Das Register wird auf diese Version von Ziffer umgestellt. Das geschieht einmal und kann bei "
            "einem großen Register eine Minute dauern; vorher wird eine Kopie angelegt.",
        ),
        "",
        0,
        0,
    )
    dialog.setWindowTitle("Ziffer")
    dialog.setCancelButton(None)  # stopping halfway is not offered: the conversion is one transaction
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    outcome: list[Any] = []  # the register, or what the open raised
    loop = QEventLoop()

    def finish(value: Any) -> None:
        outcome.append(value)
        loop.quit()

    run_in_background(lambda progress: Register.open(location), finish, finish)
    if not outcome:  # the result arrives as a queued signal, handled by this loop
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _refuse(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "Ziffer", text, QMessageBox.StandardButton.Ok)
    box.exec()


def _report_unexpected(window, log_path):  # type: ignore[no-untyped-def]
    """An error nobody foresaw: the details go to a log file, the officer gets one sentence —
    and the answer texts are saved first, so nothing typed is lost."""
    import traceback
    from datetime import datetime

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def hook(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
        try:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                log.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            pass
        with contextlib.suppress(Exception):  # the report must get through even if saving fails too
            window.save_all()
        QMessageBox.critical(
            window,
            "Ziffer",
            QCoreApplication.translate(
                "app",
                "Ein unerwarteter Fehler ist aufgetreten ({error}). Ihre Texte sind gespeichert; "
                "Einzelheiten stehen in {log}.",
            ).format(error=value, log=log_path),
        )

    return hook
