"""PySide's per-import check keeps its answers but no longer fills linecache."""

from __future__ import annotations

import importlib.util
import linecache
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  (installs the hook under test)

from fieldvisit.gui.import_hook import lighten_pyside_import_hook


def _load(path: Path, name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_answers_without_caching_sources(tmp_path: Path) -> None:
    assert lighten_pyside_import_hook()
    assert lighten_pyside_import_hook()  # a second call changes nothing
    feature = sys.modules["shibokensupport.feature"]
    uses = tmp_path / "uses_qt.py"
    uses.write_text('"""x"""\nQT = "PySide6.QtCore"\n', encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text('"""y"""\nVALUE = 1\n', encoding="utf-8")
    linecache.clearcache()
    assert feature._mod_uses_pyside(_load(uses, "fv_hook_uses")) is True
    assert feature._mod_uses_pyside(_load(plain, "fv_hook_plain")) is False
    assert feature._mod_uses_pyside(sys) is False  # a built-in module: the original check
    assert str(uses) not in linecache.cache
    assert str(plain) not in linecache.cache
