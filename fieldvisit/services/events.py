"""Installed events: list them with their figures, and remove one's organiser content."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from fieldvisit.domain.changes import ContentCounts, EventSummary
from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    AgendaPickRow,
    AnswerRow,
    ChangeRow,
    DocumentRow,
    EventRow,
    ItineraryRow,
    NoteRow,
    PersonRow,
    QuestionnaireRow,
    RatingRow,
    SeenRow,
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


@dataclass(frozen=True, slots=True)
class OwnData:
    """What the delegate stored for an event: what removing it would lose."""

    notes: int = 0
    answers: int = 0
    picks: int = 0
    ratings: int = 0

    @property
    def empty(self) -> bool:
        return not (self.notes or self.answers or self.picks or self.ratings)


# The delegate's own rows of an event, removed with it (the key pin stays, see below).
_OWN_ROWS = (NoteRow, AnswerRow, AgendaPickRow, RatingRow, SeenRow)


def own_data(store: Store, event_id: str) -> OwnData:
    """How many notes, answers, picks and ratings the delegate has for the event."""
    with store.unit() as s:

        def count(model: Any, *where: Any) -> int:
            query = select(func.count()).select_from(model).where(model.event_id == event_id)
            return int(s.execute(query.where(*where)).scalar() or 0)

        return OwnData(
            notes=count(NoteRow, NoteRow.deleted.is_(False)),
            answers=count(AnswerRow),
            picks=count(AgendaPickRow),
            ratings=count(RatingRow),
        )


def remove_event(store: Store, event_id: str) -> OwnData:
    """Remove an event entirely: its organiser content, pack file, and the delegate's own
    notes, answers, picks, ratings and seen marks for it. Returns what was removed.

    The caller has offered to send or export the notes first and has the user's
    confirmation. The key pin stays, so a reinstall is still held to the same organiser
    key (accepting a new key is an explicit step of its own).
    """
    lost = own_data(store, event_id)
    with store.unit() as s:
        known = s.execute(select(EventRow.id).where(EventRow.id == event_id)).first()
        own = any(
            s.execute(select(m.event_id).where(m.event_id == event_id).limit(1)).first()
            for m in _OWN_ROWS
        )
        if known is None and not own:
            raise InvalidInputError(f"no installed event has the id {event_id!r}")
        for model in _OWN_ROWS:
            s.execute(delete(model).where(model.event_id == event_id))
    delete_event(store, event_id)
    return lost
