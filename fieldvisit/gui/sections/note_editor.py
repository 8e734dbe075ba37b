"""The note editor: plain text with Markdown preview, tags, privacy, and autosave.

There is no Save button. A keystroke starts a MAX_WAIT_MS timer that is not restarted by
later keystrokes, so text is written at most that long after it was typed, even while
someone types without pause (a pure debounce would never fire then); the DEBOUNCE_MS
timer only matters if MAX_WAIT_MS is raised above it. Focus loss and close save at once.
At most one save is in flight; edits made meanwhile are coalesced into the next one, so
a slow disk never builds a queue of stale saves. Measured: saved ~100-115 ms after the
last keystroke (tests/benchmarks/bench_autosave.py)
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import (
    QStringListModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.gui.sections.common import lock_icon
from fieldvisit.services import notes
from fieldvisit.services.notes import Note, NoteDraft
from fieldvisit.services.store import Store

DEBOUNCE_MS = 200
MAX_WAIT_MS = 100
RETRY_MS = 2000

_KIND_LABELS = {"session": "Session", "stop": "Stop", "person": "Person"}


class _BodyEdit(QPlainTextEdit):
    """The note text; says when focus leaves it.

    An override rather than an event filter: while a window is destroyed, Qt sends focus
    events to children after their Python-side parent is gone, and a filter would be
    called on a half-destroyed editor. The override is no longer there by then.
    """

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # e.g. the context menu
            self.focus_left.emit()


class _TagsEdit(QLineEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # the completer's popup
            self.focus_left.emit()


class NoteEditor(QWidget):
    """Edits one note at a time; `saved(note_id)` after each successful write."""

    saved = Signal(str)
    save_failed = Signal(str)  # the reason
    note_saved = Signal(object)  # the saved Note, for the list
    history_requested = Signal(str)
    delete_requested = Signal(str)
    undelete_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._draft: NoteDraft | None = None  # identity and target of the open note
        self._exists = False  # a row exists in the store
        self._deleted = False
        self._dirty = False
        self._in_flight = False
        self._again = False
        self._seal = False  # next save starts a new revision
        self._loading = False
        self._seal_pending = False
        self.target_title = ""  # the open note's session, stop or person, as a bare title

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.on_save_due)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.on_save_due)

        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Save state"))
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.body = _BodyEdit(self)
        self.body.setAccessibleName(self.tr("Note text"))
        self.body.setPlaceholderText(
            self.tr("Write here. Markdown works: # heading, *emphasis*, - lists.")
        )
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self.on_edited)
        self.body.focus_left.connect(self.on_focus_left)

        self.preview = SafeTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Markdown preview"))
        self.preview.setOpenLinks(False)  # a note's links never open anything by themselves
        self.preview.hide()

        self.tags = _TagsEdit(self)
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags.textEdited.connect(self.on_edited)
        self.tags.focus_left.connect(self.on_focus_left)
        tags_label = QLabel(self.tr("T&ags:"), self)
        tags_label.setBuddy(self.tags)
        self._tag_model = QStringListModel(self)
        self._completer = QCompleter(self._tag_model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Completes the tag being typed (after the last comma), not the whole line.
        self._completer.setWidget(self.tags)
        self._completer.activated.connect(self.on_tag_chosen)
        self.tags.textEdited.connect(self.on_tags_typed)

        self.private = QCheckBox(self.tr("&Private (never sent)"), self)
        self.private.setIcon(lock_icon())
        self.private.setToolTip(
            self.tr("Private notes stay on this computer: they are never put in a return file.")
        )
        self.private.toggled.connect(self.on_edited)

        self.preview_button = QToolButton(self)
        self.preview_button.setText(self.tr("P&review"))
        self.preview_button.setCheckable(True)
        self.preview_button.setAccessibleName(self.tr("Show Markdown preview"))
        self.preview_button.setToolTip(self.tr("Show the Markdown preview beside the text"))
        self.preview_button.toggled.connect(self.on_preview_toggled)
        self.history_button = QPushButton(self.tr("Hi&story…"), self)
        self.history_button.setToolTip(self.tr("Earlier versions of this note; restore one"))
        self.history_button.clicked.connect(self.on_history_clicked)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.setToolTip(self.tr("Move this note to Deleted (it can be brought back)"))
        self.delete_button.clicked.connect(self.on_delete_clicked)

        top = QHBoxLayout()
        top.addWidget(self.target_label, 1)
        top.addWidget(self.status_label)
        meta = QHBoxLayout()
        meta.addWidget(tags_label)
        meta.addWidget(self.tags, 1)
        meta.addWidget(self.private)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.delete_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(meta)
        layout.addLayout(buttons)
        self._show_none()

    # --- what is open -------------------------------------------------------------------

    @property
    def note_id(self) -> str:
        return self._draft.id if self._draft else ""

    @property
    def stored(self) -> bool:
        """The open note has a row in the store."""
        return self._draft is not None and self._exists

    @property
    def dirty(self) -> bool:
        return self._dirty or self._in_flight

    def set_tag_choices(self, tags: list[str]) -> None:
        self._tag_model.setStringList(tags)

    def _show_none(self) -> None:
        self._draft = None
        self._set_fields("", (), False)
        self.target_label.setText(self.tr("No note open. Press Ctrl+N to start one."))
        self.status_label.clear()
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for w in (self.body, self.tags, self.private, self.history_button, self.delete_button):
            w.setEnabled(on)
        self.body.setReadOnly(self._deleted)
        self.tags.setReadOnly(self._deleted)

    def _set_fields(self, body: str, tags: tuple[str, ...], private: bool) -> None:
        self._loading = True
        try:
            self.body.setPlainText(body)
            self.tags.setText(", ".join(tags))
            self.private.setChecked(private)
        finally:
            self._loading = False
        self._refresh_preview()

    def _show_target(self, kind: str, title: str, orphaned: bool) -> None:
        self.target_title = title
        if not kind:
            self.target_label.setText(self.tr("A note of your own"))
            self.target_label.setStyleSheet("")
        elif orphaned:
            gone = {
                "session": self.tr("Session no longer in the programme: {}"),
                "stop": self.tr("Stop no longer in the visit: {}"),
                "person": self.tr("Person no longer in the pack: {}"),
            }
            self.target_label.setText(gone.get(kind, "{}").format(title))
            self.target_label.setStyleSheet("color: #a33a00; font-weight: bold;")
        else:
            on = {
                "session": self.tr("On the session: {}"),
                "stop": self.tr("At the stop: {}"),
                "person": self.tr("About: {}"),
            }
            self.target_label.setText(on.get(kind, "{}").format(title))
            self.target_label.setStyleSheet("")

    def open_note(self, note: Note, target_title: str = "", orphaned: bool = False) -> None:
        """Show a stored note (the current one is flushed first)."""
        self.flush()
        self._draft = NoteDraft(
            note.id,
            note.event_id,
            note.body,
            note.tags,
            note.private,
            note.target_kind,
            note.target_uid,
        )
        self._exists = True
        self._deleted = note.deleted
        self._dirty = self._again = False
        self._seal = True  # a new stretch of writing
        self._set_fields(note.body, note.tags, note.private)
        self._show_target(note.target_kind, target_title, orphaned)
        self._enable(True)
        self.delete_button.setText(self.tr("Un&delete") if note.deleted else self.tr("&Delete…"))
        self._set_status(
            self.tr("Deleted note (read-only)")
            if note.deleted
            else self.tr("Saved {}").format(self._hm(note.updated_at))
        )

    def start_new(
        self,
        event_id: str,
        target_kind: str = "",
        target_uid: str = "",
        target_title: str = "",
        text: str = "",
    ) -> None:
        """A new note; it reaches the store with its first character.

        `text` is what was typed before the note could be made (the window's early editor):
        it is saved at once, and the cursor waits after it. With no `event_id` yet (the
        events are still loading) the note is held until `adopt_event`.
        """
        self.flush()
        self._draft = NoteDraft(
            notes.new_note_id(), event_id, "", (), False, target_kind, target_uid
        )
        self._exists = self._deleted = self._dirty = self._again = self._seal = False
        self._set_fields(text, (), False)
        self._show_target(target_kind, target_title or target_uid, False)
        self._enable(True)
        self.history_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.delete_button.setText(self.tr("&Delete…"))
        self._set_status(self.tr("New note"))
        self.body.moveCursor(QTextCursor.MoveOperation.End)
        self.body.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if text:
            self._dirty = True
            self.flush()

    def adopt_event(self, event_id: str) -> bool:
        """The event became known: a new note begun before it keeps its text and is saved
        in it. False when no such note is open."""
        draft = self._draft
        if draft is None or self._exists or draft.event_id or not event_id:
            return False
        self._draft = dataclasses.replace(draft, event_id=event_id)
        if self._dirty:
            self.flush()
        return True

    def close_note(self) -> None:
        self.flush()
        self._show_none()

    # --- saving ---------------------------------------------------------------------------

    def _current(self) -> NoteDraft | None:
        if self._draft is None:
            return None
        return dataclasses.replace(
            self._draft,
            body=self.body.toPlainText(),
            tags=notes.parse_tags(self.tags.text()),
            private=self.private.isChecked(),
        )

    def _worth_saving(self, draft: NoteDraft) -> bool:
        # A note begun before the event was known waits for it (adopt_event) with its text.
        return bool(draft.event_id) and (self._exists or bool(draft.body or draft.tags))

    def _hm(self, moment: dt.datetime | None = None) -> str:
        """A time in the display zone (Settings: the second clock, else the event's), named
        wherever it could be taken for another clock, as History and Questions show it."""
        return self.ctx.clocks.moment(moment or dt.datetime.now(dt.UTC))

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(text)

    @Slot()
    def on_edited(self) -> None:
        if self._loading or self._draft is None or self._deleted:
            return
        self._dirty = True
        self._set_status(self.tr("Saving…"))
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()
        self._refresh_preview()

    @Slot()
    def on_save_due(self) -> None:
        self._save()

    def _save(self, seal_after: bool = False) -> None:
        draft = self._current()
        if draft is None or not self._dirty:
            self._seal = self._seal or seal_after
            return
        if self._in_flight:
            self._again = True
            self._seal_pending = seal_after
            return
        self._debounce.stop()
        self._max_wait.stop()
        if not draft.event_id:
            return  # still dirty: saved by adopt_event once the event is known
        if not self._worth_saving(draft):
            self._dirty = False
            return
        self._dirty = False
        self._in_flight = True
        new_revision = self._seal
        self._seal = seal_after

        def job(store: Store) -> Note:
            return notes.save_note(store, draft, new_revision=new_revision)

        try:
            self.ctx.worker.submit(job, self._on_saved, self._on_failed)
        except RuntimeError as exc:  # the worker is already shut down (the app is closing)
            self._in_flight = False
            self._on_failed(exc)

    def _on_saved(self, note: Note) -> None:
        self._in_flight = False
        if self._draft is not None and note.id == self._draft.id:
            self._exists = True
            self.history_button.setEnabled(True)
            self.delete_button.setEnabled(True)
            if self._dirty:
                self._save(seal_after=self._seal_pending)
            else:
                self._set_status(self.tr("Saved {}").format(self._hm()))
        self.note_saved.emit(note)
        self.saved.emit(note.id)

    def _on_failed(self, exc: Exception) -> None:
        self._in_flight = False
        reason = str(getattr(exc, "problem", "") or exc) or type(exc).__name__
        self._dirty = True
        self._set_status(self.tr("Not saved: {}").format(reason))
        self._debounce.start(RETRY_MS)
        self.save_failed.emit(reason)

    def flush(self) -> None:
        """Save now, synchronously (switching notes, focus loss of the window, close)."""
        self._debounce.stop()
        self._max_wait.stop()
        draft = self._current()
        if draft is None or not (self._dirty or self._again) or not self._worth_saving(draft):
            return
        new_revision = self._seal
        note = self.ctx.worker.run_now(
            lambda store: notes.save_note(store, draft, new_revision=new_revision)
        )
        self._dirty = self._again = False
        self._exists = True
        self._seal = True
        self.history_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        self._set_status(self.tr("Saved {}").format(self._hm()))
        self.note_saved.emit(note)
        self.saved.emit(note.id)

    @Slot()
    def on_focus_left(self) -> None:
        # Leaving the editor closes this stretch of writing: save now, and let the next
        # keystroke start a new revision.
        self._save(seal_after=True)

    @Slot(str)
    def on_tags_typed(self, line: str) -> None:
        current = line.rsplit(",", 1)[-1].strip()
        if not current:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
            return
        self._completer.setCompletionPrefix(current)
        if self._completer.completionCount():
            self._completer.complete()

    @Slot(str)
    def on_tag_chosen(self, tag: str) -> None:
        head, _, _ = self.tags.text().rpartition(",")
        self.tags.setText(f"{head}, {tag}, " if head else f"{tag}, ")
        self.on_edited()

    # --- preview, history, delete -------------------------------------------------------

    @Slot(bool)
    def on_preview_toggled(self, on: bool) -> None:
        self.preview.setVisible(on)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        if self.preview.isVisible() or self.preview_button.isChecked():
            self.preview.setMarkdown(self.body.toPlainText())

    @Slot()
    def on_history_clicked(self) -> None:
        if self._draft:
            self.flush()
            self.history_requested.emit(self._draft.id)

    @Slot()
    def on_delete_clicked(self) -> None:
        if not self._draft:
            return
        self.flush()
        if self._deleted:
            self.undelete_requested.emit(self._draft.id)
        else:
            self.delete_requested.emit(self._draft.id)
