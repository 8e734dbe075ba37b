"""The command line: options before or after the sub-command mean the same thing."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldvisit.cli import _split_bare_file, build_parser, main


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/tmp/x", "events"],
        ["events", "--data-dir", "/tmp/x"],
        ["--data-dir", "/tmp/x", "pack", "verify", "p.fvpack"],
        ["pack", "verify", "p.fvpack", "--data-dir", "/tmp/x"],
        ["--data-dir", "/tmp/x", "return", "-o", "out"],
    ],
)
def test_data_dir_before_or_after_the_command(argv: list[str]) -> None:
    assert build_parser().parse_args(argv).data_dir == "/tmp/x"


def test_no_data_dir_means_none() -> None:
    assert build_parser().parse_args(["events"]).data_dir is None


def test_a_bare_pack_file_opens_the_gui() -> None:
    assert _split_bare_file(["--data-dir", "d", "event.fvpack"]) == [
        "--data-dir",
        "d",
        "gui",
        "event.fvpack",
    ]
    args = build_parser().parse_args(_split_bare_file(["event.fvpack"]))
    assert args.handler == "fieldvisit.app:run_gui" and args.file == "event.fvpack"


def test_events_reads_the_store_named_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "events", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert (empty / "fieldvisit.sqlite").exists()


def test_command_list_matches_the_parser() -> None:
    import argparse

    from fieldvisit.cli import COMMANDS

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(sub.choices) == sorted(COMMANDS)


def test_the_no_argument_start_matches_the_parser() -> None:
    from fieldvisit.cli import gui_defaults

    assert vars(gui_defaults()) == vars(build_parser().parse_args([]))


def test_the_organisers_have_their_own_command() -> None:
    from fieldvisit.cli import build_parser, resolve_handler

    args = build_parser().parse_args(["organiser", "--db", "postgresql+psycopg://ann@db/team"])
    assert args.handler == "fieldvisit.app:run_organiser"
    assert args.db == "postgresql+psycopg://ann@db/team"
    assert callable(resolve_handler(args.handler))
    assert build_parser().parse_args(["organiser"]).db is None  # then: the last store opened
