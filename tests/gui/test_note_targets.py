"""Ctrl+N on what is on screen (issue 16), a free note on Ctrl+Shift+N, and the first click
on a speaker after start opening that speaker (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID as HAGUE_ID

from fieldvisit.app import Shell
from fieldvisit.gui.sections.contacts import ContactsSection
from fieldvisit.gui.sections.notes import NotesSection
from fieldvisit.gui.sections.visit import VisitSection
from fieldvisit.services import notes
from fieldvisit.services.store import Store


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """Where a link is drawn in a text browser's viewport, to click it as a person would."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + 1)
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href} in {browser.toHtml()[:400]}")


def stored(shell: Shell) -> list[notes.Note]:
    def job(store: Store) -> list[notes.Note]:
        return [i.note for i in notes.list_notes(store, HAGUE_ID)]

    return shell.worker.run_now(job)


def ctrl_n(qtbot: QtBot, shell: Shell, *, shift: bool = False) -> NotesSection:
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    shell.window.activateWindow()
    qtbot.keyClick(shell.window, Qt.Key.Key_N, mods)
    section = shell.window.sections["notes"]
    assert isinstance(section, NotesSection)
    assert shell.window.focusWidget() is section.editor.body
    return section


def test_ctrl_n_in_the_programme_is_a_note_on_the_selected_session(
    shell: Shell, qtbot: QtBot
) -> None:
    shell.window.show_section("programme")
    shell.window.programme.show_target("session", "d1-inspiration")
    assert shell.window.programme.detail.session is not None
    section = ctrl_n(qtbot, shell)
    assert section.editor.target_label.text().startswith("On the session:")
    qtbot.keyClicks(section.editor.body, "prevention works")
    qtbot.waitUntil(lambda: any(n.body == "prevention works" for n in stored(shell)))
    note = next(n for n in stored(shell) if n.body == "prevention works")
    assert (note.target_kind, note.target_uid) == ("session", "d1-inspiration")


def test_ctrl_shift_n_is_a_note_of_your_own(shell: Shell, qtbot: QtBot) -> None:
    shell.window.show_section("programme")
    shell.window.programme.show_target("session", "d1-inspiration")
    section = ctrl_n(qtbot, shell, shift=True)
    assert section.editor.target_label.text() == "A note of your own"
    qtbot.keyClicks(section.editor.body, "free thought")
    qtbot.waitUntil(lambda: any(n.body == "free thought" for n in stored(shell)))
    note = next(n for n in stored(shell) if n.body == "free thought")
    assert note.target_kind == ""


def test_ctrl_n_on_a_stop_and_on_a_person(shell: Shell, qtbot: QtBot) -> None:
    shell.window.show_section("visit")
    visit = shell.window.sections["visit"]
    assert isinstance(visit, VisitSection)
    qtbot.waitUntil(lambda: visit.model.rowCount() > 0, timeout=10_000)
    visit.list.setCurrentIndex(visit.model.index(1, 0))
    stop = visit.note_target()
    assert stop is not None and stop[0] == "stop"
    section = ctrl_n(qtbot, shell)
    assert section.editor.target_label.text().startswith("At the stop:")
    assert section.editor._draft is not None
    assert (section.editor._draft.target_kind, section.editor._draft.target_uid) == stop

    shell.window.show_section("contacts")
    contacts = shell.window.sections["contacts"]
    assert isinstance(contacts, ContactsSection)
    qtbot.waitUntil(lambda: contacts.is_loaded, timeout=10_000)
    contacts.show_target("person", "mayor")
    section = ctrl_n(qtbot, shell)
    assert section.editor._draft is not None
    assert (section.editor._draft.target_kind, section.editor._draft.target_uid) == (
        "person",
        "mayor",
    )


def test_both_note_shortcuts_are_in_the_menu_and_the_f1_list(shell: Shell) -> None:
    window = shell.window
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert isinstance(edit, QMenu)
    shortcuts = {a.shortcut().toString() for a in edit.actions()}
    assert {"Ctrl+N", "Ctrl+Shift+N"} <= shortcuts
    window.on_shortcuts()
    box = window.info_box
    assert box is not None
    assert "Ctrl+Shift+N" in box.text() and "Ctrl+N" in box.text()
    box.close()


def test_first_click_on_a_speaker_after_start_opens_that_speaker(
    shell: Shell, qtbot: QtBot
) -> None:
    window = shell.window
    assert "contacts" not in [w.objectName()[8:] for w in window.sections.built()]
    window.show_section("programme")
    window.programme.show_target("session", "d2-inspiration")
    body = window.programme.detail.body
    point = anchor_point(body, "fv:person/speaker-networks")
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_section == "contacts"
    contacts = window.sections["contacts"]
    assert isinstance(contacts, ContactsSection)
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0, timeout=10_000)
    assert "Inspiration speaker B" in contacts.card.toPlainText()
    assert contacts.note_target() == ("person", "speaker-networks")
