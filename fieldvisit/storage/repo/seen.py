"""Seen marks: documents the delegate opened, stops they visited (by `target_kind`)."""

from __future__ import annotations

from sqlalchemy import delete, select

from fieldvisit.storage.models import SeenRow
from fieldvisit.storage.unit import Unit


def seen(unit: Unit, event_id: str, kind: str) -> frozenset[str]:
    """The uids of the event's targets of `kind` marked seen."""
    query = select(SeenRow.target_uid).where(
        SeenRow.event_id == event_id, SeenRow.target_kind == kind
    )
    return frozenset(unit.scalars(query).all())


def mark(unit: Unit, event_id: str, kind: str, uid: str, on: bool = True) -> None:
    """Mark the target seen (once), or with `on` False, not seen."""
    where = (SeenRow.event_id == event_id, SeenRow.target_kind == kind, SeenRow.target_uid == uid)
    if not on:
        unit.execute(delete(SeenRow).where(*where))
    elif unit.scalar(select(SeenRow.pk).where(*where)) is None:
        unit.add(SeenRow(event_id=event_id, target_kind=kind, target_uid=uid))
