"""The Notes section: the list (filters, full-text search) beside the autosaving editor."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.listmodel import RowsModel
from fieldvisit.gui.section import Section
from fieldvisit.gui.sections.common import HtmlDelegate, dot_icon, lock_icon, weekday_hm
from fieldvisit.gui.sections.history_dialog import HistoryDialog
from fieldvisit.gui.sections.note_editor import NoteEditor
from fieldvisit.services import notes
from fieldvisit.services.notes import Note, NoteItem, NoteRevision, SearchHit
from fieldvisit.services.store import Store

SEARCH_DELAY_MS = 120


@dataclass(frozen=True, slots=True)
class NoteListRow:
    """One line of the list: a note, or a search hit (then `item` is None)."""

    note_id: str
    html: str
    private: bool
    orphaned: bool
    item: NoteItem | None = None


class NotesListModel(RowsModel[NoteListRow]):
    """Rows are NoteListRow; DisplayRole is escaped HTML for HtmlDelegate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock = lock_icon()
        self._orphan = dot_icon(QColor("#c05000"))

    def row_data(self, row: NoteListRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.html
        if role == Qt.ItemDataRole.DecorationRole:
            if row.private:
                return self._lock
            return self._orphan if row.orphaned else None
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            # The row is clipped at the list's edge: the tooltip gives the whole of it.
            return (
                html.unescape(row.html.replace("<br>", " — "))
                .replace("<b>", "")
                .replace("</b>", "")
            )
        return None

    def row_of(self, note_id: str) -> int:
        return self.find(lambda r: r.note_id == note_id)

    def replace_or_prepend(self, row: NoteListRow) -> None:
        i = self.row_of(row.note_id)
        if i >= 0:
            self.replace_row(i, row)
        else:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, row)
            self.endInsertRows()


@dataclass(frozen=True, slots=True)
class _Loaded:
    items: list[NoteItem]
    tags: list[str]
    session_uid: str


class NotesSection(Section):
    """Notes of the current event. `saved(note_id)` after each autosave."""

    section_name = "notes"

    saved = Signal(str)
    list_loaded = Signal()
    search_done = Signal(str)  # the query

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._items: list[NoteItem] = []
        self._session_uid = ""
        self._search_serial = 0
        self._target: tuple[str, str] | None = None  # list narrowed by show_target
        self.loaded = False  # the first list has arrived
        self._stale = False  # delegate data changed while hidden

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search notes"))
        self.search.setAccessibleName(self.tr("Search notes"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search_text)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_due)
        self.filter = QComboBox(self)
        self.filter.setAccessibleName(self.tr("Show"))
        self.filter.currentIndexChanged.connect(self.on_filter_changed)
        filter_label = QLabel(self.tr("Sho&w:"), self)
        filter_label.setBuddy(self.filter)
        self.new_button = QPushButton(self.tr("&New note"), self)
        self.new_button.setToolTip(self.tr("Start a new note (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_note())
        # The bin (Show: Deleted) can be emptied for real (gui/erase.py).
        self.empty_bin_button = QPushButton(self.tr("Empt&y Deleted…"), self)
        self.empty_bin_button.setObjectName("empty_bin_button")
        self.empty_bin_button.setToolTip(
            self.tr("Erase the deleted notes of this event for real (cannot be undone)")
        )
        self.empty_bin_button.clicked.connect(self.on_empty_bin)
        self.empty_bin_button.hide()

        self.model = NotesListModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list, wrap=False))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(16, 16))
        self.list.setUniformItemSizes(True)  # two clipped lines per note: fast at 20,000
        # Rows are clipped at the list's edge; sideways scrolling through notes helps no one.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Moving through the list with the arrow keys shows each note, as a click does.
        self.list.selectionModel().currentChanged.connect(self.on_current_row_changed)
        self.list.activated.connect(self.on_row_activated)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.editor = NoteEditor(ctx, self)
        self.editor.saved.connect(self.saved)
        self.editor.note_saved.connect(self.on_note_saved)
        self.editor.history_requested.connect(self.on_history_requested)
        self.editor.delete_requested.connect(self.on_delete_requested)
        self.editor.undelete_requested.connect(self.on_undelete_requested)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.empty_bin_button)
        left_layout.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fill_filter([])

        ctx.clock_changed.connect(self.on_clock_changed)
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- loading ----------------------------------------------------------------------

    def _fill_filter(self, tags: list[str]) -> None:
        current = self.filter.currentData() or "all"
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All notes"), "all")
        self.filter.addItem(self.tr("This session"), "session")
        self.filter.addItem(self.tr("Orphaned"), "orphaned")
        self.filter.addItem(self.tr("Private"), "private")
        self.filter.addItem(self.tr("Deleted"), "deleted")
        for tag in tags:
            self.filter.addItem(self.tr("Tag: {}").format(tag), f"tag:{tag}")
        if self._target is not None:
            self.filter.addItem(self.tr("On the chosen item"), "target")
        i = self.filter.findData(current)
        self.filter.setCurrentIndex(max(i, 0))
        self.filter.blockSignals(False)

    def reload(self) -> None:
        event_id = self.ctx.event_id
        moment = self.ctx.now()
        deleted = self.filter.currentData() == "deleted"

        def job(store: Store) -> _Loaded:
            return _Loaded(
                notes.list_notes(store, event_id, include_deleted=deleted),
                notes.all_tags(store, event_id),
                notes.session_at(store, event_id, moment),
            )

        self.ctx.worker.submit(job, self._on_loaded)

    def _on_loaded(self, loaded: _Loaded) -> None:
        self._items = loaded.items
        self.loaded = True
        self._session_uid = loaded.session_uid
        self._fill_filter(loaded.tags)
        self.editor.set_tag_choices(loaded.tags)
        if not self.search.text().strip():
            self._show_items()
        self.list_loaded.emit()

    def _keep(self, item: NoteItem) -> bool:
        key = str(self.filter.currentData() or "all")
        note = item.note
        if key == "deleted":
            return note.deleted
        if note.deleted:
            return False
        if key == "session":
            return note.target_kind == "session" and note.target_uid == self._session_uid != ""
        if key == "orphaned":
            return item.orphaned
        if key == "private":
            return note.private
        if key.startswith("tag:"):
            return key[4:].casefold() in (t.casefold() for t in note.tags)
        if key == "target" and self._target is not None:
            return (note.target_kind, note.target_uid) == self._target
        return True

    def _row(self, item: NoteItem) -> NoteListRow:
        note = item.note
        title = html.escape(note.title or self.tr("(empty note)"))
        bits: list[str] = []
        if note.private:
            bits.append("<b>" + html.escape(self.tr("Private")) + "</b>")
        if item.orphaned:
            bits.append(
                '<span style="color:#a33a00">'
                + html.escape(self.tr("Orphaned: {}").format(item.target_title))
                + "</span>"
            )
        elif item.target_title:
            bits.append(html.escape(item.target_title))
        if note.tags:
            bits.append(html.escape("#" + " #".join(note.tags)))
        clocks = self.ctx.clocks
        bits.append(
            weekday_hm(note.updated_at, clocks.display) + clocks.name_suffix(note.updated_at)
        )
        return NoteListRow(
            note.id, f"<b>{title}</b><br>{' · '.join(bits)}", note.private, item.orphaned, item
        )

    def _show_items(self) -> None:
        rows = [self._row(i) for i in self._items if self._keep(i)]
        self.model.set_rows(rows)
        self._update_empty(bool(rows), searching=False)
        in_bin = self.filter.currentData() == "deleted" and bool(rows)
        self.empty_bin_button.setVisible(in_bin)
        self._select(self.editor.note_id)

    def _update_empty(self, have_rows: bool, *, searching: bool) -> None:
        if have_rows:
            self.empty_label.hide()
            return
        self.empty_label.setText(
            self.tr("No note matches.")
            if searching
            else self.tr("No notes here yet. New note (Ctrl+N) starts one.")
        )
        self.empty_label.show()

    def _select(self, note_id: str) -> None:
        i = self.model.row_of(note_id) if note_id else -1
        if i >= 0:
            self.list.setCurrentIndex(self.model.index(i, 0))

    # --- signals from the app ---------------------------------------------------------

    @Slot(str)
    def on_event_changed(self, event_id: str) -> None:
        if self.editor.adopt_event(event_id):  # a note begun while the events were loading
            self._target = None
            self.reload()
            return
        self.editor.close_note()
        self._target = None
        self.search.clear()
        self.reload()

    @Slot(str)
    def on_content_changed(self, event_id: str) -> None:
        if event_id == self.ctx.event_id:
            self.reload()

    @Slot()
    def on_clock_changed(self) -> None:
        if self.filter.currentData() == "session":  # "this session" moved with the clock
            self.reload()

    @Slot(str)
    def on_delegate_data_changed(self, event_id: str) -> None:
        # Answers and picks change this too: reload now only if the list is on screen.
        if event_id != self.ctx.event_id:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    # --- list interaction ---------------------------------------------------------------

    @Slot(int)
    def on_filter_changed(self, _index: int) -> None:
        if self.filter.currentData() == "deleted" or any(i.note.deleted for i in self._items):
            self.reload()
        else:
            self._show_items()

    @Slot(str)
    def on_search_text(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def on_search_due(self) -> None:
        query = self.search.text().strip()
        self._search_serial += 1
        serial = self._search_serial
        if not query:
            self._show_items()
            self.search_done.emit("")
            return
        event_id = self.ctx.event_id

        def job(store: Store) -> list[SearchHit]:
            return notes.search_notes(store, event_id, query)

        def done(hits: list[SearchHit]) -> None:
            if serial != self._search_serial:
                return  # a newer query is on its way
            rows = [
                NoteListRow(
                    h.note_id,
                    f"<b>{html.escape(h.title or '…')}</b><br>{h.snippet_html}",
                    h.private,
                    False,
                )
                for h in hits
            ]
            self.model.set_rows(rows)
            self._update_empty(bool(rows), searching=True)
            self.search_done.emit(query)

        self.ctx.worker.submit(job, done)

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.on_row_activated(current)

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        if row.note_id == self.editor.note_id:
            return
        if row.item is not None:
            self.editor.open_note(row.item.note, row.item.target_title, row.item.orphaned)
        else:
            self.open_note_id(row.note_id)

    def open_note_id(self, note_id: str) -> None:
        event_id = self.ctx.event_id

        def job(store: Store) -> tuple[Note | None, str, bool]:
            note = notes.get_note(store, note_id)
            if note is None:
                return None, "", False
            title, orphaned = notes.target_title(store, event_id, note.target_kind, note.target_uid)
            return note, title, orphaned

        def done(result: tuple[Note | None, str, bool]) -> None:
            note, title, orphaned = result
            if note is not None:
                self.editor.open_note(note, title, orphaned)
                self._select(note.id)

        self.ctx.worker.submit(job, done)

    @Slot(object)
    def on_note_saved(self, note: Note) -> None:
        if self.search.text().strip():
            return  # the hit list stays as searched
        old = next((i for i in self._items if i.note.id == note.id), None)
        title, orphaned = (old.target_title, old.orphaned) if old else ("", False)
        if old is None and note.target_kind:
            title = self.editor.target_title  # the bare title, not the label around it
        item = NoteItem(note, title, orphaned)
        self._items = [item] + [i for i in self._items if i.note.id != note.id]
        if self._keep(item):
            self.model.replace_or_prepend(self._row(item))
            self._update_empty(True, searching=False)
            self._select(note.id)

    # --- editor requests ----------------------------------------------------------------

    def new_note(self, target_kind: str = "", target_uid: str = "", text: str = "") -> None:
        """Start a new note, optionally on a session, stop or person (Ctrl+N); `text` is
        what was typed before the note existed. The editor has focus when this returns."""
        event_id = self.ctx.event_id
        self.editor.start_new(event_id, target_kind, target_uid, text=text)
        if target_kind:
            note_id = self.editor.note_id

            def job(store: Store) -> tuple[str, bool]:
                return notes.target_title(store, event_id, target_kind, target_uid)

            def done(result: tuple[str, bool]) -> None:
                if self.editor.note_id == note_id:
                    self.editor._show_target(target_kind, result[0], result[1])

            self.ctx.worker.submit(job, done)
        self.list.clearSelection()

    def show_target(self, kind: str, uid: str) -> None:
        """Open a note ("note", id), or narrow the list to the notes on a session/stop/person."""
        if kind == "note":
            self.open_note_id(uid)
            return
        if kind in ("session", "stop", "person"):
            self._target = (kind, uid)
            self._fill_filter(
                [
                    str(self.filter.itemData(i))[4:]
                    for i in range(self.filter.count())
                    if str(self.filter.itemData(i)).startswith("tag:")
                ]
            )
            self.filter.setCurrentIndex(self.filter.findData("target"))
            self._show_items()

    def flush(self) -> None:
        """Save the open note now (the window calls this when closing)."""
        self.editor.flush()

    @Slot(str)
    def on_history_requested(self, note_id: str) -> None:
        revisions = self.ctx.worker.run_now(lambda store: notes.history(store, note_id))
        dialog = HistoryDialog(revisions, self, self.ctx.clocks)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.restore(note_id, dialog.chosen)

    def restore(self, note_id: str, revision: NoteRevision) -> None:
        def job(store: Store) -> Note:
            return notes.restore_revision(store, note_id, revision.revision)

        def done(note: Note) -> None:
            item = next((i for i in self._items if i.note.id == note_id), None)
            self.editor.open_note(
                note, item.target_title if item else "", item.orphaned if item else False
            )
            self.on_note_saved(note)
            self.saved.emit(note.id)

        self.ctx.worker.submit(job, done)

    @Slot(str)
    def on_delete_requested(self, note_id: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete note"),
            self.tr("Delete this note? You can bring it back from Show: Deleted."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._set_deleted(note_id, True)

    @Slot()
    def on_empty_bin(self) -> None:
        from fieldvisit.gui.erase import EmptyBinDialog

        count = sum(1 for item in self._items if item.note.deleted)
        if not count or not self.ctx.event_id:
            return
        self.editor.close_note()
        dialog = EmptyBinDialog(self.ctx, self.ctx.event_id, count, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot(str)
    def on_undelete_requested(self, note_id: str) -> None:
        self._set_deleted(note_id, False)

    def _set_deleted(self, note_id: str, deleted: bool) -> None:
        event_id = self.ctx.event_id

        def job(store: Store) -> None:
            notes.set_deleted(store, note_id, deleted)

        def done(_result: None) -> None:
            self.editor.close_note()
            self.ctx.delegate_data_changed.emit(event_id)  # reloads this list too

        self.ctx.worker.submit(job, done)
