"""The Organiser window's collation jobs, on the collation store's own serial worker.

The collation store is not the delegate store, so it gets its own single-thread executor:
every database call runs there through services (no SQLAlchemy here), and the results come
back as frozen dataclasses through signals on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import QObject, Signal

from fieldvisit.domain.collation import Overview
from fieldvisit.domain.errors import CredentialsError, UserError
from fieldvisit.gui.worker import SerialWorker
from fieldvisit.services.collate import CollateSummary, Collator, Organiser
from fieldvisit.services.organiser import (
    CollationStore,
    Marker,
    SharedUpgrade,
    open_store,
    read_marker,
    read_overview,
)
from fieldvisit.services.report import write_report


class CollationRunner(QObject):
    """Runs the collation store's jobs on its own serial worker (the collation store is not
    the delegate store, so it gets a thread of its own); results come back as signals on
    the GUI thread."""

    progress = Signal(int, int, str)
    collated = Signal(object)  # CollateSummary
    overview_loaded = Signal(object)  # Overview
    opened = Signal(str)  # where, as it may be shown and remembered (no password)
    report_written = Signal(str)
    failed = Signal(str)
    password_needed = Signal(str, bool)  # where, whether a password was refused
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = SerialWorker(None, name="fieldvisit-collation", parent=self)
        self._worker.busy_changed.connect(self.busy_changed)
        self._cancel = threading.Event()
        self.store: CollationStore | None = None
        self.marker: Marker | None = None
        # A shared store at an older schema: upgraded after a pg_dump, or refused.
        self.upgrade = SharedUpgrade()
        self._stopped = False

    def _submit(self, job: Callable[[], object], done: Callable[[Any], None]) -> None:
        if self._stopped:
            return
        self._worker.submit(lambda _resource: job(), done, self._fail)

    def _fail(self, exc: Exception) -> None:
        if isinstance(exc, CredentialsError):
            self.password_needed.emit(exc.path, exc.wrong)
            return
        self.failed.emit(exc.message if isinstance(exc, UserError) else str(exc))

    def _overview(self) -> Overview:
        if self.store is None:
            return Overview()
        self.marker = read_marker(self.store)
        return read_overview(self.store)

    def open(self, db: str, password: str | None = None) -> None:
        """Open (or create) the store at a path or URL; nothing changes if it fails."""

        def job() -> tuple[str, Overview]:
            store = open_store(db, password=password, upgrade=self.upgrade)
            if self.store is not None:
                self.store.close()
            self.store = store
            return store.where, self._overview()

        def done(result: tuple[str, Overview]) -> None:
            self.opened.emit(result[0])
            self.overview_loaded.emit(result[1])

        self._submit(job, done)

    def reload(self) -> None:
        self._submit(self._overview, self.overview_loaded.emit)

    def check_for_changes(self) -> None:
        """Reload when anyone (another organiser, another window) changed the store."""

        def job() -> Overview | None:
            if self.store is None:
                return None
            marker = read_marker(self.store)
            if marker == self.marker:
                return None
            return self._overview()

        def done(overview: Overview | None) -> None:
            if overview is not None:
                self.overview_loaded.emit(overview)

        self._submit(job, done)

    def collate(
        self,
        files: Sequence[Path],
        private_key: X25519PrivateKey,
        organiser: Organiser | None = None,
    ) -> None:
        """Collate on the worker; the run records `organiser` (default: the login name)."""
        self._cancel.clear()

        def report(done: int, total: int, name: str) -> None:
            # Emitted on the worker thread; Qt queues it to the window on the GUI thread.
            self.progress.emit(done, total, name)

        def job() -> CollateSummary:
            if self.store is None:
                raise UserError("open or create a collation store first")
            return Collator(self.store, private_key, organiser).collate(
                list(files), progress=report, cancelled=self._cancel.is_set
            )

        self._submit(job, self._collated)

    def _collated(self, summary: CollateSummary) -> None:
        self.collated.emit(summary)
        self.reload()

    def cancel(self) -> None:
        self._cancel.set()

    def write_report(self, folder: Path) -> None:
        def job() -> str:
            if self.store is None:
                raise UserError("open a collation store first")
            write_report(read_overview(self.store), folder)
            return str(folder)

        self._submit(job, self.report_written.emit)

    def shutdown(self) -> None:
        """Cancel, let the current file finish, close the store and stop the thread."""
        if self._stopped:
            return
        self._stopped = True
        self._cancel.set()

        def close() -> None:
            if self.store is not None:
                self.store.close()
                self.store = None

        self._worker.run_now(lambda _resource: close())
        self._worker.shutdown()
