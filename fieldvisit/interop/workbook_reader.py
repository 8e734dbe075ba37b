"""Reader of the organiser's event workbook (.xlsx) into pack content and files."""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from xml.etree.ElementTree import ParseError
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.links import guess_kind
from fieldvisit.domain.model import (
    Document,
    Event,
    Intake,
    Itinerary,
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
    SourceBundle,
    Stop,
    Venue,
)
from fieldvisit.interop.common import (
    MAX_LINE_CHARS,
    safe_id,
    slugify,
    web_url,
    zone,
)
from fieldvisit.interop.workbook_cells import Cell, normalise_header
from fieldvisit.interop.workbook_layout import (
    EVENT_FIELDS,
    MAP_KINDS,
    PHASES,
    QUESTION_KINDS,
    ROLES,
    SESSION_KINDS,
    TABLE_SHEETS,
)
from fieldvisit.interop.workbook_sheets import (
    BROKEN_PART,
    DAMAGED,
    Sheet,
    check_container,
    short_error,
)
from fieldvisit.interop.zone_help import offset_given_help, parse_offset

# The pack schema's patterns, checked here so the error names the cell.
_FILENAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ ()-]{0,199}")
_MEDIA_TYPE = re.compile(r"[a-z0-9.+-]+/[A-Za-z0-9.+-]+")


def read_workbook(
    path: Path, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Read a filled-in event workbook; files are resolved next to it.

    Errors name the sheet, row and column: "event.xlsx: Sessions!C7: end is before start".
    `timezone` and `event_id` are used only when the Event sheet leaves them empty.
    """
    path = Path(path)
    check_container(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ParseError) as exc:
        raise InvalidInputError(f"not a readable .xlsx workbook: {exc}", path=path) from exc
    except DAMAGED as exc:  # defusedxml refusals are ValueErrors
        raise InvalidInputError(f"workbook refused: {short_error(exc)}", path=path) from exc
    try:
        # Read-only mode inflates and parses each sheet while its rows are read: a damaged
        # part fails here, not in load_workbook.
        sheets = {name: Sheet(path, name, book[name]) for name in book.sheetnames}
        return _Reader(path, sheets, timezone, event_id).bundle()
    except InvalidInputError:
        raise
    except BROKEN_PART as exc:
        raise InvalidInputError(f"the workbook is damaged: {short_error(exc)}", path=path) from exc
    finally:
        book.close()


def _required(cell: Cell, what: str) -> str:
    text = cell.text()
    if not text:
        raise cell.error(f"{what} is required")
    return text


class _Ids:
    """Ids of one sheet: each checked for shape and uniqueness, remembered for references."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.seen: dict[str, str] = {}

    def add(self, cell: Cell) -> str:
        raw = _required(cell, "an id")
        if safe_id(raw) != raw:
            raise cell.error(f"id {raw!r} may only use letters, digits and . _ : @ -")
        if raw in self.seen:
            raise cell.error(f"duplicate {self.kind} id {raw!r} (also at {self.seen[raw]})")
        self.seen[raw] = cell.ref
        return raw

    def check(self, cell: Cell, ids: tuple[str, ...]) -> tuple[str, ...]:
        for found in ids:
            if found not in self.seen:
                raise cell.error(f"no {self.kind} with id {found!r}")
        return ids

    def check_one(self, cell: Cell) -> str | None:
        text = cell.text()
        return self.check(cell, (text,))[0] if text else None


class _Reader:
    def __init__(
        self, path: Path, sheets: dict[str, Sheet], timezone: str | None, event_id: str | None
    ) -> None:
        self.path = path
        self.folder = path.resolve().parent
        self.sheets = sheets
        self.timezone = timezone
        self.event_id = event_id
        self.files: dict[str, Path] = {}
        self.venues = _Ids("venue")
        self.people = _Ids("person")
        self.sessions = _Ids("session")
        self.documents = _Ids("document")
        self.tz = ZoneInfo("UTC")
        self._document_sessions: list[tuple[Cell, tuple[str, ...]]] = []
        self.event_dates = (dt.date.min, dt.date.max)

    def records(self, name: str) -> Iterator[dict[str, Cell]]:
        sheet = self.sheets.get(name)
        if sheet is not None:
            yield from sheet.records(TABLE_SHEETS[name])

    def bundle(self) -> SourceBundle:
        event_cells = self.event_cells()
        event = self.event(event_cells)
        venues = tuple(self.venue(r) for r in self.records("Venues"))
        people = tuple(self.person(r) for r in self.records("People"))
        documents = tuple(self.document(r) for r in self.records("Documents"))
        rows = list(self.records("Sessions"))
        for row in rows:  # ids first: documents may name sessions further down
            self.sessions.add(row["id"])
        sessions = tuple(self.session(r) for r in rows)
        self.check_document_sessions()
        itineraries = self.itineraries()
        questionnaires = self.questionnaires()
        emergency = self.people.check_one(event_cells["emergency contact id"])
        event = _replace_event(event, venues, emergency)
        content = PackContent(
            event=event,
            sessions=sessions,
            people=people,
            itineraries=itineraries,
            documents=documents,
            questionnaires=questionnaires,
            map=self.map_layer(event_cells),
            extra={"source_format": "xlsx"},
        )
        intake = Intake(
            events=len(rows),
            people=len(people),
            rooms=len({s.room for s in sessions if s.room}),
            links=sum(len(s.links) for s in sessions),
        )
        return SourceBundle(content=content, files=self.files, intake=intake)

    def event_cells(self) -> dict[str, Cell]:
        sheet = self.sheets.get("Event")
        if sheet is None:
            raise InvalidInputError("the workbook has no Event sheet", path=self.path)
        found: dict[str, Cell] = {}
        for number, row in enumerate(sheet.rows[1:], start=2):
            key = normalise_header(row[0] if row else None)
            if key and key not in found:
                found[key] = Cell(self.path, f"Event!B{number}", row[1] if len(row) > 1 else None)
        for column in EVENT_FIELDS:
            found.setdefault(column.header, Cell(self.path, f"Event!{column.header}", None))
        return found

    def event(self, cells: dict[str, Cell]) -> Event:
        title = _required(cells["title"], "the event title")
        cells["title"].line()
        tz_cell = cells["timezone"]
        tz_name = tz_cell.text() or (self.timezone or "")
        start, end = cells["start date"].date(), cells["end date"].date()
        if not tz_name:
            raise tz_cell.error(
                "the event's time zone is required: an IANA name like Europe/Amsterdam here, "
                "or pass --timezone (times in a workbook carry no UTC offset to guess it from)"
            )
        if (offset := parse_offset(tz_name)) is not None and start is not None:
            days = [start, end or start]
            raise tz_cell.error(offset_given_help(tz_name, offset, days))
        self.tz = zone(tz_name, self.path, tz_cell.ref)
        if start is None:
            raise cells["start date"].error("the start date is required")
        end = end or start
        if end < start:
            raise cells["end date"].error("the end date is before the start date")
        self.event_dates = (start, end)
        raw_id = cells["id"].text() or (self.event_id or "") or slugify(title)
        if safe_id(raw_id) != raw_id or not raw_id:
            raise cells["id"].error(f"id {raw_id!r} may only use letters, digits and . _ : @ -")
        return Event(
            id=raw_id,
            title=title,
            timezone=self.tz.key,
            start_date=start,
            end_date=end,
            organisers=cells["organisers"].items(),
            languages=cells["languages"].items(),
            confidentiality=cells["confidentiality"].text(),
            description=cells["description"].text(),
            url=cells["url"].url(),
        )

    def venue(self, row: dict[str, Cell]) -> Venue:
        return Venue(
            id=self.venues.add(row["id"]),
            name=_required(row["name"], "the venue name") and row["name"].line(),
            address=row["address"].line(),
            lat=row["lat"].degrees(90),
            lon=row["lon"].degrees(180),
        )

    def person(self, row: dict[str, Cell]) -> Person:
        return Person(
            id=self.people.add(row["id"]),
            name=_required(row["name"], "the name") and row["name"].line(),
            role=Role(row["role"].choice(ROLES)),
            organisation=row["organisation"].line(),
            phone=row["phone"].line(64),
            email=row["email"].line(320),
            languages=row["languages"].items(),
            listed=row["listed"].flag(),
        )

    def local(self, day: dt.date, clock: dt.time) -> dt.datetime:
        return dt.datetime.combine(day, clock, tzinfo=self.tz)

    def session(self, row: dict[str, Cell]) -> Session:
        day = row["date"].date()
        if day is None:
            raise row["date"].error("the date is required")
        start_clock, end_clock = row["start"].time(), row["end"].time()
        if start_clock is None:
            raise row["start"].error("the start time is required")
        if end_clock is None:
            raise row["end"].error("the end time is required")
        start = self.local(day, start_clock)
        end = self.local(row["end date"].date() or day, end_clock)
        if end <= start:
            problem = "end is before start" if end < start else "end equals start"
            raise row["end"].error(f"{problem} (for a session past midnight, fill in its end date)")
        if end.astimezone(dt.UTC) - start.astimezone(dt.UTC) > dt.timedelta(days=14):
            raise row["end date"].error("the session lasts more than 14 days")
        event = self.event_dates
        if not event[0] - dt.timedelta(days=1) <= day <= event[1] + dt.timedelta(days=1):
            raise row["date"].error(
                f"{day} is outside the event's dates ({event[0]} to {event[1]})"
            )
        return Session(
            id=row["id"].text(),
            title=_required(row["title"], "the title") and row["title"].line(),
            kind=SessionKind(row["kind"].choice(SESSION_KINDS)),
            start=start,
            end=end,
            room=row["room"].line(),
            venue_id=self.venues.check_one(row["venue id"]),
            online_url=row["online url"].url(),
            track=row["track"].line(),
            description=row["description"].text(),
            speaker_ids=self.people.check(row["speaker ids"], row["speaker ids"].items()),
            document_ids=self.documents.check(row["document ids"], row["document ids"].items()),
            confidential=row["confidential"].flag(),
            signup_group=row["signup group"].line(),
            language=row["language"].line(),
            links=_links(row["links"]),
        )

    def document(self, row: dict[str, Cell]) -> Document:
        doc_id = self.documents.add(row["id"])
        source = self.resolve_file(row["file"])
        member = f"documents/{source.name}"
        if member in self.files:
            raise row["file"].error(f"two documents are named {source.name!r}: rename one")
        self.files[member] = source
        media_type = row["media type"].text() or (
            mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        )
        if not _MEDIA_TYPE.fullmatch(media_type):
            raise row["media type"].error(
                f"{media_type!r} is not a media type like application/pdf"
            )
        self._document_sessions.append((row["session ids"], row["session ids"].items()))
        return Document(
            id=doc_id,
            title=_required(row["title"], "the title") and row["title"].line(),
            filename=source.name,
            media_type=media_type,
            confidential=row["confidential"].flag(),
            session_ids=row["session ids"].items(),
        )

    def check_document_sessions(self) -> None:
        for cell, ids in self._document_sessions:
            self.sessions.check(cell, ids)

    def resolve_file(self, cell: Cell) -> Path:
        """A file named relative to the workbook's folder, never one outside it."""
        text = _required(cell, "the file name")
        if PureWindowsPath(text).is_absolute() or PureWindowsPath(text).drive or text[:1] in "/\\":
            raise cell.error(f"{text!r}: give the path relative to the workbook's folder")
        relative = PurePosixPath(text.replace("\\", "/"))
        candidate = (self.folder / relative).resolve()
        if not candidate.is_relative_to(self.folder):
            raise cell.error(f"{text!r} is outside the workbook's folder: refused")
        if not candidate.is_file():
            raise cell.error(f"file {text!r} not found next to the workbook")
        if not _FILENAME.fullmatch(candidate.name):
            raise cell.error(
                f"file name {candidate.name!r}: start with a letter or digit and use only "
                "letters, digits, spaces and . _ ( ) - (rename the file)"
            )
        return candidate

    def itineraries(self) -> tuple[Itinerary, ...]:
        order: dict[str, dict[str, Any]] = {}
        stop_ids = _Ids("stop")
        for row in self.records("Stops"):
            it_cell = row["itinerary id"]
            it_id = _required(it_cell, "the itinerary id")
            if safe_id(it_id) != it_id:
                raise it_cell.error(f"id {it_id!r} may only use letters, digits and . _ : @ -")
            entry = order.setdefault(it_id, {"title": "", "session": None, "stops": []})
            entry["title"] = entry["title"] or row["itinerary title"].line()
            entry["session"] = entry["session"] or self.sessions.check_one(
                row["itinerary session id"]
            )
            entry["stops"].append(self.stop(row, stop_ids))
        return tuple(
            Itinerary(
                id=it_id,
                title=entry["title"] or it_id,
                stops=tuple(entry["stops"]),
                session_id=entry["session"],
            )
            for it_id, entry in order.items()
        )

    def stop(self, row: dict[str, Cell], stop_ids: _Ids) -> Stop:
        day = row["date"].date()
        times: list[dt.datetime | None] = []
        for key in ("planned start", "planned end"):
            clock = row[key].time()
            if clock is not None and day is None:
                raise row["date"].error("a stop with a time needs a date")
            times.append(self.local(day, clock) if clock is not None and day else None)
        start, end = times
        if start and end and end < start:
            raise row["planned end"].error("end is before start")
        lat, lon = row["lat"].degrees(90), row["lon"].degrees(180)
        if (lat is None) != (lon is None):
            raise row["lon" if lon is None else "lat"].error("give both latitude and longitude")
        return Stop(
            id=stop_ids.add(row["stop id"]),
            title=_required(row["title"], "the title") and row["title"].line(),
            planned_start=start,
            planned_end=end,
            address=row["address"].line(),
            lat=lat,
            lon=lon,
            host_id=self.people.check_one(row["host id"]),
            briefing=row["briefing"].text(),
            etiquette=row["etiquette"].text(),
            safety=row["safety"].text(),
            directions_to_next=row["directions to next"].text(),
        )

    def questionnaires(self) -> tuple[Questionnaire, ...]:
        ids = _Ids("questionnaire")
        heads: list[tuple[dict[str, Cell], str]] = [
            (row, ids.add(row["id"])) for row in self.records("Questionnaires")
        ]
        questions: dict[str, list[Question]] = {qid: [] for _, qid in heads}
        question_ids: dict[str, _Ids] = {qid: _Ids("question") for _, qid in heads}
        for row in self.records("Questions"):
            owner_cell = row["questionnaire id"]
            owner = ids.check(owner_cell, (_required(owner_cell, "the questionnaire id"),))[0]
            questions[owner].append(self.question(row, question_ids[owner]))
        result = []
        for row, qid in heads:
            if not questions[qid]:
                raise row["id"].error(
                    f"questionnaire {qid!r} has no questions on the Questions sheet"
                )
            version = row["version"].integer(1) or 1
            if version < 1:
                raise row["version"].error("the version starts at 1")
            result.append(
                Questionnaire(
                    id=qid,
                    version=version,
                    title=_required(row["title"], "the title") and row["title"].line(),
                    phase=Phase(row["phase"].choice(PHASES)),
                    questions=tuple(questions[qid]),
                    session_id=self.sessions.check_one(row["session id"]),
                    description=row["description"].text(),
                )
            )
        return tuple(result)

    def question(self, row: dict[str, Cell], ids: _Ids) -> Question:
        kind = QuestionKind(row["kind"].choice(QUESTION_KINDS))
        options = row["options"].items()
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(options) < 2:
            raise row["options"].error("a choice question needs at least two options")
        low, high = row["scale min"].integer(1), row["scale max"].integer(5)
        assert low is not None and high is not None  # defaults given
        if not -100 <= low <= 100 or not -100 <= high <= 100:
            raise row["scale max" if -100 <= low <= 100 else "scale min"].error(
                "scale values go from -100 to 100"
            )
        if kind is QuestionKind.SCALE and low >= high:
            raise row["scale max"].error("scale max must be above scale min")
        labels = tuple(t for t in (row["low label"].line(), row["high label"].line()) if t)
        return Question(
            id=ids.add(row["question id"]),
            kind=kind,
            text=_required(row["text"], "the question text"),
            options=options,
            scale_min=low,
            scale_max=high,
            scale_labels=labels if len(labels) == 2 else (),
            required=row["required"].flag(),
        )

    def map_layer(self, cells: dict[str, Cell]) -> MapLayer | None:
        if not cells["map file"].text():
            return None
        source = self.resolve_file(cells["map file"])
        kind_cell = cells["map kind"]
        kind = (
            kind_cell.choice(MAP_KINDS)
            if kind_cell.text()
            else ("mbtiles" if source.suffix.lower() == ".mbtiles" else "image")
        )
        bounds_cell = cells["map bounds"]
        bounds: tuple[float, float, float, float] | None = None
        if bounds_cell.items():
            try:
                west, south, east, north = (float(v.replace(",", ".")) for v in bounds_cell.items())
            except ValueError as exc:
                raise bounds_cell.error(
                    "bounds are four numbers: west; south; east; north"
                ) from exc
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                raise bounds_cell.error("bounds must be west < east and south < north, in degrees")
            bounds = (west, south, east, north)
        elif kind == "image":
            raise bounds_cell.error("an image map needs its bounds: west; south; east; north")
        self.files[f"map/{source.name}"] = source
        return MapLayer(
            kind=kind,
            filename=source.name,
            attribution=cells["map attribution"].text(),
            bounds=bounds,
        )


def _replace_event(event: Event, venues: tuple[Venue, ...], emergency: str | None) -> Event:
    return replace(event, venues=venues, emergency_contact_id=emergency)


def _links(cell: Cell) -> tuple[SessionLink, ...]:
    """The Links column: "Title | https://..." or a bare address, separated by ;"""
    found: list[SessionLink] = []
    for item in cell.items():
        title, _, address = item.rpartition("|")
        title, address = title.strip(), address.strip()
        if web_url(address) != address or not address:
            raise cell.error(f"{address!r} is not a web address (https://...)")
        if len(title) > MAX_LINE_CHARS:
            raise cell.error(f"a link title is over {MAX_LINE_CHARS} characters")
        found.append(SessionLink(title=title, url=address, kind=guess_kind(title, address)))
    return tuple(found)
