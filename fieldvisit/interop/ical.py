"""iCalendar: reading a conference's .ics programme (a delegate's agenda: ical_agenda.py)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.limits import YEAR_RANGE, date_in_range
from fieldvisit.domain.links import openable
from fieldvisit.domain.model import (
    Event,
    Intake,
    LinkKind,
    PackContent,
    Role,
    Session,
    SessionKind,
    SourceBundle,
)
from fieldvisit.interop.budget import WorkBudget
from fieldvisit.interop.common import (
    MAX_LINE_CHARS,
    MAX_TEXT_CHARS,
    IdAllocator,
    check_text,
    decode_utf8,
    kind_for,
    read_input,
    safe_id,
    slugify,
    zone,
)
from fieldvisit.interop.html_text import html_to_text
from fieldvisit.interop.ical_people import (
    CalendarPeople,
    event_attachments,
    event_links,
    identities,
    inline_attachments,
)
from fieldvisit.interop.links import LinkCollector
from fieldvisit.interop.zone_help import Sample, all_utc_help, no_zone_help, sample

UTC = dt.UTC
MAX_SESSION = dt.timedelta(days=14)  # the pack's limit for one session
_SERIES_KEYS = ("RRULE", "RDATE")
# Properties a VEVENT has at most once (RFC 5545 3.6.1); icalendar gives a list when repeated.
_SINGLE_KEYS = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "UID")
# Open-ended recurring events are expanded over the programme's days; when every event is
# open-ended, over this many days from the first. More occurrences than this is no programme.
PROGRAMME_DAYS = 14
MAX_OCCURRENCES = 2000
MAX_COMPONENTS = 60_000  # VEVENTs (a pack holds at most 50,000 sessions), VTIMEZONEs, VALARMs
# The work that expanding them may take (see budget.py): MAX_OCCURRENCES daily or hourly
# occurrences take about 460,000 calls; a rule searching for a day that never comes
# (FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30) would otherwise run for ever.
EXPANSION_CALLS = 1_000_000
EXPANSION_SECONDS = 15.0
_SPEAKER_PREFIXES = ("speakers:", "speaker:", "presenters:", "presenter:")


def read_ical(
    path: Path, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Read an iCalendar programme (one VEVENT per session) into pack content."""
    path = Path(path)
    return parse_ical(path, read_input(path), timezone=timezone, event_id=event_id)


def parse_ical(
    path: Path, data: bytes, *, timezone: str | None = None, event_id: str | None = None
) -> SourceBundle:
    """Like `read_ical` for bytes already read from `path` (named in errors)."""
    text = decode_utf8(path, data)
    # Parsing costs in proportion to the components: refuse more than a pack can hold
    # before spending it (the pack schema's 50,000 sessions).
    components = text.count("BEGIN:")
    if components > MAX_COMPONENTS:
        raise InvalidInputError(
            f"the calendar has {components:,} components, over the {MAX_COMPONENTS:,} limit",
            path=path,
        )
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise InvalidInputError(f"not a valid iCalendar file: {exc}", path=path) from exc
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise InvalidInputError("not an iCalendar file: no VCALENDAR", path=path)
    vevents = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    tz = _calendar_zone(path, calendar, vevents, timezone)
    reader = _EventReader(path, tz)
    items, recurring = _programme_items(path, calendar, vevents, reader)
    cancelled = sum(1 for v in vevents if str(v.get("STATUS", "")).strip().upper() == "CANCELLED")
    sessions = tuple(
        s
        for where, vevent, occurrence in items
        if (s := reader.session(vevent, where, occurrence)) is not None
    )
    if not sessions:
        problem = (
            f"the calendar's {len(vevents)} events are all cancelled: no session is left"
            if vevents
            else "the calendar has no events"
        )
        raise InvalidInputError(problem, path=path, field="VCALENDAR")
    sessions = tuple(sorted(sessions, key=lambda x: (x.start, x.id)))  # a series comes last
    names = [
        _text(calendar, key, path, "VCALENDAR", limit=MAX_LINE_CHARS)
        for key in ("X-WR-CALNAME", "NAME")
    ]
    caldesc = _text(calendar, "X-WR-CALDESC", path, "VCALENDAR")
    title = next((n for n in names if n), "") or caldesc[:MAX_LINE_CHARS] or path.stem
    event = Event(
        id=safe_id(_text(calendar, "X-WR-RELCALID", path, "VCALENDAR"))
        or safe_id((event_id or "").strip())
        or slugify(title)
        or "event",
        title=title,
        timezone=tz.key,
        start_date=min(s.start.date() for s in sessions),
        end_date=max(max(s.start, s.end - dt.timedelta(seconds=1)).date() for s in sessions),
        description=caldesc if caldesc != title else "",
    )
    extra = {"source_format": "icalendar", **recurring}
    if reader.ids.repeated:
        extra["repeated_session_ids"] = " ".join(reader.ids.repeated)
    content = PackContent(
        event=event,
        sessions=sessions,
        people=tuple(reader.people.people.values()),
        documents=tuple(reader.links.documents),
        extra=extra,
    )
    return SourceBundle(content=content, files={}, intake=_intake(vevents, reader, cancelled))


def _intake(vevents: list[Any], reader: _EventReader, cancelled: int) -> Intake:
    """The calendar's own counts: VEVENTs, people, LOCATIONs, URLs and ATTACHs."""
    people: set[str] = set()
    rooms: set[str] = set()
    for vevent in vevents:
        people |= identities(vevent)
        people |= {
            " ".join(n.casefold().split())
            for n in speaker_names(str(vevent.get("DESCRIPTION", "")))
        }
        if room := str(vevent.get("LOCATION", "")).strip():
            rooms.add(room)
    left_out = list(reader.links.notes())
    if cancelled:
        left_out.append(f"cancelled event (STATUS:CANCELLED): {cancelled}")
    if reader.people.skipped:
        left_out.append(
            f"attendee with neither name nor address, or a NON-PARTICIPANT: {reader.people.skipped}"
        )
    if inline := sum(inline_attachments(v) for v in vevents):
        left_out.append(f"attachment embedded in the file (only addresses are carried): {inline}")
    return Intake(
        events=len(vevents),
        people=len(people),
        rooms=len(rooms),
        links=sum(len(event_links(v)) for v in vevents),
        attachments=sum(len(event_attachments(v)) + inline_attachments(v) for v in vevents),
        left_out=tuple(left_out),
    )


Item = tuple[str, Any, "dt.datetime | None"]  # where, VEVENT, occurrence (of a series)


def _programme_items(
    path: Path, calendar: icalendar.Calendar, vevents: list[Any], reader: _EventReader
) -> tuple[list[Item], dict[str, str]]:
    """Every VEVENT as a programme item, with recurring series (RRULE, RDATE, and their
    RECURRENCE-ID exceptions) expanded into one item per occurrence, and notes for the pack's
    `extra` saying what was expanded and what was left out.

    A series that ends (COUNT, UNTIL, or RDATE only) is expanded whole. An open-ended one (a
    weekly meeting in an exported calendar) is expanded up to the programme's last day: the
    last day of the other events, or two weeks from the first event when every event is
    open-ended; its later repeats are left out, and the note names it.
    """
    masters: dict[str, tuple[int, bool]] = {}  # uid -> (VEVENT number, open-ended)
    for n, vevent in enumerate(vevents, start=1):
        for key in _SINGLE_KEYS:
            if isinstance(vevent.get(key), list):
                raise InvalidInputError(
                    f"{key} is given {len(vevent.get(key))} times",
                    path=path,
                    field=f"VCALENDAR/VEVENT[{n}]/{key}",
                )
        if _counted(vevent) > MAX_OCCURRENCES:  # refused before any work is spent on it
            raise InvalidInputError(
                f"recurring events repeat more than {MAX_OCCURRENCES} times",
                path=path,
                field=f"VCALENDAR/VEVENT[{n}]/RRULE",
            )
        if any(key in vevent for key in _SERIES_KEYS) and str(vevent.get("UID", "")):
            masters[str(vevent.get("UID"))] = (n, _open_ended(vevent))

    def in_series(vevent: Any) -> bool:
        return any(key in vevent for key in _SERIES_KEYS) or (
            "RECURRENCE-ID" in vevent and str(vevent.get("UID", "")) in masters
        )

    items: list[Item] = [
        (f"VCALENDAR/VEVENT[{n}]", v, None)
        for n, v in enumerate(vevents, start=1)
        if not in_series(v)
    ]
    if not any(in_series(v) for v in vevents):
        return items, {}
    import recurring_ical_events  # only for the few programmes that have recurring events

    def series_calendar(open_ended: bool) -> icalendar.Calendar:
        chosen = icalendar.Calendar()
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE":
                chosen.add_component(component)
            elif component.name == "VEVENT" and in_series(component):
                master = masters.get(str(component.get("UID", "")))
                ends = master[1] if master else _open_ended(component)
                if ends == open_ended:
                    chosen.add_component(component)
        return chosen

    expanded: list[Item] = []
    cut: dict[str, str] = {}  # uid -> title, of open-ended series going on after the programme

    def take(occurrence: Any) -> None:
        uid = str(occurrence.get("UID", ""))
        master = masters.get(uid)
        where = f"VCALENDAR/VEVENT[{master[0]}]" if master else "VCALENDAR/VEVENT"
        recurrence = reader.moment(occurrence, "RECURRENCE-ID", where) or reader.moment(
            occurrence, "DTSTART", where
        )
        if len(expanded) >= MAX_OCCURRENCES:
            raise InvalidInputError(
                f"recurring events repeat more than {MAX_OCCURRENCES} times",
                path=path,
                field=f"{where}/RRULE",
            )
        label = f"{where} on {recurrence:%Y-%m-%d %H:%M}" if recurrence else where
        expanded.append((label, occurrence, recurrence))

    budget = WorkBudget(
        "expanding the recurring events",
        path=path,
        field="VCALENDAR/VEVENT/RRULE",
        calls=EXPANSION_CALLS,
        seconds=EXPANSION_SECONDS,
    )
    try:
        with budget:
            for occurrence in recurring_ical_events.of(series_calendar(False)).all():
                take(occurrence)
            first, last = _programme_days(vevents, items + expanded, reader)
            window_end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), reader.tz)
            open_ended = {uid for uid, (_n, endless) in masters.items() if endless}
            start_of = dt.datetime.combine(first, dt.time(0), reader.tz)
            for occurrence in recurring_ical_events.of(series_calendar(True)).after(start_of):
                start = reader.moment(occurrence, "DTSTART", "VCALENDAR/VEVENT")
                if start is not None and start >= window_end:
                    uid = str(occurrence.get("UID", ""))
                    cut.setdefault(uid, str(occurrence.get("SUMMARY", "")) or uid)
                    if len(cut) >= len(open_ended):
                        break  # every open-ended series has reached the end
                    continue
                take(occurrence)
    except (
        recurring_ical_events.InvalidCalendar,
        ValueError,  # icalendar's BrokenCalendarProperty and InvalidCalendar among them
        TypeError,
        LookupError,  # KeyError, IndexError
        AttributeError,  # a DTSTART given twice is a list, without .dt
        OverflowError,  # a date pushed past year 9999 by a rule
    ) as exc:
        if isinstance(exc, InvalidInputError):
            raise
        raise InvalidInputError(
            f"a recurring event cannot be expanded: {_short(exc)}",
            path=path,
            field="VCALENDAR/VEVENT/RRULE",
        ) from exc
    notes = {"recurring_expanded": f"{len(masters)} series into {len(expanded)} sessions"}
    if cut:
        titles = ", ".join(sorted(cut.values()))
        notes["recurring_cut"] = f"repeats after {last} left out (open-ended): {titles}"
    return items + expanded, notes


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _counted(vevent: Any) -> int:
    """The largest COUNT of a VEVENT's RRULEs (0 without one, or when it is not a number)."""
    rules = vevent.get("RRULE")
    if rules is None:
        return 0
    counts: list[int] = []
    for rule in rules if isinstance(rules, list) else [rules]:
        try:
            value = rule.get("COUNT")
        except (AttributeError, ValueError, TypeError, KeyError):
            continue  # a broken RRULE: its expansion names the problem
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, int):
                counts.append(item)
    return max(counts, default=0)


def _open_ended(vevent: Any) -> bool:
    """Whether a recurring VEVENT repeats for ever: an RRULE with neither COUNT nor UNTIL."""
    rules = vevent.get("RRULE")
    if rules is None:
        return False  # RDATE only: a finite list
    rules = rules if isinstance(rules, list) else [rules]
    return any("COUNT" not in rule and "UNTIL" not in rule for rule in rules)


def _programme_days(
    vevents: list[Any], bounded: list[Item], reader: _EventReader
) -> tuple[dt.date, dt.date]:
    """The programme's first and last day (in its zone): from the first start of any event
    to the last end of the events that do not repeat for ever (or two weeks)."""
    starts: list[dt.datetime] = []
    for n, vevent in enumerate(vevents, start=1):
        start = reader.moment(vevent, "DTSTART", f"VCALENDAR/VEVENT[{n}]")
        if start is not None:
            starts.append(start)
    if not starts:
        raise InvalidInputError("no event has a start time (DTSTART)", path=reader.path)
    first = min(starts).date()
    ends = []
    for where, vevent, _ in bounded:
        start = reader.moment(vevent, "DTSTART", where)
        end = reader.moment(vevent, "DTEND", where) or start
        if start is not None and end is not None:
            ends.append(end - dt.timedelta(seconds=1) if end > start else end)
    last = max(ends).date() if ends else first + dt.timedelta(days=PROGRAMME_DAYS - 1)
    return first, max(first, last)


def _text(component: Any, key: str, path: Path, where: str, *, limit: int = MAX_TEXT_CHARS) -> str:
    value = component.get(key)
    if value is None:
        return ""
    if isinstance(value, list):  # a property given twice: keep the first
        value = value[0]
    return check_text(str(value).strip(), path, f"{where}/{key}", limit=limit)


def _calendar_zone(
    path: Path, calendar: icalendar.Calendar, vevents: list[Any], given: str | None
) -> ZoneInfo:
    """The programme's zone: X-WR-TIMEZONE, else the TZID most events use, else `given`."""
    declared = _text(calendar, "X-WR-TIMEZONE", path, "VCALENDAR")
    if declared:
        return zone(declared, path, "VCALENDAR/X-WR-TIMEZONE")
    tzids: Counter[str] = Counter()
    for vevent in vevents:
        prop = vevent.get("DTSTART")
        try:
            tzid = getattr(prop, "params", {}).get("TZID") if prop is not None else None
        except (ValueError, TypeError, KeyError, AttributeError):
            tzid = None  # a broken DTSTART: reading the event names it
        if tzid:
            tzids[str(tzid)] += 1
    for tzid, _count in tzids.most_common():
        try:
            return ZoneInfo(tzid)
        except (ValueError, OSError, KeyError):
            continue  # a non-IANA name (Outlook's "W. Europe Standard Time"): try the next
    if given:
        return zone(given, path, "timezone")
    raise InvalidInputError(
        f"the calendar names no IANA time zone; {_zone_help(vevents)}",
        path=path,
        field="VCALENDAR/X-WR-TIMEZONE",
    )


def _zone_help(vevents: list[Any]) -> str:
    """What the events' own times say: all UTC, or offsets that some zones fit."""
    samples: list[Sample] = []
    naive = utc = 0
    for vevent in vevents:
        for key in ("DTSTART", "DTEND"):
            try:
                value = getattr(vevent.get(key), "dt", None)
            except (ValueError, TypeError, KeyError):
                continue  # a malformed time: reported with its field once a zone is given
            if not isinstance(value, dt.datetime):
                continue
            if value.tzinfo is None:
                naive += 1
                continue
            found = sample(value)
            if found is None:
                naive += 1
                continue
            # "...Z" times: icalendar gives them a UTC tzinfo, whatever its flavour.
            if found[1] == dt.timedelta(0) and str(value.tzinfo).upper() in ("UTC", "Z"):
                utc += 1
            samples.append(found)
    if samples and utc == len(samples) and not naive:
        return all_utc_help(utc)
    return no_zone_help(samples, naive=naive)


class _EventReader:
    """Turns VEVENTs into sessions, sharing the id allocator and the speakers found."""

    def __init__(self, path: Path, tz: ZoneInfo) -> None:
        self.path = path
        self.tz = tz
        self.ids = IdAllocator()
        self.people = CalendarPeople(path)
        self.links = LinkCollector()
        self._seen_links: set[int] = set()  # VEVENTs whose links were counted already

    def attr(self, prop: Any, name: str, field: str) -> Any:
        """A parsed property's value (`dt`, `cats`), or None when it has none.

        icalendar keeps a property it could not parse as a "broken" one whose attributes
        raise BrokenCalendarProperty (a ValueError) on access, not AttributeError.
        """
        try:
            return getattr(prop, name, None)
        except (ValueError, TypeError, KeyError) as exc:
            raise InvalidInputError(
                f"malformed property ({_short(exc)})", path=self.path, field=field
            ) from exc

    def moment(self, vevent: Any, key: str, where: str) -> dt.datetime | None:
        prop = vevent.get(key)
        if prop is None:
            return None
        if isinstance(prop, list):
            raise InvalidInputError(
                f"{key} is given {len(prop)} times", path=self.path, field=f"{where}/{key}"
            )
        value = self.attr(prop, "dt", f"{where}/{key}")
        if isinstance(value, dt.date) and not date_in_range(value):
            # Year 1 or 9999 overflows in a zone conversion; no programme is that far off.
            raise InvalidInputError(
                f"date {value.isoformat()} is outside {YEAR_RANGE}",
                path=self.path,
                field=f"{where}/{key}",
            )
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                return value.astimezone(self.tz)
            tzid = prop.params.get("TZID")
            if tzid:
                # icalendar leaves the time naive when neither zoneinfo nor a VTIMEZONE
                # knows the TZID: guessing would silently shift the session.
                raise InvalidInputError(
                    f"unknown time zone {str(tzid)!r}", path=self.path, field=f"{where}/{key}"
                )
            return value.replace(tzinfo=self.tz)  # floating time: the programme's own zone
        if isinstance(value, dt.date):  # all-day: from local midnight
            return dt.datetime.combine(value, dt.time(0), tzinfo=self.tz)
        raise InvalidInputError("not a date or date-time", path=self.path, field=f"{where}/{key}")

    def session(
        self, vevent: Any, where: str, occurrence: dt.datetime | None = None
    ) -> Session | None:
        """A VEVENT as a session; `occurrence` (the RECURRENCE-ID) for one of a series,
        whose id is then the series' UID and that original start, stable across updates."""
        if _text(vevent, "STATUS", self.path, where).upper() == "CANCELLED":
            return None
        start = self.moment(vevent, "DTSTART", where)
        if start is None:
            raise InvalidInputError(
                "event has no start time (DTSTART)", path=self.path, field=f"{where}/DTSTART"
            )
        end = self.moment(vevent, "DTEND", where)
        if end is None:
            duration = self.attr(vevent.get("DURATION"), "dt", f"{where}/DURATION")
            if isinstance(duration, dt.timedelta):
                if abs(duration) > MAX_SESSION:
                    raise InvalidInputError(
                        "the event lasts more than 14 days: not a programme item",
                        path=self.path,
                        field=f"{where}/DURATION",
                    )
                end = (start.astimezone(UTC) + duration).astimezone(self.tz)
            elif not isinstance(self.attr(vevent.get("DTSTART"), "dt", where), dt.datetime):
                end = start + dt.timedelta(days=1)
            else:
                end = start
        if end <= start:
            problem = "end is before start" if end < start else "the event has no length"
            raise InvalidInputError(
                f"{problem} ({start.isoformat()} to {end.isoformat()})",
                path=self.path,
                field=f"{where}/DTEND",
            )
        if end.astimezone(UTC) - start.astimezone(UTC) > MAX_SESSION:
            raise InvalidInputError(
                "the event lasts more than 14 days: not a programme item",
                path=self.path,
                field=f"{where}/DTEND",
            )
        title = _text(vevent, "SUMMARY", self.path, where, limit=MAX_LINE_CHARS) or "(untitled)"
        uid = safe_id(_text(vevent, "UID", self.path, where))
        wanted = uid or f"{slugify(title)[:60] or 'session'}-{start.strftime('%Y%m%dT%H%M')}"
        if occurrence is not None and uid:
            wanted = f"{uid[:100]}-{occurrence.strftime('%Y%m%dT%H%M')}"
        description, speakers = self.split_speakers(
            html_to_text(_text(vevent, "DESCRIPTION", self.path, where)), where
        )
        categories = self.categories(vevent, where)
        session_id = self.ids.allocate(wanted)
        # A series' occurrences share the VEVENT's links: counted as coming in once.
        first_time = id(vevent) not in self._seen_links
        self._seen_links.add(id(vevent))
        links = self.links.links(event_links(vevent), counted=first_time)
        attendees = self.people.of_event(vevent, where)
        return Session(
            id=session_id,
            title=title,
            kind=kind_for(" ".join(categories)) if categories else SessionKind.TALK,
            start=start,
            end=end,
            room=_text(vevent, "LOCATION", self.path, where, limit=MAX_LINE_CHARS),
            track=categories[0] if categories else "",
            description=description,
            speaker_ids=tuple(dict.fromkeys((*attendees, *speakers))),
            document_ids=self.links.attachments(session_id, event_attachments(vevent)),
            links=links,
            online_url=next(
                (x.url for x in links if x.kind is LinkKind.JOIN and openable(x.url)), ""
            ),
        )

    def categories(self, vevent: Any, where: str) -> list[str]:
        found = vevent.get("CATEGORIES")
        if found is None:
            return []
        props = found if isinstance(found, list) else [found]
        names = [
            str(c) for prop in props for c in self.attr(prop, "cats", f"{where}/CATEGORIES") or []
        ]
        return [
            check_text(n.strip(), self.path, f"{where}/CATEGORIES", limit=MAX_LINE_CHARS)
            for n in names
            if n.strip()
        ]

    def split_speakers(self, description: str, where: str) -> tuple[str, tuple[str, ...]]:
        """Take a leading "Speaker: A, B and C" line (linux.conf.au, pretalx) as speakers."""
        names = speaker_names(description)
        if not names:
            return description, ()
        ids: list[str] = []
        for name in names:
            pid = self.people.person(name, "", Role.SPEAKER)
            if pid not in ids:
                ids.append(pid)
        return description.partition("\n")[2].strip(), tuple(ids)


def speaker_names(description: str) -> list[str]:
    """The names of a leading "Speaker: A, B and C" line (linux.conf.au, pretalx)."""
    first = description.partition("\n")[0]
    lowered = first.casefold()
    prefix = next((p for p in _SPEAKER_PREFIXES if lowered.startswith(p)), None)
    if prefix is None:
        return []
    names = first[len(prefix) :].replace(" and ", ", ").replace(" & ", ", ").split(",")
    return [n.strip() for n in names if n.strip()]
