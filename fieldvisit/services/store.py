"""The opened local store: one engine, and a unit of work per call (`with store.unit() as s`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldvisit.paths import AppPaths
from fieldvisit.storage import cipher, keyfile
from fieldvisit.storage.keyfile import WrongPasscodeError

# SQLAlchemy is imported when a store is opened, not with this module: the app asks what
# kind of store it has (`store_kind`) before the storage stack is loaded.
if TYPE_CHECKING:
    from fieldvisit.storage.unit import Engine, Unit

__all__ = ["Store", "WrongPasscodeError", "is_protected", "store_files", "store_kind", "unlock_key"]


def store_files(paths: AppPaths) -> cipher.StoreFiles:
    return cipher.StoreFiles(
        database=paths.database, key_file=paths.key_file, backups=paths.backups, packs=paths.packs
    )


def store_kind(paths: AppPaths) -> cipher.Kind:
    """ "new", "plain" or "encrypted" (after finishing an interrupted conversion)."""
    paths.ensure()
    files = store_files(paths)
    cipher.recover(files)
    return cipher.kind(files)


def unlock_key(paths: AppPaths, passcode: str) -> bytearray:
    """The data key of the encrypted store for `passcode` (WrongPasscodeError, with a
    growing delay after each wrong one; nothing on disk changes)."""
    return cipher.unlock(store_files(paths), passcode)


def protect(paths: AppPaths, passcode: str) -> None:
    """Encrypt the store under `passcode` (`fieldvisit lock set`)."""
    cipher.protect(store_files(paths), passcode)


def change_passcode(paths: AppPaths, current: str, new: str) -> None:
    cipher.change_passcode(store_files(paths), current, new)


def unprotect(paths: AppPaths, current: str) -> None:
    """Decrypt the store back to a plain file (`fieldvisit lock remove`)."""
    cipher.unprotect(store_files(paths), current)


def is_protected(paths: AppPaths) -> bool:
    return store_kind(paths) == "encrypted"


@dataclass(slots=True)
class Store:
    """The store of one installation. Thread rule: use it from one thread at a time.

    The GUI calls it only from its single database worker thread; each call opens its own
    SQLAlchemy Session, so no Session ever crosses threads. An encrypted store holds its
    data key in `key` (a bytearray) until `close()` overwrites it.
    """

    paths: AppPaths
    engine: Engine
    key: bytearray | None = None

    @classmethod
    def open(
        cls, paths: AppPaths, *, passcode: str | None = None, key: bytearray | None = None
    ) -> Store:
        """Open (and migrate) the store. An encrypted one needs `passcode` (or the `key`
        from an earlier unlock): without it PasscodeNeededError, wrong WrongPasscodeError,
        and nothing on disk changes."""
        kind = store_kind(paths)
        files = store_files(paths)
        if kind == "encrypted" and key is None:
            if passcode is None:
                raise cipher.PasscodeNeededError(
                    "the store is protected by a passcode: give --passcode-file FILE or set "
                    "FIELDVISIT_PASSCODE_FILE",
                    path=paths.database,
                )
            key = cipher.unlock(files, passcode)
        elif kind != "encrypted":
            key = None
        try:
            if key is not None:
                cipher.reseal_packs(files, key)
            from fieldvisit.storage.engine import open_store

            engine = open_store(paths.database, paths.backups, key)
        except BaseException:
            keyfile.wipe(key)
            raise
        return cls(paths=paths, engine=engine, key=key)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @contextmanager
    def unit(self) -> Iterator[Unit]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        from fieldvisit.storage.unit import unit_of_work

        with unit_of_work(self.engine) as session:
            yield session

    def reopen(self, key: bytearray) -> None:
        """After an unlock: connections keyed with `key` again (the schema is at head)."""
        self.engine.dispose()
        self.key = key
        self.engine = _engine(self.paths.database, key)

    def protect(self, passcode: str) -> None:
        """Encrypt this (open, plain) store under `passcode` and go on with it encrypted:
        every connection is closed for the conversion, then opened again with the key."""
        files = store_files(self.paths)
        self.engine.dispose()
        try:
            cipher.protect(files, passcode)
            key = cipher.unlock(files, passcode)
        finally:
            self.engine = _engine(self.paths.database, self.key)
        self.reopen(key)

    def unprotect(self, passcode: str) -> None:
        """Decrypt this store back to a plain file; a wrong passcode changes nothing."""
        files = store_files(self.paths)
        keyfile.wipe(cipher.unlock(files, passcode))  # checked before anything is closed
        self.engine.dispose()
        try:
            cipher.unprotect(files, passcode)
        except BaseException:
            self.engine = _engine(self.paths.database, self.key)
            raise
        keyfile.wipe(self.key)
        self.key = None
        self.engine = _engine(self.paths.database, None)

    def change_passcode(self, old: str, new: str) -> None:
        """Re-wrap the data key under `new` (the store itself is not touched)."""
        cipher.change_passcode(store_files(self.paths), old, new)

    def cipher_version(self) -> str:
        """SQLCipher's version for an encrypted store ("None" for a plain one)."""
        from fieldvisit.storage.engine import cipher_version

        return cipher_version(self.engine)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection and overwrite the data key (an encrypted store)."""
        self.engine.dispose()
        keyfile.wipe(self.key)
        self.key = None


def _engine(database: Path, key: bytearray | None) -> Engine:
    from fieldvisit.storage.engine import make_engine

    return make_engine(database, key)
