"""Start the app in its own process, as `fieldvisit` does, with a script's hooks: for tests
whose point is a fresh interpreter (what a start loads, builds and paints)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from fieldvisit.paths import AppPaths


def run_app(script: str, paths: AppPaths) -> dict[str, Any]:
    """Run `script` (the app with hooks) in its own process on `paths`: the JSON object it
    printed last."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(paths.data)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found
