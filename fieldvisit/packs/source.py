"""The pack source folder: human-editable TOML files plus documents/ and map/ (see docs)."""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.links import guess_kind, openable
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
    SourceBundle,
    Stop,
    Venue,
)

T = TypeVar("T")
EVENT_FILE = "event.toml"
OPTIONAL_FILES = ("sessions.toml", "people.toml", "visit.toml", "questionnaires.toml")
DOCUMENTS_FILE = "documents.toml"
MAX_TOML = 8 * 1024 * 1024
MAX_SESSION_LINKS = 200  # the pack schema's limit
MAX_TITLE = 1000  # a link title is a "line" in the pack schema
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SAFE_FILENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ ()-]{0,199}$")
_MEDIA_TYPES = {".md": "text/markdown", ".txt": "text/plain", ".pdf": "application/pdf"}
_TYPE_NAMES: dict[type, str] = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
    dt.datetime: "a date-time",
    dt.date: "a date",
    dt.time: "a time of day",
}


def load_toml(path: Path) -> dict[str, Any]:
    """Parse one TOML file; errors name the file and the line tomllib reports."""
    try:
        if path.stat().st_size > MAX_TOML:
            raise InvalidInputError(f"too large (over {MAX_TOML} bytes)", path=path)
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"not valid UTF-8 (byte {exc.start})", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInputError(f"not valid TOML: {exc}", path=path) from None


class Table:
    """One TOML table read strictly: every key must be known, every value the right type."""

    def __init__(self, data: object, file: Path, where: str) -> None:
        if not isinstance(data, dict):
            raise InvalidInputError("expected a table", path=file, field=where)
        self.data: dict[str, Any] = data
        self.file = file
        self.where = where
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def fail(self, name: str, problem: str) -> InvalidInputError:
        return InvalidInputError(problem, path=self.file, field=self.key(name))

    def get(self, name: str, kind: type[T] | tuple[type, ...], default: T | None = None) -> T:
        self.used.add(name)
        if name not in self.data:
            if default is None:
                raise self.fail(name, "missing")
            return default
        value = self.data[name]
        # TOML booleans are not numbers here, though bool subclasses int in Python.
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.fail(name, "expected a number")
        if not isinstance(value, kind):
            kinds = (kind,) if isinstance(kind, type) else kind
            names = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            got = _TYPE_NAMES.get(type(value), type(value).__name__)
            raise self.fail(name, f"expected {names}, got {got}")
        return cast(T, value)

    def text(self, name: str, default: str | None = "") -> str:
        return self.get(name, str, default)

    def opt_text(self, name: str) -> str | None:
        value = self.get(name, str, "")
        return value or None

    def flag(self, name: str) -> bool:
        return self.get(name, bool, False)

    def number(self, name: str) -> float | None:
        if name not in self.data:
            self.used.add(name)
            return None
        return float(self.get(name, (int, float)))

    def strings(self, name: str) -> tuple[str, ...]:
        values = self.get(name, list, [])
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise self.fail(f"{name}[{i}]", "expected a string")
        return tuple(values)

    def tables(self, name: str, factory: Callable[[Table], T]) -> tuple[T, ...]:
        items = self.get(name, list, [])
        result = []
        for i, item in enumerate(items):
            table = Table(item, self.file, f"{self.key(name)}[{i}]")
            result.append(factory(table))
            table.done()
        return tuple(result)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(unknown[0], "unknown key (a typo?)")


class _Times:
    """Reads TOML times: offset datetimes, local datetimes, or local times on a given date."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    def at(self, table: Table, name: str, day: dt.date | None) -> dt.datetime | None:
        if name not in table.data:
            table.used.add(name)
            return None
        value: object = table.get(name, (dt.datetime, dt.time, dt.date))
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                return value.replace(tzinfo=self.zone)
            return value.astimezone(self.zone)
        if isinstance(value, dt.time):
            if day is None:
                raise table.fail(name, "a time of day needs a `date` (or give a full date-time)")
            if value.tzinfo is not None:
                raise table.fail(name, "give the offset on a full date-time, not a time")
            return dt.datetime.combine(day, value, tzinfo=self.zone)
        raise table.fail(name, "expected a date-time or a time of day, got a date")

    def span(
        self, table: Table, day: dt.date | None, required: bool
    ) -> tuple[dt.datetime | None, dt.datetime | None]:
        start = self.at(table, "start", day)
        end = self.at(table, "end", day)
        if required and (start is None or end is None):
            raise table.fail("start" if start is None else "end", "missing")
        # "22:00" to "01:00" on one date crosses midnight.
        if start is not None and end is not None and end <= start:
            if isinstance(table.data.get("end"), dt.time):
                end = dt.datetime.combine(end.date() + dt.timedelta(days=1), end.timetz())
        return start, end


def _date(table: Table, name: str, default: dt.date | None = None) -> dt.date | None:
    if name not in table.data:
        table.used.add(name)
        if default is None:
            return None
        return default
    value = table.get(name, dt.date)
    if isinstance(value, dt.datetime):
        raise table.fail(name, "expected a date (YYYY-MM-DD), not a date-time")
    return value


def _enum(table: Table, name: str, enum: Any, default: str | None = None) -> Any:
    value = table.text(name, default)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise table.fail(name, f"unknown value {value!r} (one of: {allowed})") from None


def _event(table: Table) -> Event:
    zone_name = table.text("timezone", None)
    try:
        ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise table.fail("timezone", f"unknown time zone {zone_name!r}") from None
    start = _date(table, "start_date")
    if start is None:
        raise table.fail("start_date", "missing")
    event = Event(
        id=table.text("id", None),
        title=table.text("title", None),
        timezone=zone_name,
        start_date=start,
        end_date=cast(dt.date, _date(table, "end_date", start)),
        organisers=table.strings("organisers"),
        venues=table.tables(
            "venues",
            lambda v: Venue(
                v.text("id", None),
                v.text("name", None),
                v.text("address"),
                v.number("lat"),
                v.number("lon"),
            ),
        ),
        languages=table.strings("languages"),
        confidentiality=table.text("confidentiality"),
        emergency_contact_id=table.opt_text("emergency_contact"),
        description=table.text("description"),
        url=table.text("url"),
        illustrative=table.text("illustrative"),
        require_app_lock=table.flag("require_app_lock"),
    )
    return event


def _map(top: Table) -> MapLayer | None:
    if "map" not in top.data:
        top.used.add("map")
        return None
    m = Table(top.get("map", dict), top.file, "map")
    bounds = m.get("bounds", list, [])
    if bounds and (
        len(bounds) != 4
        or not all(isinstance(b, int | float) and not isinstance(b, bool) for b in bounds)
    ):
        raise m.fail("bounds", "expected [west, south, east, north] in degrees")
    map_layer = MapLayer(
        kind=m.text("kind", None),
        filename=m.text("file", None),
        attribution=m.text("attribution"),
        bounds=cast(Any, tuple(float(b) for b in bounds)) if bounds else None,
    )
    m.done()
    return map_layer


def read_source_folder(folder: Path) -> SourceBundle:
    """Read a pack source folder into content plus the files the pack will carry."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInputError("not a folder", path=folder)
    event_path = folder / EVENT_FILE
    if not event_path.is_file():
        raise InvalidInputError(f"a pack source folder needs {EVENT_FILE}", path=folder)
    top = Table(load_toml(event_path), event_path, "")
    top.get("pack_version", int, 1)
    extra: dict[str, str] = {}
    if "pack_version" in top.data:
        version = top.data["pack_version"]
        if version < 1:
            raise top.fail("pack_version", "must be 1 or more")
        extra["pack_version"] = str(version)
    event_table = Table(top.get("event", dict), event_path, "event")
    event = _event(event_table)
    event_table.done()
    map_layer = _map(top)
    times = _Times(ZoneInfo(event.timezone))

    docs_path = folder / DOCUMENTS_FILE
    documents: tuple[Document, ...] = ()
    if docs_path.is_file():
        documents = Table(load_toml(docs_path), docs_path, "").tables("document", _document)
    top.done()

    def load(name: str) -> Table:
        path = folder / name
        return Table(load_toml(path) if path.is_file() else {}, path, "")

    sessions_t = load("sessions.toml")
    sessions = sessions_t.tables("session", lambda t: _session(t, times))
    sessions_t.done()
    people_t = load("people.toml")
    people = people_t.tables("person", _person)
    people_t.done()
    visit_t = load("visit.toml")
    by_id = {s.id: s for s in sessions}
    itineraries = visit_t.tables("itinerary", lambda t: _itinerary(t, times, by_id))
    visit_t.done()
    quest_t = load("questionnaires.toml")
    questionnaires = quest_t.tables("questionnaire", _questionnaire)
    quest_t.done()

    files: dict[str, Path] = {}
    declared = {d.filename for d in documents}
    docs_dir = folder / "documents"
    auto: list[Document] = []
    if docs_dir.is_dir():
        for path in sorted(docs_dir.iterdir()):
            if path.name.startswith(".") or not path.is_file():
                continue
            if not _SAFE_FILENAME.match(path.name):
                raise InvalidInputError(
                    "file name must be letters, digits, '.', '_', '-', ' ' or brackets",
                    path=path,
                )
            files[f"documents/{path.name}"] = path
            if path.name not in declared:
                auto.append(
                    Document(
                        id=path.stem,
                        title=path.stem.replace("-", " ").replace("_", " "),
                        filename=path.name,
                        media_type=_media_type(path.name),
                    )
                )
    for doc in documents:
        if doc.carried and f"documents/{doc.filename}" not in files:
            raise InvalidInputError(
                f"names documents/{doc.filename}, which is not in the folder", path=docs_path
            )
    if map_layer is not None:
        map_path = folder / "map" / map_layer.filename
        if not map_path.is_file() or not _SAFE_FILENAME.match(map_layer.filename):
            raise InvalidInputError(
                f"names map/{map_layer.filename}, which is not in the folder",
                path=event_path,
                field="map.file",
            )
        files[f"map/{map_layer.filename}"] = map_path
    content = PackContent(
        event=event,
        sessions=sessions,
        people=people,
        itineraries=itineraries,
        documents=(*documents, *auto),
        questionnaires=questionnaires,
        map=map_layer,
        extra=extra,
    )
    return SourceBundle(content=content, files=files)


def _media_type(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return (
        _MEDIA_TYPES.get(suffix)
        or mimetypes.guess_type(filename)[0]
        or ("application/octet-stream")
    )


def _document(t: Table) -> Document:
    sharing = _enum(t, "sharing", Sharing, Sharing.SHARED.value)
    # A confidential, not shared presentation is listed without a file.
    filename = t.text("file", "" if sharing is Sharing.NOT_SHARED else None)
    if sharing is Sharing.NOT_SHARED and filename:
        raise t.fail("file", "a document that is confidential, not shared carries no file")
    return Document(
        id=t.text("id", None),
        title=t.text("title", None),
        filename=filename,
        media_type=t.text("media_type", _media_type(filename) if filename else "text/plain"),
        confidential=t.flag("confidential"),
        session_ids=t.strings("sessions"),
        sharing=sharing,
        illustrative=t.flag("illustrative"),
    )


def _session(t: Table, times: _Times) -> Session:
    day = _date(t, "date")
    start, end = times.span(t, day, required=True)
    assert start is not None and end is not None
    return Session(
        id=t.text("id", None),
        title=t.text("title", None),
        kind=_enum(t, "kind", SessionKind, "plenary"),
        start=start,
        end=end,
        room=t.text("room"),
        venue_id=t.opt_text("venue"),
        online_url=t.text("online_url"),
        track=t.text("track"),
        description=t.text("description"),
        speaker_ids=t.strings("speakers"),
        document_ids=t.strings("documents"),
        confidential=t.flag("confidential"),
        signup_group=t.text("signup_group"),
        language=t.text("language"),
        illustrative=t.flag("illustrative"),
        links=_links(t),
    )


def _links(session: Table) -> tuple[SessionLink, ...]:
    """`[[session.links]]`: url, title, kind (guessed from the title and address when not
    given). An address the app would never open (not http(s), over 2,000 characters, with
    spaces) is refused here: the organisers can mend it, unlike a schedule's."""
    links = session.tables("links", _link)
    if len(links) > MAX_SESSION_LINKS:
        raise session.fail("links", f"more than {MAX_SESSION_LINKS} links")
    return links


def _link(t: Table) -> SessionLink:
    url = t.text("url", None)
    if not openable(url):
        raise t.fail(
            "url",
            f"{url[:60]!r} is not a web address the app can open "
            "(http:// or https://, at most 2,000 characters, no spaces)",
        )
    title = t.text("title")
    if len(title) > MAX_TITLE or _CONTROL.search(title):
        raise t.fail("title", f"a link title is one line of at most {MAX_TITLE} characters")
    kind = _enum(t, "kind", LinkKind) if "kind" in t.data else guess_kind(title, url)
    return SessionLink(title=title, url=url, kind=kind)


def _person(t: Table) -> Person:
    return Person(
        id=t.text("id", None),
        name=t.text("name", None),
        role=_enum(t, "role", Role),
        organisation=t.text("organisation"),
        phone=t.text("phone"),
        email=t.text("email"),
        languages=t.strings("languages"),
        listed=t.flag("listed"),
    )


def _itinerary(t: Table, times: _Times, sessions: dict[str, Session]) -> Itinerary:
    session_id = t.opt_text("session")
    day = _date(t, "date")
    if day is None and session_id in sessions:
        day = sessions[session_id].start.date()

    def stop(s: Table) -> Stop:
        start, end = times.span(s, day, required=False)
        return Stop(
            id=s.text("id", None),
            title=s.text("title", None),
            planned_start=start,
            planned_end=end,
            address=s.text("address"),
            lat=s.number("lat"),
            lon=s.number("lon"),
            host_id=s.opt_text("host"),
            briefing=s.text("briefing"),
            etiquette=s.text("etiquette"),
            safety=s.text("safety"),
            directions_to_next=s.text("directions"),
        )

    stops = t.tables("stop", stop)
    route: list[tuple[float, float]] = []
    for i, point in enumerate(t.get("route", list, [])):
        if (
            not isinstance(point, list)
            or len(point) != 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in point)
        ):
            raise t.fail(f"route[{i}]", "expected [latitude, longitude]")
        route.append((float(point[0]), float(point[1])))
    return Itinerary(
        id=t.text("id", None),
        title=t.text("title", None),
        stops=stops,
        session_id=session_id,
        route=tuple(route),
    )


def _question(t: Table) -> Question:
    return Question(
        id=t.text("id", None),
        kind=_enum(t, "kind", QuestionKind, "text"),
        text=t.text("text", None),
        options=t.strings("options"),
        scale_min=t.get("scale_min", int, 1),
        scale_max=t.get("scale_max", int, 5),
        scale_labels=t.strings("scale_labels"),
        required=t.flag("required"),
    )


def _questionnaire(t: Table) -> Questionnaire:
    return Questionnaire(
        id=t.text("id", None),
        version=t.get("version", int, 1),
        title=t.text("title", None),
        phase=_enum(t, "phase", Phase),
        questions=t.tables("question", _question),
        session_id=t.opt_text("session"),
        description=t.text("description"),
    )
