"""Help > Sample events… and Event > Remove event…, which offers to send or export the
notes before anything goes. (The sample banner is in gui/sample_banner.py: the window's
frame loads it before the store, so it imports no service.)"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.changes import ImportResult
from fieldvisit.gui.context import AppContext
from fieldvisit.services.events import OwnData, own_data, remove_event
from fieldvisit.services.samples import SampleState, install_sample, list_samples


class SamplesDialog(QDialog):
    """Help > Sample events…: a line about each sample and a button to install or open it."""

    installed = Signal(object)  # ImportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("samples_dialog")
        self.setWindowTitle(self.tr("Sample events"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Four sample events, built from their public announcements. What an "
                "announcement does not give (timetables, rooms, hosts) is invented and marked "
                "illustrative. They are not the official programmes, and they never take the "
                "place of the organisers' own packs."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.buttons: dict[str, QPushButton] = {}
        self.status = QLabel()
        self.status.setObjectName("samples_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        ctx.worker.submit(list_samples, self._on_listed)

    def _on_listed(self, states: list[SampleState]) -> None:
        for state in states:
            info = state.info
            row = QHBoxLayout()
            label = QLabel(f"<b>{html.escape(info.name)}</b>: {html.escape(info.line)}")
            label.setWordWrap(True)
            button = QPushButton(
                self.tr("Install") if state.installed_version is None else self.tr("Update")
            )
            button.setObjectName(f"install_sample_{info.name}")
            button.setAccessibleName(self.tr("Install the sample %1").replace("%1", info.name))
            button.clicked.connect(lambda _=False, name=info.name: self.install(name))
            label.setBuddy(button)
            row.addWidget(label, 1)
            row.addWidget(button)
            self.rows.addLayout(row)
            self.buttons[info.name] = button

    def install(self, name: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        self.status.setText(self.tr("Installing the sample %1…").replace("%1", name))
        self.ctx.worker.submit(
            lambda store: install_sample(store, name), self._on_installed, self._on_failed
        )

    def _on_installed(self, result: ImportResult) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.status.setText(self.tr("“%1” is installed.").replace("%1", result.title))
        self.installed.emit(result)

    def _on_failed(self, exc: Exception) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.status.setText(self.tr("Not installed: %1").replace("%1", str(exc)))


class RemoveEventDialog(QDialog):
    """What removing the event would lose, the offer to send or export first, and the
    confirmation (a tick, when there is anything of the delegate's to lose)."""

    SEND, EXPORT, REMOVE = 10, 11, 12

    def __init__(self, title: str, mine: OwnData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remove_event_box")
        self.setWindowTitle(self.tr("Remove event"))
        layout = QVBoxLayout(self)
        heading = QLabel(
            "<b>"
            + html.escape(self.tr("Remove “%1” from this computer?").replace("%1", title))
            + "</b>"
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if mine.empty:
            text = self.tr("You have no notes or answers on this event.")
        else:
            text = (
                self.tr(
                    "Your %1 note(s), %2 answer(s), %3 agenda pick(s) and %4 rating(s) on this "
                    "event are deleted with it. Send them to the organisers or export your "
                    "notes first if you want to keep them."
                )
                .replace("%1", str(mine.notes))
                .replace("%2", str(mine.answers))
                .replace("%3", str(mine.picks))
                .replace("%4", str(mine.ratings))
            )
        self.info = QLabel(text)
        self.info.setObjectName("remove_info")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.understood: QCheckBox | None = None
        if not mine.empty:
            self.understood = QCheckBox(
                self.tr("I understand that my notes and answers are deleted")
            )
            self.understood.setObjectName("remove_understood")
            layout.addWidget(self.understood)
        buttons = QDialogButtonBox()
        self.send = buttons.addButton(
            self.tr("&Send to organisers…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send.setObjectName("remove_send_first")
        self.export = buttons.addButton(
            self.tr("E&xport notes…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export.setObjectName("remove_export_first")
        self.remove = buttons.addButton(
            self.tr("&Remove"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove.setObjectName("remove_confirm")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        self.send.clicked.connect(lambda: self.done(self.SEND))
        self.export.clicked.connect(lambda: self.done(self.EXPORT))
        self.remove.clicked.connect(lambda: self.done(self.REMOVE))
        if self.understood is not None:
            self.remove.setEnabled(False)
            self.understood.toggled.connect(self.remove.setEnabled)
        layout.addWidget(buttons)


class RemoveEventFlow(QObject):
    """Event > Remove event…: says what would be lost, offers Send to organisers… and
    Export notes… first, and removes only on an explicit confirmation."""

    removed = Signal(str)

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.dialog: RemoveEventDialog | None = None

    def start(self) -> None:
        event_id = self.ctx.event_id
        if not event_id:
            return
        self.ctx.worker.submit(lambda store: own_data(store, event_id), self._ask)

    def _ask(self, mine: OwnData) -> None:
        event_id = self.ctx.event_id
        title = str(getattr(self.window, "event_title", "") or event_id)
        dialog = RemoveEventDialog(title, mine, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda code: self._on_finished(code, event_id))
        self.dialog = dialog
        dialog.open()

    def _on_finished(self, code: int, event_id: str) -> None:
        self.dialog = None
        if code == RemoveEventDialog.SEND:
            self._trigger("action_send_return")
        elif code == RemoveEventDialog.EXPORT:
            self._trigger("action_export_notes")
        elif code == RemoveEventDialog.REMOVE:
            self.ctx.worker.submit(
                lambda store: remove_event(store, event_id), lambda _: self._on_removed(event_id)
            )

    def _trigger(self, name: str) -> None:
        from PySide6.QtGui import QAction

        action = self.window.findChild(QAction, name)
        if action is not None:
            action.trigger()

    def _on_removed(self, event_id: str) -> None:
        self.ctx.set_event("", "")
        load = getattr(self.window, "load_events", None)
        if callable(load):
            load()
        show = getattr(self.window, "show_message", None)
        if callable(show):
            show(self.tr("Removed “%1”.").replace("%1", event_id))
        self.removed.emit(event_id)
