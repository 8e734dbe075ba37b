"""The delegate's notes: autosaved drafts, revision history, soft delete, full-text search."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.matching import Matcher
from fieldvisit.services.fts import HIT_CLOSE, HIT_OPEN, fts_query, hits_to_html
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    ChangeRow,
    NoteRevisionRow,
    NoteRow,
    PersonRow,
    SessionRow,
    StopRow,
)

TARGET_KINDS = ("", "session", "stop", "person")
# Keystrokes within this window of the newest revision update it in place, so history
# holds one revision per stretch of writing rather than one per keystroke.
REVISION_WINDOW = dt.timedelta(minutes=2)
MAX_BODY = 1_000_000  # characters; a note larger than this is a paste accident


@dataclass(frozen=True, slots=True)
class Note:
    """One note as the GUI sees it; times are aware UTC datetimes."""

    id: str
    event_id: str
    target_kind: str
    target_uid: str
    body: str
    tags: tuple[str, ...]
    private: bool
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted: bool = False

    @property
    def title(self) -> str:
        """The first non-empty line, without Markdown heading marks."""
        for line in self.body.splitlines():
            stripped = line.strip().lstrip("#").strip()
            if stripped:
                return stripped[:120]
        return ""


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the editor hands to `save_note`: the note's full current state."""

    id: str
    event_id: str
    body: str
    tags: tuple[str, ...] = ()
    private: bool = False
    target_kind: str = ""
    target_uid: str = ""


@dataclass(frozen=True, slots=True)
class NoteRevision:
    note_id: str
    revision: int
    body: str
    tags: tuple[str, ...]
    saved_at: dt.datetime


@dataclass(frozen=True, slots=True)
class NoteItem:
    """A note with what it hangs on: `target_title` is "" for a free note.

    `orphaned` is True when the target no longer exists in the installed pack.
    """

    note: Note
    target_title: str
    orphaned: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A matching note; `snippet_html` is escaped HTML with matches in <b>...</b>."""

    note_id: str
    title: str
    snippet_html: str
    private: bool


def new_note_id() -> str:
    return str(uuid.uuid4())


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _naive_utc(moment: dt.datetime | None) -> dt.datetime:
    moment = moment or dt.datetime.now(dt.UTC)
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


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated (case-insensitively, first spelling wins), order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        tag = " ".join(tag.split())[:60]
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


def parse_tags(textline: str) -> tuple[str, ...]:
    """Tags typed as "a, b,c" -> ("a", "b", "c")."""
    return clean_tags(textline.split(","))


def _validate(draft: NoteDraft) -> None:
    if draft.target_kind not in TARGET_KINDS:
        raise InvalidInputError(f"unknown note target {draft.target_kind!r}", field="target_kind")
    if len(draft.body) > MAX_BODY:
        raise InvalidInputError(f"the note is longer than {MAX_BODY:,} characters", field="body")
    try:
        uuid.UUID(draft.id)
    except ValueError:
        raise InvalidInputError("a note id must be a UUID", field="id") from None


def save_note(
    store: Store, draft: NoteDraft, *, new_revision: bool = False, now: dt.datetime | None = None
) -> Note:
    """Create or update a note from the editor's state (the autosave path).

    A revision is added when the note is new, when `new_revision` is set (the editor lost
    focus or was closed since the last save, or a revision was restored) or when the newest
    revision is older than REVISION_WINDOW; otherwise the newest revision is updated in
    place. Saving unchanged content writes nothing.
    """
    _validate(draft)
    stamp = _naive_utc(now)
    tags = list(clean_tags(draft.tags))
    with store.unit() as s:
        row = s.get(NoteRow, draft.id)
        if row is None:
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
            )
            s.add(row)
            s.add(
                NoteRevisionRow(
                    note_id=draft.id, revision=1, body=draft.body, tags=tags, saved_at=stamp
                )
            )
            return _note(row)
        if (row.body, list(row.tags or ()), row.private) == (draft.body, tags, draft.private):
            return _note(row)
        newest = s.scalars(
            select(NoteRevisionRow)
            .where(NoteRevisionRow.note_id == row.id)
            .order_by(NoteRevisionRow.revision.desc())
            .limit(1)
        ).first()
        fresh = newest is not None and stamp - newest.saved_at < REVISION_WINDOW
        if newest is not None and fresh and not new_revision:
            newest.body = draft.body
            newest.tags = tags
            newest.saved_at = stamp
        else:
            number = (newest.revision if newest else 0) + 1
            s.add(
                NoteRevisionRow(
                    note_id=row.id, revision=number, body=draft.body, tags=tags, saved_at=stamp
                )
            )
            row.revision = number
        row.body = draft.body
        row.tags = tags
        row.private = draft.private
        row.updated_at = stamp
        return _note(row)


def get_note(store: Store, note_id: str) -> Note | None:
    with store.unit() as s:
        row = s.get(NoteRow, note_id)
        return _note(row) if row else None


def set_deleted(
    store: Store, note_id: str, deleted: bool = True, *, now: dt.datetime | None = None
) -> None:
    """Soft delete (or bring back): the note and its history stay in the store."""
    with store.unit() as s:
        s.execute(
            update(NoteRow)
            .where(NoteRow.id == note_id)
            .values(deleted=deleted, updated_at=_naive_utc(now))
        )


def history(store: Store, note_id: str) -> list[NoteRevision]:
    """Revisions newest first."""
    with store.unit() as s:
        rows = s.scalars(
            select(NoteRevisionRow)
            .where(NoteRevisionRow.note_id == note_id)
            .order_by(NoteRevisionRow.revision.desc())
        ).all()
        return [
            NoteRevision(r.note_id, r.revision, r.body, tuple(r.tags or ()), _aware(r.saved_at))
            for r in rows
        ]


def restore_revision(
    store: Store, note_id: str, revision: int, *, now: dt.datetime | None = None
) -> Note:
    """Make an old revision current again, as a new revision (so the restore can be undone)."""
    with store.unit() as s:
        old = s.scalars(
            select(NoteRevisionRow).where(
                NoteRevisionRow.note_id == note_id, NoteRevisionRow.revision == revision
            )
        ).first()
        row = s.get(NoteRow, note_id)
        if old is None or row is None:
            raise InvalidInputError(f"note {note_id} has no revision {revision}")
        draft = NoteDraft(
            id=row.id,
            event_id=row.event_id,
            body=old.body,
            tags=tuple(old.tags or ()),
            private=row.private,
            target_kind=row.target_kind,
            target_uid=row.target_uid,
        )
    return save_note(store, draft, new_revision=True, now=now)


def all_tags(store: Store, event_id: str) -> list[str]:
    """Every tag used in the event's notes, for the completer and the tag filter."""
    with store.unit() as s:
        rows = s.scalars(
            select(NoteRow.tags).where(NoteRow.event_id == event_id, NoteRow.deleted.is_(False))
        ).all()
    tags = clean_tags(str(t) for row in rows for t in (row or ()))
    return sorted(tags, key=str.casefold)


def _target_titles(s: Session, event_id: str) -> dict[tuple[str, str], str]:
    titles: dict[tuple[str, str], str] = {}
    for uid, title in s.execute(
        select(SessionRow.uid, SessionRow.title).where(SessionRow.event_id == event_id)
    ):
        titles["session", uid] = title
    for uid, title in s.execute(
        select(StopRow.uid, StopRow.title).where(StopRow.event_id == event_id)
    ):
        titles["stop", uid] = title
    for uid, name in s.execute(
        select(PersonRow.uid, PersonRow.name).where(PersonRow.event_id == event_id)
    ):
        titles["person", uid] = name
    return titles


def gone_titles(s: Session, event_id: str) -> dict[tuple[str, str], str]:
    """Titles of targets a pack update removed, from the change list it left behind."""
    return {
        (kind, uid): title
        for kind, uid, title in s.execute(
            select(ChangeRow.target_kind, ChangeRow.target_uid, ChangeRow.title)
            .where(ChangeRow.event_id == event_id)
            .order_by(ChangeRow.pk)
        )
    }


def list_notes(store: Store, event_id: str, *, include_deleted: bool = False) -> list[NoteItem]:
    """The event's notes, most recently edited first, each with its target's title."""
    with store.unit() as s:
        query = select(NoteRow).where(NoteRow.event_id == event_id)
        if not include_deleted:
            query = query.where(NoteRow.deleted.is_(False))
        rows = s.scalars(query.order_by(NoteRow.updated_at.desc())).all()
        titles = _target_titles(s, event_id)
        gone: dict[tuple[str, str], str] | None = None
        items: list[NoteItem] = []
        for row in rows:
            key = (row.target_kind, row.target_uid)
            if not row.target_kind:
                items.append(NoteItem(_note(row), "", False))
            elif key in titles:
                items.append(NoteItem(_note(row), titles[key], False))
            else:
                if gone is None:
                    gone = gone_titles(s, event_id)
                items.append(NoteItem(_note(row), gone.get(key, row.target_uid), True))
        return items


def target_title(store: Store, event_id: str, kind: str, uid: str) -> tuple[str, bool]:
    """(title, orphaned) of one note target."""
    if not kind:
        return "", False
    with store.unit() as s:
        title = _target_titles(s, event_id).get((kind, uid))
        if title is not None:
            return title, False
        return gone_titles(s, event_id).get((kind, uid), uid), True


def search_notes(
    store: Store, event_id: str, user_text: str, *, limit: int = 200
) -> list[SearchHit]:
    """Full-text search over the event's live notes, newest first."""
    match = fts_query(user_text)
    if not match:
        return []
    matcher = Matcher(user_text)
    # Newest first, not by bm25: FTS5 walks its doclist in rowid order and stops at the
    # LIMIT, so snippets are built for the shown rows only. Ranking by bm25 scores every
    # match first: p95 ~80 ms over 20,000 notes against ~7 ms this way (bench_search.py).
    sql = text(
        "SELECT n.id, n.body, n.tags, n.private, "
        "snippet(notes_fts, 0, :hit_open, :hit_close, '…', 16) "
        "FROM notes_fts JOIN notes AS n ON n.rowid = notes_fts.rowid "
        "WHERE notes_fts MATCH :match AND n.event_id = :event AND n.deleted = 0 "
        "ORDER BY notes_fts.rowid DESC LIMIT :limit"
    )
    with store.unit() as s:
        params = {
            "match": match,
            "event": event_id,
            "limit": limit,
            "hit_open": HIT_OPEN,
            "hit_close": HIT_CLOSE,
        }
        rows = s.execute(sql, params).all()
    hits: list[SearchHit] = []
    for note_id, body, tags, private, snippet in rows:
        if not matcher.matches(body, tags or ""):
            continue  # FTS5 fetched it by stem prefix; the one matching rule says no
        title = Note(note_id, event_id, "", "", body, (), False, 0, _EPOCH, _EPOCH).title
        snippet = hits_to_html(snippet)  # plain escaped text when the match was in the tags
        hits.append(SearchHit(note_id, title, snippet, bool(private)))
    return hits


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def session_at(store: Store, event_id: str, moment: dt.datetime) -> str:
    """The uid of the session running at `moment` (the earliest-starting one), or ""."""
    at = _naive_utc(moment)
    with store.unit() as s:
        uid = s.scalar(
            select(SessionRow.uid)
            .where(
                SessionRow.event_id == event_id,
                SessionRow.start_utc <= at,
                SessionRow.end_utc > at,
            )
            .order_by(SessionRow.start_utc, SessionRow.uid)
            .limit(1)
        )
    return uid or ""


def count_notes(store: Store, event_id: str) -> int:
    with store.unit() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(NoteRow)
                .where(NoteRow.event_id == event_id, NoteRow.deleted.is_(False))
            )
            or 0
        )


def bulk_insert(
    store: Store, notes: Sequence[NoteDraft], *, now: dt.datetime | None = None
) -> None:
    """Insert many new notes in one transaction (benchmarks, imports of old notes)."""
    stamp = _naive_utc(now)
    with store.unit() as s:
        for draft in notes:
            _validate(draft)
            tags = list(clean_tags(draft.tags))
            s.add(
                NoteRow(
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
                )
            )
            s.add(
                NoteRevisionRow(
                    note_id=draft.id, revision=1, body=draft.body, tags=tags, saved_at=stamp
                )
            )
