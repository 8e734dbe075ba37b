"""The programme as the GUI reads it: the event, its sessions (all, or those running at an
instant), speakers' names, documents' titles and stops, as domain dataclasses in the
event's zone. Plain column rows, not ORM objects: FOSDEM has 943 sessions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select

from fieldvisit.domain.model import Event, Person, Session, Sharing, Stop
from fieldvisit.storage.models import DocumentRow, PersonRow, SessionRow, StopRow
from fieldvisit.storage.repository import load_event
from fieldvisit.storage.rows import (
    person_from_row,
    session_from_row,
    sharing_of,
    stop_from_row,
    zone_of,
)
from fieldvisit.storage.unit import Unit

# The columns session_from_row reads: a plain row of them costs far less to load than an
# ORM object (identity map, instance state).
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
    SessionRow.illustrative,
    SessionRow.links,
)
_SESSION_ORDER = (SessionRow.start_utc, SessionRow.room, SessionRow.title)


@dataclass(frozen=True, slots=True)
class DocumentHeading:
    """What the programme shows of a document: title, sharing, address (listed by URL)."""

    title: str
    sharing: Sharing
    url: str


def _stored(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)  # as rows keep instants


def _sessions(unit: Unit, zone: ZoneInfo, *where: ColumnElement[bool]) -> tuple[Session, ...]:
    """Sessions matching `where`, in programme order (start, room, title)."""
    rows = unit.execute(select(*_SESSION_COLUMNS).where(*where).order_by(*_SESSION_ORDER)).all()
    return tuple(session_from_row(r, zone) for r in rows)


def find_event(unit: Unit, event_id: str) -> Event | None:
    """The installed event, or None."""
    try:
        return load_event(unit, event_id)
    except KeyError:
        return None


def programme_sessions(unit: Unit, event: Event) -> tuple[Session, ...]:
    """Every session of the event in programme order (start, room, title)."""
    return _sessions(unit, zone_of(event.timezone), SessionRow.event_id == event.id)


def sessions_at(unit: Unit, event: Event, moment: dt.datetime) -> tuple[Session, ...]:
    """The sessions running at `moment`."""
    at = _stored(moment)
    return _sessions(
        unit,
        zone_of(event.timezone),
        SessionRow.event_id == event.id,
        SessionRow.start_utc <= at,
        SessionRow.end_utc > at,
    )


def sessions_starting_next(unit: Unit, event: Event, moment: dt.datetime) -> tuple[Session, ...]:
    """The sessions that start first after `moment` (all of that start time)."""
    ours = SessionRow.event_id == event.id
    first = unit.scalar(
        select(func.min(SessionRow.start_utc)).where(ours, SessionRow.start_utc > _stored(moment))
    )
    if first is None:
        return ()
    return _sessions(unit, zone_of(event.timezone), ours, SessionRow.start_utc == first)


def session_at(unit: Unit, event_id: str, moment: dt.datetime) -> str:
    """The uid of the session running at `moment` (the earliest-starting one), or ""."""
    at = _stored(moment)
    uid = unit.scalar(
        select(SessionRow.uid)
        .where(
            SessionRow.event_id == event_id,
            SessionRow.start_utc <= at,
            SessionRow.end_utc > at,
        )
        .order_by(SessionRow.start_utc, SessionRow.uid)
        .limit(1)
    )
    return uid or ""


def session_exists(unit: Unit, event_id: str, uid: str) -> bool:
    query = select(SessionRow.pk).where(SessionRow.event_id == event_id, SessionRow.uid == uid)
    return unit.scalar(query) is not None


def person_names(unit: Unit, event_id: str) -> dict[str, str]:
    """person uid -> name."""
    query = select(PersonRow.uid, PersonRow.name).where(PersonRow.event_id == event_id)
    return {uid: name for uid, name in unit.execute(query)}


def people_by_name(unit: Unit, event_id: str) -> list[Person]:
    query = select(PersonRow).where(PersonRow.event_id == event_id).order_by(PersonRow.name)
    return [person_from_row(r) for r in unit.scalars(query)]


def document_headings(unit: Unit, event_id: str) -> dict[str, DocumentHeading]:
    """document uid -> its title, sharing status and address."""
    query = select(DocumentRow.uid, DocumentRow.title, DocumentRow.sharing, DocumentRow.url)
    return {
        uid: DocumentHeading(title, sharing_of(status), url or "")
        for uid, title, status, url in unit.execute(query.where(DocumentRow.event_id == event_id))
    }


def all_stops(unit: Unit, event: Event) -> list[Stop]:
    """Every stop of every itinerary, itinerary by itinerary in route order."""
    zone = zone_of(event.timezone)
    rows = unit.execute(
        select(StopRow.__table__)
        .where(StopRow.event_id == event.id)
        .order_by(StopRow.itinerary_uid, StopRow.position)
    ).all()
    return [stop_from_row(r, zone) for r in rows]


def target_titles(unit: Unit, event_id: str) -> dict[tuple[str, str], str]:
    """(kind, uid) -> title of every session, stop and person a note can hang on."""
    titles: dict[tuple[str, str], str] = {}
    for kind, model, column in (
        ("session", SessionRow, SessionRow.title),
        ("stop", StopRow, StopRow.title),
        ("person", PersonRow, PersonRow.name),
    ):
        for uid, title in unit.execute(select(model.uid, column).where(model.event_id == event_id)):
            titles[kind, uid] = title
    return titles
