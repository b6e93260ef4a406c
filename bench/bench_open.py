"""What checking the register at open costs: PRAGMA quick_check and the whole open on synthetic registers.

    .venv/bin/python bench/bench_open.py [--sizes 5000,50000] [--db-dir DIR] [--reps R]

For each size N it builds (or reuses, with --db-dir) a register of N synthetic prints
(`bench/synthetic.py`, stored as `bench/bench_register.py` does) and prints, as medians of R runs
with a warm page cache: `PRAGMA quick_check` on a fresh connection, the cheap checks
(`storage.db.check_header`, the schema and version), and `Register.open` with the check remembered
from a previous open (the usual start) and forced (the first start after the file changed).
It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_register import build  # noqa: E402

from storage import db as storage_db  # noqa: E402
from storage.register import Register  # noqa: E402


def _median_ms(fn: Callable[[], object], reps: int) -> float:
    fn()  # warm the page cache
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _quick_check(path: Path) -> None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        con.close()


def _open(path: Path, forget: bool) -> None:
    if forget:
        storage_db.checked_marker(path).unlink(missing_ok=True)
    Register.open(path).close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,50000")
    ap.add_argument("--db-dir", type=Path)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    folder = args.db_dir or Path(tempfile.mkdtemp(prefix="ziffer-open-"))
    folder.mkdir(parents=True, exist_ok=True)
    print("| prints | file MB | quick_check ms | cheap checks ms | open, checked before ms | open, check due ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        path = folder / f"register-{n}.db"
        if not path.exists():
            with Register.open(path) as reg:
                build(reg, n, args.seed)
                reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mb = path.stat().st_size / 1e6
        qc = _median_ms(lambda path=path: _quick_check(path), args.reps)
        cheap = _median_ms(lambda path=path: storage_db.check_header(path), args.reps)
        remembered = _median_ms(lambda path=path: _open(path, False), args.reps)
        due = _median_ms(lambda path=path: _open(path, True), args.reps)
        print(f"| {n:,} | {mb:.0f} | {qc:.0f} | {cheap:.1f} | {remembered:.0f} | {due:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
