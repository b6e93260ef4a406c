"""The clerk's view: every open inquiry by its deadline — overdue, this week, next week, later —
or grouped by unit or officer; exports for calendars and spreadsheets; reminders when one falls due."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core import tracking
from core.drafts import short_date
from core.tracking import DeadlineRow
from gui import settings
from gui.register_model import DARK_TEXT, deadline_brush
from gui.tasks import register_open, reports_storage_errors
from storage.register import Register

IdRole = Qt.ItemDataRole.UserRole + 1


class DeadlinesView(QWidget):
    """Open inquiries in a tree: groups (by deadline, unit or officer), then the inquiries."""

    open_print = Signal(int)
    status_message = Signal(str)

    def __init__(self, register: Register, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today = today or date.today()
        self.closed = False
        self.rows: list[DeadlineRow] = []
        self.grouping = QComboBox(self)
        self.grouping.setAccessibleName(self.tr("Gruppieren nach"))
        self.grouping.addItem(self.tr("Frist"), "bucket")
        self.grouping.addItem(self.tr("Referat"), "unit")
        self.grouping.addItem(self.tr("Bearbeiter/in"), "officer")
        self.grouping.currentIndexChanged.connect(lambda _i: self.refresh())
        buttons = []
        for text, fmt in (
            (self.tr("Als iCalendar exportieren …"), "ics"),
            (self.tr("Als CSV exportieren …"), "csv"),
            (self.tr("Als Excel-Datei exportieren …"), "xlsx"),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _checked=False, fmt=fmt: self.choose_export(fmt))
            buttons.append(button)
        stats = QPushButton(self.tr("Pünktlichkeit …"), self)
        stats.setAccessibleName(self.tr("Pünktlichkeit der Antworten je Ministerium und Referat"))
        stats.clicked.connect(self.show_stats)
        buttons.insert(0, stats)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Gruppieren nach:"), self))
        top.addWidget(self.grouping)
        top.addStretch(1)
        for button in buttons:
            top.addWidget(button)

        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Fristen der offenen Anfragen"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.refresh()

    def headers(self) -> list[str]:
        return [
            self.tr("Drucksache"),
            self.tr("Titel"),
            self.tr("Status"),
            self.tr("Frist"),
            self.tr("Tage"),
            self.tr("Referat"),
            self.tr("Bearbeiter/in"),
            self.tr("Verlängerung"),
        ]

    def shutdown(self) -> None:
        """The register is about to close: the view no longer reads it."""
        self.closed = True

    @reports_storage_errors()
    def refresh(self) -> None:
        """Read the open inquiries again and group them as chosen."""
        if self.closed or not register_open(self.register):
            return
        self.rows = tracking.overview(self.register, self.today)
        groups = tracking.group(self.rows, self.grouping.currentData() or "bucket")
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self.headers())
        for name, rows in groups.items():
            head = QStandardItem(f"{name} ({len(rows)})")
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setSelectable(False)
            for r in rows:
                head.appendRow(self._row(r))
            filler = [QStandardItem("") for _ in range(len(self.headers()) - 1)]
            for item in filler:
                item.setSelectable(False)
            self.model.appendRow([head, *filler])
        self.tree.expandAll()
        for col, width in ((0, 190), (1, 380), (2, 120), (3, 90), (4, 50)):
            self.tree.setColumnWidth(col, width)
        overdue = sum(1 for r in self.rows if r.days_left < 0)
        text = (
            self.tr("1 offene Anfrage mit Frist, davon {late} überfällig")
            if len(self.rows) == 1
            else self.tr("{n} offene Anfragen mit Frist, davon {late} überfällig")
        )
        self.status_message.emit(text.format(n=len(self.rows), late=overdue))

    def group_titles(self) -> list[str]:
        return [self.model.item(k, 0).text() for k in range(self.model.rowCount())]

    def _row(self, r: DeadlineRow) -> list[QStandardItem]:
        cells = [
            r.number or "—",
            r.title,
            r.status,
            short_date(r.due),
            str(r.days_left),
            r.unit or "",
            r.officer or "",
            r.extension or "",
        ]
        items = [QStandardItem(text) for text in cells]
        for item in items:
            item.setData(r.id, IdRole)
            item.setToolTip(r.title)
            brush = deadline_brush(r.days_left)
            if brush is not None:
                item.setBackground(brush)
                item.setForeground(DARK_TEXT)
        items[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return items

    def _activated(self, index) -> None:  # type: ignore[no-untyped-def]
        print_id = index.data(IdRole)
        if print_id is not None:
            self.open_print.emit(int(print_id))

    # -- statistics -----------------------------------------------------------------------------

    def stats_rows(self) -> list[list[str]]:
        """Answered inquiries on time and late, per ministry and per unit (what parliaments ask for)."""
        names = {"ministry": self.tr("Ministerium"), "unit": self.tr("Referat")}
        rows = []
        for dim, groups in tracking.on_time_stats(self.register).items():
            for key, s in sorted(groups.items()):
                rows.append(
                    [
                        names[dim],
                        key,
                        str(s["answered"]),
                        str(s["on_time"]),
                        str(s["late"]),
                        str(s["max_days_late"]),
                        f"{s['mean_days_late']:.1f}".replace(".", ","),
                    ]
                )
        return rows

    def show_stats(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Pünktlichkeit der Antworten"))
        headers = [
            self.tr("nach"),
            self.tr("Name"),
            self.tr("beantwortet"),
            self.tr("pünktlich"),
            self.tr("verspätet"),
            self.tr("höchstens Tage zu spät"),
            self.tr("im Mittel Tage zu spät"),
        ]
        rows = self.stats_rows()
        table = QTableWidget(len(rows), len(headers), dialog)
        table.setAccessibleName(self.tr("Pünktlichkeit der Antworten"))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        dialog.resize(900, 420)
        dialog.open()
        return dialog

    # -- exports --------------------------------------------------------------------------------

    def choose_export(self, fmt: str) -> None:
        filters = {
            "ics": self.tr("iCalendar (*.ics)"),
            "csv": self.tr("CSV (*.csv)"),
            "xlsx": self.tr("Excel-Arbeitsmappe (*.xlsx)"),
        }
        suggested = str(Path.home() / f"Fristen-{self.today.isoformat()}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Fristen exportieren"), suggested, filters[fmt])
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write the open inquiries' deadlines to `path` (ics, csv or xlsx), replacing it in one step."""
        rows = tracking.overview(self.register, self.today)
        tmp_name = None
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=".ziffer-", suffix=f".{fmt}", dir=path.parent)
            os.close(fd)
            tmp = Path(tmp_name)
            if fmt == "ics":
                tmp.write_bytes(tracking.to_ical(rows, self.register))
            elif fmt == "csv":
                tmp.write_text(tracking.to_csv(rows), encoding="utf-8-sig")  # Excel reads the umlauts with a BOM
            else:
                tracking.to_xlsx(rows, tmp)
            os.replace(tmp, path)
            tmp_name = None
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("Die Fristen konnten nicht nach {path} geschrieben werden: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
            )
            return False
        finally:
            if tmp_name:
                Path(tmp_name).unlink(missing_ok=True)
        self.status_message.emit(self.tr("Fristen exportiert: {name}").format(name=path.name))
        return True


class DeadlineReminder(QObject):
    """Reminds of inquiries due within the configured days or overdue, once a day each, in the app
    (the `reminder` signal) and in the system tray where the platform has one."""

    reminder = Signal(str)
    INTERVAL_MS = 30 * 60 * 1000

    def __init__(self, register: Register, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self._reminded: set[tuple[int, date, date]] = set()  # (print, due date, day reminded)
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self, interval=self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.first_check = QTimer(self, singleShot=True, interval=2000)  # once the window is up
        self.first_check.timeout.connect(self.check)
        self.first_check.start()

    def stop(self) -> None:
        self.timer.stop()
        self.first_check.stop()

    @reports_storage_errors("reminder", default=[])
    def check(self, today: date | None = None) -> list[DeadlineRow]:
        """The inquiries to remind of now (each once a day); emits one sentence for them."""
        if not register_open(self.register):  # a timer fired after the register closed
            return []
        today = today or date.today()
        days = int(settings.get(settings.REMINDER_DAYS))
        due = [
            r
            for r in tracking.overview(self.register, today, within=days)
            if (r.id, r.due, today) not in self._reminded
        ]
        if not due:
            return []
        self._reminded.update((r.id, r.due, today) for r in due)
        text = reminder_text(due)
        self.reminder.emit(text)
        if self.tray is not None:
            self.tray.showMessage(
                QCoreApplication.translate("DeadlineReminder", "Ziffer – Fristen"),
                text,
                QSystemTrayIcon.MessageIcon.Warning,
            )
        return due

    def show_in_tray(self, icon: QIcon) -> bool:
        """A tray icon for the reminders, where the platform has a tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip("Ziffer")
        self.tray.show()
        return True


def reminder_text(rows: list[DeadlineRow]) -> str:
    """One German sentence about the inquiries falling due."""

    if len(rows) > 1:
        numbers = ", ".join(r.number or "—" for r in rows[:6]) + (" …" if len(rows) > 6 else "")
        return QCoreApplication.translate(
            "DeadlineReminder", "{n} Anfragen sind fällig oder überfällig: {numbers}."
        ).format(n=len(rows), numbers=numbers)
    r = rows[0]
    number = r.number or "—"
    if r.days_left < -1:
        return QCoreApplication.translate(
            "DeadlineReminder", "Die Frist für Drucksache {number} ist seit {n} Tagen überschritten."
        ).format(number=number, n=-r.days_left)
    if r.days_left == -1:
        return QCoreApplication.translate(
            "DeadlineReminder", "Die Frist für Drucksache {number} ist seit gestern überschritten."
        ).format(number=number)
    if r.days_left == 0:
        return QCoreApplication.translate(
            "DeadlineReminder", "Die Frist für Drucksache {number} läuft heute ab."
        ).format(number=number)
    if r.days_left == 1:
        return QCoreApplication.translate(
            "DeadlineReminder", "Die Frist für Drucksache {number} läuft morgen ab."
        ).format(number=number)
    return QCoreApplication.translate(
        "DeadlineReminder", "Die Frist für Drucksache {number} läuft in {n} Tagen ab."
    ).format(number=number, n=r.days_left)
