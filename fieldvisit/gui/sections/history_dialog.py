"""A note's revision history: pick a revision, preview it, restore it (as a new revision)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.clock import Clocks
from fieldvisit.gui.formatting import day_time
from fieldvisit.gui.listmodel import RowsModel
from fieldvisit.gui.safe_text import SafeTextBrowser
from fieldvisit.services.notes import NoteRevision

_Index = QModelIndex | QPersistentModelIndex


class RevisionsModel(RowsModel[NoteRevision]):
    """Revisions newest first: "Revision 3 · 15 Feb 10:42 · 120 characters"."""

    def __init__(self, revisions: list[NoteRevision], clocks: Clocks | None = None) -> None:
        super().__init__()
        self.clocks = clocks  # the display zone of every time on screen (None: this computer's)
        self.set_rows(revisions)

    def row_data(self, rev: NoteRevision, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            clocks = self.clocks
            when = (
                day_time(rev.saved_at.astimezone(clocks.display)) + clocks.name_suffix(rev.saved_at)
                if clocks is not None
                else day_time(rev.saved_at.astimezone())
            )
            return self.tr("Revision {0} · {1} · {2} characters").format(
                rev.revision, when, len(rev.body)
            )
        return None

    def revision_at(self, row: int) -> NoteRevision:
        return self.row_at(row)


class HistoryDialog(QDialog):
    """exec() returns Accepted with `chosen` set to the revision to restore."""

    def __init__(
        self,
        revisions: list[NoteRevision],
        parent: QWidget | None = None,
        clocks: Clocks | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note history"))
        self.resize(760, 480)
        self.chosen: NoteRevision | None = None
        self.model = RevisionsModel(revisions, clocks)
        self.model.setParent(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.list.setModel(self.model)
        self.preview = SafeTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Revision text"))
        self.preview.setOpenLinks(False)
        label = QLabel(self.tr("&Revisions (newest first):"), self)
        label.setBuddy(self.list)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        # The list as wide as its longest line (sizes that follow the text, in any language).
        metrics = self.list.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(self.model.index(r, 0).data()))
                for r in range(self.model.rowCount())
            ),
            default=200,
        )
        list_width = widest + self.list.verticalScrollBar().sizeHint().width() + 24
        self.list.setMinimumWidth(min(list_width, 460))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.resize(max(760, list_width + 420), 480)
        splitter.setSizes([list_width, 500])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("Restore &this revision"), self)
        self.restore_button.setToolTip(
            self.tr("Make this text current again; the text you have now stays in the history")
        )
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.selectionModel().selectionChanged.connect(self.on_selection_changed)
        if revisions:
            self.list.setCurrentIndex(self.model.index(0, 0))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.chosen = None
            self.restore_button.setEnabled(False)
            self.preview.clear()
            return
        self.chosen = self.model.revision_at(indexes[0].row())
        self.preview.setPlainText(self.chosen.body)
        # restoring the newest revision would change nothing
        self.restore_button.setEnabled(indexes[0].row() > 0)

    def select_revision(self, revision: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.revision_at(row).revision == revision:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return
