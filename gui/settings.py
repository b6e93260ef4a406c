"""Every setting of the desktop app, declared once with its key, type and default.

The one module that touches QSettings. Settings live in an INI file in the user's
configuration folder (tests point Qt's user scope at a temporary folder)."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QSettings

from storage.db import is_server
from storage.team import display


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
TEAM_REGISTER = Setting("team/address", str, "")  # the team register's postgresql:// address last used


# The inquiry tabs open in each register, by print number ("#ID" for a print without one) under a
# digest of the register's path (the team register's: its address as shown, without a password): row
# ids mean nothing in another register (the demo opened a print never opened there), and switching
# registers must not forget the tabs of the one left.
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


def without_password(address: str) -> str:
    """The team register's address as it may be shown and kept in the settings: any password taken out,
    everything else (a socket folder in `?host=`, options) kept, so it still opens the register; libpq
    then takes the password from ~/.pgpass or the sign-on."""
    parts = urlsplit(address)
    if parts.password is None:
        return address
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}@{host}"))


def _where(location: str | os.PathLike[str]) -> str:
    """The register's file, resolved; or the team register's address as shown (no password in the settings)."""
    if is_server(location):
        return display(str(location))
    return str(Path(location).resolve())


def _register_key(location: str | os.PathLike[str]) -> str:
    return f"{OPEN_INQUIRIES}/{hashlib.sha256(_where(location).encode('utf-8')).hexdigest()[:20]}"


def open_inquiries(location: str | os.PathLike[str]) -> list[str]:
    """The print numbers of the inquiry tabs last open in this register (`Register.location`)."""
    try:
        value = json.loads(str(_store().value(_register_key(location), "") or "{}"))
        return [str(n) for n in value.get("open", [])]
    except (ValueError, AttributeError, TypeError):
        return []


def remember_open_inquiries(location: str | os.PathLike[str], numbers: list[str]) -> None:
    store = _store()
    store.remove(OLD_OPEN_PRINTS)
    value = {"register": _where(location), "open": numbers}
    store.setValue(_register_key(location), json.dumps(value, ensure_ascii=False))
    store.sync()
