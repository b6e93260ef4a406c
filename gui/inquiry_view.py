"""One inquiry: its facts, its points, the answer being drafted point by point, and what surrounds it.

Answer text is saved while the officer types: a short pause or, when typing goes on, at least every
`MAX_UNSAVED_S` seconds, each save one transaction. Killing the program loses at most that much.
Every change — typing, combining or splitting answers, corrected facts — is an undoable command on
the view's QUndoStack, so Ctrl+Z works across all of them in the order they happened."""

from __future__ import annotations

import functools
import html
import time
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import answers, history, tracking
from core.dates import parse_date
from core.drafts import heading_label, short_date
from core.errors import ZifferError, in_german
from core.model import KIND_NAMES, AnswerItem
from core.who import current_user
from core.wording import step_name
from core.workflow import OPEN, WorkflowError, allowed_next
from gui.conflict_dialog import MERGED, OWN, STORED, ConflictDialog, when_text
from gui.keys import is_redo, redo_keys
from gui.tasks import Jobs, reports_storage_errors, with_register
from storage.db import StorageError, VersionConflict
from storage.register import Register
from storage.team import NotPermitted, ServerUnavailable

SAVE_DELAY_MS = 300  # a pause in typing this long saves
MAX_UNSAVED_S = 0.8  # while typing goes on, a save at least this often
# While the team register's server is away, a check in the background asks this often whether it is
# back (opening a connection there, never on the GUI thread: a host that does not answer holds a
# connection attempt for up to 5 s), and the text is saved as soon as it is.
SERVER_RETRY_MS = 2500
MERGE_TYPING_S = 2.0  # keystrokes closer together than this are one undo step
PointRole = Qt.ItemDataRole.UserRole + 1
TargetRole = Qt.ItemDataRole.UserRole + 2

# Facts of the print and where each is written (see _write_fact).
DATE_FIELDS = {"submitted", "received", "answer_date"}
FACTS = (
    ("number", QT_TRANSLATE_NOOP("InquiryView", "Drucksache")),
    ("title", QT_TRANSLATE_NOOP("InquiryView", "Titel")),
    ("submitted", QT_TRANSLATE_NOOP("InquiryView", "Datum der Drucksache")),
    ("received", QT_TRANSLATE_NOOP("InquiryView", "Eingegangen am")),
    ("lead_officer", QT_TRANSLATE_NOOP("InquiryView", "Bearbeiter/in")),
    ("lead_unit", QT_TRANSLATE_NOOP("InquiryView", "Referat")),
    ("answer_file_number", QT_TRANSLATE_NOOP("InquiryView", "Aktenzeichen")),
    ("answer_date", QT_TRANSLATE_NOOP("InquiryView", "Datum der Antwort")),
    ("answer_consent", QT_TRANSLATE_NOOP("InquiryView", "Mitzeichnung (Ministerien, durch Komma getrennt)")),
    ("answer_signatory", QT_TRANSLATE_NOOP("InquiryView", "Unterzeichnung")),
    ("answer_office", QT_TRANSLATE_NOOP("InquiryView", "Amtsbezeichnung")),
)


def _side_read(method):  # type: ignore[no-untyped-def]
    """A read for a side panel: skipped while the server is known to be away (each try would open a
    connection on the GUI thread), and a register that cannot be read is one sentence in the status bar."""
    reporting = reports_storage_errors()(method)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self._offline is not None:
            return None
        return reporting(self, *args, **kwargs)

    return wrapper


def where_german(where: str) -> str:
    """ "answer:2" → "Antwort 2" — where in a print a citation stands."""
    kind, _, rest = where.partition(":")
    names = {
        "point": QCoreApplication.translate("InquiryView", "Ziffer {label}"),
        "answer": QCoreApplication.translate("InquiryView", "Antwort {label}"),
        "reasoning": QCoreApplication.translate("InquiryView", "Begründung"),
    }
    return names.get(kind, QCoreApplication.translate("InquiryView", "Text")).format(label=rest)


def step_german(step: str) -> str:
    """ "cosigning" → "Mitzeichnung" — an internal deadline's step, as core.wording names it, translated."""
    names = {
        "contribution": QCoreApplication.translate("InquiryView", "Zulieferung"),
        "cosigning": QCoreApplication.translate("InquiryView", "Mitzeichnung"),
        "signature": QCoreApplication.translate("InquiryView", "Zeichnung"),
    }
    return names.get(step, step_name(step))


class _TextCommand(QUndoCommand):
    """Typing in one answer item; consecutive keystrokes in the same item merge into one step."""

    ID = 1001

    def __init__(self, view: InquiryView, position: int, old: str, new: str) -> None:
        super().__init__(QCoreApplication.translate("InquiryView", "Antwort bearbeiten"))
        self.view, self.position, self.old, self.new = view, position, old, new
        self.at = time.monotonic()
        self._first = True

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _TextCommand) or other.position != self.position:
            return False
        if other.at - self.at > MERGE_TYPING_S:
            return False
        self.new, self.at = other.new, other.at
        return True

    def redo(self) -> None:
        if self._first:  # the text is already in the editor
            self._first = False
            return
        self.view._apply_text(self.position, self.new)

    def undo(self) -> None:
        self.view._apply_text(self.position, self.old)


class _ItemsCommand(QUndoCommand):
    """A new division of the answer (draft begun, answers combined or split)."""

    def __init__(
        self, view: InquiryView, label: str, old: list[AnswerItem], new: list[AnswerItem], applied: bool = False
    ) -> None:
        super().__init__(label)
        self.view, self.old, self.new = view, old, new
        self._skip = applied  # already stored when pushed (a draft begun by the first keystroke)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.view._apply_items(self.new)

    def undo(self) -> None:
        self.view._apply_items(self.old)


class _FactCommand(QUndoCommand):
    """A corrected fact of the print (number, dates, file number, people)."""

    def __init__(self, view: InquiryView, field: str, old: Any, new: Any) -> None:
        super().__init__(QCoreApplication.translate("InquiryView", "Angabe ändern"))
        self.view, self.field, self.old, self.new = view, field, old, new

    def redo(self) -> None:
        self.view._apply_fact(self.field, self.new)

    def undo(self) -> None:
        self.view._apply_fact(self.field, self.old)


class InquiryView(QWidget):
    """An inquiry with its answer editor and side panel."""

    open_print = Signal(int)
    status_message = Signal(str)
    changed = Signal(int)  # the print's stored data changed (the register view may refresh)
    export_requested = Signal(int)

    def __init__(self, register: Register, print_id: int, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.register = register
        self.print_id = print_id
        self.today = today or date.today()
        self.who = current_user()
        self.undo_stack = QUndoStack(self)
        self._items: list[AnswerItem] = []
        # per item: the stored version the own text rests on, and the text stored then (a merge's base)
        self._versions: list[int] = []
        self._base_texts: list[str] = []
        self._fact_versions: dict[str, int] = {}
        self.conflict_dialog: ConflictDialog | None = None  # open while the officer decides a conflict
        self._rebased = False  # set when a save found the answer's division changed elsewhere
        self._points: list[Any] = []
        self._current: int | None = None  # position of the item in the editor
        self._current_label: str | None = None
        self._shown_text = ""  # the editor's text as of the last command
        self._applying = False
        self._combined: dict[tuple[str, ...], tuple[str, list[str]]] = {}  # points → (text, texts before)
        self._citations_shown: tuple[list[Any], list[Any]] | None = None
        self._dirty_since: float | None = None
        self._save_failed = False
        self._offline: str | None = None  # why the team register's server is away, while a save waits for it
        self._probing = False
        self.jobs = Jobs(self)
        self._retry_timer = QTimer(self, interval=SERVER_RETRY_MS)
        self._retry_timer.timeout.connect(self._probe_server)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._similar_timer = QTimer(self, singleShot=True, interval=250)
        self._similar_timer.timeout.connect(self._load_similar)
        self._build()
        self._read()

    # -- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)

        # a push button leaves room for its menu arrow; a QToolButton draws the arrow over the text's end
        self.status_button = QPushButton(self)
        self.status_button.setAccessibleName(self.tr("Status der Anfrage ändern"))
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        self.due_label = QLabel(self)
        self.export_button = QPushButton(self.tr("Exportieren …"), self)
        self.export_button.setAccessibleName(self.tr("Stellungnahme exportieren"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.print_id))
        self.save_label = QLabel(self)
        self.save_label.setAccessibleName(self.tr("Speicherstand"))

        top = QHBoxLayout()
        top.addWidget(self.status_button)
        top.addWidget(self.due_label, 1)
        top.addWidget(self.save_label)
        top.addWidget(self.export_button)

        # points
        self.points = QListWidget(self)
        self.points.setSpacing(2)
        self.points.setAlternatingRowColors(True)
        self.points.setAccessibleName(self.tr("Ziffern der Anfrage"))
        self.points.setWordWrap(True)
        self.points.currentItemChanged.connect(self._point_selected)

        # answer editor
        self.question = QTextBrowser(self)
        self.question.setAccessibleName(self.tr("Frage"))
        self.question.setOpenLinks(False)
        self.answer_heading = QLabel(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Antwort"))
        self.editor.setPlaceholderText(self.tr("Antwort der Landesregierung zu dieser Ziffer …"))
        self.editor.setUndoRedoEnabled(False)  # undo runs through the view's QUndoStack
        self.editor.textChanged.connect(self._text_changed)
        self.combine_button = QPushButton(self.tr("Mit nächster Antwort zusammenfassen"), self)
        self.combine_button.setAccessibleName(self.tr("Antwort mit der nächsten zusammenfassen"))
        self.combine_button.clicked.connect(self.combine_current)
        self.split_button = QPushButton(self.tr("Antwort aufteilen"), self)
        self.split_button.setAccessibleName(self.tr("Zusammengefasste Antwort aufteilen"))
        self.split_button.clicked.connect(lambda: self.split_current())
        shape = QHBoxLayout()
        shape.addWidget(self.combine_button)
        shape.addWidget(self.split_button)
        shape.addStretch(1)

        self.contribution_unit = QLineEdit(self)
        self.contribution_unit.setPlaceholderText(self.tr("Referat"))
        self.contribution_unit.setAccessibleName(self.tr("Zulieferndes Referat für diese Ziffer"))
        self.contribution_due = QLineEdit(self)
        self.contribution_due.setPlaceholderText(self.tr("bis TT.MM.JJJJ"))
        self.contribution_due.setAccessibleName(self.tr("Frist der Zulieferung"))
        self.contribution_button = QPushButton(self.tr("Zulieferung eintragen"), self)
        self.contribution_button.setAccessibleName(self.tr("Zulieferung für diese Ziffer eintragen"))
        self.contribution_button.clicked.connect(lambda _checked=False: self.set_contribution())
        self.contribution_received = QPushButton(self.tr("Zulieferung eingegangen"), self)
        self.contribution_received.setAccessibleName(self.tr("Zulieferung als eingegangen markieren"))
        self.contribution_received.clicked.connect(lambda _checked=False: self.mark_contribution_received())
        self.contribution_state = QLabel(self)
        contrib = QHBoxLayout()
        contrib.addWidget(QLabel(self.tr("Zulieferung:"), self))
        contrib.addWidget(self.contribution_unit)
        contrib.addWidget(self.contribution_due)
        contrib.addWidget(self.contribution_button)
        contrib.addWidget(self.contribution_received)
        contrib.addWidget(self.contribution_state, 1)

        answer_page = QWidget(self)
        answer_layout = QVBoxLayout(answer_page)
        question_label = QLabel(self.tr("Frage"), self)
        question_label.setBuddy(self.question)
        answer_layout.addWidget(question_label)
        answer_layout.addWidget(self.question, 2)
        answer_layout.addWidget(self.answer_heading)
        answer_layout.addWidget(self.editor, 5)
        answer_layout.addLayout(shape)
        answer_layout.addLayout(contrib)

        # facts
        facts_page = QWidget(self)
        form = QFormLayout(facts_page)
        self.fact_edits: dict[str, QLineEdit] = {}
        for name, label in FACTS:
            edit = QLineEdit(facts_page)
            edit.setAccessibleName(QCoreApplication.translate("InquiryView", label))
            if name in DATE_FIELDS:
                edit.setPlaceholderText(self.tr("TT.MM.JJJJ"))
            edit.editingFinished.connect(lambda name=name: self._fact_edited(name))
            form.addRow(QCoreApplication.translate("InquiryView", label), edit)
            self.fact_edits[name] = edit
        self.plan_form = QFormLayout()
        self.plan_edits: dict[str, QLineEdit] = {}
        form.addRow(self.tr("Interne Fristen"), self.plan_form)
        self.extension_until = QLineEdit(facts_page)
        self.extension_until.setPlaceholderText(self.tr("neue Frist TT.MM.JJJJ"))
        self.extension_until.setAccessibleName(self.tr("Beantragte neue Frist"))
        self.extension_reason = QLineEdit(facts_page)
        self.extension_reason.setPlaceholderText(self.tr("Begründung"))
        self.extension_reason.setAccessibleName(self.tr("Begründung der Fristverlängerung"))
        self.extension_request = QPushButton(self.tr("Beantragen"), facts_page)
        self.extension_request.setAccessibleName(self.tr("Fristverlängerung beantragen"))
        self.extension_request.clicked.connect(lambda _checked=False: self.request_extension())
        self.extension_grant = QPushButton(self.tr("Gewährt"), facts_page)
        self.extension_grant.setAccessibleName(self.tr("Fristverlängerung wurde gewährt"))
        self.extension_grant.clicked.connect(lambda _checked=False: self.grant_extension())
        extension = QHBoxLayout()
        extension.addWidget(self.extension_until)
        extension.addWidget(self.extension_reason, 1)
        extension.addWidget(self.extension_request)
        extension.addWidget(self.extension_grant)
        form.addRow(self.tr("Fristverlängerung"), extension)

        self.center = QTabWidget(self)
        self.center.addTab(answer_page, self.tr("Antwort"))
        self.center.addTab(facts_page, self.tr("Angaben"))

        # side panel
        self.citations = QListWidget(self)
        self.citations.setSpacing(2)
        self.citations.setAlternatingRowColors(True)
        self.citations.setAccessibleName(self.tr("Verweise und Rückverweise"))
        self.citations.setWordWrap(True)
        self.citations.itemActivated.connect(self._follow)
        self.citations.itemClicked.connect(self._follow)
        self.similar_list = QListWidget(self)
        self.similar_list.setSpacing(2)
        self.similar_list.setAlternatingRowColors(True)
        self.similar_list.setAccessibleName(self.tr("Ähnliche frühere Antworten"))
        self.similar_list.setWordWrap(True)
        self.similar_list.currentItemChanged.connect(self._similar_selected)
        self.similar_text = QTextBrowser(self)
        self.similar_text.setAccessibleName(self.tr("Text der ähnlichen Antwort"))
        self.insert_button = QPushButton(self.tr("Als Ausgangspunkt einfügen"), self)
        self.insert_button.setAccessibleName(self.tr("Ähnliche Antwort in den Entwurf einfügen"))
        self.insert_button.clicked.connect(self.insert_similar)
        similar_page = QWidget(self)
        similar_layout = QVBoxLayout(similar_page)
        similar_layout.addWidget(self.similar_list, 2)
        similar_layout.addWidget(self.similar_text, 3)
        similar_layout.addWidget(self.insert_button)
        self.material = QListWidget(self)
        self.material.setSpacing(2)
        self.material.setAlternatingRowColors(True)
        self.material.setAccessibleName(self.tr("Verknüpftes Hintergrundmaterial"))
        self.material.currentItemChanged.connect(self._material_selected)
        self.material_text = QTextBrowser(self)
        self.material_text.setAccessibleName(self.tr("Text des Materials"))
        material_page = QWidget(self)
        material_layout = QVBoxLayout(material_page)
        material_layout.addWidget(self.material, 1)
        material_layout.addWidget(self.material_text, 3)
        self.history = QListWidget(self)
        self.history.setSpacing(2)
        self.history.setAlternatingRowColors(True)
        self.history.setAccessibleName(self.tr("Verlauf der Anfrage"))
        self.history.setWordWrap(True)
        self.history.currentItemChanged.connect(self._history_selected)
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("Änderung im Text"))
        history_page = QWidget(self)
        history_layout = QVBoxLayout(history_page)
        history_layout.addWidget(self.history, 2)
        history_layout.addWidget(self.diff, 3)

        self.side = QTabWidget(self)
        self.side.addTab(self.citations, self.tr("Verweise"))
        self.side.addTab(similar_page, self.tr("Ähnliche Antworten"))
        self.side.addTab(material_page, self.tr("Material"))
        self.side.addTab(history_page, self.tr("Verlauf"))
        self.side.currentChanged.connect(lambda _i: self._side_changed())

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.points)
        splitter.addWidget(self.center)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([260, 620, 380])

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_server_banner())
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        undo = self.undo_stack.createUndoAction(self, self.tr("Rückgängig"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Wiederholen"))
        redo.setShortcuts(redo_keys())
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        for widget in (self.editor, *self.findChildren(QLineEdit)):
            widget.installEventFilter(self)

    def _build_banner(self) -> QFrame:
        """Shown when another window changed this inquiry while the officer is editing it: the view is
        then not reloaded under the officer's hands."""
        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("QFrame { background: #fff4ce; }")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_button = QPushButton(self.tr("Neu laden"), self.banner)
        self.banner_button.setAccessibleName(self.tr("Geänderte Anfrage neu laden"))
        self.banner_button.clicked.connect(self.reload)
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.banner_button)
        self.banner.hide()
        return self.banner

    def _build_server_banner(self) -> QFrame:
        """Shown while the team register's server cannot be reached or refuses a save: the text stays."""
        self.server_banner = QFrame(self)
        self.server_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.server_banner.setStyleSheet("QFrame { background: #fde7e9; }")
        self.server_banner_label = QLabel(self.server_banner)
        self.server_banner_label.setWordWrap(True)
        self.server_banner_label.setAccessibleName(self.tr("Hinweis zum Speichern"))
        row = QHBoxLayout(self.server_banner)
        row.addWidget(self.server_banner_label, 1)
        self.server_banner.hide()
        return self.server_banner

    @property
    def is_editing(self) -> bool:
        """Unsaved answer text, an open conflict, or a fact typed but not yet finished."""
        if self._dirty_since is not None or self.conflict_dialog is not None:
            return True
        return any(
            edit.text().strip() != self._fact_text(name, self._facts.get(name))
            for name, edit in self.fact_edits.items()
        )

    def external_change(self, who: str, at: str | None) -> bool:
        """Another window (or PC) changed this inquiry: reload, unless the officer is editing it; then a
        banner says so and the officer reloads when ready (saves are checked against versions anyway).
        True when reloaded."""
        if self.is_editing:
            self.banner_label.setText(
                self.tr("Diese Anfrage wurde inzwischen von {who} geändert ({when}).").format(
                    who=who, when=when_text(at)
                )
            )
            self.banner.show()
            return False
        self.reload()
        return True

    def use_window_undo(self) -> None:
        """Leave Ctrl+Z/Ctrl+Y to the window's Edit menu (one undo group over every open inquiry): two
        actions on one key cancel each other out (Qt finds the shortcut ambiguous and runs neither)."""
        for action in (self.undo_action, self.redo_action):
            action.setShortcuts([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z and Ctrl+Y reach the view's undo stack from every field: a text field claims the keys
        for its own undo even when it has nothing to undo (the answer editor never has: its undo is
        the stack's), and then nothing happened."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            own = None
            if event.matches(QKeySequence.StandardKey.Undo):
                own = watched.isUndoAvailable() if isinstance(watched, QLineEdit) else False
            elif is_redo(event):
                own = watched.isRedoAvailable() if isinstance(watched, QLineEdit) else False
            if own is False:
                return True  # not claimed: the shortcut goes to the undo stack
        return super().eventFilter(watched, event)

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> bool:
        """Read the print afresh from the register (after an import or a change elsewhere). Text the
        register would not take (the server away, no right to write) is never read over: the view
        stays as it is then (False)."""
        if not self.save_now() and self._save_failed:
            return False
        try:
            self._read()
        except StorageError as exc:
            self.status_message.emit(in_german(str(exc)))
            return False
        return True

    def _read(self) -> None:
        stored = self.register.get_print(self.print_id)
        doc = stored.doc
        self.doc = doc
        self.status = stored.status
        self._points = list(doc.points)
        self._items = self._copy(doc.answer.items) if doc.answer else []
        self._versions = list(stored.item_versions)
        self._base_texts = [i.text for i in self._items]
        self.banner.hide()
        cursor_at = self.editor.textCursor().position()
        kind = KIND_NAMES.get(doc.kind, self.tr("Drucksache"))
        number = doc.number or self.tr("ohne Nummer")
        self.heading.setText(self.tr("{kind} {number} — {title}").format(kind=kind, number=number, title=doc.title))
        by = ", ".join(doc.originators[:3]) + (self.tr(" u. a.") if len(doc.originators) > 3 else "")
        if doc.factions:
            by += f" ({', '.join(doc.factions)})"
        self.subheading.setText(self.tr("von {by} · {ministry}").format(by=by or "—", ministry=doc.ministry or "—"))
        self._load_workflow()
        self._load_facts()
        selected = self._current_label
        self.points.blockSignals(True)
        self.points.clear()
        for p in self._points:
            item = QListWidgetItem(self._point_caption(p.label, p.text))
            item.setData(PointRole, p.label)
            item.setToolTip(p.text)
            self.points.addItem(item)
        self.points.blockSignals(False)
        labels = [p.label for p in self._points]
        row = labels.index(selected) if selected in labels else 0
        if self._points:
            self.points.setCurrentRow(row)
            self._point_selected(self.points.currentItem(), None)
            if self._current_label == selected:  # the same point again: the cursor stays where it was
                cursor = self.editor.textCursor()
                cursor.setPosition(min(cursor_at, len(self.editor.toPlainText())))
                self.editor.setTextCursor(cursor)
        else:
            self._show_item(None)
        self._citations_shown = None
        self._load_citations()
        self._side_changed()

    def _point_caption(self, label: str, text: str) -> str:
        k = answers.item_for_point(self._items, label)
        done = k is not None and bool(self._items[k].text.strip())
        mark = "✓" if done else "○"
        head = text if len(text) <= 90 else text[:89] + "…"
        return f"{mark} {label}. {head}"

    def _refresh_point_marks(self) -> None:
        for row in range(self.points.count()):
            item = self.points.item(row)
            label = item.data(PointRole)
            text = next((p.text for p in self._points if p.label == label), "")
            item.setText(self._point_caption(label, text))

    def _load_workflow(self) -> None:
        wf = self.register.workflow(self.print_id)
        self.workflow = wf
        self.status = wf["status"]
        self.status_button.setText(self.tr("Status: {status}").format(status=wf["status"]))
        self.status_menu.clear()
        for step in allowed_next(wf["status"]):
            action = QAction(self.tr("→ {status}").format(status=step), self.status_menu)
            action.triggered.connect(lambda _checked=False, s=step: self.change_status(s))
            self.status_menu.addAction(action)
        due = wf["due_date"]
        if due and wf["status"] in OPEN:
            left = (date.fromisoformat(due) - self.today).days
            if left == -1:
                text = self.tr("Frist {due}: seit 1 Tag überschritten")
            elif left < 0:
                text = self.tr("Frist {due}: seit {n} Tagen überschritten")
            elif left == 0:
                text = self.tr("Frist {due}: heute")
            elif left == 1:
                text = self.tr("Frist {due}: noch 1 Tag")
            else:
                text = self.tr("Frist {due}: noch {n} Tage")
            text = text.format(due=short_date(date.fromisoformat(due)), n=abs(left))
            colour = "#a40000" if left < 0 else ("#8a6d00" if left <= 7 else "")
            self.due_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        elif due:
            text = self.tr("Frist {due}").format(due=short_date(date.fromisoformat(due)))
            self.due_label.setStyleSheet("")
        else:
            text = self.tr("Keine Frist eingetragen")
            self.due_label.setStyleSheet("")
        if wf["extension_granted"]:
            text += self.tr(" · verlängert")
        elif wf["extension_requested"]:
            text += self.tr(" · Verlängerung beantragt")
        self.due_label.setText(text)

    def _load_facts(self) -> None:
        wf = self.register.workflow(self.print_id)
        values, self._fact_versions = self.register.facts(self.print_id)  # values with their versions
        self._facts = values
        for name, edit in self.fact_edits.items():
            edit.blockSignals(True)
            edit.setText(self._fact_text(name, values.get(name)))
            edit.setStyleSheet("")
            edit.blockSignals(False)
        try:
            steps = tracking.plan(self.register, self.print_id)
        except (ZifferError, ValueError, KeyError):
            steps = {}
        while self.plan_form.rowCount():
            self.plan_form.removeRow(0)
        self.plan_edits = {}
        for step, day in sorted(steps.items(), key=lambda kv: kv[1]):
            edit = QLineEdit(short_date(day), self)
            edit.setAccessibleName(self.tr("Interne Frist: {step}").format(step=step_german(step)))
            edit.editingFinished.connect(
                lambda step=step: self.set_internal_deadline(step, self.plan_edits[step].text())
            )
            edit.installEventFilter(self)
            self.plan_form.addRow(step_german(step), edit)
            self.plan_edits[step] = edit
        if not steps:
            self.plan_form.addRow(QLabel(self.tr("— (erst mit einer Frist)"), self))
        self.extension_until.setText(
            short_date(date.fromisoformat(wf["extension_requested"])) if wf["extension_requested"] else ""
        )
        self.extension_reason.setText(wf["extension_reason"] or "")
        self.extension_grant.setEnabled(bool(wf["extension_requested"]) and not wf["extension_granted"])

    @staticmethod
    def _fact_text(name: str, value: Any) -> str:
        if value is None:
            return ""
        if name in DATE_FIELDS:
            return short_date(date.fromisoformat(value))
        if name == "answer_consent":
            return ", ".join(value)
        return str(value)

    # -- points and the editor ----------------------------------------------------------------------

    def select_point(self, label: str) -> bool:
        """Show point `label` in the editor (what a click in the list does)."""
        for row in range(self.points.count()):
            if self.points.item(row).data(PointRole) == label:
                self.points.setCurrentRow(row)
                return True
        return False

    def _point_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        self.save_now()
        label = current.data(PointRole)
        self._current_label = label
        self._show_item(answers.item_for_point(self._items, label))
        self._load_contribution()
        self._similar_timer.start()

    def _show_item(self, k: int | None) -> None:
        """Put item k (or, for a point without item yet, an empty editor) into the editor."""
        self._current = k
        labels = self._items[k].points if k is not None else ([self._current_label] if self._current_label else [])
        questions = [p for p in self._points if p.label in labels]
        self.question.setHtml(
            "".join(f"<p><b>{html.escape(p.label)}.</b> {html.escape(p.text)}</p>" for p in questions)
        )
        self.answer_heading.setText(
            self.tr("{heading} (Entwurf)").format(heading=heading_label(labels))
            if self.doc.answer is None or self.doc.answer.draft
            else heading_label(labels)
        )
        text = self._items[k].text if k is not None else ""
        self._applying = True
        self.editor.setPlainText(text)
        self._applying = False
        self._shown_text = text
        self.editor.setEnabled(bool(labels))
        self._update_shape_buttons()

    def _update_shape_buttons(self) -> None:
        k = self._current
        self.combine_button.setEnabled(k is not None and k < len(self._items) - 1)
        self.split_button.setEnabled(k is not None and len(self._items[k].points) > 1)

    def _text_changed(self) -> None:
        if self._applying:
            return
        if self._current is None:
            self._begin_draft()
        if self._current is None:
            return
        new = self.editor.toPlainText()
        old, self._shown_text = self._shown_text, new
        self._items[self._current].text = new
        self.undo_stack.push(_TextCommand(self, self._current, old, new))
        self._mark_dirty()

    def _begin_draft(self) -> None:
        """The first keystroke for a point without answer item: the draft gets an item for every point."""
        old = self._copy(self._items)
        new = answers.with_all_points(self._points, old)
        if [i.points for i in new] == [i.points for i in old]:
            return
        self._rebased = False
        if not self._store_items(new) and not self._rebased:
            self._items = self._copy(new)  # kept here; save_now stores the whole answer once the register lets it
        self._current = answers.item_for_point(self._items, self._current_label or "")
        self._update_shape_buttons()
        self.undo_stack.push(
            _ItemsCommand(self, self.tr("Entwurf beginnen"), old, self._copy(self._items), applied=True)
        )

    @staticmethod
    def _copy(items: list[AnswerItem]) -> list[AnswerItem]:
        return [AnswerItem(list(i.points), i.text) for i in items]

    def _mark_dirty(self) -> None:
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
            self.save_label.setText(self.tr("Ungespeichert …"))
        if now - self._dirty_since >= MAX_UNSAVED_S:
            self.save_now()
        else:
            self._save_timer.start()

    @property
    def has_unsaved_text(self) -> bool:
        return self._dirty_since is not None

    def save_now(self) -> bool:
        """Write the editor's text to the register now (one transaction); True when nothing is left unsaved."""
        self._save_timer.stop()
        if self._dirty_since is None:
            return True
        if self.conflict_dialog is not None:
            return False  # the officer is deciding; the dialog holds the own text
        if self._offline is not None:
            return False  # the server is away: the text stays here until the check in the background finds it back
        # every item whose text differs from the register's, not only the one in the editor; the whole
        # answer when its division is not stored yet (the register was busy when the draft began).
        # Each save names the version its text rests on: one changed elsewhere meanwhile is refused.
        try:
            stored_items = self.register.answer_items(self.print_id)
            saved: dict[int, int] = {}
            with self.register.transaction():
                if [i.points for i in stored_items] != [i.points for i in self._items]:
                    versions = self.register.save_answer_items(
                        self.print_id, self._copy(self._items), self.who, versions=self._versions
                    )
                    saved = dict(enumerate(versions))
                else:
                    for k, item in enumerate(self._items):
                        if stored_items[k].text != item.text:
                            # no version held for it (the same division stored elsewhere meanwhile):
                            # 0, which no item has, so the officer sees the stored text beside the own
                            version = self._versions[k] if k < len(self._versions) else 0
                            saved[k] = self.register.set_answer_text(
                                self.print_id, k, item.text, self.who, version=version
                            )
        except VersionConflict as conflict:
            self._answer_conflict(conflict)
            return False
        except ServerUnavailable as exc:
            self._server_lost(str(exc))
            return False
        except NotPermitted as exc:
            self._save_failed = True
            self.save_label.setText(self.tr("Nicht gespeichert!"))
            self.server_banner_label.setText(in_german(str(exc)))
            self.server_banner.show()
            return False  # no retry: a reader's text stays in the editor until the rights allow it
        except (StorageError, OSError, KeyError) as exc:
            self._save_failed = True
            self.save_label.setText(self.tr("Nicht gespeichert!"))
            self.status_message.emit(
                self.tr(
                    "Die Antwort konnte nicht gespeichert werden ({reason}); Ziffer versucht es gleich noch einmal."
                ).format(reason=in_german(str(exc)).rstrip("."))
            )
            QTimer.singleShot(2000, self._save_timer.start)
            return False
        if len(saved) == len(self._items):  # the whole answer (its division) was stored now
            self._versions = [0] * len(self._items)
            self._base_texts = [i.text for i in self._items]
        for k, version in saved.items():
            self._versions[k] = version
            self._base_texts[k] = self._items[k].text
        self._dirty_since = None
        self._save_failed = False
        self.server_banner.hide()
        self.save_label.setText(self.tr("Gespeichert {time}").format(time=time.strftime("%H:%M:%S")))
        self._refresh_point_marks()
        self._load_citations()  # the saved text may cite a print, or no longer
        self.changed.emit(self.print_id)
        return True

    # -- the team register's server away ------------------------------------------------------------

    def _server_lost(self, reason: str) -> None:
        """A save found the server unreachable: the text stays in the editor (and in the view's items),
        the banner says so, and a check in the background asks for the server until it is back."""
        first = self._offline is None
        self._offline = reason
        self._save_failed = True
        self.save_label.setText(self.tr("Nicht gespeichert – Server nicht erreichbar"))
        self.server_banner_label.setText(
            self.tr(
                "Der Server des Team-Registers ist nicht erreichbar – Ihr Text bleibt hier und wird "
                "gespeichert, sobald er wieder erreichbar ist."
            )
        )
        self.server_banner.setToolTip(reason)  # which server, and why (the status bar's sentence asks to retry by hand)
        self.server_banner.show()
        if first:
            self._retry_timer.start()

    def _probe_server(self) -> None:
        """Ask in the background whether the server answers again (a connection of its own)."""
        if self._probing or self._offline is None:
            return
        self._probing = True
        self.jobs.run(
            with_register(self.register.location, lambda _register, _progress: True),
            self._server_back,
            self._still_away,
        )

    def _still_away(self, _exc: Exception) -> None:
        self._probing = False

    def _server_back(self, _result: object) -> None:
        """The server answers again: the waiting text is saved now (the register's own connection is
        made anew at this first statement)."""
        self._probing = False
        self._retry_timer.stop()
        self._offline = None
        self.server_banner.hide()
        self.server_banner.setToolTip("")
        if self.save_now():
            self.status_message.emit(
                self.tr("Der Server des Team-Registers ist wieder erreichbar; Ihr Text ist gespeichert.")
            )

    @property
    def waiting_for_server(self) -> bool:
        """A save waits for the team register's server to come back."""
        return self._offline is not None

    def _apply_text(self, position: int, text: str) -> None:
        """Undo/redo of typing: the item's text set back, shown if it is in the editor, and saved."""
        if position >= len(self._items):
            return
        self._items[position].text = text
        if position == self._current:
            self._applying = True
            cursor_at = min(self.editor.textCursor().position(), len(text))
            self.editor.setPlainText(text)
            cursor = self.editor.textCursor()
            cursor.setPosition(cursor_at)
            self.editor.setTextCursor(cursor)
            self._applying = False
            self._shown_text = text
        if self._dirty_since is None:
            self._dirty_since = time.monotonic()
        self.save_now()

    # -- conflicts with other windows --------------------------------------------------------------

    def _answer_conflict(self, conflict: VersionConflict) -> None:
        """A save refused: another window changed an answer meanwhile. Its division: the stored one is
        taken and the own texts put onto it; a text: stored and own side by side, the officer decides."""
        if conflict.what == "answer items":
            self._rebase(conflict)
            return
        k = int(conflict.what.partition(":")[2]) - 1
        if k >= len(self._items):
            self._rebase(conflict)
            return
        self.save_label.setText(self.tr("Nicht gespeichert: gleichzeitige Änderung"))
        what = self.tr("Die Antwort {heading}").format(heading=heading_label(self._items[k].points))
        dialog = ConflictDialog(
            what,
            conflict.stored,
            self._items[k].text,
            conflict.who,
            conflict.at,
            self._base_texts[k] if k < len(self._base_texts) else None,
            self,
        )
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _result: self._answer_resolved(dialog, k, conflict))
        dialog.open()

    def _answer_resolved(self, dialog: ConflictDialog, k: int, conflict: VersionConflict) -> None:
        self.conflict_dialog = None
        dialog.deleteLater()
        if dialog.choice is None or dialog.text is None or k >= len(self._items):
            self.save_label.setText(self.tr("Nicht gespeichert: gleichzeitige Änderung"))
            return  # own text kept in the editor; the next save asks again
        self._items[k].text = dialog.text
        self._versions[k] = conflict.version
        self._base_texts[k] = conflict.stored
        if k == self._current:
            self._applying = True
            self.editor.setPlainText(dialog.text)
            self._applying = False
            self._shown_text = dialog.text
        if self._dirty_since is None:
            self._dirty_since = time.monotonic()
        if self.save_now() and dialog.choice == STORED:
            self.status_message.emit(self.tr("Die gespeicherte Fassung wurde übernommen."))
        elif dialog.choice in (OWN, MERGED):
            self.status_message.emit(self.tr("Ihre Fassung wurde gespeichert."))
        self.banner.hide()

    def _rebase(self, conflict: VersionConflict) -> None:
        """The answer's division was changed elsewhere: take the stored division and put each own text
        onto the item of its first point — where that item has a text of its own by now, the next save
        shows both for the officer to decide (its version is then one nobody holds)."""
        own = self._copy(self._items)
        stored = self.register.get_print(self.print_id)
        self.doc = stored.doc
        items = self._copy(stored.doc.answer.items) if stored.doc.answer else []
        versions, bases = list(stored.item_versions), [i.text for i in items]
        pending = False
        for item in own:
            k = answers.item_for_point(items, item.points[0]) if item.points else None
            if k is None or not item.text.strip() or item.text == items[k].text:
                continue
            if items[k].text.strip():
                versions[k] = 0  # no stored item has version 0: the save is refused and both are shown
            items[k].text = item.text
            pending = True
        self._items, self._versions, self._base_texts = items, versions, bases
        self._rebased = True  # another window began the draft first: its division, not ours, is shown
        self._show_item(answers.item_for_point(self._items, self._current_label or ""))
        self._refresh_point_marks()
        self.status_message.emit(
            self.tr("Die Gliederung der Antwort wurde inzwischen von {who} geändert; sie gilt nun auch hier.").format(
                who=conflict.who or self.tr("jemand anderem")
            )
        )
        if pending:
            self._dirty_since = self._dirty_since or time.monotonic()
            QTimer.singleShot(0, self.save_now)
        else:
            self._dirty_since = None

    # -- combining and splitting ----------------------------------------------------------------

    def combine_current(self) -> None:
        """Answer the current item together with the next one ("Zu 3. und 4.")."""
        if self._current is None or self._current >= len(self._items) - 1:
            return
        self.save_now()
        old = self._copy(self._items)
        new = answers.combine(old, self._current)
        # remembered so that "Antwort aufteilen" gives each point its text back while the text is unchanged
        pair = old[self._current : self._current + 2]
        texts = [t for item in pair for t in self._combined_texts(item)]
        self._combined[tuple(new[self._current].points)] = (new[self._current].text, texts)
        self.undo_stack.push(_ItemsCommand(self, self.tr("Antworten zusammenfassen"), old, new))

    def _combined_texts(self, item: AnswerItem) -> list[str]:
        """One text per point of `item`: its own combination remembered, else the text on the first point."""
        text, texts = self._combined.get(tuple(item.points), (None, []))
        if text == item.text:
            return list(texts)
        return [item.text.strip()] + [""] * (len(item.points) - 1)

    def split_current(self, owners: list[int] | None = None) -> bool:
        """Give each point of a combined answer its own item again, each with its text: the texts
        combined when the answer is unchanged since, else paragraph by paragraph as the officer
        chooses (`owners`: the point of each paragraph; asked in a dialog when not given)."""
        if self._current is None or len(self._items[self._current].points) < 2:
            return False
        self.save_now()
        item = self._items[self._current]
        remembered = self._combined.get(tuple(item.points))
        paragraphs = answers.paragraphs(item.text)
        if owners is not None:
            texts = answers.by_paragraph(item.text, owners, len(item.points))
        elif remembered and remembered[0] == item.text:
            texts = list(remembered[1])
        elif len(paragraphs) > 1:
            owners = SplitDialog.choose(self, item.points, paragraphs)
            if owners is None:
                return False
            texts = answers.by_paragraph(item.text, owners, len(item.points))
        else:
            texts = None  # one paragraph: it stays with the first point
        old = self._copy(self._items)
        new = answers.split(old, self._current, texts)
        self.undo_stack.push(_ItemsCommand(self, self.tr("Antwort aufteilen"), old, new))
        return True

    def _store_items(self, items: list[AnswerItem]) -> bool:
        if self._offline is not None:
            return False  # kept in the view; save_now stores the whole answer once the server is back
        try:
            with self.register.transaction():
                versions = self.register.save_answer_items(
                    self.print_id, self._copy(items), self.who, versions=self._versions
                )
        except VersionConflict as conflict:
            self._rebase(conflict)
            return False
        except StorageError as exc:
            self.status_message.emit(
                self.tr("Die Gliederung der Antwort wurde nicht gespeichert: {reason}").format(
                    reason=in_german(str(exc)).rstrip(".")
                )
            )
            return False
        self._items = self._copy(items)
        self._versions = versions
        self._base_texts = [i.text for i in items]
        if self.doc.answer is None:
            self.doc = self.register.get_print(self.print_id).doc
        return True

    def _apply_items(self, items: list[AnswerItem]) -> None:
        self.save_now()
        if not self._store_items(items):
            return
        self._show_item(answers.item_for_point(self._items, self._current_label or ""))
        self._refresh_point_marks()
        self._load_citations()
        self.changed.emit(self.print_id)

    # -- facts --------------------------------------------------------------------------------------

    def _fact_edited(self, name: str) -> None:
        edit = self.fact_edits[name]
        text = edit.text().strip()
        old = self._facts.get(name)
        if name in DATE_FIELDS:
            day = parse_date(text) if text else None
            if text and day is None:
                edit.setStyleSheet("border: 1px solid #a40000;")
                self.status_message.emit(
                    self.tr("„{text}“ ist kein Datum; bitte als TT.MM.JJJJ eingeben.").format(text=text)
                )
                return
            new: Any = day.isoformat() if day else None
        elif name == "answer_consent":
            new = [part.strip() for part in text.split(",") if part.strip()]
        else:
            new = text or None
        if name == "number" and not new:
            edit.setText(self._fact_text(name, old))
            return
        edit.setStyleSheet("")
        if new == old:
            return
        self.undo_stack.push(_FactCommand(self, name, old, new))

    def set_fact(self, name: str, text: str) -> None:
        """Type `text` into the field `name` and finish editing (what the officer does)."""
        self.fact_edits[name].setText(text)
        self._fact_edited(name)

    def _apply_fact(self, name: str, value: Any) -> None:
        try:
            with self.register.transaction():
                self._write_fact(name, value)
        except VersionConflict as conflict:
            self._fact_conflict(name, value, conflict)
        except (StorageError, ZifferError, ValueError) as exc:
            self.status_message.emit(self.tr("Die Angabe wurde nicht gespeichert: {reason}").format(reason=exc))
        self._load_facts()
        self._load_workflow()
        if name in ("number", "title"):
            stored = self.register.get_print(self.print_id)
            self.doc = stored.doc
            self.heading.setText(
                self.tr("{kind} {number} — {title}").format(
                    kind=KIND_NAMES.get(self.doc.kind, ""), number=self.doc.number or "", title=self.doc.title
                )
            )
        self.changed.emit(self.print_id)

    def _write_fact(self, name: str, value: Any) -> None:
        # the version the shown value has: a fact changed elsewhere since is refused, not overwritten
        versions = {name: self._fact_versions[name]} if name in self._fact_versions else None
        if name == "received":
            if value:
                tracking.set_received(
                    self.register, self.print_id, date.fromisoformat(value), self.who, versions=versions
                )
            else:
                self.register.update_print_fields(self.print_id, {"received": None}, self.who, versions=versions)
        elif name in ("lead_officer", "lead_unit"):
            if value:
                tracking.assign(
                    self.register, self.print_id, self.who, versions=versions, **{name.removeprefix("lead_"): value}
                )
            else:
                self.register.update_print_fields(self.print_id, {name: None}, self.who, versions=versions)
        else:
            self.register.update_metadata(self.print_id, {name: value}, self.who, versions=versions)

    def _fact_conflict(self, name: str, value: Any, conflict: VersionConflict) -> None:
        """A corrected fact refused: changed elsewhere meanwhile. Both values side by side."""
        label = next((QCoreApplication.translate("InquiryView", lb) for n, lb in FACTS if n == name), name)
        dialog = ConflictDialog(
            self.tr("Die Angabe „{label}“").format(label=label),
            self._fact_text(name, conflict.stored),
            self._fact_text(name, value),
            conflict.who,
            conflict.at,
            None,
            self,
        )
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _result: self._fact_resolved(dialog, name, conflict))
        dialog.open()

    def _fact_resolved(self, dialog: ConflictDialog, name: str, conflict: VersionConflict) -> None:
        self.conflict_dialog = None
        dialog.deleteLater()
        if dialog.choice in (None, STORED) or dialog.text is None:
            self._load_facts()  # the stored value is shown (and its version held)
            return
        self._fact_versions[name] = conflict.version
        self.set_fact(name, dialog.text)

    @reports_storage_errors(default=False)
    def set_internal_deadline(self, step: str, text: str) -> bool:
        """A step's internal deadline set by hand (overrides the one planned back from the due date)."""
        day = parse_date(text.strip())
        if day is None:
            self.status_message.emit(
                self.tr("„{text}“ ist kein Datum; bitte als TT.MM.JJJJ eingeben.").format(text=text)
            )
            return False
        planned = tracking.plan(self.register, self.print_id).get(step)
        if planned == day:
            return False
        with self.register.transaction():
            self.register.set_internal_deadline(self.print_id, step, day.isoformat(), self.who)
        self._load_facts()
        return True

    @reports_storage_errors(default=False)
    def request_extension(self) -> bool:
        """Ask the parliament for more time: the new date and a reason (both required)."""
        day = parse_date(self.extension_until.text().strip().removeprefix("bis").strip())
        if day is None:
            self.status_message.emit(self.tr("Bitte die beantragte neue Frist als TT.MM.JJJJ angeben."))
            return False
        try:
            with self.register.transaction():
                tracking.request_extension(self.register, self.print_id, day, self.extension_reason.text(), self.who)
        except WorkflowError as exc:
            QMessageBox.warning(self, self.tr("Fristverlängerung"), str(exc))
            return False
        self._after_deadline_change(self.tr("Fristverlängerung bis {day} beantragt.").format(day=short_date(day)))
        return True

    @reports_storage_errors(default=False)
    def grant_extension(self) -> bool:
        """The parliament granted the extension: the requested date becomes the deadline."""
        wf = self.register.workflow(self.print_id)
        if not wf["extension_requested"]:
            return False
        day = date.fromisoformat(wf["extension_requested"])
        with self.register.transaction():
            tracking.grant_extension(self.register, self.print_id, day, self.who)
        self._after_deadline_change(self.tr("Fristverlängerung bis {day} gewährt.").format(day=short_date(day)))
        return True

    def _after_deadline_change(self, message: str) -> None:
        self._load_workflow()
        self._load_facts()
        self.status_message.emit(message)
        self.changed.emit(self.print_id)

    # -- workflow -----------------------------------------------------------------------------------

    def change_status(self, new: str) -> bool:
        """Move the inquiry one step on; a refused step is explained in one sentence."""
        self.save_now()
        try:
            with self.register.transaction():
                tracking.change_status(self.register, self.print_id, new, self.who, today=self.today)
        except WorkflowError as exc:
            QMessageBox.warning(self, self.tr("Status"), str(exc))
            return False
        except StorageError as exc:
            QMessageBox.warning(
                self, self.tr("Status"), self.tr("Der Status wurde nicht geändert: {reason}").format(reason=exc)
            )
            return False
        self._load_workflow()
        self._load_history()
        self.status_message.emit(self.tr("Status: {status}").format(status=new))
        self.changed.emit(self.print_id)
        return True

    # -- contributions ------------------------------------------------------------------------------

    @_side_read
    def _load_contribution(self) -> None:
        label = self._current_label
        entry = next((c for c in self.register.contributions(self.print_id) if c["point"] == label), None)
        self.contribution_unit.setText(entry["unit"] if entry else "")
        self.contribution_due.setText(short_date(date.fromisoformat(entry["due"])) if entry and entry["due"] else "")
        if entry and entry["received_on"]:
            state = self.tr("eingegangen am {day}").format(day=short_date(date.fromisoformat(entry["received_on"])))
        elif entry:
            state = self.tr("angefordert")
            deadline = self.register.workflow(self.print_id)["due_date"]
            if entry["due"] and deadline and entry["due"] > deadline:
                state += self.tr(" — nach der Frist der Antwort!")
        else:
            state = ""
        self.contribution_state.setText(state)
        self.contribution_received.setEnabled(bool(entry) and not (entry and entry["received_on"]))

    @reports_storage_errors(default=False)
    def set_contribution(self) -> bool:
        """Ask a unit to contribute to the current point by a date."""
        label, unit = self._current_label, self.contribution_unit.text().strip()
        due_text = self.contribution_due.text().strip().removeprefix("bis").strip()
        due = parse_date(due_text) if due_text else None
        if not label or not unit or (due_text and due is None):
            self.status_message.emit(self.tr("Bitte ein Referat und, wenn gewünscht, ein Datum TT.MM.JJJJ angeben."))
            return False
        warning = tracking.contribution_warning(self.register, self.print_id, label, due)
        if warning:
            answer = QMessageBox.question(
                self,
                self.tr("Zulieferung nach der Frist"),
                self.tr("{warning}\n\nDie Zulieferung trotzdem mit diesem Datum eintragen?").format(warning=warning),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.status_message.emit(self.tr("Zulieferung nicht eingetragen."))
                return False
        try:
            with self.register.transaction():
                tracking.request_contribution(
                    self.register, self.print_id, label, unit, due, self.who, confirmed=bool(warning)
                )
        except WorkflowError as exc:
            self.status_message.emit(str(exc))
            return False
        self._load_contribution()
        self._load_history()
        self.status_message.emit(
            self.tr("Zulieferung zu Ziffer {label} bei {unit} eingetragen.").format(label=label, unit=unit)
        )
        return True

    @reports_storage_errors()
    def mark_contribution_received(self) -> None:
        if not self._current_label:
            return
        with self.register.transaction():
            self.register.mark_contribution_received(
                self.print_id, self._current_label, self.today.isoformat(), self.who
            )
        self._load_contribution()
        self._load_history()

    # -- side panel ---------------------------------------------------------------------------------

    @_side_read
    def _side_changed(self) -> None:
        page = self.side.currentIndex()
        if page == 1:
            self._load_similar()
        elif page == 2:
            self._load_material()
        elif page == 3:
            self._load_history()

    def _load_citations(self) -> None:
        outgoing = self.register.citations_from(self.print_id)
        incoming = self.register.citations_to(self.doc.number) if self.doc.number else []
        if (outgoing, incoming) == self._citations_shown:
            return  # unchanged: the list is not rebuilt under the officer's mouse at every save
        self._citations_shown = (outgoing, incoming)
        self.citations.clear()
        for c in outgoing:
            if c["number"] is None:
                continue  # a point of the same print
            where = where_german(c["in"])
            if c["target_id"] is not None:
                text = self.tr("→ Drucksache {number} ({where}) — {title}").format(
                    number=c["number"], where=where, title=c["target_title"] or ""
                )
            else:
                text = self.tr("→ Drucksache {number} ({where}) — nicht im Register").format(
                    number=c["number"], where=where
                )
            item = QListWidgetItem(text)
            item.setData(TargetRole, (c["target_id"], c["number"]))
            item.setToolTip(text)
            self.citations.addItem(item)
        for b in incoming:
            if b["print_id"] == self.print_id:
                continue
            text = self.tr("← Drucksache {number} verweist hierauf ({where}) — {title}").format(
                number=b["number"], where=where_german(b["in"]), title=b["title"] or ""
            )
            item = QListWidgetItem(text)
            item.setData(TargetRole, (b["print_id"], b["number"]))
            self.citations.addItem(item)
        if self.citations.count() == 0:
            empty = QListWidgetItem(self.tr("Keine Verweise auf andere Drucksachen."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.citations.addItem(empty)

    def citation_items(self) -> list[str]:
        return [self.citations.item(r).text() for r in range(self.citations.count())]

    def follow_citation(self, number: str, where: str | None = None) -> bool:
        """Follow the (first) citation of `number`, optionally the one standing in `where` ("Antwort 2")."""
        for row in range(self.citations.count()):
            item = self.citations.item(row)
            target = item.data(TargetRole)
            if target and target[1] == number and (where is None or f"({where}" in item.text()):
                return self._follow(item)
        return False

    @reports_storage_errors(default=False)
    def _follow(self, item: QListWidgetItem) -> bool:
        target = item.data(TargetRole)
        if not target:
            return False
        target_id, number = target
        if target_id is None:
            # resolved at the moment of the click: the cited print may have been imported meanwhile
            target_id = self.register.print_id(number)
        if target_id is None:
            self.status_message.emit(
                self.tr(
                    "Drucksache {number} ist nicht im Register; importieren Sie sie, um dem Verweis zu folgen."
                ).format(number=number)
            )
            return False
        self.open_print.emit(int(target_id))
        return True

    def _load_similar(self) -> None:
        if self.side.currentIndex() != 1 or not self._current_label or self._offline is not None:
            return
        from core.services import similar  # the parser's vocabulary and the import: 40 ms, only for this

        self.similar_list.clear()
        self.similar_text.clear()
        try:
            found = similar(self.register, self.print_id, self._current_label, limit=5, passages_limit=3)
        except (StorageError, KeyError):
            found = []
        for entry in found:
            for p in entry.points:
                day = short_date(date.fromisoformat(p.answer_date)) if p.answer_date else ""
                item = QListWidgetItem(
                    self.tr("Drucksache {number}, Ziffer {label} {day}\n{question}").format(
                        number=p.number or "—",
                        label=p.label,
                        day=f"({day})" if day else "",
                        question=_clip(p.question, 140),
                    )
                )
                item.setData(TargetRole, ("point", p))
                self.similar_list.addItem(item)
            for passage in entry.passages:
                item = QListWidgetItem(
                    self.tr("Material: {title}\n{text}").format(title=passage.title, text=_clip(passage.text, 140))
                )
                item.setData(TargetRole, ("passage", passage))
                self.similar_list.addItem(item)
        if self.similar_list.count() == 0:
            empty = QListWidgetItem(self.tr("Keine ähnlichen beantworteten Ziffern gefunden."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.similar_list.addItem(empty)
        else:
            self.similar_list.setCurrentRow(0)

    def _similar_selected(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        data = current.data(TargetRole) if current else None
        self.insert_button.setEnabled(bool(data))
        if not data:
            self.similar_text.clear()
            return
        kind, entry = data
        if kind == "point":
            self.similar_text.setHtml(
                f"<p><b>{html.escape(self.tr('Frage'))}:</b> {html.escape(entry.question)}</p>"
                f"<p><b>{html.escape(self.tr('Antwort'))}:</b> {html.escape(entry.answer)}</p>"
            )
        else:
            self.similar_text.setPlainText(entry.text)

    def insert_similar(self) -> bool:
        """Insert the selected earlier answer, quoted with its source, at the cursor of the answer editor."""
        current = self.similar_list.currentItem()
        data = current.data(TargetRole) if current else None
        if not data or not self.editor.isEnabled():
            return False
        kind, entry = data
        if kind == "point":
            text = answers.quoted(entry.answer, entry.number, entry.label, entry.answer_date)
        else:
            text = f"[{self.tr('Aus dem Material')} „{entry.title}“:]\n{entry.text.strip()}"
        cursor = self.editor.textCursor()
        if self.editor.toPlainText() and cursor.position() > 0:
            text = "\n\n" + text
        cursor.insertText(text)
        self.editor.setFocus()
        return True

    @_side_read
    def _load_material(self) -> None:
        self.material.clear()
        self.material_text.clear()
        for m in self.register.material_for(self.print_id):
            item = QListWidgetItem(m["title"])
            item.setData(TargetRole, m["id"])
            item.setToolTip(m["source"] or "")
            self.material.addItem(item)
        if self.material.count() == 0:
            empty = QListWidgetItem(self.tr("Kein Material verknüpft (in der Bibliothek verknüpfen)."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.material.addItem(empty)

    @_side_read
    def _material_selected(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        material_id = current.data(TargetRole) if current else None
        if material_id is None:
            return
        self.material_text.setPlainText(self.register.get_material(material_id)["text"])

    @_side_read
    def _load_history(self) -> None:
        self.history.clear()
        self.diff.clear()
        for event in reversed(self.register.events("print", self.print_id)):
            item = QListWidgetItem(history.describe(event))
            item.setData(TargetRole, event)
            self.history.addItem(item)

    def _history_selected(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        event = current.data(TargetRole) if current else None
        if not event:
            self.diff.clear()
            return
        if history.is_text_change(event):
            self.diff.setHtml(diff_html(event["old"], event["new"]))
        else:
            self.diff.setPlainText(history.describe(event))

    # -- closing ------------------------------------------------------------------------------------

    def close_view(self) -> bool:
        """Save before the view goes away; False if the text could not be saved."""
        saved = self.save_now()
        self._similar_timer.stop()
        if saved:
            self._save_timer.stop()
        return saved

    def shutdown(self) -> None:
        """The view goes away for good (its tab closed, the window closing): no check for the server
        and no save may reach the register afterwards."""
        self._retry_timer.stop()
        self._save_timer.stop()
        self._similar_timer.stop()
        self.jobs.shutdown()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.close_view()
        super().closeEvent(event)


class SplitDialog(QDialog):
    """Asks which point each paragraph of a combined answer belongs to, before it is split."""

    def __init__(self, points: list[str], paragraphs: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Antwort aufteilen"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Zu welcher Ziffer gehört jeder Absatz der Antwort?"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.choices: list[QComboBox] = []
        for k, (paragraph, owner) in enumerate(
            zip(paragraphs, answers.suggested_owners(len(paragraphs), len(points)), strict=True), 1
        ):
            box = QComboBox(self)
            for label in points:
                box.addItem(self.tr("Zu {label}.").format(label=label))
            box.setCurrentIndex(owner)
            box.setAccessibleName(self.tr("Ziffer für Absatz {n}").format(n=k))
            text = QLabel(_clip(paragraph, 160), self)
            text.setWordWrap(True)
            text.setToolTip(paragraph)
            form.addRow(box, text)
            self.choices.append(box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def owners(self) -> list[int]:
        return [box.currentIndex() for box in self.choices]

    @classmethod
    def choose(cls, parent: QWidget, points: list[str], paragraphs: list[str]) -> list[int] | None:
        """The point of each paragraph as the officer chose it; None when cancelled."""
        dialog = cls(points, paragraphs, parent)
        try:
            return dialog.owners() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def diff_html(old: str | None, new: str | None) -> str:
    """A word diff as HTML: removed words struck through in red, added ones underlined in green."""
    parts = []
    for op, text in history.word_diff(old, new):
        escaped = html.escape(text).replace("\n", "<br>")
        if op == "-":
            parts.append(f'<span style="color:#a40000; text-decoration: line-through;">{escaped}</span>')
        elif op == "+":
            parts.append(f'<span style="color:#1a6b1a; text-decoration: underline;">{escaped}</span>')
        else:
            parts.append(escaped)
    return "<p>" + "".join(parts) + "</p>"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
