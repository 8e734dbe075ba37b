"""The database worker: jobs run on one other thread, callbacks on the GUI thread, in order."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldvisit.gui.worker import DbWorker
from fieldvisit.paths import resolve
from fieldvisit.services.store import Store


@pytest.fixture
def worker(data_dir: Path) -> Iterator[DbWorker]:
    store = Store.open(resolve(data_dir))
    db = DbWorker(store)
    yield db
    db.shutdown()
    store.close()


def test_jobs_run_on_one_thread_and_report_on_the_gui_thread(
    worker: DbWorker, qtbot: QtBot
) -> None:
    job_threads: list[str] = []
    delivered: list[tuple[int, str]] = []

    def current() -> str:
        return threading.current_thread().name

    def job(n: int) -> Callable[[Store], int]:
        def run(_store: Store) -> int:
            job_threads.append(threading.current_thread().name)
            return n

        return run

    busy: list[bool] = []
    worker.busy_changed.connect(busy.append)
    for n in range(20):
        worker.submit(job(n), lambda value: delivered.append((value, current())))
    qtbot.waitUntil(lambda: len(delivered) == 20, timeout=5000)
    assert busy == [True, False]
    assert [v for v, _ in delivered] == list(range(20))
    assert {t for _, t in delivered} == {threading.main_thread().name}
    assert len(set(job_threads)) == 1 and job_threads[0] != threading.main_thread().name
    assert worker.pending == 0


def test_a_failing_job_reaches_its_error_callback_or_job_failed(
    worker: DbWorker, qtbot: QtBot
) -> None:
    errors: list[Exception] = []

    def boom(_store: Store) -> None:
        raise ValueError("disk on fire")

    worker.submit(boom, lambda _v: pytest.fail("on_done must not run"), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "disk on fire"
    assert errors[0].__traceback__ is None  # no frames (and no widgets) kept alive
    with qtbot.waitSignal(worker.job_failed, timeout=5000) as failed:
        worker.submit(boom)
    assert failed.args == ["disk on fire"]


def test_run_now_waits_for_the_result(worker: DbWorker) -> None:
    assert worker.run_now(lambda store: store.paths.database.name) == "fieldvisit.sqlite"


def test_results_for_a_closed_window_are_dropped_not_delivered(
    worker: DbWorker, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLineEdit, QWidget

    release = threading.Event()

    def late(_store: Store) -> str:
        release.wait(5)
        return "late"

    class Panel(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.edit = QLineEdit(self)
            self.seen: list[str] = []

        def on_loaded(self, value: str) -> None:
            self.seen.append(self.edit.text() + value)  # touches a child widget

        def load_with_closure(self) -> None:
            def done(value: str) -> None:
                self.edit.setText(value)

            worker.submit(late, done)

    survivor = Panel()
    qtbot.addWidget(survivor)
    closed = Panel()
    worker.submit(late, closed.on_loaded)
    closed.load_with_closure()
    worker.submit(lambda _s: "kept", survivor.on_loaded)
    closed.deleteLater()  # the window is closed while its jobs still run
    qtbot.waitUntil(lambda: not _is_valid(closed), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=5000)
    # no "Internal C++ object already deleted" reached the event loop (pytest-qt would
    # fail the test), and the living window still got its result
    assert survivor.seen == ["kept"]


def _is_valid(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_a_job_submitted_after_shutdown_is_dropped_not_raised(worker: DbWorker) -> None:
    # A timer or a data-changed relay can fire after the app closed its worker; before,
    # submit() raised "cannot schedule new futures after shutdown" in the event loop.
    ran: list[int] = []
    worker.shutdown()
    future = worker.submit(lambda store: ran.append(1), lambda _result: ran.append(2))
    assert future.cancelled()
    assert ran == [] and worker.pending == 0
