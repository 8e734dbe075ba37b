"""Erase for real: deleted notes and an event's own data leave the store, words and all.

A soft-deleted note keeps its text in `notes`, `note_revisions` and the full-text index.
Emptying the bin and "Erase this event's data" delete the rows (revisions go with them by
the foreign key's cascade), rebuild the notes' full-text index so no segment keeps the
words, and checkpoint the WAL back into the store. The store's connections run with
`PRAGMA secure_delete=ON` (set in `storage.engine`), so SQLite overwrites the freed space
with zeros instead of leaving it for a disk editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldvisit.services.store import Store
from fieldvisit.storage.repo import erase as repo


@dataclass(frozen=True, slots=True)
class Erased:
    """How many of the delegate's records went."""

    notes: int = 0
    answers: int = 0
    other: int = 0  # agenda picks, ratings, seen marks, the list of returns sent


def deleted_count(store: Store, event_id: str) -> int:
    """Notes in the bin (soft-deleted) for the event."""
    with store.unit() as s:
        return repo.count_binned(s, event_id)


def empty_bin(store: Store, event_id: str) -> int:
    """Erase the event's deleted notes and their history for real; how many went."""
    with store.unit() as s:
        count = repo.delete_binned(s, event_id)
    scrub(store)
    return count


def erase_event_data(store: Store, event_id: str) -> Erased:
    """Erase everything the delegate wrote or marked for one event: notes (deleted or
    not) with their history, questionnaire answers, agenda picks, ratings, seen marks and
    the list of returns sent. The organiser's programme stays installed."""
    with store.unit() as s:
        notes, answers, other = repo.delete_own_data(s, event_id)
    scrub(store)
    return Erased(notes=notes, answers=answers, other=other)


def scrub(store: Store) -> None:
    """Rebuild the notes' full-text index from the rows left, then fold the WAL into the
    store and truncate it, so neither keeps a copy of what was deleted."""
    with store.unit() as s:
        repo.rebuild_notes_index(s)
    repo.checkpoint(store.engine)
