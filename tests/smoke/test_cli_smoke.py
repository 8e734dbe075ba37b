"""The installed program answers in a fresh process: `python -m fieldvisit --version/--help`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldvisit import __version__

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIELDVISIT_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "fieldvisit", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        check=False,
    )


def test_version(data_dir: Path) -> None:
    done = run("--version", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"fieldvisit {__version__}"
    assert "Traceback" not in done.stderr


def test_help_lists_the_commands(data_dir: Path) -> None:
    done = run("--help", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    for word in ("gui", "pack", "import", "events", "snapshot", "--data-dir"):
        assert word in done.stdout
    # --help must not start Qt or touch the store.
    assert not data_dir.exists()


def test_unknown_command_is_a_usage_error(data_dir: Path) -> None:
    done = run("frobnicate", data_dir=data_dir)
    assert done.returncode == 2
    assert "usage:" in done.stderr and "Traceback" not in done.stderr
