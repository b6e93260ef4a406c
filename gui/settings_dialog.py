"""Settings: the watched inbox, the backups of the register (with restore), the team register on a
server (its address, a connection test, opening it), the language."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import in_german
from gui import settings
from gui.tasks import Jobs, with_register
from storage import backup
from storage.db import StorageError, is_server

PathRole = Qt.ItemDataRole.UserRole + 1


class SettingsDialog(QDialog):
    """Four tabs; OK stores the values (apply()), restoring asks first and is done by the main window,
    and so is opening the team register. `location` is the open register's (`Register.location`)."""

    inbox_changed = Signal(str, bool)
    restore_requested = Signal(Path)
    open_register_requested = Signal(str)  # the team register's address, to open in the window

    def __init__(self, location: str | os.PathLike[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.server = is_server(location)
        self.db_path = None if self.server else Path(location)
        self.jobs = Jobs(self)
        self.finished.connect(lambda _result: self.jobs.shutdown(0))  # a test still running reports to nobody
        self.setWindowTitle(self.tr("Einstellungen"))
        tabs = QTabWidget(self)

        inbox = QWidget(self)
        self.inbox_folder = QLineEdit(settings.get(settings.INBOX_FOLDER), inbox)
        self.inbox_folder.setAccessibleName(self.tr("Posteingangsordner"))
        choose = QPushButton(self.tr("Ordner wählen …"), inbox)
        choose.setAccessibleName(self.tr("Posteingangsordner wählen"))
        choose.clicked.connect(self._choose_inbox)
        self.inbox_enabled = QCheckBox(self.tr("Ordner beobachten"), inbox)
        self.inbox_enabled.setAccessibleName(self.tr("Posteingangsordner beobachten"))
        self.inbox_enabled.setChecked(bool(settings.get(settings.INBOX_ENABLED)))
        row = QHBoxLayout()
        row.addWidget(self.inbox_folder, 1)
        row.addWidget(choose)
        note = QLabel(
            self.tr(
                "Dateien (PDF, Word, Text), die in diesem Ordner ankommen, werden importiert und nach "
                "„archiv“ verschoben; Dateien, die nicht gelesen werden können, kommen mit einer Begründung "
                "nach „fehler“."
            ),
            inbox,
        )
        note.setWordWrap(True)
        inbox_form = QFormLayout(inbox)
        inbox_form.addRow(self.tr("Ordner"), row)
        inbox_form.addRow("", self.inbox_enabled)
        inbox_form.addRow(note)
        tabs.addTab(inbox, self.tr("Posteingang"))

        self.backups: QListWidget | None = None
        self.keep: QSpinBox | None = None
        self.server_backup_note: QLabel | None = None
        if self.db_path is not None:
            tabs.addTab(self._build_backups(self.db_path), self.tr("Sicherungen"))
        else:
            tabs.addTab(self._build_server_backups(str(location)), self.tr("Sicherungen"))
        tabs.addTab(self._build_team(), self.tr("Team-Register"))

        language = QWidget(self)
        self.language = QComboBox(language)
        self.language.setAccessibleName(self.tr("Sprache der Oberfläche"))
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(settings.LANGUAGE))))
        language_form = QFormLayout(language)
        language_form.addRow(self.tr("Sprache"), self.language)
        language_form.addRow("", QLabel(self.tr("Wirksam nach einem Neustart."), language))
        tabs.addTab(language, self.tr("Sprache"))
        self.tabs = tabs

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self._ok)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(box)
        self.resize(640, 440)
        self.refresh_backups()

    def _build_backups(self, db_path: Path) -> QWidget:
        backups = QWidget(self)
        self.backups = QListWidget(backups)
        self.backups.setAccessibleName(self.tr("Sicherungen des Registers"))
        self.keep = QSpinBox(backups)
        self.keep.setRange(1, 100)
        self.keep.setValue(int(settings.get(settings.BACKUPS_KEPT)))
        self.keep.setAccessibleName(self.tr("Anzahl der aufbewahrten Sicherungen"))
        backup_now = QPushButton(self.tr("Jetzt sichern"), backups)
        backup_now.setAccessibleName(self.tr("Register jetzt sichern"))
        backup_now.clicked.connect(self.backup_now)
        restore = QPushButton(self.tr("Wiederherstellen …"), backups)
        restore.setAccessibleName(self.tr("Gewählte Sicherung wiederherstellen"))
        restore.clicked.connect(self.ask_restore)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Aufbewahren:"), backups))
        buttons.addWidget(self.keep)
        buttons.addStretch(1)
        buttons.addWidget(backup_now)
        buttons.addWidget(restore)
        backup_layout = QVBoxLayout(backups)
        backup_layout.addWidget(
            QLabel(
                self.tr("Bei jedem Start wird das Register gesichert (in {folder}).").format(
                    folder=backup.backup_folder(db_path)
                ),
                backups,
            )
        )
        backup_layout.addWidget(self.backups, 1)
        backup_layout.addLayout(buttons)
        return backups

    def _build_server_backups(self, address: str) -> QWidget:
        """The team register has no backups in Ziffer: the server's administrators make and restore them."""
        page = QWidget(self)
        command = f'pg_dump -Fc -f ziffer-$(date +%F).dump "{settings.without_password(address)}"'
        self.server_backup_note = QLabel(
            self.tr(
                "<p>Das Team-Register sichert der Server, nicht Ziffer – zum Beispiel jede Nacht mit</p>"
                "<pre>{command}</pre>"
                "<p>Zurückgespielt wird eine Sicherung von der Verwaltung des Servers (pg_restore).</p>"
            ).format(command=html.escape(command)),
            page,
        )
        self.server_backup_note.setWordWrap(True)
        self.server_backup_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.server_backup_note)
        layout.addStretch(1)
        return page

    def _build_team(self) -> QWidget:
        """The team register's address, a connection test (in the background: an unreachable server
        takes seconds to give up), and opening it in the window."""
        page = QWidget(self)
        current = str(self.location) if self.server else settings.get(settings.TEAM_REGISTER)
        self.team_address = QLineEdit(settings.without_password(current), page)
        self.team_address.setPlaceholderText("postgresql://benutzer@server/datenbank")
        self.team_address.setAccessibleName(self.tr("Adresse des Team-Registers"))
        self.test_button = QPushButton(self.tr("Verbindung testen"), page)
        self.test_button.setAccessibleName(self.tr("Verbindung zum Team-Register testen"))
        self.test_button.clicked.connect(self.test_connection)
        self.open_team_button = QPushButton(self.tr("Im Fenster öffnen"), page)
        self.open_team_button.setAccessibleName(self.tr("Team-Register im Fenster öffnen"))
        self.open_team_button.clicked.connect(self.open_team_register)
        self.team_result = QLabel(page)
        self.team_result.setWordWrap(True)
        self.team_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "Ein Register für alle auf einem PostgreSQL-Server. Das Passwort gehört nicht in die Adresse: "
                "Ziffer meldet sich an wie psql, mit dem Passwort aus ~/.pgpass (unter Windows "
                "%APPDATA%\\postgresql\\pgpass.conf) oder mit der Anmeldung am Rechner (Single Sign-on)."
            ),
            page,
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.open_team_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Adresse"), self.team_address)
        layout = QVBoxLayout(page)  # not all in the form: a wrapped label there keeps its first height
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.team_result)
        layout.addStretch(1)
        return page

    def _choose_inbox(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Posteingangsordner wählen"), self.inbox_folder.text())
        if folder:
            self.inbox_folder.setText(folder)
            self.inbox_enabled.setChecked(True)

    def refresh_backups(self) -> None:
        if self.backups is None or self.db_path is None:
            return
        self.backups.clear()
        for info in backup.list_backups(self.db_path):
            kind = self.tr(" (Stand vor einer Wiederherstellung)") if backup.SAFETY in info.path.name else ""
            text = self.tr("{when} · {size} MB{kind}").format(
                when=info.created.strftime("%d.%m.%Y %H:%M:%S"), size=f"{info.size / 1e6:.1f}", kind=kind
            )
            item = QListWidgetItem(text)
            item.setData(PathRole, str(info.path))
            self.backups.addItem(item)
        if self.backups.count() == 0:
            empty = QListWidgetItem(self.tr("Noch keine Sicherung."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backups.addItem(empty)

    def backup_now(self) -> Path | None:
        if self.db_path is None or self.keep is None:
            return None
        try:
            copy = backup.backup(self.db_path, keep=self.keep.value())
        except StorageError as exc:
            QMessageBox.warning(
                self,
                self.tr("Sicherung"),
                self.tr("Die Sicherung ist fehlgeschlagen: {reason}").format(reason=in_german(str(exc))),
            )
            return None
        self.refresh_backups()
        return copy

    def ask_restore(self) -> bool:
        item = self.backups.currentItem() if self.backups is not None else None
        path = item.data(PathRole) if item else None
        if not path:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Wiederherstellen"),
            self.tr(
                "Das Register auf den Stand dieser Sicherung zurücksetzen? Der jetzige Stand wird vorher als "
                "eigene Sicherung aufbewahrt."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.restore_requested.emit(Path(path))
        self.accept()
        return True

    def apply(self) -> None:
        """Store the values; the inbox follows at once, the language at the next start."""
        folder, enabled = (
            self.inbox_folder.text().strip(),
            self.inbox_enabled.isChecked() and bool(self.inbox_folder.text().strip()),
        )
        changed = folder != settings.get(settings.INBOX_FOLDER) or enabled != settings.get(settings.INBOX_ENABLED)
        settings.put(settings.INBOX_FOLDER, folder)
        settings.put(settings.INBOX_ENABLED, enabled)
        if self.keep is not None:
            settings.put(settings.BACKUPS_KEPT, self.keep.value())
        address = self.team_address.text().strip()
        if is_server(address) or not address:
            settings.put(settings.TEAM_REGISTER, settings.without_password(address))
        settings.put(settings.LANGUAGE, self.language.currentData())
        if changed:
            self.inbox_changed.emit(folder, enabled)

    # -- the team register ------------------------------------------------------------------------

    def _address(self) -> str | None:
        address = self.team_address.text().strip()
        if is_server(address):
            return address
        self.team_result.setText(self.tr("Bitte eine Adresse der Form postgresql://benutzer@server/datenbank angeben."))
        return None

    def test_connection(self) -> None:
        """Open the team register at the address in the background and say how it went, in one sentence."""
        address = self._address()
        if address is None:
            return
        self.test_button.setEnabled(False)
        self.team_result.setText(self.tr("Verbindung wird geprüft …"))

        def done(count: int) -> None:
            self.test_button.setEnabled(True)
            self.team_result.setText(
                self.tr("Verbindung in Ordnung: 1 Drucksache")
                if count == 1
                else self.tr("Verbindung in Ordnung: {n} Drucksachen").format(n=count)
            )

        def failed(exc: Exception) -> None:
            self.test_button.setEnabled(True)
            if isinstance(exc, StorageError):
                self.team_result.setText(in_german(str(exc)))
            else:  # a malformed address psycopg refuses before connecting
                self.team_result.setText(self.tr("Die Verbindung ist fehlgeschlagen: {reason}").format(reason=exc))

        self.jobs.run(with_register(address, lambda register, _progress: register.count_prints()), done, failed)

    def open_team_register(self) -> bool:
        """Keep the settings and have the window open the team register at the address."""
        address = self._address()
        if address is None:
            return False
        self.apply()
        self.open_register_requested.emit(address)
        self.accept()
        return True

    def _ok(self) -> None:
        self.apply()
        self.accept()
