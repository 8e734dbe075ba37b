"""The change lists pack updates leave behind: record, read, mark seen, and the titles of
what an update removed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, insert, select, update

from fieldvisit.domain.changes import Change, ChangeKind, FieldChange
from fieldvisit.storage.models import ChangeRow
from fieldvisit.storage.unit import Unit


def _change_from(row: ChangeRow) -> Change:
    items: list[object] = list(row.fields or ())
    fields = tuple(
        FieldChange(str(f.get("field", "")), str(f.get("old", "")), str(f.get("new", "")))
        for f in items
        if isinstance(f, dict)
    )
    return Change(
        target_kind=row.target_kind,
        target_uid=row.target_uid,
        title=row.title,
        change=ChangeKind(row.change),
        fields=fields,
        id=row.pk,
        pack_version=row.pack_version,
        seen=row.seen,
    )


def record_changes(
    unit: Unit, event_id: str, version: int, changes: Sequence[Change]
) -> tuple[Change, ...]:
    """Store the change list; returns it with the stored ids."""
    if not changes:
        return ()
    before = unit.execute(select(func.max(ChangeRow.pk))).scalar() or 0
    unit.execute(
        insert(ChangeRow),
        [
            {
                "event_id": event_id,
                "pack_version": version,
                "target_kind": c.target_kind,
                "target_uid": c.target_uid,
                "title": c.title,
                "change": c.change.value,
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in c.fields],
                "seen": False,
            }
            for c in changes
        ],
    )
    query = select(ChangeRow).where(ChangeRow.event_id == event_id, ChangeRow.pk > before)
    return tuple(_change_from(row) for row in unit.scalars(query.order_by(ChangeRow.pk)))


def change_list(unit: Unit, event_id: str, *, unseen_only: bool = True) -> list[Change]:
    """The event's change list, oldest first (only what the delegate has not seen yet)."""
    query = select(ChangeRow).where(ChangeRow.event_id == event_id)
    if unseen_only:
        query = query.where(ChangeRow.seen.is_(False))
    return [_change_from(row) for row in unit.scalars(query.order_by(ChangeRow.pk))]


def mark_seen(unit: Unit, event_id: str, ids: Iterable[int]) -> int:
    """Mark change-list items seen; returns how many were marked."""
    wanted = list(ids)
    if not wanted:
        return 0
    result: Any = unit.execute(
        update(ChangeRow)
        .where(ChangeRow.event_id == event_id, ChangeRow.pk.in_(wanted))
        .values(seen=True)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def gone_titles(unit: Unit, event_id: str) -> dict[tuple[str, str], str]:
    """Titles of targets a pack update removed, from the change lists it left behind (the
    newest line about a target wins)."""
    query = select(ChangeRow.target_kind, ChangeRow.target_uid, ChangeRow.title)
    rows = unit.execute(query.where(ChangeRow.event_id == event_id).order_by(ChangeRow.pk))
    return {(kind, uid): title for kind, uid, title in rows}
