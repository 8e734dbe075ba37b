"""The pack proof: only a return made from the organisers' signed pack is collated (issue 4)."""

from __future__ import annotations

import base64
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from returns_support import CREATED, craft, note, write

from fieldvisit.packs.build import build_pack
from fieldvisit.packs.keys import return_proof_key
from fieldvisit.packs.reader import open_pack
from fieldvisit.packs.samples import demo_keys, samples_dir
from fieldvisit.returns.format import (
    NOT_FROM_PACK,
    fingerprint_text,
    installation_id_for,
    raw_public,
    seal,
)
from fieldvisit.returns.payload import ReturnPayload
from fieldvisit.services.collate import CollateSummary, Collator
from fieldvisit.storage.collation.engine import CollationStore
from fieldvisit.storage.engine import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_store,
)

HAGUE_SOURCE = samples_dir() / "hague-2017"


@pytest.fixture
def organiser() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CollationStore]:
    opened = CollationStore.open(tmp_path / "collation.sqlite")
    yield opened
    opened.close()


def run(store: CollationStore, organiser: X25519PrivateKey, *files: Path) -> CollateSummary:
    return Collator(store, organiser).collate(list(files))


def outcome(summary: CollateSummary) -> tuple[str, str, str]:
    [one] = summary.outcomes
    return one.status, one.reason, one.detail


def test_a_return_made_with_only_the_public_key_is_forged(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    # A fresh identity with a perfectly valid installation signature, but no pack.
    outsider = Ed25519PrivateKey.generate()
    data = craft(organiser, outsider, [note("n1", "Invented lessons.")], proof="none")
    status, reason, detail = outcome(run(store, organiser, write(tmp_path, data)))
    assert (status, reason) == ("rejected", "forged")
    assert NOT_FROM_PACK in detail


def test_a_wrong_proof_is_forged(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    data = craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "x")], proof="wrong")
    status, reason, detail = outcome(run(store, organiser, write(tmp_path, data)))
    assert (status, reason, detail) == ("rejected", "forged", NOT_FROM_PACK)


def test_a_proof_for_another_event_is_forged(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    # A delegate of one event cannot send returns for another: the key depends on event_id.
    signer = Ed25519PrivateKey.generate()
    genuine = craft(organiser, signer, [note("n1", "x")], event_id="ran-2021")
    assert outcome(run(store, organiser, write(tmp_path, genuine)))[0] == "accepted"
    raw = raw_public(signer.public_key())
    payload = ReturnPayload(
        event_id="hague-2017",
        pack_id="hague-2017-pack",
        pack_version=1,
        installation_id=installation_id_for(raw),
        installation_key=base64.b64encode(raw).decode(),
        recipient=fingerprint_text(raw_public(organiser.public_key())),
        delegate_name="D",
        created=CREATED,
        records=(note("n2", "y"),),
    )
    crossed = seal(
        payload.to_bytes(), signer, organiser.public_key(), return_proof_key(organiser, "ran-2021")
    )
    status, reason, _detail = outcome(run(store, organiser, write(tmp_path, crossed)))
    assert (status, reason) == ("rejected", "forged")


def test_a_valid_proof_is_accepted(
    store: CollationStore, organiser: X25519PrivateKey, tmp_path: Path
) -> None:
    data = craft(organiser, Ed25519PrivateKey.generate(), [note("n1", "Real words.")])
    assert outcome(run(store, organiser, write(tmp_path, data))) == ("accepted", "", "")


def test_the_proof_key_is_hkdf_of_the_private_key_per_event() -> None:
    keys = demo_keys()
    first = return_proof_key(keys.returns, "hague-2017")
    assert len(first) == 32
    assert first == return_proof_key(keys.returns, "hague-2017")
    assert first != return_proof_key(keys.returns, "ran-2021")
    assert first != return_proof_key(X25519PrivateKey.generate(), "hague-2017")
    assert keys.return_proof_key("hague-2017") == base64.b64encode(first).decode()


def test_signed_packs_carry_the_proof_key_and_unsigned_ones_none(tmp_path: Path) -> None:
    keys = demo_keys()
    signed = build_pack(HAGUE_SOURCE, tmp_path / "signed.fvpack", keys=keys)
    event_id = signed.manifest.event_id
    assert signed.manifest.return_proof_key == keys.return_proof_key(event_id)
    with zipfile.ZipFile(tmp_path / "signed.fvpack") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["return_proof_key"] == keys.return_proof_key(event_id)  # signed over
    unsigned = build_pack(HAGUE_SOURCE, tmp_path / "draft.fvpack", keys=None)
    assert unsigned.manifest.return_proof_key is None


def test_a_proof_key_in_an_unsigned_pack_is_not_trusted(tmp_path: Path) -> None:
    build_pack(HAGUE_SOURCE, tmp_path / "draft.fvpack", keys=None)
    forged = tmp_path / "forged.fvpack"
    with (
        zipfile.ZipFile(tmp_path / "draft.fvpack") as source,
        zipfile.ZipFile(forged, "w") as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["return_proof_key"] = base64.b64encode(bytes(32)).decode()
                data = json.dumps(manifest).encode()
            target.writestr(info, data)
    assert open_pack(forged, allow_unsigned=True).manifest.return_proof_key is None


def test_a_store_at_0001_is_upgraded_with_a_backup_and_keeps_its_notes(tmp_path: Path) -> None:
    from alembic import command

    db, backups = tmp_path / "s.sqlite", tmp_path / "backups"
    old = make_engine(db)
    command.upgrade(alembic_config(old), "0001")
    assert current_revision(old) == "0001"
    old.dispose()
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO notes(id, event_id, target_kind, target_uid, body, tags, private,"
        " revision, created_at, updated_at, deleted) VALUES ('n1', 'e', '', '',"
        " 'kept across the upgrade', '[]', 0, 1, '2017-02-15', '2017-02-15', 0)"
    )
    con.commit()
    con.close()

    engine = open_store(db, backups)
    try:
        assert current_revision(engine) == head_revision() != "0001"
        with engine.connect() as c:
            bodies = c.exec_driver_sql("SELECT body FROM notes").scalars().all()
            columns = {row[1] for row in c.exec_driver_sql("PRAGMA table_info(events)")}
    finally:
        engine.dispose()
    assert bodies == ["kept across the upgrade"]
    assert "return_proof_key" in columns
    [backup] = backups.iterdir()
    assert "0001" in backup.name
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT body FROM notes").fetchall() == [("kept across the upgrade",)]
    finally:
        copy.close()


def test_an_installed_signed_pack_proves_the_returns_its_store_writes(tmp_path: Path) -> None:
    from sqlalchemy import select, update

    from fieldvisit.paths import resolve
    from fieldvisit.services.collate import collate_files
    from fieldvisit.services.importing import import_pack
    from fieldvisit.services.returns import write_return
    from fieldvisit.services.store import Store
    from fieldvisit.storage.models import EventRow, NoteRow

    keys = demo_keys()
    pack = build_pack(HAGUE_SOURCE, tmp_path / "hague.fvpack", keys=keys)
    event_id = pack.manifest.event_id
    store = Store.open(resolve(tmp_path / "delegate"))
    try:
        import_pack(store, pack.path)
        with store.unit() as s:
            # As after migration 0002: the event was installed before proof keys existed.
            s.execute(update(EventRow).values(return_proof_key=None))
        import_pack(store, pack.path)  # the same signed pack again fills the key in
        with store.unit() as s:
            stored = s.scalar(select(EventRow.return_proof_key))
            assert stored == keys.return_proof_key(event_id)
            first_session = pack.content.sessions[0].id
            s.add(NoteRow(id="n1", event_id=event_id, target_kind="session",
                          target_uid=first_session, body="Proved by the pack."))  # fmt: skip
        out = tmp_path / "out"
        out.mkdir()
        written = write_return(store, event_id, out, delegate_name="Anna")
    finally:
        store.close()
    summary = collate_files(tmp_path / "collation.sqlite", [written.path], keys.returns)
    assert [(o.status, o.reason) for o in summary.outcomes] == [("accepted", "")]
