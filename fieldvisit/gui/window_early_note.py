"""A note begun before the store is open (issue 10: not one keystroke lost): typed into a
plain editor, kept in a file until it is a stored note, and recovered after a crash."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListWidget, QStackedWidget

from fieldvisit.gui.navigation import SECTIONS, LazySections
from fieldvisit.gui.window_status import WindowStatus

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

    from fieldvisit.gui.early_note import EarlyNoteFile
    from fieldvisit.services.store import Store


class WindowEarlyNote(WindowStatus):
    """The early note of the main window (`MainWindow` builds on it)."""

    # Set by MainWindow.__init__.
    nav: QListWidget
    stack: QStackedWidget
    sections: LazySections
    early_note_file: Path | None
    _early_note: QPlainTextEdit | None
    _early_copy: EarlyNoteFile | None
    _early_this_run: bool

    def _discard_when_stored(self, path: Path) -> None:
        """Remove the early text's file once the note holding it is in the store."""
        from fieldvisit.gui.early_note import discard

        editor = getattr(self.sections["notes"], "editor", None)
        if editor is None or getattr(editor, "stored", False):
            discard(path)
            return
        note_id = editor.note_id

        def on_saved(saved_id: str) -> None:
            if saved_id == note_id:
                editor.saved.disconnect(on_saved)
                discard(path)

        editor.saved.connect(on_saved)

    def _recover_early_note(self) -> None:
        """A start that crashed before its store opened left its early text: make it a note."""
        path = self.early_note_file
        if path is None or self._early_this_run or not self.ctx.event_id:
            return
        from fieldvisit.gui.early_note import discard, recover

        text = recover(path)
        if not text.strip():
            discard(path)
            return
        event_id = self.ctx.event_id

        def job(store: Store) -> None:
            # Imported here, on the worker: the store may still be opening behind a first
            # screen, and the storage stack is loaded there (`DbWorker.open_store`).
            from fieldvisit.services import notes

            notes.save_note(store, notes.NoteDraft(notes.new_note_id(), event_id, text))

        def done(_result: None) -> None:
            discard(path)
            self.ctx.delegate_data_changed.emit(event_id)
            self.show_message(
                self.tr("A note typed just before the app last stopped was kept: see Notes.")
            )

        self.ctx.worker.submit(job, done)

    def _start_early_note(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QPlainTextEdit

        if self._early_note is None:
            editor = QPlainTextEdit()
            editor.setObjectName("early_note")
            editor.setAccessibleName(self.tr("Note text"))
            editor.setPlaceholderText(
                self.tr("Write here. Your note is saved once your data is open.")
            )
            editor.setTabChangesFocus(True)
            self.stack.addWidget(editor)
            self._early_note = editor
            if self.early_note_file is not None:
                from fieldvisit.gui.early_note import EarlyNoteFile

                self._early_copy = EarlyNoteFile(self.early_note_file, editor, self)
                self._early_this_run = True
        self.stack.setCurrentWidget(self._early_note)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(SECTIONS.index("notes"))
        self.nav.blockSignals(False)
        self._early_note.setFocus(Qt.FocusReason.ShortcutFocusReason)
