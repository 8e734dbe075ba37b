"""Translations: the .ts sources compile with PySide6's lrelease; languages resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldvisit.gui import i18n


def test_compile_translations(tmp_path: Path) -> None:
    if i18n.find_lrelease() is None:
        pytest.skip("PySide6's lrelease is not installed")
    written = i18n.compile_translations(tmp_path)
    names = {p.name for p in written}
    assert {"fieldvisit_nl.qm", "fieldvisit_en.qm"} <= names
    assert all(p.stat().st_size > 0 for p in written)


def test_qm_compiled_into_cache_once(tmp_path: Path) -> None:
    if i18n.find_lrelease() is None:
        pytest.skip("PySide6's lrelease is not installed")
    first = i18n.qm_for("nl", tmp_path)
    assert first is not None and first.is_file()
    stamp = first.stat().st_mtime_ns
    assert i18n.qm_for("nl", tmp_path) == first
    assert first.stat().st_mtime_ns == stamp  # not rebuilt while newer than its .ts
    assert i18n.qm_for("xx", tmp_path) is None


def test_resolve_language() -> None:
    assert i18n.resolve_language("nl") == "nl"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("system") in i18n.LANGUAGES
