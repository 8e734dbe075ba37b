"""`fieldvisit snapshot --out DIR`: render every section of the main window to PNG, offscreen.

Used for the README's screenshots and to look at the app as a delegate would on a 13-inch
laptop (1280x800) without a screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt

from fieldvisit.gui.main_window import SECTIONS, MainWindow
from fieldvisit.paths import AppPaths

WAIT_MS = 20_000


def _settle(app: QCoreApplication, until: object = None, timeout_ms: int = WAIT_MS) -> bool:
    """Process events until `until()` is true (or only briefly when None)."""
    timer = QElapsedTimer()
    timer.start()
    check = until if callable(until) else None
    while timer.elapsed() < timeout_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if check is None:
            if timer.elapsed() > 150:
                return True
        elif check():
            return True
    return False


def _rehearse(shell: Any) -> None:  # a fieldvisit.app.Shell (app imports this module)
    """Pretend it is a busy moment of the event, so Today and the timeline show something."""
    loaded = shell.window.programme.programme
    if loaded is None or not loaded.sessions:
        return
    now = shell.ctx.now()
    if loaded.sessions[0].start <= now <= loaded.sessions[-1].end:
        return
    moment = loaded.sessions[len(loaded.sessions) // 4].start + dt.timedelta(minutes=15)
    shell.ctx.set_pretend_time(moment)
    shell.window.programme.jump_to_now()


def _open_newest_note(window: MainWindow) -> bool:
    """Show the newest note in the editor, so the Notes picture shows a note being read."""
    notes = window.sections["notes"]
    model = getattr(notes, "model", None)
    if model is None or model.rowCount() == 0:
        return False
    newest = model.data(model.index(0, 0), Qt.ItemDataRole.UserRole)
    notes.show_target("note", newest.note_id)
    return True


def run_snapshot(args: argparse.Namespace, paths: AppPaths, start_shell: Callable[..., Any]) -> int:
    """Render every section; `start_shell` is the app's wiring, handed in by app.py."""
    # Offscreen unless the caller chose a platform: snapshots never need a screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fieldvisit.gui.application import create_application

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    shell = start_shell(
        paths, theme=getattr(args, "theme", "light"), language=getattr(args, "lang", None), app=app
    )
    window = shell.window
    window.resize(int(args.width), int(args.height))
    window.show()
    loaded: list[bool] = []
    window.events_loaded.connect(lambda: loaded.append(True))
    populated: list[bool] = []
    window.programme.populated.connect(lambda: populated.append(True))
    shell.start()
    _settle(app, lambda: bool(loaded))
    if shell.ctx.event_id:
        _settle(app, lambda: bool(populated))
        _rehearse(shell)
    written: list[Path] = []
    try:
        for number, name in enumerate(SECTIONS, start=1):
            window.show_section(name)
            _settle(app)
            _settle(app, lambda: not shell.worker.pending, 5000)
            if name == "notes" and _open_newest_note(window):
                _settle(app, lambda: not shell.worker.pending, 5000)
            _settle(app)
            target = out / f"section-{number:02d}-{name}.png"
            if not window.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            written.append(target)
    finally:
        shell.close()
    for path in written:
        print(path)
    return 0
