"""No module of the product grows past 600 lines (issue 12): a module that long holds more
than one concern and is split by concern, one move per commit."""

from __future__ import annotations

from pathlib import Path

import fieldvisit

LIMIT = 600
PACKAGE = Path(fieldvisit.__file__).resolve().parent


def line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def test_no_module_is_longer_than_the_limit() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100  # the package was found, not an empty folder
    too_long = {
        str(path.relative_to(PACKAGE)): count
        for path in modules
        if (count := line_count(path)) > LIMIT
    }
    assert too_long == {}


def test_the_count_sees_a_long_module(tmp_path: Path) -> None:
    long = tmp_path / "long.py"
    long.write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    assert line_count(long) == LIMIT + 1
