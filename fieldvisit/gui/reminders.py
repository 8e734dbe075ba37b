"""Reminders in the window: a desktop notification through the system tray where there is
one, else a banner across the top of the window.

The window owns the `Reminders` object from start to close, so a reminder never depends on
a section having been built. It follows the event's clock (`ctx.now()`, pretend time
included) and checks again whenever that clock is changed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.gui.context import AppContext
from fieldvisit.gui.formatting import day_time
from fieldvisit.gui.theme import icon
from fieldvisit.services import reminders as service
from fieldvisit.services.reminders import Reminder, ReminderChoice
from fieldvisit.services.store import Store
from fieldvisit.settings import REMIND_SESSIONS, REMIND_STOPS, reminder_minutes

# The timer wakes at the next reminder, and at least this often: the event clock can be
# moved (pretend time, a laptop that slept) without the timer knowing.
MAX_SLEEP_MS = 60_000


class ReminderBanner(QWidget):
    """The window's banner: one line per reminder shown, Open and Dismiss."""

    open_requested = Signal(str, str)  # kind, uid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_banner")
        self.setAccessibleName(self.tr("Reminder"))
        # A plain QWidget draws a style sheet's background only with this attribute.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#reminder_banner { background: #fff3cd; border-bottom: 1px solid #e0c36a; }"
            " #reminder_banner QLabel { color: #3d2e00; }"
        )
        self.current: Reminder | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("reminder_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.label, 1)
        self.open_button = QToolButton(self)
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open what the reminder is about"))
        self.open_button.clicked.connect(self.on_open)
        row.addWidget(self.open_button)
        self.dismiss = QToolButton(self)
        self.dismiss.setText(self.tr("Dis&miss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the reminder"))
        self.dismiss.clicked.connect(self.hide)
        row.addWidget(self.dismiss)
        self.hide()

    def show_reminder(self, reminder: Reminder, text: str) -> None:
        self.current = reminder
        self.label.setText(text)
        self.show()

    @Slot()
    def on_open(self) -> None:
        if self.current is not None:
            self.open_requested.emit(self.current.kind, self.current.uid)
        self.hide()


class Reminders(QObject):
    """Loads the event's reminders and shows each once, when it falls due."""

    shown = Signal(object)  # the Reminder, once it is on screen (tray or banner)
    loaded = Signal()

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.items: list[Reminder] = []
        self.seen: set[str] = set()  # Reminder.key of those shown (stored, see reload)
        self._serial = 0
        self.banner = ReminderBanner()
        self.banner.open_requested.connect(self.on_open)
        self._wrap_central(window)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("fieldvisit"), self)
            self.tray.setToolTip(self.tr("Field Visit Companion"))
            self.tray.messageClicked.connect(self.on_tray_clicked)
        self._last: Reminder | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        ctx.event_changed.connect(self.reload)
        ctx.content_changed.connect(self.reload)
        ctx.delegate_data_changed.connect(self.reload)  # picks changed
        ctx.clock_changed.connect(self.check)
        ctx.settings_changed.connect(self.reload)

    def _wrap_central(self, window: QMainWindow) -> None:
        """Put the banner above the window's content, whatever that content is."""
        content = window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        if content is not None:
            column.addWidget(content, 1)
        window.setCentralWidget(holder)

    def choice(self) -> ReminderChoice:
        settings = self.ctx.settings
        return ReminderChoice(
            sessions=settings.get(REMIND_SESSIONS),
            stops=settings.get(REMIND_STOPS),
            minutes=reminder_minutes(settings),
        )

    @Slot()
    def reload(self, *_args: object) -> None:
        event_id = self.ctx.event_id
        choice = self.choice()
        self._serial += 1
        serial = self._serial

        def job(store: Store) -> tuple[list[Reminder], frozenset[str]]:
            found = service.reminders_for(store, event_id, choice)
            return found, service.shown_before(store, event_id) if event_id else frozenset()

        def done(result: tuple[list[Reminder], frozenset[str]]) -> None:
            if serial != self._serial:
                return  # a newer reload is on its way
            found, shown = result
            self.items = found
            self.seen |= shown
            self.loaded.emit()
            self.check()

        self.ctx.worker.submit(job, done)

    @Slot()
    def check(self) -> None:
        """Show what is due on the event clock now; sleep until the next one."""
        now = self.ctx.now()
        for reminder in service.due_now(self.items, now, self.seen):
            self.seen.add(reminder.key)
            self._show(reminder)
            self._remember(reminder)
        upcoming = service.next_due(self.items, now)
        wait = MAX_SLEEP_MS
        if upcoming is not None:
            wait = min(wait, max(0, int((upcoming - now).total_seconds() * 1000)) + 50)
        self.timer.start(wait)

    def _remember(self, reminder: Reminder) -> None:
        """Stored as shown, so the next start of the app does not show it again."""
        event_id, key = self.ctx.event_id, reminder.key
        if event_id:
            self.ctx.worker.submit(lambda store: service.mark_shown(store, event_id, key))

    def text(self, reminder: Reminder) -> tuple[str, str]:
        """The title and the line of a reminder, times on the event's clock."""
        zone = self.ctx.timezone
        minutes = max(0, round((reminder.start - self.ctx.now()).total_seconds() / 60))
        when = day_time(reminder.start.astimezone(zone))
        if reminder.kind == "stop":
            title = self.tr("Next stop in %n minute(s)", "", minutes)
        else:
            title = self.tr("Starts in %n minute(s)", "", minutes)
        line = f"{reminder.title} · {when}"
        if reminder.where:
            line += f" · {reminder.where}"
        return title, line

    def _show(self, reminder: Reminder) -> None:
        title, line = self.text(reminder)
        self._last = reminder
        if self.tray is not None:
            self.tray.show()
            self.tray.showMessage(title, line, QSystemTrayIcon.MessageIcon.Information, 20_000)
        else:
            self.banner.show_reminder(reminder, f"<b>{html.escape(title)}</b>: {html.escape(line)}")
        self.shown.emit(reminder)

    @Slot()
    def on_tray_clicked(self) -> None:
        if self._last is not None:
            self.on_open(self._last.kind, self._last.uid)
        self.window.showNormal()
        self.window.activateWindow()

    @Slot(str, str)
    def on_open(self, kind: str, uid: str) -> None:
        section = "visit" if kind == "stop" else "programme"
        self.ctx.navigate.emit(section, kind, uid)
