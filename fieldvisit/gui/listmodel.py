"""One list model over frozen dataclasses, for the sections' lists.

`RowsModel[T]` holds the rows and does the scaffolding every list repeated (row count,
index checks, flags, reset, one row replaced); a subclass says only what a row shows
(`row_data`) and whether it can be selected (`selectable`: group headings cannot).
UserRole gives the row itself. Checked with pytest-qt's qtmodeltester.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

T = TypeVar("T")


class RowsModel(QAbstractListModel, Generic[T]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # --- what a subclass says -----------------------------------------------------------------

    def row_data(self, row: T, role: int) -> Any:
        """What `row` shows for `role` (None: nothing); UserRole is answered already."""
        return None

    def selectable(self, row: T) -> bool:
        return True

    # --- the scaffolding ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        return self.row_data(row, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if not self.selectable(self._rows[index.row()]):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def current(self, view: QAbstractItemView) -> T | None:
        """The row current in `view` (a view of this model), or None."""
        index = view.currentIndex()
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def find(self, match: Callable[[T], bool]) -> int:
        """The first row that `match`es, or -1."""
        return next((i for i, r in enumerate(self._rows) if match(r)), -1)

    def replace_row(self, row: int, value: T) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
