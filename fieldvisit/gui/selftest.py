"""`fieldvisit --self-test`: drive the real app offscreen, step by step, in a throwaway store.

Used on a frozen bundle to prove it works (packaging/build.py and CI run it and fail on a
non-zero exit, a traceback or a missing module), and from source by tests/smoke. Each step
prints one line, "ok   <step>" or "FAIL <step>: <reason>"; a failed step's traceback goes
to stderr as a diagnostic. The exit code is 0 only when every step passed.

On Windows a windowed (console=False) executable has no stdout: the report is then written
to the file named by $FIELDVISIT_SELF_TEST_LOG (always also written there when it is set).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from fieldvisit.paths import AppPaths, resolve

ENV_LOG = "FIELDVISIT_SELF_TEST_LOG"
NOTE_TEXT = "Self-test note: the Fokker Terminal plenary, written and read back."
WAIT_SECONDS = 30.0

T = TypeVar("T")


class StepFailedError(Exception):
    """A check inside a step did not hold (its message is the reason shown)."""


class StepSkippedError(Exception):
    """A step whose part of the app is not in this build (reported, not failed)."""


class Report:
    """Prints one line per step and remembers whether any failed."""

    def __init__(self, out: TextIO | None, log_path: str | None) -> None:
        self._out = out
        self._log = Path(log_path) if log_path else None
        self.failed: list[str] = []
        self.skipped: list[str] = []
        self.passed = 0

    def line(self, text: str) -> None:
        if self._out is not None:
            print(text, file=self._out, flush=True)
        if self._log is not None:
            with self._log.open("a", encoding="utf-8") as log:
                log.write(text + "\n")

    def diagnostic(self, text: str) -> None:
        err = sys.stderr
        if err is not None:
            print(text, file=err, end="" if text.endswith("\n") else "\n", flush=True)
        if self._log is not None:
            with self._log.open("a", encoding="utf-8") as log:
                log.write(text if text.endswith("\n") else text + "\n")

    def step(self, name: str, action: Callable[[], T]) -> T | None:
        try:
            result = action()
        except StepSkippedError as exc:
            self.skipped.append(name)
            self.line(f"skip {name}: SKIPPED: {exc}")
            return None
        except Exception as exc:
            self.failed.append(name)
            reason = str(exc) or type(exc).__name__
            self.line(f"FAIL {name}: {reason}")
            if not isinstance(exc, StepFailedError):
                self.diagnostic(traceback.format_exc())
            return None
        self.passed += 1
        detail = f" ({result})" if isinstance(result, str) and result else ""
        self.line(f"ok   {name}{detail}")
        return result


def _console() -> TextIO | None:
    """stdout, or on a windowed Windows build the console of the shell that started us."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        attach = ctypes.windll.kernel32.AttachConsole  # type: ignore[attr-defined]
        if attach(-1):  # ATTACH_PARENT_PROCESS
            return open("CONOUT$", "w", encoding="utf-8")  # kept open until exit
    return None


def run_self_test(
    args: argparse.Namespace, paths: AppPaths, start_shell: Callable[..., Any]
) -> int:
    """The `--self-test` handler: `paths` (the user's) is ignored; a temporary store is used.

    `start_shell` is the app's own wiring (`fieldvisit.app.start_shell`), handed in by app.py.
    """
    del args, paths
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = Report(_console(), os.environ.get(ENV_LOG))
    with tempfile.TemporaryDirectory(prefix="fieldvisit-self-test-") as folder:
        try:
            _SelfTest(report, Path(folder), start_shell).run()
        except Exception as exc:  # a bug in the self-test itself still gives a clear exit
            report.failed.append("self-test")
            report.line(f"FAIL self-test: {exc}")
            report.diagnostic(traceback.format_exc())
    total = report.passed + len(report.failed) + len(report.skipped)
    skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
    if report.failed:
        report.line(f"self-test FAILED: {len(report.failed)} of {total} steps{skipped}")
        return 1
    report.line(f"self-test passed: {report.passed} of {total} steps{skipped}")
    return 0


SELF_TEST_PASSCODE = "self-test passcode"


class _SelfTest:
    """The steps, in order; a step that needs an earlier one's result is skipped if it failed."""

    def __init__(self, report: Report, folder: Path, start_shell: Callable[..., Any]) -> None:
        self.report = report
        self.start_shell = start_shell
        self.folder = folder
        self.paths = resolve(folder / "data").ensure()
        self.qt_messages: list[str] = []
        self.job_errors: list[str] = []
        self.busy = False
        self.event_id = ""
        self.return_records = 0
        self.note_id = ""
        self.ctx: Any = None
        self.app: Any = None
        self.previous_handler: Any = None
        self.handler_installed = False

    def run(self) -> None:
        step = self.report.step
        try:
            app = step("start Qt (offscreen)", self._start_qt)
            if app is None:
                return
            # The app's own wiring (fieldvisit.app), as `fieldvisit` starts it.
            shell = step("open store and main window", lambda: self._open_shell(app))
            if shell is None:
                return
            try:
                if step("import sample", lambda: self._import_sample(shell)) is not None:
                    self._gui_steps(shell)
                step("no database job failed", self._no_job_errors)
            finally:
                step("close the window", lambda: self._close(shell))
        finally:
            if self.handler_installed:  # None puts Qt's default back
                from PySide6.QtCore import qInstallMessageHandler

                qInstallMessageHandler(self.previous_handler)

    def _start_qt(self) -> str:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from fieldvisit.gui.application import create_application

        def on_message(kind: QtMsgType, _context: Any, message: str) -> None:
            # Offscreen Qt warns about things a screen would have (e.g. window sizes):
            # reported as diagnostics; only critical and fatal ones fail the run.
            self.report.diagnostic(f"qt: {message}")
            if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.qt_messages.append(message)

        # Put back on exit: an in-process run (tests) must not keep pytest-qt's handler away.
        self.previous_handler = qInstallMessageHandler(on_message)
        self.handler_installed = True
        self.app = create_application([sys.argv[0] if sys.argv else "fieldvisit"])
        return f"platform {QApplication.platformName()}"

    def _open_shell(self, _started: str) -> Any:
        shell = self.start_shell(self.paths, app=self.app)
        self.ctx = shell.ctx
        shell.worker.job_failed.connect(self.job_errors.append)
        shell.worker.busy_changed.connect(self._on_busy)
        shell.window.show()
        self._wait(shell.window.isVisible, "the window to show")
        self._raise_qt_errors()
        return shell

    def _import_sample(self, shell: Any) -> str:
        """The start-up job (preload folders, then the sample on an empty store)."""
        from fieldvisit.services.events import list_events

        loaded: list[bool] = []
        shell.window.events_loaded.connect(lambda: loaded.append(True))
        shell.start(folders=[])  # no preload folders: only the built-in sample
        self._wait(lambda: bool(loaded), "the start-up job")
        self._settle(self.ctx)
        events = shell.worker.run_now(list_events)
        if not events:
            why = shell.window.statusBar().currentMessage() or "no reason shown"
            raise StepFailedError(f"no event installed at start-up ({why})")
        if self.ctx.event_id != events[0].id:
            raise StepFailedError(f"the window shows event {self.ctx.event_id!r}")
        self.event_id = events[0].id
        return f"{events[0].id}: {events[0].title}"

    # --- steps with the window ------------------------------------------------------------
    def _gui_steps(self, shell: Any) -> None:
        step = self.report.step
        window = shell.window
        from fieldvisit.gui.navigation import SECTIONS

        for name in SECTIONS:
            step(f"open section {name.capitalize()}", partial(self._show, window, name))
        step("this computer's time zone (tzlocal)", self._laptop_zone)
        if step("write a note", lambda: self._write_note(self.ctx, window)) is not None:
            step("read the note back", lambda: shell.worker.run_now(self._read_note))
            path = step("make a return file", lambda: shell.worker.run_now(self._make_return))
            if path is not None:
                step("open the return (demo organiser key)", lambda: self._open_return(path))
            if step("protect the store with a passcode (SQLCipher)", lambda: self._protect(shell)):
                step("read the note from the encrypted store", lambda: self._reread(shell))
                step("lock and unlock the window", lambda: self._lock_unlock(shell))

    def _laptop_zone(self) -> str:
        """The second clock's detection, as the bundle carries it (tzlocal and tzdata)."""
        from fieldvisit.domain.clock import laptop_zone, zone_name

        return zone_name(laptop_zone())

    def _show(self, window: Any, name: str) -> str:
        from PySide6.QtWidgets import QStackedWidget

        stack = window.findChild(QStackedWidget)
        if stack is None:
            raise StepFailedError("the window has no section stack")
        before = stack.currentWidget()
        self.ctx.navigate.emit(name, "", "")
        self._settle(self.ctx)
        page = stack.currentWidget()
        if page is None or not page.isVisible():
            raise StepFailedError("no section is visible")
        if name != "today" and page is before:
            raise StepFailedError("the section did not change")
        # A section that fails to import raises when shown (no placeholder): the step fails
        # with that error, which in a frozen build names the module PyInstaller left out.
        title = page.section_title()
        if not title:
            raise StepFailedError("the section has no title")
        self._raise_qt_errors()
        return f"{title}: {type(page).__name__}"

    def _write_note(self, ctx: Any, window: Any) -> str:
        """Through the Notes section as a person would (Ctrl+N and typing) when it is there."""
        from fieldvisit.services import notes

        section = self._notes_section(window)
        if section is not None and hasattr(section, "new_note") and hasattr(section, "flush"):
            from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

            before = {i.note.id for i in ctx.worker.run_now(self._notes_of)}
            section.new_note()
            self._settle(ctx)
            editor = QApplication.focusWidget()
            if not isinstance(editor, QPlainTextEdit | QTextEdit):
                editors = section.findChildren(QPlainTextEdit) + section.findChildren(QTextEdit)
                editors = [e for e in editors if not e.isReadOnly() and e.isVisible()]
                if not editors:
                    raise StepFailedError("the Notes section shows no editor after New note")
                editor = editors[0]
            editor.insertPlainText(NOTE_TEXT)
            section.flush()
            self._settle(ctx)
            after = [i.note for i in ctx.worker.run_now(self._notes_of)]
            made = [n for n in after if n.id not in before and NOTE_TEXT in n.body]
            if not made:
                raise StepFailedError("the note typed in the Notes section was not saved")
            self.note_id = str(made[0].id)
            return "typed in the Notes section"
        draft = notes.NoteDraft(
            id=notes.new_note_id(), event_id=self.event_id, body=NOTE_TEXT, tags=("self-test",)
        )
        saved = ctx.worker.run_now(lambda store: notes.save_note(store, draft))
        self.note_id = str(saved.id)
        return "through the notes service (no Notes section in this build)"

    def _notes_of(self, store: Any) -> list[Any]:
        from fieldvisit.services import notes

        return notes.list_notes(store, self.event_id)

    def _notes_section(self, window: Any) -> Any:
        from PySide6.QtWidgets import QStackedWidget

        stack = window.findChild(QStackedWidget) if window is not None else None
        if stack is None:
            return None
        self.ctx.navigate.emit("notes", "", "")
        self._settle(self.ctx)
        page = stack.currentWidget()
        return page if hasattr(page, "new_note") else None

    def _read_note(self, store: Any) -> str:
        """On the database thread, straight from the notes service."""
        from fieldvisit.services import notes

        note_id = self.note_id
        note = notes.get_note(store, note_id)
        if note is None:
            raise StepFailedError(f"note {note_id} is not in the database")
        if NOTE_TEXT not in note.body:
            raise StepFailedError(f"the stored body differs: {note.body[:60]!r}")
        return f"revision {note.revision}"

    def _protect(self, shell: Any) -> str:
        """Encrypt the open store; afterwards no file of the data folder holds the note."""
        shell.worker.run_now(lambda store: store.protect(SELF_TEST_PASSCODE))
        self._settle(self.ctx)
        if not shell.store.encrypted:
            raise StepFailedError("the store is not encrypted")
        holding = [
            p.name
            for p in self.paths.data.rglob("*")
            if p.is_file() and NOTE_TEXT.encode() in p.read_bytes()
        ]
        if holding:
            raise StepFailedError(f"the note is readable in {', '.join(holding)}")
        return "no file in the data folder holds the note"

    def _reread(self, shell: Any) -> str:
        cipher = shell.worker.run_now(lambda store: store.cipher_version())
        return f"{shell.worker.run_now(self._read_note)}, SQLCipher {cipher}"

    def _lock_unlock(self, shell: Any) -> str:
        from fieldvisit.services.store import unlock_key

        lock = shell.lock
        if lock is None:
            raise StepSkippedError("no app lock")
        lock.lock()
        self._wait(lambda: shell.store.key is None, "the lock to close the store")
        lock.on_unlocked(unlock_key(self.paths, SELF_TEST_PASSCODE))
        return shell.worker.run_now(self._read_note)

    def _make_return(self, store: Any) -> Path:
        try:
            from fieldvisit.services.returns import write_return
        except ImportError as exc:
            raise StepSkippedError(f"returns not available ({exc})") from exc
        out = self.folder / "returns"
        out.mkdir()
        written = write_return(store, self.event_id, out, delegate_name="Self Test")
        if not written.path.is_file() or written.path.stat().st_size == 0:
            raise StepFailedError(f"{written.path.name} was not written")
        self.return_records = len(written.records)
        return Path(written.path)

    def _open_return(self, path: Path) -> str:
        from fieldvisit.packs.samples import demo_keys
        from fieldvisit.returns.format import open_sealed

        private = demo_keys().returns
        opened = open_sealed(
            path.read_bytes(), private, public_raw=private.public_key().public_bytes_raw()
        )
        if NOTE_TEXT.encode() not in opened.payload:
            raise StepFailedError("the note is not inside the return")
        return f"{path.name}, {self.return_records} records"

    def _no_job_errors(self) -> None:
        if self.job_errors:
            raise StepFailedError("; ".join(self.job_errors))

    def _close(self, shell: Any) -> None:
        """What quitting does: sections flushed, state saved, worker drained, store closed."""
        shell.close()
        self._raise_qt_errors()

    # --- waiting without sleeping -----------------------------------------------------------
    def _wait(self, condition: Callable[[], bool], what: str) -> None:
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise StepFailedError(f"timed out waiting for {what}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def _settle(self, ctx: Any) -> None:
        """Let queued database jobs finish and their results reach the widgets."""
        from PySide6.QtWidgets import QApplication

        ctx.worker.run_now(lambda _store: None)  # every job queued before this one is done
        QApplication.processEvents()
        self._wait(lambda: not self.busy, "database jobs")

    def _on_busy(self, busy: bool) -> None:
        self.busy = busy

    def _raise_qt_errors(self) -> None:
        if self.qt_messages:
            messages, self.qt_messages = self.qt_messages, []
            raise StepFailedError("Qt reported: " + "; ".join(messages))
