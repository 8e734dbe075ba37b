"""Every setting is declared once with its type and default, and reads back as that type."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from fieldvisit import settings
from fieldvisit.settings import (
    LANGUAGE,
    OPTIONS,
    SHOW_LOCAL_ZONE,
    WINDOW_GEOMETRY,
    MemoryStorage,
    Option,
    Settings,
)

PACKAGE = Path(__file__).resolve().parents[2] / "fieldvisit"


def test_defaults_come_from_the_declaration() -> None:
    values = Settings(MemoryStorage())
    assert values.get(LANGUAGE) == "system"
    assert values.get(SHOW_LOCAL_ZONE) is False
    assert values.get(WINDOW_GEOMETRY) == b""


def test_values_read_back_typed_from_what_an_ini_file_gives() -> None:
    storage = MemoryStorage()
    values = Settings(storage)
    storage.values.update({"show_local_zone": "true", "language": "nl", "window/geometry": 7})
    assert values.get(SHOW_LOCAL_ZONE) is True
    assert values.get(LANGUAGE) == "nl"
    assert values.get(WINDOW_GEOMETRY) == b""  # unreadable: the default
    values.set(SHOW_LOCAL_ZONE, False)
    assert values.get(SHOW_LOCAL_ZONE) is False


def test_a_value_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(TypeError, match="show_local_zone"):
        Settings(MemoryStorage()).set(SHOW_LOCAL_ZONE, "yes")  # type: ignore[misc]


def test_a_key_cannot_be_declared_twice() -> None:
    with pytest.raises(ValueError, match="twice"):
        settings._declare(Option("language", str, "x", "again"))


def test_no_module_names_a_setting_key_outside_settings_py() -> None:
    """Settings are read and written through the declarations, never by their raw key."""
    keys = set(OPTIONS)
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "settings.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"value", "setValue", "contains", "remove"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value in keys
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.args[0].value!r}")
    assert found == []
