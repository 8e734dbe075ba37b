"""Even without a passcode: the data folder is the user's alone (0700, files 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fieldvisit.paths import resolve
from fieldvisit.services import notes
from fieldvisit.services.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def open_to_others(root: Path) -> dict[str, str]:
    return {name: oct(mode) for name, mode in modes(root).items() if mode & 0o077}


def test_a_new_store_and_its_wal_are_private_from_creation(data_dir: Path) -> None:
    old = os.umask(0o022)  # the usual umask: files 0644, folders 0755 unless the app says so
    try:
        store = Store.open(resolve(data_dir))
        notes.save_note(store, notes.NoteDraft(id=notes.new_note_id(), event_id="e", body="x"))
        assert (data_dir / "fieldvisit.sqlite-wal").exists()  # checked while it is there
        assert open_to_others(data_dir) == {}
        store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "fieldvisit.sqlite").stat().st_mode) == 0o600


def test_an_older_readable_folder_is_repaired_at_start(data_dir: Path) -> None:
    Store.open(resolve(data_dir)).close()
    (data_dir / "backups" / "fieldvisit-0001-x.sqlite").write_bytes(b"old")
    (data_dir / "packs" / "rftf.fvpack").write_bytes(b"pack")
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert open_to_others(data_dir)

    Store.open(resolve(data_dir)).close()

    assert open_to_others(data_dir) == {}
    found = modes(data_dir)
    assert found["."] == 0o700 and found["packs"] == 0o700
    assert found["packs/rftf.fvpack"] == 0o600
    assert found["backups/fieldvisit-0001-x.sqlite"] == 0o600


def test_migration_backups_are_private(tmp_path: Path) -> None:
    from fieldvisit.storage.engine import copy_sqlite, open_store

    db = tmp_path / "s.sqlite"
    open_store(db, tmp_path / "backups").dispose()
    old = os.umask(0o022)
    try:
        copy_sqlite(db, tmp_path / "copy.sqlite")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "copy.sqlite").stat().st_mode) == 0o600
