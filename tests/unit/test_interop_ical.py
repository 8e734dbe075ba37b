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


BRUSSELS_HEADER = "X-WR-TIMEZONE:Europe/Brussels\r\n"


def _series(uid: str, start: str, rule: str, summary: str = "Item", extra: str = "") -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTART;TZID=Europe/Brussels:{start}",
        "DURATION:PT30M",
        f"SUMMARY:{summary}",
        f"RRULE:{rule}",
    ]
    if extra:
        lines.append(extra)
    lines.append("END:VEVENT")
    return "\r\n".join(lines) + "\r\n"


def test_a_recurring_session_becomes_one_session_per_occurrence(tmp_path: Path) -> None:
    body = (
        _vevent("opening", ";TZID=Europe/Brussels:20170215T090000",
                ";TZID=Europe/Brussels:20170215T100000")
        + _series("coffee", "20170215T103000", "FREQ=DAILY;COUNT=3", "Coffee",
                  "EXDATE;TZID=Europe/Brussels:20170217T103000")
        # The second day's coffee moves to 10:45 and gets its own title.
        + "BEGIN:VEVENT\r\nUID:coffee\r\n"
        "RECURRENCE-ID;TZID=Europe/Brussels:20170216T103000\r\n"
        "DTSTART;TZID=Europe/Brussels:20170216T104500\r\n"
        "DTEND;TZID=Europe/Brussels:20170216T111500\r\n"
        "SUMMARY:Coffee (late)\r\nEND:VEVENT\r\n"
    )  # fmt: skip
    content = read_ical(_ics(tmp_path, body, BRUSSELS_HEADER)).content
    brussels = ZoneInfo("Europe/Brussels")
    got = [(s.id, s.title, s.start, s.end - s.start) for s in content.sessions]
    assert got == [
        ("opening", "Item", dt.datetime(2017, 2, 15, 9, tzinfo=brussels), dt.timedelta(hours=1)),
        (
            "coffee-20170215T1030",
            "Coffee",
            dt.datetime(2017, 2, 15, 10, 30, tzinfo=brussels),
            dt.timedelta(minutes=30),
        ),
        # Its id keeps the original time: a pack update that moves it keeps the delegate's notes.
        (
            "coffee-20170216T1030",
            "Coffee (late)",
            dt.datetime(2017, 2, 16, 10, 45, tzinfo=brussels),
            dt.timedelta(minutes=30),
        ),
    ]  # fmt: skip  (the 17th is an EXDATE)
    assert content.event.end_date == dt.date(2017, 2, 16)
    assert content.extra["recurring_expanded"] == "1 series into 2 sessions"
    assert "recurring_cut" not in content.extra


def test_an_open_ended_series_stops_at_the_programme_end(tmp_path: Path) -> None:
    body = (
        _vevent("day-1", ";TZID=Europe/Brussels:20170215T090000",
                ";TZID=Europe/Brussels:20170215T170000")
        + _vevent("day-2", ";TZID=Europe/Brussels:20170216T090000",
                  ";TZID=Europe/Brussels:20170216T170000")
        + _series("standup", "20170215T083000", "FREQ=DAILY", "Stand-up")
    )  # fmt: skip
    content = read_ical(_ics(tmp_path, body, BRUSSELS_HEADER)).content
    standups = [s.start.date() for s in content.sessions if s.title == "Stand-up"]
    assert standups == [dt.date(2017, 2, 15), dt.date(2017, 2, 16)]
    assert content.event.end_date == dt.date(2017, 2, 16)
    assert content.extra["recurring_cut"] == (
        "repeats after 2017-02-16 left out (open-ended): Stand-up"
    )
    # With nothing but open-ended series, the programme is two weeks from the first day.
    alone = read_ical(_ics(tmp_path, _series("w", "20170215T083000", "FREQ=WEEKLY"),
                           BRUSSELS_HEADER)).content  # fmt: skip
    assert [s.start.date() for s in alone.sessions] == [dt.date(2017, 2, 15), dt.date(2017, 2, 22)]


def test_runaway_and_broken_recurrence_rules_are_refused(tmp_path: Path) -> None:
    runaway = _ics(tmp_path, _series("tick", "20170215T083000", "FREQ=MINUTELY;COUNT=50000"),
                   BRUSSELS_HEADER)  # fmt: skip
    with pytest.raises(InvalidInputError, match="more than 2000 times") as caught:
        read_ical(runaway)
    assert caught.value.path == str(runaway)
    assert caught.value.field == "VCALENDAR/VEVENT[1]/RRULE"
    broken = _ics(tmp_path, _series("bad", "20170215T083000", "FREQ=SOMETIMES"), BRUSSELS_HEADER)
    with pytest.raises(InvalidInputError) as caught:
        read_ical(broken)
    assert caught.value.path == str(broken)


def test_pack_build_tells_the_organiser_what_recurring_events_became(tmp_path: Path) -> None:
    from fieldvisit.packs.build import build

    body = _vevent(
        "day-1", ";TZID=Europe/Brussels:20170215T090000", ";TZID=Europe/Brussels:20170215T170000"
    ) + _series("standup", "20170215T083000", "FREQ=DAILY", "Stand-up")
    report = build(_ics(tmp_path, body, BRUSSELS_HEADER), tmp_path / "e.fvpack", keys=None)
    assert "  warning: recurring events expanded: 1 series into 1 sessions" in report.lines()
    assert any("left out (open-ended): Stand-up" in w for w in report.warnings)
