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
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, text
from sqlalchemy.orm import Session

from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    AgendaPickRow,
    AnswerRow,
    NoteRow,
    RatingRow,
    SeenRow,
    SentReturnRow,
)


@dataclass(frozen=True, slots=True)
class Erased:
    """How many of the delegate's records went."""

    notes: int = 0
    answers: int = 0
    other: int = 0  # agenda picks, ratings, seen marks, the list of returns sent


def _delete(s: Session, model: Any, *where: Any) -> int:
    result = cast(CursorResult[Any], s.execute(delete(model).where(*where)))
    return int(result.rowcount or 0)


def deleted_count(store: Store, event_id: str) -> int:
    """Notes in the bin (soft-deleted) for the event."""
    with store.unit() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(NoteRow)
                .where(NoteRow.event_id == event_id, NoteRow.deleted.is_(True))
            )
            or 0
        )


def empty_bin(store: Store, event_id: str) -> int:
    """Erase the event's deleted notes and their history for real; how many went."""
    with store.unit() as s:
        count = _delete(s, NoteRow, NoteRow.event_id == event_id, NoteRow.deleted.is_(True))
    scrub(store)
    return count


def erase_event_data(store: Store, event_id: str) -> Erased:
    """Erase everything the delegate wrote or marked for one event: notes (deleted or
    not) with their history, questionnaire answers, agenda picks, ratings, seen marks and
    the list of returns sent. The organiser's programme stays installed."""
    with store.unit() as s:
        notes = _delete(s, NoteRow, NoteRow.event_id == event_id)
        answers = _delete(s, AnswerRow, AnswerRow.event_id == event_id)
        other = sum(
            _delete(s, model, model.event_id == event_id)
            for model in (AgendaPickRow, RatingRow, SeenRow, SentReturnRow)
        )
    scrub(store)
    return Erased(notes=notes, answers=answers, other=other)


def scrub(store: Store) -> None:
    """Rebuild the notes' full-text index from the rows left, then fold the WAL into the
    store and truncate it, so neither keeps a copy of what was deleted."""
    with store.unit() as s:
        s.execute(text("INSERT INTO notes_fts(notes_fts) VALUES('rebuild')"))
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").all()
