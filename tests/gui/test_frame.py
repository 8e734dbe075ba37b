"""The window frame, the first phase of a start (issue 12): built without what only later
screens need, painted before the first screen is read, in the colour scheme the platform
had at the last start. Each start runs in its own process: what a fresh interpreter has
loaded is the point."""

from __future__ import annotations

from app_process import run_app

from fieldvisit.paths import AppPaths

# The app started as `fieldvisit` does, stopping once the frame is shown: what was built.
FRAME = """
import json, sys
import PySide6.QtCore, PySide6.QtGui
from fieldvisit import app
from fieldvisit.cli import gui_defaults
from fieldvisit.paths import resolve

seen = {}

def on_shown(frame):
    seen["qt_namespace"] = "Qt" in vars(PySide6.QtCore)
    seen["rich_text"] = "QTextDocument" in vars(PySide6.QtGui)
    seen["modules"] = sorted(
        m for m in sys.modules
        if m.split(".")[0] in ("sqlalchemy", "alembic")
        or m in (
            "fieldvisit.gui.sample_banner",
            "fieldvisit.gui.early_note",
            "fieldvisit.gui.formatting",
            "fieldvisit.services.store",
        )
    )
    seen["visible"] = frame.window.isVisible()
    seen["dark"] = frame.window.palette().color(frame.window.backgroundRole()).lightness() < 128
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    QTimer.singleShot(0, QApplication.quit)
    return True

app.run(gui_defaults(), resolve(sys.argv[1]), on_shown=on_shown)
print(json.dumps(seen))
"""

# A whole start: when the frame was painted, compared with the first screen's read.
PAINTED = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from fieldvisit import app
from fieldvisit.cli import gui_defaults
from fieldvisit.paths import resolve

seen = {"paints": 0}

class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            seen["paints"] += 1
        return False

paints = Paints()

def on_shown(frame):
    frame.window.installEventFilter(paints)
    return False

read = app.quick_first_screen

def quick_first_screen(paths, settings):
    seen["paints_before_first_screen"] = seen["paints"]
    return read(paths, settings)

app.quick_first_screen = quick_first_screen

def on_started(shell):
    shell.worker.submit(lambda _store: None, lambda _r: QTimer.singleShot(0, QApplication.quit))

code = app.run(gui_defaults(), resolve(sys.argv[1]), on_shown=on_shown, on_started=on_started)
print(json.dumps({"code": code, **seen}))
"""


def _remember_scheme(paths: AppPaths, scheme: str) -> None:
    ini = paths.config / "fieldvisit.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(f"[theme]\nsystem_scheme={scheme}\n", encoding="utf-8")


def test_the_frame_is_built_without_what_only_later_screens_need(hague_paths: AppPaths) -> None:
    """Started before (the platform's scheme is known), the shown frame has not built the
    `Qt` namespace's enums, the rich-text classes, the sample banner, the early note's file,
    the date formats or the storage stack:
    each costs start-up time before the first frame and is made when a screen needs it."""
    _remember_scheme(hague_paths, "light")
    seen = run_app(FRAME, hague_paths)
    assert seen["visible"] is True
    assert seen["qt_namespace"] is False
    assert seen["rich_text"] is False
    assert seen["modules"] == []
    assert seen["dark"] is False


def test_the_first_start_asks_the_platform_and_a_dark_one_paints_the_frame_dark(
    hague_paths: AppPaths,
) -> None:
    """At the very first start the scheme is not known yet: the platform is asked before
    the frame (the offscreen platform says light). A scheme seen dark at the last start
    paints the frame dark from its first paint."""
    first = run_app(FRAME, hague_paths)
    assert first["qt_namespace"] is True and first["dark"] is False
    _remember_scheme(hague_paths, "dark")
    assert run_app(FRAME, hague_paths)["dark"] is True


def test_the_frame_is_painted_before_the_first_screen_is_read(hague_paths: AppPaths) -> None:
    """A whole start: the window frame is on screen (painted) before the programme is read
    from the store, and the platform's scheme is remembered for the next start."""
    seen = run_app(PAINTED, hague_paths)
    assert seen["code"] == 0
    assert seen["paints_before_first_screen"] >= 1
    ini = (hague_paths.config / "fieldvisit.ini").read_text(encoding="utf-8")
    assert "system_scheme=light" in ini
