"""Questions service: value validation, draft upsert/removal, completion, old versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Phase, Question, QuestionKind, Questionnaire
from fieldvisit.paths import resolve
from fieldvisit.services import questions as qs
from fieldvisit.services.store import Store
from fieldvisit.storage.models import AnswerRow, EventRow, QuestionnaireRow

Q = Questionnaire(
    id="q",
    version=1,
    title="Before",
    phase=Phase.BEFORE,
    questions=(
        Question("name", QuestionKind.TEXT, "Organisation?", required=True),
        Question("role", QuestionKind.SINGLE, "Role?", options=("Police", "Other")),
        Question("topics", QuestionKind.MULTIPLE, "Topics", options=("A", "B", "C")),
        Question("xp", QuestionKind.SCALE, "Experience", scale_min=1, scale_max=5),
    ),
)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    with opened.unit() as s:
        s.add(
            EventRow(
                id="ev",
                title="E",
                timezone="UTC",
                start_date=dt.date(2021, 5, 25),
                end_date=dt.date(2021, 5, 26),
                data={},
                map_data=None,
                pack_id="p",
                pack_version=1,
                pack_file="p",
                signed=True,
                key_fingerprint=None,
                return_key=None,
            )
        )
        s.flush()
        s.add(
            QuestionnaireRow(
                event_id="ev",
                uid="q",
                version=1,
                title="Before",
                phase="before",
                session_id=None,
                current=False,
                questions=[{"id": "name", "kind": "text", "text": "Old?"}],
            )
        )
        s.add(
            QuestionnaireRow(
                event_id="ev",
                uid="q",
                version=2,
                title="Before",
                phase="before",
                session_id=None,
                current=True,
                questions=[{"id": "name", "kind": "text", "text": "New?"}],
            )
        )
    yield opened
    opened.close()


def test_clean_value_rules() -> None:
    text, single, multi, scale = Q.questions
    assert qs.clean_value(text, "  ") is None
    assert qs.clean_value(single, "Police") == "Police"
    assert qs.clean_value(multi, ["C", "A"]) == ("A", "C")
    assert qs.clean_value(scale, 5) == 5
    for question, bad in (
        (single, "Army"),
        (multi, ["Z"]),
        (scale, 6),
        (scale, True),
        (scale, "3"),
        (text, 3),
        (text, "x" * (qs.MAX_TEXT + 1)),
    ):
        with pytest.raises(InvalidInputError):
            qs.clean_value(question, bad)


def test_save_upserts_and_removes(store: Store) -> None:
    saved = qs.save_answers(store, "ev", Q, "", {"name": "Police NL", "topics": ["B"], "xp": 3})
    assert saved == {"name": "Police NL", "topics": ("B",), "xp": 3}
    qs.save_answers(store, "ev", Q, "", {"name": "Police NL", "xp": None})
    with store.unit() as s:
        rows = {r.question_uid: (r.value, r.revision) for r in s.query(AnswerRow)}
    assert rows == {"name": ({"value": "Police NL"}, 1), "topics": ({"value": ["B"]}, 1)}
    qs.save_answers(store, "ev", Q, "", {"name": "Politie"})
    with store.unit() as s:
        assert s.query(AnswerRow).filter_by(question_uid="name").one().revision == 2
    with pytest.raises(InvalidInputError):
        qs.save_answers(store, "ev", Q, "", {"nope": "x"})
    with pytest.raises(InvalidInputError):
        qs.save_answers(store, "ev", Q, "s1", {"name": "x"})


def test_completion_counts_required() -> None:
    c = qs.completion(Q, {"role": "Other", "xp": 2})
    assert (c.answered, c.total, c.required_missing, c.complete) == (2, 4, 1, False)


def test_old_version_with_answers_stays_readable(store: Store) -> None:
    old = Questionnaire(
        id="q",
        version=1,
        title="Before",
        phase=Phase.BEFORE,
        questions=(Question("name", QuestionKind.TEXT, "Old?"),),
    )
    qs.save_answers(store, "ev", old, "", {"name": "answered long ago"})
    data = qs.load_questions(store, "ev")
    assert [(q.id, q.version) for q in data.current] == [("q", 2)]
    assert [(q.id, q.version) for q in data.older] == [("q", 1)]
    assert data.answers[("q", 1, "")] == {"name": "answered long ago"}
    assert qs.load_questions(store, "missing").current == ()
