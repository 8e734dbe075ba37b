"""Where fieldvisit keeps its files: every data, config and cache path comes from here."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import platformdirs

from fieldvisit.domain.private import PRIVATE_DIR, make_tree_private

APP_NAME = "fieldvisit"
APP_AUTHOR = "fieldvisit"
ENV_DATA_DIR = "FIELDVISIT_DATA_DIR"
# A file whose first line is the store's passcode (CLI commands and the desktop app).
ENV_PASSCODE_FILE = "FIELDVISIT_PASSCODE_FILE"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders of one installation. `data` holds the store and the installed packs."""

    data: Path
    config: Path
    cache: Path

    @property
    def database(self) -> Path:
        return self.data / "fieldvisit.sqlite"

    @property
    def early_note(self) -> Path:
        """What a delegate types before the store is open (a note at the next start if the
        app is killed first)."""
        return self.data / "unsaved-note.txt"

    @property
    def key_file(self) -> Path:
        """The wrapped data key of an encrypted store (absent while the store is plain)."""
        return self.data / "fieldvisit.key"

    @property
    def packs(self) -> Path:
        """Installed pack files, kept so documents and maps can be read from them."""
        return self.data / "packs"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def keys(self) -> Path:
        return self.data / "keys"

    def ensure(self) -> AppPaths:
        """Create the folders private to the user (0700) and repair what an older version
        or a copy left readable: every folder under `data` 0700, every file 0600."""
        for folder in (self.data, self.config, self.cache, self.packs, self.backups, self.keys):
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        for root in dict.fromkeys((self.data, self.config, self.cache)):
            make_tree_private(root)
        return self


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths for `--data-dir`, else `$FIELDVISIT_DATA_DIR`, else the platform's folders.

    With an explicit data dir everything (config and cache too) lives below it, so a test
    or a second installation never touches the user's real files.
    """
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data=root, config=root / "config", cache=root / "cache")
    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return AppPaths(
        data=Path(dirs.user_data_dir),
        config=Path(dirs.user_config_dir),
        cache=Path(dirs.user_cache_dir),
    )


@cache
def resources_dir() -> Path:
    """The `resources/` folder, from a source tree, an installed wheel or a frozen bundle
    (found once: every icon of the window frame asks for it)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "_resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def preload_dirs() -> list[Path]:
    """Folders whose .fvpack files are imported at start (documented in docs/preload.md).

    Beside the frozen app (`<app folder>/preload`) and platformdirs' site data dir
    (e.g. /usr/local/share/fieldvisit/preload, C:\\ProgramData\\fieldvisit\\preload).
    """
    found: list[Path] = []
    if getattr(sys, "frozen", False):
        found.append(Path(sys.executable).resolve().parent / "preload")
    site = platformdirs.site_data_dir(APP_NAME, APP_AUTHOR, multipath=False)
    found.append(Path(site) / "preload")
    return found
