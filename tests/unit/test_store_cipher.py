"""The encrypted store: SQLCipher through SQLAlchemy, the wrapped key, conversion both ways,
and one clear message (with nothing changed) for each kind of bad input."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldvisit.paths import AppPaths, resolve
from fieldvisit.services import notes
from fieldvisit.services.store import Store, store_files, store_kind
from fieldvisit.storage import cipher, keyfile
from fieldvisit.storage.engine import alembic_config, current_revision, head_revision

MARKER = "xylophonemarker"


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The growing delay after a wrong passcode is recorded, not slept."""
    waited: list[float] = []
    monkeypatch.setattr(cipher.THROTTLE, "sleep", waited.append)
    monkeypatch.setattr(cipher.THROTTLE, "failures", {})
    yield waited


@pytest.fixture(autouse=True)
def quick_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at 64 MiB costs about 0.3 s a try: most tests use small parameters (they
    are read back from the key file like any others); the parameters test keeps RFC 9106's."""
    if "rfc9106" not in request.node.name:
        monkeypatch.setattr(keyfile, "DEFAULT_PARAMS", keyfile.KdfParams(1024, 1, 1))


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return resolve(data_dir)


def write_marker(paths: AppPaths, **kw: object) -> str:
    store = Store.open(paths, **kw)  # type: ignore[arg-type]
    nid = notes.new_note_id()
    notes.save_note(store, notes.NoteDraft(id=nid, event_id="ev", body=f"met {MARKER} today"))
    store.close()
    return nid


def holding(folder: Path, word: str) -> list[str]:
    forms = [word.encode("utf-8"), word.encode("utf-16-le")]
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and any(f in p.read_bytes() for f in forms)
    )


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_protect_encrypts_the_store_and_its_backups_rfc9106(paths: AppPaths) -> None:
    nid = write_marker(paths)
    paths.backups.mkdir(exist_ok=True)
    shutil.copy(paths.database, paths.backups / "fieldvisit-0001-20170101T000000Z.sqlite")
    assert holding(paths.data, MARKER)

    cipher.protect(store_files(paths), "correct horse")

    assert store_kind(paths) == "encrypted"
    assert holding(paths.data, MARKER) == []
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(paths.database).execute("SELECT count(*) FROM sqlite_master")
    if shutil.which("sqlite3"):
        run = subprocess.run(
            ["sqlite3", str(paths.database), "SELECT count(*) FROM sqlite_master"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode != 0 and "file is not a database" in run.stderr
    document = json.loads(paths.key_file.read_text())
    assert document["kdf"] == {
        "name": "argon2id",
        "memory_kib": 65536,
        "iterations": 3,
        "lanes": 4,
        "salt": document["kdf"]["salt"],
    }
    assert not list(paths.data.glob("*.converting")) and not list(paths.data.glob("*.old"))

    store = Store.open(paths, passcode="correct horse")
    assert store.encrypted
    with store.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert str(c.execute(text("PRAGMA cipher_version")).scalar()).startswith("4.")
    assert [h.note_id for h in notes.search_notes(store, "ev", MARKER)] == [nid]
    write_more = notes.save_note(
        store, notes.NoteDraft(id=notes.new_note_id(), event_id="ev", body="zanzibarword")
    )
    assert write_more.body == "zanzibarword"
    store.close()
    assert store.key is None
    assert holding(paths.data, "zanzibarword") == []
    backup = paths.backups / "fieldvisit-0001-20170101T000000Z.sqlite"
    assert not cipher.is_plain(backup)


def test_unprotect_asks_for_the_passcode_and_converts_back(paths: AppPaths) -> None:
    write_marker(paths)
    cipher.protect(store_files(paths), "pass one")
    before = digest(paths.data)
    with pytest.raises(keyfile.WrongPasscodeError):
        cipher.unprotect(store_files(paths), "wrong")
    assert digest(paths.data) == before

    cipher.unprotect(store_files(paths), "pass one")

    assert store_kind(paths) == "plain" and not paths.key_file.exists()
    rows = sqlite3.connect(paths.database).execute("SELECT body FROM notes").fetchall()
    assert rows == [(f"met {MARKER} today",)]
    store = Store.open(paths)
    assert not store.encrypted and notes.search_notes(store, "ev", MARKER)
    store.close()


def test_change_passcode_rewraps_only(paths: AppPaths, no_waiting: list[float]) -> None:
    write_marker(paths)
    cipher.protect(store_files(paths), "old code")
    store_bytes = paths.database.read_bytes()

    cipher.change_passcode(store_files(paths), "old code", "new code")

    assert paths.database.read_bytes() == store_bytes
    with pytest.raises(keyfile.WrongPasscodeError, match="wrong passcode"):
        Store.open(paths, passcode="old code")
    Store.open(paths, passcode="new code").close()


def test_wrong_passcodes_are_slowed_down_and_change_nothing(
    paths: AppPaths, no_waiting: list[float]
) -> None:
    write_marker(paths)
    cipher.protect(store_files(paths), "right")
    before = digest(paths.data)
    for _ in range(4):
        with pytest.raises(keyfile.WrongPasscodeError):
            Store.open(paths, passcode="wrong")
    assert no_waiting == [0.5, 1.0, 2.0, 4.0]
    assert digest(paths.data) == before
    Store.open(paths, passcode="right").close()
    assert cipher.THROTTLE.failures == {}


def test_a_passcode_is_needed(paths: AppPaths) -> None:
    write_marker(paths)
    cipher.protect(store_files(paths), "right")
    with pytest.raises(cipher.PasscodeNeededError, match="--passcode-file"):
        Store.open(paths)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_text("not json"),
        lambda p: p.write_text(json.dumps({"format": "something else"})),
        lambda p: p.write_text(p.read_text().replace('"wrapped_key": "', '"wrapped_key": "AAAA')),
        lambda p: p.write_text(re.sub(r'"memory_kib": \d+', '"memory_kib": -1', p.read_text())),
        lambda p: p.unlink(),
    ],
    ids=["not-json", "other-format", "bad-wrapped-key", "bad-parameters", "missing"],
)
def test_damaged_key_file_is_one_clear_message(paths: AppPaths, damage: object) -> None:
    write_marker(paths)
    cipher.protect(store_files(paths), "right")
    damage(paths.key_file)  # type: ignore[operator]
    before = digest(paths.data)
    with pytest.raises(
        keyfile.KeyFileError, match=r"fieldvisit\.(key|sqlite): .*(key file|wrapped-key)"
    ):
        Store.open(paths, passcode="right")
    assert digest(paths.data) == before


def test_store_encrypted_with_another_key(paths: AppPaths) -> None:
    write_marker(paths)
    cipher.protect(store_files(paths), "right")
    keyfile.write_key_file(paths.key_file, keyfile.new_data_key(), "right")
    before = digest(paths.data)
    with pytest.raises(cipher.WrongKeyError, match="encrypted with a different key"):
        Store.open(paths, passcode="right")
    assert digest(paths.data) == before


def test_plain_store_named_as_encrypted(paths: AppPaths) -> None:
    write_marker(paths)
    keyfile.write_key_file(paths.key_file, keyfile.new_data_key(), "right")
    before = digest(paths.data)
    with pytest.raises(cipher.PlainStoreError, match="not encrypted"):
        Store.open(paths, passcode="right")
    assert digest(paths.data) == before


def test_a_new_installation_can_start_encrypted(paths: AppPaths) -> None:
    paths.ensure()
    cipher.protect(store_files(paths), "right")
    assert paths.key_file.exists() and not paths.database.exists()
    write_marker(paths, passcode="right")
    assert not cipher.is_plain(paths.database)
    assert holding(paths.data, MARKER) == []


def test_migration_of_an_encrypted_store_backs_it_up_encrypted(paths: AppPaths) -> None:
    from alembic import command

    write_marker(paths)
    cipher.protect(store_files(paths), "right")
    store = Store.open(paths, passcode="right")
    command.downgrade(alembic_config(store.engine), "0001")
    assert current_revision(store.engine) == "0001"
    store.close()

    store = Store.open(paths, passcode="right")
    assert current_revision(store.engine) == head_revision()
    assert notes.search_notes(store, "ev", MARKER)
    key = bytes(store.key or b"")
    store.close()
    [backup] = paths.backups.glob("*.sqlite")
    assert "0001" in backup.name and not cipher.is_plain(backup)
    assert holding(paths.data, MARKER) == []
    cipher.check_key(backup, key)


def test_recovery_after_a_kill_at_each_step(paths: AppPaths) -> None:
    """The states a kill can leave, made by hand: each opens as old or new, whole."""
    files = store_files(paths)
    write_marker(paths)
    plain = paths.database.read_bytes()
    # Killed after the export and the pending key, before the switch: the plain store stays.
    cipher.protect(files, "right")
    encrypted = paths.database.read_bytes()
    wrapped = paths.key_file.read_bytes()
    paths.key_file.unlink()
    paths.database.write_bytes(plain)
    (paths.data / "fieldvisit.sqlite.converting").write_bytes(encrypted)
    (paths.data / "fieldvisit.key.pending").write_bytes(wrapped)
    assert store_kind(paths) == "plain"
    assert sorted(p.name for p in paths.data.glob("fieldvisit*")) == ["fieldvisit.sqlite"]
    # Killed after the switch, before the key file's rename: the encrypted store is complete.
    paths.database.write_bytes(encrypted)
    (paths.data / "fieldvisit.sqlite.old").write_bytes(plain)
    (paths.data / "fieldvisit.key.pending").write_bytes(wrapped)
    assert store_kind(paths) == "encrypted"
    assert holding(paths.data, MARKER) == []
    store = Store.open(paths, passcode="right")
    assert notes.search_notes(store, "ev", MARKER)
    store.close()


def test_pack_copies_are_sealed_while_encrypted(paths: AppPaths, tmp_path: Path) -> None:
    """The installed pack holds the event's contacts: sealed with the data key, readable
    through it, and back to a plain zip when protection is removed."""
    from import_factory import hague

    from fieldvisit.domain.model import SourceBundle
    from fieldvisit.packs.build import write_pack
    from fieldvisit.services import documents
    from fieldvisit.services.importing import import_pack

    content = hague()
    briefing = tmp_path / "briefing.pdf"
    briefing.write_bytes(b"%PDF-1.4 briefing about Anna Example")
    files = {f"documents/{d.filename}": briefing for d in content.documents}
    pack = tmp_path / "hague.fvpack"
    write_pack(SourceBundle(content, files), pack, keys=None, pack_version=1, source="t")

    def read_all(store: Store) -> list[bytes]:
        data = documents.load_documents(store, "hague-2017")
        copy = paths.packs / data.pack_file
        return [documents.read_document(copy, item, store.key) for item in data.items]

    store = Store.open(paths)
    import_pack(store, pack, allow_unsigned=True)
    before = read_all(store)
    store.close()
    assert before and holding(paths.packs, "Anna Example")

    cipher.protect(store_files(paths), "right")
    assert holding(paths.data, "Anna Example") == []
    [copy] = paths.packs.glob("*.fvpack")
    assert copy.read_bytes().startswith(b"FVSEALED1")
    store = Store.open(paths, passcode="right")
    assert read_all(store) == before
    # A new version imported into the encrypted store is sealed as it lands.
    write_pack(SourceBundle(content, files), pack, keys=None, pack_version=2, source="t")
    import_pack(store, pack, allow_unsigned=True)
    assert read_all(store) == before
    store.close()
    assert holding(paths.data, "Anna Example") == []

    cipher.unprotect(store_files(paths), "right")
    [copy] = paths.packs.glob("*.fvpack")
    assert copy.read_bytes().startswith(b"PK")
    store = Store.open(paths)
    assert read_all(store) == before
    store.close()
