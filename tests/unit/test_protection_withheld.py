"""An organiser's require_app_lock withholds the event's notes and answers from Find, Today's
summary, the notes booklet and the return until the store has a passcode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldvisit.cli import main
from fieldvisit.domain.errors import PasscodeRequiredError
from fieldvisit.paths import AppPaths, resolve
from fieldvisit.services import exports, notes, search, summary
from fieldvisit.services.booklet import build_booklet
from fieldvisit.services.importing import ensure_sample
from fieldvisit.services.protection import withheld
from fieldvisit.services.returns import compose_draft, write_return
from fieldvisit.services.store import Store, store_files
from fieldvisit.storage import cipher, keyfile
from fieldvisit.storage.models import EventRow

EVENT = "sample-hague-rftf-2017"
MARKER = "okapimarker"
PASSCODE = "green lantern 17"


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "DEFAULT_PARAMS", keyfile.KdfParams(1024, 1, 1))
    monkeypatch.setattr(cipher.THROTTLE, "sleep", lambda _s: None)


def require_lock(store: Store, event_id: str) -> None:
    """As if the event's pack said `require_app_lock: true`."""
    with store.unit() as s:
        row = s.scalars(select(EventRow).where(EventRow.id == event_id)).one()
        row.data = {**(row.data or {}), "require_app_lock": True}


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return resolve(data_dir)


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    opened = Store.open(paths)
    ensure_sample(opened)
    require_lock(opened, EVENT)
    notes.save_note(opened, notes.NoteDraft(notes.new_note_id(), EVENT, f"Met the {MARKER} team"))
    yield opened
    opened.close()


def session_word(store: Store) -> str:
    from fieldvisit.services.programme import load_programme

    programme = load_programme(store, EVENT)
    assert programme is not None
    return max((s.title for s in programme.sessions), key=len).split()[0]


def test_find_shows_the_programme_but_no_note(store: Store) -> None:
    assert withheld(store, EVENT)
    assert [h for h in search.search(store, EVENT, MARKER) if h.kind == "note"] == []
    word = session_word(store)
    assert any(h.kind == "session" for h in search.search(store, EVENT, word))


def test_today_summary_gives_no_counts(store: Store) -> None:
    got = summary.event_summary(store, EVENT)
    assert got.withheld and got.notes == 0 and got.answers == 0 and got.unsent_notes == 0


def test_booklet_export_and_return_are_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(PasscodeRequiredError, match="passcode"):
        build_booklet(store, EVENT)
    target = tmp_path / "out" / "notes.md"
    target.parent.mkdir()
    with pytest.raises(PasscodeRequiredError):
        exports.export(store, "notes", EVENT, target)
    with pytest.raises(PasscodeRequiredError):
        compose_draft(store, EVENT)
    with pytest.raises(PasscodeRequiredError):
        write_return(store, EVENT, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []  # nothing written
    # What holds no notes or answers still goes: the agenda.
    exports.export(store, "agenda", EVENT, tmp_path / "out" / "agenda.ics")


def test_other_events_are_not_withheld(store: Store) -> None:
    notes.save_note(store, notes.NoteDraft(notes.new_note_id(), "other", f"{MARKER} elsewhere"))
    assert not withheld(store, "other")
    assert summary.event_summary(store, "other").notes == 1


def test_cli_export_and_return_say_so_in_one_line(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    code = main(["export", "notes", "--event", EVENT, "-o", str(tmp_path / "n.md")])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "require a passcode" in err
    assert not (tmp_path / "n.md").exists()


def test_with_a_passcode_everything_shows_again(store: Store, paths: AppPaths) -> None:
    store.close()
    cipher.protect(store_files(paths), PASSCODE)
    opened = Store.open(paths, passcode=PASSCODE)
    try:
        assert not withheld(opened, EVENT)
        assert [h for h in search.search(opened, EVENT, MARKER) if h.kind == "note"]
        assert MARKER in build_booklet(opened, EVENT)
        assert summary.event_summary(opened, EVENT).notes == 1
        assert compose_draft(opened, EVENT).event_id == EVENT
    finally:
        opened.close()
