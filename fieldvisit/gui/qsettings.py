"""The Qt side of `fieldvisit.settings`: QSettings in an INI file, carrying bytes as QByteArray."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from fieldvisit.settings import Settings


class QtStorage:
    """A `fieldvisit.settings.Storage` over QSettings.

    Bytes go in as QByteArray (PySide6 would pickle a Python bytes object) and come back out
    as bytes, so the file keeps Qt's own `@ByteArray(...)` form.
    """

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings

    def value(self, key: str) -> object:
        raw = self.qsettings.value(key)
        return bytes(raw.data()) if isinstance(raw, QByteArray) else raw

    def setValue(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def contains(self, key: str) -> bool:
        return self.qsettings.contains(key)

    def sync(self) -> None:
        self.qsettings.sync()


def ini_settings(path: Path) -> Settings:
    """Settings kept in the INI file at `path` (its folder is made when missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return Settings(QtStorage(QSettings(str(path), QSettings.Format.IniFormat)))
