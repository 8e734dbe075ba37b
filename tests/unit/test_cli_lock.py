"""`fieldvisit lock set|change|remove` and the passcode for the commands that read the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldvisit.cli import main
from fieldvisit.paths import resolve
from fieldvisit.services import notes
from fieldvisit.services.store import Store, store_kind
from fieldvisit.storage import cipher, keyfile


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "DEFAULT_PARAMS", keyfile.KdfParams(1024, 1, 1))
    monkeypatch.setattr(cipher.THROTTLE, "sleep", lambda _s: None)
    monkeypatch.delenv("FIELDVISIT_PASSCODE_FILE", raising=False)


def code(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / name
    path.write_text(value + "\n", encoding="utf-8")
    return str(path)


def test_set_change_remove(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store.open(resolve(data_dir))
    notes.save_note(store, notes.NoteDraft(id=notes.new_note_id(), event_id="ev", body="kiwi"))
    store.close()
    first, second = code(tmp_path, "one", "first code"), code(tmp_path, "two", "second code")

    assert main(["lock", "set", "--passcode-file", first]) == 0
    out = capsys.readouterr().out
    assert "encrypted" in out and "cannot be recovered" in out and "SSD" in out
    assert store_kind(resolve(data_dir)) == "encrypted"

    # Commands that read the store need the passcode: a file, or the variable.
    assert main(["events"]) == 2
    assert "--passcode-file" in capsys.readouterr().err
    assert main(["events", "--passcode-file", second]) == 2
    assert "wrong passcode" in capsys.readouterr().err
    assert main(["events", "--passcode-file", first]) == 0
    monkeypatch.setenv("FIELDVISIT_PASSCODE_FILE", first)
    assert main(["events"]) == 0
    assert main(["empty-bin", "--event", "ev"]) == 0
    monkeypatch.delenv("FIELDVISIT_PASSCODE_FILE")
    capsys.readouterr()

    assert main(["lock", "set", "--passcode-file", first]) == 2
    assert "already protected" in capsys.readouterr().err
    assert main(["lock", "change", "--passcode-file", first, "--new-passcode-file", second]) == 0
    assert "cannot be recovered" in capsys.readouterr().out
    assert main(["events", "--passcode-file", first]) == 2
    capsys.readouterr()

    assert main(["lock", "remove", "--passcode-file", first]) == 2
    assert "wrong passcode" in capsys.readouterr().err
    assert store_kind(resolve(data_dir)) == "encrypted"
    assert main(["lock", "remove", "--passcode-file", second]) == 0
    assert "no longer encrypted" in capsys.readouterr().out
    rows = sqlite3.connect(data_dir / "fieldvisit.sqlite").execute("SELECT body FROM notes")
    assert rows.fetchall() == [("kiwi",)]
    assert main(["events"]) == 0


def test_an_empty_passcode_file_is_refused(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lock", "set", "--passcode-file", code(tmp_path, "empty", "")]) == 2
    assert "passcode file is empty" in capsys.readouterr().err
    assert store_kind(resolve(data_dir)) == "new"
