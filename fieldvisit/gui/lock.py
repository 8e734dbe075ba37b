"""The app lock: after N idle minutes or on Ctrl+L the window hides behind the unlock screen.

`AppLock` saves the notes in progress, closes the database connections, overwrites the
data key and removes temporary document copies before it shows the unlock screen
(`gui/unlock.py`) in place of every section. It also keeps an organiser's
`require_app_lock` guard page in front of that event's notes and questionnaires.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.passcode import PasscodeDialog
from fieldvisit.gui.unlock import UnlockPanel
from fieldvisit.settings import LOCK_IDLE_MINUTES, Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from fieldvisit.gui.main_window import MainWindow
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.store import Store

IDLE_DEFAULT = 5


def idle_minutes(settings: Settings) -> int:
    try:
        return max(0, int(settings.get(LOCK_IDLE_MINUTES)))
    except ValueError:
        return IDLE_DEFAULT


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
        outer = QHBoxLayout(guard)
        panel = QWidget(guard)
        panel.setMaximumWidth(560)  # lines a delegate can read, as on the unlock screen
        outer.addStretch(1)
        outer.addWidget(panel, 3)
        outer.addStretch(1)
        layout = QVBoxLayout(panel)
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
