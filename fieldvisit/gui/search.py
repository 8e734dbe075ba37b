"""Ctrl+F: one search field over everything of the event (sessions, visit stops, people and
contacts, documents, the delegate's notes), each result labelled with its kind and the matched
words highlighted; Enter (or a click) opens the item where it lives."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import day_time
from fieldvisit.gui.sections.common import HtmlDelegate
from fieldvisit.services.protection import withheld
from fieldvisit.services.search import SearchHit, search

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DEBOUNCE_MS = 150
LIMIT = 50


class SearchResultsModel(QAbstractListModel):
    """Hits as rich text: a kind label, the title, the highlighted snippet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def kind_label(self, kind: str) -> str:
        labels = {
            "session": self.tr("Session"),
            "stop": self.tr("Visit stop"),
            "person": self.tr("Person"),
            "document": self.tr("Document"),
            "note": self.tr("Note"),
        }
        return labels.get(kind, kind)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [self.kind_label(hit.kind)]
            if hit.start is not None:
                parts.append(day_time(hit.start))
            if hit.room:
                parts.append(hit.room)
            label = " · ".join(parts)
            return f"<small>{html.escape(label)}</small><br>{hit.snippet_html}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.kind_label(hit.kind)}: {hit.title}"
        if role == Qt.ItemDataRole.UserRole:
            return hit
        return None


class SearchPopup(QDialog):
    """A small non-modal window under the toolbar; typing searches as you go."""

    results_ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("search_popup")
        self.setWindowTitle(self.tr("Search"))
        self.setModal(False)
        self.resize(620, 440)
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("&Find sessions, visit stops, people, documents and your notes:"))
        self.field = QLineEdit()
        self.field.setObjectName("search_field")
        self.field.setAccessibleName(self.tr("Find in everything of this event"))
        self.field.setPlaceholderText(self.tr("Words to find…"))
        self.field.setClearButtonEnabled(True)
        caption.setBuddy(self.field)
        layout.addWidget(caption)
        layout.addWidget(self.field)
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("search_results")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.activated.connect(self.on_activated)
        self.results.clicked.connect(self.on_activated)
        layout.addWidget(self.results, 1)
        self.status = QLabel()
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)  # (the withheld-notes line is long)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._generation = 0
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.installEventFilter(self)
        ctx.event_changed.connect(lambda _e: self.model.set_hits(()))

    def popup(self) -> None:
        parent = self.parentWidget()
        if parent is not None and not self.isVisible():
            top = parent.mapToGlobal(parent.rect().topLeft())
            self.move(top.x() + (parent.width() - self.width()) // 2, top.y() + 80)
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot()
    def run_search(self) -> None:
        query = self.field.text()
        event_id = self.ctx.event_id
        self._generation += 1
        generation = self._generation
        if not query.strip() or not event_id:
            self.model.set_hits(())
            self.status.clear()
            self.results_ready.emit()
            return
        self.ctx.worker.submit(
            lambda store: (search(store, event_id, query, LIMIT), withheld(store, event_id)),
            lambda found: self.on_results(generation, *found),
        )

    def on_results(self, generation: int, hits: list[SearchHit], notes_withheld: bool) -> None:
        if generation != self._generation:
            return  # the user typed on; a newer search is coming
        self.model.set_hits(tuple(hits))
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
            said = self.tr("%n result(s)", "", len(hits))
        else:
            said = self.tr("Nothing found.")
        if notes_withheld:  # the organisers' require_app_lock: say why no note is found
            said += "\n" + self.tr(
                "Your notes are not searched: the organisers require a passcode for this "
                "event's notes (Settings > Protect with a passcode…)."
            )
        self.status.setText(said)
        self.results_ready.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress:
                key = event.key()
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                    QApplication.sendEvent(self.results, event)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if self._timer.isActive():
                        # Enter before the debounce ran: search now, go on arrival.
                        self._timer.stop()
                        self.results_ready.connect(self._go_first)
                        self.run_search()
                    else:
                        self.on_activated(self.results.currentIndex())
                    return True
        return super().eventFilter(watched, event)

    @Slot()
    def _go_first(self) -> None:
        self.results_ready.disconnect(self._go_first)
        self.on_activated(self.results.currentIndex())

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        hit = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if not isinstance(hit, SearchHit):
            return
        self.hide()
        section = {
            "session": "programme",
            "stop": "visit",
            "person": "contacts",
            "document": "documents",
        }.get(hit.kind, "notes")
        self.ctx.navigate.emit(section, hit.kind, hit.uid)
