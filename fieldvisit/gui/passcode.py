"""Settings' passcode page: protect the store with a passcode, change it, or remove it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.errors import UserError

if TYPE_CHECKING:
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.store import Store


class PasscodeDialog(QDialog):
    """Settings > Protect with a passcode…: set one (the store is encrypted), change it
    (the key is re-wrapped), or remove it (the store is decrypted). The work runs on the
    database worker; `changed` is emitted once it is finished."""

    changed = Signal(str)  # "set", "change" or "remove"

    def __init__(
        self, worker: DbWorker, mode: str, parent: QWidget | None = None, *, offer: bool = False
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.mode = mode
        self.setObjectName("passcode_dialog")
        titles = {
            "set": self.tr("Protect with a passcode"),
            "change": self.tr("Change the passcode"),
            "remove": self.tr("Remove the passcode"),
        }
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        intro = QLabel()
        intro.setWordWrap(True)
        intro.setObjectName("passcode_intro")
        if mode == "set":
            intro.setText(
                self.tr(
                    "With a passcode, your notes, answers, contacts and the event packs on this "
                    "computer are stored encrypted, and the window locks after some idle "
                    "minutes or on Ctrl+L. Without the passcode nobody can read them, even "
                    "with the laptop in hand."
                )
            )
            if offer:
                intro.setText(
                    self.tr("Your notes may be about people who need protecting.")
                    + " "
                    + intro.text()
                )
        elif mode == "remove":
            intro.setText(
                self.tr(
                    "Without a passcode your notes are stored as a plain file that anyone "
                    "with this laptop can read."
                )
            )
        else:
            intro.setText(self.tr("Only the passcode changes; your notes stay as they are."))
        layout.addWidget(intro)
        form = QVBoxLayout()
        self.current = self._field(form, self.tr("&Current passcode:"), "passcode_current")
        self.new = self._field(form, self.tr("&New passcode:"), "passcode_new")
        self.again = self._field(form, self.tr("&Again:"), "passcode_again")
        self.current.setVisible(mode != "set")
        self.new.setVisible(mode != "remove")
        self.again.setVisible(mode != "remove")
        for field in (self.current, self.new, self.again):
            label = field.property("caption")
            if isinstance(label, QLabel):
                label.setVisible(field.isVisibleTo(self))
        layout.addLayout(form)
        warning = QLabel(
            self.tr(
                "A forgotten passcode cannot be recovered: nobody, not the organisers and "
                "not the makers of this app, can open these notes without it. Returns you "
                "already sent are not affected."
            )
        )
        warning.setObjectName("passcode_forgotten")
        warning.setWordWrap(True)
        if mode != "remove":
            layout.addWidget(warning)
        self.message = QLabel()
        self.message.setObjectName("passcode_message")
        self.message.setWordWrap(True)
        bold = self.message.font()
        bold.setBold(True)
        self.message.setFont(bold)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Not now") if offer else self.tr("Cancel"))
        self.cancel_button.setObjectName("passcode_cancel")
        self.ok_button = QPushButton(titles[mode])
        self.ok_button.setObjectName("passcode_ok")
        self.ok_button.setDefault(True)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.on_ok)
        self.setMinimumWidth(460)

    def _field(self, form: QVBoxLayout, caption: str, name: str) -> QLineEdit:
        label = QLabel(caption)
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(caption.replace("&", "").rstrip(":"))
        label.setBuddy(field)
        field.setProperty("caption", label)
        form.addWidget(label)
        form.addWidget(field)
        return field

    @Slot()
    def on_ok(self) -> None:
        mode = self.mode
        current, new = self.current.text(), self.new.text()
        if mode != "set" and not current:
            self.message.setText(self.tr("Type your current passcode."))
            return
        if mode != "remove":
            if len(new) < 6:
                self.message.setText(self.tr("Choose a passcode of at least 6 characters."))
                return
            if new != self.again.text():
                self.message.setText(self.tr("The two new passcodes differ."))
                return
        self.ok_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Working… (this takes a moment)"))

        def job(store: Store) -> str:
            if mode == "set":
                store.protect(new)
            elif mode == "change":
                store.change_passcode(current, new)
            else:
                store.unprotect(current)
            return mode

        self.worker.submit(job, self._on_done, self._on_failed)

    def _on_done(self, mode: str) -> None:
        self.changed.emit(mode)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        from fieldvisit.services.store import WrongPasscodeError

        self.ok_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if isinstance(error, WrongPasscodeError):
            self.message.setText(self.tr("Wrong passcode. Nothing was changed; try again."))
            self.current.selectAll()
            self.current.setFocus()
        elif isinstance(error, UserError):
            self.message.setText(error.message)
        else:
            self.message.setText(self.tr("Nothing was changed: %1").replace("%1", str(error)))
