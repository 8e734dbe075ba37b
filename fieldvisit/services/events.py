"""Installed events: list them with their figures, and remove one's organiser content."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from fieldvisit.domain.changes import EventSummary
from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.services.store import Store
from fieldvisit.storage.repo import events as repo


def list_events(store: Store) -> list[EventSummary]:
    """Every installed event, soonest first, with its pack version, trust and counts."""
    with store.unit() as s:
        return repo.event_summaries(s)


def delete_event(store: Store, event_id: str) -> bool:
    """Remove an event's organiser content, change list and pack file; False if absent.

    The delegate's own notes and answers stay (they refer to the event by id only and
    reappear if the pack is installed again), and so does the key pin, so a reinstall is
    still held to the same organiser key.
    """
    with store.unit() as s:
        pack_file = repo.pack_file(s, event_id)
        if pack_file is None:
            return False
        repo.delete_event(s, event_id)
    with contextlib.suppress(OSError):
        (store.paths.packs / pack_file).unlink(missing_ok=True)
    return True


@dataclass(frozen=True, slots=True)
class OwnData:
    """What the delegate stored for an event: what removing it would lose."""

    notes: int = 0
    answers: int = 0
    picks: int = 0
    ratings: int = 0

    @property
    def empty(self) -> bool:
        return not (self.notes or self.answers or self.picks or self.ratings)


def own_data(store: Store, event_id: str) -> OwnData:
    """How many notes, answers, picks and ratings the delegate has for the event."""
    with store.unit() as s:
        return OwnData(*repo.own_counts(s, event_id))


def remove_event(store: Store, event_id: str) -> OwnData:
    """Remove an event entirely: its organiser content, pack file, and the delegate's own
    notes, answers, picks, ratings and seen marks for it. Returns what was removed.

    The caller has offered to send or export the notes first and has the user's
    confirmation. The key pin stays, so a reinstall is still held to the same organiser
    key (accepting a new key is an explicit step of its own).
    """
    lost = own_data(store, event_id)
    with store.unit() as s:
        if not repo.is_installed(s, event_id) and not repo.has_own_rows(s, event_id):
            raise InvalidInputError(f"no installed event has the id {event_id!r}")
        repo.delete_own_rows(s, event_id)
    delete_event(store, event_id)
    return lost
