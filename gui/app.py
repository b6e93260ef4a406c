"""Starting the desktop app: one QApplication, the register, the main window."""

from __future__ import annotations

import sys

from storage.db import StorageError
from storage.register import Register


def run(db_path: str | None = None) -> int:
    """Open the register (--db, ZIFFER_DB or the data folder) in Ziffer's window; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Ziffer")
    app.setOrganizationName("Ziffer")
    try:
        register = Register.open(db_path)
    except StorageError as exc:
        QMessageBox.critical(None, "Ziffer", f"Das Register kann nicht geöffnet werden: {exc}")
        return 2
    window = MainWindow(register)
    window.show()
    try:
        return int(app.exec())
    finally:
        register.close()
