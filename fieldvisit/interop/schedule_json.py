"""Reader of frab/pretalx schedule JSON (the c3voc "schedule.json" shape).

Real files only roughly follow the c3voc schema (frab's own output does not pass it), so
the reader checks the structure it relies on and ignores everything else.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import SourceBundle
from fieldvisit.interop.common import decode_utf8, read_input
from fieldvisit.interop.frab_model import RawEvent, RawPerson, RawSchedule, build_bundle
from fieldvisit.interop.json_fields import expect, references, text_field
from fieldvisit.interop.links import RawLink, online_room_address
from fieldvisit.interop.schedule2_json import is_schedule2, read_schedule2


def read_schedule_json(
    path: Path, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Read a frab/pretalx schedule.json file into pack content."""
    path = Path(path)
    return parse_schedule_json(path, read_input(path), timezone=timezone, event_id=event_id)


def parse_schedule_json(
    path: Path, data: bytes, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Like `read_schedule_json` for bytes already read from `path` (named in errors)."""
    text = decode_utf8(path, data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", path=path
        ) from exc
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        raise InvalidInputError(f"JSON refused: {exc}", path=path) from exc
    if is_schedule2(document):
        top = expect(document, dict, path, "(top level)")
        raw, dropped = read_schedule2(path, top)
        return build_bundle(raw, timezone=timezone, event_id=event_id, dropped_events=dropped)
    raw = _raw_schedule(path, document)
    return build_bundle(raw, timezone=timezone, event_id=event_id)


def _raw_schedule(path: Path, document: object) -> RawSchedule:
    top = expect(document, dict, path, "(top level)")
    # Most files wrap everything in "schedule"; a bare {"conference": ...} is seen too.
    schedule = expect(top.get("schedule", top), dict, path, "schedule")
    where = "schedule/conference"
    conference = expect(schedule.get("conference"), dict, path, where)
    raw = RawSchedule(
        path=path,
        source_format="frab-json",
        conference_where=where,
        acronym=text_field(conference, "acronym", path, where),
        title=text_field(conference, "title", path, where),
        start=text_field(conference, "start", path, where),
        end=text_field(conference, "end", path, where),
        time_zone=text_field(conference, "time_zone_name", path, where),
        day_change=text_field(conference, "day_change", path, where),
        venue=text_field(conference, "venue", path, where),
        city=text_field(conference, "city", path, where),
        url=text_field(schedule, "base_url", path, "schedule")
        or text_field(conference, "url", path, where),
    )
    for r, room_value in enumerate(conference.get("rooms") or [], start=1):
        if isinstance(room_value, dict):
            name = text_field(room_value, "name", path, f"{where}/rooms[{r}]").strip()
            if name:
                raw.rooms.append(name)
                if address := online_room_address(room_value):
                    raw.room_join.setdefault(name, address)
    days = expect(conference.get("days", []), list, path, f"{where}/days")
    for d, day_value in enumerate(days, start=1):
        day_where = f"{where}/days[{d}]"
        day = expect(day_value, dict, path, day_where)
        day_date = text_field(day, "date", path, day_where)
        rooms = expect(day.get("rooms", {}), dict, path, f"{day_where}/rooms")
        for room_name, events in rooms.items():
            room_where = f"{day_where}/rooms/{room_name}"
            for e, event_value in enumerate(expect(events, list, path, room_where), start=1):
                event_where = f"{room_where}[{e}]"
                event = expect(event_value, dict, path, event_where)
                raw.events.append(_raw_event(path, event, event_where, day_date, room_name))
    return raw


def _raw_event(
    path: Path, event: dict[str, Any], where: str, day_date: str, room_name: str
) -> RawEvent:
    def get(key: str) -> str:
        return text_field(event, key, path, where)

    persons: list[RawPerson] = []
    for n, value in enumerate(expect(event.get("persons") or [], list, path, f"{where}/persons")):
        person_where = f"{where}/persons[{n + 1}]"
        if isinstance(value, str):  # some exporters list bare names
            persons.append(RawPerson(id="", name=value))
            continue
        person = expect(value, dict, path, person_where)
        pid = next(
            (
                text
                for key in ("id", "code", "guid")
                if (text := text_field(person, key, path, person_where))
            ),
            "",
        )
        name = text_field(person, "public_name", path, person_where) or text_field(
            person, "name", path, person_where
        )
        biography = text_field(person, "biography", path, person_where)
        persons.append(RawPerson(id=pid, name=name, biography=biography))
    links = references(path, event, "links", where)
    for key, kind in (("feedback_url", "feedback"), ("video_download_url", "video")):
        if address := get(key).strip():
            links.append(RawLink(url=address, type=kind))
    return RawEvent(
        where=where,
        day_date=day_date,
        guid=get("guid"),
        id=get("id"),
        slug=get("slug"),
        date=get("date"),
        start=get("start"),
        duration=get("duration"),
        room=get("room") or str(room_name),
        title=get("title"),
        subtitle=get("subtitle"),
        track=get("track"),
        type=get("type"),
        language=get("language"),
        abstract=get("abstract"),
        description=get("description"),
        url=get("url"),
        persons=persons,
        links=links,
        attachments=references(path, event, "attachments", where),
    )
