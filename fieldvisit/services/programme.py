"""The programme of one event as the GUI shows it: sessions, rooms, tracks, days, speakers.

Reads organiser rows directly (one query per table) and converts them to frozen domain
dataclasses in the event's zone, so the GUI never sees an ORM object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session as OrmSession

from fieldvisit.domain.model import Event, Person, Role, Session, SessionKind, Stop
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    ChangeRow,
    DocumentRow,
    EventRow,
    PersonRow,
    SessionRow,
    StopRow,
)


@dataclass(frozen=True, slots=True)
class EventChoice:
    """One installed event, as the event switcher lists it."""

    id: str
    title: str
    timezone: str
    start_date: dt.date
    end_date: dt.date


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


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def aware(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A stored naive-UTC instant as an aware datetime in the event's zone."""
    return moment.replace(tzinfo=dt.UTC).astimezone(zone)


def _kind(value: str) -> SessionKind:
    try:
        return SessionKind(value)
    except ValueError:
        return SessionKind.TALK


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return ()


def event_from_row(row: EventRow) -> Event:
    data = row.data if isinstance(row.data, dict) else {}
    contact = data.get("emergency_contact_id")
    return Event(
        id=row.id,
        title=row.title,
        timezone=row.timezone,
        start_date=row.start_date,
        end_date=row.end_date,
        organisers=_strings(data.get("organisers")),
        languages=_strings(data.get("languages")),
        confidentiality=str(data.get("confidentiality") or ""),
        emergency_contact_id=str(contact) if contact else None,
        description=str(data.get("description") or ""),
        url=str(data.get("url") or ""),
    )


def session_from_row(row: SessionRow, zone: ZoneInfo) -> Session:
    return Session(
        id=row.uid,
        title=row.title,
        kind=_kind(row.kind),
        start=aware(row.start_utc, zone),
        end=aware(row.end_utc, zone),
        room=row.room or "",
        venue_id=row.venue_id,
        online_url=row.online_url or "",
        track=row.track or "",
        description=row.description or "",
        speaker_ids=_strings(row.speaker_ids),
        document_ids=_strings(row.document_ids),
        confidential=bool(row.confidential),
        signup_group=row.signup_group or "",
        language=row.language or "",
    )


def person_from_row(row: PersonRow) -> Person:
    try:
        role = Role(row.role)
    except ValueError:
        role = Role.DELEGATE
    return Person(
        id=row.uid,
        name=row.name,
        role=role,
        organisation=row.organisation or "",
        phone=row.phone or "",
        email=row.email or "",
        languages=_strings(row.languages),
        listed=bool(row.listed),
    )


def stop_from_row(row: StopRow, zone: ZoneInfo) -> Stop:
    return Stop(
        id=row.uid,
        title=row.title,
        planned_start=aware(row.start_utc, zone) if row.start_utc else None,
        planned_end=aware(row.end_utc, zone) if row.end_utc else None,
        address=row.address or "",
        lat=row.lat,
        lon=row.lon,
        host_id=row.host_id,
        briefing=row.briefing or "",
        etiquette=row.etiquette or "",
        safety=row.safety or "",
        directions_to_next=row.directions_to_next or "",
    )


def event_choices(store: Store) -> list[EventChoice]:
    """Installed events, soonest first."""
    with store.unit() as s:
        rows = s.execute(
            select(
                EventRow.id,
                EventRow.title,
                EventRow.timezone,
                EventRow.start_date,
                EventRow.end_date,
            ).order_by(EventRow.start_date, EventRow.title)
        ).all()
    return [EventChoice(r[0], r[1], r[2], r[3], r[4]) for r in rows]


# The columns session_from_row reads: a plain row of them costs far less to load than an
# ORM object (identity map, instance state), and FOSDEM has 943 sessions.
_SESSION_COLUMNS = (
    SessionRow.uid,
    SessionRow.title,
    SessionRow.kind,
    SessionRow.start_utc,
    SessionRow.end_utc,
    SessionRow.room,
    SessionRow.venue_id,
    SessionRow.online_url,
    SessionRow.track,
    SessionRow.description,
    SessionRow.speaker_ids,
    SessionRow.document_ids,
    SessionRow.confidential,
    SessionRow.signup_group,
    SessionRow.language,
)
_SESSION_ORDER = (SessionRow.start_utc, SessionRow.room, SessionRow.title)


def _sessions(s: OrmSession, zone: ZoneInfo, *where: ColumnElement[bool]) -> tuple[Session, ...]:
    """Sessions matching `where`, in programme order (start, room, title)."""
    rows = s.execute(select(*_SESSION_COLUMNS).where(*where).order_by(*_SESSION_ORDER)).all()
    # A row of these columns has the attributes session_from_row reads.
    return tuple(session_from_row(cast(SessionRow, r), zone) for r in rows)


def load_programme(store: Store, event_id: str) -> Programme | None:
    """The event's programme in its own zone, or None when the event is not installed."""
    with store.unit() as s:
        event_row = s.get(EventRow, event_id)
        if event_row is None:
            return None
        event = event_from_row(event_row)
        zone = zone_of(event.timezone)
        sessions = _sessions(s, zone, SessionRow.event_id == event_id)
        names: dict[str, str] = dict(
            s.execute(
                select(PersonRow.uid, PersonRow.name).where(PersonRow.event_id == event_id)
            ).all()
        )
        documents: dict[str, str] = dict(
            s.execute(
                select(DocumentRow.uid, DocumentRow.title).where(DocumentRow.event_id == event_id)
            ).all()
        )
    return Programme(
        event=event,
        sessions=sessions,
        rooms=tuple(sorted({x.room for x in sessions if x.room}, key=str.casefold)),
        tracks=tuple(sorted({x.track for x in sessions if x.track}, key=str.casefold)),
        kinds=tuple(k for k in SessionKind if any(x.kind == k for x in sessions)),
        days=tuple(sorted({x.start.date() for x in sessions})),
        speaker_names=names,
        document_titles=documents,
    )


def load_people(store: Store, event_id: str) -> list[Person]:
    with store.unit() as s:
        rows = s.scalars(
            select(PersonRow).where(PersonRow.event_id == event_id).order_by(PersonRow.name)
        ).all()
        return [person_from_row(r) for r in rows]


def _change_fields(raw: object) -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict):
                out.append(
                    (str(item.get("field", "")), str(item.get("old", "")), str(item.get("new", "")))
                )
    return tuple(out)


def unseen_changes(store: Store, event_id: str) -> list[ChangeItem]:
    with store.unit() as s:
        rows = s.scalars(
            select(ChangeRow)
            .where(ChangeRow.event_id == event_id, ChangeRow.seen.is_(False))
            .order_by(ChangeRow.pk)
        ).all()
        return [
            ChangeItem(
                id=r.pk,
                target_kind=r.target_kind,
                target_uid=r.target_uid,
                title=r.title,
                change=r.change,
                fields=_change_fields(r.fields),
                pack_version=r.pack_version,
            )
            for r in rows
        ]


def mark_seen(store: Store, event_id: str, ids: list[int]) -> int:
    """Mark change lines seen; returns how many were marked."""
    with store.unit() as s:
        rows = s.scalars(
            select(ChangeRow).where(ChangeRow.event_id == event_id, ChangeRow.pk.in_(ids))
        ).all()
        for r in rows:
            r.seen = True
        return len(rows)


def load_today(store: Store, event_id: str, moment: dt.datetime) -> Today:
    """Now / next sessions, the current and next stop, and unseen changes at `moment`.

    Only the sessions running at `moment` and those starting next are read, not the whole
    programme (Today is the first screen, and FOSDEM has 943 sessions).
    """
    with store.unit() as s:
        event_row = s.get(EventRow, event_id)
        if event_row is None:
            return Today(event=None)
        event = event_from_row(event_row)
        zone = zone_of(event.timezone)
        at = moment.astimezone(zone)
        stored = moment.astimezone(dt.UTC).replace(tzinfo=None)  # as rows keep instants
        ours = SessionRow.event_id == event_id
        during = _sessions(
            s, zone, ours, SessionRow.start_utc <= stored, SessionRow.end_utc > stored
        )
        running = tuple(x for x in during if x.kind != SessionKind.BREAK) or during
        first = s.scalar(
            select(func.min(SessionRow.start_utc)).where(ours, SessionRow.start_utc > stored)
        )
        coming = _sessions(s, zone, ours, SessionRow.start_utc == first) if first else ()
        stop_rows = s.scalars(
            select(StopRow)
            .where(StopRow.event_id == event_id)
            .order_by(StopRow.itinerary_uid, StopRow.position)
        ).all()
        stops = [stop_from_row(r, zone) for r in stop_rows]
    current_stop = next(
        (
            x
            for x in stops
            if x.planned_start and x.planned_end and x.planned_start <= at < x.planned_end
        ),
        None,
    )
    later = sorted(
        (x for x in stops if x.planned_start and x.planned_start > at),
        key=lambda x: x.planned_start or at,
    )
    return Today(
        event=event,
        now=running,
        next=coming,
        next_stop=later[0] if later else None,
        current_stop=current_stop,
        changes=tuple(unseen_changes(store, event_id)),
    )
