"""The register at scale: store, search, citations, similar, list and import on synthetic registers.

    .venv/bin/python bench/bench_register.py [--sizes 5000,20000,50000] [--db sqlite|postgresql|both]
                                             [--pg URL] [--db-dir DIR] [--queries N] [--reps R] [--seed S]
                                             [--detail]

For each size N it builds a fresh register of N synthetic Baden-Württemberg prints
(`bench/synthetic.py`: terms 15–17, Anträge and Kleine/Große Anfragen with about 9 points, 80 %
answered, 30 % citing earlier prints) and prints one table row per database: a SQLite file
(--db sqlite, the default), the team register on PostgreSQL (--db postgresql: a fresh database
`ziffer_bench_N` on the server given with --pg, else on one `pgserver` starts in the temp folder,
or in DIR with --db-dir), or both, one after the other, at the same sizes. It prints figures and
asserts nothing. The columns:

    store p/s     prints stored per second: `register.add_print(doc, fingerprint=…, status=…)`, 500 prints
                  per `register.transaction()`; generating the prints is not timed
    search ms     median and 95th percentile of `register.search(parse_query(q), filters, limit=20)` over
                  the fixed query set below (single words, umlaut spellings such as "Foerderung", prefixes
                  "Förder*", two- and three-word queries, print numbers such as "17 / 1234", filters by
                  term and kind); each query runs once untimed, then R times
    cites ms      `citations_to(number)` plus `citations_from(id)` for one print: median and p95 over 200
                  random prints
    similar ms    `core.services.similar(register, id, point)` for one random point: median and p95 over
                  50 random prints (loads the print, then ranks the answered points of all other prints)
    list ms       `list_prints(sort="due", limit=100)`: median of 20 runs
    DB MB         SQLite: size of the database file after `PRAGMA wal_checkpoint(TRUNCATE)`; PostgreSQL:
                  `pg_database_size(current_database())` (tables, indexes, TOAST and the server's own
                  catalog: 7.4 MB in an empty database, 8.4 MB with the empty register); both before
                  the import
    B/print       DB MB in bytes, divided by the number of prints stored
    text B/print  the stored text per print: the UTF-8 bytes of the text columns as stored — titles and
                  reasonings of the prints, their points, their answer items, and the library's titles,
                  texts and passages (SQLite `length(CAST(x AS BLOB))`, PostgreSQL `octet_length(x)`) —
                  divided by the number of prints; about 3,400 bytes for these synthetic prints
    ratio         B/print over text B/print: what the register holds beside the text itself (the
                  other columns, the indexes, the search index)
    import p/s    `import_files` of 500 further synthetic prints written as BW-layout .txt files: read,
                  clean, parse (in worker processes), check for duplicates and store, 50 files per
                  transaction

On PostgreSQL the build ends with `ANALYZE` (untimed; what the server's autovacuum does within a
minute of a bulk load), so the queries are planned with the tables' statistics.

--db-dir keeps the databases (register-N.db, replaced if present; the server's data in DIR/pgdata
when it is started here) and the .txt files; without it they live in a temporary folder that is
removed, and a server database is dropped after its row. --queries N uses the first N queries of
the set; --detail also prints each query's median and hit count. Times are wall clock
(time.perf_counter).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import shlex
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pg_server import drop_database, fresh_database, pg_admin_url, server_version  # noqa: E402
from synthetic import DEFAULT_SEED, generate, make_print, print_number, rng_for, write_text_prints  # noqa: E402

from core.search_query import parse_query  # noqa: E402
from core.services import fingerprint, import_files, similar, status_for  # noqa: E402
from storage.register import Register, SearchFilters  # noqa: E402

BATCH = 500
IMPORT_FILES = 500
CITATION_PRINTS = 200
SIMILAR_PRINTS = 50
LIST_RUNS = 20
DEFAULT_REPS = 5
T = TypeVar("T")


def query_set(n: int) -> list[tuple[str, SearchFilters | None]]:
    """The fixed queries; print numbers are picked so that they exist in a register of `n` prints."""
    a, b, c = (print_number(int(n * f), n) for f in (0.9, 0.45, 0.05))  # terms 17, 16, 15
    term, nr = a.split("/")
    return [
        ("Radwege", None),
        ("Lehrkräftemangel", None),
        ("Hochwasserschutz", None),
        ("Glasfaser", None),
        ("Krankenhausplanung", None),
        ("Wolf", None),
        ("Windkraft", None),
        ("Maßnahmen", None),  # in a fifth of all questions
        ("Landesregierung", None),  # in nearly every print
        ("Foerderung", None),
        ("Landesstrassen", None),
        ("Lehrkraefte", None),
        ("Schueler", None),
        ("Förder*", None),
        ("Kranken*", None),
        ("Wind*", None),
        ("Rad*", None),
        ("Digital*", None),
        ("Wolf Herdenschutz", None),
        ("Windkraft Regionalplanung", None),
        ("Glasfaser ländlichen Raum", None),
        ("Hochwasserschutz Starkregen", None),
        ("Polizeireviere Ortenaukreis", None),
        ("Kurzzeitpflege Landkreis", None),
        (f"{term} / {nr}", None),
        (f"Drs. {b}", None),
        (c, None),
        ("Radwege", SearchFilters(term=16)),
        ("Windkraft", SearchFilters(kind="kleine_anfrage")),
        ("Förder*", SearchFilters(term=17, kind="antrag")),
    ]


def ms(seconds: float) -> float:
    return seconds * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Seconds one call takes, and its result."""
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


# the text columns as stored (see "text B/print" above)
TEXT_COLUMNS = (
    ("prints", ("title", "reasoning")),
    ("points", ("text",)),
    ("answer_items", ("text",)),
    ("material", ("title", "text")),
    ("material_passages", ("text",)),
)


def stored_text(register: Register) -> int:
    """Bytes of text the register stores (UTF-8), over the columns of TEXT_COLUMNS."""
    size = "octet_length({})" if register.server else "length(CAST({} AS BLOB))"
    total = 0
    for table, columns in TEXT_COLUMNS:
        parts = " + ".join(f"COALESCE({size.format(c)}, 0)" for c in columns)
        total += int(register.db.execute(f"SELECT COALESCE(sum({parts}), 0) FROM {table}").fetchone()[0])
    return total


def build(register: Register, n: int, seed: int) -> float:
    """Store prints 0 … n-1 in batches; returns the seconds spent storing (generation excluded)."""
    spent = 0.0
    for start in range(0, n, BATCH):
        docs = list(generate(min(BATCH, n - start), seed, start=start, total=n))
        t = time.perf_counter()
        with register.transaction():
            for doc in docs:
                register.add_print(doc, fingerprint=fingerprint(doc), status=status_for(doc), who="bench")
        spent += time.perf_counter() - t
    return spent


def bench_size(n: int, folder: Path, args: argparse.Namespace, admin: str | None = None) -> dict[str, Any]:
    """One row: a SQLite register of `n` prints in `folder`, or with `admin` (a server's URL) one in a
    fresh database on that server."""
    location: Path | str
    if admin is None:
        location = folder / f"register-{n}.db"
        for leftover in (location, Path(f"{location}-wal"), Path(f"{location}-shm")):
            leftover.unlink(missing_ok=True)
    else:
        location = fresh_database(admin, f"ziffer_bench_{n}")
    rng = random.Random(args.seed * 7 + n)
    row: dict[str, Any] = {"db": "PostgreSQL" if admin else "SQLite", "size": n}
    with Register.open(location) as register:
        build_secs = build(register, n, args.seed)
        row["store"] = n / build_secs
        if register.server:
            register.db.execute("ANALYZE")
            row["mb"] = register.db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
        else:
            register.count_words()  # what importing them would have done (as ANALYZE on the server)
            register.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            row["mb"] = Path(location).stat().st_size / 1e6
        row["bytes"] = row["mb"] * 1e6 / n
        row["text"] = stored_text(register) / n
        row["ratio"] = row["bytes"] / row["text"]

        times: list[float] = []
        for text, filters in query_set(n)[: args.queries]:
            query = parse_query(text)
            register.search(query, filters, limit=20)  # warm-up, untimed
            runs = [timed(lambda q=query, f=filters: register.search(q, f, limit=20)) for _ in range(args.reps)]
            times += [secs for secs, _ in runs]
            if args.detail:
                set_filters = {k: v for k, v in vars(filters).items() if v is not None} if filters else {}
                where = f" [{', '.join(f'{k}={v}' for k, v in set_filters.items())}]" if set_filters else ""
                print(
                    f"    {n:>6}  search {text + where:<40} {ms(statistics.median(s for s, _ in runs)):7.1f} ms  "
                    f"{len(runs[0][1]):>2} hits"
                )
        row["search_med"], row["search_p95"] = ms(statistics.median(times)), ms(p95(times))

        picks = [rng.randrange(n) for _ in range(CITATION_PRINTS)]
        times = []
        for i in picks:
            number = print_number(i, n)
            pid = register.print_id(number)
            assert pid is not None
            times.append(timed(lambda num=number, p=pid: (register.citations_to(num), register.citations_from(p)))[0])
        row["cites_med"], row["cites_p95"] = ms(statistics.median(times)), ms(p95(times))
        if args.detail:
            print(
                f"    {n:>6}  citations_to + citations_from: median {ms(statistics.median(times)):.3f} ms, "
                f"p95 {ms(p95(times)):.3f} ms"
            )

        times = []
        for i in (rng.randrange(n) for _ in range(SIMILAR_PRINTS)):
            doc = make_print(i, rng_for(args.seed, i), total=n)
            pid = register.print_id(print_number(i, n))
            label = rng.choice(doc.points).label
            times.append(timed(lambda p=pid, lb=label: similar(register, p, lb))[0])
        row["similar_med"], row["similar_p95"] = ms(statistics.median(times)), ms(p95(times))

        times = [timed(lambda: register.list_prints(sort="due", limit=100))[0] for _ in range(LIST_RUNS)]
        row["list_med"] = ms(statistics.median(times))

        text_dir = folder / f"prints-{n}-{row['db'].lower()}"
        paths = write_text_prints(text_dir, generate(IMPORT_FILES, args.seed, start=n, total=n), args.seed)
        secs, summary = timed(lambda: import_files(register, paths, who="bench"))
        row["import"] = len(paths) / secs
        row["imported"] = summary.count("imported")
    print(
        f"    {n:>6}  {row['db']}: built in {build_secs:.1f} s; imported {row['imported']:.0f} of {len(paths)} files",
        file=sys.stderr,
    )
    if admin is not None and not args.db_dir:
        drop_database(admin, f"ziffer_bench_{n}")
    return row


COLUMNS = (  # heading, key, format
    ("database  ", "db", "{:<10}"),
    ("prints", "size", "{:>8,.0f}"),
    ("store p/s", "store", "{:>9,.0f}"),
    ("search ms med", "search_med", "{:>13.1f}"),
    ("p95", "search_p95", "{:>6.1f}"),
    ("cites ms med", "cites_med", "{:>12.1f}"),
    ("p95", "cites_p95", "{:>5.1f}"),
    ("similar ms med", "similar_med", "{:>14.1f}"),
    ("p95", "similar_p95", "{:>6.1f}"),
    ("list ms", "list_med", "{:>7.1f}"),
    ("DB MB", "mb", "{:>6.1f}"),
    ("B/print", "bytes", "{:>7,.0f}"),
    ("text B/print", "text", "{:>12,.0f}"),
    ("ratio", "ratio", "{:>5.2f}"),
    ("import p/s", "import", "{:>10,.0f}"),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sizes", default="5000,20000,50000", help="comma-separated register sizes")
    ap.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="sqlite")
    ap.add_argument("--pg", metavar="URL", help="a PostgreSQL server (admin URL) instead of starting one")
    ap.add_argument("--db-dir", metavar="DIR", help="keep the databases and .txt files here")
    ap.add_argument("--queries", type=int, default=None, help="use the first N queries of the fixed set")
    ap.add_argument("--reps", type=int, default=DEFAULT_REPS, help="timed runs of each query")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--detail", action="store_true", help="print each query's median")
    args = ap.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    print("command: " + shlex.join([os.path.relpath(sys.executable), *sys.argv]))
    widths = [len(h) for h, _, _ in COLUMNS]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))

    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        folder = Path(args.db_dir) if args.db_dir else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        admin = None
        if args.db in ("postgresql", "both"):
            admin = stack.enter_context(pg_admin_url(args.pg, folder))
        server = f", PostgreSQL {server_version(admin)}" if admin else ""
        print(
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}{server}, {os.cpu_count()} CPUs, "
            f"{len(query_set(1000)[: args.queries])} queries x {args.reps} runs"
        )
        print(line([h for h, _, _ in COLUMNS]), flush=True)
        for n in sizes:
            for server_url in ([None] if args.db != "postgresql" else []) + ([admin] if admin else []):
                row = bench_size(n, folder, args, server_url)
                print(line([fmt.format(row[key]) for _, key, fmt in COLUMNS]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
