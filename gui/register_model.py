"""The register as a Qt table model: rows fetched in pages as the view scrolls, never SQL in data().

With 50,000 prints the view asks for what it shows; `fetchMore` loads the next page through
the register's `list_prints` (or the rows of a search), so opening the window costs one page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from core.model import KIND_NAMES
from core.workflow import OPEN
from storage.register import Register, SearchFilters

PAGE = 200
COLUMNS = ("Drucksache", "Art", "Titel", "Ministerium", "Status", "Frist", "Tage")
KIND_NAMES = KIND_NAMES | {"other": "Sonstige"}  # in a table "Drucksache" would say nothing
SOON_DAYS = 7
IdRole = Qt.ItemDataRole.UserRole + 1


class RegisterTableModel(QAbstractTableModel):
    """Prints of the register, one row each, loaded page by page."""

    def __init__(self, register: Register, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._rows: list[dict[str, Any]] = []
        self._filters = SearchFilters()
        self._exhausted = False
        self._fixed: list[dict[str, Any]] | None = None  # rows of a search, shown as they are
        self._today = today or date.today()

    # -- what is shown ------------------------------------------------------------------------

    def show_all(self, filters: SearchFilters | None = None) -> None:
        """All prints (optionally filtered), sorted by due date; the first page is loaded."""
        self.beginResetModel()
        self._filters = filters or SearchFilters()
        self._fixed = None
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        """A given set of rows (the hits of a search), in their order."""
        self.beginResetModel()
        self._fixed = rows
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def print_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._register.list_prints(self._filters, sort="due", limit=PAGE, offset=len(self._rows))
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        left = self._days_left(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, left)
        if role == IdRole:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return row.get("title") or ""
        if role == Qt.ItemDataRole.BackgroundRole and col in (5, 6) and left is not None:
            if left < 0:
                return QBrush(QColor("#f4c7c3"))  # overdue
            if left <= SOON_DAYS:
                return QBrush(QColor("#fce8b2"))  # due soon
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _days_left(self, row: dict[str, Any]) -> int | None:
        if not row.get("due_date") or row.get("status") not in OPEN:
            return None
        return (date.fromisoformat(row["due_date"]) - self._today).days

    @staticmethod
    def _text(row: dict[str, Any], col: int, left: int | None) -> str:
        if col == 0:
            return row.get("number") or "—"
        if col == 1:
            return KIND_NAMES.get(row.get("kind") or "", row.get("kind") or "")
        if col == 2:
            return row.get("title") or ""
        if col == 3:
            return row.get("ministry") or ""
        if col == 4:
            return row.get("status") or ""
        if col == 5:
            due = row.get("due_date")
            return date.fromisoformat(due).strftime("%d.%m.%Y") if due else ""
        if col == 6:
            return "" if left is None else str(left)
        return ""
