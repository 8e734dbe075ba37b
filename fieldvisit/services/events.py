"""Installed events: list them with their figures, and remove one's organiser content."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select

from fieldvisit.domain.changes import ContentCounts, EventSummary
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    ChangeRow,
    DocumentRow,
    EventRow,
    ItineraryRow,
    PersonRow,
    QuestionnaireRow,
    SessionRow,
    StopRow,
)
from fieldvisit.storage.repository import unindex_sessions


def _per_event(session: Any, model: Any, *where: Any) -> dict[str, int]:
    column = model.event_id
    query = select(column, func.count()).where(*where).group_by(column)
    return {event_id: int(n) for event_id, n in session.execute(query)}


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC)


def list_events(store: Store) -> list[EventSummary]:
    """Every installed event, soonest first, with its pack version, trust and counts."""
    with store.unit() as s:
        rows = s.execute(
            select(
                EventRow.id,
                EventRow.title,
                EventRow.timezone,
                EventRow.start_date,
                EventRow.end_date,
                EventRow.pack_version,
                EventRow.signed,
                EventRow.key_fingerprint,
                EventRow.installed_at,
                EventRow.updated_at,
            ).order_by(EventRow.start_date, EventRow.title, EventRow.id)
        ).all()
        sessions = _per_event(s, SessionRow)
        people = _per_event(s, PersonRow)
        itineraries = _per_event(s, ItineraryRow)
        stops = _per_event(s, StopRow)
        documents = _per_event(s, DocumentRow)
        questionnaires = _per_event(s, QuestionnaireRow, QuestionnaireRow.current.is_(True))
        unseen = _per_event(s, ChangeRow, ChangeRow.seen.is_(False))
    return [
        EventSummary(
            id=r.id,
            title=r.title,
            timezone=r.timezone,
            start_date=r.start_date,
            end_date=r.end_date,
            pack_version=r.pack_version,
            signed=r.signed,
            fingerprint=r.key_fingerprint,
            counts=ContentCounts(
                sessions=sessions.get(r.id, 0),
                people=people.get(r.id, 0),
                itineraries=itineraries.get(r.id, 0),
                stops=stops.get(r.id, 0),
                documents=documents.get(r.id, 0),
                questionnaires=questionnaires.get(r.id, 0),
            ),
            unseen_changes=unseen.get(r.id, 0),
            installed_at=_aware(r.installed_at),
            updated_at=_aware(r.updated_at),
        )
        for r in rows
    ]


def delete_event(store: Store, event_id: str) -> bool:
    """Remove an event's organiser content, change list and pack file; False if absent.

    The delegate's own notes and answers stay (they refer to the event by id only and
    reappear if the pack is installed again), and so does the key pin, so a reinstall is
    still held to the same organiser key.
    """
    with store.unit() as s:
        pack_file = s.execute(select(EventRow.pack_file).where(EventRow.id == event_id)).scalar()
        if pack_file is None:
            return False
        # Foreign keys cascade from events to every organiser table; the search index
        # has no triggers, so its entries go first.
        unindex_sessions(s, event_id)
        s.execute(delete(EventRow).where(EventRow.id == event_id))
    with contextlib.suppress(OSError):
        (store.paths.packs / pack_file).unlink(missing_ok=True)
    return True
