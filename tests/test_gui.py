"""The desktop app's first slice: the register view (pytest-qt, offscreen)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import QT_PLATFORM, ROOT

from core.services import import_files
from storage.register import Register

DEMO = ROOT / "resources" / "demo" / "prints"


@pytest.fixture
def demo_register(tmp_path: Path):  # type: ignore[no-untyped-def]
    reg = Register.open(tmp_path / "demo.db")
    import_files(reg, [DEMO], who="t")
    yield reg
    reg.close()


def test_model_contract(qtmodeltester, demo_register: Register) -> None:  # type: ignore[no-untyped-def]
    """The register model keeps Qt's model contract."""
    from gui.register_model import RegisterTableModel

    model = RegisterTableModel(demo_register, today=date(2025, 11, 20))
    model.show_all()
    qtmodeltester.check(model)


def test_model_loads_page_by_page(demo_register: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows arrive in pages as the view asks for more; open prints come first, coloured by their deadline."""
    from PySide6.QtCore import QModelIndex, Qt

    import gui.register_model as rm

    monkeypatch.setattr(rm, "PAGE", 5)
    model = rm.RegisterTableModel(demo_register, today=date(2025, 11, 20))
    model.show_all()
    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 18
    first = [model.data(model.index(0, c)) for c in range(len(rm.COLUMNS))]
    assert first[rm.COL_NUMBER] == "17/9486" and first[rm.COL_DUE] == "04.11.2025" and first[rm.COL_DAYS] == "-16"
    assert model.data(model.index(0, rm.COL_DAYS), Qt.ItemDataRole.BackgroundRole) is not None  # overdue


def test_main_without_arguments_opens_the_window(tmp_path: Path) -> None:
    """`python main.py` starts the app on the register (here closed again right away)."""
    code = (
        "import sys; db = sys.argv[1]; sys.argv = ['main.py', '--db', db]\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv)\n"
        "QTimer.singleShot(300, app.quit)\n"
        "import main\n"
        "raise SystemExit(main.main(['--db', db]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "w.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": QT_PLATFORM},
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "w.db").exists()
