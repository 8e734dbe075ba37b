"""The one place where the application's parts are created and wired together.

`main` is the entry point of `fieldvisit` (the CLI dispatches from there). For the desktop
app this module opens the settings, the window frame, the store, the database worker and
the context, and hands each part what it needs (`open_frame`, `attach_store`,
`start_shell`, `run`). Qt is imported lazily inside these functions, so command-line work
never loads it; `fieldvisit.gui.application` holds the Qt helpers they use.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fieldvisit.domain.errors import UserError
from fieldvisit.paths import AppPaths, preload_dirs
from fieldvisit.settings import LANGUAGE, SYSTEM_SCHEME, THEME, Settings

# The storage stack (SQLAlchemy) is imported only after the window frame is on screen: it
# is most of the start-up time. The worker and the context wait for it too.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.i18n import Translators
    from fieldvisit.gui.lock import AppLock
    from fieldvisit.gui.main_window import MainWindow
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.exports import PdfRenderer
    from fieldvisit.services.first_screen import FirstScreen
    from fieldvisit.services.store import Store
    from fieldvisit.services.views import EventChoice

log = logging.getLogger(__name__)

EXIT_STORAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    from fieldvisit.cli import main as cli_main

    return cli_main(argv)


def no_display() -> int | None:
    """Before a window is opened: say in one line why none can be, and the exit code."""
    from fieldvisit.display import EXIT_NO_DISPLAY, display_problem

    problem = display_problem()
    if problem is None:
        return None
    print(f"fieldvisit: {problem}", file=sys.stderr)
    return EXIT_NO_DISPLAY


def run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    refused = no_display()  # Qt would abort the process (exit 134) without a display
    if refused is not None:
        return refused
    return run(args, paths)


def run_organiser(args: argparse.Namespace, paths: AppPaths) -> int:
    """`fieldvisit organiser [--db DB|URL]`: the organisers' own window, apart from a
    delegate's (it opens no delegate store)."""
    from PySide6.QtGui import QGuiApplication

    from fieldvisit.gui.application import create_application
    from fieldvisit.gui.i18n import Translators
    from fieldvisit.gui.organiser import OrganiserWindow
    from fieldvisit.gui.theme import apply_theme
    from fieldvisit.settings import ORGANISER_STORE

    app = create_application()
    # The desktop shows this window under its own entry (fieldvisit-organiser.desktop).
    QGuiApplication.setDesktopFileName("fieldvisit-organiser")
    settings = settings_for(paths)
    apply_theme(app, settings.get(THEME))
    translators = Translators()
    translators.install(app, getattr(args, "lang", None) or settings.get(LANGUAGE), paths.cache)
    window = OrganiserWindow(
        paths, settings, backed_up=bool(getattr(args, "i_have_a_backup", False))
    )
    window.show()
    db = getattr(args, "db", None) or settings.get(ORGANISER_STORE)
    if db:
        window.open_store(db)
    try:
        return int(app.exec())
    finally:
        window.shutdown()
        settings.sync()
        translators.remove(app)


def run_snapshot(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.snapshot import run_snapshot as snapshot

    return snapshot(args, paths, start_shell)


def run_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.selftest import run_self_test as self_test

    return self_test(args, paths, start_shell)


@dataclass(frozen=True, slots=True)
class Startup:
    """What the start-up job found: the installed events and any preload problems."""

    events: list[EventChoice]
    problems: list[str] = field(default_factory=list)


def startup_job(store: Store, folders: list[Path] | None = None) -> Startup:
    """Preloaded packs, then the sample on an empty store, then the list of events.

    The pack reader (jsonschema, cryptography) is imported only when there is a pack to read,
    so an ordinary start stays light.
    """
    from fieldvisit.services.programme import event_choices

    problems: list[str] = []
    chosen = preload_dirs() if folders is None else folders
    waiting = [p for folder in chosen if folder.is_dir() for p in folder.glob("*.fvpack")]
    events = event_choices(store)
    if waiting or not events:
        try:
            from fieldvisit.services import importing

            for outcome in importing.import_preloaded(store, chosen):
                if isinstance(outcome, str):
                    problems.append(outcome)
            importing.ensure_sample(store)
        except Exception as exc:  # the app must open even when the sample cannot be built
            log.exception("start-up import failed")
            problems.append(str(exc))
        events = event_choices(store)
    return Startup(events, problems)


def tidy_job(store: Store) -> None:
    """After the first screen: leftovers of an import that was killed, and superseded packs.

    Queued behind the jobs that fill the window, so it is off the path to the programme
    shown (every job runs on the one worker, so no import runs beside it)."""
    from fieldvisit.services import packs_folder

    try:
        packs_folder.tidy(store)
    except Exception:  # never a reason not to start
        log.exception("tidying the packs folder failed")


def settings_for(paths: AppPaths) -> Settings:
    """Settings in an INI file under the config folder, so --data-dir isolates them."""
    from fieldvisit.gui.qsettings import ini_settings

    return ini_settings(paths.config / "fieldvisit.ini")


@dataclass
class Shell:
    """The running parts of one window; `close()` shuts them down in order."""

    app: QApplication
    worker: DbWorker
    ctx: AppContext
    window: MainWindow
    translators: Translators
    lock: AppLock | None = None
    closed: bool = False

    @property
    def store(self) -> Store:
        """The open store (a UserError while it is still opening on the worker)."""
        return self.worker.store

    def start(self, folders: list[Path] | None = None) -> None:
        """Run the start-up imports on the worker, then list the events in the window."""
        window = self.window

        def done(result: Startup) -> None:
            window.set_events(result.events)  # queues the jobs that fill the window
            if result.problems:
                window.show_message("; ".join(result.problems))
            self.worker.submit(tidy_job)

        self.worker.submit(lambda store: startup_job(store, folders), done)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.window.isVisible():
            self.window.close()
        else:
            self.window.flush_sections()
            self.window.save_state()
        from PySide6.QtCore import QCoreApplication, QTimer

        # A section's refresh timer (Today's, every 30 s) must not submit to a worker that
        # is gone: the window may outlive the shell until its deferred deletion.
        for timer in self.window.findChildren(QTimer):
            timer.stop()
        if self.lock is not None:
            self.lock.release()  # a worker held by the lock lets go
        self.worker.shutdown()
        self.translators.remove(self.app)
        # Deliveries queued after the last job must not reach a half-destroyed window.
        QCoreApplication.removePostedEvents(self.worker)
        if self.worker.opened is not None:  # (perhaps opened, its delivery still queued)
            self.worker.opened.close()


@dataclass
class Frame:
    """The first phase: the application and an empty window, before the store is open."""

    app: QApplication
    settings: Settings
    window: MainWindow
    translators: Translators


def open_frame(
    paths: AppPaths,
    *,
    language: str | None = None,
    theme: str | None = None,
    app: QApplication | None = None,
) -> Frame:
    from fieldvisit.gui.application import create_application
    from fieldvisit.gui.i18n import Translators
    from fieldvisit.gui.main_window import MainWindow
    from fieldvisit.gui.theme import apply_theme

    app = app or create_application()
    settings = settings_for(paths)
    apply_theme(app, theme or settings.get(THEME), assume_dark=scheme_seen(settings))
    translators = Translators()
    translators.install(app, language or settings.get(LANGUAGE), paths.cache)
    window = MainWindow(settings)
    window.early_note_file = paths.early_note
    window.restore_geometry()
    return Frame(app, settings, window, translators)


def scheme_seen(settings: Settings) -> bool | None:
    """Whether the platform's colour scheme was dark at the last start (None: not known)."""
    return {"dark": True, "light": False}.get(settings.get(SYSTEM_SCHEME))


def follow_scheme(frame: Frame) -> None:
    """Once the frame is painted: check the colour scheme it assumed, remember the
    platform's for the next start, and follow it while the window lives."""
    from fieldvisit.gui.theme import SchemeFollower

    settings = frame.settings

    def remember(dark: bool) -> None:
        seen = "dark" if dark else "light"
        if settings.get(SYSTEM_SCHEME) != seen:
            settings.set(SYSTEM_SCHEME, seen)

    SchemeFollower(frame.app, lambda: settings.get(THEME), remember, frame.window)


def attach_store(frame: Frame, paths: AppPaths, key: bytearray | None = None) -> Shell:
    """The second phase: open the store (a UserError when it cannot be), start the worker,
    build sections, arm the app lock. `key`: an encrypted store's data key
    (`unlock_at_start`)."""
    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.erase import EraseEventAction
    from fieldvisit.gui.lock import AppLock
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.store import Store

    store = Store.open(paths, key=key)
    worker = DbWorker(store)
    ctx = AppContext(worker, paths, frame.settings)
    frame.window.attach(ctx)
    lock = AppLock(frame.window, store, worker, frame.settings)
    EraseEventAction(frame.window, ctx)  # Event > Erase this event's data…
    return Shell(frame.app, worker, ctx, frame.window, frame.translators, lock)


def attach_first_screen(frame: Frame, paths: AppPaths, first: FirstScreen) -> Shell:
    """The second phase for a plain store whose first screen was read without the storage
    stack: the window shows it at once while the worker loads the stack and opens the store
    (`worker.open_store`); `Shell.store` and the app lock follow (`store_opened`)."""
    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.programme.jobs import ProgrammeBundle
    from fieldvisit.gui.worker import DbWorker

    worker = DbWorker(None)
    ctx = AppContext(worker, paths, frame.settings)
    frame.window.attach(ctx, store_open=False)
    bundle = ProgrammeBundle(first.programme, first.picks, first.ratings)
    frame.window.programme.preload(first.programme.event.id, bundle)
    return Shell(frame.app, worker, ctx, frame.window, frame.translators)


def open_store(paths: AppPaths) -> Store:
    """Open the store on the worker thread: the storage stack is imported there."""
    from fieldvisit.services.store import Store

    return Store.open(paths)


def store_opened(shell: Shell, store: Store) -> None:
    """The store opened on the worker: the window can use everything, the lock is armed."""
    from fieldvisit.gui.erase import EraseEventAction
    from fieldvisit.gui.lock import AppLock

    shell.lock = AppLock(shell.window, store, shell.worker, shell.window.settings)
    EraseEventAction(shell.window, shell.ctx)  # Event > Erase this event's data…
    shell.window.store_ready()
    shell.worker.submit(tidy_job)


def quick_first_screen(paths: AppPaths, settings: Settings) -> FirstScreen | None:
    """The first screen read without the storage stack, when nothing can change it first:
    a plain store (`unlock_at_start` gave no key) and no pack waiting to be preloaded."""
    if any(folder.is_dir() and any(folder.glob("*.fvpack")) for folder in preload_dirs()):
        return None
    from fieldvisit.services.first_screen import first_screen
    from fieldvisit.settings import LAST_EVENT

    try:
        return first_screen(paths, settings.get(LAST_EVENT))
    except Exception:  # never a reason not to start: the full stack opens it as usual
        log.exception("reading the first screen failed")
        return None


def unlock_at_start(frame: Frame, paths: AppPaths) -> tuple[bool, bytearray | None]:
    """(go on, key): an encrypted store's data key from FIELDVISIT_PASSCODE_FILE or the
    unlock dialog; (True, None) for a plain store; (False, None) when the user quits."""
    from fieldvisit.gui.unlock import UnlockDialog, passcode_from_env
    from fieldvisit.services.store import store_kind, unlock_key

    if store_kind(paths) != "encrypted":
        return True, None
    passcode = passcode_from_env()
    if passcode is not None:
        return True, unlock_key(paths, passcode)
    dialog = UnlockDialog(paths, frame.window)
    accepted = dialog.exec() == UnlockDialog.DialogCode.Accepted
    key = dialog.key
    dialog.deleteLater()
    return accepted and key is not None, key


def start_shell(
    paths: AppPaths,
    *,
    language: str | None = None,
    theme: str | None = None,
    app: QApplication | None = None,
    key: bytearray | None = None,
) -> Shell:
    """Open the store and build the window (not shown). Raises UserError (StorageError)."""
    frame = open_frame(paths, language=language, theme=theme, app=app)
    try:
        return attach_store(frame, paths, key)
    except BaseException:
        frame.translators.remove(frame.app)
        frame.window.deleteLater()
        raise


def run(
    args: argparse.Namespace,
    paths: AppPaths,
    *,
    on_shown: Callable[[Frame], bool] | None = None,
    on_started: Callable[[Shell], None] | None = None,
) -> int:
    """The desktop app's entry point (`fieldvisit`, `fieldvisit gui [FILE]`).

    The benchmarks and the kill test start the app through here with their own hooks:
    `on_shown(frame)` once the window frame is shown (True: run the event loop without
    opening the store), `on_started(shell)` once the start-up job is queued.
    """
    from fieldvisit.gui.application import (
        FileOpenFilter,
        create_application,
        load_in_background,
        open_file,
        paint_now,
    )

    app = create_application()
    frame = open_frame(paths, language=getattr(args, "lang", None), app=app)
    frame.window.show()
    if on_shown is not None and on_shown(frame):
        return int(app.exec())
    # The frame on screen before the store and the first screen are read; keys typed
    # meanwhile wait in the queue for the window's shortcuts and the early note.
    paint_now(app)
    follow_scheme(frame)
    try:
        go_on, key = unlock_at_start(frame, paths)
        if not go_on:
            frame.translators.remove(app)
            return 0
        first = quick_first_screen(paths, frame.settings) if key is None else None
        if first is None:
            # The frame paints and stays responsive while the storage stack loads.
            load_in_background(app)
            shell = attach_store(frame, paths, key)
    except UserError as exc:
        cannot_open(frame, exc)
        return EXIT_STORAGE
    if first is not None:
        shell = attach_first_screen(frame, paths, first)

        def opened(store: Store) -> None:
            store_opened(shell, store)
            if on_started is None and shell.lock is not None:
                shell.lock.offer_at_first_start()

        def failed(exc: Exception) -> None:
            message = exc.message if isinstance(exc, UserError) else str(exc)
            cannot_open(frame, UserError(message))
            app.exit(EXIT_STORAGE)

        shell.worker.open_store(lambda: open_store(paths), opened, failed)
        if on_started is not None:
            on_started(shell)
        shell.window.set_events(first.events)  # the programme is on screen from here
    else:
        shell.start()
        if on_started is not None:
            on_started(shell)
        elif shell.lock is not None:
            shell.lock.offer_at_first_start()  # once: "Protect with a passcode?" (skippable)
    file = getattr(args, "file", None)
    if file:
        open_file(shell.window, Path(file))
    if sys.platform == "darwin":
        # macOS hands a double-clicked document to the running app as a FileOpen event
        # (elsewhere the desktop starts the app with the file: no filter on every event).
        file_open = FileOpenFilter(shell.window, app)
        app.installEventFilter(file_open)
    app.aboutToQuit.connect(shell.close)
    code = app.exec()
    shell.close()
    return int(code)


def cannot_open(frame: Frame, exc: UserError) -> None:
    """Say why the store cannot be opened; nothing of the start outlives it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(
        frame.window,
        QCoreApplication.translate("Application", "Cannot open your data"),
        exc.message,
    )
    frame.translators.remove(frame.app)  # as start_shell does: nothing outlives a failed start


def pdf_renderer() -> PdfRenderer:
    """The notes booklet's PDF renderer for `fieldvisit export`: Qt draws it offscreen (no
    display needed), exactly as the Export menu does. Named in cli.py, so that the export
    command reaches Qt only through here, and only for a .pdf."""
    from fieldvisit.gui.pdf import offscreen_renderer, write_pdf

    app = offscreen_renderer()

    def render(markdown: str, path: Path, title: str) -> int:
        assert app is not None  # kept alive as long as the renderer
        return write_pdf(markdown, path, title=title)

    return render
