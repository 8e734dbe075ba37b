"""The delegate store's head revision read from its migration files, without Alembic or SQLAlchemy.

A store at head needs neither to open (`engine.open_store`), and the first screen is read
before either is loaded (`glance`).
"""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# `revision = "0002"` / `down_revision: str | None = "0001"` as Alembic's templates write
# them; anything else (a merge's tuple, a computed value) sends open_store to Alembic itself.
_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*['"]([^'"\n]+)['"]\s*$""", re.M)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=\n]*)?=\s*(?:None|['"]([^'"\n]+)['"])\s*$""", re.M)


def scanned_head(versions: Path | None = None) -> str | None:
    """The head revision read from the migration files' text, without importing Alembic.

    None when the files do not give one certain answer (no files, a file without exactly
    one plain `revision` and `down_revision`, or not exactly one head): the caller then
    asks Alembic.
    """
    folder = versions or MIGRATIONS / "versions"
    revisions: set[str] = set()
    downs: set[str] = set()
    try:
        files = sorted(folder.glob("*.py"))
        for file in files:
            if file.name.startswith("_"):
                continue
            text = file.read_text(encoding="utf-8")
            revision, down = _REVISION.findall(text), _DOWN.findall(text)
            if len(revision) != 1 or len(down) != 1 or revision[0] in revisions:
                return None
            revisions.add(revision[0])
            if down[0]:
                downs.add(down[0])
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - downs
    if len(heads) != 1 or not downs <= revisions:
        return None
    return heads.pop()
