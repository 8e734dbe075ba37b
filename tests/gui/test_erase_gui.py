"""Erase for real from the window: Notes' Empty Deleted… and Event > Erase this event's data…,
clicked as a delegate would, then the store's files grepped for the erased words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.gui.erase import EmptyBinDialog, EraseEventDialog
from fieldvisit.paths import AppPaths
from fieldvisit.services import notes
from fieldvisit.services.store import Store
from tests.gui.conftest import ShellFactory

GONE = "zanzibarword"
KEPT = "keptwordmarker"
SAMPLE = "sample-hague-rftf-2017"


def files_holding(folder: Path, word: str) -> list[str]:
    forms = (word.encode(), word.encode("utf-16-le"), word.encode("utf-16-be"))
    return sorted(
        str(p)
        for p in folder.rglob("*")
        if p.is_file() and any(form in p.read_bytes() for form in forms)
    )


def write_notes(paths: AppPaths, *, deleted: str, kept: str) -> None:
    store = Store.open(paths)
    try:
        for body, delete in ((f"Heard about {deleted} at lunch", True), (f"{kept} stays", False)):
            note_id = notes.new_note_id()
            notes.save_note(store, notes.NoteDraft(note_id, SAMPLE, body))
            notes.save_note(store, notes.NoteDraft(note_id, SAMPLE, body + " (edited)"))
            if delete:
                notes.set_deleted(store, note_id, True)
    finally:
        store.close()


def open_notes_bin(shell: Shell, qtbot: QtBot) -> object:
    window = shell.window
    window.show_section("notes")
    section = window.sections["notes"]
    qtbot.waitUntil(lambda: bool(getattr(section, "loaded", False)), timeout=10_000)
    combo = section.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData("deleted"))  # Show: Deleted
    return section


def test_empty_deleted_erases_the_deleted_notes_for_real(
    hague_paths: AppPaths, make_shell: ShellFactory, qtbot: QtBot
) -> None:
    write_notes(hague_paths, deleted=GONE, kept=KEPT)
    assert files_holding(hague_paths.data, GONE)  # soft-deleted: the words are still there
    shell = make_shell(hague_paths)
    section = open_notes_bin(shell, qtbot)
    button = section.findChild(QPushButton, "empty_bin_button")  # type: ignore[attr-defined]
    assert button is not None
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shell.window.findChild(EmptyBinDialog)
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "1 deleted note" in texts and "cannot be undone" in texts
    erase = dialog.findChild(QPushButton, "erase_ok")
    assert erase is not None
    with qtbot.waitSignal(dialog.erased, timeout=10_000):
        qtbot.mouseClick(erase, Qt.MouseButton.LeftButton)
    message = dialog.findChild(QLabel, "erase_message")
    assert message is not None and "1 deleted note erased" in message.text()
    assert not erase.isVisible()
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=10_000)  # the bin is empty now
    assert files_holding(hague_paths.data, GONE) == []
    assert files_holding(hague_paths.data, KEPT)  # a note not deleted stays (plain store)


def test_cancel_erases_nothing(
    hague_paths: AppPaths, make_shell: ShellFactory, qtbot: QtBot
) -> None:
    write_notes(hague_paths, deleted=GONE, kept=KEPT)
    shell = make_shell(hague_paths)
    section = open_notes_bin(shell, qtbot)
    button = section.findChild(QPushButton, "empty_bin_button")  # type: ignore[attr-defined]
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shell.window.findChild(EmptyBinDialog)
    assert dialog is not None
    with qtbot.assertNotEmitted(dialog.erased):
        qtbot.mouseClick(dialog.findChild(QPushButton, "erase_cancel"), Qt.MouseButton.LeftButton)
    done: list[bool] = []
    shell.worker.submit(lambda _store: None, lambda _result: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)  # every job before it has run
    assert files_holding(hague_paths.data, GONE)


def test_erase_this_events_data_wants_the_name_and_erases_for_real(
    hague_paths: AppPaths, make_shell: ShellFactory, qtbot: QtBot
) -> None:
    write_notes(hague_paths, deleted=GONE, kept=KEPT)
    shell = make_shell(hague_paths)
    window = shell.window
    qtbot.waitUntil(lambda: shell.ctx.event_id == SAMPLE, timeout=10_000)
    action = window.findChild(QAction, "action_erase_event")
    assert action is not None and action.isEnabled()
    menu = window.findChild(QMenu, "menu_event")
    assert menu is not None and action in menu.actions()
    action.trigger()  # Event > Erase this event's data…
    dialog = window.findChild(EraseEventDialog)
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Returns you already sent are not affected" in texts
    assert "cannot be undone" in texts and window.event_title in texts
    erase = dialog.findChild(QPushButton, "erase_ok")
    typed = dialog.findChild(QLineEdit, "erase_typed_name")
    assert erase is not None and typed is not None
    assert not erase.isEnabled()
    qtbot.keyClicks(typed, "some other event")
    assert not erase.isEnabled()
    typed.clear()
    qtbot.keyClicks(typed, window.event_title.upper())  # the name, whatever the case
    assert erase.isEnabled()
    with qtbot.waitSignal(shell.ctx.delegate_data_changed, timeout=10_000):
        qtbot.mouseClick(erase, Qt.MouseButton.LeftButton)
    message = dialog.findChild(QLabel, "erase_message")
    assert message is not None and "Erased for real: 2 notes" in message.text()
    from fieldvisit.services.erase import Erased

    # Each count in its own plural form (it said "1 notes").
    one = dialog._erased(Erased(notes=1, answers=1, other=1))
    assert one == "Erased for real: 1 note, 1 answer and 1 other record."
    assert dialog._erased(Erased(notes=0, answers=3, other=2)) == (
        "Erased for real: 0 notes, 3 answers and 2 other records."
    )
    for word in (GONE, KEPT):
        assert files_holding(hague_paths.data, word) == []
    # The organiser's programme stays installed.
    assert window.programme.programme is not None and window.programme.programme.sessions
