"""What is typed before the store opens is also kept in a small private file, so a crash in
that gap loses nothing: the next start makes it a note (issue 10)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QPlainTextEdit

from fieldvisit.interop.atomic import write_atomic

WRITE_WITHIN_MS = 100  # as the note editor's autosave: at most this long after a key


def recover(path: Path) -> str:
    """The text a crashed start left behind ("" when there is none)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


class EarlyNoteFile(QObject):
    """Writes the early editor's text to `path` (0600, atomically) soon after each key."""

    def __init__(self, path: Path, editor: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.editor = editor
        self._timer = QTimer(self, singleShot=True, interval=WRITE_WITHIN_MS)
        self._timer.timeout.connect(self.write_now)
        editor.textChanged.connect(self.on_changed)

    @Slot()
    def on_changed(self) -> None:
        if not self._timer.isActive():  # not restarted by later keys: written while typing
            self._timer.start()

    @Slot()
    def write_now(self) -> None:
        self._timer.stop()
        text = self.editor.toPlainText()
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if text:
                write_atomic(self.path, text.encode("utf-8"))
        except Exception:
            return

    def stop(self) -> None:
        self._timer.stop()
        with contextlib.suppress(RuntimeError):
            self.editor.textChanged.disconnect(self.on_changed)
