"""File > Send to organisers…: the checklist of what will go, and writing the return file.

The main window owns the File menu and its actions; Send to organisers… calls
`open_send_dialog` here. Collating returns is the organisers' work, in their own window and
entry (`fieldvisit organiser`, issue 16), not in a delegate's menu.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.errors import StorageError, UserError
from fieldvisit.gui.context import AppContext

# fieldvisit.returns (cryptography) loads when the dialog is first used, not when the main
# window adds these menu entries at start-up.
if TYPE_CHECKING:
    from fieldvisit.returns.draft import ReturnDraft, ReturnItem, WrittenReturn
    from fieldvisit.services.store import Store

# SECTION_TITLES come from fieldvisit.returns (no Qt there); ReturnItemsModel translates them
# in its own context, and these marks let lupdate see them.
_SECTION_TITLE_MARKS = (
    QT_TRANSLATE_NOOP("ReturnItemsModel", "Notes"),
    QT_TRANSLATE_NOOP("ReturnItemsModel", "Answers"),
    QT_TRANSLATE_NOOP("ReturnItemsModel", "Agenda picks"),
    QT_TRANSLATE_NOOP("ReturnItemsModel", "Ratings"),
)

Index = QModelIndex | QPersistentModelIndex
SEND, CONFIRM = 0, 1


@dataclass(frozen=True, slots=True)
class DraftView:
    """What the dialog loads on the worker: the draft and the remembered delegate name."""

    draft: ReturnDraft
    delegate_name: str


@dataclass(slots=True)
class _Section:
    kind: str
    title: str
    items: list[ReturnItem] = field(default_factory=list)


class ReturnItemsModel(QAbstractItemModel):
    """Sections (notes, answers, picks, ratings) with their items, each checkable.

    Column 0 "Send": every item starts checked. Column 1 "Confirm": only for notes on
    confidential sessions, unchecked until the delegate confirms that note.
    """

    selection_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sections: list[_Section] = []
        self.excluded: set[str] = set()
        self.confirmed: set[str] = set()

    def set_items(self, items: tuple[ReturnItem, ...]) -> None:
        from fieldvisit.returns.draft import SECTION_TITLES

        self.beginResetModel()
        self.sections = [
            _Section(kind, title, [i for i in items if i.record.kind == kind])
            for kind, title in SECTION_TITLES.items()
        ]
        self.sections = [s for s in self.sections if s.items]
        self.excluded, self.confirmed = set(), set()
        self.endResetModel()
        self.selection_changed.emit()

    def items(self) -> list[ReturnItem]:
        return [item for section in self.sections for item in section.items]

    def going(self) -> list[ReturnItem]:
        """The items that will be sent as things stand."""
        return [
            i
            for i in self.items()
            if i.key not in self.excluded and (not i.confidential or i.key in self.confirmed)
        ]

    # --- structure: internalId 0 = a section row; n > 0 = an item of section n - 1 ---------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def _item(self, index: Index) -> ReturnItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.sections[index.internalId() - 1].items[index.row()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Send"), self.tr("Confirm confidential")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self._item(index)
        if index.column() == SEND:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if item is not None and item.confidential:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._item(index)
        if item is None:
            section = self.sections[index.row()]
            if index.column() != SEND:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self.tr(section.title)} ({len(section.items)})"
            if role == Qt.ItemDataRole.CheckStateRole:
                out = sum(1 for i in section.items if i.key in self.excluded)
                if out == 0:
                    return Qt.CheckState.Checked
                return (
                    Qt.CheckState.Unchecked
                    if out == len(section.items)
                    else (Qt.CheckState.PartiallyChecked)
                )
            return None
        if index.column() == SEND:
            if role == Qt.ItemDataRole.DisplayRole:
                return item.label
            if role == Qt.ItemDataRole.CheckStateRole:
                sent = item.key not in self.excluded
                return Qt.CheckState.Checked if sent else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole and item.confidential:
                return self.tr("A note on a confidential session: it goes only once confirmed.")
            return None
        if not item.confidential:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Confirmed") if item.key in self.confirmed else self.tr("Confirm?")
        if role == Qt.ItemDataRole.CheckStateRole:
            yes = item.key in self.confirmed
            return Qt.CheckState.Checked if yes else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        item = self._item(index)
        if item is None:
            section = self.sections[index.row()]
            for child in section.items:
                (self.excluded.discard if checked else self.excluded.add)(child.key)
            self.dataChanged.emit(index, index)
            first, last = self.index(0, 0, index), self.index(len(section.items) - 1, 1, index)
            self.dataChanged.emit(first, last)
        else:
            target = self.excluded if index.column() == SEND else self.confirmed
            add = not checked if index.column() == SEND else checked
            (target.add if add else target.discard)(item.key)
            self.dataChanged.emit(index.sibling(index.row(), 0), index.sibling(index.row(), 1))
            parent = self.parent(index)
            self.dataChanged.emit(parent, parent)
        self.selection_changed.emit()
        return True


def _default_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


class SendReturnDialog(QDialog):
    """Shows exactly what will go; writes one encrypted return file into a chosen folder."""

    loaded = Signal()
    sent = Signal(str)  # the path written
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft: ReturnDraft | None = None
        self.written: WrittenReturn | None = None
        self.setObjectName("send_return_dialog")
        self.setWindowTitle(self.tr("Send to organisers"))
        self.resize(760, 560)

        intro = QLabel(
            self.tr(
                "Everything ticked goes into one encrypted file that only the organisers can "
                "open. Untick anything you want to keep. Private notes are never listed nor "
                "sent; a note on a confidential session goes only once you confirm it."
            )
        )
        intro.setWordWrap(True)
        self.model = ReturnItemsModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("return_items")
        self.tree.setAccessibleName(self.tr("What will be sent"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("delegate_name")
        self.name_edit.setPlaceholderText(self.tr("optional: how the organisers will see you"))
        self.folder_edit = QLineEdit(_default_folder())
        self.folder_edit.setObjectName("return_folder")
        browse = QPushButton(self.tr("&Choose…"))
        browse.setToolTip(self.tr("Choose the folder, e.g. a USB stick"))
        browse.clicked.connect(self.on_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        name_label = QLabel(self.tr("Your &name:"))
        name_label.setBuddy(self.name_edit)
        folder_label = QLabel(self.tr("Save &in:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow(folder_label, folder_row)
        self.summary = QLabel()
        self.summary.setObjectName("return_summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(
            self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setObjectName("send_button")
        self.send_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_send)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.model.selection_changed.connect(self.on_selection_changed)
        self.reload()

    def reload(self) -> None:
        event_id = self.ctx.event_id

        def job(store: Store) -> DraftView:
            from fieldvisit.services.returns import compose_draft, get_identity

            return DraftView(compose_draft(store, event_id), get_identity(store).delegate_name)

        self.ctx.worker.submit(job, self.on_loaded, self.on_error)

    def on_loaded(self, view: DraftView) -> None:
        self.draft = view.draft
        if not self.name_edit.text():
            self.name_edit.setText(view.delegate_name)
        self.model.set_items(view.draft.items)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.loaded.emit()

    @Slot()
    def on_selection_changed(self) -> None:
        going = self.model.going()
        waiting = [
            i for i in self.model.items() if i.confidential and i.key not in self.model.confirmed
        ]
        text = self.tr("%n item(s) will be sent.", "", len(going))
        if waiting:
            text += " " + self.tr(
                "%n confidential note(s) wait for your confirmation.", "", len(waiting)
            )
        self.summary.setText(text)
        self.send_button.setEnabled(bool(going))

    @Slot()
    def on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Save the return in"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    @Slot()
    def on_send(self) -> None:
        if self.draft is None:
            return
        draft = self.draft
        excluded = set(self.model.excluded)
        confirmed = set(self.model.confirmed)
        name = self.name_edit.text()
        folder = Path(self.folder_edit.text()).expanduser()
        self.send_button.setEnabled(False)

        def job(store: Store) -> WrittenReturn:
            from fieldvisit.services.returns import write_return

            if not folder.is_dir():  # the field names a folder, never the file itself
                raise StorageError("the folder does not exist", path=folder)
            # Exactly what the list showed: nothing added since goes unseen.
            return write_return(
                store, draft, folder, excluded=excluded, confirmed=confirmed, delegate_name=name
            )

        self.ctx.worker.submit(job, self.on_sent, self.on_error)

    def on_sent(self, written: WrittenReturn) -> None:
        self.written = written
        if self.draft is not None:
            self.ctx.delegate_data_changed.emit(self.draft.event_id)
        self.sent.emit(str(written.path))
        self.accept()

    def on_error(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, UserError) else str(exc)
        self.send_button.setEnabled(bool(self.model.going()))
        self.failed.emit(message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Send to organisers"), message, parent=self
        )
        box.setObjectName("send_error")
        box.open()


def open_send_dialog(window: QMainWindow, ctx: AppContext) -> None:
    """File > Send to organisers… (the main window owns the action and its menu)."""
    if not ctx.event_id:
        QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "Send to organisers"),
            QCoreApplication.translate("MainWindow", "Install an event pack first."),
        )
        return
    dialog = SendReturnDialog(ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.sent.connect(
        lambda path: window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Return written: %1").replace("%1", path),
            8000,
        )
    )
    dialog.open()
    window.setProperty("send_return_dialog", dialog)
