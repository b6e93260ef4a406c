"""Importing files in the background: from a drop, the file dialog or a pasted text.

The import runs on its own connection to the register in Qt's thread pool, with the same service
the command line uses (core.services.import_files); progress and the result come back as signals.
One import runs at a time; files dropped meanwhile wait and are imported next, in order.
An import asked to stop (closing the window) ends after the batch it is storing: a batch is one
transaction, so the register holds whole batches, never half of one."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from core.errors import in_german
from gui.tasks import Jobs, with_register

TYPE_CHECKING = False
if TYPE_CHECKING:  # the import service (the parser and all it reads) is loaded by the first import
    from core.services import ImportSummary

BATCH = 50  # files stored per transaction; an import asked to stop ends after one


class _Stopped(Exception):
    """Raised between two batches of an import asked to stop."""


def accepts(mime: QMimeData) -> bool:
    """A drop worth accepting: at least one local file or folder."""
    return bool(paths_from_mime(mime))


def paths_from_mime(mime: QMimeData) -> list[Path]:
    """The local files and folders of a drop (web links and the like are left out)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def summary_text(summary: ImportSummary) -> str:
    """One German sentence on the import, then a line per file that failed, with its reason."""
    from core.services import FAILED, IMPORTED, UNCHANGED, UPDATED

    parts = []
    for status, one, many in (
        (
            IMPORTED,
            QCoreApplication.translate("Importer", "1 Datei importiert"),
            QCoreApplication.translate("Importer", "{n} Dateien importiert"),
        ),
        (
            UPDATED,
            QCoreApplication.translate("Importer", "1 aktualisiert"),
            QCoreApplication.translate("Importer", "{n} aktualisiert"),
        ),
        (
            UNCHANGED,
            QCoreApplication.translate("Importer", "1 unverändert"),
            QCoreApplication.translate("Importer", "{n} unverändert"),
        ),
        (
            FAILED,
            QCoreApplication.translate("Importer", "1 Fehler"),
            QCoreApplication.translate("Importer", "{n} Fehler"),
        ),
    ):
        n = summary.count(status)
        if n:
            parts.append(one if n == 1 else many.format(n=n))
    lines = [(", ".join(parts) or QCoreApplication.translate("Importer", "Keine Dateien gefunden")) + "."]
    for result in summary.results:
        if result.status == FAILED:
            lines.append(f"{result.path.name}: {in_german(result.reason)}")
    return "\n".join(lines)


class Importer(QObject):
    """Imports into the register at `location` (`Register.location`: a file or the team register's
    address), one batch at a time, off the GUI thread."""

    started = Signal(int)
    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, location: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self._running = False
        self._waiting: list[list[Path]] = []
        self._stop = threading.Event()
        self.jobs = Jobs(self)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, paths: list[Path]) -> bool:
        """Import these files and folders; True if the import starts now, False if it waits for the running one."""
        paths = [Path(p) for p in paths]
        if self._running:
            self._waiting.append(paths)
            return False
        if self.jobs.closed:
            return False
        self._running = True
        self._stop = stop = threading.Event()
        self.started.emit(len(paths))

        from core.services import ImportSummary, import_files  # here, not on the worker's thread

        def work(register, progress):  # type: ignore[no-untyped-def]
            summary = ImportSummary()

            def each(done: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
                summary.results.append(result)
                progress(done, total, result.path.name)
                if stop.is_set() and (done % BATCH == 0 or done == total):
                    raise _Stopped  # the batch is committed; the next is not begun

            try:
                return import_files(register, paths, batch=BATCH, progress=each)
            except _Stopped:
                return summary

        self.jobs.run(with_register(self.location, work), self._done, self._failed, self.progress.emit)
        return True

    def stop(self) -> None:
        """End the running import after the batch it is storing; forget the imports waiting."""
        self._waiting.clear()
        self._stop.set()

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Stop the import and wait for it; nothing it reports afterwards arrives. False if it still runs."""
        self.stop()
        settled = self.jobs.shutdown(timeout_ms)
        self._running = not settled
        return settled

    def _done(self, summary: ImportSummary) -> None:
        self._running = False
        self.finished.emit(summary)
        self._next()

    def _failed(self, exc: Exception) -> None:
        self._running = False
        message = QCoreApplication.translate("Importer", "Der Import ist abgebrochen: {reason}")
        self.failed.emit(message.format(reason=in_german(str(exc))))
        self._next()

    def _next(self) -> None:
        if self._waiting:
            self.start(self._waiting.pop(0))


class ImportProgress(QWidget):
    """The import's progress in the status bar: a bar, the file being read, then the summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Fortschritt des Imports"))
        self.bar.setMaximumWidth(220)
        self.label = QLabel(self)
        self.details_button = QPushButton(self.tr("Einzelheiten"), self)
        self.details_button.setAccessibleName(self.tr("Einzelheiten des Imports zeigen"))
        self.details_button.setFlat(True)
        self.details_button.clicked.connect(self._show_details)
        self.last_summary = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.details_button)
        self.bar.hide()
        self.details_button.hide()

    def attach(self, importer: Importer) -> None:
        importer.started.connect(self._started)
        importer.progress.connect(self._progress)
        importer.finished.connect(self._finished)
        importer.failed.connect(self._failed)

    def _started(self, _n: int) -> None:
        self.bar.setRange(0, 0)  # busy until the files are counted
        self.bar.show()
        self.details_button.hide()
        self.label.setText(self.tr("Import wird vorbereitet …"))

    def _progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(self.tr("Importiere {done} von {total}: {name}").format(done=done, total=total, name=name))

    def _finished(self, summary: ImportSummary) -> None:
        self.bar.hide()
        self.last_summary = summary_text(summary)
        self.label.setText(self.last_summary.splitlines()[0])
        self.details_button.setVisible("\n" in self.last_summary)

    def _failed(self, message: str) -> None:
        self.bar.hide()
        self.label.setText(message)

    def _show_details(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, self.tr("Import"), self.last_summary)
