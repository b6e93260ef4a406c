"""Files that must not cost more than a file: zip bombs, files that take too long to read, links
out of the watched inbox, skipped files, exit codes of `import`, workers outliving a killed import."""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, ROOT
from test_inbox import files, print_text, registered, wait_for

from core.documents import read_document
from core.errors import DocumentError, in_german
from core.inbox import REASON_SUFFIX, Inbox
from core.services import FAILED, IMPORTED, ParseWorker, import_files
from storage.register import Register

PARAGRAPH = b"<w:p><w:r><w:t>Zu 1.: Die Landesregierung antwortet.</w:t></w:r></w:p>"


def make_zip_bomb(dest: Path, megabytes: int = 300) -> Path:
    """A real DOCX whose word/document.xml is `megabytes` MB of paragraphs, deflated to about 1 MB.

    Written through a streaming zip member, so the test never holds more than a megabyte."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    source = zipfile.ZipFile(blank)
    chunk = PARAGRAPH * (2**20 // len(PARAGRAPH))
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, source.read(info.filename))
                continue
            head = source.read(info.filename).partition(b"<w:body>")[0]
            with out.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                for _ in range(megabytes):
                    member.write(chunk)
                member.write(b"</w:body></w:document>")
    return dest


def slow_text(dest: Path, items: int = 300_000) -> Path:
    """A valid text of some 25 MB (under the reader's size limit) that takes many seconds to parse."""
    lines = (f"{i}. Wie viele Radwege wurden im Jahr {i} im Landkreis Nummer {i} gebaut?" for i in range(1, items))
    dest.write_text(print_text(8800) + "\n\n" + "\n\n".join(lines), encoding="utf-8")
    return dest


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


# --- zip bombs and time limits ---------------------------------------------------------------


def test_zip_bomb_is_refused_in_seconds_and_small_memory(tmp_path: Path) -> None:
    """`parse` of a 1 MB DOCX that unpacks to 300 MB ends within seconds, far under 500 MB, with one
    sentence and status 2 (before: minutes and gigabytes in python-docx)."""
    bomb = make_zip_bomb(tmp_path / "bombe.docx")
    assert bomb.stat().st_size < 5 * 2**20
    measure = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]); import main; code = main.main(sys.argv[2:]); "
        "print('peak_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)"
    )
    started = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-c", measure, str(ROOT), "parse", str(bomb)], capture_output=True, text=True, timeout=120
    )
    elapsed = time.monotonic() - started
    peak_mb = int(r.stderr.split("peak_kb")[-1]) / 1024 if sys.platform.startswith("linux") else 0
    print(f"zip bomb refused in {elapsed:.2f} s, peak {peak_mb:.0f} MB")
    assert r.returncode == 2, r.stderr
    assert "Word-Datei" in r.stderr and "wird nicht geöffnet" in r.stderr and "Traceback" not in r.stderr
    assert elapsed < 15 and peak_mb < 500

    with pytest.raises(DocumentError) as caught:
        read_document(bomb)
    german = in_german(str(caught.value).removeprefix(f"{bomb}: "))
    assert german.startswith("die Word-Datei ist verdächtig stark gepackt (word/document.xml")


def test_large_but_honest_docx_still_reads(tmp_path: Path) -> None:
    """The limits leave real documents alone: 2,000 paragraphs of varied text read as before."""
    d = docx.Document()
    for i in range(2000):
        d.add_paragraph(f"{i}. Wie viele Radwege wurden {i * 7} im Landkreis {i % 44} gebaut, und zu welchen Kosten?")
    d.save(tmp_path / "gross.docx")
    assert read_document(tmp_path / "gross.docx").text.count("Radwege") == 2000


def test_parse_worker_gives_up_a_slow_file_and_reads_the_next(tmp_path: Path) -> None:
    """A file that reads longer than the limit fails with the reason; the next file gets a fresh reader."""
    slow = slow_text(tmp_path / "langsam.txt")
    good = tmp_path / "gut.txt"
    good.write_text(print_text(8801), encoding="utf-8")
    with ParseWorker(seconds=2) as worker:
        started = time.monotonic()
        failed = worker.parse(slow)
        assert time.monotonic() - started < 10
        assert failed.status == FAILED and failed.path == slow  # type: ignore[union-attr]
        assert in_german(failed.reason) == "das Lesen dauerte länger als 2 Sekunden und wurde abgebrochen."  # type: ignore[union-attr]
        assert worker.parse(good).doc.number == "17/8801"  # type: ignore[union-attr]


def test_inbox_files_bomb_and_slow_file_away_and_goes_on(tmp_path: Path) -> None:
    """The inbox's one worker is not held: the bomb and the slow file go to fehler/ with German reasons
    within seconds, and the good files dropped after them are imported."""
    folder, db = tmp_path / "eingang", tmp_path / "r.db"
    folder.mkdir()
    staging = tmp_path / "staging"
    staging.mkdir()
    make_zip_bomb(staging / "bombe.docx")
    slow_text(staging / "langsam.txt")
    results = []
    inbox = Inbox(folder, lambda: Register.open(db), on_result=results.append, settle_seconds=0.3, poll_seconds=0.3)
    inbox.parse_seconds = 3  # read by the worker when it starts
    inbox.start()
    try:
        started = time.monotonic()
        for name in ("bombe.docx", "langsam.txt"):
            os.replace(staging / name, folder / name)
        time.sleep(0.1)
        for i in range(3):
            (folder / f"gut_{i}.txt").write_text(print_text(8810 + i), encoding="utf-8")
        wait_for(lambda: len(results) >= 5, 60)
        elapsed = time.monotonic() - started
    finally:
        inbox.stop()
    print(f"bomb, slow file and 3 good files handled in {elapsed:.1f} s")
    assert elapsed < 30
    assert sorted(files(folder / "archiv")) == ["gut_0.txt", "gut_1.txt", "gut_2.txt"]
    bomb_note = (folder / "fehler" / ("bombe.docx" + REASON_SUFFIX)).read_text(encoding="utf-8-sig")
    assert "verdächtig stark gepackt" in bomb_note
    slow_note = (folder / "fehler" / ("langsam.txt" + REASON_SUFFIX)).read_text(encoding="utf-8-sig")
    assert "länger als 3 Sekunden" in slow_note
    assert {r["number"] for r in registered(db)} == {"17/8810", "17/8811", "17/8812"}


def test_inbox_stops_without_waiting_for_a_slow_file(tmp_path: Path) -> None:
    """stop() (the app quitting) drops the file being read at once; it stays in the inbox for next time."""
    folder, db = tmp_path / "eingang", tmp_path / "r.db"
    folder.mkdir()
    inbox = Inbox(folder, lambda: Register.open(db), settle_seconds=0.2, poll_seconds=0.2, parse_seconds=120)
    inbox.start()
    try:
        slow_text(tmp_path / "langsam.txt")
        os.replace(tmp_path / "langsam.txt", folder / "langsam.txt")
        wait_for(lambda: inbox._parser is not None and inbox._parser._process is not None, 30)
        time.sleep(1.0)  # reading
    finally:
        started = time.monotonic()
        inbox.stop(timeout=30)
    assert time.monotonic() - started < 3
    assert files(folder) == ["langsam.txt"] and not (folder / "fehler").exists()


# --- links out of the folder -----------------------------------------------------------------


def test_inbox_never_reads_through_a_link_out_of_it(tmp_path: Path) -> None:
    """`ln -s SECRET INBOX/passwd.txt`: the link goes to fehler/ with the reason, the file it points
    at is not read; a link to a file inside the inbox is read."""
    folder, db = tmp_path / "eingang", tmp_path / "r.db"
    (folder / "unter").mkdir(parents=True)
    secret = tmp_path / "geheim.txt"
    secret.write_text(print_text(8820), encoding="utf-8")  # would import fine if read
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "unter" / "echt.txt").write_text(print_text(8821), encoding="utf-8")
    (folder / "verweis.txt").symlink_to(folder / "unter" / "echt.txt")
    (folder / "ausserhalb").symlink_to(tmp_path, target_is_directory=True)  # a folder link: not walked

    results = Inbox(folder, lambda: Register.open(db), settle_seconds=0.2, poll_seconds=0.2).scan_once()

    by_name = {r.path.name: r for r in results}
    assert by_name["passwd.txt"].status == FAILED and "outside the inbox" in by_name["passwd.txt"].reason
    moved = folder / "fehler" / "passwd.txt"
    assert moved.is_symlink() and secret.exists()  # the link moved, its target untouched
    note = (folder / "fehler" / ("passwd.txt" + REASON_SUFFIX)).read_text(encoding="utf-8-sig")
    assert f"eine Verknüpfung auf „{secret}“ außerhalb des Ordners; sie wird nicht gelesen" in note
    assert {r["number"] for r in registered(db)} == {"17/8821"}  # never 17/8820


def test_import_of_a_folder_does_not_follow_links_out_of_it(tmp_path: Path) -> None:
    """`import DIR`: a link to a file outside DIR fails with the reason (status 1), a link to a
    folder is skipped and named; a file named on the command line is read as given."""
    folder, db = tmp_path / "ordner", str(tmp_path / "r.db")
    folder.mkdir()
    secret = tmp_path / "geheim.txt"
    secret.write_text(print_text(8830), encoding="utf-8")
    (folder / "a.txt").write_text(print_text(8831), encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "alles").symlink_to(tmp_path, target_is_directory=True)

    r = cli("import", str(folder), "--db", db)
    assert r.returncode == 1, r.stderr
    assert f"passwd.txt: eine Verknüpfung auf „{secret}“ außerhalb des Ordners; sie wird nicht gelesen." in r.stdout
    assert f"übersprungen: {folder / 'alles'} – eine Verknüpfung auf einen Ordner; ihr wird nicht gefolgt." in r.stderr
    assert {row["number"] for row in registered(Path(db))} == {"17/8831"}
    assert cli("import", str(folder / "passwd.txt"), "--db", db).returncode == 0  # named explicitly: read


# --- skipped files and exit codes ------------------------------------------------------------


def test_import_exit_codes_and_skipped_files(tmp_path: Path) -> None:
    """0 all imported or already there, 1 some failed, 2 nothing imported — for a file as for a
    folder; every skipped file is named in German on stderr."""
    db = str(tmp_path / "r.db")
    folder = tmp_path / "ordner"
    folder.mkdir()
    (folder / "a.txt").write_text(print_text(8840), encoding="utf-8")
    (folder / "..evil..txt").write_text(print_text(8841), encoding="utf-8")
    (folder / "kaputt.pdf").write_bytes(b"not a pdf")
    (folder / "bild.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "notiz.md").write_text("# Notiz", encoding="utf-8")

    mixed = cli("import", str(folder), "--db", db)
    assert mixed.returncode == 1, mixed.stderr
    assert "2 importiert, 0 aktualisiert, 0 unverändert, 1 fehlgeschlagen" in mixed.stdout
    for name in ("bild.jpg", "notiz.md"):
        assert f"übersprungen: {folder / name} – keine .pdf-, .docx- oder .txt-Datei." in mixed.stderr
    assert "Traceback" not in mixed.stderr

    assert cli("import", str(folder / "kaputt.pdf"), "--db", db).returncode == 2  # one file, failed
    assert cli("import", str(folder / "a.txt"), "--db", db).returncode == 0  # already there
    assert cli("import", str(folder / "fehlt.txt"), str(folder / "a.txt"), "--db", db).returncode == 1
    only_pictures = tmp_path / "bilder"
    only_pictures.mkdir()
    (only_pictures / "x.jpg").write_bytes(b"\xff\xd8")
    r = cli("import", str(only_pictures), "--db", db)
    assert r.returncode == 2 and "keine .pdf-, .docx- oder .txt-Datei zum Importieren gefunden" in r.stderr
    bad = tmp_path / "schlecht"
    bad.mkdir()
    (bad / "k.pdf").write_bytes(b"nope")
    assert cli("import", str(bad), "--db", db).returncode == 2  # a folder where every file failed
    good = tmp_path / "gut"
    good.mkdir()
    (good / "g.txt").write_text(print_text(8842), encoding="utf-8")
    assert cli("import", str(good), "--db", db).returncode == 0


def test_inbox_names_what_it_leaves(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A hidden print ("..evil..txt") or a picture stays in the inbox, but the log names it once
    (in German); lock files and partial downloads stay without a word."""
    folder, db = tmp_path / "eingang", tmp_path / "r.db"
    folder.mkdir()
    for name in ("..evil..txt", "bild.jpg", "~$a.docx", "laden.pdf.part"):
        (folder / name).write_bytes(b"x")
    (folder / "a.txt").write_text(print_text(8850), encoding="utf-8")
    inbox = Inbox(folder, lambda: Register.open(db), settle_seconds=0.2, poll_seconds=0.2)
    with caplog.at_level(logging.WARNING, logger="core.inbox"):
        assert [r.status for r in inbox.scan_once()] == [IMPORTED]
        inbox.scan_once()
    named = [r.getMessage() for r in caplog.records]
    assert (
        named.count(
            "Eingangsordner: „..evil..txt“ bleibt liegen – eine versteckte Datei (der Name beginnt mit einem Punkt); "
            "ohne den Punkt wird sie importiert"
        )
        == 1
    ), named
    assert named.count("Eingangsordner: „bild.jpg“ bleibt liegen – keine .pdf-, .docx- oder .txt-Datei") == 1
    assert len(named) == 2, named


# --- workers end with their parent -----------------------------------------------------------


def _children(pid: int) -> set[int]:
    """Live descendants of `pid` (Linux /proc), zombies not counted."""
    found: set[int] = set()
    parents = {pid}
    changed = True
    while changed:
        changed = False
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) in found:
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[1]) in parents:
                found.add(int(entry))
                parents.add(int(entry))
                changed = True
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_import_leaves_no_workers(tmp_path: Path) -> None:
    """SIGKILL of `import DIR` (enough files for the parse workers): the workers and the resource
    tracker end within seconds, and the caller's stderr pipe reaches EOF."""
    folder = tmp_path / "ordner"
    folder.mkdir()
    body = (FIXTURES / "bw_kleine_anfrage.txt").read_text(encoding="utf-8")
    questions = "\n\n".join(f"{i}. Wie viele Radwege wurden im Landkreis {i} gebaut?" for i in range(1, 3000))
    for i in range(80):  # above PARALLEL_FROM; each takes a while to parse
        (folder / f"p{i:02}.txt").write_text(f"Drucksache 17 / {9000 + i}\n\n{body}\n\n{questions}", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "import", str(folder), "--db", str(tmp_path / "r.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        workers: set[int] = set()
        end = time.monotonic() + 60
        while len(workers) < 3 and time.monotonic() < end:  # two workers and the resource tracker
            time.sleep(0.1)
            workers = _children(proc.pid)
        assert len(workers) >= 3, workers
        time.sleep(0.5)  # the workers are parsing
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        eof = threading.Event()
        reader = threading.Thread(target=lambda: (proc.stderr.read(), eof.set()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        end = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < end:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed import"
        assert eof.wait(5), "a leftover process keeps the caller's stderr open"
    finally:
        for pid in _children(proc.pid) | workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.stderr.close()  # type: ignore[union-attr]


def test_import_files_in_workers_still_imports(tmp_path: Path) -> None:
    """The pool with its parent watch imports as before (above PARALLEL_FROM files)."""
    paths = []
    for i in range(70):
        p = tmp_path / f"p{i:02}.txt"
        p.write_text(print_text(8900 + i), encoding="utf-8")
        paths.append(p)
    with Register.open(tmp_path / "r.db") as register:
        summary = import_files(register, paths, who="t")
    assert summary.count(IMPORTED) == 70
