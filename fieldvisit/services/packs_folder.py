"""The packs folder: leftovers of an interrupted import are removed, files in use are not.

An import copies the pack to `.importing-XXXX.fvpack` beside the installed ones, then
renames it into place when the store is written. A kill in between leaves the temporary
file; an update whose old pack could not be removed leaves the superseded one. Both are
removed at start and after every import (`tidy`).

An import in another process (the CLI while the app runs) must not lose its files: while
it works, it holds an advisory lock on its temporary file (`TemporaryPack`), which follows
the file when it is renamed into place; `tidy` skips a file it cannot lock. On Windows, where an
open file cannot be removed, the failed removal is what skips it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from fieldvisit.services.store import Store
from fieldvisit.storage import sealed
from fieldvisit.storage.repo.events import pack_files

TEMPORARY_PREFIX = ".importing-"
SUFFIX = ".fvpack"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def lock(handle: int) -> bool:
    """Take the exclusive advisory lock of an open file; False when another holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class TemporaryPack:
    """A copy of a pack in the packs folder, flushed to disk and ready to rename into place,
    locked from the moment it exists until `release` (so no `tidy` removes it meanwhile)."""

    def __init__(
        self, source: Path, folder: Path, key: bytearray | None = None, *, name: str = ""
    ) -> None:
        """With the data key of an encrypted store the copy is sealed (it holds contacts);
        `name` is the file name it will be renamed to (sealed with it)."""
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._handle, temp_name = tempfile.mkstemp(
            prefix=TEMPORARY_PREFIX, suffix=SUFFIX, dir=folder
        )
        self.path = Path(temp_name)
        lock(self._handle)
        try:
            with os.fdopen(os.dup(self._handle), "wb") as out, source.open("rb") as src:
                if key is not None:
                    sealed.seal_into(out, src.read(), key, name=name)
                else:
                    shutil.copyfileobj(src, out, 1024 * 1024)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            self.path.unlink(missing_ok=True)
            self.release()
            raise

    def release(self) -> None:
        """Close the file, which releases the lock (idempotent)."""
        if self._handle >= 0:
            os.close(self._handle)
            self._handle = -1


def _in_use(path: Path) -> bool:
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # gone already, or not ours to open: leave it
    try:
        return not lock(handle)
    finally:
        os.close(handle)


def leftovers(store: Store) -> list[Path]:
    """Temporary packs of interrupted imports and packs no installed event refers to."""
    folder = store.paths.packs
    if not folder.is_dir():
        return []
    with store.unit() as session:
        kept = pack_files(session)
    found: list[Path] = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if not name.endswith(SUFFIX) or not path.is_file() or path.is_symlink():
            continue
        if name.startswith(TEMPORARY_PREFIX) or name not in kept:
            found.append(path)
    return found


def tidy(store: Store) -> list[Path]:
    """Remove `leftovers` that no import is using; returns what was removed."""
    removed: list[Path] = []
    for path in leftovers(store):
        if _in_use(path):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
