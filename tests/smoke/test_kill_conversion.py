"""kill -9 while the store is converted (plain to encrypted and back): at any moment the
old store, or the new one, is there whole, and the next start tidies what was left."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fieldvisit.paths import resolve
from fieldvisit.services import notes
from fieldvisit.services.store import Store, store_kind

ROUNDS = 10
NOTES = 3000
PASSCODE = "kill during conversion"


def command(data_dir: Path, passcode: Path, action: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "fieldvisit",
        "--data-dir",
        str(data_dir),
        "lock",
        action,
        "--passcode-file",
        str(passcode),
    ]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FIELDVISIT_DATA_DIR", None)
    env.pop("FIELDVISIT_PASSCODE_FILE", None)
    return env


def count_notes(data_dir: Path) -> tuple[str, int]:
    paths = resolve(data_dir)
    kind = store_kind(paths)  # recovers first; raises if the files disagree
    store = Store.open(paths, passcode=PASSCODE if kind == "encrypted" else None)
    try:
        return kind, notes.count_notes(store, "ev")
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_kill_during_conversion_leaves_a_whole_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    passcode = tmp_path / "passcode.txt"
    passcode.write_text(PASSCODE + "\n", encoding="utf-8")
    store = Store.open(resolve(data_dir))
    notes.bulk_insert(
        store,
        [
            notes.NoteDraft(id=notes.new_note_id(), event_id="ev", body=f"note {i} " * 60)
            for i in range(NOTES)
        ],
    )
    store.close()
    # One whole conversion each way, to learn how long one takes here.
    started = time.monotonic()
    subprocess.run(command(data_dir, passcode, "set"), env=environment(), check=True)
    whole = time.monotonic() - started
    subprocess.run(command(data_dir, passcode, "remove"), env=environment(), check=True)
    assert count_notes(data_dir) == ("plain", NOTES)

    rng = random.Random(20170217)
    killed = 0
    for n in range(ROUNDS):
        kind, _ = count_notes(data_dir)
        action = "set" if kind == "plain" else "remove"
        proc = subprocess.Popen(
            command(data_dir, passcode, action),
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        killer = threading.Timer(rng.uniform(0.2, 1.0) * whole, proc.kill)
        killer.start()
        proc.wait()
        killer.cancel()
        killed += proc.returncode == -9
        after, count = count_notes(data_dir)
        assert count == NOTES, f"round {n}: {after} store with {count} notes"
        leftovers = sorted(
            p.name
            for p in data_dir.iterdir()
            if p.name.endswith((".converting", ".old", ".pending"))
        )
        assert leftovers == [], f"round {n}: {leftovers}"
    assert killed > 0  # the kills did land while converting
