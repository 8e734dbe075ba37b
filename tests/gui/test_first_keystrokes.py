"""Not one keystroke lost: Ctrl+N on a freshly started window, in every section, at once.

Each test presses the real shortcut on the main window and types with no wait after it, as
a delegate does the moment the window shows (issue 10). The note must exist, the editor
must have focus when the shortcut returns, and every key must reach the store.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID as HAGUE_ID

from fieldvisit.app import Frame, Shell, attach_store, open_frame, settings_for
from fieldvisit.gui.main_window import SECTIONS, MainWindow
from fieldvisit.gui.sections.notes import NotesSection
from fieldvisit.paths import AppPaths
from fieldvisit.services import notes
from fieldvisit.services.store import Store
from fieldvisit.settings import WINDOW_SECTION

TEXT = "osprey granite"


@pytest.fixture
def frames(qapp: QApplication) -> Iterator[list[tuple[Frame, Shell | None]]]:
    made: list[tuple[Frame, Shell | None]] = []
    yield made
    for frame, shell in made:
        if shell is not None:
            shell.close()
        else:
            frame.translators.remove(frame.app)
        frame.window.deleteLater()


def _fresh_window(paths: AppPaths, qtbot: QtBot, section: str) -> Frame:
    settings = settings_for(paths)
    settings.set(WINDOW_SECTION, section)
    settings.sync()
    frame = open_frame(paths, language="en", theme="light")
    with qtbot.waitActive(frame.window):  # the desktop gives a new window the keyboard
        frame.window.show()
        frame.window.activateWindow()
    return frame


def _press_ctrl_n_and_type(qtbot: QtBot, window: MainWindow, text: str = TEXT) -> QPlainTextEdit:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    focused = window.focusWidget()
    assert isinstance(focused, QPlainTextEdit), f"focus is on {focused!r}"
    qtbot.keyClicks(focused, text)  # no wait between the shortcut and the keys
    return focused


def _bodies(shell: Shell) -> list[str]:
    def job(store: Store) -> list[str]:
        return [i.note.body for i in notes.list_notes(store, HAGUE_ID)]

    return shell.worker.run_now(job)


def _wait_stored(qtbot: QtBot, shell: Shell, text: str) -> None:
    qtbot.waitUntil(lambda: text in _bodies(shell), timeout=10_000)


@pytest.mark.parametrize("section", SECTIONS)
def test_ctrl_n_before_the_store_opens_keeps_every_key(
    hague_paths: AppPaths,
    qtbot: QtBot,
    frames: list[tuple[Frame, Shell | None]],
    section: str,
) -> None:
    frame = _fresh_window(hague_paths, qtbot, section)
    frames.append((frame, None))
    early = _press_ctrl_n_and_type(qtbot, frame.window, "osprey")
    assert early.toPlainText() == "osprey"
    shell = attach_store(frame, hague_paths)
    frames[-1] = (frame, shell)
    window = frame.window
    notes_section = window.sections["notes"]
    assert isinstance(notes_section, NotesSection)
    # The typing goes on in the real editor, right after what was typed before.
    assert window.current_section == "notes"
    assert window.focusWidget() is notes_section.editor.body
    qtbot.keyClicks(window.focusWidget(), " granite")
    shell.start(folders=[])
    _wait_stored(qtbot, shell, TEXT)
    assert notes_section.editor.body.toPlainText() == TEXT


@pytest.mark.parametrize("section", SECTIONS)
def test_ctrl_n_while_the_events_load_keeps_every_key(
    hague_paths: AppPaths,
    qtbot: QtBot,
    frames: list[tuple[Frame, Shell | None]],
    section: str,
) -> None:
    frame = _fresh_window(hague_paths, qtbot, section)
    shell = attach_store(frame, hague_paths)
    frames.append((frame, shell))
    window = frame.window
    assert window.current_section == section
    body = _press_ctrl_n_and_type(qtbot, window)
    notes_section = window.sections["notes"]
    assert isinstance(notes_section, NotesSection)
    assert body is notes_section.editor.body
    with qtbot.waitSignal(window.events_loaded, timeout=20_000):
        shell.start(folders=[])
    _wait_stored(qtbot, shell, TEXT)
    # The event's arrival did not close the note being written.
    assert notes_section.editor.note_id
    assert notes_section.editor.body.toPlainText() == TEXT
    qtbot.keyClicks(window.focusWidget(), "!")
    _wait_stored(qtbot, shell, TEXT + "!")


@pytest.mark.parametrize("section", SECTIONS)
def test_ctrl_n_from_every_section_once_loaded(
    hague_paths: AppPaths,
    qtbot: QtBot,
    frames: list[tuple[Frame, Shell | None]],
    section: str,
) -> None:
    frame = _fresh_window(hague_paths, qtbot, section)
    shell = attach_store(frame, hague_paths)
    frames.append((frame, shell))
    with qtbot.waitSignal(frame.window.events_loaded, timeout=20_000):
        shell.start(folders=[])
    body = _press_ctrl_n_and_type(qtbot, frame.window)
    notes_section = frame.window.sections["notes"]
    assert isinstance(notes_section, NotesSection)
    assert body is notes_section.editor.body
    _wait_stored(qtbot, shell, TEXT)


def test_keys_typed_before_a_crash_in_the_gap_become_a_note_at_the_next_start(
    hague_paths: AppPaths,
    qtbot: QtBot,
    frames: list[tuple[Frame, Shell | None]],
) -> None:
    import stat

    first = _fresh_window(hague_paths, qtbot, "today")
    frames.append((first, None))
    _press_ctrl_n_and_type(qtbot, first.window, "osprey granite")
    kept = hague_paths.early_note
    qtbot.waitUntil(lambda: kept.is_file() and kept.read_text() == "osprey granite")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    first.window.hide()  # the process dies here: the store never opened

    second = _fresh_window(hague_paths, qtbot, "today")
    shell = attach_store(second, hague_paths)
    frames.append((second, shell))
    with qtbot.waitSignal(second.window.events_loaded, timeout=20_000):
        shell.start(folders=[])
    _wait_stored(qtbot, shell, "osprey granite")
    qtbot.waitUntil(lambda: not kept.exists())
    assert _bodies(shell).count("osprey granite") == 1


def test_the_safety_copy_goes_once_the_note_is_stored(
    hague_paths: AppPaths,
    qtbot: QtBot,
    frames: list[tuple[Frame, Shell | None]],
) -> None:
    frame = _fresh_window(hague_paths, qtbot, "today")
    frames.append((frame, None))
    _press_ctrl_n_and_type(qtbot, frame.window, "osprey")
    shell = attach_store(frame, hague_paths)
    frames[-1] = (frame, shell)
    with qtbot.waitSignal(frame.window.events_loaded, timeout=20_000):
        shell.start(folders=[])
    _wait_stored(qtbot, shell, "osprey")
    qtbot.waitUntil(lambda: not (hague_paths.early_note).exists())
    assert _bodies(shell).count("osprey") == 1
