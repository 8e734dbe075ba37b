"""A 30-room programme that can be read and navigated (FOSDEM 2025, 943 sessions)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sample_rows import add_fosdem

from fieldvisit.app import Shell
from fieldvisit.gui.eliding import wrap_lines
from fieldvisit.gui.programme.section import ProgrammeSection
from fieldvisit.gui.programme.timeline import TimelineView
from fieldvisit.paths import resolve
from fieldvisit.services.store import Store


@pytest.fixture(scope="session")
def fosdem_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    schedules = Path(__file__).resolve().parents[3] / "shared" / "data" / "schedules"
    if not schedules.is_dir():
        pytest.skip(f"real schedules not available at {schedules} (outside the shared setup)")
    folder = tmp_path_factory.mktemp("fosdem-template") / "data"
    store = Store.open(resolve(folder))
    try:
        add_fosdem(store, schedules / "fosdem2025_pentabarf.xml")
    finally:
        store.close()
    return folder


@pytest.fixture
def fosdem(
    make_shell: Callable[..., Shell], data_dir: Path, fosdem_template: Path, qtbot: QtBot
) -> Shell:
    import shutil

    shutil.copytree(fosdem_template, data_dir)
    shell = make_shell(resolve(data_dir))
    shell.window.resize(1366, 768)
    qtbot.waitUntil(lambda: shell.window.programme.programme is not None, timeout=20_000)
    shell.window.show_section("programme")
    return shell


def wheel(
    view: TimelineView,
    dy: int = 0,
    dx: int = 0,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_zoom_with_keys_and_ctrl_wheel(fosdem: Shell, qtbot: QtBot) -> None:
    programme = fosdem.window.programme
    timeline = programme.timeline
    timeline.setFocus()
    width, height = timeline.column_width, timeline.content_size().height()
    visible_before = timeline.viewport().width() // width
    assert len(timeline.columns) > 20
    qtbot.keyClick(timeline, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(timeline, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert timeline.zoom < 1
    assert timeline.column_width < width
    assert timeline.content_size().height() < height
    assert timeline.viewport().width() // timeline.column_width > visible_before
    qtbot.keyClick(timeline, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert timeline.zoom == 1.0 and timeline.column_width == width
    qtbot.keyClick(timeline, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert timeline.zoom > 1 and timeline.content_size().height() > height
    wheel(timeline, dy=-120, mods=Qt.KeyboardModifier.ControlModifier)
    wheel(timeline, dy=-120, mods=Qt.KeyboardModifier.ControlModifier)
    assert timeline.zoom < 1
    # The buttons say how, for those who do not know the keys.
    from PySide6.QtWidgets import QToolButton

    zoom_out = programme.findChild(QToolButton, "zoom_out")
    assert zoom_out is not None and "Ctrl+-" in zoom_out.toolTip()
    zoom_out.click()
    assert timeline.zoom == 0.75


def test_shift_wheel_and_swipes_scroll_sideways(fosdem: Shell) -> None:
    timeline = fosdem.window.programme.timeline
    h, v = timeline.horizontalScrollBar(), timeline.verticalScrollBar()
    assert h.maximum() > 0
    h.setValue(0)
    top = v.value()
    wheel(timeline, dy=-120, mods=Qt.KeyboardModifier.ShiftModifier)
    assert h.value() > 0 and v.value() == top
    h.setValue(0)
    wheel(timeline, dx=-120)  # a touchpad's sideways swipe
    assert h.value() > 0 and v.value() == top


def test_choose_several_rooms_remembered_per_event(
    fosdem: Shell, qtbot: QtBot, make_shell: Callable[..., Shell]
) -> None:
    programme = fosdem.window.programme
    rooms = programme.room.names
    assert len(rooms) > 25
    pick = [r for r in rooms if r in programme.timeline.columns][:3]
    for name in pick:
        next(a for a in programme.room.menu_.actions() if a.text() == name).trigger()
    assert set(programme.timeline.columns) == set(pick)
    assert programme.room.full_text == "3 rooms"
    # Columns by track, and a track chosen too.
    programme.side_by_side.setCurrentIndex(programme.side_by_side.findData("track"))
    tracks = {
        programme.model.session_at(programme.model.row_of(u)).track
        for u in programme.visible_session_ids()
    }
    assert set(programme.timeline.columns) == tracks
    # Another start of the app on the same data: the choice is back.
    fosdem.ctx.settings.sync()
    programme.room.clear_choice(emit=False)
    programme.on_event_changed(fosdem.ctx.event_id)
    qtbot.waitUntil(lambda: programme.room.chosen == frozenset(pick), timeout=10_000)
    assert set(programme.visible_session_ids()) <= {
        u
        for u in programme.visible_session_ids()
        if programme.model.session_at(programme.model.row_of(u)).room in pick
    }


def test_track_list_with_full_titles(fosdem: Shell, qtbot: QtBot) -> None:
    programme = fosdem.window.programme
    model = programme.track_model
    assert model.rowCount() > 20
    total = sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    assert total == len(programme.visible_session_ids())
    longest = max(
        (
            model.index(i, 0, model.index(r, 0))
            for r in range(model.rowCount())
            for i in range(model.rowCount(model.index(r, 0)))
        ),
        key=lambda ix: len(str(model.session(ix).title)),  # type: ignore[union-attr]
    )
    session = model.session(longest)
    assert session is not None
    assert session.title in str(longest.data())  # the full title, never cut
    programme.views.setCurrentWidget(programme.track_list)
    programme.track_list.setCurrentIndex(longest)
    assert programme.detail.session is not None and programme.detail.session.id == session.id


def test_focused_block_title_shown_for_keyboard_users(fosdem: Shell, qtbot: QtBot) -> None:
    programme = fosdem.window.programme
    timeline = programme.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    uid = timeline.selected
    session = timeline.session(uid)
    assert session is not None
    text = programme.focus_line.text()
    assert session.title.replace("&", "&amp;").replace("<", "&lt;") in text
    assert f"{session.start:%H:%M}" in text
    assert programme.focus_line.isVisible()


def test_blocks_wrap_and_elide_only_when_too_small(qapp: QApplication) -> None:
    fm = QFontMetrics(qapp.font())
    title = "Rust for Linux: where we are, and what the kernel needs next"
    lines = wrap_lines(fm, title, 200, 4)
    assert " ".join(lines) == title  # fits: wrapped, nothing cut
    assert not any("…" in line for line in lines)
    cut = wrap_lines(fm, title, 120, 2)
    assert len(cut) == 2 and cut[-1].endswith("…")
    assert all(fm.horizontalAdvance(line) <= 120 for line in cut)
    # Lines are whole lines: never a line cut in half by the box's bottom edge.
    assert wrap_lines(fm, title, 200, 0) == []


def test_switching_events_scrolls_to_the_first_session(fosdem: Shell, qtbot: QtBot) -> None:
    programme: ProgrammeSection = fosdem.window.programme
    timeline = programme.timeline
    timeline.verticalScrollBar().setValue(timeline.verticalScrollBar().maximum())
    timeline.horizontalScrollBar().setValue(timeline.horizontalScrollBar().maximum())
    with qtbot.waitSignal(programme.populated, timeout=20_000):
        programme.on_event_changed(fosdem.ctx.event_id)
    day = programme.current_day()
    assert day is not None and programme.programme is not None
    first = programme.programme.on_day(day)[0]
    rect = timeline.box_rect(first.id)
    assert rect is not None and 0 <= rect.top() < timeline.viewport().height()
    assert timeline.horizontalScrollBar().value() == 0
