"""What the programme views are given: plain dataclasses, importable without the storage stack.

The first screen is painted from a light read (`services.first_screen`) before SQLAlchemy
is loaded, so these types and `programme_of` live apart from the queries that usually fill
them (`services.programme`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from fieldvisit.domain.changes import EventChoice
from fieldvisit.domain.model import Event, Session, SessionKind, Sharing, Stop
from fieldvisit.storage.rows import zone_of

__all__ = ["ChangeItem", "EventChoice", "Programme", "Today", "programme_of"]


@dataclass(frozen=True, slots=True)
class Programme:
    """Everything the programme views need, loaded in one worker job."""

    event: Event
    sessions: tuple[Session, ...] = ()
    rooms: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    kinds: tuple[SessionKind, ...] = ()
    days: tuple[dt.date, ...] = ()
    speaker_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    document_titles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # document id -> its sharing status (shared, confidential not shared, attendees only)
    document_sharing: dict[str, Sharing] = field(default_factory=dict, compare=False, hash=False)
    # document id -> its address, for attachments listed by URL (not carried in the pack)
    document_urls: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.event.timezone)

    def session(self, uid: str) -> Session | None:
        for item in self.sessions:
            if item.id == uid:
                return item
        return None

    def on_day(self, day: dt.date) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.start.date() == day)


@dataclass(frozen=True, slots=True)
class ChangeItem:
    """One unseen line of the change list a pack update produced."""

    id: int
    target_kind: str
    target_uid: str
    title: str
    change: str  # new | changed | cancelled
    fields: tuple[tuple[str, str, str], ...] = ()  # (field, old, new)
    pack_version: int = 0


@dataclass(frozen=True, slots=True)
class Today:
    """What the Today section shows at one instant of the event clock."""

    event: Event | None
    now: tuple[Session, ...] = ()
    next: tuple[Session, ...] = ()
    next_stop: Stop | None = None
    current_stop: Stop | None = None
    changes: tuple[ChangeItem, ...] = ()


def programme_of(
    event: Event,
    sessions: tuple[Session, ...],
    names: dict[str, str],
    documents: dict[str, str],
    sharing: dict[str, Sharing],
    addresses: dict[str, str],
) -> Programme:
    """The Programme of `event` from its sessions (in programme order) and lookups."""
    return Programme(
        event=event,
        sessions=sessions,
        rooms=tuple(sorted({x.room for x in sessions if x.room}, key=str.casefold)),
        tracks=tuple(sorted({x.track for x in sessions if x.track}, key=str.casefold)),
        kinds=tuple(k for k in SessionKind if any(x.kind == k for x in sessions)),
        days=tuple(sorted({x.start.date() for x in sessions})),
        speaker_names=names,
        document_titles=documents,
        document_sharing=sharing,
        document_urls=addresses,
    )
