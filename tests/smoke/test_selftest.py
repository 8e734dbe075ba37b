"""`fieldvisit --self-test` from source: the counterpart of the frozen run in .ci/run."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldvisit import app
from fieldvisit.gui import selftest
from fieldvisit.gui.navigation import SECTIONS
from fieldvisit.paths import resolve

ROOT = Path(__file__).resolve().parents[2]
STEPS = [
    "start Qt (offscreen)",
    "open store and main window",
    "import sample",
    *(f"open section {name.capitalize()}" for name in SECTIONS),
    "this computer's time zone (tzlocal)",
    "write a note",
    "read the note back",
    "make a return file",
    "open the return (demo organiser key)",
    "no database job failed",
    "close the window",
]


def _run(
    tmp_path: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        environment[var] = str(tmp_path / "xdg" / var.lower())
    return subprocess.run(
        [sys.executable, "-m", "fieldvisit", "--self-test", *extra],
        capture_output=True,
        text=True,
        timeout=180,
        env=environment,
        cwd=tmp_path,
        check=False,
    )


def test_self_test_from_source_passes_every_step(tmp_path: Path) -> None:
    # The user's data dir (here: one given by the environment) must stay untouched.
    users = tmp_path / "users-data"
    log = tmp_path / "report.log"
    done = _run(tmp_path, env={"FIELDVISIT_DATA_DIR": str(users), selftest.ENV_LOG: str(log)})

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in STEPS:
        assert any(line.startswith((f"ok   {name}", f"skip {name}:")) for line in lines), (
            f"no line for step {name!r} in:\n{done.stdout}"
        )
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1].startswith("self-test passed: ")
    for marker in ("Traceback", "ModuleNotFoundError", "could not load the Qt platform plugin"):
        assert marker not in done.stdout + done.stderr
    # The core of the issue never skips: sample, note, return.
    for name in ("import sample", "write a note", "make a return file"):
        assert any(line.startswith(f"ok   {name}") for line in lines)
    assert not users.exists()
    # The same report goes to $FIELDVISIT_SELF_TEST_LOG (a windowed Windows build's only output).
    assert log.read_text(encoding="utf-8").splitlines() == lines


def test_a_failing_step_gives_exit_1_and_a_traceback_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the store is damaged")

    monkeypatch.delenv(selftest.ENV_LOG, raising=False)

    code = selftest.run_self_test(argparse.Namespace(), resolve(tmp_path / "ignored"), broken)

    out, err = capsys.readouterr()
    assert code == 1
    assert "ok   start Qt (offscreen)" in out
    assert "FAIL open store and main window: the store is damaged" in out
    assert out.splitlines()[-1] == "self-test FAILED: 1 of 2 steps"
    assert "Traceback" not in out  # the diagnostic goes to stderr only
    assert "Traceback" in err and "RuntimeError" in err
    assert not (tmp_path / "ignored").exists()


def test_a_sample_that_cannot_be_installed_fails_the_import_step(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from fieldvisit.services import importing

    def broken(_store: object) -> None:
        raise RuntimeError("the sample pack is damaged")

    monkeypatch.setattr(importing, "ensure_sample", broken)
    monkeypatch.delenv(selftest.ENV_LOG, raising=False)

    code = selftest.run_self_test(
        argparse.Namespace(), resolve(tmp_path / "ignored"), app.start_shell
    )

    out, _err = capsys.readouterr()
    assert code == 1
    assert "FAIL import sample: no event installed at start-up" in out
    assert "the sample pack is damaged" in out  # the reason the window showed
    assert "ok   close the window" in out
    assert out.splitlines()[-1].startswith("self-test FAILED: 1 of ")


def test_a_failed_check_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = selftest.Report(sys.stdout, str(tmp_path / "log.txt"))

    def check() -> None:
        raise selftest.StepFailedError("the section did not change")

    def absent() -> None:
        raise selftest.StepSkippedError("returns not available")

    assert report.step("open section Visit", check) is None
    assert report.step("make a return file", absent) is None
    assert report.step("open store", lambda: "fine") == "fine"

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "FAIL open section Visit: the section did not change",
        "skip make a return file: SKIPPED: returns not available",
        "ok   open store (fine)",
    ]
    assert err == ""
    assert report.failed == ["open section Visit"]
    assert report.skipped == ["make a return file"]
    assert (tmp_path / "log.txt").read_text(encoding="utf-8").splitlines() == out.splitlines()
