"""Installing and updating packs: trust pins, versions, one transaction, delegate data kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from import_factory import KEY_B, at, hague, loaded, replace_session
from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError

from fieldvisit.domain.changes import ChangeKind, FieldChange, ImportStatus
from fieldvisit.domain.errors import StorageError, TrustError
from fieldvisit.domain.model import PackContent, Session, SessionKind
from fieldvisit.paths import resolve
from fieldvisit.services import importing
from fieldvisit.services.importing import (
    changes,
    import_loaded,
    mark_changes_seen,
    orphaned_notes,
    preview_loaded,
)
from fieldvisit.services.store import Store
from fieldvisit.storage.models import (
    AgendaPickRow,
    AnswerRow,
    Base,
    EventRow,
    NoteRow,
    RatingRow,
    SeenRow,
    TrustPinRow,
)
from fieldvisit.storage.repository import load_content

DELEGATE_TABLES = ("notes", "answers", "agenda_picks", "ratings", "seen")


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    yield opened
    opened.close()


def dump(store: Store, only: tuple[str, ...] = ()) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (or of `only`), for before/after comparisons."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if only and table.name not in only:
                continue
            out[table.name] = sorted((tuple(r) for r in conn.execute(select(table))), key=repr)
    return out


def pack_files(store: Store) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.paths.packs.iterdir())}


def add_delegate_data(store: Store, event_id: str = "hague-2017") -> None:
    now = dt.datetime(2017, 2, 15, 9, 5)
    with store.unit() as s:
        s.execute(
            insert(NoteRow),
            [
                {
                    "id": "n-open",
                    "event_id": event_id,
                    "target_kind": "session",
                    "target_uid": "open",
                    "body": "Mayor's opening: trust first.",
                },
                {
                    "id": "n-wg1",
                    "event_id": event_id,
                    "target_kind": "session",
                    "target_uid": "wg1",
                    "body": "Families need a single contact point.",
                },
                {
                    "id": "n-s3",
                    "event_id": event_id,
                    "target_kind": "stop",
                    "target_uid": "s3",
                    "body": "Youth club director",
                },
                {"id": "n-free", "event_id": event_id, "body": "General thought"},
            ],
        )
        s.add(
            AnswerRow(
                id="a1",
                event_id=event_id,
                questionnaire_uid="before",
                version=1,
                question_uid="q1",
                value={"value": "methods"},
                updated_at=now,
            )
        )
        s.add(AgendaPickRow(event_id=event_id, session_uid="wg1", picked_at=now))
        s.add(RatingRow(event_id=event_id, session_uid="open", stars=4, updated_at=now))
        s.add(SeenRow(event_id=event_id, target_kind="stop", target_uid="s1", seen_at=now))


def updated(base: PackContent) -> PackContent:
    """v2: the opening moves and changes room, wg1 and stop s3 are dropped, a session added."""
    moved = replace_session(base, "open", start=at(15, 9, 30), end=at(15, 10, 30), room="Hall B")
    added = Session("panel", "Panel: prevention", SessionKind.PANEL, at(15, 14), at(15, 15))
    [walk] = moved.itineraries
    return dataclasses.replace(
        moved,
        sessions=(*(s for s in moved.sessions if s.id != "wg1"), added),
        itineraries=(dataclasses.replace(walk, stops=walk.stops[:2]),),
        documents=(),
    )


def test_first_import_installs_copies_and_pins(store: Store, tmp_path: Path) -> None:
    result = import_loaded(store, loaded(tmp_path / "in", hague()))
    assert result.status is ImportStatus.INSTALLED
    assert result.first_pin and result.fingerprint == "aaaa-1111"
    assert result.changes == () and result.old_version is None
    assert result.counts.sessions == 3 and result.counts.stops == 3
    assert list(pack_files(store)) == ["hague-2017-v1.fvpack"]
    with store.unit() as s:
        pin = s.get(TrustPinRow, "hague-2017")
        event = s.get(EventRow, "hague-2017")
        assert pin is not None and pin.fingerprint == "aaaa-1111" and pin.history == []
        assert event is not None and event.signed and event.key_fingerprint == "aaaa-1111"
        assert load_content(s, "hague-2017") == hague()


def test_update_keeps_delegate_data_and_records_changes(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    add_delegate_data(store)
    before = dump(store, DELEGATE_TABLES)

    result = import_loaded(store, loaded(tmp_path / "in", updated(hague()), version=2))

    assert dump(store, DELEGATE_TABLES) == before
    assert result.status is ImportStatus.UPDATED
    assert (result.old_version, result.new_version) == (1, 2)
    assert not result.first_pin and result.previous_fingerprint is None
    assert list(pack_files(store)) == ["hague-2017-v2.fvpack"]  # v1 is no longer kept
    summary = [(c.target_kind, c.target_uid, c.change) for c in result.changes]
    assert summary == [
        ("session", "open", ChangeKind.CHANGED),
        ("session", "wg1", ChangeKind.CANCELLED),
        ("session", "panel", ChangeKind.NEW),
        ("stop", "s3", ChangeKind.CANCELLED),
    ]
    assert result.changes[0].fields == (
        FieldChange("start", "2017-02-15 09:00", "2017-02-15 09:30"),
        FieldChange("end", "2017-02-15 10:00", "2017-02-15 10:30"),
        FieldChange("room", "Hall", "Hall B"),
    )
    assert changes(store, "hague-2017") == list(result.changes)
    assert all(c.id is not None and c.pack_version == 2 for c in result.changes)


def test_notes_on_removed_items_are_orphaned_not_deleted(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    add_delegate_data(store)
    result = import_loaded(store, loaded(tmp_path / "in", updated(hague()), version=2))
    found = {(o.note_id, o.target_kind, o.target_uid, o.title) for o in result.orphaned_notes}
    assert found == {
        ("n-wg1", "session", "wg1", "Working group: families"),
        ("n-s3", "stop", "s3", "Youth club"),
    }
    assert orphaned_notes(store, "hague-2017") == list(result.orphaned_notes)
    with store.unit() as s:
        assert s.get(NoteRow, "n-wg1") is not None


def test_another_key_is_refused_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    add_delegate_data(store)
    before, files = dump(store), pack_files(store)
    foreign = loaded(tmp_path / "in", updated(hague()), version=2, key=KEY_B)

    with pytest.raises(TrustError) as caught:
        import_loaded(store, foreign)
    assert "aaaa-1111" in caught.value.message and "bbbb-2222" in caught.value.message
    assert caught.value.field == importing.FIELD_KEY
    assert dump(store) == before and pack_files(store) == files

    preview = preview_loaded(store, foreign)
    assert preview.key_changed and preview.pinned_fingerprint == "aaaa-1111"
    assert dump(store) == before

    accepted = import_loaded(store, foreign, accept_new_key=True)
    assert accepted.previous_fingerprint == "aaaa-1111" and accepted.fingerprint == "bbbb-2222"
    with store.unit() as s:
        pin = s.get(TrustPinRow, "hague-2017")
        assert pin is not None and pin.fingerprint == "bbbb-2222" and pin.history == ["aaaa-1111"]


def test_downgrade_is_refused(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague(), version=3))
    before = dump(store)
    old = loaded(tmp_path / "in", hague(), version=2)
    assert preview_loaded(store, old).is_downgrade
    with pytest.raises(TrustError, match="downgrade"):
        import_loaded(store, old)
    assert dump(store) == before


def test_same_version_is_a_no_op_unless_content_differs(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    before, files = dump(store), pack_files(store)
    again = import_loaded(store, loaded(tmp_path / "again", hague()))
    assert again.status is ImportStatus.UNCHANGED and again.changes == ()
    assert dump(store) == before and pack_files(store) == files

    tampered = loaded(tmp_path / "in", updated(hague()), version=1)
    assert preview_loaded(store, tampered).content_differs
    with pytest.raises(TrustError, match="higher version"):
        import_loaded(store, tampered)
    changed_document = loaded(tmp_path / "doc", hague(), document_bytes=b"other")
    with pytest.raises(TrustError, match="higher version"):
        import_loaded(store, changed_document)
    assert dump(store) == before


def test_unsigned_needs_the_flag_and_stays_marked(store: Store, tmp_path: Path) -> None:
    unsigned = loaded(tmp_path / "in", hague(), key=None)
    with pytest.raises(TrustError, match="not signed"):
        import_loaded(store, unsigned)
    assert dump(store, ("events",)) == {"events": []}
    result = import_loaded(store, unsigned, allow_unsigned=True)
    assert not result.signed and not result.first_pin and result.fingerprint is None
    with store.unit() as s:
        event = s.get(EventRow, "hague-2017")
        assert event is not None and not event.signed
        assert s.get(TrustPinRow, "hague-2017") is None
    # A later signed pack pins its key.
    signed = import_loaded(store, loaded(tmp_path / "in", hague(), version=2))
    assert signed.first_pin and signed.signed


def test_unsigned_pack_over_a_pinned_key_needs_consent(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    unsigned = loaded(tmp_path / "in", hague(), version=2, key=None)
    with pytest.raises(TrustError, match="pinned"):
        import_loaded(store, unsigned, allow_unsigned=True)
    result = import_loaded(store, unsigned, allow_unsigned=True, accept_new_key=True)
    assert result.status is ImportStatus.UPDATED and not result.signed


@pytest.mark.parametrize(
    "where",
    [
        "fieldvisit.storage.repo.changes.record_changes",
        "fieldvisit.services.importing._orphans",
        "os.replace",
    ],
)
def test_failure_mid_import_leaves_store_and_packs_unchanged(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    add_delegate_data(store)
    before, files = dump(store), pack_files(store)

    def explode(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(where, explode)
    with pytest.raises(OSError, match="No space"):
        import_loaded(store, loaded(tmp_path / "in", updated(hague()), version=2))
    monkeypatch.undo()
    assert dump(store) == before
    assert pack_files(store) == files


def test_two_events_side_by_side(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    other = hague("hague-2018")
    import_loaded(store, loaded(tmp_path / "in", other, key=KEY_B))
    import_loaded(store, loaded(tmp_path / "in", updated(hague()), version=2))
    with store.unit() as s:
        assert load_content(s, "hague-2018") == other
        assert load_content(s, "hague-2017") == updated(hague())
        pins = {p.event_id: p.fingerprint for p in s.scalars(select(TrustPinRow))}
    assert pins == {"hague-2017": "aaaa-1111", "hague-2018": "bbbb-2222"}
    assert changes(store, "hague-2018") == []
    assert sorted(pack_files(store)) == ["hague-2017-v2.fvpack", "hague-2018-v1.fvpack"]


def test_preview_writes_nothing_and_matches_the_import(store: Store, tmp_path: Path) -> None:
    first = preview_loaded(store, loaded(tmp_path / "in", hague()))
    assert first.first_install and first.changes == () and not first.key_changed
    assert dump(store, ("events",)) == {"events": []}
    import_loaded(store, loaded(tmp_path / "in", hague()))
    add_delegate_data(store)
    before = dump(store)
    v2 = loaded(tmp_path / "in", updated(hague()), version=2)
    preview = preview_loaded(store, v2)
    assert dump(store) == before
    assert preview.installed_version == 1 and preview.pack_version == 2
    assert (preview.change_counts.new, preview.change_counts.cancelled) == (1, 2)
    assert {o.note_id for o in preview.orphaned_notes} == {"n-wg1", "n-s3"}
    result = import_loaded(store, v2)
    assert [dataclasses.replace(c, id=None, pack_version=None) for c in result.changes] == list(
        preview.changes
    )


def test_changes_can_be_marked_seen(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    result = import_loaded(store, loaded(tmp_path / "in", updated(hague()), version=2))
    first = result.changes[0].id
    assert first is not None
    assert mark_changes_seen(store, "hague-2017", [first]) == 1
    assert mark_changes_seen(store, "other-event", [first]) == 0
    unseen = changes(store, "hague-2017")
    assert [c.id for c in unseen] == [c.id for c in result.changes[1:]]
    every = changes(store, "hague-2017", unseen_only=False)
    assert every[0].seen and len(every) == len(result.changes)


@pytest.mark.parametrize(
    ("event_id", "expected"),
    [
        ("hague-2017", "hague-2017-v1.fvpack"),
        ("../../outside", None),
        ("C:\\Windows\\evil", None),
        ("x" * 250, None),
        ("café / 2021", None),
    ],
)
def test_pack_file_names_stay_in_the_packs_folder(
    store: Store, tmp_path: Path, event_id: str, expected: str | None
) -> None:
    result = import_loaded(store, loaded(tmp_path / "in", hague(event_id)))
    installed = pack_files(store)
    assert list(installed) == [result.pack_file]
    assert "/" not in result.pack_file and "\\" not in result.pack_file
    assert len(result.pack_file) < 100 and result.pack_file.endswith("-v1.fvpack")
    if expected is not None:
        assert result.pack_file == expected
    assert importing.pack_file_name(event_id, 1) != importing.pack_file_name(event_id + "!", 1)


def test_a_full_disk_in_the_database_is_a_storage_error(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague()))
    before, files = dump(store), pack_files(store)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr("fieldvisit.services.importing.replace_content", full)
    with pytest.raises(StorageError, match="disk is full"):
        import_loaded(store, loaded(tmp_path / "in", updated(hague()), version=2))
    monkeypatch.undo()
    assert dump(store) == before and pack_files(store) == files


def test_same_version_no_op_does_not_touch_the_pin(store: Store, tmp_path: Path) -> None:
    import_loaded(store, loaded(tmp_path / "in", hague(), key=None), allow_unsigned=True)
    before = dump(store)
    result = import_loaded(store, loaded(tmp_path / "in", hague()))
    assert result.status is ImportStatus.UNCHANGED
    assert not result.first_pin and not result.signed and result.fingerprint is None
    assert dump(store) == before


def test_same_content_resigned_by_an_accepted_new_key_moves_the_pin(
    store: Store, tmp_path: Path
) -> None:
    import_loaded(store, loaded(tmp_path / "a", hague()))
    resigned = loaded(tmp_path / "b", hague(), key=KEY_B)
    with pytest.raises(TrustError):
        import_loaded(store, resigned)
    result = import_loaded(store, resigned, accept_new_key=True)
    assert result.status is ImportStatus.UNCHANGED
    assert result.previous_fingerprint == "aaaa-1111"
    assert result.fingerprint == "bbbb-2222"
    # Now pinned to the new key: the same pack imports without the flag.
    again = import_loaded(store, loaded(tmp_path / "c", hague(), key=KEY_B))
    assert again.status is ImportStatus.UNCHANGED
    assert again.previous_fingerprint is None


def test_a_document_missing_from_the_manifest_is_refused_and_nothing_installed(
    store: Store, tmp_path: Path
) -> None:
    from fieldvisit.domain.errors import InvalidInputError

    pack = loaded(tmp_path / "in", hague())
    assert pack.content.documents
    member = f"documents/{pack.content.documents[0].filename}"
    files = {k: v for k, v in pack.manifest.files.items() if k != member}
    broken = dataclasses.replace(pack, manifest=dataclasses.replace(pack.manifest, files=files))
    before = dump(store)
    with pytest.raises(InvalidInputError, match="not listed in the manifest") as caught:
        import_loaded(store, broken)
    assert caught.value.field == member
    assert dump(store) == before
