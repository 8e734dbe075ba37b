"""A schedule that names no time zone is refused with the IANA zones its offsets fit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import LinkKind
from fieldvisit.interop.schedule import read_schedule
from fieldvisit.interop.workbook_layout import EVENT_FIELDS, TABLE_SHEETS
from fieldvisit.interop.zone_help import matching_zones, parse_offset, sample


def _offset(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


def test_zones_fit_every_offset_at_its_date() -> None:
    winter = sample(dt.datetime(2020, 12, 16, 14, tzinfo=_offset(1)))
    summer = sample(dt.datetime(2020, 7, 16, 14, tzinfo=_offset(2)))
    assert winter is not None and summer is not None
    both = matching_zones([winter, summer])
    # Most likely first; zones without summer time (Africa/Lagos: +01:00 all year) drop out.
    assert both[:3] == ["Europe/Berlin", "Europe/Amsterdam", "Europe/Paris"]
    assert "Africa/Lagos" in matching_zones([winter])
    assert "Africa/Lagos" not in both
    assert "Europe/London" not in both
    # Legacy aliases are never offered.
    assert not any(z.startswith(("US/", "Etc/")) or ("/" not in z and z != "UTC") for z in both)


def test_frab_json_with_offsets_but_no_zone(schedules: Path, tmp_path: Path) -> None:
    document = json.loads((schedules / "c3voc_pretalx-democon.json").read_text(encoding="utf-8"))
    del document["schedule"]["conference"]["time_zone_name"]
    path = tmp_path / "democon.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_schedule(path)
    message = str(caught.value)
    assert "names no time zone; times carry +01:00 in December 2020: " in message
    assert "Europe/Berlin, Europe/Amsterdam, Europe/Paris" in message
    assert message.endswith("(pass --timezone)")
    assert caught.value.field == "schedule/conference/time_zone_name"
    # Given, it builds; the times stay exactly those of the file.
    content = read_schedule(path, timezone="Europe/Berlin").content
    assert content.sessions[0].start.utcoffset() == dt.timedelta(hours=1)


def test_frab_xml_without_offsets_says_only_the_organiser_knows(tmp_path: Path) -> None:
    path = tmp_path / "s.xml"
    path.write_text(
        "<schedule><conference><title>T</title></conference><day date='2020-12-16'>"
        "<room name='A'><event guid='e'><start>10:00</start><duration>00:30</duration>"
        "<title>x</title></event></room></day></schedule>",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError, match="carry no UTC offset either"):
        read_schedule(path)


ICS_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n"


def _vevent(uid: str, start: str, end: str, tzid: str = "") -> str:
    param = f";TZID={tzid}" if tzid else ""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{uid}\r\nDTSTART{param}:{start}\r\n"
        f"DTEND{param}:{end}\r\nEND:VEVENT\r\n"
    )


def test_an_all_utc_calendar_says_so(tmp_path: Path) -> None:
    path = tmp_path / "utc.ics"
    path.write_text(
        ICS_HEAD
        + _vevent("a", "20200115T090000Z", "20200115T100000Z")
        + _vevent("b", "20200116T090000Z", "20200116T100000Z")
        + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError, match=r"all 4 times are given in UTC \(ending in Z\)"):
        read_schedule(path)
    content = read_schedule(path, timezone="Australia/Brisbane").content
    assert content.sessions[0].start.isoformat() == "2020-01-15T19:00:00+10:00"


def test_a_calendar_with_a_windows_zone_lists_iana_zones(tmp_path: Path) -> None:
    vtimezone = (
        "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n"
        "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"
        "END:VTIMEZONE\r\n"
    )
    path = tmp_path / "outlook.ics"
    path.write_text(
        ICS_HEAD
        + vtimezone
        + _vevent("a", "20201216T090000", "20201216T100000", "W. Europe Standard Time")
        + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as caught:
        read_schedule(path)
    assert "times carry +01:00 in December 2020: Europe/Berlin, Europe/Amsterdam" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("text", "hours"),
    [("+02:00", 2), ("+0200", 2), ("UTC+2", 2), ("GMT-05:30", -5.5), ("utc+6", 6)],
)
def test_parse_offset(text: str, hours: float) -> None:
    assert parse_offset(text) == dt.timedelta(hours=hours)


@pytest.mark.parametrize("text", ["Europe/Berlin", "+25:00", "two", ""])
def test_not_an_offset(text: str) -> None:
    assert parse_offset(text) is None


def _workbook(path: Path, timezone: str, links: str = "") -> Path:
    book = Workbook()
    event = book.active
    assert event is not None
    event.title = "Event"
    values: dict[str, Any] = {"id": "w", "title": "Workbook event", "timezone": timezone,
              "start date": dt.date(2026, 10, 12), "end date": dt.date(2026, 10, 13)}  # fmt: skip
    for number, column in enumerate(EVENT_FIELDS, start=2):
        event.cell(row=number, column=1, value=column.header)
        event.cell(row=number, column=2, value=values.get(column.header))
    for name, columns in TABLE_SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([c.header for c in columns])
    row: dict[str, Any] = {c.header: None for c in TABLE_SHEETS["Sessions"]}
    row.update(id="s1", title="Talk", kind="plenary", date=dt.date(2026, 10, 12),
               start=dt.time(9), end=dt.time(10), links=links)  # fmt: skip
    book["Sessions"].append(list(row.values()))
    book.save(path)
    return path


def test_a_workbook_zone_given_as_an_offset_lists_the_zones(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", "+02:00")
    with pytest.raises(InvalidInputError) as caught:
        read_schedule(path)
    message = str(caught.value)
    assert "'+02:00' is a UTC offset, not a time zone" in message
    assert "zones at +02:00 in October 2026: Europe/Berlin, Europe/Amsterdam" in message
    assert caught.value.field == "Event!B4"


def test_a_workbook_without_zone_says_how_to_give_one(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", "")
    with pytest.raises(InvalidInputError, match="or pass --timezone"):
        read_schedule(path)
    assert read_schedule(path, timezone="Europe/Vienna").content.event.timezone == "Europe/Vienna"


def test_workbook_links_column(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "w.xlsx",
        "Europe/Vienna",
        "Slides | https://x.org/s.pdf; https://x.org/page; Join | https://meet.jit.si/w",
    )
    bundle = read_schedule(path)
    links = bundle.content.sessions[0].links
    assert [(x.title, x.url, x.kind) for x in links] == [
        ("Slides", "https://x.org/s.pdf", LinkKind.SLIDES),
        ("", "https://x.org/page", LinkKind.WEB_PAGE),
        ("Join", "https://meet.jit.si/w", LinkKind.JOIN),
    ]
    assert bundle.intake is not None and bundle.intake.links == 3


def test_workbook_refuses_a_hostile_link(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", "Europe/Vienna", "Bad | javascript:alert(1)")
    with pytest.raises(InvalidInputError, match="not a web address") as caught:
        read_schedule(path)
    assert caught.value.field == "Sessions!R2"
