"""Text that fits, a window that fits, sections that fit the event, Ctrl+, and F1 (issue 16)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from section_helpers import EVENT, aware, seed_event

from fieldvisit.app import Shell
from fieldvisit.gui.context import AppContext
from fieldvisit.gui.sections.common import HtmlDelegate
from fieldvisit.gui.sections.history_dialog import HistoryDialog
from fieldvisit.gui.sections.visit import VisitSection
from fieldvisit.gui.settings_dialog import SettingsDialog
from fieldvisit.gui.theme import contrast
from fieldvisit.paths import AppPaths

AMS = ZoneInfo("Europe/Amsterdam")


# --- a window that fits -------------------------------------------------------------------


def test_first_window_fits_the_screen(shell: Shell) -> None:
    window = shell.window
    area = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    frame = window.frameGeometry()
    assert area.contains(frame.topLeft()) and frame.bottom() <= area.bottom() + 1


def test_restored_geometry_used_only_on_a_present_screen(
    make_shell: Callable[..., Shell], hague_paths: AppPaths, qtbot: QtBot
) -> None:
    first = make_shell(hague_paths)
    first.window.move(9000, 9000)  # where a second monitor was
    first.close()
    second = make_shell(hague_paths)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.intersects(second.window.frameGeometry())
    assert QGuiApplication.screenAt(second.window.frameGeometry().center()) is not None


# --- text that fits -----------------------------------------------------------------------


def test_event_selector_elides_with_an_ellipsis(shell: Shell) -> None:
    combo = shell.window.event_combo
    title = combo.currentText()
    assert len(title) > 40
    combo.setMaximumWidth(200)
    combo.resize(200, combo.height())
    shown = combo.shown_text()
    assert shown.endswith("…") and shown != title
    assert combo.toolTip().startswith(title)


def test_unwrapped_html_rows_end_in_an_ellipsis(qapp: QApplication) -> None:
    from PySide6.QtGui import QTextDocument

    delegate = HtmlDelegate(wrap=False)
    option = QStyleOptionViewItem()
    option.font = QFont(qapp.font())
    doc = QTextDocument()
    doc.setDefaultFont(option.font)
    doc.setDocumentMargin(4)
    doc.setHtml("<b>Families of returnees</b><br>Ask about family support for the children")
    elided = delegate._elided(doc, option, 160)
    lines = elided.toPlainText().split("\u2028")
    assert all(line.endswith("…") for line in lines)
    metrics = QFontMetrics(option.font)
    assert all(metrics.horizontalAdvance(line) <= 160 for line in lines)
    # Short rows are left alone.
    assert delegate._elided(doc, option, 2000) is doc


def test_history_list_as_wide_as_its_text(qtbot: QtBot) -> None:
    from fieldvisit.services.notes import NoteRevision

    revisions = [
        NoteRevision("n1", r, "x" * (80 + r), (), dt.datetime(2017, 2, 15, 10, r, tzinfo=dt.UTC))
        for r in (3, 2, 1)
    ]
    dialog = HistoryDialog(revisions)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = str(dialog.model.index(0, 0).data())
    assert text.endswith("83 characters")
    available = dialog.list.viewport().width()
    assert dialog.list.fontMetrics().horizontalAdvance(text) <= available


def test_ran_like_header_says_no_room_and_every_lane_has_one(qapp: QApplication) -> None:
    from fieldvisit.domain.model import Session, SessionKind
    from fieldvisit.gui.programme.timeline import TimelineView

    def at(h: int, m: int = 0) -> dt.datetime:
        return dt.datetime(2024, 3, 5, h, m, tzinfo=AMS)

    view = TimelineView()
    view.resize(900, 500)
    view.set_sessions(
        (
            Session("a", "Plenary", SessionKind.PLENARY, at(9), at(10), "Main room"),
            Session("b", "Parallel one", SessionKind.WORKSHOP, at(9), at(10), "Main room"),
            Session("c", "Walk", SessionKind.FIELD_VISIT, at(11), at(12), ""),
        )
    )
    assert view.column_headers == ["Main room", "Main room (2)", "No room"]
    assert "\u2013" not in view.column_headers and "\u2014" not in view.column_headers


def test_confidential_marked_by_more_than_colour(shell: Shell) -> None:
    programme = shell.window.programme
    model = programme.model
    row = model.row_of("d1-wg-prosecution")
    index = model.index(row, 1)
    assert model.session_at(row).confidential
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    plain = model.index(model.row_of("d1-wg-families"), 1)
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None


# --- sections that fit the event ----------------------------------------------------------


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    from section_helpers import app_context

    with app_context(data_dir) as context:
        yield context


def test_visit_end_state_is_precise(qtbot: QtBot, ctx: AppContext) -> None:
    seed_event(ctx)
    ctx.set_pretend_time(aware(15, 14, 0))
    section = VisitSection(ctx)
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.model.rowCount() == 4)
    assert section.now_label.text() == "The visit ended on 15 February at 12:25."


def test_event_without_a_visit_shows_one_clear_line(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.set_event(EVENT, "Europe/Amsterdam")  # nothing installed: no itinerary
    section = VisitSection(ctx)
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.no_visit.isVisible(), timeout=10_000)
    assert section.no_visit.text() == "This event has no field visit."
    assert not section.splitter.isVisible()


def test_today_after_the_event_offers_its_summary(shell: Shell, qtbot: QtBot) -> None:
    from sample_rows import SAMPLE_ID, add_note

    add_note(shell.store, SAMPLE_ID, "n-after", "What I learnt", "d1-wg-families")
    today = shell.window.sections["today"]
    with qtbot.waitSignal(today.refreshed, timeout=10_000):  # type: ignore[attr-defined]
        shell.ctx.set_pretend_time(dt.datetime(2017, 3, 1, 10, 0, tzinfo=AMS))
    qtbot.waitUntil(lambda: today.now_model.rowCount() > 2, timeout=10_000)  # type: ignore[attr-defined]
    lines = [
        str(today.now_model.index(r, 0).data())  # type: ignore[attr-defined]
        for r in range(today.now_model.rowCount())  # type: ignore[attr-defined]
    ]
    assert any(line.startswith("Notes written: 1") for line in lines), lines
    assert any(line.startswith("Questions answered:") for line in lines)
    assert any("Not yet sent to the organisers: 1 notes" in line for line in lines)
    assert not today.next_view.isVisible() and not today.stop_view.isVisible()  # type: ignore[attr-defined]


def test_switching_events_scrolls_to_the_first_session_of_the_day(
    shell: Shell, qtbot: QtBot
) -> None:
    programme = shell.window.programme
    shell.window.show_section("programme")
    bar = programme.timeline.verticalScrollBar()
    bar.setValue(bar.maximum())
    with qtbot.waitSignal(programme.populated, timeout=10_000):
        programme.on_event_changed(shell.ctx.event_id)
    rect = programme.timeline.box_rect("d1-opening")
    assert rect is not None and 0 <= rect.top() < programme.timeline.viewport().height()


def test_sidebar_selected_icon_visible_on_the_highlight(shell: Shell) -> None:
    nav = shell.window.nav
    highlight = nav.palette().color(QPalette.ColorRole.Highlight)
    for row in range(nav.count()):
        image = nav.item(row).icon().pixmap(22, 22, QIcon.Mode.Selected).toImage()
        inks = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inks, nav.item(row).text()
        best = max(contrast(c, highlight) for c in inks)
        assert best >= 3.0, (nav.item(row).text(), best)


# --- Settings, F1, language -----------------------------------------------------------------


def test_settings_has_ctrl_comma(shell: Shell) -> None:
    keys = [k.toString() for k in shell.window.settings_action.shortcuts()]
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert keys == ([platform[0].toString()] if platform else ["Ctrl+,"])


def test_f1_lists_every_shortcut_of_the_menus(shell: Shell) -> None:
    window = shell.window
    listed = {(what, keys) for _menu, what, keys in window.shortcut_rows()}
    native = QKeySequence.SequenceFormat.NativeText
    from PySide6.QtWidgets import QMenu

    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            for key in action.shortcuts():
                text = action.text().replace("&", "")
                assert any(
                    what == text and key.toString(native) in keys for what, keys in listed
                ), (text, key.toString())
    whats = {what for what, _keys in listed}
    assert {"Zoom in", "Zoom out", "Settings…"} <= whats


def test_changing_the_language_says_a_restart_is_needed(shell: Shell, qtbot: QtBot) -> None:
    dialog = SettingsDialog(shell.ctx, shell.window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_notice.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    assert dialog.language_notice.isVisible()
    assert "next start" in dialog.language_notice.text()
    assert "Nederlands" in dialog.language_notice.text()


_ = QModelIndex


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_session_detail_buttons_fit_at_1024x600(
    make_shell: Callable[..., Shell], hague_paths: AppPaths, qtbot: QtBot, language: str
) -> None:
    # Dutch "Aan mijn agenda toevoegen" was cut off in the narrow detail pane: the two
    # buttons now wrap onto two rows rather than being squeezed.
    shell = make_shell(hague_paths, language=language)
    window = shell.window
    window.resize(1024, 600)
    window.show_section("programme")
    programme = window.programme
    qtbot.waitUntil(lambda: programme.programme is not None, timeout=10_000)
    assert programme.programme is not None
    programme.show_target("session", programme.programme.sessions[3].id)
    detail = programme.detail
    qtbot.waitUntil(lambda: detail.pick.isEnabled(), timeout=10_000)
    for button in (detail.pick, detail.note):
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), button.text()
        right = button.mapTo(detail, button.rect().topRight()).x()
        assert right <= detail.width(), button.text()
    below = detail.body.mapTo(detail, detail.body.rect().topLeft()).y()
    assert detail.note.mapTo(detail, detail.note.rect().bottomLeft()).y() < below
