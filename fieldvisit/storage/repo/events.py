"""Installed events as a whole: list them, find one, remove one with or without the
delegate's own rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from fieldvisit.domain.changes import ContentCounts, EventChoice, EventSummary
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
from fieldvisit.storage.rows import event_choice_from_row
from fieldvisit.storage.unit import Unit

# The delegate's own rows of an event (the key pin is not one: it outlives the event).
_OWN_ROWS: tuple[Any, ...] = (NoteRow, AnswerRow, AgendaPickRow, RatingRow, SeenRow)

_LISTED = (EventRow.start_date, EventRow.title, EventRow.id)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC)


def _per_event(unit: Unit, model: Any, *where: Any) -> dict[str, int]:
    column = model.event_id
    query = select(column, func.count()).where(*where).group_by(column)
    return {event_id: int(n) for event_id, n in unit.execute(query)}


def _listed(unit: Unit) -> list[Any]:
    """Every installed event's row (all but the pack's content), soonest first: the order
    of the event switcher and of `fieldvisit events`."""
    columns = [c for c in EventRow.__table__.c if c.key != "map_data"]
    return list(unit.execute(select(*columns).order_by(*_LISTED)).all())


def event_choices(unit: Unit) -> list[EventChoice]:
    """Installed events, soonest first, as the event switcher lists them."""
    return [event_choice_from_row(r) for r in _listed(unit)]


def event_summaries(unit: Unit) -> list[EventSummary]:
    """Every installed event, soonest first, with its pack version, trust and counts."""
    rows = _listed(unit)
    sessions = _per_event(unit, SessionRow)
    people = _per_event(unit, PersonRow)
    itineraries = _per_event(unit, ItineraryRow)
    stops = _per_event(unit, StopRow)
    documents = _per_event(unit, DocumentRow)
    questionnaires = _per_event(unit, QuestionnaireRow, QuestionnaireRow.current.is_(True))
    unseen = _per_event(unit, ChangeRow, ChangeRow.seen.is_(False))
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


def has_events(unit: Unit) -> bool:
    return unit.execute(select(EventRow.id).limit(1)).first() is not None


def is_installed(unit: Unit, event_id: str) -> bool:
    return unit.execute(select(EventRow.id).where(EventRow.id == event_id)).first() is not None


def latest_event_id(unit: Unit) -> str | None:
    """The most recently installed event, or None when there is none."""
    query = select(EventRow.id).order_by(EventRow.installed_at.desc()).limit(1)
    return unit.scalar(query)


def installed_versions(unit: Unit, event_ids: Iterable[str]) -> dict[str, int]:
    """event id -> installed pack version, for those of `event_ids` that are installed."""
    query = select(EventRow.id, EventRow.pack_version).where(EventRow.id.in_(list(event_ids)))
    return {str(r[0]): int(r[1]) for r in unit.execute(query)}


def pack_file(unit: Unit, event_id: str) -> str | None:
    """The installed pack's file name under the packs folder, None when not installed."""
    return unit.scalar(select(EventRow.pack_file).where(EventRow.id == event_id))


def heading(unit: Unit, event_id: str) -> tuple[str, str] | None:
    """(title, pack file name) of the installed event, None when not installed."""
    row = unit.execute(
        select(EventRow.title, EventRow.pack_file).where(EventRow.id == event_id)
    ).first()
    return (row.title, row.pack_file) if row is not None else None


@dataclass(frozen=True, slots=True)
class ReturnAddress:
    """What a return names of the event's pack, and the organisers' keys it goes to."""

    id: str
    title: str
    pack_id: str
    pack_version: int
    return_key: str | None
    return_proof_key: str | None


def return_address(unit: Unit, event_id: str) -> ReturnAddress | None:
    row = unit.get(EventRow, event_id)
    if row is None:
        return None
    return ReturnAddress(
        row.id, row.title, row.pack_id, row.pack_version, row.return_key, row.return_proof_key
    )


def pack_files(unit: Unit) -> set[str]:
    """The pack file of every installed event."""
    return set(unit.scalars(select(EventRow.pack_file)))


def event_data(unit: Unit, event_id: str) -> dict[str, object] | None:
    """The event's JSON (`domain.plain.event_data`), None when not installed."""
    data = unit.scalar(select(EventRow.data).where(EventRow.id == event_id))
    return data if isinstance(data, dict) else None


def delete_event(unit: Unit, event_id: str) -> None:
    """Remove the event's organiser content (foreign keys cascade to every organiser
    table; the search index has no triggers, so its entries go first)."""
    unindex_sessions(unit, event_id)
    unit.execute(delete(EventRow).where(EventRow.id == event_id))


def own_counts(unit: Unit, event_id: str) -> tuple[int, int, int, int]:
    """How many live notes, answers, picks and ratings the delegate has for the event."""

    def count(model: Any, *where: Any) -> int:
        query = select(func.count()).select_from(model).where(model.event_id == event_id)
        return int(unit.execute(query.where(*where)).scalar() or 0)

    return (
        count(NoteRow, NoteRow.deleted.is_(False)),
        count(AnswerRow),
        count(AgendaPickRow),
        count(RatingRow),
    )


def has_own_rows(unit: Unit, event_id: str) -> bool:
    """Whether any note, answer, pick, rating or seen mark of the event is stored."""
    return any(
        unit.execute(select(m.event_id).where(m.event_id == event_id).limit(1)).first()
        for m in _OWN_ROWS
    )


def delete_own_rows(unit: Unit, event_id: str) -> None:
    """Delete the delegate's notes, answers, picks, ratings and seen marks of the event."""
    for model in _OWN_ROWS:
        unit.execute(delete(model).where(model.event_id == event_id))
