"""The delegate's notes and their revisions: every read and write of `notes`,
`note_revisions` and the notes' full-text index. Times come in and go out aware (UTC)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select, text, update

from fieldvisit.domain.notes import Note, NoteDraft, NoteRevision
from fieldvisit.storage.models import NoteRevisionRow, NoteRow
from fieldvisit.storage.unit import Unit


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _note(row: NoteRow) -> Note:
    return Note(
        id=row.id,
        event_id=row.event_id,
        target_kind=row.target_kind,
        target_uid=row.target_uid,
        body=row.body,
        tags=tuple(str(t) for t in row.tags or ()),
        private=row.private,
        revision=row.revision,
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
        deleted=row.deleted,
    )


def _revision(row: NoteRevisionRow) -> NoteRevision:
    return NoteRevision(
        row.note_id, row.revision, row.body, tuple(row.tags or ()), _aware(row.saved_at)
    )


def find(unit: Unit, note_id: str) -> Note | None:
    row = unit.get(NoteRow, note_id)
    return _note(row) if row is not None else None


def insert(unit: Unit, drafts: Iterable[NoteDraft], saved_at: dt.datetime) -> list[Note]:
    """New notes, each with its first revision (the drafts' tags are already clean)."""
    stamp = _naive(saved_at)
    rows: list[NoteRow] = []
    for draft in drafts:
        tags = list(draft.tags)
        row = NoteRow(
            id=draft.id,
            event_id=draft.event_id,
            target_kind=draft.target_kind,
            target_uid=draft.target_uid,
            body=draft.body,
            tags=tags,
            private=draft.private,
            revision=1,
            created_at=stamp,
            updated_at=stamp,
            deleted=False,
        )
        unit.add(row)
        unit.add(
            NoteRevisionRow(
                note_id=draft.id, revision=1, body=draft.body, tags=tags, saved_at=stamp
            )
        )
        rows.append(row)
    return [_note(row) for row in rows]


def update_note(unit: Unit, note: Note, draft: NoteDraft, revision: int, at: dt.datetime) -> Note:
    """Write the draft's body, tags and privacy into the stored `note`, now at `revision`."""
    values = {
        "body": draft.body,
        "tags": list(draft.tags),
        "private": draft.private,
        "revision": revision,
        "updated_at": _naive(at),
    }
    unit.execute(
        update(NoteRow).where(NoteRow.id == note.id).values(values),
        execution_options={"synchronize_session": False},
    )
    return dataclasses.replace(
        note,
        body=draft.body,
        tags=draft.tags,
        private=draft.private,
        revision=revision,
        updated_at=_aware(_naive(at)),
    )


def newest_revision(unit: Unit, note_id: str) -> NoteRevision | None:
    row = unit.scalars(
        select(NoteRevisionRow)
        .where(NoteRevisionRow.note_id == note_id)
        .order_by(NoteRevisionRow.revision.desc())
        .limit(1)
    ).first()
    return _revision(row) if row is not None else None


def revision(unit: Unit, note_id: str, number: int) -> NoteRevision | None:
    row = unit.scalars(
        select(NoteRevisionRow).where(
            NoteRevisionRow.note_id == note_id, NoteRevisionRow.revision == number
        )
    ).first()
    return _revision(row) if row is not None else None


def write_revision(unit: Unit, rev: NoteRevision, *, replace: bool = False) -> None:
    """Add the revision or, with `replace`, overwrite the stored one of the same number."""
    stamp = _naive(rev.saved_at)
    if replace:
        unit.execute(
            update(NoteRevisionRow)
            .where(NoteRevisionRow.note_id == rev.note_id, NoteRevisionRow.revision == rev.revision)
            .values(body=rev.body, tags=list(rev.tags), saved_at=stamp),
            execution_options={"synchronize_session": False},
        )
        return
    unit.add(
        NoteRevisionRow(
            note_id=rev.note_id,
            revision=rev.revision,
            body=rev.body,
            tags=list(rev.tags),
            saved_at=stamp,
        )
    )


def history(unit: Unit, note_id: str) -> list[NoteRevision]:
    """Revisions newest first."""
    rows = unit.scalars(
        select(NoteRevisionRow)
        .where(NoteRevisionRow.note_id == note_id)
        .order_by(NoteRevisionRow.revision.desc())
    ).all()
    return [_revision(r) for r in rows]


def set_deleted(unit: Unit, note_id: str, deleted: bool, at: dt.datetime) -> None:
    unit.execute(
        update(NoteRow).where(NoteRow.id == note_id).values(deleted=deleted, updated_at=_naive(at))
    )


def live_tag_lists(unit: Unit, event_id: str) -> list[Sequence[object]]:
    """The tag list of every live note of the event."""
    query = select(NoteRow.tags).where(NoteRow.event_id == event_id, NoteRow.deleted.is_(False))
    return [row or () for row in unit.scalars(query)]


def notes_of(unit: Unit, event_id: str, *, include_deleted: bool = False) -> list[Note]:
    """The event's notes, most recently edited first."""
    query = select(NoteRow).where(NoteRow.event_id == event_id)
    if not include_deleted:
        query = query.where(NoteRow.deleted.is_(False))
    return [_note(r) for r in unit.scalars(query.order_by(NoteRow.updated_at.desc()))]


def count_live(unit: Unit, event_id: str) -> int:
    query = select(func.count()).select_from(NoteRow)
    return int(
        unit.scalar(query.where(NoteRow.event_id == event_id, NoteRow.deleted.is_(False))) or 0
    )


# Newest first, not by bm25: FTS5 walks its doclist in rowid order and stops at the LIMIT,
# so snippets are built for the shown rows only. Ranking by bm25 scores every match first:
# p95 ~80 ms over 20,000 notes against ~7 ms this way (bench_search.py).
_SEARCH = text(
    "SELECT n.id, n.body, n.tags, n.private, "
    "snippet(notes_fts, 0, :hit_open, :hit_close, '…', 16) "
    "FROM notes_fts JOIN notes AS n ON n.rowid = notes_fts.rowid "
    "WHERE notes_fts MATCH :match AND n.event_id = :event AND n.deleted = 0 "
    "ORDER BY notes_fts.rowid DESC LIMIT :limit"
)


def full_text(
    unit: Unit, event_id: str, match: str, *, limit: int, marks: tuple[str, str]
) -> list[tuple[str, str, Any, bool, str]]:
    """(id, body, tags, private, snippet) of the live notes matching the FTS5 `match`,
    newest first; the snippet's hits between `marks`."""
    params = {
        "match": match,
        "event": event_id,
        "limit": limit,
        "hit_open": marks[0],
        "hit_close": marks[1],
    }
    return [
        (str(r[0]), str(r[1]), r[2], bool(r[3]), str(r[4] or ""))
        for r in unit.execute(_SEARCH, params)
    ]


def notes_by_creation(unit: Unit, event_id: str, *, include_private: bool) -> list[Note]:
    """The event's live notes (the private ones only if asked), oldest first."""
    query = select(NoteRow).where(NoteRow.event_id == event_id, NoteRow.deleted.is_(False))
    if not include_private:
        query = query.where(NoteRow.private.is_(False))
    return [_note(r) for r in unit.scalars(query.order_by(NoteRow.created_at))]


def shared_ids(unit: Unit, note_ids: Iterable[str]) -> set[str]:
    """Those of `note_ids` still live and not private."""
    query = select(NoteRow.id).where(
        NoteRow.id.in_(list(note_ids)), NoteRow.private.is_(False), NoteRow.deleted.is_(False)
    )
    return set(unit.scalars(query))


def live_notes_on(
    unit: Unit, event_id: str, kinds: Iterable[str]
) -> list[tuple[str, str, str, str]]:
    """(id, target kind, target uid, body) of the live notes on targets of `kinds`, oldest
    first."""
    query = (
        select(NoteRow.id, NoteRow.target_kind, NoteRow.target_uid, NoteRow.body)
        .where(
            NoteRow.event_id == event_id,
            NoteRow.deleted.is_(False),
            NoteRow.target_kind.in_(list(kinds)),
        )
        .order_by(NoteRow.created_at, NoteRow.id)
    )
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in unit.execute(query)]
