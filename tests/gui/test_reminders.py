"""Reminders N minutes before picked sessions and field-visit stops, on the event's clock
(pretend time drives it here: no sleeping), shown as a banner where no tray exists, or
through the system tray where one does; never waiting for a section to be built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot
from sample_rows import SAMPLE_ID as HAGUE_ID

from fieldvisit.app import Shell
from fieldvisit.gui.settings_dialog import SettingsDialog
from fieldvisit.paths import AppPaths
from fieldvisit.services import agenda
from fieldvisit.settings import REMIND_MINUTES, REMIND_SESSIONS, REMIND_STOPS

AMS = ZoneInfo("Europe/Amsterdam")


def at(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2017, 2, day, hour, minute, tzinfo=AMS)


def pick(qtbot: QtBot, shell: Shell, uid: str) -> None:
    shell.worker.run_now(lambda store: agenda.pick(store, HAGUE_ID, uid))
    with qtbot.waitSignal(shell.window.reminders.loaded, timeout=10_000):
        shell.ctx.delegate_data_changed.emit(HAGUE_ID)


def banner_text(shell: Shell) -> str:
    banner = shell.window.reminders.banner
    return banner.label.text() if banner.isVisible() else ""


def test_picked_session_reminds_ten_minutes_before_by_default(shell: Shell, qtbot: QtBot) -> None:
    window = shell.window
    assert "visit" not in [w.objectName()[8:] for w in window.sections.built()]
    pick(qtbot, shell, "d1-wg-risk")  # 10:30, Hangar room 1
    shell.ctx.set_pretend_time(at(15, 10, 15))
    assert banner_text(shell) == ""
    with qtbot.waitSignal(window.reminders.shown, timeout=5000):
        shell.ctx.set_pretend_time(at(15, 10, 21))
    text = banner_text(shell)
    assert "Starts in 9 minutes" in text
    assert "Working group: risk assessment and information sharing" in text
    assert "Wed 15 Feb 10:30" in text and "Hangar room 1" in text
    # Once only.
    with qtbot.assertNotEmitted(window.reminders.shown):
        shell.ctx.set_pretend_time(at(15, 10, 25))
    # Open goes to the session.
    qtbot.mouseClick(window.reminders.banner.open_button, Qt.MouseButton.LeftButton)
    assert window.current_section == "programme"
    detail = window.programme.detail
    assert detail.session is not None and detail.session.id == "d1-wg-risk"
    assert not window.reminders.banner.isVisible()


def test_settings_change_the_lead_time_add_stops_or_turn_it_off(
    shell: Shell, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shell.window
    pick(qtbot, shell, "d1-wg-risk")
    dialog = SettingsDialog(shell.ctx, window)
    assert dialog.remind_sessions.isChecked() and not dialog.remind_stops.isChecked()
    assert dialog.remind_minutes.value() == 10
    dialog.remind_minutes.setValue(30)
    dialog.remind_stops.setChecked(True)
    with qtbot.waitSignal(window.reminders.loaded, timeout=10_000):
        dialog.accept()
    assert shell.ctx.settings.get(REMIND_MINUTES) == "30"
    assert shell.ctx.settings.get(REMIND_STOPS)
    with qtbot.waitSignal(window.reminders.shown, timeout=5000):
        shell.ctx.set_pretend_time(at(15, 10, 1))
    assert "Starts in 29 minutes" in banner_text(shell)
    # The field visit's stop at 10:35 on 16 Feb, 30 minutes before; Visit was never opened.
    with qtbot.waitSignal(window.reminders.shown, timeout=5000):
        shell.ctx.set_pretend_time(at(16, 10, 6))
    assert "Next stop in 29 minutes" in banner_text(shell)
    assert "Community centre" in banner_text(shell)
    assert "visit" not in [w.objectName()[8:] for w in window.sections.built()]

    shell.ctx.settings.set(REMIND_SESSIONS, False)
    shell.ctx.settings.set(REMIND_STOPS, False)
    with qtbot.waitSignal(window.reminders.loaded, timeout=10_000):
        shell.ctx.settings_changed.emit()
    assert window.reminders.items == []


def test_a_reminder_whose_moment_passed_still_shows_before_the_start(
    shell: Shell, qtbot: QtBot
) -> None:
    shell.ctx.set_pretend_time(at(15, 10, 28))  # the app was busy at 10:20
    with qtbot.waitSignal(shell.window.reminders.shown, timeout=10_000):
        pick(qtbot, shell, "d1-wg-risk")
    assert "Starts in 2 minutes" in banner_text(shell)


# WORKAROUND: Qt's offscreen platform has no tray; pretending it has one makes Qt warn
# "No such signal QPlatformNativeInterface::systemTrayWindowChanged" (not our code).
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_desktop_notification_where_a_tray_exists(
    make_shell: Callable[..., Shell],
    hague_paths: AppPaths,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))

    def show_message(_self: QSystemTrayIcon, title: str, text: str, *_rest: object) -> None:
        messages.append((title, text))

    monkeypatch.setattr(QSystemTrayIcon, "showMessage", show_message)
    shell = make_shell(hague_paths)
    assert shell.window.reminders.tray is not None
    pick(qtbot, shell, "d1-wg-risk")
    with qtbot.waitSignal(shell.window.reminders.shown, timeout=5000):
        shell.ctx.set_pretend_time(at(15, 10, 25))
    assert messages == [
        (
            "Starts in 5 minutes",
            "Working group: risk assessment and information sharing · Wed 15 Feb 10:30 · "
            "Hangar room 1",
        )
    ]
    assert not shell.window.reminders.banner.isVisible()


def test_a_reminder_shown_is_not_shown_again_after_a_restart(
    make_shell: Callable[..., Shell], hague_paths: AppPaths, qtbot: QtBot
) -> None:
    shell = make_shell(hague_paths)
    pick(qtbot, shell, "d1-wg-risk")  # 10:30
    shell.ctx.set_pretend_time(at(15, 10, 15))
    with qtbot.waitSignal(shell.window.reminders.shown, timeout=10_000):
        shell.ctx.set_pretend_time(at(15, 10, 21))
    shell.close()  # the worker finishes its queue (the mark) before it stops

    again = make_shell(hague_paths)
    reminders = again.window.reminders
    with qtbot.waitSignal(reminders.loaded, timeout=10_000):
        again.ctx.delegate_data_changed.emit(HAGUE_ID)
    with qtbot.assertNotEmitted(reminders.shown):
        again.ctx.set_pretend_time(at(15, 10, 22))
    assert banner_text(again) == ""
    # Others still remind: the report-back at 12:00, picked in this run.
    pick(qtbot, again, "d1-report-back")
    with qtbot.waitSignal(reminders.shown, timeout=10_000):
        again.ctx.set_pretend_time(at(15, 11, 52))
    assert "Starts in 8 minutes" in banner_text(again)
