"""Exporting an inquiry's Stellungnahme (or a letter about it) as DOCX or PDF, with a preview.

The dialog shows the checks the export makes (a missing date, an answer still empty, a cited print
not in the register) and a preview of the pages, rendered in the background from the same template
the export will use."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core import export as ex
from core.errors import ZifferError
from core.model import PrintDoc
from gui import settings
from gui.pdf_preview import PdfPreview
from gui.tasks import run_in_background
from storage.register import Register

FINISHED = ("versandt", "veröffentlicht")


class ExportDialog(QDialog):
    """Template, format, draft mark, folder; the pre-export warnings and the page preview."""

    exported = Signal(Path)

    def __init__(self, register: Register, print_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.print_id = print_id
        stored = register.get_print(print_id)
        self.doc: PrintDoc = stored.doc
        self.in_register = ex.cited_in_register(self.doc, lambda n: register.print_id(n) is not None)
        self._preview_dir = tempfile.TemporaryDirectory(prefix="ziffer-vorschau-")
        self._generation = 0
        self.setWindowTitle(self.tr("Exportieren: Drucksache {number}").format(number=self.doc.number or "—"))

        self.template = QComboBox(self)
        self.template.setAccessibleName(self.tr("Vorlage"))
        names = {
            "stellungnahme": self.tr("Stellungnahme (Antrag)"),
            "antwort": self.tr("Antwort (Anfrage)"),
            "zulieferung": self.tr("Bitte um Zulieferung an ein Referat"),
            "fristverlaengerung": self.tr("Bitte um Fristverlängerung"),
        }
        for key in ex.TEMPLATES:
            self.template.addItem(names.get(key, key), key)
        self.template.setCurrentIndex(max(0, self.template.findData(ex.default_template(self.doc))))
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem(self.tr("PDF"), "pdf")
        self.format.addItem(self.tr("Word (DOCX)"), "docx")
        self.set_format(settings.get(settings.EXPORT_FORMAT))
        self.draft = QCheckBox(self.tr("Als Entwurf kennzeichnen"), self)
        self.draft.setAccessibleName(self.tr("Als Entwurf kennzeichnen"))
        self.draft.setChecked(stored.status not in FINISHED)
        self.unit = QLineEdit(self)
        self.unit.setAccessibleName(self.tr("Referat, das zuliefern soll"))
        self.unit.setPlaceholderText(self.tr("z. B. Referat 42"))
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Zielordner"))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder.setText(str(ex.existing_folder(settings.get(settings.EXPORT_FOLDER), documents)))
        choose = QPushButton(self.tr("Ordner wählen …"), self)
        choose.setAccessibleName(self.tr("Zielordner wählen"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)

        form = QFormLayout()
        form.addRow(self.tr("Vorlage"), self.template)
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.draft)
        self.unit_label = QLabel(self.tr("Referat"), self)
        form.addRow(self.unit_label, self.unit)
        form.addRow(self.tr("Ordner"), folder_row)

        self.warnings = QListWidget(self)
        self.warnings.setAccessibleName(self.tr("Hinweise vor dem Export"))
        self.warnings.setWordWrap(True)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Ordner öffnen"), self)
        self.open_folder.setAccessibleName(self.tr("Ordner mit der exportierten Datei öffnen"))
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_folder)
        self.export_button = QPushButton(self.tr("Exportieren"), self)
        self.export_button.setAccessibleName(self.tr("Jetzt exportieren"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_now)
        close = QPushButton(self.tr("Schließen"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.export_now)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(QLabel(self.tr("Hinweise"), self))
        left_layout.addWidget(self.warnings, 1)
        left_layout.addWidget(self.result)
        left_layout.addLayout(buttons)
        self.preview_label = QLabel(self)
        self.preview = PdfPreview(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1060, 760)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.render_preview)
        for signal in (self.template.currentIndexChanged, self.format.currentIndexChanged, self.draft.toggled):
            signal.connect(self._changed)
        self.unit.textChanged.connect(self._changed)
        self._changed()

    # -- choices --------------------------------------------------------------------------------

    def set_format(self, fmt: str) -> None:
        found = self.format.findData(fmt)
        self.format.setCurrentIndex(found if found >= 0 else 0)

    def set_template(self, name: str) -> None:
        found = self.template.findData(name)
        if found >= 0:
            self.template.setCurrentIndex(found)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Zielordner wählen"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _changed(self) -> None:
        name = self.template.currentData()
        self.unit.setVisible(name == "zulieferung")
        self.unit_label.setVisible(name == "zulieferung")
        self.warnings.clear()
        items = ex.checks(self.doc, self.in_register) if name in ("stellungnahme", "antwort") else []
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for text in items:
            self.warnings.addItem(QListWidgetItem(icon, text))
        if not items:
            self.warnings.addItem(self.tr("Keine Hinweise."))
        fmt = self.format.currentData()
        self.preview_label.setText(self.tr("Vorschau (PDF-Darstellung)") if fmt == "docx" else self.tr("Vorschau"))
        self._debounce.start()

    def warning_texts(self) -> list[str]:
        return [self.warnings.item(k).text() for k in range(self.warnings.count())]

    def _request(self, name: str) -> dict | None:
        if name == "zulieferung":
            return ex.request_for_unit(self.doc, self.register.contributions(self.print_id), self.unit.text().strip())
        if name == "fristverlaengerung":
            return ex.request_for_extension(self.register.workflow(self.print_id))
        return None

    # -- preview --------------------------------------------------------------------------------

    def render_preview(self) -> None:
        """Render the current choice as PDF in the background and show its pages."""
        self._generation += 1
        generation = self._generation
        name, draft = self.template.currentData(), self.draft.isChecked()
        try:
            request = self._request(name)
        except (ex.ExportError, ZifferError) as exc:
            self.preview.clear(str(exc))
            return
        doc, in_register = self.doc, self.in_register
        folder = Path(self._preview_dir.name) / str(generation)
        folder.mkdir(parents=True, exist_ok=True)
        self.preview.clear(self.tr("Vorschau wird erstellt …"))

        def work(_progress):  # type: ignore[no-untyped-def]
            return ex.export(
                doc, "pdf", folder, template=name, draft=draft, in_register=in_register, request=request
            ).path

        def done(path: Path) -> None:
            if generation == self._generation:  # a newer choice replaces an older preview
                self.preview.load(path)

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self.preview.clear(self.tr("Die Vorschau kann nicht erstellt werden: {reason}").format(reason=exc))

        run_in_background(work, done, failed)

    # -- export ---------------------------------------------------------------------------------

    def export_now(self) -> Path | None:
        """Write the file into the chosen folder; the path, or None after telling the user why not."""
        name, fmt = self.template.currentData(), self.format.currentData()
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_dir() and not self._create_folder(folder):
            return None
        try:
            result = ex.export(
                self.doc,
                fmt,
                folder,
                template=name,
                draft=self.draft.isChecked(),
                in_register=self.in_register,
                request=self._request(name),
            )
        except (ex.ExportError, ZifferError, OSError) as exc:
            QMessageBox.warning(
                self, self.tr("Export"), self.tr("Die Datei wurde nicht geschrieben: {reason}").format(reason=exc)
            )
            return None
        settings.put(settings.EXPORT_FOLDER, str(folder))
        settings.put(settings.EXPORT_FORMAT, fmt)
        self.last_path = result.path
        self.result.setText(self.tr("Gespeichert: {path}").format(path=result.path))
        self.open_folder.show()
        self.exported.emit(result.path)
        return result.path

    def _create_folder(self, folder: Path) -> bool:
        """Offer to create a missing folder (a fresh account has no Documents folder); True when it exists now."""
        answer = QMessageBox.question(
            self,
            self.tr("Export"),
            self.tr("Den Ordner {folder} gibt es nicht. Soll er angelegt werden?").format(folder=folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            ex.ensure_folder(folder)
        except ex.ExportError as exc:
            QMessageBox.warning(
                self, self.tr("Export"), self.tr("Die Datei wurde nicht geschrieben: {reason}").format(reason=exc)
            )
            return False
        return True

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))

    def done(self, result: int) -> None:
        self._debounce.stop()
        self._generation += 1  # late previews are dropped
        super().done(result)
