"""Background threads for the GUI: jobs run there, results come back to the GUI thread.

`DbWorker` is the one database thread of the delegate store; the Organiser window's
collation store has a `SerialWorker` of its own. Widgets are only ever touched from the
callbacks, which run on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from fieldvisit.domain.errors import UserError

if TYPE_CHECKING:
    # Only for annotations: the window frame imports this module and must not pull in
    # SQLAlchemy before it is on screen.
    from fieldvisit.services.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


def owner_of(callback: Callable[..., object]) -> QObject | None:
    """The widget a callback belongs to: the object of a bound method, or the `self` a
    closure (a nested function or lambda inside a method) was made over. Results for an
    owner that has been destroyed (a dialog closed while its job ran) are dropped."""
    target = getattr(callback, "__self__", None)
    if isinstance(target, QObject):
        return target
    code = getattr(callback, "__code__", None)
    cells = getattr(callback, "__closure__", None)
    if code is not None and cells and "self" in code.co_freevars:
        try:
            candidate = cells[code.co_freevars.index("self")].cell_contents
        except ValueError:  # the cell is still empty
            return None
        if isinstance(candidate, QObject):
            return candidate
    return None


def _alive(callback: Callable[..., object]) -> bool:
    import shiboken6

    owner = owner_of(callback)
    return owner is None or shiboken6.isValid(owner)


class SerialWorker(QObject):
    """One background thread: `submit(job)` runs `job(resource)` there, in order, and
    `on_done(result)` or `on_error(exc)` later runs on the GUI thread, unless the widget
    the callback belongs to (see `owner_of`) was destroyed in the meantime.

    The worker thread never holds the last reference to a job or a callback: jobs and
    callbacks are closures over widgets, and if the worker dropped the last reference,
    Python would destroy the widget on the worker thread and Qt would crash (seen as a
    segfault at `del work_item` in concurrent.futures). So the GUI thread keeps them in
    `_jobs` until their result is delivered; the worker borrows a job under `_lock` and
    lets go of it, and of the result, before the GUI thread can take the result.
    """

    busy_changed = Signal(bool)
    job_failed = Signal(str)  # a job without its own error callback failed: the message
    _delivered = Signal()  # results are waiting in _results (queued to the GUI thread)

    def __init__(
        self, resource: object, *, name: str = "fieldvisit-worker", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._resource = resource
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._lock = threading.Lock()
        self._jobs: dict[int, tuple[Callable[[Any], Any], Callback | None, Callback | None]] = {}
        self._results: list[tuple[int, bool, object]] = []  # (token, succeeded, value)
        self._tokens = itertools.count()
        self._stopped = False
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        job: Callable[[Any], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future[None]:
        if self._stopped:
            # The app is closing: the store is being closed, and a late refresh (a timer
            # or a data-changed relay firing after close) has nothing left to show.
            log.debug("dropped a job submitted after the worker stopped")
            dropped: Future[None] = Future()
            dropped.cancel()
            return dropped
        token = next(self._tokens)
        with self._lock:
            self._jobs[token] = (job, on_done, on_error)
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        return self._pool.submit(self._run, token)

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet."""
        return len(self._jobs)

    def run_now(self, job: Callable[[Any], T]) -> T:
        """Run a job on the worker and wait for it (closing, self-test, tests)."""
        holder: list[Callable[[Any], T]] = [job]

        def call() -> T:
            with self._lock:
                borrowed = holder.pop()  # the caller still holds `job` while it waits
            try:
                return borrowed(self._resource)
            finally:
                del borrowed

        return self._pool.submit(call).result()

    def _run(self, token: int) -> None:
        with self._lock:
            job = self._jobs[token][0]
        try:
            value: object = job(self._resource)
            succeeded = True
        except Exception as exc:
            if not isinstance(exc, UserError):  # a user's mistake is reported, not a bug
                log.exception("background job failed")
            # The traceback's frames hold the job's closure cells: keep none of it here.
            value, succeeded = exc.with_traceback(None), False
        with self._lock:
            self._results.append((token, succeeded, value))
            del job, value
        self._delivered.emit()

    def _report(self, exc: Exception) -> None:
        self.job_failed.emit(str(exc))

    @Slot()
    def _on_delivered(self) -> None:
        with self._lock:
            ready, self._results = self._results, []
            done = [(self._jobs.pop(token), ok, value) for token, ok, value in ready]
        if done and not self._jobs:
            self.busy_changed.emit(False)
        for (_job, on_done, on_error), succeeded, value in done:
            callback: Callback | None = on_done if succeeded else (on_error or self._report)
            if callback is None:
                continue
            if not _alive(callback):
                log.debug("dropped the result of a job whose window was closed")
                continue
            callback(value)

    def shutdown(self) -> None:
        """Finish queued jobs (a pending autosave among them), then stop the thread.

        Jobs submitted afterwards are dropped (their Future is cancelled), not raised as
        "cannot schedule new futures after shutdown" in the GUI's event loop.
        """
        self._stopped = True
        self._pool.shutdown(wait=True)


class DbWorker(SerialWorker):
    """The one database thread: jobs get the Store (`job(store)`).

    As in Anki's collection executor, a single thread owns all database work, so SQLite
    never sees two writers from this process and no SQLAlchemy Session crosses threads.
    """

    def __init__(self, store: Store | None, parent: QObject | None = None) -> None:
        super().__init__(store, name="fieldvisit-db", parent=parent)
        self.opened = store  # None until `open_store` has opened it

    @property
    def store(self) -> Store:
        if self.opened is None:
            raise UserError("your data is not open yet")
        return self.opened

    def open_store(
        self,
        opener: Callable[[], Store],
        on_done: Callable[[Store], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """A worker made without a store (None) opens it as its first job: the jobs
        submitted meanwhile wait behind it, and get the store. If it cannot be opened,
        they fail as a UserError (reported, not logged as a bug)."""

        def open_it(_none: object) -> Store:
            try:
                store = opener()
            except BaseException:
                self._resource = _NotOpen()
                raise
            self._resource = self.opened = store
            return store

        self.submit(open_it, on_done, on_error)


class _NotOpen:
    """The resource of a worker whose store could not be opened: every job fails."""

    def __getattr__(self, name: str) -> object:
        raise UserError("your data could not be opened")
