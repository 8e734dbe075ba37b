"""Composing and writing return files from a delegate store: what goes, what never goes."""

from __future__ import annotations

import datetime as dt
import errno
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import add_delegate_data, open_delegate_store
from sample_rows import HAGUE
from sqlalchemy import select, update

from fieldvisit.domain.errors import InvalidInputError, StorageError, TrustError
from fieldvisit.interop import atomic
from fieldvisit.returns.draft import choose, return_filename
from fieldvisit.returns.format import installation_id_for, open_sealed, raw_public
from fieldvisit.returns.payload import parse_payload
from fieldvisit.services.returns import compose_draft, get_identity, write_return
from fieldvisit.services.store import Store
from fieldvisit.storage.models import EventRow, NoteRow, SentReturnRow

NOW = dt.datetime(2017, 2, 16, 13, 30, 5, tzinfo=dt.UTC)


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def store(data_dir: Path, organiser: X25519PrivateKey) -> Iterator[Store]:
    opened = open_delegate_store(data_dir, organiser)
    add_delegate_data(opened)
    yield opened
    opened.close()


def test_draft_never_lists_private_notes_and_flags_confidential(store: Store) -> None:
    draft = compose_draft(store, HAGUE)
    keys = {item.key: item for item in draft.items}
    assert "note:note-private" not in keys
    assert keys["note:note-confidential"].confidential
    assert not keys["note:note-shared"].confidential
    assert {"answer:answer-1", "pick:wg-b", "rating:insp-1", "note:note-stop"} <= set(keys)
    assert [q.uid for q in draft.questionnaires] == ["feedback"]


def test_choose_leaves_out_unconfirmed_confidential_and_excluded(store: Store) -> None:
    draft = compose_draft(store, HAGUE)
    chosen = choose(draft, excluded={"pick:wg-b"})
    ids = {r.id for r in chosen.records}
    assert "note-confidential" not in ids
    assert "pick:wg-b" not in ids
    assert [i.key for i in chosen.left_out_confidential] == ["note:note-confidential"]
    confirmed = choose(draft, confirmed={"note:note-confidential"})
    note = next(r for r in confirmed.records if r.id == "note-confidential")
    assert note.fields["confidential_confirmed"] is True


def test_written_return_opens_only_with_the_organiser_key(
    store: Store, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    written = write_return(store, HAGUE, out, delegate_name="Anna de Vries", now=NOW)
    assert re.fullmatch(r"hague-2017_[0-9a-f]{8}_20170216T133005Z\.fvreturn", written.path.name)
    assert [p.name for p in out.iterdir()] == [written.path.name]
    data = written.path.read_bytes()
    assert b"Case managers" not in data  # encrypted, not merely encoded
    opened = open_sealed(data, organiser, public_raw=raw_public(organiser.public_key()))
    payload = parse_payload(opened.payload)
    assert payload.delegate_name == "Anna de Vries"
    assert payload.installation_id == installation_id_for(opened.signer)
    bodies = [r.fields.get("body") for r in payload.records if r.kind == "note"]
    assert "Case managers need a shared picture of each returnee." in bodies
    assert not any("PRIVATE" in str(b) for b in bodies)
    assert b"PRIVATE" not in opened.payload
    assert b"mentor network" not in opened.payload
    assert payload.questionnaires[0].questions[1].text == "What will you take home?"
    with store.unit() as s:
        sent = s.scalars(select(SentReturnRow)).one()
    assert sent.filename == written.path.name
    assert "note:note-shared@1" in sent.items


def test_identity_is_made_once_and_bound_to_its_key(store: Store) -> None:
    first = get_identity(store)
    second = get_identity(store)
    assert first.installation_id == second.installation_id
    assert first.installation_id == installation_id_for(first.public_raw)


def test_full_disk_leaves_no_partial_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(StorageError, match="disk is full"):
        write_return(store, HAGUE, out, now=NOW)
    assert list(out.iterdir()) == []
    with store.unit() as s:
        assert s.scalars(select(SentReturnRow)).all() == []


def test_missing_return_key_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    with store.unit() as s:
        s.execute(update(EventRow).values(return_key=None))
    with pytest.raises(TrustError, match="no return key"):
        write_return(store, HAGUE, tmp_path, now=NOW)


def test_nothing_selected_is_refused(store: Store, tmp_path: Path) -> None:
    keys = [i.key for i in compose_draft(store, HAGUE).items]
    with pytest.raises(InvalidInputError, match="nothing"):
        write_return(store, HAGUE, tmp_path, excluded=keys, now=NOW)


def test_filename_carries_the_event_a_random_id_and_the_time_only() -> None:
    name = return_filename("Hague 2017 / Ünal", NOW)
    assert re.fullmatch(r"hague-2017-unal_[0-9a-f]{8}_20170216T133005Z\.fvreturn", name)
    assert return_filename("hague-2017", NOW) != return_filename("hague-2017", NOW)


def test_a_draft_sends_what_was_listed_and_never_a_note_made_private_since(
    store: Store, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    draft = compose_draft(store, HAGUE)
    with store.unit() as s:
        s.add(NoteRow(id="note-late", event_id=HAGUE, body="Written after the list was shown."))
        s.get_one(NoteRow, "note-shared").private = True
    written = write_return(store, draft, tmp_path, now=NOW)
    plain = open_sealed(
        written.path.read_bytes(), organiser, public_raw=raw_public(organiser.public_key())
    ).payload
    assert b"community centre" in plain  # listed and still shared
    assert b"Written after" not in plain
    assert b"Case managers" not in plain


def test_return_file_name_never_carries_the_delegates_name(
    store: Store, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    written = write_return(store, HAGUE, tmp_path, delegate_name="Zoë Ünal", now=NOW)
    assert re.fullmatch(r"hague-2017_[0-9a-f]{8}_20170216T133005Z\.fvreturn", written.path.name)
    assert "zoe" not in written.path.name.lower() and "unal" not in written.path.name.lower()
    plain = open_sealed(
        written.path.read_bytes(), organiser, public_raw=raw_public(organiser.public_key())
    ).payload
    assert "Zoë Ünal".encode() in plain  # the name is inside the encrypted payload


def test_note_on_a_removed_session_keeps_its_title_and_needs_confirmation(store: Store) -> None:
    from fieldvisit.storage.models import ChangeRow

    with store.unit() as s:
        s.add(
            NoteRow(
                id="note-orphan",
                event_id=HAGUE,
                target_kind="session",
                target_uid="cancelled-wg",
                body="What the cancelled working group would have covered.",
            )
        )
        s.add(
            ChangeRow(
                event_id=HAGUE,
                pack_version=2,
                target_kind="session",
                target_uid="cancelled-wg",
                title="Working group: online radicalisation",
                change="cancelled",
            )
        )
    draft = compose_draft(store, HAGUE)
    item = next(i for i in draft.items if i.key == "note:note-orphan")
    assert item.label.startswith("Working group: online radicalisation:")
    # Whether the removed session was confidential is unknown: the delegate confirms it.
    assert item.confidential
