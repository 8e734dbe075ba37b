"""Qt helpers of the desktop app's start: the QApplication, loading the storage stack while
the frame paints, and files handed over by the desktop. `fieldvisit.app` wires them."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fieldvisit import __version__
from fieldvisit.gui.import_hook import lighten_pyside_import_hook
from fieldvisit.gui.main_window import MainWindow
from fieldvisit.gui.theme import icon

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


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


def paint_now(app: QApplication) -> None:
    """Paint what is shown now (the window frame) before the start-up work that follows.
    User input is left in the queue: the event loop delivers it, in order, afterwards."""
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _import_storage_stack() -> None:
    import fieldvisit.services.programme
    import fieldvisit.services.store  # noqa: F401  (SQLAlchemy, Alembic: most of start-up)


def load_in_background(app: QApplication) -> None:
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
    suffix = path.suffix.lower()
    if suffix == ".fvpack":
        window.open_pack_file(path)
        return
    if suffix == ".fvreturn":
        # A delegate's return is for the organisers: they collate it in their own window.
        window.show_message(
            QCoreApplication.translate(
                "Application",
                "%1 is a return file for the organisers: they collate it in the Organiser "
                "window (fieldvisit organiser) with their key.",
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
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QFileOpenEvent

        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            if event.file():
                open_file(self.window, Path(event.file()))
                return True
        return super().eventFilter(watched, event)
