"""The passcode from the command line: `fieldvisit lock set|change|remove`, the store's
passcode for every command that reads it, and erasing for real (`empty-bin`, `erase-event`).

A passcode comes from `--passcode-file FILE` (its first line), else the file named by
$FIELDVISIT_PASSCODE_FILE, else a prompt when stdin is a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from fieldvisit.domain.errors import UserError
from fieldvisit.paths import ENV_PASSCODE_FILE, AppPaths
from fieldvisit.services.store import Store, is_protected, store_files

EXIT_OK = 0

FORGOTTEN = (
    "Remember it: a forgotten passcode cannot be recovered, and nobody (not the organisers, "
    "not the makers of fieldvisit) can open the store without it. Returns already sent are "
    "not affected."
)


def _read_file(path: str) -> str:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise UserError("the passcode file is not UTF-8 text", path=path) from None
    if not lines or not lines[0]:
        raise UserError("the passcode file is empty (the passcode is its first line)", path=path)
    return lines[0]


def read_passcode(
    path: str | None, *, prompt: str = "Passcode: ", env: bool = True, confirm: bool = False
) -> str | None:
    """The passcode from `path`, else $FIELDVISIT_PASSCODE_FILE, else the terminal; None
    when there is none to be had (no file, no terminal)."""
    if path:
        return _read_file(path)
    if env and os.environ.get(ENV_PASSCODE_FILE):
        return _read_file(os.environ[ENV_PASSCODE_FILE])
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass(prompt)
    if confirm and first != getpass.getpass("Again: "):
        raise UserError("the two passcodes differ; nothing was changed")
    return first or None


def open_store(args: argparse.Namespace, paths: AppPaths) -> Store:
    """The store for a CLI command, asking for the passcode only when it is protected."""
    if not is_protected(paths):
        return Store.open(paths)
    passcode = read_passcode(getattr(args, "passcode_file", None))
    return Store.open(paths, passcode=passcode)


def cmd_lock(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.services import store as store_service

    files = store_files(paths)
    protected = is_protected(paths)
    if args.lock_command == "set":
        if protected:
            raise UserError(
                "the store is already protected; use `fieldvisit lock change`", path=files.database
            )
        passcode = read_passcode(
            args.passcode_file, prompt="New passcode: ", env=False, confirm=True
        )
        if passcode is None:
            raise UserError("give the new passcode with --passcode-file FILE")
        store_service.protect(paths, passcode)
        print(f"the store is now encrypted ({files.database}). {FORGOTTEN}")
        print(
            "The plain file was overwritten and removed; on SSDs this cannot guarantee that "
            "no copy of the old blocks remains."
        )
        return EXIT_OK
    if not protected:
        raise UserError("the store is not protected by a passcode", path=files.database)
    current = read_passcode(args.passcode_file, prompt="Current passcode: ")
    if current is None:
        raise UserError("give the current passcode with --passcode-file FILE")
    if args.lock_command == "change":
        new = read_passcode(
            args.new_passcode_file, prompt="New passcode: ", env=False, confirm=True
        )
        if new is None:
            raise UserError("give the new passcode with --new-passcode-file FILE")
        store_service.change_passcode(paths, current, new)
        print(f"the passcode is changed (the store itself is unchanged). {FORGOTTEN}")
        return EXIT_OK
    store_service.unprotect(paths, current)
    print(
        f"the store is no longer encrypted: anyone with this laptop can read it ({files.database})"
    )
    return EXIT_OK


def cmd_empty_bin(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.services.erase import empty_bin

    with open_store(args, paths) as store:
        count = empty_bin(store, args.event)
    print(f"{args.event}: {count} deleted note(s) erased for real, with their history")
    return EXIT_OK


def cmd_erase_event(args: argparse.Namespace, paths: AppPaths) -> int:
    from fieldvisit.services.erase import erase_event_data

    if not args.yes:
        raise UserError(
            "this erases every note, answer, pick and rating of the event for good; "
            "run again with --yes to do it"
        )
    with open_store(args, paths) as store:
        erased = erase_event_data(store, args.event)
    print(
        f"{args.event}: erased {erased.notes} note(s), {erased.answers} answer(s) and "
        f"{erased.other} other record(s) for real"
    )
    return EXIT_OK
