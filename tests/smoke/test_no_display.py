"""Starting the desktop app where no window can open: one line and an exit code of its own.

Before, Qt printed "Reinstalling the application may fix this problem" and aborted the
process (exit 134, a core dump) when started over SSH without a display (issue 15).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldvisit import display
from fieldvisit.display import EXIT_NO_DISPLAY, display_problem, missing_library_message

ROOT = Path(__file__).resolve().parents[2]
GONE = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def start(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in GONE}
    environment.update(FIELDVISIT_DATA_DIR=str(data_dir), **env)
    return subprocess.run(
        [sys.executable, "-m", "fieldvisit", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
@pytest.mark.parametrize("args", [(), ("gui",)])
def test_no_display_says_so_in_one_line(data_dir: Path, args: tuple[str, ...]) -> None:
    done = start(data_dir, *args)
    assert done.returncode == EXIT_NO_DISPLAY, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("fieldvisit: no graphical display was found")
    assert "QT_QPA_PLATFORM=offscreen" in lines[0] and "--help" in lines[0]
    assert "Reinstalling" not in done.stderr and "Traceback" not in done.stderr
    assert not data_dir.exists()  # nothing was started, nothing stored


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_a_display_with_no_x_server_behind_it(data_dir: Path) -> None:
    if Path("/tmp/.X11-unix/X87").exists():
        pytest.skip("this machine runs an X server on :87")
    done = start(data_dir, DISPLAY=":87")
    assert done.returncode == EXIT_NO_DISPLAY, done.stderr
    assert "DISPLAY=:87 names no running X server" in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_the_command_line_works_without_a_display(data_dir: Path) -> None:
    done = start(data_dir, "events")
    assert done.returncode == 0, done.stderr


def test_what_counts_as_a_display() -> None:
    linux = "linux"
    assert display_problem({}, platform=linux) == display.NO_DISPLAY
    assert display_problem({}, platform="win32") is None
    assert display_problem({}, platform="darwin") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform=linux) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform=linux) is None
    # QT_QPA_PLATFORM=xcb on a Wayland session still needs DISPLAY.
    both = {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert display_problem(both, platform=linux) == display.NO_DISPLAY
    # A remote display (SSH forwarding) is left to Qt.
    assert display_problem({"DISPLAY": "remote:10.0"}, platform=linux, plugin=Path("/x")) is None


def test_a_missing_xcb_library_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    error = "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"

    def cannot_load(name: str, mode: int = 0) -> None:
        raise OSError(error)

    monkeypatch.setattr(ctypes, "CDLL", cannot_load)
    monkeypatch.setattr(display, "_x_server_missing", lambda _display: False)
    problem = display_problem({"DISPLAY": ":0"}, platform="linux", plugin=Path("libqxcb.so"))
    assert problem is not None
    assert "libxcb-cursor.so.0 is missing" in problem
    assert "sudo apt install libxcb-cursor0" in problem and "Qt 6.5" in problem


def test_package_names_of_other_libraries() -> None:
    message = missing_library_message(
        "/x/libqxcb.so: libxkbcommon-x11.so.0: cannot open shared object file: No such file"
    )
    assert message is not None and "libxkbcommon-x11-0" in message
    unknown = missing_library_message("libfoo.so.3: cannot open shared object file: No such")
    assert unknown is not None and "libfoo.so.3" in unknown
    assert missing_library_message("some other failure") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_real_plugin_loads_or_names_what_is_missing() -> None:
    plugin = display.xcb_plugin()
    if plugin is None:
        pytest.skip("PySide6 has no xcb plugin here")
    # This machine may lack one of the plugin's libraries (a server has no libxcb-icccm4):
    # then the line names the package, never a traceback.
    problem = display_problem({"DISPLAY": "remote:0"}, platform="linux", plugin=plugin)
    assert problem is None or "sudo apt install" in problem
