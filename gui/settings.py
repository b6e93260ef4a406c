"""Every setting of the desktop app, declared once with its key, type and default.

The one module that touches QSettings. Settings live in an INI file in the user's
configuration folder (tests point Qt's user scope at a temporary folder)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


GEOMETRY = Setting("main/geometry", bytes, None)
WINDOW_STATE = Setting("main/state", bytes, None)
LANGUAGE = Setting("main/language", str, "de")  # "de" or "en"
INBOX_FOLDER = Setting("inbox/folder", str, "")
INBOX_ENABLED = Setting("inbox/enabled", bool, False)
BACKUPS_KEPT = Setting("backup/keep", int, 7)
EXPORT_FOLDER = Setting("export/folder", str, "")
EXPORT_FORMAT = Setting("export/format", str, "pdf")
REMINDER_DAYS = Setting("deadlines/remind_days", int, 3)
FIRST_START_DONE = Setting("main/first_start_done", bool, False)


# The inquiry tabs open in each register, by print number ("#ID" for a print without one) under a
# digest of the register's path: row ids mean nothing in another register (the demo opened a print
# never opened there), and switching registers must not forget the tabs of the one left.
OPEN_INQUIRIES = "open_inquiries"
OLD_OPEN_PRINTS = "main/open_prints"  # ids of any register, before: dropped unread


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


def _register_key(register_path: Path) -> str:
    where = str(Path(register_path).resolve())
    return f"{OPEN_INQUIRIES}/{hashlib.sha256(where.encode('utf-8')).hexdigest()[:20]}"


def open_inquiries(register_path: Path) -> list[str]:
    """The print numbers of the inquiry tabs last open in this register."""
    try:
        value = json.loads(str(_store().value(_register_key(register_path), "") or "{}"))
        return [str(n) for n in value.get("open", [])]
    except (ValueError, AttributeError, TypeError):
        return []


def remember_open_inquiries(register_path: Path, numbers: list[str]) -> None:
    store = _store()
    store.remove(OLD_OPEN_PRINTS)
    value = {"register": str(Path(register_path).resolve()), "open": numbers}
    store.setValue(_register_key(register_path), json.dumps(value, ensure_ascii=False))
    store.sync()
