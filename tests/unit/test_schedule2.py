"""The c3voc "schedule 2" JSON (flat events, room objects, participants): read fully."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, cast

import jsonschema
import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import LinkKind, Role, SessionKind
from fieldvisit.interop.schedule import read_schedule
from fieldvisit.packs.build import build

FIXTURE = Path(__file__).parent / "fixtures" / "schedule2.json"


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _fixture() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return loaded


def test_the_fixture_follows_the_c3voc_schema(schedules: Path) -> None:
    schema = json.loads((schedules / "c3voc_schema2.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(cast(Any, _fixture()))] == []


def test_schedule2_is_read_fully() -> None:
    bundle = read_schedule(FIXTURE)
    content = bundle.content
    assert content.extra["source_format"] == "c3voc-schedule2"
    assert content.event.id == "fieldday2026"
    assert content.event.timezone == "Europe/Berlin"
    sessions = {s.title: s for s in content.sessions}
    # The withdrawn event is left out, and said so.
    assert len(sessions) == 7
    assert "Withdrawn talk" not in sessions
    family = sessions["Family work that lasts"]
    assert (family.start.isoformat(), family.end.isoformat()) == (
        "2026-10-12T10:00:00+02:00",
        "2026-10-12T10:45:00+02:00",
    )
    assert (family.room, family.track) == ("Saal Eins", "Prevention")
    assert family.description == "How family work keeps people out."  # English first
    assert [x.kind for x in family.links] == [
        LinkKind.WEB_PAGE,
        LinkKind.SLIDES,
        LinkKind.VIDEO,
        LinkKind.FEEDBACK,
    ]
    (paper,) = content.documents
    assert paper.url == "https://hub.example/media/attachments/family-paper.pdf"
    assert family.document_ids == (paper.id,)
    assert sessions["Exit counselling: hands-on"].kind is SessionKind.WORKSHOP
    assert sessions["Lunch"].kind is SessionKind.BREAK
    late = sessions["Late night session that crosses midnight"]
    assert late.end.isoformat() == "2026-10-13T00:30:00+02:00"
    remote = sessions["Remote panel: online radicalisation"]
    assert remote.kind is SessionKind.PANEL
    # The online room's stream address is the session's join link.
    assert remote.links[-1].kind is LinkKind.JOIN
    assert remote.online_url == "https://streaming.example/online-stage"
    roles = {p.name: p.role for p in content.people}
    assert roles == {
        "Mara Lind": Role.SPEAKER,
        "Sven Olsen": Role.CHAIR,
        "Aylin Demir": Role.SPEAKER,
        "Jonas Berg": Role.SPEAKER,
        "Priya Nair": Role.SPEAKER,
    }
    # Aylin speaks twice: one person.
    aylin = next(p.id for p in content.people if p.name == "Aylin Demir")
    assert sum(aylin in s.speaker_ids for s in content.sessions) == 2


def test_build_report_of_a_schedule2(tmp_path: Path) -> None:
    report = build(FIXTURE, tmp_path / "fd.fvpack", keys=None)
    counts = {what: (found, carried) for what, found, carried in report.counts()}
    assert counts == {
        "events": (8, 7),
        "people": (5, 5),
        "rooms": (3, 3),
        "links": (10, 11),  # + the online room's join link
        "attachments": (1, 1),
    }
    assert any("withdrawn" in line for line in report.lines())


def test_detected_by_shape_without_schema(tmp_path: Path) -> None:
    document = _fixture()
    del document["$schema"]
    assert len(read_schedule(_write(tmp_path, document)).content.sessions) == 7


def test_lenient_where_real_files_differ(tmp_path: Path) -> None:
    document = copy.deepcopy(_fixture())
    schedule = document["schedule"]
    assert isinstance(schedule, dict)
    events = schedule["events"]
    first = events[0]
    # No end but a duration, a room by name only, a track as text, no guid, extra fields.
    del first["end"], first["guid"], first["links"]
    first.update(duration="PT45M", room="Saal Eins", track="Prevention", foo={"bar": 1})
    content = read_schedule(_write(tmp_path, document)).content
    opening = next(s for s in content.sessions if s.title == "Opening")
    assert opening.end.isoformat() == "2026-10-12T09:45:00+02:00"
    assert (opening.room, opening.track) == ("Saal Eins", "Prevention")


def test_end_before_start_is_refused(tmp_path: Path) -> None:
    document = copy.deepcopy(_fixture())
    schedule = document["schedule"]
    assert isinstance(schedule, dict)
    schedule["events"][0]["end"] = "2026-10-12T08:00:00+02:00"
    with pytest.raises(InvalidInputError, match="negative duration") as caught:
        read_schedule(_write(tmp_path, document))
    assert caught.value.field == "schedule/events[1]/duration"


def test_every_event_withdrawn_is_an_error_not_an_empty_pack(tmp_path: Path) -> None:
    document = copy.deepcopy(_fixture())
    schedule = document["schedule"]
    assert isinstance(schedule, dict)
    for event in schedule["events"]:
        event["state"] = "CANCELED"
        event.setdefault("guid", "00000000-0000-0000-0000-000000000000")
    path = _write(tmp_path, document)
    out = tmp_path / "empty.fvpack"
    with pytest.raises(InvalidInputError, match="none became a session"):
        build(path, out, keys=None)
    assert not out.exists()
