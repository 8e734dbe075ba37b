"""What a return can hold, read from the delegate's store, and the delegate's choice of it.

Private notes are never even listed. A note on a confidential session (or on a stop of a
confidential visit) is listed but only goes once the delegate confirms that very note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.returns.payload import QuestionDef, QuestionnaireDef, Record, iso
from fieldvisit.services.notes import gone_titles
from fieldvisit.storage.models import (
    AgendaPickRow,
    AnswerRow,
    EventRow,
    ItineraryRow,
    NoteRow,
    PersonRow,
    QuestionnaireRow,
    RatingRow,
    SessionRow,
    StopRow,
)

SECTION_TITLES = {"note": "Notes", "answer": "Answers", "pick": "Agenda picks", "rating": "Ratings"}


@dataclass(frozen=True, slots=True)
class ReturnItem:
    """One line of the "what will go" list. `key` is unique within a draft."""

    key: str
    record: Record
    label: str
    confidential: bool = False  # needs the delegate's explicit confirmation


@dataclass(frozen=True, slots=True)
class ReturnDraft:
    event_id: str
    event_title: str
    pack_id: str
    pack_version: int
    return_key: str | None  # organiser X25519 key, base64
    items: tuple[ReturnItem, ...]
    questionnaires: tuple[QuestionnaireDef, ...]
    return_proof_key: str | None = None  # from a signed pack, base64


@dataclass(frozen=True, slots=True)
class Selection:
    """The records that will go, and the confidential notes left out for want of a yes."""

    records: tuple[Record, ...]
    questionnaires: tuple[QuestionnaireDef, ...]
    left_out_confidential: tuple[ReturnItem, ...]


def _utc(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return iso(moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment)


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def latest_event_id(session: Session) -> str:
    """The event to use when none is named: the only one, else the latest installed."""
    row = session.scalars(select(EventRow).order_by(EventRow.installed_at.desc())).first()
    if row is None:
        raise InvalidInputError("no event is installed; import an event pack first")
    return row.id


def compose_draft(session: Session, event_id: str) -> ReturnDraft:
    """Everything of `event_id` that could go to the organisers (never private notes)."""
    event = session.get(EventRow, event_id)
    if event is None:
        raise InvalidInputError(f"no installed event has the id {event_id!r}", field="event")
    sessions = {r.uid: r for r in session.scalars(select(SessionRow).filter_by(event_id=event_id))}
    stops = {r.uid: r for r in session.scalars(select(StopRow).filter_by(event_id=event_id))}
    visits = {r.uid: r for r in session.scalars(select(ItineraryRow).filter_by(event_id=event_id))}
    people = {r.uid: r for r in session.scalars(select(PersonRow).filter_by(event_id=event_id))}
    gone = gone_titles(session, event_id)

    def target(kind: str, uid: str) -> tuple[str, str, bool]:
        """Title, start and whether the target is confidential."""
        if kind == "session" and uid in sessions:
            s = sessions[uid]
            return s.title, _utc(s.start_utc), s.confidential
        if kind == "stop" and uid in stops:
            stop = stops[uid]
            visit = visits.get(stop.itinerary_uid)
            parent = sessions.get(visit.session_id or "") if visit else None
            return stop.title, _utc(stop.start_utc), bool(parent and parent.confidential)
        if kind == "person" and uid in people:
            return people[uid].name, "", False
        if kind:
            # Removed by a pack update: named as the Notes section names it. Whether it was
            # confidential is no longer known, so the delegate confirms the note.
            return gone.get((kind, uid), uid), "", True
        return "", "", False

    items: list[ReturnItem] = []
    notes = session.scalars(
        select(NoteRow)
        .filter_by(event_id=event_id, private=False, deleted=False)
        .order_by(NoteRow.created_at)
    )
    for note in notes:
        if not note.body.strip():
            continue
        title, start, confidential = target(note.target_kind, note.target_uid)
        fields: dict[str, object] = {
            "target_kind": note.target_kind,
            "target_uid": note.target_uid,
            "target_title": title,
            "target_start": start,
            "tags": list(note.tags),
            "body": note.body,
            "created": _utc(note.created_at),
            "updated": _utc(note.updated_at),
            "confidential_confirmed": False,
        }
        record = Record("note", note.id, note.revision, fields)
        label = f"{title or 'General'}: {_excerpt(note.body)}"
        items.append(ReturnItem(f"note:{note.id}", record, label, confidential))

    definitions: dict[tuple[str, int], QuestionnaireRow] = {
        (q.uid, q.version): q
        for q in session.scalars(select(QuestionnaireRow).filter_by(event_id=event_id))
    }
    answers = session.scalars(
        select(AnswerRow).filter_by(event_id=event_id).order_by(AnswerRow.pk)
    ).all()
    for answer in answers:
        value = answer.value.get("value") if isinstance(answer.value, dict) else answer.value
        if value in (None, "", []):
            continue
        q_row = definitions.get((answer.questionnaire_uid, answer.version))
        question = _question_text(q_row, answer.question_uid)
        session_row = sessions.get(answer.session_uid)
        fields = {
            "questionnaire_uid": answer.questionnaire_uid,
            "questionnaire_version": answer.version,
            "session_uid": answer.session_uid,
            "session_title": session_row.title if session_row else "",
            "question_uid": answer.question_uid,
            "value": value,
            "updated": _utc(answer.updated_at),
        }
        label = f"{q_row.title if q_row else answer.questionnaire_uid}: {question}: {value}"
        record = Record("answer", answer.id, answer.revision, fields)
        items.append(ReturnItem(f"answer:{answer.id}", record, _excerpt(label, 90)))

    for pick in session.scalars(select(AgendaPickRow).filter_by(event_id=event_id)):
        s = sessions.get(pick.session_uid)
        fields = {
            "session_uid": pick.session_uid,
            "session_title": s.title if s else "",
            "session_start": _utc(s.start_utc) if s else "",
        }
        record = Record("pick", f"pick:{pick.session_uid}", 1, fields)
        items.append(ReturnItem(f"pick:{pick.session_uid}", record, s.title if s else "?"))

    for rating in session.scalars(select(RatingRow).filter_by(event_id=event_id)):
        s = sessions.get(rating.session_uid)
        fields = {
            "session_uid": rating.session_uid,
            "session_title": s.title if s else "",
            "stars": rating.stars,
            "updated": _utc(rating.updated_at),
        }
        record = Record("rating", f"rating:{rating.session_uid}", rating.revision, fields)
        label = f"{s.title if s else '?'}: {'★' * rating.stars}"
        items.append(ReturnItem(f"rating:{rating.session_uid}", record, label))

    used = {
        (
            str(i.record.fields["questionnaire_uid"]),
            int(str(i.record.fields["questionnaire_version"])),
        )
        for i in items
        if i.record.kind == "answer"
    }
    questionnaires = tuple(
        _definition(definitions[key]) for key in sorted(used) if key in definitions
    )
    return ReturnDraft(
        event_id=event.id,
        event_title=event.title,
        pack_id=event.pack_id,
        pack_version=event.pack_version,
        return_key=event.return_key,
        items=tuple(items),
        questionnaires=questionnaires,
        return_proof_key=event.return_proof_key,
    )


def _questions(row: QuestionnaireRow | None) -> list[dict[str, object]]:
    # The column is typed as a list of strings but holds question objects (JSON).
    raw = cast(list[object], row.questions if row else [])
    return [cast(dict[str, object], q) for q in raw if isinstance(q, dict)]


def _question_text(row: QuestionnaireRow | None, uid: str) -> str:
    for question in _questions(row):
        if isinstance(question, dict) and question.get("id") == uid:
            return str(question.get("text", uid))
    return uid


def _definition(row: QuestionnaireRow) -> QuestionnaireDef:
    questions = tuple(
        QuestionDef(
            id=str(q.get("id", "")),
            kind=str(q.get("kind", "")),
            text=str(q.get("text", "")),
            options=tuple(str(o) for o in cast(list[object], q.get("options") or [])),
        )
        for q in _questions(row)
    )
    return QuestionnaireDef(row.uid, row.version, row.title, questions)


def choose(
    draft: ReturnDraft,
    *,
    excluded: Collection[str] = (),
    confirmed: Collection[str] = (),
) -> Selection:
    """The records to send: every item not excluded, confidential ones only when confirmed."""
    excluded_set, confirmed_set = set(excluded), set(confirmed)
    records: list[Record] = []
    left_out: list[ReturnItem] = []
    for item in draft.items:
        if item.key in excluded_set:
            continue
        record = item.record
        if item.confidential:
            if item.key not in confirmed_set:
                left_out.append(item)
                continue
            record = Record(
                record.kind,
                record.id,
                record.revision,
                {**record.fields, "confidential_confirmed": True},
            )
        records.append(record)
    used = {
        (r.fields["questionnaire_uid"], r.fields["questionnaire_version"])
        for r in records
        if r.kind == "answer"
    }
    questionnaires = tuple(q for q in draft.questionnaires if (q.uid, q.version) in used)
    return Selection(tuple(records), questionnaires, tuple(left_out))
