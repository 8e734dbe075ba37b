"""Test set-up: offscreen Qt, every path under tmp_path, and the shared real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import PostgresServer, missing_reason

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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for this test session (issue 14).

    Skips with the reason on a machine without the server binaries; on CI (CI=true) or
    with FIELDVISIT_REQUIRE_POSTGRES=1 that is a failure instead, so these tests can
    never silently not run there.
    """
    reason = missing_reason()
    if reason is not None:
        if os.environ.get("CI") == "true" or os.environ.get("FIELDVISIT_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL tests cannot run on CI: {reason}")
        pytest.skip(reason)
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def collation_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a collation store goes: a SQLite file, or a fresh database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "collation.sqlite")
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.url(server.create_database())


# Hypothesis profiles for the readers' property tests (tests/unit/test_fuzz_readers.py).
# "ci" (the default): a modest, derandomized number of inputs per reader, so every run tries
# the same inputs (no flaky failures) and the suite stays quick; the deadline is the time
# bound of the property, above the readers' own work budgets. tests/fuzz/run_fuzz.py runs
# many more inputs; HYPOTHESIS_PROFILE=long gives a longer, random run inside pytest.
def _hypothesis_profiles() -> None:
    import datetime as dt

    from hypothesis import HealthCheck, settings

    relaxed = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    settings.register_profile(
        "ci",
        max_examples=60,
        deadline=dt.timedelta(seconds=30),
        derandomize=True,
        database=None,
        suppress_health_check=relaxed,
        print_blob=True,
    )
    settings.register_profile(
        "long",
        max_examples=2000,
        deadline=dt.timedelta(seconds=30),
        suppress_health_check=relaxed,
        print_blob=True,
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
