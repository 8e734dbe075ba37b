"""Malformed and hostile schedule files: each is refused with an error naming the file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.interop.common import MAX_FILE_BYTES
from fieldvisit.interop.schedule import read_schedule

CONFERENCE = (
    "<conference><title>T</title><time_zone_name>Europe/Amsterdam</time_zone_name></conference>"
)
GOOD_EVENT = "<event guid='a'><start>10:00</start><duration>00:30</duration>{}</event>"


def _schedule_xml(inner: str = "", prolog: str = "") -> bytes:
    event = GOOD_EVENT.format(inner)
    return (
        f"<?xml version='1.0' encoding='UTF-8'?>{prolog}<schedule>{CONFERENCE}"
        f"<day date='2017-02-15'><room name='Hall'>{event}</room></day></schedule>"
    ).encode()


BILLION_LAUGHS = _schedule_xml(
    "<title>&lol9;</title>",
    prolog="<!DOCTYPE schedule [<!ENTITY lol 'lol'>"
    + "".join(
        f"<!ENTITY lol{i} '{('&lol' + str(i - 1) + ';') * 10}'>" for i in range(1, 10)
    ).replace("&lol0;", "&lol;")
    + "]>",
)
EXTERNAL_ENTITY = _schedule_xml(
    "<title>&secret;</title>",
    prolog="<!DOCTYPE schedule [<!ENTITY secret SYSTEM 'file:///etc/passwd'>]>",
)
EXTERNAL_DTD = _schedule_xml(prolog="<!DOCTYPE schedule SYSTEM 'http://example.org/evil.dtd'>")
PLAIN_DTD = _schedule_xml(prolog="<!DOCTYPE schedule>")
PARAMETER_ENTITY = _schedule_xml(
    prolog="<!DOCTYPE schedule [<!ENTITY % remote SYSTEM 'http://example.org/x'> %remote;]>"
)

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\nBEGIN:VEVENT\r\n"
    "UID:a\r\nDTSTART:20170215T100000\r\nDTEND:20170215T103000\r\nSUMMARY:{}\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _json(title: str, abstract: str = "") -> bytes:
    event = {"guid": "a", "start": "10:00", "duration": "00:30", "title": title}
    event["abstract"] = abstract
    conference = {
        "title": "T",
        "time_zone_name": "Europe/Amsterdam",
        "days": [{"date": "2017-02-15", "rooms": {"Hall": [event]}}],
    }
    return json.dumps({"schedule": {"conference": conference}}).encode()


CASES: dict[str, tuple[bytes, str]] = {
    "billion laughs": (BILLION_LAUGHS, "DTD"),
    "external entity": (EXTERNAL_ENTITY, "DTD"),
    "external dtd": (EXTERNAL_DTD, "DTD"),
    "plain dtd": (PLAIN_DTD, "DTD"),
    "parameter entity": (PARAMETER_ENTITY, "DTD"),
    "xml not well-formed": (_schedule_xml()[:-20], "not well-formed XML at line 1"),
    "xml invalid utf-8": (
        _schedule_xml("<title>caf\xe9</title>").replace(b"caf", b"caf\xff"),
        "UTF-8",
    ),
    "xml latin-1 declared": (
        _schedule_xml("<title>caf\xe9</title>")
        .replace(b"UTF-8", b"ISO-8859-1")
        .replace("é".encode(), b"\xe9"),
        "invalid UTF-8 at byte offset",
    ),
    "xml nul byte": (_schedule_xml("<title>a\x00b</title>"), "NUL byte"),
    "xml huge string": (_schedule_xml(f"<abstract>{'x' * 100_001}</abstract>"), "over the 100,000"),
    "json invalid utf-8": (_json("caf\xe9").replace(b"\\u00e9", b"\xc3\x28"), "UTF-8"),
    "json nul byte": (_json("a") + b"\x00", "NUL byte"),
    "json escaped nul": (_json("a\x00b"), "NUL character"),
    "json lone surrogate": (
        _json("a").replace(b'"title": "a"', b'"title": "\\ud800"'),
        "surrogate",
    ),
    "json huge string": (_json("t", "x" * 100_001), "over the 100,000"),
    "json huge title": (_json("x" * 1_001), "over the 1,000"),
    "json deep nesting": (b'{"schedule": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "JSON"),
    "json huge number": (b'{"schedule": ' + b"9" * 5000 + b"}", "JSON"),
    "json top level list": (b"[1, 2]", "not a schedule"),
    "ics invalid utf-8": (ICS.format("caf\xe9").encode().replace(b"\xc3\xa9", b"\xe9"), "UTF-8"),
    "ics nul byte": (ICS.format("a\x00b").encode(), "NUL byte"),
    "ics huge summary": (ICS.format("x" * 1_001).encode(), "over the 1,000"),
    "ics garbage": (b"BEGIN:VCALENDAR\r\n\x01garbage without colon\r\n", "iCalendar"),
    "empty file": (b"", "not a schedule"),
    "pdf": (b"%PDF-1.7\n", "not a schedule"),
    "utf-16": ("<schedule/>".encode("utf-16"), "not a schedule"),
    "truncated zip": (b"PK\x03\x04" + b"\x00" * 40, "not an .xlsx workbook"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    data, problem = CASES[case]
    path = tmp_path / "input.dat"
    path.write_bytes(data)
    with pytest.raises(InvalidInputError, match=problem) as caught:
        read_schedule(path)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_external_entity_never_reads_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "evil.xml"
    path.write_bytes(EXTERNAL_ENTITY.replace(b"file:///etc/passwd", secret.as_uri().encode()))
    with pytest.raises(InvalidInputError) as caught:
        read_schedule(path)
    assert "TOP SECRET" not in str(caught.value)


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InvalidInputError, match="over the 67,108,864 byte limit") as caught:
        read_schedule(path)
    assert caught.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.xml"
    with pytest.raises(InvalidInputError, match="cannot read the file") as caught:
        read_schedule(path)
    assert caught.value.path == str(path)


def test_xlsx_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * 20_000_000 + b">")
    with pytest.raises(InvalidInputError, match="zip bomb") as caught:
        read_schedule(path)
    assert caught.value.path == str(path)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    with pytest.raises(InvalidInputError, match="workbook") as caught:
        read_schedule(path)
    assert caught.value.path == str(path)


# --- issue 15: tracebacks instead of one line, and runaway recurrence rules ----------------

_SERIES_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Brussels\r\nBEGIN:VEVENT\r\n"
    "UID:a\r\n{}SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
_HOUR = "DTSTART:20170215T100000\r\nDTEND:20170215T110000\r\n"

ISSUE_15_CASES: dict[str, tuple[bytes, str, str]] = {
    # frab XML declaring an encoding expat does not know (LookupError) or cannot read
    # (ValueError: multi-byte encodings).
    "xml unknown encoding": (
        _schedule_xml().replace(b"UTF-8", b"klingon"),
        "encoding this app cannot read",
        "<?xml encoding?>",
    ),
    "xml multi-byte encoding": (
        _schedule_xml().replace(b"UTF-8", b"shift_jis"),
        "encoding this app cannot read",
        "<?xml encoding?>",
    ),
    "xml utf-32 declared": (
        _schedule_xml().replace(b"UTF-8", b"UTF-32"),
        "encoding this app cannot read",
        "<?xml encoding?>",
    ),
    # iCalendar properties icalendar keeps as "broken" (BrokenCalendarProperty on access).
    "ics empty DTSTART": (
        _SERIES_ICS.format("DTSTART:\r\nDTEND:20170215T110000\r\n").encode(),
        "malformed property",
        "VCALENDAR/VEVENT[1]/DTSTART",
    ),
    "ics broken DTEND": (
        _SERIES_ICS.format("DTSTART:20170215T100000\r\nDTEND:20171315T100000\r\n").encode(),
        "malformed property",
        "VCALENDAR/VEVENT[1]/DTEND",
    ),
    "ics broken RDATE": (
        _SERIES_ICS.format(_HOUR + "RDATE:garbage\r\n").encode(),
        "cannot be expanded",
        "VCALENDAR/VEVENT/RRULE",
    ),
    # A property given twice is a list in icalendar: AttributeError in the expansion.
    "ics DTSTART twice in a series": (
        _SERIES_ICS.format(
            _HOUR + "DTSTART:20170216T100000\r\nRRULE:FREQ=DAILY;COUNT=2\r\n"
        ).encode(),
        "DTSTART is given 2 times",
        "VCALENDAR/VEVENT[1]/DTSTART",
    ),
    # OverflowError in zone conversion and date arithmetic.
    "ics year 9999": (
        _SERIES_ICS.format("DTSTART:99991231T235959Z\r\nDTEND:99991231T235959Z\r\n").encode(),
        "outside 1970-2100",
        "VCALENDAR/VEVENT[1]/DTSTART",
    ),
    "ics year 1": (
        _SERIES_ICS.format("DTSTART:00010101T000000Z\r\nDURATION:PT1H\r\n").encode(),
        "outside 1970-2100",
        "VCALENDAR/VEVENT[1]/DTSTART",
    ),
    "ics huge duration": (
        _SERIES_ICS.format("DTSTART:20170215T100000\r\nDURATION:P99999999W\r\n").encode(),
        "more than 14 days",
        "VCALENDAR/VEVENT[1]/DURATION",
    ),
    # Found by the long fuzz run: the zone help of a calendar naming no zone overflowed.
    "ics no zone and year 9999": (
        _SERIES_ICS.replace("X-WR-TIMEZONE:Europe/Brussels\r\n", "")
        .format("DTSTART:99991231T235959Z\r\nDTEND:99991231T235959Z\r\n")
        .encode(),
        "names no IANA time zone",
        "VCALENDAR/X-WR-TIMEZONE",
    ),
    # Refused from its COUNT, before any work is spent expanding it.
    "ics count past the limit": (
        _SERIES_ICS.format(_HOUR + "RRULE:FREQ=SECONDLY;COUNT=50000000\r\n").encode(),
        "more than 2000 times",
        "VCALENDAR/VEVENT[1]/RRULE",
    ),
}


@pytest.mark.parametrize("case", list(ISSUE_15_CASES))
def test_odd_schedules_give_one_line_naming_file_and_field(tmp_path: Path, case: str) -> None:
    data, problem, field = ISSUE_15_CASES[case]
    path = tmp_path / "input.dat"
    path.write_bytes(data)
    with pytest.raises(InvalidInputError, match=problem) as caught:
        read_schedule(path)
    assert str(caught.value).startswith(f"{path}: {field}")


@pytest.mark.parametrize(
    "rule",
    [
        # Never matches (no 30 February): the expansion searched second by second.
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2",
        # Open-ended and never matching: searched minute by minute to year 9999.
        "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=31",
    ],
)
def test_a_runaway_recurrence_rule_is_refused_within_its_work_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str
) -> None:
    from fieldvisit.interop import ical

    # The real budget (1,000,000 calls) takes seconds; the mechanism is the same.
    monkeypatch.setattr(ical, "EXPANSION_CALLS", 100_000)
    path = tmp_path / "runaway.ics"
    path.write_text(_SERIES_ICS.format(_HOUR + f"RRULE:{rule}\r\n"), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="needs too much work") as caught:
        read_schedule(path)
    assert str(caught.value).startswith(f"{path}: VCALENDAR/VEVENT/RRULE: ")
    assert "100,000 steps" in str(caught.value)


def test_a_long_but_finite_series_fits_the_real_budget(tmp_path: Path) -> None:
    from fieldvisit.interop.ical import MAX_OCCURRENCES

    path = tmp_path / "hourly.ics"
    rule = f"RRULE:FREQ=HOURLY;COUNT={MAX_OCCURRENCES}\r\n"
    path.write_text(_SERIES_ICS.format(_HOUR + rule), encoding="utf-8")
    assert len(read_schedule(path).content.sessions) == MAX_OCCURRENCES


def test_the_budget_puts_back_a_tracer_that_was_there(tmp_path: Path) -> None:
    import sys

    from fieldvisit.interop.budget import WorkBudget

    def tracer(*_args: object) -> None:
        return None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        with pytest.raises(InvalidInputError, match="over 10 steps"):
            with WorkBudget("counting", path=tmp_path, calls=10):
                for _ in range(100):
                    str.join("", [])
                    (lambda: None)()
        assert sys.gettrace() is tracer
    finally:
        sys.settrace(previous)


def test_a_calendar_with_more_components_than_a_pack_holds_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldvisit.interop import ical

    monkeypatch.setattr(ical, "MAX_COMPONENTS", 10)
    event = "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20170215T100000\r\nEND:VEVENT\r\n"
    path = tmp_path / "many.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Europe/Brussels\r\n" + event * 20 + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError, match="21 components, over the 10 limit"):
        read_schedule(path)
