"""The first screen of a plain store: read with sqlite3 before the storage stack is loaded,
the same programme the services give, and a start that shows it before the store is open."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from app_process import run_app

from fieldvisit.paths import AppPaths, resolve
from fieldvisit.services import agenda
from fieldvisit.services.first_screen import first_screen
from fieldvisit.services.programme import event_choices, load_programme
from fieldvisit.services.store import Store

HAGUE = "sample-hague-rftf-2017"


def _more_events(store: Store) -> None:
    """Events listed around the sample: the same day and title (told apart by id), and an
    earlier one, so the order of the list is checked too."""
    import datetime as dt

    from fieldvisit.storage.models import EventRow

    with store.unit() as s:
        for event_id, title, day in (
            ("zz-same", "Same title", dt.date(2017, 2, 15)),
            ("aa-same", "Same title", dt.date(2017, 2, 15)),
            ("early", "Zeta meeting", dt.date(2016, 5, 1)),
        ):
            s.add(
                EventRow(
                    id=event_id,
                    title=title,
                    timezone="Europe/Amsterdam",
                    start_date=day,
                    end_date=day,
                    data={"illustrative": "invented"} if event_id == "early" else {},
                    pack_id=event_id,
                    pack_version=1,
                    pack_file=f"{event_id}.fvpack",
                    signed=False,
                )
            )


def test_the_first_screen_is_the_programme_the_services_give(hague_paths: AppPaths) -> None:
    store = Store.open(hague_paths)
    try:
        _more_events(store)
        picked = load_programme(store, HAGUE)
        assert picked is not None
        uid = picked.sessions[3].id
        agenda.pick(store, HAGUE, uid)
        agenda.rate(store, HAGUE, uid, 4)
        expected = load_programme(store, HAGUE)
        events = event_choices(store)
    finally:
        store.close()
    first = first_screen(hague_paths, HAGUE)
    assert first is not None
    assert first.programme == expected
    assert expected is not None
    assert first.programme.speaker_names == expected.speaker_names
    assert first.programme.document_titles == expected.document_titles
    assert first.programme.document_sharing == expected.document_sharing
    assert first.programme.document_urls == expected.document_urls
    assert first.events == events
    assert first.picks == frozenset({uid})
    assert first.ratings == {uid: 4}
    assert [e.id for e in first.events] == ["early", HAGUE, "aa-same", "zz-same"]
    # An event id that is not installed: the first event listed, as the window chooses.
    other = first_screen(hague_paths, "not-installed")
    assert other is not None and other.programme.event.id == "early"
    assert other.programme.sessions == ()


def test_no_first_screen_unless_a_plain_store_at_head(
    hague_paths: AppPaths, tmp_path: Path
) -> None:
    assert first_screen(resolve(tmp_path / "new")) is None  # no store yet
    bad = resolve(tmp_path / "bad")
    bad.database.parent.mkdir(parents=True)
    bad.database.write_bytes(b"this is not a database" * 100)
    assert first_screen(bad) is None
    older = tmp_path / "older"
    shutil.copytree(hague_paths.data, older)
    with sqlite3.connect(older / hague_paths.database.name) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    assert first_screen(resolve(older)) is None  # to migrate: the full stack does it
    before = hague_paths.database.read_bytes()
    assert first_screen(hague_paths) is not None
    assert hague_paths.database.read_bytes() == before  # read only


def test_the_first_screen_needs_no_storage_stack(hague_paths: AppPaths) -> None:
    """What the window imports and reads up to the first programme leaves SQLAlchemy
    unloaded (it then loads on the worker): an import added at the top of a section or a
    service it uses would put it back on the path."""
    code = (
        "import sys\n"
        "import fieldvisit.app, fieldvisit.gui.application, fieldvisit.gui.main_window\n"
        "import fieldvisit.gui.programme.section, fieldvisit.gui.today, fieldvisit.gui.lock\n"
        "import fieldvisit.gui.context, fieldvisit.gui.worker, fieldvisit.gui.exports_menu\n"
        "from fieldvisit.paths import resolve\n"
        "from fieldvisit.services.first_screen import first_screen\n"
        "from fieldvisit.services.store import store_kind\n"
        f"paths = resolve({str(hague_paths.data)!r})\n"
        "assert store_kind(paths) == 'plain'\n"
        "assert first_screen(paths) is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


START = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fieldvisit import app
from fieldvisit.cli import gui_defaults
from fieldvisit.paths import resolve

seen = {}

def on_started(shell):
    programme = shell.window.programme

    def populated():
        if "ready" not in seen and programme.programme is not None:
            seen["ready"] = shell.window.ready
            seen["sessions"] = len(programme.programme.sessions)
            seen["days"] = programme.days.count()
            seen["actions"] = shell.window.find_action.isEnabled()

    programme.populated.connect(populated)

    def opened(_result):
        seen["opened"] = shell.window.ready
        seen["lock"] = shell.lock is not None
        seen["actions_then"] = shell.window.find_action.isEnabled()
        QTimer.singleShot(0, QApplication.quit)

    shell.worker.submit(lambda _store: None, opened)

code = app.run(gui_defaults(), resolve(sys.argv[1]), on_started=on_started)
print(json.dumps({"code": code, **seen}))
"""


def test_the_programme_is_on_screen_before_the_store_is_open(hague_paths: AppPaths) -> None:
    """The app started as `fieldvisit` does (in its own process: it runs its event loop
    to the end): the programme is populated from the first screen before the store is
    open, then the store opens on the worker and the window's actions and lock follow."""
    seen = run_app(START, hague_paths)
    store = Store.open(hague_paths)
    try:
        expected = load_programme(store, HAGUE)
    finally:
        store.close()
    assert expected is not None
    assert seen["code"] == 0
    assert seen["ready"] is False  # populated from the first screen, before the store opened
    assert seen["actions"] is False  # Find waits for the store (its search needs it)
    assert seen["sessions"] == len(expected.sessions)
    assert seen["days"] == len(expected.days)
    assert seen["opened"] is True and seen["lock"] is True and seen["actions_then"] is True


FAILED_OPEN = """
import json, sys
from PySide6.QtWidgets import QMessageBox
from fieldvisit import app
from fieldvisit.cli import gui_defaults
from fieldvisit.domain.errors import StorageError
from fieldvisit.paths import resolve

shown = []

def critical(_parent, title, text):
    shown.append(f"{title}: {text}")
    return QMessageBox.StandardButton.Ok

def cannot(_paths):
    raise StorageError("the store is locked by another program", path="fieldvisit.sqlite")

QMessageBox.critical = critical
app.open_store = cannot
seen = {}

def on_started(shell):
    programme = shell.window.programme
    programme.populated.connect(lambda: seen.setdefault("populated", True))

code = app.run(gui_defaults(), resolve(sys.argv[1]), on_started=on_started)
print(json.dumps({"code": code, "shown": shown, **seen}))
"""


def test_a_store_that_cannot_open_behind_the_first_screen_is_a_dialog_and_exit_2(
    hague_paths: AppPaths,
) -> None:
    """The first screen was shown, then the worker could not open the store: the delegate
    is told why, as when it fails before the window is filled, and the app exits 2."""
    seen = run_app(FAILED_OPEN, hague_paths)
    assert seen["populated"] is True
    assert seen["code"] == 2
    assert len(seen["shown"]) == 1
    assert "Cannot open your data" in seen["shown"][0]
    assert "locked by another program" in seen["shown"][0]
