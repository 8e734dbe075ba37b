"""The generic list model the sections share: rows, headings, one row replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldvisit.gui.listmodel import RowsModel


@dataclass(frozen=True, slots=True)
class Line:
    title: str
    heading: bool = False


class Lines(RowsModel[Line]):
    def row_data(self, row: Line, role: int) -> Any:
        return row.title if role == Qt.ItemDataRole.DisplayRole else None

    def selectable(self, row: Line) -> bool:
        return not row.heading


def test_rows_headings_and_a_replaced_row(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = Lines()
    model.set_rows([Line("Speakers", heading=True), Line("A. Example"), Line("B. Example")])
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(1, 0).data() == "A. Example"
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == Line("A. Example")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.find(lambda r: r.title == "B. Example") == 2
    assert model.find(lambda r: r.title == "nobody") == -1
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace_row(2, Line("C. Example"))
    assert changed.args[0].row() == 2
    assert [r.title for r in model.rows()] == ["Speakers", "A. Example", "C. Example"]
    qtmodeltester.check(model)
