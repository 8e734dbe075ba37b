"""The delegate's questionnaire answers, and the record of returns already sent."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select

from fieldvisit.storage.models import AnswerRow, SentReturnRow
from fieldvisit.storage.unit import Unit


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One stored answer; `value` is its JSON value (text, number or list of texts)."""

    id: str
    questionnaire_uid: str
    version: int
    session_uid: str
    question_uid: str
    value: object
    revision: int
    updated_at: dt.datetime  # aware, UTC


def _value(raw: object) -> object:
    return raw.get("value") if isinstance(raw, dict) else raw


def answers_of(unit: Unit, event_id: str) -> list[StoredAnswer]:
    """The event's answers in the order they were first given."""
    query = select(AnswerRow).where(AnswerRow.event_id == event_id).order_by(AnswerRow.pk)
    return [
        StoredAnswer(
            r.id,
            r.questionnaire_uid,
            r.version,
            r.session_uid,
            r.question_uid,
            _value(r.value),
            r.revision,
            r.updated_at.replace(tzinfo=dt.UTC),
        )
        for r in unit.scalars(query)
    ]


def write_answers(
    unit: Unit,
    event_id: str,
    questionnaire: tuple[str, int],
    session_uid: str,
    values: Mapping[str, object | None],
    at: dt.datetime,
) -> None:
    """Store the answers to one questionnaire (uid, version) for one session (or ""): None
    removes an answer, a changed value counts a new revision, an unchanged one is left."""
    stamp = at.astimezone(dt.UTC).replace(tzinfo=None)
    uid, version = questionnaire
    rows = {
        r.question_uid: r
        for r in unit.scalars(
            select(AnswerRow).where(
                AnswerRow.event_id == event_id,
                AnswerRow.questionnaire_uid == uid,
                AnswerRow.version == version,
                AnswerRow.session_uid == session_uid,
            )
        )
    }
    for qid, value in values.items():
        row = rows.get(qid)
        if value is None:
            if row is not None:
                unit.execute(delete(AnswerRow).where(AnswerRow.pk == row.pk))
        elif row is None:
            unit.add(
                AnswerRow(
                    id=str(uuid.uuid4()),
                    event_id=event_id,
                    questionnaire_uid=uid,
                    version=version,
                    session_uid=session_uid,
                    question_uid=qid,
                    value={"value": value},
                    revision=1,
                    updated_at=stamp,
                )
            )
        elif _value(row.value) != value:
            row.value = {"value": value}
            row.revision += 1
            row.updated_at = stamp


def sent_item_lists(unit: Unit, event_id: str) -> list[list[str]]:
    """For each return sent for the event, the records it carried ("kind:id@revision")."""
    query = select(SentReturnRow.items).where(SentReturnRow.event_id == event_id)
    return [[str(item) for item in items or ()] for items in unit.scalars(query)]


def record_sent(unit: Unit, event_id: str, filename: str, items: list[str]) -> None:
    unit.add(SentReturnRow(event_id=event_id, filename=filename, items=items))
