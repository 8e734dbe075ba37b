"""The programme of one event as the GUI shows it: sessions, rooms, tracks, days, speakers.

Reads organiser rows directly (one query per table) and converts them to frozen domain
dataclasses in the event's zone, so the GUI never sees an ORM object.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session as OrmSession

from fieldvisit.domain.model import Person, Session, SessionKind, Sharing
from fieldvisit.services.store import Store
from fieldvisit.services.views import (
    ChangeItem,
    EventChoice,
    Programme,
    Today,
    programme_of,
)
from fieldvisit.services.visit import current_and_next
from fieldvisit.storage.models import (
    ChangeRow,
    DocumentRow,
    EventRow,
    PersonRow,
    SessionRow,
    StopRow,
)
from fieldvisit.storage.rows import (
    event_from_row,
    person_from_row,
    session_from_row,
    sharing_of,
    stop_from_row,
    zone_of,
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
                EventRow.data,
            ).order_by(EventRow.start_date, EventRow.title)
        ).all()
    return [
        EventChoice(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            str(r[5].get("illustrative") or "") if isinstance(r[5], dict) else "",
        )
        for r in rows
    ]


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
    SessionRow.illustrative,
    SessionRow.links,
)
_SESSION_ORDER = (SessionRow.start_utc, SessionRow.room, SessionRow.title)


def _sessions(s: OrmSession, zone: ZoneInfo, *where: ColumnElement[bool]) -> tuple[Session, ...]:
    """Sessions matching `where`, in programme order (start, room, title)."""
    rows = s.execute(select(*_SESSION_COLUMNS).where(*where).order_by(*_SESSION_ORDER)).all()
    return tuple(session_from_row(r, zone) for r in rows)


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
        documents: dict[str, str] = {}
        sharing: dict[str, Sharing] = {}
        addresses: dict[str, str] = {}
        query = select(
            DocumentRow.uid, DocumentRow.title, DocumentRow.sharing, DocumentRow.url
        ).where(DocumentRow.event_id == event_id)
        for uid, title, status, url in s.execute(query):
            documents[uid] = title
            sharing[uid] = sharing_of(status)
            if url:
                addresses[uid] = url
    return programme_of(event, sessions, names, documents, sharing, addresses)


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
        stop_rows = s.execute(
            select(StopRow.__table__)
            .where(StopRow.event_id == event_id)
            .order_by(StopRow.itinerary_uid, StopRow.position)
        ).all()
        stops = [stop_from_row(r, zone) for r in stop_rows]
    # The same rule as the Visit section, so both say the same about where the visit is.
    timed = sorted((x for x in stops if x.planned_start), key=lambda x: x.planned_start or at)
    current_id, next_id = current_and_next(timed, at)
    by_id = {x.id: x for x in stops}
    current_stop = by_id.get(current_id) if current_id else None
    return Today(
        event=event,
        now=running,
        next=coming,
        next_stop=by_id.get(next_id) if next_id else None,
        current_stop=current_stop,
        changes=tuple(unseen_changes(store, event_id)),
    )
