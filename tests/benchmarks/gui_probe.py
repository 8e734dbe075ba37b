"""Start the real app as `fieldvisit` does, report one start-up moment and quit (bench_gui's probe).

    python tests/benchmarks/gui_probe.py shown|populated|unlock|autosave [EVENT_ID]

The data folder comes from FIELDVISIT_DATA_DIR, as for the app. Prints
`FIELDVISIT_BENCH <what> <epoch seconds> <rss KiB>` once the window frame is shown, or once
the store is open and the programme of EVENT_ID (default: the last event) is populated.
`unlock` (an encrypted store, no FIELDVISIT_PASSCODE_FILE): types FIELDVISIT_BENCH_PASSCODE
into the unlock screen, prints `FIELDVISIT_BENCH clicked <epoch seconds>` as it presses
Unlock, then the `populated` line. `autosave`: once populated, opens Notes, and 15 times
types into a new note and prints `FIELDVISIT_BENCH_SAVE <seconds>` from the last keystroke
to the note's `saved` signal.
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


def press_unlock() -> bool:
    """Type the passcode into the unlock screen and press Unlock, once it is up."""
    import os

    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "unlock_dialog" and widget.isVisible():
            field = widget.findChild(QLineEdit, "unlock_passcode")
            button = widget.findChild(QPushButton, "unlock_button")
            assert field is not None and button is not None
            field.setText(os.environ["FIELDVISIT_BENCH_PASSCODE"])
            print(f"FIELDVISIT_BENCH clicked {time.time():.6f}", flush=True)
            button.click()
            return True
    return False


def keystroke_to_saved(section: object, text: str, *, timeout_ms: int) -> float | None:
    """Type `text` into the Notes section's editor; seconds from the last keystroke to the
    section's `saved` signal (None if it did not come within `timeout_ms`). Shared with
    bench_autosave."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    loop = QEventLoop()
    stamps: list[float] = []

    def on_saved(_note_id: str) -> None:
        stamps.append(time.perf_counter())
        loop.quit()

    section.saved.connect(on_saved)  # type: ignore[attr-defined]
    QTest.keyClicks(section.editor.body, text)  # type: ignore[attr-defined]
    last = time.perf_counter()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    section.saved.disconnect(on_saved)  # type: ignore[attr-defined]
    return stamps[0] - last if stamps else None


def autosave_rounds(shell: object, rounds: int = 15) -> None:
    """Keystroke to `saved` in the Notes section, as a delegate types."""
    from PySide6.QtWidgets import QApplication

    window = shell.window  # type: ignore[attr-defined]
    window.show_section("notes")
    section = window.sections["notes"]
    for n in range(rounds):
        section.new_note()
        QApplication.processEvents()
        seconds = keystroke_to_saved(section, f"words of round {n} ", timeout_ms=10_000)
        if seconds is not None:
            print(f"FIELDVISIT_BENCH_SAVE {seconds:.6f}", flush=True)
    QApplication.quit()


def main() -> int:
    what = sys.argv[1]
    event = sys.argv[2] if len(sys.argv) > 2 else ""
    from PySide6.QtCore import QTimer

    from fieldvisit.app import Frame, Shell, run
    from fieldvisit.cli import gui_defaults
    from fieldvisit.paths import resolve
    from fieldvisit.settings import LAST_EVENT

    def on_shown(frame: Frame) -> bool:
        if what == "unlock":  # the unlock screen comes up modal after this
            poll = QTimer(frame.window)
            poll.setInterval(10)

            def on_poll() -> None:
                if press_unlock():
                    poll.stop()

            poll.timeout.connect(on_poll)
            poll.start()
        if what != "shown":
            return False
        QTimer.singleShot(0, lambda: report("shown"))
        return True

    def on_started(shell: Shell) -> None:
        if event:
            shell.ctx.settings.set(LAST_EVENT, event)
        programme = shell.window.programme
        done: list[bool] = []

        def on_populated() -> None:
            if not programme.programme or done:
                return
            done.append(True)
            if what == "autosave":
                QTimer.singleShot(0, lambda: autosave_rounds(shell))
            else:
                report("populated")

        programme.populated.connect(on_populated)

    return run(gui_defaults(), resolve(None), on_shown=on_shown, on_started=on_started)


if __name__ == "__main__":
    raise SystemExit(main())
