"""Settings: the watched inbox, the backups of the register (with restore), the language."""

from __future__ import annotations

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
from storage import backup
from storage.db import StorageError

PathRole = Qt.ItemDataRole.UserRole + 1


class SettingsDialog(QDialog):
    """Three tabs; OK stores the values (apply()), restoring asks first and is done by the main window."""

    inbox_changed = Signal(str, bool)
    restore_requested = Signal(Path)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
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
                    folder=backup.backup_folder(self.db_path)
                ),
                backups,
            )
        )
        backup_layout.addWidget(self.backups, 1)
        backup_layout.addLayout(buttons)
        tabs.addTab(backups, self.tr("Sicherungen"))

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

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self._ok)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(box)
        self.resize(640, 440)
        self.refresh_backups()

    def _choose_inbox(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Posteingangsordner wählen"), self.inbox_folder.text())
        if folder:
            self.inbox_folder.setText(folder)
            self.inbox_enabled.setChecked(True)

    def refresh_backups(self) -> None:
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
        item = self.backups.currentItem()
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
        settings.put(settings.BACKUPS_KEPT, self.keep.value())
        settings.put(settings.LANGUAGE, self.language.currentData())
        if changed:
            self.inbox_changed.emit(folder, enabled)

    def _ok(self) -> None:
        self.apply()
        self.accept()
