"""frab/pretalx schedule JSON import: the c3voc examples (one valid, one messy) and quirks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import SessionKind
from fieldvisit.interop.schedule import read_schedule
from fieldvisit.interop.schedule_json import read_schedule_json

BERLIN = ZoneInfo("Europe/Berlin")


def test_pretalx_democon(schedules: Path) -> None:
    content = read_schedule_json(schedules / "c3voc_pretalx-democon.json").content
    assert (content.event.id, content.event.title) == ("democon", "DemoCon")
    assert content.event.timezone == "UTC"  # what the file declares
    assert len(content.sessions) == 36
    first = next(s for s in content.sessions if s.id == "8079583e-8321-506c-95af-fd2903a5f075")
    # "2020-12-14T09:00:00+01:00" in a UTC event: the instant is kept, shown in UTC.
    assert first.start == dt.datetime(2020, 12, 14, 8, 0, tzinfo=dt.UTC)
    assert first.start.utcoffset() == dt.timedelta(0)
    assert first.end - first.start == dt.timedelta(minutes=30)
    assert (first.room, first.track, first.kind) == ("Gray Room", "Phased", SessionKind.TALK)
    assert first.description.startswith("Brand back-end models!\n\nStation provide")
    assert first.speaker_ids == ("26",)
    kinds = {s.kind for s in content.sessions}
    assert kinds == {SessionKind.TALK, SessionKind.WORKSHOP}


def test_frab_camp2019_which_fails_the_schema(schedules: Path) -> None:
    content = read_schedule(schedules / "c3voc_frab-camp2019.json").content
    assert content.extra["source_format"] == "frab-json"
    assert content.event.timezone == "Europe/Berlin"
    assert len(content.sessions) == 79
    opening = next(s for s in content.sessions if s.title == "Opening Ceremony")
    assert opening.start == dt.datetime(2019, 8, 21, 11, 0, tzinfo=BERLIN)
    assert opening.start.utcoffset() == dt.timedelta(hours=2)
    assert opening.speaker_ids == ("7797", "4827")
    # A late show crossing midnight keeps its real end on the next day.
    late = next(s for s in content.sessions if s.id == "ed4b6c75-14f4-49fe-a11e-3762bd6b54e3")
    assert late.start == dt.datetime(2019, 8, 22, 23, 0, tzinfo=BERLIN)
    assert late.end == dt.datetime(2019, 8, 23, 0, 30, tzinfo=BERLIN)


def _write(tmp_path: Path, events: list[dict[str, Any]], **conference: Any) -> Path:
    conf: dict[str, Any] = {
        "acronym": "rtf",
        "title": "Returns",
        "time_zone_name": "Europe/Amsterdam",
        "days": [{"index": 1, "date": "2017-02-15", "rooms": {"Hall": events}}],
    }
    conf.update(conference)
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps({"schedule": {"conference": conf}}), encoding="utf-8")
    return path


def test_messy_fields_are_tolerated(tmp_path: Path) -> None:
    events = [
        {
            "id": 5,  # ids as numbers, no guid, null type and track
            "date": "2017-02-15T10:00:00",
            "duration": "1:30",
            "title": "Working group",
            "type": None,
            "track": None,
            "abstract": "<p>On <b>rehabilitation</b> &amp; reintegration.</p><ul><li>one</li></ul>",
            "persons": [{"public_name": "No Id"}, {"name": "Old Style", "id": 3}, "Bare Name"],
        }
    ]
    (session,) = read_schedule_json(_write(tmp_path, events)).content.sessions
    assert session.id == "5"
    assert session.kind is SessionKind.TALK
    assert session.end.astimezone(dt.UTC) - session.start.astimezone(dt.UTC) == dt.timedelta(
        hours=1, minutes=30
    )
    assert session.description == "On rehabilitation & reintegration.\n\n- one"
    assert len(session.speaker_ids) == 3 and session.speaker_ids[1] == "3"


def test_structure_errors_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schedule": {"conference": {"days": {"oops": 1}}}}), "utf-8")
    with pytest.raises(InvalidInputError, match="expected a list") as caught:
        read_schedule_json(path)
    assert caught.value.field == "schedule/conference/days"
    events: list[dict[str, Any]] = [{"guid": "a", "start": "10:00", "duration": "00:30"}, "x"]  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="expected an object") as caught:
        read_schedule_json(_write(tmp_path, events))
    assert caught.value.field == "schedule/conference/days[1]/rooms/Hall[2]"


def test_missing_start_and_end_before_start(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"guid": "a", "duration": "00:30"}])
    with pytest.raises(InvalidInputError, match="no start time") as caught:
        read_schedule_json(path)
    assert caught.value.field == "schedule/conference/days[1]/rooms/Hall[1]/start"
    path = _write(tmp_path, [{"guid": "a", "start": "10:00", "duration": "-1:00"}])
    with pytest.raises(InvalidInputError, match="end is before start"):
        read_schedule_json(path)


def test_syntax_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schedule": {\n  "conference": [1, 2,,]}}', encoding="utf-8")
    with pytest.raises(InvalidInputError, match="line 2") as caught:
        read_schedule_json(path)
    assert caught.value.path == str(path)
