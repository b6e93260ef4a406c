"""The register view: every inquiry in a lazily loaded table, with filters and the full-text search.

Filters and sorting run in the register (SQL), the table holds only the pages scrolled to, so the
view stays quick with 50,000 prints. A search shows its hits, best first, with the hits marked."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.dates import parse_date
from core.model import KINDS
from core.search_query import parse_query
from core.workflow import OPEN, STATUSES
from gui.register_model import (
    COL_BY,
    COL_DAYS,
    COL_DUE,
    COL_KIND,
    COL_MINISTRY,
    COL_NUMBER,
    COL_OFFICER,
    COL_STATUS,
    COL_TITLE,
    KIND_NAMES,
    HighlightRole,
    RegisterTableModel,
)
from gui.tasks import register_open, reports_storage_errors
from storage.register import Register, SearchFilters

OVERDUE = "überfällig"
OPEN_CHOICE = "offen"
FITTED_COLUMNS = (COL_KIND, COL_BY, COL_MINISTRY, COL_STATUS, COL_OFFICER)  # as wide as their texts
MAX_FITTED_WIDTH = 320  # beyond it a text is elided (its tooltip, where it has one, holds it whole)


class HighlightDelegate(QStyledItemDelegate):
    """Draws a cell's HighlightRole HTML (search hits marked) instead of its plain text, placed where
    the style puts a plain cell's text (left margin, vertically centred), so hits line up with the rest."""

    def paint(self, painter, option, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
        marked = index.data(HighlightRole)
        if not marked:
            super().paint(painter, option, index)
            return
        # only a search's hits need these (PySide6 makes each Qt class when first asked for)
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
        from PySide6.QtWidgets import QStyleOptionViewItem

        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(marked)
        text_rect = option.rect
        margin = 0
        if style is not None:
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        left = text_rect.left() + margin
        top = text_rect.top() + (text_rect.height() - doc.size().height()) / 2
        painter.save()
        clip = QRectF(text_rect.left(), option.rect.top(), text_rect.width() - margin, option.rect.height())
        painter.setClipRect(clip)
        painter.translate(left, top)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class RegisterView(QWidget):
    """Search field, filters and the table of inquiries."""

    open_print = Signal(int)
    status_message = Signal(str)
    import_requested = Signal()
    watch_requested = Signal()
    demo_requested = Signal()

    def __init__(self, register: Register, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today = today or date.today()
        self.closed = False
        self.model = RegisterTableModel(register, self, today=self.today)
        self.model.failed.connect(self.status_message)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Suchen: Wörter, „Förder*“ oder eine Drucksache wie 17/9321 …"))
        self.search.setAccessibleName(self.tr("Suche im Register"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(self._debounce.start)

        self.parliament = self._combo(self.tr("Parlament"))
        self.term = self._combo(self.tr("Wahlperiode"))
        self.kind = self._combo(self.tr("Art"))
        for kind in KINDS:
            self.kind.addItem(KIND_NAMES.get(kind, kind), kind)
        self.status = self._combo(self.tr("Status"))
        self.status.addItem(self.tr("offen"), OPEN_CHOICE)
        self.status.addItem(self.tr("überfällig"), OVERDUE)
        for status in STATUSES:
            self.status.addItem(status, status)
        self.unit = self._combo(self.tr("Referat"))
        self.officer = self._combo(self.tr("Bearbeiter/in"))
        self.due_from = QLineEdit(self)
        self.due_from.setPlaceholderText(self.tr("Frist ab TT.MM.JJJJ"))
        self.due_from.setAccessibleName(self.tr("Frist ab"))
        self.due_to = QLineEdit(self)
        self.due_to.setPlaceholderText(self.tr("Frist bis TT.MM.JJJJ"))
        self.due_to.setAccessibleName(self.tr("Frist bis"))
        for edit in (self.due_from, self.due_to):
            edit.setMaximumWidth(150)
            edit.editingFinished.connect(self.apply)
        self.reset_button = QPushButton(self.tr("Filter zurücksetzen"), self)
        self.reset_button.setAccessibleName(self.tr("Alle Filter zurücksetzen"))
        self.reset_button.clicked.connect(self.reset_filters)

        filters = QHBoxLayout()
        for widget in (self.parliament, self.term, self.kind, self.status, self.unit, self.officer):
            filters.addWidget(widget)
        filters.addWidget(self.due_from)
        filters.addWidget(self.due_to)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Register der Anfragen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(COL_TITLE, HighlightDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_NUMBER, 90), (COL_DUE, 90), (COL_DAYS, 50)):
            self.table.setColumnWidth(col, width)
        self._fitting = False
        self._resized_by_hand: set[int] = set()
        header.sectionResized.connect(self._section_resized)
        self.model.modelReset.connect(self._fit_columns)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        self.welcome = hint = QLabel(
            self.tr(
                "<h2>Willkommen bei Ziffer</h2><p>Das Register ist noch leer. Ziehen Sie Drucksachen "
                "(PDF, Word, Text) in dieses Fenster oder wählen Sie:</p>"
            ),
            self.empty,
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton(self.tr("Dateien importieren …"), self.empty)
        self.import_button.setAccessibleName(self.tr("Drucksachen aus Dateien importieren"))
        self.import_button.clicked.connect(self.import_requested)
        self.watch_button = QPushButton(self.tr("Einen Ordner beobachten …"), self.empty)
        self.watch_button.setAccessibleName(self.tr("Posteingangsordner beobachten"))
        self.watch_button.clicked.connect(self.watch_requested)
        self.demo_button = QPushButton(self.tr("Demo-Register öffnen"), self.empty)
        self.demo_button.setAccessibleName(self.tr("Demo-Register mit Beispieldrucksachen öffnen"))
        self.demo_button.clicked.connect(self.demo_requested)
        # while an import fills an empty register, the page shows its progress instead of the welcome
        self.importing = False
        self.import_note = QLabel(self.empty)
        self.import_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_note.setWordWrap(True)
        self.import_bar = QProgressBar(self.empty)
        self.import_bar.setAccessibleName(self.tr("Fortschritt des Imports ins leere Register"))
        self.import_bar.setMaximumWidth(420)
        self.import_note.hide()
        self.import_bar.hide()
        empty_layout.addStretch(1)
        empty_layout.addWidget(hint)
        empty_layout.addWidget(self.import_note)
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(self.import_bar, 1)
        bar_row.addStretch(1)
        empty_layout.addLayout(bar_row)
        for button in (self.import_button, self.watch_button, self.demo_button):
            row = QHBoxLayout()
            row.addStretch(1)
            button.setMinimumWidth(280)
            row.addWidget(button)
            row.addStretch(1)
            empty_layout.addLayout(row)
        empty_layout.addStretch(2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        self.refresh()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.addItem(self.tr("{name}: alle").format(name=name), None)
        combo.currentIndexChanged.connect(lambda _i: self.apply())
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # -- public -------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """The register is about to close: no timer may reach it any more."""
        self.closed = True
        self._debounce.stop()
        self.model.shutdown()

    def usable(self) -> bool:
        """Whether the view may read its register (not after shutdown, nor once the register is closed)."""
        return not self.closed and register_open(self.register)

    @reports_storage_errors()
    def refresh(self) -> None:
        """Reload the filter choices and the rows (after an import or a change)."""
        if not self.usable():
            return
        facets = self.register.facets()
        for combo, values in (
            (self.parliament, facets["parliament"]),
            (self.term, facets["term"]),
            (self.unit, facets["unit"]),
            (self.officer, facets["officer"]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(str(value), value)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)
        self.apply()

    def set_status_filter(self, choice: str | None) -> None:
        """Show only inquiries in a status, "offen" or "überfällig" (None: all)."""
        found = self.status.findData(choice)
        self.status.setCurrentIndex(found if found >= 0 else 0)
        self.apply()

    def import_started(self, _files: int = 0) -> None:
        """An import begins: an empty register shows its progress rather than the welcome."""
        self.importing = True
        self.import_bar.setRange(0, 0)  # busy until the files are counted
        self.import_note.setText(self.tr("<h2>Drucksachen werden importiert …</h2>"))
        self._show_empty_page()

    @reports_storage_errors()
    def import_progress(self, done: int, total: int, name: str) -> None:
        """A file of the import is read: the register replaces the empty page once it holds a print."""
        if not self.importing or not self.table.isHidden() or not self.usable():
            return
        if self.register.count_prints() > 0:  # a batch is stored: show it (a cheap count while empty)
            self.refresh()
            return
        self.import_bar.setRange(0, max(1, total))
        self.import_bar.setValue(done)
        text = self.tr("<h2>Drucksachen werden importiert …</h2><p>{done} von {total}: {name}</p>")
        self.import_note.setText(text.format(done=done, total=total, name=html.escape(name)))

    def import_ended(self, *_result: object) -> None:
        """The import is over (finished or failed): an empty page is the welcome again."""
        self.importing = False
        self._show_empty_page()

    def reset_filters(self) -> None:
        for combo in (self.parliament, self.term, self.kind, self.status, self.unit, self.officer):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.due_from.clear()
        self.due_to.clear()
        self.apply()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def filters(self) -> SearchFilters | None:
        """The filters as chosen; None when a date cannot be read (the user is told)."""
        f = SearchFilters(
            parliament=self.parliament.currentData(),
            term=self.term.currentData(),
            kind=self.kind.currentData(),
            unit=self.unit.currentData(),
            officer=self.officer.currentData(),
        )
        status = self.status.currentData()
        if status == OPEN_CHOICE:
            f.statuses = OPEN
        elif status == OVERDUE:
            f.statuses = OPEN
            f.due_to = (self.today - timedelta(days=1)).isoformat()
        elif status:
            f.status = status
        for edit, name in ((self.due_from, "due_from"), (self.due_to, "due_to")):
            text = edit.text().strip()
            if not text:
                continue
            day = parse_date(text)
            if day is None:
                message = self.tr("„{text}“ ist kein Datum; bitte als TT.MM.JJJJ eingeben.")
                self.status_message.emit(message.format(text=text))
                return None
            if name == "due_to" and f.due_to:
                f.due_to = min(f.due_to, day.isoformat())
            else:
                setattr(f, name, day.isoformat())
        return f

    @reports_storage_errors()
    def apply(self) -> None:
        """Show the register as searched and filtered."""
        if not self.usable():  # the search field's timer fired after the register closed
            return
        filters = self.filters()
        if filters is None:
            return
        text = self.search.text().strip()
        if text:
            query = parse_query(text)
            hits = self.register.search(query, filters, limit=500, include_material=False)
            hits = [h for h in hits if h.kind == "print"]
            rows = self.register.prints_by_id([h.id for h in hits])
            snippets = {h.id: h.snippet for h in hits}
            for row in rows:
                row["snippet"] = snippets.get(row["id"], "")
            self.model.show_rows(rows, query)
        else:
            self.model.show_all(filters)
        self.update_status()

    def selected_print(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.print_id(index.row()) if index.isValid() else None

    # -- helpers ------------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        print_id = self.model.print_id(index.row())
        if print_id is not None:
            self.open_print.emit(print_id)

    def _show_empty_page(self) -> None:
        for widget in (self.welcome, self.import_button, self.watch_button, self.demo_button):
            widget.setVisible(not self.importing)
        self.import_note.setVisible(self.importing)
        self.import_bar.setVisible(self.importing)

    def _section_resized(self, col: int, _old: int, _new: int) -> None:
        if not self._fitting and col in FITTED_COLUMNS:
            self._resized_by_hand.add(col)  # the officer's width stays

    def _rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if first == 0:  # the first page after a reset; later pages leave the widths alone
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Widen the short columns to their longest text on the first page shown (never narrower,
        so columns do not jump while scrolling or searching), up to MAX_FITTED_WIDTH."""
        rows = self.model.rowCount()
        if not rows:
            return
        header = self.table.horizontalHeader()
        metrics = QFontMetrics(self.table.font())
        style = self.table.style()
        # the style's text margins on both sides, the grid line, and a little air
        padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1) + 6
        self._fitting = True
        try:
            for col in FITTED_COLUMNS:
                if col in self._resized_by_hand:
                    continue
                texts = set(self.model.column_texts(col, 1000))  # a text once: many rows share an officer
                wanted = max(map(metrics.horizontalAdvance, texts), default=0) + padding
                wanted = min(max(wanted, header.sectionSizeHint(col)), MAX_FITTED_WIDTH)
                if wanted > self.table.columnWidth(col):
                    self.table.setColumnWidth(col, wanted)
        finally:
            self._fitting = False

    def update_status(self) -> None:
        """Enable the filters when there are prints, and say in the status bar how many are shown."""
        total = self.register.count_prints()
        self.empty.setVisible(total == 0)
        self.table.setVisible(total > 0)
        self._show_empty_page()
        for widget in (self.parliament, self.term, self.kind, self.status, self.unit, self.officer):
            widget.setEnabled(total > 0)
        if self.search.text().strip():
            hits = self.model.rowCount()
            self.status_message.emit(self.tr("1 Treffer") if hits == 1 else self.tr("{n} Treffer").format(n=hits))
        elif self.model.filters != SearchFilters():
            shown = self.register.count_prints(self.model.filters)
            text = self.tr("{n} von 1 Drucksache") if total == 1 else self.tr("{n} von {total} Drucksachen")
            self.status_message.emit(text.format(n=shown, total=total))
        else:
            text = self.tr("1 Drucksache im Register") if total == 1 else self.tr("{n} Drucksachen im Register")
            self.status_message.emit(text.format(n=total))
