"""The app lock, driven as a delegate would: Ctrl+L, a wrong passcode, the right one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.gui.lock import UnlockDialog
from fieldvisit.paths import AppPaths
from fieldvisit.services import notes
from fieldvisit.services.store import Store, store_files, unlock_key
from fieldvisit.settings import LOCK_IDLE_MINUTES
from fieldvisit.storage import cipher, keyfile

MARKER = "quetzalmarker"
PASSCODE = "blue lantern 42"


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(keyfile, "DEFAULT_PARAMS", keyfile.KdfParams(1024, 1, 1))
    monkeypatch.setattr(cipher.THROTTLE, "sleep", lambda _s: None)
    yield


@pytest.fixture
def locked_paths(hague_paths: AppPaths) -> AppPaths:
    cipher.protect(store_files(hague_paths), PASSCODE)
    return hague_paths


@pytest.fixture
def secure_shell(locked_paths: AppPaths, qtbot: QtBot, qapp: object) -> Iterator[Shell]:
    from fieldvisit.app import start_shell

    shell = start_shell(
        locked_paths, language="en", theme="light", key=unlock_key(locked_paths, PASSCODE)
    )
    shell.window.show()
    qtbot.waitExposed(shell.window)
    with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
        shell.start(folders=[])
    qtbot.waitUntil(lambda: shell.window.programme.programme is not None, timeout=10_000)
    yield shell
    shell.close()
    shell.window.deleteLater()


def files_holding(folder: Path, *words: str) -> list[str]:
    forms = [f for w in words for f in (w.encode(), w.encode("utf-16-le"), w.encode("utf-16-be"))]
    return sorted(
        str(p)
        for p in folder.rglob("*")
        if p.is_file() and any(form in p.read_bytes() for form in forms)
    )


def session_title(shell: Shell) -> str:
    programme = shell.window.programme.programme
    assert programme is not None
    return max((s.title for s in programme.sessions), key=len)


def test_ctrl_l_saves_the_note_locks_and_leaves_no_word_behind(
    secure_shell: Shell, locked_paths: AppPaths, qtbot: QtBot
) -> None:
    shell = secure_shell
    window = shell.window
    lock = shell.lock
    assert lock is not None and lock.action.isEnabled()
    window.new_note("", "")
    section = window.sections["notes"]
    editor = section.editor  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.body, f"Met the {MARKER} team")
    title = session_title(shell)

    with qtbot.waitSignal(lock.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.centralWidget() is lock.screen
    assert not window.menuBar().isVisible()
    qtbot.waitUntil(lambda: shell.store.key is None, timeout=10_000)

    # Locked: the words are nowhere on disk, in any encoding, nor a session title.
    for folder in (locked_paths.data, locked_paths.cache):
        assert files_holding(folder, MARKER, title) == []

    panel = lock.panel
    qtbot.keyClicks(panel.passcode, "not it")
    with qtbot.waitSignal(panel.failed, timeout=10_000):
        qtbot.keyClick(panel.passcode, Qt.Key.Key_Return)
    assert "Wrong passcode" in panel.message.text()
    assert window.centralWidget() is lock.screen

    panel.passcode.clear()
    qtbot.keyClicks(panel.passcode, PASSCODE)
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert window.centralWidget() is not lock.screen and window.menuBar().isVisible()
    assert shell.store.key is not None

    def bodies(store: Store) -> list[str]:
        return [n.note.body for n in notes.list_notes(store, shell.ctx.event_id)]

    assert f"Met the {MARKER} team" in shell.worker.run_now(bodies)


def test_idle_minutes_lock_the_window(secure_shell: Shell, qtbot: QtBot) -> None:
    lock = secure_shell.lock
    assert lock is not None
    assert lock.idle.isActive() and lock.idle.interval() == 5 * 60_000  # the default
    secure_shell.ctx.settings.set(LOCK_IDLE_MINUTES, "0")
    lock.apply_settings()
    assert not lock.idle.isActive()  # 0 = never
    lock.idle.setInterval(1)
    lock.idle.start()
    with qtbot.waitSignal(lock.locked, timeout=10_000):
        pass
    assert lock.is_locked


def test_unlock_dialog_at_start(locked_paths: AppPaths, qtbot: QtBot) -> None:
    dialog = UnlockDialog(locked_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    forgotten = dialog.findChild(QLabel, "unlock_forgotten")
    assert forgotten is not None and "cannot be recovered" in forgotten.text()
    qtbot.keyClicks(dialog.panel.passcode, "wrong")
    with qtbot.waitSignal(dialog.panel.failed, timeout=10_000):
        qtbot.keyClick(dialog.panel.passcode, Qt.Key.Key_Return)
    assert dialog.panel.passcode.selectedText() == "wrong"  # typing replaces it
    qtbot.keyClicks(dialog.panel.passcode, PASSCODE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.panel.passcode, Qt.Key.Key_Return)
    assert dialog.key is not None and len(dialog.key) == 32


def test_a_plain_store_has_nothing_to_lock(shell: Shell) -> None:
    assert shell.lock is not None and not shell.lock.action.isEnabled()
    shell.lock.lock()
    assert not shell.lock.is_locked
