"""The kill test: SIGKILL the app while it types a note; nothing typed >300 ms before is lost."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from killround import run_round

ROUNDS = 20


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_sigkill_while_typing_loses_nothing_older_than_300ms(tmp_path: Path) -> None:
    rng = random.Random(20170215)
    data_dir = tmp_path / "data"  # one store across rounds: every round restarts after a kill
    failures: list[str] = []
    for n in range(ROUNDS):
        result = run_round(data_dir, tmp_path / f"typed-{n}.txt", rng)
        if not result.ok:
            failures.append(f"round {n}: {result}")
    assert not failures, "\n".join(failures)


EARLY_ROUNDS = 8


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_ctrl_n_and_typing_as_the_window_shows_loses_nothing(tmp_path: Path) -> None:
    # Issue 10: Ctrl+N and the keys typed 0.1-0.3 s after the window showed were lost.
    rng = random.Random(20261205)
    data_dir = tmp_path / "data"
    failures: list[str] = []
    for n in range(EARLY_ROUNDS):
        result = run_round(data_dir, tmp_path / f"early-{n}.txt", rng, early=True)
        if not result.ok or result.stored == 0:
            failures.append(f"round {n}: {result}")
    assert not failures, "\n".join(failures)
