"""The Documents section: pack documents overall and per session, shown in-app or opened
with the system viewer from a read-only temporary copy."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.model import Document, Sharing
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.listmodel import RowsModel
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.gui.section import Section
from fieldvisit.gui.sections.common import HtmlDelegate, dot_icon, lock_icon
from fieldvisit.services import documents as docs
from fieldvisit.services.documents import DocumentItem, DocumentsData
from fieldvisit.services.store import Store


def sharing_label(doc: Document) -> str:
    """The document's sharing status as a text label ("" for a plainly shared one)."""
    if doc.sharing is Sharing.NOT_SHARED:
        return QCoreApplication.translate("DocumentsSection", "Confidential: not shared")
    if doc.sharing is Sharing.ATTENDEES_ONLY:
        return QCoreApplication.translate("DocumentsSection", "Attendees only: do not forward")
    return ""


def illustrative_label() -> str:
    return QCoreApplication.translate("DocumentsSection", "Illustrative")


class DocumentsModel(RowsModel[DocumentItem]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock = lock_icon(QColor("#a61b1b"))
        self._new = dot_icon(QColor("#1f5fbf"))
        self.labels = {"confidential": "Confidential", "new": "not opened yet", "session": "{}"}
        self.sessions: dict[str, str] = {}

    def row_data(self, item: DocumentItem, role: int) -> Any:
        doc = item.document
        if role == Qt.ItemDataRole.DisplayRole:
            status = sharing_label(doc)
            if doc.carried:
                bits = [html.escape(doc.filename), _size(item.size)]
            else:
                # Listed, not carried: where it was presented instead of a file.
                bits = [
                    html.escape(self.labels["session"].format(self.sessions[sid]))
                    for sid in doc.session_ids
                    if sid in self.sessions
                ]
            if doc.confidential and not status:
                status = self.labels["confidential"]
            if status:
                bits.insert(0, '<b style="color:#a61b1b">' + html.escape(status) + "</b>")
            if doc.illustrative:
                bits.append("<i>" + html.escape(illustrative_label()) + "</i>")
            if not item.seen and doc.carried:
                bits.append(html.escape(self.labels["new"]))
            return f"<b>{html.escape(doc.title)}</b><br>{' · '.join(bits)}"
        if role == Qt.ItemDataRole.DecorationRole:
            marked = doc.confidential or doc.sharing is not Sharing.SHARED
            return self._lock if marked else (None if item.seen else self._new)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            status = sharing_label(doc) or (self.labels["confidential"] if doc.confidential else "")
            mark = f" ({status})" if status else ""
            return f"{doc.title}{mark}"
        return None

    def row_of(self, uid: str) -> int:
        return self.find(lambda r: r.document.id == uid)


@dataclass(frozen=True, slots=True)
class Opened:
    item: DocumentItem
    data: bytes
    temp: Path | None  # the read-only copy, for documents Qt cannot show


class DocumentsSection(Section):
    section_name = "documents"
    loaded = Signal()
    opened = Signal(str)  # document id, shown in-app or handed to the system viewer
    open_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data = DocumentsData("")
        self.last_temp: Path | None = None
        docs.remove_temp_copies(ctx.paths.cache)  # leftovers of a crash
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.on_quit)

        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Show documents of"))
        self.scope.currentIndexChanged.connect(self.on_scope_changed)
        scope_label = QLabel(self.tr("Sho&w:"), self)
        scope_label.setBuddy(self.scope)
        self.model = DocumentsModel(self)
        self.model.labels = {
            "confidential": self.tr("Confidential"),
            "new": self.tr("not opened yet"),
            "session": self.tr("Session: {}"),
        }
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Documents"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(16, 16))
        self.list.activated.connect(self.on_activated)
        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setToolTip(self.tr("Show the document (in the app when possible)"))
        self.open_button.clicked.connect(self.on_open_clicked)
        self.external_button = QPushButton(self.tr("Open in &system viewer"), self)
        self.external_button.setToolTip(
            self.tr("Open a read-only copy with the computer's own viewer")
        )
        self.external_button.clicked.connect(self.on_external_clicked)

        self.viewer = QStackedWidget(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_view = SafeTextBrowser(self)
        self.text_view.setAccessibleName(self.tr("Document text"))
        self.text_view.setOpenLinks(False)
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(self.tr("Document picture"))
        image_scroll = QScrollArea(self)
        image_scroll.setWidget(self.image_label)
        image_scroll.setWidgetResizable(True)
        for page in (self.info, self.text_view, image_scroll):
            self.viewer.addWidget(page)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(scope_label)
        row.addWidget(self.scope, 1)
        ll.addLayout(row)
        ll.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.external_button)
        ll.addLayout(buttons)
        # The opened document's status, above it, in words (not only an icon).
        self.notice = QLabel(self)
        self.notice.setObjectName("document_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { color: #a61b1b; font-weight: bold; }")
        self.notice.hide()
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.notice)
        rl.addWidget(self.viewer, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._say(self.tr("Choose a document."))
        self.reload()

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        event_id = self.ctx.event_id
        self.ctx.worker.submit(lambda store: docs.load_documents(store, event_id), self._on_loaded)

    @Slot(str)
    def on_event_changed(self, _event_id: str) -> None:
        self.reload()

    def _on_loaded(self, data: DocumentsData) -> None:
        self.data = data
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All documents"), "")
        used = {sid for item in data.items for sid in item.document.session_ids}
        for sid, title in data.sessions.items():
            if sid in used:
                self.scope.addItem(self.tr("Session: {}").format(title), sid)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        self.scope.blockSignals(False)
        self._fill()
        self._say(
            self.tr("Choose a document, then Open.")
            if data.items
            else self.tr("This event's pack carries no documents.")
        )
        self.loaded.emit()

    def _fill(self) -> None:
        sid = str(self.scope.currentData() or "")
        rows = [i for i in self.data.items if not sid or sid in i.document.session_ids]
        self.model.sessions = dict(self.data.sessions)
        self.model.set_rows(rows)
        has = any(i.document.carried for i in rows)
        self.open_button.setEnabled(has)
        self.external_button.setEnabled(has)

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= self.model.rowCount():
            return
        item = self.model.row_at(current.row())
        self.open_button.setEnabled(item.document.carried)
        self.external_button.setEnabled(item.document.carried)
        if not item.document.carried:
            self._say(self.not_available(item.document))
        elif item.document.sharing is Sharing.ATTENDEES_ONLY:
            self._say(self.attendees_only_text(item.document))

    def not_available(self, doc: Document) -> str:
        if doc.sharing is Sharing.NOT_SHARED:
            return self.tr(
                "“{}” is confidential and not shared: it is not available in this pack, "
                "and the app cannot open it. It is listed so that you know it was presented."
            ).format(doc.title)
        return self.tr("“{}” is listed by its address only; the pack does not carry it.").format(
            doc.title
        )

    def attendees_only_text(self, doc: Document) -> str:
        return self.tr(
            "“{}” is for attendees only: do not forward it. It opens read-only and is never "
            "put in an export or a return."
        ).format(doc.title)

    @Slot(int)
    def on_scope_changed(self, _index: int) -> None:
        self._fill()

    def show_target(self, kind: str, uid: str) -> None:
        """("document", id) selects it; ("session", id) lists that session's documents."""
        if kind == "session":
            self.scope.setCurrentIndex(max(0, self.scope.findData(uid)))
        elif kind == "document":
            self.scope.setCurrentIndex(0)
            row = self.model.row_of(uid)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row, 0))

    # --- opening ----------------------------------------------------------------------

    def _selected(self) -> DocumentItem | None:
        return self.model.current(self.list)

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_item(self.model.row_at(index.row()))

    @Slot()
    def on_open_clicked(self) -> None:
        item = self._selected()
        if item is not None:
            self.open_item(item)

    @Slot()
    def on_external_clicked(self) -> None:
        item = self._selected()
        if item is not None:
            self.open_item(item, external=True)

    def open_item(self, item: DocumentItem, *, external: bool = False) -> None:
        if not item.document.carried:
            reason = self.not_available(item.document)
            self._say(reason)
            self.open_failed.emit(reason)
            return
        media = item.document.media_type.lower()
        in_app = not external and media in (*docs.IN_APP_TEXT, *docs.IN_APP_IMAGES)
        pack = self.ctx.paths.packs / self.data.pack_file
        cache = self.ctx.paths.cache
        event_id = self.ctx.event_id

        def job(store: Store) -> Opened:
            data = docs.read_document(pack, item, store.key)
            temp = None if in_app else docs.write_temp_copy(data, item.document.filename, cache)
            docs.mark_seen(store, event_id, item.document.id)
            return Opened(item, data, temp)

        self._say(self.tr("Opening {}…").format(item.document.title))
        self.ctx.worker.submit(job, self._on_opened, self._on_open_failed)

    def _on_opened(self, opened: Opened) -> None:
        doc = opened.item.document
        media = doc.media_type.lower()
        marks = [sharing_label(doc), illustrative_label() if doc.illustrative else ""]
        self.notice.setText(" · ".join(m for m in marks if m))
        self.notice.setVisible(bool(self.notice.text()))
        if opened.temp is not None:
            self.last_temp = opened.temp
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(opened.temp)))
            text = self.tr(
                "“{}” was opened in your system viewer from a read-only copy "
                "that is deleted when you quit."
            ).format(doc.title)
            if doc.sharing is Sharing.ATTENDEES_ONLY:
                text += " " + self.attendees_only_text(doc)
            self._say(text)
        elif media in docs.IN_APP_IMAGES:
            image = QImage.fromData(opened.data)
            if image.isNull():
                self._say(self.tr("This picture cannot be shown."))
            else:
                self.image_label.setPixmap(QPixmap.fromImage(image))
                self.viewer.setCurrentIndex(2)
        else:
            text = opened.data.decode("utf-8", errors="replace")
            if media == "text/markdown":
                self.text_view.setMarkdown(text)
            else:
                self.text_view.setPlainText(text)
            self.viewer.setCurrentIndex(1)
        self._mark_seen_locally(doc.id)
        self.opened.emit(doc.id)

    def _on_open_failed(self, exc: Exception) -> None:
        reason = str(getattr(exc, "problem", "") or exc)
        self._say(self.tr("Not opened: {}").format(reason))
        self.open_failed.emit(reason)

    def _mark_seen_locally(self, doc_id: str) -> None:
        items = tuple(
            DocumentItem(i.document, i.sha256, i.size, True) if i.document.id == doc_id else i
            for i in self.data.items
        )
        self.data = DocumentsData(
            self.data.event_id, items, self.data.sessions, self.data.pack_file
        )
        selected = self._selected()
        self._fill()
        if selected is not None:
            self.list.setCurrentIndex(self.model.index(self.model.row_of(selected.document.id), 0))

    def _say(self, text: str) -> None:
        self.notice.hide()
        self.info.setText(text)
        self.viewer.setCurrentIndex(0)

    @Slot()
    def on_quit(self) -> None:
        docs.remove_temp_copies(self.ctx.paths.cache)


def _size(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    if size >= 1 << 10:
        return f"{size / (1 << 10):.0f} kB"
    return f"{size} B"
