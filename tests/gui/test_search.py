"""Ctrl+F: search the programme and notes, highlighted results, Enter goes there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID, add_note

from fieldvisit.app import Shell
from fieldvisit.gui.search import SearchPopup, SearchResultsModel
from fieldvisit.services.search import SearchHit


def open_search(shell: Shell, qtbot: QtBot) -> SearchPopup:
    shell.window.activateWindow()
    qtbot.keyClick(shell.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    popup = shell.window.search_popup
    assert isinstance(popup, SearchPopup)
    assert popup.isVisible()
    return popup


def test_ctrl_f_finds_a_session_and_enter_navigates(shell: Shell, qtbot: QtBot) -> None:
    popup = open_search(shell, qtbot)
    with qtbot.waitSignal(popup.results_ready, timeout=5000):
        qtbot.keyClicks(popup.field, "prosecution")
    hits = popup.model.hits
    assert hits and hits[0].kind == "session" and hits[0].uid == "d1-wg-prosecution"
    assert "<b>" in hits[0].snippet_html.lower()
    assert "1 result" in popup.status.text()
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert shell.window.current_section == "programme"
    detail = shell.window.programme.detail
    assert detail.session is not None and detail.session.id == "d1-wg-prosecution"


def test_enter_right_after_typing_still_goes(shell: Shell, qtbot: QtBot) -> None:
    popup = open_search(shell, qtbot)
    popup.field.setText("famil")  # no wait: Enter arrives before the debounce fires
    with qtbot.waitSignal(shell.ctx.navigate, timeout=5000) as nav:
        qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert nav.args == ["programme", "session", "d1-wg-families"]


def test_notes_are_found_too(shell: Shell, qtbot: QtBot) -> None:
    add_note(shell.store, SAMPLE_ID, "note-1", "Ask about <families> support", "d1-wg-families")
    popup = open_search(shell, qtbot)
    with qtbot.waitSignal(popup.results_ready, timeout=5000):
        qtbot.keyClicks(popup.field, "support")
    kinds = {(h.kind, h.uid) for h in popup.model.hits}
    assert ("note", "note-1") in kinds
    note = next(h for h in popup.model.hits if h.kind == "note")
    assert "&lt;families&gt;" in note.snippet_html


def test_nothing_found_and_hostile_text(shell: Shell, qtbot: QtBot) -> None:
    popup = open_search(shell, qtbot)
    for text in ['"NEAR(', "zzzqqq", '* zzq" -']:
        popup.field.clear()
        with qtbot.waitSignal(popup.results_ready, timeout=5000):
            qtbot.keyClicks(popup.field, text)
    assert popup.model.rowCount() == 0
    assert popup.status.text() == "Nothing found."
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)  # nothing to go to: stays open
    assert popup.isVisible()


def test_results_model(qtmodeltester: object) -> None:
    model = SearchResultsModel()
    model.set_hits(
        (
            SearchHit("session", "a", "A", "<b>A</b>", -1.0),
            SearchHit("note", "n", "N", "x", -0.5, "session", "a"),
        )
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_find_covers_stops_people_documents(shell: Shell, qtbot: QtBot) -> None:
    """Contacts, visit stops and documents are found; each result says its kind."""
    popup = open_search(shell, qtbot)
    with qtbot.waitSignal(popup.results_ready, timeout=10_000):
        qtbot.keyClicks(popup.field, "duty desk")
    kinds = {h.kind for h in popup.model.hits}
    assert "person" in kinds, popup.model.hits
    row = next(i for i, h in enumerate(popup.model.hits) if h.kind == "person")
    label = str(popup.model.index(row, 0).data())
    assert label.startswith("<small>Person")
    popup.field.clear()
    with qtbot.waitSignal(popup.results_ready, timeout=10_000):
        qtbot.keyClicks(popup.field, "Hobbemaplein")
    stop = next(h for h in popup.model.hits if h.kind == "stop")
    popup.results.setCurrentIndex(popup.model.index(popup.model.hits.index(stop), 0))
    with qtbot.waitSignal(shell.ctx.navigate, timeout=5000) as nav:
        qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert nav.args == ["visit", "stop", stop.uid]
    assert shell.window.current_section == "visit"


def test_find_documents_and_stems(shell: Shell, qtbot: QtBot) -> None:
    popup = open_search(shell, qtbot)
    with qtbot.waitSignal(popup.results_ready, timeout=10_000):
        qtbot.keyClicks(popup.field, "briefing")
    assert any(h.kind == "document" for h in popup.model.hits)
    popup.field.clear()
    with qtbot.waitSignal(popup.results_ready, timeout=10_000):
        qtbot.keyClicks(popup.field, "family")  # the sample says "families"
    assert ("session", "d1-wg-families") in {(h.kind, h.uid) for h in popup.model.hits}
