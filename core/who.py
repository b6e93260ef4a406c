"""Who is working: the login name the event log records, apart from the services so that a window
can ask without importing the parser and the import (core.services re-exports it)."""

from __future__ import annotations

import getpass


def current_user() -> str:
    """Who is working, for the event log."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "ziffer"
