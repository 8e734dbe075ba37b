"""The kill test's typist: start the real app and type into a note until killed.

    python tests/smoke/typist.py DATA_DIR

Starts the app as `fieldvisit --data-dir DATA_DIR` does, with these hooks (it is no part
of the app: the app only offers `fieldvisit.app.run(on_shown=, on_started=)`):

FIELDVISIT_TEST_TYPIST=<file>: once the window is shown, open a new note and type into it
one character every few milliseconds (QTest.keyClicks, as a person would), appending
"<index> <ord(char)> <unix time>" to <file> after each character, flushed. On stdout it prints
"FVNOTE <note id>" once and "FVTYPED <count>" per character, so the kill test can choose
its moment without sleeping. Used by tests/smoke/test_kill_notes.py and the kill benchmark.

FIELDVISIT_TEST_EARLY_TYPIST=<file> (with FIELDVISIT_TEST_EARLY_DELAY_MS): the first hour's
shape (issue 10). That many ms after the window shows, before the store has opened, press
Ctrl+N on the window and type into whatever has the keyboard focus, as real keys go; same
side file and FVTYPED lines. "FVNOTE <id>" comes once the typed text is in the store.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # imported before the storage stack (install_early): only for typing
    from fieldvisit.gui.context import AppContext

ENV_TYPIST = "FIELDVISIT_TEST_TYPIST"
ENV_INTERVAL = "FIELDVISIT_TEST_TYPIST_MS"
ENV_EARLY = "FIELDVISIT_TEST_EARLY_TYPIST"
ENV_EARLY_DELAY = "FIELDVISIT_TEST_EARLY_DELAY_MS"
TEXT = "the quick brown fox jumps over the lazy dog while delegates take notes "


def install(window: QWidget, ctx: AppContext) -> None:
    """Once the store is open and the start-up job queued; a no-op without its env var."""
    side_file = os.environ.get(ENV_TYPIST)
    if not side_file:
        return
    interval = int(os.environ.get(ENV_INTERVAL, "4"))
    typist = _Typist(window, ctx, Path(side_file), interval)
    # Start after the jobs already queued (the start-up import and event choice) have
    # delivered: a note begun before the event is chosen would be closed by the switch.
    ctx.worker.submit(lambda _store: None, lambda _result: typist.on_start())


def install_early(window: QWidget) -> None:
    """Right after the window shows, before the store opens; a no-op without its env var."""
    side_file = os.environ.get(ENV_EARLY)
    if not side_file:
        return
    interval = int(os.environ.get(ENV_INTERVAL, "4"))
    typist = _EarlyTypist(window, Path(side_file), interval)
    window.activateWindow()  # what the desktop does for a new window
    QTimer.singleShot(int(os.environ.get(ENV_EARLY_DELAY, "200")), typist.on_start)


class _EarlyTypist(QObject):
    def __init__(self, window: QWidget, side_file: Path, interval: int) -> None:
        super().__init__(window)
        self.window = window
        self._out: TextIO = side_file.open("a", encoding="utf-8")
        self._count = 0
        self._note_id = ""
        self._timer = QTimer(self, interval=interval)
        self._timer.timeout.connect(self.on_tick)

    @Slot()
    def on_start(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        if QApplication.activeWindow() is not self.window:
            # Keys reach a window once the desktop has made it active (the app may still be
            # busy painting its first screen when this timer fires): type from that moment.
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.focusWindowChanged.connect(self.on_active)
            return
        QTest.keyClick(self.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        self._timer.start()
        self.on_tick()  # the first key at once after the shortcut

    @Slot()
    def on_active(self) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if QApplication.activeWindow() is self.window and isinstance(app, QApplication):
            app.focusWindowChanged.disconnect(self.on_active)
            self.on_start()

    @Slot()
    def on_tick(self) -> None:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        self._report_note()
        target = QApplication.focusWidget() or self.window.focusWidget() or self.window
        char = TEXT[self._count % len(TEXT)]
        QTest.keyClicks(target, char)
        self._out.write(f"{self._count} {ord(char)} {time.time():.6f}\n")
        self._out.flush()
        self._count += 1
        sys.stdout.write(f"FVTYPED {self._count}\n")
        sys.stdout.flush()

    def _report_note(self) -> None:
        if self._note_id:
            return
        from fieldvisit.gui.sections.notes import NotesSection

        sections = getattr(self.window, "sections", None)
        built = sections.built() if sections is not None else []
        section = next((w for w in built if isinstance(w, NotesSection)), None)
        if section is not None and section.editor.stored:
            self._note_id = section.editor.note_id
            sys.stdout.write(f"FVNOTE {self._note_id}\n")
            sys.stdout.flush()


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
    from fieldvisit.app import Frame, Shell, run
    from fieldvisit.cli import gui_defaults
    from fieldvisit.paths import resolve

    def on_shown(frame: Frame) -> bool:
        install_early(frame.window)
        return False  # go on: open the store

    def on_started(shell: Shell) -> None:
        install(shell.window, shell.ctx)

    return run(gui_defaults(), resolve(sys.argv[1]), on_shown=on_shown, on_started=on_started)


if __name__ == "__main__":
    raise SystemExit(main())
