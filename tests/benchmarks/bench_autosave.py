"""Autosave benchmark: time from a note's last keystroke to its `saved` signal.

Run: .venv/bin/python tests/benchmarks/bench_autosave.py [ROUNDS]  (default 40)
The issue asks for "within 300 ms of the last keystroke"; this prints p50/p95/max.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

from gui_probe import keystroke_to_saved  # this folder: the benchmarks' shared probe
from PySide6.QtWidgets import QApplication
from section_helpers import app_context, seed_event  # type: ignore[import-not-found, unused-ignore]

from fieldvisit.gui.sections.notes import NotesSection

LIMIT_MS = 300.0


def main(rounds: int) -> int:
    app = QApplication.instance() or QApplication([])
    delays: list[float] = []
    with (
        tempfile.TemporaryDirectory(prefix="fv-bench-autosave-") as tmp,
        app_context(Path(tmp) / "data") as ctx,
    ):
        seed_event(ctx)
        section = NotesSection(ctx)
        section.resize(1100, 700)
        section.show()
        for n in range(rounds):
            if n % 10 == 0:
                section.new_note()
            seconds = keystroke_to_saved(section, f" words {n}", timeout_ms=5000)
            # wait out a second save still in flight before the next round
            while section.editor.dirty:
                app.processEvents()
            if seconds is not None:
                delays.append(seconds * 1000)
        section.close()
    delays.sort()
    p95 = delays[int(len(delays) * 0.95) - 1]
    print(
        f"autosave after the last keystroke over {len(delays)} rounds: "
        f"p50 {statistics.median(delays):.0f} ms, p95 {p95:.0f} ms, max {delays[-1]:.0f} ms "
        f"(limit {LIMIT_MS:.0f} ms)"
    )
    return 0 if delays[-1] < LIMIT_MS else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
