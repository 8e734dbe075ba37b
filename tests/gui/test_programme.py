"""Programme: filters, timeline, session detail, My agenda (overlaps, one choice per slot)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sample_rows import HAGUE, add_fosdem, add_hague

from fieldvisit.app import Shell
from fieldvisit.domain.model import SessionKind
from fieldvisit.gui.programme.models import AgendaModel, SessionFilterProxy, SessionTableModel
from fieldvisit.paths import resolve
from fieldvisit.services import agenda
from fieldvisit.services.programme import load_programme
from fieldvisit.services.store import Store


def tick(button: object, name: str) -> None:
    """Tick (or untick) one room or track in a multi-choice menu, as a person does."""
    from fieldvisit.gui.programme.choices import MultiChoice

    assert isinstance(button, MultiChoice)
    if name in ("All rooms", "All tracks"):
        button.menu_.actions()[0].trigger()
        return
    action = next((a for a in button.menu_.actions() if a.text() == name), None)
    assert action is not None, f"{name!r} not in {button.names}"
    action.trigger()


def choose(combo: object, text: str) -> None:
    from PySide6.QtWidgets import QComboBox

    if not isinstance(combo, QComboBox):
        tick(combo, text)
        return
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_programme_populated(shell: Shell) -> None:
    programme = shell.window.programme
    assert programme.model.rowCount() == 13
    assert programme.days.count() == 2
    assert programme.days.tabText(0) == "Wed 15 Feb"
    assert set(programme.visible_session_ids()) == {
        "d1-opening",
        "d1-inspiration",
        "d1-break",
        "d1-wg-risk",
        "d1-wg-prosecution",
        "d1-wg-families",
        "d1-report-back",
    }
    assert programme.timeline.columns[0] == "Main hall"


def test_filters_by_kind_room_track_and_text(shell: Shell, qtbot: QtBot) -> None:
    programme = shell.window.programme
    choose(programme.kind, "Working group")
    assert set(programme.visible_session_ids()) == {
        "d1-wg-risk",
        "d1-wg-prosecution",
        "d1-wg-families",
    }
    assert set(programme.timeline.session_ids) == set(programme.visible_session_ids())
    choose(programme.room, "Hangar room 2")
    assert programme.visible_session_ids() == ["d1-wg-prosecution"]
    choose(programme.kind, "All kinds")
    choose(programme.room, "All rooms")
    choose(programme.track, "Working groups")
    assert len(programme.visible_session_ids()) == 3
    choose(programme.track, "All tracks")
    qtbot.keyClicks(programme.text, "famil")
    assert programme.visible_session_ids() == ["d1-wg-families"]
    programme.days.setCurrentIndex(1)
    assert programme.visible_session_ids() == []
    programme.text.clear()
    assert len(programme.visible_session_ids()) == 6


def test_timeline_click_shows_detail(shell: Shell, qtbot: QtBot) -> None:
    shell.window.show_section("programme")
    programme = shell.window.programme
    rect = programme.timeline.box_rect("d1-wg-prosecution")
    assert rect is not None
    with qtbot.waitSignal(programme.timeline.session_selected):
        qtbot.mouseClick(
            programme.timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    detail = programme.detail
    assert detail.title.text() == "Working group: prosecution and evidence from abroad"
    assert detail.confidential.isVisible()
    assert "Hangar room 2" in detail.body.toPlainText()
    assert "Working-group facilitator 2" in detail.body.toPlainText()
    # Keyboard: the next session in time order.
    qtbot.keyClick(programme.timeline, Qt.Key.Key_Down)
    assert programme.timeline.selected != "d1-wg-prosecution"


def test_speaker_link_navigates_to_contacts(shell: Shell, qtbot: QtBot) -> None:
    shell.window.show_section("programme")
    programme = shell.window.programme
    programme.show_target("session", "d1-opening")
    with qtbot.waitSignal(shell.ctx.navigate) as nav:
        from PySide6.QtCore import QUrl

        programme.detail.body.anchorClicked.emit(QUrl("fv:person/mayor"))
    assert nav.args == ["contacts", "person", "mayor"]
    assert shell.window.current_section == "contacts"


def test_signup_group_one_choice_per_slot(shell: Shell, qtbot: QtBot) -> None:
    shell.window.show_section("programme")
    programme = shell.window.programme
    programme.show_target("session", "d1-wg-risk")
    qtbot.mouseClick(programme.detail.pick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: programme.picks == {"d1-wg-risk"})
    assert programme.detail.pick.isChecked()
    programme.show_target("session", "d1-wg-families")
    assert not programme.detail.pick.isChecked()
    qtbot.mouseClick(programme.detail.pick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: programme.group_question is not None)
    box = programme.group_question
    assert isinstance(box, QMessageBox)
    assert "risk assessment" in box.text()
    # "No" keeps the first choice.
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: programme.group_question is None)
    assert programme.picks == {"d1-wg-risk"}
    assert not programme.detail.pick.isChecked()
    # "Yes" swaps it.
    qtbot.mouseClick(programme.detail.pick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: programme.group_question is not None)
    box = programme.group_question
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: programme.picks == {"d1-wg-families"})
    assert programme.detail.pick.isChecked()
    assert programme.agenda_model.rowCount() == 1


@pytest.fixture
def rows_shell(make_shell: Callable[..., Shell], data_dir: Path, qtbot: QtBot) -> Shell:
    """The row-built Hague event, whose panel overlaps a working group."""
    paths = resolve(data_dir)
    store = Store.open(paths)
    add_hague(store)
    store.close()
    shell = make_shell(paths)
    qtbot.waitUntil(lambda: shell.window.programme.programme is not None, timeout=10_000)
    return shell


def test_overlap_warning(rows_shell: Shell, qtbot: QtBot) -> None:
    programme = rows_shell.window.programme
    rows_shell.window.show_section("programme")
    for uid in ("wg-a", "panel-1"):
        programme.show_target("session", uid)
        qtbot.mouseClick(programme.detail.pick, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda uid=uid: uid in programme.picks)  # type: ignore[misc]
    assert programme.warning.isVisible()
    assert "overlaps with: Working group A" in programme.warning.text()
    assert programme.agenda_model.overlap_count == 2
    assert "2 sessions in my agenda" in programme.agenda_summary.text()
    assert "Overlaps with" in str(programme.agenda_model.index(0, 0).data())
    picked = rows_shell.worker.run_now(lambda store: agenda.picks(store, HAGUE))
    assert picked == {"wg-a", "panel-1"}


def test_rating_stars(shell: Shell, qtbot: QtBot) -> None:
    programme = shell.window.programme
    shell.window.show_section("programme")
    programme.show_target("session", "d1-opening")
    qtbot.mouseClick(programme.detail.stars[3], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: programme.ratings.get("d1-opening") == 4)
    assert programme.detail.stars[3].text() == "★"
    assert programme.detail.stars[4].text() == "☆"


def test_fosdem_programme_populates(
    make_shell: Callable[..., Shell], data_dir: Path, schedules: Path, qtbot: QtBot
) -> None:
    paths = resolve(data_dir)
    store = Store.open(paths)
    count = add_fosdem(store, schedules / "fosdem2025_pentabarf.xml")
    store.close()
    shell = make_shell(paths)
    programme = shell.window.programme
    qtbot.waitUntil(lambda: programme.programme is not None, timeout=20_000)
    shell.window.show_section("programme")
    assert programme.model.rowCount() == count == 943
    day_sessions = programme.visible_session_ids()
    assert len(day_sessions) > 300
    assert len(programme.timeline.columns) > 20
    programme.timeline.viewport().repaint()
    # Only what is visible is painted.
    assert 0 < programme.timeline.painted_boxes < len(day_sessions) // 4
    qtbot.keyClicks(programme.text, "rust")
    assert 0 < len(programme.visible_session_ids()) < len(day_sessions)


def test_models(qtmodeltester: object, data_dir: Path) -> None:
    store = Store.open(resolve(data_dir))
    try:
        add_hague(store)
        prog = load_programme(store, HAGUE)
    finally:
        store.close()
    assert prog is not None
    model = SessionTableModel()
    model.set_sessions(prog.sessions, prog.speaker_names)
    model.set_picked(frozenset({"wg-a"}))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = SessionFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(kind=SessionKind.WORKING_GROUP)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
    assert proxy.rowCount() == 2
    agenda_model = AgendaModel()
    agenda_model.set_agenda(prog.sessions, frozenset({"wg-a", "wg-b", "panel-1"}))
    qtmodeltester.check(agenda_model)  # type: ignore[attr-defined]
    assert "Only one of this group" in agenda_model.warning("wg-a")


def test_online_links_open_only_on_click(
    shell: Shell, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    programme = shell.window.programme
    session = programme.programme.session("d1-opening") if programme.programme else None
    assert session is not None
    online = dataclasses.replace(session, online_url="https://meet.example.org/room-1")
    programme.detail.show_session(
        online, speakers={}, documents={}, picked=False, rating=0, show_local=False
    )
    assert "https://meet.example.org/room-1" in programme.detail.body.toHtml()
    assert opened == []  # rendering never reaches the network
    programme.detail.body.anchorClicked.emit(QUrl("https://meet.example.org/room-1"))
    assert opened == ["https://meet.example.org/room-1"]
    programme.detail.body.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://meet.example.org/room-1"]  # only web and mail links


def test_programme_filter_uses_the_one_matching_rule(shell: Shell, qtbot: QtBot) -> None:
    """ "family" finds "families" (a stem), and a word never matches inside another word."""
    programme = shell.window.programme
    qtbot.keyClicks(programme.text, "family")
    assert programme.visible_session_ids() == ["d1-wg-families"]
    proxy = programme.proxy
    proxy.set_filters(text="rust")
    session = programme.model.session_at(0)
    import dataclasses

    assert not proxy.accepts(dataclasses.replace(session, title="In trust we build"), "")
    assert proxy.accepts(dataclasses.replace(session, title="Rust in the kernel"), "")
