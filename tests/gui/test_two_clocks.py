"""Issue 9 and 16: two clocks. The laptop's zone is detected for real (TZ set and tzset(),
nothing mocked); event times show the second clock beside them in the timeline ruler, the
list, the session detail and Today; the delegate's own moments (Saved, History) use one
zone and name it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from fieldvisit.app import Shell
from fieldvisit.domain.clock import LAPTOP, laptop_zone, zone_name
from fieldvisit.gui.programme.models import SessionTableModel
from fieldvisit.gui.sections.history_dialog import RevisionsModel
from fieldvisit.gui.sections.notes import NotesSection
from fieldvisit.gui.today import TodaySection
from fieldvisit.services import notes
from fieldvisit.services.samples import install_sample
from fieldvisit.settings import SECOND_ZONE

BRUSSELS = ZoneInfo("Europe/Brussels")
RAN = "sample-ran-central-asia-2021"
DASH = "\N{EN DASH}"
# The RAN visit's first session, 25 May 2021 09:30-09:50 in Brussels (CEST, UTC+2), on
# each laptop clock, and what the ruler's 10:00 line reads there.
ZONES = {
    "UTC": ("07:30", "07:50", "UTC", "08:00"),
    "America/New_York": ("03:30", "03:50", "New York", "04:00"),
    "Asia/Almaty": ("13:30", "13:50", "Almaty", "14:00"),
}


@pytest.fixture(params=sorted(ZONES))
def laptop_tz(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test with the laptop's zone set the way the system sets it: TZ, tzset()."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("zone", sorted(ZONES))
def test_the_laptop_zone_is_detected_from_the_system(zone: str) -> None:
    """A fresh interpreter with TZ set, as the app starts: the IANA name comes back."""
    code = (
        "from fieldvisit.domain.clock import laptop_zone, zone_name; "
        "print(zone_name(laptop_zone()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"TZ": zone, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == zone


def switch_to_ran(shell: Shell, qtbot: QtBot) -> None:
    shell.worker.run_now(lambda store: install_sample(store, "ran"))
    with qtbot.waitSignal(shell.window.events_loaded, timeout=20_000):
        shell.window.load_events(RAN)
    qtbot.waitUntil(
        lambda: (
            shell.window.programme.programme is not None
            and shell.window.programme.programme.event.id == RAN
        ),
        timeout=10_000,
    )


def test_both_clocks_in_ruler_list_detail_and_today(
    shell: Shell, qtbot: QtBot, laptop_tz: str
) -> None:
    start, end, name, ten = ZONES[laptop_tz]
    assert zone_name(laptop_zone()) == laptop_tz  # detected, not mocked
    switch_to_ran(shell, qtbot)
    programme = shell.window.programme
    # Off: the event's clock only.
    programme.show_target("session", "d1-welcome")
    assert "09:30\u201309:50" in programme.detail.body.toPlainText()
    assert name not in programme.detail.body.toPlainText()
    with qtbot.waitSignal(shell.ctx.clock_changed):
        shell.ctx.set_second_zone(LAPTOP)
    # The session detail.
    text = programme.detail.body.toPlainText()
    assert f"09:30{DASH}09:50 ({start}{DASH}{end} in {name})" in text
    # The list.
    model = programme.model
    assert isinstance(model, SessionTableModel)
    row = model.row_of("d1-welcome")
    assert model.index(row, 0).data() == f"09:30{DASH}09:50 ({start}{DASH}{end} {name})"
    # The timeline ruler.
    labels = dict(programme.timeline.hour_labels())
    assert labels["10:00"] == ten
    # Today, at a pretend 09:35 in Brussels.
    today = shell.window.sections["today"]
    assert isinstance(today, TodaySection)
    shell.ctx.set_pretend_time(dt.datetime(2021, 5, 25, 9, 35, tzinfo=BRUSSELS))
    qtbot.waitUntil(
        lambda: any("Welcome" in item.text for item in today.now_model.items), timeout=10_000
    )
    [now_line] = [item.text for item in today.now_model.items]
    assert now_line.startswith(f"09:30{DASH}09:50 ({start}{DASH}{end} {name})")
    hour, minute = (int(x) for x in start.split(":"))
    assert f"{hour:02d}:{minute + 5:02d} in {name}" in today.clock.text()


def test_a_chosen_zone_other_than_the_laptops(
    shell: Shell, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A participant following the RAN visit from Kazakhstan on a laptop set to UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        switch_to_ran(shell, qtbot)
        with qtbot.waitSignal(shell.ctx.clock_changed):
            shell.ctx.set_second_zone("Asia/Almaty")
        programme = shell.window.programme
        programme.show_target("session", "d1-welcome")
        assert f"(13:30{DASH}13:50 in Almaty)" in programme.detail.body.toPlainText()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_saved_and_history_read_one_clock_and_name_it(
    shell: Shell, qtbot: QtBot, laptop_tz: str
) -> None:
    """'Saved 16:49' and 'Revision 1 · 15:49' disagreed; in Almaty 'Saved 16:55' when the
    laptop read 20:55. Now both use the display zone and say which one it is."""
    _, _, name, _ = ZONES[laptop_tz]
    switch_to_ran(shell, qtbot)
    shell.ctx.set_second_zone(LAPTOP)
    shell.window.show_section("notes")
    section = shell.window.sections["notes"]
    assert isinstance(section, NotesSection)
    section.new_note("session", "d1-welcome")
    with qtbot.waitSignal(section.saved, timeout=10_000):
        qtbot.keyClicks(section.editor.body, "Kazakhstan: repatriation first")
    qtbot.waitUntil(lambda: section.editor.status_label.text().startswith("Saved"), timeout=5000)
    saved = section.editor.status_label.text()
    assert saved.endswith(f" ({name})"), saved
    shown = saved.removeprefix("Saved ").removesuffix(f" ({name})")
    wall = time.localtime()  # the laptop's own clock, from the C library after tzset()
    note_id = shell.worker.run_now(lambda s: notes.list_notes(s, RAN)[0].note.id)
    revisions = shell.worker.run_now(lambda s: notes.history(s, note_id))
    history = RevisionsModel(revisions, shell.ctx.clocks)
    line = str(history.index(0, 0).data())
    saved_at = revisions[0].saved_at.astimezone(laptop_zone())
    assert f"{saved_at:%H:%M} ({name})" in line  # History: the same clock, named
    for other in (f"{saved_at:%H:%M}", f"{wall.tm_hour:02d}:{wall.tm_min:02d}"):
        gap = abs(minutes(shown) - minutes(other))
        assert min(gap, 24 * 60 - gap) <= 1, (shown, other)  # a minute may tick over


def minutes(hh_mm: str) -> int:
    hour, minute = hh_mm.split(":")
    return int(hour) * 60 + int(minute)


def test_with_no_second_clock_moments_say_the_events_zone(
    shell: Shell, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Almaty")
    time.tzset()
    try:
        switch_to_ran(shell, qtbot)
        shell.ctx.set_second_zone("")
        moment = dt.datetime(2021, 5, 25, 14, 55, tzinfo=dt.UTC)
        assert shell.ctx.clocks.moment(moment) == "16:55 (Brussels)"
        shell.ctx.set_second_zone(LAPTOP)
        assert shell.ctx.clocks.moment(moment) == "20:55 (Almaty)"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_settings_offer_the_detected_zone_and_any_other(
    shell: Shell, qtbot: QtBot, laptop_tz: str
) -> None:
    from fieldvisit.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(shell.ctx, shell.window)
    qtbot.addWidget(dialog)
    combo = dialog.second_zone
    assert laptop_tz in combo.itemText(combo.findData(LAPTOP))
    combo.setCurrentIndex(combo.findData("Asia/Almaty"))
    with qtbot.waitSignal(shell.ctx.clock_changed):
        dialog.accept()
    assert shell.ctx.second_zone == "Asia/Almaty"
    assert shell.ctx.settings.get(SECOND_ZONE) == "Asia/Almaty"


def test_the_pretend_time_label_names_the_events_zone_when_clocks_differ(
    shell: Shell, qtbot: QtBot, laptop_tz: str
) -> None:
    switch_to_ran(shell, qtbot)
    with qtbot.waitSignal(shell.ctx.clock_changed):
        shell.ctx.set_pretend_time(dt.datetime(2021, 5, 25, 11, 20, tzinfo=BRUSSELS))
    # Brussels (UTC+2 in May) differs from each laptop zone tried here.
    assert shell.window.pretend_label.text().endswith("11:20 (Brussels)")
