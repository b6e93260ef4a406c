"""The demo register: invented prints and material in the real layouts, with live deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from core.services import ImportSummary, import_files
from core.tracking import set_received

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"


def fill_demo(register: Any, today: date | None = None) -> tuple[ImportSummary, ImportSummary]:
    """Import the demo prints and material; the open inquiries arrive a few days before `today`,
    whenever the demo is opened, so their deadlines are live: one overdue, some due this week or next."""
    today = today or date.today()
    prints = import_files(register, [DEMO / "prints"], who="demo")
    material = import_files(register, [DEMO / "material"], force_material=True, who="demo")
    open_rows = [r for r in register.list_prints(limit=1000) if r["status"] == "eingegangen"]
    with register.transaction():
        for days_ago, row in zip((24, 17, 10, 3), open_rows, strict=False):
            set_received(register, row["id"], today - timedelta(days=days_ago), "demo")
    return prints, material
