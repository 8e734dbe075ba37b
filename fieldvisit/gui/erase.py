"""Erase for real from the window: the Notes bin's Empty Deleted… and Event > Erase this
event's data….

Both ask first (erasing an event wants its name typed), say that it cannot be undone, run
`services/erase.py` on the database worker while the dialog shows that it is working, then
say what went and tell every section through the central data-changed signal
(`ctx.delegate_data_changed`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from fieldvisit.gui.context import AppContext
    from fieldvisit.services.store import Store


def _same_name(typed: str, name: str) -> bool:
    """The typed confirmation matches the event's name, whatever the case and spacing."""
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold() != ""


class _EraseDialog(QDialog):
    """Explanation, the Erase button, a busy bar while the worker erases, then the result."""

    erased = Signal(str)  # the event id

    def __init__(
        self,
        ctx: AppContext,
        event_id: str,
        parent: QWidget | None,
        job: Callable[[Store], object],
        describe: Callable[[object], str],
    ) -> None:
        """`job` erases on the worker; `describe` says what its result erased."""
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        self.job = job
        self.describe = describe
        self.layout_ = QVBoxLayout(self)
        self.busy = QProgressBar()
        self.busy.setObjectName("erase_busy")
        self.busy.setRange(0, 0)  # no steps to count: SQLite erases in one go
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = QLabel()
        self.message.setObjectName("erase_message")
        self.message.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("erase_cancel")
        self.cancel_button.setDefault(True)
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("erase_ok")
        self.erase_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.erase_button.clicked.connect(self.on_erase)
        self.setMinimumWidth(440)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if name == "erase_final":  # "This cannot be undone." must not read as small print
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
        self.layout_.addWidget(label)
        return label

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.erase_button)
        self.layout_.addLayout(row)

    @Slot()
    def on_erase(self) -> None:
        self.erase_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.busy.show()
        self.message.setText(self.tr("Erasing…"))
        self.ctx.worker.submit(self.job, self._on_done, self._on_failed)

    def _on_done(self, result: object) -> None:
        self.busy.hide()
        self.message.setText(self.describe(result))
        self.erase_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        self.erased.emit(self.event_id)
        self.ctx.delegate_data_changed.emit(self.event_id)
        window = self.parentWidget()
        show = getattr(window.window() if window else None, "show_message", None)
        if callable(show):
            show(self.message.text())

    def _on_failed(self, error: Exception) -> None:
        self.busy.hide()
        self.erase_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.message.setText(self.tr("Nothing was erased: %1").replace("%1", str(error)))


class EmptyBinDialog(_EraseDialog):
    """Notes > Show: Deleted > Empty Deleted…: the event's deleted notes leave the store."""

    def __init__(self, ctx: AppContext, event_id: str, count: int, parent: QWidget) -> None:
        from fieldvisit.services.erase import empty_bin

        super().__init__(
            ctx,
            event_id,
            parent,
            job=lambda store: empty_bin(store, event_id),
            describe=lambda result: self._erased(result),
        )
        self.setObjectName("empty_bin_dialog")
        self.setWindowTitle(self.tr("Empty Deleted"))
        self._label(
            self.tr("Erase the %n deleted note(s) of this event for real?", "", count),
            "erase_question",
        )
        self._label(
            self.tr(
                "Their text and every earlier version leave this computer, and the search "
                "index is rebuilt without them. Returns you already sent are not affected."
            ),
            "erase_what",
        )
        self._label(self.tr("This cannot be undone."), "erase_final")
        self.erase_button.setText(self.tr("&Erase %n note(s)", "", count))
        self._finish_layout()

    def _erased(self, result: object) -> str:
        count = result if isinstance(result, int) else 0  # empty_bin: how many went
        return self.tr("%n deleted note(s) erased for real.", "", count)


class EraseEventDialog(_EraseDialog):
    """Event > Erase this event's data…: everything the delegate wrote or marked for the
    event leaves the store; confirmed by typing the event's name."""

    def __init__(self, ctx: AppContext, event_id: str, name: str, parent: QWidget) -> None:
        from fieldvisit.services.erase import erase_event_data

        super().__init__(
            ctx,
            event_id,
            parent,
            job=lambda store: erase_event_data(store, event_id),
            describe=lambda result: self._erased(result),
        )
        self.name = name
        self.setObjectName("erase_event_dialog")
        self.setWindowTitle(self.tr("Erase this event's data"))
        self._label(
            self.tr(
                "This erases for real, from this computer, everything you wrote or marked "
                "for “%1”: your notes (deleted or not) with their earlier versions, "
                "questionnaire answers, agenda picks, ratings, sessions marked as seen and "
                "the list of returns you sent. The event's programme stays installed."
            ).replace("%1", name),
            "erase_what",
        )
        self._label(
            self.tr(
                "Returns you already sent are not affected: the organisers keep what they "
                "received. Send or export first what you still need."
            ),
            "erase_returns",
        )
        self._label(self.tr("This cannot be undone."), "erase_final")
        caption = QLabel(self.tr("&Type the event's name to confirm:"))
        caption.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setObjectName("erase_typed_name")
        self.typed.setPlaceholderText(name)
        self.typed.setAccessibleName(self.tr("The event's name"))
        caption.setBuddy(self.typed)
        self.layout_.addWidget(caption)
        self.layout_.addWidget(self.typed)
        self.erase_button.setText(self.tr("&Erase this event's data"))
        self.erase_button.setEnabled(False)
        self.typed.textChanged.connect(self.on_typed)
        self._finish_layout()

    @Slot(str)
    def on_typed(self, text: str) -> None:
        self.erase_button.setEnabled(_same_name(text, self.name))

    @Slot()
    def on_erase(self) -> None:
        if not _same_name(self.typed.text(), self.name):
            return
        self.typed.setEnabled(False)
        super().on_erase()

    def _erased(self, result: object) -> str:
        from fieldvisit.services.erase import Erased

        erased = result if isinstance(result, Erased) else Erased()
        # Each count in its own plural form; the frame holds the order of the language.
        return (
            self.tr("Erased for real: %1, %2 and %3.")
            .replace("%1", self.tr("%n note(s)", "", erased.notes))
            .replace("%2", self.tr("%n answer(s)", "", erased.answers))
            .replace("%3", self.tr("%n other record(s)", "", erased.other))
        )


class EraseEventAction(QObject):
    """Event > Erase this event's data…, enabled while an event is open."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QMenu

        self.window = window
        self.ctx = ctx
        self.dialog: EraseEventDialog | None = None
        self.action = QAction(self.tr("&Erase this event's data…"), window)
        self.action.setObjectName("action_erase_event")
        self.action.setStatusTip(
            self.tr("Erase for real your notes, answers and marks for this event")
        )
        self.action.triggered.connect(self.on_triggered)
        menu = window.findChild(QMenu, "menu_event")
        if menu is not None:
            menu.addAction(self.action)
        ctx.event_changed.connect(self.on_event_changed)
        self.on_event_changed(ctx.event_id)

    @Slot(str)
    def on_event_changed(self, event_id: str) -> None:
        self.action.setEnabled(bool(event_id))

    @Slot()
    def on_triggered(self) -> None:
        event_id = self.ctx.event_id
        if not event_id:
            return
        name = str(getattr(self.window, "event_title", "") or event_id)
        dialog = EraseEventDialog(self.ctx, event_id, name, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
