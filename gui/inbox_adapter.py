"""The watched inbox in the app: core.inbox.Inbox reports on its own worker thread; this adapter
re-emits each result as a Qt signal, so the window handles it on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.errors import in_german
from core.inbox import Inbox
from core.services import FAILED, ImportResult
from storage.register import Register


def result_text(result: ImportResult) -> str:
    """One German line on a file from the inbox."""

    name = result.path.name
    if result.status == FAILED:
        return QCoreApplication.translate(
            "InboxAdapter", "Posteingang: {name} nicht importiert – {reason} (abgelegt in „fehler“)"
        ).format(name=name, reason=in_german(result.reason).rstrip("."))
    what = result.number or (
        QCoreApplication.translate("InboxAdapter", "Material") if result.what == "material" else ""
    )
    status = {
        "imported": QCoreApplication.translate("InboxAdapter", "importiert"),
        "updated": QCoreApplication.translate("InboxAdapter", "aktualisiert"),
        "unchanged": QCoreApplication.translate("InboxAdapter", "unverändert"),
    }.get(result.status, result.status)
    return (
        QCoreApplication.translate("InboxAdapter", "Posteingang: {name} {status} {what}")
        .format(name=name, status=status, what=what)
        .rstrip()
    )


class InboxAdapter(QObject):
    """Watches a folder for prints; every file handled comes back as `result` (and a German `imported` line)."""

    result = Signal(object)  # core.services.ImportResult (with the inbox's moved_to/note)
    imported = Signal(str)

    def __init__(self, location: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = location  # Register.location: a file or the team register's address
        self._inbox: Inbox | None = None
        self.result.connect(lambda r: self.imported.emit(result_text(r)))

    @property
    def running(self) -> bool:
        return self._inbox is not None and self._inbox.running

    @property
    def folder(self) -> Path | None:
        return self._inbox.folder if self._inbox else None

    def start(self, folder: Path, settle_seconds: float = 1.0, poll_seconds: float = 2.0) -> None:
        """Watch `folder` (created if missing); the inbox opens its own connection to the register."""
        self.stop()
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        # emitting a signal from another thread queues the call into the GUI thread
        self._inbox = Inbox(
            folder,
            lambda: Register.open(self.location),
            on_result=self.result.emit,
            settle_seconds=settle_seconds,
            poll_seconds=poll_seconds,
        )
        self._inbox.start()

    def stop(self) -> None:
        if self._inbox is not None:
            self._inbox.stop(timeout=10)
            self._inbox = None
