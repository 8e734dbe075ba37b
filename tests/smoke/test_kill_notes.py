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
