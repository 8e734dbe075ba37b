"""What every section of the window shares: the DB worker, the current event, the clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from fieldvisit.domain.clock import LAPTOP, Clocks, laptop_zone, resolve_zone
from fieldvisit.gui.worker import DbWorker
from fieldvisit.paths import AppPaths
from fieldvisit.settings import SECOND_ZONE, SHOW_LOCAL_ZONE, Settings


class AppContext(QObject):
    """Shared state passed to every section (created in app wiring, never a global)."""

    event_changed = Signal(str)  # the current event id ("" when no event is installed)
    content_changed = Signal(str)  # an event's organiser content was replaced (pack import)
    delegate_data_changed = Signal(str)  # notes / answers / picks of an event changed
    navigate = Signal(str, str, str)  # section name, target kind, target uid
    note_requested = Signal(str, str)  # a new note on (kind, uid): the window opens it
    settings_changed = Signal()  # the Settings dialog stored new values
    clock_changed = Signal()  # pretend time or the local-zone option changed
    # The central "data changed" signal sections refresh on: (what, event id), `what` being
    # EVENT, CONTENT or DELEGATE; re-emitted from the three signals above.
    data_changed = Signal(str, str)
    EVENT, CONTENT, DELEGATE = "event", "content", "delegate"

    def __init__(
        self, worker: DbWorker, paths: AppPaths, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.paths = paths
        self.settings = settings
        self.event_id: str = ""
        self.timezone: ZoneInfo = ZoneInfo("UTC")
        self._pretend: dt.datetime | None = None
        self._pretend_set_at: dt.datetime | None = None
        # The second clock: "" (none), "laptop" (this computer's zone) or an IANA name.
        # Older settings had only the laptop option, as a yes/no.
        legacy = settings.get(SHOW_LOCAL_ZONE)
        self.second_zone = settings.get(SECOND_ZONE) or (LAPTOP if legacy else "")
        self.event_changed.connect(lambda e: self.data_changed.emit(self.EVENT, e))
        self.content_changed.connect(lambda e: self.data_changed.emit(self.CONTENT, e))
        self.delegate_data_changed.connect(lambda e: self.data_changed.emit(self.DELEGATE, e))

    @property
    def show_local_zone(self) -> bool:
        """Whether a second clock is on (kept for callers that ask yes or no)."""
        return bool(self.second_zone) and resolve_zone(self.second_zone) is not None

    @property
    def clocks(self) -> Clocks:
        """The event's clock and the second one, as every time on screen uses them."""
        return Clocks(self.timezone, resolve_zone(self.second_zone), laptop_zone())

    def set_event(self, event_id: str, timezone: str) -> None:
        self.event_id = event_id
        self.timezone = ZoneInfo(timezone) if timezone else ZoneInfo("UTC")
        self.event_changed.emit(event_id)

    def now(self) -> dt.datetime:
        """The event clock: real time, or pretend time that keeps ticking from where it was set."""
        real = dt.datetime.now(dt.UTC)
        if self._pretend is None or self._pretend_set_at is None:
            return real
        return self._pretend + (real - self._pretend_set_at)

    @property
    def pretending(self) -> bool:
        return self._pretend is not None

    def set_pretend_time(self, moment: dt.datetime | None) -> None:
        """Rehearse the day: `moment` must be aware; None returns to the real clock."""
        if moment is not None and moment.tzinfo is None:
            raise ValueError("pretend time must be timezone-aware")
        self._pretend = moment.astimezone(dt.UTC) if moment else None
        self._pretend_set_at = dt.datetime.now(dt.UTC) if moment else None
        self.clock_changed.emit()

    def set_show_local_zone(self, show: bool) -> None:
        self.set_second_zone(LAPTOP if show else "")

    def set_second_zone(self, choice: str) -> None:
        """ "" for none, "laptop" for this computer's zone, or an IANA zone name."""
        self.second_zone = choice
        self.settings.set(SECOND_ZONE, choice)
        self.settings.set(SHOW_LOCAL_ZONE, choice == LAPTOP)
        self.clock_changed.emit()
