"""How long the desktop app takes to show its window, against a bare PySide6 window in the same run.

    .venv/bin/python bench/bench_startup.py [--db PATH] [--count 50000] [--rounds 9]

Both are started as new processes, interleaved (bare, Ziffer, bare, Ziffer, …), after one untimed
start of each that warms the page cache, with QT_QPA_PLATFORM=offscreen and a fresh settings folder
(XDG_CONFIG_HOME) each:

    bare      `python -c …`: import PySide6, create a QApplication and a QMainWindow, show it
    Ziffer    `python main.py --db PATH` (run by a small wrapper through runpy), on a register of
              --count synthetic prints (bench/synthetic.py; built there when PATH has fewer)

The end point is the same for both: a zero-timer started right after the main window's show()
fires — the window is shown, its first frame painted and the event loop idle. The wrapper learns of
show() by wrapping QMainWindow.show; for Ziffer it checks that the register table holds its first
page then. The wall time runs from launching the process to that line on its stdout; "peak RSS" is
the process's high-water mark (VmHWM) at that moment. Work Ziffer leaves for after the first frame
(the start-up backup, the deadline reminder, the deadlines and library tabs until they are opened)
is not in the figure; "settled" is the time until the work the window does on its own thread after
show() has run too (a second zero-timer chain until the start-up services have started).

It prints the medians, the ratio Ziffer / bare, and each round; it asserts nothing.
Times are wall clock on a shared machine: run it twice and look at both.
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

# The same wrapper for both. It wraps QMainWindow.show so that the first show() of a main window
# starts a zero-timer; when that fires the window is up and the event loop idle. It does so as
# PySide6.QtWidgets is first imported (a finder on sys.meta_path), not by importing PySide6 itself
# first: the program's own imports stay in their order (PySide6 reads the source of every module
# imported after it, so importing it early would make the program look slower than it is).
PROLOGUE = """
import sys, time

def _peak_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0

def _wrap_show(widgets):
    from PySide6.QtCore import QTimer

    QApplication, QMainWindow = widgets.QApplication, widgets.QMainWindow
    original, seen = QMainWindow.show, []

    def ready(window):
        view = getattr(window, "register_view", None)
        rows = view.model.rowCount() if view is not None else 0
        print(f"shown {rows} {_peak_mib():.1f} {time.process_time():.4f}", flush=True)
        started = getattr(window, "started", None)
        if started is None:
            QApplication.quit()
            return
        def settled():
            if not started():
                QTimer.singleShot(0, settled)
                return
            print(f"settled {_peak_mib():.1f} {time.process_time():.4f}", flush=True)
            QApplication.quit()
        settled()

    def show(self):
        original(self)
        if not seen:
            seen.append(self)
            QTimer.singleShot(0, lambda: ready(self))

    QMainWindow.show = show

class _WhenQtWidgetsIsImported:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            _wrap_show(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenQtWidgetsIsImported())
"""

BARE = (
    PROLOGUE
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
app.exec()
"""
)

ZIFFER = (
    PROLOGUE
    + """
import runpy
sys.path.insert(0, ROOT)
sys.argv = ["main.py", "--db", DB]
runpy.run_path(MAIN, run_name="__main__")
"""
)


def ensure_db(path: Path, count: int) -> None:
    from bench_register import build

    from storage.register import Register

    with Register.open(path) as register:  # also remembers the file's quick_check for the starts
        have = register.count_prints()
        if have >= count:
            return
        print(f"building a register of {count} prints in {path} …", flush=True)
        spent = build(register, count, 1)
        register.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  stored in {spent:.0f} s", flush=True)
    with Register.open(path):
        pass


def start(code: str, pycache: Path) -> dict[str, float]:
    """Launch one process; seconds until it printed "shown" (and "settled"), its peak RSS in MiB then,
    and the process's CPU time (user + system) until then."""
    settings_dir = tempfile.mkdtemp(prefix="ziffer-bench-settings-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": settings_dir, "PYTHONPYCACHEPREFIX": str(pycache)}
    out: dict[str, float] = {}
    t = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    for line in child.stdout:
        now = time.perf_counter() - t
        if line.startswith("shown"):
            _, rows, peak, cpu = line.split()
            out |= {"shown": now, "rows": float(rows), "peak": float(peak), "cpu": float(cpu)}
        elif line.startswith("settled"):
            _, peak, cpu = line.split()
            out |= {"settled": now, "settled_peak": float(peak), "settled_cpu": float(cpu)}
    stderr = child.stderr.read() if child.stderr else ""
    child.wait(600)
    if "shown" not in out:
        raise SystemExit(f"the window did not show: {stderr[-2000:]}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--count", type=int, default=50_000)
    ap.add_argument("--db", help="register to use (built there when it has fewer prints)")
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args()
    print("command: " + shlex.join([os.path.relpath(sys.executable), *sys.argv]), flush=True)
    print("both with QT_QPA_PLATFORM=offscreen", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench-startup.db"
        ensure_db(db, args.count)
        pycache = Path(tmp) / "pycache"  # compiled by the warm-up starts, as an installed app has it
        codes = {
            "bare": BARE,
            "Ziffer": f"ROOT, DB, MAIN = {str(ROOT)!r}, {str(db)!r}, {str(ROOT / 'main.py')!r}\n" + ZIFFER,
        }
        for code in codes.values():
            start(code, pycache), start(code, pycache)  # the bytecode, the page cache, the start-up backup
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for k in range(args.rounds):
            for name, code in codes.items():
                runs[name].append(start(code, pycache))
            z = runs["Ziffer"][-1]
            print(
                f"round {k + 1}: bare {runs['bare'][-1]['shown'] * 1000:.0f} ms, Ziffer {z['shown'] * 1000:.0f} ms"
                + (f" (settled {z['settled'] * 1000:.0f} ms)" if "settled" in z else "")
                + f", {z['rows']:.0f} rows in the table",
                flush=True,
            )
    if any(z["rows"] <= 0 for z in runs["Ziffer"]):
        print("warning: the register table was empty when the window was shown", flush=True)

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name] if key in r)

    print(f"prints: {args.count}, rounds: {args.rounds} (medians)")
    for name in codes:
        print(
            f"{name} shown: {med(name, 'shown') * 1000:.0f} ms (CPU {med(name, 'cpu') * 1000:.0f} ms), "
            f"peak RSS {med(name, 'peak'):.0f} MiB"
        )
    if any("settled" in r for r in runs["Ziffer"]):
        settled, peak = med("Ziffer", "settled") * 1000, med("Ziffer", "settled_peak")
        print(f"Ziffer settled: {settled:.0f} ms, peak RSS {peak:.0f} MiB")
    print(f"ratio Ziffer / bare: {med('Ziffer', 'shown') / med('bare', 'shown'):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
