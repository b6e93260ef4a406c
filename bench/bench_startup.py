"""How long the desktop app takes to show its window, against a bare PySide6 window in the same run.

    .venv/bin/python bench/bench_startup.py [--db PATH] [--count 50000] [--rounds 9] [--compare DIR]
                                            [--platform offscreen|xcb]

Both are started as new processes, interleaved (bare, Ziffer, bare, Ziffer, …), after two untimed
starts of each (they compile the bytecode into a pycache folder of this bench, as an installed app
has it, and warm the page cache), with QT_QPA_PLATFORM=offscreen (or the platform --platform names:
`xcb` on a real X display, such as `xvfb-run -s "-screen 0 1600x1000x24"` gives) and a fresh
settings folder (XDG_CONFIG_HOME) each:

    bare      `python -c …`: import PySide6, create a QApplication and a QMainWindow, show it
    Ziffer    `python main.py --db PATH` on a register of --count synthetic prints
              (bench/synthetic.py; built there when PATH has fewer)

A small wrapper, the same for both, runs the program and notes three moments:

    shown     a zero-timer started right after the main window's show() fires (bench/bench_gui.py's
              end point). With Qt's offscreen platform this comes before the first paint: the
              window system's events are handled after the timers.
    painted   the main window's first paint event (its whole first frame is painted in that pass),
              then a zero-timer: the window is on the screen and the event loop idle. For Ziffer the
              register table holds its first page then (checked, the rows are printed).
    settled   Ziffer only: the work it leaves for after the first frame is done too (the start-up
              backup begun, the deadline reminder and the inbox started: `MainWindow.started()`).

Each is the wall time from launching the process to that line on its stdout, with the process's CPU
time (user + system) and its peak RSS (VmHWM) at that moment. The wrapper learns of show() by
wrapping QMainWindow.show as PySide6.QtWidgets is first imported (a finder on sys.meta_path), not by
importing PySide6 itself first: the program's own imports keep their order (PySide6 reads the
source of every module imported after it, so importing it early would slow the program down).
--compare DIR adds a third program to every round: the main.py of another checkout of Ziffer (say
the tree before a change, from `git archive`), on the same register. It prints each round, the
medians and the ratios to bare; it asserts nothing. Times are wall
clock on a shared machine: run it twice and look at both.
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

# The wrapper, the same for both (see above); it prints a line at each moment and ends the program
# once it is painted (bare) or settled (Ziffer).
PROLOGUE = """
import sys, time

def _note(what, window):
    with open("/proc/self/status") as status:
        peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), 0.0)
    view = getattr(window, "register_view", None)
    rows = view.model.rowCount() if view is not None else 0
    print(f"{what} {rows} {peak:.1f} {time.process_time():.4f}", flush=True)

def _wrap_show(widgets):
    from PySide6.QtCore import QEvent, QObject, QTimer

    original, seen = widgets.QMainWindow.show, []

    def settle(window):
        started = getattr(window, "started", None)
        if started is not None and not started():
            QTimer.singleShot(1, lambda: settle(window))
            return
        if started is not None:
            _note("settled", window)
        widgets.QApplication.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if watched is seen[0] and event.type() == QEvent.Type.Paint and len(seen) == 1:
                seen.append(self)
                QTimer.singleShot(0, lambda: (_note("painted", watched), settle(watched)))
            return False

    def show(self):
        if not seen:
            seen.append(self)
            self.installEventFilter(FirstPaint(self))
            original(self)
            QTimer.singleShot(0, lambda: _note("shown", self))
        else:
            original(self)

    widgets.QMainWindow.show = show

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

# as `python main.py --db DB` runs it: the script compiled anew, its folder first on sys.path
ZIFFER = (
    PROLOGUE
    + """
sys.path.insert(0, ROOT)
sys.argv = [MAIN, "--db", DB]
with open(MAIN, encoding="utf-8") as script:
    code = compile(script.read(), MAIN, "exec")
exec(code, {"__name__": "__main__", "__file__": MAIN, "__builtins__": __builtins__})
"""
)
MOMENTS = ("shown", "painted", "settled")


def ziffer_code(root: Path, db: Path) -> str:
    return f"ROOT, DB, MAIN = {str(root)!r}, {str(db)!r}, {str(root / 'main.py')!r}\n" + ZIFFER


def ensure_db(path: Path, count: int) -> None:
    """bench_gui's register of `count` prints, opened once more: its close remembers the file's
    quick_check for the starts."""
    from bench_gui import ensure_db as build_missing

    from storage.register import Register

    build_missing(path, count)
    with Register.open(path):
        pass


def start(code: str, pycache: Path, platform: str = "offscreen") -> dict[str, dict[str, float]]:
    """Launch one process; for each moment it reached: seconds since the launch, rows in the register
    table, peak RSS (MiB) and CPU time (s) then."""
    settings_dir = tempfile.mkdtemp(prefix="ziffer-bench-settings-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"QT_QPA_PLATFORM": platform, "XDG_CONFIG_HOME": settings_dir, "PYTHONPYCACHEPREFIX": str(pycache)}
    out: dict[str, dict[str, float]] = {}
    t = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert child.stdout is not None
    for line in child.stdout:
        now = time.perf_counter() - t
        what, *values = line.split()
        if what in MOMENTS:
            rows, peak, cpu = map(float, values)
            out[what] = {"s": now, "rows": rows, "peak": peak, "cpu": cpu}
    stderr = child.stderr.read() if child.stderr else ""
    child.wait(600)
    if "painted" not in out:
        raise SystemExit(f"the window did not show: {stderr[-2000:]}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--count", type=int, default=50_000)
    ap.add_argument("--db", help="register to use (built there when it has fewer prints)")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--compare", metavar="DIR", help="another checkout whose main.py runs in every round too")
    ap.add_argument("--platform", default="offscreen", help="Qt platform: offscreen, or xcb on an X display")
    args = ap.parse_args()
    if args.platform != "offscreen" and not os.environ.get("DISPLAY"):
        raise SystemExit(f"--platform {args.platform} needs a display: run under xvfb-run or on a desktop")
    print("command: " + shlex.join([os.path.relpath(sys.executable), *sys.argv]), flush=True)
    print(f"all with QT_QPA_PLATFORM={args.platform}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench-startup.db"
        ensure_db(db, args.count)
        pycache = Path(tmp) / "pycache"
        codes = {"bare": BARE, "Ziffer": ziffer_code(ROOT, db)}
        if args.compare:
            codes[f"Ziffer in {args.compare}"] = ziffer_code(Path(args.compare).resolve(), db)
        for code in codes.values():
            for _ in range(2):  # bytecode, page cache, the start-up backup
                start(code, pycache, args.platform)
        runs: dict[str, list[dict[str, dict[str, float]]]] = {name: [] for name in codes}
        for k in range(args.rounds):
            for name, code in codes.items():
                runs[name].append(start(code, pycache, args.platform))
            last = {name: r[-1] for name, r in runs.items()}
            times = {
                name: " / ".join(f"{m} {r[m]['s'] * 1000:.0f}" for m in MOMENTS if m in r) for name, r in last.items()
            }
            rows = " and ".join(f"{r['painted']['rows']:.0f}" for name, r in last.items() if name != "bare")
            print(f"round {k + 1}: " + "; ".join(f"{name} {t} ms" for name, t in times.items()), flush=True)
            print(f"  rows in the register table when painted: {rows}", flush=True)
    if any(r["painted"]["rows"] <= 0 for name in codes if name != "bare" for r in runs[name]):
        print("warning: the register table was empty when the window was painted", flush=True)

    def med(name: str, moment: str, key: str) -> float:
        return statistics.median(r[moment][key] for r in runs[name])

    print(f"prints: {args.count}, rounds: {args.rounds}; medians (wall, CPU, peak RSS):")
    for name in codes:
        for moment in MOMENTS:
            if moment in runs[name][0]:
                wall, cpu, peak = (med(name, moment, key) for key in ("s", "cpu", "peak"))
                print(f"  {name} {moment}: {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms, {peak:.0f} MiB")
    for name in codes:
        if name != "bare":
            ratios = ", ".join(f"{m} {med(name, m, 's') / med('bare', m, 's'):.2f}" for m in ("shown", "painted"))
            print(f"ratio {name} / bare: {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
