"""Start the real app as `fieldvisit` does, report one start-up moment and quit (bench_gui's probe).

    python tests/benchmarks/gui_probe.py shown|populated [EVENT_ID]

The data folder comes from FIELDVISIT_DATA_DIR, as for the app. Prints
`FIELDVISIT_BENCH <what> <epoch seconds> <rss KiB>` once the window frame is shown, or once
the store is open and the programme of EVENT_ID (default: the last event) is populated.
The hooks live here, not in the product: the app offers `run(on_shown=, on_started=)`.
"""

from __future__ import annotations

import sys
import time


def report(what: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    rss = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    print(f"FIELDVISIT_BENCH {what} {time.time():.6f} {rss}", flush=True)
    # Through the event loop: the moment may come before it runs (a first screen read
    # without the storage stack is populated before `app.exec()`).
    QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    what = sys.argv[1]
    event = sys.argv[2] if len(sys.argv) > 2 else ""
    from PySide6.QtCore import QTimer

    from fieldvisit.app import Frame, Shell, run
    from fieldvisit.cli import gui_defaults
    from fieldvisit.paths import resolve
    from fieldvisit.settings import LAST_EVENT

    def on_shown(_frame: Frame) -> bool:
        if what != "shown":
            return False
        QTimer.singleShot(0, lambda: report("shown"))
        return True

    def on_started(shell: Shell) -> None:
        if event:
            shell.ctx.settings.set(LAST_EVENT, event)
        programme = shell.window.programme
        programme.populated.connect(lambda: report("populated") if programme.programme else None)

    return run(gui_defaults(), resolve(None), on_shown=on_shown, on_started=on_started)


if __name__ == "__main__":
    raise SystemExit(main())
