"""The house's import rules, checked on the source: Qt only in the GUI, no SQLAlchemy there."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "fieldvisit"


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """Every module a file imports, anywhere in it (lazy imports inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def top(module: str) -> str:
    return module.split(".", 1)[0]


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def is_gui(path: Path) -> bool:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] == "gui" or relative == Path("app.py")


def test_the_package_is_found() -> None:
    assert (PACKAGE / "gui").is_dir() and len(sources()) > 10


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_import_rules(path: Path) -> None:
    relative = path.relative_to(PACKAGE)
    problems = []
    for line, module in imported_modules(path):
        if top(module) == "PySide6" and not is_gui(path):
            problems.append(f"{relative}:{line}: imports {module}; Qt belongs in gui/ and app.py")
        if top(module) in {"sqlalchemy", "alembic"} and relative.parts[0] == "gui":
            problems.append(f"{relative}:{line}: imports {module}; the GUI goes through services")
    assert problems == []


def test_the_checker_sees_lazy_and_dotted_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "def f():\n"
        "    from sqlalchemy.orm import Session\n"
        "    import PySide6.QtCore\n"
        "    importlib.import_module('PySide6.QtGui')\n"
        "from . import sibling\n",
        encoding="utf-8",
    )
    assert [m for _line, m in imported_modules(sample)] == [
        "os",
        "sqlalchemy.orm",
        "PySide6.QtCore",
        "PySide6.QtGui",
    ]
