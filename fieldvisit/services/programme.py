"""The programme of one event as the GUI shows it: sessions, rooms, tracks, days, speakers.

Reads the programme through `storage.repo.programme` as frozen domain dataclasses in the
event's zone, so the GUI never sees an ORM object.
"""

from __future__ import annotations

import datetime as dt

from fieldvisit.domain.changes import EventChoice
from fieldvisit.domain.model import Person, SessionKind
from fieldvisit.services.store import Store
from fieldvisit.services.views import ChangeItem, Programme, Today, programme_of
from fieldvisit.services.visit import current_and_next
from fieldvisit.storage.repo import changes, events
from fieldvisit.storage.repo import programme as repo
from fieldvisit.storage.rows import zone_of

__all__ = ["ChangeItem", "EventChoice", "Programme", "Today"]


def event_choices(store: Store) -> list[EventChoice]:
    """Installed events, soonest first."""
    with store.unit() as s:
        return events.event_choices(s)


def load_programme(store: Store, event_id: str) -> Programme | None:
    """The event's programme in its own zone, or None when the event is not installed."""
    with store.unit() as s:
        event = repo.find_event(s, event_id)
        if event is None:
            return None
        sessions = repo.programme_sessions(s, event)
        names = repo.person_names(s, event_id)
        headings = repo.document_headings(s, event_id)
    return programme_of(
        event,
        sessions,
        names,
        {uid: h.title for uid, h in headings.items()},
        {uid: h.sharing for uid, h in headings.items()},
        {uid: h.url for uid, h in headings.items() if h.url},
    )


def load_people(store: Store, event_id: str) -> list[Person]:
    with store.unit() as s:
        return repo.people_by_name(s, event_id)


def unseen_changes(store: Store, event_id: str) -> list[ChangeItem]:
    with store.unit() as s:
        found = changes.change_list(s, event_id)
    return [
        ChangeItem(
            id=c.id or 0,
            target_kind=c.target_kind,
            target_uid=c.target_uid,
            title=c.title,
            change=c.change.value,
            fields=tuple((f.field, f.old, f.new) for f in c.fields),
            pack_version=c.pack_version or 0,
        )
        for c in found
    ]


def mark_seen(store: Store, event_id: str, ids: list[int]) -> int:
    """Mark change lines seen; returns how many were marked."""
    with store.unit() as s:
        return changes.mark_seen(s, event_id, ids)


def load_today(store: Store, event_id: str, moment: dt.datetime) -> Today:
    """Now / next sessions, the current and next stop, and unseen changes at `moment`.

    Only the sessions running at `moment` and those starting next are read, not the whole
    programme (Today is the first screen, and FOSDEM has 943 sessions).
    """
    with store.unit() as s:
        event = repo.find_event(s, event_id)
        if event is None:
            return Today(event=None)
        during = repo.sessions_at(s, event, moment)
        running = tuple(x for x in during if x.kind != SessionKind.BREAK) or during
        coming = repo.sessions_starting_next(s, event, moment)
        stops = repo.all_stops(s, event)
    at = moment.astimezone(zone_of(event.timezone))
    # The same rule as the Visit section, so both say the same about where the visit is.
    timed = sorted((x for x in stops if x.planned_start), key=lambda x: x.planned_start or at)
    current_id, next_id = current_and_next(timed, at)
    by_id = {x.id: x for x in stops}
    current_stop = by_id.get(current_id) if current_id else None
    return Today(
        event=event,
        now=running,
        next=coming,
        next_stop=by_id.get(next_id) if next_id else None,
        current_stop=current_stop,
        changes=tuple(unseen_changes(store, event_id)),
    )
