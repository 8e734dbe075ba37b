"""Reader of the c3voc "schedule 2" JSON, as the CCC hub publishes it.

Flat `events` with `start`/`end` date-times, `room` and `track` given as references to the
conference's `rooms` and `tracks`, `participants` with roles, `links` and `attachments`.
The draft schema (voc/schedule validator/json/schema2.json) is followed where it helps;
real files differ from it (missing required fields, extra ones), so only what the reader
relies on is checked, and every event is turned into the frab shape `build_bundle` reads.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.interop.frab_model import RawEvent, RawPerson, RawSchedule
from fieldvisit.interop.json_fields import expect, references, text_field
from fieldvisit.interop.links import online_room_address

# Events in these states are not (or no longer) on the programme.
DROPPED_STATES = frozenset({"CANCELED", "CANCELLED", "WITHDRAWN", "DELETED", "REJECTED"})
_LANGUAGES = ("en", "de")


def is_schedule2(document: object) -> bool:
    """Whether a parsed JSON document is a schedule 2: by its `$schema`, else by its shape
    (a flat `events` list in `schedule` instead of frab's conference days and rooms)."""
    if not isinstance(document, dict):
        return False
    declared = document.get("$schema")
    if isinstance(declared, str) and "schema2" in declared.replace("-", "").lower():
        return True
    schedule = document.get("schedule", document)
    return isinstance(schedule, dict) and isinstance(schedule.get("events"), list)


def local_text(value: object) -> str:
    """A LocalizableString: text, or {"en": ..., "de": ...} read in English first."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for language in (*_LANGUAGES, *sorted(value)):
            found = value.get(language)
            if isinstance(found, str) and found.strip():
                return found
    return ""


def _duration(start: str, end: str, path: Path, where: str) -> str:
    """end - start as frab's H:MM:SS, so `build_bundle` checks it like any duration."""
    try:
        begin = dt.datetime.fromisoformat(start.strip())
        finish = dt.datetime.fromisoformat(end.strip())
    except ValueError as exc:
        raise InvalidInputError(
            f"not an ISO 8601 date and time: {exc}", path=path, field=f"{where}/end"
        ) from exc
    if (begin.tzinfo is None) != (finish.tzinfo is None):
        raise InvalidInputError(
            "start and end must both have a UTC offset, or neither", path=path, field=where
        )
    seconds = int((finish - begin).total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def read_schedule2(path: Path, top: dict[str, Any]) -> tuple[RawSchedule, int]:
    """The RawSchedule of a schedule 2 document, and how many events were left out as
    cancelled or withdrawn (their `state`)."""
    schedule = expect(top.get("schedule", top), dict, path, "schedule")
    where = "schedule/conference"
    conference = expect(schedule.get("conference", {}), dict, path, where)
    raw = RawSchedule(
        path=path,
        source_format="c3voc-schedule2",
        conference_where=where,
        acronym=text_field(conference, "acronym", path, where),
        title=text_field(conference, "title", path, where),
        start=text_field(conference, "start", path, where)[:10],
        end=text_field(conference, "end", path, where)[:10],
        time_zone=text_field(conference, "time_zone_name", path, where),
        url=text_field(conference, "url", path, where)
        or text_field(schedule, "base_url", path, "schedule"),
    )
    rooms: dict[str, str] = {}  # guid and slug -> name
    for n, value in enumerate(conference.get("rooms") or [], start=1):
        room = expect(value, dict, path, f"{where}/rooms[{n}]")
        name = text_field(room, "name", path, f"{where}/rooms[{n}]").strip()
        if not name:
            continue
        raw.rooms.append(name)
        for key in ("guid", "slug"):
            if ref := text_field(room, key, path, f"{where}/rooms[{n}]"):
                rooms[ref] = name
        if address := online_room_address(room):
            raw.room_join.setdefault(name, address)
    tracks: dict[str, str] = {}  # slug -> name
    for n, value in enumerate(conference.get("tracks") or [], start=1):
        if isinstance(value, dict):
            name = text_field(value, "name", path, f"{where}/tracks[{n}]")
            slug = text_field(value, "slug", path, f"{where}/tracks[{n}]")
            if slug:
                tracks[slug] = name or slug
    dropped = 0
    events = expect(schedule.get("events", []), list, path, "schedule/events")
    for n, value in enumerate(events, start=1):
        at = f"schedule/events[{n}]"
        event = expect(value, dict, path, at)
        if text_field(event, "state", path, at).strip().upper() in DROPPED_STATES:
            dropped += 1
            continue
        raw.events.append(_raw_event(path, event, at, rooms, tracks))
    return raw, dropped


def _reference(value: object, names: dict[str, str]) -> str:
    """The name of a room or track given as {"guid"/"slug"/"name": ...} or as a string."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, dict):
        for key in ("guid", "slug"):
            ref = value.get(key)
            if isinstance(ref, str) and ref in names:
                return names[ref]
        for key in ("name", "slug"):
            text = value.get(key)
            if isinstance(text, str) and text:
                return text
    return ""


def _raw_event(
    path: Path, event: dict[str, Any], where: str, rooms: dict[str, str], tracks: dict[str, str]
) -> RawEvent:
    def get(key: str) -> str:
        return text_field(event, key, path, where)

    start, end = get("start"), get("end")
    if not start.strip():
        raise InvalidInputError("event has no start", path=path, field=f"{where}/start")
    if end.strip():
        duration = _duration(start, end, path, where)
    else:
        duration = get("duration")  # deprecated, and ISO 8601 ("PT45M") when given
        duration = _iso_duration(duration, path, f"{where}/duration") if duration else ""
    persons = []
    for n, value in enumerate(
        expect(event.get("participants") or [], list, path, f"{where}/participants"), 1
    ):
        at = f"{where}/participants[{n}]"
        if isinstance(value, str):
            persons.append(RawPerson(id="", name=value))
            continue
        person = expect(value, dict, path, at)
        persons.append(
            RawPerson(
                id=text_field(person, "guid", path, at) or text_field(person, "id", path, at),
                name=text_field(person, "name", path, at)
                or text_field(person, "public_name", path, at),
                role=text_field(person, "role", path, at),
            )
        )
    return RawEvent(
        where=where,
        guid=get("guid"),
        id=get("code") or get("id"),
        slug=get("slug"),
        date=start,
        start=start[11:16],
        duration=duration,
        room=_reference(event.get("room"), rooms),
        title=get("title"),
        subtitle=local_text(event.get("subtitle")),
        track=_reference(event.get("track"), tracks),
        type=get("type").replace("_", " ").lower(),
        language=get("language"),
        abstract=local_text(event.get("abstract")),
        description=local_text(event.get("description")),
        url=get("url"),
        persons=persons,
        links=references(path, event, "links", where),
        attachments=references(path, event, "attachments", where),
    )


def _iso_duration(value: str, path: Path, where: str) -> str:
    """ISO 8601 "PT1H30M" (schedule 2's deprecated duration) as frab's H:MM:SS."""
    found = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", value.strip())
    if not found or value.strip() in ("P", "PT"):
        if ":" in value:
            return value  # frab's own "01:30", seen in real files
        raise InvalidInputError(
            f"duration {value!r} is not ISO 8601 (PT1H30M)", path=path, field=where
        )
    days, hours, minutes, seconds = (int(x) if x else 0 for x in found.groups())
    hours += days * 24
    return f"{hours}:{minutes:02d}:{seconds:02d}"
