"""The English translation: complete, current with the code, compiled, and loaded by the app."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import ROOT

I18N = ROOT / "resources" / "i18n"
TS = I18N / "ziffer_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def _tool(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(path).exists() and not shutil.which(name):
        pytest.skip(f"{name} is not installed")
    return path


def _i18n_script():  # type: ignore[no-untyped-def]
    """resources/i18n/update.py, the one place that knows how lupdate and lrelease are called."""
    spec = importlib.util.spec_from_file_location("i18n_update", I18N / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_is_translated_with_its_placeholders() -> None:
    """No string is unfinished or empty, and each keeps the {placeholders} of its source."""
    for (context, source), translation in _messages(TS).items():
        assert context, f"a string without context: {source!r}"
        assert translation is not None and translation.get("type") is None and translation.text, (context, source)
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation.text)), source


def test_translation_source_is_current(tmp_path: Path) -> None:
    """lupdate over gui/ finds no string the .ts lacks (run resources/i18n/update.py after changing texts)."""
    copy = tmp_path / "ziffer_en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-source-language",
            "de_DE",
            "-target-language",
            "en_GB",
            "-no-obsolete",
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    assert set(_messages(copy)) == set(_messages(TS))


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    """ziffer_en.qm is what lrelease makes of ziffer_en.ts."""
    copy = tmp_path / "ziffer_en.ts"
    shutil.copy(TS, copy)
    _tool("pyside6-lrelease")
    _i18n_script().release(copy)
    assert copy.with_suffix(".qm").read_bytes() == (I18N / "ziffer_en.qm").read_bytes()


def test_the_window_speaks_english(qtbot, tmp_path: Path) -> None:
    """With the English translation installed, menus and the register view are English."""
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.resources import load_translator
    from storage.register import Register

    translator = load_translator("en")
    assert translator is not None and load_translator("de") is None
    QApplication.instance().installTranslator(translator)
    try:
        window = MainWindow(Register.open(tmp_path / "r.db"), start_services=False)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "&Help"]
        assert window.register_view.demo_button.text() == "Open demo register"
        assert window.tabs.tabText(1) == "Deadlines"
        window.close()
        window.register.close()
    finally:
        QApplication.instance().removeTranslator(translator)
