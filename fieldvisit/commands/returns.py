"""CLI handlers for returns, personal exports, collation and the report."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from fieldvisit.commands.lock import open_store
from fieldvisit.paths import AppPaths
from fieldvisit.services.store import Store

if TYPE_CHECKING:
    from fieldvisit.services.exports import PdfRenderer
    from fieldvisit.services.organiser import SharedUpgrade

T = TypeVar("T")
EXIT_OK = 0
EXIT_SOME_REJECTED = 1


def _event_id(store: Store, requested: str | None) -> str:
    from fieldvisit.services.returns import latest_event_id

    return requested or latest_event_id(store)


def _output_folder_or_file(text: str) -> Path:
    """`-o`'s path: one written with a trailing separator names a folder, which must exist
    (else it would become a file of that name)."""
    from fieldvisit.domain.errors import StorageError

    output = Path(text)
    if text.endswith(tuple(filter(None, (os.sep, os.altsep)))) and not output.is_dir():
        raise StorageError("the folder does not exist", path=output)
    return output


def _count(number: int, plural: str) -> str:
    """The number and the noun, singular for one ("1 answer", "2 answers"): the section
    titles are plural nouns ending in s."""
    return f"{number} {plural[:-1] if number == 1 else plural}"


def _return_files(path: Path) -> list[Path]:
    """A file given as it is; a folder's return files (`*.fvreturn`, in any case), in name
    order. A folder without one is an error: collating nothing is never what was meant."""
    from fieldvisit.domain.errors import InvalidInputError
    from fieldvisit.returns.format import SUFFIX

    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.iterdir() if p.suffix.lower() == SUFFIX and p.is_file())
    if not found:
        others = sum(1 for p in path.iterdir() if p.is_file())
        beside = f" ({others} other file{'s' if others != 1 else ''})" if others else ""
        raise InvalidInputError(f"no return files (*{SUFFIX}) in this folder{beside}", path=path)
    return found


def cmd_return(args: argparse.Namespace, paths: AppPaths) -> int:
    """`fieldvisit return -o FILE|DIR [--event ID] [--name N] [--include-confidential]`."""
    from fieldvisit.returns.draft import SECTION_TITLES, choose
    from fieldvisit.services.returns import compose_draft, write_return

    with open_store(args, paths) as store:
        event_id = _event_id(store, args.event)
        draft = compose_draft(store, event_id)
        confirmed = (
            [i.key for i in draft.items if i.confidential] if args.include_confidential else []
        )
        selection = choose(draft, confirmed=confirmed)
        going = {r.kind + ":" + r.id for r in selection.records}
        if args.dry_run:
            print(f"Would send to the organisers of {draft.event_title}:")
            for kind, title in SECTION_TITLES.items():
                items = [i for i in draft.items if i.record.kind == kind]
                if items:
                    print(f"  {title}:")
                for item in items:
                    mark = "x" if f"{item.record.kind}:{item.record.id}" in going else " "
                    print(f"    [{mark}] {item.label}")
        else:
            written = write_return(
                store, event_id, _output_folder_or_file(args.output), confirmed=confirmed,
                delegate_name=args.name,
            )  # fmt: skip
            counts = {k: 0 for k in SECTION_TITLES}
            for record in written.records:
                counts[record.kind] += 1
            summary = ", ".join(_count(n, SECTION_TITLES[k].lower()) for k, n in counts.items())
            print(f"Wrote {written.path} ({summary}; {written.size} bytes, encrypted)")
        if selection.left_out_confidential:
            print(
                "Left out (notes on confidential sessions; send them with "
                "--include-confidential once you are sure):"
            )
            for item in selection.left_out_confidential:
                print(f"  - {item.label}")
        print("Private notes are never sent.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, paths: AppPaths) -> int:
    """`fieldvisit export notes|agenda|contacts|itinerary -o FILE [--event ID]
    [--include-private]`. The file type is checked before the store is opened; a .pdf
    booklet is drawn by the renderer named in `args.pdf_renderer` (app.py's, Qt offscreen)."""
    from fieldvisit.services.exports import check_suffix, export

    output = Path(args.output)
    check_suffix(args.what, output)
    render_pdf: PdfRenderer | None = None
    if output.suffix.lower() == ".pdf" and getattr(args, "pdf_renderer", None):
        from fieldvisit.cli import resolve_handler

        make = cast("Callable[[], PdfRenderer]", resolve_handler(args.pdf_renderer))
        render_pdf = make()
    with open_store(args, paths) as store:
        event_id = _event_id(store, args.event)
        done = export(
            store,
            args.what,
            event_id,
            output,
            include_private=bool(getattr(args, "include_private", False)),
            render_pdf=render_pdf,
        )
    for path in done.paths:
        print(f"Wrote {path}")
    print(done.summary)
    print("This file is not encrypted: anyone who gets it can read it.")
    return EXIT_OK


def with_password(db: str, action: Callable[[str | None], T]) -> T:
    """Run `action` with the store's own credentials first (URL, PGPASSWORD, PGPASSFILE,
    ~/.pgpass); when the server asks for a password and a person is at the terminal, ask
    once. The password lives in memory only."""
    from fieldvisit.domain.errors import CredentialsError
    from fieldvisit.services.organiser import public_location

    try:
        return action(None)
    except CredentialsError:
        if not sys.stdin.isatty():
            raise
        password = getpass.getpass(f"Password for {public_location(db)}: ")
        return action(password)


def shared_upgrade(args: argparse.Namespace, paths: AppPaths) -> SharedUpgrade:
    """A shared store's upgrade: after a pg_dump into the backups folder, or on the word of
    an organiser who has a backup (--i-have-a-backup)."""
    from fieldvisit.services.organiser import SharedUpgrade

    return SharedUpgrade(paths.backups, bool(getattr(args, "i_have_a_backup", False)))


def cmd_collate(args: argparse.Namespace, paths: AppPaths) -> int:
    """`fieldvisit collate RETURN... --key KEY --db DB|URL`: 1 when any file was rejected."""
    from fieldvisit.cli import read_passphrase
    from fieldvisit.packs.keys import load_keys
    from fieldvisit.services.collate import Organiser, collate_files
    from fieldvisit.services.collate_open import default_workers

    files = [file for name in args.returns for file in _return_files(Path(name))]
    key_path = Path(args.key)
    passphrase = read_passphrase(args.passphrase_file, prompt=f"Passphrase for {key_path}: ")
    keys = load_keys(key_path, passphrase)
    organiser = Organiser.here(args.organiser)
    summary = with_password(
        args.db,
        lambda password: collate_files(
            args.db,
            files,
            keys.returns,
            password=password,
            organiser=organiser,
            workers=default_workers(),
            upgrade=shared_upgrade(args, paths),
        ),
    )
    for outcome in summary.outcomes:
        if outcome.status == "accepted":
            print(
                f"accepted {outcome.path.name}: {outcome.added} new, {outcome.skipped} "
                f"unchanged, {outcome.superseded} superseded, {outcome.conflicts} conflict(s)"
            )
        elif outcome.status == "already":
            print(f"already collated {outcome.path.name}")
        else:
            print(f"REJECTED {outcome.path.name}: {outcome.reason}: {outcome.detail}")
    rejected = summary.count("rejected")
    print(
        f"{summary.count('accepted')} accepted, {summary.count('already')} already collated, "
        f"{rejected} rejected"
    )
    return EXIT_SOME_REJECTED if rejected else EXIT_OK


def cmd_report(args: argparse.Namespace, paths: AppPaths) -> int:
    """`fieldvisit report --db DB|URL -o DIR [--pack PACK]...`."""
    from fieldvisit.services.report import report_from_store

    folder = Path(args.output)
    written = with_password(
        args.db,
        lambda password: report_from_store(
            args.db,
            folder,
            password=password,
            packs=[Path(p) for p in args.pack],
            upgrade=shared_upgrade(args, paths),
        ),
    )
    print(f"Wrote {len(written)} file(s) to {folder}; start with {folder / 'index.md'}")
    return EXIT_OK
