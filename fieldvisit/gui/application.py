"""The desktop application: QApplication set-up, start-up, and a clean shutdown.

`start_shell` wires store, worker, context and window (used by `run`, the snapshot command,
the benchmark and the GUI tests alike); `run` adds the event loop around it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from fieldvisit import __version__
from fieldvisit.domain.errors import StorageError
from fieldvisit.gui.i18n import Translators
from fieldvisit.gui.import_hook import lighten_pyside_import_hook
from fieldvisit.gui.main_window import MainWindow
from fieldvisit.gui.theme import apply_theme, icon
from fieldvisit.paths import AppPaths, preload_dirs

# The storage stack (SQLAlchemy) is imported only after the window frame is on screen: it
# is most of the start-up time. The worker and the context wait for it too.
if TYPE_CHECKING:
    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.programme import EventChoice
    from fieldvisit.services.store import Store

log = logging.getLogger(__name__)

EXIT_STORAGE = 2
# Benchmarks set this to "shown" or "populated": the app prints a timestamp and quits then.
BENCH_ENV = "FIELDVISIT_BENCH_EXIT"
BENCH_EVENT_ENV = "FIELDVISIT_BENCH_EVENT"


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
    from fieldvisit.services import packs_folder
    from fieldvisit.services.programme import event_choices

    problems: list[str] = []
    try:  # leftovers of an import that was killed, and superseded packs
        packs_folder.tidy(store)
    except Exception:  # never a reason not to start
        log.exception("tidying the packs folder failed")
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


def settings_for(paths: AppPaths) -> QSettings:
    """Settings in an INI file under the config folder, so --data-dir isolates them."""
    paths.config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config / "fieldvisit.ini"), QSettings.Format.IniFormat)


def create_application(argv: list[str] | None = None) -> QApplication:
    # Before the storage stack and the sections are imported (see import_hook).
    lighten_pyside_import_hook()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # High-DPI: Qt 6's default rounding policy, PassThrough, is the one wanted (sharp at
    # 125% and 150%); not set here, so as not to touch the `Qt` namespace (main_window).
    QCoreApplication.setOrganizationName("fieldvisit")
    QCoreApplication.setOrganizationDomain("fieldvisit.example.org")
    QCoreApplication.setApplicationName("fieldvisit")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    QGuiApplication.setApplicationDisplayName("Field Visit Companion")
    QGuiApplication.setDesktopFileName("fieldvisit")
    app.setWindowIcon(icon("fieldvisit"))
    return app


@dataclass
class Shell:
    """The running parts of one window; `close()` shuts them down in order."""

    app: QApplication
    store: Store
    worker: DbWorker
    ctx: AppContext
    window: MainWindow
    translators: Translators
    closed: bool = False

    def start(self, folders: list[Path] | None = None) -> None:
        """Run the start-up imports on the worker, then list the events in the window."""
        window = self.window

        def done(result: Startup) -> None:
            window.set_events(result.events)
            if result.problems:
                window.show_message("; ".join(result.problems))

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
        self.worker.shutdown()
        self.translators.remove(self.app)
        # Deliveries queued after the last job must not reach a half-destroyed window.
        QCoreApplication.removePostedEvents(self.worker)
        self.store.close()


@dataclass
class Frame:
    """The first phase: the application and an empty window, before the store is open."""

    app: QApplication
    settings: QSettings
    window: MainWindow
    translators: Translators


def open_frame(
    paths: AppPaths,
    *,
    language: str | None = None,
    theme: str | None = None,
    app: QApplication | None = None,
) -> Frame:
    app = app or create_application()
    settings = settings_for(paths)
    apply_theme(app, theme or str(settings.value("theme", "system")))
    translators = Translators()
    translators.install(app, language or str(settings.value("language", "system")), paths.cache)
    window = MainWindow(settings)
    window.restore_geometry()
    return Frame(app, settings, window, translators)


def attach_store(frame: Frame, paths: AppPaths) -> Shell:
    """The second phase: open the store (StorageError), start the worker, build sections."""
    from fieldvisit.gui.context import AppContext
    from fieldvisit.gui.worker import DbWorker
    from fieldvisit.services.store import Store

    store = Store.open(paths)
    worker = DbWorker(store)
    ctx = AppContext(worker, paths, frame.settings)
    frame.window.attach(ctx)
    return Shell(frame.app, store, worker, ctx, frame.window, frame.translators)


def start_shell(
    paths: AppPaths,
    *,
    language: str | None = None,
    theme: str | None = None,
    app: QApplication | None = None,
) -> Shell:
    """Open the store and build the window (not shown). Raises StorageError."""
    frame = open_frame(paths, language=language, theme=theme, app=app)
    try:
        return attach_store(frame, paths)
    except BaseException:
        frame.translators.remove(frame.app)
        frame.window.deleteLater()
        raise


def _bench_report(what: str, app: QApplication) -> None:
    """Print `FIELDVISIT_BENCH <what> <epoch seconds> <rss KiB>` and quit (benchmarks)."""
    rss = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    print(f"FIELDVISIT_BENCH {what} {time.time():.6f} {rss}", flush=True)
    app.quit()


def _import_storage_stack() -> None:
    import fieldvisit.services.programme
    import fieldvisit.services.store  # noqa: F401  (SQLAlchemy, Alembic: most of start-up)


def _load_in_background(app: QApplication) -> None:
    """Import the storage stack on a thread while the event loop keeps the window painted.

    Only plain-Python modules are imported there; every Qt object is still made on the GUI
    thread afterwards.
    """
    loader = threading.Thread(target=_import_storage_stack, name="fieldvisit-import")
    loader.start()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(lambda: loop.quit() if not loader.is_alive() else None)
    poll.start()
    if loader.is_alive():
        loop.exec()
    poll.stop()
    loader.join()


def open_file(window: MainWindow, path: Path) -> None:
    """Open a file given on the command line or by the desktop (a double-click)."""
    from PySide6.QtGui import QAction

    suffix = path.suffix.lower()
    if suffix == ".fvpack":
        window.open_pack_file(path)
        return
    if suffix == ".fvreturn":
        # A delegate's return is for the organisers: their window reads it with their key.
        organiser = window.findChild(QAction, "action_organiser_window")
        if organiser is not None:
            organiser.trigger()
        window.show_message(
            QCoreApplication.translate(
                "Application", "%1 is a return file: use Collate returns… with your organiser key."
            ).replace("%1", path.name)
        )
        return
    window.show_message(
        QCoreApplication.translate("Application", "Cannot open %1 here.").replace("%1", path.name)
    )


class FileOpenFilter(QObject):
    """Turns the desktop's FileOpen events (macOS Finder, Dock) into `open_file` calls."""

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            if event.file():
                open_file(self.window, Path(event.file()))
                return True
        return super().eventFilter(watched, event)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """The desktop app's entry point (`fieldvisit`, `fieldvisit gui [FILE]`)."""
    app = create_application()
    bench = os.environ.get(BENCH_ENV, "")
    frame = open_frame(paths, language=getattr(args, "lang", None), app=app)
    frame.window.show()
    from fieldvisit.gui import testhooks  # a no-op unless a test sets its env var

    testhooks.install_early(frame.window)
    if bench == "shown":
        QTimer.singleShot(0, lambda: _bench_report("shown", app))
        return int(app.exec())
    # The frame paints and stays responsive while the storage stack loads.
    _load_in_background(app)
    try:
        shell = attach_store(frame, paths)
    except StorageError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            frame.window,
            QCoreApplication.translate("Application", "Cannot open your data"),
            exc.message,
        )
        frame.translators.remove(app)  # as start_shell does: nothing outlives a failed start
        return EXIT_STORAGE
    if bench == "populated":
        wanted = os.environ.get(BENCH_EVENT_ENV, "")
        if wanted:
            shell.ctx.settings.setValue("last_event", wanted)
        programme = shell.window.programme
        programme.populated.connect(
            lambda: _bench_report("populated", app) if programme.programme else None
        )
    shell.start()
    testhooks.install(shell.window, shell.ctx)
    file = getattr(args, "file", None)
    if file:
        open_file(shell.window, Path(file))
    # macOS hands a double-clicked document to the running app as a FileOpen event.
    file_open = FileOpenFilter(shell.window, app)
    app.installEventFilter(file_open)
    app.aboutToQuit.connect(shell.close)
    code = app.exec()
    shell.close()
    return int(code)
