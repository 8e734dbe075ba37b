"""Settings' passcode rows: the store's protection (Protect with a passcode… / Change… /
Remove…, each a `PasscodeDialog`) and the idle minutes before the window locks (`AppLock`).

Apart from passcode.py and lock.py so that neither imports the other back: lock.py opens
the passcode dialog at first start, and these rows need both."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from fieldvisit.gui.lock import AppLock, idle_minutes
from fieldvisit.gui.passcode import PasscodeDialog
from fieldvisit.services.store import is_protected
from fieldvisit.settings import LOCK_IDLE_MINUTES

if TYPE_CHECKING:
    from fieldvisit.gui.context import AppContext


def add_passcode_rows(dialog: QDialog, form: QFormLayout, ctx: AppContext) -> None:
    """The Settings rows: the passcode (Protect with a passcode… / Change… / Remove…) and
    the idle minutes before the window locks (saved when the dialog is accepted)."""
    window = dialog.parentWidget()
    app_lock = window.findChild(AppLock) if window is not None else None
    status = QLabel()
    status.setObjectName("passcode_status")
    status.setWordWrap(True)
    protect = QPushButton(QCoreApplication.translate("PasscodeRows", "Protect with a &passcode…"))
    protect.setObjectName("passcode_protect")
    change = QPushButton(QCoreApplication.translate("PasscodeRows", "C&hange passcode…"))
    change.setObjectName("passcode_change")
    remove = QPushButton(QCoreApplication.translate("PasscodeRows", "&Remove passcode…"))
    remove.setObjectName("passcode_remove")

    def refresh() -> None:
        protected = is_protected(ctx.paths)
        status.setText(
            QCoreApplication.translate("PasscodeRows", "Your notes are encrypted on this computer.")
            if protected
            else QCoreApplication.translate(
                "PasscodeRows",
                "Your notes are not protected: anyone with this laptop can read them.",
            )
        )
        protect.setVisible(not protected)
        change.setVisible(protected)
        remove.setVisible(protected)

    def ask(mode: str) -> None:
        box = PasscodeDialog(ctx.worker, mode, dialog)
        box.setObjectName(f"passcode_dialog_{mode}")
        box.changed.connect(lambda _mode: refresh())
        if app_lock is not None:
            box.changed.connect(lambda _mode: app_lock.apply_settings())
        box.open()

    protect.clicked.connect(lambda: ask("set"))
    change.clicked.connect(lambda: ask("change"))
    remove.clicked.connect(lambda: ask("remove"))
    # The status on a line of its own: beside two buttons it was squeezed to a few words.
    rows = QVBoxLayout()
    rows.addWidget(status)
    row = QHBoxLayout()
    for button in (protect, change, remove):
        row.addWidget(button)
    row.addStretch(1)
    rows.addLayout(row)
    caption = QLabel(QCoreApplication.translate("PasscodeRows", "Passcode:"))
    form.addRow(caption, rows)
    minutes = QSpinBox()
    minutes.setObjectName("lock_idle_minutes")
    minutes.setRange(0, 240)
    minutes.setSuffix(QCoreApplication.translate("PasscodeRows", " min"))
    minutes.setSpecialValueText(QCoreApplication.translate("PasscodeRows", "never"))
    minutes.setAccessibleName(QCoreApplication.translate("PasscodeRows", "Lock after idle minutes"))
    minutes.setToolTip(
        QCoreApplication.translate(
            "PasscodeRows", "With a passcode, the window locks after this many idle minutes"
        )
    )
    minutes.setValue(idle_minutes(ctx.settings))
    idle_label = QLabel(QCoreApplication.translate("PasscodeRows", "Loc&k after:"))
    idle_label.setBuddy(minutes)
    form.addRow(idle_label, minutes)
    refresh()

    def save() -> None:
        ctx.settings.set(LOCK_IDLE_MINUTES, str(minutes.value()))
        if app_lock is not None:
            app_lock.apply_settings()

    dialog.accepted.connect(save)
