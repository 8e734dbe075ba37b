"""Command-line parsing: builds the parser, dispatches, and turns user errors into exit codes.

Each sub-command names a handler `module:function` under `fieldvisit.commands` (or
`fieldvisit.app` for the ones that need Qt), imported only when that command runs so that
`fieldvisit pack verify` never loads Qt. A handler takes the parsed arguments and the
installation's paths and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from fieldvisit import __version__
from fieldvisit.domain.errors import UserError
from fieldvisit.paths import AppPaths, resolve

Handler = Callable[[argparse.Namespace, AppPaths], int]

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130

DB_HELP = (
    "the collation store: a file (SQLite) or a postgresql+psycopg://user@host/db URL "
    "(password from the URL, PGPASSWORD, PGPASSFILE/~/.pgpass or a prompt)"
)

BACKUP_HELP = (
    "a shared (PostgreSQL) store at an older schema is upgraded only after a pg_dump into "
    "the backups folder; without pg_dump, back it up yourself and say so with this flag"
)

# Files the GUI accepts as a bare argument, so a double-click in a file manager works.
OPENABLE_SUFFIXES = (".fvpack", ".fvreturn")


def _common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Options accepted both before and after the sub-command.

    On sub-commands the default is SUPPRESS: argparse would otherwise write the
    sub-parser's default (None) over a `--data-dir` given before the sub-command.
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="keep the store and settings in DIR (default: $FIELDVISIT_DATA_DIR, "
        "else the platform's user data folder)",
    )


def _passcode(parser: argparse.ArgumentParser) -> None:
    """For commands that read the store: its passcode, when it is protected."""
    parser.add_argument(
        "--passcode-file",
        metavar="FILE",
        help="the store's passcode is the first line of FILE (default: "
        "$FIELDVISIT_PASSCODE_FILE, else you are asked on a terminal)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldvisit",
        description="Field Visit Companion: an offline companion for conferences and "
        "study visits. With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"fieldvisit {__version__}")
    _common(parser, top=True)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the built-in self-test offscreen (sample pack, every section, a note, "
        "a return file) and exit",
    )
    parser.add_argument("--lang", metavar="CODE", help="interface language (en, nl)")
    parser.set_defaults(handler="fieldvisit.app:run_gui", file=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: str, help_text: str, **kw: object) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, **kw)  # type: ignore[arg-type]
        _common(p)
        p.set_defaults(handler=handler)
        return p

    gui = command("gui", "fieldvisit.app:run_gui", "start the desktop app (the default)")
    gui.add_argument("file", nargs="?", help="an event pack to open")

    # --- packs (organisers) ---------------------------------------------------------------
    pack = sub.add_parser("pack", help="build, verify and inspect event packs")
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    def pack_command(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        p = pack_sub.add_parser(name, help=help_text)
        _common(p)
        p.set_defaults(handler=handler)
        return p

    build = pack_command(
        "build",
        "fieldvisit.commands.packs:cmd_build",
        "build a signed .fvpack from a source folder, a workbook or a schedule",
    )
    build.add_argument(
        "source",
        help="a pack source folder, an .xlsx workbook, a Pentabarf/frab XML, "
        "a frab/pretalx JSON or an iCalendar file",
    )
    build.add_argument("-o", "--output", required=True, help="the .fvpack to write")
    build.add_argument("--key", help="the organiser's private key file (from `keys new`)")
    build.add_argument(
        "--with",
        dest="with_folder",
        metavar="FOLDER",
        help="a pack source folder completing a schedule (event, people, visit, questions)",
    )
    build.add_argument("--pack-version", type=int, help="the pack version (default: 1)")
    build.add_argument("--event-id", help="the event id, for schedules that carry none")
    build.add_argument(
        "--timezone",
        help="IANA zone for schedules whose times carry no zone (e.g. Europe/Amsterdam)",
    )
    build.add_argument(
        "--unsigned", action="store_true", help="write an unsigned pack (for drafts only)"
    )
    build.add_argument(
        "--passphrase-file", help="a file holding the key's passphrase (else you are asked)"
    )

    verify = pack_command(
        "verify",
        "fieldvisit.commands.packs:cmd_verify",
        "check a pack's signature, hashes, schema and references",
    )
    verify.add_argument("pack")
    verify.add_argument("--allow-unsigned", action="store_true")

    inspect = pack_command(
        "inspect", "fieldvisit.commands.packs:cmd_inspect", "show what a pack holds"
    )
    inspect.add_argument("pack")
    inspect.add_argument("--json", action="store_true", help="print one JSON object")

    template = pack_command(
        "template",
        "fieldvisit.commands.packs:cmd_template",
        "write a spreadsheet template organisers fill in",
    )
    template.add_argument("-o", "--output", required=True, help="the .xlsx to write")

    keys = sub.add_parser("keys", help="organiser signing keys")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    keys_new = keys_sub.add_parser("new", help="make an organiser key pair")
    _common(keys_new)
    keys_new.set_defaults(handler="fieldvisit.commands.packs:cmd_keys_new")
    keys_new.add_argument(
        "-o", "--output", required=True, help="private key file (the public key goes to FILE.pub)"
    )
    keys_new.add_argument(
        "--passphrase", action="store_true", help="protect the private key with a passphrase"
    )
    keys_new.add_argument("--passphrase-file", help="read the passphrase from this file")

    # --- the local store ------------------------------------------------------------------
    imp = command("import", "fieldvisit.commands.store:cmd_import", "install or update a pack")
    imp.add_argument("pack")
    _passcode(imp)
    imp.add_argument(
        "--accept-new-key",
        action="store_true",
        help="accept a pack signed by a different key than the one pinned for its event",
    )
    imp.add_argument(
        "--allow-unsigned", action="store_true", help="accept an unsigned pack (marked unsigned)"
    )
    events = command("events", "fieldvisit.commands.store:cmd_events", "list installed events")
    events.add_argument("--json", action="store_true", help="print JSON")
    _passcode(events)
    events_sub = events.add_subparsers(dest="events_command", metavar="ACTION")
    remove = events_sub.add_parser(
        "remove", help="remove an event and everything stored for it (asks first)"
    )
    _common(remove)
    remove.set_defaults(handler="fieldvisit.commands.store:cmd_events_remove")
    remove.add_argument("event_id", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.add_argument("--export-notes", metavar="FILE", help="export your notes here first")
    _passcode(remove)

    lock = sub.add_parser("lock", help="protect the store with a passcode (encrypt it)")
    lock_sub = lock.add_subparsers(dest="lock_command", metavar="ACTION", required=True)
    for name, help_text in (
        ("set", "encrypt the store under a new passcode"),
        ("change", "change the passcode (the store is not rewritten)"),
        ("remove", "decrypt the store back to a plain file (asks for the passcode)"),
    ):
        action = lock_sub.add_parser(name, help=help_text)
        _common(action)
        action.set_defaults(handler="fieldvisit.commands.lock:cmd_lock")
        _passcode(action)
        if name == "change":
            action.add_argument(
                "--new-passcode-file", metavar="FILE", help="the new passcode (else asked)"
            )

    empty = command(
        "empty-bin",
        "fieldvisit.commands.lock:cmd_empty_bin",
        "erase an event's deleted notes for real (rows, history and search index)",
    )
    empty.add_argument("--event", required=True, help="the event id")
    _passcode(empty)
    erase = command(
        "erase-event",
        "fieldvisit.commands.lock:cmd_erase_event",
        "erase everything you wrote for an event (notes, answers, picks) for real",
    )
    erase.add_argument("--event", required=True, help="the event id")
    erase.add_argument("--yes", action="store_true", help="yes, erase it for good")
    _passcode(erase)

    sample = sub.add_parser("sample", help="the bundled sample events (illustrative)")
    sample_sub = sample.add_subparsers(dest="sample_command", metavar="ACTION", required=True)
    sample_list = sample_sub.add_parser("list", help="list the sample events")
    _common(sample_list)
    sample_list.set_defaults(handler="fieldvisit.commands.store:cmd_sample_list")
    _passcode(sample_list)
    sample_install = sample_sub.add_parser("install", help="install a sample event")
    _common(sample_install)
    sample_install.set_defaults(handler="fieldvisit.commands.store:cmd_sample_install")
    sample_install.add_argument("name", metavar="NAME", help="hague, ran, icct or liaise")
    _passcode(sample_install)

    # --- returns, exports and collation ---------------------------------------------------
    ret = command(
        "return",
        "fieldvisit.commands.returns:cmd_return",
        "write an encrypted return file for the organisers",
    )
    ret.add_argument("-o", "--output", required=True, help="the .fvreturn file or a folder")
    ret.add_argument("--event", help="the event id (default: the only or latest event)")
    ret.add_argument("--name", help="your name as the organisers should see it")
    ret.add_argument(
        "--include-confidential",
        action="store_true",
        help="also send shared notes on confidential sessions (you confirm them all)",
    )
    ret.add_argument("--dry-run", action="store_true", help="list what would go, write nothing")
    _passcode(ret)

    exp = command(
        "export", "fieldvisit.commands.returns:cmd_export", "export your notes, agenda, contacts"
    )
    # A .pdf booklet is drawn by Qt: the command asks app.py for the renderer by name.
    exp.set_defaults(pdf_renderer="fieldvisit.app:pdf_renderer")
    exp.add_argument("what", choices=["notes", "agenda", "contacts", "itinerary"])
    exp.add_argument(
        "-o",
        "--output",
        required=True,
        help="the file: notes as .md or .pdf, agenda .ics, contacts .vcf, itinerary .gpx",
    )
    exp.add_argument(
        "--include-private",
        action="store_true",
        help="put your private notes in the notes booklet too (left out by default)",
    )
    exp.add_argument("--event", help="the event id (default: the only or latest event)")
    _passcode(exp)

    collate = command(
        "collate",
        "fieldvisit.commands.returns:cmd_collate",
        "read delegates' return files into an organiser's collation store",
    )
    collate.add_argument("returns", nargs="+", metavar="RETURN")
    collate.add_argument("--key", required=True, help="the organiser's private key file")
    collate.add_argument("--db", required=True, help=DB_HELP)
    collate.add_argument(
        "--organiser", help="your name as the store records this run (default: your login)"
    )
    collate.add_argument("--passphrase-file")
    collate.add_argument("--i-have-a-backup", action="store_true", help=BACKUP_HELP)

    report = command(
        "report", "fieldvisit.commands.returns:cmd_report", "write the lessons-learned report"
    )
    report.add_argument("--db", required=True, help=DB_HELP)
    report.add_argument("-o", "--output", required=True, help="the folder to write")
    report.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="PACK",
        help="the event's pack (repeatable): times in the event's zone, every session, "
        "sign-up groups and scale labels",
    )
    report.add_argument("--i-have-a-backup", action="store_true", help=BACKUP_HELP)

    organiser = command(
        "organiser",
        "fieldvisit.app:run_organiser",
        "open the Organiser window: collate returns into a shared or local store, report",
    )
    organiser.add_argument("--db", help=DB_HELP + "; default: the store the window opened last")
    organiser.add_argument("--i-have-a-backup", action="store_true", help=BACKUP_HELP)

    snap = command(
        "snapshot",
        "fieldvisit.app:run_snapshot",
        "render each section of the main window to PNG (offscreen) and exit",
    )
    snap.add_argument("--out", required=True, help="the folder for the PNG files")
    snap.add_argument("--width", type=int, default=1280)
    snap.add_argument("--height", type=int, default=800)
    snap.add_argument("--theme", choices=["light", "dark"], default="light")
    return parser


COMMANDS = (
    "gui",
    "pack",
    "keys",
    "import",
    "events",
    "lock",
    "empty-bin",
    "erase-event",
    "sample",
    "return",
    "export",
    "collate",
    "report",
    "organiser",
    "snapshot",
)


def _split_bare_file(argv: list[str]) -> list[str]:
    """`fieldvisit event.fvpack` (a file manager's double-click) means `fieldvisit gui FILE`."""
    for index, arg in enumerate(argv):
        if arg in COMMANDS:
            return argv
        if not arg.startswith("-") and arg.lower().endswith(OPENABLE_SUFFIXES):
            return [*argv[:index], "gui", *argv[index:]]
    return argv


def gui_defaults() -> argparse.Namespace:
    """What `build_parser().parse_args([])` gives (a test keeps the two equal)."""
    return argparse.Namespace(
        handler="fieldvisit.app:run_gui",
        file=None,
        data_dir=None,
        self_test=False,
        lang=None,
        command=None,
    )


def resolve_handler(spec: str) -> Handler:
    module_name, _, function = spec.partition(":")
    module = importlib.import_module(module_name)
    return cast(Handler, getattr(module, function))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _split_bare_file(list(sys.argv[1:] if argv is None else argv))
    # The desktop launcher starts `fieldvisit` with no arguments: that start skips building
    # the parser (some 7 ms of the time to the first window).
    args = gui_defaults() if not args_list else build_parser().parse_args(args_list)
    paths = resolve(args.data_dir)
    if args.self_test:
        args.handler = "fieldvisit.app:run_self_test"
    try:
        return resolve_handler(args.handler)(args, paths)
    except UserError as exc:
        print(f"fieldvisit: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("fieldvisit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `fieldvisit pack inspect X | head`: the reader left; that is not an error.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A full disk, a missing file, no permission: say which file, no traceback.
        where = exc.filename or ""
        print(f"fieldvisit: {where}: {exc.strerror or exc}".replace(": : ", ": "), file=sys.stderr)
        return EXIT_USER_ERROR


def read_passphrase(path: str | None, *, prompt: str, confirm: bool = False) -> str | None:
    """A passphrase from a file (first line), or asked on the terminal; None when empty."""
    if path:
        text = Path(path).read_text(encoding="utf-8").splitlines()
        return text[0] if text and text[0] else None
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass(prompt)
    if confirm and first != getpass.getpass("Again: "):
        raise UserError("the two passphrases differ")
    return first or None
