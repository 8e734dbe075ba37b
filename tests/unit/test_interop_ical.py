"""iCalendar import (linux.conf.au 2020: TZID with no VTIMEZONE) and its edge cases."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import PackContent, SessionKind
from fieldvisit.interop.ical import read_ical
from fieldvisit.interop.schedule import read_schedule

BRISBANE = ZoneInfo("Australia/Brisbane")


@lru_cache(maxsize=1)
def _lca(folder: Path) -> PackContent:
    return read_ical(folder / "lca2020.ics").content


def test_lca_event(schedules: Path) -> None:
    content = _lca(schedules)
    assert len(content.sessions) == 262
    assert content.event.timezone == "Australia/Brisbane"
    assert content.event.title == "linux.conf.au 2020"
    assert content.event.id == "linux-conf-au-2020"
    assert (content.event.start_date, content.event.end_date) == (
        dt.date(2020, 1, 12),
        dt.date(2020, 1, 17),
    )


def test_lca_session_at_its_brisbane_time(schedules: Path) -> None:
    content = _lca(schedules)
    welcome = next(s for s in content.sessions if s.id == "94@lca2020.linux.org.au")
    assert welcome.title == "Wednesday Welcome"
    assert welcome.start == dt.datetime(2020, 1, 15, 9, 0, tzinfo=BRISBANE)
    assert welcome.start.utcoffset() == dt.timedelta(hours=10)  # Brisbane has no DST
    assert welcome.start.astimezone(dt.UTC) == dt.datetime(2020, 1, 14, 23, 0, tzinfo=dt.UTC)
    assert welcome.end == dt.datetime(2020, 1, 15, 9, 10, tzinfo=BRISBANE)
    assert welcome.room == "Arena"
    # "Speaker: Joel Addison" leads the description: it becomes a speaker, not text.
    assert welcome.description == "Opening Remarks and Housekeeping"
    (speaker,) = welcome.speaker_ids
    assert {p.id: p.name for p in content.people}[speaker] == "Joel Addison"


def test_lca_html_description_is_plain_text(schedules: Path) -> None:
    breakfast = next(s for s in _lca(schedules).sessions if s.id == "201@lca2020.linux.org.au")
    assert breakfast.description.startswith(
        "Women of Open Technology Breakfast, Presented by ThoughtWorks"
    )
    assert "<" not in breakfast.description
    assert "Only for attendees with a ticket." in breakfast.description


def _ics(tmp_path: Path, body: str, header: str = "") -> Path:
    path = tmp_path / "programme.ics"
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + header
        + body
        + "END:VCALENDAR\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    return path


def _vevent(uid: str, start: str, end: str = "", extra: str = "") -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTART{start}", "SUMMARY:Item"]
    if end:
        lines.append(f"DTEND{end}")
    if extra:
        lines.append(extra)
    lines.append("END:VEVENT")
    return "\r\n".join(lines) + "\r\n"


def test_zone_from_tzid_and_utc_and_floating(tmp_path: Path) -> None:
    body = (
        _vevent("a", ";TZID=Asia/Tashkent:20210525T093000", ";TZID=Asia/Tashkent:20210525T110000")
        + _vevent("b", ":20210525T043000Z", ":20210525T050000Z", "CATEGORIES:Workshop,Track A")
        + _vevent("c", ":20210525T120000", ":20210525T123000")
    )
    content = read_ical(_ics(tmp_path, body)).content
    tashkent = ZoneInfo("Asia/Tashkent")
    assert content.event.timezone == "Asia/Tashkent"
    a, b, c = content.sessions
    assert a.start == dt.datetime(2021, 5, 25, 9, 30, tzinfo=tashkent)
    assert b.start == dt.datetime(2021, 5, 25, 9, 30, tzinfo=tashkent)  # 04:30Z
    assert b.kind is SessionKind.WORKSHOP and b.track == "Workshop"
    assert c.start == dt.datetime(2021, 5, 25, 12, 0, tzinfo=tashkent)  # floating: local


def test_no_zone_needs_one_given(tmp_path: Path) -> None:
    path = _ics(tmp_path, _vevent("a", ":20210525T043000Z", ":20210525T050000Z"))
    with pytest.raises(InvalidInputError, match="no IANA time zone") as caught:
        read_ical(path)
    assert caught.value.path == str(path)
    content = read_ical(path, timezone="Europe/Brussels", event_id="ran").content
    assert content.sessions[0].start.isoformat() == "2021-05-25T06:30:00+02:00"
    assert content.event.id == "ran"


def test_unknown_tzid_is_refused_not_guessed(tmp_path: Path) -> None:
    body = _vevent("a", ";TZID=Mars/Olympus:20210525T093000", ";TZID=Mars/Olympus:20210525T100000")
    path = _ics(tmp_path, body, "X-WR-TIMEZONE:Europe/Brussels\r\n")
    with pytest.raises(InvalidInputError, match="unknown time zone 'Mars/Olympus'") as caught:
        read_ical(path)
    assert caught.value.field == "VCALENDAR/VEVENT[1]/DTSTART"


def test_unknown_calendar_zone_is_refused(tmp_path: Path) -> None:
    path = _ics(tmp_path, _vevent("a", ":20210525T093000"), "X-WR-TIMEZONE:Nowhere/Land\r\n")
    with pytest.raises(InvalidInputError, match="unknown time zone") as caught:
        read_ical(path)
    assert caught.value.field == "VCALENDAR/X-WR-TIMEZONE"


def test_end_before_start_and_missing_start(tmp_path: Path) -> None:
    header = "X-WR-TIMEZONE:Europe/Brussels\r\n"
    path = _ics(tmp_path, _vevent("a", ":20210525T100000", ":20210525T090000"), header)
    with pytest.raises(InvalidInputError, match="end is before start") as caught:
        read_ical(path)
    assert caught.value.field == "VCALENDAR/VEVENT[1]/DTEND"
    path = _ics(tmp_path, _vevent("a", ":20210525T100000", ":20210625T090000"), header)
    with pytest.raises(InvalidInputError, match="more than 14 days"):
        read_ical(path)
    body = "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
    with pytest.raises(InvalidInputError, match="no start time") as caught:
        read_ical(_ics(tmp_path, body, header))
    assert caught.value.field == "VCALENDAR/VEVENT[1]/DTSTART"


def test_duration_all_day_cancelled_and_duplicate_uids(tmp_path: Path) -> None:
    body = (
        _vevent("same", ":20210525T093000", extra="DURATION:PT45M")
        + _vevent("same", ";VALUE=DATE:20210526")
        + _vevent("gone", ":20210525T093000", ":20210525T100000", "STATUS:CANCELLED")
    )
    content = read_ical(_ics(tmp_path, body, "X-WR-TIMEZONE:Europe/Brussels\r\n")).content
    timed, all_day = content.sessions
    assert [s.id for s in content.sessions] == ["same", "same-2"]
    assert timed.end.isoformat() == "2021-05-25T10:15:00+02:00"
    assert all_day.start.isoformat() == "2021-05-26T00:00:00+02:00"
    assert all_day.end.isoformat() == "2021-05-27T00:00:00+02:00"


def test_sniffed_by_content(tmp_path: Path) -> None:
    path = _ics(tmp_path, _vevent("a", ":20210525T093000", ":20210525T100000"))
    renamed = path.rename(tmp_path / "download")
    bundle = read_schedule(renamed, timezone="Europe/Brussels")
    assert bundle.content.extra["source_format"] == "icalendar"
    assert bundle.files == {}
