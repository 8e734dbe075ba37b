"""What a note (or an answer, pick or rating) hangs on, for exports and returns: every
session, stop and person of an event with its title, times and confidentiality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select

from fieldvisit.storage.models import ItineraryRow, PersonRow, QuestionnaireRow, SessionRow, StopRow
from fieldvisit.storage.unit import Unit

TargetKey = tuple[str, str]  # (kind, uid): ("session" | "stop" | "person", uid)


@dataclass(frozen=True, slots=True)
class Target:
    """A session, stop or person. Times are aware UTC instants.

    A stop's `confidential` is its visit's session's; `visit_title` is the title of its
    itinerary and `visit_start` its visit's session's start (for a stop without a time).
    """

    title: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    confidential: bool = False
    visit_title: str | None = None
    visit_start: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredQuestionnaire:
    """A questionnaire as stored: its questions are the pack's question objects."""

    uid: str
    version: int
    title: str
    questions: tuple[dict[str, object], ...]


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.replace(tzinfo=dt.UTC) if moment is not None else None


def targets(unit: Unit, event_id: str) -> dict[TargetKey, Target]:
    """Every session, stop and person of the event, by (kind, uid)."""
    found: dict[TargetKey, Target] = {}
    sessions = unit.execute(
        select(
            SessionRow.uid,
            SessionRow.title,
            SessionRow.start_utc,
            SessionRow.end_utc,
            SessionRow.confidential,
        ).where(SessionRow.event_id == event_id)
    )
    for uid, title, start, end, confidential in sessions:
        found["session", uid] = Target(title, _utc(start), _utc(end), bool(confidential))
    visits = {
        uid: (title, session_id)
        for uid, title, session_id in unit.execute(
            select(ItineraryRow.uid, ItineraryRow.title, ItineraryRow.session_id).where(
                ItineraryRow.event_id == event_id
            )
        )
    }
    stops = unit.execute(
        select(StopRow.uid, StopRow.title, StopRow.start_utc, StopRow.itinerary_uid).where(
            StopRow.event_id == event_id
        )
    )
    for uid, title, planned, itinerary_uid in stops:
        visit = visits.get(itinerary_uid)
        parent = found.get(("session", visit[1] or "")) if visit else None
        found["stop", uid] = Target(
            title,
            _utc(planned),
            confidential=bool(parent and parent.confidential),
            visit_title=visit[0] if visit else None,
            visit_start=parent.start if parent else None,
        )
    people = select(PersonRow.uid, PersonRow.name).where(PersonRow.event_id == event_id)
    for uid, name in unit.execute(people):
        found["person", uid] = Target(name)
    return found


def questionnaires(unit: Unit, event_id: str) -> dict[tuple[str, int], StoredQuestionnaire]:
    """Every version of the event's questionnaires, by (uid, version)."""
    query = select(QuestionnaireRow).where(QuestionnaireRow.event_id == event_id)
    found: dict[tuple[str, int], StoredQuestionnaire] = {}
    for row in unit.scalars(query):
        # The column is typed as a list of strings but holds question objects (JSON).
        raw = cast(list[object], row.questions or [])
        questions = tuple(cast(dict[str, object], q) for q in raw if isinstance(q, dict))
        found[row.uid, row.version] = StoredQuestionnaire(
            row.uid, row.version, row.title, questions
        )
    return found
