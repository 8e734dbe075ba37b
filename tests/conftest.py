"""Test set-up: offscreen Qt, every path under tmp_path, and the shared real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never see the developer's real store or settings.
os.environ.pop("FIELDVISIT_DATA_DIR", None)

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SCHEDULES = SHARED_DATA / "schedules"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir, also exported as FIELDVISIT_DATA_DIR; XDG paths under tmp_path."""
    folder = tmp_path / "data"
    monkeypatch.setenv("FIELDVISIT_DATA_DIR", str(folder))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_DIRS"):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / var.lower()))
    return folder


@pytest.fixture
def schedules() -> Path:
    """../shared/data/schedules, or a skip saying why when this clone has no shared data."""
    if not SCHEDULES.is_dir():
        pytest.skip(f"real schedules not available at {SCHEDULES} (outside the shared setup)")
    return SCHEDULES
