"""The delegate's notes as a Markdown booklet, grouped by day, then session or stop.

Private notes are in it (marked as such) only when the delegate asks for them: a booklet
is easily printed, mailed or left on a shared drive. Times are shown in the event's zone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.notes import Note
from fieldvisit.services.protection import check_not_withheld
from fieldvisit.services.store import Store
from fieldvisit.storage.repo.notes import notes_by_creation
from fieldvisit.storage.repo.programme import find_event
from fieldvisit.storage.repo.targets import Target, targets
from fieldvisit.storage.rows import zone_of


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
    with store.unit() as s:
        event = find_event(s, event_id)
        if event is None:
            raise InvalidInputError(f"no installed event has the id {event_id!r}", field="event")
        found = targets(s, event_id)
        notes = notes_by_creation(s, event_id, include_private=include_private)
    zone = zone_of(event.timezone)

    def local(moment: dt.datetime | None) -> dt.datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    placed: dict[tuple[str, str], list[Note]] = defaultdict(list)
    headings: dict[tuple[str, str], _Heading] = {}
    others: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        key = (note.target_kind, note.target_uid)
        target: Target | None = found.get(key)
        if target is not None and note.target_kind == "session":
            start, end = local(target.start), local(target.end)
            when = f"{start:%H:%M}-{end:%H:%M} " if start and end else ""
            title = f"{when}{target.title}"
            headings[key] = _Heading(start.date() if start else None, start, title)
            placed[key].append(note)
        elif target is not None and note.target_kind == "stop":
            start = local(target.start or target.visit_start)
            when = f"{start:%H:%M} " if start else ""
            of = f" ({target.visit_title})" if target.visit_title is not None else ""
            headings[key] = _Heading(
                start.date() if start else None, start, f"{when}Stop: {target.title}{of}"
            )
            placed[key].append(note)
        elif target is not None and note.target_kind == "person":
            others[f"About {target.title}"].append(note)
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


def _note_lines(notes: list[Note], zone: ZoneInfo) -> list[str]:
    lines: list[str] = []
    for note in notes:
        lines += [note.body.strip() or "(empty)", ""]
        updated = note.updated_at.astimezone(zone)
        meta = [f"updated {updated:%d %b %H:%M}"]
        if note.tags:
            meta.append("tags: " + ", ".join(note.tags))
        if note.private:
            meta.insert(0, "private")
        lines += [f"*{' · '.join(meta)}*", "", "---", ""]
    return lines
