"""Personal exports, one path each: notes booklet .md, agenda .ics, contacts .vcf, itinerary .gpx.

The GUI's File menu, the Contacts and Visit sections and the CLI all come here, so each
export is written by one function and applies one rule. Each function opens its own unit
of work and writes atomically. The writers (icalendar, vobject, gpxpy) load on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.model import Event, Itinerary, Person
from fieldvisit.interop.atomic import write_atomic
from fieldvisit.services import agenda, contacts
from fieldvisit.services.booklet import build_booklet
from fieldvisit.services.store import Store
from fieldvisit.storage import repository

EXPORTS = ("notes", "agenda", "contacts", "itinerary")
# The file types each export writes, by the name's extension; any other is refused, so
# that `-o notes.pdf` can never hold Markdown.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "notes": (".md", ".markdown", ".pdf"),
    "agenda": (".ics",),
    "contacts": (".vcf",),
    "itinerary": (".gpx",),
}
# Draws the booklet's Markdown as a PDF at a path (0600, atomic) and returns the number of
# pages. Qt draws it (fieldvisit.gui.pdf), so the entry point that has Qt passes it in.
PdfRenderer = Callable[[str, Path, str], int]


def check_suffix(what: str, path: Path) -> str:
    """The file's extension when export `what` writes that type, else a clear error."""
    suffix = path.suffix.lower()
    allowed = SUFFIXES.get(what, ())
    if suffix not in allowed:
        shown = suffix or "no extension"
        raise InvalidInputError(
            f"cannot write the {what} export as {shown}; name the file "
            + " or ".join(f"*{s}" for s in allowed),
            path=path,
        )
    return suffix


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote: the files and a one-line summary for the user."""

    paths: tuple[Path, ...]
    summary: str


def _event(store: Store, event_id: str) -> Event:
    with store.unit() as session:
        try:
            return repository.load_event(session, event_id)
        except KeyError:
            raise InvalidInputError(f"no installed event has the id {event_id!r}") from None


def booklet_title(event_id: str) -> str:
    return f"Notes: {event_id}"


def export_notes(
    store: Store,
    event_id: str,
    path: Path,
    *,
    include_private: bool = False,
    render_pdf: PdfRenderer | None = None,
) -> Exported:
    """The notes booklet as Markdown (.md) or PDF (.pdf, drawn by `render_pdf`).

    Private notes go in only when the delegate asked for them (`include_private`)."""
    suffix = check_suffix("notes", path)
    text = build_booklet(store, event_id, include_private=include_private)
    which = "with" if include_private else "without"
    if suffix == ".pdf":
        if render_pdf is None:
            raise InvalidInputError("this program cannot draw PDF files here", path=path)
        pages = render_pdf(text, path, booklet_title(event_id))
        summary = f"PDF notes booklet written ({pages} page(s), {which} private notes)"
        return Exported((path,), summary)
    write_atomic(path, text.encode("utf-8"))
    return Exported((path,), f"notes booklet written ({which} private notes)")


def export_agenda(store: Store, event_id: str, path: Path) -> Exported:
    """My agenda: the sessions I picked, or the whole programme when I picked none."""
    from fieldvisit.interop.ical_agenda import write_agenda_ics

    event = _event(store, event_id)
    with store.unit() as session:
        sessions = repository.load_sessions(session, event_id)
    picked = agenda.picks(store, event_id)
    chosen = [s for s in sessions if s.id in picked] if picked else sessions
    write_agenda_ics(event, chosen, path)
    which = "picked session(s)" if picked else "session(s) (no picks yet: the whole programme)"
    return Exported((path,), f"{len(chosen)} {which}")


def export_contacts(
    store: Store, event_id: str, path: Path, people: Sequence[Person] | None = None
) -> Exported:
    """`people` (default: everyone in the pack) as one .vcf, each as `contacts.visible` shows
    them: phone and email only for people who consented to be listed."""
    from fieldvisit.interop.vcard import write_vcards

    if people is None:
        _event(store, event_id)
        people = contacts.load_contacts(store, event_id)
    if not people:
        raise InvalidInputError("this event lists no contacts to export")
    write_vcards([contacts.visible(p) for p in people], path, event_id=event_id or None)
    return Exported((path,), f"{len(people)} contact(s)")


def write_itinerary(itinerary: Itinerary, path: Path, *, event_title: str) -> Path:
    """One field visit as GPX, titled "<event>: <visit>"."""
    from fieldvisit.interop.gpx import write_gpx  # gpxpy: only when a GPX is written

    write_gpx(itinerary, path, title=f"{event_title}: {itinerary.title}")
    return path


def export_itinerary(store: Store, event_id: str, path: Path) -> Exported:
    """The field visit as GPX; a second visit goes to `<name>-<visit id>.gpx` beside it."""
    title = _event(store, event_id).title
    with store.unit() as session:
        itineraries = repository.load_itineraries(session, event_id)
    if not itineraries:
        raise InvalidInputError("this event has no field visit itinerary")
    written: list[Path] = []
    for index, itinerary in enumerate(itineraries):
        target = path if index == 0 else path.with_name(f"{path.stem}-{itinerary.id}.gpx")
        written.append(write_itinerary(itinerary, target, event_title=title))
    return Exported(tuple(written), f"{len(written)} itinerary file(s)")


def export(
    store: Store,
    what: str,
    event_id: str,
    path: Path,
    *,
    include_private: bool = False,
    render_pdf: PdfRenderer | None = None,
) -> Exported:
    """Dispatch by name: notes, agenda, contacts or itinerary. Every file is 0600."""
    handlers: dict[str, Callable[[Store, str, Path], Exported]] = {
        "agenda": export_agenda,
        "contacts": export_contacts,
        "itinerary": export_itinerary,
    }
    if what not in (*handlers, "notes"):
        raise InvalidInputError(f"unknown export {what!r}; choose one of {', '.join(EXPORTS)}")
    check_suffix(what, path)
    if not path.parent.is_dir():
        raise InvalidInputError("the folder does not exist", path=path.parent)
    if what == "notes":
        return export_notes(
            store, event_id, path, include_private=include_private, render_pdf=render_pdf
        )
    return handlers[what](store, event_id, path)
