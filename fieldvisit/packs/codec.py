"""event.json and manifest.json <-> domain records (checked by strict_json.validate first)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.limits import (
    MAX_YEAR,
    MIN_YEAR,
    YEAR_RANGE,
    date_in_range,
)
from fieldvisit.domain.model import (
    Document,
    Event,
    Itinerary,
    LinkKind,
    MapLayer,
    PackContent,
    Person,
    Phase,
    Question,
    QuestionKind,
    Questionnaire,
    Role,
    Session,
    SessionKind,
    SessionLink,
    Sharing,
    Stop,
    Venue,
)
from fieldvisit.domain.plain import (
    event_data,
    event_head,
    map_data,
    person_fields,
    question_data,
    session_fields,
)
from fieldvisit.packs.manifest import FORMAT_NAME, FileEntry, PackManifest
from fieldvisit.packs.strict_json import validate

T = TypeVar("T")

EVENT_SCHEMA = "event.schema.json"
# By value: calling the enum is ~20x slower, and FOSDEM has thousands of links. The schema
# has checked every value already.
_LINK_KINDS = {kind.value: kind for kind in LinkKind}
_SESSION_KINDS = {kind.value: kind for kind in SessionKind}
_ROLES = {role.value: role for role in Role}
MANIFEST_SCHEMA = "manifest.schema.json"
_FROM_ISO = dt.datetime.fromisoformat


# --- domain -> JSON --------------------------------------------------------------------------


def _time(value: dt.datetime, zone: ZoneInfo) -> str:
    return value.astimezone(zone).isoformat()


def _opt_time(value: dt.datetime | None, zone: ZoneInfo) -> str | None:
    return None if value is None else _time(value, zone)


_REQUIRED = frozenset({"title", "kind", "name", "role"})  # of a session or person


def _lean(fields: dict[str, object]) -> dict[str, object]:
    """`fields` without the optional ones at their default (empty, null or false): every
    reader, old and new, reads a missing optional field as its default, and a FOSDEM-sized
    event.json is then about a tenth smaller to write, parse and validate."""
    return {
        key: value
        for key, value in fields.items()
        if key in _REQUIRED or not (value is None or value is False or value == "" or value == [])
    }


def content_to_json(content: PackContent) -> dict[str, Any]:
    """The event.json object; times are shown in the event's own zone with their offset."""
    event = content.event
    zone = event_zone(event.timezone, source="event.json")
    return {
        "event": {**event_head(event), **event_data(event)},
        "sessions": [
            {
                "id": s.id,
                **_lean(session_fields(s)),
                "start": _time(s.start, zone),
                "end": _time(s.end, zone),
            }
            for s in content.sessions
        ],
        "people": [{"id": p.id, **_lean(person_fields(p))} for p in content.people],
        "itineraries": [
            {
                "id": i.id,
                "title": i.title,
                "session_id": i.session_id,
                "route": [[lat, lon] for lat, lon in i.route],
                "stops": [
                    {
                        "id": st.id,
                        "title": st.title,
                        "planned_start": _opt_time(st.planned_start, zone),
                        "planned_end": _opt_time(st.planned_end, zone),
                        "address": st.address,
                        "lat": st.lat,
                        "lon": st.lon,
                        "host_id": st.host_id,
                        "briefing": st.briefing,
                        "etiquette": st.etiquette,
                        "safety": st.safety,
                        "directions_to_next": st.directions_to_next,
                    }
                    for st in i.stops
                ],
            }
            for i in content.itineraries
        ],
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "filename": d.filename,
                "media_type": d.media_type,
                "confidential": d.confidential,
                "session_ids": list(d.session_ids),
                "sharing": d.sharing.value,
                "illustrative": d.illustrative,
                "url": d.url,
            }
            for d in content.documents
        ],
        "questionnaires": [
            {
                "id": q.id,
                "version": q.version,
                "title": q.title,
                "phase": q.phase.value,
                "session_id": q.session_id,
                "description": q.description,
                "questions": [question_data(qu) for qu in q.questions],
            }
            for q in content.questionnaires
        ],
        "map": map_data(content.map),
        "extra": dict(content.extra),
    }


# --- JSON -> domain --------------------------------------------------------------------------


def event_zone(name: str, *, source: str, field: str = "$.event.timezone") -> ZoneInfo:
    """The IANA zone `name`, or an InvalidInputError naming the field."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInputError(f"unknown time zone {name!r}", path=source, field=field) from None


def parse_instant(value: str, *, source: str, field: str) -> dt.datetime:
    """An ISO date and time with its UTC offset, within 1970-2100, or an error naming it."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(
            f"not a valid date and time: {value!r}", path=source, field=field
        ) from None
    if parsed.tzinfo is None:
        raise InvalidInputError(f"time has no UTC offset: {value!r}", path=source, field=field)
    if not date_in_range(parsed):
        raise InvalidInputError(f"date {value!r} is outside {YEAR_RANGE}", path=source, field=field)
    return parsed


class _Reader:
    """Turns validated JSON into records; each conversion error names its JSON path."""

    def __init__(self, source: str, zone: ZoneInfo) -> None:
        self.source = source
        self.zone = zone

    def fail(self, problem: str, where: str) -> InvalidInputError:
        return InvalidInputError(problem, path=self.source, field=where)

    def date(self, value: str, where: str) -> dt.date:
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"not a valid date: {value!r}", where) from None
        if not date_in_range(parsed):
            raise self.fail(f"date {value!r} is outside {YEAR_RANGE}", where)
        return parsed

    def time(self, value: str, where: str, name: str) -> dt.datetime:
        """`parse_instant` of the field `name` of the item at `where`; the path is written
        only for an error (thousands of sessions have two times each)."""
        try:
            parsed = _FROM_ISO(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
            parse_instant(value, source=self.source, field=f"{where}.{name}")  # says why
        return cast(dt.datetime, parsed).astimezone(self.zone)

    def opt_time(self, value: str | None, where: str, name: str) -> dt.datetime | None:
        return None if value is None else self.time(value, where, name)

    def items(
        self, data: Mapping[str, Any], key: str, where: str, make: Callable[[Any, str], T]
    ) -> tuple[T, ...]:
        return tuple(make(item, f"{where}.{key}[{i}]") for i, item in enumerate(data.get(key, [])))


def _venue(v: Any, _where: str) -> Venue:
    return Venue(v["id"], v["name"], v.get("address", ""), v.get("lat"), v.get("lon"))


def content_from_json(data: object, *, source: str) -> PackContent:
    """Validate `data` against event.schema.json and build the PackContent it describes."""
    validate(data, EVENT_SCHEMA, source=source)
    root = cast(dict[str, Any], data)
    ev = root["event"]
    zone = event_zone(ev["timezone"], source=source)
    r = _Reader(source, zone)
    event = Event(
        id=ev["id"],
        title=ev["title"],
        timezone=ev["timezone"],
        start_date=r.date(ev["start_date"], "$.event.start_date"),
        end_date=r.date(ev["end_date"], "$.event.end_date"),
        organisers=tuple(ev.get("organisers", [])),
        venues=r.items(ev, "venues", "$.event", _venue),
        languages=tuple(ev.get("languages", [])),
        confidentiality=ev.get("confidentiality", ""),
        emergency_contact_id=ev.get("emergency_contact_id"),
        description=ev.get("description", ""),
        url=ev.get("url", ""),
        illustrative=ev.get("illustrative", ""),
        require_app_lock=bool(ev.get("require_app_lock", False)),
    )

    def session(s: Any, where: str) -> Session:
        return Session(
            id=s["id"],
            title=s["title"],
            kind=_SESSION_KINDS[s["kind"]],
            start=r.time(s["start"], where, "start"),
            end=r.time(s["end"], where, "end"),
            room=s.get("room", ""),
            venue_id=s.get("venue_id"),
            online_url=s.get("online_url", ""),
            track=s.get("track", ""),
            description=s.get("description", ""),
            speaker_ids=tuple(s.get("speaker_ids", [])),
            document_ids=tuple(s.get("document_ids", [])),
            confidential=s.get("confidential", False),
            signup_group=s.get("signup_group", ""),
            language=s.get("language", ""),
            illustrative=s.get("illustrative", False),
            links=tuple(
                [
                    SessionLink(
                        link.get("title", ""),
                        link["url"],
                        _LINK_KINDS[link.get("kind", "web_page")],
                    )
                    for link in s["links"]
                ]
            )
            if "links" in s
            else (),
        )

    def person(p: Any, _where: str) -> Person:
        return Person(
            id=p["id"],
            name=p["name"],
            role=_ROLES[p["role"]],
            organisation=p.get("organisation", ""),
            phone=p.get("phone", ""),
            email=p.get("email", ""),
            languages=tuple(p.get("languages", [])),
            listed=p.get("listed", False),
            biography=p.get("biography", ""),
        )

    def stop(s: Any, where: str) -> Stop:
        return Stop(
            id=s["id"],
            title=s["title"],
            planned_start=r.opt_time(s.get("planned_start"), where, "planned_start"),
            planned_end=r.opt_time(s.get("planned_end"), where, "planned_end"),
            address=s.get("address", ""),
            lat=s.get("lat"),
            lon=s.get("lon"),
            host_id=s.get("host_id"),
            briefing=s.get("briefing", ""),
            etiquette=s.get("etiquette", ""),
            safety=s.get("safety", ""),
            directions_to_next=s.get("directions_to_next", ""),
        )

    def itinerary(i: Any, where: str) -> Itinerary:
        return Itinerary(
            id=i["id"],
            title=i["title"],
            stops=r.items(i, "stops", where, stop),
            session_id=i.get("session_id"),
            route=tuple((float(lat), float(lon)) for lat, lon in i.get("route", [])),
        )

    def document(d: Any, _where: str) -> Document:
        return Document(
            id=d["id"],
            title=d["title"],
            filename=d["filename"],
            media_type=d.get("media_type", "application/octet-stream"),
            confidential=d.get("confidential", False),
            session_ids=tuple(d.get("session_ids", [])),
            sharing=Sharing(d.get("sharing", Sharing.SHARED.value)),
            illustrative=d.get("illustrative", False),
            url=d.get("url", ""),
        )

    def question(q: Any, _where: str) -> Question:
        return Question(
            id=q["id"],
            kind=QuestionKind(q["kind"]),
            text=q["text"],
            options=tuple(q.get("options", [])),
            scale_min=q.get("scale_min", 1),
            scale_max=q.get("scale_max", 5),
            scale_labels=tuple(q.get("scale_labels", [])),
            required=q.get("required", False),
        )

    def questionnaire(q: Any, where: str) -> Questionnaire:
        return Questionnaire(
            id=q["id"],
            version=q["version"],
            title=q["title"],
            phase=Phase(q["phase"]),
            questions=r.items(q, "questions", where, question),
            session_id=q.get("session_id"),
            description=q.get("description", ""),
        )

    raw_map = root.get("map")
    map_layer = None
    if raw_map is not None:
        bounds = raw_map.get("bounds")
        map_layer = MapLayer(
            kind=raw_map["kind"],
            filename=raw_map["filename"],
            attribution=raw_map.get("attribution", ""),
            bounds=None if bounds is None else cast(Any, tuple(float(b) for b in bounds)),
        )
    return PackContent(
        event=event,
        sessions=r.items(root, "sessions", "$", session),
        people=r.items(root, "people", "$", person),
        itineraries=r.items(root, "itineraries", "$", itinerary),
        documents=r.items(root, "documents", "$", document),
        questionnaires=r.items(root, "questionnaires", "$", questionnaire),
        map=map_layer,
        extra=dict(root.get("extra", {})),
    )


# --- manifest ----------------------------------------------------------------------------------


def manifest_to_json(manifest: PackManifest) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": manifest.format_version,
        "pack_id": manifest.pack_id,
        "event_id": manifest.event_id,
        "pack_version": manifest.pack_version,
        "created": manifest.created.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "min_app_version": manifest.min_app_version,
        "signing_key": manifest.signing_key,
        "return_key": manifest.return_key,
        "return_proof_key": manifest.return_proof_key,
        "files": {
            name: {"sha256": entry.sha256, "size": entry.size}
            for name, entry in sorted(manifest.files.items())
        },
    }


def manifest_from_json(data: object, *, source: str) -> PackManifest:
    validate(data, MANIFEST_SCHEMA, source=source)
    root = cast(dict[str, Any], data)
    created = parse_instant(root["created"], source=source, field="$.created")
    return PackManifest(
        format_version=root["format_version"],
        pack_id=root["pack_id"],
        event_id=root["event_id"],
        pack_version=root["pack_version"],
        created=created,
        min_app_version=root["min_app_version"],
        signing_key=root["signing_key"],
        return_key=root["return_key"],
        return_proof_key=root.get("return_proof_key"),
        files={
            name: FileEntry(sha256=entry["sha256"], size=entry["size"])
            for name, entry in root["files"].items()
        },
    )


def dump_json(data: Mapping[str, Any], *, pretty: bool = False) -> bytes:
    """Canonical bytes: sorted keys, UTF-8, so the same content gives the same hash."""
    text = json.dumps(
        data,
        ensure_ascii=False,
        sort_keys=True,
        allow_nan=False,
        indent=1 if pretty else None,
        separators=None if pretty else (",", ":"),
    )
    return (text + "\n").encode("utf-8")
