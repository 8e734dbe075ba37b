"""A store at head opens without Alembic; the migration files' head is read from their text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldvisit.storage.engine import head_revision, open_store, scanned_head


def test_scanned_head_agrees_with_alembic() -> None:
    assert scanned_head() is not None
    assert scanned_head() == head_revision()


def _write(folder: Path, name: str, revision: str, down: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(
        f'"""x"""\nrevision = {revision}\ndown_revision = {down}\n', encoding="utf-8"
    )


def test_scanned_head_follows_the_chain(tmp_path: Path) -> None:
    _write(tmp_path, "0001_a.py", "'0001'", "None")
    _write(tmp_path, "0002_b.py", '"0002"', "'0001'")
    (tmp_path / "0003_c.py").write_text(
        'revision: str = "0003"\ndown_revision: str | None = "0002"\n', encoding="utf-8"
    )
    assert scanned_head(tmp_path) == "0003"


def test_scanned_head_gives_up_when_unsure(tmp_path: Path) -> None:
    two_heads = tmp_path / "two"
    _write(two_heads, "0001_a.py", "'0001'", "None")
    _write(two_heads, "0002_b.py", "'0002'", "'0001'")
    _write(two_heads, "0003_c.py", "'0003'", "'0001'")
    assert scanned_head(two_heads) is None
    merge = tmp_path / "merge"
    _write(merge, "0001_a.py", "'0001'", "None")
    _write(merge, "0002_b.py", "'0002'", "('0001', '0009')")
    assert scanned_head(merge) is None
    assert scanned_head(tmp_path / "missing") is None
    computed = tmp_path / "computed"
    _write(computed, "0001_a.py", "make_id()", "None")
    assert scanned_head(computed) is None


def test_store_at_head_opens_without_alembic(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    open_store(db, tmp_path / "backups").dispose()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fieldvisit.storage.engine import open_store\n"
        f"engine = open_store(Path({str(db)!r}), Path({str(tmp_path / 'backups')!r}))\n"
        "engine.dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
    assert not (tmp_path / "backups").exists()
