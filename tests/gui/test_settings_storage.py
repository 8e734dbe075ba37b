"""The QSettings side of the settings: bytes stay Qt's @ByteArray, values survive a restart."""

from __future__ import annotations

from pathlib import Path

from fieldvisit.gui.qsettings import ini_settings
from fieldvisit.settings import LAST_EVENT, PROGRAMME_SPLITTER, SHOW_LOCAL_ZONE, WINDOW_GEOMETRY


def test_values_survive_a_new_settings_object(tmp_path: Path) -> None:
    path = tmp_path / "config" / "fieldvisit.ini"
    first = ini_settings(path)
    first.set(WINDOW_GEOMETRY, b"\x00\x01geometry")
    first.set(SHOW_LOCAL_ZONE, True)
    first.set(LAST_EVENT, "hague-2017")
    first.sync()
    text = path.read_text(encoding="utf-8")
    assert "@ByteArray(" in text and "PyObjectWrapper" not in text  # not a pickle
    again = ini_settings(path)
    assert again.get(WINDOW_GEOMETRY) == b"\x00\x01geometry"
    assert again.get(SHOW_LOCAL_ZONE) is True
    assert again.get(LAST_EVENT) == "hague-2017"
    assert again.get(PROGRAMME_SPLITTER) == b""
