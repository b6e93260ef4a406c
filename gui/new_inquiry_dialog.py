"""The dialog for an inquiry that arrived as text: pasted, then imported like a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class NewInquiryDialog(QDialog):
    """A motion or question that arrived as text (an e-mail, a web page): pasted, then read like a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neue Anfrage"))
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Text der Anfrage"))
        self.text.setPlaceholderText(
            self.tr("Den vollständigen Text der Drucksache hier einfügen (Kopf mit Nummer, Titel, Ziffern) …")
        )
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name der Anfrage"))
        self.name.setPlaceholderText(self.tr("z. B. Kleine Anfrage Radwege"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Bezeichnung"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(700, 520)

    def write_file(self, folder: Path) -> Path | None:
        """The pasted text as a UTF-8 text file, so it takes the importer's one path."""
        text = self.text.toPlainText().strip()
        if not text:
            return None
        stem = "".join(c if c.isalnum() or c in "-_ " else "_" for c in (self.name.text().strip() or "Anfrage"))[:60]
        path = folder / f"{stem or 'Anfrage'}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        return path
