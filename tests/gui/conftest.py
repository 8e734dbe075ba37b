"""GUI test set-up: a store holding the Hague sample (built once per run, copied per test)
and a running window shell around it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell, start_shell
from fieldvisit.paths import AppPaths, resolve
from fieldvisit.services.store import Store


@pytest.fixture(scope="session")
def hague_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the Hague sample installed, made once per test run."""
    from fieldvisit.services.importing import ensure_sample

    folder = tmp_path_factory.mktemp("hague-template") / "data"
    store = Store.open(resolve(folder))
    try:
        ensure_sample(store)
    finally:
        store.close()
    return folder


@pytest.fixture
def hague_paths(data_dir: Path, hague_template: Path) -> AppPaths:
    shutil.copytree(hague_template, data_dir)
    return resolve(data_dir)


ShellFactory = Callable[..., Shell]


@pytest.fixture
def make_shell(qtbot: QtBot, qapp: object) -> Iterator[ShellFactory]:
    """Start a window shell on some paths (shown, events loaded); all closed at teardown."""
    started: list[Shell] = []

    def make(paths: AppPaths, *, language: str = "en", show: bool = True) -> Shell:
        shell = start_shell(paths, language=language, theme="light")
        started.append(shell)
        if show:
            shell.window.show()
            qtbot.waitExposed(shell.window)
        with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
            shell.start(folders=[])
        return shell

    yield make
    for shell in started:
        shell.close()
        shell.window.deleteLater()


@pytest.fixture
def shell(make_shell: ShellFactory, hague_paths: AppPaths, qtbot: QtBot) -> Shell:
    """The app on the Hague sample with its programme on screen."""
    started = make_shell(hague_paths)
    qtbot.waitUntil(lambda: started.window.programme.programme is not None, timeout=10_000)
    return started


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # WORKAROUND: Qt's offscreen platform plugin warns "This plugin does not support
    # propagateSizeHints()" (or "raise()") when a dialog is shown; it says nothing about our code.
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
