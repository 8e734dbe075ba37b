"""Exports checked with parsers independent of the ones that wrote them (vobject, ElementTree)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from xml.etree.ElementTree import Element
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as SafeET
import pytest
import vobject

from fieldvisit.domain.errors import StorageError
from fieldvisit.domain.model import (
    Event,
    Itinerary,
    Person,
    Role,
    Session,
    SessionKind,
    Stop,
)
from fieldvisit.interop import atomic
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.interop.gpx import write_gpx
from fieldvisit.interop.ical_agenda import write_agenda_ics
from fieldvisit.interop.vcard import split_name, vcard_text, write_vcards

AMS = ZoneInfo("Europe/Amsterdam")
GPX_NS = {"g": "http://www.topografix.com/GPX/1/1"}

EVENT = Event(
    id="hague-rftf-2017",
    title="International Conference on Returning Foreign Terrorist Fighters",
    timezone="Europe/Amsterdam",
    start_date=dt.date(2017, 2, 15),
    end_date=dt.date(2017, 2, 16),
)
SESSIONS = (
    Session(
        id="opening",
        title="Welcome, by the Mayor; of The Hague",
        kind=SessionKind.PLENARY,
        start=dt.datetime(2017, 2, 15, 9, 0, tzinfo=AMS),
        # Given in UTC on purpose: the export must show it in the event's zone.
        end=dt.datetime(2017, 2, 15, 8, 30, tzinfo=dt.UTC),
        room="Main hall",
        description="Opening.\nSecond line with ünïcödé.",
    ),
    Session(
        id="online-1",
        title="Break-out room",
        kind=SessionKind.ONLINE,
        start=dt.datetime(2017, 2, 16, 11, 0, tzinfo=AMS),
        end=dt.datetime(2017, 2, 16, 12, 0, tzinfo=AMS),
        online_url="https://example.org/join/1",
        confidential=True,
    ),
)


def test_agenda_ics_read_by_vobject(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    stamp = dt.datetime(2017, 2, 1, 12, 0, tzinfo=dt.UTC)
    write_agenda_ics(EVENT, SESSIONS, path, stamp=stamp)
    raw = path.read_bytes()
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam" in raw
    calendar = vobject.readOne(raw.decode("utf-8"))
    events = calendar.contents["vevent"]
    assert [e.uid.value for e in events] == [
        "opening@hague-rftf-2017.fieldvisit",
        "online-1@hague-rftf-2017.fieldvisit",
    ]
    first, second = events
    assert b"DTSTART;TZID=Europe/Amsterdam:20170215T090000\r\n" in raw
    assert b"DTEND;TZID=Europe/Amsterdam:20170215T093000\r\n" in raw
    # vobject builds its own tzinfo from the VTIMEZONE block: compare instants and wall time.
    assert first.dtstart.value.astimezone(dt.UTC) == dt.datetime(2017, 2, 15, 8, 0, tzinfo=dt.UTC)
    assert first.dtstart.value.replace(tzinfo=None) == dt.datetime(2017, 2, 15, 9, 0)
    assert first.dtend.value.replace(tzinfo=None) == dt.datetime(2017, 2, 15, 9, 30)
    assert first.summary.value == "Welcome, by the Mayor; of The Hague"
    assert first.location.value == "Main hall"
    assert first.description.value == "Opening.\nSecond line with ünïcödé."
    assert first.dtstamp.value == stamp
    assert second.url.value == "https://example.org/join/1"
    assert second.getChildValue("class") == "CONFIDENTIAL"
    assert not hasattr(second, "location")


def test_agenda_summer_time_offset(tmp_path: Path) -> None:
    summer = Session(
        id="s",
        title="Summer",
        kind=SessionKind.TALK,
        start=dt.datetime(2021, 5, 25, 9, 30, tzinfo=ZoneInfo("Europe/Brussels")),
        end=dt.datetime(2021, 5, 25, 12, 30, tzinfo=ZoneInfo("Europe/Brussels")),
    )
    event = Event("ran", "RAN", "Europe/Brussels", dt.date(2021, 5, 25), dt.date(2021, 5, 26))
    path = tmp_path / "summer.ics"
    write_agenda_ics(event, [summer], path)
    vevent = vobject.readOne(path.read_text("utf-8")).vevent
    assert vevent.dtstart.value.utcoffset() == dt.timedelta(hours=2)
    assert vevent.dtstart.value.astimezone(dt.UTC).hour == 7


PEOPLE = (
    Person(
        id="desk",
        name="Conference desk",
        role=Role.EMERGENCY,
        organisation="Gemeente Den Haag",
        phone="+31 70 000 0000",
        email="desk@example.org",
        languages=("en", "nl"),
        listed=True,
    ),
    Person(
        id="p2",
        name="Anna van der Berg-Ölçek, with a name long enough to need folding twice over",
        role=Role.FACILITATOR,
    ),
)


def test_vcards_reparsed_by_vobject(tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    write_vcards(PEOPLE, path, event_id="hague-rftf-2017")
    cards = list(vobject.readComponents(path.read_text("utf-8")))
    assert len(cards) == 2
    desk, anna = cards
    assert desk.version.value == "3.0"
    assert desk.fn.value == "Conference desk"
    assert desk.n.value.family == "desk" and desk.n.value.given == "Conference"
    assert desk.org.value == ["Gemeente Den Haag"]
    assert desk.tel.value == "+31 70 000 0000" and desk.tel.params["TYPE"] == ["VOICE"]
    assert desk.email.value == "desk@example.org"
    assert desk.role.value == "Emergency contact"
    assert desk.note.value == "Languages: en, nl"
    assert desk.uid.value == "desk@hague-rftf-2017.fieldvisit"
    assert anna.fn.value == PEOPLE[1].name
    assert not hasattr(anna, "tel") and not hasattr(anna, "email")


def test_vcard_line_structure(tmp_path: Path) -> None:
    text = vcard_text(PEOPLE[1])
    raw = text.encode("utf-8")
    assert raw.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert raw.endswith(b"END:VCARD\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)  # every line end is CRLF
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert any(line.startswith(b" ") for line in lines)  # and folding happened
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    assert "FN:Anna van der Berg-Ölçek\\, with a name long enough" in unfolded


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Jozias van Aartsen", "Jozias", "van Aartsen"),
        ("Anna van der Berg", "Anna", "van der Berg"),
        ("Madonna", "", "Madonna"),
        ("Jordy Krasenberg", "Jordy", "Krasenberg"),
    ],
)
def test_split_name(name: str, given: str, family: str) -> None:
    assert split_name(name) == (given, family)


ITINERARY = Itinerary(
    id="schilderswijk",
    title="Field visit: Schilderswijk",
    stops=(
        Stop(
            id="s1",
            title="Neighbourhood centre & <friends>",
            planned_start=dt.datetime(2017, 2, 16, 11, 0, tzinfo=AMS),
            address="Schilderswijk, Den Haag",
            lat=52.068,
            lon=4.302,
            briefing="Meet the team.\x01",
        ),
        Stop(id="s2", title="Somewhere unmapped"),
        Stop(id="s3", title="Market", lat=52.066, lon=4.299),
    ),
)


def _gpx(path: Path) -> Element:
    root = SafeET.parse(path).getroot()
    assert root is not None
    assert root.tag == "{http://www.topografix.com/GPX/1/1}gpx"
    assert root.get("version") == "1.1"
    return root


def test_gpx_waypoints_and_straight_route(tmp_path: Path) -> None:
    path = tmp_path / "visit.gpx"
    write_gpx(ITINERARY, path, title="Hague conference")
    root = _gpx(path)
    assert root.findtext("g:metadata/g:name", namespaces=GPX_NS) == "Hague conference"
    waypoints = root.findall("g:wpt", GPX_NS)
    # The unmapped stop has no waypoint but keeps its number: the next one is "3."
    assert [w.findtext("g:name", namespaces=GPX_NS) for w in waypoints] == [
        "1. Neighbourhood centre & <friends>",
        "3. Market",
    ]
    first = waypoints[0]
    assert (float(first.get("lat", "")), float(first.get("lon", ""))) == (52.068, 4.302)
    assert first.findtext("g:time", namespaces=GPX_NS) == "2017-02-16T10:00:00Z"
    desc = first.findtext("g:desc", namespaces=GPX_NS) or ""
    assert "Schilderswijk, Den Haag" in desc and "\x01" not in desc
    route_points = root.findall("g:rte/g:rtept", GPX_NS)
    assert [(p.get("lat"), p.get("lon")) for p in route_points] == [
        ("52.068", "4.302"),
        ("52.066", "4.299"),
    ]
    assert root.find("g:trk", GPX_NS) is None


def test_gpx_track_from_route_geometry(tmp_path: Path) -> None:
    walked = Itinerary(
        id="w",
        title="Walk",
        stops=ITINERARY.stops,
        route=((52.068, 4.302), (52.067, 4.300), (52.066, 4.299)),
    )
    path = tmp_path / "walk.gpx"
    write_gpx(walked, path, title="Walk")
    root = _gpx(path)
    points = root.findall("g:trk/g:trkseg/g:trkpt", GPX_NS)
    assert [float(p.get("lat", "")) for p in points] == [52.068, 52.067, 52.066]
    assert root.find("g:rte", GPX_NS) is None


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_write_atomic_failure_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(StorageError, match="No space left on device") as caught:
        write_atomic(target, b"new" * 1000)
    assert caught.value.path == str(target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_write_atomic_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot write here"):
        write_atomic(tmp_path / "nope" / "x.ics", b"x")
    assert os.listdir(tmp_path) == []
