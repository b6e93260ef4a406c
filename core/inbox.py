"""The watched inbox: every print dropped into a folder is imported, then filed away.

A file that arrives in the inbox folder (or a subfolder of it) as .pdf, .docx or .txt is
imported with the import service (`core.services.import_file`) once it is completely written,
then moved to `archiv/`; a file that cannot be read goes to `fehler/` with a short German text
beside it (`NAME.fehler.txt`) saying why. Nothing is ever deleted or overwritten.

How it works:

- One worker thread does everything that touches the register: it opens the register with
  `open_register()` itself (a SQLite connection belongs to the thread that uses it) and
  imports one file at a time, in order of arrival, so a burst of hundreds of files is a queue.
- watchdog reports new, changed and renamed files at once; a poll of the folder every
  `poll_seconds` is the safety net for events that get lost (network drives, bursts, a
  watched folder that was removed and created anew). On start the folder is scanned, so
  files that arrived while the inbox was not running are picked up.
- A file counts as completely written when its size and modification time have not changed
  for `settle_seconds` (by the inbox's own clock) and it can be opened for reading; until
  then it waits. A file that changes while it is read is read again later.
- If the watched folder disappears, the inbox keeps running: it polls until the folder is
  back and then watches it again.
- Files are read and parsed in a worker process (`core.services.ParseWorker`): one that takes
  longer than `parse_seconds` (or kills its reader) goes to `fehler/`, and the next file is read.
  A Word file that would unpack to far more than a print (a zip bomb) is refused before it is
  unpacked (`core.documents`).
- A link is never read through when it leads out of the inbox folder (`ln -s /etc/passwd
  passwd.txt`): it goes to `fehler/` with the reason. Links to subfolders are not followed.
- Every file is accounted for: a .pdf/.docx/.txt is imported or goes to `fehler/`; any other
  file, and a hidden one ("..Antrag.txt": tools keep their own files so), stays and is named
  once in the log, except transient ones (Office lock files, partial downloads, system files).

`on_result` is called from the worker thread (a GUI must hand it over to its own thread).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import queue
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MOVED,
    EVENT_TYPE_OPENED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from core.errors import in_german, os_reason_german
from core.services import FAILED, PARSE_SECONDS, STOPPED, ImportResult, ParseWorker, RegisterLike, import_file
from core.wording import import_status_name, what_name

log = logging.getLogger(__name__)

ARCHIVE, ERRORS = "archiv", "fehler"
EXTENSIONS = (".pdf", ".docx", ".txt")  # so "x.pdf.part", ".crdownload", ".tmp" never qualify
# names that come and go while something else works on them: never named, never moved
TRANSIENT = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp", "#")
SYSTEM_FILES = ("desktop.ini", "thumbs.db", ".ds_store")
REASON_SUFFIX = ".fehler.txt"  # the note beside a file in fehler/
READ_ATTEMPTS = 3  # a file that exists but cannot be read goes to fehler/ after this many tries
OBSERVER_RETRY_SECONDS = 30.0  # when watchdog cannot watch the folder (e.g. inotify limits): poll meanwhile

_WAKE = object()  # wakes the worker (stop)
_RESCAN = object()  # a folder came or went: check the watch and scan


@dataclass
class InboxResult(ImportResult):
    """An import result of the inbox: where the file went and anything that went wrong moving it."""

    moved_to: Path | None = None  # archiv/… or fehler/…; None when it stayed in the inbox or vanished
    note: str = ""  # e.g. why the file could not be moved (then it stays in the inbox and is tried again)


@dataclass
class _Seen:
    sig: tuple[int, int] | None  # (size, mtime_ns) when last looked at
    since: float  # monotonic time since which `sig` has not changed
    not_before: float = 0.0  # do not look again before this time (a locked file)


@dataclass
class _Request:
    """scan_once() asked of a running worker."""

    done: threading.Event
    results: list[InboxResult]


def wanted_name(name: str) -> bool:
    """A file name the inbox imports: .pdf/.docx/.txt, not hidden, not an Office lock or temp file."""
    lower = name.lower()
    return (
        lower.endswith(EXTENSIONS)
        and not name.startswith((".", "~"))  # hidden files, "~$Antrag.docx" (Word's lock file), "~WRL0001.tmp"
        and not lower.endswith(REASON_SUFFIX)  # our own notes, should one come back with its file
    )


def transient_name(name: str) -> bool:
    """A name the inbox passes over without a word: lock files, partial downloads, system files."""
    lower = name.lower()
    return (
        name.startswith(("~", ".~lock", ".#"))
        or lower.endswith(TRANSIENT)
        or lower.endswith(REASON_SUFFIX)
        or lower in SYSTEM_FILES
    )


class _Handler(FileSystemEventHandler):
    """Turns watchdog events (on watchdog's thread) into work for the worker."""

    def __init__(self, put: Callable[[object], None]) -> None:
        self._put = put

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if event.is_directory:
            if kind in (EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED):
                self._put(_RESCAN)  # a subfolder arrived, or the inbox itself went away
            return
        if kind in (EVENT_TYPE_DELETED, EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE):  # nothing new to read
            return
        # created, modified, closed (after writing), moved (a download renamed to its final name)
        path = event.dest_path if kind == EVENT_TYPE_MOVED else event.src_path
        if path:
            self._put(Path(os.fsdecode(path)))


class Inbox:
    """A folder whose prints are imported into the register as they arrive."""

    def __init__(
        self,
        folder: Path,
        open_register: Callable[[], RegisterLike],
        *,
        on_result: Callable[[ImportResult], None] | None = None,
        settle_seconds: float = 1.0,
        poll_seconds: float = 2.0,
        who: str | None = None,
        parse_seconds: float = PARSE_SECONDS,
    ) -> None:
        self.folder = Path(folder).absolute()
        self.archive = self.folder / ARCHIVE
        self.errors = self.folder / ERRORS
        self.open_register = open_register
        self.on_result = on_result
        self.settle_seconds = settle_seconds
        self.poll_seconds = poll_seconds
        self.who = who
        self.parse_seconds = parse_seconds
        self._parser: ParseWorker | None = None  # the reader process of the worker (or of scan_once)
        self._named: set[Path] = set()  # files left in the inbox that the log has named
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._pending: dict[Path, _Seen] = {}  # insertion order = order of arrival
        self._retry_after: dict[Path, float] = {}  # files left in the inbox after a failed move or read
        self._attempts: dict[Path, int] = {}  # failed reads of a file that exists
        self._move_reported: set[Path] = set()  # a failed move is reported once, not at every retry
        self._requests: list[_Request] = []
        self._rescan = False
        self._next_due = float("inf")
        self._observer: Any = None
        self._real_folder: Path | None = None  # the folder with symlinks resolved, when it differs
        self._watched: tuple[int, int] | None = None  # (st_dev, st_ino) of the folder the observer watches
        self._observer_retry_at = 0.0
        self._folder_missing_logged = False
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._started = threading.Event()
        self._failure: BaseException | None = None
        self._lock = threading.RLock()  # start(), stop() and a scan_once() without worker exclude each other

    # -- public -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True while the worker thread watches the folder."""
        thread = self._thread
        return thread is not None and thread.is_alive() and not self._stopping.is_set()

    def start(self) -> None:
        """Start watching: the worker opens the register and imports what is already waiting.

        Raises what `open_register()` raised if the register cannot be opened."""
        with self._lock:
            if self.running:
                return
            if self._thread is not None:  # a worker a stop(timeout) left behind: let it finish first
                self._thread.join()
            self._stopping.clear()
            self._started.clear()
            self._failure = None
            self._thread = threading.Thread(target=self._run, name=f"Ziffer-Eingang {self.folder.name}", daemon=True)
            self._thread.start()
            self._started.wait()
            if self._failure is not None:
                self._thread.join()
                self._thread = None
                raise self._failure

    def stop(self, timeout: float | None = None) -> None:
        """Stop watching after the file being imported (if any); files still waiting stay in the folder."""
        with self._lock:
            self._stopping.set()
            self._queue.put(_WAKE)
            thread = self._thread
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout)
            if thread is None or not thread.is_alive():
                self._thread = None

    def scan_once(self) -> list[InboxResult]:
        """Import everything waiting in the folder now and return the results (synchronously).

        Files still being written are waited for a while (ten times `settle_seconds`, at least
        5 s), then left for later. While the inbox runs, its worker does the work."""
        if self.running:
            request = _Request(threading.Event(), [])
            self._queue.put(request)
            while not request.done.wait(0.2):
                if not self.running:
                    break
            return request.results
        with self._lock:
            self._stopping.clear()  # a stop() of an earlier run must not end this scan
            register = self.open_register()
            self._parser = ParseWorker(self.parse_seconds)
            try:
                return self._import_waiting(register)
            finally:
                self._parser.close()
                self._parser = None
                _close(register)

    # -- the worker ---------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            register = self.open_register()
        except BaseException as exc:
            self._failure = exc
            self._started.set()
            return
        self._started.set()
        self._parser = ParseWorker(self.parse_seconds, stop=self._stopping)  # stop() does not wait for a slow file
        try:
            self._loop(register)
        except Exception:  # a bug in the inbox itself: say so, never hang the caller
            log.exception("the inbox worker stopped")
        finally:
            self._parser.close()
            self._parser = None
            self._stop_observer()
            for request in self._requests:
                request.done.set()
            self._requests.clear()
            _close(register)

    def _loop(self, register: RegisterLike) -> None:
        self._check_folder()
        self._scan()
        next_poll = time.monotonic() + self.poll_seconds
        while not self._stopping.is_set():
            now = time.monotonic()
            if now >= next_poll or self._rescan:
                self._rescan = False
                self._check_folder()
                self._scan()
                next_poll = now + self.poll_seconds
            if self._requests:
                requests, self._requests = self._requests, []
                for request in requests:
                    request.results.extend(self._import_waiting(register))
                    request.done.set()
                continue
            ready = self._ready(now)
            for path in ready:
                if self._stopping.is_set() or self._requests:
                    break
                self._process(register, path)
                self._drain()
            if ready:
                continue
            self._wait(min(next_poll, self._next_due) - time.monotonic())

    def _import_waiting(self, register: RegisterLike) -> list[InboxResult]:
        """scan_once(): everything in the folder now, waiting for files still being written."""
        self._scan()
        targets = set(self._pending)
        results: list[InboxResult] = []
        patience = max(5.0, 10 * self.settle_seconds)  # for files that are still being written
        give_up = time.monotonic() + patience
        while not self._stopping.is_set() and time.monotonic() < give_up:
            self._drain()
            if not targets & self._pending.keys():
                break
            ready = self._ready(time.monotonic())
            for path in ready:
                result = self._process(register, path)
                if result is not None:
                    results.append(result)
            if ready:
                give_up = time.monotonic() + patience
            else:
                self._wait(min(0.05, self._next_due - time.monotonic()))
        return results

    def _wait(self, seconds: float) -> None:
        """Sleep until an event arrives or `seconds` have passed, then take everything queued."""
        try:
            item = self._queue.get(timeout=min(max(seconds, 0.01), self.poll_seconds))
        except queue.Empty:
            return
        self._take(item)
        self._drain()

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            self._take(item)

    def _take(self, item: object) -> None:
        if isinstance(item, Path):
            if self._real_folder is not None and not item.is_relative_to(self.folder):
                with contextlib.suppress(ValueError):  # macOS reports /private/var/… for /var/…
                    item = self.folder / item.relative_to(self._real_folder)
            self._add(item)
        elif item is _RESCAN:
            self._rescan = True
        elif isinstance(item, _Request):
            self._requests.append(item)  # served by the worker's loop after the current file

    # -- finding files ------------------------------------------------------------------------

    def _wanted(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self.folder).parts
        except ValueError:
            return False
        if not parts or parts[0].casefold() in (ARCHIVE, ERRORS):
            return False
        return all(not p.startswith(".") for p in parts[:-1]) and wanted_name(parts[-1])

    def _add(self, path: Path) -> None:
        if path in self._pending or not self._wanted(path):
            return
        if self._retry_after.get(path, 0.0) > time.monotonic():
            return
        self._pending[path] = _Seen(None, time.monotonic())
        self._next_due = time.monotonic()

    def _scan(self) -> None:
        """Queue every wanted file in the folder and its subfolders (not archiv/, fehler/, hidden ones)."""

        def walk(directory: str, top: bool) -> None:
            try:
                with os.scandir(directory) as entries:
                    found = list(entries)
            except OSError:  # gone, or not readable just now: the next poll tries again
                return
            for entry in sorted(found, key=lambda e: e.name):
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if not entry.name.startswith(".") and not (top and entry.name.casefold() in (ARCHIVE, ERRORS)):
                            walk(entry.path, False)
                    elif wanted_name(entry.name):
                        self._add(Path(entry.path))  # links too: _import refuses those that lead out
                    elif entry.name.startswith(".") and entry.name.lower().endswith(EXTENSIONS):
                        self._name_once(Path(entry.path), "a hidden file (its name starts with a dot)")
                    elif not transient_name(entry.name):
                        self._name_once(Path(entry.path), "not a .pdf, .docx or .txt file")
                except OSError:
                    continue

        walk(str(self.folder), True)

    def _name_once(self, path: Path, reason: str) -> None:
        """Say once in the log that a file stays in the inbox, and why (German, for the user)."""
        if path in self._named:
            return
        self._named.add(path)
        with contextlib.suppress(ValueError):
            path = path.relative_to(self.folder)
        log.warning("Eingangsordner: „%s“ bleibt liegen – %s", path, in_german(reason).rstrip("."))

    def _outside(self, path: Path) -> Path | None:
        """Where a link in the inbox leads, when that is outside the inbox folder (never read then)."""
        target = Path(os.path.realpath(path))
        return None if target.is_relative_to(os.path.realpath(self.folder)) else target

    def _ready(self, now: float) -> list[Path]:
        """The waiting files that have been unchanged for settle_seconds; notes when to look next."""
        ready = []
        self._next_due = float("inf")
        for path, seen in list(self._pending.items()):
            if seen.not_before > now:
                self._next_due = min(self._next_due, seen.not_before)
                continue
            if os.path.islink(path) and self._outside(path) is not None:  # refused at once, never waited on
                ready.append(path)
                continue
            try:
                st = os.stat(path)
            except FileNotFoundError:
                self._forget(path)
                continue
            except OSError:
                seen.not_before = now + self.settle_seconds
                self._next_due = min(self._next_due, seen.not_before)
                continue
            if not stat.S_ISREG(st.st_mode):
                self._forget(path)
                self._name_once(path, "not a regular file")
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if sig != seen.sig:
                seen.sig, seen.since = sig, now
            if now - seen.since >= self.settle_seconds:
                ready.append(path)
            else:
                self._next_due = min(self._next_due, seen.since + self.settle_seconds)
        return ready

    def _forget(self, path: Path) -> None:
        self._pending.pop(path, None)
        self._retry_after.pop(path, None)
        self._attempts.pop(path, None)
        self._move_reported.discard(path)

    # -- one file -----------------------------------------------------------------------------

    def _process(self, register: RegisterLike, path: Path) -> InboxResult | None:
        """Import one settled file and file it away; report the result. Never raises."""
        seen = self._pending.get(path)
        if seen is None:
            return None
        try:
            result = self._import(register, path, seen)
        except Exception as exc:  # a bug in moving or reporting: report it, keep the worker alive
            log.exception("inbox: %s", path)
            self._pending.pop(path, None)
            self._retry_after[path] = time.monotonic() + max(self.poll_seconds, 5.0)
            result = InboxResult(path, FAILED, reason=f"internal error ({type(exc).__name__}: {exc})")
        if result is not None:
            self._report(result)
        return result

    def _import(self, register: RegisterLike, path: Path, seen: _Seen) -> InboxResult | None:
        now = time.monotonic()
        target = self._outside(path)
        if target is not None:  # a link leading out of the inbox: filed away unread (the link moves, not its file)
            del self._pending[path]
            reason = f"a link to {target} outside the inbox; not read"
            return self._file_away(InboxResult(path, FAILED, reason=reason), self.errors)
        try:
            with open(path, "rb") as f:  # can it be opened (Windows: not while the writer locks it)?
                st = os.fstat(f.fileno())
                f.read(1)
        except FileNotFoundError:
            self._forget(path)
            return None
        except OSError:
            seen.not_before = now + self.settle_seconds
            return None
        if (st.st_size, st.st_mtime_ns) != seen.sig:  # changed since it was found settled: wait again
            seen.sig, seen.since = (st.st_size, st.st_mtime_ns), now
            return None
        del self._pending[path]
        parse = None
        if self._parser is not None:  # in the reader process, by the name checked to lie inside the inbox
            parse = functools.partial(self._parser.parse, read_from=Path(os.path.realpath(path)))
        try:
            imported = import_file(register, path, who=self.who, parse=parse)
            result = InboxResult(**{f.name: getattr(imported, f.name) for f in fields(imported)})
        except Exception as exc:  # a parser or database bug with this file: report it, go on with the next
            log.exception("inbox: importing %s", path)
            result = InboxResult(path, FAILED, reason=f"internal error ({type(exc).__name__}: {exc})")
        if result.status == FAILED and result.reason == STOPPED:  # the inbox stops: the file stays for next time
            return None
        try:
            st = os.stat(path)
        except FileNotFoundError:  # removed meanwhile: nothing to file away
            self._forget(path)
            return None if result.status == FAILED else result
        if (st.st_size, st.st_mtime_ns) != seen.sig:  # written to while being read: read it again
            self._pending[path] = _Seen((st.st_size, st.st_mtime_ns), time.monotonic())
            return None if result.status == FAILED else result
        if result.status == FAILED:
            if result.reason.startswith("cannot be read"):  # the service's words for an OSError while reading
                attempts = self._attempts.get(path, 0) + 1
                self._attempts[path] = attempts
                if attempts < READ_ATTEMPTS:
                    self._retry_after[path] = time.monotonic() + max(self.settle_seconds, self.poll_seconds)
                    return None
            return self._file_away(result, self.errors)
        return self._file_away(result, self.archive)

    def _file_away(self, result: InboxResult, target: Path) -> InboxResult | None:
        """Move the file to archiv/ or fehler/ (keeping its subfolder and name); on failure leave it."""
        path = result.path
        try:
            dest = self._move(path, target)
        except FileNotFoundError:  # removed in the meantime
            self._forget(path)
            return None if result.status == FAILED else result
        except OSError as exc:
            self._retry_after[path] = time.monotonic() + max(self.poll_seconds, 5.0)
            result.note = (
                f"kann nicht nach {target.name}/ verschoben werden ({os_reason_german(exc)}); sie bleibt im Eingang"
            )
            if path in self._move_reported:
                return None
            self._move_reported.add(path)
            return result
        self._forget(path)
        result.moved_to = dest
        if result.status == FAILED:
            try:
                _write_reason(dest, result.reason)
            except OSError as exc:
                result.note = (
                    f"der Vermerk {dest.name}{REASON_SUFFIX} kann nicht geschrieben werden ({os_reason_german(exc)})"
                )
        return result

    def _move(self, path: Path, target: Path) -> Path:
        relative = path.relative_to(self.folder)
        target.mkdir(exist_ok=True)  # not parents=True: never re-create a vanished inbox
        directory = target.joinpath(*relative.parts[:-1])
        directory.mkdir(parents=True, exist_ok=True)
        dest = free_name(directory, path.name)
        os.replace(path, dest)  # same folder tree, so a rename: atomic, never a half copy
        return dest

    def _report(self, result: InboxResult) -> None:
        if self.on_result is None:
            return
        try:
            self.on_result(result)
        except Exception:
            log.exception("inbox: on_result failed for %s", result.path)

    # -- watching -----------------------------------------------------------------------------

    def _check_folder(self) -> None:
        """(Re)create the watchdog observer when the folder is new, back, or the watch has died."""
        try:
            st = os.stat(self.folder)
            ident = (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None
        except OSError:
            ident = None
        observer = self._observer
        if observer is not None:
            alive = observer.is_alive() and all(e.is_alive() for e in getattr(observer, "emitters", ()))
            if alive and ident == self._watched:
                return
            self._stop_observer()
        if ident is None:
            if not self._folder_missing_logged:
                log.warning("inbox folder %s is missing; waiting for it", self.folder)
                self._folder_missing_logged = True
            return
        if self._folder_missing_logged:
            log.warning("inbox folder %s is back", self.folder)
            self._folder_missing_logged = False
        if time.monotonic() < self._observer_retry_at:
            return
        try:
            observer = Observer()
            observer.schedule(_Handler(self._queue.put), str(self.folder), recursive=True)
            observer.start()
        except Exception as exc:  # e.g. the inotify watch limit, a share that cannot be watched: poll
            log.warning("cannot watch %s (%s); polling every %s s", self.folder, exc, self.poll_seconds)
            self._observer_retry_at = time.monotonic() + OBSERVER_RETRY_SECONDS
            return
        self._observer, self._watched = observer, ident
        real = Path(os.path.realpath(self.folder))
        self._real_folder = real if real != self.folder else None
        self._scan()  # what arrived before the watch began

    def _stop_observer(self) -> None:
        observer, self._observer, self._watched = self._observer, None, None
        if observer is not None:
            with contextlib.suppress(Exception):
                observer.stop()
                observer.join(timeout=5)


def free_name(directory: Path, name: str) -> Path:
    """`name` in `directory`, or "NAME (2).EXT", "NAME (3).EXT" … if taken (by the file or its note)."""
    stem, dot, ext = name.rpartition(".")
    if not stem:
        stem, dot, ext = name, "", ""
    n = 1
    while True:
        candidate = directory / (name if n == 1 else f"{stem} ({n}){dot}{ext}")
        note = candidate.with_name(candidate.name + REASON_SUFFIX)
        if not os.path.lexists(candidate) and not os.path.lexists(note):
            return candidate
        n += 1


def _write_reason(dest: Path, reason: str) -> None:
    when = datetime.now()
    text = (
        f"Ziffer konnte die Datei „{dest.name}“ nicht importieren: {in_german(reason).rstrip('.')}.\n"
        f"Sie wurde am {when:%d.%m.%Y um %H:%M:%S} Uhr aus dem Eingangsordner hierher verschoben; "
        "eine berichtigte Fassung kann wieder in den Eingangsordner gelegt werden.\n"
    )
    note = dest.with_name(dest.name + REASON_SUFFIX)
    with open(note, "x", encoding="utf-8-sig") as f:  # "x": never overwrite; BOM: Windows editors read umlauts
        f.write(text)


def _close(register: object) -> None:
    close = getattr(register, "close", None)
    if callable(close):
        with contextlib.suppress(Exception):
            close()


def result_line(result: ImportResult, folder: Path | None = None) -> str:
    """One German line for the command line: "[14:03:12] a.pdf: importiert 17/9321" or "… fehlgeschlagen –
    Grund → fehler/"."""
    name = result.path.name
    if folder is not None:
        with contextlib.suppress(ValueError):
            name = result.path.relative_to(folder).as_posix()
    head = f"[{datetime.now():%H:%M:%S}] {name}:"
    moved_to = getattr(result, "moved_to", None)
    note = getattr(result, "note", "")
    if result.status == FAILED:
        line = f"{head} {import_status_name(FAILED)} – {in_german(result.reason).rstrip('.')}"
        if moved_to is not None:
            line += f" → {ERRORS}/"
    else:
        line = f"{head} {import_status_name(result.status)} {result.number or what_name(result.what)}".rstrip()
    if note:
        line += f" ({note})"
    return line


def watch(
    folder: Path,
    open_register: Callable[[], RegisterLike],
    *,
    stop: threading.Event | None = None,
    out: Callable[[str], object] = print,
    settle_seconds: float = 1.0,
    poll_seconds: float = 2.0,
    who: str | None = None,
    parse_seconds: float = PARSE_SECONDS,
) -> int:
    """Watch `folder` (created if missing) until Ctrl+C or `stop` is set, one line per file.

    Returns 0 (1 if the worker ended by itself, a bug that is logged). Raises what
    `open_register()` raises when the register cannot be opened (e.g. storage.db.StorageError)."""
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    stop = stop or threading.Event()
    inbox = Inbox(
        folder,
        open_register,
        on_result=lambda r: out(result_line(r, folder)),
        settle_seconds=settle_seconds,
        poll_seconds=poll_seconds,
        who=who,
        parse_seconds=parse_seconds,
    )
    inbox.start()
    out(f"Ziffer überwacht {folder}: Importiertes kommt nach {ARCHIVE}/, Unlesbares nach {ERRORS}/ (Strg+C beendet).")
    died = False
    try:
        while not stop.wait(0.5):
            if not inbox.running:  # the worker ended by itself: a bug, already logged
                died = True
                break
    except KeyboardInterrupt:
        pass
    finally:
        inbox.stop()
    return 1 if died else 0
