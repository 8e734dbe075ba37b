"""Issue 9: presentations shared or not, in the Documents section and the session detail,
with the status in words; and the four samples installed and opened."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.gui.sections.documents import DocumentsSection
from fieldvisit.services.samples import install_sample

LIAISE = "sample-liaise2-seminar-2017"


def record_into(calls: list[QUrl]) -> object:
    def record(url: QUrl) -> bool:
        calls.append(url)
        return True

    return record


def switch_to(shell: Shell, qtbot: QtBot, event_id: str) -> None:
    with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
        shell.window.load_events(event_id)
    assert shell.ctx.event_id == event_id
    qtbot.waitUntil(
        lambda: (
            shell.window.programme.programme is not None
            and shell.window.programme.programme.event.id == event_id
        ),
        timeout=10_000,
    )


def documents_of(shell: Shell, qtbot: QtBot) -> DocumentsSection:
    shell.window.show_section("documents")
    section = shell.window.sections["documents"]
    assert isinstance(section, DocumentsSection)
    qtbot.waitUntil(lambda: section.data.event_id == shell.ctx.event_id, timeout=10_000)
    return section


def rows(section: DocumentsSection) -> dict[str, str]:
    model = section.model
    return {
        model.row_at(r).document.id: str(model.index(r, 0).data()) for r in range(model.rowCount())
    }


def test_liaise_documents_say_which_are_shared(
    shell: Shell, qtbot: QtBot, qtmodeltester: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell.worker.run_now(lambda store: install_sample(store, "liaise"))
    switch_to(shell, qtbot, LIAISE)
    section = documents_of(shell, qtbot)
    qtbot.waitUntil(lambda: section.model.rowCount() == 4, timeout=10_000)
    qtmodeltester.check(section.model)  # type: ignore[attr-defined]
    shown = rows(section)
    assert "Confidential: not shared" in shown["dutch-probation-slides"]
    assert "Session: The Dutch approach" in shown["dutch-probation-slides"]
    assert "Confidential: not shared" in shown["european-approaches-slides"]
    assert "Confidential" not in shown["chapman-slides"]
    assert "presentation-tim-chapman-liaise2.md" in shown["chapman-slides"]
    assert "Illustrative" in shown["chapman-slides"]
    # The confidential one: Open is off, and the app says plainly it is not available.
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", record_into(opened))
    section.show_target("document", "dutch-probation-slides")
    assert not section.open_button.isEnabled() and not section.external_button.isEnabled()
    assert "not available" in section.info.text()
    with qtbot.waitSignal(section.open_failed, timeout=3000) as failed:
        section.open_item(section.model.row_at(section.model.row_of("dutch-probation-slides")))
    assert "confidential and not shared" in failed.args[0] and opened == []
    # A shared one opens in the app.
    section.show_target("document", "chapman-slides")
    assert section.open_button.isEnabled()
    with qtbot.waitSignal(section.opened, timeout=10_000):
        section.open_button.click()
    assert "ALTERNATIVE research project" in section.text_view.toPlainText()
    assert section.notice.isVisible() and section.notice.text() == "Illustrative"


def test_session_detail_shows_the_sharing_status(shell: Shell, qtbot: QtBot) -> None:
    shell.worker.run_now(lambda store: install_sample(store, "liaise"))
    switch_to(shell, qtbot, LIAISE)
    shell.window.show_section("programme")
    programme = shell.window.programme
    programme.show_target("session", "dutch-probation")
    text = programme.detail.body.toPlainText()
    assert "Dutch probation services: risk-assessment tools and partnership (presentation)" in text
    assert "(Confidential: not shared; not available)" in text
    assert "fv:document/dutch-probation-slides" not in programme.detail.body.toHtml()
    assert "Illustrative: this item's time, room or details are invented" in text
    programme.show_target("session", "alternative-ni")
    html = programme.detail.body.toHtml()
    assert "fv:document/chapman-slides" in html
    assert "Confidential" not in programme.detail.body.toPlainText()
    assert "Tim Chapman" in programme.detail.body.toPlainText()
    programme.show_target("session", "panel-former-extremists")
    text = programme.detail.body.toPlainText()
    assert "Should we collaborate with people who have abandoned violence" in text


def test_attendees_only_opens_read_only_with_its_label(
    shell: Shell, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = documents_of(shell, qtbot)
    qtbot.waitUntil(lambda: section.model.rowCount() == 2, timeout=10_000)
    assert "Attendees only: do not forward" in rows(section)["field-visit-briefing"]
    section.show_target("document", "field-visit-briefing")
    assert "never put in an export or a return" in section.info.text()
    with qtbot.waitSignal(section.opened, timeout=10_000):
        section.open_button.click()
    assert section.text_view.isReadOnly()
    assert section.notice.text() == "Attendees only: do not forward · Illustrative"
    # In the system viewer: a read-only copy, and the label again.
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", record_into(opened))
    with qtbot.waitSignal(section.opened, timeout=10_000):
        section.external_button.click()
    assert section.last_temp is not None
    assert stat.S_IMODE(section.last_temp.stat().st_mode) == stat.S_IRUSR
    assert "do not forward" in section.info.text()
    programme = shell.window.programme
    programme.show_target("session", "d2-field-visit")
    assert "(Attendees only: do not forward)" in programme.detail.body.toPlainText()


@pytest.mark.parametrize("name", ["ran", "icct", "liaise"])
def test_every_sample_installs_and_opens(shell: Shell, qtbot: QtBot, name: str) -> None:
    result = shell.worker.run_now(lambda store: install_sample(store, name))
    switch_to(shell, qtbot, result.event_id)
    programme = shell.window.programme.programme
    assert programme is not None and programme.sessions
    assert shell.window.programme.model.rowCount() == len(programme.sessions)
    for section in ("today", "programme", "visit", "contacts", "documents", "notes", "questions"):
        shell.window.show_section(section)
        assert shell.window.current_section == section
