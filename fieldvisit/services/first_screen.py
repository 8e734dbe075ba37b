"""The first screen of a plain store, read before the storage stack is loaded.

`first_screen` gives the event list and one event's programme (with the delegate's picks
and ratings) from `storage.glance`, in the shapes the views get from the usual services,
or None: then the window waits for the full stack as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldvisit.paths import AppPaths
from fieldvisit.services.views import EventChoice, Programme, programme_of


@dataclass(frozen=True, slots=True)
class FirstScreen:
    events: list[EventChoice]
    programme: Programme
    picks: frozenset[str]
    ratings: dict[str, int]


def first_screen(paths: AppPaths, event_id: str = "") -> FirstScreen | None:
    """The events, and the programme of `event_id` (else of the event listed first)."""
    from fieldvisit.storage.glance import glance

    seen = glance(paths.database, event_id)
    if seen is None or seen.event is None:
        return None
    events = list(seen.events)
    programme = programme_of(
        seen.event, seen.sessions, seen.names, seen.documents, seen.sharing, seen.addresses
    )
    return FirstScreen(events, programme, seen.picks, seen.ratings)
