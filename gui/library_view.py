"""The library: background material (studies, papers of a Kreistag, press releases), searchable,
readable, and attachable to the inquiries it helps to answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.errors import in_german
from core.search_query import parse_query
from core.services import current_user, import_files
from gui.register_model import marked_html
from gui.tasks import Jobs, register_open, reports_storage_errors, with_register
from storage.register import Register

IdRole = Qt.ItemDataRole.UserRole + 1
PAGE = 200


class LibraryView(QWidget):
    """Search field and list of material on the left, the text and its links on the right."""

    open_print = Signal(int)
    status_message = Signal(str)

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.closed = False
        self.jobs = Jobs(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Im Material suchen …"))
        self.search.setAccessibleName(self.tr("Suche in der Bibliothek"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Material der Bibliothek"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._selected)
        self.list.verticalScrollBar().valueChanged.connect(self._maybe_more)
        self.import_button = QPushButton(self.tr("Material importieren …"), self)
        self.import_button.setAccessibleName(self.tr("Material aus Dateien importieren"))
        self.import_button.clicked.connect(self.choose_import)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.import_button)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Text des Materials"))
        self.links = QListWidget(self)
        self.links.setAccessibleName(self.tr("Verknüpfte Anfragen"))
        self.links.setMaximumHeight(120)
        self.links.itemActivated.connect(self._open_link)
        self.links.itemDoubleClicked.connect(self._open_link)
        self.attach_button = QPushButton(self.tr("Mit Anfrage verknüpfen …"), self)
        self.attach_button.setAccessibleName(self.tr("Material mit einer Anfrage verknüpfen"))
        self.attach_button.clicked.connect(self.choose_attach)
        self.detach_button = QPushButton(self.tr("Verknüpfung lösen"), self)
        self.detach_button.setAccessibleName(self.tr("Verknüpfung mit der gewählten Anfrage lösen"))
        self.detach_button.clicked.connect(lambda _checked=False: self.detach_selected())
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.detach_button)
        buttons.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(QLabel(self.tr("Verknüpft mit"), self))
        right_layout.addWidget(self.links)
        right_layout.addLayout(buttons)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._offset = 0
        self._exhausted = True
        self.refresh()

    # -- lifetime -------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """The register is about to close: stop the search's timer, wait for an import of material
        and drop its report, so nothing reaches the register afterwards."""
        self.closed = True
        self._debounce.stop()
        self._exhausted = True
        self.jobs.shutdown()

    def usable(self) -> bool:
        """Whether the view may read its register (not after shutdown, nor once the register is closed)."""
        return not self.closed and register_open(self.register)

    # -- listing --------------------------------------------------------------------------------

    @reports_storage_errors()
    def refresh(self) -> None:
        """The list again: the search's hits, or all material newest first (in pages)."""
        if not self.usable():  # the search field's timer or an import's report after the register closed
            return
        current = self.selected_material()
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        text = self.search.text().strip()
        self._query = parse_query(text) if text else None
        if self._query is not None:
            for hit in self.register.search_material(self._query):
                self._add(hit.id, hit.title, "", snippet=hit.snippet)
            self._exhausted = True
            hits = self.list.count()
            text = self.tr("1 Treffer in der Bibliothek") if hits == 1 else self.tr("{n} Treffer in der Bibliothek")
            self.status_message.emit(text.format(n=hits))
        else:
            self._offset, self._exhausted = 0, False
            self._more()
        for row in range(self.list.count()):
            if self.list.item(row).data(IdRole) == current:
                self.list.setCurrentRow(row)
                return
        self._show(None)

    @reports_storage_errors()
    def _more(self) -> None:
        rows = self.register.list_material(limit=PAGE, offset=self._offset)
        self._offset += len(rows)
        self._exhausted = len(rows) < PAGE
        for r in rows:
            self._add(r["id"], r["title"], " · ".join(x for x in (r["source"] or "", self._links(r["links"])) if x))

    def _links(self, n: int) -> str:
        if not n:
            return ""
        return self.tr("verknüpft mit 1 Anfrage") if n == 1 else self.tr("verknüpft mit {n} Anfragen").format(n=n)

    def _maybe_more(self, value: int) -> None:
        if not self._exhausted and self.usable() and value >= self.list.verticalScrollBar().maximum() - 5:
            self._more()

    def _add(self, material_id: int, title: str, detail: str, snippet: str = "") -> None:
        item = QListWidgetItem(title + (f"\n{detail}" if detail else ""))
        item.setData(IdRole, material_id)
        if snippet:
            item.setToolTip(marked_html(snippet))
            item.setText(title + "\n" + snippet.replace("\x02", "»").replace("\x03", "«"))
        self.list.addItem(item)

    def titles(self) -> list[str]:
        return [self.list.item(k).text().split("\n")[0] for k in range(self.list.count())]

    def selected_material(self) -> int | None:
        item = self.list.currentItem()
        return item.data(IdRole) if item else None

    def select(self, material_id: int) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(IdRole) == material_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def _selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if not self.usable():  # the list took the focus (and a current item) as its window closed
            return
        self._show(current.data(IdRole) if current else None)

    @reports_storage_errors()
    def _show(self, material_id: int | None) -> None:
        self.links.clear()
        self.attach_button.setEnabled(material_id is not None)
        self.detach_button.setEnabled(False)
        if material_id is None:
            self.title.clear()
            self.text.clear()
            return
        m = self.register.get_material(material_id)
        self.title.setText(f"<b>{m['title']}</b><br>{m['source'] or ''}")
        self.text.setPlainText(m["text"])
        if self._query is not None:
            for word, _prefix in self._query.highlight_terms()[:1]:
                self.text.find(word)
        for p in self.register.prints_for_material(material_id):
            item = QListWidgetItem(f"{p['number'] or '—'} — {p['title'] or ''}")
            item.setData(IdRole, p["id"])
            self.links.addItem(item)
        self.detach_button.setEnabled(self.links.count() > 0)

    def _open_link(self, item: QListWidgetItem) -> None:
        self.open_print.emit(int(item.data(IdRole)))

    # -- linking --------------------------------------------------------------------------------

    def choose_attach(self) -> None:
        material_id = self.selected_material()
        if material_id is None:
            return
        number, ok = QInputDialog.getText(
            self, self.tr("Mit Anfrage verknüpfen"), self.tr("Nummer der Drucksache (z. B. 17/9321):")
        )
        if ok and number.strip():
            self.attach(material_id, number.strip())

    @reports_storage_errors(default=False)
    def attach(self, material_id: int, number: str) -> bool:
        """Link the material to the print with this number; an unknown number is explained."""
        print_id = self.register.print_id(number.replace(" ", ""))
        if print_id is None:
            QMessageBox.warning(
                self,
                self.tr("Verknüpfen"),
                self.tr("Die Drucksache {number} ist nicht im Register.").format(number=number),
            )
            return False
        with self.register.transaction():
            self.register.link_material(material_id, print_id, current_user())
        self.status_message.emit(self.tr("Material mit Drucksache {number} verknüpft.").format(number=number))
        self._refresh_keep(material_id)
        return True

    @reports_storage_errors(default=False)
    def detach_selected(self) -> bool:
        material_id, item = self.selected_material(), self.links.currentItem() or self.links.item(0)
        if material_id is None or item is None:
            return False
        with self.register.transaction():
            done = self.register.unlink_material(material_id, int(item.data(IdRole)), current_user())
        self._refresh_keep(material_id)
        return done

    def _refresh_keep(self, material_id: int) -> None:
        self.refresh()
        self.select(material_id)

    # -- import ---------------------------------------------------------------------------------

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Material importieren"), "", self.tr("Dokumente (*.pdf *.docx *.txt);;Alle Dateien (*)")
        )
        if files:
            self.import_material([Path(f) for f in files])

    def import_material(self, paths: list[Path]) -> None:
        """Import files into the library in the background; a German summary follows."""

        def work(register, _progress):  # type: ignore[no-untyped-def]
            return import_files(register, paths, force_material=True)

        def done(summary) -> None:  # type: ignore[no-untyped-def]
            good = summary.count("imported") + summary.count("updated")
            failed = [r for r in summary.results if r.status == "failed"]
            text = (
                self.tr("1 Dokument in die Bibliothek übernommen")
                if good == 1
                else self.tr("{n} Dokumente in die Bibliothek übernommen").format(n=good)
            )
            if failed:
                reasons = "; ".join(f"{r.path.name} – {in_german(r.reason)}" for r in failed)
                errors = self.tr(", 1 Fehler: {reasons}") if len(failed) == 1 else self.tr(", {n} Fehler: {reasons}")
                text += errors.format(n=len(failed), reasons=reasons)
            self.status_message.emit(text + ".")
            self.refresh()

        def failed(exc: Exception) -> None:
            self.status_message.emit(self.tr("Der Import ist abgebrochen: {reason}").format(reason=exc))

        self.jobs.run(with_register(self.register.location, work), done, failed)
