"""Pentabarf/frab XML import: the real FOSDEM 2025 schedule and the quirks real files have."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import PackContent, Session, SessionKind
from fieldvisit.interop.frab_xml import read_frab_xml
from fieldvisit.interop.html_text import html_to_text
from fieldvisit.interop.schedule import read_schedule

BRUSSELS = ZoneInfo("Europe/Brussels")


@lru_cache(maxsize=1)
def _fosdem(folder: Path) -> PackContent:
    # Parsed once per run: every FOSDEM test reads the same 2 MB file.
    return read_frab_xml(folder / "fosdem2025_pentabarf.xml").content


def _by_id(content: PackContent, session_id: str) -> Session:
    return next(s for s in content.sessions if s.id == session_id)


def test_fosdem_counts_and_event(schedules: Path) -> None:
    content = _fosdem(schedules)
    assert len(content.sessions) == 943
    assert len(content.people) == 992
    event = content.event
    assert (event.id, event.title, event.timezone) == (
        "fosdem-2025",
        "FOSDEM 2025",
        "Europe/Brussels",
    )
    assert (event.start_date, event.end_date) == (dt.date(2025, 2, 1), dt.date(2025, 2, 2))
    assert event.venues[0].name == "ULB (Université Libre de Bruxelles)"
    assert event.url == "https://fosdem.org/2025/schedule/"
    assert len({s.id for s in content.sessions}) == 943


def test_fosdem_event_at_its_brussels_time(schedules: Path) -> None:
    session = _by_id(_fosdem(schedules), "852280ac-61d3-588c-b74c-8d87f9d9d2c6")
    assert session.title == "A New Approach to Callee-Saved Registers in LLVM"
    assert session.start == dt.datetime(2025, 2, 1, 10, 35, tzinfo=BRUSSELS)
    assert session.start.utcoffset() == dt.timedelta(hours=1)
    assert session.start.astimezone(dt.UTC).hour == 9
    assert session.end - session.start == dt.timedelta(minutes=25)
    assert (session.room, session.track, session.language) == ("K.3.201", "LLVM", "en")
    assert session.kind is SessionKind.TALK  # "devroom" is no known type
    assert session.speaker_ids == ("4744",)
    people = {p.id: p for p in _fosdem(schedules).people}
    assert people["4744"].name == "Mikhail Gudim"
    assert not people["4744"].listed and not people["4744"].email


def test_fosdem_abstract_html_becomes_plain_text(schedules: Path) -> None:
    content = _fosdem(schedules)
    session = _by_id(content, "852280ac-61d3-588c-b74c-8d87f9d9d2c6")
    assert session.description.startswith("Currently LLVM saves and restores")
    assert "<p>" not in session.description and "</p>" not in session.description
    assert not any("<p>" in s.description or "&lt;" in s.description for s in content.sessions)


def test_fosdem_is_sniffed_by_content(schedules: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "programme.txt"
    renamed.write_bytes((schedules / "fosdem2025_pentabarf.xml").read_bytes())
    content = read_schedule(renamed).content
    assert len(content.sessions) == 943
    assert content.extra["source_format"] == "frab-xml"


def _xml(tmp_path: Path, days: str, *, conference: str | None = None) -> Path:
    conference = conference or (
        "<title>Field Day</title><acronym>fd-2017</acronym><start>2017-02-15</start>"
        "<end>2017-02-16</end><day_change>04:00</day_change>"
        "<time_zone_name>Europe/Amsterdam</time_zone_name>"
    )
    path = tmp_path / "schedule.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><schedule><conference>{conference}'
        f"</conference>{days}</schedule>",
        encoding="utf-8",
    )
    return path


def _event(attrs: str = "", body: str = "") -> str:
    return f"<event {attrs}>{body}</event>"


AMS = ZoneInfo("Europe/Amsterdam")


def test_day_change_moves_early_morning_event_to_the_next_calendar_day(tmp_path: Path) -> None:
    days = (
        '<day index="1" date="2017-02-15"><room name="Hall">'
        + _event('guid="late"', "<start>23:30</start><duration>01:00</duration><title>Late</title>")
        + _event(
            'guid="night"', "<start>01:30</start><duration>00:30</duration><title>Night</title>"
        )
        + "</room></day>"
    )
    content = read_frab_xml(_xml(tmp_path, days)).content
    late, night = content.sessions
    # Listed on the 15th, but 01:30 is before day_change (04:00): it is the 16th's night.
    assert night.start == dt.datetime(2017, 2, 16, 1, 30, tzinfo=AMS)
    # Crossing midnight is fine: 23:30 + 1 h ends on the next day.
    assert late.start == dt.datetime(2017, 2, 15, 23, 30, tzinfo=AMS)
    assert late.end == dt.datetime(2017, 2, 16, 0, 30, tzinfo=AMS)
    assert content.event.end_date == dt.date(2017, 2, 16)


def test_times_with_and_without_offsets(tmp_path: Path) -> None:
    days = (
        '<day index="1" date="2017-02-15"><room name="Hall">'
        + _event('guid="a"', "<date>2017-02-15T10:00:00+01:00</date><duration>00:30</duration>")
        + _event('guid="b"', "<date>2017-02-15T09:00:00Z</date><duration>00:30</duration>")
        + _event('guid="c"', "<date>2017-02-15T12:00:00</date><duration>00:30</duration>")
        + "</room></day>"
    )
    a, b, c = read_frab_xml(_xml(tmp_path, days)).content.sessions
    assert a.start == dt.datetime(2017, 2, 15, 10, 0, tzinfo=AMS)
    assert b.start == dt.datetime(2017, 2, 15, 10, 0, tzinfo=AMS)  # 09:00Z is 10:00 CET
    assert b.start.tzinfo == AMS  # converted into the event's zone, not left in UTC
    assert c.start == dt.datetime(2017, 2, 15, 12, 0, tzinfo=AMS)  # no offset: local time


def test_duration_is_added_in_real_time_across_a_dst_change(tmp_path: Path) -> None:
    days = (
        '<day date="2017-03-25"><room name="Hall">'
        + _event('guid="n"', "<date>2017-03-26T01:30:00+01:00</date><duration>01:00</duration>")
        + "</room></day>"
    )
    conference = "<title>X</title><time_zone_name>Europe/Amsterdam</time_zone_name>"
    (session,) = read_frab_xml(_xml(tmp_path, days, conference=conference)).content.sessions
    # Same-zone subtraction in Python is wall-clock: compare the instants in UTC.
    assert session.end.astimezone(dt.UTC) - session.start.astimezone(dt.UTC) == dt.timedelta(
        hours=1
    )
    assert session.end.isoformat() == "2017-03-26T03:30:00+02:00"


def test_ids_guid_then_id_then_slug_and_start(tmp_path: Path) -> None:
    body = "<start>10:00</start><duration>00:30</duration><title>Same Title</title>"
    days = (
        '<day date="2017-02-15"><room name="Hall">'
        + _event('guid="g-1" id="7"', body)
        + _event('id="8"', body)
        + _event("", body + "<slug>same-title</slug>")
        + _event("", "<start>11:00</start><duration>00:30</duration><title>Näive Über</title>")
        + "</room></day>"
    )
    ids = [s.id for s in read_frab_xml(_xml(tmp_path, days)).content.sessions]
    assert ids == ["g-1", "8", "same-title-20170215T1000", "naive-uber-20170215T1100"]
    again = [s.id for s in read_frab_xml(_xml(tmp_path, days)).content.sessions]
    assert again == ids  # stable across imports


def test_duplicate_ids_are_made_unique_deterministically(tmp_path: Path) -> None:
    body = "<start>10:00</start><duration>00:30</duration>"
    days = (
        '<day date="2017-02-15"><room name="Hall">'
        + _event('guid="dup"', body + "<title>One</title>")
        + _event('guid="dup"', body + "<title>Two</title>")
        + _event('guid="dup"', body + "<title>Three</title>")
        + "</room></day>"
    )
    content = read_frab_xml(_xml(tmp_path, days)).content
    assert [s.id for s in content.sessions] == ["dup", "dup-2", "dup-3"]
    assert [s.title for s in content.sessions] == ["One", "Two", "Three"]
    assert content.extra["repeated_session_ids"] == "dup dup"


def test_two_events_in_one_room_at_once_are_both_kept(tmp_path: Path) -> None:
    body = "<start>10:00</start><duration>00:30</duration>"
    days = (
        '<day date="2017-02-15"><room name="Hall">'
        + _event('guid="x"', body + "<title>X</title>")
        + _event('guid="y"', body + "<title>Y</title>")
        + "</room></day>"
    )
    x, y = read_frab_xml(_xml(tmp_path, days)).content.sessions
    assert (x.room, y.room) == ("Hall", "Hall")
    assert x.start == y.start


def test_persons_without_ids_get_stable_derived_ids(tmp_path: Path) -> None:
    persons = '<persons><person>Anna de Vries</person><person id="12">Bo</person></persons>'
    body = "<start>10:00</start><duration>00:30</duration>" + persons
    days = (
        '<day date="2017-02-15"><room name="Hall">'
        + _event('guid="a"', body)
        + _event('guid="b"', body.replace("10:00", "11:00"))
        + "</room></day>"
    )
    content = read_frab_xml(_xml(tmp_path, days)).content
    a, b = content.sessions
    assert a.speaker_ids == b.speaker_ids
    derived, given = a.speaker_ids
    assert given == "12" and derived.startswith("person-anna-de-vries-")
    assert [p.name for p in content.people] == ["Anna de Vries", "Bo"]
    assert all(p.role == "speaker" and not p.listed for p in content.people)


@pytest.mark.parametrize(
    ("type_name", "kind"),
    [
        ("lecture", SessionKind.TALK),
        ("Lightning Talk", SessionKind.TALK),
        ("workshop", SessionKind.WORKSHOP),
        ("Panel discussion", SessionKind.PANEL),
        ("break", SessionKind.BREAK),
        ("Pause", SessionKind.BREAK),
        ("Keynote", SessionKind.PLENARY),
        ("plenary", SessionKind.PLENARY),
        ("", SessionKind.TALK),
        ("performance", SessionKind.TALK),
    ],
)
def test_types_map_to_kinds(tmp_path: Path, type_name: str, kind: SessionKind) -> None:
    body = f"<start>10:00</start><duration>00:30</duration><type>{type_name}</type>"
    days = '<day date="2017-02-15"><room name="Hall">' + _event('guid="a"', body) + "</room></day>"
    assert read_frab_xml(_xml(tmp_path, days)).content.sessions[0].kind is kind


def test_zone_falls_back_to_the_given_one_and_else_fails(tmp_path: Path) -> None:
    days = (
        '<day date="2017-02-15"><room name="Hall">'
        + _event('guid="a"', "<start>10:00</start><duration>00:30</duration>")
        + "</room></day>"
    )
    path = _xml(tmp_path, days, conference="<title>No Zone</title>")
    content = read_frab_xml(path, timezone="Asia/Almaty", event_id="ran-2021").content
    assert content.event.timezone == "Asia/Almaty"
    assert content.event.id == "ran-2021"  # the file has no acronym
    assert content.sessions[0].start.utcoffset() == dt.timedelta(hours=6)
    with pytest.raises(InvalidInputError, match="names no time zone") as caught:
        read_frab_xml(path)
    assert caught.value.path == str(path)
    assert caught.value.field == "schedule/conference/time_zone_name"


def test_event_id_falls_back_to_a_slug_of_the_title(tmp_path: Path) -> None:
    conference = "<title>Étude Visit 2021</title><time_zone_name>UTC</time_zone_name>"
    days = (
        '<day date="2021-05-25"><room name="Hall">'
        + _event('guid="a"', "<start>10:00</start><duration>00:30</duration>")
        + "</room></day>"
    )
    content = read_frab_xml(_xml(tmp_path, days, conference=conference)).content
    assert content.event.id == "etude-visit-2021"


def test_event_without_start_names_the_field(tmp_path: Path) -> None:
    days = (
        '<day date="2017-02-15"><room name="A"/><room name="B">'
        + _event('guid="a"', "<start>10:00</start><duration>00:30</duration>")
        + _event('guid="b"', "<duration>00:30</duration>")
        + "</room></day>"
    )
    path = _xml(tmp_path, days)
    with pytest.raises(InvalidInputError, match="no start time") as caught:
        read_frab_xml(path)
    assert caught.value.field == "schedule/day[1]/room[2]/event[2]/start"
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("body", "field", "problem"),
    [
        ("<start>10:00</start><duration>-00:30</duration>", "duration", "end is before start"),
        ("<start>10:00</start><duration>00:00</duration>", "duration", "no length"),
        ("<start>10:00</start><duration>half an hour</duration>", "duration", "not HH:MM"),
        ("<start>25:00</start><duration>00:30</duration>", "start", "not HH:MM"),
        ("<date>2017-02-31T10:00:00</date><duration>00:30</duration>", "date", "ISO 8601"),
    ],
)
def test_bad_times_are_refused(tmp_path: Path, body: str, field: str, problem: str) -> None:
    days = '<day date="2017-02-15"><room name="A">' + _event('guid="a"', body) + "</room></day>"
    with pytest.raises(InvalidInputError, match=problem) as caught:
        read_frab_xml(_xml(tmp_path, days))
    assert caught.value.field == f"schedule/day[1]/room[1]/event[1]/{field}"


def test_unknown_zone_is_refused(tmp_path: Path) -> None:
    conference = "<title>X</title><time_zone_name>Mars/Olympus_Mons</time_zone_name>"
    with pytest.raises(InvalidInputError, match="unknown time zone") as caught:
        read_frab_xml(_xml(tmp_path, "", conference=conference))
    assert caught.value.field == "schedule/conference/time_zone_name"


def test_wrong_root_element_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="root element is <rss>"):
        read_frab_xml(path)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"),
        ("Line<br>break<br/>again", "Line\nbreak\nagain"),
        ("<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
        (
            'See <a href="https://example.org/x">the site</a>.',
            "See the site (https://example.org/x).",
        ),
        ('<a href="https://a.example">https://a.example</a>', "https://a.example"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ("<script>alert(1)</script><style>p{}</style>Safe", "Safe"),
        ("a < b and c > d", "a < b and c > d"),
        ("Fish &amp; chips", "Fish & chips"),
        ("  spaced   out  \n\n\n\n  text ", "spaced out\n\ntext"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<P>Upper</P>case", "Upper\n\ncase"),
        ("A&nbsp;B <i>c</i>", "A B c"),
        ("<p>x</p><!DOCTYPE y><p>z</p>", "x\n\nz"),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_deeply_nested_fragment_does_not_recurse() -> None:
    markup = "<b>" * 5000 + "deep" + "</b>" * 5000
    assert html_to_text(markup) == "deep"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    days = (
        '<day date="2017-02-15"><room name="Hall">'
        + _event('guid="a"', "<start>10:00</start><duration>00:30</duration>")
        + "</room></day>"
    )
    path = _xml(tmp_path, days)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(read_schedule(path).content.sessions) == 1
