"""The register as a Qt table model: rows fetched in pages as the view scrolls, never SQL in data().

With 50,000 prints the view asks for what it shows; `fetchMore` loads the next page through
the register's `list_prints` (or the rows of a search), so opening the window costs one page.
"""

from __future__ import annotations

import html
import json
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from core.errors import in_german
from core.model import KIND_NAMES
from core.search_query import Query, highlight
from core.short_names import all_originators, short_ministry, short_originators
from core.workflow import OPEN
from gui.tasks import register_open, reports_storage_errors
from storage.db import StorageError
from storage.register import SNIPPET_CLOSE, SNIPPET_OPEN, Register, SearchFilters

PAGE = 200
COLUMNS = (
    QT_TRANSLATE_NOOP("RegisterTableModel", "Drucksache"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Art"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Titel"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Einbringer"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Ministerium"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Status"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Bearbeiter/in"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Frist"),
    QT_TRANSLATE_NOOP("RegisterTableModel", "Tage"),
)
COL_NUMBER, COL_KIND, COL_TITLE, COL_BY, COL_MINISTRY, COL_STATUS, COL_OFFICER, COL_DUE, COL_DAYS = range(len(COLUMNS))
SORT_KEYS = {
    COL_NUMBER: "number",
    COL_KIND: "kind",
    COL_TITLE: "title",
    COL_MINISTRY: "ministry",
    COL_STATUS: "status",
    COL_OFFICER: "officer",
    COL_DUE: "due",
    COL_DAYS: "due",
}
KIND_NAMES = KIND_NAMES | {"other": "Sonstige"}  # in a table "Drucksache" would say nothing
SOON_DAYS = 7
OVERDUE_BRUSH = QBrush(QColor("#f4c7c3"))
SOON_BRUSH = QBrush(QColor("#fce8b2"))
DARK_TEXT = QBrush(QColor("#202020"))  # on the light warning colours, in dark themes too


def deadline_brush(days_left: int | None) -> QBrush | None:
    """The background of a deadline: red when overdue, yellow within SOON_DAYS, else none."""
    if days_left is None or days_left > SOON_DAYS:
        return None
    return OVERDUE_BRUSH if days_left < 0 else SOON_BRUSH


IdRole = Qt.ItemDataRole.UserRole + 1
HighlightRole = Qt.ItemDataRole.UserRole + 2  # the title as HTML with the search hits marked


def marked_html(text: str) -> str:
    """Text with the register's hit markers as HTML with the hits highlighted."""
    escaped = html.escape(text)
    return escaped.replace(SNIPPET_OPEN, '<span style="background:#ffe766;">').replace(SNIPPET_CLOSE, "</span>")


class RegisterTableModel(QAbstractTableModel):
    """Prints of the register, one row each, loaded page by page. A page the register cannot give just
    now (the team register's server away) is `failed`, one German sentence; the rows shown stay."""

    failed = Signal(str)

    def __init__(self, register: Register, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._rows: list[dict[str, Any]] = []
        self._filters = SearchFilters()
        self._sort, self._descending = "due", False
        self._exhausted = True  # nothing to fetch before the first show_all (the view sets its order first)
        self._shown = False
        self._searching = False  # showing the hits of a search, not pages of the register
        self._today = today or date.today()

    # -- what is shown ------------------------------------------------------------------------

    def show_all(self, filters: SearchFilters | None = None) -> None:
        """All prints (optionally filtered) in the chosen order; the first page is loaded."""
        self.beginResetModel()
        if filters is not None:
            self._filters = filters
        self._rows = []
        self._exhausted = False
        self._searching = False
        self._shown = True
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def show_rows(self, rows: list[dict[str, Any]], query: Query | None = None) -> None:
        """A given set of rows (the hits of a search, with their snippets), in their order."""
        self.beginResetModel()
        self._rows = list(rows)
        if query is not None:
            for row in self._rows:
                row["title_html"] = marked_html(
                    highlight(row.get("title") or "", query, words=60, open_mark=SNIPPET_OPEN, close_mark=SNIPPET_CLOSE)
                )
        self._exhausted = True
        self._searching = True
        self._shown = True
        self.endResetModel()

    @property
    def filters(self) -> SearchFilters:
        return self._filters

    def column_texts(self, col: int, limit: int) -> list[str]:
        """The texts column `col` shows in its first `limit` rows (what `data` gives, without asking Qt)."""
        return [
            self._text(row, col, self._days_left(row) if col == COL_DAYS else None) or "" for row in self._rows[:limit]
        ]

    def print_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, print_id: int) -> int | None:
        return next((k for k, r in enumerate(self._rows) if r["id"] == print_id), None)

    @reports_storage_errors("failed")
    def refresh_rows(self, print_ids: list[int]) -> None:
        """Read these prints' rows again (after an edit) without resetting the view."""
        fresh = {r["id"]: r for r in self._register.prints_by_id(print_ids)}
        for k, row in enumerate(self._rows):
            if row["id"] in fresh:
                self._rows[k] = fresh[row["id"]] | {key: row[key] for key in ("title_html", "snippet") if key in row}
                self.dataChanged.emit(self.index(k, 0), self.index(k, len(COLUMNS) - 1))

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("RegisterTableModel", COLUMNS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the register (the view holds only the loaded pages)."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self._sort, self._descending = key, order == Qt.SortOrder.DescendingOrder
        if self._searching or not self._shown:
            return  # search hits keep their ranking; before the first show_all only the order is noted
        self.show_all()

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def shutdown(self) -> None:
        """The register is about to close: the rows shown stay, no further page is fetched."""
        self._exhausted = True

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        if not register_open(self._register):  # a repaint after the register closed under the view
            self._exhausted = True
            return
        try:
            page = self._register.list_prints(
                self._filters, sort=self._sort, limit=PAGE, offset=len(self._rows), descending=self._descending
            )
        except StorageError as exc:
            self._exhausted = True  # asked again at the next refresh, not at every repaint
            self.failed.emit(in_german(str(exc)))
            return
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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, self._days_left(row) if col == COL_DAYS else None)
        if role == IdRole:
            return row["id"]
        if role == HighlightRole and col == COL_TITLE:
            return row.get("title_html")
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            snippet = row.get("snippet")
            title = html.escape(row.get("title") or "")
            return f"<p><b>{title}</b></p><p>{marked_html(snippet)}</p>" if snippet else row.get("title") or ""
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_BY:
            return all_originators(*_people(row)) or None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MINISTRY:
            return row.get("ministry") or None
        if role == Qt.ItemDataRole.BackgroundRole and col in (COL_DUE, COL_DAYS):
            return deadline_brush(self._days_left(row))
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col in (COL_DUE, COL_DAYS)
            and deadline_brush(self._days_left(row))
        ):
            return DARK_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _days_left(self, row: dict[str, Any]) -> int | None:
        if not row.get("due_date") or row.get("status") not in OPEN:
            return None
        return (date.fromisoformat(row["due_date"]) - self._today).days

    @staticmethod
    def _text(row: dict[str, Any], col: int, left: int | None) -> str:
        if col == COL_NUMBER:
            return row.get("number") or "—"
        if col == COL_KIND:
            return KIND_NAMES.get(row.get("kind") or "", row.get("kind") or "")
        if col == COL_TITLE:
            return row.get("title") or ""
        if col == COL_BY:
            return short_originators(*_people(row))
        if col == COL_MINISTRY:
            return short_ministry(row.get("ministry"))
        if col == COL_STATUS:
            return row.get("status") or ""
        if col == COL_OFFICER:
            return " · ".join(v for v in (row.get("lead_officer"), row.get("lead_unit")) if v)
        if col == COL_DUE:
            due = row.get("due_date")
            return date.fromisoformat(due).strftime("%d.%m.%Y") if due else ""
        if col == COL_DAYS:
            return "" if left is None else str(left)
        return ""


def _people(row: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The originators and factions of a row (stored as JSON lists)."""
    return json.loads(row.get("originators") or "[]"), json.loads(row.get("factions") or "[]")
