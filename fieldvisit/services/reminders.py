"""Reminders: N minutes before each picked session and each field-visit stop, by the event's
clock. What is due is decided here (no Qt); the window shows it (gui/reminders.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from fieldvisit.services import agenda
from fieldvisit.services.store import Store
from fieldvisit.storage import repository
from fieldvisit.storage.repo import seen

SHOWN = "reminder"  # SeenRow.target_kind of a reminder already shown (kept across restarts)

DEFAULT_MINUTES = 10


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder: what starts (a session or a stop), where, and when to say so."""

    kind: str  # "session" or "stop"
    uid: str
    title: str
    start: dt.datetime  # aware
    due: dt.datetime  # aware: start minus the lead time
    where: str = ""

    @property
    def key(self) -> str:
        """What it is about and when that starts: a session moved to another time gets a
        new reminder, one shown before (even in an earlier run of the app) does not."""
        return f"{self.kind}:{self.uid}@{self.start.astimezone(dt.UTC).isoformat()}"


@dataclass(frozen=True, slots=True)
class ReminderChoice:
    """What the delegate asked to be reminded of, and how long before."""

    sessions: bool = True  # picked sessions: on by default
    stops: bool = False  # field-visit stops: optional
    minutes: int = DEFAULT_MINUTES


def reminders_for(store: Store, event_id: str, choice: ReminderChoice) -> list[Reminder]:
    """Every reminder of `event_id` the choice asks for, in order of when it is due."""
    if not event_id or not (choice.sessions or choice.stops):
        return []
    lead = dt.timedelta(minutes=max(0, choice.minutes))
    found: list[Reminder] = []
    picked = agenda.picks(store, event_id) if choice.sessions else frozenset()
    with store.unit() as s:
        if choice.sessions:
            for session in repository.load_sessions(s, event_id):
                if session.id in picked:
                    found.append(
                        Reminder(
                            "session",
                            session.id,
                            session.title,
                            session.start,
                            session.start - lead,
                            session.room,
                        )
                    )
        if choice.stops:
            for itinerary in repository.load_itineraries(s, event_id):
                for stop in itinerary.stops:
                    if stop.planned_start is not None:
                        found.append(
                            Reminder(
                                "stop",
                                stop.id,
                                stop.title,
                                stop.planned_start,
                                stop.planned_start - lead,
                                stop.address,
                            )
                        )
    return sorted(found, key=lambda r: (r.due, r.title))


def due_now(
    reminders: Iterable[Reminder], now: dt.datetime, shown: Iterable[str]
) -> list[Reminder]:
    """The reminders to show at `now`: due, not yet started, not shown before.

    One whose moment passed while the app was closed or busy still shows until its session
    or stop starts: a reminder is never lost to a missed tick.
    """
    done = set(shown)
    return [r for r in reminders if r.due <= now < r.start and r.key not in done]


def next_due(reminders: Iterable[Reminder], now: dt.datetime) -> dt.datetime | None:
    """When the next reminder falls due after `now`, for the window's timer."""
    return min((r.due for r in reminders if r.due > now), default=None)


def shown_before(store: Store, event_id: str) -> frozenset[str]:
    """The keys of the event's reminders already shown (`Reminder.key`), in any run."""
    with store.unit() as s:
        return seen.seen(s, event_id, SHOWN)


def mark_shown(store: Store, event_id: str, key: str) -> None:
    """Remember that a reminder was shown, so a restart does not show it again."""
    with store.unit() as s:
        seen.mark(s, event_id, SHOWN, key)
