"""A person's page in Contacts: sessions and hosted stops one click away, the notes on them,
"Note on this person" on the card and on every speaker and host link; details by consent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID as HAGUE_ID
from test_note_targets import anchor_point

from fieldvisit.app import Shell
from fieldvisit.gui.sections.contacts import ContactsSection
from fieldvisit.gui.sections.notes import NotesSection
from fieldvisit.gui.sections.visit import VisitSection
from fieldvisit.returns.draft import choose
from fieldvisit.services import notes
from fieldvisit.services.returns import compose_draft
from fieldvisit.services.store import Store


def open_person(qtbot: QtBot, shell: Shell, uid: str) -> ContactsSection:
    shell.window.show_section("contacts")
    contacts = shell.window.sections["contacts"]
    assert isinstance(contacts, ContactsSection)
    with qtbot.waitSignal(contacts.page_shown, timeout=10_000, check_params_cb=lambda p: p == uid):
        contacts.show_target("person", uid)
    return contacts


def click(qtbot: QtBot, browser: object, href: str) -> None:
    from PySide6.QtWidgets import QTextBrowser

    assert isinstance(browser, QTextBrowser)
    point = anchor_point(browser, href)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def notes_on(shell: Shell, uid: str) -> list[notes.Note]:
    def job(store: Store) -> list[notes.Note]:
        return [
            i.note
            for i in notes.list_notes(store, HAGUE_ID)
            if (i.note.target_kind, i.note.target_uid) == ("person", uid)
        ]

    return shell.worker.run_now(job)


def test_page_lists_sessions_one_click_away(shell: Shell, qtbot: QtBot) -> None:
    contacts = open_person(qtbot, shell, "facilitator-1")
    text = contacts.card.toPlainText()
    assert "Working-group facilitator 1 (fictional)" in text
    assert "Facilitators" in text and "Politie (fictional role)" in text
    assert "facilitator1@example.org" in text  # listed: consented
    page = contacts.page
    assert page is not None and {s.id for s in page.sessions} == {
        "d1-wg-risk",
        "d2-wg-reintegration",
    }
    click(qtbot, contacts.card, "fv:session/d2-wg-reintegration")
    assert shell.window.current_section == "programme"
    detail = shell.window.programme.detail
    assert detail.session is not None and detail.session.id == "d2-wg-reintegration"


def test_host_page_lists_stops_one_click_away(shell: Shell, qtbot: QtBot) -> None:
    contacts = open_person(qtbot, shell, "host-neighbourhood")
    assert contacts.page is not None
    assert [s.id for s in contacts.page.stops] == ["stop-community-centre"]
    click(qtbot, contacts.card, "fv:stop/stop-community-centre")  # Visit not built yet
    assert shell.window.current_section == "visit"
    visit = shell.window.sections["visit"]
    assert isinstance(visit, VisitSection)
    qtbot.waitUntil(lambda: visit.note_target() == ("stop", "stop-community-centre"))


def test_details_only_where_consent_allows(shell: Shell, qtbot: QtBot) -> None:
    contacts = open_person(qtbot, shell, "facilitator-2")
    text = contacts.card.toPlainText()
    assert "facilitator2@example.org" not in text and "+31 70 000 0012" not in text
    assert "not shared" in text


def test_note_on_this_person_from_the_card_is_listed_on_the_page(
    shell: Shell, qtbot: QtBot
) -> None:
    contacts = open_person(qtbot, shell, "host-youth")
    assert "None yet" in contacts.card.toPlainText()
    qtbot.mouseClick(contacts.note_button, Qt.MouseButton.LeftButton)
    section = shell.window.sections["notes"]
    assert isinstance(section, NotesSection)
    assert shell.window.current_section == "notes"
    assert shell.window.focusWidget() is section.editor.body
    with qtbot.waitSignal(section.saved, timeout=5000):
        qtbot.keyClicks(section.editor.body, "Youth work needs more hours")
    assert section.editor.target_label.text().startswith("About: Youth worker host")
    qtbot.waitUntil(lambda: [n.body for n in notes_on(shell, "host-youth")] != [])
    note = notes_on(shell, "host-youth")[0]
    with qtbot.waitSignal(contacts.page_shown, timeout=10_000):
        shell.window.show_section("contacts")
    assert "Youth work needs more hours" in contacts.card.toPlainText()
    click(qtbot, contacts.card, f"fv:note/{note.id}")
    assert shell.window.current_section == "notes"
    qtbot.waitUntil(lambda: section.editor.note_id == note.id)


def test_note_on_a_speaker_from_the_session_and_on_a_host_from_the_stop(
    shell: Shell, qtbot: QtBot
) -> None:
    window = shell.window
    window.show_section("programme")
    window.programme.show_target("session", "d1-opening")
    click(qtbot, window.programme.detail.body, "fv:note-person/mayor")
    section = window.sections["notes"]
    assert isinstance(section, NotesSection)
    assert section.editor._draft is not None
    assert (section.editor._draft.target_kind, section.editor._draft.target_uid) == (
        "person",
        "mayor",
    )
    assert window.focusWidget() is section.editor.body

    window.show_section("visit")
    visit = window.sections["visit"]
    assert isinstance(visit, VisitSection)
    qtbot.waitUntil(lambda: visit.model.rowCount() > 0, timeout=10_000)
    visit.show_target("stop", "stop-hobbemaplein")
    click(qtbot, visit.detail, "note-person:host-police")
    assert window.current_section == "notes"
    assert section.editor._draft is not None
    assert section.editor._draft.target_uid == "host-police"


def test_notes_on_people_go_to_organisers_only_as_any_note(shell: Shell) -> None:
    shared = notes.NoteDraft(notes.new_note_id(), HAGUE_ID, "Mayor was clear", (), False)
    private = notes.NoteDraft(notes.new_note_id(), HAGUE_ID, "Mayor's phone?", (), True)

    def job(store: Store) -> None:
        for draft in (shared, private):
            notes.save_note(
                store,
                notes.NoteDraft(
                    draft.id, HAGUE_ID, draft.body, (), draft.private, "person", "mayor"
                ),
            )

    shell.worker.run_now(job)
    draft = shell.worker.run_now(lambda store: compose_draft(store, HAGUE_ID))
    keys = {i.key: i for i in draft.items}
    assert f"note:{shared.id}" in keys and f"note:{private.id}" not in keys
    item = keys[f"note:{shared.id}"]
    assert item.label.startswith("Jozias van Aartsen: Mayor was clear")
    assert item.record.fields["target_kind"] == "person"
    # Unticked in Send to organisers, it does not go.
    chosen = choose(draft, excluded={f"note:{shared.id}"})
    assert all(r.id != shared.id for r in chosen.records)
    assert any(r.id == shared.id for r in choose(draft).records)


def test_biography_shown_when_the_source_has_one(shell: Shell, qtbot: QtBot) -> None:
    from fieldvisit.domain.model import Person, Role

    contacts = open_person(qtbot, shell, "mayor")
    assert "Break through" not in contacts.card.toPlainText()
    person = Person("p1", "A Speaker", Role.SPEAKER, biography="Break through direction.\n\nMore.")
    html = contacts._card_html(person)
    assert "<p>Break through direction.</p>" in html and "<p>More.</p>" in html
