"""The watched inbox: bursts, half-written and bad files, restarts, a vanishing folder, name clashes."""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES
from pdfmaker import make_pdf, wrap

import core.inbox
from core.inbox import REASON_SUFFIX, Inbox, InboxResult, free_name, result_line, wanted_name, watch
from core.parser import parse_file
from core.services import FAILED, IMPORTED, UNCHANGED, ImportResult
from storage.register import Register

BODY = (FIXTURES / "bw_kleine_anfrage.txt").read_text(encoding="utf-8")
SETTLE, POLL = 0.5, 0.4  # fast enough for tests, slow enough for a loaded machine


def print_text(n: int) -> str:
    """A distinct valid print: the fixture Kleine Anfrage under the number 17/n."""
    return f"Landtag von Baden-Württemberg Drucksache 17 / {n}\n17. Wahlperiode 12.3.2025\n\n{BODY}"


def print_pdf(n: int, staging: Path) -> bytes:
    lines: list[str] = []
    for raw in BODY.split("\n"):
        lines.extend(wrap(raw.strip(), 88) if raw.strip() else [""])
    pages = [lines[i : i + 46] for i in range(0, len(lines), 46)]
    header = ["Landtag von Baden-Württemberg", f"Drucksache 17 / {n}"]
    return make_pdf(staging / f"{n}.pdf", pages, header=header).read_bytes()


def print_docx(n: int, staging: Path) -> bytes:
    d = docx.Document()
    d.add_paragraph(f"Landtag von Baden-Württemberg Drucksache 17 / {n}")
    for para in BODY.split("\n\n"):
        d.add_paragraph(para.strip())
    d.save(staging / f"{n}.docx")
    return (staging / f"{n}.docx").read_bytes()


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def registered(db: Path) -> list[dict]:
    with Register.open(db) as register:
        return register.list_prints(limit=100_000)


@dataclass
class Env:
    folder: Path
    db: Path
    results: list[ImportResult]
    made: list[Inbox]

    def inbox(self, settle: float = SETTLE, poll: float = POLL) -> Inbox:
        """An Inbox on the folder that reports into `results`, with a fresh register."""
        inbox = Inbox(
            self.folder,
            lambda: Register.open(self.db),
            on_result=self.results.append,
            settle_seconds=settle,
            poll_seconds=poll,
        )
        self.made.append(inbox)
        return inbox


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    folder = tmp_path / "eingang"
    folder.mkdir()
    e = Env(folder, tmp_path / "r.db", [], [])
    yield e
    for inbox in e.made:
        inbox.stop()


def test_burst_of_300_files(env, tmp_path: Path) -> None:
    """300 good, duplicate, corrupt and half-written files: all good ones once, bad ones in fehler/, none lost."""
    folder, db, results = env.folder, env.db, env.results
    staging = tmp_path / "staging"
    staging.mkdir()
    drops: dict[str, bytes] = {}  # distinct good prints
    for i in range(150):
        drops[f"ka_{i:03}.txt"] = print_text(7000 + i).encode()
    for i in range(15):
        drops[f"ka_{i:03}.pdf"] = print_pdf(7200 + i, staging)
        drops[f"ka_{i:03}.docx"] = print_docx(7300 + i, staging)
    duplicates = {f"kopie von {name}": data for name, data in list(drops.items())[:80:2]}  # 40 duplicates
    duplicates |= {f"nochmal {name}": drops[name] for name in list(drops)[150:170]}  # 20 PDF/DOCX duplicates
    corrupt: dict[str, bytes] = {}
    for i in range(10):
        corrupt[f"kaputt_{i}.pdf"] = b"%PDF-1.7\n" + bytes(range(256)) * (i + 1)
        corrupt[f"leer_{i}.docx"] = b""
        corrupt[f"kein_zip_{i}.docx"] = b"PK\x03\x04 this is not a Word package" * 3
        corrupt[f"binaer_{i}.txt"] = bytes(range(256)) * 4
    half: dict[str, bytes] = {}
    for i in range(10):
        half[f"halb_{i}.txt"] = print_text(7400 + i).encode()
        half[f"halb_{i}.pdf"] = print_pdf(7500 + i, staging)
    ignored = {"~$ka_001.docx": b"lock", ".versteckt.txt": print_text(7600).encode(), "laden.pdf.part": b"%PDF-"}
    dropped = {**drops, **duplicates, **corrupt, **half}
    assert len(dropped) == 300
    full_answer = parse_file(staging / "7200.pdf").answer
    assert full_answer is not None

    inbox = env.inbox(settle=1.0)  # the halves sit for 0.3 s: a wide margin on a busy machine
    inbox.start()
    started = time.monotonic()
    handles = {name: open(folder / name, "wb") for name in half}  # noqa: SIM115 - closed below
    for name, f in handles.items():
        f.write(half[name][: len(half[name]) // 2])
        f.flush()
    for name, data in {**drops, **duplicates, **corrupt, **ignored}.items():
        (folder / name).write_bytes(data)
    time.sleep(max(0.0, 0.3 - (time.monotonic() - started)))  # the halves sit there, not yet settled
    for name, f in handles.items():
        f.write(half[name][len(half[name]) // 2 :])
        f.close()

    wait_for(lambda: len(files(folder / "archiv")) + len(files(folder / "fehler")) >= 300 + len(corrupt), 60)
    elapsed = time.monotonic() - started
    print(f"300 files imported and filed in {elapsed:.1f} s")
    assert inbox.running

    archived, failed = files(folder / "archiv"), files(folder / "fehler")
    assert sorted(archived) == sorted([*drops, *duplicates, *half])
    assert sorted(n for n in failed if not n.endswith(REASON_SUFFIX)) == sorted(corrupt)
    for name in corrupt:
        note = (folder / "fehler" / (name + REASON_SUFFIX)).read_text(encoding="utf-8-sig")
        assert f"„{name}“ nicht importieren" in note and "Uhr" in note
    assert (folder / "archiv" / "ka_000.txt").read_bytes() == drops["ka_000.txt"]  # moved, not altered
    assert sorted(files(folder)) == sorted(ignored)  # nothing left but what the inbox must ignore

    rows = registered(db)
    numbers = Counter(r["number"] for r in rows)
    expected = {f"17/{n}" for n in [*range(7000, 7150), *range(7200, 7215), *range(7300, 7315), *range(7400, 7410)]}
    expected |= {f"17/{n}" for n in range(7500, 7510)}
    assert set(numbers) == expected and set(numbers.values()) == {1}
    assert all(r["points"] == 5 and r["answered"] for r in rows)  # no half-written print got in
    with Register.open(db) as register:
        for r in rows:
            answer = register.get_print(r["id"]).doc.answer
            assert answer is not None and len(answer.items) == len(full_answer.items), r["number"]

    by_status = Counter(r.status for r in results)
    assert by_status[IMPORTED] == len(expected) and by_status[UNCHANGED] == len(duplicates)
    assert by_status[FAILED] == len(corrupt) and len(results) == 300
    assert all(isinstance(r, InboxResult) and r.moved_to is not None for r in results)


def test_files_dropped_while_stopped_are_imported_on_start(env) -> None:
    """Restart: files that arrived while the inbox was stopped are picked up when it starts again."""
    folder, db = env.folder, env.db
    inbox = env.inbox()
    inbox.start()
    (folder / "a.txt").write_text(print_text(8001), encoding="utf-8")
    wait_for(lambda: files(folder / "archiv") == ["a.txt"])
    inbox.stop()
    assert not inbox.running
    (folder / "b.txt").write_text(print_text(8002), encoding="utf-8")
    (folder / "unter").mkdir()
    (folder / "unter" / "c.docx").write_bytes(print_docx(8003, folder.parent))
    time.sleep(POLL * 2)
    assert files(folder) == ["b.txt"]  # nobody touches it while stopped
    inbox.start()
    assert inbox.running
    wait_for(lambda: files(folder / "archiv") == ["a.txt", "b.txt"] and files(folder / "archiv" / "unter"))
    assert files(folder / "archiv" / "unter") == ["c.docx"]  # a subfolder's file keeps its subfolder
    assert sorted(r["number"] for r in registered(db)) == ["17/8001", "17/8002", "17/8003"]


def test_scan_once_imports_what_is_waiting(env) -> None:
    """scan_once() imports everything waiting, synchronously, whether or not the inbox runs."""
    folder, results = env.folder, env.results
    inbox = env.inbox(settle=0.2)
    (folder / "a.txt").write_text(print_text(8101), encoding="utf-8")
    (folder / "b.txt").write_text(print_text(8101), encoding="utf-8")  # same bytes: unchanged
    got = inbox.scan_once()
    assert [(r.path.name, r.status) for r in got] == [("a.txt", IMPORTED), ("b.txt", UNCHANGED)]
    assert files(folder / "archiv") == ["a.txt", "b.txt"] and results == got
    inbox.start()
    (folder / "c.pdf").write_bytes(b"not a pdf at all")
    got = inbox.scan_once()
    assert [(r.path.name, r.status) for r in got] == [("c.pdf", FAILED)]
    assert inbox.running


def test_folder_removed_and_recreated(env) -> None:
    """The watched folder disappears and comes back: the inbox keeps running and imports what arrives."""
    folder, db = env.folder, env.db
    inbox = env.inbox()
    inbox.start()
    (folder / "a.txt").write_text(print_text(8201), encoding="utf-8")
    wait_for(lambda: files(folder / "archiv") == ["a.txt"])
    shutil.rmtree(folder)
    time.sleep(POLL * 2.5)
    assert inbox.running
    folder.mkdir()
    for n in (8202, 8203, 8204):
        (folder / f"{n}.txt").write_text(print_text(n), encoding="utf-8")
    wait_for(lambda: len(files(folder / "archiv")) == 3)
    assert inbox.running
    assert sorted(r["number"] for r in registered(db)) == ["17/8201", "17/8202", "17/8203", "17/8204"]
    # and once more, now with the new folder watched (events, not only the poll)
    (folder / "8205.txt").write_text(print_text(8205), encoding="utf-8")
    wait_for(lambda: len(files(folder / "archiv")) == 4)


def test_file_deleted_before_reading(env, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file removed between detection and reading is skipped silently; the inbox goes on."""
    folder, db, results = env.folder, env.db, env.results
    real = core.inbox.import_file

    def vanishing(register, path, **kw):  # type: ignore[no-untyped-def]
        if Path(path).name == "weg.txt":
            Path(path).unlink()  # someone deletes it just as it is read
        return real(register, path, **kw)

    monkeypatch.setattr(core.inbox, "import_file", vanishing)
    inbox = env.inbox()
    inbox.start()
    (folder / "weg.txt").write_text(print_text(8301), encoding="utf-8")
    (folder / "da.txt").write_text(print_text(8302), encoding="utf-8")
    wait_for(lambda: files(folder / "archiv") == ["da.txt"])
    time.sleep(POLL)
    assert inbox.running
    assert [r.path.name for r in results] == ["da.txt"] and not (folder / "fehler").exists()
    (folder / "danach.txt").write_text(print_text(8303), encoding="utf-8")
    wait_for(lambda: files(folder / "archiv") == ["da.txt", "danach.txt"])
    assert sorted(r["number"] for r in registered(db)) == ["17/8302", "17/8303"]


def test_exception_in_import_is_reported_and_survived(env, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception while importing one file is reported as failed, the file goes to fehler/, the rest goes on."""
    folder = env.folder
    real = core.inbox.import_file

    def buggy(register, path, **kw):  # type: ignore[no-untyped-def]
        if Path(path).name == "bug.txt":
            raise ValueError("parser bug")
        return real(register, path, **kw)

    monkeypatch.setattr(core.inbox, "import_file", buggy)
    inbox = env.inbox(settle=0.2)
    (folder / "bug.txt").write_text(print_text(8401), encoding="utf-8")
    (folder / "ok.txt").write_text(print_text(8402), encoding="utf-8")
    got = {r.path.name: r for r in inbox.scan_once()}
    assert got["bug.txt"].status == FAILED and "parser bug" in got["bug.txt"].reason
    assert got["ok.txt"].status == IMPORTED
    assert files(folder / "fehler") == ["bug.txt", "bug.txt" + REASON_SUFFIX]


def test_name_clash_in_archiv(env) -> None:
    """A name already taken in archiv/ (or fehler/) gets " (2)", " (3)" …; nothing is overwritten."""
    folder = env.folder
    inbox = env.inbox(settle=0.2)
    (folder / "archiv").mkdir()
    (folder / "archiv" / "a.txt").write_text("the older file", encoding="utf-8")
    (folder / "a.txt").write_text(print_text(8501), encoding="utf-8")
    inbox.scan_once()
    (folder / "a.txt").write_text(print_text(8502), encoding="utf-8")
    (folder / "x.pdf").write_bytes(b"garbage")
    inbox.scan_once()
    (folder / "x.pdf").write_bytes(b"other garbage")
    inbox.scan_once()
    assert files(folder / "archiv") == ["a (2).txt", "a (3).txt", "a.txt"]
    assert (folder / "archiv" / "a.txt").read_text(encoding="utf-8") == "the older file"
    assert (folder / "archiv" / "a (3).txt").read_text(encoding="utf-8") == print_text(8502)
    assert files(folder / "fehler") == ["x (2).pdf", "x (2).pdf" + REASON_SUFFIX, "x.pdf", "x.pdf" + REASON_SUFFIX]
    assert free_name(folder / "archiv", "a.txt").name == "a (4).txt"
    assert free_name(folder / "archiv", "README").name == "README"


def test_which_files_count() -> None:
    """Only .pdf/.docx/.txt count; hidden, Office lock, partial downloads and our own notes do not."""
    assert all(wanted_name(n) for n in ["a.pdf", "B.PDF", "c.Docx", "d.txt", "e.f.txt"])
    bad = ["~$a.docx", ".a.pdf", "a.pdf.part", "a.crdownload", "a.tmp", "a.doc", "a.pdf.fehler.txt", "a"]
    assert not any(wanted_name(n) for n in bad)


def test_watch_command(tmp_path: Path) -> None:
    """watch() creates the folder, prints one line per file, and returns 0 when told to stop."""
    folder, db = tmp_path / "neu" / "eingang", tmp_path / "r.db"
    lines: list[str] = []
    stop = threading.Event()
    code: list[int] = []
    thread = threading.Thread(
        target=lambda: code.append(
            watch(folder, lambda: Register.open(db), stop=stop, out=lines.append, settle_seconds=0.2, poll_seconds=0.3)
        )
    )
    thread.start()
    try:
        wait_for(folder.is_dir)
        (folder / "a.txt").write_text(print_text(8601), encoding="utf-8")
        (folder / "b.pdf").write_bytes(b"garbage")
        wait_for(lambda: len(lines) >= 3)
    finally:
        stop.set()
        thread.join(10)
    assert code == [0]
    assert any(line.endswith("a.txt: importiert 17/8601") for line in lines), lines
    assert any("b.pdf: fehlgeschlagen – " in line and line.endswith("→ fehler/") for line in lines), lines
    failed = InboxResult(folder / "x.pdf", FAILED, reason="the file is empty.")
    assert result_line(failed, folder).endswith("x.pdf: fehlgeschlagen – die Datei ist leer")
