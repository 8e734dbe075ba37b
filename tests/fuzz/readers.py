"""Fuzz targets: every reader of outside input, with hypothesis strategies that reach it.

Shared by the property tests (tests/unit/test_fuzz_readers.py, a small budget on every run)
and the long run (tests/fuzz/run_fuzz.py). The property is the same everywhere: any input
gives a result or one of the project's own errors (a UserError, or for a return file a
ReturnRejectedError with its reason), and it does so in bounded time.

Each target draws from two kinds of input:
- structured: a valid seed (a real pack, schedule, calendar, workbook, return) with fields
  replaced by hostile values (huge integers, dates in year 1 or 9999, lone surrogates,
  NUL, wrong types, odd recurrence rules), to get past the first checks;
- raw: the seed's bytes with flips, insertions, deletions and truncation.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from fieldvisit.domain.errors import UserError
from fieldvisit.returns.format import ReturnRejectedError

# --- hostile values -----------------------------------------------------------------------

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "\ud800",
    "a\udfffb",
    "\U0001f389",
    "x" * 1001,
    "x" * 100_001,
    "<b>html</b>",
    "&amp;",
    "\u202e",
    "Ω" * 300,
    "9" * 5000,
    "-1",
    "1e999",
    "NaN",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-05:00",
    "2017-02-30",
    "24:61",
    "Mars/Olympus",
    "../../etc/passwd",
    "C:\\x",
    "javascript:alert(1)",
]
HOSTILE_INTS = [0, -1, 1, 2**31, 2**63, 2**64, -(2**63) - 1, 10**30, 10**300]
HOSTILE_FLOATS = [0.5, -0.0, 1e308, -1e308, 1e-308, 90.000001, float("inf")]


def hostile_scalars() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(HOSTILE_TEXT),
        st.sampled_from(HOSTILE_INTS),
        st.sampled_from(HOSTILE_FLOATS),
        st.booleans(),
        st.none(),
        st.text(max_size=30),
        st.integers(),
    )


def hostile_json() -> st.SearchStrategy[Any]:
    return st.recursive(
        hostile_scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(max_size=10), inner, max_size=4),
        ),
        max_leaves=12,
    )


# --- raw mutation --------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with a few byte-level edits: flips, insertions, deletions, truncation."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "dup"]))
        if not data:
            data.extend(draw(st.binary(min_size=1, max_size=8)))
            continue
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[at] = draw(st.sampled_from([0, 0xFF, 0x7F, 0x80, ord("<"), ord('"'), ord("\\")]))
        elif op == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(max_size=16),
                    st.sampled_from(
                        [b"\\ud800", b"99999999999999999999999", b"\x00", b"]]>", b"\r\n "]
                    ),
                )
            )
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
    return bytes(data)


@st.composite
def edited_json(draw: st.DrawFn, seed: Any) -> Any:
    """`seed` (JSON data) with a few values, anywhere in it, replaced by hostile ones."""
    data = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_json_paths(data))
        if not paths:
            return draw(hostile_json())
        parent, key = draw(st.sampled_from(paths))
        choice = draw(st.integers(0, 9))
        if choice == 0 and isinstance(parent, dict):
            parent.pop(key, None)
        elif choice == 1 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            parent[key] = draw(hostile_json())
    return data


def _json_paths(data: Any) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        items: Any = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            found.append((node, key))
            if isinstance(value, dict | list):
                stack.append(value)
    return found


def dump(data: Any) -> bytes:
    """JSON bytes as a hostile writer would make them (lone surrogates written as \\u escapes)."""
    return json.dumps(data, ensure_ascii=True, allow_nan=True).encode()


# --- targets ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One reader: a strategy of inputs and the call that reads one (in a scratch folder)."""

    name: str
    inputs: Callable[[], st.SearchStrategy[Any]]
    read: Callable[[Any, Path], object]


ALLOWED: tuple[type[BaseException], ...] = (UserError, ReturnRejectedError)


def check(target: Target, value: Any) -> None:
    """The property: a result, or one of the project's own errors; anything else fails."""
    with tempfile.TemporaryDirectory() as scratch:
        try:
            target.read(value, Path(scratch))
        except ALLOWED:
            pass


# packs ------------------------------------------------------------------------------------


@functools.cache
def _pack_members() -> dict[str, bytes]:
    from fieldvisit.packs.samples import build_sample

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "seed.fvpack"
        build_sample("hague-2017", path)
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}


@functools.cache
def _pack_bytes() -> bytes:
    return _zip(_pack_members())


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _unsigned_pack(event_json: bytes) -> bytes:
    """An unsigned pack whose manifest lists `event_json` and the seed's other files truly."""
    members = {
        n: d
        for n, d in _pack_members().items()
        if n not in ("manifest.json", "manifest.sig", "event.json")
    }
    members["event.json"] = event_json
    manifest = json.loads(_pack_members()["manifest.json"])
    manifest["signing_key"] = None
    manifest["files"] = {
        n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in members.items()
    }
    return _zip({"manifest.json": json.dumps(manifest).encode(), **members})


def _open_pack_bytes(data: bytes, folder: Path) -> object:
    from fieldvisit.packs.reader import open_pack

    path = folder / "input.fvpack"
    path.write_bytes(data)
    pack = open_pack(path, allow_unsigned=True)
    for name in pack.manifest.files:
        pack.read_file(name)
    return pack


def _pack_raw_inputs() -> st.SearchStrategy[bytes]:
    return st.one_of(
        mutated(_pack_bytes()),
        st.builds(_unsigned_pack, mutated(_pack_members()["event.json"])),
    )


def _pack_json_inputs() -> st.SearchStrategy[bytes]:
    seed = json.loads(_pack_members()["event.json"])
    return st.builds(lambda d: _unsigned_pack(dump(d)), edited_json(seed))


def _manifest_inputs() -> st.SearchStrategy[bytes]:
    seed = json.loads(_pack_members()["manifest.json"])
    return edited_json(seed).map(dump)


def _read_manifest(data: bytes, _folder: Path) -> object:
    from fieldvisit.packs.codec import manifest_from_json
    from fieldvisit.packs.strict_json import parse_json_bytes

    return manifest_from_json(parse_json_bytes(data, source="m"), source="m")


# schedules --------------------------------------------------------------------------------

FRAB_XML = """<?xml version='1.0' encoding='UTF-8'?>
<schedule><conference><acronym>t17</acronym><title>Test</title><start>2017-02-15</start>
<end>2017-02-16</end><time_zone_name>Europe/Amsterdam</time_zone_name></conference>
<day index='1' date='2017-02-15'><room name='Hall'>
<event guid='a' id='1'><date>2017-02-15T10:00:00+01:00</date><start>10:00</start>
<duration>00:30</duration><room>Hall</room><slug>a</slug><title>Opening</title>
<track>Main</track><type>talk</type><language>en</language><abstract>Hi</abstract>
<persons><person id='7'>Ann</person></persons></event>
</room></day></schedule>
"""
XML_ENCODINGS = ["UTF-8", "utf-16", "klingon", "shift_jis", "UTF-32", "ISO-8859-1", "", "ascii"]


@st.composite
def _frab_xml(draw: st.DrawFn) -> bytes:
    text = FRAB_XML
    for _ in range(draw(st.integers(0, 4))):
        tag = draw(st.sampled_from(["date", "start", "duration", "title", "time_zone_name",
                                    "start>2017", "abstract", "person id='7'"]))  # fmt: skip
        value = draw(st.sampled_from(HOSTILE_TEXT) | st.text(max_size=20))
        escaped = value.replace("&", "&amp;").replace("<", "&lt;")
        text = text.replace(f"<{tag}>", f"<{tag}>{escaped}", 1)
    encoding = draw(st.sampled_from(XML_ENCODINGS))
    text = text.replace("encoding='UTF-8'", f"encoding='{encoding}'")
    data = text.encode("utf-8", "surrogatepass")
    return draw(st.one_of(st.just(data), mutated(data)))


SCHEDULE_JSON: dict[str, Any] = {
    "schedule": {
        "version": "1",
        "conference": {
            "acronym": "t17",
            "title": "Test",
            "start": "2017-02-15",
            "end": "2017-02-16",
            "time_zone_name": "Europe/Amsterdam",
            "days": [
                {
                    "index": 1,
                    "date": "2017-02-15",
                    "rooms": {
                        "Hall": [
                            {
                                "guid": "a",
                                "id": 1,
                                "date": "2017-02-15T10:00:00+01:00",
                                "start": "10:00",
                                "duration": "00:30",
                                "room": "Hall",
                                "title": "Opening",
                                "track": "Main",
                                "type": "talk",
                                "abstract": "Hi",
                                "persons": [{"id": 7, "public_name": "Ann"}],
                            }
                        ]
                    },
                }
            ],
        },
    }
}


def _schedule_json_inputs() -> st.SearchStrategy[bytes]:
    seed = dump(SCHEDULE_JSON)
    return st.one_of(edited_json(SCHEDULE_JSON).map(dump), mutated(seed))


def _read_schedule_bytes(suffix: str) -> Callable[[bytes, Path], object]:
    def read(data: bytes, folder: Path) -> object:
        from fieldvisit.interop.schedule import read_schedule

        path = folder / f"input{suffix}"
        path.write_bytes(data)
        return read_schedule(path)

    return read


# iCalendar: a grammar of calendars, recurrence rules first (where the hangs were).

RRULE_PARTS = {
    "FREQ": ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "NEVER"],
    "INTERVAL": ["1", "2", "0", "-1", "999999999999999999999", "1000000"],
    "COUNT": ["1", "3", "0", "-5", "2001", "99999999999999999999"],
    "UNTIL": ["20170220T000000Z", "20170220", "99991231T235959Z", "00010101", "garbage"],
    "BYMONTH": ["2", "13", "0", "1,2,3"],
    "BYMONTHDAY": ["30", "31", "-1", "0", "32"],
    "BYDAY": ["MO", "1MO", "-1SU", "XX", "53FR", "MO,TU"],
    "BYHOUR": ["25", "9", "0,12"],
    "BYMINUTE": ["61", "0"],
    "BYSETPOS": ["-1", "0", "400"],
    "BYYEARDAY": ["366", "-366", "0"],
    "BYWEEKNO": ["53", "-53", "0"],
    "WKST": ["MO", "XX"],
}
GOOD_STARTS = ["20170215T100000", ";TZID=Europe/Brussels:20170215T100000", "20170215T090000Z"]
GOOD_ENDS = ["20170215T110000", ";TZID=Europe/Brussels:20170215T110000", "20170215T100000Z"]
ICS_DATES = [
    "20170215T100000",
    "20170215T100000Z",
    "20170215",
    "00010101T000000Z",
    "99991231T235959Z",
    "20171315T100000",
    "garbage",
    "",
    "20170215T100000Z,20170216T100000Z",
]
ICS_PARAMS = ["", ";TZID=Europe/Brussels", ";TZID=Nowhere/Else", ";VALUE=DATE", ';TZID=""']


def mostly(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    """Three draws in four from `good`: hostile values need valid ones around them to be
    reached at all (a calendar with no valid start is refused before any rule is read)."""
    return st.one_of(*[st.sampled_from(good)] * 3, st.sampled_from(bad))


def _moment(key: str, good: list[str]) -> st.SearchStrategy[str]:
    def line(value: str) -> str:
        return f"{key}{value}" if value.startswith(";") else f"{key}:{value}"

    hostile = st.builds(lambda p, d: f"{p}:{d}", st.sampled_from(ICS_PARAMS),
                        st.sampled_from(ICS_DATES))  # fmt: skip
    return st.one_of(*[st.sampled_from(good)] * 3, hostile).map(line)


@st.composite
def _rrule(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(sorted(RRULE_PARTS)), max_size=4))
    freq = draw(mostly(["DAILY", "WEEKLY", "SECONDLY", "MINUTELY", "HOURLY", "YEARLY"], ["NEVER"]))
    parts = [f"FREQ={freq}"] if draw(st.integers(0, 9)) else []
    parts += [f"{k}={draw(st.sampled_from(RRULE_PARTS[k]))}" for k in dict.fromkeys(keys)]
    return ";".join(parts)


@st.composite
def _vevent(draw: st.DrawFn) -> str:
    lines = [f"UID:u{draw(st.integers(0, 3))}", draw(_moment("DTSTART", GOOD_STARTS))]
    if draw(st.integers(0, 3)):
        lines.append(draw(_moment("DTEND", GOOD_ENDS)))
    if draw(st.booleans()):
        lines.append("RRULE:" + draw(_rrule()))
    for key in draw(
        st.lists(
            st.sampled_from(
                ["DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "SUMMARY",
                 "DESCRIPTION", "CATEGORIES", "STATUS", "LOCATION", "X-JUNK", "DTSTART"]
            ),
            max_size=4,
        )
    ):  # fmt: skip
        if key in ("DTEND", "RDATE", "EXDATE", "RECURRENCE-ID", "DTSTART"):
            lines.append(draw(_moment(key, GOOD_STARTS)))
            continue
        if key == "DURATION":
            value = draw(st.sampled_from(["PT30M", "P1D", "P99999999W", "-PT1H", "PXYZ"]))
        elif key == "RRULE":
            value = draw(_rrule())
        elif key == "STATUS":
            value = draw(st.sampled_from(["CANCELLED", "CONFIRMED", ""]))
        else:
            text = draw(st.sampled_from(HOSTILE_TEXT) | st.text(max_size=20))
            value = text.replace("\r", " ").replace("\n", "\\n")
        lines.append(f"{key}:{value}")
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n"


@st.composite
def _calendar(draw: st.DrawFn) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    zone = draw(mostly(["Europe/Brussels"], ["", "Mars/Olympus", "UTC"]))
    if zone:
        head.append(f"X-WR-TIMEZONE:{zone}")
    events = [draw(_vevent()) for _ in range(draw(st.integers(1, 3)))]
    text = "\r\n".join(head) + "\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    data = text.encode("utf-8", "surrogatepass")
    return draw(st.one_of(st.just(data), st.just(data), st.just(data), mutated(data)))


# workbook ---------------------------------------------------------------------------------

CELL_VALUES: list[object] = [
    None,
    "",
    "x",
    "\x00",
    "a\ud800",
    "x" * 1001,
    0,
    -1,
    2**63,
    10**30,
    1e308,
    float("nan"),
    float("inf"),
    True,
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.datetime(1900, 1, 1),
    dt.time(23, 59),
    "2017-02-30",
    "25:00",
    "=1/0",
    "Mars/Olympus",
]


@st.composite
def _workbook(draw: st.DrawFn) -> bytes:
    from openpyxl import Workbook

    from fieldvisit.interop.workbook_layout import EVENT_FIELDS, TABLE_SHEETS

    good_event: dict[str, object] = {
        "id": "t17",
        "title": "Test",
        "timezone": "Europe/Amsterdam",
        "start date": dt.date(2017, 2, 15),
        "end date": dt.date(2017, 2, 16),
    }
    good_rows: dict[str, list[object]] = {
        "Sessions": ["s1", "Opening", "talk", dt.date(2017, 2, 15), dt.time(9), dt.time(10)],
        "People": ["p1", "Ann", "speaker"],
    }
    book = Workbook()
    event = book.active
    assert event is not None
    event.title = "Event"
    for row, column in enumerate(EVENT_FIELDS, start=2):
        event.cell(
            row=row, column=1, value=f"{column.header} *" if column.required else column.header
        )
        value = good_event.get(column.header, None)
        if draw(st.integers(0, 5)) == 0:
            value = draw(st.sampled_from(CELL_VALUES))
        event.cell(row=row, column=2, value=_cell(value))
    for name, columns in TABLE_SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([f"{c.header} *" if c.required else c.header for c in columns])
        for _ in range(draw(st.integers(0, 2))):
            row_values = list(good_rows.get(name, [None] * len(columns)))
            row_values += [None] * (len(columns) - len(row_values))
            for _ in range(draw(st.integers(0, 3))):
                row_values[draw(st.integers(0, len(columns) - 1))] = draw(
                    st.sampled_from(CELL_VALUES)
                )
            sheet.append([_cell(v) for v in row_values])
    out = io.BytesIO()
    book.save(out)
    data = _steady_zip(out.getvalue())
    return draw(st.one_of(st.just(data), st.just(data), mutated(data)))


def _steady_zip(data: bytes) -> bytes:
    """The same workbook bytes for the same cells: openpyxl stamps the time of saving into
    docProps/core.xml and each zip entry, and hypothesis needs repeatable inputs."""
    import re

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "docProps/core.xml":
                member = re.sub(
                    rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2017-01-01T00:00:00Z", member
                )
            target.writestr(zipfile.ZipInfo(info.filename, (2017, 1, 1, 0, 0, 0)), member,
                            zipfile.ZIP_DEFLATED)  # fmt: skip
    return out.getvalue()


def _cell(value: object) -> Any:
    """What openpyxl can write: text without characters XML forbids (it refuses them)."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value.encode("utf-8", "replace").decode("utf-8"))
    return value


# returns ----------------------------------------------------------------------------------


@functools.cache
def _return_seed() -> tuple[bytes, bytes]:
    """(a genuine payload, a genuine sealed return of it), and the organiser key in _keys."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldvisit.returns.format import seal
    from fieldvisit.returns.payload import (
        QuestionDef,
        QuestionnaireDef,
        Record,
        ReturnPayload,
    )

    organiser = _organiser()
    signer = Ed25519PrivateKey.generate()
    note = Record("note", "n1", 1, {
        "target_kind": "session", "target_uid": "s1", "target_title": "Opening",
        "target_start": "2017-02-15T09:00:00Z", "tags": ["a"], "body": "Hello",
        "created": "2017-02-15T09:00:00Z", "updated": "2017-02-15T09:00:00Z",
        "confidential_confirmed": False,
    })  # fmt: skip
    answer = Record("answer", "a1", 2, {
        "questionnaire_uid": "q", "questionnaire_version": 1, "session_uid": "s1",
        "session_title": "Opening", "question_uid": "x", "value": 3,
        "updated": "2017-02-15T10:00:00Z",
    })  # fmt: skip
    rating = Record("rating", "r1", 1, {
        "session_uid": "s1", "session_title": "Opening", "stars": 4,
        "updated": "2017-02-15T10:00:00Z",
    })  # fmt: skip
    payload = ReturnPayload(
        event_id="t17", pack_id="p", pack_version=1, installation_id="i",
        installation_key="k", recipient="r", delegate_name="Zoë",
        created=dt.datetime(2017, 2, 16, tzinfo=dt.UTC), records=(note, answer, rating),
        questionnaires=(QuestionnaireDef("q", 1, "Q", (QuestionDef("x", "scale", "How?"),)),),
    )  # fmt: skip
    raw = payload.to_bytes()
    return raw, seal(raw, signer, organiser.public_key(), b"k" * 32)


@functools.cache
def _organiser() -> Any:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.from_private_bytes(hashlib.sha256(b"fuzz organiser").digest())


def _payload_inputs() -> st.SearchStrategy[bytes]:
    raw = _return_seed()[0]
    return st.one_of(edited_json(json.loads(raw)).map(dump), mutated(raw))


def _read_payload(data: bytes, _folder: Path) -> object:
    from fieldvisit.returns.payload import parse_payload

    return parse_payload(data)


def _sealed_inputs() -> st.SearchStrategy[bytes]:
    return mutated(_return_seed()[1])


def _read_sealed(data: bytes, _folder: Path) -> object:
    from fieldvisit.returns.format import open_sealed, raw_public
    from fieldvisit.returns.payload import parse_payload

    organiser = _organiser()
    opened = open_sealed(data, organiser, public_raw=raw_public(organiser.public_key()))
    return parse_payload(opened.payload)


def _compressed_inputs() -> st.SearchStrategy[bytes]:
    """A format 3 return's signed payload (a zlib stream, reached only with a valid
    signature and proof): hostile JSON compressed, and a genuine stream mutated."""
    import zlib

    raw = _return_seed()[0]
    return st.one_of(
        edited_json(json.loads(raw)).map(dump).map(zlib.compress),
        mutated(zlib.compress(raw, 9)),
    )


def _read_compressed(data: bytes, _folder: Path) -> object:
    from fieldvisit.returns.format import inflate
    from fieldvisit.returns.payload import parse_payload

    return parse_payload(inflate(data))


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("pack-raw", _pack_raw_inputs, _open_pack_bytes),
        Target("pack-json", _pack_json_inputs, _open_pack_bytes),
        Target("pack-manifest", _manifest_inputs, _read_manifest),
        Target("frab-xml", _frab_xml, _read_schedule_bytes(".xml")),
        Target("schedule-json", _schedule_json_inputs, _read_schedule_bytes(".json")),
        Target("icalendar", _calendar, _read_schedule_bytes(".ics")),
        Target("workbook", _workbook, _read_schedule_bytes(".xlsx")),
        Target("return-payload", _payload_inputs, _read_payload),
        Target("return-sealed", _sealed_inputs, _read_sealed),
        Target("return-compressed", _compressed_inputs, _read_compressed),
    )
}
