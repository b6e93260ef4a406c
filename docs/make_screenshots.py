"""Screenshots of every view with the demo register, for the README:

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/make_screenshots.py

Runs the real window on the X server given by DISPLAY (a virtual one under xvfb-run), fills a fresh
demo register in a temporary folder, and writes docs/register.png, inquiry.png, deadlines.png,
library.png, export.png and settings.png."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

DOCS = ROOT / "docs"


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="ziffer-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = QApplication(sys.argv)
    app.setApplicationName("Ziffer")

    from core.demo import fill_demo
    from gui.main_window import MainWindow
    from gui.resources import app_icon
    from storage.register import Register

    app.setWindowIcon(app_icon())
    register = Register.open(tmp / "ziffer-demo.db")
    fill_demo(register)
    window = MainWindow(register, start_services=False)
    window.resize(1500, 900)
    window.show()
    settle(app)

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        settle(app)
        (widget or window).grab().save(str(DOCS / name))
        print(DOCS / name)

    shot("register.png")

    # an open inquiry, answer drafted for point 1 with a similar earlier answer in the side panel
    open_row = next(r for r in register.list_prints(limit=100) if r["status"] == "eingegangen" and r["points"] >= 3)
    view = window.open_print(open_row["id"])
    view.select_point("1")
    view.side.setCurrentIndex(1)
    view._load_similar()
    view.editor.insertPlainText("Seit 2019 wurden 64 weitere Vorhaben fertiggestellt (Stand: 31. Dezember 2024).")
    if view.insert_button.isEnabled():
        view.insert_similar()
    view.save_now()
    shot("inquiry.png")

    answered = next(r for r in register.list_prints(limit=100) if r["status"] == "veröffentlicht")
    answered_view = window.open_print(answered["id"])
    answered_view.side.setCurrentIndex(0)
    shot("inquiry-answered.png")

    window.tabs.setCurrentIndex(1)
    shot("deadlines.png")
    window.tabs.setCurrentIndex(2)
    window.library_view.list.setCurrentRow(0)
    shot("library.png")

    window.tabs.setCurrentWidget(view)
    dialog = window.export_print(view.print_id)
    dialog.resize(1300, 850)
    for _ in range(200):
        settle(app, 5)
        if dialog.preview.page_count() >= 1:
            break
        import time

        time.sleep(0.05)
    shot("export.png", dialog)
    dialog.reject()

    settings = window.show_settings()
    settings.backup_now()
    shot("settings.png", settings)
    settings.reject()
    window.close()
    register.close()
    print(f"demo register for the screenshots: {tmp}, today {date.today()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
