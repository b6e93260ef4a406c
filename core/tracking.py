"""Keeping inquiries on time: due dates, status changes, extensions, contributions, overviews,
on-time statistics and the exports clerks need (iCalendar, CSV, XLSX).

Services over a register (storage.register.Register); the same functions serve the command
line, the desktop app and the tests.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.deadlines import Rules, compute, days_left, internal_deadlines, load_rules
from core.wording import STEP_NAMES as STEP_NAMES  # re-exported: main.py and the window name steps by it
from core.wording import kind_name, step_name
from core.workflow import OPEN, WorkflowError, check_transition


def user_rules_path() -> Path:
    """Where a ministry's own deadline rules override the built-in ones."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Ziffer", appauthor=False)) / "deadline_rules.json"


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return load_rules(override=user_rules_path())


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def refresh_due_date(register: Any, print_id: int, who: str, rules: Rules | None = None) -> date | None:
    """(Re)compute the due date from the rule and the received date (the print's date when no receipt
    is known); a granted extension keeps its date."""
    rules = rules or default_rules()
    wf = register.workflow(print_id)
    start = _d(wf["received"]) or _d(wf["submitted"])
    result = compute(wf["parliament"], wf["kind"], start, rules)
    if result is None:
        return _d(wf["due_date"])
    due = result["due"].isoformat()
    values: dict[str, Any] = {"original_due": due}
    if not wf["extension_granted"]:
        values["due_date"] = due
    if wf["received"] is None and wf["received_source"] is None and start is not None:
        values["received_source"] = "Datum der Drucksache"
    register.update_print_fields(print_id, values, who)
    return _d(values.get("due_date", wf["due_date"]))


def fill_due_dates(register: Any, who: str, rules: Rules | None = None) -> int:
    """Due dates for every print that has none yet (after an upgrade, or a rules change)."""
    n = 0
    for print_id, *_ in register.prints_needing_due_date():
        if refresh_due_date(register, print_id, who, rules):
            n += 1
    return n


def set_received(
    register: Any,
    print_id: int,
    on: date,
    who: str,
    rules: Rules | None = None,
    *,
    versions: dict[str, int] | None = None,
) -> date | None:
    """The date the inquiry reached the ministry, entered by hand; the due date follows. `versions`:
    the version of the received date the entry rests on (a newer one stored refuses it)."""
    register.update_print_fields(
        print_id, {"received": on.isoformat(), "received_source": "von Hand"}, who, versions=versions
    )
    return refresh_due_date(register, print_id, who, rules)


def change_status(register: Any, print_id: int, new: str, who: str, today: date | None = None) -> str:
    """Move an inquiry to `new`; refuses illegal jumps with WorkflowError. Sending records the date."""
    wf = register.workflow(print_id)
    check_transition(wf["status"], new)
    values: dict[str, Any] = {"status": new}
    if new == "versandt" and not wf["sent_on"]:
        values["sent_on"] = (today or date.today()).isoformat()
    register.update_print_fields(print_id, values, who)
    return new


def assign(
    register: Any,
    print_id: int,
    who: str,
    *,
    officer: str | None = None,
    unit: str | None = None,
    versions: dict[str, int] | None = None,
) -> None:
    """Set the lead officer and unit; a fresh inquiry becomes "zugewiesen". `versions` as for set_received."""
    values = {k: v for k, v in (("lead_officer", officer), ("lead_unit", unit)) if v}
    register.update_print_fields(print_id, values, who, versions=versions)
    if register.workflow(print_id)["status"] == "eingegangen":
        register.update_print_fields(print_id, {"status": "zugewiesen"}, who)


def request_extension(register: Any, print_id: int, until: date, reason: str, who: str) -> None:
    """Ask the parliament for more time (Fristverlängerung): requested date and reason go to the history."""
    if not reason.strip():
        raise WorkflowError("Eine Fristverlängerung braucht eine Begründung.")
    wf = register.workflow(print_id)
    if wf["due_date"] and until <= date.fromisoformat(wf["due_date"]):
        raise WorkflowError(f"Die neue Frist muss nach der bisherigen ({wf['due_date']}) liegen.")
    register.update_print_fields(
        print_id, {"extension_requested": until.isoformat(), "extension_reason": reason.strip()}, who
    )


def grant_extension(register: Any, print_id: int, until: date, who: str) -> None:
    """The extension was granted: the new date becomes the due date; the rule's date stays as original."""
    wf = register.workflow(print_id)
    values: dict[str, Any] = {"extension_granted": until.isoformat(), "due_date": until.isoformat()}
    if not wf["original_due"]:
        values["original_due"] = wf["due_date"]
    register.update_print_fields(print_id, values, who)


def plan(register: Any, print_id: int, rules: Rules | None = None) -> dict[str, date]:
    """Internal deadlines: the defaults planned backwards from the due date, overridden by hand-set ones."""
    rules = rules or default_rules()
    wf = register.workflow(print_id)
    due = _d(wf["due_date"])
    out = internal_deadlines(due, rules, rules.region(wf["parliament"])) if due else {}
    out.update({step: date.fromisoformat(d) for step, d in wf["internal"].items()})
    return out


class ContributionAfterDeadline(WorkflowError):
    """A contribution asked for by a date after the answer's own deadline: allowed once confirmed
    (an officer may have agreed it, or an extension is on its way), never silently."""


def _german_date(d: date) -> str:
    return f"{d:%d.%m.%Y}"


def contribution_warning(register: Any, print_id: int, label: str, due: date | None) -> str | None:
    """What to say (German) when a contribution for point `label` would be due after the answer is."""
    deadline = _d(register.workflow(print_id)["due_date"])
    if due is None or deadline is None or due <= deadline:
        return None
    return (
        f"Die Zulieferung zu Ziffer {label} wäre am {_german_date(due)} fällig, "
        f"nach der Frist der Antwort ({_german_date(deadline)})."
    )


def request_contribution(
    register: Any, print_id: int, label: str, unit: str, due: date | None, who: str, *, confirmed: bool = False
) -> str | None:
    """Ask `unit` to contribute to point `label` by `due`. A date after the answer's deadline raises
    ContributionAfterDeadline unless `confirmed`; returns the warning that was confirmed, if any."""
    if label not in {p.label for p in register.get_print(print_id).doc.points}:
        raise WorkflowError(f"Die Drucksache hat keine Ziffer {label}.")
    if not unit.strip():
        raise WorkflowError("Eine Zulieferung braucht ein Referat.")
    warning = contribution_warning(register, print_id, label, due)
    if warning and not confirmed:
        raise ContributionAfterDeadline(warning)
    register.set_contribution(print_id, label, unit.strip(), due.isoformat() if due else None, who)
    return warning


def open_contributions(register: Any, print_id: int) -> list[dict[str, Any]]:
    """Contributions still awaited that have a date, soonest first: what `plan` and the calendar show."""
    waiting = [c for c in register.contributions(print_id) if c["due"] and not c["received_on"]]
    return sorted(({**c, "due": date.fromisoformat(c["due"])} for c in waiting), key=lambda c: c["due"])


# --- overviews --------------------------------------------------------------------------------

BUCKETS = ("überfällig", "diese Woche", "nächste Woche", "später")


@dataclass
class DeadlineRow:
    number: str | None
    title: str
    kind: str
    status: str
    due: date
    days_left: int
    bucket: str
    officer: str | None
    unit: str | None
    ministry: str | None
    extension: str | None
    id: int


def bucket_of(due: date, today: date) -> str:
    if due < today:
        return BUCKETS[0]
    week_end = today + timedelta(days=6 - today.weekday())
    if due <= week_end:
        return BUCKETS[1]
    if due <= week_end + timedelta(days=7):
        return BUCKETS[2]
    return BUCKETS[3]


def overview(register: Any, today: date, *, within: int | None = None, overdue: bool = False) -> list[DeadlineRow]:
    """Open inquiries with their due dates, soonest first; optionally only overdue or due within N days."""
    rows = []
    for r in register.deadline_rows(OPEN):
        due = date.fromisoformat(r["due_date"])
        left = days_left(due, today)
        if overdue and left >= 0:
            continue
        if within is not None and left > within:
            continue
        extension = f"beantragt bis {r['extension_requested']}" if r["extension_requested"] else None
        if r["extension_granted"]:
            extension = f"verlängert bis {r['extension_granted']} (ursprünglich {r['original_due']})"
        rows.append(
            DeadlineRow(
                r["number"],
                r["title"] or "",
                r["kind"],
                r["status"],
                due,
                left,
                bucket_of(due, today),
                r["lead_officer"],
                r["lead_unit"],
                r["ministry"],
                extension,
                r["id"],
            )
        )
    return rows


def group(rows: list[DeadlineRow], by: str = "bucket") -> dict[str, list[DeadlineRow]]:
    """Rows grouped by bucket, unit or officer (in bucket order for buckets)."""
    out: dict[str, list[DeadlineRow]] = defaultdict(list)
    for r in rows:
        key = {"bucket": r.bucket, "unit": r.unit, "officer": r.officer}.get(by) or "(ohne Zuordnung)"
        out[key].append(r)
    if by == "bucket":
        return {b: out[b] for b in BUCKETS if b in out}
    return dict(sorted(out.items()))


def on_time_stats(register: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Answered on time or late (and by how many days), per ministry and per unit — what parliaments
    ask ministries for. An answer counts by the day it was sent (or the date of its letter)."""
    stats: dict[str, dict[str, dict[str, Any]]] = {"ministry": {}, "unit": {}}
    for r in register.deadline_rows():
        sent = _d(r["sent_on"]) or _d(r["answer_date"])
        if sent is None:
            continue
        late = (sent - date.fromisoformat(r["due_date"])).days
        for dim, key in (("ministry", r["ministry"]), ("unit", r["lead_unit"])):
            s = stats[dim].setdefault(key or "(unbekannt)", {"answered": 0, "on_time": 0, "late": 0, "days_late": []})
            s["answered"] += 1
            if late <= 0:
                s["on_time"] += 1
            else:
                s["late"] += 1
                s["days_late"].append(late)
    for dim in stats.values():
        for s in dim.values():
            days = s.pop("days_late")
            s["max_days_late"] = max(days, default=0)
            s["mean_days_late"] = round(sum(days) / len(days), 1) if days else 0.0
    return stats


# --- exports ----------------------------------------------------------------------------------

COLUMNS = (
    "Drucksache",
    "Titel",
    "Art",
    "Status",
    "Frist",
    "Tage",
    "Gruppe",
    "Bearbeiter/in",
    "Referat",
    "Ministerium",
    "Verlängerung",
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain(text: Any) -> str:
    """A text for one cell or line: no control characters (XLSX refuses them, a terminal runs an
    escape sequence), line breaks and tabs as spaces. Titles may carry them from a PDF's text layer."""
    return " ".join(_CONTROL.sub("", str(text or "")).split())


def _cells(r: DeadlineRow) -> list[Any]:
    return [
        plain(r.number),
        plain(r.title),
        kind_name(r.kind),
        r.status,
        r.due.isoformat(),
        r.days_left,
        r.bucket,
        plain(r.officer),
        plain(r.unit),
        plain(r.ministry),
        plain(r.extension),
    ]


def safe_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r", "|", "%"):
        return "'" + value
    return value


def to_csv(rows: list[DeadlineRow]) -> str:
    """The overview as CSV for Excel in Germany (semicolons, UTF-8 with BOM so umlauts survive)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow([safe_cell(c) for c in _cells(r)])
    return "\ufeff" + buf.getvalue()


def to_xlsx(rows: list[DeadlineRow], path: Path) -> None:
    """The overview as an Excel workbook; dates as dates, no cell ever a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Fristen"
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        cells = _cells(r)
        cells[4] = r.due
        ws.append([safe_cell(c) for c in cells])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "DD.MM.YYYY"
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a string stays a string, whatever it starts with
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJK", (12, 60, 16, 16, 12, 6, 14, 18, 12, 40, 40), strict=True):
        ws.column_dimensions[col].width = width
    # printed as the units read it: landscape A4, all columns on the page's width, the header row on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.oddHeader.center.text = "Fristen"
    ws.oddFooter.right.text = "Seite &P von &N"
    buf = io.BytesIO()  # built in memory: a full disk fails in one write, leaving no open zip file behind
    wb.save(buf)
    Path(path).write_bytes(buf.getvalue())


def to_ical(rows: list[DeadlineRow], register: Any | None = None, now: datetime | None = None) -> bytes:
    """An iCalendar file: one all-day event per due date (and per internal deadline and contribution
    awaited), with alarms."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Ziffer//Fristen//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Ziffer – Fristen")
    stamp = now or datetime.now()

    def event(uid: str, day: date, summary: str, description: str, alarm_days: int) -> Event:
        ev = Event()
        ev.add("uid", uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("summary", summary)
        ev.add("description", description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(days=-alarm_days))
        ev.add_component(alarm)
        return ev

    for r in rows:
        name = f"Drs. {plain(r.number)}" if r.number else "Anfrage"
        r = replace(r, title=plain(r.title), unit=plain(r.unit) or None, officer=plain(r.officer) or None)
        cal.add_component(
            event(
                f"ziffer-{r.id}-due@ziffer",
                r.due,
                f"Frist {name}: {r.title}",
                f"{kind_name(r.kind)}, Status {r.status}; Referat {r.unit or '–'}, {r.officer or '–'}",
                2,
            )
        )
        if register is not None:
            for c in open_contributions(register, r.id):
                cal.add_component(
                    event(
                        f"ziffer-{r.id}-contribution-{c['point']}@ziffer",
                        c["due"],
                        f"Zulieferung {c['unit']} zu Ziffer {c['point']}, {name}: {r.title}",
                        f"von Referat {c['unit']} angefordert; Frist der Antwort am {r.due.isoformat()}",
                        1,
                    )
                )
            for step, day in plan(register, r.id).items():
                cal.add_component(
                    event(
                        f"ziffer-{r.id}-{step}@ziffer",
                        day,
                        f"{step_name(step)} {name}: {r.title}",
                        f"interne Frist vor der Frist am {r.due.isoformat()}",
                        1,
                    )
                )
    return cal.to_ical()
