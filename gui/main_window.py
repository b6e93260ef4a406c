"""Ziffer's main window: the register, the deadlines, the library and the open inquiries as tabs.

Everything the command line can do is reachable here through the same services; long work
(imports, the inbox, backups, previews) runs off the GUI thread and reports in the status bar.

Closing is one ordered path (`shutdown`): ask whether to stop a running import, save, stop the
timers and the inbox, wait for every background job, and only then may the register be closed
and the window deleted — no worker or timer outlives what it reports to."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from core import VERSION
from core.errors import ZifferError, in_german
from gui import settings
from gui.change_watcher import ChangeWatcher
from gui.importer import Importer, ImportProgress, accepts, paths_from_mime, summary_text
from gui.keys import redo_keys
from gui.register_view import OVERDUE, RegisterView
from gui.resources import app_icon
from gui.tasks import Jobs, reports_storage_errors, wait_for_background, with_register
from storage.db import StorageError, default_db_path, is_server, resolve_db_path
from storage.register import Register
from storage.team import display

# PySide6 makes each Qt class the first time Python asks for it (QDialog 2 ms, QFileDialog 1.5 ms): classes
# the window needs only for a dialog or an event are imported where they are used, as are the views
# and dialogs not needed for the first frame.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from gui.deadlines_view import DeadlineReminder, DeadlinesView
    from gui.export_dialog import ExportDialog
    from gui.inbox_adapter import InboxAdapter
    from gui.inquiry_view import InquiryView
    from gui.library_view import LibraryView
    from gui.settings_dialog import SettingsDialog

FIXED_TABS = 3  # register, deadlines, library; inquiry tabs follow
SHUTDOWN_WAIT_MS = 60000  # for the batch an import is storing, a backup, a preview
SERVICES_LATEST_MS = 1000  # the services start after the first frame, or after this if none is painted


def __getattr__(name: str) -> object:
    """`from gui.main_window import NewInquiryDialog` as before; the dialog lives in its own module."""
    if name == "NewInquiryDialog":
        from gui.new_inquiry_dialog import NewInquiryDialog

        return NewInquiryDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class LazyTab(QWidget):
    """The place of a tab whose view is made only when needed: when the tab is first shown, or when
    `view()` is asked for it. The window shows sooner, and a view never opened costs nothing."""

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self.made: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def view(self) -> QWidget:
        """The view, made now if it is not yet."""
        if self.made is None:
            self.made = self._make()
            self.layout().addWidget(self.made)
            self.made.show()  # at once, not when the event loop comes round (shown with the tab)
        return self.made

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.view()
        super().showEvent(event)


class MainWindow(QMainWindow):
    """The register and everything around it, in one window."""

    database_changed = Signal(object)  # the register's location: a Path, or the team register's address

    def __init__(self, register: Register, today: date | None = None, *, start_services: bool = True) -> None:
        super().__init__()
        self.register = register
        self.today = today or date.today()
        self.start_services = start_services
        self.closed = False  # shut down: services stopped, background jobs finished
        self.services_started = False  # the backup, the reminders and the inbox (`_start_services`)
        self.settled = True  # False if a background job did not finish within SHUTDOWN_WAIT_MS
        # asked when closing during an import; True stops it after the current batch (tests set their answer)
        self.confirm_stop_import: Callable[[], bool] = self._ask_stop_import
        self.jobs = Jobs(self)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self.inquiries: dict[int, InquiryView] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.progress = ImportProgress(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.importer: Importer | None = None
        self.inbox: InboxAdapter | None = None
        self.reminder: DeadlineReminder | None = None
        self._build_menus()
        self._open_workspace()

        geometry = settings.get(settings.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        # the backup, the reminders and the inbox start once the window has painted its first frame
        # (paintEvent), not before: the officer sees the register first
        self._services_pending = start_services
        if start_services:
            # a window started minimized paints late; the timer dies with the window
            QTimer.singleShot(SERVICES_LATEST_MS, self, self._start_services)

    # -- building ---------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, name: str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Datei"))
        self.new_action = self._action(
            self.tr("&Neue Anfrage …"), self.new_inquiry, QKeySequence.StandardKey.New, "new"
        )
        self.import_action = self._action(
            self.tr("&Importieren …"), self.choose_import, QKeySequence("Ctrl+I"), "import"
        )
        self.save_action = self._action(self.tr("&Speichern"), self.save_all, QKeySequence.StandardKey.Save, "save")
        self.export_action = self._action(
            self.tr("&Exportieren …"), self.export_current, QKeySequence("Ctrl+E"), "export"
        )
        self.open_db_action = self._action(self.tr("Register ö&ffnen …"), self.choose_database, None, "open_db")
        self.open_team_action = self._action(
            self.tr("&Team-Register öffnen …"), self.choose_team_register, None, "open_team"
        )
        self.demo_action = self._action(self.tr("&Demo-Register öffnen"), self.open_demo, None, "demo")
        self.settings_action = self._action(
            self.tr("&Einstellungen …"), self.show_settings, QKeySequence.StandardKey.Preferences, "settings"
        )
        self.quit_action = self._action(self.tr("&Beenden"), self.close, QKeySequence("Ctrl+Q"), "quit")
        for action in (self.new_action, self.import_action, self.save_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_db_action)
        file_menu.addAction(self.open_team_action)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Bearbeiten"))
        undo = self.undo_group.createUndoAction(self, self.tr("&Rückgängig"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("&Wiederholen"))
        redo.setShortcuts(redo_keys())
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self.find_action = self._action(self.tr("&Suchen"), self.focus_search, QKeySequence.StandardKey.Find, "find")
        edit_menu.addAction(self.find_action)

        view_menu = bar.addMenu(self.tr("&Ansicht"))
        self.show_register_action = self._action(
            self.tr("&Register"), lambda: self.tabs.setCurrentIndex(0), QKeySequence("Ctrl+1")
        )
        self.show_deadlines_action = self._action(
            self.tr("&Fristen"), lambda: self.tabs.setCurrentIndex(1), QKeySequence("Ctrl+2")
        )
        self.show_library_action = self._action(
            self.tr("&Bibliothek"), lambda: self.tabs.setCurrentIndex(2), QKeySequence("Ctrl+3")
        )
        self.overdue_action = self._action(
            self.tr("Ü&berfällige Anfragen"), self.show_overdue, QKeySequence("Ctrl+Shift+U")
        )
        self.close_tab_action = self._action(
            self.tr("Anfrage s&chließen"),
            lambda: self.close_tab(self.tabs.currentIndex()),
            QKeySequence.StandardKey.Close,
        )
        for action in (
            self.show_register_action,
            self.show_deadlines_action,
            self.show_library_action,
            self.overdue_action,
            self.close_tab_action,
        ):
            view_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Hilfe"))
        self.about_action = self._action(self.tr("Ü&ber Ziffer"), self.show_about, None, "about")
        help_menu.addAction(self.about_action)

    def _open_workspace(self) -> None:
        """The views over the current register (again after switching or restoring the database)."""
        self.setWindowTitle(self.tr("Ziffer — {name}").format(name=self.register.name))
        self.register_view = RegisterView(self.register, self, today=self.today)
        # the deadlines and the library are read when their tab is first opened (or a view asked for)
        self.deadlines_tab = LazyTab(self._make_deadlines_view, self)
        self.library_tab = LazyTab(self._make_library_view, self)
        self.tabs.addTab(self.register_view, self.tr("Register"))
        self.tabs.addTab(self.deadlines_tab, self.tr("Fristen"))
        self.tabs.addTab(self.library_tab, self.tr("Bibliothek"))
        for k in range(FIXED_TABS):
            self.tabs.tabBar().setTabButton(k, self.tabs.tabBar().ButtonPosition.RightSide, None)
            self.tabs.tabBar().setTabButton(k, self.tabs.tabBar().ButtonPosition.LeftSide, None)
        self._connect_view(self.register_view)
        self.register_view.import_requested.connect(self.choose_import)
        self.register_view.watch_requested.connect(self.choose_inbox)
        self.register_view.demo_requested.connect(self.open_demo)
        self.importer = Importer(self.register.location, self)
        self.progress.attach(self.importer)
        # an empty register shows the import's progress and gives way to the table with the first print
        self.importer.started.connect(self.register_view.import_started)
        self.importer.progress.connect(self.register_view.import_progress)
        self.importer.finished.connect(self.register_view.import_ended)
        self.importer.failed.connect(self.register_view.import_ended)
        self.importer.finished.connect(self._import_finished)
        self.importer.failed.connect(lambda message: QMessageBox.warning(self, self.tr("Import"), message))
        self.register_view.update_status()  # the view read its first page when made; now the status bar hears
        self.watcher = ChangeWatcher(self.register, self)
        self.watcher.changed.connect(self._external_changes)
        for entry in settings.open_inquiries(self.register.location):
            print_id = int(entry[1:]) if entry[:1] == "#" and entry[1:].isdigit() else self.register.print_id(entry)
            if print_id is not None:
                self.open_print(print_id, focus=False)

    def _connect_view(self, view) -> None:  # type: ignore[no-untyped-def]
        view.open_print.connect(self.open_print)
        view.status_message.connect(self.show_message)

    def _make_deadlines_view(self) -> DeadlinesView:
        from gui.deadlines_view import DeadlinesView

        view = DeadlinesView(self.register, self, today=self.today)
        self._connect_view(view)
        if self.closed:  # asked for after the window shut down: it must not read the register any more
            view.shutdown()
        return view

    def _make_library_view(self) -> LibraryView:
        from gui.library_view import LibraryView

        view = LibraryView(self.register, self)
        self._connect_view(view)
        if self.closed:
            view.shutdown()
        return view

    @property
    def deadlines_view(self) -> DeadlinesView:
        """The deadlines tab's view (made now if its tab was never opened)."""
        return self.deadlines_tab.view()  # type: ignore[return-value]

    @property
    def library_view(self) -> LibraryView:
        """The library tab's view (made now if its tab was never opened)."""
        return self.library_tab.view()  # type: ignore[return-value]

    def _fixed_views(self) -> list:  # type: ignore[type-arg]
        """The register view and whichever of the deadlines and library views are made."""
        return [self.register_view, *(tab.made for tab in (self.deadlines_tab, self.library_tab) if tab.made)]

    def _close_workspace(self) -> bool:
        if not self.save_all():
            return False
        self.watcher.stop()
        if self.importer is not None:
            self.importer.shutdown(SHUTDOWN_WAIT_MS)  # it writes to the register about to close
            self.importer.deleteLater()
            self.importer = None
        for view in self._fixed_views():
            view.shutdown()
        for view in list(self.inquiries.values()):
            view.close_view()
            view.shutdown()
            self.undo_group.removeStack(view.undo_stack)
        self.inquiries.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        return True

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if self._services_pending:
            self._services_pending = False
            QTimer.singleShot(0, self, self._start_services)  # when this frame is on the screen

    def started(self) -> bool:
        """Whether the work left for after the first frame is done: the services started (or not wanted)."""
        return not self.start_services or self.services_started

    def _start_services(self) -> None:
        """What runs beside the window: the backup of the register, the inbox, deadline reminders."""
        if self.closed or self.services_started:  # closed before the event loop came round to this; or done
            return
        self.services_started = True
        self._services_pending = False
        from gui.deadlines_view import DeadlineReminder

        self.backup_now()
        self.reminder = DeadlineReminder(self.register, self)
        self.reminder.reminder.connect(self._remind)
        self.reminder.show_in_tray(self.windowIcon())
        folder = settings.get(settings.INBOX_FOLDER)
        if folder and settings.get(settings.INBOX_ENABLED):
            self.start_inbox(Path(folder))

    # -- inquiries ----------------------------------------------------------------------------------

    def open_print(self, print_id: int, focus: bool = True) -> InquiryView | None:
        """Open an inquiry in its own tab (or go to its tab)."""
        view = self.inquiries.get(print_id)
        if view is None:
            from gui.inquiry_view import InquiryView

            try:
                view = InquiryView(self.register, print_id, self, today=self.today)
            except KeyError:
                self.show_message(self.tr("Diese Drucksache ist nicht (mehr) im Register."))
                return None
            except StorageError as exc:  # the team register's server away
                self.show_message(in_german(str(exc)))
                return None
            view.open_print.connect(self.open_print)
            view.status_message.connect(self.show_message)
            view.changed.connect(self._print_changed)
            view.export_requested.connect(self.export_print)
            self.undo_group.addStack(view.undo_stack)
            view.use_window_undo()
            self.inquiries[print_id] = view
            number = view.doc.number or self.tr("ohne Nummer")
            index = self.tabs.addTab(view, number)
            self.tabs.setTabToolTip(index, view.doc.title)
            self._remember_tabs()
        if focus:
            self.tabs.setCurrentWidget(view)
        return view

    def _inquiry(self, widget: QWidget | None) -> InquiryView | None:
        """The widget if it is the tab of an open inquiry (without importing the inquiry view to ask)."""
        view = self.inquiries.get(getattr(widget, "print_id", None))  # type: ignore[arg-type]
        return view if view is not None and view is widget else None

    def current_inquiry(self) -> InquiryView | None:
        return self._inquiry(self.tabs.currentWidget())

    def close_tab(self, index: int) -> None:
        widget = self._inquiry(self.tabs.widget(index))
        if widget is None:
            return
        if not widget.close_view():
            answer = QMessageBox.question(
                self,
                self.tr("Nicht gespeichert"),
                self.tr("Die Antwort konnte nicht gespeichert werden. Die Anfrage trotzdem schließen?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        widget.shutdown()
        self.undo_group.removeStack(widget.undo_stack)
        self.inquiries.pop(widget.print_id, None)
        self.tabs.removeTab(index)
        widget.deleteLater()
        self._remember_tabs()

    def _remember_tabs(self) -> None:
        # at once, not at closing: after a crash the open inquiries come back
        numbers = [view.doc.number or f"#{pid}" for pid, view in self.inquiries.items()]
        settings.remember_open_inquiries(self.register.location, numbers)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        inquiry = self._inquiry(widget)
        self.undo_group.setActiveStack(inquiry.undo_stack if inquiry is not None else None)
        self.export_action.setEnabled(inquiry is not None or widget is self.register_view)

    @reports_storage_errors("show_message")
    def _print_changed(self, print_id: int) -> None:
        self.register_view.model.refresh_rows([print_id])
        view = self.inquiries.get(print_id)
        if view is not None:
            index, text = self.tabs.indexOf(view), view.doc.number or self.tr("ohne Nummer")
            if self.tabs.tabText(index) != text:
                self.tabs.setTabText(index, text)
                self._remember_tabs()  # tabs are remembered by number: the corrected one is reopened

    @reports_storage_errors("show_message")
    def _external_changes(self, changes: list) -> None:  # list[storage.watch.Change]
        """Another window or PC changed the register: the list, the deadlines and the open inquiries
        follow (an inquiry being edited shows a banner instead of reloading)."""
        if self.closed:
            return
        prints = {c.entity_id: c for c in changes if c.entity == "print"}  # the last change of each
        if any(c.field == "created" or c.entity != "print" for c in changes):
            self.register_view.refresh()  # new prints (an import elsewhere): rows and filters anew
            if self.library_tab.made is not None:  # one not yet made reads the register when it is
                self.library_view.refresh()
        else:
            self.register_view.model.refresh_rows(list(prints))
        if self.deadlines_tab.made is not None:
            self.deadlines_view.refresh()
        for print_id, change in prints.items():
            view = self.inquiries.get(print_id)
            if view is None:
                continue
            try:
                view.external_change(change.who, change.at)
            except KeyError:  # deleted elsewhere
                continue
            self._print_changed(print_id)

    def save_all(self) -> bool:
        """Write every open answer now (Ctrl+S); the text is saved while typing anyway."""
        ok = all([view.save_now() for view in self.inquiries.values()])
        self.show_message(self.tr("Alles gespeichert.") if ok else self.tr("Nicht alles konnte gespeichert werden."))
        return ok

    def new_inquiry(self) -> None:
        import tempfile

        from PySide6.QtWidgets import QDialog

        from gui.new_inquiry_dialog import NewInquiryDialog

        dialog = NewInquiryDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        folder = Path(tempfile.mkdtemp(prefix="ziffer-neu-"))
        path = dialog.write_file(folder)
        if path is None:
            self.show_message(self.tr("Kein Text eingefügt – keine Anfrage angelegt."))
            return
        self.start_import([path], open_after=True)

    # -- import -------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def choose_import(self) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Drucksachen importieren"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
            self.tr("Drucksachen (*.pdf *.docx *.txt);;Alle Dateien (*)"),
        )
        if files:
            self.start_import([Path(f) for f in files])

    def start_import(self, paths: list[Path], open_after: bool = False) -> bool:
        """Import files and folders in the background (what a drop does)."""
        assert self.importer is not None
        self._open_after_import = open_after
        started = self.importer.start(paths)
        self.show_message(self.tr("Import läuft …"))
        return started

    def _import_finished(self, summary) -> None:  # type: ignore[no-untyped-def]
        self.show_message(summary_text(summary).splitlines()[0])
        self._after_data_change()
        failed = [r for r in summary.results if r.status == "failed"]
        if failed:
            QMessageBox.information(self, self.tr("Import"), summary_text(summary))
        if getattr(self, "_open_after_import", False):
            self._open_after_import = False
            ids = [r.id for r in summary.results if r.what == "print" and r.id is not None]
            if ids:
                self.open_print(ids[0])

    def _after_data_change(self) -> None:
        for view in self._fixed_views():  # a view not yet made reads the register when it is
            view.refresh()
        for view in self.inquiries.values():
            view.reload()

    # -- inbox --------------------------------------------------------------------------------------

    def choose_inbox(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Posteingangsordner wählen"))
        if folder:
            settings.put(settings.INBOX_FOLDER, folder)
            settings.put(settings.INBOX_ENABLED, True)
            self.start_inbox(Path(folder))

    def start_inbox(self, folder: Path) -> None:
        from gui.inbox_adapter import InboxAdapter

        self.stop_inbox()
        self.inbox = InboxAdapter(self.register.location, self)
        self.inbox.imported.connect(self._inbox_result)
        try:
            self.inbox.start(folder)
        except (OSError, ZifferError) as exc:
            self.show_message(
                self.tr("Der Ordner {folder} kann nicht beobachtet werden: {reason}").format(
                    folder=folder, reason=in_german(str(exc))
                )
            )
            return
        self.show_message(self.tr("Posteingang {folder} wird beobachtet.").format(folder=folder))

    def stop_inbox(self) -> None:
        if self.inbox is not None:
            self.inbox.stop()
            self.inbox = None

    def _inbox_result(self, line: str) -> None:
        self.show_message(line)
        self._after_data_change()

    # -- export -------------------------------------------------------------------------------------

    def export_current(self) -> None:
        view = self.current_inquiry()
        print_id = view.print_id if view else self.register_view.selected_print()
        if print_id is None:
            self.show_message(self.tr("Bitte zuerst eine Anfrage auswählen."))
            return
        self.export_print(print_id)

    @reports_storage_errors("show_message")
    def export_print(self, print_id: int) -> ExportDialog | None:
        view = self.inquiries.get(print_id)
        if view is not None:
            view.save_now()
        from gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.register, print_id, self)
        dialog.exported.connect(lambda path: self.show_message(self.tr("Exportiert: {path}").format(path=path)))
        dialog.open()
        return dialog

    # -- database -----------------------------------------------------------------------------------

    def backup_now(self) -> None:
        """Copy the register in the background (SQLite's backup API), keeping the newest copies;
        at start-up only when the newest copy is half a day old and the register has changed since.
        The team register on a server is backed up by the server's administrators (pg_dump), not here."""
        if self.register.path is None:
            return
        from storage import backup

        path, keep = self.register.path, int(settings.get(settings.BACKUPS_KEPT))
        self.jobs.run(
            lambda _progress: backup.backup_on_start(path, keep=keep),
            lambda copy: copy and self.show_message(self.tr("Sicherung angelegt: {name}").format(name=Path(copy).name)),
            lambda exc: self.show_message(
                self.tr("Die Sicherung ist fehlgeschlagen: {reason}").format(reason=in_german(str(exc)))
            ),
        )

    def switch_database(self, location: Path | str, before_open=None) -> bool:  # type: ignore[no-untyped-def]
        """Close the current register and open another — a file or the team register's `postgresql://`
        address — (or the same after `before_open`, e.g. a restore). True when `location` is open now."""
        location = resolve_db_path(location)
        self.jobs.wait(SHUTDOWN_WAIT_MS)  # a backup still copying the register
        wait_for_background()
        if not self._close_workspace():
            return False
        self.stop_inbox()
        old_location = self.register.location
        self.register.close()
        try:
            if before_open is not None:
                before_open()
            self.register = Register.open(location)
        except (StorageError, ZifferError, OSError) as exc:
            QMessageBox.critical(
                self,
                self.tr("Register"),
                self.tr("Das Register kann nicht geöffnet werden: {reason}").format(reason=in_german(str(exc))),
            )
            self.register = self._reopen(old_location)
        self._open_workspace()
        if self.reminder is not None:
            self.reminder.register = self.register
        folder = settings.get(settings.INBOX_FOLDER)
        if self.start_services and folder and settings.get(settings.INBOX_ENABLED):
            self.start_inbox(Path(folder))  # the inbox now feeds the register that is open
        self.database_changed.emit(self.register.location)
        return self.register.location == location

    def _reopen(self, location: Path | str) -> Register:
        """The register left, again; if that fails too (its server went away meanwhile), the own file."""
        try:
            return Register.open(location)
        except StorageError as exc:
            if not is_server(location):
                raise
            fallback = default_db_path()
            self.show_message(
                self.tr("{reason} Geöffnet ist nun das eigene Register {path}.").format(
                    reason=in_german(str(exc)), path=fallback
                )
            )
            return Register.open(fallback)

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Register öffnen oder anlegen"),
            str((self.register.path or default_db_path()).parent),
            self.tr("Ziffer-Register (*.db);;Alle Dateien (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(Path(path))

    def choose_team_register(self) -> None:
        """Ask for the team register's address and open it (File › Team-Register öffnen …)."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        current = str(self.register.location) if self.register.server else settings.get(settings.TEAM_REGISTER)
        address, ok = QInputDialog.getText(
            self,
            self.tr("Team-Register öffnen"),
            self.tr(
                "Adresse des Team-Registers (postgresql://benutzer@server/datenbank); das Passwort kommt "
                "aus ~/.pgpass oder der Anmeldung am Rechner:"
            ),
            QLineEdit.EchoMode.Normal,
            settings.without_password(current),
        )
        if ok and address.strip():
            self.open_team_register(address.strip())

    def open_team_register(self, address: str) -> None:
        """Open the team register at `address` in this window. The server is asked first in the
        background (an unreachable host takes seconds to give up): the window never freezes, and the
        register open now is only closed once the other answers."""
        if not is_server(address):
            self.show_message(self.tr("Bitte eine Adresse der Form postgresql://benutzer@server/datenbank angeben."))
            return
        self.show_message(self.tr("Verbindung zu {address} wird aufgebaut …").format(address=display(address)))

        def opened(_count: int) -> None:
            settings.put(settings.TEAM_REGISTER, settings.without_password(address))
            if self.switch_database(address):
                self.show_message(self.tr("Team-Register geöffnet: {address}").format(address=self.register.display))

        def failed(exc: Exception) -> None:
            QMessageBox.warning(
                self,
                self.tr("Team-Register"),
                self.tr("Das Team-Register kann nicht geöffnet werden: {reason}").format(reason=in_german(str(exc))),
            )

        self.jobs.run(with_register(address, lambda register, _progress: register.count_prints()), opened, failed)

    def open_demo(self) -> bool:
        """The demo register in its own file beside the real one, filled on first use."""
        path = default_db_path().with_name("ziffer-demo.db")
        if not self.switch_database(path):
            return False
        if self.register.count_prints() == 0:
            from core.demo import fill_demo

            fill_demo(self.register, self.today)
            self._after_data_change()
        self.show_message(self.tr("Demo-Register geöffnet: {path}").format(path=path))
        return True

    def restore_backup(self, copy: Path) -> bool:
        """Put a backup of the register file back (the team register's are restored on the server)."""
        target = self.register.path
        if target is None:
            return False
        from storage import backup

        safety: list[Path] = []
        ok = self.switch_database(target, before_open=lambda: safety.append(backup.restore(copy, target)))
        if ok and safety:
            self.show_message(
                self.tr("Sicherung wiederhergestellt; der vorige Stand liegt in {name}.").format(name=safety[0].name)
            )
        return ok and bool(safety)

    # -- dialogs and messages -----------------------------------------------------------------------

    def show_settings(self) -> SettingsDialog:
        from gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.register.location, self)
        dialog.inbox_changed.connect(self._inbox_changed)
        dialog.restore_requested.connect(self.restore_backup)
        dialog.open_register_requested.connect(self.open_team_register)
        dialog.open()
        return dialog

    def _inbox_changed(self, folder: str, enabled: bool) -> None:
        if enabled and folder:
            self.start_inbox(Path(folder))
        else:
            self.stop_inbox()
            self.show_message(self.tr("Posteingang wird nicht beobachtet."))

    def show_about(self) -> None:
        if self.register.server:
            where = self.tr("<p>Team-Register: {address}</p><p>Die Daten liegen auf dem Server des Team-Registers.</p>")
        else:
            where = self.tr("<p>Register: {address}</p><p>Läuft ohne Netz; alle Daten bleiben auf diesem Rechner.</p>")
        QMessageBox.about(
            self,
            self.tr("Über Ziffer"),
            self.tr(
                "<h3>Ziffer {version}</h3><p>Anträge und Anfragen des Landtags Ziffer für Ziffer beantworten, "
                "Fristen im Blick behalten und die Stellungnahme als DOCX und PDF erzeugen.</p>{where}"
            ).format(version=VERSION, where=where.format(address=html.escape(self.register.display))),
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def _remind(self, text: str) -> None:
        self.show_message(text)

    def focus_search(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.library_tab:
            self.library_view.search.setFocus()
            return
        self.tabs.setCurrentWidget(self.register_view)
        self.register_view.focus_search()

    def show_overdue(self) -> None:
        self.tabs.setCurrentWidget(self.register_view)
        self.register_view.set_status_filter(OVERDUE)

    def _ask_stop_import(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Import läuft"),
            self.tr("Ein Import läuft. Abbrechen? Der laufende Stapel wird noch fertig importiert."),
        )
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self, ask: bool = True) -> bool:
        """Stop everything beside the window before the register closes; False if the officer keeps it open.

        Order: the questions (a running import, unsaved answers), then the timers, the inbox and the
        import (after its current batch), then wait for every background job and drop what they
        report later. Without `ask` (the event loop has ended) an import is stopped without asking."""
        if self.closed:
            return True
        if ask and self.importer is not None and self.importer.running and not self.confirm_stop_import():
            return False
        if not self.save_all() and ask:
            answer = QMessageBox.question(
                self,
                self.tr("Nicht gespeichert"),
                self.tr("Nicht alle Antworten konnten gespeichert werden. Ziffer trotzdem beenden?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.closed = True
        if self.importer is not None:
            self.importer.stop()
            self.show_message(self.tr("Der Import wird nach dem laufenden Stapel beendet …"))
        if self.reminder is not None:
            self.reminder.stop()
        self.watcher.stop()
        for view in self._fixed_views():
            view.shutdown()
        for view in self.inquiries.values():
            view.close_view()
            view.shutdown()
        self.stop_inbox()
        settings.put(settings.GEOMETRY, self.saveGeometry())
        settled = self.importer is None or self.importer.shutdown(SHUTDOWN_WAIT_MS)
        settled = self.jobs.shutdown(SHUTDOWN_WAIT_MS) and settled
        self.settled = wait_for_background(SHUTDOWN_WAIT_MS) and settled  # previews, similar answers
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.shutdown():
            event.ignore()
            return
        super().closeEvent(event)
