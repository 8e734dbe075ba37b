"""The encrypted store: which kind the store on disk is, unlocking it, and converting it.

A store is *plain* (an ordinary SQLite file) or *encrypted* (SQLCipher 4, keyed with the
raw 256-bit data key that `keyfile` keeps wrapped under the passcode). The file header
tells them apart: a plain store starts with "SQLite format 3", an encrypted one with
random bytes. An encrypted store has its wrapped key beside it (`fieldvisit.key`).

Turning protection on or off converts the store in one atomic step: `sqlcipher_export`
into a new file beside it, fsync, rename over the store. The old file is kept as a hard
link until the rename is done and then overwritten with zeros and removed (on SSDs and
copy-on-write file systems that cannot guarantee the old blocks are gone; the README
says so). A process killed at any moment leaves either the old store or the new one,
whole: `recover()`, run before every open, finishes or undoes what was interrupted.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fieldvisit.domain.durable import fsync_folder
from fieldvisit.domain.errors import StorageError, UserError
from fieldvisit.domain.private import create_private_file
from fieldvisit.storage import keyfile, sealed
from fieldvisit.storage.keyfile import KeyFileError, WrongPasscodeError, sql_key

SQLITE_MAGIC = b"SQLite format 3\x00"
CONVERTING = ".converting"
OLD = ".old"
PENDING = ".pending"

Kind = Literal["new", "plain", "encrypted"]


class PasscodeNeededError(UserError):
    """The store is encrypted and no passcode was given."""


class PlainStoreError(StorageError):
    """A key file says the store is encrypted, but the store is a plain SQLite file."""


class WrongKeyError(StorageError):
    """The key file unwraps, but the store was encrypted with another key."""


@dataclass(frozen=True, slots=True)
class StoreFiles:
    """The files of one delegate store."""

    database: Path
    key_file: Path
    backups: Path
    packs: Path | None = None  # the per-event pack copies, sealed while encrypted


def is_plain(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _exists(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def kind(files: StoreFiles) -> Kind:
    """What is on disk, after `recover()`. Raises on a store and key file that disagree."""
    has_key = files.key_file.exists()
    if not _exists(files.database):
        return "encrypted" if has_key else "new"
    if is_plain(files.database):
        if has_key:
            raise PlainStoreError(
                f"this store is not encrypted, but {files.key_file.name} beside it says it "
                "should be; nothing was changed. Move the key file away to open the plain "
                "store, or put the encrypted store back",
                path=files.database,
            )
        return "plain"
    if not has_key:
        raise KeyFileError(
            "cannot open the store: it is not a database, or an encrypted store whose key "
            f"file {files.key_file.name} is missing; nothing was changed",
            path=files.database,
        )
    return "encrypted"


# --- unlocking ---------------------------------------------------------------------------


class Throttle:
    """A growing delay after each wrong passcode (0.5 s, 1 s, 2 s ... 60 s at most), kept per
    key file for the life of the process; a right passcode resets it. The sleep is
    replaceable so that tests do not wait."""

    def __init__(self) -> None:
        self.failures: dict[Path, int] = {}
        self.sleep: Callable[[float], None] = time.sleep
        self._lock = threading.Lock()

    @staticmethod
    def delay(failures: int) -> float:
        return float(min(0.5 * 2 ** (failures - 1), 60.0)) if failures > 0 else 0.0

    def failed(self, path: Path) -> None:
        with self._lock:
            count = self.failures.get(path, 0) + 1
            self.failures[path] = count
        self.sleep(self.delay(count))

    def succeeded(self, path: Path) -> None:
        with self._lock:
            self.failures.pop(path, None)


THROTTLE = Throttle()


def unlock(files: StoreFiles, passcode: str) -> bytearray:
    """The data key for `passcode`, checked against the store. Changes nothing on disk."""
    try:
        key = keyfile.unwrap(files.key_file, passcode)
    except WrongPasscodeError:
        THROTTLE.failed(files.key_file)
        raise
    THROTTLE.succeeded(files.key_file)
    if _exists(files.database):
        check_key(files.database, key)
    return key


def _cipher_connect(path: Path, key: bytes | bytearray | None) -> Any:
    from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

    connection = sqlcipher.connect(str(path), isolation_level=None)
    if key is not None:
        connection.execute(f"PRAGMA key = {sql_key(key)}")
    return connection


def check_key(database: Path, key: bytes | bytearray) -> None:
    """Raise WrongKeyError unless `key` opens `database` (read only; nothing written)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = _cipher_connect(database, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        raise WrongKeyError(
            "the store was encrypted with a different key than its key file holds; "
            "nothing was changed",
            path=database,
        ) from None
    finally:
        connection.close()


# --- converting --------------------------------------------------------------------------


def _export(source: Path, source_key: bytes | None, target: Path, target_key: bytes | None) -> None:
    """`source` copied whole into a fresh `target` (0600, fsynced) by sqlcipher_export."""
    from sqlcipher3 import dbapi2 as sqlcipher

    target.unlink(missing_ok=True)
    create_private_file(target)
    connection = _cipher_connect(source, source_key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        target_sql = sql_key(target_key) if target_key is not None else "''"
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {target_sql}", (str(target),))
        connection.execute("SELECT sqlcipher_export('converted')")
        version = connection.execute("PRAGMA main.user_version").fetchone()[0]
        connection.execute(f"PRAGMA converted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE converted")
    except sqlcipher.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise StorageError(f"cannot convert the store ({exc})", path=source) from exc
    finally:
        connection.close()
    keyfile.fsync_file(target)


def _quiesce(database: Path, key: bytes | None) -> None:
    """Fold the WAL into the store and make sure no other process has it open."""
    connection = _cipher_connect(database, key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        if Path(f"{database}{suffix}").exists():
            raise StorageError(
                "the store is in use by another fieldvisit window or command; close it "
                "and try again. Nothing was changed",
                path=database,
            )


def shred(path: Path) -> None:
    """Overwrite a file with zeros, fsync, unlink. On SSDs and copy-on-write file systems
    the old blocks may survive elsewhere: this is the best a program can do."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError), path.open("r+b") as handle:
        chunk = b"\0" * (1 << 20)
        left = size
        while left > 0:
            written = handle.write(chunk[: min(left, len(chunk))])
            left -= written
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink(missing_ok=True)


def _swap(path: Path, converted: Path) -> None:
    """Put `converted` in place of `path` atomically; the old content is then shredded."""
    old = path.with_name(path.name + OLD)
    old.unlink(missing_ok=True)
    os.link(path, old)
    fsync_folder(path.parent)
    os.replace(converted, path)
    fsync_folder(path.parent)
    _drop_old(old, path)


def _drop_old(old: Path, current: Path) -> None:
    if not old.exists():
        return
    if current.exists() and os.path.samefile(old, current):
        old.unlink()  # the swap never happened: only the extra link goes
    elif is_plain(old):
        shred(old)
    else:
        old.unlink()


def _backup_files(files: StoreFiles) -> list[Path]:
    if not files.backups.is_dir():
        return []
    return sorted(p for p in files.backups.glob("*.sqlite") if p.is_file())


def _all_databases(files: StoreFiles) -> Iterator[Path]:
    yield files.database
    yield from _backup_files(files)


def recover(files: StoreFiles) -> None:
    """Finish or undo a conversion that a killed process left half done.

    Pack copies may be left some sealed and some not: both read; the next encrypted open
    seals the rest (`reseal_packs`)."""
    if files.packs is not None:
        sealed.recover_folder(files.packs)
    for database in (files.database, *_backup_files(files)):
        converting = database.with_name(database.name + CONVERTING)
        if converting.exists():
            shred(converting)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{converting}{suffix}").unlink(missing_ok=True)
        _drop_old(database.with_name(database.name + OLD), database)
    pending = files.key_file.with_name(files.key_file.name + PENDING)
    if pending.exists():
        if _exists(files.database) and not is_plain(files.database):
            os.replace(pending, files.key_file)  # the new store is in place: keep its key
            fsync_folder(files.key_file.parent)
        else:
            pending.unlink()


def _convert_all(
    files: StoreFiles,
    source_key: bytes | None,
    target_key: bytes | None,
    between: Callable[[], None],
) -> None:
    """Convert the store (and its migration backups) from one key to the other.

    `between` runs after the new store is written and before it replaces the old one."""
    store = files.database
    converted = store.with_name(store.name + CONVERTING)
    _quiesce(store, source_key)
    _export(store, source_key, converted, target_key)
    between()
    _swap(store, converted)
    for backup in _backup_files(files):
        if is_plain(backup) != (source_key is None):
            continue  # already of the target kind (a backup left by an older version)
        converted = backup.with_name(backup.name + CONVERTING)
        _export(backup, source_key, converted, target_key)
        _swap(backup, converted)


def protect(files: StoreFiles, passcode: str) -> None:
    """Encrypt a plain (or new) store under a new data key wrapped by `passcode`."""
    recover(files)
    if kind(files) == "encrypted":
        raise UserError("the store is already protected by a passcode", path=files.database)
    if not passcode:
        raise UserError("the passcode is empty")
    key = keyfile.new_data_key()
    pending = files.key_file.with_name(files.key_file.name + PENDING)
    try:
        keyfile.write_private_atomic(pending, keyfile.wrap(key, passcode))
        if not _exists(files.database):
            os.replace(pending, files.key_file)
            return
        _convert_all(files, None, bytes(key), lambda: None)
        os.replace(pending, files.key_file)
        fsync_folder(files.key_file.parent)
        reseal_packs(files, key)
    except BaseException:
        recover(files)  # undo: the plain store stays, the pending key goes
        raise
    finally:
        keyfile.wipe(key)


def unprotect(files: StoreFiles, passcode: str) -> None:
    """Decrypt the store back to a plain one; asks for the passcode (wrong: nothing changes)."""
    recover(files)
    if kind(files) != "encrypted":
        raise UserError("the store is not protected by a passcode", path=files.database)
    key = unlock(files, passcode)
    pending = files.key_file.with_name(files.key_file.name + PENDING)
    try:
        if not _exists(files.database):
            files.key_file.unlink()
            return

        def hide_key() -> None:
            if files.packs is not None:  # unsealed first: a kill leaves them readable
                sealed.reseal_folder(files.packs, bytes(key), None)
            os.replace(files.key_file, pending)
            fsync_folder(files.key_file.parent)

        _convert_all(files, bytes(key), None, hide_key)
        pending.unlink(missing_ok=True)
        fsync_folder(files.key_file.parent)
    except BaseException:
        recover(files)  # undo: the encrypted store and its key file stay
        raise
    finally:
        keyfile.wipe(key)


def change_passcode(files: StoreFiles, old: str, new: str) -> None:
    """Re-wrap the same data key under `new`; the store itself is not touched."""
    recover(files)
    if kind(files) != "encrypted":
        raise UserError("the store is not protected by a passcode", path=files.database)
    if not new:
        raise UserError("the new passcode is empty")
    key = unlock(files, old)
    try:
        keyfile.write_key_file(files.key_file, key, new)
    finally:
        keyfile.wipe(key)


def reseal_packs(files: StoreFiles, key: bytes | bytearray) -> None:
    """Seal every pack copy not yet sealed (after protecting, or an interrupted run)."""
    if files.packs is not None:
        sealed.reseal_folder(files.packs, None, bytes(key))


def copy_encrypted(database: Path, key: bytes, target: Path) -> None:
    """A consistent, encrypted copy of an encrypted store (the backup before a migration)."""
    _export(database, key, target, key)
