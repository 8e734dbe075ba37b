"""mypy is strict (no untyped defs, no bare generics) on every part of fieldvisit but gui/."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRICT_FLAGS = ("disallow_untyped_defs", "disallow_any_generics", "disallow_incomplete_defs")


def strict_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: set[str] = set()
    for override in config["tool"]["mypy"]["overrides"]:
        if all(override.get(flag) is True for flag in STRICT_FLAGS):
            modules = override["module"]
            found.update([modules] if isinstance(modules, str) else modules)
    return found


def covered(module: str, patterns: set[str]) -> bool:
    parts = module.split(".")
    return module in patterns or any(
        ".".join(parts[:n]) + ".*" in patterns for n in range(1, len(parts) + 1)
    )


def test_every_package_but_gui_is_strict() -> None:
    patterns = strict_modules()
    package = ROOT / "fieldvisit"
    parts = ["fieldvisit"] + [
        f"fieldvisit.{p.stem}" if p.is_file() else f"fieldvisit.{p.name}.x"
        for p in sorted(package.iterdir())
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    ]
    loose = [m for m in parts if not m.startswith("fieldvisit.gui.") and not covered(m, patterns)]
    assert loose == []
    assert not covered("fieldvisit.gui.x", patterns)  # the GUI keeps check_untyped_defs only
