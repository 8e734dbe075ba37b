"""The one place where the application's parts are created and wired together.

Qt is imported lazily inside the GUI entry points, so command-line work never loads it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from fieldvisit.paths import AppPaths


def main(argv: Sequence[str] | None = None) -> int:
    from fieldvisit.cli import main as cli_main

    return cli_main(argv)


def no_display() -> int | None:
    """Before a window is opened: say in one line why none can be, and the exit code."""
    from fieldvisit.display import EXIT_NO_DISPLAY, display_problem

    problem = display_problem()
    if problem is None:
        return None
    print(f"fieldvisit: {problem}", file=sys.stderr)
    return EXIT_NO_DISPLAY


def run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    refused = no_display()  # Qt would abort the process (exit 134) without a display
    if refused is not None:
        return refused
    from fieldvisit.gui.application import run

    return run(args, paths)


def run_snapshot(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.snapshot import run_snapshot as snapshot

    return snapshot(args, paths)


def run_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.selftest import run_self_test as self_test

    return self_test(args, paths)
