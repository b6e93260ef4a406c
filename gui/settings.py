"""Every setting of the desktop app, declared once with its key, type and default.

The one module that touches QSettings. Settings live in an INI file in the user's
configuration folder (tests point Qt's user scope at a temporary folder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


GEOMETRY = Setting("main/geometry", bytes, None)
WINDOW_STATE = Setting("main/state", bytes, None)
OPEN_PRINTS = Setting("main/open_prints", str, "")  # ids of the inquiry tabs, comma-separated
LANGUAGE = Setting("main/language", str, "de")  # "de" or "en"
INBOX_FOLDER = Setting("inbox/folder", str, "")
INBOX_ENABLED = Setting("inbox/enabled", bool, False)
BACKUPS_KEPT = Setting("backup/keep", int, 7)
EXPORT_FOLDER = Setting("export/folder", str, "")
EXPORT_FORMAT = Setting("export/format", str, "pdf")
REMINDER_DAYS = Setting("deadlines/remind_days", int, 3)
FIRST_START_DONE = Setting("main/first_start_done", bool, False)


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Ziffer", "Ziffer")


def get(setting: Setting) -> Any:
    """The stored value, or the default when unset or unreadable."""
    value = _store().value(setting.key, None)
    if value is None:
        return setting.default
    if setting.type is bool:
        return value in (True, "true", "1", 1)
    if setting.type is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return setting.default
    if setting.type is bytes:
        return value
    return str(value)


def put(setting: Setting, value: Any) -> None:
    store = _store()
    store.setValue(setting.key, value)
    store.sync()
