"""A button that chooses several rooms (or tracks) at once: a menu of check boxes that stays
open while the delegate ticks, with "Show all" on top."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFontMetrics, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget


class StayOpenMenu(QMenu):
    """Ticking a check box does not close the menu (Esc or a click outside does)."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class MultiChoice(QToolButton):
    """`chosen` is the set of ticked names; empty means every one (nothing hidden)."""

    changed = Signal()

    def __init__(self, all_text: str, some_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all_text = all_text  # "All rooms"
        self.some_text = some_text  # "%n room(s)" already translated, with %1 for the count
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = StayOpenMenu(self)
        self.setMenu(self.menu_)
        self._names: list[str] = []
        self._chosen: set[str] = set()
        self._actions: dict[str, QAction] = {}
        self._full = ""
        self._refresh()

    # --- data -----------------------------------------------------------------------------

    def set_names(self, names: list[str], chosen: set[str] | frozenset[str] = frozenset()) -> None:
        self._names = list(names)
        self._chosen = {n for n in chosen if n in names}
        self._rebuild()

    @property
    def names(self) -> list[str]:
        return list(self._names)

    @property
    def chosen(self) -> frozenset[str]:
        return frozenset(self._chosen)

    def set_chosen(self, chosen: set[str] | frozenset[str], *, emit: bool = True) -> None:
        self._chosen = {n for n in chosen if n in self._names}
        for name, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(name in self._chosen)
            action.blockSignals(False)
        self._refresh()
        if emit:
            self.changed.emit()

    def clear_choice(self, *, emit: bool = True) -> None:
        self.set_chosen(set(), emit=emit)

    # --- menu -----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self.menu_.clear()
        self._actions = {}
        everything = self.menu_.addAction(self.all_text)
        everything.setObjectName("show_all")
        everything.triggered.connect(lambda: self.clear_choice())
        self.menu_.addSeparator()
        for name in self._names:
            action = self.menu_.addAction(name.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(name in self._chosen)
            action.toggled.connect(lambda on, n=name: self.on_toggled(n, on))
            self._actions[name] = action
        self.setEnabled(bool(self._names))
        self._refresh()

    @Slot()
    def on_toggled(self, name: str, on: bool) -> None:
        (self._chosen.add if on else self._chosen.discard)(name)
        self._refresh()
        self.changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        if not self._chosen:
            text = self.all_text
        elif len(self._chosen) == 1:
            text = next(iter(self._chosen))
        else:
            text = self.some_text.replace("%1", str(len(self._chosen)))
        self._full = text
        width = max(60, self.width() - 28)
        self.setText(QFontMetrics(self.font()).elidedText(text, Qt.TextElideMode.ElideRight, width))
        tip = ", ".join(sorted(self._chosen)) if self._chosen else self.all_text
        self.setToolTip(tip)
        self.setAccessibleDescription(text)

    @property
    def full_text(self) -> str:
        return self._full
