"""Deadlines on stored inquiries, the workflow, overviews, exports and on-time statistics."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import ownprints as own
import pytest
from conftest import FIXTURES, ROOT, sample

from core import tracking
from core.services import import_file
from core.workflow import WorkflowError, allowed_next
from storage.register import Register


@pytest.fixture
def register(register_location: Path | str):  # type: ignore[no-untyped-def]
    """A register file, or the team register opened by a clerk (the history names the login)."""
    if isinstance(register_location, str):
        import pg

        register_location = pg.login_as(register_location, "clerk", "ziffer_clerk")
    reg = Register.open(register_location)
    yield reg
    reg.close()


SOURCES = ["own", pytest.param("real", marks=pytest.mark.real_documents)]


def _incoming(source: str, folder: Path) -> Path:
    """The motion as received: ours (17/8517, received 19.2.2025) or the real KI-Allianz one (17/9321, 8.8.2025)."""
    return own.incoming_pdf(folder) if source == "own" else sample("eingang-ki-allianz-antrag.pdf")


def test_import_of_our_incoming_motion_sets_due_date(register: Register, tmp_path: Path) -> None:
    """Our incoming Antrag (received Wednesday 19.2.2025) is due three weeks later, on 12.3.2025; the internal
    steps lie 8, 5 and 2 working days before."""
    pid = import_file(register, own.incoming_pdf(tmp_path), who="t").id
    wf = register.workflow(pid)
    assert wf["received"] == "2025-02-19" and wf["due_date"] == "2025-03-12"
    plan = tracking.plan(register, pid)
    assert plan == {
        "contribution": date(2025, 2, 28),
        "cosigning": date(2025, 3, 5),
        "signature": date(2025, 3, 10),
    }


def test_our_published_answer_counts_as_sent(register: Register, tmp_path: Path) -> None:
    """A published print's answer was sent on the date of its letter; it is not an open deadline. Ours was
    on time (11.3. for 12.3.); with the receipt entered as a week earlier it is late by six days."""
    pid = import_file(register, own.published_pdf(tmp_path), who="t").id
    assert register.workflow(pid)["sent_on"] == "2025-03-11"
    assert tracking.overview(register, date(2025, 3, 1)) == []
    stats = tracking.on_time_stats(register)["ministry"][own.MINISTRY]
    assert stats == {"answered": 1, "on_time": 1, "late": 0, "max_days_late": 0, "mean_days_late": 0.0}
    with register.transaction():
        tracking.set_received(register, pid, date(2025, 2, 12), "clerk")
    assert register.workflow(pid)["due_date"] == "2025-03-05"
    stats = tracking.on_time_stats(register)["ministry"][own.MINISTRY]
    assert stats == {"answered": 1, "on_time": 0, "late": 1, "max_days_late": 6, "mean_days_late": 6.0}


@pytest.mark.real_documents
def test_import_sets_due_date(register: Register) -> None:
    """The incoming KI-Allianz Antrag (received 8.8.2025) is due on 29.8.2025 under the BW Antrag rule."""
    pid = import_file(register, sample("eingang-ki-allianz-antrag.pdf"), who="t").id
    wf = register.workflow(pid)
    assert wf["received"] == "2025-08-08" and wf["due_date"] == "2025-08-29"
    plan = tracking.plan(register, pid)
    assert plan["signature"] == date(2025, 8, 27) and plan["contribution"] == date(2025, 8, 19)


@pytest.mark.real_documents
def test_published_answer_counts_as_sent(register: Register) -> None:
    """A published print's answer was sent on the date of its letter; it is not an open deadline."""
    pid = import_file(register, sample("drucksache-ki-allianz-antrag-und-stellungnahme.pdf"), who="t").id
    assert register.workflow(pid)["sent_on"] == "2025-09-01"
    assert tracking.overview(register, date(2025, 8, 20)) == []
    stats = tracking.on_time_stats(register)["ministry"]["Ministerium für Wirtschaft, Arbeit und Tourismus"]
    assert stats == {"answered": 1, "on_time": 0, "late": 1, "max_days_late": 3, "mean_days_late": 3.0}


@pytest.mark.parametrize("source", SOURCES)
def test_received_by_hand_moves_the_deadline(register: Register, tmp_path: Path, source: str) -> None:
    """Entering the receipt by hand recomputes the due date, and the history says so."""
    pid = import_file(register, _incoming(source, tmp_path), who="t").id
    with register.transaction():
        tracking.set_received(register, pid, date(2025, 12, 4), "clerk")
    assert register.workflow(pid)["due_date"] == "2025-12-29"
    fields = [(e["field"], e["who"]) for e in register.events("print", pid)]
    assert ("received", "clerk") in fields and ("due_date", "clerk") in fields


def test_workflow_steps_and_refusals(register: Register) -> None:
    """Status moves step by step with who and when; jumps are refused in German; sending records the date."""
    pid = import_file(register, FIXTURES / "bw_antrag_unanswered.txt", who="t").id
    with pytest.raises(WorkflowError, match="nächster Schritt: „zugewiesen“"):
        tracking.change_status(register, pid, "versandt", "x")
    with pytest.raises(WorkflowError, match="kein Status"):
        tracking.change_status(register, pid, "erledigt", "x")
    with register.transaction():
        tracking.assign(register, pid, "clerk", officer="Frau Roth", unit="VM2")
        for step in (
            "in Bearbeitung",
            "in Mitzeichnung",
            "in Bearbeitung",
            "in Mitzeichnung",
            "zur Zeichnung",
            "versandt",
        ):
            tracking.change_status(register, pid, step, "officer", date(2025, 3, 1))
    wf = register.workflow(pid)
    assert wf["status"] == "versandt" and wf["sent_on"] == "2025-03-01"
    history = [(e["old"], e["new"], e["who"]) for e in register.events("print", pid) if e["field"] == "status"]
    assert history[0] == ("eingegangen", "zugewiesen", "clerk")
    assert history[-1] == ("zur Zeichnung", "versandt", register.identity or "officer")  # the login, on a server
    assert allowed_next("veröffentlicht") == ()


# due date by the rule, an earlier and a later date, for our motion and the real one
EXTENSION = {
    "own": (date(2025, 3, 12), date(2025, 2, 20), date(2025, 3, 26)),
    "real": (date(2025, 8, 29), date(2025, 8, 1), date(2025, 9, 12)),
}


@pytest.mark.parametrize("source", SOURCES)
def test_extension(register: Register, tmp_path: Path, source: str) -> None:
    """An extension is requested with a reason and granted with a date; the rule's date is kept."""
    due, earlier, later = EXTENSION[source]
    pid = import_file(register, _incoming(source, tmp_path), who="t").id
    with pytest.raises(WorkflowError, match="Begründung"):
        tracking.request_extension(register, pid, later, " ", "x")
    with pytest.raises(WorkflowError, match="nach der bisherigen"):
        tracking.request_extension(register, pid, earlier, "Grund", "x")
    with register.transaction():
        tracking.request_extension(register, pid, later, "Zulieferung steht aus", "clerk")
        tracking.grant_extension(register, pid, later, "clerk")
        tracking.refresh_due_date(register, pid, "clerk")  # a recomputation keeps the granted date
    wf = register.workflow(pid)
    assert wf["due_date"] == later.isoformat() and wf["original_due"] == due.isoformat()
    assert wf["extension_reason"] == "Zulieferung steht aus"
    row = tracking.overview(register, due - timedelta(days=3))[0]
    assert row.extension == f"verlängert bis {later} (ursprünglich {due})"


def _three_open(register: Register, tmp_path: Path) -> None:
    template = (FIXTURES / "bw_antrag_unanswered.txt").read_text(encoding="utf-8")
    for i, received in enumerate(["2025-08-01", "2025-08-20", "2025-09-10"]):
        p = tmp_path / f"a{i}.txt"
        p.write_text(
            f"Landtag von Baden-Württemberg Drucksache 17 / {500 + i}\n17. Wahlperiode {received}\n"
            f"Eingegangen: {date.fromisoformat(received):%d.%m.%Y}\n\n"
            + template.replace("Gemeinden", f'=HYPERLINK("x") Gemeinden {i}'),
            encoding="utf-8",
        )
        import_file(register, p, who="t")


def test_overview_buckets_and_groups(register: Register, tmp_path: Path) -> None:
    """Overdue, this week, next week, later; by unit or officer; --within and --overdue filter."""
    _three_open(register, tmp_path)
    today = date(2025, 9, 8)  # a Monday
    rows = tracking.overview(register, today)
    assert [(r.number, r.due.isoformat(), r.bucket) for r in rows] == [
        ("17/500", "2025-08-22", "überfällig"),
        ("17/501", "2025-09-10", "diese Woche"),
        ("17/502", "2025-10-01", "später"),
    ]
    assert rows[0].days_left == -17
    assert [r.number for r in tracking.overview(register, today, overdue=True)] == ["17/500"]
    assert [r.number for r in tracking.overview(register, today, within=7)] == ["17/500", "17/501"]
    with register.transaction():
        tracking.assign(register, rows[1].id, "c", unit="KM3")
    assert set(tracking.group(tracking.overview(register, today), "unit")) == {"KM3", "(ohne Zuordnung)"}


def test_exports(register: Register, tmp_path: Path) -> None:
    """iCalendar parses back with its events and alarms; XLSX shows the same rows; no cell is a formula."""
    from icalendar import Calendar
    from openpyxl import load_workbook

    _three_open(register, tmp_path)
    rows = tracking.overview(register, date(2025, 9, 8))
    cal = Calendar.from_ical(tracking.to_ical(rows, register))
    events = [c for c in cal.walk("VEVENT")]
    due_events = [e for e in events if str(e["uid"]).endswith("-due@ziffer")]
    assert [e.decoded("dtstart") for e in due_events] == [r.due for r in rows]
    assert all("Drs. 17/50" in str(e["summary"]) for e in due_events)
    assert all(e.walk("VALARM") for e in events) and len(events) == 4 * len(rows)
    path = tmp_path / "f.xlsx"
    tracking.to_xlsx(rows, path)
    ws = load_workbook(path).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0][0] == "Drucksache" and [v[0] for v in values[1:]] == [r.number for r in rows]
    assert all(not str(v[1]).startswith("=") for v in values[1:])
    text = tracking.to_csv(rows)
    parsed = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [r[0] for r in parsed[1:]] == [r.number for r in rows]
    assert tracking.safe_cell("=SUMME(A1)") == "'=SUMME(A1)" and tracking.safe_cell("@x") == "'@x"
    assert tracking.safe_cell("Radwege") == "Radwege"


def test_cli_deadlines_and_status_of_our_motion(tmp_path: Path) -> None:
    """The command line: deadlines with exports, a refused jump (exit 2), status history in show."""
    db = str(tmp_path / "c.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", db], capture_output=True, text=True, timeout=120
        )

    assert run("import", str(own.incoming_pdf(tmp_path))).returncode == 0
    r = run("deadlines", "--today", "2025-03-03", "--ical", str(tmp_path / "f.ics"), "--xlsx", str(tmp_path / "f.xlsx"))
    assert r.returncode == 0 and "12.03.2025" in r.stdout and "noch 9 Tage" in r.stdout
    assert (tmp_path / "f.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad = run("status", "17/8517", "versandt")
    assert bad.returncode == 2 and "nächster Schritt" in bad.stderr
    assert run("assign", "17/8517", "--unit", "MWK41", "--who", "Frau Klein").returncode == 0
    show = json.loads(run("show", "17/8517", "--json").stdout)
    steps = [(e["field"], e["new"], e["who"]) for e in show["history"]]
    assert ("status", "zugewiesen", "Frau Klein") in steps and show["workflow"]["lead_unit"] == "MWK41"


@pytest.mark.real_documents
def test_cli_deadlines_and_status(tmp_path: Path) -> None:
    """The command line: deadlines with exports, a refused jump (exit 2), status history in show."""
    db = str(tmp_path / "c.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", db], capture_output=True, text=True, timeout=120
        )

    assert run("import", str(sample("eingang-ki-allianz-antrag.pdf"))).returncode == 0
    r = run("deadlines", "--today", "2025-08-20", "--ical", str(tmp_path / "f.ics"), "--xlsx", str(tmp_path / "f.xlsx"))
    assert r.returncode == 0 and "29.08.2025" in r.stdout and "noch 9 Tage" in r.stdout
    assert (tmp_path / "f.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad = run("status", "17/9321", "versandt")
    assert bad.returncode == 2 and "nächster Schritt" in bad.stderr
    assert run("assign", "17/9321", "--unit", "WM36", "--who", "Frau Klein").returncode == 0
    show = json.loads(run("show", "17/9321", "--json").stdout)
    steps = [(e["field"], e["new"], e["who"]) for e in show["history"]]
    assert ("status", "zugewiesen", "Frau Klein") in steps and show["workflow"]["lead_unit"] == "WM36"
    assert "Ministerium für Wirtschaft" in run("stats").stdout or run("stats").returncode == 0


def test_cli_plan_of_our_motion(tmp_path: Path) -> None:
    """`plan` shows the internal deadlines and takes a hand-set one; a bad step is refused."""
    db = str(tmp_path / "p.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", db], capture_output=True, text=True, timeout=120
        )

    run("import", str(own.incoming_pdf(tmp_path)))
    d = json.loads(run("plan", "17/8517", "--set", "signature=2025-03-11", "--json").stdout)
    assert d == {
        "due": "2025-03-12",
        "internal": {"contribution": "2025-02-28", "cosigning": "2025-03-05", "signature": "2025-03-11"},
        "contributions": [],
    }
    assert run("plan", "17/8517", "--set", "lunch=2025-03-11").returncode == 2


@pytest.mark.real_documents
def test_cli_plan(tmp_path: Path) -> None:
    """`plan` shows the internal deadlines and takes a hand-set one; a bad step is refused."""
    db = str(tmp_path / "p.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", db], capture_output=True, text=True, timeout=120
        )

    run("import", str(sample("eingang-ki-allianz-antrag.pdf")))
    d = json.loads(run("plan", "17/9321", "--set", "signature=2025-08-28", "--json").stdout)
    assert d == {
        "due": "2025-08-29",
        "internal": {"contribution": "2025-08-19", "cosigning": "2025-08-22", "signature": "2025-08-28"},
        "contributions": [],
    }
    assert run("plan", "17/9321", "--set", "lunch=2025-08-28").returncode == 2


def test_contribution_after_the_deadline_must_be_confirmed(register: Register) -> None:
    """A contribution due after the answer is refused with a German warning unless confirmed; the calendar
    and the open contributions show it until it has arrived."""
    from icalendar import Calendar

    pid = import_file(register, FIXTURES / "bw_antrag_unanswered.txt", who="t").id
    with register.transaction():
        deadline = tracking.set_received(register, pid, date(2025, 8, 8), "t")
    assert deadline is not None
    late = deadline + timedelta(days=1)
    with pytest.raises(tracking.ContributionAfterDeadline, match=r"Ziffer 2 wäre am .* nach der Frist der Antwort"):
        tracking.request_contribution(register, pid, "2", "Referat 12", late, "t")
    assert register.contributions(pid) == []
    with pytest.raises(WorkflowError, match="keine Ziffer 9"):
        tracking.request_contribution(register, pid, "9", "Referat 12", deadline, "t")
    with register.transaction():
        assert tracking.request_contribution(register, pid, "1", "Referat 11", deadline, "t") is None
        assert "nach der Frist" in tracking.request_contribution(
            register, pid, "2", "Referat 12", late, "t", confirmed=True
        )
    assert [(c["point"], c["due"]) for c in tracking.open_contributions(register, pid)] == [
        ("1", deadline),
        ("2", late),
    ]
    rows = tracking.overview(register, date(2025, 8, 8))
    events = Calendar.from_ical(tracking.to_ical(rows, register)).walk("VEVENT")
    mine = [e for e in events if "-contribution-" in str(e["uid"])]
    assert [(e.decoded("dtstart"), str(e["summary"]).split(",")[0]) for e in mine] == [
        (deadline, "Zulieferung Referat 11 zu Ziffer 1"),
        (late, "Zulieferung Referat 12 zu Ziffer 2"),
    ]
    with register.transaction():
        register.mark_contribution_received(pid, "1", "2025-08-12", "t")
    assert [c["point"] for c in tracking.open_contributions(register, pid)] == ["2"]


def test_cli_contribution_in_plan_and_calendar(tmp_path: Path) -> None:
    """`contribute` on the command line: shown by `plan` and in the iCalendar export; a date after the
    answer's deadline is refused with a German warning and taken with --after-deadline."""
    from icalendar import Calendar

    db = str(tmp_path / "c.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", db], capture_output=True, text=True, timeout=120
        )

    assert run("import", str(FIXTURES / "bw_antrag_unanswered.txt")).returncode == 0
    assert run("received", "17/8530", "2025-08-08").returncode == 0
    due = json.loads(run("plan", "17/8530", "--json").stdout)["due"]
    assert due == "2025-08-29"
    ok = run("contribute", "17/8530", "--point", "2", "--unit", "Referat 12", "--due", "2025-08-20")
    assert ok.returncode == 0, ok.stderr
    refused = run("contribute", "17/8530", "--point", "3", "--unit", "Referat 13", "--due", "2025-09-05")
    assert refused.returncode == 2
    assert (
        "Zulieferung zu Ziffer 3 wäre am 05.09.2025 fällig, nach der Frist der Antwort (29.08.2025)" in refused.stderr
    )
    assert "--after-deadline" in refused.stderr
    taken = run(
        "contribute", "17/8530", "--point", "3", "--unit", "Referat 13", "--due", "2025-09-05", "--after-deadline"
    )
    assert taken.returncode == 0 and "Achtung" in taken.stderr
    assert run("contribute", "17/8530", "--point", "4", "--unit", "X", "--due", "5.9.").returncode == 2
    plan = run("plan", "17/8530")
    assert "20.08.2025  Zulieferung Referat 12 zu Ziffer 2" in plan.stdout
    assert "05.09.2025  Zulieferung Referat 13 zu Ziffer 3  (nach der Frist!)" in plan.stdout
    listed = json.loads(run("plan", "17/8530", "--json").stdout)["contributions"]
    assert [(c["point"], c["unit"], c["due"]) for c in listed] == [
        ("2", "Referat 12", "2025-08-20"),
        ("3", "Referat 13", "2025-09-05"),
    ]
    ics = tmp_path / "f.ics"
    assert run("deadlines", "--today", "2025-08-10", "--ical", str(ics)).returncode == 0
    summaries = [str(e["summary"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert any(s.startswith("Zulieferung Referat 12 zu Ziffer 2, Drs. 17/8530") for s in summaries)
