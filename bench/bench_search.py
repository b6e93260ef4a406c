"""Search and similar answers against the same work done in raw SQL, on registers bench_register.py built.

    .venv/bin/python bench/bench_register.py --sizes 5000 --db-dir /tmp/b5      # builds /tmp/b5/register-5000.db
    .venv/bin/python bench/bench_search.py /tmp/b5/register-5000.db [/tmp/b50/register-50000.db] [--reps 7]

For each register it prints figures, asserting nothing (issue 13, "How we will know"):

    search      `Register.search(parse_query(q), filters, limit=20)` over bench_register's 30 queries,
                against the reference: the MATCH expression the app builds, with the same filters,
                ranked by bm25 with the app's weights, top 20 prints and (without filters) top 20
                material texts, each with FTS5's snippet(). Median and p95 over all queries and runs;
                the two are timed alternately, query by query, so both see the same machine.
    similar     `core.services.similar(register, id, point)` for 50 random points (the same as
                bench_register's column): median and p95; the target is p95 <= 40 ms at 50,000 prints
                and no more than 2x the figure at 5,000. The p95 of 50 points is their third slowest;
                --picks N draws N points instead (the first 50 are the same), for a steadier p95.
                With --calls N each point is timed N times (all points once, then again) and its
                fastest call counts, which takes out most of what other processes on the machine add.
                Beside it, how many of the exact best five (every matching point scored, not only
                those sharing the rarest words) came back. With --near, also how many points score
                within 10 % and 25 % of the exact fifth answer (p90 over the drawn points): the points
                any exact ranking has to tell apart from the answers, however well it bounds the rest.
                With --one-core, each call is also timed, in turns with the app's, with every part
                ranked whole on the register's own connection (no second reader: as on a machine with
                one core, and as before 2026-11-27), and that median and p95 are printed beside.

Last on each line: how many segments the points' full-text index is in. FTS5 adds one for every
write transaction and merges them only now and then, so a register's own history sets it: 300
prints imported one at a time into a new register had 3 to 20 after every tenth; the 5,000-print
register bench_register built has 22, the 50,000-print one 9. Each segment costs every word of a
MATCH a lookup (similar's queries on the 5,500-print register: 40 % less time in one segment).
With --optimize-index the file's points index is first merged into one (FTS5 'optimize', which
writes the file), so that registers of different sizes are compared in the same state.

Times are wall clock (time.perf_counter), medians of interleaved runs; the machine is shared.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_register import SIMILAR_PRINTS, p95, query_set  # noqa: E402

import storage.register as storage_register  # noqa: E402
from core.search_query import parse_query  # noqa: E402
from core.services import SimilarForPoint, similar, similar_query  # noqa: E402
from storage.register import SNIPPET_CLOSE, SNIPPET_OPEN, Register  # noqa: E402


def raw_search(register: Register, text: str, filters) -> int:  # type: ignore[no-untyped-def]
    """The reference: what the app's search does, in SQL alone."""
    query = parse_query(text)
    where, args = register._filter_sql(filters) if filters else ("", [])
    rows = register.db.execute(
        "SELECT p.id, p.number, p.title, p.kind, p.answered, bm25(prints_fts, 8.0, 1.0, 20.0) AS score, "
        f"snippet(prints_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', ' … ', 14) "
        "FROM prints_fts JOIN prints p ON p.id = prints_fts.rowid "
        f"WHERE prints_fts MATCH ? {where} ORDER BY score LIMIT 20",
        [query.match(), *args],
    ).fetchall()
    if filters is None and query.words:
        rows += register.db.execute(
            "SELECT m.id, m.title, bm25(material_fts, 8.0, 1.0) AS score, "
            f"snippet(material_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', ' … ', 14) "
            "FROM material_fts JOIN material m ON m.id = material_fts.rowid "
            "WHERE material_fts MATCH ? ORDER BY score LIMIT 20",
            [parse_query(" ".join(v[0] for v, _ in query.words)).match()],
        ).fetchall()
    return len(rows)


def near_fifth(register: Register, drawn: list[tuple[int, str]], exact: list[list[SimilarForPoint]]) -> str:
    """How many points score within 10 % and 25 % of each drawn point's exact fifth answer (p90 over
    the points that have five): every point using one of its words scored with all of them."""
    within: dict[float, list[int]] = {0.9: [], 0.75: []}
    for (pid, label), found in zip(drawn, exact, strict=True):
        answers = found[0].points
        if len(answers) < 5:
            continue
        stored = register.get_print(pid)
        text = next(p.text for p in stored.doc.points if p.label == label)
        query = register._without_common_words(similar_query(stored.doc.title, text))
        fifth = -answers[4].score
        scores = [
            -s
            for (s,) in register.db.execute(
                "SELECT bm25(points_fts, 3.0, 1.0) FROM points_fts WHERE points_fts MATCH ?",
                [query.match(any_word=True)],
            )
        ]
        for share, counts in within.items():
            counts.append(sum(1 for s in scores if s >= share * fifth))
    if not within[0.9]:
        return "no point with five answers"
    p90 = {share: sorted(v)[int(0.9 * len(v))] for share, v in within.items()}
    return f"points near the 5th answer, p90 of {len(within[0.9])}: within 10 % {p90[0.9]}, within 25 % {p90[0.75]}"


def measure(
    path: Path,
    reps: int,
    seed: int,
    calls: int = 1,
    picks: int = SIMILAR_PRINTS,
    optimize: bool = False,
    near: bool = False,
    one_core: bool = False,
) -> None:
    with Register.open(path) as register:
        register.count_words()  # what an import does (a register whose last import predates the word counts has none)
        if optimize:
            with register.transaction():
                register.db.execute("INSERT INTO points_fts(points_fts) VALUES ('optimize')")
        segments = register.db.execute("SELECT count(DISTINCT segid) FROM points_fts_idx").fetchone()[0]
        n = register.counts()["prints"]
        queries = query_set(n)
        app_times: list[float] = []
        raw_times: list[float] = []
        for rep in range(reps + 1):
            for i, (text, filters) in enumerate(queries):
                order = ("app", "raw") if (rep + i) % 2 else ("raw", "app")
                for which in order:
                    t = time.perf_counter()
                    if which == "app":
                        register.search(parse_query(text), filters, limit=20)
                    else:
                        raw_search(register, text, filters)
                    elapsed = (time.perf_counter() - t) * 1000
                    if rep:  # the first round warms the cache
                        (app_times if which == "app" else raw_times).append(elapsed)
        rng = random.Random(seed)
        ids = [r[0] for r in register.db.execute("SELECT id FROM prints").fetchall()]
        drawn: list[tuple[int, str]] = []
        while len(drawn) < picks:
            pid = rng.choice(ids)
            points = register.get_print(pid).doc.points
            if points:
                drawn.append((pid, rng.choice(points).label))
        for pid, label in drawn[:5]:
            similar(register, pid, label)  # warm
        sim_times = [math.inf] * len(drawn)
        alone_times = [math.inf] * len(drawn)  # --one-core: without the second reader
        found = []
        split_from = storage_register.SPLIT_RANKING_FROM
        for call in range(calls):
            for i, (pid, label) in enumerate(drawn):
                for alone in (False, True) if (call + i) % 2 else (True, False):
                    if alone and not one_core:
                        continue
                    storage_register.SPLIT_RANKING_FROM = 10**12 if alone else split_from
                    t = time.perf_counter()
                    answer = similar(register, pid, label)
                    elapsed = (time.perf_counter() - t) * 1000
                    times = alone_times if alone else sim_times
                    times[i] = min(times[i], elapsed)
                    if call == 0 and not alone:
                        found.append(answer)
        storage_register.SPLIT_RANKING_FROM = split_from
        # What scoring only the points that share the rarest words costs in answers: the exact best
        # five (every matching point scored) against what the app returned, per point.
        bounded, storage_register.SIMILAR_CANDIDATES = storage_register.SIMILAR_CANDIDATES, 10**12
        try:
            exact = [similar(register, pid, label) for pid, label in drawn]
        finally:
            storage_register.SIMILAR_CANDIDATES = bounded
        near_line = near_fifth(register, drawn, exact) if near else ""
        kept = total = 0
        for app_found, exact_found in zip(found, exact, strict=True):
            for a, e in zip(app_found, exact_found, strict=True):
                best = {(h.print_id, h.label) for h in e.points}
                kept += len(best & {(h.print_id, h.label) for h in a.points})
                total += len(best)
    app_med, raw_med = statistics.median(app_times), statistics.median(raw_times)
    print(
        f"{n:>7,} prints  search ms med/p95: app {app_med:5.2f} / {p95(app_times):6.2f}   raw SQL "
        f"{raw_med:5.2f} / {p95(raw_times):6.2f}   ratio of medians {app_med / raw_med:4.2f}   "
        f"similar ms med/p95: {statistics.median(sim_times):6.1f} / {p95(sim_times):6.1f}   "
        + (f"(one core: {statistics.median(alone_times):6.1f} / {p95(alone_times):6.1f})   " if one_core else "")
        + f"similar's exact best five kept: {kept}/{total}   "
        f"points index: {segments} segment{'s' if segments != 1 else ''}"
    )
    if near_line:
        print(f"{n:>7,} prints  {near_line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registers", nargs="+", type=Path)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--calls", type=int, default=1, help="time each similar point this often, keep the fastest")
    parser.add_argument("--picks", type=int, default=SIMILAR_PRINTS, help="random points to time similar for")
    parser.add_argument(
        "--optimize-index", action="store_true", help="first merge the file's points index into one segment (writes it)"
    )
    parser.add_argument("--near", action="store_true", help="also count the points scoring near the 5th exact answer")
    parser.add_argument("--one-core", action="store_true", help="also time similar without its second reader")
    args = parser.parse_args()
    print(f"command: {' '.join(sys.argv)}")
    for path in args.registers:
        measure(path, args.reps, args.seed, args.calls, args.picks, args.optimize_index, args.near, args.one_core)


if __name__ == "__main__":
    main()
