"""Questionnaires: the pack's questions, the delegate's draft answers, completion counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Phase, Question, QuestionKind, Questionnaire
from fieldvisit.services.store import Store
from fieldvisit.storage import repository
from fieldvisit.storage.repo.answers import answers_of, write_answers

MAX_TEXT = 20_000
AnswerKey = tuple[str, int, str]  # questionnaire uid, version, session uid ("" if none)
Value = str | int | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SessionRef:
    id: str
    title: str
    start: dt.datetime


@dataclass(frozen=True, slots=True)
class QuestionsData:
    """Everything the Questions section shows for one event."""

    event_id: str
    current: tuple[Questionnaire, ...] = ()
    older: tuple[Questionnaire, ...] = ()  # earlier versions that hold answers (read-only)
    sessions: tuple[SessionRef, ...] = ()
    answers: dict[AnswerKey, dict[str, Value]] = field(default_factory=dict)


def _value_from_json(data: object) -> Value | None:
    raw = data.get("value") if isinstance(data, dict) else None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str | int):
        return raw
    if isinstance(raw, list):
        return tuple(str(v) for v in raw)
    return None


def load_questions(store: Store, event_id: str) -> QuestionsData:
    if not event_id:
        return QuestionsData("")
    with store.unit() as s:
        try:
            every = repository.load_questionnaires(s, event_id, current_only=False)
            sessions = repository.load_sessions(s, event_id)
        except KeyError:
            return QuestionsData(event_id)
        current_keys = {(q.id, q.version) for q in repository.load_questionnaires(s, event_id)}
        answers: dict[AnswerKey, dict[str, Value]] = {}
        for row in answers_of(s, event_id):
            value = _value_from_json({"value": row.value})
            if value is not None:
                key = (row.questionnaire_uid, row.version, row.session_uid)
                answers.setdefault(key, {})[row.question_uid] = value
    answered = {(k[0], k[1]) for k in answers}
    current = tuple(q for q in every if (q.id, q.version) in current_keys)
    older = tuple(
        q for q in every if (q.id, q.version) not in current_keys and (q.id, q.version) in answered
    )
    refs = tuple(SessionRef(x.id, x.title, x.start) for x in sessions)
    return QuestionsData(event_id, current, older, refs, answers)


def clean_value(question: Question, value: object) -> Value | None:
    """The answer in canonical form, None for "not answered"; InvalidInputError if invalid."""
    if value is None or value == "" or value == () or value == []:
        return None
    kind = question.kind
    if kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT):
        if not isinstance(value, str):
            raise InvalidInputError("a text answer must be text", field=question.id)
        if len(value) > MAX_TEXT:
            raise InvalidInputError(
                f"answers are limited to {MAX_TEXT} characters", field=question.id
            )
        return value if value.strip() else None
    if kind == QuestionKind.SINGLE:
        if value not in question.options:
            raise InvalidInputError(f"{value!r} is not one of the options", field=question.id)
        return str(value)
    if kind == QuestionKind.MULTIPLE:
        if not isinstance(value, list | tuple) or any(v not in question.options for v in value):
            raise InvalidInputError("choose among the options", field=question.id)
        # keep the pack's order, whatever order the boxes were ticked in
        return tuple(o for o in question.options if o in value)
    if kind == QuestionKind.SCALE:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError("a scale answer is a whole number", field=question.id)
        if not question.scale_min <= value <= question.scale_max:
            raise InvalidInputError("the answer is outside the scale", field=question.id)
        return value
    raise InvalidInputError(f"unknown question kind {kind!r}", field=question.id)


def save_answers(
    store: Store,
    event_id: str,
    questionnaire: Questionnaire,
    session_uid: str,
    answers: Mapping[str, object],
    *,
    now: dt.datetime | None = None,
) -> dict[str, Value]:
    """Store the draft answers to one questionnaire (for one session, or ""); returns them
    cleaned. An emptied answer is removed; an unchanged one is not rewritten."""
    if questionnaire.phase != Phase.SESSION and session_uid:
        raise InvalidInputError("only per-session questionnaires take a session")
    by_id = {q.id: q for q in questionnaire.questions}
    cleaned: dict[str, Value | None] = {}
    for qid, value in answers.items():
        if qid not in by_id:
            raise InvalidInputError(f"no question {qid!r} in {questionnaire.id}")
        cleaned[qid] = clean_value(by_id[qid], value)
    stored = {k: list(v) if isinstance(v, tuple) else v for k, v in cleaned.items()}
    key = (questionnaire.id, questionnaire.version)
    with store.unit() as s:
        write_answers(s, event_id, key, session_uid, stored, now or dt.datetime.now(dt.UTC))
    return {k: v for k, v in cleaned.items() if v is not None}


@dataclass(frozen=True, slots=True)
class Completion:
    answered: int
    total: int
    required_missing: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def completion(questionnaire: Questionnaire, answers: Mapping[str, object]) -> Completion:
    answered = sum(1 for q in questionnaire.questions if answers.get(q.id) not in (None, "", ()))
    missing = sum(
        1 for q in questionnaire.questions if q.required and answers.get(q.id) in (None, "", ())
    )
    return Completion(answered, len(questionnaire.questions), missing)


def sessions_for(
    questionnaire: Questionnaire, sessions: tuple[SessionRef, ...]
) -> list[SessionRef]:
    """The sessions a per-session questionnaire is answered for."""
    if questionnaire.phase != Phase.SESSION:
        return []
    if questionnaire.session_id:
        return [x for x in sessions if x.id == questionnaire.session_id]
    return list(sessions)
