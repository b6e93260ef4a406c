"""The conflict dialog: a save was refused because someone else changed the same text meanwhile.

Both texts side by side — the stored one with who changed it and when, and the officer's own — and
three ways out: take the stored text, save the own one over it, or merge the two in an editor (started
with both changes where they touch different words). Nothing is written until the officer chooses,
and the own text stays in the dialog until then."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.merge import merge3

STORED, OWN, MERGED = "stored", "own", "merged"


def when_text(at: str | None) -> str:
    """An event's ISO time (UTC) as the officer's local "20.11.2025, 14:03"."""
    if not at:
        return "—"
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d.%m.%Y, %H:%M")


class ConflictDialog(QDialog):
    """Stored and own text side by side; `choice` (STORED, OWN or MERGED) and `text` once accepted."""

    def __init__(
        self,
        what: str,
        stored: str,
        own: str,
        who: str | None,
        at: str | None,
        base: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gleichzeitige Änderung"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.stored, self.own = stored, own
        self.choice: str | None = None
        self.text: str | None = None
        by = who or self.tr("jemand anderem")
        intro = QLabel(
            self.tr(
                "{what} wurde inzwischen von {who} geändert ({when}). Ihre Fassung ist noch nicht gespeichert: "
                "Welche Fassung soll gelten?"
            ).format(what=what, who=by, when=when_text(at)),
            self,
        )
        intro.setWordWrap(True)

        self.stored_view = QPlainTextEdit(stored, self)
        self.stored_view.setReadOnly(True)
        self.stored_view.setAccessibleName(self.tr("Gespeicherte Fassung"))
        self.own_view = QPlainTextEdit(own, self)
        self.own_view.setReadOnly(True)
        self.own_view.setAccessibleName(self.tr("Eigene Fassung"))
        sides = QGridLayout()
        stored_label = QLabel(
            self.tr("Gespeicherte Fassung — von {who}, {when}").format(who=by, when=when_text(at)), self
        )
        stored_label.setBuddy(self.stored_view)
        own_label = QLabel(self.tr("Ihre Fassung"), self)
        own_label.setBuddy(self.own_view)
        sides.addWidget(stored_label, 0, 0)
        sides.addWidget(own_label, 0, 1)
        sides.addWidget(self.stored_view, 1, 0)
        sides.addWidget(self.own_view, 1, 1)

        merged = merge3(base, stored, own) if base is not None else None
        self.merge_editor = QPlainTextEdit(merged if merged is not None else f"{stored}\n\n{own}", self)
        self.merge_editor.setAccessibleName(self.tr("Zusammengeführte Fassung"))
        self.merge_label = QLabel(
            self.tr("Zusammengeführte Fassung (beide Änderungen übernommen; bitte prüfen):")
            if merged is not None
            else self.tr("Zusammengeführte Fassung (beide Fassungen untereinander; bitte bearbeiten):"),
            self,
        )
        self.merge_label.setBuddy(self.merge_editor)
        self.merge_label.hide()
        self.merge_editor.hide()

        self.stored_button = QPushButton(self.tr("Gespeicherte Fassung übernehmen"), self)
        self.own_button = QPushButton(self.tr("Eigene Fassung speichern"), self)
        self.merge_button = QPushButton(self.tr("Zusammenführen und bearbeiten"), self)
        self.save_merged_button = QPushButton(self.tr("Zusammengeführte Fassung speichern"), self)
        self.save_merged_button.hide()
        self.stored_button.clicked.connect(self.take_stored)
        self.own_button.clicked.connect(self.keep_own)
        self.merge_button.clicked.connect(self.start_merge)
        self.save_merged_button.clicked.connect(self.save_merged)
        buttons = QHBoxLayout()
        for button in (self.stored_button, self.own_button, self.merge_button, self.save_merged_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides, 2)
        layout.addWidget(self.merge_label)
        layout.addWidget(self.merge_editor, 2)
        layout.addLayout(buttons)
        self.resize(900, 520)

    def take_stored(self) -> None:
        self.choice, self.text = STORED, self.stored
        self.accept()

    def keep_own(self) -> None:
        self.choice, self.text = OWN, self.own
        self.accept()

    def start_merge(self) -> None:
        """Show the merge editor (the two texts stay visible above it)."""
        self.merge_label.show()
        self.merge_editor.show()
        self.save_merged_button.show()
        self.merge_button.hide()
        self.merge_editor.setFocus()

    def save_merged(self) -> None:
        self.choice, self.text = MERGED, self.merge_editor.toPlainText()
        self.accept()
