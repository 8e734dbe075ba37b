"""Erase for real: emptying the bin and erasing an event's data leave no word in the files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldvisit.cli import main
from fieldvisit.paths import resolve
from fieldvisit.services import erase, notes
from fieldvisit.services.store import Store
from fieldvisit.storage.models import AgendaPickRow, AnswerRow

T0 = dt.datetime(2017, 2, 15, 9, 0, tzinfo=dt.UTC)


def files_holding(folder: Path, word: str) -> list[str]:
    """Every file under `folder` whose bytes hold `word` (UTF-8 or UTF-16)."""
    forms = [word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be")]
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and any(form in p.read_bytes() for form in forms)
    )


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(data_dir))
    yield opened
    opened.close()


def write(store: Store, event: str, *bodies: str, minutes: int = 0) -> str:
    nid = notes.new_note_id()
    for index, body in enumerate(bodies):
        notes.save_note(
            store,
            notes.NoteDraft(id=nid, event_id=event, body=body, tags=("tagword",)),
            new_revision=True,
            now=T0 + dt.timedelta(minutes=minutes + 5 * index),
        )
    return nid


def test_empty_bin_erases_rows_history_and_index(store: Store, data_dir: Path) -> None:
    for index in range(40):
        write(store, "ev", f"keeper{index} " + "filler " * 40)
    gone = write(store, "ev", "quokkasecret first draft", "quokkasecret then platypusword")
    other_event = write(store, "other", "wombatdeleted elsewhere")
    notes.set_deleted(store, gone)
    notes.set_deleted(store, other_event)
    # Soft delete hides; the words are still on disk.
    assert files_holding(data_dir, "platypusword")
    assert erase.deleted_count(store, "ev") == 1

    assert erase.empty_bin(store, "ev") == 1

    assert files_holding(data_dir, "quokkasecret") == []
    assert files_holding(data_dir, "platypusword") == []
    assert notes.get_note(store, gone) is None
    assert notes.history(store, gone) == []
    assert erase.deleted_count(store, "ev") == 0
    # What was not in that bin stays, searchable.
    assert len(notes.search_notes(store, "ev", "keeper7")) == 1
    assert notes.get_note(store, other_event) is not None
    assert len(notes.list_notes(store, "ev")) == 40


def test_erase_event_data_takes_every_record_of_that_event_only(
    store: Store, data_dir: Path
) -> None:
    write(store, "ev", "echidnaword about the visit")
    kept = write(store, "other", "numbatword stays")
    with store.unit() as s:
        s.add(AgendaPickRow(event_id="ev", session_uid="s1"))
        s.add(
            AnswerRow(
                id="a1",
                event_id="ev",
                questionnaire_uid="q",
                version=1,
                question_uid="q1",
                value={"value": "bilbyanswer"},
            )
        )
    assert files_holding(data_dir, "bilbyanswer")

    erased = erase.erase_event_data(store, "ev")

    assert (erased.notes, erased.answers, erased.other) == (1, 1, 1)
    for word in ("echidnaword", "bilbyanswer"):
        assert files_holding(data_dir, word) == []
    assert notes.get_note(store, kept) is not None
    assert notes.search_notes(store, "other", "numbatword")


def test_secure_delete_is_set_by_the_app(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_cli_empty_bin_and_erase_event(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(resolve(data_dir))
    notes.set_deleted(store, write(store, "ev", "dingoword"))
    write(store, "ev", "kowariword")
    store.close()

    assert main(["empty-bin", "--event", "ev"]) == 0
    assert "1 deleted note(s) erased" in capsys.readouterr().out
    assert files_holding(data_dir, "dingoword") == []

    assert main(["erase-event", "--event", "ev"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert files_holding(data_dir, "kowariword")
    assert main(["erase-event", "--event", "ev", "--yes"]) == 0
    assert "erased 1 note(s)" in capsys.readouterr().out
    assert files_holding(data_dir, "kowariword") == []
