"""The one database worker thread: jobs run against the Store there, results return by signal.

As in Anki's collection executor, a single thread owns all database work, so SQLite never
sees two writers from this process and no SQLAlchemy Session crosses threads. Widgets are
only ever touched from the callbacks, which run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    # Only for annotations: the window frame imports this module and must not pull in
    # SQLAlchemy before it is on screen.
    from fieldvisit.services.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)

Job = Callable[["Store"], T]
Callback = Callable[[Any], None]


def bound_to(owner: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """`callback`, dropped silently when `owner` was destroyed before the job finished (a
    dialog closed while its data was loading)."""
    import shiboken6

    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


class DbWorker(QObject):
    """Submit `job(store)`; `on_done(result)` or `on_error(exc)` later runs on the GUI thread."""

    busy_changed = Signal(bool)
    job_failed = Signal(str)  # a job without its own error callback failed: the message
    _delivered = Signal(object, object)  # (callback, value), queued to the GUI thread

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldvisit-db")
        self._pending = 0
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future[T]:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        return self._pool.submit(self._run, job, on_done, on_error)

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet."""
        return self._pending

    def run_now(self, job: Callable[[Store], T]) -> T:
        """Run a job on the worker and wait for it (closing, self-test, tests)."""
        return self._pool.submit(job, self.store).result()

    def _run(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> T:
        try:
            result = job(self.store)
        except Exception as exc:
            log.exception("database job failed")
            self._delivered.emit(on_error or self._report, exc)
            raise
        self._delivered.emit(on_done, result)
        return result

    def _report(self, exc: Exception) -> None:
        self.job_failed.emit(str(exc))

    @Slot(object, object)
    def _on_delivered(self, callback: Callback | None, value: object) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if callback is not None:
            callback(value)

    def shutdown(self) -> None:
        """Finish queued jobs (a pending autosave among them), then stop the thread."""
        self._pool.shutdown(wait=True)
