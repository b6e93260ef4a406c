"""How the desktop app behaves on a large register: start-up, scrolling, sorting, filtering, searching.

    .venv/bin/python bench/bench_gui.py [--count 50000] [--db PATH]

Builds (or reuses, with --db) a synthetic register of --count prints (bench/synthetic.py), then:

    start s        wall time from launching `python main.py --db PATH` until the main window is
                   shown with the first page of the register in its table and the event loop is idle
                   (the child prints when a zero-timer fires after show(); backups and the inbox run
                   in the background and are not waited for); median of 3 starts
    page ms        one fetchMore of the register table (200 rows) while scrolling to the end of the
                   first 10,000 rows: median and max
    paint ms       repainting the visible table after a jump to the bottom: median of 20
    sort ms        sorting by title, by officer, by due date (one click on the header each)
    overdue ms     the "überfällig" filter
    search ms      the search field's query ("Radweg*", "Förderbescheid", a print number)

Times are wall clock on a shared machine; run it twice and look at both.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from storage.register import Register
window = MainWindow(Register.open({db!r}))
window.show()
def ready():
    rows = window.register_view.model.rowCount()
    print(f"usable {{rows}}", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def ensure_db(path: Path, count: int) -> None:
    from bench_register import build

    from storage.register import Register

    with Register.open(path) as register:
        have = register.count_prints()
        if have >= count:
            return
        print(f"building a register of {count} prints in {path} …", flush=True)
        spent = build(register, count, 1)
        register.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  stored in {spent:.0f} s", flush=True)


def start_time(db: Path) -> float:
    """Seconds from launching the program until the window is usable (read from the child's output
    as it happens; the child then finishes its background work, e.g. the start-up backup, untimed)."""
    settings_dir = tempfile.mkdtemp(prefix="ziffer-bench-settings-")
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": settings_dir}
    t = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), db=str(db))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("usable"):
            elapsed = time.perf_counter() - t
            break
    else:
        raise SystemExit(f"the window did not start: {child.stderr.read()[-2000:] if child.stderr else ''}")
    child.wait(600)
    return elapsed


def in_process(db: Path) -> dict[str, str]:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from core.search_query import parse_query  # noqa: F401 - imported as the app does
    from gui.main_window import MainWindow
    from gui.register_model import COL_DUE, COL_OFFICER, COL_TITLE
    from storage.register import Register

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Register.open(db), start_services=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    view = window.register_view
    model, table = view.model, view.table
    pages = []
    while model.rowCount() < 10_000 and model.canFetchMore(QModelIndex()):
        t = time.perf_counter()
        model.fetchMore(QModelIndex())
        pages.append(time.perf_counter() - t)
    paints = []
    table.scrollToBottom()
    for _ in range(20):
        t = time.perf_counter()
        table.viewport().repaint()
        paints.append(time.perf_counter() - t)
    out = {
        "page ms": f"{ms(statistics.median(pages))} / {ms(max(pages))}",
        "paint ms": ms(statistics.median(paints)),
    }
    sorts = []
    for col in (COL_TITLE, COL_OFFICER, COL_DUE):
        t = time.perf_counter()
        table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        sorts.append(ms(time.perf_counter() - t))
    out["sort ms"] = " / ".join(sorts)
    t = time.perf_counter()
    view.set_status_filter("überfällig")
    app.processEvents()
    out["overdue ms"] = ms(time.perf_counter() - t)
    view.set_status_filter(None)
    searches = []
    for text in ("Radweg*", "Förderbescheid", "17/1234"):
        view.search.setText(text)
        t = time.perf_counter()
        view.apply()
        app.processEvents()
        searches.append(ms(time.perf_counter() - t))
    out["search ms"] = " / ".join(searches)
    window.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--count", type=int, default=50_000)
    ap.add_argument("--db", help="register to use (built there when it has fewer prints)")
    args = ap.parse_args()
    print("command: " + shlex.join([os.path.relpath(sys.executable), *sys.argv]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench-gui.db"
        ensure_db(db, args.count)
        starts = [start_time(db) for _ in range(3)]
        print(f"prints: {args.count}", flush=True)
        print(f"start s: {statistics.median(starts):.2f} (runs: {', '.join(f'{s:.2f}' for s in starts)})", flush=True)
        for key, value in in_process(db).items():
            print(f"{key}: {value}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
