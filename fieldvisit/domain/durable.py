"""Durable renames: after `os.replace` into a folder, the folder itself is synced so the
new name survives a power cut. Shared by the formats' atomic writes (interop/atomic.py)
and the store's key and conversion steps (storage/keyfile.py, storage/cipher.py)."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable where the platform allows it (POSIX; Windows
    cannot open a folder for syncing). Best effort: a folder that cannot be opened or
    synced (some network and FUSE file systems) leaves the rename as the OS made it."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
