"""The delegate's notes: autosaved drafts, revision history, soft delete, full-text search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.domain.matching import Matcher
from fieldvisit.domain.notes import Note, NoteDraft, NoteRevision, note_title
from fieldvisit.services.fts import HIT_CLOSE, HIT_OPEN, fts_query, hits_to_html
from fieldvisit.services.store import Store
from fieldvisit.storage.repo import changes, programme
from fieldvisit.storage.repo import notes as repo

__all__ = ["Note", "NoteDraft", "NoteItem", "NoteRevision", "SearchHit"]

TARGET_KINDS = ("", "session", "stop", "person")
# Keystrokes within this window of the newest revision update it in place, so history
# holds one revision per stretch of writing rather than one per keystroke.
REVISION_WINDOW = dt.timedelta(minutes=2)
MAX_BODY = 1_000_000  # characters; a note larger than this is a paste accident


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


def _utc(moment: dt.datetime | None) -> dt.datetime:
    return (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)


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
    stamp = _utc(now)
    draft = dataclasses.replace(draft, tags=clean_tags(draft.tags))
    with store.unit() as s:
        note = repo.find(s, draft.id)
        if note is None:
            return repo.insert(s, [draft], stamp)[0]
        if (note.body, note.tags, note.private) == (draft.body, draft.tags, draft.private):
            return note
        newest = repo.newest_revision(s, note.id)
        fresh = newest is not None and stamp - newest.saved_at < REVISION_WINDOW
        in_place = newest is not None and fresh and not new_revision
        if newest is not None and in_place:
            number, written = note.revision, newest.revision
        else:
            number = written = (newest.revision if newest else 0) + 1
        revision = NoteRevision(note.id, written, draft.body, draft.tags, stamp)
        repo.write_revision(s, revision, replace=in_place)
        return repo.update_note(s, note, draft, number, stamp)


def get_note(store: Store, note_id: str) -> Note | None:
    with store.unit() as s:
        return repo.find(s, note_id)


def set_deleted(
    store: Store, note_id: str, deleted: bool = True, *, now: dt.datetime | None = None
) -> None:
    """Soft delete (or bring back): the note and its history stay in the store."""
    with store.unit() as s:
        repo.set_deleted(s, note_id, deleted, _utc(now))


def history(store: Store, note_id: str) -> list[NoteRevision]:
    """Revisions newest first."""
    with store.unit() as s:
        return repo.history(s, note_id)


def restore_revision(
    store: Store, note_id: str, revision: int, *, now: dt.datetime | None = None
) -> Note:
    """Make an old revision current again, as a new revision (so the restore can be undone)."""
    with store.unit() as s:
        old = repo.revision(s, note_id, revision)
        note = repo.find(s, note_id)
        if old is None or note is None:
            raise InvalidInputError(f"note {note_id} has no revision {revision}")
        draft = NoteDraft(
            id=note.id,
            event_id=note.event_id,
            body=old.body,
            tags=old.tags,
            private=note.private,
            target_kind=note.target_kind,
            target_uid=note.target_uid,
        )
    return save_note(store, draft, new_revision=True, now=now)


def all_tags(store: Store, event_id: str) -> list[str]:
    """Every tag used in the event's notes, for the completer and the tag filter."""
    with store.unit() as s:
        lists = repo.live_tag_lists(s, event_id)
    tags = clean_tags(str(t) for tags in lists for t in tags)
    return sorted(tags, key=str.casefold)


def list_notes(store: Store, event_id: str, *, include_deleted: bool = False) -> list[NoteItem]:
    """The event's notes, most recently edited first, each with its target's title."""
    with store.unit() as s:
        notes = repo.notes_of(s, event_id, include_deleted=include_deleted)
        titles = programme.target_titles(s, event_id)
        gone: dict[tuple[str, str], str] | None = None
        items: list[NoteItem] = []
        for note in notes:
            key = (note.target_kind, note.target_uid)
            if not note.target_kind:
                items.append(NoteItem(note, "", False))
            elif key in titles:
                items.append(NoteItem(note, titles[key], False))
            else:
                if gone is None:
                    gone = changes.gone_titles(s, event_id)
                items.append(NoteItem(note, gone.get(key, note.target_uid), True))
        return items


def target_title(store: Store, event_id: str, kind: str, uid: str) -> tuple[str, bool]:
    """(title, orphaned) of one note target."""
    if not kind:
        return "", False
    with store.unit() as s:
        title = programme.target_titles(s, event_id).get((kind, uid))
        if title is not None:
            return title, False
        return changes.gone_titles(s, event_id).get((kind, uid), uid), True


def search_notes(
    store: Store, event_id: str, user_text: str, *, limit: int = 200
) -> list[SearchHit]:
    """Full-text search over the event's live notes, newest first."""
    match = fts_query(user_text)
    if not match:
        return []
    matcher = Matcher(user_text)
    with store.unit() as s:
        rows = repo.full_text(s, event_id, match, limit=limit, marks=(HIT_OPEN, HIT_CLOSE))
    hits: list[SearchHit] = []
    for note_id, body, tags, private, snippet in rows:
        if not matcher.matches(body, tags or ""):
            continue  # FTS5 fetched it by stem prefix; the one matching rule says no
        # plain escaped text when the match was in the tags
        hits.append(SearchHit(note_id, note_title(body), hits_to_html(snippet), private))
    return hits


def session_at(store: Store, event_id: str, moment: dt.datetime) -> str:
    """The uid of the session running at `moment` (the earliest-starting one), or ""."""
    with store.unit() as s:
        return programme.session_at(s, event_id, moment)


def count_notes(store: Store, event_id: str) -> int:
    with store.unit() as s:
        return repo.count_live(s, event_id)


def bulk_insert(
    store: Store, notes: Sequence[NoteDraft], *, now: dt.datetime | None = None
) -> None:
    """Insert many new notes in one transaction (benchmarks, imports of old notes)."""
    for draft in notes:
        _validate(draft)
    with store.unit() as s:
        repo.insert(s, (dataclasses.replace(d, tags=clean_tags(d.tags)) for d in notes), _utc(now))
