"""A child process that types into the answer editor like an officer, one key every INTERVAL ms,
printing how many keys it has typed; the kill test SIGKILLs it mid-sentence (see test_gui_kill.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.inquiry_view import InquiryView
from storage.register import Register

TEXT = "Die Landesregierung fördert die regionalen KI-Labore mit insgesamt 4,2 Millionen Euro. " * 20


def main(db: str, print_id: int, label: str, interval_ms: int) -> None:
    app = QApplication([])
    register = Register.open(db)
    view = InquiryView(register, print_id)
    view.select_point(label)
    view.show()
    typed = 0

    def key() -> None:
        nonlocal typed
        ch = TEXT[typed % len(TEXT)]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(view.editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        typed += 1
        print(f"typed {typed}", flush=True)

    timer = QTimer(interval=interval_ms)
    timer.timeout.connect(key)
    timer.start()
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
