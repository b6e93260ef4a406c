"""German everywhere a user reads (issue 11, item 17): the command line's help and messages, the names
of kinds, steps and citation places in the CLI, CSV, XLSX and iCalendar, the export checks, the
*Angaben* tab, and ordinary failures — a folder that may not be written, a full disk, a read-only file
system — as one German sentence instead of "internal error"."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from core.errors import in_german, ordinary_error, os_error_german
from core.wording import counts_line, kind_name, step_key, step_name, where_name, where_phrase

MOTION = FIXTURES / "bw_antrag_combined_answers.txt"  # 17/8517, our own; cites 17/6120 (Ziffer 3) in answer 2
ENGLISH = ("usage:", "error:", "internal error", "Traceback", "Error", "please report", "the register", "failed")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def assert_german_line(r: subprocess.CompletedProcess[str], status: int = 2) -> str:
    """One line on stderr, German, no English words of argparse or Python, the expected exit status."""
    assert r.returncode == status, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ziffer: "), r.stderr
    for word in ENGLISH:
        assert word not in r.stderr, r.stderr
    return lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo register (open motions and Kleine Anfragen) and our motion 17/8517 with its Stellungnahme."""
    path = tmp_path_factory.mktemp("reg") / "ziffer.db"
    assert run("demo", "--db", str(path)).returncode == 0
    r = run("import", str(MOTION), "--db", str(path))
    assert r.returncode == 0, r.stderr
    return path


# -- one place for the names of domain values ---------------------------------------------------------


def test_display_names_of_domain_values() -> None:
    assert kind_name("kleine_anfrage") == "Kleine Anfrage" and kind_name("antrag") == "Antrag"
    assert where_name("answer:2") == "Antwort 2" and where_name("point:3") == "Ziffer 3"
    assert where_name("reasoning") == "Begründung" and where_phrase("reasoning") == "in der Begründung"
    assert where_phrase("answer:2") == "in Antwort 2"
    assert step_name("cosigning") == "Mitzeichnung"
    assert step_key("Mitzeichnung") == step_key("cosigning") == "cosigning" and step_key("Kaffee") is None
    assert counts_line({"imported": 2, "failed": 1}) == "2 importiert, 0 aktualisiert, 0 unverändert, 1 fehlgeschlagen"


def test_history_names_internal_deadlines_in_german() -> None:
    from core.history import field_name

    assert field_name("internal:cosigning") == "interne Frist „Mitzeichnung“"


# -- the command line ---------------------------------------------------------------------------------


def test_help_is_german() -> None:
    top = run("--help")
    assert top.returncode == 0
    assert top.stdout.startswith("Aufruf: ziffer") and "Optionen:" in top.stdout and "Befehle:" in top.stdout
    assert "diese Hilfe zeigen und beenden" in top.stdout
    sub = run("contribute", "--help")
    assert "Argumente:" in sub.stdout and "NUMMER" in sub.stdout and "die Zulieferung ist eingegangen" in sub.stdout
    assert sub.stdout.count("Optionen:") == 1  # the shared options (--db, --who) join the command's own
    for english in ("usage:", "positional arguments", "options:", "show this help", "the register database"):
        assert english not in top.stdout + sub.stdout
    imp = run("import", "--help")
    assert "Rückgabewert: 0 jede Datei wurde übernommen" in imp.stdout


def test_argparse_errors_are_german() -> None:
    missing = run("contribute", "17/1")
    assert "Es fehlt die Angabe: --point." in assert_german_line_after_usage(missing)
    unknown = run("list", "--kind", "kleine")
    assert "Bei --kind geht 'kleine' nicht; möglich sind:" in assert_german_line_after_usage(unknown)
    stray = run("list", "--frob")
    assert "Diese Angaben kennt Ziffer nicht: --frob." in assert_german_line_after_usage(stray)


def assert_german_line_after_usage(r: subprocess.CompletedProcess[str]) -> str:
    """argparse's way: the usage line ("Aufruf: …"), then one German sentence; exit status 2."""
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("Aufruf: ziffer"), r.stderr
    assert "usage:" not in r.stderr and "error:" not in r.stderr and "Traceback" not in r.stderr
    return r.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("day", "german"),
    [
        ("2025-13-01", "„2025-13-01“ ist kein gültiges Datum: einen solchen Monat gibt es nicht."),
        ("2025-02-30", "„2025-02-30“ ist kein gültiges Datum: diesen Tag hat der Monat nicht."),
        ("morgen", "„morgen“ ist kein Datum; bitte als JJJJ-MM-TT angeben."),
    ],
)
def test_bad_dates_are_refused_in_german(db: Path, day: str, german: str) -> None:
    r = run("contribute", "17/9541", "--point", "1", "--unit", "Z 1", "--due", day, "--db", str(db))
    assert assert_german_line_after_usage(r).endswith(f"Bei --due: {german}")
    assert "month must be" not in r.stderr and "out of range" not in r.stderr
    plan = run("plan", "17/9541", "--set", f"Mitzeichnung={day}", "--db", str(db))
    assert assert_german_line(plan) == f"ziffer: {german}"


def test_date_messages_of_python_in_german() -> None:
    for text in ("2025-13-01", "2025-02-30", "nie"):
        with pytest.raises(ValueError) as caught:
            date.fromisoformat(text)
        assert in_german(str(caught.value)) != str(caught.value)


def test_plan_takes_german_step_names(db: Path) -> None:
    ok = run("plan", "17/9541", "--set", "Mitzeichnung=2025-12-01", "--db", str(db))
    assert ok.returncode == 0, ok.stderr
    assert "01.12.2025  Mitzeichnung" in ok.stdout
    bad = run("plan", "17/9541", "--set", "cosign=2025-12-01", "--db", str(db))
    assert assert_german_line(bad) == (
        "ziffer: Einen Schritt „cosign“ gibt es nicht; möglich sind: Zulieferung, Mitzeichnung, Zeichnung."
    )


def test_list_refs_and_show_name_kinds_and_places_in_german(db: Path) -> None:
    listed = run("list", "--db", str(db))
    assert "Kleine Anfrage" in listed.stdout and " Antrag " in listed.stdout
    assert "kleine_anfrage" not in listed.stdout and " antrag " not in listed.stdout
    refs = run("refs", "17/6120", "--db", str(db))
    assert "in Antwort 2 (Ziffer 3)" in refs.stdout and "answer:" not in refs.stdout
    shown = run("show", "17/9541", "--db", str(db))
    assert "Kleine Anfrage" in shown.stdout and "eingereicht" in shown.stdout
    assert "submitted" not in shown.stdout and "in answer" not in shown.stdout
    missing = run("show", "17/1", "--db", str(db))
    assert assert_german_line(missing) == f"ziffer: Die Drucksache 17/1 ist nicht im Register {db}."


def test_import_speaks_german(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_bytes(b"")
    r = run("import", str(MOTION), str(tmp_path / "leer.txt"), "--db", str(tmp_path / "r.db"))
    assert r.returncode == 1
    assert "1 importiert, 0 aktualisiert, 0 unverändert, 1 fehlgeschlagen" in r.stdout
    assert "fehlgeschlagen: " in r.stdout and "die Datei ist leer." in r.stdout
    assert ": importiert Drucksache" in r.stderr and "fehlgeschlagen" in r.stderr
    assert "the file is empty" not in r.stdout + r.stderr and "imported" not in r.stdout + r.stderr


def test_search_without_words() -> None:
    assert assert_german_line(run("search", "*")) == "ziffer: Bitte einen Suchbegriff angeben."


# -- exports: CSV, XLSX, iCalendar ----------------------------------------------------------------------


def test_csv_xlsx_and_ical_name_kinds_and_the_officer_as_the_window_does(db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    csv, xlsx, ics = tmp_path / "f.csv", tmp_path / "f.xlsx", tmp_path / "f.ics"
    r = run("deadlines", "--db", str(db), "--today", "2025-01-01", "--csv", str(csv), "--xlsx", str(xlsx))
    assert r.returncode == 0, r.stderr
    assert run("deadlines", "--db", str(db), "--today", "2025-01-01", "--ical", str(ics)).returncode == 0
    header, *rows = csv.read_text(encoding="utf-8-sig").splitlines()
    assert header.split(";")[7] == "Bearbeiter/in" and "Referent" not in header
    kinds = {row.split(";")[2] for row in rows}
    assert kinds and kinds <= {"Antrag", "Kleine Anfrage"}, kinds
    sheet = load_workbook(xlsx).active
    assert sheet.cell(1, 8).value == "Bearbeiter/in"
    assert {sheet.cell(k, 3).value for k in range(2, sheet.max_row + 1)} == kinds
    from icalendar import Calendar

    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    described = {str(e["description"]).split(",")[0] for e in events if str(e["uid"]).endswith("-due@ziffer")}
    assert described == kinds, described


# -- the export check ---------------------------------------------------------------------------------


def test_export_check_names_the_point_without_answer() -> None:
    from core import export as ex
    from core.model import AnswerItem
    from core.parser import parse_file

    doc = parse_file(MOTION)
    doc.answer.items[1] = AnswerItem(doc.answer.items[1].points, " ")
    labels = doc.answer.items[1].points
    doc.answer.items.append(AnswerItem(["3", "4"], ""))
    doc.answer.items.append(AnswerItem(["2"], ""))
    warnings = ex.checks(doc, in_register={"17/3318", "17/6120"})
    assert labels == ["4", "5"] and "Zu Ziffern 4 und 5 fehlt die Antwort." in warnings
    assert "Zu Ziffern 3 und 4 fehlt die Antwort." in warnings
    assert "Zu Ziffer 2 fehlt die Antwort." in warnings
    assert "Ziffer 3 wird zweimal beantwortet." in warnings
    assert not any("ist leer" in w or "Punkt" in w for w in warnings), warnings


# -- ordinary failures: one German sentence, naming the file and the way out ---------------------------


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "keine Berechtigung"),
        (errno.EPERM, "keine Berechtigung"),
        (errno.EROFS, "schreibgeschützten Laufwerk"),
        (errno.ENOSPC, "kein Platz mehr"),
        (errno.EDQUOT, "Speicherplatz"),
        (errno.ENOTDIR, "eine Datei ist und kein Ordner"),
    ],
)
def test_os_errors_become_sentences(code: int, words: str) -> None:
    exc = OSError(code, os.strerror(code), "/daten/fristen.csv")
    sentence = os_error_german(exc)
    assert sentence is not None and words in sentence and "„/daten/fristen.csv“" in sentence
    assert sentence.endswith(".") and os.strerror(code) not in sentence
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = exc
    assert ordinary_error(wrapped) == sentence
    assert ordinary_error(ValueError("a bug")) is None


def test_sqlite_conditions_become_sentences(tmp_path: Path) -> None:
    """Real SQLite errors, wrapped as the register wraps them, each say what happened to which register."""
    import sqlite_utils

    from storage.db import StorageError, write_transaction

    path = tmp_path / "r.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(StorageError) as caught, write_transaction(sqlite_utils.Database(ro)) as db:
        db.execute("INSERT INTO t VALUES (1)")
    ro.close()
    sentence = ordinary_error(caught.value, path)
    assert sentence is not None and sentence.startswith(f"Das Register „{path}“ ist schreibgeschützt")
    full = sqlite3.OperationalError("database or disk is full")
    assert "kein Platz mehr" in (ordinary_error(full, path) or "")
    assert in_german(f"the register cannot be written ({full})") == (
        "auf dem Laufwerk des Registers ist kein Platz mehr; bitte Platz schaffen und noch einmal versuchen."
    )


def test_register_below_a_file(tmp_path: Path) -> None:
    """--db where a folder should be but a file is: fails for root too."""
    (tmp_path / "datei").write_text("x")
    r = run("import", str(MOTION), "--db", str(tmp_path / "datei" / "ziffer.db"))
    line = assert_german_line(r)
    assert f"„{tmp_path / 'datei'}“" in line and "Datei dieses Namens" in line and "StorageError" not in line


def test_folder_without_permission(tmp_path: Path) -> None:
    """A folder Ziffer may not write to: chmod 0o500 for a user; for root a folder of /sys, which refuses root."""
    if os.geteuid() != 0:
        locked = tmp_path / "gesperrt"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "neu"
    else:
        target = Path("/sys/ziffer-test")
        if target.parent.is_dir() and os.access(target.parent, os.W_OK):
            try:
                target.mkdir()
            except OSError:
                pass
            else:
                target.rmdir()
                pytest.skip("/sys is writable here")
        elif not target.parent.is_dir():
            pytest.skip("no /sys")
    r = run("import", str(MOTION), "--db", str(target / "ziffer.db"))
    line = assert_german_line(r)
    assert "keine Berechtigung" in line or "nicht schreiben" in line, line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_full_disk_on_export(db: Path) -> None:
    """/dev/full answers every write with ENOSPC, as a full disk does."""
    for option in ("--csv", "--xlsx", "--ical"):
        r = run("deadlines", "--db", str(db), option, "/dev/full")
        assert assert_german_line(r) == (
            "ziffer: Auf dem Laufwerk ist kein Platz mehr für „/dev/full“; bitte Platz schaffen und noch einmal "
            "versuchen."
        )


def _in_tiny_filesystem(tmp_path: Path, size: str, script: str) -> subprocess.CompletedProcess[str]:
    """Run `script` (sh) with a tmpfs of `size` mounted on tmp_path/fs in a mount namespace of its own,
    so the mount never shows outside; skips where namespaces or mounts are not allowed."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        pytest.skip("no unshare")
    fs = tmp_path / "fs"
    fs.mkdir()
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {fs}"], capture_output=True, timeout=30
    )
    if probe.returncode != 0:
        pytest.skip("mounting a small file system is not allowed here")
    full = f"mount -t tmpfs -o size={size} tmpfs {fs} && {script}"
    return subprocess.run(["unshare", "-m", "sh", "-c", full], capture_output=True, text=True, timeout=120)


def test_register_on_a_full_disk(tmp_path: Path) -> None:
    fs = tmp_path / "fs"
    script = f"{sys.executable} {ROOT / 'main.py'} import {MOTION} --db {fs / 'z.db'}"
    r = _in_tiny_filesystem(tmp_path, "60k", script)
    line = assert_german_line(r)
    assert line == (
        f"ziffer: Auf dem Laufwerk des Registers „{fs / 'z.db'}“ ist kein Platz mehr; bitte Platz schaffen und "
        "noch einmal versuchen."
    )


def test_register_on_a_read_only_file_system(tmp_path: Path) -> None:
    fs = tmp_path / "fs"
    main = f"{sys.executable} {ROOT / 'main.py'}"
    script = (
        f"{main} import {MOTION} --db {fs / 'z.db'} >/dev/null 2>&1 && mount -o remount,ro {fs} && "
        f"{main} status 17/1 zugewiesen --db {fs / 'z.db'}"
    )
    r = _in_tiny_filesystem(tmp_path, "20m", script)
    line = assert_german_line(r)
    assert line == (
        f"ziffer: Das Register „{fs / 'z.db'}“ kann nicht geöffnet werden: der Ordner „{fs}“ liegt auf einem "
        "schreibgeschützten Laufwerk; bitte einen anderen Ort wählen."
    )


def test_a_bug_goes_to_the_error_log_not_the_terminal(tmp_path: Path) -> None:
    """A true bug: one German sentence naming the error log; the traceback is in the log."""
    import main as cli

    try:
        {}["nicht da"]
    except KeyError as exc:
        message, status = cli.failure_message(exc, str(tmp_path / "r.db"))
    log = tmp_path / "ziffer-fehler.log"
    assert status == 1
    assert message == (
        f"Interner Fehler: die Einzelheiten stehen in {log}; bitte melden Sie ihn Ihrer IT mit dieser Datei."
    )
    assert "KeyError" not in message and "Traceback (most recent call last)" in log.read_text(encoding="utf-8")


# -- the window: the Angaben tab ----------------------------------------------------------------------


def test_angaben_tab_names_the_internal_deadlines_in_german(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6")
    from core.services import import_file
    from gui.inquiry_view import InquiryView
    from storage.register import Register

    with Register.open(tmp_path / "r.db") as reg:
        result = import_file(reg, FIXTURES / "bw_antrag_unanswered.txt", who="t")
        view = InquiryView(reg, result.id, today=date(2025, 11, 20))
        qtbot.addWidget(view)
        view.set_fact("received", "21.2.2025")
        labels = {view.plan_form.labelForField(edit).text() for edit in view.plan_edits.values()}
        names = {edit.accessibleName() for edit in view.plan_edits.values()}
        assert labels == {"Zulieferung", "Mitzeichnung", "Zeichnung"}, labels
        assert "Interne Frist: Mitzeichnung" in names
        view.close()
