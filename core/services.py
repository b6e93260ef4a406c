"""The register's services: import, merge, similar answers. The same functions serve the command
line, the desktop app and the watched inbox. They take a register (storage.register.Register)
and never speak SQL themselves."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from core.cleanup import clean
from core.documents import read_document
from core.errors import DocumentError
from core.model import PrintDoc
from core.numbers import normalise_print_number
from core.parser import parse_cleaned
from core.search_query import Query, content_words
from core.who import current_user as current_user  # re-exported: the command line and the views ask here

IMPORTED, UPDATED, UNCHANGED, FAILED = "imported", "updated", "unchanged", "failed"
PASSAGE_CHARS = 900  # material is split into passages of about this size for "similar"
EXTENSIONS = (".pdf", ".docx", ".txt")  # what a folder is searched for
PARSE_SECONDS = 30.0  # a print reads in well under a second; 5 MB of text in about 8 s
STOPPED = "reading was stopped"  # a ParseWorker's reason when its caller stopped it: the file is not at fault

log = logging.getLogger(__name__)


class RegisterLike(Protocol):
    """What the services need of a register (storage.register.Register provides it)."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def file_known(self, sha256: str) -> tuple[str, int] | None: ...
    def record_file(
        self, sha256: str, name: str, size: int, *, print_id: int | None = ..., material_id: int | None = ...
    ) -> None: ...
    def find_print(self, number: str | None, parliament: str | None, fingerprint: str | None) -> int | None: ...
    def print_id(self, number: str) -> int | None: ...
    def get_print(self, print_id: int) -> Any: ...
    def lock_imports(self) -> None: ...
    def lock_print(self, print_id: int) -> None: ...
    def add_print(self, doc: PrintDoc, *, fingerprint: str | None, status: str, who: str) -> int: ...
    def replace_print(
        self,
        print_id: int,
        doc: PrintDoc,
        *,
        fingerprint: str | None,
        status: str,
        edited: set[int],
        changes: list[tuple[str, Any, Any]],
        who: str,
    ) -> None: ...
    def add_material(self, title: str, text: str, passages: list[str], source_name: str, who: str) -> int: ...
    def link_material(self, material_id: int, print_id: int, who: str) -> bool: ...
    def similar_points(self, query: Query, *, exclude_print_id: int | None, limit: int = ...) -> list[Any]: ...
    def similar_passages(self, query: Query, limit: int = ...) -> list[Any]: ...
    def count_words(self, *, force: bool = ...) -> bool: ...
    def workflow(self, print_id: int) -> dict[str, Any]: ...
    def update_print_fields(
        self, print_id: int, values: dict[str, Any], who: str, *, versions: dict[str, int] | None = ...
    ) -> list[str]: ...


@dataclass
class ImportResult:
    path: Path
    status: str  # imported, updated, unchanged, failed
    what: str = ""  # "print" or "material"
    number: str | None = None
    id: int | None = None
    reason: str = ""


@dataclass
class Skipped:
    """A file in a folder that an import leaves alone, and why (English; `in_german` for the user)."""

    path: Path
    reason: str


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # files in the folders given that were not tried

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def line(self) -> str:
        """ "2 importiert, 0 aktualisiert, 0 unverändert, 1 fehlgeschlagen" (German, for the command line)."""
        from core.wording import counts_line

        return counts_line({status: self.count(status) for status in (IMPORTED, UPDATED, UNCHANGED, FAILED)})


def fingerprint(doc: PrintDoc) -> str | None:
    """What identifies an inquiry without its number: title and the start of every point.

    Renditions of one print (the text, the PDF, the Word file) agree on it; prints that
    merely share a title do not."""
    if not doc.points:
        return None

    def norm(s: str | None) -> str:
        return re.sub(r"[^0-9a-zäöüß]+", "", (s or "").lower())

    parts = [norm(doc.title)] + [f"{p.label}:{norm(p.text)[:60]}" for p in doc.points]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def is_inquiry(doc: PrintDoc) -> bool:
    """A motion or question with numbered points; anything else is background material."""
    return bool(doc.points) and (doc.kind != "other" or doc.answer is not None)


def status_for(doc: PrintDoc, previous: str | None = None) -> str:
    """The workflow status an import implies: a published answer ends the inquiry."""
    published_answer = doc.answer is not None and not doc.answer.draft and bool(doc.answer.items)
    if published_answer and (doc.published or previous in (None, "eingegangen")):
        return "veröffentlicht"
    return previous or "eingegangen"


def merge(
    stored: PrintDoc, edited: set[int], incoming: PrintDoc
) -> tuple[PrintDoc, set[int], list[tuple[str, Any, Any]]]:
    """Combine a stored print with a newly read rendition of the same print.

    Missing facts are filled in; the motion's points stay as stored; a published answer
    replaces the stored one. Returns the merged print, the positions of answer items still
    carrying an officer's edit, and the changes as (field, old, new) for the event log —
    an edited answer text that is replaced is always among them."""
    merged = replace(stored)
    changes: list[tuple[str, Any, Any]] = []
    for name in (
        "parliament",
        "number",
        "kind",
        "title",
        "submitted",
        "received",
        "published",
        "ministry",
        "reasoning",
    ):
        old, new = getattr(stored, name), getattr(incoming, name)
        if (new and not old) or (name == "kind" and old == "other" and new != "other"):
            setattr(merged, name, new)
            changes.append((name, old, new))
    for name in ("originators", "factions"):
        if getattr(incoming, name) and not getattr(stored, name):
            setattr(merged, name, list(getattr(incoming, name)))
            changes.append((name, getattr(stored, name), getattr(incoming, name)))
    if incoming.points and not stored.points:
        merged.points = incoming.points
        changes.append(("points", None, [p.label for p in incoming.points]))

    keep_edited = set(edited)
    answer_from_incoming = False
    if incoming.answer is not None and incoming.answer.items:
        old_items = stored.answer.items if stored.answer else []
        new_items = incoming.answer.items
        same = [(o.points, _squash(o.text)) for o in old_items] == [(n.points, _squash(n.text)) for n in new_items]
        if stored.answer is None or not same:
            answer_from_incoming = True
            merged.answer = incoming.answer
            keep_edited = set()
            for k in range(max(len(old_items), len(new_items))):
                old_text = old_items[k].text if k < len(old_items) else None
                new_text = new_items[k].text if k < len(new_items) else None
                if _squash(old_text or "") != _squash(new_text or ""):
                    changes.append((f"answer:{k + 1}", old_text, new_text))
        elif stored.answer is not None:
            # same answer: fill in metadata the stored one lacks
            for name in ("date", "file_number", "signatory", "office"):
                if getattr(incoming.answer, name) and not getattr(stored.answer, name):
                    setattr(merged.answer, name, getattr(incoming.answer, name))
                    changes.append((f"answer.{name}", None, getattr(incoming.answer, name)))
            if incoming.answer.consent and not stored.answer.consent:
                merged.answer.consent = incoming.answer.consent
                changes.append(("answer.consent", [], incoming.answer.consent))

    # citations follow the text they stand in
    refs_of_answer = incoming.references if answer_from_incoming else stored.references
    refs_of_rest = stored.references if stored.points or stored.reasoning else incoming.references
    merged.references = [r for r in refs_of_rest if not r.where.startswith("answer:")] + [
        r for r in refs_of_answer if r.where.startswith("answer:")
    ]
    if answer_from_incoming or not stored.warnings:
        merged.warnings = list(incoming.warnings)
    return merged, keep_edited, changes


def _squash(text: str) -> str:
    return " ".join(text.split())


def material_title(text: str, fallback: str) -> str:
    """A document's title: its "Betreff:" line, else its first line of words (markdown dropped)."""
    m = re.search(r"^\s*(?:Betreff|Betr\.|Titel)\s*:\s*(\S.{2,200}?)\s*$", text, re.MULTILINE | re.IGNORECASE)
    if m:
        return m.group(1)
    for line in text.splitlines():
        line = re.sub(r"^[#*\s]+|[*\s]+$", "", line)
        if len(re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", line)) >= 2:
            return line[:150]
    return fallback


def passages(paragraphs: list[str], size: int = PASSAGE_CHARS) -> list[str]:
    """Group paragraphs into passages of about `size` characters (a heading stays with its text)."""
    out: list[str] = []
    current: list[str] = []
    length = 0
    for para in paragraphs:
        heading = len(para) < 80 and not para.rstrip().endswith((".", ":", ";", ",", "?", "!"))
        if current and ((heading and length > size // 3) or (length + len(para) > size and length > size // 3)):
            out.append("\n\n".join(current))
            current, length = [], 0
        current.append(para)
        length += len(para)
    if current:
        out.append("\n\n".join(current))
    return out


@dataclass
class _Prepared:
    """A file read and parsed, ready to be stored (the slow part, done outside any transaction)."""

    path: Path
    size: int
    sha: str
    link_id: int | None
    force_material: bool
    raw_text: str
    cleaned: Any
    doc: PrintDoc


def _prepare(
    register: RegisterLike,
    path: Path,
    force_material: bool,
    link: str | None,
    who: str,
    parsed: _Parsed | ImportResult | None = None,
    parse: Callable[[Path], _Parsed | ImportResult] | None = None,
) -> _Prepared | ImportResult:
    """Everything before storing: read, check whether the file is known, parse (or take `parsed`,
    done in a worker process, or have `parse` do it, e.g. a ParseWorker with its time limit)."""
    link_id = None
    if link:
        link = normalise_print_number(link) or link
        link_id = register.print_id(link)
        if link_id is None:
            return ImportResult(path, FAILED, reason=f"print {link} to link to is not in the register")
    if parsed is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return ImportResult(path, FAILED, reason=f"cannot be read ({exc.strerror or exc})")
        sha = hashlib.sha256(data).hexdigest()
    elif isinstance(parsed, ImportResult):
        return parsed
    else:
        sha = parsed.sha
    known = register.file_known(sha)
    if known is not None:
        if link_id is not None and known[0] == "material":
            with register.transaction():
                linked = register.link_material(known[1], link_id, who)
            return ImportResult(path, UPDATED if linked else UNCHANGED, "material", id=known[1])
        return ImportResult(path, UNCHANGED, known[0], id=known[1])
    if parsed is None:
        parsed = read_and_parse(path, data) if parse is None else parse(path)
        if isinstance(parsed, ImportResult):
            return parsed
    return _Prepared(path, parsed.size, sha, link_id, force_material, parsed.raw_text, parsed.cleaned, parsed.doc)


@dataclass
class _Parsed:
    sha: str
    size: int
    raw_text: str
    cleaned: Any
    doc: PrintDoc


def read_and_parse(path: Path, data: bytes | None = None) -> _Parsed | ImportResult:
    """Read and parse one file: the slow, database-free part of an import (runs in worker processes)."""
    try:
        data = path.read_bytes() if data is None else data
    except OSError as exc:
        return ImportResult(path, FAILED, reason=f"cannot be read ({exc.strerror or exc})")
    try:
        document = read_document(path, data=data)
    except DocumentError as exc:
        return ImportResult(path, FAILED, reason=str(exc).removeprefix(f"{path}: "))
    cleaned = clean(document.text)
    return _Parsed(
        hashlib.sha256(data).hexdigest(), len(data), document.text, cleaned, parse_cleaned(cleaned, document.styled)
    )


def _store(register: RegisterLike, prep: _Prepared, who: str) -> ImportResult:
    """Store a prepared file; the caller holds the transaction."""
    register.lock_imports()
    path, doc = prep.path, prep.doc
    known = register.file_known(prep.sha)  # the same bytes earlier in this batch
    if known is not None:
        return ImportResult(path, UNCHANGED, known[0], id=known[1])
    if prep.force_material or prep.link_id is not None or not is_inquiry(doc):
        title = material_title(prep.raw_text, path.stem)
        mid = register.add_material(title, prep.cleaned.text, passages(prep.cleaned.paragraphs), path.name, who)
        if prep.link_id is not None:
            register.link_material(mid, prep.link_id, who)
        register.record_file(prep.sha, path.name, prep.size, material_id=mid)
        return ImportResult(path, IMPORTED, "material", id=mid)
    fp = fingerprint(doc)
    existing = register.find_print(doc.number, doc.parliament, fp)
    if existing is None:
        pid = register.add_print(doc, fingerprint=fp, status=status_for(doc), who=who)
        _track(register, pid, doc, who)
        register.record_file(prep.sha, path.name, prep.size, print_id=pid)
        return ImportResult(path, IMPORTED, "print", doc.number, pid)
    register.lock_print(existing)  # an officer's save of it on another PC waits, or has been read
    stored = register.get_print(existing)
    merged, edited, changes = merge(stored.doc, stored.edited, doc)
    status = status_for(merged, stored.status)
    if status != stored.status:
        changes.append(("status", stored.status, status))
    if changes:
        register.replace_print(
            existing,
            merged,
            fingerprint=fingerprint(merged) or fp,
            status=status,
            edited=edited,
            changes=changes,
            who=who,
        )
        _track(register, existing, merged, who)
    register.record_file(prep.sha, path.name, prep.size, print_id=existing)
    return ImportResult(path, UPDATED if changes else UNCHANGED, "print", merged.number, existing)


def import_file(
    register: RegisterLike,
    path: str | Path,
    *,
    force_material: bool = False,
    link: str | None = None,
    who: str | None = None,
    parse: Callable[[Path], _Parsed | ImportResult] | None = None,
) -> ImportResult:
    """Import one file as a print (or as material) in one transaction; never raises for a bad file.

    `parse` reads and parses instead of this process (the inbox's ParseWorker, with a time limit)."""
    who = who or current_user()
    prep = _prepare(register, Path(path), force_material, link, who, parse=parse)
    if isinstance(prep, ImportResult):
        return prep
    with register.transaction():
        result = _store(register, prep, who)
    if result.status in (IMPORTED, UPDATED):
        register.count_words()  # for "similar", once the register has grown by a tenth
    return result


def _track(register: RegisterLike, print_id: int, doc: PrintDoc, who: str) -> None:
    """Deadlines follow the stored print: the due date from its receipt; a published answer was sent
    on the date of its letter."""
    from core.tracking import refresh_due_date

    refresh_due_date(register, print_id, who)
    if doc.answer is not None and doc.answer.date and not register.workflow(print_id)["sent_on"]:
        register.update_print_fields(print_id, {"sent_on": doc.answer.date.isoformat()}, who)


def import_files(
    register: RegisterLike,
    paths: Iterable[str | Path],
    *,
    force_material: bool = False,
    link: str | None = None,
    who: str | None = None,
    batch: int = 50,
    progress: Callable[[int, int, ImportResult], None] | None = None,
) -> ImportSummary:
    """Import many files; `progress(done, total, result)` after each.

    Files are read and parsed outside any transaction, then stored `batch` at a time in one
    transaction (a commit per file would cost more than storing it). If storing fails, the
    batch is rolled back and its files are stored one by one, so one bad file costs only itself."""
    files, refused, skipped = collect_files(paths)
    who = who or current_user()
    summary = ImportSummary(skipped=skipped)
    total = len(files) + len(refused)
    for result in refused:
        summary.results.append(result)
        if progress:
            progress(len(summary.results), total, result)
    with _parsing_pool(len(files)) as pool:
        parsed = _parse_ahead(pool, files, window=4 * batch) if pool else iter([None] * len(files))
        for start in range(0, len(files), max(1, batch)):
            chunk = files[start : start + batch]
            prepared = [_prepare(register, path, force_material, link, who, next(parsed)) for path in chunk]
            for result in _store_batch(register, prepared, who):
                summary.results.append(result)
                if progress:
                    progress(len(summary.results), total, result)
    if summary.count(IMPORTED) or summary.count(UPDATED):
        register.count_words()  # for "similar", once the register has grown by a tenth
    return summary


def _parse_ahead(pool: Any, files: list[Path], window: int) -> Iterator[_Parsed | ImportResult]:
    """Parse results in file order, the workers at most `window` files ahead of the storing. If the
    workers fail (a frozen or embedded Python that cannot spawn), the rest is parsed here."""
    pending: deque[tuple[Path, Any]] = deque()
    rest = iter(files)
    working = True

    def submit() -> None:
        nonlocal working
        path = next(rest, None)
        if path is None:
            return
        try:
            pending.append((path, pool.submit(read_and_parse, path) if working else None))
        except Exception:  # the pool is broken: parse in this process from now on
            working = False
            pending.append((path, None))

    for _ in range(window):
        submit()
    while pending:
        path, future = pending.popleft()
        result = None
        if future is not None and working:
            try:
                result = future.result()
            except Exception:
                working = False
        yield result if result is not None else read_and_parse(path)
        submit()


PARALLEL_FROM = 64  # files; below, starting worker processes costs more than it saves


@contextmanager
def _parsing_pool(n_files: int) -> Iterator[Any]:
    """Worker processes that read and parse while this process stores (parsing is most of an import)."""
    workers = min(2, os.cpu_count() or 1)
    if n_files < PARALLEL_FROM or workers < 2:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: forking a process that runs threads (the inbox, a GUI) can deadlock
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=end_with_parent) as pool:
        yield pool


def end_with_parent() -> None:
    """In a worker process: end the moment the process that started it ends, so a killed import
    or app leaves no worker behind (holding files, the caller's stderr, the resource tracker).

    A thread waits on multiprocessing's parent sentinel: a pipe the parent holds open (POSIX), the
    parent's process handle (Windows); PyInstaller's frozen app starts workers the same way. Where
    there is none, it polls os.getppid(). On Linux the kernel also kills the worker when its
    parent goes (PR_SET_PDEATHSIG; that fires when the parent's starting thread ends, and the pool
    and the ParseWorker are ended by the thread that started them)."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    parent_pid = parent.pid if parent is not None and parent.pid else os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):  # a libc without prctl: the thread still watches
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() != parent_pid:  # the parent died before the kernel was asked to tell
            os._exit(1)

    def watch() -> None:
        if parent is not None and getattr(parent, "sentinel", None) is not None:
            parent.join()  # returns when the sentinel fires: the parent is gone
        else:
            while os.getppid() == parent_pid:
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="Ziffer-Elternwache", daemon=True).start()


class ParseWorker:
    """Reads and parses one file at a time in a process of its own, so a file that takes too long
    costs only itself: after `seconds` the process is killed, the file is reported as failed and
    the next file gets a fresh process (the watched inbox goes on with the good files). Where no
    process can be started (an embedded Python), files are parsed here, without the limit.

    Use it from one thread and close() it from that thread (see end_with_parent)."""

    def __init__(self, seconds: float = PARSE_SECONDS, stop: threading.Event | None = None) -> None:
        self.seconds = seconds
        self.stop = stop  # set: the file being read is dropped at once (reported as STOPPED), e.g. on quit
        self._process: Any = None
        self._conn: Any = None
        self._unavailable = False

    def parse(self, path: Path, read_from: Path | None = None) -> _Parsed | ImportResult:
        """Read and parse `read_from` (default: `path`); failures are reported for `path`."""
        path = Path(path)
        if not self._ensure():
            return _parse_job(str(read_from or path), str(path))
        deadline = time.monotonic() + self.seconds
        try:
            self._conn.send((str(read_from or path), str(path)))
            while not (answered := self._conn.poll(min(0.2, max(0.0, deadline - time.monotonic())))):
                if self.stop is not None and self.stop.is_set():
                    self.close(kill=True)
                    return ImportResult(path, FAILED, reason=STOPPED)
                if time.monotonic() >= deadline:
                    break
        except OSError:
            answered = True  # the worker is gone; recv() says so
        if not answered:
            self.close(kill=True)
            reason = f"reading took longer than {self.seconds:g} s; the file was given up"
            return ImportResult(path, FAILED, reason=reason)
        try:
            return self._conn.recv()
        except (EOFError, OSError):  # killed (out of memory?) or crashed in a C library
            process = self._process
            self.close(kill=True)
            code = process.exitcode if process is not None else None
            return ImportResult(path, FAILED, reason=f"the reader stopped unexpectedly (exit status {code})")

    def _ensure(self) -> bool:
        if self._process is not None and self._process.is_alive():
            return True
        self.close(kill=True)
        if self._unavailable:
            return False
        import multiprocessing

        try:
            context = multiprocessing.get_context("spawn")  # not fork: the caller runs threads
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs,), name="Ziffer-Leser", daemon=True)
            process.start()
            theirs.close()
            self._process, self._conn = process, ours
            if ours.poll(60) and ours.recv() == "ready":  # imports done, the worker can read
                return True
        except Exception:
            log.warning("no reader process could be started; files are read in this process", exc_info=True)
        self.close(kill=True)
        self._unavailable = True
        return False

    def close(self, kill: bool = False) -> None:
        """End the worker: at once with `kill`, else after the file it reads."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()  # the worker reads EOF and ends
        if process is not None:
            if not kill:
                process.join(2)
            if process.is_alive():
                process.kill()
            process.join(5)

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _parse_job(read_from: str, path: str) -> _Parsed | ImportResult:
    result: _Parsed | ImportResult
    try:
        result = read_and_parse(Path(read_from))
    except Exception as exc:  # a parser bug with this file: the file fails, the worker goes on
        result = ImportResult(Path(path), FAILED, reason=f"internal error ({type(exc).__name__}: {exc})")
    if isinstance(result, ImportResult):
        result.path = Path(path)
    return result


def _serve(conn: Any) -> None:
    """A ParseWorker's process: one (read_from, path) at a time until the pipe closes."""
    end_with_parent()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_parse_job(*job))


def _store_batch(register: RegisterLike, prepared: list[_Prepared | ImportResult], who: str) -> list[ImportResult]:
    """Store a batch in one transaction; if that fails, file by file, so one bad file costs only itself."""
    try:
        with register.transaction():
            return [p if isinstance(p, ImportResult) else _store(register, p, who) for p in prepared]
    except Exception:
        results = []
        for p in prepared:
            if isinstance(p, ImportResult):
                results.append(p)
                continue
            try:
                with register.transaction():
                    results.append(_store(register, p, who))
            except Exception as exc:  # a file the register cannot take: reported, the rest goes on
                results.append(ImportResult(p.path, FAILED, reason=f"cannot be stored ({type(exc).__name__}: {exc})"))
        return results


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders as the .pdf, .docx and .txt files inside them (see collect_files)."""
    yield from collect_files(paths)[0]


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportResult], list[Skipped]]:
    """What importing `paths` means: the files to read, the files refused, the files left alone.

    A file given by name is read whatever its name (and wherever a link leads: the user chose it).
    A folder is searched recursively (sorted) for .pdf, .docx and .txt files; other files are
    skipped, and so is a link to a folder (never followed, so a folder cannot reach outside
    itself or loop). A link to a file is read only if the file lies inside the folder; one leading
    out of it is refused as failed, since a folder someone else filled must not make Ziffer read
    another of the user's files."""
    files: list[Path] = []
    refused: list[ImportResult] = []
    skipped: list[Skipped] = []
    for top in map(Path, paths):
        if not top.is_dir():
            files.append(top)
            continue
        base = Path(os.path.realpath(top))
        found: list[Path] = []
        for directory, dirnames, filenames in os.walk(top):
            for name in sorted(dirnames):
                if os.path.islink(os.path.join(directory, name)):
                    skipped.append(Skipped(Path(directory, name), "a link to a folder; not followed"))
            for name in filenames:
                path = Path(directory, name)
                if not name.lower().endswith(EXTENSIONS):
                    skipped.append(Skipped(path, "not a .pdf, .docx or .txt file"))
                    continue
                if os.path.islink(path):
                    target = Path(os.path.realpath(path))
                    if not target.is_relative_to(base):
                        reason = f"a link to {target} outside the folder; not read"
                        refused.append(ImportResult(path, FAILED, reason=reason))
                        continue
                with contextlib.suppress(OSError):  # gone or dangling: reading it says so
                    if not stat.S_ISREG(os.stat(path).st_mode):
                        skipped.append(Skipped(path, "not a regular file"))
                        continue
                found.append(path)
        files.extend(sorted(found))
    return files, refused, skipped


@dataclass
class SimilarForPoint:
    label: str
    text: str
    points: list[Any]
    passages: list[Any]


def similar_query(title: str | None, point_text: str) -> Query:
    """What "similar" searches for a point: the distinctive words of its print's title and its text."""
    return content_words(f"{title or ''} {point_text}")


def similar(
    register: RegisterLike, print_id: int, point: str | None = None, *, limit: int = 5, passages_limit: int = 3
) -> list[SimilarForPoint]:
    """For each point (or one), the most similar answered points of other prints and material passages.

    Ranking: the point's distinctive words (stopwords dropped, long compounds first) are
    searched with OR in the other prints' points; SQLite's bm25 scores each candidate, the
    question's wording weighing three times its answer's, so rare shared words ("KI-Allianz",
    "Förderbescheid") count far more than common ones. The same words rank material passages.
    """
    stored = register.get_print(print_id)
    out = []
    for p in stored.doc.points:
        if point is not None and p.label != point:
            continue
        query = similar_query(stored.doc.title, p.text)
        out.append(
            SimilarForPoint(
                p.label,
                p.text,
                register.similar_points(query, exclude_print_id=print_id, limit=limit),
                register.similar_passages(query, limit=passages_limit),
            )
        )
    return out
