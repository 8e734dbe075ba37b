"""Today: now and next by the event clock (pretend time), the next stop, and the change list."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID as HAGUE_ID
from sample_rows import add_change

from fieldvisit.app import Shell
from fieldvisit.gui.today import TodayItem, TodayModel, TodaySection
from fieldvisit.services import importing

AMS = ZoneInfo("Europe/Amsterdam")


def today_of(shell: Shell) -> TodaySection:
    section = shell.window.sections["today"]
    assert isinstance(section, TodaySection)
    return section


def texts(model: TodayModel) -> list[str]:
    return [item.text for item in model.items]


def pretend_by_hand(shell: Shell, qtbot: QtBot, moment: dt.datetime) -> None:
    """Type a moment into the pretend-time control and press Pretend, as a delegate would."""
    today = today_of(shell)
    edit = today.pretend_edit
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone(b"UTC")))
    with qtbot.waitSignal(today.refreshed, timeout=5000):
        qtbot.mouseClick(today.pretend_apply, Qt.MouseButton.LeftButton)


def test_now_and_next_under_pretend_time(shell: Shell, qtbot: QtBot) -> None:
    today = today_of(shell)
    pretend_by_hand(shell, qtbot, dt.datetime(2017, 2, 15, 10, 45, tzinfo=AMS))
    now = texts(today.now_model)
    assert len(now) == 3 and all("Working group" in t for t in now)
    assert any("CONFIDENTIAL" in t for t in now)  # the prosecution group is confidential
    assert texts(today.next_model) == [
        "12:00\u201313:00  Reporting back from the working groups · Main hall"
    ]
    assert "Departure from Fokker Terminal" in texts(today.stop_model)[0]
    assert "pretend time" in today.clock.text()
    assert shell.window.pretend_label.isVisible()
    with qtbot.waitSignal(today.refreshed, timeout=5000):
        qtbot.mouseClick(today.real_time, Qt.MouseButton.LeftButton)
    assert not shell.ctx.pretending
    assert "This event ended" in texts(today.next_model)[0]


def test_clicking_a_session_opens_it_in_the_programme(shell: Shell, qtbot: QtBot) -> None:
    today = today_of(shell)
    pretend_by_hand(shell, qtbot, dt.datetime(2017, 2, 16, 9, 0, tzinfo=AMS))
    view = today.now_view
    rect = view.visualRect(today.now_model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shell.window.current_section == "programme"
    detail = shell.window.programme.detail
    assert detail.session is not None and detail.session.id == "d2-inspiration"


def test_changes_shown_until_marked_seen(shell: Shell, qtbot: QtBot) -> None:
    add_change(
        shell.store,
        HAGUE_ID,
        "d1-wg-risk",
        "Working group: risk assessment",
        "changed",
        [{"field": "room", "old": "Hangar room 1", "new": "Hangar room 4"}],
    )
    add_change(shell.store, HAGUE_ID, "d1-gone", "A cancelled talk", "cancelled")
    today = today_of(shell)
    with qtbot.waitSignal(today.refreshed, timeout=5000):
        shell.ctx.content_changed.emit(HAGUE_ID)
    lines = texts(today.change_model)
    assert lines[0].startswith("Changed: Working group: risk assessment")
    assert "room Hangar room 1 → Hangar room 4" in lines[0]
    assert lines[1] == "Cancelled: A cancelled talk"
    assert today.mark_seen.isEnabled()
    with qtbot.waitSignal(today.refreshed, timeout=5000):
        qtbot.mouseClick(today.mark_seen, Qt.MouseButton.LeftButton)
    assert texts(today.change_model) == ["No unseen changes."]
    assert not today.mark_seen.isEnabled()
    assert shell.worker.run_now(lambda store: importing.changes(store, HAGUE_ID)) == []


def test_change_list_reads_as_people_say_it(shell: Shell, qtbot: QtBot) -> None:
    add_change(
        shell.store,
        HAGUE_ID,
        "d1-wg-risk",
        "Working group: risk assessment",
        "changed",
        [
            {"field": "start", "old": "2017-02-15 10:00", "new": "2017-02-15 10:30"},
            {"field": "room", "old": "A", "new": "B"},
            {"field": "description", "old": "long text", "new": "longer text"},
        ],
    )
    add_change(
        shell.store,
        HAGUE_ID,
        "d2-inspiration",
        "Inspiration session",
        "changed",
        [{"field": "planned_start", "old": "2017-02-15 16:00", "new": "2017-02-16 09:00"}],
    )
    today = today_of(shell)
    with qtbot.waitSignal(today.refreshed, timeout=5000):
        shell.ctx.content_changed.emit(HAGUE_ID)
    lines = texts(today.change_model)
    assert lines[0] == (
        "Changed: Working group: risk assessment "
        "(start 10:00 → 10:30, room A → B, description changed)"
    )
    assert lines[1] == (
        "Changed: Inspiration session (planned start Wed 15 Feb 16:00 → Thu 16 Feb 09:00)"
    )
    assert not any("_" in line for line in lines)


def test_today_model(qtmodeltester: object) -> None:
    model = TodayModel()
    model.set_items((TodayItem("a", "programme", "session", "x"), TodayItem("b", tone="cancelled")))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable == Qt.ItemFlag(0)
