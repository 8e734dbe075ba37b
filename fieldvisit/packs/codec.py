"""event.json and manifest.json <-> domain records, validated by the JSON Schemas in resources/."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.limits import (
    MAX_YEAR,
    MIN_YEAR,
    SURROGATE_ESCAPE,
    YEAR_RANGE,
    date_in_range,
    find_odd_value,
    json_int_hook,
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
from fieldvisit.packs.fastschema import Check, UnsupportedSchemaError, compile_schema
from fieldvisit.packs.manifest import FORMAT_NAME, FileEntry, PackManifest
from fieldvisit.paths import resource

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

T = TypeVar("T")

EVENT_SCHEMA = "event.schema.json"
# By value: calling the enum is ~20x slower, and FOSDEM has thousands of links. The schema
# has checked every value already.
_LINK_KINDS = {kind.value: kind for kind in LinkKind}
_SESSION_KINDS = {kind.value: kind for kind in SessionKind}
_ROLES = {role.value: role for role in Role}
MANIFEST_SCHEMA = "manifest.schema.json"
_FROM_ISO = dt.datetime.fromisoformat


def _inline_refs(node: Any, defs: Mapping[str, Any]) -> Any:
    """Replace local `#/$defs/x` references by their target (our schemas are not recursive).

    WORKAROUND: jsonschema resolves every $ref through `referencing` on each use, which made
    validating a FOSDEM-sized event.json take 0.7 s; inlined, the same check is ~3x faster.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


@functools.cache
def _schema(schema_name: str) -> dict[str, Any]:
    schema = json.loads(resource("schemas", schema_name).read_text(encoding="utf-8"))
    return cast(dict[str, Any], _inline_refs(schema, schema.get("$defs", {})))


@functools.cache
def validator(schema_name: str) -> Validator:
    """The jsonschema validator of one schema, built once per process (it writes errors)."""
    import jsonschema  # slow to import, and only needed when something is wrong

    schema = _schema(schema_name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@functools.cache
def fast_check(schema_name: str) -> Check:
    """The compiled yes/no check of one schema (see fastschema.py), built once per process."""
    try:
        return compile_schema(_schema(schema_name))
    except UnsupportedSchemaError:
        reference = validator(schema_name)  # correct, only slower

        def check(data: Any) -> bool:
            try:
                _refuse_nul(data, "$", schema_name)
            except InvalidInputError:
                return False
            return bool(reference.is_valid(data))

        return check


def validate(data: object, schema_name: str, *, source: str) -> None:
    """Raise InvalidInputError naming `source` and the JSON path of the first bad field."""
    try:
        # The fast check also refuses NUL characters; _refuse_nul then says where.
        if fast_check(schema_name)(data):
            return
        _refuse_nul(data, "$", source)
        odd = find_odd_value(data)  # the fast check's other strictness: say where
        if odd is not None:
            raise InvalidInputError(odd[1], path=source, field=odd[0])
        errors = list(validator(schema_name).iter_errors(cast(Any, data)))
    except RecursionError:
        raise InvalidInputError("JSON nested too deeply", path=source) from None
    if not errors:
        # The fast check is never more lenient than jsonschema; when they disagree, refuse.
        raise InvalidInputError(f"does not match {schema_name}", path=source, field="$")
    # The deepest error says most about what is wrong; ties broken by path for stable output.
    error = min(errors, key=lambda e: (-len(e.absolute_path), e.json_path))
    message = _explain(error)
    if len(message) > 200:
        message = message[:200] + "..."
    raise InvalidInputError(message, path=source, field=error.json_path)


def _explain(error: Any) -> str:
    """jsonschema's message, or for a pattern the schema describes, what the value must be.

    "'0001-02-15' does not match '^(19[7-9][0-9]|...'" says less than "must be a date from
    1970 to 2100"; an anyOf (an optional date) is explained by its one non-null option.
    """
    while error.validator == "anyOf" and error.context:
        options = [e for e in error.context if e.validator != "type"]
        if len(options) != 1:
            break
        error = options[0]
    schema = error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description")
    if error.validator == "pattern" and isinstance(described, str):
        shown = repr(error.instance)
        if len(shown) > 60:
            shown = shown[:60] + "..."
        return f"{shown} is not {described}"
    return str(error.message)


def _refuse_nul(data: object, where: str, source: str) -> None:
    """NUL characters are valid JSON (\\u0000) but break SQLite text and C-based viewers."""
    if isinstance(data, str):
        if "\x00" in data:
            raise InvalidInputError("contains a NUL character", path=source, field=where)
    elif isinstance(data, dict):
        for key, value in data.items():
            if "\x00" in key:
                raise InvalidInputError("a key contains a NUL character", path=source, field=where)
            _refuse_nul(value, f"{where}.{key}", source)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _refuse_nul(item, f"{where}[{index}]", source)


def parse_json_bytes(raw: bytes, *, source: str) -> object:
    """Strict UTF-8 JSON: invalid bytes, NaN, duplicate keys, lone surrogates (`\\ud800`)
    and integers past 64 bits are refused, each naming where it was."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})",
            path=source,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    raise InvalidInputError(f"duplicate key {key!r}", path=source)
                seen.add(key)
        return result

    def no_constant(name: str) -> object:
        raise InvalidInputError(f"{name} is not allowed in JSON", path=source)

    huge = [False]
    try:
        data = cast(
            object,
            json.loads(
                text,
                object_pairs_hook=no_duplicates,
                parse_constant=no_constant,
                parse_int=json_int_hook(huge),
            ),
        )
        if huge[0] or SURROGATE_ESCAPE.search(text):
            odd = find_odd_value(data)
            if odd is not None:
                where, problem = odd
                raise InvalidInputError(problem, path=source, field=where)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=source
        ) from None
    except RecursionError:
        raise InvalidInputError("JSON nested too deeply", path=source) from None
    except ValueError as exc:  # a float or other literal Python cannot convert
        raise InvalidInputError(f"not valid JSON: {exc}", path=source) from None
    return data


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
