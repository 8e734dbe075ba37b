"""iCalendar: writing a delegate's agenda (one VEVENT per chosen session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from fieldvisit import __version__
from fieldvisit.domain.model import Event, Session
from fieldvisit.interop.atomic import write_atomic

UTC = dt.UTC
PRODID = f"-//fieldvisit//Field Visit Companion {__version__}//EN"


def agenda_ics(
    event: Event, sessions: Sequence[Session], *, stamp: dt.datetime | None = None
) -> bytes:
    """The agenda as iCalendar bytes, times in the event's zone with its VTIMEZONE."""
    tz = ZoneInfo(event.timezone)
    stamp = (stamp or dt.datetime.now(UTC)).astimezone(UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", event.title)
    calendar.add("x-wr-timezone", event.timezone)
    for session in sessions:
        vevent = icalendar.Event()
        vevent.add("uid", f"{session.id}@{event.id}.fieldvisit")
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", session.start.astimezone(tz))
        vevent.add("dtend", session.end.astimezone(tz))
        vevent.add("summary", session.title)
        if session.room:
            vevent.add("location", session.room)
        if session.online_url:
            vevent.add("url", session.online_url)
        if session.description:
            vevent.add("description", session.description)
        vevent.add("categories", [str(session.kind)])
        if session.confidential:
            vevent.add("class", "CONFIDENTIAL")
        calendar.add_component(vevent)
    first = min([event.start_date, *(s.start.astimezone(tz).date() for s in sessions)])
    last = max([event.end_date, *(s.end.astimezone(tz).date() for s in sessions)])
    # Bounded transitions keep the VTIMEZONE short but right for every session's date.
    calendar.add_missing_timezones(
        first_date=first - dt.timedelta(days=366), last_date=last + dt.timedelta(days=366)
    )
    return bytes(calendar.to_ical())


def write_agenda_ics(
    event: Event, sessions: Sequence[Session], path: Path, *, stamp: dt.datetime | None = None
) -> None:
    """Write the agenda to `path` atomically (one VEVENT per session)."""
    write_atomic(Path(path), agenda_ics(event, sessions, stamp=stamp))
