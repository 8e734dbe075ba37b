"""Erasing for real: delete the delegate's rows, rebuild the notes' full-text index and fold
the WAL back into the store, so no copy of the words is left (see services/erase.py)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Engine, delete, func, select, text

from fieldvisit.storage.models import (
    AgendaPickRow,
    AnswerRow,
    NoteRow,
    RatingRow,
    SeenRow,
    SentReturnRow,
)
from fieldvisit.storage.unit import Unit


def _delete(unit: Unit, model: Any, *where: Any) -> int:
    result = cast(CursorResult[Any], unit.execute(delete(model).where(*where)))
    return int(result.rowcount or 0)


def count_binned(unit: Unit, event_id: str) -> int:
    """Notes in the bin (soft-deleted) for the event."""
    query = select(func.count()).select_from(NoteRow)
    return int(
        unit.scalar(query.where(NoteRow.event_id == event_id, NoteRow.deleted.is_(True))) or 0
    )


def delete_binned(unit: Unit, event_id: str) -> int:
    """Delete the event's soft-deleted notes (their revisions go by the cascade)."""
    return _delete(unit, NoteRow, NoteRow.event_id == event_id, NoteRow.deleted.is_(True))


def delete_own_data(unit: Unit, event_id: str) -> tuple[int, int, int]:
    """Delete every note, answer, pick, rating, seen mark and sent-return record of the
    event; returns (notes, answers, the others) deleted."""
    notes = _delete(unit, NoteRow, NoteRow.event_id == event_id)
    answers = _delete(unit, AnswerRow, AnswerRow.event_id == event_id)
    other = sum(
        _delete(unit, model, model.event_id == event_id)
        for model in (AgendaPickRow, RatingRow, SeenRow, SentReturnRow)
    )
    return notes, answers, other


def rebuild_notes_index(unit: Unit) -> None:
    """Rebuild the notes' full-text index from the rows left (no segment keeps old words)."""
    unit.execute(text("INSERT INTO notes_fts(notes_fts) VALUES('rebuild')"))


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the store and truncate it."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").all()
