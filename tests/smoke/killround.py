"""One kill round: start the app typing into a note, SIGKILL it, check what reached the disk.

Shared by tests/smoke/test_kill_notes.py and tests/benchmarks/bench_kill.py.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

GRACE_S = 0.300  # what was typed longer ago than this before the kill must be stored
ROUND_TIMEOUT_S = 30.0


@dataclass(frozen=True, slots=True)
class RoundResult:
    typed: int  # characters typed before the kill
    required: int  # of those, typed more than GRACE_S before the kill
    stored: int  # characters found in the note after the kill
    body_ok: bool  # the stored text is exactly the start of what was typed
    startup_s: float  # process start to the first character typed
    unsaved_age_s: float  # how long before the kill the oldest lost character was typed

    @property
    def ok(self) -> bool:
        return self.body_ok and self.stored >= self.required


TYPIST = Path(__file__).with_name("typist.py")


def app_command(data_dir: Path) -> list[str]:
    """The app as `fieldvisit --data-dir` starts it, with the typist's hooks (env vars)."""
    return [sys.executable, str(TYPIST), str(data_dir)]


def run_round(
    data_dir: Path,
    side_file: Path,
    rng: random.Random,
    *,
    early: bool = False,
    passcode_file: Path | None = None,
) -> RoundResult:
    """Start the app, let it type a random number of characters, kill it, read the store.

    `early`: the first hour's shape (issue 10). Ctrl+N and the typing start 0.1-0.3 s
    after the window shows, before the store has opened; the kill comes a random number
    of characters after the app says the note is stored (before that there is no store to
    write to: what is typed waits in memory). Everything typed more than GRACE_S before
    the kill must then be in the note, the keys typed before the store opened included.

    `passcode_file`: the store is encrypted; the app unlocks it through
    FIELDVISIT_PASSCODE_FILE and the note is read back with the key the passcode unwraps.
    """
    env = dict(os.environ)
    env.pop("FIELDVISIT_DATA_DIR", None)
    env.pop("FIELDVISIT_PASSCODE_FILE", None)
    if passcode_file is not None:
        env["FIELDVISIT_PASSCODE_FILE"] = str(passcode_file)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if early:
        env["FIELDVISIT_TEST_EARLY_TYPIST"] = str(side_file)
        env["FIELDVISIT_TEST_EARLY_DELAY_MS"] = str(rng.randint(100, 300))
    else:
        env["FIELDVISIT_TEST_TYPIST"] = str(side_file)
    side_file.unlink(missing_ok=True)
    target = rng.randint(5, 250)  # about 0.02-1.2 s of typing: a random moment
    stderr_path = side_file.with_suffix(".stderr")
    started = time.monotonic()
    with stderr_path.open("wb") as stderr:
        proc = subprocess.Popen(
            app_command(data_dir),
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            text=True,
        )
        watchdog = threading.Timer(ROUND_TIMEOUT_S, proc.kill)
        watchdog.start()
        note_id = ""
        first_typed = 0.0
        typed_at_note = 0  # characters typed when the note id was known
        assert proc.stdout is not None
        try:
            for line in proc.stdout:  # blocks on the pipe: no sleeping, no polling
                if line.startswith("FVNOTE "):
                    note_id = line.split()[1]
                elif line.startswith("FVTYPED "):
                    count = int(line.split()[1])
                    if count == 1:
                        first_typed = time.monotonic()
                    if early and note_id and not typed_at_note:
                        typed_at_note = count
                    if note_id and count - typed_at_note >= target:
                        break
            kill_at = time.time()
            proc.kill()  # SIGKILL on POSIX
            proc.wait()
        finally:
            watchdog.cancel()
            proc.stdout.close()
    if not note_id or not first_typed:
        raise AssertionError(
            "the app did not start typing:\n" + stderr_path.read_text(errors="replace")[-3000:]
        )
    typed: list[tuple[str, float]] = []
    for line in side_file.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:  # the last line may be cut by the kill
            typed.append((chr(int(parts[1])), float(parts[2])))
    text = "".join(ch for ch, _ in typed)
    required = sum(1 for _, ts in typed if ts < kill_at - GRACE_S)
    body = _stored_body(data_dir, note_id, passcode_file)
    lost = typed[len(body) :]
    return RoundResult(
        typed=len(typed),
        required=required,
        stored=len(body),
        body_ok=text.startswith(body),
        startup_s=first_typed - started,
        unsaved_age_s=kill_at - lost[0][1] if lost else 0.0,
    )


def _stored_body(data_dir: Path, note_id: str, passcode_file: Path | None = None) -> str:
    """Read the note straight from SQLite, read-only, as a crash-recovering reader would
    (an encrypted store through SQLCipher with the key the passcode unwraps)."""
    db = data_dir / "fieldvisit.sqlite"
    if not db.exists():
        return ""
    if passcode_file is not None:
        from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

        from fieldvisit.storage.keyfile import sql_key, unwrap

        passcode = passcode_file.read_text(encoding="utf-8").splitlines()[0]
        key = unwrap(data_dir / "fieldvisit.key", passcode)
        con = sqlcipher.connect(f"file:{db}?mode=ro", uri=True)
        con.execute(f"PRAGMA key = {sql_key(key)}")
        try:
            row = con.execute("SELECT body FROM notes WHERE id = ?", (note_id,)).fetchone()
        finally:
            con.close()
        return str(row[0]) if row else ""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT body FROM notes WHERE id = ?", (note_id,)).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else ""
