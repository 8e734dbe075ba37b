"""A person's page: who they are, their sessions and the stops they host, the delegate's
notes on them, and their contact details only where they consented (`contacts.visible`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldvisit.domain.model import Person
from fieldvisit.services import contacts, notes
from fieldvisit.services.store import Store
from fieldvisit.storage import repository


@dataclass(frozen=True, slots=True)
class PersonSession:
    id: str
    title: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True, slots=True)
class PersonStop:
    id: str
    title: str
    itinerary: str
    start: dt.datetime | None


@dataclass(frozen=True, slots=True)
class PersonNote:
    id: str
    title: str
    private: bool
    updated: dt.datetime


@dataclass(frozen=True, slots=True)
class PersonPage:
    """Everything the page shows; `person` is as `contacts.visible` gives it."""

    person: Person
    sessions: tuple[PersonSession, ...] = ()
    stops: tuple[PersonStop, ...] = ()
    notes: tuple[PersonNote, ...] = ()


def person_page(store: Store, event_id: str, person_id: str) -> PersonPage | None:
    """The page of `person_id` in `event_id`; None when the pack has no such person."""
    if not event_id:
        return None
    with store.unit() as s:
        person = next((p for p in repository.load_people(s, event_id) if p.id == person_id), None)
        if person is None:
            return None
        sessions = tuple(
            PersonSession(x.id, x.title, x.start, x.end)
            for x in repository.load_sessions(s, event_id)
            if person_id in x.speaker_ids
        )
        stops = tuple(
            PersonStop(stop.id, stop.title, itinerary.title, stop.planned_start)
            for itinerary in repository.load_itineraries(s, event_id)
            for stop in itinerary.stops
            if stop.host_id == person_id
        )
    on_them = tuple(
        PersonNote(i.note.id, i.note.title, i.note.private, i.note.updated_at)
        for i in notes.list_notes(store, event_id)
        if (i.note.target_kind, i.note.target_uid) == ("person", person_id)
    )
    return PersonPage(contacts.visible(person), sessions, stops, on_them)
