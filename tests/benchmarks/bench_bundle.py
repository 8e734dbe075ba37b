"""Benchmark the frozen bundle: onedir size, and start-to-window-shown against running from source.

    .venv/bin/python tests/benchmarks/bench_bundle.py [--rounds 5] [--build]

Needs dist/fieldvisit (from `python3 -m uv run --group build python packaging/build.py`;
`--build` runs it first, without its self-test). Both variants run the app's own
`--self-test` (the frozen app has no benchmark hooks: they live in tests/benchmarks), timed
from spawning the process to the self-test's line for a step: "open store and main window"
(the window shown over an open store: "shown") and "import sample" (the sample event
imported and listed: "populated"); the process is then stopped. The variants alternate so
both see the same disk cache. Prints figures and ratios; targets: onedir <= 150 MB, frozen
start <= 1.2x the start from source.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "fieldvisit"
SIZE_TARGET_MB = 150.0
RATIO_TARGET = 1.2


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


STEPS = {"shown": "open store and main window", "populated": "import sample"}


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def start_to(what: str, command: list[str], data_dir: Path, pycache: Path) -> tuple[float, int]:
    """Seconds from spawning `command --self-test` to its step `what`, and its RSS (KiB)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FIELDVISIT_DATA_DIR=str(data_dir),
        # Bytecode cached (in a private folder) for the source run, as a user has it: a
        # PYTHONDONTWRITEBYTECODE=1 shell would compile every module on every start.
        PYTHONPYCACHEPREFIX=str(pycache),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    wanted = f"ok   {STEPS[what]}"
    started = time.time()
    proc = subprocess.Popen(
        [*command, "--self-test"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=env, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    seen: list[str] = []
    try:
        for line in proc.stdout:  # blocks on the pipe: no polling
            seen.append(line)
            if line.startswith(wanted):
                return time.time() - started, _rss_kib(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    raise SystemExit(
        f"bench: {command[0]} --self-test never reached {STEPS[what]!r}:\n{''.join(seen)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--build", action="store_true", help="build dist/fieldvisit first")
    args = parser.parse_args()
    if args.build:
        subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-self-test"], check=True
        )
    exe = BUNDLE / ("fieldvisit.exe" if sys.platform == "win32" else "fieldvisit")
    if not exe.exists():
        print(f"bench: {exe} not found; build it first (or pass --build)", file=sys.stderr)
        return 2

    size_mb = folder_size(BUNDLE) / 1e6
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file())
    variants = {
        "source": [sys.executable, "-m", "fieldvisit"],
        "frozen": [str(exe)],
    }
    moments = ("shown", "populated")
    runs = [(what, name) for what in moments for name in variants]
    times: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    rss: dict[tuple[str, str], list[int]] = {run: [] for run in runs}
    with tempfile.TemporaryDirectory(prefix="fieldvisit-bench-") as folder:
        dirs = {name: Path(folder) / name for name in variants}
        pycache = Path(folder) / "pycache"
        for name, command in variants.items():  # warm-up: store created, sample imported
            start_to("populated", command, dirs[name], pycache)
        for _ in range(args.rounds):
            for what, name in runs:
                seconds, kib = start_to(what, variants[name], dirs[name], pycache)
                times[what, name].append(seconds)
                rss[what, name].append(kib)

    print(f"onedir size: {size_mb:.1f} MB in {files} files (target <= {SIZE_TARGET_MB:.0f} MB)")
    ratios = {}
    for what in moments:
        for name in variants:
            run = (what, name)
            print(
                f"start to {what:9} {name}: {statistics.median(times[run]):6.3f} s median "
                f"(min {min(times[run]):.3f}, max {max(times[run]):.3f}, {args.rounds} rounds), "
                f"RSS {statistics.median(rss[run]) / 1024:.0f} MB"
            )
        ratios[what] = statistics.median(times[what, "frozen"]) / statistics.median(
            times[what, "source"]
        )
        print(f"frozen / source, {what}: {ratios[what]:.2f}x (target <= {RATIO_TARGET}x)")
    ok = size_mb <= SIZE_TARGET_MB and ratios["shown"] <= RATIO_TARGET
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
