"""Where the app finds its own files (icons, translations), in the source tree and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


def resource_dir() -> Path:
    """resources/ beside the code, or inside the one-folder build (PyInstaller's _MEIPASS)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"


def app_icon() -> QIcon:
    """The window icon drawn from its SVG at every size a screen asks for (crisp on high-DPI screens)."""
    svg = resource_dir() / "icons" / "ziffer.svg"
    icon = QIcon()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        return icon
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def load_translator(language: str) -> QTranslator | None:
    """The translator for `language` ("en"); German is the source language and needs none."""
    if language.startswith("de"):
        return None
    translator = QTranslator()
    if translator.load(QLocale(language), "ziffer", "_", str(resource_dir() / "i18n")):
        return translator
    return None


def qt_translator(language: str) -> QTranslator | None:
    """Qt's own strings (OK, Abbrechen, the file dialogs) in the interface's language."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language), "qtbase", "_", folder):
        return translator
    return None
