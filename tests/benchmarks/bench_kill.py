"""Kill benchmark: many SIGKILL rounds while typing; prints loss windows and start-up times.

Run: .venv/bin/python tests/benchmarks/bench_kill.py [ROUNDS] [--early]  (default 100)

--early: the first hour's shape (issue 10): Ctrl+N and typing 0.1-0.3 s after the window
shows, before the store has opened; the kill at a random moment after the note is stored.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "smoke"))

from killround import GRACE_S, run_round


def main(rounds: int, early: bool = False) -> int:
    rng = random.Random(20210525)
    failures = 0
    ages: list[float] = []
    startups: list[float] = []
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fv-bench-kill-") as tmp:
        folder = Path(tmp)
        for n in range(rounds):
            result = run_round(folder / "data", folder / f"typed-{n}.txt", rng, early=early)
            ages.append(result.unsaved_age_s)
            startups.append(result.startup_s)
            if not result.ok:
                failures += 1
                print(f"round {n}: FAILED {result}")
    ages.sort()
    shape = "early (Ctrl+N 0.1-0.3 s after show)" if early else "ordinary"
    print(
        f"{shape} rounds: {rounds}, failures: {failures}, "
        f"wall time {time.monotonic() - began:.1f} s"
    )
    print(
        f"oldest lost keystroke at kill: median {statistics.median(ages) * 1000:.0f} ms, "
        f"max {ages[-1] * 1000:.0f} ms (limit {GRACE_S * 1000:.0f} ms)"
    )
    print(
        f"start to first keystroke: median {statistics.median(startups):.2f} s, "
        f"max {max(startups):.2f} s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    raise SystemExit(main(int(numbers[0]) if numbers else 100, early="--early" in sys.argv))
