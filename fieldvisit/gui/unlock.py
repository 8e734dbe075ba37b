"""Unlocking an encrypted store: the passcode panel, the start-up dialog, the env passcode.

`UnlockPanel` takes the passcode and unwraps the data key on a thread of its own (Argon2id
costs about half a second, and a run of wrong passcodes waits longer each time), so the
window never freezes. `UnlockDialog` shows it at start; the app lock (`gui/lock.py`) shows
it over the whole window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
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
from fieldvisit.paths import AppPaths


class _Relay(QObject):
    """Carries a thread's result back to the GUI thread (a queued signal)."""

    finished = Signal(object, object)  # result, error


def run_in_thread(
    job: Callable[[], object], done: Callable[[object, object], None], parent: QObject
) -> None:
    """Run `job()` on a new thread; `done(result, error)` runs later on the GUI thread."""
    relay = _Relay(parent)
    relay.finished.connect(done)
    relay.finished.connect(relay.deleteLater)

    def work() -> None:
        try:
            result: object = job()
        except Exception as exc:
            relay.finished.emit(None, exc)
        else:
            relay.finished.emit(result, None)

    threading.Thread(target=work, name="fieldvisit-unlock", daemon=True).start()


class UnlockPanel(QWidget):
    """The passcode field and the Unlock button; emits `unlocked(key)` with the data key."""

    unlocked = Signal(object)  # bytearray
    failed = Signal(str)

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("unlock_panel")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("<h2>Your notes are locked</h2>"))
        title.setObjectName("unlock_title")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "This computer keeps your notes, answers and contacts encrypted. Type your "
                "passcode to open them."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        caption = QLabel(self.tr("&Passcode:"))
        self.passcode = QLineEdit()
        self.passcode.setObjectName("unlock_passcode")
        self.passcode.setEchoMode(QLineEdit.EchoMode.Password)
        self.passcode.setAccessibleName(self.tr("Passcode"))
        caption.setBuddy(self.passcode)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        row.addWidget(caption)
        row.addWidget(self.passcode, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        bold = self.message.font()
        bold.setBold(True)  # "Wrong passcode" must not read as more small print
        self.message.setFont(bold)
        layout.addWidget(self.message)
        forgotten = QLabel(
            self.tr(
                "A forgotten passcode cannot be recovered: nobody, not the organisers and "
                "not the makers of this app, can open these notes without it. Returns you "
                "already sent are not affected."
            )
        )
        forgotten.setObjectName("unlock_forgotten")
        forgotten.setWordWrap(True)
        layout.addWidget(forgotten)
        layout.addStretch(2)
        self.setMaximumWidth(560)
        self.unlock_button.clicked.connect(self.on_unlock)
        self.passcode.returnPressed.connect(self.on_unlock)
        self.busy = False

    def reset(self) -> None:
        self.passcode.clear()
        self.message.clear()
        self.passcode.setFocus()

    @Slot()
    def on_unlock(self) -> None:
        if self.busy:
            return
        passcode = self.passcode.text()
        if not passcode:
            self.message.setText(self.tr("Type your passcode."))
            return
        self.busy = True
        self.passcode.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        paths = self.paths

        def job() -> bytearray:
            from fieldvisit.services.store import unlock_key

            return unlock_key(paths, passcode)

        run_in_thread(job, self._on_done, self)

    def _on_done(self, key: object, error: object) -> None:
        from fieldvisit.services.store import WrongPasscodeError

        self.busy = False
        self.passcode.setEnabled(True)
        self.unlock_button.setEnabled(True)
        if error is None and isinstance(key, bytearray):
            self.passcode.clear()
            self.message.clear()
            self.unlocked.emit(key)
            return
        if isinstance(error, WrongPasscodeError):
            text = self.tr("Wrong passcode. Nothing was changed; try again.")
        elif isinstance(error, UserError):
            text = error.message
        else:
            text = self.tr("Cannot unlock: %1").replace("%1", str(error))
        self.passcode.selectAll()
        self.passcode.setFocus()
        self.message.setText(text)
        self.failed.emit(text)


class UnlockDialog(QDialog):
    """At start, before the store opens: the passcode, or Quit."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.setWindowTitle(self.tr("Unlock Field Visit Companion"))
        self.setMinimumWidth(460)
        self.key: bytearray | None = None
        layout = QVBoxLayout(self)
        self.panel = UnlockPanel(paths, self)
        layout.addWidget(self.panel)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.setObjectName("unlock_quit")
        quit_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(quit_button)
        layout.addLayout(row)
        self.panel.unlocked.connect(self.on_unlocked)

    @Slot(object)
    def on_unlocked(self, key: bytearray) -> None:
        self.key = key
        self.accept()


def passcode_from_env() -> str | None:
    """FIELDVISIT_PASSCODE_FILE for the desktop app too (kill tests, benchmarks, kiosks)."""
    import os

    from fieldvisit.paths import ENV_PASSCODE_FILE

    name = os.environ.get(ENV_PASSCODE_FILE)
    if not name:
        return None
    lines = Path(name).read_text(encoding="utf-8").splitlines()
    return lines[0] if lines and lines[0] else None
