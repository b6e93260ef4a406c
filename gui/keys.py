"""Keys shared by the main window and the inquiry view."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence

# Word's key for "Wiederholen", which the officers' hands know; an X11 desktop binds redo to
# Ctrl+Shift+Z only, so there Ctrl+Y did nothing although the README promises it
_CTRL_Y = QKeySequence("Ctrl+Y")


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, with Ctrl+Y on every platform."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    return keys if _CTRL_Y in keys else [_CTRL_Y, *keys]


def is_redo(event: QKeyEvent) -> bool:
    """Whether a key press is one of redo_keys()."""
    return event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination()) == _CTRL_Y
