"""The frab schedule shape shared by the XML and JSON readers, and its conversion to content.

Both formats carry the same conference / day / room / event tree; the readers only pull
strings out of their syntax into `RawSchedule`, and `build_bundle` alone decides what the
strings mean (zones, day_change, durations, ids), so both formats behave the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.links import openable
from fieldvisit.domain.model import (
    Event,
    Intake,
    LinkKind,
    PackContent,
    Person,
    Role,
    Session,
    SourceBundle,
    Venue,
)
from fieldvisit.interop.common import (
    MAX_LINE_CHARS,
    IdAllocator,
    check_text,
    derived_person_id,
    kind_for,
    safe_id,
    slugify,
    web_url,
    zone,
)
from fieldvisit.interop.html_text import html_to_text
from fieldvisit.interop.links import LinkCollector, RawLink
from fieldvisit.interop.zone_help import Sample, no_zone_help, sample

UTC = dt.UTC
# Participant roles (c3voc schedule 2) that are not speakers.
_ROLES = {"MODERATOR": Role.CHAIR, "CHAIR": Role.CHAIR, "HOST": Role.HOST}


@dataclass(slots=True)
class RawPerson:
    id: str
    name: str
    role: str = ""  # schedule 2's participant role (SPEAKER, MODERATOR, HOST...)
    biography: str = ""


@dataclass(slots=True)
class RawEvent:
    """One event's strings as found in the file; `where` is its path for error messages."""

    where: str
    day_date: str = ""
    guid: str = ""
    id: str = ""
    slug: str = ""
    date: str = ""
    start: str = ""
    duration: str = ""
    room: str = ""
    title: str = ""
    subtitle: str = ""
    track: str = ""
    type: str = ""
    language: str = ""
    abstract: str = ""
    description: str = ""
    url: str = ""
    persons: list[RawPerson] = field(default_factory=list)
    # Every other address the event gives (links, feedback, recording), in the file's order.
    links: list[RawLink] = field(default_factory=list)
    attachments: list[RawLink] = field(default_factory=list)


@dataclass(slots=True)
class RawSchedule:
    path: Path
    source_format: str
    conference_where: str
    acronym: str = ""
    title: str = ""
    start: str = ""
    end: str = ""
    time_zone: str = ""
    day_change: str = ""
    venue: str = ""
    city: str = ""
    url: str = ""
    events: list[RawEvent] = field(default_factory=list)
    # Rooms the file declares (beyond those its events name), and the join or stream
    # address of those that are online rooms.
    rooms: list[str] = field(default_factory=list)
    room_join: dict[str, str] = field(default_factory=dict)


def parse_clock(value: str, path: Path, field_name: str) -> dt.time:
    """ "09:30", "9:30" or "09:30:00" as a time of day."""
    parts = value.strip().split(":")
    try:
        if len(parts) not in (2, 3):
            raise ValueError(value)
        hour, minute = int(parts[0]), int(parts[1])
        second = int(parts[2]) if len(parts) == 3 else 0
        return dt.time(hour, minute, second)
    except ValueError as exc:
        raise InvalidInputError(
            f"time {value!r} is not HH:MM", path=path, field=field_name
        ) from exc


def parse_duration(value: str, path: Path, field_name: str) -> dt.timedelta:
    """frab durations: "00:25", "1:30", "01:30:00", or "1:02:30" read as H:MM:SS."""
    text = value.strip()
    if text.startswith("-"):
        raise InvalidInputError(
            f"negative duration {value!r}: end is before start", path=path, field=field_name
        )
    parts = text.split(":")
    try:
        if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
            raise ValueError(value)
        hours, minutes = int(parts[0]), int(parts[1])
        seconds = int(parts[2]) if len(parts) == 3 else 0
    except ValueError as exc:
        raise InvalidInputError(
            f"duration {value!r} is not HH:MM", path=path, field=field_name
        ) from exc
    if minutes >= 60 or seconds >= 60 or hours > 24 * 14:
        raise InvalidInputError(f"duration {value!r} is out of range", path=path, field=field_name)
    return dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _parse_date(value: str, path: Path, field_name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InvalidInputError(
            f"date {value!r} is not YYYY-MM-DD", path=path, field=field_name
        ) from exc


class _Builder:
    """Turns one RawSchedule into a SourceBundle; keeps the state the events share."""

    def __init__(self, raw: RawSchedule, tz: ZoneInfo, day_change: dt.time) -> None:
        self.raw = raw
        self.path = raw.path
        self.tz = tz
        self.day_change = day_change
        self.session_ids = IdAllocator()
        self.people: dict[str, Person] = {}
        self.links = LinkCollector(raw.url)
        self.unnamed_persons = 0

    def text(self, value: str, where: str) -> str:
        return check_text(value.strip(), self.path, where)

    def line(self, value: str, where: str) -> str:
        return check_text(value.strip(), self.path, where, limit=MAX_LINE_CHARS)

    def start_of(self, ev: RawEvent) -> dt.datetime:
        if ev.date.strip() and len(ev.date.strip()) > 10:
            try:
                moment = dt.datetime.fromisoformat(ev.date.strip())
            except ValueError as exc:
                raise InvalidInputError(
                    f"date {ev.date!r} is not an ISO 8601 date and time",
                    path=self.path,
                    field=f"{ev.where}/date",
                ) from exc
            # A full timestamp wins over day + start: it is what frab itself computed.
            if moment.tzinfo is None:
                return moment.replace(tzinfo=self.tz)
            return moment.astimezone(self.tz)
        if not ev.start.strip():
            raise InvalidInputError(
                "event has no start time", path=self.path, field=f"{ev.where}/start"
            )
        day_text = ev.date.strip() or ev.day_date
        if not day_text:
            raise InvalidInputError("event has no date", path=self.path, field=f"{ev.where}/date")
        day = _parse_date(day_text, self.path, f"{ev.where}/date")
        clock = parse_clock(ev.start, self.path, f"{ev.where}/start")
        # A conference "day" runs from day_change to day_change: a 01:00 event listed on
        # Saturday happens early on Sunday.
        if self.day_change != dt.time(0) and clock < self.day_change:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, clock, tzinfo=self.tz)

    def session_id(self, ev: RawEvent, start: dt.datetime) -> str:
        for candidate in (ev.guid, ev.id):
            cleaned = safe_id(candidate.strip())
            if cleaned:
                return self.session_ids.allocate(cleaned)
        base = slugify(ev.slug or ev.title)[:60] or "session"
        return self.session_ids.allocate(f"{base}-{start.strftime('%Y%m%dT%H%M')}")

    def speakers(self, ev: RawEvent) -> tuple[str, ...]:
        ids: list[str] = []
        for n, person in enumerate(ev.persons, start=1):
            where = f"{ev.where}/persons/person[{n}]"
            name = self.line(person.name, where)
            pid = safe_id(person.id.strip()) or (derived_person_id(name) if name else "")
            if not pid:
                self.unnamed_persons += 1
                continue
            if pid not in self.people:
                role = _ROLES.get(person.role.strip().upper(), Role.SPEAKER)
                biography = self.text(person.biography, f"{where}/biography")
                self.people[pid] = Person(id=pid, name=name or pid, role=role, biography=biography)
            if pid not in ids:
                ids.append(pid)
        return tuple(ids)

    def session(self, ev: RawEvent, venue_id: str | None) -> Session:
        start = self.start_of(ev)
        duration = (
            parse_duration(ev.duration, self.path, f"{ev.where}/duration")
            if ev.duration.strip()
            else dt.timedelta(0)
        )
        if not duration:
            found = f"duration {ev.duration.strip()}" if ev.duration.strip() else "no duration"
            raise InvalidInputError(
                f"the event has no length ({found}): a session must end after it starts",
                path=self.path,
                field=f"{ev.where}/duration",
            )
        # Add in UTC: wall-clock arithmetic would be an hour off across a DST change.
        end = (start.astimezone(UTC) + duration).astimezone(self.tz)
        parts = [
            html_to_text(self.text(ev.subtitle, f"{ev.where}/subtitle")),
            html_to_text(self.text(ev.abstract, f"{ev.where}/abstract")),
            html_to_text(self.text(ev.description, f"{ev.where}/description")),
        ]
        description = "\n\n".join(dict.fromkeys(p for p in parts if p))
        title = self.line(ev.title, f"{ev.where}/title") or ev.slug.strip()[:200] or "(untitled)"
        session_id = self.session_id(ev, start)
        room = self.line(ev.room, f"{ev.where}/room")
        links = self.links.links(
            [RawLink(ev.url), *ev.links], room_join=self.raw.room_join.get(room, "")
        )
        return Session(
            id=session_id,
            title=title,
            kind=kind_for(self.text(ev.type, f"{ev.where}/type")),
            start=start,
            end=end,
            room=room,
            venue_id=venue_id,
            online_url=next(
                (x.url for x in links if x.kind is LinkKind.JOIN and openable(x.url)), ""
            ),
            track=self.line(ev.track, f"{ev.where}/track"),
            description=check_text(description, self.path, f"{ev.where}/abstract"),
            speaker_ids=self.speakers(ev),
            document_ids=self.links.attachments(session_id, ev.attachments),
            language=self.text(ev.language, f"{ev.where}/language")[:16],
            links=links,
        )

    def intake(self, dropped_events: int = 0) -> Intake:
        """The schedule's own counts, and what was not carried."""
        persons = {
            safe_id(p.id.strip()) or " ".join(p.name.casefold().split())
            for ev in self.raw.events
            for p in ev.persons
        }
        persons.discard("")
        used = {ev.room.strip() for ev in self.raw.events} - {""}
        rooms = {r.strip() for r in self.raw.rooms} - {""} | used
        left_out = list(self.links.notes())
        if dropped_events:
            left_out.append(f"event cancelled, withdrawn or deleted (its state): {dropped_events}")
        if empty := len(rooms - used):
            left_out.append(f"room with no event in it (the pack lists rooms by session): {empty}")
        if self.unnamed_persons:
            left_out.append(
                f"person with neither id nor name (nothing to show): {self.unnamed_persons}"
            )
        return Intake(
            events=len(self.raw.events) + dropped_events,
            people=len(persons),
            rooms=len(rooms),
            links=self.links.links_in,
            attachments=self.links.attachments_in,
            left_out=tuple(left_out),
        )


def build_bundle(
    raw: RawSchedule,
    *,
    timezone: str | None = None,
    event_id: str | None = None,
    dropped_events: int = 0,
) -> SourceBundle:
    """The pack content a frab-shaped schedule describes; errors name the file and field."""
    path = raw.path
    where = raw.conference_where
    if raw.time_zone.strip():
        tz = zone(raw.time_zone, path, f"{where}/time_zone_name")
    elif timezone:
        tz = zone(timezone, path, "timezone")
    else:
        raise InvalidInputError(
            f"the schedule names no time zone; {_zone_help(raw)}",
            path=path,
            field=f"{where}/time_zone_name",
        )
    day_change = (
        parse_clock(raw.day_change, path, f"{where}/day_change")
        if raw.day_change.strip()
        else dt.time(0)
    )
    builder = _Builder(raw, tz, day_change)
    venue_name = check_text(raw.venue.strip(), path, f"{where}/venue", limit=MAX_LINE_CHARS)
    venues: tuple[Venue, ...] = ()
    if venue_name:
        venue_id = slugify(venue_name)[:40].strip("-") or "venue"
        city = check_text(raw.city.strip(), path, f"{where}/city", limit=MAX_LINE_CHARS)
        venues = (Venue(id=venue_id, name=venue_name, address=city),)
    sessions = tuple(builder.session(ev, venues[0].id if venues else None) for ev in raw.events)
    title = check_text(raw.title.strip(), path, f"{where}/title", limit=MAX_LINE_CHARS)
    title = title or raw.acronym.strip()[:200] or path.stem
    event = Event(
        id=_event_id(raw.acronym, event_id, title),
        title=title,
        timezone=tz.key,
        start_date=_first_date(raw, sessions),
        end_date=_last_date(raw, sessions),
        venues=venues,
        url=web_url(raw.url),
    )
    extra = {"source_format": raw.source_format}
    if builder.session_ids.repeated:
        extra["repeated_session_ids"] = " ".join(builder.session_ids.repeated)
    content = PackContent(
        event=event,
        sessions=sessions,
        people=tuple(builder.people.values()),
        documents=tuple(builder.links.documents),
        extra=extra,
    )
    return SourceBundle(content=content, files={}, intake=builder.intake(dropped_events))


def _zone_help(raw: RawSchedule) -> str:
    """What the events' own offsets say about the zone (see zone_help)."""
    samples: list[Sample] = []
    naive = 0
    for ev in raw.events:
        text = ev.date.strip()
        if len(text) <= 10:
            naive += 1
            continue
        try:
            found = sample(dt.datetime.fromisoformat(text))
        except ValueError:
            continue  # reported, with its field, once a zone is given
        if found is None:
            naive += 1
        else:
            samples.append(found)
    return no_zone_help(samples, naive=naive)


def _event_id(from_file: str, given: str | None, title: str) -> str:
    for candidate in (from_file, given or ""):
        cleaned = safe_id(candidate.strip())
        if cleaned:
            return cleaned
    return slugify(title) or "event"


def _first_date(raw: RawSchedule, sessions: tuple[Session, ...]) -> dt.date:
    dates = [s.start.date() for s in sessions]
    if raw.start.strip():
        dates.append(_parse_date(raw.start, raw.path, f"{raw.conference_where}/start"))
    if not dates:
        raise InvalidInputError(
            "the schedule has no events and no start date",
            path=raw.path,
            field=f"{raw.conference_where}/start",
        )
    return min(dates)


def _last_date(raw: RawSchedule, sessions: tuple[Session, ...]) -> dt.date:
    # An event ending at 00:00 or crossing midnight still counts towards its last day.
    dates = [max(s.start, s.end - dt.timedelta(seconds=1)).date() for s in sessions]
    if raw.end.strip():
        dates.append(_parse_date(raw.end, raw.path, f"{raw.conference_where}/end"))
    return max(dates) if dates else _first_date(raw, sessions)
