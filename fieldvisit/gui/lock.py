"""The passcode in the desktop app: unlocking at start, the app lock, and its screen.

`UnlockPanel` takes the passcode and unwraps the data key on a thread of its own (Argon2id
costs about half a second, and a run of wrong passcodes waits longer each time), so the
window never freezes. `UnlockDialog` shows it at start; `AppLock` shows it over the whole
window after N idle minutes or on Ctrl+L, once the notes in progress are saved, the
database connections are closed and the key is overwritten.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.errors import UserError
from fieldvisit.paths import AppPaths
from fieldvisit.settings import LOCK_IDLE_MINUTES, Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.main_window import MainWindow
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.store import Store

IDLE_DEFAULT = 5


def idle_minutes(settings: Settings) -> int:
    try:
        return max(0, int(settings.get(LOCK_IDLE_MINUTES)))
    except ValueError:
        return IDLE_DEFAULT


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


class _IdleWatch(QObject):
    """Restarts the idle timer on every key press, click, wheel or mouse move."""

    INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT and self.timer.isActive():
            self.timer.start()
        return False


class AppLock(QObject):
    """Locks the window: saves the notes in progress, closes the store's connections,
    overwrites the data key, removes temporary document copies, and shows the unlock
    screen in place of every section until the passcode is typed again."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self, window: MainWindow, store: Store, worker: DbWorker, settings: Settings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.worker = worker
        self.settings = settings
        self.is_locked = False
        self._resume: threading.Event | None = None
        self._hidden: list[QWidget] = []
        self._taken: QWidget | None = None
        self.screen = QWidget()
        self.screen.setObjectName("lock_screen")
        outer = QHBoxLayout(self.screen)
        self.panel = UnlockPanel(store.paths, self.screen)
        outer.addStretch(1)
        outer.addWidget(self.panel, 3)
        outer.addStretch(1)
        self.screen.hide()
        self.panel.unlocked.connect(self.on_unlocked)
        self.action = self._make_action()
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.on_idle)
        self.watch = _IdleWatch(self.idle, self)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.watch)
        self.withheld = False
        self.guard = self._make_guard()
        window.stack.addWidget(self.guard)
        window.section_changed.connect(self.on_section)
        ctx = getattr(window, "ctx", None)
        if ctx is not None:
            ctx.event_changed.connect(self.on_event)
        self.apply_settings()

    # --- an organiser's require_app_lock -----------------------------------------------

    GUARDED = ("notes", "questions")

    def _make_guard(self) -> QWidget:
        guard = QWidget()
        guard.setObjectName("passcode_required")
        layout = QVBoxLayout(guard)
        layout.addStretch(1)
        text = QLabel(
            self.tr(
                "<h3>A passcode is required for this event</h3><p>The organisers ask that "
                "notes and questionnaire answers for this event are kept only on a laptop "
                "where they are encrypted. Protect your notes with a passcode to see and "
                "write them.</p>"
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        button = QPushButton(self.tr("Protect with a &passcode…"))
        button.setObjectName("guard_protect")
        button.clicked.connect(self.on_protect)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return guard

    def offer_at_first_start(self) -> None:
        """The first start offers a passcode, once; Not now skips it (an organiser's
        require_app_lock still withholds that event's notes until one is set)."""
        from fieldvisit.settings import LOCK_OFFERED

        if self.settings.get(LOCK_OFFERED) or self.available:
            return
        self.settings.set(LOCK_OFFERED, True)
        box = PasscodeDialog(self.worker, "set", self.window, offer=True)
        box.setObjectName("passcode_dialog_offer")
        box.changed.connect(lambda _mode: self.apply_settings())
        QTimer.singleShot(0, box.open)

    @Slot()
    def on_protect(self) -> None:
        box = PasscodeDialog(self.worker, "set", self.window)
        box.setObjectName("passcode_dialog_set")
        box.changed.connect(lambda _mode: self.apply_settings())
        box.open()

    @Slot(str)
    def on_event(self, event_id: str) -> None:
        from fieldvisit.services.protection import withheld

        def done(result: bool) -> None:
            self.withheld = result
            self.on_section(self.window.current_section)

        self.worker.submit(lambda store: withheld(store, event_id), done)

    @Slot(str)
    def on_section(self, name: str) -> None:
        stack = self.window.stack
        if self.withheld and name in self.GUARDED:
            stack.setCurrentWidget(self.guard)
        elif stack.currentWidget() is self.guard:
            self.window.on_nav_row(self.window.nav.currentRow())

    def _make_action(self) -> QAction:
        # The main window owns the action and its place in the File menu (above Quit).
        action = self.window.lock_action
        action.setText(self.tr("&Lock"))
        action.setToolTip(self.tr("Lock the window now (Ctrl+L)"))
        action.triggered.connect(self.lock)
        return action

    @property
    def available(self) -> bool:
        """Only an encrypted store can be locked: its key is what the lock takes away."""
        return self.store.key is not None or self.is_locked

    def apply_settings(self) -> None:
        ctx = getattr(self.window, "ctx", None)
        if ctx is not None and ctx.event_id:
            self.on_event(ctx.event_id)  # a passcode just set lifts an organiser's guard
        minutes = idle_minutes(self.settings)
        self.action.setEnabled(self.available)
        if minutes > 0 and self.available:
            self.idle.setInterval(minutes * 60_000)
            self.idle.start()
        else:
            self.idle.stop()

    @Slot()
    def on_idle(self) -> None:
        if self.available and not self.is_locked:
            self.lock()

    @Slot()
    def lock(self) -> None:
        if self.is_locked or not self.available:
            return
        self.is_locked = True
        self.idle.stop()
        window = self.window
        window.flush_sections()  # notes in progress are saved first (queued on the worker)
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        resume = threading.Event()
        self._resume = resume
        store = self.store
        cache = store.paths.cache

        def hold(_store: Store) -> None:
            # Runs after every save queued before it; then the worker waits until unlock,
            # so jobs submitted meanwhile run against the reopened store.
            from fieldvisit.services.documents import remove_temp_copies

            store.close()
            remove_temp_copies(cache)
            resume.wait()

        self.worker.submit(hold)
        self._hidden = [
            w
            for w in (
                window.menuBar(),
                window.statusBar(),
                *window.findChildren(QWidget, "main_toolbar"),
            )
            if w.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()
        self._taken = window.takeCentralWidget()
        self.screen.setParent(None)
        window.setCentralWidget(self.screen)
        self.screen.show()
        self._title = window.windowTitle()
        window.setWindowTitle(self.tr("Locked — Field Visit Companion"))
        window.statusBar().clearMessage()
        self.panel.reset()
        self.locked.emit()

    @Slot(object)
    def on_unlocked(self, key: bytearray) -> None:
        if not self.is_locked:
            return
        self.store.reopen(key)
        if self._resume is not None:
            self._resume.set()
            self._resume = None
        window = self.window
        screen = window.takeCentralWidget()
        if screen is not None:
            screen.hide()
            screen.setParent(None)
        if self._taken is not None:
            window.setCentralWidget(self._taken)
            self._taken = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        window.setWindowTitle(self._title)
        self.is_locked = False
        self.apply_settings()
        self.unlocked.emit()

    def release(self) -> None:
        """At exit: let a worker held by the lock finish (nothing is open any more)."""
        if self._resume is not None:
            self._resume.set()
            self._resume = None
        if self._taken is not None:
            # Closed while locked: the sections (taken out of the window, so without a
            # parent) go with the window instead of living on, their timers still running.
            self._taken.setParent(self.window)
            self._taken = None
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watch)


def passcode_from_env() -> str | None:
    """FIELDVISIT_PASSCODE_FILE for the desktop app too (kill tests, benchmarks, kiosks)."""
    import os

    from fieldvisit.paths import ENV_PASSCODE_FILE

    name = os.environ.get(ENV_PASSCODE_FILE)
    if not name:
        return None
    lines = Path(name).read_text(encoding="utf-8").splitlines()
    return lines[0] if lines and lines[0] else None


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


def add_passcode_rows(dialog: QDialog, form: QFormLayout, ctx: AppContext) -> None:
    """The Settings rows: the passcode (Protect with a passcode… / Change… / Remove…) and
    the idle minutes before the window locks (saved when the dialog is accepted)."""
    from PySide6.QtWidgets import QSpinBox

    from fieldvisit.services.store import is_protected

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
    row = QHBoxLayout()
    row.addWidget(status, 1)
    for button in (protect, change, remove):
        row.addWidget(button)
    caption = QLabel(QCoreApplication.translate("PasscodeRows", "Passcode:"))
    form.addRow(caption, row)
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
