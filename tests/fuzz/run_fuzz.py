"""The long fuzz run: many more inputs per reader than the test suite's property tests.

    python3 -m uv run python tests/fuzz/run_fuzz.py                  # every reader, 2000 each
    python3 -m uv run python tests/fuzz/run_fuzz.py -n 10000 icalendar frab-xml
    python3 -m uv run python tests/fuzz/run_fuzz.py --seconds 600    # each reader for 10 min

The property is that of tests/unit/test_fuzz_readers.py: every input gives a result or one
of the project's own errors, within --timeout seconds (a SIGALRM turns a hang into a
finding). Each finding's input is written to tests/fuzz/corpus/<reader>/<sha256>.bin; the
test suite replays every file there, so a finding becomes a regression case once committed
(after the fix). A summary line per reader gives the inputs run, findings and hangs.

Hypothesis keeps its own database of interesting inputs in tests/fuzz/.hypothesis (not
committed), so a later run starts from what earlier ones found.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, so `fuzz.readers` imports as in the suite
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: E402

from fuzz.readers import ALLOWED, TARGETS, Target  # noqa: E402

CORPUS = HERE / "corpus"


class Hang(BaseException):
    """Raised by SIGALRM: the reader ran past the time bound."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang


def run_target(target: Target, examples: int, seconds: float, timeout: int) -> tuple[int, int, int]:
    """(inputs run, uncaught exceptions, hangs) for one reader."""
    import tempfile

    counts = {"inputs": 0, "errors": 0, "hangs": 0}
    seen: set[str] = set()  # one input kept per kind of finding (exception and place)
    stop_at = time.monotonic() + seconds if seconds else None

    def record(data: bytes, kind: str, detail: str, signature: str) -> None:
        counts[kind] += 1
        if signature in seen:
            return
        seen.add(signature)
        digest = hashlib.sha256(data).hexdigest()[:16]
        folder = CORPUS / target.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{digest}.bin").write_bytes(data)
        print(f"  {target.name}: {kind[:-1]} {digest}: {detail}", flush=True)

    @settings(
        max_examples=examples,
        deadline=None,  # the alarm is the bound here: a hang never returns to be timed
        database=DirectoryBasedExampleDatabase(str(HERE / ".hypothesis")),
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: keep going
    )
    @given(target.inputs())
    def one(data: bytes) -> None:
        if stop_at is not None and time.monotonic() > stop_at:
            return
        counts["inputs"] += 1
        signal.alarm(timeout)
        try:
            with tempfile.TemporaryDirectory() as scratch:
                target.read(data, Path(scratch))
        except ALLOWED:
            pass
        except Hang:
            record(data, "hangs", f"no answer within {timeout} s", "hang")
        except Exception as exc:  # any other exception is the finding
            frames = traceback.extract_tb(exc.__traceback__)
            ours = [f for f in frames if "/fieldvisit/" in f.filename] or frames
            where = f"{ours[-1].filename}:{ours[-1].lineno}"
            record(
                data,
                "errors",
                f"{type(exc).__name__}: {str(exc)[:120]} (from {where})",
                f"{type(exc).__name__}@{where}",
            )
        finally:
            signal.alarm(0)

    one()
    return counts["inputs"], counts["errors"], counts["hangs"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readers", nargs="*", help=f"of: {', '.join(TARGETS)} (default all)")
    parser.add_argument("-n", "--examples", type=int, default=2000, help="inputs per reader")
    parser.add_argument("--seconds", type=float, default=0, help="stop each reader after this")
    parser.add_argument("--timeout", type=int, default=20, help="seconds before a hang")
    args = parser.parse_args()
    names = args.readers or list(TARGETS)
    signal.signal(signal.SIGALRM, _alarm)
    total_errors = 0
    print(f"{'reader':16} {'inputs':>7} {'errors':>7} {'hangs':>6} {'seconds':>8}")
    for name in names:
        started = time.monotonic()
        inputs, errors, hangs = run_target(TARGETS[name], args.examples, args.seconds, args.timeout)
        total_errors += errors + hangs
        print(f"{name:16} {inputs:7} {errors:7} {hangs:6} {time.monotonic() - started:8.1f}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
