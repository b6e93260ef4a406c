"""The question at start when the register is damaged: put the newest intact backup in its place, or quit.

A damaged register is opened nowhere for writing, so without this the officer could not reach the
restore in the settings; the damaged file is kept beside the register, renamed, never deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from storage.backup import BackupInfo, backup_folder


class RestoreDialog(QDialog):
    """Says that the register is damaged and offers the newest intact copy (if there is one)."""

    def __init__(self, db_path: Path, newest: BackupInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register beschädigt"))
        if newest is not None:
            text = self.tr(
                "Das Register {path} ist beschädigt und wird nicht geöffnet. Ziffer kann die neueste "
                "unbeschädigte Sicherung vom {date} zurückspielen; die beschädigte Datei bleibt daneben "
                "erhalten, mit „beschädigt“ und der Uhrzeit im Namen."
            ).format(path=db_path, date=newest.created.strftime("%d.%m.%Y %H:%M"))
        else:
            text = self.tr(
                "Das Register {path} ist beschädigt und wird nicht geöffnet, und in {folder} liegt keine "
                "unbeschädigte Sicherung; bitte wenden Sie sich an die IT."
            ).format(path=db_path, folder=backup_folder(db_path))
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Meldung"))
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if newest is not None:
            self.restore_button = buttons.addButton(
                self.tr("Sicherung zurückspielen"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setAccessibleName(self.tr("Neueste unbeschädigte Sicherung zurückspielen"))
            self.restore_button.setDefault(True)
        self.quit_button = buttons.addButton(self.tr("Beenden"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setAccessibleName(self.tr("Ziffer beenden"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 180)
