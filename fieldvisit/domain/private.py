"""Files private to the user: folders 0700, files 0600 (POSIX; a no-op elsewhere)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Everything under the data folder holds delegate content (notes, contacts, the return
# signing key): private to the user. On Windows the user's profile folders are already
# private and chmod only toggles read-only, so these apply on POSIX only.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def make_private(path: Path) -> None:
    """Take the group's and others' access away from one file (0600) or folder (0700).

    Symlinks are left alone."""
    if os.name != "posix":
        return
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        return
    mode = stat.S_IMODE(st.st_mode)
    # Strip every bit for the group and others; a file the app made read-only stays so.
    wanted = (mode & 0o700) | (PRIVATE_DIR if stat.S_ISDIR(st.st_mode) else 0)
    if mode != wanted:
        os.chmod(path, wanted)


def make_tree_private(root: Path) -> None:
    """Folders 0700 and files 0600 all the way down `root` (not following symlinks)."""
    if os.name != "posix" or not root.is_dir():
        return
    make_private(root)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in (*dirnames, *filenames):
            make_private(Path(dirpath) / name)


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (then only its mode is fixed)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        make_private(path)
        return
    os.close(fd)
