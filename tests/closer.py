"""A child process that starts Ziffer as `python main.py --db DB` does and closes its window at a chosen
moment, as an officer would; tests/test_gui_lifecycle.py checks the exit status of the real process.

    closer.py DB start DELAY_MS      close DELAY_MS after the event loop started
    closer.py DB backup              close while the start-up backup copies the register
    closer.py DB import FOLDER       import FOLDER, close after the first file, answer "stop" when asked
    closer.py DB similar             open an inquiry, list similar answers for its points with every part
                                     ranked in two halves (the second reader's thread), then close

It prints what it did ("closing while …", "asked to stop the import") for the test to check."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication


def main(db: str, scenario: str, arg: str = "") -> int:
    app = QApplication(["main.py"])
    from gui.main_window import MainWindow

    def window() -> MainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def close(what: str) -> None:
        print(f"closing {what}", flush=True)
        w = window()
        assert w is not None
        w.close()

    def when(ready, then) -> None:  # type: ignore[no-untyped-def]
        """Call `then()` at the first check (every 5 ms of the event loop) where `ready()` holds."""
        timer = QTimer(app, interval=5)

        def tick() -> None:
            if window() is not None and ready():
                timer.stop()
                then()

        timer.timeout.connect(tick)
        timer.start()

    if scenario == "start":
        QTimer.singleShot(int(arg or 0), lambda: when(lambda: True, lambda: close("right after start")))
    elif scenario == "backup":
        # the backup is the only job at start; the global pool's check also runs against Ziffer before issue 11
        pools = lambda: [QThreadPool.globalInstance(), *([window().jobs.pool] if hasattr(window(), "jobs") else [])]  # noqa: E731
        when(lambda: any(p.activeThreadCount() for p in pools()), lambda: close("while the backup runs"))
    elif scenario == "import":

        def start_import() -> None:
            w = window()

            def asked() -> bool:
                print("asked to stop the import", flush=True)
                return True

            w.confirm_stop_import = asked
            w.importer.progress.connect(lambda done, _total, _name: done >= 1 and w.importer.running and stop())
            w.start_import([Path(arg)])

        closing = []

        def stop() -> None:
            if not closing:
                closing.append(True)
                QTimer.singleShot(0, lambda: close("during the import"))

        when(lambda: True, start_import)
    elif scenario == "similar":
        import storage.register

        storage.register.SPLIT_RANKING_FROM = 0  # a 5,000-print register's parts are below the real line

        def similar_then_close() -> None:
            w = window()
            pid = w.register.db.execute("SELECT print_id FROM points ORDER BY print_id DESC LIMIT 1").fetchone()[0]
            view = w.open_print(pid)
            view.side.setCurrentIndex(1)
            for row in range(view.points.count()):
                view.points.setCurrentRow(row)
                view._load_similar()
            reader = w.register._reader
            if reader is not None and reader._conn is not None and view.similar_list.count():
                print("similar ranked on two cores", flush=True)
            close("after similar answers")

        when(lambda: True, similar_then_close)
    else:
        raise SystemExit(f"unknown scenario {scenario}")

    import main as ziffer

    return ziffer.main(["--db", db])


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
