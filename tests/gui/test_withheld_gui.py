"""An organiser's require_app_lock in the window: Find (Ctrl+F) and Today show no note of the
event until the store has a passcode; the programme stays searchable."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID, add_note
from sqlalchemy import select

from fieldvisit.app import Shell
from fieldvisit.gui.search import SearchPopup
from fieldvisit.gui.today import TodaySection
from fieldvisit.paths import AppPaths
from fieldvisit.services.store import Store
from fieldvisit.storage.models import EventRow
from tests.gui.conftest import ShellFactory

AMS = ZoneInfo("Europe/Amsterdam")
MARKER = "okapimarker"


def required(paths: AppPaths) -> None:
    """The Hague sample as if its pack said `require_app_lock: true`, with one note."""
    store = Store.open(paths)
    try:
        with store.unit() as s:
            row = s.scalars(select(EventRow).where(EventRow.id == SAMPLE_ID)).one()
            row.data = {**(row.data or {}), "require_app_lock": True}
        add_note(store, SAMPLE_ID, "n-secret", f"Families {MARKER} support", "d1-wg-families")
    finally:
        store.close()


def search_for(shell: Shell, qtbot: QtBot, text: str) -> SearchPopup:
    shell.window.activateWindow()
    qtbot.keyClick(shell.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    popup = shell.window.search_popup
    assert isinstance(popup, SearchPopup) and popup.isVisible()
    popup.field.clear()
    with qtbot.waitSignal(popup.results_ready, timeout=10_000):
        qtbot.keyClicks(popup.field, text)
    return popup


def test_find_and_today_withhold_the_events_notes(
    hague_paths: AppPaths, make_shell: ShellFactory, qtbot: QtBot
) -> None:
    required(hague_paths)
    shell = make_shell(hague_paths)
    qtbot.waitUntil(lambda: shell.window.programme.programme is not None, timeout=10_000)
    popup = search_for(shell, qtbot, MARKER)
    assert [h for h in popup.model.hits if h.kind == "note"] == []
    # Nothing found, and it says why: the delegate is not left wondering where a note went.
    assert popup.status.text().startswith("Nothing found.\nYour notes are not searched")
    assert "passcode" in popup.status.text()
    popup = search_for(shell, qtbot, "families")
    kinds = {h.kind for h in popup.model.hits}
    assert "session" in kinds and "note" not in kinds
    assert "Your notes are not searched" in popup.status.text()
    popup.hide()

    today = shell.window.sections["today"]
    assert isinstance(today, TodaySection)
    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        shell.ctx.set_pretend_time(dt.datetime(2017, 3, 1, 10, 0, tzinfo=AMS))
    qtbot.waitUntil(lambda: today.now_model.rowCount() == 2, timeout=10_000)
    lines = [item.text for item in today.now_model.items]
    assert "require a passcode" in lines[1]
    assert not any(line.startswith("Notes written") for line in lines)
