"""Atomic file writes for every writer: a temporary file in the same folder, fsync, rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from fieldvisit.domain.durable import fsync_folder
from fieldvisit.domain.errors import StorageError


@contextlib.contextmanager
def atomic_writer(
    path: Path,
    *,
    mode: int | None = None,
    before_replace: Callable[[Path], None] | None = None,
) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes `path` only when the block ends without error.

    Readers see the old file or the whole new one, never a part: the data goes to a
    temporary file in the destination folder (os.replace is atomic only within one file
    system), which is flushed and fsynced, optionally checked by `before_replace(temp)`,
    then renamed, and the folder is fsynced so the rename survives a power cut. On any
    failure the temporary file is removed; an OSError (full disk, no permission) becomes a
    StorageError naming `path`. The file is private to the user (mode 0600, from mkstemp)
    unless `mode` widens it: exports hold notes and contacts.
    """
    path = Path(path)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageError(f"cannot write here: {exc.strerror or exc}", path=path) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == errno.ENOSPC:
            raise StorageError(
                f"the disk is full ({exc.strerror}); free some space or choose another "
                "folder. Nothing was written",
                path=path,
            ) from exc
        raise StorageError(f"cannot write the file: {exc.strerror or exc}", path=path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(folder)


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to `path` atomically (see `atomic_writer`)."""
    with atomic_writer(path, mode=mode) as handle:
        handle.write(data)
