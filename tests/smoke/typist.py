"""The kill test's typist: start the real app and type into a new note until killed.

    python tests/smoke/typist.py DATA_DIR SIDE_FILE [INTERVAL_MS]

Starts the app as `fieldvisit --data-dir DATA_DIR` does; once the window is shown it opens
a new note and types into it one character every few milliseconds (QTest.keyClicks, as a
person would), appending "<index> <ord(char)> <unix time>" to SIDE_FILE after each
character, flushed. On stdout it prints "FVNOTE <note id>" once and "FVTYPED <count>" per
character, so the kill test can choose its moment without sleeping. Used by
tests/smoke/test_kill_notes.py and tests/benchmarks/bench_kill.py; it is no part of the app.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

from fieldvisit.gui.context import AppContext

TEXT = "the quick brown fox jumps over the lazy dog while delegates take notes "


def install(window: QWidget, ctx: AppContext, side_file: Path, interval: int) -> None:
    """Type into a new note of `window` once the start-up jobs have delivered."""
    typist = _Typist(window, ctx, side_file, interval)
    # Start after the jobs already queued (the start-up import and event choice) have
    # delivered: a note begun before the event is chosen would be closed by the switch.
    ctx.worker.submit(lambda _store: None, lambda _result: typist.on_start())


class _Typist(QObject):
    def __init__(self, window: QWidget, ctx: AppContext, side_file: Path, interval: int) -> None:
        super().__init__(window)  # lives as long as the window
        self.window = window
        self.ctx = ctx
        self._out: TextIO = side_file.open("a", encoding="utf-8")
        self._count = 0
        self._timer = QTimer(self, interval=interval)
        self._timer.timeout.connect(self.on_tick)
        self._section: QWidget | None = None

    @Slot()
    def on_start(self) -> None:
        from fieldvisit.gui.sections.notes import NotesSection

        # The window builds its Notes section when asked; a window without one still gets
        # one to type in.
        section = getattr(self.window, "sections", {}).get("notes")
        if not isinstance(section, NotesSection):
            section = NotesSection(self.ctx)
            section.setParent(self.window)
            section.show()
        self.ctx.navigate.emit("notes", "", "")
        section.new_note()
        self._section = section
        print(f"FVNOTE {section.editor.note_id}", flush=True)
        self._timer.start()

    @Slot()
    def on_tick(self) -> None:
        from PySide6.QtTest import QTest

        from fieldvisit.gui.sections.notes import NotesSection

        section = self._section
        assert isinstance(section, NotesSection)
        char = TEXT[self._count % len(TEXT)]
        QTest.keyClicks(section.editor.body, char)
        self._out.write(f"{self._count} {ord(char)} {time.time():.6f}\n")
        self._out.flush()
        self._count += 1
        sys.stdout.write(f"FVTYPED {self._count}\n")
        sys.stdout.flush()


def main() -> int:
    from fieldvisit.app import Shell, run
    from fieldvisit.cli import gui_defaults
    from fieldvisit.paths import resolve

    data_dir, side_file = sys.argv[1], Path(sys.argv[2])
    interval = int(sys.argv[3]) if len(sys.argv) > 3 else 4

    def on_started(shell: Shell) -> None:
        install(shell.window, shell.ctx, side_file, interval)

    return run(gui_defaults(), resolve(data_dir), on_started=on_started)


if __name__ == "__main__":
    raise SystemExit(main())
