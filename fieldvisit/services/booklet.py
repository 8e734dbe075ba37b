"""The delegate's notes as a Markdown booklet, grouped by day, then session or stop.

Private notes are in it (marked as such) only when the delegate asks for them: a booklet
is easily printed, mailed or left on a shared drive. Times are shown in the event's zone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.services.protection import check_not_withheld
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    EventRow,
    ItineraryRow,
    NoteRow,
    PersonRow,
    SessionRow,
    StopRow,
)
from fieldvisit.storage.rows import opt_from_utc, zone_of


@dataclass(frozen=True, slots=True)
class _Heading:
    """A session or stop that has notes: where it sits in the booklet."""

    day: dt.date | None
    start: dt.datetime | None
    title: str


def _escape_heading(text: str) -> str:
    # A title must not start a new Markdown block or carry line breaks into the heading.
    return " ".join(text.split()).replace("#", "\\#")


def build_booklet(store: Store, event_id: str, *, include_private: bool = False) -> str:
    """The Markdown text of the booklet of every (non-deleted) note of `event_id`; refused
    while the organisers' require_app_lock withholds the event's notes."""
    check_not_withheld(store, event_id)
    with store.unit() as session:
        return _booklet(session, event_id, include_private=include_private)


def _booklet(session: Session, event_id: str, *, include_private: bool) -> str:
    event = session.get(EventRow, event_id)
    if event is None:
        raise InvalidInputError(f"no installed event has the id {event_id!r}", field="event")
    zone = zone_of(event.timezone)
    sessions = {r.uid: r for r in session.scalars(select(SessionRow).filter_by(event_id=event_id))}
    stops = {r.uid: r for r in session.scalars(select(StopRow).filter_by(event_id=event_id))}
    visits = {r.uid: r for r in session.scalars(select(ItineraryRow).filter_by(event_id=event_id))}
    people = {r.uid: r for r in session.scalars(select(PersonRow).filter_by(event_id=event_id))}
    query = select(NoteRow).filter_by(event_id=event_id, deleted=False)
    if not include_private:
        query = query.filter_by(private=False)
    notes = session.scalars(query.order_by(NoteRow.created_at)).all()

    placed: dict[tuple[str, str], list[NoteRow]] = defaultdict(list)
    headings: dict[tuple[str, str], _Heading] = {}
    others: dict[str, list[NoteRow]] = defaultdict(list)
    for note in notes:
        key = (note.target_kind, note.target_uid)
        if note.target_kind == "session" and note.target_uid in sessions:
            row = sessions[note.target_uid]
            start = opt_from_utc(row.start_utc, zone)
            end = opt_from_utc(row.end_utc, zone)
            when = f"{start:%H:%M}-{end:%H:%M} " if start and end else ""
            headings[key] = _Heading(start.date() if start else None, start, f"{when}{row.title}")
            placed[key].append(note)
        elif note.target_kind == "stop" and note.target_uid in stops:
            stop = stops[note.target_uid]
            start = opt_from_utc(stop.start_utc, zone)
            visit = visits.get(stop.itinerary_uid)
            if start is None and visit is not None and visit.session_id in sessions:
                start = opt_from_utc(sessions[visit.session_id].start_utc, zone)
            when = f"{start:%H:%M} " if start else ""
            of = f" ({visit.title})" if visit else ""
            headings[key] = _Heading(
                start.date() if start else None, start, f"{when}Stop: {stop.title}{of}"
            )
            placed[key].append(note)
        elif note.target_kind == "person" and note.target_uid in people:
            others[f"About {people[note.target_uid].name}"].append(note)
        else:
            others["General notes"].append(note)

    lines = [f"# Notes: {_escape_heading(event.title)}", ""]
    lines += [
        f"{event.start_date:%d %B %Y} - {event.end_date:%d %B %Y}, times in {zone.key}. "
        f"{len(notes)} note(s); "
        + ("private notes are included and marked." if include_private else "no private notes."),
        "",
    ]
    if not notes:
        lines += ["No notes yet.", ""]
    days: dict[dt.date | None, list[tuple[str, str]]] = defaultdict(list)
    for key, heading in headings.items():
        days[heading.day].append(key)
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    for day in sorted(days, key=lambda d: (d is None, d or dt.date.min)):
        lines += [f"## {day:%A %d %B %Y}" if day else "## Undated", ""]
        keys = sorted(days[day], key=lambda k: (headings[k].start or far, headings[k].title))
        for key in keys:
            lines += [f"### {_escape_heading(headings[key].title)}", ""]
            lines += _note_lines(placed[key], zone)
    for title in sorted(others, key=lambda t: (t == "General notes", t)):
        lines += [f"## {_escape_heading(title)}", ""]
        lines += _note_lines(others[title], zone)
    return "\n".join(lines).rstrip() + "\n"


def _note_lines(notes: list[NoteRow], zone: ZoneInfo) -> list[str]:
    lines: list[str] = []
    for note in notes:
        lines += [note.body.strip() or "(empty)", ""]
        updated = opt_from_utc(note.updated_at, zone)
        meta = [f"updated {updated:%d %b %H:%M}"] if updated else []
        if note.tags:
            meta.append("tags: " + ", ".join(note.tags))
        if note.private:
            meta.insert(0, "private")
        lines += [f"*{' · '.join(meta)}*", "", "---", ""]
    return lines
