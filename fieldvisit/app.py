"""The one place where the application's parts are created and wired together.

Qt is imported lazily inside the GUI entry points, so command-line work never loads it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from fieldvisit.paths import AppPaths


def main(argv: Sequence[str] | None = None) -> int:
    from fieldvisit.cli import main as cli_main

    return cli_main(argv)


def run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.application import run

    return run(args, paths)


def run_snapshot(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.snapshot import run_snapshot as snapshot

    return snapshot(args, paths)


def run_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.gui.selftest import run_self_test as self_test

    return self_test(args, paths)


def run_export(args: argparse.Namespace, paths: AppPaths) -> int:
    """`fieldvisit export`: a .pdf booklet is drawn by Qt, offscreen (no display needed),
    the same way the Export menu draws it; other files never load Qt."""
    from pathlib import Path

    from fieldvisit.commands.returns import cmd_export

    if Path(args.output).suffix.lower() != ".pdf":
        return cmd_export(args, paths)
    from fieldvisit.gui.pdf import offscreen_renderer, write_pdf

    app = offscreen_renderer()

    def render(markdown: str, path: Path, title: str) -> int:
        return write_pdf(markdown, path, title=title)

    try:
        return cmd_export(args, paths, render)
    finally:
        del app
