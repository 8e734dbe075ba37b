"""Organiser content survives the trip into rows and back, times stored as naive UTC."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from import_factory import hague, loaded
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session as OrmSession

from fieldvisit.domain.model import Question, QuestionKind
from fieldvisit.packs.manifest import LoadedPack
from fieldvisit.paths import resolve
from fieldvisit.services.importing import pack_origin
from fieldvisit.services.store import Store
from fieldvisit.storage import repository
from fieldvisit.storage.models import DocumentRow, QuestionnaireRow, SessionRow, StopRow
from fieldvisit.storage.repo.installs import installed_version
from fieldvisit.storage.repository import (
    load_content,
    load_documents,
    load_event,
    load_itineraries,
    load_people,
    load_questionnaires,
    load_sessions,
    replace_content,
)


def put(session: OrmSession, pack: LoadedPack, pack_file: str) -> None:
    replace_content(session, pack.content, pack_origin(pack, pack_file))


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    yield opened
    opened.close()


def test_round_trip_is_exact_and_aware(store: Store, tmp_path: Path) -> None:
    content = hague()
    with store.unit() as s:
        put(s, loaded(tmp_path, content), "hague-2017-v1.fvpack")
    with store.unit() as s:
        back = load_content(s, "hague-2017")
        assert installed_version(s, "hague-2017") == 1
        assert installed_version(s, "nowhere") is None
    assert back == content
    assert back.sessions[0].start.tzinfo is not None
    assert str(back.sessions[0].start.tzinfo) == "Europe/Amsterdam"


def test_times_are_stored_as_naive_utc(store: Store, tmp_path: Path) -> None:
    with store.unit() as s:
        put(s, loaded(tmp_path, hague()), "p.fvpack")
    with store.unit() as s:
        start = s.execute(select(SessionRow.start_utc).where(SessionRow.uid == "open")).scalar()
        stop = s.execute(select(StopRow.start_utc).where(StopRow.uid == "s3")).scalar()
    assert start == dt.datetime(2017, 2, 15, 8, 0)  # 09:00 CET
    assert stop == dt.datetime(2017, 2, 16, 10, 15)


def test_per_kind_readers(store: Store, tmp_path: Path) -> None:
    content = hague()
    shuffled = dataclasses.replace(content, sessions=tuple(reversed(content.sessions)))
    with store.unit() as s:
        put(s, loaded(tmp_path, shuffled), "p.fvpack")
    with store.unit() as s:
        assert load_event(s, "hague-2017") == content.event
        assert [x.id for x in load_sessions(s, "hague-2017")] == ["open", "wg1", "visit"]
        assert [x.id for x in load_sessions(s, "hague-2017", pack_order=True)] == [
            "visit",
            "wg1",
            "open",
        ]
        assert tuple(load_people(s, "hague-2017")) == content.people
        assert tuple(load_itineraries(s, "hague-2017")) == content.itineraries
        assert tuple(load_documents(s, "hague-2017")) == content.documents
        sha, size = s.execute(select(DocumentRow.sha256, DocumentRow.size)).one()
        with pytest.raises(KeyError):
            load_event(s, "nowhere")
    assert size == len(b"%PDF-1.4 briefing")
    assert len(sha) == 64


def test_replace_drops_removed_rows_and_keeps_old_questionnaire_versions(
    store: Store, tmp_path: Path
) -> None:
    v1 = hague()
    [q1] = v1.questionnaires
    q2 = dataclasses.replace(
        q1, version=2, questions=(*q1.questions, Question("q3", QuestionKind.LONG_TEXT, "More?"))
    )
    v2 = dataclasses.replace(v1, sessions=v1.sessions[:1], questionnaires=(q2,))
    with store.unit() as s:
        put(s, loaded(tmp_path, v1), "v1")
    with store.unit() as s:
        put(s, loaded(tmp_path, v2, version=2), "v2")
    with store.unit() as s:
        assert load_content(s, "hague-2017") == v2
        assert load_questionnaires(s, "hague-2017") == [q2]
        every = load_questionnaires(s, "hague-2017", current_only=False)
        assert sorted(q.version for q in every) == [1, 2]
    # The same version again replaces its row instead of adding one.
    with store.unit() as s:
        put(s, loaded(tmp_path, v2, version=3), "v3")
    with store.unit() as s:
        rows = s.execute(select(QuestionnaireRow.version, QuestionnaireRow.current)).all()
    assert sorted(rows) == [(1, False), (2, True)]


def test_bulk_writes_exactly_what_insert_writes(store: Store, tmp_path: Path) -> None:
    """The fast executemany path stores the same raw values as SQLAlchemy's insert()."""
    with store.unit() as s:
        put(s, loaded(tmp_path, hague()), "p.fvpack")
        row = dict(
            s.execute(select(SessionRow.__table__).where(SessionRow.uid == "wg1")).one()._mapping
        )
        row.pop("pk")
        twin = {**row, "event_id": "hague-2017", "uid": "twin"}
        s.execute(insert(SessionRow), [twin])
        repository._bulk(s, SessionRow, [{**row, "uid": "bulk"}])
        raw = s.execute(
            text("SELECT * FROM sessions WHERE uid IN ('twin', 'bulk') ORDER BY uid")
        ).all()
    bulk, plain = (tuple(v for k, v in r._mapping.items() if k not in {"pk", "uid"}) for r in raw)
    assert bulk == plain
