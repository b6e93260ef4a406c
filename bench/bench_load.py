"""Load test of the shared register (issue 12): 20 officers saving answers at once, with imports.

    .venv/bin/python bench/bench_load.py [--db sqlite|postgresql|both] [--seconds 60] [--workers 20]
                                         [--pg URL] [--db-dir DIR] [--seed S] [--unversioned]

Not a timed test: it prints figures, and the checks below, for each database (a SQLite file and a
PostgreSQL database; without --pg a server is started in a temp folder with `pgserver`).

Set-up: a fresh register with 50 synthetic prints (`bench/synthetic.py`) that have answers of 4–9
items. Then `--workers` processes (multiprocessing, spawn; each with its own connection, as each
PC's Ziffer has) run for `--seconds`, each in a loop (see `worker`):

  - pick a random print of the 50 and a random answer item; read its text and version (get_print:
    both in one statement, as the editor reads them);
  - think 0–50 ms, so that another worker saves the same item in between now and then;
  - save the text with a unique marker "[load wNN#NNNNNN]" (worker and counter) in place of any
    earlier marker, with `version=` the one read, in one transaction: accepted (the marker and the
    new version are recorded) or refused with VersionConflict; the save's wall time is recorded;
  - every 20th iteration instead: write a new synthetic print (a number no other worker uses) as a
    BW .txt file and `import_file` it.

Anything else raised is an error: counted, and the first tracebacks printed.

The checker afterwards, for each database:

  lost            accepted saves whose marker is in no logged event (`register.events`, field
                  answer:N, the `new` value) of that item — must be 0
  overwritten     accepted saves that did not rest on the text they replaced: the text the worker
                  read carried another marker than the logged event before its own (someone's save
                  in between was overwritten unseen, the classic lost update) — must be 0
  chain breaks    per item, the logged events in order: each event's `old` must be the previous
                  event's `new` (the first: the text prepared), the last event's `new` must be the
                  stored text, and the accepted saves ordered by their new version must be the
                  events' order; a break: the log does not tell the item's history as it
                  happened — must be 0
  version errors  an item whose stored version is not the highest version accepted for it, a new
                  version given twice within a print, or a conflict whose stored version was the
                  one the save rested on (refused for nothing) — must be 0
  unaccounted     attempts − accepted − conflicts: saves neither accepted nor refused with
                  VersionConflict (they raised something else, also counted as errors) — must be 0
  integrity       SQLite: PRAGMA integrity_check; both: no two prints with one number, prints =
                  50 + imported, files = imported, one answer event per accepted save, answer
                  items unchanged in number, the full-text index matches the text (SQLite: FTS5's
                  integrity-check against the stored text; server: one index row per print and
                  point), no orphan rows
                  (the PostgreSQL that pgserver ships has no amcheck to check the indexes with)

Printed per database: attempts, accepted, conflicts, lost, errors, save latency p50/p95 (all saves;
accepted ones apart), imports/s; and the machine (CPUs, Python, SQLite and PostgreSQL versions).
--db-dir keeps the SQLite file and the written prints. --unversioned saves without `version=` (as
the command line does): a test of the checker, which must then report saves that overwrote others
unseen on both databases.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import re
import shlex
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pg_server import fresh_database, pg_admin_url, server_version  # noqa: E402
from synthetic import DEFAULT_SEED, make_print, rng_for, write_text_prints  # noqa: E402

from core.services import IMPORTED, fingerprint, import_file, status_for  # noqa: E402
from storage.db import VersionConflict  # noqa: E402
from storage.register import Register  # noqa: E402

PRINTS = 50
ITEMS = (4, 9)  # answer items per prepared print, inclusive
BASE_TOTAL = 1000  # the synthetic register the prepared prints are taken from
IMPORT_SPAN = 2_000  # the k-th print worker w imports is synthetic print BASE_TOTAL + w * IMPORT_SPAN + k
IMPORT_EVERY = 20
THINK_S = 0.050
MARKER = re.compile(r"\[load w\d+#\d+\]")
ERRORS_SHOWN = 3
BARRIER_S = 600
MUST_BE_ZERO = ("lost", "unseen", "chain", "versions", "false_conflicts", "unaccounted", "errors", "integrity")


def marker_for(wid: int, n: int) -> str:
    return f"[load w{wid:02d}#{n:06d}]"


def pick_prints(seed: int) -> list[Any]:
    """The first PRINTS synthetic prints with an answer of ITEMS items."""
    docs, i = [], 0
    while len(docs) < PRINTS:
        doc = make_print(i, rng_for(seed, i), total=BASE_TOTAL)
        if doc.answer is not None and ITEMS[0] <= len(doc.answer.items) <= ITEMS[1]:
            docs.append(doc)
        i += 1
    return docs


def prepare(location: Path | str, seed: int) -> dict[int, list[str]]:
    """Store the prints; returns each print's id with its answer items' texts as stored."""
    with Register.open(location) as register:
        with register.transaction():
            ids = [
                register.add_print(doc, fingerprint=fingerprint(doc), status=status_for(doc), who="bench")
                for doc in pick_prints(seed)
            ]
        return {pid: [item.text for item in register.answer_items(pid)] for pid in ids}


# -- one worker --------------------------------------------------------------------------------------


def worker(
    wid: int,
    location: Path | str,
    seconds: float,
    seed: int,
    folder: str,
    print_ids: list[int],
    ready: Any,
    results: Any,
    versioned: bool = True,
) -> None:
    """One officer at one PC, for `seconds` after all workers are ready (`ready`, a Barrier).

    Loop: read a random answer item of a random print (text and version), think 0–50 ms, save it
    with a unique marker on the version read; every IMPORT_EVERY-th iteration import a new print
    instead. Puts one dict on `results`: each save as (print id, position, marker, version read,
    new version or None when refused, seconds, marker of the text read), the imports' outcomes and
    the errors' tracebacks."""
    rng = random.Random(seed * 1009 + wid)
    out: dict[str, Any] = {
        "wid": wid,
        "attempts": 0,
        "saves": [],
        "false_conflicts": 0,
        "imports": Counter(),
        "errors": [],
    }
    try:
        register = Register.open(location)
    except Exception:
        out["errors"].append(traceback.format_exc())
        ready.wait(timeout=BARRIER_S)
        results.put(out)
        return
    ready.wait(timeout=BARRIER_S)  # all start together (spawning 20 processes takes a while)
    end = time.monotonic() + seconds
    n = k = 0
    while time.monotonic() < end:
        n += 1
        try:
            if n % IMPORT_EVERY == 0:
                i = BASE_TOTAL + wid * IMPORT_SPAN + k  # a print number no other print has
                k += 1
                doc = make_print(i, rng_for(seed, i), total=BASE_TOTAL)
                (path,) = write_text_prints(Path(folder) / f"w{wid:02d}", [doc], seed)
                out["imports"][import_file(register, path, who=f"w{wid:02d}").status] += 1
                continue
            pid = rng.choice(print_ids)
            stored = register.get_print(pid)
            pos = rng.randrange(len(stored.item_versions))
            text, version = stored.doc.answer.items[pos].text, stored.item_versions[pos]  # type: ignore[union-attr]
            time.sleep(rng.uniform(0, THINK_S))
            marker = marker_for(wid, n)
            new_text = MARKER.sub("", text).rstrip() + " " + marker
            new_version: int | None = None
            out["attempts"] += 1  # a save raising anything but VersionConflict is an error, not a save
            t = time.perf_counter()
            try:
                with register.transaction():
                    new_version = register.set_answer_text(
                        pid, pos, new_text, f"w{wid:02d}", version=version if versioned else None
                    )
            except VersionConflict as conflict:
                if conflict.version == version:
                    out["false_conflicts"] += 1
            read = (MARKER.findall(text) or [None])[-1]  # the save this one rests on (None: the first text)
            out["saves"].append((pid, pos, marker, version, new_version, time.perf_counter() - t, read))
        except Exception:
            out["errors"].append(f"worker {wid}, iteration {n}:\n{traceback.format_exc()}")
    register.close()
    results.put(out)


def run_workers(location: Path | str, args: argparse.Namespace, folder: Path, print_ids: list[int]) -> list[dict]:
    ctx = mp.get_context("spawn")
    ready = ctx.Barrier(args.workers)
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=worker,
            args=(wid, location, args.seconds, args.seed, str(folder), print_ids, ready, results, not args.unversioned),
        )
        for wid in range(args.workers)
    ]
    for p in procs:
        p.start()
    outs = []
    for _ in procs:  # read before joining: a full queue would keep a worker from ending
        outs.append(results.get(timeout=args.seconds + 900))
    for p in procs:
        p.join()
        if p.exitcode != 0:
            outs.append(
                {
                    "wid": -1,
                    "attempts": 0,
                    "saves": [],
                    "false_conflicts": 0,
                    "imports": Counter(),
                    "errors": [f"a worker process ended with exit code {p.exitcode}"],
                }
            )
    return sorted(outs, key=lambda o: o["wid"])


# -- the checker -------------------------------------------------------------------------------------


def check(location: Path | str, initial: dict[int, list[str]], outs: list[dict]) -> dict[str, Any]:
    """Compare what the workers were told with what the register holds and logged."""
    saves = [s for o in outs for s in o["saves"]]
    accepted = [s for s in saves if s[4] is not None]
    imports: Counter[str] = sum((o["imports"] for o in outs), Counter())
    r: dict[str, Any] = {
        "attempts": sum(o["attempts"] for o in outs),
        "accepted": len(accepted),
        "conflicts": len(saves) - len(accepted),
        "errors": sum(len(o["errors"]) for o in outs),
        "false_conflicts": sum(o["false_conflicts"] for o in outs),
        "imports": imports,
        "lost": 0,
        "unseen": 0,
        "chain": 0,
        "versions": 0,
        "integrity": [],
    }
    r["unaccounted"] = r["attempts"] - r["accepted"] - r["conflicts"]  # saves that raised something else
    by_item: dict[tuple[int, int], list[tuple]] = {}
    for s in accepted:
        by_item.setdefault((s[0], s[1]), []).append(s)
    with Register.open(location) as register:
        for pid, texts in initial.items():
            stored = register.get_print(pid)
            items = stored.doc.answer.items if stored.doc.answer else []
            events: dict[int, list[dict]] = {}
            for e in register.events("print", pid):
                if e["field"].startswith("answer:"):
                    events.setdefault(int(e["field"].split(":")[1]) - 1, []).append(e)
            new_versions = [s[4] for (p, _), ss in by_item.items() if p == pid for s in ss]
            if len(new_versions) != len(set(new_versions)):
                r["versions"] += 1
            for pos, first_text in enumerate(texts):
                mine = by_item.get((pid, pos), [])
                logged = events.get(pos, [])
                logged_markers = [m for e in logged for m in MARKER.findall(e["new"] or "")]
                r["lost"] += sum(1 for s in mine if s[2] not in logged_markers)
                rests_on = {s[2]: s[6] for s in mine}
                r["unseen"] += sum(
                    1
                    for k, m in enumerate(logged_markers)
                    if m in rests_on and rests_on[m] != (logged_markers[k - 1] if k else None)
                )
                previous = first_text
                for e in logged:
                    if e["old"] != previous:
                        r["chain"] += 1
                    previous = e["new"]
                if pos >= len(items) or items[pos].text != previous:
                    r["chain"] += 1
                if [s[2] for s in sorted(mine, key=lambda s: s[4])] != logged_markers:
                    r["chain"] += 1
                if mine and stored.item_versions[pos] != max(s[4] for s in mine):
                    r["versions"] += 1
        r["integrity"] = integrity(register, initial, imports[IMPORTED], len(accepted))
    return r


def integrity(register: Register, initial: dict[int, list[str]], imported: int, accepted: int) -> list[str]:
    """What is wrong with the register as a whole (an empty list: nothing)."""
    problems = []
    db = register.db

    def one(sql: str) -> Any:
        return db.execute(sql).fetchone()[0]

    if not register.server:
        result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.append(f"PRAGMA integrity_check: {result[:5]}")
    dupes = db.execute(
        "SELECT number, count(*) FROM prints WHERE number IS NOT NULL GROUP BY number HAVING count(*) > 1"
    ).fetchall()
    if dupes:
        problems.append(f"prints stored twice: {dupes[:5]}")
    unnumbered = one("SELECT count(*) FROM prints WHERE number IS NULL")
    if unnumbered:
        problems.append(f"{unnumbered} prints without a number (every synthetic print has one)")
    counts = register.counts()
    expected = {
        "prints": PRINTS + imported,
        "files": imported,
    }
    for table, n in expected.items():
        if counts[table] != n:
            problems.append(f"{table}: {counts[table]} rows, expected {n}")
    answer_events = one("SELECT count(*) FROM events WHERE entity = 'print' AND field LIKE 'answer:%'")
    if answer_events != accepted:
        problems.append(f"answer events: {answer_events}, accepted saves: {accepted}")
    marks = ", ".join(str(pid) for pid in initial)
    items = one(f"SELECT count(*) FROM answer_items WHERE print_id IN ({marks})")
    if items != sum(len(t) for t in initial.values()):
        problems.append(
            f"answer items of the prepared prints: {items}, prepared {sum(len(t) for t in initial.values())}"
        )
    for fts, table in (("prints_fts", "prints"), ("points_fts", "points")):
        if not register.server:  # the index reads its text from the tables (m012): FTS5 compares the two
            try:
                db.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{fts}: integrity-check: {exc}")
        elif one(f"SELECT count(*) FROM {fts}") != counts[table]:
            problems.append(f"{fts}: {one(f'SELECT count(*) FROM {fts}')} rows, {table}: {counts[table]}")
    for table in ("points", "answer_items", "citations"):
        orphans = one(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM prints p WHERE p.id = t.print_id)"
        )
        if orphans:
            problems.append(f"{table}: {orphans} rows of no print")
    return problems


# -- one database ------------------------------------------------------------------------------------


def ms(seconds: float) -> float:
    return seconds * 1000


def pct(values: list[float], q: int) -> float:
    """The q-th percentile (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def run(kind: str, location: Path | str, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    t = time.perf_counter()
    initial = prepare(location, args.seed)
    items = sum(len(t) for t in initial.values())
    print(
        f"  {kind}: {PRINTS} prints with {items} answer items stored in {time.perf_counter() - t:.1f} s; "
        f"{args.workers} workers for {args.seconds:g} s …",
        file=sys.stderr,
        flush=True,
    )
    outs = run_workers(location, args, folder / f"prints-{kind}", list(initial))
    r = check(location, initial, outs)
    saves = [s for o in outs for s in o["saves"]]
    r["p50"], r["p95"] = ms(pct([s[5] for s in saves], 50)), ms(pct([s[5] for s in saves], 95))
    acc = [s[5] for s in saves if s[4] is not None]
    r["acc_p50"], r["acc_p95"] = ms(pct(acc, 50)), ms(pct(acc, 95))
    r["max"] = ms(max((s[5] for s in saves), default=float("nan")))
    r["imports_s"] = sum(r["imports"].values()) / args.seconds
    r["saves_s"] = len(saves) / args.seconds
    errors = [e for o in outs for e in o["errors"]]
    if errors:
        kinds = Counter(e.strip().splitlines()[-1] for e in errors)
        print(f"\n{kind}: {len(errors)} errors; by kind:", file=sys.stderr)
        for line, count in kinds.most_common():
            print(f"  {count:>6}  {line}", file=sys.stderr)
        for e in errors[:ERRORS_SHOWN]:
            print(e, file=sys.stderr)
    return r


ROWS = (  # label, function of the result
    ("attempts (saves)", lambda r: f"{r['attempts']:,}"),
    ("accepted", lambda r: f"{r['accepted']:,}"),
    ("conflicts (VersionConflict)", lambda r: f"{r['conflicts']:,}"),
    ("lost: not logged (must be 0)", lambda r: f"{r['lost']}"),
    ("lost: overwritten unseen (must be 0)", lambda r: f"{r['unseen']}"),
    ("chain breaks (must be 0)", lambda r: f"{r['chain']}"),
    ("version errors (must be 0)", lambda r: f"{r['versions'] + r['false_conflicts']}"),
    ("unaccounted saves (must be 0)", lambda r: f"{r['unaccounted']}"),
    ("errors (must be 0)", lambda r: f"{r['errors']}"),
    ("integrity problems (must be 0)", lambda r: f"{len(r['integrity'])}"),
    ("saves/s", lambda r: f"{r['saves_s']:.1f}"),
    ("save ms p50 / p95 (all)", lambda r: f"{r['p50']:.1f} / {r['p95']:.1f}"),
    ("save ms p50 / p95 (accepted)", lambda r: f"{r['acc_p50']:.1f} / {r['acc_p95']:.1f}"),
    ("save ms max", lambda r: f"{r['max']:.0f}"),
    ("imports", lambda r: ", ".join(f"{n} {s}" for s, n in sorted(r["imports"].items())) or "0"),
    ("imports/s", lambda r: f"{r['imports_s']:.2f}"),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=20)
    ap.add_argument("--pg", metavar="URL", help="a PostgreSQL server (admin URL) instead of starting one")
    ap.add_argument("--db-dir", metavar="DIR", help="keep the SQLite register and the written prints here")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--unversioned", action="store_true", help="save without version= (tests the checker)")
    args = ap.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]

    print("command: " + shlex.join([os.path.relpath(sys.executable), *sys.argv]), flush=True)
    results: dict[str, dict[str, Any]] = {}
    pg_version = None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.db_dir) if args.db_dir else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if "sqlite" in kinds:
            path = folder / "load.db"
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.with_name(path.name + "-geprüft")):
                leftover.unlink(missing_ok=True)
            results["SQLite"] = run("sqlite", path, folder, args)
        if "postgresql" in kinds:
            with pg_admin_url(args.pg, Path(tmp)) as admin:
                url = fresh_database(admin, "ziffer_bench_load")
                pg_version = server_version(url)
                results["PostgreSQL"] = run("postgresql", url, folder, args)

    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
        + (f", PostgreSQL {pg_version} (local, Unix socket)" if pg_version else "")
    )
    print(
        f"{args.workers} worker processes for {args.seconds:g} s; {PRINTS} prints with {ITEMS[0]}–{ITEMS[1]} "
        f"answer items; think time 0–{ms(THINK_S):.0f} ms; an import every {IMPORT_EVERY} iterations"
    )
    names = list(results)
    width = max(len(label) for label, _ in ROWS)
    print(f"{'':<{width}}  " + "  ".join(f"{n:>14}" for n in names))
    for label, fn in ROWS:
        print(f"{label:<{width}}  " + "  ".join(f"{fn(results[n]):>14}" for n in names))
    failed = False
    for name, r in results.items():
        for problem in r["integrity"]:
            print(f"{name}: {problem}")
        failed |= any(r[key] for key in MUST_BE_ZERO)
    print("result: " + ("PROBLEMS FOUND (see above)" if failed else "no lost updates, no errors, register intact"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
