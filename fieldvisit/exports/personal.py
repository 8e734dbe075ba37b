"""Personal exports through the interop writers: agenda .ics, contacts .vcf, itinerary .gpx.

Each function runs inside the caller's unit of work and writes atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Role
from fieldvisit.exports.booklet import build_booklet
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.interop.gpx import write_gpx
from fieldvisit.interop.ical import write_agenda_ics
from fieldvisit.interop.vcard import write_vcards
from fieldvisit.storage import repository
from fieldvisit.storage.models import AgendaPickRow

EXPORTS = ("notes", "agenda", "contacts", "itinerary")


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote: the files and a one-line summary for the user."""

    paths: tuple[Path, ...]
    summary: str


def _event(session: Session, event_id: str) -> None:
    try:
        repository.load_event(session, event_id)
    except KeyError:
        raise InvalidInputError(f"no installed event has the id {event_id!r}") from None


def export_notes(session: Session, event_id: str, path: Path) -> Exported:
    text = build_booklet(session, event_id)
    write_atomic(path, text.encode("utf-8"))
    return Exported((path,), "notes booklet written")


def export_agenda(session: Session, event_id: str, path: Path) -> Exported:
    """My agenda: the sessions I picked, or the whole programme when I picked none."""
    _event(session, event_id)
    event = repository.load_event(session, event_id)
    sessions = repository.load_sessions(session, event_id)
    picked = set(session.scalars(select(AgendaPickRow.session_uid).filter_by(event_id=event_id)))
    chosen = [s for s in sessions if s.id in picked] if picked else sessions
    write_agenda_ics(event, chosen, path)
    which = "picked session(s)" if picked else "session(s) (no picks yet: the whole programme)"
    return Exported((path,), f"{len(chosen)} {which}")


def export_contacts(session: Session, event_id: str, path: Path) -> Exported:
    """People who agreed to be listed, plus the emergency contacts (whose job is to be called)."""
    _event(session, event_id)
    people = [
        p for p in repository.load_people(session, event_id) if p.listed or p.role is Role.EMERGENCY
    ]
    if not people:
        raise InvalidInputError("this event lists no contacts to export")
    write_vcards(people, path, event_id=event_id)
    return Exported((path,), f"{len(people)} contact(s)")


def export_itinerary(session: Session, event_id: str, path: Path) -> Exported:
    """The field visit as GPX; a second visit goes to `<name>-<visit id>.gpx` beside it."""
    _event(session, event_id)
    event = repository.load_event(session, event_id)
    itineraries = repository.load_itineraries(session, event_id)
    if not itineraries:
        raise InvalidInputError("this event has no field visit itinerary")
    written: list[Path] = []
    for index, itinerary in enumerate(itineraries):
        target = path if index == 0 else path.with_name(f"{path.stem}-{itinerary.id}.gpx")
        write_gpx(itinerary, target, title=f"{event.title}: {itinerary.title}")
        written.append(target)
    return Exported(tuple(written), f"{len(written)} itinerary file(s)")


def export(session: Session, what: str, event_id: str, path: Path) -> Exported:
    """Dispatch by name: notes, agenda, contacts or itinerary."""
    handlers = {
        "notes": export_notes,
        "agenda": export_agenda,
        "contacts": export_contacts,
        "itinerary": export_itinerary,
    }
    if what not in handlers:
        raise InvalidInputError(f"unknown export {what!r}; choose one of {', '.join(EXPORTS)}")
    if not path.parent.is_dir():
        raise InvalidInputError("the folder does not exist", path=path.parent)
    return handlers[what](session, event_id, path)
