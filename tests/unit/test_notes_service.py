"""Notes service: autosave upsert, revision policy, restore, soft delete, orphans, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldvisit.domain.errors import InvalidInputError
from fieldvisit.paths import resolve
from fieldvisit.services import notes
from fieldvisit.services.store import Store
from fieldvisit.storage.models import ChangeRow, EventRow, SessionRow

T0 = dt.datetime(2017, 2, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    with opened.unit() as s:
        s.add(
            EventRow(
                id="ev",
                title="RFTF",
                timezone="Europe/Amsterdam",
                start_date=dt.date(2017, 2, 15),
                end_date=dt.date(2017, 2, 16),
                data={},
                map_data=None,
                pack_id="p",
                pack_version=1,
                pack_file="p.fvpack",
                signed=True,
                key_fingerprint=None,
                return_key=None,
            )
        )
        s.add(
            SessionRow(
                event_id="ev",
                uid="s1",
                title="Opening plenary",
                kind="plenary",
                start_utc=dt.datetime(2017, 2, 15, 8),
                end_utc=dt.datetime(2017, 2, 15, 9),
            )
        )
    yield opened
    opened.close()


def draft(note_id: str, body: str, **kw: object) -> notes.NoteDraft:
    return notes.NoteDraft(id=note_id, event_id="ev", body=body, **kw)  # type: ignore[arg-type]


def test_save_creates_then_updates_newest_revision_in_place(store: Store) -> None:
    nid = notes.new_note_id()
    notes.save_note(store, draft(nid, "a"), now=T0)
    notes.save_note(store, draft(nid, "ab"), now=T0 + dt.timedelta(seconds=30))
    saved = notes.save_note(store, draft(nid, "abc"), now=T0 + dt.timedelta(seconds=60))
    assert saved.body == "abc"
    revs = notes.history(store, nid)
    assert [(r.revision, r.body) for r in revs] == [(1, "abc")]


def test_new_revision_after_window_or_on_request(store: Store) -> None:
    nid = notes.new_note_id()
    notes.save_note(store, draft(nid, "one"), now=T0)
    notes.save_note(store, draft(nid, "two"), now=T0 + dt.timedelta(minutes=3))
    notes.save_note(
        store, draft(nid, "three"), new_revision=True, now=T0 + dt.timedelta(minutes=3, seconds=5)
    )
    assert [r.body for r in notes.history(store, nid)] == ["three", "two", "one"]
    assert notes.get_note(store, nid).revision == 3  # type: ignore[union-attr]


def test_unchanged_save_writes_nothing(store: Store) -> None:
    nid = notes.new_note_id()
    first = notes.save_note(store, draft(nid, "same", tags=("x",)), now=T0)
    again = notes.save_note(
        store, draft(nid, "same", tags=(" x ",)), new_revision=True, now=T0 + dt.timedelta(hours=1)
    )
    assert again.updated_at == first.updated_at
    assert len(notes.history(store, nid)) == 1


def test_restore_is_itself_a_revision(store: Store) -> None:
    nid = notes.new_note_id()
    notes.save_note(store, draft(nid, "first"), now=T0)
    notes.save_note(store, draft(nid, "second"), now=T0 + dt.timedelta(minutes=5))
    restored = notes.restore_revision(store, nid, 1, now=T0 + dt.timedelta(minutes=6))
    assert restored.body == "first"
    assert [r.body for r in notes.history(store, nid)] == ["first", "second", "first"]
    with pytest.raises(InvalidInputError):
        notes.restore_revision(store, nid, 99)


def test_soft_delete_keeps_history_and_can_undo(store: Store) -> None:
    nid = notes.new_note_id()
    notes.save_note(store, draft(nid, "keep me"), now=T0)
    notes.set_deleted(store, nid)
    assert notes.list_notes(store, "ev") == []
    assert [i.note.id for i in notes.list_notes(store, "ev", include_deleted=True)] == [nid]
    assert notes.history(store, nid)
    assert notes.search_notes(store, "ev", "keep") == []
    notes.set_deleted(store, nid, False)
    assert [i.note.body for i in notes.list_notes(store, "ev")] == ["keep me"]


def test_orphaned_note_keeps_old_title(store: Store) -> None:
    live, gone = notes.new_note_id(), notes.new_note_id()
    notes.save_note(store, draft(live, "on s1", target_kind="session", target_uid="s1"))
    notes.save_note(store, draft(gone, "on s9", target_kind="session", target_uid="s9"))
    with store.unit() as s:
        s.add(
            ChangeRow(
                event_id="ev",
                pack_version=2,
                target_kind="session",
                target_uid="s9",
                title="Cancelled workshop",
                change="cancelled",
            )
        )
    items = {i.note.id: i for i in notes.list_notes(store, "ev")}
    assert (items[live].target_title, items[live].orphaned) == ("Opening plenary", False)
    assert (items[gone].target_title, items[gone].orphaned) == ("Cancelled workshop", True)
    assert notes.target_title(store, "ev", "session", "s9") == ("Cancelled workshop", True)


def test_search_highlights_and_escapes(store: Store) -> None:
    nid = notes.new_note_id()
    notes.save_note(store, draft(nid, "# Visit\n<script> Schilderswijk youth workers met"))
    hits = notes.search_notes(store, "ev", "schilder")
    assert [h.note_id for h in hits] == [nid]
    assert "<b>Schilderswijk</b>" in hits[0].snippet_html
    assert "&lt;script&gt;" in hits[0].snippet_html
    assert hits[0].title == "Visit"
    # FTS syntax in user input is treated as words, never as an error
    for hostile in ('"', "AND OR NOT", "a*b(", "NEAR(x y)", "body:secret", "-", "é"):
        notes.search_notes(store, "ev", hostile)
    assert notes.search_notes(store, "other-event", "visit") == []


def test_tags_cleaned_and_listed(store: Store) -> None:
    assert notes.parse_tags(" youth , Youth,, prevention ") == ("youth", "prevention")
    notes.save_note(store, draft(notes.new_note_id(), "x", tags=("b", "A")))
    assert notes.all_tags(store, "ev") == ["A", "b"]


def test_bad_input_rejected(store: Store) -> None:
    with pytest.raises(InvalidInputError):
        notes.save_note(store, draft("not-a-uuid", "x"))
    with pytest.raises(InvalidInputError):
        notes.save_note(store, draft(notes.new_note_id(), "x", target_kind="planet"))
    with pytest.raises(InvalidInputError):
        notes.save_note(store, draft(notes.new_note_id(), "x" * (notes.MAX_BODY + 1)))


def test_search_lists_newest_first_and_limits(store: Store) -> None:
    ids = [notes.new_note_id() for _ in range(5)]
    notes.bulk_insert(store, [draft(i, f"families note {n}") for n, i in enumerate(ids)])
    hits = notes.search_notes(store, "ev", "famil", limit=3)
    assert [h.note_id for h in hits] == ids[::-1][:3]
