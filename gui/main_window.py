"""Ziffer's main window: the register of all inquiries with its full-text search.

First slice of the desktop app (issue 6): the register view over the same services the
command line uses. The inquiry, deadline and library views, import and export dialogs follow.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.search_query import parse_query
from gui.register_model import RegisterTableModel
from storage.register import Register

VERSION = "0.1.0"


class MainWindow(QMainWindow):
    """The register view: a table of all inquiries, a search field, a status bar."""

    def __init__(self, register: Register) -> None:
        super().__init__()
        self.register = register
        self.setWindowTitle(self.tr("Ziffer — {name}").format(name=register.path.name))
        self.model = RegisterTableModel(register, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Suchen: Wörter, „Förder*“ oder eine Drucksache wie 17/9321 …"))
        self.search.setAccessibleName(self.tr("Suche im Register"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Register der Anfragen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(
            self.tr(
                "Das Register ist noch leer. Importieren Sie Drucksachen (PDF, Word, Text) mit "
                "„python main.py import DATEI“, beobachten Sie einen Ordner mit „python main.py watch ORDNER“ "
                "oder öffnen Sie das Demo-Register mit „python main.py demo“."
            )
        )

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        find = QAction(self.tr("&Suchen"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        quit_action = QAction(self.tr("&Beenden"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Datei"))
        menu.addAction(find)
        menu.addSeparator()
        menu.addAction(quit_action)

        self.model.show_all()
        self._update_status()
        settings = QSettings("Ziffer", "Ziffer")
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        """Full-text search over the register; an empty field shows everything again."""
        text = self.search.text().strip()
        if not text:
            self.model.show_all()
        else:
            query = parse_query(text)
            hits = [h for h in self.register.search(query, limit=500, include_material=False) if h.kind == "print"]
            self.model.show_rows(self.register.prints_by_id([h.id for h in hits]))
        self._update_status()

    def _update_status(self) -> None:
        total = self.register.counts()["prints"]
        shown = self.model.rowCount()
        self.empty.setVisible(total == 0)
        self.table.setVisible(total > 0)
        if self.search.text().strip():
            self.statusBar().showMessage(self.tr("{n} Treffer").format(n=shown))
        else:
            self.statusBar().showMessage(self.tr("{n} Drucksachen im Register").format(n=total))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        QSettings("Ziffer", "Ziffer").setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
