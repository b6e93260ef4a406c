"""The register's services: import, merge, similar answers. The same functions serve the command
line, the desktop app and the watched inbox. They take a register (storage.register.Register)
and never speak SQL themselves."""

from __future__ import annotations

import getpass
import hashlib
import os
import re
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

IMPORTED, UPDATED, UNCHANGED, FAILED = "imported", "updated", "unchanged", "failed"
PASSAGE_CHARS = 900  # material is split into passages of about this size for "similar"


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
    def workflow(self, print_id: int) -> dict[str, Any]: ...
    def update_print_fields(self, print_id: int, values: dict[str, Any], who: str) -> list[str]: ...


def current_user() -> str:
    """Who is working, for the event log."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "ziffer"


@dataclass
class ImportResult:
    path: Path
    status: str  # imported, updated, unchanged, failed
    what: str = ""  # "print" or "material"
    number: str | None = None
    id: int | None = None
    reason: str = ""


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def line(self) -> str:
        return (
            f"{self.count(IMPORTED)} imported, {self.count(UPDATED)} updated, "
            f"{self.count(UNCHANGED)} unchanged, {self.count(FAILED)} failed"
        )


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
) -> _Prepared | ImportResult:
    """Everything before storing: read, check whether the file is known, parse (or take `parsed`,
    done in a worker process)."""
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
        parsed = read_and_parse(path, data)
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
) -> ImportResult:
    """Import one file as a print (or as material) in one transaction; never raises for a bad file."""
    who = who or current_user()
    prep = _prepare(register, Path(path), force_material, link, who)
    if isinstance(prep, ImportResult):
        return prep
    with register.transaction():
        return _store(register, prep, who)


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
    files = list(expand_paths(paths))
    who = who or current_user()
    summary = ImportSummary()
    with _parsing_pool(len(files)) as pool:
        parsed = _parse_ahead(pool, files, window=4 * batch) if pool else iter([None] * len(files))
        for start in range(0, len(files), max(1, batch)):
            chunk = files[start : start + batch]
            prepared = [_prepare(register, path, force_material, link, who, next(parsed)) for path in chunk]
            for result in _store_batch(register, prepared, who):
                summary.results.append(result)
                if progress:
                    progress(len(summary.results), len(files), result)
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
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


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
    """Files as given; folders as the .pdf, .docx and .txt files inside them (recursively, sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".pdf", ".docx", ".txt"))
        else:
            yield p


@dataclass
class SimilarForPoint:
    label: str
    text: str
    points: list[Any]
    passages: list[Any]


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
        query = content_words(f"{stored.doc.title or ''} {p.text}")
        out.append(
            SimilarForPoint(
                p.label,
                p.text,
                register.similar_points(query, exclude_print_id=print_id, limit=limit),
                register.similar_passages(query, limit=passages_limit),
            )
        )
    return out
